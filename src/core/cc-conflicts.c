/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-conflicts"

#include "config.h"

#include <string.h>

#include "cc-conflicts.h"
#include "cc-error.h"


/* A compared pair of claims (indices into the flat claim array). */
typedef struct
{
  guint     i;
  guint     j;
  CcVerdict verdict;
} Pair;

typedef struct
{
  GPtrArray *claims;     /* flat, CcClaim */
  GArray    *doc;        /* guint: document index of each claim */
  GArray    *pairs;      /* Pair: comparable pairs, any verdict */
  GArray    *related;    /* guint64 (doc << 32 | doc), sorted: documents about one story */
  GPtrArray *salient;    /* per document: GPtrArray of the names it keeps coming back to */
  guint      n_docs;
  guint      comparisons;
  gboolean   debug;      /* G_MESSAGES_DEBUG names this domain: log every compared pair */
} Work;

static int
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static gboolean
sorted_contains (GArray  *sorted,
                 guint64  key)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint64 v = g_array_index (sorted, guint64, mid);

      if (v == key)
        return TRUE;
      if (v < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

static guint64
pair_key (guint a,
          guint b)
{
  return ((guint64) MIN (a, b) << 32) | MAX (a, b);
}

static guint
uf_find (guint *parent,
         guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

/* Two documents are about the same story when they name at least two of
 * the same things (subjects, benchmarks, objects of their claims), or one
 * when either names only one: figures of unrelated stories are never
 * compared. Found with an inverted index from names to documents. */
static void
work_relate (Work      *work,
             GPtrArray *claim_sets)
{
  g_autoptr(GHashTable) docs_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) occurrences = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree guint *n_names = g_new0 (guint, MAX (work->n_docs, 1));

  work->salient = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint d = 0; d < work->n_docs; d++)
    g_ptr_array_add (work->salient, g_ptr_array_new ());
  GHashTableIter iter;
  gpointer value;

  for (guint d = 0; d < claim_sets->len; d++)
    {
      GPtrArray *set = g_ptr_array_index (claim_sets, d);
      g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter names_iter;
      gpointer name, count;
      guint top = 0;

      /* The names a document keeps coming back to: a passing mention (an
       * analyst quoted once) does not make two stories one. */
      for (guint k = 0; set != NULL && k < set->len; k++)
        {
          CcClaim *c = g_ptr_array_index (set, k);
          const char *names[64];
          guint n = 0;

          if (c->subject != NULL && c->subject[0] != '\0' && c->subject[0] != '(')
            names[n++] = c->subject;
          if (c->benchmark != NULL)
            names[n++] = c->benchmark;
          for (guint o = 0; c->objects != NULL && c->objects[o] != NULL && n < G_N_ELEMENTS (names); o++)
            names[n++] = c->objects[o];
          for (guint x = 0; x < n; x++)
            g_hash_table_insert (counts, (gpointer) names[x],
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, names[x])) + 1));
        }
      g_hash_table_iter_init (&names_iter, counts);
      while (g_hash_table_iter_next (&names_iter, NULL, &count))
        top = MAX (top, GPOINTER_TO_UINT (count));
      g_hash_table_iter_init (&names_iter, counts);
      while (g_hash_table_iter_next (&names_iter, &name, &count))
        {
          GArray *docs;
          gboolean salient = GPOINTER_TO_UINT (count) >= 2 || top < 2;

          docs = g_hash_table_lookup (docs_of, name);
          if (docs == NULL)
            {
              docs = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (docs_of, name, docs);
            }
          /* Document index, with the salience in the top bit. */
          {
            guint entry = d | (salient ? 0x80000000u : 0);

            g_array_append_val (docs, entry);
          }
          n_names[d] += salient;
          if (salient)
            g_ptr_array_add (g_ptr_array_index (work->salient, d), name);
        }
    }

  /* One occurrence per shared name, salient ones flagged in the top bit. */
  g_hash_table_iter_init (&iter, docs_of);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *docs = value;

      for (guint x = 0; x < docs->len; x++)
        for (guint y = x + 1; y < docs->len; y++)
          {
            guint ex = g_array_index (docs, guint, x);
            guint ey = g_array_index (docs, guint, y);
            guint64 key = pair_key (ex & 0x7fffffffu, ey & 0x7fffffffu);
            guint64 entry = (key << 1) | ((ex & ey & 0x80000000u) ? 1 : 0);

            g_array_append_val (occurrences, entry);
          }
    }
  g_array_sort (occurrences, compare_u64);

  work->related = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint k = 0; k < occurrences->len;)
    {
      guint64 key = g_array_index (occurrences, guint64, k) >> 1;
      guint a = key >> 32, b = key & 0xffffffff;
      guint shared = 0, salient = 0;

      while (k < occurrences->len && (g_array_index (occurrences, guint64, k) >> 1) == key)
        {
          shared++;
          salient += g_array_index (occurrences, guint64, k) & 1;
          k++;
        }
      /* Two shared names of which one the documents keep coming back to,
       * or one when either names (almost) nothing else. */
      if ((salient >= 1 && shared >= 2) || (salient >= 1 && (n_names[a] < 2 || n_names[b] < 2)))
        g_array_append_val (work->related, key);
    }
  g_debug ("%u documents, %u related pairs", work->n_docs, work->related->len);
}

