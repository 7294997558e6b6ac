/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cc-folder-watch.h"
#include "cc-formats.h"

typedef struct
{
  GFileMonitor *monitor;
  char         *key;     /* device:inode, in @visited */
  guint         depth;   /* 0: the folder itself */
} Dir;

struct _CcFolderWatch
{
  GObject     parent_instance;

  char       *folder;
  guint       delay_ms;
  GHashTable *dirs;      /* path -> Dir */
  GHashTable *visited;   /* device:inode of each folder watched */
  gboolean    truncated;
  guint       timeout_id;
};

G_DEFINE_FINAL_TYPE (CcFolderWatch, cc_folder_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_monitor_changed (CcFolderWatch     *self,
                                GFile             *file,
                                GFile             *other,
                                GFileMonitorEvent  event,
                                GFileMonitor      *monitor);

static void
dir_free (gpointer data)
{
  Dir *dir = data;

  if (dir->monitor != NULL)
    {
      g_signal_handlers_disconnect_matched (dir->monitor, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            on_monitor_changed, NULL);
      g_file_monitor_cancel (dir->monitor);
      g_clear_object (&dir->monitor);
    }
  g_free (dir->key);
  g_free (dir);
}

typedef struct
{
  char  *path;
  guint  depth;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_free (pending->path);
  g_free (pending);
}

static void
push (GQueue     *queue,
      const char *path,
      guint       depth)
{
  Pending *pending = g_new (Pending, 1);

  pending->path = g_strdup (path);
  pending->depth = depth;
  g_queue_push_tail (queue, pending);
}

/* Watches @path at @depth and the folders under it, breadth first: a
 * queue, not recursion, so no depth of folders on disk can exhaust the
 * stack. FALSE with @error when @path itself cannot be watched. */
static gboolean
watch_tree (CcFolderWatch  *self,
            const char     *path,
            guint           depth,
            GError        **error)
{
  GQueue queue = G_QUEUE_INIT;
  gboolean first = TRUE;
  gboolean ok = TRUE;
  Pending *pending;

  push (&queue, path, depth);
  while ((pending = g_queue_pop_head (&queue)) != NULL)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *key = NULL;
      GFileMonitor *monitor;
      GStatBuf st;
      GDir *handle;
      const char *name;
      Dir *dir;

      if (g_hash_table_size (self->dirs) >= CC_FOLDER_WATCH_MAX_FOLDERS ||
          pending->depth > CC_FOLDER_WATCH_MAX_DEPTH)
        {
          self->truncated = TRUE;
          pending_free (pending);
          continue;
        }
      if (g_stat (pending->path, &st) != 0 || !S_ISDIR (st.st_mode))
        {
          if (first)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                           _("“%s” is not a folder"), pending->path);
              ok = FALSE;
            }
          pending_free (pending);
          first = FALSE;
          continue;
        }
      key = g_strdup_printf ("%lu:%lu", (gulong)st.st_dev, (gulong)st.st_ino);
      if (g_hash_table_contains (self->visited, key) ||
          g_hash_table_contains (self->dirs, pending->path))
        {
          pending_free (pending);
          first = FALSE;
          continue;
        }

      file = g_file_new_for_path (pending->path);
      monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &local_error);
      if (monitor == NULL)
        {
          if (first)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              ok = FALSE;
            }
          else
            g_debug ("Cannot watch %s: %s", pending->path, local_error->message);
          pending_free (pending);
          first = FALSE;
          continue;
        }
      first = FALSE;
      dir = g_new0 (Dir, 1);
      dir->monitor = monitor;
      dir->key = g_strdup (key);
      dir->depth = pending->depth;
      g_object_set_data (G_OBJECT (monitor), "cc-depth", GUINT_TO_POINTER (pending->depth));
      g_signal_connect_object (monitor, "changed", G_CALLBACK (on_monitor_changed), self,
                               G_CONNECT_SWAPPED);
      g_hash_table_add (self->visited, g_steal_pointer (&key));
      g_hash_table_insert (self->dirs, g_strdup (pending->path), dir);

      handle = g_dir_open (pending->path, 0, NULL);
      while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *child = NULL;

          if (name[0] == '.')  /* hidden folders (.git): the import skips them */
            continue;
          child = g_build_filename (pending->path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !cc_format_is_saved_page_folder (child))
            push (&queue, child, pending->depth + 1);
        }
      if (handle != NULL)
        g_dir_close (handle);
      pending_free (pending);
    }
  return ok;
}

