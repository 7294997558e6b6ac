/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-entities"

#include "config.h"

#include <string.h>

#include "cc-entities-names-private.h"

/* Type votes for a capitalised name: from its words (word lists, digits)
 * once per name, and from its context (titles, speech verbs, appositives,
 * possessives, benchmark and product cues) for every mention. The votes of
 * all mentions of a name are summed over the document. */

/* The word lists below, all in one open-addressing table of
 * CC_WORD_SLOTS slots built on first use: a word maps to one bit per list
 * it is in. A token is looked up once, folded to lower case on the fly
 * with no copy, and its bits are kept in the token: a name's context words
 * are asked about against several lists each, for every mention. */
#define CC_WORD_SLOTS 1024

typedef struct
{
  const char *word;
  guint       len;
  guint       bits;
} CcWordSlot;

static inline guint
word_hash (const char *s,
           guint       n)
{
#define WORD_LOWER(c) ((guchar)((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c)))
  guint h = 2166136261u;

  for (guint k = 0; k < n; k++)
    h = (h ^ WORD_LOWER (s[k])) * 16777619u;
  return (h ^ (h >> 15)) & (CC_WORD_SLOTS - 1);
}

/* Written once, by g_once_init_leave(); word_table_init() runs before any
 * read on every thread. */
static CcWordSlot *word_table;
static void word_table_init (void);

/* The list bits of the word @s of @n bytes, in any case. */
static guint
word_table_lookup (const char *s,
                   guint       n)
{
  for (guint h = word_hash (s, n); word_table[h].word != NULL; h = (h + 1) % CC_WORD_SLOTS)
    if (word_table[h].len == n)
      {
        const char *w = word_table[h].word;
        guint k = 0;

        while (k < n && WORD_LOWER (s[k]) == (guchar)w[k])
          k++;
        if (k == n)
          return word_table[h].bits;
      }
  return 0;
#undef WORD_LOWER
}

/* cc_names_tok_in_list() when the token's bits are not known yet, or the
 * table not built. */
gboolean
cc_names_tok_in_list_slow (CcScan     *scan,
                           guint       i,
                           CcWordList *list)
{
  CcTok *t;

  word_table_init ();
  if (i >= N_TOKS || !((t = T (i))->flags & TF_WORD))
    return FALSE;
  if (!(t->words & CC_WORDS_KNOWN))
    t->words = CC_WORDS_KNOWN | (t->bend > t->bstart ? word_table_lookup (scan->text + t->bstart,
                                                                           t->bend - t->bstart)
                                                     : 0);
  return (t->words & list->bit) != 0;
}

static const char * const title_modifier_words[] = {
  "former", "acting", "interim", "deputy", "assistant", "associate", "senior", "junior",
  "principal", "vice", NULL,
};
CcWordList cc_names_title_modifiers = { title_modifier_words };
static const char * const product_heads_words[] = {
  "model", "app", "chatbot", "assistant", "drug", "pill", "medicine", "vaccine", "phone",
  "smartphone", "device", "glasses", "headset", "laptop", "tablet", "car", "chip",
  "processor", "console", "game", "browser", "robot", "camera", "train", "aircraft",
  "jet", "satellite", "rocket", "software", "spacecraft", "capsule", "shuttle", "probe",
  "rover", "lander", "spaceship", "vessel", "ship", "helicopter", "drone", NULL,
};
static CcWordList product_heads = { product_heads_words };
static const char * const event_nouns_words[] = {
  "trial", "trials", "study", "studies", "conference", "summit", "tournament", "election",
  "campaign", "programme", "program", "project", "initiative", "operation", "war", "act",
  "law", "bill", "treaty", "accord", "tour", NULL,
};
static CcWordList event_nouns = { event_nouns_words };
static const char * const place_nouns_words[] = {
  "neighbourhood", "neighborhood", "district", "area", "region", "suburb", "county",
  "province", "borough", "city", "town", "village", "state", "island", "valley",
  "constituency", "municipality", "seat", NULL,
};
static CcWordList place_nouns = { place_nouns_words };
/* nouns a legislature or party modifies: "the Senate elections", "Party X
 * seats" (a place known as such keeps its own, stronger vote) */
