/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-values"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cc-values.h"
#include "cc-values-private.h"

/* Times of day ("13:38 IST", "1:39 pm", "10 a.m. ET"), durations
 * ("2:00:35", "three minutes and 27 seconds", "nine-month"), ages ("aged
 * 24", "24-year-old") and dates relative to the article's own date
 * ("yesterday", "last year", "15 years ago"). */

#define TOK(i) CC_VALTOK (toks, (i))

static gboolean
all_digits (const char *p,
            gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize k = 0; k < len; k++)
    if (!g_ascii_isdigit (p[k]))
      return FALSE;
  return TRUE;
}

static int
digits_value (const char *p,
              gsize       len)
{
  int n = 0;

  for (gsize k = 0; k < len; k++)
    n = n * 10 + (p[k] - '0');
  return n;
}

/* "am", "a.m", "AM", "pm", "p.m": 1 for am, 2 for pm, 0 otherwise. */
static int
meridiem (const char *p,
          gsize       len)
{
  if (cc_values_word_eq (p, len, "am") || cc_values_word_eq (p, len, "a.m"))
    return 1;
  if (cc_values_word_eq (p, len, "pm") || cc_values_word_eq (p, len, "p.m"))
    return 2;
  return 0;
}

/* Reads "13:38", "1.05", "0505", "6", "10:01PM" at token 0: the hour and
 * minute, the token after them, and a meridiem glued to the last part. */
static guint
read_clock (GArray *toks,
            guint   i,
            int    *hour,
            int    *minute,
            int    *second,
            int    *glued_meridiem,
            guint  *n_parts)
{
  CcValTok *t = TOK (i);
  const char *dot;

  *minute = *second = 0;
  *glued_meridiem = 0;
  *n_parts = 1;
  /* "1.05" */
  if ((dot = memchr (t->p, '.', t->len)) != NULL)
    {
      gsize a = dot - t->p, b = t->len - a - 1;

      if (a < 1 || a > 2 || b != 2 || !all_digits (t->p, a) || !all_digits (dot + 1, 2))
        return 0;
      *hour = digits_value (t->p, a);
      *minute = digits_value (dot + 1, 2);
      *n_parts = 2;
      return i + 1;
    }
  if (t->len == 4 && all_digits (t->p, 4))
    {
      *hour = digits_value (t->p, 2);
      *minute = digits_value (t->p + 2, 2);
      *n_parts = 2;
      return i + 1;
    }
  if (t->len < 1 || t->len > 2 || !all_digits (t->p, t->len))
    return 0;
  *hour = digits_value (t->p, t->len);
  i++;
  for (int part = 0; part < 2 && i + 1 < toks->len && TOK (i)->len == 1 && *TOK (i)->p == ':'; part++)
    {
      CcValTok *m = TOK (i + 1);
      int value;

      if (m->len < 2 || !g_ascii_isdigit (m->p[0]) || !g_ascii_isdigit (m->p[1]))
        break;
      value = digits_value (m->p, 2);
      if (m->len > 2)
        {
          *glued_meridiem = meridiem (m->p + 2, m->len - 2);
          if (*glued_meridiem == 0)
            return 0;
        }
      if (part == 0)
        *minute = value;
      else
        *second = value;
      (*n_parts)++;
      i += 2;
      if (*glued_meridiem)
        break;
    }
  return i;
}

/* A zone after a time: "IST", "(IST)", "ET", "UAE time", "local time". */
static guint
read_zone (GArray  *toks,
           guint    i,
           char   **zone)
{
  gboolean paren = FALSE;

  *zone = NULL;
  if (i < toks->len && TOK (i)->len == 1 && *TOK (i)->p == '(')
    paren = TRUE, i++;
  if (i >= toks->len)
    return 0;
  if (cc_value_zone (TOK (i)->p, TOK (i)->len, NULL, NULL))
    *zone = g_strndup (TOK (i)->p, TOK (i)->len);
  else if (i + 1 < toks->len && cc_values_word_eq (TOK (i + 1)->p, TOK (i + 1)->len, "time") &&
           g_ascii_isalpha (*TOK (i)->p))
    {
      *zone = g_strndup (TOK (i)->p, TOK (i)->len);
      i++;
    }
  else
    return 0;
  i++;
  if (paren)
    {
      if (i < toks->len && *TOK (i)->p == ')')
        i++;
    }
  return i;
}

