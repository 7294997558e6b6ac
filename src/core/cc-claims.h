/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cc-store.h"

G_BEGIN_DECLS

/* A claim is one value a document states about something: a subject (an
 * entity), an attribute (what is measured or dated), the value normalised
 * with its unit, an optional qualifier ("over", "about", ...) and the
 * sentence it stands in. Claims are extracted from the entity mentions of
 * cc-entities.h and the sentences of cc-sentences.h, and compared with
 * cc-verdict.h. */

typedef enum
{
  CC_CLAIM_MONEY,
  CC_CLAIM_PERCENT,
  CC_CLAIM_COUNT,     /* a number of things, "1,000 physicians", "42 trains" */
  CC_CLAIM_QUANTITY,  /* a measure with a unit, "120 MW", "30 years" */
  CC_CLAIM_RATIO,     /* "10x" */
  CC_CLAIM_SCORE,     /* a score on a benchmark or index, "52", "87/100" */
  CC_CLAIM_DATE,      /* low/high are Julian day numbers */
  CC_CLAIM_STATE,     /* whether something already happened or will happen */
  CC_N_CLAIM_KINDS
} CcClaimKind;

typedef enum
{
  CC_QUALIFIER_NONE,
  CC_QUALIFIER_OVER,     /* over, more than, at least, above, "3+" */
  CC_QUALIFIER_UNDER,    /* under, less than, below, nearly, almost */
  CC_QUALIFIER_ABOUT,    /* about, around, roughly, approximately, some, an estimated */
  CC_QUALIFIER_UP_TO,    /* up to, as many as, as much as */
  CC_N_QUALIFIERS
} CcQualifier;

typedef enum
{
  CC_CLAIM_STATE_UNKNOWN,
  CC_CLAIM_STATE_DONE,     /* "is available now", "began service this week" */
  CC_CLAIM_STATE_FUTURE,   /* "will arrive in the coming weeks" */
} CcClaimState;

typedef struct
{
  CcClaimKind kind;
  double      low;        /* the stated value, or the ends of a stated range */
  double      high;
  double      precision;  /* the rounding step of the less precise end: 0.1e9 for
                           * "14.3 billion", 1e9 for "14 billion", 1 for "42", 1 day,
                           * or the length of the month/year for a date */
  char       *unit;       /* currency code ("USD", "EUR"), "%", "x", a measure
                           * ("km", "MW", "year"), "day"/"month"/"year" for dates,
                           * "" when none */
  CcClaimState     state;      /* for CC_CLAIM_STATE */
} CcClaimValue;

typedef struct
{
  /* Where it stands */
  gint64       document_id;
  char        *document;       /* the document's name (base name), nullable */
  guint        start;          /* the sentence: character offsets, end exclusive */
  guint        end;
  guint        value_start;    /* the value as written (whole sentence for states) */
  guint        value_end;
  char        *quote;          /* the sentence text: exactly text[start, end) */

  /* What it says */
  char        *subject;        /* canonical entity name, "" when none */
  gboolean     subject_bound;  /* the subject stands right at the value ("X scored 52",
                                * "X (57)"): a different bound subject is a different
                                * fact, not a disagreement */
  char        *attribute;      /* human-readable: "HealthBench Hard", "downloads",
                                * "deal", "date of launch", "availability" */
  char        *key;            /* normalised attribute key: kind, unit and attribute */
  char        *benchmark;      /* the benchmark or index named, or NULL */
  char       **cues;           /* stems of the words around the value (and word
                                * classes such as "=deal"), NULL-terminated */
  float       *cue_weights;    /* 1 / (1 + distance in words), same length as cues */
  char       **objects;        /* for states: the other entities of the sentence */
  int          period;         /* the year the claim is about, 0 when none */
  CcClaimValue      value;
  char        *value_text;     /* the value normalised for display / TSV:
                                * "USD 14300000000", "58%", "2026-04-08", "done" */
  char        *surface;        /* the value as written, with its qualifier */
  CcQualifier  qualifier;
} CcClaim;

#define CC_TYPE_CLAIM (cc_claim_get_type ())
GType        cc_claim_get_type            (void) G_GNUC_CONST;
CcClaim     *cc_claim_ref                 (CcClaim      *claim);
void         cc_claim_unref               (CcClaim      *claim);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcClaim, cc_claim_unref)

const char  *cc_claim_kind_to_string      (CcClaimKind   kind);      /* "money", ... */
const char  *cc_qualifier_to_string       (CcQualifier   qualifier); /* "", "over", ... */
const char  *cc_claim_state_to_string           (CcClaimState       state);     /* "", "done", "future" */
/* "USD 14300000000", "58%", "52", "2026-04-08", "2026-04", "2026", "10x",
 * "30 year"; ranges as "LOW..HIGH". Newly allocated. */
char        *cc_claim_value_format              (const CcClaimValue *value);

/* Sentences longer than this (run-on text, tables) are read in pieces of
 * about this many characters: claims stay linear in the length of a text. */
#define CC_CLAIMS_MAX_SENTENCE_CHARS 600

/* The claims of @text, sorted by position. @mentions are the text's entity
 * mentions (cc_entities_extract()); NULL to extract them here. @document_id
 * and @document only label the claims. Returns a GPtrArray of CcClaim. */
GPtrArray   *cc_claims_extract            (const char   *text,
                                           GPtrArray    *mentions,
                                           gint64        document_id,
                                           const char   *document);
/* The claims of a library document, using its cached mentions. */
GPtrArray   *cc_claims_for_document       (CcStore      *store,
                                           CcDocument   *document,
                                           GError      **error);

G_END_DECLS
