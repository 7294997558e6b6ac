/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-values"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cc-gazetteer.h"
#include "cc-values.h"

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};
static const char * const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};
static const char * const weekday_codes[] = {
  "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN",
};

static gboolean
word_eq (const char *word,
         gsize       len,
         const char *lower)
{
#define LOWER_ASCII(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c))
  if (len == 0 || LOWER_ASCII (word[0]) != lower[0])
    return FALSE;
  for (gsize k = 1; k < len; k++)
    if (lower[k] == '\0' || LOWER_ASCII (word[k]) != lower[k])
      return FALSE;
  return lower[len] == '\0';
#undef LOWER_ASCII
}

guint
cc_value_month_from_word (const char *word,
                          gsize       len)
{
  if (len > 0 && word[len - 1] == '.')
    len--;
  /* Quick rejection: month names start with one of these letters. */
  if (len < 3 || len > 9 || strchr ("jfmasondJFMASOND", word[0]) == NULL)
    return 0;
  for (guint i = 0; i < 12; i++)
    {
      /* Full name, or an abbreviation of three letters (four for "Sept"). */
      if (word_eq (word, len, month_names[i]) ||
          (len == 3 && g_ascii_strncasecmp (word, month_names[i], 3) == 0) ||
          (i == 8 && word_eq (word, len, "sept")))
        return i + 1;
    }
  return 0;
}

guint
cc_value_weekday_from_word (const char *word,
                            gsize       len)
{
  if (len < 6 || len > 9 || strchr ("mtwfsMTWFS", word[0]) == NULL)
    return 0;
  for (guint i = 0; i < 7; i++)
    if (word_eq (word, len, weekday_names[i]))
      return i + 1;
  return 0;
}

double
cc_value_scale_from_word (const char *word,
                          gsize       len)
{
  static const struct { const char *word; double scale; } scales[] = {
    { "thousand", 1e3 }, { "k", 1e3 },
    { "million", 1e6 }, { "millions", 1e6 }, { "mn", 1e6 }, { "mln", 1e6 }, { "m", 1e6 },
    { "billion", 1e9 }, { "billions", 1e9 }, { "bn", 1e9 }, { "b", 1e9 }, { "bln", 1e9 },
    { "trillion", 1e12 }, { "tn", 1e12 }, { "trn", 1e12 },
  };

  if (len == 0 || len > 8 || strchr ("kmbtKMBT", word[0]) == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (word_eq (word, len, scales[i].word))
      return scales[i].scale;
  return 0;
}

double
cc_value_number_word (const char *word,
                      gsize       len)
{
  static const char * const ones[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen",
  };
  static const char * const tens[] = {
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
  };

  /* Quick rejection: every number word starts with one of these. */
  if (len < 3 || len > 9 || strchr ("zotfsenhdZOTFSENHD", word[0]) == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (ones); i++)
    if (word_eq (word, len, ones[i]))
      return i;
  for (guint i = 0; i < G_N_ELEMENTS (tens); i++)
    if (word_eq (word, len, tens[i]))
      return 20 + 10 * i;
  if (word_eq (word, len, "dozen"))
    return 12;
  if (word_eq (word, len, "hundred"))
    return 100;
  return -1;
}

void
cc_value_free (CcValue *value)
{
  if (value == NULL)
    return;
  g_free (value->unit);
  g_free (value->currency);
  g_free (value);
}

CcValue *
cc_value_copy (const CcValue *value)
{
  CcValue *copy = g_memdup2 (value, sizeof *value);

  copy->unit = g_strdup (value->unit);
  copy->currency = g_strdup (value->currency);
  return copy;
}

const char *
cc_value_kind_to_string (CcValueKind kind)
{
  switch (kind)
    {
    case CC_VALUE_MONEY: return "MONEY";
    case CC_VALUE_PERCENT: return "PERCENT";
    case CC_VALUE_DATE: return "DATE";
    case CC_VALUE_QUANTITY: return "QUANTITY";
    case CC_VALUE_SCORE: return "SCORE";
    case CC_VALUE_NONE:
    default:
      return "NONE";
    }
}

/* A tiny tokenizer for short figure strings: words, numbers and single
 * symbols. */
typedef struct
{
  const char *p;
  gsize       len;
} Tok;

static GArray *
tokenize (const char *text)
{
  GArray *toks = g_array_new (FALSE, FALSE, sizeof (Tok));
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      Tok t = { p, 0 };

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (g_unichar_isalnum (c))
        {
          const char *q = p;

          while (*q)
            {
              gunichar d = g_utf8_get_char (q);
              const char *next = g_utf8_next_char (q);

              if (g_unichar_isalnum (d))
                q = next;
              else if ((d == '.' || d == ',' || d == '-' || d == '/') && *next &&
                       g_unichar_isalnum (g_utf8_get_char (next)))
                q = next;
              else
                break;
            }
          t.len = q - p;
          p = q;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          t.len = next - p;
          p = next;
        }
      g_array_append_val (toks, t);
    }
  return toks;
}

