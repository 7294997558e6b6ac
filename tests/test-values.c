/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cc-entities.h"
#include "cc-values.h"

/* The value parser (cc_value_parse*), its normalised and display forms,
 * its comparison, and the figures the extractor finds in running text.
 * Every sentence here was written for this test. */

typedef struct
{
  const char  *text;
  CcValueKind  kind;        /* asked for */
  CcValueKind  got;         /* expected kind, CC_VALUE_NONE = not a value */
  const char  *normalized;
  const char  *display;     /* NULL: not checked */
} ParseCase;

static const ParseCase parse_cases[] = {
  /* times of day, with zone */
  { "13:38 IST", CC_VALUE_NONE, CC_VALUE_TIME, "T13:38 IST", "13:38 IST" },
  { "1:39 pm", CC_VALUE_NONE, CC_VALUE_TIME, "T13:39", "13:39" },
  { "10 a.m. ET", CC_VALUE_NONE, CC_VALUE_TIME, "T10:00 ET", "10:00 ET" },
  { "12 am", CC_VALUE_TIME, CC_VALUE_TIME, "T00:00", NULL },
  { "4.15 pm GMT", CC_VALUE_NONE, CC_VALUE_TIME, "T16:15 GMT", NULL },
  { "0730 UTC", CC_VALUE_NONE, CC_VALUE_TIME, "T07:30 UTC", NULL },
  { "9:05 AM (CET)", CC_VALUE_NONE, CC_VALUE_TIME, "T09:05 CET", NULL },
  { "21:10 local time", CC_VALUE_TIME, CC_VALUE_TIME, "T21:10 local", NULL },
  { "11:45PM", CC_VALUE_NONE, CC_VALUE_TIME, "T23:45", NULL },
  { "noon", CC_VALUE_TIME, CC_VALUE_TIME, "T12:00", NULL },
  { "25:10", CC_VALUE_TIME, CC_VALUE_NONE, NULL, NULL },
  { "13 pm", CC_VALUE_TIME, CC_VALUE_NONE, NULL, NULL },
  { "2024", CC_VALUE_TIME, CC_VALUE_NONE, NULL, NULL },
  /* clock times and durations */
  { "2:04:17", CC_VALUE_NONE, CC_VALUE_DURATION, "PT2H4M17S", "2:04:17" },
  { "58:09", CC_VALUE_DURATION, CC_VALUE_DURATION, "PT58M9S", "58:09" },
  { "4 minutes 12 seconds", CC_VALUE_NONE, CC_VALUE_DURATION, "PT4M12S", "4:12" },
  { "four minutes and 12 seconds", CC_VALUE_NONE, CC_VALUE_DURATION, "PT4M12S", NULL },
  { "three hours, 20 minutes", CC_VALUE_NONE, CC_VALUE_DURATION, "PT3H20M", NULL },
  { "19 days", CC_VALUE_NONE, CC_VALUE_DURATION, "P19D", "19 days" },
  { "51 hours and 20 minutes", CC_VALUE_NONE, CC_VALUE_DURATION, "P2DT3H20M", "51 hours 20 minutes" },
  { "140 days and 5 hours", CC_VALUE_NONE, CC_VALUE_DURATION, "P140DT5H", "140 days 5 hours" },
  { "six-week", CC_VALUE_NONE, CC_VALUE_DURATION, "P6W", NULL },
  { "a fortnight", CC_VALUE_DURATION, CC_VALUE_DURATION, "P2W", NULL },
  { "half an hour", CC_VALUE_NONE, CC_VALUE_DURATION, "PT30M", NULL },
  { "two-and-a-half-hours", CC_VALUE_NONE, CC_VALUE_DURATION, "PT2H30M", NULL },
  { "11 months", CC_VALUE_NONE, CC_VALUE_DURATION, "P11M", NULL },
  { "40 years", CC_VALUE_NONE, CC_VALUE_DURATION, "P40Y", NULL },
  { "12 seconds over an hour", CC_VALUE_NONE, CC_VALUE_DURATION, "PT1H0M12S", NULL },
  { "5+ years", CC_VALUE_NONE, CC_VALUE_DURATION, "P5Y", "at least 5 years" },
  { "2:61", CC_VALUE_DURATION, CC_VALUE_NONE, NULL, NULL },
  /* vague durations are ranges of their unit */
  { "a few days", CC_VALUE_NONE, CC_VALUE_DURATION, "P2D/P5D", NULL },
  { "several weeks", CC_VALUE_NONE, CC_VALUE_DURATION, "P14D/P42D", NULL },
  { "a couple of hours", CC_VALUE_DURATION, CC_VALUE_DURATION, "PT2H0M0S/PT3H0M0S", NULL },
  { "a few seconds", CC_VALUE_NONE, CC_VALUE_NONE, NULL, NULL },
  { "a few", CC_VALUE_NONE, CC_VALUE_NONE, NULL, NULL },
  { "several", CC_VALUE_NONE, CC_VALUE_NONE, NULL, NULL },
  /* ages */
  { "aged 31", CC_VALUE_NONE, CC_VALUE_AGE, "age 31", "aged 31" },
  { "31-year-old", CC_VALUE_NONE, CC_VALUE_AGE, "age 31", NULL },
  { "forty-two-year-old", CC_VALUE_NONE, CC_VALUE_AGE, "age 42", NULL },
  { "67 years old", CC_VALUE_NONE, CC_VALUE_AGE, "age 67", NULL },
  { "48", CC_VALUE_AGE, CC_VALUE_AGE, "age 48", NULL },
  { "400", CC_VALUE_AGE, CC_VALUE_NONE, NULL, NULL },
  /* dates, spans and ranges */
  { "14 March 2031", CC_VALUE_NONE, CC_VALUE_DATE, "2031-03-14", "14 March 2031" },
  { "Friday", CC_VALUE_NONE, CC_VALUE_DATE, "W-FRI", "Friday" },
  { "Monday (May 3)", CC_VALUE_DATE, CC_VALUE_DATE, "XXXX-05-03", NULL },
  { "2017-18", CC_VALUE_NONE, CC_VALUE_DATE, "2017/2018", NULL },
  { "2011 to 2016", CC_VALUE_NONE, CC_VALUE_DATE, "2011/2016", "2011–2016" },
  { "February to May 2029", CC_VALUE_NONE, CC_VALUE_DATE, "2029-02/2029-05", "February to May 2029" },
  { "late 2030", CC_VALUE_NONE, CC_VALUE_DATE, "2030-09/2030-12", NULL },
  { "21/4/31", CC_VALUE_NONE, CC_VALUE_DATE, "2031-04-21", NULL },
  { "4/21/2031", CC_VALUE_NONE, CC_VALUE_DATE, "2031-04-21", NULL },
  { "1987-1988", CC_VALUE_NONE, CC_VALUE_DATE, "1987/1988", NULL },
  /* relative dates without a reference date keep their offset */
  { "yesterday", CC_VALUE_NONE, CC_VALUE_DATE, "R-1D", "yesterday" },
  { "last year", CC_VALUE_NONE, CC_VALUE_DATE, "R-1Y", "last year" },
  { "this year", CC_VALUE_NONE, CC_VALUE_DATE, "R0Y", "this year" },
  { "next month", CC_VALUE_NONE, CC_VALUE_DATE, "R+1M", "next month" },
  { "12 years ago", CC_VALUE_NONE, CC_VALUE_DATE, "R-12Y", "12 years ago" },
  { "nearly a decade ago", CC_VALUE_NONE, CC_VALUE_DATE, "R~-10Y", "about 10 years ago" },
  { "last February", CC_VALUE_NONE, CC_VALUE_DATE, "R<-02", "last February" },
  { "August last year", CC_VALUE_NONE, CC_VALUE_DATE, "R-1Y-08", NULL },
  /* numbers */
  { "twenty-three", CC_VALUE_NONE, CC_VALUE_SCORE, "23", NULL },
  { "six hundred and twelve residents", CC_VALUE_NONE, CC_VALUE_QUANTITY, "612 residents", NULL },
  { "three-quarters", CC_VALUE_NONE, CC_VALUE_SCORE, "0.75", NULL },
  { "1/4", CC_VALUE_NONE, CC_VALUE_SCORE, "0.25", NULL },
  { "2½ tonnes", CC_VALUE_NONE, CC_VALUE_QUANTITY, "2.5 t", NULL },
  { "-17", CC_VALUE_NONE, CC_VALUE_SCORE, "-17", NULL },
  { "1.5e6", CC_VALUE_NONE, CC_VALUE_SCORE, "1500000", "1.5 million" },
  { "3rd", CC_VALUE_ORDINAL, CC_VALUE_ORDINAL, "#3", NULL },
  { "thirty-first", CC_VALUE_ORDINAL, CC_VALUE_ORDINAL, "#31", NULL },
  { "ninetieth", CC_VALUE_ORDINAL, CC_VALUE_ORDINAL, "#90", NULL },
  { "3nd", CC_VALUE_ORDINAL, CC_VALUE_NONE, NULL, NULL },
  { "123456789012345678th", CC_VALUE_ORDINAL, CC_VALUE_NONE, NULL, NULL },
  /* units written against the number, and apart */
  { "12kg", CC_VALUE_NONE, CC_VALUE_QUANTITY, "12 kg", NULL },
  { "21km", CC_VALUE_NONE, CC_VALUE_QUANTITY, "21 km", NULL },
  { "3,500ft", CC_VALUE_NONE, CC_VALUE_QUANTITY, "3500 ft", NULL },
  { "12-mile", CC_VALUE_NONE, CC_VALUE_QUANTITY, "12 mi", NULL },
  { "90 kph", CC_VALUE_NONE, CC_VALUE_QUANTITY, "90 km/h", NULL },
  { "15–20 mph", CC_VALUE_NONE, CC_VALUE_QUANTITY, "15/20 mph", "15 to 20 mph" },
  { "between four and six metres", CC_VALUE_NONE, CC_VALUE_QUANTITY, "4/6 m", NULL },
  /* temperatures */
  { "31C", CC_VALUE_NONE, CC_VALUE_TEMPERATURE, "31 °C", "31°C" },
  { "-4°C", CC_VALUE_NONE, CC_VALUE_TEMPERATURE, "-4 °C", NULL },
  { "88 degrees Fahrenheit", CC_VALUE_NONE, CC_VALUE_TEMPERATURE, "88 °F", NULL },
  { "3–5C", CC_VALUE_NONE, CC_VALUE_TEMPERATURE, "3/5 °C", "3–5°C" },
  { "1,200°C", CC_VALUE_NONE, CC_VALUE_TEMPERATURE, "1200 °C", NULL },
  /* money: every common notation */
  { "US$2.5 billion", CC_VALUE_NONE, CC_VALUE_MONEY, "USD 2500000000", "$2.5 billion" },
  { "$US48 million", CC_VALUE_NONE, CC_VALUE_MONEY, "USD 48000000", NULL },
  { "A$7 billion", CC_VALUE_NONE, CC_VALUE_MONEY, "AUD 7000000000", "A$7 billion" },
  { "AU$310", CC_VALUE_NONE, CC_VALUE_MONEY, "AUD 310", NULL },
  { "C$90m", CC_VALUE_NONE, CC_VALUE_MONEY, "CAD 90000000", NULL },
  { "HK$1.1bn", CC_VALUE_NONE, CC_VALUE_MONEY, "HKD 1100000000", NULL },
  { "NZ$45", CC_VALUE_NONE, CC_VALUE_MONEY, "NZD 45", NULL },
  { "S$600,000", CC_VALUE_NONE, CC_VALUE_MONEY, "SGD 600000", NULL },
  { "Rs 120 crore", CC_VALUE_NONE, CC_VALUE_MONEY, "INR 1200000000", NULL },
  { "Rs. 3 lakh", CC_VALUE_NONE, CC_VALUE_MONEY, "INR 300000", NULL },
  { "₹75,000", CC_VALUE_NONE, CC_VALUE_MONEY, "INR 75000", NULL },
  { "€3.2bn", CC_VALUE_NONE, CC_VALUE_MONEY, "EUR 3200000000", "€3.2 billion" },
  { "£410m", CC_VALUE_NONE, CC_VALUE_MONEY, "GBP 410000000", "£410 million" },
  { "¥8,000", CC_VALUE_NONE, CC_VALUE_MONEY, "JPY 8000", NULL },
  { "USD 7 million", CC_VALUE_NONE, CC_VALUE_MONEY, "USD 7000000", NULL },
  { "EUR 12.5m", CC_VALUE_NONE, CC_VALUE_MONEY, "EUR 12500000", NULL },
  { "9 million dollars", CC_VALUE_NONE, CC_VALUE_MONEY, "USD 9000000", NULL },
  { "40 million euros", CC_VALUE_NONE, CC_VALUE_MONEY, "EUR 40000000", NULL },
  { "250 million rupees", CC_VALUE_NONE, CC_VALUE_MONEY, "INR 250000000", NULL },
  { "$40 to $55 million", CC_VALUE_NONE, CC_VALUE_MONEY, "USD 40000000/55000000", "$40 million to $55 million" },
  { "between €2 billion and €3 billion", CC_VALUE_NONE, CC_VALUE_MONEY, "EUR 2000000000/3000000000", NULL },
  { "over $9 billion", CC_VALUE_NONE, CC_VALUE_MONEY, "USD 9000000000", "at least $9 billion" },
  /* Korean, Chinese and Japanese scales and dates */
  { "27억 달러", CC_VALUE_NONE, CC_VALUE_MONEY, "USD 2700000000", "$2.7 billion" },
  { "300억~450억 원", CC_VALUE_NONE, CC_VALUE_MONEY, "KRW 30000000000/45000000000", NULL },
  { "5万", CC_VALUE_NONE, CC_VALUE_SCORE, "50000", NULL },
  /* ranges of myriad units, each end with its own unit */
  { "1,150억~1,350억", CC_VALUE_NONE, CC_VALUE_SCORE, "115000000000/135000000000", "115 billion to 135 billion" },
  { "3万~5万", CC_VALUE_NONE, CC_VALUE_SCORE, "30000/50000", "30,000 to 50,000" },
  { "2億~3億", CC_VALUE_NONE, CC_VALUE_SCORE, "200000000/300000000", "200 million to 300 million" },
  { "1조~2조", CC_VALUE_NONE, CC_VALUE_SCORE, "1000000000000/2000000000000", "1 trillion to 2 trillion" },
  /* a figure after a figure is no unit of it */
  { "1,150억~1,350억", CC_VALUE_QUANTITY, CC_VALUE_NONE, NULL, NULL },
  { "1,150억~1,350억 달러", CC_VALUE_NONE, CC_VALUE_MONEY, "USD 115000000000/135000000000", "$115 billion to $135 billion" },
  { "2031년 3월 14일", CC_VALUE_NONE, CC_VALUE_DATE, "2031-03-14", "14 March 2031" },
  { "2031年3月", CC_VALUE_DATE, CC_VALUE_DATE, "2031-03", NULL },
  /* prices keep their cents; a range of money names its currency once */
  { "$47.10", CC_VALUE_NONE, CC_VALUE_MONEY, "USD 47.1", "$47.10" },
  { "$9.999", CC_VALUE_NONE, CC_VALUE_MONEY, "USD 9.999", "$10.00" },
  { "312 pence", CC_VALUE_NONE, CC_VALUE_MONEY, "GBP 3.12", "£3.12" },
  { "290 to 312 pence", CC_VALUE_NONE, CC_VALUE_MONEY, "GBP 2.9/3.12", "£2.90 to £3.12" },
  { "450 million to 500 million pounds", CC_VALUE_MONEY, CC_VALUE_MONEY, "GBP 450000000/500000000",
    "£450 million to £500 million" },
  /* percent, counts */
  { "12.5 per cent", CC_VALUE_NONE, CC_VALUE_PERCENT, "12.5%", "12.5%" },
  { "4.1 billion visits", CC_VALUE_NONE, CC_VALUE_QUANTITY, "4100000000 visits", "4.1 billion visits" },
  { "2 million+ members", CC_VALUE_NONE, CC_VALUE_QUANTITY, "2000000 members", NULL },
  /* not values */
  { "teapot", CC_VALUE_NONE, CC_VALUE_NONE, NULL, NULL },
  { "", CC_VALUE_NONE, CC_VALUE_NONE, NULL, NULL },
  { "$", CC_VALUE_MONEY, CC_VALUE_NONE, NULL, NULL },
  { "between and", CC_VALUE_NONE, CC_VALUE_NONE, NULL, NULL },
  /* long digit runs stay defined (tests/fuzz/crashes/values-int-overflow-*) */
  { "99999999999-99999999999-9999999", CC_VALUE_NONE, CC_VALUE_NONE, NULL, NULL },
  { "41441587414 41ilbilb", CC_VALUE_DATE, CC_VALUE_NONE, NULL, NULL },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(CcValue) v = cc_value_parse (c->text, c->kind);
      g_autofree char *s = NULL;
      g_autofree char *d = NULL;

      g_test_message ("parse “%s”", c->text);
      if (c->got == CC_VALUE_NONE)
        {
          if (v != NULL)
            { g_test_message ("FAIL “%s” should not parse, got %s", c->text, cc_value_kind_to_string (v->kind)); g_test_fail (); }
          continue;
        }
      if (v == NULL)
        { g_test_message ("FAIL “%s” did not parse", c->text); g_test_fail (); continue; }
      g_assert_cmpstr (cc_value_kind_to_string (v->kind), ==, cc_value_kind_to_string (c->got));
      s = cc_value_to_string (v);
      g_assert_cmpstr (s, ==, c->normalized);
      if (c->display != NULL)
        {
          d = cc_value_to_display (v);
          g_assert_cmpstr (d, ==, c->display);
        }
    }
}

