/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-claims"

#include "config.h"

#include <string.h>

#include "cc-claims-lexicon.h"

typedef struct
{
  const char *phrase;
  CcQualifier qualifier;
} QualifierPhrase;

/* Longest phrases first where one ends another. */
static const QualifierPhrase qualifier_phrases[] = {
  { "more than", CC_QUALIFIER_OVER },
  { "greater than", CC_QUALIFIER_OVER },
  { "higher than", CC_QUALIFIER_OVER },
  { "in excess of", CC_QUALIFIER_OVER },
  { "at least", CC_QUALIFIER_OVER },
  { "upwards of", CC_QUALIFIER_OVER },
  { "over", CC_QUALIFIER_OVER },
  { "above", CC_QUALIFIER_OVER },
  { "exceeding", CC_QUALIFIER_OVER },
  { "north of", CC_QUALIFIER_OVER },
  { "fewer than", CC_QUALIFIER_UNDER },
  { "less than", CC_QUALIFIER_UNDER },
  { "lower than", CC_QUALIFIER_UNDER },
  { "just under", CC_QUALIFIER_UNDER },
  { "under", CC_QUALIFIER_UNDER },
  { "below", CC_QUALIFIER_UNDER },
  { "nearly", CC_QUALIFIER_UNDER },
  { "almost", CC_QUALIFIER_UNDER },
  { "close to", CC_QUALIFIER_UNDER },
  { "shy of", CC_QUALIFIER_UNDER },
  { "approximately", CC_QUALIFIER_ABOUT },
  { "an estimated", CC_QUALIFIER_ABOUT },
  { "estimated", CC_QUALIFIER_ABOUT },
  { "roughly", CC_QUALIFIER_ABOUT },
  { "around", CC_QUALIFIER_ABOUT },
  { "about", CC_QUALIFIER_ABOUT },
  { "some", CC_QUALIFIER_ABOUT },
  { "circa", CC_QUALIFIER_ABOUT },
  { "near", CC_QUALIFIER_ABOUT },
  { "approx.", CC_QUALIFIER_ABOUT },
  { "an approximate", CC_QUALIFIER_ABOUT },
  { "up to", CC_QUALIFIER_UP_TO },
  { "as many as", CC_QUALIFIER_UP_TO },
  { "as much as", CC_QUALIFIER_UP_TO },
  { "as high as", CC_QUALIFIER_UP_TO },
  { "a maximum of", CC_QUALIFIER_UP_TO },
  { "a range of", CC_QUALIFIER_UP_TO },
};

CcQualifier
cc_lexicon_qualifier_before (const char *before,
                             gsize      *len)
{
  g_autofree char *trimmed = g_strdup (before);
  gsize n;

  *len = 0;
  g_strchomp (trimmed);
  n = strlen (trimmed);
  for (guint i = 0; i < G_N_ELEMENTS (qualifier_phrases); i++)
    {
      const char *phrase = qualifier_phrases[i].phrase;
      gsize plen = strlen (phrase);

      if (n >= plen && strcmp (trimmed + n - plen, phrase) == 0 &&
          (n == plen || !g_ascii_isalnum (trimmed[n - plen - 1])))
        {
          *len = plen;
          return qualifier_phrases[i].qualifier;
        }
    }
  return CC_QUALIFIER_NONE;
}

typedef struct
{
  const char *word;
  double value;
} NumberWord;

