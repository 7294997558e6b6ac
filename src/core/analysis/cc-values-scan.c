/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-entities"

#include "config.h"

#include <string.h>

#include "cc-entities-private.h"
#include "cc-values.h"

/* Figures in running text (DATE, MONEY, PERCENT, QUANTITY, SCORE
 * mentions), over the tokens of cc-entities-scan.c: the span of each figure
 * with its hedge ("more than 30 seconds"), its kind of value, and the value
 * normalised by cc_value_parse_dated() and put in words for people by
 * cc_value_to_display(). Every loop moves forward over the tokens with a
 * bounded look-ahead, so the cost is linear in the length of the text.
 *
 * The entity types follow the news labelling conventions (OntoNotes):
 * durations, ages, times of day and relative dates are DATE; temperatures
 * and measures QUANTITY; clock-notation race and split times SCORE. */


/* ---- figures ---------------------------------------------------------- */

#define T(i) SCAN_TOK (scan, (i))
#define N_TOKS (scan->n_toks)

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

/* The normalised value and the words for people of a figure as written,
 * from cc_value_parse_dated(): a pure function of the surface, the kind,
 * the article's date and whether the text names another dollar. Figures
 * recur within and across the articles of a story ("2026", "$14.3
 * billion", "40%"), so the results are kept in a table of the thread's
 * workspace (cc-entities.c), emptied when it grows past FIGURE_MEMO_MAX
 * entries. */
#define FIGURE_MEMO_MAX 8192

typedef struct
{
  char *value;      /* NULL when the surface parses as nothing */
  char *canonical;
} FigureWords;

static void
figure_words_free (FigureWords *w)
{
  g_free (w->value);
  g_free (w->canonical);
  g_free (w);
}

static FigureWords *
figure_words_compute (const char   *surface,
                      CcValueKind   kind,
                      gboolean      other_dollar,
                      const GDate  *reference,
                      gboolean      ahead)
{
  FigureWords *w = g_new0 (FigureWords, 1);
  g_autoptr(CcValue) value = NULL;

  value = cc_value_parse_dated_tense (surface, kind, reference, ahead);
  if (value == NULL && kind != CC_VALUE_NONE)
    value = cc_value_parse_dated_tense (surface, CC_VALUE_NONE, reference, ahead);
  if (value != NULL && value->kind == CC_VALUE_MONEY && other_dollar &&
      g_strcmp0 (value->currency, "USD") == 0)
    {
      /* a bare "$" in a text about another dollar */
      const char *s = surface + cc_value_parse_qualifier (surface, &(CcValueQualifier){ 0 });

      if (s[0] == '$' && (g_ascii_isdigit (s[1]) || s[1] == ' '))
        {
          g_free (value->currency);
          value->currency = g_strdup ("USD?");
        }
    }
  if (value != NULL)
    {
      w->value = cc_value_to_string (value);
      /* people read the value in words; the normalised form stays in value */
      w->canonical = cc_value_to_display (value);
    }
  else
    w->canonical = g_strdup (surface);
  return w;
}

/* Whether the figure of tokens @from..@to (exclusive) is a weekday without
 * a date ("on Monday") in a sentence that speaks of the future ("the
 * ferry will return on Monday"): then it is a day to come. Looks at most
 * at a few dozen tokens either side, in the figure's sentence. */
static gboolean
weekday_ahead (CcScan *scan,
               guint   from,
               guint   to)
{
  gboolean weekday = FALSE;
  guint first = from, last = to;

  if (scan->reference == NULL)
    return FALSE;
  for (guint i = from; i < to; i++)
    {
      if (T (i)->flags & TF_DIGIT)
        return FALSE;
      if (T (i)->flags & TF_WORD &&
          cc_value_weekday_from_word (tok_text (scan, i), T (i)->bend - T (i)->bstart) != 0)
        weekday = TRUE;
    }
  if (!weekday)
    return FALSE;
  while (first > 0 && from - first < 40 &&
         !(T (first)->flags & (TF_SENT_START | TF_NL_BEFORE)))
    first--;
  while (last < N_TOKS && last - to < 40 &&
         !(T (last)->flags & (TF_SENT_START | TF_NL_BEFORE)))
    last++;
  return cc_value_weekday_is_ahead (tok_text (scan, first), T (from)->bstart - T (first)->bstart,
                                    scan->text + T (to - 1)->bend,
                                    last > to ? T (last - 1)->bend - T (to - 1)->bend : 0);
}

static gboolean mentions_other_dollar (CcScan *scan);

static void
claim (CcScan       *scan,
       guint         from,
       guint         to,     /* exclusive */
       CcEntityType  type,
       CcValueKind   kind,
       int          *text_other_dollar)   /* -1 until known */
{
  CcTok *a = T (from);
  CcTok *b = T (to - 1);
  gboolean other_dollar = FALSE;
  FigureWords *w;
  GString *key = scan->scratch;
  gboolean ahead = weekday_ahead (scan, from, to);

  for (guint i = from; i < to; i++)
    T (i)->flags |= TF_CLAIMED;
  /* Whether the text names another dollar matters only to a figure with a
   * "$": asked of the text once, when the first such figure is met. */
  if (memchr (scan->text + a->bstart, '$', b->bend - a->bstart) != NULL)
    {
      if (*text_other_dollar < 0)
        *text_other_dollar = mentions_other_dollar (scan);
      other_dollar = *text_other_dollar;
    }
  /* a bare count may have become a range of measures: "10–15 mph" */
  if (kind == CC_VALUE_SCORE && type == CC_ENTITY_QUANTITY && to > from + 1)
    kind = CC_VALUE_NONE;

  /* the key: kind, other dollar and date as bytes, then the surface */
  {
    guint julian = scan->reference != NULL ? g_date_get_julian (scan->reference) : 0;
    char head[8];

    head[0] = 'A' + (char)kind;
    head[1] = other_dollar ? (ahead ? 'D' : '$') : (ahead ? 'F' : '-');
    for (guint k = 0; k < 5; k++)
      head[2 + k] = 'A' + (char)((julian >> (4 * k)) & 0xf);
    head[7] = ((julian >> 20) & 0xf) + 'A';
    g_string_truncate (key, 0);
    g_string_append_len (key, head, sizeof head);
    g_string_append_len (key, scan->text + a->bstart, b->bend - a->bstart);
  }

  if (*scan->figure_memo == NULL)
    *scan->figure_memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify)figure_words_free);
  w = g_hash_table_lookup (*scan->figure_memo, key->str);
  if (w == NULL)
    {
      /* the surface, after the head of the key */
      w = figure_words_compute (key->str + 8, kind, other_dollar, scan->reference, ahead);
      if (g_hash_table_size (*scan->figure_memo) >= FIGURE_MEMO_MAX)
        g_hash_table_remove_all (*scan->figure_memo);
      g_hash_table_replace (*scan->figure_memo, g_strndup (key->str, key->len), w);
    }
  cc_scan_add_mention (scan, a->cstart, b->cend, a->bstart, b->bend, type, w->canonical, -1,
                       w->value);
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

/* ---- cue words: the words that may start a figure ---------------------- */

enum
{
  CUE_HEDGE    = 1 << 0,   /* may start a hedge */
  CUE_RELATIVE = 1 << 1,   /* may start a relative date */
  CUE_OTHER    = 1 << 2,   /* "between", "aged", "half", "a", "an" */
  CUE_NUMBER   = 1 << 3,   /* a number word: "three", "twenty", "dozen" */
  CUE_HEDGE1   = 1 << 4,   /* a hedge of one word: "nearly", "about" */
  CUE_KNOWN    = 1 << 7,   /* the bits of this token are computed */
};

/* The cue words in a small open-addressing table: a token is hashed on
 * its length and three letters, folded to lower case on the fly, with no
 * copy. Words of 16 bytes or more are no cue. */
#define CUE_SLOTS 256

typedef struct
{
  char   word[16];
  guint8 len;
  guint8 bits;
} CueSlot;

static inline guint
cue_hash (const char *s,
          guint       n)
{
#define CUE_LOWER(c) ((guchar)((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c)))
  return (n * 31u + CUE_LOWER (s[0]) * 7u + CUE_LOWER (s[n - 1]) * 3u + CUE_LOWER (s[n / 2])) %
         CUE_SLOTS;
}

/* A filter before the table: one bit per length, first and last letter
 * (in either case: c & 31), set for the cue words. Most words of a text
 * have no bit set and are no cue, with no hash to compute. */
static guint64 cue_filter[16 * 32 * 32 / 64];

static inline guint
cue_filter_index (const char *s,
                  guint       n)
{
  return (n << 10) | (((guchar)s[0] & 31u) << 5) | ((guchar)s[n - 1] & 31u);
}

static void
cue_table_add (CueSlot    *table,
               const char *word,
               guint       bits)
{
  guint n = strlen (word);
  guint h = cue_hash (word, n);
  guint f = cue_filter_index (word, n);

  cue_filter[f / 64] |= G_GUINT64_CONSTANT (1) << (f % 64);

  g_assert (n > 0 && n < 16);
  while (table[h].len != 0 && !(table[h].len == n && memcmp (table[h].word, word, n) == 0))
    h = (h + 1) % CUE_SLOTS;
  memcpy (table[h].word, word, n);
  table[h].len = n;
  table[h].bits = bits;
}

