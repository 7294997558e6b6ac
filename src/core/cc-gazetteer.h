/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The word lists of the entity extractor, loaded once from the resources
 * (/org/gnome/Crosscheck/core/data/NAME.txt). Keys are case-folded, except
 * in locations, which keeps names as written. */
typedef struct
{
  GHashTable *first_names;
  GHashTable *titles;
  GHashTable *org_words;
  GHashTable *legal_suffixes;
  GHashTable *org_heads;
  GHashTable *location_last;    /* "river", "street" */
  GHashTable *location_first;   /* "port", "mount" */
  GHashTable *locations;        /* "New York" (as written) */
  GHashTable *common_words;
  GHashTable *units;
  GHashTable *currencies;       /* symbol or word -> ISO code */
  GHashTable *benchmark_words;
  GHashTable *product_words;
  GHashTable *stop_names;
  GHashTable *event_words;
  GHashTable *demonyms;         /* "kenyan", "dutch" (case-folded) */
  guint       max_location_words;
  GHashTable *lexicon;          /* folded word -> CcLex bits of every list */
  guint64     ascii_currency[2]; /* bit c: the ASCII character c is a key of currencies */
  gpointer    lex_slots;        /* the ASCII words of lexicon, inline (cc-gazetteer.c) */
  guint       lex_mask;
} CcGazetteer;

/* One bit per word list, so that a token is looked up once. */
typedef enum
{
  CC_LEX_FIRST_NAME = 1 << 0,
  CC_LEX_TITLE      = 1 << 1,
  CC_LEX_ORG_WORD   = 1 << 2,
  CC_LEX_LEGAL      = 1 << 3,
  CC_LEX_ORG_HEAD   = 1 << 4,
  CC_LEX_LOC_LAST   = 1 << 5,
  CC_LEX_LOC_FIRST  = 1 << 6,
  CC_LEX_COMMON     = 1 << 7,
  CC_LEX_UNIT       = 1 << 8,
  CC_LEX_BENCHMARK  = 1 << 9,
  CC_LEX_PRODUCT    = 1 << 10,
  CC_LEX_STOP       = 1 << 11,
  CC_LEX_EVENT      = 1 << 12,
  CC_LEX_MONTH_DAY  = 1 << 13,  /* a month or weekday name or abbreviation */
  CC_LEX_DEMONYM    = 1 << 14,
  CC_LEX_KNOWN      = 1 << 15,  /* looked up */
} CcLex;

/* The CcLex bits of a word (the first @len bytes), CC_LEX_KNOWN included. */
guint              cc_gazetteer_lookup     (const CcGazetteer *gaz,
                                            const char        *word,
                                            gsize              len);

/* The shared, immutable word lists; never NULL, never freed. */
const CcGazetteer *cc_gazetteer_get        (void);
gboolean           cc_gazetteer_has        (GHashTable *set,
                                            const char *word,
                                            gssize      len);

G_END_DECLS
