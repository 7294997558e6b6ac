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
 *   QUANTITY  "1200000000 downloads"     count, then the unit as written; a unit
 *             of measure is written as its symbol ("10 km", "2000 ft", "5 mph")
 *   SCORE     "87.5"
 *
 * Added with the values issue (the kinds above are unchanged):
 *   TIME        "T13:38 IST", "T22:01", "T01:05 ET": a time of day, 24-hour,
 *               with the zone as written (upper case) when one is given;
 *               number = minutes after midnight
 *   DURATION    ISO 8601: "PT2H0M35S", "P286D", "P9M", "P2W"; number =
 *               seconds (a month is 30.44 days, a year 365.25 days)
 *   AGE         "age 24": number = years
 *   TEMPERATURE "8 °C", "45 °F": number in the written scale, unit "°C"/"°F"
 *               (compared after conversion)
 *   ORDINAL     "#3" ("third", "3rd")
 *
 * Any numeric kind may be a range ("$115 to $135 billion", "7–8C",
 * "between nine and 10"): low < high, number = low, and the normalised form
 * joins both ends with "/": "USD 115000000000/135000000000",
 * "7/8 °C", "PT9M/PT10M".
 *
 * A relative DATE that cannot be resolved (no reference date) keeps its
 * offset: "R0D" today, "R-1D" yesterday, "R-1Y" last year, "R0Y" this year,
 * "R-1M" last month, "R-15Y" fifteen years ago, "R-1Y-12" last December,
 * "R~-10Y" nearly a decade ago (a hedge is kept as "~").
 *
 * MONEY written with a bare "$" in a text whose other figures are in some
 * other dollar (Australian, Canadian...) has currency "USD?": unknown, and
 * incomparable with any other currency.
 */
typedef enum
{
  CC_VALUE_NONE,
  CC_VALUE_MONEY,
  CC_VALUE_PERCENT,
  CC_VALUE_DATE,
  CC_VALUE_QUANTITY,
  CC_VALUE_SCORE,
  /* added by the values issue */
  CC_VALUE_TIME,
  CC_VALUE_DURATION,
  CC_VALUE_AGE,
  CC_VALUE_TEMPERATURE,
  CC_VALUE_ORDINAL,
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
/* As cc_value_parse(), with relative dates ("last year", "yesterday",
 * "15 years ago", "Tuesday") resolved against @reference (the article's
 * own date) when it is not NULL. */
CcValue      *cc_value_parse_dated       (const char       *text,
                                          CcValueKind       kind,
                                          const GDate      *reference);
/* As cc_value_parse_dated(), but a bare weekday ("Monday", "on Monday
 * morning") is the next such day on or after @reference when @ahead (the
 * sentence speaks of the future: "will return on Monday"), else the last
 * on or before it, as cc_value_parse_dated(). */
CcValue      *cc_value_parse_dated_tense (const char       *text,
                                          CcValueKind       kind,
                                          const GDate      *reference,
                                          gboolean          ahead);
/* Whether a weekday lies ahead by the tense of its sentence: @before is the
 * text of the sentence up to the weekday, @after the rest of it. The
 * nearest tense word before the weekday decides ("will", "is due to", "is
 * set to", "plans to" ahead; "said", "was" not); a weekday opening its
 * sentence ("On Monday, the ferry will ...") looks at the words after it. */
gboolean      cc_value_weekday_is_ahead  (const char       *before,
                                          gsize             before_len,
                                          const char       *after,
                                          gsize             after_len);
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
/* The value in plain words, for people: "$14.3 billion", "1.2 billion
 * downloads", "January to April 2026", "8 April 2026", "2:00:35",
 * "13:38 IST", "aged 24". */
char         *cc_value_to_display        (const CcValue    *value);
/* TRUE when @value is a range (low < high). */
gboolean      cc_value_is_range          (const CcValue    *value);

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
/* The value of an ordinal word ("third", "twenty-first", "3rd"), or 0. */
guint         cc_value_ordinal_word      (const char       *word,
                                          gsize             len);
/* A unit of measure ("km", "kilometres", "mph", "°C"): its symbol, or NULL. */
const char   *cc_value_unit_symbol       (const char       *word,
                                          gsize             len);
/* A time unit word ("seconds", "min", "hrs", "week", "decade"): its length in
 * seconds, or 0. */
double        cc_value_time_unit         (const char       *word,
                                          gsize             len);
/* A time zone abbreviation ("IST", "ET", "GMT", "UTC"): TRUE, with its
 * offset from UTC in minutes (@offset may be NULL); ambiguous ones such as
 * "ET" report the standard time offset and set @dst_ambiguous. */
gboolean      cc_value_zone              (const char       *word,
                                          gsize             len,
                                          int              *offset,
                                          gboolean         *dst_ambiguous);

G_END_DECLS
