/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-document.h"

G_BEGIN_DECLS

/* Pages larger than this are refused before parsing. */
#define CC_HTML_MAX_SIZE (20 * 1024 * 1024)

/* The article text of a web page (UTF-8, paragraphs separated by blank
 * lines, headings and list items on lines of their own) and its metadata
 * in *@meta. @charset, nullable, is the transport's (HTTP Content-Type):
 * it wins over the page's own <meta charset>. *@warning, nullable, says
 * what was repaired. Returns NULL with @error set when the page holds no
 * article text or cannot be read. */
char *cc_html_extract (const guint8     *data,
                       gsize             len,
                       const char       *charset,
                       CcDocumentMeta  **meta,
                       char            **warning,
                       GError          **error);

/* Whether @data looks like HTML (for files and bodies without a type). */
gboolean cc_html_sniff (const guint8 *data,
                        gsize         len);

G_END_DECLS