void
cc_conflict_free (CcConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->subject);
  g_free (conflict->attribute);
  g_clear_pointer (&conflict->a, cc_claim_unref);
  g_clear_pointer (&conflict->b, cc_claim_unref);
  g_free (conflict);
}

void
cc_fact_free (CcFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->key);
  g_free (fact->subject);
  g_free (fact->attribute);
  g_clear_pointer (&fact->claims, g_ptr_array_unref);
  g_free (fact);
}

void
cc_conflict_report_free (CcConflictReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->claims, g_ptr_array_unref);
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_clear_pointer (&report->facts, g_ptr_array_unref);
  g_free (report);
}

static void
work_init (Work      *work,
           GPtrArray *claim_sets)
{
  work->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_claim_unref);
  work->doc = g_array_new (FALSE, FALSE, sizeof (guint));
  work->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  work->comparisons = 0;
  for (guint d = 0; d < claim_sets->len; d++)
    {
      GPtrArray *set = g_ptr_array_index (claim_sets, d);

      for (guint k = 0; set != NULL && k < set->len; k++)
        {
          g_ptr_array_add (work->claims, cc_claim_ref (g_ptr_array_index (set, k)));
          g_array_append_val (work->doc, d);
        }
    }
  cc_verdict_unify_benchmarks (work->claims);
  work->n_docs = claim_sets->len;
  work->debug = !g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN);
  work_relate (work, claim_sets);
}

static void
work_clear (Work *work)
{
  g_clear_pointer (&work->claims, g_ptr_array_unref);
  g_clear_pointer (&work->doc, g_array_unref);
  g_clear_pointer (&work->pairs, g_array_unref);
  g_clear_pointer (&work->related, g_array_unref);
  g_clear_pointer (&work->salient, g_ptr_array_unref);
}

static void
work_compare (Work *work,
              guint i,
              guint j)
{
  CcClaim *a = g_ptr_array_index (work->claims, i);
  CcClaim *b = g_ptr_array_index (work->claims, j);
  Pair pair;

  work->comparisons++;
  if (!sorted_contains (work->related, pair_key (g_array_index (work->doc, guint, i),
                                                 g_array_index (work->doc, guint, j))))
    return;
  if (!cc_verdict_comparable (a, b))
    return;
  pair.i = MIN (i, j);
  pair.j = MAX (i, j);
  pair.verdict = cc_verdict_values (&a->value, a->qualifier, &b->value, b->qualifier);
  if (G_UNLIKELY (work->debug))
    g_debug ("%s «%s» [%s|%s] vs %s «%s» [%s|%s]: %s", a->document, a->surface, a->subject, a->key,
             b->document, b->surface, b->subject, b->key, cc_verdict_to_string (pair.verdict));
  g_array_append_val (work->pairs, pair);
}

static int
compare_pairs (gconstpointer pa,
               gconstpointer pb)
{
  const Pair *a = pa;
  const Pair *b = pb;

  if (a->i != b->i)
    return a->i < b->i ? -1 : 1;
  if (a->j != b->j)
    return a->j < b->j ? -1 : 1;
  return 0;
}

