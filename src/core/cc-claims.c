/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-claims"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cc-claims.h"
#include "cc-claims-lexicon.h"
#include "cc-claims-private.h"
#include "cc-entities.h"
#include "cc-sentences.h"
#include "cc-wordstem.h"

/* Claim extraction. For every value mention (money, percent, quantity,
 * score, date) of a sentence the extractor finds:
 *  - the subject: the named entity standing right before the value ("X
 *    scored 52", "X (57)", "X's 43.9%"; bound), else the sentence's first
 *    named entity, else the entity an opening pronoun refers to (unbound);
 *  - the attribute: a benchmark named in the sentence, or the words around
 *    the value (stemmed, with word classes such as "=deal"), or for a date
 *    the event it dates ("launch", "signing");
 *  - the qualifier from the words before it, and the year the figure is
 *    about ("in 2025").
 * Sentences about deployment or availability also give a state claim: done
 * ("now powers", "began service") or future ("will debut in the coming
 * weeks"). */

#define CUE_WINDOW 4        /* content words on each side of a value */
#define CUE_SCAN (4 * CUE_WINDOW)
#define TIGHT_DISTANCE 1    /* words between a bound subject and its value: "X (57)",
                             * "X's 43.9%", "X scored 52" */
#define BOUND_DISTANCE 3    /* words between a near subject and its value */

G_DEFINE_BOXED_TYPE (CcClaim, cc_claim, cc_claim_ref, cc_claim_unref)

typedef struct
{
  CcClaim claim;
  gint    ref_count;
} CcClaimReal;

static CcClaim *
cc_claim_new (void)
{
  CcClaimReal *real = g_new0 (CcClaimReal, 1);

  real->ref_count = 1;
  return &real->claim;
}

CcClaim *
cc_claim_ref (CcClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  g_atomic_int_inc (&((CcClaimReal *) claim)->ref_count);
  return claim;
}

void
cc_claim_unref (CcClaim *claim)
{
  if (claim == NULL)
    return;
  if (!g_atomic_int_dec_and_test (&((CcClaimReal *) claim)->ref_count))
    return;
  g_free (claim->document);
  g_free (claim->quote);
  g_free (claim->subject);
  g_free (claim->attribute);
  g_free (claim->key);
  g_free (claim->benchmark);
  g_strfreev (claim->cues);
  g_free (claim->cue_weights);
  g_strfreev (claim->objects);
  g_free (claim->value.unit);
  g_free (claim->value_text);
  g_free (claim->surface);
  g_free ((CcClaimReal *) claim);
}

const char *
cc_claim_kind_to_string (CcClaimKind kind)
{
  static const char * const names[] = {
    "money", "percent", "count", "quantity", "ratio", "score", "date", "state",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == CC_N_CLAIM_KINDS);
  if ((guint) kind >= CC_N_CLAIM_KINDS)
    return "";
  return names[kind];
}

const char *
cc_qualifier_to_string (CcQualifier qualifier)
{
  static const char * const names[] = { "", "over", "under", "about", "up to" };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == CC_N_QUALIFIERS);
  if ((guint) qualifier >= CC_N_QUALIFIERS)
    return "";
  return names[qualifier];
}

const char *
cc_claim_state_to_string (CcClaimState state)
{
  switch (state)
    {
    case CC_CLAIM_STATE_DONE:
      return "done";
    case CC_CLAIM_STATE_FUTURE:
      return "future";
    case CC_CLAIM_STATE_UNKNOWN:
    default:
      return "";
    }
}

/* ---- extraction context ---- */

typedef struct
{
  const char  *text;
  gint64       document_id;
  const char  *document;
  CcWordStem  *stemmer;
  GArray      *words;      /* CcWord of the whole text */
  int         *word_mention; /* per word: index of the mention containing it, or -1 */
  GPtrArray   *mentions;
  GPtrArray   *claims;

  /* the sentence at hand */
  guint        s_start;
  guint        s_end;
  guint        w_first;    /* its words */
  guint        w_count;
  guint        m_first;    /* its mentions */
  guint        m_count;
  GArray      *benchmarks; /* guint: indices of its BENCHMARK mentions */
  char        *quote;
  char        *lower;

  /* discourse, for pronouns: borrowed canonical names of the mentions */
  const char  *subject;        /* this sentence's */
  const char  *prev_subject;
  const char  *prev_product;   /* the first product the previous sentence named */
  const char  *last_org;
  const char  *last_person;
  guint        sentence_index;
  GHashTable  *benchmark_heads; /* first words of the benchmarks named ("Humanity") */
  GHashTable  *consumed;       /* mentions merged into an earlier claim (a range's end) */
} Ctx;

static gboolean
is_named (CcEntityType type)
{
  return type == CC_ENTITY_PERSON || type == CC_ENTITY_ORG || type == CC_ENTITY_PRODUCT;
}

static gboolean
is_value (CcEntityType type)
{
  return type == CC_ENTITY_DATE || type == CC_ENTITY_MONEY || type == CC_ENTITY_PERCENT ||
         type == CC_ENTITY_QUANTITY || type == CC_ENTITY_SCORE;
}

static CcMention *
ctx_mention (Ctx  *ctx,
             guint i)
{
  return g_ptr_array_index (ctx->mentions, ctx->m_first + i);
}

static const CcWord *
ctx_word (Ctx  *ctx,
          guint i)
{
  return &g_array_index (ctx->words, CcWord, i);
}

