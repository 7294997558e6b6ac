/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-entities"

#include "config.h"

#include <string.h>

#include "cc-entities-private.h"
#include "cc-values.h"

/* Tokenizer and figures (DATE, MONEY, PERCENT, QUANTITY, SCORE). Every loop
 * moves forward over the text or the tokens with a bounded look-ahead, so
 * the cost is linear in the length of the text. */

#define LOOKAHEAD 8
#define LOWER_ASCII(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c))

/* Unicode classification with an ASCII fast path. */
static inline gboolean
u_isalnum (gunichar c)
{
  return c < 0x80 ? g_ascii_isalnum (c) : g_unichar_isalnum (c);
}

static inline gboolean
u_isdigit (gunichar c)
{
  return c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);
}

static inline gboolean
u_isupper (gunichar c)
{
  return c < 0x80 ? g_ascii_isupper (c) : (g_unichar_isupper (c) || g_unichar_istitle (c));
}

static inline gboolean
u_islower (gunichar c)
{
  return c < 0x80 ? g_ascii_islower (c) : g_unichar_islower (c);
}

static inline gboolean
u_isspace (gunichar c)
{
  return c < 0x80 ? g_ascii_isspace (c) : g_unichar_isspace (c);
}

static inline gunichar
u_get_char (const char *p)
{
  return (guchar)*p < 0x80 ? (gunichar)*p : g_utf8_get_char (p);
}

static gboolean
is_inner_joiner (gunichar c)
{
  return c == '.' || c == '-' || c == '\'' || c == 0x2019 || c == '&' || c == '_' ||
         c == '/' || c == ',' || c == 0x2010 || c == 0x2011;
}

void
cc_scan_tokenize (CcScan *scan)
{
  const char *text = scan->text;
  const char *p = text;
  guint cpos = 0;
  gboolean nl = TRUE;
  gboolean space = FALSE;

  while (*p)
    {
      gunichar c = u_get_char (p);
      CcTok tok = { 0 };

      scan->work++;
      if (u_isspace (c))
        {
          if (c == '\n')
            nl = TRUE;
          space = TRUE;
          p = g_utf8_next_char (p);
          cpos++;
          continue;
        }

      tok.bstart = p - text;
      tok.cstart = cpos;
      tok.first = c;
      tok.flags = (nl ? TF_NL_BEFORE : 0) | (space ? TF_SPACE : 0);
      nl = space = FALSE;

      if (u_isalnum (c))
        {
          gboolean all_upper = TRUE;
          guint n_letters = 0;
          gboolean number = TRUE;
          gboolean first = TRUE;
          gunichar prev_c = c;

          tok.flags |= TF_WORD;
          if (u_isupper (c))
            tok.flags |= TF_CAP;
          else if (u_islower (c))
            tok.flags |= TF_LOWER;

          for (;;)
            {
              gunichar d = u_get_char (p);
              const char *next;

              scan->work++;
              if (u_isalnum (d))
                {
                  /* "Meta가": a change between Latin and another script
                   * (Hangul particles, CJK) ends the word. */
                  if (!first && (d < 0x3000) != (prev_c < 0x3000))
                    break;
                  prev_c = d;
                  if (u_isdigit (d))
                    tok.flags |= TF_DIGIT;
                  else
                    {
                      tok.flags |= TF_ALPHA;
                      number = FALSE;
                      n_letters++;
                      if (!u_isupper (d))
                        all_upper = FALSE;
                      else if (!first)
                        tok.flags |= TF_INNER_CAP;
                    }
                  first = FALSE;
                  p = g_utf8_next_char (p);
                  cpos++;
                  continue;
                }
              if (d == 0)
                break;
              next = g_utf8_next_char (p);
              /* Inner punctuation joins when a letter or digit follows. */
              if (is_inner_joiner (d) && *next && u_isalnum (u_get_char (next)))
                {
                  if (d == ',')
                    {
                      /* "1,234": only between digits, three digits after */
                      const char *q = next;
                      guint k = 0;

                      if (!(tok.flags & TF_DIGIT) || !number || !g_ascii_isdigit (p[-1]))
                        break;
                      while (k < 4 && g_ascii_isdigit (q[k]))
                        k++;
                      if (k != 3)
                        break;
                    }
                  else if (d != '.')
                    number = FALSE;
                  p = next;
                  cpos++;
                  first = FALSE;
                  continue;
                }
              /* Dotted initialisms keep their final dot: "U.S." */
              if (d == '.' && n_letters >= 2 && all_upper && p - text >= 2 &&
                  p[-2] == '.')
                {
                  p = next;
                  cpos++;
                }
              break;
            }

          tok.bfull = tok.bend = p - text;
          tok.cfull = tok.cend = cpos;
          if (number && (tok.flags & TF_DIGIT))
            tok.flags |= TF_NUMBER;
          if (all_upper && n_letters >= 2)
            tok.flags |= TF_ALLCAPS;

          /* A possessive ending is kept out of the name part. */
          if (tok.bend - tok.bstart > 2 && (tok.flags & TF_ALPHA))
            {
              const char *end = text + tok.bend;

              if ((end[-1] == 's' || end[-1] == 'S') && end[-2] == '\'')
                tok.bend -= 2, tok.cend -= 2, tok.flags |= TF_POSS;
              else if ((end[-1] == 's' || end[-1] == 'S') && tok.bend - tok.bstart > 4 &&
                       memcmp (end - 4, "\xe2\x80\x99", 3) == 0)
                tok.bend -= 4, tok.cend -= 2, tok.flags |= TF_POSS;
            }
        }
      else
        {
          p = g_utf8_next_char (p);
          cpos++;
          tok.bfull = tok.bend = p - text;
          tok.cfull = tok.cend = cpos;
        }
      g_array_append_val (scan->toks, tok);
    }
}