/* The normalised form reads back to an equal value. */
static void
test_normalized_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(CcValue) v = NULL;
      g_autoptr(CcValue) back = NULL;
      g_autofree char *s = NULL;
      g_autofree char *s2 = NULL;

      if (c->got == CC_VALUE_NONE)
        continue;
      v = cc_value_parse (c->text, c->kind);
      s = cc_value_to_string (v);
      back = cc_value_parse_normalized (v->kind, s);
      if (back == NULL)
        g_error ("normalised “%s” of “%s” does not read back", s, c->text);
      s2 = cc_value_to_string (back);
      g_test_message ("round trip “%s” → “%s”", c->text, s);
      g_assert_cmpstr (s2, ==, s);
      g_assert_cmpint (cc_value_compare (v, back), !=, CC_VALUE_MATCH_DIFFERENT);
      g_assert_cmpint (cc_value_compare (v, back), !=, CC_VALUE_MATCH_INCOMPARABLE);
    }
}

typedef struct
{
  const char   *a;
  const char   *b;
  CcValueKind   kind;
  CcValueMatch  match;
} CompareCase;

static const CompareCase compare_cases[] = {
  /* rounding and bounds agree */
  { "about $600 billion", "$593 billion", CC_VALUE_MONEY, CC_VALUE_MATCH_CLOSE },
  { "over $14 billion", "$14.3 billion", CC_VALUE_MONEY, CC_VALUE_MATCH_CLOSE },
  { "$14 billion", "$14.3 billion", CC_VALUE_MONEY, CC_VALUE_MATCH_CLOSE },
  { "more than 30 seconds", "34 seconds", CC_VALUE_DURATION, CC_VALUE_MATCH_CLOSE },
  { "under 2:05:00", "2:04:17", CC_VALUE_DURATION, CC_VALUE_MATCH_CLOSE },
  { "$40 to $55 million", "$48 million", CC_VALUE_MONEY, CC_VALUE_MATCH_CLOSE },
  { "$US593 billion", "US$593 billion", CC_VALUE_MONEY, CC_VALUE_MATCH_SAME },
  { "4 minutes 12 seconds", "4:12", CC_VALUE_DURATION, CC_VALUE_MATCH_SAME },
  { "four minutes and 12 seconds", "4 minutes 12 seconds", CC_VALUE_DURATION, CC_VALUE_MATCH_SAME },
  { "15C", "59 degrees Fahrenheit", CC_VALUE_TEMPERATURE, CC_VALUE_MATCH_CLOSE },
  { "10 km", "10,000 metres", CC_VALUE_QUANTITY, CC_VALUE_MATCH_CLOSE },
  { "13:00 GMT", "18:30 IST", CC_VALUE_TIME, CC_VALUE_MATCH_CLOSE },
  { "1:05 a.m. ET", "5:05 GMT", CC_VALUE_TIME, CC_VALUE_MATCH_CLOSE },
  { "a few days", "three days", CC_VALUE_DURATION, CC_VALUE_MATCH_CLOSE },
  { "several weeks", "a month", CC_VALUE_DURATION, CC_VALUE_MATCH_CLOSE },
  { "a couple of hours", "a few hours", CC_VALUE_DURATION, CC_VALUE_MATCH_CLOSE },
  /* real differences */
  { "a few days", "several weeks", CC_VALUE_DURATION, CC_VALUE_MATCH_DIFFERENT },
  { "a couple of hours", "two days", CC_VALUE_DURATION, CC_VALUE_MATCH_DIFFERENT },
  { "several months", "ten years", CC_VALUE_DURATION, CC_VALUE_MATCH_DIFFERENT },
  { "$12 billion", "$14.3 billion", CC_VALUE_MONEY, CC_VALUE_MATCH_DIFFERENT },
  { "34 seconds", "36 seconds", CC_VALUE_DURATION, CC_VALUE_MATCH_DIFFERENT },
  { "2:01:52", "2:01:53", CC_VALUE_DURATION, CC_VALUE_MATCH_DIFFERENT },
  { "7–8C", "10–12C", CC_VALUE_TEMPERATURE, CC_VALUE_MATCH_DIFFERENT },
  { "aged 31", "aged 33", CC_VALUE_AGE, CC_VALUE_MATCH_DIFFERENT },
  { "under $5 million", "$9 million", CC_VALUE_MONEY, CC_VALUE_MATCH_DIFFERENT },
  { "13:38 IST", "14:38 IST", CC_VALUE_TIME, CC_VALUE_MATCH_DIFFERENT },
  { "32 km", "35 km", CC_VALUE_QUANTITY, CC_VALUE_MATCH_DIFFERENT },
  /* incomparable */
  { "A$1 trillion", "$1 trillion", CC_VALUE_MONEY, CC_VALUE_MATCH_INCOMPARABLE },
  { "€3.2bn", "£3.2bn", CC_VALUE_MONEY, CC_VALUE_MATCH_INCOMPARABLE },
  { "10 km", "10 kg", CC_VALUE_QUANTITY, CC_VALUE_MATCH_INCOMPARABLE },
  { "13:38 IST", "13:38 Greek time", CC_VALUE_TIME, CC_VALUE_MATCH_INCOMPARABLE },
  { "last year", "2022", CC_VALUE_DATE, CC_VALUE_MATCH_INCOMPARABLE },
};

