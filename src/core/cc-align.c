/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-align"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-align.h"
#include "cc-claims.h"
#include "cc-entities.h"
#include "cc-verdict.h"
#include "cc-wordstem.h"

#include <glib/gi18n-lib.h>

#define ENTITY_BOOST 1.5   /* shared names and values count more than words */

typedef struct
{
  guint  term;
  double weight;
} Term;

typedef struct
{
  CcSpan     span;
  GArray    *terms;    /* Term, sorted by term id; weights normalised (unit vector) */
  GPtrArray *claims;   /* CcClaim standing in the sentence (borrowed) */
} Sentence;

typedef struct
{
  GArray    *sentences;  /* Sentence */
  GPtrArray *claims;     /* owned */
  GPtrArray *mentions;   /* owned when extracted here */
} Side;

typedef struct
{
  guint  a;
  guint  b;
  double similarity;
} Candidate;

void
cc_align_pair_free (CcAlignPair *pair)
{
  if (pair == NULL)
    return;
  g_free (pair->detail);
  g_clear_pointer (&pair->a_marks, g_array_unref);
  g_clear_pointer (&pair->b_marks, g_array_unref);
  g_free (pair);
}

const char *
cc_align_status_to_string (CcAlignStatus status)
{
  switch (status)
    {
    case CC_ALIGN_SAME:
      return "same";
    case CC_ALIGN_DIFFERS:
      return "differs";
    case CC_ALIGN_UNMATCHED:
    default:
      return "unmatched";
    }
}

static void
sentence_clear (gpointer data)
{
  Sentence *s = data;

  g_clear_pointer (&s->terms, g_array_unref);
  g_clear_pointer (&s->claims, g_ptr_array_unref);
}

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->sentences, g_array_unref);
  g_clear_pointer (&side->claims, g_ptr_array_unref);
  g_clear_pointer (&side->mentions, g_ptr_array_unref);
}

static guint
term_id (GHashTable *dict,
         const char *term)
{
  gpointer id;

  if (g_hash_table_lookup_extended (dict, term, NULL, &id))
    return GPOINTER_TO_UINT (id);
  id = GUINT_TO_POINTER (g_hash_table_size (dict));
  g_hash_table_insert (dict, g_strdup (term), id);
  return GPOINTER_TO_UINT (id);
}

static int
compare_terms (gconstpointer pa,
               gconstpointer pb)
{
  const Term *a = pa;
  const Term *b = pb;

  return a->term < b->term ? -1 : (a->term > b->term ? 1 : 0);
}

