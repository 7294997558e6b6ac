/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-verdict"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cc-verdict.h"
#include "cc-wordstem.h"

#define ABOUT_TOLERANCE 0.05   /* "about X": within 5% (and its rounding) */
#define OVER_TOLERANCE 0.50    /* "over X": up to 1.5 X */
#define UNDER_TOLERANCE 0.25   /* "nearly X": down to 0.75 X */
#define FAR_APART 1.5          /* values this many times apart are different facts */
#define DATES_FAR_APART 400    /* days */

const char *
cc_verdict_to_string (CcVerdict verdict)
{
  switch (verdict)
    {
    case CC_VERDICT_AGREE:
      return "agree";
    case CC_VERDICT_APPROXIMATE:
      return "approximate";
    case CC_VERDICT_CONFLICT:
      return "conflict";
    case CC_VERDICT_UNRELATED:
    default:
      return "";
    }
}

/* The interval a stated value allows, given its qualifier and precision. */
static void
value_interval (const CcClaimValue *v,
                CcQualifier    q,
                double        *lo,
                double        *hi)
{
  double half = v->kind == CC_CLAIM_DATE ? 0 : v->precision / 2;

  *lo = v->low;
  *hi = v->high;
  if (v->kind == CC_CLAIM_DATE)
    {
      /* Dates already span their precision (a month, a year). */
      return;
    }
  switch (q)
    {
    case CC_QUALIFIER_OVER:
      *hi = MAX (v->high * (1 + OVER_TOLERANCE), v->high + v->precision);
      break;
    case CC_QUALIFIER_UNDER:
      *lo = MIN (v->low * (1 - UNDER_TOLERANCE), v->low - v->precision);
      break;
    case CC_QUALIFIER_ABOUT:
      *lo = v->low * (1 - ABOUT_TOLERANCE) - half;
      *hi = v->high * (1 + ABOUT_TOLERANCE) + half;
      break;
    case CC_QUALIFIER_UP_TO:
    case CC_QUALIFIER_NONE:
    case CC_N_QUALIFIERS:
    default:
      *lo = v->low - half;
      *hi = v->high + half;
      break;
    }
}

