/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "cc-entities.h"
#include "cc-text.h"

/* Two measures.
 *
 * 1. /crosscheck/entities/eval: named-entity F1 per story against the
 *    independently labelled stories in ../shared/eval (when that folder
 *    exists; skipped otherwise), counted as ../shared/eval/score.py counts
 *    it: per (file, surface, type) for PERSON, ORG, PRODUCT, BENCHMARK and
 *    LOCATION, a trailing possessive ignored. Each story must reach
 *    EVAL_MIN_NAMED_F1.
 *
 * 2. /crosscheck/entities/quality: precision, recall and F1 per type
 *    against the hand-made regression fixtures in tests/fixtures/entities/
 *    (the format of `crosscheck-cli entities`). Their origin: the articles
 *    are the project's own invented texts (tests/fixtures/articles and
 *    data/sample-corpus), and the gold began as the extractor's output,
 *    corrected by hand; they guard against regressions, they do not
 *    measure quality on unseen text. A mention counts only if start, end and type
 * match exactly.
 *
 * Thresholds (F1, micro-averaged over all gold files), checked below:
 *   PERSON, ORG, PRODUCT, BENCHMARK           >= 0.90
 *   DATE, MONEY, PERCENT, QUANTITY            >= 0.95
 *   LOCATION, SCORE                           >= 0.80
 * A type with fewer than 5 gold mentions is reported but not checked. */

typedef struct
{
  guint tp, fp, fn;
} Counts;

/* The named F1 every story in ../shared/eval must reach: the issue asks
 * for 0.85; every story reaches 0.87 (0.876 to 0.909), and the bar is set
 * there so that a regression shows. The folder is found from the test
 * sources (G_TEST_SRCDIR/../../shared/eval, as meson runs the test) or
 * named by CROSSCHECK_EVAL_DIR; without it the test is skipped. */
#define EVAL_MIN_NAMED_F1 0.87

static gboolean
is_named (const char *type)
{
  return g_str_equal (type, "PERSON") || g_str_equal (type, "ORG") ||
         g_str_equal (type, "PRODUCT") || g_str_equal (type, "BENCHMARK") ||
         g_str_equal (type, "LOCATION");
}

/* Adds @n to the count of "file\tsurface\ttype" in @table. */
static void
count_key (GHashTable *table,
           const char *file,
           const char *surface,
           const char *type,
           guint       n)
{
  char *key = g_strjoin ("\t", file, surface, type, NULL);
  guint old = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  g_hash_table_insert (table, key, GUINT_TO_POINTER (old + n));
}

static void
read_gold_counts (const char *path,
                  GHashTable *gold)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  /* header: file surface type count canonical */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (f) >= 4 && is_named (f[2]))
        count_key (gold, f[0], f[1], f[2], (guint)atoi (f[3]));
    }
}

static void
extract_counts (const char *path,
                const char *file,
                GHashTable *pred)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(CcTextResult) result = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  CcTextFormat format = CC_TEXT_FORMAT_PLAIN;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  cc_text_format_for_path (path, &format);
  result = cc_text_process ((const guint8 *)data, len, format, &error);
  g_assert_no_error (error);
  mentions = cc_entities_extract (result->text);
  for (guint i = 0; i < mentions->len; i++)
    {
      CcMention *m = mentions->pdata[i];
      const char *type = cc_entity_type_to_string (m->type);
      g_autofree char *surface = g_strdup (m->surface);

      if (!is_named (type))
        continue;
      if (g_str_has_suffix (surface, "'s"))
        surface[strlen (surface) - 2] = '\0';
      else if (g_str_has_suffix (surface, "\u2019s"))
        surface[strlen (surface) - strlen ("\u2019s")] = '\0';
      count_key (pred, file, surface, type, 1);
    }
}

