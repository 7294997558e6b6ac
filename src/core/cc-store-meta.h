/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-document.h"
#include "cc-store.h"

G_BEGIN_DECLS

/* Writes the publication date, URL and language of document @id (columns
 * added by schema 8). Title, outlet and byline are written by
 * cc_store_add_document() and cc_store_update_document(). Call inside a
 * transaction. */
gboolean cc_store_set_document_meta (CcStore               *store,
                                     gint64                 id,
                                     const CcDocumentMeta  *meta,
                                     GError               **error);

G_END_DECLS
