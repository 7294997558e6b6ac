/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-claims.h"

G_BEGIN_DECLS

/* Comparing two claims. Two claims are about the same fact when they come
 * from different documents, have the same kind of value and unit, name the
 * same benchmark (after cc_verdict_unify_benchmarks()) or share the words
 * next to the value, name compatible subjects (the same, or not both bound
 * to the value) and are about the same year. Their values then agree (the
 * same number), roughly agree (compatible under a qualifier such as "over"
 * or "about", or under rounding of the less precise value: "over $14
 * billion" and "$14.3 billion") or conflict. Values far apart (more than
 * twice as large) are taken for different facts, not a conflict. States
 * ("now available" vs "in the coming weeks") conflict when they differ. */

typedef enum
{
  CC_VERDICT_UNRELATED,
  CC_VERDICT_AGREE,
  CC_VERDICT_APPROXIMATE,
  CC_VERDICT_CONFLICT,
} CcVerdict;

/* "", "agree", "approximate", "conflict" */
const char *cc_verdict_to_string        (CcVerdict      verdict);

/* The verdict on two values of the same kind and unit (UNRELATED when the
 * kinds or units differ or the values are too far apart to be the same
 * fact). */
CcVerdict   cc_verdict_values           (const CcClaimValue *a,
                                         CcQualifier    qa,
                                         const CcClaimValue *b,
                                         CcQualifier    qb);
/* TRUE when @a and @b are about the same subject, attribute and period. */
gboolean    cc_verdict_comparable       (const CcClaim *a,
                                         const CcClaim *b);
/* The verdict on two claims: UNRELATED unless comparable. */
CcVerdict   cc_verdict_claims           (const CcClaim *a,
                                         const CcClaim *b);
/* How strongly the words around two values match (0 when they share no
 * word close to both values). */
double      cc_verdict_cue_score        (const CcClaim *a,
                                         const CcClaim *b);
/* Benchmarks called by different names ("X Index v4.0" and "X Analysis
 * Index v4.0", "Humanity's Last Exam" and "HLE"): rewrites the keys of the
 * benchmark claims in @claims (a GPtrArray of CcClaim) so that names of the
 * same benchmark share one key. Call once over all claims to be compared. */
void        cc_verdict_unify_benchmarks (GPtrArray     *claims);

/* The smallest weight a shared word must have on both sides (it stands at
 * most two content words from each value). */
#define CC_VERDICT_MIN_CUE_WEIGHT 0.3f

G_END_DECLS
