/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cc-annotation-store.h"
#include "cc-error.h"
#include "cc-importer.h"
#include "cc-test-util.h"

static const char *article =
  "Harbour plan approved\n\n"
  "The port board approved the harbour expansion on Tuesday after a long debate. "
  "The plan adds two berths and a new breakwater.\n\n"
  "Local fishermen said the works would disturb spawning grounds in the bay. "
  "The board said an environmental survey found no lasting harm.\n\n"
  "Construction is due to start in the autumn and last three years.\n";

typedef struct
{
  char    *dir;
  char    *file;
  char    *db;
  CcStore *store;
  gint64   doc_id;
} Fixture;

static void
import_file (CcStore    *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { path, NULL };
  g_autoptr(CcImportReport) report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDocument) doc = NULL;

  f->dir = cc_test_tmpdir_new ();
  f->file = cc_test_write_file (f->dir, "articles/harbour.txt", article, -1);
  f->db = g_build_filename (f->dir, "library.db", NULL);
  f->store = cc_test_open_store (f->dir);
  import_file (f->store, f->file);
  doc = cc_store_find_document (f->store, "harbour.txt", &error);
  g_assert_no_error (error);
  f->doc_id = cc_document_get_id (doc);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->db);
  g_free (f->file);
  cc_test_tmpdir_free (f->dir);
}

/* Character range of the first occurrence of @quote in @text. */
static void
range_of (const char *text,
          const char *quote,
          guint      *start,
          guint      *end)
{
  const char *p = strstr (text, quote);

  g_assert_nonnull (p);
  *start = (guint)g_utf8_pointer_to_offset (text, p);
  *end = *start + (guint)g_utf8_strlen (quote, -1);
}

