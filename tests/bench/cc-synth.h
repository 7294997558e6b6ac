/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deterministic synthetic news articles for benchmarks. Articles come in
 * stories: every article of one story reports the same facts (an
 * organisation launches a product: its price, a deal's size, a benchmark
 * score, a share, a date, a head count), and some articles report some facts
 * differently, as real outlets do. The same (seed, index) always gives the
 * same text. Texts are about @target_bytes long (5,000 gives ~50 MB for
 * 10,000 articles). */
char  *cc_synth_article       (guint32 seed,
                               guint   index,
                               guint   n_stories,
                               gsize   target_bytes);
/* Writes @count articles as seed-index.txt files into @dir; returns the bytes
 * written. */
gsize  cc_synth_write_corpus  (const char *dir,
                               guint32     seed,
                               guint       count,
                               guint       n_stories,
                               gsize       target_bytes);
/* Peak resident set size of this process in bytes (VmHWM), 0 if unknown. */
gsize  cc_synth_peak_rss      (void);

G_END_DECLS
