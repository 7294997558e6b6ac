/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cc-anchor.h"
#include "cc-annotation-store.h"
#include "cc-error.h"
#include "cc-w3c.h"

/* Background colours of the style classes, for viewers that apply the
 * stylesheet. */
static const struct
{
  const char *color;
  const char *css;
} color_rules[] = {
  { "yellow", "#f9f06b" },
  { "green", "#8ff0a4" },
  { "blue", "#99c1f1" },
  { "pink", "#ffa8d6" },
  { "purple", "#dc8add" },
};

void
cc_w3c_import_report_free (CcW3cImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->messages, g_ptr_array_unref);
  g_free (report);
}

static char *
format_time (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (timestamp);

  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       timestamp)
{
  g_autofree char *text = format_time (timestamp);

  add_string (builder, member, text);
}

static char *
random_urn (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("urn:uuid:", uuid, NULL);
}

static const char *
color_css (const char *color)
{
  for (guint i = 0; i < G_N_ELEMENTS (color_rules); i++)
    if (g_strcmp0 (color_rules[i].color, color) == 0)
      return color_rules[i].css;
  return NULL;
}

static void
add_source (JsonBuilder *builder,
            CcDocument  *doc,
            const char  *hint)
{
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  if (doc != NULL)
    {
      const char *path = cc_document_get_path (doc);
      g_autofree char *uri = g_path_is_absolute (path) ? g_filename_to_uri (path, NULL, NULL)
                                                       : NULL;

      add_string (builder, "id", uri != NULL ? uri : path);
      add_string (builder, "type", "Text");
      add_string (builder, "format", "text/plain");
      add_string (builder, "title", cc_document_get_title (doc));
      add_string (builder, "crosscheck:basename", cc_document_get_basename (doc));
      add_string (builder, "crosscheck:sha256", cc_document_get_hash (doc));
    }
  else
    {
      /* Only the name it had is known: a relative reference. */
      g_autofree char *escaped = g_uri_escape_string (hint ? hint : "", NULL, FALSE);

      add_string (builder, "id", *escaped != '\0' ? escaped : CC_W3C_NAMESPACE "unknown-document");
      add_string (builder, "type", "Text");
      if (hint != NULL)
        add_string (builder, "crosscheck:basename", hint);
    }
  json_builder_end_object (builder);
}

