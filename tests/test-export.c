/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cmark.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cc-annotation-store.h"
#include "cc-conflicts.h"
#include "cc-error.h"
#include "cc-export-fixture.h"
#include "cc-export.h"
#include "cc-importer.h"
#include "cc-markdown.h"
#include "cc-test-util.h"

/* Reading the Markdown back with a real CommonMark parser (cmark). */

/* The text of an inline container: text as it is, line breaks (soft or
 * hard) as "\n". Any other inline node (emphasis, link, HTML, code) is
 * named in @foreign. */
static void
collect_inline (cmark_node *node,
                GString    *out,
                GString    *foreign)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        default:
          g_string_append_printf (foreign, "<%s>", cmark_node_get_type_string (child));
          collect_inline (child, out, foreign);
          break;
        }
    }
}

static char *
inline_text (cmark_node *node)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) foreign = g_string_new (NULL);

  collect_inline (node, out, foreign);
  g_assert_cmpstr (foreign->str, ==, "");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Nothing the exporter does not write: no HTML, links, images, emphasis,
 * code blocks or thematic breaks; code spans only for references. */
static void
assert_only_expected_nodes (cmark_node *document)
{
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event != CMARK_EVENT_ENTER)
        continue;
      switch (type)
        {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_THEMATIC_BREAK:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_CUSTOM_INLINE:
          g_printerr ("unexpected %s node at line %d\n", cmark_node_get_type_string (node),
                      cmark_node_get_start_line (node));
          g_assert_not_reached ();
          break;
        case CMARK_NODE_CODE:
          g_assert_true (g_str_has_prefix (cmark_node_get_literal (node), "urn:uuid:"));
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
}

/* Splits "---\n…\n---\n" off the front of @markdown. */
static const char *
split_front_matter (const char  *markdown,
                    char       **front)
{
  const char *end;

  *front = NULL;
  if (!g_str_has_prefix (markdown, "---\n"))
    return markdown;
  end = strstr (markdown + 4, "\n---\n");
  g_assert_nonnull (end);
  *front = g_strndup (markdown + 4, end + 1 - (markdown + 4));
  return end + 5;
}

/* A YAML double-quoted scalar, decoded (the escapes YAML defines that the
 * exporter may write). */
