/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-text"

#include "config.h"

#include <cmark.h>
#include <nettle/sha2.h>
#include <uchardet.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cc-error.h"
#include "cc-text.h"

#define MAX_TITLE_CHARS 200
#define BYLINE_SCAN_LINES 8

void
cc_text_result_free (CcTextResult *result)
{
  if (result == NULL)
    return;
  g_free (result->text);
  g_free (result->title);
  g_free (result->outlet);
  g_free (result->byline);
  g_free (result->encoding);
  g_free (result->warning);
  g_free (result);
}

gboolean
cc_text_format_for_path (const char   *path,
                         CcTextFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text"))
    *format = CC_TEXT_FORMAT_PLAIN;
  else if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    *format = CC_TEXT_FORMAT_MARKDOWN;
  else
    return FALSE;
  return TRUE;
}

/* Adds @message (owned) to the warnings of a decode, "; " between two. */
static void
add_warning (char **warning,
             char  *message)
{
  if (*warning == NULL)
    *warning = message;
  else
    {
      char *both = g_strconcat (*warning, "; ", message, NULL);
      g_free (*warning);
      g_free (message);
      *warning = both;
    }
}

/* Removes U+0000 from @text (@len bytes, UTF-8) in place; returns how many
 * there were. The text after a NUL is kept: C strings would end there. */
static gsize
remove_nul (char  *text,
            gsize *len)
{
  gsize j = 0;
  gsize removed;

  for (gsize i = 0; i < *len; i++)
    if (text[i] != '\0')
      text[j++] = text[i];
  text[j] = '\0';
  removed = *len - j;
  *len = j;
  return removed;
}

static char *
nul_warning (gsize n_nul)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "removed %lu NUL character",
                                       "removed %lu NUL characters", n_nul),
                          (gulong)n_nul);
}

/* Converts UTF-16 (without its byte order mark) to UTF-8; NUL characters
 * are removed (with a warning), not taken as the end of the text. NULL
 * when @data is not valid UTF-16. */
static char *
convert_utf16 (const guint8  *data,
               gsize          len,
               const char    *charset,
               char         **warning)
{
  gsize written = 0;
  gsize n_nul;
  char *out;

  if (len % 2 != 0)
    len--;  /* a dangling odd byte cannot be a UTF-16 code unit */

  out = g_convert ((const char *)data, len, "UTF-8", charset, NULL, &written, NULL);
  if (out == NULL)
    return NULL;
  n_nul = remove_nul (out, &written);
  if (n_nul > 0)
    add_warning (warning, nul_warning (n_nul));
  return out;
}

/* UTF-16 without a byte order mark, by its NUL bytes: text in a Latin,
 * Greek, Cyrillic, Hebrew or Arabic script has spaces, digits and
 * punctuation from ASCII, so one byte of many code units is zero, and
 * nearly always the same one of the pair. Returns the charset or NULL. */
static const char *
sniff_utf16 (const guint8 *data,
             gsize         len)
{
  gsize units = len / 2;
  gsize zero_even = 0;
  gsize zero_odd = 0;

  if (units < 2)
    return NULL;
  for (gsize i = 0; i + 1 < len; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
    }
  if (zero_odd * 10 >= units && zero_even * 8 <= zero_odd)
    return "UTF-16LE";
  if (zero_even * 10 >= units && zero_odd * 8 <= zero_even)
    return "UTF-16BE";
  return NULL;
}

/* Whether decoded text is mostly control characters (other than white
 * space) or unassigned code points: then it was not text in that
 * encoding. */
static gboolean
looks_garbled (const char *utf8)
{
  gsize chars = 0;
  gsize bad = 0;

  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      chars++;
      if ((type == G_UNICODE_CONTROL && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
          type == G_UNICODE_UNASSIGNED || type == G_UNICODE_PRIVATE_USE ||
          type == G_UNICODE_SURROGATE)
        bad++;
    }
  return bad * 20 > chars;
}

/* Control characters other than white space mark a binary file. */
static gboolean
looks_binary (const guint8 *data,
              gsize         len,
              gsize        *n_nul)
{
  gsize controls = 0;
  gsize nul = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = data[i];

      if (c == 0)
        nul++;
      else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) ||
               c == 0x7f)
        controls++;
    }
  *n_nul = nul;

  /* A few stray NUL bytes in a text file are repaired; a file that is a
   * tenth NUL or has many other control bytes is not text. */
  return nul * 10 > len || (nul + controls) * 20 > len;
}

