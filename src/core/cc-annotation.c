/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-annotation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cc-annotation.h"

struct _CcAnnotation
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  gint64   document_id;
  char    *document_hint;
  guint    start;
  guint    end;
  char    *quote;
  char    *prefix;
  char    *suffix;
  char    *color;
  char    *note;
  char    *state;
  GStrv    tags;
  gint64   created;
  gint64   modified;
};

G_DEFINE_FINAL_TYPE (CcAnnotation, cc_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_DOCUMENT_ID,
  PROP_DOCUMENT_HINT,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_COLOR,
  PROP_NOTE,
  PROP_TAGS,
  PROP_STATE,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static const char * const colors[] = { "yellow", "green", "blue", "pink", "purple", NULL };

const char * const *
cc_annotation_get_colors (void)
{
  return colors;
}

gboolean
cc_annotation_color_is_valid (const char *color)
{
  return color != NULL && g_strv_contains (colors, color);
}

const char *
cc_annotation_color_get_label (const char *color)
{
  if (g_strcmp0 (color, "yellow") == 0)
    return _("Yellow");
  if (g_strcmp0 (color, "green") == 0)
    return _("Green");
  if (g_strcmp0 (color, "blue") == 0)
    return _("Blue");
  if (g_strcmp0 (color, "pink") == 0)
    return _("Pink");
  if (g_strcmp0 (color, "purple") == 0)
    return _("Purple");
  return NULL;
}

static void
cc_annotation_finalize (GObject *object)
{
  CcAnnotation *self = (CcAnnotation *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->document_hint, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (cc_annotation_parent_class)->finalize (object);
}

static void
cc_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcAnnotation *self = CC_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;

    case PROP_DOCUMENT_HINT:
      g_value_set_string (value, self->document_hint);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;

    case PROP_SUFFIX:
      g_value_set_string (value, self->suffix);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;

    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CcAnnotation *self = CC_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      cc_annotation_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      cc_annotation_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_DOCUMENT_ID:
      cc_annotation_set_document_id (self, g_value_get_int64 (value));
      break;

    case PROP_DOCUMENT_HINT:
      cc_annotation_set_document_hint (self, g_value_get_string (value));
      break;

    case PROP_START:
      cc_annotation_set_start (self, g_value_get_uint (value));
      break;

    case PROP_END:
      cc_annotation_set_end (self, g_value_get_uint (value));
      break;

    case PROP_QUOTE:
      cc_annotation_set_quote (self, g_value_get_string (value));
      break;

    case PROP_PREFIX:
      cc_annotation_set_prefix (self, g_value_get_string (value));
      break;

    case PROP_SUFFIX:
      cc_annotation_set_suffix (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      cc_annotation_set_color (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      cc_annotation_set_note (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      cc_annotation_set_state (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      cc_annotation_set_created (self, g_value_get_int64 (value));
      break;

    case PROP_MODIFIED:
      cc_annotation_set_modified (self, g_value_get_int64 (value));
      break;

    case PROP_TAGS:
      cc_annotation_set_tags (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_annotation_class_init (CcAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cc_annotation_finalize;
  object_class->get_property = cc_annotation_get_property;
  object_class->set_property = cc_annotation_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DOCUMENT_HINT] =
    g_param_spec_string ("document-hint", NULL, NULL, NULL, flags);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, "", flags);
  properties[PROP_PREFIX] =
    g_param_spec_string ("prefix", NULL, NULL, "", flags);
  properties[PROP_SUFFIX] =
    g_param_spec_string ("suffix", NULL, NULL, "", flags);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, "yellow", flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", flags);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, CC_ANNOTATION_STATE_ANCHORED, flags);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MODIFIED] =
    g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_annotation_init (CcAnnotation *self)
{
  self->quote = g_strdup ("");
  self->prefix = g_strdup ("");
  self->suffix = g_strdup ("");
  self->color = g_strdup ("yellow");
  self->note = g_strdup ("");
  self->state = g_strdup (CC_ANNOTATION_STATE_ANCHORED);
  self->tags = g_new0 (char *, 1);
}

CcAnnotation *
cc_annotation_new (void)
{
  return g_object_new (CC_TYPE_ANNOTATION, NULL);
}

CcAnnotation *
cc_annotation_copy (CcAnnotation *self)
{
  CcAnnotation *copy;

  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);

  copy = cc_annotation_new ();
  copy->id = self->id;
  g_free (copy->uuid);
  copy->uuid = g_strdup (self->uuid);
  copy->document_id = self->document_id;
  g_free (copy->document_hint);
  copy->document_hint = g_strdup (self->document_hint);
  copy->start = self->start;
  copy->end = self->end;
  g_free (copy->quote);
  copy->quote = g_strdup (self->quote);
  g_free (copy->prefix);
  copy->prefix = g_strdup (self->prefix);
  g_free (copy->suffix);
  copy->suffix = g_strdup (self->suffix);
  g_free (copy->color);
  copy->color = g_strdup (self->color);
  g_free (copy->note);
  copy->note = g_strdup (self->note);
  g_free (copy->state);
  copy->state = g_strdup (self->state);
  copy->created = self->created;
  copy->modified = self->modified;
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (self->tags);
  return copy;
}

gint64
cc_annotation_get_id (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), 0);
  return self->id;
}

void
cc_annotation_set_id (CcAnnotation *self,
                      gint64        id)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
cc_annotation_get_uuid (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);
  return self->uuid;
}

void
cc_annotation_set_uuid (CcAnnotation *self,
                        const char   *uuid)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
cc_annotation_get_document_id (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), 0);
  return self->document_id;
}

