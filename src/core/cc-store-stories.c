/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "cc-entities.h"
#include "cc-error.h"
#include "cc-store-stories.h"

#define STORY_SELECT \
  "SELECT s.id, s.name, s.folder," \
  "  (SELECT count(*) FROM story_documents sd WHERE sd.story_id = s.id) FROM stories s "

static CcStory *
story_from_row (sqlite3_stmt *stmt)
{
  return cc_story_new (sqlite3_column_int64 (stmt, 0),
                       (const char *)sqlite3_column_text (stmt, 1),
                       (const char *)sqlite3_column_text (stmt, 2),
                       (guint)sqlite3_column_int (stmt, 3));
}

/* A name is kept as typed, without surrounding blanks; it must not be empty. */
static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*copy == '\0' || !g_utf8_validate (copy, -1, NULL))
    {
      g_set_error_literal (error, CC_ERROR, CC_ERROR_INVALID,
                           _("A story needs a name"));
      return NULL;
    }
  return g_steal_pointer (&copy);
}

static gboolean
name_taken (CcStore     *self,
            const char  *name,
            gint64       except,
            GError     **error)
{
  sqlite3_stmt *stmt = cc_store_prepare (self, "SELECT id FROM stories WHERE name = ?1 "
                                               "COLLATE NOCASE AND id != ?2", NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                 _("There is already a story named “%s”"), name);
  return taken;
}

/* Fails with CC_ERROR_NOT_FOUND unless story @id exists. */
static gboolean
story_exists (CcStore  *self,
              gint64    id,
              GError  **error)
{
  g_autoptr(CcStory) story = cc_store_get_story (self, id, error);

  return story != NULL;
}

gint64
cc_store_create_story (CcStore     *self,
                       const char  *name,
                       const char  *folder,
                       GError     **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CC_IS_STORE (self), 0);

  clean = clean_name (name, error);
  if (clean == NULL || name_taken (self, clean, 0, error))
    return 0;
  stmt = cc_store_prepare (self, "INSERT INTO stories (name, folder, created, modified) "
                                 "VALUES (?1, ?2, ?3, ?3)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, folder, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  if (!cc_store_step (self, stmt, "cannot create a story", error))
    return 0;
  return sqlite3_last_insert_rowid (cc_store_get_db (self));
}

gint64
cc_store_ensure_story (CcStore     *self,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CcStory) story = cc_store_find_story (self, name, &local_error);

  if (story != NULL)
    return cc_story_get_id (story);
  if (!g_error_matches (local_error, CC_ERROR, CC_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  return cc_store_create_story (self, name, NULL, error);
}

GPtrArray *
cc_store_list_stories (CcStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  stmt = cc_store_prepare (self, STORY_SELECT "ORDER BY s.name COLLATE NOCASE, s.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (stories, story_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cc_store_set_error (self, error, "cannot list stories");
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&stories);
}

CcStory *
cc_store_get_story (CcStore  *self,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  CcStory *story = NULL;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  stmt = cc_store_prepare (self, STORY_SELECT "WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    story = story_from_row (stmt);
  else
    g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                 _("No story with id %lld in the library"), (long long)id);
  sqlite3_reset (stmt);
  return story;
}

static gboolean
is_number (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

CcStory *
cc_store_find_story (CcStore     *self,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  CcStory *story = NULL;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  clean = clean_name (name, error);
  if (clean == NULL)
    return NULL;
  stmt = cc_store_prepare (self, STORY_SELECT "WHERE s.name = ? COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    story = story_from_row (stmt);
  sqlite3_reset (stmt);
  if (story == NULL && is_number (clean))
    story = cc_store_get_story (self, g_ascii_strtoll (clean, NULL, 10), NULL);
  if (story == NULL)
    g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                 _("No story named “%s” in library “%s”"), clean, cc_store_get_path (self));
  return story;
}

/* Runs one statement on story @id, after checking it exists: ?1 is @id, ?2
 * @text and ?3 the time now, for those the statement has. */
static gboolean
update_story (CcStore     *self,
              const char  *sql,
              gint64       id,
              const char  *text,
              const char  *what,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!story_exists (self, id, error))
    return FALSE;
  stmt = cc_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  return cc_store_step (self, stmt, what, error);
}

gboolean
cc_store_rename_story (CcStore     *self,
                       gint64       id,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  clean = clean_name (name, error);
  if (clean == NULL || name_taken (self, clean, id, error))
    return FALSE;
  return update_story (self, "UPDATE stories SET name = ?2, modified = ?3 WHERE id = ?1",
                       id, clean, "cannot rename a story", error);
}

gboolean
cc_store_set_story_folder (CcStore     *self,
                           gint64       id,
                           const char  *folder,
                           GError     **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  return update_story (self, "UPDATE stories SET folder = ?2, modified = ?3 WHERE id = ?1",
                       id, folder, "cannot set a story's folder", error);
}

gboolean
cc_store_delete_story (CcStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  /* story_documents rows go with it (ON DELETE CASCADE); documents stay. */
  return update_story (self, "DELETE FROM stories WHERE id = ?1",
                       id, NULL, "cannot delete a story", error);
}

gboolean
cc_store_merge_stories (CcStore  *self,
                        gint64    from,
                        gint64    into,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean owned = FALSE;
  gboolean ok;

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  if (from == into)
    {
      g_set_error_literal (error, CC_ERROR, CC_ERROR_INVALID,
                           _("A story cannot be merged into itself"));
      return FALSE;
    }
  if (!story_exists (self, into, error) || !story_exists (self, from, error))
    return FALSE;
  if (!cc_store_begin_or_join (self, &owned, error))
    return FALSE;
  stmt = cc_store_prepare (self, "INSERT OR IGNORE INTO story_documents (story_id, document_id) "
                                 "SELECT ?2, document_id FROM story_documents WHERE story_id = ?1",
                           error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, into);
      ok = cc_store_step (self, stmt, "cannot merge stories", error);
    }
  ok = ok && cc_store_delete_story (self, from, error);
  return cc_store_end (self, owned, ok, error);
}

