/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cc-cli-commands.h"
#include "cc-cli-story.h"
#include "cc-error.h"
#include "cc-export.h"
#include "cc-w3c.h"

/* The common --format takes tsv or json; export's takes markdown or json.
 * Takes it out of @argv before the common parsing sees it. */
static gboolean
take_export_format (int            *argc,
                    char          **argv,
                    CcExportFormat *format,
                    GError        **error)
{
  const char *value = NULL;

  *format = CC_EXPORT_FORMAT_MARKDOWN;
  for (int i = 1; i < *argc; i++)
    {
      int taken = 0;

      if (strcmp (argv[i], "--") == 0)
        break;
      if (strcmp (argv[i], "--format") == 0)
        {
          if (i + 1 >= *argc)
            {
              g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                   _("Missing argument for --format"));
              return FALSE;
            }
          value = argv[i + 1];
          taken = 2;
        }
      else if (g_str_has_prefix (argv[i], "--format="))
        {
          value = argv[i] + strlen ("--format=");
          taken = 1;
        }
      if (taken > 0)
        {
          memmove (argv + i, argv + i + taken, sizeof (char *) * (*argc - i - taken + 1));
          *argc -= taken;
          i--;
          if (!cc_export_format_from_string (value, format))
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Unknown export format “%s”: use markdown or json"), value);
              return FALSE;
            }
        }
    }
  return TRUE;
}

int
cc_cli_cmd_export (CcCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  g_autofree char *output = NULL;
  g_autofree char *color = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *title = NULL;
  gboolean entities = FALSE;
  gboolean conflicts = FALSE;
  gboolean no_front_matter = FALSE;
  CcExportFormat format;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (atomically) instead of standard output"), N_("FILE") },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color,
      N_("Only annotations of this colour (yellow, green, blue, pink, purple)"), N_("COLOR") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("Only annotations with this tag"), N_("TAG") },
    { "entities", 0, 0, G_OPTION_ARG_NONE, &entities,
      N_("Include each document's entity summary (Markdown)"), NULL },
    { "conflicts", 0, 0, G_OPTION_ARG_NONE, &conflicts,
      N_("Include the library's conflicts with their notes (Markdown)"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title of the export"), N_("TITLE") },
    { "no-front-matter", 0, 0, G_OPTION_ARG_NONE, &no_front_matter,
      N_("Leave out the YAML front matter (Markdown)"), NULL },
    CC_CLI_STORY_OPTION (cli),
    { NULL }
  };

  if (!take_export_format (&argc, argv, &format, &error))
    return cc_cli_fail (error);
  if (!cc_cli_parse (cli, _("[DOCUMENT…]"),
                     _("Exports annotations as Markdown (default) or W3C Web Annotation JSON "
                       "(--format markdown|json). Without DOCUMENT, the whole library."),
                     entries, &argc, &argv, &error))
    return cc_cli_fail (error);

  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);

  if (argc <= 1 && !cc_cli_story_export_scope (cli, store, options, &error))
    return cc_cli_fail (error);
  if (argc > 1)
    {
      g_autoptr(GPtrArray) docs = cc_cli_story_documents (cli, store, argc, argv, &error);

      if (docs == NULL)
        return cc_cli_fail (error);
      for (guint i = 0; i < docs->len; i++)
        cc_export_options_add_document (options, cc_document_get_id (docs->pdata[i]));
    }
  options->color = g_steal_pointer (&color);
  options->tag = g_steal_pointer (&tag);
  options->title = g_steal_pointer (&title);
  options->entities = entities;
  options->conflicts = conflicts;
  options->front_matter = !no_front_matter;

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!cc_export_to_file (store, format, options, file, NULL, &error))
        return cc_cli_fail (error);
    }
  else
    {
      g_autofree char *text = cc_export_to_string (store, format, options, NULL, &error);

      if (text == NULL)
        return cc_cli_fail (error);
      fputs (text, stdout);
      if (*text != '\0' && text[strlen (text) - 1] != '\n')
        putchar ('\n');
      if (fflush (stdout) != 0 || ferror (stdout))
        {
          g_set_error_literal (&error, CC_ERROR, CC_ERROR_FAILED,
                               _("Cannot write to standard output"));
          return cc_cli_fail (error);
        }
    }
  return 0;
}

int
cc_cli_cmd_import_annotations (CcCli  *cli,
                               int     argc,
                               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcW3cImportReport) report = NULL;

  if (!cc_cli_parse (cli, _("FILE"),
                     _("Imports annotations from a W3C Web Annotation JSON file. Annotations "
                       "already in the library (same id) are left as they are; those whose "
                       "document is not in the library are kept until it is imported."),
                     NULL, &argc, &argv, &error))
    return cc_cli_fail (error);
  if (argc != 2)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("import-annotations needs exactly one file"));
      return cc_cli_fail (error);
    }

  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);

  report = cc_w3c_import_file (store, argv[1], &error);
  if (report == NULL)
    return cc_cli_fail (error);

  for (guint i = 0; i < report->messages->len; i++)
    g_printerr ("crosscheck-cli: %s\n", (const char *)report->messages->pdata[i]);

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, report->added);
      json_builder_set_member_name (builder, "pending");
      json_builder_add_int_value (builder, report->pending);
      json_builder_set_member_name (builder, "duplicates");
      json_builder_add_int_value (builder, report->duplicates);
      json_builder_set_member_name (builder, "attached");
      json_builder_add_int_value (builder, report->attached);
      json_builder_set_member_name (builder, "messages");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->messages->len; i++)
        json_builder_add_string_value (builder, report->messages->pdata[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cc_cli_print_json (root);
    }
  else
    {
      g_autofree char *added = g_strdup_printf ("%u", report->added);
      g_autofree char *pending = g_strdup_printf ("%u", report->pending);
      g_autofree char *duplicates = g_strdup_printf ("%u", report->duplicates);
      g_autofree char *attached = g_strdup_printf ("%u", report->attached);
      const char *header[] = { "added", "pending", "duplicates", "attached" };
      const char *row[] = { added, pending, duplicates, attached };

      cc_cli_print_row (header, G_N_ELEMENTS (header));
      cc_cli_print_row (row, G_N_ELEMENTS (row));
      g_printerr (_("%u added, %u kept for documents not in the library, "
                    "%u already in the library, %u attached to their document\n"),
                  report->added, report->pending, report->duplicates, report->attached);
    }
  return 0;
}
