/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "cc-annotation-store.h"
#include "cc-error.h"
#include "cc-export-fixture.h"
#include "cc-export.h"
#include "cc-importer.h"
#include "cc-test-util.h"
#include "cc-w3c.h"

static GPtrArray *
list_all (CcStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = cc_annotation_store_list (store, NULL, &error);

  g_assert_no_error (error);
  return list;
}

static CcAnnotation *
find_uuid (GPtrArray  *list,
           const char *uuid)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (cc_annotation_get_uuid (list->pdata[i]), uuid))
      return list->pdata[i];
  return NULL;
}

static char *
basename_of (CcStore *store,
             gint64   id)
{
  g_autoptr(CcDocument) doc = id != 0 ? cc_store_get_document (store, id, NULL) : NULL;

  return doc != NULL ? g_strdup (cc_document_get_basename (doc)) : NULL;
}

/* Same uuid, document (by name), range, quote and context, note, tags,
 * colour, times and, when @with_state, state. */
static void
assert_same (CcStore   *store_a,
             GPtrArray *a_list,
             CcStore   *store_b,
             GPtrArray *b_list,
             gboolean   with_state)
{
  g_assert_cmpuint (a_list->len, ==, b_list->len);
  for (guint i = 0; i < a_list->len; i++)
    {
      CcAnnotation *a = a_list->pdata[i];
      CcAnnotation *b = find_uuid (b_list, cc_annotation_get_uuid (a));
      g_autofree char *doc_a = basename_of (store_a, cc_annotation_get_document_id (a));
      g_autofree char *doc_b = NULL;
      g_autofree char *tags_a = NULL;
      g_autofree char *tags_b = NULL;

      g_assert_nonnull (b);
      doc_b = basename_of (store_b, cc_annotation_get_document_id (b));
      g_assert_cmpstr (doc_a, ==, doc_b);
      g_assert_cmpuint (cc_annotation_get_start (a), ==, cc_annotation_get_start (b));
      g_assert_cmpuint (cc_annotation_get_end (a), ==, cc_annotation_get_end (b));
      g_assert_cmpstr (cc_annotation_get_quote (a), ==, cc_annotation_get_quote (b));
      g_assert_cmpstr (cc_annotation_get_prefix (a), ==, cc_annotation_get_prefix (b));
      g_assert_cmpstr (cc_annotation_get_suffix (a), ==, cc_annotation_get_suffix (b));
      g_assert_cmpstr (cc_annotation_get_note (a), ==, cc_annotation_get_note (b));
      tags_a = g_strjoinv ("|", (char **)cc_annotation_get_tags (a));
      tags_b = g_strjoinv ("|", (char **)cc_annotation_get_tags (b));
      g_assert_cmpstr (tags_a, ==, tags_b);
      g_assert_cmpstr (cc_annotation_get_color (a), ==, cc_annotation_get_color (b));
      g_assert_cmpint (cc_annotation_get_created (a), ==, cc_annotation_get_created (b));
      g_assert_cmpint (cc_annotation_get_modified (a), ==, cc_annotation_get_modified (b));
      if (with_state)
        g_assert_cmpstr (cc_annotation_get_state (a), ==, cc_annotation_get_state (b));
    }
}

