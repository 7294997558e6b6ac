/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cc-cli-commands.h"
#include "cc-cli-story.h"
#include "cc-fetch.h"
#include "cc-importer.h"

int
cc_cli_cmd_import (CcCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcImportReport) report = NULL;
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print only problems"), NULL },
    CC_CLI_STORY_OPTION (cli),
    { NULL }
  };

  if (!cc_cli_parse (cli, "PATH…", _("Imports .txt, .md, .html and .pdf files, folders of them, and http(s) links."),
                     entries, &argc, &argv, &error))
    return cc_cli_fail (error);
  if (argc < 2)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("import needs at least one file or folder"));
      return cc_cli_fail (error);
    }

  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);

  {
    /* links are fetched; files and folders are walked */
    g_autoptr(GPtrArray) paths = g_ptr_array_new ();
    for (int i = 1; i < argc; i++)
      if (!cc_fetch_is_url (argv[i]))
        g_ptr_array_add (paths, argv[i]);
    g_ptr_array_add (paths, NULL);
    report = cc_import_paths (store, (const char * const *)paths->pdata, NULL, NULL, NULL, &error);
    for (int i = 1; report != NULL && i < argc; i++)
      if (cc_fetch_is_url (argv[i]))
        {
          g_autoptr(CcImportReport) fetched = cc_fetch_import (store, argv[i], NULL, NULL, NULL,
                                                               &error);
          if (fetched == NULL)
            g_clear_pointer (&report, cc_import_report_free);
          else
            cc_import_report_merge (report, fetched);
        }
  }
  if (report == NULL || !cc_cli_story_add_import (cli, store, report, &error))
    return cc_cli_fail (error);

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, report->added);
      json_builder_set_member_name (builder, "updated");
      json_builder_add_int_value (builder, report->updated);
      json_builder_set_member_name (builder, "unchanged");
      json_builder_add_int_value (builder, report->unchanged);
      json_builder_set_member_name (builder, "missing");
      json_builder_add_int_value (builder, report->missing);
      json_builder_set_member_name (builder, "skipped");
      json_builder_add_int_value (builder, report->skipped);
      json_builder_set_member_name (builder, "attached");
      json_builder_add_int_value (builder, report->attached);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->events->len; i++)
        {
          CcImportEvent *event = report->events->pdata[i];
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "path");
          json_builder_add_string_value (builder, event->path);
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, cc_import_status_to_string (event->status));
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, event->document_id);
          json_builder_set_member_name (builder, "message");
          if (event->message)
            json_builder_add_string_value (builder, event->message);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cc_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < report->events->len; i++)
        {
          CcImportEvent *event = report->events->pdata[i];
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, event->document_id);
          const char *fields[] = {
            cc_import_status_to_string (event->status), id, event->path, event->message
          };

          if (event->status == CC_IMPORT_SKIPPED)
            g_printerr (_("crosscheck-cli: skipped %s: %s\n"), event->path, event->message);
          else if (event->message != NULL)
            g_printerr (_("crosscheck-cli: warning: %s: %s\n"), event->path, event->message);
          if (!quiet)
            cc_cli_print_row (fields, G_N_ELEMENTS (fields));
        }
      g_printerr (_("%u added, %u updated, %u unchanged, %u missing, %u skipped\n"),
                  report->added, report->updated, report->unchanged, report->missing,
                  report->skipped);
      if (report->attached > 0)
        g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                 "%u imported annotation found its document\n",
                                 "%u imported annotations found their documents\n",
                                 report->attached),
                    report->attached);
    }
  return 0;
}

