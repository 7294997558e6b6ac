/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-document.h"
#include "cc-sentences.h"
#include "cc-store.h"

G_BEGIN_DECLS

#define CC_TYPE_READER_VIEW (cc_reader_view_get_type ())
G_DECLARE_FINAL_TYPE (CcReaderView, cc_reader_view, CC, READER_VIEW, GtkWidget)

/* The reading view: a read-only GtkTextView showing one document's stored
 * text exactly (the title is the first line of that text, styled as a
 * heading; nothing is inserted), so buffer character offsets are the
 * document's character offsets.
 *
 * Properties: "document" (CcDocument*, nullable, notified when it changes:
 * connect to "notify::document"), "text-size" (double, points scale 0.5-3.0,
 * 1.0 = default).
 *
 * Signal "document-changed" (no arguments): emitted after a new document's
 * text is in the buffer (also when set to NULL). Panels connect to it to
 * re-apply their tags. */

GtkWidget     *cc_reader_view_new               (void);

/* Loads the text with cc_store_load_text() (cached in the document). Returns
 * FALSE and sets @error if the text cannot be loaded; the view is then empty. */
gboolean       cc_reader_view_set_document      (CcReaderView  *self,
                                                 CcStore       *store,
                                                 CcDocument    *document,
                                                 GError       **error);
CcDocument    *cc_reader_view_get_document      (CcReaderView  *self);
GtkTextBuffer *cc_reader_view_get_buffer        (CcReaderView  *self);
GtkTextView   *cc_reader_view_get_text_view     (CcReaderView  *self);
/* Whether a line over the text names outlet, author, date and link (off
 * by default: the Read view shows it, Compare's panes have headers). */
void           cc_reader_view_set_show_source   (CcReaderView  *self,
                                                 gboolean       show);

/* Scrolls so the character at @offset is visible (placed about a third down
 * the view) and selects @select_length characters from it (0: just moves the
 * cursor there). Offsets past the end are clamped. */
void           cc_reader_view_scroll_to_offset  (CcReaderView  *self,
                                                 guint          offset,
                                                 guint          select_length);

/* Applies the tag named @tag_name (created in the buffer's tag table if it
 * does not exist yet; define its look with cc_reader_view_ensure_tag() or by
 * looking it up and setting properties) to each range. Ranges are character
 * offsets (end exclusive), clamped to the text. Does not clear earlier
 * ranges of the same tag: call cc_reader_view_clear_ranges() first. */
void           cc_reader_view_mark_ranges       (CcReaderView  *self,
                                                 const char    *tag_name,
                                                 const CcSpan  *ranges,
                                                 guint          n_ranges);
void           cc_reader_view_clear_ranges      (CcReaderView  *self,
                                                 const char    *tag_name);
/* Returns the tag named @tag_name, creating it (with no properties set) if
 * needed. Owned by the buffer's tag table. */
GtkTextTag    *cc_reader_view_ensure_tag        (CcReaderView  *self,
                                                 const char    *tag_name);

/* Text size (1.0 = default, clamped to 0.5-3.0); the window binds it to the
 * "text-size" setting and provides the zoom actions (win.zoom-in,
 * win.zoom-out, win.zoom-reset: Ctrl+plus, Ctrl+minus, Ctrl+0). */
double         cc_reader_view_get_text_size     (CcReaderView  *self);
void           cc_reader_view_set_text_size     (CcReaderView  *self,
                                                 double         text_size);

/* Find in document: highlights every case-insensitive match of @needle
 * (NULL or "" clears) with the "cc-find-match" tag and returns the count.
 * cc_reader_view_find_next() moves to the next (@forward) or previous
 * match, selects it and returns its 1-based index (0 when none). */
guint          cc_reader_view_find              (CcReaderView  *self,
                                                 const char    *needle);
guint          cc_reader_view_find_next         (CcReaderView  *self,
                                                 gboolean       forward);
guint          cc_reader_view_get_n_matches     (CcReaderView  *self);
guint          cc_reader_view_get_current_match (CcReaderView  *self);
/* Shows the find bar (prefilled with the selection, if short) and focuses
 * its entry; cc_reader_view_stop_find() hides it and clears the matches. */
void           cc_reader_view_start_find        (CcReaderView  *self);
void           cc_reader_view_stop_find         (CcReaderView  *self);
/* Shows the find bar with @needle, highlights its matches and moves to the
 * first match at or after character @offset. Returns the match count. */
guint          cc_reader_view_find_from         (CcReaderView  *self,
                                                 const char    *needle,
                                                 guint          offset);

G_END_DECLS
