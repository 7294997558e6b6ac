/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entity extraction (cc_entities_extract) on any text, normalised as an
 * imported document is: mentions must lie inside the text, sorted, with
 * their surface text. */
#include "cc-entities.h"
#include "cc-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = cc_fuzz_text (data, size);
  g_autoptr(GPtrArray) mentions = cc_entities_extract (text);
  glong chars = g_utf8_strlen (text, -1);
  guint last = 0;

  for (guint i = 0; i < mentions->len; i++)
    {
      CcMention *m = mentions->pdata[i];

      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->end, <=, chars);
      g_assert_cmpuint (m->start, >=, last);
      g_assert_nonnull (m->surface);
      last = m->start;
    }
  return 0;
}
