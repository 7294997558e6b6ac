/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exporting many annotations to Markdown and to W3C JSON (and importing the
 * JSON back), against a baseline measured in the same run: the time to
 * merely read the same annotations from the library.
 *
 * Environment: CC_BENCH_ANNOTATIONS (default 10000), CC_BENCH_DOCUMENTS
 * (default 50). */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "cc-anchor.h"
#include "cc-annotation-store.h"
#include "cc-export.h"
#include "cc-importer.h"
#include "cc-synth.h"
#include "cc-w3c.h"
#include "../cc-test-util.h"

static void
die (GError *error)
{
  g_printerr ("bench-export: %s\n", error ? error->message : "failed");
  exit (1);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static const char * const notes[] = {
  "",
  "Check against the other sources.",
  "Two lines:\nthe *figure* differs # here",
  "> quoted, with <b>HTML</b> & [a link](http://example.com)",
  "1. first\n2. second\n\n    indented",
};

static const char * const tag_sets[][3] = {
  { NULL },
  { "figures", NULL },
  { "to check", "dates", NULL },
};

/* The best of three runs of @func. */
typedef char *(*ExportFunc) (CcStore *store, const CcExportOptions *options, GError **error);

static char *
run_markdown (CcStore               *store,
              const CcExportOptions *options,
              GError               **error)
{
  return cc_export_markdown (store, options, NULL, error);
}

static double
best_of_three (ExportFunc             func,
               CcStore               *store,
               const CcExportOptions *options,
               char                 **output)
{
  double best = G_MAXDOUBLE;

  for (guint rep = 0; rep < 3; rep++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      char *text = func (store, options, &error);

      if (text == NULL)
        die (error);
      best = MIN (best, seconds_since (start));
      g_free (*output);
      *output = text;
    }
  return best;
}

static double
time_read (CcStore *store,
           guint    expected)
{
  double best = G_MAXDOUBLE;

  for (guint rep = 0; rep < 3; rep++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) list = cc_annotation_store_list (store, NULL, &error);

      if (list == NULL || list->len != expected)
        die (error);
      best = MIN (best, seconds_since (start));
    }
  return best;
}

static guint
count_block_quotes (const char *markdown)
{
  cmark_node *document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  guint n = 0;

  for (cmark_node *node = cmark_node_first_child (document); node != NULL;
       node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_BLOCK_QUOTE)
      n++;
  cmark_node_free (document);
  return n;
}

static void
report (const char *what,
        double      seconds,
        double      baseline,
        gsize       bytes)
{
  g_print ("%-44s %9.1f ms %7.2fx", what, seconds * 1000, seconds / baseline);
  if (bytes > 0)
    g_print ("   %7.2f MB", bytes / (1024.0 * 1024.0));
  g_print ("\n");
}

int
main (int    argc,
      char **argv)
{
  const char *env_n = g_getenv ("CC_BENCH_ANNOTATIONS");
  const char *env_docs = g_getenv ("CC_BENCH_DOCUMENTS");
  guint n = env_n ? (guint)atoi (env_n) : 10000;
  guint n_docs = env_docs ? (guint)atoi (env_docs) : 50;
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *corpus = g_build_filename (tmp, "corpus", NULL);
  g_autofree char *other = g_build_filename (tmp, "other", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcStore) fresh = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  g_autoptr(CcW3cImportReport) imported = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *json = NULL;
  GRand *rand = g_rand_new_with_seed (5);
  double read, t;
  guint failures = 0;
  gint64 start;

  /* Documents, and annotations spread evenly over them. */
  g_mkdir_with_parents (corpus, 0700);
  cc_synth_write_corpus (corpus, 3, n_docs, 10, 5000);
  store = cc_test_open_store (tmp);
  {
    const char *paths[] = { corpus, NULL };
    g_autoptr(CcImportReport) rep = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    if (rep == NULL)
      die (error);
  }
  docs = cc_store_list_documents (store, &error);
  if (docs == NULL || docs->len == 0)
    die (error);

  for (guint d = 0; d < docs->len; d++)
    {
      gint64 id = cc_document_get_id (docs->pdata[d]);
      g_autofree char *text = cc_store_load_text (store, id, &error);
      g_autoptr(CcAnchorText) anchor = NULL;
      guint per_doc = n / docs->len + (d < n % docs->len ? 1 : 0);
      guint length;

      if (text == NULL)
        die (error);
      anchor = cc_anchor_text_new (text);
      length = cc_anchor_text_get_length (anchor);
      for (guint i = 0; i < per_doc; i++)
        {
          guint s = (guint)((guint64)(length - 250) * i / per_doc);
          guint e = s + g_rand_int_range (rand, 10, 200);
          g_autofree char *quote = NULL;
          g_autofree char *prefix = NULL;
          g_autofree char *suffix = NULL;
          CcAnnotation *a;

          if (!cc_anchor_text_describe (anchor, s, e, &quote, &prefix, &suffix))
            die (NULL);
          a = cc_annotation_new ();
          cc_annotation_set_document_id (a, id);
          cc_annotation_set_start (a, s);
          cc_annotation_set_end (a, e);
          cc_annotation_set_quote (a, quote);
          cc_annotation_set_prefix (a, prefix);
          cc_annotation_set_suffix (a, suffix);
          cc_annotation_set_color (a, cc_annotation_get_colors ()[i % 5]);
          cc_annotation_set_note (a, notes[i % G_N_ELEMENTS (notes)]);
          cc_annotation_set_tags (a, tag_sets[i % G_N_ELEMENTS (tag_sets)]);
          g_ptr_array_add (batch, a);
        }
    }
  start = g_get_monotonic_time ();
  if (!cc_annotation_store_add_all (store, batch, &error))
    die (error);
  g_print ("%u documents, %u annotations stored in %.0f ms\n", docs->len, batch->len,
           seconds_since (start) * 1000);

  read = time_read (store, batch->len);
  report ("baseline: read all annotations", read, read, 0);

  t = best_of_three (run_markdown, store, options, &markdown);
  report ("export to Markdown", t, read, strlen (markdown));
  if (count_block_quotes (markdown) != batch->len)
    {
      g_printerr ("bench-export: the Markdown has %u block quotes, not %u\n",
                  count_block_quotes (markdown), batch->len);
      failures++;
    }

  t = best_of_three (cc_w3c_export, store, options, &json);
  report ("export to W3C JSON", t, read, strlen (json));

  /* Import into a fresh library with the same documents. */
  g_mkdir_with_parents (other, 0700);
  {
    g_autofree char *db = g_build_filename (other, "library.db", NULL);
    const char *paths[] = { corpus, NULL };
    g_autoptr(CcImportReport) rep = NULL;

    fresh = cc_store_open (db, &error);
    if (fresh == NULL)
      die (error);
    rep = cc_import_paths (fresh, paths, NULL, NULL, NULL, &error);
    if (rep == NULL)
      die (error);
  }
  start = g_get_monotonic_time ();
  imported = cc_w3c_import_data (fresh, json, -1, "bench.json", &error);
  if (imported == NULL)
    die (error);
  t = seconds_since (start);
  report ("import the W3C JSON into a fresh library", t, read, 0);
  if (imported->added != batch->len)
    {
      g_printerr ("bench-export: imported %u of %u\n", imported->added, batch->len);
      failures++;
    }

  g_rand_free (rand);
  g_clear_object (&store);
  g_clear_object (&fresh);
  cc_test_tmpdir_free (g_steal_pointer (&tmp));
  return failures == 0 ? 0 : 1;
}
