/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The disagreement engine, stage by stage (see the header). */

#define G_LOG_DOMAIN "crosscheck-analysis"

#include "config.h"

#include <string.h>

#include "cc-article.h"
#include "cc-claim-compare.h"
#include "cc-claim-firsts.h"
#include "cc-disagreements.h"
#include "cc-lineup.h"
#include "cc-name-variants.h"
#include "cc-role-names.h"

static void
disagreement_free (gpointer data)
{
  CcDisagreement *d = data;

  g_free (d->quote_a);
  g_free (d->quote_b);
  g_free (d->value_a);
  g_free (d->value_b);
  g_free (d);
}

void
cc_disagreement_report_free (CcDisagreementReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->disagreements);
  g_ptr_array_unref (report->statements);
  cc_lexicon_free (report->lexicon);
  g_free (report);
}

/* The texts, with the byte offset of every MARK_STEP-th character: finding
 * a character offset costs at most MARK_STEP steps, not the length of the
 * text before it. */
#define MARK_STEP 1024

typedef struct
{
  const char * const *texts;
  GPtrArray          *marks;  /* one GArray of guint per text */
} Texts;

static void
texts_init (Texts              *t,
            const char * const *texts,
            guint               n)
{
  t->texts = texts;
  t->marks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n; i++)
    {
      GArray *marks = g_array_new (FALSE, FALSE, sizeof (guint));
      const char *p = texts[i];
      guint c = 0;

      for (; *p != '\0'; p = g_utf8_next_char (p), c++)
        if (c % MARK_STEP == 0)
          {
            guint b = p - texts[i];

            g_array_append_val (marks, b);
          }
      g_ptr_array_add (t->marks, marks);
    }
}

static const char *
text_at (const Texts *t,
         guint        doc,
         guint        offset)
{
  GArray *marks = g_ptr_array_index (t->marks, doc);
  guint m = offset / MARK_STEP;

  if (m >= marks->len)
    return g_utf8_offset_to_pointer (t->texts[doc], offset);
  return g_utf8_offset_to_pointer (t->texts[doc] + g_array_index (marks, guint, m),
                                   offset - m * MARK_STEP);
}

static char *
slice (const Texts *t,
       guint        doc,
       guint        start,
       guint        end)
{
  const char *from = text_at (t, doc, start);
  const char *to = g_utf8_offset_to_pointer (from, end - start);

  return g_strndup (from, to - from);
}

static int
row_cmp (gconstpointer a,
         gconstpointer b)
{
  const CcDisagreement *x = *(CcDisagreement * const *) a;
  const CcDisagreement *y = *(CcDisagreement * const *) b;

  if (x->doc_a != y->doc_a)
    return x->doc_a < y->doc_a ? -1 : 1;
  if (x->doc_b != y->doc_b)
    return x->doc_b < y->doc_b ? -1 : 1;
  if (x->quote_a_start != y->quote_a_start)
    return x->quote_a_start < y->quote_a_start ? -1 : 1;
  return (x->quote_b_start > y->quote_b_start) - (x->quote_b_start < y->quote_b_start);
}

/* One row per pair of documents and pair of differing parts (as written):
 * the best lined-up statements keep it. */
static gboolean
ends_sentence (const Texts *texts,
               guint        doc,
               guint        end)
{
  const char *text = texts->texts[doc];
  const char *p = text_at (texts, doc, end);

  while (p > text)
    {
      p = g_utf8_prev_char (p);
      if (!strchr ("\"')\xe2\x80\x9d\x99", *p))
        return strchr (".!?", *p) != NULL;
    }
  return FALSE;
}

/* Which of two rows for the same parts to keep: body text (a sentence with
 * its full stop) over a headline, which restates the body in fewer words,
 * then the surer lining up. */
static double
rank (const CcPartDisagreement *d,
      const Texts              *texts)
{
  return d->strength + 1.0 * (ends_sentence (texts, d->a->doc, d->a->end) +
                               ends_sentence (texts, d->b->doc, d->b->end));
}

static void
keep_best (GHashTable               *best,
           const CcPartDisagreement *d,
           const Texts              *texts,
           const char               *folded_a,
           const char               *folded_b)
{
  g_autofree char *key = g_strdup_printf ("%u|%u|%d|%s|%s", d->a->doc, d->b->doc, d->kind,
                                          folded_a, folded_b);
  const CcPartDisagreement *old = g_hash_table_lookup (best, key);

  if (old == NULL || rank (old, texts) < rank (d, texts))
    g_hash_table_insert (best, g_steal_pointer (&key), (gpointer) d);
}

