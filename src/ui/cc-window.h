/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cc-document.h"
#include "cc-reader-view.h"
#include "cc-session.h"
#include "cc-store.h"

G_BEGIN_DECLS

#define CC_TYPE_WINDOW (cc_window_get_type ())
G_DECLARE_FINAL_TYPE (CcWindow, cc_window, CC, WINDOW, AdwApplicationWindow)

/* The main window.
 *
 * Properties (read-only, notified):
 *   "store"    CcStore*    the open library, or NULL
 *   "document" CcDocument* the document shown in the reader, or NULL
 *
 * The state views and panels follow is in the window's CcSession
 * (cc_window_get_session()): they are given the session, never the
 * window. The window answers the session's "toast" and "show-document"
 * and applies its "document-filter", and has the session emit
 * "library-changed" after the library is opened or replaced, after every
 * import and when another story becomes current.
 *
 * Pages other widgets append their content to (each a vertical GtkBox that
 * initially holds a placeholder AdwStatusPage; remove it with
 * cc_window_clear_page() before appending):
 *   compare page, facts page (main view stack), entities page, notes page
 *   (side panel). */

CcWindow      *cc_window_new                   (AdwApplication      *application);

/* Opens the library at @path (creating it if needed). On a library that is
 * not SQLite, corrupt or too new, shows a dialog offering another library or a
 * new one, leaves the file untouched and returns FALSE with @error set. */
gboolean       cc_window_open_library          (CcWindow            *self,
                                                const char          *path,
                                                GError             **error);
CcStore       *cc_window_get_store             (CcWindow            *self);
/* The GListModel (GListStore of CcDocument) of every document of the
 * library, unfiltered, in list order. */
GListModel    *cc_window_get_documents         (CcWindow            *self);
CcDocument    *cc_window_get_document          (CcWindow            *self);
CcReaderView  *cc_window_get_reader            (CcWindow            *self);

/* Selects and shows the document with @id (switches to the Read view).
 * Returns FALSE if no such document is in the list. */
gboolean       cc_window_select_document       (CcWindow            *self,
                                                gint64               document_id);
/* Shows the document and selects [@offset, @offset + @length) in it. */
gboolean       cc_window_show_document_range   (CcWindow            *self,
                                                gint64               document_id,
                                                guint                offset,
                                                guint                length);

/* Restricts the document list to the documents whose ids are keys of @ids
 * (a set of gint64* keys made with g_int64_hash / g_int64_equal; a
 * reference is taken) and shows "Filtered by @description" with a clear
 * button. NULL @ids clears the filter. The same as
 * cc_session_set_document_filter() on the window's session. */
void           cc_window_set_document_filter   (CcWindow            *self,
                                                GHashTable          *ids,
                                                const char          *description);

/* Imports files/folders in a thread with progress, cancel, a summary toast
 * and a list of per-file problems. */
/* Downloads @url (http or https) and imports it (Add from Link). */
void           cc_window_import_url            (CcWindow            *self,
                                                const char          *url);
void           cc_window_import_paths          (CcWindow            *self,
                                                const char * const  *paths);
gboolean       cc_window_get_importing         (CcWindow            *self);
/* Imports @paths, then puts what was read into a new story @new_story
 * (made from @folder, nullable), or else into story @story_id (0: none). */
void           cc_window_import_into_story     (CcWindow            *self,
                                                const char * const  *paths,
                                                const char          *new_story,
                                                gint64               story_id,
                                                const char          *folder);
/* Imports @paths as the command line asks: one folder not imported before
 * becomes a new story named after it (what Open Folder offers first); a
 * folder a story was made from goes into that story again; files go into
 * the current story, or the library when "All articles" is chosen. */
void           cc_window_open_paths            (CcWindow            *self,
                                                const char * const  *paths);
/* The window's state (library, story, document) that panels bind to. */
CcSession     *cc_window_get_session           (CcWindow            *self);

void           cc_window_add_toast             (CcWindow            *self,
                                                AdwToast            *toast);

/* Pages for other panels/views (see above). */
GtkBox        *cc_window_get_compare_page      (CcWindow            *self);
GtkBox        *cc_window_get_facts_page        (CcWindow            *self);
GtkBox        *cc_window_get_entities_page     (CcWindow            *self);
GtkBox        *cc_window_get_notes_page        (CcWindow            *self);
/* Removes every child of @page (e.g. the placeholder status page). */
void           cc_window_clear_page            (GtkBox              *page);

G_END_DECLS
