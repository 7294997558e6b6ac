/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Names in the same role across a story (see the header). */

#define G_LOG_DOMAIN "crosscheck-analysis"

#include "config.h"

#include <string.h>

#include "cc-role-names.h"

typedef struct
{
  const CcStatement     *st;
  const CcStatementName *name;
  gboolean               several;  /* the document gives the role to several names */
} Holder;

typedef struct
{
  GArray *holders;  /* Holder, one per document, in document order */
} Role;

static void
role_free (gpointer data)
{
  Role *r = data;

  g_array_unref (r->holders);
  g_free (r);
}

static gboolean
contains_all (const char * const *a,
              const char * const *b)
{
  /* every word of @a is a word of @b */
  for (guint i = 0; a[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; b[k] != NULL && !found; k++)
        found = a[i] == b[k];
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
share_word (const char * const *a,
            const char * const *b)
{
  for (guint i = 0; a[i] != NULL; i++)
    for (guint k = 0; b[k] != NULL; k++)
      if (a[i] == b[k])
        return TRUE;
  return FALSE;
}

/* One person: one name a form of the other ("Daniel Mateiko", "Daniel
 * Kibet Mateiko"), or the same surname. Two names that share only a given
 * name ("Alexander X", "Alexander Y") are two people. */
static gboolean
same_person (const char * const *a,
             const char * const *b)
{
  guint la = 0, lb = 0;

  if (contains_all (a, b) || contains_all (b, a))
    return TRUE;
  if (!share_word (a, b))
    return FALSE;
  while (a[la] != NULL)
    la++;
  while (b[lb] != NULL)
    lb++;
  return la < 2 || lb < 2 || a[la - 1] == b[lb - 1];
}

static gboolean
spelt_alike (const char * const *a,
             const char * const *b)
{
  for (guint i = 0; a[i] != NULL; i++)
    for (guint k = 0; b[k] != NULL; k++)
      if (cc_part_spelling_variants (a[i], b[k]))
        return TRUE;
  return FALSE;
}

static void
note (GHashTable            *roles,
      const char            *role,
      const CcStatement     *st,
      const CcStatementName *name)
{
  g_autofree char *key = g_strdup (role);
  Role *r = g_hash_table_lookup (roles, key);
  Holder *last;

  if (r == NULL)
    {
      r = g_new0 (Role, 1);
      r->holders = g_array_new (FALSE, FALSE, sizeof (Holder));
      g_hash_table_insert (roles, g_steal_pointer (&key), r);
    }
  last = r->holders->len > 0 ? &g_array_index (r->holders, Holder, r->holders->len - 1) : NULL;
  if (last != NULL && last->st->doc == st->doc)
    {
      if (!contains_all (name->tokens, last->name->tokens) &&
          !contains_all (last->name->tokens, name->tokens))
        last->several = TRUE;
      return;
    }
  {
    Holder h = { st, name, FALSE };

    g_array_append_val (r->holders, h);
  }
}

static void
compare_holders (Role   *r,
                 GArray *out)
{
  guint rows = 0;

  for (guint i = 0; i < r->holders->len; i++)
    for (guint j = i + 1; j < r->holders->len && rows < CC_ROLE_NAMES_MAX_ROWS; j++)
      {
        Holder *x = &g_array_index (r->holders, Holder, i);
        Holder *y = &g_array_index (r->holders, Holder, j);
        CcPartDisagreement d = { 0 };

        if (x->several || y->several || same_person (x->name->tokens, y->name->tokens))
          continue;
        d.kind = spelt_alike (x->name->tokens, y->name->tokens) ? CC_DISAGREEMENT_NAMING
                                                                : CC_DISAGREEMENT_CLAIM;
        d.a = x->st;
        d.b = y->st;
        d.a_start = x->name->start;
        d.a_end = x->name->end;
        d.b_start = y->name->start;
        d.b_end = y->name->end;
        d.strength = 0.5;
        /* the title in its own words, not its stem ("open-sourc") */
        d.subject = x->name->title_word;
        d.attribute = "name";
        g_array_append_val (out, d);
        rows++;
      }
}

void
cc_role_names_find (GPtrArray *statements,
                    GArray    *out)
{
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, role_free);
  GHashTableIter iter;
  Role *r;

  for (guint i = 0; i < statements->len; i++)
    {
      const CcStatement *st = g_ptr_array_index (statements, i);

      const CcStatementName *ranked = NULL;
      guint full_names = 0;

      for (guint n = 0; n < st->n_names; n++)
        {
          /* a role's holder is a person named in full ("fire chief Anna
           * Korvel"); one word after an adjective is as often a thing
           * ("the open-source AI landscape") */
          if (st->names[n].title != NULL && st->names[n].title_before != NULL &&
              st->names[n].tokens[0] != NULL && st->names[n].tokens[1] != NULL)
            {
              g_autofree char *role = g_strdup_printf ("%s %s", st->names[n].title_before,
                                                       st->names[n].title);

              note (roles, role, st, &st->names[n]);
            }
          if (st->names[n].tokens[0] != NULL && st->names[n].tokens[1] != NULL)
            {
              ranked = &st->names[n];
              full_names++;
            }
        }
      /* "X finished second", "the second-place finisher, X": the one
       * person named in full in a clause that gives a place */
      if (st->rank != NULL && full_names == 1)
        {
          g_autofree char *role = g_strconcat ("#", st->rank, NULL);

          note (roles, role, st, ranked);
        }
    }
  g_hash_table_iter_init (&iter, roles);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &r))
    if (r->holders->len <= 64)
      compare_holders (r, out);
}
