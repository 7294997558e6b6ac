/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cc-annotation-store.h"
#include "cc-error.h"
#include "cc-formats.h"
#include "cc-importer.h"
#include "cc-store-meta.h"
#include "cc-text.h"
#include "cc-w3c.h"

/* Files are committed in batches: a crash loses at most the batch under way,
 * and every document stored is whole. */
#define BATCH_SIZE 256
#define MAX_DEPTH 64

typedef struct
{
  char     *path;      /* canonical (symbolic links resolved) */
  char     *message;   /* set when the file is skipped before reading */
  gboolean  have_stat; /* size and mtime below come from the walk */
  gint64    size;
  gint64    mtime;     /* microseconds */
} PendingFile;

typedef struct
{
  GPtrArray  *files;      /* PendingFile* */
  GPtrArray  *roots;      /* folders imported: documents under them not seen are missing */
  GHashTable *visited;    /* "dev:ino" of folders walked */
  GHashTable *seen;       /* canonical paths queued */
  GHashTable *existing;   /* path -> Existing*: the library's documents */
  gint64      data_version;  /* PRAGMA data_version when existing was loaded */
  CcStore    *store;      /* the library imported into (not a reference) */
} Walk;

static void
pending_file_free (PendingFile *file)
{
  g_free (file->path);
  g_free (file->message);
  g_free (file);
}

static void
import_event_free (CcImportEvent *event)
{
  g_free (event->path);
  g_free (event->message);
  g_free (event);
}

void
cc_import_report_free (CcImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->events, g_ptr_array_unref);
  g_free (report);
}

const char *
cc_import_status_to_string (CcImportStatus status)
{
  switch (status)
    {
    case CC_IMPORT_ADDED:     return "added";
    case CC_IMPORT_UPDATED:   return "updated";
    case CC_IMPORT_UNCHANGED: return "unchanged";
    case CC_IMPORT_MISSING:   return "missing";
    case CC_IMPORT_SKIPPED:   return "skipped";
    default:                  return "unknown";
    }
}

static void
add_event (CcImportReport *report,
           const char     *path,
           CcImportStatus  status,
           gint64          document_id,
           const char     *message)
{
  CcImportEvent *event = g_new0 (CcImportEvent, 1);

  event->path = g_strdup (path);
  event->status = status;
  event->document_id = document_id;
  event->message = g_strdup (message);
  g_ptr_array_add (report->events, event);

  switch (status)
    {
    case CC_IMPORT_ADDED:     report->added++; break;
    case CC_IMPORT_UPDATED:   report->updated++; break;
    case CC_IMPORT_UNCHANGED: report->unchanged++; break;
    case CC_IMPORT_MISSING:   report->missing++; break;
    case CC_IMPORT_SKIPPED:   report->skipped++; break;
    default: break;
    }
}

