/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-store.h"

G_BEGIN_DECLS

/* Bump whenever the extractor's output may change: cached mentions of an
 * older version are recomputed. */
#define CC_ENTITIES_VERSION 1

typedef enum
{
  CC_ENTITY_PERSON,
  CC_ENTITY_ORG,
  CC_ENTITY_PRODUCT,
  CC_ENTITY_BENCHMARK,
  CC_ENTITY_LOCATION,
  CC_ENTITY_DATE,
  CC_ENTITY_MONEY,
  CC_ENTITY_PERCENT,
  CC_ENTITY_QUANTITY,
  CC_ENTITY_SCORE,
  CC_N_ENTITY_TYPES
} CcEntityType;

typedef struct
{
  guint         start;      /* character offsets into the normalised text, end exclusive */
  guint         end;
  CcEntityType  type;
  char         *surface;    /* the text as written */
  char         *canonical; /* the merged entity's name ("Acme" for "Acme's") */
  char         *value;      /* normalised value for DATE/MONEY/PERCENT/QUANTITY/SCORE,
                             * e.g. "2026-04-08", "USD 14300000000", "87.5%", NULL otherwise */
} CcMention;

void          cc_mention_free               (CcMention    *mention);
const char   *cc_entity_type_to_string      (CcEntityType  type);   /* "PERSON" … */
gboolean      cc_entity_type_from_string    (const char   *str,
                                             CcEntityType *type);
const char   *cc_entity_type_get_label      (CcEntityType  type);   /* translated, plural */

/* Extracts the mentions of @text, sorted by start. Pure function of the text
 * (and the word lists in the resources). Returns a GPtrArray of CcMention. */
GPtrArray    *cc_entities_extract           (const char   *text);

/* The mentions of a document, from the library's cache (keyed by content
 * hash and CC_ENTITIES_VERSION) or extracted and stored. */
GPtrArray    *cc_entities_for_document      (CcStore      *store,
                                             gint64        document_id,
                                             GError      **error);

G_END_DECLS
