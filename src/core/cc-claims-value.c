/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-claims"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cc-claims-private.h"
#include "cc-claims-lexicon.h"

/* Reading a value from the words of its mention: "$14.3 billion",
 * "over €1bn", "1,000 kilometres", "120-megawatt", "87/100", "3+", "10x",
 * "three billion", "$115 to $135 billion", and dates from the normalised
 * ISO form of cc-entities.h ("2026-04-08", "2026-04", "2026",
 * "2026-01/2026-04"). */

typedef enum
{
  TOK_NUMBER,
  TOK_WORD,
  TOK_SYMBOL,
} TokKind;

typedef struct
{
  TokKind kind;
  char   *text;
  double  number;
  int     decimals;
  gboolean space_before;
} Tok;

static void
tok_clear (gpointer data)
{
  Tok *t = data;

  g_free (t->text);
}

static GArray *
tokenize (const char *s)
{
  GArray *toks = g_array_new (FALSE, TRUE, sizeof (Tok));
  const char *p = s;
  gboolean space = FALSE;

  g_array_set_clear_func (toks, tok_clear);
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Tok t = { 0 };

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          p = g_utf8_next_char (p);
          continue;
        }
      t.space_before = space;
      space = FALSE;
      if (g_ascii_isdigit (*p))
        {
          GString *num = g_string_new (NULL);
          const char *q = p;
          gboolean in_decimals = FALSE;

          while (*q != '\0')
            {
              if (g_ascii_isdigit (*q))
                {
                  g_string_append_c (num, *q);
                  if (in_decimals)
                    t.decimals++;
                }
              else if (*q == ',' && g_ascii_isdigit (q[1]) && !in_decimals)
                ; /* thousands separator */
              else if (*q == '.' && g_ascii_isdigit (q[1]) && !in_decimals)
                {
                  g_string_append_c (num, '.');
                  in_decimals = TRUE;
                }
              else
                break;
              q++;
            }
          t.kind = TOK_NUMBER;
          t.number = g_ascii_strtod (num->str, NULL);
          t.text = g_string_free (num, FALSE);
          p = q;
        }
      else if (g_unichar_isalpha (c))
        {
          const char *q = p;

          while (*q != '\0' && g_unichar_isalpha (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          t.kind = TOK_WORD;
          t.text = g_utf8_strdown (p, q - p);
          p = q;
        }
      else
        {
          const char *q = g_utf8_next_char (p);

          t.kind = TOK_SYMBOL;
          t.text = g_strndup (p, q - p);
          p = q;
        }
      g_array_append_val (toks, t);
    }
  return toks;
}

static gboolean
is_range_word (const Tok *t)
{
  if (t->kind == TOK_WORD)
    return strcmp (t->text, "to") == 0 || strcmp (t->text, "and") == 0;
  if (t->kind == TOK_SYMBOL)
    return strcmp (t->text, "-") == 0 || strcmp (t->text, "\xe2\x80\x93") == 0 ||
           strcmp (t->text, "\xe2\x80\x94") == 0;
  return FALSE;
}

