/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-entities"

#include "config.h"

#include <string.h>

#include "cc-entities-names-private.h"
#include "cc-values.h"

/* Names: capitalised sequences are chunked, scored for each type from what
 * they contain (word lists) and what surrounds them (context rules), the
 * scores of all mentions of one name are summed over the document, and
 * aliases are merged (surname after full name, acronym in parentheses,
 * legal suffix, case and possessive). */

const CcEntityType cc_names_vote_types[] = {
  CC_ENTITY_PERSON, CC_ENTITY_ORG, CC_ENTITY_PRODUCT, CC_ENTITY_BENCHMARK,
  CC_ENTITY_LOCATION, CC_N_ENTITY_TYPES,
};

/* The entities of one text, their keys and surfaces live in blocks that
 * are emptied, not freed, after the text: a news article names a few
 * hundred, and three allocations and frees each cost more than finding
 * them. Kept per thread with the other buffers of an extraction. */
#define BLOCK_SIZE 16384
#define MIN_BUCKETS 512

struct _NamesBuf
{
  GPtrArray  *blocks;     /* BLOCK_SIZE bytes each; the first is kept */
  GPtrArray  *large;      /* one allocation each, for what needs more */
  char       *next;
  gsize       left;
  Entity    **buckets;    /* the table, key -> Entity: chained, n_buckets a power of 2 */
  guint       n_buckets;
  guint       n_entities;
  Entity     *first;      /* in the order of creation, which the passes */
  Entity     *last;       /* over all entities follow */
  GArray     *cands;      /* Cand, emptied after each text */
  GString    *key;        /* scratch for entity keys */
  GArray     *caps;       /* guint: the capitalised words ("Acme", "iPhone"), in order */
  GArray     *hyphens;    /* guint: the words with a hyphen ("anti-Acme"), in order */
};

static NamesBuf *
names_buf_get (CcScan *scan)
{
  NamesBuf *b = *scan->names_buf;

  if (b == NULL)
    {
      b = g_new0 (NamesBuf, 1);
      b->blocks = g_ptr_array_new_with_free_func (g_free);
      b->large = g_ptr_array_new_with_free_func (g_free);
      b->n_buckets = MIN_BUCKETS;
      b->buckets = g_new0 (Entity *, b->n_buckets);
      b->cands = g_array_new (FALSE, FALSE, sizeof (Cand));
      b->key = g_string_sized_new (64);
      b->caps = g_array_new (FALSE, FALSE, sizeof (guint));
      b->hyphens = g_array_new (FALSE, FALSE, sizeof (guint));
      *scan->names_buf = b;
    }
  return b;
}

/* Empties @b after a text; names_buf_get() gives it empty. */
static void
names_buf_reset (NamesBuf *b)
{
  if (b->n_buckets > MIN_BUCKETS * 4)
    {
      /* after a long text */
      g_free (b->buckets);
      b->n_buckets = MIN_BUCKETS;
      b->buckets = g_new0 (Entity *, b->n_buckets);
    }
  else if (b->n_entities > 0)
    memset (b->buckets, 0, b->n_buckets * sizeof (Entity *));
  b->n_entities = 0;
  b->first = b->last = NULL;
  g_array_set_size (b->cands, 0);
  g_array_set_size (b->caps, 0);
  g_array_set_size (b->hyphens, 0);
  if (b->blocks->len > 1)
    g_ptr_array_set_size (b->blocks, 1);
  g_ptr_array_set_size (b->large, 0);
  b->next = b->blocks->len > 0 ? b->blocks->pdata[0] : NULL;
  b->left = b->blocks->len > 0 ? BLOCK_SIZE : 0;
}

void
cc_scan_names_buf_free (gpointer buf)
{
  NamesBuf *b = buf;

  g_ptr_array_unref (b->blocks);
  g_ptr_array_unref (b->large);
  g_free (b->buckets);
  g_array_unref (b->cands);
  g_array_unref (b->caps);
  g_array_unref (b->hyphens);
  g_string_free (b->key, TRUE);
  g_free (b);
}

/* @n zeroed bytes, aligned for any field of an Entity. */
static gpointer
names_alloc (NamesBuf *b,
             gsize     n)
{
  gpointer p;

  n = (n + 7) & ~(gsize)7;
  if (n > BLOCK_SIZE / 4)
    {
      p = g_malloc0 (n);
      g_ptr_array_add (b->large, p);
      return p;
    }
  if (n > b->left)
    {
      b->next = g_malloc (BLOCK_SIZE);
      b->left = BLOCK_SIZE;
      g_ptr_array_add (b->blocks, b->next);
    }
  p = b->next;
  b->next += n;
  b->left -= n;
  memset (p, 0, n);
  return p;
}

static char *
names_strndup (NamesBuf   *b,
               const char *s,
               gsize       n)
{
  char *copy = names_alloc (b, n + 1);

  memcpy (copy, s, n);
  return copy;   /* zeroed: terminated */
}

static inline guint
key_hash (const char *key,
          gsize       n)
{
  guint h = 5381;

  for (gsize k = 0; k < n; k++)
    h = h * 33 + (guchar)key[k];
  return h;
}

/* The entity of key @key (@n bytes), or NULL. */
static Entity *
table_find (NamesBuf   *b,
            const char *key,
            gsize       n,
            guint       hash)
{
  for (Entity *e = b->buckets[hash & (b->n_buckets - 1)]; e != NULL; e = e->chain)
    if (e->hash == hash && e->key_len == n && memcmp (e->key, key, n) == 0)
      return e;
  return NULL;
}

/* Adds @e, whose key is in none of the table's entities. */
static void
table_add (NamesBuf *b,
           Entity   *e)
{
  guint slot;

  if (b->n_entities >= b->n_buckets)
    {
      /* more than one per bucket on average: twice as many buckets */
      guint n = b->n_buckets * 2;
      Entity **buckets = g_new0 (Entity *, n);

      for (Entity *x = b->first; x != NULL; x = x->next)
        {
          x->chain = buckets[x->hash & (n - 1)];
          buckets[x->hash & (n - 1)] = x;
        }
      g_free (b->buckets);
      b->buckets = buckets;
      b->n_buckets = n;
    }
  slot = e->hash & (b->n_buckets - 1);
  e->chain = b->buckets[slot];
  b->buckets[slot] = e;
  e->next = NULL;
  if (b->last != NULL)
    b->last->next = e;
  else
    b->first = e;
  b->last = e;
  b->n_entities++;
}

static Entity *
entity_root (Entity *e)
{
  while (e->parent != NULL)
    e = e->parent;
  return e;
}


static gboolean
is_month_or_day (CcScan *scan,
                 guint   i)
{
  const char *s = tok_text (scan, i);
  guint n = name_len (scan, i);

  if (!(cc_scan_tok_lex (scan, i) & CC_LEX_MONTH_DAY))
    return FALSE;
  return (n >= 3 && cc_value_month_from_word (s, n) != 0 && (n >= 5 || n == 3)) ||
         cc_value_weekday_from_word (s, n) != 0;
}

/* ---- structure: sentence starts and headlines ------------------------- */

