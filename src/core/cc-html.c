/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-html"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <string.h>

#include "cc-article.h"
#include "cc-error.h"
#include "cc-html.h"
#include "cc-text.h"

/* libxml2 parses (it is the HTML parser every GNOME stack trusts, and it
 * recovers from broken markup the way browsers do); which parts of a page
 * are the article is decided here. Both walks over the tree follow the
 * parent and sibling pointers: no recursion on the page's depth. */

#define JSON_MAX_DEPTH 32
#define JSON_MAX_SIZE (1024 * 1024)
/* Paragraphs at the head of the text that may be a byline or date line. */
#define HEAD_PARAGRAPHS 6

typedef struct
{
  guint text;   /* characters of text below the element */
  guint link;   /* of which inside links */
} Stats;

typedef struct
{
  GArray         *stats;       /* Stats; node->_private is index + 1 */
  guint           in_link;
  guint           in_script;
  xmlNode        *article;     /* the largest <article> */
  xmlNode        *body_prop;   /* [itemprop=articleBody] */
  xmlNode        *main;
  xmlNode        *body;
  char           *title_tag;
  char           *h1;
  CcDocumentMeta *og;          /* OpenGraph and article:* */
  CcDocumentMeta *ld;          /* JSON-LD NewsArticle */
  CcDocumentMeta *named;       /* <meta name=...>, <link rel=canonical>, <html lang> */
  char           *warning;
} Scan;

typedef struct
{
  GString        *out;
  GString        *para;
  const char     *prefix;      /* "• " in a list item */
  gboolean        last_item;   /* the text ends with a list item */
  guint           paragraphs;
  CcDocumentMeta *dom;         /* byline element, <time>, head lines */
  Scan           *scan;
  xmlNode        *container;
} Emit;

typedef gboolean (*Visit) (xmlNode *node, gpointer data);

/* Calls @enter on every node under @root in document order (its children
 * are visited only when it returns TRUE) and @leave after them. */
static void
walk (xmlNode  *root,
      Visit     enter,
      Visit     leave,
      gpointer  data)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      if (enter (node, data) && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      for (;;)
        {
          leave (node, data);
          if (node == root)
            return;
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
        }
    }
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy = value ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

static Stats *
stats_of (Scan    *scan,
          xmlNode *node)
{
  guint index = GPOINTER_TO_UINT (node->_private);

  if (index == 0)
    {
      Stats zero = { 0, 0 };
      g_array_append_val (scan->stats, zero);
      index = scan->stats->len;
      node->_private = GUINT_TO_POINTER (index);
    }
  return &g_array_index (scan->stats, Stats, index - 1);
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = NULL;

  cc_document_meta_take (&text, (const char *)content);
  xmlFree (content);
  return text;
}

/* JSON-LD ------------------------------------------------------------------ */

/* json-glib's parser recurses on nesting: refuse deep input before it. */
static gboolean
json_depth_ok (const char *json)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (const char *p = json; *p; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        {
          if (++depth > JSON_MAX_DEPTH)
            return FALSE;
        }
      else if ((*p == '}' || *p == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *inner = json_node_get_object (node);
      const char *keys[] = { "name", "@id", "url" };
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          JsonNode *value = json_object_get_member (inner, keys[i]);
          if (value && JSON_NODE_HOLDS_VALUE (value) &&
              json_node_get_value_type (value) == G_TYPE_STRING)
            return json_node_get_string (value);
        }
    }
  return NULL;
}

static char *
json_names (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GString) names = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup (json_string (object, member));
  array = json_node_get_array (node);
  names = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonNode *n = json_object_get_member (json_node_get_object (element), "name");
          if (n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
            name = json_node_get_string (n);
        }
      else if (JSON_NODE_HOLDS_VALUE (element) &&
               json_node_get_value_type (element) == G_TYPE_STRING)
        name = json_node_get_string (element);
      if (name != NULL && *name)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", name);
    }
  return names->len ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static gboolean