/* The blocks a claim belongs to: two claims can only be comparable when they
 * share one (see cc_verdict_comparable()). */
static GPtrArray *
claim_blocks (const CcClaim *c)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_free);
  const char *kind = cc_claim_kind_to_string (c->value.kind);
  const char *unit = c->value.kind == CC_CLAIM_MONEY || c->value.kind == CC_CLAIM_DATE
                     ? "" : (c->value.unit != NULL ? c->value.unit : "");

  if (c->value.kind == CC_CLAIM_STATE)
    {
      for (guint i = 0; c->objects != NULL && c->objects[i] != NULL; i++)
        g_ptr_array_add (blocks, g_strdup_printf ("O|%s", c->objects[i]));
      for (guint i = 0; c->cues != NULL && c->cues[i] != NULL; i++)
        g_ptr_array_add (blocks, g_strdup_printf ("W|%s", c->cues[i]));
      return blocks;
    }
  if (c->benchmark != NULL)
    {
      const char *attr = strchr (c->key, '|');

      attr = attr != NULL ? strchr (attr + 1, '|') : NULL;
      g_ptr_array_add (blocks, g_strdup_printf ("K|%s|%s|%s", kind, unit,
                                                attr != NULL ? attr + 1 : c->key));
      return blocks;
    }
  for (guint i = 0; c->cues != NULL && c->cues[i] != NULL; i++)
    if (c->cue_weights[i] >= CC_VERDICT_MIN_CUE_WEIGHT)
      g_ptr_array_add (blocks, g_strdup_printf ("C|%s|%s|%s", kind, unit, c->cues[i]));
  return blocks;
}

/* The first block id two sorted block lists share. */
static guint
first_shared (GArray *a,
              GArray *b)
{
  guint x = 0, y = 0;

  while (x < a->len && y < b->len)
    {
      guint va = g_array_index (a, guint, x);
      guint vb = g_array_index (b, guint, y);

      if (va == vb)
        return va;
      if (va < vb)
        x++;
      else
        y++;
    }
  return G_MAXUINT;
}

typedef struct
{
  guint64 key;    /* salient name id << 32 | block id */
  guint   claim;
} Entry;

static int
compare_entries (gconstpointer pa,
                 gconstpointer pb)
{
  const Entry *a = pa;
  const Entry *b = pb;

  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return a->claim < b->claim ? -1 : (a->claim > b->claim ? 1 : 0);
}

static guint
intern (GHashTable *ids,
        const char *name)
{
  gpointer id;

  if (g_hash_table_lookup_extended (ids, name, NULL, &id))
    return GPOINTER_TO_UINT (id);
  id = GUINT_TO_POINTER (g_hash_table_size (ids));
  g_hash_table_insert (ids, g_strdup (name), id);
  return GPOINTER_TO_UINT (id);
}

static gboolean
find_blocked (Work          *work,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GHashTable) block_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) name_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GPtrArray) claim_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_blocks;

  /* Inverted index. A block is what a claim is about (claim_blocks())
   * within a name its document keeps coming back to: related documents
   * share such a name (see work_relate()), so a comparable pair always
   * shares a block. Entries (block, claim) are sorted into runs, one run
   * per block; each claim gets the sorted list of its blocks. */
  for (guint i = 0; i < work->claims->len; i++)
    {
      g_autoptr(GPtrArray) blocks = claim_blocks (g_ptr_array_index (work->claims, i));
      GPtrArray *story = g_ptr_array_index (work->salient, g_array_index (work->doc, guint, i));

      g_ptr_array_add (claim_ids, g_array_new (FALSE, FALSE, sizeof (guint)));
      for (guint s = 0; s < story->len; s++)
        {
          guint name = intern (name_ids, g_ptr_array_index (story, s));

          for (guint k = 0; k < blocks->len; k++)
            {
              Entry e = { ((guint64) name << 32) | intern (block_ids, g_ptr_array_index (blocks, k)), i };

              g_array_append_val (entries, e);
            }
        }
    }
  g_array_sort (entries, compare_entries);

  n_blocks = 0;
  for (guint k = 0; k < entries->len; k++)
    {
      Entry *e = &g_array_index (entries, Entry, k);
      GArray *mine = g_ptr_array_index (claim_ids, e->claim);

      if (k == 0 || e->key != g_array_index (entries, Entry, k - 1).key)
        {
          g_array_append_val (starts, k);
          n_blocks++;
        }
      else if (e->claim == g_array_index (entries, Entry, k - 1).claim)
        continue;
      {
        guint block = n_blocks - 1;

        g_array_append_val (mine, block);
      }
    }
  g_array_append_val (starts, entries->len);

  /* Each pair is compared once: in the first block its claims share. */
  for (guint b = 0; b < n_blocks; b++)
    {
      guint from = g_array_index (starts, guint, b);
      guint to = g_array_index (starts, guint, b + 1);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (guint x = from; x < to; x++)
        for (guint y = x + 1; y < to; y++)
          {
            guint i = g_array_index (entries, Entry, x).claim;
            guint j = g_array_index (entries, Entry, y).claim;

            if (i == j || g_array_index (work->doc, guint, i) == g_array_index (work->doc, guint, j))
              continue;
            if (first_shared (g_ptr_array_index (claim_ids, i), g_ptr_array_index (claim_ids, j)) != b)
              continue;
            work_compare (work, i, j);
          }
    }
  return TRUE;
}