/* Raw term counts of every sentence of @text. */
static void
side_build (Side       *side,
            const char *text,
            GPtrArray  *mentions,
            CcWordStem *stemmer,
            GHashTable *dict)
{
  g_autoptr(GArray) spans = cc_sentences_split (text);
  g_autoptr(GArray) words = cc_word_stem_split (stemmer, text);
  guint wi = 0, mi = 0, ci = 0;

  if (mentions == NULL)
    mentions = side->mentions = cc_entities_extract (text);
  side->claims = cc_claims_extract (text, mentions, 0, NULL);
  side->sentences = g_array_new (FALSE, TRUE, sizeof (Sentence));
  g_array_set_clear_func (side->sentences, sentence_clear);

  for (guint si = 0; si < spans->len; si++)
    {
      CcSpan *span = &g_array_index (spans, CcSpan, si);
      Sentence s = { 0 };
      g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
      GHashTableIter iter;
      gpointer key, value;

      if (span->end <= span->start)
        continue;
      s.span = *span;
      s.terms = g_array_new (FALSE, FALSE, sizeof (Term));
      s.claims = g_ptr_array_new ();

      while (wi < words->len && g_array_index (words, CcWord, wi).start < span->start)
        wi++;
      for (; wi < words->len && g_array_index (words, CcWord, wi).end <= span->end; wi++)
        {
          CcWord *w = &g_array_index (words, CcWord, wi);
          guint id;

          if (cc_word_is_stop_word (w->word) || g_unichar_ispunct (g_utf8_get_char (w->word)))
            continue;
          id = term_id (dict, w->stem);
          g_hash_table_insert (counts, GUINT_TO_POINTER (id),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (id))) + 2));
        }
      while (mi < mentions->len && ((CcMention *) g_ptr_array_index (mentions, mi))->start < span->start)
        mi++;
      for (; mi < mentions->len && ((CcMention *) g_ptr_array_index (mentions, mi))->end <= span->end; mi++)
        {
          CcMention *m = g_ptr_array_index (mentions, mi);
          g_autofree char *t = NULL;
          guint id;

          if (m->value != NULL)
            t = g_strdup_printf ("#v:%s", m->value);
          else if (m->canonical != NULL)
            t = g_strdup_printf ("#e:%s", m->canonical);
          else
            continue;
          id = term_id (dict, t);
          /* Counts are doubled so that the boost stays an integer. */
          g_hash_table_insert (counts, GUINT_TO_POINTER (id),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (id))) +
                                                 (guint) (2 * ENTITY_BOOST)));
        }
      while (ci < side->claims->len && ((CcClaim *) g_ptr_array_index (side->claims, ci))->start < span->start)
        ci++;
      for (; ci < side->claims->len && ((CcClaim *) g_ptr_array_index (side->claims, ci))->start == span->start; ci++)
        g_ptr_array_add (s.claims, g_ptr_array_index (side->claims, ci));

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Term t = { GPOINTER_TO_UINT (key), GPOINTER_TO_UINT (value) / 2.0 };

          g_array_append_val (s.terms, t);
        }
      g_array_sort (s.terms, compare_terms);
      g_array_append_val (side->sentences, s);
    }
}

/* TF-IDF weights over the sentences of both sides, normalised per sentence. */
static void
weigh (Side  *a,
       Side  *b,
       guint  n_terms)
{
  g_autofree guint *df = g_new0 (guint, MAX (n_terms, 1));
  Side *sides[2] = { a, b };
  double n = a->sentences->len + b->sentences->len;

  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < sides[k]->sentences->len; i++)
      {
        Sentence *s = &g_array_index (sides[k]->sentences, Sentence, i);

        for (guint t = 0; t < s->terms->len; t++)
          df[g_array_index (s->terms, Term, t).term]++;
      }
  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < sides[k]->sentences->len; i++)
      {
        Sentence *s = &g_array_index (sides[k]->sentences, Sentence, i);
        double norm = 0;

        for (guint t = 0; t < s->terms->len; t++)
          {
            Term *term = &g_array_index (s->terms, Term, t);

            term->weight = (1 + log (term->weight)) * log (1 + n / df[term->term]);
            norm += term->weight * term->weight;
          }
        norm = sqrt (norm);
        for (guint t = 0; t < s->terms->len && norm > 0; t++)
          g_array_index (s->terms, Term, t).weight /= norm;
      }
}

static int
compare_candidates (gconstpointer pa,
                    gconstpointer pb)
{
  const Candidate *a = pa;
  const Candidate *b = pb;

  if (a->similarity != b->similarity)
    return a->similarity > b->similarity ? -1 : 1;
  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return a->b < b->b ? -1 : (a->b > b->b ? 1 : 0);
}

/* Candidates by an inverted index over B. Sums are taken in the order of
 * A's term ids, as in the naive merge, so the results are identical. */
