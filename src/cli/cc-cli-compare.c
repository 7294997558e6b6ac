/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-align.h"
#include "cc-cli-commands.h"
#include "cc-cli-story.h"
#include "cc-claims.h"
#include "cc-conflicts.h"
#include "cc-disagreements.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
print_header (const char * const *header,
              guint               n)
{
  cc_cli_print_row (header, n);
}

/* ---- claims ---- */

static const char * const claims_header[] = {
  "document", "subject", "attribute", "value", "unit", "qualifier", "start", "end", "quote",
};

int
cc_cli_cmd_claims (CcCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const GOptionEntry entries[] = { CC_CLI_STORY_OPTION (cli), { NULL } };

  if (!cc_cli_parse (cli, "[DOCUMENT…]",
                     _("Prints the values each document states: document, subject, attribute, "
                       "value, unit, qualifier, start, end, quote (the sentence)."),
                     entries, &argc, &argv, &error))
    return cc_cli_fail (error);
  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  docs = cc_cli_story_documents (cli, store, argc - 1, argv + 1, &error);
  if (docs == NULL)
    return cc_cli_fail (error);

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else
    print_header (claims_header, G_N_ELEMENTS (claims_header));

  for (guint d = 0; d < docs->len; d++)
    {
      CcDocument *doc = g_ptr_array_index (docs, d);
      g_autoptr(GPtrArray) claims = cc_claims_for_document (store, doc, &error);

      if (claims == NULL)
        return cc_cli_fail (error);
      for (guint i = 0; i < claims->len; i++)
        {
          CcClaim *c = g_ptr_array_index (claims, i);

          if (builder != NULL)
            {
              json_builder_begin_object (builder);
              add_string (builder, "document", cc_document_get_basename (doc));
              add_string (builder, "subject", c->subject);
              add_string (builder, "attribute", c->attribute);
              add_string (builder, "value", c->value_text);
              add_string (builder, "unit", c->value.unit);
              add_string (builder, "qualifier", cc_qualifier_to_string (c->qualifier));
              add_int (builder, "start", c->start);
              add_int (builder, "end", c->end);
              add_string (builder, "quote", c->quote);
              add_string (builder, "kind", cc_claim_kind_to_string (c->value.kind));
              add_int (builder, "value_start", c->value_start);
              add_int (builder, "value_end", c->value_end);
              add_string (builder, "surface", c->surface);
              json_builder_end_object (builder);
            }
          else
            {
              g_autofree char *start = g_strdup_printf ("%u", c->start);
              g_autofree char *end = g_strdup_printf ("%u", c->end);
              const char *fields[] = {
                cc_document_get_basename (doc), c->subject, c->attribute, c->value_text,
                c->value.unit, cc_qualifier_to_string (c->qualifier), start, end, c->quote,
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

/* ---- compare ---- */

static const char * const compare_header[] = {
  "a_start", "a_end", "b_start", "b_end", "similarity", "status", "detail",
};

static char *
offset_field (int offset)
{
  return offset >= 0 ? g_strdup_printf ("%d", offset) : g_strdup ("");
}

int
cc_cli_cmd_compare (CcCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcDocument) a = NULL;
  g_autoptr(CcDocument) b = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (!cc_cli_parse (cli, "A B",
                     _("Aligns the sentences of two documents by content and prints a_start, "
                       "a_end, b_start, b_end, similarity, status (same, differs, unmatched) "
                       "and detail."),
                     NULL, &argc, &argv, &error))
    return cc_cli_fail (error);
  if (argc != 3)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("compare needs exactly two documents"));
      return cc_cli_fail (error);
    }
  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  if ((a = cc_store_find_document (store, argv[1], &error)) == NULL ||
      (b = cc_store_find_document (store, argv[2], &error)) == NULL)
    return cc_cli_fail (error);
  rows = cc_align_documents (store, a, b, NULL, &error);
  if (rows == NULL)
    return cc_cli_fail (error);

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        {
          CcAlignPair *p = g_ptr_array_index (rows, i);

          json_builder_begin_object (builder);
          if (p->a_start >= 0)
            {
              add_int (builder, "a_start", p->a_start);
              add_int (builder, "a_end", p->a_end);
            }
          else
            {
              add_string (builder, "a_start", NULL);
              add_string (builder, "a_end", NULL);
            }
          if (p->b_start >= 0)
            {
              add_int (builder, "b_start", p->b_start);
              add_int (builder, "b_end", p->b_end);
            }
          else
            {
              add_string (builder, "b_start", NULL);
              add_string (builder, "b_end", NULL);
            }
          json_builder_set_member_name (builder, "similarity");
          json_builder_add_double_value (builder, p->similarity);
          add_string (builder, "status", cc_align_status_to_string (p->status));
          add_string (builder, "detail", p->detail);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cc_cli_print_json (root);
      return 0;
    }

  print_header (compare_header, G_N_ELEMENTS (compare_header));
  for (guint i = 0; i < rows->len; i++)
    {
      CcAlignPair *p = g_ptr_array_index (rows, i);
      g_autofree char *as = offset_field (p->a_start);
      g_autofree char *ae = offset_field (p->a_end);
      g_autofree char *bs = offset_field (p->b_start);
      g_autofree char *be = offset_field (p->b_end);
      char sim[G_ASCII_DTOSTR_BUF_SIZE];
      const char *fields[7];

      g_ascii_formatd (sim, sizeof sim, "%.3f", p->similarity);
      fields[0] = as;
      fields[1] = ae;
      fields[2] = bs;
      fields[3] = be;
      fields[4] = sim;
      fields[5] = cc_align_status_to_string (p->status);
      fields[6] = p->detail;
      cc_cli_print_row (fields, G_N_ELEMENTS (fields));
    }
  return 0;
}

/* ---- conflicts ---- */

static const char * const conflicts_header[] = {
  "subject", "attribute", "document_a", "value_a", "quote_a", "document_b", "value_b",
  "quote_b", "verdict", "kind",
};

static void
conflict_json (JsonBuilder          *builder,
               const CcDisagreement *d,
               const char           *doc_a,
               const char           *doc_b)
{
  json_builder_begin_object (builder);
  add_string (builder, "subject", d->subject);
  add_string (builder, "attribute", d->attribute);
  add_string (builder, "document_a", doc_a);
  add_string (builder, "value_a", d->value_a);
  add_string (builder, "quote_a", d->quote_a);
  add_string (builder, "document_b", doc_b);
  add_string (builder, "value_b", d->value_b);
  add_string (builder, "quote_b", d->quote_b);
  add_string (builder, "verdict", "conflict");
  add_string (builder, "kind", cc_disagreement_kind_to_string (d->kind));
  add_int (builder, "start_a", d->quote_a_start);
  add_int (builder, "end_a", d->quote_a_end);
  add_int (builder, "start_b", d->quote_b_start);
  add_int (builder, "end_b", d->quote_b_end);
  add_int (builder, "value_a_start", d->value_a_start);
  add_int (builder, "value_a_end", d->value_a_end);
  add_int (builder, "value_b_start", d->value_b_start);
  add_int (builder, "value_b_end", d->value_b_end);
  json_builder_end_object (builder);
}

int
cc_cli_cmd_conflicts (CcCli  *cli,
                      int     argc,
                      char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(CcDisagreementReport) report = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const GOptionEntry entries[] = { CC_CLI_STORY_OPTION (cli), { NULL } };

  if (!cc_cli_parse (cli, "[DOCUMENT…]",
                     _("Prints every disagreement between two documents of the library "
                       "(or of the documents named): subject, attribute, document_a, value_a, "
                       "quote_a, document_b, value_b, quote_b, verdict (conflict) and kind "
                       "(numeric, date, naming or claim)."),
                     entries, &argc, &argv, &error))
    return cc_cli_fail (error);
  store = cc_cli_open_store (cli, &error);
  if (store == NULL)
    return cc_cli_fail (error);
  docs = cc_cli_story_documents (cli, store, argc - 1, argv + 1, &error);
  if (docs == NULL)
    return cc_cli_fail (error);
  report = cc_disagreements_for_store (store, docs, &error);
  if (report == NULL)
    return cc_cli_fail (error);

  if (cli->output == CC_CLI_FORMAT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else
    print_header (conflicts_header, G_N_ELEMENTS (conflicts_header));
  for (guint i = 0; i < report->disagreements->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (report->disagreements, i);
      const char *doc_a = cc_document_get_basename (g_ptr_array_index (docs, d->doc_a));
      const char *doc_b = cc_document_get_basename (g_ptr_array_index (docs, d->doc_b));

      if (builder != NULL)
        conflict_json (builder, d, doc_a, doc_b);
      else
        {
          const char *fields[] = {
            d->subject, d->attribute, doc_a, d->value_a, d->quote_a, doc_b, d->value_b,
            d->quote_b, "conflict", cc_disagreement_kind_to_string (d->kind),
          };

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
