/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cc-folder-watch.h"
#include "cc-store-stories.h"
#include "cc-stories-sidebar.h"
#include "cc-window-private.h"

/* The window's part for stories: the stories sidebar, importing a folder
 * as a new story or into the current one, watching the folders stories
 * were made from, and New Library. */

#define WATCH_DELAY_MS 1500

/* Importing into a story --------------------------------------------------- */

void
cc_window_import_into_story (CcWindow           *self,
                             const char * const *paths,
                             const char         *new_story,
                             gint64              story_id,
                             const char         *folder)
{
  g_return_if_fail (CC_IS_WINDOW (self));

  if (self->importing)
    {
      cc_window_add_toast (self, adw_toast_new (_("An import is already running")));
      return;
    }
  g_free (self->import_story);
  self->import_story = g_strdup (new_story);
  g_free (self->import_folder);
  self->import_folder = g_strdup (folder);
  self->import_story_id = story_id;
  cc_window_import_paths (self, paths);
}

/* A story named @name that is free: "Name", "Name 2", ... */
static char *
free_story_name (CcStore    *store,
                 const char *name)
{
  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *candidate = i == 1 ? g_strdup (name) : g_strdup_printf ("%s %u", name, i);
      g_autoptr(CcStory) story = cc_store_find_story (store, candidate, NULL);

      if (story == NULL)
        return g_steal_pointer (&candidate);
    }
  return g_strdup (name);
}

/* After an import (from cc-window-import.c): puts what it read into the
 * story it was meant for, and makes that the current story. */
void
_cc_window_stories_import_done (CcWindow       *self,
                                CcImportReport *report)
{
  g_autoptr(GError) error = NULL;
  gint64 story = self->import_story_id;

  if (self->store == NULL || report == NULL || (self->import_story == NULL && story == 0))
    goto out;
  if (self->import_story != NULL)
    {
      g_autofree char *name = free_story_name (self->store, self->import_story);
      story = cc_store_create_story (self->store, name, self->import_folder, &error);
    }
  if (story == 0 || !cc_store_add_import_to_story (self->store, story, report, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot add the articles to the story: %s"),
                                                  error->message);
      cc_window_add_toast (self, adw_toast_new (message));
      goto out;
    }
  if (!cc_session_reload (self->session, &error))
    g_warning ("%s", error->message);
  /* A watched folder's import does not take the reader elsewhere. */
  if (!self->import_quiet)
    cc_session_set_story_id (self->session, story);
  _cc_window_watch_folders (self);

out:
  g_clear_pointer (&self->import_story, g_free);
  g_clear_pointer (&self->import_folder, g_free);
  self->import_story_id = 0;
}

/* The choice when a folder is imported ------------------------------------ */

/* Whether @a and @b name the same folder (through links, "..", a trailing
 * slash). */
static gboolean
same_folder (const char *a,
             const char *b)
{
  g_autofree char *real_a = NULL;
  g_autofree char *real_b = NULL;

  if (g_strcmp0 (a, b) == 0)
    return TRUE;
  real_a = realpath (a, NULL);
  real_b = realpath (b, NULL);
  return real_a != NULL && real_b != NULL && g_str_equal (real_a, real_b);
}

/* The story made from @folder, or 0. */
static gint64
story_of_folder (CcWindow   *self,
                 const char *folder)
{
  GListModel *stories = cc_session_get_stories (self->session);
  guint n = g_list_model_get_n_items (stories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcStory) story = g_list_model_get_item (stories, i);

      if (cc_story_get_folder (story) != NULL && same_folder (cc_story_get_folder (story), folder))
        return cc_story_get_id (story);
    }
  return 0;
}

/* What every way of importing does without asking: a folder a story was
 * made from goes back into that story; files go into the current story
 * (if one is chosen: they would not be listed otherwise). Returns FALSE
 * when the caller decides. */
static gboolean
import_without_asking (CcWindow           *self,
                       const char * const *paths)
{
  gboolean one_folder = paths[0] != NULL && paths[1] == NULL &&
                        g_file_test (paths[0], G_FILE_TEST_IS_DIR);
  gint64 current = cc_session_get_story_id (self->session);
  gint64 story;

  if (self->store == NULL)
    {
      cc_window_import_paths (self, paths);
      return TRUE;
    }
  if (one_folder)
    {
      story = story_of_folder (self, paths[0]);
      if (story == 0)
        return FALSE;
      cc_window_import_into_story (self, paths, NULL, story, NULL);
      return TRUE;
    }
  if (current != 0)
    cc_window_import_into_story (self, paths, NULL, current, NULL);
  else
    cc_window_import_paths (self, paths);
  return TRUE;
}

void
cc_window_open_paths (CcWindow           *self,
                      const char * const *paths)
{
  g_autofree char *name = NULL;

  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (paths[0] == NULL || import_without_asking (self, paths))
    return;
  /* A new folder: a new story named after it, as the dialog offers first. */
  name = g_filename_display_basename (paths[0]);
  cc_window_import_into_story (self, paths, name, 0, paths[0]);
}

