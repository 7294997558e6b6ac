/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The library is never lost or changed behind the user's back: its
 * write-ahead log survives other connections, a database of another program
 * is never written to, a library that cannot be checked is not called
 * damaged, its files are private, and search stays linear on large articles
 * (issue 9, items 1, 3, 9, 13 and 18). */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "cc-error.h"
#include "cc-importer.h"
#include "cc-store.h"
#include "cc-w3c.h"
#include "cc-test-util.h"

#define N_WRITES 20

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, len);
}

static gboolean
exists_with_suffix (const char *path,
                    const char *suffix)
{
  g_autofree char *other = g_strconcat (path, suffix, NULL);

  return g_file_test (other, G_FILE_TEST_EXISTS);
}

static gboolean
add_one (CcStore *store,
         guint    i)
{
  g_autofree char *path = g_strdup_printf ("/notes/%u.txt", i);
  g_autofree char *text = g_strdup_printf ("Entry %u of the writer.", i);

  if (!cc_store_begin (store, NULL))
    return FALSE;
  if (cc_store_add_document (store, path, "Entry", NULL, NULL, text, "h", 4, 1, 1, NULL) == 0)
    {
      cc_store_rollback (store);
      return FALSE;
    }
  return cc_store_commit (store, NULL);
}

static void
send_int (int fd,
          int value)
{
  if (write (fd, &value, sizeof value) != sizeof value)
    _exit (3);
}

static int
receive_int (int fd)
{
  int value = -1;

  if (read (fd, &value, sizeof value) != sizeof value)
    return -1;
  return value;
}

/* The writer: holds one connection, lets a second one in this process open
 * and close the library (as the app's background jobs do), then writes and
 * acknowledges each committed row. */
static void G_GNUC_NORETURN
writer_child (const char *path,
              int         ack_fd,
              int         go_fd)
{
  CcStore *store = cc_store_open (path, NULL);
  CcStore *other;

  if (store == NULL || !add_one (store, 1))
    _exit (2);
  send_int (ack_fd, 1);

  other = cc_store_open (path, NULL);
  if (other == NULL)
    _exit (2);
  g_object_unref (other);
  send_int (ack_fd, 0);

  if (receive_int (go_fd) != 1)
    _exit (2);
  for (guint i = 2; i <= N_WRITES; i++)
    {
      if (!add_one (store, i))
        _exit (2);
      send_int (ack_fd, (int)i);
    }
  for (;;)
    pause ();
}

static guint64
wal_inode (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 ? (guint64)st.st_ino : 0;
}

/* Item 1: a second connection in the writer's own process and a read-only
 * command in another process open and close the library while it is being
 * written; the writer is then killed. Nothing it acknowledged is lost and
 * its write-ahead log was never removed under it. */
static void
test_wal_survives_other_connections (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "--db", path, "list", NULL };
  int ack[2], go[2], status, acked = 0;
  guint64 inode_before, inode_after;
  pid_t pid;

  g_assert_cmpint (pipe (ack), ==, 0);
  g_assert_cmpint (pipe (go), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      close (ack[0]);
      close (go[1]);
      writer_child (path, ack[1], go[0]);
    }
  close (ack[1]);
  close (go[0]);

  g_assert_cmpint (receive_int (ack[0]), ==, 1);
  acked = 1;
  g_assert_cmpint (receive_int (ack[0]), ==, 0);  /* the second connection came and went */

  inode_before = wal_inode (path);
  g_assert_cmpuint (inode_before, !=, 0);
  g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
  inode_after = wal_inode (path);

  send_int (go[1], 1);
  while (acked < N_WRITES && receive_int (ack[0]) == acked + 1)
    acked++;
  g_assert_cmpint (acked, ==, N_WRITES);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (ack[0]);
  close (go[1]);

  store = cc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cc_store_count_documents (store), ==, N_WRITES);
  /* The log the writer was using is the one on disk, not an unlinked copy. */
  g_assert_cmpuint (inode_after, ==, inode_before);
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Item 1, in one process: a second store opened and closed while the first
 * is open keeps the first one's lock, so a third connection's close does
 * not take the log away. */