static gboolean
is_terminator_tok (CcScan *scan,
                   guint   i)
{
  CcTok *t = T (i);

  if (t->flags & TF_WORD)
    return FALSE;
  switch (t->first)
    {
    case '.':
      /* "Dr. Smith", "J. Smith": not the end of a sentence */
      if (i > 0 && (T (i - 1)->flags & TF_WORD) && !(t->flags & TF_SPACE))
        {
          guint n = name_len (scan, i - 1);

          if (n == 1 && (T (i - 1)->flags & TF_CAP))
            return FALSE;
          if (n <= 4 && (cc_scan_tok_lex (scan, i - 1) & CC_LEX_TITLE))
            return FALSE;
        }
      return TRUE;
    case '!': case '?': case ':': case ';': case 0x2026:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_opening (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x2018 || c == '(' || c == '[' || c == '\'' ||
         c == 0x00AB || c == '*' || c == '_' || c == '#' || c == '-' || c == 0x2014 ||
         c == 0x2022;
}

/* Marks tokens [from, to) as read like a headline. */
static void
mark_headline (CcScan *scan,
               guint   from,
               guint   to)
{
  if (from >= to)
    return;
  for (guint k = from; k < to; k++)
    T (k)->flags |= TF_HEADLINE;
  if (scan->headline_from == scan->headline_to)
    scan->headline_from = from, scan->headline_to = to;
  else
    {
      scan->headline_from = MIN (scan->headline_from, from);
      scan->headline_to = MAX (scan->headline_to, to);
    }
}

/* A Title Case title in quotation marks inside a sentence ("Meta's First AI
 * Model Doesn't Exactly Spark Joy") is read like a headline. */
static void
mark_quoted_titles (CcScan *scan)
{
  for (guint i = 0; i + 1 < N_TOKS; i++)
    {
      CcTok *t = T (i);
      guint n_long = 0, n_cap = 0;
      guint k;

      if ((t->flags & TF_WORD) || !(t->first == '"' || t->first == 0x201C) ||
          (T (i + 1)->flags & (TF_SPACE | TF_NL_BEFORE)))
        continue;
      for (k = i + 1; k < N_TOKS && k < i + 30 && same_line (scan, k); k++)
        {
          CcTok *w = T (k);

          scan->work++;
          if (!(w->flags & TF_WORD))
            {
              if (w->first == '"' || w->first == 0x201D)
                break;
              continue;
            }
          if (name_len (scan, k) >= 4)
            {
              n_long++;
              if (w->flags & TF_CAP)
                n_cap++;
            }
        }
      if (k < N_TOKS && same_line (scan, k) && !(T (k)->flags & TF_WORD) &&
          (T (k)->first == '"' || T (k)->first == 0x201D) &&
          n_long >= 3 && n_cap * 10 >= n_long * 8)
        mark_headline (scan, i + 1, k);
      i = k;
    }
}

/* A line "Name – 240" or "Name: 12" is a row of a list or table of figures,
 * not a headline: its name stands on its own. */
static gboolean
is_list_entry (CcScan *scan,
               guint   line_start,
               guint   last)
{
  gunichar c;

  if (last < line_start + 2 || !(T (last)->flags & TF_NUMBER) ||
      !(T (last)->flags & TF_SPACE) || (T (last - 1)->flags & TF_WORD) ||
      !(T (line_start)->flags & TF_WORD))
    return FALSE;
  c = T (last - 1)->first;
  return c == '-' || c == 0x2013 || c == 0x2014 || c == ':';
}

void
cc_scan_names_prepare (CcScan *scan)
{
  guint line_start = 0;
  guint line_words = 0;
  guint line_alpha = 0;   /* words with a letter, on this line so far */

  for (guint i = 0; i < N_TOKS; i++)
    {
      CcTok *t = T (i);
      guint j = i;

      if (t->flags & TF_NL_BEFORE)
        line_words = line_alpha = 0;

      /* Back over opening quotes and brackets. */
      while (j > 0 && !(T (j)->flags & TF_NL_BEFORE) && !(T (j - 1)->flags & TF_WORD) &&
             is_opening (T (j - 1)->first) && i - j < 3)
        j--;
      if (j == 0 || (T (j)->flags & TF_NL_BEFORE) || is_terminator_tok (scan, j - 1) ||
          line_words == 0 ||
          (j < i && (T (i - 1)->first == '"' || T (i - 1)->first == 0x201C)))
        t->flags |= TF_SENT_START;
      /* the story's first word after a dateline: "GENEVA (Reuters) - Foreign
       * ministers", "DENVER \u2014 Unseeded ..." */
      else if (i > line_start && i - line_start <= 12 && (t->flags & TF_CAP) &&
               (T (line_start)->flags & TF_ALLCAPS) && !(T (i - 1)->flags & TF_WORD) &&
               (T (i - 1)->first == 0x2014 || T (i - 1)->first == 0x2013 ||
                (T (i - 1)->first == '-' && (T (i - 1)->flags & TF_SPACE) && (t->flags & TF_SPACE))))
        t->flags |= TF_SENT_START;
      if (t->flags & TF_WORD)
        line_words++;
      if ((t->flags & TF_WORD) && (t->flags & TF_ALPHA))
        line_alpha++;

      /* At the end of each line, decide whether it is a Title Case line. */
      if (i + 1 == N_TOKS || (T (i + 1)->flags & TF_NL_BEFORE))
        {
          guint n_long = 0, n_cap = 0, n_words = 0, line_caps = 0;
          gboolean ends_sentence = FALSE;

          /* A line of more than 30 words is no title: a paragraph, the
           * most of a text's lines, is not read again. */
          for (guint k = line_start; k <= i && line_alpha <= 30; k++)
            {
              CcTok *w = T (k);

              if (!(w->flags & TF_WORD) || !(w->flags & TF_ALPHA))
                continue;
              n_words++;
              if (w->flags & TF_CAP)
                line_caps++;
              if (name_len (scan, k) >= 4 || (w->flags & TF_CAP))
                {
                  if (name_len (scan, k) < 4 &&
                      (cc_scan_tok_lex (scan, k) & CC_LEX_COMMON))
                    continue;
                  n_long++;
                  if (w->flags & TF_CAP)
                    n_cap++;
                }
            }
          if (!(T (i)->flags & TF_WORD) && T (i)->first == '.')
            ends_sentence = TRUE;
          if (cc_scan_tok_is (scan, line_start, "by") && (T (line_start)->flags & TF_CAP))
            ends_sentence = TRUE;   /* a byline: "By Jane Roe, The Daily Planet" */
          for (guint k = line_start; k <= i && !ends_sentence && line_alpha <= 30; k++)
            if (is_char (scan, k, '|'))
              ends_sentence = TRUE; /* a byline: "Jane Roe | Daily Planet" */
          if (is_list_entry (scan, line_start, i))
            {
              ends_sentence = TRUE;   /* a table row: "Green Party – 240" */
              /* its label of several words is a name, not a sentence's
               * first words ("National Front – 12") */
              if (i >= line_start + 3 && (T (line_start + 1)->flags & TF_WORD))
                T (line_start)->flags &= ~TF_SENT_START;
            }
          if (!ends_sentence && n_words <= 8 && n_words >= 1 && line_caps == n_words)
            n_long = n_cap = MAX (n_cap, 2);   /* a short title line: "The Takeaway" */
          if (!ends_sentence && n_words <= 30 && n_long >= 2 && n_cap * 10 >= n_long * 7)
            mark_headline (scan, line_start, i + 1);
          line_start = i + 1;
        }
    }

  scan->work += N_TOKS;   /* one step per token */
  mark_quoted_titles (scan);
}

/* ---- chunks ------------------------------------------------------------ */

/* The bytes of a prefix and its hyphen before a capital at the start of
 * @s: 3 for "Ex-Gov", 4 for "Pro-Lee" and "Non-EU", 5 for "Anti-Acme";
 * 0 for none. Capitalised at a sentence start, they are not part of the
 * name. */
static guint
name_prefix_len (const char *s,
                 guint       n)
{
  static const char * const prefixes[] = { "ex", "pro", "anti", "non", "post", "pre" };

  for (guint k = 0; k < G_N_ELEMENTS (prefixes); k++)
    {
      guint m = strlen (prefixes[k]);

      if (n > m + 2 && s[m] == '-' && g_ascii_isupper (s[m + 1]) &&
          g_ascii_strncasecmp (s, prefixes[k], m) == 0)
        return m + 1;
    }
  return 0;
}

static gboolean
is_name_word (CcScan *scan,
              guint   i)
{
  CcTok *t = T (i);

  if (!(t->flags & TF_WORD) || (t->flags & TF_CLAIMED))
    return FALSE;
  if (t->flags & TF_CAP)
    {
      const char *s = tok_text (scan, i);
      const char *end = s + name_len (scan, i);
      const char *dash = NULL;

      if (!(t->flags & TF_ALPHA) || is_month_or_day (scan, i))
        return FALSE;
      /* "Ex-Gov.", "Pro-Lee": a prefix on a title or a name (add_compound_parts()) */
      if ((t->flags & TF_HYPHEN) && name_prefix_len (s, end - s) != 0)
        return FALSE;
      /* "AI-related", "API-based": an adjective, not a name */
      if (t->flags & TF_HYPHEN)
        for (const char *p = s; p < end; p++)
          if (*p == '-')
            dash = p;
      if (dash != NULL && dash + 1 < end && g_ascii_islower (dash[1]))
        {
          for (const char *p = dash + 1; p < end; p++)
            if (!g_ascii_islower (*p))
              return TRUE;
          /* "SWE-bench", "MT-eval": a benchmark's name, not an adjective */
          if (cc_gazetteer_lookup (scan->gaz, dash + 1, end - dash - 1) & CC_LEX_BENCHMARK)
            return TRUE;
          /* "Jae-yong", "Jong-un": a romanised given name of two short
           * syllables, not an adjective ("AI-related", "Acme-owned") */
          {
            static const char * const suffixes[] = {
              "led", "run", "era", "old", "age", "day", "way", "set", "off", "out", "up", "in",
              "on", "by", "like", "made", "born", "held", "free", "wide", "long", "only",
            };
            guint m = end - dash - 1;

            if (dash - s < 2 || dash - s > 4 || m < 2 || m > 4 || !g_ascii_islower (s[1]) ||
                memchr (s, '-', dash - s) != NULL)
              return FALSE;
            for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
              if (strlen (suffixes[k]) == m && g_ascii_strncasecmp (dash + 1, suffixes[k], m) == 0)
                return FALSE;
            return TRUE;
          }
        }
      return TRUE;
    }
  /* "iPhone", "eBay", but not "anti-Acme", "mid-March": a prefix on a name */
  if ((t->flags & TF_LOWER) && (t->flags & TF_INNER_CAP))
    {
      const char *s = tok_text (scan, i);
      const char *dash = memchr (s, '-', name_len (scan, i));

      /* "al-Assad", "el-Sisi": an Arabic article is part of the name */
      if (dash != NULL && dash - s == 2 &&
          (g_ascii_strncasecmp (s, "al", 2) == 0 || g_ascii_strncasecmp (s, "el", 2) == 0))
        return TRUE;
      return dash == NULL || !g_unichar_isupper (g_utf8_get_char (dash + 1));
    }
  return FALSE;
}

static gboolean
is_version (CcScan *scan,
            guint   i)
{
  CcTok *t = T (i);
  const char *s = tok_text (scan, i);

  if (!(t->flags & TF_WORD) || (t->flags & TF_CLAIMED) || !(t->flags & TF_DIGIT))
    return FALSE;
  if (t->flags & TF_NUMBER)
    return name_len (scan, i) <= 6 && !(t->flags & TF_POSS && FALSE);
  /* "24-year-old" is not a version, nor is a score "6-4" */
  for (const char *p = s; p < s + name_len (scan, i); p++)
    if (*p == '-' && g_ascii_islower (p[1]))
      return FALSE;
  if (cc_scan_tok_number_pair (scan, i, FALSE))
    return FALSE;
  /* "v4.0", "4o", "H2-400" */
  return (s[0] == 'v' && name_len (scan, i) > 1 && g_ascii_isdigit (s[1])) ||
         g_ascii_isdigit (s[0]) || (t->flags & TF_CAP);
}

gboolean
cc_names_is_title (CcScan *scan,
          guint   i)
{
  guint n = name_len (scan, i);
  const char *s = tok_text (scan, i);

  if (cc_scan_tok_lex (scan, i) & CC_LEX_TITLE)
    return TRUE;
  /* a plural: "Astronauts Ann Lee and Bo Kim" */
  return n > 3 && s[n - 1] == 's' && (cc_gazetteer_lookup (scan->gaz, s, n - 1) & CC_LEX_TITLE);
}

/* The word of token @i is one that joins the words of a name, in any case. */
static gboolean
is_connector_word (CcScan *scan,
                   guint   i)
{
  static const char * const words[] = {
    "of", "de", "del", "della", "da", "di", "du", "des", "dos", "das", "la", "le", "van", "von",
    "der", "den", "bin", "al", "and", "for", "on",
  };

  if (name_len (scan, i) > 5)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    if (words[k][0] == g_ascii_tolower (*(scan->text + SCAN_TOK (scan, i)->bstart)) &&
        cc_scan_tok_is (scan, i, words[k]))
      return TRUE;
  return FALSE;
}

static gboolean
is_connector (CcScan *scan,
              guint   i)
{
  if (!(T (i)->flags & TF_LOWER))
    return is_char (scan, i, '&');
  return is_connector_word (scan, i);
}

/* "de", "la", "van", "der", "bin": a particle of a person's name (a
 * connector other than "of", "and", "for", "on", "&"), in either case */
gboolean
cc_names_is_particle (CcScan *scan,
                      guint   i)
{
  return i < N_TOKS && (T (i)->flags & (TF_LOWER | TF_CAP)) && name_len (scan, i) <= 5 &&
         is_connector_word (scan, i) &&
         !cc_scan_tok_is (scan, i, "of") && !cc_scan_tok_is (scan, i, "and") &&
         !cc_scan_tok_is (scan, i, "for") && !cc_scan_tok_is (scan, i, "on");
}

/* "Releasing", "Building": a verb opening a sentence, not a name */
static gboolean
is_gerund (CcScan *scan,
           guint   i)
{
  const char *s = tok_text (scan, i);
  guint n = name_len (scan, i);

  return n > 5 && !(T (i)->flags & (TF_ALLCAPS | TF_DIGIT)) &&
         g_ascii_strncasecmp (s + n - 3, "ing", 3) == 0;
}

/* The key of tokens [ts, te) into @out: the words as written, case-folded,
 * without dots ("U.S." and "US" are one name) except between digits. */
static void
make_key_into (CcScan  *scan,
               guint    ts,
               guint    te,
               GString *out,
               guint   *hash)
{
  guint h = 5381;   /* key_hash(), as the key is written */
  gsize max = T (te - 1)->bfull - T (ts)->bstart + (te - ts);
  char last = ' ';   /* the character before, in the key as joined */
  char *w;

  /* ASCII, the common case, in one pass: lower-cased, dots dropped as
   * they are copied (a dot stays between two digits of the text) */
  g_string_set_size (out, max);
  w = out->str;
  for (guint i = ts; i < te; i++)
    {
      const char *s = tok_text (scan, i);
      guint n = i + 1 == te ? name_len (scan, i) : T (i)->bfull - T (i)->bstart;
      gboolean spaced = i + 1 < te && (T (i + 1)->flags & TF_SPACE);

      if (i > ts && (T (i)->flags & TF_SPACE))
        {
          *w++ = last = ' ';
          h = h * 33 + ' ';
        }
      for (guint k = 0; k < n; k++)
        {
          char c = s[k];
          char prev = last;

          last = c;

          if ((guchar)c >= 0x80)
            goto unicode;
          if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
          else if (c == '.')
            {
              /* the characters either side in the key as joined: the
               * next token's first after no space */
              gboolean before = g_ascii_isdigit (prev);
              gboolean after = k + 1 < n ? g_ascii_isdigit (s[k + 1])
                                         : i + 1 < te && !spaced &&
                                           g_ascii_isdigit (tok_text (scan, i + 1)[0]);

              if (!(before && after))
                continue;
            }
          *w++ = c;
          h = h * 33 + (guchar)c;
        }
    }
  g_string_truncate (out, w - out->str);
  *hash = h;
  return;

unicode:
  /* any other: the words joined, case-folded, then the dots dropped */
  g_string_truncate (out, 0);
  for (guint i = ts; i < te; i++)
    {
      guint n = i + 1 == te ? name_len (scan, i) : T (i)->bfull - T (i)->bstart;

      if (i > ts && (T (i)->flags & TF_SPACE))
        g_string_append_c (out, ' ');
      g_string_append_len (out, tok_text (scan, i), n);
    }
  {
    g_autofree char *folded = g_utf8_casefold (out->str, out->len);

    g_string_truncate (out, 0);
    for (const char *p = folded; *p; p++)
      if (*p != '.' || (p > folded && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1])))
        g_string_append_c (out, *p);
  }
  *hash = key_hash (out->str, out->len);
}

