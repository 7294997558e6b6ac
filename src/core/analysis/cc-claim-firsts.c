/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "First ... in/since" claims against earlier events (see the header). */

#define G_LOG_DOMAIN "crosscheck-analysis"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cc-claim-firsts.h"

/* A sentence longer than this many words is a table or a list: not read. */
#define MAX_WORDS 160

typedef struct
{
  guint       cs;        /* character offsets in the document, end exclusive */
  guint       ce;
  char       *low;       /* case-folded, a possessive 's left off */
  const char *stem;      /* interned */
  guint       cap : 1;   /* written with a capital */
  guint       num : 1;   /* starts with a digit */
  guint       poss : 1;  /* "Meta's" */
  char        gap;       /* the punctuation before it: , ; : . ( - (a dash), or 0 */
} Tok;

typedef struct
{
  guint  lo;             /* Julian days, inclusive */
  guint  hi;
  guint  start;          /* the phrase: token indices, end exclusive */
  guint  end;
} Span;

typedef struct
{
  const CcStatement *st;
  const char        *kind;     /* interned stem of the kind noun */
  char              *item;     /* the claim's own item ("muse spark"), or NULL */
  char             **owner;    /* the case-folded words of the sentence's names */
  guint              win_lo;   /* the window: Julian days, [win_lo, at) */
  guint              at;
  guint              v_start;  /* the period as written: character offsets */
  guint              v_end;
  gboolean           dropped;  /* its document states an event inside it */
} Claim;

typedef struct
{
  const CcStatement *st;
  char              *item;     /* case-folded words of the item's name */
  char              *subject;  /* the name doing it ("meta"), or NULL */
  const char        *kind;     /* the kind of the item stated in its own sentence, or NULL */
  guint              lo;       /* its date: Julian days */
  guint              hi;
  guint              v_start;  /* the date as written: character offsets */
  guint              v_end;
} Event;

typedef struct
{
  char       *name;   /* case-folded words of a name */
  const char *kind;   /* interned stem of a noun it is said to be */
} KindFact;

typedef struct
{
  CcLexicon   *lexicon;
  CcWordStem  *stemmer;
  GArray      *claims;     /* Claim */
  GArray      *events;     /* Event */
  GHashTable  *kinds;      /* first word of a name -> GArray of KindFact */
  GHashTable  *full_dates; /* Julian day -> GINT_TO_POINTER (documents << 8 | last doc + 1) */
  guint        main_day;   /* the story's date, Julian, 0 when none */
  guint        main_year;
} Story;

static void
claim_clear (gpointer data)
{
  Claim *c = data;

  g_free (c->item);
  g_strfreev (c->owner);
}

static void
event_clear (gpointer data)
{
  Event *e = data;

  g_free (e->item);
  g_free (e->subject);
}

static void
kind_fact_clear (gpointer data)
{
  g_free (((KindFact *) data)->name);
}

static void
kind_facts_free (gpointer data)
{
  g_array_unref (data);
}

/* ---- words ---- */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* Splits [@from, @to) (whose first character is character @c0 of its
 * document) into words. */
static GArray *
tokenize (Story      *story,
          const char *from,
          const char *to,
          guint       c0)
{
  GArray *toks = g_array_new (FALSE, TRUE, sizeof (Tok));
  const char *p = from;
  guint c = c0;
  char gap = 0;

  while (p < to && toks->len < MAX_WORDS)
    {
      gunichar ch = g_utf8_get_char (p);

      if (!is_word_char (ch))
        {
          if (ch == ',' || ch == ';' || ch == ':' || ch == '.' || ch == '(' || ch == '!' || ch == '?')
            gap = (char) ch;
          else if (ch == 0x2014 || ch == 0x2013)
            gap = '-';
          p = g_utf8_next_char (p), c++;
          continue;
        }
      {
        const char *s = p;
        guint cs = c;
        Tok t = { 0 };
        g_autofree char *raw = NULL;
        gsize len;

        t.cap = g_unichar_isupper (ch);
        t.num = g_unichar_isdigit (ch);
        while (p < to)
          {
            gunichar d = g_utf8_get_char (p);
            const char *n = g_utf8_next_char (p);
            gunichar next = n < to ? g_utf8_get_char (n) : 0;

            if (is_word_char (d))
              {
                p = n, c++;
                continue;
              }
            /* a hyphen or an apostrophe inside a word, a point or colon between digits */
            if ((d == '-' || d == '\'' || d == 0x2019) && is_word_char (next) && p > s)
              {
                p = n, c++;
                continue;
              }
            if ((d == '.' || d == ':' || d == ',') && g_unichar_isdigit (next) && p > s &&
                g_unichar_isdigit (g_utf8_get_char (g_utf8_prev_char (p))))
              {
                p = n, c++;
                continue;
              }
            break;
          }
        raw = g_utf8_casefold (s, p - s);
        len = strlen (raw);
        if (len > 2 && raw[len - 1] == 's' && raw[len - 2] == '\'')
          raw[len - 2] = '\0', t.poss = TRUE;
        else if (len > 4 && raw[len - 1] == 's' && strncmp (raw + len - 4, "\xe2\x80\x99", 3) == 0)
          raw[len - 4] = '\0', t.poss = TRUE;
        t.cs = cs;
        t.ce = c;
        t.low = g_strdup (raw);
        t.stem = cc_lexicon_intern (story->lexicon, cc_word_stem_stem (story->stemmer, t.low));
        t.gap = gap;
        gap = 0;
        g_array_append_val (toks, t);
      }
    }
  return toks;
}