static void
add_annotation (JsonBuilder  *builder,
                CcAnnotation *a,
                CcDocument   *doc)
{
  const char *note = cc_annotation_get_note (a);
  const char * const *tags = cc_annotation_get_tags (a);
  const char *color = cc_annotation_get_color (a);
  const char *css = color_css (color);
  g_autofree char *id = g_strconcat ("urn:uuid:", cc_annotation_get_uuid (a), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "type", "Annotation");
  add_string (builder, "motivation", *note != '\0' ? "commenting" : "highlighting");
  add_time (builder, "created", cc_annotation_get_created (a));
  add_time (builder, "modified", cc_annotation_get_modified (a));

  if (*note != '\0' || tags[0] != NULL)
    {
      json_builder_set_member_name (builder, "body");
      json_builder_begin_array (builder);
      if (*note != '\0')
        {
          json_builder_begin_object (builder);
          add_string (builder, "type", "TextualBody");
          add_string (builder, "value", note);
          add_string (builder, "format", "text/plain");
          add_string (builder, "purpose", "commenting");
          json_builder_end_object (builder);
        }
      for (guint i = 0; tags[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          add_string (builder, "type", "TextualBody");
          add_string (builder, "value", tags[i]);
          add_string (builder, "purpose", "tagging");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (css != NULL)
    {
      g_autofree char *rule = g_strdup_printf (".%s { background-color: %s; }", color, css);

      json_builder_set_member_name (builder, "stylesheet");
      json_builder_begin_object (builder);
      add_string (builder, "type", "CssStylesheet");
      add_string (builder, "value", rule);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_source (builder, doc, cc_annotation_get_document_hint (a));
  add_string (builder, "styleClass", color);
  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextQuoteSelector");
  add_string (builder, "exact", cc_annotation_get_quote (a));
  add_string (builder, "prefix", cc_annotation_get_prefix (a));
  add_string (builder, "suffix", cc_annotation_get_suffix (a));
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextPositionSelector");
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, cc_annotation_get_start (a));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, cc_annotation_get_end (a));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  add_string (builder, "crosscheck:state", cc_annotation_get_state (a));
  json_builder_end_object (builder);
}

char *
cc_w3c_export (CcStore                *store,
               const CcExportOptions  *options,
               GError                **error)
{
  g_autoptr(CcExportSelection) selection = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) documents = NULL;
  g_autofree char *collection_id = random_urn ();
  g_autofree char *page_id = random_urn ();
  gint64 timestamp;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  selection = cc_export_select (store, options, error);
  if (selection == NULL)
    return NULL;

  documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < selection->documents->len; i++)
    {
      CcDocument *doc = selection->documents->pdata[i];
      gint64 id = cc_document_get_id (doc);

      g_hash_table_insert (documents, g_memdup2 (&id, sizeof id), doc);
    }

  timestamp = options->timestamp != 0 ? options->timestamp
                                      : g_get_real_time () / G_USEC_PER_SEC;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, CC_W3C_CONTEXT);
  json_builder_begin_object (builder);
  add_string (builder, "crosscheck", CC_W3C_NAMESPACE);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  add_string (builder, "id", collection_id);
  add_string (builder, "type", "AnnotationCollection");
  add_string (builder, "label", options->title != NULL && *options->title != '\0'
                                  ? options->title : _("Crosscheck notes"));
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, selection->annotations->len);
  add_time (builder, "generated", timestamp);
  json_builder_set_member_name (builder, "generator");
  json_builder_begin_object (builder);
  add_string (builder, "type", "Software");
  add_string (builder, "name", "Crosscheck " PACKAGE_VERSION);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "first");
  json_builder_begin_object (builder);
  add_string (builder, "id", page_id);
  add_string (builder, "type", "AnnotationPage");
  add_string (builder, "partOf", collection_id);
  json_builder_set_member_name (builder, "startIndex");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < selection->annotations->len; i++)
    {
      CcAnnotation *a = selection->annotations->pdata[i];
      gint64 doc_id = cc_annotation_get_document_id (a);

      add_annotation (builder, a, g_hash_table_lookup (documents, &doc_id));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Import: reading */

typedef struct
{
  CcAnnotation *annotation;
  gboolean      has_position;
  char         *path;      /* from a file: URI, nullable */
  char         *basename;  /* nullable */
  char         *hash;      /* nullable */
} Parsed;

static void
parsed_free (Parsed *parsed)
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

static gboolean
get_offset (JsonObject *object,
            const char *member,
            guint      *value)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    v = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE &&
           json_node_get_double (node) == (double)(gint64)json_node_get_double (node))
    v = (gint64)json_node_get_double (node);
  else
    return FALSE;
  if (v < 0 || v > G_MAXINT)
    return FALSE;
  *value = (guint)v;
  return TRUE;
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
      sel->has_position = get_offset (selector, "start", &sel->start) &&
                          get_offset (selector, "end", &sel->end) &&
                          sel->end > sel->start;
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

static Parsed *
parse_annotation (JsonObject  *item,
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
  Parsed *parsed;

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

  parsed = g_new0 (Parsed, 1);
  parsed->annotation = g_steal_pointer (&a);
  parsed->has_position = sel.has_position;
  parsed->path = source != NULL ? g_filename_from_uri (source, NULL, NULL) : NULL;
  parsed->basename = g_strdup (get_string (source_object, "crosscheck:basename"));
  if (parsed->basename == NULL)
    parsed->basename = basename_of_iri (source);
  parsed->hash = g_strdup (get_string (source_object, "crosscheck:sha256"));
  return parsed;
}