char *
cc_names_make_surface (CcScan *scan,
              guint   ts,
              guint   te)
{
  return g_strndup (tok_text (scan, ts), T (te - 1)->bend - T (ts)->bstart);
}

/* The surface of tokens [ts, te) in the scan's scratch string: valid until
 * the next call. */
const char *
cc_names_scratch_surface (CcScan *scan,
                          guint   ts,
                          guint   te)
{
  g_string_truncate (scan->scratch, 0);
  g_string_append_len (scan->scratch, tok_text (scan, ts), T (te - 1)->bend - T (ts)->bstart);
  return scan->scratch->str;
}

static gboolean has_lower_len (const char *s, const char *end);

/* Sets the surface of @e to that of tokens [ts, te). */
static void
set_surface (Names  *nm,
             Entity *e,
             guint   ts,
             guint   te)
{
  CcScan *scan = nm->scan;
  const char *s = tok_text (scan, ts);
  gsize n = T (te - 1)->bend - T (ts)->bstart;

  e->surface = names_strndup (nm->buf, s, n);
  e->surface_lower = has_lower_len (s, s + n);
}

static Entity *
lookup_entity (Names *nm,
               guint  ts,
               guint  te,
               gboolean create)
{
  Entity *e;
  guint hash;

  make_key_into (nm->scan, ts, te, nm->key, &hash);
  e = table_find (nm->buf, nm->key->str, nm->key->len, hash);
  if (e == NULL && create)
    {
      e = names_alloc (nm->buf, sizeof (Entity));
      e->key = names_strndup (nm->buf, nm->key->str, nm->key->len);
      e->key_len = nm->key->len;
      e->hash = hash;
      e->type = -1;
      set_surface (nm, e, ts, te);
      e->n_tokens = te - ts;
      table_add (nm->buf, e);
    }
  return e;
}

/* The entity whose key is the first @n bytes of @key, if any. */
static Entity *
lookup_key_prefix (Names      *nm,
                   const char *key,
                   gsize       n)
{
  return table_find (nm->buf, key, n, key_hash (key, n));
}

/* The entity whose key is @key, if any. */
static Entity *
lookup_key (Names      *nm,
            const char *key)
{
  return lookup_key_prefix (nm, key, strlen (key));
}

static gboolean
has_lower_len (const char *s,
               const char *end)
{
  while (s < end && *s)
    {
      if ((guchar)*s < 0x80)
        {
          if (g_ascii_islower (*s))
            return TRUE;
          s++;
        }
      else
        {
          if (g_unichar_islower (g_utf8_get_char (s)))
            return TRUE;
          s = g_utf8_next_char (s);
        }
    }
  return FALSE;
}

static inline void
add_cand (Names    *nm,
          guint     ts,
          guint     te,
          gboolean  weak,
          gboolean  title)
{
  CcScan *scan = nm->scan;
  Cand c = { ts, te, NULL, weak, title };

  c.entity = lookup_entity (nm, ts, te, TRUE);
  if (!c.entity->surface_lower &&
      has_lower_len (tok_text (scan, ts), scan->text + T (te - 1)->bend))
    set_surface (nm, c.entity, ts, te);
  if (!weak)
    c.entity->strong++;
  c.entity->mentions++;
  g_array_append_val (nm->cands, c);
}

/* Cleans one piece of a chunk and adds it as a candidate. */
static gboolean
is_place (CcScan *scan,
          guint   ts,
          guint   te)
{
  return g_hash_table_contains (scan->gaz->locations, cc_names_scratch_surface (scan, ts, te));
}

/* Tokens [ts, te) are capitalised words, none of which makes a name an
 * organisation's, an event's or a place's: a person's name could be so
 * written. With @common_ok, a common word may be among them ("Clayton
 * Young") but every word is of letters, without inner capitals. */
static gboolean
personal_words (CcScan   *scan,
                guint     ts,
                guint     te,
                gboolean  common_ok)
{
  guint not_personal = CC_LEX_ORG_WORD | CC_LEX_ORG_HEAD | CC_LEX_EVENT | CC_LEX_LOC_LAST |
                       CC_LEX_DEMONYM | (common_ok ? 0 : CC_LEX_COMMON);

  for (guint i = ts; i < te; i++)
    if (!(T (i)->flags & TF_CAP) || (T (i)->flags & (TF_ALLCAPS | TF_DIGIT)) ||
        (common_ok && ((T (i)->flags & TF_INNER_CAP) || !(T (i)->flags & TF_ALPHA))) ||
        (cc_scan_tok_lex (scan, i) & not_personal))
      return FALSE;
  return TRUE;
}

