/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Comparison speed against naive all-pairs baselines measured in the same
 * run, with identical results checked:
 *  1. aligning two ~2,000-sentence documents: inverted index vs scoring
 *     every sentence pair;
 *  2. conflicts across 1,000 synthetic documents: blocked claims vs every
 *     claim of every pair of documents.
 * Claims and mentions are extracted once, outside the timings (both sides
 * need them alike).
 *
 *  3. (run first) the disagreement engine at scale, as a user runs it: `crosscheck-cli
 *     conflicts` on a library of 10,000 synthetic articles, against
 *     `crosscheck-cli claims` on the same library in the same run (time
 *     ratio; the target is at most 3x), with the peak memory of each
 *     process (target: conflicts under 500 MB).
 *
 * Environment: CC_BENCH_DOCS (default 1000), CC_BENCH_SENTENCES (2000),
 * CC_BENCH_STORIES (default 50), CC_BENCH_SCALE_DOCS (10000; 0 skips 3),
 * CC_BENCH_SCALE_KEEP (a folder: part 3 builds its corpus and library there
 * and keeps them, to profile the command line on them afterwards). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "cc-align.h"
#include "cc-claims.h"
#include "cc-conflicts.h"
#include "cc-entities.h"
#include "cc-sentences.h"
#include "cc-synth.h"
#include "cc-test-util.h"

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && atoi (value) > 0 ? (guint) atoi (value) : fallback;
}

/* A document of about @sentences sentences: articles of one story
 * concatenated, so both documents report the same facts in their own order. */
static char *
long_document (guint32 seed,
               guint   sentences)
{
  GString *text = g_string_new (NULL);
  guint index = 0;

  while (TRUE)
    {
      g_autofree char *article = cc_synth_article (seed, index++, 1, 20000);
      g_autoptr(GArray) spans = NULL;

      g_string_append (text, article);
      g_string_append (text, "\n\n");
      spans = cc_sentences_split (text->str);
      if (spans->len >= sentences)
        break;
    }
  return g_string_free (text, FALSE);
}

