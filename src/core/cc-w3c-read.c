/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cc-error.h"
#include "cc-w3c-private.h"

/* Reading W3C Web Annotation JSON into annotations (not yet stored). */

void
_cc_w3c_parsed_free (CcW3cItem *parsed)
{
  g_clear_object (&parsed->annotation);
  g_free (parsed->path);
  g_free (parsed->basename);
  g_free (parsed->hash);
  g_free (parsed);
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

typedef enum
{
  OFFSET_ABSENT,   /* no such member, or not a number */
  OFFSET_OK,
  OFFSET_INVALID,  /* a number that is no character offset */
} OffsetResult;

/* A character offset: a whole number from 0 to G_MAXINT. A double is
 * range-checked before it is converted (converting one out of range is
 * undefined behaviour). */
static OffsetResult
get_offset (JsonObject *object,
            const char *member,
            guint      *value)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return OFFSET_ABSENT;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    v = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (!(d >= 0 && d <= G_MAXINT) || d != floor (d))
        return OFFSET_INVALID;
      v = (gint64)d;
    }
  else
    return OFFSET_ABSENT;
  if (v < 0 || v > G_MAXINT)
    return OFFSET_INVALID;
  *value = (guint)v;
  return OFFSET_OK;
}

/* Whether "type" (a string or an array of strings) names @type. */
static gboolean
has_type (JsonObject *object,
          const char *type)
{
  JsonNode *node = json_object_get_member (object, "type");

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING &&
              g_strcmp0 (json_node_get_string (element), type) == 0)
            return TRUE;
        }
      return FALSE;
    }
  return g_strcmp0 (get_string (object, "type"), type) == 0;
}

static gboolean
has_purpose (JsonObject *object,
             const char *purpose)
{
  JsonNode *node = json_object_get_member (object, "purpose");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING &&
              g_strcmp0 (json_node_get_string (element), purpose) == 0)
            return TRUE;
        }
      return FALSE;
    }
  return g_strcmp0 (get_string (object, "purpose"), purpose) == 0;
}

/* Calls @func on @node if it is an object, or on each object of it if it
 * is an array. */
static void
foreach_object (JsonNode *node,
                void    (*func) (JsonObject *object, gpointer data),
                gpointer  data)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    func (json_node_get_object (node), data);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_OBJECT (element))
            func (json_node_get_object (element), data);
        }
    }
}

typedef struct
{
  GString   *note;
  GPtrArray *tags;
} Bodies;

static void
read_body (JsonObject *body,
           gpointer    data)
{
  Bodies *bodies = data;
  const char *value = get_string (body, "value");

  if (value == NULL)
    return;
  if (has_purpose (body, "tagging"))
    g_ptr_array_add (bodies->tags, (gpointer)value);
  else if (has_purpose (body, "commenting") || has_purpose (body, "describing") ||
           json_object_get_member (body, "purpose") == NULL)
    {
      if (bodies->note->len > 0)
        g_string_append (bodies->note, "\n\n");
      g_string_append (bodies->note, value);
    }
}

typedef struct
{
  const char *exact;
  const char *prefix;
  const char *suffix;
  guint       start;
  guint       end;
  gboolean    has_position;
  const char *bad_offset;  /* the member that is no offset, or NULL */
} Selectors;

static void
read_selector (JsonObject *selector,
               gpointer    data)
{
  Selectors *sel = data;

  if (has_type (selector, "TextQuoteSelector") && sel->exact == NULL)
    {
      sel->exact = get_string (selector, "exact");
      sel->prefix = get_string (selector, "prefix");
      sel->suffix = get_string (selector, "suffix");
    }
  else if (has_type (selector, "TextPositionSelector") && !sel->has_position)
    {
      OffsetResult start = get_offset (selector, "start", &sel->start);
      OffsetResult end = get_offset (selector, "end", &sel->end);

      if (start == OFFSET_INVALID || end == OFFSET_INVALID)
        sel->bad_offset = start == OFFSET_INVALID ? "start" : "end";
      sel->has_position = start == OFFSET_OK && end == OFFSET_OK && sel->end > sel->start;
    }
}