gboolean
cc_values_parse_time (GArray  *toks,
                      CcValue *v)
{
  int hour = 0, minute = 0, second = 0, mer = 0;
  guint parts = 0;
  guint i = 0;
  g_autofree char *zone = NULL;

  if (toks->len == 0)
    return FALSE;
  if (cc_values_word_eq (TOK (0)->p, TOK (0)->len, "noon") ||
      cc_values_word_eq (TOK (0)->p, TOK (0)->len, "midday"))
    hour = 12, i = 1, mer = 3;
  else if (cc_values_word_eq (TOK (0)->p, TOK (0)->len, "midnight"))
    hour = 0, i = 1, mer = 3;
  else
    {
      gboolean colon;

      i = read_clock (toks, 0, &hour, &minute, &second, &mer, &parts);
      if (i == 0)
        return FALSE;
      colon = parts >= 2 && !(TOK (0)->len == 4 && all_digits (TOK (0)->p, 4));
      if (mer == 0 && i < toks->len)
        {
          mer = meridiem (TOK (i)->p, TOK (i)->len);
          if (mer != 0)
            {
              i++;
              if (i < toks->len && *TOK (i)->p == '.' && TOK (i)->len == 1)
                i++;
            }
        }
      /* "6" alone is a time only with am/pm; "13:38" needs a zone or
       * nothing after it. */
      if (!colon && mer == 0 && !(TOK (0)->len == 4 && i < toks->len))
        return FALSE;
      if (TOK (0)->len == 4 && all_digits (TOK (0)->p, 4) && (mer != 0 || i >= toks->len))
        return FALSE;
    }
  if (i < toks->len)
    {
      guint end = read_zone (toks, i, &zone);

      if (end == 0 && !(cc_values_tok_is (toks, i, "hrs") || cc_values_tok_is (toks, i, "hours") ||
                        cc_values_tok_is (toks, i, "h")))
        return FALSE;
      i = end != 0 ? end : i + 1;
      if (i < toks->len)
        return FALSE;
    }
  if (mer == 1 || mer == 2)
    {
      if (hour < 1 || hour > 12)
        return FALSE;
      hour = hour % 12 + (mer == 2 ? 12 : 0);
    }
  if (hour > 24 || minute > 59 || second > 59)
    return FALSE;
  v->kind = CC_VALUE_TIME;
  v->number = v->low = v->high = hour * 60 + minute + second / 60.0;
  v->precision = parts >= 3 ? 1 / 60.0 : 1;
  g_free (v->unit);
  v->unit = g_steal_pointer (&zone);
  return TRUE;
}

/* ---- durations -------------------------------------------------------- */

/* "60:48", "2:00:35", "1:00:48": a duration in clock notation. */
static gboolean
parse_clock_duration (GArray  *toks,
                      CcValue *v)
{
  int parts[3] = { 0 };
  guint n = 0, i = 0;

  while (i < toks->len && n < 3)
    {
      CcValTok *t = TOK (i);

      if (!all_digits (t->p, t->len) || (n > 0 && t->len != 2) || t->len > 3)
        return FALSE;
      parts[n++] = digits_value (t->p, t->len);
      i++;
      if (i == toks->len)
        break;
      if (TOK (i)->len != 1 || *TOK (i)->p != ':')
        return FALSE;
      i++;
    }
  if (n < 2 || i != toks->len || parts[n - 1] > 59 || (n == 3 && parts[1] > 59))
    return FALSE;
  v->kind = CC_VALUE_DURATION;
  v->number = n == 3 ? parts[0] * 3600 + parts[1] * 60 + parts[2] : parts[0] * 60 + parts[1];
  v->low = v->high = v->number;
  v->precision = 1;
  return TRUE;
}

/* A time unit at the end of token @t after a dash: "nine-month", "17-hour",
 * "week-long" (one), "one-and-a-half-minutes". */