#define TOK(i) (&g_array_index (toks, Tok, (i)))

/* Parses "1,234.5" (optionally followed by letters, returned in @rest) into
 * @number and the step of its last digit in @step. */
static gboolean
parse_digits (const char  *p,
              gsize        len,
              double      *number,
              double      *step,
              const char **rest)
{
  char buf[64];
  gsize n = 0;
  gsize i = 0;
  int decimals = -1;

  if (len == 0 || !g_ascii_isdigit (p[0]))
    return FALSE;
  for (; i < len && n < sizeof buf - 1; i++)
    {
      if (g_ascii_isdigit (p[i]))
        {
          buf[n++] = p[i];
          if (decimals >= 0)
            decimals++;
        }
      else if (p[i] == ',' && decimals < 0 && i + 3 < len + 1 &&
               i + 1 < len && g_ascii_isdigit (p[i + 1]))
        continue;
      else if (p[i] == '.' && decimals < 0 && i + 1 < len && g_ascii_isdigit (p[i + 1]))
        {
          buf[n++] = '.';
          decimals = 0;
        }
      else
        break;
    }
  buf[n] = '\0';
  *number = g_ascii_strtod (buf, NULL);
  *step = decimals > 0 ? pow (10, -decimals) : 1;
  *rest = p + i;
  return TRUE;
}

gsize
cc_value_parse_qualifier (const char       *text,
                          CcValueQualifier *qualifier)
{
  static const struct { const char *words; CcValueQualifier q; } hedges[] = {
    { "more than", CC_VALUE_AT_LEAST }, { "at least", CC_VALUE_AT_LEAST },
    { "over", CC_VALUE_AT_LEAST }, { "above", CC_VALUE_AT_LEAST },
    { "exceeding", CC_VALUE_AT_LEAST }, { "upwards of", CC_VALUE_AT_LEAST },
    { "less than", CC_VALUE_AT_MOST }, { "fewer than", CC_VALUE_AT_MOST },
    { "up to", CC_VALUE_AT_MOST }, { "at most", CC_VALUE_AT_MOST },
    { "under", CC_VALUE_AT_MOST }, { "below", CC_VALUE_AT_MOST },
    { "about", CC_VALUE_APPROX }, { "around", CC_VALUE_APPROX },
    { "roughly", CC_VALUE_APPROX }, { "nearly", CC_VALUE_APPROX },
    { "almost", CC_VALUE_APPROX }, { "approximately", CC_VALUE_APPROX },
    { "some", CC_VALUE_APPROX }, { "an estimated", CC_VALUE_APPROX },
    { "close to", CC_VALUE_APPROX }, { "~", CC_VALUE_APPROX },
  };
  const char *p = text;

  while (*p == ' ')
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (hedges); i++)
    {
      gsize n = strlen (hedges[i].words);

      if (g_ascii_strncasecmp (p, hedges[i].words, n) == 0 &&
          (p[n] == ' ' || (hedges[i].words[0] == '~')))
        {
          *qualifier = hedges[i].q;
          p += n;
          while (*p == ' ')
            p++;
          return p - text;
        }
    }
  *qualifier = CC_VALUE_EXACT;
  return 0;
}