/* Decodes by byte order mark; returns FALSE when there is none. */
static gboolean
decode_bom (const guint8  *data,
            gsize          len,
            char         **out,
            char         **encoding,
            char         **warning,
            GError       **error)
{
  const char *charset = NULL;

  if (len >= 4 && ((data[0] == 0xff && data[1] == 0xfe && data[2] == 0 && data[3] == 0) ||
                   (data[0] == 0 && data[1] == 0 && data[2] == 0xfe && data[3] == 0xff)))
    {
      g_set_error (error, CC_ERROR, CC_ERROR_UNSUPPORTED,
                   _("is encoded as UTF-32, which is not supported; save it as UTF-8"));
      *out = NULL;
      return TRUE;
    }
  if (len >= 2 && data[0] == 0xff && data[1] == 0xfe)
    charset = "UTF-16LE";
  else if (len >= 2 && data[0] == 0xfe && data[1] == 0xff)
    charset = "UTF-16BE";
  else
    return FALSE;

  *encoding = g_strdup (charset);
  *out = convert_utf16 (data + 2, len - 2, charset, warning);
  if (*out == NULL)
    g_set_error (error, CC_ERROR, CC_ERROR_ENCODING,
                 _("starts with a %s byte order mark but is not valid %s"), charset, charset);
  return TRUE;
}

/* Counts the valid multi-byte sequences and the bytes that are not UTF-8. */
static void
count_utf8 (const char *data,
            gsize       len,
            gsize      *multibyte,
            gsize      *invalid)
{
  const char *p = data;
  const char *stop = p + len;

  *multibyte = 0;
  *invalid = 0;
  while (p < stop)
    {
      gunichar c = g_utf8_get_char_validated (p, stop - p);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          (*invalid)++;
          p++;
        }
      else
        {
          if (c >= 0x80)
            (*multibyte)++;
          p = g_utf8_next_char (p);
        }
    }
}

/* What uchardet (Mozilla's detector, which knows the legacy encodings of
 * many languages by their letter statistics) takes 8-bit @data to be, as
 * the WHATWG encoding standard reads it: ISO-8859-1 and ASCII labels mean
 * Windows-1252, whose printable characters are a superset. */
static char *
guess_legacy_charset (const guint8 *data,
                      gsize         len)
{
  uchardet_t detector = uchardet_new ();
  const char *guess;
  char *charset;

  uchardet_handle_data (detector, (const char *)data, len);
  uchardet_data_end (detector);
  guess = uchardet_get_charset (detector);
  /* A Unicode answer cannot be right here: the bytes are not UTF-8, and
   * UTF-16 and UTF-32 were looked for already. */
  if (guess == NULL || *guess == '\0' ||
      g_ascii_strcasecmp (guess, "ASCII") == 0 || g_ascii_strncasecmp (guess, "UTF-", 4) == 0 ||
      g_ascii_strcasecmp (guess, "ISO-8859-1") == 0)
    charset = g_strdup ("WINDOWS-1252");
  else if (g_ascii_strcasecmp (guess, "ISO-8859-9") == 0)
    charset = g_strdup ("WINDOWS-1254");
  else
    charset = g_ascii_strup (guess, -1);
  uchardet_delete (detector);
  return charset;
}

/* Bytes that are not UTF-8: repaired when they are a few stray bytes in
 * UTF-8 text, else read in the legacy encoding they most likely are. */