static void
test_second_open_keeps_locks (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autofree char *path = g_strdup (cc_store_get_path (store));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "--db", path, "list", NULL };

  g_assert_true (add_one (store, 1));
  g_object_unref (cc_store_open (path, NULL));
  g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
  g_assert_true (exists_with_suffix (path, "-wal"));
  g_assert_true (exists_with_suffix (path, "-shm"));
  g_assert_true (add_one (store, 2));
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The record of clean closes: programs closing libraries at the same time
 * each keep theirs (each rewrites the whole file). */
#define N_CLOSERS 12

static void G_GNUC_NORETURN
closer_child (const char *path,
              int         go_fd)
{
  char byte;

  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (read (go_fd, &byte, 1) != 0)  /* end of file: all start at once */
    _exit (2);
  for (guint j = 0; j < 5; j++)
    {
      CcStore *store = cc_store_open (path, NULL);

      if (store == NULL || !add_one (store, j + 2))
        _exit (2);
      g_object_unref (store);
    }
  _exit (0);
}

static void
test_concurrent_clean_closes (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  pid_t pids[N_CLOSERS];
  int go[2];

  for (guint i = 0; i < N_CLOSERS; i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/%u", dir, i);
      g_autoptr(CcStore) store = NULL;

      g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
      store = cc_test_open_store (sub);
      g_assert_true (add_one (store, 1));
      g_ptr_array_add (paths, g_strdup (cc_store_get_path (store)));
    }
  g_assert_cmpint (pipe (go), ==, 0);
  for (guint i = 0; i < N_CLOSERS; i++)
    {
      pids[i] = fork ();
      g_assert_cmpint (pids[i], >=, 0);
      if (pids[i] == 0)
        {
          close (go[1]);
          closer_child (paths->pdata[i], go[0]);
        }
    }
  close (go[0]);
  close (go[1]);
  for (guint i = 0; i < N_CLOSERS; i++)
    {
      int status;

      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  for (guint i = 0; i < N_CLOSERS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CcStore) store = cc_store_open (paths->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_false (cc_store_get_checked (store));
    }
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Item 3 ------------------------------------------------------------------ */

static char *
make_foreign (const char *dir,
              const char *name,
              const char *sql)
{
  char *path = g_build_filename (dir, name, NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return path;
}

static void
assert_never_written (const char *path,
                      int         expected_code)
{
  g_autofree char *before = file_sha256 (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, CC_ERROR, expected_code);
  g_assert_nonnull (strstr (error->message, path));
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (exists_with_suffix (path, "-wal"));
  g_assert_false (exists_with_suffix (path, "-shm"));
  g_assert_false (exists_with_suffix (path, "-journal"));
}

static void
test_foreign_database_untouched (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  static const char *versions[] = { "0", "3", "6", NULL };

  for (guint i = 0; versions[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("other-app-%s.db", versions[i]);
      g_autofree char *sql = g_strdup_printf ("CREATE TABLE contacts (name TEXT, phone TEXT);"
                                              "INSERT INTO contacts VALUES ('Ada', '555');"
                                              "PRAGMA user_version = %s;", versions[i]);
      g_autofree char *path = make_foreign (dir, name, sql);

      assert_never_written (path, CC_ERROR_NOT_A_DATABASE);
    }
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Another program's database in WAL mode, and one with a table named like
 * ours, are not taken for a library either. */
static void
test_foreign_lookalike_untouched (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *wal = make_foreign (dir, "wal.db", "PRAGMA journal_mode = WAL;"
                                       "CREATE TABLE items (x); INSERT INTO items VALUES (1);");
  g_autofree char *lookalike = make_foreign (dir, "docs.db",
                                             "CREATE TABLE documents (id INTEGER PRIMARY KEY, body);"
                                             "PRAGMA user_version = 2;");
  g_autofree char *marked = make_foreign (dir, "marked.db",
                                          "CREATE TABLE t (x); PRAGMA application_id = 1234;");

  assert_never_written (wal, CC_ERROR_NOT_A_DATABASE);
  assert_never_written (lookalike, CC_ERROR_NOT_A_DATABASE);
  assert_never_written (marked, CC_ERROR_NOT_A_DATABASE);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_foreign_database_cli (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = make_foreign (dir, "other-app.db",
                                        "CREATE TABLE t (x); INSERT INTO t VALUES (42);");
  g_autofree char *before = file_sha256 (path);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "--db", path, "list", NULL };

  g_assert_cmpint (cc_test_run_cli (argv, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, path));
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (exists_with_suffix (path, "-wal"));
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static int
application_id (CcStore *store)
{
  sqlite3_stmt *stmt = cc_store_prepare (store, "PRAGMA application_id", NULL);
  int id;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* An empty file and an SQLite file with nothing in it become libraries; a
 * library of an earlier version (no application id yet) is still ours, and
 * is marked. */
static void
test_empty_and_old_libraries_adopted (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *empty = cc_test_write_file (dir, "empty.db", "", 0);
  g_autofree char *blank = make_foreign (dir, "blank.db", "PRAGMA user_version = 0; VACUUM;");
  g_autofree char *old = g_build_filename (dir, "old.db", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "library-v1.sql", NULL);
  g_autofree char *sql = NULL;
  const char *paths[] = { empty, blank, old, NULL };

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  g_free (make_foreign (dir, "old.db", sql));

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CcStore) store = cc_store_open (paths[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (cc_store_get_schema_version (store), ==, CC_STORE_SCHEMA_VERSION);
      g_assert_cmpint (application_id (store), ==, CC_STORE_APPLICATION_ID);
    }
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Item 9 ------------------------------------------------------------------ */

static void
forget_clean_close (const char *path)
{
  struct utimbuf times = { 1000000000, 1000000000 };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

static char *
make_library (const char *dir)
{
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  char *path = g_strdup (cc_store_get_path (store));

  g_assert_true (add_one (store, 1));
  g_clear_object (&store);
  forget_clean_close (path);  /* so that the next open runs the full check */
  return path;
}

static void
assert_not_called_damaged (const GError *error,
                           const char   *path,
                           const char   *reason)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_false (g_error_matches (error, CC_ERROR, CC_ERROR_CORRUPT_DATABASE));
  g_assert_false (g_error_matches (error, CC_ERROR, CC_ERROR_NOT_A_DATABASE));
  g_assert_null (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, reason));
}

static void
test_exclusive_lock_is_not_damage (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = make_library (dir);
  g_autofree char *before = file_sha256 (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  int ready[2], status;
  pid_t pid;

  g_assert_cmpint (pipe (ready), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      prctl (PR_SET_PDEATHSIG, SIGKILL);
      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
                        NULL, NULL, NULL) != SQLITE_OK)
        _exit (2);
      send_int (ready[1], 1);
      for (;;)
        pause ();
    }
  g_assert_cmpint (receive_int (ready[0]), ==, 1);

  store = cc_store_open (path, &error);
  g_assert_null (store);
  assert_not_called_damaged (error, path, "in use by another program");

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (ready[0]);
  close (ready[1]);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  /* Once the other program is gone it opens, and it was never damaged. */
  g_clear_error (&error);
  store = cc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cc_store_count_documents (store), ==, 1);
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static gboolean
chattr_immutable (const char *dir,
                  gboolean    on)
{
  const char *argv[] = { "chattr", on ? "+i" : "-i", dir, NULL };
  int status = 0;

  return g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH |
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) && status == 0;
}

/* Makes @dir impossible to create files in (or possible again):
 * permissions for a user, the immutable attribute for root (who ignores
 * permissions). FALSE when neither works here. */
static gboolean
make_read_only (const char *dir,
                gboolean    read_only)
{
  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  int fd;

  if (!read_only)
    {
      if (getuid () == 0)
        chattr_immutable (dir, FALSE);
      g_chmod (dir, 0700);
      return TRUE;
    }
  g_chmod (dir, 0555);
  if (access (dir, W_OK) == 0 && !chattr_immutable (dir, TRUE))
    return FALSE;
  fd = g_open (probe, O_WRONLY | O_CREAT, 0600);
  if (fd >= 0)
    {
      close (fd);
      g_unlink (probe);
      return FALSE;
    }
  return TRUE;
}

static void
test_read_only_folder_is_not_damage (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *sub = g_build_filename (dir, "ro", NULL);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  path = make_library (sub);
  before = file_sha256 (path);
  if (!make_read_only (sub, TRUE))
    {
      make_read_only (sub, FALSE);
      g_test_skip ("cannot make a folder read-only here");
      cc_test_tmpdir_free (g_steal_pointer (&dir));
      return;
    }

  store = cc_store_open (path, &error);
  make_read_only (sub, FALSE);
  g_assert_null (store);
  assert_not_called_damaged (error, path, "read-only");
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* No space for the shared-memory index: the file-size limit stands in for a
 * full disk (the write that would grow a file fails). The open runs in a
 * child so the limit is its own. */
static void
test_no_space_is_not_damage (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = make_library (dir);
  int pipefd[2], status;
  pid_t pid;
  g_autofree char *message = NULL;
  GString *buf = g_string_new (NULL);
  char chunk[256];
  gssize n;

  g_assert_cmpint (pipe (pipefd), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit limit = { 1024, 1024 };
      GError *error = NULL;
      CcStore *store;

      close (pipefd[0]);
      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
      store = cc_store_open (path, &error);
      if (store != NULL)
        _exit (4);
      if (write (pipefd[1], &error->code, sizeof error->code) != sizeof error->code ||
          write (pipefd[1], &error->domain, sizeof error->domain) != sizeof error->domain ||
          write (pipefd[1], error->message, strlen (error->message)) < 0)
        _exit (3);
      _exit (0);
    }
  close (pipefd[1]);
  while ((n = read (pipefd[0], chunk, sizeof chunk)) > 0)
    g_string_append_len (buf, chunk, n);
  close (pipefd[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpuint (buf->len, >, sizeof (int) + sizeof (GQuark));
  {
    int code;
    GQuark domain;
    g_autoptr(GError) error = NULL;

    memcpy (&code, buf->str, sizeof code);
    memcpy (&domain, buf->str + sizeof code, sizeof domain);
    message = g_strdup (buf->str + sizeof code + sizeof domain);
    error = g_error_new_literal (domain, code, message);
    assert_not_called_damaged (error, path, "cannot be written");
  }
  g_string_free (buf, TRUE);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Item 18 ----------------------------------------------------------------- */

static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("%s: %o", path, st.st_mode & 0777);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_files_private_under_open_umask (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *fresh = g_build_filename (dir, "new", "library.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "touched.db", NULL);
  g_autofree char *state = g_build_filename (g_get_user_state_dir (), "crosscheck",
                                             "clean-libraries.ini", NULL);
  const char *paths[] = { fresh, empty, NULL };
  mode_t old = umask (0);
  int fd = g_open (empty, O_WRONLY | O_CREAT | O_EXCL, 0666);  /* as `touch` would */

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CcStore) store = cc_store_open (paths[i], &error);
      g_autofree char *wal = g_strconcat (paths[i], "-wal", NULL);
      g_autofree char *shm = g_strconcat (paths[i], "-shm", NULL);

      g_assert_no_error (error);
      g_assert_true (add_one (store, 1));
      assert_private (paths[i]);
      assert_private (wal);
      assert_private (shm);
      g_clear_object (&store);
      assert_private (state);
    }
  umask (old);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Item 13 ----------------------------------------------------------------- */

/* One article of about @bytes with the term on every line (or on one line
 * with no breaks at all): search answers, and marks the term. */
static void
search_large (gsize       bytes,
              const char *sep)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(GString) text = g_string_sized_new (bytes + 128);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const CcSearchHit *hit;

  g_string_append (text, "Opening words of a long report.");
  g_string_append (text, sep);
  for (guint i = 0; text->len < bytes; i++)
    g_string_append_printf (text, "The ferry %u left the harbour at dawn again.%s", i, sep);

  g_assert_true (cc_store_begin (store, &error));
  g_assert_cmpint (cc_store_add_document (store, "/big.txt", "Harbour log", NULL, NULL,
                                          text->str, "h", 1, text->len, 1, &error), >, 0);
  g_assert_true (cc_store_commit (store, &error));

  hits = cc_store_search (store, "ferry", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_test_message ("snippet: %s", hit->snippet);
  g_assert_nonnull (strstr (hit->snippet, "[ferry]"));
  g_assert_true (g_str_has_suffix (hit->snippet, "…"));
  g_assert_true (g_utf8_validate (hit->snippet, -1, NULL));
  g_assert_cmpuint (strlen (hit->snippet), <, 400);

  /* A phrase across the hits, and a word only in the title. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cc_store_search (store, "\"left the harbour\"", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_nonnull (strstr (((CcSearchHit *)hits->pdata[0])->snippet, "[left the harbour]"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cc_store_search (store, "log", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (g_str_has_prefix (((CcSearchHit *)hits->pdata[0])->snippet, "Opening words"));

  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Under the old snippet() these took minutes (quadratic in the hits of one
 * article); the test's own timeout is what fails. */
static void
test_search_large_article (void)
{
  search_large (4 * 1024 * 1024, "\n");
}

static void
test_search_single_line (void)
{
  search_large (15 * 1024 * 1024, " ");
}

/* A library whose name looks like an article (notes.md) inside the folder
 * being imported, and import-annotations pointed at the library: neither
 * may open the library's own files (closing them drops this process's
 * locks on it, so another program could delete the live WAL). Both are
 * refused by name, and the library and its WAL are still there. */
static void
test_own_files_never_read (void)
{
  char *dir = cc_test_tmpdir_new ();
  g_autofree char *db_path = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *article = cc_test_write_file (dir, "harbour.txt",
                                                 "Harbour reopens\n\nThe harbour reopened on Monday.\n", -1);
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_open (db_path, &error);
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(CcW3cImportReport) w3c = NULL;
  gboolean saw_library = FALSE;

  g_assert_no_error (error);
  g_assert_true (cc_store_is_own_file (store, db_path));
  g_assert_false (cc_store_is_own_file (store, article));

  report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  for (guint i = 0; i < report->events->len; i++)
    {
      CcImportEvent *event = report->events->pdata[i];

      if (g_strcmp0 (event->path, db_path) == 0)
        {
          g_assert_cmpint (event->status, ==, CC_IMPORT_SKIPPED);
          g_assert_nonnull (strstr (event->message, "library itself"));
          saw_library = TRUE;
        }
    }
  g_assert_true (saw_library);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  w3c = cc_w3c_import_file (store, db_path, &error);
  g_assert_null (w3c);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "library itself"));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  cc_test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *state = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A state folder (where clean closes are remembered) of its own. */
  state = cc_test_tmpdir_new ();
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  g_test_add_func ("/crosscheck/store-safety/wal-survives-other-connections",
                   test_wal_survives_other_connections);
  g_test_add_func ("/crosscheck/store-safety/second-open-keeps-locks",
                   test_second_open_keeps_locks);
  g_test_add_func ("/crosscheck/store-safety/concurrent-clean-closes",
                   test_concurrent_clean_closes);
  g_test_add_func ("/crosscheck/store-safety/foreign-database-untouched",
                   test_foreign_database_untouched);
  g_test_add_func ("/crosscheck/store-safety/foreign-lookalike-untouched",
                   test_foreign_lookalike_untouched);
  g_test_add_func ("/crosscheck/store-safety/foreign-database-cli", test_foreign_database_cli);
  g_test_add_func ("/crosscheck/store-safety/empty-and-old-libraries-adopted",
                   test_empty_and_old_libraries_adopted);
  g_test_add_func ("/crosscheck/store-safety/exclusive-lock-is-not-damage",
                   test_exclusive_lock_is_not_damage);
  g_test_add_func ("/crosscheck/store-safety/read-only-folder-is-not-damage",
                   test_read_only_folder_is_not_damage);
  g_test_add_func ("/crosscheck/store-safety/no-space-is-not-damage",
                   test_no_space_is_not_damage);
  g_test_add_func ("/crosscheck/store-safety/files-private-under-open-umask",
                   test_files_private_under_open_umask);
  g_test_add_func ("/crosscheck/store-safety/search-large-article", test_search_large_article);
  g_test_add_func ("/crosscheck/store-safety/search-single-line", test_search_single_line);
  g_test_add_func ("/crosscheck/store-safety/own-files-never-read", test_own_files_never_read);

  status = g_test_run ();
  cc_test_tmpdir_free (g_steal_pointer (&state));
  return status;
}
