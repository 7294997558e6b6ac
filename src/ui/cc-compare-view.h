/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-connector-strip.h"
#include "cc-reader-view.h"
#include "cc-session.h"
#include "cc-undo-stack.h"

G_BEGIN_DECLS

#define CC_TYPE_COMPARE_VIEW (cc_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (CcCompareView, cc_compare_view, CC, COMPARE_VIEW, GtkWidget)

/* The Compare view: two documents of the session's current story side by side,
 * aligned off the main thread (cc_align_documents_async()), with
 * synchronised scrolling that keeps aligned passages level, a connector
 * strip between the panes, the differing values marked in both texts and
 * navigation between the disagreements (Alt+Down / Alt+Up, a list).
 *
 * Property "busy" (gboolean, read-only, notified): an alignment is running.
 *
 * Actions (group "compare"): "next-disagreement", "previous-disagreement",
 * "swap". */

GtkWidget     *cc_compare_view_new                 (CcSession      *session);

/* Shows @left and @right (either may be NULL) and aligns them. */
void           cc_compare_view_set_documents       (CcCompareView  *self,
                                                    CcDocument     *left,
                                                    CcDocument     *right);
CcDocument    *cc_compare_view_get_left            (CcCompareView  *self);
CcDocument    *cc_compare_view_get_right           (CcCompareView  *self);
void           cc_compare_view_swap                (CcCompareView  *self);
gboolean       cc_compare_view_get_busy            (CcCompareView  *self);

/* The alignment shown (GPtrArray of CcAlignPair), or NULL. */
GPtrArray     *cc_compare_view_get_pairs           (CcCompareView  *self);
guint          cc_compare_view_get_n_disagreements (CcCompareView  *self);
/* Index among the disagreements of the one shown last, -1 for none. */
int            cc_compare_view_get_current         (CcCompareView  *self);
/* Moves to the next (@forward) or previous disagreement, wrapping around;
 * returns FALSE when there is none. */
gboolean       cc_compare_view_go_to_disagreement  (CcCompareView  *self,
                                                    gboolean        forward);
/* 0 for the left pane, 1 for the right one. */
CcReaderView  *cc_compare_view_get_reader          (CcCompareView  *self,
                                                    guint           side);
CcConnectorStrip *cc_compare_view_get_strip        (CcCompareView  *self);
/* Highlighting and notes in both panes (cc-highlighter.h), through @undo
 * (the window's undo stack for annotations). */
void           cc_compare_view_set_undo_stack      (CcCompareView  *self,
                                                    CcUndoStack    *undo);

G_END_DECLS
