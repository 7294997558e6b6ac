/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-entities"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cc-article.h"
#include "cc-entities-private.h"
#include "cc-error.h"

static const char * const type_names[] = {
  "PERSON", "ORG", "PRODUCT", "BENCHMARK", "LOCATION",
  "DATE", "MONEY", "PERCENT", "QUANTITY", "SCORE",
};
G_STATIC_ASSERT (G_N_ELEMENTS (type_names) == CC_N_ENTITY_TYPES);

static guint64 total_work;
static guint   total_extractions;
G_LOCK_DEFINE_STATIC (stats);

/* A mention and its strings are one allocation: the strings follow the
 * struct and a count of their bytes, so that freeing knows which of the
 * three pointers are its own. A field set later to a string of its own
 * (g_malloc'd) is freed as such. Extraction makes some forty mentions per
 * thousand words, and up to four allocations and frees each showed in its
 * profile. */
typedef struct
{
  CcMention m;
  gsize     packed;   /* bytes of the strings after the block */
} MentionBlock;

static inline gboolean
packed_in (const MentionBlock *b,
           const char         *p)
{
  guintptr lo = (guintptr)(b + 1);

  return (guintptr)p >= lo && (guintptr)p < lo + b->packed;
}

CcMention *
cc_mention_new (guint         start,
                guint         end,
                CcEntityType  type,
                const char   *surface,
                gssize        surface_len,
                const char   *canonical,
                gssize        canonical_len,
                const char   *value)
{
  gsize ns = surface == NULL ? 0 : surface_len < 0 ? strlen (surface) : (gsize)surface_len;
  gsize nc = canonical == NULL ? 0 : canonical_len < 0 ? strlen (canonical) : (gsize)canonical_len;
  gsize nv = value == NULL ? 0 : strlen (value);
  /* a canonical name spelt as the surface shares its bytes */
  gboolean shared = canonical != NULL && surface != NULL && nc == ns &&
                    memcmp (canonical, surface, ns) == 0;
  gsize packed = (surface ? ns + 1 : 0) + (canonical && !shared ? nc + 1 : 0) + (value ? nv + 1 : 0);
  MentionBlock *b = g_malloc (sizeof (MentionBlock) + packed);
  char *at = (char *)(b + 1);

  b->packed = packed;
  b->m.start = start;
  b->m.end = end;
  b->m.type = type;
  b->m.surface = b->m.canonical = b->m.value = NULL;
  /* memcpy, not strndup: the bytes are known to hold no NUL */
  if (surface != NULL)
    {
      b->m.surface = at;
      memcpy (at, surface, ns);
      at[ns] = '\0';
      at += ns + 1;
    }
  if (shared)
    b->m.canonical = b->m.surface;
  else if (canonical != NULL)
    {
      b->m.canonical = at;
      memcpy (at, canonical, nc);
      at[nc] = '\0';
      at += nc + 1;
    }
  if (value != NULL)
    {
      b->m.value = at;
      memcpy (at, value, nv + 1);
    }
  return &b->m;
}

void
cc_mention_free (CcMention *mention)
{
  MentionBlock *b = (MentionBlock *)mention;

  if (mention == NULL)
    return;
  if (!packed_in (b, mention->surface))
    g_free (mention->surface);
  if (!packed_in (b, mention->canonical) && mention->canonical != mention->surface)
    g_free (mention->canonical);
  if (!packed_in (b, mention->value))
    g_free (mention->value);
  g_free (b);
}

CcMention *
cc_mention_copy (const CcMention *mention)
{
  return cc_mention_new (mention->start, mention->end, mention->type, mention->surface, -1,
                         mention->canonical, -1, mention->value);
}

const char *
cc_entity_type_to_string (CcEntityType type)
{
  g_return_val_if_fail (type < CC_N_ENTITY_TYPES, "UNKNOWN");
  return type_names[type];
}