static void
on_import_choice (AdwMessageDialog *dialog,
                  const char       *response,
                  CcWindow         *self)
{
  GStrv paths = g_object_get_data (G_OBJECT (dialog), "cc-paths");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "new"))
    cc_window_import_into_story (self, (const char * const *)paths,
                                 *name != '\0' ? name : _("Untitled Story"), 0, paths[0]);
  else if (g_str_equal (response, "add"))
    cc_window_import_into_story (self, (const char * const *)paths, NULL,
                                 cc_session_get_story_id (self->session), NULL);
  else if (g_str_equal (response, "library"))
    cc_window_import_paths (self, (const char * const *)paths);
}

void
_cc_window_offer_story_import (CcWindow           *self,
                               const char * const *paths)
{
  CcStory *current = cc_session_get_story (self->session);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  /* Files, several folders, a folder a story was made from, or no
   * library yet: nothing to ask. */
  if (paths[0] == NULL || import_without_asking (self, paths))
    return;

  name = g_filename_display_basename (paths[0]);
  /* The first folder of an empty library becomes its first story. */
  if (cc_store_count_documents (self->store) == 0)
    {
      cc_window_import_into_story (self, paths, name, 0, paths[0]);
      return;
    }
  body = g_strdup (_("Make its articles a new story, named below, or add them to the current "
                     "story. A new story keeps watching the folder for new and changed "
                     "articles."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Folder"), body);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (current != NULL && !cc_story_is_all (current))
    {
      /* Translators: a button, "Add to “Story name”" */
      g_autofree char *add = g_strdup_printf (_("_Add to “%s”"), cc_story_get_name (current));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "add", add);
    }
  else
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "library",
                                     _("_Only to the Library"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "new", _("_New Story"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "new");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cc-paths", g_strdupv ((GStrv)paths),
                          (GDestroyNotify)g_strfreev);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_choice), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Watched folders ---------------------------------------------------------- */

/* A story's folder watch: a CcFolderWatch (the folder and every folder
 * under it) whose "changed" imports the folder into the story again. */
typedef struct
{
  CcWindow      *window;     /* unowned: the watch dies with it */
  gint64         story_id;
  CcFolderWatch *watch;
  guint          retry_id;   /* waiting for a running import to end */
} Watch;

static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->retry_id, g_source_remove);
  if (watch->watch != NULL)
    g_signal_handlers_disconnect_by_data (watch->watch, watch);
  g_clear_object (&watch->watch);
  g_free (watch);
}

static gboolean
rescan_folder (gpointer data)
{
  Watch *watch = data;
  const char *paths[] = { cc_folder_watch_get_folder (watch->watch), NULL };

  watch->retry_id = 0;
  if (watch->window->importing)
    {
      /* Try again once the running import is done. */
      watch->retry_id = g_timeout_add (WATCH_DELAY_MS, rescan_folder, watch);
      return G_SOURCE_REMOVE;
    }
  watch->window->import_quiet = TRUE;
  watch->window->watched_story_id = watch->story_id;
  cc_window_import_into_story (watch->window, paths, NULL, watch->story_id, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_folder_changed (Watch *watch)
{
  g_clear_handle_id (&watch->retry_id, g_source_remove);
  rescan_folder (watch);
}

/* Watches the folder of every story made from one. A watch already there
 * for the same story and folder is kept (with any change it is waiting
 * to import); the others are made again. */
void
_cc_window_watch_folders (CcWindow *self)
{
  GListModel *stories = cc_session_get_stories (self->session);
  guint n = g_list_model_get_n_items (stories);
  g_autoptr(GHashTable) kept = NULL;

  if (self->watches == NULL)
    self->watches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify)watch_free);
  kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)watch_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcStory) story = g_list_model_get_item (stories, i);
      g_autoptr(GError) error = NULL;
      gint64 id = cc_story_get_id (story);
      const char *folder = cc_story_get_folder (story);
      gpointer key = NULL;
      Watch *watch = NULL;

      if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
        continue;
      if (g_hash_table_steal_extended (self->watches, &id, &key, (gpointer *)&watch) &&
          g_str_equal (cc_folder_watch_get_folder (watch->watch), folder))
        {
          g_hash_table_insert (kept, key, watch);
          continue;
        }
      g_free (key);
      g_clear_pointer (&watch, watch_free);

      watch = g_new0 (Watch, 1);
      watch->window = self;
      watch->story_id = id;
      watch->watch = cc_folder_watch_new (folder, WATCH_DELAY_MS, &error);
      if (watch->watch == NULL)
        {
          g_message ("Cannot watch %s: %s", folder, error->message);
          watch_free (watch);
          continue;
        }
      g_signal_connect_swapped (watch->watch, "changed", G_CALLBACK (on_folder_changed), watch);
      g_hash_table_insert (kept, g_memdup2 (&id, sizeof id), watch);
    }
  /* What is left is of stories gone or no longer made from a folder. */
  g_hash_table_unref (self->watches);
  self->watches = g_steal_pointer (&kept);
}

