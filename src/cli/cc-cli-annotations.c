/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cc-annotation-store.h"
#include "cc-cli-commands.h"
#include "cc-cli-story.h"
#include "cc-error.h"

static gboolean
usage_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
  return FALSE;
}

typedef struct
{
  const char *basename;
  const char *quote;
  int         occurrence;
} QuoteQuery;

/* Character range of the @occurrence-th (1-based) exact occurrence of the
 * quote in @text: a CcAnnotationRangeFunc, run on the text inside the
 * transaction that stores the annotation. */
static gboolean
find_quote (const char  *text,
            guint       *start,
            guint       *end,
            gpointer     user_data,
            GError     **error)
{
  const QuoteQuery *query = user_data;
  g_autofree char *normal = g_utf8_normalize (query->quote, -1, G_NORMALIZE_NFC);
  const char *p = text;
  int seen = 0;

  if (normal == NULL || *normal == '\0')
    return usage_error (error, _("--quote needs some text"));

  while ((p = strstr (p, normal)) != NULL)
    {
      if (++seen == query->occurrence)
        {
          *start = (guint)g_utf8_pointer_to_offset (text, p);
          *end = *start + (guint)g_utf8_strlen (normal, -1);
          return TRUE;
        }
      p = g_utf8_next_char (p);
    }

  if (seen == 0)
    g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND, _("“%s” does not occur in %s"),
                 query->quote, query->basename);
  else
    g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                 ngettext ("“%s” occurs only %d time in %s",
                           "“%s” occurs only %d times in %s", seen),
                 query->quote, seen, query->basename);
  return FALSE;
}

int
cc_cli_cmd_annotate (CcCli  *cli,
                     int     argc,
                     char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcDocument) doc = NULL;
  g_autoptr(CcAnnotation) a = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *color = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) tags = NULL;
  int occurrence = G_MININT, start = -1, end = -1;
  const GOptionEntry entries[] = {
    { "quote", 'q', 0, G_OPTION_ARG_STRING, &quote, N_("Highlight this exact text"), N_("TEXT") },
    { "occurrence", 'n', 0, G_OPTION_ARG_INT, &occurrence,
      N_("Which occurrence of the quote (default 1)"), N_("N") },
    { "start", 's', 0, G_OPTION_ARG_INT, &start, N_("First character (offset from 0)"), N_("N") },
    { "end", 'e', 0, G_OPTION_ARG_INT, &end, N_("Character after the last one"), N_("M") },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &color,
      N_("yellow (default), green, blue, pink or purple"), N_("NAME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note on the highlight"), N_("TEXT") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag (repeat for several)"),
      N_("TAG") },
    { NULL }
  };

  if (!cc_cli_parse (cli, _("DOCUMENT"),
                     _("Highlights a passage of a document, given by --quote or by "
                       "--start and --end (character offsets), and prints the new "
                       "annotation's id."),
                     entries, &argc, &argv, &error))
    return cc_cli_fail (error);

  if (argc != 2)
    usage_error (&error, _("annotate needs exactly one document"));
  else if (quote != NULL && (start >= 0 || end >= 0))
    usage_error (&error, _("give either --quote or --start and --end, not both"));
  else if (quote == NULL && (start < 0 || end < 0))
    usage_error (&error, _("give --quote TEXT, or --start N and --end M"));
  else if (quote == NULL && occurrence != G_MININT)
    usage_error (&error, _("--occurrence goes with --quote"));
  else if (quote != NULL && occurrence != G_MININT && occurrence < 1)
    usage_error (&error, _("--occurrence counts from 1"));
  else if (quote == NULL && end <= start)
    usage_error (&error, _("--end must be greater than --start"));
  if (error != NULL)
    return cc_cli_fail (error);

  if (color != NULL && !cc_annotation_color_is_valid (color))
    {
      g_autofree char *known = g_strjoinv (", ", (GStrv)cc_annotation_get_colors ());
      g_set_error (&error, CC_ERROR, CC_ERROR_INVALID,
                   _("Unknown colour “%s” (known colours: %s)"), color, known);
      return cc_cli_fail (error);
    }

  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  doc = cc_store_find_document (store, argv[1], &error);
  if (doc == NULL)
    return cc_cli_fail (error);

  if (quote != NULL)
    {
      QuoteQuery query = { cc_document_get_basename (doc), quote, MAX (occurrence, 1) };

      a = cc_annotation_store_create_with (store, cc_document_get_id (doc), find_quote, &query,
                                           color, note, (const char * const *)tags, &error);
      if (a == NULL)
        return cc_cli_fail (error);
    }
  else
    {
      a = cc_annotation_store_create (store, cc_document_get_id (doc), (guint)start, (guint)end,
                                      color, note, (const char * const *)tags, &error);
      if (a == NULL)
        {
          g_prefix_error (&error, "%s: ", cc_document_get_basename (doc));
          return cc_cli_fail (error);
        }
    }

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", cc_annotation_get_uuid (a));
      json_object_set_int_member (object, "start", cc_annotation_get_start (a));
      json_object_set_int_member (object, "end", cc_annotation_get_end (a));
      json_object_set_string_member (object, "quote", cc_annotation_get_quote (a));
      json_node_take_object (node, object);
      cc_cli_print_json (node);
    }
  else
    g_print ("%s\n", cc_annotation_get_uuid (a));
  return 0;
}