static char *
export_all (CcStore *store)
{
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  g_autoptr(GError) error = NULL;
  char *json = cc_w3c_export (store, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

/* A fresh library in a folder of its own. */
static CcStore *
fresh_store (char **dir)
{
  *dir = cc_test_tmpdir_new ();
  return cc_test_open_store (*dir);
}

static void
test_structure (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) all = cc_export_fixture_annotate_all (fixture);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = export_all (fixture->store);
  JsonObject *root, *page, *item, *target, *source;
  JsonArray *items, *selectors, *context;
  gboolean saw_tag = FALSE, saw_note = FALSE;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  context = json_object_get_array_member (root, "@context");
  g_assert_cmpstr (json_array_get_string_element (context, 0), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "AnnotationCollection");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "id"), "urn:uuid:"));
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, all->len);
  page = json_object_get_object_member (root, "first");
  g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, all->len);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *uuid = NULL;
      CcAnnotation *a;
      JsonObject *quote, *position;

      item = json_array_get_object_element (items, i);
      g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "Annotation");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "id"), "urn:uuid:"));
      uuid = g_strdup (json_object_get_string_member (item, "id") + strlen ("urn:uuid:"));
      a = find_uuid (all, uuid);
      g_assert_nonnull (a);
      g_assert_true (g_str_has_suffix (json_object_get_string_member (item, "created"), "Z"));

      target = json_object_get_object_member (item, "target");
      source = json_object_get_object_member (target, "source");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (source, "id"), "file:///"));
      g_assert_cmpuint (strlen (json_object_get_string_member (source, "crosscheck:sha256")), ==, 64);
      g_assert_cmpstr (json_object_get_string_member (target, "styleClass"), ==,
                       cc_annotation_get_color (a));
      selectors = json_object_get_array_member (target, "selector");
      quote = json_array_get_object_element (selectors, 0);
      position = json_array_get_object_element (selectors, 1);
      g_assert_cmpstr (json_object_get_string_member (quote, "type"), ==, "TextQuoteSelector");
      g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==,
                       cc_annotation_get_quote (a));
      g_assert_cmpstr (json_object_get_string_member (position, "type"), ==,
                       "TextPositionSelector");
      g_assert_cmpint (json_object_get_int_member (position, "start"), ==,
                       cc_annotation_get_start (a));
      g_assert_cmpint (json_object_get_int_member (position, "end"), ==,
                       cc_annotation_get_end (a));

      if (json_object_has_member (item, "body"))
        {
          JsonArray *bodies = json_object_get_array_member (item, "body");
          for (guint b = 0; b < json_array_get_length (bodies); b++)
            {
              JsonObject *body = json_array_get_object_element (bodies, b);
              const char *purpose = json_object_get_string_member (body, "purpose");

              g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "TextualBody");
              if (g_str_equal (purpose, "tagging"))
                saw_tag = TRUE;
              else
                {
                  g_assert_cmpstr (purpose, ==, "commenting");
                  g_assert_cmpstr (json_object_get_string_member (body, "value"), ==,
                                   cc_annotation_get_note (a));
                  saw_note = TRUE;
                }
            }
        }
      else
        g_assert_cmpstr (cc_annotation_get_note (a), ==, "");
    }
  g_assert_true (saw_tag);
  g_assert_true (saw_note);
}

