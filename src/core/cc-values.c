/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-values"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cc-gazetteer.h"
#include "cc-values.h"
#include "analysis/cc-values-private.h"

/* The first letters of the words of a list, for a quick rejection. */
#define MONTH_INITIALS (CC_LETTER ('j') | CC_LETTER ('f') | CC_LETTER ('m') | \
                        CC_LETTER ('a') | CC_LETTER ('s') | CC_LETTER ('o') | \
                        CC_LETTER ('n') | CC_LETTER ('d'))
#define WEEKDAY_INITIALS (CC_LETTER ('m') | CC_LETTER ('t') | CC_LETTER ('w') | \
                          CC_LETTER ('f') | CC_LETTER ('s'))
#define SCALE_INITIALS (CC_LETTER ('k') | CC_LETTER ('m') | CC_LETTER ('b') | \
                        CC_LETTER ('t') | CC_LETTER ('l') | CC_LETTER ('c'))
#define NUMBER_INITIALS (CC_LETTER ('z') | CC_LETTER ('o') | CC_LETTER ('t') | \
                         CC_LETTER ('f') | CC_LETTER ('s') | CC_LETTER ('e') | \
                         CC_LETTER ('n') | CC_LETTER ('h') | CC_LETTER ('d'))

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};
static const char * const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};
const char * const cc_values_weekday_codes[7] = {
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
  if (len < 3 || len > 9 || !(cc_values_letter_bit (word[0]) & MONTH_INITIALS))
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
  if (len < 6 || len > 9 || !(cc_values_letter_bit (word[0]) & WEEKDAY_INITIALS))
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
    { "lakh", 1e5 }, { "lakhs", 1e5 }, { "lac", 1e5 }, { "crore", 1e7 }, { "crores", 1e7 },
    { "cr", 1e7 }, { "thousands", 1e3 },
  };

  if (len == 0 || len > 9 || !(cc_values_letter_bit (word[0]) & SCALE_INITIALS))
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
  if (len < 3 || len > 9 || !(cc_values_letter_bit (word[0]) & NUMBER_INITIALS))
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
    case CC_VALUE_TIME: return "TIME";
    case CC_VALUE_DURATION: return "DURATION";
    case CC_VALUE_AGE: return "AGE";
    case CC_VALUE_TEMPERATURE: return "TEMPERATURE";
    case CC_VALUE_ORDINAL: return "ORDINAL";
    case CC_VALUE_NONE:
    default:
      return "NONE";
    }
}

/* A tiny tokenizer for short figure strings: words, numbers and single
 * symbols. */
typedef CcValTok Tok;

