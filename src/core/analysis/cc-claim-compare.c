/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Claims, names, places and quotes (see the header). The rules read the
 * words of each sentence once, with CcWordStem, and keep only what they
 * compare; word lists here are general English vocabulary (prepositions,
 * modal verbs, words of time, the names of the oceans). */

#define G_LOG_DOMAIN "crosscheck-analysis"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cc-claim-compare.h"
#include "cc-gazetteer.h"
#include "cc-wordstem.h"

/* The longest sentence read word by word, in words: a longer run (a table)
 * is read up to there. */
#define MAX_WORDS 160
/* Rows of one kind at most, whatever the input. */
#define MAX_ROWS 1000

/* ---- texts ---- */

#define MARK_STEP 1024

typedef struct
{
  const char *text;
  GArray     *marks;  /* byte offset of every MARK_STEP-th character */
} DocText;

static void
doc_text_init (DocText    *d,
               const char *text)
{
  guint c = 0;

  d->text = text;
  d->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), c++)
    if (c % MARK_STEP == 0)
      {
        guint b = p - text;

        g_array_append_val (d->marks, b);
      }
}

static const char *
doc_text_at (const DocText *d,
             guint          offset)
{
  guint m = offset / MARK_STEP;

  if (m >= d->marks->len)
    return d->text + strlen (d->text);
  return g_utf8_offset_to_pointer (d->text + g_array_index (d->marks, guint, m),
                                   offset - m * MARK_STEP);
}

/* ---- words of a sentence ---- */

enum
{
  W_CAP    = 1 << 0,  /* written with a capital */
  W_QUOTED = 1 << 1,  /* inside quotation marks */
  W_POSS   = 1 << 2,  /* ends in 's */
  W_STOP   = 1 << 3,  /* a function word */
  W_BREAK  = 1 << 4,  /* punctuation before it (, ; : ( ) and quotes) */
  W_DIGIT  = 1 << 5,
};

typedef struct
{
  guint       start;  /* character offsets in the document */
  guint       end;
  const char *w;      /* lower-cased, without a possessive 's */
  const char *stem;
  guint       flags;
} Word;

typedef struct
{
  GArray *raw;   /* CcWord: owns the strings */
  Word   *w;
  guint   n;
} Words;

static void
words_clear (Words *words)
{
  g_clear_pointer (&words->raw, g_array_unref);
  g_clear_pointer (&words->w, g_free);
  words->n = 0;
}

static gboolean
is_open_quote (gunichar c)
{
  return c == 0x201c || c == 0x00ab || c == 0x201e;
}

static gboolean
is_close_quote (gunichar c)
{
  return c == 0x201d || c == 0x00bb;
}

/* Whether the sentence starts inside a quotation (its opening mark is in
 * an earlier sentence: "What a ride! I see ...," he said): its first mark
 * closes one. */
static gboolean
starts_quoted (const char *text)
{
  gunichar before = ' ';

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_open_quote (c))
        return FALSE;
      if (is_close_quote (c))
        return TRUE;
      if (c == '"')
        {
          gunichar next = g_utf8_get_char (g_utf8_next_char (p));

          return (before == ',' || before == '.' || before == '!' || before == '?') &&
                 (next == 0 || g_unichar_isspace (next));
        }
      before = c;
    }
  return FALSE;
}

static void
read_words (CcWordStem    *stem,
            const DocText *doc,
            guint          start,
            guint          end,
            Words         *out)
{
  const char *from = doc_text_at (doc, start);
  const char *to = g_utf8_offset_to_pointer (from, end - start);
  g_autofree char *text = g_strndup (from, to - from);
  const char *p = text;
  guint c = 0;
  gboolean quoted = starts_quoted (text);

  out->raw = cc_word_stem_split (stem, text);
  out->n = MIN (out->raw->len, MAX_WORDS);
  out->w = g_new0 (Word, out->n + 1);
  for (guint i = 0; i < out->n; i++)
    {
      CcWord *cw = &g_array_index (out->raw, CcWord, i);
      Word *w = &out->w[i];
      gunichar last = 0, before_last = 0;

      for (; c < cw->start && *p != '\0'; c++, p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          if (ch == '"')
            quoted = !quoted, w->flags |= W_BREAK;
          else if (is_open_quote (ch))
            quoted = TRUE, w->flags |= W_BREAK;
          else if (is_close_quote (ch))
            quoted = FALSE, w->flags |= W_BREAK;
          else if (ch < 0x80 && strchr (",;:()[]!?", (int) ch) != NULL)
            w->flags |= W_BREAK;
        }
      if (g_unichar_isupper (g_utf8_get_char (p)))
        w->flags |= W_CAP;
      if (g_unichar_isdigit (g_utf8_get_char (p)))
        w->flags |= W_DIGIT;
      for (; c < cw->end && *p != '\0'; c++, p = g_utf8_next_char (p))
        {
          before_last = last;
          last = g_utf8_get_char (p);
        }
      if ((last == 's' || last == 'S') && (before_last == '\'' || before_last == 0x2019))
        w->flags |= W_POSS;
      if (quoted)
        w->flags |= W_QUOTED;
      if (cc_word_is_stop_word (cw->word))
        w->flags |= W_STOP;
      w->start = start + cw->start;
      w->end = start + cw->end;
      w->w = cw->word;
      w->stem = cw->stem;
    }
}

static gboolean
word_is (const Word *w,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (w->w, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
str_in (const char          *s,
        const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (s, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* ---- the story ---- */

enum
{
  S_QUOTE       = 1 << 0,  /* quotes someone */
  S_MODAL       = 1 << 1,  /* a modal verb or noun before "to" */
  S_FUTURE_TIME = 1 << 2,  /* a time to come: "in the coming weeks" */
  S_NOT_PLAIN   = 1 << 3,  /* future, modal or conditional wording */
  S_TITLE       = 1 << 4,  /* a headline in title case: every word capitalised */
};

typedef struct
{
  const CcStatement *st;     /* its first clause */
  guint              flags;
} Sentence;

typedef struct
{
  CcWordStem        *stem;
  GPtrArray         *statements;
  DocText           *docs;
  guint              n_docs;
  guint             *sentence_of;  /* statement index -> sentence */
  GArray            *sentences;    /* Sentence */
  GArray            *out;
  gboolean           debug;
} Story;

static void
add (GArray             *out,
     CcDisagreementKind  kind,
     const CcStatement  *a,
     guint               as,
     guint               ae,
     const CcStatement  *b,
     guint               bs,
     guint               be,
     double              strength,
     const char         *attribute)
{
  CcPartDisagreement d = { kind, a, b, as, ae, bs, be, strength, "", attribute };

  g_array_append_val (out, d);
}

/* ---- places ---- */

static const char * const locatives[] = {
  "in", "off", "over", "into", "across", "near", "on", "at", "from", "toward", "towards",
  "under", "beneath", "onto", NULL
};
/* Words that make a name the name of a body of water. */
static const char * const water_words[] = {
  "ocean", "sea", "gulf", "bay", "strait", "straits", "channel", "lake", "river", "lagoon",
  "estuary", "fjord", NULL
};
/* Oceans and seas named without their class word ("the Atlantic"). */
static const char * const water_names[] = {
  "atlantic", "pacific", "arctic", "antarctic", "mediterranean", "caribbean", "baltic",
  "adriatic", "aegean", NULL
};
/* Words of a shore, not of the water: "Gulf Coast" is the Gulf's. */
static const char * const shore_words[] = {
  "coast", "coasts", "coastline", "shore", "shores", "waters", "beach", "beaches", NULL
};

typedef struct
{
  const CcStatement *st;
  guint              sentence;
  guint              start;   /* the name: character offsets */
  guint              end;
  char             **specific;  /* its own words ("mexico", "atlantic") */
  char             **kind;      /* its class words ("gulf", "ocean") */
} Water;

static void
water_clear (gpointer data)
{
  Water *m = data;

  g_strfreev (m->specific);
  g_strfreev (m->kind);
}

static gboolean
share_string (char **a,
              char **b)
{
  for (guint i = 0; a[i] != NULL; i++)
    for (guint k = 0; b[k] != NULL; k++)
      if (strcmp (a[i], b[k]) == 0)
        return TRUE;
  return FALSE;
}

/* The same water: a word of its own in common ("the Atlantic", "Atlantic
 * Ocean"), or, when one has no word of its own ("Gulf Coast"), the same
 * class word ("Gulf of Mexico"). */
static gboolean
waters_agree (const Water *x,
              const Water *y)
{
  if (share_string (x->specific, y->specific))
    return TRUE;
  if (x->specific[0] != NULL && y->specific[0] != NULL)
    return FALSE;
  return share_string (x->kind, y->kind);
}

static void
find_waters (Story       *story,
             guint        sentence,
             const Words *words,
             GArray      *waters)
{
  const Sentence *s = &g_array_index (story->sentences, Sentence, sentence);

  for (guint i = 0; i + 1 < words->n; i++)
    {
      guint j = i + 1, k;
      gboolean water = FALSE;
      GPtrArray *specific, *kind;
      Water m;

      if ((words->w[i].flags & W_CAP) || !word_is (&words->w[i], locatives))
        continue;
      if (strcmp (words->w[j].w, "the") == 0)
        j++;
      /* a run of capitalised words, "of" inside it ("Gulf of Mexico") */
      for (k = j; k < words->n; k++)
        {
          const Word *w = &words->w[k];

          if (k > j && (w->flags & W_BREAK))
            break;
          if (w->flags & W_CAP && !(w->flags & W_DIGIT))
            {
              if (str_in (w->w, water_words) || str_in (w->w, water_names))
                water = TRUE;
              continue;
            }
          if (k > j && strcmp (w->w, "of") == 0 && k + 1 < words->n &&
              (words->w[k + 1].flags & W_CAP) && !(words->w[k + 1].flags & W_BREAK))
            continue;
          break;
        }
      if (!water)
        continue;
      specific = g_ptr_array_new ();
      kind = g_ptr_array_new ();
      for (guint t = j; t < k; t++)
        {
          const Word *w = &words->w[t];

          if (strcmp (w->w, "of") == 0 || str_in (w->w, shore_words) ||
              ((w->flags & W_POSS) && t + 1 < k))
            continue;
          if (str_in (w->w, water_words))
            g_ptr_array_add (kind, g_strdup (w->w));
          else
            g_ptr_array_add (specific, g_strdup (w->w));
        }
      g_ptr_array_add (specific, NULL);
      g_ptr_array_add (kind, NULL);
      m.st = s->st;
      m.sentence = sentence;
      m.start = words->w[j].start;
      m.end = words->w[k - 1].end;
      m.specific = (char **) g_ptr_array_free (specific, FALSE);
      m.kind = (char **) g_ptr_array_free (kind, FALSE);
      g_array_append_val (waters, m);
      i = k - 1;
    }
}

/* The content terms of a sentence: of all its clauses. */
static guint
sentence_terms (Story             *story,
                const CcStatement *first,
                const char       **terms,
                guint              max)
{
  guint n = 0;

  for (guint c = first->first_clause; c < first->first_clause + first->n_clauses; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);

      for (guint t = 0; t < st->n_terms; t++)
        {
          gboolean seen = FALSE;

          for (guint k = 0; k < n && !seen; k++)
            seen = terms[k] == st->terms[t];
          if (!seen && n < max)
            terms[n++] = st->terms[t];
        }
    }
  return n;
}

static gboolean
doc_has_water (GArray      *waters,
               GHashTable  *by_doc,
               guint        doc,
               const Water *m)
{
  GArray *list = g_hash_table_lookup (by_doc, GUINT_TO_POINTER (doc + 1));

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (waters_agree (&g_array_index (waters, Water, g_array_index (list, guint, i)), m))
      return TRUE;
  return FALSE;
}

static guint shared_names (Story             *story,
                           const CcStatement *a,
                           const CcStatement *b);

typedef struct
{
  guint  x;       /* Water indices, x < y */
  guint  y;
  guint  shared;  /* content terms their sentences share */
} WaterPair;

static void
compare_waters (Story  *story,
                GArray *waters)
{
  g_autoptr(GHashTable) by_doc = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) postings = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) best = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;
  guint rows = 0;

  for (guint i = 0; i < waters->len; i++)
    {
      Water *m = &g_array_index (waters, Water, i);
      GArray *list = g_hash_table_lookup (by_doc, GUINT_TO_POINTER (m->st->doc + 1));
      const char *terms[256];
      guint n;

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_doc, GUINT_TO_POINTER (m->st->doc + 1), list);
        }
      g_array_append_val (list, i);
      n = sentence_terms (story, m->st, terms, G_N_ELEMENTS (terms));
      for (guint t = 0; t < n; t++)
        {
          GArray *post;

          /* (the water's own words say nothing of the event) */
          if (str_in (terms[t], water_words) || str_in (terms[t], water_names))
            continue;
          post = g_hash_table_lookup (postings, terms[t]);
          if (post == NULL)
            {
              post = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (postings, (gpointer) terms[t], post);
            }
          if (post->len <= CC_CLAIM_MAX_POSTINGS)
            g_array_append_val (post, i);
        }
    }
  /* pairs of waters of different documents that share terms */
  g_hash_table_iter_init (&iter, postings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *post = value;

      if (post->len > CC_CLAIM_MAX_POSTINGS)
        continue;
      for (guint i = 0; i < post->len; i++)
        for (guint j = i + 1; j < post->len; j++)
          {
            guint x = g_array_index (post, guint, i), y = g_array_index (post, guint, j);
            const Water *mx = &g_array_index (waters, Water, x);
            const Water *my = &g_array_index (waters, Water, y);
            gint64 k = ((gint64) x << 32) | y;
            gpointer n;

            if (mx->st->doc == my->st->doc || waters_agree (mx, my))
              continue;
            n = g_hash_table_lookup (counts, &k);
            if (n == NULL)
              g_hash_table_insert (counts, g_memdup2 (&k, sizeof k), GUINT_TO_POINTER (1));
            else
              g_hash_table_insert (counts, g_memdup2 (&k, sizeof k),
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
          }
    }
  /* each pair of documents that name other waters: the pair of mentions
   * whose sentences share most */
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 k = *(gint64 *) key;
      guint x = (guint) (k >> 32), y = (guint) (k & 0xffffffff);
      const Water *mx = &g_array_index (waters, Water, x);
      const Water *my = &g_array_index (waters, Water, y);
      gint64 dk = ((gint64) MIN (mx->st->doc, my->st->doc) << 32) | MAX (mx->st->doc, my->st->doc);
      WaterPair *old;

      /* one word in common says little, unless it is a name ("off
       * Florida"); a document that names the other water too is not
       * contradicted */
      if ((GPOINTER_TO_UINT (value) < 2 && shared_names (story, mx->st, my->st) == 0) ||
          doc_has_water (waters, by_doc, mx->st->doc, my) ||
          doc_has_water (waters, by_doc, my->st->doc, mx))
        continue;
      old = g_hash_table_lookup (best, &dk);
      if (old == NULL)
        {
          old = g_new0 (WaterPair, 1);
          g_hash_table_insert (best, g_memdup2 (&dk, sizeof dk), old);
        }
      else if (old->shared > GPOINTER_TO_UINT (value) ||
               (old->shared == GPOINTER_TO_UINT (value) && (old->x < x || (old->x == x && old->y < y))))
        continue;
      old->x = x;
      old->y = y;
      old->shared = GPOINTER_TO_UINT (value);
    }
  g_hash_table_iter_init (&iter, best);
  while (g_hash_table_iter_next (&iter, NULL, &value) && rows < MAX_ROWS)
    {
      WaterPair *p = value;
      const Water *mx = &g_array_index (waters, Water, p->x);
      const Water *my = &g_array_index (waters, Water, p->y);

      if (story->debug)
        g_printerr ("claim-compare: water d%u/d%u shared %u\n", mx->st->doc, my->st->doc, p->shared);
      add (story->out, CC_DISAGREEMENT_CLAIM, mx->st, mx->start, mx->end, my->st, my->start,
           my->end, 0.3 + 0.1 * MIN (p->shared, 5), "place");
      rows++;
    }
}