static void
test_round_trip (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) made = cc_export_fixture_annotate_all (fixture);
  g_autoptr(GPtrArray) before = list_all (fixture->store);
  g_autofree char *json = export_all (fixture->store);
  g_autofree char *dir = NULL;
  g_autoptr(CcStore) store = fresh_store (&dir);
  g_autoptr(CcW3cImportReport) report = NULL;
  g_autoptr(CcW3cImportReport) again = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) after_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_back = NULL;

  cc_export_fixture_import (fixture, store);
  report = cc_w3c_import_data (store, json, -1, "export.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, before->len);
  g_assert_cmpuint (report->pending, ==, 0);
  g_assert_cmpuint (report->duplicates, ==, 0);
  after = list_all (store);
  assert_same (fixture->store, before, store, after, TRUE);

  /* Importing twice adds nothing. */
  again = cc_w3c_import_data (store, json, -1, "export.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->duplicates, ==, before->len);
  after_again = list_all (store);
  g_assert_cmpuint (after_again->len, ==, before->len);
  assert_same (fixture->store, before, store, after_again, TRUE);

  /* And its export is the same annotations again. */
  json_back = export_all (store);
  {
    g_autofree char *dir2 = NULL;
    g_autoptr(CcStore) third = fresh_store (&dir2);
    g_autoptr(CcW3cImportReport) r3 = NULL;
    g_autoptr(GPtrArray) list3 = NULL;

    cc_export_fixture_import (fixture, third);
    r3 = cc_w3c_import_data (third, json_back, -1, NULL, &error);
    g_assert_no_error (error);
    list3 = list_all (third);
    assert_same (fixture->store, before, third, list3, TRUE);
    cc_test_tmpdir_free (g_steal_pointer (&dir2));
  }

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The same articles at other paths: found by content hash. */
static void
test_moved_files (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) made = cc_export_fixture_annotate_all (fixture);
  g_autoptr(GPtrArray) before = list_all (fixture->store);
  g_autofree char *json = export_all (fixture->store);
  g_autoptr(CcExportFixture) elsewhere = cc_export_fixture_new (FALSE);
  g_autofree char *dir = NULL;
  g_autoptr(CcStore) store = fresh_store (&dir);
  g_autoptr(CcW3cImportReport) report = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  cc_export_fixture_import (elsewhere, store);
  report = cc_w3c_import_data (store, json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, before->len);
  after = list_all (store);
  assert_same (fixture->store, before, store, after, TRUE);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The articles changed since the export (a paragraph added at the top of
 * one): its annotations are placed again by their quotes. */
static void
test_changed_document (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) made = cc_export_fixture_annotate_all (fixture);
  g_autoptr(GPtrArray) before = list_all (fixture->store);
  g_autofree char *json = export_all (fixture->store);
  g_autoptr(CcExportFixture) edited = cc_export_fixture_new (FALSE);
  g_autofree char *harbour_path = g_build_filename (edited->corpus, "harbour.txt", NULL);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(CcStore) store = fresh_store (&dir);
  g_autoptr(CcW3cImportReport) report = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CcDocument) harbour = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint shifted = 0;

  g_assert_true (g_file_get_contents (harbour_path, &old_text, NULL, NULL));
  new_text = g_strconcat ("Harbour dredging finishes early\n\nUpdated: a paragraph added on top.\n\n",
                          strchr (old_text, '\n') + 1, NULL);
  g_assert_true (g_file_set_contents (harbour_path, new_text, -1, NULL));
  cc_export_fixture_import (edited, store);

  report = cc_w3c_import_data (store, json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, before->len);
  g_assert_cmpuint (report->pending, ==, 0);

  harbour = cc_export_fixture_document (store, "harbour.txt");
  text = cc_store_load_text (store, cc_document_get_id (harbour), &error);
  g_assert_no_error (error);
  after = list_all (store);
  for (guint i = 0; i < after->len; i++)
    {
      CcAnnotation *b = after->pdata[i];
      CcAnnotation *a = find_uuid (before, cc_annotation_get_uuid (b));
      g_autofree char *at = NULL;

      g_assert_nonnull (a);
      g_assert_cmpstr (cc_annotation_get_note (a), ==, cc_annotation_get_note (b));
      if (cc_annotation_get_document_id (b) != cc_document_get_id (harbour))
        continue;
      /* Found again in the new text, further on. */
      g_assert_false (cc_annotation_is_orphaned (b));
      at = g_utf8_substring (text, cc_annotation_get_start (b), cc_annotation_get_end (b));
      g_assert_cmpstr (at, ==, cc_annotation_get_quote (b));
      g_assert_cmpstr (cc_annotation_get_quote (b), ==, cc_annotation_get_quote (a));
      g_assert_cmpuint (cc_annotation_get_start (b), >, cc_annotation_get_start (a));
      shifted++;
    }
  g_assert_cmpuint (shifted, >=, 2);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_missing_document (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) made = cc_export_fixture_annotate_all (fixture);
  g_autoptr(GPtrArray) before = list_all (fixture->store);
  g_autofree char *json = export_all (fixture->store);
  g_autofree char *dir = NULL;
  g_autoptr(CcStore) store = fresh_store (&dir);
  g_autoptr(CcW3cImportReport) report = NULL;
  g_autoptr(CcW3cImportReport) again = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) attached = NULL;
  g_autoptr(GError) error = NULL;
  guint n_attached = 0;

  /* No documents: every annotation is reported and kept. */
  report = cc_w3c_import_data (store, json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->pending, ==, before->len);
  g_assert_cmpuint (report->messages->len, ==, before->len);
  for (guint i = 0; i < report->messages->len; i++)
    g_assert_true (strstr (report->messages->pdata[i], "harbour.txt") != NULL ||
                   strstr (report->messages->pdata[i], "bridge.txt") != NULL ||
                   strstr (report->messages->pdata[i], "hostile.txt") != NULL);
  kept = list_all (store);
  g_assert_cmpuint (kept->len, ==, before->len);
  for (guint i = 0; i < kept->len; i++)
    {
      g_assert_cmpint (cc_annotation_get_document_id (kept->pdata[i]), ==, 0);
      g_assert_nonnull (cc_annotation_get_document_hint (kept->pdata[i]));
      g_assert_true (cc_annotation_is_orphaned (kept->pdata[i]));
    }
  /* Kept ones are exported too, with the name of their document. */
  {
    g_autofree char *kept_json = export_all (store);
    g_assert_nonnull (strstr (kept_json, "\"crosscheck:basename\" : \"bridge.txt\""));
  }

  /* Not twice. */
  again = cc_w3c_import_data (store, json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->duplicates, ==, before->len);
  g_assert_cmpuint (again->pending, ==, 0);

  /* The documents come: importing them attaches the annotations where
   * they were. */
  {
    const char *paths[] = { fixture->corpus, NULL };
    g_autoptr(CcImportReport) imported = cc_import_paths (store, paths, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (imported->added, ==, 3);
    g_assert_cmpuint (imported->attached, ==, before->len);
  }
  attached = list_all (store);
  assert_same (fixture->store, before, store, attached, FALSE);
  for (guint i = 0; i < attached->len; i++)
    {
      CcAnnotation *b = attached->pdata[i];
      CcAnnotation *a = find_uuid (before, cc_annotation_get_uuid (b));

      g_assert_cmpint (cc_annotation_get_document_id (b), !=, 0);
      g_assert_cmpint (cc_annotation_is_orphaned (b), ==, cc_annotation_is_orphaned (a));
    }

  /* Nothing left to attach. */
  g_assert_true (cc_w3c_attach_pending (store, &n_attached, &error));
  g_assert_cmpuint (n_attached, ==, 0);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_bad_json (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) made = cc_export_fixture_annotate_all (fixture);
  g_autofree char *json = export_all (fixture->store);
  g_autofree char *dir = NULL;
  g_autoptr(CcStore) store = fresh_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CcW3cImportReport) report = NULL;
  g_autoptr(GPtrArray) none = NULL;

  cc_export_fixture_import (fixture, store);

  /* A syntax error on line 3. */
  path = cc_test_write_file (dir, "broken.json",
                             "{\n  \"type\": \"AnnotationCollection\",\n  \"first\": {\"items\": [}\n}\n",
                             -1);
  report = cc_w3c_import_file (store, path, &error);
  g_assert_null (report);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  /* The export cut short. */
  json[strlen (json) / 2] = '\0';
  report = cc_w3c_import_data (store, json, -1, "half.json", &error);
  g_assert_null (report);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "half.json, line "));
  g_clear_error (&error);

  /* Valid JSON, but the third annotation has no quote: none of them is
   * stored. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *full = export_all (fixture->store);
    g_autofree char *edited = NULL;
    JsonArray *items;
    JsonObject *target;

    g_assert_true (json_parser_load_from_data (parser, full, -1, NULL));
    items = json_object_get_array_member (json_object_get_object_member (
      json_node_get_object (json_parser_get_root (parser)), "first"), "items");
    target = json_object_get_object_member (json_array_get_object_element (items, 2), "target");
    json_object_remove_member (target, "selector");
    json_generator_set_root (generator, json_parser_get_root (parser));
    edited = json_generator_to_data (generator, NULL);
    report = cc_w3c_import_data (store, edited, -1, "edited.json", &error);
    g_assert_null (report);
    g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "annotation 3"));
    g_clear_error (&error);
  }

  /* Not annotations at all; empty. */
  report = cc_w3c_import_data (store, "{\"type\": \"Person\"}", -1, "person.json", &error);
  g_assert_null (report);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_clear_error (&error);
  report = cc_w3c_import_data (store, "", -1, "empty.json", &error);
  g_assert_null (report);
  g_assert_error (error, CC_ERROR, CC_ERROR_EMPTY);
  g_clear_error (&error);

  none = list_all (store);
  g_assert_cmpuint (none->len, ==, 0);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* An annotation written by another tool: an http id, bodyValue, a quote
 * only, the file named by URI. */
