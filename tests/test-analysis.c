/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The disagreement engine stage by stage (src/core/analysis/), on
 * sentences written for these tests. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-disagreements.h"
#include "cc-lineup.h"
#include "cc-name-variants.h"
#include "cc-part-compare.h"
#include "cc-role-names.h"
#include "cc-statement.h"

static char *
part (const char *text,
      guint       start,
      guint       end)
{
  const char *from = g_utf8_offset_to_pointer (text, start);

  return g_strndup (from, g_utf8_offset_to_pointer (from, end - start) - from);
}

static const CcStatementValue *
find_value (GPtrArray  *sts,
            const char *text,
            const char *surface)
{
  for (guint i = 0; i < sts->len; i++)
    {
      CcStatement *st = g_ptr_array_index (sts, i);

      for (guint k = 0; k < st->n_values; k++)
        {
          g_autofree char *s = part (text, st->values[k].start, st->values[k].end);

          if (strcmp (s, surface) == 0)
            return &st->values[k];
        }
    }
  return NULL;
}

/* ---- statements ---- */

static void
test_statement_values (void)
{
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  const char *text =
    "The ferry line carried 4,210 passengers in three hours and 12 minutes. "
    "Its fastest crossing took 1:02:30, more than 40 seconds ahead of the old mark. "
    "Water stood at 11–13C near the harbour of Port Velm on March 3.";
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, text, 0);
  const CcStatementValue *v;

  v = find_value (sts, text, "4,210 passengers");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, CC_PART_NUMBER);
  g_assert_cmpfloat (v->low, ==, 4210);
  g_assert_cmpstr (v->role, ==, "passeng");

  v = find_value (sts, text, "three hours and 12 minutes");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, CC_PART_DURATION);
  g_assert_cmpfloat (v->low, ==, 3 * 3600 + 12 * 60);

  v = find_value (sts, text, "1:02:30");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, CC_PART_DURATION);
  g_assert_cmpfloat (v->low, ==, 3750);

  v = find_value (sts, text, "40 seconds");
  g_assert_nonnull (v);
  g_assert_cmpint (v->hedge, ==, CC_VALUE_AT_LEAST);

  v = find_value (sts, text, "11–13C");
  g_assert_nonnull (v);
  g_assert_cmpfloat (v->low, ==, 11);
  g_assert_cmpfloat (v->high, ==, 13);
  g_assert_cmpstr (v->role, ==, "°c");
  g_assert_true (v->measure);

  v = find_value (sts, text, "March 3");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, CC_PART_DAY);
}

static void
test_statement_agent_anchor (void)
{
  const char *text = "The Varn Alliance led by the Orlen Party won 233 seats, and Orlen itself took 90 seats.";
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, text, 0);
  const CcStatementValue *v = find_value (sts, text, "233 seats");
  const CcStatementValue *w = find_value (sts, text, "90 seats");

  /* a figure is said of the name the agent phrase qualifies */
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "varn alliance");
  /* a name not in an agent phrase is still the nearest */
  g_assert_nonnull (w);
  g_assert_cmpstr (w->anchor, ==, "orlen");
}

static void
test_statement_anchor_scope (void)
{
  const char *text =
    "She broke Arlo Venn's course record with a time of 2:07:41 on Sunday. "
    "Marek Tal's best of 2:09:10 still stands. "
    "The Tarn Party (Reform) took 4 seats and the Velm Union (Reform) 6. "
    "Early on the pacers went through halfway in 1:03:40 (2:07:20 pace). "
    "She covered the last 400 metres in 71 seconds.";
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, text, 0);
  const CcStatementValue *v;

  /* a time after "X's record with" is the subject's, not X's */
  v = find_value (sts, text, "2:07:41");
  g_assert_nonnull (v);
  g_assert_null (v->anchor);
  /* a figure right after a possessive name is that name's */
  v = find_value (sts, text, "2:09:10");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "marek tal");
  /* a qualifier in brackets stays with the name before it */
  v = find_value (sts, text, "4 seats");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "tarn party reform");
  v = find_value (sts, text, "6");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "velm union reform");
  /* a pace is not a time run; a split is not the time of the whole */
  v = find_value (sts, text, "2:07:20");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->role, ==, "pace");
  v = find_value (sts, text, "1:03:40");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->role, ==, "");
  v = find_value (sts, text, "71 seconds");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->role, ==, "s/m");
}

static void
test_statement_carried_time (void)
{
  const char *text =
    "In the last election, the Tarn Alliance won 301 seats. And the Orlen Party alone got 250 seats. "
    "The Orlen Party got 198 seats.";
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, text, 0);
  const CcStatementValue *v;

  /* "And ..." goes on in the time of the sentence before */
  v = find_value (sts, text, "250 seats");
  g_assert_nonnull (v);
  g_assert_true (v->past);
  v = find_value (sts, text, "198 seats");
  g_assert_nonnull (v);
  g_assert_false (v->past);
}