static gint64
stat_mtime (const GStatBuf *st)
{
  return (gint64)st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

/* Queues @path. A @canonical path (reached from a canonical folder without
 * a symbolic link) is used as it is; others are resolved. @st, when given,
 * is the file's status from the walk. */
static void
queue_file (Walk           *walk,
            const char     *path,
            const char     *message,
            const GStatBuf *st,
            gboolean        canonical)
{
  PendingFile *file;
  g_autofree char *real = NULL;

  if (message == NULL && !canonical)
    real = realpath (path, NULL);
  if (message == NULL && g_hash_table_contains (walk->seen, real ? real : path))
    return;  /* the same file reached twice, e.g. through a link */

  file = g_new0 (PendingFile, 1);
  if (real != NULL)
    file->path = g_steal_pointer (&real);
  else if (canonical)
    file->path = g_strdup (path);
  else
    file->path = g_canonicalize_filename (path, NULL);
  file->message = g_strdup (message);
  if (st != NULL)
    {
      file->have_stat = TRUE;
      file->size = st->st_size;
      file->mtime = stat_mtime (st);
    }
  g_hash_table_add (walk->seen, g_strdup (file->path));
  g_ptr_array_add (walk->files, file);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void walk_path (Walk *walk, const char *path, guint depth, gboolean explicit,
                       gboolean canonical);

/* A folder of articles often carries a README or a licence: those are not
 * articles. Named explicitly, such a file is imported all the same. */
static gboolean
is_documentation (const char *path)
{
  static const char * const stems[] = { "readme", "license", "licence", "changelog", "copying" };
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (base, -1);
  char *dot = strrchr (lower, '.');

  if (dot != NULL)
    *dot = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    if (g_str_equal (lower, stems[i]))
      return TRUE;
  return FALSE;
}

/* Walks the folder at canonical @path; problems are reported against
 * @shown, the path as the walk reached it (a link's own name). */
static void
walk_folder (Walk       *walk,
             const char *path,
             const char *shown,
             GStatBuf   *st,
             guint       depth)
{
  g_autofree char *key = g_strdup_printf ("%lu:%lu", (gulong)st->st_dev, (gulong)st->st_ino);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GDir *dir;
  const char *name;

  if (g_hash_table_contains (walk->visited, key))
    {
      queue_file (walk, shown, _("folder already visited: a symbolic link loop"), NULL, FALSE);
      return;
    }
  if (depth > MAX_DEPTH)
    {
      queue_file (walk, shown, _("folders nested too deeply"), NULL, FALSE);
      return;
    }
  g_hash_table_add (walk->visited, g_steal_pointer (&key));

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      queue_file (walk, shown, error->message, NULL, FALSE);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')  /* hidden files and folders (.git, editor backups) */
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, names->pdata[i], NULL);
      if (cc_format_is_saved_page_folder (child))
        continue;  /* the images and scripts of a saved page, not articles */
      walk_path (walk, child, depth + 1, FALSE, TRUE);
    }
}

/* @canonical: @path is a child of a canonical folder, so unless it is a
 * symbolic link it needs no resolving (one lstat instead of a realpath). */
static void
walk_path (Walk       *walk,
           const char *path,
           guint       depth,
           gboolean    explicit,
           gboolean    canonical)
{
  g_autofree char *root = NULL;
  GStatBuf st;
  int rc;

  if (explicit)
    {
      /* Resolve a root once; everything below it is then canonical. */
      root = realpath (path, NULL);
      if (root != NULL)
        {
          path = root;
          canonical = TRUE;
        }
    }

  rc = canonical ? g_lstat (path, &st) : g_stat (path, &st);
  if (rc == 0 && canonical && S_ISLNK (st.st_mode))
    {
      canonical = FALSE;
      rc = g_stat (path, &st);
    }

  if (rc != 0)
    {
      int saved = errno;
      GStatBuf lst;

      if (saved == ELOOP)
        queue_file (walk, path, _("symbolic link loop"), NULL, FALSE);
      else if (saved == ENOENT && g_lstat (path, &lst) == 0)
        queue_file (walk, path, _("broken symbolic link"), NULL, FALSE);
      else if (saved != ENOENT || !explicit)
        queue_file (walk, path, g_strerror (saved), NULL, FALSE);
      else
        queue_file (walk, path, NULL, NULL, FALSE);  /* gone: may be a document to mark missing */
      return;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_autofree char *real = canonical ? NULL : realpath (path, NULL);
      g_autofree char *page = explicit ? cc_format_dup_saved_page (path) : NULL;

      /* A saved page's folder of images and frames, chosen or dropped
       * (often with the page): the page is the article, read once. */
      if (page != NULL)
        {
          walk_path (walk, page, depth, TRUE, FALSE);
          return;
        }
      if (explicit)
        g_ptr_array_add (walk->roots, g_strdup (path));
      walk_folder (walk, real ? real : path, path, &st, depth);
      return;
    }

  if (!S_ISREG (st.st_mode))
    {
      queue_file (walk, path, _("not a regular file"), NULL, canonical);
      return;
    }

  if (!explicit && is_documentation (path))
    {
      queue_file (walk, path, _("a README or licence file, not an article"), NULL, canonical);
      return;
    }

  if (cc_format_for_path (path) == CC_FORMAT_UNKNOWN)
    {
      g_autofree char *base = g_path_get_basename (path);
      const char *dot = strrchr (base, '.');
      g_autofree char *message =
        dot ? g_strdup_printf (_("unsupported file type “%s”; Crosscheck reads %s files"), dot,
                               cc_format_extensions ())
            : g_strdup_printf (_("no file extension; Crosscheck reads %s files"),
                               cc_format_extensions ());
      queue_file (walk, path, message, NULL, canonical);
      return;
    }

  queue_file (walk, path, NULL, &st, canonical);
}

