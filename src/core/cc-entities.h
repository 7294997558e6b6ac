/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cc-store.h"

G_BEGIN_DECLS

/* Bump whenever the extractor's output may change: cached mentions of an
 * older version are recomputed. */
#define CC_ENTITIES_VERSION 4

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
 * hash, CC_ENTITIES_VERSION and the document's publication date) or
 * extracted with cc_entities_extract_dated() against that date and stored. */
GPtrArray    *cc_entities_for_document      (CcStore      *store,
                                             gint64        document_id,
                                             GError      **error);

/* Added by the entities issue (the declarations above are fixed). */

/* A new mention holding copies of the strings (any may be NULL; a length
 * of -1: up to the NUL). Mentions come only from here (and from the
 * functions that return them): cc_mention_free() frees the strings made
 * with it, and any field later set to a g_malloc'd string of its own. */
CcMention    *cc_mention_new                (guint         start,
                                             guint         end,
                                             CcEntityType  type,
                                             const char   *surface,
                                             gssize        surface_len,
                                             const char   *canonical,
                                             gssize        canonical_len,
                                             const char   *value);
CcMention    *cc_mention_copy               (const CcMention *mention);

/* As cc_entities_extract(), with relative dates ("yesterday", "last year",
 * "15 years ago", a weekday) resolved against @reference, the article's own
 * date, when it is not NULL (values issue). Without it they keep their
 * offset ("R-1Y", see cc-values.h). */
GPtrArray    *cc_entities_extract_dated     (const char   *text,
                                             const GDate  *reference);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcMention, cc_mention_free)

/* Number of cc_entities_extract() calls in this process, and the total of
 * their elementary steps (tokens, look-ups): tests use them to check that
 * the cache is used and that the cost grows linearly. */
guint         cc_entities_get_extraction_count (void);
guint64       cc_entities_get_work          (void);

/* Makes sure every document of the library has cached mentions. */
gboolean      cc_entities_analyze_library   (CcStore      *store,
                                             GCancellable *cancellable,
                                             GError      **error);

typedef struct
{
  char         *canonical;
  CcEntityType  type;
  guint         mentions;
  guint         documents;
} CcEntitySummary;

void          cc_entity_summary_free        (CcEntitySummary *summary);
/* One CcEntitySummary per (canonical, type) over the documents whose ids
 * (gint64) are in @document_ids, or the whole library when NULL; in order
 * of first appearance. */
GPtrArray    *cc_entities_summarize         (CcStore      *store,
                                             GArray       *document_ids,
                                             GError      **error);

/* Mention and document counts per "TYPE\tcanonical" key (CcEntitySummary
 * values) over every document already analysed, from the cache only: fast,
 * never extracts. */
GHashTable   *cc_entities_library_counts    (CcStore      *store,
                                             GError      **error);
/* The same over the documents of one story (the library when
 * @story_id <= 0). */
GHashTable   *cc_entities_story_counts      (CcStore      *store,
                                             gint64        story_id,
                                             GError      **error);
/* Ids (gint64) of the documents whose cached mentions name this entity. */
GArray       *cc_entities_documents_mentioning (CcStore      *store,
                                             const char   *canonical,
                                             CcEntityType  type,
                                             GError      **error);

G_END_DECLS
