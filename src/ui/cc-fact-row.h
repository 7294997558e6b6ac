/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cc-sentences.h"
#include "cc-verdict.h"

G_BEGIN_DECLS

#define CC_TYPE_FACT_ROW (cc_fact_row_get_type ())
G_DECLARE_FINAL_TYPE (CcFactRow, cc_fact_row, CC, FACT_ROW, GObject)

/* One row of the Facts view: a group of statements of different documents
 * that the disagreement engine lined up as reporting the same fact, each
 * document's own wording (its quotes) with the parts that differ (or, in a
 * row where the sources agree, the values they agree on) marked, the kind
 * of disagreement, and the reader's note on it.
 *
 * Property "note" (string, nullable, notified). */

/* One document's wording in a row. */
typedef struct
{
  gint64  document_id;
  guint   start;     /* the sentence: character offsets into the document */
  guint   end;
  char   *text;      /* the sentence as written */
  GArray *marks;     /* CcSpan: the parts marked, offsets into the document,
                      * inside start..end, in order, not overlapping */
} CcFactQuote;

/* @kind: "numeric", "date", "naming", "claim" for a disagreement, "" for
 * facts the sources agree on; @verdict: CC_VERDICT_CONFLICT or
 * CC_VERDICT_AGREE. */
CcFactRow   *cc_fact_row_new              (const char   *key,
                                           const char   *subject,
                                           const char   *attribute,
                                           const char   *kind,
                                           CcVerdict     verdict);
/* Adds @document_id's sentence (@text, from @start to @end) if the row
 * does not hold it yet, and marks @mark_start..@mark_end in it (ignored
 * when empty or outside it). Returns the quote. Only while building. */
const CcFactQuote *cc_fact_row_add_quote  (CcFactRow    *self,
                                           gint64        document_id,
                                           guint         start,
                                           guint         end,
                                           const char   *text,
                                           guint         mark_start,
                                           guint         mark_end);
const char  *cc_fact_row_get_key          (CcFactRow    *self);
const char  *cc_fact_row_get_subject      (CcFactRow    *self);
const char  *cc_fact_row_get_attribute    (CcFactRow    *self);
const char  *cc_fact_row_get_kind         (CcFactRow    *self);
/* What people call a kind of disagreement ("numeric": "Figure", "date",
 * "naming", "claim"), translated; NULL for "" (facts agreed on). */
const char  *cc_fact_row_kind_label       (const char   *kind);
/* The heading of the row: its subject, or when it has none a phrase from
 * the row itself: the kind and what is compared ("Figure (km)"), what is
 * compared ("Seats"), the kind ("Date"), else the first value a source
 * gives; never empty while the row has a quote. */
char        *cc_fact_row_dup_title        (CcFactRow    *self);
CcVerdict    cc_fact_row_get_verdict      (CcFactRow    *self);
guint        cc_fact_row_get_n_documents  (CcFactRow    *self);
/* The quotes of the document with @document_id (a new GPtrArray of
 * borrowed CcFactQuote, possibly empty), in text order. */
GPtrArray   *cc_fact_row_get_quotes_for   (CcFactRow    *self,
                                           gint64        document_id);
/* @quote's text as Pango markup, escaped, its marks in <span>s of the
 * given @attributes ("weight='bold' underline='single'"); with @max_chars
 * (0: no limit) a window of that many characters around the marks, with
 * "…" where it is cut. */
char        *cc_fact_quote_to_markup      (const CcFactQuote *quote,
                                           const char        *attributes,
                                           guint              max_chars);
/* The marked parts of @quote as written, joined with " · ". */
char        *cc_fact_quote_dup_values     (const CcFactQuote *quote);
/* TRUE when the subject, the attribute, a quote or the note contains
 * @folded (casefolded text). */
gboolean     cc_fact_row_matches          (CcFactRow    *self,
                                           const char   *folded);
const char  *cc_fact_row_get_note         (CcFactRow    *self);
void         cc_fact_row_set_note         (CcFactRow    *self,
                                           const char   *note);

G_END_DECLS
