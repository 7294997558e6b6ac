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

static GPtrArray *
page_lines (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      /* keep blank lines: poppler separates blocks with them */
      g_ptr_array_add (out, g_steal_pointer (&line));
    }
  while (out->len > 0 && *(char *)out->pdata[out->len - 1] == '\0')
    g_ptr_array_remove_index (out, out->len - 1);
  return out;
}

/* Indices of the first and last @EDGE_LINES non-blank lines. */
static gboolean
is_edge (GPtrArray *lines,
         guint      index)
{
  guint before = 0, after = 0;

  for (guint i = 0; i < index; i++)
    if (*(char *)lines->pdata[i])
      before++;
  for (guint i = index + 1; i < lines->len; i++)
    if (*(char *)lines->pdata[i])
      after++;
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

          if (!*(char *)lines->pdata[i] || !is_edge (lines, i))
            continue;
          key = line_key (lines->pdata[i]);
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
          const char *line = lines->pdata[i];
          g_autofree char *key = NULL;

          if (!*line || !is_edge (lines, i))
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

/* Joins lines into paragraphs: a blank line, or a short line that ends a
 * sentence, ends one; "inter-\nnational" becomes "international". */
static void
join_lines (GString   *out,
            GPtrArray *lines)
{
  g_autoptr(GString) para = g_string_new (NULL);
  glong longest = 0;

  for (guint i = 0; i < lines->len; i++)
    longest = MAX (longest, g_utf8_strlen (lines->pdata[i], -1));

  for (guint i = 0; i <= lines->len; i++)
    {
      const char *line = i < lines->len ? lines->pdata[i] : "";
      gboolean end = *line == '\0';

      if (!end)
        {
          gsize n = para->len;

          if (n > 1 && para->str[n - 1] == '-' && g_ascii_isalpha (para->str[n - 2]) &&
              g_unichar_islower (g_utf8_get_char (line)))
            g_string_truncate (para, n - 1);  /* a word hyphenated at the line end */
          else if (n > 0)
            g_string_append_c (para, ' ');
          g_string_append (para, line);
          end = ends_sentence (line) && g_utf8_strlen (line, -1) * 4 < longest * 3;
        }
      if (end && para->len > 0)
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
