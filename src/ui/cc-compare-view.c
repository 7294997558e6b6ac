/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-compare-view-private.h"

#define VALUE_TAG   "cc-compare-value"
#define CURRENT_TAG "cc-compare-current"
#define FOCUS_TAG   "cc-compare-focus"

/* One tag per kind of disagreement, on top of VALUE_TAG, so that each
 * kind has its colour: "cc-compare-numeric", "cc-compare-date", ... */
static const char * const kind_tags[] = {
  [CC_DISAGREEMENT_NUMERIC] = "cc-compare-numeric",
  [CC_DISAGREEMENT_DATE] = "cc-compare-date",
  [CC_DISAGREEMENT_NAMING] = "cc-compare-naming",
  [CC_DISAGREEMENT_CLAIM] = "cc-compare-claim",
};

G_DEFINE_FINAL_TYPE (CcCompareView, cc_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_alignment      (CcCompareView *self);
static void on_library_changed   (CcCompareView *self);
static void on_documents_changing (CcCompareView *self);
static void on_documents_changed  (CcCompareView *self);

GtkWidget *
cc_compare_view_new (CcSession *session)
{
  CcCompareView *self;
  GListModel *documents;

  g_return_val_if_fail (CC_IS_SESSION (session), NULL);

  self = g_object_new (CC_TYPE_COMPARE_VIEW, NULL);
  self->session = g_object_ref (session);
  documents = cc_session_get_documents (session);
  g_signal_connect_object (session, "library-changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  /* The dropdowns pick a position of their own when the list changes: keep
   * the documents chosen here instead (connected before the dropdowns'). */
  g_signal_connect_object (documents, "items-changed",
                           G_CALLBACK (on_documents_changing), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (documents, "items-changed",
                           G_CALLBACK (on_documents_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_drop_down_set_model (self->left_dropdown, documents);
  gtk_drop_down_set_model (self->right_dropdown, documents);
  gtk_drop_down_set_selected (self->left_dropdown, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->right_dropdown, GTK_INVALID_LIST_POSITION);

  return GTK_WIDGET (self);
}

static CcStore *
get_store (CcCompareView *self)
{
  return self->session != NULL ? cc_session_get_store (self->session) : NULL;
}

static void
set_busy (CcCompareView *self,
          gboolean       busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Accessors */

CcDocument *
cc_compare_view_get_left (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), NULL);
  return self->left;
}

CcDocument *
cc_compare_view_get_right (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), NULL);
  return self->right;
}

gboolean
cc_compare_view_get_busy (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), FALSE);
  return self->busy;
}

GPtrArray *
cc_compare_view_get_pairs (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), NULL);
  return self->pairs;
}

guint
cc_compare_view_get_n_disagreements (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), 0);
  if (self->result == NULL || self->result->report == NULL)
    return 0;
  return self->result->report->disagreements->len;
}

const CcDisagreement *
cc_compare_view_get_disagreement (CcCompareView *self,
                                  guint          index)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), NULL);
  if (index >= cc_compare_view_get_n_disagreements (self))
    return NULL;
  return g_ptr_array_index (self->result->report->disagreements, index);
}

int
cc_compare_view_get_disagreement_pair (CcCompareView *self,
                                       guint          index)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), -1);
  if (index >= cc_compare_view_get_n_disagreements (self))
    return -1;
  return (int) g_array_index (self->result->pair_of, guint, index);
}

int
cc_compare_view_get_current (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), -1);
  return self->current;
}

CcReaderView *
cc_compare_view_get_reader (CcCompareView *self,
                            guint          side)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), NULL);
  return side == 0 ? self->left_reader : self->right_reader;
}

CcConnectorStrip *
cc_compare_view_get_strip (CcCompareView *self)
{
  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), NULL);
  return self->strip;
}

