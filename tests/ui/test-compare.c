/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "cc-annotation-store.h"
#include "cc-application.h"
#include "cc-compare-view-private.h"
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

/* Both panes show the values of the current disagreement: a jump settles
 * over a few frames, more on a loaded machine. */
static gboolean
current_values_visible (gpointer data)
{
  CcCompareView *view = data;
  int current = cc_compare_view_get_current (view);
  const CcDisagreement *d;

  if (current < 0)
    return FALSE;
  d = cc_compare_view_get_disagreement (view, current);
  return offset_visible (cc_compare_view_get_reader (view, 0), d->value_a_start) &&
         offset_visible (cc_compare_view_get_reader (view, 1), d->value_b_start);
}

static double
vvalue (CcReaderView *reader)
{
  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (
    GTK_SCROLLABLE (cc_reader_view_get_text_view (reader))));
}

static gboolean
span_holds (int   start,
            int   end,
            guint offset)
{
  return start >= 0 && (guint)start <= offset && offset < (guint)end;
}

/* Every disagreement the engine found is marked in both texts, in its
 * kind's colour, inside a pair of lined-up passages that differs; a pair
 * differs only when a disagreement lies in it. */
static void
check_marks (CcCompareView *view)
{
  GPtrArray *pairs = cc_compare_view_get_pairs (view);
  guint n = cc_compare_view_get_n_disagreements (view);
  g_autoptr(GHashTable) differing = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint n_differs = 0;

  for (guint k = 0; k < n; k++)
    {
      const CcDisagreement *d = cc_compare_view_get_disagreement (view, k);
      int index = cc_compare_view_get_disagreement_pair (view, k);
      g_autofree char *kind_tag = g_strdup_printf ("cc-compare-%s",
                                                   cc_disagreement_kind_to_string (d->kind));
      const CcAlignPair *pair;

      g_assert_cmpint (index, >=, 0);
      g_assert_cmpint (index, <, (int)pairs->len);
      pair = g_ptr_array_index (pairs, index);
      g_assert_cmpint (pair->status, ==, CC_ALIGN_DIFFERS);
      g_assert_true (span_holds (pair->a_start, pair->a_end, d->value_a_start));
      g_assert_true (span_holds (pair->b_start, pair->b_end, d->value_b_start));
      g_assert_cmpuint (d->value_a_end, >, d->value_a_start);
      g_assert_cmpuint (d->value_b_end, >, d->value_b_start);
      g_assert_true (offset_has_tag (cc_compare_view_get_reader (view, 0), d->value_a_start,
                                     "cc-compare-value"));
      g_assert_true (offset_has_tag (cc_compare_view_get_reader (view, 1), d->value_b_start,
                                     "cc-compare-value"));
      g_assert_true (offset_has_tag (cc_compare_view_get_reader (view, 0), d->value_a_end - 1,
                                     kind_tag));
      g_assert_true (offset_has_tag (cc_compare_view_get_reader (view, 1), d->value_b_end - 1,
                                     kind_tag));
      g_hash_table_add (differing, GINT_TO_POINTER (index + 1));
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      const CcAlignPair *pair = g_ptr_array_index (pairs, i);

      if (pair->status == CC_ALIGN_DIFFERS)
        {
          n_differs++;
          g_assert_true (g_hash_table_contains (differing, GINT_TO_POINTER (i + 1)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (differing), ==, n_differs);
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
   * around, and show each in both panes, at its values. */
  g_assert_cmpint (cc_compare_view_get_current (view), ==, -1);
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.next-disagreement", NULL);
  g_assert_cmpint (cc_compare_view_get_current (view), ==, 0);
  pair = current_pair (view);
  g_assert_cmpint (pair->status, ==, CC_ALIGN_DIFFERS);
  g_assert_cmpint (cc_connector_strip_get_current (cc_compare_view_get_strip (view)), ==,
                   cc_compare_view_get_disagreement_pair (view, 0));
  g_assert_true (cc_ui_test_wait_for (current_values_visible, view));
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
test_fact_row_title (void)
{
  static const struct { const char *subject, *attribute, *kind, *title; } cases[] = {
    { "Tarn Ferry", "km", "numeric", "Tarn Ferry" },
    { "", "km", "numeric", "Figure (km)" },
    { "", "name", "naming", "Name" },
    { "", "", "date", "Date" },
    { "", "seats", "", "Seats" },
    { "", "km", "", "km" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CcFactRow) row = cc_fact_row_new ("k", cases[i].subject, cases[i].attribute,
                                                  cases[i].kind, CC_VERDICT_CONFLICT);
      g_autofree char *title = cc_fact_row_dup_title (row);

      g_assert_cmpstr (title, ==, cases[i].title);
    }
  /* nothing named at all: the value a source gives */
  {
    const char *text = "The crossing took 41 minutes.";
    g_autoptr(CcFactRow) row = cc_fact_row_new ("k", "", "", "", CC_VERDICT_AGREE);
    g_autofree char *title = NULL;

    cc_fact_row_add_quote (row, 1, 0, (guint) g_utf8_strlen (text, -1), text, 18, 28);
    title = cc_fact_row_dup_title (row);
    g_assert_cmpstr (title, ==, "41 minutes");
  }
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
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(CcFactRow) row = g_list_model_get_item (rows, i);

      /* A row is lined up across documents, each quote with its parts
       * marked. */
      g_assert_cmpuint (cc_fact_row_get_n_documents (row), >=, 2);
      /* every row is headed by its subject or a phrase of its own */
      {
        g_autofree char *title = cc_fact_row_dup_title (row);

        g_assert_cmpstr (title, !=, "");
        if (*cc_fact_row_get_subject (row) != '\0')
          g_assert_cmpstr (title, ==, cc_fact_row_get_subject (row));
        else
          g_assert_null (strstr (title, "subject"));
      }
      if (cc_fact_row_get_verdict (row) == CC_VERDICT_CONFLICT)
        {
          n_conflicts++;
          if (conflict == NULL)
            conflict = g_object_ref (row);
          g_assert_cmpstr (cc_fact_row_get_kind (row), !=, "");
        }
      else
        {
          g_assert_cmpint (cc_fact_row_get_verdict (row), ==, CC_VERDICT_AGREE);
        }
    }
  g_assert_cmpuint (n_conflicts, >, 0);
  /* Conflicts come first. */
  {
    g_autoptr(CcFactRow) first = g_list_model_get_item (rows, 0);

    g_assert_cmpint (cc_fact_row_get_verdict (first), ==, CC_VERDICT_CONFLICT);
  }

  /* Conflicts only, at first. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_conflicts);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CcFactRow) row = g_list_model_get_item (shown, i);

      g_assert_cmpint (cc_fact_row_get_verdict (row), ==, CC_VERDICT_CONFLICT);
    }
  cc_facts_view_set_conflicts_only (view, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_rows);

  /* Search: by what a quote says, case-insensitively. */
  {
    GListModel *documents = cc_window_get_documents (window);

    for (guint i = 0; i < g_list_model_get_n_items (documents) && needle == NULL; i++)
      {
        g_autoptr(CcDocument) document = g_list_model_get_item (documents, i);
        g_autoptr(GPtrArray) quotes = cc_fact_row_get_quotes_for (conflict, cc_document_get_id (document));

        if (quotes->len > 0)
          {
            g_autofree char *values = cc_fact_quote_dup_values (g_ptr_array_index (quotes, 0));

            g_assert_cmpstr (values, !=, "");
            needle = g_utf8_strup (values, -1);
          }
      }
    g_assert_nonnull (needle);
  }
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
        g_autoptr(GPtrArray) quotes = cc_fact_row_get_quotes_for (conflict, cc_document_get_id (document));
        GtkTextBuffer *buffer;
        GtkTextIter start, end;
        const CcFactQuote *claim;

        if (quotes->len == 0)
          {
            g_assert_false (cc_facts_view_open_cell (view, conflict, cc_document_get_id (document)));
            continue;
          }
        claim = g_ptr_array_index (quotes, 0);
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

/* Two short articles written for this test: one report, where the second
 * source gives another figure (421 cables), spells the engineer's name
 * another way (Okonkwu) and gives another date (March 13); the rest agrees
 * in other words ("about" / "roughly" 60,000 vehicles). */
static const char harbour_post[] =
  "Harbour Bridge Reopens After Repairs\n"
  "By Lena Vos, Harbour Post\n"
  "May 6, 2026\n"
  "\n"
  "The Lindqvist Harbour Bridge reopened to traffic on Tuesday after eleven months of repairs, the city's transport department said.\n"
  "\n"
  "Engineers from the Roads & Bridges office replaced 412 steel cables during the works, which cost the city $38 million.\n"
  "\n"
  "The chief engineer, Marta Okonkwo, said the deck had been strengthened to carry heavier lorries.\n"
  "\n"
  "Work began on March 3, 2025, after inspectors found corrosion in the main span.\n"
  "\n"
  "The bridge carries about 60,000 vehicles a day, and cyclists will get a new lane in the autumn.\n";

static const char city_courier[] =
  "Harbour bridge back in service after year of works\n"
  "By Tomas Berg, City Courier\n"
  "May 6, 2026\n"
  "\n"
  "The Lindqvist Harbour Bridge reopened to traffic on Tuesday after eleven months of repairs, according to the transport department.\n"
  "\n"
  "Engineers from the Roads & Bridges office replaced 421 steel cables during the works, which cost the city $38 million.\n"
  "\n"
  "The chief engineer, Marta Okonkwu, said the deck had been strengthened to carry heavier lorries.\n"
  "\n"
  "Work began on March 13, 2025, after inspectors found corrosion in the main span.\n"
  "\n"
  "The bridge carries roughly 60,000 vehicles each day, and cyclists will get a new lane in the autumn.\n";

/* A third source, which gives a third figure and agrees with the first on
 * the name and the date. */
static const char evening_star[] =
  "Bridge open again\n"
  "By Ana Ruiz, Evening Star\n"
  "May 6, 2026\n"
  "\n"
  "The Lindqvist Harbour Bridge reopened to traffic on Tuesday after eleven months of repairs, the city's transport department said.\n"
  "\n"
  "Engineers from the Roads & Bridges office replaced 430 steel cables during the works, which cost the city $38 million.\n"
  "\n"
  "The chief engineer, Marta Okonkwo, said the deck had been strengthened to carry heavier lorries.\n"
  "\n"
  "Work began on March 3, 2025, after inspectors found corrosion in the main span.\n"
  "\n"
  "The bridge carries about 60,000 vehicles a day, and cyclists will get a new lane in the autumn.\n";

/* The differing parts of each article, and the kind each is of. */
static const struct
{
  const char *left;
  const char *right;
  const char *kind;
} differences[] = {
  { "412", "421", "numeric" },
  { "Okonkwo", "Okonkwu", "naming" },
  { "March 3,", "March 13", "date" },
};

typedef struct
{
  guint start;
  guint end;
  char *text;
} Range;

static void
range_clear (gpointer data)
{
  g_free (((Range *)data)->text);
}

/* The ranges of the buffer tagged @tag_name. */
static GArray *
tagged_ranges (CcReaderView *reader,
               const char   *tag_name)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  GtkTextIter iter, end;

  g_array_set_clear_func (ranges, range_clear);
  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) ||
         gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      Range range;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      range.start = gtk_text_iter_get_offset (&iter);
      range.end = gtk_text_iter_get_offset (&end);
      range.text = gtk_text_iter_get_text (&iter, &end);
      g_array_append_val (ranges, range);
      iter = end;
    }
  return ranges;
}

static guint
offset_of (CcReaderView *reader,
           const char   *needle)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextIter start, match;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, &match, NULL, NULL));
  return gtk_text_iter_get_offset (&match);
}