static const NumberWord number_words[] = {
  { "a", 1 }, { "an", 1 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 },
  { "five", 5 }, { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
  { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 },
  { "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 },
  { "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 },
  { "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
  { "hundred", 100 }, { "dozen", 12 }, { "half", 0.5 }, { "quarter", 0.25 },
  { "single", 1 }, { "double", 2 }, { "triple", 3 },
};

double
cc_lexicon_number_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    if (g_ascii_strcasecmp (word, number_words[i].word) == 0)
      return number_words[i].value;
  return -1;
}

static const NumberWord scale_words[] = {
  { "thousand", 1e3 }, { "k", 1e3 }, { "million", 1e6 }, { "millions", 1e6 }, { "m", 1e6 },
  { "mn", 1e6 }, { "mln", 1e6 }, { "billion", 1e9 }, { "billions", 1e9 }, { "bn", 1e9 },
  { "b", 1e9 }, { "trillion", 1e12 }, { "tn", 1e12 }, { "thousands", 1e3 },
  { "hundred", 100 }, { "hundreds", 100 },
};

double
cc_lexicon_scale_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (scale_words); i++)
    if (g_ascii_strcasecmp (word, scale_words[i].word) == 0)
      return scale_words[i].value;
  return 0;
}

typedef struct
{
  const char *word;
  const char *code;
} Pair;

static const Pair currencies[] = {
  { "$", "USD" }, { "us$", "USD" }, { "usd", "USD" }, { "dollar", "USD" }, { "dollars", "USD" },
  { "€", "EUR" }, { "eur", "EUR" }, { "euro", "EUR" }, { "euros", "EUR" },
  { "£", "GBP" }, { "gbp", "GBP" }, { "pound", "GBP" }, { "pounds", "GBP" }, { "sterling", "GBP" },
  { "¥", "JPY" }, { "jpy", "JPY" }, { "yen", "JPY" }, { "chf", "CHF" }, { "francs", "CHF" },
  { "₹", "INR" }, { "inr", "INR" }, { "rupees", "INR" }, { "cad", "CAD" }, { "c$", "CAD" },
  { "aud", "AUD" }, { "a$", "AUD" }, { "cny", "CNY" }, { "yuan", "CNY" }, { "rmb", "CNY" },
  { "sek", "SEK" }, { "nok", "NOK" }, { "dkk", "DKK" }, { "kronor", "SEK" }, { "krone", "NOK" },
  { "₩", "KRW" }, { "krw", "KRW" }, { "won", "KRW" },
};

const char *
cc_lexicon_currency (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_ascii_strcasecmp (word, currencies[i].word) == 0 || strcmp (word, currencies[i].word) == 0)
      return currencies[i].code;
  return NULL;
}

static const Pair units[] = {
  { "km", "km" }, { "kilometre", "km" }, { "kilometres", "km" }, { "kilometer", "km" },
  { "kilometers", "km" }, { "mile", "mile" }, { "miles", "mile" }, { "m", "m" },
  { "metre", "m" }, { "metres", "m" }, { "meter", "m" }, { "meters", "m" },
  { "km/h", "km/h" }, { "kph", "km/h" }, { "mph", "mph" },
  { "kg", "kg" }, { "kilogram", "kg" }, { "kilograms", "kg" }, { "tonne", "t" },
  { "tonnes", "t" }, { "ton", "t" }, { "tons", "t" }, { "t", "t" },
  { "mw", "MW" }, { "megawatt", "MW" }, { "megawatts", "MW" }, { "gw", "GW" },
  { "gigawatt", "GW" }, { "gigawatts", "GW" }, { "kw", "kW" }, { "kilowatt", "kW" },
  { "kilowatts", "kW" }, { "mwh", "MWh" }, { "gwh", "GWh" }, { "kwh", "kWh" },
  { "year", "year" }, { "years", "year" }, { "month", "month" }, { "months", "month" },
  { "week", "week" }, { "weeks", "week" }, { "day", "day" }, { "days", "day" },
  { "hour", "hour" }, { "hours", "hour" }, { "minute", "minute" }, { "minutes", "minute" },
  { "mg", "mg" }, { "milligram", "mg" }, { "milligrams", "mg" }, { "ml", "ml" },
  { "litre", "l" }, { "litres", "l" }, { "liter", "l" }, { "liters", "l" },
  { "seat", "seat" }, { "seats", "seat" }, { "x", "x" }, { "times", "x" }, { "fold", "x" },
  { "points", "point" }, { "point", "point" }, { "pts", "point" },
  { "gb", "GB" }, { "tb", "TB" }, { "mb", "MB" }, { "ghz", "GHz" },
  { "hectares", "ha" }, { "hectare", "ha" }, { "acres", "acre" }, { "acre", "acre" },
};

const char *
cc_lexicon_unit (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (word, units[i].word) == 0)
      return units[i].code;
  return NULL;
}

