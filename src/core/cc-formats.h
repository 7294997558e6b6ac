/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-document.h"
#include "cc-text.h"

G_BEGIN_DECLS

/* The importer's dispatch: which reader a file or a fetched body goes to. */
typedef enum
{
  CC_FORMAT_UNKNOWN,
  CC_FORMAT_TEXT,
  CC_FORMAT_MARKDOWN,
  CC_FORMAT_HTML,
  CC_FORMAT_PDF,
  CC_FORMAT_MHTML,
} CcFormat;

/* By extension: .txt .text .md .markdown .html .htm .xhtml .mhtml .mht .pdf */
CcFormat      cc_format_for_path     (const char    *path);
/* By MIME type (parameters ignored), else by the bytes. */
CcFormat      cc_format_for_content  (const char    *content_type,
                                      const guint8  *data,
                                      gsize          len);
/* "page_files" beside "page.html": the folder a browser saves a page's
 * images and scripts in. */
gboolean      cc_format_is_saved_page_folder (const char *path);
/* The page ("page.html" or ".htm") whose folder @folder is, or NULL. */
char         *cc_format_dup_saved_page (const char *folder);
/* The extensions Crosscheck reads, for messages: ".txt, .md, .html, .pdf" */
const char   *cc_format_extensions   (void);
/* Reads @data as @format. @path (a file path or URL) names the source in
 * the title fallback; @charset (nullable) is the transport's. Fills
 * *@meta with all metadata found. */
CcTextResult *cc_format_read         (CcFormat         format,
                                      const char      *path,
                                      const guint8    *data,
                                      gsize            len,
                                      const char      *charset,
                                      CcDocumentMeta **meta,
                                      GError         **error);

G_END_DECLS
