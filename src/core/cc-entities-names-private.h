/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-entities-private.h"

G_BEGIN_DECLS

/* Shared by the name chunker (cc-entities-names.c) and the type votes
 * (cc-entities-votes.c). */

#define T(i) SCAN_TOK (scan, (i))
#define N_TOKS (scan->n_toks)
#define MAX_CHUNK 12

enum
{
  V_PERSON,
  V_ORG,
  V_PRODUCT,
  V_BENCHMARK,
  V_LOCATION,
  V_EVENT,
  N_VOTES
};

extern const CcEntityType cc_names_vote_types[];

typedef struct _Entity Entity;
struct _Entity
{
  char   *key;         /* these two are in NamesBuf's storage, never freed alone */
  char   *surface;     /* longest form seen */
  gboolean surface_lower; /* the surface has a lower-case letter */
  guint   n_tokens;
  int     votes[N_VOTES];
  guint   strong;      /* mentions not at a sentence start */
  guint   mentions;
  gboolean intrinsic;  /* votes from the words of the name counted */
  Entity *parent;      /* alias of */
  int     type;        /* index into vote_types, -1 = undecided */
  guint   hash;        /* of key, in the names' table (cc-entities-names.c) */
  gsize   key_len;
  Entity *chain;       /* next in its bucket */
  Entity *next;        /* next in the order of creation */
  Entity *surname_of;  /* merge_aliases(): the person last named in full with
                        * this entity's key as surname, */
  gboolean surname_ambiguous; /* and whether another person was before */
};

typedef struct
{
  guint   ts, te;      /* tokens, end exclusive */
  Entity *entity;
  guint   weak : 1;    /* one ambiguous word at a sentence start */
  guint   title : 1;   /* a title was stripped before it */
} Cand;

typedef struct _NamesBuf NamesBuf;

typedef struct
{
  CcScan     *scan;
  NamesBuf   *buf;       /* storage and table of the entities, emptied after each text */
  GArray     *cands;     /* Cand */
  GString    *key;       /* scratch for entity keys */
  guint       line_tok;  /* the first token of the line of token line_at */
  guint       line_at;   /* (cc_names_vote() meets names in order) */
} Names;

static inline const char *
tok_text (CcScan *scan,
          guint   i)
{
  return scan->text + T (i)->bstart;
}

static inline guint
name_len (CcScan *scan,
          guint   i)
{
  return T (i)->bend - T (i)->bstart;
}

static inline gboolean
is_char (CcScan   *scan,
         guint     i,
         gunichar  c)
{
  return i < N_TOKS && !(T (i)->flags & TF_WORD) && T (i)->first == c;
}

static inline gboolean
same_line (CcScan *scan,
           guint   i)
{
  return i < N_TOKS && !(T (i)->flags & TF_NL_BEFORE);
}

gboolean  cc_names_is_title       (CcScan *scan,
                                   guint   i);
char     *cc_names_make_surface   (CcScan *scan,
                                   guint   ts,
                                   guint   te);
const char *cc_names_scratch_surface (CcScan *scan,
                                   guint   ts,
                                   guint   te);
/* A NULL-terminated list of lower-case words: all lists are hashed into
 * one table on first use, each list one bit of it (cc-entities-votes.c). */
typedef struct
{
  const char * const *words;
  guint               bit;
} CcWordList;

gboolean  cc_names_tok_in_list_slow (CcScan           *scan,
                                     guint             i,
                                     CcWordList       *list);

/* CcTok.words: the bits below are computed */
#define CC_WORDS_KNOWN (1u << 31)

/* TRUE if token @i, its name part in ASCII lower case, is a word of @list:
 * inline, a bit test once the token has been looked up. */
static inline gboolean
cc_names_tok_in_list (CcScan     *scan,
                      guint       i,
                      CcWordList *list)
{
  const CcTok *t;

  if (i >= scan->n_toks)
    return FALSE;
  t = SCAN_TOK (scan, i);
  if (!(t->flags & TF_WORD))
    return FALSE;
  /* a list's bit is set when the table is built, before any token's */
  if (G_LIKELY ((t->words & CC_WORDS_KNOWN) && list->bit != 0))
    return (t->words & list->bit) != 0;
  return cc_names_tok_in_list_slow (scan, i, list);
}
/* "de", "la", "van", "bin": a particle of a person's name, in either case. */
gboolean  cc_names_is_particle    (CcScan *scan,
                                   guint   i);
/* "north", "eastern", "central": a compass word, part of a place's name. */
gboolean  cc_names_is_compass     (CcScan *scan,
                                   guint   i);
/* "company", "rival", "startup": a noun that says a name is an organisation's. */
gboolean  cc_names_is_org_noun    (CcScan *scan,
                                   guint   i);
/* "said", "announced", "scored": a verb that follows a name. */
gboolean  cc_names_is_verb_after_name (CcScan *scan,
                                   guint   i);
/* "Hurricane Ida", "Tropical Storm Bo": tokens [ts, te) name a storm. */
gboolean  cc_names_is_storm       (CcScan *scan,
                                   guint   ts,
                                   guint   te);
/* Tokens [ts, te), in capitals at a line start, are the city of a dateline
 * ("PORTLAND, Ore. (AP) —"). */
gboolean  cc_names_in_dateline    (CcScan *scan,
                                   guint   ts,
                                   guint   te);
/* Adds the votes of one mention (and, once per name, of its words). */
void      cc_names_vote           (Names  *nm,
                                   Cand   *c);

extern CcWordList cc_names_title_modifiers;
extern CcWordList cc_names_org_ends;
extern CcWordList cc_names_faction_words;

G_END_DECLS