/* Attribute classes: words that name the same kind of figure. */
static const Pair classes[] = {
  { "deal", "=deal" }, { "bet", "=deal" }, { "acquire", "=deal" }, { "acquisition", "=deal" },
  { "stake", "=deal" }, { "takeover", "=deal" }, { "buy", "=deal,=cost" },
  { "bought", "=deal,=cost" }, { "purchase", "=deal,=cost" }, { "merger", "=deal" }, { "order", "=deal" }, { "contract", "=deal" },
  { "spend", "=cost,=deal" }, { "spent", "=cost,=deal" }, { "spending", "=cost" },
  { "invest", "=cost" }, { "investment", "=cost" }, { "expenditure", "=cost" },
  { "capex", "=cost" }, { "budget", "=cost" }, { "outlay", "=cost" },
  { "price", "=cost" }, { "cost", "=cost" }, { "costs", "=cost" }, { "priced", "=cost" },
  { "worth", "=cost" }, { "valued", "=cost" }, { "paid", "=cost,=deal" }, { "pay", "=cost,=deal" },
  { "fare", "=cost" }, { "fee", "=cost" }, { "budgeted", "=cost" },
  { "revenue", "=revenue" }, { "sales", "=revenue" }, { "turnover", "=revenue" },
  { "profit", "=profit" }, { "earnings", "=profit" }, { "income", "=profit" },
  { "loss", "=loss" }, { "deficit", "=loss" },
  { "valuation", "=valuation" }, { "funding", "=funding" },
  { "raise", "=funding,=rise" }, { "raises", "=funding,=rise" }, { "grant", "=funding" }, { "loan", "=funding" },
  { "salary", "=salary" }, { "wage", "=salary" }, { "wages", "=salary" },
  { "user", "=user" }, { "users", "=user" }, { "customer", "=user" }, { "customers", "=user" },
  { "subscriber", "=user" }, { "subscribers", "=user" }, { "people", "=user,=people" },
  { "patients", "=people" }, { "patient", "=people" }, { "adults", "=people" },
  { "participants", "=people" }, { "volunteers", "=people" }, { "residents", "=people" },
  { "download", "=download" }, { "downloads", "=download" }, { "downloaded", "=download" },
  { "installs", "=download" },
  { "job", "=job" }, { "jobs", "=job" }, { "employee", "=job" }, { "employees", "=job" },
  { "staff", "=job" }, { "workers", "=job" }, { "workforce", "=job" }, { "hire", "=job" },
  { "cut", "=cut" }, { "reduce", "=cut" }, { "reduction", "=cut" }, { "lower", "=cut" },
  { "fall", "=cut" }, { "drop", "=cut" }, { "decline", "=cut" }, { "shrink", "=cut" },
  { "fewer", "=cut" }, { "less", "=cut" }, { "fell", "=cut" }, { "down", "=cut" },
  { "rise", "=rise" }, { "rose", "=rise" }, { "increase", "=rise" }, { "grow", "=rise" },
  { "growth", "=rise" }, { "gain", "=rise" }, { "jump", "=rise" }, { "climb", "=rise" },
  { "up", "=rise" }, { "raised", "=funding,=rise" },
  { "range", "=range" }, { "distance", "=range" }, { "tank", "=range" }, { "fill", "=range" },
  { "refuel", "=range" }, { "refuelling", "=range" }, { "refueling", "=range" },
  { "charge", "=range" }, { "recharge", "=range" },
  { "speed", "=speed" }, { "capacity", "=capacity" }, { "size", "=capacity" },
  { "share", "=share" }, { "proportion", "=share" }, { "portion", "=share" },
  { "score", "=score" }, { "scored", "=score" }, { "rating", "=score" }, { "rated", "=score" },
  { "efficient", "=efficiency" }, { "efficiency", "=efficiency" }, { "compute", "=efficiency" },
};

