/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-anchor"

#include "config.h"

#include <string.h>

#include "cc-anchor.h"
#include "cc-anchor-private.h"

/* Length of the grams of the exact-match index. */
#define GRAM 4
/* A quote this long found exactly once is accepted without context. */
#define MIN_UNIQUE_LENGTH 12
/* Quotes shorter than this need agreeing context to be matched approximately. */
#define MIN_FUZZY_LENGTH 10
/* Largest error rate ever accepted, and the one for a search of the whole text. */
#define MAX_ERROR_RATE 0.25
#define FAR_ERROR_RATE 0.15
/* How many approximate candidates are examined at most. */
#define MAX_CANDIDATES 32
/* Word operations one approximate search may take (about a second). */
#define MAX_FUZZY_COST G_GUINT64_CONSTANT (400000000)

struct _CcAnchorText
{
  gunichar *chars;
  guint     n;

  /* The previous text and the runs in common with it (CcAnchorBlock), or
   * NULL. */
  gunichar *old_chars;
  guint     old_n;
  GArray   *blocks;

  /* Exact-match index: text positions grouped by the hash of the GRAM
   * characters that start there (CSR layout), built on first need. */
  guint32  *bucket_start;
  guint32  *positions;
  guint32   mask;
};

const char *
cc_anchor_state_to_string (CcAnchorState state)
{
  switch (state)
    {
    case CC_ANCHOR_ANCHORED:
      return "anchored";
    case CC_ANCHOR_MOVED:
      return "moved";
    case CC_ANCHOR_ORPHANED:
    default:
      return "orphaned";
    }
}

static gunichar *
decode (const char *text,
        guint      *n)
{
  glong len = 0;
  gunichar *chars;

  if (text == NULL)
    text = "";
  chars = g_utf8_to_ucs4_fast (text, -1, &len);
  *n = (guint)len;
  return chars;
}

CcAnchorText *
cc_anchor_text_new (const char *text)
{
  CcAnchorText *self = g_new0 (CcAnchorText, 1);

  self->chars = decode (text, &self->n);
  return self;
}

void
cc_anchor_text_free (CcAnchorText *self)
{
  if (self == NULL)
    return;
  g_free (self->chars);
  g_free (self->old_chars);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_free (self->bucket_start);
  g_free (self->positions);
  g_free (self);
}

guint
cc_anchor_text_get_length (CcAnchorText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

void
cc_anchor_text_set_previous (CcAnchorText *self,
                             const char   *old_text)
{
  g_autofree gunichar *old = NULL;
  guint old_n;

  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->old_chars, g_free);
  if (old_text == NULL)
    return;

  old = decode (old_text, &old_n);
  self->blocks = cc_anchor_diff (old, old_n, self->chars, self->n);
  self->old_chars = g_steal_pointer (&old);
  self->old_n = old_n;
}

/* Maps an offset of the previous text to this one; FALSE (with a nearby
 * guess) when it lies inside an edited part. */
static gboolean
map_offset (CcAnchorText *self,
            guint         offset,
            gboolean      is_start,
            guint        *mapped)
{
  if (self->blocks == NULL)
    {
      *mapped = MIN (offset, self->n);
      return offset <= self->n;
    }
  return cc_anchor_blocks_map (self->blocks, offset, is_start, self->n, mapped);
}

static inline guint32
gram_hash (const gunichar *p)
{
  guint32 h = 2166136261u;

  for (guint i = 0; i < GRAM; i++)
    h = (h ^ p[i]) * 16777619u;
  return h ^ (h >> 15);
}

