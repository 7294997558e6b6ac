/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The disagreement engine on bad input, timed: for each input, the time of
 * cc_disagreements_find at sizes n, 2n, 4n and 8n, reported as the ratio
 * per doubling (linear work gives about 2; the run fails above
 * MAX_RATIO). This covers the stages that test-engine-bad-input's counters
 * do not see: sentence splitting, statement extraction, value scanning,
 * part comparison and the rows.
 *
 * Inputs: one sentence of up to 200,000 words with no full stop, one of
 * 40,000 words copied loosely, a table
 * of up to 16,000 rows, a line of up to 1 MB of digits and punctuation,
 * brackets nested up to 80,000 deep, a capitalised word of up to 1,000,000
 * letters. Environment: CC_BENCH_BAD_SCALE
 * divides the sizes (default 1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cc-disagreements.h"

#define MAX_RATIO 3.0

static const char * const filler[] = {
  "the", "council", "said", "on", "Monday", "that", "about", "passengers", "were", "moved",
  "and", "at", "10:35", "a.m.", "ET", "the", "harbour", "reopened", "while", "crews",
  "worked", "for", "three", "hours", "in", "2021", "but", "not", "before", "June", "5",
};

static void
append_name (GString *s,
             guint    i)
{
  static const char * const syl[] = { "ka", "ve", "ri", "mo", "lu", "tar", "sen", "dis" };

  g_string_append_c (s, 'V');
  do
    {
      g_string_append (s, syl[i % G_N_ELEMENTS (syl)]);
      i /= G_N_ELEMENTS (syl);
    }
  while (i > 0);
}

static void
long_sentence (GString *s,
               guint    n,
               guint    seed)
{
  for (guint i = 0; i < n; i++)
    {
      g_string_append (s, i == 0 ? "" : i % 17 == 0 ? ", " : " ");
      if (i % 13 == 5)
        append_name (s, i * 7 + seed);
      else if (i % 11 == 3)
        g_string_append_printf (s, "%u", (i * 31 + seed) % 997);
      else
        g_string_append (s, filler[(i + seed) % G_N_ELEMENTS (filler)]);
    }
}

static void
table (GString *s,
       guint    n,
       guint    seed)
{
  for (guint i = 0; i < n; i++)
    {
      guint r = (i * 7919 + seed) % n;

      append_name (s, r);
      g_string_append_printf (s, " %u %u %u.%u%%\n", 100 + r * 7 % 900, 1000 + r * 13 % 9000,
                              r % 60, r % 10);
    }
}

static void
digits (GString *s,
        guint    n,
        guint    seed)
{
  static const char punct[] = ".,;:-/()%+=$#*'\"!?";
  guint32 x = seed * 2654435761u + 1;
  gsize to = s->len + n;

  while (s->len < to)
    {
      x = x * 1103515245u + 12345u;
      if ((x >> 16) % 3 == 0)
        g_string_append_c (s, punct[(x >> 8) % (sizeof punct - 1)]);
      else
        g_string_append_c (s, '0' + (x >> 12) % 10);
    }
}

static void
nested (GString *s,
        guint    n,
        guint    seed)
{
  static const char * const open[] = { "(", "[", "\xe2\x80\x9c", "\xc2\xab", "\"" };
  static const char * const close[] = { ")", "]", "\xe2\x80\x9d", "\xc2\xbb", "\"" };

  g_string_append (s, "Mayor Tova Rensik said ");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (s, open[(i + seed) % G_N_ELEMENTS (open)]);
      if (i % 50 == 0)
        {
          g_string_append (s, "the depot of ");
          append_name (s, i);
          g_string_append_printf (s, " held %u buses ", 40 + i % 7);
        }
    }
  for (guint i = n; i > 0; i--)
    g_string_append (s, close[(i - 1 + seed) % G_N_ELEMENTS (close)]);
  g_string_append (s, ".\n");
}

/* A run-on sentence whose copy in the third document has a third of its
 * names changed: its clauses line up loosely (not as the same sentence),
 * with a weekday in the sentence, so the weekday comparison runs. */
static void
loose_sentence (GString *s,
                guint    n,
                guint    seed)
{
  for (guint i = 0; i < n; i++)
    {
      g_string_append (s, i == 0 ? "" : " ");
      if (i % 5 == 1)
        g_string_append_printf (s, "V%ux%u", i, i % 3 == 0 ? seed : 0);
      else if (i % 7 == 3)
        g_string_append_printf (s, "%u", (i * 31 + seed) % 997);
      else
        g_string_append (s, filler[i % 10]);
    }
}

/* A capitalised "word" of @n letters (a base64 blob) in a sentence. */
static void
long_word (GString *s,
           guint    n,
           guint    seed)
{
  g_string_append (s, "Mayor Renee Cortaz said ");
  g_string_append_c (s, 'Q');
  for (guint i = 0; i < n; i++)
    g_string_append_c (s, "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/"[(i * 7 + seed) % 38]);
  g_string_append (s, " and 1,200 homes lost power on Monday.\n");
}

typedef void (*Build) (GString *s, guint n, guint seed);

/* Processor seconds for the engine on three documents of size @n (two alike). */
static double
time_case (Build build,
           guint n)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CcDisagreementReport) report = NULL;
  clock_t start;

  for (guint d = 0; d < 3; d++)
    {
      GString *s = g_string_new (NULL);

      build (s, n, d == 2 ? 3 : 0);
      g_ptr_array_add (texts, g_string_free (s, FALSE));
    }
  /* (processor time: other work on the machine does not count) */
  start = clock ();
  report = cc_disagreements_find ((const char * const *) texts->pdata, texts->len);
  return (double) (clock () - start) / CLOCKS_PER_SEC;
}

int
main (void)
{
  const struct { const char *what; Build build; guint n; } cases[] = {
    { "one sentence (words)", long_sentence, 25000 },
    { "loose copies (words)", loose_sentence, 5000 },
    { "table (rows)", table, 2000 },
    { "line of digits (bytes)", digits, 128 * 1024 },
    { "nested brackets (depth)", nested, 10000 },
    { "one long word (letters)", long_word, 125000 },
  };
  const char *env = g_getenv ("CC_BENCH_BAD_SCALE");
  guint scale = env != NULL && atoi (env) > 0 ? (guint) atoi (env) : 1;
  gboolean ok = TRUE;

  /* (once before timing: the first run loads the stemmer and Pango) */
  time_case (long_sentence, 100);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      double t[4];
      guint n = MAX (cases[c].n / scale, 1);

      for (guint step = 0; step < 4; step++)
        t[step] = time_case (cases[c].build, n << step);
      printf ("%-26s n=%-8u %.3f s; per doubling:", cases[c].what, n, t[0]);
      for (guint step = 1; step < 4; step++)
        {
          /* (a run too short to time says nothing: 10 ms at least) */
          double ratio = t[step] / MAX (t[step - 1], 0.01);

          printf (" %.2fx", ratio);
          if (t[step] > 0.05 && ratio > MAX_RATIO)
            ok = FALSE;
        }
      printf ("  (8n: %.3f s)\n", t[3]);
    }
  if (!ok)
    printf ("FAIL: some input grows faster than linearly (ratio over %.1f per doubling)\n", MAX_RATIO);
  return ok ? 0 : 1;
}