gboolean
cc_entity_type_from_string (const char   *str,
                            CcEntityType *type)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < CC_N_ENTITY_TYPES; i++)
    if (g_ascii_strcasecmp (str, type_names[i]) == 0)
      {
        if (type != NULL)
          *type = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cc_entity_type_get_label (CcEntityType type)
{
  switch (type)
    {
    case CC_ENTITY_PERSON: return _("People");
    case CC_ENTITY_ORG: return _("Organisations");
    case CC_ENTITY_PRODUCT: return _("Products");
    case CC_ENTITY_BENCHMARK: return _("Benchmarks");
    case CC_ENTITY_LOCATION: return _("Places");
    case CC_ENTITY_DATE: return _("Dates");
    case CC_ENTITY_MONEY: return _("Amounts");
    case CC_ENTITY_PERCENT: return _("Percentages");
    case CC_ENTITY_QUANTITY: return _("Quantities");
    case CC_ENTITY_SCORE: return _("Scores");
    case CC_N_ENTITY_TYPES:
    default:
      return _("Other");
    }
}

void
cc_entities_add_stats (guint64 work)
{
  G_LOCK (stats);
  total_work += work;
  total_extractions++;
  G_UNLOCK (stats);
}

guint
cc_entities_get_extraction_count (void)
{
  guint n;

  G_LOCK (stats);
  n = total_extractions;
  G_UNLOCK (stats);
  return n;
}

guint64
cc_entities_get_work (void)
{
  guint64 n;

  G_LOCK (stats);
  n = total_work;
  G_UNLOCK (stats);
  return n;
}

/* The buffers of one extraction, kept per thread for the next one: a
 * fresh token array of some ten thousand bytes per article costs more in
 * malloc than tokenizing it; and the words of the figures met so far.
 * Dropped after a very long text. */
typedef struct
{
  GArray     *toks;
  GString    *scratch;
  GByteArray *cues;
  gpointer    names;      /* created by cc_scan_names() */
  GHashTable *figures;    /* created by cc_scan_values() */
  GPtrArray  *mentions;
} Workspace;

#define WORKSPACE_MAX_TOKENS (1u << 18)

static void
workspace_free (Workspace *w)
{
  g_array_unref (w->toks);
  g_string_free (w->scratch, TRUE);
  g_byte_array_unref (w->cues);
  g_clear_pointer (&w->names, cc_scan_names_buf_free);
  g_clear_pointer (&w->figures, g_hash_table_unref);
  g_ptr_array_unref (w->mentions);
  g_free (w);
}

static GPrivate workspace_key = G_PRIVATE_INIT ((GDestroyNotify)workspace_free);

static Workspace *
workspace_get (const char *text)
{
  Workspace *w = g_private_get (&workspace_key);

  if (w == NULL)
    {
      w = g_new0 (Workspace, 1);
      /* about one token per four bytes of news text */
      w->toks = g_array_sized_new (FALSE, FALSE, sizeof (CcTok), MIN (strlen (text) / 4 + 16, 4096));
      w->scratch = g_string_sized_new (128);
      w->cues = g_byte_array_new ();
      w->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_mention_free);
      g_private_set (&workspace_key, w);
    }
  g_array_set_size (w->toks, 0);
  return w;
}

static void
workspace_release (Workspace *w)
{
  if (w->toks->len > WORKSPACE_MAX_TOKENS)
    {
      /* a very long text: its buffers go */
      g_private_replace (&workspace_key, NULL);
      return;
    }
  g_array_set_size (w->toks, 0);
  g_ptr_array_set_size (w->mentions, 0);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const CcMention *x = *(const CcMention **)a;
  const CcMention *y = *(const CcMention **)b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return 0;
}

/* Sorts @mentions by compare_mentions(), stably: the mentions come as a
 * few runs already in order (figures, names, the places of events, parts
 * of compounds), which are merged, adjacent runs at a time, in
 * O(n log runs), with the comparison inlined. */
