/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Comparing two lined-up statements part by part. Plain rules over the
 * parts found by cc-statement.c; no resource beyond them. */

#define G_LOG_DOMAIN "crosscheck-analysis"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-part-compare.h"

/* Similarity above which two statements are taken for the same sentence
 * (wire copy, light edit): names and state are then compared too. */
#define SAME_SENTENCE 0.5
/* Similarity above which a clause and its denial are one statement. */
#define SAME_STATEMENT 0.65
/* Values more than this factor apart are different facts, not a
 * disagreement ("34 seconds" and "2:01:09"). */
#define FAR_APART 2.0

const char *
cc_disagreement_kind_to_string (CcDisagreementKind kind)
{
  switch (kind)
    {
    case CC_DISAGREEMENT_NUMERIC:
      return "numeric";
    case CC_DISAGREEMENT_DATE:
      return "date";
    case CC_DISAGREEMENT_NAMING:
      return "naming";
    case CC_DISAGREEMENT_CLAIM:
    default:
      return "claim";
    }
}

static const char *
slot_key (const CcStatementValue *v)
{
  if (v->measure)
    return v->role;
  return v->anchor;
}

static char *
stated_key (guint                   doc,
            const CcStatementValue *v)
{
  const char *key = slot_key (v);

  if (key == NULL)
    return NULL;
  return g_strdup_printf ("%u|%d|%p|%.9g|%.9g", doc, v->kind, key, v->low, v->high);
}

static gboolean
doc_stated (const CcPartContext    *context,
            guint                   doc,
            const CcStatementValue *v)
{
  g_autofree char *key = stated_key (doc, v);

  return key != NULL && g_hash_table_contains (context->stated, key);
}

void
cc_part_context_clear (CcPartContext *context)
{
  g_clear_pointer (&context->stated, g_hash_table_unref);
  g_clear_pointer (&context->weekdays, g_array_unref);
}

/* The weekday (1 Monday .. 7 Sunday) of calendar day @month_day of
 * @year, or 0. */
static guint
weekday_of (double year,
            double month_day)
{
  guint month = (guint) (month_day / 100);
  guint day = (guint) month_day % 100;

  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, (GDateYear) year))
    return 0;
  {
    g_autoptr(GDate) date = g_date_new_dmy (day, month, (GDateYear) year);

    return g_date_get_weekday (date);
  }
}

/* What a bare weekday ("early on Wednesday") stands for in each document:
 * the one calendar day on that weekday that the document names, else the
 * one that the story names, in the story's year. News dates its events
 * in the week it reports, so a weekday is the day of that week. */
static void
resolve_weekdays (CcPartContext *context,
                  GPtrArray     *statements,
                  guint          n_docs)
{
  /* per document (and the story as document n_docs): the day found for
   * each weekday, or -1 when there are several */
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (double));

  context->weekdays = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (context->weekdays, 8 * n_docs);
  if (context->main_year == 0)
    return;
  g_array_set_size (found, 8 * (n_docs + 1));
  for (guint i = 0; i < statements->len; i++)
    {
      CcStatement *st = g_ptr_array_index (statements, i);

      for (guint k = 0; k < st->n_values; k++)
        {
          const CcStatementValue *v = &st->values[k];
          guint w;

          if (v->kind != CC_PART_DAY || (w = weekday_of (context->main_year, v->low)) == 0)
            continue;
          for (guint scope = 0; scope < 2; scope++)
            {
              double *slot = &g_array_index (found, double, 8 * (scope == 0 ? st->doc : n_docs) + w);

              if (*slot == 0)
                *slot = v->low;
              else if (*slot != v->low)
                *slot = -1;
            }
        }
    }
  for (guint d = 0; d < n_docs; d++)
    for (guint w = 1; w <= 7; w++)
      {
        double own = g_array_index (found, double, 8 * d + w);
        double story = g_array_index (found, double, 8 * n_docs + w);

        g_array_index (context->weekdays, double, 8 * d + w) = own != 0 ? MAX (own, 0) : MAX (story, 0);
      }
}

/* The story's own year: the latest that at least two documents name (news
 * reports the latest round; older years are background). */
void
cc_part_context_init (CcPartContext *context,
                      GPtrArray     *statements)
{
  g_autoptr(GHashTable) docs = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint n_docs = 0;

  context->main_year = 0;
  context->statements = statements;
  context->stated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < statements->len; i++)
    {
      CcStatement *st = g_ptr_array_index (statements, i);

      n_docs = MAX (n_docs, st->doc + 1);
      for (guint k = 0; k < st->n_values; k++)
        {
          char *key = stated_key (st->doc, &st->values[k]);

          if (key != NULL)
            g_hash_table_add (context->stated, key);
        }
      for (guint k = 0; k < st->n_values; k++)
        if (st->values[k].kind == CC_PART_YEAR)
          {
            gpointer year = GUINT_TO_POINTER ((guint) st->values[k].low);
            guint last = GPOINTER_TO_UINT (g_hash_table_lookup (docs, year));

            /* documents are in order: count each once (stored as doc + 1) */
            if (last != st->doc + 1)
              {
                guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, year)) + 1;

                g_hash_table_insert (counts, year, GUINT_TO_POINTER (n));
                g_hash_table_insert (docs, year, GUINT_TO_POINTER (st->doc + 1));
              }
          }
    }
  {
    GHashTableIter iter;
    gpointer year, n;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &year, &n))
      if ((GPOINTER_TO_UINT (n) >= 2 || n_docs < 2) && GPOINTER_TO_UINT (year) > context->main_year)
        context->main_year = GPOINTER_TO_UINT (year);
    context->prev_year = 0;
    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &year, &n))
      if (GPOINTER_TO_UINT (year) < context->main_year && GPOINTER_TO_UINT (year) > context->prev_year)
        context->prev_year = GPOINTER_TO_UINT (year);
  }
  resolve_weekdays (context, statements, n_docs);
}

