/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* At most this many levels below the folder, and this many folders in all,
 * are watched (a monitor each holds an inotify watch). */
#define CC_FOLDER_WATCH_MAX_DEPTH   32
#define CC_FOLDER_WATCH_MAX_FOLDERS 512

#define CC_TYPE_FOLDER_WATCH (cc_folder_watch_get_type ())
G_DECLARE_FINAL_TYPE (CcFolderWatch, cc_folder_watch, CC, FOLDER_WATCH, GObject)

/* Watches a folder of articles and every folder under it, as the import
 * reads them: GFileMonitor is not recursive, so each folder has a monitor
 * of its own. The folders are walked without recursion, breadth first, to
 * CC_FOLDER_WATCH_MAX_DEPTH levels and CC_FOLDER_WATCH_MAX_FOLDERS folders;
 * hidden folders and the resource folders of saved web pages are left out
 * (the import leaves them out too), and a folder reached twice (through a
 * symbolic link) is watched once. A folder created or moved in later is
 * watched from then on.
 *
 * Signals:
 *   "changed" ()  something under the folder was created, changed, moved
 *                 or deleted, and no further event came for @delay_ms
 *                 (one save is several events). */

/* NULL with @error set when @folder cannot be watched at all. */
CcFolderWatch *cc_folder_watch_new           (const char     *folder,
                                              guint           delay_ms,
                                              GError        **error);
const char    *cc_folder_watch_get_folder    (CcFolderWatch  *self);
/* How many folders are watched now. */
guint          cc_folder_watch_get_n_folders (CcFolderWatch  *self);
/* Whether a cap left folders unwatched. */
gboolean       cc_folder_watch_get_truncated (CcFolderWatch  *self);
/* Whether a "changed" is waiting for the events to settle. */
gboolean       cc_folder_watch_get_pending   (CcFolderWatch  *self);

G_END_DECLS