static void
sort_mentions (GPtrArray *mentions)
{
  guint n = mentions->len;
  gpointer *src = mentions->pdata;
  gpointer *dst, *buf;
  guint runs;
  guint i;

  for (i = 1; i < n; i++)
    if (compare_mentions (&src[i - 1], &src[i]) > 0)
      break;
  if (i >= n)
    return;   /* in order already */

  dst = buf = g_new (gpointer, n);
  do
    {
      guint k = 0;

      runs = 0;
      for (i = 0; i < n;)
        {
          guint m = i + 1, e, a, b;

          while (m < n && compare_mentions (&src[m - 1], &src[m]) <= 0)
            m++;
          e = m;
          if (e < n)
            for (e = m + 1; e < n && compare_mentions (&src[e - 1], &src[e]) <= 0; e++)
              ;
          /* merge [i, m) and [m, e), the left first of equal ones */
          for (a = i, b = m; a < m && b < e;)
            dst[k++] = compare_mentions (&src[b], &src[a]) < 0 ? src[b++] : src[a++];
          while (a < m)
            dst[k++] = src[a++];
          while (b < e)
            dst[k++] = src[b++];
          runs++;
          i = e;
        }
      /* the merged runs are read next */
      {
        gpointer *t = src;

        src = dst;
        dst = t;
      }
    }
  while (runs > 1);
  if (src != mentions->pdata)
    memcpy (mentions->pdata, src, n * sizeof (gpointer));
  g_free (buf);
}

GPtrArray *
cc_entities_extract (const char *text)
{
  return cc_entities_extract_dated (text, NULL);
}

GPtrArray *
cc_entities_extract_dated (const char  *text,
                           const GDate *reference)
{
  CcScan scan = { 0 };
  GPtrArray *result;
  guint last_end = 0;
  Workspace *w;

  g_return_val_if_fail (text != NULL, g_ptr_array_new_with_free_func ((GDestroyNotify)cc_mention_free));

  scan.text = text;
  scan.reference = reference != NULL && g_date_valid (reference) ? reference : NULL;
  scan.gaz = cc_gazetteer_get ();
  w = workspace_get (text);
  scan.toks = w->toks;
  scan.scratch = w->scratch;
  scan.cue_buf = w->cues;
  scan.mentions = w->mentions;
  scan.names_buf = &w->names;
  scan.figure_memo = &w->figures;

  /* the tokenizer validates the text as it reads it */
  if (cc_scan_tokenize (&scan))
    {
      /* Sentence starts and headlines first: figures use them too. */
      cc_scan_names_prepare (&scan);
      cc_scan_values (&scan);
      cc_scan_names (&scan);
    }
  else
    g_warning ("cc_entities_extract: text is not valid UTF-8");

  sort_mentions (scan.mentions);

  /* Never overlapping: keep the first (and longest) of overlapping ones. */
  result = g_ptr_array_new_full (scan.mentions->len, (GDestroyNotify)cc_mention_free);
  for (guint i = 0; i < scan.mentions->len; i++)
    {
      CcMention *m = scan.mentions->pdata[i];

      if (result->len > 0 && m->start < last_end)
        continue;
      scan.mentions->pdata[i] = NULL;
      g_ptr_array_add (result, m);
      last_end = m->end;
    }

  cc_entities_add_stats (scan.work);
  workspace_release (w);
  return result;
}

/* ---- the library cache ------------------------------------------------ */

#define ANALYSIS_KIND "entities"
/* The article date the mentions of a hash were resolved against, as the
 * "version" of a second analysis row: its Julian day, 0 or no row when
 * they were extracted without one. A changed date is a cache miss. */
#define REFERENCE_KIND "entities-reference"

/* Sets @version to that of analysis @kind of @hash, -1 when there is none. */
static gboolean
cached_version (CcStore     *store,
                const char  *hash,
                const char  *kind,
                gint64      *version,
                GError     **error)
{
  sqlite3_stmt *stmt;

  *version = -1;
  stmt = cc_store_prepare (store, "SELECT version FROM analysis WHERE hash = ? AND kind = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static GPtrArray *
load_cached (CcStore     *store,
             const char  *hash,
             guint32      reference,
             gboolean    *found,
             GError     **error)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_mention_free);
  sqlite3_stmt *stmt;
  gint64 version, dated;
  int rc;

  *found = FALSE;
  if (!cached_version (store, hash, ANALYSIS_KIND, &version, error) ||
      !cached_version (store, hash, REFERENCE_KIND, &dated, error))
    return NULL;
  if (dated < 0)
    dated = 0;
  *found = version == CC_ENTITIES_VERSION && dated == reference;
  if (!*found)
    return g_steal_pointer (&mentions);

  stmt = cc_store_prepare (store, "SELECT start, end, type, surface, canonical, value "
                                  "FROM mentions WHERE hash = ? ORDER BY start, end DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CcEntityType type = CC_ENTITY_ORG;

      cc_entity_type_from_string ((const char *)sqlite3_column_text (stmt, 2), &type);
      g_ptr_array_add (mentions,
                       cc_mention_new (sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                                       type, (const char *)sqlite3_column_text (stmt, 3), -1,
                                       (const char *)sqlite3_column_text (stmt, 4), -1,
                                       (const char *)sqlite3_column_text (stmt, 5)));
    }
  if (rc != SQLITE_DONE)
    {
      cc_store_set_error (store, error, "cannot read cached entities");
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&mentions);
}

