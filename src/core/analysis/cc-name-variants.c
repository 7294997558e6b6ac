/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Spelling variants of names across a story (see the header). Plain string
 * rules: no name list, no phonetic resource (a phonetic key such as
 * Metaphone would join names that differ in more than spelling). */

#define G_LOG_DOMAIN "crosscheck-analysis"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-name-variants.h"

/* The longest token whose spellings are compared (bytes): the edit
 * distance of cc-part-compare.c stops there. */
#define MAX_TOKEN 64

typedef struct
{
  const char *token;
  GHashTable *neighbours;  /* interned tokens standing next to it in a name */
  GHashTable *first;       /* doc -> index of the first Use */
  GArray     *uses;        /* Use */
} Token;

typedef struct
{
  guint doc;
  const CcStatement *st;
  guint start;
  guint end;
  gboolean full;           /* stands with another token of its name */
} Use;

static void
token_free (gpointer data)
{
  Token *t = data;

  g_hash_table_unref (t->neighbours);
  g_hash_table_unref (t->first);
  g_array_unref (t->uses);
  g_free (t);
}

static Token *
token_get (GHashTable *tokens,
           const char *lex)
{
  Token *t = g_hash_table_lookup (tokens, lex);

  if (t == NULL)
    {
      t = g_new0 (Token, 1);
      t->token = lex;
      t->neighbours = g_hash_table_new (NULL, NULL);
      t->first = g_hash_table_new (NULL, NULL);
      t->uses = g_array_new (FALSE, FALSE, sizeof (Use));
      g_hash_table_insert (tokens, (gpointer) lex, t);
    }
  return t;
}

/* Uses kept per document and token: the row quotes the pair of places
 * whose clauses say most alike. */
#define MAX_USES_PER_DOC 8

static void
note_use (Token             *t,
          const CcStatement *st,
          const CcStatementName *name)
{
  gboolean full = name->tokens[1] != NULL;
  gpointer at;
  Use u = { st->doc, st, name->start, name->end, full };

  if (g_hash_table_lookup_extended (t->first, GUINT_TO_POINTER (st->doc), NULL, &at))
    {
      Use *first = &g_array_index (t->uses, Use, GPOINTER_TO_UINT (at));

      /* (the statements come in document order: a document's uses are
       * together, at the end) */
      if (!first->full && full)
        *first = u;
      else if (full && t->uses->len - GPOINTER_TO_UINT (at) < MAX_USES_PER_DOC)
        g_array_append_val (t->uses, u);
      return;
    }
  g_hash_table_insert (t->first, GUINT_TO_POINTER (st->doc), GUINT_TO_POINTER (t->uses->len));
  g_array_append_val (t->uses, u);
}

static GHashTable *
collect (GPtrArray *statements)
{
  GHashTable *tokens = g_hash_table_new_full (NULL, NULL, NULL, token_free);

  for (guint i = 0; i < statements->len; i++)
    {
      const CcStatement *st = g_ptr_array_index (statements, i);

      for (guint n = 0; n < st->n_names; n++)
        {
          const CcStatementName *name = &st->names[n];

          for (guint k = 0; name->tokens[k] != NULL; k++)
            {
              Token *t;

              if (strlen (name->tokens[k]) < 4)
                continue;
              t = token_get (tokens, name->tokens[k]);
              note_use (t, st, name);
              if (k > 0)
                g_hash_table_add (t->neighbours, (gpointer) name->tokens[k - 1]);
              if (name->tokens[k + 1] != NULL)
                g_hash_table_add (t->neighbours, (gpointer) name->tokens[k + 1]);
            }
        }
    }
  return tokens;
}

static void
add_key (GHashTable *buckets,
         char       *key,
         Token      *t)
{
  GPtrArray *bucket = g_hash_table_lookup (buckets, key);

  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (buckets, key, bucket);
    }
  else
    g_free (key);
  if (bucket->len <= CC_NAME_VARIANTS_MAX_BUCKET &&
      (bucket->len == 0 || g_ptr_array_index (bucket, bucket->len - 1) != t))
    g_ptr_array_add (bucket, t);
}

/* Every token under itself and its deletions of one letter (two for long
 * tokens): tokens one or two edits apart share a key. */
