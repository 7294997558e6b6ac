/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
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

/* Issue 9, item 4: Markdown nested a million levels deep (the old
 * recursive renderer overflowed the stack and killed the whole import)
 * imports, and so does the rest of the folder. */
static void
test_deep_markdown (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcImportReport) report = NULL;
  const guint levels = 1000000;
  GString *quotes = g_string_new ("# Quotes\n\n");
  GString *images = g_string_new ("# Images\n\n");

  for (guint i = 0; i < levels; i++)
    g_string_append_c (quotes, '>');
  g_string_append (quotes, " innermost\n");
  for (guint i = 0; i < levels; i++)
    g_string_append (images, "![");
  g_string_append (images, "alt");
  for (guint i = 0; i < levels; i++)
    g_string_append (images, "](u)");
  g_free (cc_test_write_file (corpus, "a-good.txt", "Good story\nIt reads well.\n", -1));
  g_free (cc_test_write_file (corpus, "deep-images.md", images->str, images->len));
  g_free (cc_test_write_file (corpus, "deep-quotes.md", quotes->str, quotes->len));
  g_free (cc_test_write_file (corpus, "z-good.md", "# Another good story\n\nFine.\n", -1));
  g_string_free (quotes, TRUE);
  g_string_free (images, TRUE);

  store = cc_test_open_store (dir);
  report = import_one (store, corpus);
  g_assert_cmpuint (report->added, ==, 4);
  g_assert_cmpuint (report->skipped, ==, 0);

  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Whether another connection can take the write lock at once. */
static gboolean
can_write (CcStore *other)
{
  sqlite3 *db = cc_store_get_db (other);
  gboolean ok;

  sqlite3_busy_timeout (db, 0);
  ok = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
  if (ok)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_busy_timeout (db, 10000);
  return ok;
}

typedef struct
{
  CcStore  *other;
  guint     calls;
  guint     blocked;   /* calls during which the library was locked */
} LockProbe;

static void
probe_lock (guint       done,
            guint       total,
            const char *path,
            gpointer    user_data)
{
  LockProbe *probe = user_data;

  probe->calls++;
  if (path != NULL && !can_write (probe->other))
    probe->blocked++;
}

/* Issue 9, item 5: files are read before the write transaction, not inside
 * it: before each file is read another connection can still write (the old
 * import held the lock while reading the whole batch). */
static void
test_reads_outside_transaction (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *db_path = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcStore) other = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { corpus, NULL };
  LockProbe probe = { 0 };

  cc_synth_write_corpus (corpus, 5, 20, 5, 1500);
  store = cc_test_open_store (dir);
  db_path = g_strdup (cc_store_get_path (store));
  other = cc_store_open (db_path, &error);
  g_assert_no_error (error);
  probe.other = other;

  report = cc_import_paths (store, paths, probe_lock, &probe, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 20);
  g_assert_cmpuint (probe.calls, ==, 21);
  g_assert_cmpuint (probe.blocked, ==, 0);

  g_clear_object (&other);
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct
{
  char *fifo;
  char *zero;
  guint calls;
} Swapper;

/* Called before each file is read: the first call swaps the files. */
static void
swap_files (guint       done,
            guint       total,
            const char *path,
            gpointer    user_data)
{
  Swapper *swapper = user_data;

  if (swapper->calls++ > 0)
    return;
  if (g_unlink (swapper->fifo) != 0 || mkfifo (swapper->fifo, 0600) != 0 ||
      g_unlink (swapper->zero) != 0 || symlink ("/dev/zero", swapper->zero) != 0)
    _exit (4);
}

/* Issue 9, item 5: a file swapped for a FIFO after the walk does not block
 * the import for ever (old: blocked inside the write transaction), one
 * swapped for a link to /dev/zero is not read without end (old: until
 * allocation failed). Run in a child with an alarm, and a memory limit
 * where no sanitizer needs the address space, so the old code fails
 * instead of hanging or eating the machine's memory. */