static const char * const body_modified_words[] = {
  "election", "elections", "polls", "seats", "constituencies", "members", "majority", NULL,
};
static CcWordList body_modified = { body_modified_words };
static const char * const speech_verbs_words[] = {
  "said", "says", "told", "added", "explained", "noted", "argued", "wrote", "stated",
  "warned", "recalled", "acknowledged", "insisted", "believes", "thinks", NULL,
};
static CcWordList speech_verbs = { speech_verbs_words };
static const char * const org_nouns_words[] = {
  "company", "companies", "firm", "startup", "start-up", "lab", "laboratory", "maker",
  "developer", "giant", "rival", "group", "agency", "club", "team", "university",
  "organisation", "organization", "nonprofit", "charity", "operator", "manufacturer",
  "supplier", "provider", "regulator", "outlet", "newspaper", "publisher", "bank",
  "insurer", "retailer", "carrier", "airline", "union", "party", "council", "ministry",
  "department", "government", "side", "subsidiary", "conglomerate", "consortium",
  "division", "brand", "chain", "franchise", NULL,
};
static CcWordList org_nouns = { org_nouns_words };
static const char * const org_possessions_words[] = {
  "shares", "stock", "chief", "ceo", "cfo", "executives", "board", "employees",
  "headquarters", "rivals", "investors", "revenue", "profit", "subsidiary", "division",
  "acquisition", "founder", "spokesperson", "spokesman", "spokeswoman", "lab", "labs",
  "engineers", "researchers", "platform", "products", "strategy", "ecosystem",
  "valuation", "statement", "website", "staff", "workers", "members", "customers",
  "users", "shareholders", "management", "plant", "factory", "fleet", "network",
  "operator", "offices", "budget", NULL,
};
static CcWordList org_possessions = { org_possessions_words };
static const char * const person_possessions_words[] = {
  "wife", "husband", "son", "daughter", "career", "agent", "mother", "father", "family",
  "brother", "sister", "friend", "girlfriend", "boyfriend", "wages", "contract", "goals",
  "life", "death", "office", "speech", "remarks", "comments", "campaign", NULL,
};
static CcWordList person_possessions = { person_possessions_words };
static const char * const org_verbs_words[] = {
  "announced", "unveiled", "launched", "released", "introduced", "plans", "planned",
  "sells", "sold", "acquired", "hired", "deploys", "deployed", "invested", "invests",
  "spent", "builds", "built", "develops", "developed", "employs", "reported", "raised",
  "signed", "agreed", "confirmed", "ordered", "operates", "owns", "bought", NULL,
};
static CcWordList org_verbs = { org_verbs_words };
static const char * const product_verbs_after_words[] = {
  "scored", "scores", "scoring", "outperformed", "outperforms", "powers", "achieved",
  "ranks", "ranked", "beat", "beats", "trails", "runs", "supports", "debuts", NULL,
};
static CcWordList product_verbs_after = { product_verbs_after_words };
static const char * const product_verbs_before_words[] = {
  "unveiled", "launched", "released", "introduced", "debuted", "shipped", "using",
  "uses", "use", "powered", "deploying", "deployed", "trained", "test", "tested",
  "testing", NULL,
};
static CcWordList product_verbs_before = { product_verbs_before_words };
/* "JD(U)", "Workers Party (Reformed)": the words that end a party's or
 * company's name before a bracketed qualifier, and "Rao faction", "youth
 * wing" inside one (cc-entities-names.c) */
static const char * const org_end_words[] = { "party", "front", "alliance", "league", "congress", NULL };
CcWordList cc_names_org_ends = { org_end_words };
static const char * const faction_word_list[] = { "faction", "group", "wing", NULL };
CcWordList cc_names_faction_words = { faction_word_list };

/* the words that head a storm's name: "Hurricane Ida", "Tropical Storm Bo" */
static const char * const storm_word_list[] = {
  "hurricane", "typhoon", "cyclone", "storm", "tropical", "superstorm", NULL,
};
static CcWordList storm_words = { storm_word_list };
/* "East Portland", "Northern Ireland": a part of a known place */
static const char * const compass_word_list[] = {
  "north", "south", "east", "west", "northern", "southern", "eastern", "western",
  "northeast", "northwest", "southeast", "southwest", "central", "greater", "upper", "lower",
  NULL,
};
static CcWordList compass_words = { compass_word_list };
/* "shares fell 3% on the New York Stock Exchange": a market, not a test */
static const char * const market_move_list[] = {
  "fell", "rose", "dropped", "gained", "climbed", "slid", "jumped", "lost", "added", "surged",
  "tumbled", "plunged", "slipped", "rallied", "edged", "declined", "sank", "soared", "dipped",
  "up", "down", "higher", "lower", NULL,
};
static CcWordList market_moves = { market_move_list };

/* "Tennis Australia", "Cricket Ireland": a sport's national body */
static const char * const sport_word_list[] = {
  "tennis", "cricket", "rugby", "football", "soccer", "swimming", "athletics", "cycling",
  "hockey", "basketball", "netball", "golf", "rowing", "sailing", "skiing", "gymnastics",
  "boxing", "volleyball", "badminton", "triathlon", "snowsport", "equestrian", NULL,
};
static CcWordList sport_words = { sport_word_list };

static CcWordList *const all_lists[] = {
  &cc_names_title_modifiers, &product_heads, &event_nouns, &place_nouns, &body_modified,
  &speech_verbs, &org_nouns, &org_possessions, &person_possessions, &org_verbs,
  &product_verbs_after, &product_verbs_before, &cc_names_org_ends, &cc_names_faction_words,
  &storm_words, &compass_words, &market_moves, &sport_words,
};
static const guint n_all_lists = G_N_ELEMENTS (all_lists);

static void
word_table_init (void)
{
  if (g_once_init_enter (&word_table))
    {
      CcWordSlot *slots = g_new0 (CcWordSlot, CC_WORD_SLOTS);
      guint n_words = 0;

      g_assert (n_all_lists < 31);
      for (guint l = 0; l < n_all_lists; l++)
        {
          const char * const *words = all_lists[l]->words;

          all_lists[l]->bit = 1u << l;
          for (guint k = 0; words[k] != NULL; k++)
            {
              guint n = strlen (words[k]);
              guint h;

              if (n == 0)
                continue;
              for (h = word_hash (words[k], n); slots[h].word != NULL; h = (h + 1) % CC_WORD_SLOTS)
                if (slots[h].len == n && memcmp (slots[h].word, words[k], n) == 0)
                  break;
              if (slots[h].word == NULL)
                g_assert (++n_words < CC_WORD_SLOTS / 2);
              slots[h].word = words[k];
              slots[h].len = n;
              slots[h].bits |= all_lists[l]->bit;
            }
        }
      g_once_init_leave (&word_table, slots);
    }
}