static char *
decode_not_utf8 (const guint8  *data,
                 gsize          len,
                 char         **encoding,
                 char         **warning,
                 GError       **error)
{
  g_autofree char *charset = NULL;
  gsize multibyte, invalid;
  char *out;

  /* Legacy 8-bit text almost never forms a valid multi-byte sequence by
   * chance: a few of them against not many more bad bytes is UTF-8 with
   * stray bytes, each replaced by U+FFFD. */
  count_utf8 ((const char *)data, len, &multibyte, &invalid);
  if (multibyte > 0 && invalid <= 4 * multibyte)
    {
      *encoding = g_strdup ("UTF-8");
      add_warning (warning,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "replaced %lu byte that is not UTF-8",
                                                 "replaced %lu bytes that are not UTF-8",
                                                 invalid),
                                    (gulong)invalid));
      return g_utf8_make_valid ((const char *)data, len);
    }

  /* The guess, else Windows-1252, else ISO-8859-1 (which reads any byte). */
  charset = guess_legacy_charset (data, len);
  out = g_convert ((const char *)data, len, "UTF-8", charset, NULL, NULL, NULL);
  for (guint i = 0; out == NULL && i < 2; i++)
    {
      g_free (charset);
      charset = g_strdup (i == 0 ? "WINDOWS-1252" : "ISO-8859-1");
      out = g_convert ((const char *)data, len, "UTF-8", charset, NULL, NULL, NULL);
    }
  if (out == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_ENCODING,
                   _("is not valid UTF-8 and could not be read in another encoding"));
      return NULL;
    }
  *encoding = g_steal_pointer (&charset);
  add_warning (warning, g_strdup_printf (_("not valid UTF-8; read as %s (a guess)"), *encoding));
  return out;
}

/* UTF-16 without a byte order mark: NULL (and no error) when @data does
 * not read as such. */
static char *
decode_utf16_unmarked (const guint8  *data,
                       gsize          len,
                       char         **encoding,
                       char         **warning)
{
  const char *charset = sniff_utf16 (data, len);
  char *extra = NULL;
  char *out;

  if (charset == NULL)
    return NULL;
  out = convert_utf16 (data, len, charset, &extra);
  if (out == NULL || looks_garbled (out))
    {
      g_free (out);
      g_free (extra);
      return NULL;
    }
  *encoding = g_strdup (charset);
  add_warning (warning, g_strdup_printf (_("no byte order mark; read as %s"), charset));
  if (extra != NULL)
    add_warning (warning, extra);
  return out;
}

char *
cc_text_decode (const guint8  *data,
                gsize          len,
                char         **encoding,
                char         **warning,
                GError       **error)
{
  g_autofree char *cleaned = NULL;
  gsize n_nul = 0;
  char *out = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  *encoding = NULL;
  *warning = NULL;

  if (decode_bom (data, len, &out, encoding, warning, error))
    return out;
  if (len >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    {
      data += 3;
      len -= 3;
    }

  if ((out = decode_utf16_unmarked (data, len, encoding, warning)) != NULL)
    return out;

  if (looks_binary (data, len, &n_nul))
    {
      g_set_error (error, CC_ERROR, CC_ERROR_BINARY,
                   _("is a binary file, not text"));
      return NULL;
    }

  if (n_nul > 0)
    {
      cleaned = g_malloc (len + 1);
      memcpy (cleaned, data, len);
      remove_nul (cleaned, &len);
      data = (const guint8 *)cleaned;
      add_warning (warning, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "removed %lu NUL byte",
                                                          "removed %lu NUL bytes", n_nul),
                                             (gulong)n_nul));
    }

  if (g_utf8_validate_len ((const char *)data, len, NULL))
    {
      *encoding = g_strdup ("UTF-8");
      return g_strndup ((const char *)data, len);
    }
  return decode_not_utf8 (data, len, encoding, warning, error);
}

/* Characters that NFC leaves alone whatever surrounds them: everything
 * below the combining marks (U+0300), and the punctuation, currency and
 * symbols news text is full of. U+2000 and U+2001 are excluded: NFC maps
 * them to U+2002 and U+2003. A text made only of these needs no
 * normalisation pass, which is most of the cost of an import. */
static inline gboolean
nfc_stable (gunichar c)
{
  return c < 0x300 ||
         (c >= 0x2002 && c <= 0x206f) ||
         (c >= 0x20a0 && c <= 0x20cf) ||
         c == 0x2116 || c == 0x2122 ||
         (c >= 0x2190 && c <= 0x21ff) ||
         (c >= 0x2500 && c <= 0x27bf) ||
         (c >= 0x1f300 && c <= 0x1faff);
}

