/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "cc-claims.h"
#include "cc-conflicts.h"
#include "cc-importer.h"
#include "cc-text.h"
#include "cc-test-util.h"
#include "cc-verdict.h"

/* Fictional text, written for this test. */
static const char story_a[] =
  "Ostrava Freight signs deal\n"
  "Ostrava Freight has agreed to buy Pelican Logistics for $2.4 billion, the company said on "
  "Monday, March 1, 2027. The deal gives Ostrava Freight 310 depots. Chief executive Lena Marsh "
  "said the merged company would employ about 9,000 people. The new tracking app is available "
  "now in Poland and Czechia. Ostrava Freight's Rail Index score rose to 71 out of 100.\n";

static const char story_b[] =
  "Pelican Logistics sold\n"
  "Ostrava Freight will pay over $2 billion for Pelican Logistics, according to a filing "
  "published on March 2, 2027. The deal gives Ostrava Freight 280 depots. Chief executive Lena "
  "Marsh said the merged company would employ about 9,000 people. The new tracking app will "
  "arrive in Poland and Czechia in the coming weeks. Ostrava Freight's Rail Index score rose to "
  "64 out of 100.\n";

static CcClaim *
find_claim (GPtrArray   *claims,
            const char  *surface_part)
{
  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *c = g_ptr_array_index (claims, i);

      if (c->surface != NULL && strstr (c->surface, surface_part) != NULL)
        return c;
    }
  return NULL;
}

static void
check_quotes (const char *text,
              GPtrArray  *claims)
{
  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *c = g_ptr_array_index (claims, i);
      g_autofree char *quote = cc_text_substring (text, c->start, c->end);

      g_assert_cmpstr (quote, ==, c->quote);
      g_assert_cmpuint (c->start, <=, c->value_start);
      g_assert_cmpuint (c->value_end, <=, c->end);
      g_assert_nonnull (c->subject);
      g_assert_nonnull (c->attribute);
      g_assert_nonnull (c->value_text);
    }
}

static void
test_extract (void)
{
  g_autoptr(GPtrArray) claims = cc_claims_extract (story_a, NULL, 1, "a.txt");
  CcClaim *money, *count, *people, *date;

  check_quotes (story_a, claims);

  money = find_claim (claims, "2.4 billion");
  g_assert_nonnull (money);
  g_assert_cmpint (money->value.kind, ==, CC_CLAIM_MONEY);
  g_assert_cmpstr (money->value.unit, ==, "USD");
  g_assert_cmpfloat_with_epsilon (money->value.low, 2.4e9, 1);
  g_assert_cmpfloat_with_epsilon (money->value.precision, 1e8, 1);
  g_assert_cmpstr (money->value_text, ==, "USD 2400000000");
  g_assert_cmpint (money->qualifier, ==, CC_QUALIFIER_NONE);
  g_assert_cmpstr (money->document, ==, "a.txt");

  count = find_claim (claims, "310");
  g_assert_nonnull (count);
  g_assert_cmpfloat (count->value.low, ==, 310);

  people = find_claim (claims, "9,000");
  g_assert_nonnull (people);
  g_assert_cmpint (people->qualifier, ==, CC_QUALIFIER_ABOUT);

  date = find_claim (claims, "March 1, 2027");
  g_assert_nonnull (date);
  g_assert_cmpint (date->value.kind, ==, CC_CLAIM_DATE);
  g_assert_cmpstr (date->value_text, ==, "2027-03-01");
}

static void
test_qualifiers_and_states (void)
{
  g_autoptr(GPtrArray) claims = cc_claims_extract (story_b, NULL, 2, "b.txt");
  CcClaim *over = find_claim (claims, "2 billion");
  gboolean future = FALSE;

  check_quotes (story_b, claims);
  g_assert_nonnull (over);
  g_assert_cmpint (over->qualifier, ==, CC_QUALIFIER_OVER);
  g_assert_cmpfloat (over->value.precision, ==, 1e9);

  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *c = g_ptr_array_index (claims, i);

      if (c->value.kind == CC_CLAIM_STATE && c->value.state == CC_CLAIM_STATE_FUTURE &&
          strstr (c->quote, "coming weeks") != NULL)
        future = TRUE;
    }
  g_assert_true (future);
}

