/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-facts-view-private.h"

/* Cells */

static gboolean
open_quote (CcFactsView       *self,
            const CcFactQuote *quote)
{
  if (self->session == NULL || quote == NULL)
    return FALSE;
  return cc_session_show_document (self->session, quote->document_id,
                                   (int)MIN (quote->start, (guint)G_MAXINT),
                                   quote->end - quote->start);
}

gboolean
cc_facts_view_open_cell (CcFactsView *self,
                         CcFactRow   *row,
                         gint64       document_id)
{
  g_autoptr(GPtrArray) quotes = NULL;

  g_return_val_if_fail (CC_IS_FACTS_VIEW (self), FALSE);
  g_return_val_if_fail (CC_IS_FACT_ROW (row), FALSE);

  quotes = cc_fact_row_get_quotes_for (row, document_id);
  if (quotes->len == 0)
    return FALSE;
  return open_quote (self, g_ptr_array_index (quotes, 0));
}

/* The look of the marked parts, in Pango markup: a colour per kind of
 * disagreement (as in Compare), green where the sources agree. */
static const char *
mark_attributes (const char *kind)
{
  if (g_strcmp0 (kind, "numeric") == 0)
    return "weight='bold' underline='single' bgcolor='#e01b24' bgalpha='22%'";
  if (g_strcmp0 (kind, "date") == 0)
    return "weight='bold' underline='single' bgcolor='#e66100' bgalpha='22%'";
  if (g_strcmp0 (kind, "naming") == 0)
    return "weight='bold' underline='single' bgcolor='#9141ac' bgalpha='22%'";
  if (g_strcmp0 (kind, "claim") == 0)
    return "weight='bold' underline='single' bgcolor='#2190a4' bgalpha='22%'";
  return "weight='bold' bgcolor='#2ec27e' bgalpha='18%'";
}

/* Notes */

gboolean
cc_facts_view_save_note (CcFactsView  *self,
                         CcFactRow    *row,
                         const char   *note,
                         GError      **error)
{
  g_autofree char *stripped = NULL;
  CcStore *store;

  g_return_val_if_fail (CC_IS_FACTS_VIEW (self), FALSE);
  g_return_val_if_fail (CC_IS_FACT_ROW (row), FALSE);

  store = _cc_facts_view_get_store (self);
  if (store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No library is open"));
      return FALSE;
    }
  if (!cc_conflict_notes_set (store, cc_fact_row_get_key (row), cc_fact_row_get_subject (row),
                              cc_fact_row_get_attribute (row), note, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (note != NULL ? note : ""));
  cc_fact_row_set_note (row, *stripped != '\0' ? note : NULL);
  return TRUE;
}

static void
update_note_button (GtkWidget  *button,
                    GParamSpec *pspec,
                    CcFactRow  *row)
{
  const char *note = cc_fact_row_get_note (row);
  CcVerdict verdict = cc_fact_row_get_verdict (row);

  gtk_widget_set_visible (button, note != NULL || verdict == CC_VERDICT_CONFLICT);
  if (note != NULL)
    {
      gtk_widget_add_css_class (button, "has-note");
      gtk_widget_set_tooltip_text (button, note);
    }
  else
    {
      gtk_widget_remove_css_class (button, "has-note");
      gtk_widget_set_tooltip_text (button, _("Add a note: which source is right?"));
    }
}

static void
unparent_later (GtkWidget *popover)
{
  gtk_widget_unparent (popover);
  g_object_unref (popover);
}

static void
on_note_popover_closed (GtkPopover *popover)
{
  g_idle_add_once ((GSourceOnceFunc)unparent_later, g_object_ref (popover));
}

static void
on_note_save (GtkButton *save)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (save), GTK_TYPE_POPOVER);
  CcFactsView *self = g_object_get_data (G_OBJECT (popover), "cc-facts-view");
  CcFactRow *row = g_object_get_data (G_OBJECT (popover), "cc-fact-row");
  GtkTextView *text_view = g_object_get_data (G_OBJECT (popover), "cc-text-view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!cc_facts_view_save_note (self, row, text, &error))
    {
      if (self->session != NULL)
        cc_session_add_toast (self->session, adw_toast_new (error->message));
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_note_delete (GtkButton *button)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  GtkTextView *text_view = g_object_get_data (G_OBJECT (popover), "cc-text-view");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "", -1);
  on_note_save (button);
}

