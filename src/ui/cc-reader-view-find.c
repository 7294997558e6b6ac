/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-reader-view-private.h"

/* Find in the document: the find bar, every case-insensitive match
 * highlighted, the current one selected, "3 of 12". */

void
_cc_reader_view_find_clear (CcReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  g_array_set_size (self->matches, 0);
  self->current_match = 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, FIND_TAG, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, FIND_CURRENT_TAG, &start, &end);
}

void
_cc_reader_view_find_update_label (CcReaderView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  gboolean has_matches = self->matches->len > 0;

  if (text == NULL || *text == '\0')
    {
      gtk_label_set_label (self->find_count, "");
    }
  else if (!has_matches)
    {
      gtk_label_set_label (self->find_count, _("No results"));
    }
  else if (self->current_match == 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match",
                                                             "%u matches", self->matches->len),
                                                self->matches->len);
      gtk_label_set_label (self->find_count, label);
    }
  else
    {
      /* Translators: "3 of 12" matches */
      g_autofree char *label = g_strdup_printf (_("%u of %u"), self->current_match,
                                                self->matches->len);
      gtk_label_set_label (self->find_count, label);
    }

  gtk_widget_set_sensitive (self->find_previous, has_matches);
  gtk_widget_set_sensitive (self->find_next, has_matches);

  if (text != NULL && *text != '\0' && !has_matches)
    gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

guint
cc_reader_view_find (CcReaderView *self,
                     const char   *needle)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter, match_start, match_end;
  GtkTextTag *tag;
  char *copy;

  g_return_val_if_fail (CC_IS_READER_VIEW (self), 0);

  buffer = gtk_text_view_get_buffer (self->text_view);
  _cc_reader_view_find_clear (self);
  /* @needle may be self->needle itself. */
  copy = (needle && *needle) ? g_strdup (needle) : NULL;
  g_free (self->needle);
  self->needle = copy;

  if (self->needle == NULL)
    {
      _cc_reader_view_find_update_label (self);
      return 0;
    }

  /* Keep the entry in step when called from code (without searching again
   * from its change handlers). */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->find_entry)), self->needle) != 0)
    {
      self->updating_entry = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), self->needle);
      self->updating_entry = FALSE;
    }

  /* Matches show above every other highlight. */
  {
    GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
    int top = gtk_text_tag_table_get_size (table) - 1;

    gtk_text_tag_set_priority (gtk_text_tag_table_lookup (table, FIND_TAG), top);
    gtk_text_tag_set_priority (gtk_text_tag_table_lookup (table, FIND_CURRENT_TAG), top);
  }

  tag = cc_reader_view_ensure_tag (self, FIND_TAG);
  gtk_text_buffer_get_start_iter (buffer, &iter);

  while (gtk_text_iter_forward_search (&iter, self->needle,
                                       GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                       &match_start, &match_end, NULL))
    {
      CcSpan span = {
        (guint) gtk_text_iter_get_offset (&match_start),
        (guint) gtk_text_iter_get_offset (&match_end),
      };

      if (span.end <= span.start)
        break;
      g_array_append_val (self->matches, span);
      gtk_text_buffer_apply_tag (buffer, tag, &match_start, &match_end);
      iter = match_end;
    }

  _cc_reader_view_find_update_label (self);
  return self->matches->len;
}

static void
select_match (CcReaderView *self,
              guint         index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const CcSpan *span = &g_array_index (self->matches, CcSpan, index - 1);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, FIND_CURRENT_TAG, &start, &end);

  self->current_match = index;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) span->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) span->end);
  gtk_text_buffer_apply_tag_by_name (buffer, FIND_CURRENT_TAG, &start, &end);
  cc_reader_view_scroll_to_offset (self, span->start, span->end - span->start);
  _cc_reader_view_find_update_label (self);
}