/* ---- qualifiers of figures ---- */

typedef struct
{
  const CcStatement      *st;      /* the sentence's first clause */
  CcStatementValue        v;
  const char             *period;  /* "day", "month", or NULL */
  const char             *stat;    /* "average", "peak", or NULL */
} Qualified;

static const char * const period_units[] = { "hour", "day", "night", "week", "month", "quarter", "year", NULL };

static const char *
period_of (const Words *words,
           guint        i)
{
  static const struct { const char *adverb, *unit; } adverbs[] = {
    { "hourly", "hour" }, { "daily", "day" }, { "nightly", "night" }, { "weekly", "week" },
    { "monthly", "month" }, { "quarterly", "quarter" }, { "yearly", "year" },
    { "annually", "year" }, { "annual", "year" },
  };
  const Word *w = &words->w[i];

  for (guint k = 0; k < G_N_ELEMENTS (adverbs); k++)
    if (strcmp (w->w, adverbs[k].adverb) == 0)
      return adverbs[k].unit;
  /* "per day", "a month", "each week" (not "in a year": a time span) */
  if (i + 1 < words->n && (strcmp (w->w, "per") == 0 || strcmp (w->w, "a") == 0 ||
                           strcmp (w->w, "an") == 0 || strcmp (w->w, "each") == 0 ||
                           strcmp (w->w, "every") == 0))
    {
      static const char * const spans[] = { "in", "within", "for", "than", "over", "after", "under", NULL };

      if (strcmp (w->w, "per") != 0 && i > 0 && word_is (&words->w[i - 1], spans))
        return NULL;
      for (guint k = 0; period_units[k] != NULL; k++)
        if (strcmp (words->w[i + 1].w, period_units[k]) == 0)
          return period_units[k];
    }
  return NULL;
}

static const char *
statistic_of (const Word *w)
{
  static const char * const average[] = { "average", "averaging", "averaged", "averages", "mean", NULL };
  static const char * const peak[] = { "peak", "peaked", "peaking", "maximum", "highest", NULL };
  static const char * const median[] = { "median", NULL };
  static const char * const least[] = { "minimum", "lowest", NULL };

  if (word_is (w, average))
    return "average";
  if (word_is (w, peak))
    return "peak";
  if (word_is (w, median))
    return "median";
  if (word_is (w, least))
    return "minimum";
  return NULL;
}

/* Words after a figure that qualify it, within its clause and before the
 * next figure; the statistic may stand before it too ("averaging 3"). */
#define PERIOD_AFTER 6
#define STAT_BEFORE 3
#define STAT_AFTER 8

static void
qualify (const Words            *words,
         const CcStatement      *first,
         const CcStatementValue *v,
         guint                   from,
         guint                   to,
         GArray                 *out)
{
  Qualified q = { first, *v, NULL, NULL };
  guint seen = 0;

  for (guint i = 0; i < words->n; i++)
    {
      const Word *w = &words->w[i];

      if (w->start < from || w->end > to)
        continue;
      if (w->end <= v->start)
        {
          /* the few words right before it */
          guint before = 0;

          for (guint j = i + 1; j < words->n && words->w[j].end <= v->start; j++)
            before++;
          if (before < STAT_BEFORE && q.stat == NULL)
            q.stat = statistic_of (w);
          continue;
        }
      if (w->start < v->end)
        {
          /* a period written inside the figure: "3+ billion monthly" */
          if (w->start > v->start && q.period == NULL)
            q.period = period_of (words, i);
          continue;
        }
      seen++;
      if (seen <= PERIOD_AFTER && q.period == NULL)
        q.period = period_of (words, i);
      if (seen <= STAT_AFTER && q.stat == NULL)
        q.stat = statistic_of (w);
    }
  if (q.period != NULL || q.stat != NULL)
    g_array_append_val (out, q);
}

/* A figure in words that the statements leave out, having no noun right
 * after it: "about one million per day", "a million downloads". */
static gboolean
spelled_figure (const Words      *words,
                guint             i,
                CcStatementValue *v)
{
  static const char * const approx[] = { "about", "around", "roughly", "approximately", "nearly",
                                         "almost", "some", NULL };
  static const char * const least[] = { "over", "above", "more", NULL };
  const Word *w = &words->w[i];
  double n, scale;
  guint first = i;

  if (i + 1 >= words->n || (w->flags & W_DIGIT))
    return FALSE;
  if (strcmp (w->w, "a") == 0 || strcmp (w->w, "an") == 0)
    n = 1;
  else if ((n = cc_value_number_word (w->w, strlen (w->w))) < 1)
    return FALSE;
  scale = cc_value_scale_from_word (words->w[i + 1].w, strlen (words->w[i + 1].w));
  if (scale < 1000 || strlen (words->w[i + 1].w) < 4)
    return FALSE;
  memset (v, 0, sizeof *v);
  v->kind = CC_PART_NUMBER;
  v->role = "";
  v->low = v->high = n * scale;
  v->step = scale;
  v->hedge = CC_VALUE_EXACT;
  if (i > 0 && word_is (&words->w[i - 1], approx))
    v->hedge = CC_VALUE_APPROX, first = i - 1;
  else if (i > 0 && word_is (&words->w[i - 1], least))
    v->hedge = CC_VALUE_AT_LEAST, first = i - 1;
  v->start = words->w[first].start;
  v->end = words->w[i + 1].end;
  return TRUE;
}