static CcAnnotation *
annotate (Fixture            *f,
          const char         *quote,
          const char         *color,
          const char         *note,
          const char * const *tags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = cc_store_load_text (f->store, f->doc_id, &error);
  CcAnnotation *a;
  guint start, end;

  g_assert_no_error (error);
  range_of (text, quote, &start, &end);
  a = cc_annotation_store_create (f->store, f->doc_id, start, end, color, note, tags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_cmpstr (cc_annotation_get_quote (a), ==, quote);
  return a;
}

static guint
count_all (CcStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = cc_annotation_store_list (store, NULL, &error);

  g_assert_no_error (error);
  return all->len;
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  const char *tags1[] = { "port", " Environment ", "environment", "", NULL };
  const char *tags2[] = { "schedule", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CcAnnotation) a = annotate (f, "approved the harbour expansion", "green",
                                        "Check the vote count", tags1);
  g_autoptr(CcAnnotation) b = annotate (f, "last three years", NULL, NULL, tags2);
  g_autoptr(CcAnnotation) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) all_tags = NULL;
  g_autofree char *prefix = NULL;
  CcAnnotationFilter filter = { 0 };

  /* Stored with a uuid, times, cleaned tags. */
  g_assert_true (g_uuid_string_is_valid (cc_annotation_get_uuid (a)));
  g_assert_cmpint (cc_annotation_get_id (a), >, 0);
  g_assert_cmpint (cc_annotation_get_created (a), >, 0);
  g_assert_cmpint (cc_annotation_get_modified (a), ==, cc_annotation_get_created (a));
  g_assert_cmpuint (g_strv_length ((GStrv)cc_annotation_get_tags (a)), ==, 2);
  g_assert_cmpstr (cc_annotation_get_color (b), ==, "yellow");
  g_assert_cmpstr (cc_annotation_get_document_hint (a), ==, "harbour.txt");
  g_assert_cmpuint (strlen (cc_annotation_get_prefix (a)), >, 0);

  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_annotation_get_note (got), ==, "Check the vote count");
  g_assert_cmpstr (cc_annotation_get_quote (got), ==, "approved the harbour expansion");
  g_assert_cmpstr (cc_annotation_get_tags (got)[0], ==, "Environment");
  g_assert_cmpstr (cc_annotation_get_tags (got)[1], ==, "port");
  g_assert_cmpuint (cc_annotation_get_start (got), ==, cc_annotation_get_start (a));
  g_clear_object (&got);

  /* By an unambiguous prefix of the uuid. */
  prefix = g_strndup (cc_annotation_get_uuid (b), 12);
  got = cc_annotation_store_get (f->store, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_annotation_get_uuid (got), ==, cc_annotation_get_uuid (b));
  g_clear_object (&got);

  /* Filters. */
  filter.color = "green";
  list = cc_annotation_store_list (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.color = NULL;
  filter.tag = "SCHEDULE";
  list = cc_annotation_store_list (f->store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (cc_annotation_get_uuid (list->pdata[0]), ==, cc_annotation_get_uuid (b));
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.tag = NULL;
  filter.text = "VOTE";
  list = cc_annotation_store_list (f->store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.text = NULL;
  filter.document_id = f->doc_id;
  list = cc_annotation_store_list (f->store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Ordered by position. */
  g_assert_cmpuint (cc_annotation_get_start (list->pdata[0]), <,
                    cc_annotation_get_start (list->pdata[1]));
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.document_id = f->doc_id + 1000;
  list = cc_annotation_store_list (f->store, &filter, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  all_tags = cc_annotation_store_list_tags (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (all_tags), ==, 3);
  g_assert_cmpstr (all_tags[0], ==, "Environment");
  g_assert_cmpstr (all_tags[2], ==, "schedule");
  g_clear_pointer (&all_tags, g_strfreev);

  /* Update note, colour, tags. */
  cc_annotation_set_note (a, "Vote was 5 to 2.\nSecond line.");
  cc_annotation_set_color (a, "purple");
  cc_annotation_set_tags (a, tags2);
  g_assert_true (cc_annotation_store_update (f->store, a, &error));
  g_assert_no_error (error);
  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (a), &error);
  g_assert_cmpstr (cc_annotation_get_note (got), ==, "Vote was 5 to 2.\nSecond line.");
  g_assert_cmpstr (cc_annotation_get_color (got), ==, "purple");
  g_assert_cmpstr (cc_annotation_get_tags (got)[0], ==, "schedule");
  g_assert_cmpint (cc_annotation_get_modified (got), >=, cc_annotation_get_created (got));
  g_clear_object (&got);
  /* Unused tags are forgotten. */
  all_tags = cc_annotation_store_list_tags (f->store, &error);
  g_assert_cmpuint (g_strv_length (all_tags), ==, 1);

  /* Delete, then undo by restoring. */
  g_assert_true (cc_annotation_store_delete (f->store, cc_annotation_get_uuid (a), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (f->store), ==, 1);
  g_assert_false (cc_annotation_store_delete (f->store, cc_annotation_get_uuid (a), &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cc_annotation_store_update (f->store, a, &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cc_annotation_store_restore (f->store, a, &error));
  g_assert_no_error (error);
  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_annotation_get_note (got), ==, "Vote was 5 to 2.\nSecond line.");
  g_assert_cmpint (cc_annotation_get_created (got), ==, cc_annotation_get_created (a));
  g_assert_false (cc_annotation_store_restore (f->store, a, &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CcAnnotation *a;

  a = cc_annotation_store_create (f->store, f->doc_id, 5, 5, NULL, NULL, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_clear_error (&error);
  a = cc_annotation_store_create (f->store, f->doc_id, 5, 100000, NULL, NULL, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_clear_error (&error);
  a = cc_annotation_store_create (f->store, f->doc_id, 0, 4, "orange", NULL, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_clear_error (&error);
  a = cc_annotation_store_create (f->store, f->doc_id + 99, 0, 4, NULL, NULL, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, CC_ERROR, CC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_all (f->store), ==, 0);
}

static void
test_file_mode (Fixture       *f,
                gconstpointer  data)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (f->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
rewrite (Fixture    *f,
         const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (f->file, text, -1, &error);
  g_assert_no_error (error);
  import_file (f->store, f->file);
}

static void
test_reanchor_on_import (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcAnnotation) kept = annotate (f, "an environmental survey found no lasting harm",
                                           "blue", "Who paid for the survey?", NULL);
  g_autoptr(CcAnnotation) gone = annotate (f, "The plan adds two berths and a new breakwater.",
                                           "pink", "Two or three?", NULL);
  g_autoptr(CcAnnotation) edited = annotate (f, "Construction is due to start in the autumn",
                                             NULL, NULL, NULL);
  g_autoptr(CcAnnotation) got = NULL;
  g_autoptr(GString) text = g_string_new (article);
  g_autofree char *stored = NULL;
  const char *p;
  guint start, end;

  /* Text inserted at the top, one annotated sentence deleted, one edited. */
  g_string_prepend (text, "Update: this story was corrected on Wednesday.\n\n");
  p = strstr (text->str, "The plan adds two berths and a new breakwater.");
  g_string_erase (text, p - text->str, strlen ("The plan adds two berths and a new breakwater."));
  p = strstr (text->str, "due to start in the autumn");
  g_string_erase (text, p - text->str, strlen ("due to start in the autumn"));
  g_string_insert (text, p - text->str, "due to start in the late autumn");
  rewrite (f, text->str);

  stored = cc_store_load_text (f->store, f->doc_id, &error);
  g_assert_no_error (error);

  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (kept), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_annotation_get_state (got), ==, CC_ANNOTATION_STATE_ANCHORED);
  range_of (stored, "an environmental survey found no lasting harm", &start, &end);
  g_assert_cmpuint (cc_annotation_get_start (got), ==, start);
  g_assert_cmpuint (cc_annotation_get_end (got), ==, end);
  g_assert_cmpstr (cc_annotation_get_note (got), ==, "Who paid for the survey?");
  g_clear_object (&got);

  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (gone), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_annotation_get_state (got), ==, CC_ANNOTATION_STATE_ORPHANED);
  g_assert_cmpstr (cc_annotation_get_quote (got), ==, "The plan adds two berths and a new breakwater.");
  g_assert_cmpstr (cc_annotation_get_note (got), ==, "Two or three?");
  g_clear_object (&got);

  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (edited), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_annotation_get_state (got), ==, CC_ANNOTATION_STATE_MOVED);
  g_assert_cmpstr (cc_annotation_get_quote (got), ==,
                   "Construction is due to start in the late autumn");
  g_clear_object (&got);

  /* Orphans are listed apart and can be re-attached. */
  {
    CcAnnotationFilter filter = { .state = CC_ANNOTATION_STATE_ORPHANED };
    g_autoptr(GPtrArray) orphans = cc_annotation_store_list (f->store, &filter, &error);

    g_assert_cmpuint (orphans->len, ==, 1);
    range_of (stored, "Local fishermen", &start, &end);
    g_assert_true (cc_annotation_store_reattach (f->store, orphans->pdata[0], start, end, &error));
    g_assert_no_error (error);
    got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (gone), &error);
    g_assert_cmpstr (cc_annotation_get_state (got), ==, CC_ANNOTATION_STATE_ANCHORED);
    g_assert_cmpstr (cc_annotation_get_quote (got), ==, "Local fishermen");
    g_assert_cmpstr (cc_annotation_get_note (got), ==, "Two or three?");
    g_clear_object (&got);
  }
  g_assert_cmpuint (count_all (f->store), ==, 3);
}

static void
test_orphan_comes_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcAnnotation) a = annotate (f, "would disturb spawning grounds in the bay", NULL,
                                        NULL, NULL);
  g_autoptr(CcAnnotation) got = NULL;
  g_autoptr(GString) text = g_string_new (article);
  const char *p = strstr (text->str, "Local fishermen said");

  g_string_erase (text, p - text->str, strlen ("Local fishermen said the works would disturb "
                                               "spawning grounds in the bay. "));
  rewrite (f, text->str);
  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (a), &error);
  g_assert_cmpstr (cc_annotation_get_state (got), ==, CC_ANNOTATION_STATE_ORPHANED);
  g_clear_object (&got);

  /* The file is reverted: the orphan finds its passage again. */
  rewrite (f, article);
  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (a), &error);
  g_assert_cmpstr (cc_annotation_get_state (got), !=, CC_ANNOTATION_STATE_ORPHANED);
  g_assert_cmpuint (cc_annotation_get_start (got), ==, cc_annotation_get_start (a));
}

static void
test_stale_update (Fixture       *f,
                   gconstpointer  data)
{
  /* The app holds an annotation while another process re-imports its
   * changed document: the app's note edit must not put back the old range. */
  g_autoptr(GError) error = NULL;
  g_autoptr(CcAnnotation) held = annotate (f, "a new breakwater", NULL, NULL, NULL);
  g_autoptr(CcAnnotation) got = NULL;
  g_autofree char *changed = g_strconcat ("Late update: the vote was close.\n\n", article, NULL);
  g_autofree char *stored = NULL;
  guint start, end;

  rewrite (f, changed);
  stored = cc_store_load_text (f->store, f->doc_id, &error);
  range_of (stored, "a new breakwater", &start, &end);
  g_assert_cmpuint (start, !=, cc_annotation_get_start (held));

  cc_annotation_set_note (held, "Written on a stale copy");
  g_assert_true (cc_annotation_store_update (f->store, held, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cc_annotation_get_start (held), ==, start);

  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (held), &error);
  g_assert_cmpstr (cc_annotation_get_note (got), ==, "Written on a stale copy");
  g_assert_cmpuint (cc_annotation_get_start (got), ==, start);
  g_assert_cmpuint (cc_annotation_get_end (got), ==, end);
  g_clear_object (&got);

  /* A real new range (the quote is there) is written. */
  range_of (stored, "two berths", &start, &end);
  cc_annotation_set_start (held, start);
  cc_annotation_set_end (held, end);
  cc_annotation_set_quote (held, "two berths");
  g_assert_true (cc_annotation_store_update (f->store, held, &error));
  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (held), &error);
  g_assert_cmpstr (cc_annotation_get_quote (got), ==, "two berths");
  g_assert_cmpuint (cc_annotation_get_start (got), ==, start);
}

static void
test_document_missing (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcAnnotation) a = annotate (f, "two berths", NULL, "Keep me", NULL);
  g_autofree char *folder = g_path_get_dirname (f->file);
  g_autoptr(CcAnnotation) got = NULL;

  g_assert_cmpint (g_unlink (f->file), ==, 0);
  import_file (f->store, folder);
  g_clear_object (&f->store);

  f->store = cc_store_open (f->db, &error);
  g_assert_no_error (error);
  got = cc_annotation_store_get (f->store, cc_annotation_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_annotation_get_note (got), ==, "Keep me");
  g_assert_cmpint (cc_annotation_get_document_id (got), ==, f->doc_id);
}