static void
test_compare (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (compare_cases); i++)
    {
      const CompareCase *c = &compare_cases[i];
      g_autoptr(CcValue) a = cc_value_parse (c->a, c->kind);
      g_autoptr(CcValue) b = cc_value_parse (c->b, c->kind);

      g_test_message ("compare “%s” and “%s”", c->a, c->b);
      g_assert_nonnull (a);
      g_assert_nonnull (b);
      g_assert_cmpint (cc_value_compare (a, b), ==, c->match);
      /* symmetric */
      g_assert_cmpint (cc_value_compare (b, a), ==, c->match);
    }
}

static void
test_ambiguous_dollar (void)
{
  g_autoptr(CcValue) unknown = cc_value_parse_normalized (CC_VALUE_MONEY, "USD? 1000000000000");
  g_autoptr(CcValue) us = cc_value_parse ("US$1 trillion", CC_VALUE_MONEY);
  g_autoptr(CcValue) other = cc_value_parse_normalized (CC_VALUE_MONEY, "USD? 1000000000000");
  g_autofree char *s = NULL;
  g_autofree char *d = NULL;

  g_assert_nonnull (unknown);
  s = cc_value_to_string (unknown);
  g_assert_cmpstr (s, ==, "USD? 1000000000000");
  d = cc_value_to_display (unknown);
  g_assert_true (strstr (d, "which dollar") != NULL);
  /* unknown is never silently the same as a known currency, nor as itself */
  g_assert_cmpint (cc_value_compare (unknown, us), ==, CC_VALUE_MATCH_INCOMPARABLE);
  g_assert_cmpint (cc_value_compare (unknown, other), ==, CC_VALUE_MATCH_INCOMPARABLE);
}