static gboolean
nearly_equal (double a,
              double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

CcVerdict
cc_verdict_values (const CcClaimValue *a,
                   CcQualifier    qa,
                   const CcClaimValue *b,
                   CcQualifier    qb)
{
  double alo, ahi, blo, bhi;

  g_return_val_if_fail (a != NULL && b != NULL, CC_VERDICT_UNRELATED);

  if (a->kind != b->kind)
    return CC_VERDICT_UNRELATED;
  if (a->kind == CC_CLAIM_STATE)
    {
      if (a->state == CC_CLAIM_STATE_UNKNOWN || b->state == CC_CLAIM_STATE_UNKNOWN)
        return CC_VERDICT_UNRELATED;
      return a->state == b->state ? CC_VERDICT_AGREE : CC_VERDICT_CONFLICT;
    }
  if (a->kind != CC_CLAIM_DATE && a->kind != CC_CLAIM_MONEY &&
      g_strcmp0 (a->unit, b->unit) != 0)
    return CC_VERDICT_UNRELATED;
  if (a->kind == CC_CLAIM_MONEY && a->unit != NULL && b->unit != NULL &&
      a->unit[0] != '\0' && b->unit[0] != '\0' && strcmp (a->unit, b->unit) != 0)
    return CC_VERDICT_UNRELATED;

  if (nearly_equal (a->low, b->low) && nearly_equal (a->high, b->high))
    return CC_VERDICT_AGREE;

  value_interval (a, qa, &alo, &ahi);
  value_interval (b, qb, &blo, &bhi);
  /* Overlap; touching ends ("26" and "27" rounded) are not enough. */
  if (a->kind == CC_CLAIM_DATE ? (alo <= bhi && blo <= ahi) : (alo < bhi && blo < ahi))
    return CC_VERDICT_APPROXIMATE;

  if (a->kind == CC_CLAIM_DATE)
    {
      if (MAX (blo - ahi, alo - bhi) > DATES_FAR_APART)
        return CC_VERDICT_UNRELATED;
      return CC_VERDICT_CONFLICT;
    }
  else
    {
      double small = MIN (fabs (a->low), fabs (b->low));
      double large = MAX (fabs (a->high), fabs (b->high));

      if (small <= 0 || large / small > FAR_APART)
        return CC_VERDICT_UNRELATED;
    }
  return CC_VERDICT_CONFLICT;
}

double
cc_verdict_cue_score (const CcClaim *a,
                      const CcClaim *b)
{
  double score = 0;
  gboolean anchored = FALSE;

  if (a->cues == NULL || b->cues == NULL)
    return 0;
  for (guint i = 0; a->cues[i] != NULL; i++)
    for (guint j = 0; b->cues[j] != NULL; j++)
      if (strcmp (a->cues[i], b->cues[j]) == 0)
        {
          float w = MIN (a->cue_weights[i], b->cue_weights[j]);

          score += w;
          if (w >= CC_VERDICT_MIN_CUE_WEIGHT)
            anchored = TRUE;
          break;
        }
  return anchored ? score : 0;
}

static guint
shared_strings (char * const *a,
                char * const *b)
{
  guint n = 0;

  if (a == NULL || b == NULL)
    return 0;
  for (guint i = 0; a[i] != NULL; i++)
    for (guint j = 0; b[j] != NULL; j++)
      if (g_utf8_collate (a[i], b[j]) == 0)
        {
          n++;
          break;
        }
  return n;
}

static gboolean
subjects_compatible (const CcClaim *a,
                     const CcClaim *b)
{
  gboolean a_others = g_strcmp0 (a->subject, "(others)") == 0;
  gboolean b_others = g_strcmp0 (b->subject, "(others)") == 0;

  if (a_others || b_others)
    return a_others && b_others;
  if (g_strcmp0 (a->subject, b->subject) == 0)
    return TRUE;
  return !(a->subject_bound && b->subject_bound);
}

static float
cue_weight (const CcClaim *c,
            const char    *cue)
{
  for (guint i = 0; c->cues != NULL && c->cues[i] != NULL; i++)
    if (strcmp (c->cues[i], cue) == 0)
      return c->cue_weights[i];
  return 0;
}

/* A figure that went down ("cut 400 jobs") and one that did not ("creating
 * 350 jobs") are different facts. */
static gboolean
same_direction (const CcClaim *a,
                const CcClaim *b)
{
  static const char * const directions[] = { "=cut", "=rise" };

  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    {
      float wa = cue_weight (a, directions[i]);
      float wb = cue_weight (b, directions[i]);

      if ((wa >= 1.0f && wb == 0) || (wb >= 1.0f && wa == 0))
        return FALSE;
    }
  return TRUE;
}

/* Part of the key after "kind|unit|". */
static const char *
key_attribute (const char *key)
{
  const char *p = strchr (key, '|');

  if (p != NULL)
    p = strchr (p + 1, '|');
  return p != NULL ? p + 1 : key;
}

gboolean
cc_verdict_comparable (const CcClaim *a,
                       const CcClaim *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->document_id == b->document_id)
    return FALSE;
  if (a->value.kind != b->value.kind)
    return FALSE;

  if (a->value.kind == CC_CLAIM_STATE)
    {
      /* The same places or products named, or the same words (subjects of
       * such sentences are often pronouns or common nouns). */
      if (shared_strings (a->objects, b->objects) >= 2)
        return TRUE;
      return shared_strings (a->cues, b->cues) >= 2;
    }

  if (a->value.kind != CC_CLAIM_MONEY && a->value.kind != CC_CLAIM_DATE &&
      g_strcmp0 (a->value.unit, b->value.unit) != 0)
    return FALSE;
  if (!subjects_compatible (a, b))
    return FALSE;
  if (a->period != 0 && b->period != 0 && a->period != b->period)
    return FALSE;
  if ((a->benchmark != NULL) != (b->benchmark != NULL))
    return FALSE;
  if (a->benchmark != NULL)
    return strcmp (key_attribute (a->key), key_attribute (b->key)) == 0;
  if (!same_direction (a, b))
    return FALSE;
  return cc_verdict_cue_score (a, b) >= CC_VERDICT_MIN_CUE_WEIGHT;
}

CcVerdict
cc_verdict_claims (const CcClaim *a,
                   const CcClaim *b)
{
  if (!cc_verdict_comparable (a, b))
    return CC_VERDICT_UNRELATED;
  return cc_verdict_values (&a->value, a->qualifier, &b->value, b->qualifier);
}

/* ---- benchmark names ---- */

typedef struct
{
  char       *name;
  GPtrArray  *words;     /* stems of the name, no "the" */
  GPtrArray  *versions;  /* words with digits */
  char       *initials;  /* of its capitalised words */
  gboolean    acronym;   /* one upper-case word */
  guint       parent;
} Bench;

static void
bench_clear (gpointer data)
{
  Bench *b = data;

  g_free (b->name);
  g_ptr_array_unref (b->words);
  g_ptr_array_unref (b->versions);
  g_free (b->initials);
}

static guint
bench_find (GArray *benches,
            guint   i)
{
  while (g_array_index (benches, Bench, i).parent != i)
    i = g_array_index (benches, Bench, i).parent;
  return i;
}