is_article_type (JsonObject *object)
{
  static const char * const types[] = {
    "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "Report",
    "ScholarlyArticle", "TechArticle", "LiveBlogPosting", "SocialMediaPosting",
  };
  JsonNode *type = json_object_get_member (object, "@type");
  JsonArray *array = NULL;
  guint n = 1;

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      array = json_node_get_array (type);
      n = json_array_get_length (array);
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *t = array ? json_array_get_element (array, i) : type;
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (t) || json_node_get_value_type (t) != G_TYPE_STRING)
        continue;
      name = json_node_get_string (t);
      for (guint j = 0; j < G_N_ELEMENTS (types); j++)
        if (g_strcmp0 (name, types[j]) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
json_article (JsonObject     *object,
              CcDocumentMeta *meta)
{
  g_autofree char *authors = json_names (object, "author");
  g_autofree char *date = cc_article_parse_date (json_string (object, "datePublished"));
  JsonNode *publisher = json_object_get_member (object, "publisher");

  cc_document_meta_take (&meta->title, json_string (object, "headline"));
  cc_document_meta_take (&meta->title, json_string (object, "name"));
  cc_document_meta_take (&meta->byline, authors);
  cc_document_meta_take (&meta->published, date);
  if (publisher && JSON_NODE_HOLDS_OBJECT (publisher))
    cc_document_meta_take (&meta->outlet, json_string (object, "publisher"));
  cc_document_meta_take (&meta->url, json_string (object, "url"));
  cc_document_meta_take (&meta->url, json_string (object, "mainEntityOfPage"));
  cc_document_meta_take (&meta->language, json_string (object, "inLanguage"));
  cc_document_meta_take (&meta->description, json_string (object, "description"));
}

static void
scan_json_ld (Scan       *scan,
              const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonArray *items = NULL;
  guint n = 1;

  if (json == NULL || strlen (json) > JSON_MAX_SIZE || !json_depth_ok (json))
    return;  /* a broken or hostile block is ignored; the page is still read */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "@graph") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "@graph")))
    items = json_node_get_array (json_object_get_member (json_node_get_object (root), "@graph"));
  else if (JSON_NODE_HOLDS_ARRAY (root))
    items = json_node_get_array (root);
  if (items != NULL)
    n = json_array_get_length (items);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = items ? json_array_get_element (items, i) : root;

      if (JSON_NODE_HOLDS_OBJECT (item) && is_article_type (json_node_get_object (item)))
        json_article (json_node_get_object (item), scan->ld);
    }
}

/* First walk: metadata and text statistics ----------------------------------- */

static char *
normalize_language (const char *tag)
{
  g_autofree char *copy = NULL;

  if (tag == NULL || *tag == '\0' || strlen (tag) > 35)
    return NULL;
  copy = g_strdup (tag);
  g_strstrip (copy);
  g_strdelimit (copy, "_", '-');
  return *copy ? g_steal_pointer (&copy) : NULL;
}

