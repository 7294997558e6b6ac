/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-entities"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libgweather/gweather.h>
#include <string.h>

#include "cc-core-resources.h"
#include "cc-gazetteer.h"

#define RESOURCE_DIR "/org/gnome/Crosscheck/core/data/"

static GBytes *
load (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, ".txt", NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* Looked up in the core's own resource bundle, which a static link may
   * otherwise leave unregistered. */
  bytes = g_resource_lookup_data (cc_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      /* A build without the list still works, only less well. */
      g_warning ("Cannot load word list %s: %s", path, error->message);
      return g_bytes_new_static ("", 0);
    }
  return bytes;
}

static GHashTable *
new_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Calls @func for each line that is not blank or a comment. */
static void
foreach_line (const char *name,
              void (*func) (const char *line, gpointer data),
              gpointer    data)
{
  g_autoptr(GBytes) bytes = load (name);
  gsize len = 0;
  const char *text = g_bytes_get_data (bytes, &len);
  g_autofree char *copy = g_strndup (text, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      func (line, data);
    }
}

static void
add_words (const char *line,
           gpointer    data)
{
  g_auto(GStrv) words = g_strsplit_set (line, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_hash_table_add (data, g_utf8_casefold (words[i], -1));
}

static GHashTable *
load_words (const char *name)
{
  GHashTable *set = new_set ();

  foreach_line (name, add_words, set);
  return set;
}

static void
add_line (const char *line,
          gpointer    data)
{
  g_hash_table_add (data, g_strdup (line));
}

static void
add_currency (const char *line,
              gpointer    data)
{
  const char *space = strrchr (line, ' ');

  if (space == NULL)
    return;
  g_hash_table_insert (data, g_strndup (line, space - line), g_strdup (space + 1));
}


/* ---- reference data from Debian packages -------------------------------
 *
 * The hand lists in data/ hold the words of news writing; places are too
 * many to list by hand. Packages every GNOME desktop on Debian has installed
 * give them with proper spellings, and are read once per process:
 * - iso-codes (ISO 3166-1 countries, ISO 3166-2 states and provinces):
 *   the standard, maintained list of country and subdivision names;
 * - tzdata (zone1970.tab): the cities that name time zones, a short list of
 *   the world's large cities that ships with every system;
 * - libgweather (its locations database): some 4,000 cities of the world,
 *   the ones GNOME's weather and clock apps offer, in English;
 * - wamerican (/usr/share/dict/words), only to leave out one-word state and
 *   city names that are ordinary English words.
 * A missing file only makes the extractor know fewer places. */

#define ISO_CODES_DIR "/usr/share/iso-codes/json/"
#define ZONE_TAB "/usr/share/zoneinfo/zone1970.tab"

/* "Bihār" -> "Bihar": news writing drops the marks of transliterations. */
static char *
strip_marks (const char *name)
{
  g_autofree char *nfd = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = nfd; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A one-word place that is also an ordinary word, a given name or a title
 * ("Central", "Victoria", "Mayor") would turn those into places. */
static gboolean
place_name_usable (CcGazetteer *g,
                   const char  *name)
{
  if (strchr (name, '(') != NULL || strchr (name, ',') != NULL || strchr (name, ' ') != NULL)
    return strchr (name, '(') == NULL && strchr (name, ',') == NULL;
  return !cc_gazetteer_has (g->common_words, name, -1) &&
         !cc_gazetteer_has (g->first_names, name, -1) &&
         !cc_gazetteer_has (g->titles, name, -1) &&
         !cc_gazetteer_has (g->stop_names, name, -1) &&
         !cc_gazetteer_has (g->org_words, name, -1);
}

static void
add_place (CcGazetteer *g,
           const char  *name)
{
  g_autofree char *plain = NULL;

  if (name == NULL || !place_name_usable (g, name))
    return;
  plain = strip_marks (name);
  g_hash_table_add (g->locations, g_strdup (name));
  if (strcmp (plain, name) != 0)
    g_hash_table_add (g->locations, g_steal_pointer (&plain));
}

/* One-word names of states and cities wait in @pending (folded -> name)
 * until they are checked against the English word list. */
static void
add_minor_place (GHashTable *pending,
                 const char *name)
{
  g_autofree char *plain = NULL;

  if (name == NULL)
    return;
  plain = strip_marks (name);
  if (strchr (plain, ' ') != NULL || strchr (plain, '-') != NULL)
    {
      g_hash_table_insert (pending, g_strdup (name), g_strdup (name));
      return;
    }
  g_hash_table_insert (pending, g_utf8_casefold (plain, -1), g_strdup (name));
}

/* wamerican's /usr/share/dict/words: a state or city whose one-word name
 * is also an ordinary English word (written in lower case there:
 * "Falcon", "Reading", "Mobile") is left out, so that the word is not
 * taken for the place. Proper names are capitalised in that list and do
 * not match. Without the list, every name is kept. */
#define WORD_LIST "/usr/share/dict/words"

static void
add_pending_places (CcGazetteer *g,
                    GHashTable  *pending)
{
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer value;

  if (g_file_get_contents (WORD_LIST, &text, NULL, NULL))
    {
      char *line = text;

      while (line != NULL && *line)
        {
          char *nl = strchr (line, '\n');

          if (nl != NULL)
            *nl = '\0';
          if (g_ascii_islower (line[0]))
            g_hash_table_remove (pending, line);
          line = nl != NULL ? nl + 1 : NULL;
        }
    }
  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    add_place (g, value);
}

static JsonArray *
load_iso_array (const char  *file,
                const char  *member,
                JsonParser **parser)
{
  g_autofree char *path = g_strconcat (ISO_CODES_DIR, file, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  *parser = json_parser_new ();
  if (!json_parser_load_from_file (*parser, path, &error))
    {
      g_debug ("No reference data in %s: %s", path, error->message);
      return NULL;
    }
  root = json_parser_get_root (*parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), member))
    return NULL;
  return json_object_get_array_member (json_node_get_object (root), member);
}

/* The regular nationality adjectives of a one-word country name: "Kenya"
 * -> "Kenyan", "Italy" -> "Italian", "Japan" -> "Japanese", "Israel" ->
 * "Israeli", "Belgium" -> "Belgian". Forms that are not words are
 * harmless: nothing is written that way. */
static void
add_demonyms (CcGazetteer *g,
              const char  *country)
{
  g_autofree char *c = NULL;
  gsize n;

  if (country == NULL || strchr (country, ' ') != NULL || (n = strlen (country)) < 4)
    return;
  c = g_utf8_casefold (country, -1);
  n = strlen (c);
  if (c[n - 1] == 'a')
    {
      g_hash_table_add (g->demonyms, g_strconcat (c, "n", NULL));
      g_hash_table_add (g->demonyms, g_strdup_printf ("%.*sese", (int)(n - 1), c));
    }
  else if (c[n - 1] == 'y' || c[n - 1] == 'o')
    {
      g_hash_table_add (g->demonyms, g_strdup_printf ("%.*sian", (int)(n - 1), c));
      g_hash_table_add (g->demonyms, g_strdup_printf ("%.*san", (int)(n - 1), c));
    }
  else if (n > 4 && g_str_has_suffix (c, "um"))
    g_hash_table_add (g->demonyms, g_strdup_printf ("%.*san", (int)(n - 2), c));
  else if (strchr ("aeiou", c[n - 1]) == NULL)
    {
      g_hash_table_add (g->demonyms, g_strconcat (c, "ian", NULL));
      g_hash_table_add (g->demonyms, g_strconcat (c, "ese", NULL));
      g_hash_table_add (g->demonyms, g_strconcat (c, "i", NULL));
    }
}

static void
load_countries (CcGazetteer *g)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *arr = load_iso_array ("iso_3166-1.json", "3166-1", &parser);

  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);

      if (o == NULL)
        continue;
      add_place (g, json_object_get_string_member_with_default (o, "name", NULL));
      add_place (g, json_object_get_string_member_with_default (o, "common_name", NULL));
      add_demonyms (g, json_object_get_string_member_with_default (o, "name", NULL));
    }
}