static gboolean
find_naive (Work          *work,
            GPtrArray     *claim_sets,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = 0;

  for (guint d = 0; d < claim_sets->len; d++)
    {
      GPtrArray *set = g_ptr_array_index (claim_sets, d);

      g_array_append_val (first, n);
      n += set != NULL ? set->len : 0;
    }
  g_array_append_val (first, n);

  for (guint da = 0; da < claim_sets->len; da++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (guint db = da + 1; db < claim_sets->len; db++)
        for (guint i = g_array_index (first, guint, da); i < g_array_index (first, guint, da + 1); i++)
          for (guint j = g_array_index (first, guint, db); j < g_array_index (first, guint, db + 1); j++)
            work_compare (work, i, j);
    }
  return TRUE;
}

static const char *
pair_subject (const CcClaim *a,
              const CcClaim *b)
{
  if (g_strcmp0 (a->subject, b->subject) == 0)
    return a->subject;
  if (b->subject_bound && !a->subject_bound)
    return b->subject;
  if (a->subject == NULL || a->subject[0] == '\0')
    return b->subject;
  return a->subject;
}


static int
compare_conflicts (gconstpointer pa,
                   gconstpointer pb)
{
  const CcConflict *a = *(const CcConflict * const *) pa;
  const CcConflict *b = *(const CcConflict * const *) pb;

  if (a->a->document_id != b->a->document_id)
    return a->a->document_id < b->a->document_id ? -1 : 1;
  if (a->b->document_id != b->b->document_id)
    return a->b->document_id < b->b->document_id ? -1 : 1;
  if (a->a->value_start != b->a->value_start)
    return a->a->value_start < b->a->value_start ? -1 : 1;
  if (a->b->value_start != b->b->value_start)
    return a->b->value_start < b->b->value_start ? -1 : 1;
  return 0;
}

static int
compare_facts (gconstpointer pa,
               gconstpointer pb)
{
  const CcFact *a = *(const CcFact * const *) pa;
  const CcFact *b = *(const CcFact * const *) pb;

  if ((a->claims->len > 1) != (b->claims->len > 1))
    return a->claims->len > 1 ? -1 : 1;
  if (a->worst != b->worst)
    return a->worst > b->worst ? -1 : 1;
  return g_strcmp0 (a->key, b->key);
}