static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL)
    return 0;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/* A stable uuid for an annotation id that is not a urn:uuid (SHA-1 name
 * based, as a version 5 uuid), so importing it twice is still noticed. */
static char *
uuid_for_name (const char *name)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_checksum_update (checksum, (const guchar *)CC_W3C_NAMESPACE, -1);
  g_checksum_update (checksum, (const guchar *)name, -1);
  g_checksum_get_digest (checksum, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static char *
uuid_for_item (JsonObject *item)
{
  const char *id = get_string (item, "id");

  if (id != NULL && g_str_has_prefix (id, "urn:uuid:") &&
      g_uuid_string_is_valid (id + strlen ("urn:uuid:")))
    return g_ascii_strdown (id + strlen ("urn:uuid:"), -1);
  if (id != NULL && g_uuid_string_is_valid (id))
    return g_ascii_strdown (id, -1);
  if (id != NULL && *id != '\0')
    return uuid_for_name (id);
  else
    {
      /* No id: name it by its content. */
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *text = NULL;

      json_node_set_object (node, item);
      text = json_to_string (node, FALSE);
      return uuid_for_name (text);
    }
}

/* The base name of a source IRI: a file: URI's file, or the last segment. */
static char *
basename_of_iri (const char *iri)
{
  g_autofree char *path = NULL;
  const char *slash;

  if (iri == NULL || *iri == '\0')
    return NULL;
  path = g_filename_from_uri (iri, NULL, NULL);
  if (path != NULL)
    return g_path_get_basename (path);
  if (g_str_has_prefix (iri, CC_W3C_NAMESPACE))
    return NULL;
  slash = strrchr (iri, '/');
  return g_uri_unescape_string (slash != NULL ? slash + 1 : iri, NULL);
}

/* The document's base name: the one given, unless it is the display form
 * of the exact name the source IRI holds (a file name that is not UTF-8,
 * which JSON cannot carry as it is). Takes @from_iri. */
static char *
choose_basename (const char *given,
                 char       *from_iri)
{
  g_autofree char *shown = NULL;

  if (given == NULL)
    return from_iri;
  if (from_iri != NULL && !g_utf8_validate (from_iri, -1, NULL))
    {
      shown = g_utf8_make_valid (from_iri, -1);
      if (g_str_equal (shown, given))
        return from_iri;
    }
  g_free (from_iri);
  return g_strdup (given);
}

CcW3cItem *
_cc_w3c_parse_annotation (JsonObject  *item,
                          guint        index,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(CcAnnotation) a = cc_annotation_new ();
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autofree char *uuid = NULL;
  Bodies bodies = { note, tags };
  Selectors sel = { 0 };
  JsonNode *target_node = json_object_get_member (item, "target");
  JsonObject *target = NULL;
  JsonObject *source_object = NULL;
  const char *source = NULL;
  const char *color;
  const char *state;
  CcW3cItem *parsed;

  if (!has_type (item, "Annotation"))
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("%s: item %u is not an Annotation"), name, index + 1);
      return NULL;
    }

  /* The first target with a selector. */
  if (target_node != NULL && JSON_NODE_HOLDS_OBJECT (target_node))
    target = json_node_get_object (target_node);
  else if (target_node != NULL && JSON_NODE_HOLDS_ARRAY (target_node))
    {
      JsonArray *array = json_node_get_array (target_node);

      for (guint i = 0; target == NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_OBJECT (element) &&
              json_object_has_member (json_node_get_object (element), "selector"))
            target = json_node_get_object (element);
        }
    }
  if (target != NULL)
    foreach_object (json_object_get_member (target, "selector"), read_selector, &sel);
  if (sel.exact == NULL || *sel.exact == '\0')
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("%s: annotation %u has no target with a TextQuoteSelector and its exact text"),
                   name, index + 1);
      return NULL;
    }

  if (sel.bad_offset != NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("%s: annotation %u: the TextPositionSelector’s “%s” is not a character "
                     "offset (a whole number from 0 to %d)"),
                   name, index + 1, sel.bad_offset, G_MAXINT);
      return NULL;
    }

  source = get_string (target, "source");
  if (source == NULL && json_object_get_member (target, "source") != NULL &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (target, "source")))
    {
      source_object = json_object_get_object_member (target, "source");
      source = get_string (source_object, "id");
    }

  uuid = uuid_for_item (item);
  cc_annotation_set_uuid (a, uuid);
  cc_annotation_set_quote (a, sel.exact);
  cc_annotation_set_prefix (a, sel.prefix ? sel.prefix : "");
  cc_annotation_set_suffix (a, sel.suffix ? sel.suffix : "");
  if (sel.has_position)
    {
      cc_annotation_set_start (a, sel.start);
      cc_annotation_set_end (a, sel.end);
    }
  else
    {
      cc_annotation_set_start (a, 0);
      cc_annotation_set_end (a, g_utf8_strlen (sel.exact, -1));
    }

  color = get_string (target, "styleClass");
  if (!cc_annotation_color_is_valid (color))
    color = get_string (item, "crosscheck:color");
  if (cc_annotation_color_is_valid (color))
    cc_annotation_set_color (a, color);

  if (get_string (item, "bodyValue") != NULL)
    g_string_append (note, get_string (item, "bodyValue"));
  foreach_object (json_object_get_member (item, "body"), read_body, &bodies);
  cc_annotation_set_note (a, note->str);
  g_ptr_array_add (tags, NULL);
  cc_annotation_set_tags (a, (const char * const *)tags->pdata);

  cc_annotation_set_created (a, parse_time (get_string (item, "created")));
  cc_annotation_set_modified (a, parse_time (get_string (item, "modified")));
  if (cc_annotation_get_created (a) == 0)
    cc_annotation_set_created (a, cc_annotation_get_modified (a));

  state = get_string (item, "crosscheck:state");
  if (g_strcmp0 (state, CC_ANNOTATION_STATE_MOVED) == 0 ||
      g_strcmp0 (state, CC_ANNOTATION_STATE_ORPHANED) == 0)
    cc_annotation_set_state (a, state);

  parsed = g_new0 (CcW3cItem, 1);
  parsed->annotation = g_steal_pointer (&a);
  parsed->has_position = sel.has_position;
  parsed->path = source != NULL ? g_filename_from_uri (source, NULL, NULL) : NULL;
  parsed->basename = choose_basename (get_string (source_object, "crosscheck:basename"),
                                      basename_of_iri (source));
  parsed->hash = g_strdup (get_string (source_object, "crosscheck:sha256"));
  return parsed;
}