static double
julian (int year,
        int month,
        int day)
{
  GDate d;

  if (!g_date_valid_dmy (day, month, year))
    return 0;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

static int
last_day (int year,
          int month)
{
  return g_date_get_days_in_month (month, year);
}

/* DATE: fills low/high and returns TRUE. */
static gboolean
parse_date (GArray  *toks,
            CcValue *v)
{
  int year = 0, month = 0, day = 0, weekday = 0, year2 = 0;
  int from_month = 0, to_month = 0;   /* a part of a year */
  gboolean have_part = FALSE;

  for (guint i = 0; i < toks->len; i++)
    {
      Tok *t = TOK (i);
      const char *p = t->p;
      gsize len = t->len;
      guint m;

      if ((m = cc_value_month_from_word (p, len)) != 0 ||
          (len + 1 < 5 && i + 1 < toks->len && *TOK (i + 1)->p == '.' &&
           (m = cc_value_month_from_word (p, len)) != 0))
        {
          month = m;
          continue;
        }
      if ((m = cc_value_weekday_from_word (p, len)) != 0)
        {
          weekday = m;
          continue;
        }
      /* "mid-2027", "early", "late", "Q1", quarters and halves */
      if (g_ascii_strncasecmp (p, "mid-", 4) == 0 && len > 4)
        {
          from_month = 5, to_month = 8, have_part = TRUE;
          p += 4, len -= 4;
        }
      else if (word_eq (p, len, "early") || word_eq (p, len, "beginning") ||
               word_eq (p, len, "start"))
        {
          from_month = 1, to_month = 4, have_part = TRUE;
          continue;
        }
      else if (word_eq (p, len, "mid") || word_eq (p, len, "middle"))
        {
          from_month = 5, to_month = 8, have_part = TRUE;
          continue;
        }
      else if (word_eq (p, len, "late") || word_eq (p, len, "end"))
        {
          from_month = 9, to_month = 12, have_part = TRUE;
          continue;
        }
      else if (len == 2 && (p[0] == 'Q' || p[0] == 'q') && p[1] >= '1' && p[1] <= '4')
        {
          from_month = (p[1] - '1') * 3 + 1, to_month = from_month + 2, have_part = TRUE;
          continue;
        }
      else if (len == 2 && (p[0] == 'H' || p[0] == 'h') && (p[1] == '1' || p[1] == '2'))
        {
          from_month = p[1] == '1' ? 1 : 7, to_month = from_month + 5, have_part = TRUE;
          continue;
        }
      else if (word_eq (p, len, "spring"))
        {
          from_month = 3, to_month = 5, have_part = TRUE;
          continue;
        }
      else if (word_eq (p, len, "summer"))
        {
          from_month = 6, to_month = 8, have_part = TRUE;
          continue;
        }
      else if (word_eq (p, len, "autumn") || word_eq (p, len, "fall"))
        {
          from_month = 9, to_month = 11, have_part = TRUE;
          continue;
        }
      else if (word_eq (p, len, "winter"))
        {
          from_month = 12, to_month = 12, have_part = TRUE;
          continue;
        }

      if (len > 0 && g_ascii_isdigit (p[0]))
        {
          /* ISO "2026-04-08", "2026-04", a season "2027-28", a year, a day */
          int a = 0, b = 0, c = 0;
          char sep1 = 0;
          int n = 0;
          gsize k = 0;
          int digits_a = 0;

          while (k < len && g_ascii_isdigit (p[k]))
            a = a * 10 + (p[k++] - '0'), digits_a++;
          if (k < len && (p[k] == '-' || p[k] == '/'))
            {
              sep1 = p[k++];
              while (k < len && g_ascii_isdigit (p[k]))
                b = b * 10 + (p[k++] - '0'), n++;
              if (k < len && p[k] == sep1)
                {
                  k++;
                  while (k < len && g_ascii_isdigit (p[k]))
                    c = c * 10 + (p[k++] - '0');
                }
            }
          /* ordinal suffix "8th" */
          if (digits_a <= 2 && sep1 == 0 && k < len && g_ascii_isalpha (p[k]))
            k = len;
          if (digits_a == 4 && sep1 == '-' && c > 0)
            year = a, month = b, day = c;
          else if (digits_a == 4 && sep1 == '-' && n == 2 && b >= 1 && b <= 12 &&
                   !(b > (a % 100) && b <= (a % 100) + 1))
            year = a, month = b;
          else if (digits_a == 4 && (sep1 == '-' || sep1 == '/') && (n == 2 || n == 4))
            year = a, year2 = n == 2 ? (a / 100) * 100 + b : b;
          else if (digits_a == 4 && k < len && p[k] == 's')
            year = a, year2 = a + 9;     /* a decade: "1980s" */
          else if (digits_a == 4)
            year = a;
          else if (digits_a <= 2 && sep1 == 0 && a >= 1 && a <= 31)
            day = a;
          else if (digits_a == 2 && sep1 == 0 && *t->p == '\'')
            year = 2000 + a;
          else
            return FALSE;
          continue;
        }
      /* Words that may stand in a date phrase. */
      if (word_eq (p, len, "of") || word_eq (p, len, "the") || word_eq (p, len, "in") ||
          word_eq (p, len, "first") || word_eq (p, len, "second") || word_eq (p, len, "half") ||
          word_eq (p, len, "quarter") || word_eq (p, len, "on") || *p == ',' || *p == '.' ||
          *p == '-' || *p == '\'')
        {
          if (word_eq (p, len, "half") && i > 0)
            {
              Tok *prev = TOK (i - 1);
              if (word_eq (prev->p, prev->len, "first"))
                from_month = 1, to_month = 6, have_part = TRUE;
              else if (word_eq (prev->p, prev->len, "second"))
                from_month = 7, to_month = 12, have_part = TRUE;
            }
          continue;
        }
      return FALSE;
    }

  if (year != 0 && (year < 1000 || year > 2999))
    return FALSE;

  if (year != 0 && year2 != 0)
    {
      v->low = julian (year, 1, 1);
      v->high = julian (year2, 12, 31);
    }
  else if (year != 0 && month != 0 && day != 0)
    {
      v->low = v->high = julian (year, month, day);
    }
  else if (year != 0 && month != 0)
    {
      v->low = julian (year, month, 1);
      v->high = julian (year, month, last_day (year, month));
    }
  else if (year != 0 && have_part)
    {
      v->low = julian (year, from_month, 1);
      v->high = julian (year, to_month, last_day (year, to_month));
    }
  else if (year != 0)
    {
      v->low = julian (year, 1, 1);
      v->high = julian (year, 12, 31);
    }
  else if (month != 0 || weekday != 0)
    {
      /* No year: keep month, day and weekday in the fields. */
      v->low = v->high = 0;
      v->number = 0;
      v->precision = month * 100 + day + weekday * 10000;
      v->kind = CC_VALUE_DATE;
      return TRUE;
    }
  else
    return FALSE;

  if (v->low == 0 || v->high == 0)
    return FALSE;
  v->number = v->low;
  v->precision = 0;
  v->kind = CC_VALUE_DATE;
  return TRUE;
}

static const char *
currency_prefix (const char  *text,
                 gsize       *len)
{
  static const char * const symbols[] = {
    "US$", "A$", "C$", "NZ$", "HK$", "S$", "R$", "$", "€", "£", "¥", "₩", "₹", "₽", "₺", "₪",
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "KRW", "INR", "CAD", "AUD", "CHF",
  };
  const CcGazetteer *gaz = cc_gazetteer_get ();

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      gsize n = strlen (symbols[i]);

      if (strncmp (text, symbols[i], n) == 0 &&
          (!g_ascii_isalpha (symbols[i][0]) || text[n] == ' ' || g_ascii_isdigit (text[n])))
        {
          *len = n;
          return g_hash_table_lookup (gaz->currencies, symbols[i]);
        }
    }
  return NULL;
}