/* ---- time qualifiers ---- */

static gboolean anchors_match (const char *x,
                               const char *y);

/* The year a value is said of: its own, else the round before the story's
 * when it is said of an earlier round ("the last election": the latest
 * earlier year the story names, or some unknown earlier one), else the
 * story's own (0). */
static double
effective_year (const CcPartContext    *context,
                const CcStatementValue *v)
{
  if (v->year != 0 && v->year != context->main_year)
    return v->year;
  if (v->past)
    return context->prev_year != 0 ? context->prev_year : -1;
  return 0;
}

/* Different facts: said of different years (the story's own year counts
 * as none) or of an earlier round on one side only. */
static gboolean
other_time_values (const CcPartContext    *context,
                   const CcStatementValue *x,
                   const CcStatementValue *y)
{
  double ex = effective_year (context, x);
  double ey = effective_year (context, y);

  /* another scope ("On the X index, ..." and "On the Y test, ...") is
   * another fact */
  if (x->scope != NULL && y->scope != NULL && !anchors_match (x->scope, y->scope))
    return TRUE;
  /* (a calendar day carries its own time: "June 5 of the previous year") */
  if (x->kind == CC_PART_DAY)
    return FALSE;
  return ex != ey;
}

/* ---- sentences ---- */

/* The clauses of the sentence of @st, as story indices [*from, *to):
 * those within a few clauses of it (a run-on table is not read whole for
 * each comparison). */
static void
sentence_clauses (const CcPartContext *context,
                  const CcStatement   *st,
                  guint               *from,
                  guint               *to)
{
  if (context->statements == NULL)
    {
      *from = st->index;
      *to = st->index + 1;
      return;
    }
  *from = MAX (st->first_clause, st->index >= 4 ? st->index - 4 : 0);
  *to = MIN (st->first_clause + st->n_clauses, st->index + 5);
}

static const CcStatement *
clause_at (const CcPartContext *context,
           const CcStatement   *st,
           guint                c)
{
  return context->statements != NULL ? g_ptr_array_index (context->statements, c) : st;
}

/* ---- values ---- */

static gboolean
in_list (const char * const *list,
         const char         *item)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (list[i] == item)
      return TRUE;
  return FALSE;
}

/* @short is one word made of the initials of the words of @name ("bjp",
 * "bharatiya janata party"). */
static gboolean
is_acronym_of (const char *short_form,
               const char *name)
{
  gsize n = 0, len = strlen (short_form);
  const char *p = name;

  if (len < 2 || strchr (short_form, ' ') != NULL)
    return FALSE;
  while (*p != '\0')
    {
      if (n >= len || *p != short_form[n])
        return FALSE;
      n++;
      p = strchr (p, ' ');
      if (p == NULL)
        break;
      p++;
    }
  return n == len && n >= 2;
}

/* The same name, or one a longer form of the other ("INDIA", "Opposition
 * INDIA"; "Kipchoge", "Eliud Kipchoge"). */
static gboolean
anchors_match (const char *x,
               const char *y)
{
  gsize lx, ly;

  if (x == NULL || y == NULL)
    return FALSE;
  if (x == y)
    return TRUE;
  if (is_acronym_of (x, y) || is_acronym_of (y, x))
    return TRUE;
  lx = strlen (x);
  ly = strlen (y);
  if (lx > ly)
    return y[0] != '\0' && g_str_has_suffix (x, y) && x[lx - ly - 1] == ' ';
  return x[0] != '\0' && g_str_has_suffix (y, x) && y[ly - lx - 1] == ' ';
}

static gboolean
same_slot (const CcStatementValue *x,
           const CcStatementValue *y)
{
  double big, small;

  if (x->kind != y->kind || x->label || y->label)
    return FALSE;
  big = MAX (fabs (x->high), fabs (y->high));
  small = MIN (fabs (x->low), fabs (y->low));
  if (x->kind != CC_PART_DAY && big > FAR_APART * MAX (small, 1e-9))
    return FALSE;
  if (x->role != y->role && ((*x->role != '\0' && *y->role != '\0') || x->kind == CC_PART_DURATION))
    return FALSE;
  /* A figure in a unit says what it measures: the same unit in lined-up
   * clauses is the same measure, whatever names stand near it. */
  if (x->role == y->role && x->measure)
    return TRUE;
  /* A count or a bare figure ("NDA 292") is the figure of the name it
   * follows: the same name on both sides. */
  return anchors_match (x->anchor, y->anchor);
}