typedef struct
{
  const char *text;
  const char *normalized;
} RelativeCase;

static void
test_relative (void)
{
  /* a Thursday */
  static const RelativeCase cases[] = {
    { "today", "2031-03-13" },
    { "yesterday", "2031-03-12" },
    { "tomorrow", "2031-03-14" },
    { "last year", "2030" },
    { "this year", "2031" },
    { "next year", "2032" },
    { "last month", "2031-02" },
    { "12 years ago", "2019" },
    { "three months ago", "2030-12" },
    { "10 days ago", "2031-03-03" },
    { "nearly a decade ago", "2020/2022" },
    { "last February", "2031-02" },
    { "last April", "2030-04" },
    { "August last year", "2030-08" },
    { "June 5 last year", "2030-06-05" },
    { "September of the previous year", "2030-09" },
    { "Monday", "2031-03-10" },
    { "Wednesday evening", "2031-03-12" },
    { "last Friday", "2031-03-07" },
    { "next Tuesday", "2031-03-18" },
    { "this week", "2031-03-10/2031-03-16" },
  };
  GDate ref;

  g_date_clear (&ref, 1);
  g_date_set_dmy (&ref, 13, G_DATE_MARCH, 2031);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CcValue) v = cc_value_parse_dated (cases[i].text, CC_VALUE_DATE, &ref);
      g_autofree char *s = NULL;

      g_test_message ("relative “%s”", cases[i].text);
      if (v == NULL)
        g_error ("“%s” did not parse", cases[i].text);
      s = cc_value_to_string (v);
      g_assert_cmpstr (s, ==, cases[i].normalized);
    }
}