static void
test_swapped_after_walk (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *fifo = cc_test_write_file (corpus, "b-fifo.txt", "Was a file\nText.\n", -1);
  g_autofree char *zero = cc_test_write_file (corpus, "c-zero.txt", "Was a file\nText.\n", -1);
  pid_t pid;
  int status = 0;

  g_free (cc_test_write_file (corpus, "a-first.txt", "First story\nIt is fine.\n", -1));
  g_free (cc_test_write_file (corpus, "d-last.txt", "Last story\nAlso fine.\n", -1));

  pid = fork ();
  if (pid == 0)
    {
      g_autoptr(CcStore) store = NULL;
      g_autoptr(CcImportReport) report = NULL;
      const char *paths[] = { corpus, NULL };
      Swapper swapper = { fifo, zero, 0 };
      CcImportEvent *event;

      alarm (120);
#if !defined(__SANITIZE_ADDRESS__)
      {
        struct rlimit limit = { (rlim_t)2 << 30, (rlim_t)2 << 30 };
        setrlimit (RLIMIT_AS, &limit);
      }
#endif
      store = cc_test_open_store (dir);
      report = cc_import_paths (store, paths, swap_files, &swapper, NULL, NULL);
      if (report == NULL || report->added != 2 || report->skipped != 2)
        _exit (1);
      event = find_event (report, "b-fifo.txt");
      if (event == NULL || event->status != CC_IMPORT_SKIPPED ||
          strstr (event->message, "regular file") == NULL)
        _exit (2);
      event = find_event (report, "c-zero.txt");
      if (event == NULL || event->status != CC_IMPORT_SKIPPED ||
          strstr (event->message, "symbolic link") == NULL)
        _exit (3);
      g_clear_object (&store);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFSIGNALED (status))
    g_error ("the import was killed by signal %d (SIGALRM: it blocked)", WTERMSIG (status));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct
{
  CcStore        *first;
  const char     *corpus;
  CcImportReport *report;
} RivalImport;

/* The second import's first progress call (after it read the library's
 * documents, before it wrote anything): the first import runs whole. */
static void
run_rival_import (guint       done,
                  guint       total,
                  const char *path,
                  gpointer    user_data)
{
  RivalImport *rival = user_data;

  if (rival->report == NULL)
    rival->report = import_one (rival->first, rival->corpus);
}

/* Issue 9, item 6: two imports of the same new folder, the second reading
 * the library before the first committed and writing after: no UNIQUE
 * constraint failure, each file once. Deterministic: one thread, two
 * connections, the first import run from the second's progress callback. */
static void
test_concurrent_same_folder (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autoptr(CcStore) first = NULL;
  g_autoptr(CcStore) second = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { corpus, NULL };
  RivalImport rival = { NULL, corpus, NULL };

  /* More files than one batch: every batch must see the rival's rows. */
  cc_synth_write_corpus (corpus, 11, 300, 5, 800);
  first = cc_test_open_store (dir);
  second = cc_store_open (cc_store_get_path (first), &error);
  g_assert_no_error (error);
  rival.first = first;

  report = cc_import_paths (second, paths, run_rival_import, &rival, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (rival.report->added, ==, 300);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->unchanged, ==, 300);
  g_assert_cmpuint (cc_store_count_documents (first), ==, 300);

  cc_import_report_free (rival.report);
  g_clear_object (&second);
  g_clear_object (&first);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct
{
  GMutex      lock;
  GCond       cond;
  guint       waiting;
  const char *db_path;
  const char *corpus;
} Barrier;

static gpointer
import_after_barrier (gpointer user_data)
{
  Barrier *barrier = user_data;
  g_autoptr(CcStore) store = cc_store_open (barrier->db_path, NULL);
  const char *paths[] = { barrier->corpus, NULL };
  GError *error = NULL;
  CcImportReport *report;

  g_mutex_lock (&barrier->lock);
  barrier->waiting++;
  g_cond_broadcast (&barrier->cond);
  while (barrier->waiting < 2)
    g_cond_wait (&barrier->cond, &barrier->lock);
  g_mutex_unlock (&barrier->lock);

  report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
  if (report == NULL)
    return error;
  cc_import_report_free (report);
  return NULL;
}

/* The same in two threads released together: whatever the interleaving,
 * both succeed and each file is stored once. */
static void
test_concurrent_threads (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(CcStore) store = NULL;
  Barrier barrier = { .db_path = db_path, .corpus = corpus };
  GThread *threads[2];

  cc_synth_write_corpus (corpus, 13, 300, 5, 800);
  g_mutex_init (&barrier.lock);
  g_cond_init (&barrier.cond);
  g_object_unref (cc_store_open (db_path, NULL));
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("import", import_after_barrier, &barrier);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = g_thread_join (threads[i]);
      g_assert_no_error (error);
    }
  store = cc_store_open (db_path, NULL);
  g_assert_cmpuint (cc_store_count_documents (store), ==, 300);
  g_mutex_clear (&barrier.lock);
  g_cond_clear (&barrier.cond);
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static char *
import_fixture (CcStore        *store,
                const char     *dir,
                const char     *name,
                CcImportReport **report)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "fixtures", "bad-input", name, NULL);
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CcDocument) doc = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  path = cc_test_write_file (dir, name, data, len);
  *report = import_one (store, path);
  g_assert_cmpuint ((*report)->added, ==, 1);
  doc = doc_by_basename (store, name);
  return cc_store_load_text (store, cc_document_get_id (doc), NULL);
}

/* Issue 9, items 11, 12 and 16 through the importer: the text after a
 * UTF-16 NUL is kept, UTF-16 without a BOM is read, stray bytes in UTF-8
 * are repaired one by one, control characters do not keep a letter from
 * its mark; every lossy step is a warning on the file's event. */
static void
test_encodings (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *files = g_build_filename (dir, "files", NULL);
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  static const struct {
    const char *name;
    const char *contains;
    const char *warning;
  } cases[] = {
    { "utf16-nul.txt", "Passengers waited on the quay", "NUL" },
    { "utf16le-no-bom.txt", "The last ferry left the harbour at nine", "UTF-16LE" },
    { "mostly-utf8.txt", "Café owners meet\nThe owner said the \xef\xbf\xbd" "best", "not UTF-8" },
    { "control-before-mark.txt", "The Café on the corner", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CcImportReport) report = NULL;
      g_autofree char *text = import_fixture (store, files, cases[i].name, &report);
      g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      CcImportEvent *event = find_event (report, cases[i].name);

      g_test_message ("%s", cases[i].name);
      if (strstr (text, cases[i].contains) == NULL)
        g_error ("%s: “%s” not in “%s”", cases[i].name, cases[i].contains, text);
      g_assert_cmpstr (text, ==, nfc);
      if (cases[i].warning != NULL)
        {
          g_assert_nonnull (event->message);
          g_assert_nonnull (strstr (event->message, cases[i].warning));
        }
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
  g_test_add_func ("/crosscheck/import/deep-markdown", test_deep_markdown);
  g_test_add_func ("/crosscheck/import/reads-outside-transaction",
                   test_reads_outside_transaction);
  g_test_add_func ("/crosscheck/import/swapped-after-walk", test_swapped_after_walk);
  g_test_add_func ("/crosscheck/import/concurrent-same-folder", test_concurrent_same_folder);
  g_test_add_func ("/crosscheck/import/concurrent-threads", test_concurrent_threads);
  g_test_add_func ("/crosscheck/import/encodings", test_encodings);

  return g_test_run ();
}
