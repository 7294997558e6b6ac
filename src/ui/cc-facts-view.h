/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-fact-row.h"
#include "cc-session.h"

G_BEGIN_DECLS

#define CC_TYPE_FACTS_VIEW (cc_facts_view_get_type ())
G_DECLARE_FINAL_TYPE (CcFactsView, cc_facts_view, CC, FACTS_VIEW, GtkWidget)

/* The Facts view: for the current story, one row per fact the
 * disagreement engine lined up across its documents (CcFactRow), one
 * column per document holding that document's own wording (its quotes),
 * the parts that differ marked and the kind of disagreement named. Rows in
 * which the sources disagree come first and are all that is shown at
 * first; the toggle also shows the lined-up facts they agree on, a search
 * entry filters; clicking a quote shows its sentence in the reader, and a
 * note ("which source is right?") can be kept on a disagreement
 * (conflict_notes, exported with the other notes).
 *
 * The engine runs in a worker thread, with progress, when the view is
 * first shown and again after the library or the story changes.
 *
 * Property "busy" (gboolean, read-only, notified). */

GtkWidget   *cc_facts_view_new            (CcSession   *session);
gboolean     cc_facts_view_get_busy       (CcFactsView *self);
/* Recomputes now (cancelling a computation under way). */
void         cc_facts_view_refresh        (CcFactsView *self);
/* Every row (GListModel of CcFactRow) and the rows shown after filtering. */
GListModel  *cc_facts_view_get_rows       (CcFactsView *self);
GListModel  *cc_facts_view_get_shown_rows (CcFactsView *self);
void         cc_facts_view_set_conflicts_only (CcFactsView *self,
                                               gboolean     conflicts_only);
void         cc_facts_view_set_search     (CcFactsView *self,
                                           const char  *text);
/* The columns of the matrix after the fact column: documents, in order. */
guint        cc_facts_view_get_n_document_columns (CcFactsView *self);
/* Shows the first sentence of @row by the document with @document_id in
 * the reader, selected (what clicking the cell does). */
gboolean     cc_facts_view_open_cell      (CcFactsView *self,
                                           CcFactRow   *row,
                                           gint64       document_id);
/* Saves (or with an empty @note deletes) the note of @row. */
gboolean     cc_facts_view_save_note      (CcFactsView *self,
                                           CcFactRow   *row,
                                           const char  *note,
                                           GError     **error);

G_END_DECLS