void
cc_compare_view_set_undo_stack (CcCompareView *self,
                                CcUndoStack   *undo)
{
  g_return_if_fail (CC_IS_COMPARE_VIEW (self));
  g_return_if_fail (CC_IS_UNDO_STACK (undo));

  /* The highlighters are made when the view is first shown; the stack
   * belongs to the Notes panel. */
  g_set_weak_pointer (&self->undo, undo);
}

static void
ensure_highlighters (CcCompareView *self)
{
  if (self->undo == NULL || self->highlighters[0] != NULL)
    return;
  self->highlighters[0] = cc_highlighter_new (self->left_reader, self->undo);
  self->highlighters[1] = cc_highlighter_new (self->right_reader, self->undo);
}

/* Jumping to a pair sets both panes; the scroll handlers stay quiet while
 * the text views carry out their scrolls: a far target is only reached
 * once the lines before it are laid out, some frames later. The quiet ends
 * when neither pane has moved for a few frames (or after JUMP_TICKS). */
#define JUMP_TICKS 30
#define JUMP_SETTLED 3

static double
pane_value (CcReaderView *reader)
{
  GtkAdjustment *adjustment =
    gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (cc_reader_view_get_text_view (reader)));

  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

/* At most this many frames are waited for the panes to get a size. */
#define JUMP_UNSIZED_MAX 600

static gboolean
pane_unsized (CcCompareView *self)
{
  return gtk_widget_get_height (GTK_WIDGET (cc_reader_view_get_text_view (self->left_reader))) <= 0 ||
         gtk_widget_get_height (GTK_WIDGET (cc_reader_view_get_text_view (self->right_reader))) <= 0;
}

/* The quiet after a jump starts over: JUMP_TICKS frames at most. */
static void
quiet_restart (CcCompareView *self)
{
  self->jump_ticks = JUMP_TICKS;
  self->jump_still = 0;
  self->jump_values[0] = self->jump_values[1] = -1;
}

static gboolean
jump_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  CcCompareView *self = CC_COMPARE_VIEW (widget);
  CcReaderView *readers[2] = { self->left_reader, self->right_reader };
  double values[2];

  /* A jump made before the panes had their size (the view just shown) is
   * carried out again once they have it: a scroll asked of a text view
   * with no height is lost to the synchronised scrolling. */
  if (pane_unsized (self))
    {
      if (++self->jump_unsized < JUMP_UNSIZED_MAX)
        return G_SOURCE_CONTINUE;
    }
  else if (self->jump_unsized > 0)
    {
      self->jump_unsized = 0;
      for (guint i = 0; i < 2; i++)
        if (self->jump_offsets[i] >= 0)
          cc_reader_view_scroll_to_offset (readers[i], (guint) self->jump_offsets[i], 0);
      quiet_restart (self);
      return G_SOURCE_CONTINUE;
    }
  values[0] = pane_value (self->left_reader);
  values[1] = pane_value (self->right_reader);

  if (values[0] == self->jump_values[0] && values[1] == self->jump_values[1])
    self->jump_still++;
  else
    self->jump_still = 0;
  self->jump_values[0] = values[0];
  self->jump_values[1] = values[1];
  if (self->jump_ticks > 0)
    self->jump_ticks--;
  if (self->jump_still >= JUMP_SETTLED)
    self->jump_ticks = 0;
  if (self->jump_ticks > 0)
    return G_SOURCE_CONTINUE;
  self->jump_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Shows the pair at @index in both panes; with @d (a disagreement of the
 * pair), scrolls to its two values and outlines them. */
