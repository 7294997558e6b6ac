/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Claims, names, places, quotes and state (cc-claim-compare.c) and names
 * in the same role (cc-role-names.c), through the whole engine, on
 * sentences written for these tests. */

#include "config.h"

#include <string.h>

#include "cc-disagreements.h"

static CcDisagreementReport *
find2 (const char *a,
       const char *b)
{
  const char *texts[] = { a, b };

  return cc_disagreements_find (texts, 2);
}

/* The one row with @attribute, or NULL; fails when there are several. */
static const CcDisagreement *
row_with (const CcDisagreementReport *report,
          const char                 *attribute)
{
  const CcDisagreement *found = NULL;

  for (guint i = 0; i < report->disagreements->len; i++)
    {
      const CcDisagreement *d = g_ptr_array_index (report->disagreements, i);

      if (g_strcmp0 (d->attribute, attribute) != 0)
        continue;
      g_assert_null (found);
      found = d;
    }
  return found;
}

static void
assert_row (const char         *a,
            const char         *b,
            const char         *attribute,
            CcDisagreementKind  kind,
            const char         *value_a,
            const char         *value_b)
{
  g_autoptr(CcDisagreementReport) report = find2 (a, b);
  const CcDisagreement *d = row_with (report, attribute);

  g_assert_nonnull (d);
  g_assert_cmpint (d->kind, ==, kind);
  g_assert_cmpstr (d->value_a, ==, value_a);
  g_assert_cmpstr (d->value_b, ==, value_b);
  /* the quotes are the sentences that hold the values */
  g_assert_nonnull (strstr (a, d->quote_a));
  g_assert_nonnull (strstr (d->quote_a, value_a));
  g_assert_nonnull (strstr (d->quote_b, value_b));
}

static void
assert_no_row (const char *a,
               const char *b,
               const char *attribute)
{
  g_autoptr(CcDisagreementReport) report = find2 (a, b);

  g_assert_null (row_with (report, attribute));
}

/* ---- places ---- */

static void
test_place_water (void)
{
  const char *north =
    "The research vessel Aurora sank in the North Sea after a storm on Friday. "
    "Rescuers reached the crew within hours.";
  const char *baltic =
    "The research vessel Aurora sank in the Baltic Sea after a storm on Friday. "
    "Rescuers reached the crew within hours.";
  const char *coast =
    "Its wreck lies off the North Sea coast of Denmark, the research vessel Aurora's owners said.";
  const char *both =
    "The research vessel Aurora sank in the Baltic Sea, not in the North Sea as first said.";

  assert_row (north, baltic, "place", CC_DISAGREEMENT_CLAIM, "North Sea", "Baltic Sea");
  /* the same water, named another way */
  assert_no_row (north, coast, "place");
  /* a document that names both waters is not contradicted */
  assert_no_row (north, both, "place");
}

static void
test_place_class_word (void)
{
  /* a shore named after its water is that water; an ocean without its
   * class word is that ocean */
  assert_row ("The glider came down in the Pacific near the island, the navy said.",
              "The glider came down off Tarvo's Gulf Coast, the navy said.",
              "place", CC_DISAGREEMENT_CLAIM, "Pacific", "Tarvo's Gulf Coast");
  assert_no_row ("The glider came down in the Gulf of Tarvo near the island.",
                 "The glider came down off the Gulf Coast of the island.", "place");
  /* one common word that is not a name says little */
  assert_no_row ("Our reporter swam in the Caribbean.",
                 "Our reporter lives near the Pacific Ocean.", "place");
  /* sentences with nothing in common are not about one event */
  assert_no_row ("Tourists swim in the Caribbean every winter.",
                 "A tanker crossed the Pacific Ocean in May.", "place");
}

/* ---- names ---- */

