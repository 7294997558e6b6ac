/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "cc-article.h"
#include "cc-error.h"
#include "cc-pdf.h"

/* poppler lays a page's glyphs out in reading order (its text output
 * device finds columns and blocks); what is article text is decided here. */

/* Lines at the top and bottom of a page that may be running heads. */
#define EDGE_LINES 2

/* "12", "- 12 -", "Page 12", "12 of 30", "Page 12 of 30" */
static gboolean
is_page_number (const char *line)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      GRegex *r = g_regex_new ("^\\W*(?:page\\s+)?\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?\\W*$",
                               G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, (gsize)r);
    }
  return g_regex_match ((GRegex *)once, line, 0, NULL);
}

/* A line with its digits masked, so "Report, page 3" repeats as "Report, page #". */
static char *
line_key (const char *line)
{
  g_autofree char *copy = g_strstrip (g_strdup (line));

  for (char *p = copy; *p; p++)
    if (g_ascii_isdigit (*p))
      *p = '#';
  return g_steal_pointer (&copy);
}

typedef struct
{
  char   *text;
  double  left;
  double  right;
  double  top;
  double  bottom;
  gboolean page_start;
} Line;

static void
line_free (Line *line)
{
  g_free (line->text);
  g_free (line);
}

static gboolean
crosses (Line  *line,
         double x)
{
  return line->left < x - 1 && line->right > x + 1;
}

/* A gutter: an x that no more than a quarter of the lines cross, with at
 * least two lines wholly on each side. 0 when the page has one column. */
static double
find_gutter (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      double x = ((Line *)lines->pdata[i])->left - 2;
      guint across = 0, before = 0, after = 0;

      for (guint j = 0; j < lines->len; j++)
        {
          Line *line = lines->pdata[j];
          if (crosses (line, x))
            across++;
          else if (line->right <= x)
            before++;
          else
            after++;
        }
      if (before >= 2 && after >= 2 && across * 4 <= lines->len)
        return x;
    }
  return 0;
}

static int
compare_top (gconstpointer a,
             gconstpointer b)
{
  const Line *x = *(Line * const *)a;
  const Line *y = *(Line * const *)b;

  return (x->top > y->top) - (x->top < y->top);
}

/* Two columns are read one after the other: lines that cross the gutter
 * (a headline, a running head) cut the page into bands, and each band is
 * read left column first. */
static void
order_columns (GPtrArray *lines)
{
  double gutter = find_gutter (lines);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) right = NULL;
  guint n;

  if (gutter <= 0)
    return;
  sorted = g_ptr_array_copy (lines, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);  /* a copy takes the free function too */
  g_ptr_array_sort (sorted, compare_top);
  right = g_ptr_array_new ();
  n = lines->len;
  g_ptr_array_set_free_func (lines, NULL);
  g_ptr_array_set_size (lines, 0);
  for (guint i = 0; i <= n; i++)
    {
      Line *line = i < n ? sorted->pdata[i] : NULL;

      if (line == NULL || crosses (line, gutter))
        {
          for (guint j = 0; j < right->len; j++)
            g_ptr_array_add (lines, right->pdata[j]);
          g_ptr_array_set_size (right, 0);
          if (line != NULL)
            g_ptr_array_add (lines, line);
        }
      else if (line->right <= gutter)
        g_ptr_array_add (lines, line);
      else
        g_ptr_array_add (right, line);
    }
  g_ptr_array_set_free_func (lines, (GDestroyNotify)line_free);
}

/* The page's lines in poppler's reading order, each with its box (from
 * the rectangle poppler gives every character). */
static GPtrArray *
page_lines (PopplerPage *page)
{
  g_autofree char *text = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  Line *line = NULL;
  guint index = 0;

  text = poppler_page_get_text (page);
  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;
  for (const char *p = text ? text : ""; ; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\0')
        {
          if (line != NULL)
            {
              char *start = line->text;
              line->text = g_strstrip (g_strdup (start));
              g_free (start);
              if (*line->text)
                g_ptr_array_add (out, line);
              else
                line_free (line);
              line = NULL;
            }
          if (c == '\0')
            break;
          continue;
        }
      if (line == NULL)
        {
          line = g_new0 (Line, 1);
          line->text = (char *)g_string_free (g_string_new (NULL), FALSE);
          line->top = G_MAXDOUBLE;
          line->left = G_MAXDOUBLE;
        }
      {
        g_autofree char *grown = NULL;
        char buf[8] = { 0 };
        g_unichar_to_utf8 (c, buf);
        grown = g_strconcat (line->text, buf, NULL);
        g_free (line->text);
        line->text = g_steal_pointer (&grown);
      }
      if (index < n_rects && !g_unichar_isspace (c))
        {
          line->left = MIN (line->left, rects[index].x1);
          line->right = MAX (line->right, rects[index].x2);
          line->top = MIN (line->top, rects[index].y1);
          line->bottom = MAX (line->bottom, rects[index].y2);
        }
    }
  order_columns (out);
  if (out->len > 0)
    ((Line *)out->pdata[0])->page_start = TRUE;
  return out;
}

/* Indices of the first and last @EDGE_LINES non-blank lines. */
static gboolean
is_edge (GPtrArray *lines,
         guint      index)
{
  guint before = 0, after = 0;

  /* lines are not blank; the head and foot are the lines nearest the
   * page's top and bottom, wherever poppler's order put them */
  Line *line = lines->pdata[index];

  for (guint i = 0; i < lines->len; i++)
    {
      Line *other = lines->pdata[i];
      if (other->top < line->top)
        before++;
      if (other->top > line->top)
        after++;
    }
  return before < EDGE_LINES || after < EDGE_LINES;
}

