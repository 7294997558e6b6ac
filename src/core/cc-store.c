/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cc-error.h"
#include "cc-store.h"

struct _CcStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* const char *sql -> sqlite3_stmt* */
  gboolean    checked;     /* the integrity check ran at open */
  gboolean    damaged;     /* it failed: never remember this file as clean */
  gboolean    opened;      /* opened and migrated: its close may be remembered */
};

G_DEFINE_FINAL_TYPE (CcStore, cc_store, G_TYPE_OBJECT)

/* Each entry moves the schema from version (index) to (index + 1). Never
 * edit a released step: add a new one. */
static const char * const migrations[] = {
  /* 0 -> 1: documents and their full-text index */
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  path TEXT NOT NULL UNIQUE,"
  "  basename TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  outlet TEXT,"
  "  byline TEXT,"
  "  text TEXT NOT NULL,"
  "  hash TEXT NOT NULL,"
  "  words INTEGER NOT NULL DEFAULT 0,"
  "  size INTEGER NOT NULL DEFAULT 0,"
  "  mtime INTEGER NOT NULL DEFAULT 0,"
  "  missing INTEGER NOT NULL DEFAULT 0,"
  "  imported INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL);"
  "CREATE INDEX documents_basename ON documents (basename);"
  "CREATE INDEX documents_hash ON documents (hash);"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
  "  title, text, content='documents', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN"
  "  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;"
  "CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, title, text)"
  "    VALUES ('delete', old.id, old.title, old.text);"
  "END;"
  "CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, title, text)"
  "    VALUES ('delete', old.id, old.title, old.text);"
  "  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;",

  /* 1 -> 2: analysis cache, keyed by content hash and analyser version */
  "CREATE TABLE analysis ("
  "  hash TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  PRIMARY KEY (hash, kind));"
  "CREATE TABLE mentions ("
  "  hash TEXT NOT NULL,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  type TEXT NOT NULL,"
  "  surface TEXT NOT NULL,"
  "  canonical TEXT NOT NULL,"
  "  value TEXT);"
  "CREATE INDEX mentions_hash ON mentions (hash, start);"
  "CREATE INDEX mentions_canonical ON mentions (canonical, type);",

  /* 2 -> 3: annotations and tags */
  "CREATE TABLE annotations ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,"
  "  document_hint TEXT,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  quote TEXT NOT NULL,"
  "  prefix TEXT NOT NULL DEFAULT '',"
  "  suffix TEXT NOT NULL DEFAULT '',"
  "  color TEXT NOT NULL DEFAULT 'yellow',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT 'anchored',"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL);"
  "CREATE INDEX annotations_document ON annotations (document_id, start);"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
  "CREATE TABLE annotation_tags ("
  "  annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (annotation_id, tag_id));",

  /* 3 -> 4: notes on conflicts between sources */
  "CREATE TABLE conflict_notes ("
  "  key TEXT PRIMARY KEY,"
  "  subject TEXT NOT NULL,"
  "  attribute TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL);",

  /* 4 -> 5: the full-text index is kept by cc_store_add_document() and
   * cc_store_update_document(), not by triggers: a trigger makes every
   * insert a statement transaction, and FTS5 flushes its pending terms at
   * each one, which made imports several times slower. */
  "DROP TRIGGER documents_ai;"
  "DROP TRIGGER documents_ad;"
  "DROP TRIGGER documents_au;",

  /* 5 -> 6: finding the annotations of a tag (and unused tags) by index,
   * not by a scan of every annotation's tags. */
  "CREATE INDEX annotation_tags_tag ON annotation_tags (tag_id);",

  /* 6 -> 7: stories, named sets of documents (a document may be in several
   * or none); a story made from a folder keeps its path to watch it. */
  "CREATE TABLE stories ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  folder TEXT,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL);"
  "CREATE TABLE story_documents ("
  "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (story_id, document_id));"
  "CREATE INDEX story_documents_document ON story_documents (document_id);",
  /* 7 -> 8: publication metadata of web pages, PDFs and links (see
   * cc-store-meta.c); outlet and byline were there from the start. The
   * next import reads every file again (an unknown mtime), so documents
   * stored before get their date too; unchanged text keeps its analysis. */
  "ALTER TABLE documents ADD COLUMN published TEXT;"
  "ALTER TABLE documents ADD COLUMN url TEXT;"
  "ALTER TABLE documents ADD COLUMN language TEXT;"
  "UPDATE documents SET mtime = 0;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CC_STORE_SCHEMA_VERSION);

