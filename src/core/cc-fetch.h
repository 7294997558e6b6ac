/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cc-importer.h"

G_BEGIN_DECLS

/* Bodies larger than this are refused. */
#define CC_FETCH_MAX_SIZE (20 * 1024 * 1024)

typedef void (*CcFetchProgress) (guint64   received,
                                 guint64   total,    /* 0 when unknown */
                                 gpointer  user_data);

/* Whether @text is an http or https URL (what import takes as a link). */
gboolean        cc_fetch_is_url     (const char       *text);
/* Fetches @url (following redirects) with libsoup, blocking: call it off
 * the main thread. At most @limit bytes; more fails with
 * CC_ERROR_TOO_LARGE. *@content_type and *@charset (nullable out) are the
 * response's; *@final_url where the redirects led. Errors name the URL. */
GBytes         *cc_fetch_url        (const char       *url,
                                     guint64           limit,
                                     CcFetchProgress   progress,
                                     gpointer          user_data,
                                     char            **content_type,
                                     char            **charset,
                                     char            **final_url,
                                     GCancellable     *cancellable,
                                     GError          **error);
/* Fetches @url and imports it as a document whose path is @url. A failed
 * fetch is a skipped event in the report (with the reason), not an error;
 * NULL only when the library cannot be written or on cancel. */
CcImportReport *cc_fetch_import     (CcStore          *store,
                                     const char       *url,
                                     CcFetchProgress   progress,
                                     gpointer          user_data,
                                     GCancellable     *cancellable,
                                     GError          **error);
/* The same in a thread, on its own connection to the library at @db_path;
 * @progress is called on the caller's main context. */
void            cc_fetch_import_async  (const char          *db_path,
                                        const char          *url,
                                        CcFetchProgress      progress,
                                        gpointer             progress_data,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
CcImportReport *cc_fetch_import_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
