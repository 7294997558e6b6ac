/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CC_TYPE_STORY (cc_story_get_type ())
G_DECLARE_FINAL_TYPE (CcStory, cc_story, CC, STORY, GObject)

/* A story of the library: a named set of documents (a document may be in
 * several, or in none), optionally made from a folder that it watches. A
 * CcStory is a snapshot of its row; cc-store-stories.h reads and writes
 * them. The id 0 stands for "All articles", every document of the library. */
CcStory    *cc_story_new               (gint64      id,
                                        const char *name,
                                        const char *folder,
                                        guint       n_documents);
gint64      cc_story_get_id            (CcStory    *self);
const char *cc_story_get_name          (CcStory    *self);
void        cc_story_set_name          (CcStory    *self,
                                        const char *name);
/* The watched folder, or NULL. */
const char *cc_story_get_folder        (CcStory    *self);
guint       cc_story_get_n_documents   (CcStory    *self);
void        cc_story_set_n_documents   (CcStory    *self,
                                        guint       n_documents);
gboolean    cc_story_is_all            (CcStory    *self);

G_END_DECLS
