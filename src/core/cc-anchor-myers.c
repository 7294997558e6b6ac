/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Approximate string matching: Myers' bit-vector algorithm, in blocks of 64
 * pattern characters (Hyyrö's extension), as in edlib: the edit distance of
 * a pattern to the best substring ending at each text position, in
 * O(n * ceil(m / 64)) word operations. */
#define G_LOG_DOMAIN "crosscheck-anchor"

#include "config.h"

#include "cc-anchor-private.h"

/* Ends of matches collected at most (before keeping the best). */
#define MAX_ENDS 2048

static inline guint
distance_between (guint a,
                  guint b)
{
  return a > b ? a - b : b - a;
}

typedef struct
{
  guint     m;
  guint     n_blocks;
  guint     last_bit;   /* bit of the pattern's last character in the last block */
  /* Peq: per distinct character of the pattern, one word per block. */
  gunichar *keys;       /* open addressing table of characters, 0 = empty slot */
  guint64  *peq;
  guint     table_mask;
  guint64  *zero;       /* Peq of a character absent from the pattern */
} Pattern;

static void
pattern_init (Pattern        *pat,
              const gunichar *p,
              guint           m,
              gboolean        reversed)
{
  guint size = 16;

  while (size < 2 * m)
    size <<= 1;
  pat->m = m;
  pat->n_blocks = (m + 63) / 64;
  pat->last_bit = (m - 1) % 64;
  pat->table_mask = size - 1;
  pat->keys = g_new0 (gunichar, size);
  pat->peq = g_new0 (guint64, (gsize)size * pat->n_blocks);
  pat->zero = g_new0 (guint64, pat->n_blocks);

  for (guint i = 0; i < m; i++)
    {
      /* Character 0 never occurs in normalised text; store it as 1 << 31. */
      gunichar c = reversed ? p[m - 1 - i] : p[i];
      gunichar key = c == 0 ? 0x80000000u : c;
      guint slot = (key * 2654435761u) & pat->table_mask;

      while (pat->keys[slot] != 0 && pat->keys[slot] != key)
        slot = (slot + 1) & pat->table_mask;
      pat->keys[slot] = key;
      pat->peq[(gsize)slot * pat->n_blocks + i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
    }
}

static void
pattern_clear (Pattern *pat)
{
  g_clear_pointer (&pat->keys, g_free);
  g_clear_pointer (&pat->peq, g_free);
  g_clear_pointer (&pat->zero, g_free);
}

static inline const guint64 *
pattern_peq (const Pattern *pat,
             gunichar       c)
{
  gunichar key = c == 0 ? 0x80000000u : c;
  guint slot = (key * 2654435761u) & pat->table_mask;

  while (pat->keys[slot] != 0)
    {
      if (pat->keys[slot] == key)
        return pat->peq + (gsize)slot * pat->n_blocks;
      slot = (slot + 1) & pat->table_mask;
    }
  return pat->zero;
}

/* One column of one block. @hin is the horizontal delta entering from above
 * (-1, 0, +1); returns the delta leaving at bit @out_bit. */
static inline int
advance_block (guint64 *pv,
               guint64 *mv,
               guint64  eq,
               int      hin,
               guint    out_bit)
{
  guint64 hin_neg = hin < 0 ? 1 : 0;
  guint64 xv = eq | *mv;
  guint64 xh, ph, mh;
  int hout;

  eq |= hin_neg;
  xh = (((eq & *pv) + *pv) ^ *pv) | eq;
  ph = *mv | ~(xh | *pv);
  mh = *pv & xh;
  hout = (int)((ph >> out_bit) & 1) - (int)((mh >> out_bit) & 1);
  ph <<= 1;
  mh <<= 1;
  mh |= hin_neg;
  ph |= hin > 0 ? 1 : 0;
  *pv = mh | ~(xv | ph);
  *mv = ph & xv;
  return hout;
}

/* Runs the pattern over @len characters read from @text at @origin, forward
 * (step 1) or backward (step -1). With @free_start the match may begin
 * anywhere (semi-global); otherwise it begins at @origin. Calls @visit with
 * the edit distance of the best match ending after each character. */
typedef gboolean (*ColumnFunc) (guint column, guint score, gpointer data);

static void
myers_scan (const Pattern  *pat,
            const gunichar *text,
            gssize          origin,
            guint           len,
            int             step,
            gboolean        free_start,
            ColumnFunc      visit,
            gpointer        data)
{
  g_autofree guint64 *pv = g_new (guint64, pat->n_blocks);
  g_autofree guint64 *mv = g_new0 (guint64, pat->n_blocks);
  guint score = pat->m;

  for (guint b = 0; b < pat->n_blocks; b++)
    pv[b] = G_MAXUINT64;

  for (guint j = 0; j < len; j++)
    {
      const guint64 *eq = pattern_peq (pat, text[origin + (gssize)step * j]);
      int carry = free_start ? 0 : 1;

      for (guint b = 0; b < pat->n_blocks; b++)
        {
          gboolean last = b + 1 == pat->n_blocks;

          carry = advance_block (&pv[b], &mv[b], eq[b], carry, last ? pat->last_bit : 63);
        }
      score += carry;
      if (!visit (j, score, data))
        break;
    }
}

typedef struct
{
  guint   kmax;
  guint   base;       /* text position of column 0 */
  GArray *ends;       /* CcAnchorCandidate */
  guint   run_best;   /* best score in the current run of columns <= kmax */
  guint   run_end;
  gboolean in_run;
} ForwardScan;


static void
forward_flush (ForwardScan *fs)
{
  if (fs->in_run && fs->ends->len < MAX_ENDS)
    {
      CcAnchorCandidate c = { 0, fs->run_end, fs->run_best };
      g_array_append_val (fs->ends, c);
    }
  fs->in_run = FALSE;
}

static gboolean
forward_visit (guint    column,
               guint    score,
               gpointer data)
{
  ForwardScan *fs = data;

  if (score <= fs->kmax)
    {
      if (!fs->in_run || score < fs->run_best)
        {
          fs->run_best = score;
          fs->run_end = fs->base + column + 1;
        }
      fs->in_run = TRUE;
    }
  else
    forward_flush (fs);
  return TRUE;
}

typedef struct
{
  guint target;
  guint best_len;
  guint best_score;
  guint m;
} BackwardScan;

static gboolean
backward_visit (guint    column,
                guint    score,
                gpointer data)
{
  BackwardScan *bs = data;
  guint len = column + 1;

  /* Among lengths giving the best score, prefer the one closest to m. */
  if (score < bs->best_score ||
      (score == bs->best_score &&
       distance_between (len, bs->m) < distance_between (bs->best_len, bs->m)))
    {
      bs->best_score = score;
      bs->best_len = len;
    }
  return len < bs->m + bs->target;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const CcAnchorCandidate *x = a, *y = b;
  guint expected = GPOINTER_TO_UINT (user_data);
  guint dx = distance_between (x->end, expected), dy = distance_between (y->end, expected);

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return dx < dy ? -1 : dx > dy;
}

void
cc_anchor_keep_best (GArray *cands,
                     guint   expected,
                     guint   max)
{
  if (cands->len <= max)
    return;
  g_array_sort_with_data (cands, compare_candidates, GUINT_TO_POINTER (expected));
  g_array_set_size (cands, max);
}

struct _CcMyers
{
  Pattern fwd;
  Pattern bwd;
};

CcMyers *
cc_myers_new (const gunichar *pattern,
              guint           m)
{
  CcMyers *self = g_new0 (CcMyers, 1);

  g_assert (m > 0);
  pattern_init (&self->fwd, pattern, m, FALSE);
  pattern_init (&self->bwd, pattern, m, TRUE);
  return self;
}

void
cc_myers_free (CcMyers *self)
{
  if (self == NULL)
    return;
  pattern_clear (&self->fwd);
  pattern_clear (&self->bwd);
  g_free (self);
}

void
cc_myers_search (CcMyers        *self,
                 const gunichar *text,
                 guint           from,
                 guint           to,
                 guint           kmax,
                 guint           near,
                 guint           max,
                 GArray         *out)
{
  ForwardScan fs = { kmax, from, NULL, 0, 0, FALSE };

  if (to <= from)
    return;

  /* Ends of the best matches, then for each the start that gives it. */
  fs.ends = g_array_new (FALSE, FALSE, sizeof (CcAnchorCandidate));
  myers_scan (&self->fwd, text, from, to - from, 1, TRUE, forward_visit, &fs);
  forward_flush (&fs);
  cc_anchor_keep_best (fs.ends, near, max);

  for (guint i = 0; i < fs.ends->len; i++)
    {
      CcAnchorCandidate c = g_array_index (fs.ends, CcAnchorCandidate, i);
      BackwardScan bs = { kmax, 0, G_MAXUINT, self->fwd.m };

      myers_scan (&self->bwd, text, (gssize)c.end - 1, MIN (c.end, self->fwd.m + kmax), -1, FALSE,
                  backward_visit, &bs);
      if (bs.best_score > kmax || bs.best_len == 0)
        continue;
      c.start = c.end - bs.best_len;
      c.distance = bs.best_score;
      g_array_append_val (out, c);
    }
  g_array_unref (fs.ends);
}
