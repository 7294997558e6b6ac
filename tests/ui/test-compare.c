/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "cc-annotation-store.h"
#include "cc-application.h"
#include "cc-compare-view.h"
#include "cc-conflict-notes.h"
#include "cc-facts-view.h"
#include "cc-test-util.h"
#include "cc-ui-test.h"
#include "cc-window-private.h"
#include "cc-window.h"

/* GUI tests of the Compare and Facts views on the sample corpus (run under
 * Xvfb). They wait on the main loop for conditions, with an iteration cap,
 * never on time, and check structure (what is marked, where the panes
 * are), never the corpus's own names or numbers. */

static CcApplication *app;

static gboolean
import_finished (gpointer data)
{
  return !cc_window_get_importing (CC_WINDOW (data));
}

static gboolean
compare_done (gpointer data)
{
  CcCompareView *view = data;

  return !cc_compare_view_get_busy (view) && cc_compare_view_get_pairs (view) != NULL;
}

static gboolean
facts_done (gpointer data)
{
  CcFactsView *view = data;

  return !cc_facts_view_get_busy (view) && g_list_model_get_n_items (cc_facts_view_get_rows (view)) > 0;
}

static GtkWidget *
find_child (GtkBox *page,
            GType   type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (page));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
  return NULL;
}

/* A window with a new library holding the sample corpus. */
static CcWindow *
open_sample (char **tmp_out)
{
  const char *paths[] = { cc_test_sample_corpus (), NULL };
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  CcWindow *window = cc_window_new (ADW_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);
  cc_window_import_paths (window, paths);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), >=, 3);

  *tmp_out = g_steal_pointer (&tmp);
  return window;
}

static void
close_window (CcWindow *window,
              char     *tmp)
{
  gtk_window_destroy (GTK_WINDOW (window));
  cc_ui_test_drain ();
  cc_test_tmpdir_free (tmp);
}

static CcDocument *
document_at (CcWindow *window,
             guint     position)
{
  return g_list_model_get_item (cc_window_get_documents (window), position);
}

static gboolean
offset_has_tag (CcReaderView *reader,
                guint         offset,
                const char   *tag_name)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* TRUE when the character at @offset is inside the pane's visible area. */
static gboolean
offset_visible (CcReaderView *reader,
                guint         offset)
{
  GtkTextView *view = cc_reader_view_get_text_view (reader);
  GtkTextIter iter;
  GdkRectangle visible, location;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static double
vvalue (CcReaderView *reader)
{
  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (
    GTK_SCROLLABLE (cc_reader_view_get_text_view (reader))));
}

static void
check_marks (CcCompareView *view)
{
  GPtrArray *pairs = cc_compare_view_get_pairs (view);
  guint n_differs = 0;

  for (guint i = 0; i < pairs->len; i++)
    {
      const CcAlignPair *pair = g_ptr_array_index (pairs, i);

      if (pair->status != CC_ALIGN_DIFFERS)
        continue;
      n_differs++;
      /* The differing values are marked in both texts. */
      for (guint j = 0; pair->a_marks != NULL && j < pair->a_marks->len; j++)
        g_assert_true (offset_has_tag (cc_compare_view_get_reader (view, 0),
                                       g_array_index (pair->a_marks, CcSpan, j).start,
                                       "cc-compare-value"));
      for (guint j = 0; pair->b_marks != NULL && j < pair->b_marks->len; j++)
        g_assert_true (offset_has_tag (cc_compare_view_get_reader (view, 1),
                                       g_array_index (pair->b_marks, CcSpan, j).start,
                                       "cc-compare-value"));
    }
  g_assert_cmpuint (cc_compare_view_get_n_disagreements (view), ==, n_differs);
  g_assert_true (cc_connector_strip_get_pairs (cc_compare_view_get_strip (view)) == pairs);
}

static const CcAlignPair *
current_pair (CcCompareView *view)
{
  GPtrArray *pairs = cc_compare_view_get_pairs (view);
  int current = cc_connector_strip_get_current (cc_compare_view_get_strip (view));

  g_assert_cmpint (current, >=, 0);
  g_assert_cmpint (current, <, (int)pairs->len);
  return g_ptr_array_index (pairs, current);
}

