/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-wordstem"

#include "config.h"

#include <string.h>
#include <libstemmer.h>

#include "cc-wordstem.h"

struct _CcWordStem
{
  struct sb_stemmer *stemmer;
  GHashTable        *cache;   /* word -> stem, both owned */
};

/* English function words: general lexical knowledge. */
static const char * const stop_words[] = {
  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
  "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
  "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
  "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
  "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
  "in", "into", "is", "it", "its", "it's", "itself", "just", "may", "me", "might",
  "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off",
  "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
  "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
  "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
  "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
  "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
  "you", "your", "yours", "yourself", "yourselves", "said", "says", "say", "per",
  "would", "there's", "that's", "its", "one", "new", "like", "yet", "still", "even",
  "via", "around", "across", "within", "without", "among", "upon", "s", "t",
};

static GHashTable *
stop_word_table (void)
{
  static gsize init = 0;
  static GHashTable *table = NULL;

  if (g_once_init_enter (&init))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (t, (gpointer) stop_words[i]);
      table = t;
      g_once_init_leave (&init, 1);
    }
  return table;
}

gboolean
cc_word_is_stop_word (const char *word)
{
  g_return_val_if_fail (word != NULL, FALSE);
  return g_hash_table_contains (stop_word_table (), word);
}

CcWordStem *
cc_word_stem_new (void)
{
  CcWordStem *self = g_new0 (CcWordStem, 1);

  self->stemmer = sb_stemmer_new ("english", "UTF_8");
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
cc_word_stem_free (CcWordStem *self)
{
  if (self == NULL)
    return;
  if (self->stemmer != NULL)
    sb_stemmer_delete (self->stemmer);
  g_hash_table_unref (self->cache);
  g_free (self);
}

const char *
cc_word_stem_stem (CcWordStem *self,
                   const char *word)
{
  const char *stem;
  char *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (word != NULL, NULL);

  stem = g_hash_table_lookup (self->cache, word);
  if (stem != NULL)
    return stem;

  copy = NULL;
  if (self->stemmer != NULL && !g_ascii_isdigit (word[0]))
    {
      const sb_symbol *out = sb_stemmer_stem (self->stemmer, (const sb_symbol *) word,
                                              (int) strlen (word));
      if (out != NULL)
        copy = g_strndup ((const char *) out, sb_stemmer_length (self->stemmer));
    }
  if (copy == NULL)
    copy = g_strdup (word);
  g_hash_table_insert (self->cache, g_strdup (word), copy);
  return copy;
}

static void
clear_word (gpointer data)
{
  CcWord *w = data;

  g_clear_pointer (&w->word, g_free);
}

static gboolean
is_joiner (gunichar prev,
           gunichar c,
           gunichar next)
{
  if ((c == '.' || c == ',') && g_unichar_isdigit (prev) && g_unichar_isdigit (next))
    return TRUE;
  if ((c == '\'' || c == 0x2019 || c == '-') && g_unichar_isalnum (prev) && g_unichar_isalnum (next))
    return TRUE;
  return FALSE;
}

GArray *
cc_word_stem_split (CcWordStem *self,
                    const char *text)
{
  GArray *words;
  const char *p;
  const char *word_start = NULL;
  guint offset = 0;
  guint word_offset = 0;
  gunichar prev = 0;

  g_return_val_if_fail (self != NULL, NULL);

  words = g_array_new (FALSE, TRUE, sizeof (CcWord));
  g_array_set_clear_func (words, clear_word);
  if (text == NULL)
    return words;

  for (p = text;; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean in_word = c != 0 && g_unichar_isalnum (c);

      if (!in_word && c != 0 && word_start != NULL)
        in_word = is_joiner (prev, c, g_utf8_get_char (g_utf8_next_char (p)));

      if (in_word && word_start == NULL)
        {
          word_start = p;
          word_offset = offset;
        }
      else if (!in_word && word_start != NULL)
        {
          CcWord w = { 0 };
          g_autofree char *raw = g_strndup (word_start, p - word_start);
          char *apos;

          w.start = word_offset;
          w.end = offset;
          w.word = g_utf8_strdown (raw, -1);
          /* Possessive 's (straight or curly) does not change the word. */
          apos = strstr (w.word, "\xe2\x80\x99");
          if (apos != NULL && strcmp (apos, "\xe2\x80\x99s") == 0)
            *apos = '\0';
          else if (g_str_has_suffix (w.word, "'s"))
            w.word[strlen (w.word) - 2] = '\0';
          w.stem = (char *) cc_word_stem_stem (self, w.word);
          g_array_append_val (words, w);
          word_start = NULL;
        }
      if (c == 0)
        break;
      prev = c;
    }
  return words;
}
