/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-annotation-store.h"
#include "cc-annotation.h"
#include "cc-export-dialog.h"

struct _CcExportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkWidget       *export_button;
  AdwActionRow    *scope_document_row;
  AdwActionRow    *scope_list_row;
  AdwActionRow    *scope_library_row;
  GtkCheckButton  *scope_document;
  GtkCheckButton  *scope_list;
  GtkCheckButton  *scope_library;
  AdwComboRow     *color_row;
  AdwComboRow     *tag_row;
  AdwComboRow     *format_row;
  GtkWidget       *entities_row;
  GtkWidget       *conflicts_row;
  GtkSwitch       *entities_switch;
  GtkSwitch       *conflicts_switch;

  /* Owned */
  CcSession       *session;
  CcStore         *store;
  CcDocument      *current;
  GListModel      *listed;
  GtkWindow       *parent;
  GStrv            tags;      /* the tag row's items after "Any Tag" */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (CcExportDialog, cc_export_dialog, ADW_TYPE_WINDOW)

/* Index 0 of the colour and tag rows: no filter. */
#define ANY 0

static void
on_format_changed (CcExportDialog *self)
{
  gboolean markdown = cc_export_dialog_get_format (self) == CC_EXPORT_FORMAT_MARKDOWN;

  /* The summary and conflicts are only written in Markdown. */
  gtk_widget_set_sensitive (self->entities_row, markdown);
  gtk_widget_set_sensitive (self->conflicts_row, markdown);
}

CcExportFormat
cc_export_dialog_get_format (CcExportDialog *self)
{
  g_return_val_if_fail (CC_IS_EXPORT_DIALOG (self), CC_EXPORT_FORMAT_MARKDOWN);

  return adw_combo_row_get_selected (self->format_row) == 1 ? CC_EXPORT_FORMAT_W3C
                                                            : CC_EXPORT_FORMAT_MARKDOWN;
}

CcExportOptions *
cc_export_dialog_get_options (CcExportDialog *self)
{
  CcExportOptions *options;
  guint color;
  guint tag;

  g_return_val_if_fail (CC_IS_EXPORT_DIALOG (self), NULL);

  options = cc_export_options_new ();
  if (gtk_check_button_get_active (self->scope_document) && self->current != NULL)
    cc_export_options_add_document (options, cc_document_get_id (self->current));
  else if (gtk_check_button_get_active (self->scope_list) && self->listed != NULL)
    {
      guint n = g_list_model_get_n_items (self->listed);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CcDocument) doc = g_list_model_get_item (self->listed, i);
          cc_export_options_add_document (options, cc_document_get_id (doc));
        }
    }

  color = adw_combo_row_get_selected (self->color_row);
  if (color != ANY && color != GTK_INVALID_LIST_POSITION &&
      color - 1 < g_strv_length ((char **)cc_annotation_get_colors ()))
    options->color = g_strdup (cc_annotation_get_colors ()[color - 1]);

  tag = adw_combo_row_get_selected (self->tag_row);
  if (tag != ANY && tag != GTK_INVALID_LIST_POSITION && self->tags != NULL &&
      tag - 1 < g_strv_length (self->tags))
    options->tag = g_strdup (self->tags[tag - 1]);

  if (cc_export_dialog_get_format (self) == CC_EXPORT_FORMAT_MARKDOWN)
    {
      options->entities = gtk_switch_get_active (self->entities_switch);
      options->conflicts = gtk_switch_get_active (self->conflicts_switch);
    }
  return options;
}

/* After the export */

typedef struct
{
  GtkWindow *parent;
  CcSession *session;   /* shows the toasts */
  GFile     *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->session);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_job_closure_free (gpointer  data,
                         GClosure *closure)
{
  export_job_free (data);
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CcSession) session = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot open the file: %s"), error->message);
      cc_session_add_toast (session, adw_toast_new (message));
    }
}

static void
on_open_clicked (AdwToast  *toast,
                 ExportJob *job)
{
  g_autofree char *uri = g_file_get_uri (job->file);
  g_autoptr(GdkAppLaunchContext) context = NULL;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (job->parent)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_launched, g_object_ref (job->session));
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  /* The message names the file. */
  dialog = adw_message_dialog_new (parent, _("Export Failed"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!cc_export_to_file_finish (CC_STORE (source), result, &error))
    {
      show_error (job->parent, error);
      export_job_free (job);
      return;
    }

  if (job->session != NULL)
    {
      g_autofree char *basename = g_file_get_basename (job->file);
      g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), basename);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_timeout (toast, 8);
      /* The job lives as long as the toast. */
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked), job,
                             export_job_closure_free, 0);
      cc_session_add_toast (job->session, toast);
    }
  else
    export_job_free (job);
}

