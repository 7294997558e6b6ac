/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-store"

#include "cc-store-meta.h"

gboolean
cc_store_set_document_meta (CcStore               *store,
                            gint64                 id,
                            const CcDocumentMeta  *meta,
                            GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);

  stmt = cc_store_prepare (store,
                           "UPDATE documents SET published = ?, url = ?, language = ? "
                           "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, meta ? meta->published : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, meta ? meta->url : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, meta ? meta->language : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, id);
  return cc_store_step (store, stmt, "cannot write a document's metadata", error);
}