gboolean
cc_names_is_compass (CcScan *scan,
                     guint   i)
{
  return cc_names_tok_in_list (scan, i, &compass_words);
}

gboolean
cc_names_is_org_noun (CcScan *scan,
                      guint   i)
{
  guint n;
  const char *s;

  if (cc_names_tok_in_list (scan, i, &org_nouns))
    return TRUE;
  if (i >= N_TOKS || !(T (i)->flags & TF_WORD))
    return FALSE;
  /* "chipmaker", "drugmaker", "automakers": a maker of something */
  s = tok_text (scan, i);
  n = name_len (scan, i);
  if (n > 0 && s[n - 1] == 's')
    n--;
  return n > 6 && g_ascii_strncasecmp (s + n - 5, "maker", 5) == 0;
}

gboolean
cc_names_is_verb_after_name (CcScan *scan,
                             guint   i)
{
  return cc_names_tok_in_list (scan, i, &speech_verbs) ||
         cc_names_tok_in_list (scan, i, &org_verbs) ||
         cc_names_tok_in_list (scan, i, &product_verbs_after);
}

static int
votes_from_noun (CcScan *scan,
                 guint   i,
                 int    *votes,
                 int     weight)
{
  if (cc_scan_tok_has (scan, i, CC_LEX_BENCHMARK))
    return votes[V_BENCHMARK] += weight + 2;
  if (cc_scan_tok_has (scan, i, CC_LEX_PRODUCT))
    return votes[V_PRODUCT] += weight;
  if (cc_names_tok_in_list (scan, i, &org_nouns))
    return votes[V_ORG] += weight;
  if (cc_names_tok_in_list (scan, i, &event_nouns))
    return votes[V_EVENT] += weight;
  if (cc_names_tok_in_list (scan, i, &place_nouns))
    return votes[V_LOCATION] += weight;
  if (cc_scan_tok_has (scan, i, CC_LEX_TITLE))
    return votes[V_PERSON] += weight;
  return 0;
}

/* ", a new AI model", " is an open benchmark": the noun of an appositive or
 * a description, within a few lower-case words. */
static gboolean
vote_description (CcScan *scan,
                  guint   i,
                  int    *votes,
                  int     weight)
{
  if (!(cc_scan_tok_is (scan, i, "a") || cc_scan_tok_is (scan, i, "an") ||
        cc_scan_tok_is (scan, i, "the")))
    return FALSE;
  for (guint k = i + 1; k < i + 6 && k < N_TOKS && same_line (scan, k); k++)
    {
      if (!(T (k)->flags & TF_WORD))
        return FALSE;
      if (votes_from_noun (scan, k, votes, weight))
        return TRUE;
      /* stop at a verb or function word: "VRR, the trains will enter service" */
      if (cc_scan_tok_has (scan, k, CC_LEX_COMMON) || (T (k)->flags & TF_POSS))
        return FALSE;
    }
  return FALSE;
}

/* @needle is in lower case. */
static gboolean
contains_ci (const char *s,
             gsize       n,
             const char *needle)
{
  gsize m = strlen (needle);

  for (gsize i = 0; i + m <= n; i++)
    if (g_ascii_tolower (s[i]) == needle[0] && g_ascii_strncasecmp (s + i, needle, m) == 0)
      return TRUE;
  return FALSE;
}

/* "Mary-Kate", "Jean-Luc", "Lloyd-Hughes": two capitalised parts of a
 * name joined by a hyphen (an inner capital of another kind is a brand's:
 * "OpenAI", "iPhone") */
static gboolean
is_hyphen_name (CcScan *scan,
                guint   i)
{
  const char *s = tok_text (scan, i);
  guint n = name_len (scan, i);
  const char *dash = memchr (s, '-', n);

  if (dash == NULL || dash - s < 2 || s + n - dash - 1 < 2 || !g_ascii_isupper (dash[1]))
    return FALSE;
  for (const char *p = s + 1; p < s + n; p++)
    if (p != dash && p != dash + 1 && !g_ascii_islower (*p))
      return FALSE;
  return TRUE;
}

/* "CHICAGO", "NEW YORK": a dateline or credit in capitals names a place
 * known as "Chicago". */
static gboolean
is_capitals_place (const CcGazetteer *gaz,
                   const char        *surface)
{
  g_autofree char *lower = NULL;
  gboolean word_start = TRUE;

  for (const char *p = surface; *p; p++)
    if (g_ascii_islower (*p))
      return FALSE;
  lower = g_utf8_strdown (surface, -1);
  for (char *p = lower; *p; p++)
    {
      if (word_start && g_ascii_isalpha (*p))
        *p = g_ascii_toupper (*p);
      word_start = *p == ' ' || *p == '-';
    }
  return g_hash_table_contains (gaz->locations, lower);
}

/* The first token of the line of token @i, or a token more than 16
 * before @i: found by walking on from the last token asked about, as
 * names come in order, else back from @i. */