static void
test_name_word_inside (void)
{
  assert_row ("The firm came first on the Global Freight Index this year.",
              "The firm came first on the Global Freight Safety Index this year.",
              "name", CC_DISAGREEMENT_NAMING, "Global Freight Index", "Global Freight Safety Index");
  /* a headline in title case has its verbs capitalised too */
  assert_no_row ("Orion Labs Nova Engine ships to schools next year.",
                 "Orion Labs Launches Nova Engine", "name");
  /* a middle name is the same person */
  assert_no_row ("Mary Carter Lind won the vote, officials said.",
                 "Mary Carter Anne Lind won the vote, officials said.", "name");
}

/* ---- quotes ---- */

static void
test_quote_differs (void)
{
  assert_row ("\"We are bringing every sailor home safely tonight,\" the harbour master said.",
              "\xe2\x80\x9cWe are bringing every sailor home tired but happy,\xe2\x80\x9d the harbour master said.",
              "quote", CC_DISAGREEMENT_CLAIM, "safely", "tired");
  /* a quotation cut short is not a misquote */
  assert_no_row ("\"We are bringing every sailor home safely tonight,\" the harbour master said.",
                 "\"We are bringing every sailor home,\" the harbour master said.", "quote");
  /* the same words outside quotation marks are not quoted speech */
  assert_no_row ("We are bringing every sailor home safely tonight, the harbour master said.",
                 "We are bringing every sailor home tired but happy, the harbour master said.",
                 "quote");
}

/* ---- state ---- */

static void
test_modality (void)
{
  assert_row ("The city council plans to rebuild the old stone bridge by spring.",
              "The city council hopes to rebuild the old stone bridge by spring.",
              "modality", CC_DISAGREEMENT_CLAIM, "plans", "hopes");
  /* two words of one class */
  assert_no_row ("The city council plans to rebuild the old stone bridge by spring.",
                 "The city council intends to rebuild the old stone bridge by spring.",
                 "modality");
}

static void
test_tense (void)
{
  const char *future =
    "The new payment service will launch in the coming weeks in Kenya, Ghana, Nigeria and Uganda.";

  assert_row (future,
              "The new payment service works in Kenya, Ghana, Nigeria and Uganda.",
              "state", CC_DISAGREEMENT_CLAIM, "coming weeks", "works");
  assert_no_row (future,
                 "The new payment service is expected in Kenya, Ghana, Nigeria and Uganda.",
                 "state");
  assert_no_row (future,
                 "The new payment service arrives next month in Kenya, Ghana, Nigeria and Uganda.",
                 "state");
}

/* ---- qualifiers of a figure ---- */

static void
test_period (void)
{
  assert_row ("The messaging app now reaches 40 million people daily, its maker said.",
              "The messaging app now reaches 40 million monthly users, its maker said.",
              "period", CC_DISAGREEMENT_NUMERIC, "40 million people", "40 million monthly");
  assert_no_row ("The messaging app now reaches 40 million people daily, its maker said.",
                 "The messaging app now reaches 40 million users every day, its maker said.",
                 "period");
  /* "in a year" is a span, not a rate */
  assert_no_row ("The messaging app reached 40 million people daily, its maker said.",
                 "The messaging app reached 40 million people in a year, its maker said.",
                 "period");
}

static void
test_statistic (void)
{
  assert_row ("The mill turned out an average of about one thousand sacks per day in May.",
              "The mill turned out a thousand sacks per day at its peak in May.",
              "statistic", CC_DISAGREEMENT_CLAIM, "one thousand sacks", "a thousand");
  assert_no_row ("The mill turned out an average of about one thousand sacks per day in May.",
                 "The mill turned out about a thousand sacks per day on average in May.",
                 "statistic");
}

/* ---- names in the same role ---- */