static void
show_pair (CcCompareView        *self,
           guint                 index,
           const CcDisagreement *d)
{
  const CcAlignPair *pair;
  CcSpan span;

  if (self->pairs == NULL || index >= self->pairs->len)
    return;
  pair = g_ptr_array_index (self->pairs, index);

  cc_reader_view_clear_ranges (self->left_reader, CURRENT_TAG);
  cc_reader_view_clear_ranges (self->right_reader, CURRENT_TAG);
  cc_reader_view_clear_ranges (self->left_reader, FOCUS_TAG);
  cc_reader_view_clear_ranges (self->right_reader, FOCUS_TAG);
  if (pair->a_start >= 0)
    {
      span.start = pair->a_start;
      span.end = pair->a_end;
      cc_reader_view_mark_ranges (self->left_reader, CURRENT_TAG, &span, 1);
      cc_reader_view_scroll_to_offset (self->left_reader,
                                       d != NULL ? d->value_a_start : (guint) pair->a_start, 0);
    }
  if (pair->b_start >= 0)
    {
      span.start = pair->b_start;
      span.end = pair->b_end;
      cc_reader_view_mark_ranges (self->right_reader, CURRENT_TAG, &span, 1);
      cc_reader_view_scroll_to_offset (self->right_reader,
                                       d != NULL ? d->value_b_start : (guint) pair->b_start, 0);
    }
  if (d != NULL)
    {
      span.start = d->value_a_start;
      span.end = d->value_a_end;
      cc_reader_view_mark_ranges (self->left_reader, FOCUS_TAG, &span, 1);
      span.start = d->value_b_start;
      span.end = d->value_b_end;
      cc_reader_view_mark_ranges (self->right_reader, FOCUS_TAG, &span, 1);
    }
  cc_connector_strip_set_current (self->strip, index);

  self->jump_offsets[0] = pair->a_start < 0 ? -1
                          : (int) MIN (d != NULL ? d->value_a_start : (guint) pair->a_start, (guint) G_MAXINT);
  self->jump_offsets[1] = pair->b_start < 0 ? -1
                          : (int) MIN (d != NULL ? d->value_b_start : (guint) pair->b_start, (guint) G_MAXINT);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->jump_unsized = pane_unsized (self) ? 1 : 0;
      quiet_restart (self);
      if (self->jump_tick_id == 0)
        self->jump_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), jump_tick, NULL, NULL);
    }
}

static void
update_navigation (CcCompareView *self)
{
  guint n = cc_compare_view_get_n_disagreements (self);
  g_autofree char *label = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-disagreement", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous-disagreement", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.swap",
                                 self->left != NULL || self->right != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_button), n > 0);

  if (n == 0)
    label = g_strdup (_("No Disagreements"));
  else if (self->current >= 0)
    /* Translators: the current disagreement and how many there are: "2 of 5" */
    label = g_strdup_printf (_("%d of %u"), self->current + 1, n);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Disagreement",
                                          "%u Disagreements", n), n);
  gtk_menu_button_set_label (self->list_button, label);
}

static void
show_disagreement (CcCompareView *self,
                   guint          index)
{
  show_pair (self, (guint) cc_compare_view_get_disagreement_pair (self, index),
             cc_compare_view_get_disagreement (self, index));
}

gboolean
cc_compare_view_go_to_disagreement (CcCompareView *self,
                                    gboolean       forward)
{
  guint n;

  g_return_val_if_fail (CC_IS_COMPARE_VIEW (self), FALSE);

  n = cc_compare_view_get_n_disagreements (self);
  if (n == 0)
    return FALSE;

  if (self->current < 0)
    self->current = forward ? 0 : (int)n - 1;
  else
    self->current = ((guint)self->current + (forward ? 1 : n - 1)) % n;

  show_disagreement (self, self->current);
  update_navigation (self);
  return TRUE;
}

/* Results */

/* @text with the characters from @start to @end (offsets into @text)
 * in bold, escaped for Pango markup, cut to about @max characters around
 * the mark. */
