/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Re-anchoring many annotations on a large document, against a baseline
 * measured in the same run: the time to merely load the same annotations
 * from the library.
 *
 * Environment: CC_BENCH_ANNOTATIONS (default 10000), CC_BENCH_DOC_BYTES
 * (default 1048576). */
#include <stdlib.h>
#include <string.h>

#include "cc-anchor.h"
#include "cc-annotation-store.h"
#include "cc-importer.h"
#include "cc-synth.h"
#include "../cc-test-util.h"

static void
die (GError *error)
{
  g_printerr ("bench-annotations: %s\n", error ? error->message : "failed");
  exit (1);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The best of three loads of every annotation of the document. */
static double
time_load (CcStore *store,
           gint64   doc_id,
           guint    expected)
{
  CcAnnotationFilter filter = { .document_id = doc_id };
  double best = G_MAXDOUBLE;

  for (guint rep = 0; rep < 3; rep++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) list = cc_annotation_store_list (store, &filter, &error);

      if (list == NULL || list->len != expected)
        die (error);
      best = MIN (best, seconds_since (start));
    }
  return best;
}

static double
time_reanchor (CcStore          *store,
               gint64            doc_id,
               const char       *old_text,
               const char       *new_text,
               CcReanchorCounts *counts)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!cc_annotation_store_reanchor_document_full (store, doc_id, old_text, new_text, counts,
                                                   &error))
    die (error);
  return seconds_since (start);
}

/* Checks that every placed annotation's quote is the text at its range. */
static guint
count_consistent (CcStore    *store,
                  gint64      doc_id,
                  const char *text)
{
  g_autoptr(CcAnchorText) anchor = cc_anchor_text_new (text);
  CcAnnotationFilter filter = { .document_id = doc_id };
  g_autoptr(GPtrArray) list = cc_annotation_store_list (store, &filter, NULL);
  guint ok = 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      CcAnnotation *a = list->pdata[i];
      g_autofree char *quote = NULL;

      if (cc_annotation_is_orphaned (a))
        continue;
      if (cc_anchor_text_describe (anchor, cc_annotation_get_start (a), cc_annotation_get_end (a),
                                   &quote, NULL, NULL) &&
          g_strcmp0 (quote, cc_annotation_get_quote (a)) == 0)
        ok++;
    }
  return ok;
}

static void
report (const char             *what,
        double                  seconds,
        double                  baseline,
        const CcReanchorCounts *c)
{
  g_print ("%-44s %9.1f ms %7.2fx   %6u anchored %5u moved %5u orphaned\n", what,
           seconds * 1000, seconds / baseline, c->anchored, c->moved, c->orphaned);
}