/* First word index at or after char offset @offset (within the sentence). */
static guint
word_at (Ctx  *ctx,
         guint offset)
{
  guint lo = ctx->w_first;
  guint hi = ctx->w_first + ctx->w_count;

  /* Words are in text order: a binary search, not a walk from the start of
   * the sentence for every value (quadratic on a long sentence). */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ctx_word (ctx, mid)->end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
is_person_pronoun (const char *word)
{
  return strcmp (word, "he") == 0 || strcmp (word, "she") == 0 || strcmp (word, "his") == 0 ||
         strcmp (word, "her") == 0 || strcmp (word, "him") == 0;
}

static gboolean
is_thing_pronoun (const char *word)
{
  return strcmp (word, "it") == 0 || strcmp (word, "its") == 0 || strcmp (word, "they") == 0 ||
         strcmp (word, "their") == 0;
}

/* The entity a pronoun or "the company" / "the model" refers to: for a
 * thing, the product the previous sentence named (the thing just
 * introduced: "X unveiled Y. It ..."), else the previous sentence's
 * subject. */
static const char *
ctx_antecedent_for (Ctx        *ctx,
                    const char *word,
                    const char *next)
{
  if (is_person_pronoun (word))
    return ctx->last_person;
  if (next != NULL && (g_str_has_prefix (next, "compan") || g_str_has_prefix (next, "firm") ||
                       g_str_has_prefix (next, "group") || g_str_has_prefix (next, "operator")))
    return ctx->prev_subject != NULL ? ctx->prev_subject : ctx->last_org;
  if (ctx->prev_product != NULL)
    return ctx->prev_product;
  return ctx->prev_subject;
}

static const char *
ctx_antecedent (Ctx *ctx)
{
  const CcWord *first, *second;

  if (ctx->w_count == 0)
    return ctx->prev_subject;
  first = ctx_word (ctx, ctx->w_first);
  second = ctx->w_count > 1 ? ctx_word (ctx, ctx->w_first + 1) : NULL;
  return ctx_antecedent_for (ctx, first->word, second != NULL ? second->stem : NULL);
}

static gboolean
ctx_starts_with_anaphor (Ctx *ctx)
{
  CcMention *m;

  if (ctx->w_count == 0)
    return FALSE;
  if (ctx->m_count > 0)
    {
      m = ctx_mention (ctx, 0);
      if (m->start <= ctx_word (ctx, ctx->w_first)->start)
        return FALSE;
      /* "The Port Alder City Council ...": a name, not an anaphor. */
      if (ctx->w_count > 1 && is_named (m->type) &&
          m->start <= ctx_word (ctx, ctx->w_first + 1)->start)
        return FALSE;
    }
  return cc_lexicon_is_anaphor (ctx_word (ctx, ctx->w_first)->word);
}

/* A named mention that is part of a benchmark's name ("Humanity" in
 * "Humanity's Last Exam") is not a subject. */
static gboolean
ctx_is_subject_mention (Ctx       *ctx,
                        CcMention *m)
{
  if (!is_named (m->type))
    return FALSE;
  for (guint i = 0; i < ctx->m_count; i++)
    {
      CcMention *b = ctx_mention (ctx, i);

      if (b->type != CC_ENTITY_BENCHMARK)
        continue;
      if (b->start < m->end && m->start < b->end)
        return FALSE;
      /* "Humanity" + "'s Last Exam" where the document elsewhere names the
       * benchmark "Humanity's Last Exam" (but not "Acme's Index Score"). */
      if (b->start >= m->end && b->start <= m->end + 3 && m->canonical != NULL &&
          g_hash_table_contains (ctx->benchmark_heads, m->canonical))
        return FALSE;
    }
  return TRUE;
}

static const char *
ctx_first_named (Ctx *ctx)
{
  for (guint i = 0; i < ctx->m_count; i++)
    {
      CcMention *m = ctx_mention (ctx, i);

      if (ctx_is_subject_mention (ctx, m))
        return m->canonical;
    }
  return NULL;
}

/* The sentence's subject: the entity an opening anaphor refers to, or its
 * first named entity, or the previous sentence's subject. */
static void
ctx_begin_sentence (Ctx *ctx)
{
  const char *subject = NULL;

  if (ctx_starts_with_anaphor (ctx))
    subject = ctx_antecedent (ctx);
  if (subject == NULL)
    subject = ctx_first_named (ctx);
  if (subject == NULL)
    subject = ctx->prev_subject;
  ctx->subject = subject;
}

static void
ctx_end_sentence (Ctx *ctx)
{
  const char *product = NULL;

  for (guint i = 0; i < ctx->m_count; i++)
    {
      CcMention *m = ctx_mention (ctx, i);

      if (!ctx_is_subject_mention (ctx, m))
        continue;
      if (m->type == CC_ENTITY_PRODUCT && product == NULL)
        product = m->canonical;
      else if (m->type == CC_ENTITY_ORG)
        ctx->last_org = m->canonical;
      else if (m->type == CC_ENTITY_PERSON)
        ctx->last_person = m->canonical;
    }
  /* "It powers the Meta AI app. The model ...": a sentence about a carried
   * subject keeps it as the topic. */
  ctx->prev_product = ctx_starts_with_anaphor (ctx) ? NULL : product;
  if (ctx->subject != NULL)
    ctx->prev_subject = ctx->subject;
}

/* Number of words strictly between char offsets @a and @b. */
static guint
words_between (Ctx  *ctx,
               guint a,
               guint b)
{
  guint n = 0;

  for (guint i = ctx->w_first; i < ctx->w_first + ctx->w_count; i++)
    {
      const CcWord *w = ctx_word (ctx, i);

      if (w->start >= a && w->end <= b)
        n++;
    }
  return n;
}

static void
choose_subject (Ctx       *ctx,
                CcMention *value,
                CcClaim   *claim)
{
  CcMention *best = NULL;
  guint best_distance = G_MAXUINT;
  guint vw = word_at (ctx, value->start);
  const char *subject = NULL;

  /* "competitors range from 20 to 41": the others, not the subject. */
  for (guint i = vw; i > ctx->w_first && i + BOUND_DISTANCE >= vw; i--)
    {
      const CcWord *w = ctx_word (ctx, i - 1);

      if (ctx->word_mention[i - 1] < 0 && cc_lexicon_is_group (w->stem))
        {
          claim->subject = g_strdup ("(others)");
          claim->subject_bound = TRUE;
          return;
        }
    }

  /* A date dates what a product did ("in April 2026, Meta launched X"). */
  if (value->type == CC_ENTITY_DATE)
    {
      for (guint i = 0; i < ctx->m_count; i++)
        {
          CcMention *m = ctx_mention (ctx, i);
          guint d;

          if (m->type != CC_ENTITY_PRODUCT || !ctx_is_subject_mention (ctx, m))
            continue;
          d = m->end <= value->start ? words_between (ctx, m->end, value->start)
                                     : words_between (ctx, value->end, m->start);
          if (d < best_distance)
            {
              best = m;
              best_distance = d;
            }
        }
      if (best != NULL && best_distance <= 2 * BOUND_DISTANCE)
        {
          claim->subject = g_strdup (best->canonical);
          claim->subject_bound = TRUE;
          return;
        }
      best = NULL;
      best_distance = G_MAXUINT;
    }

  for (guint i = 0; i < ctx->m_count; i++)
    {
      CcMention *m = ctx_mention (ctx, i);
      guint d;

      if (!ctx_is_subject_mention (ctx, m) || m->end > value->start)
        continue;
      d = words_between (ctx, m->end, value->start);
      if (d <= best_distance)
        {
          best = m;
          best_distance = d;
        }
    }
  if (best != NULL && best_distance <= TIGHT_DISTANCE)
    {
      claim->subject = g_strdup (best->canonical);
      claim->subject_bound = TRUE;
      return;
    }

  /* "It also introduces X, which outperforms A and B on Y, scoring 50.2%":
   * the sentence is about what "it" refers to. */
  if (ctx_starts_with_anaphor (ctx) && ctx->subject != NULL)
    {
      claim->subject = g_strdup (ctx->subject);
      claim->subject_bound = FALSE;
      return;
    }

  if (best != NULL && best_distance <= BOUND_DISTANCE)
    {
      claim->subject = g_strdup (best->canonical);
      claim->subject_bound = FALSE;
      return;
    }

  /* A pronoun between the last name and the value: "..., it achieved 42.8". */
  for (guint i = vw; i > ctx->w_first; i--)
    {
      const CcWord *w = ctx_word (ctx, i - 1);

      if (best != NULL && w->start < best->end)
        break;
      if (ctx->word_mention[i - 1] < 0 && (is_thing_pronoun (w->word) || is_person_pronoun (w->word)))
        {
          subject = i - 1 == ctx->w_first ? ctx->subject
                                          : ctx_antecedent_for (ctx, w->word, NULL);
          break;
        }
    }
  if (subject == NULL && best != NULL)
    subject = best->canonical;
  if (subject == NULL)
    {
      /* A named entity shortly after the value: "... 1.2 billion downloads
       * of its Llama models". */
      for (guint i = 0; i < ctx->m_count; i++)
        {
          CcMention *m = ctx_mention (ctx, i);

          if (ctx_is_subject_mention (ctx, m) && m->start >= value->end &&
              words_between (ctx, value->end, m->start) <= 3)
            {
              subject = m->canonical;
              break;
            }
        }
    }
  if (subject == NULL)
    subject = ctx->subject;
  claim->subject = g_strdup (subject != NULL ? subject : "");
  claim->subject_bound = FALSE;
}

typedef struct
{
  GPtrArray *cues;
  GArray    *weights;
} CueList;

static void
cue_add (CueList    *list,
         const char *cue,
         float       weight)
{
  for (guint i = 0; i < list->cues->len; i++)
    if (strcmp (g_ptr_array_index (list->cues, i), cue) == 0)
      {
        float *w = &g_array_index (list->weights, float, i);

        *w = MAX (*w, weight);
        return;
      }
  g_ptr_array_add (list->cues, g_strdup (cue));
  g_array_append_val (list->weights, weight);
}

static gboolean
is_content_word (Ctx  *ctx,
                 guint i)
{
  const CcWord *w = ctx_word (ctx, i);

  if (ctx->word_mention[i] >= 0)
    return FALSE;
  if (g_ascii_isdigit (w->word[0]))
    return FALSE;
  if (cc_word_is_stop_word (w->word) || cc_lexicon_is_generic (w->stem))
    return FALSE;
  if (cc_lexicon_number_word (w->word) >= 0 || cc_lexicon_scale_word (w->word) > 0)
    return FALSE;
  return g_utf8_strlen (w->word, -1) > 1;
}

/* The content words around the value, nearest first, with their classes;
 * @label gets the word that best names the attribute. */
/* Adds the word classes of @classes ("=funding,=rise"). */
static void
add_classes (CueList    *list,
             const char *classes,
             float       weight)
{
  g_auto(GStrv) parts = g_strsplit (classes, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    cue_add (list, parts[i], weight);
}

/* Adds the event classes of @classes ("vote,filing") as "@vote", "@filing". */
static void
add_events (CueList    *events,
            const char *classes)
{
  g_auto(GStrv) parts = g_strsplit (classes, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *cue = g_strdup_printf ("@%s", parts[i]);

      cue_add (events, cue, 1.0f);
    }
}

static void
collect_cues (Ctx        *ctx,
              CcMention  *value,
              CueList    *list,
              CueList    *events_list,
              char      **label,
              const char **event)
{
  guint first = word_at (ctx, value->start);
  guint last = word_at (ctx, value->end);  /* first word after the value */
  guint n;
  const char *best_class = NULL;
  int best_class_d = G_MAXINT;
  const char *after_word = NULL;
  const char *before_word = NULL;
  int best_event_d = G_MAXINT;

  *event = NULL;
  /* The words of the value itself: "4,200 patients", "1.2 billion downloads". */
  for (guint i = first; i < last; i++)
    {
      const CcWord *w = ctx_word (ctx, i);
      const char *cls;

      if (g_ascii_isdigit (w->word[0]) || cc_word_is_stop_word (w->word) ||
          cc_lexicon_is_generic (w->stem) || cc_lexicon_number_word (w->word) >= 0 ||
          cc_lexicon_scale_word (w->word) > 0 || cc_lexicon_currency (w->word) != NULL ||
          cc_lexicon_unit (w->word) != NULL || g_utf8_strlen (w->word, -1) < 2)
        continue;
      cue_add (list, w->stem, 1.0f);
      if ((cls = cc_lexicon_class (ctx->stemmer, w->stem)) != NULL)
        {
          add_classes (list, cls, 1.0f);
          if (best_class == NULL)
            {
              best_class = cls;
              best_class_d = 0;
            }
        }
      if (after_word == NULL)
        after_word = w->word;
    }
  /* At most CUE_WINDOW content words, and at most CUE_SCAN words visited:
   * a long run of numbers and small words (a table flattened into one
   * sentence) must not make each value scan the whole sentence. */
  n = 0;
  for (guint i = last, steps = 0;
       i < ctx->w_first + ctx->w_count && n < CUE_WINDOW && steps < CUE_SCAN;
       i++, steps++)
    {
      const CcWord *w = ctx_word (ctx, i);
      const char *cls, *ev;

      if (ctx->word_mention[i] < 0 && (ev = cc_lexicon_event (ctx->stemmer, w->stem)) != NULL)
        {
          add_events (events_list, ev);
          if ((int) n < best_event_d)
            {
              *event = ev;
              best_event_d = n;
            }
        }
      if (!is_content_word (ctx, i))
        continue;
      cue_add (list, w->stem, 1.0f / (1 + n));
      if ((cls = cc_lexicon_class (ctx->stemmer, w->stem)) != NULL)
        {
          add_classes (list, cls, 1.0f / (1 + n));
          if ((int) n < best_class_d)
            {
              best_class = cls;
              best_class_d = n;
            }
        }
      if (after_word == NULL && n == 0)
        after_word = w->word;
      n++;
    }
  n = 0;
  for (guint i = first, steps = 0; i > ctx->w_first && n < CUE_WINDOW && steps < CUE_SCAN;
       i--, steps++)
    {
      const CcWord *w = ctx_word (ctx, i - 1);
      const char *cls, *ev;

      if (ctx->word_mention[i - 1] < 0 && (ev = cc_lexicon_event (ctx->stemmer, w->stem)) != NULL)
        {
          add_events (events_list, ev);
          if ((int) n < best_event_d)
            {
              *event = ev;
              best_event_d = n;
            }
        }
      if (!is_content_word (ctx, i - 1))
        continue;
      cue_add (list, w->stem, 1.0f / (1 + n));
      if ((cls = cc_lexicon_class (ctx->stemmer, w->stem)) != NULL)
        {
          add_classes (list, cls, 1.0f / (1 + n));
          if ((int) n < best_class_d)
            {
              best_class = cls;
              best_class_d = n;
            }
        }
      if (before_word == NULL)
        before_word = w->word;
      n++;
    }

  if (best_class != NULL)
    *label = g_strndup (best_class + 1, strcspn (best_class + 1, ","));
  else if (after_word != NULL)
    *label = g_strdup (after_word);
  else if (before_word != NULL)
    *label = g_strdup (before_word);
  else
    *label = g_strdup ("");
}

static CcMention *
nearest_benchmark (Ctx       *ctx,
                   CcMention *value)
{
  CcMention *best = NULL;
  guint best_d = G_MAXUINT;

  for (guint b = 0; b < ctx->benchmarks->len; b++)
    {
      CcMention *m = ctx_mention (ctx, g_array_index (ctx->benchmarks, guint, b));
      guint d;

      if (m->start >= value->end)
        d = words_between (ctx, value->end, m->start);
      else
        d = words_between (ctx, m->end, value->start) + 1;
      if (d < best_d)
        {
          best = m;
          best_d = d;
        }
    }
  return best;
}

static int
sentence_period (Ctx       *ctx,
                 CcMention *value)
{
  int year = 0;
  guint best_d = G_MAXUINT;

  for (guint i = 0; i < ctx->m_count; i++)
    {
      CcMention *m = ctx_mention (ctx, i);
      guint d;

      if (m == value || m->type != CC_ENTITY_DATE || m->value == NULL ||
          !g_ascii_isdigit (m->value[0]))
        continue;
      d = m->start >= value->end ? m->start - value->end : value->start - m->end;
      if (d < best_d)
        {
          best_d = d;
          year = atoi (m->value);
        }
    }
  return year;
}

static CcQualifier
value_qualifier (Ctx       *ctx,
                 CcMention *value)
{
  guint first = word_at (ctx, value->start);
  GString *before = g_string_new (NULL);
  CcQualifier q;
  gsize len;
  guint from = first >= ctx->w_first + 3 ? first - 3 : ctx->w_first;

  /* The words before the value and those of the value before its number. */
  for (guint i = from; i < ctx->w_first + ctx->w_count; i++)
    {
      const CcWord *w = ctx_word (ctx, i);

      if (w->start >= value->end || g_ascii_isdigit (w->word[0]) ||
          (w->start >= value->start && cc_lexicon_number_word (w->word) >= 0 &&
           strcmp (w->word, "a") != 0 && strcmp (w->word, "an") != 0))
        break;
      if (w->start >= value->start && (strcmp (w->word, "a") == 0 || strcmp (w->word, "an") == 0))
        break;
      if (before->len > 0)
        g_string_append_c (before, ' ');
      g_string_append (before, w->word);
    }
  q = cc_lexicon_qualifier_before (before->str, &len);
  g_string_free (before, TRUE);
  return q;
}

static char *
make_key (CcClaim    *claim,
          const char *attribute_key)
{
  return g_strdup_printf ("%s|%s|%s", cc_claim_kind_to_string (claim->value.kind),
                          claim->value.unit != NULL ? claim->value.unit : "", attribute_key);
}

static void
finish_cues (CcClaim *claim,
             CueList *list)
{
  g_ptr_array_add (list->cues, NULL);
  claim->cues = (char **) g_ptr_array_free (list->cues, FALSE);
  claim->cue_weights = (float *) (void *) g_array_free (list->weights, FALSE);
}

static void
claim_set_place (Ctx     *ctx,
                 CcClaim *claim)
{
  claim->document_id = ctx->document_id;
  claim->document = g_strdup (ctx->document);
  claim->start = ctx->s_start;
  claim->end = ctx->s_end;
  claim->quote = g_strdup (ctx->quote);
}

/* Normalises a benchmark name into a key: lower case, stems, no "the". */
static char *
benchmark_key (Ctx        *ctx,
               const char *name)
{
  g_autoptr(GArray) words = cc_word_stem_split (ctx->stemmer, name);
  GString *key = g_string_new ("B:");

  for (guint i = 0; i < words->len; i++)
    {
      CcWord *w = &g_array_index (words, CcWord, i);

      if (strcmp (w->word, "the") == 0)
        continue;
      if (key->len > 2)
        g_string_append_c (key, ' ');
      g_string_append (key, w->stem);
    }
  return g_string_free (key, FALSE);
}

/* TRUE when a more precise date than @m stands in the sentence: only the
 * most precise date of a sentence dates its event. */
static gboolean
finer_date_in_sentence (Ctx       *ctx,
                        CcMention *m,
                        double     precision)
{
  for (guint i = 0; i < ctx->m_count; i++)
    {
      CcMention *other = ctx_mention (ctx, i);
      CcClaimValue v = { 0 };
      int year;

      if (other == m || other->type != CC_ENTITY_DATE)
        continue;
      if (cc_claims_parse_date (other->value, &v, &year) && v.precision < precision)
        {
          g_free (v.unit);
          return TRUE;
        }
      g_free (v.unit);
    }
  return FALSE;
}

/* "a month", "per year": the period of a rate. */
static const char *
rate_after (Ctx       *ctx,
            CcMention *m)
{
  static const char * const periods[] = { "hour", "day", "week", "month", "year" };
  guint i = word_at (ctx, m->end);
  const CcWord *w1, *w2;

  if (i + 1 >= ctx->w_first + ctx->w_count)
    return NULL;
  w1 = ctx_word (ctx, i);
  w2 = ctx_word (ctx, i + 1);
  if (strcmp (w1->word, "a") != 0 && strcmp (w1->word, "an") != 0 &&
      strcmp (w1->word, "per") != 0 && strcmp (w1->word, "each") != 0)
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (periods); k++)
    if (strcmp (w2->word, periods[k]) == 0)
      return periods[k];
  return NULL;
}

/* "87 out of 100": the 100 is a scale, not a claim. */
static gboolean
is_out_of (Ctx       *ctx,
           CcMention *m)
{
  guint i = word_at (ctx, m->start);

  return i >= ctx->w_first + 2 && strcmp (ctx_word (ctx, i - 1)->word, "of") == 0 &&
         strcmp (ctx_word (ctx, i - 2)->word, "out") == 0;
}

/* The mention ending a range that @m starts: "$115 to $135 billion",
 * "between $115 billion and $135 billion", "20-41". */
static CcMention *
range_end (Ctx       *ctx,
           CcMention *m)
{
  CcMention *next = NULL;
  guint between;
  guint first = word_at (ctx, m->start);

  /* Mentions are in text order: the first one at or after @m's end. */
  {
    guint lo = 0;
    guint hi = ctx->m_count;

    while (lo < hi)
      {
        guint mid = lo + (hi - lo) / 2;

        if (ctx_mention (ctx, mid)->start < m->end)
          lo = mid + 1;
        else
          hi = mid;
      }
    if (lo < ctx->m_count)
      next = ctx_mention (ctx, lo);
  }
  if (next == NULL || next->type != m->type)
    return NULL;
  between = words_between (ctx, m->end, next->start);
  if (between == 0)
    return next->start - m->end <= 3 ? next : NULL;
  if (between == 1)
    {
      const CcWord *w = ctx_word (ctx, word_at (ctx, m->end));

      if (strcmp (w->word, "to") == 0)
        return next;
      if (strcmp (w->word, "and") == 0 && first > ctx->w_first &&
          strcmp (ctx_word (ctx, first - 1)->word, "between") == 0)
        return next;
    }
  return NULL;
}

static void
value_claim (Ctx       *ctx,
             CcMention *m)
{
  g_autoptr(CcClaim) claim = cc_claim_new ();
  CcParsedValue parsed;
  CueList cues = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (float)) };
  CueList events = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (float)) };
  g_autofree char *label = NULL;
  const char *event = NULL;
  CcMention *bench = NULL;
  int year = 0;

  claim_set_place (ctx, claim);
  claim->value_start = m->start;
  claim->value_end = m->end;
  claim->surface = g_strdup (m->surface);
  claim->qualifier = value_qualifier (ctx, m);

  collect_cues (ctx, m, &cues, &events, &label, &event);

  /* Durations and ages are DATE mentions (the news labelling convention)
   * but amounts for claims: "P5Y", "age 24" (cc-values.h). */
  if (m->type == CC_ENTITY_DATE && !(m->value != NULL && (m->value[0] == 'P' || m->value[0] == 'a')))
    {
      g_autofree char *first_event = NULL;

      /* A date is a claim when it dates an event named next to it: its cues
       * are the event classes ("@launch", "@vote"). */
      if (!cc_claims_parse_date (m->value, &claim->value, &year) || event == NULL ||
          finer_date_in_sentence (ctx, m, claim->value.precision))
        goto skip;
      first_event = g_strndup (event, strcspn (event, ","));
      claim->attribute = g_strdup_printf ("date of %s", first_event);
      claim->key = make_key (claim, claim->attribute);
      g_ptr_array_unref (cues.cues);
      g_array_unref (cues.weights);
      cues = events;
      events.cues = NULL;
      events.weights = NULL;
    }
  else
    {
      if (is_out_of (ctx, m) ||
          (!cc_claims_parse_amount (m->surface, &parsed) &&
           !cc_claims_parse_amount (m->value, &parsed)))
        goto skip;
      if (m->type != CC_ENTITY_DATE && !parsed.is_range)
        {
          CcMention *end = range_end (ctx, m);
          CcParsedValue upper;

          if (end != NULL && cc_claims_parse_amount (end->surface, &upper))
            {
              /* "$115 to $135 billion": the first takes the second's scale. */
              if (parsed.high * 100 < upper.low && upper.precision > 1)
                {
                  parsed.low *= upper.precision;
                  parsed.high *= upper.precision;
                  parsed.precision *= upper.precision;
                }
              parsed.low = MIN (parsed.low, upper.low);
              parsed.high = MAX (parsed.high, upper.high);
              parsed.precision = MAX (parsed.precision, upper.precision);
              parsed.is_range = TRUE;
              if (parsed.currency == NULL)
                parsed.currency = upper.currency;
              if (parsed.unit == NULL)
                parsed.unit = upper.unit;
              parsed.percent = parsed.percent || upper.percent;
              claim->value_end = end->end;
              g_free (claim->surface);
              claim->surface = g_strdup_printf ("%s to %s", m->surface, end->surface);
              g_hash_table_add (ctx->consumed, end);
            }
        }
      /* "a billion times" counts events; "10 times" is a ratio. */
      if (parsed.unit != NULL && strcmp (parsed.unit, "x") == 0 && parsed.high >= 1000)
        parsed.unit = NULL;
      claim->value.low = parsed.low;
      claim->value.high = parsed.high;
      claim->value.precision = parsed.precision > 0 ? parsed.precision : 1;
      if (parsed.plus && claim->qualifier == CC_QUALIFIER_NONE)
        claim->qualifier = CC_QUALIFIER_OVER;

      bench = (m->type == CC_ENTITY_SCORE || m->type == CC_ENTITY_PERCENT ||
               (m->type == CC_ENTITY_QUANTITY &&
                (parsed.unit == NULL || strcmp (parsed.unit, "point") == 0)))
              ? nearest_benchmark (ctx, m) : NULL;

      if (m->type == CC_ENTITY_MONEY || parsed.currency != NULL)
        {
          const char *cur = parsed.currency;

          if (cur == NULL && m->value != NULL && g_ascii_isupper (m->value[0]))
            cur = NULL; /* fall through to the value's code below */
          claim->value.kind = CC_CLAIM_MONEY;
          if (cur == NULL && m->value != NULL)
            {
              g_auto(GStrv) parts = g_strsplit (m->value, " ", 2);

              if (parts[0] != NULL && strlen (parts[0]) == 3 && g_ascii_isupper (parts[0][0]))
                cur = g_intern_string (parts[0]);
            }
          claim->value.unit = g_strdup (cur != NULL ? cur : "");
          if (rate_after (ctx, m) != NULL)
            {
              g_autofree char *per = g_strdup_printf ("/%s", rate_after (ctx, m));
              char *unit = g_strconcat (claim->value.unit, per, NULL);

              g_free (claim->value.unit);
              claim->value.unit = unit;
              cue_add (&cues, per, 1.0f);
            }
        }
      else if (bench != NULL)
        {
          claim->value.kind = CC_CLAIM_SCORE;
          claim->value.unit = g_strdup (parsed.percent || m->type == CC_ENTITY_PERCENT ? "%" : "");
        }
      else if (parsed.percent || m->type == CC_ENTITY_PERCENT)
        {
          claim->value.kind = CC_CLAIM_PERCENT;
          claim->value.unit = g_strdup ("%");
        }
      else if (m->type == CC_ENTITY_SCORE)
        {
          claim->value.kind = CC_CLAIM_SCORE;
          claim->value.unit = parsed.out_of > 0 ? g_strdup_printf ("/%g", parsed.out_of)
                                                : g_strdup ("");
        }
      else if (parsed.unit != NULL && strcmp (parsed.unit, "x") == 0)
        {
          claim->value.kind = CC_CLAIM_RATIO;
          claim->value.unit = g_strdup ("x");
        }
      else if (parsed.unit != NULL)
        {
          claim->value.kind = CC_CLAIM_QUANTITY;
          claim->value.unit = g_strdup (parsed.unit);
        }
      else
        {
          claim->value.kind = CC_CLAIM_COUNT;
          claim->value.unit = g_strdup ("");
        }
      /* A score out of 100 is the same as a plain score. */
      if (claim->value.kind == CC_CLAIM_SCORE && g_strcmp0 (claim->value.unit, "/100") == 0)
        {
          g_free (claim->value.unit);
          claim->value.unit = g_strdup ("");
        }

      /* Small bare counts ("two shifts", "three modes") are rarely facts
       * that sources dispute, and often not counts at all. */
      if (claim->value.kind == CC_CLAIM_COUNT && claim->value.high < 10 && bench == NULL)
        goto skip;

      if (bench != NULL)
        {
          g_autofree char *bk = benchmark_key (ctx, bench->canonical);

          claim->benchmark = g_strdup (bench->canonical);
          claim->attribute = g_strdup (bench->canonical);
          claim->key = make_key (claim, bk);
        }
      else
        {
          if (label[0] == '\0')
            goto skip;
          claim->attribute = g_strdup (label);
          claim->key = make_key (claim, label);
        }
      claim->period = sentence_period (ctx, m);
    }

  choose_subject (ctx, m, claim);
  finish_cues (claim, &cues);
  if (events.cues != NULL)
    {
      g_ptr_array_unref (events.cues);
      g_array_unref (events.weights);
    }
  claim->value_text = cc_claim_value_format (&claim->value);
  g_ptr_array_add (ctx->claims, g_steal_pointer (&claim));
  return;