static gboolean
change_membership (CcStore       *self,
                   const char    *sql,
                   gint64         story_id,
                   const gint64  *document_ids,
                   guint          n_ids,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean owned = FALSE;
  gboolean ok;

  if (!story_exists (self, story_id, error) || !cc_store_begin_or_join (self, &owned, error))
    return FALSE;
  stmt = cc_store_prepare (self, sql, error);
  ok = stmt != NULL;
  for (guint i = 0; ok && i < n_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 1, story_id);
      sqlite3_bind_int64 (stmt, 2, document_ids[i]);
      ok = cc_store_step (self, stmt, "cannot change a story's documents", error);
    }
  return cc_store_end (self, owned, ok, error);
}

gboolean
cc_store_add_to_story (CcStore       *self,
                       gint64         story_id,
                       const gint64  *document_ids,
                       guint          n_ids,
                       GError       **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  return change_membership (self, "INSERT OR IGNORE INTO story_documents (story_id, document_id)"
                                  " VALUES (?1, ?2)", story_id, document_ids, n_ids, error);
}

gboolean
cc_store_remove_from_story (CcStore       *self,
                            gint64         story_id,
                            const gint64  *document_ids,
                            guint          n_ids,
                            GError       **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), FALSE);

  return change_membership (self, "DELETE FROM story_documents WHERE story_id = ?1 "
                                  "AND document_id = ?2", story_id, document_ids, n_ids, error);
}

gboolean
cc_store_add_import_to_story (CcStore         *self,
                              gint64           story_id,
                              CcImportReport  *report,
                              GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  for (guint i = 0; i < report->events->len; i++)
    {
      CcImportEvent *event = report->events->pdata[i];

      if (event->document_id > 0)
        g_array_append_val (ids, event->document_id);
    }
  return cc_store_add_to_story (self, story_id, (const gint64 *)(gpointer)ids->data, ids->len,
                                error);
}

GArray *
cc_store_story_document_ids (CcStore  *self,
                             gint64    story_id,
                             GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  if (story_id != 0 && !story_exists (self, story_id, error))
    return NULL;
  stmt = cc_store_prepare (self, "SELECT id FROM documents WHERE ?1 = 0 UNION "
                                 "SELECT document_id FROM story_documents WHERE story_id = ?1 "
                                 "ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, story_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cc_store_set_error (self, error, "cannot list a story's documents");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* Whether the sorted @ids hold @id. An empty story's array may have no
 * data at all, and bsearch() must not be given a null array. */
static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  return ids->len > 0 &&
         bsearch (&id, ids->data, ids->len, sizeof (gint64), compare_ids) != NULL;
}

gboolean
cc_store_filter_story_documents (CcStore    *self,
                                 gint64      story_id,
                                 GPtrArray  *documents,
                                 GError    **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);
  g_return_val_if_fail (documents != NULL, FALSE);

  if (story_id == 0)
    return TRUE;
  ids = cc_store_story_document_ids (self, story_id, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < documents->len; i++)
    {
      gint64 id = cc_document_get_id (documents->pdata[i]);

      if (ids_contain (ids, id))
        g_ptr_array_add (kept, g_object_ref (documents->pdata[i]));
    }
  g_ptr_array_set_size (documents, 0);
  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_add (documents, kept->pdata[i]);  /* its reference */
  return TRUE;
}

gboolean
cc_store_filter_story_hits (CcStore    *self,
                            gint64      story_id,
                            GPtrArray  *hits,
                            guint       limit,
                            GError    **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CC_IS_STORE (self), FALSE);
  g_return_val_if_fail (hits != NULL, FALSE);

  if (story_id != 0)
    {
      ids = cc_store_story_document_ids (self, story_id, error);
      if (ids == NULL)
        return FALSE;
      /* From the end, so that removing keeps the ranks in order. */
      for (guint i = hits->len; i > 0; i--)
        {
          CcSearchHit *hit = hits->pdata[i - 1];

          if (!ids_contain (ids, hit->document_id))
            g_ptr_array_remove_index (hits, i - 1);
        }
    }
  if (limit > 0 && hits->len > limit)
    g_ptr_array_set_size (hits, limit);
  return TRUE;
}

GPtrArray *
cc_store_list_story_documents (CcStore  *self,
                               gint64    story_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) docs = cc_store_list_documents (self, error);

  if (docs == NULL || !cc_store_filter_story_documents (self, story_id, docs, error))
    return NULL;
  return g_steal_pointer (&docs);
}

GHashTable *
cc_store_story_entity_counts (CcStore  *self,
                              gint64    story_id,
                              GError  **error)
{
  g_return_val_if_fail (CC_IS_STORE (self), NULL);

  return cc_entities_story_counts (self, story_id, error);
}