static CcConflictReport *
work_report (Work *work)
{
  CcConflictReport *report = g_new0 (CcConflictReport, 1);
  guint n = work->claims->len;
  g_autoptr(GArray) agreed = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) roughly = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) same_subject = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GHashTable) emitted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) roots = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree guint *parent = g_new (guint, MAX (n, 1));
  g_autofree CcVerdict *worst = g_new0 (CcVerdict, MAX (n, 1));

  report->claims = g_ptr_array_ref (work->claims);
  report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_conflict_free);
  report->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_fact_free);
  report->comparisons = work->comparisons;

  g_array_sort (work->pairs, compare_pairs);

  /* Keys (claim << 32 | other document):
   * - agreed / roughly: the claim has an agreeing (roughly agreeing) partner
   *   in that document; a different value it disagrees with there is most
   *   likely about another fact;
   * - same_subject: it has a partner about the same named subject there, so
   *   it is not compared with that document's other subjects ("X scored
   *   58%" against "X scored 50.2%, Y 43.9%, Z 48.4%"). */
  for (guint k = 0; k < work->pairs->len; k++)
    {
      Pair *p = &g_array_index (work->pairs, Pair, k);
      CcClaim *a = g_ptr_array_index (work->claims, p->i);
      CcClaim *b = g_ptr_array_index (work->claims, p->j);
      guint64 ki = ((guint64) p->i << 32) | g_array_index (work->doc, guint, p->j);
      guint64 kj = ((guint64) p->j << 32) | g_array_index (work->doc, guint, p->i);

      if (p->verdict == CC_VERDICT_AGREE)
        {
          g_array_append_val (agreed, ki);
          g_array_append_val (agreed, kj);
        }
      else if (p->verdict == CC_VERDICT_APPROXIMATE)
        {
          g_array_append_val (roughly, ki);
          g_array_append_val (roughly, kj);
        }
      if (a->subject[0] != '\0' && g_strcmp0 (a->subject, b->subject) == 0)
        {
          g_array_append_val (same_subject, ki);
          g_array_append_val (same_subject, kj);
        }
    }
  g_array_sort (agreed, compare_u64);
  g_array_sort (roughly, compare_u64);
  g_array_sort (same_subject, compare_u64);

  for (guint k = 0; k < work->pairs->len; k++)
    {
      Pair *p = &g_array_index (work->pairs, Pair, k);
      CcClaim *a = g_ptr_array_index (work->claims, p->i);
      CcClaim *b = g_ptr_array_index (work->claims, p->j);
      guint di = g_array_index (work->doc, guint, p->i);
      guint dj = g_array_index (work->doc, guint, p->j);
      guint64 ki = ((guint64) p->i << 32) | dj;
      guint64 kj = ((guint64) p->j << 32) | di;
      g_autofree char *dedupe = NULL;
      CcConflict *conflict;
      gboolean suppressed;

      if (p->verdict != CC_VERDICT_CONFLICT && p->verdict != CC_VERDICT_APPROXIMATE)
        continue;
      suppressed = sorted_contains (agreed, ki) || sorted_contains (agreed, kj);
      if (p->verdict == CC_VERDICT_CONFLICT)
        suppressed = suppressed || sorted_contains (roughly, ki) || sorted_contains (roughly, kj);
      if (!suppressed && g_strcmp0 (a->subject, b->subject) != 0)
        suppressed = sorted_contains (same_subject, ki) || sorted_contains (same_subject, kj);
      if (suppressed)
        continue;

      /* One row per document pair and pair of values. */
      dedupe = g_strdup_printf ("%u|%u|%s|%s|%s|%s", di, dj, a->key, a->value_text,
                                b->value_text, cc_qualifier_to_string (a->qualifier));
      if (!g_hash_table_add (emitted, g_steal_pointer (&dedupe)))
        continue;

      conflict = g_new0 (CcConflict, 1);
      conflict->a = cc_claim_ref (a);
      conflict->b = cc_claim_ref (b);
      conflict->verdict = p->verdict;
      conflict->subject = g_strdup (pair_subject (a, b));
      conflict->attribute = g_strdup (a->benchmark != NULL ? a->benchmark : a->attribute);
      g_ptr_array_add (report->conflicts, conflict);
    }
  g_ptr_array_sort (report->conflicts, compare_conflicts);

  /* Facts: the claims linked by comparable pairs. */
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint k = 0; k < work->pairs->len; k++)
    {
      Pair *p = &g_array_index (work->pairs, Pair, k);
      guint ri = uf_find (parent, p->i);
      guint rj = uf_find (parent, p->j);

      if (ri != rj)
        parent[MAX (ri, rj)] = MIN (ri, rj);
    }
  for (guint k = 0; k < work->pairs->len; k++)
    {
      Pair *p = &g_array_index (work->pairs, Pair, k);
      guint r = uf_find (parent, p->i);

      worst[r] = MAX (worst[r], p->verdict);
    }
  for (guint i = 0; i < n; i++)
    {
      guint r = uf_find (parent, i);
      CcFact *fact = g_hash_table_lookup (roots, GUINT_TO_POINTER (r));
      CcClaim *c = g_ptr_array_index (work->claims, i);

      if (fact == NULL)
        {
          CcClaim *rc = g_ptr_array_index (work->claims, r);

          fact = g_new0 (CcFact, 1);
          fact->subject = g_strdup (rc->subject);
          fact->attribute = g_strdup (rc->benchmark != NULL ? rc->benchmark : rc->attribute);
          fact->key = g_strdup_printf ("%s|%s", rc->subject, rc->key);
          fact->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_claim_unref);
          fact->worst = worst[r];
          g_hash_table_insert (roots, GUINT_TO_POINTER (r), fact);
          g_ptr_array_add (report->facts, fact);
        }
      g_ptr_array_add (fact->claims, cc_claim_ref (c));
    }
  g_ptr_array_sort (report->facts, compare_facts);
  return report;
}

