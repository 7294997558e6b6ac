/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints every mention the extractor finds, one per line, so that two
 * builds can be compared byte for byte: for each file named on the
 * command line, then for CC_DUMP_SYNTH (default 0) synthetic articles.
 * A tool for work on the extractor's speed, not a test. */
#include <stdio.h>
#include <stdlib.h>

#include "cc-entities.h"
#include "cc-synth.h"

static void
dump (const char *name,
      const char *text)
{
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  for (guint k = 0; k < m->len; k++)
    {
      const CcMention *x = m->pdata[k];

      printf ("%s\t%u\t%u\t%s\t%s\t%s\t%s\n", name, x->start, x->end,
              cc_entity_type_to_string (x->type), x->surface,
              x->canonical ? x->canonical : "-", x->value ? x->value : "-");
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("CC_DUMP_SYNTH");
  guint n_synth = env ? atoi (env) : 0;

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (argv[i], &text, NULL, &error))
        {
          fprintf (stderr, "%s: %s\n", argv[i], error->message);
          continue;
        }
      dump (argv[i], text);
    }
  for (guint i = 0; i < n_synth; i++)
    {
      g_autofree char *text = cc_synth_article (42, i, MAX (1, n_synth / 10), 5000);
      g_autofree char *name = g_strdup_printf ("synth-%u", i);

      dump (name, text);
    }
  return 0;
}
