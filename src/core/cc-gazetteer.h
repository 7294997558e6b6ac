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
  guint       max_location_words;
} CcGazetteer;

/* The shared, immutable word lists; never NULL, never freed. */
const CcGazetteer *cc_gazetteer_get        (void);
gboolean           cc_gazetteer_has        (GHashTable *set,
                                            const char *word,
                                            gssize      len);

G_END_DECLS
