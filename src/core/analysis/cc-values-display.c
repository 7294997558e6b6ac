/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-values"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cc-values.h"
#include "cc-values-private.h"

/* Values in plain words for people ("$14.3 billion", "January to April
 * 2026"), from the normalised value: two mentions of one value read the
 * same, whatever their notation. English, like the figures the extractor
 * reads. */

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static const char *
currency_symbol (const char *code)
{
  static const struct { const char *code; const char *symbol; } symbols[] = {
    { "USD", "$" }, { "USD?", "$" }, { "EUR", "€" }, { "GBP", "£" }, { "JPY", "¥" },
    { "INR", "₹" }, { "KRW", "₩" }, { "AUD", "A$" }, { "CAD", "C$" }, { "NZD", "NZ$" },
    { "HKD", "HK$" }, { "SGD", "S$" }, { "BRL", "R$" }, { "CNY", "CN¥" }, { "RUB", "₽" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_strcmp0 (code, symbols[i].code) == 0)
      return symbols[i].symbol;
  return NULL;
}

/* 14300000000 -> "14.3 billion", 47000 -> "47,000" */
static void
append_amount (GString *out,
               double   n)
{
  static const struct { double scale; const char *word; } scales[] = {
    { 1e12, "trillion" }, { 1e9, "billion" }, { 1e6, "million" },
  };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (n < 0)
    {
      g_string_append_c (out, '-');
      n = -n;
    }
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (n >= scales[i].scale)
      {
        g_ascii_formatd (buf, sizeof buf, "%.4g", n / scales[i].scale);
        g_string_append_printf (out, "%s %s", buf, scales[i].word);
        return;
      }
  if (n == floor (n) && n < 1e15)
    {
      g_autofree char *digits = g_strdup_printf ("%.0f", n);
      gsize len = strlen (digits);

      for (gsize k = 0; k < len; k++)
        {
          if (k > 0 && (len - k) % 3 == 0 && len > 4)
            g_string_append_c (out, ',');
          g_string_append_c (out, digits[k]);
        }
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.6g", n);
  g_string_append (out, buf);
}

/* Money below a million with cents as prices are written: "$47.10", not
 * "$47.1"; other amounts as append_amount(). */
static void
append_money_amount (GString *out,
                     double   n)
{
  double cents;

  if (fabs (n) >= 1e6 || n == floor (n))
    {
      append_amount (out, n);
      return;
    }
  if (n < 0)
    {
      g_string_append_c (out, '-');
      n = -n;
    }
  cents = round (n * 100);
  append_amount (out, floor (cents / 100));
  g_string_append_printf (out, ".%02d", (int)fmod (cents, 100));
}

static void
append_qualifier (GString         *out,
                  CcValueQualifier q)
{
  switch (q)
    {
    case CC_VALUE_APPROX: g_string_append (out, "about "); break;
    case CC_VALUE_AT_LEAST: g_string_append (out, "at least "); break;
    case CC_VALUE_AT_MOST: g_string_append (out, "at most "); break;
    case CC_VALUE_EXACT:
    default:
      break;
    }
}

static void
append_date (GString *out,
             GDate   *d,
             int      level,       /* 3 day, 2 month, 1 year */
             gboolean with_year)
{
  if (level >= 3)
    g_string_append_printf (out, "%d ", g_date_get_day (d));
  if (level >= 2)
    g_string_append (out, month_names[g_date_get_month (d) - 1]);
  if (with_year)
    g_string_append_printf (out, "%s%d", level >= 2 ? " " : "", g_date_get_year (d));
}

static const char * const weekday_names[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

/* A date without a year, or relative to an unknown article date, in words:
 * "R-1Y" "last year", "R-15Y" "15 years ago", "XXXX-04" "April". */
static void
display_unresolved (GString       *out,
                    const CcValue *v)
{
  static const char * const units[] = { "D", "day", "W", "week", "M", "month", "Y", "year" };
  const char *code = v->unit;
  int n = 0, month = 0, day = 0, consumed = 0;
  char unit = 0;

  if (code == NULL)
    {
      int c = (int)v->precision;
      int weekday = c / 10000;

      month = c / 100 % 100, day = c % 100;
      if (month >= 1 && month <= 12)
        {
          if (day)
            g_string_append_printf (out, "%d ", day);
          g_string_append (out, month_names[month - 1]);
        }
      else if (weekday >= 1 && weekday <= 7)
        g_string_append (out, weekday_names[weekday - 1]);
      return;
    }
  /* "R>W-TUE" next Tuesday, "R<W-TUE" last Tuesday */
  if ((g_str_has_prefix (code, "R>W-") || g_str_has_prefix (code, "R<W-")) && strlen (code) == 7)
    {
      for (guint k = 0; k < G_N_ELEMENTS (cc_values_weekday_codes); k++)
        if (strcmp (code + 4, cc_values_weekday_codes[k]) == 0)
          {
            g_string_append_printf (out, "%s %s", code[1] == '>' ? "next" : "last", weekday_names[k]);
            return;
          }
    }
  if (g_str_has_prefix (code, "R<-") && sscanf (code + 3, "%d", &month) == 1 && month >= 1 && month <= 12)
    {
      g_string_append_printf (out, "last %s", month_names[month - 1]);
      return;
    }
  if (code[0] != 'R' || sscanf (code + 1 + (code[1] == '~'), "%d%c%n", &n, &unit, &consumed) < 2)
    {
      g_string_append (out, code);
      return;
    }
  if (code[1 + (code[1] == '~') + consumed] == '-')
    sscanf (code + 1 + (code[1] == '~') + consumed + 1, "%d-%d", &month, &day);
  if (month >= 1 && month <= 12)
    {
      if (day)
        g_string_append_printf (out, "%d ", day);
      g_string_append_printf (out, "%s ", month_names[month - 1]);
    }
  for (guint k = 0; k < G_N_ELEMENTS (units); k += 2)
    if (unit == units[k][0])
      {
        const char *name = units[k + 1];

        if (n == 0)
          g_string_append_printf (out, unit == 'D' ? "today" : "this %s", name);
        else if (n == -1 && unit == 'D')
          g_string_append (out, "yesterday");
        else if (n == 1 && unit == 'D')
          g_string_append (out, "tomorrow");
        else if (n == -1)
          g_string_append_printf (out, "last %s", name);
        else if (n == 1)
          g_string_append_printf (out, "next %s", name);
        else
          g_string_append_printf (out, "%s%d %ss %s", code[1] == '~' ? "about " : "", ABS (n), name,
                                  n < 0 ? "ago" : "from now");
        return;
      }
  g_string_append (out, code);
}

static void
display_date (GString       *out,
              const CcValue *v)
{
  GDate lo, hi;
  int level;

  if (v->low == 0)
    {
      display_unresolved (out, v);
      return;
    }
  g_date_clear (&lo, 1);
  g_date_clear (&hi, 1);
  g_date_set_julian (&lo, (guint32)v->low);
  g_date_set_julian (&hi, (guint32)v->high);
  if (v->low == v->high)
    {
      append_date (out, &lo, 3, TRUE);
      return;
    }
  level = g_date_get_day (&lo) == 1 && g_date_is_last_of_month (&hi)
          ? (g_date_get_month (&lo) == 1 && g_date_get_month (&hi) == 12 ? 1 : 2)
          : 3;
  if (level == 1 && g_date_get_year (&lo) == g_date_get_year (&hi))
    {
      append_date (out, &lo, 1, TRUE);
      return;
    }
  if (level == 2 && g_date_get_year (&lo) == g_date_get_year (&hi) &&
      g_date_get_month (&lo) == g_date_get_month (&hi))
    {
      append_date (out, &lo, 2, TRUE);
      return;
    }
  append_date (out, &lo, level, g_date_get_year (&lo) != g_date_get_year (&hi) || level == 1);
  g_string_append (out, level == 1 ? "–" : " to ");
  append_date (out, &hi, level, TRUE);
}

static void
display_duration_part (GString *out,
                       double   seconds,
                       double   precision)
{
  static const struct { double s; const char *one; const char *many; } units[] = {
    { 31557600, "year", "years" }, { 2629800, "month", "months" }, { 604800, "week", "weeks" },
    { 86400, "day", "days" }, { 3600, "hour", "hours" }, { 60, "minute", "minutes" },
    { 1, "second", "seconds" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (precision >= units[i].s - 1 || i == G_N_ELEMENTS (units) - 1)
      {
        double n = seconds / units[i].s;
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (buf, sizeof buf, "%.3g", n);
        g_string_append_printf (out, "%s %s", buf, n == 1 ? units[i].one : units[i].many);
        return;
      }
}

static void
display_duration (GString       *out,
                  const CcValue *v)
{
  double s = v->low < v->high ? v->low : v->number;

  if (v->precision < 60 && s >= 60)
    {
      /* clock notation: "2:00:35", "3:27" */
      int total = (int)round (s);
      if (total >= 3600)
        g_string_append_printf (out, "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60);
      else
        g_string_append_printf (out, "%d:%02d", total / 60, total % 60);
    }
  else if ((v->precision < 3600 && s >= 3600) ||
           (v->precision < 86400 && s >= 86400 && fmod (s, 86400) != 0))
    {
      /* "62 hours and six minutes": each unit down to the finest written */
      static const struct { double s; const char *one; const char *many; } parts[] = {
        { 86400, "day", "days" }, { 3600, "hour", "hours" }, { 60, "minute", "minutes" },
      };
      double rest = s;

      /* days only when the text counts in days ("286 days and 7 hours") */
      for (guint k = v->precision >= 3600 ? 0 : 1; k < G_N_ELEMENTS (parts) && parts[k].s >= v->precision; k++)
        {
          double n = floor (rest / parts[k].s + 1e-9);

          rest -= n * parts[k].s;
          if (n == 0)
            continue;
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          g_string_append_printf (out, "%g %s", n, n == 1 ? parts[k].one : parts[k].many);
        }
    }
  else
    display_duration_part (out, s, v->precision);
  if (v->low < v->high)
    {
      g_string_append (out, " to ");
      display_duration_part (out, v->high, v->precision);
    }
}

char *
cc_value_to_display (const CcValue *v)
{
  GString *out;

  g_return_val_if_fail (v != NULL, NULL);

  out = g_string_new (NULL);
  if (!(v->kind == CC_VALUE_DATE && v->low == 0))
    append_qualifier (out, v->qualifier);
  switch (v->kind)
    {
    case CC_VALUE_DATE:
      display_date (out, v);
      break;
    case CC_VALUE_TIME:
      cc_values_display_time (out, v);
      break;
    case CC_VALUE_DURATION:
      display_duration (out, v);
      break;
    case CC_VALUE_AGE:
      g_string_append (out, "aged ");
      append_amount (out, v->number);
      break;
    case CC_VALUE_ORDINAL:
      g_string_append_printf (out, "#%g", v->number);
      break;
    case CC_VALUE_MONEY:
      {
        const char *sym = currency_symbol (v->currency);

        if (sym != NULL)
          g_string_append (out, sym);
        append_money_amount (out, v->low < v->high ? v->low : v->number);
        if (v->low < v->high)
          {
            g_string_append (out, " to ");
            if (sym != NULL)
              g_string_append (out, sym);
            append_money_amount (out, v->high);
          }
        if (sym == NULL)
          g_string_append_printf (out, " %s", v->currency ? v->currency : "");
        if (g_strcmp0 (v->currency, "USD?") == 0)
          g_string_append (out, " (which dollar?)");
        break;
      }
    case CC_VALUE_PERCENT:
    case CC_VALUE_QUANTITY:
    case CC_VALUE_TEMPERATURE:
    case CC_VALUE_SCORE:
    case CC_VALUE_NONE:
    default:
      append_amount (out, v->low < v->high ? v->low : v->number);
      if (v->low < v->high)
        {
          g_string_append (out, v->kind == CC_VALUE_QUANTITY || v->kind == CC_VALUE_SCORE ? " to " : "–");
          append_amount (out, v->high);
        }
      if (v->kind == CC_VALUE_PERCENT)
        g_string_append_c (out, '%');
      else if (v->kind == CC_VALUE_TEMPERATURE)
        g_string_append (out, v->unit ? v->unit : "°");
      else if (v->unit != NULL)
        g_string_append_printf (out, " %s", v->unit);
      break;
    }
  return g_string_free (out, FALSE);
}