/* Whether tokens [ts, te) could be a person's name: one known first name,
 * or two or three capitalised plain words (personal_words()). */
static gboolean
looks_personal (CcScan *scan,
                guint   ts,
                guint   te)
{
  if (te - ts < 1 || te - ts > 3)
    return FALSE;
  if (te - ts == 1)
    return cc_scan_tok_has (scan, ts, CC_LEX_FIRST_NAME);
  return personal_words (scan, ts, te, FALSE);
}

/* "Kenyan Ann Lee", "Ann Lee European": a nationality adjective is not part
 * of the person's name; alone it is no name at all. A name that is a place
 * as written ("South Africa") is left whole. */
static void
strip_demonyms (CcScan *scan,
                guint  *ts,
                guint  *te)
{
  if (*te - *ts == 1 && (T (*ts)->flags & TF_CAP) && cc_scan_tok_has (scan, *ts, CC_LEX_DEMONYM))
    {
      *te = *ts;
      return;
    }
  if (*te - *ts < 2)
    return;
  /* "Unseeded Swiss player", "Top German discounter": the nationality
   * qualifies the noun after it, and the words before it are no name */
  if (cc_scan_tok_has (scan, *te - 1, CC_LEX_DEMONYM) && !(T (*te - 1)->flags & TF_POSS) &&
      *te < N_TOKS && same_line (scan, *te) && (T (*te)->flags & TF_LOWER) &&
      !(T (*te)->flags & TF_DIGIT) && *te - *ts == 2 &&
      /* "Unseeded Swiss player", "a South Korean court" */
      ((T (*ts)->flags & TF_SENT_START) || cc_names_is_compass (scan, *ts)) &&
      !is_place (scan, *ts, *te))
    {
      *te = *ts;
      return;
    }
  if (cc_scan_tok_has (scan, *ts, CC_LEX_DEMONYM) && !(T (*ts)->flags & TF_POSS) &&
      looks_personal (scan, *ts + 1, *te) && !is_place (scan, *ts, *te))
    (*ts)++;
  else if (cc_scan_tok_has (scan, *te - 1, CC_LEX_DEMONYM) && !(T (*te - 2)->flags & TF_POSS) &&
           looks_personal (scan, *ts, *te - 1) && !is_place (scan, *ts, *te))
    (*te)--;
}

/* "New Delhi", "New South Wales": "New" before a known place, or a place
 * as written, is part of it even at a sentence start. */
static gboolean
is_new_place (CcScan *scan,
              guint   ts,
              guint   te)
{
  if (is_place (scan, ts, te))
    return TRUE;
  if (te - ts >= 2 && cc_scan_tok_is (scan, ts, "new") && is_place (scan, ts + 1, te))
    return TRUE;
  /* "New Orleans Mayor Ann Lee": a place that starts a longer name */
  for (guint k = ts + 2; k < te && k <= ts + 3; k++)
    if (is_place (scan, ts, k))
      return TRUE;
  return FALSE;
}

static void
add_piece (Names    *nm,
           guint     ts,
           guint     te,
           gboolean  headline)
{
  CcScan *scan = nm->scan;
  gboolean title = FALSE;
  gboolean weak = FALSE;
  guint last_title = G_MAXUINT;

  /* Leading articles and, at a sentence start, ordinary words. */
  while (ts < te)
    {
      if (cc_scan_tok_is (scan, ts, "the") || cc_scan_tok_is (scan, ts, "a") ||
          cc_scan_tok_is (scan, ts, "an") || is_connector (scan, ts) || is_char (scan, ts, '.'))
        ts++;
      else if ((T (ts)->flags & (TF_SENT_START | TF_HEADLINE)) &&
               !(T (ts)->flags & TF_INNER_CAP) &&
               (cc_scan_tok_has (scan, ts, CC_LEX_COMMON) ||
                /* "Releasing the", but "Downing Street", "Reading Festival" */
                (is_gerund (scan, ts) &&
                 !(te - ts >= 2 && (cc_scan_tok_has (scan, te - 1, CC_LEX_LOC_LAST) ||
                                    cc_scan_tok_has (scan, te - 1, CC_LEX_ORG_WORD) ||
                                    cc_scan_tok_has (scan, te - 1, CC_LEX_EVENT)))) ||
                /* "Rival Brackwell Group", "Startup Acme": the noun that
                 * says what the name is (it votes for it, as before a
                 * name anywhere) */
                (te - ts >= 2 && cc_names_is_org_noun (scan, ts))) &&
               !cc_scan_tok_has (scan, ts, CC_LEX_FIRST_NAME) && !is_new_place (scan, ts, te))
        {
          ts++;
          /* What follows is no longer at a sentence start. */
        }
      else
        break;
    }
  while (te > ts && (is_connector (scan, te - 1) || is_char (scan, te - 1, '.')))
    te--;
  if (ts >= te)
    return;

  /* Titles: "Mayor Helen Okafor", "Finance Director Priya Nandakumar". */
  for (guint i = ts; i < te; i++)
    if (cc_names_is_title (scan, i) && !(T (i)->flags & TF_ALLCAPS && name_len (scan, i) > 3))
      last_title = i;
  if (last_title != G_MAXUINT && last_title + 1 < te)
    {
      guint name = last_title + 1;

      if (is_char (scan, name, '.'))
        name++;
      /* "Secretary of State Ann Lee", "Minister of Foreign Affairs Bo
       * Kim": the office's domain, then the person named in two words
       * (three after a known first name) */
      if (cc_scan_tok_is (scan, name, "of") && te >= name + 4)
        name = te >= name + 5 && cc_scan_tok_has (scan, te - 3, CC_LEX_FIRST_NAME) ? te - 3 : te - 2;
      /* not "Doctors Without Borders": a person's name starts with no
       * common word */
      if (name < te && !cc_scan_tok_has (scan, te - 1, CC_LEX_ORG_WORD) &&
          !cc_scan_tok_has (scan, name, CC_LEX_ORG_WORD) && !is_connector (scan, name) &&
          !cc_scan_tok_has (scan, name, CC_LEX_COMMON))
        {
          guint first_title = ts;

          /* the office's first word: "Chief Financial Officer" is one */
          while (first_title < last_title && !cc_names_is_title (scan, first_title))
            first_title++;
          /* "New Orleans Mayor Ann Lee", "FEMA Administrator Bo Kim": the
           * place or body whose office it is, a name of its own */
          if (!headline && first_title > ts && (is_place (scan, ts, first_title) ||
                                                /* "Leeds East MP Ann Lee" */
                                                (first_title >= ts + 2 &&
                                                 cc_names_is_compass (scan, first_title - 1) &&
                                                 is_place (scan, ts, first_title - 1)) ||
                                                (first_title >= ts + 2 &&
                                                 cc_scan_tok_has (scan, first_title - 1, CC_LEX_ORG_WORD)) ||
                                                (first_title == ts + 1 &&
                                                 (T (ts)->flags & (TF_ALLCAPS | TF_INNER_CAP)) &&
                                                 !cc_scan_tok_has (scan, ts, CC_LEX_STOP))))
            add_cand (nm, ts, first_title, FALSE, FALSE);
          ts = name;
          /* "Former NFL star": a modifier alone ("former", "acting")
           * makes no title */
          title = !cc_names_tok_in_list (scan, last_title, &cc_names_title_modifiers);
        }
    }
  else if (last_title != G_MAXUINT && last_title + 1 == te && te - ts <= 3)
    return;   /* a title alone: "Chief Executive" */

  strip_demonyms (scan, &ts, &te);
  if (ts >= te)
    return;

  {
    gboolean named = FALSE;

    for (guint i = ts; i < te; i++)
      if ((T (i)->flags & TF_ALPHA) && (T (i)->flags & (TF_CAP | TF_INNER_CAP)))
        named = TRUE;
    if (!named)
      return;
  }

  if (te - ts == 1)
    {
      CcTok *t = T (ts);

      if (cc_scan_tok_has (scan, ts, CC_LEX_STOP))
        return;
      if (!(t->flags & TF_ALPHA))
        return;
      if ((t->flags & TF_SENT_START) && !headline && !title &&
          !(t->flags & (TF_INNER_CAP | TF_DIGIT)))
        weak = TRUE;
    }
  if (headline)
    return;   /* headlines are matched later against names from the body */
  add_cand (nm, ts, te, weak, title);
}

/* Splits a raw chunk at "and"/"for"/"on" connectors unless it ends in an
 * organisation word ("Food and Drug Administration"), and at a possessive. */
