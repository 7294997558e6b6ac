/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cc-facts-view-private.h"
#include "cc-lineup.h"

/* The rows of the Facts view, from the disagreement engine's report (runs
 * in the worker thread).
 *
 * A row is a group of statements that the engine lined up as reporting one
 * fact. The engine gives pairs; a row joins the pairs that share a
 * sentence and disagree in the same way (the same kind and the same role:
 * a figure of "seats", a "name"), so the three sources that each give
 * another finishing time make one row with three quotes, while a sentence
 * that also misspells a name is in a second row for that. Nothing is
 * regrouped by subject: a rival's figure is only in a row if the engine
 * lined it up with the subject's.
 *
 * With agreements, the lined-up pairs in which the engine found no
 * disagreement but which state a value the two agree on (same kind, same
 * role, agreeing under rounding and bounds) make rows of their own, with
 * the values marked, joined the same way. */

typedef struct
{
  guint doc;
  guint start;
} Sentence;

typedef struct
{
  GArray     *parent;   /* guint: union-find over instances */
  GHashTable *ids;      /* key -> instance + 1 */
} Groups;

static void
groups_init (Groups *g)
{
  g->parent = g_array_new (FALSE, FALSE, sizeof (guint));
  g->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
groups_clear (Groups *g)
{
  g_array_unref (g->parent);
  g_hash_table_unref (g->ids);
}

static guint
groups_find (Groups *g,
             guint   i)
{
  guint *parent = (guint *) (gpointer) g->parent->data;
  guint root = i;

  /* Iterative, with path compression: no recursion on input depth. */
  while (parent[root] != root)
    root = parent[root];
  while (parent[i] != root)
    {
      guint next = parent[i];

      parent[i] = root;
      i = next;
    }
  return root;
}

static void
groups_union (Groups *g,
              guint   a,
              guint   b)
{
  a = groups_find (g, a);
  b = groups_find (g, b);
  if (a != b)
    g_array_index (g->parent, guint, MAX (a, b)) = MIN (a, b);
}

/* The instance of a sentence in a role: "doc:start:role". */
static guint
groups_intern (Groups         *g,
               const char     *role,
               const Sentence *sentence)
{
  g_autofree char *key = g_strdup_printf ("%u:%u:%s", sentence->doc, sentence->start, role);
  gpointer found = g_hash_table_lookup (g->ids, key);
  guint id;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  id = g->parent->len;
  g_array_append_val (g->parent, id);
  g_hash_table_insert (g->ids, g_steal_pointer (&key), GUINT_TO_POINTER (id + 1));
  return id;
}

/* Slices of the texts by character offsets, each found from the nearest
 * of the byte offsets kept every STEP characters. */
#define STEP 1024

typedef struct
{
  const char * const *texts;
  GPtrArray          *marks;  /* GArray of gsize per text, made when first needed */
  GPtrArray          *owned;  /* the slices made */
} Slicer;

static void
marks_free (gpointer marks)
{
  if (marks != NULL)
    g_array_unref (marks);
}

static const char *
slicer_at (Slicer *s,
           guint   doc,
           guint   offset)
{
  GArray *marks = g_ptr_array_index (s->marks, doc);
  const char *text = s->texts[doc];
  guint m;

  if (marks == NULL)
    {
      guint c = 0;

      marks = g_array_new (FALSE, FALSE, sizeof (gsize));
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), c++)
        if (c % STEP == 0)
          {
            gsize b = p - text;

            g_array_append_val (marks, b);
          }
      g_ptr_array_index (s->marks, doc) = marks;
    }
  m = MIN (offset / STEP, marks->len > 0 ? marks->len - 1 : 0);
  if (marks->len == 0)
    return text;
  return g_utf8_offset_to_pointer (text + g_array_index (marks, gsize, m), offset - m * STEP);
}

static const char *
slicer_slice (Slicer *s,
              guint   doc,
              guint   start,
              guint   end)
{
  const char *from = slicer_at (s, doc, start);
  const char *to = g_utf8_offset_to_pointer (from, end - start);
  char *slice = g_strndup (from, to - from);

  g_ptr_array_add (s->owned, slice);
  return slice;
}

typedef struct
{
  CcFactRow *row;
  CcVerdict  verdict;
  guint64    order;  /* where it is first stated: document, then offset */
} Entry;

static int
entry_cmp (gconstpointer a,
           gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  if (x->verdict != y->verdict)
    return x->verdict == CC_VERDICT_CONFLICT ? -1 : 1;
  return (x->order > y->order) - (x->order < y->order);
}

static gint64
document_id (GPtrArray *documents,
             guint      doc)
{
  return cc_document_get_id (g_ptr_array_index (documents, doc));
}

/* @subject (the engine's, lower-cased) as one of the quotes writes it, or
 * NULL when neither does. */