static char *
excerpt_markup (const char *text,
                guint       start,
                guint       end,
                guint       max)
{
  guint n = g_utf8_strlen (text, -1);
  guint from = 0, to = n;
  g_autofree char *before = NULL, *mark = NULL, *after = NULL;
  g_autofree char *b = NULL, *m = NULL, *a = NULL;

  start = MIN (start, n);
  end = CLAMP (end, start, n);
  if (n > max)
    {
      const char *p;

      from = start > max / 2 ? start - max / 2 : 0;
      to = MIN (n, from + max);
      /* Cut between words. */
      p = g_utf8_offset_to_pointer (text, from);
      for (guint i = from; from > 0 && i < start && i < from + 16; i++, p = g_utf8_next_char (p))
        if (g_unichar_isspace (g_utf8_get_char (p)))
          {
            from = i + 1;
            break;
          }
      p = g_utf8_offset_to_pointer (text, to);
      for (guint i = to; to < n && i > end && i + 16 > to; i--, p = g_utf8_prev_char (p))
        if (g_unichar_isspace (g_utf8_get_char (p)))
          {
            to = i;
            break;
          }
    }
  before = g_utf8_substring (text, from, start);
  mark = g_utf8_substring (text, start, end);
  after = g_utf8_substring (text, end, MAX (to, end));
  b = g_markup_escape_text (before, -1);
  m = g_markup_escape_text (mark, -1);
  a = g_markup_escape_text (after, -1);
  return g_strdup_printf ("%s%s<b>%s</b>%s%s", from > 0 ? "…" : "", b, m, a, to < n ? "…" : "");
}

static GtkWidget *
excerpt_label (const char *quote,
               guint       quote_start,
               guint       value_start,
               guint       value_end)
{
  g_autofree char *markup = excerpt_markup (quote, value_start - quote_start,
                                            value_end - quote_start, 110);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static GtkWidget *
disagreement_row (const CcDisagreement *d,
                  guint                 number)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *values = NULL;
  g_autofree char *tooltip = _cc_compare_describe (d);
  GtkWidget *label;

  label = gtk_label_new (number_text);
  gtk_widget_add_css_class (label, "compare-number");
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (title_box), label);

  label = gtk_label_new (_cc_compare_kind_label (d->kind));
  gtk_widget_add_css_class (label, "compare-kind");
  gtk_widget_add_css_class (label, kind_tags[d->kind]);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (title_box), label);

  /* Translators: what the left and the right article say, in Compare's list */
  values = g_strdup_printf (_("%s / %s"), d->value_a, d->value_b);
  label = gtk_label_new (values);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (title_box), label);
  gtk_box_append (GTK_BOX (box), title_box);

  gtk_box_append (GTK_BOX (box), excerpt_label (d->quote_a, d->quote_a_start,
                                                d->value_a_start, d->value_a_end));
  label = excerpt_label (d->quote_b, d->quote_b_start, d->value_b_start, d->value_b_end);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
on_disagreement_activated (CcCompareView *self,
                           GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= cc_compare_view_get_n_disagreements (self))
    return;
  gtk_popover_popdown (self->list_popover);
  self->current = index;
  show_disagreement (self, index);
  update_navigation (self);
}

static void
on_connector_activated (CcCompareView *self,
                        guint          index)
{
  guint n = cc_compare_view_get_n_disagreements (self);

  self->current = -1;
  for (guint i = 0; i < n && self->current < 0; i++)
    if ((guint) cc_compare_view_get_disagreement_pair (self, i) == index)
      self->current = i;
  if (self->current >= 0)
    show_disagreement (self, self->current);
  else
    show_pair (self, index, NULL);
  update_navigation (self);
}

static void
clear_marks (CcReaderView *reader)
{
  cc_reader_view_clear_ranges (reader, VALUE_TAG);
  cc_reader_view_clear_ranges (reader, CURRENT_TAG);
  cc_reader_view_clear_ranges (reader, FOCUS_TAG);
  for (guint k = 0; k < G_N_ELEMENTS (kind_tags); k++)
    cc_reader_view_clear_ranges (reader, kind_tags[k]);
}

static void
clear_results (CcCompareView *self)
{
  GtkWidget *child;

  self->pairs = NULL;
  g_clear_pointer (&self->result, _cc_compare_result_free);
  g_clear_pointer (&self->anchors, g_array_unref);
  self->current = -1;
  cc_connector_strip_set_pairs (self->strip, NULL);
  clear_marks (self->left_reader);
  clear_marks (self->right_reader);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->disagreement_list))) != NULL)
    gtk_list_box_remove (self->disagreement_list, child);
  gtk_label_set_label (self->summary_label, "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), NULL);
  update_navigation (self);
}

