/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-fetch.h"
#include "cc-window-private.h"

/* Importing folders and files: the file chooser, drag and drop, the progress
 * bar with its cancel button, the summary toast and the list of problems. */

static gboolean
window_is_alive (CcWindow *self)
{
  /* Template children are cleared in dispose. */
  return self->toast_overlay != NULL;
}

static void
on_import_progress (guint       done,
                    guint       total,
                    const char *current_path,
                    gpointer    user_data)
{
  CcWindow *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (!window_is_alive (self) || !self->importing)
    return;

  name = current_path ? g_filename_display_basename (current_path) : NULL;
  if (total > 0 && (done >= total || name == NULL))
    {
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saving %u file…", "Saving %u files…", total),
                               total);
      gtk_progress_bar_set_fraction (self->import_progress, 1.0);
    }
  else if (total > 0)
    {
      /* Translators: import progress, e.g. "Importing 3 of 12: report.txt" */
      label = g_strdup_printf (_("Importing %u of %u: %s"), done + 1, total, name);
      gtk_progress_bar_set_fraction (self->import_progress, (double) done / total);
    }
  else
    {
      label = g_strdup (_("Looking for articles…"));
      gtk_progress_bar_pulse (self->import_progress);
    }

  gtk_label_set_label (self->import_label, label);
}

static gboolean
report_has_problems (const CcImportReport *report)
{
  for (guint i = 0; i < report->events->len; i++)
    {
      const CcImportEvent *event = g_ptr_array_index (report->events, i);

      if (event->status == CC_IMPORT_SKIPPED || event->status == CC_IMPORT_MISSING ||
          event->message != NULL)
        return TRUE;
    }

  return FALSE;
}

static char *
report_summary (const CcImportReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (report->added > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added",
                                                          report->added), report->added));
  if (report->updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated",
                                                          report->updated), report->updated));
  if (report->unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged",
                                                          report->unchanged), report->unchanged));
  if (report->skipped > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped",
                                                          report->skipped), report->skipped));
  if (report->missing > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missing", "%u missing",
                                                          report->missing), report->missing));

  if (parts->len == 0)
    return g_strdup (_("No articles found"));

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator of the import summary, "5 added, 1 skipped" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
set_importing (CcWindow *self,
               gboolean  importing)
{
  self->importing = importing;
  gtk_revealer_set_reveal_child (self->import_revealer, importing);
  _cc_window_update_actions (self);
}

/* Shows the outcome of an import of files or of a link. */
static void
import_finished (CcWindow       *self,
                 CcImportReport *report_in,
                 GError         *error)
{
  g_autoptr(CcImportReport) report = report_in;
  AdwToast *toast;

  g_clear_object (&self->import_cancellable);
  if (!window_is_alive (self))
    return;

  set_importing (self, FALSE);

  if (report == NULL)
    {
      g_autofree char *message = NULL;

      /* stories (issue 13): nothing to add to a story. */
      _cc_window_stories_import_done (self, NULL);
      _cc_window_stories_watch_toast (self, NULL);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("Import cancelled"));
      else
        message = g_strdup_printf (_("Import failed: %s"), error->message);

      cc_window_add_toast (self, adw_toast_new (message));
      /* Whatever was committed before the failure is shown. */
      _cc_window_reload_documents (self);
      cc_session_library_changed (self->session);
      return;
    }

  g_clear_pointer (&self->last_report, cc_import_report_free);
  _cc_window_stories_import_done (self, report);  /* stories (issue 13) */
  if (_cc_window_stories_watch_toast (self, report))
    {
      _cc_window_reload_documents (self);
      cc_session_library_changed (self->session);
      return;
    }

  {
    g_autofree char *summary = report_summary (report);

    toast = adw_toast_new (summary);
    adw_toast_set_timeout (toast, 5);
    if (report_has_problems (report))
      {
        adw_toast_set_button_label (toast, _("_Details"));
        adw_toast_set_action_name (toast, "win.show-import-report");
      }
  }

  self->last_report = g_steal_pointer (&report);
  _cc_window_reload_documents (self);
  cc_session_library_changed (self->session);
  cc_window_add_toast (self, toast);

  /* Open something to read after a first import. */
  if (cc_reader_view_get_document (self->reader) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  CcImportReport *report = cc_import_paths_finish (result, &error);

  import_finished (self, report, error);
}

/* Opens the library to import into when none is open. */
static gboolean
ensure_store (CcWindow *self)
{
  g_autofree char *path = NULL;

  if (self->store != NULL)
    return TRUE;
  if (self->settings != NULL)
    path = g_settings_get_string (self->settings, "last-library");
  if (path == NULL || *path == '\0')
    {
      g_free (path);
      path = cc_store_default_path ();
    }
  return cc_window_open_library (self, path, NULL);
}

void
cc_window_import_paths (CcWindow           *self,
                        const char * const *paths)
{
  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (paths[0] == NULL)
    return;

  if (self->importing)
    {
      cc_window_add_toast (self, adw_toast_new (_("An import is already running")));
      return;
    }

  if (!ensure_store (self))
    return;

  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->import_label, _("Looking for articles…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  set_importing (self, TRUE);

  cc_import_paths_async (cc_store_get_path (self->store), paths,
                         on_import_progress, self,
                         self->import_cancellable,
                         on_import_done, g_object_ref (self));
}

gboolean
cc_window_get_importing (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), FALSE);

  return self->importing;
}

/* The list of problems of the last import */

static const char *
event_reason (const CcImportEvent *event)
{
  if (event->message != NULL)
    return event->message;

  switch (event->status)
    {
    case CC_IMPORT_MISSING:
      return _("No longer on disk; the stored copy is kept");
    case CC_IMPORT_SKIPPED:
      return _("Not imported");
    case CC_IMPORT_ADDED:
    case CC_IMPORT_UPDATED:
    case CC_IMPORT_UNCHANGED:
    default:
      return "";
    }
}