static void
toks_free (GArray *toks)
{
  for (guint i = 0; i < toks->len; i++)
    g_free (g_array_index (toks, Tok, i).low);
  g_array_unref (toks);
}

#define TOK(i) (&g_array_index (toks, Tok, (i)))

static gboolean
word_in (const char         *word,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Words that end a noun phrase (general English function words). */
static const char * const np_stops[] = {
  "in", "since", "for", "of", "on", "at", "from", "by", "to", "with", "and", "or",
  "that", "which", "who", "as", "than", "over", "under", "after", "before", "this",
  "is", "was", "are", "were", "has", "had", "have", "its", "their", "but", "into",
  "ever", "yet", "to", "during", "within", NULL
};

static const char * const determiners[] = {
  "its", "their", "his", "her", "the", "a", "an", "our", "my", "your", NULL
};

static const char * const number_words[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "eleven", "twelve", NULL
};

static const char * const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", NULL
};

/* Events: verbs and nouns of bringing a thing out (stems). */
static const char * const event_stems[] = {
  "releas", "launch", "ship", "unveil", "introduc", "debut", "publish", "rollout", NULL
};

static const char * const event_nouns[] = {
  "launch", "releas", "debut", "unveil", "rollout", "introduct", NULL
};

static int
small_number (const Tok *t)
{
  if (t->num)
    {
      char *end;
      long n = strtol (t->low, &end, 10);

      return *end == '\0' && n > 0 && n < 1000 ? (int) n : -1;
    }
  if (strcmp (t->low, "a") == 0 || strcmp (t->low, "an") == 0)
    return 1;
  for (int i = 0; number_words[i] != NULL; i++)
    if (strcmp (t->low, number_words[i]) == 0)
      return i;
  return -1;
}

/* A unit of time in days (months and years are added on the calendar:
 * returned as -months). */
static int
time_unit (const Tok *t)
{
  static const struct { const char *stem; int days; } units[] = {
    { "day", 1 }, { "week", 7 }, { "month", -1 }, { "year", -12 },
    { "decad", -120 }, { "centuri", -1200 }, { "century", -1200 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (t->stem, units[i].stem) == 0)
      return units[i].days;
  return 0;
}

static guint
shift (guint julian,
       int   n,
       int   unit,
       int   sign)
{
  GDate d;

  if (julian == 0)
    return 0;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  if (unit > 0)
    {
      if (sign < 0)
        g_date_subtract_days (&d, n * unit);
      else
        g_date_add_days (&d, n * unit);
    }
  else if (sign < 0)
    g_date_subtract_months (&d, n * -unit);
  else
    g_date_add_months (&d, n * -unit);
  return g_date_get_julian (&d);
}

static guint
julian (int year,
        int month,
        int day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 ||
      !g_date_valid_dmy (day, month, year))
    return 0;
  {
    GDate d;

    g_date_clear (&d, 1);
    g_date_set_dmy (&d, day, month, year);
    return g_date_get_julian (&d);
  }
}

static int
year_of (const Tok *t)
{
  if (t->num && strlen (t->low) == 4 && g_ascii_isdigit (t->low[3]))
    {
      int y = atoi (t->low);

      if (y >= 1800 && y <= 2200)
        return y;
    }
  return 0;
}

static int
month_of (const Tok *t)
{
  for (int i = 0; months[i] != NULL; i++)
    if (strcmp (t->low, months[i]) == 0)
      return i + 1;
  return 0;
}

/* A date at token @i: "April 8, 2026", "April 2026", "early 2026", "2019"
 * ("April 8" in the story's year). */