static gboolean
needs_nfc (const char *utf8)
{
  for (const guchar *p = (const guchar *)utf8; *p;)
    {
      if (*p < 0x80)
        {
          p++;
          continue;
        }
      if (!nfc_stable (g_utf8_get_char ((const char *)p)))
        return TRUE;
      p = (const guchar *)g_utf8_next_char (p);
    }
  return FALSE;
}

/* Line endings and stray control characters, byte by byte: the output is
 * never longer than the input. */
static char *
strip_controls (const char *utf8)
{
  char *out = g_malloc (strlen (utf8) + 1);
  char *q = out;

  for (const guchar *p = (const guchar *)utf8; *p;)
    {
      guchar c = *p;

      if (c == '\r')
        {
          if (p[1] != '\n')
            *q++ = '\n';
          p++;
        }
      else if (c == '\f' || c == '\v')
        {
          *q++ = '\n';
          p++;
        }
      else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        p++;  /* stray control characters */
      else if (c == 0xc2 && p[1] == 0x85)
        {
          *q++ = '\n';  /* NEXT LINE */
          p += 2;
        }
      else if (c == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
        {
          *q++ = '\n';  /* LINE and PARAGRAPH SEPARATOR */
          p += 3;
        }
      else if (c == 0xef && p[1] == 0xbb && p[2] == 0xbf)
        p += 3;  /* zero-width no-break space */
      else
        *q++ = *p++;
    }
  *q = '\0';
  return out;
}

/* Control characters go first and composition comes last: a control
 * character between a letter and its combining mark ("e\x01\u0301") would
 * otherwise keep them apart through NFC and leave text that is not NFC. */
char *
cc_text_normalize (const char *utf8)
{
  char *stripped;
  char *nfc;

  g_return_val_if_fail (utf8 != NULL, NULL);

  stripped = strip_controls (utf8);
  if (!needs_nfc (stripped))
    return stripped;

  nfc = g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    nfc = g_utf8_make_valid (stripped, -1);
  g_free (stripped);
  return nfc;
}

/* Markdown ----------------------------------------------------------------- */

/* List items deeper than this are indented no further: the indentation of
 * a hostile file nested a million levels deep would otherwise be
 * quadratic in its size. */
#define MAX_LIST_INDENT 8

typedef struct
{
  GString *out;
  char    *h1;
  gsize    h1_start;    /* where the first level-1 heading's text starts in out */
  gboolean in_h1;
  int      list_depth;
} MdState;

static void
md_ensure_newline (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
}

/* The number of an ordered list's item: its previous sibling's plus one,
 * kept on the node, so a long list is numbered in linear time. */
static int
md_item_number (cmark_node *item,
                cmark_node *list)
{
  cmark_node *prev = cmark_node_previous (item);
  int index = prev != NULL ? GPOINTER_TO_INT (cmark_node_get_user_data (prev)) + 1
                           : cmark_node_get_list_start (list);

  cmark_node_set_user_data (item, GINT_TO_POINTER (index));
  return index;
}

static void
md_enter_item (cmark_node *node,
               MdState    *state)
{
  cmark_node *list = cmark_node_parent (node);

  md_ensure_newline (state->out);
  for (int i = 1; i < MIN (state->list_depth, MAX_LIST_INDENT); i++)
    g_string_append (state->out, "  ");
  if (list != NULL && cmark_node_get_list_type (list) == CMARK_ORDERED_LIST)
    g_string_append_printf (state->out, "%d. ", md_item_number (node, list));
  else
    g_string_append (state->out, "• ");
}

static void
md_enter (cmark_node *node,
          MdState    *state)
{
  cmark_node *parent = cmark_node_parent (node);

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING:
      md_ensure_newline (state->out);
      if (cmark_node_get_heading_level (node) == 1 && state->h1 == NULL && !state->in_h1)
        {
          state->in_h1 = TRUE;
          state->h1_start = state->out->len;
        }
      break;
    case CMARK_NODE_PARAGRAPH:
      /* An item's paragraphs are rendered inline with its marker. */
      if (parent == NULL || cmark_node_get_type (parent) != CMARK_NODE_ITEM)
        md_ensure_newline (state->out);
      break;
    case CMARK_NODE_CODE_BLOCK:
      md_ensure_newline (state->out);
      g_string_append (state->out, cmark_node_get_literal (node));
      md_ensure_newline (state->out);
      break;
    case CMARK_NODE_LIST:
      state->list_depth++;
      break;
    case CMARK_NODE_ITEM:
      md_enter_item (node, state);
      break;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      g_string_append (state->out, cmark_node_get_literal (node));
      break;
    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (state->out, ' ');
      break;
    case CMARK_NODE_LINEBREAK:
      g_string_append_c (state->out, '\n');
      break;
    default:
      /* HTML and thematic breaks are left out; emphasis, links, images
       * (their alt text) and block quotes are their content. */
      break;
    }
}

