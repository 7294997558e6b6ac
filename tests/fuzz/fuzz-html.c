/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Web page reading (cc-html.c): any bytes, with and without a transport
 * charset. What comes out is valid UTF-8 text and metadata. */
#include "cc-fuzz.h"
#include "cc-html.h"

static void
check (const guint8 *data,
       size_t        size,
       const char   *charset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *text = cc_html_extract (data, size, charset, &meta, &warning, &error);

  if (text == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (warning == NULL || g_utf8_validate (warning, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  (void)cc_html_sniff (data, size);
  check (data, size, NULL);
  check (data, size, "ISO-8859-1");
  return 0;
}
