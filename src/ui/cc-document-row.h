/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-document.h"

G_BEGIN_DECLS

#define CC_TYPE_DOCUMENT_ROW (cc_document_row_get_type ())
G_DECLARE_FINAL_TYPE (CcDocumentRow, cc_document_row, CC, DOCUMENT_ROW, GtkWidget)

/* A row of the document list: title, outlet and word count; a missing
 * document is dimmed and labelled. */
GtkWidget  *cc_document_row_new          (void);
void        cc_document_row_set_document (CcDocumentRow *self,
                                          CcDocument    *document);
CcDocument *cc_document_row_get_document (CcDocumentRow *self);

G_END_DECLS
