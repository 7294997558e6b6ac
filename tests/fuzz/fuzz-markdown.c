/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Markdown rendering to readable text (cc-text.c), from a Markdown file's
 * bytes and from text already valid. */
#include "cc-fuzz.h"
#include "cc-text.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(CcTextResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *valid = g_utf8_make_valid ((const char *)data, (gssize)size);
  g_autofree char *h1 = NULL;
  g_autofree char *text = NULL;

  result = cc_text_process (data, size, CC_TEXT_FORMAT_MARKDOWN, &error);
  if (result != NULL)
    {
      g_assert_true (g_utf8_validate (result->text, -1, NULL));
      g_assert_nonnull (result->title);
    }

  text = cc_text_markdown_to_text (valid, &h1);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return 0;
}