static void
scan_meta (Scan    *scan,
           xmlNode *node)
{
  g_autofree char *key = attr (node, "property");
  g_autofree char *content = attr (node, "content");
  g_autofree char *lower = NULL;

  if (key == NULL)
    key = attr (node, "name");
  if (key == NULL || content == NULL)
    return;
  lower = g_ascii_strdown (key, -1);

  if (g_str_equal (lower, "og:site_name"))
    cc_document_meta_take (&scan->og->outlet, content);
  else if (g_str_equal (lower, "og:title"))
    cc_document_meta_take (&scan->og->title, content);
  else if (g_str_equal (lower, "og:url"))
    cc_document_meta_take (&scan->og->url, content);
  else if (g_str_equal (lower, "og:description"))
    cc_document_meta_take (&scan->og->description, content);
  else if (g_str_equal (lower, "og:locale"))
    {
      g_autofree char *language = normalize_language (content);
      cc_document_meta_take (&scan->og->language, language);
    }
  else if (g_str_equal (lower, "article:published_time"))
    {
      g_autofree char *date = cc_article_parse_date (content);
      cc_document_meta_take (&scan->og->published, date);
    }
  else if (g_str_equal (lower, "article:author") && !g_str_has_prefix (content, "http"))
    cc_document_meta_take (&scan->og->byline, content);
  else if (g_str_equal (lower, "author") || g_str_equal (lower, "dc.creator") ||
           g_str_equal (lower, "byl"))
    {
      const char *name = g_ascii_strncasecmp (content, "by ", 3) == 0 ? content + 3 : content;
      cc_document_meta_take (&scan->named->byline, name);
    }
  else if (g_str_equal (lower, "description") || g_str_equal (lower, "dc.description"))
    cc_document_meta_take (&scan->named->description, content);
  else if (g_str_equal (lower, "application-name") || g_str_equal (lower, "dc.publisher"))
    cc_document_meta_take (&scan->named->outlet, content);
  else if (g_str_equal (lower, "dc.title"))
    cc_document_meta_take (&scan->named->title, content);
  else if (g_str_equal (lower, "dc.language"))
    cc_document_meta_take (&scan->named->language, content);
  else if (g_str_equal (lower, "date") || g_str_equal (lower, "pubdate") ||
           g_str_equal (lower, "publishdate") || g_str_equal (lower, "dc.date") ||
           g_str_equal (lower, "dc.date.issued") || g_str_equal (lower, "dcterms.created"))
    {
      g_autofree char *date = cc_article_parse_date (content);
      cc_document_meta_take (&scan->named->published, date);
    }
}

static gboolean
is_raw_text (xmlNode *node)
{
  return is (node, "script") || is (node, "style") || is (node, "noscript") ||
         is (node, "template");
}

static gboolean
scan_enter (xmlNode  *node,
            gpointer  data)
{
  Scan *scan = data;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (scan->in_script == 0 && node->parent != NULL && node->content != NULL)
        {
          Stats *stats = stats_of (scan, node->parent);
          guint len = 0;

          /* characters that are not ASCII white space: every byte that
           * starts a character, less the spaces */
          for (const guchar *p = node->content; *p; p++)
            if ((*p & 0xC0) != 0x80 && !g_ascii_isspace (*p))
              len++;
          stats->text += len;
          if (scan->in_link > 0)
            stats->link += len;
        }
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  stats_of (scan, node);
  if (is (node, "a"))
    scan->in_link++;
  if (is_raw_text (node))
    scan->in_script++;

  if (is (node, "html"))
    {
      g_autofree char *lang = attr (node, "lang");
      g_autofree char *language = normalize_language (lang);
      cc_document_meta_take (&scan->named->language, language);
    }
  else if (is (node, "body") && scan->body == NULL)
    scan->body = node;
  else if (is (node, "title") && scan->title_tag == NULL && scan->body == NULL)
    scan->title_tag = node_text (node);
  else if (is (node, "meta"))
    scan_meta (scan, node);
  else if (is (node, "link"))
    {
      g_autofree char *rel = attr (node, "rel");
      g_autofree char *href = attr (node, "href");
      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
        cc_document_meta_take (&scan->named->url, href);
    }
  else if (is (node, "script"))
    {
      g_autofree char *type = attr (node, "type");
      if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
        {
          xmlChar *json = xmlNodeGetContent (node);
          scan_json_ld (scan, (const char *)json);
          xmlFree (json);
        }
    }
  else if (is (node, "h1") && scan->h1 == NULL)
    scan->h1 = node_text (node);
  else if (is (node, "main") && scan->main == NULL)
    scan->main = node;
  else
    {
      g_autofree char *prop = attr (node, "itemprop");
      g_autofree char *role = attr (node, "role");

      if (prop != NULL && g_str_equal (prop, "articleBody") && scan->body_prop == NULL)
        scan->body_prop = node;
      else if (role != NULL && g_ascii_strcasecmp (role, "main") == 0 && scan->main == NULL)
        scan->main = node;
    }
  return TRUE;
}

