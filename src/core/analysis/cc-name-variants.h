/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-part-compare.h"
#include "cc-statement.h"

G_BEGIN_DECLS

/* Spelling variants of one name across a story: the fourth stage of the
 * disagreement engine, next to the statement-by-statement comparison,
 * because a name is spelt the same way wherever a document uses it.
 *
 * Two name tokens are variants when cc_part_spelling_variants() holds and
 * they stand next to the same other name token somewhere in the story
 * ("Tigist Assefa" and "Tigst Assefa"). Each pair of documents where one
 * writes only one spelling and the other only the other gives a naming
 * disagreement, quoted at the first place each document uses its spelling
 * (a document that writes both contradicts itself and is left out).
 * Candidates come from an index of one- and two-letter deletions, with
 * bounded buckets: linear in the number of distinct tokens. */

#define CC_NAME_VARIANTS_MAX_BUCKET 32
#define CC_NAME_VARIANTS_MAX_ROWS 1000

/* Appends CcPartDisagreement to @out for @statements (every document of
 * the story, in document order). */
void cc_name_variants_find (GPtrArray *statements,
                            GArray    *out);

G_END_DECLS