typedef struct
{
  gint64  id;
  gint64  size;
  gint64  mtime;
  char   *hash;
  gboolean missing;
} Existing;

static void
existing_free (Existing *existing)
{
  g_free (existing->hash);
  g_free (existing);
}

/* The columns id, size, mtime, hash, missing from @first on. */
static Existing *
existing_from_row (sqlite3_stmt *stmt,
                   int           first)
{
  Existing *existing = g_new0 (Existing, 1);

  existing->id = sqlite3_column_int64 (stmt, first);
  existing->size = sqlite3_column_int64 (stmt, first + 1);
  existing->mtime = sqlite3_column_int64 (stmt, first + 2);
  existing->hash = g_strdup ((const char *)sqlite3_column_text (stmt, first + 3));
  existing->missing = sqlite3_column_int (stmt, first + 4) != 0;
  return existing;
}

/* Every document of the library, by path: one query instead of one a file. */
static GHashTable *
load_existing (CcStore  *store,
               GError  **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)existing_free);
  sqlite3_stmt *stmt = cc_store_prepare (store,
                                         "SELECT path, id, size, mtime, hash, missing "
                                         "FROM documents", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (table, g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         existing_from_row (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cc_store_set_error (store, error, "cannot read the library's documents");
      return NULL;
    }
  return g_steal_pointer (&table);
}

static gboolean
set_missing (CcStore  *store,
             gint64    id,
             gboolean  missing,
             GError  **error)
{
  sqlite3_stmt *stmt = cc_store_prepare (store,
                                         "UPDATE documents SET missing = ?, updated = ? "
                                         "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, missing ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 3, id);
  return cc_store_step (store, stmt, "cannot write a document", error);
}

static gboolean
update_stat (CcStore  *store,
             gint64    id,
             gint64    size,
             gint64    mtime,
             GError  **error)
{
  sqlite3_stmt *stmt = cc_store_prepare (store,
                                         "UPDATE documents SET size = ?, mtime = ?, missing = 0 "
                                         "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, size);
  sqlite3_bind_int64 (stmt, 2, mtime);
  sqlite3_bind_int64 (stmt, 3, id);
  return cc_store_step (store, stmt, "cannot write a document", error);
}

/* Reading ------------------------------------------------------------------ */

static void
set_errno_error (GError **error,
                 int      saved)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
}

/* Reads the regular file at @path, at most @limit bytes. The file may have
 * been replaced since the folder was walked: a FIFO would block a plain
 * read for ever and a link to a device would never end, so it is opened
 * without blocking and without following a link (the walk resolved links
 * already), and what was opened must be a regular file. */
static guint8 *
read_regular_file (const char  *path,
                   gsize        limit,
                   gsize       *len,
                   GError     **error)
{
  g_autofree guint8 *data = NULL;
  gsize size = 0;
  gsize allocated;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ELOOP)
        g_set_error (error, CC_ERROR, CC_ERROR_UNSUPPORTED,
                     _("became a symbolic link after its folder was read"));
      else
        set_errno_error (error, saved);
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, CC_ERROR, CC_ERROR_UNSUPPORTED, _("is not a regular file"));
      close (fd);
      return NULL;
    }

  /* One byte more than the limit tells a file over it, whatever its size
   * said a moment ago. */
  allocated = MIN ((gsize)st.st_size, limit) + 2;
  data = g_malloc (allocated);
  for (;;)
    {
      gssize n;

      if (size + 1 >= allocated)
        {
          allocated = MIN (allocated * 2, limit + 2);
          data = g_realloc (data, allocated);
        }
      n = read (fd, data + size, MIN (allocated - 1 - size, limit + 1 - size));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      size += n;
      if (size > limit)
        {
          g_set_error (error, CC_ERROR, CC_ERROR_TOO_LARGE,
                       _("is too large (over %lu MB)"), (gulong)(limit / (1024 * 1024)));
          close (fd);
          return NULL;
        }
    }
  close (fd);
  data[size] = '\0';
  *len = size;
  return g_steal_pointer (&data);
}