static gboolean
parse_number_value (const char *text,
                    CcValue    *v,
                    CcValueKind kind)
{
  const CcGazetteer *gaz = cc_gazetteer_get ();
  g_autoptr(GArray) toks = NULL;
  const char *currency = NULL;
  gsize skip = 0;
  double number = 0, step = 1, scale = 1;
  const char *rest = NULL;
  guint i = 0;
  gboolean percent = FALSE;
  GString *unit = NULL;

  currency = currency_prefix (text, &skip);
  toks = tokenize (text + skip);
  if (toks->len == 0)
    return FALSE;

  /* the number */
  if (parse_digits (TOK (0)->p, TOK (0)->len, &number, &step, &rest))
    {
      gsize rest_len = TOK (0)->p + TOK (0)->len - rest;

      if (rest_len > 0)
        {
          double s = cc_value_scale_from_word (rest, rest_len);
          if (s > 0)
            scale = s;
          else if (kind != CC_VALUE_QUANTITY)
            return FALSE;
        }
      i = 1;
    }
  else
    {
      double n = cc_value_number_word (TOK (0)->p, TOK (0)->len);

      if (n < 0 && word_eq (TOK (0)->p, TOK (0)->len, "a") && toks->len > 1 &&
          cc_value_scale_from_word (TOK (1)->p, TOK (1)->len) > 0)
        n = 1;
      if (n < 0)
        return FALSE;
      number = n;
      step = 1;
      i = 1;
      /* "twenty-five" is one token: "twenty" then "-five" */
      if (TOK (0)->len > 0)
        {
          const char *dash = memchr (TOK (0)->p, '-', TOK (0)->len);
          if (dash != NULL)
            {
              double a = cc_value_number_word (TOK (0)->p, dash - TOK (0)->p);
              double b = cc_value_number_word (dash + 1, TOK (0)->p + TOK (0)->len - dash - 1);
              if (a < 0 || b < 0)
                return FALSE;
              number = a + b;
            }
        }
    }

  /* scale word */
  if (i < toks->len)
    {
      double s = cc_value_scale_from_word (TOK (i)->p, TOK (i)->len);
      if (s > 0 && scale == 1)
        {
          scale = s;
          i++;
        }
    }
  /* percent */
  if (i < toks->len && (*TOK (i)->p == '%' || word_eq (TOK (i)->p, TOK (i)->len, "percent") ||
                        word_eq (TOK (i)->p, TOK (i)->len, "pct")))
    {
      percent = TRUE;
      i++;
    }
  else if (i + 1 < toks->len && word_eq (TOK (i)->p, TOK (i)->len, "per") &&
           word_eq (TOK (i + 1)->p, TOK (i + 1)->len, "cent"))
    {
      percent = TRUE;
      i += 2;
    }
  /* currency word */
  if (!percent && currency == NULL && i < toks->len)
    {
      g_autofree char *word = g_utf8_casefold (TOK (i)->p, TOK (i)->len);
      const char *code = g_hash_table_lookup (gaz->currencies, word);

      if (code == NULL)
        {
          g_autofree char *exact = g_strndup (TOK (i)->p, TOK (i)->len);
          code = g_hash_table_lookup (gaz->currencies, exact);
        }
      if (code != NULL)
        {
          currency = code;
          i++;
        }
    }

  if (i < toks->len)
    {
      unit = g_string_new (NULL);
      for (; i < toks->len; i++)
        {
          if (unit->len > 0)
            g_string_append_c (unit, ' ');
          g_string_append_len (unit, TOK (i)->p, TOK (i)->len);
        }
    }

  v->number = number * scale;
  v->low = v->high = v->number;
  v->precision = step * scale;

  if (kind == CC_VALUE_NONE)
    kind = percent ? CC_VALUE_PERCENT
         : currency != NULL ? CC_VALUE_MONEY
         : unit != NULL ? CC_VALUE_QUANTITY
         : CC_VALUE_SCORE;

  switch (kind)
    {
    case CC_VALUE_PERCENT:
      if (!percent || unit != NULL)
        goto fail;
      break;
    case CC_VALUE_MONEY:
      if (currency == NULL || percent)
        goto fail;
      v->currency = g_strdup (currency);
      /* "per month" and the like may follow a price: ignored */
      break;
    case CC_VALUE_QUANTITY:
      if (percent || currency != NULL || unit == NULL)
        goto fail;
      v->unit = g_string_free (g_steal_pointer (&unit), FALSE);
      break;
    case CC_VALUE_SCORE:
      if (percent || currency != NULL)
        goto fail;
      break;
    case CC_VALUE_DATE:
    case CC_VALUE_NONE:
    default:
      goto fail;
    }
  if (unit != NULL)
    g_string_free (unit, TRUE);
  v->kind = kind;
  return TRUE;

fail:
  if (unit != NULL)
    g_string_free (unit, TRUE);
  return FALSE;
}