static void
test_statement_respectively_threshold (void)
{
  const char *text =
    "The Orlen Party won 198 seats, far below the 250 and 231 seats it won in 2026 and 2022, respectively. "
    "The Tarn Alliance crossed the 300 mark. "
    "The Union could not cross the 80 seat mark, falling short of the 90 majority mark.";
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, text, 0);
  const CcStatementValue *v;

  v = find_value (sts, text, "250");
  g_assert_nonnull (v);
  g_assert_cmpfloat (v->year, ==, 2026);
  v = find_value (sts, text, "231 seats");
  g_assert_nonnull (v);
  g_assert_cmpfloat (v->year, ==, 2022);
  v = find_value (sts, text, "198 seats");
  g_assert_nonnull (v);
  g_assert_cmpfloat (v->year, ==, 0);

  v = find_value (sts, text, "300 mark");
  g_assert_nonnull (v);
  g_assert_cmpint (v->hedge, ==, CC_VALUE_AT_LEAST);
  v = find_value (sts, text, "80 seat");
  g_assert_nonnull (v);
  g_assert_cmpint (v->hedge, ==, CC_VALUE_AT_MOST);
  v = find_value (sts, text, "90 majority");
  g_assert_nonnull (v);
  g_assert_cmpint (v->hedge, ==, CC_VALUE_AT_MOST);
}

static void
test_statement_pronoun_subject (void)
{
  const char *text =
    "The Orlen Party, backed by the Tarn Union, fell to 198 seats, well short of the 250 and 231 seats it won before. "
    "The Velm League held on. This is far from the 90 seats it won in 2026. "
    "The Arden Party won 120 seats. This contrasts with the 150 seats secured in 2026.";
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, text, 0);
  const CcStatementValue *v;

  /* "the 250 and 231 seats it won": the subject's, not the nearest name's */
  v = find_value (sts, text, "250");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "orlen party");
  v = find_value (sts, text, "231 seats");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "orlen party");
  /* a sentence without a name: "it" is the subject of the one before */
  v = find_value (sts, text, "90 seats");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "velm league");
  /* ... and so is a participle after the figure ("seats secured in") */
  v = find_value (sts, text, "150 seats");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "arden party");
}

static void
test_statement_day_label_bracket (void)
{
  const char *text =
    "The race ran on Sunday (8 October 2023) in Velm. "
    "Seats: CPI (M) 4, CPI 2 and AAP 3. "
    "The Orlen flight 171 to Tarn landed late.";
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, text, 0);
  const CcStatementValue *v;

  /* a day before its month, with the year after */
  v = find_value (sts, text, "8 October 2023");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, CC_PART_DAY);
  g_assert_cmpfloat (v->low, ==, 1008);
  /* a bracket right after a name is part of it */
  v = find_value (sts, text, "4");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "cpi m");
  v = find_value (sts, text, "2");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "cpi");
  /* a number after a common noun names a thing */
  v = find_value (sts, text, "171");
  g_assert_nonnull (v);
  g_assert_true (v->label);
}

static void
test_statement_others (void)
{
  const char *text =
    "Alliance Won Green 41 Union 17 Other 9. "
    "Eleven MPs of other parties have won. "
    "Other parties got the remaining 8 seats.";
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, text, 0);
  const CcStatementValue *v;

  /* the rest is a category of its own, not the name before it */
  v = find_value (sts, text, "9");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "others");
  /* "MPs" is a counted noun */
  v = find_value (sts, text, "Eleven MPs");
  g_assert_nonnull (v);
  g_assert_cmpfloat (v->low, ==, 11);
  g_assert_cmpstr (v->anchor, ==, "others");
  v = find_value (sts, text, "8 seats");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "others");
}

static void
test_statement_clauses (void)
{
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  const char *text = "The Green League won 41 seats while the Harbour Party held 17 seats. "
                     "Ms Orla Brennick did not attend the count in 2021.";
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, text, 0);
  const CcStatementValue *a, *b;
  CcStatement *last;

  /* one sentence, two clauses, each figure about its own party */
  g_assert_cmpuint (sts->len, ==, 3);
  a = find_value (sts, text, "41 seats");
  b = find_value (sts, text, "17 seats");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (a->anchor, ==, "green league");
  g_assert_cmpstr (b->anchor, ==, "harbour party");
  last = g_ptr_array_index (sts, 2);
  g_assert_true (last->negated);
  g_assert_cmpuint (last->n_years, ==, 1);
  g_assert_cmpfloat (last->years[0], ==, 2021);
  g_assert_cmpuint (last->n_names, >=, 1);
  g_assert_cmpstr (last->names[0].tokens[1], ==, "orla");
}

