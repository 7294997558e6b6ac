/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cc-cli-common.h"
#include "cc-error.h"

gboolean
cc_cli_parse (CcCli              *cli,
              const char         *parameter_string,
              const char         *summary,
              const GOptionEntry *entries,
              int                *argc,
              char             ***argv,
              GError            **error)
{
  const GOptionEntry common[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_path,
      N_("Library file (default: $XDG_DATA_HOME/crosscheck/library.db)"), N_("PATH") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *params = g_strdup_printf ("%s %s", cli->command, parameter_string);

  context = g_option_context_new (params);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (cli->format == NULL || g_str_equal (cli->format, "tsv"))
    cli->output = CC_CLI_FORMAT_TSV;
  else if (g_str_equal (cli->format, "json"))
    cli->output = CC_CLI_FORMAT_JSON;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown format “%s”: use tsv or json"), cli->format);
      return FALSE;
    }

  /* Drop argv[0] (the program) so argv[0] is the command. */
  if (*argc > 0 && g_strcmp0 ((*argv)[1], cli->command) == 0)
    {
      (*argc)--;
      memmove (*argv, *argv + 1, sizeof (char *) * (*argc + 1));
    }
  return TRUE;
}

CcStore *
cc_cli_open_store (CcCli   *cli,
                   GError **error)
{
  g_autofree char *path = cli->db_path ? g_strdup (cli->db_path) : cc_store_default_path ();

  return cc_store_open (path, error);
}

GPtrArray *
cc_cli_resolve_documents (CcStore  *store,
                          int       argc,
                          char    **argv,
                          GError  **error)
{
  g_autoptr(GPtrArray) docs = NULL;

  if (argc <= 1)
    return cc_store_list_documents (store, error);

  docs = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 1; i < argc; i++)
    {
      CcDocument *doc = cc_store_find_document (store, argv[i], error);
      if (doc == NULL)
        return NULL;
      g_ptr_array_add (docs, doc);
    }
  return g_steal_pointer (&docs);
}

/* Output is UTF-8: a field that is not (a file name in another encoding)
 * is shown as g_filename_display_name() shows it, its invalid bytes
 * replaced by U+FFFD, the same in TSV and JSON. Returns @text itself when
 * it is valid, or a copy stored in @copy. */
static const char *
displayable (const char  *text,
             char       **copy)
{
  *copy = NULL;
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;
  *copy = g_utf8_make_valid (text, -1);
  return *copy;
}

static void
print_escaped (const char *text)
{
  g_autofree char *copy = NULL;
  const char *field = displayable (text, &copy);

  for (const char *p = field; p && *p; p++)
    {
      switch (*p)
        {
        case '\t': fputs ("\\t", stdout); break;
        case '\n': fputs ("\\n", stdout); break;
        case '\r': fputs ("\\r", stdout); break;
        case '\\': fputs ("\\\\", stdout); break;
        default: putchar (*p); break;
        }
    }
}

void
cc_cli_print_row (const char * const *fields,
                  guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        putchar ('\t');
      print_escaped (fields[i]);
    }
  putchar ('\n');
}

/* Makes every string of @root valid UTF-8 (see displayable()), walking
 * the tree with a queue, not recursion. json-glib would otherwise write
 * invalid bytes as they are, or read a quote after a stray lead byte as
 * part of its character and leave it unescaped. */
static void
make_strings_valid (JsonNode *root)
{
  g_autoptr(GQueue) pending = g_queue_new ();
  JsonNode *node;

  g_queue_push_tail (pending, root);
  while ((node = g_queue_pop_head (pending)) != NULL)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));

          for (GList *l = members; l != NULL; l = l->next)
            g_queue_push_tail (pending, l->data);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            g_queue_push_tail (pending, json_array_get_element (array, i));
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *copy = NULL;
          const char *valid = displayable (json_node_get_string (node), &copy);

          if (copy != NULL)
            json_node_set_string (node, valid);
        }
    }
}

void
cc_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  make_strings_valid (node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  putchar ('\n');
}

int
cc_cli_fail (const GError *error)
{
  g_printerr ("crosscheck-cli: %s\n", error ? error->message : _("failed"));
  return 1;
}