/* Micro F1 of multiset @pred against @gold. */
static double
multiset_f1 (GHashTable *gold,
             GHashTable *pred)
{
  GHashTableIter iter;
  gpointer key, value;
  guint tp = 0, n_gold = 0, n_pred = 0;
  double p, r;

  g_hash_table_iter_init (&iter, gold);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint g = GPOINTER_TO_UINT (value);
      guint q = GPOINTER_TO_UINT (g_hash_table_lookup (pred, key));

      n_gold += g;
      tp += MIN (g, q);
    }
  g_hash_table_iter_init (&iter, pred);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n_pred += GPOINTER_TO_UINT (value);
  p = (double)tp / MAX (1, n_pred);
  r = (double)tp / MAX (1, n_gold);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static double
score_story (const char *story)
{
  g_autofree char *corpus = g_build_filename (story, "corpus", NULL);
  g_autofree char *gold_path = g_build_filename (story, "gold", "entities.tsv", NULL);
  g_autoptr(GHashTable) gold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) pred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = g_dir_open (corpus, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  read_gold_counts (gold_path, gold);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (corpus, name, NULL);
      extract_counts (path, name, pred);
    }
  return multiset_f1 (gold, pred);
}

static void
test_eval (void)
{
  const char *env = g_getenv ("CROSSCHECK_EVAL_DIR");
  g_autofree char *eval = env != NULL ? g_strdup (env)
                                      : g_test_build_filename (G_TEST_DIST, "..", "..", "shared",
                                                               "eval", NULL);
  g_autofree char *stories = g_build_filename (eval, "stories", NULL);
  g_autoptr(GDir) dir = g_dir_open (stories, 0, NULL);
  const char *name;
  guint n = 0;
  gboolean ok = TRUE;

  if (dir == NULL)
    {
      g_test_skip ("no ../shared/eval stories");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *story = g_build_filename (stories, name, NULL);
      g_autofree char *gold = g_build_filename (story, "gold", "entities.tsv", NULL);
      double f1;

      if (!g_file_test (gold, G_FILE_TEST_EXISTS))
        continue;
      f1 = score_story (story);
      n++;
      g_printerr ("%-14s named F1 %.3f%s\n", name, f1,
                  f1 < EVAL_MIN_NAMED_F1 ? "  BELOW THRESHOLD" : "");
      if (f1 < EVAL_MIN_NAMED_F1)
        ok = FALSE;
    }
  if (n == 0)
    {
      g_test_skip ("no labelled story in ../shared/eval");
      return;
    }
  g_assert_true (ok);
}

static const double thresholds[CC_N_ENTITY_TYPES] = {
  [CC_ENTITY_PERSON] = 0.90, [CC_ENTITY_ORG] = 0.90, [CC_ENTITY_PRODUCT] = 0.90,
  [CC_ENTITY_BENCHMARK] = 0.90, [CC_ENTITY_LOCATION] = 0.80, [CC_ENTITY_DATE] = 0.95,
  [CC_ENTITY_MONEY] = 0.95, [CC_ENTITY_PERCENT] = 0.95, [CC_ENTITY_QUANTITY] = 0.95,
  [CC_ENTITY_SCORE] = 0.80,
};

static char *
find_article (const char *gold_name)
{
  const char *dirs[] = {
    g_test_get_filename (G_TEST_DIST, "fixtures", "articles", NULL),
    g_getenv ("CROSSCHECK_SAMPLE_CORPUS"),
  };
  const char *exts[] = { ".txt", ".md" };
  g_autofree char *stem = g_strndup (gold_name, strlen (gold_name) - strlen (".tsv"));

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    for (guint e = 0; e < G_N_ELEMENTS (exts); e++)
      {
        g_autofree char *name = NULL;
        char *path;

        if (dirs[d] == NULL)
          continue;
        name = g_strconcat (stem, exts[e], NULL);
        path = g_build_filename (dirs[d], name, NULL);
        if (g_file_test (path, G_FILE_TEST_EXISTS))
          return path;
        g_free (path);
      }
  return NULL;
}