static void
ensure_index (CcAnchorText *self)
{
  guint n_grams, n_buckets = 1024;

  if (self->bucket_start != NULL)
    return;

  n_grams = self->n >= GRAM ? self->n - GRAM + 1 : 0;
  while (n_buckets < n_grams)
    n_buckets <<= 1;
  self->mask = n_buckets - 1;
  self->bucket_start = g_new0 (guint32, n_buckets + 1);
  self->positions = g_new (guint32, MAX (n_grams, 1));

  for (guint i = 0; i < n_grams; i++)
    self->bucket_start[(gram_hash (self->chars + i) & self->mask) + 1]++;
  for (guint b = 0; b < n_buckets; b++)
    self->bucket_start[b + 1] += self->bucket_start[b];
  {
    g_autofree guint32 *fill = g_memdup2 (self->bucket_start, sizeof (guint32) * n_buckets);

    for (guint i = 0; i < n_grams; i++)
      self->positions[fill[gram_hash (self->chars + i) & self->mask]++] = i;
  }
}

static inline gboolean
equal_at (CcAnchorText   *self,
          guint           pos,
          const gunichar *pattern,
          guint           m)
{
  return pos + m <= self->n && memcmp (self->chars + pos, pattern, m * sizeof (gunichar)) == 0;
}

/* Every position where @pattern occurs exactly (ascending), up to @max. */
static GArray *
find_exact (CcAnchorText   *self,
            const gunichar *pattern,
            guint           m,
            guint           max)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  if (m == 0 || m > self->n)
    return found;

  if (m < GRAM)
    {
      for (guint i = 0; i + m <= self->n && found->len < max; i++)
        if (self->chars[i] == pattern[0] && equal_at (self, i, pattern, m))
          g_array_append_val (found, i);
      return found;
    }

  ensure_index (self);
  {
    guint best_j = 0, best_size = G_MAXUINT;

    /* The rarest gram of the pattern gives the fewest candidates. */
    for (guint j = 0; j + GRAM <= m; j++)
      {
        guint b = gram_hash (pattern + j) & self->mask;
        guint size = self->bucket_start[b + 1] - self->bucket_start[b];

        if (size < best_size)
          {
            best_size = size;
            best_j = j;
            if (size == 0)
              break;
          }
      }

    if (best_size > 0)
      {
        guint b = gram_hash (pattern + best_j) & self->mask;

        for (guint k = self->bucket_start[b]; k < self->bucket_start[b + 1]; k++)
          {
            guint p = self->positions[k];

            if (p >= best_j && equal_at (self, p - best_j, pattern, m))
              {
                guint pos = p - best_j;
                g_array_append_val (found, pos);
                if (found->len >= max)
                  break;
              }
          }
      }
  }
  return found;
}

typedef struct
{
  gunichar *quote;
  guint     m;
  gunichar *prefix;
  guint     lp;
  gunichar *suffix;
  guint     ls;
  guint     expected;  /* where the quote is expected in the new text */
  guint     old_start; /* the selector's range in the previous text */
  guint     old_end;
} Query;

/* Similarity (0..1) of the selector's context with the text around
 * [start, end). An empty context (quote at an end of the old text) counts
 * fully when the candidate is at the same end, half otherwise. */
static double
context_similarity (CcAnchorText *self,
                    const Query  *q,
                    guint         start,
                    guint         end)
{
  double p, s;

  if (q->lp == 0)
    p = start == 0 ? 1.0 : 0.5;
  else
    {
      guint avail = MIN (start, q->lp);
      guint d = cc_anchor_levenshtein (q->prefix, q->lp, self->chars + start - avail, avail);

      p = 1.0 - (double)d / q->lp;
    }

  if (q->ls == 0)
    s = end == self->n ? 1.0 : 0.5;
  else
    {
      guint avail = MIN (self->n - end, q->ls);
      guint d = cc_anchor_levenshtein (q->suffix, q->ls, self->chars + end, avail);

      s = 1.0 - (double)d / q->ls;
    }

  return (MAX (p, 0.0) + MAX (s, 0.0)) / 2.0;
}

static inline guint
distance_between (guint a,
                  guint b)
{
  return a > b ? a - b : b - a;
}

static inline double
nearness (guint distance)
{
  return 1.0 / (1.0 + distance / 256.0);
}

static inline gboolean
is_near (const Query *q,
         guint        start)
{
  return distance_between (start, q->expected) <= MAX (2 * q->m, 512);
}