typedef struct
{
  const char   *surface;
  CcEntityType  type;
  const char   *value;      /* NULL: not checked */
  const char   *canonical;  /* NULL: not checked */
} FigureCase;

static void
check_figures (const char       *text,
               const FigureCase *cases,
               guint             n)
{
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  for (guint k = 0; k < n; k++)
    {
      CcMention *found = NULL;

      for (guint i = 0; i < m->len && found == NULL; i++)
        if (g_strcmp0 (((CcMention *)m->pdata[i])->surface, cases[k].surface) == 0)
          found = m->pdata[i];
      if (found == NULL)
        {
          for (guint i = 0; i < m->len; i++)
            g_test_message ("  have “%s”", ((CcMention *)m->pdata[i])->surface);
          g_error ("no figure “%s”", cases[k].surface);
        }
      g_assert_cmpstr (cc_entity_type_to_string (found->type), ==, cc_entity_type_to_string (cases[k].type));
      if (cases[k].value != NULL)
        g_assert_cmpstr (found->value, ==, cases[k].value);
      if (cases[k].canonical != NULL)
        g_assert_cmpstr (found->canonical, ==, cases[k].canonical);
    }
}

static void
assert_no_figure (const char *text,
                  const char *surface)
{
  g_autoptr(GPtrArray) m = cc_entities_extract (text);

  for (guint i = 0; i < m->len; i++)
    {
      CcMention *x = m->pdata[i];

      if (strcmp (x->surface, surface) == 0 && x->type >= CC_ENTITY_DATE)
        g_error ("“%s” should not be a figure in “%s”", surface, text);
    }
}