static CcDocument *
document_named (CcWindow   *window,
                const char *basename)
{
  GListModel *documents = cc_window_get_documents (window);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CcDocument) document = g_list_model_get_item (documents, i);

      if (g_strcmp0 (cc_document_get_basename (document), basename) == 0)
        return g_steal_pointer (&document);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Compare marks exactly the differing parts, in both texts, each in its
 * kind's colour. */
static void
check_engine_marks (CcCompareView *view,
                    guint          side)
{
  CcReaderView *reader = cc_compare_view_get_reader (view, side);
  g_autoptr(GArray) ranges = tagged_ranges (reader, "cc-compare-value");

  g_assert_cmpuint (ranges->len, ==, G_N_ELEMENTS (differences));
  for (guint i = 0; i < G_N_ELEMENTS (differences); i++)
    {
      const char *needle = side == 0 ? differences[i].left : differences[i].right;
      g_autofree char *kind_tag = g_strdup_printf ("cc-compare-%s", differences[i].kind);
      guint at = offset_of (reader, needle);
      guint n_holding = 0;

      for (guint j = 0; j < ranges->len; j++)
        {
          const Range *range = &g_array_index (ranges, Range, j);

          if (range->start <= at && at + g_utf8_strlen (needle, -1) <= range->end)
            {
              n_holding++;
              /* A value, not its sentence. */
              g_assert_cmpuint (range->end - range->start, <=, 20);
              g_assert_true (offset_has_tag (reader, range->start, kind_tag));
            }
        }
      g_assert_cmpuint (n_holding, ==, 1);
    }
  /* What both say alike is not marked. */
  g_assert_false (offset_has_tag (reader, offset_of (reader, "60,000"), "cc-compare-value"));
  g_assert_false (offset_has_tag (reader, offset_of (reader, "$38"), "cc-compare-value"));
}