CcValue *
cc_value_parse (const char  *text,
                CcValueKind  kind)
{
  g_autoptr(CcValue) v = g_new0 (CcValue, 1);
  gsize skip;

  g_return_val_if_fail (text != NULL, NULL);

  skip = cc_value_parse_qualifier (text, &v->qualifier);
  text += skip;

  if (kind == CC_VALUE_DATE || kind == CC_VALUE_NONE)
    {
      g_autoptr(GArray) toks = tokenize (text);

      if (toks->len > 0 && parse_date (toks, v))
        {
          /* A lone number is a year only when asked for a date, or when it
           * looks like one. */
          if (kind == CC_VALUE_DATE || toks->len > 1 ||
              (v->low != 0 && TOK (0)->len == 4))
            return g_steal_pointer (&v);
        }
      if (kind == CC_VALUE_DATE)
        return NULL;
      memset (v, 0, sizeof *v);
      cc_value_parse_qualifier (text - skip, &v->qualifier);
    }

  if (!parse_number_value (text, v, kind))
    return NULL;
  return g_steal_pointer (&v);
}

static void
append_number (GString *out,
               double   number)
{
  if (fabs (number - round (number)) < 1e-9 && fabs (number) < 1e18)
    g_string_append_printf (out, "%.0f", number);
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      /* Up to 6 decimals, trailing zeros trimmed. */
      g_ascii_formatd (buf, sizeof buf, "%.6f", number);
      for (char *e = buf + strlen (buf) - 1; e > buf && *e == '0'; e--)
        *e = '\0';
      if (buf[strlen (buf) - 1] == '.')
        buf[strlen (buf) - 1] = '\0';
      g_string_append (out, buf);
    }
}

