/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-error.h"
#include "cc-window-private.h"

/* Choosing a library file, and what happens when one cannot be opened: a
 * dialog names the file and the reason and offers another library or a new
 * one. The file itself is never touched. */

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);

  return g_file_equal (fa, fb);
}

char *
_cc_window_new_library_path (const char *broken_path)
{
  g_autofree char *default_path = cc_store_default_path ();
  g_autofree char *dir = NULL;

  if (broken_path == NULL || !same_file (broken_path, default_path))
    return g_steal_pointer (&default_path);

  /* The default library is the broken one: pick a fresh name beside it. */
  dir = g_path_get_dirname (default_path);
  for (guint i = 2; i < 10000; i++)
    {
      g_autofree char *name = g_strdup_printf ("library-%u.db", i);
      g_autofree char *candidate = g_build_filename (dir, name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }

  return NULL;
}

static const char *
reason_for_error (const GError *error)
{
  if (error->domain == CC_ERROR)
    {
      switch ((CcError) error->code)
        {
        case CC_ERROR_NOT_A_DATABASE:
          return _("The file is not a Crosscheck library.");
        case CC_ERROR_CORRUPT_DATABASE:
          return _("The library is damaged.");
        case CC_ERROR_TOO_NEW:
          return _("The library was made by a newer version of Crosscheck.");
        case CC_ERROR_FAILED:
        case CC_ERROR_NOT_FOUND:
        case CC_ERROR_INVALID:
        case CC_ERROR_BINARY:
        case CC_ERROR_ENCODING:
        case CC_ERROR_TOO_LARGE:
        case CC_ERROR_EMPTY:
        case CC_ERROR_UNSUPPORTED:
        case CC_ERROR_AMBIGUOUS:
        default:
          break;
        }
    }

  if (error->domain == G_IO_ERROR)
    {
      if (error->code == G_IO_ERROR_BUSY)
        return _("The library is in use by another program.");
      if (error->code == G_IO_ERROR_READ_ONLY)
        return _("The library cannot be written here.");
      if (error->code == G_IO_ERROR_NO_SPACE)
        return _("The disk is full.");
    }

  return _("The library cannot be opened.");
}

static void
on_library_dialog_response (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  CcWindow *self = CC_WINDOW (user_data);
  const char *broken = g_object_get_data (G_OBJECT (dialog), "cc-library-path");

  if (g_str_equal (response, "open"))
    {
      _cc_window_choose_library (self);
    }
  else if (g_str_equal (response, "new"))
    {
      g_autofree char *path = _cc_window_new_library_path (broken);

      if (path != NULL)
        cc_window_open_library (self, path, NULL);
    }
}

void
_cc_window_show_library_error (CcWindow     *self,
                               const char   *path,
                               const GError *error)
{
  GtkWidget *dialog;
  GtkWidget *details;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *body = NULL;

  if (self->library_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->library_dialog));

  /* Translators: first %s is a file path, second a reason sentence */
  body = g_strdup_printf (_("“%s” could not be opened.\n\n%s It has not been changed."),
                          display, reason_for_error (error));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Open Library"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open Another Library…"),
                                    "new", _("_Use a New Library"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "new");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* The technical reason, small and selectable, for bug reports, when it
   * says more than the sentence above. */
  if (!g_error_matches (error, CC_ERROR, CC_ERROR_NOT_A_DATABASE) &&
      !g_error_matches (error, CC_ERROR, CC_ERROR_TOO_NEW))
    {
      details = gtk_label_new (error->message);
      gtk_label_set_wrap (GTK_LABEL (details), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (details), TRUE);
      gtk_label_set_justify (GTK_LABEL (details), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (details, "caption");
      gtk_widget_add_css_class (details, "dim-label");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), details);
    }

  g_object_set_data_full (G_OBJECT (dialog), "cc-library-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_library_dialog_response), self, 0);

  self->library_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->library_dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_library_chosen (GtkNativeDialog *dialog,
                   int              response,
                   gpointer         user_data)
{
  CcWindow *self = CC_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT && self->toast_overlay != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        cc_window_open_library (self, path, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

void
_cc_window_choose_library (CcWindow *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Open Library"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Crosscheck Libraries"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect (chooser, "response", G_CALLBACK (on_library_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
