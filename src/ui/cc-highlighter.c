/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-annotation-popover.h"
#include "cc-annotation-store.h"
#include "cc-highlighter-private.h"

G_DEFINE_FINAL_TYPE (CcHighlighter, cc_highlighter, G_TYPE_OBJECT)

static gboolean can_popup (CcHighlighter *self);

void
cc_highlighter_ensure_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "cc-notes-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/gnome/Crosscheck/cc-notes.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "cc-notes-style",
                          g_object_ref (provider), g_object_unref);
}

void
cc_highlighter_reload (CcHighlighter *self)
{
  CcDocument *document;
  CcStore *store;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CC_IS_HIGHLIGHTER (self));

  g_clear_handle_id (&self->paint_source, g_source_remove);
  g_clear_pointer (&self->painted, g_free);
  self->n_chunks = 0;
  g_ptr_array_set_size (self->annotations, 0);
  _cc_highlighter_clear_all (self);

  document = cc_reader_view_get_document (self->reader);
  store = cc_undo_stack_get_store (self->undo);
  self->document_id = document ? cc_document_get_id (document) : 0;
  if (document == NULL || store == NULL)
    return;

  list = cc_annotation_store_list (store,
                                   &(CcAnnotationFilter) { .document_id = self->document_id },
                                   &error);
  if (list == NULL)
    {
      g_warning ("Could not load the annotations of document %" G_GINT64_FORMAT ": %s",
                 self->document_id, error->message);
      return;
    }

  for (guint i = 0; i < list->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (list, i);

      if (!cc_annotation_is_orphaned (a))
        g_ptr_array_add (self->annotations, g_object_ref (a));
    }

  _cc_highlighter_paint_all (self);
}

gboolean
cc_highlighter_get_painting (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), FALSE);

  return self->paint_source != 0;
}

guint
cc_highlighter_get_n_highlights (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), 0);

  return self->annotations->len;
}

CcAnnotation *
cc_highlighter_get_annotation_at (CcHighlighter *self,
                                  guint          offset)
{
  CcAnnotation *best = NULL;

  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), NULL);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (self->annotations, i);
      guint s = cc_annotation_get_start (a);
      guint e = cc_annotation_get_end (a);

      if (s <= offset && offset < e &&
          (best == NULL || e - s < cc_annotation_get_end (best) - cc_annotation_get_start (best)))
        best = a;
    }

  return best;
}

static CcAnnotation *
find_by_uuid (CcHighlighter *self,
              const char    *uuid,
              guint         *index)
{
  for (guint i = 0; i < self->annotations->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (g_strcmp0 (cc_annotation_get_uuid (a), uuid) == 0)
        {
          if (index != NULL)
            *index = i;
          return a;
        }
    }

  return NULL;
}

static void
on_undo_changed (CcHighlighter *self,
                 CcAnnotation  *annotation,
                 gboolean       exists,
                 CcUndoStack   *undo)
{
  CcAnnotation *old;
  guint index;

  if (self->document_id == 0 || cc_annotation_get_document_id (annotation) != self->document_id)
    return;

  old = find_by_uuid (self, cc_annotation_get_uuid (annotation), &index);
  if (old != NULL)
    {
      guint s = cc_annotation_get_start (old);
      guint e = cc_annotation_get_end (old);

      g_ptr_array_remove_index (self->annotations, index);
      _cc_highlighter_paint (self, s, e);
    }

  if (exists && !cc_annotation_is_orphaned (annotation))
    {
      g_ptr_array_add (self->annotations, cc_annotation_copy (annotation));
      _cc_highlighter_paint (self, cc_annotation_get_start (annotation), cc_annotation_get_end (annotation));
    }
}

/* Making highlights */

static void
show_error (CcHighlighter *self,
            const char    *what,
            const GError  *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->reader));
  g_autofree char *title = g_strdup_printf ("%s: %s", what, error->message);
  GtkWidget *overlay;

  g_warning ("%s", title);

  /* The window's toast overlay is an ancestor of the reader. */
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self->reader), ADW_TYPE_TOAST_OVERLAY);
  if (root != NULL && overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static gboolean
get_trimmed_selection (CcHighlighter *self,
                       guint         *start,
                       guint         *end)
{
  GtkTextIter s, e;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &s, &e))
    return FALSE;

  while (gtk_text_iter_compare (&s, &e) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&s)))
    gtk_text_iter_forward_char (&s);
  while (gtk_text_iter_compare (&s, &e) < 0)
    {
      GtkTextIter prev = e;

      gtk_text_iter_backward_char (&prev);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&prev)))
        break;
      e = prev;
    }

  if (gtk_text_iter_equal (&s, &e))
    return FALSE;

  *start = (guint) gtk_text_iter_get_offset (&s);
  *end = (guint) gtk_text_iter_get_offset (&e);
  return TRUE;
}

