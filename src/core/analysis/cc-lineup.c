/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Lining up statements across documents: IDF-weighted cosine over stemmed
 * content terms, candidates from an inverted index with bounded postings.
 * No linguistic resource beyond the stemmer: word vectors or WordNet
 * synonyms would link paraphrases further, but Debian 12 ships no word
 * vectors, and WordNet synonym sets join words that the same story uses
 * for different facts ("seat", "place", "spot"); the value-by-value
 * comparison of the next stage does the rest. */

#define G_LOG_DOMAIN "crosscheck-analysis"

#include "config.h"

#include <math.h>

#include "cc-lineup.h"

void
cc_lineup_free (CcLineup *lineup)
{
  if (lineup == NULL)
    return;
  g_array_unref (lineup->pairs);
  g_free (lineup);
}

typedef struct
{
  guint   df;
  double  weight;   /* idf squared: the term's share of the dot product */
  GArray *postings; /* guint statement indices; NULL when the term is too common */
} Term;

static void
term_free (gpointer data)
{
  Term *t = data;

  g_clear_pointer (&t->postings, g_array_unref);
  g_free (t);
}

typedef struct
{
  guint  u;
  double sim;
} Cand;

static int
cand_cmp (gconstpointer a,
          gconstpointer b)
{
  const Cand *x = a, *y = b;

  return (x->sim < y->sim) - (x->sim > y->sim);
}

static int
pair_cmp (gconstpointer a,
          gconstpointer b)
{
  const CcLineupPair *x = a, *y = b;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return (x->b > y->b) - (x->b < y->b);
}

static GHashTable *
index_terms (GPtrArray *statements)
{
  GHashTable *terms = g_hash_table_new_full (NULL, NULL, NULL, term_free);
  double n = MAX (statements->len, 1);
  GHashTableIter iter;
  Term *t;

  for (guint i = 0; i < statements->len; i++)
    {
      CcStatement *st = g_ptr_array_index (statements, i);

      for (guint k = 0; k < st->n_terms; k++)
        {
          t = g_hash_table_lookup (terms, st->terms[k]);
          if (t == NULL)
            {
              t = g_new0 (Term, 1);
              t->postings = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (terms, (gpointer) st->terms[k], t);
            }
          t->df++;
          if (t->postings != NULL && t->postings->len < CC_LINEUP_MAX_POSTINGS)
            g_array_append_val (t->postings, i);
          else
            g_clear_pointer (&t->postings, g_array_unref);
        }
    }
  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &t))
    {
      double idf = log ((n + 1) / t->df);

      t->weight = idf * idf;
    }
  return terms;
}

/* The best partners of statement @s in each other document. */
static void
partners (GPtrArray  *statements,
          GHashTable *terms,
          const double *norms,
          guint       s,
          double     *score,
          GArray     *touched,
          GArray     *cands,
          GArray     *pairs,
          guint64    *work)
{
  CcStatement *st = g_ptr_array_index (statements, s);
  guint last_doc = G_MAXUINT, kept = 0;

  g_array_set_size (touched, 0);
  g_array_set_size (cands, 0);
  for (guint k = 0; k < st->n_terms; k++)
    {
      Term *t = g_hash_table_lookup (terms, st->terms[k]);

      if (t->postings == NULL)
        continue;
      for (guint p = 0; p < t->postings->len; p++)
        {
          guint u = g_array_index (t->postings, guint, p);
          CcStatement *other = g_ptr_array_index (statements, u);

          (*work)++;
          if (other->doc == st->doc)
            continue;
          if (score[u] == 0)
            g_array_append_val (touched, u);
          score[u] += t->weight;
        }
    }
  for (guint i = 0; i < touched->len; i++)
    {
      guint u = g_array_index (touched, guint, i);
      Cand c = { u, score[u] / (norms[s] * norms[u]) };

      score[u] = 0;
      if (c.sim >= CC_LINEUP_MIN_SIMILARITY)
        g_array_append_val (cands, c);
    }
  g_array_sort (cands, cand_cmp);
  /* Keep the best few per other document (cands is by similarity, so
   * count per document with a small scan of what was kept). */
  for (guint i = 0; i < cands->len; i++)
    {
      Cand *c = &g_array_index (cands, Cand, i);
      CcStatement *other = g_ptr_array_index (statements, c->u);
      guint same = 0;

      for (guint j = pairs->len; j > pairs->len - kept; j--)
        {
          CcLineupPair *q = &g_array_index (pairs, CcLineupPair, j - 1);
          CcStatement *qo = g_ptr_array_index (statements, q->a == s ? q->b : q->a);

          same += qo->doc == other->doc;
        }
      if (same >= CC_LINEUP_PER_DOCUMENT || kept >= 16 * CC_LINEUP_PER_DOCUMENT)
        continue;
      {
        CcLineupPair p = { MIN (s, c->u), MAX (s, c->u), c->sim };

        g_array_append_val (pairs, p);
        kept++;
      }
    }
  (void) last_doc;
}

CcLineup *
cc_lineup_find (GPtrArray *statements)
{
  CcLineup *lineup = g_new0 (CcLineup, 1);
  g_autoptr(GHashTable) terms = index_terms (statements);
  g_autofree double *norms = g_new0 (double, statements->len + 1);
  g_autofree double *score = g_new0 (double, statements->len + 1);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Cand));
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (CcLineupPair));
  guint out = 0;

  for (guint i = 0; i < statements->len; i++)
    {
      CcStatement *st = g_ptr_array_index (statements, i);
      double sum = 0;

      for (guint k = 0; k < st->n_terms; k++)
        {
          Term *t = g_hash_table_lookup (terms, st->terms[k]);

          if (t->postings != NULL)
            sum += t->weight;
        }
      norms[i] = sum > 0 ? sqrt (sum) : 1;
    }
  for (guint s = 0; s < statements->len; s++)
    partners (statements, terms, norms, s, score, touched, cands, pairs, &lineup->work);

  /* Each pair once (found from either side). */
  g_array_sort (pairs, pair_cmp);
  for (guint i = 0; i < pairs->len; i++)
    {
      CcLineupPair *p = &g_array_index (pairs, CcLineupPair, i);

      if (out > 0 && g_array_index (pairs, CcLineupPair, out - 1).a == p->a &&
          g_array_index (pairs, CcLineupPair, out - 1).b == p->b)
        continue;
      g_array_index (pairs, CcLineupPair, out++) = *p;
    }
  g_array_set_size (pairs, out);
  lineup->pairs = pairs;
  return lineup;
}
