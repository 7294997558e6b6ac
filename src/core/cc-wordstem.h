/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words of a text, lower-cased and stemmed with the Snowball English
 * stemmer (libstemmer), for the comparison code (claims, alignment).
 * A CcWordStem is not thread-safe: use one per thread. */
typedef struct _CcWordStem CcWordStem;

typedef struct
{
  guint  start;  /* character offsets into the text, end exclusive */
  guint  end;
  char  *word;   /* lower-cased surface */
  char  *stem;   /* stem (interned in the CcWordStem, do not free) */
} CcWord;

CcWordStem *cc_word_stem_new          (void);
void        cc_word_stem_free         (CcWordStem *self);
/* The stem of one lower-cased word; the string is owned by @self. */
const char *cc_word_stem_stem         (CcWordStem *self,
                                       const char *word);
/* Splits @text into words: runs of letters and digits, keeping a '.' or
 * ',' between digits and an apostrophe or hyphen between letters. Returns a
 * GArray of CcWord sorted by start (the array frees each word). */
GArray     *cc_word_stem_split        (CcWordStem *self,
                                       const char *text);
/* TRUE for English function words ("the", "of", "and", ...). */
gboolean    cc_word_is_stop_word      (const char *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcWordStem, cc_word_stem_free)

G_END_DECLS
