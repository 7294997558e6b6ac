/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cc-claims.h"
#include "cc-store.h"
#include "cc-verdict.h"

G_BEGIN_DECLS

/* Disagreements across a library. Claims are blocked by what they are
 * about (benchmark, dated event, or the words next to the value; subject and
 * objects for states) with an inverted index, so only claims that share a
 * block are compared: no loop over all document pairs. */

typedef struct
{
  char      *subject;     /* of the two claims; the bound one when they differ */
  char      *attribute;
  CcClaim   *a;           /* from the document listed first */
  CcClaim   *b;
  CcVerdict  verdict;     /* CC_VERDICT_CONFLICT or CC_VERDICT_APPROXIMATE */
} CcConflict;

/* A row of the facts matrix: claims of several documents about the same
 * subject and attribute (linked by cc_verdict_comparable()). */
typedef struct
{
  char      *key;         /* stable: for notes on the fact (conflict_notes.key) */
  char      *subject;
  char      *attribute;
  GPtrArray *claims;      /* CcClaim, in document order */
  CcVerdict  worst;       /* AGREE, APPROXIMATE or CONFLICT; UNRELATED for one claim */
} CcFact;

typedef struct
{
  GPtrArray *claims;      /* every claim, CcClaim */
  GPtrArray *conflicts;   /* CcConflict, by document pair then position */
  GPtrArray *facts;       /* CcFact, the ones with claims from 2+ documents first */
  guint      comparisons; /* claim pairs compared (for the benchmark) */
  double     pairing_seconds; /* time spent finding the comparable pairs (for the benchmark) */
} CcConflictReport;

void              cc_conflict_free            (CcConflict       *conflict);
void              cc_fact_free                (CcFact           *fact);
void              cc_conflict_report_free     (CcConflictReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcConflictReport, cc_conflict_report_free)

/* Conflicts among @claim_sets: a GPtrArray with one GPtrArray of CcClaim per
 * document (cc_claims_extract()). Unifies benchmark names on the claims.
 * Returns NULL with @error set only when cancelled. */
CcConflictReport *cc_conflicts_find           (GPtrArray        *claim_sets,
                                               GCancellable     *cancellable,
                                               GError          **error);
/* The same result by comparing every claim of every pair of documents: the
 * baseline for tests and benchmarks. */
CcConflictReport *cc_conflicts_find_naive     (GPtrArray        *claim_sets,
                                               GCancellable     *cancellable,
                                               GError          **error);

/* The conflicts of the library's @documents (CcDocument; NULL for all). */
CcConflictReport *cc_conflicts_for_store      (CcStore          *store,
                                               GPtrArray        *documents,
                                               GCancellable     *cancellable,
                                               GError          **error);
/* The same in a worker thread, on a connection of its own to the library
 * file of @store: safe to call from the main thread of the UI. */
void              cc_conflicts_for_store_async  (CcStore             *store,
                                                 GPtrArray           *documents,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
CcConflictReport *cc_conflicts_for_store_finish (CcStore             *store,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
