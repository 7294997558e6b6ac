/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-anchor"

#include "config.h"

#include <string.h>

#include "cc-anchor-private.h"

/* Grams of this many characters seed the common runs; one in SAMPLE of them
 * (chosen by content, so both texts pick the same ones) is indexed. */
#define SEED 32
#define SAMPLE 8
#define BASE G_GUINT64_CONSTANT (1099511628211)

static guint64
hash_gram (const gunichar *p)
{
  guint64 h = 0;

  for (guint i = 0; i < SEED; i++)
    h = h * BASE + p[i] + 1;
  return h;
}

static inline gboolean
sampled (guint64 h)
{
  return ((h >> 29) % SAMPLE) == 0;
}

static void
add_block (GArray *blocks,
           guint   old_start,
           guint   new_start,
           guint   len)
{
  CcAnchorBlock b = { old_start, new_start, len };

  if (len > 0)
    g_array_append_val (blocks, b);
}

/* Grams of text[lo, hi) (every one, or a content-chosen sample): hash ->
 * position + 1, or G_MAXUINT when the gram occurs more than once. */
static GHashTable *
collect_grams (const gunichar *text,
               guint           lo,
               guint           hi,
               gboolean        every)
{
  GHashTable *grams = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint64 top = 1, h;

  if (hi - lo < SEED)
    return grams;

  for (guint k = 1; k < SEED; k++)
    top *= BASE;
  h = hash_gram (text + lo);
  for (guint j = lo; ; j++)
    {
      if (every || sampled (h))
        {
          guint value = g_hash_table_contains (grams, &h) ? G_MAXUINT : j + 1;
          g_hash_table_insert (grams, g_memdup2 (&h, sizeof h), GUINT_TO_POINTER (value));
        }
      if (j + SEED >= hi)
        break;
      h = (h - (text[j] + 1) * top) * BASE + text[j + SEED] + 1;
    }
  return grams;
}

typedef struct
{
  guint old_pos;
  guint new_pos;
} Pair;

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *x = a, *y = b;

  return x->old_pos < y->old_pos ? -1 : x->old_pos > y->old_pos;
}

/* The longest chain of pairs increasing in both texts (patience sorting). */
static GArray *
longest_chain (GArray *pairs)
{
  guint n = pairs->len, len = 0;
  g_autofree guint *tails = g_new (guint, n + 1);  /* index of the chain end per length */
  g_autofree guint *prev = g_new (guint, n + 1);
  GArray *chain = g_array_new (FALSE, FALSE, sizeof (Pair));

  for (guint i = 0; i < n; i++)
    {
      guint j = g_array_index (pairs, Pair, i).new_pos;
      guint lo = 0, hi = len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (pairs, Pair, tails[mid]).new_pos < j)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = i;
      if (lo == len)
        len++;
    }

  g_array_set_size (chain, len);
  for (guint k = len, i = len > 0 ? tails[len - 1] : G_MAXUINT; k > 0; k--, i = prev[i])
    g_array_index (chain, Pair, k - 1) = g_array_index (pairs, Pair, i);
  return chain;
}

typedef struct
{
  const gunichar *old;
  const gunichar *new;
  GArray         *blocks;
} Diff;

/* Aligns old[old_lo, old_hi) with new[new_lo, new_hi), appending common
 * runs in order: the common head and tail, and runs grown from grams that
 * occur once in each side (as in patience diff), recursing into the gaps
 * between them, where text repeated elsewhere can be unique. */
