/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entity extraction throughput (MB/s) on synthetic articles, next to a
 * baseline measured in the same run over the same texts: one GRegex pass
 * that finds runs of capitalised words. Prints both and their ratio.
 *
 * Each is timed (thread CPU time) CC_BENCH_ROUNDS times (default 3),
 * alternating, and the fastest round of each counts: a machine shared with
 * other work slows single rounds, and the baseline's round is short.
 *
 * Environment: CC_BENCH_DOCS (default 2000), CC_BENCH_BYTES (default 5000),
 * CC_BENCH_ROUNDS (default 3). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cc-entities.h"
#include "cc-synth.h"

/* CPU time of this thread, in seconds: on a machine shared with other
 * work, wall time counts the others' time slices too. */
static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
run_baseline (GPtrArray *texts,
              guint     *matches)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\p{Lu}[\\p{L}\\p{N}]*(?:[ \\t]+\\p{Lu}[\\p{L}\\p{N}]*)*",
                                         G_REGEX_OPTIMIZE, 0, NULL);
  double t0 = now ();

  *matches = 0;
  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr(GMatchInfo) info = NULL;

      g_regex_match (regex, texts->pdata[i], 0, &info);
      while (g_match_info_matches (info))
        {
          (*matches)++;
          g_match_info_next (info, NULL);
        }
    }
  return now () - t0;
}

static double
run_extractor (GPtrArray *texts,
               guint     *mentions)
{
  double t0 = now ();

  *mentions = 0;
  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr(GPtrArray) m = cc_entities_extract (texts->pdata[i]);
      *mentions += m->len;
    }
  return now () - t0;
}

int
main (int   argc,
      char *argv[])
{
  const char *env_docs = g_getenv ("CC_BENCH_DOCS");
  const char *env_bytes = g_getenv ("CC_BENCH_BYTES");
  const char *env_rounds = g_getenv ("CC_BENCH_ROUNDS");
  guint n_docs = env_docs ? atoi (env_docs) : 2000;
  gsize bytes = env_bytes ? atoi (env_bytes) : 5000;
  guint rounds = env_rounds ? MAX (1, atoi (env_rounds)) : 3;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gsize total = 0;
  guint matches = 0, mentions = 0;
  double base, ext, base_mbs, ext_mbs;

  for (guint i = 0; i < n_docs; i++)
    {
      char *text = cc_synth_article (42, i, MAX (1, n_docs / 10), bytes);
      total += strlen (text);
      g_ptr_array_add (texts, text);
    }

  /* Warm up both (word lists, regex JIT), then measure. */
  g_ptr_array_unref (cc_entities_extract (texts->pdata[0]));
  run_baseline (texts, &matches);

  base = ext = G_MAXDOUBLE;
  for (guint r = 0; r < rounds; r++)
    {
      /* MIN() is a macro that names its arguments twice: time each round once */
      double b = run_baseline (texts, &matches);
      double e = run_extractor (texts, &mentions);

      base = MIN (base, b);
      ext = MIN (ext, e);
    }
  base_mbs = total / 1e6 / base;
  ext_mbs = total / 1e6 / ext;

  printf ("entities bench: %u articles, %.1f MB, fastest of %u rounds\n", n_docs, total / 1e6,
          rounds);
  printf ("  baseline (GRegex capitalised runs): %.3f s, %.1f MB/s, %u matches\n",
          base, base_mbs, matches);
  printf ("  extractor:                          %.3f s, %.1f MB/s, %u mentions\n",
          ext, ext_mbs, mentions);
  printf ("  ratio extractor/baseline time: %.2fx (aim: within 6x)\n", ext / base);
  return 0;
}
