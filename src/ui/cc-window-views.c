/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-compare-view.h"
#include "cc-document-row.h"
#include "cc-facts-view.h"
#include "cc-notes-panel.h"
#include "cc-window-private.h"

/* The window's part for the Compare and Facts views: puts them into their
 * pages, and offers "Compare With" on the document list's rows (context
 * menu: right click or long press) through the window action
 * "win.compare-documents" ((xx): left and right document ids). */

#define MAX_MENU_DOCUMENTS 30
#define MAX_LABEL_CHARS    40

static CcCompareView *
get_compare_view (CcWindow *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cc_window_get_compare_page (self)));

  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    if (CC_IS_COMPARE_VIEW (child))
      return CC_COMPARE_VIEW (child);
  return NULL;
}

static CcDocument *
find_document (CcWindow *self,
               gint64    id)
{
  GListModel *documents = cc_window_get_documents (self);
  guint n = g_list_model_get_n_items (documents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcDocument) document = g_list_model_get_item (documents, i);

      if (cc_document_get_id (document) == id)
        return g_steal_pointer (&document);
    }
  return NULL;
}

static void
compare_documents_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CcWindow *self = CC_WINDOW (user_data);
  CcCompareView *view = get_compare_view (self);
  g_autoptr(CcDocument) left = NULL;
  g_autoptr(CcDocument) right = NULL;
  gint64 left_id, right_id;

  g_variant_get (parameter, "(xx)", &left_id, &right_id);
  left = find_document (self, left_id);
  right = find_document (self, right_id);
  if (view == NULL || left == NULL || right == NULL)
    return;

  cc_compare_view_set_documents (view, left, right);
  adw_view_stack_set_visible_child_name (self->main_stack, "compare");
}

static CcDocument *
document_at (GtkWidget *list,
             double     x,
             double     y)
{
  GtkWidget *picked = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked != NULL ? gtk_widget_get_ancestor (picked, CC_TYPE_DOCUMENT_ROW) : NULL;

  if (row == NULL && picked != NULL)
    {
      /* The list item widget around the row. */
      GtkWidget *child = gtk_widget_get_first_child (picked);

      if (child != NULL && CC_IS_DOCUMENT_ROW (child))
        row = child;
    }
  return row != NULL ? cc_document_row_get_document (CC_DOCUMENT_ROW (row)) : NULL;
}

/* Menu items do not ellipsize: long titles are shortened here. (A section
 * header would be clearer, but GTK 4.8 sizes such a menu a row short.) */
static char *
short_label (const char *title)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (title, -1) <= MAX_LABEL_CHARS)
    return g_strdup (title);
  start = g_utf8_substring (title, 0, MAX_LABEL_CHARS - 1);
  return g_strconcat (g_strchomp (start), "…", NULL);
}

static void
unparent_later (GtkWidget *popover)
{
  gtk_widget_unparent (popover);
  g_object_unref (popover);
}

static void
on_menu_closed (GtkPopover *popover)
{
  g_idle_add_once ((GSourceOnceFunc)unparent_later, g_object_ref (popover));
}

static void
show_row_menu (CcWindow *self,
               double    x,
               double    y)
{
  GtkWidget *list = GTK_WIDGET (self->document_list);
  CcDocument *document = document_at (list, x, y);
  GListModel *documents = cc_window_get_documents (self);
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) others = NULL;
  GtkWidget *popover;
  guint n, shown = 0;

  if (document == NULL)
    return;

  menu = g_menu_new ();
  others = g_menu_new ();
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n && shown < MAX_MENU_DOCUMENTS; i++)
    {
      g_autoptr(CcDocument) other = g_list_model_get_item (documents, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *shortened = NULL;
      g_autofree char *label = NULL;
      const char *title;

      if (cc_document_get_id (other) == cc_document_get_id (document))
        continue;
      title = cc_document_get_title (other);
      shortened = short_label (title != NULL && *title != '\0' ? title : cc_document_get_basename (other));
      /* Translators: an item of the document list's context menu */
      label = g_strdup_printf (_("Compare With “%s”"), shortened);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.compare-documents", "(xx)",
                                         cc_document_get_id (document),
                                         cc_document_get_id (other));
      g_menu_append_item (others, item);
      shown++;
    }
  if (shown == 0)
    return;
  g_menu_append_section (menu, NULL, G_MENU_MODEL (others));

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, list);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (on_menu_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_list_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 CcWindow        *self)
{
  show_row_menu (self, x, y);
}

static void
on_list_long_pressed (GtkGestureLongPress *gesture,
                      double               x,
                      double               y,
                      CcWindow            *self)
{
  show_row_menu (self, x, y);
}

static void
ensure_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "cc-views-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/gnome/Crosscheck/cc-views.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "cc-views-style",
                          g_object_ref (provider), g_object_unref);
}

/* Shift+F10 or the Menu key on a focused row opens the same menu. */
static gboolean
on_menu_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  CcWindow *self = CC_WINDOW (user_data);
  GtkWidget *list = GTK_WIDGET (self->document_list);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = NULL;
  graphene_point_t point, center;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, list))
    return FALSE;
  row = gtk_widget_get_ancestor (focus, CC_TYPE_DOCUMENT_ROW);
  if (row == NULL)
    {
      GtkWidget *child = gtk_widget_get_first_child (focus);

      if (child != NULL && CC_IS_DOCUMENT_ROW (child))
        row = child;
    }
  if (row == NULL)
    return FALSE;

  center = GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 2.0, gtk_widget_get_height (row) / 2.0);
  if (!gtk_widget_compute_point (row, list, &center, &point))
    return FALSE;
  show_row_menu (self, point.x, point.y);
  return TRUE;
}

void
_cc_window_views_init (CcWindow *self)
{
  g_autoptr(GSimpleAction) action = NULL;
  GtkGesture *click, *long_press;
  GtkEventController *shortcuts;
  GtkWidget *compare, *facts;

  ensure_style (gtk_widget_get_display (GTK_WIDGET (self)));

  compare = cc_compare_view_new (self->session);
  gtk_widget_set_vexpand (compare, TRUE);
  cc_window_clear_page (cc_window_get_compare_page (self));
  gtk_box_append (cc_window_get_compare_page (self), compare);

  /* Highlights and notes in the compare panes share the Notes panel's undo
   * stack. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cc_window_get_notes_page (self)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CC_IS_NOTES_PANEL (child))
      cc_compare_view_set_undo_stack (CC_COMPARE_VIEW (compare),
                                      cc_notes_panel_get_undo_stack (CC_NOTES_PANEL (child)));

  facts = cc_facts_view_new (self->session);
  gtk_widget_set_vexpand (facts, TRUE);
  cc_window_clear_page (cc_window_get_facts_page (self));
  gtk_box_append (cc_window_get_facts_page (self), facts);

  action = g_simple_action_new ("compare-documents", G_VARIANT_TYPE ("(xx)"));
  g_signal_connect_object (action, "activate", G_CALLBACK (compare_documents_activated), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_list_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->document_list), GTK_EVENT_CONTROLLER (click));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                                                          gtk_callback_action_new (on_menu_key, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->document_list), shortcuts);

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (on_list_long_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->document_list), GTK_EVENT_CONTROLLER (long_press));
}
