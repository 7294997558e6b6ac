/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-compare-view-private.h"

/* The comparison behind the Compare view, in a worker thread on its own
 * connection to the library.
 *
 * Two results are combined: the passage alignment (cc_align_documents(),
 * one-to-one sentence pairs, which the connector strip draws and the
 * synchronised scrolling follows) and the disagreement engine
 * (cc_disagreements_find_full() on the two texts), which says what differs. A
 * pair is "differs" only when the engine finds a disagreement in it, and
 * its marks are the engine's value spans; a disagreement between
 * sentences the alignment did not pair gets a pair of its own, so every
 * disagreement has a connector between its two passages. */

void
_cc_compare_result_free (CcCompareResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->pairs, g_ptr_array_unref);
  g_clear_pointer (&result->report, cc_disagreement_report_free);
  g_clear_pointer (&result->pair_of, g_array_unref);
  g_free (result);
}

typedef struct
{
  char   *path;
  gint64  a;
  gint64  b;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job);
}

const char *
_cc_compare_kind_label (CcDisagreementKind kind)
{
  switch (kind)
    {
    case CC_DISAGREEMENT_NUMERIC:
      return _("Figure");
    case CC_DISAGREEMENT_DATE:
      return _("Date");
    case CC_DISAGREEMENT_NAMING:
      return _("Name");
    case CC_DISAGREEMENT_CLAIM:
    default:
      return _("Claim");
    }
}

char *
_cc_compare_describe (const CcDisagreement *d)
{
  /* Translators: a disagreement in Compare: its kind, then what the left
   * and the right article say ("Figure: 2:01:09 / 2:01:39") */
  return g_strdup_printf (_("%s: %s / %s"), _cc_compare_kind_label (d->kind),
                          d->value_a, d->value_b);
}

static CcAlignPair *
pair_new (const CcDisagreement *d)
{
  CcAlignPair *pair = g_new0 (CcAlignPair, 1);

  pair->a_start = d->quote_a_start;
  pair->a_end = d->quote_a_end;
  pair->b_start = d->quote_b_start;
  pair->b_end = d->quote_b_end;
  pair->status = CC_ALIGN_DIFFERS;
  return pair;
}

static void
add_mark (GArray **marks,
          guint    start,
          guint    end)
{
  CcSpan span = { start, end };

  if (*marks == NULL)
    *marks = g_array_new (FALSE, FALSE, sizeof (CcSpan));
  for (guint i = 0; i < (*marks)->len; i++)
    {
      const CcSpan *old = &g_array_index (*marks, CcSpan, i);

      if (old->start == start && old->end == end)
        return;
    }
  g_array_append_val (*marks, span);
}

static void
add_detail (CcAlignPair          *pair,
            const CcDisagreement *d)
{
  g_autofree char *line = _cc_compare_describe (d);
  char *detail;

  if (pair->detail == NULL)
    {
      pair->detail = g_steal_pointer (&line);
      return;
    }
  detail = g_strconcat (pair->detail, "\n", line, NULL);
  g_free (pair->detail);
  pair->detail = detail;
}

static gboolean
holds (int   start,
       int   end,
       guint offset)
{
  return start >= 0 && (guint) start <= offset && offset < (guint) MAX (end, start + 1);
}

/* The engine's verdicts on the alignment's pairs. Linear: the pairs are
 * found by the start of their left sentence, new ones by both starts. */
