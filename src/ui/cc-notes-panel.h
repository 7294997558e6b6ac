/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-highlighter.h"
#include "cc-reader-view.h"
#include "cc-session.h"
#include "cc-undo-stack.h"

G_BEGIN_DECLS

#define CC_TYPE_NOTES_PANEL (cc_notes_panel_get_type ())
G_DECLARE_FINAL_TYPE (CcNotesPanel, cc_notes_panel, CC, NOTES_PANEL, GtkWidget)

/* The Notes tab of the side panel. It owns the notes machinery of a
 * session: the undo stack (the "undo" and "redo" actions of
 * cc_notes_panel_get_actions(), which the window inserts as "notes", with
 * Ctrl+Z, Ctrl+Shift+Z from cc_notes_panel_create_shortcuts()) and the
 * highlighter of @reader. It follows the session's store, story and
 * document, and asks the session to show a note's article.
 *
 * Lists the annotations of the current article or of the whole library
 * (a toggle), filtered by search text, colour, tag and article; detached
 * (orphaned) notes are listed apart under "Detached Notes" with Re-attach
 * and Delete. Activating a row opens its article at the highlight. It
 * follows changes made here, by undo/redo, by a re-import and, when the
 * window becomes active again, by other programs on the same library. */

GtkWidget     *cc_notes_panel_new               (CcSession    *session,
                                                 CcReaderView *reader);
/* "undo" and "redo", for the host to insert as "notes". */
GActionGroup  *cc_notes_panel_get_actions       (CcNotesPanel *self);
/* Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y for notes.undo / notes.redo (bubble phase),
 * for the host window to add. */
GtkEventController *cc_notes_panel_create_shortcuts (CcNotesPanel *self);

CcHighlighter *cc_notes_panel_get_highlighter   (CcNotesPanel *self);
CcUndoStack   *cc_notes_panel_get_undo_stack    (CcNotesPanel *self);
/* The rows: CcAnnotation items, and GtkStringObject section titles. */
GListModel    *cc_notes_panel_get_model         (CcNotesPanel *self);
/* Re-reads the list from the library now. */
void           cc_notes_panel_refresh           (CcNotesPanel *self);
void           cc_notes_panel_set_library_scope (CcNotesPanel *self,
                                                 gboolean      library);

G_END_DECLS