const char *
cc_highlighter_get_last_color (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), NULL);

  return self->last_color;
}

CcAnnotation *
cc_highlighter_highlight_selection (CcHighlighter  *self,
                                    const char     *color,
                                    GError        **error)
{
  CcDocument *document;
  CcAnnotation *annotation = NULL;
  GtkTextIter cursor;
  guint start, end;

  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), NULL);

  if (color == NULL)
    color = self->last_color;
  if (!cc_annotation_color_is_valid (color))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown colour “%s”"), color);
      return NULL;
    }

  document = cc_reader_view_get_document (self->reader);
  if (document == NULL || !get_trimmed_selection (self, &start, &end))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Nothing is selected"));
      return NULL;
    }

  /* @color may be last_color itself: copy before freeing. */
  if (color != self->last_color)
    {
      g_free (self->last_color);
      self->last_color = g_strdup (color);
    }

  /* The same passage again: change the colour of its highlight. */
  for (guint i = 0; i < self->annotations->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (cc_annotation_get_start (a) == start && cc_annotation_get_end (a) == end)
        {
          g_autoptr(CcAnnotation) before = cc_annotation_copy (a);

          annotation = cc_annotation_copy (a);
          cc_annotation_set_color (annotation, color);
          if (!cc_undo_stack_update (self->undo, before, annotation, FALSE, error))
            g_clear_object (&annotation);
          break;
        }
    }

  if (annotation == NULL && (error == NULL || *error == NULL))
    annotation = cc_undo_stack_create (self->undo, cc_document_get_id (document),
                                       start, end, color, error);
  if (annotation == NULL)
    return NULL;

  /* Drop the selection so the new colour shows. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &cursor, (int) end);
  gtk_text_buffer_select_range (self->buffer, &cursor, &cursor);
  gtk_popover_popdown (GTK_POPOVER (self->selection_popover));

  return annotation;
}

/* Popovers */

static void
range_rectangle (CcHighlighter *self,
                 guint          start,
                 guint          end,
                 GdkRectangle  *rect)
{
  GtkTextIter s, e;
  GdkRectangle rs, re;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &e, (int) end);
  gtk_text_view_get_iter_location (self->text_view, &s, &rs);
  gtk_text_view_get_iter_location (self->text_view, &e, &re);

  /* On one line: the whole stretch; across lines: the start of its first
   * line. */
  if (re.y == rs.y && re.x > rs.x)
    rs.width = re.x - rs.x;
  rs.width = MAX (rs.width, 1);

  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rs.x, rs.y, &rs.x, &rs.y);
  *rect = rs;
}

gboolean
cc_highlighter_open_annotation (CcHighlighter *self,
                                const char    *uuid,
                                gboolean       focus_note)
{
  CcAnnotationPopover *popover;
  CcAnnotation *annotation;
  GdkRectangle rect;

  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), FALSE);

  annotation = find_by_uuid (self, uuid, NULL);
  if (annotation == NULL || !can_popup (self))
    return FALSE;

  popover = CC_ANNOTATION_POPOVER (self->annotation_popover);
  gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
  cc_annotation_popover_set_annotation (popover, annotation);

  range_rectangle (self, cc_annotation_get_start (annotation),
                   cc_annotation_get_end (annotation), &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  gtk_popover_popup (GTK_POPOVER (popover));
  if (focus_note)
    cc_annotation_popover_focus_note (popover);

  return TRUE;
}

static gboolean
open_on_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  CcHighlighter *self = user_data;

  /* The first frame lays the text out; open on the next. */
  if (++self->open_ticks < 2)
    return G_SOURCE_CONTINUE;

  self->open_tick_id = 0;
  if (self->open_uuid != NULL)
    cc_highlighter_open_annotation (self, self->open_uuid, FALSE);
  g_clear_pointer (&self->open_uuid, g_free);

  return G_SOURCE_REMOVE;
}

