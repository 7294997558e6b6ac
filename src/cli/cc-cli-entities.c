/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cc-cli-commands.h"
#include "cc-cli-story.h"
#include "cc-entities.h"

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static int
print_summary (CcCli     *cli,
               CcStore   *store,
               GPtrArray *docs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  for (guint i = 0; i < docs->len; i++)
    {
      gint64 id = cc_document_get_id (docs->pdata[i]);
      g_array_append_val (ids, id);
    }
  summary = cc_entities_summarize (store, ids, &error);
  if (summary == NULL)
    return cc_cli_fail (error);

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  for (guint i = 0; i < summary->len; i++)
    {
      CcEntitySummary *s = summary->pdata[i];
      const char *type = cc_entity_type_to_string (s->type);

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          add_string_member (builder, "canonical", s->canonical);
          add_string_member (builder, "type", type);
          json_builder_set_member_name (builder, "mentions");
          json_builder_add_int_value (builder, s->mentions);
          json_builder_set_member_name (builder, "documents");
          json_builder_add_int_value (builder, s->documents);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *mentions = g_strdup_printf ("%u", s->mentions);
          g_autofree char *documents = g_strdup_printf ("%u", s->documents);
          const char *fields[] = { s->canonical, type, mentions, documents };

          cc_cli_print_row (fields, G_N_ELEMENTS (fields));
        }
    }
  if (builder != NULL)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cc_cli_print_json (root);
    }
  return 0;
}

int
cc_cli_cmd_entities (CcCli  *cli,
                     int     argc,
                     char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  gboolean summary = FALSE;
  const GOptionEntry entries[] = {
    { "summary", 's', 0, G_OPTION_ARG_NONE, &summary,
      N_("One line per entity: canonical, type, mentions, documents"), NULL },
    CC_CLI_STORY_OPTION (cli),
    { NULL }
  };

  if (!cc_cli_parse (cli, _("[DOCUMENT…]"),
                     _("Lists the people, organisations, products, benchmarks, places, dates and "
                       "figures the documents name: document, start, end, type, surface, "
                       "canonical."),
                     entries, &argc, &argv, &error))
    return cc_cli_fail (error);

  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  docs = cc_cli_story_documents (cli, store, argc, argv, &error);
  if (docs == NULL)
    return cc_cli_fail (error);

  if (summary)
    return print_summary (cli, store, docs);

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (guint d = 0; d < docs->len; d++)
    {
      CcDocument *doc = docs->pdata[d];
      g_autoptr(GPtrArray) mentions = NULL;

      mentions = cc_entities_for_document (store, cc_document_get_id (doc), &error);
      if (mentions == NULL)
        return cc_cli_fail (error);

      for (guint i = 0; i < mentions->len; i++)
        {
          CcMention *m = mentions->pdata[i];
          const char *type = cc_entity_type_to_string (m->type);

          if (builder != NULL)
            {
              json_builder_begin_object (builder);
              add_string_member (builder, "document", cc_document_get_basename (doc));
              json_builder_set_member_name (builder, "document_id");
              json_builder_add_int_value (builder, cc_document_get_id (doc));
              json_builder_set_member_name (builder, "start");
              json_builder_add_int_value (builder, m->start);
              json_builder_set_member_name (builder, "end");
              json_builder_add_int_value (builder, m->end);
              add_string_member (builder, "type", type);
              add_string_member (builder, "surface", m->surface);
              add_string_member (builder, "canonical", m->canonical);
              add_string_member (builder, "value", m->value);
              json_builder_end_object (builder);
            }
          else
            {
              g_autofree char *start = g_strdup_printf ("%u", m->start);
              g_autofree char *end = g_strdup_printf ("%u", m->end);
              const char *fields[] = {
                cc_document_get_basename (doc), start, end, type, m->surface, m->canonical,
              };

              cc_cli_print_row (fields, G_N_ELEMENTS (fields));
            }
        }
    }

  if (builder != NULL)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cc_cli_print_json (root);
    }
  return 0;
}