/* With the previous text known, text the edit left unchanged somewhere
 * else was already there before: it is another passage, not this quote
 * moved or edited (a moved passage shows in the diff as new text). TRUE when
 * most of [start, end) is such text. */
static gboolean
other_old_text (CcAnchorText *self,
                const Query  *q,
                guint         start,
                guint         end)
{
  guint lo = 0, hi, other = 0;

  if (self->blocks == NULL || self->blocks->len == 0)
    return FALSE;

  /* The first block ending after @start. */
  hi = self->blocks->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const CcAnchorBlock *b = &g_array_index (self->blocks, CcAnchorBlock, mid);

      if (b->new_start + b->len <= start)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint k = lo; k < self->blocks->len; k++)
    {
      const CcAnchorBlock *b = &g_array_index (self->blocks, CcAnchorBlock, k);
      guint s = MAX (start, b->new_start);
      guint e = MIN (end, b->new_start + b->len);
      guint old_s, old_e;

      if (b->new_start >= end)
        break;
      if (s >= e)
        continue;
      old_s = b->old_start + (s - b->new_start);
      old_e = old_s + (e - s);
      if (old_e <= q->old_start || old_s >= q->old_end)
        other += e - s;
    }
  return other * 2 > end - start;
}

/* Cheap context agreement (aligned equal characters) used to preselect among
 * many exact occurrences. */
static guint
quick_context (CcAnchorText *self,
               const Query  *q,
               guint         start)
{
  guint score = 0;

  for (guint i = 1; i <= q->lp && i <= start; i++)
    score += q->prefix[q->lp - i] == self->chars[start - i];
  for (guint i = 0; i < q->ls && start + q->m + i < self->n; i++)
    score += q->suffix[i] == self->chars[start + q->m + i];
  return score;
}

/* An exact occurrence is trusted when the quote is long enough to be
 * telling, or its context agrees, or it sits next to the old place with
 * some context: a short quote that was deleted must not jump to the same
 * word elsewhere. */
static gboolean
exact_acceptable (const Query *q,
                  double       ctx,
                  guint        pos)
{
  if (q->m >= MIN_UNIQUE_LENGTH || ctx >= 0.5)
    return TRUE;
  return ctx >= 0.25 && distance_between (pos, q->expected) <= 2 * CC_ANCHOR_CONTEXT;
}

static gboolean
resolve_exact (CcAnchorText  *self,
               const Query   *q,
               CcAnchorMatch *match)
{
  g_autoptr(GArray) found = find_exact (self, q->quote, q->m, G_MAXUINT);
  guint best = G_MAXUINT;
  double best_score = -1.0, best_ctx = 0.0;

  for (guint i = found->len; i > 0; i--)
    {
      guint pos = g_array_index (found, guint, i - 1);

      if (other_old_text (self, q, pos, pos + q->m))
        g_array_remove_index (found, i - 1);
    }
  if (found->len == 0)
    return FALSE;

  if (found->len == 1)
    {
      guint pos = g_array_index (found, guint, 0);
      double ctx = context_similarity (self, q, pos, pos + q->m);

      if (!exact_acceptable (q, ctx, pos))
        return FALSE;

      match->state = ctx >= 0.5 ? CC_ANCHOR_ANCHORED : CC_ANCHOR_MOVED;
      match->method = CC_ANCHOR_METHOD_UNIQUE;
      match->start = pos;
      match->end = pos + q->m;
      match->distance = 0;
      return TRUE;
    }

  /* Several occurrences: score the context of the most promising ones
   * (best quick context agreement, and nearest to the old place). */
  {
    guint n = found->len;
    guint keep = MIN (n, 32);
    g_autofree guint *quick = g_new (guint, n);
    g_autofree gboolean *chosen = g_new0 (gboolean, n);
    guint nearest = 0;

    for (guint i = 0; i < n; i++)
      {
        guint pos = g_array_index (found, guint, i);

        quick[i] = quick_context (self, q, pos);
        if (distance_between (pos, q->expected) <
            distance_between (g_array_index (found, guint, nearest), q->expected))
          nearest = i;
      }
    chosen[nearest] = TRUE;
    for (guint k = 0; k < keep; k++)
      {
        guint top = G_MAXUINT;

        for (guint i = 0; i < n; i++)
          if (!chosen[i] && (top == G_MAXUINT || quick[i] > quick[top]))
            top = i;
        if (top == G_MAXUINT)
          break;
        chosen[top] = TRUE;
      }

    for (guint i = 0; i < n; i++)
      {
        guint pos = g_array_index (found, guint, i);
        double ctx, score;

        if (!chosen[i])
          continue;
        ctx = context_similarity (self, q, pos, pos + q->m);
        score = ctx + 0.2 * nearness (distance_between (pos, q->expected));
        if (score > best_score)
          {
            best_score = score;
            best = pos;
            best_ctx = ctx;
          }
      }
  }

  /* One of several copies, in a context that does not agree: only right
   * where the quote was. */
  if (!exact_acceptable (q, best_ctx, best) ||
      (best_ctx < 0.5 && distance_between (best, q->expected) > 2 * CC_ANCHOR_CONTEXT))
    return FALSE;

  match->state = best_ctx >= 0.5 ? CC_ANCHOR_ANCHORED : CC_ANCHOR_MOVED;
  match->method = CC_ANCHOR_METHOD_CONTEXT;
  match->start = best;
  match->end = best + q->m;
  match->distance = 0;
  return TRUE;
}