/* Stops watching @path and the folders under it. */
static void
unwatch_tree (CcFolderWatch *self,
              const char    *path)
{
  g_autofree char *prefix = g_strconcat (path, G_DIR_SEPARATOR_S, NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (g_str_equal (path, self->folder))
    return;  /* the folder itself: its monitor says when it comes back */
  g_hash_table_iter_init (&iter, self->dirs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_equal (key, path) || g_str_has_prefix (key, prefix))
      {
        g_hash_table_remove (self->visited, ((Dir *)value)->key);
        g_hash_table_iter_remove (&iter);
      }
}

static gboolean
emit_changed (gpointer data)
{
  CcFolderWatch *self = data;

  self->timeout_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed (CcFolderWatch     *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  guint depth = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (monitor), "cc-depth"));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *other_path = other != NULL ? g_file_get_path (other) : NULL;
  g_autofree char *base = path != NULL ? g_path_get_basename (path) : NULL;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      /* A new folder: watched from now on (what it holds already is
       * imported with the rest). */
      if (path != NULL && base[0] != '.' && g_file_test (path, G_FILE_TEST_IS_DIR))
        watch_tree (self, path, depth + 1, NULL);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      if (path != NULL)
        unwatch_tree (self, path);
      if (other_path != NULL && g_file_test (other_path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *other_base = g_path_get_basename (other_path);

          if (other_base[0] != '.')
            watch_tree (self, other_path, depth + 1, NULL);
        }
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      if (path != NULL)
        unwatch_tree (self, path);
      break;
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      /* CHANGED comes many times while a file is written: its
       * CHANGES_DONE_HINT follows. */
      return;
    }

  /* Several events come for one save: "changed" once they have settled. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay_ms, emit_changed, self);
}

static void
cc_folder_watch_dispose (GObject *object)
{
  CcFolderWatch *self = CC_FOLDER_WATCH (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->dirs, g_hash_table_unref);
  g_clear_pointer (&self->visited, g_hash_table_unref);

  G_OBJECT_CLASS (cc_folder_watch_parent_class)->dispose (object);
}

static void
cc_folder_watch_finalize (GObject *object)
{
  CcFolderWatch *self = CC_FOLDER_WATCH (object);

  g_clear_pointer (&self->folder, g_free);

  G_OBJECT_CLASS (cc_folder_watch_parent_class)->finalize (object);
}

static void
cc_folder_watch_class_init (CcFolderWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_folder_watch_dispose;
  object_class->finalize = cc_folder_watch_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cc_folder_watch_init (CcFolderWatch *self)
{
  self->dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, dir_free);
  self->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

CcFolderWatch *
cc_folder_watch_new (const char  *folder,
                     guint        delay_ms,
                     GError     **error)
{
  g_autoptr(CcFolderWatch) self = NULL;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CC_TYPE_FOLDER_WATCH, NULL);
  self->folder = g_strdup (folder);
  self->delay_ms = delay_ms;
  if (!watch_tree (self, folder, 0, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
cc_folder_watch_get_folder (CcFolderWatch *self)
{
  g_return_val_if_fail (CC_IS_FOLDER_WATCH (self), NULL);
  return self->folder;
}

guint
cc_folder_watch_get_n_folders (CcFolderWatch *self)
{
  g_return_val_if_fail (CC_IS_FOLDER_WATCH (self), 0);
  return self->dirs != NULL ? g_hash_table_size (self->dirs) : 0;
}

gboolean
cc_folder_watch_get_truncated (CcFolderWatch *self)
{
  g_return_val_if_fail (CC_IS_FOLDER_WATCH (self), FALSE);
  return self->truncated;
}

gboolean
cc_folder_watch_get_pending (CcFolderWatch *self)
{
  g_return_val_if_fail (CC_IS_FOLDER_WATCH (self), FALSE);
  return self->timeout_id != 0;
}