static gboolean
store_mentions (CcStore     *store,
                const char  *hash,
                guint32      reference,
                GPtrArray   *mentions,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (!cc_store_begin (store, error))
    return FALSE;

  stmt = cc_store_prepare (store, "DELETE FROM mentions WHERE hash = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cc_store_set_error (store, error, "cannot clear cached entities");
      goto fail;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < mentions->len; i++)
    {
      CcMention *m = mentions->pdata[i];

      stmt = cc_store_prepare (store, "INSERT INTO mentions (hash, start, end, type, surface, "
                                      "canonical, value) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, m->start);
      sqlite3_bind_int (stmt, 3, m->end);
      sqlite3_bind_text (stmt, 4, cc_entity_type_to_string (m->type), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, m->surface, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, m->canonical, -1, SQLITE_TRANSIENT);
      if (m->value != NULL)
        sqlite3_bind_text (stmt, 7, m->value, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 7);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          cc_store_set_error (store, error, "cannot store entities");
          sqlite3_reset (stmt);
          goto fail;
        }
      sqlite3_reset (stmt);
    }

  stmt = cc_store_prepare (store, "INSERT OR REPLACE INTO analysis (hash, kind, version) "
                                  "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ANALYSIS_KIND, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, CC_ENTITIES_VERSION);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cc_store_set_error (store, error, "cannot store entities");
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, REFERENCE_KIND, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, reference);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cc_store_set_error (store, error, "cannot store entities");
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);

  return cc_store_commit (store, error);

fail:
  cc_store_rollback (store);
  return FALSE;
}

GPtrArray *
cc_entities_for_document (CcStore  *store,
                          gint64    document_id,
                          GError  **error)
{
  g_autoptr(CcDocument) doc = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autofree char *text = NULL;
  const char *hash;
  gboolean found = FALSE;
  GDate reference;
  guint32 julian = 0;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);

  doc = cc_store_get_document (store, document_id, error);
  if (doc == NULL)
    return NULL;
  hash = cc_document_get_hash (doc);
  /* Relative dates ("on Wednesday", "last year") are resolved against the
   * article's own date when the library has one. */
  if (cc_article_date_to_gdate (cc_document_get_published (doc), &reference))
    julian = g_date_get_julian (&reference);

  mentions = load_cached (store, hash, julian, &found, error);
  if (mentions == NULL)
    return NULL;
  if (found)
    return g_steal_pointer (&mentions);

  text = cc_store_load_text (store, document_id, error);
  if (text == NULL)
    return NULL;
  g_clear_pointer (&mentions, g_ptr_array_unref);
  mentions = cc_entities_extract_dated (text, julian != 0 ? &reference : NULL);
  if (!store_mentions (store, hash, julian, mentions, error))
    {
      g_prefix_error (error, _("Cannot store the entities of “%s”: "),
                      cc_document_get_basename (doc));
      return NULL;
    }
  return g_steal_pointer (&mentions);
}

gboolean
cc_entities_analyze_library (CcStore       *store,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GPtrArray) docs = NULL;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);

  docs = cc_store_list_documents (store, error);
  if (docs == NULL)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      g_autoptr(GPtrArray) mentions = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      mentions = cc_entities_for_document (store, cc_document_get_id (docs->pdata[i]), error);
      if (mentions == NULL)
        return FALSE;
    }
  return TRUE;
}

void
cc_entity_summary_free (CcEntitySummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->canonical);
  g_free (summary);
}