typedef CcAnchorCandidate Candidate;

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* Windows of the text where a match with at most @k errors can be, by the
 * pigeonhole principle: one of k + 1 pieces of the quote occurs unchanged.
 * Returns FALSE when the filter does not help (then scan everything). */
static gboolean
filter_windows (CcAnchorText *self,
                const Query  *q,
                guint         k,
                GArray       *windows)
{
  guint pieces = k + 1;
  guint piece_len = q->m / pieces;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint covered = 0;

  if (piece_len < GRAM)
    return FALSE;

  for (guint i = 0; i < pieces; i++)
    {
      guint off = i * piece_len;
      g_autoptr(GArray) found = find_exact (self, q->quote + off, piece_len, self->n / 8 + 1);

      if (found->len > self->n / 16)
        return FALSE;
      for (guint j = 0; j < found->len; j++)
        {
          guint p = g_array_index (found, guint, j);
          guint s = p >= off + k ? p - off - k : 0;
          g_array_append_val (starts, s);
        }
    }

  g_array_sort (starts, compare_uint);
  for (guint i = 0; i < starts->len; i++)
    {
      guint s = g_array_index (starts, guint, i);
      guint e = MIN (self->n, s + q->m + 2 * k);

      if (windows->len > 0)
        {
          guint *last_end = &g_array_index (windows, guint, windows->len - 1);
          if (s <= *last_end)
            {
              covered += e > *last_end ? e - *last_end : 0;
              *last_end = MAX (*last_end, e);
              continue;
            }
        }
      g_array_append_val (windows, s);
      g_array_append_val (windows, e);
      covered += e - s;
    }
  return covered < self->n / 2;
}

/* How many errors an approximate match may have. The context decides: the
 * passage itself edited keeps its prefix and its suffix, while a different
 * passage next to a deleted one shares at most one side (@lo is the worse
 * side's similarity, @hi the better one's). */
/* The parts of the new text that the edit inserted (not in a common block),
 * widened by @margin. FALSE when the previous text is unknown or most of the
 * text is new. */