static char *
yaml_unquote (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *p = value;

  g_assert_true (*p == '"');
  for (p++; *p != '"'; p++)
    {
      g_assert_true (*p != '\0');
      g_assert_true ((guchar)*p >= 0x20);
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case 'N': g_string_append (out, "\xc2\x85"); break;
        case 'L': g_string_append (out, "\xe2\x80\xa8"); break;
        case 'P': g_string_append (out, "\xe2\x80\xa9"); break;
        case 'x':
          {
            char hex[3] = { p[1], p[2], 0 };
            gunichar c = (gunichar)g_ascii_strtoull (hex, NULL, 16);
            g_string_append_unichar (out, c);
            p += 2;
          }
          break;
        case 'u':
          {
            char hex[5] = { p[1], p[2], p[3], p[4], 0 };
            gunichar c = (gunichar)g_ascii_strtoull (hex, NULL, 16);
            g_string_append_unichar (out, c);
            p += 4;
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpstr (p + 1, ==, "");
  return g_string_free (out, FALSE);
}

/* Checks every line of the front matter is `key: value` YAML the exporter
 * writes, and returns key -> decoded values (a key may repeat: "title" of
 * the export first, then those of the sources). */
static GPtrArray *
check_front_matter (const char *front,
                    const char *key)
{
  g_auto(GStrv) lines = g_strsplit (front, "\n", -1);
  g_autoptr(GRegex) line_re = g_regex_new ("^(  - |    )?([a-z]+): ?(.*)$", 0, 0, NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (*lines[i] == '\0')
        continue;
      g_assert_true (g_regex_match (line_re, lines[i], 0, &match));
      name = g_match_info_fetch (match, 2);
      value = g_match_info_fetch (match, 3);
      if (*value == '"')
        {
          g_autofree char *decoded = yaml_unquote (value);
          if (g_str_equal (name, key))
            g_ptr_array_add (values, g_steal_pointer (&decoded));
        }
      else
        g_assert_true (*value == '\0' || g_str_equal (value, "[]") ||
                       g_ascii_isdigit (*value));
    }
  return values;
}

typedef struct
{
  GPtrArray *headings;  /* "LEVEL TEXT" */
  GPtrArray *quotes;
  GPtrArray *notes;     /* "" when the annotation has none */
  GPtrArray *details;   /* text of the details line */
  GPtrArray *refs;      /* the code span of the details line */
  GPtrArray *paragraphs;/* every other paragraph's text */
  char      *front;
} Reading;

static void
reading_free (Reading *reading)
{
  g_ptr_array_unref (reading->headings);
  g_ptr_array_unref (reading->quotes);
  g_ptr_array_unref (reading->notes);
  g_ptr_array_unref (reading->details);
  g_ptr_array_unref (reading->refs);
  g_ptr_array_unref (reading->paragraphs);
  g_free (reading->front);
  g_free (reading);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reading, reading_free)

/* The reference of a details paragraph (its one code span), or NULL. */
static char *
details_ref (cmark_node *paragraph)
{
  for (cmark_node *child = cmark_node_first_child (paragraph); child != NULL;
       child = cmark_node_next (child))
    if (cmark_node_get_type (child) == CMARK_NODE_CODE)
      return g_strdup (cmark_node_get_literal (child));
  return NULL;
}

static char *
details_text (cmark_node *paragraph)
{
  GString *out = g_string_new (NULL);

  for (cmark_node *child = cmark_node_first_child (paragraph); child != NULL;
       child = cmark_node_next (child))
    {
      g_assert_true (cmark_node_get_type (child) == CMARK_NODE_TEXT ||
                     cmark_node_get_type (child) == CMARK_NODE_CODE);
      g_string_append (out, cmark_node_get_literal (child));
    }
  return g_string_free (out, FALSE);
}

static Reading *
read_markdown (const char *markdown)
{
  Reading *reading = g_new0 (Reading, 1);
  const char *body = split_front_matter (markdown, &reading->front);
  cmark_node *document = cmark_parse_document (body, strlen (body), CMARK_OPT_DEFAULT);
  cmark_node *node;

  reading->headings = g_ptr_array_new_with_free_func (g_free);
  reading->quotes = g_ptr_array_new_with_free_func (g_free);
  reading->notes = g_ptr_array_new_with_free_func (g_free);
  reading->details = g_ptr_array_new_with_free_func (g_free);
  reading->refs = g_ptr_array_new_with_free_func (g_free);
  reading->paragraphs = g_ptr_array_new_with_free_func (g_free);

  assert_only_expected_nodes (document);

  for (node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_HEADING)
        {
          g_autofree char *text = inline_text (node);
          g_ptr_array_add (reading->headings,
                           g_strdup_printf ("%d %s", cmark_node_get_heading_level (node), text));
        }
      else if (type == CMARK_NODE_BLOCK_QUOTE)
        {
          cmark_node *para = cmark_node_first_child (node);
          cmark_node *next = cmark_node_next (node);
          g_autofree char *ref = NULL;

          /* One paragraph: the quote, whole. */
          g_assert_nonnull (para);
          g_assert_cmpint (cmark_node_get_type (para), ==, CMARK_NODE_PARAGRAPH);
          g_assert_null (cmark_node_next (para));
          g_ptr_array_add (reading->quotes, inline_text (para));

          /* Then its note (one paragraph) if any, then the details. */
          g_assert_nonnull (next);
          g_assert_cmpint (cmark_node_get_type (next), ==, CMARK_NODE_PARAGRAPH);
          ref = details_ref (next);
          if (ref == NULL)
            {
              g_ptr_array_add (reading->notes, inline_text (next));
              next = cmark_node_next (next);
              g_assert_nonnull (next);
              g_assert_cmpint (cmark_node_get_type (next), ==, CMARK_NODE_PARAGRAPH);
              ref = details_ref (next);
              g_assert_nonnull (ref);
            }
          else
            g_ptr_array_add (reading->notes, g_strdup (""));
          g_ptr_array_add (reading->details, details_text (next));
          g_ptr_array_add (reading->refs, g_steal_pointer (&ref));
          node = next;
        }
      else if (type == CMARK_NODE_PARAGRAPH)
        {
          g_ptr_array_add (reading->paragraphs, inline_text (node));
        }
      else
        g_assert_cmpint (type, ==, CMARK_NODE_LIST);
    }
  cmark_node_free (document);
  return reading;
}

/* What the exporter should write, worked out here */

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  CcAnnotation *x = *(CcAnnotation **)a;
  CcAnnotation *y = *(CcAnnotation **)b;

  if (cc_annotation_get_start (x) != cc_annotation_get_start (y))
    return cc_annotation_get_start (x) < cc_annotation_get_start (y) ? -1 : 1;
  if (cc_annotation_get_end (x) != cc_annotation_get_end (y))
    return cc_annotation_get_end (x) < cc_annotation_get_end (y) ? -1 : 1;
  return cc_annotation_get_created (x) < cc_annotation_get_created (y) ? -1 : 1;
}

/* Annotations of @all in the order the Markdown must show them: by
 * document (library order) then position; then the orphans, by document;
 * then those without a document. */
