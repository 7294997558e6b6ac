/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A figure stated in a text, normalised so that figures from different
 * sources can be compared.
 *
 * Normalised string forms (cc_value_to_string()), also stored as the value
 * of entity mentions:
 *   MONEY     "USD 14300000000"          currency ISO code, amount in units
 *   PERCENT   "87.5%"
 *   DATE      "2026-04-08", "2026-04", "2026", or a range "2026-01/2026-04"
 *             ("early 2026" = first four months, "mid-2026" = 2026-05/2026-08,
 *             "late 2026" = 2026-09/2026-12, "Q1 2026" = 2026-01/2026-03,
 *             "2027-28" = 2027/2028); a month without a year is "XXXX-04",
 *             a weekday alone "W-MON"
 *   QUANTITY  "1200000000 downloads"     count, then the unit as written
 *   SCORE     "87.5"
 */
typedef enum
{
  CC_VALUE_NONE,
  CC_VALUE_MONEY,
  CC_VALUE_PERCENT,
  CC_VALUE_DATE,
  CC_VALUE_QUANTITY,
  CC_VALUE_SCORE,
} CcValueKind;

/* How a figure was hedged where it stands ("over $14 billion"). */
typedef enum
{
  CC_VALUE_EXACT,
  CC_VALUE_APPROX,    /* about, around, roughly, nearly, almost, some, ~ */
  CC_VALUE_AT_LEAST,  /* over, more than, at least, above, exceeding */
  CC_VALUE_AT_MOST,   /* under, less than, up to, below, at most */
} CcValueQualifier;

typedef struct
{
  CcValueKind       kind;
  double            number;     /* amount, percent, count or score; for a DATE the
                                 * Julian day of its first day */
  double            low;        /* range covered: equal to number unless a range */
  double            high;       /* (DATE: Julian days of first and last day) */
  double            precision;  /* step of the last written digit: "14.3 billion" -> 1e8 */
  char             *unit;       /* QUANTITY unit ("downloads"), NULL otherwise */
  char             *currency;   /* MONEY: ISO 4217 code, "USD" */
  CcValueQualifier  qualifier;
} CcValue;

typedef enum
{
  CC_VALUE_MATCH_INCOMPARABLE,  /* different kinds, currencies or units */
  CC_VALUE_MATCH_SAME,          /* equal, or one range holds the other */
  CC_VALUE_MATCH_CLOSE,         /* equal after rounding, or consistent with a hedge */
  CC_VALUE_MATCH_DIFFERENT,
} CcValueMatch;

void          cc_value_free              (CcValue          *value);
CcValue      *cc_value_copy              (const CcValue    *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcValue, cc_value_free)

/* Parses a figure as written ("$14.3 billion", "€62m", "87.5 percent",
 * "April 8, 2026", "early 2026", "1.2 billion downloads", "42.8"), optionally
 * with a leading hedge ("over", "about"). @kind may be CC_VALUE_NONE to guess.
 * Returns NULL if @text is not such a figure. */
CcValue      *cc_value_parse             (const char       *text,
                                          CcValueKind       kind);
/* Parses the normalised form written by cc_value_to_string(). */
CcValue      *cc_value_parse_normalized  (CcValueKind       kind,
                                          const char       *normalized);
char         *cc_value_to_string         (const CcValue    *value);
/* Parses a leading hedge word ("over", "more than"...) of @text; returns
 * the number of bytes it takes (0 if none). */
gsize         cc_value_parse_qualifier   (const char       *text,
                                          CcValueQualifier *qualifier);
CcValueMatch  cc_value_compare           (const CcValue    *a,
                                          const CcValue    *b);
const char   *cc_value_kind_to_string    (CcValueKind       kind);

/* Helpers shared with the extractor. */
/* 1-12 for a month name or abbreviation ("April", "Apr", "Sept"), else 0. */
guint         cc_value_month_from_word   (const char       *word,
                                          gsize             len);
/* 1-7 (Monday = 1) for a weekday name, else 0. */
guint         cc_value_weekday_from_word (const char       *word,
                                          gsize             len);
/* The multiplier of a scale word ("million", "bn", "m", "k"), or 0. */
double        cc_value_scale_from_word   (const char       *word,
                                          gsize             len);
/* The value of a spelled-out number word ("three", "twenty", "dozen"), or -1. */
double        cc_value_number_word       (const char       *word,
                                          gsize             len);

G_END_DECLS
