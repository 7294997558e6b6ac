/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-store.h"

G_BEGIN_DECLS

/* Adds @tags (NULL-terminated, may be NULL) to annotation row @id, creating
 * tags that do not exist yet. Keeps existing tags; call inside a
 * transaction. Shared with the W3C importer, which writes rows itself. */
gboolean _cc_annotation_store_add_tags (CcStore             *store,
                                        gint64               id,
                                        const char * const  *tags,
                                        GError             **error);

G_END_DECLS
