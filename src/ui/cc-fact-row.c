/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cc-fact-row.h"

struct _CcFactRow
{
  GObject    parent_instance;

  char      *key;
  char      *subject;
  char      *attribute;
  char      *kind;
  char      *note;
  char      *note_folded;
  char      *search_text;   /* casefolded subject, attribute and quotes, made on demand */
  GPtrArray *quotes;        /* CcFactQuote, by document then position */
  CcVerdict  verdict;
};

G_DEFINE_FINAL_TYPE (CcFactRow, cc_fact_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quote_free (CcFactQuote *quote)
{
  g_free (quote->text);
  g_array_unref (quote->marks);
  g_free (quote);
}

CcFactRow *
cc_fact_row_new (const char *key,
                 const char *subject,
                 const char *attribute,
                 const char *kind,
                 CcVerdict   verdict)
{
  CcFactRow *self = g_object_new (CC_TYPE_FACT_ROW, NULL);

  self->key = g_strdup (key != NULL ? key : "");
  self->subject = g_strdup (subject != NULL ? subject : "");
  self->attribute = g_strdup (attribute != NULL ? attribute : "");
  self->kind = g_strdup (kind != NULL ? kind : "");
  self->verdict = verdict;
  return self;
}

static void
add_mark (CcFactQuote *quote,
          guint        start,
          guint        end)
{
  CcSpan span = { start, end };
  guint i;

  if (end <= start || start < quote->start || end > quote->end)
    return;
  /* In order; a mark overlapping another is merged into it. */
  for (i = 0; i < quote->marks->len; i++)
    {
      CcSpan *old = &g_array_index (quote->marks, CcSpan, i);

      if (start < old->end && end > old->start)
        {
          old->start = MIN (old->start, start);
          old->end = MAX (old->end, end);
          while (i + 1 < quote->marks->len &&
                 g_array_index (quote->marks, CcSpan, i + 1).start < old->end)
            {
              old->end = MAX (old->end, g_array_index (quote->marks, CcSpan, i + 1).end);
              g_array_remove_index (quote->marks, i + 1);
            }
          return;
        }
      if (start < old->start)
        break;
    }
  g_array_insert_val (quote->marks, i, span);
}

const CcFactQuote *
cc_fact_row_add_quote (CcFactRow  *self,
                       gint64      document_id,
                       guint       start,
                       guint       end,
                       const char *text,
                       guint       mark_start,
                       guint       mark_end)
{
  CcFactQuote *quote = NULL;
  guint i;

  g_return_val_if_fail (CC_IS_FACT_ROW (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  for (i = 0; i < self->quotes->len; i++)
    {
      CcFactQuote *q = g_ptr_array_index (self->quotes, i);

      if (q->document_id == document_id && q->start == start)
        {
          quote = q;
          break;
        }
      if (q->document_id > document_id || (q->document_id == document_id && q->start > start))
        break;
    }
  if (quote == NULL)
    {
      quote = g_new0 (CcFactQuote, 1);
      quote->document_id = document_id;
      quote->start = start;
      quote->end = end;
      quote->text = g_strdup (text);
      quote->marks = g_array_new (FALSE, FALSE, sizeof (CcSpan));
      g_ptr_array_insert (self->quotes, i, quote);
      g_clear_pointer (&self->search_text, g_free);
    }
  add_mark (quote, mark_start, mark_end);
  return quote;
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

const char *
cc_fact_row_get_kind (CcFactRow *self)
{
  g_return_val_if_fail (CC_IS_FACT_ROW (self), NULL);
  return self->kind;
}

const char *
cc_fact_row_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "numeric") == 0)
    return _("Figure");
  if (g_strcmp0 (kind, "date") == 0)
    return _("Date");
  if (g_strcmp0 (kind, "naming") == 0)
    return _("Name");
  if (g_strcmp0 (kind, "claim") == 0)
    return _("Claim");
  return NULL;
}

char *
cc_fact_row_dup_title (CcFactRow *self)
{
  const char *kind;
  g_autofree char *attribute = NULL;

  g_return_val_if_fail (CC_IS_FACT_ROW (self), NULL);

  if (*self->subject != '\0')
    return g_strdup (self->subject);
  kind = cc_fact_row_kind_label (self->kind);
  if (*self->attribute != '\0')
    {
      g_autofree char *folded_kind = kind != NULL ? g_utf8_casefold (kind, -1) : NULL;
      g_autofree char *folded = g_utf8_casefold (self->attribute, -1);

      /* "name" in a row of names is the kind itself */
      if (kind != NULL && g_strcmp0 (folded, folded_kind) != 0)
        /* Translators: the heading of a row of Facts without a subject:
         * the kind of fact, then what is compared ("Figure (km)") */
        return g_strdup_printf (_("%s (%s)"), kind, self->attribute);
      if (kind != NULL)
        return g_strdup (kind);
      /* agreed on: what is compared, as a heading ("seats": "Seats") */
      attribute = g_strdup (self->attribute);
      if (g_unichar_islower (g_utf8_get_char (attribute)) &&
          g_utf8_strlen (attribute, -1) > 3)
        {
          gunichar c = g_unichar_totitle (g_utf8_get_char (attribute));
          char buf[8];
          int n = g_unichar_to_utf8 (c, buf);

          return g_strdup_printf ("%.*s%s", n, buf, g_utf8_next_char (attribute));
        }
      return g_steal_pointer (&attribute);
    }
  if (kind != NULL)
    return g_strdup (kind);
  /* agreed on, nothing compared named: the first value given */
  for (guint i = 0; i < self->quotes->len; i++)
    {
      g_autofree char *values = cc_fact_quote_dup_values (g_ptr_array_index (self->quotes, i));

      if (*values != '\0')
        return g_steal_pointer (&values);
    }
  if (self->quotes->len > 0)
    {
      const CcFactQuote *quote = g_ptr_array_index (self->quotes, 0);

      return g_utf8_substring (quote->text, 0, MIN (g_utf8_strlen (quote->text, -1), 40));
    }
  return g_strdup ("");
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
  guint n = 0;

  g_return_val_if_fail (CC_IS_FACT_ROW (self), 0);

  /* The quotes are by document. */
  for (guint i = 0; i < self->quotes->len; i++)
    {
      const CcFactQuote *q = g_ptr_array_index (self->quotes, i);

      if (i == 0 || q->document_id != ((CcFactQuote *) g_ptr_array_index (self->quotes, i - 1))->document_id)
        n++;
    }
  return n;
}

GPtrArray *
cc_fact_row_get_quotes_for (CcFactRow *self,
                            gint64     document_id)
{
  GPtrArray *quotes;

  g_return_val_if_fail (CC_IS_FACT_ROW (self), NULL);

  quotes = g_ptr_array_new ();
  for (guint i = 0; i < self->quotes->len; i++)
    {
      CcFactQuote *q = g_ptr_array_index (self->quotes, i);

      if (q->document_id == document_id)
        g_ptr_array_add (quotes, q);
    }
  return quotes;
}

static void
append_escaped (GString    *out,
                const char *from,
                const char *to)
{
  g_autofree char *escaped = g_markup_escape_text (from, to - from);

  g_string_append (out, escaped);
}

/* A cut at character @at of @text moved to the start of the next word
 * (not past @limit), or to the end of the word before (not past @limit). */
static guint
word_start (const char *text,
            guint       at,
            guint       limit)
{
  const char *p = g_utf8_offset_to_pointer (text, at);

  for (guint i = at; i > 0 && i < limit && i < at + 16; i++, p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return i + 1;
  return at;
}

static guint
word_end (const char *text,
          guint       at,
          guint       n)
{
  const char *p = g_utf8_offset_to_pointer (text, at);

  for (guint i = at; i < n && i + 16 > at; i--)
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        return i;
      if (i == 0)
        break;
      p = g_utf8_prev_char (p);
    }
  return at;
}

char *
cc_fact_quote_to_markup (const CcFactQuote *quote,
                         const char        *attributes,
                         guint              max_chars)
{
  GString *out = g_string_new (NULL);
  guint n, from, to;
  const char *p;
  guint at;

  g_return_val_if_fail (quote != NULL, NULL);

  /* The window shown: all of it, or @max_chars from a little before the
   * first mark, so that the marks are in sight however long the sentence. */
  n = quote->end - quote->start;
  from = 0;
  to = n;
  if (max_chars > 0 && n > max_chars)
    {
      guint first = quote->marks->len > 0
                    ? g_array_index (quote->marks, CcSpan, 0).start - quote->start : 0;

      from = first > max_chars / 4 ? first - max_chars / 4 : 0;
      to = MIN (n, from + max_chars);
      from = to - MIN (to, max_chars);
      from = word_start (quote->text, from, first);
      to = word_end (quote->text, to, n);
    }
  p = g_utf8_offset_to_pointer (quote->text, from);
  at = quote->start + from;
  if (from > 0)
    g_string_append (out, "…");
  for (guint i = 0; i < quote->marks->len; i++)
    {
      const CcSpan *mark = &g_array_index (quote->marks, CcSpan, i);
      guint start = CLAMP (mark->start, at, quote->start + to);
      guint end = CLAMP (mark->end, start, quote->start + to);
      const char *s = g_utf8_offset_to_pointer (p, start - at);
      const char *e = g_utf8_offset_to_pointer (s, end - start);

      append_escaped (out, p, s);
      if (e > s)
        {
          g_string_append_printf (out, "<span %s>", attributes);
          append_escaped (out, s, e);
          g_string_append (out, "</span>");
        }
      p = e;
      at = end;
    }
  append_escaped (out, p, g_utf8_offset_to_pointer (p, quote->start + to - at));
  if (to < n)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

char *
cc_fact_quote_dup_values (const CcFactQuote *quote)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (quote != NULL, NULL);

  for (guint i = 0; i < quote->marks->len; i++)
    {
      const CcSpan *mark = &g_array_index (quote->marks, CcSpan, i);
      g_autofree char *value = g_utf8_substring (quote->text, mark->start - quote->start,
                                                 mark->end - quote->start);

      if (i > 0)
        g_string_append (out, " · ");
      g_string_append (out, value);
    }
  return g_string_free (out, FALSE);
}

gboolean
cc_fact_row_matches (CcFactRow  *self,
                     const char *folded)
{
  g_return_val_if_fail (CC_IS_FACT_ROW (self), FALSE);

  if (folded == NULL || *folded == '\0')
    return TRUE;
  if (self->search_text == NULL)
    {
      g_autoptr(GString) search = g_string_new (NULL);

      g_string_append_printf (search, "%s\n%s\n", self->subject, self->attribute);
      for (guint i = 0; i < self->quotes->len; i++)
        {
          const CcFactQuote *q = g_ptr_array_index (self->quotes, i);

          g_string_append_printf (search, "%s\n", q->text);
        }
      self->search_text = g_utf8_casefold (search->str, -1);
    }
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
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->note_folded, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);

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
  self->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) quote_free);
}
