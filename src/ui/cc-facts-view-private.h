/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-conflict-notes.h"
#include "cc-disagreements.h"
#include "cc-facts-view.h"

G_BEGIN_DECLS

struct _CcFactsView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkSearchEntry    *search_entry;
  GtkToggleButton   *conflicts_toggle;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  AdwStatusPage     *loading_page;
  AdwStatusPage     *error_page;
  GtkProgressBar    *progress_bar;
  GtkColumnView     *column_view;
  GtkLabel          *summary_label;

  /* Borrowed */
  CcSession         *session;       /* owned: the library and story */

  /* Owned */
  GListStore        *rows;          /* CcFactRow */
  GtkCustomFilter   *filter;
  GtkFilterListModel *filtered;
  GPtrArray         *columns;       /* GtkColumnViewColumn of the documents */
  GtkColumnViewColumn *fact_column;
  GCancellable      *cancellable;
  GTask             *task;          /* the computation under way */
  char              *search;        /* casefolded, nullable */
  guint              progress_id;

  guint              conflicts_only : 1;
  guint              dirty : 1;
  guint              busy : 1;
};

/* cc-facts-view.c */
CcStore *_cc_facts_view_get_store         (CcFactsView              *self);

/* cc-facts-view-groups.c: the rows (CcFactRow) from the engine's report
 * on @documents (@texts their texts), disagreements first, then with
 * @with_agreements the lined-up facts they agree on; in the worker thread */
GPtrArray *_cc_facts_view_build_rows      (const CcDisagreementReport *report,
                                           GPtrArray                  *documents,
                                           const char * const         *texts,
                                           gboolean                    with_agreements,
                                           GCancellable               *cancellable);

/* cc-facts-view-cells.c: the cells of the matrix and the notes on facts */
void     _cc_facts_view_setup_fact_cell   (GtkSignalListItemFactory *factory,
                                           GtkListItem              *item,
                                           CcFactsView              *self);
void     _cc_facts_view_bind_fact_cell    (GtkSignalListItemFactory *factory,
                                           GtkListItem              *item,
                                           gpointer                  user_data);
void     _cc_facts_view_unbind_fact_cell  (GtkSignalListItemFactory *factory,
                                           GtkListItem              *item,
                                           gpointer                  user_data);
void     _cc_facts_view_setup_value_cell  (GtkSignalListItemFactory *factory,
                                           GtkListItem              *item,
                                           gpointer                  user_data);
void     _cc_facts_view_bind_value_cell   (GtkSignalListItemFactory *factory,
                                           GtkListItem              *item,
                                           CcFactsView              *self);
void     _cc_facts_view_unbind_value_cell (GtkSignalListItemFactory *factory,
                                           GtkListItem              *item,
                                           gpointer                  user_data);

G_END_DECLS