static guint
cue_table_lookup (const CueSlot *table,
                  const char    *s,
                  guint          n)
{
  guint h;

  if (n == 0 || n >= 16)
    return 0;
  h = cue_filter_index (s, n);
  if (!(cue_filter[h / 64] & (G_GUINT64_CONSTANT (1) << (h % 64))))
    return 0;
  for (h = cue_hash (s, n); table[h].len != 0; h = (h + 1) % CUE_SLOTS)
    if (table[h].len == n)
      {
        guint k = 0;

        while (k < n && CUE_LOWER (s[k]) == (guchar)table[h].word[k])
          k++;
        if (k == n)
          return table[h].bits;
      }
  return 0;
#undef CUE_LOWER
}

/* Written once, by g_once_init_leave(); cue_table_init() runs before any
 * read on every thread, so the reads need no barrier of their own. */
static CueSlot *cue_table;

/* The cue bits of a lower-case word: one hash look-up instead of many
 * comparisons for the words that start no figure, nearly all of them. */
static void
cue_table_init (void)
{
  if (g_once_init_enter (&cue_table))
    {
#define H1 (CUE_HEDGE | CUE_HEDGE1)
      static const struct { const char *word; guint bits; } words[] = {
        /* the first words of hedges of two or three words (hedge_at()) */
        { "more", CUE_HEDGE }, { "less", CUE_HEDGE }, { "fewer", CUE_HEDGE }, { "at", CUE_HEDGE },
        { "up", CUE_HEDGE }, { "just", CUE_HEDGE }, { "close", CUE_HEDGE }, { "well", CUE_HEDGE },
        { "upwards", CUE_HEDGE }, { "no", CUE_HEDGE }, { "as", CUE_HEDGE }, { "in", CUE_HEDGE },
        /* hedges of one word */
        { "over", H1 }, { "under", H1 }, { "nearly", H1 }, { "almost", H1 }, { "about", H1 },
        { "around", H1 }, { "approximately", H1 }, { "roughly", H1 }, { "some", H1 },
        { "sub", H1 }, { "circa", H1 }, { "below", H1 }, { "above", H1 }, { "several", H1 },
        { "today", CUE_RELATIVE }, { "yesterday", CUE_RELATIVE }, { "tomorrow", CUE_RELATIVE },
        { "tonight", CUE_RELATIVE }, { "earlier", CUE_RELATIVE }, { "later", CUE_RELATIVE },
        { "this", CUE_RELATIVE }, { "last", CUE_RELATIVE }, { "next", CUE_RELATIVE },
        { "past", CUE_RELATIVE }, { "the", CUE_RELATIVE },
        { "between", CUE_OTHER }, { "aged", CUE_OTHER }, { "half", CUE_OTHER }, { "a", CUE_OTHER },
        { "an", CUE_OTHER }, { "early", CUE_OTHER }, { "mid", CUE_OTHER }, { "late", CUE_OTHER },
        { "spring", CUE_OTHER }, { "summer", CUE_OTHER }, { "autumn", CUE_OTHER },
        { "fall", CUE_OTHER }, { "winter", CUE_OTHER }, { "end", CUE_OTHER },
        { "beginning", CUE_OTHER }, { "start", CUE_OTHER }, { "middle", CUE_OTHER },
        { "first", CUE_OTHER }, { "second", CUE_OTHER },
      };
#undef H1
      static const char * const numbers[] = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety", "dozen", "hundred",
      };
      CueSlot *table = g_new0 (CueSlot, CUE_SLOTS);

      for (guint k = 0; k < G_N_ELEMENTS (words); k++)
        cue_table_add (table, words[k].word, words[k].bits);
      for (guint k = 0; k < G_N_ELEMENTS (numbers); k++)
        cue_table_add (table, numbers[k], CUE_NUMBER);
      g_once_init_leave (&cue_table, table);
    }
}