skip:
  g_ptr_array_unref (cues.cues);
  g_array_unref (cues.weights);
  if (events.cues != NULL)
    {
      g_ptr_array_unref (events.cues);
      g_array_unref (events.weights);
    }
}

static void
state_claim (Ctx *ctx)
{
  g_autoptr(CcClaim) claim = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  CueList cues;
  CcClaimState state;
  const char *subject = NULL;

  state = cc_lexicon_state (ctx->stemmer, ctx->lower, ctx->words, ctx->w_first, ctx->w_count);
  if (state == CC_CLAIM_STATE_UNKNOWN)
    return;

  subject = ctx->subject;
  if (subject == NULL)
    return;

  objects = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ctx->m_count; i++)
    {
      CcMention *m = ctx_mention (ctx, i);
      gboolean seen = FALSE;

      if (!(is_named (m->type) || m->type == CC_ENTITY_LOCATION) ||
          g_strcmp0 (m->canonical, subject) == 0)
        continue;
      for (guint j = 0; j < objects->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (objects, j), m->canonical) == 0;
      if (!seen)
        g_ptr_array_add (objects, g_strdup (m->canonical));
    }
  g_ptr_array_add (objects, NULL);

  claim = cc_claim_new ();
  claim_set_place (ctx, claim);
  claim->value_start = ctx->s_start;
  claim->value_end = ctx->s_end;
  claim->surface = g_strdup (ctx->quote);
  claim->subject = g_strdup (subject);
  claim->subject_bound = FALSE;
  claim->attribute = g_strdup ("availability");
  claim->value.kind = CC_CLAIM_STATE;
  claim->value.state = state;
  claim->value.unit = g_strdup ("");
  claim->objects = (char **) g_ptr_array_free (g_steal_pointer (&objects), FALSE);
  claim->key = make_key (claim, "availability");

  cues.cues = g_ptr_array_new_with_free_func (g_free);
  cues.weights = g_array_new (FALSE, FALSE, sizeof (float));
  for (guint i = ctx->w_first; i < ctx->w_first + ctx->w_count; i++)
    if (is_content_word (ctx, i))
      cue_add (&cues, ctx_word (ctx, i)->stem, 1.0f);
  finish_cues (claim, &cues);
  claim->value_text = cc_claim_value_format (&claim->value);
  g_ptr_array_add (ctx->claims, g_steal_pointer (&claim));
}

