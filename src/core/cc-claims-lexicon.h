/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-claims.h"
#include "cc-wordstem.h"

G_BEGIN_DECLS

/* General English lexical knowledge used by the claim extractor: qualifier
 * phrases, number words, scale words, currencies, measure units, attribute
 * word classes, event words and the markers of done / future states.
 * Private to src/core. */

/* The qualifier that ends @before (lower-cased text just before a value), or
 * CC_QUALIFIER_NONE. Sets @len to the length in bytes of the phrase. */
CcQualifier  cc_lexicon_qualifier_before   (const char  *before,
                                            gsize       *len);
/* Value of a number word ("one" -> 1, "dozen" -> 12, "a" -> 1), or -1. */
double       cc_lexicon_number_word        (const char  *word);
/* Value of a scale word ("thousand", "million", "bn", "k"), or 0. */
double       cc_lexicon_scale_word         (const char  *word);
/* ISO code of a currency symbol or word ("$", "€", "euros", "usd"), or NULL. */
const char  *cc_lexicon_currency           (const char  *word);
/* Canonical measure unit of a unit word ("kilometres" -> "km", "mw" -> "MW",
 * "years" -> "year"), or NULL. */
const char  *cc_lexicon_unit               (const char  *word);
/* The attribute class of a stem ("=deal" for "acquir", "bet", "stake"), or
 * NULL. */
const char  *cc_lexicon_class              (CcWordStem  *stemmer,
                                            const char  *stem);
/* The event class of a stem ("launch" for "unveil", "releas"), or NULL. */
const char  *cc_lexicon_event              (CcWordStem  *stemmer,
                                            const char  *stem);
/* TRUE for words too generic to name an attribute ("number", "time"). */
gboolean     cc_lexicon_is_generic         (const char  *stem);
/* TRUE for words standing for "the others" ("competitors", "rivals"). */
gboolean     cc_lexicon_is_group           (const char  *stem);
/* TRUE for words that start a sentence about an earlier subject ("it",
 * "he", "this", "the company"). */
gboolean     cc_lexicon_is_anaphor         (const char  *word);
/* Done / future state of a lower-cased sentence about deployment or
 * availability; CC_CLAIM_STATE_UNKNOWN when neither or both. */
CcClaimState      cc_lexicon_state              (CcWordStem  *stemmer,
                                            const char  *lower_sentence,
                                            GArray      *words,
                                            guint        first_word,
                                            guint        n_words);

G_END_DECLS