static void
add_chunk (Names   *nm,
           guint    ts,
           guint    te,
           gboolean headline)
{
  CcScan *scan = nm->scan;
  /* "Centers for Disease Control and Prevention", "Ministry of Law and
   * Justice": a body's name headed by its kind is one name */
  guint head = cc_scan_tok_is (scan, ts, "the") ? ts + 1 : ts;
  gboolean headed = te >= head + 4 && cc_scan_tok_has (scan, head, CC_LEX_ORG_HEAD) &&
                    (cc_scan_tok_is (scan, head + 1, "for") || cc_scan_tok_is (scan, head + 1, "of"));
  gboolean keep_and = headed || cc_scan_tok_has (scan, te - 1, CC_LEX_ORG_WORD) ||
                      cc_scan_tok_has (scan, te - 1, CC_LEX_EVENT);
  guint piece = ts;

  for (guint i = ts; i < te; i++)
    {
      gboolean split = FALSE;

      /* not at "&": "Halden & Frost", "Procter & Gamble" are one company
       * each; people are joined by "and" */
      if ((cc_scan_tok_is (scan, i, "and") || cc_scan_tok_is (scan, i, "for") ||
           cc_scan_tok_is (scan, i, "on")) && !keep_and &&
          !(i > ts && (cc_scan_tok_has (scan, i - 1, CC_LEX_ORG_HEAD) ||
                       cc_scan_tok_has (scan, i - 1, CC_LEX_ORG_WORD) ||
                       /* "Physicians for Human Rights": people of a calling */
                       (i == ts + 1 && cc_scan_tok_is (scan, i, "for") &&
                        !cc_scan_tok_has (scan, i - 1, CC_LEX_TITLE) && cc_names_is_title (scan, i - 1)))))
        split = TRUE;
      /* "Veridian Therapeutics and Castellan Bio": two companies, each
       * named in full with its own organisation word */
      else if (!headed && cc_scan_tok_is (scan, i, "and") && i >= ts + 2 && i + 2 < te &&
               cc_scan_tok_has (scan, i - 1, CC_LEX_ORG_WORD) &&
               cc_scan_tok_has (scan, te - 1, CC_LEX_ORG_WORD) &&
               !cc_scan_tok_has (scan, i - 2, CC_LEX_ORG_WORD))
        split = TRUE;
      if (split)
        {
          if (i > piece)
            add_piece (nm, piece, i, headline);
          piece = i + 1;
        }
    }
  if (te > piece)
    add_piece (nm, piece, te, headline);
}

/* "20th", "82nd", "1st": a number written as an ordinal */
static gboolean
is_ordinal (CcScan *scan,
            guint   i)
{
  const char *s = tok_text (scan, i);
  guint n = name_len (scan, i);

  return (T (i)->flags & TF_WORD) && !(T (i)->flags & TF_CLAIMED) && n >= 3 && n <= 6 &&
         g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[n - 3]) &&
         (g_ascii_strncasecmp (s + n - 2, "st", 2) == 0 || g_ascii_strncasecmp (s + n - 2, "nd", 2) == 0 ||
          g_ascii_strncasecmp (s + n - 2, "rd", 2) == 0 || g_ascii_strncasecmp (s + n - 2, "th", 2) == 0);
}

/* "Flight 4819", "flight BA117": the word flight and a flight's number */
static gboolean
is_flight_number (CcScan *scan,
                  guint   i)
{
  return i + 1 < N_TOKS && (T (i + 1)->flags & TF_DIGIT) && same_line (scan, i + 1) &&
         cc_scan_tok_is (scan, i, "flight");
}

static gboolean is_tally        (CcScan *scan, guint start, guint j);
static gboolean is_nickname     (CcScan *scan, guint j);
static guint    paren_qualifier (CcScan *scan, guint start, guint j);
static void     type_coordinated_surnames (Names *nm);

static void
chunk_all (Names   *nm,
           gboolean headline_pass)
{
  CcScan *scan = nm->scan;
  GArray *caps = nm->buf->caps;
  guint pos = 0;      /* the first token no chunk has taken */
  guint64 work = 0;   /* counted here, added to scan->work at the end */

  /* a chunk starts at a name word, always one of the capitalised words
   * (is_name_word()): those are visited, not every token */
  for (guint c = 0; c < caps->len; c++)
    {
      guint i = g_array_index (caps, guint, c);
      guint j, j2;

      work++;
      if (i < pos || !!(T (i)->flags & TF_HEADLINE) != headline_pass || !is_name_word (scan, i))
        continue;
      /* "Delta Flight 4819": a flight's number is no name, its airline is */
      if (is_flight_number (scan, i))
        {
          pos = i + 2;
          continue;
        }
      j = i + 1;
      while (j < N_TOKS && j - i < MAX_CHUNK && same_line (scan, j))
        {
          CcTok *prev = T (j - 1);

          work++;
          if (prev->flags & TF_POSS)
            {
              /* "Humanity's Last Exam": an ordinary word before 's joins */
              guint k = j;

              /* "Humanity's Last Exam": a benchmark named with a possessive */
              while (k < N_TOKS && k - j < MAX_CHUNK && same_line (scan, k) &&
                     is_name_word (scan, k) && !(T (k)->flags & TF_POSS))
                k++;
              /* "Zoram People's Movement", "Boston Children's Hospital":
               * the possessive of an irregular plural noun is part of a
               * body's name */
              if (!(j - 1 == i && k > j && is_name_word (scan, j) &&
                    cc_scan_tok_has (scan, k - 1, CC_LEX_BENCHMARK)) &&
                  !(k > j && is_name_word (scan, j) && cc_scan_tok_has (scan, k - 1, CC_LEX_ORG_WORD) &&
                    (cc_scan_tok_is (scan, j - 1, "people") || cc_scan_tok_is (scan, j - 1, "children") ||
                     cc_scan_tok_is (scan, j - 1, "women") || cc_scan_tok_is (scan, j - 1, "men"))))
                break;
            }
          if (is_flight_number (scan, j))
            break;
          if (is_name_word (scan, j))
            j++;
          else if ((is_char (scan, j, '\'') || is_char (scan, j, 0x2019)) &&
                   !(T (j)->flags & TF_SPACE) && j + 1 < N_TOKS && is_name_word (scan, j + 1) &&
                   same_line (scan, j + 1) && tok_text (scan, j - 1)[name_len (scan, j - 1) - 1] == 's')
            j += 2;   /* "Rail Workers' Union" */
          else if (is_version (scan, j) && (T (j)->flags & TF_SPACE || T (j - 1)->flags & TF_WORD) &&
                   !is_tally (scan, i, j))
            j++;
          else if ((j2 = paren_qualifier (scan, i, j)) > j)
            j = j2;
          else if (is_nickname (scan, j))
            j += 4;
          /* "Rafael de la Cruz", "Ruud van der Berg": two particles */
          else if (j + 2 < N_TOKS && (T (j)->flags & TF_WORD) &&
                   (T (j)->first == 'd' || T (j)->first == 'v' || T (j)->first == 'l' ||
                    T (j)->first == 'D' || T (j)->first == 'V' || T (j)->first == 'L') &&
                   (T (j + 1)->flags & TF_WORD) && name_len (scan, j + 1) <= 5 &&
                   same_line (scan, j + 2) && is_name_word (scan, j + 2) &&
                   !(T (j + 2)->flags & TF_SENT_START) &&
                   cc_names_is_particle (scan, j) && cc_names_is_particle (scan, j + 1))
            j += 3;
          else if (is_connector (scan, j) && j + 1 < N_TOKS && same_line (scan, j + 1) &&
                   is_name_word (scan, j + 1) && !(T (j + 1)->flags & TF_SENT_START) &&
                   !((T (j + 1)->flags & TF_POSS) && !cc_scan_tok_is (scan, j, "of")) &&
                   (!cc_scan_tok_is (scan, j, "of") ||
                    cc_scan_tok_has (scan, j - 1, CC_LEX_ORG_HEAD) ||
                    cc_scan_tok_has (scan, j - 1, CC_LEX_ORG_WORD) ||
                    cc_scan_tok_has (scan, j - 1, CC_LEX_LOC_LAST) ||
                    /* "Secretary of State Ann Lee" (add_piece()) */
                    cc_scan_tok_has (scan, j - 1, CC_LEX_TITLE)))
            j += 2;
          else if (is_char (scan, j, '.') && !(T (j)->flags & TF_SPACE) && j + 1 < N_TOKS &&
                   is_name_word (scan, j + 1) && same_line (scan, j + 1) &&
                   (name_len (scan, j - 1) == 1 ||
                    (cc_scan_tok_has (scan, j - 1, CC_LEX_TITLE) && name_len (scan, j - 1) <= 4)))
            j += 2;
          else
            break;
        }
      /* "20th Ward", "82nd Avenue": an ordinal before a place's word */
      if (i > 0 && i - 1 >= pos && is_ordinal (scan, i - 1) && same_line (scan, i) &&
          cc_scan_tok_has (scan, j - 1, CC_LEX_LOC_LAST))
        i--;
      add_chunk (nm, i, j, headline_pass);
      pos = j;
    }
  scan->work += work;
}

/* The digits of token @i after its decimal point, -1 for an integer. */
static int
decimals (CcScan *scan,
          guint   i)
{
  const char *s = tok_text (scan, i);
  const char *dot = memchr (s, '.', name_len (scan, i));

  return dot == NULL ? -1 : (int)(s + name_len (scan, i) - dot - 1);
}

/* A number after a name that counts for it rather than numbering a model:
 * "the BJP 240" (a count after an acronym), "Labour 32.45" (a share with
 * two decimals, never a version), and the tallies "Reds 4, Blues 2" and
 * "..., Greens 3" at a line end. "Llama 4", "Claude Opus 4.6" and "Dev
 * 163" stay models. */
static gboolean
is_tally (CcScan *scan,
          guint   start,
          guint   j)
{
  CcTok *t = T (j);
  int dec;

  if (!(t->flags & TF_NUMBER))
    return FALSE;
  dec = decimals (scan, j);
  if (dec >= 2)
    return TRUE;
  if (dec >= 0)
    return FALSE;
  /* "BJP 240", "RJD 4," and "Left (Unity) 5": a count after an acronym or
   * a bracketed qualifier, unless a name word follows ("GPT 4 Turbo") */
  if (((T (j - 1)->flags & TF_ALLCAPS) || is_char (scan, j - 1, ')')) &&
      !(j + 1 < N_TOKS && same_line (scan, j + 1) && is_name_word (scan, j + 1)))
    return TRUE;
  /* "X 4, Y 2": a name and a number again after the comma */
  if (j + 3 < N_TOKS && is_char (scan, j + 1, ',') && same_line (scan, j + 3) &&
      is_name_word (scan, j + 2) &&
      ((T (j + 3)->flags & TF_NUMBER) ||
       (j + 4 < N_TOKS && is_name_word (scan, j + 3) && (T (j + 4)->flags & TF_NUMBER))))
    return TRUE;
  /* "Y 2, X 4": a name and a number before the comma too */
  if (start > 1 && is_char (scan, start - 1, ',') && (T (start - 2)->flags & TF_NUMBER))
    return TRUE;
  /* "... 240 seats and the X 99." */
  if (start > 1 && (j + 1 >= N_TOKS || !same_line (scan, j + 1) || is_char (scan, j + 1, '.')) &&
      (cc_scan_tok_is (scan, start - 1, "and") ||
       (cc_scan_tok_is (scan, start - 1, "the") && cc_scan_tok_is (scan, start - 2, "and"))))
    return TRUE;
  /* "..., X 4" ending a line or a sentence after a comma */
  return start > 0 && is_char (scan, start - 1, ',') &&
         (j + 1 >= N_TOKS || !same_line (scan, j + 1) || is_char (scan, j + 1, '.'));
}

