/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <string.h>

#include "cc-fact-row.h"

struct _CcFactRow
{
  GObject    parent_instance;

  char      *key;
  char      *subject;
  char      *attribute;
  char      *note;
  char      *note_folded;
  char      *search_text;   /* casefolded subject, attribute and values */
  GPtrArray *claims;        /* CcClaim */
  GArray    *verdicts;      /* CcVerdict per claim */
  CcVerdict  verdict;
  guint      n_documents;
};

G_DEFINE_FINAL_TYPE (CcFactRow, cc_fact_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
verdict_rank (CcVerdict verdict)
{
  switch (verdict)
    {
    case CC_VERDICT_CONFLICT:
      return 3;
    case CC_VERDICT_APPROXIMATE:
      return 2;
    case CC_VERDICT_AGREE:
      return 1;
    case CC_VERDICT_UNRELATED:
    default:
      return 0;
    }
}

CcFactRow *
cc_fact_row_new (const CcFact *fact)
{
  CcFactRow *self;
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GString) search = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (fact != NULL, NULL);

  self = g_object_new (CC_TYPE_FACT_ROW, NULL);
  self->key = g_strdup (fact->key != NULL ? fact->key : "");
  self->subject = g_strdup (fact->subject != NULL ? fact->subject : "");
  self->attribute = g_strdup (fact->attribute != NULL ? fact->attribute : "");
  self->claims = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_claim_unref);
  self->verdicts = g_array_new (FALSE, TRUE, sizeof (CcVerdict));
  self->verdict = fact->worst;

  documents = g_hash_table_new (g_int64_hash, g_int64_equal);
  search = g_string_new (NULL);
  g_string_append_printf (search, "%s\n%s\n", self->subject, self->attribute);

  if (fact->claims != NULL)
    for (guint i = 0; i < fact->claims->len; i++)
      {
        CcClaim *claim = g_ptr_array_index (fact->claims, i);

        g_ptr_array_add (self->claims, cc_claim_ref (claim));
        g_hash_table_add (documents, &claim->document_id);
        if (claim->surface != NULL)
          g_string_append_printf (search, "%s\n", claim->surface);
        if (claim->value_text != NULL)
          g_string_append_printf (search, "%s\n", claim->value_text);
      }
  self->n_documents = g_hash_table_size (documents);

  /* Each claim against the other documents: a document agrees with a claim
   * when any of its values does (it may state several, about several
   * things); the claim's verdict is the worst over the documents. */
  g_array_set_size (self->verdicts, self->claims->len);
  for (guint i = 0; i < self->claims->len; i++)
    {
      const CcClaim *a = g_ptr_array_index (self->claims, i);
      g_autoptr(GHashTable) best = g_hash_table_new (g_int64_hash, g_int64_equal);
      CcVerdict worst = CC_VERDICT_UNRELATED;
      GHashTableIter iter;
      gpointer value;

      for (guint j = 0; j < self->claims->len; j++)
        {
          CcClaim *b = g_ptr_array_index (self->claims, j);
          CcVerdict verdict;
          gpointer previous;

          if (a->document_id == b->document_id)
            continue;
          verdict = cc_verdict_claims (a, b);
          if (verdict == CC_VERDICT_UNRELATED)
            continue;
          previous = g_hash_table_lookup (best, &b->document_id);
          if (previous == NULL ||
              verdict_rank (verdict) < verdict_rank (GPOINTER_TO_INT (previous)))
            g_hash_table_insert (best, &b->document_id, GINT_TO_POINTER (verdict));
        }

      g_hash_table_iter_init (&iter, best);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (verdict_rank (GPOINTER_TO_INT (value)) > verdict_rank (worst))
          worst = GPOINTER_TO_INT (value);
      g_array_index (self->verdicts, CcVerdict, i) = worst;
    }

  folded = g_utf8_casefold (search->str, -1);
  self->search_text = g_steal_pointer (&folded);
  return self;
}

const char *
cc_fact_row_get_key (CcFactRow *self)
{
  g_return_val_if_fail (CC_IS_FACT_ROW (self), NULL);
  return self->key;
}

const char *
cc_fact_row_get_subject (CcFactRow *self)
{
  g_return_val_if_fail (CC_IS_FACT_ROW (self), NULL);
  return self->subject;
}

const char *
cc_fact_row_get_attribute (CcFactRow *self)
{
  g_return_val_if_fail (CC_IS_FACT_ROW (self), NULL);
  return self->attribute;
}

CcVerdict
cc_fact_row_get_verdict (CcFactRow *self)
{
  g_return_val_if_fail (CC_IS_FACT_ROW (self), CC_VERDICT_UNRELATED);
  return self->verdict;
}

guint
cc_fact_row_get_n_documents (CcFactRow *self)
{
  g_return_val_if_fail (CC_IS_FACT_ROW (self), 0);
  return self->n_documents;
}

GPtrArray *
cc_fact_row_get_claims_for (CcFactRow *self,
                            gint64     document_id)
{
  GPtrArray *claims;

  g_return_val_if_fail (CC_IS_FACT_ROW (self), NULL);

  claims = g_ptr_array_new ();
  for (guint i = 0; i < self->claims->len; i++)
    {
      CcClaim *claim = g_ptr_array_index (self->claims, i);

      if (claim->document_id == document_id)
        g_ptr_array_add (claims, claim);
    }
  return claims;
}

CcVerdict
cc_fact_row_get_claim_verdict (CcFactRow     *self,
                               const CcClaim *claim)
{
  g_return_val_if_fail (CC_IS_FACT_ROW (self), CC_VERDICT_UNRELATED);

  for (guint i = 0; i < self->claims->len; i++)
    if (g_ptr_array_index (self->claims, i) == claim)
      return g_array_index (self->verdicts, CcVerdict, i);
  return CC_VERDICT_UNRELATED;
}

gboolean
cc_fact_row_matches (CcFactRow  *self,
                     const char *folded)
{
  g_return_val_if_fail (CC_IS_FACT_ROW (self), FALSE);

  if (folded == NULL || *folded == '\0')
    return TRUE;
  if (strstr (self->search_text, folded) != NULL)
    return TRUE;
  return self->note_folded != NULL && strstr (self->note_folded, folded) != NULL;
}

const char *
cc_fact_row_get_note (CcFactRow *self)
{
  g_return_val_if_fail (CC_IS_FACT_ROW (self), NULL);
  return self->note;
}

void
cc_fact_row_set_note (CcFactRow  *self,
                      const char *note)
{
  g_return_if_fail (CC_IS_FACT_ROW (self));

  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  g_clear_pointer (&self->note_folded, g_free);
  if (note != NULL)
    self->note_folded = g_utf8_casefold (note, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

static void
cc_fact_row_finalize (GObject *object)
{
  CcFactRow *self = CC_FACT_ROW (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->attribute, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->note_folded, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->verdicts, g_array_unref);

  G_OBJECT_CLASS (cc_fact_row_parent_class)->finalize (object);
}

static void
cc_fact_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CcFactRow *self = CC_FACT_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_fact_row_class_init (CcFactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_fact_row_finalize;
  object_class->get_property = cc_fact_row_get_property;

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cc_fact_row_init (CcFactRow *self)
{
}
