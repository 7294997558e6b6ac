/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-values.h"

G_BEGIN_DECLS

/* Shared between the parts of the value parser (cc-values.c and
 * analysis/cc-values-*.c). */

/* A word, number or single symbol of a short figure string. */
typedef struct
{
  const char *p;
  gsize       len;
} CcValTok;

/* The bit of letter @c (either case) in a set of letters built with
 * CC_LETTER ('a') | CC_LETTER ('b')...; 0 for a character that is no ASCII
 * letter. A word list's first letters, tested with no call and no loop. */
#define CC_LETTER(c) (1u << ((c) - 'a'))
static inline guint32
cc_values_letter_bit (char c)
{
  guchar l = (guchar)c | 0x20;

  return l >= 'a' && l <= 'z' ? CC_LETTER (l) : 0;
}

/* The codes of the weekdays in normalised values, Monday first: "W-TUE",
 * "R>W-TUE" (cc-values.c). */
extern const char * const cc_values_weekday_codes[7];

GArray   *cc_values_tokenize       (const char   *text);
#define CC_VALTOK(toks, i) (&g_array_index ((toks), CcValTok, (i)))

gboolean  cc_values_word_eq        (const char   *word,
                                    gsize         len,
                                    const char   *lower);
gboolean  cc_values_tok_is         (GArray       *toks,
                                    guint         i,
                                    const char   *lower);
/* A number at token @i: digits ("1,234.5"), number words ("twenty-three",
 * "four hundred", "a", "half a"), with an optional scale word; returns the
 * token after it (0 if none), the number and the step of its last digit. */
guint     cc_values_read_number    (GArray       *toks,
                                    guint         i,
                                    double       *number,
                                    double       *step);
gboolean  cc_values_unit_scale     (const char   *symbol,
                                    const char  **dimension,
                                    double       *factor);

/* analysis/cc-values-time.c: fill @v and return TRUE when @toks is such a
 * figure. */
gboolean  cc_values_parse_time     (GArray       *toks,
                                    CcValue      *v);
gboolean  cc_values_parse_duration (GArray       *toks,
                                    CcValue      *v);
/* "a few days", "several weeks", "a couple of hours": a range of the unit */
gboolean  cc_values_parse_vague_duration (GArray *toks,
                                    CcValue      *v);
gboolean  cc_values_parse_age      (GArray       *toks,
                                    CcValue      *v);
gboolean  cc_values_parse_relative (GArray       *toks,
                                    const GDate  *reference,
                                    CcValue      *v);
char     *cc_values_time_to_string (const CcValue *v);
char     *cc_values_duration_to_string (const CcValue *v);
gboolean  cc_values_parse_normalized_time (CcValueKind  kind,
                                    const char   *normalized,
                                    CcValue      *v);
void      cc_values_display_time   (GString      *out,
                                    const CcValue *v);

G_END_DECLS
