/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-part-compare.h"
#include "cc-statement.h"

G_BEGIN_DECLS

/* "First ... in/since" claims contradicted by an earlier event: a stage of
 * the disagreement engine of its own.
 *
 * - A first-claim: "X, its first major new model in a year", "the first
 *   record rise since 2019": the kind noun (the head of the noun phrase
 *   after "first": "model"), the period ("in a year", "since 2019") made a
 *   window on the calendar that ends at the claim's own date (the date its
 *   sentence gives, else the story's date: the full date most documents
 *   give), and the item the claim is about (the appositive head X, which
 *   the window leaves out).
 * - A dated event: an event word of general English (release, launch,
 *   ship, unveil, debut ...) with a named item and a date: "the Y launch
 *   in early 2026", "released Y in March 2025", or a time relative to the
 *   story's date, "three days after releasing Y".
 * - The item's kind, from the story's own words: "models like Y", "Y, the
 *   company's flagship model", "shipping Y as open-weight models", "the Y
 *   model", "Y is a model".
 *
 * An event of the claim's kind, of another item, dated inside the claim's
 * window and before the claim's date, in another document: a `date`
 * disagreement; the values are the period and the event's date. A
 * document that states both sides reports nothing.
 *
 * Linear: each sentence is read once; events are indexed by kind noun in a
 * hash table, and the events and claims of one kind are bounded. */

/* At most this many events (or claims) of one kind are kept: more is a
 * list or a table, not a news report of firsts. */
#define CC_CLAIM_FIRSTS_MAX_PER_KIND 64

/* Appends the disagreements found to @out (CcPartDisagreement). @dates (one
 * a text, or NULL; an invalid GDate is no date) are the documents' own
 * dates, used when the texts give no date of the story. Strings of the rows
 * are interned in @lexicon. */
void cc_claim_firsts_find (GPtrArray          *statements,
                           const char * const *texts,
                           const GDate        *dates,
                           guint               n_texts,
                           CcLexicon          *lexicon,
                           GArray             *out);

G_END_DECLS