static gboolean
parse_date (const Story *story,
            GArray      *toks,
            guint        i,
            Span        *out)
{
  const Tok *t = TOK (i);
  int m, y;

  if ((m = month_of (t)) > 0 && (m != 5 || t->cap))
    {
      int day = 0, year = 0;
      guint k = i + 1;

      if (k < toks->len && TOK (k)->num && !year_of (TOK (k)) && atoi (TOK (k)->low) >= 1 &&
          atoi (TOK (k)->low) <= 31)
        day = atoi (TOK (k)->low), k++;
      if (k < toks->len && (year = year_of (TOK (k))) > 0)
        k++;
      if (year == 0)
        {
          if (day == 0 || story->main_year == 0)
            return FALSE;
          year = story->main_year;
        }
      out->start = i;
      out->end = k;
      if (day > 0)
        out->lo = out->hi = julian (year, m, day);
      else
        {
          out->lo = julian (year, m, 1);
          out->hi = julian (year, m, g_date_get_days_in_month (m, year));
        }
      return out->lo != 0;
    }
  if (i + 1 < toks->len && (y = year_of (TOK (i + 1))) > 0 &&
      (strcmp (t->low, "early") == 0 || strcmp (t->low, "mid") == 0 ||
       strcmp (t->low, "late") == 0))
    {
      int first = t->low[0] == 'e' ? 1 : t->low[0] == 'm' ? 5 : 9;

      out->start = i;
      out->end = i + 2;
      out->lo = julian (y, first, 1);
      out->hi = julian (y, first + 3, g_date_get_days_in_month (first + 3, y));
      return TRUE;
    }
  if ((y = year_of (t)) > 0)
    {
      out->start = i;
      out->end = i + 1;
      out->lo = julian (y, 1, 1);
      out->hi = julian (y, 12, 31);
      return TRUE;
    }
  return FALSE;
}

/* ---- names ---- */

/* The capitalised run that ends before token @end (exclusive), or
 * starts at @start: [*from, *to). */
static gboolean
name_token (GArray *toks,
            guint   i,
            gboolean first_of_run)
{
  const Tok *t = TOK (i);

  if (t->num)
    return !first_of_run;
  if (!t->cap)
    return FALSE;
  /* the first word of a sentence is a name only when it is no common word */
  if (i == 0 && (cc_word_is_stop_word (t->low) || small_number (t) >= 0))
    return FALSE;
  return !month_of (t);
}

static gboolean
name_at (GArray *toks,
         guint   start,
         guint  *end)
{
  guint k = start;

  if (start >= toks->len || !name_token (toks, start, TRUE))
    return FALSE;
  for (k = start + 1; k < toks->len && !TOK (k - 1)->poss && TOK (k)->gap == 0 &&
       name_token (toks, k, FALSE); k++)
    ;
  *end = k;
  return TRUE;
}

static gboolean
name_before (GArray *toks,
             guint   end,
             guint  *start)
{
  guint k = end;

  while (k > 0 && name_token (toks, k - 1, FALSE) && (k == end || TOK (k)->gap == 0) &&
         (k == end || !TOK (k - 1)->poss))
    k--;
  while (k < end && TOK (k)->num)
    k++;
  if (k == end)
    return FALSE;
  *start = k;
  return TRUE;
}

static char *
name_key (GArray *toks,
          guint   start,
          guint   end)
{
  GString *s = g_string_new (NULL);

  for (guint k = start; k < end; k++)
    {
      if (k > start)
        g_string_append_c (s, ' ');
      g_string_append (s, TOK (k)->low);
    }
  return g_string_free (s, FALSE);
}

/* One name is the other, or the start of it, word for word ("llama 4" and
 * "llama 4 scout"). */
static gboolean
same_name (const char *a,
           const char *b)
{
  size_t la = strlen (a), lb = strlen (b);
  size_t n = MIN (la, lb);

  if (strncmp (a, b, n) != 0)
    return FALSE;
  return la == lb || (la > n ? a[n] : b[n]) == ' ';
}

static void
first_word (const char *name,
            char       *buf,
            gsize       size)
{
  const char *sp = strchr (name, ' ');
  gsize n = sp != NULL ? (gsize) (sp - name) : strlen (name);

  n = MIN (n, size - 1);
  memcpy (buf, name, n);
  buf[n] = '\0';
}

static void
add_kind (Story      *story,
          GArray     *toks,
          guint       start,
          guint       end,
          const char *kind)
{
  char word[128];
  KindFact f;
  GArray *facts;

  f.name = name_key (toks, start, end);
  f.kind = kind;
  first_word (f.name, word, sizeof word);
  facts = g_hash_table_lookup (story->kinds, word);
  if (facts == NULL)
    {
      facts = g_array_new (FALSE, FALSE, sizeof (KindFact));
      g_array_set_clear_func (facts, kind_fact_clear);
      g_hash_table_insert (story->kinds, g_strdup (word), facts);
    }
  for (guint i = 0; i < facts->len; i++)
    {
      KindFact *g = &g_array_index (facts, KindFact, i);

      if (g->kind == kind && strcmp (g->name, f.name) == 0)
        {
          g_free (f.name);
          return;
        }
    }
  if (facts->len >= CC_CLAIM_FIRSTS_MAX_PER_KIND)
    {
      g_free (f.name);
      return;
    }
  g_array_append_val (facts, f);
}

