/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-reader-view.h"
#include "cc-session.h"

G_BEGIN_DECLS

#define CC_TYPE_ENTITIES_PANEL (cc_entities_panel_get_type ())
G_DECLARE_FINAL_TYPE (CcEntitiesPanel, cc_entities_panel, CC, ENTITIES_PANEL, GtkWidget)

/* The Entities tab of the side panel: the entities of the current document
 * (or of the whole library) grouped by type, with their counts here and in
 * the library, a filter, marking and stepping through the mentions of the
 * selected entity (Alt+Down / Alt+Up, F8 / Shift+F8), filtering the
 * document list to the documents that mention it, and underlining every
 * mention by type with a tooltip. */
/* Follows @session (store, story, library changes) and the document of
 * @reader, whose mentions it underlines. */
GtkWidget *cc_entities_panel_new             (CcSession       *session,
                                              CcReaderView    *reader);

/* For tests and benchmarks. */
guint      cc_entities_panel_get_n_rows      (CcEntitiesPanel *self);
gboolean   cc_entities_panel_select_entity   (CcEntitiesPanel *self,
                                              const char      *canonical);
guint      cc_entities_panel_get_current     (CcEntitiesPanel *self);
void       cc_entities_panel_step            (CcEntitiesPanel *self,
                                              gboolean         forward);
void       cc_entities_panel_set_underline   (CcEntitiesPanel *self,
                                              gboolean         underline);
gboolean   cc_entities_panel_get_busy        (CcEntitiesPanel *self);
/* TRUE while the library's documents are being analysed in a thread (for
 * the library counts); the panel refreshes when that is done. */
gboolean   cc_entities_panel_get_analysing   (CcEntitiesPanel *self);
/* The library count shown for the entity named @canonical (0 if not listed). */
guint      cc_entities_panel_get_library_count (CcEntitiesPanel *self,
                                               const char      *canonical);

G_END_DECLS