static void
find_qualified (Story             *story,
                const Words       *words,
                const CcStatement *first,
                GArray            *out)
{
  guint last = first->first_clause + first->n_clauses;

  for (guint c = first->first_clause; c < last; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);

      for (guint k = 0; k < st->n_values; k++)
        {
          const CcStatementValue *v = &st->values[k];
          guint next_value = st->clause_end;

          if (v->kind != CC_PART_NUMBER && v->kind != CC_PART_MONEY)
            continue;
          if (k + 1 < st->n_values)
            next_value = MIN (next_value, st->values[k + 1].start);
          qualify (words, first, v, st->clause_start, next_value, out);
        }
    }
  for (guint i = 0; i < words->n; i++)
    {
      CcStatementValue v;
      const CcStatement *clause = NULL;
      gboolean taken = FALSE;
      guint next_value;

      if (!spelled_figure (words, i, &v))
        continue;
      for (guint c = first->first_clause; c < last; c++)
        {
          const CcStatement *st = g_ptr_array_index (story->statements, c);

          if (st->clause_start <= v.start && v.start < st->clause_end)
            clause = st;
          for (guint k = 0; k < st->n_values; k++)
            if (st->values[k].start < v.end && v.start < st->values[k].end)
              taken = TRUE;
        }
      if (taken || clause == NULL)
        continue;
      next_value = clause->clause_end;
      for (guint k = 0; k < clause->n_values; k++)
        if (clause->values[k].start >= v.end)
          next_value = MIN (next_value, clause->values[k].start);
      qualify (words, first, &v, clause->clause_start, next_value, out);
      i++;
    }
}

static int
qualified_cmp (gconstpointer a,
               gconstpointer b)
{
  const Qualified *x = a, *y = b;

  return (x->v.low > y->v.low) - (x->v.low < y->v.low);
}

/* How far apart in size two figures that agree may be at most. */
#define AGREE_REACH 1.6

static void
compare_qualified (Story  *story,
                   GArray *quals)
{
  guint rows = 0;

  g_array_sort (quals, qualified_cmp);
  for (guint i = 0; i < quals->len; i++)
    {
      const Qualified *x = &g_array_index (quals, Qualified, i);

      for (guint j = i + 1; j < quals->len && j <= i + 16 && rows < MAX_ROWS; j++)
        {
          const Qualified *y = &g_array_index (quals, Qualified, j);

          if (y->v.low > MAX (x->v.high, x->v.low) * AGREE_REACH)
            break;
          if (x->st->doc == y->st->doc || x->v.kind != y->v.kind ||
              !cc_statement_values_agree (&x->v, &y->v))
            continue;
          if (x->period != NULL && y->period != NULL && x->period != y->period)
            {
              add (story->out, CC_DISAGREEMENT_NUMERIC, x->st, x->v.start, x->v.end, y->st,
                   y->v.start, y->v.end, 0.3, "period");
              rows++;
            }
          else if (x->stat != NULL && y->stat != NULL && x->stat != y->stat)
            {
              add (story->out, CC_DISAGREEMENT_CLAIM, x->st, x->v.start, x->v.end, y->st,
                   y->v.start, y->v.end, 0.3, "statistic");
              rows++;
            }
        }
    }
}

/* ---- sentence flags ---- */

static const char * const modal_commitment[] = {
  "plan", "plans", "planned", "planning", "intend", "intends", "intended", "intention",
  "intent", "pledge", "pledged", "pledges", "promise", "promised", "promises", "vow", "vowed",
  "vows", "commit", "commits", "committed", "commitment", "decided", "decision", "will", NULL
};
static const char * const modal_wish[] = {
  "hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished", "want", "wants", "wanted",
  "aspire", "aspires", "aspiration", "dream", "dreams", NULL
};
static const char * const modal_possibility[] = {
  "consider", "considers", "considering", "considered", "explore", "explores", "exploring",
  "weigh", "weighs", "weighing", NULL
};
/* Wording of what is not (yet) plainly so. */
static const char * const not_plain[] = {
  "will", "would", "shall", "could", "may", "might", "should", "ll", "soon", "upcoming",
  "coming", "later", "next", "future", "expected", "expects", "expect", "set", "plan", "plans",
  "planned", "hope", "hopes", "if", "unless", "going", "scheduled", "due", NULL
};
static const char * const future_heads[] = { "coming", "following", "next", "upcoming", NULL };
static const char * const time_units[] = {
  "days", "weeks", "months", "years", "day", "week", "month", "year", "quarter", NULL
};

static const char *
modal_class (const Word *w)
{
  if (word_is (w, modal_commitment))
    return "commitment";
  if (word_is (w, modal_wish))
    return "wish";
  if (word_is (w, modal_possibility))
    return "possibility";
  return NULL;
}

/* The end (word index, exclusive) of a phrase of time to come starting at
 * @i ("coming weeks", "next two months", "later this year"), or 0. */
static guint
future_time_at (const Words *words,
                guint        i)
{
  static const char * const this[] = { "this", NULL };

  if (word_is (&words->w[i], future_heads))
    {
      guint j = i + 1;

      if (j < words->n && (words->w[j].flags & W_DIGIT || strcmp (words->w[j].w, "few") == 0 ||
                           strcmp (words->w[j].w, "two") == 0 || strcmp (words->w[j].w, "three") == 0 ||
                           strcmp (words->w[j].w, "several") == 0))
        j++;
      if (j < words->n && word_is (&words->w[j], time_units))
        return j + 1;
    }
  if (strcmp (words->w[i].w, "later") == 0 && i + 2 < words->n && word_is (&words->w[i + 1], this) &&
      word_is (&words->w[i + 2], time_units))
    return i + 3;
  return 0;
}

static guint
sentence_flags (const Words *words)
{
  guint flags = 0, content = 0, capitals = 0;

  for (guint i = 0; i < words->n; i++)
    {
      const Word *w = &words->w[i];

      if (!(w->flags & (W_STOP | W_DIGIT)))
        {
          content++;
          if (w->flags & W_CAP)
            capitals++;
        }
      if (w->flags & W_QUOTED)
        flags |= S_QUOTE;
      if (i + 1 < words->n && strcmp (words->w[i + 1].w, "to") == 0 && modal_class (w) != NULL)
        flags |= S_MODAL;
      if (strcmp (w->w, "will") == 0)
        flags |= S_MODAL;
      if (word_is (w, not_plain))
        flags |= S_NOT_PLAIN;
      if (future_time_at (words, i) > 0)
        flags |= S_FUTURE_TIME | S_NOT_PLAIN;
    }
  /* (a verb of a headline is capitalised too: "X Launches Y") */
  if (content >= 3 && capitals * 5 >= content * 4)
    flags |= S_TITLE;
  return flags;
}

/* ---- lined-up sentences ---- */

/* Quoted speech that differs: the same quoted words, then a different
 * content word on both sides. */
#define QUOTE_MIN_RUN 4

static gboolean
in_quotes (const Words *words,
           const char  *w)
{
  for (guint i = 0; i < words->n; i++)
    if ((words->w[i].flags & W_QUOTED) && strcmp (words->w[i].w, w) == 0)
      return TRUE;
  return FALSE;
}

static void
compare_quotes (Story             *story,
                const CcStatement *a,
                const Words       *wa,
                const CcStatement *b,
                const Words       *wb,
                double             similarity)
{
  g_autofree guint *prev = g_new0 (guint, wb->n + 1);
  g_autofree guint *row = g_new0 (guint, wb->n + 1);
  guint best = 0, end_a = 0, end_b = 0;

  /* the longest run of the same quoted words */
  for (guint i = 1; i <= wa->n; i++)
    {
      for (guint j = 1; j <= wb->n; j++)
        {
          const Word *x = &wa->w[i - 1], *y = &wb->w[j - 1];

          row[j] = (x->flags & y->flags & W_QUOTED) && strcmp (x->w, y->w) == 0 ? prev[j - 1] + 1 : 0;
          if (row[j] > best)
            best = row[j], end_a = i, end_b = j;
        }
      memcpy (prev, row, sizeof (guint) * (wb->n + 1));
    }
  if (best >= QUOTE_MIN_RUN && end_a < wa->n && end_b < wb->n)
    {
      const Word *x = &wa->w[end_a], *y = &wb->w[end_b];
      guint content = 0;

      for (guint k = end_a - best; k < end_a; k++)
        if (!(wa->w[k].flags & W_STOP))
          content++;
      if (content < 2 || !(x->flags & y->flags & W_QUOTED) || ((x->flags | y->flags) & (W_STOP | W_DIGIT)) ||
          x->stem == y->stem || strcmp (x->stem, y->stem) == 0 ||
          in_quotes (wb, x->w) || in_quotes (wa, y->w))
        return;
      add (story->out, CC_DISAGREEMENT_CLAIM, a, x->start, x->end, b, y->start, y->end,
           similarity, "quote");
    }
}

typedef struct
{
  guint       at;     /* the word after "to" */
  const char *klass;
} Modal;

static guint
find_modals (const Words *words,
             Modal       *out,
             guint        max)
{
  guint n = 0;

  for (guint i = 0; i + 2 < words->n && n < max; i++)
    {
      const Word *w = &words->w[i];
      const char *klass = modal_class (w);

      if (klass == NULL)
        continue;
      if (strcmp (w->w, "will") == 0)
        out[n++] = (Modal) { i + 1, klass };
      else if (strcmp (words->w[i + 1].w, "to") == 0)
        out[n++] = (Modal) { i + 2, klass };
    }
  return n;
}

/* "plans to open-source future versions" and "hope to open-source future
 * versions": the same two words or more after a modal of another class. */
static void
compare_modality (Story             *story,
                  const CcStatement *a,
                  const Words       *wa,
                  const CcStatement *b,
                  const Words       *wb,
                  double             similarity)
{
  Modal ma[8], mb[8];
  guint na = find_modals (wa, ma, G_N_ELEMENTS (ma));
  guint nb = find_modals (wb, mb, G_N_ELEMENTS (mb));

  for (guint i = 0; i < na; i++)
    for (guint j = 0; j < nb; j++)
      {
        guint n = 0, content = 0;

        if (ma[i].klass == mb[j].klass)
          continue;
        while (ma[i].at + n < wa->n && mb[j].at + n < wb->n &&
               strcmp (wa->w[ma[i].at + n].w, wb->w[mb[j].at + n].w) == 0)
          {
            if (!(wa->w[ma[i].at + n].flags & W_STOP))
              content++;
            n++;
          }
        if (n >= 2 && content >= 2)
          {
            const Word *x = &wa->w[ma[i].at - (strcmp (ma[i].klass, "commitment") == 0 &&
                                                 strcmp (wa->w[ma[i].at - 1].w, "will") == 0 ? 1 : 2)];
            const Word *y = &wb->w[mb[j].at - (strcmp (wb->w[mb[j].at - 1].w, "will") == 0 ? 1 : 2)];

            add (story->out, CC_DISAGREEMENT_CLAIM, a, x->start, x->end, b, y->start, y->end,
                 similarity, "modality");
            return;
          }
      }
}

