/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-compare-view.h"
#include "cc-highlighter.h"

G_BEGIN_DECLS

/* Where, as a fraction of the view's height, the passages are kept level
 * (the same place cc_reader_view_scroll_to_offset() puts its target). */
#define LEVEL_AT 0.3

typedef struct
{
  int a;
  int b;
} Anchor;

struct _CcCompareView
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkDropDown      *left_dropdown;
  GtkDropDown      *right_dropdown;
  GtkStack         *stack;
  AdwStatusPage    *error_page;
  CcReaderView     *left_reader;
  CcReaderView     *right_reader;
  CcConnectorStrip *strip;
  GtkSpinner       *spinner;
  GtkLabel         *summary_label;
  GtkMenuButton    *list_button;
  GtkPopover       *list_popover;
  GtkListBox       *disagreement_list;

  /* Borrowed */
  CcSession        *session;         /* owned: the library, story and documents */
  CcStore          *store;           /* weak: the library the documents are from */

  /* Owned */
  CcDocument       *left;
  CcDocument       *right;
  GCancellable     *cancellable;
  GPtrArray        *pairs;           /* CcAlignPair */
  GArray           *disagreements;   /* guint: indexes into pairs */
  GArray           *anchors;         /* Anchor: a monotone chain */
  CcHighlighter    *highlighters[2];
  CcUndoStack      *undo;            /* weak */

  int               current;         /* into disagreements */
  guint             syncing;
  guint             jump_ticks;
  guint             jump_tick_id;
  guint             sync_tick_id;
  guint             sync_driver;
  guint             updating_dropdowns : 1;
  guint             busy : 1;
};

/* cc-compare-view-scroll.c: synchronised scrolling */
void _cc_compare_view_build_anchors     (CcCompareView *self);
void _cc_compare_view_queue_sync        (CcCompareView *self,
                                         guint          driver);
void _cc_compare_view_stop_sync         (CcCompareView *self);
void _cc_compare_view_connect_scrolling (CcCompareView *self);

G_END_DECLS
