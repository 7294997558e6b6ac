/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-window-private.h"
#include "cc-export-dialog.h"  /* export */

#define ZOOM_STEP 0.1

static const char *
sample_corpus_dir (void)
{
  const char *env = g_getenv ("CROSSCHECK_SAMPLE_CORPUS");

  if (env != NULL && g_file_test (env, G_FILE_TEST_IS_DIR))
    return env;
  if (g_file_test (SAMPLE_CORPUS_DIR, G_FILE_TEST_IS_DIR))
    return SAMPLE_CORPUS_DIR;
  if (g_file_test (SOURCE_SAMPLE_CORPUS_DIR, G_FILE_TEST_IS_DIR))
    return SOURCE_SAMPLE_CORPUS_DIR;

  return NULL;
}

void
_cc_window_update_actions (CcWindow *self)
{
  gboolean has_store = self->store != NULL;
  gboolean has_document = self->reader != NULL && cc_reader_view_get_document (self->reader) != NULL;
  gboolean has_documents = has_store && g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.open-folder", !self->importing);
  gtk_widget_action_set_enabled (widget, "win.open-files", !self->importing);
  gtk_widget_action_set_enabled (widget, "win.add-link", !self->importing);
  gtk_widget_action_set_enabled (widget, "win.open-sample", !self->importing && sample_corpus_dir () != NULL);
  gtk_widget_action_set_enabled (widget, "win.open-library", !self->importing);
  gtk_widget_action_set_enabled (widget, "win.new-library", !self->importing);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", self->importing);
  gtk_widget_action_set_enabled (widget, "win.show-import-report", self->last_report != NULL);
  gtk_widget_action_set_enabled (widget, "win.find", has_document);
  gtk_widget_action_set_enabled (widget, "win.find-next", has_document);
  gtk_widget_action_set_enabled (widget, "win.find-previous", has_document);
  gtk_widget_action_set_enabled (widget, "win.search-library", has_documents);
  gtk_widget_action_set_enabled (widget, "win.filter-documents", has_documents);
  gtk_widget_action_set_enabled (widget, "win.clear-document-filter", cc_session_get_document_filter (self->session) != NULL);
  gtk_widget_action_set_enabled (widget, "win.export", has_documents);  /* export */

  if (self->sample_button != NULL)
    gtk_widget_set_visible (self->sample_button, sample_corpus_dir () != NULL);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _cc_window_choose_folder (CC_WINDOW (widget));
}

static void
open_files_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _cc_window_choose_files (CC_WINDOW (widget));
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _cc_window_ask_link (CC_WINDOW (widget));
}

static void
open_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _cc_window_choose_library (CC_WINDOW (widget));
}

static void
new_library_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _cc_window_choose_new_library (CC_WINDOW (widget));  /* stories (issue 13) */
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *dir = sample_corpus_dir ();
  const char *paths[] = { dir, NULL };

  /* The sample becomes a story of its own, like any folder opened. */
  if (dir != NULL)
    cc_window_open_paths (CC_WINDOW (widget), paths);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CcWindow *self = CC_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
show_import_report_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  _cc_window_show_import_report (CC_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CcWindow *self = CC_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->main_stack, "read");
  cc_reader_view_start_find (self->reader);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CcWindow *self = CC_WINDOW (widget);

  if (cc_reader_view_get_n_matches (self->reader) == 0)
    cc_reader_view_start_find (self->reader);
  else
    cc_reader_view_find_next (self->reader, g_str_equal (action_name, "win.find-next"));
}

static void
search_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CcWindow *self = CC_WINDOW (widget);

  gtk_menu_button_popup (self->search_button);
}

static void
filter_documents_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CcWindow *self = CC_WINDOW (widget);

  gtk_toggle_button_set_active (self->sidebar_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

/* Export… on the session: the current story's listed articles by default. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CcWindow *self = CC_WINDOW (widget);
  CcExportDialog *dialog;

  if (cc_session_get_store (self->session) == NULL)
    return;
  dialog = cc_export_dialog_new (GTK_WINDOW (self), self->session, G_LIST_MODEL (self->filtered));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_document_filter_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  cc_window_set_document_filter (CC_WINDOW (widget), NULL, NULL);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CcWindow *self = CC_WINDOW (widget);
  double size = cc_reader_view_get_text_size (self->reader);

  if (g_str_equal (action_name, "win.zoom-in"))
    size += ZOOM_STEP;
  else if (g_str_equal (action_name, "win.zoom-out"))
    size -= ZOOM_STEP;
  else
    size = 1.0;

  /* Round to the step so repeated zooming does not drift. */
  cc_reader_view_set_text_size (self->reader, ((int) (size / ZOOM_STEP + 0.5)) * ZOOM_STEP);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CcWindow *self = CC_WINDOW (widget);
  GtkToggleButton *button = g_str_equal (action_name, "win.toggle-sidebar")
                            ? self->sidebar_button : self->side_panel_button;

  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CcWindow *self = CC_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->main_stack, name) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "library"))
    adw_view_stack_set_visible_child_name (self->main_stack, name);
}

void
_cc_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.open-files", NULL, open_files_action);
  gtk_widget_class_install_action (widget_class, "win.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "win.open-library", NULL, open_library_action);
  gtk_widget_class_install_action (widget_class, "win.new-library", NULL, new_library_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-report", NULL, show_import_report_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.search-library", NULL, search_library_action);
  gtk_widget_class_install_action (widget_class, "win.filter-documents", NULL, filter_documents_action);
  gtk_widget_class_install_action (widget_class, "win.clear-document-filter", NULL, clear_document_filter_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-side-panel", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);  /* export */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);  /* export */

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-library", NULL);
  /* Ctrl+L is a location (a link) in GNOME apps; filtering moved to Ctrl+K */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-files", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.add-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.filter-documents", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.toggle-side-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "read");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "compare");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "facts");
}

void
_cc_window_actions_init (CcWindow *self)
{
  _cc_window_update_actions (self);
}
