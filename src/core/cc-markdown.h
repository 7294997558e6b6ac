/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writing user text into CommonMark so that it stays literal text: whatever
 * it holds (emphasis and code markers, headings, block quotes, list starts,
 * thematic breaks, HTML, links, entities, leading spaces, blank lines), a
 * CommonMark parser gives back exactly that text.
 *
 * The rules: ASCII punctuation that can mean something inline is
 * backslash-escaped wherever it stands (\ ` * _ [ ] < > & # | ~, and % or =
 * when doubled), the characters that start a block only at the start of a
 * line (list markers "- ", "+ ", "1. ", "1) ", and "---", "="); spaces and tabs at
 * either end of a line are written as character references (&#32; &#9;) so
 * they are neither stripped nor read as indentation; line breaks are hard
 * breaks (a backslash at the end of the line), a blank line is a line
 * holding only that backslash, and line breaks at the very end are &#10;, so
 * one text is always one paragraph. Invalid UTF-8 and control characters
 * other than line feed and tab are replaced first (vertical tab, form feed
 * and carriage return by a space, the others by U+FFFD): they reach
 * neither the reader's terminal nor the renderer. Punctuation that cannot mean anything
 * where it stands (".", ",", "'", "(", "$", "%") is left alone, so the
 * Markdown still reads well as plain text. */

/* @text as one line of inline content (for a heading, a list item, a table
 * cell): line breaks and runs of white space become one space, ends are
 * trimmed. */
void  cc_markdown_append_inline      (GString    *out,
                                      const char *text);
/* The same for text that follows other text on its line (never at the
 * start of a line or of a list item): the characters that only start a
 * block there are left alone. */
void  cc_markdown_append_text        (GString    *out,
                                      const char *text);
/* @text as one paragraph: each output line starts with @line_prefix (""
 * for a plain paragraph, "> " for a block quote) and the block ends with a
 * newline. Empty @text writes nothing. */
void  cc_markdown_append_paragraph   (GString    *out,
                                      const char *text,
                                      const char *line_prefix);
/* @text as a YAML double-quoted scalar (with the quotes): backslash, quote
 * and every control or line-separator character escaped, and the
 * characters CommonMark reads as inline syntax (` * _ [ ] < > ~ |) written
 * as \xNN escapes, so that a renderer that shows the front matter as
 * Markdown shows it as text. */
void  cc_markdown_append_yaml_string (GString    *out,
                                      const char *text);

G_END_DECLS