static JsonNode *
annotations_to_json (GPtrArray  *list,
                     GHashTable *names)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < list->len; i++)
    {
      CcAnnotation *a = list->pdata[i];
      gint64 doc_id = cc_annotation_get_document_id (a);
      const char *name = g_hash_table_lookup (names, &doc_id);
      const char * const *tags = cc_annotation_get_tags (a);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, cc_annotation_get_uuid (a));
      json_builder_set_member_name (builder, "document");
      json_builder_add_string_value (builder, name ? name : cc_annotation_get_document_hint (a));
      json_builder_set_member_name (builder, "document_id");
      json_builder_add_int_value (builder, cc_annotation_get_document_id (a));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, cc_annotation_get_start (a));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, cc_annotation_get_end (a));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, cc_annotation_get_state (a));
      json_builder_set_member_name (builder, "color");
      json_builder_add_string_value (builder, cc_annotation_get_color (a));
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      for (guint t = 0; tags[t] != NULL; t++)
        json_builder_add_string_value (builder, tags[t]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "quote");
      json_builder_add_string_value (builder, cc_annotation_get_quote (a));
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, cc_annotation_get_note (a));
      json_builder_set_member_name (builder, "prefix");
      json_builder_add_string_value (builder, cc_annotation_get_prefix (a));
      json_builder_set_member_name (builder, "suffix");
      json_builder_add_string_value (builder, cc_annotation_get_suffix (a));
      json_builder_set_member_name (builder, "created");
      json_builder_add_int_value (builder, cc_annotation_get_created (a));
      json_builder_set_member_name (builder, "modified");
      json_builder_add_int_value (builder, cc_annotation_get_modified (a));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

