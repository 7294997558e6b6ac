/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-compare-view-private.h"

#define VALUE_TAG   "cc-compare-value"
#define CURRENT_TAG "cc-compare-current"

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
  return self->disagreements != NULL ? self->disagreements->len : 0;
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

/* Jumping to a pair sets both panes; the scroll handlers stay quiet for the
 * few frames the text views take to carry out their scrolls. */
static gboolean
jump_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  CcCompareView *self = CC_COMPARE_VIEW (widget);

  if (self->jump_ticks > 0)
    self->jump_ticks--;
  if (self->jump_ticks > 0)
    return G_SOURCE_CONTINUE;
  self->jump_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
show_pair (CcCompareView *self,
           guint          index)
{
  const CcAlignPair *pair;
  CcSpan span;

  if (self->pairs == NULL || index >= self->pairs->len)
    return;
  pair = g_ptr_array_index (self->pairs, index);

  cc_reader_view_clear_ranges (self->left_reader, CURRENT_TAG);
  cc_reader_view_clear_ranges (self->right_reader, CURRENT_TAG);
  if (pair->a_start >= 0)
    {
      span.start = pair->a_start;
      span.end = pair->a_end;
      cc_reader_view_mark_ranges (self->left_reader, CURRENT_TAG, &span, 1);
      cc_reader_view_scroll_to_offset (self->left_reader, pair->a_start, 0);
    }
  if (pair->b_start >= 0)
    {
      span.start = pair->b_start;
      span.end = pair->b_end;
      cc_reader_view_mark_ranges (self->right_reader, CURRENT_TAG, &span, 1);
      cc_reader_view_scroll_to_offset (self->right_reader, pair->b_start, 0);
    }
  cc_connector_strip_set_current (self->strip, index);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->jump_ticks = 4;
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

  show_pair (self, g_array_index (self->disagreements, guint, self->current));
  update_navigation (self);
  return TRUE;
}

/* Results */

static char *
pair_excerpt (CcReaderView *reader,
              int           start,
              int           end)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  return gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
}

static GtkWidget *
disagreement_row (CcCompareView     *self,
                  const CcAlignPair *pair,
                  guint              number)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *excerpt = NULL;
  GtkWidget *label;

  label = gtk_label_new (number_text);
  gtk_widget_add_css_class (label, "compare-number");
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (title_box), label);

  label = gtk_label_new (pair->detail != NULL ? pair->detail : "");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (title_box), label);
  gtk_box_append (GTK_BOX (box), title_box);

  if (pair->a_start >= 0)
    {
      excerpt = pair_excerpt (self->left_reader, pair->a_start, pair->a_end);
      label = gtk_label_new (excerpt);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

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

  if (self->disagreements == NULL || index < 0 || (guint)index >= self->disagreements->len)
    return;
  gtk_popover_popdown (self->list_popover);
  self->current = index;
  show_pair (self, g_array_index (self->disagreements, guint, index));
  update_navigation (self);
}

static void
on_connector_activated (CcCompareView *self,
                        guint          index)
{
  self->current = -1;
  if (self->disagreements != NULL)
    for (guint i = 0; i < self->disagreements->len; i++)
      if (g_array_index (self->disagreements, guint, i) == index)
        self->current = i;
  show_pair (self, index);
  update_navigation (self);
}

static void
clear_results (CcCompareView *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  g_clear_pointer (&self->disagreements, g_array_unref);
  g_clear_pointer (&self->anchors, g_array_unref);
  self->current = -1;
  cc_connector_strip_set_pairs (self->strip, NULL);
  cc_reader_view_clear_ranges (self->left_reader, VALUE_TAG);
  cc_reader_view_clear_ranges (self->right_reader, VALUE_TAG);
  cc_reader_view_clear_ranges (self->left_reader, CURRENT_TAG);
  cc_reader_view_clear_ranges (self->right_reader, CURRENT_TAG);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->disagreement_list))) != NULL)
    gtk_list_box_remove (self->disagreement_list, child);
  gtk_label_set_label (self->summary_label, "");
  update_navigation (self);
}

static void
show_results (CcCompareView *self,
              GPtrArray     *pairs)
{
  guint n_same = 0, n_differs = 0, n_only_a = 0, n_only_b = 0;
  g_autofree char *same_text = NULL;
  g_autofree char *differs_text = NULL;
  g_autofree char *only_text = NULL;
  g_autofree char *summary = NULL;

  clear_results (self);
  self->pairs = g_ptr_array_ref (pairs);
  self->disagreements = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < pairs->len; i++)
    {
      const CcAlignPair *pair = g_ptr_array_index (pairs, i);

      switch (pair->status)
        {
        case CC_ALIGN_SAME:
          n_same++;
          break;
        case CC_ALIGN_DIFFERS:
          n_differs++;
          g_array_append_val (self->disagreements, i);
          if (pair->a_marks != NULL)
            cc_reader_view_mark_ranges (self->left_reader, VALUE_TAG,
                                        (const CcSpan *)(gpointer)pair->a_marks->data,
                                        pair->a_marks->len);
          if (pair->b_marks != NULL)
            cc_reader_view_mark_ranges (self->right_reader, VALUE_TAG,
                                        (const CcSpan *)(gpointer)pair->b_marks->data,
                                        pair->b_marks->len);
          gtk_list_box_append (self->disagreement_list,
                               disagreement_row (self, pair, self->disagreements->len));
          break;
        case CC_ALIGN_UNMATCHED:
        default:
          if (pair->a_start >= 0)
            n_only_a++;
          else
            n_only_b++;
          break;
        }
    }

  cc_connector_strip_set_pairs (self->strip, pairs);
  _cc_compare_view_build_anchors (self);

  same_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matching passage",
                                            "%u matching passages", n_same), n_same);
  differs_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u differs",
                                               "%u differ", n_differs), n_differs);
  only_text = g_strdup_printf (_("%u only on the left, %u only on the right"), n_only_a, n_only_b);
  /* Translators: "12 matching passages · 3 differ · 4 only on the left, 2 only on the right" */
  summary = g_strdup_printf (_("%s · %s · %s"), same_text, differs_text, only_text);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), summary);

  update_navigation (self);
  _cc_compare_view_queue_sync (self, 0);
}

static void
on_aligned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CcCompareView) self = user_data;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;

  pairs = cc_align_documents_finish (CC_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (pairs == NULL)
    {
      adw_status_page_set_description (self->error_page, error != NULL ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_label_set_label (self->summary_label, "");
      return;
    }
  show_results (self, pairs);
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
  cc_align_documents_async (store, self->left, self->right, self->cancellable,
                            on_aligned, g_object_ref (self));
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
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  g_clear_pointer (&self->disagreements, g_array_unref);
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
  GdkRGBA value_bg = { 0.88f, 0.11f, 0.14f, 0.20f };
  GdkRGBA value_line = { 0.88f, 0.11f, 0.14f, 0.9f };
  GdkRGBA current_bg = { 0.21f, 0.52f, 0.89f, 0.13f };

  g_object_set (cc_reader_view_ensure_tag (reader, CURRENT_TAG),
                "background-rgba", &current_bg,
                NULL);
  g_object_set (cc_reader_view_ensure_tag (reader, VALUE_TAG),
                "background-rgba", &value_bg,
                "underline", PANGO_UNDERLINE_SINGLE,
                "underline-rgba", &value_line,
                "weight", PANGO_WEIGHT_BOLD,
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