/* Calendar days (month * 100 + day) further apart than this, in clauses
 * that are not nearly the same sentence, are dates of different events
 * ("the vote began on April 19", "counting ended on June 5"): a date
 * disagreement in reporting is a slip of a day or two. */
#define MAX_DATE_SLIP 3

static double
day_number (double month_day)
{
  double month = floor (month_day / 100);

  return month * 31 + (month_day - month * 100);
}

static gboolean
days_far_apart (const CcStatementValue *x,
                const CcStatementValue *y)
{
  return x->kind == CC_PART_DAY &&
         fabs (day_number (x->low) - day_number (y->low)) > MAX_DATE_SLIP;
}

static gboolean
agrees_with_any (const CcPartContext    *context,
                 const CcStatementValue *v,
                 const CcStatement      *clause)
{
  /* any value of the sentence of @clause, within a few clauses of it (a
   * run-on table is not read whole for each comparison) */
  guint from = MAX (clause->first_clause, clause->index >= 4 ? clause->index - 4 : 0);
  guint to = MIN (clause->first_clause + clause->n_clauses, clause->index + 5);

  for (guint c = from; c < to || context->statements == NULL; c++)
    {
      const CcStatement *st = context->statements != NULL
                                ? g_ptr_array_index (context->statements, c)
                                : clause;

      for (guint k = 0; k < st->n_values; k++)
        {
          const CcStatementValue *w = &st->values[k];

          /* (a figure said of another name in a list does not count) */
          if (w->kind == v->kind && cc_statement_values_agree (v, w) &&
              (st == clause || v->anchor == NULL || w->anchor == NULL ||
               anchors_match (v->anchor, w->anchor)))
            return TRUE;
        }
      if (context->statements == NULL)
        break;
    }
  return FALSE;
}

static void
add (GArray             *out,
     CcDisagreementKind  kind,
     const CcStatement  *a,
     guint               as,
     guint               ae,
     const CcStatement  *b,
     guint               bs,
     guint               be,
     double              strength,
     const char         *subject,
     const char         *attribute)
{
  CcPartDisagreement d = { kind, a, b, as, ae, bs, be, strength, subject, attribute };

  g_array_append_val (out, d);
}

static void
compare_values (const CcPartContext *context,
                const CcStatement   *a,
                const CcStatement   *b,
                double               similarity,
                GArray              *out)
{
  for (guint i = 0; i < a->n_values; i++)
    {
      const CcStatementValue *x = &a->values[i];
      const CcStatementValue *pick = NULL;
      guint slots = 0;

      if (x->kind == CC_PART_YEAR || x->kind == CC_PART_CLOCK || x->kind == CC_PART_WEEKDAY)
        continue;
      /* a forecast is not contradicted by the result */
      if (a->projected || b->projected)
        continue;
      if (agrees_with_any (context, x, b))
        continue;
      for (guint j = 0; j < b->n_values; j++)
        {
          const CcStatementValue *y = &b->values[j];

          if (!same_slot (x, y) || other_time_values (context, x, y) ||
              (similarity < SAME_SENTENCE && days_far_apart (x, y)))
            continue;
          slots++;
          if (!agrees_with_any (context, y, a) && !doc_stated (context, a->doc, y) &&
              !doc_stated (context, b->doc, x))
            pick = y;
        }
      /* One counterpart in the same role, and it stands for nothing else. */
      if (pick != NULL && slots == 1)
        add (out, x->kind == CC_PART_DAY ? CC_DISAGREEMENT_DATE : CC_DISAGREEMENT_NUMERIC,
             a, x->start, x->end, b, pick->start, pick->end, similarity,
             x->anchor != NULL ? x->anchor : "", x->role);
    }
}

/* The clauses of @clause's sentence within a few of it: a run-on
 * "sentence" (a table, a line with no full stop) is not read whole for
 * each pair of its clauses. */
static void
sentence_window (const CcPartContext *context,
                 const CcStatement   *clause,
                 guint               *from,
                 guint               *to)
{
  if (context->statements == NULL)
    {
      *from = clause->index;
      *to = clause->index + 1;
      return;
    }
  *from = MAX (clause->first_clause, clause->index >= 4 ? clause->index - 4 : 0);
  *to = MIN (clause->first_clause + clause->n_clauses, clause->index + 5);
}

/* The one weekday a sentence names, or NULL (none, or several). */
static const CcStatementValue *
sentence_weekday (const CcPartContext *context,
                  const CcStatement   *clause)
{
  const CcStatementValue *day = NULL;
  guint from, to;

  sentence_window (context, clause, &from, &to);
  for (guint c = from; c < to; c++)
    {
      const CcStatement *st = context->statements != NULL
                                ? g_ptr_array_index (context->statements, c)
                                : clause;

      for (guint k = 0; k < st->n_values; k++)
        if (st->values[k].kind == CC_PART_WEEKDAY)
          {
            if (day != NULL && day->low != st->values[k].low)
              return NULL;
            day = &st->values[k];
          }
    }
  return day;
}

#define MINUTES_A_DAY 1440