static guint
shared_names (Story             *story,
              const CcStatement *a,
              const CcStatement *b)
{
  const char *na[64];
  guint n = 0, shared = 0;

  for (guint c = a->first_clause; c < a->first_clause + a->n_clauses; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);

      for (guint k = 0; k < st->n_names; k++)
        for (guint t = 0; st->names[k].tokens[t] != NULL && n < G_N_ELEMENTS (na); t++)
          na[n++] = st->names[k].tokens[t];
    }
  for (guint c = b->first_clause; c < b->first_clause + b->n_clauses; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);

      for (guint k = 0; k < st->n_names; k++)
        for (guint t = 0; st->names[k].tokens[t] != NULL; t++)
          for (guint i = 0; i < n; i++)
            if (na[i] == st->names[k].tokens[t])
              {
                shared++;
                na[i] = NULL;
                break;
              }
    }
  return shared;
}

/* Lined-up sentences of which one puts the fact in a time to come ("will
 * debut in the coming weeks") and the other states it plainly, with no
 * word of the future, of modality or of a condition ("powers"). */
#define TENSE_MIN_SIMILARITY 0.3
#define TENSE_MIN_NAMES 3

static void
compare_tense (Story             *story,
               const CcStatement *a,
               const Words       *wa,
               const CcStatement *b,
               const Words       *wb,
               double             similarity,
               gboolean           a_future)
{
  const Words *wf = a_future ? wa : wb, *wp = a_future ? wb : wa;
  guint fs = 0, fe = 0, ps = 0, pe = 0;

  if (similarity < TENSE_MIN_SIMILARITY || shared_names (story, a, b) < TENSE_MIN_NAMES)
    return;
  for (guint i = 0; i < wf->n && fe == 0; i++)
    {
      guint end = future_time_at (wf, i);

      if (end > 0)
        fs = wf->w[i].start, fe = wf->w[end - 1].end;
    }
  /* the plain side: its first verb-like word (lower case, not a function
   * word, not after an article; ending in -s or -ed if one does) */
  for (guint pass = 0; pass < 2 && pe == 0; pass++)
    for (guint i = 0; i < wp->n && pe == 0; i++)
      {
        static const char * const articles[] = { "the", "a", "an", "its", "their", "his", "her", NULL };
        const Word *w = &wp->w[i];

        if ((w->flags & (W_CAP | W_STOP | W_DIGIT)) || (i > 0 && word_is (&wp->w[i - 1], articles)))
          continue;
        if (pass == 0 && !g_str_has_suffix (w->w, "s") && !g_str_has_suffix (w->w, "ed"))
          continue;
        ps = w->start, pe = w->end;
      }
  if (fe == 0 || pe == 0)
    return;
  if (a_future)
    add (story->out, CC_DISAGREEMENT_CLAIM, a, fs, fe, b, ps, pe, similarity, "state");
  else
    add (story->out, CC_DISAGREEMENT_CLAIM, a, ps, pe, b, fs, fe, similarity, "state");
}

typedef struct
{
  guint  a;   /* sentences */
  guint  b;
  guint  sa;  /* statements */
  guint  sb;
  double similarity;
} SentencePair;

static void
compare_lined_up (Story          *story,
                  const CcLineup *lineup)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (SentencePair));

  for (guint i = 0; i < lineup->pairs->len; i++)
    {
      const CcLineupPair *p = &g_array_index (lineup->pairs, CcLineupPair, i);
      guint a = story->sentence_of[p->a], b = story->sentence_of[p->b];
      guint fa = g_array_index (story->sentences, Sentence, a).flags;
      guint fb = g_array_index (story->sentences, Sentence, b).flags;
      gint64 key = ((gint64) a << 32) | b;
      gpointer old;

      /* only pairs that some rule may read */
      if (!((fa & fb & S_QUOTE) || (fa & fb & S_MODAL) ||
            ((fa & S_FUTURE_TIME) && !(fb & S_NOT_PLAIN)) ||
            ((fb & S_FUTURE_TIME) && !(fa & S_NOT_PLAIN))))
        continue;
      old = g_hash_table_lookup (seen, &key);
      if (old != NULL)
        {
          SentencePair *sp = &g_array_index (pairs, SentencePair, GPOINTER_TO_UINT (old) - 1);

          sp->similarity = MAX (sp->similarity, p->similarity);
          continue;
        }
      g_array_append_val (pairs, ((SentencePair) { a, b, p->a, p->b, p->similarity }));
      g_hash_table_insert (seen, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (pairs->len));
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      const SentencePair *p = &g_array_index (pairs, SentencePair, i);
      const Sentence *x = &g_array_index (story->sentences, Sentence, p->a);
      const Sentence *y = &g_array_index (story->sentences, Sentence, p->b);
      Words wa = { 0 }, wb = { 0 };

      read_words (story->stem, &story->docs[x->st->doc], x->st->start, x->st->end, &wa);
      read_words (story->stem, &story->docs[y->st->doc], y->st->start, y->st->end, &wb);
      if (x->flags & y->flags & S_QUOTE)
        compare_quotes (story, x->st, &wa, y->st, &wb, p->similarity);
      if (x->flags & y->flags & S_MODAL)
        compare_modality (story, x->st, &wa, y->st, &wb, p->similarity);
      if ((x->flags & S_FUTURE_TIME) && !(y->flags & S_NOT_PLAIN))
        compare_tense (story, x->st, &wa, y->st, &wb, p->similarity, TRUE);
      else if ((y->flags & S_FUTURE_TIME) && !(x->flags & S_NOT_PLAIN))
        compare_tense (story, x->st, &wa, y->st, &wb, p->similarity, FALSE);
      words_clear (&wa);
      words_clear (&wb);
    }
}

/* ---- names with a word more inside ---- */

typedef struct
{
  const CcStatement     *st;
  const CcStatementName *name;
} NameAt;

static guint
n_tokens (const CcStatementName *name)
{
  guint n = 0;

  while (name->tokens[n] != NULL)
    n++;
  return n;
}

/* @longer is @shorter with one word more, not its first or last: "X Z Y
 * Index" and "X Y Index". */
static gboolean
one_word_inside (const CcStatementName *shorter,
                 const CcStatementName *longer,
                 guint                 *inserted)
{
  guint ns = n_tokens (shorter), nl = n_tokens (longer), skip = G_MAXUINT;

  if (nl != ns + 1 || ns < 3)
    return FALSE;
  for (guint i = 0, j = 0; i < ns; i++, j++)
    {
      if (shorter->tokens[i] == longer->tokens[j])
        continue;
      if (skip != G_MAXUINT || j == 0)
        return FALSE;
      skip = j++;
      if (shorter->tokens[i] != longer->tokens[j])
        return FALSE;
    }
  if (skip == G_MAXUINT || skip == nl - 1)
    return FALSE;
  *inserted = skip;
  return TRUE;
}

static char *
name_key (guint                  doc,
          const CcStatementName *name)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%u", doc);
  for (guint i = 0; name->tokens[i] != NULL; i++)
    g_string_append_printf (s, "|%p", name->tokens[i]);
  return g_string_free (s, FALSE);
}

static guint
shared_terms (const CcStatement *a,
              const CcStatement *b)
{
  guint n = 0;

  for (guint i = 0; i < a->n_terms; i++)
    for (guint k = 0; k < b->n_terms; k++)
      if (a->terms[i] == b->terms[k])
        n++;
  return n;
}

static void
compare_name_forms (Story *story)
{
  const CcGazetteer *gaz = cc_gazetteer_get ();
  g_autoptr(GHashTable) buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) best = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer value;
  guint rows = 0;

  for (guint i = 0; i < story->statements->len; i++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, i);

      for (guint k = 0; k < st->n_names; k++)
        {
          const CcStatementName *name = &st->names[k];
          guint n = n_tokens (name);
          NameAt at = { st, name };
          char *key;
          GArray *bucket;

          if (n < 3 || n > 8 || cc_gazetteer_has (gaz->first_names, name->tokens[0], -1))
            continue;
          if (g_array_index (story->sentences, Sentence, story->sentence_of[i]).flags & S_TITLE)
            continue;
          g_hash_table_add (written, name_key (st->doc, name));
          key = g_strdup_printf ("%p|%p", name->tokens[0], name->tokens[n - 1]);
          bucket = g_hash_table_lookup (buckets, key);
          if (bucket == NULL)
            {
              bucket = g_array_new (FALSE, FALSE, sizeof (NameAt));
              g_hash_table_insert (buckets, key, bucket);
            }
          else
            g_free (key);
          if (bucket->len <= CC_CLAIM_MAX_POSTINGS)
            g_array_append_val (bucket, at);
        }
    }
  g_hash_table_iter_init (&iter, buckets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *bucket = value;

      if (bucket->len > CC_CLAIM_MAX_POSTINGS)
        continue;
      for (guint i = 0; i < bucket->len; i++)
        for (guint j = 0; j < bucket->len; j++)
          {
            const NameAt *s = &g_array_index (bucket, NameAt, i);
            const NameAt *l = &g_array_index (bucket, NameAt, j);
            g_autofree char *ks = NULL, *kl = NULL;
            guint inserted, shared;
            const char *word;
            gint64 dk;
            NameAt *old;

            if (s->st->doc == l->st->doc || !one_word_inside (s->name, l->name, &inserted))
              continue;
            word = l->name->tokens[inserted];
            /* a middle name or an initial is the same name */
            if (strlen (word) < 3 || cc_gazetteer_has (gaz->first_names, word, -1))
              continue;
            /* a document that writes both forms is not contradicted */
            ks = name_key (l->st->doc, s->name);
            kl = name_key (s->st->doc, l->name);
            if (g_hash_table_contains (written, ks) || g_hash_table_contains (written, kl))
              continue;
            shared = shared_terms (s->st, l->st);
            dk = ((gint64) MIN (s->st->doc, l->st->doc) << 32) | MAX (s->st->doc, l->st->doc);
            old = g_hash_table_lookup (best, &dk);
            if (old == NULL)
              {
                old = g_new0 (NameAt, 2);
                g_hash_table_insert (best, g_memdup2 (&dk, sizeof dk), old);
              }
            else if (shared_terms (old[0].st, old[1].st) >= shared)
              continue;
            old[0] = *s;
            old[1] = *l;
          }
    }
  g_hash_table_iter_init (&iter, best);
  while (g_hash_table_iter_next (&iter, NULL, &value) && rows < MAX_ROWS)
    {
      NameAt *p = value;

      add (story->out, CC_DISAGREEMENT_NAMING, p[0].st, p[0].name->start, p[0].name->end,
           p[1].st, p[1].name->start, p[1].name->end, 0.5, "name");
      rows++;
    }
}