gboolean
cc_scan_tok_is (CcScan     *scan,
                guint       i,
                const char *lower)
{
  CcTok *t;
  const char *s;
  guint n;

  if (i >= scan->toks->len)
    return FALSE;
  t = SCAN_TOK (scan, i);
  s = scan->text + t->bstart;
  n = t->bend - t->bstart;
  /* No strlen and no function calls: this is called for every token
   * against many words. */
  if (n == 0 || LOWER_ASCII (s[0]) != lower[0])
    return FALSE;
  for (guint k = 1; k < n; k++)
    if (lower[k] == '\0' || LOWER_ASCII (s[k]) != lower[k])
      return FALSE;
  return lower[n] == '\0';
}

guint
cc_scan_tok_lex (CcScan *scan,
                 guint   i)
{
  CcTok *t = SCAN_TOK (scan, i);

  if (!(t->lex & CC_LEX_KNOWN))
    t->lex = (t->flags & TF_WORD) ? cc_gazetteer_lookup (scan->gaz, scan->text + t->bstart,
                                                         t->bend - t->bstart)
                                  : CC_LEX_KNOWN;
  return t->lex;
}

gboolean
cc_scan_tok_in (CcScan     *scan,
                guint       i,
                GHashTable *set)
{
  CcTok *t;
  guint bit;

  if (i >= scan->toks->len)
    return FALSE;
  bit = cc_gazetteer_bit_of (scan->gaz, set);
  if (bit != 0)
    return (cc_scan_tok_lex (scan, i) & bit) != 0;
  t = SCAN_TOK (scan, i);
  return cc_gazetteer_has (set, scan->text + t->bstart, t->bend - t->bstart);
}

/* TRUE if token @i follows token @i - 1 with no line break between. */
gboolean
cc_scan_adjacent (CcScan *scan,
                  guint   i)
{
  return i > 0 && i < scan->toks->len && !(SCAN_TOK (scan, i)->flags & TF_NL_BEFORE);
}

CcMention *
cc_scan_add_mention (CcScan       *scan,
                     guint         cstart,
                     guint         cend,
                     guint         bstart,
                     guint         bend,
                     CcEntityType  type)
{
  CcMention *m = g_new0 (CcMention, 1);

  m->start = cstart;
  m->end = cend;
  m->type = type;
  m->surface = g_strndup (scan->text + bstart, bend - bstart);
  g_ptr_array_add (scan->mentions, m);
  return m;
}

/* ---- figures ---------------------------------------------------------- */