GArray *
cc_values_tokenize (const char *text)
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
              else if ((d == '.' || d == ',' || d == '-' || d == '/' || d == 0x2013) && *next &&
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
    { "just over", CC_VALUE_AT_LEAST }, { "just under", CC_VALUE_AT_MOST },
    { "just before", CC_VALUE_AT_MOST }, { "just after", CC_VALUE_AT_LEAST },
    { "well over", CC_VALUE_AT_LEAST }, { "in excess of", CC_VALUE_AT_LEAST },
    { "as many as", CC_VALUE_AT_MOST }, { "as much as", CC_VALUE_AT_MOST },
    { "no more than", CC_VALUE_AT_MOST }, { "not more than", CC_VALUE_AT_MOST },
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
    { "several", CC_VALUE_APPROX }, { "sub-", CC_VALUE_AT_MOST }, { "sub", CC_VALUE_AT_MOST }, { "circa", CC_VALUE_APPROX },
    { "c.", CC_VALUE_APPROX }, { ">", CC_VALUE_AT_LEAST }, { "<", CC_VALUE_AT_MOST },
  };
  const char *p = text;

  while (*p == ' ')
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (hedges); i++)
    {
      gsize n = strlen (hedges[i].words);

      if (g_ascii_strncasecmp (p, hedges[i].words, n) == 0 &&
          (p[n] == ' ' || !g_ascii_isalpha (hedges[i].words[n - 1])))
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

/* "2026년", "4월", "2026年4月8日": digits each followed by a year, month or
 * day character. */
static gboolean
cjk_date_parts (const char *p,
                gsize       len,
                int        *year,
                int        *month,
                int        *day)
{
  static const char * const units[][2] = { { "년", "年" }, { "월", "月" }, { "일", "日" } };
  gsize k = 0;

  while (k < len)
    {
      int n = 0;
      gsize d = k;
      gboolean found = FALSE;

      while (d < len && g_ascii_isdigit (p[d]) && d - k < 4)
        n = n * 10 + (p[d++] - '0');
      if (d == k || len - d < 3)
        return FALSE;
      for (guint u = 0; u < 3 && !found; u++)
        if (memcmp (p + d, units[u][0], 3) == 0 || memcmp (p + d, units[u][1], 3) == 0)
          {
            if (u == 0)
              *year = n;
            else if (u == 1 && n >= 1 && n <= 12)
              *month = n;
            else if (u == 2 && n >= 1 && n <= 31)
              *day = n;
            else
              return FALSE;
            found = TRUE;
          }
      if (!found)
        return FALSE;
      k = d + 3;
    }
  return TRUE;
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

      /* "Tuesday (June 4)", "Wednesday, June 5" */
      if (len == 1 && (*p == '(' || *p == ')' || *p == ','))
        continue;
      /* "2026년 4월 8일", "2026年4月8日" */
      if (len > 3 && g_ascii_isdigit (*p) && (guchar)p[len - 1] >= 0x80 && cjk_date_parts (p, len, &year, &month, &day))
        continue;
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
            a = a < 100000 ? a * 10 + (p[k] - '0') : a, k++, digits_a++;
          if (k < len && (p[k] == '-' || p[k] == '/'))
            {
              sep1 = p[k++];
              while (k < len && g_ascii_isdigit (p[k]))
                b = b < 100000 ? b * 10 + (p[k] - '0') : b, k++, n++;
              if (k < len && p[k] == sep1)
                {
                  k++;
                  while (k < len && g_ascii_isdigit (p[k]))
                    c = c < 100000 ? c * 10 + (p[k] - '0') : c, k++;
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
          else if (digits_a <= 2 && sep1 == '/' && c > 0 && k == len && a >= 1 && b >= 1 &&
                   (a <= 12 || b <= 12))
            {
              /* "18/3/25" (day first, as most of the world writes) or
               * "3/18/2025" (month first, when the day cannot be the month) */
              gboolean month_first = b > 12;

              day = month_first ? b : a;
              month = month_first ? a : b;
              year = c < 100 ? 2000 + c : c;
            }
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
      /* No year: keep month, day and weekday in the fields ("Monday
       * (May 3)" is May 3: the month and day say more). */
      if (month != 0)
        weekday = 0;
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
  /* Longest first: "$US" and "US$" before "$". */
  static const struct { const char *symbol; const char *code; } symbols[] = {
    { "US$", "USD" }, { "$US", "USD" }, { "US $", "USD" }, { "AU$", "AUD" }, { "A$", "AUD" },
    { "$A", "AUD" }, { "CA$", "CAD" }, { "C$", "CAD" }, { "NZ$", "NZD" }, { "HK$", "HKD" },
    { "S$", "SGD" }, { "R$", "BRL" }, { "Rs.", "INR" }, { "Rs", "INR" }, { "₹", "INR" },
    { "$", "USD" }, { "€", "EUR" }, { "£", "GBP" }, { "¥", "JPY" }, { "₩", "KRW" },
    { "₽", "RUB" }, { "₺", "TRY" }, { "₪", "ILS" }, { "₦", "NGN" }, { "₱", "PHP" },
    { "USD", "USD" }, { "EUR", "EUR" }, { "GBP", "GBP" }, { "JPY", "JPY" }, { "CNY", "CNY" },
    { "RMB", "CNY" }, { "KRW", "KRW" }, { "INR", "INR" }, { "CAD", "CAD" }, { "AUD", "AUD" },
    { "CHF", "CHF" }, { "NZD", "NZD" }, { "HKD", "HKD" }, { "SGD", "SGD" }, { "ZAR", "ZAR" },
    { "NGN", "NGN" }, { "KES", "KES" }, { "PKR", "PKR" }, { "BDT", "BDT" }, { "BRL", "BRL" },
    { "MXN", "MXN" }, { "SEK", "SEK" }, { "NOK", "NOK" }, { "DKK", "DKK" }, { "AED", "AED" },
    { "SAR", "SAR" }, { "RUB", "RUB" }, { "TRY", "TRY" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      gsize n = strlen (symbols[i].symbol);
      char last = symbols[i].symbol[n - 1];

      if (strncmp (text, symbols[i].symbol, n) == 0 &&
          (!g_ascii_isalpha (last) || text[n] == ' ' || g_ascii_isdigit (text[n])))
        {
          *len = n;
          return symbols[i].code;
        }
    }
  return NULL;
}

/* Fractions: "1/2", "3/4", "½", "three-quarters", "two-thirds", "a quarter". */
static gboolean
parse_fraction (const char *p,
                gsize       len,
                double     *number)
{
  static const struct { const char *word; double value; } words[] = {
    { "half", 0.5 }, { "quarter", 0.25 }, { "quarters", 0.25 }, { "third", 1.0 / 3 },
    { "thirds", 1.0 / 3 }, { "fifth", 0.2 }, { "fifths", 0.2 }, { "tenth", 0.1 }, { "tenths", 0.1 },
  };
  static const struct { const char *glyph; double value; } glyphs[] = {
    { "½", 0.5 }, { "¼", 0.25 }, { "¾", 0.75 }, { "⅓", 1.0 / 3 }, { "⅔", 2.0 / 3 },
  };
  const char *slash = memchr (p, '/', len);
  const char *dash = memchr (p, '-', len);

  for (guint k = 0; k < G_N_ELEMENTS (glyphs); k++)
    {
      gsize n = strlen (glyphs[k].glyph);

      if (len >= n && memcmp (p + len - n, glyphs[k].glyph, n) == 0)
        {
          double whole = 0, step;
          const char *rest;

          if (len > n && !(parse_digits (p, len - n, &whole, &step, &rest) && rest == p + len - n))
            return FALSE;
          *number = whole + glyphs[k].value;
          return TRUE;
        }
    }
  if (slash != NULL)
    {
      double a, b, step;
      const char *rest;

      if (!parse_digits (p, slash - p, &a, &step, &rest) || rest != slash ||
          !parse_digits (slash + 1, p + len - slash - 1, &b, &step, &rest) || rest != p + len ||
          b == 0 || b > 100 || a >= b * 10)
        return FALSE;
      *number = a / b;
      return TRUE;
    }
  if (dash != NULL)
    {
      double a = cc_value_number_word (p, dash - p);

      if (a < 1 || a > 19)
        return FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (words); k++)
        if (cc_values_word_eq (dash + 1, p + len - dash - 1, words[k].word))
          {
            *number = a * words[k].value;
            return TRUE;
          }
    }
  return FALSE;
}

/* Spelled-out numbers: "twenty-three", "four hundred", "two thousand five
 * hundred", "a", "one and a half"; at most a few words. */
static guint
read_number_words (GArray *toks,
                   guint   i,
                   double *number)
{
  double total = 0, group = 0;
  guint start = i;

  while (i < toks->len && i - start < 8)
    {
      Tok *t = TOK (i);
      const char *dash = memchr (t->p, '-', t->len);
      double n;

      if (dash != NULL)
        {
          double a = cc_value_number_word (t->p, dash - t->p);
          double b = cc_value_number_word (dash + 1, t->p + t->len - dash - 1);

          if (a < 20 || b < 1 || b > 9 || fmod (a, 10) != 0)
            break;
          n = a + b;
        }
      else
        n = cc_value_number_word (t->p, t->len);
      if (n == 100 && i > start)
        group = (group == 0 ? 1 : group) * 100;
      else if (n >= 0 && n != 100)
        {
          if (i > start && group != 0 && fmod (group, 100) != 0 && n < 10)
            break;
          if (i > start && group != 0 && (group < 20 && n < 100))
            break;
          group += n;
        }
      else if (n == 100 && i == start)
        group = 100;
      else if (i > start && (cc_values_word_eq (t->p, t->len, "thousand")))
        {
          total += (group == 0 ? 1 : group) * 1000;
          group = 0;
        }
      else
        break;
      i++;
      /* "one hundred and twenty" */
      if (i + 1 < toks->len && cc_values_word_eq (TOK (i)->p, TOK (i)->len, "and") && group >= 100 &&
          cc_value_number_word (TOK (i + 1)->p, TOK (i + 1)->len) > 0 &&
          cc_value_number_word (TOK (i + 1)->p, TOK (i + 1)->len) < 100)
        i++;
    }
  if (i == start)
    return 0;
  *number = total + group;
  return i;
}

guint
cc_values_read_number (GArray *toks,
                       guint   i,
                       double *number,
                       double *step)
{
  const char *rest = NULL;
  guint end;
  double sign = 1;

  if (i >= toks->len)
    return 0;
  if (TOK (i)->len == 1 && (*TOK (i)->p == '-') && i + 1 < toks->len &&
      g_ascii_isdigit (*TOK (i + 1)->p))
    sign = -1, i++;
  else if (TOK (i)->len == 3 && strncmp (TOK (i)->p, "−", 3) == 0 && i + 1 < toks->len)
    sign = -1, i++;
  *step = 1;
  if (parse_fraction (TOK (i)->p, TOK (i)->len, number))
    {
      *step = 0;
      end = i + 1;
    }
  else if (parse_digits (TOK (i)->p, TOK (i)->len, number, step, &rest))
    {
      if (rest != TOK (i)->p + TOK (i)->len)
        return 0;
      end = i + 1;
    }
  else if ((cc_values_word_eq (TOK (i)->p, TOK (i)->len, "a") ||
            cc_values_word_eq (TOK (i)->p, TOK (i)->len, "one")) &&
           i + 1 < toks->len && cc_values_word_eq (TOK (i + 1)->p, TOK (i + 1)->len, "half"))
    {
      *number = 0.5, *step = 0.5;
      end = i + 2;
    }
  else if (cc_values_word_eq (TOK (i)->p, TOK (i)->len, "a"))
    {
      /* "a few", "a couple": no count of one */
      if (i + 1 < toks->len && (cc_values_word_eq (TOK (i + 1)->p, TOK (i + 1)->len, "few") ||
                                cc_values_word_eq (TOK (i + 1)->p, TOK (i + 1)->len, "couple")))
        return 0;
      *number = 1;
      end = i + 1;
    }
  else if ((end = read_number_words (toks, i, number)) == 0)
    return 0;
  *number *= sign;
  if (end < toks->len)
    {
      double scale = cc_value_scale_from_word (TOK (end)->p, TOK (end)->len);

      if (scale >= 1e3 && TOK (end)->len > 1)
        {
          *number *= scale;
          *step *= scale;
          end++;
        }
    }
  return end;
}

gboolean
cc_values_tok_is (GArray     *toks,
                  guint       i,
                  const char *lower)
{
  return i < toks->len && cc_values_word_eq (TOK (i)->p, TOK (i)->len, lower);
}

/* A currency written after the number ("dollars", "rupees", "euros"). */
static const char *
currency_word (const char *p,
               gsize       len)
{
  static const struct { const char *word; const char *code; } cjk[] = {
    { "달러", "USD" }, { "원", "KRW" }, { "위안", "CNY" }, { "엔", "JPY" }, { "유로", "EUR" },
    { "美元", "USD" }, { "元", "CNY" }, { "円", "JPY" }, { "欧元", "EUR" },
  };
  const CcGazetteer *gaz = cc_gazetteer_get ();

  for (guint k = 0; k < G_N_ELEMENTS (cjk); k++)
    if (strlen (cjk[k].word) == len && memcmp (p, cjk[k].word, len) == 0)
      return cjk[k].code;
  g_autofree char *word = g_utf8_casefold (p, len);
  const char *code = g_hash_table_lookup (gaz->currencies, word);

  if (code == NULL)
    {
      g_autofree char *exact = g_strndup (p, len);
      code = g_hash_table_lookup (gaz->currencies, exact);
    }
  return code;
}

/* Temperature scale at token @i ("°C", "° F", "C" glued, "degrees Celsius"):
 * "°C", "°F" or "°" (degrees of an unnamed scale), and the token after. */
static const char *
temperature_at (GArray  *toks,
                guint    i,
                guint   *end)
{
  const char *scale = NULL;

  if (i < toks->len && strncmp (TOK (i)->p, "°", 2) == 0)
    {
      const char *after = TOK (i)->p + 2;
      i++;
      scale = "°";
      if (g_ascii_toupper (*after) == 'C' || g_ascii_toupper (*after) == 'F')
        {
          scale = g_ascii_toupper (*after) == 'C' ? "°C" : "°F";
          if (i < toks->len && TOK (i)->p == after)
            i++;
        }
      *end = i;
      return scale;
    }
  if (cc_values_tok_is (toks, i, "degrees") || cc_values_tok_is (toks, i, "degree"))
    {
      i++;
      scale = "°";
      if (cc_values_tok_is (toks, i, "celsius") || cc_values_tok_is (toks, i, "centigrade") ||
          cc_values_tok_is (toks, i, "c"))
        scale = "°C", i++;
      else if (cc_values_tok_is (toks, i, "fahrenheit") || cc_values_tok_is (toks, i, "f"))
        scale = "°F", i++;
      *end = i;
      return scale;
    }
  return NULL;
}

/* The letters glued after the digits of a number ("km" of "10km", "C" of
 * "7C", "-mile" of "26.2-mile"): a scale, unit or temperature. */
/* "억", "万", "億": a Korean, Chinese or Japanese number scale. */
static double
cjk_scale (const char *p,
           gsize       len)
{
  static const struct { const char *s; double scale; } scales[] = {
    { "만", 1e4 }, { "억", 1e8 }, { "조", 1e12 }, { "천", 1e3 }, { "万", 1e4 }, { "萬", 1e4 },
    { "亿", 1e8 }, { "億", 1e8 }, { "兆", 1e12 }, { "千", 1e3 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
    if (strlen (scales[k].s) == len && memcmp (p, scales[k].s, len) == 0)
      return scales[k].scale;
  return 0;
}

static gboolean
glued_suffix (const char  *rest,
              gsize        len,
              double      *scale,
              const char **unit,
              const char **temperature)
{
  if (len > 0 && *rest == '-')
    rest++, len--;
  if (len == 0)
    return FALSE;
  if ((*scale = cjk_scale (rest, len)) > 0)
    return TRUE;
  if ((*scale = cc_value_scale_from_word (rest, len)) > 0)
    return TRUE;
  *scale = 1;
  if (len == 1 && (*rest == 'C' || *rest == 'F'))
    {
      *temperature = *rest == 'C' ? "°C" : "°F";
      return TRUE;
    }
  if (cc_values_word_eq (rest, len, "degree") || cc_values_word_eq (rest, len, "degrees"))
    {
      *temperature = "°";
      return TRUE;
    }
  return (*unit = cc_value_unit_symbol (rest, len)) != NULL;
}

static gboolean
parse_number_value (const char *text,
                    CcValue    *v,
                    CcValueKind kind)
{
  g_autoptr(GArray) toks = NULL;
  const char *currency = NULL;
  const char *unit_symbol = NULL;
  const char *temperature = NULL;
  gsize skip = 0;
  double number = 0, step = 1, scale = 1;
  const char *rest = NULL;
  guint i = 0;
  gboolean percent = FALSE;
  g_autoptr(GString) unit = NULL;

  currency = currency_prefix (text, &skip);
  toks = cc_values_tokenize (text + skip);
  if (toks->len == 0)
    return FALSE;

  /* the number, with letters glued to it ("54m", "10km", "7C", "1.5e6") */
  if (parse_fraction (TOK (0)->p, TOK (0)->len, &number))
    step = 0, i = 1;
  else if (parse_digits (TOK (0)->p, TOK (0)->len, &number, &step, &rest))
    {
      gsize rest_len = TOK (0)->p + TOK (0)->len - rest;

      if (rest_len > 1 && (*rest == 'e' || *rest == 'E') &&
          (g_ascii_isdigit (rest[1]) || rest[1] == '-'))
        {
          number *= pow (10, g_ascii_strtod (rest + 1, NULL));
          step = 0;
        }
      else if (rest_len > 0 && !glued_suffix (rest, rest_len, &scale, &unit_symbol, &temperature))
        {
          if (kind != CC_VALUE_QUANTITY)
            return FALSE;
          unit = g_string_new_len (*rest == '-' ? rest + 1 : rest,
                                   *rest == '-' ? rest_len - 1 : rest_len);
        }
      i = 1;
    }
  else if ((i = cc_values_read_number (toks, 0, &number, &step)) == 0)
    return FALSE;

  if (i < toks->len && *TOK (i)->p == '+' && TOK (i)->len == 1)
    {
      v->qualifier = CC_VALUE_AT_LEAST;
      i++;
    }
  /* scale word */
  if (i < toks->len && scale == 1)
    {
      double s = cc_value_scale_from_word (TOK (i)->p, TOK (i)->len);
      if (s > 0 && !(TOK (i)->len == 1 && i + 1 < toks->len))
        {
          scale = s;
          i++;
        }
      else if (s >= 1e3)
        {
          scale = s;
          i++;
        }
    }
  if (i < toks->len && *TOK (i)->p == '+' && TOK (i)->len == 1)
    {
      v->qualifier = CC_VALUE_AT_LEAST;
      i++;
    }
  /* percent */
  if (i < toks->len && (*TOK (i)->p == '%' || cc_values_tok_is (toks, i, "percent") ||
                        cc_values_tok_is (toks, i, "pct")))
    {
      percent = TRUE;
      i++;
    }
  else if (cc_values_tok_is (toks, i, "per") && cc_values_tok_is (toks, i + 1, "cent"))
    {
      percent = TRUE;
      i += 2;
    }
  else if (temperature == NULL)
    temperature = temperature_at (toks, i, &i);
  /* currency word */
  if (!percent && temperature == NULL && currency == NULL && unit_symbol == NULL && unit == NULL &&
      i < toks->len && (currency = currency_word (TOK (i)->p, TOK (i)->len)) != NULL)
    {
      /* "312 pence" is £3.12 */
      if (cc_values_tok_is (toks, i, "pence") || cc_values_tok_is (toks, i, "penny"))
        scale *= 0.01;
      i++;
    }
  /* a unit of measure, written apart */
  if (!percent && temperature == NULL && currency == NULL && unit_symbol == NULL && unit == NULL &&
      i < toks->len)
    {
      const char *sym = cc_value_unit_symbol (TOK (i)->p, TOK (i)->len);

      if (sym != NULL && !(TOK (i)->len == 1 && i + 1 < toks->len))
        unit_symbol = sym, i++;
    }

  if (i < toks->len || unit_symbol != NULL)
    {
      if (unit == NULL)
        unit = g_string_new (unit_symbol);
      /* what follows a number is no unit when it is another figure
       * ("1,150억~1,350억", a range the caller did not split): taking it
       * as one would show the value half normalised, half as written */
      if (unit->len == 0 && i < toks->len &&
          (g_ascii_isdigit (TOK (i)->p[0]) || TOK (i)->p[0] == '~' ||
           g_str_has_prefix (TOK (i)->p, "–") || g_str_has_prefix (TOK (i)->p, "〜") ||
           g_str_has_prefix (TOK (i)->p, "～")))
        return FALSE;
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

  if (temperature != NULL)
    {
      if (kind != CC_VALUE_NONE && kind != CC_VALUE_TEMPERATURE && kind != CC_VALUE_QUANTITY)
        return FALSE;
      if (unit != NULL && unit_symbol == NULL)
        return FALSE;
      v->kind = CC_VALUE_TEMPERATURE;
      v->unit = g_strdup (temperature);
      return TRUE;
    }
  if (kind == CC_VALUE_NONE)
    kind = percent ? CC_VALUE_PERCENT
         : currency != NULL ? CC_VALUE_MONEY
         : unit != NULL ? CC_VALUE_QUANTITY
         : CC_VALUE_SCORE;

  switch (kind)
    {
    case CC_VALUE_PERCENT:
      if (!percent || unit != NULL)
        return FALSE;
      break;
    case CC_VALUE_MONEY:
      if (currency == NULL || percent)
        return FALSE;
      v->currency = g_strdup (currency);
      /* "per month" and the like may follow a price: ignored */
      break;
    case CC_VALUE_QUANTITY:
      if (percent || currency != NULL || unit == NULL)
        return FALSE;
      v->unit = g_string_free (g_steal_pointer (&unit), FALSE);
      break;
    case CC_VALUE_SCORE:
    case CC_VALUE_ORDINAL:
      if (percent || currency != NULL)
        return FALSE;
      break;
    case CC_VALUE_DATE:
    case CC_VALUE_NONE:
    case CC_VALUE_TIME:
    case CC_VALUE_DURATION:
    case CC_VALUE_AGE:
    case CC_VALUE_TEMPERATURE:
    default:
      return FALSE;
    }
  v->kind = kind;
  return TRUE;
}

/* One figure, no range. */
static gboolean
parse_single (const char  *text,
              CcValueKind  kind,
              const GDate *reference,
              CcValue     *v)
{
  g_autoptr(GArray) toks = cc_values_tokenize (text);
  CcValueQualifier q = v->qualifier;

  if (toks->len == 0)
    return FALSE;
  if ((kind == CC_VALUE_DATE || kind == CC_VALUE_NONE) && cc_values_parse_relative (toks, reference, v))
    return TRUE;
  if ((kind == CC_VALUE_TIME || kind == CC_VALUE_DATE ||
       (kind == CC_VALUE_NONE && strpbrk (text, "aApPGUEIC(") != NULL)) &&
      cc_values_parse_time (toks, v))
    return TRUE;
  if ((kind == CC_VALUE_DURATION || kind == CC_VALUE_NONE || kind == CC_VALUE_DATE ||
       kind == CC_VALUE_SCORE || kind == CC_VALUE_QUANTITY) &&
      cc_values_parse_duration (toks, v))
    return TRUE;
  if (kind == CC_VALUE_AGE || kind == CC_VALUE_DATE || kind == CC_VALUE_NONE)
    {
      if ((kind == CC_VALUE_AGE || g_strstr_len (text, -1, "year-old") != NULL ||
           g_strstr_len (text, -1, "years old") != NULL || g_str_has_prefix (text, "aged ")) &&
          cc_values_parse_age (toks, v))
        return TRUE;
    }
  if (kind == CC_VALUE_ORDINAL && toks->len == 1)
    {
      guint n = cc_value_ordinal_word (TOK (0)->p, TOK (0)->len);
      if (n == 0)
        return FALSE;
      v->kind = CC_VALUE_ORDINAL;
      v->number = v->low = v->high = n;
      v->precision = 1;
      return TRUE;
    }
  if (kind == CC_VALUE_DATE || kind == CC_VALUE_NONE)
    {
      if (parse_date (toks, v))
        {
          /* A lone number is a year only when asked for a date, or when it
           * looks like one. */
          if (kind == CC_VALUE_DATE || toks->len > 1 ||
              (v->low != 0 && (TOK (0)->len == 4 || memchr (TOK (0)->p, '-', TOK (0)->len) != NULL ||
                               memchr (TOK (0)->p, '/', TOK (0)->len) != NULL ||
                               (guchar)TOK (0)->p[TOK (0)->len - 1] >= 0x80)))
            return TRUE;
        }
      if (kind == CC_VALUE_DATE)
        return FALSE;
      g_clear_pointer (&v->unit, g_free);
      g_clear_pointer (&v->currency, g_free);
      memset (v, 0, sizeof *v);
      v->qualifier = q;
    }
  return parse_number_value (text, v, kind == CC_VALUE_TEMPERATURE ? CC_VALUE_NONE : kind) &&
         (kind != CC_VALUE_TEMPERATURE || v->kind == CC_VALUE_TEMPERATURE);
}

/* Splits "A to B", "between A and B", "A–B", "A-B" (numbers), "A~B". */
static gboolean
split_range (const char  *text,
             char       **left,
             char       **right)
{
  static const char * const seps[] = { " to ", " and ", " – ", " - ", "–", "~", "-", " through " };
  const char *body = text;
  gboolean between = FALSE;

  if (g_ascii_strncasecmp (body, "between ", 8) == 0)
    body += 8, between = TRUE;
  else if (g_ascii_strncasecmp (body, "from ", 5) == 0)
    body += 5;
  for (guint k = 0; k < G_N_ELEMENTS (seps); k++)
    {
      const char *at = strstr (body, seps[k]);
      gsize n = strlen (seps[k]);

      if (at == NULL || at == body || (k == 1 && !between))
        continue;
      /* a dash joins two figures only between a digit and a digit or sign */
      if ((k >= 4 && k != 7) && !(g_ascii_isdigit (at[-1]) || at[-1] == '%' ||
                                  (k == 5 && (guchar)at[-1] >= 0x80)))
        continue;
      if ((k >= 4 && k != 7) && !(g_ascii_isdigit (at[n]) || at[n] == '$' || (guchar)at[n] >= 0x80))
        continue;
      *left = g_strndup (body, at - body);
      *right = g_strdup (at + n);
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_range (const char  *text,
             CcValueKind  kind,
             const GDate *reference,
             CcValue     *v)
{
  g_autofree char *left = NULL, *right = NULL;
  g_autoptr(CcValue) a = NULL;
  g_autoptr(CcValue) b = g_new0 (CcValue, 1);

  if (!split_range (text, &left, &right))
    return FALSE;
  if (!parse_single (right, kind, reference, b))
    return FALSE;
  a = g_new0 (CcValue, 1);
  if (!parse_single (left, b->kind, reference, a))
    {
      /* "$115 to $135 billion", "7–8C", "nine and 10 degrees": the left end
       * borrows what follows the right end's number. */
      g_autoptr(GArray) rt = cc_values_tokenize (right);
      double n, step;
      guint end;
      const char *tail;
      g_autofree char *joined = NULL;
      gsize skip = 0;

      if (rt->len == 0)
        return FALSE;
      currency_prefix (right, &skip);
      {
        g_autoptr(GArray) rt2 = cc_values_tokenize (right + skip);
        const char *r = NULL;
        if (rt2->len == 0)
          return FALSE;
        if (parse_digits (CC_VALTOK (rt2, 0)->p, CC_VALTOK (rt2, 0)->len, &n, &step, &r))
          tail = r;
        else if ((end = cc_values_read_number (rt2, 0, &n, &step)) != 0)
          tail = end < rt2->len ? CC_VALTOK (rt2, end)->p : right + strlen (right);
        else
          return FALSE;
      }
      joined = g_strconcat (left, *tail == ' ' || g_ascii_isalpha (*tail) ? "" : "", tail, NULL);
      /* the failed parse may have left its unit or currency (found by fuzz-values) */
      g_clear_pointer (&a->unit, g_free);
      g_clear_pointer (&a->currency, g_free);
      memset (a, 0, sizeof *a);
      if (!parse_single (joined, b->kind, reference, a))
        {
          /* the currency skipped and the first token of the text before
           * it may together be longer than the text (found by fuzz-values) */
          gsize first = skip + CC_VALTOK (rt, 0)->len;
          const char *after_first = first <= strlen (right) ? right + first : "";

          /* "1,150억~1,350억 달러": the left end has its scale already */
          if (skip == 0 && (after_first = strchr (right, ' ')) == NULL)
            after_first = "";
          g_free (joined);
          joined = g_strconcat (left, " ", tail, NULL);
          g_clear_pointer (&a->unit, g_free);
          g_clear_pointer (&a->currency, g_free);
          memset (a, 0, sizeof *a);
          if (!parse_single (joined, b->kind, reference, a))
            {
              g_free (joined);
              joined = g_strconcat (left, after_first, NULL);
              g_clear_pointer (&a->unit, g_free);
              g_clear_pointer (&a->currency, g_free);
              memset (a, 0, sizeof *a);
              if (!parse_single (joined, b->kind, reference, a))
                {
                  /* "450 million to 500 million pounds": the left end has
                   * its scale and borrows only what follows the right
                   * end's number and scale */
                  g_autoptr(GArray) rt3 = cc_values_tokenize (right + skip);
                  guint after = cc_values_read_number (rt3, 0, &n, &step);

                  if (after == 0 || after >= rt3->len)
                    return FALSE;
                  g_free (joined);
                  joined = g_strconcat (left, " ", CC_VALTOK (rt3, after)->p, NULL);
                  g_clear_pointer (&a->unit, g_free);
                  g_clear_pointer (&a->currency, g_free);
                  memset (a, 0, sizeof *a);
                  if (!parse_single (joined, b->kind, reference, a))
                    return FALSE;
                }
            }
        }
    }
  /* "$115" before "$135 billion": scale as the right end */
  if (a->kind != CC_VALUE_DATE && a->number * 1000 <= b->number && b->precision >= 1000 &&
      a->precision < b->precision)
    {
      double k = b->precision / MAX (a->precision, 1e-9);
      a->number *= k, a->low *= k, a->high *= k;
      a->precision = b->precision;
    }
  if (a->kind != b->kind || g_strcmp0 (a->currency, b->currency) != 0)
    return FALSE;
  if (a->kind == CC_VALUE_DATE && a->low == 0 && b->low != 0 && a->unit == NULL &&
      (int)a->precision % 10000 / 100 != 0)
    {
      /* "January to April 2026": the year of the right end */
      GDate d;
      int month = (int)a->precision % 10000 / 100, day = (int)a->precision % 100;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, (guint32)b->low);
      a->low = julian (g_date_get_year (&d), month, day ? day : 1);
      a->high = day ? a->low : julian (g_date_get_year (&d), month, last_day (g_date_get_year (&d), month));
      if (a->low == 0)
        return FALSE;
    }
  if (a->kind == CC_VALUE_DATE && (a->low == 0 || b->low == 0))
    return FALSE;
  if (a->low > b->high || (a->low == b->low && a->high == b->high))
    return FALSE;
  v->kind = a->kind;
  v->low = MIN (a->low, b->low);
  v->high = MAX (a->high, b->high);
  v->number = v->low;
  v->precision = MAX (a->precision, b->precision);
  if (a->kind == CC_VALUE_DATE)
    v->precision = 0;
  v->currency = g_strdup (a->currency);
  v->unit = g_strdup (b->unit);
  return TRUE;
}

CcValue *
cc_value_parse_dated (const char  *text,
                      CcValueKind  kind,
                      const GDate *reference)
{
  g_autoptr(CcValue) v = g_new0 (CcValue, 1);
  gsize skip;

  g_return_val_if_fail (text != NULL, NULL);

  /* ("several" is also a hedge: "several weeks" is read whole first) */
  if (kind == CC_VALUE_NONE || kind == CC_VALUE_DURATION)
    {
      g_autoptr(GArray) toks = cc_values_tokenize (text);

      if (cc_values_parse_vague_duration (toks, v))
        return g_steal_pointer (&v);
    }
  skip = cc_value_parse_qualifier (text, &v->qualifier);
  text += skip;
  if (kind != CC_VALUE_ORDINAL && parse_range (text, kind, reference, v))
    return g_steal_pointer (&v);
  g_clear_pointer (&v->unit, g_free);
  g_clear_pointer (&v->currency, g_free);
  memset (v, 0, sizeof *v);
  cc_value_parse_qualifier (text - skip, &v->qualifier);
  if (parse_single (text, kind, reference, v))
    return g_steal_pointer (&v);
  return NULL;
}

CcValue *
cc_value_parse_dated_tense (const char  *text,
                            CcValueKind  kind,
                            const GDate *reference,
                            gboolean     ahead)
{
  g_autoptr(CcValue) bare = NULL;
  GDate later;

  if (!ahead || reference == NULL || !g_date_valid (reference))
    return cc_value_parse_dated (text, kind, reference);
  /* without a reference a weekday alone keeps only its weekday */
  bare = cc_value_parse_dated (text, kind, NULL);
  if (bare == NULL || bare->kind != CC_VALUE_DATE || bare->low != 0 || bare->high != 0 ||
      bare->precision < 10000 || bare->precision > 70000 || (int)bare->precision % 10000 != 0)
    return cc_value_parse_dated (text, kind, reference);
  /* a bare weekday is taken in the five days before the reference or the
   * day after it: five days on, that is the day itself or the six after */
  later = *reference;
  if (g_date_get_julian (&later) > G_MAXUINT32 - 5)
    return cc_value_parse_dated (text, kind, reference);
  g_date_add_days (&later, 5);
  return cc_value_parse_dated (text, kind, &later);
}

typedef struct
{
  const char *p;
  gsize       len;
} TenseWord;

/* Splits @text into words (letters and apostrophes), at most @max of the
 * last ones when @last, else of the first ones. */
static guint
tense_words (const char *text,
             gsize       len,
             TenseWord  *words,
             guint       max,
             gboolean    last)
{
  guint n = 0;
  gsize i = 0;

  while (i < len)
    {
      gsize start;

      while (i < len && !g_ascii_isalpha (text[i]))
        i++;
      start = i;
      while (i < len && (g_ascii_isalpha (text[i]) || text[i] == '\''))
        i++;
      if (i == start)
        break;
      if (n == max)
        {
          if (!last)
            break;
          memmove (words, words + 1, (max - 1) * sizeof *words);
          n--;
        }
      words[n].p = text + start;
      words[n].len = i - start;
      n++;
    }
  return n;
}

/* 1 when word @i of @words makes the future, -1 the past, 0 neither. */
static int
tense_of_word (const TenseWord *words,
               guint            n,
               guint            i)
{
  static const char * const ahead[] = { "will", "shall", "won't", NULL };
  static const char * const going[] = {
    "due", "set", "scheduled", "slated", "expected", "going", "plans", "plan",
    "planned", "planning", "intends", "aims", "hopes", NULL
  };
  static const char * const behind[] = {
    "said", "told", "was", "were", "had", "did", "announced", "added",
    "reported", "confirmed", "ago", "last", NULL
  };
  const TenseWord *w = &words[i];

  for (guint k = 0; ahead[k] != NULL; k++)
    if (word_eq (w->p, w->len, ahead[k]))
      return 1;
  if (w->len > 3 && w->p[w->len - 3] == '\'' && g_ascii_tolower (w->p[w->len - 1]) == 'l')
    return 1;  /* "it'll" */
  if (word_eq (w->p, w->len, "to") && i + 1 < n && i > 0)
    for (guint k = 0; going[k] != NULL; k++)
      if (word_eq (words[i - 1].p, words[i - 1].len, going[k]))
        {
          /* "is due to return", not "closed due to the strike" */
          if (k == 0 && !(i > 1 && (word_eq (words[i - 2].p, words[i - 2].len, "is") ||
                                    word_eq (words[i - 2].p, words[i - 2].len, "are") ||
                                    word_eq (words[i - 2].p, words[i - 2].len, "was") ||
                                    word_eq (words[i - 2].p, words[i - 2].len, "were"))))
            return 0;
          return 1;
        }
  for (guint k = 0; behind[k] != NULL; k++)
    if (word_eq (w->p, w->len, behind[k]))
      return -1;
  return 0;
}

gboolean
cc_value_weekday_is_ahead (const char *before,
                           gsize       before_len,
                           const char *after,
                           gsize       after_len)
{
  TenseWord words[16];
  guint n;

  g_return_val_if_fail (before != NULL || before_len == 0, FALSE);
  g_return_val_if_fail (after != NULL || after_len == 0, FALSE);

  n = tense_words (before, before_len, words, G_N_ELEMENTS (words), TRUE);
  for (guint i = n; i-- > 0;)
    {
      int t = tense_of_word (words, n, i);

      if (t != 0)
        return t > 0;
    }
  /* "On Monday, the ferry will ...": the weekday opens its sentence */
  if (n > 2 || (n == 2 && !word_eq (words[0].p, words[0].len, "and")))
    return FALSE;
  if (n >= 1 && !word_eq (words[n - 1].p, words[n - 1].len, "on") &&
      !word_eq (words[n - 1].p, words[n - 1].len, "by") &&
      !word_eq (words[n - 1].p, words[n - 1].len, "until") &&
      !word_eq (words[n - 1].p, words[n - 1].len, "from"))
    return FALSE;
  n = tense_words (after, after_len, words, G_N_ELEMENTS (words), FALSE);
  for (guint i = 0; i < n; i++)
    {
      int t = tense_of_word (words, n, i);

      if (t != 0)
        return t > 0;
    }
  return FALSE;
}

CcValue *
cc_value_parse (const char  *text,
                CcValueKind  kind)
{
  return cc_value_parse_dated (text, kind, NULL);
}

gboolean
cc_value_is_range (const CcValue *value)
{
  g_return_val_if_fail (value != NULL, FALSE);
  return value->low < value->high && value->kind != CC_VALUE_DATE;
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
        g_string_append_printf (out, "W-%s", cc_values_weekday_codes[weekday - 1]);
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

/* "a" or "a/b" for a range. */
static void
append_span (GString       *out,
             const CcValue *v)
{
  append_number (out, v->low < v->high ? v->low : v->number);
  if (v->low < v->high)
    {
      g_string_append_c (out, '/');
      append_number (out, v->high);
    }
}

char *
cc_value_to_string (const CcValue *value)
{
  GString *out;

  g_return_val_if_fail (value != NULL, NULL);

  if (value->kind == CC_VALUE_DATE)
    {
      if (value->low == 0 && value->unit != NULL)
        return g_strdup (value->unit);
      return date_to_string (value);
    }
  if (value->kind == CC_VALUE_TIME)
    return cc_values_time_to_string (value);
  if (value->kind == CC_VALUE_DURATION)
    {
      CcValue lo = *value, hi = *value;
      g_autofree char *a = NULL, *b = NULL;

      lo.number = value->low;
      if (!(value->low < value->high))
        return cc_values_duration_to_string (&lo);
      hi.number = value->high;
      a = cc_values_duration_to_string (&lo);
      b = cc_values_duration_to_string (&hi);
      return g_strconcat (a, "/", b, NULL);
    }

  out = g_string_new (NULL);
  switch (value->kind)
    {
    case CC_VALUE_MONEY:
      g_string_append_printf (out, "%s ", value->currency ? value->currency : "XXX");
      append_span (out, value);
      break;
    case CC_VALUE_PERCENT:
      append_span (out, value);
      g_string_append_c (out, '%');
      break;
    case CC_VALUE_QUANTITY:
    case CC_VALUE_TEMPERATURE:
      append_span (out, value);
      if (value->unit != NULL)
        g_string_append_printf (out, " %s", value->unit);
      break;
    case CC_VALUE_SCORE:
      append_span (out, value);
      break;
    case CC_VALUE_AGE:
      g_string_append (out, "age ");
      append_span (out, value);
      break;
    case CC_VALUE_ORDINAL:
      g_string_append_c (out, '#');
      append_number (out, value->number);
      break;
    case CC_VALUE_DATE:
    case CC_VALUE_TIME:
    case CC_VALUE_DURATION:
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

static CcValue *
parse_normalized_date (const char *normalized)
{
  g_autoptr(CcValue) v = g_new0 (CcValue, 1);

  v->kind = CC_VALUE_DATE;
  if (normalized[0] == 'R')
    {
      v->unit = g_strdup (normalized);
      return g_steal_pointer (&v);
    }
  if (g_str_has_prefix (normalized, "XXXX-") || g_str_has_prefix (normalized, "W-"))
    {
      int month = 0, day = 0, weekday = 0;

      if (normalized[0] == 'X')
        sscanf (normalized + 5, "%d-%d", &month, &day);
      else
        for (guint i = 0; i < 7; i++)
          if (strcmp (normalized + 2, cc_values_weekday_codes[i]) == 0)
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

/* "USD 115000000000/135000000000", "7/8 °C", "PT9M/PT10M": a range. */
static CcValue *
parse_normalized_range (CcValueKind  kind,
                        const char  *normalized)
{
  const char *slash = strchr (normalized, '/');
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autoptr(CcValue) a = NULL;
  g_autoptr(CcValue) b = NULL;
  gsize pre = 0, post;

  /* the words before the first number and after the last are shared */
  /* a duration starts "P2Y"; the "P" of "GBP" or "JPY" is a currency's */
  while (normalized + pre < slash && !g_ascii_isdigit (normalized[pre]) && normalized[pre] != '-' &&
         !(normalized[pre] == 'P' && (pre == 0 || normalized[pre - 1] == ' ') &&
           (g_ascii_isdigit (normalized[pre + 1]) || normalized[pre + 1] == 'T')))
    pre++;
  post = strcspn (slash + 1, " %");
  left = g_strndup (normalized, slash - normalized);
  right = g_strdup (slash + 1);
  if (slash[1 + post] != '\0' && strchr (left, ' ') == NULL && strchr (left, '%') == NULL)
    {
      char *l = g_strconcat (left, slash + 1 + post, NULL);
      g_free (left);
      left = l;
    }
  if (pre > 0 && strncmp (right, normalized, pre) != 0)
    {
      g_autofree char *head = g_strndup (normalized, pre);
      char *r = g_strconcat (head, right, NULL);
      g_free (right);
      right = r;
    }
  a = cc_value_parse_normalized (kind, left);
  b = cc_value_parse_normalized (kind, right);
  if (a == NULL || b == NULL)
    return NULL;
  a->low = MIN (a->low, b->low);
  a->high = MAX (a->high, b->high);
  a->number = a->low;
  a->precision = MAX (a->precision, b->precision);
  return g_steal_pointer (&a);
}

CcValue *
cc_value_parse_normalized (CcValueKind  kind,
                           const char  *normalized)
{
  g_return_val_if_fail (normalized != NULL, NULL);

  if (kind == CC_VALUE_DATE)
    return parse_normalized_date (normalized);
  {
    const char *slash = strchr (normalized, '/');

    if (slash != NULL && (g_ascii_isdigit (slash[1]) || slash[1] == '-' || slash[1] == 'P'))
      return parse_normalized_range (kind, normalized);
  }
  if (kind == CC_VALUE_TIME || kind == CC_VALUE_DURATION || kind == CC_VALUE_AGE)
    {
      g_autoptr(CcValue) v = g_new0 (CcValue, 1);

      if (!cc_values_parse_normalized_time (kind, normalized, v))
        return NULL;
      return g_steal_pointer (&v);
    }
  if (kind == CC_VALUE_ORDINAL)
    {
      g_autoptr(CcValue) v = g_new0 (CcValue, 1);

      if (normalized[0] != '#')
        return NULL;
      v->kind = kind;
      v->number = v->low = v->high = g_ascii_strtod (normalized + 1, NULL);
      v->precision = 1;
      return g_steal_pointer (&v);
    }
  if (kind == CC_VALUE_MONEY && g_str_has_prefix (normalized, "USD? "))
    {
      CcValue *v = cc_value_parse (normalized + 5, CC_VALUE_SCORE);

      if (v == NULL)
        return NULL;
      v->kind = CC_VALUE_MONEY;
      v->currency = g_strdup ("USD?");
      return v;
    }
  if (kind == CC_VALUE_QUANTITY)
    {
      /* "10 km", "1200000000 downloads": the unit is kept as stored */
      g_autoptr(CcValue) v = g_new0 (CcValue, 1);
      const char *space = strchr (normalized, ' ');
      char *end;

      v->number = g_ascii_strtod (normalized, &end);
      if (end == normalized || space == NULL)
        return cc_value_parse (normalized, kind);
      v->kind = kind;
      v->low = v->high = v->number;
      v->precision = 1;
      v->unit = g_strdup (space + 1);
      return g_steal_pointer (&v);
    }
  return cc_value_parse (normalized, kind);
}

/* The interval a figure allows: its range, widened by the rounding of its
 * last digit and by its hedge. */
static void
allowed_interval (const CcValue *v,
                  double         scale,
                  double         offset,
                  double        *lo,
                  double        *hi)
{
  double low = (v->low < v->high ? v->low : v->number) * scale + offset;
  double high = (v->low < v->high ? v->high : v->number) * scale + offset;
  /* just under half a step: "2:01:52" and "2:01:53" do not meet */
  double half = v->precision * fabs (scale) * 0.499 + 1e-9 * MAX (fabs (low), fabs (high));

  *lo = low - half;
  *hi = high + half;
  switch (v->qualifier)
    {
    case CC_VALUE_AT_LEAST:
      *hi = INFINITY;
      break;
    case CC_VALUE_AT_MOST:
      *lo = -INFINITY;
      break;
    case CC_VALUE_APPROX:
      *lo = MIN (*lo, low - 0.1 * fabs (low));
      *hi = MAX (*hi, high + 0.1 * fabs (high));
      break;
    case CC_VALUE_EXACT:
    default:
      break;
    }
}

/* Unit conversions that make two figures comparable: factor and offset
 * into a common scale for each. FALSE when incomparable. */
static gboolean
common_scale (const CcValue *a,
              const CcValue *b,
              double        *fa,
              double        *oa,
              double        *fb,
              double        *ob)
{
  *fa = *fb = 1;
  *oa = *ob = 0;
  switch (a->kind)
    {
    case CC_VALUE_MONEY:
      return a->currency != NULL && b->currency != NULL && strchr (a->currency, '?') == NULL &&
             strchr (b->currency, '?') == NULL && strcmp (a->currency, b->currency) == 0;
    case CC_VALUE_TEMPERATURE:
      {
        gboolean af = g_strcmp0 (a->unit, "°F") == 0, bf = g_strcmp0 (b->unit, "°F") == 0;

        if (g_strcmp0 (a->unit, "°") == 0 || g_strcmp0 (b->unit, "°") == 0)
          return g_strcmp0 (a->unit, b->unit) == 0;
        if (af && !bf)
          *fa = 5.0 / 9, *oa = -32 * 5.0 / 9;
        else if (bf && !af)
          *fb = 5.0 / 9, *ob = -32 * 5.0 / 9;
        return TRUE;
      }
    case CC_VALUE_TIME:
      {
        int za = 0, zb = 0;

        if (g_strcmp0 (a->unit, b->unit) == 0)
          return TRUE;
        if (a->unit == NULL || b->unit == NULL ||
            !cc_value_zone (a->unit, strlen (a->unit), &za, NULL) ||
            !cc_value_zone (b->unit, strlen (b->unit), &zb, NULL))
          return FALSE;
        *oa = -za;
        *ob = -zb;
        return TRUE;
      }
    case CC_VALUE_QUANTITY:
      {
        const char *da, *db;
        double ka, kb;

        if (a->unit == NULL || b->unit == NULL)
          return a->unit == b->unit;
        if (cc_values_unit_scale (a->unit, &da, &ka) && cc_values_unit_scale (b->unit, &db, &kb))
          {
            *fa = ka, *fb = kb;
            return strcmp (da, db) == 0;
          }
        if (g_ascii_strcasecmp (a->unit, b->unit) != 0)
          {
            /* "1.2 billion downloads" vs "1.2 billion model downloads": the
             * same head noun at the end is enough. */
            const char *ua = strrchr (a->unit, ' ');
            const char *ub = strrchr (b->unit, ' ');
            return g_ascii_strcasecmp (ua ? ua + 1 : a->unit, ub ? ub + 1 : b->unit) == 0;
          }
        return TRUE;
      }
    case CC_VALUE_PERCENT:
    case CC_VALUE_SCORE:
    case CC_VALUE_DURATION:
    case CC_VALUE_AGE:
    case CC_VALUE_ORDINAL:
    case CC_VALUE_DATE:
    case CC_VALUE_NONE:
    default:
      return TRUE;
    }
}

static CcValueMatch
compare_dates (const CcValue *a,
               const CcValue *b)
{
  if ((a->low == 0 && a->unit != NULL) || (b->low == 0 && b->unit != NULL))
    {
      /* unresolved relative dates: only the same expression agrees */
      if (a->unit != NULL && b->unit != NULL && a->low == 0 && b->low == 0)
        return strcmp (a->unit, b->unit) == 0 ? CC_VALUE_MATCH_SAME : CC_VALUE_MATCH_INCOMPARABLE;
      return CC_VALUE_MATCH_INCOMPARABLE;
    }
  if (a->low == 0 || b->low == 0)
    return a->precision == b->precision ? CC_VALUE_MATCH_SAME : CC_VALUE_MATCH_DIFFERENT;
  if (a->low == b->low && a->high == b->high)
    return CC_VALUE_MATCH_SAME;
  if ((a->low >= b->low && a->high <= b->high) || (b->low >= a->low && b->high <= a->high))
    return CC_VALUE_MATCH_CLOSE;
  return CC_VALUE_MATCH_DIFFERENT;
}

CcValueMatch
cc_value_compare (const CcValue *a,
                  const CcValue *b)
{
  double fa, oa, fb, ob, alo, ahi, blo, bhi;

  g_return_val_if_fail (a != NULL && b != NULL, CC_VALUE_MATCH_INCOMPARABLE);

  if (a->kind != b->kind)
    return CC_VALUE_MATCH_INCOMPARABLE;
  if (a->kind == CC_VALUE_DATE)
    return compare_dates (a, b);
  if (!common_scale (a, b, &fa, &oa, &fb, &ob))
    return CC_VALUE_MATCH_INCOMPARABLE;

  if (a->number * fa + oa == b->number * fb + ob && a->low == a->number && b->low == b->number &&
      a->high == b->high * (fb / fa) && fa == fb)
    return a->qualifier == b->qualifier ? CC_VALUE_MATCH_SAME : CC_VALUE_MATCH_CLOSE;
  if (a->low < a->high && a->low == b->low && a->high == b->high && fa == fb && oa == ob &&
      a->qualifier == b->qualifier)
    return CC_VALUE_MATCH_SAME;

  /* Rounding, ranges and hedges: the intervals each figure allows meet. */
  allowed_interval (a, fa, oa, &alo, &ahi);
  allowed_interval (b, fb, ob, &blo, &bhi);
  if (a->kind == CC_VALUE_TIME && ((a->unit && strlen (a->unit) == 2) || (b->unit && strlen (b->unit) == 2)))
    {
      /* "ET", "PT": summer time or not */
      alo -= 60;
      ahi += 60;
    }
  if (alo <= bhi && blo <= ahi)
    return CC_VALUE_MATCH_CLOSE;
  return CC_VALUE_MATCH_DIFFERENT;
}
