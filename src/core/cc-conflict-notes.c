/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-core"

#include "config.h"

#include <string.h>

#include "cc-conflict-notes.h"
#include "cc-error.h"

#define NOTE_COLUMNS "key, subject, attribute, note, created, modified"

void
cc_conflict_note_free (CcConflictNote *note)
{
  if (note == NULL)
    return;
  g_free (note->key);
  g_free (note->subject);
  g_free (note->attribute);
  g_free (note->note);
  g_free (note);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static CcConflictNote *
note_from_row (sqlite3_stmt *stmt)
{
  CcConflictNote *note = g_new0 (CcConflictNote, 1);

  note->key = column_dup (stmt, 0);
  note->subject = column_dup (stmt, 1);
  note->attribute = column_dup (stmt, 2);
  note->note = column_dup (stmt, 3);
  note->created = sqlite3_column_int64 (stmt, 4);
  note->modified = sqlite3_column_int64 (stmt, 5);
  return note;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

CcConflictNote *
cc_conflict_notes_get (CcStore     *store,
                       const char  *key,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  CcConflictNote *note = NULL;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = cc_store_prepare (store,
                           "SELECT " NOTE_COLUMNS " FROM conflict_notes WHERE key = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    note = note_from_row (stmt);
  else if (rc != SQLITE_DONE)
    cc_store_set_error (store, error, "cannot read a conflict note");
  sqlite3_reset (stmt);
  return note;
}

static gboolean
run_write (CcStore       *store,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cc_store_set_error (store, error, what);
  return TRUE;
}

gboolean
cc_conflict_notes_delete (CcStore     *store,
                          const char  *key,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!cc_store_begin (store, error))
    return FALSE;
  stmt = cc_store_prepare (store, "DELETE FROM conflict_notes WHERE key = ?1", error);
  if (stmt == NULL)
    {
      cc_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!run_write (store, stmt, "cannot delete a conflict note", error))
    {
      cc_store_rollback (store);
      return FALSE;
    }
  return cc_store_commit (store, error);
}

gboolean
cc_conflict_notes_set (CcStore     *store,
                       const char  *key,
                       const char  *subject,
                       const char  *attribute,
                       const char  *note,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (*key == '\0')
    {
      g_set_error_literal (error, CC_ERROR, CC_ERROR_INVALID, "A conflict note needs a key");
      return FALSE;
    }
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error_literal (error, CC_ERROR, CC_ERROR_ENCODING, "A conflict note is not valid UTF-8");
      return FALSE;
    }
  if (is_blank (note))
    return cc_conflict_notes_delete (store, key, error);

  now = g_get_real_time () / G_USEC_PER_SEC;

  if (!cc_store_begin (store, error))
    return FALSE;
  stmt = cc_store_prepare (store,
                           "INSERT INTO conflict_notes (" NOTE_COLUMNS ") "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                           "ON CONFLICT (key) DO UPDATE SET "
                           "  subject = excluded.subject, attribute = excluded.attribute, "
                           "  note = excluded.note, modified = excluded.modified",
                           error);
  if (stmt == NULL)
    {
      cc_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, subject != NULL ? subject : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, attribute != NULL ? attribute : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!run_write (store, stmt, "cannot save a conflict note", error))
    {
      cc_store_rollback (store);
      return FALSE;
    }
  return cc_store_commit (store, error);
}

GPtrArray *
cc_conflict_notes_list (CcStore  *store,
                        GError  **error)
{
  g_autoptr(GPtrArray) notes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);

  stmt = cc_store_prepare (store,
                           "SELECT " NOTE_COLUMNS " FROM conflict_notes "
                           "ORDER BY subject, attribute, key",
                           error);
  if (stmt == NULL)
    return NULL;

  notes = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_conflict_note_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (notes, note_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cc_store_set_error (store, error, "cannot list conflict notes");
      return NULL;
    }
  return g_steal_pointer (&notes);
}