/* Drops running heads and feet: edge lines that repeat (digits masked) on
 * at least half the pages, and page numbers at the edges. */
static void
drop_furniture (GPtrArray *pages)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint threshold = MAX (2, (pages->len + 1) / 2);

  for (guint p = 0; p < pages->len; p++)
    {
      GPtrArray *lines = pages->pdata[p];
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < lines->len; i++)
        {
          char *key;

          if (!is_edge (lines, i))
            continue;
          key = line_key (((Line *)lines->pdata[i])->text);
          if (!g_hash_table_add (seen, key))
            continue;  /* twice on one page counts once */
          g_hash_table_insert (counts, g_strdup (key),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
        }
    }

  for (guint p = 0; p < pages->len; p++)
    {
      GPtrArray *lines = pages->pdata[p];
      g_autoptr(GArray) drop = g_array_new (FALSE, TRUE, sizeof (gboolean));

      g_array_set_size (drop, lines->len);
      for (guint i = 0; i < lines->len; i++)
        {
          const char *line = ((Line *)lines->pdata[i])->text;
          g_autofree char *key = NULL;

          if (!is_edge (lines, i))
            continue;
          key = line_key (line);
          if (is_page_number (line) ||
              (pages->len > 1 && GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) >= threshold))
            g_array_index (drop, gboolean, i) = TRUE;
        }
      for (guint i = lines->len; i > 0; i--)
        if (g_array_index (drop, gboolean, i - 1))
          g_ptr_array_remove_index (lines, i - 1);
    }
}

static gboolean
ends_sentence (const char *line)
{
  gsize len = strlen (line);
  const char *last;

  if (len == 0)
    return FALSE;
  last = g_utf8_find_prev_char (line, line + len);
  switch (g_utf8_get_char (last))
    {
    case '.': case '!': case '?': case ':': case '"': case 0x201D: case 0x2019:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether a paragraph ends between @line and @next: a gap wider than
 * half a line, a move up the page (the next column), or a page break
 * after a full stop. */
static gboolean
breaks_between (Line *line,
                Line *next)
{
  double height = line->bottom - line->top;

  if (next == NULL)
    return TRUE;
  if (next->page_start)
    return ends_sentence (line->text);
  if (next->top < line->top || next->left > line->left + 4 * height)
    return TRUE;
  return next->top - line->bottom > 0.5 * height;
}

/* Joins lines into paragraphs separated by blank lines; "inter-" at a
 * line's end and "national" at the next one's start become one word. */
static void
join_lines (GString   *out,
            GPtrArray *lines)
{
  g_autoptr(GString) para = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = lines->pdata[i];
      gsize n = para->len;

      if (n > 1 && para->str[n - 1] == '-' && g_ascii_isalpha (para->str[n - 2]) &&
          g_unichar_islower (g_utf8_get_char (line->text)))
        g_string_truncate (para, n - 1);
      else if (n > 0)
        g_string_append_c (para, ' ');
      g_string_append (para, line->text);

      if (breaks_between (line, i + 1 < lines->len ? lines->pdata[i + 1] : NULL))
        {
          if (out->len > 0)
            g_string_append (out, "\n\n");
          g_string_append (out, para->str);
          g_string_truncate (para, 0);
        }
    }
}

static char *
format_date (GDateTime *when)
{
  return when ? g_date_time_format (when, "%Y-%m-%d") : NULL;
}

static CcDocumentMeta *
read_meta (PopplerDocument *doc)
{
  CcDocumentMeta *meta = cc_document_meta_new ();
  g_autofree char *title = poppler_document_get_title (doc);
  g_autofree char *author = poppler_document_get_author (doc);
  g_autofree char *subject = poppler_document_get_subject (doc);
  g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (doc);
  g_autofree char *date = format_date (created);

  cc_document_meta_take (&meta->title, title);
  cc_document_meta_take (&meta->byline, author);
  cc_document_meta_take (&meta->description, subject);
  cc_document_meta_take (&meta->published, date);
  return meta;
}

char *
cc_pdf_extract (const guint8     *data,
                gsize             len,
                CcDocumentMeta  **meta,
                GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *doc;
  char *text;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int n;

  g_return_val_if_fail (meta != NULL, NULL);

  if (len > CC_PDF_MAX_SIZE)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_TOO_LARGE,
                   _("is too large (%.1f MB; the limit is %d MB)"),
                   len / (1024.0 * 1024.0), CC_PDF_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_bytes_new (data, len);
  doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (doc == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID, _("cannot be read as PDF (%s)"),
                   local_error->message);
      return NULL;
    }

  n = poppler_document_get_n_pages (doc);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      if (page != NULL)
        {
          g_ptr_array_add (pages, page_lines (page));
          g_object_unref (page);
        }
    }
  drop_furniture (pages);
  {
    /* one run of lines: a paragraph or a hyphenated word may go on over a page break */
    g_autoptr(GPtrArray) all = g_ptr_array_new ();
    for (guint i = 0; i < pages->len; i++)
      {
        GPtrArray *lines = pages->pdata[i];
        for (guint j = 0; j < lines->len; j++)
          g_ptr_array_add (all, lines->pdata[j]);
      }
    join_lines (out, all);
  }

  if (out->len == 0)
    {
      g_object_unref (doc);
      g_set_error (error, CC_ERROR, CC_ERROR_EMPTY,
                   _("holds no text (a scanned PDF needs text recognition first)"));
      return NULL;
    }
  *meta = read_meta (doc);
  g_object_unref (doc);
  text = g_string_free (g_steal_pointer (&out), FALSE);
  return text;
}
