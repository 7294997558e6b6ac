/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Length, in characters, of the context kept before and after a quote. */
#define CC_ANNOTATION_CONTEXT_LENGTH 32

/* Values of the "state" property, set when a document's text changes:
 * anchored: the exact quote, where the edit put its old place, or found
 *           again in (mostly) its old context;
 * moved:    placed by search: the passage was edited inside (approximate
 *           match) or its exact words were found in a different context;
 *           quote, prefix and suffix are updated to the new text;
 * orphaned: could not be placed (the passage was deleted or changed beyond
 *           recognition): start, end, quote and note are those it last had;
 *           kept, listed apart, until the user re-attaches or deletes it. */
#define CC_ANNOTATION_STATE_ANCHORED "anchored"
#define CC_ANNOTATION_STATE_MOVED    "moved"
#define CC_ANNOTATION_STATE_ORPHANED "orphaned"

#define CC_TYPE_ANNOTATION (cc_annotation_get_type ())
G_DECLARE_FINAL_TYPE (CcAnnotation, cc_annotation, CC, ANNOTATION, GObject)

/* A highlight on a range of a document, with colour, note and tags.
 *
 * Properties: "id" (gint64, row id, 0 before it is stored), "uuid" (stable
 * across libraries and exports), "document-id" (gint64), "start" and "end"
 * (guint, Unicode character offsets into the document's normalised text, end
 * exclusive: the same unit as GtkTextIter offsets), "quote", "prefix",
 * "suffix" (the W3C TextQuoteSelector: the exact text and up to
 * CC_ANNOTATION_CONTEXT_LENGTH characters either side), "color" (one of
 * cc_annotation_get_colors()), "note" (may be empty, never NULL), "tags"
 * (GStrv, sorted, never NULL), "state" (CC_ANNOTATION_STATE_*), "created" and
 * "modified" (gint64, Unix time in seconds, UTC).
 *
 * Setters only change the object: persist with CcAnnotationStore. */

CcAnnotation        *cc_annotation_new             (void);
CcAnnotation        *cc_annotation_copy            (CcAnnotation       *self);

gint64               cc_annotation_get_id          (CcAnnotation       *self);
void                 cc_annotation_set_id          (CcAnnotation       *self,
                                                    gint64              id);
const char          *cc_annotation_get_uuid        (CcAnnotation       *self);
void                 cc_annotation_set_uuid        (CcAnnotation       *self,
                                                    const char         *uuid);
gint64               cc_annotation_get_document_id (CcAnnotation       *self);
void                 cc_annotation_set_document_id (CcAnnotation       *self,
                                                    gint64              document_id);
guint                cc_annotation_get_start       (CcAnnotation       *self);
void                 cc_annotation_set_start       (CcAnnotation       *self,
                                                    guint               start);
guint                cc_annotation_get_end         (CcAnnotation       *self);
void                 cc_annotation_set_end         (CcAnnotation       *self,
                                                    guint               end);
const char          *cc_annotation_get_quote       (CcAnnotation       *self);
void                 cc_annotation_set_quote       (CcAnnotation       *self,
                                                    const char         *quote);
const char          *cc_annotation_get_prefix      (CcAnnotation       *self);
void                 cc_annotation_set_prefix      (CcAnnotation       *self,
                                                    const char         *prefix);
const char          *cc_annotation_get_suffix      (CcAnnotation       *self);
void                 cc_annotation_set_suffix      (CcAnnotation       *self,
                                                    const char         *suffix);
const char          *cc_annotation_get_color       (CcAnnotation       *self);
void                 cc_annotation_set_color       (CcAnnotation       *self,
                                                    const char         *color);
const char          *cc_annotation_get_note        (CcAnnotation       *self);
void                 cc_annotation_set_note        (CcAnnotation       *self,
                                                    const char         *note);
const char * const  *cc_annotation_get_tags        (CcAnnotation       *self);
/* Trims, drops empty and duplicate (case-insensitive) tags, sorts. */
void                 cc_annotation_set_tags        (CcAnnotation       *self,
                                                    const char * const *tags);
gboolean             cc_annotation_has_tag         (CcAnnotation       *self,
                                                    const char         *tag);
const char          *cc_annotation_get_state       (CcAnnotation       *self);
void                 cc_annotation_set_state       (CcAnnotation       *self,
                                                    const char         *state);
gboolean             cc_annotation_is_orphaned     (CcAnnotation       *self);
gint64               cc_annotation_get_created     (CcAnnotation       *self);
void                 cc_annotation_set_created     (CcAnnotation       *self,
                                                    gint64              created);
gint64               cc_annotation_get_modified    (CcAnnotation       *self);
void                 cc_annotation_set_modified    (CcAnnotation       *self,
                                                    gint64              modified);
/* Base name of the document when the annotation was made: shown for an
 * annotation whose document row is gone. Nullable. */
const char          *cc_annotation_get_document_hint (CcAnnotation     *self);
void                 cc_annotation_set_document_hint (CcAnnotation     *self,
                                                      const char       *hint);

/* Colours: "yellow", "green", "blue", "pink", "purple" (NULL-terminated). */
const char * const  *cc_annotation_get_colors      (void);
gboolean             cc_annotation_color_is_valid  (const char         *color);
/* The translated name of a colour for display ("Yellow"), or NULL. */
const char          *cc_annotation_color_get_label (const char         *color);

G_END_DECLS