static gboolean
scan_leave (xmlNode  *node,
            gpointer  data)
{
  Scan *scan = data;
  Stats own;

  if (node->type != XML_ELEMENT_NODE)
    return TRUE;
  if (is (node, "a") && scan->in_link > 0)
    scan->in_link--;
  if (is_raw_text (node) && scan->in_script > 0)
    scan->in_script--;

  own = *stats_of (scan, node);
  if (is (node, "article") &&
      (scan->article == NULL || stats_of (scan, scan->article)->text < own.text))
    scan->article = node;
  if (node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
    {
      Stats *parent = stats_of (scan, node->parent);
      parent->text += own.text;
      parent->link += own.link;
    }
  return TRUE;
}

/* Second walk: the article's text ------------------------------------------ */

/* Whether @value ("site-nav main", "shareBar") holds one of @tokens as
 * a word between non-alphanumerics, case-insensitively. */
static gboolean
has_token (const char         *value,
           const char * const *tokens)
{
  char word[32];
  gsize n = 0;

  if (value == NULL)
    return FALSE;
  for (const char *p = value; ; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (n < sizeof word - 1)
            word[n] = g_ascii_tolower (*p);
          n++;
          continue;
        }
      if (n > 0 && n < sizeof word)
        {
          word[n] = '\0';
          if (g_strv_contains (tokens, word))
            return TRUE;
        }
      n = 0;
      if (*p == '\0')
        return FALSE;
    }
}

static gboolean
classed (xmlNode            *node,
         const char * const *tokens)
{
  g_autofree char *klass = attr (node, "class");
  g_autofree char *id = attr (node, "id");

  return has_token (klass, tokens) || has_token (id, tokens);
}

/* Elements that are never article text. */
static gboolean
is_furniture (xmlNode *node)
{
  static const char * const tags[] = {
    "nav", "aside", "footer", "form", "button", "iframe", "svg", "select", "textarea",
    "input", "object", "embed", "canvas", "video", "audio", "figure", "figcaption", "picture",
    "img", "menu", "dialog", "head", "title", "meta", "link", NULL
  };
  static const char * const roles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
    "alertdialog", "menu", "menubar", "toolbar", "alert", NULL
  };
  static const char * const tokens[] = {
    "nav", "navbar", "navigation", "menu", "share", "sharing", "social", "related",
    "recommended", "comment", "comments", "cookie", "cookies", "consent", "gdpr", "banner",
    "promo", "advert", "advertisement", "ad", "ads", "sponsor", "sponsored", "sidebar",
    "footer", "newsletter", "subscribe", "subscription", "breadcrumb", "breadcrumbs",
    "popup", "modal", "paywall", "toolbar", "disqus", "skip", "masthead", "caption", NULL
  };
  g_autofree char *role = NULL;
  g_autofree char *hidden = NULL;

  if (is_raw_text (node))
    return TRUE;
  for (guint i = 0; tags[i]; i++)
    if (is (node, tags[i]))
      return TRUE;
  role = attr (node, "role");
  if (role != NULL && has_token (role, roles))
    return TRUE;
  hidden = attr (node, "aria-hidden");
  if ((hidden != NULL && g_ascii_strcasecmp (hidden, "true") == 0) ||
      xmlHasProp (node, (const xmlChar *)"hidden") != NULL)
    return TRUE;
  return classed (node, tokens);
}

static gboolean
is_block (xmlNode *node)
{
  static const char * const blocks[] = {
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "br", "hr",
    "address", "center", "body", "td", "th", NULL
  };
  for (guint i = 0; blocks[i]; i++)
    if (is (node, blocks[i]))
      return TRUE;
  return FALSE;
}

static gboolean
too_many_links (Emit    *emit,
                xmlNode *node)
{
  Stats *stats = stats_of (emit->scan, node);
  double share;

  if (stats->text == 0 || stats->link == 0 || node == emit->container)
    return FALSE;
  share = (double)stats->link / stats->text;
  if (is (node, "p") || is (node, "blockquote"))
    return share > 0.8;
  if (is (node, "li") || is (node, "a") || is (node, "span"))
    return FALSE;  /* judged with their list or block */
  return is_block (node) && share > 0.5;
}