gboolean
cc_claims_parse_amount (const char   *surface,
                        CcParsedValue *out)
{
  g_autoptr(GArray) toks = NULL;
  double numbers[2] = { 0, 0 };
  double precisions[2] = { 0, 0 };
  double scales[2] = { 1, 1 };
  guint n = 0;

  memset (out, 0, sizeof *out);
  if (surface == NULL)
    return FALSE;
  toks = tokenize (surface);

  for (guint i = 0; i < toks->len && n < 2; i++)
    {
      Tok *t = &g_array_index (toks, Tok, i);
      Tok *next = i + 1 < toks->len ? &g_array_index (toks, Tok, i + 1) : NULL;
      double number = -1;
      double precision = 1;
      const char *cur;

      if (t->kind != TOK_NUMBER && (cur = cc_lexicon_currency (t->text)) != NULL &&
          out->currency == NULL)
        {
          out->currency = cur;
          continue;
        }
      if (t->kind == TOK_NUMBER)
        {
          number = t->number;
          precision = pow (10, -t->decimals);
        }
      else if (t->kind == TOK_WORD && cc_lexicon_number_word (t->text) >= 0 &&
               (n > 0 || next == NULL || next->kind != TOK_NUMBER))
        {
          double w = cc_lexicon_number_word (t->text);

          /* "a" and "an" count only before a scale word: "a billion". */
          if ((strcmp (t->text, "a") == 0 || strcmp (t->text, "an") == 0) &&
              (next == NULL || next->kind != TOK_WORD || cc_lexicon_scale_word (next->text) <= 0 ||
               strcmp (next->text, "m") == 0 || strcmp (next->text, "b") == 0))
            continue;
          number = w;
          precision = 1;
        }
      else if (t->kind == TOK_WORD && n == 0 && cc_lexicon_qualifier_before (t->text, &(gsize){0}) != CC_QUALIFIER_NONE)
        continue;
      else
        {
          if (t->kind == TOK_SYMBOL && strcmp (t->text, "+") == 0 && n > 0)
            out->plus = TRUE;
          continue;
        }

      /* What follows the number: scale, unit, percent sign, "x", "/100". */
      while (i + 1 < toks->len)
        {
          Tok *f = &g_array_index (toks, Tok, i + 1);
          Tok *f2 = i + 2 < toks->len ? &g_array_index (toks, Tok, i + 2) : NULL;
          double scale;
          const char *unit;

          if (f->kind == TOK_WORD && (scale = cc_lexicon_scale_word (f->text)) > 0 &&
              !(scale == 100 && t->kind == TOK_WORD && number >= 100))
            {
              /* "m" right after a number with a space is metres, not millions,
               * unless money. */
              if ((strcmp (f->text, "m") == 0 || strcmp (f->text, "b") == 0) &&
                  f->space_before && out->currency == NULL)
                break;
              scales[n] *= scale;
              precision *= scale;
              i++;
              continue;
            }
          if (f->kind == TOK_SYMBOL && strcmp (f->text, "%") == 0)
            {
              out->percent = TRUE;
              i++;
              continue;
            }
          if (f->kind == TOK_SYMBOL && strcmp (f->text, "+") == 0)
            {
              out->plus = TRUE;
              i++;
              continue;
            }
          if (f->kind == TOK_SYMBOL && strcmp (f->text, "/") == 0 && f2 != NULL &&
              f2->kind == TOK_NUMBER && n == 0)
            {
              out->out_of = f2->number;
              i += 2;
              continue;
            }
          if (f->kind == TOK_WORD && (strcmp (f->text, "percent") == 0 ||
                                      strcmp (f->text, "per") == 0 || strcmp (f->text, "pct") == 0))
            {
              out->percent = TRUE;
              i++;
              if (f2 != NULL && f2->kind == TOK_WORD && strcmp (f2->text, "cent") == 0)
                i++;
              continue;
            }
          if (f->kind == TOK_SYMBOL && strcmp (f->text, "-") == 0 && f2 != NULL &&
              f2->kind == TOK_WORD && cc_lexicon_unit (f2->text) != NULL)
            {
              i++;
              continue;
            }
          if (f->kind == TOK_WORD && (unit = cc_lexicon_unit (f->text)) != NULL && out->unit == NULL)
            {
              out->unit = unit;
              i++;
              continue;
            }
          if (f->kind == TOK_WORD && (cur = cc_lexicon_currency (f->text)) != NULL &&
              out->currency == NULL)
            {
              out->currency = cur;
              i++;
              continue;
            }
          break;
        }
      numbers[n] = number;
      precisions[n] = precision;
      n++;

      /* A range continues with "to", "-", "and" and a second number. */
      if (n == 1)
        {
          guint j = i + 1;

          while (j < toks->len && is_range_word (&g_array_index (toks, Tok, j)))
            j++;
          if (j == i + 1 || j >= toks->len)
            break;
          i = j - 1;
        }
    }

  if (n == 0)
    return FALSE;
  if (n == 2)
    {
      /* "$115 to $135 billion": the scale of the second applies to both. */
      if (scales[0] == 1 && scales[1] > 1)
        {
          scales[0] = scales[1];
          precisions[0] *= scales[1];
        }
      out->low = MIN (numbers[0] * scales[0], numbers[1] * scales[1]);
      out->high = MAX (numbers[0] * scales[0], numbers[1] * scales[1]);
      out->precision = MAX (precisions[0], precisions[1]);
    }
  else
    {
      out->low = out->high = numbers[0] * scales[0];
      out->precision = precisions[0];
    }
  out->is_range = n == 2;
  return TRUE;
}

static gboolean
parse_iso_part (const char *s,
                guint32    *first,
                guint32    *last,
                const char **unit)
{
  int y = 0, m = 0, d = 0;
  GDate date;

  g_date_clear (&date, 1);
  if (sscanf (s, "%4d-%2d-%2d", &y, &m, &d) == 3)
    *unit = "day";
  else if (sscanf (s, "%4d-%2d", &y, &m) == 2)
    {
      d = 0;
      *unit = "month";
    }
  else if (sscanf (s, "%4d", &y) == 1)
    {
      m = 0;
      d = 0;
      *unit = "year";
    }
  else
    return FALSE;

  if (y < 1 || y > 9999 || m < 0 || m > 12 || d < 0 || d > 31)
    return FALSE;
  if (d > 0)
    {
      if (!g_date_valid_dmy (d, m, y))
        return FALSE;
      g_date_set_dmy (&date, d, m, y);
      *first = *last = g_date_get_julian (&date);
    }
  else if (m > 0)
    {
      g_date_set_dmy (&date, 1, m, y);
      *first = g_date_get_julian (&date);
      *last = *first + g_date_get_days_in_month (m, y) - 1;
    }
  else
    {
      g_date_set_dmy (&date, 1, 1, y);
      *first = g_date_get_julian (&date);
      g_date_set_dmy (&date, 31, 12, y);
      *last = g_date_get_julian (&date);
    }
  return TRUE;
}

