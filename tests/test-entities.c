/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cc-entities.h"
#include "cc-importer.h"
#include "cc-sentences.h"
#include "cc-test-util.h"
#include "cc-text.h"
#include "cc-values.h"

static CcMention *
find (GPtrArray  *mentions,
      const char *surface,
      guint       nth)
{
  for (guint i = 0; i < mentions->len; i++)
    {
      CcMention *m = mentions->pdata[i];
      if (g_strcmp0 (m->surface, surface) == 0 && nth-- == 0)
        return m;
    }
  return NULL;
}

static void
assert_mention (GPtrArray    *mentions,
                const char   *surface,
                guint         nth,
                CcEntityType  type,
                const char   *canonical)
{
  CcMention *m = find (mentions, surface, nth);

  if (m == NULL)
    g_error ("no mention “%s” (#%u)", surface, nth);
  g_assert_cmpstr (cc_entity_type_to_string (m->type), ==, cc_entity_type_to_string (type));
  if (canonical != NULL)
    g_assert_cmpstr (m->canonical, ==, canonical);
}

static void
check_sorted_and_in_bounds (GPtrArray  *mentions,
                            const char *text)
{
  glong n_chars = g_utf8_strlen (text, -1);
  guint last_end = 0;
  const char *p = text;   /* walks forward: linear over all mentions */
  guint pos = 0;

  for (guint i = 0; i < mentions->len; i++)
    {
      CcMention *m = mentions->pdata[i];
      const char *start, *end;

      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->end, <=, n_chars);
      g_assert_cmpuint (m->start, >=, last_end);
      for (; pos < m->start; pos++)
        p = g_utf8_next_char (p);
      start = p;
      for (end = start; pos < m->end; pos++)
        end = g_utf8_next_char (end);
      p = end;
      g_assert_cmpint (strncmp (start, m->surface, end - start), ==, 0);
      g_assert_cmpuint (strlen (m->surface), ==, (gsize)(end - start));
      last_end = m->end;
    }
}

static void
test_sentences (void)
{
  const char *text = "Dr. Smith paid $3.50 for it. He left!\nA Headline Without Stop\n"
                     "Model 3.5 Pro shipped. See Mr. Lee, e.g. This one\nno end here";
  g_autoptr(GArray) spans = cc_sentences_split (text);
  const char *expected[] = {
    "Dr. Smith paid $3.50 for it.", "He left!", "A Headline Without Stop",
    "Model 3.5 Pro shipped.", "See Mr. Lee, e.g. This one", "no end here",
  };

  g_assert_cmpuint (spans->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < spans->len; i++)
    {
      CcSpan *s = &g_array_index (spans, CcSpan, i);
      g_autofree char *sub = cc_text_substring (text, s->start, s->end);
      g_assert_cmpstr (sub, ==, expected[i]);
    }
}

static void
test_names (void)
{
  const char *text =
    "Acme Robotics Unveils Model 3.5 Pro in Surprise Launch\n"
    "Acme Robotics Inc. on Tuesday unveiled Model 3.5 Pro, its new household robot. "
    "Chief executive Jane Whitlock said the robot scored 87.5 on the HomeTask benchmark. "
    "Whitlock's team worked with the Northern Robotics Institute (NRI) for two years. "
    "However, NRI director Tom Baxter said Acme's claims were premature. "
    "Acme Cloud, a separate division, was not involved. The company is based in Oslo.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  assert_mention (m, "Acme Robotics Inc.", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Model 3.5 Pro", 1, CC_ENTITY_PRODUCT, "Model 3.5 Pro");
  assert_mention (m, "Jane Whitlock", 0, CC_ENTITY_PERSON, "Jane Whitlock");
  /* surname and possessive merge into the full name */
  assert_mention (m, "Whitlock", 0, CC_ENTITY_PERSON, "Jane Whitlock");
  assert_mention (m, "87.5", 0, CC_ENTITY_SCORE, "87.5");
  assert_mention (m, "HomeTask", 0, CC_ENTITY_BENCHMARK, NULL);
  /* acronym defined in parentheses */
  assert_mention (m, "NRI", 0, CC_ENTITY_ORG, "Northern Robotics Institute");
  assert_mention (m, "NRI", 1, CC_ENTITY_ORG, "Northern Robotics Institute");
  assert_mention (m, "Tom Baxter", 0, CC_ENTITY_PERSON, NULL);
  /* a duration is a DATE (OntoNotes, and the news labelling conventions) */
  assert_mention (m, "two years", 0, CC_ENTITY_DATE, "2 years");
  assert_mention (m, "Tuesday", 0, CC_ENTITY_DATE, NULL);
  assert_mention (m, "Oslo", 0, CC_ENTITY_LOCATION, NULL);
  /* "Acme Cloud" shares a word with "Acme" but stays apart */
  assert_mention (m, "Acme Cloud", 0, CC_ENTITY_ORG, "Acme Cloud");
  g_assert_cmpstr (find (m, "Acme", 0)->canonical, ==, "Acme");
  /* sentence-initial words are not names */
  g_assert_null (find (m, "However", 0));
  g_assert_null (find (m, "Chief", 0));
  g_assert_null (find (m, "The", 0));
}

/* Structural rules of issue 11, each on sentences written for this test. */

static gboolean
has_reference_data (void)
{
  return g_file_test ("/usr/share/iso-codes/json/iso_3166-2.json", G_FILE_TEST_EXISTS) &&
         g_file_test ("/usr/share/zoneinfo/zone1970.tab", G_FILE_TEST_EXISTS);
}

