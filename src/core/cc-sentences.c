/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-sentences"

#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "cc-sentences.h"

/* Abbreviations after which a full stop and a capital do not start a new
 * sentence ("Dr. Smith", "e.g. Paris"). Compared without the final dot,
 * case-sensitively. A single capital letter ("J. Smith") is handled apart. */
static const char * const abbreviations[] = {
  "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft",
  "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm",
  "Maj", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Fr",
  "No", "Nos", "Vol", "Fig", "Figs", "Ref", "Art", "Sec", "Ch", "Pt", "Op",
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
  "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat",
  "vs", "e.g", "i.e", "cf", "approx", "est", "incl", "ca", "viz", "al",
  "Ave", "Blvd", "Rd", "Bros", "Dept", "Univ", "Assn", "Est",
};

static gboolean
is_abbreviation (const char *word,
                 gsize       len)
{
  if (len == 1 && g_ascii_isupper (word[0]))
    return TRUE;  /* an initial */

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strlen (abbreviations[i]) == len && memcmp (abbreviations[i], word, len) == 0)
      return TRUE;

  /* Dotted initialisms such as "U.S" or "a.m": letters separated by dots;
   * these end sentences too often to be trusted when followed by a capital,
   * so only lower-case ones ("a.m", "p.m") are kept. */
  if (len >= 3 && g_ascii_islower (word[0]) && word[1] == '.')
    {
      for (gsize i = 0; i < len; i++)
        if (!(i % 2 == 0 ? g_ascii_islower (word[i]) : word[i] == '.'))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_terminator (gunichar c)
{
  switch (c)
    {
    case '.': case '!': case '?': case 0x2026: /* … */
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61: case 0xFF0E:
    case 0x0964: case 0x0965: case 0x061F: case 0x06D4: case 0x1362:
    case 0x0589: case 0x166E: case 0xFE12: case 0xFE52: case 0xFE56: case 0xFE57:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_closing (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);

  return c == '"' || c == '\'' || t == G_UNICODE_CLOSE_PUNCTUATION ||
         t == G_UNICODE_FINAL_PUNCTUATION || t == G_UNICODE_INITIAL_PUNCTUATION;
}

/* TRUE if the boundary at char index @b of @line (with the byte offset of
 * each char in @bytes) is a real sentence end: it follows a terminator
 * (possibly closed by quotes or brackets) that is not the dot of a common
 * abbreviation or an initial. Pango's boundaries also fall after "3.1 " in
 * "Model 3.1 Pro"; those are rejected here. */
static gboolean
accept_boundary (const char  *line,
                 const guint *bytes,
                 guint        b)
{
  const char *p = line + bytes[b];
  const char *word;
  const char *dot;
  gunichar c = 0;

  /* Back over white space and closing quotes or brackets. */
  while (p > line)
    {
      const char *prev = g_utf8_prev_char (p);

      c = g_utf8_get_char (prev);
      if (g_unichar_isspace (c) || is_closing (c))
        p = prev;
      else
        break;
    }
  if (p == line || !is_terminator (c))
    return FALSE;
  if (c != '.')
    return TRUE;

  dot = p - 1;
  /* The word before the dot: ASCII letters and inner dots only. */
  word = dot;
  while (word > line && (g_ascii_isalpha (word[-1]) || word[-1] == '.'))
    word--;
  if (word == dot)
    return TRUE;
  /* The word must start at a word boundary. */
  if (word > line && g_ascii_isalnum (word[-1]))
    return TRUE;
  return !is_abbreviation (word, dot - word);
}

static void
add_span (GArray     *spans,
          const char *line,
          const guint *bytes,
          guint       line_start,
          guint       from,
          guint       to)
{
  CcSpan span;

  /* Trim white space (Unicode) on both sides. */
  while (from < to && g_unichar_isspace (g_utf8_get_char (line + bytes[from])))
    from++;
  while (to > from && g_unichar_isspace (g_utf8_get_char (line + bytes[to - 1])))
    to--;
  if (from >= to)
    return;
  span.start = line_start + from;
  span.end = line_start + to;
  g_array_append_val (spans, span);
}

static void
split_line (GArray     *spans,
            const char *line,
            gsize       line_len,
            guint       line_start,
            PangoLanguage *language)
{
  g_autofree PangoLogAttr *attrs = NULL;
  g_autofree guint *bytes = NULL;
  glong n_chars;
  guint last = 0;
  const char *p;
  guint i;

  n_chars = g_utf8_strlen (line, line_len);
  if (n_chars == 0)
    return;

  attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (line, line_len, -1, language, attrs, n_chars + 1);

  bytes = g_new (guint, n_chars + 1);
  for (p = line, i = 0; i < (guint)n_chars; i++, p = g_utf8_next_char (p))
    bytes[i] = p - line;
  bytes[n_chars] = line_len;

  for (i = 1; i < (guint)n_chars; i++)
    {
      if (!attrs[i].is_sentence_boundary)
        continue;
      if (!accept_boundary (line, bytes, i))
        continue;
      add_span (spans, line, bytes, line_start, last, i);
      last = i;
    }
  add_span (spans, line, bytes, line_start, last, n_chars);
}

GArray *
cc_sentences_split (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (CcSpan));
  PangoLanguage *language = pango_language_from_string ("en");
  const char *line = text;
  guint line_start = 0;

  g_return_val_if_fail (text != NULL, spans);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), spans);

  while (*line)
    {
      const char *nl = strchr (line, '\n');
      gsize len = nl ? (gsize)(nl - line) : strlen (line);

      split_line (spans, line, len, line_start, language);
      line_start += g_utf8_strlen (line, len);
      if (nl == NULL)
        break;
      line = nl + 1;
      line_start += 1;
    }
  return spans;
}

/* Appends the pieces of @span (at most about @max_chars each, cut after a
 * space); @p points at its first character. Returns the pointer past it. */
static const char *
cut_span (GArray     *out,
          CcSpan     *span,
          const char *p,
          guint       max_chars)
{
  guint start = span->start;
  guint last_space = 0;
  guint at = span->start;

  for (; at < span->end; at++, p = g_utf8_next_char (p))
    {
      if (*p == ' ')
        last_space = at;
      if (at - start >= max_chars && last_space > start)
        {
          CcSpan piece = { start, last_space };

          g_array_append_val (out, piece);
          start = last_space + 1;
        }
    }
  if (start < span->end)
    {
      CcSpan piece = { start, span->end };

      g_array_append_val (out, piece);
    }
  return p;
}

GArray *
cc_sentences_split_bounded (const char *text,
                            guint       max_chars)
{
  g_autoptr(GArray) spans = cc_sentences_split (text);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (CcSpan));
  const char *p = text;
  guint at = 0;

  g_return_val_if_fail (max_chars > 0, out);

  for (guint i = 0; i < spans->len; i++)
    {
      CcSpan *span = &g_array_index (spans, CcSpan, i);

      if (span->end - span->start <= max_chars)
        {
          g_array_append_val (out, *span);
          continue;
        }
      /* (walk the text once: spans are in order) */
      for (; at < span->start; at++)
        p = g_utf8_next_char (p);
      p = cut_span (out, span, p, max_chars);
      at = span->end;
    }
  return out;
}