/* The day (0..6) of the week on which clock time @t of weekday @day falls
 * in universal time, with the zone taken @shift minutes further ahead; -1
 * when @t and @u do not name the same moment of the day. */
static int
utc_day (const CcStatementValue *t,
         int                     t_shift,
         double                  day,
         const CcStatementValue *u,
         int                     u_shift)
{
  double tu = t->low - (t->zoned ? t->zone + t_shift : 0);
  double uu = u->low - (u->zoned ? u->zone + u_shift : 0);

  if (fmod (fabs (tu - uu), MINUTES_A_DAY) > 0.5)
    return -1;
  return (int) fmod (day + floor (tu / MINUTES_A_DAY) + 7 * 2, 7);
}

/* Whether clock times @t (on weekday @dt) and @u (on @du) are the same
 * moment of the day, and if so whether they fall on different days:
 * "Tuesday at 10:35 AM (IST)" is "Tuesday at 1:05 a.m. ET", which
 * "Wednesday at 1.05 am ET" contradicts. */
static gboolean
clocks_differ_in_day (const CcStatementValue *t,
                      double                  dt,
                      const CcStatementValue *u,
                      double                  du,
                      gboolean               *same_moment)
{
  /* a zone on one side only: the moment is not known */
  if (t->kind != CC_PART_CLOCK || u->kind != CC_PART_CLOCK || t->zoned != u->zoned)
    return FALSE;
  for (int ts = 0; ts <= (t->zone_dst ? 60 : 0); ts += 60)
    for (int us = 0; us <= (u->zone_dst ? 60 : 0); us += 60)
      {
        int x = utc_day (t, ts, dt, u, us);

        if (x < 0)
          continue;
        *same_moment = TRUE;
        if (x == utc_day (u, us, du, t, ts))
          return FALSE;
      }
  return *same_moment;
}

/* The clause pair's sentences give the same clock time of their event on
 * different weekdays. */
static gboolean
same_moment_other_day (const CcPartContext    *context,
                       const CcStatement      *a,
                       const CcStatementValue *x,
                       const CcStatement      *b,
                       const CcStatementValue *y)
{
  guint from, to, b_from, b_to;
  gboolean same_moment = FALSE;

  if (context->statements == NULL)
    return FALSE;
  sentence_window (context, a, &from, &to);
  sentence_window (context, b, &b_from, &b_to);
  for (guint c = from; c < to; c++)
    {
      const CcStatement *sa = g_ptr_array_index (context->statements, c);

      for (guint k = 0; k < sa->n_values; k++)
        for (guint d = b_from; d < b_to; d++)
          {
            const CcStatement *sb = g_ptr_array_index (context->statements, d);

            for (guint l = 0; l < sb->n_values; l++)
              if (clocks_differ_in_day (&sa->values[k], x->low, &sb->values[l], y->low,
                                        &same_moment))
                return TRUE;
          }
    }
  return FALSE;
}

static void
compare_weekdays (const CcPartContext *context,
                  const CcStatement   *a,
                  const CcStatement   *b,
                  double               similarity,
                  GArray              *out)
{
  const CcStatementValue *x = NULL, *y = NULL;
  guint nx = 0, ny = 0;

  for (guint k = 0; k < a->n_values; k++)
    if (a->values[k].kind == CC_PART_WEEKDAY)
      x = &a->values[k], nx++;
  for (guint k = 0; k < b->n_values; k++)
    if (b->values[k].kind == CC_PART_WEEKDAY)
      y = &b->values[k], ny++;
  if (similarity >= SAME_SENTENCE)
    {
      if (nx == 1 && ny == 1 && x->low != y->low)
        add (out, CC_DISAGREEMENT_DATE, a, x->start, x->end, b, y->start, y->end, similarity,
             "", "weekday");
      return;
    }
  /* Worded differently: the same moment of the day, on another day. Once
   * per sentence pair (from its first clause pair). */
  x = sentence_weekday (context, a);
  y = sentence_weekday (context, b);
  if (x != NULL && y != NULL && same_moment_other_day (context, a, x, b, y))
    add (out, CC_DISAGREEMENT_DATE, a, x->start, x->end, b, y->start, y->end, similarity,
         "", "weekday");
}

/* The one calendar day a sentence gives (its one date, else its one
 * weekday resolved), with the value that gives it, and whether it names
 * a weekday; 0 when none or several. */
static double
sentence_day (const CcPartContext     *context,
              const CcStatement       *clause,
              const CcStatementValue **value,
              gboolean                *from_weekday)
{
  const CcStatementValue *day = NULL, *weekday = NULL;
  guint from, to;

  sentence_clauses (context, clause, &from, &to);
  for (guint c = from; c < to; c++)
    {
      const CcStatement *st = clause_at (context, clause, c);

      for (guint k = 0; k < st->n_values; k++)
        {
          const CcStatementValue *v = &st->values[k];
          const CcStatementValue **slot = v->kind == CC_PART_DAY ? &day
                                          : v->kind == CC_PART_WEEKDAY ? &weekday : NULL;

          if (slot == NULL)
            continue;
          if (*slot != NULL && (*slot)->low != v->low)
            return 0;
          *slot = v;
        }
    }
  *from_weekday = weekday != NULL;
  if (day != NULL)
    {
      *value = day;
      return day->low;
    }
  if (weekday == NULL || context->weekdays == NULL ||
      8 * clause->doc + 8 > context->weekdays->len)
    return 0;
  *value = weekday;
  return g_array_index (context->weekdays, double, 8 * clause->doc + (guint) weekday->low);
}