static const CcFactQuote *
only_quote (CcFactRow  *row,
            CcDocument *document)
{
  g_autoptr(GPtrArray) quotes = cc_fact_row_get_quotes_for (row, cc_document_get_id (document));

  g_assert_cmpuint (quotes->len, ==, 1);
  return g_ptr_array_index (quotes, 0);
}

static void
test_compare_engine (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *folder = g_build_filename (tmp, "articles", NULL);
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  const char *paths[] = { folder, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDocument) left = NULL;
  g_autoptr(CcDocument) right = NULL;
  CcWindow *window = cc_window_new (ADW_APPLICATION (app));
  CcCompareView *view;
  CcFactsView *facts;
  GPtrArray *pairs;
  guint n_differs = 0, n_conflicts = 0, n_agree = 0, n_rows;
  gboolean seen[G_N_ELEMENTS (differences)] = { FALSE, };

  g_free (cc_test_write_file (folder, "bridge-harbour-post.txt", harbour_post, -1));
  g_free (cc_test_write_file (folder, "bridge-city-courier.txt", city_courier, -1));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);
  cc_window_import_paths (window, paths);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  left = document_named (window, "bridge-harbour-post.txt");
  right = document_named (window, "bridge-city-courier.txt");

  view = CC_COMPARE_VIEW (find_child (cc_window_get_compare_page (window), CC_TYPE_COMPARE_VIEW));
  adw_view_stack_set_visible_child_name (window->main_stack, "compare");
  cc_compare_view_set_documents (view, left, right);
  g_assert_true (cc_ui_test_wait_for (compare_done, view));
  check_marks (view);
  g_assert_cmpuint (cc_compare_view_get_n_disagreements (view), ==, G_N_ELEMENTS (differences));
  check_engine_marks (view, 0);
  check_engine_marks (view, 1);

  /* Each disagreement is in its own pair of passages, which the strip
   * draws as differing; the passages that agree are paired too. */
  pairs = cc_compare_view_get_pairs (view);
  for (guint i = 0; i < pairs->len; i++)
    if (((CcAlignPair *)g_ptr_array_index (pairs, i))->status == CC_ALIGN_DIFFERS)
      n_differs++;
  g_assert_cmpuint (n_differs, ==, G_N_ELEMENTS (differences));
  {
    guint a = offset_of (cc_compare_view_get_reader (view, 0), "60,000");
    guint b = offset_of (cc_compare_view_get_reader (view, 1), "60,000");
    gboolean found = FALSE;

    for (guint i = 0; i < pairs->len; i++)
      {
        const CcAlignPair *pair = g_ptr_array_index (pairs, i);

        if (span_holds (pair->a_start, pair->a_end, a))
          {
            g_assert_true (span_holds (pair->b_start, pair->b_end, b));
            g_assert_cmpint (pair->status, ==, CC_ALIGN_SAME);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* The list names each disagreement's kind and both values; choosing one
   * shows it in both panes and in the strip. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (view->disagreement_list, 1);
    const CcDisagreement *d = cc_compare_view_get_disagreement (view, 1);
    const char *tooltip;

    g_assert_nonnull (row);
    g_assert_null (gtk_list_box_get_row_at_index (view->disagreement_list,
                                                  G_N_ELEMENTS (differences)));
    tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (row));
    g_assert_nonnull (strstr (tooltip, d->value_a));
    g_assert_nonnull (strstr (tooltip, d->value_b));
    g_signal_emit_by_name (view->disagreement_list, "row-activated", row);
    g_assert_cmpint (cc_compare_view_get_current (view), ==, 1);
    g_assert_cmpint (cc_connector_strip_get_current (cc_compare_view_get_strip (view)), ==,
                     cc_compare_view_get_disagreement_pair (view, 1));
    g_assert_true (offset_has_tag (cc_compare_view_get_reader (view, 0), d->value_a_start,
                                   "cc-compare-focus"));
    g_assert_true (offset_has_tag (cc_compare_view_get_reader (view, 1), d->value_b_start,
                                   "cc-compare-focus"));
  }
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), "compare-engine.png");

  /* Facts: one row per disagreement, with both sources' own sentences and
   * the differing parts marked; then the facts they agree on. */
  facts = CC_FACTS_VIEW (find_child (cc_window_get_facts_page (window), CC_TYPE_FACTS_VIEW));
  adw_view_stack_set_visible_child_name (window->main_stack, "facts");
  cc_facts_view_refresh (facts);
  g_assert_true (cc_ui_test_wait_for (facts_done, facts));
  n_rows = g_list_model_get_n_items (cc_facts_view_get_rows (facts));
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(CcFactRow) row = g_list_model_get_item (cc_facts_view_get_rows (facts), i);
      const CcFactQuote *qa = only_quote (row, left);
      const CcFactQuote *qb = only_quote (row, right);
      g_autofree char *va = cc_fact_quote_dup_values (qa);
      g_autofree char *vb = cc_fact_quote_dup_values (qb);
      gboolean matched = FALSE;

      g_assert_cmpuint (cc_fact_row_get_n_documents (row), ==, 2);
      g_assert_cmpuint (qa->marks->len, >=, 1);
      g_assert_cmpuint (qb->marks->len, >=, 1);
      if (cc_fact_row_get_verdict (row) != CC_VERDICT_CONFLICT)
        {
          g_assert_cmpint (cc_fact_row_get_verdict (row), ==, CC_VERDICT_AGREE);
          n_agree++;
          continue;
        }
      n_conflicts++;
      for (guint k = 0; k < G_N_ELEMENTS (differences); k++)
        if (strstr (va, differences[k].left) != NULL)
          {
            g_autofree char *markup = cc_fact_quote_to_markup (qa, "weight='bold'", 0);
            g_autofree char *plain = NULL;
            g_autofree char *marked = g_strdup_printf ("<span weight='bold'>%s", va);

            g_assert_false (seen[k]);
            seen[k] = matched = TRUE;
            g_assert_nonnull (strstr (vb, differences[k].right));
            g_assert_cmpstr (cc_fact_row_get_kind (row), ==, differences[k].kind);
            /* Each source's own sentence, marked and escaped. */
            g_assert_nonnull (strstr (qa->text, differences[k].left));
            g_assert_nonnull (strstr (qb->text, differences[k].right));
            g_assert_nonnull (strstr (markup, marked));
            g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &plain, NULL, NULL));
            g_assert_cmpstr (plain, ==, qa->text);
          }
      g_assert_true (matched);
    }
  g_assert_cmpuint (n_conflicts, ==, G_N_ELEMENTS (differences));
  g_assert_cmpuint (n_agree, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cc_facts_view_get_shown_rows (facts)), ==, n_conflicts);
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), "facts-engine.png");
  cc_facts_view_set_conflicts_only (facts, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (cc_facts_view_get_shown_rows (facts)), ==, n_rows);

  close_window (window, g_steal_pointer (&tmp));
}

