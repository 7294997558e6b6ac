/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cc-export.h"
#include "cc-store.h"

G_BEGIN_DECLS

/* Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).
 *
 * Export: an AnnotationCollection whose "first" is an embedded
 * AnnotationPage holding every annotation in "items". Each annotation:
 *
 *   "id"          "urn:uuid:<uuid>" (the annotation's stable uuid)
 *   "type"        "Annotation"
 *   "motivation"  "commenting" when it has a note, else "highlighting"
 *   "created", "modified"   ISO 8601, UTC, seconds
 *   "body"        a TextualBody with the note (purpose "commenting",
 *                 format "text/plain") and one TextualBody per tag
 *                 (purpose "tagging"); absent when there is neither
 *   "stylesheet"  a CssStylesheet with the rule of its colour
 *   "target"      { "source": { "id": file URI of the document,
 *                               "type": "Text", "format": "text/plain",
 *                               "title": …, "crosscheck:basename": …,
 *                               "crosscheck:sha256": SHA-256 of the
 *                               normalised text },
 *                   "styleClass": the colour ("yellow", "green", …),
 *                   "selector": [ TextQuoteSelector (exact, prefix,
 *                                 suffix), TextPositionSelector (start,
 *                                 end: Unicode character offsets into the
 *                                 normalised text, end exclusive) ] }
 *   "crosscheck:state"  "anchored", "moved" or "orphaned"
 *
 * The colour is thus carried the standard way (a style class on the
 * target, defined by the stylesheet); terms of our own have the prefix
 * "crosscheck", mapped in "@context" to CC_W3C_NAMESPACE.
 *
 * Import reads such a collection, a bare AnnotationPage, an array of
 * annotations or one annotation; bodies given as "bodyValue", a single
 * object or an array; a colour as "styleClass" or "crosscheck:color". An
 * annotation's document is found by content hash, then by path, then by
 * base name (where its quote must be found). One whose document is not in
 * the library is kept, detached (document_id NULL, document_hint = its
 * base name, state "orphaned"), and attached by cc_w3c_attach_pending()
 * once a document of that name is imported (to the only document of that
 * name, or to the one of several where its quote is found). An annotation
 * whose uuid is
 * already in the library is left as it is. */

#define CC_W3C_CONTEXT   "http://www.w3.org/ns/anno.jsonld"
#define CC_W3C_NAMESPACE "urn:crosscheck:terms:"

typedef struct
{
  guint      added;       /* new, attached to a document of the library */
  guint      pending;     /* new, whose document is not in the library: kept detached */
  guint      duplicates;  /* uuid already in the library: left as it is */
  guint      attached;    /* detached earlier, attached now */
  GPtrArray *messages;    /* char*: one line per pending annotation */
} CcW3cImportReport;

void               cc_w3c_import_report_free (CcW3cImportReport     *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcW3cImportReport, cc_w3c_import_report_free)

/* The annotations selected by @options (scope, colour, tag), as JSON text. */
char              *cc_w3c_export             (CcStore               *store,
                                              const CcExportOptions *options,
                                              GError               **error);
/* Imports annotations from W3C JSON text; @name (nullable) names the input
 * in messages. All or nothing: on any error (bad JSON, with its line and
 * column; an annotation without a usable selector) nothing is stored. */
CcW3cImportReport *cc_w3c_import_data        (CcStore               *store,
                                              const char            *data,
                                              gssize                 length,
                                              const char            *name,
                                              GError               **error);
CcW3cImportReport *cc_w3c_import_file        (CcStore               *store,
                                              const char            *path,
                                              GError               **error);
/* Attaches the detached annotations (no document) to a library document of
 * the base name they remember, when their quote is found in it. For the
 * importer to call after adding documents; import does it too. */
gboolean           cc_w3c_attach_pending     (CcStore               *store,
                                              guint                 *n_attached,
                                              GError               **error);

G_END_DECLS