/* cue_table_init() has run (cc_scan_values() makes sure). */
static inline guint
cue_bits (CcScan *scan,
          guint   i)
{
  if (i >= N_TOKS || !(T (i)->flags & TF_WORD) || (T (i)->flags & TF_DIGIT))
    return 0;
  if (scan->cues == NULL)
    return cue_table_lookup (cue_table, tok_text (scan, i), T (i)->bend - T (i)->bstart);
  /* looked up once per token */
  if (!(scan->cues[i] & CUE_KNOWN))
    scan->cues[i] = CUE_KNOWN | cue_table_lookup (cue_table, tok_text (scan, i),
                                                  T (i)->bend - T (i)->bstart);
  return scan->cues[i] & ~CUE_KNOWN;
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

/* The token lower-cased in the scan's scratch buffer (ASCII, at most 15
 * bytes; longer or non-ASCII tokens give ""): valid until the next call. */
static const char *
tok_text_lower (CcScan *scan,
                guint   i)
{
  char *buf = scan->lower;
  const char *s = tok_text (scan, i);
  guint n = T (i)->bend - T (i)->bstart;

  if (n >= sizeof scan->lower)
    n = 0;
  for (guint k = 0; k < n; k++)
    {
      if ((guchar)s[k] >= 0x80)
        {
          n = 0;
          break;
        }
      buf[k] = s[k] >= 'A' && s[k] <= 'Z' ? s[k] + ('a' - 'A') : s[k];
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
      /* "Sunday 8 October 2023" */
      if (same_line (scan, next) && day_of_tok (scan, next) && same_line (scan, next + 1))
        {
          guint mend = 0;
          gboolean full = FALSE;

          if (month_of_tok (scan, next + 1, &mend, &full))
            return same_line (scan, mend) && is_year_tok (scan, mend) ? mend + 1 : mend;
        }
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
      /* the cue table's bit first: every date word has it */
      (!(cue_bits (scan, i) & CUE_OTHER) ||
       !g_hash_table_contains (date_words (), tok_text_lower (scan, i))))
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
      /* "1998-1999" */
      if (n == 9 && s[4] == '-' && is_year_tok (scan, i) == FALSE && g_ascii_isdigit (s[0]) &&
          g_ascii_isdigit (s[5]) && (s[0] == '1' || s[0] == '2') && (s[5] == '1' || s[5] == '2'))
        return i + 1;
      /* "18/3/25", "3/18/2025": a numeric date */
      {
        guint slashes = 0, digits = 0;

        for (guint k = 0; k < n; k++)
          s[k] == '/' ? slashes++ : g_ascii_isdigit (s[k]) ? digits++ : 0;
        if (slashes == 2 && digits == n - 2 && n >= 6 && n <= 10 && s[n - 1] != '/')
          return i + 1;
      }
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
  if (cc_scan_tok_has (scan, i, CC_LEX_UNIT) &&
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

/* ---- hedges, times, durations, ranges ---------------------------------- */

/* A hedge written before a figure ("more than", "nearly", "just over",
 * "sub"): the number of its tokens, or 0. "just" alone and "an estimated"
 * are not part of the figure. */
static guint
hedge_at (CcScan *scan,
          guint   i)
{
  static const char * const two[][2] = {
    { "more", "than" }, { "less", "than" }, { "fewer", "than" }, { "at", "least" },
    { "at", "most" }, { "up", "to" }, { "just", "over" }, { "just", "under" },
    { "just", "before" }, { "just", "after" }, { "close", "to" }, { "well", "over" },
    { "upwards", "of" }, { "no", "more" },
  };
  char c0;
  guint bits;

  if (i >= N_TOKS || !(T (i)->flags & (TF_LOWER | TF_CAP)) || !same_line (scan, i + 1))
    {
      if (tok_char (scan, i, '~') && glued (scan, i + 1))
        return 1;
      return 0;
    }
  bits = cue_bits (scan, i);
  if (!(bits & CUE_HEDGE))
    return 0;
  /* "nearly", "about" (the cue table's words of one hedge word) */
  if (bits & CUE_HEDGE1)
    return 1;
  c0 = g_ascii_tolower (tok_text (scan, i)[0]);
  for (guint k = 0; k < G_N_ELEMENTS (two); k++)
    if (two[k][0][0] == c0 && cc_scan_tok_is (scan, i, two[k][0]) && cc_scan_tok_is (scan, i + 1, two[k][1]))
      {
        if (k == G_N_ELEMENTS (two) - 1)
          return cc_scan_tok_is (scan, i + 2, "than") ? 3 : 0;
        return 2;
      }
  if (cc_scan_tok_is (scan, i, "as") && (cc_scan_tok_is (scan, i + 1, "many") ||
                                         cc_scan_tok_is (scan, i + 1, "much")) &&
      cc_scan_tok_is (scan, i + 2, "as"))
    return 3;
  if (cc_scan_tok_is (scan, i, "in") && cc_scan_tok_is (scan, i + 1, "excess") &&
      cc_scan_tok_is (scan, i + 2, "of"))
    return 3;
  return 0;
}

static gboolean
tok_digits (CcScan *scan,
            guint   i,
            guint   min,
            guint   max)
{
  guint n;
  const char *s;

  if (i >= N_TOKS || !(T (i)->flags & TF_NUMBER))
    return FALSE;
  n = tok_len (scan, i);
  s = tok_text (scan, i);
  if (n < min || n > max)
    return FALSE;
  for (guint k = 0; k < n; k++)
    if (!g_ascii_isdigit (s[k]))
      return FALSE;
  return TRUE;
}

/* "am", "a.m.", "PM": the token after it, or 0. */
static guint
meridiem_at (CcScan *scan,
             guint   i)
{
  if (!same_line (scan, i))
    return 0;
  if (cc_scan_tok_is (scan, i, "am") || cc_scan_tok_is (scan, i, "pm") ||
      cc_scan_tok_is (scan, i, "a.m") || cc_scan_tok_is (scan, i, "p.m"))
    {
      if (tok_char (scan, i + 1, '.') && glued (scan, i + 1) &&
          !(cc_scan_tok_is (scan, i, "am") || cc_scan_tok_is (scan, i, "pm")))
        return i + 2;
      if (tok_char (scan, i + 1, '.') && glued (scan, i + 1) && i + 2 < N_TOKS &&
          (T (i + 2)->flags & TF_LOWER))
        return i + 2;
      return i + 1;
    }
  return 0;
}

/* A zone after a time: "IST", "(IST)", "ET", "UAE time", "local time". */
static guint
zone_at (CcScan *scan,
         guint   i)
{
  guint j = i;

  if (!same_line (scan, i))
    return 0;
  if (tok_char (scan, j, '('))
    j++;
  if (j < N_TOKS && (T (j)->flags & TF_WORD) &&
      cc_value_zone (tok_text (scan, j), T (j)->bend - T (j)->bstart, NULL, NULL) &&
      (T (j)->flags & TF_ALLCAPS || tok_len (scan, j) == 1))
    {
      if (tok_len (scan, j) == 1 && !(T (j)->flags & TF_CAP))
        return 0;
      j++;
    }
  else if (j + 1 < N_TOKS && (T (j)->flags & (TF_CAP | TF_LOWER)) && cc_scan_tok_is (scan, j + 1, "time") &&
           same_line (scan, j + 1) &&
           ((T (j)->flags & TF_CAP) || cc_scan_tok_is (scan, j, "local")))
    j += 2;
  else
    return 0;
  if (j > i && tok_char (scan, i, '('))
    {
      if (!tok_char (scan, j, ')'))
        return 0;
      j++;
    }
  return j;
}

/* Clock notation at @i: "13:38", "2:00:35", "10:01PM", "1.05 am", "6 p.m.",
 * "0505 GMT". Sets @parts (2 or 3 numbers) and @time when am/pm or a zone
 * says it is a time of day. Returns the end token or 0. */
static guint
clock_at (CcScan   *scan,
          guint     i,
          guint    *parts,
          gboolean *time)
{
  guint end, z, m;

  *parts = 1;
  *time = FALSE;
  if (i >= N_TOKS || !(T (i)->flags & TF_DIGIT) || !(T (i)->flags & TF_WORD))
    return 0;
  if (tok_digits (scan, i, 1, 3) && tok_char (scan, i + 1, ':') && glued (scan, i + 1) &&
      i + 2 < N_TOKS && glued (scan, i + 2) && (T (i + 2)->flags & TF_DIGIT))
    {
      const char *mm = tok_text (scan, i + 2);
      guint n = tok_len (scan, i + 2);

      if (n < 2 || !g_ascii_isdigit (mm[0]) || !g_ascii_isdigit (mm[1]))
        return 0;
      end = i + 3;
      *parts = 2;
      if (n > 2)
        {
          /* "10:01PM" */
          if (!(n == 4 && (g_ascii_strncasecmp (mm + 2, "am", 2) == 0 ||
                           g_ascii_strncasecmp (mm + 2, "pm", 2) == 0)))
            return 0;
          *time = TRUE;
        }
      else if (tok_char (scan, end, ':') && glued (scan, end) && tok_digits (scan, end + 1, 2, 2) &&
               glued (scan, end + 1))
        {
          end += 2;
          *parts = 3;
        }
    }
  else if (tok_len (scan, i) >= 4 && tok_len (scan, i) <= 5 && (T (i)->flags & TF_NUMBER) &&
           tok_text (scan, i)[tok_len (scan, i) - 3] == '.' &&
           (meridiem_at (scan, i + 1) || zone_at (scan, i + 1)))
    {
      end = i + 1;   /* "1.05 am", "9.05 am UAE time" */
      *parts = 2;
    }
  else if (tok_digits (scan, i, 4, 4) && zone_at (scan, i + 1) &&
           g_ascii_strtoll (tok_text (scan, i), NULL, 10) % 100 < 60 &&
           g_ascii_strtoll (tok_text (scan, i), NULL, 10) < 2400)
    {
      *time = TRUE;  /* "0505 GMT" */
      return zone_at (scan, i + 1);
    }
  else if (tok_digits (scan, i, 1, 2) && meridiem_at (scan, i + 1))
    end = i + 1;   /* "6 p.m." */
  else
    return 0;
  if ((m = meridiem_at (scan, end)) != 0)
    end = m, *time = TRUE;
  else if (*parts == 1)
    return 0;
  if ((z = zone_at (scan, end)) != 0)
    end = z, *time = TRUE;
  return end;
}

/* Words before a bare "13:38" that make it a time of day. */
/* Whether the word before token @i, on its line, is one of @words. */
static gboolean
word_before_in (CcScan             *scan,
                guint               i,
                const char * const *words,
                guint               n_words)
{
  if (i == 0 || !same_line (scan, i) || !(T (i - 1)->flags & TF_WORD))
    return FALSE;
  for (guint k = 0; k < n_words; k++)
    if (cc_scan_tok_is (scan, i - 1, words[k]))
      return TRUE;
  return FALSE;
}

static gboolean
time_cue_before (CcScan *scan,
                 guint   i)
{
  static const char * const cues[] = {
    "at", "by", "from", "until", "till", "since", "before", "after", "around", "about",
  };

  return word_before_in (scan, i, cues, G_N_ELEMENTS (cues));
}

static gboolean
time_unit_tok (CcScan *scan,
               guint   i)
{
  return i < N_TOKS && (T (i)->flags & TF_WORD) && !(T (i)->flags & TF_DIGIT) &&
         tok_len (scan, i) > 1 &&
         cc_value_time_unit (tok_text (scan, i), T (i)->bend - T (i)->bstart) > 0;
}

/* A token "nine-month", "17-hour", "287-Day", "week-long", "weeklong",
 * "one-and-a-half-minutes", "23-year-old": a duration or age in one word.
 * Returns 1 for a duration, 2 for an age, 0 otherwise. */
static guint
hyphen_time_word (CcScan *scan,
                  guint   i)
{
  const char *s, *dash = NULL;
  guint n;

  if (i >= N_TOKS || !(T (i)->flags & TF_WORD))
    return 0;
  s = tok_text (scan, i);
  n = T (i)->bend - T (i)->bstart;
  if (n > 9 && (g_strstr_len (s, n, "-year-old") == s + n - 9 ||
                g_strstr_len (s, n, "-years-old") == s + n - 10))
    return 2;
  if (n > 4 && g_ascii_strncasecmp (s + n - 4, "long", 4) == 0 &&
      cc_value_time_unit (s, n - (s[n - 5] == '-' ? 5 : 4)) > 0)
    return 1;
  for (guint k = n; k > 0; k--)
    if (s[k - 1] == '-')
      {
        dash = s + k - 1;
        break;
      }
  if (dash == NULL || dash == s)
    return 0;
  if (cc_value_time_unit (dash + 1, s + n - dash - 1) == 0 || s + n - dash - 1 < 3)
    return 0;
  {
    const char *head_end = dash;
    const char *first_dash = memchr (s, '-', dash - s);

    if (g_ascii_isdigit (s[0]))
      {
        for (const char *q = s; q < head_end; q++)
          if (!g_ascii_isdigit (*q) && *q != '.' && *q != ',')
            return 0;
        return 1;
      }
    if (first_dash != NULL && first_dash != dash)
      {
        /* "one-and-a-half-minutes", "twenty-five-year" */
        if (g_strstr_len (s, dash - s, "-and-a-half") != NULL ||
            (cc_value_number_word (s, first_dash - s) >= 20 &&
             cc_value_number_word (first_dash + 1, dash - first_dash - 1) > 0))
          return 1;
        return 0;
      }
    if (cc_value_number_word (s, dash - s) > 0 && !cc_scan_tok_is (scan, i, "one-day"))
      return 1;
  }
  return 0;
}

/* A number word sequence or digits at @i (match_number), extended over
 * "four hundred", "one hundred and twenty", "a half". */
static guint
number_at (CcScan   *scan,
           guint     i,
           gboolean *scaled)
{
  guint end = match_number (scan, i, scaled);

  if (end == 0)
    return 0;
  /* "four hundred", "two thousand" */
  while (end < N_TOKS && end < i + 6 && same_line (scan, end) && !*scaled &&
         !(T (i)->flags & TF_DIGIT) &&
         (cc_scan_tok_is (scan, end, "hundred") || cc_scan_tok_is (scan, end, "thousand") ||
          (cc_scan_tok_is (scan, end, "and") && cc_scan_tok_is (scan, end - 1, "hundred") &&
           end + 1 < N_TOKS && cc_value_number_word (tok_text (scan, end + 1),
                                                     tok_len (scan, end + 1)) > 0)))
    end += cc_scan_tok_is (scan, end, "and") ? 2 : 1;
  return end;
}

/* A duration from @i: "three minutes and 27 seconds", "286 days and 7 hours",
 * "half a minute", "a year", "2 hours, 35 seconds". Returns the end or 0;
 * @n_parts counts the units, @has_hours and @has_seconds say which. */
static guint
duration_at (CcScan   *scan,
             guint     i,
             guint    *n_parts,
             gboolean *hours_and_seconds)
{
  guint end = i;
  gboolean hours = FALSE, seconds = FALSE;

  *n_parts = 0;
  for (;;)
    {
      gboolean scaled = FALSE;
      guint num, next;

      if (cc_scan_tok_is (scan, end, "half") && (cc_scan_tok_is (scan, end + 1, "a") ||
                                                 cc_scan_tok_is (scan, end + 1, "an")))
        num = end + 2;
      else if ((cc_scan_tok_is (scan, end, "a") || cc_scan_tok_is (scan, end, "an")) &&
               *n_parts == 0)
        num = end + 1;
      else if ((num = number_at (scan, end, &scaled)) == 0 || scaled)
        break;
      if (tok_char (scan, num, '+') && glued (scan, num))
        num++;
      if (cc_scan_tok_is (scan, num, "and") && cc_scan_tok_is (scan, num + 1, "a") &&
          cc_scan_tok_is (scan, num + 2, "half"))
        num += 3;
      if (!same_line (scan, num) || !time_unit_tok (scan, num))
        break;
      if (cc_scan_tok_is (scan, num, "hours") || cc_scan_tok_is (scan, num, "hour"))
        hours = TRUE;
      if (cc_scan_tok_is (scan, num, "seconds") || cc_scan_tok_is (scan, num, "second"))
        seconds = TRUE;
      end = num + 1;
      (*n_parts)++;
      /* ", 35 seconds", "and 27 seconds", "and a bit" */
      next = end;
      if ((tok_char (scan, next, ',') || cc_scan_tok_is (scan, next, "and")) && same_line (scan, next + 1))
        next++;
      if (next == end)
        break;
      if (cc_scan_tok_is (scan, next, "a") && cc_scan_tok_is (scan, next + 1, "bit"))
        {
          end = next + 2;
          break;
        }
      {
        guint probe_parts = 0;
        gboolean hs = FALSE;
        gboolean s2 = FALSE;
        guint probe = next;

        (void)s2;
        if (!((T (probe)->flags & TF_DIGIT) || cc_value_number_word (tok_text (scan, probe),
                                                                     tok_len (scan, probe)) > 0))
          break;
        if (number_at (scan, probe, &hs) == 0 || hs)
          break;
        if (!time_unit_tok (scan, number_at (scan, probe, &hs)))
          break;
        (void)probe_parts;
        end = next;
      }
    }
  *hours_and_seconds = hours && seconds;
  return *n_parts > 0 ? end : 0;
}

/* The letters glued after the digits of token @i ("km" of "32km", "C" of
 * "8C", "-km" of "35-km", "K" of "35K"): a unit, a temperature or nothing. */
static gboolean
glued_unit_tok (CcScan *scan,
                guint   i)
{
  const char *s;
  guint n, k = 0;

  if (i >= N_TOKS || !(T (i)->flags & TF_WORD) || !(T (i)->flags & TF_DIGIT) ||
      !g_ascii_isdigit (tok_text (scan, i)[0]))
    return FALSE;
  s = tok_text (scan, i);
  n = T (i)->bend - T (i)->bstart;
  while (k < n && (g_ascii_isdigit (s[k]) || s[k] == '.' || s[k] == ','))
    k++;
  /* "30-35km", "10-12C": a range in one token */
  if (k < n && (s[k] == '-' || strncmp (s + k, "–", 3) == 0) && k + 1 < n)
    {
      guint j = k + (s[k] == '-' ? 1 : 3);
      if (j < n && g_ascii_isdigit (s[j]))
        {
          k = j;
          while (k < n && (g_ascii_isdigit (s[k]) || s[k] == '.' || s[k] == ','))
            k++;
        }
    }
  if (k == n)
    return FALSE;
  if (s[k] == '-')
    k++;
  if (k == n)
    return FALSE;
  if (n - k == 1 && (s[k] == 'C' || s[k] == 'F'))
    return TRUE;
  return cc_value_unit_symbol (s + k, n - k) != NULL ||
         ((n - k == 6 || n - k == 7) && g_ascii_strncasecmp (s + k, "degree", 6) == 0);
}

/* "°C", "° F", "degrees Celsius", "degrees": the end, or 0. */
static guint
temperature_after (CcScan *scan,
                   guint   i)
{
  if (!same_line (scan, i))
    return 0;
  if (i < N_TOKS && !(T (i)->flags & TF_WORD) && T (i)->first == 0xB0)
    {
      if (glued (scan, i + 1) && (cc_scan_tok_is (scan, i + 1, "c") || cc_scan_tok_is (scan, i + 1, "f")))
        return i + 2;
      return i + 1;
    }
  if (cc_scan_tok_is (scan, i, "degrees") || cc_scan_tok_is (scan, i, "degree"))
    {
      if (cc_scan_tok_is (scan, i + 1, "celsius") || cc_scan_tok_is (scan, i + 1, "fahrenheit") ||
          cc_scan_tok_is (scan, i + 1, "centigrade") ||
          ((cc_scan_tok_is (scan, i + 1, "c") || cc_scan_tok_is (scan, i + 1, "f")) &&
           (T (i + 1)->flags & TF_CAP)))
        return i + 2;
      return i + 1;
    }
  return 0;
}

/* A unit of measure written apart: "10 km", "17,000 mph", "2,000 ft". */
static gboolean
unit_tok (CcScan *scan,
          guint   i)
{
  guint n;

  if (i >= N_TOKS || !(T (i)->flags & TF_WORD) || (T (i)->flags & TF_DIGIT))
    return FALSE;
  n = T (i)->bend - T (i)->bstart;
  if (n == 1 && !(cc_scan_tok_is (scan, i, "m") || cc_scan_tok_is (scan, i, "g")))
    return FALSE;
  return cc_value_unit_symbol (tok_text (scan, i), n) != NULL;
}

/* Extends a quantity over "per day", "per second", "a day". */
static guint
per_after (CcScan *scan,
           guint   end)
{
  if (same_line (scan, end) && cc_scan_tok_is (scan, end, "per") && same_line (scan, end + 1) &&
      end + 1 < N_TOKS && (T (end + 1)->flags & TF_LOWER) && !(T (end + 1)->flags & TF_DIGIT) &&
      !cc_scan_tok_is (scan, end + 1, "the") && !cc_scan_tok_is (scan, end + 1, "a") &&
      !cc_scan_tok_is (scan, end + 1, "cent"))
    return end + 2;
  return end;
}

/* A plural noun after up to three modifiers ("three Hindi heartland
 * states", "five marathon world records"): the end, or 0. */
static guint
counted_noun_at (CcScan *scan,
                 guint   i)
{
  for (guint k = 0; k < 4 && i + k < N_TOKS; k++)
    {
      guint j = i + k;

      if (!same_line (scan, j) || !(T (j)->flags & TF_WORD))
        return 0;
      if (is_plural_noun (scan, j))
        {
          /* "543 Lok Sabha constituencies", "two NASA astronauts": a name
           * before the noun makes a named group, the count stands alone;
           * "three Hindi heartland states" keeps its adjective */
          if (k > 0 && (T (j - 1)->flags & TF_CAP))
            return 0;
          /* "two times": how often, not a count of things */
          if (k == 0 && cc_scan_tok_is (scan, j, "times") && !(T (i - 1)->flags & TF_DIGIT) &&
              cc_value_number_word (tok_text (scan, i - 1), tok_len (scan, i - 1)) >= 0 &&
              cc_value_number_word (tok_text (scan, i - 1), tok_len (scan, i - 1)) < 10)
            return 0;
          return j + 1;
        }
      /* "MPs", "CEOs" */
      if (tok_len (scan, j) >= 3 && tok_text (scan, j)[tok_len (scan, j) - 1] == 's' &&
          (T (j)->flags & TF_CAP) && tok_len (scan, j) <= 5 && g_ascii_isupper (tok_text (scan, j)[1]))
        return j + 1;
      if (is_function_word (scan, j) || (T (j)->flags & TF_POSS) || (T (j)->flags & TF_DIGIT) ||
          cc_scan_tok_is (scan, j, "if") || cc_scan_tok_is (scan, j, "when") ||
          (T (j)->flags & TF_SENT_START) || cc_scan_tok_has (scan, j, CC_LEX_UNIT))
        return 0;
      if ((T (j)->flags & TF_LOWER) && cc_scan_tok_has (scan, j, CC_LEX_COMMON) && k > 0)
        return 0;
      if (k == 3)
        return 0;
    }
  return 0;
}

/* A second figure joined to the one ending at @end: "to $135 billion",
 * "–8C", "and 10 degrees Celsius" (after "between"). Returns the new end. */

typedef struct
{
  guint         end;
  CcEntityType  type;
  CcValueKind   kind;
} Figure;

static gboolean figure_at (CcScan *scan, guint i, Figure *f);
static guint range_rest (CcScan *scan, guint end, gboolean between, CcValueKind kind,
                         Figure *second);

/* A change told before the figure at token @i: "rose $1.50 to $82.30",
 * "cut 0.25 to 4.5%" are a change and a level, not a range. */
static gboolean
change_before (CcScan *scan,
               guint   i)
{
  static const char * const verbs[] = {
    "rose", "fell", "climbed", "dropped", "gained", "jumped", "slipped", "slid", "increased",
    "decreased", "grew", "declined", "surged", "plunged", "tumbled", "sank", "soared", "rallied",
    "eased", "raised", "lowered", "lifted", "trimmed", "added", "lost", "up", "down",
  };

  return i > 0 && (T (i - 1)->flags & TF_LOWER) && word_before_in (scan, i, verbs, G_N_ELEMENTS (verbs));
}

static guint
range_rest (CcScan      *scan,
            guint        end,
            gboolean     between,
            CcValueKind  kind,      /* of the second figure; CC_VALUE_NONE: any */
            Figure      *second_out)   /* nullable: the second figure, if any */
{
  Figure second;
  guint j = end;

  if (!same_line (scan, j))
    return end;
  /* "from 8 days to 286 days": a complete measure before "to" is where a
   * change starts; a range writes its unit once ("8 to 10 days") */
  if (!between && cc_scan_tok_is (scan, j, "to") && j > 0 && (T (j - 1)->flags & TF_WORD) &&
      !(T (j - 1)->flags & TF_DIGIT) && time_unit_tok (scan, j - 1))
    return end;
  if (between && cc_scan_tok_is (scan, j, "and"))
    j++;
  else if (!between && (cc_scan_tok_is (scan, j, "to") ||
                        (!(T (j)->flags & TF_WORD) && (T (j)->first == 0x2013 || T (j)->first == '-' ||
                                                        T (j)->first == '~'))))
    j++;
  else
    return end;
  if (!same_line (scan, j) || j >= N_TOKS ||
      !((T (j)->flags & TF_DIGIT) || !(T (j)->flags & TF_WORD) ||
        cc_value_number_word (tok_text (scan, j), tok_len (scan, j)) >= 0 ||
        /* "January to April 2026": a month to a month ("from April 19 to
         * June 1" is two dates, as news labels them) */
        (month_of_tok (scan, end - 1, &(guint){ 0 }, &(gboolean){ FALSE }) &&
         month_of_tok (scan, j, &(guint){ 0 }, &(gboolean){ FALSE }))))
    return end;
  /* dashes join only when glued: "7–8C", not "7 - the" */
  if (!between && !(T (j - 1)->flags & TF_WORD) && !glued (scan, j) && glued (scan, j - 1))
    return end;
  /* a date's range ends in a date: "sentenced Wednesday to two years" is
   * a day and a term */
  if (figure_at (scan, j, &second) && second.end > j && (kind == CC_VALUE_NONE || second.kind == kind))
    {
      if (second_out != NULL)
        *second_out = second;
      return second.end;
    }
  return end;
}

/* "a year", "half a minute" are durations after a hedge or a preposition
 * ("in a year", "almost a minute"), not in a rate ("$118 a year"). */
static gboolean
article_duration_ok (CcScan *scan,
                     guint   i)
{
  static const char * const before[] = {
    "in", "for", "within", "after", "than", "over", "nearly", "almost", "about", "around",
    "under", "least", "most", "roughly", "just", "some", "past", "last",
  };

  return word_before_in (scan, i, before, G_N_ELEMENTS (before));
}

/* The number-led figure at @i: percent, money in words, temperature,
 * quantity, duration, age; or a bare number. */
static gboolean
number_figure_at (CcScan *scan,
                  guint   i,
                  Figure *f)
{
  const CcGazetteer *gaz = scan->gaz;
  gboolean scaled = FALSE, digits;
  guint end, t_end, n_parts = 0;
  gboolean hs = FALSE;

  if ((end = duration_at (scan, i, &n_parts, &hs)) != 0 &&
      (!(cc_scan_tok_is (scan, i, "a") || cc_scan_tok_is (scan, i, "an") || cc_scan_tok_is (scan, i, "half")) ||
       article_duration_ok (scan, i)))
    {
      /* "3,000 flight hours": a modifier before the unit makes it a count */
      f->end = end;
      f->type = hs && n_parts > 1 ? CC_ENTITY_SCORE : CC_ENTITY_DATE;
      f->kind = CC_VALUE_DURATION;
      if (cc_scan_tok_is (scan, end, "ago") || cc_scan_tok_is (scan, end, "previously") ||
          cc_scan_tok_is (scan, end, "earlier"))
        f->end++, f->kind = CC_VALUE_DATE, f->type = CC_ENTITY_DATE;
      else if (cc_scan_tok_is (scan, end, "old") && n_parts == 1)
        f->end++, f->kind = CC_VALUE_AGE;
      else if (cc_scan_tok_is (scan, end - 1, "day") && cc_scan_tok_is (scan, i, "one"))
        return FALSE;   /* "one day": some day */
      return TRUE;
    }
  if ((end = number_at (scan, i, &scaled)) == 0)
    return FALSE;
  digits = (T (i)->flags & TF_DIGIT) != 0;
  if (!same_line (scan, end))
    goto bare;
  if (tok_char (scan, end, '+') && glued (scan, end))
    end++;
  if (tok_char (scan, end, '%') || cc_scan_tok_is (scan, end, "percent") || cc_scan_tok_is (scan, end, "pct"))
    {
      f->end = end + 1, f->type = CC_ENTITY_PERCENT, f->kind = CC_VALUE_PERCENT;
      return TRUE;
    }
  if (cc_scan_tok_is (scan, end, "per") && cc_scan_tok_is (scan, end + 1, "cent"))
    {
      f->end = end + 2, f->type = CC_ENTITY_PERCENT, f->kind = CC_VALUE_PERCENT;
      return TRUE;
    }
  if ((t_end = temperature_after (scan, end)) != 0)
    {
      f->end = t_end, f->type = CC_ENTITY_QUANTITY, f->kind = CC_VALUE_TEMPERATURE;
      return TRUE;
    }
  if (end < N_TOKS && (T (end)->flags & TF_WORD) && (digits || scaled))
    {
      const char *word = tok_text_lower (scan, end);

      if (*word != '\0' && g_hash_table_contains (gaz->currencies, word) &&
          !(T (end)->flags & TF_CAP && !(T (end)->flags & TF_ALLCAPS)))
        {
          f->end = end + 1, f->type = CC_ENTITY_MONEY, f->kind = CC_VALUE_MONEY;
          return TRUE;
        }
    }
  if (unit_tok (scan, end))
    {
      f->end = per_after (scan, end + 1), f->type = CC_ENTITY_QUANTITY, f->kind = CC_VALUE_QUANTITY;
      return TRUE;
    }
  if (digits && !scaled && end == i + 1 && (cc_scan_tok_is (scan, end, "points") ||
                                            cc_scan_tok_is (scan, end, "pts")) &&
      is_score_cue_before (scan, i))
    {
      f->end = end, f->type = CC_ENTITY_SCORE, f->kind = CC_VALUE_SCORE;
      return TRUE;
    }
  /* "1 seat", "one vote": a singular noun after one */
  if (end == i + 1 && (tok_digits (scan, i, 1, 1) && tok_text (scan, i)[0] == '1') &&
      end < N_TOKS && (T (end)->flags & TF_LOWER) && !(T (end)->flags & TF_DIGIT) &&
      !is_function_word (scan, end) && tok_len (scan, end) > 2 && cue_bits (scan, end) == 0 &&
      tok_text (scan, end)[tok_len (scan, end) - 1] != 's' && same_line (scan, end + 1) &&
      (end + 1 >= N_TOKS || !(T (end + 1)->flags & TF_WORD) || is_function_word (scan, end + 1)))
    {
      f->end = end + 1, f->type = CC_ENTITY_QUANTITY, f->kind = CC_VALUE_QUANTITY;
      return TRUE;
    }
  if (cc_scan_tok_is (scan, end, "each"))
    {
      f->end = end + 1, f->type = CC_ENTITY_QUANTITY, f->kind = CC_VALUE_QUANTITY;
      return TRUE;
    }
  if ((t_end = counted_noun_at (scan, end)) != 0)
    {
      f->end = per_after (scan, t_end), f->type = CC_ENTITY_QUANTITY, f->kind = CC_VALUE_QUANTITY;
      return TRUE;
    }
  if (scaled && cc_scan_tok_is (scan, end, "per"))
    {
      f->end = per_after (scan, end), f->type = CC_ENTITY_QUANTITY, f->kind = CC_VALUE_QUANTITY;
      return f->end > end;
    }

bare:
  if (!digits && !scaled)
    return FALSE;
  f->end = end;
  f->kind = CC_VALUE_SCORE;
  f->type = CC_ENTITY_QUANTITY;
  if (!scaled && end == i + 1)
    {
      /* "87 out of 100", "8.5/10" */
      if (cc_scan_tok_is (scan, end, "out") && cc_scan_tok_is (scan, end + 1, "of") &&
          end + 2 < N_TOKS && (T (end + 2)->flags & TF_NUMBER))
        {
          f->end = end + 3, f->type = CC_ENTITY_SCORE;
          return TRUE;
        }
      if (is_score_cue_before (scan, i) ||
          /* "42.8 on HealthBench", "52 on the X Index" */
          (cc_scan_tok_is (scan, end, "on") && same_line (scan, end + 1) &&
           !(cc_scan_tok_lex (scan, end + 1) & CC_LEX_MONTH_DAY) &&
           ((T (end + 1)->flags & TF_CAP) ||
            (cc_scan_tok_is (scan, end + 1, "the") && end + 2 < N_TOKS && (T (end + 2)->flags & TF_CAP)))) ||
          /* "(20.6)" after a name */
          (i >= 2 && tok_char (scan, i - 1, '(') && tok_char (scan, end, ')') &&
           (T (i - 2)->flags & TF_WORD) && (T (i - 2)->flags & (TF_CAP | TF_DIGIT))))
        {
          f->type = CC_ENTITY_SCORE;
          return TRUE;
        }
      /* "Williams, 59, and": an age in apposition to a name */
      if (i >= 2 && tok_char (scan, i - 1, ',') && (T (i - 2)->flags & TF_CAP) &&
          (T (i - 2)->flags & TF_WORD) && !(T (i - 2)->flags & TF_DIGIT) &&
          (tok_char (scan, end, ',') || tok_char (scan, end, '.')) && tok_digits (scan, i, 1, 3) &&
          g_ascii_strtoll (tok_text (scan, i), NULL, 10) >= 12 &&
          g_ascii_strtoll (tok_text (scan, i), NULL, 10) <= 110 &&
          !cc_value_month_from_word (tok_text (scan, i - 2), T (i - 2)->bend - T (i - 2)->bstart) &&
          !cc_value_weekday_from_word (tok_text (scan, i - 2), T (i - 2)->bend - T (i - 2)->bstart))
        {
          f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_AGE;
          return TRUE;
        }
      /* a decimal alone is a measure; a bare "1" or "2" rarely counts
       * anything but list items and versions */
    }
  return TRUE;
}

/* Relative dates: "today", "last year", "earlier this year", "last
 * December", "September of last year", "the coming weeks". */
static guint
relative_date_at (CcScan *scan,
                  guint   i)
{
  guint j = i;

  if (!(cue_bits (scan, i) & CUE_RELATIVE))
    return 0;
  /* "the", the most frequent word of all, first: "the coming weeks" */
  if (cc_scan_tok_is (scan, i, "the"))
    {
      char c;

      if (i + 1 >= N_TOKS || !(T (i + 1)->flags & TF_LOWER) || !same_line (scan, i + 2))
        return 0;
      c = tok_text (scan, i + 1)[0];
      if (!(c == 'c' || c == 'f' || c == 'p' || c == 'l') ||
          !(cc_scan_tok_is (scan, i + 1, "coming") || cc_scan_tok_is (scan, i + 1, "following") ||
            cc_scan_tok_is (scan, i + 1, "previous") || cc_scan_tok_is (scan, i + 1, "past") ||
            cc_scan_tok_is (scan, i + 1, "last")))
        return 0;
      {
        guint n_parts = 0;
        gboolean hs;
        guint end;

        if ((end = duration_at (scan, i + 2, &n_parts, &hs)) != 0 && n_parts == 1)
          return end;   /* "the last two years" */
        if (time_unit_tok (scan, i + 2) && tok_len (scan, i + 2) > 3 &&
            tok_text (scan, i + 2)[tok_len (scan, i + 2) - 1] == 's')
          return i + 3;   /* "the coming weeks" */
        if (cc_scan_tok_is (scan, i + 1, "previous") && cc_scan_tok_is (scan, i + 2, "year"))
          return i + 3;
      }
      return 0;
    }
  if (cc_scan_tok_is (scan, i, "today") || cc_scan_tok_is (scan, i, "yesterday") ||
      cc_scan_tok_is (scan, i, "tomorrow") || cc_scan_tok_is (scan, i, "tonight"))
    return i + 1;
  if (cc_scan_tok_is (scan, j, "earlier") || cc_scan_tok_is (scan, j, "later"))
    j++;
  if (same_line (scan, j + 1) &&
      (cc_scan_tok_is (scan, j, "this") || cc_scan_tok_is (scan, j, "last") ||
       cc_scan_tok_is (scan, j, "next") || cc_scan_tok_is (scan, j, "past")))
    {
      guint end = 0;
      gboolean full = FALSE;

      if (cc_scan_tok_is (scan, j + 1, "year") || cc_scan_tok_is (scan, j + 1, "month") ||
          cc_scan_tok_is (scan, j + 1, "week") || cc_scan_tok_is (scan, j + 1, "weekend"))
        return j + 2;
      if (j == i && (month_of_tok (scan, j + 1, &end, &full) ||
                     ((T (j + 1)->flags & TF_CAP) &&
                      cc_value_weekday_from_word (tok_text (scan, j + 1), T (j + 1)->bend - T (j + 1)->bstart))))
        return end ? end : j + 2;
    }
  return 0;
}

/* After a date: "last year", "of the previous year", "morning", "(June 5)". */
static guint
date_tail (CcScan *scan,
           guint   start,
           guint   end)
{
  gboolean weekday = (T (start)->flags & TF_CAP) &&
                     cc_value_weekday_from_word (tok_text (scan, start), T (start)->bend - T (start)->bstart);

  if (!same_line (scan, end))
    return end;
  if (weekday && end == start + 1 &&
      (cc_scan_tok_is (scan, end, "morning") || cc_scan_tok_is (scan, end, "afternoon") ||
       cc_scan_tok_is (scan, end, "evening") || cc_scan_tok_is (scan, end, "night")))
    end++;
  if (weekday && tok_char (scan, end, '('))
    {
      guint inner = date_from_month (scan, end + 1, FALSE);

      if (inner == 0 && day_of_tok (scan, end + 1))
        {
          guint mend = 0;
          gboolean full = FALSE;
          if (month_of_tok (scan, end + 2, &mend, &full))
            inner = mend;
        }
      if (inner != 0 && tok_char (scan, inner, ')'))
        return inner + 1;
    }
  if (!weekday && month_of_tok (scan, start, &(guint){ 0 }, &(gboolean){ FALSE }) && !is_year_tok (scan, end - 1))
    {
      guint j = end;

      if (cc_scan_tok_is (scan, j, "of"))
        j++;
      if (cc_scan_tok_is (scan, j, "the"))
        j++;
      if ((cc_scan_tok_is (scan, j, "last") || cc_scan_tok_is (scan, j, "previous") ||
           cc_scan_tok_is (scan, j, "next") || cc_scan_tok_is (scan, j, "this")) &&
          cc_scan_tok_is (scan, j + 1, "year") && same_line (scan, j + 1))
        return j + 2;
    }
  return end;
}

/* MONEY after a currency symbol or code at @i: "$14.3 billion", "US$ 5m",
 * "€62 million", "$US593 billion", "Rs 500 crore", "USD 5 million". */
static gboolean
money_symbol_at (CcScan *scan,
                 guint   i,
                 Figure *f)
{
  const CcGazetteer *gaz = scan->gaz;
  CcTok *t = T (i);
  gboolean symbol = FALSE;
  gboolean scaled = FALSE;
  guint num = i + 1, end;

  if (!(t->flags & TF_WORD))
    {
      char buf[8] = { 0 };
      g_unichar_to_utf8 (t->first, buf);
      symbol = g_hash_table_contains (gaz->currencies, buf);
      /* "$US593 billion", "$A" */
      if (symbol && glued (scan, num) && num < N_TOKS && (T (num)->flags & TF_ALLCAPS) &&
          (cc_scan_tok_is (scan, num, "us") || cc_scan_tok_is (scan, num, "a")) )
        num++;
      else if (symbol && num < N_TOKS && glued (scan, num) && (T (num)->flags & TF_DIGIT) &&
               tok_len (scan, num) > 2 && (tok_text (scan, num)[0] == 'U' || tok_text (scan, num)[0] == 'A'))
        {
          /* "$US593" is one token: the digits follow the letters */
          const char *s = tok_text (scan, num);
          if (strncmp (s, "US", 2) == 0 && g_ascii_isdigit (s[2]))
            {
              end = num + 1;
              if (same_line (scan, end) && cc_value_scale_from_word (tok_text (scan, end), tok_len (scan, end)) >= 1e3)
                end++;
              f->end = end, f->type = CC_ENTITY_MONEY, f->kind = CC_VALUE_MONEY;
              return TRUE;
            }
        }
    }
  else if (tok_len (scan, i) == 3 && (t->flags & TF_ALLCAPS))
    {
      g_autofree char *code = g_strndup (tok_text (scan, i), 3);
      symbol = g_hash_table_contains (gaz->currencies, code) && same_line (scan, i + 1);
    }
  else if ((cc_scan_tok_is (scan, i, "rs") && (t->flags & TF_CAP)) )
    {
      symbol = TRUE;
      if (tok_char (scan, num, '.') && glued (scan, num))
        num++;
    }
  if (!symbol || num >= N_TOKS || !same_line (scan, num) ||
      (end = match_number (scan, num, &scaled)) == 0 || !(T (num)->flags & TF_DIGIT))
    return FALSE;
  if (same_line (scan, end) && (cc_scan_tok_is (scan, end, "crore") || cc_scan_tok_is (scan, end, "lakh") ||
                                cc_scan_tok_is (scan, end, "crores") || cc_scan_tok_is (scan, end, "lakhs")))
    end++;
  f->end = end, f->type = CC_ENTITY_MONEY, f->kind = CC_VALUE_MONEY;
  return TRUE;
}

/* Korean, Chinese and Japanese number scales and date units, written
 * against the digits ("143억", "2026년", "4月"): the character's value, or
 * 0. @what: 's' scale, 'y' year, 'm' month, 'd' day, '$' a currency word. */
static double
cjk_suffix (CcScan *scan,
            guint   i,
            char   *what)
{
  static const struct { const char *s; char what; double value; } suffixes[] = {
    { "만", 's', 1e4 }, { "억", 's', 1e8 }, { "조", 's', 1e12 }, { "천", 's', 1e3 },
    { "万", 's', 1e4 }, { "萬", 's', 1e4 }, { "亿", 's', 1e8 }, { "億", 's', 1e8 },
    { "兆", 's', 1e12 }, { "千", 's', 1e3 },
    { "년", 'y', 1 }, { "年", 'y', 1 }, { "월", 'm', 1 }, { "月", 'm', 1 },
    { "일", 'd', 1 }, { "日", 'd', 1 },
    { "달러", '$', 1 }, { "원", '$', 1 }, { "위안", '$', 1 }, { "엔", '$', 1 }, { "유로", '$', 1 },
    { "美元", '$', 1 }, { "元", '$', 1 }, { "円", '$', 1 }, { "欧元", '$', 1 },
  };
  const char *s;
  guint n;

  if (i >= N_TOKS || T (i)->first < 0x3000)
    return 0;
  s = tok_text (scan, i);
  n = tok_len (scan, i);
  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    if (strlen (suffixes[k].s) == n && memcmp (s, suffixes[k].s, n) == 0)
      {
        *what = suffixes[k].what;
        return suffixes[k].value;
      }
  return 0;
}

/* "143억 달러", "1,150억~1,350억 달러", "2026년 4월 8일", "3万", "4月8日". */
static gboolean
cjk_figure_at (CcScan *scan,
               guint   i,
               Figure *f)
{
  char what = 0;
  guint end;

  if (!(T (i)->flags & TF_NUMBER) || !glued (scan, i + 1) || cjk_suffix (scan, i + 1, &what) == 0)
    return FALSE;
  end = i + 2;
  if (what == 's')
    {
      char w2 = 0;

      /* a range: "1,150억~1,350억" */
      if (tok_char (scan, end, '~') && glued (scan, end) && (T (end + 1)->flags & TF_NUMBER) &&
          glued (scan, end + 1) && glued (scan, end + 2) && cjk_suffix (scan, end + 2, &w2) && w2 == 's')
        end += 3;
      if (same_line (scan, end) && cjk_suffix (scan, end, &w2) && w2 == '$')
        {
          f->end = end + 1, f->type = CC_ENTITY_MONEY, f->kind = CC_VALUE_MONEY;
          return TRUE;
        }
      f->end = end, f->type = CC_ENTITY_QUANTITY, f->kind = CC_VALUE_QUANTITY;
      return TRUE;
    }
  if (what == '$')
    {
      f->end = end, f->type = CC_ENTITY_MONEY, f->kind = CC_VALUE_MONEY;
      return TRUE;
    }
  /* dates: year, then month, then day, each digits with its unit */
  for (char next = what == 'y' ? 'm' : what == 'm' ? 'd' : 0; next != 0;
       next = next == 'm' ? 'd' : 0)
    {
      char w2 = 0;

      if (!same_line (scan, end) || !(T (end)->flags & TF_NUMBER) || !glued (scan, end + 1) ||
          !cjk_suffix (scan, end + 1, &w2) || w2 != next)
        break;
      end += 2;
    }
  if (what == 'd' && end == i + 2)
    return FALSE;   /* "8일" alone: a count of days as often as a date */
  f->end = end, f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_DATE;
  return TRUE;
}

/* TRUE if the @n bytes at @s (4 or more) end in "long" in any case
 * ("weeklong"): inline, for it is asked of most words. */
static inline gboolean
ends_long (const char *s,
           guint       n)
{
  s += n - 4;
  return (s[0] | 0x20) == 'l' && (s[1] | 0x20) == 'o' && (s[2] | 0x20) == 'n' &&
         (s[3] | 0x20) == 'g';
}

/* Most words start no figure: lower case, no digit, no cue, no number
 * word, no hyphen ("nine-month"), not "weeklong". */
static inline gboolean
is_plain_word (CcScan *scan,
               guint   i)
{
  return (T (i)->flags & (TF_LOWER | TF_DIGIT | TF_HYPHEN)) == TF_LOWER && cue_bits (scan, i) == 0 &&
         !(tok_len (scan, i) > 6 && name_len_tok (scan, i) >= 4 &&
           ends_long (tok_text (scan, i), name_len_tok (scan, i)));
}

/* The figure starting at token @i, whatever its kind. */
static gboolean
figure_at (CcScan *scan,
           guint   i,
           Figure *f)
{
  const CcGazetteer *gaz = scan->gaz;
  CcTok *t;
  guint end, parts;
  gboolean time;
  guint kind_word;

  if (i >= N_TOKS || (T (i)->flags & TF_CLAIMED))
    return FALSE;
  t = T (i);
  if (is_plain_word (scan, i))
    return FALSE;
  /* A word with no digit and no hyphen, not "weeklong", that is no number
   * word and none of the words that start a date or a duration ("early",
   * "half", "a"), no month or weekday, no currency code and not "Rs":
   * only a relative date can start there ("last year", "The coming
   * weeks"), and only after one of its cue words. Every rule below
   * comes to that for such a word; this says it at once, for the most
   * frequent words of a text. */
  if (!(t->flags & TF_DIGIT) && (t->flags & (TF_LOWER | TF_CAP)))
    {
      const char *s = tok_text (scan, i);
      guint n = T (i)->bend - T (i)->bstart;
      guint bits = cue_bits (scan, i);

      if (!(bits & (CUE_OTHER | CUE_NUMBER)) && !(t->flags & TF_HYPHEN) &&
          !(n > 4 && ends_long (s, n)) &&
          ((t->flags & TF_LOWER) ||
           (!(cc_scan_tok_lex (scan, i) & CC_LEX_MONTH_DAY) &&
            !(tok_len (scan, i) == 3 && (t->flags & TF_ALLCAPS)) &&
            !cc_scan_tok_is (scan, i, "rs"))))
        {
          if ((bits & CUE_RELATIVE) && (end = relative_date_at (scan, i)) != 0)
            {
              f->end = end, f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_DATE;
              return TRUE;
            }
          return FALSE;
        }
    }
  /* A sign or punctuation starts a figure only as a currency symbol
   * ("$14.3 billion"); no other rule below starts on one. */
  if (!(t->flags & TF_WORD))
    {
      if (t->first < 0x80 &&
          !(gaz->ascii_currency[t->first / 64] & (G_GUINT64_CONSTANT (1) << (t->first % 64))))
        return FALSE;
      if (money_symbol_at (scan, i, f))
        {
          if (!change_before (scan, i))
            f->end = range_rest (scan, f->end, FALSE, CC_VALUE_NONE, NULL);
          return TRUE;
        }
      return FALSE;
    }
  if ((!(t->flags & TF_WORD) || (t->flags & (TF_ALLCAPS | TF_CAP))) && money_symbol_at (scan, i, f))
    {
      if (!change_before (scan, i))
        f->end = range_rest (scan, f->end, FALSE, CC_VALUE_NONE, NULL);
      return TRUE;
    }
  /* times of day and clock durations */
  if ((end = clock_at (scan, i, &parts, &time)) != 0)
    {
      if (time || (parts == 2 && time_cue_before (scan, i) && !cc_scan_tok_is (scan, i - 1, "in")))
        f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_TIME;
      else
        f->type = CC_ENTITY_SCORE, f->kind = CC_VALUE_DURATION;
      f->end = end;
      return TRUE;
    }
  if ((t->flags & TF_NUMBER) && cjk_figure_at (scan, i, f))
    return TRUE;
  if ((end = relative_date_at (scan, i)) != 0)
    {
      f->end = end, f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_DATE;
      return TRUE;
    }
  /* "mid-March" */
  if ((t->flags & TF_LOWER) && tok_len (scan, i) > 6 && g_ascii_strncasecmp (tok_text (scan, i), "mid-", 4) == 0 &&
      cc_value_month_from_word (tok_text (scan, i) + 4, tok_len (scan, i) - 4) &&
      g_ascii_isupper (tok_text (scan, i)[4]))
    {
      f->end = i + 1;
      if (same_line (scan, f->end) && is_year_tok (scan, f->end))
        f->end++;
      f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_DATE;
      return TRUE;
    }
  if ((end = match_date (scan, i)) != 0)
    {
      /* a year before a unit or "%" is a figure, not a date */
      if (!(end == i + 1 && (T (i)->flags & TF_NUMBER) &&
            (cc_scan_tok_has (scan, end, CC_LEX_UNIT) || tok_char (scan, end, '%') ||
             unit_tok (scan, end))))
        {
          f->end = date_tail (scan, i, end);
          /* "2019 to 2024", "January to April 2026" */
          f->end = range_rest (scan, f->end, FALSE, CC_VALUE_DATE, NULL);
          f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_DATE;
          return TRUE;
        }
    }
  if ((kind_word = hyphen_time_word (scan, i)) != 0)
    {
      f->end = i + 1, f->type = CC_ENTITY_DATE;
      f->kind = kind_word == 2 ? CC_VALUE_AGE : CC_VALUE_DURATION;
      return TRUE;
    }
  if (cc_scan_tok_is (scan, i, "aged") && same_line (scan, i + 1) && tok_digits (scan, i + 1, 1, 3))
    {
      f->end = i + 2, f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_AGE;
      return TRUE;
    }
  /* "dies at 91", "died at 78": an obituary's age */
  if (tok_digits (scan, i, 1, 3) && i >= 2 && same_line (scan, i) && same_line (scan, i - 1) &&
      cc_scan_tok_is (scan, i - 1, "at") &&
      (cc_scan_tok_is (scan, i - 2, "died") || cc_scan_tok_is (scan, i - 2, "dies") ||
       cc_scan_tok_is (scan, i - 2, "dead")))
    {
      f->end = i + 1, f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_AGE;
      return TRUE;
    }
  if (glued_unit_tok (scan, i))
    {
      f->end = per_after (scan, i + 1), f->type = CC_ENTITY_QUANTITY, f->kind = CC_VALUE_QUANTITY;
      return TRUE;
    }
  if (cc_scan_tok_is (scan, i, "between") && same_line (scan, i + 1) &&
      (figure_at (scan, i + 1, f) ||
       /* "between nine and 10 degrees": a number word alone at first */
       ((f->end = number_at (scan, i + 1, &(gboolean){ FALSE })) != 0 &&
        (f->type = CC_ENTITY_QUANTITY, f->kind = CC_VALUE_QUANTITY, TRUE))))
    {
      guint end2 = range_rest (scan, f->end, TRUE, CC_VALUE_NONE, NULL);
      if (end2 == f->end)
        return FALSE;
      f->end = end2;
      return TRUE;
    }
  /* "2-3 weeks", "10-15 km": a pair of numbers in one token, then a unit;
   * "12-13 June": two days of a month */
  if (cc_scan_tok_number_pair (scan, i, TRUE) && same_line (scan, i + 1))
    {
      guint mend = 0;
      gboolean full = FALSE;

      if (tok_len (scan, i) <= 5 && month_of_tok (scan, i + 1, &mend, &full))
        {
          f->end = same_line (scan, mend) && is_year_tok (scan, mend) ? mend + 1 : mend;
          f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_DATE;
          return TRUE;
        }
      if (time_unit_tok (scan, i + 1))
        {
          f->end = i + 2, f->type = CC_ENTITY_DATE, f->kind = CC_VALUE_DURATION;
          return TRUE;
        }
      if (cc_scan_tok_has (scan, i + 1, CC_LEX_UNIT) || unit_tok (scan, i + 1))
        {
          f->end = i + 2, f->type = CC_ENTITY_QUANTITY, f->kind = CC_VALUE_QUANTITY;
          return TRUE;
        }
    }
  if (number_figure_at (scan, i, f))
    {
      if (f->kind != CC_VALUE_AGE && f->type != CC_ENTITY_PERCENT && !change_before (scan, i))
        {
          Figure second = { 0 };
          guint end2 = range_rest (scan, f->end, FALSE, CC_VALUE_NONE, &second);
          gboolean bare = f->type == CC_ENTITY_QUANTITY && f->kind == CC_VALUE_SCORE;

          /* "450 million to 500 million pounds", "8 to 10 days": a bare
           * number takes the kind of the range's end, which names the unit
           * once; a measure and another kind of figure are two figures
           * ("0.3 percentage points to 4.1%") */
          if (end2 > f->end && bare && second.type != CC_ENTITY_QUANTITY &&
              second.type != CC_ENTITY_PERCENT)
            f->type = second.type, f->kind = second.kind;
          if (end2 > f->end && (bare || second.type == f->type))
            f->end = end2;
        }
      return TRUE;
    }
  /* "two to three years": a number word alone, then "to" and a figure */
  {
    guint e = number_at (scan, i, &(gboolean){ FALSE });
    Figure second = { 0 };

    if (e == i + 1 && !(T (i)->flags & TF_DIGIT) && cc_scan_tok_is (scan, e, "to") &&
        same_line (scan, e + 1) && !change_before (scan, i) &&
        ((T (e + 1)->flags & TF_NUMBER) ||
         cc_value_number_word (tok_text (scan, e + 1), tok_len (scan, e + 1)) >= 0) &&
        figure_at (scan, e + 1, &second) &&
        (second.kind == CC_VALUE_DURATION || second.kind == CC_VALUE_QUANTITY ||
         second.kind == CC_VALUE_MONEY))
      {
        *f = second;
        return TRUE;
      }
  }
  return FALSE;
}

/* TRUE when the text names another dollar than the US one: a bare "$"
 * then is not known to be US dollars. */
static gboolean
mentions_other_dollar (CcScan *scan)
{
  static const char * const countries[] = {
    "australian", "canadian", "singapore", "zealand", "kong", "taiwan", "jamaican", "namibian",
    "fijian", "liberian",
  };

  for (guint i = 0; i + 1 < N_TOKS; i++)
    {
      /* each test below needs a capital here or a "$" next: most tokens
       * have neither */
      if (!(T (i)->flags & TF_CAP) && ((T (i + 1)->flags & TF_WORD) || T (i + 1)->first != '$'))
        continue;
      if ((T (i)->flags & TF_CAP) && (cc_scan_tok_is (scan, i + 1, "dollar") || cc_scan_tok_is (scan, i + 1, "dollars")))
        for (guint k = 0; k < G_N_ELEMENTS (countries); k++)
          if (cc_scan_tok_is (scan, i, countries[k]))
            return TRUE;
      if (!(T (i + 1)->flags & TF_WORD) && T (i + 1)->first == '$' && glued (scan, i + 1) &&
          (cc_scan_tok_is (scan, i, "a") || cc_scan_tok_is (scan, i, "au") || cc_scan_tok_is (scan, i, "c") ||
           cc_scan_tok_is (scan, i, "nz") || cc_scan_tok_is (scan, i, "hk") || cc_scan_tok_is (scan, i, "s")))
        return TRUE;
      if ((T (i)->flags & TF_ALLCAPS) && (cc_scan_tok_is (scan, i, "aud") || cc_scan_tok_is (scan, i, "cad") ||
                                          cc_scan_tok_is (scan, i, "nzd") || cc_scan_tok_is (scan, i, "hkd") ||
                                          cc_scan_tok_is (scan, i, "sgd")))
        return TRUE;
    }
  return FALSE;
}

void
cc_scan_values (CcScan *scan)
{
  guint i = 0;
  int other_dollar = -1;   /* not known yet: see claim() */
  guint8 *cues;
  guint64 work = 0;   /* counted here, added to scan->work at the end */

  g_byte_array_set_size (scan->cue_buf, N_TOKS + 1);
  cues = scan->cue_buf->data;
  memset (cues, 0, N_TOKS + 1);

  cue_table_init ();

  scan->cues = cues;

  while (i < N_TOKS)
    {
      CcTok *t = T (i);
      Figure f = { 0 };
      guint h;

      work++;
      if (t->flags & TF_CLAIMED)
        {
          i++;
          continue;
        }
      /* most of a text: no hedge (it has no cue) and no figure starts
       * there, and neither test is called */
      if (is_plain_word (scan, i))
        {
          i++;
          continue;
        }
      h = hedge_at (scan, i);
      if (h > 0 && figure_at (scan, i + h, &f) && f.type != CC_ENTITY_DATE + 100)
        {
          claim (scan, i, f.end, f.type, f.kind, &other_dollar);
          i = f.end;
          continue;
        }
      if (figure_at (scan, i, &f))
        {
          guint start = i;

          /* "US$": letters glued before the symbol */
          if (f.type == CC_ENTITY_MONEY && !(t->flags & TF_WORD) && i > 0 && glued (scan, i) &&
              (T (i - 1)->flags & TF_CAP) && tok_len (scan, i - 1) <= 2 && !(T (i - 1)->flags & TF_CLAIMED))
            {
              char buf[8] = { 0 };
              g_autofree char *pre = NULL;

              g_unichar_to_utf8 (t->first, buf);
              pre = g_strdup_printf ("%.*s%s", (int)tok_len (scan, i - 1), tok_text (scan, i - 1), buf);
              if (g_hash_table_contains (scan->gaz->currencies, pre) || strcmp (pre, "AU$") == 0)
                start = i - 1;
            }
          /* a version number glued to a name ("Llama 4", "Model 3.5") is
           * left to the name chunker */
          if (f.kind == CC_VALUE_SCORE && f.end == i + 1 &&
              (t->flags & TF_DIGIT) && i > 0 && same_line (scan, i) &&
              (T (i - 1)->flags & (TF_CAP | TF_DIGIT)) && (T (i - 1)->flags & TF_WORD) &&
              !(T (i - 1)->flags & TF_CLAIMED) && !(T (i - 1)->flags & TF_POSS) &&
              !(T (i - 1)->flags & TF_SENT_START && !(T (i - 1)->flags & TF_DIGIT) &&
                cc_scan_tok_has (scan, i - 1, CC_LEX_COMMON)))
            {
              i++;
              continue;
            }
          claim (scan, start, f.end, f.type, f.kind, &other_dollar);
          i = f.end;
          continue;
        }
      i++;
    }
  scan->work += work;
  scan->cues = NULL;
}