static void
test_statement_agree (void)
{
  CcStatementValue a = { .kind = CC_PART_NUMBER, .low = 34, .high = 34, .step = 1 };
  CcStatementValue b = a;

  b.low = b.high = 36;
  g_assert_false (cc_statement_values_agree (&a, &b));
  /* a lower bound agrees with any figure above it */
  b.low = b.high = 30;
  b.hedge = CC_VALUE_AT_LEAST;
  g_assert_true (cc_statement_values_agree (&a, &b));
  /* rounding: "2 hours" holds 2:00:35 */
  a = (CcStatementValue) { .kind = CC_PART_DURATION, .low = 7235, .high = 7235, .step = 1 };
  b = (CcStatementValue) { .kind = CC_PART_DURATION, .low = 7200, .high = 7200, .step = 3600 };
  g_assert_true (cc_statement_values_agree (&a, &b));
  /* ranges that overlap agree, disjoint ones do not, nor ones that only
   * touch ("between 9 and 10" and "7-9": the same only at 9) */
  a = (CcStatementValue) { .kind = CC_PART_NUMBER, .low = 9, .high = 10, .step = 1 };
  b = (CcStatementValue) { .kind = CC_PART_NUMBER, .low = 7, .high = 8, .step = 1 };
  g_assert_false (cc_statement_values_agree (&a, &b));
  b.high = 9;
  g_assert_false (cc_statement_values_agree (&a, &b));
  b.high = 9.5;
  g_assert_true (cc_statement_values_agree (&a, &b));
  /* a single figure at the end of a range is inside it */
  b.low = b.high = 10;
  g_assert_true (cc_statement_values_agree (&a, &b));
}

/* ---- lining up ---- */

static GPtrArray *
story (CcLexicon          *lex,
       const char * const *texts,
       guint               n)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_statement_free);

  for (guint d = 0; d < n; d++)
    {
      g_autoptr(GPtrArray) sts = cc_statements_extract (lex, texts[d], d);

      cc_statements_add_to_story (all, sts);
    }
  return all;
}

static void
test_lineup (void)
{
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  const char *texts[] = {
    "Bakers in Quillon stopped work on Monday. The strike closed 312 shops across the valley.",
    "Across the valley the strike closed 318 shops. Unrelated weather kept the ferries in port.",
  };
  g_autoptr(GPtrArray) sts = story (lex, texts, 2);
  g_autoptr(CcLineup) lineup = cc_lineup_find (sts);
  gboolean linked = FALSE, wrong = FALSE;

  for (guint i = 0; i < lineup->pairs->len; i++)
    {
      CcLineupPair *p = &g_array_index (lineup->pairs, CcLineupPair, i);
      CcStatement *a = g_ptr_array_index (sts, p->a);
      CcStatement *b = g_ptr_array_index (sts, p->b);

      g_autofree char *qa = part (texts[a->doc], a->start, a->end);
      g_autofree char *qb = part (texts[b->doc], b->start, b->end);

      g_assert_cmpuint (a->doc, !=, b->doc);
      if (strstr (qa, "312") != NULL && strstr (qb, "318") != NULL)
        linked = TRUE;
      if (strstr (qb, "weather") != NULL)
        wrong = TRUE;
    }
  /* the reworded sentence is found whatever its position, the unrelated one not */
  g_assert_true (linked);
  g_assert_false (wrong);
}

/* Linear work on a long table and on long sentences: the postings visited
 * stay within a constant per statement however large the input. */
static void
test_lineup_scale (void)
{
  g_autoptr(GString) table = g_string_new ("| region | item | count |\n|---|---|---|\n");
  g_autoptr(GString) longsent = g_string_new ("The survey");
  const char *texts[2];
  g_autoptr(CcDisagreementReport) report = NULL;

  for (guint i = 0; i < 120000; i++)
    g_string_append_printf (table, "| Region %u | widget w%u | %u units |\n", i % 97, i % 5003, i);
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (longsent, ", item %u counted %u crates", i, i * 3);
  g_string_append (longsent, ".\n");
  texts[0] = table->str;
  texts[1] = longsent->str;
  report = cc_disagreements_find (texts, 2);
  g_assert_cmpuint (report->statements->len, >, 120000);
  g_assert_cmpuint (report->work, <=, (guint64) report->statements->len * 64 * CC_LINEUP_MAX_POSTINGS);
}

/* ---- comparison ---- */

static GPtrArray *
run (const char * const *texts,
     guint               n)
{
  CcDisagreementReport *report = cc_disagreements_find (texts, n);
  GPtrArray *rows = g_ptr_array_ref (report->disagreements);

  cc_disagreement_report_free (report);
  return rows;
}