static void
md_exit (cmark_node *node,
         MdState    *state)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING:
      if (state->in_h1)
        {
          state->in_h1 = FALSE;
          state->h1 = g_strstrip (g_strndup (state->out->str + state->h1_start,
                                             state->out->len - state->h1_start));
        }
      g_string_append_c (state->out, '\n');
      break;
    case CMARK_NODE_PARAGRAPH:
      g_string_append_c (state->out, '\n');
      break;
    case CMARK_NODE_LIST:
      state->list_depth--;
      break;
    default:
      break;
    }
}

/* Walks the tree with cmark's iterator, never recursing: a file nested a
 * million levels deep (block quotes, lists, emphasis, links) is rendered
 * with a constant amount of stack. */
static void
md_render (cmark_node *doc,
           MdState    *state)
{
  cmark_iter *iter = cmark_iter_new (doc);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER)
        md_enter (node, state);
      else if (event == CMARK_EVENT_EXIT)
        md_exit (node, state);
    }
  cmark_iter_free (iter);
}

/* Skips a YAML front matter block; returns where the Markdown starts and the
 * front matter's title, if any. */
static const char *
skip_front_matter (const char  *markdown,
                   char       **title)
{
  const char *p;
  const char *end;

  *title = NULL;
  if (!g_str_has_prefix (markdown, "---\n"))
    return markdown;

  end = strstr (markdown + 4, "\n---");
  if (end == NULL)
    return markdown;

  for (p = markdown + 4; p < end;)
    {
      const char *eol = memchr (p, '\n', end - p);
      if (eol == NULL)
        eol = end;
      if (g_str_has_prefix (p, "title:"))
        {
          g_autofree char *value = g_strndup (p + 6, eol - (p + 6));
          g_strstrip (value);
          if (value[0] == '"' || value[0] == '\'')
            {
              gsize n = strlen (value);
              if (n >= 2 && value[n - 1] == value[0])
                {
                  value[n - 1] = '\0';
                  memmove (value, value + 1, n - 1);
                }
            }
          /* A repeated key: the last one counts, as in YAML parsers. */
          if (*value)
            {
              g_free (*title);
              *title = g_steal_pointer (&value);
            }
        }
      p = eol + 1;
    }

  end += 4;
  while (*end && *end != '\n')
    end++;
  if (*end == '\n')
    end++;
  return end;
}

char *
cc_text_markdown_to_text (const char  *markdown,
                          char       **h1)
{
  g_autofree char *front_title = NULL;
  const char *body = skip_front_matter (markdown, &front_title);
  MdState state = { g_string_new (NULL), NULL, 0, FALSE, 0 };
  cmark_node *doc;

  doc = cmark_parse_document (body, strlen (body), CMARK_OPT_DEFAULT);
  md_render (doc, &state);
  cmark_node_free (doc);

  if (h1 != NULL)
    {
      if (front_title != NULL)
        {
          *h1 = g_steal_pointer (&front_title);
          g_free (state.h1);
        }
      else
        *h1 = state.h1;
    }
  else
    g_free (state.h1);

  return g_string_free (state.out, FALSE);
}

/* Titles, bylines and outlets ---------------------------------------------- */

static char *
first_line (const char *text)
{
  const char *p = text;

  while (*p)
    {
      const char *eol = strchr (p, '\n');
      gsize n = eol ? (gsize)(eol - p) : strlen (p);
      g_autofree char *line = g_strndup (p, n);

      g_strstrip (line);
      if (*line)
        {
          if (g_utf8_strlen (line, -1) > MAX_TITLE_CHARS)
            {
              char *cut = g_utf8_offset_to_pointer (line, MAX_TITLE_CHARS);
              *cut = '\0';
              return g_strconcat (line, "…", NULL);
            }
          return g_steal_pointer (&line);
        }
      if (eol == NULL)
        break;
      p = eol + 1;
    }
  return NULL;
}