static void
flush (Emit *emit)
{
  g_autofree char *text = NULL;
  gboolean item;

  cc_document_meta_take (&text, emit->para->str);
  g_string_truncate (emit->para, 0);
  if (text == NULL)
    return;
  if (cc_article_is_boilerplate (text))
    return;
  if (emit->paragraphs < HEAD_PARAGRAPHS)
    {
      g_autofree char *byline = cc_article_parse_byline (text);
      g_autofree char *date = g_utf8_strlen (text, -1) <= 60 ? cc_article_parse_date (text) : NULL;

      if (byline != NULL)
        {
          cc_document_meta_take (&emit->dom->byline, byline);
          return;
        }
      if (date != NULL && cc_text_count_words (text) <= 8)
        {
          cc_document_meta_take (&emit->dom->published, date);
          return;
        }
    }
  /* the items of a list on consecutive lines, other blocks apart */
  item = emit->prefix != NULL && g_str_has_prefix (text, emit->prefix);
  if (emit->out->len > 0)
    g_string_append (emit->out, item && emit->last_item ? "\n" : "\n\n");
  g_string_append (emit->out, text);
  emit->last_item = item;
  emit->paragraphs++;
}

static gboolean
emit_enter (xmlNode  *node,
            gpointer  data)
{
  static const char * const byline_tokens[] = {
    "byline", "author", "authors", "dateline", "contributor", NULL
  };
  Emit *emit = data;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        {
          if (emit->para->len == 0 && emit->prefix != NULL)
            g_string_append (emit->para, emit->prefix);
          g_string_append (emit->para, (const char *)node->content);
        }
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (node != emit->container && (is_furniture (node) || too_many_links (emit, node)))
    return FALSE;

  if (is (node, "time"))
    {
      g_autofree char *when = attr (node, "datetime");
      g_autofree char *date = cc_article_parse_date (when);
      cc_document_meta_take (&emit->dom->published, date);
    }
  if (node != emit->container && classed (node, byline_tokens) && !is (node, "p") &&
      stats_of (emit->scan, node)->text < 200)
    {
      g_autofree char *text = node_text (node);
      g_autofree char *byline = text ? cc_article_parse_byline (text) : NULL;
      cc_document_meta_take (&emit->dom->byline, byline ? byline : text);
      return FALSE;  /* kept apart from the body */
    }

  if (is_block (node))
    flush (emit);
  if (is (node, "li"))
    emit->prefix = "• ";
  return TRUE;
}

static gboolean
emit_leave (xmlNode  *node,
            gpointer  data)
{
  Emit *emit = data;

  if (node->type == XML_ELEMENT_NODE && is_block (node))
    {
      flush (emit);
      if (is (node, "li"))
        emit->prefix = NULL;
    }
  return TRUE;
}

/* The element holding the article. */
static xmlNode *
choose_container (Scan    *scan,
                  xmlNode *root)
{
  if (scan->body_prop != NULL && stats_of (scan, scan->body_prop)->text > 0)
    return scan->body_prop;
  if (scan->article != NULL && stats_of (scan, scan->article)->text > 0)
    return scan->article;
  if (scan->main != NULL && stats_of (scan, scan->main)->text > 0)
    return scan->main;
  return scan->body ? scan->body : root;
}

/* Decoding ------------------------------------------------------------------- */

static char *
sniff_meta_charset (const guint8 *data,
                    gsize         len)
{
  g_autofree char *head = g_strndup ((const char *)data, MIN (len, 4096));
  g_autoptr(GRegex) regex = g_regex_new ("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_:.-]+)",
                                         G_REGEX_CASELESS | G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (regex != NULL && g_regex_match (regex, head, 0, &match))
    return g_match_info_fetch (match, 1);
  return NULL;
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "utf-8") == 0 || g_ascii_strcasecmp (charset, "utf8") == 0;
}

/* The page when it cannot be read as declared, or declares nothing and is
 * not UTF-8: the shared decoder (cc_text_decode) repairs stray bytes in
 * UTF-8 or guesses the legacy encoding, and names what it did; @why, when
 * not NULL, says first what was wrong with the declaration. */
