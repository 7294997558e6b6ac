/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cc-cli-commands.h"
#include "cc-cli-story.h"

typedef struct
{
  const char *name;
  int       (*run) (CcCli *cli, int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "import", cc_cli_cmd_import, N_("Import files and folders of articles into the library") },
  { "list", cc_cli_cmd_list, N_("List the documents of the library") },
  { "search", cc_cli_cmd_search, N_("Search the library's full text") },
  /* entities (issue 3) */
  { "entities", cc_cli_cmd_entities, N_("List the people, organisations, products, places, dates and figures documents name") },
  /* annotations (issue 4) */
  { "annotate", cc_cli_cmd_annotate, N_("Highlight a passage of a document, with a note and tags") },
  { "annotations", cc_cli_cmd_annotations, N_("List annotations") },
  { "annotation-delete", cc_cli_cmd_annotation_delete, N_("Delete annotations") },
  /* claims, compare, conflicts (issue 5) */
  { "claims", cc_cli_cmd_claims, N_("List the values each document states") },
  { "compare", cc_cli_cmd_compare, N_("Align two documents and show where they differ") },
  { "conflicts", cc_cli_cmd_conflicts, N_("List the disagreements between documents") },
  /* export (issue 6) */
  { "export", cc_cli_cmd_export, N_("Export annotations as Markdown or W3C Web Annotation JSON") },
  { "import-annotations", cc_cli_cmd_import_annotations, N_("Import annotations from W3C Web Annotation JSON") },
  /* stories (issue 13) */
  { "stories", cc_cli_cmd_stories, N_("List the stories of the library") },
  { "story-create", cc_cli_cmd_story_create, N_("Create a story") },
  { "story-rename", cc_cli_cmd_story_rename, N_("Rename a story") },
  { "story-delete", cc_cli_cmd_story_delete, N_("Delete stories (their documents and notes stay)") },
  { "story-merge", cc_cli_cmd_story_merge, N_("Merge a story into another") },
  { "story-add", cc_cli_cmd_story_add, N_("Add documents to a story") },
};

static void
usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: crosscheck-cli [--db PATH] COMMAND [OPTIONS] [ARGS]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-20s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “crosscheck-cli COMMAND --help” for a command's options."));
}

int
main (int   argc,
      char *argv[])
{
  CcCli cli = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const Command *command = NULL;
  int command_index = -1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The command is the first argument that is not an option (or the value of
   * --db/--format given before it). */
  for (int i = 1; i < argc && command == NULL; i++)
    {
      if (strcmp (argv[i], "--db") == 0 || strcmp (argv[i], "--format") == 0 ||
          strcmp (argv[i], "--story") == 0)
        {
          i++;
          continue;
        }
      if (argv[i][0] == '-')
        {
          if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
            {
              usage (stdout);
              return 0;
            }
          if (strcmp (argv[i], "--version") == 0)
            {
              g_print ("crosscheck-cli %s\n", PACKAGE_VERSION);
              return 0;
            }
          continue;
        }
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        if (strcmp (argv[i], commands[c].name) == 0)
          {
            command = &commands[c];
            command_index = i;
          }
      if (command == NULL)
        {
          g_printerr (_("crosscheck-cli: unknown command “%s”\n\n"), argv[i]);
          usage (stderr);
          return 2;
        }
    }

  if (command == NULL)
    {
      usage (stderr);
      return 2;
    }

  /* Hand the command its argv: program name, command, then the rest, with
   * common options kept wherever they stood. */
  g_ptr_array_add (args, argv[0]);
  g_ptr_array_add (args, (char *)command->name);
  for (int i = 1; i < argc; i++)
    if (i != command_index)
      g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  cli.command = command->name;
  {
    int sub_argc = args->len - 1;
    char **sub_argv = (char **)args->pdata;
    status = command->run (&cli, sub_argc, sub_argv);
  }

  g_free (cli.db_path);
  g_free (cli.format);
  g_free (cli.story);
  return status;
}