static gboolean
fresh_windows (CcAnchorText *self,
               guint         margin,
               GArray       *windows)
{
  guint pos = 0, covered = 0;

  if (self->blocks == NULL)
    return FALSE;

  g_array_set_size (windows, 0);
  for (guint k = 0; k <= self->blocks->len; k++)
    {
      guint next = k < self->blocks->len
                   ? g_array_index (self->blocks, CcAnchorBlock, k).new_start : self->n;

      if (next > pos)
        {
          guint s = pos > margin ? pos - margin : 0;
          guint e = MIN (self->n, next + margin);

          if (windows->len > 0 && s <= g_array_index (windows, guint, windows->len - 1))
            {
              guint *last = &g_array_index (windows, guint, windows->len - 1);
              covered += e - MAX (*last, s);
              *last = e;
            }
          else
            {
              g_array_append_val (windows, s);
              g_array_append_val (windows, e);
              covered += e - s;
            }
        }
      if (k < self->blocks->len)
        pos = MAX (pos, next + g_array_index (self->blocks, CcAnchorBlock, k).len);
    }
  if (covered * 2 > self->n)
    {
      g_array_set_size (windows, 0);
      return FALSE;
    }
  return TRUE;
}

static guint
allowed_errors (const Query *q,
                double       lo,
                double       hi,
                gboolean     near)
{
  double rate;

  if (q->m < MIN_FUZZY_LENGTH && lo < 0.75)
    return 0;
  if (lo >= 0.75)
    rate = near ? MAX_ERROR_RATE : FAR_ERROR_RATE;
  else if (lo >= 0.5 && near)
    rate = FAR_ERROR_RATE;
  else if (hi >= 0.75 && near)
    rate = 0.1;
  else
    return 0;
  return (guint)(q->m * rate);
}

static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* An approximate match may stop inside a word where the quote stopped at a
 * word's end (or start inside one): grow it to the word boundary, as the
 * reader selected whole words. */
static void
snap_to_words (CcAnchorText *self,
               const Query  *q,
               Candidate    *c)
{
  gboolean quote_starts_word = q->lp == 0 || !is_word_char (q->prefix[q->lp - 1]);
  gboolean quote_ends_word = q->ls == 0 || !is_word_char (q->suffix[0]);

  for (guint i = 0; quote_starts_word && i < CC_ANCHOR_CONTEXT && c->start > 0 &&
       is_word_char (self->chars[c->start - 1]) && is_word_char (self->chars[c->start]); i++)
    c->start--;
  for (guint i = 0; quote_ends_word && i < CC_ANCHOR_CONTEXT && c->end < self->n &&
       is_word_char (self->chars[c->end - 1]) && is_word_char (self->chars[c->end]); i++)
    c->end++;
}

/* Where the context fits best around an approximate match: the quote's new
 * ends are where its old prefix ends and its old suffix begins, looked for a
 * few characters either side of the match's ends. Gives the similarity
 * (0..1) of the worse and the better side, and moves the ends to where the
 * context fits well. */
#define FIT_SLACK 8

static void
fit_context (CcAnchorText *self,
             const Query  *q,
             Candidate    *c,
             double       *worse,
             double       *better)
{
  double p = 0.5, s = 0.5;
  guint best_start = c->start, best_end = c->end;

  if (q->lp == 0)
    p = c->start == 0 ? 1.0 : 0.5;
  else
    {
      guint lo = c->start > FIT_SLACK ? c->start - FIT_SLACK : 0;
      guint hi = MIN (c->start + FIT_SLACK / 2, c->end - 1);
      guint best = G_MAXUINT;

      for (guint st = lo; st <= hi; st++)
        {
          guint avail = MIN (st, q->lp);
          guint d = cc_anchor_levenshtein (q->prefix, q->lp, self->chars + st - avail, avail);

          if (d < best || (d == best && distance_between (st, c->start) <
                                       distance_between (best_start, c->start)))
            {
              best = d;
              best_start = st;
            }
        }
      p = 1.0 - (double)best / q->lp;
      if (best * 2 > q->lp)
        best_start = c->start;
    }

  if (q->ls == 0)
    s = c->end == self->n ? 1.0 : 0.5;
  else
    {
      guint lo = MAX (c->end > FIT_SLACK / 2 ? c->end - FIT_SLACK / 2 : 0, best_start + 1);
      guint hi = MIN (c->end + FIT_SLACK, self->n);
      guint best = G_MAXUINT;

      for (guint e = lo; e <= hi; e++)
        {
          guint avail = MIN (self->n - e, q->ls);
          guint d = cc_anchor_levenshtein (q->suffix, q->ls, self->chars + e, avail);

          if (d < best || (d == best && distance_between (e, c->end) <
                                       distance_between (best_end, c->end)))
            {
              best = d;
              best_end = e;
            }
        }
      s = 1.0 - (double)best / q->ls;
      if (best * 2 > q->ls)
        best_end = c->end;
    }

  if (best_start < best_end && (best_start != c->start || best_end != c->end))
    {
      c->start = best_start;
      c->end = best_end;
      /* The quote's distance to the adjusted range (bounded cost). */
      if ((guint64)q->m * (c->end - c->start) <= 4000000)
        c->distance = cc_anchor_levenshtein (q->quote, q->m, self->chars + c->start, c->end - c->start);
    }
  *worse = MAX (MIN (p, s), 0.0);
  *better = MAX (MAX (p, s), 0.0);
}

