/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cc-annotation-store.h"
#include "cc-error.h"
#include "cc-w3c-private.h"
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

/* JSON is UTF-8: a value that is not (a file name in another encoding)
 * is written with its invalid bytes replaced by U+FFFD, as
 * g_filename_display_name() shows it. The source's "id" keeps the exact
 * bytes, percent-encoded. */
static void
add_string (JsonObject *object,
            const char *member,
            const char *value)
{
  g_autofree char *valid = NULL;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  json_object_set_string_member (object, member, value ? value : "");
}

/* Publication metadata, when the document has it. */
static void
add_optional (JsonObject *object,
              const char *member,
              const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
}

static void
add_time (JsonObject *object,
          const char *member,
          gint64      timestamp)
{
  g_autofree char *text = format_time (timestamp);

  add_string (object, member, text);
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

/* The target's "source" for a document of the library, or for one known
 * only by the name it had (@hint). */
static JsonObject *
new_source (CcDocument *doc,
            const char *hint)
{
  JsonObject *source = json_object_new ();

  if (doc != NULL)
    {
      const char *path = cc_document_get_path (doc);
      g_autofree char *uri = g_path_is_absolute (path) ? g_filename_to_uri (path, NULL, NULL)
                                                       : NULL;

      add_string (source, "id", uri != NULL ? uri : path);
      add_string (source, "type", "Text");
      add_string (source, "format", "text/plain");
      add_string (source, "title", cc_document_get_title (doc));
      add_string (source, "crosscheck:basename", cc_document_get_basename (doc));
      add_string (source, "crosscheck:sha256", cc_document_get_hash (doc));
      add_optional (source, "crosscheck:outlet", cc_document_get_outlet (doc));
      add_optional (source, "creator", cc_document_get_byline (doc));
      add_optional (source, "crosscheck:published", cc_document_get_published (doc));
      add_optional (source, "crosscheck:url", cc_document_get_url (doc));
      add_optional (source, "language", cc_document_get_language (doc));
    }
  else
    {
      /* A relative reference. */
      g_autofree char *escaped = g_uri_escape_string (hint ? hint : "", NULL, FALSE);

      add_string (source, "id", *escaped != '\0' ? escaped : CC_W3C_NAMESPACE "unknown-document");
      add_string (source, "type", "Text");
      if (hint != NULL)
        add_string (source, "crosscheck:basename", hint);
    }
  return source;
}

static JsonObject *
new_textual_body (const char *value,
                  const char *purpose)
{
  JsonObject *body = json_object_new ();

  add_string (body, "type", "TextualBody");
  add_string (body, "value", value);
  if (g_str_equal (purpose, "commenting"))
    add_string (body, "format", "text/plain");
  add_string (body, "purpose", purpose);
  return body;
}

/* @source is shared by the annotations of one document (a reference is
 * taken). */
static JsonObject *
new_annotation (CcAnnotation *a,
                JsonObject   *source)
{
  JsonObject *item = json_object_new ();
  JsonObject *target = json_object_new ();
  JsonObject *quote = json_object_new ();
  JsonObject *position = json_object_new ();
  JsonArray *selectors = json_array_new ();
  const char *note = cc_annotation_get_note (a);
  const char * const *tags = cc_annotation_get_tags (a);
  const char *color = cc_annotation_get_color (a);
  const char *css = color_css (color);
  g_autofree char *id = g_strconcat ("urn:uuid:", cc_annotation_get_uuid (a), NULL);

  add_string (item, "id", id);
  add_string (item, "type", "Annotation");
  add_string (item, "motivation", *note != '\0' ? "commenting" : "highlighting");
  add_time (item, "created", cc_annotation_get_created (a));
  add_time (item, "modified", cc_annotation_get_modified (a));

  if (*note != '\0' || tags[0] != NULL)
    {
      JsonArray *bodies = json_array_new ();

      if (*note != '\0')
        json_array_add_object_element (bodies, new_textual_body (note, "commenting"));
      for (guint i = 0; tags[i] != NULL; i++)
        json_array_add_object_element (bodies, new_textual_body (tags[i], "tagging"));
      json_object_set_array_member (item, "body", bodies);
    }

  if (css != NULL)
    {
      JsonObject *stylesheet = json_object_new ();
      g_autofree char *rule = g_strdup_printf (".%s { background-color: %s; }", color, css);

      add_string (stylesheet, "type", "CssStylesheet");
      add_string (stylesheet, "value", rule);
      json_object_set_object_member (item, "stylesheet", stylesheet);
    }

  json_object_set_object_member (target, "source", json_object_ref (source));
  add_string (target, "styleClass", color);
  add_string (quote, "type", "TextQuoteSelector");
  add_string (quote, "exact", cc_annotation_get_quote (a));
  add_string (quote, "prefix", cc_annotation_get_prefix (a));
  add_string (quote, "suffix", cc_annotation_get_suffix (a));
  json_array_add_object_element (selectors, quote);
  add_string (position, "type", "TextPositionSelector");
  json_object_set_int_member (position, "start", cc_annotation_get_start (a));
  json_object_set_int_member (position, "end", cc_annotation_get_end (a));
  json_array_add_object_element (selectors, position);
  json_object_set_array_member (target, "selector", selectors);
  json_object_set_object_member (item, "target", target);

  add_string (item, "crosscheck:state", cc_annotation_get_state (a));
  return item;
}

char *
cc_w3c_export (CcStore                *store,
               const CcExportOptions  *options,
               GError                **error)
{
  g_autoptr(CcExportSelection) selection = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) sources = NULL;
  g_autofree char *collection_id = random_urn ();
  g_autofree char *page_id = random_urn ();
  JsonObject *collection;
  JsonObject *page;
  JsonObject *generator_info;
  JsonObject *prefixes;
  JsonArray *context;
  JsonArray *items;
  gint64 timestamp;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  selection = cc_export_select (store, options, error);
  if (selection == NULL)
    return NULL;

  /* One source object per document, shared by its annotations. */
  sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify)json_object_unref);
  for (guint i = 0; i < selection->documents->len; i++)
    {
      CcDocument *doc = selection->documents->pdata[i];
      gint64 id = cc_document_get_id (doc);

      g_hash_table_insert (sources, g_memdup2 (&id, sizeof id), new_source (doc, NULL));
    }

  timestamp = options->timestamp != 0 ? options->timestamp
                                      : g_get_real_time () / G_USEC_PER_SEC;

  collection = json_object_new ();
  context = json_array_new ();
  json_array_add_string_element (context, CC_W3C_CONTEXT);
  prefixes = json_object_new ();
  add_string (prefixes, "crosscheck", CC_W3C_NAMESPACE);
  json_array_add_object_element (context, prefixes);
  json_object_set_array_member (collection, "@context", context);
  add_string (collection, "id", collection_id);
  add_string (collection, "type", "AnnotationCollection");
  add_string (collection, "label", options->title != NULL && *options->title != '\0'
                                     ? options->title : _("Crosscheck notes"));
  json_object_set_int_member (collection, "total", selection->annotations->len);
  add_time (collection, "generated", timestamp);
  generator_info = json_object_new ();
  add_string (generator_info, "type", "Software");
  add_string (generator_info, "name", "Crosscheck " PACKAGE_VERSION);
  json_object_set_object_member (collection, "generator", generator_info);

  page = json_object_new ();
  add_string (page, "id", page_id);
  add_string (page, "type", "AnnotationPage");
  add_string (page, "partOf", collection_id);
  json_object_set_int_member (page, "startIndex", 0);
  items = json_array_sized_new (selection->annotations->len);
  for (guint i = 0; i < selection->annotations->len; i++)
    {
      CcAnnotation *a = selection->annotations->pdata[i];
      gint64 doc_id = cc_annotation_get_document_id (a);
      JsonObject *source = g_hash_table_lookup (sources, &doc_id);

      if (source != NULL)
        json_array_add_object_element (items, new_annotation (a, source));
      else
        {
          g_autoptr(JsonObject) detached = new_source (NULL,
                                                       cc_annotation_get_document_hint (a));
          json_array_add_object_element (items, new_annotation (a, detached));
        }
    }
  json_object_set_array_member (page, "items", items);
  json_object_set_object_member (collection, "first", page);

  root = json_node_init_object (json_node_alloc (), collection);
  json_object_unref (collection);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Import */

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
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify)_cc_w3c_parsed_free);
  g_autoptr(CcW3cImportReport) report = NULL;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (name == NULL)
    name = _("input");

  if (length < 0)
    length = strlen (data);
  if (!_cc_w3c_check_json (data, length, name, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      _cc_w3c_set_parse_error (error, json_error, name);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_EMPTY, _("%s: empty, no annotations"), name);
      return NULL;
    }
  items = _cc_w3c_find_items (json_parser_get_root (parser));
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
      CcW3cItem *p;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                       _("%s: item %u is not an Annotation"), name, i + 1);
          return NULL;
        }
      p = _cc_w3c_parse_annotation (json_node_get_object (node), i, name, error);
      if (p == NULL)
        return NULL;
      g_ptr_array_add (parsed, p);
    }

  report = g_new0 (CcW3cImportReport, 1);
  report->messages = g_ptr_array_new_with_free_func (g_free);

  if (!_cc_w3c_store_parsed (store, parsed, report, error))
    {
      g_prefix_error (error, _("%s: nothing imported: "), name);
      return NULL;
    }
  return g_steal_pointer (&report);
}

/* Reads @path whole: a regular file of at most CC_W3C_MAX_BYTES, opened
 * without blocking (a FIFO) and read no further than the limit (a device
 * that never ends). */
static char *
read_input (const char  *path,
            gsize       *length,
            GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize len = 0;
  int saved_errno;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot open %s: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID, _("%s: not a regular file"), name);
      close (fd);
      return NULL;
    }
  if ((guint64)st.st_size > CC_W3C_MAX_BYTES)
    {
      /* The size check alone: nothing is read. */
      close (fd);
      _cc_w3c_check_json (NULL, (gsize)st.st_size, name, error);
      return NULL;
    }
  data = g_malloc ((gsize)st.st_size + 1);
  while (len < (gsize)st.st_size)
    {
      gssize n = read (fd, data + len, (gsize)st.st_size - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot read %s: %s"), name, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
    }
  close (fd);
  data[len] = '\0';
  *length = len;
  return g_steal_pointer (&data);
}

CcW3cImportReport *
cc_w3c_import_file (CcStore     *store,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  data = read_input (path, &length, error);
  if (data == NULL)
    return NULL;
  name = g_filename_display_name (path);
  return cc_w3c_import_data (store, data, length, name, error);
}
