/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sys/wait.h>

#include "cc-test-util.h"

#include <string.h>

#include "cc-annotation-store.h"
#include "cc-text.h"

char *
cc_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("crosscheck-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      if (dir != NULL)
        {
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);
              remove_tree (child);
            }
          g_dir_close (dir);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
cc_test_tmpdir_free (char *dir)
{
  if (dir == NULL)
    return;
  remove_tree (dir);
  g_free (dir);
}

char *
cc_test_write_file (const char *dir,
                    const char *name,
                    const char *data,
                    gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = NULL;
  char *path = g_build_filename (dir, name, NULL);

  parent = g_path_get_dirname (path);
  g_mkdir_with_parents (parent, 0700);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

CcStore *
cc_test_open_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  CcStore *store = cc_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

int
cc_test_run_cli (const char * const *argv,
                 char              **out,
                 char              **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CROSSCHECK_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer)cli);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

const char *
cc_test_sample_corpus (void)
{
  const char *dir = g_getenv ("CROSSCHECK_SAMPLE_CORPUS");

  g_assert_nonnull (dir);
  return dir;
}

void
cc_test_annotate_quote (CcStore    *store,
                        gint64      document_id,
                        const char *quote)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = cc_store_load_text (store, document_id, &error);
  g_autoptr(CcAnnotation) added = NULL;
  const char *at;
  glong start;

  g_assert_no_error (error);
  at = strstr (text, quote);
  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  added = cc_annotation_store_create (store, document_id, start, start + g_utf8_strlen (quote, -1),
                                      NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
}

void
cc_test_assert_only_annotation_on (CcStore    *store,
                                   gint64      document_id,
                                   const char *quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = cc_annotation_store_list (store, NULL, &error);
  g_autofree char *text = cc_store_load_text (store, document_id, &error);
  g_autofree char *span = NULL;
  CcAnnotation *annotation;

  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  annotation = annotations->pdata[0];
  g_assert_false (cc_annotation_is_orphaned (annotation));
  span = cc_text_substring (text, cc_annotation_get_start (annotation),
                            cc_annotation_get_end (annotation));
  g_assert_cmpstr (span, ==, quote);
}