#define T(i) SCAN_TOK (scan, (i))
#define N_TOKS (scan->toks->len)

static gboolean
tok_char (CcScan   *scan,
          guint     i,
          gunichar  c)
{
  return i < N_TOKS && !(T (i)->flags & TF_WORD) && T (i)->first == c;
}

/* No space and no line break between tokens @i - 1 and @i. */
static gboolean
glued (CcScan *scan,
       guint   i)
{
  return i > 0 && i < N_TOKS && !(T (i)->flags & (TF_SPACE | TF_NL_BEFORE));
}

static gboolean
same_line (CcScan *scan,
           guint   i)
{
  return i < N_TOKS && !(T (i)->flags & TF_NL_BEFORE);
}

static guint
tok_len (CcScan *scan,
         guint   i)
{
  return T (i)->bfull - T (i)->bstart;
}

static const char *
tok_text (CcScan *scan,
          guint   i)
{
  return scan->text + T (i)->bstart;
}

static gboolean
is_year_tok (CcScan *scan,
             guint   i)
{
  const char *s;
  int y;

  if (i >= N_TOKS || !(T (i)->flags & TF_NUMBER) || tok_len (scan, i) != 4)
    return FALSE;
  s = tok_text (scan, i);
  y = g_ascii_strtoll (s, NULL, 10);
  return y >= 1800 && y <= 2199;
}

static guint
day_of_tok (CcScan *scan,
            guint   i)
{
  const char *s;
  guint n = tok_len (scan, i);
  guint k = 0;
  guint day = 0;

  if (i >= N_TOKS || !(T (i)->flags & TF_WORD) || !(T (i)->flags & TF_DIGIT))
    return 0;
  s = tok_text (scan, i);
  while (k < n && k < 2 && g_ascii_isdigit (s[k]))
    day = day * 10 + (s[k++] - '0');
  if (k < n)
    {
      /* ordinal suffix only */
      const char *suffix = s + k;
      guint rest = n - k;
      if (!(rest == 2 && (g_ascii_strncasecmp (suffix, "st", 2) == 0 ||
                          g_ascii_strncasecmp (suffix, "nd", 2) == 0 ||
                          g_ascii_strncasecmp (suffix, "rd", 2) == 0 ||
                          g_ascii_strncasecmp (suffix, "th", 2) == 0)))
        return 0;
    }
  return day >= 1 && day <= 31 ? day : 0;
}

static guint
month_of_tok (CcScan   *scan,
              guint     i,
              guint    *end,    /* out: token index after the month (and its dot) */
              gboolean *full)   /* out: written in full */
{
  guint m;
  guint n;

  if (i >= N_TOKS || !(T (i)->flags & TF_CAP) || (T (i)->flags & TF_DIGIT) ||
      !(cc_scan_tok_lex (scan, i) & CC_LEX_MONTH_DAY))
    return 0;
  n = T (i)->bend - T (i)->bstart;
  m = cc_value_month_from_word (tok_text (scan, i), n);
  if (m == 0 || tok_len (scan, i) != n)
    return 0;
  *end = i + 1;
  *full = n >= 5 || m == 5 || (m == 6 && n == 4) || (m == 7 && n == 4);
  if (!*full && tok_char (scan, i + 1, '.') && glued (scan, i + 1))
    *end = i + 2;
  return m;
}

static void
claim (CcScan       *scan,
       guint         from,
       guint         to,     /* exclusive */
       CcEntityType  type,
       CcValueKind   kind)
{
  CcTok *a = T (from);
  CcTok *b = T (to - 1);
  CcMention *m;
  g_autoptr(CcValue) value = NULL;

  for (guint i = from; i < to; i++)
    T (i)->flags |= TF_CLAIMED;
  m = cc_scan_add_mention (scan, a->cstart, b->cend, a->bstart, b->bend, type);
  value = cc_value_parse (m->surface, kind);
  if (value != NULL)
    m->value = cc_value_to_string (value);
  m->canonical = g_strdup (m->value ? m->value : m->surface);
}

/* Extends a date at month token @i ("April", "April 8", "April 8, 2026",
 * "April 2026"); returns the end token or 0 when not a date. */