/* ---- a digit written wrong ---- */

/* Large whole counts of the same thing whose digits are one keystroke
 * apart ("4,576 orbits" and "orbited 45,676 times") are one figure copied
 * wrong, however far apart in size: a count of "times" counts what its
 * verb does. */

/* The end of the run that starts at @from in @items, sorted by the string
 * at @key_offset of each element: the candidates one key groups together. */
static guint
key_run_end (GArray *items,
             guint   from,
             gsize   key_offset)
{
  gsize size = g_array_get_element_size (items);
  const char *key = G_STRUCT_MEMBER (const char *, items->data + from * size, key_offset);
  guint to = from;

  while (to < items->len &&
         strcmp (G_STRUCT_MEMBER (const char *, items->data + to * size, key_offset), key) == 0)
    to++;
  return to;
}

typedef struct
{
  const CcStatement *st;
  CcStatementValue   v;
  char              *role;
  char              *digits;
} Count;

static void
count_clear (gpointer data)
{
  Count *c = data;

  g_free (c->role);
  g_free (c->digits);
}

#define MIN_SLIP_DIGITS 4

static void
find_counts (Story             *story,
             const Words       *words,
             const CcStatement *first,
             GArray            *out)
{
  for (guint c = first->first_clause; c < first->first_clause + first->n_clauses; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);

      for (guint k = 0; k < st->n_values; k++)
        {
          const CcStatementValue *v = &st->values[k];
          const char *role = v->role;
          Count count = { first, *v, NULL, NULL };

          if (v->kind != CC_PART_NUMBER || v->hedge != CC_VALUE_EXACT || v->low != v->high ||
              v->low < 1000 || v->low != floor (v->low) || v->low > 1e15 || *role == '\0')
            continue;
          if (strcmp (role, "time") == 0)
            {
              /* the verb before it: "orbited the Earth 45,676 times"
               * (a word in -ed or -ing, else the nearest content word) */
              const char *nearest = NULL;
              guint seen = 0;

              role = NULL;
              for (guint i = words->n; i > 0 && role == NULL && seen < 6; i--)
                {
                  const Word *w = &words->w[i - 1];

                  if (w->end > v->start)
                    continue;
                  if (w->start < st->clause_start)
                    break;
                  seen++;
                  if (w->flags & (W_CAP | W_STOP | W_DIGIT))
                    continue;
                  if (g_str_has_suffix (w->w, "ed") || g_str_has_suffix (w->w, "ing"))
                    role = w->stem;
                  else if (nearest == NULL)
                    nearest = w->stem;
                }
              if (role == NULL)
                role = nearest;
              if (role == NULL)
                continue;
            }
          count.role = g_strdup (role);
          count.digits = g_strdup_printf ("%.0f", v->low);
          g_array_append_val (out, count);
        }
    }
}

static int
count_cmp (gconstpointer a,
           gconstpointer b)
{
  const Count *x = a, *y = b;
  int r = strcmp (x->role, y->role);

  return r != 0 ? r : (x->v.low > y->v.low) - (x->v.low < y->v.low);
}

/* One digit more, less or other. */
static gboolean
one_keystroke (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b), i = 0;

  if (la < lb)
    return one_keystroke (b, a);
  if (la - lb > 1 || lb < MIN_SLIP_DIGITS)
    return FALSE;
  while (i < lb && a[i] == b[i])
    i++;
  if (la == lb)
    return i < la && strcmp (a + i + 1, b + i + 1) == 0;
  return strcmp (a + i + 1, b + i) == 0;
}

static gboolean
doc_counts (GArray     *counts,
            guint       from,
            guint       to,
            guint       doc,
            double      value)
{
  for (guint i = from; i < to; i++)
    {
      const Count *c = &g_array_index (counts, Count, i);

      if (c->st->doc == doc && c->v.low == value)
        return TRUE;
    }
  return FALSE;
}

static void
compare_counts (Story  *story,
                GArray *counts)
{
  guint rows = 0;

  g_array_sort (counts, count_cmp);
  for (guint from = 0, to; from < counts->len; from = to)
    {
      to = key_run_end (counts, from, G_STRUCT_OFFSET (Count, role));
      if (to - from > CC_CLAIM_MAX_POSTINGS)
        continue;
      for (guint i = from; i < to; i++)
        for (guint j = i + 1; j < to && rows < MAX_ROWS; j++)
          {
            const Count *x = &g_array_index (counts, Count, i);
            const Count *y = &g_array_index (counts, Count, j);

            if (x->st->doc == y->st->doc || x->v.low == y->v.low ||
                !one_keystroke (x->digits, y->digits) ||
                doc_counts (counts, from, to, x->st->doc, y->v.low) ||
                doc_counts (counts, from, to, y->st->doc, x->v.low))
              continue;
            /* (the attribute outlives this pass: the statements' own
             * interned unit, not the verb's stem) */
            add (story->out, CC_DISAGREEMENT_NUMERIC, x->st, x->v.start, x->v.end, y->st,
                 y->v.start, y->v.end, 0.3,
                 strcmp (x->v.role, "time") != 0 ? x->v.role
                 : strcmp (y->v.role, "time") != 0 ? y->v.role : "count");
            rows++;
          }
    }
}

/* ---- the runner-up ---- */

/* Whoever a winner finished ahead of is second: "X won ahead of Y", "X
 * broke the tape ahead of compatriot Y", "X won by 3:27 from Y"; with the
 * places the statements give ("Y came in second", "the runner-up, Y"),
 * two documents that give second place to two people disagree. */

typedef struct
{
  const CcStatement     *st;
  const CcStatementName *name;
  gboolean               several;
} Holder;

static const char * const winner_words[] = {
  "won", "win", "wins", "winning", "winner", "victory", "triumphed", "tape", NULL
};

/* The name of the sentence that starts at @start, or NULL. */
static const CcStatementName *
name_at (Story             *story,
         const CcStatement *first,
         guint              start,
         const CcStatement **clause)
{
  for (guint c = first->first_clause; c < first->first_clause + first->n_clauses; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);

      for (guint k = 0; k < st->n_names; k++)
        if (st->names[k].start == start)
          {
            *clause = st;
            return &st->names[k];
          }
    }
  return NULL;
}

static gboolean
full_name (const CcStatementName *name)
{
  return name->tokens[0] != NULL && name->tokens[1] != NULL;
}

static gboolean
same_person (const CcStatementName *x,
             const CcStatementName *y)
{
  guint lx = n_tokens (x), ly = n_tokens (y), shared = 0, in_y = 0, in_x = 0;

  for (guint i = 0; i < lx; i++)
    for (guint k = 0; k < ly; k++)
      if (x->tokens[i] == y->tokens[k])
        shared++;
  /* every word of one in the other: a longer form */
  for (guint i = 0; i < lx; i++)
    for (guint k = 0; k < ly; k++)
      if (x->tokens[i] == y->tokens[k])
        {
          in_y++;
          break;
        }
  for (guint k = 0; k < ly; k++)
    for (guint i = 0; i < lx; i++)
      if (x->tokens[i] == y->tokens[k])
        {
          in_x++;
          break;
        }
  if (in_y == lx || in_x == ly)
    return TRUE;
  return shared > 0 && x->tokens[lx - 1] == y->tokens[ly - 1];
}

static void
note_holder (GHashTable            *holders,
             GArray                *list,
             const CcStatement     *st,
             const CcStatementName *name)
{
  gpointer at = g_hash_table_lookup (holders, GUINT_TO_POINTER (st->doc + 1));

  if (at != NULL)
    {
      Holder *h = &g_array_index (list, Holder, GPOINTER_TO_UINT (at) - 1);

      if (!same_person (h->name, name))
        h->several = TRUE;
      return;
    }
  g_array_append_val (list, ((Holder) { st, name, FALSE }));
  g_hash_table_insert (holders, GUINT_TO_POINTER (st->doc + 1), GUINT_TO_POINTER (list->len));
}

static void
find_runner_up (Story             *story,
                const Words       *words,
                const CcStatement *first,
                GHashTable        *holders,
                GArray            *list)
{
  gboolean winner = FALSE;
  const CcGazetteer *gaz = cc_gazetteer_get ();

  for (guint i = 0; i < words->n; i++)
    {
      const Word *w = &words->w[i];
      guint k = 0;
      const CcStatementName *name;
      const CcStatement *clause = NULL;

      if (word_is (w, winner_words))
        winner = TRUE;
      if (!winner || i + 2 >= words->n)
        continue;
      if (strcmp (w->w, "ahead") == 0 && strcmp (words->w[i + 1].w, "of") == 0)
        k = i + 2;
      else if (strcmp (w->w, "from") == 0 && i >= 3)
        {
          /* "won by <margin> from" */
          for (guint b = i - 1; b > 0 && b + 6 > i && k == 0; b--)
            if (strcmp (words->w[b].w, "by") == 0 && word_is (&words->w[b - 1], winner_words))
              k = i + 1;
        }
      if (k == 0)
        continue;
      /* the title before the name, in lower case: "compatriot",
       * "the defending champion" */
      for (guint t = 0; t < 3 && k < words->n && !(words->w[k].flags & W_CAP); t++)
        k++;
      if (k >= words->n || !(words->w[k].flags & W_CAP))
        continue;
      name = name_at (story, first, words->w[k].start, &clause);
      if (name == NULL || !full_name (name) ||
          (k == i + 2 && !cc_gazetteer_has (gaz->first_names, name->tokens[0], -1)))
        continue;
      note_holder (holders, list, clause, name);
      return;
    }
  /* a place the clause gives to the one person it names in full */
  for (guint c = first->first_clause; c < first->first_clause + first->n_clauses; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);
      const CcStatementName *ranked = NULL;
      guint full = 0;

      if (st->rank == NULL || strcmp (st->rank, "second") != 0)
        continue;
      for (guint k = 0; k < st->n_names; k++)
        if (full_name (&st->names[k]))
          ranked = &st->names[k], full++;
      if (full == 1)
        note_holder (holders, list, st, ranked);
    }
}

#define MAX_HOLDERS 64

static void
compare_runners_up (Story  *story,
                    GArray *list)
{
  if (list->len > MAX_HOLDERS)
    return;
  for (guint i = 0; i < list->len; i++)
    for (guint j = i + 1; j < list->len; j++)
      {
        const Holder *x = &g_array_index (list, Holder, i);
        const Holder *y = &g_array_index (list, Holder, j);
        gboolean alike = FALSE;

        if (x->several || y->several || same_person (x->name, y->name))
          continue;
        for (guint a = 0; x->name->tokens[a] != NULL; a++)
          for (guint b = 0; y->name->tokens[b] != NULL; b++)
            alike |= cc_part_spelling_variants (x->name->tokens[a], y->name->tokens[b]);
        add (story->out, alike ? CC_DISAGREEMENT_NAMING : CC_DISAGREEMENT_CLAIM, x->st,
             x->name->start, x->name->end, y->st, y->name->start, y->name->end, 0.5, "name");
      }
}