static char *
run_ok (const char * const *argv)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = cc_test_run_cli (argv, &out, &err);

  if (status != 0)
    g_printerr ("%s\n", err);
  g_assert_cmpint (status, ==, 0);
  return out;
}

static void
run_fails (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cc_test_run_cli (argv, &out, &err), !=, 0);
  g_assert_true (g_str_has_prefix (err, "crosscheck-cli: "));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  JsonArray *array;
  JsonObject *object;
  const char *second;

  /* The CLI works on the library file; this process keeps no connection. */
  text = cc_store_load_text (f->store, f->doc_id, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  second = strstr (strstr (text, "the") + 1, "the");

  {
    const char *argv[] = { "--db", f->db, "annotate", "harbour.txt", "--quote", "the",
                           "--occurrence", "2", "--color", "green", "--note", "two\tlines\nhere",
                           "--tag", "port", "--tag", "Board", NULL };
    id1 = g_strstrip (run_ok (argv));
    g_assert_true (g_uuid_string_is_valid (id1));
  }
  {
    const char *argv[] = { "--db", f->db, "annotate", "harbour.txt", "--start", "0", "--end", "7",
                           NULL };
    id2 = g_strstrip (run_ok (argv));
    g_assert_true (g_uuid_string_is_valid (id2));
  }

  /* TSV: a header, then one line per annotation in document order. */
  {
    const char *argv[] = { "--db", f->db, "annotations", NULL };
    out = run_ok (argv);
  }
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "id\tdocument\tstart\tend\tstate\tcolor\ttags\tquote\tnote");
  fields = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpstr (fields[0], ==, id2);
  g_assert_cmpstr (fields[2], ==, "0");
  g_assert_cmpstr (fields[3], ==, "7");
  g_assert_cmpstr (fields[7], ==, "Harbour");
  g_clear_pointer (&fields, g_strfreev);
  fields = g_strsplit (lines[2], "\t", -1);
  g_assert_cmpstr (fields[0], ==, id1);
  g_assert_cmpstr (fields[1], ==, "harbour.txt");
  g_assert_cmpstr (fields[4], ==, "anchored");
  g_assert_cmpstr (fields[5], ==, "green");
  g_assert_cmpstr (fields[6], ==, "Board,port");
  g_assert_cmpstr (fields[7], ==, "the");
  g_assert_cmpstr (fields[8], ==, "two\\tlines\\nhere");
  /* The second "the" of the text, in characters. */
  g_assert_cmpuint (g_ascii_strtoull (fields[2], NULL, 10), ==,
                    (guint64)g_utf8_pointer_to_offset (text, second));
  g_clear_pointer (&out, g_free);

  /* JSON. */
  {
    const char *argv[] = { "--db", f->db, "--format", "json", "annotations", "harbour.txt", NULL };
    out = run_ok (argv);
  }
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id1);
  g_assert_cmpstr (json_object_get_string_member (object, "note"), ==, "two\tlines\nhere");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "tags")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "end") -
                   json_object_get_int_member (object, "start"), ==, 3);
  g_clear_pointer (&out, g_free);

  /* Errors: stderr, non-zero exit, nothing stored. */
  {
    const char *a1[] = { "--db", f->db, "annotate", "harbour.txt", "--quote", "no such words", NULL };
    const char *a2[] = { "--db", f->db, "annotate", "harbour.txt", "--quote", "the", "--start", "1",
                         "--end", "3", NULL };
    const char *a3[] = { "--db", f->db, "annotate", "harbour.txt", "--start", "5", "--end", "5", NULL };
    const char *a4[] = { "--db", f->db, "annotate", "harbour.txt", "--quote", "the", "--color",
                         "orange", NULL };
    const char *a5[] = { "--db", f->db, "annotate", "nowhere.txt", "--quote", "the", NULL };
    const char *a6[] = { "--db", f->db, "annotate", "harbour.txt", "--quote", "the", "--occurrence",
                         "999", NULL };
    const char *a7[] = { "--db", f->db, "annotation-delete", "00000000-0000-4000-8000-000000000000",
                         NULL };
    const char *a8[] = { "--db", f->db, "annotate", "harbour.txt", "--start", "0", "--end", "99999",
                         NULL };
    run_fails (a1);
    run_fails (a2);
    run_fails (a3);
    run_fails (a4);
    run_fails (a5);
    run_fails (a6);
    run_fails (a7);
    run_fails (a8);
    {
      const char *a9[] = { "--db", f->db, "annotate", "harbour.txt", "--quote", "the",
                           "--occurrence", "0", NULL };
      const char *a10[] = { "--db", f->db, "annotate", "harbour.txt", "--start", "1", "--end", "4",
                            "--occurrence", "2", NULL };
      run_fails (a9);
      run_fails (a10);
    }
  }

  /* Delete. */
  {
    const char *argv[] = { "--db", f->db, "annotation-delete", id1, NULL };
    g_free (run_ok (argv));
  }
  f->store = cc_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_all (f->store), ==, 1);
}