static guint
date_from_month (CcScan *scan,
                 guint   i,
                 gboolean lone_ok)
{
  guint end = 0;
  gboolean full = FALSE;
  guint m = month_of_tok (scan, i, &end, &full);

  if (m == 0)
    return 0;
  if (same_line (scan, end) && day_of_tok (scan, end))
    {
      end++;
      if (tok_char (scan, end, ',') && same_line (scan, end + 1) && is_year_tok (scan, end + 1))
        end += 2;
      else if (same_line (scan, end) && is_year_tok (scan, end))
        end++;
      return end;
    }
  if (same_line (scan, end) && is_year_tok (scan, end))
    return end + 1;
  if (tok_char (scan, end, ',') && same_line (scan, end + 1) && is_year_tok (scan, end + 1))
    return end + 2;
  if (!lone_ok || !full)
    return 0;
  /* A month alone: "May" and "March" also are words. */
  if ((m == 5 || m == 3) && !(i > 0 && (cc_scan_tok_is (scan, i - 1, "in") ||
                                        cc_scan_tok_is (scan, i - 1, "since") ||
                                        cc_scan_tok_is (scan, i - 1, "until") ||
                                        cc_scan_tok_is (scan, i - 1, "by") ||
                                        cc_scan_tok_is (scan, i - 1, "from") ||
                                        cc_scan_tok_is (scan, i - 1, "of") ||
                                        cc_scan_tok_is (scan, i - 1, "early") ||
                                        cc_scan_tok_is (scan, i - 1, "late") ||
                                        cc_scan_tok_is (scan, i - 1, "last") ||
                                        cc_scan_tok_is (scan, i - 1, "next"))))
    return 0;
  return end;
}

static gboolean
is_part_of_year_word (CcScan *scan,
                      guint   i)
{
  static const char * const words[] = {
    "early", "mid", "late", "spring", "summer", "autumn", "fall", "winter",
  };
  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    if (words[k][0] == g_ascii_tolower (*(scan->text + SCAN_TOK (scan, i)->bstart)) &&
        cc_scan_tok_is (scan, i, words[k]))
      return TRUE;
  return FALSE;
}

static GHashTable *
date_words (void)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    {
      static const char * const words[] = {
        "early", "mid", "late", "spring", "summer", "autumn", "fall", "winter", "end",
        "beginning", "start", "middle", "first", "second",
      };
      GHashTable *s = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; k < G_N_ELEMENTS (words); k++)
        g_hash_table_add (s, (gpointer)words[k]);
      g_once_init_leave (&set, s);
    }
  return set;
}

/* The token lower-cased in a static buffer (ASCII, at most 15 bytes; longer
 * or non-ASCII tokens give ""): only for short look-ups on this thread. */
static const char *
tok_text_lower (CcScan *scan,
                guint   i)
{
  static GPrivate key = G_PRIVATE_INIT (g_free);
  char *buf = g_private_get (&key);
  const char *s = tok_text (scan, i);
  guint n = T (i)->bend - T (i)->bstart;

  if (buf == NULL)
    {
      buf = g_malloc (16);
      g_private_set (&key, buf);
    }
  if (n >= 16)
    n = 0;
  for (guint k = 0; k < n; k++)
    {
      if ((guchar)s[k] >= 0x80)
        {
          n = 0;
          break;
        }
      buf[k] = g_ascii_tolower (s[k]);
    }
  buf[n] = '\0';
  return buf;
}