/* "Ann “Nan” Lee": a quoted nickname between a given name and a surname
 * is part of the name. */
static gboolean
is_nickname (CcScan *scan,
             guint   j)
{
  return j > 0 && j + 3 < N_TOKS && same_line (scan, j + 3) &&
         (is_char (scan, j, 0x201C) || is_char (scan, j, '"')) &&
         (T (j)->flags & TF_SPACE) && is_name_word (scan, j - 1) &&
         is_name_word (scan, j + 1) && !(T (j + 1)->flags & TF_SPACE) &&
         (is_char (scan, j + 2, 0x201D) || is_char (scan, j + 2, '"')) &&
         !(T (j + 2)->flags & TF_SPACE) && (T (j + 3)->flags & TF_SPACE) &&
         is_name_word (scan, j + 3) && !(T (j + 1)->flags & TF_ALLCAPS);
}

/* Whether token @acr spells the initials of the words [ts, te). */
static gboolean
spells_initials (CcScan *scan,
                 guint   ts,
                 guint   te,
                 guint   acr)
{
  const char *a = tok_text (scan, acr);
  guint n = name_len (scan, acr), k = 0;

  for (guint i = ts; i < te; i++)
    {
      if (!(T (i)->flags & TF_WORD) || is_connector (scan, i))
        continue;
      if (k >= n || g_ascii_toupper (tok_text (scan, i)[0]) != a[k])
        return FALSE;
      k++;
    }
  return k == n && n >= 2;
}

/* "JD(U)", "NCP (Left)", "Workers Party (Reformed)": a qualifier in
 * brackets that is part of a party's or company's name, written after an
 * acronym, an organisation word, or with no space. An acronym of the name
 * itself ("Air Traffic Control (ATC)") is not. Returns the token after ")"
 * or @j. */

static guint
paren_qualifier (CcScan *scan,
                 guint   start,
                 guint   j)
{
  guint k = j + 1;
  gboolean tight, acronym_only, faction = FALSE, plain;

  /* "SAN FRANCISCO (Reuters) —": a wire's credit after a dateline's city */
  if (!is_char (scan, j, '(') || cc_names_in_dateline (scan, start, j) ||
      cc_scan_tok_has (scan, j - 1, CC_LEX_STOP) ||
      cc_scan_tok_has (scan, j + 1, CC_LEX_STOP))
    return j;
  tight = !(T (j)->flags & TF_SPACE);
  plain = !tight && !(T (j - 1)->flags & TF_ALLCAPS) &&
          !cc_scan_tok_has (scan, j - 1, CC_LEX_ORG_WORD) &&
          !cc_names_tok_in_list (scan, j - 1, &cc_names_org_ends);
  while (k < N_TOKS && k - j <= 4 && same_line (scan, k) && is_name_word (scan, k) &&
         !(T (k)->flags & TF_POSS))
    k++;
  /* "Shiv Dal (Rao faction)", "National Front (youth wing)" */
  if (k < N_TOKS && k - j <= 4 && same_line (scan, k) && (T (k)->flags & TF_LOWER) &&
      cc_names_tok_in_list (scan, k, &cc_names_faction_words))
    k++, faction = TRUE;
  if (k == j + 1 || k >= N_TOKS || !is_char (scan, k, ')'))
    return j;
  /* After plain words the brackets often hold a person's party or a
   * team's country ("Ann Lee (Labour)", "Ajax (Netherlands)"): a
   * qualifier only after two or more words that do not begin with a given
   * name, around no place. */
  if (plain && !faction &&
      (j - start < 2 || cc_scan_tok_has (scan, start, CC_LEX_FIRST_NAME) ||
       is_place (scan, start, j) || is_place (scan, j + 1, k) ||
       ((T (j + 1)->flags & TF_ALLCAPS) && k == j + 2)))
    return j;
  acronym_only = k == j + 2 && (T (j + 1)->flags & TF_ALLCAPS) && j - start >= 2;
  if (acronym_only && (!tight || spells_initials (scan, start, j, j + 1)))
    return j;   /* "Air Safety Board(ASB)" defines an acronym */
  return k + 1;
}

/* ---- aliases, headlines and output ---------------------------------- */

static int
decide_type (Entity *e)
{
  int best = -1;
  int best_votes = 0;

  for (int k = 0; k < N_VOTES; k++)
    {
      int votes = e->votes[k];

      /* One word is a person only on strong evidence (a title, an age);
       * "X said" or "X, who" fit organisations as well. */
      if (k == V_PERSON && e->n_tokens == 1 && votes < 5)
        votes = 0;
      if (votes > best_votes)
        best = k, best_votes = votes;
    }
  if (best < 0)
    best = e->n_tokens >= 2 ? V_ORG : V_ORG;
  return best;
}

static void
merge_into (Entity *alias,
            Entity *target)
{
  alias = entity_root (alias);
  target = entity_root (target);
  if (alias == target)
    return;
  for (int k = 0; k < N_VOTES; k++)
    target->votes[k] += alias->votes[k];
  target->strong += alias->strong;
  alias->parent = target;
  if (alias->n_tokens > target->n_tokens)
    {
      /* shared: surfaces are never changed in place */
      target->surface = alias->surface;
      target->surface_lower = alias->surface_lower;
      target->n_tokens = alias->n_tokens;
    }
}

static gboolean
has_initial (CcScan   *scan,
             guint     ts,
             guint     te,
             gunichar  c)
{
  for (guint i = ts; i < te; i++)
    if (g_unichar_toupper (T (i)->first) == c)
      return TRUE;
  return FALSE;
}

/* "Acme Rocket", "Acme Falcon": a company's name followed by a name of
 * its own, with no organisation word, is the company's product when
 * nothing else is known of it, and so is the second name alone. */
static void
mark_company_products (Names *nm)
{
  for (Entity *e = nm->buf->first; e != NULL; e = e->next)
    {
      const char *space = strchr (e->key, ' ');
      Entity *company, *rest;
      int best = 0;

      if (e->parent != NULL || space == NULL || e->type == V_LOCATION || e->type == V_PRODUCT)
        continue;
      for (int t = 0; t < N_VOTES; t++)
        best = MAX (best, e->votes[t]);
      if (best >= 3)
        continue;
      company = lookup_key_prefix (nm, e->key, space - e->key);
      if (company == NULL || entity_root (company)->type != V_ORG ||
          entity_root (company)->votes[V_ORG] < 2 || strchr (space + 1, ' ') != NULL)
        continue;
      e->type = V_PRODUCT;
      rest = lookup_key (nm, space + 1);
      if (rest != NULL && entity_root (rest) == rest && rest->votes[V_PERSON] < 3 &&
          rest->votes[V_LOCATION] < 3)
        rest->type = V_PRODUCT;
    }
}

