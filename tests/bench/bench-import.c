/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import throughput against a baseline measured in the same run: the same
 * files read and inserted raw into an FTS5 table in one transaction. Each
 * phase runs in a child process so its peak RSS is its own.
 *
 * Environment: CC_BENCH_DOCS (default 10000), CC_BENCH_BYTES (default 5000). */
#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cc-importer.h"
#include "cc-synth.h"
#include "../cc-test-util.h"

typedef struct
{
  double seconds;
  double peak_mb;
  guint  added;
  guint  unchanged;
} Phase;

typedef void (*PhaseFunc) (const char *corpus, const char *db, Phase *phase);

static void
baseline (const char *corpus,
          const char *db_path,
          Phase      *phase)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GDir *dir = g_dir_open (corpus, 0, NULL);
  const char *name;

  sqlite3_open (db_path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; CREATE VIRTUAL TABLE t USING fts5 (text);"
                    "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO t (text) VALUES (?)", -1, &stmt, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (corpus, name, NULL);
      g_autofree char *text = NULL;
      gsize len;

      if (!g_file_get_contents (path, &text, &len, NULL))
        continue;
      sqlite3_bind_text (stmt, 1, text, len, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      phase->added++;
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  g_dir_close (dir);
}

static void
crosscheck_import (const char *corpus,
                   const char *db_path,
                   Phase      *phase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_open (db_path, &error);
  const char *paths[] = { corpus, NULL };
  g_autoptr(CcImportReport) report = NULL;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
  if (report == NULL)
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  phase->added = report->added;
  phase->unchanged = report->unchanged;
}

/* Runs @func in a child; the child reports its time and peak RSS. */
static Phase
run_phase (PhaseFunc   func,
           const char *corpus,
           const char *db)
{
  Phase phase = { 0 };
  int fds[2];
  pid_t pid;

  if (pipe (fds) != 0)
    exit (1);
  pid = fork ();
  if (pid == 0)
    {
      gint64 start = g_get_monotonic_time ();

      close (fds[0]);
      func (corpus, db, &phase);
      phase.seconds = (g_get_monotonic_time () - start) / 1e6;
      phase.peak_mb = cc_synth_peak_rss () / (1024.0 * 1024.0);
      if (write (fds[1], &phase, sizeof phase) != sizeof phase)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], &phase, sizeof phase) != sizeof phase)
    g_printerr ("phase failed\n");
  close (fds[0]);
  waitpid (pid, NULL, 0);
  return phase;
}

int
main (int    argc,
      char **argv)
{
  const char *env_docs = g_getenv ("CC_BENCH_DOCS");
  const char *env_bytes = g_getenv ("CC_BENCH_BYTES");
  guint n_docs = env_docs ? (guint)atoi (env_docs) : 10000;
  gsize bytes = env_bytes ? (gsize)atoi (env_bytes) : 5000;
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (tmp, "corpus", NULL);
  g_autofree char *base_db = g_build_filename (tmp, "baseline.db", NULL);
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  double mb;
  Phase base, first, again;

  mb = cc_synth_write_corpus (corpus, 42, n_docs, n_docs / 5 + 1, bytes) / (1024.0 * 1024.0);
  g_print ("corpus: %u synthetic articles, %.1f MB\n", n_docs, mb);

  base = run_phase (baseline, corpus, base_db);
  first = run_phase (crosscheck_import, corpus, db);
  again = run_phase (crosscheck_import, corpus, db);

  g_print ("%-34s %8s %9s %9s %10s\n", "phase", "seconds", "MB/s", "peak MB", "docs");
  g_print ("%-34s %8.2f %9.1f %9.1f %10u\n", "baseline: raw FTS5 insert", base.seconds,
           mb / base.seconds, base.peak_mb, base.added);
  g_print ("%-34s %8.2f %9.1f %9.1f %10u\n", "crosscheck import", first.seconds,
           mb / first.seconds, first.peak_mb, first.added);
  g_print ("%-34s %8.2f %9.1f %9.1f %10u\n", "crosscheck re-import (unchanged)", again.seconds,
           mb / again.seconds, again.peak_mb, again.unchanged);
  g_print ("import / baseline time: %.2fx (aim <= 2x)\n", first.seconds / base.seconds);
  g_print ("re-import / import time: %.1f%% (aim < 5%%)\n", 100.0 * again.seconds / first.seconds);
  g_print ("import peak RSS: %.1f MB (aim < 300 MB)\n", first.peak_mb);

  cc_test_tmpdir_free (g_steal_pointer (&tmp));
  return (first.added == n_docs && again.unchanged == n_docs) ? 0 : 1;
}
