/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-document.h"

G_BEGIN_DECLS

/* A page saved as one file (.mhtml, .mht: MIME multipart/related, as
 * browsers save it): its HTML part is decoded (quoted-printable or base64,
 * in its charset) and read as cc_html_extract() reads a page; the part's
 * Content-Location is the URL when the page names none. */
char *cc_mhtml_extract (const guint8     *data,
                        gsize             len,
                        CcDocumentMeta  **meta,
                        char            **warning,
                        GError          **error);

G_END_DECLS