static double
split_hyphen_unit (CcValTok *t,
                   double   *number)
{
  const char *dash = NULL;
  double unit;

  for (gsize k = t->len; k > 0; k--)
    if (t->p[k - 1] == '-')
      {
        dash = t->p + k - 1;
        break;
      }
  if (dash == NULL)
    {
      /* "weeklong" */
      if (t->len > 4 && g_ascii_strncasecmp (t->p + t->len - 4, "long", 4) == 0 &&
          (unit = cc_value_time_unit (t->p, t->len - 4)) > 0)
        {
          *number = 1;
          return unit;
        }
      return 0;
    }
  unit = cc_value_time_unit (dash + 1, t->p + t->len - dash - 1);
  if (unit == 0 && cc_values_word_eq (dash + 1, t->p + t->len - dash - 1, "long"))
    {
      unit = cc_value_time_unit (t->p, dash - t->p);
      *number = 1;
      return unit;
    }
  if (unit == 0)
    return 0;
  {
    g_autofree char *head = g_strndup (t->p, dash - t->p);
    g_autoptr(GArray) sub = cc_values_tokenize (head);
    double step;

    /* "one-and-a-half" */
    if (g_str_has_suffix (head, "-and-a-half"))
      {
        g_autofree char *whole = g_strndup (head, strlen (head) - strlen ("-and-a-half"));
        g_autoptr(GArray) w = cc_values_tokenize (whole);

        if (cc_values_read_number (w, 0, number, &step) != w->len)
          return 0;
        *number += 0.5;
        return unit;
      }
    if (sub->len == 0 || cc_values_read_number (sub, 0, number, &step) != sub->len)
      return 0;
  }
  return unit;
}

gboolean
cc_values_parse_duration (GArray  *toks,
                          CcValue *v)
{
  double total = 0, finest = 0, low_extra = 0;
  guint i = 0;
  guint n_parts = 0;
  gboolean plus = FALSE;

  if (toks->len == 0)
    return FALSE;
  if (parse_clock_duration (toks, v))
    return TRUE;
  while (i < toks->len)
    {
      double number = 0, step = 1, unit;
      guint end;

      if (n_parts > 0)
        {
          /* "and", ",", "and a half" */
          if (cc_values_tok_is (toks, i, "and") || (TOK (i)->len == 1 && *TOK (i)->p == ','))
            i++;
          if (cc_values_tok_is (toks, i, "a") && cc_values_tok_is (toks, i + 1, "half") &&
              i + 2 == toks->len)
            {
              total += finest / 2;
              i += 2;
              break;
            }
          if (cc_values_tok_is (toks, i, "a") && cc_values_tok_is (toks, i + 1, "bit") &&
              i + 2 == toks->len)
            {
              low_extra = finest;   /* "two hours and a bit" */
              i += 2;
              break;
            }
        }
      if (i >= toks->len)
        return FALSE;
      if ((unit = split_hyphen_unit (TOK (i), &number)) > 0)
        end = i + 1;
      else
        {
          gboolean half = FALSE;

          /* "half a minute", "half an hour" */
          if (cc_values_tok_is (toks, i, "half") &&
              (cc_values_tok_is (toks, i + 1, "a") || cc_values_tok_is (toks, i + 1, "an")))
            {
              number = 0.5, step = 0.5, end = i + 2, half = TRUE;
            }
          else if (cc_values_tok_is (toks, i, "an"))
            number = 1, end = i + 1;
          else
            end = cc_values_read_number (toks, i, &number, &step);
          if (end == 0 || end >= toks->len)
            return FALSE;
          if (!half && *TOK (end)->p == '+' && TOK (end)->len == 1)
            plus = TRUE, end++;
          /* "1½ hours" is rare; "one and a half hours" */
          if (cc_values_tok_is (toks, end, "and") && cc_values_tok_is (toks, end + 1, "a") &&
              cc_values_tok_is (toks, end + 2, "half"))
            number += 0.5, end += 3;
          if (end >= toks->len)
            return FALSE;
          unit = cc_value_time_unit (TOK (end)->p, TOK (end)->len);
          if (unit == 0 || (TOK (end)->len == 1 && n_parts == 0 && !g_ascii_isdigit (*TOK (i)->p)))
            return FALSE;
          end++;
        }
      (void)step;
      total += number * unit;
      finest = unit;
      n_parts++;
      i = end;
      /* "35 seconds over 2 hours" */
      if (n_parts == 1 && cc_values_tok_is (toks, i, "over") && i + 1 < toks->len)
        {
          g_autoptr(CcValue) rest = g_new0 (CcValue, 1);
          g_autoptr(GArray) tail = g_array_new (FALSE, FALSE, sizeof (CcValTok));

          g_array_append_vals (tail, TOK (i + 1), toks->len - i - 1);
          if (!cc_values_parse_duration (tail, rest))
            return FALSE;
          total += rest->number;
          i = toks->len;
          break;
        }
      if (i < toks->len && (cc_values_tok_is (toks, i, "long") || cc_values_tok_is (toks, i, "old")))
        break;
    }
  if (i != toks->len)
    return FALSE;
  v->kind = CC_VALUE_DURATION;
  v->number = v->low = v->high = total;
  if (low_extra > 0)
    v->high = total + low_extra;
  v->precision = finest;
  if (plus)
    v->qualifier = CC_VALUE_AT_LEAST;
  return TRUE;
}