static void
merge_aliases (Names *nm)
{
  CcScan *scan = nm->scan;

  /* Acronyms defined in parentheses: "Meta Superintelligence Labs (MSL)". */
  for (guint k = 0; k < nm->cands->len; k++)
    {
      Cand *c = &g_array_index (nm->cands, Cand, k);
      guint a = c->te;

      /* not a wire's credit after a dateline's city: "LOS ANGELES (AP)" */
      if (c->te - c->ts >= 2 && is_char (scan, a, '(') && a + 2 < N_TOKS &&
          (T (a + 1)->flags & TF_ALLCAPS) && is_char (scan, a + 2, ')') &&
          has_initial (scan, c->ts, c->te, T (a + 1)->first) &&
          !cc_names_in_dateline (scan, c->ts, c->te))
        {
          Entity *acr = lookup_entity (nm, a + 1, a + 2, TRUE);
          merge_into (acr, c->entity);
          /* News writing defines acronyms for bodies, not for people */
          entity_root (c->entity)->votes[V_PERSON] = 0;
        }
    }

  /* Legal suffixes: "Acme Inc." is "Acme". */
  for (guint k = 0; k < nm->cands->len; k++)
    {
      Cand *c = &g_array_index (nm->cands, Cand, k);
      guint te = c->te;

      while (te - c->ts >= 2 && (cc_scan_tok_has (scan, te - 1, CC_LEX_LEGAL) ||
                                  is_char (scan, te - 1, '.') || is_char (scan, te - 1, ',')))
        te--;
      if (te != c->te)
        {
          /* created if needed, so that a headline's "Acme" finds it too */
          Entity *base = lookup_entity (nm, c->ts, te, TRUE);
          merge_into (base, c->entity);
        }
    }

  /* Types, then surnames of people. */
  {
    Entity *e;

    for (e = nm->buf->first; e != NULL; e = e->next)
      if (e->parent == NULL)
        e->type = decide_type (e);

    /* Coordination: "between Port Ellery and Kilbrannan", "Facebook,
     * Instagram and WhatsApp": a name with little evidence of its own
     * takes the type of a well-attested neighbour. */
    for (guint k = 0; k + 1 < nm->cands->len; k++)
      {
        Cand *x = &g_array_index (nm->cands, Cand, k);
        Cand *y = &g_array_index (nm->cands, Cand, k + 1);
        Entity *ex = entity_root (x->entity), *ey = entity_root (y->entity);
        int mx = 0, my = 0;

        /* "in Andhra Pradesh, and Nitish Kumar's party": a possessive
         * qualifies the noun after it, which is what is coordinated */
        if (ex == ey || y->ts < x->te + 1 || y->ts > x->te + 2 || !same_line (scan, y->ts) ||
            (T (x->te - 1)->flags & TF_POSS) || (T (y->te - 1)->flags & TF_POSS))
          continue;
        if (!((y->ts == x->te + 1 && (is_char (scan, x->te, ',') || cc_scan_tok_is (scan, x->te, "and") ||
                                      cc_scan_tok_is (scan, x->te, "or"))) ||
              (y->ts == x->te + 2 && is_char (scan, x->te, ',') &&
               (cc_scan_tok_is (scan, x->te + 1, "and") || cc_scan_tok_is (scan, x->te + 1, "or")))))
          continue;
        for (int t = 0; t < N_VOTES; t++)
          mx = MAX (mx, ex->votes[t]), my = MAX (my, ey->votes[t]);
        /* only for names seen once or twice: a frequent name has its own
         * evidence, even when it is weak */
        if (mx >= 3 && my < 3 && ex->type != V_PERSON && ey->mentions <= 2)
          ey->type = ex->type;
        else if (my >= 3 && mx < 3 && ey->type != V_PERSON && ex->mentions <= 2)
          ex->type = ey->type;
        /* "Conner Mantz and Clayton Young": a name of two or three words
         * with no evidence at all, beside a person's, is a person's */
        else if (ex->type == V_PERSON && my == 0 && ey->n_tokens >= 2 && ey->n_tokens <= 3 &&
                 x->te - x->ts >= 2 && personal_words (scan, y->ts, y->te, TRUE))
          ey->type = V_PERSON;
        else if (ey->type == V_PERSON && mx == 0 && ex->n_tokens >= 2 && ex->n_tokens <= 3 &&
                 y->te - y->ts >= 2 && personal_words (scan, x->ts, x->te, TRUE))
          ex->type = V_PERSON;
      }

    /* A product line: "Gemini" beside "Gemini 3.1 Pro", "GPT" beside
     * "GPT-5.4", unless the single name is clearly something else. */
    for (e = nm->buf->first; e != NULL; e = e->next)
      {
        const char *cut;
        Entity *family;

        if (e->parent != NULL || e->type != V_PRODUCT || strpbrk (e->key, "0123456789") == NULL)
          continue;
        cut = strpbrk (e->key, " -");
        if (cut == NULL || cut == e->key)
          continue;
        family = lookup_key_prefix (nm, e->key, cut - e->key);
        if (family != NULL && family->parent == NULL && family->type == V_ORG &&
            family->votes[V_ORG] < 4)
          family->type = V_PRODUCT;
      }

    /* ...and "Gemini Deep Think", "GPT Pro": a weakly attested name that
     * starts with a product line's name is a product of that line. */
    for (e = nm->buf->first; e != NULL; e = e->next)
      {
        const char *space = strchr (e->key, ' ');
        Entity *family;

        if (e->parent != NULL || e->type != V_ORG || e->votes[V_ORG] >= 4 || space == NULL)
          continue;
        family = lookup_key_prefix (nm, e->key, space - e->key);
        if (family != NULL && entity_root (family)->type == V_PRODUCT)
          e->type = V_PRODUCT;
      }

    mark_company_products (nm);

    for (guint k = 0; k < nm->cands->len; k++)
      {
        Cand *c = &g_array_index (nm->cands, Cand, k);
        Entity *root = entity_root (c->entity);
        const char *key = c->entity->key;
        const char *space;

        /* a person's surname alone, and a storm's name: "Ida" for
         * "Hurricane Ida" */
        if ((root->type != V_PERSON &&
             !(root->type == V_EVENT && cc_names_is_storm (scan, c->ts, c->te))) ||
            c->te - c->ts < 2)
          continue;
        space = strrchr (key, ' ');
        if (space == NULL)
          continue;
        /* the quoted nickname alone: "Nan" for "Ann “Nan” Lee" */
        if (c->te - c->ts >= 5 && (is_char (scan, c->ts + 1, 0x201C) || is_char (scan, c->ts + 1, '"')))
          {
            Entity *ne = lookup_entity (nm, c->ts + 2, c->ts + 3, FALSE);

            if (ne != NULL && ne->parent == NULL && ne != root)
              {
                merge_into (ne, root);
                root->type = V_PERSON;
              }
          }
        /* the first name alone, too ("Mateo"), when it is a known first name */
        if (cc_scan_tok_has (scan, c->ts, CC_LEX_FIRST_NAME) && !(T (c->ts)->flags & TF_POSS))
          {
            Entity *fe = lookup_entity (nm, c->ts, c->ts + 1, FALSE);

            if (fe != NULL && fe->parent == NULL && fe->n_tokens == 1 && fe != root)
              {
                merge_into (fe, root);
                root->type = V_PERSON;
              }
          }
        {
          /* kept on the entity of the surname alone, if the text has
           * one: only those are merged below */
          Entity *alone = lookup_key (nm, space + 1);

          /* a known place named in a dateline or alone ("MELBOURNE,
           * Australia") is no surname of a name with little evidence of a
           * person's ("Tennis Australia") */
          if (alone != NULL && alone->votes[V_LOCATION] >= 6 && alone->votes[V_PERSON] <= 0 &&
              root->votes[V_PERSON] < 4)
            alone = NULL;
          if (alone != NULL)
            {
              if (alone->surname_of != NULL && entity_root (alone->surname_of) != root)
                alone->surname_ambiguous = TRUE;
              alone->surname_of = root;
            }
        }
      }

    for (e = nm->buf->first; e != NULL; e = e->next)
      {
        Entity *person;

        if (e->parent != NULL || strchr (e->key, ' ') != NULL)
          continue;
        person = e->surname_of;
        if (person != NULL && !e->surname_ambiguous &&
            entity_root (person) != e && e->votes[V_ORG] < 8)
          {
            int type = entity_root (person)->type;
            merge_into (e, person);
            entity_root (person)->type = type;
          }
      }
  }
  type_coordinated_surnames (nm);
}

/* "Lee and Marsh": beside the surname of a person named in full, a lone
 * word seen once or twice with little evidence of its own is a person's
 * surname too. Runs after surnames are merged into full names. */
static void
type_coordinated_surnames (Names *nm)
{
  CcScan *scan = nm->scan;

  for (guint k = 0; k + 1 < nm->cands->len; k++)
    {
      Cand *c[2] = { &g_array_index (nm->cands, Cand, k), &g_array_index (nm->cands, Cand, k + 1) };
      Entity *r[2];

      if (c[0]->te != c[0]->ts + 1 || c[1]->te != c[1]->ts + 1 || c[1]->ts != c[0]->te + 1 ||
          !cc_scan_tok_is (scan, c[0]->te, "and") ||
          ((T (c[0]->ts)->flags | T (c[1]->ts)->flags) & (TF_ALLCAPS | TF_INNER_CAP)))
        continue;
      r[0] = entity_root (c[0]->entity);
      r[1] = entity_root (c[1]->entity);
      for (int a = 0; a < 2; a++)
        {
          Entity *known = r[a], *other = r[1 - a];
          int most = 0;

          for (int t = 0; t < N_VOTES; t++)
            most = MAX (most, other->votes[t]);
          if (known != other && known->type == V_PERSON && known->n_tokens >= 2 &&
              other->n_tokens == 1 && most < 3 && other->mentions <= 2)
            other->type = V_PERSON;
        }
    }
}

/* Headlines: the longest runs of words that name something found in the
 * body. */
static void
match_headlines (Names *nm)
{
  CcScan *scan = nm->scan;
  guint i = scan->headline_from;

  /* only where headlines are: mostly a title line at the top, or none */
  while (i < scan->headline_to)
    {
      guint j;

      if (!(T (i)->flags & TF_HEADLINE) || !(is_name_word (scan, i) || is_version (scan, i)))
        {
          i++;
          continue;
        }
      j = i + 1;
      while (j < N_TOKS && j - i < MAX_CHUNK && same_line (scan, j) &&
             !(T (j - 1)->flags & TF_POSS) &&
             (is_name_word (scan, j) || is_version (scan, j) ||
              (is_connector (scan, j) && j + 1 < N_TOKS && is_name_word (scan, j + 1))))
        j++;
      /* Greedy longest match inside [i, j). */
      for (guint a = i; a < j;)
        {
          guint b;
          gboolean found = FALSE;

          for (b = j; b > a; b--)
            {
              Entity *e = lookup_entity (nm, a, b, FALSE);

              scan->work++;
              if (e != NULL && entity_root (e)->strong > 0)
                {
                  Cand c = { a, b, e, FALSE, FALSE };
                  g_array_append_val (nm->cands, c);
                  found = TRUE;
                  break;
                }
            }
          a = found ? b : a + 1;
        }
      i = j;
    }
}

/* The length of the canonical name of @root: its surface without the
 * trailing dots and commas that slipped in. */
static gsize
canonical_len (Entity *root)
{
  gsize n = strlen (root->surface);

  while (n > 0 && (root->surface[n - 1] == '.' || root->surface[n - 1] == ','))
    n--;
  return n;
}