/* Dates starting at token @i; returns the end token or 0. */
static guint
match_date (CcScan *scan,
            guint   i)
{
  CcTok *t = T (i);
  guint end;

  /* Weekday, optionally followed by a date: "Tuesday, March 3, 2027" */
  if ((t->flags & TF_CAP) && (cc_scan_tok_lex (scan, i) & CC_LEX_MONTH_DAY) &&
      cc_value_weekday_from_word (tok_text (scan, i), t->bend - t->bstart))
    {
      guint next = i + 1;

      if (tok_char (scan, next, ',') && same_line (scan, next))
        next++;
      if (same_line (scan, next) && (end = date_from_month (scan, next, FALSE)) != 0)
        return end;
      return i + 1;
    }
  /* Month first */
  if ((end = date_from_month (scan, i, TRUE)) != 0)
    return end;
  /* Day first: "8 April 2026" */
  if (day_of_tok (scan, i) && same_line (scan, i + 1))
    {
      guint mend = 0;
      gboolean full = FALSE;
      if (month_of_tok (scan, i + 1, &mend, &full))
        {
          if (same_line (scan, mend) && is_year_tok (scan, mend))
            return mend + 1;
          return mend;
        }
    }
  /* Everything below starts with a lower-case trigger word or a digit. */
  if ((t->flags & TF_LOWER) && !(t->flags & TF_DIGIT) &&
      !g_hash_table_contains (date_words (), tok_text_lower (scan, i)))
    return 0;
  /* "early 2026", "late March 2026", "the end of 2027", "first half of 2026" */
  if (is_part_of_year_word (scan, i) || cc_scan_tok_is (scan, i, "end") ||
      cc_scan_tok_is (scan, i, "beginning") || cc_scan_tok_is (scan, i, "start") ||
      cc_scan_tok_is (scan, i, "middle"))
    {
      guint next = i + 1;

      if (cc_scan_tok_is (scan, next, "of") && same_line (scan, next))
        next++;
      if (same_line (scan, next) && is_year_tok (scan, next))
        return next + 1;
      if (is_part_of_year_word (scan, i) && same_line (scan, next) &&
          (end = date_from_month (scan, next, TRUE)) != 0)
        return end;   /* "early July", "late March 2026" */
      return 0;
    }
  if ((cc_scan_tok_is (scan, i, "first") || cc_scan_tok_is (scan, i, "second")) &&
      cc_scan_tok_is (scan, i + 1, "half") && cc_scan_tok_is (scan, i + 2, "of") &&
      is_year_tok (scan, i + 3))
    return i + 4;
  /* "Q1 2026", "H2 2027" */
  if (t->flags & TF_WORD && t->bend - t->bstart == 2 &&
      (tok_text (scan, i)[0] == 'Q' || tok_text (scan, i)[0] == 'H') &&
      g_ascii_isdigit (tok_text (scan, i)[1]) && is_year_tok (scan, i + 1))
    return i + 2;
  /* "mid-2027", ISO dates, "2027-28", years, "1980s" */
  if ((t->flags & TF_WORD) && (t->flags & TF_DIGIT))
    {
      const char *s = tok_text (scan, i);
      guint n = tok_len (scan, i);

      if (n == 8 && g_ascii_strncasecmp (s, "mid-", 4) == 0 && g_ascii_isdigit (s[4]))
        return i + 1;
      if (n == 10 && s[4] == '-' && s[7] == '-' && g_ascii_isdigit (s[0]))
        return i + 1;
      if (n == 7 && s[4] == '-' && g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[5]) &&
          g_ascii_isdigit (s[6]) && (s[0] == '1' || s[0] == '2'))
        {
          /* "2027-28" (a season) or "2026-04" */
          return i + 1;
        }
      if (n == 5 && g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[3]) && s[4] == 's' &&
          (s[0] == '1' || s[0] == '2'))
        return i + 1;
      if (is_year_tok (scan, i))
        return i + 1;
    }
  return 0;
}

/* Parses a number at token @i: digits ("1,234.5", "54m") or number words
 * ("three", "twenty-five", "a" before a scale word), then an optional scale
 * word. Returns the token after it, or 0. */