static GPtrArray *
expected_order (CcStore   *store,
                GPtrArray *all)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = cc_store_list_documents (store, &error);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new ();
  g_autoptr(GPtrArray) detached = g_ptr_array_new ();
  GPtrArray *order = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint d = 0; d < docs->len; d++)
    {
      g_autoptr(GPtrArray) here = g_ptr_array_new ();
      g_autoptr(GPtrArray) lost = g_ptr_array_new ();

      for (guint i = 0; i < all->len; i++)
        {
          CcAnnotation *a = all->pdata[i];
          if (cc_annotation_get_document_id (a) != cc_document_get_id (docs->pdata[d]))
            continue;
          g_ptr_array_add (cc_annotation_is_orphaned (a) ? lost : here, a);
        }
      g_ptr_array_sort (here, compare_position);
      g_ptr_array_sort (lost, compare_position);
      g_ptr_array_extend (order, here, NULL, NULL);
      g_ptr_array_extend (orphans, lost, NULL, NULL);
    }
  for (guint i = 0; i < all->len; i++)
    if (cc_annotation_get_document_id (all->pdata[i]) == 0)
      g_ptr_array_add (detached, all->pdata[i]);
  g_ptr_array_sort (detached, compare_position);
  g_ptr_array_extend (order, orphans, NULL, NULL);
  g_ptr_array_extend (order, detached, NULL, NULL);
  return order;
}

static char *
flatten (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("[ \t\n\r\f\v]+", 0, 0, NULL);
  g_autofree char *one = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);

  return g_strstrip (g_strdup (one));
}

/* Checks each annotation of @expected has its block quote, note and details
 * in that order. */
static void
assert_annotations (Reading   *reading,
                    GPtrArray *expected)
{
  g_assert_cmpuint (reading->quotes->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      CcAnnotation *a = expected->pdata[i];
      const char *details = reading->details->pdata[i];
      const char * const *tags = cc_annotation_get_tags (a);
      g_autofree char *ref = g_strconcat ("urn:uuid:", cc_annotation_get_uuid (a), NULL);
      g_autofree char *position = g_strdup_printf ("characters %u–%u",
                                                   cc_annotation_get_start (a),
                                                   cc_annotation_get_end (a));

      g_assert_cmpstr (reading->quotes->pdata[i], ==, cc_annotation_get_quote (a));
      g_assert_cmpstr (reading->notes->pdata[i], ==, cc_annotation_get_note (a));
      g_assert_cmpstr (reading->refs->pdata[i], ==, ref);
      g_assert_nonnull (strstr (details, position));
      g_assert_true (g_str_has_prefix (details,
                                       cc_annotation_color_get_label (cc_annotation_get_color (a))));
      for (guint t = 0; tags[t] != NULL; t++)
        {
          g_autofree char *tag = g_strdelimit (g_strdup (tags[t]), " ", '-');
          g_autofree char *hashtag = g_strconcat ("#", tag, NULL);
          g_assert_nonnull (strstr (details, hashtag));
        }
    }
}

/* A document whose row is deleted: its annotation is kept without it. */
static CcAnnotation *
add_detached (CcExportFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "other", NULL);
  g_autofree char *path = cc_test_write_file (folder, "removed.txt",
                                              "Removed article\n\nA sentence about a closure.\n", -1);
  const char *paths[] = { path, NULL };
  g_autoptr(CcImportReport) report = cc_import_paths (fixture->store, paths, NULL, NULL, NULL,
                                                      &error);
  g_autoptr(CcDocument) doc = cc_export_fixture_document (fixture->store, "removed.txt");
  CcAnnotation *a;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  a = cc_export_fixture_annotate (fixture->store, doc, "a closure", "blue",
                                  "Kept after its document went.", NULL);
  stmt = cc_store_prepare (fixture->store, "DELETE FROM documents WHERE id = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, cc_document_get_id (doc));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  cc_annotation_set_document_id (a, 0);
  return a;
}

/* Tests */

static void
test_structure (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) all = cc_export_fixture_annotate_all (fixture);
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) expected_headings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(Reading) reading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *again = NULL;
  const char *title = "My \"notes\": #1 \\ *on* <the> story\nsecond: line";

  g_ptr_array_add (all, add_detached (fixture));
  docs = cc_store_list_documents (fixture->store, &error);
  g_assert_no_error (error);

  options->title = g_strdup (title);
  options->timestamp = 1767225600;  /* 2026-01-01 */
  markdown = cc_export_markdown (fixture->store, options, NULL, &error);
  g_assert_no_error (error);
  reading = read_markdown (markdown);

  /* Front matter: valid YAML scalars holding the exact title and sources. */
  g_assert_nonnull (reading->front);
  titles = check_front_matter (reading->front, "title");
  g_assert_cmpuint (titles->len, ==, 1 + docs->len);
  g_assert_cmpstr (titles->pdata[0], ==, title);
  paths = check_front_matter (reading->front, "path");
  g_assert_cmpuint (paths->len, ==, docs->len);
  for (guint i = 0; i < docs->len; i++)
    {
      g_assert_cmpstr (titles->pdata[i + 1], ==, cc_document_get_title (docs->pdata[i]));
      g_assert_cmpstr (paths->pdata[i], ==, cc_document_get_path (docs->pdata[i]));
    }
  g_ptr_array_unref (check_front_matter (reading->front, "date"));
  g_assert_nonnull (strstr (reading->front, "date: \"2026-01-01T00:00:00Z\""));

  /* Headings only where the exporter puts them. */
  {
    g_autofree char *flat = flatten (title);
    g_ptr_array_add (expected_headings, g_strdup_printf ("1 %s", flat));
  }
  for (guint i = 0; i < docs->len; i++)
    {
      g_autofree char *flat = flatten (cc_document_get_title (docs->pdata[i]));
      g_ptr_array_add (expected_headings, g_strdup_printf ("2 %s", flat));
    }
  g_ptr_array_add (expected_headings, g_strdup ("2 Orphaned annotations"));
  g_assert_cmpuint (reading->headings->len, ==, expected_headings->len);
  for (guint i = 0; i < expected_headings->len; i++)
    g_assert_cmpstr (reading->headings->pdata[i], ==, expected_headings->pdata[i]);

  /* One block quote per annotation, in order, with its note and details. */
  order = expected_order (fixture->store, all);
  assert_annotations (reading, order);

  /* The orphan and the detached one say where they were. */
  g_assert_nonnull (strstr (reading->details->pdata[order->len - 1], "removed.txt"));
  g_assert_nonnull (strstr (reading->details->pdata[order->len - 2], "not found in"));

  /* Stable: the same export twice is the same text. */
  again = cc_export_markdown (fixture->store, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, markdown);
}