/* The annotation objects of a collection, page, array or single
 * annotation. */
JsonArray *
_cc_w3c_find_items (JsonNode *root)
{
  JsonObject *object;
  JsonNode *node;

  if (root == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_array_ref (json_node_get_array (root));
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  if (has_type (object, "Annotation"))
    {
      JsonArray *single = json_array_new ();
      json_array_add_element (single, json_node_copy (root));
      return single;
    }
  if (has_type (object, "AnnotationCollection"))
    {
      node = json_object_get_member (object, "first");
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      object = json_node_get_object (node);
    }
  if (has_type (object, "AnnotationPage"))
    {
      node = json_object_get_member (object, "items");
      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        return json_array_ref (json_node_get_array (node));
    }
  return NULL;
}

/* "<data>:3:12: Parse error: …" -> "NAME, line 3, column 12: …" */
void
_cc_w3c_set_parse_error (GError      **error,
                         const GError *json_error,
                         const char   *name)
{
  unsigned int line = 0, column = 0;
  int consumed = 0;
  const char *message = json_error->message;

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      const char *rest = message + consumed;
      const char *colon = strstr (rest, ": ");

      /* Drop json-glib's "Parse error" label. */
      if (colon != NULL && colon - rest < 24)
        rest = colon + 2;
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("%s, line %u, column %u: not valid JSON: %s"), name, line, column, rest);
    }
  else
    g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                 _("%s: not valid JSON: %s"), name, message);
}