static guint
match_number (CcScan   *scan,
              guint     i,
              gboolean *has_scale)
{
  CcTok *t = T (i);
  guint end;

  *has_scale = FALSE;
  if (!(t->flags & TF_WORD))
    return 0;
  if (t->flags & TF_NUMBER)
    end = i + 1;
  else if ((t->flags & TF_DIGIT) && g_ascii_isdigit (tok_text (scan, i)[0]))
    {
      /* "54m", "14bn", "415.6M" */
      const char *s = tok_text (scan, i);
      guint n = tok_len (scan, i);
      guint k = 0;

      while (k < n && (g_ascii_isdigit (s[k]) || s[k] == '.' || s[k] == ','))
        k++;
      if (k == n || cc_value_scale_from_word (s + k, n - k) == 0)
        return 0;
      *has_scale = TRUE;
      return i + 1;
    }
  else if (t->flags & TF_LOWER || t->flags & TF_CAP)
    {
      const char *s = tok_text (scan, i);
      guint n = t->bend - t->bstart;
      const char *dash = memchr (s, '-', n);

      if (dash != NULL)
        {
          if (cc_value_number_word (s, dash - s) < 20 ||
              cc_value_number_word (dash + 1, s + n - dash - 1) < 0)
            return 0;
        }
      else if (cc_value_number_word (s, n) < 0 &&
               !((n == 1 && (s[0] == 'a' || s[0] == 'A')) &&
                 i + 1 < N_TOKS && cc_value_scale_from_word (tok_text (scan, i + 1),
                                                             tok_len (scan, i + 1)) > 1e5))
        return 0;
      end = i + 1;
    }
  else
    return 0;

  if (same_line (scan, end) && (T (end)->flags & (TF_LOWER | TF_CAP)) &&
      cc_value_scale_from_word (tok_text (scan, end), tok_len (scan, end)) >= 1e3 &&
      tok_len (scan, end) > 2)
    {
      *has_scale = TRUE;
      end++;
    }
  return end;
}

static guint
name_len_tok (CcScan *scan,
              guint   i)
{
  return T (i)->bend - T (i)->bstart;
}

static gboolean
is_plural_noun (CcScan *scan,
                guint   i)
{
  static const char * const not_nouns[] = {
    "is", "was", "has", "its", "this", "his", "hers", "ours", "yours", "theirs", "as",
    "us", "thus", "plus", "less", "unless", "across", "always", "perhaps", "besides",
    "whereas", "towards", "afterwards", "sometimes", "does", "goes", "says", "means",
    "makes", "takes", "gives", "comes", "becomes", "seems", "remains", "includes",
    "yes", "news", "series", "process", "success", "access", "business", "address",
    "since", "ago", "whose", "nevertheless", "regardless", "nonetheless", "besides",
  };
  const char *s;
  guint n;

  if (i >= N_TOKS || (T (i)->flags & TF_DIGIT) || !(T (i)->flags & TF_WORD))
    return FALSE;
  if (cc_scan_tok_in (scan, i, scan->gaz->units) &&
      ((T (i)->flags & (TF_LOWER | TF_ALLCAPS)) || name_len_tok (scan, i) <= 3))
    return TRUE;
  if (!(T (i)->flags & TF_LOWER))
    return FALSE;
  s = tok_text (scan, i);
  n = T (i)->bend - T (i)->bstart;
  if (n < 3 || s[n - 1] != 's' || s[n - 2] == 's' || s[n - 2] == 'u' || s[n - 2] == '\'')
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (not_nouns); k++)
    if (not_nouns[k][0] == s[0] && cc_scan_tok_is (scan, i, not_nouns[k]))
      return FALSE;
  /* "a figure of 22.4 suggests that": a verb, not a noun */
  if (i + 1 < N_TOKS && (cc_scan_tok_is (scan, i + 1, "that") || cc_scan_tok_is (scan, i + 1, "he") ||
                         cc_scan_tok_is (scan, i + 1, "she") || cc_scan_tok_is (scan, i + 1, "it") ||
                         cc_scan_tok_is (scan, i + 1, "they") || cc_scan_tok_is (scan, i + 1, "the")))
    return FALSE;
  return TRUE;
}

static gboolean
is_function_word (CcScan *scan,
                  guint   i)
{
  static const char * const words[] = {
    "of", "in", "on", "at", "to", "for", "by", "from", "with", "the", "a", "an", "and",
    "or", "per", "than", "as", "its", "their", "his", "her", "that", "which", "who",
    "a", "year", "month", "week", "day", "more", "less", "times",
  };
  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    if (words[k][0] == g_ascii_tolower (*(scan->text + SCAN_TOK (scan, i)->bstart)) &&
        cc_scan_tok_is (scan, i, words[k]))
      return TRUE;
  return FALSE;
}