/* Every hostile text, and random ones, read back as one block of exactly
 * that text. */
static void
assert_paragraph_round_trip (const char *text,
                             const char *prefix)
{
  g_autoptr(GString) md = g_string_new (NULL);
  cmark_node *document;
  cmark_node *block;
  cmark_node *para;
  g_autofree char *back = NULL;

  cc_markdown_append_paragraph (md, text, prefix);
  document = cmark_parse_document (md->str, md->len, CMARK_OPT_DEFAULT);
  block = cmark_node_first_child (document);
  g_assert_nonnull (block);
  g_assert_null (cmark_node_next (block));
  if (*prefix == '>')
    {
      g_assert_cmpint (cmark_node_get_type (block), ==, CMARK_NODE_BLOCK_QUOTE);
      para = cmark_node_first_child (block);
      g_assert_null (cmark_node_next (para));
    }
  else
    para = block;
  g_assert_cmpint (cmark_node_get_type (para), ==, CMARK_NODE_PARAGRAPH);
  back = inline_text (para);
  if (g_strcmp0 (back, text) != 0)
    g_printerr ("Markdown:\n%s\n", md->str);
  g_assert_cmpstr (back, ==, text);
  cmark_node_free (document);
}

static void
assert_inline_round_trip (const char *text)
{
  g_autoptr(GString) md = g_string_new ("## ");
  g_autofree char *flat = flatten (text);
  cmark_node *document;
  cmark_node *heading;
  g_autofree char *back = NULL;

  cc_markdown_append_inline (md, text);
  g_string_append_c (md, '\n');
  document = cmark_parse_document (md->str, md->len, CMARK_OPT_DEFAULT);
  heading = cmark_node_first_child (document);
  g_assert_cmpint (cmark_node_get_type (heading), ==, CMARK_NODE_HEADING);
  g_assert_null (cmark_node_next (heading));
  back = inline_text (heading);
  g_assert_cmpstr (back, ==, flat);
  cmark_node_free (document);
}

static void
test_escape (void)
{
  const char * const *notes = cc_export_fixture_hostile_notes ();
  const char * const *quotes = cc_export_fixture_hostile_quotes ();
  static const char * const pieces[] = {
    "#", ">", "*", "_", "`", "``", "---", "===", "<div>", "</p>", "<!--", "[", "]", "(", ")",
    "![", "<http://a.b>", "&amp;", "&#35;", "&", ";", " ", "  ", "\t", "\n", "\n\n", "1.",
    "1)", "+ ", "- ", "\\", "|", "~", "~~~", "```", "=", "%%", "==", "a", "word", "é", "—",
    ":", "!", "$", "^", "{", "}", "\"", "'", "0", "9.", "    ", "-", "+", "12", "* ", "_",
    "\n-", "\n+", "\n1.", "\n#", "\n>", "\n=", "\n    ",
  };
  g_autoptr(GString) long_line = g_string_new (NULL);

  for (guint i = 0; notes[i] != NULL; i++)
    {
      if (*notes[i] == '\0')
        continue;
      assert_paragraph_round_trip (notes[i], "");
      assert_paragraph_round_trip (notes[i], "> ");
      assert_inline_round_trip (notes[i]);
    }
  for (guint i = 0; quotes[i] != NULL; i++)
    {
      assert_paragraph_round_trip (quotes[i], "> ");
      assert_inline_round_trip (quotes[i]);
    }

  for (guint i = 0; i < 2000; i++)
    g_string_append (long_line, pieces[i % G_N_ELEMENTS (pieces)][0] == '\n'
                                ? "x" : pieces[i % G_N_ELEMENTS (pieces)]);
  assert_paragraph_round_trip (long_line->str, "> ");

  /* Random texts made of the pieces Markdown cares about. */
  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_test_rand_int_range (1, 12);

      for (guint j = 0; j < n; j++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      g_autofree char *flat = flatten (text->str);

      assert_paragraph_round_trip (text->str, i % 2 ? "> " : "");
      if (*flat != '\0')
        assert_inline_round_trip (text->str);
    }
}