/* Events are not listed, but the place that names one is: "Berlin" in
 * "the Berlin Marathon", "Rio de Janeiro" in "Rio de Janeiro Open". */
static void
add_event_place (CcScan *scan,
                 Cand   *c)
{
  for (guint k = c->te - 1; k > c->ts; k--)
    {
      const char *place = cc_names_scratch_surface (scan, c->ts, k);

      if (g_hash_table_contains (scan->gaz->locations, place))
        {
          cc_scan_add_mention (scan, T (c->ts)->cstart, T (k - 1)->cend, T (c->ts)->bstart,
                               T (k - 1)->bend, CC_ENTITY_LOCATION, place, -1, NULL);
          return;
        }
    }
}

/* Adds a mention of the bytes [from, to) of token @i when they spell, as
 * written, a name the document uses on its own. */
static void
add_part_mention (Names      *nm,
                  guint       i,
                  const char *from,
                  const char *to)
{
  CcScan *scan = nm->scan;
  const char *s = tok_text (scan, i);
  g_autofree char *word = g_strndup (from, to - from);
  g_autofree char *key = g_utf8_casefold (word, -1);
  Entity *e = lookup_key (nm, key);
  Entity *root;
  int type;
  guint skip;

  if (e == NULL || strcmp (e->surface, word) != 0)
    return;
  root = entity_root (e);
  type = root->type >= 0 ? root->type : decide_type (root);
  if (cc_names_vote_types[type] == CC_N_ENTITY_TYPES || root->mentions == 0)
    return;
  skip = g_utf8_strlen (s, from - s);
  cc_scan_add_mention (scan, T (i)->cstart + skip, T (i)->cstart + skip + g_utf8_strlen (word, -1),
                       T (i)->bstart + (from - s), T (i)->bstart + (to - s),
                       cc_names_vote_types[type], root->surface, canonical_len (root), NULL);
}

/* "Acme-owned", "NDA-led": a name written as the first part of a compound
 * adjective; "anti-Acme", "pro-Lee": a name after a lower-case prefix. */
static void
add_compound_parts (Names *nm)
{
  CcScan *scan = nm->scan;
  GArray *hyphens = nm->buf->hyphens;

  for (guint h = 0; h < hyphens->len; h++)
    {
      guint i = g_array_index (hyphens, guint, h);
      const char *s = tok_text (scan, i);
      const char *end = s + name_len (scan, i);
      const char *dash;
      guint prefix;

      if ((T (i)->flags & (TF_CLAIMED | TF_WORD | TF_HYPHEN)) != (TF_WORD | TF_HYPHEN) ||
          (dash = memchr (s, '-', end - s)) == NULL || dash == s)
        continue;
      if ((T (i)->flags & TF_LOWER) && g_ascii_isupper (dash[1]) && !is_name_word (scan, i))
        add_part_mention (nm, i, dash + 1, end);
      else if ((T (i)->flags & TF_CAP) && (prefix = name_prefix_len (s, end - s)) != 0)
        add_part_mention (nm, i, s + prefix, end);
      else if ((T (i)->flags & TF_CAP) && g_ascii_islower (dash[1]))
        add_part_mention (nm, i, s, dash);
    }
}

/* "Nvidias chips": a possessive written without its apostrophe, as news
 * copy sometimes has it, is read as "Nvidia's" when the document names
 * "Nvidia" on its own, the word stands alone (not "Serena Williams"), not
 * at a sentence start, and a lower-case word follows that is neither a
 * common word nor a verb that follows names ("Williams said"). */
static void
mark_bare_possessives (CcScan *scan,
                       GArray *caps)
{
  g_autoptr(GHashTable) names = NULL;
  char buf[64];

  for (guint c = 0; c < caps->len; c++)
    {
      guint i = g_array_index (caps, guint, c);
      CcTok *t = T (i);
      const char *s = tok_text (scan, i);
      guint n = name_len (scan, i);

      if (i + 1 >= N_TOKS)
        break;
      /* not at a sentence start, where plural nouns are capitalised too
       * ("Critics argued") */
      if ((t->flags & (TF_CAP | TF_ALPHA | TF_DIGIT | TF_ALLCAPS | TF_POSS | TF_INNER_CAP |
                       TF_HYPHEN | TF_CLAIMED | TF_SENT_START)) != (TF_CAP | TF_ALPHA) ||
          n < 4 || n >= sizeof buf || s[n - 1] != 's' || !g_ascii_islower (s[n - 2]) ||
          s[n - 2] == 's' || s[n - 2] == 'u' || s[n - 2] == 'i')
        continue;
      /* alone, with a lower-case noun after it */
      if ((i > 0 && same_line (scan, i) && (T (i - 1)->flags & TF_CAP) && (T (i - 1)->flags & TF_WORD)) ||
          !same_line (scan, i + 1) || !(T (i + 1)->flags & TF_LOWER) || (T (i + 1)->flags & TF_DIGIT) ||
          (cc_scan_tok_lex (scan, i + 1) & CC_LEX_COMMON) || cc_names_is_verb_after_name (scan, i + 1))
        continue;
      /* a known word or place as written: "Labs", "Philippines" */
      if ((cc_scan_tok_lex (scan, i) & ~CC_LEX_KNOWN) != 0 ||
          g_hash_table_contains (scan->gaz->locations, cc_names_scratch_surface (scan, i, i + 1)))
        continue;
      if (names == NULL)
        {
          /* the capitalised words of the document, as written */
          names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint k = 0; k < N_TOKS; k++)
            if ((T (k)->flags & (TF_CAP | TF_WORD)) == (TF_CAP | TF_WORD))
              g_hash_table_add (names, g_strndup (tok_text (scan, k), name_len (scan, k)));
        }
      memcpy (buf, s, n - 1);
      buf[n - 1] = '\0';
      if (!g_hash_table_contains (names, buf))
        continue;
      t->bend--;
      t->cend--;
      t->flags |= TF_POSS;
      t->lex = 0;   /* looked up again on the name part */
    }
}

void
cc_scan_names (CcScan *scan)
{
  Names nm = { scan, NULL, NULL, NULL, 0, 0 };
  gboolean debug = g_getenv ("CROSSCHECK_ENTITIES_DEBUG") != NULL;

  nm.buf = names_buf_get (scan);
  nm.cands = nm.buf->cands;
  nm.key = nm.buf->key;

  /* the tokens the passes below start from, in one pass over all */
  for (guint i = 0; i < N_TOKS; i++)
    {
      guint f = T (i)->flags;

      if (!(f & TF_WORD))
        continue;
      if (f & (TF_CAP | TF_INNER_CAP))
        g_array_append_val (nm.buf->caps, i);
      if (f & TF_HYPHEN)
        g_array_append_val (nm.buf->hyphens, i);
    }
  mark_bare_possessives (scan, nm.buf->caps);

  chunk_all (&nm, FALSE);
  for (guint k = 0; k < nm.cands->len; k++)
    {
      Cand *c = &g_array_index (nm.cands, Cand, k);
      int before[N_VOTES];

      memcpy (before, c->entity->votes, sizeof before);
      cc_names_vote (&nm, c);
      if (debug &&
          memcmp (before, c->entity->votes, sizeof before) != 0)
        g_printerr ("vote %u %s: %d %d %d %d %d %d\n", T (c->ts)->cstart, c->entity->key,
                    c->entity->votes[0] - before[0], c->entity->votes[1] - before[1],
                    c->entity->votes[2] - before[2], c->entity->votes[3] - before[3],
                    c->entity->votes[4] - before[4], c->entity->votes[5] - before[5]);
    }
  merge_aliases (&nm);
  match_headlines (&nm);

  if (debug)
    {
      for (Entity *e = nm.buf->first; e != NULL; e = e->next)
        g_printerr ("entity %-40s P%d O%d Pr%d B%d L%d E%d -> %d%s\n", e->key,
                    e->votes[V_PERSON], e->votes[V_ORG], e->votes[V_PRODUCT],
                    e->votes[V_BENCHMARK], e->votes[V_LOCATION], e->votes[V_EVENT],
                    entity_root (e)->type, e->parent ? " (alias)" : "");
    }

  for (guint k = 0; k < nm.cands->len; k++)
    {
      Cand *c = &g_array_index (nm.cands, Cand, k);
      Entity *root = entity_root (c->entity);
      guint cend = T (c->te - 1)->cend, bend = T (c->te - 1)->bend;
      int type;

      /* An ambiguous sentence-initial word must be a name elsewhere. */
      if (c->weak && root->strong == 0 &&
          !g_hash_table_contains (scan->gaz->locations, root->surface) &&
          !cc_gazetteer_has (scan->gaz->first_names, root->key, -1))
        continue;
      if (root->type < 0)
        root->type = decide_type (root);
      type = root->type;
      if (type == V_EVENT)
        add_event_place (scan, c);
      if (cc_names_vote_types[type] == CC_N_ENTITY_TYPES)
        continue;
      /* "Acme Inc.": the dot of a legal suffix belongs to the name */
      if (c->te - c->ts >= 2 && cc_scan_tok_has (scan, c->te - 1, CC_LEX_LEGAL) &&
          !(T (c->te - 1)->flags & TF_POSS) && is_char (scan, c->te, '.') &&
          !(T (c->te)->flags & TF_SPACE))
        cend++, bend++;
      cc_scan_add_mention (scan, T (c->ts)->cstart, cend, T (c->ts)->bstart, bend,
                           cc_names_vote_types[type], root->surface, canonical_len (root), NULL);
    }

  add_compound_parts (&nm);
  names_buf_reset (nm.buf);
}
