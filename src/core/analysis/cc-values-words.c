/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-values"

#include "config.h"

#include <string.h>

#include "cc-values.h"
#include "cc-values-private.h"

/* The first letters of the words of a list, for a quick rejection. */
#define TIME_UNIT_INITIALS (CC_LETTER ('s') | CC_LETTER ('m') | CC_LETTER ('h') | \
                            CC_LETTER ('d') | CC_LETTER ('w') | CC_LETTER ('f') | \
                            CC_LETTER ('y') | CC_LETTER ('c'))

/* Word tables of the value parser: units of measure, time units, time
 * zones and ordinals. Small fixed lists, looked up by a linear scan after a
 * first-letter check: each is called on one word at a time. */

#define LOWER_FIRST(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c))

gboolean
cc_values_word_eq (const char *word,
                   gsize       len,
                   const char *lower)
{
#define LOWER_ASCII(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + ('a' - 'A') : (c))
  if (len == 0 || LOWER_ASCII (word[0]) != lower[0])
    return FALSE;
  for (gsize k = 1; k < len; k++)
    if (lower[k] == '\0' || LOWER_ASCII (word[k]) != lower[k])
      return FALSE;
  return lower[len] == '\0';
#undef LOWER_ASCII
}

typedef struct
{
  const char *word;
  const char *symbol;
  const char *dimension;   /* units of one dimension compare after scaling */
  double      factor;      /* in the dimension's base unit */
} Unit;

/* Written forms, case-insensitive, then the symbol shown. */
static const Unit units[] = {
  { "km", "km", "length", 1000 }, { "kms", "km", "length", 1000 },
  { "kilometre", "km", "length", 1000 }, { "kilometres", "km", "length", 1000 },
  { "kilometer", "km", "length", 1000 }, { "kilometers", "km", "length", 1000 },
  { "k", "km", "length", 1000 },
  { "m", "m", "length", 1 }, { "metre", "m", "length", 1 }, { "metres", "m", "length", 1 },
  { "meter", "m", "length", 1 }, { "meters", "m", "length", 1 },
  { "cm", "cm", "length", 0.01 }, { "centimetres", "cm", "length", 0.01 },
  { "centimeters", "cm", "length", 0.01 }, { "mm", "mm", "length", 0.001 },
  { "millimetres", "mm", "length", 0.001 }, { "millimeters", "mm", "length", 0.001 },
  { "mile", "mi", "length", 1609.344 }, { "miles", "mi", "length", 1609.344 },
  { "mi", "mi", "length", 1609.344 },
  { "ft", "ft", "length", 0.3048 }, { "foot", "ft", "length", 0.3048 },
  { "feet", "ft", "length", 0.3048 }, { "inch", "in", "length", 0.0254 },
  { "inches", "in", "length", 0.0254 }, { "yard", "yd", "length", 0.9144 },
  { "yards", "yd", "length", 0.9144 },
  { "nautical miles", "nmi", "length", 1852 },
  { "kg", "kg", "mass", 1 }, { "kgs", "kg", "mass", 1 }, { "kilogram", "kg", "mass", 1 },
  { "kilograms", "kg", "mass", 1 }, { "kilogrammes", "kg", "mass", 1 },
  { "g", "g", "mass", 0.001 }, { "gram", "g", "mass", 0.001 }, { "grams", "g", "mass", 0.001 },
  { "mg", "mg", "mass", 1e-6 }, { "milligrams", "mg", "mass", 1e-6 },
  { "lb", "lb", "mass", 0.45359237 }, { "lbs", "lb", "mass", 0.45359237 },
  { "pound", "lb", "mass", 0.45359237 }, { "oz", "oz", "mass", 0.028349523 },
  { "ounces", "oz", "mass", 0.028349523 },
  { "tonne", "t", "mass", 1000 }, { "tonnes", "t", "mass", 1000 },
  { "t", "t", "mass", 1000 },
  { "mph", "mph", "speed", 0.44704 }, { "kph", "km/h", "speed", 1 / 3.6 },
  { "km/h", "km/h", "speed", 1 / 3.6 }, { "kmh", "km/h", "speed", 1 / 3.6 },
  { "knots", "kn", "speed", 0.514444 }, { "kn", "kn", "speed", 0.514444 },
  { "l", "l", "volume", 1 }, { "litre", "l", "volume", 1 }, { "litres", "l", "volume", 1 },
  { "liter", "l", "volume", 1 }, { "liters", "l", "volume", 1 }, { "ml", "ml", "volume", 0.001 },
  { "gallons", "gal", "volume", 3.785411784 }, { "gallon", "gal", "volume", 3.785411784 },
  { "barrels", "bbl", "volume", 158.987 },
  { "sq km", "km²", "area", 1e6 }, { "km2", "km²", "area", 1e6 }, { "km²", "km²", "area", 1e6 },
  { "hectares", "ha", "area", 1e4 }, { "ha", "ha", "area", 1e4 }, { "acres", "acre", "area", 4046.86 },
  { "kw", "kW", "power", 1e3 }, { "mw", "MW", "power", 1e6 }, { "gw", "GW", "power", 1e9 },
  { "megawatts", "MW", "power", 1e6 }, { "gigawatts", "GW", "power", 1e9 },
  { "kwh", "kWh", "energy", 1 }, { "mwh", "MWh", "energy", 1e3 }, { "gwh", "GWh", "energy", 1e6 },
  { "twh", "TWh", "energy", 1e9 },
  { "gb", "GB", "data", 1e9 }, { "tb", "TB", "data", 1e12 }, { "mb", "MB", "data", 1e6 },
};