static void
test_filters (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) all = cc_export_fixture_annotate_all (fixture);
  g_autoptr(CcDocument) bridge = cc_export_fixture_document (fixture->store, "bridge.txt");
  g_autoptr(GError) error = NULL;
  const char * const colors[] = { "green", "pink", NULL };

  g_ptr_array_add (all, add_detached (fixture));

  /* Colour */
  for (guint c = 0; colors[c] != NULL; c++)
    {
      g_autoptr(CcExportOptions) options = cc_export_options_new ();
      g_autoptr(GPtrArray) subset = g_ptr_array_new ();
      g_autoptr(GPtrArray) order = NULL;
      g_autoptr(Reading) reading = NULL;
      g_autofree char *markdown = NULL;

      options->color = g_strdup (colors[c]);
      markdown = cc_export_markdown (fixture->store, options, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < all->len; i++)
        if (g_str_equal (cc_annotation_get_color (all->pdata[i]), colors[c]))
          g_ptr_array_add (subset, all->pdata[i]);
      g_assert_cmpuint (subset->len, >, 0);
      order = expected_order (fixture->store, subset);
      reading = read_markdown (markdown);
      assert_annotations (reading, order);
    }

  /* Tag (case-insensitive), and a tag with a space */
  {
    g_autoptr(CcExportOptions) options = cc_export_options_new ();
    g_autoptr(GPtrArray) subset = g_ptr_array_new ();
    g_autoptr(GPtrArray) order = NULL;
    g_autoptr(Reading) reading = NULL;
    g_autofree char *markdown = NULL;

    options->tag = g_strdup ("To Check");
    markdown = cc_export_markdown (fixture->store, options, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      if (cc_annotation_has_tag (all->pdata[i], "to check"))
        g_ptr_array_add (subset, all->pdata[i]);
    g_assert_cmpuint (subset->len, ==, 2);
    order = expected_order (fixture->store, subset);
    reading = read_markdown (markdown);
    assert_annotations (reading, order);
    /* Only the documents with a matching annotation get a section. */
    g_assert_cmpuint (reading->headings->len, ==, 3);
  }

  /* Scope: one document; its orphan but not the detached annotation. */
  {
    g_autoptr(CcExportOptions) options = cc_export_options_new ();
    g_autoptr(GPtrArray) subset = g_ptr_array_new ();
    g_autoptr(GPtrArray) order = NULL;
    g_autoptr(Reading) reading = NULL;
    g_autofree char *markdown = NULL;
    g_autofree char *heading = NULL;

    cc_export_options_add_document (options, cc_document_get_id (bridge));
    markdown = cc_export_markdown (fixture->store, options, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      if (cc_annotation_get_document_id (all->pdata[i]) == cc_document_get_id (bridge))
        g_ptr_array_add (subset, all->pdata[i]);
    order = expected_order (fixture->store, subset);
    g_assert_cmpuint (order->len, ==, 3);
    reading = read_markdown (markdown);
    assert_annotations (reading, order);
    heading = g_strdup_printf ("2 %s", cc_document_get_title (bridge));
    g_assert_cmpuint (reading->headings->len, ==, 3);
    g_assert_cmpstr (reading->headings->pdata[1], ==, heading);
    g_assert_cmpstr (reading->headings->pdata[2], ==, "2 Orphaned annotations");
  }

  /* Bad options */
  {
    g_autoptr(CcExportOptions) options = cc_export_options_new ();
    g_autofree char *markdown = NULL;

    options->color = g_strdup ("mauve");
    markdown = cc_export_markdown (fixture->store, options, NULL, &error);
    g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
    g_assert_null (markdown);
    g_clear_error (&error);

    g_clear_pointer (&options->color, g_free);
    cc_export_options_add_document (options, 999999);
    markdown = cc_export_markdown (fixture->store, options, NULL, &error);
    g_assert_error (error, CC_ERROR, CC_ERROR_NOT_FOUND);
    g_assert_null (markdown);
  }
}

static void
test_entities_conflicts (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) all = cc_export_fixture_annotate_all (fixture);
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  g_autoptr(CcConflictReport) report = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(Reading) reading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  const char *note = "# My note on it\n> with *syntax* and <b>HTML</b>\n\n1. and a list";
  sqlite3_stmt *stmt;
  guint entities = 0, annotations = 0, facts = 0, section = 0;
  gboolean found_note = FALSE;

  /* A note on a fact no longer found: still exported, literally. */
  stmt = cc_store_prepare (fixture->store,
                           "INSERT INTO conflict_notes (key, subject, attribute, note, created,"
                           "  modified) VALUES ('test:key', 'Harbour *authority*', 'cost', ?, 1, 1)",
                           &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, note, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  options->entities = TRUE;
  options->conflicts = TRUE;
  options->front_matter = FALSE;
  markdown = cc_export_markdown (fixture->store, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_str_has_prefix (markdown, "---"));
  reading = read_markdown (markdown);
  g_assert_null (reading->front);
  order = expected_order (fixture->store, all);
  assert_annotations (reading, order);

  for (guint i = 0; i < reading->headings->len; i++)
    {
      const char *h = reading->headings->pdata[i];

      if (g_str_equal (h, "3 Entities"))
        entities++;
      else if (g_str_equal (h, "3 Annotations"))
        annotations++;
      else if (g_str_equal (h, "2 Conflicts between sources"))
        section = i;
      else if (section > 0 && g_str_has_prefix (h, "3 "))
        facts++;
    }
  g_assert_cmpuint (entities, ==, fixture->documents->len);
  g_assert_cmpuint (annotations, ==, fixture->documents->len);
  g_assert_cmpuint (section, ==, reading->headings->len - facts - 1);
  g_assert_cmpstr (reading->headings->pdata[reading->headings->len - 1], ==,
                   "3 Harbour *authority* — cost");

  /* One heading per fact the library's sources disagree on, plus the
   * note's. */
  report = cc_conflicts_for_store (fixture->store, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    guint conflicting = 0;
    for (guint i = 0; i < report->facts->len; i++)
      if (((CcFact *)report->facts->pdata[i])->worst == CC_VERDICT_CONFLICT)
        conflicting++;
    g_assert_cmpuint (facts, ==, conflicting + 1);
  }

  for (guint i = 0; i < reading->paragraphs->len; i++)
    found_note |= g_str_equal (reading->paragraphs->pdata[i], note);
  g_assert_true (found_note);
}

static void
test_file (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) all = cc_export_fixture_annotate_all (fixture);
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "notes.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autofree char *after = NULL;

  options->timestamp = 1767225600;
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_true (cc_export_to_file (fixture->store, CC_EXPORT_FORMAT_MARKDOWN, options, file,
                                    NULL, &error));
  g_assert_no_error (error);
  expected = cc_export_to_string (fixture->store, CC_EXPORT_FORMAT_MARKDOWN, options, NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  /* A failed export leaves the file as it was. */
  options->color = g_strdup ("mauve");
  g_assert_false (cc_export_to_file (fixture->store, CC_EXPORT_FORMAT_W3C, options, file,
                                     NULL, &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, written);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} AsyncResult;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *data = user_data;

  data->ok = cc_export_to_file_finish (CC_STORE (source), result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_async (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) all = cc_export_fixture_annotate_all (fixture);
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "notes.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  AsyncResult data = { g_main_loop_new (NULL, FALSE), FALSE, NULL };
  JsonObject *root;

  cc_export_to_file_async (fixture->store, CC_EXPORT_FORMAT_W3C, options, file, NULL,
                           on_exported, &data);
  g_main_loop_run (data.loop);
  g_main_loop_unref (data.loop);
  g_assert_no_error (data.error);
  g_assert_true (data.ok);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, all->len);
}

static void
test_cli (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) all = cc_export_fixture_annotate_all (fixture);
  g_autofree char *db = g_strdup (cc_store_get_path (fixture->store));
  g_autofree char *out_path = g_build_filename (fixture->dir, "out.md", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  {
    const char *argv[] = { "--db", db, "export", NULL };
    g_autoptr(Reading) reading = NULL;
    g_autoptr(GPtrArray) order = expected_order (fixture->store, all);

    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    reading = read_markdown (out);
    assert_annotations (reading, order);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { "export", "--db", db, "--format", "markdown", "--color", "green",
                           "--output", out_path, "bridge.txt", "harbour.txt", NULL };
    g_autoptr(Reading) reading = NULL;
    g_autoptr(GPtrArray) subset = g_ptr_array_new ();
    g_autofree char *text = NULL;

    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "");
    g_assert_true (g_file_get_contents (out_path, &text, NULL, NULL));
    reading = read_markdown (text);
    for (guint i = 0; i < all->len; i++)
      {
        CcAnnotation *a = all->pdata[i];
        g_autoptr(CcDocument) doc = cc_store_get_document (fixture->store,
                                                           cc_annotation_get_document_id (a),
                                                           NULL);
        if (g_str_equal (cc_annotation_get_color (a), "green") &&
            !g_str_equal (cc_document_get_basename (doc), "hostile.txt"))
          g_ptr_array_add (subset, a);
      }
    g_assert_cmpuint (subset->len, ==, 1);
    assert_annotations (reading, subset);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { "export", "--db", db, "--format=json", "--tag", "budget", NULL };
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                                 "total"), ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { "export", "--db", db, "--format", "xml", NULL };

    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "markdown or json"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { "export", "--db", db, "no-such-document.txt", NULL };

    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "no-such-document.txt"));
    g_assert_cmpstr (out, ==, "");
  }
}