/* Reads, decodes and normalises one file, dispatched by format to the
 * text, HTML or PDF reader (cc-formats.c); *@meta gets what else the
 * reader found (date, URL, language). */
static CcTextResult *
read_document (const char      *path,
               gsize           *bytes_read,
               CcDocumentMeta **meta,
               GError         **error)
{
  g_autofree guint8 *contents = NULL;
  gsize len = 0;

  contents = read_regular_file (path, CC_TEXT_MAX_FILE_SIZE, &len, error);
  if (contents == NULL)
    return NULL;
  *bytes_read = len;
  return cc_format_read (cc_format_for_path (path), path, contents, len, NULL, meta, error);
}

/* Importing one file, in two steps: prepare_file() stats and reads it with
 * no transaction open (reading a file can take long, and must never hold
 * other writers off), write_file() then stores what was read, inside the
 * batch's transaction, against the library as it is at that moment. */
typedef struct
{
  PendingFile  *file;
  int           stat_errno;    /* 0: size and mtime are known */
  gint64        size;
  gint64        mtime;
  char         *skip;          /* a reason not to import it */
  CcTextResult *result;        /* the text, when it was read */
  CcDocumentMeta *meta;        /* with it, its metadata */
  char         *hash;
} Prepared;

static void
prepared_clear (Prepared *prep)
{
  g_clear_pointer (&prep->skip, g_free);
  g_clear_pointer (&prep->result, cc_text_result_free);
  g_clear_pointer (&prep->meta, cc_document_meta_free);
  g_clear_pointer (&prep->hash, g_free);
}

static gboolean
is_unchanged (const Existing *existing,
              const Prepared *prep)
{
  return existing != NULL && !existing->missing &&
         existing->size == prep->size && existing->mtime == prep->mtime;
}

/* Stats and, unless the library has it unchanged, reads @prep's file. */
static void
prepare_file (Walk           *walk,
              Prepared       *prep,
              CcImportReport *report)
{
  PendingFile *file = prep->file;
  g_autoptr(GError) local_error = NULL;
  gsize bytes = 0;

  prepared_clear (prep);
  prep->stat_errno = 0;

  if (file->message != NULL)
    {
      prep->skip = g_strdup (file->message);
      return;
    }
  if (file->have_stat)
    {
      prep->size = file->size;
      prep->mtime = file->mtime;
    }
  else
    {
      GStatBuf st;

      if (g_stat (file->path, &st) != 0)
        {
          prep->stat_errno = errno;
          return;
        }
      prep->size = st.st_size;
      prep->mtime = stat_mtime (&st);
    }

  if (is_unchanged (g_hash_table_lookup (walk->existing, file->path), prep))
    return;

  /* Never open the library's own files: closing them would drop this
   * process's locks on the library (and they are no article). */
  if (cc_store_is_own_file (walk->store, file->path))
    {
      prep->skip = g_strdup (_("is the library itself, not an article"));
      return;
    }

  if (prep->size > CC_TEXT_MAX_FILE_SIZE)
    {
      prep->skip = g_strdup_printf (_("is too large (%.1f MB; the limit is %d MB)"),
                                    prep->size / (1024.0 * 1024.0),
                                    CC_TEXT_MAX_FILE_SIZE / (1024 * 1024));
      return;
    }

  prep->result = read_document (file->path, &bytes, &prep->meta, &local_error);
  if (prep->result == NULL)
    {
      prep->skip = g_strdup (local_error->message);
      return;
    }
  report->bytes_read += bytes;
  prep->hash = cc_text_sha256 ((const guint8 *)prep->result->text, strlen (prep->result->text));
}

