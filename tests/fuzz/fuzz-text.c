/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text decoding and normalisation (cc-text.c): any bytes, as a plain text
 * file. What comes out must be valid UTF-8 with its counts consistent. */
#include <string.h>

#include "cc-fuzz.h"
#include "cc-text.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(CcTextResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *normalized = NULL;

  decoded = cc_text_decode (data, size, &encoding, &warning, &error);
  g_clear_error (&error);
  if (decoded != NULL)
    {
      g_assert_true (g_utf8_validate (decoded, -1, NULL));
      normalized = cc_text_normalize (decoded);
      g_assert_true (g_utf8_validate (normalized, -1, NULL));
    }

  result = cc_text_process (data, size, CC_TEXT_FORMAT_PLAIN, &error);
  if (result != NULL)
    {
      glong chars = g_utf8_strlen (result->text, -1);

      g_assert_true (g_utf8_validate (result->text, -1, NULL));
      g_assert_nonnull (result->title);
      g_assert_cmpuint (cc_text_char_to_byte (result->text, chars), ==, strlen (result->text));
      g_assert_cmpuint (cc_text_byte_to_char (result->text, strlen (result->text)), ==, chars);
    }
  return 0;
}