static void
test_names_roles (void)
{
  const char *text =
    "Norwegian Ingrid Solberg finished ahead of PM Ravi Menon in the charity run. "
    "Astronauts Lena Marsh and Omar Diaz waved. The crowd cheered Solberg again.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  /* nationality adjectives and titles are not part of the name */
  assert_mention (m, "Ingrid Solberg", 0, CC_ENTITY_PERSON, "Ingrid Solberg");
  assert_mention (m, "Ravi Menon", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Lena Marsh", 0, CC_ENTITY_PERSON, NULL);
  g_assert_null (find (m, "Norwegian Ingrid Solberg", 0));
  g_assert_null (find (m, "Norwegian", 0));
  g_assert_null (find (m, "PM Ravi Menon", 0));
  g_assert_null (find (m, "Astronauts Lena Marsh", 0));
  assert_mention (m, "Solberg", 0, CC_ENTITY_PERSON, "Ingrid Solberg");
}

static void
test_names_nickname (void)
{
  const char *text =
    "Margaret \u201cPeggy\u201d Olsen piloted the Kestrel spacecraft to the station. "
    "Peggy said the Kestrel capsule handled well.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  assert_mention (m, "Margaret \u201cPeggy\u201d Olsen", 0, CC_ENTITY_PERSON, NULL);
  /* the nickname alone is the same person */
  assert_mention (m, "Peggy", 0, CC_ENTITY_PERSON, "Margaret \u201cPeggy\u201d Olsen");
  /* craft named by their noun are products */
  assert_mention (m, "Kestrel", 0, CC_ENTITY_PRODUCT, NULL);
}

static void
test_names_counts_and_brackets (void)
{
  const char *text =
    "Zentek released Orion 4 on Monday. "
    "The final tally was Greens 41, Reds 12, Blues 3. The LDP 120 seats held. "
    "The Farmers Party (Reformed) won two seats and the RSP(L) one. "
    "The Air Safety Board (ASB) opened an inquiry; the ASB said little. "
    "Seats went Greens 41, Farm Union 6, Blues Party (Left) 3 and others.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  /* a name between two counts of a list is counted too */
  g_assert_null (find (m, "Farm Union 6", 0));
  /* a model number stays with the name... */
  assert_mention (m, "Orion 4", 0, CC_ENTITY_PRODUCT, NULL);
  /* ...a count does not */
  g_assert_null (find (m, "Greens 41", 0));
  g_assert_null (find (m, "Reds 12", 0));
  g_assert_null (find (m, "LDP 120", 0));
  /* bracketed qualifiers of party names are kept, acronyms are aliases */
  assert_mention (m, "Farmers Party (Reformed)", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "RSP(L)", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Air Safety Board", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "ASB", 1, CC_ENTITY_ORG, "Air Safety Board");
}

static void
test_names_party_qualifiers (void)
{
  /* A bracketed qualifier after a party name with no organisation word,
   * and a faction in brackets; a person's party in brackets is not joined. */
  const char *text =
    "The Kisan Sangh (Democratic) and the Lok Manch (Verma faction) joined talks. "
    "Mary Jones (Labour) voted against the plan in Bristol.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  assert_mention (m, "Kisan Sangh (Democratic)", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Lok Manch (Verma faction)", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Mary Jones", 0, CC_ENTITY_PERSON, NULL);
  g_assert_null (find (m, "Mary Jones (Labour)", 0));
}

static void
test_names_coordinated_surnames (void)
{
  const char *text =
    "The pilot Ingrid Solberg landed at dawn. Solberg and Haverkamp will now rest "
    "for a week before the next flight.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  /* a lone surname beside a known person's surname is a person's */
  assert_mention (m, "Haverkamp", 0, CC_ENTITY_PERSON, NULL);
}

static void
test_names_tight_acronym (void)
{
  /* an acronym of the name in brackets with no space defines it */
  const char *text = "Staff of the Coastal Rescue Service(CRS) met on Monday. The CRS said little.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  g_assert_null (find (m, "Coastal Rescue Service(CRS)", 0));
  assert_mention (m, "Coastal Rescue Service", 0, CC_ENTITY_ORG, NULL);
}

static void
test_names_table_rows (void)
{
  /* Rows of a table of figures, one per line, are not headlines, and a
   * code in capitals before the dash is no dateline. */
  const char *text =
    "Seats won by each party:\n\n"
    "Harbour Workers Party \u2013 41\n\n"
    "KVP \u2013 12\n\n"
    "Mountain League: 3\n\n"
    "National Front \u2013 2\n\n"
    "The count ended late in the evening, with the KVP winning 12 seats and the Ravi Sangh 7.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  assert_mention (m, "Harbour Workers Party", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "KVP", 0, CC_ENTITY_ORG, NULL);
  g_assert_nonnull (find (m, "Mountain League", 0));
  /* a row's label of several words is not a sentence's first words */
  assert_mention (m, "National Front", 0, CC_ENTITY_ORG, NULL);
  /* "... and the X 7." ends a tally */
  g_assert_null (find (m, "Ravi Sangh 7", 0));
  g_assert_nonnull (find (m, "Ravi Sangh", 0));
}

static void
test_names_compounds (void)
{
  const char *text =
    "Vantor Aerospace said on Friday that Vantor would fly again. Vantor announced "
    "a new base. The Vantor-backed plan drew anti-Vantor protests, and the Vantor "
    "Skylark flew twice. Crews said Skylark landed safely.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  /* a name as the first part of a compound adjective, or after a prefix */
  assert_mention (m, "Vantor Aerospace", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Vantor", 2, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Vantor", 3, CC_ENTITY_ORG, NULL);
  g_assert_null (find (m, "anti-Vantor", 0));
  /* a company's name before a name of its own: a product */
  assert_mention (m, "Vantor Skylark", 0, CC_ENTITY_PRODUCT, NULL);
  assert_mention (m, "Skylark", 0, CC_ENTITY_PRODUCT, NULL);
}

static void
test_names_lost_break (void)
{
  /* A sentence break lost between a caption and the text capitalises a
   * conjunction mid-line; it names nothing. */
  const char *text = "Full results page After the count ended, Priya Raman spoke.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  g_assert_null (find (m, "After", 0));
}

static void
test_names_places (void)
{
  const char *text =
    "Voters in Karnataka and Kolkata queued from 7:00 IST, speaking Hindi and Bengali. "
    "Chebet then won the Lisbon Marathon, and the Harbour Sobor met on Monday.\n"
    "CHICAGO \u2014 Organisers praised the weather.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  /* time zones and languages are not organisations */
  g_assert_null (find (m, "IST", 0));
  if (has_reference_data ())
    {
      /* states (iso-codes) and cities (tzdata) */
      assert_mention (m, "Karnataka", 0, CC_ENTITY_LOCATION, NULL);
      assert_mention (m, "Kolkata", 0, CC_ENTITY_LOCATION, NULL);
      /* a language name is no entity */
      g_assert_null (find (m, "Hindi", 0));
      /* events are not listed, the place that names one is */
      assert_mention (m, "Lisbon", 0, CC_ENTITY_LOCATION, NULL);
    }
  else
    g_test_message ("iso-codes or tzdata not installed: place checks skipped");
  g_assert_null (find (m, "Lisbon Marathon", 0));
  /* no article before a person's name */
  g_assert_true (find (m, "Harbour Sobor", 0) == NULL ||
                 find (m, "Harbour Sobor", 0)->type != CC_ENTITY_PERSON);
  assert_mention (m, "CHICAGO", 0, CC_ENTITY_LOCATION, NULL);
}

/* Wire copy in other domains than the development stories (weather,
 * courts, markets, city politics; text written for this test): datelines,
 * storms, offices held for a place or a body, prefixes, two companies
 * named together, and a day before a term. */
static void
test_names_wire_copy (void)
{
  const char *text =
    "Storm batters the coast\n"
    "DENVER, Colo. (AP) \u2014 Hurricane Orla weakened overnight, forecasters said. "
    "Orla is expected to stall near Chicago by Friday.\n"
    "East Denver lost power for hours. Denver Mayor Ana Ruiz said crews were working. "
    "FEMA Administrator Bo Kelsey toured the area. Former NFL star Tim Okoye joined "
    "volunteers. Pro-Ruiz marchers gathered outside, and Ruiz thanked them.\n"
    "Shares of Halvard Therapeutics and Brenlow Bio fell 4% on the New York Stock Exchange. "
    "The Centers for Disease Control and Prevention issued guidance. "
    "The judge sentenced him Wednesday to two years in prison.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  /* the dateline's city, and the wire's credit on its own */
  assert_mention (m, "DENVER", 0, CC_ENTITY_LOCATION, NULL);
  assert_mention (m, "AP", 0, CC_ENTITY_ORG, NULL);
  g_assert_null (find (m, "DENVER, Colo. (AP)", 0));
  /* a storm is no person, nor is its name alone */
  for (guint i = 0; i < m->len; i++)
    {
      CcMention *x = m->pdata[i];

      if (strstr (x->surface, "Orla") != NULL)
        g_assert_cmpint (x->type, !=, CC_ENTITY_PERSON);
    }
  /* the office's place and body are names of their own; a modifier alone
   * ("Former") makes no title, so "NFL" is no person */
  assert_mention (m, "Ana Ruiz", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Bo Kelsey", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "FEMA", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Tim Okoye", 0, CC_ENTITY_PERSON, NULL);
  g_assert_true (find (m, "NFL", 0) == NULL || find (m, "NFL", 0)->type != CC_ENTITY_PERSON);
  /* "Pro-Ruiz": the prefix is not part of the name */
  g_assert_null (find (m, "Pro-Ruiz", 0));
  assert_mention (m, "Ruiz", 0, CC_ENTITY_PERSON, "Ana Ruiz");
  /* two companies, each named in full; a market, not a benchmark; a body
   * headed by its kind, whole */
  assert_mention (m, "Halvard Therapeutics", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Brenlow Bio", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "New York Stock Exchange", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Centers for Disease Control and Prevention", 0, CC_ENTITY_ORG, NULL);
  /* a day, then a term: no range from one to the other */
  assert_mention (m, "Wednesday", 0, CC_ENTITY_DATE, NULL);
  assert_mention (m, "two years", 0, CC_ENTITY_DATE, NULL);
  if (has_reference_data ())
    {
      /* a compass word before a known place, and a place before an office */
      assert_mention (m, "East Denver", 0, CC_ENTITY_LOCATION, NULL);
      assert_mention (m, "Denver", 0, CC_ENTITY_LOCATION, NULL);
    }
  else
    g_test_message ("iso-codes or tzdata not installed: place checks skipped");
}

/* More wire copy (diplomacy, business, sport; written for this test): a
 * dated dateline, an office with its domain, bodies of nations, a noun
 * before a company at a sentence start, a nationality before a noun, a
 * rank and a score, a venue, a sport's national body, and money in words
 * over a range. */
static void
test_names_more_domains (void)
{
  const char *text =
    "GENEVA, Dec 3 (Reuters) - Foreign ministers backed a United Nations plan. "
    "U.S. Secretary of State Ana Brill said the International Organization for Migration "
    "would help. The Palais des Nations was full.\n"
    "Rival Brackwell Group gained 2%. It expects spending of 450 million to 500 million "
    "pounds this year.\n"
    "MELBOURNE, Australia (AP) \u2014 Unseeded Swiss player Lena Okafor beat world No. 1 "
    "Daria Volk 6-4, 3-6, 7-5 at Rod Laver Arena. Tennis Australia said fans came.\n"
    "Chipmaker Veltrix hired Omar Pike, 34, of Cicero. The store, Halden & Frost Jewelers, "
    "said Chicago Police Supt. Ray Dunn called the Economic Community of West African "
    "States (ECOWAS).\n"
    "Jon Maddox scored twice as Harwick beat Dunmore 3-1. The Orbital Agency's Kestrel "
    "spacecraft launched.\n"
    "Edda Norr, who won the Holweck Prize, dies at 91. Shares closed at $47.10.\n"
    "Leeds East MP Ruth Pell spoke. Downing Street said a South Korean court cleared "
    "Kim Tae-yong, chairman of Halvon Electronics. The BJP-led alliance won. Voters chose "
    "the Drumlow People's Party and Kettering Children's Hospital.\n"
    "LOS ANGELES (AP) \u2014 Tara Vell's Comet Tour sold out. A Norvik Air Lines jet, "
    "Norvik Flight 4819, landed. Halo 2 scored 71.4% on QX-bench Verified.\n"
    "Oil rose $1.50 to $82.30. Jobless claims fell 0.3 percentage points to 4.1%. Repairs take "
    "two to three years, or 2-3 weeks, or 8 to 10 days. The vote is next Tuesday; the "
    "fair was on 12-13 June 2025.\n"
    "Ald. Rita Moss, whose 20th Ward is on the South Side, met Latino families.\n"
    "Talks with Karim al-Hadi, Rafael de la Vega, Ruud van der Mark, Anne-Sofie Brandt and "
    "Corinne Le Gall ended; Journal du Soir reported it.\n"
    "The WHO and Doctors Without Borders warned, and Physicians for Human Rights agreed.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);
  CcMention *x;

  /* a constituency before an office, a street, a romanised given name, a
   * company of electronics; a nationality before a noun is no name */
  assert_mention (m, "Ruth Pell", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Downing Street", 0, CC_ENTITY_LOCATION, NULL);
  assert_mention (m, "Kim Tae-yong", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Halvon Electronics", 0, CC_ENTITY_ORG, NULL);
  g_assert_null (find (m, "South Korean", 0));
  /* a wire's credit is no acronym of a dateline's city; a tour is no person */
  assert_mention (m, "AP", 1, CC_ENTITY_ORG, "AP");
  g_assert_true (find (m, "Comet Tour", 0) == NULL ||
                 find (m, "Comet Tour", 0)->type != CC_ENTITY_PERSON);
  /* a change and a level are two figures; ranges that name their unit
   * once, of numbers in words or in one token */
  assert_mention (m, "$1.50", 0, CC_ENTITY_MONEY, NULL);
  assert_mention (m, "$82.30", 0, CC_ENTITY_MONEY, NULL);
  assert_mention (m, "0.3 percentage points", 0, CC_ENTITY_QUANTITY, NULL);
  assert_mention (m, "4.1%", 0, CC_ENTITY_PERCENT, NULL);
  x = find (m, "two to three years", 0);
  g_assert_nonnull (x);
  g_assert_cmpstr (x->value, ==, "P2Y/P3Y");
  x = find (m, "2-3 weeks", 0);
  g_assert_nonnull (x);
  g_assert_cmpstr (x->value, ==, "P2W/P3W");
  assert_mention (m, "8 to 10 days", 0, CC_ENTITY_DATE, NULL);
  /* particles of people's names, and given names joined by a hyphen; a
   * body's name with a particle stays a body's */
  assert_mention (m, "Karim al-Hadi", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Rafael de la Vega", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Ruud van der Mark", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Anne-Sofie Brandt", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Corinne Le Gall", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Journal du Soir", 0, CC_ENTITY_ORG, NULL);
  /* people of a calling, plural, heading a body's name */
  assert_mention (m, "Doctors Without Borders", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Physicians for Human Rights", 0, CC_ENTITY_ORG, NULL);
  /* a city's districts; an adjective of ethnicity names no one */
  assert_mention (m, "Rita Moss", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "20th Ward", 0, CC_ENTITY_LOCATION, NULL);
  assert_mention (m, "South Side", 0, CC_ENTITY_LOCATION, NULL);
  g_assert_null (find (m, "Latino", 0));
  /* a weekday to come in words, not its code; two days of a month */
  assert_mention (m, "next Tuesday", 0, CC_ENTITY_DATE, "next Tuesday");
  x = find (m, "12-13 June 2025", 0);
  g_assert_nonnull (x);
  g_assert_cmpstr (x->value, ==, "2025-06-12/2025-06-13");
  /* a benchmark named with a hyphen and a lower-case word */
  assert_mention (m, "QX-bench Verified", 0, CC_ENTITY_BENCHMARK, NULL);
  /* "a X jet" names its maker; a flight's number is no name */
  assert_mention (m, "Norvik Air Lines", 0, CC_ENTITY_ORG, NULL);
  g_assert_null (find (m, "Norvik Flight 4819", 0));
  g_assert_null (find (m, "Flight 4819", 0));
  /* the possessive of an irregular plural inside a body's name */
  assert_mention (m, "Drumlow People's Party", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Kettering Children's Hospital", 0, CC_ENTITY_ORG, NULL);
  g_assert_null (find (m, "BJP-led", 0));
  if (has_reference_data ())
    assert_mention (m, "Leeds East", 0, CC_ENTITY_LOCATION, NULL);

  /* a prize is no organisation; an obituary's age; a price keeps its cents */
  g_assert_true (find (m, "Holweck Prize", 0) == NULL ||
                 find (m, "Holweck Prize", 0)->type != CC_ENTITY_ORG);
  x = find (m, "91", 0);
  g_assert_nonnull (x);
  g_assert_cmpstr (x->value, ==, "age 91");
  assert_mention (m, "$47.10", 0, CC_ENTITY_MONEY, "$47.10");

  /* a player scores goals, teams beat teams by a score: no products; a
   * spacecraft is one, its owner's possessive says nothing of it */
  assert_mention (m, "Jon Maddox", 0, CC_ENTITY_PERSON, NULL);
  g_assert_true (find (m, "Harwick", 0) == NULL || find (m, "Harwick", 0)->type != CC_ENTITY_PRODUCT);
  assert_mention (m, "Kestrel", 0, CC_ENTITY_PRODUCT, NULL);

  /* a maker before a company's name, a town after an age, a firm named
   * with "&", a body before an office, a community of states */
  g_assert_null (find (m, "Chipmaker Veltrix", 0));
  assert_mention (m, "Veltrix", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Cicero", 0, CC_ENTITY_LOCATION, NULL);
  assert_mention (m, "Halden & Frost Jewelers", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Chicago Police", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Ray Dunn", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Economic Community of West African States", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "ECOWAS", 0, CC_ENTITY_ORG, "Economic Community of West African States");

  check_sorted_and_in_bounds (m, text);
  /* the story's first word after a dateline is a sentence's first word */
  g_assert_null (find (m, "Foreign", 0));
  g_assert_null (find (m, "Unseeded Swiss", 0));
  g_assert_null (find (m, "No", 0));
  assert_mention (m, "Reuters", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "United Nations", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Ana Brill", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "International Organization for Migration", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Palais des Nations", 0, CC_ENTITY_ORG, NULL);
  assert_mention (m, "Brackwell Group", 0, CC_ENTITY_ORG, NULL);
  x = find (m, "450 million to 500 million pounds", 0);
  g_assert_nonnull (x);
  g_assert_cmpint (x->type, ==, CC_ENTITY_MONEY);
  g_assert_cmpstr (x->value, ==, "GBP 450000000/500000000");
  /* a score is no version of the name before it */
  assert_mention (m, "Daria Volk", 0, CC_ENTITY_PERSON, NULL);
  assert_mention (m, "Rod Laver Arena", 0, CC_ENTITY_LOCATION, NULL);
  assert_mention (m, "Tennis Australia", 0, CC_ENTITY_ORG, NULL);
  if (has_reference_data ())
    /* the dateline's country, no surname of the sport's body */
    assert_mention (m, "Australia", 0, CC_ENTITY_LOCATION, "Australia");
}

/* "Vantexa chips": a possessive without its apostrophe is the name's when
 * the document names it alone; a surname or a verb after it is not. */
static void
test_names_bare_possessive (void)
{
  const char *text = "Vantexa unveiled a new processor on Monday.\n"
                     "Analysts said Vantexas chips outsold every rival, and Vantexa shares rose.\n"
                     "Serena Williams beat Prince William at chess. Williams said little.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  /* the mention is the name, as with "Vantexa's" */
  assert_mention (m, "Vantexa", 1, CC_ENTITY_ORG, "Vantexa");
  g_assert_null (find (m, "Vantexas", 0));
  /* part of a longer name, or before a verb: left as written */
  g_assert_nonnull (find (m, "Serena Williams", 0));
  g_assert_null (find (m, "William", 1));
}

static void
test_values_in_text (void)
{
  const char *text = "The deal, worth $14.3 billion, closed on April 8, 2026. Shares rose 12% "
                     "and 87.5 percent of staff agreed. By early 2026 the app had 1.2 billion "
                     "downloads; the fee was €62m, or £54 million, paid in mid-2027.";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  g_assert_cmpstr (find (m, "$14.3 billion", 0)->value, ==, "USD 14300000000");
  g_assert_cmpstr (find (m, "April 8, 2026", 0)->value, ==, "2026-04-08");
  g_assert_cmpstr (find (m, "12%", 0)->value, ==, "12%");
  g_assert_cmpstr (find (m, "87.5 percent", 0)->value, ==, "87.5%");
  g_assert_cmpstr (find (m, "early 2026", 0)->value, ==, "2026-01/2026-04");
  g_assert_cmpstr (find (m, "1.2 billion downloads", 0)->value, ==, "1200000000 downloads");
  g_assert_cmpstr (find (m, "€62m", 0)->value, ==, "EUR 62000000");
  g_assert_cmpstr (find (m, "£54 million", 0)->value, ==, "GBP 54000000");
  g_assert_cmpstr (find (m, "mid-2027", 0)->value, ==, "2027-05/2027-08");
}

/* People read figures in the words of the text; the normalised value is
 * kept for comparison. A month to a month is one range. */
static void
test_values_in_words (void)
{
  const char *text = "Sales from January to April 2026 rose; the app had 1.2 billion downloads "
                     "after a $14.3 billion deal. From March to the end of the year it grew.";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  check_sorted_and_in_bounds (m, text);
  assert_mention (m, "January to April 2026", 0, CC_ENTITY_DATE, "January to April 2026");
  g_assert_cmpstr (find (m, "January to April 2026", 0)->value, ==, "2026-01/2026-04");
  assert_mention (m, "1.2 billion downloads", 0, CC_ENTITY_QUANTITY, "1.2 billion downloads");
  assert_mention (m, "$14.3 billion", 0, CC_ENTITY_MONEY, "$14.3 billion");
  /* "to the end": no second month, no range */
  g_assert_null (find (m, "March to the end", 0));
}

static void
test_value_api (void)
{
  g_autoptr(CcValue) a = cc_value_parse ("over $14 billion", CC_VALUE_NONE);
  g_autoptr(CcValue) b = cc_value_parse ("$14.3 billion", CC_VALUE_MONEY);
  g_autoptr(CcValue) c = cc_value_parse ("$12 billion", CC_VALUE_MONEY);
  g_autoptr(CcValue) d = cc_value_parse ("April 2026", CC_VALUE_DATE);
  g_autoptr(CcValue) e = cc_value_parse ("April 8, 2026", CC_VALUE_DATE);
  g_autoptr(CcValue) f = cc_value_parse_normalized (CC_VALUE_DATE, "2026-01/2026-04");
  g_autoptr(CcValue) g = cc_value_parse ("€14.3 billion", CC_VALUE_MONEY);
  g_autoptr(CcValue) h = cc_value_parse ("banana", CC_VALUE_NONE);
  g_autofree char *s = NULL;

  g_assert_nonnull (a);
  g_assert_cmpint (a->kind, ==, CC_VALUE_MONEY);
  g_assert_cmpint (a->qualifier, ==, CC_VALUE_AT_LEAST);
  s = cc_value_to_string (b);
  g_assert_cmpstr (s, ==, "USD 14300000000");
  g_assert_cmpint (cc_value_compare (a, b), ==, CC_VALUE_MATCH_CLOSE);
  g_assert_cmpint (cc_value_compare (b, c), ==, CC_VALUE_MATCH_DIFFERENT);
  g_assert_cmpint (cc_value_compare (b, g), ==, CC_VALUE_MATCH_INCOMPARABLE);
  g_assert_cmpint (cc_value_compare (d, e), ==, CC_VALUE_MATCH_CLOSE);
  g_assert_cmpint (cc_value_compare (d, f), ==, CC_VALUE_MATCH_CLOSE);
  g_assert_null (h);
}

static GString *
repeat (const char *unit,
        gsize       bytes)
{
  GString *s = g_string_sized_new (bytes + strlen (unit));

  while (s->len < bytes)
    g_string_append (s, unit);
  return s;
}

static void
extract_ok (const char *text)
{
  g_autoptr(GPtrArray) m = cc_entities_extract (text);
  check_sorted_and_in_bounds (m, text);
}

static void
test_bad_input (void)
{
  g_autoptr(GString) word = repeat ("Abcdefghij", 1024 * 1024);
  g_autoptr(GString) digits = repeat ("1234567890", 1024 * 1024);
  g_autoptr(GString) caps = repeat ("Alpha Beta Gamma ", 1024 * 1024);
  g_autoptr(GString) line = repeat ("the price rose 12% to $3.5 billion on April 8, 2026 and ", 1024 * 1024);
  g_autoptr(GString) punct = repeat (".,;:!?()\"'’-—$€%", 256 * 1024);

  extract_ok ("");
  extract_ok ("   \n\n\t ");
  extract_ok (word->str);
  extract_ok (digits->str);
  extract_ok (caps->str);
  extract_ok (line->str);
  extract_ok (punct->str);
  /* Every script, Korean particles glued to Latin names, emoji, combining marks */
  extract_ok ("2026년 4월 8일, Meta가 Muse Spark를 공개했습니다. 💬 Comments (0) 🔒 Log in\n"
              "Ελληνικά Кириллица العربية עברית हिन्दी 中文 日本語 ไทย ⚽️👍🏽 e\u0301 Z\u0335a\u0336\n"
              "Dr. Ana Lima (ANL) ANL’s ANL's $ € £ 12 % — “Quoted Title Case Here”\n");
  {
    g_autoptr(GPtrArray) m = cc_entities_extract ("2026년 4월 8일, Meta가 Muse Spark를 공개했습니다.");
    for (guint i = 0; i < m->len; i++)
      g_assert_null (strstr (((CcMention *)m->pdata[i])->surface, "가"));
  }
}

static char *
mentions_dump (GPtrArray *mentions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < mentions->len; i++)
    {
      CcMention *m = mentions->pdata[i];

      g_string_append_printf (out, "%u %u %s %s|%s|%s\n", m->start, m->end,
                              cc_entity_type_to_string (m->type), m->surface, m->canonical,
                              m->value ? m->value : "-");
    }
  return g_string_free (out, FALSE);
}

static const char *
value_of (GPtrArray  *mentions,
          const char *surface)
{
  CcMention *m = find (mentions, surface, 0);

  if (m == NULL)
    g_error ("no mention “%s”", surface);
  return m->value;
}

/* The words and values of figures are kept per thread between
 * extractions: what they depend on, the article's date and another dollar
 * named in the text, must still change them, and nothing else may. */
static void
test_figure_memo (void)
{
  const char *text = "Sales rose 12% yesterday to $5 million, up from last year.";
  const char *aussie = "The Australian dollar fell. Sales rose 12% yesterday to $5 million.";
  g_autoptr(GDate) day1 = g_date_new_dmy (8, G_DATE_APRIL, 2026);
  g_autoptr(GDate) day2 = g_date_new_dmy (3, G_DATE_MARCH, 2027);
  g_autoptr(GPtrArray) plain = cc_entities_extract (text);
  g_autoptr(GPtrArray) dated1 = cc_entities_extract_dated (text, day1);
  g_autoptr(GPtrArray) dated2 = cc_entities_extract_dated (text, day2);
  g_autoptr(GPtrArray) again = cc_entities_extract_dated (text, day1);
  g_autoptr(GPtrArray) other = cc_entities_extract (aussie);
  g_autofree char *d1 = mentions_dump (dated1);
  g_autofree char *d1b = mentions_dump (again);

  g_assert_cmpstr (value_of (dated1, "yesterday"), ==, "2026-04-07");
  g_assert_cmpstr (value_of (dated2, "yesterday"), ==, "2027-03-02");
  g_assert_cmpstr (value_of (dated1, "last year"), ==, "2025");
  g_assert_cmpstr (value_of (dated2, "last year"), ==, "2026");
  g_assert_cmpstr (value_of (plain, "yesterday"), !=, value_of (dated1, "yesterday"));
  g_assert_cmpstr (d1, ==, d1b);
  g_assert_cmpstr (value_of (plain, "$5 million"), ==, "USD 5000000");
  g_assert_cmpstr (value_of (other, "$5 million"), ==, "USD? 5000000");
}

/* The tokenizer validates the text as it reads it: a text the extractor
 * reads whole is exactly a valid UTF-8 one (g_utf8_validate()), wherever
 * the bad bytes are, and a bad one gives no mention and a warning. */
static void
test_invalid_utf8 (void)
{
  static const char * const bad[] = {
    "\x80",                 /* a lone continuation byte */
    "\xc3",                 /* a sequence cut by the end */
    "\xe2\x82",
    "\xf0\x9f\x98",
    "\xc0\xaf",             /* overlong */
    "\xe0\x80\xaf",
    "\xed\xa0\x80",         /* a surrogate */
    "\xf4\x90\x80\x80",     /* beyond U+10FFFF */
    "\xfe", "\xff",
    "\xc3\x28",             /* a lead byte before ASCII */
  };
  /* the bytes go between the two halves */
  static const char * const places[][2] = { { "", " Mayor Helen Okafor said on 3 March." },
                                            { "Mayor Helen Okafor", " said on 3 March." },
                                            { "Mayor Helen Okafor said on 3 March. ", "" },
                                            { "Mayor Helen Okafor said on 3 March.", "" } };

  /* in a child, where the warning is not fatal: the parent reads it */
  if (g_test_subprocess ())
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
        for (guint p = 0; p < G_N_ELEMENTS (places); p++)
          {
            g_autofree char *text = g_strconcat (places[p][0], bad[k], places[p][1], NULL);
            g_autoptr(GPtrArray) m = NULL;

            g_assert_false (g_utf8_validate (text, -1, NULL));
            m = cc_entities_extract (text);
            g_assert_cmpuint (m->len, ==, 0);
            g_print ("rejected %u.%u\n", k, p);
          }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*rejected 10.3*");
  g_test_trap_assert_stderr ("*not valid UTF-8*");

  /* and valid text beyond ASCII, in each place, is read whole */
  {
    static const char * const good[] = { "\xc3\xa9", "\xe2\x80\x94", "\xf0\x9f\x98\x80",
                                         "\xef\xbf\xbd" };

    /* (not glued after the date's full stop, where it would join the
     * word "March") */
    for (guint k = 0; k < G_N_ELEMENTS (good); k++)
      for (guint p = 0; p + 1 < G_N_ELEMENTS (places); p++)
        {
          g_autofree char *text = g_strconcat (places[p][0], good[k], places[p][1], NULL);
          g_autoptr(GPtrArray) m = cc_entities_extract (text);

          gboolean date = FALSE;

          g_assert_true (g_utf8_validate (text, -1, NULL));
          check_sorted_and_in_bounds (m, text);
          for (guint i = 0; i < m->len; i++)
            if (((CcMention *)m->pdata[i])->type == CC_ENTITY_DATE)
              date = TRUE;
          g_assert_true (date);   /* "3 March": the text was read */
        }
  }
}

/* Mentions come from several passes (figures, names, the parts of
 * compounds like "Acme-owned", the places of events) and are merged into
 * one order: here the compound parts come first in the text and last from
 * their pass, and the figures are spread among the names. */
static void
test_mentions_merged_in_order (void)
{
  const char *text =
    "The Acme-owned plant and the Brightwater-backed fund opened on 3 March 2026.\n"
    "Acme Industries said on Tuesday that Acme would hire 1,200 people, and "
    "Brightwater Capital put $40 million into it. Helen Okafor, the mayor, ran "
    "the Berlin Marathon in 2025 and said Acme had paid 12% more than planned.\n";
  g_autoptr(GPtrArray) m = cc_entities_extract (text);
  gboolean acme_part = FALSE;

  check_sorted_and_in_bounds (m, text);
  for (guint i = 0; i < m->len; i++)
    {
      CcMention *x = m->pdata[i];

      if (x->start == 4 && g_strcmp0 (x->surface, "Acme") == 0)
        acme_part = TRUE;
    }
  /* the part of the compound is found, and comes first */
  g_assert_true (acme_part);
  g_assert_cmpuint (((CcMention *)m->pdata[0])->start, ==, 4);
}

/* A mention holds its strings in its own block: copies, a canonical name
 * spelt as the surface shared, fields replaced later freed on their own
 * (ASan would report a bad or double free). */
static void
test_mention_new (void)
{
  const char text[] = "Acme Corp.";
  g_autoptr(CcMention) a = cc_mention_new (3, 7, CC_ENTITY_ORG, text, 4, "Acme", -1, NULL);
  g_autoptr(CcMention) b = cc_mention_new (0, 3, CC_ENTITY_MONEY, "$14", -1, "$14", -1, "USD 14");
  g_autoptr(CcMention) c = NULL;
  g_autoptr(CcMention) d = cc_mention_new (0, 0, CC_ENTITY_PERSON, NULL, 0, NULL, 0, NULL);

  g_assert_cmpuint (a->start, ==, 3);
  g_assert_cmpuint (a->end, ==, 7);
  g_assert_cmpint (a->type, ==, CC_ENTITY_ORG);
  g_assert_cmpstr (a->surface, ==, "Acme");
  g_assert_true (a->surface != text);
  g_assert_cmpstr (a->canonical, ==, "Acme");
  g_assert_null (a->value);
  g_assert_cmpstr (b->value, ==, "USD 14");
  g_assert_cmpstr (b->canonical, ==, "$14");
  g_assert_null (d->surface);

  /* a field set afterwards to a string of its own */
  a->canonical = g_strdup ("Acme Corporation");
  b->value = g_strdup ("USD 14000");
  b->surface = g_strdup ("$14k");
  c = cc_mention_copy (b);
  g_assert_cmpstr (c->surface, ==, "$14k");
  g_assert_cmpstr (c->canonical, ==, "$14");
  g_assert_cmpstr (c->value, ==, "USD 14000");
  g_assert_true (c->value != b->value);
}

/* Entities live in blocks kept per thread and emptied after each text
 * (cc-entities-names.c): a text whose names fill many blocks, one name
 * longer than a block, and a short text between two extractions of the
 * long one must give the same mentions each time, with nothing of one
 * text left in the next. */
static void
test_names_storage (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) longname = g_string_new ("Q");
  g_autofree char *first = NULL, *again = NULL;
  g_autofree char *last_name = NULL;
  const char *shorttext = "Mayor Helen Okafor said the bridge would reopen.";

  for (guint k = 0; k < 800; k++)
    g_string_append_printf (text, "Mayor K%c%c%c L%c%c%c said the plan would work.\n",
                            'a' + k % 26, 'a' + k / 26 % 26, 'a' + k / 676 % 26,
                            'a' + k / 26 % 26, 'a' + k % 26, 'o');
  for (guint k = 0; k < 6000; k++)
    g_string_append_c (longname, 'a' + k % 26);
  g_string_append_printf (text, "The firm %s Industries said so.\n", longname->str);
  last_name = g_strdup_printf ("K%c%c%c L%c%c%c", 'a' + 799 % 26, 'a' + 799 / 26 % 26,
                               'a' + 799 / 676 % 26, 'a' + 799 / 26 % 26, 'a' + 799 % 26, 'o');
  {
    g_autoptr(GPtrArray) m = cc_entities_extract (text->str);
    g_autofree char *long_org = g_strdup_printf ("%s Industries", longname->str);
    CcMention *person = find (m, last_name, 0), *org = find (m, long_org, 0);

    first = mentions_dump (m);
    g_assert_nonnull (person);
    g_assert_cmpint (person->type, ==, CC_ENTITY_PERSON);
    g_assert_nonnull (org);
    g_assert_cmpint (org->type, ==, CC_ENTITY_ORG);
  }
  {
    g_autoptr(GPtrArray) m = cc_entities_extract (shorttext);
    g_autofree char *dump = mentions_dump (m);
    CcMention *helen = find (m, "Helen Okafor", 0);

    g_assert_nonnull (helen);
    g_assert_cmpint (helen->type, ==, CC_ENTITY_PERSON);
    g_assert_cmpstr (helen->canonical, ==, "Helen Okafor");
    g_assert_null (strstr (dump, "Industries"));
    g_assert_null (strstr (dump, last_name));
  }
  {
    g_autoptr(GPtrArray) m = cc_entities_extract (text->str);

    again = mentions_dump (m);
  }
  g_assert_cmpstr (first, ==, again);
}

typedef struct
{
  GPtrArray *texts;
  GPtrArray *dumps;   /* out */
} ThreadJob;

static gpointer
extract_all (gpointer data)
{
  ThreadJob *job = data;

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < job->texts->len; i++)
      {
        g_autoptr(GPtrArray) m = cc_entities_extract (job->texts->pdata[i]);
        char *dump = mentions_dump (m);

        if (round == 0)
          g_ptr_array_add (job->dumps, dump);
        else
          {
            g_assert_cmpstr (job->dumps->pdata[i], ==, dump);
            g_free (dump);
          }
      }
  return NULL;
}

/* Extraction keeps buffers and a table of figures per thread:
 * two threads extracting at once, a long text between short ones, give
 * what one thread gives. */
static void
test_threads (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) longtext = repeat ("Acme Corp. said revenue rose 12% to $4.2 billion. ", 2 * 1024 * 1024);
  ThreadJob a = { texts, g_ptr_array_new_with_free_func (g_free) };
  ThreadJob b = { texts, g_ptr_array_new_with_free_func (g_free) };
  ThreadJob serial = { texts, g_ptr_array_new_with_free_func (g_free) };
  GThread *ta, *tb;

  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (texts, g_strdup_printf ("Jane Doe of Acme Labs said on April %u, 2026 that "
                                             "%u%% of its %u engineers in Port Ellery will move "
                                             "within %u months; the deal was worth $%u.%u billion.",
                                             1 + i % 28, 10 + i, 100 + 7 * i, 1 + i % 12, i % 9 + 1, i % 10));
  g_ptr_array_add (texts, g_strdup (longtext->str));
  g_ptr_array_add (texts, g_strdup ("Short text by Ann Lee, 2026."));

  extract_all (&serial);
  ta = g_thread_new ("extract-a", extract_all, &a);
  tb = g_thread_new ("extract-b", extract_all, &b);
  g_thread_join (ta);
  g_thread_join (tb);
  for (guint i = 0; i < texts->len; i++)
    {
      g_assert_cmpstr (a.dumps->pdata[i], ==, serial.dumps->pdata[i]);
      g_assert_cmpstr (b.dumps->pdata[i], ==, serial.dumps->pdata[i]);
    }
  g_ptr_array_unref (a.dumps);
  g_ptr_array_unref (b.dumps);
  g_ptr_array_unref (serial.dumps);
}

/* The work counted by the extractor grows linearly: four times the text
 * costs about four times the steps, for ordinary text, one huge line and
 * one huge word. */
static void
test_linear (void)
{
  const char *units[] = {
    "Acme Corp. said on Monday that Jane Doe, its chief executive, expects revenue of "
    "$4.2 billion, up 12%, as 1,200 new customers signed up in early 2026.\n",
    "Alpha Beta Gamma Delta 3.5 Pro (12.5) on the X Bench, ",
    "Abcdefghijklmnopqrstuvwxyz",
  };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GString) small = repeat (units[u], 256 * 1024);
      g_autoptr(GString) large = repeat (units[u], 1024 * 1024);
      guint64 w0, w1, w2;
      double ratio;

      w0 = cc_entities_get_work ();
      g_ptr_array_unref (cc_entities_extract (small->str));
      w1 = cc_entities_get_work ();
      g_ptr_array_unref (cc_entities_extract (large->str));
      w2 = cc_entities_get_work ();
      ratio = (double)(w2 - w1) / (double)(w1 - w0);
      g_test_message ("unit %u: work %" G_GUINT64_FORMAT " -> %" G_GUINT64_FORMAT ", ratio %.2f",
                      u, w1 - w0, w2 - w1, ratio);
      g_assert_cmpfloat (ratio, >, 3.5);
      g_assert_cmpfloat (ratio, <, 4.5);
    }
}

static void
test_cache (void)
{
  char *dir = cc_test_tmpdir_new ();
  g_autofree char *file = cc_test_write_file (dir, "docs/a.txt",
                                              "Title Line\nJane Doe of Acme Corp. said revenue rose 12% "
                                              "in March 2026.\n", -1);
  g_autofree char *folder = g_build_filename (dir, "docs", NULL);
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gint64 id;
  guint before;

  {
    g_autoptr(CcStore) store = cc_test_open_store (dir);
    const char *paths[] = { folder, NULL };
    g_autoptr(CcImportReport) report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    g_autoptr(GPtrArray) first = NULL;
    g_autoptr(GPtrArray) second = NULL;

    g_assert_no_error (error);
    db = g_strdup (cc_store_get_path (store));
    docs = cc_store_list_documents (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (docs->len, ==, 1);
    id = cc_document_get_id (docs->pdata[0]);

    before = cc_entities_get_extraction_count ();
    first = cc_entities_for_document (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cc_entities_get_extraction_count (), ==, before + 1);
    second = cc_entities_for_document (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cc_entities_get_extraction_count (), ==, before + 1);
    g_assert_cmpuint (first->len, ==, second->len);
    g_assert_cmpuint (first->len, >, 0);
    for (guint i = 0; i < first->len; i++)
      {
        CcMention *a = first->pdata[i], *b = second->pdata[i];
        g_assert_cmpuint (a->start, ==, b->start);
        g_assert_cmpuint (a->end, ==, b->end);
        g_assert_cmpint (a->type, ==, b->type);
        g_assert_cmpstr (a->canonical, ==, b->canonical);
        g_assert_cmpstr (a->value, ==, b->value);
      }
  }

  /* A re-opened library is not re-analysed. */
  {
    g_autoptr(CcStore) store = cc_store_open (db, &error);
    g_autoptr(GPtrArray) again = NULL;
    g_autoptr(GPtrArray) summary = NULL;

    g_assert_no_error (error);
    again = cc_entities_for_document (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cc_entities_get_extraction_count (), ==, before + 1);
    summary = cc_entities_summarize (store, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (summary->len, >, 0);
    g_assert_cmpuint (((CcEntitySummary *)summary->pdata[0])->documents, ==, 1);
  }

  /* The command line: six TSV columns, summary of four, JSON. */
  {
    const char *argv[] = { "--db", db, "entities", "a.txt", NULL };
    const char *argv_sum[] = { "--db", db, "entities", "--summary", NULL };
    const char *argv_json[] = { "--db", db, "entities", "--format", "json", NULL };
    const char *argv_bad[] = { "--db", db, "entities", "nope.txt", NULL };
    g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
    g_autofree char *out3 = NULL, *err3 = NULL, *out4 = NULL, *err4 = NULL;
    g_auto(GStrv) lines = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
    lines = g_strsplit (out, "\n", -1);
    g_assert_nonnull (strstr (out, "a.txt\t"));
    for (guint i = 0; lines[i] && *lines[i]; i++)
      {
        g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
        g_assert_cmpuint (g_strv_length (f), ==, 6);
        g_assert_cmpstr (f[0], ==, "a.txt");
      }
    g_assert_nonnull (strstr (out, "\tPERSON\tJane Doe\tJane Doe"));

    g_assert_cmpint (cc_test_run_cli (argv_sum, &out2, &err2), ==, 0);
    g_assert_nonnull (strstr (out2, "Jane Doe\tPERSON\t1\t1\n"));

    g_assert_cmpint (cc_test_run_cli (argv_json, &out3, &err3), ==, 0);
    json_parser_load_from_data (parser, out3, -1, &error);
    g_assert_no_error (error);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));

    g_assert_cmpint (cc_test_run_cli (argv_bad, &out4, &err4), !=, 0);
    g_assert_nonnull (strstr (err4, "nope.txt"));
  }
  g_assert_cmpuint (cc_entities_get_extraction_count (), ==, before + 1);

  cc_test_tmpdir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crosscheck/entities/sentences", test_sentences);
  g_test_add_func ("/crosscheck/entities/names", test_names);
  g_test_add_func ("/crosscheck/entities/mention-new", test_mention_new);
  g_test_add_func ("/crosscheck/entities/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/crosscheck/entities/merged-in-order", test_mentions_merged_in_order);
  g_test_add_func ("/crosscheck/entities/names/roles", test_names_roles);
  g_test_add_func ("/crosscheck/entities/names/lost-break", test_names_lost_break);
  g_test_add_func ("/crosscheck/entities/names/nickname", test_names_nickname);
  g_test_add_func ("/crosscheck/entities/names/counts-and-brackets", test_names_counts_and_brackets);
  g_test_add_func ("/crosscheck/entities/names/compounds", test_names_compounds);
  g_test_add_func ("/crosscheck/entities/names/places", test_names_places);
  g_test_add_func ("/crosscheck/entities/names/wire-copy", test_names_wire_copy);
  g_test_add_func ("/crosscheck/entities/names/more-domains", test_names_more_domains);
  g_test_add_func ("/crosscheck/entities/names/bare-possessive", test_names_bare_possessive);
  g_test_add_func ("/crosscheck/entities/names-table-rows", test_names_table_rows);
  g_test_add_func ("/crosscheck/entities/names-tight-acronym", test_names_tight_acronym);
  g_test_add_func ("/crosscheck/entities/names-coordinated-surnames", test_names_coordinated_surnames);
  g_test_add_func ("/crosscheck/entities/names-party-qualifiers", test_names_party_qualifiers);
  g_test_add_func ("/crosscheck/entities/values-in-text", test_values_in_text);
  g_test_add_func ("/crosscheck/entities/value-api", test_value_api);
  g_test_add_func ("/crosscheck/entities/values-in-words", test_values_in_words);
  g_test_add_func ("/crosscheck/entities/bad-input", test_bad_input);
  g_test_add_func ("/crosscheck/entities/linear", test_linear);
  g_test_add_func ("/crosscheck/entities/figure-memo", test_figure_memo);
  g_test_add_func ("/crosscheck/entities/names-storage", test_names_storage);
  g_test_add_func ("/crosscheck/entities/threads", test_threads);
  g_test_add_func ("/crosscheck/entities/cache", test_cache);
  return g_test_run ();
}
