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

G_END_DECLS
