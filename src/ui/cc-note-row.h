/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-annotation.h"

G_BEGIN_DECLS

#define CC_TYPE_NOTE_ROW (cc_note_row_get_type ())
G_DECLARE_FINAL_TYPE (CcNoteRow, cc_note_row, CC, NOTE_ROW, GtkWidget)

/* A row of the Notes panel: colour swatch, quote excerpt, note, tags,
 * article and date; or, for a detached (orphaned) note, its original quote
 * and note with Re-attach and Delete buttons (signals "reattach" and
 * "delete"); or a section title. */

GtkWidget    *cc_note_row_new            (void);
void          cc_note_row_set_annotation (CcNoteRow    *self,
                                          CcAnnotation *annotation,
                                          const char   *document_title);
void          cc_note_row_set_header     (CcNoteRow    *self,
                                          const char   *title);
CcAnnotation *cc_note_row_get_annotation (CcNoteRow    *self);

G_END_DECLS