GPtrArray *
cc_entities_summarize (CcStore     *store,
                       GArray      *document_ids,
                       GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_entity_summary_free);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all_docs = NULL;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);

  if (document_ids == NULL)
    {
      all_docs = cc_store_list_documents (store, error);
      if (all_docs == NULL)
        return NULL;
    }

  for (guint d = 0; d < (document_ids ? document_ids->len : all_docs->len); d++)
    {
      gint64 id = document_ids ? g_array_index (document_ids, gint64, d)
                               : cc_document_get_id (all_docs->pdata[d]);
      g_autoptr(GPtrArray) mentions = cc_entities_for_document (store, id, error);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

      if (mentions == NULL)
        return NULL;
      for (guint i = 0; i < mentions->len; i++)
        {
          CcMention *m = mentions->pdata[i];
          g_autofree char *key = g_strdup_printf ("%d\t%s", m->type, m->canonical);
          CcEntitySummary *s = g_hash_table_lookup (index, key);

          if (s == NULL)
            {
              s = g_new0 (CcEntitySummary, 1);
              s->canonical = g_strdup (m->canonical);
              s->type = m->type;
              g_ptr_array_add (out, s);
              g_hash_table_insert (index, g_steal_pointer (&key), s);
            }
          s->mentions++;
          if (!g_hash_table_contains (seen, s))
            {
              g_hash_table_add (seen, s);
              s->documents++;
            }
        }
    }
  return g_steal_pointer (&out);
}

/* Mention and document counts per "TYPE\tcanonical", from the cache: of
 * the whole library when @story_id <= 0, else of one story's documents. */
GHashTable *
cc_entities_story_counts (CcStore  *store,
                          gint64    story_id,
                          GError  **error)
{
  g_autoptr(GHashTable) counts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify)cc_entity_summary_free);
  if (story_id <= 0)
    stmt = cc_store_prepare (store,
                             "SELECT m.type, m.canonical, count(*), count(DISTINCT d.id) "
                             "FROM mentions m JOIN documents d ON d.hash = m.hash "
                             "JOIN analysis a ON a.hash = m.hash AND a.kind = 'entities' "
                             "AND a.version = ?2 GROUP BY m.type, m.canonical", error);
  else
    stmt = cc_store_prepare (store,
                             "SELECT m.type, m.canonical, count(*), count(DISTINCT d.id) "
                             "FROM story_documents sd JOIN documents d ON d.id = sd.document_id "
                             "JOIN mentions m ON m.hash = d.hash "
                             "JOIN analysis a ON a.hash = m.hash AND a.kind = 'entities' "
                             "AND a.version = ?2 WHERE sd.story_id = ?1 "
                             "GROUP BY m.type, m.canonical", error);
  if (stmt == NULL)
    return NULL;
  if (story_id > 0)
    sqlite3_bind_int64 (stmt, 1, story_id);
  sqlite3_bind_int (stmt, 2, CC_ENTITIES_VERSION);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CcEntitySummary *s = g_new0 (CcEntitySummary, 1);
      CcEntityType type = CC_ENTITY_ORG;
      const char *type_str = (const char *)sqlite3_column_text (stmt, 0);

      cc_entity_type_from_string (type_str, &type);
      s->type = type;
      s->canonical = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      s->mentions = sqlite3_column_int (stmt, 2);
      s->documents = sqlite3_column_int (stmt, 3);
      g_hash_table_insert (counts, g_strdup_printf ("%s\t%s", type_str, s->canonical), s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cc_store_set_error (store, error, story_id > 0 ? "cannot count the story's entities"
                                                     : "cannot count entities");
      return NULL;
    }
  return g_steal_pointer (&counts);
}

GHashTable *
cc_entities_library_counts (CcStore  *store,
                            GError  **error)
{
  return cc_entities_story_counts (store, 0, error);
}

GArray *
cc_entities_documents_mentioning (CcStore       *store,
                                  const char    *canonical,
                                  CcEntityType   type,
                                  GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (canonical != NULL, NULL);

  stmt = cc_store_prepare (store,
                           "SELECT DISTINCT d.id FROM documents d JOIN mentions m ON m.hash = d.hash "
                           "WHERE m.canonical = ? AND m.type = ? ORDER BY d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, canonical, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cc_entity_type_to_string (type), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cc_store_set_error (store, error, "cannot find documents");
      return NULL;
    }
  return g_steal_pointer (&ids);
}