static GtkWidget *
note_popover_new (CcFactsView *self,
                  CcFactRow   *row)
{
  GtkWidget *popover, *box, *title, *subtitle, *scroller, *text_view, *buttons, *save, *delete;
  g_autofree char *what = NULL;
  const char *note = cc_fact_row_get_note (row);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  title = gtk_label_new (_("Which Source Is Right?"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  /* Translators: "Subject · attribute" above the note on a fact */
  what = g_strdup_printf (_("%s · %s"), cc_fact_row_get_subject (row), cc_fact_row_get_attribute (row));
  subtitle = gtk_label_new (what);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 40);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), subtitle);

  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  if (note != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), note, -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 110);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 300);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "note-editor");
  gtk_box_append (GTK_BOX (box), scroller);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  delete = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_widget_set_visible (delete, note != NULL);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_note_delete), NULL);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (save, "clicked", G_CALLBACK (on_note_save), NULL);
  gtk_box_append (GTK_BOX (buttons), delete);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (box), buttons);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), save);
  g_object_set_data (G_OBJECT (popover), "cc-facts-view", self);
  g_object_set_data_full (G_OBJECT (popover), "cc-fact-row", g_object_ref (row), g_object_unref);
  g_object_set_data (G_OBJECT (popover), "cc-text-view", text_view);
  g_signal_connect (popover, "closed", G_CALLBACK (on_note_popover_closed), NULL);
  return popover;
}

static void
on_note_clicked (GtkButton   *button,
                 CcFactsView *self)
{
  CcFactRow *row = g_object_get_data (G_OBJECT (button), "cc-fact-row");
  GtkWidget *popover;

  if (row == NULL)
    return;

  popover = note_popover_new (self, row);
  gtk_widget_set_parent (popover, GTK_WIDGET (button));
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (popover), "cc-text-view"));
}

/* The fact column: verdict marker, subject and attribute, note button. */

void
_cc_facts_view_setup_fact_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CcFactsView              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *marker = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *approx = gtk_label_new ("≈");
  GtkWidget *subject = gtk_label_new (NULL);
  GtkWidget *attribute = gtk_label_new (NULL);
  GtkWidget *note = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_add_css_class (marker, "fact-marker");
  gtk_widget_set_valign (marker, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (marker, 16, -1);
  gtk_widget_add_css_class (approx, "fact-approximate");
  gtk_box_append (GTK_BOX (marker), icon);
  gtk_box_append (GTK_BOX (marker), approx);
  gtk_label_set_xalign (GTK_LABEL (subject), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subject), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subject, "heading");
  gtk_label_set_xalign (GTK_LABEL (attribute), 0);
  gtk_label_set_wrap (GTK_LABEL (attribute), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (attribute), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (attribute, "caption");
  gtk_widget_add_css_class (attribute, "dim-label");
  gtk_box_append (GTK_BOX (labels), subject);
  gtk_box_append (GTK_BOX (labels), attribute);
  gtk_widget_set_hexpand (labels, TRUE);

  gtk_widget_add_css_class (note, "flat");
  gtk_widget_add_css_class (note, "circular");
  gtk_widget_add_css_class (note, "fact-note");
  gtk_widget_set_valign (note, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note on this fact"), -1);
  g_signal_connect_object (note, "clicked", G_CALLBACK (on_note_clicked), self, 0);

  gtk_box_append (GTK_BOX (box), marker);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), note);
  gtk_widget_add_css_class (box, "fact-cell");
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