static char *
decode_fallback (const guint8  *data,
                 gsize          len,
                 char          *why,
                 char         **warning,
                 GError       **error)
{
  g_autofree char *reason = why;
  g_autofree char *encoding = NULL;
  g_autofree char *repair = NULL;
  char *out = cc_text_decode (data, len, &encoding, &repair, error);

  if (out == NULL)
    return NULL;
  if (reason != NULL && repair != NULL)
    *warning = g_strconcat (reason, "; ", repair, NULL);
  else
    *warning = g_strdup (reason != NULL ? reason : repair);
  return out;
}

/* The page in UTF-8, by the HTML order: the transport's charset, a byte
 * order mark, the page's <meta charset>, else UTF-8 when valid, else what
 * the shared decoder makes of it. A charset that does not fit the bytes,
 * and every repair or guess, is named in *@warning. NULL, with @error set,
 * when the bytes are not text. */
static char *
decode (const guint8  *data,
        gsize          len,
        const char    *charset,
        char         **warning,
        GError       **error)
{
  g_autofree char *sniffed = NULL;
  char *out = NULL;

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      len -= 3;
      charset = "UTF-8";
    }
  else if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      charset = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      data += 2;
      len -= 2;
    }
  if (charset == NULL || *charset == '\0')
    charset = sniffed = sniff_meta_charset (data, len);

  if (charset == NULL || is_utf8_name (charset))
    {
      if (g_utf8_validate ((const char *)data, len, NULL) && memchr (data, 0, len) == NULL)
        return g_strndup ((const char *)data, len);
      if (charset == NULL)
        return decode_fallback (data, len, g_strdup (_("no charset declared")), warning, error);
      /* the shared decoder says what is wrong with the bytes */
      return decode_fallback (data, len, g_strdup_printf (_("declared as %s"), charset),
                              warning, error);
    }

  out = g_convert ((const char *)data, len, "UTF-8", charset, NULL, NULL, NULL);
  if (out != NULL)
    return out;
  return decode_fallback (data, len,
                          g_strdup_printf (_("declared as %s but cannot be read as %s"), charset, charset),
                          warning, error);
}

/* Metadata ------------------------------------------------------------------ */

/* "Headline | Outlet" -> "Headline" */
static void
strip_site_name (char       *title,
                 const char *outlet)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " · ", " :: " };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      char *sep = g_strrstr (title, separators[i]);

      if (sep == NULL || sep == title)
        continue;
      if (outlet == NULL || g_ascii_strcasecmp (sep + strlen (separators[i]), outlet) == 0 ||
          g_str_equal (separators[i], " | "))
        {
          *sep = '\0';
          return;
        }
    }
}

static CcDocumentMeta *
merge_meta (Scan           *scan,
            CcDocumentMeta *dom,
            const char     *text)
{
  CcDocumentMeta *meta = cc_document_meta_new ();
  g_autofree char *title = NULL;

  cc_document_meta_merge (meta, scan->og);
  cc_document_meta_merge (meta, scan->ld);
  cc_document_meta_merge (meta, scan->named);
  cc_document_meta_merge (meta, dom);

  if (scan->title_tag != NULL)
    {
      title = g_strdup (scan->title_tag);
      strip_site_name (title, meta->outlet);
    }
  cc_document_meta_take (&meta->title, title);
  cc_document_meta_take (&meta->title, scan->h1);
  if (meta->outlet == NULL || meta->published == NULL)
    {
      g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", HEAD_PARAGRAPHS + 1);

      for (guint i = 0; paragraphs[i] != NULL && i < HEAD_PARAGRAPHS; i++)
        {
          g_autofree char *agency = NULL;
          if (cc_article_parse_dateline (paragraphs[i], NULL, &agency))
            cc_document_meta_take (&meta->outlet, agency);
        }
    }
  return meta;
}

/* libxml2 stops at xmlParserMaxDepth (256) nested elements, keeping
 * what it read so far: *@too_deep says when it did. */