guint
cc_reader_view_find_next (CcReaderView *self,
                          gboolean      forward)
{
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  guint offset;
  guint index = 0;

  g_return_val_if_fail (CC_IS_READER_VIEW (self), 0);

  if (self->matches->len == 0)
    return 0;

  if (self->current_match > 0)
    {
      if (forward)
        index = self->current_match % self->matches->len + 1;
      else
        index = self->current_match == 1 ? self->matches->len : self->current_match - 1;
    }
  else
    {
      /* Start from the cursor: the first match after (or before) it. */
      buffer = gtk_text_view_get_buffer (self->text_view);
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      offset = (guint) gtk_text_iter_get_offset (&cursor);

      if (forward)
        {
          index = 1;
          for (guint i = 0; i < self->matches->len; i++)
            if (g_array_index (self->matches, CcSpan, i).start >= offset)
              {
                index = i + 1;
                break;
              }
        }
      else
        {
          index = self->matches->len;
          for (guint i = self->matches->len; i > 0; i--)
            if (g_array_index (self->matches, CcSpan, i - 1).start < offset)
              {
                index = i;
                break;
              }
        }
    }

  select_match (self, index);
  return index;
}

guint
cc_reader_view_get_n_matches (CcReaderView *self)
{
  g_return_val_if_fail (CC_IS_READER_VIEW (self), 0);

  return self->matches->len;
}

guint
cc_reader_view_get_current_match (CcReaderView *self)
{
  g_return_val_if_fail (CC_IS_READER_VIEW (self), 0);

  return self->current_match;
}

void
cc_reader_view_start_find (CcReaderView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (CC_IS_READER_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) < 100)
    {
      g_autofree char *selected = gtk_text_iter_get_text (&start, &end);
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), selected);
    }

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

void
cc_reader_view_stop_find (CcReaderView *self)
{
  g_return_if_fail (CC_IS_READER_VIEW (self));

  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
}

guint
cc_reader_view_find_from (CcReaderView *self,
                          const char   *needle,
                          guint         offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  guint n;

  g_return_val_if_fail (CC_IS_READER_VIEW (self), 0);

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  n = cc_reader_view_find (self, needle);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) MIN (offset, (guint) G_MAXINT));
  gtk_text_buffer_place_cursor (buffer, &iter);
  if (n > 0)
    cc_reader_view_find_next (self, TRUE);

  return n;
}

static void
on_find_changed (CcReaderView   *self,
                 GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->updating_entry)
    return;
  if (g_strcmp0 (text, self->needle) == 0 && (text == NULL || *text != '\0'))
    return;

  if (cc_reader_view_find (self, text) > 0)
    cc_reader_view_find_next (self, TRUE);
}

static void
on_find_next (CcReaderView *self)
{
  cc_reader_view_find_next (self, TRUE);
}

static void
on_find_previous (CcReaderView *self)
{
  cc_reader_view_find_next (self, FALSE);
}

static gboolean
on_find_previous_shortcut (GtkWidget *widget,
                           GVariant  *args,
                           gpointer   user_data)
{
  cc_reader_view_find_next (CC_READER_VIEW (user_data), FALSE);
  return TRUE;
}

static void
on_find_mode_changed (CcReaderView *self,
                      GParamSpec   *pspec,
                      GtkSearchBar *bar)
{
  if (!gtk_search_bar_get_search_mode (bar))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter start, end;

      g_clear_pointer (&self->needle, g_free);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag_by_name (buffer, FIND_TAG, &start, &end);
      gtk_text_buffer_remove_tag_by_name (buffer, FIND_CURRENT_TAG, &start, &end);
      g_array_set_size (self->matches, 0);
      self->current_match = 0;
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
    }
}

void
_cc_reader_view_class_find_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_find_next);
  gtk_widget_class_bind_template_callback (widget_class, on_find_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_find_mode_changed);
}

void
_cc_reader_view_find_init (CcReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkEventController *controller;

  gtk_text_buffer_create_tag (buffer, FIND_TAG,
                              "background-rgba", &(GdkRGBA) { 0.97, 0.83, 0.18, 0.35 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, FIND_CURRENT_TAG,
                              "background-rgba", &(GdkRGBA) { 0.96, 0.65, 0.14, 0.85 },
                              NULL);

  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));

  /* Shift+Enter in the find entry: previous match. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>Return|<Shift>KP_Enter"),
                                                          gtk_callback_action_new (on_find_previous_shortcut, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), controller);
}