static gboolean
is_score_cue_before (CcScan *scan,
                     guint   i)
{
  static const char * const cues[] = {
    "scored", "scores", "scoring", "score", "achieved", "posted", "reached", "earned",
    "rating", "rated", "averaged",
  };
  static const char * const fillers[] = {
    "a", "an", "of", "score", "average", "overall", "just", "only", "the", "top",
    "highest", "record", "mark",
  };
  guint k = 0;

  /* Walk back over at most three filler words. */
  for (guint back = 1; back <= 4 && i >= back; back++)
    {
      guint j = i - back;
      gboolean filler = FALSE;

      if (!(T (j)->flags & TF_WORD) || T (j + 1)->flags & TF_NL_BEFORE)
        return FALSE;
      for (k = 0; k < G_N_ELEMENTS (cues); k++)
        if (cc_scan_tok_is (scan, j, cues[k]))
          return TRUE;
      for (k = 0; k < G_N_ELEMENTS (fillers); k++)
        if (cc_scan_tok_is (scan, j, fillers[k]))
          filler = TRUE;
      if (!filler)
        return FALSE;
    }
  return FALSE;
}

void
cc_scan_values (CcScan *scan)
{
  const CcGazetteer *gaz = scan->gaz;
  guint i = 0;

  while (i < N_TOKS)
    {
      CcTok *t = T (i);
      guint end;
      gboolean scaled = FALSE;

      scan->work++;

      /* MONEY with a symbol: "$14.3 billion", "US$ 5m", "€62 million" */
      if (!(t->flags & TF_WORD) || (t->flags & TF_ALLCAPS))
        {
          guint start = i;
          guint num = i + 1;
          gboolean symbol = FALSE;

          if (!(t->flags & TF_WORD))
            {
              char buf[8] = { 0 };
              g_unichar_to_utf8 (t->first, buf);
              symbol = g_hash_table_contains (gaz->currencies, buf);
              /* "US$": the letters glued before the symbol */
              if (symbol && i > 0 && glued (scan, i) && (T (i - 1)->flags & TF_CAP) &&
                  tok_len (scan, i - 1) <= 2 && !(T (i - 1)->flags & TF_CLAIMED))
                {
                  g_autofree char *pre = g_strdup_printf ("%.*s%s", (int)tok_len (scan, i - 1),
                                                          tok_text (scan, i - 1), buf);
                  if (g_hash_table_contains (gaz->currencies, pre))
                    start = i - 1;
                }
            }
          else if (tok_len (scan, i) == 3)
            {
              g_autofree char *code = g_strndup (tok_text (scan, i), 3);
              symbol = g_hash_table_contains (gaz->currencies, code) && same_line (scan, i + 1);
            }
          if (symbol && num < N_TOKS && same_line (scan, num) &&
              (end = match_number (scan, num, &scaled)) != 0 &&
              (T (num)->flags & TF_DIGIT))
            {
              if (start < i && T (start)->flags & TF_CLAIMED)
                start = i;
              claim (scan, start, end, CC_ENTITY_MONEY, CC_VALUE_MONEY);
              i = end;
              continue;
            }
        }

      if (t->flags & TF_CLAIMED)
        {
          i++;
          continue;
        }

      /* DATE */
      if ((end = match_date (scan, i)) != 0)
        {
          /* a year before a unit or "%" is a figure, not a date */
          if (!(end == i + 1 && (T (i)->flags & TF_NUMBER) &&
                (cc_scan_tok_in (scan, end, gaz->units) || tok_char (scan, end, '%'))))
            {
              claim (scan, i, end, CC_ENTITY_DATE, CC_VALUE_DATE);
              i = end;
              continue;
            }
        }

      /* Numbers: PERCENT, MONEY with a currency word, QUANTITY, SCORE */
      if ((end = match_number (scan, i, &scaled)) != 0)
        {
          gboolean digits = (T (i)->flags & TF_DIGIT) != 0;
          g_autofree char *word = NULL;

          /* A version number glued to a name ("Llama 4", "Model 3.5") is
           * left to the name chunker. */
          if (digits && !scaled && i > 0 && same_line (scan, i) &&
              (T (i - 1)->flags & (TF_CAP | TF_DIGIT)) && (T (i - 1)->flags & TF_WORD) &&
              !(T (i - 1)->flags & TF_CLAIMED) && !(T (i - 1)->flags & TF_POSS) &&
              !(T (i - 1)->flags & TF_SENT_START && !(T (i - 1)->flags & TF_DIGIT) &&
                cc_scan_tok_in (scan, i - 1, gaz->common_words)) &&
              !is_plural_noun (scan, end) && !tok_char (scan, end, '%'))
            {
              i++;
              continue;
            }

          if (same_line (scan, end) && (tok_char (scan, end, '%') ||
                                        cc_scan_tok_is (scan, end, "percent") ||
                                        cc_scan_tok_is (scan, end, "pct")))
            {
              claim (scan, i, end + 1, CC_ENTITY_PERCENT, CC_VALUE_PERCENT);
              i = end + 1;
              continue;
            }
          if (same_line (scan, end) && cc_scan_tok_is (scan, end, "per") &&
              cc_scan_tok_is (scan, end + 1, "cent"))
            {
              claim (scan, i, end + 2, CC_ENTITY_PERCENT, CC_VALUE_PERCENT);
              i = end + 2;
              continue;
            }
          if (same_line (scan, end) && end < N_TOKS && (T (end)->flags & TF_WORD))
            {
              word = g_utf8_casefold (tok_text (scan, end), T (end)->bend - T (end)->bstart);
              if (g_hash_table_contains (gaz->currencies, word) &&
                  (digits || scaled) && !(T (end)->flags & TF_CAP && !(T (end)->flags & TF_ALLCAPS)))
                {
                  claim (scan, i, end + 1, CC_ENTITY_MONEY, CC_VALUE_MONEY);
                  i = end + 1;
                  continue;
                }
            }
          if (same_line (scan, end) && is_plural_noun (scan, end))
            {
              claim (scan, i, end + 1, CC_ENTITY_QUANTITY, CC_VALUE_QUANTITY);
              i = end + 1;
              continue;
            }
          if (same_line (scan, end) && same_line (scan, end + 1) &&
              (T (end)->flags & TF_LOWER) && !is_function_word (scan, end) &&
              !(T (end)->flags & TF_DIGIT) && is_plural_noun (scan, end + 1))
            {
              claim (scan, i, end + 2, CC_ENTITY_QUANTITY, CC_VALUE_QUANTITY);
              i = end + 2;
              continue;
            }
          if (digits && !scaled && end == i + 1)
            {
              gboolean score;

              /* "87 out of 100", "8.5/10" */
              if (cc_scan_tok_is (scan, end, "out") && cc_scan_tok_is (scan, end + 1, "of") &&
                  end + 2 < N_TOKS && (T (end + 2)->flags & TF_NUMBER))
                {
                  claim (scan, i, end + 3, CC_ENTITY_SCORE, CC_VALUE_SCORE);
                  i = end + 3;
                  continue;
                }
              score = is_score_cue_before (scan, i);

              /* "42.8 on HealthBench", "52 on the X Index" */
              if (!score && cc_scan_tok_is (scan, end, "on") && same_line (scan, end + 1) &&
                  ((T (end + 1)->flags & TF_CAP) ||
                   (cc_scan_tok_is (scan, end + 1, "the") && end + 2 < N_TOKS &&
                    (T (end + 2)->flags & TF_CAP))))
                score = TRUE;
              /* "(20.6)" after a name */
              if (!score && tok_char (scan, i - 1, '(') && tok_char (scan, end, ')') && i >= 2 &&
                  (T (i - 2)->flags & TF_WORD) && (T (i - 2)->flags & (TF_CAP | TF_DIGIT)))
                score = TRUE;
              /* "87 out of 100", "8.5/10" */
              if (!score && cc_scan_tok_is (scan, end, "out") && cc_scan_tok_is (scan, end + 1, "of") &&
                  end + 2 < N_TOKS && (T (end + 2)->flags & TF_NUMBER))
                {
                  claim (scan, i, end + 3, CC_ENTITY_SCORE, CC_VALUE_SCORE);
                  i = end + 3;
                  continue;
                }
              if (score)
                {
                  claim (scan, i, end, CC_ENTITY_SCORE, CC_VALUE_SCORE);
                  i = end;
                  continue;
                }
            }
        }
      i++;
    }
}
