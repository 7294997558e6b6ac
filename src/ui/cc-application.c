/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-application.h"
#include "cc-window.h"

struct _CcApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        settings_checked;
};

G_DEFINE_FINAL_TYPE (CcApplication, cc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the library at PATH"), N_("PATH") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

CcApplication *
cc_application_new (void)
{
  return g_object_new (CC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/gnome/Crosscheck",
                       NULL);
}

GSettings *
cc_application_dup_settings (CcApplication *self)
{
  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);

  if (!self->settings_checked)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchemaSource) build_source = NULL;
      g_autoptr(GSettingsSchema) schema = NULL;

      self->settings_checked = TRUE;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

#ifdef BUILD_SCHEMA_DIR
      /* Running from the build directory, with no schema installed. */
      if (schema == NULL && g_file_test (BUILD_SCHEMA_DIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
        {
          build_source = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source,
                                                                      FALSE, NULL);
          if (build_source != NULL)
            schema = g_settings_schema_source_lookup (build_source, APP_ID, TRUE);
        }
#endif

      if (schema != NULL)
        self->settings = g_settings_new_full (schema, NULL, NULL);
      else
        g_warning ("The settings schema %s is not installed: settings will not be saved", APP_ID);
    }

  return self->settings ? g_object_ref (self->settings) : NULL;
}

static CcWindow *
get_window (CcApplication *self,
            gboolean      *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = FALSE;
  if (CC_IS_WINDOW (window))
    return CC_WINDOW (window);

  *created = TRUE;
  window = GTK_WINDOW (cc_window_new (ADW_APPLICATION (self)));
  gtk_window_present (window);

  return CC_WINDOW (window);
}

static char *
startup_library_path (CcApplication *self)
{
  g_autoptr(GSettings) settings = cc_application_dup_settings (self);
  g_autofree char *last = settings ? g_settings_get_string (settings, "last-library") : NULL;

  if (last != NULL && *last != '\0')
    return g_steal_pointer (&last);

  return cc_store_default_path ();
}

static void
cc_application_activate (GApplication *application)
{
  CcApplication *self = CC_APPLICATION (application);
  gboolean created;
  CcWindow *window = get_window (self, &created);

  if (created)
    {
      g_autofree char *path = startup_library_path (self);
      cc_window_open_library (window, path, NULL);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static int
cc_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  CcApplication *self = CC_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *db = NULL;
  g_autofree char *db_path = NULL;
  g_autofree const char **remaining = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gboolean created;
  CcWindow *window;

  g_variant_dict_lookup (options, "db", "^ay", &db);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if (db != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);
      db_path = g_file_get_path (file);
    }

  for (guint i = 0; remaining != NULL && remaining[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, remaining[i]);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);

  window = get_window (self, &created);

  if (db_path != NULL)
    {
      cc_window_open_library (window, db_path, NULL);
    }
  else if (created)
    {
      g_autofree char *path = startup_library_path (self);
      cc_window_open_library (window, path, NULL);
    }

  /* Import only into a library that opened: a broken one shows its dialog
   * and is left alone. */
  if (paths->len > 1 && cc_window_get_store (window) != NULL)
    cc_window_open_paths (window, (const char * const *) paths->pdata);

  gtk_window_present (GTK_WINDOW (window));

  return EXIT_SUCCESS;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CcApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close windows properly, so they save their state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Crosscheck developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Crosscheck"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Crosscheck developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Read many articles about the same story side by side, see the people, figures and dates each names, and find where the sources disagree."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Crosscheck developers",
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CcApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* GtkApplication installs win.show-help-overlay from gtk/help-overlay.ui. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
open_folder_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CcApplication *self = user_data;
  gboolean created;
  CcWindow *window = get_window (self, &created);

  if (created)
    {
      g_autofree char *path = startup_library_path (self);
      cc_window_open_library (window, path, NULL);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-folder", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "open-folder", open_folder_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
};

static void
cc_application_startup (GApplication *application)
{
  CcApplication *self = CC_APPLICATION (application);

  G_APPLICATION_CLASS (cc_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-folder",
                                         (const char *[]) { "<Control>o", NULL });

  gtk_window_set_default_icon_name (APP_ID);
}

static void
cc_application_dispose (GObject *object)
{
  CcApplication *self = CC_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cc_application_parent_class)->dispose (object);
}

static void
cc_application_class_init (CcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cc_application_dispose;

  app_class->startup = cc_application_startup;
  app_class->activate = cc_application_activate;
  app_class->command_line = cc_application_command_line;
}

static void
cc_application_init (CcApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FOLDER|FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read and compare articles about the same story."));
}