static void
test_role_given_name (void)
{
  g_autoptr(CcDisagreementReport) other =
    find2 ("The lifeboat carried Italian skipper Marco Belli and two crew to shore.",
           "The lifeboat carried Italian skipper Marco Ferrante and two crew to shore.");
  g_autoptr(CcDisagreementReport) same =
    find2 ("The lifeboat carried Italian skipper Marco Belli and two crew to shore.",
           "The lifeboat carried Italian skipper Marco Antonio Belli and two crew to shore.");
  gboolean found = FALSE;

  /* a shared given name alone does not make one person */
  for (guint i = 0; i < other->disagreements->len; i++)
    {
      const CcDisagreement *d = g_ptr_array_index (other->disagreements, i);

      if (g_strcmp0 (d->attribute, "name") == 0 && strcmp (d->value_a, "Marco Belli") == 0 &&
          strcmp (d->value_b, "Marco Ferrante") == 0)
        found = TRUE;
    }
  g_assert_true (found);
  for (guint i = 0; i < same->disagreements->len; i++)
    {
      const CcDisagreement *d = g_ptr_array_index (same->disagreements, i);

      g_assert_cmpstr (d->attribute, !=, "name");
    }
}

static void
test_runner_up (void)
{
  /* whoever the winner finished ahead of is second, as the place another
   * document gives */
  assert_row ("Rossi won the sprint two seconds ahead of teammate Paolo Verdi on Sunday.",
              "Luca Bianchi came in second, two seconds behind Rossi on Sunday.",
              "name", CC_DISAGREEMENT_CLAIM, "Paolo Verdi", "Luca Bianchi");
  assert_row ("Rossi won by 0:02 from the local favourite Paolo Verdi on Sunday.",
              "Luca Bianchi came in second, two seconds behind Rossi on Sunday.",
              "name", CC_DISAGREEMENT_CLAIM, "Paolo Verdi", "Luca Bianchi");
  /* without a win, "ahead of" gives no place */
  assert_no_row ("Rossi rode two seconds ahead of teammate Paolo Verdi on Sunday.",
                 "Luca Bianchi came in second, two seconds behind Rossi on Sunday.", "name");
}

static void
test_digit_slip (void)
{
  assert_row ("The probe has completed 3,482 orbits since its launch.",
              "Since its launch the probe has orbited the planet 34,882 times.",
              "orbit", CC_DISAGREEMENT_NUMERIC, "3,482 orbits", "34,882 times");
  /* two keystrokes apart: other figures */
  assert_no_row ("The probe has completed 3,482 orbits since its launch.",
                 "Since its launch the probe has orbited the planet 35,882 times.", "orbit");
  /* a document that gives both figures is not contradicted */
  assert_no_row ("The probe has completed 3,482 orbits since its launch.",
                 "Since its launch the probe has orbited the planet 34,882 times. "
                 "Its sister probe made 3,482 orbits.", "orbit");
}

static void
test_former_office (void)
{
  assert_row ("On Monday Governor Ella Marsh praised the rescue teams.",
              "On Monday former Governor Ella Marsh praised the rescue teams.",
              "office", CC_DISAGREEMENT_CLAIM, "Governor Ella Marsh", "former Governor Ella Marsh");
  assert_no_row ("On Monday Governor Ella Marsh praised the rescue teams.",
                 "On Monday former Governor Ella Marsh praised the rescue teams. "
                 "Governor Ella Marsh later left.", "office");
  /* "the former governor" after the one name of its sentence */
  assert_row ("On Monday Governor Ella Marsh praised the rescue teams.",
              "Marsh spoke on Monday: the former governor praised the rescue teams.",
              "office", CC_DISAGREEMENT_CLAIM, "Governor Ella Marsh", "former governor");
  assert_no_row ("On Monday Governor Ella Marsh praised the rescue teams.",
                 "Marsh and Tolland spoke: the former governor praised the rescue teams.", "office");
}