CcFolderWatch *
_cc_window_get_folder_watch (CcWindow *self,
                             gint64    story_id)
{
  Watch *watch = self->watches != NULL ? g_hash_table_lookup (self->watches, &story_id) : NULL;

  return watch != NULL ? watch->watch : NULL;
}

/* The one file an import added, updated or found missing, or NULL when
 * there were several. */
static const CcImportEvent *
only_change (const CcImportReport *report)
{
  const CcImportEvent *found = NULL;

  for (guint i = 0; i < report->events->len; i++)
    {
      const CcImportEvent *event = g_ptr_array_index (report->events, i);

      if (event->status != CC_IMPORT_ADDED && event->status != CC_IMPORT_UPDATED &&
          event->status != CC_IMPORT_MISSING)
        continue;
      if (found != NULL)
        return NULL;
      found = event;
    }
  return found;
}

/* A toast for an import a watched folder started: what changed, or
 * nothing when nothing did. Returns whether it was such an import. */
gboolean
_cc_window_stories_watch_toast (CcWindow             *self,
                                const CcImportReport *report)
{
  g_autofree char *message = NULL;
  g_autoptr(CcStory) story = NULL;
  const CcImportEvent *change;

  if (!self->import_quiet)
    return FALSE;
  self->import_quiet = FALSE;
  if (report == NULL || report->added + report->updated + report->missing == 0)
    return TRUE;
  story = cc_store_get_story (self->store, self->watched_story_id, NULL);
  change = only_change (report);
  if (change != NULL)
    {
      g_autofree char *name = g_filename_display_basename (change->path);
      const char *in = story ? cc_story_get_name (story) : "";

      if (change->status == CC_IMPORT_ADDED)
        /* Translators: a toast, "“file.txt” added to “Story”" */
        message = g_strdup_printf (_("“%s” added to “%s”"), name, in);
      else if (change->status == CC_IMPORT_UPDATED)
        /* Translators: a toast, "“file.txt” of “Story” changed on disk: updated" */
        message = g_strdup_printf (_("“%s” of “%s” changed on disk: updated, notes re-anchored"),
                                   name, in);
      else
        message = g_strdup_printf (_("“%s” of “%s” is gone from disk; the stored copy is kept"),
                                   name, in);
    }
  else
    /* Translators: a toast, "Story “Name”: 1 added, 2 updated, 0 missing" */
    message = g_strdup_printf (_("Watched folder of “%s”: %u added, %u updated, %u missing"),
                               story ? cc_story_get_name (story) : "", report->added,
                               report->updated, report->missing);
  cc_window_add_toast (self, adw_toast_new (message));
  return TRUE;
}

/* The sidebar and New Library ---------------------------------------------- */

static void
on_session_toast (CcWindow  *self,
                  AdwToast  *toast,
                  CcSession *session)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void
on_new_library_chosen (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  CcWindow *self = CC_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT && self->toast_overlay != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” already exists: use Open Library"),
                                                      path);
          cc_window_add_toast (self, adw_toast_new (message));
        }
      else if (path != NULL)
        cc_window_open_library (self, path, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

void
_cc_window_choose_new_library (CcWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("New Library"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("library.db"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_library_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The window title and the header name library and story: the header
 * once, in a label that stays when the view switcher folds into a title
 * (which then shows no subtitle, not the same words again). */
static gboolean
title_to_window_title (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  const char *title = g_value_get_string (from);

  /* Translators: the window title, "Crosscheck — library.db — Story" */
  g_value_take_string (to, title != NULL ? g_strdup_printf (_("Crosscheck — %s"), title)
                                         : g_strdup (_("Crosscheck")));
  return TRUE;
}

static void
add_story_label (CcWindow *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_tooltip_text (label, _("The open library and the current story"));
  adw_header_bar_pack_start (self->header_bar, label);
  self->story_label = GTK_LABEL (label);
  g_object_bind_property (self->session, "title", label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->session, "title", self, "title", G_BINDING_SYNC_CREATE,
                               title_to_window_title, NULL, NULL, NULL);
}

void
_cc_window_stories_init (CcWindow *self)
{
  add_story_label (self);
  self->stories_sidebar = cc_stories_sidebar_new (self->session);
  gtk_box_prepend (GTK_BOX (self->sidebar), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_prepend (GTK_BOX (self->sidebar), self->stories_sidebar);
  g_signal_connect_object (self->session, "toast", G_CALLBACK (on_session_toast), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "stories-changed",
                           G_CALLBACK (_cc_window_watch_folders), self, G_CONNECT_SWAPPED);
}

CcSession *
cc_window_get_session (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->session;
}