/* A sentence longer than this (a run-on table or list, a line with no full
 * stop) is quoted by the clause that holds the parts: copying the whole of
 * it for each of its rows would cost its length times its rows. */
#define MAX_QUOTE_CHARS 2000

static void
quote_span (const CcStatement *st,
            guint             *start,
            guint             *end)
{
  *start = st->start;
  *end = st->end;
  if (st->end - st->start > MAX_QUOTE_CHARS)
    {
      *start = st->clause_start;
      *end = st->clause_end;
    }
}

/* A part that spans its whole sentence (a statement said and denied) is
 * quoted as the sentence is. */
static void
part_span (const CcStatement *st,
           guint             *start,
           guint             *end)
{
  if (*start == st->start && *end == st->end)
    quote_span (st, start, end);
}

static CcDisagreement *
row_new (const CcPartDisagreement *d,
         const Texts              *texts)
{
  CcDisagreement *row = g_new0 (CcDisagreement, 1);

  row->kind = d->kind;
  row->subject = d->subject;
  row->attribute = d->attribute;
  row->doc_a = d->a->doc;
  row->doc_b = d->b->doc;
  quote_span (d->a, &row->quote_a_start, &row->quote_a_end);
  quote_span (d->b, &row->quote_b_start, &row->quote_b_end);
  row->value_a_start = d->a_start;
  row->value_a_end = d->a_end;
  row->value_b_start = d->b_start;
  row->value_b_end = d->b_end;
  part_span (d->a, &row->value_a_start, &row->value_a_end);
  part_span (d->b, &row->value_b_start, &row->value_b_end);
  row->quote_a = slice (texts, d->a->doc, row->quote_a_start, row->quote_a_end);
  row->quote_b = slice (texts, d->b->doc, row->quote_b_start, row->quote_b_end);
  row->value_a = slice (texts, d->a->doc, row->value_a_start, row->value_a_end);
  row->value_b = slice (texts, d->b->doc, row->value_b_start, row->value_b_end);
  return row;
}

static void
orient (CcPartDisagreement *d)
{
  if (d->a->doc > d->b->doc)
    {
      const CcStatement *s = d->a;
      guint t;

      d->a = d->b;
      d->b = s;
      t = d->a_start, d->a_start = d->b_start, d->b_start = t;
      t = d->a_end, d->a_end = d->b_end, d->b_end = t;
    }
}

/* The bytes of @text at character offset @offset, walking on from
 * *@at (character offset *@at_offset) when it is not past it. */
static const char *
char_at (const char *text,
         guint       offset,
         const char **at,
         guint      *at_offset)
{
  if (*at == NULL || *at_offset > offset)
    *at = text, *at_offset = 0;
  while (*at_offset < offset && **at != '\0')
    *at = g_utf8_next_char (*at), (*at_offset)++;
  return *at;
}

/* A weekday said in an article of known date ("on Wednesday") is the last
 * such day on or before that date, or the next on or after it when its
 * clause speaks of the future ("will return on Monday"), as for the values
 * (cc_value_parse_dated_tense): it becomes that day, comparable with a
 * date another source writes. */
static void
resolve_weekdays (GPtrArray   *statements,
                  const char  *text,
                  const GDate *date)
{
  guint today = g_date_get_weekday (date);  /* Monday = 1, as CC_PART_WEEKDAY */
  const char *at = NULL;
  guint at_offset = 0;

  for (guint i = 0; i < statements->len; i++)
    {
      CcStatement *st = g_ptr_array_index (statements, i);

      for (guint k = 0; k < st->n_values; k++)
        {
          CcStatementValue *v = &st->values[k];
          GDate day = *date;
          const char *clause, *value, *value_end, *clause_end;

          if (v->kind != CC_PART_WEEKDAY || v->low < 1 || v->low > 7)
            continue;
          clause = char_at (text, MIN (st->clause_start, v->start), &at, &at_offset);
          value = char_at (text, v->start, &at, &at_offset);
          value_end = char_at (text, v->end, &at, &at_offset);
          clause_end = char_at (text, MAX (st->clause_end, v->end), &at, &at_offset);
          if (cc_value_weekday_is_ahead (clause, value - clause, value_end, clause_end - value_end))
            g_date_add_days (&day, ((guint) v->low + 7 - today) % 7);
          else
            g_date_subtract_days (&day, (today + 7 - (guint) v->low) % 7);
          v->kind = CC_PART_DAY;
          v->low = v->high = g_date_get_month (&day) * 100 + g_date_get_day (&day);
        }
    }
}

