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

/* Publication metadata beyond title, outlet and byline: all nullable.
 * @published is an ISO 8601 date or date-time as the source gave it. */
const char *cc_document_get_published (CcDocument *self);
const char *cc_document_get_url       (CcDocument *self);
const char *cc_document_get_language  (CcDocument *self);
void        cc_document_set_meta      (CcDocument *self,
                                       const char *published,
                                       const char *url,
                                       const char *language);

/* The publication date for people: "14 Mar 2025"; NULL when unknown. */
char       *cc_document_dup_published_display (CcDocument *self);
/* "Outlet · Author · 14 Mar 2025", the parts known; NULL when none is. */
char       *cc_document_dup_source_line       (CcDocument *self);

/* What an importer found out about an article besides its text. */
typedef struct
{
  char *title;
  char *outlet;
  char *byline;
  char *published;   /* ISO 8601: "2024-05-01" or "2024-05-01T09:30:00Z" */
  char *url;
  char *language;    /* BCP 47 tag, e.g. "en" or "en-GB" */
  char *description;
} CcDocumentMeta;

CcDocumentMeta *cc_document_meta_new      (void);
void            cc_document_meta_free     (CcDocumentMeta *meta);
/* Fills the fields of @meta still NULL from @other. */
void            cc_document_meta_merge    (CcDocumentMeta       *meta,
                                           const CcDocumentMeta *other);
/* Sets *@field to a copy of @value with white space collapsed, unless it
 * is already set or @value is empty. */
void            cc_document_meta_take     (char                **field,
                                           const char           *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcDocumentMeta, cc_document_meta_free)

G_END_DECLS
