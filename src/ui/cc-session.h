/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cc-document.h"
#include "cc-store.h"
#include "cc-story.h"

G_BEGIN_DECLS

#define CC_TYPE_SESSION (cc_session_get_type ())
G_DECLARE_FINAL_TYPE (CcSession, cc_session, CC, SESSION, GObject)

/* What the window shows, apart from its widgets (as GNOME Text Editor's
 * EditorSession): the open library, the current story and document, the
 * undo stack, and a way to show a toast. Views and panels bind to its
 * properties and list models instead of calling into the window.
 *
 * Properties (notified):
 *   "store"      CcStore*     the open library, or NULL
 *   "story"      CcStory*     the current story; the "All articles" item
 *                             (id 0) when no story is chosen; notified
 *                             when another story becomes current
 *   "document"   CcDocument*  the document being read, or NULL
 *   "undo-stack" GObject*     the annotations' undo stack (CcUndoStack)
 *   "title"      char*        "library — story", for the window subtitle
 *   "document-filter" GHashTable*  the documents the list is restricted to
 *                             (a set of gint64* keys), or NULL for all
 *
 * Signals:
 *   "toast" (AdwToast *toast)  a transient message for the window to show
 *   "stories-changed" ()       the stories (names, counts) were reloaded
 *   "library-changed" ()       the library was opened or replaced, an
 *                              import changed it, or another story became
 *                              current (the documents have been reloaded);
 *                              views and panels that cache data refresh
 *   "show-document" (gint64 id, int offset, guint length) -> gboolean
 *                              a view or panel asks for document @id to be
 *                              shown (and [@offset, @offset + @length)
 *                              scrolled to, unless @offset is -1); the
 *                              window handles it and returns whether the
 *                              document is shown */

CcSession   *cc_session_new               (void);

CcStore     *cc_session_get_store         (CcSession  *self);
void         cc_session_set_store         (CcSession  *self,
                                           CcStore    *store);
CcStory     *cc_session_get_story         (CcSession  *self);
/* 0 for "All articles". */
gint64       cc_session_get_story_id      (CcSession  *self);
/* Chooses the story with @story_id (0: all articles); an id that is not a
 * story of the library chooses all articles. */
void         cc_session_set_story_id      (CcSession  *self,
                                           gint64      story_id);
CcDocument  *cc_session_get_document      (CcSession  *self);
void         cc_session_set_document      (CcSession  *self,
                                           CcDocument *document);
GObject     *cc_session_get_undo_stack    (CcSession  *self);
void         cc_session_set_undo_stack    (CcSession  *self,
                                           GObject    *undo_stack);
const char  *cc_session_get_title         (CcSession  *self);

/* The stories (CcStory), "All articles" first with the library's count. */
GListModel  *cc_session_get_stories       (CcSession  *self);
/* The current story's documents (CcDocument), in library order. */
GListModel  *cc_session_get_documents     (CcSession  *self);

/* Reads the stories and the current story's documents again. */
gboolean     cc_session_reload            (CcSession  *self,
                                           GError    **error);
void         cc_session_add_toast         (CcSession  *self,
                                           AdwToast   *toast);
/* Emits "library-changed". */
void         cc_session_library_changed   (CcSession  *self);
/* Asks for document @document_id to be shown (see "show-document");
 * FALSE when nothing shows it or it is not in the current list. */
gboolean     cc_session_show_document     (CcSession  *self,
                                           gint64      document_id,
                                           int         offset,
                                           guint       length);

/* Restricts the document list to the documents whose ids are keys of @ids
 * (a set of gint64* keys made with g_int64_hash / g_int64_equal; the
 * session takes a reference), described as @description ("mentions of
 * “X”"). NULL @ids shows every document of the story again. */
void         cc_session_set_document_filter (CcSession  *self,
                                             GHashTable *ids,
                                             const char *description);
GHashTable  *cc_session_get_document_filter (CcSession  *self);
const char  *cc_session_get_filter_description (CcSession *self);

G_END_DECLS
