/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cc-store.h"
#include "cc-sentences.h"

G_BEGIN_DECLS

/* Alignment of two documents' sentences by content, not position: each
 * sentence is a TF-IDF vector of stemmed words (libstemmer), entities and
 * values; sentences of B are put in an inverted index and every sentence of
 * A is scored against the sentences sharing a term with it (cosine). Pairs
 * are then chosen one-to-one, best first, so the two articles may order
 * their material differently. An aligned pair is "same" or, when the values
 * it states disagree, "differs"; the rest is "unmatched" on one side. */

typedef enum
{
  CC_ALIGN_SAME,
  CC_ALIGN_DIFFERS,
  CC_ALIGN_UNMATCHED,
} CcAlignStatus;

typedef struct
{
  int            a_start;     /* sentence of A (character offsets), -1 when unmatched in A */
  int            a_end;
  int            b_start;     /* sentence of B, -1 when unmatched in B */
  int            b_end;
  double         similarity;  /* cosine, 0..1 */
  CcAlignStatus  status;
  char          *detail;      /* "58% / 50.2%; ..." for differs, "only in A" / "only in B" */
  GArray        *a_marks;     /* CcSpan: the differing values in A */
  GArray        *b_marks;     /* CcSpan: the differing values in B */
} CcAlignPair;

/* Sentences at least this similar are aligned. */
#define CC_ALIGN_MIN_SIMILARITY 0.22

void          cc_align_pair_free           (CcAlignPair   *pair);
const char   *cc_align_status_to_string    (CcAlignStatus  status); /* "same", "differs", "unmatched" */

/* Aligns @text_a and @text_b. @mentions_a / @mentions_b are their entity
 * mentions (NULL to extract them). Returns a GPtrArray of CcAlignPair:
 * pairs and sentences only in A by position in A, then sentences only in B
 * by position in B; NULL with @error set only when cancelled. */
GPtrArray    *cc_align_texts               (const char    *text_a,
                                            GPtrArray     *mentions_a,
                                            const char    *text_b,
                                            GPtrArray     *mentions_b,
                                            GCancellable  *cancellable,
                                            GError       **error);
/* The same, scoring every sentence pair (the baseline for benchmarks). */
GPtrArray    *cc_align_texts_naive         (const char    *text_a,
                                            GPtrArray     *mentions_a,
                                            const char    *text_b,
                                            GPtrArray     *mentions_b,
                                            GCancellable  *cancellable,
                                            GError       **error);
/* Two library documents, with their cached mentions. */
GPtrArray    *cc_align_documents           (CcStore       *store,
                                            CcDocument    *a,
                                            CcDocument    *b,
                                            GCancellable  *cancellable,
                                            GError       **error);
/* The same in a worker thread on its own connection to the library. */
void          cc_align_documents_async     (CcStore             *store,
                                            CcDocument          *a,
                                            CcDocument          *b,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray    *cc_align_documents_finish    (CcStore             *store,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
