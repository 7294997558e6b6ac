/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A run of characters the previous and the new text have in common. */
typedef struct
{
  guint old_start;
  guint new_start;
  guint len;
} CcAnchorBlock;

/* Common blocks of two texts, in order in both (a greedy alignment: common
 * head and tail, then maximal runs grown from content-sampled grams that
 * occur once in the new text). Linear in the texts' length. */
GArray   *cc_anchor_diff        (const gunichar *old_chars,
                                 guint           old_n,
                                 const gunichar *new_chars,
                                 guint           new_n);
/* Maps an offset of the old text through @blocks. FALSE when it lies in an
 * edited part; *mapped is then a guess between the neighbouring blocks. At
 * a block boundary a start goes to the following block, an end to the
 * preceding one. */
gboolean  cc_anchor_blocks_map  (GArray         *blocks,
                                 guint           offset,
                                 gboolean        is_start,
                                 guint           new_n,
                                 guint          *mapped);

/* An approximate match: [start, end) with @distance edits. */
typedef struct
{
  guint start;
  guint end;
  guint distance;
} CcAnchorCandidate;

/* Approximate matching of one pattern (Myers' bit-vector algorithm). */
typedef struct _CcMyers CcMyers;

CcMyers  *cc_myers_new          (const gunichar *pattern,
                                 guint           m);
void      cc_myers_free         (CcMyers        *self);
/* Appends to @out (CcAnchorCandidate) the best matches with at most @kmax
 * edits in text[from, to): one per run of good ends, at most @max of them,
 * fewest edits first, then nearest to @near. */
void      cc_myers_search       (CcMyers        *self,
                                 const gunichar *text,
                                 guint           from,
                                 guint           to,
                                 guint           kmax,
                                 guint           near,
                                 guint           max,
                                 GArray         *out);
/* Keeps the best @max candidates: fewest edits, then end nearest @near. */
void      cc_anchor_keep_best   (GArray         *candidates,
                                 guint           near,
                                 guint           max);

/* Levenshtein distance, O(la * lb): for contexts and short quotes. */
guint     cc_anchor_levenshtein  (const gunichar *a,
                                  guint           la,
                                  const gunichar *b,
                                  guint           lb);
/* The runs of digits of @a and @b are the same, in order. */
gboolean  cc_anchor_same_numbers (const gunichar *a,
                                  guint           la,
                                  const gunichar *b,
                                  guint           lb);
/* No capitalised word of one is missing from the other while another one
 * came in its place (a name swapped for another). */
gboolean  cc_anchor_same_names   (const gunichar *a,
                                  guint           la,
                                  const gunichar *b,
                                  guint           lb);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcMyers, cc_myers_free)

G_END_DECLS