/* Vague counts of a time unit, as ranges of it: "a couple of hours" (2 to
 * 3), "a few days" (2 to 5), "several weeks" (2 to 6). They are general
 * English; a range that meets another agrees with it ("a few days",
 * "three days"), one that does not differs ("a few days", "several
 * weeks"). */
gboolean
cc_values_parse_vague_duration (GArray  *toks,
                                CcValue *v)
{
  guint i = 0;
  double low, high, unit;

  if (cc_values_tok_is (toks, 0, "a"))
    i++;
  if (cc_values_tok_is (toks, i, "few"))
    low = 2, high = 5, i++;
  else if (i == 1 && cc_values_tok_is (toks, i, "couple"))
    {
      low = 2, high = 3, i++;
      if (cc_values_tok_is (toks, i, "of"))
        i++;
    }
  else if (i == 0 && cc_values_tok_is (toks, i, "several"))
    low = 2, high = 6, i++;
  else
    return FALSE;
  /* one plural unit, a minute or longer: not "a few seconds" of a race */
  if (i + 1 != toks->len || TOK (i)->len < 4 || TOK (i)->p[TOK (i)->len - 1] != 's' ||
      (unit = cc_value_time_unit (TOK (i)->p, TOK (i)->len)) < 60)
    return FALSE;
  v->kind = CC_VALUE_DURATION;
  v->number = v->low = low * unit;
  v->high = high * unit;
  v->precision = 0;
  v->qualifier = CC_VALUE_APPROX;
  return TRUE;
}