/* Exports @store to @target in both formats and checks each is refused. */
static void
assert_export_refused (CcStore    *store,
                       const char *target)
{
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  g_autoptr(GFile) file = g_file_new_for_path (target);

  for (guint f = 0; f < 2; f++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cc_export_to_file (store, f == 0 ? CC_EXPORT_FORMAT_MARKDOWN
                                                       : CC_EXPORT_FORMAT_W3C,
                                         options, file, NULL, &error));
      g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Cannot export to"));
    }
}

/* The library at @path still opens, with its documents and annotations. */
static void
assert_library_intact (const char *path,
                       guint       n_annotations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_open (path, &error);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  docs = cc_store_list_documents (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 3);
  list = cc_annotation_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, n_annotations);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, len);
}

/* Issue 9, item 2: `export --output` given the library's own path replaced
 * the library with the Markdown. The library, its -wal, -shm and -journal
 * (existing or not), another spelling of its path, a link to it, and any
 * other SQLite database are refused, in the core and through the CLI. */
static void
test_file_not_library (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) all = cc_export_fixture_annotate_all (fixture);
  const char *db = cc_store_get_path (fixture->store);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);
  g_autofree char *respelled = g_build_filename (fixture->corpus, "..", "library.db", NULL);
  g_autofree char *symlink_path = g_build_filename (fixture->dir, "link.db", NULL);
  g_autofree char *hardlink_path = g_build_filename (fixture->dir, "hard.md", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "other-app.db", NULL);
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;
  g_autofree char *fine = g_build_filename (fixture->dir, "notes.md", NULL);
  g_autoptr(GFile) fine_file = g_file_new_for_path (fine);
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (symlink (db, symlink_path), ==, 0);
  g_assert_cmpint (link (db, hardlink_path), ==, 0);
  g_assert_cmpint (sqlite3_open (foreign, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  sha_before = file_sha256 (foreign);

  assert_export_refused (fixture->store, db);
  assert_export_refused (fixture->store, wal);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    assert_export_refused (fixture->store, shm);
  assert_export_refused (fixture->store, journal);
  assert_export_refused (fixture->store, respelled);
  assert_export_refused (fixture->store, symlink_path);
  assert_export_refused (fixture->store, hardlink_path);
  assert_export_refused (fixture->store, foreign);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  sha_after = file_sha256 (foreign);
  g_assert_cmpstr (sha_before, ==, sha_after);
  assert_library_intact (db, all->len);

  /* Through the CLI: an error and a non-zero status. */
  {
    const char *argv[] = { "--db", db, "export", "--output", db, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, db));
    g_assert_nonnull (strstr (err, "library"));
  }
  assert_library_intact (db, all->len);

  /* Any other file is written. */
  g_assert_true (cc_export_to_file (fixture->store, CC_EXPORT_FORMAT_MARKDOWN, options,
                                    fine_file, NULL, &error));
  g_assert_no_error (error);
}