int
main (int    argc,
      char **argv)
{
  const char *env_n = g_getenv ("CC_BENCH_ANNOTATIONS");
  const char *env_bytes = g_getenv ("CC_BENCH_DOC_BYTES");
  guint n = env_n ? (guint)atoi (env_n) : 10000;
  gsize target = env_bytes ? (gsize)atoll (env_bytes) : 1024 * 1024;
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcDocument) doc = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CcAnchorText) anchor = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GString) scattered = NULL;
  CcReanchorCounts counts = { 0 };
  GRand *rand = g_rand_new_with_seed (7);
  double load, t;
  guint length, failures = 0;
  gint64 start;

  /* A large document made of synthetic articles. */
  for (guint i = 0; text->len < target; i++)
    {
      g_autofree char *article = cc_synth_article (11, i, 40, 5000);
      g_string_append (text, article);
      g_string_append (text, "\n\n");
    }
  path = cc_test_write_file (tmp, "large.txt", text->str, text->len);
  store = cc_test_open_store (tmp);
  {
    const char *paths[] = { path, NULL };
    g_autoptr(CcImportReport) rep = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    if (rep == NULL)
      die (error);
  }
  doc = cc_store_find_document (store, "large.txt", &error);
  if (doc == NULL)
    die (error);
  stored = cc_store_load_text (store, cc_document_get_id (doc), &error);
  if (stored == NULL)
    die (error);

  /* Annotations spread over the whole text, 10 to 200 characters long. */
  anchor = cc_anchor_text_new (stored);
  length = cc_anchor_text_get_length (anchor);
  for (guint i = 0; i < n; i++)
    {
      guint s = (guint)((guint64)length * i / n) + g_rand_int_range (rand, 0, 50);
      guint e = MIN (length, s + g_rand_int_range (rand, 10, 200));
      g_autofree char *quote = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *suffix = NULL;
      CcAnnotation *a;

      if (!cc_anchor_text_describe (anchor, s, e, &quote, &prefix, &suffix))
        continue;
      a = cc_annotation_new ();
      cc_annotation_set_document_id (a, cc_document_get_id (doc));
      cc_annotation_set_start (a, s);
      cc_annotation_set_end (a, e);
      cc_annotation_set_quote (a, quote);
      cc_annotation_set_prefix (a, prefix);
      cc_annotation_set_suffix (a, suffix);
      cc_annotation_set_color (a, cc_annotation_get_colors ()[i % 5]);
      g_ptr_array_add (batch, a);
    }
  start = g_get_monotonic_time ();
  if (!cc_annotation_store_add_all (store, batch, &error))
    die (error);
  g_print ("document: %.2f MB, %u characters; %u annotations stored in %.0f ms\n",
           strlen (stored) / (1024.0 * 1024.0), length, batch->len,
           seconds_since (start) * 1000);

  load = time_load (store, cc_document_get_id (doc), batch->len);
  g_print ("%-44s %9.1f ms %7.2fx\n", "baseline: load all annotations", load * 1000, 1.0);

  /* 1. The whole import path: a sentence inserted at the top of the file,
   * re-imported (text processing, library update and re-anchoring). */
  {
    g_autofree char *again = g_strconcat ("Correction appended at the top.\n\n", text->str, NULL);
    const char *paths[] = { path, NULL };
    g_autoptr(CcImportReport) rep = NULL;

    g_file_set_contents (path, again, -1, NULL);
    start = g_get_monotonic_time ();
    rep = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    if (rep == NULL)
      die (error);
    t = seconds_since (start);
    g_print ("%-44s %9.1f ms %7.2fx   (%u updated)\n", "re-import of the file, edited at the top",
             t * 1000, t / load, rep->updated);
    if (rep->updated != 1)
      failures++;
  }
  g_clear_pointer (&stored, g_free);
  stored = cc_store_load_text (store, cc_document_get_id (doc), &error);
  if (stored == NULL)
    die (error);
  if (count_consistent (store, cc_document_get_id (doc), stored) != batch->len)
    failures++;



  /* 2. A sentence inserted near the start (the previous text is known, as
   * on re-import): re-anchoring alone. */
  edited = g_strdup_printf ("%.*s This sentence was added in an update. %s", 200, stored,
                            stored + 200);
  t = time_reanchor (store, cc_document_get_id (doc), stored, edited, &counts);
  report ("re-anchor after an edit near the start", t, load, &counts);
  if (counts.orphaned > 2 || count_consistent (store, cc_document_get_id (doc), edited) !=
                             counts.anchored + counts.moved)
    failures++;

  /* 3. Fifty edits spread over the text: most annotations lie between
   * edits and are found again by the exact-match index. */
  scattered = g_string_new (edited);
  for (guint i = 0; i < 50; i++)
    {
      gsize at = scattered->len * (i + 1) / 52;

      while (at < scattered->len && (scattered->str[at] & 0xc0) == 0x80)
        at++;
      g_string_insert (scattered, at, " [edited] ");
    }
  t = time_reanchor (store, cc_document_get_id (doc), edited, scattered->str, &counts);
  report ("re-anchor after 50 scattered edits", t, load, &counts);
  if (count_consistent (store, cc_document_get_id (doc), scattered->str) !=
      counts.anchored + counts.moved)
    failures++;

  /* 4. The same text with the previous version unknown. */
  {
    g_autofree char *shifted = g_strconcat ("Preface.\n\n", scattered->str, NULL);

    t = time_reanchor (store, cc_document_get_id (doc), NULL, shifted, &counts);
    report ("re-anchor, previous text unknown", t, load, &counts);
    if (count_consistent (store, cc_document_get_id (doc), shifted) !=
        counts.anchored + counts.moved)
      failures++;
  }

  g_rand_free (rand);
  g_clear_object (&store);
  cc_test_tmpdir_free (g_steal_pointer (&tmp));
  if (failures > 0)
    g_printerr ("bench-annotations: %u checks failed\n", failures);
  return failures == 0 ? 0 : 1;
}