/* ---- a former office ---- */

/* "President X" in one document and "former President X" in another: the
 * two disagree on whether X holds the office (a document that writes both
 * is left out). */

typedef struct
{
  const CcStatement *st;
  char              *key;     /* title and surname */
  guint              doc;
  guint              state;   /* 1: holds it, 2: former, 3: both */
  guint              start;
  guint              end;
} Office;

static void
office_clear (gpointer data)
{
  g_free (((Office *) data)->key);
}

/* The one person named before @before in the sentence (by surname), or
 * NULL when none or several. */
static const CcStatementName *
only_name_before (Story             *story,
                  const CcStatement *first,
                  guint              before)
{
  const CcStatementName *only = NULL;

  for (guint c = first->first_clause; c < first->first_clause + first->n_clauses; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);

      for (guint k = 0; k < st->n_names; k++)
        {
          const CcStatementName *name = &st->names[k];

          if (name->start >= before)
            continue;
          if (only != NULL && only->tokens[n_tokens (only) - 1] != name->tokens[n_tokens (name) - 1])
            return NULL;
          only = name;
        }
    }
  return only;
}

static void
find_offices (Story             *story,
              const Words       *words,
              const CcStatement *first,
              GHashTable        *by_key,
              GArray            *offices)
{
  static const char * const honorifics[] = {
    "mr", "mrs", "ms", "mx", "miss", "dr", "doctor", "prof", "professor", "sir", "dame", "lord",
    "lady", "madam", NULL
  };
  static const char * const earlier[] = { "former", "ex", NULL };
  static const char * const skip[] = { "late", "then", "acting", "interim", "future", NULL };
  const CcGazetteer *gaz = cc_gazetteer_get ();

  for (guint i = 0; i + 1 < words->n; i++)
    {
      const Word *w = &words->w[i];
      const CcStatementName *name;
      const CcStatement *clause = NULL;
      g_autofree char *key = NULL;
      gboolean former;
      guint n, start, end;
      gpointer at;

      if (!cc_gazetteer_has (gaz->titles, w->w, -1) || word_is (w, honorifics) ||
          (i > 0 && word_is (&words->w[i - 1], skip)))
        continue;
      former = i > 0 && word_is (&words->w[i - 1], earlier);
      name = name_at (story, first, w->start, &clause);
      if (name == NULL)
        name = name_at (story, first, words->w[i + 1].start, &clause);
      end = name != NULL ? name->end : 0;
      if (name == NULL && former && !(words->w[i + 1].flags & W_CAP))
        {
          /* "Trump's remarks: the former president said": the one name
           * before it in its sentence */
          name = only_name_before (story, first, words->w[i - 1].start);
          end = w->end;
        }
      else if (name == NULL || !full_name (name))
        continue;
      if (name == NULL)
        continue;
      n = n_tokens (name);
      start = former ? words->w[i - 1].start : w->start;
      key = g_strdup_printf ("%s|%p", w->w, name->tokens[n - 1]);
      at = g_hash_table_lookup (by_key, key);
      /* one entry per document and key: the statements come in document
       * order, so a document's entry is the last one for its key */
      if (at != NULL)
        {
          Office *o = &g_array_index (offices, Office, GPOINTER_TO_UINT (at) - 1);

          if (o->doc == first->doc)
            {
              o->state |= former ? 2 : 1;
              continue;
            }
        }
      g_array_append_val (offices, ((Office) { first, g_strdup (key), first->doc, former ? 2 : 1,
                                               start, end }));
      g_hash_table_insert (by_key, g_steal_pointer (&key), GUINT_TO_POINTER (offices->len));
    }
}

static int
office_cmp (gconstpointer a,
            gconstpointer b)
{
  const Office *x = a, *y = b;
  int r = strcmp (x->key, y->key);

  return r != 0 ? r : (x->doc > y->doc) - (x->doc < y->doc);
}

static void
compare_offices (Story  *story,
                 GArray *offices)
{
  guint rows = 0;

  g_array_sort (offices, office_cmp);
  for (guint from = 0, to; from < offices->len; from = to)
    {
      to = key_run_end (offices, from, G_STRUCT_OFFSET (Office, key));
      if (to - from > CC_CLAIM_MAX_POSTINGS)
        continue;
      for (guint i = from; i < to; i++)
        for (guint j = i + 1; j < to && rows < MAX_ROWS; j++)
          {
            const Office *x = &g_array_index (offices, Office, i);
            const Office *y = &g_array_index (offices, Office, j);

            if (x->doc == y->doc || x->state == 3 || y->state == 3 || x->state == y->state)
              continue;
            add (story->out, CC_DISAGREEMENT_CLAIM, x->st, x->start, x->end, y->st, y->start,
                 y->end, 0.3, "office");
            rows++;
          }
    }
}

/* ---- a count in progress and a count complete ---- */

/* "Results for 542 of the 543 constituencies have been announced" in one
 * document; "all results were declared", "the final tally", "the count
 * has concluded" in another, about the same counting (the sentences share
 * names): a part done is not the whole done. The words are general English
 * vocabulary of counting and reporting. */

/* Words of a count or a report that a part done goes with ("announced
 * results for 42 of the 50", "identified 12 of the 15 victims"). */
static const char * const progress_words[] = {
  "result", "results", "count", "counts", "counted", "counting", "tally", "tallied",
  "declared", "announced", "reported", "completed", "finished", "processed", "identified",
  "recovered", "certified", NULL
};
/* The nouns of a count that can be final or concluded. */
static const char * const count_nouns[] = {
  "count", "counting", "tally", "result", "results", "returns", NULL
};
/* Past forms of ending. */
static const char * const ended_words[] = {
  "concluded", "completed", "finished", "ended", NULL
};
/* Words that leave a count open or to come. */
static const char * const open_words[] = {
  "pending", "remaining", "remains", "remain", "yet", "awaited", "awaiting", "await", "awaits",
  "before", "ahead", "until", "till", "expected", "will", "would", "could", "may", "might",
  "partial", "provisional", "early", "trends", "leads", "leading", "not", "no", "never", NULL
};

/* Words of the sentence searched back from a part, at most. */
#define PROGRESS_REACH 5
/* Words from a count noun to its verb of ending, at most ("the counting
 * of votes for the 2024 elections concluded"). */
#define ENDED_REACH 10
/* Words after a completion that may leave it open ("is expected"). */
#define OPEN_REACH 8
/* Names two sentences must share to speak of the same counting. */
#define COMPLETION_MIN_NAMES 2

typedef struct
{
  const CcStatement *st;     /* the clause */
  guint              start;  /* the part ("42 of the 50") or the words of completion */
  guint              end;
  gboolean           part;
} Completion;

static const CcStatement *
clause_of (Story             *story,
           const CcStatement *first,
           guint              at)
{
  for (guint c = first->first_clause; c < first->first_clause + first->n_clauses; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);

      if (at >= st->clause_start && at < st->clause_end)
        return st;
    }
  return first;
}

/* Whether a word that leaves the count open comes in the few words
 * before @from, or after it up to @last and on to the next punctuation
 * (OPEN_REACH words at most). */
static gboolean
open_around (const Words *words,
             guint        from,
             guint        last)
{
  for (guint i = from >= 3 ? from - 3 : 0; i < words->n && i <= last + OPEN_REACH; i++)
    {
      if (i > last && (words->w[i].flags & W_BREAK))
        break;
      if (word_is (&words->w[i], open_words))
        return TRUE;
    }
  return FALSE;
}

static void
find_completions (Story             *story,
                  const Words       *words,
                  const CcStatement *first,
                  GArray            *out)
{
  gboolean has_part = FALSE;
  guint n_before = out->len;

  /* the part done: "announced results for 542 of the 543" */
  for (guint c = first->first_clause; c < first->first_clause + first->n_clauses; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);

      for (guint k = 0; k < st->n_values; k++)
        {
          const CcStatementValue *p = &st->values[k];
          const CcStatementValue *total = NULL;
          guint at = words->n;

          if (p->kind != CC_PART_NUMBER || p->of_total <= 0 || p->low >= p->of_total ||
              p->hedge != CC_VALUE_EXACT || st->projected)
            continue;
          for (guint j = k + 1; j < st->n_values && total == NULL; j++)
            if ((float) st->values[j].low == p->of_total)
              total = &st->values[j];
          for (guint i = 0; i < words->n && at == words->n; i++)
            if (words->w[i].start >= p->start)
              at = i;
          if (total == NULL)
            continue;
          for (guint i = at; i > 0 && at - i < PROGRESS_REACH; i--)
            {
              const Word *w = &words->w[i - 1];

              if (w->start < st->clause_start)
                break;
              if (word_is (w, progress_words))
                {
                  Completion m = { st, p->start, total->end, TRUE };

                  g_array_append_val (out, m);
                  has_part = TRUE;
                  break;
                }
            }
        }
    }
  if (has_part)
    return;
  /* the whole done: "declared all results", "results for every seat",
   * "the final tally", "the count has concluded" */
  for (guint i = 0; i < words->n && out->len == n_before; i++)
    {
      const Word *w = &words->w[i];
      guint start = 0, end = 0, last = i;

      if (strcmp (w->w, "all") == 0 || strcmp (w->w, "every") == 0)
        {
          gboolean progress = FALSE;

          for (guint k = i + 1; k < words->n && k <= i + 4 && end == 0; k++)
            {
              const Word *x = &words->w[k];

              if (x->flags & (W_CAP | W_DIGIT))
                continue;
              if ((x->flags & W_STOP) && (strcmp (x->w, "the") == 0 || strcmp (x->w, "its") == 0 ||
                                           strcmp (x->w, "their") == 0))
                continue;
              if (x->flags & W_STOP)
                break;
              start = w->start, end = x->end, last = k;
            }
          /* (a word of counting or reporting in the clause) */
          for (guint k = (i > 6 ? i - 6 : 0); k < words->n && k <= i + 12 && end != 0; k++)
            progress = progress || word_is (&words->w[k], progress_words);
          if (!progress)
            end = 0;
        }
      else if (strcmp (w->w, "final") == 0)
        {
          for (guint k = i + 1; k < words->n && k <= i + 4 && end == 0; k++)
            {
              const Word *x = &words->w[k];

              if (word_is (x, count_nouns))
                start = w->start, end = x->end, last = k;
              else if (!(x->flags & W_CAP) && strcmp (x->w, "and") != 0 &&
                       strcmp (x->w, "official") != 0 && strcmp (x->w, "vote") != 0)
                break;
            }
        }
      else if (word_is (w, count_nouns) && !(w->flags & W_CAP))
        {
          for (guint k = i + 1; k < words->n && k <= i + ENDED_REACH && end == 0; k++)
            {
              if (words->w[k].flags & W_BREAK)
                break;
              if (word_is (&words->w[k], ended_words))
                start = w->start, end = words->w[k].end, last = k;
            }
        }
      if (end == 0)
        continue;
      {
        const CcStatement *st = clause_of (story, first, start);
        Completion m = { st, start, end, FALSE };

        /* (nor "awaiting the final tally", "the final tally is expected") */
        if (st->negated || st->projected ||
            open_around (words, i, last))
          continue;
        g_array_append_val (out, m);
      }
    }
}