void
cc_highlighter_open_annotation_later (CcHighlighter *self,
                                      const char    *uuid)
{
  g_return_if_fail (CC_IS_HIGHLIGHTER (self));
  g_return_if_fail (uuid != NULL);

  g_free (self->open_uuid);
  self->open_uuid = g_strdup (uuid);
  self->open_ticks = 0;
  if (self->open_tick_id == 0)
    self->open_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view),
                                                       open_on_tick, self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

GtkPopover *
cc_highlighter_get_annotation_popover (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), NULL);

  return GTK_POPOVER (self->annotation_popover);
}

/* GTK positions a popover on the monitor of its window: none yet (a window
 * not placed by the window manager yet) means no popover. */
static gboolean
can_popup (CcHighlighter *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self->text_view));
  GdkSurface *surface = native ? gtk_native_get_surface (native) : NULL;

  return surface != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->text_view)) &&
         gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) != NULL;
}

static void
show_selection_popover (CcHighlighter *self)
{
  GdkRectangle rect;
  guint start, end;

  if (cc_reader_view_get_document (self->reader) == NULL ||
      cc_undo_stack_get_store (self->undo) == NULL ||
      !get_trimmed_selection (self, &start, &end) || !can_popup (self))
    return;

  range_rectangle (self, start, end, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->selection_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->selection_popover));
}

gboolean
cc_highlighter_popup_selection_bar (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), FALSE);

  show_selection_popover (self);
  return gtk_widget_get_visible (self->selection_popover);
}

GtkPopover *
cc_highlighter_get_selection_bar (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), NULL);

  return GTK_POPOVER (self->selection_popover);
}

static gboolean
show_selection_popover_cb (gpointer user_data)
{
  CcHighlighter *self = user_data;

  self->popup_source = 0;
  if (gtk_text_buffer_get_has_selection (self->buffer) &&
      gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    show_selection_popover (self);

  return G_SOURCE_REMOVE;
}

static void
on_click_released (CcHighlighter   *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  GtkTextIter iter;
  CcAnnotation *annotation;
  int bx, by;

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  if (gtk_text_buffer_get_has_selection (self->buffer))
    {
      /* Once the text view has handled the release too: a click that
       * only moved the cursor leaves no selection. */
      g_clear_handle_id (&self->popup_source, g_source_remove);
      self->popup_source = g_timeout_add (POPUP_DELAY_MS, show_selection_popover_cb, self);
      return;
    }

  if (n_press != 1)
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;

  annotation = cc_highlighter_get_annotation_at (self, (guint) gtk_text_iter_get_offset (&iter));
  if (annotation != NULL)
    {
      g_autofree char *uuid = g_strdup (cc_annotation_get_uuid (annotation));
      cc_highlighter_open_annotation (self, uuid, FALSE);
    }
}

static gboolean
on_query_tooltip (CcHighlighter *self,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  GtkTextView   *text_view)
{
  GtkTextIter iter;
  CcAnnotation *annotation;
  int bx, by;

  if (keyboard)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (text_view, &iter, bx, by))
    return FALSE;

  annotation = cc_highlighter_get_annotation_at (self, (guint) gtk_text_iter_get_offset (&iter));
  if (annotation == NULL || *cc_annotation_get_note (annotation) == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, cc_annotation_get_note (annotation));
  return TRUE;
}

/* Actions */

static void
update_actions (CcHighlighter *self)
{
  gboolean enabled = cc_reader_view_get_document (self->reader) != NULL &&
                     cc_undo_stack_get_store (self->undo) != NULL &&
                     gtk_text_buffer_get_has_selection (self->buffer);
  const char *names[] = { "highlight", "highlight-color", "add-note" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i])),
                                 enabled);

  if (!gtk_text_buffer_get_has_selection (self->buffer) && self->selection_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
}

static void
highlight_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CcHighlighter *self = user_data;
  g_autoptr(CcAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  const char *color = parameter ? g_variant_get_string (parameter, NULL) : NULL;

  annotation = cc_highlighter_highlight_selection (self, color, &error);
  if (annotation == NULL)
    show_error (self, _("Could not highlight"), error);
}

static void
add_note_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CcHighlighter *self = user_data;
  g_autoptr(CcAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = cc_highlighter_highlight_selection (self, NULL, &error);
  if (annotation == NULL)
    {
      show_error (self, _("Could not highlight"), error);
      return;
    }

  cc_highlighter_open_annotation (self, cc_annotation_get_uuid (annotation), TRUE);
}

/* Bare keys (H, 1-5) only act in the reading text itself, with a
 * selection: typing in a popover's entry goes on. */
