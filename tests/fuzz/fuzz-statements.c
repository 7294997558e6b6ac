/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The disagreement engine's first stage (analysis/cc-statement.c) on any
 * text normalised as an imported document is: every statement, value and
 * name lies inside the text, in order. */
#include "cc-statement.h"
#include "cc-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = cc_fuzz_text (data, size);
  g_autoptr(CcLexicon) lexicon = cc_lexicon_new ();
  g_autoptr(GPtrArray) statements = cc_statements_extract (lexicon, text, 0);
  glong chars = g_utf8_strlen (text, -1);

  for (guint i = 0; i < statements->len; i++)
    {
      CcStatement *s = statements->pdata[i];

      g_assert_cmpuint (s->start, <=, s->end);
      g_assert_cmpuint (s->end, <=, chars);
      g_assert_cmpuint (s->clause_start, >=, s->start);
      g_assert_cmpuint (s->clause_end, <=, s->end);
      for (guint v = 0; v < s->n_values; v++)
        {
          g_assert_cmpuint (s->values[v].start, <=, s->values[v].end);
          g_assert_cmpuint (s->values[v].end, <=, chars);
        }
      for (guint n = 0; n < s->n_names; n++)
        g_assert_cmpuint (s->names[n].end, <=, chars);
    }
  return 0;
}