/* Nearly the same sentence, dated a day or two apart, by a date or a
 * weekday: "results declared early on Wednesday" (June 5 in that story)
 * against "results declared on June 4". */
static void
compare_weekday_dates (const CcPartContext *context,
                       const CcStatement   *a,
                       const CcStatement   *b,
                       double               similarity,
                       GArray              *out)
{
  const CcStatementValue *x = NULL, *y = NULL;
  gboolean wx = FALSE, wy = FALSE;
  double dx, dy;

  if (similarity < SAME_SENTENCE || context->statements == NULL)
    return;
  dx = sentence_day (context, a, &x, &wx);
  dy = sentence_day (context, b, &y, &wy);
  /* (two weekdays alone are compare_weekdays()' part) */
  if (dx == 0 || dy == 0 || dx == dy || (x->kind == CC_PART_WEEKDAY && y->kind == CC_PART_WEEKDAY))
    return;
  if (fabs (day_number (dx) - day_number (dy)) > MAX_DATE_SLIP)
    return;
  add (out, CC_DISAGREEMENT_DATE, a, x->start, x->end, b, y->start, y->end, similarity, "", "day");
}

/* ---- names ---- */

static guint
edit_distance (const char *a,
               const char *b)
{
  /* Levenshtein distance over bytes, for short words (two rows). */
  gsize la = strlen (a), lb = strlen (b);
  guint row[65], prev[65];

  if (la > 64 || lb > 64)
    return G_MAXUINT;
  for (gsize j = 0; j <= lb; j++)
    prev[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (prev[j] + 1, row[j - 1] + 1), prev[j - 1] + cost);
        }
      memcpy (prev, row, sizeof (guint) * (lb + 1));
    }
  return prev[lb];
}

gboolean
cc_part_spelling_variants (const char *a,
                           const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint d;

  if (a == b || strcmp (a, b) == 0 || MIN (la, lb) < 4)
    return FALSE;
  if (g_str_has_prefix (a, b) || g_str_has_prefix (b, a))
    return FALSE;
  d = edit_distance (a, b);
  return d == 1 || (d == 2 && MIN (la, lb) >= 7);
}

static gboolean
name_in (const CcStatementName *n,
         const CcStatement     *st)
{
  for (guint i = 0; i < st->n_names; i++)
    for (guint k = 0; st->names[i].tokens[k] != NULL; k++)
      if (in_list (n->tokens, st->names[i].tokens[k]))
        return TRUE;
  return FALSE;
}

static gboolean
names_alike (const CcStatementName *x,
             const CcStatementName *y)
{
  for (guint i = 0; x->tokens[i] != NULL; i++)
    for (guint k = 0; y->tokens[k] != NULL; k++)
      if (cc_part_spelling_variants (x->tokens[i], y->tokens[k]))
        return TRUE;
  return FALSE;
}

static void
compare_names (const CcStatement *a,
               const CcStatement *b,
               double             similarity,
               GArray            *out)
{
  /* In nearly the same sentence, a name in the same place (after the same
   * word) that the other side does not have. */
  for (guint i = 0; i < a->n_names; i++)
    {
      const CcStatementName *x = &a->names[i];

      if (x->before == NULL || name_in (x, b))
        continue;
      for (guint j = 0; j < b->n_names; j++)
        {
          const CcStatementName *y = &b->names[j];

          if (y->before != x->before || name_in (y, a))
            continue;
          add (out, names_alike (x, y) ? CC_DISAGREEMENT_NAMING : CC_DISAGREEMENT_CLAIM,
               a, x->start, x->end, b, y->start, y->end, similarity, "", "name");
          break;
        }
    }
}

/* ---- the whole and a part of it; a contest going on and decided ---- */

static gboolean
sentence_has_term (const CcPartContext *context,
                   const CcStatement   *st,
                   const char          *term)
{
  guint from, to;

  sentence_clauses (context, st, &from, &to);
  for (guint c = from; c < to; c++)
    {
      const CcStatement *cl = clause_at (context, st, c);

      for (guint k = 0; k < cl->n_terms; k++)
        if (cl->terms[k] == term)
          return TRUE;
    }
  return FALSE;
}

/* Similarity from which "all 543" in one sentence and "542 of the 543"
 * in the other speak of the same whole; a bare "543" needs nearly the
 * same sentence. */
#define WHOLE_SIMILARITY 0.3

/* "Results for 542 of the 543 constituencies" against "results for all
 * (543) constituencies": a part is not the whole. */
