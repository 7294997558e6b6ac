/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cc-store.h"

G_BEGIN_DECLS

/* Exporting the reader's annotations: as Markdown (here) or as W3C Web
 * Annotation JSON (cc-w3c.h).
 *
 * The Markdown is CommonMark that reads well as plain text:
 *
 *   - an optional YAML front matter (title, export date, generator, number
 *     of annotations, filters, and the sources: title, outlet and path of
 *     each document), every value a double-quoted YAML string;
 *   - a level-1 heading with the title;
 *   - per document in scope, in library order: a level-2 heading with its
 *     title, a list with its outlet, byline and file; optionally a level-3
 *     "Entities" heading with a list per entity type; then its annotations
 *     by position, each as
 *
 *         > the exact quote, one block quote per annotation
 *
 *         The note, one paragraph (line breaks kept as hard breaks).
 *
 *         Yellow · #tag #other · characters 120–145 · `urn:uuid:…`
 *
 *   - a level-2 "Orphaned annotations" section for the annotations that
 *     could not be placed in their document or whose document is not in the
 *     library, each naming its document;
 *   - optionally a level-2 "Conflicts between sources" section: a level-3
 *     heading per fact the sources disagree on (or that has a note), the
 *     value each source gives, and the reader's note on it.
 *
 * Quotes, notes, titles and every other text from the library are escaped
 * with cc-markdown.h: they stay literal text in their own block. */

typedef enum
{
  CC_EXPORT_FORMAT_MARKDOWN,
  CC_EXPORT_FORMAT_W3C,
} CcExportFormat;

typedef struct
{
  GArray   *document_ids;  /* gint64; empty: every document of the library,
                            * and the annotations whose document is gone */
  char     *color;         /* NULL: any colour */
  char     *tag;           /* NULL: any tag (case-insensitive) */
  char     *title;         /* NULL: "Crosscheck notes" */
  gboolean  front_matter;  /* YAML front matter (Markdown); default TRUE */
  gboolean  entities;      /* each document's entity summary (Markdown) */
  gboolean  conflicts;     /* the library's conflicts with their notes (Markdown) */
  gint64    timestamp;     /* export date, Unix seconds UTC; 0: now */
} CcExportOptions;

/* What an export holds, after scope and filters. */
typedef struct
{
  GPtrArray  *documents;    /* CcDocument, in scope, in library order */
  GPtrArray  *annotations;  /* CcAnnotation: by document (library order), then
                             * position; then those whose document is gone */
  GHashTable *by_document;  /* gint64* document id -> GPtrArray of CcAnnotation
                             * (borrowed from @annotations) */
} CcExportSelection;

CcExportOptions   *cc_export_options_new          (void);
CcExportOptions   *cc_export_options_copy         (const CcExportOptions *options);
void               cc_export_options_free         (CcExportOptions       *options);
void               cc_export_options_add_document (CcExportOptions       *options,
                                                   gint64                 document_id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcExportOptions, cc_export_options_free)

/* Parses "markdown"/"md" or "json"/"w3c". */
gboolean           cc_export_format_from_string   (const char            *str,
                                                   CcExportFormat        *format);
/* "md" or "json" */
const char        *cc_export_format_get_extension (CcExportFormat         format);

void               cc_export_selection_free       (CcExportSelection     *selection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcExportSelection, cc_export_selection_free)

/* The documents and annotations an export with @options holds. Fails with
 * CC_ERROR_NOT_FOUND for a document id that is not in the library and
 * CC_ERROR_INVALID for an unknown colour. */
CcExportSelection *cc_export_select               (CcStore               *store,
                                                   const CcExportOptions *options,
                                                   GError               **error);

char              *cc_export_markdown             (CcStore               *store,
                                                   const CcExportOptions *options,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
/* Markdown or W3C JSON, as a string. */
char              *cc_export_to_string            (CcStore               *store,
                                                   CcExportFormat         format,
                                                   const CcExportOptions *options,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
/* Writes the export to @file atomically (a temporary file renamed over it):
 * a failure leaves an existing file as it was. */
gboolean           cc_export_to_file              (CcStore               *store,
                                                   CcExportFormat         format,
                                                   const CcExportOptions *options,
                                                   GFile                 *file,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
/* The same in a worker thread, on a connection of its own to the library
 * file of @store: safe to call from the main thread of the UI. */
void               cc_export_to_file_async        (CcStore               *store,
                                                   CcExportFormat         format,
                                                   const CcExportOptions *options,
                                                   GFile                 *file,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gboolean           cc_export_to_file_finish       (CcStore               *store,
                                                   GAsyncResult          *result,
                                                   GError               **error);

G_END_DECLS
