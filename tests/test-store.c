/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include "cc-error.h"
#include "cc-store.h"
#include "cc-test-util.h"

static void
test_create (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "sub", "folder", "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_open (path, &error);
  GStatBuf st;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_cmpint (cc_store_get_schema_version (store), ==, CC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  stmt = cc_store_prepare (store, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);

  stmt = cc_store_prepare (store, "PRAGMA foreign_keys", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);

  g_clear_object (&store);
  /* Reopening is a no-op migration. */
  store = cc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cc_store_get_schema_version (store), ==, CC_STORE_SCHEMA_VERSION);
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The full integrity check is skipped only for a file unchanged since it
 * was closed cleanly. */
static void
test_check_skipped_when_unchanged (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  struct utimbuf times = { 1000000000, 1000000000 };

  path = g_strdup (cc_store_get_path (store));
  g_assert_false (cc_store_get_checked (store));  /* new file: nothing to check */
  g_assert_cmpint (cc_store_add_document (store, "/x/a.txt", "A", NULL, NULL, "Some text.", "h",
                                          2, 1, 1, &error), >, 0);
  g_clear_object (&store);

  /* Closed cleanly, unchanged: no full read. */
  store = cc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (cc_store_get_checked (store));
  g_clear_object (&store);

  /* Touched by someone else: checked again. */
  g_assert_cmpint (utime (path, &times), ==, 0);
  store = cc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cc_store_get_checked (store));

  /* While another connection has it open (a write-ahead log exists), a
   * second one checks it. */
  {
    g_autoptr(CcStore) other = NULL;

    g_assert_cmpint (cc_store_add_document (store, "/x/b.txt", "B", NULL, NULL, "More text.",
                                            "h2", 2, 1, 1, &error), >, 0);
    other = cc_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (cc_store_get_checked (other));
  }
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_migrate_from_v1 (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "library-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cc_store_get_schema_version (store), ==, CC_STORE_SCHEMA_VERSION);

  docs = cc_store_list_documents (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (cc_document_get_title (docs->pdata[0]), ==, "Ferry service resumes");
  g_assert_cmpstr (cc_document_get_outlet (docs->pdata[0]), ==, "Coast Herald");

  hits = cc_store_search (store, "strike", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  /* Tables of later versions exist and work. */
  g_assert_cmpint (sqlite3_exec (cc_store_get_db (store),
                                 "INSERT INTO tags (name) VALUES ('check')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
assert_untouched_after_open (const char *path,
                             int         expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(CcStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = cc_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CC_ERROR, expected_code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = cc_test_write_file (dir, "notes.db", "These are my notes, not SQLite.\n", -1);

  assert_untouched_after_open (path, CC_ERROR_NOT_A_DATABASE);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_corrupt_database (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize len;

  {
    g_autoptr(CcStore) store = cc_test_open_store (dir);
    g_autoptr(GError) error = NULL;
    sqlite3 *db = cc_store_get_db (store);

    /* Enough rows to fill several pages. */
    g_assert_cmpint (sqlite3_exec (db, "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                                       "SELECT i + 1 FROM n WHERE i < 400) "
                                       "INSERT INTO tags (name) SELECT 'tag-' || i || "
                                       "printf('%.80c', 'x') FROM n; COMMIT; "
                                       "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    path = g_strdup (cc_store_get_path (store));
  }

  /* Scribble over everything after the header page. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  for (gsize i = 4096; i < len; i++)
    data[i] = (char)(i * 31 + 7);
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  assert_untouched_after_open (path, CC_ERROR_CORRUPT_DATABASE);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_too_new (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* Marked as a Crosscheck library, with a schema this version does not know. */
  sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 999;", NULL, NULL, NULL);
  sqlite3_exec (db, "PRAGMA application_id = " G_STRINGIFY (CC_STORE_APPLICATION_ID), NULL, NULL,
                NULL);
  sqlite3_close (db);

  assert_untouched_after_open (path, CC_ERROR_TOO_NEW);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
insert_doc (CcStore    *store,
            const char *path,
            const char *title,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cc_store_add_document (store, path, title, NULL, NULL, text, "h", 1, 1, 1,
                                          &error), >, 0);
  g_assert_no_error (error);
}

static void
test_search_and_find (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(CcDocument) doc = NULL;

  insert_doc (store, "/a/one.txt", "Budget vote", "The council approved a budget of 14.3 million.");
  insert_doc (store, "/a/two.txt", "Budget budget", "Budget talk: budget, budget and the budget again.");
  insert_doc (store, "/b/one.txt", "Weather", "Rain is expected on Tuesday.");

  hits = cc_store_search (store, "budget", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  /* The document that is about budgets ranks first; snippets mark the term. */
  g_assert_cmpstr (((CcSearchHit *)hits->pdata[0])->basename, ==, "two.txt");
  g_assert_nonnull (strstr (((CcSearchHit *)hits->pdata[0])->snippet, "[Budget]"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Punctuation is not query syntax. */
  hits = cc_store_search (store, "14.3 \"the council\" Meta's C++ (", 10, &error);
  g_assert_no_error (error);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cc_store_search (store, "\"council approved\"", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Operators in capitals between words; lower-case "or" is a word. */
  hits = cc_store_search (store, "council OR rain", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cc_store_search (store, "budget NOT council", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cc_store_search (store, "OR budget OR", 10, &error);
  g_assert_no_error (error);

  /* An updated text is re-indexed: the old words are gone. */
  doc = cc_store_find_document (store, "/b/one.txt", &error);
  g_assert_true (cc_store_update_document (store, cc_document_get_id (doc), "Weather",
                                           NULL, NULL, "Snow is expected on Friday.", "h2",
                                           5, 1, 2, &error));
  g_assert_no_error (error);
  g_clear_object (&doc);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cc_store_search (store, "rain", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cc_store_search (store, "snow", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);

  doc = cc_store_find_document (store, "/b/one.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_document_get_title (doc), ==, "Weather");
  g_clear_object (&doc);

  doc = cc_store_find_document (store, "one.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, CC_ERROR, CC_ERROR_AMBIGUOUS);
  g_clear_error (&error);

  doc = cc_store_find_document (store, "two.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_document_get_title (doc), ==, "Budget budget");
  g_clear_object (&doc);

  doc = cc_store_find_document (store, "nothing.txt", &error);
  g_assert_error (error, CC_ERROR, CC_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crosscheck/store/create", test_create);
  g_test_add_func ("/crosscheck/store/check-skipped-when-unchanged",
                   test_check_skipped_when_unchanged);
  g_test_add_func ("/crosscheck/store/migrate-from-v1", test_migrate_from_v1);
  g_test_add_func ("/crosscheck/store/not-a-database", test_not_a_database);
  g_test_add_func ("/crosscheck/store/corrupt", test_corrupt_database);
  g_test_add_func ("/crosscheck/store/too-new", test_too_new);
  g_test_add_func ("/crosscheck/store/search-and-find", test_search_and_find);

  return g_test_run ();
}