static char *
written_subject (const char *subject,
                 const char *quote_a,
                 const char *quote_b)
{
  const char *quotes[] = { quote_a, quote_b };
  gsize n;

  if (subject == NULL || *subject == '\0')
    return NULL;
  n = strlen (subject);
  for (guint q = 0; q < G_N_ELEMENTS (quotes); q++)
    for (const char *p = quotes[q]; *p != '\0'; p++)
      if (g_ascii_strncasecmp (p, subject, n) == 0 &&
          (p == quotes[q] || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[n]))
        return g_strndup (p, n);
  return NULL;
}

static void
add_disagreements (const CcDisagreementReport *report,
                   GPtrArray                  *documents,
                   GArray                     *entries,
                   GHashTable                 *paired)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) subjects = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autofree guint *ends = g_new (guint, 2 * report->disagreements->len + 1);
  Groups g;

  groups_init (&g);
  for (guint k = 0; k < report->disagreements->len; k++)
    {
      const CcDisagreement *d = g_ptr_array_index (report->disagreements, k);
      g_autofree char *role = g_strdup_printf ("%d:%s", d->kind, d->attribute);
      Sentence a = { d->doc_a, d->quote_a_start };
      Sentence b = { d->doc_b, d->quote_b_start };

      ends[2 * k] = groups_intern (&g, role, &a);
      ends[2 * k + 1] = groups_intern (&g, role, &b);
      groups_union (&g, ends[2 * k], ends[2 * k + 1]);
      g_hash_table_add (paired, g_strdup_printf ("%u:%u:%u:%u", d->doc_a, d->quote_a_start,
                                                 d->doc_b, d->quote_b_start));
    }
  /* The subject of a group: the first its pairs name. */
  for (guint k = 0; k < report->disagreements->len; k++)
    {
      const CcDisagreement *d = g_ptr_array_index (report->disagreements, k);
      gpointer root = GUINT_TO_POINTER (groups_find (&g, ends[2 * k]) + 1);

      if (d->subject != NULL && *d->subject != '\0' && !g_hash_table_contains (subjects, root))
        {
          char *written = written_subject (d->subject, d->quote_a, d->quote_b);

          g_hash_table_insert (subjects, root, written != NULL ? written : g_strdup (d->subject));
        }
    }
  for (guint k = 0; k < report->disagreements->len; k++)
    {
      const CcDisagreement *d = g_ptr_array_index (report->disagreements, k);
      gpointer root = GUINT_TO_POINTER (groups_find (&g, ends[2 * k]) + 1);
      CcFactRow *row = g_hash_table_lookup (rows, root);

      if (row == NULL)
        {
          const char *kind = cc_disagreement_kind_to_string (d->kind);
          g_autofree char *key = g_strdup_printf ("engine:%s:%s:%" G_GINT64_FORMAT ":%u:%"
                                                  G_GINT64_FORMAT ":%u", kind, d->attribute,
                                                  document_id (documents, d->doc_a), d->quote_a_start,
                                                  document_id (documents, d->doc_b), d->quote_b_start);
          Entry entry;

          row = cc_fact_row_new (key, g_hash_table_lookup (subjects, root), d->attribute, kind,
                                 CC_VERDICT_CONFLICT);
          g_hash_table_insert (rows, root, row);
          entry.row = row;
          entry.verdict = CC_VERDICT_CONFLICT;
          entry.order = ((guint64) d->doc_a << 32) | d->quote_a_start;
          g_array_append_val (entries, entry);
        }
      cc_fact_row_add_quote (row, document_id (documents, d->doc_a), d->quote_a_start,
                             d->quote_a_end, d->quote_a, d->value_a_start, d->value_a_end);
      cc_fact_row_add_quote (row, document_id (documents, d->doc_b), d->quote_b_start,
                             d->quote_b_end, d->quote_b, d->value_b_start, d->value_b_end);
    }
  groups_clear (&g);
}

static const char *
part_name (CcPartKind kind)
{
  switch (kind)
    {
    case CC_PART_DURATION:
      return _("duration");
    case CC_PART_YEAR:
      return _("year");
    case CC_PART_DAY:
      return _("date");
    case CC_PART_WEEKDAY:
      return _("weekday");
    case CC_PART_CLOCK:
      return _("time of day");
    case CC_PART_MONEY:
      return _("amount");
    case CC_PART_PERCENT:
      return _("percentage");
    case CC_PART_NUMBER:
    default:
      return _("figure");
    }
}

/* The first value of @a that a value of @b in the same role agrees with. */
static gboolean
agreeing_values (const CcStatement       *a,
                 const CcStatement       *b,
                 const CcStatementValue **va,
                 const CcStatementValue **vb)
{
  for (guint i = 0; i < a->n_values; i++)
    for (guint j = 0; j < b->n_values; j++)
      {
        const CcStatementValue *x = &a->values[i];
        const CcStatementValue *y = &b->values[j];

        if (x->kind != y->kind || x->role != y->role || x->year != y->year)
          continue;
        /* A bare figure says too little to be the same fact. */
        if (x->kind == CC_PART_NUMBER && (x->role == NULL || *x->role == '\0'))
          continue;
        if (cc_statement_values_agree (x, y))
          {
            *va = x;
            *vb = y;
            return TRUE;
          }
      }
  return FALSE;
}