static void
test_foreign (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(CcDocument) bridge = cc_export_fixture_document (fixture->store, "bridge.txt");
  g_autofree char *uri = g_filename_to_uri (cc_document_get_path (bridge), NULL, NULL);
  g_autofree char *json = NULL;
  g_autoptr(CcW3cImportReport) report = NULL;
  g_autoptr(CcW3cImportReport) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  CcAnnotation *a;

  json = g_strdup_printf ("{ \"@context\": \"http://www.w3.org/ns/anno.jsonld\","
                          "  \"id\": \"http://example.org/anno/42\", \"type\": \"Annotation\","
                          "  \"bodyValue\": \"Why September?\","
                          "  \"created\": \"2025-03-04T05:06:07+01:00\","
                          "  \"target\": { \"source\": \"%s\","
                          "    \"selector\": { \"type\": \"TextQuoteSelector\","
                          "                    \"exact\": \"until September\" } } }", uri);
  report = cc_w3c_import_data (fixture->store, json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  list = list_all (fixture->store);
  g_assert_cmpuint (list->len, ==, 1);
  a = list->pdata[0];
  g_assert_cmpint (cc_annotation_get_document_id (a), ==, cc_document_get_id (bridge));
  g_assert_cmpstr (cc_annotation_get_quote (a), ==, "until September");
  g_assert_cmpstr (cc_annotation_get_note (a), ==, "Why September?");
  g_assert_cmpint (cc_annotation_get_created (a), ==, 1741061167);
  g_assert_true (g_uuid_string_is_valid (cc_annotation_get_uuid (a)));
  {
    g_autofree char *text = cc_store_load_text (fixture->store, cc_document_get_id (bridge), NULL);
    g_autofree char *at = g_utf8_substring (text, cc_annotation_get_start (a),
                                            cc_annotation_get_end (a));
    g_assert_cmpstr (at, ==, "until September");
  }

  /* Its id gives the same uuid each time. */
  again = cc_w3c_import_data (fixture->store, json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->duplicates, ==, 1);
}

static void
test_cli (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) made = cc_export_fixture_annotate_all (fixture);
  g_autofree char *db = g_strdup (cc_store_get_path (fixture->store));
  g_autofree char *json_path = g_build_filename (fixture->dir, "notes.json", NULL);
  g_autofree char *bad_path = NULL;
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *db2 = g_build_filename (dir, "other.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  {
    const char *argv[] = { "export", "--db", db, "--format", "json", "-o", json_path, NULL };
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Into a library without the documents: reported, kept. */
  {
    const char *argv[] = { "import-annotations", "--db", db2, json_path, NULL };
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    expected = g_strdup_printf ("added\tpending\tduplicates\tattached\n0\t%u\t0\t0\n", made->len);
    g_assert_cmpstr (out, ==, expected);
    g_assert_nonnull (strstr (err, "hostile.txt"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* The documents: importing them attaches the waiting annotations; the
   * same file again adds none twice. */
  {
    const char *import_argv[] = { "import", "--db", db2, "--format", "json", fixture->corpus, NULL };
    const char *argv[] = { "--db", db2, "import-annotations", "--format", "json", json_path, NULL };
    g_autoptr(JsonParser) import_parser = json_parser_new ();
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;

    g_assert_cmpint (cc_test_run_cli (import_argv, &out, &err), ==, 0);
    g_assert_true (json_parser_load_from_data (import_parser, out, -1, NULL));
    root = json_node_get_object (json_parser_get_root (import_parser));
    g_assert_cmpint (json_object_get_int_member (root, "attached"), ==, made->len);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (root, "attached"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (root, "duplicates"), ==, made->len);
    g_assert_cmpint (json_object_get_int_member (root, "added"), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Bad JSON: the file and line, a failure status. */
  bad_path = cc_test_write_file (dir, "bad.json", "[\n  {\"type\": \"Annotation\",,}\n]\n", -1);
  {
    const char *argv[] = { "import-annotations", "--db", db2, bad_path, NULL };
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "bad.json, line 2"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Issue 9, item 8: json-glib's parser recurses per level; a deep input
 * used to overflow the stack. A million levels of arrays, of objects, and
 * a deep file are refused by name, before the parser; nesting inside
 * strings (with escapes) does not count. */
static void
test_deep_json (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CcStore) store = fresh_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcW3cImportReport) report = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *big = NULL;
  int fd;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  report = cc_w3c_import_data (store, deep->str, deep->len, "arrays.json", &error);
  g_assert_null (report);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "arrays.json"));
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_clear_error (&error);

  g_string_truncate (deep, 0);
  for (guint i = 0; i < 1000000; i++)
    g_string_append (deep, "{\"a\":");
  path = cc_test_write_file (dir, "objects.json", deep->str, deep->len);
  report = cc_w3c_import_file (store, path, &error);
  g_assert_null (report);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_clear_error (&error);

  /* 65 levels is one too many; brackets, quotes and escapes inside a
   * string are text. */
  g_string_truncate (deep, 0);
  for (guint i = 0; i < 65; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 65; i++)
    g_string_append_c (deep, ']');
  report = cc_w3c_import_data (store, deep->str, deep->len, "65.json", &error);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_clear_error (&error);
  g_string_assign (deep, "{\"type\": \"Person\", \"name\": \"[[[[\\\\\\\"{{{{");
  for (guint i = 0; i < 1000; i++)
    g_string_append (deep, "[{");
  g_string_append (deep, "\\\\\"}");
  report = cc_w3c_import_data (store, deep->str, deep->len, "strings.json", &error);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a W3C annotation"));
  g_clear_error (&error);

  /* json-glib took a value followed by another as one document (and
   * leaked one, found by fuzz-w3c): one value at the top only. */
  report = cc_w3c_import_data (store, "0{\"type\": \"Annotation\"}", -1, "two.json", &error);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "two.json, line 1: not valid JSON: more than one value"));
  g_clear_error (&error);
  report = cc_w3c_import_data (store, " [] \n\"x\"", -1, "two.json", &error);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "two.json, line 2: not valid JSON: more than one value"));
  g_clear_error (&error);

  /* Past the size limit: refused without reading it (a sparse file). */
  big = g_build_filename (dir, "big.json", NULL);
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 65 * 1024 * 1024), ==, 0);
  close (fd);
  report = cc_w3c_import_file (store, big, &error);
  g_assert_null (report);
  g_assert_error (error, CC_ERROR, CC_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, big));
  g_clear_error (&error);

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Issue 9, item 17: a position of 1e300 was converted to an integer with
 * undefined behaviour. A number that is no character offset is refused
 * with the annotation and the member named; nothing is stored. */
