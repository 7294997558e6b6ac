/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cc-article.h"
#include "cc-error.h"
#include "cc-formats.h"
#include "cc-html.h"
#include "cc-mhtml.h"
#include "cc-pdf.h"

CcFormat
cc_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  CcTextFormat text_format;

  if (cc_text_format_for_path (path, &text_format))
    return text_format == CC_TEXT_FORMAT_MARKDOWN ? CC_FORMAT_MARKDOWN : CC_FORMAT_TEXT;
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
      g_str_has_suffix (lower, ".xhtml"))
    return CC_FORMAT_HTML;
  if (g_str_has_suffix (lower, ".pdf"))
    return CC_FORMAT_PDF;
  if (g_str_has_suffix (lower, ".mhtml") || g_str_has_suffix (lower, ".mht"))
    return CC_FORMAT_MHTML;
  return CC_FORMAT_UNKNOWN;
}

CcFormat
cc_format_for_content (const char   *content_type,
                       const guint8 *data,
                       gsize         len)
{
  g_autofree char *type = content_type ? g_ascii_strdown (content_type, -1) : NULL;
  char *semicolon = type ? strchr (type, ';') : NULL;

  if (semicolon != NULL)
    *semicolon = '\0';
  if (type != NULL)
    g_strstrip (type);
  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return CC_FORMAT_PDF;
  if (type != NULL && (g_str_equal (type, "text/html") || g_str_equal (type, "application/xhtml+xml")))
    return CC_FORMAT_HTML;
  if (type != NULL && g_str_equal (type, "application/pdf"))
    return CC_FORMAT_PDF;
  if (type != NULL && (g_str_equal (type, "multipart/related") ||
                       g_str_equal (type, "application/x-mimearchive")))
    return CC_FORMAT_MHTML;
  if (type != NULL && g_str_equal (type, "text/markdown"))
    return CC_FORMAT_MARKDOWN;
  if (cc_html_sniff (data, len))
    return CC_FORMAT_HTML;
  if (type == NULL || g_str_equal (type, "text/plain"))
    return CC_FORMAT_TEXT;
  return CC_FORMAT_UNKNOWN;
}

const char *
cc_format_extensions (void)
{
  return ".txt, .md, .html, .htm, .mhtml and .pdf";
}

static char *
first_line (const char *text)
{
  const char *end = strchr (text, '\n');
  g_autofree char *line = end ? g_strndup (text, end - text) : g_strdup (text);

  g_strstrip (line);
  return *line ? g_steal_pointer (&line) : NULL;
}

/* A result for text that a format reader extracted. */
static CcTextResult *
result_for (char            *extracted,
            char            *warning,
            const char      *encoding,
            const char      *path,
            CcDocumentMeta  *meta,
            GError         **error)
{
  g_autoptr(CcTextResult) result = g_new0 (CcTextResult, 1);
  g_autofree char *owned = extracted;

  result->text = cc_text_normalize (owned);
  result->warning = warning;
  result->encoding = g_strdup (encoding);
  if (meta->title != NULL && !cc_article_is_title_like (meta->title))
    g_clear_pointer (&meta->title, g_free);
  result->title = meta->title ? g_strdup (meta->title) : first_line (result->text);
  if (result->title != NULL && !cc_article_is_title_like (result->title))
    {
      char *title = cc_article_fallback_title (path, result->title);
      g_free (result->title);
      result->title = title;
    }
  if (result->title == NULL || *result->text == '\0')
    {
      g_set_error (error, CC_ERROR, CC_ERROR_EMPTY, _("contains no text"));
      return NULL;
    }
  cc_document_meta_take (&meta->title, result->title);
  result->outlet = g_strdup (meta->outlet);
  result->byline = g_strdup (meta->byline);
  result->words = cc_text_count_words (result->text);
  return g_steal_pointer (&result);
}

CcTextResult *
cc_format_read (CcFormat          format,
                const char       *path,
                const guint8     *data,
                gsize             len,
                const char       *charset,
                CcDocumentMeta  **meta,
                GError          **error)
{
  g_autoptr(CcDocumentMeta) found = NULL;
  CcTextResult *result = NULL;
  char *warning = NULL;
  char *text;

  g_return_val_if_fail (meta != NULL, NULL);
  *meta = NULL;

  switch (format)
    {
    case CC_FORMAT_TEXT:
    case CC_FORMAT_MARKDOWN:
      result = cc_text_process (data, len, format == CC_FORMAT_MARKDOWN
                                             ? CC_TEXT_FORMAT_MARKDOWN : CC_TEXT_FORMAT_PLAIN,
                                error);
      if (result == NULL)
        return NULL;
      found = cc_document_meta_new ();
      cc_article_refine (result, path, found);
      break;
    case CC_FORMAT_HTML:
      text = cc_html_extract (data, len, charset, &found, &warning, error);
      if (text == NULL)
        return NULL;
      result = result_for (text, warning, "UTF-8", path, found, error);
      break;
    case CC_FORMAT_MHTML:
      text = cc_mhtml_extract (data, len, &found, &warning, error);
      if (text == NULL)
        return NULL;
      result = result_for (text, warning, "UTF-8", path, found, error);
      break;
    case CC_FORMAT_PDF:
      text = cc_pdf_extract (data, len, &found, error);
      if (text == NULL)
        return NULL;
      result = result_for (text, NULL, "PDF", path, found, error);
      break;
    case CC_FORMAT_UNKNOWN:
    default:
      g_set_error (error, CC_ERROR, CC_ERROR_UNSUPPORTED,
                   _("unsupported file type; Crosscheck reads %s files"), cc_format_extensions ());
      return NULL;
    }
  if (result != NULL)
    *meta = g_steal_pointer (&found);
  return result;
}

char *
cc_format_dup_saved_page (const char *folder)
{
  static const char * const suffixes[] = { "_files", "_archivos", "-Dateien", "_fichiers" };
  static const char * const pages[] = { ".html", ".htm" };

  g_return_val_if_fail (folder != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *stem = NULL;

      if (!g_str_has_suffix (folder, suffixes[i]))
        continue;
      stem = g_strndup (folder, strlen (folder) - strlen (suffixes[i]));
      for (guint j = 0; j < G_N_ELEMENTS (pages); j++)
        {
          g_autofree char *page = g_strconcat (stem, pages[j], NULL);
          if (g_file_test (page, G_FILE_TEST_IS_REGULAR) &&
              g_file_test (folder, G_FILE_TEST_IS_DIR))
            return g_steal_pointer (&page);
        }
    }
  return NULL;
}

gboolean
cc_format_is_saved_page_folder (const char *path)
{
  g_autofree char *page = cc_format_dup_saved_page (path);

  return page != NULL;
}