static void
compare_whole (const CcPartContext *context,
               const CcStatement   *a,
               const CcStatement   *b,
               double               similarity,
               GArray              *out)
{
  if (similarity < WHOLE_SIMILARITY)
    return;
  for (guint i = 0; i < a->n_values; i++)
    {
      const CcStatementValue *p = &a->values[i];
      const CcStatementValue *total = NULL, *whole = NULL;
      const CcStatement *all = NULL;
      gboolean has_part = FALSE;
      guint from, to;

      if (p->of_total <= 0)
        continue;
      for (guint k = i + 1; k < a->n_values && total == NULL; k++)
        if ((float) a->values[k].low == p->of_total)
          total = &a->values[k];
      if (total == NULL)
        continue;
      sentence_clauses (context, b, &from, &to);
      for (guint c = from; c < to; c++)
        {
          const CcStatement *cl = clause_at (context, b, c);

          for (guint k = 0; k < cl->n_values; k++)
            {
              const CcStatementValue *w = &cl->values[k];

              if (w->kind != CC_PART_NUMBER)
                continue;
              if (w->low == p->low || w->of_total > 0)
                has_part = TRUE;
              else if ((float) w->low == p->of_total && whole == NULL)
                whole = w;
            }
          if (cl->all_noun != NULL && all == NULL && sentence_has_term (context, a, cl->all_noun))
            all = cl;
        }
      if (has_part)
        continue;
      if (all != NULL)
        add (out, CC_DISAGREEMENT_CLAIM, a, p->start, total->end, all,
             all->all_start, whole != NULL ? MAX (all->all_end, whole->end) : all->all_end,
             similarity, p->anchor != NULL ? p->anchor : "", "whole");
      else if (whole != NULL && similarity >= SAME_SENTENCE)
        add (out, CC_DISAGREEMENT_CLAIM, a, p->start, total->end, b, whole->start, whole->end,
             similarity, p->anchor != NULL ? p->anchor : "", "whole");
    }
}

static gboolean
in_stems (const CcPartContext *context,
          const CcStatement   *st,
          const char * const  *stems)
{
  guint from, to;

  sentence_clauses (context, st, &from, &to);
  for (guint c = from; c < to; c++)
    {
      const CcStatement *cl = clause_at (context, st, c);

      for (guint k = 0; k < cl->n_terms; k++)
        for (guint s = 0; stems[s] != NULL; s++)
          if (strcmp (cl->terms[k], stems[s]) == 0)
            return TRUE;
    }
  return FALSE;
}

/* Name words the sentences of @a and @b share. */
static guint
shared_names (const CcPartContext *context,
              const CcStatement   *a,
              const CcStatement   *b)
{
  g_autoptr(GHashTable) in_b = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint from, to, n = 0;

  sentence_clauses (context, b, &from, &to);
  for (guint c = from; c < to; c++)
    {
      const CcStatement *cl = clause_at (context, b, c);

      for (guint i = 0; i < cl->n_names; i++)
        for (guint k = 0; cl->names[i].tokens[k] != NULL; k++)
          g_hash_table_add (in_b, (gpointer) cl->names[i].tokens[k]);
    }
  sentence_clauses (context, a, &from, &to);
  for (guint c = from; c < to; c++)
    {
      const CcStatement *cl = clause_at (context, a, c);

      for (guint i = 0; i < cl->n_names; i++)
        for (guint k = 0; cl->names[i].tokens[k] != NULL; k++)
          {
            const char *t = cl->names[i].tokens[k];

            if (g_hash_table_contains (in_b, t) && !g_hash_table_contains (seen, t))
              {
                g_hash_table_add (seen, (gpointer) t);
                n++;
              }
          }
    }
  return n;
}

/* The same contest between the same people, going on in one ("leads",
 * "is ahead", "trailing") and decided in the other ("defeated", "beat"):
 * English verbs of contests, nothing of any story. */
static void
compare_outcome (const CcPartContext *context,
                 const CcStatement   *a,
                 const CcStatement   *b,
                 double               similarity,
                 GArray              *out)
{
  static const char * const going[] = { "lead", "ahead", "trail", NULL };
  static const char * const decided[] = { "defeat", "beat", "won", "oust", "unseat", NULL };

  if (similarity < SAME_SENTENCE || shared_names (context, a, b) < 2)
    return;
  if (in_stems (context, a, going) && !in_stems (context, a, decided) &&
      in_stems (context, b, decided) && !in_stems (context, b, going))
    add (out, CC_DISAGREEMENT_CLAIM, a, a->clause_start, a->clause_end, b, b->clause_start,
         b->clause_end, similarity, "", "state");
  else if (in_stems (context, b, going) && !in_stems (context, b, decided) &&
           in_stems (context, a, decided) && !in_stems (context, a, going))
    add (out, CC_DISAGREEMENT_CLAIM, a, a->clause_start, a->clause_end, b, b->clause_start,
         b->clause_end, similarity, "", "state");
}

void
cc_part_compare (const CcPartContext *context,
                 const CcStatement   *a,
                 const CcStatement   *b,
                 double               similarity,
                 GArray              *out)
{
  compare_values (context, a, b, similarity, out);
  compare_weekdays (context, a, b, similarity, out);
  compare_weekday_dates (context, a, b, similarity, out);
  compare_whole (context, a, b, similarity, out);
  compare_whole (context, b, a, similarity, out);
  compare_outcome (context, a, b, similarity, out);
  if (similarity < SAME_SENTENCE)
    return;
  compare_names (a, b, similarity, out);
  /* the same statement, said and denied */
  if (a->negated != b->negated && similarity >= SAME_STATEMENT && a->n_terms >= 4 && b->n_terms >= 4)
    add (out, CC_DISAGREEMENT_CLAIM, a, a->start, a->end, b, b->start, b->end, similarity,
         "", "state");
}