/* A child that adds annotations one by one, writing each acknowledged uuid
 * on @fd, until killed. */
static G_NORETURN void
child_writer (const char *db,
              gint64      doc_id,
              int         fd,
              guint       count)
{
  g_autoptr(GError) error = NULL;
  CcStore *store;

  /* A forked child shares the parent's random state (g_test seeds it): give
   * it its own so that its uuids differ from its sibling's. */
  g_random_set_seed ((guint32)getpid () ^ (guint32)g_get_monotonic_time ());
  store = cc_store_open (db, &error);
  if (store == NULL)
    _exit (2);
  for (guint i = 0; count == 0 || i < count; i++)
    {
      g_autofree char *note = g_strdup_printf ("note %u from %d", i, (int)getpid ());
      g_autoptr(CcAnnotation) a = cc_annotation_store_create (store, doc_id, i % 50, i % 50 + 10,
                                                              NULL, note, NULL, &error);
      g_autofree char *line = NULL;

      if (a == NULL)
        {
          g_printerr ("child %d: %s\n", (int)getpid (), error->message);
          _exit (3);
        }
      line = g_strdup_printf ("%s\n", cc_annotation_get_uuid (a));
      if (write (fd, line, strlen (line)) != (gssize)strlen (line))
        _exit (4);
    }
  _exit (0);
}