static void
test_position_range (void)
{
  static const char * const bad[] = { "1e300", "-1e300", "1e19", "2147483648", "-1", "4.5" };
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) none = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (guint member = 0; member < 2; member++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(CcW3cImportReport) report = NULL;
        g_autofree char *json = g_strdup_printf (
          "[{\"type\": \"Annotation\", \"target\": {\"source\": \"harbour.txt\", \"selector\": ["
          "{\"type\": \"TextQuoteSelector\", \"exact\": \"harbour\"},"
          "{\"type\": \"TextPositionSelector\", \"start\": %s, \"end\": %s}]}}]",
          member == 0 ? bad[i] : "4", member == 1 ? bad[i] : "11");

        report = cc_w3c_import_data (fixture->store, json, -1, "range.json", &error);
        g_assert_null (report);
        g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "range.json: annotation 1"));
        g_assert_nonnull (strstr (error->message, member == 0 ? "“start”" : "“end”"));
      }
  none = list_all (fixture->store);
  g_assert_cmpuint (none->len, ==, 0);
}

/* Found by fuzz-w3c: half of a UTF-16 surrogate pair in a \u escape
 * ("\udddd") became bytes that are not UTF-8 in a stored quote, and raw
 * bytes that are not UTF-8 in the file went the same way. Both are
 * refused by name; a whole pair (an emoji) is read. */