static gboolean
is_kind (const Story *story,
         const char  *item,
         const char  *kind)
{
  char word[128];
  GArray *facts;

  first_word (item, word, sizeof word);
  facts = g_hash_table_lookup (story->kinds, word);
  for (guint i = 0; facts != NULL && i < facts->len; i++)
    {
      KindFact *f = &g_array_index (facts, KindFact, i);

      if (f->kind == kind && same_name (f->name, item))
        return TRUE;
    }
  return FALSE;
}

/* The head of the noun phrase that starts at @start: the last word before
 * a function word or a punctuation mark, within a few words. Returns its
 * index, or -1. */
static int
np_head (GArray *toks,
         guint   start)
{
  int head = -1;

  for (guint k = start; k < toks->len && k < start + 6; k++)
    {
      const Tok *t = TOK (k);

      if ((k > start && t->gap != 0) || word_in (t->low, np_stops))
        break;
      head = (int) k;
      if (t->poss)
        return -1;
    }
  if (head < 0 || TOK (head)->cap || TOK (head)->num)
    return -1;
  return head;
}

/* What the story says a name is: "models like Y (and Z)", "Y, its new
 * model", "Y ... as open-weight models", "the Y model", "Y is a model". */
static void
read_kinds (Story  *story,
            GArray *toks)
{
  for (guint i = 0; i < toks->len; i++)
    {
      const Tok *t = TOK (i);
      guint s, e;
      int head;

      /* "models like Y and Z", "models such as Y" */
      if (!t->cap && !t->num && i + 1 < toks->len &&
          (strcmp (TOK (i + 1)->low, "like") == 0 ||
           (strcmp (TOK (i + 1)->low, "such") == 0 && i + 2 < toks->len &&
            strcmp (TOK (i + 2)->low, "as") == 0)) &&
          TOK (i + 1)->gap == 0)
        {
          guint k = i + (TOK (i + 1)->low[0] == 'l' ? 2 : 3);

          if (k < toks->len && strcmp (TOK (k)->low, "the") == 0)
            k++;
          while (name_at (toks, k, &e))
            {
              add_kind (story, toks, k, e, t->stem);
              if (e < toks->len && (strcmp (TOK (e)->low, "and") == 0 ||
                                    strcmp (TOK (e)->low, "or") == 0))
                k = e + 1;
              else if (e < toks->len && TOK (e)->gap == ',')
                k = e;
              else
                break;
            }
        }
      /* "Y as open-weight models" (the names of the clause before "as") */
      if (strcmp (t->low, "as") == 0 && t->gap == 0 && (head = np_head (toks, i + 1)) >= 0 &&
          (guint) head < i + 4 && TOK (head)->low[strlen (TOK (head)->low) - 1] == 's')
        {
          guint k = i;

          while (k > 0 && i - k < 8 && TOK (k)->gap == 0)
            {
              if (name_before (toks, k, &s) && s < k)
                {
                  add_kind (story, toks, s, k, TOK (head)->stem);
                  k = s;
                }
              else
                k--;
            }
        }
      /* "Y, its new model", "Y is a model" */
      if (name_at (toks, i, &e) && e + 1 < toks->len && (i == 0 || TOK (i)->gap != 0 ||
                                                          !name_token (toks, i - 1, FALSE)))
        {
          guint k = e;

          if (TOK (k)->gap == ',' && word_in (TOK (k)->low, determiners))
            k++;
          else if (TOK (k)->gap == 0 && (strcmp (TOK (k)->low, "is") == 0 ||
                                         strcmp (TOK (k)->low, "was") == 0) &&
                   word_in (TOK (k + 1)->low, determiners))
            k += 2;
          else
            k = 0;
          if (k > 0 && k < toks->len && (head = np_head (toks, k)) >= 0)
            add_kind (story, toks, i, e, TOK (head)->stem);
        }
      /* "the Y model" */
      if (strcmp (t->low, "the") == 0 && name_at (toks, i + 1, &e) && e < toks->len &&
          !TOK (e - 1)->poss && TOK (e)->gap == 0 && !TOK (e)->cap && !TOK (e)->num &&
          !word_in (TOK (e)->low, np_stops) && !cc_word_is_stop_word (TOK (e)->low))
        add_kind (story, toks, i + 1, e, TOK (e)->stem);
    }
}

/* ---- claims ---- */

static char **
sentence_names (GArray *toks)
{
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; i < toks->len; i++)
    if (name_token (toks, i, TRUE))
      g_ptr_array_add (words, g_strdup (TOK (i)->low));
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

/* The period after "first <kind>": "in a year", "in over two years",
 * "for a decade", "since 2019". Sets the window's start. */