const char *
cc_store_get_migration (int version)
{
  g_return_val_if_fail (version >= 0 && version < CC_STORE_SCHEMA_VERSION, NULL);
  return migrations[version];
}

void
cc_search_hit_free (CcSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->basename);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

/* Integrity at open --------------------------------------------------------
 *
 * A full PRAGMA quick_check reads the whole file: on a large library that is
 * most of the cost of opening it. So the check is skipped only for a file
 * provably unchanged since this program last closed it cleanly: same device,
 * inode, size and modification time (recorded after the close, in the user
 * state folder) and no write-ahead log left behind. Any other case (a crash,
 * another program writing the file, a copy from elsewhere) gets the full
 * check before anything is written. */

static char *
clean_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "crosscheck", "clean-libraries.ini", NULL);
}

static char *
clean_state_key (const char *path)
{
  g_autofree char *real = realpath (path, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, real ? real : path, -1);
}

static char *
file_fingerprint (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%lu:%lu:%lld:%lld.%09ld", (gulong)st.st_dev, (gulong)st.st_ino,
                          (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                          (long)st.st_mtim.tv_nsec);
}

static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return g_file_test (wal, G_FILE_TEST_EXISTS);
}

static gboolean
known_clean (const char *path)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *state = clean_state_path ();
  g_autofree char *key = clean_state_key (path);
  g_autofree char *recorded = NULL;
  g_autofree char *now = NULL;

  if (has_wal (path) || !g_key_file_load_from_file (file, state, G_KEY_FILE_NONE, NULL))
    return FALSE;
  recorded = g_key_file_get_string (file, "libraries", key, NULL);
  now = file_fingerprint (path);
  return recorded != NULL && now != NULL && g_str_equal (recorded, now);
}

/* After a clean close: remember the file as it is now (or forget it, when
 * another connection still has it open and may change it). */
static void
remember_clean (const char *path,
                gboolean    clean)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *state = clean_state_path ();
  g_autofree char *dir = g_path_get_dirname (state);
  g_autofree char *key = clean_state_key (path);
  g_autofree char *now = clean && !has_wal (path) ? file_fingerprint (path) : NULL;

  g_key_file_load_from_file (file, state, G_KEY_FILE_NONE, NULL);
  if (now != NULL)
    g_key_file_set_string (file, "libraries", key, now);
  else if (!g_key_file_remove_key (file, "libraries", key, NULL))
    return;  /* nothing recorded, nothing to forget */

  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_key_file_save_to_file (file, state, NULL);
}

static void
cc_store_finalize (GObject *object)
{
  CcStore *self = (CcStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      gboolean closed = sqlite3_close (self->db) == SQLITE_OK;

      if (!closed)
        sqlite3_close_v2 (self->db);
      self->db = NULL;
      if (self->path != NULL && self->opened)
        remember_clean (self->path, closed && !self->damaged);
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cc_store_parent_class)->finalize (object);
}