/* The lengths of the units' words, and the set of their first letters:
 * built once, read by every look-up. */
static guint8 unit_lens[G_N_ELEMENTS (units)];
static guint32 unit_initials;   /* CC_LETTER bits; 0 until built */

static void
unit_index_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      guint32 initials = 0;

      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        {
          unit_lens[i] = (guint8)MIN (strlen (units[i].word), 255);
          /* every unit's word starts with a letter (the set holds letters) */
          g_assert (cc_values_letter_bit (units[i].word[0]) != 0);
          initials |= cc_values_letter_bit (units[i].word[0]);
        }
      unit_initials = initials;
      g_once_init_leave (&done, 1);
    }
}

static const Unit *
find_unit (const char *word,
           gsize       len)
{
  char c0;

  if (len == 0 || len > 16)
    return NULL;
  unit_index_init ();
  /* the first letter and the length before the call: most words are no unit */
  if (!(cc_values_letter_bit (word[0]) & unit_initials))
    return NULL;
  c0 = LOWER_FIRST (word[0]);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (unit_lens[i] == len && units[i].word[0] == c0 && cc_values_word_eq (word, len, units[i].word))
      return &units[i];
  return NULL;
}

const char *
cc_value_unit_symbol (const char *word,
                      gsize       len)
{
  const Unit *u = find_unit (word, len);

  return u != NULL ? u->symbol : NULL;
}

/* For a unit symbol: its dimension and factor. FALSE if not a unit. */
gboolean
cc_values_unit_scale (const char  *symbol,
                      const char **dimension,
                      double      *factor)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (units[i].symbol, symbol) == 0)
      {
        *dimension = units[i].dimension;
        *factor = units[i].factor;
        return TRUE;
      }
  return FALSE;
}

double
cc_value_time_unit (const char *word,
                    gsize       len)
{
  /* with their lengths: a word is compared only with those of its length */
#define TU(word, seconds) { word, sizeof word - 1, seconds }
  static const struct { const char *word; gsize len; double seconds; } time_units[] = {
    TU ("second", 1), TU ("seconds", 1), TU ("sec", 1), TU ("secs", 1), TU ("s", 1),
    TU ("minute", 60), TU ("minutes", 60), TU ("min", 60), TU ("mins", 60), TU ("hour", 3600),
    TU ("hours", 3600), TU ("hr", 3600), TU ("hrs", 3600), TU ("h", 3600), TU ("day", 86400),
    TU ("days", 86400), TU ("week", 604800), TU ("weeks", 604800), TU ("fortnight", 1209600),
    TU ("fortnights", 1209600), TU ("month", 2629800), TU ("months", 2629800),
    TU ("year", 31557600), TU ("years", 31557600), TU ("yr", 31557600), TU ("yrs", 31557600),
    TU ("decade", 315576000), TU ("decades", 315576000), TU ("century", 3155760000.0),
    TU ("centuries", 3155760000.0),
  };
#undef TU

  if (len == 0 || len > 10 || !(cc_values_letter_bit (word[0]) & TIME_UNIT_INITIALS))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (time_units); i++)
    if (time_units[i].len == len && time_units[i].word[0] == LOWER_FIRST (word[0]) &&
        cc_values_word_eq (word, len, time_units[i].word))
      return time_units[i].seconds;
  return 0;
}