gboolean
cc_claims_parse_date (const char *value,
                      CcClaimValue    *out,
                      int        *year)
{
  g_auto(GStrv) parts = NULL;
  guint32 first, last, first2, last2;
  const char *unit, *unit2;

  if (value == NULL || !g_ascii_isdigit (value[0]))
    return FALSE;
  parts = g_strsplit_set (value, "/", 2);
  if (!parse_iso_part (parts[0], &first, &last, &unit))
    return FALSE;
  if (parts[1] != NULL)
    {
      if (!parse_iso_part (parts[1], &first2, &last2, &unit2))
        return FALSE;
      last = MAX (last, last2);
      unit = "range";
    }
  out->kind = CC_CLAIM_DATE;
  out->low = first;
  out->high = last;
  out->precision = strcmp (unit, "day") == 0 ? 1 : (last - first + 1);
  g_free (out->unit);
  out->unit = g_strdup (unit);
  *year = atoi (value);
  return TRUE;
}

static void
append_number (GString *s,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (v - round (v)) < 1e-9 && fabs (v) < 1e18)
    g_string_append_printf (s, "%.0f", v);
  else
    {
      g_ascii_formatd (buf, sizeof buf, "%.6g", v);
      g_string_append (s, buf);
    }
}

static void
append_date (GString *s,
             double   julian,
             const char *unit)
{
  GDate date;

  g_date_clear (&date, 1);
  if (julian < 1 || julian > G_MAXUINT32)
    return;
  g_date_set_julian (&date, (guint32) julian);
  if (g_strcmp0 (unit, "year") == 0)
    g_string_append_printf (s, "%04d", g_date_get_year (&date));
  else if (g_strcmp0 (unit, "month") == 0)
    g_string_append_printf (s, "%04d-%02d", g_date_get_year (&date), g_date_get_month (&date));
  else
    g_string_append_printf (s, "%04d-%02d-%02d", g_date_get_year (&date),
                            g_date_get_month (&date), g_date_get_day (&date));
}

char *
cc_claim_value_format (const CcClaimValue *value)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (value != NULL, NULL);

  switch (value->kind)
    {
    case CC_CLAIM_STATE:
      g_string_append (s, cc_claim_state_to_string (value->state));
      break;
    case CC_CLAIM_DATE:
      append_date (s, value->low, value->unit);
      if (value->high != value->low && g_strcmp0 (value->unit, "day") != 0 &&
          g_strcmp0 (value->unit, "month") != 0 && g_strcmp0 (value->unit, "year") != 0)
        {
          g_string_append (s, "..");
          append_date (s, value->high, "day");
        }
      break;
    case CC_CLAIM_MONEY:
      {
        const char *per = value->unit != NULL ? strchr (value->unit, '/') : NULL;

        if (value->unit != NULL && value->unit[0] != '\0' && value->unit[0] != '/')
          g_string_append_printf (s, "%.*s ", per != NULL ? (int) (per - value->unit) : (int) strlen (value->unit),
                                  value->unit);
        append_number (s, value->low);
        if (value->high != value->low)
          {
            g_string_append (s, "..");
            append_number (s, value->high);
          }
        if (per != NULL)
          g_string_append (s, per);
      }
      break;
    case CC_CLAIM_PERCENT:
    case CC_CLAIM_COUNT:
    case CC_CLAIM_QUANTITY:
    case CC_CLAIM_RATIO:
    case CC_CLAIM_SCORE:
    case CC_N_CLAIM_KINDS:
    default:
      append_number (s, value->low);
      if (value->high != value->low)
        {
          g_string_append (s, "..");
          append_number (s, value->high);
        }
      if (value->unit != NULL && value->unit[0] != '\0')
        {
          if (strcmp (value->unit, "%") == 0 || strcmp (value->unit, "x") == 0 ||
              value->unit[0] == '/')
            g_string_append (s, value->unit);
          else
            g_string_append_printf (s, " %s", value->unit);
        }
      break;
    }
  return g_string_free (s, FALSE);
}