/* The annotation objects of a collection, page, array or single
 * annotation. */
static JsonArray *
find_items (JsonNode *root)
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
static void
set_parse_error (GError      **error,
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

/* Import: storing */

static gboolean
step (CcStore       *store,
      sqlite3_stmt  *stmt,
      const char    *what,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return cc_store_set_error (store, error, what);
  return TRUE;
}

static gboolean
uuid_exists (CcStore     *store,
             const char  *uuid,
             gboolean    *exists,
             GError     **error)
{
  sqlite3_stmt *stmt = cc_store_prepare (store, "SELECT 1 FROM annotations WHERE uuid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  *exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Ids and hashes of the documents matching @sql's one parameter. */
static gboolean
find_documents (CcStore     *store,
                const char  *sql,
                const char  *value,
                GArray      *ids,
                GPtrArray   *hashes,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_size (ids, 0);
  g_ptr_array_set_size (hashes, 0);
  if (value == NULL)
    return TRUE;
  stmt = cc_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (hashes, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cc_store_set_error (store, error, "cannot look up documents");
  return TRUE;
}

/* Document texts prepared for anchoring, loaded once per import. */
static CcAnchorText *
get_text (CcStore     *store,
          GHashTable  *texts,
          gint64       id,
          GError     **error)
{
  CcAnchorText *text = g_hash_table_lookup (texts, &id);
  g_autofree char *raw = NULL;

  if (text != NULL)
    return text;
  raw = cc_store_load_text (store, id, error);
  if (raw == NULL)
    return NULL;
  text = cc_anchor_text_new (raw);
  g_hash_table_insert (texts, g_memdup2 (&id, sizeof id), text);
  return text;
}

/* Places @a in a document: FALSE (and no error) when @must_find and its
 * quote is not there. */
static gboolean
place (CcAnchorText  *text,
       CcAnnotation  *a,
       gboolean       has_position,
       gboolean       must_find)
{
  CcAnchorSelector sel = {
    cc_annotation_get_start (a), cc_annotation_get_end (a), cc_annotation_get_quote (a),
    cc_annotation_get_prefix (a), cc_annotation_get_suffix (a),
  };
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  CcAnchorMatch match;

  cc_anchor_text_resolve (text, &sel, &match);
  if (match.state == CC_ANCHOR_ORPHANED)
    {
      if (must_find)
        return FALSE;
      /* Kept with the quote and offsets it had. */
      cc_annotation_set_state (a, CC_ANNOTATION_STATE_ORPHANED);
      return TRUE;
    }
  if (has_position && match.method == CC_ANCHOR_METHOD_POSITION &&
      match.start == sel.start && match.end == sel.end)
    {
      /* Where it was: keep the state it was exported with, unless it was
       * an orphan that is now found. */
      if (cc_annotation_is_orphaned (a))
        cc_annotation_set_state (a, cc_anchor_state_to_string (match.state));
      return TRUE;
    }
  cc_anchor_text_describe (text, match.start, match.end, &quote, &prefix, &suffix);
  cc_annotation_set_start (a, match.start);
  cc_annotation_set_end (a, match.end);
  cc_annotation_set_quote (a, quote);
  cc_annotation_set_prefix (a, prefix);
  cc_annotation_set_suffix (a, suffix);
  cc_annotation_set_state (a, has_position ? CC_ANNOTATION_STATE_MOVED
                                           : cc_anchor_state_to_string (match.state));
  return TRUE;
}

/* Finds the document of @parsed and places the annotation in it: by hash
 * (the very text it was made on: taken as it is), by path, by base name
 * (where the quote must be found). Sets *document_id to 0 when none. */
static gboolean
resolve (CcStore     *store,
         GHashTable  *texts,
         Parsed      *parsed,
         gint64      *document_id,
         GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  CcAnnotation *a = parsed->annotation;
  CcAnchorText *text;

  *document_id = 0;

  /* The same path and content, or the same content elsewhere. */
  if (!find_documents (store, "SELECT id, hash FROM documents WHERE path = ?", parsed->path,
                       ids, hashes, error))
    return FALSE;
  if (ids->len == 0 || g_strcmp0 (hashes->pdata[0], parsed->hash) != 0)
    {
      g_autoptr(GArray) same = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) same_hashes = g_ptr_array_new_with_free_func (g_free);

      if (!find_documents (store, "SELECT id, hash FROM documents WHERE hash = ? ORDER BY id",
                           parsed->hash, same, same_hashes, error))
        return FALSE;
      if (same->len > 0)
        {
          g_array_set_size (ids, 0);
          g_array_append_val (ids, g_array_index (same, gint64, 0));
          g_ptr_array_set_size (hashes, 0);
          g_ptr_array_add (hashes, g_strdup (parsed->hash));
        }
    }

  if (ids->len > 0)
    {
      gint64 id = g_array_index (ids, gint64, 0);

      text = get_text (store, texts, id, error);
      if (text == NULL)
        return FALSE;
      if (parsed->hash != NULL && g_strcmp0 (hashes->pdata[0], parsed->hash) == 0 &&
          parsed->has_position && cc_annotation_get_end (a) <= cc_anchor_text_get_length (text))
        {
          /* The text it was made on: as it was, orphan or not. */
          *document_id = id;
          return TRUE;
        }
      /* Its file, changed since: placed like a re-anchoring, kept as an
       * orphan when its text is gone. */
      place (text, a, parsed->has_position, FALSE);
      *document_id = id;
      return TRUE;
    }

  /* The one document of that name (kept there as an orphan if its quote
   * is gone), or of several the one where its quote is found. */
  if (!find_documents (store, "SELECT id, hash FROM documents WHERE basename = ? ORDER BY id",
                       parsed->basename, ids, hashes, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      text = get_text (store, texts, id, error);
      if (text == NULL)
        return FALSE;
      if (place (text, a, parsed->has_position, ids->len > 1))
        {
          *document_id = id;
          return TRUE;
        }
    }
  return TRUE;
}

static gboolean
write_tags (CcStore             *store,
            gint64               id,
            const char * const  *tags,
            GError             **error)
{
  for (guint i = 0; tags[i] != NULL; i++)
    {
      sqlite3_stmt *stmt;

      stmt = cc_store_prepare (store, "INSERT INTO tags (name) VALUES (?) "
                                      "ON CONFLICT (name) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tags[i], -1, SQLITE_TRANSIENT);
      if (!step (store, stmt, "cannot write tags", error))
        return FALSE;

      stmt = cc_store_prepare (store, "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) "
                                      "SELECT ?1, id FROM tags WHERE name = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, tags[i], -1, SQLITE_TRANSIENT);
      if (!step (store, stmt, "cannot write tags", error))
        return FALSE;
    }
  return TRUE;
}

/* An annotation without a document: kept for later. */
static gboolean
insert_detached (CcStore       *store,
                 CcAnnotation  *a,
                 const char    *hint,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (cc_annotation_get_created (a) == 0)
    cc_annotation_set_created (a, now);
  if (cc_annotation_get_modified (a) == 0)
    cc_annotation_set_modified (a, cc_annotation_get_created (a));
  cc_annotation_set_state (a, CC_ANNOTATION_STATE_ORPHANED);
  cc_annotation_set_document_id (a, 0);
  cc_annotation_set_document_hint (a, hint);

  stmt = cc_store_prepare (store,
                           "INSERT INTO annotations (uuid, document_id, document_hint, start, end,"
                           "  quote, prefix, suffix, color, note, state, created, modified) "
                           "VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cc_annotation_get_uuid (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hint, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, cc_annotation_get_start (a));
  sqlite3_bind_int64 (stmt, 4, cc_annotation_get_end (a));
  sqlite3_bind_text (stmt, 5, cc_annotation_get_quote (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, cc_annotation_get_prefix (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, cc_annotation_get_suffix (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, cc_annotation_get_color (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, cc_annotation_get_note (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, cc_annotation_get_state (a), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 11, cc_annotation_get_created (a));
  sqlite3_bind_int64 (stmt, 12, cc_annotation_get_modified (a));
  if (!step (store, stmt, "cannot store an annotation", error))
    return FALSE;
  cc_annotation_set_id (a, sqlite3_last_insert_rowid (cc_store_get_db (store)));
  return write_tags (store, cc_annotation_get_id (a), cc_annotation_get_tags (a), error);
}

/* Runs in the caller's transaction. */
static gboolean
attach_pending (CcStore     *store,
                GHashTable  *texts,
                guint       *n_attached,
                GError     **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  *n_attached = 0;
  stmt = cc_store_prepare (store, "SELECT id, document_hint, start, end, quote, prefix, suffix "
                                  "FROM annotations WHERE document_id IS NULL "
                                  "AND document_hint IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CcAnnotation *a = cc_annotation_new ();

      cc_annotation_set_id (a, sqlite3_column_int64 (stmt, 0));
      cc_annotation_set_document_hint (a, (const char *)sqlite3_column_text (stmt, 1));
      cc_annotation_set_start (a, (guint)sqlite3_column_int64 (stmt, 2));
      cc_annotation_set_end (a, (guint)sqlite3_column_int64 (stmt, 3));
      cc_annotation_set_quote (a, (const char *)sqlite3_column_text (stmt, 4));
      cc_annotation_set_prefix (a, (const char *)sqlite3_column_text (stmt, 5));
      cc_annotation_set_suffix (a, (const char *)sqlite3_column_text (stmt, 6));
      g_ptr_array_add (pending, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cc_store_set_error (store, error, "cannot list detached annotations");

  for (guint i = 0; i < pending->len; i++)
    {
      CcAnnotation *a = pending->pdata[i];

      if (*cc_annotation_get_quote (a) == '\0')
        continue;
      if (!find_documents (store, "SELECT id, hash FROM documents WHERE basename = ? ORDER BY id",
                           cc_annotation_get_document_hint (a), ids, hashes, error))
        return FALSE;
      for (guint j = 0; j < ids->len; j++)
        {
          gint64 id = g_array_index (ids, gint64, j);
          CcAnchorText *text = get_text (store, texts, id, error);

          if (text == NULL)
            return FALSE;
          /* The only document of that name takes it even as an orphan. */
          if (!place (text, a, TRUE, ids->len > 1))
            continue;

          stmt = cc_store_prepare (store, "UPDATE annotations SET document_id = ?, start = ?,"
                                          "  end = ?, quote = ?, prefix = ?, suffix = ?, state = ? "
                                          "WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, cc_annotation_get_start (a));
          sqlite3_bind_int64 (stmt, 3, cc_annotation_get_end (a));
          sqlite3_bind_text (stmt, 4, cc_annotation_get_quote (a), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, cc_annotation_get_prefix (a), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 6, cc_annotation_get_suffix (a), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 7, cc_annotation_get_state (a), -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 8, cc_annotation_get_id (a));
          if (!step (store, stmt, "cannot attach an annotation", error))
            return FALSE;
          (*n_attached)++;
          break;
        }
    }
  return TRUE;
}

static GHashTable *
new_text_cache (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify)cc_anchor_text_free);
}

/* A transaction of our own, or the caller's when one is open. */
static gboolean
begin (CcStore   *store,
       gboolean  *owned,
       GError   **error)
{
  *owned = sqlite3_get_autocommit (cc_store_get_db (store)) != 0;
  return !*owned || cc_store_begin (store, error);
}

static gboolean
finish (CcStore   *store,
        gboolean   owned,
        gboolean   ok,
        GError   **error)
{
  if (!owned)
    return ok;
  if (ok && cc_store_commit (store, error))
    return TRUE;
  cc_store_rollback (store);
  return FALSE;
}

gboolean
cc_w3c_attach_pending (CcStore  *store,
                       guint    *n_attached,
                       GError  **error)
{
  g_autoptr(GHashTable) texts = new_text_cache ();
  guint attached = 0;
  gboolean owned;
  gboolean ok;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);

  if (!begin (store, &owned, error))
    return FALSE;
  ok = attach_pending (store, texts, &attached, error);
  if (!finish (store, owned, ok, error))
    return FALSE;
  if (n_attached != NULL)
    *n_attached = attached;
  return TRUE;
}

static gboolean
store_all (CcStore            *store,
           GPtrArray          *parsed,
           CcW3cImportReport  *report,
           GError            **error)
{
  g_autoptr(GHashTable) texts = new_text_cache ();

  if (!attach_pending (store, texts, &report->attached, error))
    return FALSE;

  for (guint i = 0; i < parsed->len; i++)
    {
      Parsed *p = parsed->pdata[i];
      CcAnnotation *a = p->annotation;
      gboolean exists;
      gint64 document_id;

      if (!uuid_exists (store, cc_annotation_get_uuid (a), &exists, error))
        return FALSE;
      if (exists)
        {
          report->duplicates++;
          continue;
        }
      if (!resolve (store, texts, p, &document_id, error))
        return FALSE;

      if (document_id != 0)
        {
          cc_annotation_set_document_id (a, document_id);
          if (!cc_annotation_store_add (store, a, error))
            return FALSE;
          report->added++;
        }
      else
        {
          const char *hint = p->basename != NULL ? p->basename : _("unknown document");
          g_autofree char *short_uuid = g_strndup (cc_annotation_get_uuid (a), 8);

          if (!insert_detached (store, a, hint, error))
            return FALSE;
          report->pending++;
          g_ptr_array_add (report->messages,
                           g_strdup_printf (_("Annotation %s on “%s”: that document is not in "
                                              "the library; kept until it is imported"),
                                            short_uuid, hint));
        }
    }
  return TRUE;
}

CcW3cImportReport *
cc_w3c_import_data (CcStore     *store,
                    const char  *data,
                    gssize       length,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) json_error = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify)parsed_free);
  g_autoptr(CcW3cImportReport) report = NULL;
  gboolean owned;
  gboolean ok;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (name == NULL)
    name = _("input");

  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      set_parse_error (error, json_error, name);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_EMPTY, _("%s: empty, no annotations"), name);
      return NULL;
    }
  items = find_items (json_parser_get_root (parser));
  if (items == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("%s: not a W3C annotation collection, page or annotation"), name);
      return NULL;
    }

  /* Read everything first: a bad annotation stops the import before
   * anything is stored. */
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      Parsed *p;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                       _("%s: item %u is not an Annotation"), name, i + 1);
          return NULL;
        }
      p = parse_annotation (json_node_get_object (node), i, name, error);
      if (p == NULL)
        return NULL;
      g_ptr_array_add (parsed, p);
    }

  report = g_new0 (CcW3cImportReport, 1);
  report->messages = g_ptr_array_new_with_free_func (g_free);

  if (!begin (store, &owned, error))
    return NULL;
  ok = store_all (store, parsed, report, error);
  if (!finish (store, owned, ok, error))
    {
      g_prefix_error (error, _("%s: nothing imported: "), name);
      return NULL;
    }
  return g_steal_pointer (&report);
}

CcW3cImportReport *
cc_w3c_import_file (CcStore     *store,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return cc_w3c_import_data (store, data, length, path, error);
}
