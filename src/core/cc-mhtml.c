/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-html"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cc-error.h"
#include "cc-html.h"
#include "cc-mhtml.h"

/* Only what a saved page needs of MIME (RFC 2045/2046/2557): the outer
 * headers' boundary, then the first text/html part. No library of Debian
 * 12's GNOME stack reads MIME without a mail stack (GMime), so this is
 * ours, and it reads lines without recursion. */

typedef struct
{
  char *type;       /* lower case, without parameters */
  char *charset;
  char *boundary;
  char *encoding;   /* Content-Transfer-Encoding, lower case */
  char *location;
} Part;

static void
part_clear (Part *part)
{
  g_free (part->type);
  g_free (part->charset);
  g_free (part->boundary);
  g_free (part->encoding);
  g_free (part->location);
}

/* The value of parameter @name in a header value ("text/html; charset=x"). */
static char *
header_param (const char *value,
              const char *name)
{
  g_autofree char *pattern = g_strdup_printf (";\\s*%s\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  char *quoted;

  if (regex == NULL || !g_regex_match (regex, value, 0, &match))
    return NULL;
  quoted = g_match_info_fetch (match, 1);
  if (quoted != NULL && *quoted)
    return quoted;
  g_free (quoted);
  return g_match_info_fetch (match, 2);
}

/* Reads the headers starting at *@p (unfolding continuation lines) up to
 * the blank line, leaving *@p after it. */
static void
read_headers (const char **p,
              const char  *end,
              Part        *part)
{
  g_autoptr(GString) line = g_string_new (NULL);

  while (*p < end)
    {
      const char *eol = memchr (*p, '\n', end - *p);
      gsize len = (eol ? eol : end) - *p;
      const char *next = eol ? eol + 1 : end;

      if (len > 0 && (*p)[len - 1] == '\r')
        len--;
      if (len > 0 && (**p == ' ' || **p == '\t'))
        g_string_append_len (line, *p, len);   /* a folded header goes on */
      else
        {
          if (line->len > 0)
            {
              char *colon = strchr (line->str, ':');
              if (colon != NULL)
                {
                  g_autofree char *name = g_ascii_strdown (line->str, colon - line->str);
                  const char *value = colon + 1;

                  while (*value == ' ' || *value == '\t')
                    value++;
                  if (g_str_equal (name, "content-type"))
                    {
                      const char *semi = strchr (value, ';');
                      g_free (part->type);
                      part->type = g_ascii_strdown (value, semi ? semi - value : -1);
                      g_strstrip (part->type);
                      g_free (part->charset);
                      part->charset = header_param (value, "charset");
                      g_free (part->boundary);
                      part->boundary = header_param (value, "boundary");
                    }
                  else if (g_str_equal (name, "content-transfer-encoding"))
                    {
                      g_free (part->encoding);
                      part->encoding = g_strstrip (g_ascii_strdown (value, -1));
                    }
                  else if (g_str_equal (name, "content-location"))
                    {
                      g_free (part->location);
                      part->location = g_strstrip (g_strdup (value));
                    }
                }
            }
          g_string_assign (line, "");
          if (len == 0)
            {
              *p = next;
              return;
            }
          g_string_append_len (line, *p, len);
        }
      *p = next;
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Part, part_clear)

static int
hex (char c)
{
  return g_ascii_xdigit_value (c);
}

static GBytes *
decode_quoted_printable (const char *data,
                         gsize       len)
{
  GByteArray *out = g_byte_array_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = data[i];

      if (c == '=' && i + 1 < len && (data[i + 1] == '\n' || data[i + 1] == '\r'))
        {
          i++;                                   /* a soft line break */
          if (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
            i++;
          continue;
        }
      if (c == '=' && i + 2 < len && hex (data[i + 1]) >= 0 && hex (data[i + 2]) >= 0)
        {
          c = hex (data[i + 1]) * 16 + hex (data[i + 2]);
          i += 2;
        }
      g_byte_array_append (out, &c, 1);
    }
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
decode_part (const Part *part,
             const char *data,
             gsize       len)
{
  if (g_strcmp0 (part->encoding, "quoted-printable") == 0)
    return decode_quoted_printable (data, len);
  if (g_strcmp0 (part->encoding, "base64") == 0)
    {
      g_autofree char *copy = g_strndup (data, len);
      gsize n = 0;
      guchar *bytes = g_base64_decode (copy, &n);
      return g_bytes_new_take (bytes, n);
    }
  return g_bytes_new (data, len);
}

char *
cc_mhtml_extract (const guint8     *data,
                  gsize             len,
                  CcDocumentMeta  **meta,
                  char            **warning,
                  GError          **error)
{
  const char *p = (const char *)data;
  const char *end = p + len;
  g_auto(Part) outer = { 0 };
  g_autofree char *delimiter = NULL;

  read_headers (&p, end, &outer);
  if (outer.boundary == NULL || !g_str_has_prefix (outer.type ? outer.type : "", "multipart/"))
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("is not a saved web page (no MIME multipart boundary)"));
      return NULL;
    }
  delimiter = g_strconcat ("--", outer.boundary, NULL);

  for (const char *at = g_strstr_len (p, end - p, delimiter); at != NULL; )
    {
      const char *body = at + strlen (delimiter);
      const char *next;
      g_auto(Part) part = { 0 };

      const char *eol;

      if (body + 2 <= end && body[0] == '-' && body[1] == '-')
        break;                                   /* the closing delimiter */
      eol = memchr (body, '\n', end - body);    /* the rest of the delimiter line */
      body = eol ? eol + 1 : end;
      read_headers (&body, end, &part);
      next = g_strstr_len (body, end - body, delimiter);
      if (g_strcmp0 (part.type, "text/html") == 0)
        {
          gsize part_len = (next ? next : end) - body;
          g_autoptr(GBytes) html = decode_part (&part, body, part_len);
          gsize html_len;
          const guint8 *html_data = g_bytes_get_data (html, &html_len);
          char *text = cc_html_extract (html_data, html_len, part.charset, meta, warning, error);

          if (text != NULL && part.location != NULL)
            cc_document_meta_take (&(*meta)->url, part.location);
          return text;
        }
      at = next;
    }
  g_set_error (error, CC_ERROR, CC_ERROR_EMPTY, _("holds no HTML page"));
  return NULL;
}
