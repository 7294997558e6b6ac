/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cc-annotation.h"
#include "cc-store.h"

G_BEGIN_DECLS

/* Annotations, notes and tags in the library (tables annotations, tags,
 * annotation_tags). Every function that changes something runs in its own
 * transaction (BEGIN IMMEDIATE), or joins the caller's when one is open, so
 * a change is on disk when the function returns TRUE and two processes on
 * the same library never lose each other's writes. */

typedef struct
{
  gint64      document_id;  /* 0: every document of the library */
  const char *color;        /* NULL: any colour */
  const char *tag;          /* NULL: any tag (case-insensitive) */
  const char *text;         /* NULL or "": any; else matched case-insensitively
                             * against quote, note and tags */
  const char *state;        /* NULL: any; else a CC_ANNOTATION_STATE_* */
} CcAnnotationFilter;

typedef struct
{
  guint anchored;
  guint moved;
  guint orphaned;
} CcReanchorCounts;

/* Fills quote, prefix and suffix of a new annotation from @text (the
 * document's normalised text). Fails for an empty or out-of-range range. */
CcAnnotation *cc_annotation_new_for_range            (gint64                    document_id,
                                                      const char               *text,
                                                      guint                     start,
                                                      guint                     end,
                                                      GError                  **error);

/* Creates an annotation on document @document_id (its text read inside the
 * transaction that stores it) and stores it. @color NULL means "yellow";
 * @note and @tags may be NULL. */
CcAnnotation *cc_annotation_store_create             (CcStore                  *store,
                                                      gint64                    document_id,
                                                      guint                     start,
                                                      guint                     end,
                                                      const char               *color,
                                                      const char               *note,
                                                      const char * const       *tags,
                                                      GError                  **error);
/* Finds the range of a new annotation in @text, the document's current
 * text; FALSE (with @error set) when it is not there. */
typedef gboolean (*CcAnnotationRangeFunc) (const char  *text,
                                           guint       *start,
                                           guint       *end,
                                           gpointer     user_data,
                                           GError     **error);

/* The same, with the range found by @find_range in the text as it is
 * inside the write transaction that stores the annotation (a quote the
 * user asked for), so that an import changing the text cannot come between
 * the two. */
CcAnnotation *cc_annotation_store_create_with        (CcStore                  *store,
                                                      gint64                    document_id,
                                                      CcAnnotationRangeFunc     find_range,
                                                      gpointer                  user_data,
                                                      const char               *color,
                                                      const char               *note,
                                                      const char * const       *tags,
                                                      GError                  **error);
/* Stores a new annotation: gives it a uuid when it has none, created and
 * modified times when they are 0, and sets its id. */
gboolean      cc_annotation_store_add                (CcStore                  *store,
                                                      CcAnnotation             *annotation,
                                                      GError                  **error);
/* Stores several in one transaction (all or nothing). */
gboolean      cc_annotation_store_add_all            (CcStore                  *store,
                                                      GPtrArray                *annotations,
                                                      GError                  **error);
/* Undo of a delete: re-inserts the annotation with its uuid, times, note and
 * tags. Fails with CC_ERROR_INVALID if that uuid exists. */
gboolean      cc_annotation_store_restore            (CcStore                  *store,
                                                      CcAnnotation             *annotation,
                                                      GError                  **error);
/* Writes colour, note, tags, range, quote/prefix/suffix and state of an
 * existing annotation (found by uuid) and bumps its modified time (also on
 * @annotation). CC_ERROR_NOT_FOUND if it was deleted meanwhile. A range that
 * is stale (another process re-anchored the annotation after its document
 * changed, and the quote is not at that range of the current text) is not
 * written: @annotation gets the stored range, quote and state instead. */
gboolean      cc_annotation_store_update             (CcStore                  *store,
                                                      CcAnnotation             *annotation,
                                                      GError                  **error);
/* Re-attaches an annotation (typically an orphan) to a new range of its
 * document: quote and context are taken from the current text, state
 * becomes "anchored". Updates @annotation too. */
gboolean      cc_annotation_store_reattach           (CcStore                  *store,
                                                      CcAnnotation             *annotation,
                                                      guint                     start,
                                                      guint                     end,
                                                      GError                  **error);
gboolean      cc_annotation_store_delete             (CcStore                  *store,
                                                      const char               *uuid,
                                                      GError                  **error);
/* By uuid, or by a unique prefix of at least 8 characters of one. */
CcAnnotation *cc_annotation_store_get                (CcStore                  *store,
                                                      const char               *uuid,
                                                      GError                  **error);
/* CcAnnotation*, ordered by document, start, end, created. @filter may be
 * NULL (everything). */
GPtrArray    *cc_annotation_store_list               (CcStore                  *store,
                                                      const CcAnnotationFilter *filter,
                                                      GError                  **error);
/* Every tag in use, sorted case-insensitively (for completion). */
GStrv         cc_annotation_store_list_tags          (CcStore                  *store,
                                                      GError                  **error);
guint         cc_annotation_store_count              (CcStore                  *store,
                                                      gint64                    document_id);

/* Re-anchors the annotations of a document whose text changed from
 * @old_text (nullable: unknown) to @new_text. Each becomes anchored, moved
 * or orphaned; orphans keep their last quote, context and offsets. */
gboolean      cc_annotation_store_reanchor_document  (CcStore                  *store,
                                                      gint64                    document_id,
                                                      const char               *old_text,
                                                      const char               *new_text,
                                                      GError                  **error);
gboolean      cc_annotation_store_reanchor_document_full (CcStore              *store,
                                                      gint64                    document_id,
                                                      const char               *old_text,
                                                      const char               *new_text,
                                                      CcReanchorCounts         *counts,
                                                      GError                  **error);

G_END_DECLS
