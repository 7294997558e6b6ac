/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "cc-align.h"
#include "cc-importer.h"
#include "cc-sentences.h"
#include "cc-test-util.h"

/* Fictional text, written for this test. */
static const char doc_a[] =
  "Harrow Bay Ferries orders two electric ferries\n"
  "Harrow Bay Ferries has ordered two battery-electric ferries from Kessel Yards for $84 million. "
  "The ships will carry 400 passengers each and cross the bay in 35 minutes. "
  "Chief executive Maren Holt said the first ferry would enter service in May 2028. "
  "The port authority will install chargers at both terminals. "
  "Local residents have campaigned against diesel fumes for a decade.\n";

/* The same story, told in another order, with one figure different. */
static const char doc_b[] =
  "Electric ferries for Harrow Bay\n"
  "Residents near the terminals have campaigned against diesel fumes for a decade. "
  "Maren Holt, the chief executive, said the first ferry would enter service in May 2028. "
  "Harrow Bay Ferries has ordered two battery-electric ferries from Kessel Yards for $91 million. "
  "Chargers will be installed by the port authority at both terminals. "
  "A spokesperson for the shipyard declined to comment on delivery dates.\n";

static guint
count_status (GPtrArray     *rows,
              CcAlignStatus  status)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += ((CcAlignPair *) g_ptr_array_index (rows, i))->status == status;
  return n;
}

static void
check_rows (GPtrArray  *rows,
            const char *a,
            const char *b)
{
  g_autoptr(GArray) sa = cc_sentences_split (a);
  g_autoptr(GArray) sb = cc_sentences_split (b);
  guint seen_a = 0, seen_b = 0;

  /* Every sentence of each side appears exactly once. */
  for (guint i = 0; i < rows->len; i++)
    {
      CcAlignPair *p = g_ptr_array_index (rows, i);

      g_assert_cmpfloat (p->similarity, >=, 0.0);
      g_assert_cmpfloat (p->similarity, <=, 1.0);
      if (p->a_start >= 0)
        {
          seen_a++;
          g_assert_cmpint (p->a_end, >, p->a_start);
        }
      if (p->b_start >= 0)
        {
          seen_b++;
          g_assert_cmpint (p->b_end, >, p->b_start);
        }
      if (p->status == CC_ALIGN_UNMATCHED)
        g_assert_true ((p->a_start < 0) != (p->b_start < 0));
      else
        g_assert_true (p->a_start >= 0 && p->b_start >= 0);
    }
  g_assert_cmpuint (seen_a, ==, sa->len);
  g_assert_cmpuint (seen_b, ==, sb->len);
}

static void
test_reordered (void)
{
  g_autoptr(GPtrArray) rows = cc_align_texts (doc_a, NULL, doc_b, NULL, NULL, NULL);
  gboolean price_differs = FALSE, service_same = FALSE;

  check_rows (rows, doc_a, doc_b);
  for (guint i = 0; i < rows->len; i++)
    {
      CcAlignPair *p = g_ptr_array_index (rows, i);
      g_autofree char *qa = p->a_start >= 0 ? g_utf8_substring (doc_a, p->a_start, p->a_end) : NULL;
      g_autofree char *qb = p->b_start >= 0 ? g_utf8_substring (doc_b, p->b_start, p->b_end) : NULL;

      if (qa != NULL && strstr (qa, "$84 million") != NULL)
        {
          /* Found across a change of order, and marked as differing. */
          g_assert_nonnull (qb);
          g_assert_nonnull (strstr (qb, "$91 million"));
          g_assert_cmpint (p->status, ==, CC_ALIGN_DIFFERS);
          g_assert_nonnull (strstr (p->detail, "84"));
          g_assert_nonnull (strstr (p->detail, "91"));
          g_assert_cmpuint (p->a_marks->len, ==, 1);
          g_assert_cmpuint (p->b_marks->len, ==, 1);
          price_differs = TRUE;
        }
      if (qa != NULL && strstr (qa, "enter service") != NULL)
        {
          g_assert_nonnull (qb);
          g_assert_nonnull (strstr (qb, "enter service"));
          g_assert_cmpint (p->status, ==, CC_ALIGN_SAME);
          service_same = TRUE;
        }
      if (qb != NULL && strstr (qb, "declined to comment") != NULL)
        g_assert_cmpint (p->status, ==, CC_ALIGN_UNMATCHED);
    }
  g_assert_true (price_differs);
  g_assert_true (service_same);
}

static void
test_self_and_identical (void)
{
  g_autofree char *copy = g_strdup (doc_a);
  g_autoptr(GPtrArray) self = cc_align_texts (doc_a, NULL, doc_a, NULL, NULL, NULL);
  g_autoptr(GPtrArray) twins = cc_align_texts (doc_a, NULL, copy, NULL, NULL, NULL);
  g_autoptr(GArray) spans = cc_sentences_split (doc_a);

  check_rows (self, doc_a, doc_a);
  g_assert_cmpuint (self->len, ==, spans->len);
  g_assert_cmpuint (count_status (self, CC_ALIGN_SAME), ==, spans->len);
  for (guint i = 0; i < self->len; i++)
    {
      CcAlignPair *p = g_ptr_array_index (self, i);

      g_assert_cmpint (p->a_start, ==, p->b_start);
      g_assert_cmpfloat_with_epsilon (p->similarity, 1.0, 1e-9);
    }
  g_assert_cmpuint (count_status (twins, CC_ALIGN_SAME), ==, spans->len);
}