static void
test_compare_view (void)
{
  g_autofree char *tmp = NULL;
  CcWindow *window = open_sample (&tmp);
  CcCompareView *view = CC_COMPARE_VIEW (find_child (cc_window_get_compare_page (window),
                                                     CC_TYPE_COMPARE_VIEW));
  GListModel *documents = cc_window_get_documents (window);
  guint n_documents = g_list_model_get_n_items (documents);
  g_autoptr(CcDocument) left = NULL;
  g_autoptr(CcDocument) right = NULL;
  const CcAlignPair *pair;
  guint n;

  g_assert_nonnull (view);

  /* Shown for the first time, the view compares the first two documents. */
  adw_view_stack_set_visible_child_name (window->main_stack, "compare");
  g_assert_true (cc_ui_test_wait_for (compare_done, view));
  left = document_at (window, 0);
  right = document_at (window, 1);
  g_assert_cmpint (cc_document_get_id (cc_compare_view_get_left (view)), ==, cc_document_get_id (left));
  g_assert_cmpint (cc_document_get_id (cc_compare_view_get_right (view)), ==, cc_document_get_id (right));
  g_assert_true (cc_reader_view_get_document (cc_compare_view_get_reader (view, 0)) ==
                 cc_compare_view_get_left (view));
  g_assert_true (cc_reader_view_get_document (cc_compare_view_get_reader (view, 1)) ==
                 cc_compare_view_get_right (view));
  g_assert_cmpuint (cc_compare_view_get_pairs (view)->len, >, 0);
  check_marks (view);

  /* Find two documents that disagree somewhere (the sample corpus is made
   * of sources that do); "Compare With" is the window action. */
  for (guint i = 0; i < n_documents && cc_compare_view_get_n_disagreements (view) == 0; i++)
    for (guint j = i + 1; j < n_documents && cc_compare_view_get_n_disagreements (view) == 0; j++)
      {
        g_clear_object (&left);
        g_clear_object (&right);
        left = document_at (window, i);
        right = document_at (window, j);
        gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-documents", "(xx)",
                                    cc_document_get_id (left), cc_document_get_id (right));
        g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->main_stack), ==, "compare");
        g_assert_true (cc_compare_view_get_left (view) == left);
        g_assert_true (cc_ui_test_wait_for (compare_done, view));
        check_marks (view);
      }
  n = cc_compare_view_get_n_disagreements (view);
  g_assert_cmpuint (n, >, 0);

  /* Alt+Down / Alt+Up (the actions) go through the disagreements, wrapping
   * around, and show each in both panes. */
  g_assert_cmpint (cc_compare_view_get_current (view), ==, -1);
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.next-disagreement", NULL);
  g_assert_cmpint (cc_compare_view_get_current (view), ==, 0);
  pair = current_pair (view);
  g_assert_cmpint (pair->status, ==, CC_ALIGN_DIFFERS);
  cc_ui_test_wait_for_frames (GTK_WIDGET (view));
  g_assert_true (offset_visible (cc_compare_view_get_reader (view, 0), pair->a_start));
  g_assert_true (offset_visible (cc_compare_view_get_reader (view, 1), pair->b_start));
  g_assert_true (offset_has_tag (cc_compare_view_get_reader (view, 0), pair->a_start,
                                 "cc-compare-current"));

  gtk_widget_activate_action (GTK_WIDGET (view), "compare.previous-disagreement", NULL);
  g_assert_cmpint (cc_compare_view_get_current (view), ==, (int)n - 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.next-disagreement", NULL);
  g_assert_cmpint (cc_compare_view_get_current (view), ==, 0);
  for (guint i = 0; i < n; i++)
    g_assert_true (cc_compare_view_go_to_disagreement (view, TRUE));
  g_assert_cmpint (cc_compare_view_get_current (view), ==, 0);

  /* Swapping sides swaps the documents and finds the same disagreements. */
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.swap", NULL);
  g_assert_true (cc_compare_view_get_left (view) == right);
  g_assert_true (cc_compare_view_get_right (view) == left);
  g_assert_true (cc_ui_test_wait_for (compare_done, view));
  g_assert_cmpuint (cc_compare_view_get_n_disagreements (view), ==, n);
  check_marks (view);

  /* A document compared with itself: everything the same, and the panes
   * scroll together line for line. */
  cc_compare_view_set_documents (view, left, left);
  g_assert_true (cc_ui_test_wait_for (compare_done, view));
  g_assert_cmpuint (cc_compare_view_get_n_disagreements (view), ==, 0);
  for (guint i = 0; i < cc_compare_view_get_pairs (view)->len; i++)
    {
      const CcAlignPair *p = g_ptr_array_index (cc_compare_view_get_pairs (view), i);

      g_assert_cmpint (p->status, ==, CC_ALIGN_SAME);
      g_assert_cmpint (p->a_start, ==, p->b_start);
    }
  g_assert_false (cc_compare_view_go_to_disagreement (view, TRUE));
  cc_ui_test_wait_for_frames (GTK_WIDGET (view));
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (
      GTK_SCROLLABLE (cc_reader_view_get_text_view (cc_compare_view_get_reader (view, 0))));
    double target = (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) / 2;

    g_assert_cmpfloat (target, >, 0);
    gtk_adjustment_set_value (adjustment, target);
    cc_ui_test_wait_for_frames (GTK_WIDGET (view));
    g_assert_cmpfloat (vvalue (cc_compare_view_get_reader (view, 0)), >, 0);
    g_assert_cmpfloat (fabs (vvalue (cc_compare_view_get_reader (view, 1)) -
                             vvalue (cc_compare_view_get_reader (view, 0))), <, 3.0);
  }

  /* Two different documents: scrolling the left pane moves the right one,
   * keeping an aligned passage level. */
  cc_compare_view_set_documents (view, left, right);
  g_assert_true (cc_ui_test_wait_for (compare_done, view));
  cc_ui_test_wait_for_frames (GTK_WIDGET (view));
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (
      GTK_SCROLLABLE (cc_reader_view_get_text_view (cc_compare_view_get_reader (view, 0))));
    double before = vvalue (cc_compare_view_get_reader (view, 1));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    cc_ui_test_wait_for_frames (GTK_WIDGET (view));
    g_assert_cmpfloat (vvalue (cc_compare_view_get_reader (view, 1)), >, before);
  }

  /* Only one side chosen: nothing to align, nothing running. */
  cc_compare_view_set_documents (view, left, NULL);
  g_assert_false (cc_compare_view_get_busy (view));
  g_assert_null (cc_compare_view_get_pairs (view));
  g_assert_cmpuint (cc_compare_view_get_n_disagreements (view), ==, 0);

  /* Changing the selection while an alignment runs cancels it: the last
   * choice wins. */
  cc_compare_view_set_documents (view, left, right);
  cc_compare_view_set_documents (view, right, left);
  g_assert_true (cc_ui_test_wait_for (compare_done, view));
  g_assert_true (cc_compare_view_get_left (view) == right);
  g_assert_cmpuint (cc_compare_view_get_n_disagreements (view), ==, n);

  /* Highlighting works in the compare panes: the left pane's selection
   * becomes an annotation of the left document. */
  {
    CcReaderView *reader = cc_compare_view_get_reader (view, 0);
    GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
    CcStore *store = cc_window_get_store (window);
    gint64 id = cc_document_get_id (cc_compare_view_get_left (view));
    guint before = cc_annotation_store_count (store, id);
    GtkTextIter start, end;

    pair = g_ptr_array_index (cc_compare_view_get_pairs (view), 0);
    g_assert_cmpint (pair->a_start, >=, 0);
    gtk_text_buffer_get_iter_at_offset (buffer, &start, pair->a_start);
    gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (pair->a_end, pair->a_start + 12));
    gtk_text_buffer_select_range (buffer, &start, &end);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "highlight.highlight-color", "s", "yellow"));
    cc_ui_test_drain ();
    g_assert_cmpuint (cc_annotation_store_count (store, id), ==, before + 1);
  }

  /* Importing the same files again keeps the comparison as it is. */
  {
    GPtrArray *before = cc_compare_view_get_pairs (view);
    const char *paths[] = { cc_test_sample_corpus (), NULL };

    cc_window_import_paths (window, paths);
    g_assert_true (cc_ui_test_wait_for (import_finished, window));
    cc_ui_test_drain ();
    g_assert_true (cc_compare_view_get_pairs (view) == before);
    g_assert_false (cc_compare_view_get_busy (view));
  }

  /* Another library: its documents are not these; the view is cleared. */
  {
    g_autofree char *other = g_build_filename (tmp, "other.db", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (cc_window_open_library (window, other, &error));
    g_assert_no_error (error);
    cc_ui_test_drain ();
    g_assert_null (cc_compare_view_get_left (view));
    g_assert_null (cc_compare_view_get_right (view));
    g_assert_null (cc_compare_view_get_pairs (view));
  }

  close_window (window, g_steal_pointer (&tmp));
}

