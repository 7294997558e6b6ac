/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-store.h"

G_BEGIN_DECLS

#define CC_TYPE_SEARCH_POPOVER (cc_search_popover_get_type ())
G_DECLARE_FINAL_TYPE (CcSearchPopover, cc_search_popover, CC, SEARCH_POPOVER, GtkPopover)

/* Search across the library: an entry and the ranked full-text hits (title
 * and snippet). Activating a hit emits "hit-activated" (gint64 document_id,
 * const char *term), @term being the first matched word of the snippet (or
 * the query), to find in the opened document. */
GtkWidget *cc_search_popover_new       (void);
void       cc_search_popover_set_store (CcSearchPopover *self,
                                        CcStore         *store);
/* Searches only story @story_id's articles (0: all of them). */
void       cc_search_popover_set_story (CcSearchPopover *self,
                                        gint64           story_id);
/* Runs @query at once (as typing it would) and returns the hit count. */
guint      cc_search_popover_search    (CcSearchPopover *self,
                                        const char      *query);
/* Activates the @index-th hit (0-based); FALSE if there is none. */
gboolean   cc_search_popover_activate_hit (CcSearchPopover *self,
                                           guint            index);

G_END_DECLS
