/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CC_TYPE_DOCUMENT (cc_document_get_type ())
G_DECLARE_FINAL_TYPE (CcDocument, cc_document, CC, DOCUMENT, GObject)

/* A document row of the library. The text is loaded on demand with
 * cc_store_load_text() and cached here with cc_document_set_text(). */
CcDocument *cc_document_new          (gint64      id,
                                      const char *path,
                                      const char *title,
                                      const char *outlet,
                                      const char *byline,
                                      const char *hash,
                                      guint       words,
                                      gint64      size,
                                      gint64      mtime,
                                      gboolean    missing);
gint64      cc_document_get_id       (CcDocument *self);
const char *cc_document_get_path     (CcDocument *self);
const char *cc_document_get_basename (CcDocument *self);
const char *cc_document_get_title    (CcDocument *self);
const char *cc_document_get_outlet   (CcDocument *self);
const char *cc_document_get_byline   (CcDocument *self);
const char *cc_document_get_hash     (CcDocument *self);
guint       cc_document_get_words    (CcDocument *self);
gint64      cc_document_get_size     (CcDocument *self);
gint64      cc_document_get_mtime    (CcDocument *self);
gboolean    cc_document_get_missing  (CcDocument *self);
const char *cc_document_get_text     (CcDocument *self);
void        cc_document_set_text     (CcDocument *self,
                                      const char *text);

G_END_DECLS