static gboolean
parse_period (const Story *story,
              GArray      *toks,
              guint        i,
              guint        at,
              guint       *win_lo,
              guint       *end)
{
  const Tok *t = TOK (i);
  guint k = i + 1;
  Span d;

  if (strcmp (t->low, "since") == 0)
    {
      if (k < toks->len && parse_date (story, toks, k, &d))
        {
          *win_lo = d.hi + 1;
          *end = d.end;
          return TRUE;
        }
      return FALSE;
    }
  if (strcmp (t->low, "in") != 0 && strcmp (t->low, "for") != 0 && strcmp (t->low, "over") != 0)
    return FALSE;
  if (k < toks->len && (strcmp (TOK (k)->low, "the") == 0))
    k++;
  if (k < toks->len && (strcmp (TOK (k)->low, "past") == 0 || strcmp (TOK (k)->low, "last") == 0))
    k++;
  if (k < toks->len && (strcmp (TOK (k)->low, "over") == 0 || strcmp (TOK (k)->low, "nearly") == 0 ||
                        strcmp (TOK (k)->low, "almost") == 0 || strcmp (TOK (k)->low, "about") == 0))
    k++;
  else if (k + 1 < toks->len && (strcmp (TOK (k)->low, "more") == 0 ||
                                 strcmp (TOK (k)->low, "less") == 0) &&
           strcmp (TOK (k + 1)->low, "than") == 0)
    k += 2;
  if (k + 1 < toks->len && at != 0)
    {
      int n = small_number (TOK (k));
      int unit = time_unit (TOK (k + 1));

      if (n > 0 && unit != 0)
        {
          *win_lo = shift (at, n, unit, -1);
          *end = k + 2;
          return *win_lo != 0;
        }
    }
  return FALSE;
}

/* The date a sentence gives of its own event: the story's date when it
 * falls inside the sentence's date (or the sentence has none). */
static guint
claim_date (const Story *story,
            GArray      *toks)
{
  for (guint i = 0; i < toks->len; i++)
    {
      Span d;

      if ((i == 0 || (strcmp (TOK (i - 1)->low, "on") == 0 || strcmp (TOK (i - 1)->low, "in") == 0)) &&
          parse_date (story, toks, i, &d))
        {
          if (story->main_day != 0 && d.lo <= story->main_day && story->main_day <= d.hi)
            return story->main_day;
          return d.lo;
        }
    }
  return story->main_day;
}

static void
read_claims (Story             *story,
             const CcStatement *st,
             GArray            *toks)
{
  guint at = 0;
  gboolean dated = FALSE;

  for (guint i = 1; i + 2 < toks->len; i++)
    {
      const Tok *t = TOK (i);
      const Tok *before = TOK (i - 1);
      Claim c = { 0 };
      guint win_lo = 0, end = 0, s, e;
      int head;

      if (strcmp (t->low, "first") != 0 && strcmp (t->low, "inaugural") != 0)
        continue;
      if (!word_in (before->low, determiners) && !before->poss)
        continue;
      if ((head = np_head (toks, i + 1)) < 0 || (guint) head + 1 >= toks->len ||
          strcmp (TOK (head)->low, "time") == 0)
        continue;
      if (!dated)
        at = claim_date (story, toks), dated = TRUE;
      if (!parse_period (story, toks, head + 1, at, &win_lo, &end))
        continue;
      c.st = st;
      c.kind = TOK (head)->stem;
      c.at = at;
      c.win_lo = win_lo;
      c.v_start = TOK (head + 1)->cs;
      c.v_end = TOK (end - 1)->ce;
      /* its item: "X, its first ...", "X is its first ..." */
      if (before->gap == ',' && name_before (toks, i - 1, &s))
        c.item = name_key (toks, s, i - 1);
      else if (i >= 2 && (strcmp (TOK (i - 2)->low, "is") == 0 || strcmp (TOK (i - 2)->low, "was") == 0) &&
               name_before (toks, i - 2, &s))
        c.item = name_key (toks, s, i - 2);
      c.owner = sentence_names (toks);
      (void) e;
      g_array_append_val (story->claims, c);
    }
}

/* ---- events ---- */

static gboolean
is_event_verb (const Tok *t)
{
  return !t->cap && word_in (t->stem, event_stems);
}

/* The name after an event verb, past a few lower-case words ("releasing
 * open-weight Y"). */
static gboolean
item_after (GArray *toks,
            guint   i,
            guint  *s,
            guint  *e)
{
  for (guint k = i + 1; k < toks->len && k < i + 5; k++)
    {
      if (TOK (k)->gap != 0 && TOK (k)->gap != '-')
        return FALSE;
      if (name_at (toks, k, e))
        {
          *s = k;
          return TRUE;
        }
      if (TOK (k)->cap || TOK (k)->num || word_in (TOK (k)->low, np_stops))
        return FALSE;
    }
  return FALSE;
}