/* Issue 9, item 18: exports followed the umask (0666 under umask 000);
 * a new export is 0600, like the library, in both formats and from the
 * CLI. */
static void
test_file_mode (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) all = cc_export_fixture_annotate_all (fixture);
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  const char *db = cc_store_get_path (fixture->store);
  mode_t old_umask = umask (0);

  for (guint f = 0; f < 3; f++)
    {
      g_autofree char *name = g_strdup_printf ("export-%u.out", f);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      if (f < 2)
        {
          g_assert_true (cc_export_to_file (fixture->store, f == 0 ? CC_EXPORT_FORMAT_MARKDOWN
                                                                   : CC_EXPORT_FORMAT_W3C,
                                            options, file, NULL, &error));
          g_assert_no_error (error);
        }
      else
        {
          const char *argv[] = { "--db", db, "export", "--output", path, NULL };
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;

          g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
        }
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
  umask (old_umask);
}

/* Every node type cmark finds in @markdown, read whole (front matter too,
 * as a renderer that does not know front matter reads it), counted. */
static GHashTable *
count_nodes (const char *markdown)
{
  cmark_node *document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  cmark_iter *iter = cmark_iter_new (document);
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      const char *type = cmark_node_get_type_string (node);

      if (event != CMARK_EVENT_ENTER || cmark_node_get_type (node) == CMARK_NODE_TEXT)
        continue;
      g_hash_table_insert (counts, (gpointer)type,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, type)) + 1));
    }
  cmark_iter_free (iter);
  cmark_node_free (document);
  return counts;
}