/* The name written nearest before @v in its statement, or "". */
static const char *
value_subject (Slicer                 *slicer,
               const CcStatement      *st,
               const CcStatementValue *v)
{
  const CcStatementName *best = NULL;

  for (guint i = 0; i < st->n_names; i++)
    if (st->names[i].end <= v->start && st->names[i].start >= st->clause_start)
      best = &st->names[i];
  if (best == NULL)
    return "";
  return slicer_slice (slicer, st->doc, best->start, best->end);
}

#define MIN_AGREEMENT_SIMILARITY 0.3

static void
add_agreements (const CcDisagreementReport *report,
                GPtrArray                  *documents,
                Slicer                     *slicer,
                GArray                     *entries,
                GHashTable                 *paired,
                GCancellable               *cancellable)
{
  g_autoptr(CcLineup) lineup = cc_lineup_find (report->statements);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint) * 3);
  Groups g;

  groups_init (&g);
  for (guint i = 0; i < lineup->pairs->len; i++)
    {
      const CcLineupPair *p = &g_array_index (lineup->pairs, CcLineupPair, i);
      const CcStatement *a = g_ptr_array_index (report->statements, p->a);
      const CcStatement *b = g_ptr_array_index (report->statements, p->b);
      const CcStatementValue *va, *vb;
      g_autofree char *pair_key = NULL;
      Sentence sa, sb;
      guint entry[3];

      if (i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      if (p->similarity < MIN_AGREEMENT_SIMILARITY || a->doc == b->doc)
        continue;
      if (a->doc > b->doc)
        {
          const CcStatement *t = a;

          a = b;
          b = t;
        }
      pair_key = g_strdup_printf ("%u:%u:%u:%u", a->doc, a->start, b->doc, b->start);
      if (g_hash_table_contains (paired, pair_key) || !agreeing_values (a, b, &va, &vb))
        continue;
      sa = (Sentence) { a->doc, a->start };
      sb = (Sentence) { b->doc, b->start };
      {
        g_autofree char *role = g_strdup_printf ("agree:%d:%s", va->kind, va->role);

        entry[0] = groups_intern (&g, role, &sa);
        entry[1] = groups_intern (&g, role, &sb);
      }
      groups_union (&g, entry[0], entry[1]);
      entry[2] = i;
      g_array_append_val (found, entry);
    }

  for (guint f = 0; f < found->len; f++)
    {
      const guint *entry = &g_array_index (found, guint, 3 * f);
      const CcLineupPair *p = &g_array_index (lineup->pairs, CcLineupPair, entry[2]);
      const CcStatement *a = g_ptr_array_index (report->statements, p->a);
      const CcStatement *b = g_ptr_array_index (report->statements, p->b);
      gpointer root = GUINT_TO_POINTER (groups_find (&g, entry[0]) + 1);
      CcFactRow *row = g_hash_table_lookup (rows, root);
      const CcStatementValue *va, *vb;

      if (a->doc > b->doc)
        {
          const CcStatement *t = a;

          a = b;
          b = t;
        }
      agreeing_values (a, b, &va, &vb);
      if (row == NULL)
        {
          const char *role = va->role != NULL && *va->role != '\0' ? va->role : part_name (va->kind);
          g_autofree char *key = g_strdup_printf ("agree:%d:%s:%" G_GINT64_FORMAT ":%u",
                                                  va->kind, role, document_id (documents, a->doc),
                                                  a->start);
          Entry e;

          row = cc_fact_row_new (key, value_subject (slicer, a, va), role, "", CC_VERDICT_AGREE);
          g_hash_table_insert (rows, root, row);
          e.row = row;
          e.verdict = CC_VERDICT_AGREE;
          e.order = ((guint64) a->doc << 32) | a->start;
          g_array_append_val (entries, e);
        }
      cc_fact_row_add_quote (row, document_id (documents, a->doc), a->start, a->end,
                             slicer_slice (slicer, a->doc, a->start, a->end), va->start, va->end);
      cc_fact_row_add_quote (row, document_id (documents, b->doc), b->start, b->end,
                             slicer_slice (slicer, b->doc, b->start, b->end), vb->start, vb->end);
    }
  groups_clear (&g);
}

GPtrArray *
_cc_facts_view_build_rows (const CcDisagreementReport *report,
                           GPtrArray                  *documents,
                           const char * const         *texts,
                           gboolean                    with_agreements,
                           GCancellable               *cancellable)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GHashTable) paired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  Slicer slicer;

  slicer.texts = texts;
  slicer.marks = g_ptr_array_new_with_free_func (marks_free);
  g_ptr_array_set_size (slicer.marks, documents->len);
  slicer.owned = g_ptr_array_new_with_free_func (g_free);

  add_disagreements (report, documents, entries, paired);
  if (with_agreements)
    add_agreements (report, documents, &slicer, entries, paired, cancellable);

  g_array_sort (entries, entry_cmp);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (rows, g_array_index (entries, Entry, i).row);

  g_ptr_array_unref (slicer.marks);
  g_ptr_array_unref (slicer.owned);
  return rows;
}