int
cc_cli_cmd_annotations (CcCli  *cli,
                        int     argc,
                        char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *color = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *state = NULL;
  g_autofree char *search = NULL;
  CcAnnotationFilter filter = { 0 };
  const GOptionEntry entries[] = {
    { "color", 'c', 0, G_OPTION_ARG_STRING, &color, N_("Only this colour"), N_("NAME") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag, N_("Only with this tag"), N_("TAG") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state,
      N_("Only anchored, moved or orphaned ones"), N_("STATE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only those whose quote, note or tags contain TEXT"), N_("TEXT") },
    CC_CLI_STORY_OPTION (cli),
    { NULL }
  };

  if (!cc_cli_parse (cli, _("[DOCUMENT…]"),
                     _("Lists annotations (of the documents named, or of the whole library): "
                       "id, document, start, end, state, color, tags, quote, note."),
                     entries, &argc, &argv, &error))
    return cc_cli_fail (error);

  if (color != NULL && !cc_annotation_color_is_valid (color))
    {
      g_set_error (&error, CC_ERROR, CC_ERROR_INVALID, _("Unknown colour “%s”"), color);
      return cc_cli_fail (error);
    }
  if (state != NULL && g_strcmp0 (state, CC_ANNOTATION_STATE_ANCHORED) != 0 &&
      g_strcmp0 (state, CC_ANNOTATION_STATE_MOVED) != 0 &&
      g_strcmp0 (state, CC_ANNOTATION_STATE_ORPHANED) != 0)
    {
      g_set_error (&error, CC_ERROR, CC_ERROR_INVALID,
                   _("Unknown state “%s” (anchored, moved or orphaned)"), state);
      return cc_cli_fail (error);
    }

  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  docs = cc_store_list_documents (store, &error);
  if (docs == NULL)
    return cc_cli_fail (error);
  for (guint i = 0; i < docs->len; i++)
    {
      CcDocument *doc = docs->pdata[i];
      gint64 *key = g_new (gint64, 1);

      *key = cc_document_get_id (doc);
      g_hash_table_insert (names, key, (gpointer)cc_document_get_basename (doc));
    }

  filter.color = color;
  filter.tag = tag;
  filter.state = state;
  filter.text = search;

  if (argc <= 1)
    {
      g_autoptr(GPtrArray) all = cc_annotation_store_list (store, &filter, &error);
      if (all == NULL)
        return cc_cli_fail (error);
      g_ptr_array_extend_and_steal (list, g_steal_pointer (&all));
    }
  else
    {
      for (int i = 1; i < argc; i++)
        {
          g_autoptr(CcDocument) doc = cc_store_find_document (store, argv[i], &error);
          g_autoptr(GPtrArray) some = NULL;

          if (doc == NULL)
            return cc_cli_fail (error);
          filter.document_id = cc_document_get_id (doc);
          some = cc_annotation_store_list (store, &filter, &error);
          if (some == NULL)
            return cc_cli_fail (error);
          g_ptr_array_extend_and_steal (list, g_steal_pointer (&some));
        }
    }
  if (!cc_cli_story_filter_annotations (cli, store, list, &error))
    return cc_cli_fail (error);

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonNode) root = annotations_to_json (list, names);
      cc_cli_print_json (root);
      return 0;
    }

  {
    const char *header[] = { "id", "document", "start", "end", "state", "color", "tags",
                             "quote", "note" };
    cc_cli_print_row (header, G_N_ELEMENTS (header));
  }
  for (guint i = 0; i < list->len; i++)
    {
      CcAnnotation *a = list->pdata[i];
      gint64 doc_id = cc_annotation_get_document_id (a);
      const char *name = g_hash_table_lookup (names, &doc_id);
      g_autofree char *start = g_strdup_printf ("%u", cc_annotation_get_start (a));
      g_autofree char *end = g_strdup_printf ("%u", cc_annotation_get_end (a));
      g_autofree char *tags = g_strjoinv (",", (GStrv)cc_annotation_get_tags (a));
      const char *fields[] = {
        cc_annotation_get_uuid (a), name ? name : cc_annotation_get_document_hint (a),
        start, end, cc_annotation_get_state (a), cc_annotation_get_color (a), tags,
        cc_annotation_get_quote (a), cc_annotation_get_note (a),
      };
      cc_cli_print_row (fields, G_N_ELEMENTS (fields));
    }
  return 0;
}

int
cc_cli_cmd_annotation_delete (CcCli  *cli,
                              int     argc,
                              char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;

  if (!cc_cli_parse (cli, _("ID…"),
                     _("Deletes annotations by id (or an unambiguous start of one, at least "
                       "8 characters)."),
                     NULL, &argc, &argv, &error))
    return cc_cli_fail (error);
  if (argc < 2)
    {
      usage_error (&error, _("annotation-delete needs an annotation id"));
      return cc_cli_fail (error);
    }

  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(CcAnnotation) a = cc_annotation_store_get (store, argv[i], &error);

      if (a == NULL || !cc_annotation_store_delete (store, cc_annotation_get_uuid (a), &error))
        return cc_cli_fail (error);
    }
  return 0;
}
