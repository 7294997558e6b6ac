/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-fuzz.h"
#include "cc-text.h"

char *
cc_fuzz_text (const guint8 *data,
              size_t        size)
{
  g_autofree char *valid = g_utf8_make_valid ((const char *)data, (gssize)size);

  return cc_text_normalize (valid);
}
