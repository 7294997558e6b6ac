/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cc-store.h"

G_BEGIN_DECLS

typedef enum
{
  CC_IMPORT_ADDED,
  CC_IMPORT_UPDATED,
  CC_IMPORT_UNCHANGED,
  CC_IMPORT_MISSING,   /* was in the library, gone from disk: kept, marked */
  CC_IMPORT_SKIPPED,   /* not imported: message says why */
} CcImportStatus;

typedef struct
{
  char           *path;
  CcImportStatus  status;
  gint64          document_id;   /* 0 when skipped */
  char           *message;       /* reason for a skip, or a repair warning; nullable */
} CcImportEvent;

typedef struct
{
  guint      added;
  guint      updated;
  guint      unchanged;
  guint      missing;
  guint      skipped;
  guint      attached;  /* annotations imported earlier that found their document */
  guint64    bytes_read;
  GPtrArray *events;  /* CcImportEvent*, every file */
} CcImportReport;

typedef void (*CcImportProgress) (guint        done,
                                  guint        total,
                                  const char  *current_path,
                                  gpointer     user_data);

void            cc_import_report_free     (CcImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcImportReport, cc_import_report_free)
const char     *cc_import_status_to_string (CcImportStatus status);

/* Imports files and folders (recursively) into @store. Per-file problems are
 * reported in the report's events and do not stop the import. Returns NULL
 * only for failures of the whole import (library write error, cancelled). */
CcImportReport *cc_import_paths           (CcStore           *store,
                                           const char * const *paths,
                                           CcImportProgress   progress,
                                           gpointer           user_data,
                                           GCancellable      *cancellable,
                                           GError           **error);

/* Runs cc_import_paths() in a thread on its own connection to the library at
 * @db_path. @progress is called on the main context of the caller. */
void            cc_import_paths_async     (const char         *db_path,
                                           const char * const *paths,
                                           CcImportProgress    progress,
                                           gpointer            progress_data,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
CcImportReport *cc_import_paths_finish    (GAsyncResult       *result,
                                           GError            **error);

/* Imports a fetched body as the document at @path (a URL): @body NULL
 * records a skipped event with @reason. Content type and charset are the
 * transport's (nullable). Returns NULL only when the library cannot be
 * written. */
CcImportReport *cc_import_fetched         (CcStore            *store,
                                           const char         *path,
                                           GBytes             *body,
                                           const char         *content_type,
                                           const char         *charset,
                                           const char         *final_url,
                                           const char         *reason,
                                           GError            **error);
/* Moves @src's events and counts into @dst. */
void            cc_import_report_merge    (CcImportReport     *dst,
                                           CcImportReport     *src);

G_END_DECLS