static void
test_figures_sport (void)
{
  const char *text =
    "Amara Osei, 27, won the Lakeside half marathon in 58:09 on Saturday, beating the old "
    "course mark of 58:41 by 32 seconds. The 27-year-old ran alone after 15km and crossed "
    "the line more than half a minute clear. Conditions were cool, between six and 8 degrees "
    "Celsius, with winds of 10–15 mph. Her compatriot finished in 1:01:02, "
    "four minutes and 12 seconds back. More than 12,000 runners took part.\n";
  static const FigureCase cases[] = {
    { "27", CC_ENTITY_DATE, "age 27", "aged 27" },
    { "58:09", CC_ENTITY_SCORE, "PT58M9S", "58:09" },
    { "Saturday", CC_ENTITY_DATE, "W-SAT", "Saturday" },
    { "58:41", CC_ENTITY_SCORE, NULL, NULL },
    { "32 seconds", CC_ENTITY_DATE, "PT0M32S", NULL },
    { "27-year-old", CC_ENTITY_DATE, "age 27", NULL },
    { "15km", CC_ENTITY_QUANTITY, "15 km", NULL },
    { "more than half a minute", CC_ENTITY_DATE, "PT0M30S", NULL },
    { "between six and 8 degrees Celsius", CC_ENTITY_QUANTITY, "6/8 °C", NULL },
    { "10–15 mph", CC_ENTITY_QUANTITY, "10/15 mph", NULL },
    { "1:01:02", CC_ENTITY_SCORE, "PT1H1M2S", "1:01:02" },
    { "four minutes and 12 seconds", CC_ENTITY_DATE, "PT4M12S", NULL },
    { "More than 12,000 runners", CC_ENTITY_QUANTITY, "12000 runners", NULL },
  };

  check_figures (text, cases, G_N_ELEMENTS (cases));
}