void
cc_export_dialog_export_to (CcExportDialog *self,
                            GFile          *file)
{
  g_autoptr(CcExportOptions) options = NULL;
  ExportJob *job;

  g_return_if_fail (CC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  options = cc_export_dialog_get_options (self);
  job = g_new0 (ExportJob, 1);
  job->parent = self->parent != NULL ? g_object_ref (self->parent) : g_object_ref (GTK_WINDOW (self));
  job->session = g_object_ref (self->session);
  job->file = g_object_ref (file);
  cc_export_to_file_async (self->store, cc_export_dialog_get_format (self), options, file, NULL,
                           on_exported, job);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response (CcExportDialog *self,
                     int             response,
                     GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        cc_export_dialog_export_to (self, file);
    }
  g_clear_object (&self->chooser);
}

static char *
suggested_name (CcExportDialog *self,
                CcExportFormat  format)
{
  const char *extension = cc_export_format_get_extension (format);

  if (gtk_check_button_get_active (self->scope_document) && self->current != NULL)
    {
      g_autofree char *stem = g_strdup (cc_document_get_basename (self->current));
      char *dot = strrchr (stem, '.');

      if (dot != NULL && dot != stem)
        *dot = '\0';
      /* TRANSLATORS: file name of an export: "ARTICLE-notes.md" */
      return g_strdup_printf (_("%s-notes.%s"), stem, extension);
    }
  /* TRANSLATORS: file name of an export */
  return g_strdup_printf (_("crosscheck-notes.%s"), extension);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CcExportDialog *self = CC_EXPORT_DIALOG (widget);
  CcExportFormat format = cc_export_dialog_get_format (self);
  g_autofree char *name = suggested_name (self, format);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Notes"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (format == CC_EXPORT_FORMAT_MARKDOWN)
    {
      gtk_file_filter_set_name (filter, _("Markdown"));
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_suffix (filter, "md");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("JSON"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_mime_type (filter, "application/ld+json");
      gtk_file_filter_add_suffix (filter, "json");
      gtk_file_filter_add_suffix (filter, "jsonld");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Setting up */

static char *
count_articles (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
}

static void
setup_scope (CcExportDialog *self)
{
  guint listed = self->listed != NULL ? g_list_model_get_n_items (self->listed) : 0;
  g_autofree char *in_list = count_articles (listed);
  g_autofree char *in_library = count_articles (cc_store_count_documents (self->store));
  CcStory *story = cc_session_get_story (self->session);

  if (self->current != NULL)
    adw_action_row_set_subtitle (self->scope_document_row, cc_document_get_title (self->current));
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->scope_document_row), FALSE);
  if (story != NULL && !cc_story_is_all (story))
    {
      /* Translators: the export scope's subtitle, "4 articles of “Story”" */
      g_autofree char *of_story = g_strdup_printf (_("%s of “%s”"), in_list,
                                                   cc_story_get_name (story));

      adw_action_row_set_subtitle (self->scope_list_row, of_story);
      /* A story is current: its articles, not every story's, by default. */
      if (listed > 0)
        gtk_check_button_set_active (self->scope_list, TRUE);
    }
  else
    adw_action_row_set_subtitle (self->scope_list_row, in_list);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_list_row), listed > 0);
  adw_action_row_set_subtitle (self->scope_library_row, in_library);
}

static void
setup_filters (CcExportDialog *self)
{
  g_autoptr(GtkStringList) colors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tags = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  const char * const *ids = cc_annotation_get_colors ();

  gtk_string_list_append (colors, _("Any Colour"));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (colors, cc_annotation_color_get_label (ids[i]));
  adw_combo_row_set_model (self->color_row, G_LIST_MODEL (colors));

  self->tags = cc_annotation_store_list_tags (self->store, &error);
  if (self->tags == NULL)
    g_warning ("Cannot list tags: %s", error->message);
  gtk_string_list_append (tags, _("Any Tag"));
  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    gtk_string_list_append (tags, self->tags[i]);
  adw_combo_row_set_model (self->tag_row, G_LIST_MODEL (tags));
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_row), self->tags != NULL && self->tags[0] != NULL);
}

CcExportDialog *
cc_export_dialog_new (GtkWindow  *parent,
                      CcSession  *session,
                      GListModel *listed)
{
  CcExportDialog *self;
  CcDocument *current;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CC_IS_SESSION (session), NULL);
  g_return_val_if_fail (CC_IS_STORE (cc_session_get_store (session)), NULL);

  self = g_object_new (CC_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  current = cc_session_get_document (session);
  self->session = g_object_ref (session);
  self->store = g_object_ref (cc_session_get_store (session));
  self->current = current != NULL ? g_object_ref (current) : NULL;
  self->listed = listed != NULL ? g_object_ref (listed) : NULL;
  self->parent = parent != NULL ? g_object_ref (parent) : NULL;
  setup_scope (self);
  setup_filters (self);
  on_format_changed (self);
  return self;
}

static void
cc_export_dialog_dispose (GObject *object)
{
  CcExportDialog *self = CC_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (cc_export_dialog_parent_class)->dispose (object);
}

static void
cc_export_dialog_finalize (GObject *object)
{
  CcExportDialog *self = CC_EXPORT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->current);
  g_clear_object (&self->listed);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (cc_export_dialog_parent_class)->finalize (object);
}

static void
cc_export_dialog_class_init (CcExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_export_dialog_dispose;
  object_class->finalize = cc_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/gnome/Crosscheck/ui/cc-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, scope_document_row);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, scope_list_row);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, scope_library_row);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, scope_document);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, scope_list);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, scope_library);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, color_row);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, entities_row);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, conflicts_row);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, entities_switch);
  gtk_widget_class_bind_template_child (widget_class, CcExportDialog, conflicts_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cc_export_dialog_init (CcExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