static void
test_sigkill (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) acked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int fds[2];
  pid_t pid;
  int status;

  g_clear_object (&f->store);
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      child_writer (f->db, f->doc_id, fds[1], 0);
    }
  close (fds[1]);

  /* Kill it right after the 25th acknowledgement. */
  while (acked->len < 25)
    {
      char chunk[256];
      gssize n = read (fds[0], chunk, sizeof chunk);
      char *nl;

      g_assert_cmpint (n, >, 0);
      g_string_append_len (buffer, chunk, n);
      while ((nl = strchr (buffer->str, '\n')) != NULL)
        {
          g_ptr_array_add (acked, g_strndup (buffer->str, nl - buffer->str));
          g_string_erase (buffer, 0, nl - buffer->str + 1);
        }
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  close (fds[0]);

  f->store = cc_store_open (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < acked->len; i++)
    {
      g_autoptr(CcAnnotation) a = cc_annotation_store_get (f->store, acked->pdata[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (a);
    }
  g_assert_cmpuint (count_all (f->store), >=, acked->len);
}

static void
test_concurrent_writers (Fixture       *f,
                         gconstpointer  data)
{
  const guint per_child = 40;
  g_autoptr(GError) error = NULL;
  pid_t pids[2];
  int devnull = open ("/dev/null", O_WRONLY);

  g_assert_cmpint (devnull, >=, 0);
  /* No SQLite connection may cross a fork: the parent reopens its own after,
   * and writes too. */
  g_clear_object (&f->store);
  for (guint c = 0; c < G_N_ELEMENTS (pids); c++)
    {
      pids[c] = fork ();
      g_assert_cmpint (pids[c], >=, 0);
      if (pids[c] == 0)
        {
          child_writer (f->db, f->doc_id, devnull, per_child);
        }
    }
  f->store = cc_store_open (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < per_child; i++)
    {
      g_autoptr(CcAnnotation) a = cc_annotation_store_create (f->store, f->doc_id, i, i + 5,
                                                              "blue", NULL, NULL, &error);
      g_assert_no_error (error);
    }
  for (guint c = 0; c < G_N_ELEMENTS (pids); c++)
    {
      int status;

      g_assert_cmpint (waitpid (pids[c], &status, 0), ==, pids[c]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  close (devnull);
  g_assert_cmpuint (count_all (f->store), ==, 3 * per_child);
}

static void
test_object (void)
{
  g_autoptr(CcAnnotation) a = cc_annotation_new ();
  g_autoptr(CcAnnotation) copy = NULL;
  const char *tags[] = { "b", "A", "a", NULL };
  g_auto(GStrv) prop_tags = NULL;
  g_assert_cmpstr (cc_annotation_get_note (a), ==, "");
  g_assert_cmpstr (cc_annotation_get_state (a), ==, CC_ANNOTATION_STATE_ANCHORED);
  g_assert_false (cc_annotation_is_orphaned (a));
  cc_annotation_set_tags (a, tags);
  g_object_get (a, "tags", &prop_tags, NULL);
  g_assert_cmpuint (g_strv_length (prop_tags), ==, 2);
  g_assert_cmpstr (prop_tags[0], ==, "A");
  g_assert_true (cc_annotation_has_tag (a, "a"));
  g_object_set (a, "color", "pink", "start", 4u, "end", 9u, NULL);
  copy = cc_annotation_copy (a);
  g_assert_cmpstr (cc_annotation_get_color (copy), ==, "pink");
  g_assert_cmpuint (cc_annotation_get_end (copy), ==, 9);
  g_assert_true (cc_annotation_color_is_valid ("purple"));
  g_assert_false (cc_annotation_color_is_valid ("orange"));
  g_assert_cmpuint (g_strv_length ((GStrv)cc_annotation_get_colors ()), ==, 5);
  g_assert_nonnull (cc_annotation_color_get_label ("blue"));
}

/* Issue 9, item 12: a file with a control character between a letter and
 * its combining mark is stored as NFC, so the CLI finds the word as the
 * user types it. */
static void
test_cli_quote_after_control (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = cc_test_write_file (f->dir, "articles/cafe.txt",
                                              "Cafe\x01\xcc\x81 owners meet\nThe Cafe\x02\xcc\x81 "
                                              "on the corner opens on Monday, its owner said.\n",
                                              -1);
  g_autofree char *out = NULL;
  const char *argv[] = { "--db", f->db, "--format", "json", "annotate", "cafe.txt",
                         "--quote", "Café", "--occurrence", "2", NULL };

  import_file (f->store, path);
  g_clear_object (&f->store);
  out = run_ok (argv);
  g_assert_nonnull (strstr (out, "\"quote\" : \"Café\""));
}

/* Issue 9, item 7: annotate racing an import. A trace hook on the
 * annotating connection runs, when its first BEGIN starts, a whole import
 * on a second connection that changes the document: the moment between
 * reading the text and storing the annotation that an import from another
 * process can fill. Deterministic: one thread, two connections. */
typedef struct
{
  CcStore    *other;
  const char *file;
  gboolean    fired;
} RaceHook;

static const char *changed_article_head = "Update: the board met again on Friday.\n\n";

static int
import_on_begin (unsigned  type,
                 void     *context,
                 void     *statement,
                 void     *sql)
{
  RaceHook *hook = context;

  if (!hook->fired && g_str_has_prefix (sqlite3_sql (statement), "BEGIN"))
    {
      g_autofree char *text = g_strconcat (changed_article_head, article, NULL);

      hook->fired = TRUE;
      g_assert_true (g_file_set_contents (hook->file, text, -1, NULL));
      import_file (hook->other, hook->file);
    }
  return 0;
}

/* An anchored annotation's quote is what its document's text holds at its
 * range. */
static void
assert_anchored_at_quote (Fixture      *f,
                          CcAnnotation *created)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcAnnotation) stored = cc_annotation_store_get (f->store,
                                                            cc_annotation_get_uuid (created),
                                                            &error);
  g_autofree char *text = cc_store_load_text (f->store, f->doc_id, NULL);
  g_autofree char *at_range = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, changed_article_head));
  at_range = g_utf8_substring (text, cc_annotation_get_start (stored),
                               cc_annotation_get_end (stored));
  g_assert_cmpstr (cc_annotation_get_state (stored), ==, CC_ANNOTATION_STATE_ANCHORED);
  g_assert_cmpstr (at_range, ==, cc_annotation_get_quote (stored));
}

