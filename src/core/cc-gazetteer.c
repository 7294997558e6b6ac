/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-entities"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cc-core-resources.h"
#include "cc-gazetteer.h"

#define RESOURCE_DIR "/org/gnome/Crosscheck/core/data/"

static GBytes *
load (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, ".txt", NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* Looked up in the core's own resource bundle, which a static link may
   * otherwise leave unregistered. */
  bytes = g_resource_lookup_data (cc_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      /* A build without the list still works, only less well. */
      g_warning ("Cannot load word list %s: %s", path, error->message);
      return g_bytes_new_static ("", 0);
    }
  return bytes;
}

static GHashTable *
new_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Calls @func for each line that is not blank or a comment. */
static void
foreach_line (const char *name,
              void (*func) (const char *line, gpointer data),
              gpointer    data)
{
  g_autoptr(GBytes) bytes = load (name);
  gsize len = 0;
  const char *text = g_bytes_get_data (bytes, &len);
  g_autofree char *copy = g_strndup (text, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      func (line, data);
    }
}

static void
add_words (const char *line,
           gpointer    data)
{
  g_auto(GStrv) words = g_strsplit_set (line, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_hash_table_add (data, g_utf8_casefold (words[i], -1));
}

static GHashTable *
load_words (const char *name)
{
  GHashTable *set = new_set ();

  foreach_line (name, add_words, set);
  return set;
}

static void
add_line (const char *line,
          gpointer    data)
{
  g_hash_table_add (data, g_strdup (line));
}

static void
add_currency (const char *line,
              gpointer    data)
{
  const char *space = strrchr (line, ' ');

  if (space == NULL)
    return;
  g_hash_table_insert (data, g_strndup (line, space - line), g_strdup (space + 1));
}

static gpointer
gazetteer_init (gpointer unused)
{
  CcGazetteer *g = g_new0 (CcGazetteer, 1);
  g_autoptr(GHashTable) location_words = NULL;
  GHashTableIter iter;
  gpointer key;

  g->first_names = load_words ("first-names");
  g->titles = load_words ("titles");
  g->org_words = load_words ("org-words");
  g->legal_suffixes = load_words ("legal-suffixes");
  g->org_heads = load_words ("org-heads");
  g->common_words = load_words ("common-words");
  g->units = load_words ("units");
  g->benchmark_words = load_words ("benchmark-words");
  g->product_words = load_words ("product-words");
  g->stop_names = load_words ("stop-names");
  g->event_words = load_words ("event-words");

  g->locations = new_set ();
  foreach_line ("locations", add_line, g->locations);
  g_hash_table_iter_init (&iter, g->locations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint n = 1;

      for (const char *p = key; *p; p++)
        if (*p == ' ')
          n++;
      g->max_location_words = MAX (g->max_location_words, n);
    }

  g->currencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  foreach_line ("currencies", add_currency, g->currencies);

  location_words = load_words ("location-words");
  g->location_last = new_set ();
  g->location_first = new_set ();
  g_hash_table_iter_init (&iter, location_words);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *word = key;

      if (word[0] == '+')
        g_hash_table_add (g->location_first, g_strdup (word + 1));
      else
        g_hash_table_add (g->location_last, g_strdup (word));
    }

  /* The combined lexicon: one look-up per token for every list. */
  g->lexicon = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  {
    GHashTable *sets[] = {
      g->first_names, g->titles, g->org_words, g->legal_suffixes, g->org_heads,
      g->location_last, g->location_first, g->common_words, g->units, g->benchmark_words,
      g->product_words, g->stop_names, g->event_words,
    };
    static const char * const month_days[] = {
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday",
    };

    for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
      {
        g_hash_table_iter_init (&iter, sets[k]);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (g->lexicon, key));
            g_hash_table_insert (g->lexicon, g_strdup (key), GUINT_TO_POINTER (bits | (1u << k)));
          }
      }
    for (guint k = 0; k < G_N_ELEMENTS (month_days); k++)
      {
        guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (g->lexicon, month_days[k]));
        g_hash_table_insert (g->lexicon, g_strdup (month_days[k]),
                             GUINT_TO_POINTER (bits | CC_LEX_MONTH_DAY));
      }
  }

  return g;
}

guint
cc_gazetteer_bit_of (const CcGazetteer *g,
                     GHashTable        *set)
{
  GHashTable *sets[] = {
    g->first_names, g->titles, g->org_words, g->legal_suffixes, g->org_heads,
    g->location_last, g->location_first, g->common_words, g->units, g->benchmark_words,
    g->product_words, g->stop_names, g->event_words,
  };

  for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
    if (sets[k] == set)
      return 1u << k;
  return 0;
}

guint
cc_gazetteer_lookup (const CcGazetteer *g,
                     const char        *word,
                     gsize              n)
{
  char buf[64];
  gboolean ascii = TRUE;

  for (gsize i = 0; i < n; i++)
    if ((guchar)word[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (n == 0)
    return CC_LEX_KNOWN;
  if (ascii && n < sizeof buf)
    {
      for (gsize i = 0; i < n; i++)
        buf[i] = word[i] >= 'A' && word[i] <= 'Z' ? word[i] + ('a' - 'A') : word[i];
      buf[n] = '\0';
      return CC_LEX_KNOWN | GPOINTER_TO_UINT (g_hash_table_lookup (g->lexicon, buf));
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (word, n);
      return CC_LEX_KNOWN | GPOINTER_TO_UINT (g_hash_table_lookup (g->lexicon, folded));
    }
}

const CcGazetteer *
cc_gazetteer_get (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, gazetteer_init, NULL);
  return once.retval;
}

/* Case-folded lookup of the first @len bytes of @word (all when -1). ASCII
 * words, the common case, are folded on the stack. */
gboolean
cc_gazetteer_has (GHashTable *set,
                  const char *word,
                  gssize      len)
{
  char buf[64];
  gsize n = len < 0 ? strlen (word) : (gsize)len;
  gboolean ascii = TRUE;

  if (n == 0)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if ((guchar)word[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii && n < sizeof buf)
    {
      for (gsize i = 0; i < n; i++)
        buf[i] = word[i] >= 'A' && word[i] <= 'Z' ? word[i] + ('a' - 'A') : word[i];
      buf[n] = '\0';
      return g_hash_table_contains (set, buf);
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (word, n);
      return g_hash_table_contains (set, folded);
    }
}
