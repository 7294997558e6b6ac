/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-annotations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cc-anchor.h"
#include "cc-annotation-store.h"
#include "cc-annotation-store-private.h"
#include "cc-error.h"

#define ANNOTATION_COLUMNS                                                         \
  "a.id, a.uuid, a.document_id, a.document_hint, a.start, a.end, a.quote, "         \
  "a.prefix, a.suffix, a.color, a.note, a.state, a.created, a.modified, "          \
  "(SELECT group_concat (t.name, char(31)) FROM annotation_tags at "               \
  "   JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id)"

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static CcAnnotation *
annotation_from_row (sqlite3_stmt *stmt)
{
  CcAnnotation *a = cc_annotation_new ();
  const char *color = (const char *)sqlite3_column_text (stmt, 9);
  const char *state = (const char *)sqlite3_column_text (stmt, 11);
  const char *tags = (const char *)sqlite3_column_text (stmt, 14);

  cc_annotation_set_id (a, sqlite3_column_int64 (stmt, 0));
  cc_annotation_set_uuid (a, (const char *)sqlite3_column_text (stmt, 1));
  cc_annotation_set_document_id (a, sqlite3_column_int64 (stmt, 2));
  cc_annotation_set_document_hint (a, (const char *)sqlite3_column_text (stmt, 3));
  cc_annotation_set_start (a, (guint)sqlite3_column_int64 (stmt, 4));
  cc_annotation_set_end (a, (guint)sqlite3_column_int64 (stmt, 5));
  cc_annotation_set_quote (a, (const char *)sqlite3_column_text (stmt, 6));
  cc_annotation_set_prefix (a, (const char *)sqlite3_column_text (stmt, 7));
  cc_annotation_set_suffix (a, (const char *)sqlite3_column_text (stmt, 8));
  /* A row written by another version may hold values we do not know. */
  if (cc_annotation_color_is_valid (color))
    cc_annotation_set_color (a, color);
  cc_annotation_set_note (a, (const char *)sqlite3_column_text (stmt, 10));
  if (g_strcmp0 (state, CC_ANNOTATION_STATE_MOVED) == 0 ||
      g_strcmp0 (state, CC_ANNOTATION_STATE_ORPHANED) == 0)
    cc_annotation_set_state (a, state);
  cc_annotation_set_created (a, sqlite3_column_int64 (stmt, 12));
  cc_annotation_set_modified (a, sqlite3_column_int64 (stmt, 13));
  if (tags != NULL && *tags != '\0')
    {
      g_auto(GStrv) split = g_strsplit (tags, "\x1f", -1);
      cc_annotation_set_tags (a, (const char * const *)split);
    }
  return a;
}

