/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Statements: sentences taken apart into terms, names, values with their
 * roles, and state.
 *
 * Resources: the words and their stems come from cc-wordstem.c (Snowball's
 * English stemmer, libstemmer), the sentences from cc-sentences.c (Pango's
 * UAX #29 boundaries) and the number words, month and weekday names, scale
 * words and hedges from cc-values.c. A parser (link-grammar) was tried on
 * paper and left out: it costs milliseconds a sentence, is lost on
 * headlines, tables and score lines ("NDA 292"), and the roles needed here
 * (the noun after a figure, the names before it) are found as well from
 * word order. Everything here is one pass over the words: linear in the
 * length of the text, whatever the length of a sentence. */

#define G_LOG_DOMAIN "crosscheck-analysis"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-sentences.h"
#include "cc-statement.h"

struct _CcLexicon
{
  CcWordStem   *stem;
  GStringChunk *chunk;
  GHashTable   *strings;
};

CcLexicon *
cc_lexicon_new (void)
{
  CcLexicon *self = g_new0 (CcLexicon, 1);

  self->stem = cc_word_stem_new ();
  self->chunk = g_string_chunk_new (4096);
  self->strings = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
cc_lexicon_free (CcLexicon *self)
{
  if (self == NULL)
    return;
  cc_word_stem_free (self->stem);
  g_string_chunk_free (self->chunk);
  g_hash_table_unref (self->strings);
  g_free (self);
}

const char *
cc_lexicon_intern (CcLexicon  *self,
                   const char *str)
{
  char *s = g_hash_table_lookup (self->strings, str);

  if (s == NULL)
    {
      s = g_string_chunk_insert (self->chunk, str);
      g_hash_table_add (self->strings, s);
    }
  return s;
}

CcWordStem *
cc_lexicon_stemmer (CcLexicon *self)
{
  return self->stem;
}

void
cc_statement_free (CcStatement *statement)
{
  if (statement == NULL)
    return;
  for (guint i = 0; i < statement->n_values; i++)
    g_free (statement->values[i].about);
  for (guint i = 0; i < statement->n_names; i++)
    g_free (statement->names[i].tokens);
  g_free (statement->values);
  g_free (statement->names);
  g_free (statement->terms);
  g_free (statement->years);
  g_free (statement);
}

/* The elements of @array in a block of exactly their size, freeing the
 * array (NULL when it is empty). A story keeps every statement of every
 * document at once; arrays that grow by doubling would keep up to twice
 * the memory they hold. */
static gpointer
exact_free (GArray *array)
{
  gsize size = (gsize) array->len * g_array_get_element_size (array);
  gpointer data = size > 0 ? g_memdup2 (array->data, size) : NULL;

  g_array_free (array, TRUE);
  return data;
}

/* The same for a GPtrArray that ends with its NULL. */
static gpointer
exact_free_ptrs (GPtrArray *array)
{
  gpointer data = g_memdup2 (array->pdata, sizeof (gpointer) * array->len);

  g_ptr_array_free (array, TRUE);
  return data;
}

/* ---- words of one document ---- */

enum
{
  W_CAP = 1 << 0,     /* starts with a capital */
  W_NUM = 1 << 1,     /* starts with a digit */
  W_STOP = 1 << 2,    /* function word */
  W_NAME = 1 << 3,    /* part of a name */
  W_USED = 1 << 4,    /* taken by a value */
};

typedef struct
{
  const char *lex;    /* lower-cased word, interned */
  const char *stem;   /* interned */
  guint       start;  /* character offsets */
  guint       end;
  guint       flags;
} Word;

typedef struct
{
  CcLexicon  *lexicon;
  const char *text;
  guint      *bytes;  /* byte offset of each character offset */
  guint       n_chars;
  Word       *w;      /* the words of the sentence being read */
  guint       n;
  GArray     *values;
  GArray     *names;
  gboolean    carry_past;  /* the time qualifier at the head of the last sentence */
  double      carry_year;
  const char *carry_subject; /* the first name of the last sentence, and its last word */
  const char *carry_head;
} Doc;

static const char *
gap (Doc  *doc,
     guint i,
     gsize *len)
{
  /* The text between word i and word i + 1 of the sentence. */
  guint from = doc->bytes[doc->w[i].end];
  guint to = doc->bytes[doc->w[i + 1].start];

  *len = to - from;
  return doc->text + from;
}

static gboolean
gap_is (Doc        *doc,
        guint       i,
        const char *what)
{
  gsize len;
  const char *g;

  if (i + 1 >= doc->n)
    return FALSE;
  g = gap (doc, i, &len);
  return len == strlen (what) && memcmp (g, what, len) == 0;
}

static gboolean
gap_has (Doc        *doc,
         guint       i,
         const char *chars)
{
  gsize len;
  const char *g;

  if (i + 1 >= doc->n)
    return FALSE;
  g = gap (doc, i, &len);
  for (gsize k = 0; k < len; k++)
    if (strchr (chars, g[k]) != NULL)
      return TRUE;
  return FALSE;
}

/* The characters of the text just before word i (for "$", "£", "€"). */
static gboolean
currency_before (Doc        *doc,
                 guint       i,
                 const char **symbol)
{
  static const char * const symbols[] = { "$", "\xe2\x82\xac", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xb9" };
  guint at = doc->bytes[doc->w[i].start];

  for (guint k = 0; k < G_N_ELEMENTS (symbols); k++)
    {
      gsize len = strlen (symbols[k]);

      if (at >= len && memcmp (doc->text + at - len, symbols[k], len) == 0)
        {
          *symbol = symbols[k];
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
word_is (Doc        *doc,
         guint       i,
         const char *lex)
{
  return i < doc->n && strcmp (doc->w[i].lex, lex) == 0;
}

/* ---- numbers ---- */

/* Parses "294", "4,576", "1.05", "10-12c", "35-km", "32km", "8c" into a
 * number (or a range) and the letters after it. FALSE for ordinals
 * ("2nd"), decades ("1990s", "40s") and words that are no figure. */
static gboolean
parse_figure (const char *lex,
              double     *low,
              double     *high,
              double     *step,
              const char **suffix)
{
  const char *p = lex;
  char buf[64];
  gsize n = 0;
  const char *dot = NULL;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; (g_ascii_isdigit (*p) || *p == ',' || *p == '.') && n + 1 < sizeof buf; p++)
    {
      if (*p == ',')
        continue;
      if (*p == '.')
        dot = p;
      buf[n++] = *p;
    }
  buf[n] = '\0';
  *low = *high = g_ascii_strtod (buf, NULL);
  *step = dot != NULL ? pow (10, -(double) (p - dot - 1)) : 1;
  if (*p == '-' && g_ascii_isdigit (p[1]))
    {
      n = 0;
      for (p++; (g_ascii_isdigit (*p) || *p == '.') && n + 1 < sizeof buf; p++)
        buf[n++] = *p;
      buf[n] = '\0';
      *high = g_ascii_strtod (buf, NULL);
      if (*high < *low)
        return FALSE;
    }
  if (*p == '-')
    p++;
  *suffix = p;
  if (strcmp (p, "st") == 0 || strcmp (p, "nd") == 0 || strcmp (p, "rd") == 0 ||
      strcmp (p, "th") == 0 || strcmp (p, "s") == 0)
    return FALSE;
  return TRUE;
}

/* A spelled-out number: "nine", "nineteen", "three". */
static gboolean
parse_number_word (const char *lex,
                   double     *value)
{
  double v = cc_value_number_word (lex, strlen (lex));

  if (v < 0)
    return FALSE;
  *value = v;
  return TRUE;
}

/* Units written in several ways, folded to one role. These are facts of
 * English measure words, not of any story. */
static const char *
fold_unit (const char *stem)
{
  static const char * const folds[][2] = {
    { "km", "km" }, { "kilomet", "km" }, { "kilometr", "km" }, { "kilometer", "km" },
    { "kilometre", "km" }, { "k", "km" },
    { "c", "°c" }, { "celsius", "°c" }, { "degre", "°c" }, { "°c", "°c" },
    { "f", "°f" }, { "fahrenheit", "°f" },
    { "m", "m" }, { "metr", "m" }, { "meter", "m" }, { "metre", "m" },
    { "mi", "mile" }, { "mile", "mile" },
    { "kg", "kg" }, { "kilogram", "kg" },
    { "mph", "mph" }, { "kmh", "km/h" },
    { "day", "day" }, { "week", "week" }, { "month", "month" }, { "year", "year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (folds); i++)
    if (strcmp (stem, folds[i][0]) == 0)
      return folds[i][1];
  return NULL;
}

/* Seconds per duration word, or 0. */
static double
duration_unit (const char *stem)
{
  if (strcmp (stem, "second") == 0 || strcmp (stem, "sec") == 0)
    return 1;
  if (strcmp (stem, "minut") == 0 || strcmp (stem, "min") == 0)
    return 60;
  if (strcmp (stem, "hour") == 0 || strcmp (stem, "hr") == 0)
    return 3600;
  return 0;
}

static gboolean
is_meridiem (Doc  *doc,
             guint i)
{
  const char *l;

  if (i >= doc->n)
    return FALSE;
  l = doc->w[i].lex;
  return strcmp (l, "am") == 0 || strcmp (l, "pm") == 0 ||
         ((strcmp (l, "a") == 0 || strcmp (l, "p") == 0) && word_is (doc, i + 1, "m"));
}

/* The time zone written after a clock time whose meridiem ends at word
 * @m ("1:05 a.m. ET", "10:35 AM (IST)"). */
static void
read_zone (Doc              *doc,
           guint             m,
           CcStatementValue *v)
{
  guint z = word_is (doc, m, "a") || word_is (doc, m, "p") ? m + 2 : m + 1;
  g_autofree char *upper = NULL;
  gboolean dst = FALSE;

  /* written with a capital: "et" or "ist" in lower case is a word */
  if (z >= doc->n || !(doc->w[z].flags & W_CAP))
    return;
  upper = g_ascii_strup (doc->w[z].lex, -1);
  v->zoned = cc_value_zone (upper, strlen (upper), &v->zone, &dst);
  v->zone_dst = dst;
}

/* "MPs", "CEOs", "MLAs": the plural of an abbreviation, a common noun. */
static gboolean
plural_initials (Doc  *doc,
                 guint i)
{
  const char *p = doc->text + doc->bytes[doc->w[i].start];
  const char *end = doc->text + doc->bytes[doc->w[i].end];
  gsize caps = 0;

  while (p < end && g_ascii_isupper (*p))
    p++, caps++;
  return caps >= 2 && p + 1 == end && *p == 's';
}

static gboolean
threshold_word (const char *lex)
{
  return strcmp (lex, "mark") == 0 || strcmp (lex, "threshold") == 0 ||
         strcmp (lex, "barrier") == 0 || strcmp (lex, "milestone") == 0;
}

typedef struct
{
  CcStatementValue v;
  guint            first;  /* words taken */
  guint            last;
} Found;

/* A number at word i (figure or number word), with what follows it: a
 * range, a scale word, a percent sign, a clock time, a duration. */
static gboolean
read_number (Doc   *doc,
             guint  i,
             Found *f)
{
  Word *w = &doc->w[i];
  const char *suffix = "";
  double low, high, step = 1;
  guint last = i;
  double scale;
  const char *symbol = NULL;

  memset (f, 0, sizeof *f);
  if (w->flags & W_NUM)
    {
      if (!parse_figure (w->lex, &low, &high, &step, &suffix))
        return FALSE;
    }
  else if (parse_number_word (w->lex, &low))
    high = low;
  else
    return FALSE;

  f->v.kind = CC_PART_NUMBER;
  f->v.role = "";

  /* A clock time or a race time: 2:01:09, 60:48 */
  if ((w->flags & W_NUM) && *suffix == '\0' && gap_is (doc, i, ":") &&
      (doc->w[i + 1].flags & W_NUM))
    {
      double total = low;
      guint parts = 1;

      while (gap_is (doc, last, ":") && (doc->w[last + 1].flags & W_NUM) && parts < 3)
        {
          total = total * 60 + g_ascii_strtod (doc->w[last + 1].lex, NULL);
          last++;
          parts++;
        }
      if (is_meridiem (doc, last + 1))
        {
          f->v.kind = CC_PART_CLOCK;
          read_zone (doc, last + 1, &f->v);
          total = fmod (low, 12) * 60 + g_ascii_strtod (doc->w[i + 1].lex, NULL) +
                  (doc->w[last + 1].lex[0] == 'p' ? 720 : 0);
        }
      else
        {
          f->v.kind = CC_PART_DURATION;
          /* "2:01:36 pace": a projection, not a time run */
          if (word_is (doc, last + 1, "pace") || word_is (doc, last + 1, "schedule"))
            f->v.role = "pace";
        }
      low = high = total;
      step = 1;
      goto done;
    }
  /* "1.05 am" */
  if ((w->flags & W_NUM) && *suffix == '\0' && is_meridiem (doc, i + 1))
    {
      double h = floor (low);

      f->v.kind = CC_PART_CLOCK;
      read_zone (doc, i + 1, &f->v);
      low = high = fmod (h, 12) * 60 + round ((low - h) * 100) +
                   (doc->w[i + 1].lex[0] == 'p' ? 720 : 0);
      goto done;
    }

  /* A range across words: "7–8C", "between nine and 10", "from 20 to 41" */
  if (i + 1 < doc->n && low == high &&
      (gap_has (doc, i, "\xe2\x80\x93-") ||
       ((word_is (doc, i + 1, "and") || word_is (doc, i + 1, "to")) && i >= 1 &&
        (word_is (doc, i - 1, "between") || word_is (doc, i - 1, "from")))))
    {
      guint j = (doc->w[i + 1].flags & W_NUM) || parse_number_word (doc->w[i + 1].lex, &scale) ? i + 1 : i + 2;
      double l2, h2, s2;
      const char *suf2 = "";

      if (j < doc->n && (((doc->w[j].flags & W_NUM) &&
                          parse_figure (doc->w[j].lex, &l2, &h2, &s2, &suf2)) ||
                         parse_number_word (doc->w[j].lex, &l2)) &&
          (j == i + 1 ? gap_has (doc, i, "\xe2\x80\x93-") : TRUE))
        {
          if (!(doc->w[j].flags & W_NUM))
            h2 = l2;
          if (h2 > low)
            {
              high = h2;
              suffix = suf2;
              last = j;
            }
        }
    }

  /* Scale words: "14.3 billion", "3+ billion" */
  if (*suffix != '\0' && (scale = cc_value_scale_from_word (suffix, strlen (suffix))) > 0 &&
      currency_before (doc, i, &symbol))
    {
      low *= scale;
      high *= scale;
      step *= scale;
      suffix = "";
    }
  else if (last + 1 < doc->n &&
           (scale = cc_value_scale_from_word (doc->w[last + 1].lex, strlen (doc->w[last + 1].lex))) > 1 &&
           strlen (doc->w[last + 1].lex) > 1)
    {
      low *= scale;
      high *= scale;
      step *= scale;
      last++;
    }

  if (currency_before (doc, i, &symbol))
    {
      f->v.kind = CC_PART_MONEY;
      f->v.role = cc_lexicon_intern (doc->lexicon, symbol);
      goto done;
    }
  if (gap_has (doc, last, "%") || word_is (doc, last + 1, "percent") ||
      (word_is (doc, last + 1, "per") && word_is (doc, last + 2, "cent")))
    {
      f->v.kind = CC_PART_PERCENT;
      f->v.role = "%";
      if (!gap_has (doc, last, "%"))
        last += word_is (doc, last + 1, "per") ? 2 : 1;
      goto done;
    }
  if (*suffix != '\0')
    {
      const char *unit = fold_unit (suffix);

      if (unit == NULL)
        return FALSE;
      f->v.role = cc_lexicon_intern (doc->lexicon, unit);
      f->v.measure = TRUE;
      goto done;
    }

  /* Durations: "34 seconds", "three minutes and 27 seconds" */
  if (last + 1 < doc->n && duration_unit (doc->w[last + 1].stem) > 0 && low == high)
    {
      double total = low * duration_unit (doc->w[last + 1].stem);
      double unit = duration_unit (doc->w[last + 1].stem);

      last++;
      for (;;)
        {
          guint j = last + 1;
          double more, u;

          if (word_is (doc, j, "and"))
            j++;
          if (j + 1 >= doc->n || !((doc->w[j].flags & W_NUM) || parse_number_word (doc->w[j].lex, &more)))
            break;
          if (doc->w[j].flags & W_NUM)
            more = g_ascii_strtod (doc->w[j].lex, NULL);
          u = duration_unit (doc->w[j + 1].stem);
          if (u <= 0 || u >= unit)
            break;
          total += more * u;
          unit = u;
          last = j + 1;
        }
      /* "35 seconds over 2 hours" */
      if ((word_is (doc, last + 1, "over") || word_is (doc, last + 1, "past")) && last + 3 < doc->n)
        {
          double more = 0, u = duration_unit (doc->w[last + 3].stem);

          if ((doc->w[last + 2].flags & W_NUM))
            more = g_ascii_strtod (doc->w[last + 2].lex, NULL);
          else if (!parse_number_word (doc->w[last + 2].lex, &more))
            u = 0;
          if (u > unit)
            {
              total += more * u;
              last += 3;
            }
        }
      f->v.kind = CC_PART_DURATION;
      /* a length of time in words is a measure ("34 seconds"); a clock
       * figure ("2:01:09") is the time of whoever it follows */
      f->v.measure = TRUE;
      f->v.role = "s";
      low = high = total;
      step = unit;
      goto done;
    }

  /* A calendar year */
  if ((w->flags & W_NUM) && step == 1 && low == high && low >= 1900 && low <= 2100 &&
      strchr (w->lex, ',') == NULL)
    {
      f->v.kind = CC_PART_YEAR;
      goto done;
    }

  /* The noun it counts, or its unit: "294 seats", "35 kilometers" */
  for (guint j = last + 1; j < doc->n && j <= last + 2; j++)
    {
      Word *n = &doc->w[j];
      const char *unit;

      if (j > last + 1 && gap_has (doc, j - 1, ",;:()"))
        break;
      if (gap_has (doc, j - 1, ",;:()") || (n->flags & W_NUM) ||
          ((n->flags & W_CAP) && !plural_initials (doc, j)))
        break;
      if (n->flags & W_STOP)
        {
          if (strcmp (n->lex, "other") == 0 || strcmp (n->lex, "more") == 0)
            continue;
          break;
        }
      unit = fold_unit (n->stem);
      f->v.measure = unit != NULL;
      f->v.role = cc_lexicon_intern (doc->lexicon, unit != NULL ? unit : n->stem);
      last = j;
      /* "the 100 seat mark", "the 300 mark": a threshold, not a count */
      if (unit == NULL && (threshold_word (n->lex) ||
                           (j + 1 < doc->n && threshold_word (doc->w[j + 1].lex))))
        f->v.threshold = TRUE;
      break;
    }
  /* A spelled-out number counts only when it counts something or is a range. */
  if (!(w->flags & W_NUM) && *f->v.role == '\0' && high == low)
    return FALSE;

done:
  f->v.low = low;
  f->v.high = high;
  f->v.step = step;
  f->first = i;
  f->last = last;
  return TRUE;
}

/* "June 6", "6 June" (and the year after "June 6, 2024", taken with it) */
static gboolean
read_day (Doc   *doc,
          guint  i,
          Found *f)
{
  guint month = cc_value_month_from_word (doc->w[i].lex, strlen (doc->w[i].lex));
  guint day_word;
  double day, high, step;
  const char *suffix;

  memset (f, 0, sizeof *f);
  if (month == 0 || !(doc->w[i].flags & W_CAP))
    return FALSE;
  /* "June 6", else "6 June" (and "8 October 2023": not the year after) */
  for (guint c = 0; c < 2; c++)
    {
      if (c == 0 && i + 1 < doc->n && (doc->w[i + 1].flags & W_NUM))
        day_word = i + 1;
      else if (c == 1 && i > 0 && (doc->w[i - 1].flags & W_NUM) && !(doc->w[i - 1].flags & W_USED))
        day_word = i - 1;
      else
        continue;
      if (!parse_figure (doc->w[day_word].lex, &day, &high, &step, &suffix) ||
          (*suffix != '\0' && strcmp (suffix, "th") != 0) || day < 1 || day > 31 || day != floor (day))
        continue;
      f->v.kind = CC_PART_DAY;
      f->v.low = f->v.high = month * 100 + day;
      f->v.step = 1;
      f->v.role = "";
      f->first = MIN (i, day_word);
      f->last = MAX (i, day_word);
      if (f->last + 1 < doc->n && (gap_has (doc, f->last, ",") || day_word < i) &&
          (doc->w[f->last + 1].flags & W_NUM) && strlen (doc->w[f->last + 1].lex) == 4)
        f->last++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_weekday (Doc   *doc,
              guint  i,
              Found *f)
{
  guint day = cc_value_weekday_from_word (doc->w[i].lex, strlen (doc->w[i].lex));

  memset (f, 0, sizeof *f);
  if (day == 0 || !(doc->w[i].flags & W_CAP))
    return FALSE;
  f->v.kind = CC_PART_WEEKDAY;
  f->v.low = f->v.high = day;
  f->v.step = 1;
  f->v.role = "";
  f->first = f->last = i;
  return TRUE;
}

static void
read_hedge (Doc   *doc,
            Found *f)
{
  /* A hedge word right before the value: "more than 30 seconds" */
  for (guint back = 1; back <= 2 && back <= f->first; back++)
    {
      CcValueQualifier q;
      guint from = doc->bytes[doc->w[f->first - back].start];
      guint to = doc->bytes[doc->w[f->first].start];
      gsize used = cc_value_parse_qualifier (doc->text + from, &q);

      if (used > 0 && from + used <= to && to - (from + used) <= 2)
        {
          f->v.hedge = q;
          return;
        }
    }
}

/* The first word of the run of name words that ends at word @last. */
static guint
name_run_start (Doc   *doc,
                guint  last)
{
  guint k = last;

  while (k > 0 && (doc->w[k - 1].flags & W_NAME) && gap_is (doc, k - 1, " "))
    k--;
  return k;
}

/* A name that only qualifies the noun before it: "by" after a participle
 * ("the alliance led by the Tarn party", "a fund backed by Orlen").
 * Returns the index of the participle, or 0 when the name at @start is
 * none such. */
static guint
agent_participle (Doc   *doc,
                  guint  start)
{
  guint by = start;
  const char *participle;

  if (by > 0 && (word_is (doc, by - 1, "the") || word_is (doc, by - 1, "a")))
    by--;
  if (by < 2 || !word_is (doc, by - 1, "by"))
    return 0;
  participle = doc->w[by - 2].lex;
  if ((doc->w[by - 2].flags & W_NAME) || strlen (participle) <= 2 ||
      !g_str_has_suffix (participle, "ed"))
    return 0;
  return by - 2;
}

/* A past form or a verb of getting ("won 291", "secured 22", "got 17"),
 * from English morphology and its common irregular verbs. */
static gboolean
verb_like (const char *lex)
{
  static const char * const irregular[] = {
    "won", "got", "had", "has", "took", "held", "hit", "set", "put", "ran", "beat", "lost", "gave",
    "kept", "left", "made", "win", "wins", "get", "gets", "take", "takes", "hold", "holds", "reach",
    "reaches", "total", "totals", "tally",
  };

  if (g_str_has_suffix (lex, "ed") || g_str_has_suffix (lex, "ing"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (irregular); i++)
    if (strcmp (lex, irregular[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The text right after word @i is a possessive ending ("Kipchoge's"). */
static gboolean
possessive_after (Doc  *doc,
                  guint i)
{
  guint from, at;

  if (i >= doc->n)
    return FALSE;
  /* (the word as split keeps its "'s"; its lexeme does not) */
  from = doc->bytes[doc->w[i].start];
  at = doc->bytes[doc->w[i].end];
  return (at - from > 2 && strncmp (doc->text + at - 2, "'s", 2) == 0) ||
         (at - from > 4 && strncmp (doc->text + at - 4, "\xe2\x80\x99s", 4) == 0);
}

/* The name a value is said of: the run of name words nearest before it
 * in its clause ("NDA" in "the ruling NDA combine has won 291"), joined;
 * passing over a name in an agent phrase ("the INDIA alliance led by
 * Congress has 233 seats" is said of INDIA). */
static const char *
read_anchor (Doc   *doc,
             Found *f)
{
  g_autoptr(GString) run = g_string_new (NULL);
  guint j = f->first;

  while (j > 0 && !(doc->w[j - 1].flags & W_NAME))
    j--;
  if (j > 0 && agent_participle (doc, name_run_start (doc, j - 1)) > 0)
    {
      guint k = agent_participle (doc, name_run_start (doc, j - 1));

      while (k > 0 && !(doc->w[k - 1].flags & W_NAME))
        k--;
      if (k > 0)
        j = k;
    }
  if (j == 0)
    {
      /* none before: the name just after ("2:01:53 last December in Valencia") */
      for (guint k = f->last + 1; k < doc->n && k <= f->last + 4 && !(doc->w[k].flags & W_USED); k++)
        {
          if (gap_has (doc, k - 1, ",;:"))
            break;
          if (doc->w[k].flags & W_NAME)
            return doc->w[k].lex;
        }
      return NULL;
    }
  /* "X's record with a time of 2:00:35": the value is the doing of the
   * clause's subject, not of the possessor of the noun before it */
  if (possessive_after (doc, j - 1))
    for (guint k = j; k < f->first; k++)
      if (word_is (doc, k, "with"))
        return NULL;
  /* "CPI (M) 4": the bracket right after the name is part of it */
  if (gap_has (doc, j - 1, "(") && !gap_has (doc, j - 1, ")"))
    for (guint k = j; k < f->first && k < j + 3; k++)
      {
        g_string_append_c (run, ' ');
        g_string_append (run, doc->w[k].lex);
        if (gap_has (doc, k, ")"))
          break;
      }
  for (guint k = j; k > 0 && (doc->w[k - 1].flags & W_NAME); k--)
    {
      if (run->len > 0 && run->str[0] != ' ')
        g_string_prepend_c (run, ' ');
      g_string_prepend (run, doc->w[k - 1].lex);
      /* a qualifier in brackets belongs to the name before it: "Janata
       * Dal (Secular) 2" is said of the Janata Dal (Secular), not of any
       * "Secular" */
      if (k >= 2 && gap_is (doc, k - 2, " (") && (doc->w[k - 2].flags & W_NAME) &&
          k - 1 == name_run_start (doc, j - 1) && gap_has (doc, j - 1, ")"))
        continue;
      if (k >= 2 && !gap_is (doc, k - 2, " "))
        break;
    }
  return cc_lexicon_intern (doc->lexicon, run->str);
}

/* The run of name words that starts at word @k, joined, interned. */
static const char *
name_run_after (Doc  *doc,
                guint k)
{
  g_autoptr(GString) run = g_string_new (NULL);

  for (guint j = k; j < doc->n && (doc->w[j].flags & W_NAME); j++)
    {
      if (run->len > 0)
        g_string_append_c (run, ' ');
      g_string_append (run, doc->w[j].lex);
      if (!gap_is (doc, j, " "))
        break;
    }
  return cc_lexicon_intern (doc->lexicon, run->str);
}

static gboolean
is_other (const char *lex)
{
  return strcmp (lex, "other") == 0 || strcmp (lex, "others") == 0;
}

/* The names a value is about: those since the previous value (at most 12
 * words back), else those just after it. */
static void
read_about (Doc   *doc,
            Found *f,
            guint  since)
{
  GPtrArray *about = g_ptr_array_new ();
  guint from = f->first > since + 12 ? f->first - 12 : since;

  f->v.anchor = read_anchor (doc, f);
  /* "scored 58% on Humanity's Last Exam": a score is of the test it is on */
  if ((f->v.kind == CC_PART_PERCENT || (f->v.kind == CC_PART_NUMBER && *f->v.role == '\0')) &&
      word_is (doc, f->last + 1, "on"))
    {
      guint k = word_is (doc, f->last + 2, "the") ? f->last + 3 : f->last + 2;
      const char *on = k < doc->n && (doc->w[k].flags & W_NAME) ? name_run_after (doc, k) : NULL;

      if (on != NULL)
        f->v.anchor = on;
    }
  /* the rest, as a category of its own: "Other 17" in a table, "19 MPs
   * of other parties", "Other parties got the remaining 17 seats" */
  if (f->first > 0 && is_other (doc->w[f->first - 1].lex))
    f->v.anchor = cc_lexicon_intern (doc->lexicon, "others");
  else if (f->v.anchor == NULL)
    {
      for (guint k = f->first; k > 0 && k + 6 > f->first && !(doc->w[k - 1].flags & W_USED); k--)
        if (is_other (doc->w[k - 1].lex))
          f->v.anchor = cc_lexicon_intern (doc->lexicon, "others");
      for (guint k = f->last + 1; k < doc->n && k <= f->last + 3 && !(doc->w[k].flags & W_USED); k++)
        if (is_other (doc->w[k].lex) && word_is (doc, k - 1, "of"))
          f->v.anchor = cc_lexicon_intern (doc->lexicon, "others");
    }
  /* "Air India flight 171", "Orlen route 66": a number naming a thing of
   * a name, after a common noun, not a count */
  f->v.label = f->v.kind == CC_PART_NUMBER && *f->v.role == '\0' && f->first > 1 &&
               !(doc->w[f->first - 1].flags & (W_STOP | W_NAME | W_NUM | W_CAP)) &&
               (doc->w[f->first - 2].flags & W_NAME) && gap_is (doc, f->first - 2, " ") &&
               !gap_has (doc, f->first - 1, ",;:()") && !verb_like (doc->w[f->first - 1].lex);
  if (f->v.anchor != NULL)
    {
      const char *space = strrchr (f->v.anchor, ' ');

      f->v.anchor_head = space != NULL ? cc_lexicon_intern (doc->lexicon, space + 1) : f->v.anchor;
    }
  for (guint j = f->first; j > from; j--)
    if (doc->w[j - 1].flags & W_NAME)
      g_ptr_array_add (about, (gpointer) doc->w[j - 1].lex);
  if (about->len == 0)
    for (guint j = f->last + 1; j < doc->n && j <= f->last + 4 && !(doc->w[j].flags & W_USED); j++)
      if (doc->w[j].flags & W_NAME)
        g_ptr_array_add (about, (gpointer) doc->w[j].lex);
  g_ptr_array_add (about, NULL);
  f->v.about = exact_free_ptrs (about);
}

static gboolean
route_preposition (const char *lex)
{
  static const char * const words[] = { "at", "after", "from", "through", "past", "until", "before", "by" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (lex, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
read_values (Doc *doc)
{
  guint since = 0;

  for (guint i = 0; i < doc->n; i++)
    {
      Found f;

      if (doc->w[i].flags & W_USED)
        continue;
      /* ("8 October": the day before its month is the month's) */
      if (!read_day (doc, i, &f) &&
          !((doc->w[i].flags & W_NUM) && i + 1 < doc->n && read_day (doc, i + 1, &f) && f.first == i) &&
          !read_weekday (doc, i, &f) && !read_number (doc, i, &f))
        continue;
      read_hedge (doc, &f);
      for (guint j = f.first; j <= f.last; j++)
        doc->w[j].flags |= W_USED;
      read_about (doc, &f, since);
      /* "the last 400 metres in 63 seconds": the time of a stretch, a
       * split, not of the whole */
      if (f.v.kind == CC_PART_DURATION && f.v.measure && doc->values->len > 0 && since > 0 &&
          since + 1 == f.first && word_is (doc, since, "in"))
        {
          CcStatementValue *prev = &g_array_index (doc->values, CcStatementValue, doc->values->len - 1);

          if (prev->kind == CC_PART_NUMBER && prev->measure &&
              (strcmp (prev->role, "km") == 0 || strcmp (prev->role, "m") == 0 ||
               strcmp (prev->role, "mile") == 0))
            {
              g_autofree char *split = g_strconcat ("s/", prev->role, NULL);

              f.v.role = cc_lexicon_intern (doc->lexicon, split);
            }
        }
      /* "at 35 km", "through the 35-km mark": a point on a route, not a
       * length (a race or a journey passes many) */
      if (f.v.kind == CC_PART_NUMBER && f.v.measure &&
          (strcmp (f.v.role, "km") == 0 || strcmp (f.v.role, "m") == 0 || strcmp (f.v.role, "mile") == 0) &&
          (word_is (doc, f.last + 1, "mark") ||
           (f.first > 0 && route_preposition (doc->w[f.first - 1].lex)) ||
           (f.first > 1 && word_is (doc, f.first - 1, "the") && route_preposition (doc->w[f.first - 2].lex))))
        f.v.position = TRUE;
      f.v.start = doc->w[f.first].start;
      f.v.end = doc->w[f.last].end;
      f.v.word = f.first;
      /* "542 of the 543": a part of a whole */
      if (f.v.kind == CC_PART_NUMBER && doc->values->len > 0 && since > 0)
        {
          CcStatementValue *prev = &g_array_index (doc->values, CcStatementValue, doc->values->len - 1);
          guint k = since;

          if (word_is (doc, k, "out"))
            k++;
          if (word_is (doc, k, "of"))
            k++;
          if (k > since && word_is (doc, k, "the"))
            k++;
          if (k > since && k == f.first && prev->kind == CC_PART_NUMBER && prev->low == prev->high &&
              f.v.low == f.v.high && prev->low < f.v.low && prev->low >= 1)
            prev->of_total = (float) f.v.low;
        }
      g_array_append_val (doc->values, f.v);
      since = f.last + 1;
      i = f.last;
    }
}

/* ---- names ---- */

static void
read_names (Doc *doc)
{
  for (guint i = 0; i < doc->n; i++)
    {
      CcStatementName name = { 0 };
      GPtrArray *tokens;
      guint j = i;

      if (!(doc->w[i].flags & W_NAME))
        continue;
      tokens = g_ptr_array_new ();
      while (j < doc->n && (doc->w[j].flags & W_NAME))
        {
          g_ptr_array_add (tokens, (gpointer) doc->w[j].lex);
          if (j + 1 < doc->n && !gap_is (doc, j, " "))
            {
              j++;
              break;
            }
          j++;
        }
      g_ptr_array_add (tokens, NULL);
      name.start = doc->w[i].start;
      name.end = doc->w[j - 1].end;
      name.word = i;
      name.tokens = exact_free_ptrs (tokens);
      for (guint k = i; k > 0 && k + 2 >= i; k--)
        if (!(doc->w[k - 1].flags & (W_STOP | W_NUM | W_NAME)))
          {
            name.before = doc->w[k - 1].stem;
            break;
          }
      /* "Russian cosmonaut X", "of compatriot X": a title in lower case */
      if (i > 0 && !(doc->w[i - 1].flags & (W_STOP | W_NUM | W_NAME | W_CAP)) && gap_is (doc, i - 1, " ") &&
          /* (a plural title is held by several: "astronauts X and Y") */
          !(g_str_has_suffix (doc->w[i - 1].lex, "s") && strcmp (doc->w[i - 1].lex, doc->w[i - 1].stem) != 0))
        {
          name.title = doc->w[i - 1].stem;
          name.title_word = doc->w[i - 1].lex;
          name.title_before = i > 1 && gap_is (doc, i - 2, " ") ? doc->w[i - 2].stem : NULL;
        }
      g_array_append_val (doc->names, name);
      i = j - 1;
    }
}

/* ---- words ---- */

static gboolean
is_negation (const char *lex)
{
  return strcmp (lex, "not") == 0 || strcmp (lex, "never") == 0 ||
         g_str_has_suffix (lex, "n't") || g_str_has_suffix (lex, "n\xe2\x80\x99t");
}

/* A clause that forecasts rather than reports: "would get 350 seats",
 * "was projected to win", "polls predicted". */
static gboolean
is_projection (const char *lex,
               const char *stem)
{
  static const char * const stems[] = { "predict", "project", "forecast" };

  if (strcmp (lex, "would") == 0 || strcmp (lex, "might") == 0 || strcmp (lex, "could") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    if (strcmp (stem, stems[i]) == 0)
      return TRUE;
  return FALSE;
}

static guint *
byte_offsets (const char *text,
              guint      *n_chars)
{
  GArray *bytes = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text;
  guint b;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      b = p - text;
      g_array_append_val (bytes, b);
    }
  b = p - text;
  g_array_append_val (bytes, b);
  *n_chars = bytes->len - 1;
  return (guint *) (void *) g_array_free (bytes, FALSE);
}

static Word *
read_words (Doc   *doc,
            guint *n_words)
{
  g_autoptr(GArray) raw = cc_word_stem_split (doc->lexicon->stem, doc->text);
  Word *words = g_new0 (Word, raw->len + 1);

  for (guint i = 0; i < raw->len; i++)
    {
      CcWord *cw = &g_array_index (raw, CcWord, i);
      Word *w = &words[i];
      gunichar first = g_utf8_get_char (doc->text + doc->bytes[cw->start]);

      w->lex = cc_lexicon_intern (doc->lexicon, cw->word);
      w->stem = cc_lexicon_intern (doc->lexicon, cw->stem);
      w->start = cw->start;
      w->end = cw->end;
      if (g_unichar_isupper (first))
        w->flags |= W_CAP;
      if (g_unichar_isdigit (first))
        w->flags |= W_NUM;
      if (cc_word_is_stop_word (cw->word))
        w->flags |= W_STOP;
    }
  *n_words = raw->len;
  return words;
}

/* Capitalised words that are names: not function words, months or
 * weekdays; at the start of a sentence only when the document never writes
 * the word in lower case or the next word is capitalised too. */
static void
mark_names (Word       *words,
            guint       n,
            GHashTable *lower,
            GArray     *sentences)
{
  guint s = 0;

  for (guint i = 0; i < n; i++)
    {
      Word *w = &words[i];
      gboolean initial;

      while (s < sentences->len && g_array_index (sentences, CcSpan, s).end <= w->start)
        s++;
      if (!(w->flags & W_CAP) || (w->flags & (W_STOP | W_NUM)) || strlen (w->lex) < 2 ||
          cc_value_month_from_word (w->lex, strlen (w->lex)) != 0 ||
          cc_value_weekday_from_word (w->lex, strlen (w->lex)) != 0)
        continue;
      initial = s < sentences->len && g_array_index (sentences, CcSpan, s).start == w->start;
      if (initial && g_hash_table_contains (lower, w->lex) &&
          !(i + 1 < n && (words[i + 1].flags & W_CAP) && !(words[i + 1].flags & W_STOP)))
        continue;
      w->flags |= W_NAME;
    }
}

static const char **
read_terms (Doc   *doc,
            guint *n_terms)
{
  GPtrArray *terms = g_ptr_array_new ();

  for (guint i = 0; i < doc->n; i++)
    {
      const char *t = doc->w[i].stem;
      gboolean seen = FALSE;

      if (doc->w[i].flags & (W_STOP | W_NUM) || strlen (t) < 2)
        continue;
      for (guint k = 0; k < terms->len && !seen; k++)
        seen = g_ptr_array_index (terms, k) == t;
      /* (sentences are short; a very long one keeps at most 64 terms) */
      if (!seen && terms->len < 64)
        g_ptr_array_add (terms, (gpointer) t);
    }
  *n_terms = terms->len;
  g_ptr_array_add (terms, NULL);
  return exact_free_ptrs (terms);
}

static gboolean past_marker (Doc *doc, guint i);

static gboolean
time_preposition (const char *lex)
{
  static const char * const words[] = { "in", "since", "during", "of", "from", "until", "till", "before" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (lex, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Time qualifiers belong to the nearest figure of their clause ("36
 * seconds off the 2:01:09 set last year": the 2:01:09); the earlier one
 * on a tie. */
static void
tag_times (Doc *doc)
{
  CcStatementValue *v = (CcStatementValue *) (void *) doc->values->data;
  guint n = doc->values->len;
  guint next = 0;  /* the first value at or after word i (values are in word order) */

  for (guint i = 0; i < doc->n; i++)
    {
      gboolean past = past_marker (doc, i);
      double year = 0;
      guint before = G_MAXUINT, after = G_MAXUINT, best;

      while (next < n && v[next].word < i)
        next++;
      if (!past && next < n && v[next].word == i && v[next].kind == CC_PART_YEAR && i > 0 &&
          (time_preposition (doc->w[i - 1].lex) ||
           /* "in the 2019 election" */
           (i > 1 && strcmp (doc->w[i - 1].lex, "the") == 0 && time_preposition (doc->w[i - 2].lex))))
        year = v[next].low;
      if (!past && year == 0)
        continue;
      /* the nearest other figure on each side */
      for (guint k = next; k > 0 && before == G_MAXUINT; k--)
        if (v[k - 1].kind != CC_PART_YEAR)
          before = k - 1;
      for (guint k = next; k < n && after == G_MAXUINT; k++)
        if (v[k].kind != CC_PART_YEAR && v[k].word != i)
          after = k;
      if (before == G_MAXUINT && after == G_MAXUINT)
        continue;
      if (before == G_MAXUINT)
        best = after;
      else if (after == G_MAXUINT)
        best = before;
      else
        best = v[after].word - i < i - v[before].word ? after : before;
      if (past)
        v[best].past = TRUE;
      else
        v[best].year = year;
    }
}

/* A place in a ranking: "second-place", "runner-up", "second place",
 * "came in second", "finished third" (not "the second fastest"). */
static const char *
rank_of (Word *words,
         guint n,
         guint i)
{
  static const char * const ranks[] = { "second", "third", "fourth", "fifth", "sixth" };
  static const char * const before[] = { "in", "finished", "came", "placed", "ended", "was" };
  const char *lex = words[i].lex;

  if (strcmp (lex, "runner-up") == 0)
    return "second";
  for (guint r = 0; r < G_N_ELEMENTS (ranks); r++)
    {
      gsize len = strlen (ranks[r]);

      if (!g_str_has_prefix (lex, ranks[r]))
        continue;
      if (strcmp (lex + len, "-place") == 0)
        return ranks[r];
      if (lex[len] != '\0')
        return NULL;
      if (i + 1 < n && (strcmp (words[i + 1].lex, "place") == 0 || strcmp (words[i + 1].lex, "spot") == 0))
        return ranks[r];
      for (guint b = 0; i > 0 && b < G_N_ELEMENTS (before); b++)
        if (strcmp (words[i - 1].lex, before[b]) == 0)
          return ranks[r];
      return NULL;
    }
  return NULL;
}

static CcStatement *
read_statement (Doc    *doc,
                Word   *words,
                guint   n,
                CcSpan *span,
                guint   doc_index)
{
  CcStatement *st = g_new0 (CcStatement, 1);

  doc->w = words;
  doc->n = n;
  doc->values = g_array_new (FALSE, FALSE, sizeof (CcStatementValue));
  doc->names = g_array_new (FALSE, FALSE, sizeof (CcStatementName));
  st->doc = doc_index;
  st->start = span->start;
  st->end = span->end;
  st->clause_start = words[0].start;
  st->clause_end = words[n - 1].end;
  read_values (doc);
  tag_times (doc);
  read_names (doc);
  st->terms = read_terms (doc, &st->n_terms);
  for (guint i = 0; i < n; i++)
    {
      if (is_negation (words[i].lex))
        st->negated = TRUE;
      if (is_projection (words[i].lex, words[i].stem))
        st->projected = TRUE;
      /* "all (the) results", "all 543 constituencies": the whole */
      if (st->all_noun == NULL && strcmp (words[i].lex, "all") == 0)
        for (guint k = i + 1; k < n && k <= i + 4; k++)
          {
            if (words[k].flags & (W_NUM | W_NAME | W_CAP))
              continue;
            if (words[k].flags & W_STOP)
              {
                if (strcmp (words[k].lex, "the") == 0 || strcmp (words[k].lex, "its") == 0 ||
                    strcmp (words[k].lex, "their") == 0)
                  continue;
                break;
              }
            st->all_noun = words[k].stem;
            st->all_start = words[i].start;
            st->all_end = words[k].end;
            break;
          }
      if (st->rank == NULL)
        st->rank = rank_of (words, n, i);
    }
  /* a threshold passed ("crossed the 300 mark") is a lower bound; one
   * not reached ("could not cross the 100 seat mark", "short of the 272
   * majority mark") an upper bound */
  for (guint k = 0; k < doc->values->len; k++)
    {
      CcStatementValue *v = &g_array_index (doc->values, CcStatementValue, k);
      gboolean below = st->negated;

      if (!v->threshold || v->hedge != CC_VALUE_EXACT)
        continue;
      for (guint i = 0; i < n && !below; i++)
        below = words[i].start < v->start && strcmp (words[i].lex, "short") == 0;
      v->hedge = below ? CC_VALUE_AT_MOST : CC_VALUE_AT_LEAST;
    }
  st->n_values = doc->values->len;
  st->values = exact_free (doc->values);
  st->n_names = doc->names->len;
  st->names = exact_free (doc->names);
  return st;
}

static gboolean
clause_word (const char *lex)
{
  return strcmp (lex, "while") == 0 || strcmp (lex, "whereas") == 0 || strcmp (lex, "but") == 0 ||
         strcmp (lex, "although") == 0;
}

/* Where the clause that starts at word @from ends. */
static guint
clause_end (Doc  *doc,
            guint from,
            guint to)
{
  gboolean has_value = FALSE;

  for (guint i = from; i < to; i++)
    {
      Word *w = &doc->w[i];

      /* a run-on "sentence" (a table, a list without full stops) is cut
       * into clauses of bounded length: no step is quadratic in it */
      if (i >= from + CC_STATEMENT_MAX_CLAUSE_WORDS)
        return i;
      if (i > from && clause_word (w->lex))
        return i;
      if ((w->flags & W_NUM) || cc_value_number_word (w->lex, strlen (w->lex)) >= 0)
        has_value = TRUE;
      if (i + 1 < to && gap_has (doc, i, ";"))
        return i + 1;
      if (has_value && i + 1 < to && i > from + 1 &&
          (gap_has (doc, i, ",") || strcmp (doc->w[i + 1].lex, "and") == 0) &&
          !(doc->w[i + 1].flags & W_NUM) && !(i + 2 < to && (doc->w[i + 2].flags & W_NUM)) &&
          !(i + 2 < to && cc_value_number_word (doc->w[i + 2].lex, strlen (doc->w[i + 2].lex)) >= 0))
        return i + 1;
    }
  return to;
}

static gboolean
time_noun (const char *stem)
{
  static const char * const nouns[] = {
    "elect", "year", "time", "season", "edit", "race", "poll", "vote", "term", "month", "week",
  };

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (strcmp (stem, nouns[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The years a clause names (kept for the caller; the comparison uses
 * the years tagged on each value). */
static void
clause_years (CcStatement *st)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint k = 0; k < st->n_values; k++)
    if (st->values[k].kind == CC_PART_YEAR)
      g_array_append_val (years, st->values[k].low);
  st->n_years = years->len;
  st->years = exact_free (years);
}

static gboolean
past_marker (Doc  *doc,
             guint i)
{
  const char *l = doc->w[i].lex;

  return (strcmp (l, "last") == 0 || strcmp (l, "earlier") == 0 || strcmp (l, "previous") == 0 ||
          strcmp (l, "prior") == 0) && i + 1 < doc->n && time_noun (doc->w[i + 1].stem);
}

/* A time qualifier at the head of a sentence ("In 2019, ...", "Last
 * year, ...") holds for every figure of the sentence. */
static void
front_time (Doc       *doc,
            Word      *words,
            guint      first,
            guint      n,
            GPtrArray *out,
            guint      first_statement)
{
  CcStatement *head = g_ptr_array_index (out, first_statement);
  double year = 0;
  gboolean past = FALSE;

  /* (value words are counted from the start of the document: @first) */
  doc->w = words + first;
  doc->n = n;
  for (guint i = 0; i < n && i < 3; i++)
    past = past || past_marker (doc, i);
  for (guint k = 0; k < head->n_values; k++)
    if (head->values[k].kind == CC_PART_YEAR && head->values[k].word < first + 3)
      year = head->values[k].low;
  /* A sentence that goes on with "And" keeps the time of the one before
   * it ("In the last election, the alliance won 353 seats. And the party
   * alone got 302.") */
  if (!past && year == 0 && n > 0 && strcmp (words[first].lex, "and") == 0)
    {
      past = doc->carry_past;
      year = doc->carry_year;
    }
  doc->carry_past = past;
  doc->carry_year = year;
  if (!past && year == 0)
    return;
  for (guint i = first_statement; i < out->len; i++)
    {
      CcStatement *st = g_ptr_array_index (out, i);

      for (guint k = 0; k < st->n_values; k++)
        {
          if (past)
            st->values[k].past = TRUE;
          if (year != 0 && st->values[k].year == 0)
            st->values[k].year = year;
        }
    }
}

/* "On HealthBench Hard, it scored 42.8, ahead of X (40.1)": a test, an
 * index or a ground named at the head of a sentence is the scope of all
 * its figures. */
static void
front_scope (Doc       *doc,
             Word      *words,
             guint      first,
             guint      last,
             GPtrArray *out,
             guint      first_statement)
{
  g_autoptr(GString) run = g_string_new (NULL);
  const char *scope;
  guint k = first + 1;

  if (last - first < 3 || strcmp (words[first].lex, "on") != 0)
    return;
  if (strcmp (words[k].lex, "the") == 0)
    k++;
  if (k >= last || !(words[k].flags & W_NAME))
    return;
  for (; k < last && k < first + 8; k++)
    {
      if (run->len > 0)
        g_string_append_c (run, ' ');
      g_string_append (run, words[k].lex);
      /* (the phrase ends at its comma) */
      if (k + 1 < last)
        {
          const char *from = doc->text + doc->bytes[words[k].end];
          const char *to = doc->text + doc->bytes[words[k + 1].start];

          if (memchr (from, ',', to - from) != NULL)
            break;
        }
    }
  if (k >= last || k >= first + 8 || run->len == 0)
    return;
  scope = cc_lexicon_intern (doc->lexicon, run->str);
  for (guint i = first_statement; i < out->len; i++)
    {
      CcStatement *st = g_ptr_array_index (out, i);

      for (guint v = 0; v < st->n_values; v++)
        st->values[v].scope = scope;
    }
}

/* "the 303 seats it won": a figure the pronoun's antecedent holds, the
 * subject of the sentence (its first name) rather than the nearest name. */
static void
pronoun_subjects (Doc       *doc,
                  Word      *words,
                  guint      first,
                  guint      last,
                  GPtrArray *out,
                  guint      first_statement)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GString) run = g_string_new (NULL);
  const char *subject = NULL, *head = NULL;
  gboolean held = FALSE, carried = FALSE;
  guint s = first, next_start = G_MAXUINT;

  while (s < last && !(words[s].flags & W_NAME))
    s++;
  if (s >= last)
    {
      /* no name here: "it" is the subject of the sentence before */
      subject = doc->carry_subject;
      head = doc->carry_head;
      carried = TRUE;
      s = first;
      doc->carry_subject = doc->carry_head = NULL;
      if (subject == NULL)
        return;
    }
  else
    {
      for (guint j = s; j < last && (words[j].flags & W_NAME); j++)
        {
          if (run->len > 0)
            g_string_append_c (run, ' ');
          g_string_append (run, words[j].lex);
          head = words[j].lex;
          if (j + 1 < last && words[j + 1].start != words[j].end + 1)
            break;
        }
      subject = cc_lexicon_intern (doc->lexicon, run->str);
      head = cc_lexicon_intern (doc->lexicon, head);
      doc->carry_subject = subject;
      doc->carry_head = head;
    }
  for (guint i = first_statement; i < out->len; i++)
    {
      CcStatement *st = g_ptr_array_index (out, i);

      for (guint k = 0; k < st->n_values; k++)
        g_ptr_array_add (values, &st->values[k]);
    }
  /* from the last value back: one followed by "it"/"they", or by "and"
   * and such a value ("the 303 and 282 seats it had won") */
  for (guint i = values->len; i > 0; i--)
    {
      CcStatementValue *v = g_ptr_array_index (values, i - 1);
      guint after = v->word;

      while (after < last && words[after].end <= v->end)
        after++;
      if (after < last && (strcmp (words[after].lex, "it") == 0 || strcmp (words[after].lex, "they") == 0))
        held = TRUE;
      /* in a sentence without a name, "the 303 seats secured in 2019"
       * (a participle) speaks of the last sentence's subject too */
      else if (carried && after < last && g_str_has_suffix (words[after].lex, "ed") &&
               !(words[after].flags & (W_CAP | W_STOP)))
        held = TRUE;
      else if (!(held && after + 1 < last && strcmp (words[after].lex, "and") == 0 &&
                 next_start == after + 1))
        held = FALSE;
      next_start = v->word;
      if (!held || v->word < s || (v->word == s && s != first) || v->kind == CC_PART_YEAR)
        continue;
      v->anchor = subject;
      v->anchor_head = head;
    }
}

/* "the 303 and 282 seats it won in 2019 and 2014, respectively": the
 * years go with the figures in their order. */
static void
respectively (Word      *words,
              guint      first,
              guint      last,
              GPtrArray *out,
              guint      first_statement)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  guint before = 0;  /* values before word r (they are in word order) */

  for (guint i = first_statement; i < out->len; i++)
    {
      CcStatement *st = g_ptr_array_index (out, i);

      for (guint k = 0; k < st->n_values; k++)
        g_ptr_array_add (values, &st->values[k]);
    }
  for (guint r = first; r < last; r++)
    {
      guint n_years = 0, n_figures = 0;

      while (before < values->len && ((CcStatementValue *) g_ptr_array_index (values, before))->word < r)
        before++;
      if (strcmp (words[r].lex, "respectively") != 0)
        continue;
      /* the years just before "respectively", and as many figures before
       * them (a list of a few: the work stays linear) */
      while (n_years < before && n_years < 8 &&
             ((CcStatementValue *) g_ptr_array_index (values, before - 1 - n_years))->kind == CC_PART_YEAR)
        n_years++;
      while (n_years + n_figures < before && n_figures < n_years &&
             ((CcStatementValue *) g_ptr_array_index (values, before - 1 - n_years - n_figures))->kind != CC_PART_YEAR)
        n_figures++;
      if (n_years < 2 || n_figures != n_years)
        continue;
      for (guint k = 0; k < n_years; k++)
        {
          CcStatementValue *fig = g_ptr_array_index (values, before - 2 * n_years + k);
          CcStatementValue *year = g_ptr_array_index (values, before - n_years + k);

          fig->year = year->low;
          fig->past = FALSE;
        }
    }
}

static void
read_clauses (Doc        *doc,
              Word       *words,
              guint       first,
              guint       last,
              CcSpan     *span,
              guint       doc_index,
              GPtrArray  *out)
{
  guint from = first;
  guint first_statement = out->len;

  while (from < last)
    {
      guint to;

      doc->w = words + first;
      doc->n = last - first;
      to = first + clause_end (doc, from - first, last - first);
      CcStatement *st = read_statement (doc, words + from, to - from, span, doc_index);
      gboolean past = FALSE;

      for (guint i = 0; i < st->n_values; i++)
        st->values[i].word += from;
      for (guint i = 0; i < st->n_names; i++)
        st->names[i].word += from;
      /* (read_statement() left doc->w on the clause's words) */
      for (guint i = 0; i < doc->n; i++)
        past = past || past_marker (doc, i);
      st->past = past;
      clause_years (st);
      g_ptr_array_add (out, st);
      from = to;
    }
  front_time (doc, words, first, last - first, out, first_statement);
  front_scope (doc, words, first, last, out, first_statement);
  respectively (words, first, last, out, first_statement);
  pronoun_subjects (doc, words, first, last, out, first_statement);
  for (guint i = first_statement; i < out->len; i++)
    {
      CcStatement *st = g_ptr_array_index (out, i);

      st->first_clause = first_statement;
      st->n_clauses = out->len - first_statement;
    }
}

GPtrArray *
cc_statements_extract (CcLexicon  *lexicon,
                       const char *text,
                       guint       doc_index)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_statement_free);
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GHashTable) lower = g_hash_table_new (NULL, NULL);
  g_autofree Word *words = NULL;
  Doc doc = { 0 };
  guint n_words, w = 0;

  g_return_val_if_fail (lexicon != NULL && text != NULL, out);

  doc.lexicon = lexicon;
  doc.text = text;
  doc.bytes = byte_offsets (text, &doc.n_chars);
  sentences = cc_sentences_split (text);
  words = read_words (&doc, &n_words);
  for (guint i = 0; i < n_words; i++)
    if (!(words[i].flags & (W_CAP | W_NUM)))
      g_hash_table_add (lower, (gpointer) words[i].lex);
  mark_names (words, n_words, lower, sentences);

  for (guint s = 0; s < sentences->len; s++)
    {
      CcSpan *span = &g_array_index (sentences, CcSpan, s);
      guint first;

      while (w < n_words && words[w].start < span->start)
        w++;
      first = w;
      while (w < n_words && words[w].end <= span->end)
        w++;
      if (w == first)
        continue;
      read_clauses (&doc, words, first, w, span, doc_index, out);
    }
  g_free (doc.bytes);
  return out;
}

/* ---- agreement of two values ---- */

static void
bounds (const CcStatementValue *v,
        double                 *lo,
        double                 *hi)
{
  /* What a written figure allows: its rounding step, and its hedge. */
  double half = v->step / 2;

  *lo = v->low - half;
  *hi = v->high + half;
  switch (v->hedge)
    {
    case CC_VALUE_AT_LEAST:
      *hi = INFINITY;
      break;
    case CC_VALUE_AT_MOST:
      *lo = -INFINITY;
      break;
    case CC_VALUE_APPROX:
      *lo -= fabs (v->low) * 0.05;
      *hi += fabs (v->high) * 0.05;
      break;
    case CC_VALUE_EXACT:
    default:
      break;
    }
}

gboolean
cc_statement_values_agree (const CcStatementValue *a,
                           const CcStatementValue *b)
{
  double alo, ahi, blo, bhi;

  if (a->low == b->low && a->high == b->high)
    return TRUE;
  bounds (a, &alo, &ahi);
  bounds (b, &blo, &bhi);
  /* Rounding: the less precise figure covers the more precise one
   * ("14 billion" and "14.3 billion" are not the same statement, but "about
   * 14 billion" is; exact figures written to different steps agree when the
   * coarse one holds the fine one). */
  if (a->hedge == CC_VALUE_EXACT && b->hedge == CC_VALUE_EXACT)
    {
      if (a->step > b->step)
        return b->low >= alo && b->high <= ahi;
      if (b->step > a->step)
        return a->low >= blo && a->high <= bhi;
      /* Ranges that overlap agree; two that only touch ("between 9 and
       * 10" and "10-12") hold together at one point only, and disagree */
      if (a->low < a->high && b->low < b->high)
        return MIN (a->high, b->high) > MAX (a->low, b->low);
      return !(a->high < b->low || b->high < a->low);
    }
  return !(ahi < blo || bhi < alo);
}

void
cc_statements_add_to_story (GPtrArray *story,
                            GPtrArray *statements)
{
  guint offset = story->len;

  for (guint k = 0; k < statements->len; k++)
    {
      CcStatement *st = g_ptr_array_index (statements, k);

      st->index = story->len;
      st->first_clause += offset;
      g_ptr_array_add (story, st);
    }
  g_ptr_array_set_free_func (statements, NULL);
  g_ptr_array_set_size (statements, 0);
  g_ptr_array_set_free_func (statements, (GDestroyNotify) cc_statement_free);
}