/* Language names ("Hindi", "Swahili"): capitalised in English and never an
 * organisation or a person on their own. Only the one-word names of
 * ISO 639-2 (the languages with a bibliographic code, the ones news names). */
static void
load_languages (CcGazetteer *g)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *arr = load_iso_array ("iso_639-2.json", "639-2", &parser);

  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      const char *name = o ? json_object_get_string_member_with_default (o, "name", NULL) : NULL;
      g_auto(GStrv) names = NULL;

      if (name == NULL)
        continue;
      names = g_strsplit (name, ";", -1);
      for (guint k = 0; names[k] != NULL; k++)
        {
          char *word = g_strstrip (names[k]);

          if (*word != '\0' && strchr (word, ' ') == NULL && strchr (word, '(') == NULL &&
              place_name_usable (g, word) && !g_hash_table_contains (g->locations, word))
            g_hash_table_add (g->demonyms, g_utf8_casefold (word, -1));
        }
    }
}

/* States, provinces and regions; districts and municipalities are left out,
 * their names are too often ordinary words. */
static void
load_subdivisions (CcGazetteer *g,
                   GHashTable  *pending)
{
  static const char * const types[] = {
    "State", "Province", "Region", "Union territory", "Territory", "Country", "Nation",
    "Autonomous community", "Autonomous region", "Autonomous province", "Federal district",
    "Capital territory", "Capital district", "Emirate", "Land", "Canton", "Prefecture",
    "Autonomous republic", "Republic", "Metropolitan region", "Administrative region",
  };
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *arr = load_iso_array ("iso_3166-2.json", "3166-2", &parser);

  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      const char *type = o ? json_object_get_string_member_with_default (o, "type", "") : "";

      for (guint k = 0; k < G_N_ELEMENTS (types); k++)
        if (strcmp (type, types[k]) == 0)
          {
            add_minor_place (pending, json_object_get_string_member_with_default (o, "name", NULL));
            break;
          }
    }
}