static gboolean
candidates_indexed (Side          *a,
                    Side          *b,
                    guint          n_terms,
                    GArray        *out,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree GArray **postings = g_new0 (GArray *, MAX (n_terms, 1));
  g_autofree double *dot = g_new0 (double, MAX (b->sentences->len, 1));
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean ok = TRUE;

  for (guint j = 0; j < b->sentences->len; j++)
    {
      Sentence *s = &g_array_index (b->sentences, Sentence, j);

      for (guint t = 0; t < s->terms->len; t++)
        {
          Term *term = &g_array_index (s->terms, Term, t);
          Term posting = { j, term->weight };

          if (postings[term->term] == NULL)
            postings[term->term] = g_array_new (FALSE, FALSE, sizeof (Term));
          g_array_append_val (postings[term->term], posting);
        }
    }

  for (guint i = 0; i < a->sentences->len && ok; i++)
    {
      Sentence *s = &g_array_index (a->sentences, Sentence, i);

      if ((i & 255) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      for (guint t = 0; t < s->terms->len; t++)
        {
          Term *term = &g_array_index (s->terms, Term, t);
          GArray *list = postings[term->term];

          for (guint p = 0; list != NULL && p < list->len; p++)
            {
              Term *posting = &g_array_index (list, Term, p);

              if (dot[posting->term] == 0)
                g_array_append_val (touched, posting->term);
              dot[posting->term] += term->weight * posting->weight;
            }
        }
      for (guint k = 0; k < touched->len; k++)
        {
          guint j = g_array_index (touched, guint, k);

          if (dot[j] >= CC_ALIGN_MIN_SIMILARITY)
            {
              Candidate c = { i, j, MIN (dot[j], 1.0) };

              g_array_append_val (out, c);
            }
          dot[j] = 0;
        }
      g_array_set_size (touched, 0);
    }

  for (guint t = 0; t < n_terms; t++)
    g_clear_pointer (&postings[t], g_array_unref);
  return ok;
}

static gboolean
candidates_naive (Side          *a,
                  Side          *b,
                  GArray        *out,
                  GCancellable  *cancellable,
                  GError       **error)
{
  for (guint i = 0; i < a->sentences->len; i++)
    {
      Sentence *sa = &g_array_index (a->sentences, Sentence, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (guint j = 0; j < b->sentences->len; j++)
        {
          Sentence *sb = &g_array_index (b->sentences, Sentence, j);
          double dot = 0;
          guint x = 0, y = 0;

          while (x < sa->terms->len && y < sb->terms->len)
            {
              Term *ta = &g_array_index (sa->terms, Term, x);
              Term *tb = &g_array_index (sb->terms, Term, y);

              if (ta->term == tb->term)
                {
                  dot += ta->weight * tb->weight;
                  x++;
                  y++;
                }
              else if (ta->term < tb->term)
                x++;
              else
                y++;
            }
          if (dot >= CC_ALIGN_MIN_SIMILARITY)
            {
              Candidate c = { i, j, MIN (dot, 1.0) };

              g_array_append_val (out, c);
            }
        }
    }
  return TRUE;
}

static void
add_mark (GArray *marks,
          guint   start,
          guint   end)
{
  CcSpan span = { start, end };

  for (guint i = 0; i < marks->len; i++)
    if (g_array_index (marks, CcSpan, i).start == start)
      return;
  g_array_append_val (marks, span);
}

/* Compares the values of two aligned sentences. */
static void
pair_status (CcAlignPair *pair,
             Sentence    *sa,
             Sentence    *sb)
{
  GString *detail = g_string_new (NULL);

  pair->a_marks = g_array_new (FALSE, FALSE, sizeof (CcSpan));
  pair->b_marks = g_array_new (FALSE, FALSE, sizeof (CcSpan));
  for (guint i = 0; i < sa->claims->len; i++)
    {
      CcClaim *ca = g_ptr_array_index (sa->claims, i);
      CcClaim *conflicting = NULL;
      gboolean matched = FALSE;

      for (guint j = 0; j < sb->claims->len && !matched; j++)
        {
          CcClaim *cb = g_ptr_array_index (sb->claims, j);
          CcVerdict v;

          if (ca->value.kind != cb->value.kind)
            continue;
          if (ca->benchmark != NULL && cb->benchmark != NULL &&
              g_strcmp0 (ca->key, cb->key) != 0)
            continue;
          if (ca->subject_bound && cb->subject_bound && g_strcmp0 (ca->subject, cb->subject) != 0)
            continue;
          v = cc_verdict_values (&ca->value, ca->qualifier, &cb->value, cb->qualifier);
          if (v == CC_VERDICT_AGREE || v == CC_VERDICT_APPROXIMATE)
            matched = TRUE;
          else if (v == CC_VERDICT_CONFLICT && conflicting == NULL)
            conflicting = cb;
        }
      if (!matched && conflicting != NULL)
        {
          if (detail->len > 0)
            g_string_append (detail, "; ");
          g_string_append_printf (detail, "%s / %s", ca->value.kind == CC_CLAIM_STATE ? ca->value_text : ca->surface,
                                  conflicting->value.kind == CC_CLAIM_STATE ? conflicting->value_text : conflicting->surface);
          add_mark (pair->a_marks, ca->value_start, ca->value_end);
          add_mark (pair->b_marks, conflicting->value_start, conflicting->value_end);
        }
    }
  pair->status = detail->len > 0 ? CC_ALIGN_DIFFERS : CC_ALIGN_SAME;
  pair->detail = g_string_free (detail, FALSE);
}

static int
compare_rows (gconstpointer pa,
              gconstpointer pb)
{
  const CcAlignPair *a = *(const CcAlignPair * const *) pa;
  const CcAlignPair *b = *(const CcAlignPair * const *) pb;

  if ((a->a_start < 0) != (b->a_start < 0))
    return a->a_start < 0 ? 1 : -1;
  if (a->a_start >= 0)
    return a->a_start - b->a_start;
  return a->b_start - b->b_start;
}

static GPtrArray *
align (const char    *text_a,
       GPtrArray     *mentions_a,
       const char    *text_b,
       GPtrArray     *mentions_b,
       gboolean       naive,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(CcWordStem) stemmer = cc_word_stem_new ();
  g_autoptr(GHashTable) dict = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree int *match_a = NULL;
  g_autofree int *match_b = NULL;
  g_autoptr(GPtrArray) all_claims = NULL;
  GPtrArray *rows;
  Side a = { 0 }, b = { 0 };
  gboolean ok;

  g_return_val_if_fail (text_a != NULL && text_b != NULL, NULL);

  side_build (&a, text_a, mentions_a, stemmer, dict);
  side_build (&b, text_b, mentions_b, stemmer, dict);
  weigh (&a, &b, g_hash_table_size (dict));

  /* The same benchmark under different names in the two texts. */
  all_claims = g_ptr_array_new ();
  g_ptr_array_extend (all_claims, a.claims, NULL, NULL);
  g_ptr_array_extend (all_claims, b.claims, NULL, NULL);
  cc_verdict_unify_benchmarks (all_claims);

  ok = naive ? candidates_naive (&a, &b, candidates, cancellable, error)
             : candidates_indexed (&a, &b, g_hash_table_size (dict), candidates, cancellable, error);
  if (!ok)
    {
      side_clear (&a);
      side_clear (&b);
      return NULL;
    }
  g_array_sort (candidates, compare_candidates);

  match_a = g_new (int, MAX (a.sentences->len, 1));
  match_b = g_new (int, MAX (b.sentences->len, 1));
  for (guint i = 0; i < a.sentences->len; i++)
    match_a[i] = -1;
  for (guint j = 0; j < b.sentences->len; j++)
    match_b[j] = -1;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_align_pair_free);
  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);
      Sentence *sa, *sb;
      CcAlignPair *pair;

      if (match_a[c->a] >= 0 || match_b[c->b] >= 0)
        continue;
      match_a[c->a] = c->b;
      match_b[c->b] = c->a;
      sa = &g_array_index (a.sentences, Sentence, c->a);
      sb = &g_array_index (b.sentences, Sentence, c->b);
      pair = g_new0 (CcAlignPair, 1);
      pair->a_start = sa->span.start;
      pair->a_end = sa->span.end;
      pair->b_start = sb->span.start;
      pair->b_end = sb->span.end;
      pair->similarity = c->similarity;
      pair_status (pair, sa, sb);
      g_ptr_array_add (rows, pair);
    }
  for (guint i = 0; i < a.sentences->len; i++)
    if (match_a[i] < 0)
      {
        Sentence *sa = &g_array_index (a.sentences, Sentence, i);
        CcAlignPair *pair = g_new0 (CcAlignPair, 1);

        pair->a_start = sa->span.start;
        pair->a_end = sa->span.end;
        pair->b_start = pair->b_end = -1;
        pair->status = CC_ALIGN_UNMATCHED;
        pair->detail = g_strdup (_("only in A"));
        pair->a_marks = g_array_new (FALSE, FALSE, sizeof (CcSpan));
        pair->b_marks = g_array_new (FALSE, FALSE, sizeof (CcSpan));
        g_ptr_array_add (rows, pair);
      }
  for (guint j = 0; j < b.sentences->len; j++)
    if (match_b[j] < 0)
      {
        Sentence *sb = &g_array_index (b.sentences, Sentence, j);
        CcAlignPair *pair = g_new0 (CcAlignPair, 1);

        pair->a_start = pair->a_end = -1;
        pair->b_start = sb->span.start;
        pair->b_end = sb->span.end;
        pair->status = CC_ALIGN_UNMATCHED;
        pair->detail = g_strdup (_("only in B"));
        pair->a_marks = g_array_new (FALSE, FALSE, sizeof (CcSpan));
        pair->b_marks = g_array_new (FALSE, FALSE, sizeof (CcSpan));
        g_ptr_array_add (rows, pair);
      }
  g_ptr_array_sort (rows, compare_rows);

  side_clear (&a);
  side_clear (&b);
  return rows;
}