static void
cc_store_class_init (CcStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cc_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cc_store_init (CcStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

gboolean
cc_store_set_error (CcStore     *self,
                    GError     **error,
                    const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;
  int cc_code = CC_ERROR_FAILED;

  if (primary == SQLITE_NOTADB)
    cc_code = CC_ERROR_NOT_A_DATABASE;
  else if (primary == SQLITE_CORRUPT)
    cc_code = CC_ERROR_CORRUPT_DATABASE;

  g_set_error (error, CC_ERROR, cc_code, "%s: %s (%s)", self->path, what,
               sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (CcStore     *self,
      const char  *sql,
      GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      int primary = sqlite3_errcode (self->db) & 0xff;
      int code = primary == SQLITE_CORRUPT ? CC_ERROR_CORRUPT_DATABASE
               : primary == SQLITE_NOTADB ? CC_ERROR_NOT_A_DATABASE
               : CC_ERROR_FAILED;

      g_set_error (error, CC_ERROR, code, "%s: %s", self->path, msg ? msg : "error");
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static int
query_int (CcStore    *self,
           const char *sql,
           int         fallback)
{
  sqlite3_stmt *stmt = NULL;
  int result = fallback;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

sqlite3_stmt *
cc_store_prepare (CcStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        {
          cc_store_set_error (self, error, "cannot prepare a query");
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

gboolean
cc_store_begin (CcStore  *self,
                GError  **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
cc_store_commit (CcStore  *self,
                 GError  **error)
{
  return exec (self, "COMMIT", error);
}

void
cc_store_rollback (CcStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
cc_store_begin_or_join (CcStore   *self,
                        gboolean  *owned,
                        GError   **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  *owned = sqlite3_get_autocommit (self->db) != 0;
  return !*owned || cc_store_begin (self, error);
}

gboolean
cc_store_end (CcStore   *self,
              gboolean   owned,
              gboolean   ok,
              GError   **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  if (!owned)
    return ok;
  if (ok && cc_store_commit (self, error))
    return TRUE;
  cc_store_rollback (self);
  return FALSE;
}

gboolean
cc_store_step (CcStore       *self,
               sqlite3_stmt  *stmt,
               const char    *what,
               GError       **error)
{
  int rc;

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      /* The message first: resetting the statement may replace it. */
      cc_store_set_error (self, error, what);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
check_header (const char  *path,
              gboolean    *exists,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GError) local_error = NULL;
  char header[16] = { 0 };
  GStatBuf st;
  int fd;
  gssize n;

  *exists = FALSE;
  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot open library “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  *exists = TRUE;

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, CC_ERROR, CC_ERROR_NOT_A_DATABASE,
                   _("Library “%s” is a folder, not a library file"), path);
      return FALSE;
    }
  if (st.st_size == 0)
    return TRUE;

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot read library “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n != (gssize)sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Crosscheck library (not an SQLite database); "
                     "it was left untouched"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (CcStore  *self,
         GError  **error)
{
  int version = query_int (self, "PRAGMA user_version", -1);

  if (version < 0)
    return cc_store_set_error (self, error, "cannot read the schema version");

  for (; version < CC_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!cc_store_begin (self, error))
        return FALSE;
      if (!exec (self, migrations[version], error) || !exec (self, bump, error))
        {
          cc_store_rollback (self);
          g_prefix_error (error, _("Cannot upgrade library to schema %d: "), version + 1);
          return FALSE;
        }
      if (!cc_store_commit (self, error))
        {
          cc_store_rollback (self);
          return FALSE;
        }
    }
  return TRUE;
}

char *
cc_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "crosscheck", "library.db", NULL);
}

CcStore *
cc_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(CcStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean exists = FALSE;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &exists, error))
    return NULL;

  self = g_object_new (CC_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!exists)
    {
      int fd;

      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       _("Cannot create folder “%s” for the library: %s"), dir,
                       g_strerror (errno));
          return NULL;
        }
      /* Create the file ourselves so that it is private to the user. */
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
      if (fd < 0 && errno != EEXIST)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       _("Cannot create library “%s”: %s"), path, g_strerror (errno));
          return NULL;
        }
      if (fd >= 0)
        close (fd);
    }

  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_FAILED, _("Cannot open library “%s”: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 10000);

  /* Check the file before writing anything to it. */
  if (exists && !known_clean (path))
    {
      self->checked = TRUE;
      sqlite3_stmt *stmt = NULL;
      gboolean ok = FALSE;

      if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
      sqlite3_finalize (stmt);

      if (!ok)
        {
          int primary = sqlite3_errcode (self->db) & 0xff;

          self->damaged = TRUE;

          g_set_error (error, CC_ERROR,
                       primary == SQLITE_NOTADB ? CC_ERROR_NOT_A_DATABASE
                                                : CC_ERROR_CORRUPT_DATABASE,
                       _("Library “%s” is damaged (%s); it was left untouched"),
                       path, primary == SQLITE_OK ? "integrity check failed"
                                                  : sqlite3_errmsg (self->db));
          return NULL;
        }
    }

  /* A library from a newer version is not touched, not even its journal mode. */
  {
    int version = query_int (self, "PRAGMA user_version", -1);

    if (version > CC_STORE_SCHEMA_VERSION)
      {
        g_set_error (error, CC_ERROR, CC_ERROR_TOO_NEW,
                     _("Library “%s” was written by a newer Crosscheck (schema %d, this "
                       "version knows %d); it was left untouched"),
                     path, version, CC_STORE_SCHEMA_VERSION);
        return NULL;
      }
  }

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !migrate (self, error))
    return NULL;

  self->opened = TRUE;
  return g_steal_pointer (&self);
}

const char *
cc_store_get_path (CcStore *self)
{
  g_return_val_if_fail (CC_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
cc_store_get_db (CcStore *self)
{
  g_return_val_if_fail (CC_IS_STORE (self), NULL);
  return self->db;
}

gboolean
cc_store_get_checked (CcStore *self)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);
  return self->checked;
}