/* Whether @prep was prepared against what the library holds now: a file
 * left unread as unchanged must still be unchanged. */
static gboolean
prepared_is_current (Walk     *walk,
                     Prepared *prep)
{
  if (prep->skip != NULL || prep->stat_errno != 0 || prep->result != NULL)
    return TRUE;
  return is_unchanged (g_hash_table_lookup (walk->existing, prep->file->path), prep);
}

/* Writes what was read from @path (a file or a link): added, updated
 * (annotations re-anchored) or unchanged. Returns FALSE only when the
 * library cannot be written. */
static gboolean
store_result (CcStore         *store,
              Existing        *existing,
              const char      *path,
              CcTextResult    *result,
              const char      *hash,
              CcDocumentMeta  *meta,
              gint64           size,
              gint64           mtime,
              CcImportReport  *report,
              GError         **error)
{
  gint64 id;

  if (existing != NULL && g_strcmp0 (existing->hash, hash) == 0)
    {
      /* Touched but not changed: keep the analysis, refresh the stat. */
      gboolean ok = update_stat (store, existing->id, size, mtime, error) &&
                    cc_store_set_document_meta (store, existing->id, meta, error);
      if (ok)
        add_event (report, path, CC_IMPORT_UNCHANGED, existing->id, result->warning);
      return ok;
    }

  if (existing != NULL)
    {
      g_autofree char *old_text = cc_store_load_text (store, existing->id, error);

      if (old_text == NULL ||
          !cc_store_update_document (store, existing->id, result->title, result->outlet,
                                     result->byline, result->text, hash, result->words,
                                     size, mtime, error) ||
          !cc_store_set_document_meta (store, existing->id, meta, error) ||
          !cc_annotation_store_reanchor_document (store, existing->id, old_text, result->text,
                                                  error))
        return FALSE;
      add_event (report, path, CC_IMPORT_UPDATED, existing->id, result->warning);
      return TRUE;
    }

  id = cc_store_add_document (store, path, result->title, result->outlet, result->byline,
                              result->text, hash, result->words, size, mtime, error);
  if (id == 0 || !cc_store_set_document_meta (store, id, meta, error))
    return FALSE;
  add_event (report, path, CC_IMPORT_ADDED, id, result->warning);
  return TRUE;
}

/* Stores one prepared file. Returns FALSE only when the library cannot be
 * written. */
static gboolean
write_file (CcStore        *store,
            Walk           *walk,
            Prepared       *prep,
            CcImportReport *report,
            GError        **error)
{
  const char *path = prep->file->path;
  Existing *existing = g_hash_table_lookup (walk->existing, path);
  CcTextResult *result = prep->result;

  if (prep->skip != NULL)
    {
      add_event (report, path, CC_IMPORT_SKIPPED, 0, prep->skip);
      return TRUE;
    }
  if (prep->stat_errno != 0)
    {
      if (existing != NULL && prep->stat_errno == ENOENT)
        {
          gboolean ok = existing->missing || set_missing (store, existing->id, TRUE, error);
          if (ok)
            add_event (report, path, CC_IMPORT_MISSING, existing->id,
                       _("file no longer exists; its notes are kept"));
          return ok;
        }
      add_event (report, path, CC_IMPORT_SKIPPED, 0, g_strerror (prep->stat_errno));
      return TRUE;
    }
  if (result == NULL)
    {
      add_event (report, path, CC_IMPORT_UNCHANGED, existing->id, NULL);
      return TRUE;
    }

  return store_result (store, existing, path, result, prep->hash, prep->meta, prep->size,
                       prep->mtime, report, error);
}