/* The first name after the next comma: the subject of a main clause that
 * follows "Three days after ..., ". */
static char *
subject_after_comma (GArray *toks,
                     guint   i)
{
  for (guint k = i; k < toks->len; k++)
    if (TOK (k)->gap == ',')
      {
        guint e;

        if (k + 1 < toks->len && word_in (TOK (k)->low, determiners))
          k++;
        return name_at (toks, k, &e) ? name_key (toks, k, e) : NULL;
      }
  return NULL;
}

/* A date within a few words after @i, after "in" or "on". */
static gboolean
date_after (const Story *story,
            GArray      *toks,
            guint        i,
            Span        *d)
{
  for (guint k = i; k + 1 < toks->len && k < i + 5; k++)
    {
      if (k > i && TOK (k)->gap != 0)
        return FALSE;
      if ((strcmp (TOK (k)->low, "in") == 0 || strcmp (TOK (k)->low, "on") == 0) &&
          parse_date (story, toks, k + 1, d))
        return TRUE;
    }
  return FALSE;
}

static void
add_event (Story             *story,
           const CcStatement *st,
           GArray            *toks,
           guint              s,
           guint              e,
           char              *subject,
           guint              lo,
           guint              hi,
           guint              v_from,
           guint              v_to)
{
  Event ev = { 0 };
  int head;

  ev.st = st;
  ev.item = name_key (toks, s, e);
  ev.subject = subject;
  ev.lo = lo;
  ev.hi = hi;
  ev.v_start = TOK (v_from)->cs;
  ev.v_end = TOK (v_to - 1)->ce;
  /* "shipping Y as open-weight models" */
  if (e + 1 < toks->len && strcmp (TOK (e)->low, "as") == 0 && (head = np_head (toks, e + 1)) >= 0)
    ev.kind = TOK (head)->stem;
  g_array_append_val (story->events, ev);
}

static void
read_events (Story             *story,
             const CcStatement *st,
             GArray            *toks)
{
  for (guint i = 0; i < toks->len; i++)
    {
      const Tok *t = TOK (i);
      guint s, e;
      Span d;
      int n, unit;

      /* "three days after releasing Y": the story's date, less three days */
      if (i + 3 < toks->len && story->main_day != 0 && (n = small_number (t)) > 0 &&
          (unit = time_unit (TOK (i + 1))) != 0 && strcmp (TOK (i + 2)->low, "after") == 0 &&
          is_event_verb (TOK (i + 3)) && g_str_has_suffix (TOK (i + 3)->low, "ing") &&
          item_after (toks, i + 3, &s, &e))
        {
          guint day = shift (story->main_day, n, unit, -1);

          if (day != 0)
            add_event (story, st, toks, s, e, subject_after_comma (toks, e), day, day, i, i + 3);
          continue;
        }
      /* "the Y launch in early 2026" */
      if (!t->cap && word_in (t->stem, event_nouns) && !g_str_has_suffix (t->low, "ed") &&
          !g_str_has_suffix (t->low, "ing") && !g_str_has_suffix (t->low, "s") && i > 0 && name_before (toks, i, &s) &&
          TOK (i)->gap == 0 && !TOK (i - 1)->poss && date_after (story, toks, i + 1, &d))
        {
          add_event (story, st, toks, s, i, NULL, d.lo, d.hi, d.start, d.end);
          continue;
        }
      /* "released Y in March 2025", "Y was released in 2019" */
      if (is_event_verb (t) && (g_str_has_suffix (t->low, "ed") || g_str_has_suffix (t->low, "es") ||
                                g_str_has_suffix (t->low, "s")))
        {
          char *subject = NULL;

          if (item_after (toks, i, &s, &e) && date_after (story, toks, e, &d))
            {
              guint ss;

              if (i > 0 && TOK (i)->gap == 0 && name_before (toks, i, &ss))
                subject = name_key (toks, ss, i);
              add_event (story, st, toks, s, e, subject, d.lo, d.hi, d.start, d.end);
            }
          else if (i >= 2 && (strcmp (TOK (i - 1)->low, "was") == 0 || strcmp (TOK (i - 1)->low, "were") == 0) &&
                   TOK (i - 1)->gap == 0 && name_before (toks, i - 1, &s) && date_after (story, toks, i + 1, &d))
            add_event (story, st, toks, s, i - 1, NULL, d.lo, d.hi, d.start, d.end);
        }
    }
}

/* ---- the story's date ---- */