int
cc_store_get_schema_version (CcStore *self)
{
  g_return_val_if_fail (CC_IS_STORE (self), -1);
  return query_int (self, "PRAGMA user_version", -1);
}

#define DOCUMENT_COLUMNS "id, path, title, outlet, byline, hash, words, size, mtime, missing, " \
                         "published, url, language"

static CcDocument *
document_from_row (sqlite3_stmt *stmt)
{
  CcDocument *doc =
         cc_document_new (sqlite3_column_int64 (stmt, 0),
                          (const char *)sqlite3_column_text (stmt, 1),
                          (const char *)sqlite3_column_text (stmt, 2),
                          (const char *)sqlite3_column_text (stmt, 3),
                          (const char *)sqlite3_column_text (stmt, 4),
                          (const char *)sqlite3_column_text (stmt, 5),
                          sqlite3_column_int (stmt, 6),
                          sqlite3_column_int64 (stmt, 7),
                          sqlite3_column_int64 (stmt, 8),
                          sqlite3_column_int (stmt, 9) != 0);

  cc_document_set_meta (doc, (const char *)sqlite3_column_text (stmt, 10),
                        (const char *)sqlite3_column_text (stmt, 11),
                        (const char *)sqlite3_column_text (stmt, 12));
  return doc;
}

GPtrArray *
cc_store_list_documents (CcStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  stmt = cc_store_prepare (self, "SELECT " DOCUMENT_COLUMNS " FROM documents "
                                 "ORDER BY basename COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (docs, document_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      cc_store_set_error (self, error, "cannot list documents");
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&docs);
}

CcDocument *
cc_store_get_document (CcStore  *self,
                       gint64    id,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  CcDocument *doc = NULL;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  stmt = cc_store_prepare (self, "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    doc = document_from_row (stmt);
  else
    g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                 _("No document with id %lld in the library"), (long long)id);
  sqlite3_reset (stmt);
  return doc;
}

CcDocument *
cc_store_find_document (CcStore     *self,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  const char *p;
  gboolean numeric = name != NULL && *name != '\0';

  g_return_val_if_fail (CC_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (p = name; *p; p++)
    if (!g_ascii_isdigit (*p))
      numeric = FALSE;

  if (numeric)
    {
      CcDocument *doc = cc_store_get_document (self, g_ascii_strtoll (name, NULL, 10), NULL);
      if (doc != NULL)
        return doc;
    }

  stmt = cc_store_prepare (self, "SELECT " DOCUMENT_COLUMNS " FROM documents "
                                 "WHERE path = ?1 OR basename = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (matches, document_from_row (stmt));
  sqlite3_reset (stmt);

  if (matches->len == 0)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                   _("No document named “%s” in library “%s”"), name, self->path);
      return NULL;
    }
  if (matches->len > 1)
    {
      /* An exact path match wins over several equal base names. */
      for (guint i = 0; i < matches->len; i++)
        if (g_strcmp0 (cc_document_get_path (matches->pdata[i]), name) == 0)
          return g_object_ref (matches->pdata[i]);
      g_set_error (error, CC_ERROR, CC_ERROR_AMBIGUOUS,
                   _("“%s” names %u documents; use the id or the full path"), name,
                   matches->len);
      return NULL;
    }
  return g_object_ref (matches->pdata[0]);
}

char *
cc_store_load_text (CcStore  *self,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  stmt = cc_store_prepare (self, "SELECT text FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else
    g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                 _("No document with id %lld in the library"), (long long)id);
  sqlite3_reset (stmt);
  return text;
}

/* Turns what a person types into an FTS5 query: each word is quoted so
 * punctuation ("14.3", "Meta's", "C++") never becomes query syntax, a phrase
 * in double quotes stays a phrase, and OR, AND and NOT in capitals between
 * words keep their meaning. */
static gboolean
is_operator (const char *start,
             gsize       len)
{
  return (len == 2 && strncmp (start, "OR", 2) == 0) ||
         (len == 3 && (strncmp (start, "AND", 3) == 0 || strncmp (start, "NOT", 3) == 0));
}

