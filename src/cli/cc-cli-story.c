/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-annotation.h"
#include "cc-cli-story.h"
#include "cc-error.h"
#include "cc-store-stories.h"

/* --story ----------------------------------------------------------------- */

/* The ids of the documents of the story --story names (a set of gint64*). */
static GHashTable *
story_id_set (CcCli    *cli,
              CcStore  *store,
              GError  **error)
{
  g_autoptr(CcStory) story = cc_store_find_story (store, cli->story, error);
  g_autoptr(GArray) ids = NULL;
  GHashTable *set;

  if (story == NULL)
    return NULL;
  ids = cc_store_story_document_ids (store, cc_story_get_id (story), error);
  if (ids == NULL)
    return NULL;
  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  return set;
}

typedef gint64 (*IdOf) (gpointer item);

/* Removes from @items (in order) those whose document is not in the story;
 * with @strict, one that is not is an error naming it by @label. */
static gboolean
keep_story_items (CcCli      *cli,
                  CcStore    *store,
                  GPtrArray  *items,
                  IdOf        id_of,
                  const char *(*label) (gpointer item),
                  GError    **error)
{
  g_autoptr(GHashTable) set = NULL;

  if (cli->story == NULL)
    return TRUE;
  set = story_id_set (cli, store, error);
  if (set == NULL)
    return FALSE;
  for (guint i = items->len; i > 0; i--)
    {
      gint64 id = id_of (items->pdata[i - 1]);

      if (g_hash_table_contains (set, &id))
        continue;
      if (label != NULL)
        {
          g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                       _("Document “%s” is not in story “%s”"), label (items->pdata[i - 1]),
                       cli->story);
          return FALSE;
        }
      g_ptr_array_remove_index (items, i - 1);
    }
  return TRUE;
}

static gint64
document_id_of (gpointer item)
{
  return cc_document_get_id (item);
}

static const char *
document_label (gpointer item)
{
  return cc_document_get_basename (item);
}

static gint64
annotation_id_of (gpointer item)
{
  return cc_annotation_get_document_id (item);
}

GPtrArray *
cc_cli_story_documents (CcCli    *cli,
                        CcStore  *store,
                        int       argc,
                        char    **argv,
                        GError  **error)
{
  g_autoptr(GPtrArray) docs = cc_cli_resolve_documents (store, argc, argv, error);

  if (docs == NULL ||
      !keep_story_items (cli, store, docs, document_id_of, argc > 1 ? document_label : NULL,
                         error))
    return NULL;
  return g_steal_pointer (&docs);
}

gboolean
cc_cli_story_filter_hits (CcCli      *cli,
                          CcStore    *store,
                          GPtrArray  *hits,
                          guint       limit,
                          GError    **error)
{
  g_autoptr(CcStory) story = NULL;

  if (cli->story == NULL)
    return TRUE;
  story = cc_store_find_story (store, cli->story, error);
  return story != NULL &&
         cc_store_filter_story_hits (store, cc_story_get_id (story), hits, limit, error);
}

gboolean
cc_cli_story_filter_annotations (CcCli      *cli,
                                 CcStore    *store,
                                 GPtrArray  *annotations,
                                 GError    **error)
{
  return keep_story_items (cli, store, annotations, annotation_id_of, NULL, error);
}

gboolean
cc_cli_story_add_import (CcCli           *cli,
                         CcStore         *store,
                         CcImportReport  *report,
                         GError         **error)
{
  gint64 story;

  if (cli->story == NULL)
    return TRUE;
  story = cc_store_ensure_story (store, cli->story, error);
  return story != 0 && cc_store_add_import_to_story (store, story, report, error);
}

gboolean
cc_cli_story_export_scope (CcCli            *cli,
                           CcStore          *store,
                           CcExportOptions  *options,
                           GError          **error)
{
  g_autoptr(GPtrArray) docs = NULL;

  if (cli->story == NULL)
    return TRUE;
  docs = cc_cli_story_documents (cli, store, 1, NULL, error);
  if (docs == NULL)
    return FALSE;
  if (docs->len == 0)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_EMPTY, _("Story “%s” has no documents to export"),
                   cli->story);
      return FALSE;
    }
  for (guint i = 0; i < docs->len; i++)
    cc_export_options_add_document (options, cc_document_get_id (docs->pdata[i]));
  return TRUE;
}

/* Commands ---------------------------------------------------------------- */

static CcStore *
open_with_args (CcCli        *cli,
                const char   *parameters,
                const char   *summary,
                const GOptionEntry *entries,
                int          *argc,
                char       ***argv,
                int           min_args,
                int           max_args,
                GError      **error)
{
  if (!cc_cli_parse (cli, parameters, summary, entries, argc, argv, error))
    return NULL;
  if (*argc - 1 < min_args || (max_args >= 0 && *argc - 1 > max_args))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("%s needs %s"), cli->command, parameters);
      return NULL;
    }
  return cc_cli_open_store (cli, error);
}

