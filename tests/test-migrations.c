/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cc-annotation-store.h"
#include "cc-error.h"
#include "cc-store-stories.h"
#include "cc-test-util.h"

/* Every earlier schema version migrates forward to the current one and
 * keeps what it held. Each version N from 1 has a committed fixture,
 * tests/fixtures/library-vN.sql: its schema frozen as that version wrote it,
 * and data in every table it has. A version with no fixture yet (a step
 * added after these were written) is built by applying the first N steps. */

#define ANNOTATIONS_SQL \
  "SELECT a.uuid, a.document_id, a.document_hint, a.start, a.end, a.quote, a.prefix," \
  "  a.suffix, a.color, a.note, a.state, a.created, a.modified," \
  "  (SELECT group_concat (name, ',') FROM (SELECT t.name FROM annotation_tags at" \
  "     JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id ORDER BY t.name))" \
  " FROM annotations a ORDER BY a.uuid"

/* Every story with each of its documents: name, folder, document path. */
#define STORIES_SQL \
  "SELECT s.id, s.name, s.folder, s.created, s.modified, d.path FROM stories s" \
  " JOIN story_documents sd ON sd.story_id = s.id JOIN documents d ON d.id = sd.document_id" \
  " ORDER BY s.id, d.id"

/* Each row of @sql as one line of its columns, NULL shown as "(null)". */
static GPtrArray *
dump_rows (sqlite3    *db,
           const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, i);
          g_string_append_printf (row, "%s%s", i > 0 ? " | " : "", text ? text : "(null)");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  return rows;
}

static void
assert_same_rows (GPtrArray *before,
                  GPtrArray *after)
{
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (before->pdata[i], ==, after->pdata[i]);
}

static char *
fixture_path (int version)
{
  g_autofree char *name = g_strdup_printf ("library-v%d.sql", version);

  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
}

/* A library as version @version wrote it, by applying the first steps, with
 * documents and (from version 3) annotations of our own. */
static void
build_by_steps (sqlite3 *db,
                int      version)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);

  for (int i = 0; i < version; i++)
    exec_ok (db, cc_store_get_migration (i));
  exec_ok (db, "INSERT INTO documents (id, path, basename, title, text, hash, imported, updated)"
               " VALUES (1, '/x/a.txt', 'a.txt', 'A', 'The pier opens in June.', 'h1', 1, 1)");
  if (version >= 5)
    exec_ok (db, "INSERT INTO documents_fts (rowid, title, text) SELECT id, title, text "
                 "FROM documents");
  if (version >= 3)
    exec_ok (db, "INSERT INTO annotations (uuid, document_id, start, end, quote, note, created,"
                 " modified) VALUES ('urn:uuid:a', 1, 4, 8, 'pier', 'Which pier?', 1, 2),"
                 " ('urn:uuid:b', NULL, 0, 3, 'old', '', 1, 2);"
                 "INSERT INTO tags (id, name) VALUES (1, 'place');"
                 "INSERT INTO annotation_tags VALUES (1, 1)");
  exec_ok (db, bump);
}

/* Writes the library of version @version to @path; returns whether it came
 * from a committed fixture. */
static gboolean
write_old_library (const char *path,
                   int         version)
{
  g_autofree char *fixture = fixture_path (version);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  gboolean from_fixture = g_file_get_contents (fixture, &sql, NULL, NULL);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (from_fixture)
    exec_ok (db, sql);
  else
    build_by_steps (db, version);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return from_fixture;
}