static void
mark_value (CcReaderView       *reader,
            CcDisagreementKind  kind,
            guint               start,
            guint               end)
{
  CcSpan span = { start, end };

  cc_reader_view_mark_ranges (reader, VALUE_TAG, &span, 1);
  cc_reader_view_mark_ranges (reader, kind_tags[kind], &span, 1);
}

static void
show_results (CcCompareView   *self,
              CcCompareResult *result)
{
  guint n_same = 0, n_differs = 0, n_only_a = 0, n_only_b = 0;
  guint n;
  g_autofree char *same_text = NULL;
  g_autofree char *differs_text = NULL;
  g_autofree char *only_text = NULL;
  g_autofree char *summary = NULL;

  clear_results (self);
  self->result = result;
  self->pairs = result->pairs;

  for (guint i = 0; i < self->pairs->len; i++)
    {
      const CcAlignPair *pair = g_ptr_array_index (self->pairs, i);

      if (pair->a_start >= 0 && pair->b_start >= 0)
        {
          if (pair->status == CC_ALIGN_DIFFERS)
            n_differs++;
          else
            n_same++;
        }
      else if (pair->a_start >= 0)
        n_only_a++;
      else
        n_only_b++;
    }

  n = cc_compare_view_get_n_disagreements (self);
  for (guint i = 0; i < n; i++)
    {
      const CcDisagreement *d = cc_compare_view_get_disagreement (self, i);

      mark_value (self->left_reader, d->kind, d->value_a_start, d->value_a_end);
      mark_value (self->right_reader, d->kind, d->value_b_start, d->value_b_end);
      gtk_list_box_append (self->disagreement_list, disagreement_row (d, i + 1));
    }

  cc_connector_strip_set_pairs (self->strip, self->pairs);
  _cc_compare_view_build_anchors (self);

  same_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage agrees",
                                            "%u passages agree", n_same), n_same);
  differs_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u disagrees",
                                               "%u disagree", n_differs), n_differs);
  only_text = g_strdup_printf (_("%u only on the left, %u only on the right"), n_only_a, n_only_b);
  /* Translators: "12 passages agree · 3 disagree · 4 only on the left, 2 only on the right" */
  summary = g_strdup_printf (_("%s · %s · %s"), same_text, differs_text, only_text);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), summary);

  update_navigation (self);
  _cc_compare_view_queue_sync (self, 0);
}

