/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-article"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cc-article.h"
#include "cc-gazetteer.h"

#define MONTHS "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|" \
               "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"

/* How many lines at the head of a text may hold its byline, dateline or
 * date line. */
#define HEAD_LINES 8

static GRegex *
regex_once (gsize       *once,
            const char  *pattern)
{
  if (g_once_init_enter (once))
    {
      GRegex *regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);  /* a constant pattern */
      g_once_init_leave (once, (gsize)regex);
    }
  return (GRegex *)*once;
}

static int
month_number (const char *name)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;
  return 0;
}

static char *
format_date (int year, int month, int day)
{
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static char *
parse_iso (const char *text)
{
  static gsize once;
  GRegex *regex = regex_once (&once,
                              "\\b(\\d{4})-(\\d{2})-(\\d{2})"
                              "(T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *date = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  {
    g_autofree char *y = g_match_info_fetch (match, 1);
    g_autofree char *m = g_match_info_fetch (match, 2);
    g_autofree char *d = g_match_info_fetch (match, 3);
    g_autofree char *time = g_match_info_fetch (match, 4);

    date = format_date (atoi (y), atoi (m), atoi (d));
    if (date != NULL && time != NULL && *time)
      {
        g_autofree char *whole = g_match_info_fetch (match, 0);
        g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
        g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (whole, utc);

        if (dt != NULL)
          return g_steal_pointer (&whole);
      }
  }
  return g_steal_pointer (&date);
}

char *
cc_article_parse_date (const char *text)
{
  static gsize dmy_once, mdy_once;
  GRegex *dmy = regex_once (&dmy_once,
                            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" MONTHS "\\.?,?\\s+(\\d{4})\\b");
  GRegex *mdy = regex_once (&mdy_once,
                            "\\b" MONTHS "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
  g_autoptr(GMatchInfo) m1 = NULL;
  g_autoptr(GMatchInfo) m2 = NULL;
  gint s1 = G_MAXINT, s2 = G_MAXINT;
  char *iso;

  if (text == NULL)
    return NULL;
  if ((iso = parse_iso (text)) != NULL)
    return iso;

  if (g_regex_match (dmy, text, 0, &m1))
    g_match_info_fetch_pos (m1, 0, &s1, NULL);
  if (g_regex_match (mdy, text, 0, &m2))
    g_match_info_fetch_pos (m2, 0, &s2, NULL);

  if (s1 == G_MAXINT && s2 == G_MAXINT)
    return NULL;
  if (s1 <= s2)
    {
      g_autofree char *d = g_match_info_fetch (m1, 1);
      g_autofree char *m = g_match_info_fetch (m1, 2);
      g_autofree char *y = g_match_info_fetch (m1, 3);
      return format_date (atoi (y), month_number (m), atoi (d));
    }
  else
    {
      g_autofree char *m = g_match_info_fetch (m2, 1);
      g_autofree char *d = g_match_info_fetch (m2, 2);
      g_autofree char *y = g_match_info_fetch (m2, 3);
      return format_date (atoi (y), month_number (m), atoi (d));
    }
}

gboolean
cc_article_date_to_gdate (const char *iso,
                          GDate      *date)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (iso == NULL || strlen (iso) < 10 || iso[4] != '-' || iso[7] != '-' ||
      sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

gboolean
cc_article_is_boilerplate (const char *line)
{
  static gsize once;
  GRegex *regex = regex_once (&once,
    "^[\\s\\p{So}•·|»›>(\\[]*(?:"
    "advertisement|advert|sponsored(?: content)?|ad|"
    "share(?: this(?: article| story| page)?)?|share on \\w+|tweet|email|print|copy link|"
    "follow us(?: on \\w+)?|"
    "log ?in|sign ?in|sign up|register|subscribe(?: now)?|"
    "skip to (?:main )?content|skip to navigation|menu|search|"
    "read more|see more|related(?: articles| stories| content)?|more stories|most (?:read|popular)|"
    "(?:show |view |\\d[\\d,]* )?comments?|leave a comment|join the conversation|"
    "listen to this article|"
    "(?:we use cookies|this (?:site|website) uses cookies|accept(?: all)? cookies).*"
    ")[\\s.:!|»›)\\]…]*$");

  return line != NULL && *line && g_regex_match (regex, line, 0, NULL);
}

gboolean
cc_article_is_date_line (const char *line)
{
  g_autofree char *date = NULL;

  if (line == NULL || g_utf8_strlen (line, -1) > 60 || cc_text_count_words (line) > 8)
    return FALSE;
  date = cc_article_parse_date (line);
  return date != NULL;
}

gboolean
cc_article_is_caption (const char *line)
{
  static gsize lead_once, tail_once, glued_once, paren_once;
  /* a credit at the start: "Photo: …", "Photo by …", "Image credit …", "File photo" */
  GRegex *lead = regex_once (&lead_once,
    "^\\s*(?:(?:file\\s+)?(?:photo(?:graph)?s?|pictures?|pics?|images?|illustrations?|"
    "graphics?|video|footage)(?:\\s+(?:credits?|source|courtesy))?\\s*(?::|by\\b|©|courtesy\\b|/)|"
    "(?:photo|image|picture)\\s+credits?\\b|credits?\\s*:|courtesy\\s+(?:of\\s+)?\\p{Lu}|©|"
    "file\\s+(?:photo|picture|image|footage)\\b)");
  /* a credit at the end of a caption: "… Image: NAME/AGENCY", "… | Getty Images" */
  GRegex *tail = regex_once (&tail_once,
    "(?:(?-i:\\b(?:Photo(?:graph)?|Picture|Image|Credit)s?\\s*:\\s*\\p{Lu})[^.!?:]{1,80}|"
    "\\s[|/]\\s*[^|/.!?]{0,40}\\b(?:images|photos?|pictures|photography)\\b[^|/.!?]{0,20})$");
  GRegex *paren = regex_once (&paren_once, "^\\s*\\(([^()]{2,60})\\)\\s*$");
  GRegex *glued;
  g_autoptr(GMatchInfo) match = NULL;

  if (line == NULL || *line == '\0' || g_utf8_strlen (line, -1) > 400)
    return FALSE;
  if (g_regex_match (lead, line, 0, NULL) || g_regex_match (tail, line, 0, NULL))
    return TRUE;
  /* "(Reuters)", "(AP Photo/Jane Doe)": a short credit alone in parentheses */
  if (g_regex_match (paren, line, 0, &match))
    {
      g_autofree char *inner = g_match_info_fetch (match, 1);

      if (cc_text_count_words (inner) <= 5 && g_unichar_isupper (g_utf8_get_char (inner)) &&
          strpbrk (inner, ",;.!?") == NULL)
        return TRUE;
    }
  /* A caption with its credit glued on after the full stop: "… in the
   * city on 4 June.Agency". Case matters here. */
  if (g_once_init_enter (&glued_once))
    {
      GRegex *r = g_regex_new ("\\p{Ll}[.!?]\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?\\s*$|"
                               "\\d[.]\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?\\s*$",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (r != NULL);
      g_once_init_leave (&glued_once, (gsize)r);
    }
  glued = (GRegex *)glued_once;
  return g_regex_match (glued, line, 0, NULL);
}

char *
cc_article_parse_byline (const char *line)
{
  static gsize by_once, role_once;
  GRegex *by = regex_once (&by_once,
    "^\\s*by\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|and|&|de|la|le|del|della|der|den|van|von|da|di|du|dos|das|bin|ibn|al|el|,)){0,8})"
    "\\s*(?:[|,;·—–-].*)?$");
  GRegex *role = regex_once (&role_once,
    "^\\s*(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){1,3}),\\s+"
    "(?:(?:senior|chief|staff|political|business|technology|science|foreign)\\s+)*"
    "(?:reporter|correspondent|editor|writer|journalist|contributor)\\b.*$");
  g_autoptr(GMatchInfo) match = NULL;
  char *name;

  if (line == NULL || g_utf8_strlen (line, -1) > 120)
    return NULL;
  /* the caseless flag would let "by" match any word: check capitals here */
  if (!g_regex_match (by, line, 0, &match))
    {
      g_clear_pointer (&match, g_match_info_free);  /* set even when nothing matched */
      g_regex_match (role, line, 0, &match);
    }
  if (g_match_info_matches (match))
    {
      name = g_match_info_fetch (match, 1);
      g_strstrip (name);
      while (g_str_has_suffix (name, ",") || g_str_has_suffix (name, " and"))
        {
          name[strlen (name) - (g_str_has_suffix (name, ",") ? 1 : 4)] = '\0';
          g_strstrip (name);
        }
      if (g_unichar_isupper (g_utf8_get_char (name)))
        return name;
      g_free (name);
    }
  return NULL;
}

gboolean
cc_article_parse_dateline (const char  *line,
                           char       **place,
                           char       **agency)
{
  static gsize once;
  /* Case matters: the place is in capitals. */
  GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&once))
    {
      GRegex *r = g_regex_new ("^\\s*(\\p{Lu}[\\p{Lu} .'’-]{1,30}\\p{Lu})(?:,\\s*[\\p{L}\\d. ]{2,30})?"
                               "\\s*(?:\\(([^()]{2,40})\\))?\\s*[—–-]{1,2}\\s",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (r != NULL);
      g_once_init_leave (&once, (gsize)r);
    }
  regex = (GRegex *)once;
  if (line == NULL || !g_regex_match (regex, line, 0, &match))
    return FALSE;
  if (place != NULL)
    *place = g_match_info_fetch (match, 1);
  if (agency != NULL)
    {
      char *a = g_match_info_fetch (match, 2);
      if (a != NULL && *a == '\0')
        g_clear_pointer (&a, g_free);
      *agency = a;
    }
  return TRUE;
}

gboolean
cc_article_is_title_like (const char *title)
{
  guint words;
  gsize len;

  if (title == NULL || *title == '\0')
    return FALSE;
  words = cc_text_count_words (title);
  len = strlen (title);
  if (words > 20)
    return FALSE;
  /* A headline seldom ends with a full stop; a sentence of some length
   * that does is the opening paragraph. */
  if (words > 12 && len > 0 && title[len - 1] == '.')
    return FALSE;
  return TRUE;
}

/* A file name made of words ("harbour-bridge-reopens.txt"), not of
 * numbers and hashes ("002_d6f39121.txt"). */
static char *
title_from_path (const char *path)
{
  g_autofree char *base = path ? g_path_get_basename (path) : g_strdup ("");
  char *dot = strrchr (base, '.');
  g_auto(GStrv) words = NULL;
  guint real = 0;

  if (dot != NULL && dot != base)
    *dot = '\0';
  g_strdelimit (base, "-_.", ' ');
  g_strstrip (base);
  words = g_strsplit (base, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean letters = g_utf8_strlen (words[i], -1) >= 2;
      for (const char *p = words[i]; *p && letters; p = g_utf8_next_char (p))
        letters = g_unichar_isalpha (g_utf8_get_char (p));
      real += letters;
    }
  return real >= 2 ? g_steal_pointer (&base) : NULL;
}

/* The opening paragraph's first sentence when it is short, else its first
 * words and an ellipsis. */
static char *
title_from_opening (const char *opening)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", opening, 0, 0);
  g_autoptr(GString) title = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] != NULL && n < 14; i++)
    {
      gsize len = strlen (words[i]);

      if (len == 0)
        continue;
      if (title->len > 0)
        g_string_append_c (title, ' ');
      g_string_append (title, words[i]);
      n++;
      if (strchr (".!?", words[i][len - 1]) != NULL)
        return g_string_free (g_steal_pointer (&title), FALSE);
    }
  while (n > 10)
    {
      char *space = strrchr (title->str, ' ');
      g_string_truncate (title, space - title->str);
      n--;
    }
  g_string_append (title, "…");
  return g_string_free (g_steal_pointer (&title), FALSE);
}

/* "|", "—", "•": one mark alone on a line, left over from a layout
 * ("---" and "===" are kept: text may draw rules with them). */
static gboolean
is_separator (const char *line)
{
  if (*line == '\0' || g_utf8_strlen (line, -1) > 1)
    return FALSE;
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* One to four capitalised words, no digits or sentence punctuation. */
static gboolean
is_name_like (const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint n = g_strv_length (words);

  if (n == 0 || n > 4)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!g_unichar_isupper (g_utf8_get_char (words[i])))
        return FALSE;
      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (!g_unichar_isalpha (c) && c != '.' && c != '\'' && c != 0x2019 && c != '-')
            return FALSE;
        }
    }
  return TRUE;
}

