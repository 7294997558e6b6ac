/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cc-export-fixture.h"
#include "cc-importer.h"
#include "cc-test-util.h"
#include "cc-text.h"

static const char harbour[] =
  "Harbour dredging finishes early\n"
  "By Lena Fisk, Coast Herald\n"
  "\n"
  "The harbour reopened on Monday after six weeks of dredging, the port authority said.\n"
  "Officials said the work cost 4.2 million euros, below the 5 million budgeted.\n"
  "\n"
  "Ferries will return to the full timetable from 1 June, the operator added.\n";

static const char bridge[] =
  "Bridge repairs to last until autumn\n"
  "By Omar Reyes, Valley Courier\n"
  "\n"
  "The old bridge will stay closed until September, the council said on Tuesday.\n"
  "Repairs are expected to cost 6 million euros, more than first planned.\n";

/* Every line tries to be Markdown or HTML syntax. */
static const char hostile_head[] =
  "Odd *characters*, <b>tags</b> & [links] #1 #\n"
  "By Test Desk, Markup Weekly\n"
  "\n"
  "# Not a heading\n"
  "> not a quote\n"
  "*stars* and _underscores_ and `code` and ``double`` ticks\n"
  "---\n"
  "===\n"
  "<div class=\"x\">html block</div> and <b>inline</b>\n"
  "[a link](http://example.com) ![an image](img.png) <http://auto.link> <mail@example.com>\n"
  "&amp; &copy; &#35; &nbsp; &\n"
  "    four leading spaces\n"
  "\ta leading tab\n"
  "1. numbered\n"
  "2) numbered too\n"
  "+ plus item\n"
  "- minus item\n"
  "* star item\n"
  "trailing backslash\\\n"
  "pipes | a | b |\n"
  "|---|---|\n"
  "~~strike~~ ==mark== %%comment%% costs $5 and $6\n"
  "[ref]: http://example.com \"title\"\n"
  "```fenced```\n"
  "~~~\n"
  "line with trailing spaces   \n"
  "\n"
  "\n"
  "\n"
  "   indented after blank lines\n"
  "<!-- comment -->\n"
  "<?php echo 1; ?>\n"
  "\\* already escaped \\_ \\\\\n"
  "Setext heading\n"
  "--------------\n";

static const char * const hostile_quotes[] = {
  "# Not a heading",
  "> not a quote",
  "*stars* and _underscores_ and `code` and ``double`` ticks",
  "---\n===\n<div class=\"x\">html block</div>",
  "<div class=\"x\">html block</div> and <b>inline</b>",
  "[a link](http://example.com) ![an image](img.png) <http://auto.link> <mail@example.com>",
  "&amp; &copy; &#35; &nbsp; &",
  "    four leading spaces",
  "\ta leading tab",
  "1. numbered\n2) numbered too",
  "+ plus item\n- minus item\n* star item",
  "trailing backslash\\",
  "pipes | a | b |\n|---|---|",
  "~~strike~~ ==mark== %%comment%% costs $5 and $6",
  "[ref]: http://example.com \"title\"",
  "```fenced```\n~~~",
  "line with trailing spaces   \n\n\n\n   indented after blank lines",
  "<!-- comment -->\n<?php echo 1; ?>",
  "\\* already escaped \\_ \\\\",
  "Setext heading\n--------------",
  "===",
  "---",
  NULL
};

static const char * const hostile_notes[] = {
  "# A note that looks like a heading",
  "> a quote inside a note\n>> nested",
  "*emphasis* _emphasis_ **strong** __strong__ `code` ```fence```",
  "---",
  "===",
  "Title\n=====",
  "Title\n-----",
  "<script>alert(\"x\")</script> <b>bold</b> <!-- hidden -->",
  "[link](http://example.com) ![image](x.png) [ref][1] [[wiki link]]\n\n[1]: http://example.com",
  "<http://autolink.example> <someone@example.com>",
  "&amp; &lt; &#42; &#x2A; &unknown; & alone",
  "    indented four spaces\n\ttab indented",
  "First paragraph\n\nSecond paragraph\n\n\n\nAfter three blank lines",
  "1. first\n2) second\n10. tenth",
  "+ plus\n- minus\n* star\n- [ ] task",
  "ends with a backslash\\",
  "back\\\\slashes \\ and \\* escapes \\",
  "| a | b |\n|---|---|\n| 1 | 2 |",
  "\n\nstarts with blank lines",
  "ends with blank lines\n\n",
  "   ",
  "\t",
  "#hashtag #another and a #",
  "~~strike~~ ==highlight== %%comment%% $math$ ^sup^ {braces}",
  "Term\n: definition",
  "```\ncode block\n```",
  "~~~\ntilde block\n~~~",
  "trailing spaces  \nafter hard break",
  "\\",
  "a\n\n",
  NULL
};

