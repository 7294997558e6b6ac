/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-document.h"
#include "cc-text.h"

G_BEGIN_DECLS

/* Rules about how news articles are laid out, shared by the plain text,
 * HTML and PDF readers. None knows any outlet or story. */

/* "2024-05-01", "2024-05-01T09:30:00+02:00", "May 1, 2024", "1 May 2024",
 * "Wednesday, 1 May 2024 09:30" -> ISO 8601 ("2024-05-01" or the date-time
 * as given when it is valid ISO 8601). NULL when @text holds no date. */
char     *cc_article_parse_date       (const char *text);
/* The calendar date of an ISO 8601 date or date-time as stored
 * ("2024-05-01", "2024-05-01T23:30:00-05:00": the day as written, where the
 * article's "yesterday" and "on Wednesday" were meant). FALSE, and @date
 * cleared, when @iso is NULL or holds no valid date. */
gboolean  cc_article_date_to_gdate    (const char *iso,
                                       GDate      *date);
/* A line of page furniture rather than article text: "Advertisement",
 * "Share", "Log in", "12 comments", "Skip to content"... */
gboolean  cc_article_is_boilerplate   (const char *line);
/* A short line that gives the article's date ("12 May 2025", "Published
 * 14 March 2025, 10:02"): at most 60 characters and 8 words. */
gboolean  cc_article_is_date_line     (const char *line);
/* A photo caption or credit line rather than article text or a heading:
 * "Photo: Jane Doe/Agency", "Photo by …", "Image credit …", "File photo",
 * "(Reuters)", "A crowd at the gates. | Getty Images", a caption ending
 * "Image: NAME/AGENCY" or with its credit glued on ("… 4 June 2024.Agency"). */
gboolean  cc_article_is_caption       (const char *line);
/* "By Jane Doe" / "By Jane Doe and John Roe" / "Jane Doe, Reporter" ->
 * the names; NULL when @line is not a byline. */
char     *cc_article_parse_byline     (const char *line);
/* "LONDON (Wire) -" at the start of a paragraph: the place and, in
 * parentheses, the agency. FALSE when @line has no dateline. */
gboolean  cc_article_parse_dateline   (const char *line,
                                       char      **place,
                                       char      **agency);
/* Whether @title is a heading rather than an opening paragraph. */
gboolean  cc_article_is_title_like    (const char *title);
/* A title for an article whose opening is a paragraph: the file name when
 * it is made of words, else the opening's first sentence when short, else
 * its first words. */
char     *cc_article_fallback_title   (const char     *path,
                                       const char     *opening);
/* Text and Markdown: replaces a paragraph taken as the title by a short
 * first line or the file name, finds byline, dateline agency and date,
 * and removes page-furniture lines from the text. Fills @meta. */
void      cc_article_refine           (CcTextResult   *result,
                                       const char     *path,
                                       CcDocumentMeta *meta);

G_END_DECLS