static void
on_compared (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(CcCompareView) self = user_data;
  g_autoptr(GError) error = NULL;
  CcCompareResult *result;

  result = _cc_compare_run_finish (CC_STORE (source), res, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (result == NULL)
    {
      adw_status_page_set_description (self->error_page, error != NULL ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_label_set_label (self->summary_label, "");
      return;
    }
  show_results (self, result);
}

static gboolean
load_pane (CcCompareView  *self,
           CcReaderView   *reader,
           CcDocument     *document,
           GError        **error)
{
  if (cc_reader_view_get_document (reader) == document)
    return TRUE;
  return cc_reader_view_set_document (reader, get_store (self), document, error);
}

static void
start_alignment (CcCompareView *self)
{
  g_autoptr(GError) error = NULL;
  CcStore *store = get_store (self);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  clear_results (self);
  set_busy (self, FALSE);

  if (store == NULL || self->left == NULL || self->right == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!load_pane (self, self->left_reader, self->left, &error) ||
      !load_pane (self, self->right_reader, self->right, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "panes");
  gtk_label_set_label (self->summary_label, _("Lining up the passages…"));

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  _cc_compare_run_async (store, self->left, self->right, self->cancellable,
                         on_compared, g_object_ref (self));
}

/* Choosing the documents */

static guint
find_position (GListModel *model,
               CcDocument *document)
{
  guint n;

  if (model == NULL || document == NULL)
    return GTK_INVALID_LIST_POSITION;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcDocument) item = g_list_model_get_item (model, i);

      if (cc_document_get_id (item) == cc_document_get_id (document))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
sync_dropdowns (CcCompareView *self)
{
  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_selected (self->left_dropdown,
                              find_position (gtk_drop_down_get_model (self->left_dropdown), self->left));
  gtk_drop_down_set_selected (self->right_dropdown,
                              find_position (gtk_drop_down_get_model (self->right_dropdown), self->right));
  self->updating_dropdowns = FALSE;
}

static void
on_documents_changing (CcCompareView *self)
{
  self->updating_dropdowns = TRUE;
}

static void
on_documents_changed (CcCompareView *self)
{
  self->updating_dropdowns = FALSE;
  sync_dropdowns (self);
}

void
cc_compare_view_set_documents (CcCompareView *self,
                               CcDocument    *left,
                               CcDocument    *right)
{
  g_return_if_fail (CC_IS_COMPARE_VIEW (self));
  g_return_if_fail (left == NULL || CC_IS_DOCUMENT (left));
  g_return_if_fail (right == NULL || CC_IS_DOCUMENT (right));

  g_set_object (&self->left, left);
  g_set_object (&self->right, right);
  g_set_weak_pointer (&self->store, get_store (self));
  sync_dropdowns (self);
  start_alignment (self);
}

void
cc_compare_view_swap (CcCompareView *self)
{
  g_autoptr(CcDocument) left = NULL;
  g_autoptr(CcDocument) right = NULL;

  g_return_if_fail (CC_IS_COMPARE_VIEW (self));

  left = self->left != NULL ? g_object_ref (self->left) : NULL;
  right = self->right != NULL ? g_object_ref (self->right) : NULL;
  cc_compare_view_set_documents (self, right, left);
}

static void
on_dropdown_selected (CcCompareView *self,
                      GParamSpec    *pspec,
                      GtkDropDown   *dropdown)
{
  CcDocument *document;
  CcDocument **slot;

  if (self->updating_dropdowns)
    return;

  document = gtk_drop_down_get_selected_item (dropdown);
  slot = dropdown == self->left_dropdown ? &self->left : &self->right;
  if (*slot == document)
    return;
  g_set_object (slot, document);
  g_set_weak_pointer (&self->store, get_store (self));
  start_alignment (self);
}

/* The library's current object for @document's id, or NULL. */
static CcDocument *
current_copy (GListModel *model,
              CcDocument *document)
{
  guint position = find_position (model, document);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (model, position);
}

static gboolean
same_content (CcDocument *a,
              CcDocument *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (cc_document_get_hash (a), cc_document_get_hash (b)) == 0;
}

static void
on_library_changed (CcCompareView *self)
{
  GListModel *model = self->session != NULL ? cc_session_get_documents (self->session) : NULL;
  CcStore *store = get_store (self);
  g_autoptr(CcDocument) left = NULL;
  g_autoptr(CcDocument) right = NULL;

  /* Another library: its ids mean other documents. */
  if (store != self->store)
    {
      g_set_weak_pointer (&self->store, store);
      cc_reader_view_set_document (self->left_reader, NULL, NULL, NULL);
      cc_reader_view_set_document (self->right_reader, NULL, NULL, NULL);
      cc_compare_view_set_documents (self, NULL, NULL);
      return;
    }

  /* The same library after an import: keep the comparison unless a side's
   * document went away or its text changed. */
  left = self->left != NULL ? current_copy (model, self->left) : NULL;
  right = self->right != NULL ? current_copy (model, self->right) : NULL;
  if ((self->left == NULL) == (left == NULL) && (self->right == NULL) == (right == NULL) &&
      same_content (self->left, left) && same_content (self->right, right))
    {
      sync_dropdowns (self);
      return;
    }
  cc_reader_view_set_document (self->left_reader, NULL, NULL, NULL);
  cc_reader_view_set_document (self->right_reader, NULL, NULL, NULL);
  cc_compare_view_set_documents (self, left, right);
}

/* With nothing chosen yet, the first time the view is shown it compares the
 * first two documents of the library. */
static void
cc_compare_view_map (GtkWidget *widget)
{
  CcCompareView *self = CC_COMPARE_VIEW (widget);

  GTK_WIDGET_CLASS (cc_compare_view_parent_class)->map (widget);
  ensure_highlighters (self);

  if (self->left == NULL && self->right == NULL && self->session != NULL)
    {
      GListModel *model = cc_session_get_documents (self->session);

      if (g_list_model_get_n_items (model) >= 2)
        {
          g_autoptr(CcDocument) left = g_list_model_get_item (model, 0);
          g_autoptr(CcDocument) right = g_list_model_get_item (model, 1);

          cc_compare_view_set_documents (self, left, right);
        }
    }
}

static void
cc_compare_view_unmap (GtkWidget *widget)
{
  CcCompareView *self = CC_COMPARE_VIEW (widget);

  if (self->jump_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->jump_tick_id);
      self->jump_tick_id = 0;
    }
  _cc_compare_view_stop_sync (self);
  self->jump_ticks = 0;

  GTK_WIDGET_CLASS (cc_compare_view_parent_class)->unmap (widget);
}

/* Dropdown items */

static char *
document_title (CcDocument *document)
{
  const char *title;

  if (document == NULL)
    return g_strdup ("");
  title = cc_document_get_title (document);
  return g_strdup (title != NULL && *title != '\0' ? title : cc_document_get_basename (document));
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  list)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_label_set_width_chars (GTK_LABEL (title), 12);
  gtk_box_append (GTK_BOX (box), title);

  if (GPOINTER_TO_INT (list))
    {
      GtkWidget *details = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (details), 0);
      gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (details, "caption");
      gtk_widget_add_css_class (details, "dim-label");
      gtk_box_append (GTK_BOX (box), details);
    }
  gtk_list_item_set_child (item, box);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  list)
{
  CcDocument *document = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  g_autofree char *text = document_title (document);

  gtk_label_set_label (GTK_LABEL (title), text);
  if (details != NULL)
    {
      const char *outlet = cc_document_get_outlet (document);

      gtk_label_set_label (GTK_LABEL (details),
                           outlet != NULL && *outlet != '\0' ? outlet
                           : cc_document_get_basename (document));
    }
}

