/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-document.h"

G_BEGIN_DECLS

#define CC_PDF_MAX_SIZE (64 * 1024 * 1024)

/* The text of a PDF in reading order, paragraphs separated by blank lines,
 * with running headers, footers and page numbers dropped and words
 * hyphenated at line ends joined; metadata from the document info. */
char *cc_pdf_extract (const guint8     *data,
                      gsize             len,
                      CcDocumentMeta  **meta,
                      GError          **error);

G_END_DECLS
