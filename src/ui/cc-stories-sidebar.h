/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-session.h"

G_BEGIN_DECLS

#define CC_TYPE_STORIES_SIDEBAR (cc_stories_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (CcStoriesSidebar, cc_stories_sidebar, CC, STORIES_SIDEBAR, GtkWidget)

/* The stories of the library, "All articles" first, each with its number
 * of documents; choosing one makes it the session's current story. Its
 * menu creates, renames, merges and deletes stories, each undoable from a
 * toast. */
GtkWidget  *cc_stories_sidebar_new          (CcSession        *session);
GtkListBox *cc_stories_sidebar_get_list     (CcStoriesSidebar *self);
/* The same as the menu's items, without dialogs (for tests and scripts). */
gint64      cc_stories_sidebar_create       (CcStoriesSidebar *self,
                                             const char       *name);
gboolean    cc_stories_sidebar_rename       (CcStoriesSidebar *self,
                                             gint64            story_id,
                                             const char       *name);
gboolean    cc_stories_sidebar_delete       (CcStoriesSidebar *self,
                                             gint64            story_id);
gboolean    cc_stories_sidebar_merge        (CcStoriesSidebar *self,
                                             gint64            from,
                                             gint64            into);
/* Undoes the last change (what the toast's Undo button does). */
gboolean    cc_stories_sidebar_undo         (CcStoriesSidebar *self);

G_END_DECLS