static gboolean
same_rows (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      CcAlignPair *x = g_ptr_array_index (a, i);
      CcAlignPair *y = g_ptr_array_index (b, i);

      if (x->a_start != y->a_start || x->b_start != y->b_start || x->status != y->status ||
          x->similarity != y->similarity || g_strcmp0 (x->detail, y->detail) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_conflicts (CcConflictReport *a,
                CcConflictReport *b)
{
  if (a->conflicts->len != b->conflicts->len || a->facts->len != b->facts->len)
    return FALSE;
  for (guint i = 0; i < a->conflicts->len; i++)
    {
      CcConflict *x = g_ptr_array_index (a->conflicts, i);
      CcConflict *y = g_ptr_array_index (b->conflicts, i);

      if (x->a != y->a || x->b != y->b || x->verdict != y->verdict)
        return FALSE;
    }
  return TRUE;
}

static int
bench_align (void)
{
  guint sentences = env_uint ("CC_BENCH_SENTENCES", 2000);
  g_autofree char *a = long_document (1, sentences);
  g_autofree char *b = long_document (2, sentences);
  g_autoptr(GPtrArray) ma = cc_entities_extract (a);
  g_autoptr(GPtrArray) mb = cc_entities_extract (b);
  g_autoptr(GArray) sa = cc_sentences_split (a);
  g_autoptr(GArray) sb = cc_sentences_split (b);
  g_autoptr(GPtrArray) fast = NULL;
  g_autoptr(GPtrArray) slow = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double t_fast, t_slow;
  guint matched = 0;

  g_timer_start (timer);
  fast = cc_align_texts (a, ma, b, mb, NULL, NULL);
  t_fast = g_timer_elapsed (timer, NULL);
  g_timer_start (timer);
  slow = cc_align_texts_naive (a, ma, b, mb, NULL, NULL);
  t_slow = g_timer_elapsed (timer, NULL);

  for (guint i = 0; i < fast->len; i++)
    if (((CcAlignPair *) g_ptr_array_index (fast, i))->status != CC_ALIGN_UNMATCHED)
      matched++;
  printf ("align: %u x %u sentences, %u pairs aligned\n", sa->len, sb->len, matched);
  printf ("align: inverted index %.3f s, all pairs %.3f s, speed-up %.1fx, identical: %s\n",
          t_fast, t_slow, t_slow / t_fast, same_rows (fast, slow) ? "yes" : "NO");
  return same_rows (fast, slow) ? 0 : 1;
}

static int
bench_conflicts (void)
{
  guint docs = env_uint ("CC_BENCH_DOCS", 1000);
  guint stories = env_uint ("CC_BENCH_STORIES", 50);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(CcConflictReport) fast = NULL;
  g_autoptr(CcConflictReport) slow = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double t_extract, t_fast, t_slow;
  guint claims = 0;

  g_timer_start (timer);
  for (guint i = 0; i < docs; i++)
    {
      g_autofree char *text = cc_synth_article (7, i, stories, 5000);
      g_autofree char *name = g_strdup_printf ("doc-%u.txt", i);
      GPtrArray *set = cc_claims_extract (text, NULL, i + 1, name);

      claims += set->len;
      g_ptr_array_add (sets, set);
    }
  t_extract = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  fast = cc_conflicts_find (sets, NULL, NULL);
  t_fast = g_timer_elapsed (timer, NULL);
  g_timer_start (timer);
  slow = cc_conflicts_find_naive (sets, NULL, NULL);
  t_slow = g_timer_elapsed (timer, NULL);

  printf ("conflicts: %u documents (%u stories), %u claims, extracted in %.2f s\n",
          docs, stories, claims, t_extract);
  printf ("conflicts: blocked %.3f s (%u comparisons), all pairs %.3f s (%u comparisons), "
          "speed-up %.1fx, %u disagreements, identical: %s\n",
          t_fast, fast->comparisons, t_slow, slow->comparisons, t_slow / t_fast,
          fast->conflicts->len, same_conflicts (fast, slow) ? "yes" : "NO");
  printf ("conflicts: finding the pairs to compare: blocked %.3f s, all pairs %.3f s, "
          "speed-up %.1fx (the rest is building the same report)\n",
          fast->pairing_seconds, slow->pairing_seconds,
          slow->pairing_seconds / MAX (fast->pairing_seconds, 1e-9));
  return same_conflicts (fast, slow) ? 0 : 1;
}

/* Runs the command line on @db; its wall time, and its peak memory in
 * bytes. FALSE when it fails. */
static gboolean
run_cli (const char *db,
         const char *command,
         double     *seconds,
         gsize      *peak)
{
  const char *cli = g_getenv ("CROSSCHECK_CLI");
  const char *argv[] = { cli, "--db", db, command, "--format", "tsv", NULL };
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  struct rusage usage = { 0 };
  GPid pid;
  int status = 0;

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                      &pid, &error))
    {
      fprintf (stderr, "%s: %s\n", command, error->message);
      return FALSE;
    }
  if (wait4 (pid, &status, 0, &usage) < 0)
    return FALSE;
  *seconds = g_timer_elapsed (timer, NULL);
  *peak = (gsize) usage.ru_maxrss * 1024;  /* kilobytes on Linux */
  g_spawn_close_pid (pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static int
bench_scale (void)
{
  guint docs = env_uint ("CC_BENCH_SCALE_DOCS", 10000);
  guint stories = env_uint ("CC_BENCH_STORIES", 50);
  char *dir = NULL;
  const char *keep;
  g_autofree char *corpus = NULL;
  g_autofree char *db = NULL;
  double t_claims_cold = 0, t_claims = 0, t_conflicts = 0, t_import = 0;
  gsize m_claims = 0, m_conflicts = 0, bytes;
  gboolean ok;

  if (g_getenv ("CC_BENCH_SCALE_DOCS") != NULL && atoi (g_getenv ("CC_BENCH_SCALE_DOCS")) == 0)
    return 0;
  if (g_getenv ("CROSSCHECK_CLI") == NULL)
    {
      printf ("scale: CROSSCHECK_CLI not set, skipped\n");
      return 0;
    }
  keep = g_getenv ("CC_BENCH_SCALE_KEEP");
  if (keep != NULL && g_mkdir_with_parents (keep, 0700) != 0)
    {
      fprintf (stderr, "scale: cannot create %s: %s; using a temporary folder\n", keep,
               g_strerror (errno));
      keep = NULL;
    }
  dir = keep != NULL ? g_strdup (keep) : cc_test_tmpdir_new ();
  corpus = g_build_filename (dir, "corpus", NULL);
  db = g_build_filename (dir, "library.db", NULL);
  g_mkdir (corpus, 0700);
  bytes = cc_synth_write_corpus (corpus, 11, docs, stories, 5000);
  {
    const char *argv[] = { g_getenv ("CROSSCHECK_CLI"), "--db", db, "import", corpus, NULL };
    g_autoptr(GTimer) timer = g_timer_new ();
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                  &status, NULL);
    t_import = g_timer_elapsed (timer, NULL);
  }
  /* claims twice: the first run also caches the entity mentions */
  ok = run_cli (db, "claims", &t_claims_cold, &m_claims) &&
       run_cli (db, "claims", &t_claims, &m_claims) &&
       run_cli (db, "conflicts", &t_conflicts, &m_conflicts);
  printf ("scale: %u articles (%.1f MB), imported in %.1f s\n", docs, bytes / 1e6, t_import);
  printf ("scale: claims %.2f s (first run %.2f s), peak %.0f MB\n", t_claims, t_claims_cold,
          m_claims / 1e6);
  printf ("scale: conflicts %.2f s, peak %.0f MB; time ratio conflicts / claims %.2f "
          "(target <= 3), memory %s the 500 MB target\n",
          t_conflicts, m_conflicts / 1e6, t_conflicts / MAX (t_claims, 1e-9),
          m_conflicts < 500 * 1000 * 1000 ? "under" : "OVER");
  {
    struct rusage self = { 0 };

    getrusage (RUSAGE_SELF, &self);
    printf ("scale: (this benchmark's own peak, a floor under both figures: %.0f MB)\n",
            self.ru_maxrss * 1024 / 1e6);
  }
  if (keep != NULL)
    {
      printf ("scale: corpus and library kept in %s\n", dir);
      g_free (dir);
    }
  else
    cc_test_tmpdir_free (g_steal_pointer (&dir));
  return ok ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  int status = 0;

  /* The scale part runs first: a child's peak memory (getrusage) counts
   * the pages it had from this process before its exec, so this process
   * must still be small when it starts the command line. */
  status |= bench_scale ();
  status |= bench_align ();
  status |= bench_conflicts ();
  return status;
}