static int
completion_cmp (gconstpointer a,
                gconstpointer b)
{
  const Completion *x = a, *y = b;

  if (x->st->doc != y->st->doc)
    return x->st->doc < y->st->doc ? -1 : 1;
  return (x->part > y->part) - (x->part < y->part);
}

static guint64
doc_pair (guint a,
          guint b)
{
  return ((guint64) MIN (a, b) << 32) | MAX (a, b);
}

static void
compare_completions (Story  *story,
                     GArray *found)
{
  /* the counts done, by the name words of their sentence */
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) part_docs = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) rows_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint rows = 0;

  g_array_sort (found, completion_cmp);
  for (guint i = 0; i < found->len; i++)
    {
      const Completion *m = &g_array_index (found, Completion, i);

      if (m->part)
        g_hash_table_add (part_docs, GUINT_TO_POINTER (m->st->doc + 1));
    }
  /* (the whole already set against the part by the lined-up rule) */
  for (guint i = 0; i < story->out->len; i++)
    {
      const CcPartDisagreement *d = &g_array_index (story->out, CcPartDisagreement, i);

      if (d->attribute != NULL && strcmp (d->attribute, "whole") == 0)
        {
          guint64 *key = g_new (guint64, 1);

          *key = doc_pair (d->a->doc, d->b->doc);
          g_hash_table_add (rows_of, key);
        }
    }
  for (guint i = 0; i < found->len; i++)
    {
      const Completion *m = &g_array_index (found, Completion, i);
      const CcStatement *first;

      /* (a document that gives a part itself is not the whole done) */
      if (m->part || g_hash_table_contains (part_docs, GUINT_TO_POINTER (m->st->doc + 1)))
        continue;
      first = g_ptr_array_index (story->statements, m->st->first_clause);
      for (guint c = first->first_clause; c < first->first_clause + first->n_clauses; c++)
        {
          const CcStatement *st = g_ptr_array_index (story->statements, c);

          for (guint k = 0; k < st->n_names; k++)
            for (guint t = 0; st->names[k].tokens[t] != NULL; t++)
              {
                GArray *list = g_hash_table_lookup (by_name, st->names[k].tokens[t]);

                if (list == NULL)
                  {
                    list = g_array_new (FALSE, FALSE, sizeof (guint));
                    g_hash_table_insert (by_name, (gpointer) st->names[k].tokens[t], list);
                  }
                if (list->len == 0 || g_array_index (list, guint, list->len - 1) != i)
                  g_array_append_val (list, i);
              }
        }
    }
  for (guint i = 0; i < found->len && rows < MAX_ROWS; i++)
    {
      const Completion *p = &g_array_index (found, Completion, i);
      const CcStatement *first;
      g_autoptr(GHashTable) shared = NULL;
      GHashTableIter iter;
      gpointer key, value;

      if (!p->part)
        continue;
      shared = g_hash_table_new (NULL, NULL);
      first = g_ptr_array_index (story->statements, p->st->first_clause);
      for (guint c = first->first_clause; c < first->first_clause + first->n_clauses; c++)
        {
          const CcStatement *st = g_ptr_array_index (story->statements, c);

          for (guint k = 0; k < st->n_names; k++)
            for (guint t = 0; st->names[k].tokens[t] != NULL; t++)
              {
                GArray *list = g_hash_table_lookup (by_name, st->names[k].tokens[t]);

                if (list == NULL || list->len > CC_CLAIM_MAX_POSTINGS)
                  continue;
                for (guint j = 0; j < list->len; j++)
                  {
                    gpointer at = GUINT_TO_POINTER (g_array_index (list, guint, j) + 1);

                    g_hash_table_insert (shared, at,
                                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (shared, at)) + 1));
                  }
              }
        }
      /* (a name token met twice in the sentence counts twice: the shared
       * names are counted again, distinct, below) */
      g_hash_table_iter_init (&iter, shared);
      while (g_hash_table_iter_next (&iter, &key, &value) && rows < MAX_ROWS)
        {
          const Completion *w = &g_array_index (found, Completion, GPOINTER_TO_UINT (key) - 1);
          guint64 pair = doc_pair (p->st->doc, w->st->doc);

          if (w->st->doc == p->st->doc || GPOINTER_TO_UINT (value) < COMPLETION_MIN_NAMES ||
              g_hash_table_contains (rows_of, &pair) ||
              shared_names (story, first, g_ptr_array_index (story->statements, w->st->first_clause)) <
                COMPLETION_MIN_NAMES)
            continue;
          if (story->debug)
            g_printerr ("claim-compare: completion d%u/d%u\n", p->st->doc, w->st->doc);
          add (story->out, CC_DISAGREEMENT_CLAIM, p->st, p->start, p->end, w->st, w->start, w->end,
               0.3, "completion");
          g_hash_table_add (rows_of, g_memdup2 (&pair, sizeof pair));
          rows++;
        }
    }
}

/* ---- the day of the same event ---- */

/* "Embarked on their mission on June 6, 2024" and "a mission beginning on
 * June 5 last year": the same event (the content word the date phrase
 * follows) of the same people (shared names) dated a day or two apart,
 * whatever else the sentences say. Verbs of saying are left out: "said on
 * Monday" dates the saying, not the event. */

/* Days apart at most: further apart, the same word more likely names two
 * events (a launch and a return). */
#define EVENT_DAYS_APART 2
/* Content words looked at before a date, at most. */
#define EVENT_REACH 4
#define EVENT_MIN_NAMES 2

static const char * const saying_words[] = {
  "said", "says", "told", "tell", "announced", "reported", "stated", "added", "wrote",
  "confirmed", "posted", "tweeted", "according", "published", "released", "updated", NULL
};
static const char * const year_directions[] = { "last", "previous", "past", "this", "next", NULL };

typedef struct
{
  const CcStatement      *st;
  const CcStatementValue *v;
  char                   *head;  /* the stem of the event word */
  int                     year;  /* as written; 0 unknown */
  int                     shift; /* "last year": -1, "this year": 0, "next year": 1; 2 none */
} Dated;

static void
dated_clear (gpointer data)
{
  g_free (((Dated *) data)->head);
}

static void
find_dated (Story             *story,
            const Words       *words,
            const CcStatement *first,
            GArray            *out)
{
  for (guint c = first->first_clause; c < first->first_clause + first->n_clauses; c++)
    {
      const CcStatement *st = g_ptr_array_index (story->statements, c);

      for (guint k = 0; k < st->n_values; k++)
        {
          const CcStatementValue *v = &st->values[k];
          guint at = words->n, after = words->n, seen = 0;
          int year = 0, shift = 2;

          if (v->kind != CC_PART_DAY || v->hedge != CC_VALUE_EXACT || st->projected)
            continue;
          for (guint i = 0; i < words->n; i++)
            {
              if (at == words->n && words->w[i].start >= v->start)
                at = i;
              if (words->w[i].start >= v->end)
                {
                  after = i;
                  break;
                }
              /* the year written in the date: "June 6, 2024" */
              if (at != words->n && (words->w[i].flags & W_DIGIT) && strlen (words->w[i].w) == 4)
                year = atoi (words->w[i].w);
            }
          if (at == words->n || at == 0)
            continue;
          /* "June 5 last year", "June 5 of the previous year" */
          for (guint i = after; i < words->n && i < after + 4; i++)
            {
              if (strcmp (words->w[i].w, "year") == 0 && i > after &&
                  word_is (&words->w[i - 1], year_directions))
                {
                  const char *d = words->w[i - 1].w;

                  shift = strcmp (d, "this") == 0 ? 0 : strcmp (d, "next") == 0 ? 1 : -1;
                  break;
                }
              if (!(words->w[i].flags & W_STOP) && !word_is (&words->w[i], year_directions))
                break;
            }
          /* the event: content words just before the date phrase */
          for (guint i = at; i > 0 && seen < EVENT_REACH; i--)
            {
              const Word *w = &words->w[i - 1];

              if (w->start < st->clause_start || (i < at && (words->w[i].flags & W_BREAK)))
                break;
              seen++;
              if (w->flags & (W_CAP | W_STOP | W_DIGIT))
                continue;
              if (word_is (w, saying_words))
                break;
              {
                Dated d = { st, v, g_strdup (w->stem), year, shift };

                g_array_append_val (out, d);
              }
            }
        }
    }
}

static int
dated_cmp (gconstpointer a,
           gconstpointer b)
{
  const Dated *x = a, *y = b;
  int r = strcmp (x->head, y->head);

  if (r != 0)
    return r;
  return (x->v->low > y->v->low) - (x->v->low < y->v->low);
}

/* Whether two dates may fall in the same year: two years written, or two
 * shifts from the article's year, must be equal (a year written against a
 * shift needs the article's date, which this pass does not have). */
static gboolean
same_year (const Dated *x,
           const Dated *y)
{
  if (x->year != 0 && y->year != 0)
    return x->year == y->year;
  if (x->year == 0 && y->year == 0 && x->shift != 2 && y->shift != 2)
    return x->shift == y->shift;
  return TRUE;
}

static void
compare_dated (Story  *story,
               GArray *dated)
{
  /* the days each document names: (doc, month * 100 + day) */
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint rows = 0;

  for (guint i = 0; i < dated->len; i++)
    {
      const Dated *d = &g_array_index (dated, Dated, i);
      gint64 key = ((gint64) d->st->doc << 16) | (gint64) d->v->low;

      g_hash_table_add (days, g_memdup2 (&key, sizeof key));
    }
  g_array_sort (dated, dated_cmp);
  for (guint from = 0, to; from < dated->len; from = to)
    {
      to = key_run_end (dated, from, G_STRUCT_OFFSET (Dated, head));
      if (to - from > CC_CLAIM_MAX_POSTINGS)
        continue;
      for (guint i = from; i < to; i++)
        for (guint j = i + 1; j < to && rows < MAX_ROWS; j++)
          {
            const Dated *x = &g_array_index (dated, Dated, i);
            const Dated *y = &g_array_index (dated, Dated, j);
            gint64 xs = ((gint64) x->st->doc << 16) | (gint64) y->v->low;
            gint64 ys = ((gint64) y->st->doc << 16) | (gint64) x->v->low;
            gint64 pair = ((gint64) MIN (x->st->doc, y->st->doc) << 32) | MAX (x->st->doc, y->st->doc);

            if (y->v->low - x->v->low > EVENT_DAYS_APART)
              break;
            if (x->st->doc == y->st->doc || x->v->low == y->v->low || !same_year (x, y) ||
                g_hash_table_contains (days, &xs) || g_hash_table_contains (days, &ys) ||
                g_hash_table_contains (done, &pair) ||
                shared_names (story, g_ptr_array_index (story->statements, x->st->first_clause),
                              g_ptr_array_index (story->statements, y->st->first_clause)) < EVENT_MIN_NAMES)
              continue;
            if (story->debug)
              g_printerr ("claim-compare: event day d%u/d%u (%s)\n", x->st->doc, y->st->doc, x->head);
            add (story->out, CC_DISAGREEMENT_DATE, x->st, x->v->start, x->v->end, y->st,
                 y->v->start, y->v->end, 0.3, "event");
            g_hash_table_add (done, g_memdup2 (&pair, sizeof pair));
            rows++;
          }
    }
}