static gboolean
pick_fuzzy (CcAnchorText  *self,
            const Query   *q,
            GArray        *cands,
            CcAnchorMatch *match)
{
  double best_score = -1.0;
  gboolean found = FALSE;

  cc_anchor_keep_best (cands, q->expected + q->m, MAX_CANDIDATES);
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate c = g_array_index (cands, Candidate, i);
      gboolean near = is_near (q, c.start);
      double lo, hi, score;

      fit_context (self, q, &c, &lo, &hi);
      if (c.distance == 0 || c.distance > allowed_errors (q, lo, hi, near))
        continue;
      snap_to_words (self, q, &c);
      if (other_old_text (self, q, c.start, c.end))
        continue;
      /* Without the previous text, nothing tells an edited passage from a
       * neighbour of the same shape but what it states; with it, the
       * neighbour was rejected above as text that was already there. */
      if (self->blocks == NULL &&
          (!cc_anchor_same_numbers (q->quote, q->m, self->chars + c.start, c.end - c.start) ||
           !cc_anchor_same_names (q->quote, q->m, self->chars + c.start, c.end - c.start)))
        continue;
      score = 2.0 * (1.0 - (double)c.distance / q->m) + (lo + hi) / 2.0 +
              0.2 * nearness (distance_between (c.start, q->expected));
      if (score > best_score)
        {
          best_score = score;
          match->state = CC_ANCHOR_MOVED;
          match->method = CC_ANCHOR_METHOD_FUZZY;
          match->start = c.start;
          match->end = c.end;
          match->distance = c.distance;
          found = TRUE;
        }
    }
  return found;
}

static gboolean
resolve_fuzzy (CcAnchorText  *self,
               const Query   *q,
               CcAnchorMatch *match)
{
  g_autoptr(CcMyers) myers = NULL;
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) windows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint kmax = (guint)(q->m * MAX_ERROR_RATE);
  guint kfar = (guint)(q->m * FAR_ERROR_RATE);
  guint radius = MAX (4 * q->m, 2048);
  guint from, to;
  gboolean ok = FALSE;

  if (kmax == 0 || q->m > self->n + kmax)
    return FALSE;
  /* A very long quote is matched approximately near its old place only
   * (the search costs its length / 64 per character scanned). */
  if ((guint64)(q->m / 64 + 1) * MIN (self->n, q->m + 2 * radius) > MAX_FUZZY_COST)
    return FALSE;

  myers = cc_myers_new (q->quote, q->m);

  /* Near the old place first, with the loosest threshold. */
  from = q->expected > radius ? q->expected - radius : 0;
  to = MIN (self->n, q->expected + q->m + radius);
  cc_myers_search (myers, self->chars, from, to, kmax, q->expected + q->m, MAX_CANDIDATES,
                   cands);
  ok = pick_fuzzy (self, q, cands, match);

  /* Then farther, with the threshold for far matches: where the edit put
   * new text (when the previous text is known, the passage can only have
   * gone there), or where a piece of the quote occurs unchanged. */
  if (!ok && kfar > 0 && (from > 0 || to < self->n))
    {
      g_array_set_size (cands, 0);
      guint64 span = self->n;

      if (fresh_windows (self, q->m + kfar, windows) ||
          filter_windows (self, q, kfar, windows))
        {
          span = 0;
          for (guint i = 0; i + 1 < windows->len; i += 2)
            span += g_array_index (windows, guint, i + 1) - g_array_index (windows, guint, i);
        }
      else
        {
          guint all[] = { 0, self->n };
          g_array_set_size (windows, 0);
          g_array_append_vals (windows, all, 2);
        }
      if ((guint64)(q->m / 64 + 1) * span <= MAX_FUZZY_COST)
        for (guint i = 0; i + 1 < windows->len; i += 2)
          cc_myers_search (myers, self->chars, g_array_index (windows, guint, i),
                           g_array_index (windows, guint, i + 1), kfar, q->expected + q->m,
                           MAX_CANDIDATES, cands);
      ok = pick_fuzzy (self, q, cands, match);
    }

  return ok;
}