GPtrArray *
cc_align_texts (const char    *text_a,
                GPtrArray     *mentions_a,
                const char    *text_b,
                GPtrArray     *mentions_b,
                GCancellable  *cancellable,
                GError       **error)
{
  return align (text_a, mentions_a, text_b, mentions_b, FALSE, cancellable, error);
}

GPtrArray *
cc_align_texts_naive (const char    *text_a,
                      GPtrArray     *mentions_a,
                      const char    *text_b,
                      GPtrArray     *mentions_b,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return align (text_a, mentions_a, text_b, mentions_b, TRUE, cancellable, error);
}

GPtrArray *
cc_align_documents (CcStore       *store,
                    CcDocument    *a,
                    CcDocument    *b,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autoptr(GPtrArray) mentions_a = NULL;
  g_autoptr(GPtrArray) mentions_b = NULL;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (CC_IS_DOCUMENT (a) && CC_IS_DOCUMENT (b), NULL);

  if ((text_a = cc_store_load_text (store, cc_document_get_id (a), error)) == NULL ||
      (text_b = cc_store_load_text (store, cc_document_get_id (b), error)) == NULL ||
      (mentions_a = cc_entities_for_document (store, cc_document_get_id (a), error)) == NULL ||
      (mentions_b = cc_entities_for_document (store, cc_document_get_id (b), error)) == NULL)
    return NULL;
  return cc_align_texts (text_a, mentions_a, text_b, mentions_b, cancellable, error);
}

