/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cc-entities.h"

G_BEGIN_DECLS

#define CC_TYPE_ENTITY_ITEM (cc_entity_item_get_type ())
G_DECLARE_FINAL_TYPE (CcEntityItem, cc_entity_item, CC, ENTITY_ITEM, GObject)

/* One row of the Entities panel: an entity with its counts, or (when
 * @canonical is NULL) the header of a type group. */
CcEntityItem *cc_entity_item_new               (CcEntityType  type,
                                                const char   *canonical,
                                                guint         here,
                                                guint         library,
                                                guint         documents);
gboolean      cc_entity_item_is_header         (CcEntityItem *self);
CcEntityType  cc_entity_item_get_entity_type   (CcEntityItem *self);
const char   *cc_entity_item_get_canonical     (CcEntityItem *self);
guint         cc_entity_item_get_here          (CcEntityItem *self);
guint         cc_entity_item_get_library       (CcEntityItem *self);
guint         cc_entity_item_get_documents     (CcEntityItem *self);

G_END_DECLS