static guint
line_start (Names *nm,
            guint  i)
{
  CcScan *scan = nm->scan;
  guint k;

  if (i < nm->line_at)
    {
      /* out of order: back from @i, at most 17 tokens (enough for the
       * one caller, which looks 16 tokens back) */
      for (k = i; k > 0 && i - k <= 16 && !(T (k)->flags & TF_NL_BEFORE); k--)
        ;
      return k;
    }
  for (k = nm->line_at + 1; k <= i; k++)
    if (T (k)->flags & TF_NL_BEFORE)
      nm->line_tok = k;
  nm->line_at = i;
  return nm->line_tok;
}

gboolean
cc_names_is_storm (CcScan *scan,
                   guint   ts,
                   guint   te)
{
  /* the first letters of the storm words, before any look-up */
  if (te < ts + 2 || !(T (ts)->flags & TF_CAP) ||
      !(T (ts)->first == 'H' || T (ts)->first == 'T' || T (ts)->first == 'C' || T (ts)->first == 'S') ||
      !cc_names_tok_in_list (scan, ts, &storm_words))
    return FALSE;
  /* "Tropical Storm Bo", "Tropical Depression Nine" */
  if (cc_scan_tok_is (scan, ts, "tropical"))
    return te >= ts + 3 && (cc_scan_tok_is (scan, ts + 1, "storm") ||
                            cc_scan_tok_is (scan, ts + 1, "depression"));
  return TRUE;
}

static gboolean
is_dash (CcScan *scan,
         guint   i)
{
  return is_char (scan, i, 0x2014) || is_char (scan, i, 0x2013) || is_char (scan, i, '-');
}

/* The token after the rest of a dateline that starts with a city at token
 * @i - 1: ", N.J.", ", Ore.", then a wire's credit "(AP)", "(Reuters)". */
static guint
dateline_rest (CcScan *scan,
               guint   i)
{
  if (is_char (scan, i, ',') && i + 1 < N_TOKS && same_line (scan, i + 1) &&
      (T (i + 1)->flags & (TF_CAP | TF_CLAIMED)))
    {
      guint from = i + 1;

      i += 2;
      /* the state, or the day: "GENEVA, Dec 3 (Reuters) -" */
      while (i < N_TOKS && same_line (scan, i) && i - from < 4 &&
             ((is_char (scan, i, '.') && !(T (i)->flags & TF_SPACE)) ||
              (T (i)->flags & (TF_CAP | TF_CLAIMED))))
        i++;
    }
  if (is_char (scan, i, '(') && same_line (scan, i))
    {
      guint k = i + 1;

      while (k < N_TOKS && k - i <= 3 && (T (k)->flags & TF_WORD) && same_line (scan, k))
        k++;
      if (k > i + 1 && is_char (scan, k, ')'))
        i = k + 1;
    }
  return i;
}

gboolean
cc_names_in_dateline (CcScan *scan,
                      guint   ts,
                      guint   te)
{
  guint d;

  for (guint i = ts; i < te; i++)
    if (!(T (i)->flags & TF_ALLCAPS) && !is_char (scan, i, '.'))
      return FALSE;
  if (!(ts == 0 || (T (ts)->flags & TF_NL_BEFORE)) || te >= N_TOKS || !same_line (scan, te))
    return FALSE;
  d = dateline_rest (scan, te);
  /* the story's first sentence follows, not a figure: "JD(U) – 12" is a
   * row of a table */
  return is_dash (scan, d) && d + 1 < N_TOKS && same_line (scan, d + 1) &&
         (T (d + 1)->flags & TF_ALPHA) && !(T (d + 1)->flags & TF_DIGIT);
}

/* Whether a match's score ("3-1", "6-4") follows within the sentence near
 * token @i: "Arsenal beat Chelsea 3-1" is about teams, not models. */
static gboolean
match_score_near (CcScan *scan,
                  guint   i)
{
  for (guint k = i + 1; k < N_TOKS && k <= i + 6 && same_line (scan, k); k++)
    {
      if (is_char (scan, k, '.'))
        break;
      if (name_len (scan, k) <= 7 && cc_scan_tok_number_pair (scan, k, FALSE))
        return TRUE;
    }
  return FALSE;
}

/* Whether a market's move comes before the figure whose last token is @i:
 * "fell 3% on the Nasdaq". */
static gboolean
market_move_before (CcScan *scan,
                    guint   i)
{
  while (i > 0 && (T (i - 1)->flags & TF_CLAIMED))
    i--;
  return i > 0 && cc_names_tok_in_list (scan, i - 1, &market_moves);
}