static CcStore *
race_setup (Fixture  *f,
            RaceHook *hook)
{
  g_autoptr(GError) error = NULL;
  CcStore *other = cc_store_open (f->db, &error);

  g_assert_no_error (error);
  hook->other = other;
  hook->file = f->file;
  hook->fired = FALSE;
  sqlite3_trace_v2 (cc_store_get_db (f->store), SQLITE_TRACE_STMT, import_on_begin, hook);
  return other;
}

/* By offsets (the app's selection): the range is taken from the text read
 * inside the transaction (the old code took the quote from the text before
 * the import and stored it as anchored at offsets of that old text). */
static void
test_create_races_import (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcAnnotation) a = NULL;
  g_autoptr(CcStore) other = NULL;
  RaceHook hook;
  guint start, end;

  range_of (article, "environmental survey", &start, &end);
  other = race_setup (f, &hook);
  a = cc_annotation_store_create (f->store, f->doc_id, start, end, NULL, "check", NULL, &error);
  sqlite3_trace_v2 (cc_store_get_db (f->store), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (hook.fired);
  assert_anchored_at_quote (f, a);
}

static gboolean
find_survey (const char  *text,
             guint       *start,
             guint       *end,
             gpointer     user_data,
             GError     **error)
{
  range_of (text, user_data, start, end);
  return TRUE;
}