static void
test_empty_and_languages (void)
{
  const char *german =
    "Harrow Bay Ferries hat zwei Elektrofähren bei Kessel Yards bestellt. "
    "Die Schiffe sollen je 400 Fahrgäste befördern. "
    "Anwohner kämpfen seit zehn Jahren gegen Dieselabgase.";
  g_autoptr(GPtrArray) empty_b = cc_align_texts (doc_a, NULL, "", NULL, NULL, NULL);
  g_autoptr(GPtrArray) empty_a = cc_align_texts ("", NULL, doc_b, NULL, NULL, NULL);
  g_autoptr(GPtrArray) both = cc_align_texts ("", NULL, "\n\n  \n", NULL, NULL, NULL);
  g_autoptr(GPtrArray) other = cc_align_texts (doc_a, NULL, german, NULL, NULL, NULL);
  g_autoptr(GArray) spans = cc_sentences_split (doc_a);

  check_rows (empty_b, doc_a, "");
  g_assert_cmpuint (count_status (empty_b, CC_ALIGN_UNMATCHED), ==, spans->len);
  check_rows (empty_a, "", doc_b);
  g_assert_cmpuint (count_status (empty_a, CC_ALIGN_UNMATCHED), ==, empty_a->len);
  g_assert_cmpuint (both->len, ==, 0);
  /* Another language: few shared words, so mostly unmatched, and no pair
   * claims more than it shares. */
  check_rows (other, doc_a, german);
  g_assert_cmpuint (count_status (other, CC_ALIGN_UNMATCHED), >=, spans->len - 1);
}

static void
test_indexed_equals_naive (void)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GPtrArray) fast = NULL;
  g_autoptr(GPtrArray) slow = NULL;
  static const char * const things[] = { "ferries", "chargers", "terminals", "engines", "crews", "tickets" };

  for (guint i = 0; i < 300; i++)
    {
      g_string_append_printf (a, "Harbour %u said it would buy %u %s for $%u million. ", i % 17,
                              i % 50 + 2, things[i % G_N_ELEMENTS (things)], i % 90 + 10);
      g_string_append_printf (b, "Harbour %u will buy %u %s, paying $%u million. ", (i * 7) % 17,
                              (i * 3) % 50 + 2, things[(i * 5) % G_N_ELEMENTS (things)], i % 70 + 10);
      if (i % 9 == 0)
        g_string_append_c (a, '\n');
    }
  fast = cc_align_texts (a->str, NULL, b->str, NULL, NULL, NULL);
  slow = cc_align_texts_naive (a->str, NULL, b->str, NULL, NULL, NULL);
  check_rows (fast, a->str, b->str);
  g_assert_cmpuint (fast->len, ==, slow->len);
  for (guint i = 0; i < fast->len; i++)
    {
      CcAlignPair *x = g_ptr_array_index (fast, i);
      CcAlignPair *y = g_ptr_array_index (slow, i);

      g_assert_cmpint (x->a_start, ==, y->a_start);
      g_assert_cmpint (x->b_start, ==, y->b_start);
      g_assert_cmpint (x->status, ==, y->status);
      g_assert_cmpfloat (x->similarity, ==, y->similarity);
      g_assert_cmpstr (x->detail, ==, y->detail);
    }
}

static void
on_aligned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cc_align_documents_finish (CC_STORE (source), result, &error);
  if (*out == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      *out = g_ptr_array_new ();
    }
}

static void
test_store_async_and_cli (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autofree char *pa = cc_test_write_file (dir, "docs/a.txt", doc_a, -1);
  g_autofree char *pb = cc_test_write_file (dir, "docs/b.txt", doc_b, -1);
  g_autofree char *docs = g_build_filename (dir, "docs", NULL);
  const char *paths[] = { docs, NULL };
  g_autoptr(CcImportReport) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDocument) a = NULL;
  g_autoptr(CcDocument) b = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GPtrArray *rows = NULL;
  g_autofree char *db = g_strdup (cc_store_get_path (store));
  const char *argv[] = { "--db", db, "compare", "a.txt", "b.txt", NULL };
  const char *bad_argv[] = { "--db", db, "compare", "a.txt", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  imported = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  a = cc_store_find_document (store, "a.txt", &error);
  g_assert_no_error (error);
  b = cc_store_find_document (store, "b.txt", &error);
  g_assert_no_error (error);

  cc_align_documents_async (store, a, b, NULL, on_aligned, &rows);
  while (rows == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_status (rows, CC_ALIGN_DIFFERS), >=, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Cancelled: an error, not rows (on_aligned checks the error). */
  g_cancellable_cancel (cancellable);
  cc_align_documents_async (store, a, b, cancellable, on_aligned, &rows);
  while (rows == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_cmpint (cc_test_run_cli (argv, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "a_start\ta_end\tb_start\tb_end\tsimilarity\tstatus\tdetail");
  g_assert_nonnull (strstr (out, "\tdiffers\t"));
  g_assert_nonnull (strstr (out, "\tunmatched\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* One document is not enough: non-zero exit and a message. */
  g_assert_cmpint (cc_test_run_cli (bad_argv, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "two documents"));

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crosscheck/align/reordered", test_reordered);
  g_test_add_func ("/crosscheck/align/self-and-identical", test_self_and_identical);
  g_test_add_func ("/crosscheck/align/empty-and-languages", test_empty_and_languages);
  g_test_add_func ("/crosscheck/align/indexed-equals-naive", test_indexed_equals_naive);
  g_test_add_func ("/crosscheck/align/store-async-cli", test_store_async_and_cli);
  return g_test_run ();
}