static gboolean
extract (CcDisagreementReport *report,
         const char * const   *texts,
         const GDate          *dates,
         guint                 n_texts,
         GCancellable         *cancellable)
{
  for (guint i = 0; i < n_texts; i++)
    {
      g_autoptr(GPtrArray) sts = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      sts = cc_statements_extract (report->lexicon, texts[i], i);
      if (dates != NULL && g_date_valid (&dates[i]))
        resolve_weekdays (sts, texts[i], &dates[i]);
      cc_statements_add_to_story (report->statements, sts);
    }
  return TRUE;
}

/* What a row's value is, for keeping one row per document pair and pair of
 * values: a figure by its digits ("287-Day" in a headline and "287 days"
 * in the body are one), anything else by its folded text. */
static char *
value_key (const CcPartDisagreement *d,
           const char               *value)
{
  g_autofree char *folded = g_utf8_casefold (value, -1);
  GString *digits;

  if (d->kind != CC_DISAGREEMENT_NUMERIC)
    return g_steal_pointer (&folded);
  digits = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || (*p == '.' && g_ascii_isdigit (p[1])) || *p == ':')
      g_string_append_c (digits, *p);
  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return g_steal_pointer (&folded);
    }
  return g_string_free (digits, FALSE);
}

static void
keep_rows (CcDisagreementReport *report,
           GArray               *found,
           const Texts          *texts)
{
  g_autoptr(GHashTable) best = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const CcPartDisagreement *d;

  for (guint i = 0; i < found->len; i++)
    {
      CcPartDisagreement *p = &g_array_index (found, CcPartDisagreement, i);
      g_autofree char *va = NULL, *vb = NULL, *fa = NULL, *fb = NULL;
      guint as, ae, bs, be;

      orient (p);
      as = p->a_start, ae = p->a_end, bs = p->b_start, be = p->b_end;
      part_span (p->a, &as, &ae);
      part_span (p->b, &bs, &be);
      va = slice (texts, p->a->doc, as, ae);
      vb = slice (texts, p->b->doc, bs, be);
      fa = value_key (p, va);
      fb = value_key (p, vb);
      /* a part against the whole: one row per pair of documents and part,
       * however often the other says "all" */
      if (p->kind == CC_DISAGREEMENT_CLAIM && strcmp (p->attribute, "whole") == 0)
        {
          /* (the part is the side that reads "N of M") */
          char **other = strstr (va, " of ") != NULL ? &fb : &fa;

          g_free (*other);
          *other = g_strdup ("whole");
        }
      keep_best (best, p, texts, fa, fb);
    }
  g_hash_table_iter_init (&iter, best);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &d))
    g_ptr_array_add (report->disagreements, row_new (d, texts));
  g_ptr_array_sort (report->disagreements, row_cmp);
}

static void
debug_dump (CcDisagreementReport *report,
            CcLineup             *lineup,
            const Texts          *texts)
{
  for (guint i = 0; i < report->statements->len; i++)
    {
      CcStatement *st = g_ptr_array_index (report->statements, i);
      g_autofree char *q = slice (texts, st->doc, st->start, st->end);

      g_printerr ("S%u d%u %s\n", i, st->doc, q);
      for (guint k = 0; k < st->n_values; k++)
        {
          CcStatementValue *v = &st->values[k];
          g_autofree char *vs = slice (texts, st->doc, v->start, v->end);
          g_autofree char *about = g_strjoinv (",", (char **) v->about);


          g_printerr ("   v[%s] kind=%d %g..%g step=%g hedge=%d zone=%d/%d role=%s anchor=%s about=%s year=%g past=%d scope=%s\n", vs, v->kind,
                      v->low, v->high, v->step, v->hedge, v->zoned, v->zone, v->role, v->anchor ? v->anchor : "-", about,
                      v->year, v->past, v->scope ? v->scope : "-");
        }
    }
  for (guint i = 0; i < lineup->pairs->len; i++)
    {
      CcLineupPair *p = &g_array_index (lineup->pairs, CcLineupPair, i);
      g_printerr ("P S%u S%u %.2f\n", p->a, p->b, p->similarity);
    }
}

/* Every differing part found, before one row is kept per pair of parts. */
static void
debug_found (GArray      *found,
             const Texts *texts)
{
  for (guint i = 0; i < found->len; i++)
    {
      CcPartDisagreement *p = &g_array_index (found, CcPartDisagreement, i);
      g_autofree char *va = slice (texts, p->a->doc, p->a_start, p->a_end);
      g_autofree char *vb = slice (texts, p->b->doc, p->b_start, p->b_end);

      g_printerr ("F S%u S%u %.2f %s [%s] [%s] %s\n", p->a->index, p->b->index, p->strength,
                  cc_disagreement_kind_to_string (p->kind), va, vb, p->attribute);
    }
}