/* "Asia/Kolkata" -> "Kolkata", "America/Argentina/Buenos_Aires" -> "Buenos Aires" */
static void
load_zone_cities (GHashTable *pending)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (ZONE_TAB, &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      const char *slash;
      g_autofree char *city = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (cols) < 3 || (slash = strrchr (cols[2], '/')) == NULL)
        continue;
      city = g_strdelimit (g_strdup (slash + 1), "_", ' ');
      add_minor_place (pending, city);
    }
}

/* The world's cities known to libgweather (its locations database, the
 * one GNOME Weather and Clocks use): their English names. The tree is
 * walked with a stack of its own, not by recursion. */
static void
load_weather_cities (GHashTable *pending)
{
  g_autoptr(GWeatherLocation) world = gweather_location_get_world ();
  g_autoptr(GPtrArray) stack = NULL;

  if (world == NULL)
    return;
  stack = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (stack, g_object_ref (world));
  while (stack->len > 0)
    {
      g_autoptr(GWeatherLocation) loc = g_ptr_array_steal_index (stack, stack->len - 1);
      GWeatherLocation *child = NULL;

      if (gweather_location_get_level (loc) == GWEATHER_LOCATION_CITY)
        {
          add_minor_place (pending, gweather_location_get_english_name (loc));
          continue;   /* below a city: its weather stations */
        }
      /* next_child() takes the reference to the child it is given */
      while ((child = gweather_location_next_child (loc, child)) != NULL)
        g_ptr_array_add (stack, g_object_ref (child));
    }
}

/* The lexicon's ASCII words of up to LEX_WORD_MAX bytes again, in an
 * open-addressing table whose 32-byte slots hold the word itself: a token
 * is looked up with one hash and, nearly always, one slot, with no pointer
 * to follow. */
#define LEX_WORD_MAX 24

