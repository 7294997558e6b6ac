/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-compare-view.h"
#include "cc-disagreements.h"
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

/* What the worker thread finds for the two documents shown. */
typedef struct
{
  GPtrArray            *pairs;    /* CcAlignPair: the passages lined up */
  CcDisagreementReport *report;   /* the engine's, texts (left, right); NULL
                                   * for a document against itself */
  GArray               *pair_of;  /* guint per disagreement: its pair */
} CcCompareResult;

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
  CcCompareResult  *result;          /* owns pairs and the disagreements */
  GArray           *anchors;         /* Anchor: a monotone chain */
  CcHighlighter    *highlighters[2];
  CcUndoStack      *undo;            /* weak */

  int               current;         /* into the report's disagreements */
  guint             syncing;
  guint             jump_ticks;      /* frames left of the quiet after a jump */
  guint             jump_still;      /* frames in which neither pane moved */
  double            jump_values[2];  /* the panes' scroll positions last frame */
  guint             jump_tick_id;
  int               jump_offsets[2]; /* where the panes go (-1: nowhere) */
  guint             jump_unsized;    /* frames waited for the panes' size */
  guint             sync_tick_id;
  guint             sync_driver;
  guint             updating_dropdowns : 1;
  guint             busy : 1;
};

/* cc-compare-view-engine.c: the comparison, off the main thread */
void             _cc_compare_result_free (CcCompareResult     *result);
void             _cc_compare_run_async   (CcStore             *store,
                                          CcDocument          *a,
                                          CcDocument          *b,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
CcCompareResult *_cc_compare_run_finish  (CcStore             *store,
                                          GAsyncResult        *result,
                                          GError             **error);
const char      *_cc_compare_kind_label  (CcDisagreementKind   kind);
char            *_cc_compare_describe    (const CcDisagreement *d);

/* cc-compare-view-scroll.c: synchronised scrolling */
void _cc_compare_view_build_anchors     (CcCompareView *self);
void _cc_compare_view_queue_sync        (CcCompareView *self,
                                         guint          driver);
void _cc_compare_view_stop_sync         (CcCompareView *self);
void _cc_compare_view_connect_scrolling (CcCompareView *self);

G_END_DECLS