static void
count_full_dates (Story  *story,
                  GArray *toks,
                  guint   doc)
{
  for (guint i = 0; i + 2 < toks->len; i++)
    {
      int m = month_of (TOK (i)), y;
      guint day;
      gpointer old;
      guint docs, last;

      if (m == 0 || !TOK (i)->cap || !TOK (i + 1)->num || (y = year_of (TOK (i + 2))) == 0 ||
          (day = julian (y, m, atoi (TOK (i + 1)->low))) == 0)
        continue;
      old = g_hash_table_lookup (story->full_dates, GUINT_TO_POINTER (day));
      docs = GPOINTER_TO_UINT (old) >> 8;
      last = GPOINTER_TO_UINT (old) & 0xff;
      if (last != (doc + 1) % 256 || old == NULL)
        docs++;
      g_hash_table_insert (story->full_dates, GUINT_TO_POINTER (day),
                           GUINT_TO_POINTER (docs << 8 | ((doc + 1) % 256)));
    }
}

static void
choose_main_day (Story       *story,
                 const GDate *dates,
                 guint        n_texts)
{
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0, best_docs = 0;

  g_hash_table_iter_init (&iter, story->full_dates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint docs = GPOINTER_TO_UINT (value) >> 8;

      if (docs > best_docs || (docs == best_docs && GPOINTER_TO_UINT (key) < best))
        best = GPOINTER_TO_UINT (key), best_docs = docs;
    }
  if (best == 0 && dates != NULL)
    {
      /* the earliest of the documents' own dates */
      for (guint i = 0; i < n_texts; i++)
        if (g_date_valid (&dates[i]) && (best == 0 || g_date_get_julian (&dates[i]) < best))
          best = g_date_get_julian (&dates[i]);
    }
  story->main_day = best;
  if (best != 0)
    {
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, best);
      story->main_year = g_date_get_year (&d);
    }
}

/* ---- matching ---- */

static gboolean
owner_fits (const Claim *c,
            const Event *e)
{
  char word[128];

  if (e->subject == NULL)
    return TRUE;
  first_word (e->subject, word, sizeof word);
  return c->owner != NULL && g_strv_contains ((const char * const *) c->owner, word);
}

static gboolean
event_inside (const Claim *c,
              const Event *e)
{
  return e->lo >= c->win_lo && e->lo < c->at;
}

static gboolean
event_of_kind (const Story *story,
               const Event *e,
               const char  *kind)
{
  return e->kind == kind || is_kind (story, e->item, kind);
}

static void
compare (Story  *story,
         GArray *out)
{
  g_autoptr(GHashTable) by_kind = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) claim_kinds = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < story->claims->len; i++)
    g_hash_table_add (claim_kinds, (gpointer) g_array_index (story->claims, Claim, i).kind);
  /* the events, by the kinds claims speak of */
  for (guint i = 0; i < story->events->len; i++)
    {
      Event *e = &g_array_index (story->events, Event, i);
      GHashTableIter iter;
      gpointer kind;

      g_hash_table_iter_init (&iter, claim_kinds);
      while (g_hash_table_iter_next (&iter, &kind, NULL))
        if (event_of_kind (story, e, kind))
          {
            GPtrArray *list = g_hash_table_lookup (by_kind, kind);

            if (list == NULL)
              g_hash_table_insert (by_kind, kind, list = g_ptr_array_new ());
            if (list->len < CC_CLAIM_FIRSTS_MAX_PER_KIND)
              g_ptr_array_add (list, e);
          }
    }
  /* a document that states an event inside its own claim's window
   * contradicts itself: neither side of it counts */
  for (guint i = 0; i < story->claims->len; i++)
    {
      Claim *c = &g_array_index (story->claims, Claim, i);
      GPtrArray *list = g_hash_table_lookup (by_kind, c->kind);

      for (guint k = 0; list != NULL && k < list->len; k++)
        {
          Event *e = g_ptr_array_index (list, k);

          if (e->st->doc == c->st->doc && event_inside (c, e) &&
              (c->item == NULL || !same_name (c->item, e->item)))
            c->dropped = TRUE;
        }
    }
  for (guint i = 0; i < story->claims->len && i < CC_CLAIM_FIRSTS_MAX_PER_KIND * 4; i++)
    {
      Claim *c = &g_array_index (story->claims, Claim, i);
      GPtrArray *list = g_hash_table_lookup (by_kind, c->kind);

      if (c->dropped)
        continue;
      for (guint k = 0; list != NULL && k < list->len; k++)
        {
          Event *e = g_ptr_array_index (list, k);
          gboolean event_doc_claims = FALSE;
          g_autofree char *key = NULL;
          CcPartDisagreement d = { 0 };
          char word[128];

          if (e->st->doc == c->st->doc || !event_inside (c, e) || !owner_fits (c, e) ||
              (c->item != NULL && same_name (c->item, e->item)))
            continue;
          /* the event's own document claims the same first */
          for (guint j = 0; j < story->claims->len && !event_doc_claims; j++)
            {
              Claim *o = &g_array_index (story->claims, Claim, j);

              event_doc_claims = o->st->doc == e->st->doc && o->kind == c->kind;
            }
          if (event_doc_claims)
            continue;
          first_word (e->item, word, sizeof word);
          key = g_strdup_printf ("%u|%u|%s", i, e->st->doc, word);
          if (!g_hash_table_add (seen, g_steal_pointer (&key)))
            continue;
          d.kind = CC_DISAGREEMENT_DATE;
          d.a = c->st;
          d.b = e->st;
          d.a_start = c->v_start;
          d.a_end = c->v_end;
          d.b_start = e->v_start;
          d.b_end = e->v_end;
          d.strength = 0.5;
          d.subject = "";
          d.attribute = c->kind;
          g_array_append_val (out, d);
        }
    }
}