void
cc_names_vote (Names *nm,
      Cand  *c)
{
  CcScan *scan = nm->scan;
  const CcGazetteer *gaz = scan->gaz;
  int *v = c->entity->votes;
  guint ts = c->ts, te = c->te, n = te - ts;
  guint last = te - 1;
  gboolean has_digit = FALSE;
  gboolean has_org_word = FALSE;
  const char *surface;

  for (guint i = ts; i < te; i++)
    {
      if (T (i)->flags & TF_DIGIT)
        has_digit = TRUE;
      if (!c->entity->intrinsic && i > ts && cc_scan_tok_has (scan, i, CC_LEX_LEGAL))
        v[V_ORG] += 8;
      if (!c->entity->intrinsic && contains_ci (tok_text (scan, i), name_len (scan, i), "bench"))
        v[V_BENCHMARK] += 5;
    }
  has_org_word = n >= 2 && (cc_scan_tok_has (scan, last, CC_LEX_ORG_WORD) ||
                            (n >= 3 && cc_scan_tok_has (scan, ts + 1, CC_LEX_ORG_WORD)) ||
                            (cc_scan_tok_has (scan, ts, CC_LEX_ORG_HEAD) &&
                             cc_scan_tok_is (scan, ts + 1, "of")));

  /* What the name contains: counted once per name */
  if (c->entity->intrinsic)
    goto context;
  c->entity->intrinsic = TRUE;
  /* in the scan's scratch string: nothing below writes it */
  surface = cc_names_scratch_surface (scan, ts, te);
  /* a word in capitals inside a line may be an acronym that happens to
   * spell a place ("the INDIA bloc"); at a line start it is a dateline */
  if (g_hash_table_contains (gaz->locations, surface) ||
      ((n >= 2 || (T (ts)->flags & TF_NL_BEFORE) || ts == 0) && is_capitals_place (gaz, surface)))
    v[V_LOCATION] += 6;
  /* "East Portland", "Southern Lebanon": a part of a known place */
  else if (n >= 2 && cc_names_tok_in_list (scan, ts, &compass_words) &&
           g_hash_table_contains (gaz->locations, cc_names_scratch_surface (scan, ts + 1, te)))
    v[V_LOCATION] += 6;
  /* "Leeds East", "Berlin Mitte" is not listed: a constituency or district */
  else if (n >= 2 && cc_names_tok_in_list (scan, last, &compass_words) && (T (last)->flags & TF_CAP) &&
           g_hash_table_contains (gaz->locations, cc_names_scratch_surface (scan, ts, last)))
    v[V_LOCATION] += 6;
  /* "Doctors Without Borders", "Physicians for Human Rights": people of a
   * calling, plural, heading a body's name */
  if (n >= 3 && (T (ts)->flags & TF_CAP) && !cc_scan_tok_has (scan, ts, CC_LEX_TITLE) &&
      cc_names_is_title (scan, ts) &&
      (cc_scan_tok_has (scan, ts + 1, CC_LEX_COMMON) || (T (ts + 1)->flags & TF_LOWER)))
    v[V_ORG] += 4;
  /* "Tennis Australia", "Cricket Ireland": a sport's national body */
  if (n == 2 && cc_names_tok_in_list (scan, ts, &sport_words) &&
      g_hash_table_contains (gaz->locations, cc_names_scratch_surface (scan, ts + 1, te)))
    v[V_ORG] += 8;
  /* "Hurricane Ida", "Tropical Storm Bo": a storm is an event */
  if (cc_names_is_storm (scan, ts, te) && !has_org_word)
    v[V_EVENT] += 10;
  if (n >= 2 && cc_scan_tok_has (scan, last, CC_LEX_ORG_WORD))
    v[V_ORG] += 4, has_org_word = TRUE;
  else if (n >= 3)
    for (guint i = ts + 1; i < te; i++)
      if (cc_scan_tok_has (scan, i, CC_LEX_ORG_WORD))
        {
          v[V_ORG] += 4, has_org_word = TRUE;
          break;
        }
  if (n >= 3 && cc_scan_tok_has (scan, ts, CC_LEX_ORG_HEAD) && cc_scan_tok_is (scan, ts + 1, "of"))
    v[V_ORG] += 4, has_org_word = TRUE;
  if (n >= 2 && cc_scan_tok_has (scan, last, CC_LEX_EVENT))
    v[V_EVENT] += 5;
  {
    guint l = last;

    while (l > ts && (T (l)->flags & TF_DIGIT))
      l--;
    if (n >= 2 && l > ts && cc_scan_tok_has (scan, l, CC_LEX_BENCHMARK))
      v[V_BENCHMARK] += 5;
  }
  if (n >= 2 && (cc_scan_tok_has (scan, last, CC_LEX_LOC_LAST) ||
                 cc_scan_tok_has (scan, ts, CC_LEX_LOC_FIRST)))
    v[V_LOCATION] += 3;
  /* "Model 3", "H100"; not "20th Ward", "82nd Avenue" */
  if (has_digit && !has_org_word &&
      !(n == 2 && (T (ts)->flags & TF_DIGIT) && cc_scan_tok_has (scan, last, CC_LEX_LOC_LAST)))
    v[V_PRODUCT] += 3;
  /* "Halden & Frost", "Procter & Gamble": a firm, not a person */
  for (guint i = ts + 1; i + 1 < te; i++)
    if (is_char (scan, i, '&'))
      {
        v[V_ORG] += 4;
        break;
      }
  /* a quoted nickname inside a name: "Ann “Nan” Lee" */
  for (guint i = ts + 1; i + 1 < te; i++)
    if (is_char (scan, i, 0x201C) || is_char (scan, i, '"'))
      {
        v[V_PERSON] += 5;
        break;
      }
  if (cc_scan_tok_has (scan, ts, CC_LEX_FIRST_NAME) && !has_digit && !has_org_word)
    {
      /* "Ann Lee", and "ANN LEE" in a credit line written in capitals */
      if (n >= 2 && n <= 4 && (T (ts + 1)->flags & TF_CAP) &&
          (!(T (ts + 1)->flags & TF_ALLCAPS) || (T (ts)->flags & TF_ALLCAPS)))
        v[V_PERSON] += 4;
      else if (n == 1)
        v[V_PERSON] += 1;
    }
  if (n >= 2 && n <= 3 && !has_digit && !has_org_word)
    {
      gboolean plain = TRUE;
      for (guint i = ts; i < te; i++)
        if ((T (i)->flags & TF_ALLCAPS) ||
            ((T (i)->flags & TF_INNER_CAP) && !is_hyphen_name (scan, i)) || !(T (i)->flags & TF_CAP) ||
            cc_scan_tok_has (scan, i, CC_LEX_COMMON) ||
            /* "Downing Street": no person's name */
            cc_scan_tok_has (scan, i, CC_LEX_LOC_LAST))
          plain = FALSE;
      /* three plain words are a person's only with a given name first:
       * "Ann Marie Lee" but not "Rashtriya Lok Dal" */
      if (plain && (n == 2 || cc_scan_tok_has (scan, ts, CC_LEX_FIRST_NAME)))
        v[V_PERSON] += 1;
    }
  if (n == 1 && (T (ts)->flags & TF_ALLCAPS) && name_len (scan, ts) <= 6)
    v[V_ORG] += 1;
  /* "Marine Le Pen", "Rafael de la Cruz", "Bashar al-Assad": a particle
   * between capitalised words is a person's name's */
  if (n >= 2 && !has_org_word && !has_digit && (T (ts)->flags & TF_CAP) &&
      (T (last)->flags & TF_LOWER) && (T (last)->flags & TF_HYPHEN) && name_len (scan, last) > 4 &&
      (g_ascii_strncasecmp (tok_text (scan, last), "al-", 3) == 0 ||
       g_ascii_strncasecmp (tok_text (scan, last), "el-", 3) == 0))
    v[V_PERSON] += 3;   /* "Karim al-Hadi": an Arabic article before a surname */
  else if (n >= 3 && !has_org_word && !has_digit && (T (ts)->flags & TF_CAP) && (T (last)->flags & TF_CAP))
    {
      gboolean particle = FALSE, body = FALSE;

      /* not "Journal du Soir", "Banco de Chile": no word of a body's */
      for (guint i = ts; i < te; i++)
        if (cc_scan_tok_lex (scan, i) & (CC_LEX_ORG_WORD | CC_LEX_ORG_HEAD | CC_LEX_LOC_LAST | CC_LEX_EVENT))
          body = TRUE;
        else if (i > ts && i < last && cc_names_is_particle (scan, i))
          particle = TRUE;
      if (particle && !body)
        v[V_PERSON] += 3;
    }
  /* "N Chandrababu Naidu", "J. K. Lee": an initial before a name is a
   * person's */
  if (n >= 2 && n <= 4 && name_len (scan, ts) == 1 && (T (ts)->flags & TF_CAP) && !has_digit &&
      !has_org_word && (T (last)->flags & TF_CAP) && name_len (scan, last) >= 3 &&
      !(T (last)->flags & TF_ALLCAPS))
    v[V_PERSON] += 3;

context:

  /* A byline: "By Jane Roe, The Daily Planet" or "Jane Roe | Daily Planet" */
  {
    guint first = line_start (nm, ts);

    /* only near the start of a line */
    if (ts - first <= 16)
      {
        if (cc_scan_tok_is (scan, first, "by") && (T (first)->flags & TF_CAP))
          {
            if (ts == first + 1)
              v[V_PERSON] += 4;
            else if (ts >= 2 && (is_char (scan, ts - 1, ',') ||
                                 (cc_scan_tok_is (scan, ts - 1, "the") && is_char (scan, ts - 2, ','))))
              v[V_ORG] += 4;
          }
        else if (ts == first && te < N_TOKS && is_char (scan, te, '|'))
          v[V_PERSON] += 4;
        else if (ts > first && (is_char (scan, ts - 1, '|') ||
                                (cc_scan_tok_is (scan, ts - 1, "the") && is_char (scan, ts - 2, '|'))))
          v[V_ORG] += 4;
      }
  }

  /* A dateline: "DRUMLOW — The factory...", "PORTLAND, Ore. (AP) — ..." */
  if (ts < N_TOKS && (T (ts)->flags & TF_NL_BEFORE) && (T (ts)->flags & TF_ALLCAPS) &&
      te < N_TOKS && same_line (scan, te) && is_dash (scan, dateline_rest (scan, te)) &&
      /* but "ABC – 240" alone on its line is a row of a table of figures */
      !(te + 1 < N_TOKS && (T (te + 1)->flags & TF_NUMBER) &&
        (te + 2 >= N_TOKS || !same_line (scan, te + 2))))
    v[V_LOCATION] += 5;

  /* What stands before it */
  if (c->title)
    v[V_PERSON] += 6;
  /* "the Janata Dal", "the Gulf Coast": news writing puts no article
   * before a person's name */
  if (ts > 0 && same_line (scan, ts) && cc_scan_tok_is (scan, ts - 1, "the") && !c->title)
    v[V_PERSON] -= 3;
  if (ts > 0 && same_line (scan, ts))
    {
      guint p = ts - 1;

      if ((T (p)->flags & TF_LOWER) && cc_scan_tok_has (scan, p, CC_LEX_TITLE) &&
          !cc_names_tok_in_list (scan, p, &cc_names_title_modifiers))
        v[V_PERSON] += 5;
      else if (cc_names_is_org_noun (scan, p) && !(T (p)->flags & TF_POSS))
        v[V_ORG] += 3;   /* "the company X", "Rival X"; not the owner "the Agency's X" */
      else if ((T (p)->flags & TF_LOWER) && cc_names_tok_in_list (scan, p, &product_heads))
        v[V_PRODUCT] += 3;   /* "the pill Corvexa", "the model X" */
      else if ((T (p)->flags & TF_LOWER) && cc_names_tok_in_list (scan, p, &event_nouns))
        v[V_EVENT] += 3;
      else if (cc_scan_tok_is (scan, p, "called") || cc_scan_tok_is (scan, p, "named") ||
               cc_scan_tok_is (scan, p, "dubbed"))
        {
          guint q = p > 1 && is_char (scan, p - 1, ',') ? p - 2 : p - 1;

          if (p > 0 && cc_names_tok_in_list (scan, q, &event_nouns))
            v[V_EVENT] += 4;
          else if (p > 0 && cc_names_tok_in_list (scan, q, &org_nouns))
            v[V_ORG] += 4;
          else if (p > 0 && votes_from_noun (scan, q, v, 4))
            ;
          else
            v[V_PRODUCT] += 2;
        }
      else if ((cc_scan_tok_is (scan, p, "like") || cc_scan_tok_is (scan, p, "including") ||
                (cc_scan_tok_is (scan, p, "as") && p > 0 && cc_scan_tok_is (scan, p - 1, "such"))) &&
               p > 1 && (T (p - 1)->flags & TF_LOWER) &&
               votes_from_noun (scan, cc_scan_tok_is (scan, p, "as") ? p - 2 : p - 1, v, 3))
        ;   /* "models like X", "apps such as X" */
      else if ((cc_scan_tok_is (scan, p, "to") && p > 0 &&
                (cc_scan_tok_is (scan, p - 1, "took") || cc_scan_tok_is (scan, p - 1, "takes"))) ||
               (cc_scan_tok_is (scan, p, "on") && p > 0 &&
                (cc_scan_tok_is (scan, p - 1, "posted") || cc_scan_tok_is (scan, p - 1, "wrote") ||
                 cc_scan_tok_is (scan, p - 1, "posting") || cc_scan_tok_is (scan, p - 1, "shared"))))
        v[V_PRODUCT] += 4;   /* "took to X", "posted on X": a platform */
      else if ((cc_scan_tok_is (scan, p, "across") || cc_scan_tok_is (scan, p, "inside")) &&
               (T (p)->flags & TF_LOWER))
        v[V_PRODUCT] += 3;   /* "rolled out across X, Y and Z": apps, unless a place */
      else if (cc_names_tok_in_list (scan, p, &product_verbs_before))
        v[V_PRODUCT] += 2;
      else if (cc_scan_tok_is (scan, p, "at") && n >= 2 && cc_scan_tok_has (scan, last, CC_LEX_LOC_LAST))
        v[V_LOCATION] += 3;    /* "at Rod Laver Arena", "at Wembley Stadium": a venue */
      else if (cc_scan_tok_is (scan, p, "at") || cc_scan_tok_is (scan, p, "joined") ||
               cc_scan_tok_is (scan, p, "from"))
        v[V_ORG] += 1;
      else if (cc_scan_tok_is (scan, p, "of") && p >= 3 && is_char (scan, p - 1, ',') &&
               (T (p - 2)->flags & TF_NUMBER) && is_char (scan, p - 3, ','))
        v[V_LOCATION] += 5;    /* "Ann Lee, 34, of Cicero": where a person lives */
      else if (cc_scan_tok_is (scan, p, "in") && !(T (last)->flags & TF_POSS))
        v[V_LOCATION] += 1;    /* not "in NASA's control room" */
      else if (cc_scan_tok_is (scan, p, "near"))
        v[V_LOCATION] += 2;    /* "near X": seldom said of anything else */
      else if (cc_scan_tok_is (scan, p, "on") && p > 0 &&
               (T (p - 1)->flags & TF_CLAIMED) && !market_move_before (scan, p - 1))
        v[V_BENCHMARK] += 5;   /* "scored 52 on X", "50.2% on X" */
      else if (cc_scan_tok_is (scan, p, "said") && n >= 2)
        v[V_PERSON] += 2;
      else if (cc_scan_tok_is (scan, p, "the") && p > 0 && cc_scan_tok_is (scan, p - 1, "on") &&
               p > 1 && (T (p - 2)->flags & TF_CLAIMED) && !market_move_before (scan, p - 2))
        v[V_BENCHMARK] += 5;
      else if (cc_scan_tok_is (scan, p, "to") && p > 0 && cc_scan_tok_is (scan, p - 1, "according")
               && n >= 2)
        v[V_PERSON] += 1;
      /* "(X)" in "Name (X)" is handled as an acronym */
    }

  /* What follows it */
  if (te < N_TOKS && same_line (scan, te))
    {
      guint a = te;

      if (T (last)->flags & TF_POSS)
        {
          if (cc_names_tok_in_list (scan, a, &org_possessions))
            v[V_ORG] += 2;
          else if (cc_names_tok_in_list (scan, a, &person_possessions))
            v[V_PERSON] += 2;
          else if (cc_scan_tok_has (scan, a, CC_LEX_PRODUCT) && !cc_scan_tok_is (scan, a, "models"))
            v[V_ORG] += 1;
        }
      else if (T (a)->flags & TF_LOWER)
        {
          /* "the X test", but not "Acme Navy test pilots" */
          if (cc_scan_tok_has (scan, a, CC_LEX_BENCHMARK) && !has_org_word)
            v[V_BENCHMARK] += 6;
          else if (cc_scan_tok_has (scan, a, CC_LEX_PRODUCT))
            v[V_PRODUCT] += 3;
          else if (cc_scan_tok_is (scan, a, "team"))
            v[V_ORG] += 3;
          else if (cc_names_tok_in_list (scan, a, &body_modified))
            v[V_ORG] += 2;     /* "X elections", "X seats": a body, not an event */
          else if (cc_names_tok_in_list (scan, a, &event_nouns))
            v[V_EVENT] += 4;
          else if (cc_names_tok_in_list (scan, a, &place_nouns))
            v[V_LOCATION] += 3;
          else if (cc_scan_tok_has (scan, a, CC_LEX_TITLE) &&
                   !cc_names_tok_in_list (scan, a, &cc_names_title_modifiers))
            v[V_ORG] += 2;     /* "Acme chief executive Jane Roe" */
          else if (cc_names_tok_in_list (scan, a, &speech_verbs) && n >= 2)
            v[V_PERSON] += 2;
          else if (cc_names_tok_in_list (scan, a, &org_verbs) && !(n >= 2 && v[V_PERSON] > 0))
            v[V_ORG] += 2;
          else if (cc_names_tok_in_list (scan, a, &product_verbs_after) && !match_score_near (scan, a))
            {
              /* "X scored 87.5%": a model's result; "Saka scored twice" is
               * a player's goal */
              if (!(cc_scan_tok_is (scan, a, "scored") || cc_scan_tok_is (scan, a, "scores") ||
                    cc_scan_tok_is (scan, a, "scoring")) ||
                  (a + 1 < N_TOKS && (T (a + 1)->flags & (TF_CLAIMED | TF_DIGIT))))
                v[V_PRODUCT] += 2;
              else if (n >= 2)
                v[V_PERSON] += 2;
            }
          else if (cc_names_tok_in_list (scan, a, &product_heads) && !has_org_word)
            {
              /* "the Juice spacecraft", "the Aurora X9 processor" name the
               * thing; "a Delta jet", "an Acme phone" its maker */
              if (ts > 0 && (cc_scan_tok_is (scan, ts - 1, "a") || cc_scan_tok_is (scan, ts - 1, "an")))
                v[V_ORG] += 2;
              else
                v[V_PRODUCT] += 3;
            }
          else if ((cc_scan_tok_is (scan, a, "is") || cc_scan_tok_is (scan, a, "was")) &&
                   a + 1 < N_TOKS)
            vote_description (scan, a + 1, v, 3);
          else if (cc_scan_tok_is (scan, a, "will") && cc_scan_tok_is (scan, a + 1, "debut"))
            v[V_PRODUCT] += 2;
        }
      else if (is_char (scan, a, '/') && !(T (a)->flags & TF_SPACE) && n >= 2 &&
               a + 1 < N_TOKS && !(T (a + 1)->flags & TF_SPACE) && (T (a + 1)->flags & TF_CAP))
        v[V_PERSON] += 4;      /* a photo credit: "Ann Lee/AFP", the photographer first */
      else if (is_char (scan, a, ','))
        {
          if (a + 2 < N_TOKS && (T (a + 1)->flags & TF_NUMBER) && is_char (scan, a + 2, ',') &&
              name_len (scan, a + 1) <= 3)
            v[V_PERSON] += 5;    /* "Lindqvist, 24," */
          else if (cc_scan_tok_is (scan, a + 1, "who"))
            v[V_PERSON] += 3;
          else if (cc_scan_tok_is (scan, a + 1, "which"))
            v[V_ORG] += 1;
          else if (cc_names_tok_in_list (scan, a + 1, &speech_verbs) && n >= 2)
            v[V_PERSON] += 1;
          else if (!vote_description (scan, a + 1, v, 3))
            {
              /* ", VRR's chief executive": a title before the next
               * punctuation, with no verb or relative pronoun first */
              for (guint k = a + 1; k < a + 6 && k < N_TOKS && same_line (scan, k); k++)
                {
                  if (!(T (k)->flags & TF_WORD) || cc_scan_tok_is (scan, k, "whose") ||
                      cc_scan_tok_is (scan, k, "which") || cc_scan_tok_is (scan, k, "who") ||
                      cc_scan_tok_is (scan, k, "said") || cc_scan_tok_is (scan, k, "and"))
                    break;
                  if ((T (k)->flags & TF_LOWER) && cc_names_is_title (scan, k) &&
                      !cc_names_tok_in_list (scan, k, &cc_names_title_modifiers))
                    {
                      v[V_PERSON] += 3;
                      break;
                    }
                }
            }
        }
    }
}