/* Facts joins the engine's pairs into one row per fact: three sources that
 * each give another figure make one row with three quotes, not three rows
 * of two; where two agree against the third, the row still holds all
 * three, each with its own part marked. */
static void
test_facts_groups (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *folder = g_build_filename (tmp, "articles", NULL);
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  const char *paths[] = { folder, NULL };
  const char *names[] = { "bridge-harbour-post.txt", "bridge-city-courier.txt", "bridge-evening-star.txt" };
  const char *figures[] = { "412", "421", "430" };
  g_autoptr(GError) error = NULL;
  CcWindow *window = cc_window_new (ADW_APPLICATION (app));
  CcDocument *documents[3];
  CcFactsView *facts;
  guint n_conflicts = 0;
  gboolean figure_row = FALSE;

  g_free (cc_test_write_file (folder, names[0], harbour_post, -1));
  g_free (cc_test_write_file (folder, names[1], city_courier, -1));
  g_free (cc_test_write_file (folder, names[2], evening_star, -1));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);
  cc_window_import_paths (window, paths);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    documents[i] = document_named (window, names[i]);

  facts = CC_FACTS_VIEW (find_child (cc_window_get_facts_page (window), CC_TYPE_FACTS_VIEW));
  adw_view_stack_set_visible_child_name (window->main_stack, "facts");
  g_assert_true (cc_ui_test_wait_for (facts_done, facts));
  for (guint i = 0; i < g_list_model_get_n_items (cc_facts_view_get_rows (facts)); i++)
    {
      g_autoptr(CcFactRow) row = g_list_model_get_item (cc_facts_view_get_rows (facts), i);

      if (cc_fact_row_get_verdict (row) != CC_VERDICT_CONFLICT)
        continue;
      n_conflicts++;
      g_assert_cmpuint (cc_fact_row_get_n_documents (row), ==, G_N_ELEMENTS (names));
      if (g_strcmp0 (cc_fact_row_get_kind (row), "numeric") != 0)
        continue;
      figure_row = TRUE;
      for (guint d = 0; d < G_N_ELEMENTS (names); d++)
        {
          g_autofree char *values = cc_fact_quote_dup_values (only_quote (row, documents[d]));

          g_assert_nonnull (strstr (values, figures[d]));
        }
    }
  g_assert_true (figure_row);
  g_assert_cmpuint (n_conflicts, ==, G_N_ELEMENTS (differences));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (documents[i]);
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
  g_test_add_func ("/crosscheck/ui/facts/row-title", test_fact_row_title);
  g_test_add_func ("/crosscheck/ui/facts/matrix-filter-open-note", test_facts_view);
  g_test_add_func ("/crosscheck/ui/compare/engine-marks-facts-quotes", test_compare_engine);
  g_test_add_func ("/crosscheck/ui/facts/engine-groups", test_facts_groups);

  ret = g_test_run ();

  g_clear_object (&app);
  cc_test_tmpdir_free (g_steal_pointer (&home));
  return ret;
}