static void
append_date (GString *out,
             double   jd,
             gboolean is_start,
             int      level)   /* 3 day, 2 month, 1 year */
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, (guint32)jd);
  (void)is_start;
  if (level >= 1)
    g_string_append_printf (out, "%04d", g_date_get_year (&d));
  if (level >= 2)
    g_string_append_printf (out, "-%02d", g_date_get_month (&d));
  if (level >= 3)
    g_string_append_printf (out, "-%02d", g_date_get_day (&d));
}

static char *
date_to_string (const CcValue *v)
{
  GString *out = g_string_new (NULL);
  GDate lo, hi;

  if (v->low == 0)
    {
      int code = (int)v->precision;
      int weekday = code / 10000;
      int month = (code / 100) % 100;
      int day = code % 100;

      if (month != 0)
        {
          g_string_append_printf (out, "XXXX-%02d", month);
          if (day != 0)
            g_string_append_printf (out, "-%02d", day);
        }
      else if (weekday >= 1 && weekday <= 7)
        g_string_append_printf (out, "W-%s", weekday_codes[weekday - 1]);
      return g_string_free (out, FALSE);
    }

  g_date_clear (&lo, 1);
  g_date_clear (&hi, 1);
  g_date_set_julian (&lo, (guint32)v->low);
  g_date_set_julian (&hi, (guint32)v->high);

  if (v->low == v->high)
    append_date (out, v->low, TRUE, 3);
  else if (g_date_get_day (&lo) == 1 && g_date_is_last_of_month (&hi))
    {
      gboolean whole_years = g_date_get_month (&lo) == 1 && g_date_get_month (&hi) == 12;
      gboolean same_year = g_date_get_year (&lo) == g_date_get_year (&hi);

      if (whole_years && same_year)
        append_date (out, v->low, TRUE, 1);
      else if (whole_years)
        {
          append_date (out, v->low, TRUE, 1);
          g_string_append_c (out, '/');
          append_date (out, v->high, FALSE, 1);
        }
      else if (same_year && g_date_get_month (&lo) == g_date_get_month (&hi))
        append_date (out, v->low, TRUE, 2);
      else
        {
          append_date (out, v->low, TRUE, 2);
          g_string_append_c (out, '/');
          append_date (out, v->high, FALSE, 2);
        }
    }
  else
    {
      append_date (out, v->low, TRUE, 3);
      g_string_append_c (out, '/');
      append_date (out, v->high, FALSE, 3);
    }
  return g_string_free (out, FALSE);
}