static GtkWidget *
create_event_row (const CcImportEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *name = g_filename_display_basename (event->path);
  g_autofree char *dir = g_path_get_dirname (event->path);
  g_autofree char *display_dir = g_filename_display_name (dir);
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *reason = g_markup_escape_text (event_reason (event), -1);
  g_autofree char *escaped_dir = g_markup_escape_text (display_dir, -1);

  subtitle = g_strdup_printf ("%s\n<small>%s</small>", reason, escaped_dir);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_set_tooltip_text (row, event->path);

  if (event->status == CC_IMPORT_SKIPPED)
    icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  else
    icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

void
_cc_window_show_import_report (CcWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *list;
  g_autofree char *body = NULL;
  guint n = 0;

  if (self->last_report == NULL)
    return;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < self->last_report->events->len; i++)
    {
      const CcImportEvent *event = g_ptr_array_index (self->last_report->events, i);

      if (event->status == CC_IMPORT_SKIPPED || event->status == CC_IMPORT_MISSING ||
          event->message != NULL)
        {
          gtk_list_box_append (GTK_LIST_BOX (list), create_event_row (event));
          n++;
        }
    }

  if (n == 0)
    {
      g_object_ref_sink (list);
      g_object_unref (list);
      cc_window_add_toast (self, adw_toast_new (_("Every file was imported without problems")));
      return;
    }

  if (n > 5)
    {
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
    }
  else
    {
      scroller = list;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u file was not imported or needs a look. Everything else was imported.",
                                       "%u files were not imported or need a look. Everything else was imported.",
                                       n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Report"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_widget_add_css_class (dialog, "import-report");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Open Folder…, Open Files… and drag and drop */

/* Imports the local ones of @files (a list of GFile), as chosen or dropped;
 * returns FALSE, with a toast, when none of them is local. */
gboolean
_cc_window_import_files (CcWindow   *self,
                         GListModel *files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (CC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), FALSE);

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }

  if (paths->len == 0)
    {
      cc_window_add_toast (self, adw_toast_new (_("Only local files and folders can be imported")));
      return FALSE;
    }

  g_ptr_array_add (paths, NULL);
  _cc_window_offer_story_import (self, (const char * const *) paths->pdata);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  CcWindow *self = CC_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT && window_is_alive (self))
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      _cc_window_import_files (self, files);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
show_chooser (CcWindow             *self,
              GtkFileChooserNative *chooser)
{
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_cc_window_choose_folder (CcWindow *self)
{
  show_chooser (self, gtk_file_chooser_native_new (_("Open Folder"),
                                                   GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                   _("_Open"),
                                                   _("_Cancel")));
}

void
_cc_window_choose_files (CcWindow *self)
{
  static const char * const suffixes[] = {
    "txt", "md", "html", "htm", "xhtml", "mhtml", "mht", "pdf",
  };
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Files"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (articles, _("Articles, Web Pages and PDFs"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (articles, suffixes[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), articles);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), articles);
  show_chooser (self, chooser);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (list);

  return _cc_window_import_files (CC_WINDOW (user_data), G_LIST_MODEL (files));
}

void
_cc_window_import_init (CcWindow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));

  /* what was imported from where: the Read view names the source */
  cc_reader_view_set_show_source (self->reader, TRUE);
}

/* Add from Link… */

static void
on_link_progress (guint64  received,
                  guint64  total,
                  gpointer user_data)
{
  CcWindow *self = user_data;
  g_autofree char *got = NULL;
  g_autofree char *label = NULL;

  if (!window_is_alive (self) || !self->importing)
    return;
  got = g_format_size (received);
  if (total > 0)
    {
      g_autofree char *all = g_format_size (total);
      /* Translators: download progress, e.g. "Downloading 120 kB of 300 kB…" */
      label = g_strdup_printf (_("Downloading %s of %s…"), got, all);
      gtk_progress_bar_set_fraction (self->import_progress, (double) received / total);
    }
  else
    {
      label = g_strdup_printf (_("Downloading %s…"), got);
      gtk_progress_bar_pulse (self->import_progress);
    }
  gtk_label_set_label (self->import_label, label);
}

static void
on_link_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  CcImportReport *report = cc_fetch_import_finish (result, &error);

  import_finished (self, report, error);
}

/* Fetches @url off the main thread and imports it; the import bar shows
 * the download and its Cancel button stops it. */
void
cc_window_import_url (CcWindow   *self,
                      const char *url)
{
  g_return_if_fail (CC_IS_WINDOW (self));

  if (self->importing)
    {
      cc_window_add_toast (self, adw_toast_new (_("An import is already running")));
      return;
    }
  if (!cc_fetch_is_url (url))
    {
      cc_window_add_toast (self, adw_toast_new (_("Only http and https links can be added")));
      return;
    }
  if (!ensure_store (self))
    return;

  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->import_label, _("Connecting…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  set_importing (self, TRUE);
  cc_fetch_import_async (cc_store_get_path (self->store), url, on_link_progress, self,
                         self->import_cancellable, on_link_done, g_object_ref (self));
}

static void
on_link_entry_changed (GtkEditable *entry,
                       gpointer     user_data)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (user_data), "add",
                                           cc_fetch_is_url (text));
}

static void
on_link_response (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  CcWindow *self = CC_WINDOW (user_data);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "add") && window_is_alive (self))
    cc_window_import_url (self, url);
}

void
_cc_window_ask_link (CcWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add from Link"),
                                   _("The page or PDF is downloaded and added to the library."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Link"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (on_link_entry_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_link_response), self, 0);
  gtk_widget_add_css_class (dialog, "add-link");

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