static void
test_figures_news (void)
{
  const char *text =
    "The ferry left Port Elwin at 13:38 IST on Wednesday and docked at 4:05 pm local time. "
    "Officials said about 230 passengers were on board, nearly a decade ago a similar crossing "
    "failed, and the operator lost $US41 million last year. The fire reached 1,100°C. "
    "Rescuers searched a 3,000ft stretch for 17 hours. The council had budgeted Rs 45 crore "
    "for 2019-20 and between 2019 and 2024 spent US$2.1 billion on ports, or 12.5 per cent "
    "of its budget. Three coastal districts voted; the count was 41 to 38.\n";
  static const FigureCase cases[] = {
    { "13:38 IST", CC_ENTITY_DATE, "T13:38 IST", "13:38 IST" },
    { "Wednesday", CC_ENTITY_DATE, "W-WED", NULL },
    { "4:05 pm local time", CC_ENTITY_DATE, "T16:05 local", NULL },
    { "about 230 passengers", CC_ENTITY_QUANTITY, "230 passengers", NULL },
    { "nearly a decade ago", CC_ENTITY_DATE, "R~-10Y", NULL },
    { "$US41 million", CC_ENTITY_MONEY, "USD 41000000", "$41 million" },
    { "last year", CC_ENTITY_DATE, "R-1Y", NULL },
    { "1,100°C", CC_ENTITY_QUANTITY, "1100 °C", NULL },
    { "3,000ft", CC_ENTITY_QUANTITY, "3000 ft", NULL },
    { "17 hours", CC_ENTITY_DATE, "PT17H", NULL },
    { "Rs 45 crore", CC_ENTITY_MONEY, "INR 450000000", NULL },
    { "2019-20", CC_ENTITY_DATE, "2019/2020", NULL },
    { "between 2019 and 2024", CC_ENTITY_DATE, "2019/2024", NULL },
    { "US$2.1 billion", CC_ENTITY_MONEY, "USD 2100000000", "$2.1 billion" },
    { "12.5 per cent", CC_ENTITY_PERCENT, "12.5%", NULL },
    { "Three coastal districts", CC_ENTITY_QUANTITY, "3 coastal districts", NULL },
    { "41 to 38", CC_ENTITY_QUANTITY, NULL, NULL },
  };

  check_figures (text, cases, G_N_ELEMENTS (cases));
}

static void
test_figures_cjk (void)
{
  const char *text = "시는 2031년 3월 14일 27억 달러 규모의 계획을 발표했다.\n";
  static const FigureCase cases[] = {
    { "2031년 3월 14일", CC_ENTITY_DATE, "2031-03-14", NULL },
    { "27억 달러", CC_ENTITY_MONEY, "USD 2700000000", "$2.7 billion" },
  };

  check_figures (text, cases, G_N_ELEMENTS (cases));
}

static void
test_figures_cjk_ranges (void)
{
  /* a range of myriad units reads as one value, both ends alike */
  static const FigureCase ko[] = {
    { "1,150억~1,350억", CC_ENTITY_QUANTITY, "115000000000/135000000000", "115 billion to 135 billion" },
  };
  static const FigureCase ko_man[] = {
    { "3만~5만", CC_ENTITY_QUANTITY, "30000/50000", "30,000 to 50,000" },
  };

  check_figures ("매출은 1,150억~1,350억 원으로 예상된다.\n", ko, G_N_ELEMENTS (ko));
  check_figures ("관중은 3만~5만 명이었다.\n", ko_man, G_N_ELEMENTS (ko_man));
}

static void
test_figures_money_context (void)
{
  /* In a text about Australian dollars a bare "$" is not known to be US. */
  const char *aud = "The state will spend A$2 billion on rail. Critics say the real cost is "
                    "nearer $3 billion.\n";
  const char *usd = "The company will spend $3 billion on chips.\n";
  static const FigureCase aud_cases[] = {
    { "A$2 billion", CC_ENTITY_MONEY, "AUD 2000000000", NULL },
    { "$3 billion", CC_ENTITY_MONEY, "USD? 3000000000", NULL },
  };
  static const FigureCase usd_cases[] = {
    { "$3 billion", CC_ENTITY_MONEY, "USD 3000000000", "$3 billion" },
  };

  check_figures (aud, aud_cases, G_N_ELEMENTS (aud_cases));
  check_figures (usd, usd_cases, G_N_ELEMENTS (usd_cases));
}

static void
test_figures_dated (void)
{
  const char *text = "The bridge opened yesterday, 15 years after work began last year.\n";
  g_autoptr(GPtrArray) undated = cc_entities_extract (text);
  g_autoptr(GPtrArray) dated = NULL;
  GDate ref;
  gboolean seen = FALSE;

  g_date_clear (&ref, 1);
  g_date_set_dmy (&ref, 2, G_DATE_JULY, 2029);
  dated = cc_entities_extract_dated (text, &ref);
  g_assert_cmpuint (dated->len, ==, undated->len);
  for (guint i = 0; i < dated->len; i++)
    {
      CcMention *a = dated->pdata[i], *b = undated->pdata[i];

      g_assert_cmpstr (a->surface, ==, b->surface);
      if (strcmp (a->surface, "yesterday") == 0)
        {
          g_assert_cmpstr (b->value, ==, "R-1D");
          g_assert_cmpstr (a->value, ==, "2029-07-01");
          g_assert_cmpstr (a->canonical, ==, "1 July 2029");
          seen = TRUE;
        }
      if (strcmp (a->surface, "last year") == 0)
        g_assert_cmpstr (a->value, ==, "2028");
    }
  g_assert_true (seen);
}