static gboolean
key_shortcut (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  CcHighlighter *self = user_data;
  const char *color = NULL;

  if (!gtk_widget_has_focus (GTK_WIDGET (self->text_view)) ||
      !gtk_text_buffer_get_has_selection (self->buffer) ||
      cc_reader_view_get_document (self->reader) == NULL)
    return FALSE;

  if (args != NULL)
    color = g_variant_get_string (args, NULL);

  g_action_group_activate_action (G_ACTION_GROUP (self->actions),
                                  color ? "highlight-color" : "highlight",
                                  color ? g_variant_new_string (color) : NULL);
  return TRUE;
}

/* Enter on a highlight (the cursor in it, as after opening it from the
 * Notes panel) opens its note. */
static gboolean
open_at_cursor (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  CcHighlighter *self = user_data;
  CcAnnotation *annotation;
  GtkTextIter cursor;
  g_autofree char *uuid = NULL;

  if (!gtk_widget_has_focus (GTK_WIDGET (self->text_view)) ||
      gtk_text_buffer_get_has_selection (self->buffer))
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  annotation = cc_highlighter_get_annotation_at (self, (guint) gtk_text_iter_get_offset (&cursor));
  if (annotation == NULL)
    return FALSE;

  uuid = g_strdup (cc_annotation_get_uuid (annotation));
  return cc_highlighter_open_annotation (self, uuid, TRUE);
}

static void
add_key (CcHighlighter         *self,
         GtkShortcutController *controller,
         const char            *trigger,
         const char            *color)
{
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                               gtk_callback_action_new (key_shortcut, self, NULL));
  if (color != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (color));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static GMenu *
build_extra_menu (void)
{
  const char * const *colors = cc_annotation_get_colors ();
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) submenu = g_menu_new ();

  g_menu_append (section, _("_Highlight"), "highlight.highlight");
  for (int i = 0; colors[i] != NULL; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("highlight.highlight-color::%s", colors[i]);
      g_menu_append (submenu, cc_annotation_color_get_label (colors[i]), detailed);
    }
  g_menu_append_submenu (section, _("Highlight _Colour"), G_MENU_MODEL (submenu));
  g_menu_append (section, _("Add _Note…"), "highlight.add-note");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  return menu;
}

