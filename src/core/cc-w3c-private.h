/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cc-annotation-store.h"
#include "cc-w3c.h"

G_BEGIN_DECLS

/* Between reading (cc-w3c-read.c) and storing (cc-w3c-store.c) an import. */

/* One annotation read from the JSON, and what names its document. */
typedef struct
{
  CcAnnotation *annotation;
  gboolean      has_position;
  char         *path;      /* from a file: URI, nullable */
  char         *basename;  /* nullable */
  char         *hash;      /* nullable */
} CcW3cItem;

void       _cc_w3c_parsed_free      (CcW3cItem             *parsed);

/* The annotation objects of a collection, page, array or single
 * annotation; NULL when @root is none of them. */
JsonArray *_cc_w3c_find_items       (JsonNode           *root);
/* Reads item @index (counted from 0) of the input @name. */
CcW3cItem    *_cc_w3c_parse_annotation (JsonObject         *item,
                                     guint               index,
                                     const char         *name,
                                     GError            **error);
/* Limits on untrusted JSON, checked before it reaches json-glib. */
#define CC_W3C_MAX_BYTES (64u * 1024 * 1024)
#define CC_W3C_MAX_DEPTH 64u

/* Whether @data (@length bytes) is within the size and nesting limits;
 * a GError naming @name and the reason if not. */
gboolean   _cc_w3c_check_json       (const char         *data,
                                     gsize               length,
                                     const char         *name,
                                     GError            **error);
/* A json-glib parse error as "NAME, line L, column C: …". */
void       _cc_w3c_set_parse_error  (GError            **error,
                                     const GError       *json_error,
                                     const char         *name);

/* Stores @parsed (CcW3cItem*) in one transaction, after attaching earlier
 * detached annotations whose document has come; fills @report. */
gboolean   _cc_w3c_store_parsed     (CcStore            *store,
                                     GPtrArray          *parsed,
                                     CcW3cImportReport  *report,
                                     GError            **error);

G_END_DECLS
