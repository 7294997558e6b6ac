/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-statement.h"

G_BEGIN_DECLS

/* Lining up: the second stage of the disagreement engine.
 *
 * Finds the statements of different documents that report the same fact,
 * by what they say and never by where they stand: the cosine of their
 * content terms weighted by inverse document frequency over all the
 * statements of the story (so shared names and rare words count, "said"
 * and "year" hardly). Candidates come from an inverted index over the terms
 * rare enough to say something (at most CC_LINEUP_MAX_POSTINGS statements
 * carry them), and each statement keeps its best CC_LINEUP_PER_DOCUMENT
 * partners in each other document: the work grows linearly with the number
 * of statements. */

#define CC_LINEUP_MAX_POSTINGS 48
#define CC_LINEUP_PER_DOCUMENT 4
#define CC_LINEUP_MIN_SIMILARITY 0.2

typedef struct
{
  guint  a;           /* statement indices (a < b), in different documents */
  guint  b;
  double similarity;  /* 0..1 */
} CcLineupPair;

typedef struct
{
  GArray *pairs;      /* CcLineupPair, by a then b */
  guint64 work;       /* postings visited: for tests of linear growth */
} CcLineup;

void      cc_lineup_free (CcLineup  *lineup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcLineup, cc_lineup_free)

/* Lines up @statements (CcStatement, every document of the story, each
 * with its index set to its position in the array). */
CcLineup *cc_lineup_find (GPtrArray *statements);

G_END_DECLS