char *
cc_value_to_string (const CcValue *value)
{
  GString *out;

  g_return_val_if_fail (value != NULL, NULL);

  if (value->kind == CC_VALUE_DATE)
    return date_to_string (value);

  out = g_string_new (NULL);
  switch (value->kind)
    {
    case CC_VALUE_MONEY:
      g_string_append_printf (out, "%s ", value->currency ? value->currency : "XXX");
      append_number (out, value->number);
      break;
    case CC_VALUE_PERCENT:
      append_number (out, value->number);
      g_string_append_c (out, '%');
      break;
    case CC_VALUE_QUANTITY:
      append_number (out, value->number);
      if (value->unit != NULL)
        g_string_append_printf (out, " %s", value->unit);
      break;
    case CC_VALUE_SCORE:
      append_number (out, value->number);
      break;
    case CC_VALUE_DATE:
    case CC_VALUE_NONE:
    default:
      break;
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_iso_part (const char *s,
                int        *y,
                int        *m,
                int        *d)
{
  *y = *m = *d = 0;
  if (sscanf (s, "%d-%d-%d", y, m, d) >= 1)
    return *y > 0;
  return FALSE;
}

CcValue *
cc_value_parse_normalized (CcValueKind  kind,
                           const char  *normalized)
{
  g_autoptr(CcValue) v = NULL;

  g_return_val_if_fail (normalized != NULL, NULL);

  if (kind != CC_VALUE_DATE)
    {
      v = cc_value_parse (normalized, kind);
      return g_steal_pointer (&v);
    }

  v = g_new0 (CcValue, 1);
  v->kind = CC_VALUE_DATE;
  if (g_str_has_prefix (normalized, "XXXX-") || g_str_has_prefix (normalized, "W-"))
    {
      int month = 0, day = 0, weekday = 0;

      if (normalized[0] == 'X')
        sscanf (normalized + 5, "%d-%d", &month, &day);
      else
        for (guint i = 0; i < 7; i++)
          if (strcmp (normalized + 2, weekday_codes[i]) == 0)
            weekday = i + 1;
      v->precision = month * 100 + day + weekday * 10000;
      return g_steal_pointer (&v);
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit (normalized, "/", 2);
      int y1, m1, d1, y2, m2, d2;

      if (!parse_iso_part (parts[0], &y1, &m1, &d1))
        return NULL;
      if (parts[1] != NULL)
        {
          if (!parse_iso_part (parts[1], &y2, &m2, &d2))
            return NULL;
        }
      else
        y2 = y1, m2 = m1, d2 = d1;

      v->low = julian (y1, m1 ? m1 : 1, d1 ? d1 : 1);
      if (m2 == 0)
        m2 = 12;
      v->high = julian (y2, m2, d2 ? d2 : last_day (y2, m2));
      v->number = v->low;
      if (v->low == 0 || v->high == 0)
        return NULL;
    }
  return g_steal_pointer (&v);
}

CcValueMatch
cc_value_compare (const CcValue *a,
                  const CcValue *b)
{
  double tolerance;

  g_return_val_if_fail (a != NULL && b != NULL, CC_VALUE_MATCH_INCOMPARABLE);

  if (a->kind != b->kind)
    return CC_VALUE_MATCH_INCOMPARABLE;
  if (a->kind == CC_VALUE_MONEY && g_strcmp0 (a->currency, b->currency) != 0)
    return CC_VALUE_MATCH_INCOMPARABLE;
  if (a->kind == CC_VALUE_QUANTITY && a->unit && b->unit &&
      g_ascii_strcasecmp (a->unit, b->unit) != 0)
    {
      /* "1.2 billion downloads" vs "1.2 billion model downloads": the same
       * head noun at the end is enough. */
      const char *ua = strrchr (a->unit, ' ');
      const char *ub = strrchr (b->unit, ' ');
      if (g_ascii_strcasecmp (ua ? ua + 1 : a->unit, ub ? ub + 1 : b->unit) != 0)
        return CC_VALUE_MATCH_INCOMPARABLE;
    }

  if (a->kind == CC_VALUE_DATE)
    {
      if (a->low == 0 || b->low == 0)
        return a->precision == b->precision ? CC_VALUE_MATCH_SAME : CC_VALUE_MATCH_DIFFERENT;
      if (a->low == b->low && a->high == b->high)
        return CC_VALUE_MATCH_SAME;
      if ((a->low >= b->low && a->high <= b->high) || (b->low >= a->low && b->high <= a->high))
        return CC_VALUE_MATCH_CLOSE;
      return CC_VALUE_MATCH_DIFFERENT;
    }

  if (a->number == b->number)
    return a->qualifier == b->qualifier ? CC_VALUE_MATCH_SAME : CC_VALUE_MATCH_CLOSE;

  /* Rounding: the coarser figure's last digit covers the finer one. */
  tolerance = MAX (a->precision, b->precision) / 2 + 1e-9 * fabs (a->number);
  if (fabs (a->number - b->number) <= tolerance)
    return CC_VALUE_MATCH_CLOSE;

  /* Hedges: "over 14 billion" is consistent with 14.3 billion. */
  if ((a->qualifier == CC_VALUE_AT_LEAST && b->number >= a->number) ||
      (b->qualifier == CC_VALUE_AT_LEAST && a->number >= b->number) ||
      (a->qualifier == CC_VALUE_AT_MOST && b->number <= a->number) ||
      (b->qualifier == CC_VALUE_AT_MOST && a->number <= b->number))
    return CC_VALUE_MATCH_CLOSE;
  if ((a->qualifier == CC_VALUE_APPROX || b->qualifier == CC_VALUE_APPROX) &&
      fabs (a->number - b->number) <= 0.1 * MAX (fabs (a->number), fabs (b->number)))
    return CC_VALUE_MATCH_CLOSE;

  return CC_VALUE_MATCH_DIFFERENT;
}