typedef struct
{
  guint32 hash;
  guint16 bits;
  guint8  len;
  char    word[LEX_WORD_MAX + 1];
} LexSlot;

G_STATIC_ASSERT (sizeof (LexSlot) == 32);

/* The lexicon's FNV-1a hash of @word (@n bytes), folded to lower case into
 * @lower as it is read; *@any gets the OR of its bytes (bit 0x80 set: not
 * ASCII). The table is built and looked up with this one function. */
static inline guint32
lex_hash (const char *word,
          gsize       n,
          char       *lower,
          guchar     *any)
{
  guint32 h = 2166136261u;
  guchar bytes = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar)word[i];

      bytes |= c;
      c = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
      lower[i] = (char)c;
      h = (h ^ c) * 16777619u;
    }
  *any = bytes;
  return h;
}

static gboolean
is_ascii (const char *s,
          gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if ((guchar)s[i] >= 0x80)
      return FALSE;
  return TRUE;
}

static void
build_lex_slots (CcGazetteer *g)
{
  GHashTableIter iter;
  gpointer key, value;
  guint count = 0, size = 16;
  LexSlot *slots;

  g_hash_table_iter_init (&iter, g->lexicon);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (strlen (key) <= LEX_WORD_MAX && is_ascii (key, strlen (key)))
      count++;
  while (size < 2 * count)
    size *= 2;
  slots = g_new0 (LexSlot, size);
  g_hash_table_iter_init (&iter, g->lexicon);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize n = strlen (key);
      char lower[LEX_WORD_MAX + 1];
      guint32 h;
      guint k;

      if (n == 0 || n > LEX_WORD_MAX || !is_ascii (key, n))
        continue;
      h = lex_hash (key, n, lower, &(guchar){ 0 });
      for (k = h & (size - 1); slots[k].len != 0; k = (k + 1) & (size - 1))
        ;
      slots[k].hash = h;
      slots[k].bits = GPOINTER_TO_UINT (value);
      slots[k].len = n;
      /* lexicon keys are case-folded: for ASCII, lower case already */
      memcpy (slots[k].word, key, n);
    }
  g->lex_slots = slots;
  g->lex_mask = size - 1;
}

static gpointer
gazetteer_init (gpointer unused)
{
  CcGazetteer *g = g_new0 (CcGazetteer, 1);
  g_autoptr(GHashTable) location_words = NULL;
  GHashTableIter iter;
  gpointer key;

  g->first_names = load_words ("first-names");
  g->titles = load_words ("titles");
  g->org_words = load_words ("org-words");
  g->legal_suffixes = load_words ("legal-suffixes");
  g->org_heads = load_words ("org-heads");
  g->common_words = load_words ("common-words");
  g->units = load_words ("units");
  g->benchmark_words = load_words ("benchmark-words");
  g->product_words = load_words ("product-words");
  g->stop_names = load_words ("stop-names");
  g->event_words = load_words ("event-words");
  g->demonyms = load_words ("demonyms");

  g->locations = new_set ();
  foreach_line ("locations", add_line, g->locations);
  load_countries (g);
  {
    g_autoptr(GHashTable) pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    load_subdivisions (g, pending);
    load_zone_cities (pending);
    load_weather_cities (pending);
    add_pending_places (g, pending);
  }
  load_languages (g);
  g_hash_table_iter_init (&iter, g->locations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint n = 1;

      for (const char *p = key; *p; p++)
        if (*p == ' ')
          n++;
      g->max_location_words = MAX (g->max_location_words, n);
    }

  g->currencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  foreach_line ("currencies", add_currency, g->currencies);
  g_hash_table_iter_init (&iter, g->currencies);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const guchar *k = key;

      if (k[0] != '\0' && k[0] < 0x80 && k[1] == '\0')
        g->ascii_currency[k[0] / 64] |= G_GUINT64_CONSTANT (1) << (k[0] % 64);
    }

  location_words = load_words ("location-words");
  g->location_last = new_set ();
  g->location_first = new_set ();
  g_hash_table_iter_init (&iter, location_words);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *word = key;

      if (word[0] == '+')
        g_hash_table_add (g->location_first, g_strdup (word + 1));
      else
        g_hash_table_add (g->location_last, g_strdup (word));
    }

  /* The combined lexicon: one look-up per token for every list. */
  g->lexicon = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  {
    GHashTable *sets[] = {
      g->first_names, g->titles, g->org_words, g->legal_suffixes, g->org_heads,
      g->location_last, g->location_first, g->common_words, g->units, g->benchmark_words,
      g->product_words, g->stop_names, g->event_words,
    };
    static const char * const month_days[] = {
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday",
    };

    for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
      {
        g_hash_table_iter_init (&iter, sets[k]);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (g->lexicon, key));
            g_hash_table_insert (g->lexicon, g_strdup (key), GUINT_TO_POINTER (bits | (1u << k)));
          }
      }
    g_hash_table_iter_init (&iter, g->demonyms);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (g->lexicon, key));
        g_hash_table_insert (g->lexicon, g_strdup (key), GUINT_TO_POINTER (bits | CC_LEX_DEMONYM));
      }
    for (guint k = 0; k < G_N_ELEMENTS (month_days); k++)
      {
        guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (g->lexicon, month_days[k]));
        g_hash_table_insert (g->lexicon, g_strdup (month_days[k]),
                             GUINT_TO_POINTER (bits | CC_LEX_MONTH_DAY));
      }
  }

  build_lex_slots (g);
  return g;
}


