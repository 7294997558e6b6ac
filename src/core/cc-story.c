/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-story"

#include "cc-story.h"

struct _CcStory
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *folder;
  guint    n_documents;
};

G_DEFINE_FINAL_TYPE (CcStory, cc_story, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FOLDER,
  PROP_N_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cc_story_finalize (GObject *object)
{
  CcStory *self = (CcStory *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->folder, g_free);

  G_OBJECT_CLASS (cc_story_parent_class)->finalize (object);
}

static void
cc_story_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CcStory *self = CC_STORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->n_documents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_story_class_init (CcStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_story_finalize;
  object_class->get_property = cc_story_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_story_init (CcStory *self)
{
}

CcStory *
cc_story_new (gint64      id,
              const char *name,
              const char *folder,
              guint       n_documents)
{
  CcStory *self = g_object_new (CC_TYPE_STORY, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->folder = g_strdup (folder);
  self->n_documents = n_documents;
  return self;
}

gint64
cc_story_get_id (CcStory *self)
{
  g_return_val_if_fail (CC_IS_STORY (self), 0);
  return self->id;
}

const char *
cc_story_get_name (CcStory *self)
{
  g_return_val_if_fail (CC_IS_STORY (self), NULL);
  return self->name;
}

void
cc_story_set_name (CcStory    *self,
                   const char *name)
{
  g_return_if_fail (CC_IS_STORY (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
cc_story_get_folder (CcStory *self)
{
  g_return_val_if_fail (CC_IS_STORY (self), NULL);
  return self->folder;
}

guint
cc_story_get_n_documents (CcStory *self)
{
  g_return_val_if_fail (CC_IS_STORY (self), 0);
  return self->n_documents;
}

void
cc_story_set_n_documents (CcStory *self,
                          guint    n_documents)
{
  g_return_if_fail (CC_IS_STORY (self));

  if (self->n_documents == n_documents)
    return;
  self->n_documents = n_documents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
}

gboolean
cc_story_is_all (CcStory *self)
{
  g_return_val_if_fail (CC_IS_STORY (self), FALSE);
  return self->id == 0;
}