static void
set_document_fields (CcStore    *store,
                     const char *title,
                     const char *outlet,
                     const char *byline,
                     const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cc_store_prepare (store, "UPDATE documents SET title = ?, outlet = ?, "
                                                "byline = ?, path = ? || id", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, outlet, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, byline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, path, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static char *
export_with (CcStore    *store,
             const char *title)
{
  g_autoptr(CcExportOptions) options = cc_export_options_new ();
  g_autoptr(GError) error = NULL;
  char *markdown;

  options->timestamp = 1767225600;
  options->title = g_strdup (title);
  markdown = cc_export_markdown (store, options, NULL, &error);
  g_assert_no_error (error);
  return markdown;
}

/* Issue 9, item 14: the front matter was escaped for YAML only, so a
 * hostile title became a link, an image and HTML in a renderer that shows
 * front matter as Markdown; a note line "+" or "-" then a vertical tab or
 * form feed became a list item; ANSI escapes and BEL reached the file.
 * Read whole by cmark, the hostile export has exactly the nodes of a plain
 * one (no link, image, HTML, code or emphasis, no extra list item), and no
 * control character but line feed and tab; it is valid UTF-8 though a
 * file name is not. */
static void
test_hostile_render (void)
{
  static const char hostile[] =
    "[click](http://evil.example/) ![pic](http://evil.example/x.png) "
    "<img src=x onerror=alert(1)> <b>bold</b> *em* _em_ `code` <http://evil.example> "
    "\x1b[31mred\x1b[0m\x07 ~~gone~~ | a | b |";
  static const char * const hostile_notes[] = {
    "+\vnot an item", "-\fnot an item either", "first line\n+\vsecond\n-\fthird",
    "\x1b[2J\x1b[Hcleared\x07 and belled\x1b]0;title\x07", "\x7f\xc2\x9b""31m c1 csi",
  };
  /* The same lines without the hostile parts. */
  static const char * const plain_notes[] = {
    "plain", "plain", "first line\nsecond\nthird", "plain", "plain",
  };
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(CcDocument) harbour = cc_export_fixture_document (fixture->store, "harbour.txt");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *plain_md = NULL;
  g_autofree char *hostile_md = NULL;
  g_autoptr(GHashTable) plain_counts = NULL;
  g_autoptr(GHashTable) hostile_counts = NULL;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < G_N_ELEMENTS (hostile_notes); i++)
    g_ptr_array_add (notes, cc_export_fixture_annotate (fixture->store, harbour, "harbour",
                                                        "yellow", plain_notes[i], NULL));

  set_document_fields (fixture->store, "Plain title", "Plain outlet", "Plain byline",
                       "/news/plain.txt");
  plain_md = export_with (fixture->store, "Plain export");

  /* A path that is not UTF-8, too (item 10). */
  set_document_fields (fixture->store, hostile, hostile, hostile, "/news/caf\xe9 \xe9\x22[x](y).txt");
  for (guint i = 0; i < notes->len; i++)
    {
      g_autoptr(GError) error = NULL;

      cc_annotation_set_note (notes->pdata[i], hostile_notes[i]);
      g_assert_true (cc_annotation_store_update (fixture->store, notes->pdata[i], &error));
      g_assert_no_error (error);
    }
  hostile_md = export_with (fixture->store, hostile);


  plain_counts = count_nodes (plain_md);
  hostile_counts = count_nodes (hostile_md);
  g_assert_null (g_hash_table_lookup (hostile_counts, "link"));
  g_assert_null (g_hash_table_lookup (hostile_counts, "image"));
  g_assert_null (g_hash_table_lookup (hostile_counts, "html_inline"));
  g_assert_null (g_hash_table_lookup (hostile_counts, "html_block"));
  g_assert_null (g_hash_table_lookup (hostile_counts, "emph"));
  g_hash_table_iter_init (&iter, hostile_counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (plain_counts, key))
      g_printerr ("%s: only in the hostile export\n", (const char *)key);
  g_assert_cmpuint (g_hash_table_size (hostile_counts), ==, g_hash_table_size (plain_counts));
  g_hash_table_iter_init (&iter, plain_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (GPOINTER_TO_UINT (g_hash_table_lookup (hostile_counts, key)) != GPOINTER_TO_UINT (value))
        g_printerr ("%s: %u plain, %u hostile\n", (const char *)key, GPOINTER_TO_UINT (value),
                    GPOINTER_TO_UINT (g_hash_table_lookup (hostile_counts, key)));
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (hostile_counts, key)), ==,
                        GPOINTER_TO_UINT (value));
    }

  for (const char *p = hostile_md; *p != '\0'; p++)
    g_assert_true ((guchar)*p >= 0x20 || *p == '\n' || *p == '\t');
  g_assert_true (g_utf8_validate (hostile_md, -1, NULL));
  g_assert_null (strstr (hostile_md, "\xc2\x9b"));
  g_assert_null (strstr (hostile_md, "\x7f"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crosscheck/export/markdown/structure", test_structure);
  g_test_add_func ("/crosscheck/export/markdown/escape", test_escape);
  g_test_add_func ("/crosscheck/export/markdown/filters", test_filters);
  g_test_add_func ("/crosscheck/export/markdown/entities-conflicts", test_entities_conflicts);
  g_test_add_func ("/crosscheck/export/file", test_file);
  g_test_add_func ("/crosscheck/export/async", test_async);
  g_test_add_func ("/crosscheck/export/cli", test_cli);
  g_test_add_func ("/crosscheck/export/file/not-the-library", test_file_not_library);
  g_test_add_func ("/crosscheck/export/file/mode", test_file_mode);
  g_test_add_func ("/crosscheck/export/markdown/hostile-render", test_hostile_render);

  return g_test_run ();
}