static GtkWidget *
build_selection_popover (void)
{
  const char * const *colors = cc_annotation_get_colors ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *note;

  /* Not modal: the text stays usable; it goes when the selection does. */
  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_TOP);
  gtk_widget_add_css_class (popover, "cc-selection-popover");

  for (int i = 0; colors[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new ();
      g_autofree char *tooltip = g_strdup_printf (_("Highlight in %s"),
                                                  cc_annotation_color_get_label (colors[i]));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "highlight.highlight-color");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", colors[i]);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_add_css_class (button, "cc-color-button");
      gtk_widget_add_css_class (button, colors[i]);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  note = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_tooltip_text (note, _("Highlight and Add Note"));
  gtk_widget_set_focus_on_click (note, FALSE);
  gtk_widget_add_css_class (note, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (note), "highlight.add-note");
  gtk_box_append (GTK_BOX (box), note);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static void
on_document_changed (CcHighlighter *self,
                     CcReaderView  *reader)
{
  gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
  gtk_popover_popdown (GTK_POPOVER (self->annotation_popover));
  cc_highlighter_reload (self);
  update_actions (self);
}

static void
on_store_changed (CcHighlighter *self,
                  GParamSpec    *pspec,
                  CcUndoStack   *undo)
{
  cc_highlighter_reload (self);
  update_actions (self);
}

static void
unparent_popovers (CcHighlighter *self)
{
  if (self->selection_popover != NULL)
    gtk_widget_unparent (g_steal_pointer (&self->selection_popover));
  if (self->annotation_popover != NULL)
    {
      cc_annotation_popover_flush (CC_ANNOTATION_POPOVER (self->annotation_popover));
      gtk_widget_unparent (g_steal_pointer (&self->annotation_popover));
    }
}

static const GActionEntry action_entries[] = {
  { "highlight", highlight_action, NULL, NULL, NULL, { 0 } },
  { "highlight-color", highlight_action, "s", NULL, NULL, { 0 } },
  { "add-note", add_note_action, NULL, NULL, NULL, { 0 } },
};

CcHighlighter *
cc_highlighter_new (CcReaderView *reader,
                    CcUndoStack  *undo)
{
  CcHighlighter *self;
  GtkEventController *controller;
  AdwStyleManager *style_manager;

  g_return_val_if_fail (CC_IS_READER_VIEW (reader), NULL);
  g_return_val_if_fail (CC_IS_UNDO_STACK (undo), NULL);

  self = g_object_new (CC_TYPE_HIGHLIGHTER, NULL);
  self->reader = g_object_ref (reader);
  self->undo = g_object_ref (undo);
  self->text_view = cc_reader_view_get_text_view (reader);
  self->buffer = g_object_ref (cc_reader_view_get_buffer (reader));

  cc_highlighter_ensure_style (gtk_widget_get_display (GTK_WIDGET (reader)));

  style_manager = adw_style_manager_get_default ();
  self->dark = adw_style_manager_get_dark (style_manager);
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (_cc_highlighter_update_colors), self, G_CONNECT_SWAPPED);
  _cc_highlighter_ensure_note_tags (self);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (reader), "highlight", G_ACTION_GROUP (self->actions));
  gtk_widget_insert_action_group (GTK_WIDGET (self->text_view), "highlight", G_ACTION_GROUP (self->actions));

  self->extra_menu = build_extra_menu ();
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->extra_menu));

  self->selection_popover = build_selection_popover ();
  gtk_widget_set_parent (self->selection_popover, GTK_WIDGET (self->text_view));
  /* Popovers are their own surfaces: give them the actions directly. */
  gtk_widget_insert_action_group (self->selection_popover, "highlight", G_ACTION_GROUP (self->actions));
  self->annotation_popover = cc_annotation_popover_new (undo);
  gtk_widget_set_parent (self->annotation_popover, GTK_WIDGET (self->text_view));

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_key (self, GTK_SHORTCUT_CONTROLLER (controller), "<Control>h", NULL);
  add_key (self, GTK_SHORTCUT_CONTROLLER (controller), "h", NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter"),
                                                          gtk_callback_action_new (open_at_cursor, self, NULL)));
  for (int i = 0; i < N_COLORS; i++)
    {
      char trigger[2] = { (char) ('1' + i), '\0' };
      add_key (self, GTK_SHORTCUT_CONTROLLER (controller), trigger, cc_annotation_get_colors ()[i]);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect_object (controller, "released",
                           G_CALLBACK (on_click_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect_object (self->text_view, "query-tooltip",
                           G_CALLBACK (on_query_tooltip), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "destroy",
                           G_CALLBACK (unparent_popovers), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->buffer, "notify::has-selection",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (reader, "document-changed",
                           G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "notify::store",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "changed",
                           G_CALLBACK (on_undo_changed), self, G_CONNECT_SWAPPED);

  cc_highlighter_reload (self);
  update_actions (self);

  return self;
}

static void
cc_highlighter_dispose (GObject *object)
{
  CcHighlighter *self = CC_HIGHLIGHTER (object);

  g_clear_handle_id (&self->paint_source, g_source_remove);
  g_clear_handle_id (&self->popup_source, g_source_remove);
  if (self->open_tick_id != 0 && self->text_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->open_tick_id);
  self->open_tick_id = 0;
  unparent_popovers (self);
  if (self->reader != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self->reader), "highlight", NULL);
  if (self->text_view != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self->text_view), "highlight", NULL);
  if (self->text_view != NULL && self->extra_menu != NULL &&
      gtk_text_view_get_extra_menu (self->text_view) == G_MENU_MODEL (self->extra_menu))
    gtk_text_view_set_extra_menu (self->text_view, NULL);

  g_clear_object (&self->extra_menu);
  g_clear_object (&self->actions);
  g_clear_object (&self->buffer);
  g_clear_object (&self->reader);
  g_clear_object (&self->undo);
  self->text_view = NULL;

  G_OBJECT_CLASS (cc_highlighter_parent_class)->dispose (object);
}

static void
cc_highlighter_finalize (GObject *object)
{
  CcHighlighter *self = CC_HIGHLIGHTER (object);

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->mix_tags, g_hash_table_unref);
  g_clear_pointer (&self->last_color, g_free);
  g_clear_pointer (&self->painted, g_free);

  G_OBJECT_CLASS (cc_highlighter_parent_class)->finalize (object);
}

static void
cc_highlighter_class_init (CcHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_highlighter_dispose;
  object_class->finalize = cc_highlighter_finalize;
}

static void
cc_highlighter_init (CcHighlighter *self)
{
  self->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self->mix_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->last_color = g_strdup ("yellow");
}