gboolean
cc_value_zone (const char *word,
               gsize       len,
               int        *offset,
               gboolean   *dst_ambiguous)
{
  /* Abbreviations common in news, with their UTC offsets in minutes. "ET",
   * "PT"... name a zone without saying whether summer time applies. */
  static const struct { const char *code; int offset; gboolean ambiguous; } zones[] = {
    { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 }, { "BST", 60 }, { "WET", 0 }, { "CET", 60 },
    { "CEST", 120 }, { "EET", 120 }, { "EEST", 180 }, { "MSK", 180 }, { "IST", 330 },
    { "PKT", 300 }, { "GST", 240 }, { "SGT", 480 }, { "HKT", 480 }, { "CST", -360 },
    { "JST", 540 }, { "KST", 540 }, { "AEST", 600 }, { "AEDT", 660 }, { "ACST", 570 },
    { "AWST", 480 }, { "NZST", 720 }, { "NZDT", 780 }, { "WIB", 420 }, { "PHT", 480 },
    { "EST", -300 }, { "EDT", -240 }, { "CDT", -300 }, { "MST", -420 }, { "MDT", -360 },
    { "PST", -480 }, { "PDT", -420 }, { "AKST", -540 }, { "HST", -600 }, { "SAST", 120 },
    { "EAT", 180 }, { "WAT", 60 }, { "CAT", 120 },
    { "ET", -300, TRUE }, { "CT", -360, TRUE }, { "MT", -420, TRUE }, { "PT", -480, TRUE },
    { "AET", 600, TRUE }, { "UK", 0, TRUE },
  };

  if (len < 1 || len > 4)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (strlen (zones[i].code) == len && strncmp (word, zones[i].code, len) == 0)
      {
        if (offset != NULL)
          *offset = zones[i].offset;
        if (dst_ambiguous != NULL)
          *dst_ambiguous = zones[i].ambiguous;
        return TRUE;
      }
  return FALSE;
}

guint
cc_value_ordinal_word (const char *word,
                       gsize       len)
{
  static const char * const ordinals[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
  };
  static const char * const tens[] = {
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
  };
  const char *dash;
  guint k = 0, n = 0;

  if (len == 0 || len > 20)
    return 0;
  /* "3rd", "21st", "100th" */
  while (k < len && g_ascii_isdigit (word[k]))
    n = n < 100000 ? n * 10 + (word[k] - '0') : n, k++;
  if (k > 6)
    return 0;
  if (k > 0 && k + 2 == len && n > 0)
    {
      const char *s = word + k;
      guint last = n % 10, teen = n % 100 >= 11 && n % 100 <= 13;
      const char *want = teen ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";

      return g_ascii_strncasecmp (s, want, 2) == 0 ? n : 0;
    }
  if (k > 0)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (ordinals); i++)
    if (cc_values_word_eq (word, len, ordinals[i]))
      return i + 1;
  /* "thirtieth" ... and "twenty-first" */
  dash = memchr (word, '-', len);
  for (guint i = 0; i < G_N_ELEMENTS (tens); i++)
    {
      gsize tl = strlen (tens[i]);

      if (dash == NULL && len == tl + 3 && g_ascii_strncasecmp (word, tens[i], tl - 1) == 0 &&
          g_ascii_strncasecmp (word + tl - 1, "ieth", 4) == 0)
        return 20 + 10 * i;
      if (dash != NULL && (gsize)(dash - word) == tl && g_ascii_strncasecmp (word, tens[i], tl) == 0)
        {
          guint unit = cc_value_ordinal_word (dash + 1, word + len - dash - 1);
          return unit >= 1 && unit <= 9 ? 20 + 10 * i + unit : 0;
        }
    }
  return 0;
}
