/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading W3C Web Annotation JSON (cc-w3c-read.c): the size and depth
 * checks, json-glib, then every annotation of the collection, page or
 * array, as cc_w3c_import_data() reads them before storing. */
#include <json-glib/json-glib.h>

#include "cc-fuzz.h"
#include "cc-w3c-private.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (!_cc_w3c_check_json ((const char *)data, size, "fuzz.json", &error))
    return 0;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, (const char *)data, (gssize)size, &error))
    {
      g_autoptr(GError) message = NULL;

      _cc_w3c_set_parse_error (&message, error, "fuzz.json");
      g_assert_nonnull (message);
      return 0;
    }
  items = _cc_w3c_find_items (json_parser_get_root (parser));
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(GError) item_error = NULL;
      CcW3cItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item = _cc_w3c_parse_annotation (json_node_get_object (node), i, "fuzz.json", &item_error);
      g_assert_true ((item == NULL) == (item_error != NULL));
      if (item != NULL)
        {
          g_assert_true (g_utf8_validate (cc_annotation_get_quote (item->annotation), -1, NULL));
          g_assert_cmpuint (cc_annotation_get_start (item->annotation), <=,
                            cc_annotation_get_end (item->annotation));
          _cc_w3c_parsed_free (item);
        }
    }
  return 0;
}