/* ---- near-miss figures ---- */

/* The smallest figure that a figure further off than CC_PART_NEAR_RATIO
 * in the same unit may be a near miss of. */
#define NEAR_MIN_FIGURE 10

typedef struct
{
  const char             *key;   /* interned: the role or the name */
  const CcStatementValue *v;
  const CcStatement      *st;
} Slot;

static int
slot_cmp (gconstpointer a,
          gconstpointer b)
{
  const Slot *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  if (x->v->kind != y->v->kind)
    return x->v->kind < y->v->kind ? -1 : 1;
  return (x->v->low > y->v->low) - (x->v->low < y->v->low);
}

static gboolean
share_term (const CcStatement *a,
            const CcStatement *b,
            const char        *except)
{
  for (guint i = 0; i < a->n_terms; i++)
    for (guint k = 0; k < b->n_terms; k++)
      if (a->terms[i] == b->terms[k] && a->terms[i] != except)
        return TRUE;
  return FALSE;
}

/* Within reach in the sorted slots (y after x): near in size, or for a
 * measure, within FAR_APART (checked with share_term() later). */
static gboolean
in_reach (const Slot *x,
          const Slot *y)
{
  if (x->key != y->key || x->v->kind != y->v->kind)
    return FALSE;
  if (x->v->kind == CC_PART_DAY)
    return fabs (y->v->low - x->v->low) <= 2;
  if (x->v->measure && *x->v->role != '\0')
    return x->v->high > 0 && y->v->low <= x->v->high * FAR_APART;
  return x->v->low > 0 && y->v->low <= x->v->low * CC_PART_NEAR_COUNT_RATIO;
}

static gboolean
near (const Slot *x,
      const Slot *y)
{
  if (x->v->kind == CC_PART_DAY || y->v->low <= x->v->high * CC_PART_NEAR_RATIO)
    return TRUE;
  /* a measure further off: the clauses must speak of the same thing; and
   * two whole single-digit counts of a unit ("two years", "three years")
   * that far apart are other spans, not a near miss (a reading given as a
   * range, "7-8C", still is one) */
  if (x->v->low < NEAR_MIN_FIGURE && y->v->low < NEAR_MIN_FIGURE &&
      x->v->low == x->v->high && y->v->low == y->v->high)
    return FALSE;
  return share_term (x->st, y->st, x->v->role);
}

static GArray *collect_slots_in (GPtrArray  *statements,
                                 GHashTable *lexicon);

/* The initials of the words of @name, from the story's lexicon (NULL
 * when no statement uses that word: nothing could meet it). */
static const char *
initials_key (GHashTable *lexicon,
              const char *name)
{
  char buf[16];
  gsize n = 0;

  for (const char *p = name; p != NULL && *p != '\0' && n + 1 < sizeof buf; )
    {
      buf[n++] = *p;
      p = strchr (p, ' ');
      if (p != NULL)
        p++;
    }
  buf[n] = '\0';
  return g_hash_table_lookup (lexicon, buf);
}

static GArray *
collect_slots (GPtrArray *statements)
{
  /* the anchor heads in use, by their text: the interned strings */
  g_autoptr(GHashTable) lexicon = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < statements->len; i++)
    {
      const CcStatement *st = g_ptr_array_index (statements, i);

      for (guint k = 0; k < st->n_values; k++)
        if (st->values[k].anchor_head != NULL)
          g_hash_table_insert (lexicon, (gpointer) st->values[k].anchor_head,
                               (gpointer) st->values[k].anchor_head);
    }
  return collect_slots_in (statements, lexicon);
}

static GArray *
collect_slots_in (GPtrArray  *statements,
                  GHashTable *lexicon)
{
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (Slot));

  for (guint i = 0; i < statements->len; i++)
    {
      const CcStatement *st = g_ptr_array_index (statements, i);

      for (guint k = 0; k < st->n_values; k++)
        {
          const CcStatementValue *v = &st->values[k];
          Slot s = { NULL, v, st };

          /* (points on a route are compared only in lined-up clauses) */
          if (v->hedge != CC_VALUE_EXACT || (v->low != v->high && !v->measure) || v->label ||
              v->position || st->projected)
            continue;
          if (v->kind == CC_PART_DAY)
            s.key = "";
          else if (v->kind == CC_PART_YEAR || v->kind == CC_PART_CLOCK || v->kind == CC_PART_WEEKDAY)
            continue;
          else if (v->measure)
            s.key = v->role;
          else if (v->anchor != NULL)
            s.key = v->anchor_head;
          else
            continue;
          g_array_append_val (slots, s);
          /* a name of several words is also met by its initials
           * ("Bharatiya Janata Party", "BJP") */
          if (!v->measure && v->anchor != NULL && strchr (v->anchor, ' ') != NULL &&
              (s.key = initials_key (lexicon, v->anchor)) != NULL)
            g_array_append_val (slots, s);
        }
    }
  g_array_sort (slots, slot_cmp);
  return slots;
}

