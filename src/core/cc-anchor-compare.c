/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Comparing passages: edit distance of short strings, and the guards that
 * tell an edited passage from a different one of the same shape. */
#define G_LOG_DOMAIN "crosscheck-anchor"

#include "config.h"

#include "cc-anchor-private.h"

#define SHORT_ROW 129

/* Plain Levenshtein distance of two short strings. */
guint
cc_anchor_levenshtein (const gunichar *a,
                       guint           la,
                       const gunichar *b,
                       guint           lb)
{
  guint row[SHORT_ROW];
  g_autofree guint *heap = NULL;
  guint *d = row;

  if (lb + 1 > G_N_ELEMENTS (row))
    d = heap = g_new (guint, lb + 1);

  for (guint j = 0; j <= lb; j++)
    d[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diag = d[0];

      d[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint up = d[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          d[j] = MIN (MIN (d[j] + 1, d[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return d[lb];
}

/* The numbers a passage states are what it says: a passage whose numbers
 * differ from the quote's is another statement (a neighbour in a list of
 * figures, or a corrected value the note no longer fits), never the quote
 * edited. Compares the runs of digits in order. */
gboolean
cc_anchor_same_numbers (const gunichar *a,
                        guint           la,
                        const gunichar *b,
                        guint           lb)
{
  guint i = 0, j = 0;

  for (;;)
    {
      while (i < la && !g_unichar_isdigit (a[i]))
        i++;
      while (j < lb && !g_unichar_isdigit (b[j]))
        j++;
      if (i == la || j == lb)
        return i == la && j == lb;
      while (i < la && j < lb && g_unichar_isdigit (a[i]) && g_unichar_isdigit (b[j]))
        {
          if (g_unichar_digit_value (a[i]) != g_unichar_digit_value (b[j]))
            return FALSE;
          i++;
          j++;
        }
      if ((i < la && g_unichar_isdigit (a[i])) || (j < lb && g_unichar_isdigit (b[j])))
        return FALSE;
    }
}

/* Words that start with a capital letter, case-folded, and all words,
 * case-folded. */
static void
collect_words (const gunichar *text,
               guint           len,
               GHashTable     *capitalised,
               GHashTable     *all)
{
  guint i = 0;

  while (i < len)
    {
      guint start;
      char *word;

      while (i < len && !g_unichar_isalnum (text[i]))
        i++;
      start = i;
      while (i < len && (g_unichar_isalnum (text[i]) || g_unichar_ismark (text[i])))
        i++;
      if (i == start)
        continue;
      {
        g_autofree char *utf8 = g_ucs4_to_utf8 (text + start, i - start, NULL, NULL, NULL);
        if (utf8 == NULL)
          continue;
        word = g_utf8_casefold (utf8, -1);
      }
      if (capitalised != NULL && g_unichar_isupper (text[start]))
        g_hash_table_add (capitalised, g_strdup (word));
      g_hash_table_add (all, word);
    }
}

static gboolean
all_in (GHashTable *some,
        GHashTable *all)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, some);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (all, key))
      return FALSE;
  return TRUE;
}

/* A name swapped for another (a capitalised word gone and another come) makes
 * a different statement: "X, an analyst at Y, said" is not "Z, an analyst at
 * W, said" edited. */
gboolean
cc_anchor_same_names (const gunichar *a,
                      guint           la,
                      const gunichar *b,
                      guint           lb)
{
  g_autoptr(GHashTable) names_a = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) names_b = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) words_a = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) words_b = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_words (a, la, names_a, words_a);
  collect_words (b, lb, names_b, words_b);
  return all_in (names_a, words_b) || all_in (names_b, words_a);
}