static GHashTable *
deletion_index (GHashTable *tokens)
{
  GHashTable *buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  Token *t;

  g_hash_table_iter_init (&iter, tokens);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &t))
    {
      gsize len = strlen (t->token);

      /* A token longer than MAX_TOKEN is no variant of anything (see
       * cc_part_spelling_variants()); its deletions would cost its length
       * cubed (a base64 blob, a run of capitals). */
      if (len > MAX_TOKEN)
        continue;
      add_key (buckets, g_strdup (t->token), t);
      for (gsize i = 0; i < len; i++)
        {
          char *one = g_strdup (t->token);

          memmove (one + i, one + i + 1, len - i);
          if (len >= 7)
            for (gsize j = i; j + 1 < len; j++)
              {
                char *two = g_strdup (one);

                memmove (two + j, two + j + 1, len - 1 - j);
                add_key (buckets, two, t);
              }
          add_key (buckets, one, t);
        }
    }
  return buckets;
}

static gboolean
share_neighbour (Token *x,
                 Token *y)
{
  GHashTableIter iter;
  gpointer n;

  g_hash_table_iter_init (&iter, x->neighbours);
  while (g_hash_table_iter_next (&iter, &n, NULL))
    if (g_hash_table_contains (y->neighbours, n))
      return TRUE;
  return FALSE;
}

static guint
shared_terms (const CcStatement *a,
              const CcStatement *b)
{
  guint n = 0;

  for (guint i = 0; i < a->n_terms; i++)
    for (guint k = 0; k < b->n_terms; k++)
      if (a->terms[i] == b->terms[k])
        n++;
  return n;
}

/* The uses of one document: from its first, while the document is the same. */
static guint
uses_end (Token *t,
          guint  from)
{
  guint end = from;

  while (end < t->uses->len && g_array_index (t->uses, Use, end).doc ==
                                 g_array_index (t->uses, Use, from).doc)
    end++;
  return end;
}

static void
emit (Token  *x,
      Token  *y,
      GArray *out)
{
  guint rows = 0;

  for (guint i = 0; i < x->uses->len; i = uses_end (x, i))
    {
      Use *ux = &g_array_index (x->uses, Use, i);

      if (g_hash_table_contains (y->first, GUINT_TO_POINTER (ux->doc)))
        continue;
      for (guint j = 0; j < y->uses->len && rows < CC_NAME_VARIANTS_MAX_ROWS; j = uses_end (y, j))
        {
          Use *uy = &g_array_index (y->uses, Use, j);
          gboolean x_first = ux->doc < uy->doc;
          CcPartDisagreement d = { CC_DISAGREEMENT_NAMING, NULL, NULL, 0, 0, 0, 0, 1.0, x->token, "name" };
          double best = 0;
          Use *bx = ux, *by = uy;

          if (g_hash_table_contains (x->first, GUINT_TO_POINTER (uy->doc)))
            continue;
          /* the two places whose clauses are most alike (the cosine of
           * their terms) */
          for (guint a = i; a < uses_end (x, i); a++)
            for (guint b = j; b < uses_end (y, j); b++)
              {
                Use *ua = &g_array_index (x->uses, Use, a);
                Use *ub = &g_array_index (y->uses, Use, b);
                double shared = shared_terms (ua->st, ub->st) /
                                sqrt (MAX (ua->st->n_terms, 1) * (double) MAX (ub->st->n_terms, 1));

                if (shared > best)
                  best = shared, bx = ua, by = ub;
              }
          d.a = x_first ? bx->st : by->st;
          d.b = x_first ? by->st : bx->st;
          d.a_start = x_first ? bx->start : by->start;
          d.a_end = x_first ? bx->end : by->end;
          d.b_start = x_first ? by->start : bx->start;
          d.b_end = x_first ? by->end : bx->end;
          g_array_append_val (out, d);
          rows++;
        }
    }
}

void
cc_name_variants_find (GPtrArray *statements,
                       GArray    *out)
{
  g_autoptr(GHashTable) tokens = collect (statements);
  g_autoptr(GHashTable) buckets = deletion_index (tokens);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  GPtrArray *bucket;

  g_hash_table_iter_init (&iter, buckets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &bucket))
    {
      if (bucket->len > CC_NAME_VARIANTS_MAX_BUCKET)
        continue;
      for (guint i = 0; i < bucket->len; i++)
        for (guint j = i + 1; j < bucket->len; j++)
          {
            Token *x = g_ptr_array_index (bucket, i);
            Token *y = g_ptr_array_index (bucket, j);
            char *key;

            if (strcmp (x->token, y->token) > 0)
              {
                Token *t = x;
                x = y;
                y = t;
              }
            key = g_strconcat (x->token, "\t", y->token, NULL);
            if (g_hash_table_contains (done, key))
              {
                g_free (key);
                continue;
              }
            g_hash_table_add (done, key);
            g_ptr_array_add (keys, key);
            if (cc_part_spelling_variants (x->token, y->token) && share_neighbour (x, y))
              emit (x, y, out);
          }
    }
}