static void
test_compare_numeric (void)
{
  const char *texts[] = {
    "The Varn dam holds back 2,140 tonnes of silt, engineers said on Tuesday.",
    "Engineers said the Varn dam holds back 2,190 tonnes of silt.",
    "Engineers said the Varn dam holds back more than 2,000 tonnes of silt.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 3);
  CcDisagreement *d;

  /* 2,140 against 2,190; "more than 2,000" agrees with both */
  g_assert_cmpuint (rows->len, ==, 1);
  d = g_ptr_array_index (rows, 0);
  g_assert_cmpint (d->kind, ==, CC_DISAGREEMENT_NUMERIC);
  g_assert_cmpuint (d->doc_a, ==, 0);
  g_assert_cmpuint (d->doc_b, ==, 1);
  g_assert_cmpstr (d->value_a, ==, "2,140 tonnes");
  g_assert_cmpstr (d->value_b, ==, "2,190 tonnes");
  g_assert_cmpstr (d->quote_a, ==, texts[0]);
  g_assert_cmpstr (d->quote_b, ==, texts[1]);
}

static void
test_compare_one_row_per_fact (void)
{
  const char *texts[] = {
    "Varn ferry strike ends after 41-day stoppage\n\n"
    "The Varn ferry strike ended after 41 days, union leaders said on Tuesday.",
    "Union leaders said the Varn ferry strike ended after 43 days.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 2);
  CcDisagreement *d;

  /* the headline restates the body: one row for the pair of figures, and
   * it quotes the body */
  g_assert_cmpuint (rows->len, ==, 1);
  d = g_ptr_array_index (rows, 0);
  g_assert_cmpint (d->kind, ==, CC_DISAGREEMENT_NUMERIC);
  g_assert_true (g_str_has_prefix (d->quote_a, "The Varn ferry"));
  g_assert_cmpstr (d->quote_b, ==, texts[1]);
}

static void
test_compare_small_counts (void)
{
  const char *texts[] = {
    "The Orlen council spent two years drafting its housing plan, officials said on Monday.",
    "Tenants in Orlen have seen rents climb for three years running as landlords cited repairs.",
    "Rain is expected over the coast. Trains will run a reduced timetable. The museum reopens.",
    "Markets fell in early trading. The harbour authority named a new director.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 4);

  /* two whole single-digit spans of years about different things, in
   * clauses that only share a place name: no near miss */
  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      g_assert_false (d->kind == CC_DISAGREEMENT_NUMERIC && strstr (d->value_a, "years") != NULL);
    }
}

static void
test_compare_far_dates (void)
{
  const char *texts[] = {
    "Voting in the Tarn regional election began on April 19, the commission said. "
    "Counting in the Tarn regional election ended on May 12, officials said.",
    "The Tarn regional election commission said counting ended on June 5 after a long night.",
    "Counting in the Tarn regional election ended on May 13, the commission said.",
    "Rain is expected over the coast. Trains will run a reduced timetable. The museum reopens.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 4);
  gboolean slip = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      if (d->kind != CC_DISAGREEMENT_DATE)
        continue;
      /* weeks apart in loosely similar clauses: different events */
      g_assert_false (strstr (d->value_a, "April") != NULL || strstr (d->value_b, "April") != NULL);
      if (strstr (d->value_a, "May 12") != NULL && strstr (d->value_b, "May 13") != NULL)
        slip = TRUE;
    }
  /* a day apart: a disagreement */
  g_assert_true (slip);
}

static void
test_compare_other_time (void)
{
  const char *texts[] = {
    "The Tarn Alliance won 212 seats this week, the commission said in 2030.",
    "The Tarn Alliance won 230 seats in 2026, the commission said.",
    "In 2030 the commission said the Tarn Alliance won 212 seats.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 3);

  /* another year is another fact, not a disagreement */
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_compare_previous_round (void)
{
  const char *texts[] = {
    "The Orlen Party won 198 seats in 2030, short of the majority. "
    "In 2026 the Orlen Party had won 250 seats.",
    "In the last election, the Tarn Alliance won 301 seats. And the Orlen Party alone got 251 seats. "
    "This time, in 2030, the Orlen Party got 198 seats.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 2);
  gboolean found = FALSE;

  /* "the last election" is the latest earlier round the story names
   * (2026): 250 and 251 are the same fact; 198 is never set against the
   * earlier round's figures */
  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      g_assert_false (strstr (d->value_a, "198") != NULL || strstr (d->value_b, "198") != NULL);
      if (strstr (d->value_a, "250") != NULL && strstr (d->value_b, "251") != NULL)
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_compare_possessive_time (void)
{
  const char *texts[] = {
    "Lina Oduya broke Arlo Venn's course record with a time of 2:07:41 at the Velm race.",
    "Arlo Venn's course record of 2:08:30 fell at the Velm race as Lina Oduya won.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 2);

  /* the winner's time is not the old record's holder's time */
  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      g_assert_false (d->kind == CC_DISAGREEMENT_NUMERIC);
    }
}

static guint
count_kind (GPtrArray          *rows,
            CcDisagreementKind  kind,
            const char         *attribute)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      n += d->kind == kind && strcmp (d->attribute, attribute) == 0;
    }
  return n;
}

static void
test_compare_part_whole (void)
{
  const char *texts[] = {
    "The Tarn electoral board has released results for 61 of the 64 regional districts on Monday.",
    "The Tarn electoral board has released results for all 64 regional districts on Monday.",
    "The Tarn electoral board has released results for all regional districts, officials said.",
    "The Tarn electoral board has released results for 64 districts; counting covered 61 districts.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 4);

  /* "61 of the 64" against "all 64" and "all districts": two rows; the
   * fourth names the part too and is not contradicted */
  g_assert_cmpuint (count_kind (rows, CC_DISAGREEMENT_CLAIM, "whole"), ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      g_assert_cmpuint (d->doc_b, !=, 3);
      if (strcmp (d->attribute, "whole") == 0)
        g_assert_true (g_str_has_prefix (d->value_a, "61 of the 64"));
    }
}

static void
test_compare_outcome (void)
{
  const char *texts[] = {
    "Turnout rose across the north of the country. Rain fell on the coast. "
    "In the Velm district, Anna Korvel of the Green List leads over Piet Marsh of the Union.",
    "Officials delayed the count in two towns. The board thanked its staff. "
    "In the Velm district, Anna Korvel of the Green List defeated Piet Marsh of the Union.",
    "The board will publish the full list later. Observers praised the calm. "
    "In the Velm district, Anna Korvel of the Green List beat Piet Marsh of the Union.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 3);

  /* going on against decided: two rows; decided and decided agree */
  g_assert_cmpuint (count_kind (rows, CC_DISAGREEMENT_CLAIM, "state"), ==, 2);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((CcDisagreement *) g_ptr_array_index (rows, i))->doc_a, ==, 0);
}

static void
test_compare_weekday_date (void)
{
  const char *texts[] = {
    "Turnout in the 2031 Tarn vote was high. "
    "Early on Wednesday, final results showed the Green List would lead the Tarn council again.",
    "Turnout in the 2031 Tarn vote was high. Counting began on Tuesday (May 13). "
    "According to final results declared on May 13, the Green List would lead the Tarn council again.",
    "The 2031 Tarn count ended on May 14, the board said. "
    "According to final results declared on May 14, the Green List would lead the Tarn council again.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 3);
  guint n = 0;

  /* Wednesday is May 14 in 2031 (the day the story names on that weekday):
   * it disagrees with May 13 and agrees with May 14 */
  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      /* (1 and 2 disagree on their dates anyway) */
      if (d->kind != CC_DISAGREEMENT_DATE || d->doc_a != 0)
        continue;
      g_assert_cmpuint (d->doc_b, ==, 1);
      g_assert_cmpstr (d->value_a, ==, "Wednesday");
      g_assert_cmpstr (d->value_b, ==, "May 13");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

static void
test_compare_weekday_ahead (void)
{
  const char *texts[] = {
    "The Tarn ferry will return to service on Monday after repairs, the operator said.",
    "The Tarn ferry will return to service on March 17 after repairs, the operator said.",
    "The Tarn ferry will return to service on March 10 after repairs, the operator said.",
  };
  GDate dates[3];
  g_autoptr(CcDisagreementReport) report = NULL;
  gboolean with_past = FALSE;

  /* all dated Friday 14 March 2031: "will return on Monday" is the 17th */
  for (guint i = 0; i < 3; i++)
    {
      g_date_clear (&dates[i], 1);
      g_date_set_dmy (&dates[i], 14, G_DATE_MARCH, 2031);
    }
  report = cc_disagreements_find_dated (texts, dates, 3);
  for (guint i = 0; i < report->disagreements->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (report->disagreements, i);

      if (d->kind != CC_DISAGREEMENT_DATE || d->doc_a != 0)
        continue;
      g_assert_cmpuint (d->doc_b, !=, 1);
      if (d->doc_b == 2)
        {
          g_assert_cmpstr (d->value_a, ==, "Monday");
          with_past = TRUE;
        }
    }
  g_assert_true (with_past);
}

/* A cancelled run stops and says so; the same run not cancelled finds the
 * disagreement, so the test can fail either way. */
static void
test_find_cancelled (void)
{
  const char *texts[] = {
    "The Velm bridge reopened on Tuesday after 14 weeks of repairs, the council said.",
    "The Velm bridge reopened on Tuesday after 19 weeks of repairs, the council said.",
  };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CcDisagreementReport) whole = NULL;
  g_autoptr(CcDisagreementReport) stopped = NULL;
  g_autoptr(GError) error = NULL;

  whole = cc_disagreements_find_full (texts, NULL, 2, cancellable, &error);
  g_assert_no_error (error);
  g_assert_nonnull (whole);
  g_assert_cmpuint (whole->disagreements->len, ==, 1);

  g_cancellable_cancel (cancellable);
  stopped = cc_disagreements_find_full (texts, NULL, 2, cancellable, &error);
  g_assert_null (stopped);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The dates of documents are their stored publication dates, cleared where
 * none is kept: a weekday then resolves against the date. */
static void
test_dates_of_documents (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) dates = NULL;
  CcDocument *dated = cc_document_new (1, "/tmp/dated.txt", "Dated", NULL, NULL, "a", 3, 17, 0, FALSE);
  CcDocument *undated = cc_document_new (2, "/tmp/undated.txt", "Undated", NULL, NULL, "b", 3, 17, 0, FALSE);

  cc_document_set_meta (dated, "2031-03-14T09:30:00Z", NULL, NULL);
  g_ptr_array_add (documents, dated);
  g_ptr_array_add (documents, undated);
  dates = cc_disagreements_dates_of (documents);
  g_assert_cmpuint (dates->len, ==, 2);
  g_assert_true (g_date_valid (&g_array_index (dates, GDate, 0)));
  g_assert_cmpuint (g_date_get_day (&g_array_index (dates, GDate, 0)), ==, 14);
  g_assert_cmpuint (g_date_get_year (&g_array_index (dates, GDate, 0)), ==, 2031);
  g_assert_false (g_date_valid (&g_array_index (dates, GDate, 1)));
}

static void
test_compare_initials (void)
{
  const char *texts[] = {
    "The Orlen Workers Party won 198 seats in the Tarn vote.",
    "In the Tarn vote the OWP won 199 seats, officials said.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 2);

  /* a name and its initials are one name */
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((CcDisagreement *) g_ptr_array_index (rows, 0))->value_b, ==, "199 seats");
}

static void
test_compare_sole_figures (void)
{
  const char *texts[] = {
    "Seats won by party: Green List – 41, Tarn Union – 17, Velm League – 9.",
    "The Tarn Union has won 23 seats in the new council, officials said on Monday.",
    "Counting over, the Tarn Union took 17 seats and will sit in opposition.",
    "Polls had said the Tarn Union would get 30 seats. Tarn Union flight 12 was late.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 4);
  gboolean list_prose = FALSE, prose_prose = FALSE;

  /* the one figure each document gives the Tarn Union: 17 against 23,
   * however worded; a forecast ("would get") and a label ("flight 12")
   * are no figure of it */
  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      g_assert_cmpuint (d->doc_b, !=, 3);
      if (d->doc_a == 0 && d->doc_b == 1 && strcmp (d->value_a, "17") == 0)
        list_prose = TRUE;
      if (d->doc_a == 1 && d->doc_b == 2)
        prose_prose = TRUE;
    }
  g_assert_true (list_prose);
  g_assert_true (prose_prose);
}

static void
test_compare_route_points (void)
{
  const char *texts[] = {
    "Oduya pulled away from the pack at 30 km on the lakeshore road in Velm.",
    "Rain began to fall after 32km as the crowds in Velm thinned out.",
    "The Velm course is 42 km long and flat.",
    "The Velm course is 44 km long and flat.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 4);
  gboolean lengths = FALSE;

  /* points passed on a route in unrelated sentences are no near miss;
   * two lengths of the same course are */
  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      g_assert_false (strstr (d->value_a, "30") != NULL || strstr (d->value_b, "32") != NULL);
      lengths = lengths || (strcmp (d->value_a, "42 km") == 0 && strcmp (d->value_b, "44 km") == 0);
    }
  g_assert_true (lengths);
}

static void
test_compare_lined_up_dates (void)
{
  const char *texts[] = {
    "The Velm ferry crew had set out on their voyage on May 6, 2031, expecting to return within ten days. "
    "Storms kept them at sea.",
    "The crew of the Velm ferry set out on their voyage on May 5 of that year, expecting to return within ten days. "
    "The harbour was closed for a week.",
    "Markets fell in early trading. The harbour authority named a new director on May 2.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 3);
  guint n = 0;

  /* nearly the same sentence, a day apart: a date row; an unrelated
   * date is not compared */
  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      if (d->kind != CC_DISAGREEMENT_DATE)
        continue;
      g_assert_cmpuint (d->doc_b, !=, 2);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

static void
test_compare_run_on_lists (void)
{
  g_autoptr(GString) a = g_string_new ("The Tarn results, without a full stop: ");
  const char *texts[2];

  /* a run-on list of figures, years and "respectively" in one sentence:
   * read in bounded windows, and the same text in two documents gives no
   * disagreement */
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (a, "the Orlen Party %u and the Velm Union %u won %u and %u seats it held in 2026 and 2022, respectively, ",
                            i % 50 + 10, i % 40 + 20, i % 30 + 5, i % 20 + 7);
  g_string_append (a, "and that was all.");
  texts[0] = texts[1] = a->str;
  {
    g_autoptr(GPtrArray) rows = run (texts, 2);

    g_assert_cmpuint (rows->len, ==, 0);
  }
}

static void
test_compare_scopes (void)
{
  const char *texts[] = {
    "On Velm Reading Hard, a test of long documents, the Orlen model scored 44.1, ahead of Tarn Nine (40.1).",
    "On the Arden Index v2.0, the Orlen model scored 61, behind Tarn Nine (57) and level with Cato (61).",
    "The Orlen model scored 58% on Velm Reading Hard and 38% on the Arden Index.",
    "The Orlen model scored 39% on Arden Index, its makers said.",
  };
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, texts[2], 0);
  g_autoptr(GPtrArray) rows = run (texts, 4);
  const CcStatementValue *v;

  /* "58% on X": the score is X's */
  v = find_value (sts, texts[2], "58");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "velm reading hard");
  v = find_value (sts, texts[2], "38");
  g_assert_nonnull (v);
  g_assert_cmpstr (v->anchor, ==, "arden index");
  /* figures under different scopes ("On X, ...", "On Y, ...") are other
   * facts: Tarn Nine's 40.1 and 57 are not set against each other */
  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      g_assert_false (strcmp (d->value_a, "40.1") == 0 && strcmp (d->value_b, "57") == 0);
    }
}

static gboolean
has_weekday_row (GPtrArray *rows,
                 guint      doc_a,
                 guint      doc_b)
{
  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      if (d->kind == CC_DISAGREEMENT_DATE && d->doc_a == doc_a && d->doc_b == doc_b &&
          g_str_has_suffix (d->value_a, "day") && g_str_has_suffix (d->value_b, "day"))
        return TRUE;
    }
  return FALSE;
}

static void
test_compare_weekday_moment (void)
{
  const char *texts[] = {
    "The ferry Halvard left Ostrel harbour on Monday at 6:15 a.m. GMT, the operator said.",
    "Crew members said the ferry Halvard left its Ostrel berth at 11:45 am IST on Tuesday, with calm seas.",
    "Passengers boarded the Halvard at Ostrel before it sailed at 11:45 AM IST on Monday, a port official said.",
    "Dockers at Ostrel loaded the Halvard at 9 am on Wednesday, a week before it sailed.",
    "Rain is expected over the coast. Trains will run a reduced timetable. The museum reopens.",
    "Markets fell in early trading. The harbour authority named a new director.",
  };
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  g_autoptr(GPtrArray) sts = cc_statements_extract (lex, texts[1], 1);
  const CcStatementValue *v = find_value (sts, texts[1], "11:45");
  g_autoptr(GPtrArray) rows = NULL;

  /* the zone written after a clock time is read with it */
  g_assert_nonnull (v);
  g_assert_true (v->zoned);
  g_assert_cmpint (v->zone, ==, 330);
  g_clear_pointer (&sts, g_ptr_array_unref);
  sts = cc_statements_extract (lex, texts[3], 3);
  v = find_value (sts, texts[3], "9 am");
  if (v == NULL)
    v = find_value (sts, texts[3], "9");
  g_assert_nonnull (v);
  g_assert_false (v->zoned);

  rows = run (texts, 6);
  /* 6:15 GMT is 11:45 IST: the same moment, given on another weekday */
  g_assert_true (has_weekday_row (rows, 0, 1));
  /* the same moment on the same day, in another zone: no disagreement */
  g_assert_false (has_weekday_row (rows, 0, 2));
  /* another moment of the day is another event, whatever its day */
  g_assert_false (has_weekday_row (rows, 0, 3));
  g_assert_false (has_weekday_row (rows, 2, 3));
}

static void
test_compare_names (void)
{
  const char *texts[] = {
    "Runner Aleko Varessi finished second behind compatriot Tomas Brell in the city race.",
    "Runner Aleko Varesi finished second behind compatriot Tomas Brell in the city race.",
    "Runner Aleko Varessi finished second behind compatriot Piet Onander in the city race.",
    /* other news, so that the words of the story weigh what they weigh in a real one */
    "Rain is expected over the coast. Trains will run a reduced timetable. The museum reopens.",
    "Markets fell in early trading. The harbour authority named a new director.",
  };
  g_autoptr(GPtrArray) rows = run (texts, 5);
  gboolean spelling = FALSE, other = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (rows, i);

      if (d->kind == CC_DISAGREEMENT_NAMING && strstr (d->value_a, "Varessi") && strstr (d->value_b, "Varesi"))
        spelling = TRUE;
      if (d->kind == CC_DISAGREEMENT_CLAIM && strstr (d->value_a, "Tomas Brell") &&
          strstr (d->value_b, "Piet Onander"))
        other = TRUE;
    }
  g_assert_true (spelling);
  g_assert_true (other);
  g_assert_true (cc_part_spelling_variants ("varessi", "varesi"));
  g_assert_false (cc_part_spelling_variants ("kenya", "kenyan"));
}

/* The role-name rows between two one-sentence articles, whose statements
 * (which the rows point into) are returned in @statements. */
static GArray *
role_rows (CcLexicon   *lex,
           const char  *a,
           const char  *b,
           GPtrArray  **statements)
{
  const char *texts[] = { a, b };
  GArray *out = g_array_new (FALSE, FALSE, sizeof (CcPartDisagreement));

  *statements = story (lex, texts, G_N_ELEMENTS (texts));
  cc_role_names_find (*statements, out);
  return out;
}

static void
test_role_names (void)
{
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  const char *texts[] = {
    "The rescue at the quarry was led by fire chief Anna Korvel on the night.",
    "Volunteers said fire chief Bram Ostey called for more pumps.",
    "By dawn, fire chief Anna Korvel had the site cleared. Miners Tom Avel and Rik Sorn were safe.",
    "Miners Jan Teller and Per Oss were safe.",
  };
  g_autoptr(GPtrArray) sts = story (lex, texts, G_N_ELEMENTS (texts));
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (CcPartDisagreement));
  guint pairs = 0;

  cc_role_names_find (sts, out);
  for (guint i = 0; i < out->len; i++)
    {
      CcPartDisagreement *d = &g_array_index (out, CcPartDisagreement, i);
      guint da = MIN (d->a->doc, d->b->doc), db = MAX (d->a->doc, d->b->doc);

      g_assert_cmpint (d->kind, ==, CC_DISAGREEMENT_CLAIM);
      /* Korvel against Ostey, never Korvel against Korvel, never the
       * miners (a plural title is held by several) */
      g_assert_true ((da == 0 && db == 1) || (da == 1 && db == 2));
      pairs++;
    }
  g_assert_cmpuint (pairs, ==, 2);

  /* the row names the role in its own words, not by its stem
   * ("secretari") */
  {
    g_autoptr(GPtrArray) sts2 = NULL;
    g_autoptr(GArray) rows = role_rows (lex,
                                        "The talks were led by union secretary Anna Korvel on the night.",
                                        "Volunteers said union secretary Bram Ostey called for more talks.",
                                        &sts2);

    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (g_array_index (rows, CcPartDisagreement, 0).subject, ==, "secretary");
  }

  /* one capitalised word after an adjective is as often a thing as a
   * person: no one holds a role "open-source" */
  {
    g_autoptr(GPtrArray) sts3 = NULL;
    g_autoptr(GArray) rows = role_rows (lex,
                                        "Analysts said the widely used open-source Zentra toolkit had grown.",
                                        "Analysts said the widely used open-source Quillo toolkit had grown.",
                                        &sts3);

    g_assert_cmpuint (rows->len, ==, 0);
  }
}

static void
test_role_rank (void)
{
  g_autoptr(CcLexicon) lex = cc_lexicon_new ();
  const char *texts[] = {
    "In the final, Mara Quell came in second behind the champion.",
    "The second-place finisher, Ilse Varga, trailed by a length.",
    "It was the second fastest final ever, said coach Ode Brann.",
  };
  g_autoptr(GPtrArray) sts = story (lex, texts, G_N_ELEMENTS (texts));
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (CcPartDisagreement));
  CcPartDisagreement *d;

  cc_role_names_find (sts, out);
  /* the runner-up differs between 0 and 1; "second fastest" gives no place */
  g_assert_cmpuint (out->len, ==, 1);
  d = &g_array_index (out, CcPartDisagreement, 0);
  g_assert_cmpuint (MIN (d->a->doc, d->b->doc), ==, 0);
  g_assert_cmpuint (MAX (d->a->doc, d->b->doc), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crosscheck/analysis/statement/values", test_statement_values);
  g_test_add_func ("/crosscheck/analysis/statement/agent-anchor", test_statement_agent_anchor);
  g_test_add_func ("/crosscheck/analysis/statement/anchor-scope", test_statement_anchor_scope);
  g_test_add_func ("/crosscheck/analysis/statement/carried-time", test_statement_carried_time);
  g_test_add_func ("/crosscheck/analysis/statement/respectively-threshold", test_statement_respectively_threshold);
  g_test_add_func ("/crosscheck/analysis/statement/pronoun-subject", test_statement_pronoun_subject);
  g_test_add_func ("/crosscheck/analysis/compare/initials", test_compare_initials);
  g_test_add_func ("/crosscheck/analysis/statement/day-label-bracket", test_statement_day_label_bracket);
  g_test_add_func ("/crosscheck/analysis/statement/others", test_statement_others);
  g_test_add_func ("/crosscheck/analysis/statement/clauses", test_statement_clauses);
  g_test_add_func ("/crosscheck/analysis/statement/agree", test_statement_agree);
  g_test_add_func ("/crosscheck/analysis/lineup/paraphrase", test_lineup);
  g_test_add_func ("/crosscheck/analysis/lineup/scale", test_lineup_scale);
  g_test_add_func ("/crosscheck/analysis/compare/numeric", test_compare_numeric);
  g_test_add_func ("/crosscheck/analysis/compare/one-row-per-fact", test_compare_one_row_per_fact);
  g_test_add_func ("/crosscheck/analysis/compare/small-counts", test_compare_small_counts);
  g_test_add_func ("/crosscheck/analysis/compare/far-dates", test_compare_far_dates);
  g_test_add_func ("/crosscheck/analysis/compare/other-time", test_compare_other_time);
  g_test_add_func ("/crosscheck/analysis/compare/previous-round", test_compare_previous_round);
  g_test_add_func ("/crosscheck/analysis/compare/possessive-time", test_compare_possessive_time);
  g_test_add_func ("/crosscheck/analysis/compare/part-whole", test_compare_part_whole);
  g_test_add_func ("/crosscheck/analysis/compare/outcome", test_compare_outcome);
  g_test_add_func ("/crosscheck/analysis/compare/weekday-date", test_compare_weekday_date);
  g_test_add_func ("/crosscheck/analysis/compare/weekday-ahead", test_compare_weekday_ahead);
  g_test_add_func ("/crosscheck/analysis/compare/sole-figures", test_compare_sole_figures);
  g_test_add_func ("/crosscheck/analysis/compare/route-points", test_compare_route_points);
  g_test_add_func ("/crosscheck/analysis/compare/lined-up-dates", test_compare_lined_up_dates);
  g_test_add_func ("/crosscheck/analysis/compare/run-on-lists", test_compare_run_on_lists);
  g_test_add_func ("/crosscheck/analysis/compare/scopes", test_compare_scopes);
  g_test_add_func ("/crosscheck/analysis/compare/weekday-moment", test_compare_weekday_moment);
  g_test_add_func ("/crosscheck/analysis/compare/names", test_compare_names);
  g_test_add_func ("/crosscheck/analysis/role-names", test_role_names);
  g_test_add_func ("/crosscheck/analysis/find-cancelled", test_find_cancelled);
  g_test_add_func ("/crosscheck/analysis/dates-of-documents", test_dates_of_documents);
  g_test_add_func ("/crosscheck/analysis/role-rank", test_role_rank);
  return g_test_run ();
}
