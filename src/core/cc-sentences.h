/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint start;  /* character offsets into the text, end exclusive */
  guint end;
} CcSpan;

/* Sentences of @text, found with Unicode sentence boundaries (Pango log
 * attributes, UAX #29), trimmed of surrounding white space; a line break
 * always ends a sentence (headlines have no full stop). Never splits on a
 * decimal point or a common abbreviation. Returns a GArray of CcSpan. */
GArray *cc_sentences_split (const char *text);

/* The same, with every sentence longer than @max_chars characters (run-on
 * text: a table, a list without full stops) cut after a space into pieces
 * of at most about @max_chars, so that the work done per sentence stays
 * bounded whatever the input. */
GArray *cc_sentences_split_bounded (const char *text,
                                    guint       max_chars);

G_END_DECLS