/* Whether @c is JSON white space. */
static inline gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* At a backslash in a string (data[*i]): steps *@i over the escape's
 * first character, or over a whole \uXXXX escape, and follows UTF-16
 * surrogate pairs: json-glib turns half of a pair into bytes that are not
 * UTF-8. Returns FALSE for such a half. */
static gboolean
check_unicode_escape (const char *data,
                      gsize       length,
                      gsize      *i,
                      gboolean   *pending_high)
{
  guint unit = 0;

  if (*i + 1 >= length || data[*i + 1] != 'u')
    {
      *i += 1;
      return !*pending_high;
    }
  if (*i + 5 >= length)
    return TRUE;  /* cut short: the parser reports it */
  for (guint k = 2; k < 6; k++)
    {
      int digit = g_ascii_xdigit_value (data[*i + k]);

      if (digit < 0)
        return TRUE;  /* not an escape: the parser reports it */
      unit = unit * 16 + (guint)digit;
    }
  *i += 5;
  if (unit >= 0xDC00 && unit <= 0xDFFF)
    {
      if (!*pending_high)
        return FALSE;
      *pending_high = FALSE;
      return TRUE;
    }
  if (*pending_high)
    return FALSE;
  *pending_high = unit >= 0xD800 && unit <= 0xDBFF;
  return TRUE;
}

/* json-glib's parser recurses once per level of nesting: a deep enough
 * input overflows the stack. It also takes a value followed by another
 * ("0{…}") as one document and leaks one of them. So the text is checked
 * first, without recursion: its size; its depth, by a scan that skips
 * strings (and the escapes in them) and counts brackets; and that it
 * holds one value at the top. Other bad JSON is left for the parser to
 * report. */
gboolean
_cc_w3c_check_json (const char  *data,
                    gsize        length,
                    const char  *name,
                    GError     **error)
{
  gboolean in_string = FALSE;
  gboolean in_scalar = FALSE;  /* a number or literal at the top */
  gboolean had_value = FALSE;  /* a whole value at the top has ended */
  gboolean pending_high = FALSE;  /* a \u escape of a high surrogate wants its low half */
  guint depth = 0;
  guint line = 1;

  if (length > CC_W3C_MAX_BYTES)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_TOO_LARGE,
                   _("%s: too large (%" G_GSIZE_FORMAT " bytes; the limit is %u MB)"),
                   name, length, CC_W3C_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }

  /* JSON is UTF-8 (RFC 8259); json-glib would pass other bytes on. */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("%s: not valid JSON: the text is not UTF-8"), name);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      gboolean starts_value;

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            {
              if (!check_unicode_escape (data, length, &i, &pending_high))
                {
                  g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                               _("%s, line %u: not valid JSON: a \\u escape is half of a "
                                 "UTF-16 pair"), name, line);
                  return FALSE;
                }
            }
          else if (pending_high)
            {
              g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                           _("%s, line %u: not valid JSON: a \\u escape is half of a "
                             "UTF-16 pair"), name, line);
              return FALSE;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              had_value = had_value || depth == 0;
            }
          continue;
        }

      if (depth == 0 && in_scalar && (is_json_space (c) || strchr ("{[\"", c) != NULL))
        {
          in_scalar = FALSE;
          had_value = TRUE;
        }
      starts_value = depth == 0 && !in_scalar && !is_json_space (c) && c != '}' && c != ']';
      if (starts_value && had_value)
        {
          g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                       _("%s, line %u: not valid JSON: more than one value"), name, line);
          return FALSE;
        }

      if (c == '"')
        in_string = TRUE;
      else if ((c == '{' || c == '[') && ++depth > CC_W3C_MAX_DEPTH)
        {
          g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                       _("%s, line %u: nested too deeply (more than %u levels of arrays and "
                         "objects)"), name, line, CC_W3C_MAX_DEPTH);
          return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        had_value = --depth == 0;
      else if (starts_value)
        in_scalar = TRUE;
    }
  return TRUE;
}