static gboolean
is_numeral (const char *s,
            gsize       len)
{
  g_autofree char *copy = g_strndup (s, len);

  if (len == 0)
    return FALSE;
  if (g_ascii_isdigit (copy[0]))
    {
      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isdigit (copy[i]) && copy[i] != '.' && copy[i] != ',')
          return FALSE;
      return TRUE;
    }
  return cc_lexicon_number_word (copy) >= 1 && strcmp (copy, "a") != 0 && strcmp (copy, "an") != 0;
}

/* Figures the entity extractor may leave out, found here so that they can
 * be compared: compound measures ("30-year", "five-year", "120-megawatt")
 * and scores written as a fraction ("87/100"). Returns owned CcMention. */
static GPtrArray *
extra_mentions (const char *text,
                GArray     *words,
                GPtrArray  *mentions)
{
  GPtrArray *extra = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_mention_free);
  const char *p = text;
  guint pos = 0;
  guint mi = 0;

  for (guint i = 0; i < words->len; i++)
    {
      CcWord *w = &g_array_index (words, CcWord, i);
      const char *dash;
      gboolean covered = FALSE;

      while (mi < mentions->len && ((CcMention *) g_ptr_array_index (mentions, mi))->end <= w->start)
        mi++;
      if (mi < mentions->len && ((CcMention *) g_ptr_array_index (mentions, mi))->start < w->end)
        covered = TRUE;
      if (covered)
        continue;

      dash = strchr (w->word, '-');
      if (dash != NULL && is_numeral (w->word, dash - w->word) && cc_lexicon_unit (dash + 1) != NULL &&
          strchr (dash + 1, '-') == NULL)
        {
          g_autofree char *surface = g_strdelimit (g_strdup (w->word), "-", ' ');

          g_ptr_array_add (extra, cc_mention_new (w->start, w->end, CC_ENTITY_QUANTITY,
                                                  surface, -1, surface, -1, NULL));
          continue;
        }

      /* "87/100" */
      if (g_ascii_isdigit (w->word[0]) && i + 1 < words->len)
        {
          CcWord *next = &g_array_index (words, CcWord, i + 1);

          if (next->start == w->end + 1 && g_ascii_isdigit (next->word[0]) &&
              (strcmp (next->word, "100") == 0 || strcmp (next->word, "10") == 0))
            {
              while (pos < w->end && *p != '\0')
                {
                  p = g_utf8_next_char (p);
                  pos++;
                }
              if (*p == '/')
                {
                  g_autofree char *surface = g_strdup_printf ("%s/%s", w->word, next->word);

                  g_ptr_array_add (extra, cc_mention_new (w->start, next->end, CC_ENTITY_SCORE,
                                                          surface, -1, surface, -1, NULL));
                  i++;
                }
            }
        }
    }
  return extra;
}