void
cc_annotation_set_document_id (CcAnnotation *self,
                               gint64        document_id)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (self->document_id != document_id)
    {
      self->document_id = document_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
    }
}

const char *
cc_annotation_get_document_hint (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);
  return self->document_hint;
}

void
cc_annotation_set_document_hint (CcAnnotation *self,
                                 const char   *document_hint)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (set_str (&self->document_hint, document_hint))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_HINT]);
}

guint
cc_annotation_get_start (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), 0);
  return self->start;
}

void
cc_annotation_set_start (CcAnnotation *self,
                         guint         start)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
}

guint
cc_annotation_get_end (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), 0);
  return self->end;
}

void
cc_annotation_set_end (CcAnnotation *self,
                       guint         end)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
}

const char *
cc_annotation_get_quote (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);
  return self->quote;
}

void
cc_annotation_set_quote (CcAnnotation *self,
                         const char   *quote)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (quote == NULL)
    quote = "";

  if (set_str (&self->quote, quote))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}

const char *
cc_annotation_get_prefix (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);
  return self->prefix;
}

void
cc_annotation_set_prefix (CcAnnotation *self,
                          const char   *prefix)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (prefix == NULL)
    prefix = "";

  if (set_str (&self->prefix, prefix))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFIX]);
}

const char *
cc_annotation_get_suffix (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);
  return self->suffix;
}

void
cc_annotation_set_suffix (CcAnnotation *self,
                          const char   *suffix)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (suffix == NULL)
    suffix = "";

  if (set_str (&self->suffix, suffix))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUFFIX]);
}

const char *
cc_annotation_get_color (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);
  return self->color;
}

void
cc_annotation_set_color (CcAnnotation *self,
                         const char   *color)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (!cc_annotation_color_is_valid (color))
    {
      g_warning ("Unknown annotation colour “%s”", color ? color : "(null)");
      return;
    }

  if (set_str (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char *
cc_annotation_get_note (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);
  return self->note;
}

void
cc_annotation_set_note (CcAnnotation *self,
                        const char   *note)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (note == NULL)
    note = "";

  if (set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
cc_annotation_get_state (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);
  return self->state;
}

void
cc_annotation_set_state (CcAnnotation *self,
                         const char   *state)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (g_strcmp0 (state, CC_ANNOTATION_STATE_ANCHORED) != 0 &&
      g_strcmp0 (state, CC_ANNOTATION_STATE_MOVED) != 0 &&
      g_strcmp0 (state, CC_ANNOTATION_STATE_ORPHANED) != 0)
    {
      g_warning ("Unknown annotation state “%s”", state ? state : "(null)");
      return;
    }

  if (set_str (&self->state, state))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gint64
cc_annotation_get_created (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), 0);
  return self->created;
}

void
cc_annotation_set_created (CcAnnotation *self,
                           gint64        created)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (self->created != created)
    {
      self->created = created;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
    }
}

gint64
cc_annotation_get_modified (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), 0);
  return self->modified;
}

void
cc_annotation_set_modified (CcAnnotation *self,
                            gint64        modified)
{
  g_return_if_fail (CC_IS_ANNOTATION (self));

  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

const char * const *
cc_annotation_get_tags (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), NULL);
  return (const char * const *)self->tags;
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  g_autofree char *x = g_utf8_casefold (*(const char * const *)a, -1);
  g_autofree char *y = g_utf8_casefold (*(const char * const *)b, -1);

  return g_utf8_collate (x, y);
}

void
cc_annotation_set_tags (CcAnnotation       *self,
                        const char * const *tags)
{
  g_autoptr(GPtrArray) clean = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GStrv result;

  g_return_if_fail (CC_IS_ANNOTATION (self));

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));
      char *key;

      if (*tag == '\0' || !g_utf8_validate (tag, -1, NULL))
        continue;
      key = g_utf8_casefold (tag, -1);
      if (g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      g_ptr_array_add (clean, g_steal_pointer (&tag));
    }
  g_ptr_array_sort (clean, compare_tags);
  g_ptr_array_add (clean, NULL);
  result = (GStrv)g_ptr_array_free (g_steal_pointer (&clean), FALSE);

  if (g_strv_equal ((const char * const *)self->tags, (const char * const *)result))
    {
      g_strfreev (result);
      return;
    }
  g_strfreev (self->tags);
  self->tags = result;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
cc_annotation_has_tag (CcAnnotation *self,
                       const char   *tag)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CC_IS_ANNOTATION (self), FALSE);

  if (tag == NULL)
    return FALSE;
  key = g_utf8_casefold (tag, -1);
  for (guint i = 0; self->tags[i] != NULL; i++)
    {
      g_autofree char *other = g_utf8_casefold (self->tags[i], -1);

      if (g_strcmp0 (key, other) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
cc_annotation_is_orphaned (CcAnnotation *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION (self), FALSE);
  return g_strcmp0 (self->state, CC_ANNOTATION_STATE_ORPHANED) == 0;
}