char *
cc_values_duration_to_string (const CcValue *v)
{
  GString *out = g_string_new ("P");
  double s = v->number;

  if (v->precision >= 2629800 - 1)
    {
      /* months and years: counted in months */
      double months = s / 2629800;

      if (v->precision >= 31557600 - 1 && fabs (months / 12 - round (months / 12)) < 1e-6)
        g_string_append_printf (out, "%gY", round (months / 12 * 1000) / 1000);
      else
        g_string_append_printf (out, "%gM", round (months * 1000) / 1000);
    }
  else if (v->precision >= 604800 - 1 && fmod (s, 604800) < 1)
    g_string_append_printf (out, "%gW", s / 604800);
  else
    {
      double days = floor (s / 86400);
      double rest = s - days * 86400;

      if (days > 0)
        g_string_append_printf (out, "%gD", days);
      if (rest > 0 || days == 0)
        {
          double h = floor (rest / 3600), m = floor ((rest - h * 3600) / 60);
          double sec = rest - h * 3600 - m * 60;

          g_string_append_c (out, 'T');
          if (h > 0 || (v->precision >= 3600 && m == 0 && sec == 0))
            g_string_append_printf (out, "%gH", h);
          if (v->precision < 3600 || m > 0 || sec > 0)
            g_string_append_printf (out, "%gM", m);
          if (v->precision < 60 || sec > 0)
            g_string_append_printf (out, "%gS", round (sec * 1000) / 1000);
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- ages ------------------------------------------------------------- */

gboolean
cc_values_parse_age (GArray  *toks,
                     CcValue *v)
{
  double number = 0, step = 1;
  guint i = 0, end;

  if (toks->len == 0)
    return FALSE;
  if (cc_values_tok_is (toks, 0, "aged") || cc_values_tok_is (toks, 0, "age"))
    i = 1;
  if (i < toks->len)
    {
      CcValTok *t = TOK (i);
      const char *suffix = g_strstr_len (t->p, t->len, "-year-old");

      if (suffix == NULL)
        suffix = g_strstr_len (t->p, t->len, "-years-old");
      if (suffix != NULL)
        {
          g_autofree char *head = g_strndup (t->p, suffix - t->p);
          g_autoptr(GArray) sub = cc_values_tokenize (head);

          if (sub->len == 0 || cc_values_read_number (sub, 0, &number, &step) != sub->len ||
              i + 1 != toks->len)
            return FALSE;
          goto done;
        }
    }
  end = cc_values_read_number (toks, i, &number, &step);
  if (end == 0)
    return FALSE;
  if (end < toks->len && (cc_values_tok_is (toks, end, "years") || cc_values_tok_is (toks, end, "year")) &&
      cc_values_tok_is (toks, end + 1, "old") && end + 2 == toks->len)
    goto done;
  if (end != toks->len)
    return FALSE;

done:
  if (number < 0 || number > 130 || number != floor (number))
    return FALSE;
  v->kind = CC_VALUE_AGE;
  v->number = v->low = v->high = number;
  v->precision = 1;
  return TRUE;
}

/* ---- relative dates --------------------------------------------------- */

static void
set_days (CcValue *v,
          guint32  first,
          guint32  last)
{
  v->kind = CC_VALUE_DATE;
  v->low = v->number = first;
  v->high = last;
  v->precision = 0;
}

static void
set_relative (CcValue    *v,
              const char *code)
{
  v->kind = CC_VALUE_DATE;
  v->low = v->high = v->number = 0;
  v->precision = 0;
  g_free (v->unit);
  v->unit = g_strdup (code);
}

/* Year @year (offset from the reference), or month @month of it. */
static gboolean
resolve_year (CcValue     *v,
              const GDate *ref,
              int          offset,
              int          month)
{
  int year;
  GDate a, b;

  if (ref == NULL)
    {
      g_autofree char *code = month ? g_strdup_printf ("R%+dY-%02d", offset, month)
                                    : g_strdup_printf ("R%+dY", offset);
      if (offset == 0)
        code[1] = '0', memmove (code + 2, code + 3, strlen (code + 3) + 1);
      set_relative (v, code);
      return TRUE;
    }
  year = g_date_get_year (ref) + offset;
  if (year < 1 || year > 9999)
    return FALSE;
  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, 1, month ? month : 1, year);
  g_date_set_dmy (&b, month ? g_date_get_days_in_month (month, year) : 31, month ? month : 12, year);
  set_days (v, g_date_get_julian (&a), g_date_get_julian (&b));
  return TRUE;
}

static gboolean
resolve_month_offset (CcValue     *v,
                      const GDate *ref,
                      int          offset)
{
  GDate d;
  int month;

  if (ref == NULL)
    {
      g_autofree char *code = offset == 0 ? g_strdup ("R0M") : g_strdup_printf ("R%+dM", offset);
      set_relative (v, code);
      return TRUE;
    }
  d = *ref;
  g_date_set_day (&d, 1);
  if (offset < 0)
    g_date_subtract_months (&d, -offset);
  else if (offset > 0)
    g_date_add_months (&d, offset);
  month = g_date_get_month (&d);
  return resolve_year (v, &d, 0, month);
}

static gboolean
resolve_day_offset (CcValue     *v,
                    const GDate *ref,
                    int          offset,
                    int          span)
{
  GDate d;

  if (ref == NULL)
    {
      g_autofree char *code = offset == 0 ? g_strdup (span == 7 ? "R0W" : "R0D")
                                          : g_strdup_printf (span == 7 ? "R%+dW" : "R%+dD", offset);
      set_relative (v, code);
      return TRUE;
    }
  d = *ref;
  if (span == 7)
    {
      /* the week (Monday to Sunday) @offset weeks away */
      guint back = g_date_get_weekday (&d) - 1;
      g_date_subtract_days (&d, back);
      if (offset < 0)
        g_date_subtract_days (&d, 7 * -offset);
      else
        g_date_add_days (&d, 7 * offset);
      set_days (v, g_date_get_julian (&d), g_date_get_julian (&d) + 6);
      return TRUE;
    }
  if (offset < 0)
    g_date_subtract_days (&d, -offset);
  else
    g_date_add_days (&d, offset);
  set_days (v, g_date_get_julian (&d), g_date_get_julian (&d));
  return TRUE;
}

/* "N units ago" from the reference: the unit's calendar period. */
static gboolean
resolve_ago (CcValue     *v,
             const GDate *ref,
             double       number,
             double       unit,
             gboolean     hedged)
{
  if (unit >= 31557600 - 1)
    {
      int years = (int)round (number * unit / 31557600);
      if (ref == NULL || hedged)
        {
          g_autofree char *code = g_strdup_printf ("R%s%+dY", hedged ? "~" : "", -years);
          if (ref == NULL)
            {
              set_relative (v, code);
              return TRUE;
            }
          /* "nearly a decade ago": the year, give or take one */
          if (!resolve_year (v, ref, -years - 1, 0))
            return FALSE;
          {
            double low = v->low;
            resolve_year (v, ref, -years + 1, 0);
            v->low = v->number = low;
          }
          return TRUE;
        }
      return resolve_year (v, ref, -years, 0);
    }
  if (unit >= 2629800 - 1)
    {
      int months = (int)round (number * unit / 2629800);
      if (ref == NULL)
        {
          g_autofree char *code = g_strdup_printf ("R%+dM", -months);
          set_relative (v, code);
          return TRUE;
        }
      return resolve_month_offset (v, ref, -months);
    }
  if (unit >= 86400 - 1)
    {
      int days = (int)round (number * unit / 86400);
      return resolve_day_offset (v, ref, -days, 1);
    }
  return FALSE;
}

static int
direction_word (GArray *toks,
                guint   i)
{
  if (cc_values_tok_is (toks, i, "last") || cc_values_tok_is (toks, i, "previous") ||
      cc_values_tok_is (toks, i, "past"))
    return -1;
  if (cc_values_tok_is (toks, i, "this") || cc_values_tok_is (toks, i, "current"))
    return 0;
  if (cc_values_tok_is (toks, i, "next") || cc_values_tok_is (toks, i, "coming"))
    return 1;
  return 2;
}

/* "last December", "June last year", "June 5 of the previous year",
 * "September of last year". */
static gboolean
parse_month_relative (GArray      *toks,
                      const GDate *ref,
                      CcValue     *v)
{
  guint i = 0, month = 0, day = 0;
  int dir = 2;

  if ((dir = direction_word (toks, 0)) != 2)
    {
      if (toks->len != 2 || (month = cc_value_month_from_word (TOK (1)->p, TOK (1)->len)) == 0)
        return FALSE;
      /* "last December" = the most recent December before the reference */
      if (ref == NULL)
        {
          g_autofree char *code = dir == 0 ? g_strdup_printf ("R0Y-%02u", month)
                                           : g_strdup_printf ("R%+dY-%02u", dir, month);
          if (dir == -1)
            {
              g_free (code);
              code = g_strdup_printf ("R<-%02u", month);
            }
          set_relative (v, code);
          return TRUE;
        }
      {
        int offset = dir;
        if (dir == -1 && month < (guint)g_date_get_month (ref))
          offset = 0;
        else if (dir == 1 && month > (guint)g_date_get_month (ref))
          offset = 0;
        return resolve_year (v, ref, offset, month);
      }
    }
  if ((month = cc_value_month_from_word (TOK (0)->p, TOK (0)->len)) == 0)
    return FALSE;
  i = 1;
  if (i < toks->len && all_digits (TOK (i)->p, TOK (i)->len) && TOK (i)->len <= 2)
    day = digits_value (TOK (i)->p, TOK (i)->len), i++;
  if (cc_values_tok_is (toks, i, "of"))
    i++;
  if (cc_values_tok_is (toks, i, "the"))
    i++;
  if (i + 2 != toks->len || (dir = direction_word (toks, i)) == 2 ||
      !cc_values_tok_is (toks, i + 1, "year"))
    return FALSE;
  if (!resolve_year (v, ref, dir, month))
    return FALSE;
  if (day != 0)
    {
      if (ref == NULL)
        {
          g_autofree char *code = g_strdup_printf ("%s-%02u", v->unit, day);
          set_relative (v, code);
        }
      else
        {
          GDate d;

          g_date_clear (&d, 1);
          g_date_set_julian (&d, (guint32)v->low);
          if (!g_date_valid_dmy (day, month, g_date_get_year (&d)))
            return FALSE;
          g_date_set_day (&d, day);
          set_days (v, g_date_get_julian (&d), g_date_get_julian (&d));
        }
    }
  return TRUE;
}

/* A weekday, possibly "last Tuesday", "Tuesday morning": with a reference,
 * that day in the five days before it or the day after it, the one before
 * for "last", after for "next". */
static gboolean
parse_weekday (GArray      *toks,
               const GDate *ref,
               CcValue     *v)
{
  guint i = 0, wd;
  int dir = 2;
  GDate d;
  int delta;

  if (cc_values_tok_is (toks, 0, "early") || cc_values_tok_is (toks, 0, "late") ||
      cc_values_tok_is (toks, 0, "on"))
    i++;
  dir = direction_word (toks, i);
  if (dir == -1 || dir == 1)
    i++;
  if (i >= toks->len || (wd = cc_value_weekday_from_word (TOK (i)->p, TOK (i)->len)) == 0)
    return FALSE;
  i++;
  if (i < toks->len && (cc_values_tok_is (toks, i, "morning") || cc_values_tok_is (toks, i, "afternoon") ||
                        cc_values_tok_is (toks, i, "evening") || cc_values_tok_is (toks, i, "night")))
    i++;
  if (i != toks->len)
    return FALSE;
  if (ref == NULL)
    {
      g_autofree char *code = dir == -1 ? g_strdup_printf ("R<W-%s", cc_values_weekday_codes[wd - 1])
                            : dir == 1 ? g_strdup_printf ("R>W-%s", cc_values_weekday_codes[wd - 1])
                            : NULL;
      if (code == NULL)
        {
          /* A weekday alone keeps the code of the original format. */
          v->kind = CC_VALUE_DATE;
          v->low = v->high = v->number = 0;
          v->precision = wd * 10000;
          return TRUE;
        }
      set_relative (v, code);
      return TRUE;
    }
  d = *ref;
  delta = (int)wd - (int)g_date_get_weekday (&d);
  if (dir == -1)
    delta = delta >= 0 ? delta - 7 : delta;
  else if (dir == 1)
    delta = delta <= 0 ? delta + 7 : delta;
  else if (delta > 1)
    delta -= 7;   /* news tells of days just gone more than of days to come */
  else if (delta < -5)
    delta += 7;
  return resolve_day_offset (v, &d, delta, 1);
}

gboolean
cc_values_parse_relative (GArray      *toks,
                          const GDate *ref,
                          CcValue     *v)
{
  guint n = toks->len;
  guint i = 0;
  int dir;

  if (n == 0)
    return FALSE;
  if (n == 1)
    {
      if (cc_values_tok_is (toks, 0, "today") || cc_values_tok_is (toks, 0, "tonight"))
        return resolve_day_offset (v, ref, 0, 1);
      if (cc_values_tok_is (toks, 0, "yesterday"))
        return resolve_day_offset (v, ref, -1, 1);
      if (cc_values_tok_is (toks, 0, "tomorrow"))
        return resolve_day_offset (v, ref, 1, 1);
    }
  if (parse_weekday (toks, ref, v))
    return TRUE;
  if (cc_values_tok_is (toks, 0, "earlier") || cc_values_tok_is (toks, 0, "later"))
    i = 1;
  if (cc_values_tok_is (toks, i, "the") && i == 0)
    i++;
  if (i + 2 == n && (dir = direction_word (toks, i)) != 2)
    {
      if (cc_values_tok_is (toks, i + 1, "year"))
        return resolve_year (v, ref, dir, 0);
      if (cc_values_tok_is (toks, i + 1, "month"))
        return resolve_month_offset (v, ref, dir);
      if (cc_values_tok_is (toks, i + 1, "week"))
        return resolve_day_offset (v, ref, dir, 7);
    }
  if (parse_month_relative (toks, ref, v))
    return TRUE;
  /* "15 years ago", "nearly a decade ago", "two weeks previously" */
  if (n >= 3 && (cc_values_tok_is (toks, n - 1, "ago") || cc_values_tok_is (toks, n - 1, "previously") ||
                 cc_values_tok_is (toks, n - 1, "earlier") || cc_values_tok_is (toks, n - 1, "before")))
    {
      double number = 0, step = 1, unit;
      guint end;

      i = 0;
      if (cc_values_tok_is (toks, 0, "a") || cc_values_tok_is (toks, 0, "an"))
        number = 1, end = 1;
      else
        end = cc_values_read_number (toks, 0, &number, &step);
      if (end == 0 || end + 2 != n)
        return FALSE;
      unit = cc_value_time_unit (TOK (end)->p, TOK (end)->len);
      if (unit < 86400 - 1)
        return FALSE;
      return resolve_ago (v, ref, number, unit, v->qualifier == CC_VALUE_APPROX);
    }
  return FALSE;
}

/* ---- normalised forms and display -------------------------------------- */

char *
cc_values_time_to_string (const CcValue *v)
{
  int minutes = (int)floor (v->number);
  int seconds = (int)round ((v->number - minutes) * 60);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "T%02d:%02d", minutes / 60, minutes % 60);
  if (v->precision < 1)
    g_string_append_printf (out, ":%02d", seconds);
  if (v->unit != NULL)
    g_string_append_printf (out, " %s", v->unit);
  return g_string_free (out, FALSE);
}

gboolean
cc_values_parse_normalized_time (CcValueKind  kind,
                                 const char  *s,
                                 CcValue     *v)
{
  v->kind = kind;
  switch (kind)
    {
    case CC_VALUE_TIME:
      {
        int h = 0, m = 0, sec = -1;
        const char *space;

        if (sscanf (s, "T%d:%d:%d", &h, &m, &sec) < 2)
          return FALSE;
        v->number = v->low = v->high = h * 60 + m + (sec > 0 ? sec / 60.0 : 0);
        v->precision = sec >= 0 ? 1 / 60.0 : 1;
        space = strchr (s, ' ');
        v->unit = space != NULL ? g_strdup (space + 1) : NULL;
        return TRUE;
      }
    case CC_VALUE_DURATION:
      {
        const char *p = s;
        gboolean in_time = FALSE;
        double total = 0, finest = 0;

        if (*p++ != 'P')
          return FALSE;
        while (*p)
          {
            char *end;
            double n;
            double unit = 0;

            if (*p == 'T')
              {
                in_time = TRUE;
                p++;
                continue;
              }
            n = g_ascii_strtod (p, &end);
            if (end == p)
              return FALSE;
            switch (*end)
              {
              case 'Y': unit = 31557600; break;
              case 'W': unit = 604800; break;
              case 'D': unit = 86400; break;
              case 'H': unit = 3600; break;
              case 'M': unit = in_time ? 60 : 2629800; break;
              case 'S': unit = 1; break;
              default: return FALSE;
              }
            total += n * unit;
            finest = unit;
            p = end + 1;
          }
        v->number = v->low = v->high = total;
        v->precision = finest;
        return finest > 0;
      }
    case CC_VALUE_AGE:
      if (!g_str_has_prefix (s, "age "))
        return FALSE;
      v->number = v->low = v->high = g_ascii_strtod (s + 4, NULL);
      v->precision = 1;
      return TRUE;
    default:
      return FALSE;
    }
}

void
cc_values_display_time (GString       *out,
                        const CcValue *v)
{
  int minutes = (int)floor (v->number);

  g_string_append_printf (out, "%d:%02d", minutes / 60, minutes % 60);
  if (v->precision < 1)
    g_string_append_printf (out, ":%02d", (int)round ((v->number - minutes) * 60));
  if (v->unit != NULL)
    g_string_append_printf (out, " %s", v->unit);
}
