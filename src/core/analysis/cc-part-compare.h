/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-statement.h"

G_BEGIN_DECLS

/* Part-by-part comparison: the third stage of the disagreement engine.
 *
 * Two lined-up statements are compared part by part: values in the same
 * role (same kind, same unit or counted noun, about the same names), names
 * in the same place of nearly the same sentence (a spelling variant is a
 * naming disagreement, another person a claim), weekdays of the same
 * event, the dates of nearly the same sentence (a weekday resolved to the
 * day it stands for in the story), a part against the whole ("542 of the
 * 543" and "all 543"), a contest going on and decided ("leads" and
 * "defeated"), and negation. A time or scope qualifier that differs
 * (another year, an earlier round, "On X, ...") makes it another fact, and
 * a forecast ("would get") is no fact; rounding, ranges that overlap, and
 * bounds ("more than 30", "crossed the 300 mark") agree.
 *
 * Across the whole story (cc_part_compare_near_values()): near-miss figures
 * in the same role, and the one count each of two documents gives a name
 * ("DMK 22" in a table, "the DMK won 29 seats"). */

typedef enum
{
  CC_DISAGREEMENT_NUMERIC,
  CC_DISAGREEMENT_DATE,
  CC_DISAGREEMENT_NAMING,
  CC_DISAGREEMENT_CLAIM,
} CcDisagreementKind;

typedef struct
{
  CcDisagreementKind kind;
  const CcStatement *a;        /* the statements (a from the lower document) */
  const CcStatement *b;
  guint              a_start;  /* the differing parts: character offsets */
  guint              a_end;
  guint              b_start;
  guint              b_end;
  double             strength; /* how surely the two speak of one fact, 0..1 */
  const char        *subject;  /* interned (or static): the name, "" when none */
  const char        *attribute;/* the role of the values, "name", "state" */
} CcPartDisagreement;

/* What the comparison needs to know of the whole story. */
typedef struct
{
  double      main_year;   /* the story's year (0 when none) */
  double      prev_year;   /* the latest year before it that the story names:
                            * the round "the last election" speaks of (0 when none) */
  GPtrArray  *statements;  /* the story's statements (not owned) */
  GHashTable *stated;      /* what each document states, per slot */
  GArray     *weekdays;    /* double, 8 per document: the calendar day (month * 100
                            * + day) each weekday (1..7) stands for, 0 when not known */
} CcPartContext;

const char *cc_disagreement_kind_to_string (CcDisagreementKind kind); /* "numeric", ... */

/* The year the story is about (the latest that two documents name), and
 * the figures each document states in each slot: a document that states
 * both figures of a pair is not contradicted by either. */
void   cc_part_context_init  (CcPartContext *context,
                              GPtrArray     *statements);
void   cc_part_context_clear (CcPartContext *context);

/* Appends to @out (CcPartDisagreement) the disagreements of @a and @b,
 * lined up with @similarity. */
void   cc_part_compare      (const CcPartContext *context,
                             const CcStatement   *a,
                             const CcStatement   *b,
                             double               similarity,
                             GArray              *out);

/* Near-miss figures: values of different documents in the same role (the
 * same unit, or the same counted noun or bare figure after the same name)
 * within CC_PART_NEAR_RATIO of each other but not agreeing ("286 days" and
 * "287 days", "NDA 292" and "the NDA won 294 seats"), found from the
 * values sorted by role and size, however the sentences around them are
 * worded. A document that states both figures is left out. Appends
 * CcPartDisagreement to @out. */
#define CC_PART_NEAR_RATIO 1.1          /* measures: "286 days", "34 seconds" */
#define CC_PART_NEAR_COUNT_RATIO 1.02   /* counts and clock times of a name */
void   cc_part_compare_near_values (const CcPartContext *context,
                                    GPtrArray           *statements,
                                    GArray              *out);

/* TRUE when two name tokens are spellings of one name: the same length
 * give or take one or two letters, one or two edits apart, and neither a
 * plain prefix of the other ("Kenya", "Kenyan"). */
gboolean cc_part_spelling_variants (const char *a,
                                    const char *b);

G_END_DECLS