int
cc_cli_cmd_list (CcCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  const GOptionEntry entries[] = { CC_CLI_STORY_OPTION (cli), { NULL } };

  if (!cc_cli_parse (cli, "", _("Lists id, base name, title, outlet, word count, byline, date, URL and language."),
                     entries, &argc, &argv, &error))
    return cc_cli_fail (error);

  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  docs = cc_cli_story_documents (cli, store, 1, NULL, &error);
  if (docs == NULL)
    return cc_cli_fail (error);

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < docs->len; i++)
        {
          CcDocument *doc = docs->pdata[i];
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, cc_document_get_id (doc));
          json_builder_set_member_name (builder, "document");
          json_builder_add_string_value (builder, cc_document_get_basename (doc));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, cc_document_get_title (doc));
          json_builder_set_member_name (builder, "outlet");
          json_builder_add_string_value (builder, cc_document_get_outlet (doc));
          json_builder_set_member_name (builder, "byline");
          json_builder_add_string_value (builder, cc_document_get_byline (doc));
          json_builder_set_member_name (builder, "words");
          json_builder_add_int_value (builder, cc_document_get_words (doc));
          json_builder_set_member_name (builder, "path");
          json_builder_add_string_value (builder, cc_document_get_path (doc));
          json_builder_set_member_name (builder, "missing");
          json_builder_add_boolean_value (builder, cc_document_get_missing (doc));
          json_builder_set_member_name (builder, "published");
          json_builder_add_string_value (builder, cc_document_get_published (doc));
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, cc_document_get_url (doc));
          json_builder_set_member_name (builder, "language");
          json_builder_add_string_value (builder, cc_document_get_language (doc));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cc_cli_print_json (root);
      return 0;
    }

  {
    const char *header[] = { "id", "document", "title", "outlet", "words",
                             "byline", "published", "url", "language" };
    cc_cli_print_row (header, G_N_ELEMENTS (header));
  }
  for (guint i = 0; i < docs->len; i++)
    {
      CcDocument *doc = docs->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cc_document_get_id (doc));
      g_autofree char *words = g_strdup_printf ("%u", cc_document_get_words (doc));
      const char *fields[] = {
        id, cc_document_get_basename (doc), cc_document_get_title (doc),
        cc_document_get_outlet (doc), words, cc_document_get_byline (doc),
        cc_document_get_published (doc), cc_document_get_url (doc),
        cc_document_get_language (doc)
      };
      cc_cli_print_row (fields, G_N_ELEMENTS (fields));
    }
  return 0;
}

int
cc_cli_cmd_search (CcCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  int limit = 20;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N hits (default 20)"), N_("N") },
    CC_CLI_STORY_OPTION (cli),
    { NULL }
  };

  if (!cc_cli_parse (cli, "QUERY…", _("Prints ranked hits: id, document, title, score, snippet."),
                     entries, &argc, &argv, &error))
    return cc_cli_fail (error);
  if (argc < 2)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("search needs a query"));
      return cc_cli_fail (error);
    }
  for (int i = 1; i < argc; i++)
    {
      if (i > 1)
        g_string_append_c (query, ' ');
      g_string_append (query, argv[i]);
    }

  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  hits = cc_store_search (store, query->str, limit > 0 && cli->story == NULL ? limit : 0, &error);
  if (hits == NULL || !cc_cli_story_filter_hits (cli, store, hits, MAX (limit, 0), &error))
    return cc_cli_fail (error);

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < hits->len; i++)
        {
          CcSearchHit *hit = hits->pdata[i];
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, hit->document_id);
          json_builder_set_member_name (builder, "document");
          json_builder_add_string_value (builder, hit->basename);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, hit->title);
          json_builder_set_member_name (builder, "score");
          json_builder_add_double_value (builder, -hit->rank);
          json_builder_set_member_name (builder, "snippet");
          json_builder_add_string_value (builder, hit->snippet);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cc_cli_print_json (root);
      return 0;
    }

  {
    const char *header[] = { "id", "document", "title", "score", "snippet" };
    cc_cli_print_row (header, G_N_ELEMENTS (header));
  }
  for (guint i = 0; i < hits->len; i++)
    {
      CcSearchHit *hit = hits->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, hit->document_id);
      char score[32];
      const char *fields[] = { id, hit->basename, hit->title, score, hit->snippet };

      g_ascii_formatd (score, sizeof score, "%.3f", -hit->rank);
      cc_cli_print_row (fields, G_N_ELEMENTS (fields));
    }
  return 0;
}