static const char *
next_nonblank (char **lines,
               guint  i)
{
  for (guint j = i + 1; lines[j] != NULL; j++)
    {
      const char *p = lines[j];
      while (g_ascii_isspace (*p))
        p++;
      if (*p)
        return p;
    }
  return "";
}

/* Drops page-furniture lines; notes byline and date lines at the head in
 * @meta (they stay in the text, where annotations may rest on them).
 * Returns whether anything was dropped. */
static gboolean
strip_lines (CcTextResult   *result,
             CcDocumentMeta *meta)
{
  g_auto(GStrv) lines = g_strsplit (result->text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint head = 0;
  gboolean dropped = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (lines[i]));

      if (*trimmed != '\0' && head++ < HEAD_LINES && i > 0)
        {
          g_autofree char *byline = cc_article_parse_byline (trimmed);
          g_autofree char *date = cc_article_is_date_line (trimmed)
                                    ? cc_article_parse_date (trimmed) : NULL;

          g_autofree char *next = g_strstrip (g_strdup (next_nonblank (lines, i)));

          cc_document_meta_take (&meta->byline, byline);
          /* "Name" over a lone "|": a byline whose date or outlet went missing */
          if (is_separator (next) && is_name_like (trimmed))
            cc_document_meta_take (&meta->byline, trimmed);
          cc_document_meta_take (&meta->published, date);
        }
      if (cc_article_is_boilerplate (trimmed) || is_separator (trimmed))
        {
          dropped = TRUE;
          /* a blank line on each side of it would make two: keep one */
          if (lines[i + 1] != NULL && *lines[i + 1] == '\0' && out->len > 0 &&
              out->str[out->len - 1] == '\n' && (out->len < 2 || out->str[out->len - 2] == '\n'))
            i++;
          continue;
        }
      g_string_append (out, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }
  if (!dropped || out->len == 0)
    return FALSE;
  g_free (result->text);
  result->text = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

static void
find_dateline (CcTextResult   *result,
               CcDocumentMeta *meta)
{
  g_auto(GStrv) lines = g_strsplit (result->text, "\n", HEAD_LINES * 2 + 1);

  for (guint i = 0; lines[i] != NULL && i < HEAD_LINES * 2; i++)
    {
      g_autofree char *place = NULL;
      g_autofree char *agency = NULL;

      if (cc_article_parse_dateline (lines[i], &place, &agency))
        {
          cc_document_meta_take (&meta->outlet, agency);
          return;
        }
    }
}

/* A name alone on a line, as a byline without "By" is written: two or
 * three capitalised words, none an everyday word ("Ana Lima", not "Budget
 * Plan" or "World Record"). */
static gboolean
is_person_like (const char *line)
{
  const CcGazetteer *gaz = cc_gazetteer_get ();
  g_auto(GStrv) words = NULL;
  guint n;

  if (!is_name_like (line))
    return FALSE;
  words = g_strsplit (line, " ", -1);
  n = g_strv_length (words);
  if (n < 2 || n > 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (cc_gazetteer_lookup (gaz, words[i], strlen (words[i])) & CC_LEX_COMMON)
      return FALSE;
  return TRUE;
}

/* "New Delhi, June 5", "Washington, Mar 19: Astronauts…": a place in
 * capitalised words and a day without a year, at the start of a line.
 * Returns the length of that prefix (with its colon or dash), or 0. */
static gsize
place_date_prefix (const char *line)
{
  static gsize once;
  gint end = 0;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&once))
    {
      GRegex *r = g_regex_new ("^\\s*\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3},\\s+"
                               "(?i:" MONTHS ")\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?"
                               "(?:\\s*(?::|[—–-])\\s*|\\s*$)",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (r != NULL);
      g_once_init_leave (&once, (gsize)r);
    }
  if (!g_regex_match ((GRegex *)once, line, 0, &match))
    return 0;
  g_match_info_fetch_pos (match, 0, NULL, &end);
  return end;
}

/* "Network Name - Washington" over "Washington, Mar 19: …": a credit
 * naming the outlet and the place of the dateline under it. Returns the
 * outlet, or NULL. */
static char *
credit_over_dateline (const char *line,
                      const char *next)
{
  static const char * const dashes[] = { " - ", " – ", " — " };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    {
      const char *dash = g_strrstr (line, dashes[i]);
      const char *place;
      gsize len;

      if (dash == NULL)
        continue;
      place = dash + strlen (dashes[i]);
      len = strlen (place);
      if (len > 0 && len < 40 && strncmp (next, place, len) == 0 && next[len] == ',' &&
          place_date_prefix (next) > 0 && dash > line)
        {
          g_autofree char *outlet = g_strndup (line, dash - line);

          g_strstrip (outlet);
          if (g_unichar_isupper (g_utf8_get_char (outlet)) && cc_text_count_words (outlet) <= 6)
            return g_steal_pointer (&outlet);
        }
    }
  return NULL;
}

/* Text: what stands over the article's first words before its headline,
 * when the first line is not one: photo credits, a byline over a date or
 * dateline ("Ana Lima" over "Lisbon, June 5"), a line crediting the outlet
 * over the dateline, a dateline alone. They stay in the text; the byline
 * and outlet are noted, and the first other line is the title (or the
 * opening a title is made from, without its dateline). */
static void
find_head_title (CcTextResult   *result,
                 CcDocumentMeta *meta)
{
  g_auto(GStrv) lines = g_strsplit (result->text, "\n", HEAD_LINES * 2 + 1);
  const char *candidate = NULL;
  guint first = 0;
  gboolean skipped = FALSE;

  for (guint i = 0; lines[i] != NULL && i < HEAD_LINES * 2; i++)
    g_strstrip (lines[i]);
  while (lines[first] != NULL && *lines[first] == '\0')
    first++;
  /* only a title read from the first line (not a Markdown heading) */
  if (lines[first] == NULL || g_strcmp0 (lines[first], result->title) != 0)
    return;

  for (guint i = first; lines[i] != NULL && i < HEAD_LINES * 2 && candidate == NULL; i++)
    {
      const char *line = lines[i];
      const char *next = "";
      g_autofree char *outlet = NULL;

      if (*line == '\0')
        continue;
      for (guint j = i + 1; lines[j] != NULL && j < HEAD_LINES * 2; j++)
        if (*lines[j] != '\0')
          {
            next = lines[j];
            break;
          }
      if (cc_article_is_caption (line))
        skipped = TRUE;
      else if (is_person_like (line) &&
               (cc_article_is_date_line (next) || place_date_prefix (next) == strlen (next)))
        {
          cc_document_meta_take (&meta->byline, line);
          skipped = TRUE;
        }
      else if ((outlet = credit_over_dateline (line, next)) != NULL)
        {
          cc_document_meta_take (&meta->outlet, outlet);
          skipped = TRUE;
        }
      else if (skipped && place_date_prefix (line) == strlen (line))
        ;  /* the dateline alone, under a byline */
      else
        candidate = line + (skipped ? place_date_prefix (line) : 0);
    }
  if (!skipped || candidate == NULL || *candidate == '\0')
    return;
  g_free (result->title);
  result->title = g_strdup (candidate);
}

char *
cc_article_fallback_title (const char *path,
                           const char *opening)
{
  char *title = title_from_path (path);

  return title != NULL ? title : title_from_opening (opening ? opening : "");
}

void
cc_article_refine (CcTextResult   *result,
                   const char     *path,
                   CcDocumentMeta *meta)
{
  g_return_if_fail (result != NULL && meta != NULL);

  find_head_title (result, meta);
  if (!cc_article_is_title_like (result->title))
    {
      char *title = cc_article_fallback_title (path, result->title);
      g_free (result->title);
      result->title = title;
    }
  cc_document_meta_take (&meta->byline, result->byline);
  if (strip_lines (result, meta))
    result->words = cc_text_count_words (result->text);
  find_dateline (result, meta);
  cc_document_meta_take (&meta->outlet, result->outlet);
  cc_document_meta_take (&meta->title, result->title);
  if (meta->byline != NULL && result->byline == NULL)
    result->byline = g_strdup (meta->byline);
  if (meta->outlet != NULL && result->outlet == NULL)
    result->outlet = g_strdup (meta->outlet);
}