const char * const *
cc_export_fixture_hostile_quotes (void)
{
  return hostile_quotes;
}

const char * const *
cc_export_fixture_hostile_notes (void)
{
  return hostile_notes;
}

/* The hostile article ends with a very long line. */
static char *
hostile_article (void)
{
  GString *text = g_string_new (hostile_head);

  for (guint i = 0; i < 400; i++)
    g_string_append (text, "word *x* _y_ [z] <w> ");
  g_string_append (text, "\nEnd of the article.\n");
  return g_string_free (text, FALSE);
}

void
cc_export_fixture_import (CcExportFixture *fixture,
                          CcStore         *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcImportReport) report = NULL;
  const char *paths[] = { fixture->corpus, NULL };

  report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->skipped, ==, 0);
}

CcExportFixture *
cc_export_fixture_new (gboolean import)
{
  CcExportFixture *fixture = g_new0 (CcExportFixture, 1);
  g_autofree char *hostile = hostile_article ();

  fixture->dir = cc_test_tmpdir_new ();
  fixture->corpus = g_build_filename (fixture->dir, "corpus", NULL);
  g_free (cc_test_write_file (fixture->corpus, "harbour.txt", harbour, -1));
  g_free (cc_test_write_file (fixture->corpus, "bridge.txt", bridge, -1));
  g_free (cc_test_write_file (fixture->corpus, "hostile.txt", hostile, -1));

  if (import)
    {
      g_autoptr(GError) error = NULL;

      fixture->store = cc_test_open_store (fixture->dir);
      cc_export_fixture_import (fixture, fixture->store);
      fixture->documents = cc_store_list_documents (fixture->store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fixture->documents->len, ==, 3);
    }
  return fixture;
}

void
cc_export_fixture_free (CcExportFixture *fixture)
{
  if (fixture == NULL)
    return;
  g_clear_pointer (&fixture->documents, g_ptr_array_unref);
  g_clear_object (&fixture->store);
  cc_test_tmpdir_free (fixture->dir);
  g_free (fixture->corpus);
  g_free (fixture);
}