static void
align (Diff  *d,
       guint  old_lo,
       guint  old_hi,
       guint  new_lo,
       guint  new_hi,
       guint  depth)
{
  guint head = 0, tail = 0;
  guint limit = MIN (old_hi - old_lo, new_hi - new_lo);

  while (head < limit && d->old[old_lo + head] == d->new[new_lo + head])
    head++;
  while (tail < limit - head && d->old[old_hi - 1 - tail] == d->new[new_hi - 1 - tail])
    tail++;
  add_block (d->blocks, old_lo, new_lo, head);
  old_lo += head;
  new_lo += head;
  old_hi -= tail;
  new_hi -= tail;

  if (old_hi - old_lo >= SEED && new_hi - new_lo >= SEED && depth < 8)
    {
      gboolean every = MAX (old_hi - old_lo, new_hi - new_lo) <= 16384;
      g_autoptr(GHashTable) old_grams = collect_grams (d->old, old_lo, old_hi, every);
      g_autoptr(GHashTable) new_grams = collect_grams (d->new, new_lo, new_hi, every);
      g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
      g_autoptr(GArray) chain = NULL;
      GHashTableIter iter;
      gpointer key, value;
      guint last_old = old_lo, last_new = new_lo;

      g_hash_table_iter_init (&iter, old_grams);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint i = GPOINTER_TO_UINT (value);
          guint j = GPOINTER_TO_UINT (g_hash_table_lookup (new_grams, key));
          Pair pair = { i - 1, j - 1 };

          if (i == G_MAXUINT || j == 0 || j == G_MAXUINT ||
              memcmp (d->old + pair.old_pos, d->new + pair.new_pos, SEED * sizeof (gunichar)) != 0)
            continue;
          g_array_append_val (pairs, pair);
        }
      g_array_sort (pairs, compare_pairs);
      chain = longest_chain (pairs);

      for (guint k = 0; k < chain->len; k++)
        {
          Pair pair = g_array_index (chain, Pair, k);
          guint s_old = pair.old_pos, s_new = pair.new_pos;
          guint e_old = s_old + SEED, e_new = s_new + SEED;

          if (s_old < last_old || s_new < last_new)
            continue;
          while (s_old > last_old && s_new > last_new && d->old[s_old - 1] == d->new[s_new - 1])
            {
              s_old--;
              s_new--;
            }
          while (e_old < old_hi && e_new < new_hi && d->old[e_old] == d->new[e_new])
            {
              e_old++;
              e_new++;
            }
          align (d, last_old, s_old, last_new, s_new, depth + 1);
          add_block (d->blocks, s_old, s_new, e_old - s_old);
          last_old = e_old;
          last_new = e_new;
        }
      if (chain->len > 0)
        align (d, last_old, old_hi, last_new, new_hi, depth + 1);
    }

  add_block (d->blocks, old_hi, new_hi, tail);
}

GArray *
cc_anchor_diff (const gunichar *old_chars,
                guint           old_n,
                const gunichar *new_chars,
                guint           new_n)
{
  Diff d = { old_chars, new_chars, g_array_new (FALSE, FALSE, sizeof (CcAnchorBlock)) };

  align (&d, 0, old_n, 0, new_n, 0);
  return d.blocks;
}

gboolean
cc_anchor_blocks_map (GArray   *blocks,
                      guint     offset,
                      gboolean  is_start,
                      guint     new_n,
                      guint    *mapped)
{
  guint lo = 0, hi = blocks->len;
  const CcAnchorBlock *before = NULL, *after = NULL;

  /* The first block that ends at or after @offset. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const CcAnchorBlock *b = &g_array_index (blocks, CcAnchorBlock, mid);

      if (b->old_start + b->len < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint k = lo; k < blocks->len && k <= lo + 1; k++)
    {
      const CcAnchorBlock *b = &g_array_index (blocks, CcAnchorBlock, k);
      gboolean inside = offset >= b->old_start && offset <= b->old_start + b->len;

      if (!inside)
        continue;
      /* A start at a block's end belongs to the next block if it begins
       * there; an end at a block's start to the previous block. */
      if (is_start && offset == b->old_start + b->len && b->len > 0 && k + 1 < blocks->len &&
          g_array_index (blocks, CcAnchorBlock, k + 1).old_start == offset)
        continue;
      if (!is_start && offset == b->old_start && k > 0 &&
          g_array_index (blocks, CcAnchorBlock, k - 1).old_start +
          g_array_index (blocks, CcAnchorBlock, k - 1).len == offset)
        continue;
      *mapped = b->new_start + (offset - b->old_start);
      return TRUE;
    }

  /* In an edited part: a guess after the preceding block. */
  if (lo > 0)
    before = &g_array_index (blocks, CcAnchorBlock, lo - 1);
  if (lo < blocks->len)
    after = &g_array_index (blocks, CcAnchorBlock, lo);
  if (before != NULL)
    *mapped = before->new_start + before->len + (offset - before->old_start - before->len);
  else
    *mapped = offset;
  if (after != NULL)
    *mapped = MIN (*mapped, after->new_start);
  *mapped = MIN (*mapped, new_n);
  return FALSE;
}
