/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cc-anchor.h"
#include "cc-annotation-store-private.h"
#include "cc-error.h"
#include "cc-w3c-private.h"

/* Storing imported annotations: finding their document, placing them in
 * it, keeping those without one for later and attaching them when it
 * comes. */

static gboolean
uuid_exists (CcStore     *store,
             const char  *uuid,
             gboolean    *exists,
             GError     **error)
{
  sqlite3_stmt *stmt = cc_store_prepare (store, "SELECT 1 FROM annotations WHERE uuid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  *exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Ids and hashes of the documents matching @sql's one parameter. */
static gboolean
find_documents (CcStore     *store,
                const char  *sql,
                const char  *value,
                GArray      *ids,
                GPtrArray   *hashes,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_size (ids, 0);
  g_ptr_array_set_size (hashes, 0);
  if (value == NULL)
    return TRUE;
  stmt = cc_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (hashes, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cc_store_set_error (store, error, "cannot look up documents");
  return TRUE;
}

/* Document texts prepared for anchoring, loaded once per import. */
static CcAnchorText *
get_text (CcStore     *store,
          GHashTable  *texts,
          gint64       id,
          GError     **error)
{
  CcAnchorText *text = g_hash_table_lookup (texts, &id);
  g_autofree char *raw = NULL;

  if (text != NULL)
    return text;
  raw = cc_store_load_text (store, id, error);
  if (raw == NULL)
    return NULL;
  text = cc_anchor_text_new (raw);
  g_hash_table_insert (texts, g_memdup2 (&id, sizeof id), text);
  return text;
}

/* Places @a in a document: FALSE (and no error) when @must_find and its
 * quote is not there. */
static gboolean
place (CcAnchorText  *text,
       CcAnnotation  *a,
       gboolean       has_position,
       gboolean       must_find)
{
  CcAnchorSelector sel = {
    cc_annotation_get_start (a), cc_annotation_get_end (a), cc_annotation_get_quote (a),
    cc_annotation_get_prefix (a), cc_annotation_get_suffix (a),
  };
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  CcAnchorMatch match;

  cc_anchor_text_resolve (text, &sel, &match);
  if (match.state == CC_ANCHOR_ORPHANED)
    {
      if (must_find)
        return FALSE;
      /* Kept with the quote and offsets it had. */
      cc_annotation_set_state (a, CC_ANNOTATION_STATE_ORPHANED);
      return TRUE;
    }
  if (has_position && match.method == CC_ANCHOR_METHOD_POSITION &&
      match.start == sel.start && match.end == sel.end)
    {
      /* Where it was: keep the state it was exported with, unless it was
       * an orphan that is now found. */
      if (cc_annotation_is_orphaned (a))
        cc_annotation_set_state (a, cc_anchor_state_to_string (match.state));
      return TRUE;
    }
  cc_anchor_text_describe (text, match.start, match.end, &quote, &prefix, &suffix);
  cc_annotation_set_start (a, match.start);
  cc_annotation_set_end (a, match.end);
  cc_annotation_set_quote (a, quote);
  cc_annotation_set_prefix (a, prefix);
  cc_annotation_set_suffix (a, suffix);
  cc_annotation_set_state (a, has_position ? CC_ANNOTATION_STATE_MOVED
                                           : cc_anchor_state_to_string (match.state));
  return TRUE;
}

/* Finds the document of @parsed and places the annotation in it: by hash
 * (the very text it was made on: taken as it is), by path, by base name
 * (where the quote must be found). Sets *document_id to 0 when none. */
static gboolean
resolve (CcStore     *store,
         GHashTable  *texts,
         CcW3cItem      *parsed,
         gint64      *document_id,
         GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  CcAnnotation *a = parsed->annotation;
  CcAnchorText *text;

  *document_id = 0;

  /* The same path and content, or the same content elsewhere. */
  if (!find_documents (store, "SELECT id, hash FROM documents WHERE path = ?", parsed->path,
                       ids, hashes, error))
    return FALSE;
  if (ids->len == 0 || g_strcmp0 (hashes->pdata[0], parsed->hash) != 0)
    {
      g_autoptr(GArray) same = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) same_hashes = g_ptr_array_new_with_free_func (g_free);

      if (!find_documents (store, "SELECT id, hash FROM documents WHERE hash = ? ORDER BY id",
                           parsed->hash, same, same_hashes, error))
        return FALSE;
      if (same->len > 0)
        {
          g_array_set_size (ids, 0);
          g_array_append_val (ids, g_array_index (same, gint64, 0));
          g_ptr_array_set_size (hashes, 0);
          g_ptr_array_add (hashes, g_strdup (parsed->hash));
        }
    }

  if (ids->len > 0)
    {
      gint64 id = g_array_index (ids, gint64, 0);

      text = get_text (store, texts, id, error);
      if (text == NULL)
        return FALSE;
      if (parsed->hash != NULL && g_strcmp0 (hashes->pdata[0], parsed->hash) == 0 &&
          parsed->has_position && cc_annotation_get_end (a) <= cc_anchor_text_get_length (text))
        {
          /* The text it was made on: as it was, orphan or not. */
          *document_id = id;
          return TRUE;
        }
      /* Its file, changed since: placed like a re-anchoring, kept as an
       * orphan when its text is gone. */
      place (text, a, parsed->has_position, FALSE);
      *document_id = id;
      return TRUE;
    }

  /* The one document of that name (kept there as an orphan if its quote
   * is gone), or of several the one where its quote is found. */
  if (!find_documents (store, "SELECT id, hash FROM documents WHERE basename = ? ORDER BY id",
                       parsed->basename, ids, hashes, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      text = get_text (store, texts, id, error);
      if (text == NULL)
        return FALSE;
      if (place (text, a, parsed->has_position, ids->len > 1))
        {
          *document_id = id;
          return TRUE;
        }
    }
  return TRUE;
}

/* The base name of document @id, looked up once per import. */
static const char *
document_basename (CcStore     *store,
                   GHashTable  *names,
                   gint64       id,
                   GError     **error)
{
  const char *name = g_hash_table_lookup (names, &id);
  sqlite3_stmt *stmt;

  if (name != NULL)
    return name;
  stmt = cc_store_prepare (store, "SELECT basename FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (name == NULL)
    {
      cc_store_set_error (store, error, "cannot read a document");
      return NULL;
    }
  g_hash_table_insert (names, g_memdup2 (&id, sizeof id), (char *)name);
  return name;
}

/* Stores @a as it is (uuid, range, quote, state, times) on document
 * @document_id, or with none (0: kept for later, under the name @hint),
 * with its tags. An import only adds tags, so unlike
 * cc_annotation_store_add() it does not look for tags no longer used after
 * each annotation: that keeps a large import linear. */
static gboolean
insert_annotation (CcStore       *store,
                   CcAnnotation  *a,
                   gint64         document_id,
                   const char    *hint,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (cc_annotation_get_created (a) == 0)
    cc_annotation_set_created (a, now);
  if (cc_annotation_get_modified (a) == 0)
    cc_annotation_set_modified (a, cc_annotation_get_created (a));
  if (document_id == 0)
    cc_annotation_set_state (a, CC_ANNOTATION_STATE_ORPHANED);
  cc_annotation_set_document_id (a, document_id);
  cc_annotation_set_document_hint (a, hint);

  stmt = cc_store_prepare (store,
                           "INSERT INTO annotations (uuid, document_id, document_hint, start, end,"
                           "  quote, prefix, suffix, color, note, state, created, modified) "
                           "VALUES (?, NULLIF (?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cc_annotation_get_uuid (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, document_id);
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
  cc_annotation_set_id (a, sqlite3_last_insert_rowid (cc_store_get_db (store)));
  return _cc_annotation_store_add_tags (store, cc_annotation_get_id (a),
                                        cc_annotation_get_tags (a), error);
}

/* Runs in the caller's transaction. */
static gboolean
attach_pending (CcStore     *store,
                GHashTable  *texts,
                guint       *n_attached,
                GError     **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  *n_attached = 0;
  stmt = cc_store_prepare (store, "SELECT id, document_hint, start, end, quote, prefix, suffix "
                                  "FROM annotations WHERE document_id IS NULL "
                                  "AND document_hint IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CcAnnotation *a = cc_annotation_new ();

      cc_annotation_set_id (a, sqlite3_column_int64 (stmt, 0));
      cc_annotation_set_document_hint (a, (const char *)sqlite3_column_text (stmt, 1));
      cc_annotation_set_start (a, (guint)sqlite3_column_int64 (stmt, 2));
      cc_annotation_set_end (a, (guint)sqlite3_column_int64 (stmt, 3));
      cc_annotation_set_quote (a, (const char *)sqlite3_column_text (stmt, 4));
      cc_annotation_set_prefix (a, (const char *)sqlite3_column_text (stmt, 5));
      cc_annotation_set_suffix (a, (const char *)sqlite3_column_text (stmt, 6));
      g_ptr_array_add (pending, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cc_store_set_error (store, error, "cannot list detached annotations");

  for (guint i = 0; i < pending->len; i++)
    {
      CcAnnotation *a = pending->pdata[i];

      if (*cc_annotation_get_quote (a) == '\0')
        continue;
      if (!find_documents (store, "SELECT id, hash FROM documents WHERE basename = ? ORDER BY id",
                           cc_annotation_get_document_hint (a), ids, hashes, error))
        return FALSE;
      for (guint j = 0; j < ids->len; j++)
        {
          gint64 id = g_array_index (ids, gint64, j);
          CcAnchorText *text = get_text (store, texts, id, error);

          if (text == NULL)
            return FALSE;
          /* The only document of that name takes it even as an orphan. */
          if (!place (text, a, TRUE, ids->len > 1))
            continue;

          stmt = cc_store_prepare (store, "UPDATE annotations SET document_id = ?, start = ?,"
                                          "  end = ?, quote = ?, prefix = ?, suffix = ?, state = ? "
                                          "WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, cc_annotation_get_start (a));
          sqlite3_bind_int64 (stmt, 3, cc_annotation_get_end (a));
          sqlite3_bind_text (stmt, 4, cc_annotation_get_quote (a), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, cc_annotation_get_prefix (a), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 6, cc_annotation_get_suffix (a), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 7, cc_annotation_get_state (a), -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 8, cc_annotation_get_id (a));
          if (!cc_store_step (store, stmt, "cannot attach an annotation", error))
            return FALSE;
          (*n_attached)++;
          break;
        }
    }
  return TRUE;
}

static GHashTable *
new_text_cache (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify)cc_anchor_text_free);
}

gboolean
cc_w3c_attach_pending (CcStore  *store,
                       guint    *n_attached,
                       GError  **error)
{
  g_autoptr(GHashTable) texts = new_text_cache ();
  guint attached = 0;
  gboolean owned;
  gboolean ok;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);

  if (!cc_store_begin_or_join (store, &owned, error))
    return FALSE;
  ok = attach_pending (store, texts, &attached, error);
  if (!cc_store_end (store, owned, ok, error))
    return FALSE;
  if (n_attached != NULL)
    *n_attached = attached;
  return TRUE;
}

static gboolean
store_all (CcStore            *store,
           GPtrArray          *parsed,
           CcW3cImportReport  *report,
           GError            **error)
{
  g_autoptr(GHashTable) texts = new_text_cache ();
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!attach_pending (store, texts, &report->attached, error))
    return FALSE;

  for (guint i = 0; i < parsed->len; i++)
    {
      CcW3cItem *p = parsed->pdata[i];
      CcAnnotation *a = p->annotation;
      gboolean exists;
      gint64 document_id;

      if (!uuid_exists (store, cc_annotation_get_uuid (a), &exists, error))
        return FALSE;
      if (exists)
        {
          report->duplicates++;
          continue;
        }
      if (!resolve (store, texts, p, &document_id, error))
        return FALSE;

      if (document_id != 0)
        {
          const char *name = document_basename (store, names, document_id, error);

          if (name == NULL || !insert_annotation (store, a, document_id, name, error))
            return FALSE;
          report->added++;
        }
      else
        {
          const char *hint = p->basename != NULL ? p->basename : _("unknown document");
          g_autofree char *short_uuid = g_strndup (cc_annotation_get_uuid (a), 8);
          g_autofree char *shown = g_utf8_make_valid (hint, -1);

          if (!insert_annotation (store, a, 0, hint, error))
            return FALSE;
          report->pending++;
          g_ptr_array_add (report->messages,
                           g_strdup_printf (_("Annotation %s on “%s”: that document is not in "
                                              "the library; kept until it is imported"),
                                            short_uuid, shown));
        }
    }
  return TRUE;
}

gboolean
_cc_w3c_store_parsed (CcStore            *store,
                      GPtrArray          *parsed,
                      CcW3cImportReport  *report,
                      GError            **error)
{
  gboolean owned;
  gboolean ok;

  if (!cc_store_begin_or_join (store, &owned, error))
    return FALSE;
  ok = store_all (store, parsed, report, error);
  return cc_store_end (store, owned, ok, error);
}
