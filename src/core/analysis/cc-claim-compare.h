/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-lineup.h"
#include "cc-part-compare.h"
#include "cc-statement.h"

G_BEGIN_DECLS

/* Claims, names, places and quotes: the comparisons of the disagreement
 * engine that read the words of the sentences themselves (the statements
 * keep offsets, terms, names and values; these rules need the function
 * words too: prepositions, modal verbs, quotation marks).
 *
 * - Places: a body of water named after a locative preposition ("splashed
 *   down in the Atlantic", "off the Gulf Coast") in two documents that
 *   speak of the same thing (their sentences share a content word), where
 *   neither document names the other's water anywhere: a claim about the
 *   place (attribute "place").
 * - Naming: the same name of a thing written with a word more in its
 *   middle ("X Y Index", "X Z Y Index"), where no document writes both;
 *   a longer form of a person's name (a middle name) is no disagreement.
 * - Quotes: the same quoted words, word for word, then a different content
 *   word in both quotations ("full of grins" and "full of friends"):
 *   quoted speech differs (attribute "quote").
 * - State: in lined-up sentences, modality ("plans to X" and "hopes to
 *   X": a commitment and a wish) and time ("will arrive in the coming
 *   weeks" and an undated present, "arrives").
 * - Qualifiers of a figure that agrees: the period ("3 billion daily" and
 *   "3 billion monthly") or the statistic ("an average of a million a
 *   day" and "a million a day at its peak").
 * - The runner-up: whoever a winner finished ahead of ("won ahead of X",
 *   "won by 3:27 from X"), with the places the statements give ("Y came
 *   in second"): two people in second place (attribute "name").
 * - A digit written wrong: large whole counts of one thing (a count of
 *   "times" counts what its verb does) one keystroke apart ("4,576 orbits",
 *   "orbited 45,676 times"), however far apart in size.
 * - An office: "President X" and "former President X" (or "the former
 *   president" after the one name of its sentence) in two documents
 *   (attribute "office").
 *
 * Every rule leaves out a document that states both sides, and gives at
 * most one row per pair of documents and pair of parts.
 *
 * Linear: one pass over the sentences (each read once), candidates from
 * the lineup's pairs or from bounded postings. */

/* Postings longer than this are too common to say that two sentences speak
 * of the same thing. */
#define CC_CLAIM_MAX_POSTINGS 48

void cc_claim_compare_find (GPtrArray          *statements,
                            const CcLineup     *lineup,
                            const char * const *texts,
                            guint               n_texts,
                            GArray             *out);

G_END_DECLS