static void
assert_library_works (CcStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cc_store_list_documents (store, &error);
  gint64 story;
  gint64 first;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, >, 0);
  first = cc_document_get_id (docs->pdata[0]);

  /* The tables of every later version exist and work. */
  story = cc_store_create_story (store, "Migrated", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cc_store_add_to_story (store, story, &first, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = cc_store_list_story_documents (store, story, &error);
  g_assert_cmpuint (docs->len, ==, 1);
}

static void
test_migrate_version (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) documents_before = NULL;
  g_autoptr(GPtrArray) annotations_before = NULL;
  g_autoptr(GPtrArray) notes_before = NULL;
  g_autoptr(GPtrArray) stories_before = NULL;
  gboolean from_fixture = write_old_library (path, version);
  sqlite3 *db = NULL;

  g_test_message ("schema %d %s", version, from_fixture ? "from its fixture" : "by steps");
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  {
    g_autoptr(GPtrArray) stored = dump_rows (db, "PRAGMA user_version");
    g_autofree char *expected = g_strdup_printf ("%d", version);
    g_assert_cmpstr (stored->pdata[0], ==, expected);
  }
  documents_before = dump_rows (db, "SELECT id, path, title, outlet, byline, text, hash "
                                    "FROM documents ORDER BY id");
  if (version >= 3)
    annotations_before = dump_rows (db, ANNOTATIONS_SQL);
  if (version >= 4)
    notes_before = dump_rows (db, "SELECT * FROM conflict_notes ORDER BY key");
  if (version >= 7)
    stories_before = dump_rows (db, STORIES_SQL);
  sqlite3_close (db);

  store = cc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cc_store_get_schema_version (store), ==, CC_STORE_SCHEMA_VERSION);

  {
    g_autoptr(GPtrArray) after = dump_rows (cc_store_get_db (store),
                                            "SELECT id, path, title, outlet, byline, text, hash "
                                            "FROM documents ORDER BY id");
    assert_same_rows (documents_before, after);
  }
  if (annotations_before != NULL)
    {
      g_autoptr(GPtrArray) after = dump_rows (cc_store_get_db (store), ANNOTATIONS_SQL);
      g_autoptr(GPtrArray) listed = cc_annotation_store_list (store, NULL, &error);

      g_assert_cmpuint (annotations_before->len, >=, from_fixture ? 4 : 2);
      assert_same_rows (annotations_before, after);
      g_assert_no_error (error);
      g_assert_cmpuint (listed->len, ==, annotations_before->len);
    }
  if (notes_before != NULL)
    {
      g_autoptr(GPtrArray) after = dump_rows (cc_store_get_db (store),
                                              "SELECT * FROM conflict_notes ORDER BY key");
      assert_same_rows (notes_before, after);
    }
  if (stories_before != NULL)
    {
      g_autoptr(GPtrArray) after = dump_rows (cc_store_get_db (store), STORIES_SQL);
      g_autoptr(GPtrArray) listed = cc_store_list_stories (store, &error);

      g_assert_cmpuint (stories_before->len, >=, from_fixture ? 3 : 0);
      assert_same_rows (stories_before, after);
      g_assert_no_error (error);
      g_assert_cmpuint (listed->len, >=, from_fixture ? 2 : 0);
    }
  if (version < 5 || from_fixture)
    {
      /* The full-text index survives the change from triggers to code. */
      g_autoptr(GPtrArray) hits = cc_store_search (store, from_fixture ? "strike" : "pier", 10,
                                                   &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
    }
  assert_library_works (store);
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A schema with whitespace removed, for comparing schemas written out by
 * hand with the same steps in cc-store.c. */
static GPtrArray *
dump_schema (sqlite3 *db)
{
  g_autoptr(GPtrArray) rows = dump_rows (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                                             "ORDER BY name");
  GPtrArray *squeezed = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      GString *row = g_string_new (NULL);

      for (const char *p = rows->pdata[i]; *p; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (row, *p);
      g_ptr_array_add (squeezed, g_string_free (row, FALSE));
    }
  return squeezed;
}

/* A released step is never edited: each fixture's schema is exactly what
 * the steps of cc-store.c build for its version. */
static void
test_fixtures_match_steps (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  guint compared = 0;

  for (int version = 1; version < CC_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *fixture = fixture_path (version);
      g_autofree char *sql = NULL;
      g_autoptr(GPtrArray) frozen = NULL;
      g_autoptr(GPtrArray) stepped = NULL;
      sqlite3 *a = NULL;
      sqlite3 *b = NULL;

      if (!g_file_get_contents (fixture, &sql, NULL, NULL))
        continue;
      g_assert_cmpint (sqlite3_open (":memory:", &a), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_open (":memory:", &b), ==, SQLITE_OK);
      exec_ok (a, sql);
      build_by_steps (b, version);
      frozen = dump_schema (a);
      stepped = dump_schema (b);
      assert_same_rows (frozen, stepped);
      sqlite3_close (a);
      sqlite3_close (b);
      compared++;
    }
  /* At least the versions with fixtures (1 to 7). */
  g_assert_cmpuint (compared, >=, 7);
  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (int version = 1; version < CC_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("/crosscheck/migrations/from-v%d", version);
      g_test_add_data_func (name, GINT_TO_POINTER (version), test_migrate_version);
    }
  g_test_add_func ("/crosscheck/migrations/fixtures-match-steps", test_fixtures_match_steps);
  return g_test_run ();
}