static GArray *
merge (GPtrArray                  *pairs,
       const CcDisagreementReport *report)
{
  g_autoptr(GHashTable) by_left = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = report != NULL ? report->disagreements->len : 0;
  GArray *pair_of = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint i = 0; i < pairs->len; i++)
    {
      CcAlignPair *pair = g_ptr_array_index (pairs, i);

      if (pair->a_start < 0 || pair->b_start < 0)
        continue;
      /* What the sentences differ in is the engine's to say. */
      pair->status = CC_ALIGN_SAME;
      g_clear_pointer (&pair->detail, g_free);
      g_clear_pointer (&pair->a_marks, g_array_unref);
      g_clear_pointer (&pair->b_marks, g_array_unref);
      g_hash_table_insert (by_left, GINT_TO_POINTER (pair->a_start + 1), GUINT_TO_POINTER (i + 1));
    }

  for (guint k = 0; k < n; k++)
    {
      const CcDisagreement *d = g_ptr_array_index (report->disagreements, k);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_left,
                                                           GINT_TO_POINTER (d->quote_a_start + 1)));
      CcAlignPair *pair = NULL;

      if (index > 0)
        {
          pair = g_ptr_array_index (pairs, index - 1);
          if (!holds (pair->b_start, pair->b_end, d->value_b_start))
            pair = NULL;
        }
      if (pair == NULL)
        {
          g_autofree char *key = g_strdup_printf ("%u:%u", d->quote_a_start, d->quote_b_start);

          index = GPOINTER_TO_UINT (g_hash_table_lookup (added, key));
          if (index == 0)
            {
              g_ptr_array_add (pairs, pair_new (d));
              index = pairs->len;
              g_hash_table_insert (added, g_steal_pointer (&key), GUINT_TO_POINTER (index));
            }
          pair = g_ptr_array_index (pairs, index - 1);
        }
      pair->status = CC_ALIGN_DIFFERS;
      add_mark (&pair->a_marks, d->value_a_start, d->value_a_end);
      add_mark (&pair->b_marks, d->value_b_start, d->value_b_end);
      add_detail (pair, d);
      index--;
      g_array_append_val (pair_of, index);
    }
  return pair_of;
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(CcDocument) a = NULL;
  g_autoptr(CcDocument) b = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  GError *error = NULL;
  CcCompareResult *result;

  if ((store = cc_store_open (job->path, &error)) == NULL ||
      (a = cc_store_get_document (store, job->a, &error)) == NULL ||
      (b = cc_store_get_document (store, job->b, &error)) == NULL ||
      (pairs = cc_align_documents (store, a, b, cancellable, &error)) == NULL ||
      (text_a = cc_store_load_text (store, job->a, &error)) == NULL ||
      (text_b = cc_store_load_text (store, job->b, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  result = g_new0 (CcCompareResult, 1);
  if (job->a != job->b)
    {
      const char *texts[] = { text_a, text_b };
      g_autoptr(GPtrArray) both = g_ptr_array_new ();
      g_autoptr(GArray) dates = NULL;

      /* The stored publication dates resolve weekdays, as the CLI does */
      g_ptr_array_add (both, a);
      g_ptr_array_add (both, b);
      dates = cc_disagreements_dates_of (both);
      result->report = cc_disagreements_find_full (texts, (const GDate *) dates->data, 2,
                                                   cancellable, &error);
      if (result->report == NULL)
        {
          _cc_compare_result_free (result);
          g_task_return_error (task, error);
          return;
        }
    }
  /* else: a document does not disagree with itself (report NULL) */
  result->pair_of = merge (pairs, result->report);
  result->pairs = g_steal_pointer (&pairs);
  g_task_return_pointer (task, result, (GDestroyNotify) _cc_compare_result_free);
}

void
_cc_compare_run_async (CcStore             *store,
                       CcDocument          *a,
                       CcDocument          *b,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_assert (CC_IS_STORE (store));
  g_assert (CC_IS_DOCUMENT (a) && CC_IS_DOCUMENT (b));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, _cc_compare_run_async);
  job = g_new0 (Job, 1);
  job->path = g_strdup (cc_store_get_path (store));
  job->a = cc_document_get_id (a);
  job->b = cc_document_get_id (b);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compare_thread);
}

CcCompareResult *
_cc_compare_run_finish (CcStore       *store,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_assert (g_task_is_valid (result, store));
  return g_task_propagate_pointer (G_TASK (result), error);
}
