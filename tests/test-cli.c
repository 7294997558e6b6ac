/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>

#include "cc-test-util.h"

static void
test_import_list_search (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "lib.db", NULL);
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  g_free (cc_test_write_file (corpus, "harbour.txt",
                              "Harbour reopens\nBy Lena Fisk, Coast Herald\n"
                              "The harbour reopened on Monday after dredging.\n", -1));
  g_free (cc_test_write_file (corpus, "bridge.md",
                              "# Bridge closes\n\nThe *bridge* closes for repairs.\n", -1));
  g_free (cc_test_write_file (corpus, "data.bin", "\x01\x02\x03\x00\x00\x00\x00", 7));

  {
    const char *argv[] = { "--db", db, "import", corpus, NULL };
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    /* The skipped file is named on stderr with its reason. */
    g_assert_nonnull (strstr (err, "data.bin"));
    g_assert_nonnull (strstr (err, "unsupported file type"));
    g_assert_nonnull (strstr (err, "2 added"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { "list", "--db", db, NULL };
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    lines = g_strsplit (out, "\n", -1);
    g_assert_cmpstr (lines[0], ==, "id\tdocument\ttitle\toutlet\twords\tbyline\tpublished\turl\tlanguage");
    g_assert_true (g_str_has_suffix (lines[1], "\tbridge.md\tBridge closes\t\t7\t\t\t\t"));
    g_assert_true (g_str_has_suffix (lines[2], "\tharbour.txt\tHarbour reopens\tCoast Herald\t14"
                                               "\tLena Fisk\t\t\t"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_clear_pointer (&lines, g_strfreev);
  }

  {
    const char *argv[] = { "--db", db, "search", "--format", "json", "dredging", NULL };
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    g_assert_no_error (error);
    array = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                    "document"), ==, "harbour.txt");
    g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                             "snippet"), "[dredging]"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { "--db", db, "search", "repairs", NULL };
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    lines = g_strsplit (out, "\n", -1);
    g_assert_cmpstr (lines[0], ==, "id\tdocument\ttitle\tscore\tsnippet");
    g_assert_nonnull (strstr (lines[1], "\tbridge.md\t"));
    g_assert_cmpstr (lines[2], ==, "");
    g_clear_pointer (&lines, g_strfreev);
  }

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_errors (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *bad = cc_test_write_file (dir, "bad.db", "not a database at all", -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  {
    const char *argv[] = { "--db", bad, "list", NULL };
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, bad));
    g_assert_nonnull (strstr (err, "not a Crosscheck library"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { "frobnicate", NULL };
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "unknown command"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *db = g_build_filename (dir, "ok.db", NULL);
    const char *argv[] = { "--db", db, "list", "--format", "xml", NULL };
    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "xml"));
  }
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Issue 9, item 10: a file name that is not UTF-8 went into every JSON
 * output as raw bytes (and a lead byte before a quote left the quote
 * unescaped). TSV and JSON now show it as its display name, U+FFFD for
 * each invalid byte, and the JSON parses. */
static void
test_non_utf8_names (void)
{
  static const char name[] = "caf\xe9\"\xe9\x22 x.txt";
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "lib.db", NULL);
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *shown = g_utf8_make_valid (name, -1);
  static const char * const commands[] = { "list", "annotations", "search", "import" };

  g_free (cc_test_write_file (corpus, name, "Harbour reopens\n\nThe harbour reopened on "
                                            "Monday after dredging.\n", -1));
  {
    const char *argv[] = { "--db", db, "import", corpus, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
  }
  {
    const char *argv[] = { "--db", db, "annotate", "1", "--quote", "dredging", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    for (guint json = 0; json < 2; json++)
      {
        const char *argv[] = { "--db", db, commands[i], "--format", json ? "json" : "tsv",
                               i == 2 ? "dredging" : i == 3 ? corpus : NULL, NULL };
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(GError) error = NULL;

        g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
        g_assert_true (g_utf8_validate (out, -1, NULL));
        if (!json)
          {
            g_assert_nonnull (strstr (out, shown));
            continue;
          }
        g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
        g_assert_no_error (error);
        g_assert_nonnull (strstr (out, "caf\xef\xbf\xbd\\\"\xef\xbf\xbd\\\" x.txt"));
      }
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crosscheck/cli/import-list-search", test_import_list_search);
  g_test_add_func ("/crosscheck/cli/errors", test_errors);
  g_test_add_func ("/crosscheck/cli/non-utf8-names", test_non_utf8_names);

  return g_test_run ();
}