static CcClaimValue
number (CcClaimKind kind,
        double      low,
        double      high,
        double      precision,
        const char *unit)
{
  CcClaimValue v = { 0 };

  v.kind = kind;
  v.low = low;
  v.high = high;
  v.precision = precision;
  v.unit = (char *) unit;
  return v;
}

static void
test_verdict_values (void)
{
  CcClaimValue over14 = number (CC_CLAIM_MONEY, 14e9, 14e9, 1e9, "USD");
  CcClaimValue v143 = number (CC_CLAIM_MONEY, 14.3e9, 14.3e9, 1e8, "USD");
  CcClaimValue v143eur = number (CC_CLAIM_MONEY, 14.3e9, 14.3e9, 1e8, "EUR");
  CcClaimValue v42 = number (CC_CLAIM_COUNT, 42, 42, 1, "");
  CcClaimValue v40 = number (CC_CLAIM_COUNT, 40, 40, 1, "");
  CcClaimValue v27 = number (CC_CLAIM_COUNT, 27, 27, 1, "");
  CcClaimValue v26 = number (CC_CLAIM_COUNT, 26, 26, 1, "");
  CcClaimValue v350 = number (CC_CLAIM_COUNT, 350, 350, 1, "");
  CcClaimValue v300 = number (CC_CLAIM_COUNT, 300, 300, 1, "");
  CcClaimValue v900 = number (CC_CLAIM_QUANTITY, 900, 900, 1, "km");
  CcClaimValue v1000 = number (CC_CLAIM_QUANTITY, 1000, 1000, 1, "km");
  CcClaimValue v5000 = number (CC_CLAIM_COUNT, 5000, 5000, 1, "");
  CcClaimValue range = number (CC_CLAIM_MONEY, 115e9, 135e9, 1e9, "USD");
  CcClaimValue v120 = number (CC_CLAIM_MONEY, 120e9, 120e9, 1e9, "USD");
  CcClaimValue april = number (CC_CLAIM_DATE, 2461132, 2461161, 30, "month");
  CcClaimValue april8 = number (CC_CLAIM_DATE, 2461139, 2461139, 1, "day");
  CcClaimValue april9 = number (CC_CLAIM_DATE, 2461140, 2461140, 1, "day");
  CcClaimValue done = { CC_CLAIM_STATE, 0, 0, 0, (char *) "", CC_CLAIM_STATE_DONE };
  CcClaimValue future = { CC_CLAIM_STATE, 0, 0, 0, (char *) "", CC_CLAIM_STATE_FUTURE };

  /* "over $14 billion" vs "$14.3 billion": compatible under the qualifier */
  g_assert_cmpint (cc_verdict_values (&over14, CC_QUALIFIER_OVER, &v143, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_APPROXIMATE);
  /* "$14 billion" vs "$14.3 billion": rounding of the less precise one */
  g_assert_cmpint (cc_verdict_values (&over14, CC_QUALIFIER_NONE, &v143, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_APPROXIMATE);
  g_assert_cmpint (cc_verdict_values (&v143, CC_QUALIFIER_NONE, &v143, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_AGREE);
  g_assert_cmpint (cc_verdict_values (&v143, CC_QUALIFIER_NONE, &v143eur, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_UNRELATED);
  g_assert_cmpint (cc_verdict_values (&v42, CC_QUALIFIER_NONE, &v40, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_CONFLICT);
  g_assert_cmpint (cc_verdict_values (&v42, CC_QUALIFIER_NONE, &v40, CC_QUALIFIER_OVER), ==,
                   CC_VERDICT_APPROXIMATE);
  g_assert_cmpint (cc_verdict_values (&v27, CC_QUALIFIER_NONE, &v26, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_CONFLICT);
  g_assert_cmpint (cc_verdict_values (&v350, CC_QUALIFIER_ABOUT, &v300, CC_QUALIFIER_ABOUT), ==,
                   CC_VERDICT_CONFLICT);
  g_assert_cmpint (cc_verdict_values (&v1000, CC_QUALIFIER_UP_TO, &v900, CC_QUALIFIER_ABOUT), ==,
                   CC_VERDICT_CONFLICT);
  /* far apart: a different fact, not a disagreement */
  g_assert_cmpint (cc_verdict_values (&v350, CC_QUALIFIER_NONE, &v5000, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_UNRELATED);
  g_assert_cmpint (cc_verdict_values (&range, CC_QUALIFIER_NONE, &v120, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_APPROXIMATE);
  g_assert_cmpint (cc_verdict_values (&april, CC_QUALIFIER_NONE, &april8, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_APPROXIMATE);
  g_assert_cmpint (cc_verdict_values (&april8, CC_QUALIFIER_NONE, &april9, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_CONFLICT);
  g_assert_cmpint (cc_verdict_values (&april8, CC_QUALIFIER_NONE, &v42, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_UNRELATED);
  g_assert_cmpint (cc_verdict_values (&done, CC_QUALIFIER_NONE, &future, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_CONFLICT);
  g_assert_cmpint (cc_verdict_values (&done, CC_QUALIFIER_NONE, &done, CC_QUALIFIER_NONE), ==,
                   CC_VERDICT_AGREE);
}

static CcClaim *
bench_claim (gint64      doc,
             const char *benchmark)
{
  g_autofree char *text = g_strdup_printf ("Widget scored 50 on the %s.", benchmark);
  g_autoptr(GPtrArray) claims = cc_claims_extract (text, NULL, doc, NULL);

  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *c = g_ptr_array_index (claims, i);

      if (c->benchmark != NULL)
        return cc_claim_ref (c);
    }
  return NULL;
}

static void
test_benchmark_names (void)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_claim_unref);
  const char *names[] = {
    "Quanta Reasoning Index v2.1", "Quanta Analysis Reasoning Index v2.1", "Quanta Reasoning Index v3.0",
    "StepBench Hard", "StepBench",
  };
  CcClaim *c[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      c[i] = bench_claim (i + 1, names[i]);
      if (c[i] == NULL)
        {
          g_test_skip ("the entity extractor did not find the benchmark name");
          for (guint j = 0; j < i; j++)
            cc_claim_unref (c[j]);
          return;
        }
      g_ptr_array_add (claims, c[i]);
    }
  cc_verdict_unify_benchmarks (claims);
  /* the same index under two names */
  g_assert_cmpstr (c[0]->key, ==, c[1]->key);
  g_assert_true (cc_verdict_comparable (c[0], c[1]));
  /* another version, another variant: different */
  g_assert_cmpstr (c[0]->key, !=, c[2]->key);
  g_assert_cmpstr (c[3]->key, !=, c[4]->key);
  g_assert_false (cc_verdict_comparable (c[3], c[4]));
}

static GPtrArray *
claim_sets (const char * const *texts,
            guint               n)
{
  GPtrArray *sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%u.txt", i);

      g_ptr_array_add (sets, cc_claims_extract (texts[i], NULL, i + 1, name));
    }
  return sets;
}

static void
assert_same_reports (CcConflictReport *a,
                     CcConflictReport *b)
{
  g_assert_cmpuint (a->conflicts->len, ==, b->conflicts->len);
  g_assert_cmpuint (a->facts->len, ==, b->facts->len);
  for (guint i = 0; i < a->conflicts->len; i++)
    {
      CcConflict *x = g_ptr_array_index (a->conflicts, i);
      CcConflict *y = g_ptr_array_index (b->conflicts, i);

      g_assert_true (x->a == y->a);
      g_assert_true (x->b == y->b);
      g_assert_cmpint (x->verdict, ==, y->verdict);
    }
}

static void
test_conflicts_pair (void)
{
  const char *texts[] = { story_a, story_b };
  g_autoptr(GPtrArray) sets = claim_sets (texts, 2);
  g_autoptr(CcConflictReport) report = cc_conflicts_find (sets, NULL, NULL);
  g_autoptr(CcConflictReport) naive = cc_conflicts_find_naive (sets, NULL, NULL);
  gboolean price = FALSE, depots = FALSE, state = FALSE, people = FALSE;

  assert_same_reports (report, naive);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      CcConflict *c = g_ptr_array_index (report->conflicts, i);

      g_assert_true (strstr (story_a, c->a->quote) != NULL);
      g_assert_true (strstr (story_b, c->b->quote) != NULL);
      if (c->a->value.kind == CC_CLAIM_MONEY)
        price = price || c->verdict == CC_VERDICT_APPROXIMATE;
      if (strstr (c->a->surface, "310") != NULL)
        depots = depots || c->verdict == CC_VERDICT_CONFLICT;
      if (c->a->value.kind == CC_CLAIM_STATE)
        state = state || c->verdict == CC_VERDICT_CONFLICT;
      if (strstr (c->a->surface, "9,000") != NULL)
        people = TRUE;
    }
  g_assert_true (price);   /* $2.4 billion vs over $2 billion */
  g_assert_true (depots);  /* 310 vs 280 */
  g_assert_true (state);   /* available now vs in the coming weeks */
  g_assert_false (people); /* they agree on 9,000 */
}

static void
test_conflicts_same_and_empty (void)
{
  const char *identical[] = { story_a, story_a };
  const char *with_empty[] = { story_a, "" };
  const char *other_language[] = {
    story_a,
    "Ostrava Freight hat Pelican Logistics für 2,1 Milliarden Dollar gekauft. "
    "Die Firma beschäftigt rund 9.000 Menschen.",
  };
  g_autoptr(GPtrArray) sets1 = claim_sets (identical, 2);
  g_autoptr(GPtrArray) sets2 = claim_sets (with_empty, 2);
  g_autoptr(GPtrArray) sets3 = claim_sets (other_language, 2);
  g_autoptr(GPtrArray) self = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(CcConflictReport) r1 = cc_conflicts_find (sets1, NULL, NULL);
  g_autoptr(CcConflictReport) r2 = cc_conflicts_find (sets2, NULL, NULL);
  g_autoptr(CcConflictReport) r3 = cc_conflicts_find (sets3, NULL, NULL);
  g_autoptr(CcConflictReport) r4 = NULL;
  g_autoptr(CcConflictReport) r5 = NULL;

  /* two copies of one article agree everywhere */
  g_assert_cmpuint (r1->conflicts->len, ==, 0);
  g_assert_cmpuint (r1->claims->len, >, 0);
  /* an empty document has nothing to disagree with */
  g_assert_cmpuint (g_ptr_array_index (sets2, 1) == NULL ? 0 : ((GPtrArray *) g_ptr_array_index (sets2, 1))->len, ==, 0);
  g_assert_cmpuint (r2->conflicts->len, ==, 0);
  /* another language: no crash, quotes still exact */
  for (guint i = 0; i < r3->conflicts->len; i++)
    {
      CcConflict *c = g_ptr_array_index (r3->conflicts, i);

      g_assert_nonnull (strstr (other_language[c->b->document_id - 1], c->b->quote));
    }
  /* a document with itself: the same claims twice are never compared */
  g_ptr_array_add (self, g_ptr_array_ref (g_ptr_array_index (sets1, 0)));
  g_ptr_array_add (self, g_ptr_array_ref (g_ptr_array_index (sets1, 0)));
  r4 = cc_conflicts_find (self, NULL, NULL);
  g_assert_cmpuint (r4->conflicts->len, ==, 0);
  /* no documents at all */
  g_ptr_array_set_size (self, 0);
  r5 = cc_conflicts_find (self, NULL, NULL);
  g_assert_cmpuint (r5->conflicts->len, ==, 0);
  g_assert_cmpuint (r5->facts->len, ==, 0);
}

static void
test_bad_input (void)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GPtrArray) c1 = NULL;
  g_autoptr(GPtrArray) c2 = NULL;
  g_autoptr(GPtrArray) c3 = NULL;
  const char *korean = "2026년 4월 8일, 회사가 새 모델을 공개했습니다. 가격은 143억 달러입니다. 🚀🚀";

  /* one long line of figures with no sentence end */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (big, "%u%% and $%u million or ", i % 97, i % 1000);
  c1 = cc_claims_extract (big->str, NULL, 1, NULL);
  check_quotes (big->str, c1);
  c2 = cc_claims_extract (korean, NULL, 2, NULL);
  check_quotes (korean, c2);
  c3 = cc_claims_extract ("", NULL, 3, NULL);
  g_assert_cmpuint (c3->len, ==, 0);
}

static void
on_conflicts (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CcConflictReport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cc_conflicts_for_store_finish (CC_STORE (source), result, &error);
  if (*out == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      *out = g_new0 (CcConflictReport, 1);
    }
}

static void
test_store_async_and_cli (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autofree char *a = cc_test_write_file (dir, "docs/a.txt", story_a, -1);
  g_autofree char *b = cc_test_write_file (dir, "docs/b.txt", story_b, -1);
  g_autofree char *docs = g_build_filename (dir, "docs", NULL);
  const char *paths[] = { docs, NULL };
  g_autoptr(CcImportReport) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CcConflictReport *report = NULL;
  g_autofree char *db = g_strdup (cc_store_get_path (store));
  const char *claims_argv[] = { "--db", db, "claims", NULL };
  const char *conflicts_argv[] = { "--db", db, "conflicts", NULL };
  const char *json_argv[] = { "--db", db, "conflicts", "--format", "json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  imported = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  cc_conflicts_for_store_async (store, NULL, NULL, on_conflicts, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (report->conflicts);
  g_assert_cmpuint (report->conflicts->len, >, 0);
  g_clear_pointer (&report, cc_conflict_report_free);

  /* cancelled before it starts: an error, not a report */
  g_cancellable_cancel (cancellable);
  cc_conflicts_for_store_async (store, NULL, cancellable, on_conflicts, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (report->conflicts);
  g_clear_pointer (&report, cc_conflict_report_free);

  /* the command line: a header line, then rows with the columns in order */
  g_assert_cmpint (cc_test_run_cli (claims_argv, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "document\tsubject\tattribute\tvalue\tunit\tqualifier\tstart\tend\tquote");
  g_assert_nonnull (lines[1]);
  fields = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 9);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cc_test_run_cli (conflicts_argv, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "subject\tattribute\tdocument_a\tvalue_a\tquote_a\tdocument_b\tvalue_b\tquote_b\tverdict\tkind");
  g_assert_nonnull (lines[1]);
  /* the disagreement engine: verdict conflict, then the kind */
  g_assert_true (g_str_has_suffix (lines[1], "\tconflict\tnumeric") ||
                 g_str_has_suffix (lines[1], "\tconflict\tdate") ||
                 g_str_has_suffix (lines[1], "\tconflict\tnaming") ||
                 g_str_has_suffix (lines[1], "\tconflict\tclaim"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cc_test_run_cli (json_argv, &out, &err), ==, 0);
  g_assert_true (out[0] == '[');
  g_assert_nonnull (strstr (out, "\"verdict\""));
  g_assert_nonnull (strstr (out, "\"kind\""));

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Issue 9, item 15: a long Markdown table stored as one run-on line (and a
 * sentence of thousands of clauses) is read in bounded pieces: claims
 * complete in time linear in the text (this input took minutes when each
 * value searched every mention of its "sentence"). */
static void
test_long_table (void)
{
  g_autoptr(GString) text = g_string_new ("Results\n| region | party | seats | share | |---|---|---|---| ");
  g_autoptr(GPtrArray) claims = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "| Region %u | Party %c%u | %u seats | %u.%u%% | ", i % 300,
                            'A' + i % 26, i % 97, i % 500, i % 100, i % 10);
  g_string_append (text, "\nThe survey");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, ", Depot %u counted %u crates", i, i * 3);
  g_string_append (text, ".\n");
  claims = cc_claims_extract (text->str, NULL, 1, "table.md");
  g_assert_cmpuint (claims->len, >, 1000);
  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *c = g_ptr_array_index (claims, i);

      g_assert_cmpuint (c->end - c->start, <=, 2 * CC_CLAIMS_MAX_SENTENCE_CHARS);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crosscheck/claims/extract", test_extract);
  g_test_add_func ("/crosscheck/claims/qualifiers-and-states", test_qualifiers_and_states);
  g_test_add_func ("/crosscheck/claims/bad-input", test_bad_input);
  g_test_add_func ("/crosscheck/verdict/values", test_verdict_values);
  g_test_add_func ("/crosscheck/verdict/benchmark-names", test_benchmark_names);
  g_test_add_func ("/crosscheck/conflicts/pair", test_conflicts_pair);
  g_test_add_func ("/crosscheck/conflicts/same-empty-language", test_conflicts_same_and_empty);
  g_test_add_func ("/crosscheck/conflicts/store-async-cli", test_store_async_and_cli);
  g_test_add_func ("/crosscheck/claims/long-table", test_long_table);
  return g_test_run ();
}