/* Dated events: verbs and nouns naming the same kind of event. */
static const Pair events[] = {
  { "launch", "launch" }, { "launched", "launch" }, { "unveil", "launch" },
  { "unveiled", "launch" }, { "introduce", "launch" }, { "introduced", "launch" },
  { "release", "launch" }, { "released", "launch" }, { "debut", "launch" },
  { "announce", "launch" }, { "announced", "launch" }, { "ship", "launch" },
  { "shipped", "launch" }, { "present", "launch" }, { "presented", "launch" },
  { "sign", "signing" }, { "signed", "signing" }, { "signing", "signing" },
  { "agreed", "signing" }, { "agreement", "signing" }, { "deal", "signing" },
  { "order", "signing" }, { "ordered", "signing" }, { "contract", "signing" },
  { "acquire", "acquisition" }, { "acquired", "acquisition" }, { "acquisition", "acquisition" },
  { "bought", "acquisition" }, { "takeover", "acquisition" },
  { "found", "founding" }, { "founded", "founding" }, { "established", "founding" },
  { "formed", "founding" }, { "created", "founding" },
  { "open", "opening" }, { "opened", "opening" }, { "opening", "opening" },
  { "vote", "vote" }, { "voted", "vote" }, { "approve", "vote,filing" },
  { "approved", "vote,filing" }, { "approval", "vote,filing" }, { "adopt", "vote" },
  { "adopted", "vote" }, { "passed", "vote" },
  { "apply", "filing" }, { "applied", "filing" }, { "file", "filing" }, { "filed", "filing" },
  { "filing", "filing" }, { "submit", "filing" }, { "submitted", "filing" },
  { "elect", "vote" }, { "elected", "vote" }, { "election", "vote" },
  { "die", "death" }, { "died", "death" }, { "death", "death" },
  { "born", "birth" }, { "resign", "departure" }, { "resigned", "departure" },
  { "fired", "departure" }, { "appoint", "appointment" }, { "appointed", "appointment" },
  { "hired", "appointment" }, { "named", "appointment" },
  { "publish", "publication" }, { "published", "publication" },
  { "complete", "completion" }, { "completed", "completion" }, { "finish", "completion" },
  { "deliver", "delivery" }, { "delivered", "delivery" }, { "delivery", "delivery" },
  { "start", "start" }, { "began", "start" }, { "begin", "start" }, { "started", "start" },
  { "trial", "trial" }, { "match", "match" }, { "meeting", "meeting" }, { "met", "meeting" },
};

static const char * const generic_words[] = {
  "number", "numbers", "total", "figure", "figures", "time", "times", "amount", "level",
  "percent", "per", "cent", "percentage", "point", "points", "billion", "million",
  "thousand", "year", "years", "month", "months", "day", "days", "week", "weeks",
  "ai", "model", "models", "company", "companies", "firm", "new", "first", "last",
  "report", "reported", "according", "say", "said", "says", "claim", "claims", "claimed",
  "also", "around", "nearly", "almost", "roughly", "approximately", "estimated", "reach",
  "reached", "make", "made", "get", "got", "take", "took", "give", "given", "just", "well",
  "much", "many", "way", "thing", "things", "lot", "part", "place", "plan", "plans",
  "expected", "expect", "according", "least", "compared", "compare", "including", "include",
};

static const char * const group_words[] = {
  "competitor", "competitors", "rival", "rivals", "others", "peer", "peers",
  "competition", "alternatives", "incumbents",
};

static const char * const anaphors[] = {
  "it", "its", "he", "she", "they", "this", "that", "these", "those", "the", "his", "her",
  "their", "which", "who",
};

typedef struct
{
  GHashTable *classes;   /* stem -> class */
  GHashTable *events;    /* stem -> event */
  GHashTable *generic;   /* stem set */
  GHashTable *group;     /* stem set */
} Lexicon;

static const Lexicon *
lexicon (void)
{
  static gsize init = 0;
  static Lexicon lex;

  if (g_once_init_enter (&init))
    {
      g_autoptr(CcWordStem) stemmer = cc_word_stem_new ();

      lex.classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      lex.events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      lex.generic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      lex.group = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        g_hash_table_insert (lex.classes, g_strdup (cc_word_stem_stem (stemmer, classes[i].word)),
                             (gpointer) classes[i].code);
      for (guint i = 0; i < G_N_ELEMENTS (events); i++)
        g_hash_table_insert (lex.events, g_strdup (cc_word_stem_stem (stemmer, events[i].word)),
                             (gpointer) events[i].code);
      for (guint i = 0; i < G_N_ELEMENTS (generic_words); i++)
        g_hash_table_add (lex.generic, g_strdup (cc_word_stem_stem (stemmer, generic_words[i])));
      for (guint i = 0; i < G_N_ELEMENTS (group_words); i++)
        g_hash_table_add (lex.group, g_strdup (cc_word_stem_stem (stemmer, group_words[i])));
      g_once_init_leave (&init, 1);
    }
  return &lex;
}

const char *
cc_lexicon_class (CcWordStem *stemmer,
                  const char *stem)
{
  return g_hash_table_lookup (lexicon ()->classes, stem);
}

