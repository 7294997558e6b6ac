/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-entities"

#include "config.h"

#include <string.h>

#include "cc-entities-private.h"
#include "cc-values.h"

/* Tokenizer, shared by names and figures (figures: analysis/cc-values-scan.c).
 * Every loop moves forward over the text with a bounded look-ahead, so the
 * cost is linear in the length of the text. */

#define LOOKAHEAD 8

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

/* The character at @p, or U_INVALID where the bytes are no UTF-8
 * character: the text is validated as it is read, ASCII at no cost. */
#define U_INVALID ((gunichar)-1)

static inline gunichar
u_get_char (const char *p)
{
  gunichar c;

  if ((guchar)*p < 0x80)
    return (guchar)*p;
  c = g_utf8_get_char_validated (p, -1);
  return c == (gunichar)-2 ? U_INVALID : c;
}

static gboolean
is_inner_joiner (gunichar c)
{
  return c == '.' || c == '-' || c == '\'' || c == 0x2019 || c == '&' || c == '_' ||
         c == '/' || c == ',' || c == 0x2010 || c == 0x2011;
}

/* The end of a run of ASCII lower-case letters at @q, eight bytes at a
 * time while eight are left before @end (the text's NUL): a word's letters
 * with one branch, not one per letter. */
static inline const char *
lower_run_end (const char *q,
               const char *end)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 low7 = ones * 0x7f, high = ones * 0x80;

  while (end - q >= 8)
    {
      guint64 x, lower, other;

      memcpy (&x, q, 8);
      /* the top bit of each byte from 'a' to 'z' (no carry crosses a byte:
       * each sum and difference stays within 0..255) */
      lower = ((ones * (0x7f + 'z' + 1) - (x & low7)) & ~x & ((x & low7) + ones * (0x7f - ('a' - 1)))) & high;
      other = ~lower & high;
      if (other != 0)
        return q + __builtin_ctzll (other) / 8;
      q += 8;
    }
#endif
  while (*q >= 'a' && *q <= 'z')
    q++;
  return q;
}

gboolean
cc_scan_tokenize (CcScan *scan)
{
  const char *text = scan->text;
  const char *text_end = text + strlen (text);
  const char *p = text;
  guint cpos = 0;
  gboolean nl = TRUE;
  gboolean space = FALSE;
  GArray *toks = scan->toks;
  guint n_toks = toks->len;
  guint64 work = 0;    /* counted here, added to scan->work at the end */

  while (*p)
    {
      gunichar c = u_get_char (p);
      CcTok tok = { 0 };

      if (G_UNLIKELY (c == U_INVALID))
        goto invalid;
      work++;
      if (c == ' ')
        {
          space = TRUE;
          p++;
          cpos++;
          continue;
        }
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
          gboolean prev_wide = c >= 0x3000;

          tok.flags |= TF_WORD;
          if (u_isupper (c))
            tok.flags |= TF_CAP;
          else if (u_islower (c))
            tok.flags |= TF_LOWER;

          for (;;)
            {
              guchar b = (guchar)*p;
              gunichar d;
              const char *next;

              work++;
              if (b >= 'a' && b <= 'z' && (first || !prev_wide))
                {
                  /* a run of ASCII lower-case letters at once */
                  const char *q = lower_run_end (p + 1, text_end);
                  guint run;

                  run = q - p;
                  work += run - 1;
                  tok.flags |= TF_ALPHA;
                  number = FALSE;
                  all_upper = FALSE;
                  n_letters += run;
                  first = FALSE;
                  p = q;
                  cpos += run;
                  /* a space after the letters ends the word, most often */
                  if (*p == ' ')
                    break;
                  continue;
                }
              if (b < 0x80 && g_ascii_isalnum (b))
                {
                  /* ASCII letters and digits, nearly every character */
                  if (!first && prev_wide)
                    break;
                  if (g_ascii_isdigit (b))
                    tok.flags |= TF_DIGIT;
                  else
                    {
                      tok.flags |= TF_ALPHA;
                      number = FALSE;
                      n_letters++;
                      if (!g_ascii_isupper (b))
                        all_upper = FALSE;
                      else if (!first)
                        tok.flags |= TF_INNER_CAP;
                    }
                  first = FALSE;
                  p++;
                  cpos++;
                  continue;
                }
              /* a space or an ASCII sign that joins nothing ends the word */
              if (b < 0x80 && b != '.' && b != '-' && b != '\'' && b != '&' && b != '_' &&
                  b != '/' && b != ',')
                break;
              d = u_get_char (p);
              if (G_UNLIKELY (d == U_INVALID))
                goto invalid;
              if (u_isalnum (d))
                {
                  /* "Meta가": a change between Latin and another script
                   * (Hangul particles, CJK) ends the word. */
                  if (!first && (d >= 0x3000) != prev_wide)
                    break;
                  prev_wide = d >= 0x3000;
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
              /* Inner punctuation joins when a letter or digit follows; a
               * slash not before a capital: "km/h", "24/7", but a photo
               * credit "Ann Lee/AFP/Getty Images" is three names */
              if (is_inner_joiner (d) && *next && u_isalnum (u_get_char (next)) &&
                  !(d == '/' && g_ascii_isupper (*next)))
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
                  if (d == '-')
                    tok.flags |= TF_HYPHEN;
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
              /* "NASA's": the name part is in capitals, the "s" is not */
              if ((tok.flags & TF_POSS) && !(tok.flags & TF_ALLCAPS) && end[-1] == 's' &&
                  n_letters >= 3)
                {
                  gboolean upper = TRUE;

                  for (const char *q = text + tok.bstart; q < text + tok.bend && upper; q++)
                    if ((guchar)*q >= 0x80 || g_ascii_islower (*q))
                      upper = FALSE;
                  if (upper)
                    tok.flags |= TF_ALLCAPS;
                }
            }
        }
      else
        {
          p = g_utf8_next_char (p);
          cpos++;
          tok.bfull = tok.bend = p - text;
          tok.cfull = tok.cend = cpos;
        }
      /* grown by doubling, cut to size at the end */
      if (n_toks == toks->len)
        g_array_set_size (toks, toks->len * 2 + 64);
      g_array_index (toks, CcTok, n_toks++) = tok;
    }
  g_array_set_size (toks, n_toks);
  scan->tok = (CcTok *)(void *)toks->data;
  scan->n_toks = n_toks;
  scan->work += work;
  return TRUE;

invalid:
  g_array_set_size (toks, 0);
  scan->tok = (CcTok *)(void *)toks->data;
  scan->n_toks = 0;
  scan->work += work;
  return FALSE;
}

/* TRUE if token @i follows token @i - 1 with no line break between. */
gboolean
cc_scan_adjacent (CcScan *scan,
                  guint   i)
{
  return i > 0 && i < scan->n_toks && !(SCAN_TOK (scan, i)->flags & TF_NL_BEFORE);
}

CcMention *
cc_scan_add_mention (CcScan       *scan,
                     guint         cstart,
                     guint         cend,
                     guint         bstart,
                     guint         bend,
                     CcEntityType  type,
                     const char   *canonical,
                     gssize        canonical_len,
                     const char   *value)
{
  CcMention *m = cc_mention_new (cstart, cend, type, scan->text + bstart, bend - bstart,
                                 canonical, canonical_len, value);

  g_ptr_array_add (scan->mentions, m);
  return m;
}
