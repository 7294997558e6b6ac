/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cc-annotation.h"
#include "cc-store.h"

G_BEGIN_DECLS

#define CC_TYPE_UNDO_STACK (cc_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (CcUndoStack, cc_undo_stack, CC, UNDO_STACK, GObject)

/* Every change the user makes to annotations goes through the undo stack:
 * it writes the change to the library at once (each its own transaction)
 * and records it, so it can be undone and redone.
 *
 * Properties: "store" (CcStore*, nullable; setting it clears the history),
 * "can-undo", "can-redo" (read-only, notified).
 *
 * Signal "changed" (CcAnnotation *annotation, gboolean exists): emitted
 * after every change, undo and redo. @annotation is the annotation as it
 * now is (@exists TRUE) or as it was before it was removed (@exists FALSE).
 * Panels and views refresh from it. */

CcUndoStack  *cc_undo_stack_new          (void);

CcStore      *cc_undo_stack_get_store    (CcUndoStack   *self);
void          cc_undo_stack_set_store    (CcUndoStack   *self,
                                          CcStore       *store);

/* Creates and stores a highlight of [@start, @end) of a document. Returns
 * the new annotation (owned) or NULL with @error set. */
CcAnnotation *cc_undo_stack_create       (CcUndoStack   *self,
                                          gint64         document_id,
                                          guint          start,
                                          guint          end,
                                          const char    *color,
                                          GError       **error);
/* Writes @annotation (colour, note, tags, range, state), remembering
 * @before as its previous state. With @merge, a change that follows
 * another merged change of the same annotation joins it in one undo step
 * (typing a note). */
gboolean      cc_undo_stack_update       (CcUndoStack   *self,
                                          CcAnnotation  *before,
                                          CcAnnotation  *annotation,
                                          gboolean       merge,
                                          GError       **error);
gboolean      cc_undo_stack_reattach     (CcUndoStack   *self,
                                          CcAnnotation  *annotation,
                                          guint          start,
                                          guint          end,
                                          GError       **error);
gboolean      cc_undo_stack_delete       (CcUndoStack   *self,
                                          CcAnnotation  *annotation,
                                          GError       **error);
/* Puts back a deleted annotation (the Undo button of a toast): undoes the
 * deletion when it is the last change, else restores it as a new change. */
gboolean      cc_undo_stack_restore      (CcUndoStack   *self,
                                          CcAnnotation  *annotation,
                                          GError       **error);

gboolean      cc_undo_stack_get_can_undo (CcUndoStack   *self);
gboolean      cc_undo_stack_get_can_redo (CcUndoStack   *self);
/* Undo/redo the last change. Returns FALSE with @error set if it could not
 * be applied (the annotation was changed by another program meanwhile);
 * that step is then dropped. */
gboolean      cc_undo_stack_undo         (CcUndoStack   *self,
                                          GError       **error);
gboolean      cc_undo_stack_redo         (CcUndoStack   *self,
                                          GError       **error);
void          cc_undo_stack_clear        (CcUndoStack   *self);

G_END_DECLS
