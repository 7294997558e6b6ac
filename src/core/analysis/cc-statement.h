/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-values.h"
#include "cc-wordstem.h"

G_BEGIN_DECLS

/* Statements: the first stage of the disagreement engine.
 *
 * A statement is one clause of a sentence of a document
 * (cc_sentences_split(); clauses end at a semicolon, at "while", "but",
 * "whereas", and at a comma or "and" once the clause holds a value) taken
 * apart into what the later stages compare: its content terms (stemmed,
 * interned, for lining statements up across documents), the names it
 * contains (runs of capitalised words), its values (figures with the role
 * they play: the noun they count or the unit they are in, and the names
 * they are about), and its state (negation).
 *
 * All strings of a statement (terms, roles, name tokens) are interned in the
 * CcLexicon shared by the whole story, so that equal strings are equal
 * pointers across documents. */

typedef struct _CcLexicon CcLexicon;

/* The longest clause, in words: a longer run without a clause boundary
 * (a table, a list) is cut there. */
#define CC_STATEMENT_MAX_CLAUSE_WORDS 64

CcLexicon  *cc_lexicon_new     (void);
void        cc_lexicon_free    (CcLexicon  *self);
/* An interned copy of @str (owned by @self). */
const char *cc_lexicon_intern  (CcLexicon  *self,
                                const char *str);
CcWordStem *cc_lexicon_stemmer (CcLexicon  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcLexicon, cc_lexicon_free)

typedef enum
{
  CC_PART_NUMBER,     /* a count or a measure: "294 seats", "32km", "nine and 10 degrees" */
  CC_PART_DURATION,   /* seconds: "2:01:09", "34 seconds", "three minutes and 27 seconds" */
  CC_PART_YEAR,       /* "2019" */
  CC_PART_DAY,        /* month * 100 + day: "June 6" */
  CC_PART_WEEKDAY,    /* 1 (Monday) to 7 */
  CC_PART_CLOCK,      /* time of day, minutes after midnight: "1:05 a.m." */
  CC_PART_MONEY,      /* in units of its currency */
  CC_PART_PERCENT,
} CcPartKind;

typedef struct
{
  guint             start;     /* the value as written: character offsets, end exclusive */
  guint             end;
  CcPartKind        kind;
  CcValueQualifier  hedge;     /* "more than 30 seconds": CC_VALUE_AT_LEAST */
  double            low;       /* the value, or the ends of a range */
  double            high;
  double            step;      /* rounding step of the written figure (1 for "294") */
  const char       *role;      /* the unit or the noun counted ("seat", "km"), "" when none */
  const char       *anchor;    /* the nearest name before the value in its clause
                                * (lower-cased words), NULL when none */
  const char       *anchor_head; /* its last word, interned */
  double            year;      /* the year it is said of ("in 2019"), 0 when none */
  const char      **about;     /* every name token the value is about, NULL-terminated */
  const char       *scope;     /* the test or ground a sentence opens with ("On X
                                * Hard, ..."), interned, or NULL */
  guint             word;      /* index of its first word in the sentence */
  int               zone;      /* a zoned clock time's offset from UTC, in minutes */
  float             of_total;  /* a part of a whole: 543 for the 542 of "542 of the
                                * 543", else 0 (compare as floats) */
  /* (flags as bits: a story holds many values) */
  guint             past : 1;      /* said of an earlier round ("last year", "previous") */
  guint             measure : 1;   /* in a unit (km, °C, seconds, %, money): the unit
                                    * says what it is, names need not */
  guint             zoned : 1;     /* a clock time with its zone written after it
                                    * ("1:05 a.m. ET"): see zone */
  guint             zone_dst : 1;  /* the zone may also be an hour ahead (daylight time: "ET") */
  guint             threshold : 1; /* a mark passed or not reached ("the 300 mark"):
                                    * hedged as a bound */
  guint             position : 1;  /* a point on a route ("at 35 km", "the 35-km mark"),
                                    * not a length */
  guint             label : 1;     /* a number naming a thing ("Air India flight 171"),
                                    * not a count */
} CcStatementValue;

typedef struct
{
  guint        start;    /* character offsets of the name as written */
  guint        end;
  const char **tokens;   /* lower-cased words of the name, interned, NULL-terminated */
  guint        word;     /* index of its first word in the sentence */
  const char  *before;   /* the content word just before it (interned stem), or NULL */
  const char  *title;    /* the lower-case noun right before it ("cosmonaut"), or NULL;
                          * its stem, for matching */
  const char  *title_word; /* the same as written, lower-cased: for people */
  const char  *title_before; /* the word before that ("russian"), or NULL */
} CcStatementName;

typedef struct
{
  guint              doc;       /* index of the document in the story */
  guint              index;     /* index of the statement in the story */
  guint              start;     /* the sentence: character offsets, end exclusive */
  guint              end;
  guint              first_clause; /* the statements of its sentence: while extracting,
                                    * positions in the array returned; in a story,
                                    * made story indices by adding the sentence's offset */
  guint              n_clauses;
  guint              clause_start; /* the clause of the sentence it stands for */
  guint              clause_end;
  const char       **terms;     /* distinct content terms (interned stems), NULL-terminated */
  guint              n_terms;
  CcStatementValue  *values;
  guint              n_values;
  CcStatementName   *names;
  guint              n_names;
  gboolean           negated;   /* "not", "never", "n't" */
  gboolean           projected; /* forecast, not reported: "would", "might",
                                 * "could", "predicted", "projected" */
  const char        *rank;      /* a place in a ranking the clause gives ("second",
                                 * "runner-up" is "second"), interned, or NULL */
  double            *years;     /* the years the clause names */
  guint              n_years;
  gboolean           past;      /* the clause speaks of an earlier round:
                                 * "last year", "the previous election" */
  const char        *all_noun;  /* the noun after "all (the)" ("all results": the
                                 * stem "result"), interned, or NULL */
  guint              all_start; /* "all ... noun": character offsets */
  guint              all_end;
} CcStatement;

void      cc_statement_free     (CcStatement *statement);

/* The statements of @text (document number @doc), in text order. Returns a
 * GPtrArray of CcStatement. Works in time linear in the length of @text. */
GPtrArray *cc_statements_extract (CcLexicon  *lexicon,
                                  const char *text,
                                  guint       doc);

/* Moves the statements of one document (cc_statements_extract()) to the
 * end of @story, numbering them (index, first_clause) in the story. */
void       cc_statements_add_to_story (GPtrArray *story,
                                       GPtrArray *statements);

/* TRUE when @a and @b have the same value (equal, one range holding the
 * other, or consistent under a hedge or the rounding of either). */
gboolean   cc_statement_values_agree (const CcStatementValue *a,
                                      const CcStatementValue *b);

G_END_DECLS
