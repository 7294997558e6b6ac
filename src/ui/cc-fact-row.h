/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cc-conflicts.h"

G_BEGIN_DECLS

#define CC_TYPE_FACT_ROW (cc_fact_row_get_type ())
G_DECLARE_FINAL_TYPE (CcFactRow, cc_fact_row, CC, FACT_ROW, GObject)

/* One row of the Facts view: a fact (subject + attribute) and the claims
 * the documents state about it, with the verdict of each claim against the
 * others and the reader's note on it.
 *
 * Property "note" (string, nullable, notified). */

/* Takes references to the claims of @fact; @fact itself is not kept. */
CcFactRow   *cc_fact_row_new              (const CcFact *fact);
const char  *cc_fact_row_get_key          (CcFactRow    *self);
const char  *cc_fact_row_get_subject      (CcFactRow    *self);
const char  *cc_fact_row_get_attribute    (CcFactRow    *self);
CcVerdict    cc_fact_row_get_verdict      (CcFactRow    *self);
guint        cc_fact_row_get_n_documents  (CcFactRow    *self);
/* The claims of the document with @document_id (a new GPtrArray of
 * borrowed CcClaim, possibly empty). */
GPtrArray   *cc_fact_row_get_claims_for   (CcFactRow    *self,
                                           gint64        document_id);
/* The worst verdict of @claim (one of this row's) against the claims of the
 * other documents: AGREE, APPROXIMATE or CONFLICT; UNRELATED when alone. */
CcVerdict    cc_fact_row_get_claim_verdict (CcFactRow    *self,
                                            const CcClaim *claim);
/* TRUE when the subject, the attribute or a value contains @folded
 * (casefolded text). */
gboolean     cc_fact_row_matches          (CcFactRow    *self,
                                           const char   *folded);
const char  *cc_fact_row_get_note         (CcFactRow    *self);
void         cc_fact_row_set_note         (CcFactRow    *self,
                                           const char   *note);

G_END_DECLS