guint
cc_gazetteer_lookup (const CcGazetteer *g,
                     const char        *word,
                     gsize              n)
{
  char buf[64];
  gboolean ascii = TRUE;

  if (n == 0)
    return CC_LEX_KNOWN;
  if (n <= LEX_WORD_MAX)
    {
      /* hashed, folded and checked for ASCII in one pass: the most of a
       * text's words */
      const LexSlot *slots = g->lex_slots;
      guchar any;
      guint32 h = lex_hash (word, n, buf, &any);

      if (!(any & 0x80))
        {
          for (guint k = h & g->lex_mask; slots[k].len != 0; k = (k + 1) & g->lex_mask)
            if (slots[k].hash == h && slots[k].len == n && memcmp (slots[k].word, buf, n) == 0)
              return CC_LEX_KNOWN | slots[k].bits;
          return CC_LEX_KNOWN;
        }
      ascii = FALSE;
    }
  else
    for (gsize i = 0; i < n; i++)
      if ((guchar)word[i] >= 0x80)
        {
          ascii = FALSE;
          break;
        }
  if (ascii && n < sizeof buf)
    {
      for (gsize i = 0; i < n; i++)
        buf[i] = word[i] >= 'A' && word[i] <= 'Z' ? word[i] + ('a' - 'A') : word[i];
      buf[n] = '\0';
      return CC_LEX_KNOWN | GPOINTER_TO_UINT (g_hash_table_lookup (g->lexicon, buf));
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (word, n);
      return CC_LEX_KNOWN | GPOINTER_TO_UINT (g_hash_table_lookup (g->lexicon, folded));
    }
}

const CcGazetteer *
cc_gazetteer_get (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, gazetteer_init, NULL);
  return once.retval;
}

/* Case-folded lookup of the first @len bytes of @word (all when -1). ASCII
 * words, the common case, are folded on the stack. */
gboolean
cc_gazetteer_has (GHashTable *set,
                  const char *word,
                  gssize      len)
{
  char buf[64];
  gsize n = len < 0 ? strlen (word) : (gsize)len;
  gboolean ascii = TRUE;

  if (n == 0)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if ((guchar)word[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii && n < sizeof buf)
    {
      for (gsize i = 0; i < n; i++)
        buf[i] = word[i] >= 'A' && word[i] <= 'Z' ? word[i] + ('a' - 'A') : word[i];
      buf[n] = '\0';
      return g_hash_table_contains (set, buf);
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (word, n);
      return g_hash_table_contains (set, folded);
    }
}
