/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cc-document.h"

struct _CcDocument
{
  GObject  parent_instance;

  gint64   id;
  char    *path;
  char    *basename;
  char    *title;
  char    *outlet;
  char    *byline;
  char    *hash;
  char    *text;
  char    *published;
  char    *url;
  char    *language;
  guint    words;
  gint64   size;
  gint64   mtime;
  guint    missing : 1;
};

G_DEFINE_FINAL_TYPE (CcDocument, cc_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PATH,
  PROP_BASENAME,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_BYLINE,
  PROP_WORDS,
  PROP_MISSING,
  PROP_PUBLISHED,
  PROP_URL,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cc_document_finalize (GObject *object)
{
  CcDocument *self = (CcDocument *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->basename, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->byline, g_free);
  g_clear_pointer (&self->hash, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (cc_document_parent_class)->finalize (object);
}

static void
cc_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CcDocument *self = CC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_BASENAME:
      g_value_set_string (value, self->basename);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_BYLINE:
      g_value_set_string (value, self->byline);
      break;
    case PROP_WORDS:
      g_value_set_uint (value, self->words);
      break;
    case PROP_MISSING:
      g_value_set_boolean (value, self->missing);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_document_class_init (CcDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_document_finalize;
  object_class->get_property = cc_document_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASENAME] =
    g_param_spec_string ("basename", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYLINE] =
    g_param_spec_string ("byline", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORDS] =
    g_param_spec_uint ("words", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MISSING] =
    g_param_spec_boolean ("missing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_document_init (CcDocument *self)
{
}

CcDocument *
cc_document_new (gint64      id,
                 const char *path,
                 const char *title,
                 const char *outlet,
                 const char *byline,
                 const char *hash,
                 guint       words,
                 gint64      size,
                 gint64      mtime,
                 gboolean    missing)
{
  CcDocument *self = g_object_new (CC_TYPE_DOCUMENT, NULL);

  self->id = id;
  self->path = g_strdup (path);
  self->basename = path ? g_path_get_basename (path) : NULL;
  self->title = g_strdup (title);
  self->outlet = g_strdup (outlet);
  self->byline = g_strdup (byline);
  self->hash = g_strdup (hash);
  self->words = words;
  self->size = size;
  self->mtime = mtime;
  self->missing = !!missing;
  return self;
}

gint64
cc_document_get_id (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), 0);
  return self->id;
}

const char *
cc_document_get_path (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->path;
}

const char *
cc_document_get_basename (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->basename;
}

const char *
cc_document_get_title (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
cc_document_get_outlet (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->outlet;
}

const char *
cc_document_get_byline (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->byline;
}

const char *
cc_document_get_hash (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->hash;
}

guint
cc_document_get_words (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), 0);
  return self->words;
}

gint64
cc_document_get_size (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), 0);
  return self->size;
}

gint64
cc_document_get_mtime (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), 0);
  return self->mtime;
}

gboolean
cc_document_get_missing (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), FALSE);
  return self->missing;
}

const char *
cc_document_get_text (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->text;
}

void
cc_document_set_text (CcDocument *self,
                      const char *text)
{
  g_return_if_fail (CC_IS_DOCUMENT (self));
  g_free (self->text);
  self->text = g_strdup (text);
}

const char *
cc_document_get_published (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->published;
}

const char *
cc_document_get_url (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->url;
}

const char *
cc_document_get_language (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->language;
}

void
cc_document_set_meta (CcDocument *self,
                      const char *published,
                      const char *url,
                      const char *language)
{
  g_return_if_fail (CC_IS_DOCUMENT (self));
  g_free (self->published);
  self->published = g_strdup (published);
  g_free (self->url);
  self->url = g_strdup (url);
  g_free (self->language);
  self->language = g_strdup (language);
}

char *
cc_document_dup_published_display (CcDocument *self)
{
  g_autoptr(GDateTime) when = NULL;
  int year, month, day;

  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  if (self->published == NULL ||
      sscanf (self->published, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  when = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: a publication date, see g_date_time_format(): "14 Mar 2025" */
  return when ? g_date_time_format (when, _("%-d %b %Y")) : NULL;
}

char *
cc_document_dup_source_line (CcDocument *self)
{
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  date = cc_document_dup_published_display (self);
  if (self->outlet != NULL && *self->outlet)
    g_ptr_array_add (parts, self->outlet);
  if (self->byline != NULL && *self->byline)
    g_ptr_array_add (parts, self->byline);
  if (date != NULL)
    g_ptr_array_add (parts, date);
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator of "Outlet · Author · 14 Mar 2025" */
  return g_strjoinv (_(" · "), (char **)parts->pdata);
}

/* Metadata ----------------------------------------------------------------- */

CcDocumentMeta *
cc_document_meta_new (void)
{
  return g_new0 (CcDocumentMeta, 1);
}

void
cc_document_meta_free (CcDocumentMeta *meta)
{
  if (meta == NULL)
    return;
  g_free (meta->title);
  g_free (meta->outlet);
  g_free (meta->byline);
  g_free (meta->published);
  g_free (meta->url);
  g_free (meta->language);
  g_free (meta->description);
  g_free (meta);
}

void
cc_document_meta_take (char       **field,
                       const char  *value)
{
  GString *out;
  gboolean space = FALSE;

  if (*field != NULL || value == NULL)
    return;
  out = g_string_sized_new (strlen (value));
  for (const char *p = value; *p; )
    {
      /* ASCII byte by byte; other characters copied whole */
      const char *next = (guchar)*p < 0x80 ? p + 1 : g_utf8_next_char (p);
      gboolean is_space = (guchar)*p < 0x80 ? g_ascii_isspace (*p)
                                             : (g_unichar_isspace (g_utf8_get_char (p)) ||
                                                g_utf8_get_char (p) == 0xA0);

      if (is_space)
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, p, next - p);
        }
      p = next;
    }
  if (out->len == 0 || !g_utf8_validate (out->str, -1, NULL))
    {
      g_string_free (out, TRUE);
      return;
    }
  *field = g_string_free (out, FALSE);
}

void
cc_document_meta_merge (CcDocumentMeta       *meta,
                        const CcDocumentMeta *other)
{
  if (other == NULL)
    return;
  cc_document_meta_take (&meta->title, other->title);
  cc_document_meta_take (&meta->outlet, other->outlet);
  cc_document_meta_take (&meta->byline, other->byline);
  cc_document_meta_take (&meta->published, other->published);
  cc_document_meta_take (&meta->url, other->url);
  cc_document_meta_take (&meta->language, other->language);
  cc_document_meta_take (&meta->description, other->description);
}