/* The value of the mention @surface in @text dated @ref. */
static char *
dated_value (const char  *text,
             const char  *surface,
             const GDate *ref)
{
  g_autoptr(GPtrArray) m = cc_entities_extract_dated (text, ref);

  for (guint i = 0; i < m->len; i++)
    {
      CcMention *a = m->pdata[i];

      if (strcmp (a->surface, surface) == 0)
        return g_strdup (a->value);
    }
  g_error ("no mention “%s” in “%s”", surface, text);
  return NULL;
}

static void
test_figures_weekday_tense (void)
{
  /* on Friday 14 March 2031: a weekday to come in a sentence about the
   * future, one gone by in a sentence about the past */
  static const struct { const char *text, *surface, *value; } cases[] = {
    { "The ferry will return on Monday after repairs.\n", "Monday", "2031-03-17" },
    { "The ferry returned on Monday after repairs.\n", "Monday", "2031-03-10" },
    { "The ferry is due to sail on Tuesday morning.\n", "Tuesday morning", "2031-03-18" },
    { "The council is set to vote on Wednesday.\n", "Wednesday", "2031-03-19" },
    { "The union plans to hold a ballot on Thursday.\n", "Thursday", "2031-03-20" },
    { "On Monday, the ferry will resume its crossings.\n", "Monday", "2031-03-17" },
    { "The mayor said on Monday that the ferry will return.\n", "Monday", "2031-03-10" },
    { "The port closed due to a strike on Monday.\n", "Monday", "2031-03-10" },
    { "The ferry will sail on Friday.\n", "Friday", "2031-03-14" },
    { "The ferry sailed on Friday.\n", "Friday", "2031-03-14" },
    { "The ferry will return next Monday.\n", "next Monday", "2031-03-17" },
  };
  GDate ref;

  g_date_clear (&ref, 1);
  g_date_set_dmy (&ref, 14, G_DATE_MARCH, 2031);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *v = dated_value (cases[i].text, cases[i].surface, &ref);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (v, ==, cases[i].value);
    }
}

static void
test_not_figures (void)
{
  /* ordinals, idioms and rates are not figures of their own */
  assert_no_figure ("She finished third and hopes one day to win.\n", "third");
  assert_no_figure ("She finished third and hopes one day to win.\n", "one day");
  assert_no_figure ("Tickets cost $40 a month.\n", "a month");
  assert_no_figure ("The 2025 levels were higher.\n", "2025 levels");
  assert_no_figure ("He uses Model 3 daily.\n", "3");
}

/* Found by fuzz-values: a range whose right end starts with a currency
 * made the reader step past the end of the text (seen under
 * AddressSanitizer). The input, as the fuzz target builds it, holds NUL
 * bytes: only its first part is the C string parsed. */
static void
test_fuzz_range_overread (void)
{
  static const char input[] = "BR\x94\xb5\xff\x1b\0\0\0j \xe2\x80\x93 EUR 6";
  static const CcValueKind kinds[] = {
    CC_VALUE_NONE, CC_VALUE_MONEY, CC_VALUE_PERCENT, CC_VALUE_DATE, CC_VALUE_QUANTITY,
    CC_VALUE_SCORE,
  };
  g_autofree char *text = g_utf8_make_valid (input, sizeof input - 1);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(CcValue) value = cc_value_parse (text, kinds[i]);

      g_assert_null (value);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crosscheck/values/parse", test_parse);
  g_test_add_func ("/crosscheck/values/fuzz-range-overread", test_fuzz_range_overread);
  g_test_add_func ("/crosscheck/values/normalized-round-trip", test_normalized_round_trip);
  g_test_add_func ("/crosscheck/values/compare", test_compare);
  g_test_add_func ("/crosscheck/values/ambiguous-dollar", test_ambiguous_dollar);
  g_test_add_func ("/crosscheck/values/relative", test_relative);
  g_test_add_func ("/crosscheck/values/figures/sport", test_figures_sport);
  g_test_add_func ("/crosscheck/values/figures/news", test_figures_news);
  g_test_add_func ("/crosscheck/values/figures/money-context", test_figures_money_context);
  g_test_add_func ("/crosscheck/values/figures/cjk", test_figures_cjk);
  g_test_add_func ("/crosscheck/values/figures/cjk-ranges", test_figures_cjk_ranges);
  g_test_add_func ("/crosscheck/values/figures/dated", test_figures_dated);
  g_test_add_func ("/crosscheck/values/figures/weekday-tense", test_figures_weekday_tense);
  g_test_add_func ("/crosscheck/values/figures/not-figures", test_not_figures);
  return g_test_run ();
}