void
_cc_facts_view_bind_fact_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  CcFactRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *marker = gtk_widget_get_first_child (box);
  GtkWidget *icon = gtk_widget_get_first_child (marker);
  GtkWidget *approx = gtk_widget_get_next_sibling (icon);
  GtkWidget *labels = gtk_widget_get_next_sibling (marker);
  GtkWidget *note = gtk_widget_get_next_sibling (labels);
  GtkWidget *subject = gtk_widget_get_first_child (labels);
  GtkWidget *attribute = gtk_widget_get_next_sibling (subject);
  const char *attribute_text = cc_fact_row_get_attribute (row);
  const char *kind = cc_fact_row_kind_label (cc_fact_row_get_kind (row));
  CcVerdict verdict = cc_fact_row_get_verdict (row);
  g_autofree char *what = NULL;
  g_autofree char *title = cc_fact_row_dup_title (row);

  /* without a subject the heading is a phrase from the row itself */
  gtk_label_set_label (GTK_LABEL (subject), title);
  if (kind != NULL && *attribute_text != '\0')
    /* Translators: a row of Facts: the kind of disagreement, then what is
     * compared ("Figure · seats") */
    what = g_strdup_printf (_("%s · %s"), kind, attribute_text);
  else
    what = g_strdup (kind != NULL ? kind : attribute_text);
  gtk_label_set_label (GTK_LABEL (attribute), what);

  gtk_widget_remove_css_class (marker, "error");
  gtk_widget_remove_css_class (marker, "warning");
  gtk_widget_remove_css_class (marker, "success");
  gtk_widget_set_visible (approx, verdict == CC_VERDICT_APPROXIMATE);
  gtk_widget_set_visible (icon, verdict != CC_VERDICT_APPROXIMATE);
  switch (verdict)
    {
    case CC_VERDICT_CONFLICT:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
      gtk_widget_add_css_class (marker, "error");
      gtk_widget_set_tooltip_text (marker, _("The sources disagree"));
      break;
    case CC_VERDICT_APPROXIMATE:
      gtk_widget_add_css_class (marker, "warning");
      gtk_widget_set_tooltip_text (marker, _("The sources roughly agree"));
      break;
    case CC_VERDICT_AGREE:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "object-select-symbolic");
      gtk_widget_add_css_class (marker, "success");
      gtk_widget_set_tooltip_text (marker, _("The sources agree"));
      break;
    case CC_VERDICT_UNRELATED:
    default:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), NULL);
      gtk_widget_set_tooltip_text (marker, _("Stated by one source only"));
      break;
    }

  if (verdict == CC_VERDICT_CONFLICT)
    gtk_widget_add_css_class (box, "conflict");
  else
    gtk_widget_remove_css_class (box, "conflict");

  g_object_set_data_full (G_OBJECT (note), "cc-fact-row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (row, "notify::note", G_CALLBACK (update_note_button), note,
                           G_CONNECT_SWAPPED);
  update_note_button (note, NULL, row);
}

void
_cc_facts_view_unbind_fact_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *note = gtk_widget_get_last_child (box);
  CcFactRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, update_note_button, note);
  g_object_set_data (G_OBJECT (note), "cc-fact-row", NULL);
}

/* A document's column: its own wording of the fact, one button per
 * sentence, the differing parts marked. */

static void
on_quote_clicked (GtkButton   *button,
                  CcFactsView *self)
{
  open_quote (self, g_object_get_data (G_OBJECT (button), "cc-fact-quote"));
}

/* About six lines of the column. */
#define QUOTE_CHARS 200

static GtkWidget *
quote_button_new (CcFactsView       *self,
                  CcFactRow         *row,
                  const CcFactQuote *quote)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *markup = cc_fact_quote_to_markup (quote, mark_attributes (cc_fact_row_get_kind (row)),
                                                     QUOTE_CHARS);
  g_autofree char *values = cc_fact_quote_dup_values (quote);
  g_autofree char *tooltip = NULL;

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "fact-quote");
  gtk_widget_add_css_class (button, cc_fact_row_get_verdict (row) == CC_VERDICT_CONFLICT
                                    ? "conflict" : "agree");

  /* Translators: a quote's tooltip in the Facts view: the parts marked,
   * the sentence, then a hint */
  tooltip = g_strdup_printf (_("%s\n\n“%s”\n\nClick to show it in the article"), values, quote->text);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "cc-fact-quote", (gpointer) quote);
  /* The quote lives as long as the row. */
  g_object_set_data_full (G_OBJECT (button), "cc-fact-row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_quote_clicked), self, 0);
  return button;
}

void
_cc_facts_view_setup_value_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (box, "fact-values");
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

void
_cc_facts_view_bind_value_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CcFactsView              *self)
{
  CcFactRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  gint64 *document_id = g_object_get_data (G_OBJECT (factory), "cc-document-id");
  g_autoptr(GPtrArray) quotes = cc_fact_row_get_quotes_for (row, *document_id);

  clear_box (box);
  if (quotes->len == 0)
    {
      GtkWidget *label = gtk_label_new ("—");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "fact-missing");
      gtk_widget_set_tooltip_text (label, _("Not stated in this article"));
      gtk_box_append (GTK_BOX (box), label);
      return;
    }
  for (guint i = 0; i < quotes->len; i++)
    gtk_box_append (GTK_BOX (box), quote_button_new (self, row, g_ptr_array_index (quotes, i)));
}

void
_cc_facts_view_unbind_value_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  clear_box (gtk_list_item_get_child (item));
}