static void
debug_dump (Story *story)
{
  GHashTableIter iter;
  gpointer key, value;

  g_printerr ("FIRSTS main day %u\n", story->main_day);
  for (guint i = 0; i < story->claims->len; i++)
    {
      Claim *c = &g_array_index (story->claims, Claim, i);

      g_printerr ("FIRSTS claim d%u kind=%s item=%s window=%u..%u\n", c->st->doc, c->kind,
                  c->item ? c->item : "-", c->win_lo, c->at);
    }
  for (guint i = 0; i < story->events->len; i++)
    {
      Event *e = &g_array_index (story->events, Event, i);

      g_printerr ("FIRSTS event d%u item=%s subject=%s kind=%s %u..%u\n", e->st->doc, e->item,
                  e->subject ? e->subject : "-", e->kind ? e->kind : "-", e->lo, e->hi);
    }
  g_hash_table_iter_init (&iter, story->kinds);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *facts = value;

      for (guint i = 0; i < facts->len; i++)
        g_printerr ("FIRSTS kind %s = %s\n", g_array_index (facts, KindFact, i).name,
                    g_array_index (facts, KindFact, i).kind);
    }
}

/* ---- the pass over the sentences ---- */

typedef void (*SentenceFunc) (Story *story, const CcStatement *st, GArray *toks);

/* Calls @func with the words of each sentence once (its first statement),
 * walking each text once. */
static void
each_sentence (Story              *story,
               GPtrArray          *statements,
               const char * const *texts,
               guint               n_texts,
               SentenceFunc        func)
{
  guint doc = G_MAXUINT, last_start = G_MAXUINT;
  const char *at = NULL;
  guint at_c = 0;

  for (guint i = 0; i < statements->len; i++)
    {
      const CcStatement *st = g_ptr_array_index (statements, i);
      const char *to;
      guint c;
      GArray *toks;

      if (st->doc >= n_texts)
        continue;
      if (st->doc != doc)
        doc = st->doc, at = texts[doc], at_c = 0, last_start = G_MAXUINT;
      if (st->start == last_start || st->start < at_c || st->end <= st->start)
        continue;
      last_start = st->start;
      while (at_c < st->start && *at != '\0')
        at = g_utf8_next_char (at), at_c++;
      for (to = at, c = at_c; c < st->end && *to != '\0'; c++)
        to = g_utf8_next_char (to);
      toks = tokenize (story, at, to, st->start);
      func (story, st, toks);
      toks_free (toks);
    }
}

static void
first_pass (Story             *story,
            const CcStatement *st,
            GArray            *toks)
{
  count_full_dates (story, toks, st->doc);
  read_kinds (story, toks);
}

static void
second_pass (Story             *story,
             const CcStatement *st,
             GArray            *toks)
{
  read_claims (story, st, toks);
  read_events (story, st, toks);
}

void
cc_claim_firsts_find (GPtrArray          *statements,
                      const char * const *texts,
                      const GDate        *dates,
                      guint               n_texts,
                      CcLexicon          *lexicon,
                      GArray             *out)
{
  Story story = { 0 };

  story.lexicon = lexicon;
  story.stemmer = cc_lexicon_stemmer (lexicon);
  story.claims = g_array_new (FALSE, TRUE, sizeof (Claim));
  g_array_set_clear_func (story.claims, claim_clear);
  story.events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_array_set_clear_func (story.events, event_clear);
  story.kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, kind_facts_free);
  story.full_dates = g_hash_table_new (g_direct_hash, g_direct_equal);

  each_sentence (&story, statements, texts, n_texts, first_pass);
  choose_main_day (&story, dates, n_texts);
  each_sentence (&story, statements, texts, n_texts, second_pass);
  if (g_getenv ("CC_ENGINE_DEBUG") != NULL)
    debug_dump (&story);
  if (story.claims->len > 0 && story.events->len > 0)
    compare (&story, out);

  g_array_unref (story.claims);
  g_array_unref (story.events);
  g_hash_table_unref (story.kinds);
  g_hash_table_unref (story.full_dates);
}
