/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-connector-strip.h"
#include "cc-disagreements.h"
#include "cc-reader-view.h"
#include "cc-session.h"
#include "cc-undo-stack.h"

G_BEGIN_DECLS

#define CC_TYPE_COMPARE_VIEW (cc_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (CcCompareView, cc_compare_view, CC, COMPARE_VIEW, GtkWidget)

/* The Compare view: two documents of the session's current story side by side,
 * compared off the main thread: the passages lined up
 * (cc_align_documents()) and the disagreements the engine finds between
 * them (cc_disagreements_find()). Synchronised scrolling keeps lined-up
 * passages level, a connector strip between the panes joins each passage
 * to its partner (highlighted where they disagree), the differing parts
 * are marked in both texts in a colour per kind (tags "cc-compare-value"
 * and "cc-compare-numeric", "-date", "-naming", "-claim"), and the
 * disagreements can be gone through (Alt+Down / Alt+Up, a list that names
 * the kind and both values).
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

/* The passages lined up (GPtrArray of CcAlignPair), or NULL: a pair is
 * CC_ALIGN_DIFFERS when a disagreement lies in it, its marks the values. */
GPtrArray     *cc_compare_view_get_pairs           (CcCompareView  *self);
/* The disagreements found, in the order of the left text (doc_a is the
 * left document, doc_b the right one). */
guint          cc_compare_view_get_n_disagreements (CcCompareView  *self);
const CcDisagreement *cc_compare_view_get_disagreement (CcCompareView *self,
                                                        guint          index);
/* The index among the pairs of the one the disagreement lies in. */
int            cc_compare_view_get_disagreement_pair (CcCompareView *self,
                                                      guint          index);
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