static void
test_json_not_utf8 (void)
{
  static const char * const bad[] = {
    "x\\udddd", "x\\ud83dy", "x\\ud83d\\u0041", "x\\ud83d", "x\xff",
  };
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcW3cImportReport) report = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CcW3cImportReport) refused = NULL;
      g_autofree char *json = g_strdup_printf (
        "[{\"type\": \"Annotation\", \"target\": {\"source\": \"harbour.txt\", "
        "\"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"%s\"}}}]", bad[i]);

      refused = cc_w3c_import_data (fixture->store, json, -1, "pair.json", &local_error);
      g_assert_null (refused);
      g_assert_error (local_error, CC_ERROR, CC_ERROR_INVALID);
      g_assert_nonnull (strstr (local_error->message, "pair.json"));
    }
  none = list_all (fixture->store);
  g_assert_cmpuint (none->len, ==, 0);

  report = cc_w3c_import_data (fixture->store,
                               "[{\"type\": \"Annotation\", \"target\": {\"source\": "
                               "\"harbour.txt\", \"selector\": {\"type\": "
                               "\"TextQuoteSelector\", \"exact\": \"x\\ud83d\\ude00\"}}}]",
                               -1, "pair.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

/* Issue 9, item 10: a file name that is not UTF-8 went into the W3C
 * export as raw bytes, and the export could not be imported back. It is
 * now valid UTF-8, and restores: into the same library (by content),
 * and into an empty one, kept until the file is imported and then
 * attached to it by its exact name. */
static void
test_non_utf8_name (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CcStore) store = fresh_store (&dir);
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *file = cc_test_write_file (corpus, "caf\xe9 \"news\xe9\x22.txt",
                                              "Harbour reopens\n\nThe harbour reopened on "
                                              "Monday after dredging.\n", -1);
  g_autofree char *other_dir = NULL;
  g_autoptr(CcStore) other = fresh_store (&other_dir);
  g_autoptr(CcDocument) doc = NULL;
  g_autoptr(CcAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcW3cImportReport) report = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(CcImportReport) imported = NULL;
  g_autofree char *json = NULL;
  const char *paths[] = { corpus, NULL };

  imported = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&imported, cc_import_report_free);
  doc = cc_store_find_document (store, "caf\xe9 \"news\xe9\x22.txt", &error);
  g_assert_no_error (error);
  a = cc_export_fixture_annotate (store, doc, "dredging", "green", "Which dredger?", NULL);

  json = export_all (store);
  g_assert_true (g_utf8_validate (json, -1, NULL));

  /* The same library: found by content, a duplicate. */
  report = cc_w3c_import_data (store, json, -1, "export.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->duplicates, ==, 1);
  g_clear_pointer (&report, cc_w3c_import_report_free);

  /* An empty library: kept, then attached once the file is imported. */
  report = cc_w3c_import_data (other, json, -1, "export.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->pending, ==, 1);
  g_assert_true (g_utf8_validate (report->messages->pdata[0], -1, NULL));
  imported = cc_import_paths (other, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  mine = list_all (store);
  restored = list_all (other);
  assert_same (store, mine, other, restored, TRUE);
  g_assert_cmpint (cc_annotation_get_document_id (restored->pdata[0]), !=, 0);

  cc_test_tmpdir_free (g_steal_pointer (&other_dir));
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crosscheck/w3c/structure", test_structure);
  g_test_add_func ("/crosscheck/w3c/round-trip", test_round_trip);
  g_test_add_func ("/crosscheck/w3c/moved-files", test_moved_files);
  g_test_add_func ("/crosscheck/w3c/changed-document", test_changed_document);
  g_test_add_func ("/crosscheck/w3c/missing-document", test_missing_document);
  g_test_add_func ("/crosscheck/w3c/bad-json", test_bad_json);
  g_test_add_func ("/crosscheck/w3c/foreign", test_foreign);
  g_test_add_func ("/crosscheck/w3c/cli", test_cli);
  g_test_add_func ("/crosscheck/w3c/deep-json", test_deep_json);
  g_test_add_func ("/crosscheck/w3c/position-range", test_position_range);
  g_test_add_func ("/crosscheck/w3c/json-not-utf8", test_json_not_utf8);
  g_test_add_func ("/crosscheck/w3c/non-utf8-name", test_non_utf8_name);

  return g_test_run ();
}
