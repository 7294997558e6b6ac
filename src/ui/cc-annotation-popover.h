/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-annotation.h"
#include "cc-undo-stack.h"

G_BEGIN_DECLS

#define CC_TYPE_ANNOTATION_POPOVER (cc_annotation_popover_get_type ())
G_DECLARE_FINAL_TYPE (CcAnnotationPopover, cc_annotation_popover, CC, ANNOTATION_POPOVER, GtkPopover)

/* The popover on a highlight: its note (saved as you type, ~400 ms after
 * the last key and when the popover closes: there is no Save button),
 * colour, tags (removable chips, an entry with completion from the tags in
 * use) and Delete (a toast offers Undo). Every change goes through the
 * CcUndoStack. */

GtkWidget    *cc_annotation_popover_new             (CcUndoStack         *undo);

/* Shows @annotation (copied). */
void          cc_annotation_popover_set_annotation  (CcAnnotationPopover *self,
                                                     CcAnnotation        *annotation);
/* The annotation as last saved, or NULL. Borrowed. */
CcAnnotation *cc_annotation_popover_get_annotation  (CcAnnotationPopover *self);
/* Writes a note edit that is still waiting for its delay. */
void          cc_annotation_popover_flush           (CcAnnotationPopover *self);
void          cc_annotation_popover_focus_note      (CcAnnotationPopover *self);

/* For tests: the note's buffer and the tag entry. */
GtkTextBuffer *cc_annotation_popover_get_note_buffer (CcAnnotationPopover *self);
GtkEditable   *cc_annotation_popover_get_tag_entry   (CcAnnotationPopover *self);

G_END_DECLS