static char *
build_fts_query (const char *query)
{
  GString *out = g_string_new (NULL);
  const char *p = query;
  gboolean need_term = TRUE;  /* at the start, or right after an operator */

  while (*p)
    {
      const char *start;
      gboolean phrase = FALSE;

      while (*p && g_ascii_isspace (*p))
        p++;
      if (!*p)
        break;

      if (*p == '"')
        {
          phrase = TRUE;
          start = ++p;
          while (*p && *p != '"')
            p++;
        }
      else
        {
          start = p;
          while (*p && !g_ascii_isspace (*p))
            p++;
        }

      if (!phrase && !need_term && is_operator (start, p - start))
        {
          /* Only an operator followed by another term counts as one. */
          const char *next = p;
          while (*next && g_ascii_isspace (*next))
            next++;
          if (*next)
            {
              g_string_append_c (out, ' ');
              g_string_append_len (out, start, p - start);
              need_term = TRUE;
              continue;
            }
        }

      if (p > start)
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, '"');
          for (const char *q = start; q < p; q++)
            {
              if (*q == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *q);
            }
          g_string_append_c (out, '"');
          need_term = FALSE;
        }
      if (phrase && *p == '"')
        p++;
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
cc_store_search (CcStore     *self,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_search_hit_free);
  g_autofree char *fts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  fts = build_fts_query (query);
  if (*fts == '\0')
    return g_steal_pointer (&hits);

  stmt = cc_store_prepare (self,
                           "SELECT d.id, d.basename, d.title,"
                           "  snippet(documents_fts, 1, '[', ']', '…', 16),"
                           "  bm25(documents_fts, 5.0, 1.0) AS r "
                           "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                           "WHERE documents_fts MATCH ? ORDER BY r LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int)limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CcSearchHit *hit = g_new0 (CcSearchHit, 1);
      hit->document_id = sqlite3_column_int64 (stmt, 0);
      hit->basename = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      hit->title = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      hit->snippet = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      hit->rank = sqlite3_column_double (stmt, 4);
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      cc_store_set_error (self, error, "search failed");
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&hits);
}

gint64
cc_store_add_document (CcStore     *self,
                       const char  *path,
                       const char  *title,
                       const char  *outlet,
                       const char  *byline,
                       const char  *text,
                       const char  *hash,
                       guint        words,
                       gint64       size,
                       gint64       mtime,
                       GError     **error)
{
  g_autofree char *basename = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CC_IS_STORE (self), 0);

  basename = g_path_get_basename (path);
  stmt = cc_store_prepare (self,
                           "INSERT INTO documents (path, basename, title, outlet, byline, text,"
                           "  hash, words, size, mtime, imported, updated)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, basename, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, outlet, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, byline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, words);
  sqlite3_bind_int64 (stmt, 9, size);
  sqlite3_bind_int64 (stmt, 10, mtime);
  sqlite3_bind_int64 (stmt, 11, g_get_real_time () / G_USEC_PER_SEC);
  if (!cc_store_step (self, stmt, "cannot add a document", error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  stmt = cc_store_prepare (self, "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  if (!cc_store_step (self, stmt, "cannot index a document", error))
    return 0;
  return id;
}

gboolean
cc_store_update_document (CcStore     *self,
                          gint64       id,
                          const char  *title,
                          const char  *outlet,
                          const char  *byline,
                          const char  *text,
                          const char  *hash,
                          guint        words,
                          gint64       size,
                          gint64       mtime,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  /* An external-content FTS5 index forgets a row by being told its old
   * values. */
  stmt = cc_store_prepare (self,
                           "INSERT INTO documents_fts (documents_fts, rowid, title, text) "
                           "SELECT 'delete', id, title, text FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cc_store_step (self, stmt, "cannot re-index a document", error))
    return FALSE;

  stmt = cc_store_prepare (self,
                           "UPDATE documents SET title = ?1, outlet = ?2, byline = ?3, text = ?4,"
                           "  hash = ?5, words = ?6, size = ?7, mtime = ?8, updated = ?9,"
                           "  missing = 0 WHERE id = ?10", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, outlet, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, byline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, words);
  sqlite3_bind_int64 (stmt, 7, size);
  sqlite3_bind_int64 (stmt, 8, mtime);
  sqlite3_bind_int64 (stmt, 9, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 10, id);
  if (!cc_store_step (self, stmt, "cannot update a document", error))
    return FALSE;

  stmt = cc_store_prepare (self, "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  if (!cc_store_step (self, stmt, "cannot index a document", error))
    return FALSE;
  return TRUE;
}

guint
cc_store_count_documents (CcStore *self)
{
  g_return_val_if_fail (CC_IS_STORE (self), 0);
  return (guint)query_int (self, "SELECT count(*) FROM documents", 0);
}