/* ---- the one figure each document gives a name ---- */

/* Names given a count by more documents than this are left to the
 * other rules: the pairs of documents stay few. */
#define SOLE_MAX_DOCUMENTS 16

static gboolean
sole_candidate (const CcPartContext    *context,
                const CcStatementValue *v)
{
  return v->kind == CC_PART_NUMBER && !v->measure && !v->label && v->hedge == CC_VALUE_EXACT &&
         v->low == v->high && v->of_total == 0 && !v->threshold && v->anchor != NULL &&
         v->low >= 1 && effective_year (context, v) == 0;
}

static int
sole_cmp (gconstpointer a,
          gconstpointer b)
{
  const Slot *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  if (x->st->doc != y->st->doc)
    return x->st->doc < y->st->doc ? -1 : 1;
  return (x->v->low > y->v->low) - (x->v->low < y->v->low);
}

/* A count that each of two documents gives a name, and the only one it
 * gives that name in the story's own time ("DMK 22" in a results list,
 * "the DMK has won 29 seats"): when they differ, the documents disagree,
 * however differently the sentences are worded. */
static void
sole_figures (const CcPartContext *context,
              GPtrArray           *statements,
              GArray              *out)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  g_autoptr(GArray) sole = g_array_new (FALSE, FALSE, sizeof (Slot));

  for (guint i = 0; i < statements->len; i++)
    {
      const CcStatement *st = g_ptr_array_index (statements, i);

      for (guint k = 0; k < st->n_values; k++)
        {
          Slot s = { st->values[k].anchor_head, &st->values[k], st };

          if (sole_candidate (context, s.v) && s.key != NULL && !st->projected)
            g_array_append_val (slots, s);
        }
    }
  g_array_sort (slots, sole_cmp);
  for (guint i = 0; i < slots->len; )
    {
      const Slot *x = &g_array_index (slots, Slot, i);
      guint end = i, n_docs = 0;

      while (end < slots->len && g_array_index (slots, Slot, end).key == x->key)
        end++;
      /* the documents with one figure for the name (ties of wording: the
       * same figure twice is one) */
      g_array_set_size (sole, 0);
      for (guint j = i; j < end; )
        {
          const Slot *d = &g_array_index (slots, Slot, j);
          guint e = j;
          gboolean one = TRUE;

          while (e < end && g_array_index (slots, Slot, e).st->doc == d->st->doc)
            {
              const Slot *o = &g_array_index (slots, Slot, e);

              one = one && o->v->low == d->v->low && anchors_match (o->v->anchor, d->v->anchor);
              e++;
            }
          n_docs++;
          if (one)
            g_array_append_val (sole, *d);
          j = e;
        }
      if (n_docs <= SOLE_MAX_DOCUMENTS)
        for (guint a = 0; a < sole->len; a++)
          for (guint b = a + 1; b < sole->len; b++)
            {
              const Slot *p = &g_array_index (sole, Slot, a);
              const Slot *q = &g_array_index (sole, Slot, b);
              double big = MAX (p->v->low, q->v->low), small = MIN (p->v->low, q->v->low);

              if (p->v->low == q->v->low || big > FAR_APART * small ||
                  other_time_values (context, p->v, q->v) ||
                  !anchors_match (p->v->anchor, q->v->anchor) ||
                  (p->v->role != q->v->role && *p->v->role != '\0' && *q->v->role != '\0') ||
                  cc_statement_values_agree (p->v, q->v) ||
                  doc_stated (context, p->st->doc, q->v) || doc_stated (context, q->st->doc, p->v))
                continue;
              add (out, CC_DISAGREEMENT_NUMERIC, p->st, p->v->start, p->v->end, q->st,
                   q->v->start, q->v->end, 0.1, p->v->anchor, p->v->role);
            }
      i = end;
    }
}

void
cc_part_compare_near_values (const CcPartContext *context,
                             GPtrArray           *statements,
                             GArray              *out)
{
  g_autoptr(GArray) slots = collect_slots (statements);

  sole_figures (context, statements, out);

  for (guint i = 0; i < slots->len; i++)
    {
      const Slot *x = &g_array_index (slots, Slot, i);
      for (guint j = i + 1; j < slots->len && j <= i + 16; j++)
        {
          const Slot *y = &g_array_index (slots, Slot, j);

          if (!in_reach (x, y))
            break;
          if (y->st->doc == x->st->doc || cc_statement_values_agree (x->v, y->v) ||
              (x->v->kind == CC_PART_DURATION && x->v->role != y->v->role) ||
              (!x->v->measure && !anchors_match (x->v->anchor, y->v->anchor)) ||
              !near (x, y) || other_time_values (context, x->v, y->v) ||
              doc_stated (context, x->st->doc, y->v) || doc_stated (context, y->st->doc, x->v))
            continue;
          add (out, x->v->kind == CC_PART_DAY ? CC_DISAGREEMENT_DATE : CC_DISAGREEMENT_NUMERIC,
               x->st, x->v->start, x->v->end, y->st, y->v->start, y->v->end, 0.1,
               x->v->anchor != NULL ? x->v->anchor : "", x->v->role);
        }
    }
}