static void
setup_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), GINT_TO_POINTER (FALSE));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), GINT_TO_POINTER (FALSE));
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_item), GINT_TO_POINTER (TRUE));
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_item), GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (document_title), NULL, NULL);
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_expression_unref (expression);
}

/* Actions */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (gtk_widget_get_mapped (widget))
    cc_compare_view_go_to_disagreement (CC_COMPARE_VIEW (widget), TRUE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  if (gtk_widget_get_mapped (widget))
    cc_compare_view_go_to_disagreement (CC_COMPARE_VIEW (widget), FALSE);
}

static void
swap_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cc_compare_view_swap (CC_COMPARE_VIEW (widget));
}

/* GObject */

static void
cc_compare_view_dispose (GObject *object)
{
  CcCompareView *self = CC_COMPARE_VIEW (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (cc_session_get_documents (self->session), self);
      g_clear_object (&self->session);
    }
  /* The highlighters first: they hold the panes and parent popovers to
   * their text views. */
  g_clear_object (&self->highlighters[0]);
  g_clear_object (&self->highlighters[1]);
  g_clear_weak_pointer (&self->undo);
  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_COMPARE_VIEW);
  /* The template's top box is not bound to a field: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_weak_pointer (&self->store);
  g_clear_object (&self->left);
  g_clear_object (&self->right);
  self->pairs = NULL;
  g_clear_pointer (&self->result, _cc_compare_result_free);
  g_clear_pointer (&self->anchors, g_array_unref);

  G_OBJECT_CLASS (cc_compare_view_parent_class)->dispose (object);
}

static void
cc_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CcCompareView *self = CC_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_compare_view_class_init (CcCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_compare_view_dispose;
  object_class->get_property = cc_compare_view_get_property;
  widget_class->map = cc_compare_view_map;
  widget_class->unmap = cc_compare_view_unmap;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CC_TYPE_READER_VIEW);
  g_type_ensure (CC_TYPE_CONNECTOR_STRIP);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Crosscheck/ui/cc-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, left_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, right_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, error_page);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, left_reader);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, right_reader);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, strip);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, list_button);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, list_popover);
  gtk_widget_class_bind_template_child (widget_class, CcCompareView, disagreement_list);
  gtk_widget_class_bind_template_callback (widget_class, on_disagreement_activated);

  gtk_widget_class_install_action (widget_class, "compare.next-disagreement", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "compare.previous-disagreement", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "compare.swap", NULL, swap_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compareview");
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, GDK_ALT_MASK),
                                                          gtk_named_action_new (action)));
}

static void
init_tag (CcReaderView *reader)
{
  /* numeric red, date orange, naming purple, claim teal (the GNOME palette) */
  static const GdkRGBA kind_colors[] = {
    [CC_DISAGREEMENT_NUMERIC] = { 0.88f, 0.11f, 0.14f, 1.0f },
    [CC_DISAGREEMENT_DATE] = { 0.90f, 0.38f, 0.00f, 1.0f },
    [CC_DISAGREEMENT_NAMING] = { 0.57f, 0.25f, 0.67f, 1.0f },
    [CC_DISAGREEMENT_CLAIM] = { 0.13f, 0.53f, 0.55f, 1.0f },
  };
  GdkRGBA current_bg = { 0.21f, 0.52f, 0.89f, 0.13f };

  G_STATIC_ASSERT (G_N_ELEMENTS (kind_colors) == G_N_ELEMENTS (kind_tags));

  /* Created in order of priority: the sentence under the values. */
  g_object_set (cc_reader_view_ensure_tag (reader, CURRENT_TAG),
                "background-rgba", &current_bg,
                NULL);
  g_object_set (cc_reader_view_ensure_tag (reader, VALUE_TAG),
                "underline", PANGO_UNDERLINE_SINGLE,
                "weight", PANGO_WEIGHT_BOLD,
                NULL);
  for (guint k = 0; k < G_N_ELEMENTS (kind_tags); k++)
    {
      GdkRGBA bg = kind_colors[k];
      GdkRGBA line = kind_colors[k];

      bg.alpha = 0.20f;
      line.alpha = 0.9f;
      g_object_set (cc_reader_view_ensure_tag (reader, kind_tags[k]),
                    "background-rgba", &bg,
                    "underline-rgba", &line,
                    NULL);
    }
  g_object_set (cc_reader_view_ensure_tag (reader, FOCUS_TAG),
                "underline", PANGO_UNDERLINE_DOUBLE,
                NULL);
}

static void
cc_compare_view_init (CcCompareView *self)
{
  GtkEventController *shortcuts;

  self->current = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_dropdown (self->left_dropdown);
  setup_dropdown (self->right_dropdown);
  g_signal_connect_object (self->left_dropdown, "notify::selected-item",
                           G_CALLBACK (on_dropdown_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->right_dropdown, "notify::selected-item",
                           G_CALLBACK (on_dropdown_selected), self, G_CONNECT_SWAPPED);

  init_tag (self->left_reader);
  init_tag (self->right_reader);
  cc_connector_strip_set_views (self->strip,
                                cc_reader_view_get_text_view (self->left_reader),
                                cc_reader_view_get_text_view (self->right_reader));
  g_signal_connect_object (self->strip, "connector-activated",
                           G_CALLBACK (on_connector_activated), self, G_CONNECT_SWAPPED);
  _cc_compare_view_connect_scrolling (self);

  /* Alt+Down / Alt+Up work wherever the focus is in the window while the
   * view is shown (the actions do nothing when it is not). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Down, "compare.next-disagreement");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Up, "compare.previous-disagreement");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  update_navigation (self);
}
