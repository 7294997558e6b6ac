/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "First ... in/since" claims against earlier events (cc-claim-firsts.c),
 * through the whole engine, on sentences written for these tests, in
 * several domains (cars, music, phones), each with cases that must not
 * fire. */

#include "config.h"

#include <string.h>

#include "cc-disagreements.h"

static CcDisagreementReport *
find (const char * const *texts,
      guint               n)
{
  return cc_disagreements_find (texts, n);
}

/* The rows of kind `date` with @attribute (the kind noun's stem). */
static guint
count_rows (const CcDisagreementReport *report,
            const char                 *attribute,
            const CcDisagreement      **last)
{
  guint n = 0;

  for (guint i = 0; i < report->disagreements->len; i++)
    {
      const CcDisagreement *d = g_ptr_array_index (report->disagreements, i);

      if (d->kind != CC_DISAGREEMENT_DATE || g_strcmp0 (d->attribute, attribute) != 0)
        continue;
      n++;
      if (last != NULL)
        *last = d;
    }
  return n;
}

static void
assert_row (const char *a,
            const char *b,
            const char *attribute,
            const char *value_a,
            const char *value_b)
{
  const char *texts[] = { a, b };
  g_autoptr(CcDisagreementReport) report = find (texts, 2);
  const CcDisagreement *d = NULL;

  g_assert_cmpuint (count_rows (report, attribute, &d), ==, 1);
  g_assert_cmpuint (d->doc_a, ==, 0);
  g_assert_cmpuint (d->doc_b, ==, 1);
  g_assert_cmpstr (d->value_a, ==, value_a);
  g_assert_cmpstr (d->value_b, ==, value_b);
  /* the quotes are exact sentences that hold the values */
  g_assert_nonnull (strstr (a, d->quote_a));
  g_assert_nonnull (strstr (b, d->quote_b));
  g_assert_nonnull (strstr (d->quote_a, value_a));
  g_assert_nonnull (strstr (d->quote_b, value_b));
}

static void
assert_no_row (const char *a,
               const char *b,
               const char *attribute)
{
  const char *texts[] = { a, b };
  g_autoptr(CcDisagreementReport) report = find (texts, 2);

  g_assert_cmpuint (count_rows (report, attribute, NULL), ==, 0);
}

/* ---- cars: an absolute date, the kind from "cars like Y" ---- */

static const char *car_claim =
  "On March 3, 2025, Norwind Motors unveiled the Tessel, its first new electric car in two years. "
  "Dealers expect deliveries in the autumn.";

static void
test_car_in_window (void)
{
  assert_row (car_claim,
              "Norwind Motors launched the Brava in June 2024. "
              "Reviewers compared the Tessel with older cars like the Brava and the Corsa.",
              "car", "in two years", "June 2024");
}

static void
test_car_negatives (void)
{
  /* before the window */
  assert_no_row (car_claim,
                 "Norwind Motors launched the Brava in June 2021. "
                 "Reviewers compared it with older cars like the Brava.",
                 "car");
  /* another kind of thing: a scooter is no car */
  assert_no_row (car_claim,
                 "Norwind Motors launched the Vela in June 2024. "
                 "The Vela scooter sold well in cities.",
                 "car");
  /* nothing in the story says what the item is */
  assert_no_row (car_claim,
                 "Norwind Motors launched the Brava in June 2024.",
                 "car");
  /* a rival's car */
  assert_no_row (car_claim,
                 "Castor Autos launched the Brava in June 2024. "
                 "Reviewers compared the Tessel with cars like the Brava.",
                 "car");
  /* the claim's own item */
  assert_no_row (car_claim,
                 "Norwind Motors launched the Tessel in March 2025. "
                 "Reviewers compared it with cars like the Tessel.",
                 "car");
}

static void
test_car_both_sides (void)
{
  /* a document that says both: no row for it */
  const char *texts[] = {
    "On March 3, 2025, Norwind Motors unveiled the Tessel, its first new electric car in two years. "
    "Norwind Motors launched the Brava in June 2024.",
    "Norwind Motors launched the Brava in June 2024. "
    "Reviewers compared the Tessel with older cars like the Brava.",
  };
  g_autoptr(CcDisagreementReport) report = find (texts, 2);

  g_assert_cmpuint (count_rows (report, "car", NULL), ==, 0);
}

/* ---- music: a date relative to the story's, the kind from "the Y album" ---- */

static const char *album_claim =
  "On May 20, 2024, Lumen Records published Nightfall, its first studio album in a decade. "
  "Critics were divided.";

static void
test_album_relative (void)
{
  assert_row (album_claim,
              "Three weeks after releasing the Harbor album, Lumen Records went quiet. "
              "Fans still stream the Harbor album every day.",
              "album", "in a decade", "Three weeks after");
}

static void
test_album_negatives (void)
{
  /* weeks before (not after) the story's date: not in the past */
  assert_no_row (album_claim,
                 "Three weeks before releasing the Harbor album, Lumen Records went quiet. "
                 "Fans still stream the Harbor album every day.",
                 "album");
  /* long before the window */
  assert_no_row (album_claim,
                 "Lumen Records released the Harbor album in 2009. "
                 "Fans still stream the Harbor album every day.",
                 "album");
  /* someone else released it */
  assert_no_row (album_claim,
                 "Three weeks after releasing the Harbor album, Kestrel Music went quiet. "
                 "Fans still stream the Harbor album every day.",
                 "album");
}

/* ---- phones: "since <year>" ---- */

static void
test_phone_since (void)
{
  const char *claim =
    "On September 9, 2023, Orbis Labs shipped Kite, its first folding phone since 2019.";

  assert_row (claim,
              "Orbis Labs launched the Pica phone in 2021, to little acclaim.",
              "phone", "since 2019", "2021");
  /* 2019 itself is not after 2019 */
  assert_no_row (claim,
                 "Orbis Labs launched the Pica phone in 2019, to little acclaim.",
                 "phone");
  /* no period: "its first phone" alone says nothing of the past */
  assert_no_row ("On September 9, 2023, Orbis Labs shipped Kite, its first folding phone.",
                 "Orbis Labs launched the Pica phone in 2021, to little acclaim.",
                 "phone");
}

/* ---- the development stories, when present ---- */

static void
test_untrusted_shapes (void)
{
  /* many "first" claims and events in one long line stay bounded and give
   * no row without a kind */
  GString *s = g_string_new ("On May 1, 2020, Acme released Zed, its first tool in a year");
  const char *texts[2];
  g_autoptr(CcDisagreementReport) report = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (s, ", Acme launched Item%u in early 2020", i);
  g_string_append (s, ".");
  texts[0] = s->str;
  texts[1] = "Acme launched Item7 in early 2020.";
  report = find (texts, 2);
  g_assert_cmpuint (count_rows (report, "tool", NULL), ==, 0);
  g_string_free (s, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crosscheck/claim-firsts/car/in-window", test_car_in_window);
  g_test_add_func ("/crosscheck/claim-firsts/car/negatives", test_car_negatives);
  g_test_add_func ("/crosscheck/claim-firsts/car/both-sides", test_car_both_sides);
  g_test_add_func ("/crosscheck/claim-firsts/album/relative", test_album_relative);
  g_test_add_func ("/crosscheck/claim-firsts/album/negatives", test_album_negatives);
  g_test_add_func ("/crosscheck/claim-firsts/phone/since", test_phone_since);
  g_test_add_func ("/crosscheck/claim-firsts/untrusted", test_untrusted_shapes);
  return g_test_run ();
}
