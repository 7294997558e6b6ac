/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include "cc-entity-item.h"

struct _CcEntityItem
{
  GObject       parent_instance;

  CcEntityType  type;
  char         *canonical;
  guint         here;
  guint         library;
  guint         documents;
};

G_DEFINE_FINAL_TYPE (CcEntityItem, cc_entity_item, G_TYPE_OBJECT)

static void
cc_entity_item_finalize (GObject *object)
{
  CcEntityItem *self = (CcEntityItem *)object;

  g_clear_pointer (&self->canonical, g_free);
  G_OBJECT_CLASS (cc_entity_item_parent_class)->finalize (object);
}

static void
cc_entity_item_class_init (CcEntityItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cc_entity_item_finalize;
}

static void
cc_entity_item_init (CcEntityItem *self)
{
}

CcEntityItem *
cc_entity_item_new (CcEntityType  type,
                    const char   *canonical,
                    guint         here,
                    guint         library,
                    guint         documents)
{
  CcEntityItem *self = g_object_new (CC_TYPE_ENTITY_ITEM, NULL);

  self->type = type;
  self->canonical = g_strdup (canonical);
  self->here = here;
  self->library = library;
  self->documents = documents;
  return self;
}

gboolean
cc_entity_item_is_header (CcEntityItem *self)
{
  g_return_val_if_fail (CC_IS_ENTITY_ITEM (self), FALSE);
  return self->canonical == NULL;
}

CcEntityType
cc_entity_item_get_entity_type (CcEntityItem *self)
{
  g_return_val_if_fail (CC_IS_ENTITY_ITEM (self), CC_ENTITY_ORG);
  return self->type;
}

const char *
cc_entity_item_get_canonical (CcEntityItem *self)
{
  g_return_val_if_fail (CC_IS_ENTITY_ITEM (self), NULL);
  return self->canonical;
}

guint
cc_entity_item_get_here (CcEntityItem *self)
{
  g_return_val_if_fail (CC_IS_ENTITY_ITEM (self), 0);
  return self->here;
}

guint
cc_entity_item_get_library (CcEntityItem *self)
{
  g_return_val_if_fail (CC_IS_ENTITY_ITEM (self), 0);
  return self->library;
}

guint
cc_entity_item_get_documents (CcEntityItem *self)
{
  g_return_val_if_fail (CC_IS_ENTITY_ITEM (self), 0);
  return self->documents;
}
