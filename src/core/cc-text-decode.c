/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bytes to UTF-8: byte order marks, UTF-16 without one, NUL bytes, UTF-8
 * with stray bytes, legacy 8-bit encodings. Every lossy step or guess is a
 * warning the import report names with the file. */
#define G_LOG_DOMAIN "crosscheck-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <uchardet.h>

#include "cc-error.h"
#include "cc-text.h"

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