static char *
mention_key (guint        start,
             guint        end,
             CcEntityType type)
{
  return g_strdup_printf ("%u:%u:%d", start, end, type);
}

static void
score_file (const char *gold_path,
            const char *article,
            Counts     *counts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gold = NULL;
  g_autofree char *data = NULL;
  g_autoptr(CcTextResult) result = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  CcTextFormat format = CC_TEXT_FORMAT_PLAIN;
  gsize len = 0;

  g_assert_true (g_file_get_contents (gold_path, &gold, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (article, &data, &len, &error));
  cc_text_format_for_path (article, &format);
  result = cc_text_process ((const guint8 *)data, len, format, &error);
  g_assert_no_error (error);

  lines = g_strsplit (gold, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      CcEntityType type;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 6);
      g_assert_true (cc_entity_type_from_string (f[3], &type));
      /* The gold surface must be the text at the offsets. */
      {
        g_autofree char *surface = cc_text_substring (result->text, atoi (f[1]), atoi (f[2]));
        g_assert_cmpstr (surface, ==, f[4]);
      }
      g_hash_table_insert (expected, mention_key (atoi (f[1]), atoi (f[2]), type),
                           GINT_TO_POINTER (type + 1));
    }

  mentions = cc_entities_extract (result->text);
  for (guint i = 0; i < mentions->len; i++)
    {
      CcMention *m = mentions->pdata[i];
      g_autofree char *key = mention_key (m->start, m->end, m->type);

      if (g_hash_table_remove (expected, key))
        counts[m->type].tp++;
      else
        {
          counts[m->type].fp++;
          if (g_test_verbose ())
            g_printerr ("  FP %s %u-%u %s \"%s\"\n", article, m->start, m->end,
                        cc_entity_type_to_string (m->type), m->surface);
        }
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, expected);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        counts[GPOINTER_TO_INT (value) - 1].fn++;
        if (g_test_verbose ())
          g_printerr ("  FN %s %s %s\n", article, (char *)key,
                      cc_entity_type_to_string (GPOINTER_TO_INT (value) - 1));
      }
  }
}

static void
test_quality (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *gold_dir = g_test_get_filename (G_TEST_DIST, "fixtures", "entities", NULL);
  Counts counts[CC_N_ENTITY_TYPES] = { { 0 } };
  const char *name;
  guint n_files = 0;
  gboolean ok = TRUE;

  dir = g_dir_open (gold_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *gold = NULL;
      g_autofree char *article = NULL;

      if (!g_str_has_suffix (name, ".tsv"))
        continue;
      gold = g_build_filename (gold_dir, name, NULL);
      article = find_article (name);
      if (article == NULL)
        {
          g_test_message ("no article for %s", name);
          continue;
        }
      score_file (gold, article, counts);
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 8);

  g_printerr ("\n%-10s %6s %6s %6s %7s %7s %7s\n", "type", "gold", "tp", "fp", "P", "R", "F1");
  for (guint t = 0; t < CC_N_ENTITY_TYPES; t++)
    {
      Counts *c = &counts[t];
      guint gold = c->tp + c->fn;
      double p = c->tp + c->fp ? (double)c->tp / (c->tp + c->fp) : 1.0;
      double r = gold ? (double)c->tp / gold : 1.0;
      double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
      gboolean checked = gold >= 5;

      g_printerr ("%-10s %6u %6u %6u %7.3f %7.3f %7.3f%s\n", cc_entity_type_to_string (t), gold,
                  c->tp, c->fp, p, r, f1,
                  !checked ? "  (too few to check)"
                           : f1 < thresholds[t] ? "  BELOW THRESHOLD" : "");
      if (checked && f1 < thresholds[t])
        ok = FALSE;
    }
  g_assert_true (ok);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crosscheck/entities/eval", test_eval);
  g_test_add_func ("/crosscheck/entities/quality", test_quality);
  return g_test_run ();
}