/* Documents stored under an imported folder whose file was not found this
 * time are marked missing (never deleted: their notes stay). */
static gboolean
mark_missing (CcStore        *store,
              Walk           *walk,
              CcImportReport *report,
              GError        **error)
{
  for (guint r = 0; r < walk->roots->len; r++)
    {
      const char *root = walk->roots->pdata[r];
      g_autofree char *prefix = g_str_has_suffix (root, G_DIR_SEPARATOR_S)
                                  ? g_strdup (root) : g_strconcat (root, G_DIR_SEPARATOR_S, NULL);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = cc_store_prepare (store,
                                             "SELECT id, path FROM documents WHERE missing = 0 "
                                             "AND substr (path, 1, length (?1)) = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *path = (const char *)sqlite3_column_text (stmt, 1);
          if (!g_hash_table_contains (walk->seen, path))
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);
              g_array_append_val (ids, id);
              g_ptr_array_add (paths, g_strdup (path));
            }
        }
      sqlite3_reset (stmt);

      for (guint i = 0; i < ids->len; i++)
        {
          if (!set_missing (store, g_array_index (ids, gint64, i), TRUE, error))
            return FALSE;
          add_event (report, paths->pdata[i], CC_IMPORT_MISSING, g_array_index (ids, gint64, i),
                     _("file no longer exists; its notes are kept"));
        }
    }
  return TRUE;
}

/* Another connection's commit changes the library's data version. Once it
 * differs from the version the documents were loaded at, each batch reads
 * its own files' rows again inside its transaction (a few indexed look-ups,
 * not the whole table): the other writer may have added any of them. */
