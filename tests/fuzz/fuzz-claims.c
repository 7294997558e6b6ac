/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Claims extraction (cc_claims_extract) on any text, normalised as an
 * imported document is: each claim's sentence and value lie inside the
 * text, and its quote is that sentence. */
#include "cc-claims.h"
#include "cc-fuzz.h"
#include "cc-text.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = cc_fuzz_text (data, size);
  g_autoptr(GPtrArray) claims = cc_claims_extract (text, NULL, 1, "fuzz.txt");
  glong chars = g_utf8_strlen (text, -1);

  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *claim = claims->pdata[i];
      g_autofree char *sentence = NULL;

      g_assert_cmpuint (claim->start, <=, claim->end);
      g_assert_cmpuint (claim->end, <=, chars);
      g_assert_cmpuint (claim->value_end, <=, chars);
      sentence = cc_text_substring (text, claim->start, claim->end);
      g_assert_cmpstr (claim->quote, ==, sentence);
    }
  return 0;
}