/* The quote edited in place, read from the diff: its two ends survived the
 * edit and most of its characters are in runs common to both texts. Cheap
 * for any length. Only when the selector's range is the quote in the
 * previous text (an orphan's range may come from an older one). */
static gboolean
resolve_by_diff (CcAnchorText  *self,
                 const Query   *q,
                 guint          new_start,
                 guint          new_end,
                 CcAnchorMatch *match)
{
  guint lo = 0, hi, kept = 0, errors;
  guint new_len = new_end - new_start;

  if (self->blocks == NULL || new_end <= new_start || q->old_end > self->old_n ||
      q->old_end - q->old_start != q->m ||
      memcmp (self->old_chars + q->old_start, q->quote, q->m * sizeof (gunichar)) != 0)
    return FALSE;

  hi = self->blocks->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const CcAnchorBlock *b = &g_array_index (self->blocks, CcAnchorBlock, mid);

      if (b->old_start + b->len <= q->old_start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k < self->blocks->len; k++)
    {
      const CcAnchorBlock *b = &g_array_index (self->blocks, CcAnchorBlock, k);
      guint s = MAX (q->old_start, b->old_start);
      guint e = MIN (q->old_end, b->old_start + b->len);

      if (b->old_start >= q->old_end)
        break;
      if (e > s)
        kept += e - s;
    }

  /* Characters removed from the quote, or added into it. */
  errors = MAX (q->m - kept, new_len > kept ? new_len - kept : 0);
  if (errors == 0 || errors > (guint)(q->m * MAX_ERROR_RATE))
    return FALSE;

  match->state = CC_ANCHOR_MOVED;
  match->method = CC_ANCHOR_METHOD_FUZZY;
  match->start = new_start;
  match->end = new_end;
  match->distance = errors;
  return TRUE;
}