const char *
cc_lexicon_event (CcWordStem *stemmer,
                  const char *stem)
{
  return g_hash_table_lookup (lexicon ()->events, stem);
}

gboolean
cc_lexicon_is_generic (const char *stem)
{
  return g_hash_table_contains (lexicon ()->generic, stem);
}

gboolean
cc_lexicon_is_group (const char *stem)
{
  return g_hash_table_contains (lexicon ()->group, stem);
}

gboolean
cc_lexicon_is_anaphor (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (anaphors); i++)
    if (g_ascii_strcasecmp (word, anaphors[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Markers of a state: matched as whole words in the lower-cased sentence. */
static const char * const future_markers[] = {
  "will", "won't", "is set to", "are set to", "is expected to", "are expected to",
  "is scheduled to", "are scheduled to", "is due to", "are due to", "plans to",
  "plan to", "planned to", "coming weeks", "coming months", "coming days",
  "following weeks", "following months", "later this year", "later this month",
  "next week", "next month", "next year", "soon", "upcoming", "not yet", "yet to",
  "is going to", "are going to", "expected to",
};

static const char * const done_markers[] = {
  "now", "already", "currently", "began", "has begun", "have begun", "started",
  "has launched", "have launched", "went live", "is live", "are live", "is available",
  "are available", "this week", "entered service", "is in service", "are in service",
  "has arrived", "have arrived", "rolled out", "is rolling out", "are rolling out",
  "has rolled out", "powers", "is running", "opened", "has opened", "was launched",
  "were launched", "was released", "has been released", "debuted", "arrived",
};

/* Words about deployment, availability, service. */
static const char * const deployment_words[] = {
  "launch", "launched", "rollout", "rollouts", "rolled", "rolling", "roll", "debut",
  "debuted", "available", "availability", "arrive", "arrived", "deploy", "deployed",
  "deployment", "service", "power", "powers", "ship", "shipped", "enter", "entered",
  "open", "opened", "release", "released", "live", "carry", "passengers", "begin",
  "began", "start", "started", "operate", "operating", "operation",
};

static gboolean
contains_phrase (const char *hay,
                 const char *phrase)
{
  gsize plen = strlen (phrase);
  const char *p = hay;

  while ((p = strstr (p, phrase)) != NULL)
    {
      gboolean left = p == hay || !g_ascii_isalnum (p[-1]);
      gboolean right = !g_ascii_isalnum (p[plen]);

      if (left && right)
        return TRUE;
      p += plen;
    }
  return FALSE;
}

CcClaimState
cc_lexicon_state (CcWordStem *stemmer,
                  const char *lower_sentence,
                  GArray     *words,
                  guint       first_word,
                  guint       n_words)
{
  gboolean future = FALSE;
  gboolean done = FALSE;
  gboolean deployment = FALSE;

  for (guint i = first_word; i < first_word + n_words && !deployment; i++)
    {
      const CcWord *w = &g_array_index (words, CcWord, i);

      for (guint j = 0; j < G_N_ELEMENTS (deployment_words); j++)
        if (strcmp (w->word, deployment_words[j]) == 0)
          {
            deployment = TRUE;
            break;
          }
    }
  if (!deployment)
    return CC_CLAIM_STATE_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (future_markers); i++)
    if (contains_phrase (lower_sentence, future_markers[i]))
      future = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (done_markers); i++)
    if (contains_phrase (lower_sentence, done_markers[i]))
      done = TRUE;
  /* Reported, denied or conditional speech is not a statement of fact. */
  if (contains_phrase (lower_sentence, "reports that") ||
      contains_phrase (lower_sentence, "reported that") ||
      contains_phrase (lower_sentence, "claims that") ||
      contains_phrase (lower_sentence, "rumour") || contains_phrase (lower_sentence, "rumor") ||
      contains_phrase (lower_sentence, "denied") || contains_phrase (lower_sentence, "unless") ||
      contains_phrase (lower_sentence, "if") || contains_phrase (lower_sentence, "whether") ||
      contains_phrase (lower_sentence, "could") || contains_phrase (lower_sentence, "would") ||
      contains_phrase (lower_sentence, "might"))
    return CC_CLAIM_STATE_UNKNOWN;
  if (future && !done)
    return CC_CLAIM_STATE_FUTURE;
  if (done && !future)
    return CC_CLAIM_STATE_DONE;
  return CC_CLAIM_STATE_UNKNOWN;
}
