/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-highlighter.h"
#include "cc-undo-stack.h"
#include "cc-window.h"

G_BEGIN_DECLS

#define CC_TYPE_NOTES_PANEL (cc_notes_panel_get_type ())
G_DECLARE_FINAL_TYPE (CcNotesPanel, cc_notes_panel, CC, NOTES_PANEL, GtkWidget)

/* The Notes tab of the side panel. It owns the notes machinery of a window:
 * the undo stack (actions notes.undo / notes.redo on the window, Ctrl+Z,
 * Ctrl+Shift+Z) and the highlighter of its reader.
 *
 * Lists the annotations of the current article or of the whole library
 * (a toggle), filtered by search text, colour, tag and article; detached
 * (orphaned) notes are listed apart under "Detached Notes" with Re-attach
 * and Delete. Activating a row opens its article at the highlight. It
 * follows changes made here, by undo/redo, by a re-import and, when the
 * window becomes active again, by other programs on the same library. */

GtkWidget     *cc_notes_panel_new               (CcWindow     *window);

CcHighlighter *cc_notes_panel_get_highlighter   (CcNotesPanel *self);
CcUndoStack   *cc_notes_panel_get_undo_stack    (CcNotesPanel *self);
/* The rows: CcAnnotation items, and GtkStringObject section titles. */
GListModel    *cc_notes_panel_get_model         (CcNotesPanel *self);
/* Re-reads the list from the library now. */
void           cc_notes_panel_refresh           (CcNotesPanel *self);
void           cc_notes_panel_set_library_scope (CcNotesPanel *self,
                                                 gboolean      library);

G_END_DECLS