static int
compare_mentions (gconstpointer pa,
                  gconstpointer pb)
{
  const CcMention *a = *(const CcMention * const *) pa;
  const CcMention *b = *(const CcMention * const *) pb;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return a->end < b->end ? -1 : (a->end > b->end ? 1 : 0);
}

GPtrArray *
cc_claims_extract (const char *text,
                   GPtrArray  *mentions,
                   gint64      document_id,
                   const char *document)
{
  g_autoptr(GPtrArray) own_mentions = NULL;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(CcWordStem) stemmer = NULL;
  g_autoptr(GArray) words = NULL;
  g_autofree int *word_mention = NULL;
  g_autoptr(GPtrArray) extra = NULL;
  g_autoptr(GPtrArray) all_mentions = NULL;
  Ctx ctx = { 0 };
  guint mi = 0, wi = 0;
  const char *p;
  guint char_pos = 0;

  g_return_val_if_fail (text != NULL, NULL);

  ctx.claims = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_claim_unref);
  if (mentions == NULL)
    mentions = own_mentions = cc_entities_extract (text);
  stemmer = cc_word_stem_new ();
  words = cc_word_stem_split (stemmer, text);
  /* (bounded: the subject search looks at every mention of the sentence) */
  sentences = cc_sentences_split_bounded (text, CC_CLAIMS_MAX_SENTENCE_CHARS);

  extra = extra_mentions (text, words, mentions);
  if (extra->len > 0)
    {
      all_mentions = g_ptr_array_new ();
      g_ptr_array_extend (all_mentions, mentions, NULL, NULL);
      g_ptr_array_extend (all_mentions, extra, NULL, NULL);
      g_ptr_array_sort (all_mentions, compare_mentions);
      mentions = all_mentions;
    }

  /* Which mention each word stands in. */
  word_mention = g_new (int, MAX (words->len, 1));
  for (guint i = 0, j = 0; i < words->len; i++)
    {
      CcWord *w = &g_array_index (words, CcWord, i);

      word_mention[i] = -1;
      while (j < mentions->len && ((CcMention *) g_ptr_array_index (mentions, j))->end <= w->start)
        j++;
      for (guint k = j; k < mentions->len; k++)
        {
          CcMention *m = g_ptr_array_index (mentions, k);

          if (m->start >= w->end)
            break;
          if (m->start < w->end && w->start < m->end)
            {
              word_mention[i] = k;
              break;
            }
        }
    }

  ctx.text = text;
  ctx.document_id = document_id;
  ctx.document = document;
  ctx.stemmer = stemmer;
  ctx.words = words;
  ctx.word_mention = word_mention;
  ctx.mentions = mentions;
  ctx.consumed = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx.benchmark_heads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.benchmarks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < mentions->len; i++)
    {
      CcMention *m = g_ptr_array_index (mentions, i);
      const char *apos;

      if (m->type != CC_ENTITY_BENCHMARK || m->canonical == NULL)
        continue;
      apos = strstr (m->canonical, "'s ");
      if (apos == NULL)
        apos = strstr (m->canonical, "\xe2\x80\x99s ");
      if (apos != NULL)
        g_hash_table_add (ctx.benchmark_heads, g_strndup (m->canonical, apos - m->canonical));
    }

  p = text;
  for (guint si = 0; si < sentences->len; si++)
    {
      CcSpan *span = &g_array_index (sentences, CcSpan, si);
      const char *start_p, *end_p;

      if (span->end <= span->start)
        continue;
      while (char_pos < span->start && *p != '\0')
        {
          p = g_utf8_next_char (p);
          char_pos++;
        }
      start_p = p;
      end_p = p;
      for (guint c = char_pos; c < span->end && *end_p != '\0'; c++)
        end_p = g_utf8_next_char (end_p);

      ctx.s_start = span->start;
      ctx.s_end = span->end;
      ctx.sentence_index = si;
      ctx.quote = g_strndup (start_p, end_p - start_p);
      ctx.lower = g_utf8_strdown (ctx.quote, -1);

      while (wi < words->len && g_array_index (words, CcWord, wi).start < span->start)
        wi++;
      ctx.w_first = wi;
      ctx.w_count = 0;
      while (wi + ctx.w_count < words->len &&
             g_array_index (words, CcWord, wi + ctx.w_count).end <= span->end)
        ctx.w_count++;

      while (mi < mentions->len && ((CcMention *) g_ptr_array_index (mentions, mi))->start < span->start)
        mi++;
      ctx.m_first = mi;
      ctx.m_count = 0;
      while (mi + ctx.m_count < mentions->len &&
             ((CcMention *) g_ptr_array_index (mentions, mi + ctx.m_count))->end <= span->end)
        ctx.m_count++;

      g_array_set_size (ctx.benchmarks, 0);
      for (guint i = 0; i < ctx.m_count; i++)
        if (ctx_mention (&ctx, i)->type == CC_ENTITY_BENCHMARK)
          g_array_append_val (ctx.benchmarks, i);

      ctx_begin_sentence (&ctx);
      for (guint i = 0; i < ctx.m_count; i++)
        {
          CcMention *m = ctx_mention (&ctx, i);

          /* A bare count ("303" of "303 and 282 seats", a table cell) is
           * a mention since the values issue, not a claim of its own. */
          if (is_value (m->type) && !g_hash_table_contains (ctx.consumed, m) &&
              !(m->type == CC_ENTITY_QUANTITY && m->value != NULL && strchr (m->value, ' ') == NULL))
            value_claim (&ctx, m);
        }
      state_claim (&ctx);
      ctx_end_sentence (&ctx);

      g_clear_pointer (&ctx.quote, g_free);
      g_clear_pointer (&ctx.lower, g_free);
    }

  g_hash_table_unref (ctx.consumed);
  g_hash_table_unref (ctx.benchmark_heads);
  g_array_unref (ctx.benchmarks);
  return ctx.claims;
}

GPtrArray *
cc_claims_for_document (CcStore     *store,
                        CcDocument  *document,
                        GError     **error)
{
  g_autoptr(GPtrArray) mentions = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (CC_IS_DOCUMENT (document), NULL);

  id = cc_document_get_id (document);
  if (cc_document_get_text (document) != NULL)
    text = g_strdup (cc_document_get_text (document));
  else if ((text = cc_store_load_text (store, id, error)) == NULL)
    return NULL;
  mentions = cc_entities_for_document (store, id, error);
  if (mentions == NULL)
    return NULL;
  return cc_claims_extract (text, mentions, id, cc_document_get_basename (document));
}