static void
test_facts_view (void)
{
  g_autofree char *tmp = NULL;
  CcWindow *window = open_sample (&tmp);
  CcFactsView *view = CC_FACTS_VIEW (find_child (cc_window_get_facts_page (window),
                                                 CC_TYPE_FACTS_VIEW));
  GListModel *rows, *shown;
  g_autoptr(CcFactRow) conflict = NULL;
  g_autoptr(CcConflictNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *needle = NULL;
  guint n_rows, n_conflicts = 0;

  g_assert_nonnull (view);

  /* Computed in a thread when the view is first shown. */
  adw_view_stack_set_visible_child_name (window->main_stack, "facts");
  g_assert_true (cc_facts_view_get_busy (view));
  g_assert_true (cc_ui_test_wait_for (facts_done, view));
  g_assert_cmpuint (cc_facts_view_get_n_document_columns (view), ==,
                    g_list_model_get_n_items (cc_window_get_documents (window)));

  rows = cc_facts_view_get_rows (view);
  shown = cc_facts_view_get_shown_rows (view);
  n_rows = g_list_model_get_n_items (rows);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(CcFactRow) row = g_list_model_get_item (rows, i);

      if (cc_fact_row_get_verdict (row) == CC_VERDICT_CONFLICT)
        {
          n_conflicts++;
          if (conflict == NULL)
            conflict = g_object_ref (row);
          /* A conflict is between documents. */
          g_assert_cmpuint (cc_fact_row_get_n_documents (row), >=, 2);
        }
    }
  g_assert_cmpuint (n_conflicts, >, 0);
  /* Conflicts come first. */
  {
    g_autoptr(CcFactRow) first = g_list_model_get_item (rows, 0);

    g_assert_cmpint (cc_fact_row_get_verdict (first), ==, CC_VERDICT_CONFLICT);
  }

  /* Conflicts only. */
  cc_facts_view_set_conflicts_only (view, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_conflicts);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CcFactRow) row = g_list_model_get_item (shown, i);

      g_assert_cmpint (cc_fact_row_get_verdict (row), ==, CC_VERDICT_CONFLICT);
    }
  cc_facts_view_set_conflicts_only (view, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_rows);

  /* Search: by the attribute of a row, case-insensitively. */
  needle = g_utf8_strup (cc_fact_row_get_attribute (conflict), -1);
  cc_facts_view_set_search (view, needle);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <=, n_rows);
  cc_facts_view_set_search (view, "no fact is called this \xe2\x80\xa6 zzqx");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  cc_facts_view_set_search (view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_rows);
  cc_ui_test_wait_for_frames (GTK_WIDGET (view));

  /* Clicking a cell opens the sentence in the reader. */
  {
    GListModel *documents = cc_window_get_documents (window);
    gboolean opened = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (documents) && !opened; i++)
      {
        g_autoptr(CcDocument) document = g_list_model_get_item (documents, i);
        g_autoptr(GPtrArray) claims = cc_fact_row_get_claims_for (conflict, cc_document_get_id (document));
        GtkTextBuffer *buffer;
        GtkTextIter start, end;
        const CcClaim *claim;

        if (claims->len == 0)
          {
            g_assert_false (cc_facts_view_open_cell (view, conflict, cc_document_get_id (document)));
            continue;
          }
        claim = g_ptr_array_index (claims, 0);
        g_assert_true (cc_facts_view_open_cell (view, conflict, cc_document_get_id (document)));
        opened = TRUE;
        g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->main_stack), ==, "read");
        g_assert_cmpint (cc_document_get_id (cc_window_get_document (window)), ==,
                         cc_document_get_id (document));
        buffer = cc_reader_view_get_buffer (cc_window_get_reader (window));
        g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
        g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, claim->start);
        g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, claim->end);
      }
    g_assert_true (opened);
  }

  /* A note on a conflict is stored in the library, and removed when
   * emptied. */
  g_assert_true (cc_facts_view_save_note (view, conflict, "Source B quotes the filing", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cc_fact_row_get_note (conflict), ==, "Source B quotes the filing");
  note = cc_conflict_notes_get (cc_window_get_store (window), cc_fact_row_get_key (conflict), &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->note, ==, "Source B quotes the filing");
  g_assert_cmpstr (note->subject, ==, cc_fact_row_get_subject (conflict));
  g_assert_cmpstr (note->attribute, ==, cc_fact_row_get_attribute (conflict));
  g_clear_pointer (&note, cc_conflict_note_free);

  /* The note is found again after recomputing (a stable key). */
  adw_view_stack_set_visible_child_name (window->main_stack, "facts");
  cc_facts_view_refresh (view);
  g_assert_true (cc_ui_test_wait_for (facts_done, view));
  {
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(CcFactRow) row = g_list_model_get_item (rows, i);

        if (g_strcmp0 (cc_fact_row_get_key (row), cc_fact_row_get_key (conflict)) == 0)
          {
            g_assert_cmpstr (cc_fact_row_get_note (row), ==, "Source B quotes the filing");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  g_assert_true (cc_facts_view_save_note (view, conflict, "  ", &error));
  g_assert_no_error (error);
  g_assert_null (cc_fact_row_get_note (conflict));
  note = cc_conflict_notes_get (cc_window_get_store (window), cc_fact_row_get_key (conflict), &error);
  g_assert_no_error (error);
  g_assert_null (note);

  close_window (window, g_steal_pointer (&tmp));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int ret;

  if (!cc_ui_test_init (&argc, &argv, &home))
    {
      cc_test_tmpdir_free (g_steal_pointer (&home));
      return 77;
    }
  app = cc_ui_test_application_new ();

  g_test_add_func ("/crosscheck/ui/compare/align-navigate-swap-scroll", test_compare_view);
  g_test_add_func ("/crosscheck/ui/facts/matrix-filter-open-note", test_facts_view);

  ret = g_test_run ();

  g_clear_object (&app);
  cc_test_tmpdir_free (g_steal_pointer (&home));
  return ret;
}