void
cc_anchor_text_resolve (CcAnchorText           *self,
                        const CcAnchorSelector *selector,
                        CcAnchorMatch          *match)
{
  Query q = { 0 };
  guint mapped_start, mapped_end;
  gboolean start_ok, end_ok;

  g_return_if_fail (self != NULL);
  g_return_if_fail (selector != NULL);
  g_return_if_fail (match != NULL);

  match->state = CC_ANCHOR_ORPHANED;
  match->method = CC_ANCHOR_METHOD_NONE;
  match->start = selector->start;
  match->end = selector->end;
  match->distance = 0;

  if (selector->quote == NULL || *selector->quote == '\0')
    return;

  q.quote = decode (selector->quote, &q.m);
  q.prefix = decode (selector->prefix, &q.lp);
  q.suffix = decode (selector->suffix, &q.ls);
  /* Only the characters next to the quote matter. */
  if (q.lp > CC_ANCHOR_CONTEXT)
    {
      memmove (q.prefix, q.prefix + q.lp - CC_ANCHOR_CONTEXT, CC_ANCHOR_CONTEXT * sizeof (gunichar));
      q.lp = CC_ANCHOR_CONTEXT;
    }
  q.ls = MIN (q.ls, CC_ANCHOR_CONTEXT);

  /* 1. Position. */
  start_ok = map_offset (self, selector->start, TRUE, &mapped_start);
  end_ok = map_offset (self, selector->end, FALSE, &mapped_end);
  q.expected = mapped_start;
  q.old_start = selector->start;
  q.old_end = selector->end;
  if (start_ok && end_ok && mapped_end >= mapped_start && mapped_end - mapped_start == q.m &&
      equal_at (self, mapped_start, q.quote, q.m))
    {
      match->state = CC_ANCHOR_ANCHORED;
      match->method = CC_ANCHOR_METHOD_POSITION;
      match->start = mapped_start;
      match->end = mapped_end;
    }
  /* 2 and 3. The exact quote, once or with its context. 4. Approximate:
   * edited in place (from the diff), else by search. */
  else if (!resolve_exact (self, &q, match) &&
           !(start_ok && end_ok && resolve_by_diff (self, &q, mapped_start, mapped_end, match)))
    resolve_fuzzy (self, &q, match);

  g_free (q.quote);
  g_free (q.prefix);
  g_free (q.suffix);
}

static char *
ucs4_to_utf8 (const gunichar *chars,
              guint           len)
{
  char *s = g_ucs4_to_utf8 (chars, len, NULL, NULL, NULL);

  return s != NULL ? s : g_strdup ("");
}

gboolean
cc_anchor_text_describe (CcAnchorText  *self,
                         guint          start,
                         guint          end,
                         char         **quote,
                         char         **prefix,
                         char         **suffix)
{
  guint ps, se;

  g_return_val_if_fail (self != NULL, FALSE);

  if (start >= end || end > self->n)
    return FALSE;

  ps = start > CC_ANCHOR_CONTEXT ? start - CC_ANCHOR_CONTEXT : 0;
  se = MIN (self->n, end + CC_ANCHOR_CONTEXT);
  if (quote != NULL)
    *quote = ucs4_to_utf8 (self->chars + start, end - start);
  if (prefix != NULL)
    *prefix = ucs4_to_utf8 (self->chars + ps, start - ps);
  if (suffix != NULL)
    *suffix = ucs4_to_utf8 (self->chars + end, se - end);
  return TRUE;
}

gboolean
cc_anchor_describe (const char  *text,
                    guint        start,
                    guint        end,
                    char       **quote,
                    char       **prefix,
                    char       **suffix)
{
  const char *p_start, *p_end, *p_before, *p_after, *limit;
  guint ps;

  g_return_val_if_fail (text != NULL, FALSE);

  if (start >= end)
    return FALSE;

  limit = text + strlen (text);
  ps = start > CC_ANCHOR_CONTEXT ? start - CC_ANCHOR_CONTEXT : 0;

  /* Walk once, checking bounds, rather than trusting the offsets. */
  p_before = text;
  for (guint i = 0; i < ps; i++, p_before = g_utf8_next_char (p_before))
    if (p_before >= limit)
      return FALSE;
  p_start = p_before;
  for (guint i = ps; i < start; i++, p_start = g_utf8_next_char (p_start))
    if (p_start >= limit)
      return FALSE;
  p_end = p_start;
  for (guint i = start; i < end; i++, p_end = g_utf8_next_char (p_end))
    if (p_end >= limit)
      return FALSE;
  p_after = p_end;
  for (guint i = 0; i < CC_ANCHOR_CONTEXT && p_after < limit; i++)
    p_after = g_utf8_next_char (p_after);

  if (quote != NULL)
    *quote = g_strndup (p_start, p_end - p_start);
  if (prefix != NULL)
    *prefix = g_strndup (p_before, p_start - p_before);
  if (suffix != NULL)
    *suffix = g_strndup (p_end, p_after - p_end);
  return TRUE;
}