typedef struct
{
  char   *path;
  gint64  a;
  gint64  b;
} AlignData;

static void
align_data_free (AlignData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
align_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AlignData *data = task_data;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcDocument) a = NULL;
  g_autoptr(CcDocument) b = NULL;
  GError *error = NULL;
  GPtrArray *rows;

  if ((store = cc_store_open (data->path, &error)) == NULL ||
      (a = cc_store_get_document (store, data->a, &error)) == NULL ||
      (b = cc_store_get_document (store, data->b, &error)) == NULL ||
      (rows = cc_align_documents (store, a, b, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

void
cc_align_documents_async (CcStore             *store,
                          CcDocument          *a,
                          CcDocument          *b,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AlignData *data;

  g_return_if_fail (CC_IS_STORE (store));
  g_return_if_fail (CC_IS_DOCUMENT (a) && CC_IS_DOCUMENT (b));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_align_documents_async);
  data = g_new0 (AlignData, 1);
  data->path = g_strdup (cc_store_get_path (store));
  data->a = cc_document_get_id (a);
  data->b = cc_document_get_id (b);
  g_task_set_task_data (task, data, (GDestroyNotify) align_data_free);
  g_task_run_in_thread (task, align_thread);
}

GPtrArray *
cc_align_documents_finish (CcStore       *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