/* By quote (the CLI's --quote): found in the text inside the transaction,
 * so it is the quote's place in the new text. */
static void
test_create_with_quote_races_import (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcAnnotation) a = NULL;
  g_autoptr(CcStore) other = NULL;
  RaceHook hook;

  other = race_setup (f, &hook);
  a = cc_annotation_store_create_with (f->store, f->doc_id, find_survey,
                                       (gpointer)"environmental survey", NULL, NULL, NULL,
                                       &error);
  sqlite3_trace_v2 (cc_store_get_db (f->store), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (hook.fired);
  g_assert_cmpstr (cc_annotation_get_quote (a), ==, "environmental survey");
  assert_anchored_at_quote (f, a);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crosscheck/annotations/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/crosscheck/annotations/object", test_object);
  ADD ("crud", test_crud);
  ADD ("bad-input", test_bad_input);
  ADD ("file-mode", test_file_mode);
  ADD ("reanchor-on-import", test_reanchor_on_import);
  ADD ("orphan-comes-back", test_orphan_comes_back);
  ADD ("stale-update", test_stale_update);
  ADD ("document-missing", test_document_missing);
  ADD ("cli", test_cli);
  ADD ("sigkill", test_sigkill);
  ADD ("concurrent-writers", test_concurrent_writers);
  ADD ("create-races-import", test_create_races_import);
  ADD ("cli-quote-after-control", test_cli_quote_after_control);
  ADD ("create-with-quote-races-import", test_create_with_quote_races_import);

  return g_test_run ();
}