static void
test_variant_quote (void)
{
  /* a spelling variant is quoted where the two documents say most alike */
  const char *a =
    "Crowds gathered outside the Haldane Institute on Monday. "
    "The Haldane Institute opened its new wing for children on Monday.";
  const char *b =
    "The Haldene Institute opened its new wing for children on Monday.";
  g_autoptr(CcDisagreementReport) report = find2 (a, b);
  gboolean found = FALSE;

  for (guint i = 0; i < report->disagreements->len; i++)
    {
      const CcDisagreement *d = g_ptr_array_index (report->disagreements, i);

      if (d->kind == CC_DISAGREEMENT_NAMING && g_strcmp0 (d->attribute, "name") == 0)
        {
          g_assert_cmpstr (d->quote_a, ==, "The Haldane Institute opened its new wing for children on Monday.");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* ---- a count in progress and a count complete ---- */

/* The row setting a part done against the whole done: "completion" (or
 * "whole", when the lined-up rule gave it first), or NULL. */
static const CcDisagreement *
completion_row (const CcDisagreementReport *report)
{
  const CcDisagreement *d = row_with (report, "completion");

  return d != NULL ? d : row_with (report, "whole");
}

static void
test_completion (void)
{
  /* local elections: a part of the precincts reported, the final tally */
  const char *part =
    "The Riverton County Board has reported results for 18 of the 20 precincts, "
    "with Mayor Dana Holt ahead of Councillor Sam Reyes.";
  const char *final =
    "In the final tally released by the Riverton County Board, Mayor Dana Holt kept her seat.";
  const char *concluded =
    "The count in Riverton County has concluded, and Mayor Dana Holt kept her seat.";
  /* a disaster: victims identified, some or all */
  const char *some =
    "Coroners in Portmead have identified 40 of the 42 victims of the Harbor Line ferry fire.";
  const char *every =
    "Coroners in Portmead said every victim of the Harbor Line ferry fire had been identified.";

  assert_row (part, final, "completion", CC_DISAGREEMENT_CLAIM, "18 of the 20 precincts", "final tally");
  assert_row (part, concluded, "completion", CC_DISAGREEMENT_CLAIM, "18 of the 20 precincts",
              "count in Riverton County has concluded");
  {
    g_autoptr(CcDisagreementReport) report = find2 (some, every);
    const CcDisagreement *d = completion_row (report);

    g_assert_nonnull (d);
    g_assert_cmpint (d->kind, ==, CC_DISAGREEMENT_CLAIM);
    g_assert_cmpstr (d->value_a, ==, "40 of the 42 victims");
  }

  /* not complete: a tally to come, a count not over */
  assert_no_row (part,
                 "The final tally from the Riverton County Board is expected on Friday, "
                 "with Mayor Dana Holt ahead.", "completion");
  assert_no_row (part,
                 "The count in Riverton County has not concluded, and Mayor Dana Holt leads.",
                 "completion");
  /* a share won is not a count in progress */
  assert_no_row ("The Green Party won 18 of the 20 seats on the Riverton County Board, "
                 "Mayor Dana Holt said.",
                 final, "completion");
  /* another counting: the sentences share no names */
  assert_no_row (part, "The final tally of the Westbrook marathon was published by Lena Ortiz.",
                 "completion");
  /* a document that gives a part itself */
  assert_no_row (part,
                 "The Riverton County Board has reported results for 19 of the 20 precincts. "
                 "In the final tally released by the Riverton County Board, Mayor Dana Holt kept her seat.",
                 "completion");
}

/* ---- the day of the same event ---- */

static void
test_event_day (void)
{
  const char *began = "Climbers Anna Berg and Tomas Lind began their expedition on May 3, 2023, "
                      "from the southern base camp.";
  const char *opened = "The trial of Victor Hale opened on March 10 before Judge Maria Olsen.";

  /* an expedition; a year written against "last year" */
  assert_row (began,
              "Once meant to last three weeks, the expedition starting on May 4 last year kept "
              "Anna Berg and Tomas Lind on the mountain for two months.",
              "event", CC_DISAGREEMENT_DATE, "May 3, 2023", "May 4");
  /* a race */
  assert_row ("Runner Ada Kerr of Kenya set the course record on October 8, 2023, in Chicago.",
              "Originally planned as a pacing run, the course record on October 9 last year made "
              "Ada Kerr of Kenya famous in Chicago.",
              "event", CC_DISAGREEMENT_DATE, "October 8, 2023", "October 9");

  /* the day of a saying, not of the event */
  assert_no_row ("Judge Maria Olsen said on March 10 that Victor Hale would testify.",
                 "Judge Maria Olsen said on March 11 that Victor Hale would testify.", "event");
  /* other years written */
  assert_no_row (began,
                 "Anna Berg and Tomas Lind began their first expedition on May 4, 2022.", "event");
  /* a document that names both days */
  assert_no_row (opened,
                 "Victor Hale's trial opened on March 11, with Judge Maria Olsen presiding; "
                 "jurors were chosen on March 10.", "event");
  /* other people */
  assert_no_row (opened, "Ada Kerr's trial opened on March 11 in Lisbon.", "event");
  /* a week apart: two events */
  assert_no_row (opened, "Victor Hale's trial opened on March 17, with Judge Maria Olsen presiding.",
                 "event");
}

/* ---- how long ---- */

static void
test_how_long (void)
{
  const char *days = "After the crash the driver was kept in the county hospital for a few days "
                     "of observation by the trauma team.";

  /* a hospital stay; a strike */
  assert_row (days,
              "Doctors at the county hospital kept the driver under observation for several weeks "
              "before any return to racing.",
              "how long", CC_DISAGREEMENT_NUMERIC, "a few days", "several weeks");
  assert_row ("Dock workers in the harbour held a strike lasting a couple of hours over pay.",
              "The harbour strike by dock workers went on for three days over pay.",
              "how long", CC_DISAGREEMENT_NUMERIC, "a couple of hours", "three days");

  /* ranges that meet agree */
  assert_no_row (days,
                 "Doctors at the county hospital kept the driver under observation for three days "
                 "before any return to racing.", "how long");
  /* another thing: no word next to both */
  assert_no_row (days,
                 "The county hospital will close its old wing for several weeks of repairs, "
                 "the trauma team said.", "how long");
  /* said not to last */
  assert_no_row ("Dock workers in the harbour did not strike for a couple of hours over pay.",
                 "The harbour strike by dock workers went on for three days over pay.",
                 "how long");
}

/* ---- bad input ---- */

static void
test_long_input (void)
{
  /* a long run without full stops, quotation marks left open, a table of
   * figures: read in bounded steps, no rows */
  GString *a = g_string_new ("\"In the North Sea ");
  GString *b = g_string_new ("\xe2\x80\x9cIn the Baltic Sea ");
  g_autoptr(CcDisagreementReport) report = NULL;
  const char *texts[2];

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (a, "plans to %u a million daily %u, ", i, i * 7);
      g_string_append_printf (b, "hopes to %u a million monthly %u, ", i, i * 7);
    }
  texts[0] = a->str;
  texts[1] = b->str;
  report = cc_disagreements_find (texts, 2);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->disagreements->len, <, 3000);
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crosscheck/claim-compare/place/water", test_place_water);
  g_test_add_func ("/crosscheck/claim-compare/place/class-word", test_place_class_word);
  g_test_add_func ("/crosscheck/claim-compare/name/word-inside", test_name_word_inside);
  g_test_add_func ("/crosscheck/claim-compare/quote", test_quote_differs);
  g_test_add_func ("/crosscheck/claim-compare/state/modality", test_modality);
  g_test_add_func ("/crosscheck/claim-compare/state/tense", test_tense);
  g_test_add_func ("/crosscheck/claim-compare/figure/period", test_period);
  g_test_add_func ("/crosscheck/claim-compare/figure/statistic", test_statistic);
  g_test_add_func ("/crosscheck/claim-compare/role/given-name", test_role_given_name);
  g_test_add_func ("/crosscheck/claim-compare/role/runner-up", test_runner_up);
  g_test_add_func ("/crosscheck/claim-compare/figure/digit-slip", test_digit_slip);
  g_test_add_func ("/crosscheck/claim-compare/office/former", test_former_office);
  g_test_add_func ("/crosscheck/claim-compare/name/variant-quote", test_variant_quote);
  g_test_add_func ("/crosscheck/claim-compare/state/completion", test_completion);
  g_test_add_func ("/crosscheck/claim-compare/date/event-day", test_event_day);
  g_test_add_func ("/crosscheck/claim-compare/figure/how-long", test_how_long);
  g_test_add_func ("/crosscheck/claim-compare/long-input", test_long_input);
  return g_test_run ();
}