CcDisagreementReport *
cc_disagreements_find (const char * const *texts,
                       guint               n_texts)
{
  return cc_disagreements_find_dated (texts, NULL, n_texts);
}

CcDisagreementReport *
cc_disagreements_find_dated (const char * const *texts,
                             const GDate        *dates,
                             guint               n_texts)
{
  return cc_disagreements_find_full (texts, dates, n_texts, NULL, NULL);
}

/* How many statement pairs are compared between two looks at the
 * cancellable: a look is cheap, but not free. */
#define CANCEL_EVERY 256

CcDisagreementReport *
cc_disagreements_find_full (const char * const *texts,
                            const GDate        *dates,
                            guint               n_texts,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autoptr(CcDisagreementReport) report = g_new0 (CcDisagreementReport, 1);
  g_autoptr(CcLineup) lineup = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (CcPartDisagreement));
  CcPartContext context;
  Texts index;
  gboolean cancelled = FALSE;

  report->lexicon = cc_lexicon_new ();
  report->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_statement_free);
  report->disagreements = g_ptr_array_new_with_free_func (disagreement_free);
  if (!extract (report, texts, dates, n_texts, cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  texts_init (&index, texts, n_texts);

  lineup = cc_lineup_find (report->statements);
  report->n_pairs = lineup->pairs->len;
  report->work = lineup->work;
  cc_part_context_init (&context, report->statements);
  if (g_getenv ("CC_ENGINE_DEBUG") != NULL)
    debug_dump (report, lineup, &index);
  for (guint i = 0; i < lineup->pairs->len && !cancelled; i++)
    {
      CcLineupPair *p = &g_array_index (lineup->pairs, CcLineupPair, i);

      if (i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        cancelled = TRUE;
      else
        cc_part_compare (&context, g_ptr_array_index (report->statements, p->a),
                         g_ptr_array_index (report->statements, p->b), p->similarity, found);
    }
  if (!cancelled)
    {
      cc_part_compare_near_values (&context, report->statements, found);
      cc_name_variants_find (report->statements, found);
      cc_role_names_find (report->statements, found);
      cancelled = g_cancellable_is_cancelled (cancellable);
    }
  if (!cancelled)
    {
      cc_claim_compare_find (report->statements, lineup, texts, n_texts, found);
      cc_claim_firsts_find (report->statements, texts, dates, n_texts, report->lexicon, found);
      keep_rows (report, found, &index);
      if (g_getenv ("CC_ENGINE_DEBUG") != NULL)
        debug_found (found, &index);
    }
  g_ptr_array_unref (index.marks);
  cc_part_context_clear (&context);
  if (cancelled || g_cancellable_is_cancelled (cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  return g_steal_pointer (&report);
}

GArray *
cc_disagreements_dates_of (GPtrArray *documents)
{
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (GDate));

  g_array_set_size (dates, documents->len);
  for (guint i = 0; i < documents->len; i++)
    cc_article_date_to_gdate (cc_document_get_published (g_ptr_array_index (documents, i)),
                              &g_array_index (dates, GDate, i));
  return dates;
}

CcDisagreementReport *
cc_disagreements_for_store (CcStore    *store,
                            GPtrArray  *documents,
                            GError    **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) dates = NULL;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);

  if (documents == NULL)
    {
      all = cc_store_list_documents (store, error);
      if (all == NULL)
        return NULL;
      documents = all;
    }
  for (guint i = 0; i < documents->len; i++)
    {
      CcDocument *doc = g_ptr_array_index (documents, i);
      g_autoptr(GError) local_error = NULL;
      char *text = NULL;

      if (cc_document_get_text (doc) != NULL)
        text = g_strdup (cc_document_get_text (doc));
      else if ((text = cc_store_load_text (store, cc_document_get_id (doc), &local_error)) == NULL)
        {
          /* A document that cannot be read counts as empty; the rest goes on. */
          g_warning ("%s: %s", cc_document_get_basename (doc), local_error->message);
          text = g_strdup ("");
        }
      g_ptr_array_add (texts, text);
    }
  /* The publication dates the library keeps, for relative dates */
  dates = cc_disagreements_dates_of (documents);
  return cc_disagreements_find_dated ((const char * const *) texts->pdata,
                                      (const GDate *) (const void *) dates->data, texts->len);
}
