/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Parsing figures as written (cc_value_parse), guessing the kind and as
 * each kind, and reading back the normalised form it writes. */
#include "cc-fuzz.h"
#include "cc-values.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const CcValueKind kinds[] = {
    CC_VALUE_NONE, CC_VALUE_MONEY, CC_VALUE_PERCENT, CC_VALUE_DATE, CC_VALUE_QUANTITY,
    CC_VALUE_SCORE,
  };
  g_autofree char *text = g_utf8_make_valid ((const char *)data, (gssize)size);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(CcValue) value = cc_value_parse (text, kinds[i]);
      g_autofree char *normalized = NULL;

      if (value == NULL)
        continue;
      normalized = cc_value_to_string (value);
      if (normalized != NULL)
        {
          g_autoptr(CcValue) again = cc_value_parse_normalized (value->kind, normalized);
          (void)again;
        }
    }
  return 0;
}