static gboolean
looks_like_name (const char *s)
{
  int words = 0;
  gsize len = strlen (s);

  if (len == 0 || len > 80)
    return FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isdigit (c))
        return FALSE;
    }
  {
    g_auto(GStrv) parts = g_strsplit (s, " ", -1);
    for (guint i = 0; parts[i]; i++)
      {
        if (!*parts[i])
          continue;
        if (!g_unichar_isupper (g_utf8_get_char (parts[i])) &&
            strcmp (parts[i], "de") != 0 && strcmp (parts[i], "van") != 0 &&
            strcmp (parts[i], "von") != 0 && strcmp (parts[i], "and") != 0)
          return FALSE;
        words++;
      }
  }
  return words >= 1 && words <= 6;
}

/* "By Jane Roe, The Courier", "By Jane Roe | The Courier", "Jane Roe | The
 * Courier", "By Jane Roe for The Courier", "Source: The Courier". */
static gboolean
parse_byline (const char  *line,
              char       **byline,
              char       **outlet)
{
  static const char * const outlet_prefixes[] = {
    "Source:", "Outlet:", "Publication:", "Published by ", "Published in ", NULL
  };
  g_autofree char *rest = NULL;
  const char *sep = NULL;
  gsize seplen = 0;
  gboolean by = FALSE;

  for (guint i = 0; outlet_prefixes[i]; i++)
    if (g_ascii_strncasecmp (line, outlet_prefixes[i], strlen (outlet_prefixes[i])) == 0)
      {
        g_autofree char *value = g_strdup (line + strlen (outlet_prefixes[i]));
        g_strstrip (value);
        if (*value && g_utf8_strlen (value, -1) <= 80)
          {
            *outlet = g_steal_pointer (&value);
            return TRUE;
          }
        return FALSE;
      }

  if (g_ascii_strncasecmp (line, "by ", 3) == 0)
    {
      by = TRUE;
      rest = g_strdup (line + 3);
    }
  else if (g_ascii_strncasecmp (line, "written by ", 11) == 0)
    {
      by = TRUE;
      rest = g_strdup (line + 11);
    }
  else
    rest = g_strdup (line);
  g_strstrip (rest);

  if ((sep = strstr (rest, " | ")) != NULL)
    seplen = 3;
  else if ((sep = strstr (rest, " — ")) != NULL)
    seplen = strlen (" — ");
  else if ((sep = strstr (rest, " for ")) != NULL && by)
    seplen = 5;
  else if ((sep = strstr (rest, ", ")) != NULL && by)
    seplen = 2;

  if (sep != NULL)
    {
      g_autofree char *name = g_strndup (rest, sep - rest);
      g_autofree char *where = g_strdup (sep + seplen);
      g_strstrip (name);
      g_strstrip (where);
      if (looks_like_name (name) && *where && g_utf8_strlen (where, -1) <= 80)
        {
          *byline = g_steal_pointer (&name);
          *outlet = g_steal_pointer (&where);
          return TRUE;
        }
      return FALSE;
    }

  if (by && looks_like_name (rest))
    {
      *byline = g_steal_pointer (&rest);
      return TRUE;
    }
  return FALSE;
}

static void
detect_byline_in (const char  *text,
                  char       **byline,
                  char       **outlet)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);
  guint seen = 0;

  /* Near the top, after the title. */
  for (guint i = 0; lines[i] && seen <= BYLINE_SCAN_LINES; i++)
    {
      g_strstrip (lines[i]);
      if (!*lines[i])
        continue;
      seen++;
      if (seen == 1)
        continue;  /* the title */
      if (g_utf8_strlen (lines[i], -1) <= 120 && parse_byline (lines[i], byline, outlet))
        return;
    }

  /* "Written by" on its own line, name on the next, near the end. */
  for (guint i = n_lines > 12 ? n_lines - 12 : 0; i < n_lines; i++)
    {
      if (g_ascii_strcasecmp (lines[i], "written by") == 0 ||
          g_ascii_strcasecmp (lines[i], "by") == 0)
        for (guint j = i + 1; j < n_lines; j++)
          if (*lines[j])
            {
              if (looks_like_name (lines[j]))
                *byline = g_strdup (lines[j]);
              return;
            }
    }
}