/* ---- how long: a vague duration against another ---- */

/* "For a few days of health checks" and "health examinations for several
 * weeks": durations said of the same thing (a content word next to both)
 * in sentences that share words, of which at least one is vague (a range
 * of its unit, cc-values), whose ranges lie well apart. Figures on both
 * sides are the lined-up rules' part. */

/* Content words looked at on each side of a duration. */
#define SPAN_REACH 3
/* Content terms the two sentences must share, the word next to both
 * included. */
#define SPAN_MIN_TERMS 3
/* How far apart the ranges must lie: the longer at least this many times
 * the shorter (rounding and loose wording stay agreements). */
#define SPAN_FACTOR 2.0

static const char * const vague_counts[] = { "few", "couple", "several", NULL };

typedef struct
{
  const CcStatement *st;
  guint              start;
  guint              end;
  double             low;    /* seconds */
  double             high;
  gboolean           vague;
  char              *key;    /* the stem of a word next to it */
} Span;

static void
span_clear (gpointer data)
{
  g_free (((Span *) data)->key);
}

static void
find_spans (Story             *story,
            const Words       *words,
            const CcStatement *first,
            GArray            *out)
{
  for (guint i = 0; i + 1 < words->n; i++)
    {
      guint from = i, last = 0;
      gboolean vague = FALSE;
      g_autoptr(GString) text = NULL;
      g_autoptr(CcValue) v = NULL;
      const CcStatement *st;

      /* "a few days", "a couple of hours", "several weeks", "three days" */
      if (word_is (&words->w[i], vague_counts))
        {
          vague = TRUE;
          if (i > 0 && strcmp (words->w[i - 1].w, "a") == 0)
            from = i - 1;
          last = i + 1;
          if (last < words->n && strcmp (words->w[last].w, "of") == 0)
            last++;
        }
      else if ((words->w[i].flags & W_DIGIT) ||
               cc_value_number_word (words->w[i].w, strlen (words->w[i].w)) > 0)
        last = i + 1;
      else
        continue;
      if (last >= words->n || cc_value_time_unit (words->w[last].w, strlen (words->w[last].w)) < 60)
        continue;
      text = g_string_new (NULL);
      for (guint k = from; k <= last; k++)
        g_string_append_printf (text, "%s%s", k > from ? " " : "", words->w[k].w);
      v = cc_value_parse (text->str, CC_VALUE_DURATION);
      if (v == NULL || v->kind != CC_VALUE_DURATION)
        continue;
      st = clause_of (story, first, words->w[from].start);
      if (st->negated)
        continue;
      /* the content words next to it, on each side */
      for (int dir = -1; dir <= 1; dir += 2)
        {
          guint seen = 0;

          for (int k = dir < 0 ? (int) from - 1 : (int) last + 1;
               k >= 0 && k < (int) words->n && seen < SPAN_REACH; k += dir)
            {
              const Word *w = &words->w[k];
              Span s = { st, words->w[from].start, words->w[last].end, v->low, v->high, vague, NULL };

              if (dir > 0 ? (w->flags & W_BREAK) != 0 : (words->w[k + 1].flags & W_BREAK) != 0)
                break;
              seen++;
              if ((w->flags & (W_CAP | W_STOP | W_DIGIT)) ||
                  cc_value_time_unit (w->w, strlen (w->w)) > 0)
                continue;
              s.key = g_strdup (w->stem);
              g_array_append_val (out, s);
            }
        }
      i = last;
    }
}

static int
span_cmp (gconstpointer a,
          gconstpointer b)
{
  const Span *x = a, *y = b;
  int r = strcmp (x->key, y->key);

  if (r != 0)
    return r;
  return x->st->doc < y->st->doc ? -1 : x->st->doc > y->st->doc;
}

static guint
sentence_shared_terms (Story             *story,
                       const CcStatement *a,
                       const CcStatement *b)
{
  const char *ta[256], *tb[256];
  guint na = sentence_terms (story, g_ptr_array_index (story->statements, a->first_clause), ta, 256);
  guint nb = sentence_terms (story, g_ptr_array_index (story->statements, b->first_clause), tb, 256);
  guint n = 0;

  for (guint i = 0; i < na; i++)
    for (guint k = 0; k < nb; k++)
      if (ta[i] == tb[k])
        {
          n++;
          break;
        }
  return n;
}

/* Whether a document gives the thing a duration that agrees with @s. */
static gboolean
span_stated (GArray     *spans,
             guint       from,
             guint       to,
             guint       doc,
             const Span *s)
{
  for (guint i = from; i < to; i++)
    {
      const Span *o = &g_array_index (spans, Span, i);

      if (o->st->doc == doc && o->low <= s->high * SPAN_FACTOR && s->low <= o->high * SPAN_FACTOR)
        return TRUE;
    }
  return FALSE;
}

static void
compare_spans (Story  *story,
               GArray *spans)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint rows = 0;

  g_array_sort (spans, span_cmp);
  for (guint from = 0, to; from < spans->len; from = to)
    {
      to = key_run_end (spans, from, G_STRUCT_OFFSET (Span, key));
      if (to - from > CC_CLAIM_MAX_POSTINGS)
        continue;
      for (guint i = from; i < to; i++)
        for (guint j = i + 1; j < to && rows < MAX_ROWS; j++)
          {
            const Span *x = &g_array_index (spans, Span, i);
            const Span *y = &g_array_index (spans, Span, j);
            gint64 pair = ((gint64) x->st->doc << 32) | y->st->doc;

            if (x->st->doc == y->st->doc || (!x->vague && !y->vague) ||
                (x->high * SPAN_FACTOR > y->low && y->high * SPAN_FACTOR > x->low) ||
                g_hash_table_contains (done, &pair) ||
                span_stated (spans, from, to, x->st->doc, y) ||
                span_stated (spans, from, to, y->st->doc, x) ||
                sentence_shared_terms (story, x->st, y->st) < SPAN_MIN_TERMS)
              continue;
            if (story->debug)
              g_printerr ("claim-compare: how long d%u/d%u (%s)\n", x->st->doc, y->st->doc, x->key);
            add (story->out, CC_DISAGREEMENT_NUMERIC, x->st, x->start, x->end, y->st, y->start,
                 y->end, 0.3, "how long");
            g_hash_table_add (done, g_memdup2 (&pair, sizeof pair));
            rows++;
          }
    }
}

/* ---- the story pass ---- */

void
cc_claim_compare_find (GPtrArray          *statements,
                       const CcLineup     *lineup,
                       const char * const *texts,
                       guint               n_texts,
                       GArray             *out)
{
  Story story = { 0 };
  g_autoptr(GArray) waters = g_array_new (FALSE, FALSE, sizeof (Water));
  g_autoptr(GArray) quals = g_array_new (FALSE, FALSE, sizeof (Qualified));
  g_autoptr(GArray) second = g_array_new (FALSE, FALSE, sizeof (Holder));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (Count));
  g_autoptr(GArray) offices = g_array_new (FALSE, FALSE, sizeof (Office));
  g_autoptr(GArray) completions = g_array_new (FALSE, FALSE, sizeof (Completion));
  g_autoptr(GArray) dated = g_array_new (FALSE, FALSE, sizeof (Dated));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GHashTable) office_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) second_of = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_if_fail (statements != NULL && out != NULL);

  g_array_set_clear_func (waters, water_clear);
  g_array_set_clear_func (counts, count_clear);
  g_array_set_clear_func (offices, office_clear);
  g_array_set_clear_func (dated, dated_clear);
  g_array_set_clear_func (spans, span_clear);
  story.stem = cc_word_stem_new ();
  story.statements = statements;
  story.n_docs = n_texts;
  story.docs = g_new0 (DocText, n_texts);
  story.out = out;
  story.debug = g_getenv ("CC_ENGINE_DEBUG") != NULL;
  for (guint i = 0; i < n_texts; i++)
    doc_text_init (&story.docs[i], texts[i]);
  story.sentence_of = g_new0 (guint, statements->len + 1);
  story.sentences = g_array_new (FALSE, FALSE, sizeof (Sentence));

  for (guint i = 0; i < statements->len; i++)
    {
      const CcStatement *st = g_ptr_array_index (statements, i);
      Words words = { 0 };
      Sentence s = { st, 0 };

      if (st->first_clause != st->index)
        {
          story.sentence_of[i] = story.sentence_of[st->first_clause];
          continue;
        }
      story.sentence_of[i] = story.sentences->len;
      if (st->doc >= n_texts)
        {
          g_array_append_val (story.sentences, s);
          continue;
        }
      read_words (story.stem, &story.docs[st->doc], st->start, st->end, &words);
      s.flags = sentence_flags (&words);
      g_array_append_val (story.sentences, s);
      find_waters (&story, story.sentences->len - 1, &words, waters);
      find_qualified (&story, &words, st, quals);
      find_runner_up (&story, &words, st, second_of, second);
      find_counts (&story, &words, st, counts);
      find_offices (&story, &words, st, office_of, offices);
      find_completions (&story, &words, st, completions);
      find_dated (&story, &words, st, dated);
      find_spans (&story, &words, st, spans);
      words_clear (&words);
    }

  compare_waters (&story, waters);
  compare_qualified (&story, quals);
  compare_name_forms (&story);
  compare_runners_up (&story, second);
  compare_counts (&story, counts);
  compare_offices (&story, offices);
  compare_completions (&story, completions);
  compare_dated (&story, dated);
  compare_spans (&story, spans);
  if (lineup != NULL)
    compare_lined_up (&story, lineup);

  for (guint i = 0; i < n_texts; i++)
    g_array_unref (story.docs[i].marks);
  g_free (story.docs);
  g_free (story.sentence_of);
  g_array_unref (story.sentences);
  cc_word_stem_free (story.stem);
}