static gboolean
validate (CcAnnotation  *a,
          GError       **error)
{
  if (cc_annotation_get_end (a) <= cc_annotation_get_start (a) ||
      *cc_annotation_get_quote (a) == '\0')
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("An annotation needs a non-empty range of text"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_cc_annotation_store_add_tags (CcStore             *store,
                               gint64               id,
                               const char * const  *tags,
                               GError             **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      stmt = cc_store_prepare (store, "INSERT INTO tags (name) VALUES (?) "
                                      "ON CONFLICT (name) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tags[i], -1, SQLITE_TRANSIENT);
      if (!cc_store_step (store, stmt, "cannot write tags", error))
        return FALSE;

      stmt = cc_store_prepare (store, "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) "
                                      "SELECT ?1, id FROM tags WHERE name = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, tags[i], -1, SQLITE_TRANSIENT);
      if (!cc_store_step (store, stmt, "cannot write tags", error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces the tags of annotation row @id and forgets tags no longer used. */
static gboolean
write_tags (CcStore             *store,
            gint64               id,
            const char * const  *tags,
            GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = cc_store_prepare (store, "DELETE FROM annotation_tags WHERE annotation_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cc_store_step (store, stmt, "cannot write tags", error) ||
      !_cc_annotation_store_add_tags (store, id, tags, error))
    return FALSE;

  /* Per tag, an index look-up (annotation_tags_tag): not a pass over every
   * annotation's tags, which made adding n annotations quadratic. */
  stmt = cc_store_prepare (store, "DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM "
                                  "annotation_tags WHERE tag_id = tags.id)", error);
  if (stmt == NULL)
    return FALSE;
  return cc_store_step (store, stmt, "cannot write tags", error);
}

static gboolean
uuid_exists (CcStore    *store,
             const char *uuid,
             gboolean   *exists,
             GError    **error)
{
  sqlite3_stmt *stmt = cc_store_prepare (store, "SELECT 1 FROM annotations WHERE uuid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  *exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
insert (CcStore       *store,
        CcAnnotation  *a,
        GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 doc_id = cc_annotation_get_document_id (a);
  g_autofree char *hint = g_strdup (cc_annotation_get_document_hint (a));
  gint64 id;

  if (!validate (a, error))
    return FALSE;

  stmt = cc_store_prepare (store, "SELECT basename FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, doc_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_free (hint);
      hint = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }
  else
    {
      sqlite3_reset (stmt);
      g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                   _("No document with id %" G_GINT64_FORMAT " in the library"), doc_id);
      return FALSE;
    }
  sqlite3_reset (stmt);

  stmt = cc_store_prepare (store,
                           "INSERT INTO annotations (uuid, document_id, document_hint, start, end,"
                           "  quote, prefix, suffix, color, note, state, created, modified) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cc_annotation_get_uuid (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, doc_id);
  sqlite3_bind_text (stmt, 3, hint, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, cc_annotation_get_start (a));
  sqlite3_bind_int64 (stmt, 5, cc_annotation_get_end (a));
  sqlite3_bind_text (stmt, 6, cc_annotation_get_quote (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, cc_annotation_get_prefix (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, cc_annotation_get_suffix (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, cc_annotation_get_color (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, cc_annotation_get_note (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, cc_annotation_get_state (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 12, cc_annotation_get_created (a));
  sqlite3_bind_int64 (stmt, 13, cc_annotation_get_modified (a));
  if (!cc_store_step (store, stmt, "cannot store an annotation", error))
    return FALSE;

  id = sqlite3_last_insert_rowid (cc_store_get_db (store));
  if (!write_tags (store, id, cc_annotation_get_tags (a), error))
    return FALSE;

  cc_annotation_set_id (a, id);
  cc_annotation_set_document_hint (a, hint);
  return TRUE;
}

static void
prepare_new (CcAnnotation *a)
{
  gint64 now = now_seconds ();

  if (cc_annotation_get_uuid (a) == NULL || *cc_annotation_get_uuid (a) == '\0')
    {
      g_autofree char *uuid = g_uuid_string_random ();
      cc_annotation_set_uuid (a, uuid);
    }
  if (cc_annotation_get_created (a) == 0)
    cc_annotation_set_created (a, now);
  if (cc_annotation_get_modified (a) == 0)
    cc_annotation_set_modified (a, cc_annotation_get_created (a));
}

CcAnnotation *
cc_annotation_new_for_range (gint64       document_id,
                             const char  *text,
                             guint        start,
                             guint        end,
                             GError     **error)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  CcAnnotation *a;

  g_return_val_if_fail (text != NULL, NULL);

  if (!cc_anchor_describe (text, start, end, &quote, &prefix, &suffix))
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("The range %u–%u is empty or outside the document (%ld characters)"),
                   start, end, g_utf8_strlen (text, -1));
      return NULL;
    }

  a = cc_annotation_new ();
  cc_annotation_set_document_id (a, document_id);
  cc_annotation_set_start (a, start);
  cc_annotation_set_end (a, end);
  cc_annotation_set_quote (a, quote);
  cc_annotation_set_prefix (a, prefix);
  cc_annotation_set_suffix (a, suffix);
  return a;
}

gboolean
cc_annotation_store_add (CcStore       *store,
                         CcAnnotation  *annotation,
                         GError       **error)
{
  gboolean owned;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  prepare_new (annotation);
  if (!cc_store_begin_or_join (store, &owned, error))
    return FALSE;
  return cc_store_end (store, owned, insert (store, annotation, error), error);
}

gboolean
cc_annotation_store_add_all (CcStore    *store,
                             GPtrArray  *annotations,
                             GError    **error)
{
  gboolean owned, ok = TRUE;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);

  if (!cc_store_begin_or_join (store, &owned, error))
    return FALSE;
  for (guint i = 0; ok && i < annotations->len; i++)
    {
      prepare_new (annotations->pdata[i]);
      ok = insert (store, annotations->pdata[i], error);
    }
  return cc_store_end (store, owned, ok, error);
}

/* Builds and stores the annotation from the document's text as it is
 * inside the write transaction: an import that changes the text can then
 * come only before (the range is found in the new text) or after (the
 * annotation is stored, then re-anchored with the others). */
static CcAnnotation *
create_in_transaction (CcStore                *store,
                       gint64                  document_id,
                       CcAnnotationRangeFunc   find_range,
                       gpointer                user_data,
                       const char             *color,
                       const char             *note,
                       const char * const     *tags,
                       GError                **error)
{
  g_autoptr(CcAnnotation) a = NULL;
  g_autofree char *text = NULL;
  guint start, end;

  text = cc_store_load_text (store, document_id, error);
  if (text == NULL || !find_range (text, &start, &end, user_data, error))
    return NULL;
  a = cc_annotation_new_for_range (document_id, text, start, end, error);
  if (a == NULL)
    return NULL;
  if (color != NULL)
    cc_annotation_set_color (a, color);
  cc_annotation_set_note (a, note);
  cc_annotation_set_tags (a, tags);
  prepare_new (a);
  if (!insert (store, a, error))
    return NULL;
  return g_steal_pointer (&a);
}

CcAnnotation *
cc_annotation_store_create_with (CcStore                *store,
                                 gint64                  document_id,
                                 CcAnnotationRangeFunc   find_range,
                                 gpointer                user_data,
                                 const char             *color,
                                 const char             *note,
                                 const char * const     *tags,
                                 GError                **error)
{
  g_autoptr(CcAnnotation) a = NULL;
  gboolean owned;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (find_range != NULL, NULL);

  if (color != NULL && !cc_annotation_color_is_valid (color))
    {
      g_autofree char *known = g_strjoinv (", ", (GStrv)cc_annotation_get_colors ());
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("Unknown colour “%s” (known colours: %s)"), color, known);
      return NULL;
    }

  if (!cc_store_begin_or_join (store, &owned, error))
    return NULL;
  a = create_in_transaction (store, document_id, find_range, user_data, color, note, tags,
                             error);
  if (!cc_store_end (store, owned, a != NULL, error))
    return NULL;
  return g_steal_pointer (&a);
}

typedef struct
{
  guint start;
  guint end;
} FixedRange;

static gboolean
fixed_range (const char  *text,
             guint       *start,
             guint       *end,
             gpointer     user_data,
             GError     **error)
{
  const FixedRange *range = user_data;

  *start = range->start;
  *end = range->end;
  return TRUE;
}

CcAnnotation *
cc_annotation_store_create (CcStore             *store,
                            gint64               document_id,
                            guint                start,
                            guint                end,
                            const char          *color,
                            const char          *note,
                            const char * const  *tags,
                            GError             **error)
{
  FixedRange range = { start, end };

  return cc_annotation_store_create_with (store, document_id, fixed_range, &range, color, note,
                                          tags, error);
}

gboolean
cc_annotation_store_restore (CcStore       *store,
                             CcAnnotation  *annotation,
                             GError       **error)
{
  gboolean owned, exists = FALSE, ok;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  prepare_new (annotation);
  if (!cc_store_begin_or_join (store, &owned, error))
    return FALSE;
  ok = uuid_exists (store, cc_annotation_get_uuid (annotation), &exists, error);
  if (ok && exists)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("Annotation %s already exists"), cc_annotation_get_uuid (annotation));
      ok = FALSE;
    }
  if (ok)
    ok = insert (store, annotation, error);
  return cc_store_end (store, owned, ok, error);
}

static gboolean
same_anchor (CcAnnotation *a,
             CcAnnotation *b)
{
  return cc_annotation_get_start (a) == cc_annotation_get_start (b) &&
         cc_annotation_get_end (a) == cc_annotation_get_end (b) &&
         g_strcmp0 (cc_annotation_get_quote (a), cc_annotation_get_quote (b)) == 0 &&
         g_strcmp0 (cc_annotation_get_state (a), cc_annotation_get_state (b)) == 0;
}

static gboolean
write_update (CcStore       *store,
              CcAnnotation  *a,
              gint64         modified,
              GError       **error)
{
  g_autoptr(CcAnnotation) stored = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!validate (a, error))
    return FALSE;

  stmt = cc_store_prepare (store, "SELECT " ANNOTATION_COLUMNS " FROM annotations a "
                                  "WHERE a.uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cc_annotation_get_uuid (a), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stored = annotation_from_row (stmt);
  sqlite3_reset (stmt);
  if (stored == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                   _("No annotation %s in the library (was it deleted?)"),
                   cc_annotation_get_uuid (a));
      return FALSE;
    }
  id = cc_annotation_get_id (stored);

  /* Another process may have re-anchored the annotation since @a was read
   * (its document changed): stale offsets must not undo that. A new range
   * is written only when it is an orphan's (undo of a re-attach) or its
   * quote is really at that range of the current text. */
  if (!same_anchor (a, stored) && !cc_annotation_is_orphaned (a))
    {
      g_autofree char *text = cc_store_load_text (store, cc_annotation_get_document_id (stored),
                                                  NULL);
      g_autofree char *quote = NULL;

      if (text == NULL ||
          !cc_anchor_describe (text, cc_annotation_get_start (a), cc_annotation_get_end (a),
                               &quote, NULL, NULL) ||
          g_strcmp0 (quote, cc_annotation_get_quote (a)) != 0)
        {
          g_object_freeze_notify (G_OBJECT (a));
          cc_annotation_set_start (a, cc_annotation_get_start (stored));
          cc_annotation_set_end (a, cc_annotation_get_end (stored));
          cc_annotation_set_quote (a, cc_annotation_get_quote (stored));
          cc_annotation_set_prefix (a, cc_annotation_get_prefix (stored));
          cc_annotation_set_suffix (a, cc_annotation_get_suffix (stored));
          cc_annotation_set_state (a, cc_annotation_get_state (stored));
          g_object_thaw_notify (G_OBJECT (a));
        }
    }

  stmt = cc_store_prepare (store,
                           "UPDATE annotations SET start = ?, end = ?, quote = ?, prefix = ?,"
                           "  suffix = ?, color = ?, note = ?, state = ?, modified = ? "
                           "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cc_annotation_get_start (a));
  sqlite3_bind_int64 (stmt, 2, cc_annotation_get_end (a));
  sqlite3_bind_text (stmt, 3, cc_annotation_get_quote (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, cc_annotation_get_prefix (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, cc_annotation_get_suffix (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, cc_annotation_get_color (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, cc_annotation_get_note (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, cc_annotation_get_state (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, modified);
  sqlite3_bind_int64 (stmt, 10, id);
  if (!cc_store_step (store, stmt, "cannot update an annotation", error))
    return FALSE;

  if (!write_tags (store, id, cc_annotation_get_tags (a), error))
    return FALSE;
  cc_annotation_set_id (a, id);
  return TRUE;
}

gboolean
cc_annotation_store_update (CcStore       *store,
                            CcAnnotation  *annotation,
                            GError       **error)
{
  gint64 modified = now_seconds ();
  gboolean owned;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (cc_annotation_get_uuid (annotation) != NULL, FALSE);

  if (!cc_store_begin_or_join (store, &owned, error))
    return FALSE;
  if (!cc_store_end (store, owned, write_update (store, annotation, modified, error), error))
    return FALSE;
  cc_annotation_set_modified (annotation, modified);
  return TRUE;
}

gboolean
cc_annotation_store_reattach (CcStore       *store,
                              CcAnnotation  *annotation,
                              guint          start,
                              guint          end,
                              GError       **error)
{
  g_autoptr(CcAnnotation) fresh = NULL;
  g_autoptr(CcAnnotation) updated = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  text = cc_store_load_text (store, cc_annotation_get_document_id (annotation), error);
  if (text == NULL)
    return FALSE;
  fresh = cc_annotation_new_for_range (cc_annotation_get_document_id (annotation), text,
                                       start, end, error);
  if (fresh == NULL)
    return FALSE;

  /* Change @annotation only once the library has the change. */
  updated = cc_annotation_copy (annotation);
  cc_annotation_set_start (updated, start);
  cc_annotation_set_end (updated, end);
  cc_annotation_set_quote (updated, cc_annotation_get_quote (fresh));
  cc_annotation_set_prefix (updated, cc_annotation_get_prefix (fresh));
  cc_annotation_set_suffix (updated, cc_annotation_get_suffix (fresh));
  cc_annotation_set_state (updated, CC_ANNOTATION_STATE_ANCHORED);
  if (!cc_annotation_store_update (store, updated, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (annotation));
  cc_annotation_set_start (annotation, start);
  cc_annotation_set_end (annotation, end);
  cc_annotation_set_quote (annotation, cc_annotation_get_quote (updated));
  cc_annotation_set_prefix (annotation, cc_annotation_get_prefix (updated));
  cc_annotation_set_suffix (annotation, cc_annotation_get_suffix (updated));
  cc_annotation_set_state (annotation, CC_ANNOTATION_STATE_ANCHORED);
  cc_annotation_set_modified (annotation, cc_annotation_get_modified (updated));
  g_object_thaw_notify (G_OBJECT (annotation));
  return TRUE;
}

gboolean
cc_annotation_store_delete (CcStore     *store,
                            const char  *uuid,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean owned, ok;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!cc_store_begin_or_join (store, &owned, error))
    return FALSE;
  stmt = cc_store_prepare (store, "DELETE FROM annotations WHERE uuid = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      ok = cc_store_step (store, stmt, "cannot delete an annotation", error);
    }
  if (ok && sqlite3_changes (cc_store_get_db (store)) == 0)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                   _("No annotation %s in the library"), uuid);
      ok = FALSE;
    }
  if (ok)
    ok = write_tags (store, -1, NULL, error);
  return cc_store_end (store, owned, ok, error);
}

CcAnnotation *
cc_annotation_store_get (CcStore     *store,
                         const char  *uuid,
                         GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *lower = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  lower = g_ascii_strdown (uuid, -1);
  stmt = cc_store_prepare (store,
                           "SELECT " ANNOTATION_COLUMNS " FROM annotations a "
                           "WHERE a.uuid = ?1 OR (length (?1) >= 8 AND "
                           "  substr (a.uuid, 1, length (?1)) = ?1) LIMIT 2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (found, annotation_from_row (stmt));
  sqlite3_reset (stmt);

  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (cc_annotation_get_uuid (found->pdata[i]), lower) == 0)
      return g_object_ref (found->pdata[i]);
  if (found->len == 1)
    return g_object_ref (found->pdata[0]);

  if (found->len == 0)
    g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND, _("No annotation %s in the library"), uuid);
  else
    g_set_error (error, CC_ERROR, CC_ERROR_AMBIGUOUS,
                 _("“%s” is the start of several annotation ids; give more of it"), uuid);
  return NULL;
}

static gboolean
matches_text (CcAnnotation *a,
              const char   *folded_needle)
{
  const char * const *tags = cc_annotation_get_tags (a);
  const char *fields[] = { cc_annotation_get_quote (a), cc_annotation_get_note (a) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = g_utf8_casefold (fields[i], -1);
      if (strstr (folded, folded_needle) != NULL)
        return TRUE;
    }
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (tags[i], -1);
      if (strstr (folded, folded_needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
cc_annotation_store_list (CcStore                   *store,
                          const CcAnnotationFilter  *filter,
                          GError                   **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *needle = NULL;
  CcAnnotationFilter none = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);

  if (filter == NULL)
    filter = &none;
  if (filter->text != NULL && *filter->text != '\0')
    needle = g_utf8_casefold (filter->text, -1);

  stmt = cc_store_prepare (store,
                           "SELECT " ANNOTATION_COLUMNS " FROM annotations a "
                           "WHERE (?1 = 0 OR a.document_id = ?1)"
                           "  AND (?2 IS NULL OR a.color = ?2)"
                           "  AND (?3 IS NULL OR a.state = ?3) "
                           "ORDER BY a.document_id, a.start, a.end, a.created, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->document_id);
  if (filter->color != NULL)
    sqlite3_bind_text (stmt, 2, filter->color, -1, SQLITE_TRANSIENT);
  if (filter->state != NULL)
    sqlite3_bind_text (stmt, 3, filter->state, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CcAnnotation) a = annotation_from_row (stmt);

      if (filter->tag != NULL && !cc_annotation_has_tag (a, filter->tag))
        continue;
      if (needle != NULL && !matches_text (a, needle))
        continue;
      g_ptr_array_add (result, g_steal_pointer (&a));
    }
  if (rc != SQLITE_DONE)
    {
      cc_store_set_error (store, error, "cannot list annotations");
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&result);
}

static int
compare_folded (gconstpointer a,
                gconstpointer b)
{
  g_autofree char *x = g_utf8_casefold (*(const char * const *)a, -1);
  g_autofree char *y = g_utf8_casefold (*(const char * const *)b, -1);

  return g_utf8_collate (x, y);
}

GStrv
cc_annotation_store_list_tags (CcStore  *store,
                               GError  **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);

  stmt = cc_store_prepare (store, "SELECT DISTINCT t.name FROM tags t "
                                  "JOIN annotation_tags at ON at.tag_id = t.id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tags, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  g_ptr_array_sort (tags, compare_folded);
  g_ptr_array_add (tags, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

guint
cc_annotation_store_count (CcStore *store,
                           gint64   document_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CC_IS_STORE (store), 0);

  stmt = cc_store_prepare (store, "SELECT count(*) FROM annotations "
                                  "WHERE ?1 = 0 OR document_id = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint)sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

gboolean
cc_annotation_store_reanchor_document (CcStore     *store,
                                       gint64       document_id,
                                       const char  *old_text,
                                       const char  *new_text,
                                       GError     **error)
{
  return cc_annotation_store_reanchor_document_full (store, document_id, old_text, new_text,
                                                     NULL, error);
}

static gboolean
reanchor_one (CcStore        *store,
              CcAnchorText   *text,
              CcAnnotation   *a,
              CcReanchorCounts *counts,
              GError        **error)
{
  CcAnchorSelector sel = {
    cc_annotation_get_start (a), cc_annotation_get_end (a), cc_annotation_get_quote (a),
    cc_annotation_get_prefix (a), cc_annotation_get_suffix (a),
  };
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  CcAnchorMatch match;
  const char *state;
  sqlite3_stmt *stmt;

  cc_anchor_text_resolve (text, &sel, &match);
  state = cc_anchor_state_to_string (match.state);

  if (match.state == CC_ANCHOR_ORPHANED)
    {
      counts->orphaned++;
      /* Keep the last quote, context and offsets: the user sees what it was. */
      if (cc_annotation_is_orphaned (a))
        return TRUE;
      stmt = cc_store_prepare (store, "UPDATE annotations SET state = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, cc_annotation_get_id (a));
      return cc_store_step (store, stmt, "cannot re-anchor an annotation", error);
    }

  if (match.state == CC_ANCHOR_MOVED)
    counts->moved++;
  else
    counts->anchored++;

  cc_anchor_text_describe (text, match.start, match.end, &quote, &prefix, &suffix);
  if (match.start == cc_annotation_get_start (a) && match.end == cc_annotation_get_end (a) &&
      g_strcmp0 (state, cc_annotation_get_state (a)) == 0 &&
      g_strcmp0 (quote, cc_annotation_get_quote (a)) == 0 &&
      g_strcmp0 (prefix, cc_annotation_get_prefix (a)) == 0 &&
      g_strcmp0 (suffix, cc_annotation_get_suffix (a)) == 0)
    return TRUE;

  stmt = cc_store_prepare (store, "UPDATE annotations SET start = ?, end = ?, quote = ?,"
                                  "  prefix = ?, suffix = ?, state = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, match.start);
  sqlite3_bind_int64 (stmt, 2, match.end);
  sqlite3_bind_text (stmt, 3, quote, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, suffix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, state, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, cc_annotation_get_id (a));
  return cc_store_step (store, stmt, "cannot re-anchor an annotation", error);
}

gboolean
cc_annotation_store_reanchor_document_full (CcStore           *store,
                                            gint64             document_id,
                                            const char        *old_text,
                                            const char        *new_text,
                                            CcReanchorCounts  *counts,
                                            GError           **error)
{
  CcAnnotationFilter filter = { .document_id = document_id };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CcAnchorText) text = NULL;
  CcReanchorCounts local = { 0 };
  gboolean owned, ok = TRUE;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);
  g_return_val_if_fail (document_id > 0, FALSE);
  g_return_val_if_fail (new_text != NULL, FALSE);

  if (counts == NULL)
    counts = &local;
  memset (counts, 0, sizeof *counts);

  /* Read and write in one transaction, so that an annotation added by
   * another process meanwhile is not missed. */
  if (!cc_store_begin_or_join (store, &owned, error))
    return FALSE;

  list = cc_annotation_store_list (store, &filter, error);
  if (list == NULL)
    return cc_store_end (store, owned, FALSE, error);

  if (list->len > 0)
    {
      text = cc_anchor_text_new (new_text);
      cc_anchor_text_set_previous (text, old_text);
    }
  for (guint i = 0; ok && i < list->len; i++)
    ok = reanchor_one (store, text, list->pdata[i], counts, error);

  if (ok && (counts->moved > 0 || counts->orphaned > 0))
    g_debug ("Document %" G_GINT64_FORMAT ": %u annotations anchored, %u moved, %u orphaned",
             document_id, counts->anchored, counts->moved, counts->orphaned);
  return cc_store_end (store, owned, ok, error);
}