static gboolean
read_data_version (CcStore  *store,
                   gint64   *version,
                   GError  **error)
{
  sqlite3_stmt *stmt = cc_store_prepare (store, "PRAGMA data_version", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cc_store_set_error (store, error, "cannot read the library's data version");
      sqlite3_reset (stmt);
      return FALSE;
    }
  *version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
refresh_existing (CcStore   *store,
                  Walk      *walk,
                  Prepared  *batch,
                  guint      n,
                  GError   **error)
{
  for (guint i = 0; i < n; i++)
    {
      const char *path = batch[i].file->path;
      sqlite3_stmt *stmt = cc_store_prepare (store,
                                             "SELECT id, size, mtime, hash, missing "
                                             "FROM documents WHERE path = ?", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_hash_table_insert (walk->existing, g_strdup (path), existing_from_row (stmt, 0));
      else if (rc == SQLITE_DONE)
        g_hash_table_remove (walk->existing, path);
      else
        {
          cc_store_set_error (store, error, "cannot read the library's documents");
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Opens the batch's transaction with every file of @batch prepared against
 * the library as it is now. When another process wrote meanwhile and a file
 * left unread is no longer unchanged, the transaction is given up, that file
 * read, and the transaction begun again: files are read inside it only
 * when that keeps happening. */
#define MAX_PREPARE_ROUNDS 3

static gboolean
begin_batch (CcStore         *store,
             Walk            *walk,
             Prepared        *batch,
             guint            n,
             CcImportReport  *report,
             GError         **error)
{
  for (guint round = 1; ; round++)
    {
      gboolean current = TRUE;
      gint64 version;

      if (!cc_store_begin (store, error))
        return FALSE;
      if (!read_data_version (store, &version, error) ||
          (version != walk->data_version && !refresh_existing (store, walk, batch, n, error)))
        {
          cc_store_rollback (store);
          return FALSE;
        }

      for (guint i = 0; i < n; i++)
        current = prepared_is_current (walk, &batch[i]) && current;
      if (current)
        return TRUE;
      if (round < MAX_PREPARE_ROUNDS)
        cc_store_rollback (store);

      for (guint i = 0; i < n; i++)
        if (!prepared_is_current (walk, &batch[i]))
          prepare_file (walk, &batch[i], report);
      if (round >= MAX_PREPARE_ROUNDS)
        return TRUE;
    }
}

static gboolean
write_batch (CcStore         *store,
             Walk            *walk,
             Prepared        *batch,
             guint            n,
             CcImportReport  *report,
             GError         **error)
{
  gboolean ok;

  if (!begin_batch (store, walk, batch, n, report, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < n; i++)
    ok = write_file (store, walk, &batch[i], report, error);
  if (ok)
    ok = cc_store_commit (store, error);
  if (!ok)
    cc_store_rollback (store);
  return ok;
}

/* Files are read a batch at a time (at most BATCH_SIZE files and about
 * BATCH_BYTES of text), then written in one transaction. */
#define BATCH_BYTES (64 * 1024 * 1024)

static gboolean
import_files (CcStore         *store,
              Walk            *walk,
              CcImportReport  *report,
              CcImportProgress progress,
              gpointer         user_data,
              GCancellable    *cancellable,
              GError         **error)
{
  Prepared *batch = g_new0 (Prepared, BATCH_SIZE);
  guint n = 0;
  gsize bytes = 0;
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < walk->files->len; i++)
    {
      PendingFile *file = walk->files->pdata[i];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (progress != NULL)
        progress (i, walk->files->len, file->path, user_data);

      batch[n].file = file;
      prepare_file (walk, &batch[n], report);
      if (batch[n].result != NULL)
        bytes += strlen (batch[n].result->text);
      n++;

      if (n == BATCH_SIZE || bytes >= BATCH_BYTES || i + 1 == walk->files->len)
        {
          ok = write_batch (store, walk, batch, n, report, error);
          for (guint j = 0; j < n; j++)
            prepared_clear (&batch[j]);
          n = 0;
          bytes = 0;
        }
    }
  for (guint j = 0; j < n; j++)
    prepared_clear (&batch[j]);
  g_free (batch);
  return ok;
}

CcImportReport *
cc_import_paths (CcStore            *store,
                 const char * const *paths,
                 CcImportProgress    progress,
                 gpointer            user_data,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autoptr(CcImportReport) report = g_new0 (CcImportReport, 1);
  Walk walk = { 0 };
  gboolean ok;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  report->events = g_ptr_array_new_with_free_func ((GDestroyNotify)import_event_free);
  walk.files = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_file_free);
  walk.roots = g_ptr_array_new_with_free_func (g_free);
  walk.visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.store = store;
  /* The version first: a commit between the two only makes the first
   * batch read its rows again. */
  ok = read_data_version (store, &walk.data_version, error) &&
       (walk.existing = load_existing (store, error)) != NULL;

  for (guint i = 0; ok && paths[i] != NULL; i++)
    walk_path (&walk, paths[i], 0, TRUE, FALSE);

  if (ok)
    ok = import_files (store, &walk, report, progress, user_data, cancellable, error);

  if (ok && (ok = cc_store_begin (store, error)))
    {
      ok = mark_missing (store, &walk, report, error);
      /* Annotations imported (W3C JSON) before their document was in the
       * library attach to it now. */
      if (ok && report->added > 0)
        ok = cc_w3c_attach_pending (store, &report->attached, error);
      ok = ok && cc_store_commit (store, error);
      if (!ok)
        cc_store_rollback (store);
    }

  if (ok && progress != NULL)
    progress (walk.files->len, walk.files->len, NULL, user_data);

  g_ptr_array_unref (walk.files);
  g_ptr_array_unref (walk.roots);
  g_hash_table_unref (walk.visited);
  g_hash_table_unref (walk.seen);
  g_clear_pointer (&walk.existing, g_hash_table_unref);

  return ok ? g_steal_pointer (&report) : NULL;
}

/* Links (cc-fetch.c fetches) ------------------------------------------------ */

CcImportReport *
cc_import_fetched (CcStore     *store,
                   const char  *path,
                   GBytes      *body,
                   const char  *content_type,
                   const char  *charset,
                   const char  *final_url,
                   const char  *reason,
                   GError     **error)
{
  g_autoptr(CcImportReport) report = g_new0 (CcImportReport, 1);
  g_autoptr(GHashTable) existing = NULL;
  g_autoptr(CcTextResult) result = NULL;
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  const guint8 *data;
  gsize len = 0;
  gboolean ok;

  report->events = g_ptr_array_new_with_free_func ((GDestroyNotify)import_event_free);
  if (body == NULL)
    {
      add_event (report, path, CC_IMPORT_SKIPPED, 0, reason);
      return g_steal_pointer (&report);
    }
  data = g_bytes_get_data (body, &len);
  result = cc_format_read (cc_format_for_content (content_type, data, len), path, data, len,
                           charset, &meta, &local_error);
  if (result == NULL)
    {
      add_event (report, path, CC_IMPORT_SKIPPED, 0, local_error->message);
      return g_steal_pointer (&report);
    }
  cc_document_meta_take (&meta->url, final_url ? final_url : path);
  existing = load_existing (store, error);
  if (existing == NULL || !cc_store_begin (store, error))
    return NULL;
  report->bytes_read = len;
  hash = cc_text_sha256 ((const guint8 *)result->text, strlen (result->text));
  ok = store_result (store, g_hash_table_lookup (existing, path), path, result, hash, meta, len,
                     g_get_real_time (), report, error) &&
       cc_store_commit (store, error);
  if (!ok)
    {
      cc_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&report);
}

void
cc_import_report_merge (CcImportReport *dst,
                        CcImportReport *src)
{
  dst->added += src->added;
  dst->updated += src->updated;
  dst->unchanged += src->unchanged;
  dst->missing += src->missing;
  dst->skipped += src->skipped;
  dst->attached += src->attached;
  dst->bytes_read += src->bytes_read;
  g_ptr_array_extend_and_steal (dst->events, g_steal_pointer (&src->events));
  src->events = g_ptr_array_new_with_free_func ((GDestroyNotify)import_event_free);
}

/* Async ------------------------------------------------------------------- */

typedef struct
{
  char              *db_path;
  char             **paths;
  CcImportProgress   progress;
  gpointer           progress_data;
  GMainContext      *context;
  gint64             last_progress;
} ImportTaskData;

typedef struct
{
  CcImportProgress  progress;
  gpointer          progress_data;
  guint             done;
  guint             total;
  char             *path;
} ProgressUpdate;

static void
import_task_data_free (ImportTaskData *data)
{
  g_free (data->db_path);
  g_strfreev (data->paths);
  g_main_context_unref (data->context);
  g_free (data);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  update->progress (update->done, update->total, update->path, update->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (ProgressUpdate *update)
{
  g_free (update->path);
  g_free (update);
}

static void
thread_progress (guint       done,
                 guint       total,
                 const char *path,
                 gpointer    user_data)
{
  ImportTaskData *data = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressUpdate *update;

  /* At most 20 updates a second, and always the last one. */
  if (done != total && now - data->last_progress < G_USEC_PER_SEC / 20)
    return;
  data->last_progress = now;

  update = g_new0 (ProgressUpdate, 1);
  update->progress = data->progress;
  update->progress_data = data->progress_data;
  update->done = done;
  update->total = total;
  update->path = g_strdup (path);
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress, update,
                              (GDestroyNotify)progress_update_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTaskData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_open (data->db_path, &error);
  CcImportReport *report;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = cc_import_paths (store, (const char * const *)data->paths,
                            data->progress ? thread_progress : NULL, data,
                            cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify)cc_import_report_free);
}

void
cc_import_paths_async (const char          *db_path,
                       const char * const  *paths,
                       CcImportProgress     progress,
                       gpointer             progress_data,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (paths != NULL);

  data = g_new0 (ImportTaskData, 1);
  data->db_path = g_strdup (db_path);
  data->paths = g_strdupv ((char **)paths);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_import_paths_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_task_data_free);
  g_task_run_in_thread (task, import_thread);
}

CcImportReport *
cc_import_paths_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
