/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "cc-importer.h"
#include "cc-test-util.h"
#include "cc-text.h"
#include "bench/cc-synth.h"

static CcImportReport *
import_one (CcStore    *store,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { path, NULL };
  CcImportReport *report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static CcImportEvent *
find_event (CcImportReport *report,
            const char     *basename)
{
  for (guint i = 0; i < report->events->len; i++)
    {
      CcImportEvent *event = report->events->pdata[i];
      g_autofree char *base = g_path_get_basename (event->path);
      if (g_str_equal (base, basename))
        return event;
    }
  return NULL;
}

static void
assert_skipped (CcImportReport *report,
                const char     *basename,
                const char     *reason_part)
{
  CcImportEvent *event = find_event (report, basename);

  if (event == NULL)
    g_error ("no import event for %s", basename);
  g_assert_cmpint (event->status, ==, CC_IMPORT_SKIPPED);
  g_assert_nonnull (event->message);
  if (strstr (event->message, reason_part) == NULL)
    g_error ("%s: expected a reason containing “%s”, got “%s”", basename, reason_part,
             event->message);
}

static CcDocument *
doc_by_basename (CcStore    *store,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  CcDocument *doc = cc_store_find_document (store, name, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_folder_and_reimport (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *a = cc_test_write_file (corpus, "a.txt", "Alpha story\nBy Kim Ode\nThe first text.\n", -1);
  g_autofree char *b = cc_test_write_file (corpus, "sub/b.md", "# Beta story\n\nSecond *text*.\n", -1);
  g_autofree char *c = cc_test_write_file (corpus, "c.txt", "Gamma story\nThird text.\n", -1);
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(CcImportReport) r1 = NULL;
  g_autoptr(CcImportReport) r2 = NULL;
  g_autoptr(CcImportReport) r3 = NULL;
  g_autoptr(CcImportReport) r4 = NULL;
  g_autoptr(CcDocument) doc = NULL;
  g_autofree char *text = NULL;
  struct utimbuf times;
  GStatBuf st;

  r1 = import_one (store, corpus);
  g_assert_cmpuint (r1->added, ==, 3);
  g_assert_cmpuint (r1->skipped, ==, 0);
  doc = doc_by_basename (store, "b.md");
  g_assert_cmpstr (cc_document_get_title (doc), ==, "Beta story");
  g_clear_object (&doc);
  doc = doc_by_basename (store, "a.txt");
  g_assert_cmpstr (cc_document_get_byline (doc), ==, "Kim Ode");
  g_clear_object (&doc);

  /* Unchanged files are not read again: replace a.txt's bytes with others of
   * the same size and restore its mtime; the stored text must stay. */
  g_assert_cmpint (g_stat (a, &st), ==, 0);
  g_assert_true (g_file_set_contents (a, "ALPHA STORY\nBY KIM ODE\nTHE FIRST TEXT.\n", -1, NULL));
  times.actime = st.st_atime;
  times.modtime = st.st_mtime;
  g_assert_cmpint (utime (a, &times), ==, 0);
  /* utime has second precision: make the stored mtime match what it set. */
  {
    sqlite3_stmt *stmt = cc_store_prepare (store, "UPDATE documents SET mtime = ? WHERE path = ?", NULL);
    g_autofree char *real = realpath (a, NULL);
    sqlite3_bind_int64 (stmt, 1, (gint64)st.st_mtime * G_USEC_PER_SEC);
    sqlite3_bind_text (stmt, 2, real, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_reset (stmt);
  }

  r2 = import_one (store, corpus);
  g_assert_cmpuint (r2->added, ==, 0);
  g_assert_cmpuint (r2->updated, ==, 0);
  g_assert_cmpuint (r2->unchanged, ==, 3);
  g_assert_cmpuint (r2->bytes_read, ==, 0);
  doc = doc_by_basename (store, "a.txt");
  text = cc_store_load_text (store, cc_document_get_id (doc), NULL);
  g_assert_cmpstr (text, ==, "Alpha story\nBy Kim Ode\nThe first text.\n");
  g_clear_object (&doc);
  g_clear_pointer (&text, g_free);

  /* A changed file is updated in place (same id); a removed one is marked
   * missing, not deleted. */
  g_assert_true (g_file_set_contents (c, "Gamma story, revised\nThird text, longer now.\n", -1, NULL));
  g_assert_cmpint (g_unlink (b), ==, 0);
  r3 = import_one (store, corpus);
  g_assert_cmpuint (r3->updated, ==, 1);
  g_assert_cmpuint (r3->missing, ==, 1);
  g_assert_cmpint (find_event (r3, "b.md")->status, ==, CC_IMPORT_MISSING);
  doc = doc_by_basename (store, "c.txt");
  g_assert_cmpstr (cc_document_get_title (doc), ==, "Gamma story, revised");
  g_clear_object (&doc);
  doc = doc_by_basename (store, "b.md");
  g_assert_true (cc_document_get_missing (doc));
  g_clear_object (&doc);
  g_assert_cmpuint (cc_store_count_documents (store), ==, 3);

  /* It comes back. */
  g_free (cc_test_write_file (corpus, "sub/b.md", "# Beta story\n\nSecond *text*.\n", -1));
  r4 = import_one (store, corpus);
  doc = doc_by_basename (store, "b.md");
  g_assert_false (cc_document_get_missing (doc));
  g_clear_object (&doc);
  g_assert_cmpuint (cc_store_count_documents (store), ==, 3);

  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Each fixture of tests/fixtures/bad-input, plus the ones made at run time,
 * has a defined outcome. */
static void
test_bad_input (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "bad-input", NULL);
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GDir) fixture_dir = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *long_line = NULL;
  g_autofree char *loop_dir = NULL;
  g_autoptr(CcDocument) doc = NULL;
  g_autofree char *text = NULL;
  const char *name;

  /* Copy the committed fixtures. */
  fixture_dir = g_dir_open (fixtures, 0, NULL);
  g_assert_nonnull (fixture_dir);
  while ((name = g_dir_read_name (fixture_dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (fixtures, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (src, &data, &len, NULL));
      g_free (cc_test_write_file (corpus, name, data, len));
    }

  /* Made at run time: a 20 MB file, a single 1 MB line, symbolic link loops. */
  huge = g_malloc (20 * 1024 * 1024);
  for (gsize i = 0; i < 20 * 1024 * 1024; i++)
    huge[i] = (i % 80 == 79) ? '\n' : 'a' + (i % 26);
  g_free (cc_test_write_file (corpus, "huge-20mb.txt", huge, 20 * 1024 * 1024));
  g_clear_pointer (&huge, g_free);

  long_line = g_malloc (1024 * 1024 + 1);
  for (gsize i = 0; i < 1024 * 1024; i++)
    long_line[i] = (i % 6 == 5) ? ' ' : 'w';
  long_line[1024 * 1024] = '\0';
  g_free (cc_test_write_file (corpus, "one-line-1mb.txt", long_line, -1));

  {
    g_autofree char *l1 = g_build_filename (corpus, "loop-a.txt", NULL);
    g_autofree char *l2 = g_build_filename (corpus, "loop-b.txt", NULL);
    g_autofree char *self = NULL;
    g_assert_cmpint (symlink (l2, l1), ==, 0);
    g_assert_cmpint (symlink (l1, l2), ==, 0);
    loop_dir = g_build_filename (corpus, "nested", NULL);
    g_mkdir_with_parents (loop_dir, 0700);
    self = g_build_filename (loop_dir, "back-to-corpus", NULL);
    g_assert_cmpint (symlink (corpus, self), ==, 0);
  }

  store = cc_test_open_store (dir);
  report = import_one (store, corpus);

  /* Imported correctly. */
  doc = doc_by_basename (store, "utf16-bom.txt");
  text = cc_store_load_text (store, cc_document_get_id (doc), NULL);
  g_assert_nonnull (strstr (text, "Zoë"));
  g_assert_null (strstr (text, "\r"));
  g_clear_object (&doc);
  g_clear_pointer (&text, g_free);

  doc = doc_by_basename (store, "crlf.txt");
  text = cc_store_load_text (store, cc_document_get_id (doc), NULL);
  g_assert_null (strchr (text, '\r'));
  g_assert_cmpstr (cc_document_get_title (doc), ==, "Windows line endings");
  g_clear_object (&doc);
  g_clear_pointer (&text, g_free);

  doc = doc_by_basename (store, "nul-bytes.txt");
  text = cc_store_load_text (store, cc_document_get_id (doc), NULL);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), >, 20);
  g_assert_nonnull (find_event (report, "nul-bytes.txt")->message);
  g_clear_object (&doc);
  g_clear_pointer (&text, g_free);

  doc = doc_by_basename (store, "invalid-utf8.txt");
  text = cc_store_load_text (store, cc_document_get_id (doc), NULL);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (find_event (report, "invalid-utf8.txt")->message);
  g_clear_object (&doc);
  g_clear_pointer (&text, g_free);

  doc = doc_by_basename (store, "one-line-1mb.txt");
  g_assert_cmpuint (cc_document_get_words (doc), ==, (1024 * 1024 + 5) / 6);
  g_clear_object (&doc);

  /* Skipped, naming the reason. */
  assert_skipped (report, "binary.txt", "binary");
  assert_skipped (report, "empty.txt", "empty");
  assert_skipped (report, "huge-20mb.txt", "too large");
  assert_skipped (report, "loop-a.txt", "loop");
  assert_skipped (report, "photo.jpg", "unsupported file type");
  assert_skipped (report, "back-to-corpus", "loop");

  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Unreadable files: permissions mean nothing to root, so as root the import
 * runs in a child that has dropped to an unprivileged user. */
static void
test_unreadable (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *secret = cc_test_write_file (corpus, "secret.txt", "Private\nNot for you.\n", -1);
  g_autofree char *open = cc_test_write_file (corpus, "open.txt", "Public\nFor everyone.\n", -1);
  pid_t pid;
  int status = 0;

  g_assert_cmpint (g_chmod (secret, 0000), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (corpus, 0755), ==, 0);

  pid = fork ();
  if (pid == 0)
    {
      g_autoptr(CcStore) store = NULL;
      g_autoptr(CcImportReport) report = NULL;
      CcImportEvent *event;

      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (3);
      store = cc_test_open_store (dir);
      report = import_one (store, corpus);
      event = find_event (report, "secret.txt");
      if (report->added != 1 || event == NULL || event->status != CC_IMPORT_SKIPPED ||
          strstr (event->message, "ermission") == NULL)
        _exit (1);
      g_clear_object (&store);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_chmod (secret, 0600);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* SIGKILL part-way through an import: the library stays consistent and every
 * document in it is whole. */
static void
test_killed_import (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  const guint n_docs = 3000;
  pid_t pid;
  guint stored = 0;

  cc_synth_write_corpus (corpus, 7, n_docs, 50, 3000);

  pid = fork ();
  if (pid == 0)
    {
      g_autoptr(CcStore) child_store = cc_store_open (db_path, NULL);
      const char *paths[] = { corpus, NULL };

      cc_import_paths (child_store, paths, NULL, NULL, NULL, NULL);
      _exit (0);
    }

  /* Wait until the child has committed something, then kill it mid-way. */
  for (;;)
    {
      g_autoptr(CcStore) probe = NULL;
      guint count;

      probe = cc_store_open (db_path, NULL);
      count = probe ? cc_store_count_documents (probe) : 0;
      if (count > 0 || waitpid (pid, NULL, WNOHANG) == pid)
        break;
      g_usleep (1000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);

  store = cc_store_open (db_path, &error);
  g_assert_no_error (error);

  stmt = cc_store_prepare (store, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);

  /* Every stored document is whole: its text hashes to its stored hash and
   * equals what the file holds. */
  stmt = cc_store_prepare (store, "SELECT path, text, hash FROM documents", &error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *path = (const char *)sqlite3_column_text (stmt, 0);
      const char *text = (const char *)sqlite3_column_text (stmt, 1);
      g_autofree char *hash = cc_text_sha256 ((const guint8 *)text, strlen (text));
      g_autofree char *file = NULL;

      g_assert_cmpstr (hash, ==, (const char *)sqlite3_column_text (stmt, 2));
      g_assert_true (g_file_get_contents (path, &file, NULL, NULL));
      g_assert_cmpstr (text, ==, file);
      stored++;
    }
  sqlite3_reset (stmt);
  g_test_message ("%u of %u documents were stored when the import was killed", stored, n_docs);
  g_assert_cmpuint (stored, <, n_docs);

  /* The import picks up where it stopped. */
  {
    g_autoptr(CcImportReport) report = import_one (store, corpus);
    g_assert_cmpuint (report->added + report->unchanged, ==, n_docs);
    g_assert_cmpuint (report->unchanged, ==, stored);
    g_assert_cmpuint (cc_store_count_documents (store), ==, n_docs);
  }

  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
count_progress (guint       done,
                guint       total,
                const char *path,
                gpointer    user_data)
{
  guint *calls = user_data;
  (*calls)++;
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CcImportReport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cc_import_paths_finish (result, &error);
  g_assert_no_error (error);
}

static void
on_import_cancelled (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  CcImportReport *report = cc_import_paths_finish (result, &error);

  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_async_and_cancel (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  const char *paths[] = { corpus, NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CcImportReport *report = NULL;
  gboolean cancelled = FALSE;
  guint calls = 0;

  cc_synth_write_corpus (corpus, 3, 40, 5, 2000);

  /* Cancelled before it starts: nothing is imported. */
  g_cancellable_cancel (cancellable);
  cc_import_paths_async (db_path, paths, NULL, NULL, cancellable, on_import_cancelled, &cancelled);
  while (!cancelled)
    g_main_context_iteration (NULL, TRUE);

  cc_import_paths_async (db_path, paths, count_progress, &calls, NULL, on_import_done, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (report->added, ==, 40);
  g_assert_cmpuint (calls, >=, 1);
  cc_import_report_free (report);

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_sample_corpus (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(CcImportReport) report = import_one (store, cc_test_sample_corpus ());
  g_autoptr(GPtrArray) docs = NULL;

  /* Only the folder's README is passed over. */
  g_assert_cmpuint (report->skipped, ==, 1);
  assert_skipped (report, "README.md", "README");
  g_assert_cmpuint (report->added, >=, 4);
  docs = cc_store_list_documents (store, NULL);
  for (guint i = 0; i < docs->len; i++)
    {
      CcDocument *doc = docs->pdata[i];
      g_assert_nonnull (cc_document_get_title (doc));
      /* Every sample article names its outlet. */
      g_assert_nonnull (cc_document_get_outlet (doc));
      g_assert_cmpuint (cc_document_get_words (doc), >, 200);
    }
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crosscheck/import/folder-and-reimport", test_folder_and_reimport);
  g_test_add_func ("/crosscheck/import/bad-input", test_bad_input);
  g_test_add_func ("/crosscheck/import/unreadable", test_unreadable);
  g_test_add_func ("/crosscheck/import/killed", test_killed_import);
  g_test_add_func ("/crosscheck/import/async-and-cancel", test_async_and_cancel);
  g_test_add_func ("/crosscheck/import/sample-corpus", test_sample_corpus);

  return g_test_run ();
}
