/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-annotation.h"
#include "cc-reader-view.h"
#include "cc-undo-stack.h"

G_BEGIN_DECLS

#define CC_TYPE_HIGHLIGHTER (cc_highlighter_get_type ())
G_DECLARE_FINAL_TYPE (CcHighlighter, cc_highlighter, CC, HIGHLIGHTER, GObject)

/* Shows the annotations of the reader's document as highlights and lets the
 * reader make new ones: the "highlight" action group on the reader
 * (highlight.highlight, highlight.highlight-color('yellow'),
 * highlight.add-note), H / Ctrl+H and 1-5 in the text, the text's context
 * menu and a small popover over a fresh selection. Clicking a highlight, or
 * Enter with the cursor in it, opens a CcAnnotationPopover on it.
 *
 * Highlights are alpha-blended backgrounds (one tag per combination of
 * overlapping colours, so overlaps mix and stay readable) adjusted to the
 * light or dark style; a highlight with a note is underlined. All changes
 * go through the CcUndoStack, whose store is the library. */

CcHighlighter *cc_highlighter_new                  (CcReaderView  *reader,
                                                    CcUndoStack   *undo);

/* Re-reads the annotations of the current document from the library. */
void           cc_highlighter_reload               (CcHighlighter *self);
/* TRUE while highlights of a large document are still being painted in
 * the background (the part in view is painted first). */
gboolean       cc_highlighter_get_painting         (CcHighlighter *self);
/* Annotations highlighted in the current document. */
guint          cc_highlighter_get_n_highlights     (CcHighlighter *self);
/* The innermost annotation covering character @offset, or NULL. Borrowed. */
CcAnnotation  *cc_highlighter_get_annotation_at    (CcHighlighter *self,
                                                    guint          offset);

const char    *cc_highlighter_get_last_color       (CcHighlighter *self);
/* Highlights the selection (trimmed of surrounding white space) with
 * @color (NULL: the last colour used). Returns the annotation (owned), or
 * NULL with @error set. */
CcAnnotation  *cc_highlighter_highlight_selection  (CcHighlighter *self,
                                                    const char    *color,
                                                    GError       **error);
/* Opens the note popover on the highlighted annotation @uuid of the
 * current document. Returns FALSE if it is not shown. */
gboolean       cc_highlighter_open_annotation      (CcHighlighter *self,
                                                    const char    *uuid,
                                                    gboolean       focus_note);
/* The same, once the view has been laid out and drawn (after opening a
 * document or scrolling). */
void           cc_highlighter_open_annotation_later (CcHighlighter *self,
                                                     const char    *uuid);
GtkPopover    *cc_highlighter_get_annotation_popover (CcHighlighter *self);
/* Shows the colour bar over the selection (as after a mouse selection).
 * Returns FALSE when there is no selection. */
gboolean       cc_highlighter_popup_selection_bar  (CcHighlighter *self);
GtkPopover    *cc_highlighter_get_selection_bar    (CcHighlighter *self);

/* Loads the stylesheet of the notes UI (colour swatches, chips) once per
 * display. */
void           cc_highlighter_ensure_style         (GdkDisplay    *display);

G_END_DECLS
