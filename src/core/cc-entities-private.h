/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-entities.h"
#include "cc-gazetteer.h"

G_BEGIN_DECLS

/* Token flags */
enum
{
  TF_CAP        = 1 << 0,   /* starts with an upper-case letter */
  TF_ALLCAPS    = 1 << 1,   /* letters all upper case, at least two */
  TF_DIGIT      = 1 << 2,   /* has a digit */
  TF_ALPHA      = 1 << 3,   /* has a letter */
  TF_POSS       = 1 << 4,   /* ends in 's or ’s (not part of the name) */
  TF_NL_BEFORE  = 1 << 5,   /* a line break before it */
  TF_SPACE      = 1 << 6,   /* white space before it */
  TF_SENT_START = 1 << 7,   /* first word of a sentence or quotation */
  TF_HEADLINE   = 1 << 8,   /* in a Title Case line */
  TF_LOWER      = 1 << 9,   /* starts with a lower-case letter */
  TF_INNER_CAP  = 1 << 10,  /* an upper-case letter after the first: "iPhone" */
  TF_NUMBER     = 1 << 11,  /* digits with , and . only: "1,234.5" */
  TF_CLAIMED    = 1 << 12,  /* part of a figure mention */
  TF_WORD       = 1 << 13,  /* a word (else a punctuation character) */
  TF_HYPHEN     = 1 << 14,  /* a word with a hyphen inside: "nine-month" */
};

typedef struct
{
  guint   bstart;     /* byte offsets */
  guint   bend;       /* end of the name part (before a possessive) */
  guint   bfull;      /* end including a possessive */
  guint   cstart;     /* character offsets, same ends */
  guint   cend;
  guint   cfull;
  guint   flags;
  gunichar first;     /* first character */
  guint   lex;        /* CcLex bits of the name part, computed on first use */
  guint   words;      /* the name part's bits in the word lists of cc-entities-votes.c, same */
} CcTok;

typedef struct
{
  const char        *text;
  GArray            *toks;      /* CcTok */
  CcTok             *tok;       /* toks->data and toks->len, once tokenized: */
  guint              n_toks;    /* read for every look at a token */
  GPtrArray         *mentions;  /* CcMention */
  const CcGazetteer *gaz;
  guint64            work;      /* a count of elementary steps, for tests */
  const GDate       *reference; /* the article's date, for relative dates; may be NULL */
  guint8            *cues;      /* per token, for figures (analysis/cc-values-scan.c) */
  char               lower[16]; /* scratch: a short token in lower case */
  GString           *scratch;   /* scratch: a surface for a look-up */
  GByteArray        *cue_buf;   /* holds cues */
  gpointer          *names_buf; /* kept: the names' table, candidates and storage (cc-entities-names.c) */
  GHashTable       **figure_memo; /* kept: the words of figures (analysis/cc-values-scan.c) */
  guint              headline_from; /* the tokens marked TF_HEADLINE are in */
  guint              headline_to;   /* [from, to), by cc_scan_names_prepare() */
} CcScan;

#define SCAN_TOK(s, i) (&(s)->tok[(i)])

/* cc-entities-scan.c */
/* FALSE, with no tokens, when the text is not valid UTF-8. */
gboolean  cc_scan_tokenize        (CcScan     *scan);
void      cc_scan_values          (CcScan     *scan);
gboolean  cc_scan_adjacent        (CcScan     *scan,
                                   guint       i);
/* The look-ups below run for every token against many words: inline, with
 * no strlen and no other call on the common path. */

/* TRUE if token @i, its name part in ASCII lower case, is @lower. */
static inline gboolean
cc_scan_tok_is (CcScan     *scan,
                guint       i,
                const char *lower)
{
  const CcTok *t;
  const char *s;
  guint n;

  if (i >= scan->n_toks)
    return FALSE;
  t = SCAN_TOK (scan, i);
  s = scan->text + t->bstart;
  n = t->bend - t->bstart;
#define CC_LOWER_ASCII(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c))
  if (n == 0 || CC_LOWER_ASCII (s[0]) != lower[0])
    return FALSE;
  for (guint k = 1; k < n; k++)
    if (lower[k] == '\0' || CC_LOWER_ASCII (s[k]) != lower[k])
      return FALSE;
#undef CC_LOWER_ASCII
  return lower[n] == '\0';
}

/* Token @i is two numbers joined by one hyphen, "6-4", "2-3" (with
 * @point_ok, decimals too: "1.5-2.5"): a score, or a range in one token. */
static inline gboolean
cc_scan_tok_number_pair (CcScan   *scan,
                         guint     i,
                         gboolean  point_ok)
{
  const CcTok *t;
  const char *s, *dash;
  guint n;

  if (i >= scan->n_toks)
    return FALSE;
  t = SCAN_TOK (scan, i);
  if ((t->flags & (TF_DIGIT | TF_HYPHEN | TF_ALPHA)) != (TF_DIGIT | TF_HYPHEN))
    return FALSE;
  s = scan->text + t->bstart;
  n = t->bend - t->bstart;
  dash = memchr (s, '-', n);
  if (dash == NULL || dash == s || dash == s + n - 1)
    return FALSE;
  for (const char *p = s; p < s + n; p++)
    if (p != dash && !g_ascii_isdigit (*p) && !(point_ok && *p == '.'))
      return FALSE;
  return TRUE;
}

/* The CcLex bits of token @i, looked up once. */
static inline guint
cc_scan_tok_lex (CcScan *scan,
                 guint   i)
{
  CcTok *t = SCAN_TOK (scan, i);

  if (!(t->lex & CC_LEX_KNOWN))
    t->lex = (t->flags & TF_WORD) ? cc_gazetteer_lookup (scan->gaz, scan->text + t->bstart,
                                                         t->bend - t->bstart)
                                  : CC_LEX_KNOWN;
  return t->lex;
}

/* TRUE if token @i is a word of the list of @bit (a CcLex bit: one of the
 * word lists of scan->gaz). The bit, not the list, is passed: a constant at
 * every call, with no list to identify first. */
static inline gboolean
cc_scan_tok_has (CcScan *scan,
                 guint   i,
                 guint   bit)
{
  return i < scan->n_toks && (cc_scan_tok_lex (scan, i) & bit) != 0;
}

CcMention *cc_scan_add_mention    (CcScan     *scan,
                                   guint       cstart,
                                   guint       cend,
                                   guint       bstart,
                                   guint       bend,
                                   CcEntityType type,
                                   const char *canonical,
                                   gssize      canonical_len,
                                   const char *value);

/* cc-entities-names.c */
/* Marks sentence starts and Title Case lines. */
void      cc_scan_names_prepare   (CcScan     *scan);
void      cc_scan_names           (CcScan     *scan);
/* Frees what cc_scan_names() kept in *CcScan.names_buf. */
void      cc_scan_names_buf_free  (gpointer    buf);

/* Total of CcScan.work over all extractions, and their number. */
void      cc_entities_add_stats   (guint64     work);

G_END_DECLS