static CcConflictReport *
find (GPtrArray     *claim_sets,
      gboolean       naive,
      GCancellable  *cancellable,
      GError       **error)
{
  Work work = { 0 };
  CcConflictReport *report = NULL;
  GTimer *timer;
  double seconds;
  gboolean ok;

  g_return_val_if_fail (claim_sets != NULL, NULL);

  work_init (&work, claim_sets);
  timer = g_timer_new ();
  ok = naive ? find_naive (&work, claim_sets, cancellable, error)
             : find_blocked (&work, cancellable, error);
  seconds = g_timer_elapsed (timer, NULL);
  g_timer_destroy (timer);
  if (ok)
    {
      report = work_report (&work);
      report->pairing_seconds = seconds;
    }
  work_clear (&work);
  return report;
}

CcConflictReport *
cc_conflicts_find (GPtrArray     *claim_sets,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return find (claim_sets, FALSE, cancellable, error);
}

CcConflictReport *
cc_conflicts_find_naive (GPtrArray     *claim_sets,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return find (claim_sets, TRUE, cancellable, error);
}

CcConflictReport *
cc_conflicts_for_store (CcStore       *store,
                        GPtrArray     *documents,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) sets = NULL;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);

  if (documents == NULL)
    {
      all = cc_store_list_documents (store, error);
      if (all == NULL)
        return NULL;
      documents = all;
    }
  sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < documents->len; i++)
    {
      CcDocument *doc = g_ptr_array_index (documents, i);
      g_autoptr(GError) local_error = NULL;
      GPtrArray *claims;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      claims = cc_claims_for_document (store, doc, &local_error);
      if (claims == NULL)
        {
          /* A document that cannot be read is left out; the rest goes on. */
          g_warning ("%s: %s", cc_document_get_basename (doc), local_error->message);
          claims = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_claim_unref);
        }
      g_ptr_array_add (sets, claims);
    }
  return cc_conflicts_find (sets, cancellable, error);
}

typedef struct
{
  char   *path;
  GArray *ids;   /* gint64 ids, or NULL for all */
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->ids, g_array_unref);
  g_free (data);
}

static void
conflicts_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  GError *error = NULL;
  CcConflictReport *report;

  store = cc_store_open (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->ids != NULL)
    {
      GArray *ids = data->ids;

      documents = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < ids->len; i++)
        {
          CcDocument *doc = cc_store_get_document (store, g_array_index (ids, gint64, i), &error);

          if (doc == NULL)
            {
              g_task_return_error (task, error);
              return;
            }
          g_ptr_array_add (documents, doc);
        }
    }
  report = cc_conflicts_for_store (store, documents, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) cc_conflict_report_free);
}

void
cc_conflicts_for_store_async (CcStore             *store,
                              GPtrArray           *documents,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (CC_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_conflicts_for_store_async);
  data = g_new0 (TaskData, 1);
  data->path = g_strdup (cc_store_get_path (store));
  if (documents != NULL)
    {
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < documents->len; i++)
        {
          gint64 id = cc_document_get_id (g_ptr_array_index (documents, i));

          g_array_append_val (ids, id);
        }
      data->ids = ids;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, conflicts_thread);
}

CcConflictReport *
cc_conflicts_for_store_finish (CcStore       *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