CcDocument *
cc_export_fixture_document (CcStore    *store,
                            const char *basename)
{
  g_autoptr(GError) error = NULL;
  CcDocument *doc = cc_store_find_document (store, basename, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static guint annotation_clock = 0;

CcAnnotation *
cc_export_fixture_annotate (CcStore            *store,
                            CcDocument         *document,
                            const char         *needle,
                            const char         *color,
                            const char         *note,
                            const char * const *tags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = cc_store_load_text (store, cc_document_get_id (document), &error);
  const char *found;
  guint start, end;
  CcAnnotation *a;

  g_assert_no_error (error);
  found = strstr (text, needle);
  if (found == NULL)
    g_printerr ("“%s” is not in %s\n", needle, cc_document_get_basename (document));
  g_assert_nonnull (found);
  start = (guint)cc_text_byte_to_char (text, found - text);
  end = start + (guint)g_utf8_strlen (needle, -1);

  a = cc_annotation_new_for_range (cc_document_get_id (document), text, start, end, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_annotation_get_quote (a), ==, needle);
  if (color != NULL)
    cc_annotation_set_color (a, color);
  cc_annotation_set_note (a, note);
  cc_annotation_set_tags (a, tags);
  /* Fixed, distinct times, so that a round trip can compare them. */
  annotation_clock++;
  cc_annotation_set_created (a, 1700000000 + annotation_clock * 60);
  cc_annotation_set_modified (a, 1700000000 + annotation_clock * 60 + 17);
  cc_annotation_store_add (store, a, &error);
  g_assert_no_error (error);
  return a;
}

GPtrArray *
cc_export_fixture_annotate_all (CcExportFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDocument) harbour_doc = cc_export_fixture_document (fixture->store, "harbour.txt");
  g_autoptr(CcDocument) bridge_doc = cc_export_fixture_document (fixture->store, "bridge.txt");
  g_autoptr(CcDocument) hostile_doc = cc_export_fixture_document (fixture->store, "hostile.txt");
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  const char *budget[] = { "budget", "to check", NULL };
  const char *dates[] = { "dates", NULL };
  const char * const *quotes = cc_export_fixture_hostile_quotes ();
  const char * const *notes = cc_export_fixture_hostile_notes ();
  CcAnnotation *a;
  guint n_notes = g_strv_length ((char **)notes);

  /* Made in an order other than their position. */
  g_ptr_array_add (all, cc_export_fixture_annotate (fixture->store, harbour_doc,
                                                    "Ferries will return to the full timetable",
                                                    "green", "Check the date.", dates));
  g_ptr_array_add (all, cc_export_fixture_annotate (fixture->store, harbour_doc,
                                                    "the work cost 4.2 million euros", "yellow",
                                                    "Compare with the council's figure.\nAsk the port.",
                                                    budget));
  g_ptr_array_add (all, cc_export_fixture_annotate (fixture->store, bridge_doc,
                                                    "Repairs are expected to cost 6 million euros",
                                                    "pink", "", budget));
  a = cc_export_fixture_annotate (fixture->store, bridge_doc, "stay closed until September",
                                  "blue", NULL, dates);
  g_ptr_array_add (all, a);

  for (guint i = 0; quotes[i] != NULL; i++)
    {
      const char *tags[] = { i % 2 ? "markup" : "odd # tag", NULL };
      const char *colors[] = { "yellow", "green", "blue", "pink", "purple" };

      g_ptr_array_add (all, cc_export_fixture_annotate (fixture->store, hostile_doc, quotes[i],
                                                        colors[i % 5], notes[i % n_notes], tags));
    }

  /* One moved and one orphaned, as re-anchoring leaves them. */
  a = cc_export_fixture_annotate (fixture->store, harbour_doc, "The harbour reopened on Monday",
                                  "purple", "Moved here.", NULL);
  cc_annotation_set_state (a, CC_ANNOTATION_STATE_MOVED);
  {
    sqlite3_stmt *stmt = cc_store_prepare (fixture->store,
                                           "UPDATE annotations SET state = ?, quote = ?, start = ?,"
                                           "  end = ? WHERE uuid = ?", &error);
    g_assert_no_error (error);
    sqlite3_bind_text (stmt, 1, CC_ANNOTATION_STATE_MOVED, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, cc_annotation_get_quote (a), -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 3, cc_annotation_get_start (a));
    sqlite3_bind_int64 (stmt, 4, cc_annotation_get_end (a));
    sqlite3_bind_text (stmt, 5, cc_annotation_get_uuid (a), -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_reset (stmt);
  }
  g_ptr_array_add (all, a);

  a = cc_export_fixture_annotate (fixture->store, bridge_doc, "the council said on Tuesday",
                                  "yellow", "This sentence was cut from the article.", NULL);
  {
    /* Its text is gone: it keeps the quote it had. */
    sqlite3_stmt *stmt = cc_store_prepare (fixture->store,
                                           "UPDATE annotations SET state = ?, quote = ? "
                                           "WHERE uuid = ?", &error);
    g_assert_no_error (error);
    sqlite3_bind_text (stmt, 1, CC_ANNOTATION_STATE_ORPHANED, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, "the mayor said on Monday", -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 3, cc_annotation_get_uuid (a), -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_reset (stmt);
  }
  cc_annotation_set_state (a, CC_ANNOTATION_STATE_ORPHANED);
  cc_annotation_set_quote (a, "the mayor said on Monday");
  g_ptr_array_add (all, a);

  return all;
}