/* Only the head and the tail of a text can hold its byline: look there
 * without splitting a large text into lines. */
static void
detect_byline (const char  *text,
               char       **byline,
               char       **outlet)
{
  const gsize window = 4096;
  gsize len = strlen (text);
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  const char *cut;

  if (len <= 2 * window)
    {
      detect_byline_in (text, byline, outlet);
      return;
    }

  cut = g_utf8_find_prev_char (text, text + window);
  head = g_strndup (text, cut - text);
  detect_byline_in (head, byline, outlet);
  if (*byline != NULL || *outlet != NULL)
    return;

  cut = g_utf8_find_next_char (text + len - window, NULL);
  tail = g_strconcat ("\n", cut, NULL);
  detect_byline_in (tail, byline, outlet);
}

guint
cc_text_count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p;)
    {
      guchar b = (guchar)*p;
      gboolean word_char;

      if (b < 0x80)
        {
          word_char = g_ascii_isalnum (b) || (in_word && (b == '\'' || b == '-'));
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          word_char = g_unichar_isalnum (c) || g_unichar_ismark (c) || (in_word && c == 0x2019);
          p = g_utf8_next_char (p);
        }

      if (word_char && !in_word)
        words++;
      in_word = word_char;
    }
  return words;
}

/* Nettle rather than GChecksum: it uses the CPU's SHA extensions where
 * there are some, which makes hashing several times faster on import. */
char *
cc_text_sha256 (const guint8 *data,
                gsize         len)
{
  static const char hex[] = "0123456789abcdef";
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *out = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_init (&ctx);
  sha256_update (&ctx, len, data);
  sha256_digest (&ctx, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[2 * SHA256_DIGEST_SIZE] = '\0';
  return out;
}

CcTextResult *
cc_text_process (const guint8  *data,
                 gsize          len,
                 CcTextFormat   format,
                 GError       **error)
{
  g_autoptr(CcTextResult) result = g_new0 (CcTextResult, 1);
  g_autofree char *decoded = NULL;
  g_autofree char *h1 = NULL;
  char *text;

  if (len == 0)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_EMPTY, _("is empty"));
      return NULL;
    }
  if (len > CC_TEXT_MAX_FILE_SIZE)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_TOO_LARGE,
                   _("is too large (%.1f MB; the limit is %d MB)"),
                   len / (1024.0 * 1024.0), CC_TEXT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  decoded = cc_text_decode (data, len, &result->encoding, &result->warning, error);
  if (decoded == NULL)
    return NULL;

  text = cc_text_normalize (decoded);
  if (format == CC_TEXT_FORMAT_MARKDOWN)
    {
      char *plain = cc_text_markdown_to_text (text, &h1);
      g_free (text);
      text = cc_text_normalize (plain);  /* cmark may output decomposed entities */
      g_free (plain);
    }
  result->text = text;

  result->title = (h1 != NULL && *h1) ? g_steal_pointer (&h1) : first_line (result->text);
  if (result->title == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_EMPTY, _("contains no text"));
      return NULL;
    }

  detect_byline (result->text, &result->byline, &result->outlet);
  result->words = cc_text_count_words (result->text);
  return g_steal_pointer (&result);
}

gsize
cc_text_char_to_byte (const char *text,
                      gsize       char_offset)
{
  const char *p = text;

  for (gsize i = 0; i < char_offset && *p; i++)
    p = g_utf8_next_char (p);
  return p - text;
}

gsize
cc_text_byte_to_char (const char *text,
                      gsize       byte_offset)
{
  return g_utf8_pointer_to_offset (text, text + byte_offset);
}

char *
cc_text_substring (const char *text,
                   gsize       start_char,
                   gsize       end_char)
{
  gsize start = cc_text_char_to_byte (text, start_char);
  gsize end = start + cc_text_char_to_byte (text + start, end_char > start_char ? end_char - start_char : 0);

  return g_strndup (text + start, end - start);
}
