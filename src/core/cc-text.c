/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-text"

#include "config.h"

#include <cmark.h>
#include <nettle/sha2.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cc-article.h"
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

/* What may follow a byline's names as the outlet: a capitalised name of a
 * few words ("The Courier", "Daily Wire Service"), not a phrase ("both from
 * the city desk"), a role ("Senior Reporter") or a sentence. */
static gboolean
looks_like_outlet (const char *s)
{
  static const char * const roles[] = {
    "reporter", "correspondent", "editor", "writer", "journalist", "contributor",
    "columnist", "desk", "staff", "photographer", NULL
  };
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (!g_unichar_isupper (g_utf8_get_char (s)) || g_utf8_strlen (s, -1) > 80 ||
      cc_text_count_words (s) > 8 || strpbrk (s, "!?;") != NULL ||
      (g_str_has_suffix (s, ".") && cc_text_count_words (s) > 4))
    return FALSE;
  folded = g_utf8_casefold (s, -1);
  words = g_regex_split_simple ("[^\\p{L}]+", folded, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    for (guint r = 0; roles[r] != NULL; r++)
      if (g_str_has_prefix (words[i], roles[r]) &&
          (words[i][strlen (roles[r])] == '\0' || strcmp (words[i] + strlen (roles[r]), "s") == 0))
        return FALSE;
  return TRUE;
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

  /* " for " and ", " follow names only after "By": "Ana Lima, both from
   * Lisbon, won" is a sentence. */
  if ((sep = strstr (rest, " | ")) != NULL)
    seplen = 3;
  else if ((sep = strstr (rest, " — ")) != NULL)
    seplen = strlen (" — ");
  else if (by && (sep = strstr (rest, " for ")) != NULL)
    seplen = 5;
  else if (by && (sep = strstr (rest, ", ")) != NULL)
    seplen = 2;

  if (sep != NULL)
    {
      g_autofree char *name = g_strndup (rest, sep - rest);
      g_autofree char *where = g_strdup (sep + seplen);
      g_strstrip (name);
      g_strstrip (where);
      if (!looks_like_name (name) || *where == '\0')
        return FALSE;
      if (looks_like_outlet (where))
        {
          *byline = g_steal_pointer (&name);
          *outlet = g_steal_pointer (&where);
          return TRUE;
        }
      /* "By A and B, both from the city desk", "By A, staff writer": the
       * names without an outlet. Without "By", not a byline. */
      if (!by)
        return FALSE;
      *byline = g_steal_pointer (&name);
      return TRUE;
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
      /* "Crews at work | Northwind Images" credits a photo, not the article */
      if (g_utf8_strlen (lines[i], -1) <= 120 && !cc_article_is_caption (lines[i]) &&
          parse_byline (lines[i], byline, outlet))
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