static htmlDocPtr
parse (const char *utf8,
       gboolean   *too_deep)
{
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt ();
  htmlDocPtr doc;

  if (ctxt == NULL)
    return NULL;
  doc = htmlCtxtReadMemory (ctxt, utf8, strlen (utf8), NULL, "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
  *too_deep = ctxt->lastError.code == XML_ERR_INTERNAL_ERROR && ctxt->lastError.message != NULL &&
              strstr (ctxt->lastError.message, "depth") != NULL;
  htmlFreeParserCtxt (ctxt);
  return doc;
}

gboolean
cc_html_sniff (const guint8 *data,
               gsize         len)
{
  g_autofree char *head = g_ascii_strdown ((const char *)data, MIN (len, 1024));
  const char *p = head;

  while (*p && g_ascii_isspace (*p))
    p++;
  return g_str_has_prefix (p, "<!doctype html") || g_str_has_prefix (p, "<html") ||
         strstr (head, "<head") != NULL || strstr (head, "<body") != NULL;
}

static void
scan_clear (Scan *scan)
{
  g_array_unref (scan->stats);
  g_free (scan->title_tag);
  g_free (scan->h1);
  cc_document_meta_free (scan->og);
  cc_document_meta_free (scan->ld);
  cc_document_meta_free (scan->named);
}

char *
cc_html_extract (const guint8     *data,
                 gsize             len,
                 const char       *charset,
                 CcDocumentMeta  **meta,
                 char            **warning,
                 GError          **error)
{
  g_autofree char *utf8 = NULL;
  g_autofree char *repair = NULL;
  g_autoptr(CcDocumentMeta) dom = cc_document_meta_new ();
  Scan scan = { 0 };
  Emit emit = { 0 };
  htmlDocPtr doc;
  xmlNode *root;
  gboolean too_deep = FALSE;
  char *text;

  g_return_val_if_fail (meta != NULL, NULL);

  if (len > CC_HTML_MAX_SIZE)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_TOO_LARGE,
                   _("is too large (%.1f MB; the limit is %d MB)"),
                   len / (1024.0 * 1024.0), CC_HTML_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  utf8 = decode (data, len, charset, &repair, error);
  if (utf8 == NULL)
    return NULL;
  if (*utf8 == '\0')
    {
      g_set_error (error, CC_ERROR, CC_ERROR_EMPTY, _("is empty"));
      return NULL;
    }
  doc = parse (utf8, &too_deep);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc)
        xmlFreeDoc (doc);
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID, _("cannot be read as HTML"));
      return NULL;
    }

  scan.stats = g_array_new (FALSE, FALSE, sizeof (Stats));
  scan.og = cc_document_meta_new ();
  scan.ld = cc_document_meta_new ();
  scan.named = cc_document_meta_new ();
  walk (root, scan_enter, scan_leave, &scan);

  emit.out = g_string_new (NULL);
  emit.para = g_string_new (NULL);
  emit.dom = dom;
  emit.scan = &scan;
  emit.container = choose_container (&scan, root);
  walk (emit.container, emit_enter, emit_leave, &emit);
  flush (&emit);
  g_string_free (emit.para, TRUE);
  text = g_string_free (emit.out, FALSE);

  *meta = merge_meta (&scan, dom, text);
  scan_clear (&scan);
  xmlFreeDoc (doc);

  if (*text == '\0')
    {
      g_free (text);
      g_clear_pointer (meta, cc_document_meta_free);
      if (too_deep)
        g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                     _("is nested too deeply to read (elements more than %u levels deep)"),
                     xmlParserMaxDepth);
      else
        g_set_error (error, CC_ERROR, CC_ERROR_EMPTY, _("holds no article text"));
      return NULL;
    }
  if (too_deep && repair == NULL)
    repair = g_strdup_printf (_("nested more than %u levels deep; read only what lies above"),
                              xmlParserMaxDepth);
  if (warning != NULL)
    *warning = g_steal_pointer (&repair);
  return text;
}