static gboolean
contains_all (GPtrArray *small,
              GPtrArray *large)
{
  for (guint i = 0; i < small->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < large->len && !found; j++)
        found = strcmp (g_ptr_array_index (small, i), g_ptr_array_index (large, j)) == 0;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
bench_same (const Bench *a,
            const Bench *b)
{
  const Bench *small, *large;

  if (a->acronym && b->initials != NULL && g_ascii_strcasecmp (a->name, b->initials) == 0)
    return TRUE;
  if (b->acronym && a->initials != NULL && g_ascii_strcasecmp (b->name, a->initials) == 0)
    return TRUE;
  if (a->versions->len > 0 && b->versions->len > 0 &&
      !(contains_all (a->versions, b->versions) && contains_all (b->versions, a->versions)))
    return FALSE;
  small = a->words->len <= b->words->len ? a : b;
  large = small == a ? b : a;
  return small->words->len >= 2 && contains_all (small->words, large->words);
}

void
cc_verdict_unify_benchmarks (GPtrArray *claims)
{
  g_autoptr(CcWordStem) stemmer = NULL;
  g_autoptr(GArray) benches = NULL;
  g_autoptr(GHashTable) index = NULL;

  g_return_if_fail (claims != NULL);

  stemmer = cc_word_stem_new ();
  benches = g_array_new (FALSE, TRUE, sizeof (Bench));
  g_array_set_clear_func (benches, bench_clear);
  index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *c = g_ptr_array_index (claims, i);
      g_autoptr(GArray) words = NULL;
      GString *initials;
      Bench b = { 0 };

      if (c->benchmark == NULL || g_hash_table_contains (index, c->benchmark))
        continue;
      b.name = g_strdup (c->benchmark);
      b.words = g_ptr_array_new_with_free_func (g_free);
      b.versions = g_ptr_array_new_with_free_func (g_free);
      b.parent = benches->len;
      initials = g_string_new (NULL);
      words = cc_word_stem_split (stemmer, c->benchmark);
      for (guint j = 0; j < words->len; j++)
        {
          CcWord *w = &g_array_index (words, CcWord, j);
          const char *orig = g_utf8_offset_to_pointer (c->benchmark, w->start);

          if (strcmp (w->word, "the") == 0)
            continue;
          if (strpbrk (w->word, "0123456789") != NULL)
            g_ptr_array_add (b.versions, g_strdup (w->word));
          else
            g_ptr_array_add (b.words, g_strdup (w->stem));
          if (g_unichar_isupper (g_utf8_get_char (orig)))
            g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (orig)));
        }
      b.acronym = words->len == 1 && strlen (c->benchmark) >= 2;
      for (const char *p = c->benchmark; b.acronym && *p != '\0'; p++)
        if (!g_ascii_isupper (*p))
          b.acronym = FALSE;
      b.initials = initials->len >= 2 ? g_string_free (initials, FALSE) : (g_string_free (initials, TRUE), NULL);
      g_array_append_val (benches, b);
      g_hash_table_insert (index, g_array_index (benches, Bench, benches->len - 1).name,
                           GUINT_TO_POINTER (benches->len - 1));
    }

  /* Few distinct benchmark names: pairwise is fine. */
  for (guint i = 0; i < benches->len; i++)
    for (guint j = i + 1; j < benches->len; j++)
      if (bench_same (&g_array_index (benches, Bench, i), &g_array_index (benches, Bench, j)))
        {
          guint ri = bench_find (benches, i);
          guint rj = bench_find (benches, j);

          if (ri != rj)
            g_array_index (benches, Bench, MAX (ri, rj)).parent = MIN (ri, rj);
        }

  for (guint i = 0; i < claims->len; i++)
    {
      CcClaim *c = g_ptr_array_index (claims, i);
      guint bi, root;
      GString *key;
      const Bench *rep;

      if (c->benchmark == NULL)
        continue;
      bi = GPOINTER_TO_UINT (g_hash_table_lookup (index, c->benchmark));
      root = bench_find (benches, bi);
      rep = &g_array_index (benches, Bench, root);
      key = g_string_new (NULL);
      g_string_append_printf (key, "%s|%s|B:", cc_claim_kind_to_string (c->value.kind),
                              c->value.unit != NULL ? c->value.unit : "");
      for (guint j = 0; j < rep->words->len; j++)
        g_string_append_printf (key, "%s%s", j > 0 ? " " : "", (char *) g_ptr_array_index (rep->words, j));
      for (guint j = 0; j < rep->versions->len; j++)
        g_string_append_printf (key, " %s", (char *) g_ptr_array_index (rep->versions, j));
      g_free (c->key);
      c->key = g_string_free (key, FALSE);
    }
}
