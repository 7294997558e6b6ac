/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-export"

#include "config.h"

#include <string.h>

#include "cc-markdown.h"

/* White space that CommonMark strips at the ends of a line or reads as
 * indentation. */
static inline gboolean
is_edge_space (char c)
{
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

static inline void
append_reference (GString *out,
                  char     c)
{
  g_string_append_printf (out, "&#%d;", (int)(guchar)c);
}

/* Whether line[i] ends a run of 1-9 digits that starts the line's content:
 * "1." or "12)" would start an ordered list. */
static gboolean
ends_list_number (const char *line,
                  gsize       start,
                  gsize       i)
{
  if (i == start || i - start > 9)
    return FALSE;
  for (gsize j = start; j < i; j++)
    if (!g_ascii_isdigit (line[j]))
      return FALSE;
  return TRUE;
}

/* Appends one line (no '\n' in it) with its inline and block syntax
 * escaped and its edge white space written as character references. */
static void
append_line (GString    *out,
             const char *line,
             gsize       len,
             gboolean    line_start)
{
  gsize start = 0;
  gsize end = len;

  while (start < len && is_edge_space (line[start]))
    append_reference (out, line[start++]);
  while (end > start && is_edge_space (line[end - 1]))
    end--;

  for (gsize i = start; i < end; i++)
    {
      char c = line[i];
      gboolean escape = FALSE;

      switch (c)
        {
        case '\\': case '`': case '*': case '[': case ']': case '<': case '>':
        case '&': case '#': case '|': case '~':
          escape = TRUE;
          break;

        case '_':
          /* An underscore between two letters or digits can neither open
           * nor close emphasis: keep snake_case readable. */
          escape = !(i > start && i + 1 < end &&
                     g_ascii_isalnum (line[i - 1]) && g_ascii_isalnum (line[i + 1]));
          break;

        case '=':
        case '%':
          /* "==" (highlight) and "%%" (comment) in common Markdown
           * dialects; "=" starting a line (setext underline). */
          escape = (c == '=' && line_start && i == start) ||
                   (i > start && line[i - 1] == c) ||
                   (i + 1 < end && line[i + 1] == c);
          break;

        case '+':
        case '-':
          /* A list marker ("- ", "+" alone), or a thematic break or setext
           * underline ("---"). */
          escape = line_start && i == start &&
                   (i + 1 == end || line[i + 1] == ' ' || line[i + 1] == '\t' ||
                    (c == '-' && line[i + 1] == '-'));
          break;

        case '.':
        case ')':
          /* "1. " or "12)" at the end: an ordered list marker. */
          escape = line_start && ends_list_number (line, start, i) &&
                   (i + 1 == end || line[i + 1] == ' ' || line[i + 1] == '\t');
          break;

        case '\r':
          append_reference (out, c);
          continue;

        default:
          break;
        }

      if (escape)
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }

  for (gsize i = end; i < len; i++)
    append_reference (out, line[i]);
}

/* A control character other than line feed and tab (C0, DEL, C1): it
 * means nothing in Markdown, and a terminal or renderer may act on it. */
static inline gboolean
is_stray_control (gunichar c)
{
  return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0);
}

/* @text as valid UTF-8 without stray controls: vertical tab, form feed and
 * carriage return (white space to CommonMark) become spaces, the other
 * controls and invalid bytes U+FFFD. NULL when @text needs no change. */
static char *
sanitize (const char *text)
{
  GString *clean = NULL;
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      gsize len = (c == (gunichar)-1 || c == (gunichar)-2) ? 1 : (gsize)(g_utf8_next_char (p) - p);
      gboolean invalid = len == 1 && (guchar)*p >= 0x80;

      if (invalid || is_stray_control (c))
        {
          if (clean == NULL)
            clean = g_string_new_len (text, p - text);
          if (!invalid && (c == '\v' || c == '\f' || c == '\r'))
            g_string_append_c (clean, ' ');
          else
            g_string_append (clean, "\xef\xbf\xbd");
        }
      else if (clean != NULL)
        g_string_append_len (clean, p, len);
      p += len;
    }
  return clean != NULL ? g_string_free (clean, FALSE) : NULL;
}

static void
append_flat (GString    *out,
             const char *text,
             gboolean    line_start)
{
  g_autoptr(GString) flat = NULL;
  g_autofree char *clean = NULL;
  gboolean space = FALSE;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  clean = sanitize (text);
  if (clean != NULL)
    text = clean;

  flat = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = flat->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (flat, ' ');
      space = FALSE;
      g_string_append_c (flat, *p);
    }
  append_line (out, flat->str, flat->len, line_start);
}

void
cc_markdown_append_inline (GString    *out,
                           const char *text)
{
  append_flat (out, text, TRUE);
}

void
cc_markdown_append_text (GString    *out,
                         const char *text)
{
  append_flat (out, text, FALSE);
}

void
cc_markdown_append_paragraph (GString    *out,
                              const char *text,
                              const char *line_prefix)
{
  g_autofree char *clean = NULL;
  gsize len;
  gsize trailing = 0;
  const char *p;
  const char *end;

  g_return_if_fail (out != NULL);

  if (text == NULL || *text == '\0')
    return;
  clean = sanitize (text);
  if (clean != NULL)
    text = clean;
  if (line_prefix == NULL)
    line_prefix = "";

  /* A hard break cannot end a paragraph: final line breaks are written as
   * references instead. */
  len = strlen (text);
  while (trailing < len && text[len - 1 - trailing] == '\n')
    trailing++;

  g_string_append (out, line_prefix);
  p = text;
  end = text + len - trailing;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);

      append_line (out, p, (nl != NULL ? nl : end) - p, TRUE);
      if (nl == NULL)
        break;
      /* A hard break; an empty line becomes a line holding only the
       * backslash of its own break. */
      g_string_append (out, "\\\n");
      g_string_append (out, line_prefix);
      p = nl + 1;
    }
  for (gsize i = 0; i < trailing; i++)
    g_string_append (out, "&#10;");
  g_string_append_c (out, '\n');
}

void
cc_markdown_append_yaml_string (GString    *out,
                                const char *text)
{
  g_return_if_fail (out != NULL);

  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          /* Not UTF-8: U+FFFD for the byte, as elsewhere, and go on. */
          g_string_append (out, "\\uFFFD");
          p++;
          continue;
        }
      /* snake_case: an underscore between letters or digits cannot be
       * emphasis. */
      if (c == '_' && p > text && g_ascii_isalnum (p[-1]) && g_ascii_isalnum (p[1]))
        {
          g_string_append_c (out, '_');
          p++;
          continue;
        }

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case 0x85: g_string_append (out, "\\N"); break;
        case 0x2028: g_string_append (out, "\\L"); break;
        case 0x2029: g_string_append (out, "\\P"); break;
        /* Front matter is shown as Markdown by renderers that do not know
         * it: what CommonMark would read as a link, image, HTML, code or
         * emphasis is written as a YAML escape, inert there. */
        case '`': case '*': case '_': case '[': case ']': case '<': case '>':
        case '~': case '|':
          g_string_append_printf (out, "\\x%02X", c);
          break;
        default:
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
            g_string_append_printf (out, "\\x%02X", c);
          else if (c == 0xfeff)
            g_string_append (out, "\\uFEFF");
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }
  g_string_append_c (out, '"');
}