static void
print_story_json (JsonBuilder *builder,
                  CcStory     *story)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cc_story_get_id (story));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, cc_story_get_name (story));
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, cc_story_get_n_documents (story));
  json_builder_set_member_name (builder, "folder");
  if (cc_story_get_folder (story) != NULL)
    json_builder_add_string_value (builder, cc_story_get_folder (story));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
print_stories (CcCli     *cli,
               GPtrArray *stories)
{
  const char *header[] = { "id", "name", "documents", "folder" };

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < stories->len; i++)
        print_story_json (builder, stories->pdata[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cc_cli_print_json (root);
      return;
    }
  cc_cli_print_row (header, G_N_ELEMENTS (header));
  for (guint i = 0; i < stories->len; i++)
    {
      CcStory *story = stories->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cc_story_get_id (story));
      g_autofree char *n = g_strdup_printf ("%u", cc_story_get_n_documents (story));
      const char *fields[] = { id, cc_story_get_name (story), n, cc_story_get_folder (story) };

      cc_cli_print_row (fields, G_N_ELEMENTS (fields));
    }
}

/* Prints the story @id as the one-row result of a command. */
static int
print_one_story (CcCli   *cli,
                 CcStore *store,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  CcStory *story = cc_store_get_story (store, id, &error);

  if (story == NULL)
    return cc_cli_fail (error);
  g_ptr_array_add (one, story);
  print_stories (cli, one);
  return 0;
}

int
cc_cli_cmd_stories (CcCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) stories = NULL;

  store = open_with_args (cli, "", _("Lists the stories: id, name, documents, folder."), NULL,
                          &argc, &argv, 0, 0, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  stories = cc_store_list_stories (store, &error);
  if (stories == NULL)
    return cc_cli_fail (error);
  print_stories (cli, stories);
  return 0;
}

int
cc_cli_cmd_story_create (CcCli  *cli,
                         int     argc,
                         char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autofree char *folder = NULL;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder,
      N_("The folder the story is made from"), N_("PATH") },
    { NULL }
  };
  gint64 id;

  store = open_with_args (cli, _("NAME"), _("Creates a story (a named set of documents)."),
                          entries, &argc, &argv, 1, 1, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  id = cc_store_create_story (store, argv[1], folder, &error);
  if (id == 0)
    return cc_cli_fail (error);
  return print_one_story (cli, store, id);
}

int
cc_cli_cmd_story_rename (CcCli  *cli,
                         int     argc,
                         char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcStory) story = NULL;

  store = open_with_args (cli, _("STORY NEW-NAME"), _("Renames a story."), NULL,
                          &argc, &argv, 2, 2, &error);
  if (store == NULL || (story = cc_store_find_story (store, argv[1], &error)) == NULL ||
      !cc_store_rename_story (store, cc_story_get_id (story), argv[2], &error))
    return cc_cli_fail (error);
  return print_one_story (cli, store, cc_story_get_id (story));
}

int
cc_cli_cmd_story_delete (CcCli  *cli,
                         int     argc,
                         char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;

  store = open_with_args (cli, _("STORY…"),
                          _("Deletes stories. Their documents, notes and highlights stay in the "
                            "library, under all articles."),
                          NULL, &argc, &argv, 1, -1, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(CcStory) story = cc_store_find_story (store, argv[i], &error);

      if (story == NULL || !cc_store_delete_story (store, cc_story_get_id (story), &error))
        return cc_cli_fail (error);
    }
  return 0;
}

int
cc_cli_cmd_story_merge (CcCli  *cli,
                        int     argc,
                        char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcStory) from = NULL;
  g_autoptr(CcStory) into = NULL;

  store = open_with_args (cli, _("STORY INTO"),
                          _("Moves the documents of STORY into story INTO and deletes STORY."),
                          NULL, &argc, &argv, 2, 2, &error);
  if (store == NULL || (from = cc_store_find_story (store, argv[1], &error)) == NULL ||
      (into = cc_store_find_story (store, argv[2], &error)) == NULL ||
      !cc_store_merge_stories (store, cc_story_get_id (from), cc_story_get_id (into), &error))
    return cc_cli_fail (error);
  return print_one_story (cli, store, cc_story_get_id (into));
}

int
cc_cli_cmd_story_add (CcCli  *cli,
                      int     argc,
                      char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcStory) story = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  store = open_with_args (cli, _("STORY DOCUMENT…"),
                          _("Adds documents of the library to a story."), NULL,
                          &argc, &argv, 2, -1, &error);
  if (store == NULL || (story = cc_store_find_story (store, argv[1], &error)) == NULL)
    return cc_cli_fail (error);
  docs = cc_cli_resolve_documents (store, argc - 1, argv + 1, &error);
  if (docs == NULL)
    return cc_cli_fail (error);
  for (guint i = 0; i < docs->len; i++)
    {
      gint64 id = cc_document_get_id (docs->pdata[i]);
      g_array_append_val (ids, id);
    }
  if (!cc_store_add_to_story (store, cc_story_get_id (story), (const gint64 *)(gpointer)ids->data,
                              ids->len, &error))
    return cc_cli_fail (error);
  return print_one_story (cli, store, cc_story_get_id (story));
}
