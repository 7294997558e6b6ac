/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search on one large article with a frequent word, against a baseline
 * measured in the same run on the same library: a plain FTS5 MATCH ranked
 * by bm25 that reads each hit's text once (length()), the least any search
 * that shows snippets must do; a count(*) alone reads no positions and no
 * text, so it does not grow with the article. Also timed, on the smaller sizes only (it is quadratic
 * in the matches of the article), the query search used before: FTS5's own
 * snippet() over every hit. Figures are ratios to the baseline; a linear
 * search keeps its ratio as the article grows.
 *
 * Environment: CC_BENCH_SEARCH_MB (largest article, default 8),
 * CC_BENCH_SNIPPET_MB (largest article for the old query, default 2). */
#include <stdio.h>
#include <stdlib.h>

#include "cc-store.h"
#include "../cc-test-util.h"

#define RUNS 3

typedef double (*Timed) (CcStore *store);

static double
best_of (CcStore *store,
         Timed    func)
{
  double best = G_MAXDOUBLE;

  for (int i = 0; i < RUNS; i++)
    best = MIN (best, func (store));
  return best;
}

static double
time_count (CcStore *store)
{
  sqlite3_stmt *stmt = cc_store_prepare (store,
                                         "SELECT bm25(documents_fts) AS r, length(d.text) "
                                         "FROM documents_fts JOIN documents d"
                                         "  ON d.id = documents_fts.rowid "
                                         "WHERE documents_fts MATCH '\"ferry\"' "
                                         "ORDER BY r LIMIT 20", NULL);
  gint64 start = g_get_monotonic_time ();

  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_old_snippet (CcStore *store)
{
  sqlite3_stmt *stmt = cc_store_prepare (store,
                                         "SELECT d.id, snippet(documents_fts, 1, '[', ']', '…', 16),"
                                         "  bm25(documents_fts, 5.0, 1.0) AS r "
                                         "FROM documents_fts JOIN documents d"
                                         "  ON d.id = documents_fts.rowid "
                                         "WHERE documents_fts MATCH '\"ferry\"' "
                                         "ORDER BY r LIMIT 20", NULL);
  gint64 start = g_get_monotonic_time ();

  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_search (CcStore *store)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) hits = cc_store_search (store, "ferry", 20, NULL);

  g_assert_nonnull (hits);
  g_assert_cmpuint (hits->len, >, 0);
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
fill (CcStore *store,
      gsize    bytes)
{
  g_autoptr(GString) text = g_string_sized_new (bytes + 128);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; text->len < bytes; i++)
    g_string_append_printf (text, "The ferry %u left the harbour at dawn, as it does. ", i);
  g_assert_true (cc_store_begin (store, &error));
  g_assert_cmpint (cc_store_add_document (store, "/big.txt", "Harbour log", NULL, NULL,
                                          text->str, "h", 1, text->len, 1, &error), >, 0);
  /* And a few ordinary articles. */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *path = g_strdup_printf ("/small-%u.txt", i);

      g_assert_cmpint (cc_store_add_document (store, path, "Small", NULL, NULL,
                                              "The ferry was late again today.", "s", 1, 1, 1,
                                              &error), >, 0);
    }
  g_assert_true (cc_store_commit (store, &error));
}

int
main (void)
{
  const char *max_env = g_getenv ("CC_BENCH_SEARCH_MB");
  const char *old_env = g_getenv ("CC_BENCH_SNIPPET_MB");
  double max_mb = max_env ? g_ascii_strtod (max_env, NULL) : 8;
  double old_mb = old_env ? g_ascii_strtod (old_env, NULL) : 2;

  printf ("%-8s %12s %12s %10s %12s %10s\n", "article", "match (s)", "search (s)", "ratio",
          "snippet (s)", "ratio");
  for (double mb = 0.5; mb <= max_mb; mb *= 2)
    {
      g_autofree char *dir = cc_test_tmpdir_new ();
      g_autoptr(CcStore) store = cc_test_open_store (dir);
      double base, search;

      fill (store, (gsize)(mb * 1024 * 1024));
      base = MAX (best_of (store, time_count), 1e-6);
      search = best_of (store, time_search);
      printf ("%5.1f MB %12.4f %12.4f %10.1f", mb, base, search, search / base);
      if (mb <= old_mb)
        {
          double old = time_old_snippet (store);
          printf (" %12.4f %10.1f\n", old, old / base);
        }
      else
        printf (" %12s %10s\n", "-", "-");
      fflush (stdout);
      g_clear_object (&store);
      cc_test_tmpdir_free (g_steal_pointer (&dir));
    }
  return 0;
}
