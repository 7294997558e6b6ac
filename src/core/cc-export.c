/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cc-annotation-store.h"
#include "cc-conflicts.h"
#include "cc-entities.h"
#include "cc-error.h"
#include "cc-export.h"
#include "cc-markdown.h"
#include "cc-w3c.h"

/* At most this many entities of one type in a document's summary. */
#define MAX_ENTITIES_PER_TYPE 20

CcExportOptions *
cc_export_options_new (void)
{
  CcExportOptions *options = g_new0 (CcExportOptions, 1);

  options->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  options->front_matter = TRUE;
  return options;
}

CcExportOptions *
cc_export_options_copy (const CcExportOptions *options)
{
  CcExportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = cc_export_options_new ();
  if (options->document_ids != NULL)
    g_array_append_vals (copy->document_ids, options->document_ids->data,
                         options->document_ids->len);
  copy->color = g_strdup (options->color);
  copy->tag = g_strdup (options->tag);
  copy->title = g_strdup (options->title);
  copy->front_matter = options->front_matter;
  copy->entities = options->entities;
  copy->conflicts = options->conflicts;
  copy->timestamp = options->timestamp;
  return copy;
}

void
cc_export_options_free (CcExportOptions *options)
{
  if (options == NULL)
    return;
  g_clear_pointer (&options->document_ids, g_array_unref);
  g_free (options->color);
  g_free (options->tag);
  g_free (options->title);
  g_free (options);
}

void
cc_export_options_add_document (CcExportOptions *options,
                                gint64           document_id)
{
  g_return_if_fail (options != NULL);

  if (options->document_ids == NULL)
    options->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (options->document_ids, document_id);
}

gboolean
cc_export_format_from_string (const char     *str,
                              CcExportFormat *format)
{
  if (g_strcmp0 (str, "markdown") == 0 || g_strcmp0 (str, "md") == 0)
    *format = CC_EXPORT_FORMAT_MARKDOWN;
  else if (g_strcmp0 (str, "json") == 0 || g_strcmp0 (str, "w3c") == 0)
    *format = CC_EXPORT_FORMAT_W3C;
  else
    return FALSE;
  return TRUE;
}

const char *
cc_export_format_get_extension (CcExportFormat format)
{
  return format == CC_EXPORT_FORMAT_W3C ? "json" : "md";
}

void
cc_export_selection_free (CcExportSelection *selection)
{
  if (selection == NULL)
    return;
  g_clear_pointer (&selection->by_document, g_hash_table_unref);
  g_clear_pointer (&selection->annotations, g_ptr_array_unref);
  g_clear_pointer (&selection->documents, g_ptr_array_unref);
  g_free (selection);
}

static gboolean
scope_is_all (const CcExportOptions *options)
{
  return options->document_ids == NULL || options->document_ids->len == 0;
}

CcExportSelection *
cc_export_select (CcStore                *store,
                  const CcExportOptions  *options,
                  GError                **error)
{
  g_autoptr(CcExportSelection) selection = g_new0 (CcExportSelection, 1);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) detached = g_ptr_array_new ();
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  CcAnnotationFilter filter = { 0 };
  gboolean everything;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->color != NULL && !cc_annotation_color_is_valid (options->color))
    {
      g_autofree char *colors = g_strjoinv (", ", (char **)cc_annotation_get_colors ());
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("Unknown colour “%s”: use one of %s"), options->color, colors);
      return NULL;
    }

  all = cc_store_list_documents (store, error);
  if (all == NULL)
    return NULL;

  everything = scope_is_all (options);
  for (guint i = 0; !everything && i < options->document_ids->len; i++)
    g_hash_table_add (wanted, g_memdup2 (&g_array_index (options->document_ids, gint64, i),
                                         sizeof (gint64)));

  selection->documents = g_ptr_array_new_with_free_func (g_object_unref);
  selection->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  selection->by_document = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                  (GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < all->len; i++)
    {
      CcDocument *doc = all->pdata[i];
      gint64 id = cc_document_get_id (doc);

      if (!everything && !g_hash_table_remove (wanted, &id))
        continue;
      g_ptr_array_add (selection->documents, g_object_ref (doc));
      g_hash_table_insert (selection->by_document, g_memdup2 (&id, sizeof id),
                           g_ptr_array_new ());
    }

  if (g_hash_table_size (wanted) > 0)
    {
      GHashTableIter iter;
      gint64 *missing;
      g_autofree char *id = NULL;

      g_hash_table_iter_init (&iter, wanted);
      g_hash_table_iter_next (&iter, (gpointer *)&missing, NULL);
      id = g_strdup_printf ("%" G_GINT64_FORMAT, *missing);
      g_set_error (error, CC_ERROR, CC_ERROR_NOT_FOUND,
                   _("No document with id %s in the library"), id);
      return NULL;
    }

  filter.color = options->color;
  filter.tag = options->tag;
  list = cc_annotation_store_list (store, &filter, error);
  if (list == NULL)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      CcAnnotation *a = list->pdata[i];
      gint64 id = cc_annotation_get_document_id (a);
      GPtrArray *bucket = g_hash_table_lookup (selection->by_document, &id);

      if (bucket != NULL)
        g_ptr_array_add (bucket, a);
      else if (everything)
        g_ptr_array_add (detached, a);
    }

  /* Library order of documents, then position (the store's order within a
   * document), then the annotations whose document is gone. */
  for (guint i = 0; i < selection->documents->len; i++)
    {
      gint64 id = cc_document_get_id (selection->documents->pdata[i]);
      GPtrArray *bucket = g_hash_table_lookup (selection->by_document, &id);

      for (guint j = 0; j < bucket->len; j++)
        g_ptr_array_add (selection->annotations, g_object_ref (bucket->pdata[j]));
    }
  for (guint i = 0; i < detached->len; i++)
    g_ptr_array_add (selection->annotations, g_object_ref (detached->pdata[i]));

  return g_steal_pointer (&selection);
}

/* Markdown */

static const char *
document_label (CcDocument *doc)
{
  const char *title = cc_document_get_title (doc);

  return title != NULL && *title != '\0' ? title : cc_document_get_basename (doc);
}

static char *
format_time (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (timestamp);

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static void
append_yaml_pair (GString    *out,
                  const char *indent,
                  const char *key,
                  const char *value)
{
  g_string_append_printf (out, "%s%s: ", indent, key);
  cc_markdown_append_yaml_string (out, value);
  g_string_append_c (out, '\n');
}

static void
append_front_matter (GString               *out,
                     const CcExportOptions *options,
                     const char            *title,
                     const char            *date,
                     GPtrArray             *documents,
                     guint                  n_annotations)
{
  g_string_append (out, "---\n");
  append_yaml_pair (out, "", "title", title);
  append_yaml_pair (out, "", "date", date);
  append_yaml_pair (out, "", "generator", "Crosscheck " PACKAGE_VERSION);
  g_string_append_printf (out, "annotations: %u\n", n_annotations);
  if (options->color != NULL)
    append_yaml_pair (out, "", "color", options->color);
  if (options->tag != NULL)
    append_yaml_pair (out, "", "tag", options->tag);
  if (documents->len == 0)
    g_string_append (out, "sources: []\n");
  else
    g_string_append (out, "sources:\n");
  for (guint i = 0; i < documents->len; i++)
    {
      CcDocument *doc = documents->pdata[i];

      append_yaml_pair (out, "  - ", "title", document_label (doc));
      if (cc_document_get_outlet (doc) != NULL)
        append_yaml_pair (out, "    ", "outlet", cc_document_get_outlet (doc));
      if (cc_document_get_byline (doc) != NULL)
        append_yaml_pair (out, "    ", "author", cc_document_get_byline (doc));
      if (cc_document_get_published (doc) != NULL)
        append_yaml_pair (out, "    ", "published", cc_document_get_published (doc));
      if (cc_document_get_url (doc) != NULL)
        append_yaml_pair (out, "    ", "url", cc_document_get_url (doc));
      if (cc_document_get_language (doc) != NULL)
        append_yaml_pair (out, "    ", "language", cc_document_get_language (doc));
      append_yaml_pair (out, "    ", "path", cc_document_get_path (doc));
    }
  g_string_append (out, "---\n\n");
}

static void
append_heading (GString    *out,
                guint       level,
                const char *text)
{
  for (guint i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  cc_markdown_append_inline (out, text);
  g_string_append (out, "\n\n");
}

static void
append_list_item (GString    *out,
                  const char *label,
                  const char *value)
{
  g_string_append (out, "- ");
  cc_markdown_append_inline (out, label);
  g_string_append (out, ": ");
  cc_markdown_append_text (out, value);
  g_string_append_c (out, '\n');
}

static void
append_tag (GString    *out,
            const char *tag)
{
  g_autoptr(GString) flat = g_string_new (NULL);

  /* A tag is one word: runs of white space become "-". */
  for (const char *p = tag; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (flat->len > 0 && flat->str[flat->len - 1] != '-')
            g_string_append_c (flat, '-');
        }
      else
        g_string_append_c (flat, *p);
    }
  g_string_append_c (out, '#');
  cc_markdown_append_text (out, flat->str);
}

static gboolean
is_plain_uuid (const char *uuid)
{
  for (const char *p = uuid; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) && *p != '-')
      return FALSE;
  return *uuid != '\0';
}

/* Where an orphan was: its document's label, or the name it had. */
static const char *
orphan_place (CcAnnotation *a,
              GHashTable   *documents)
{
  gint64 id = cc_annotation_get_document_id (a);
  CcDocument *doc = id != 0 ? g_hash_table_lookup (documents, &id) : NULL;

  if (doc != NULL)
    return document_label (doc);
  return cc_annotation_get_document_hint (a);
}

static void
append_annotation (GString      *out,
                   CcAnnotation *a,
                   GHashTable   *orphan_documents)
{
  const char *color = cc_annotation_get_color (a);
  const char *label = cc_annotation_color_get_label (color);
  const char * const *tags = cc_annotation_get_tags (a);
  const char *uuid = cc_annotation_get_uuid (a);
  g_autofree char *position = NULL;

  cc_markdown_append_paragraph (out, cc_annotation_get_quote (a), "> ");
  g_string_append_c (out, '\n');

  if (*cc_annotation_get_note (a) != '\0')
    {
      cc_markdown_append_paragraph (out, cc_annotation_get_note (a), "");
      g_string_append_c (out, '\n');
    }

  /* The details line: colour, tags, place, reference. */
  cc_markdown_append_inline (out, label != NULL ? label : color);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_string_append (out, i == 0 ? " · " : " ");
      append_tag (out, tags[i]);
    }
  if (orphan_documents != NULL)
    {
      const char *place = orphan_place (a, orphan_documents);
      g_autofree char *where = NULL;

      if (cc_annotation_get_document_id (a) != 0 &&
          g_hash_table_contains (orphan_documents, &(gint64){ cc_annotation_get_document_id (a) }))
        where = g_strdup_printf (_("not found in “%s”"), place ? place : "");
      else
        where = g_strdup_printf (_("document “%s” is not in the library"),
                                 place ? place : _("unknown"));
      g_string_append (out, " · ");
      cc_markdown_append_text (out, where);
    }
  position = g_strdup_printf (_("characters %u–%u"),
                              cc_annotation_get_start (a), cc_annotation_get_end (a));
  g_string_append (out, " · ");
  cc_markdown_append_text (out, position);
  g_string_append (out, " · ");
  if (is_plain_uuid (uuid))
    g_string_append_printf (out, "`urn:uuid:%s`", uuid);
  else
    cc_markdown_append_text (out, uuid);
  g_string_append (out, "\n\n");
}

typedef struct
{
  const char *name;
  guint       count;
} EntityCount;

static int
compare_entity_counts (gconstpointer a,
                       gconstpointer b)
{
  const EntityCount *x = a;
  const EntityCount *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static gboolean
append_entities (GString     *out,
                 CcStore     *store,
                 CcDocument  *doc,
                 GError     **error)
{
  g_autoptr(GPtrArray) mentions = NULL;
  GHashTable *counts[CC_N_ENTITY_TYPES];
  gboolean any = FALSE;

  mentions = cc_entities_for_document (store, cc_document_get_id (doc), error);
  if (mentions == NULL)
    return FALSE;

  append_heading (out, 3, _("Entities"));

  for (guint t = 0; t < CC_N_ENTITY_TYPES; t++)
    counts[t] = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < mentions->len; i++)
    {
      CcMention *m = mentions->pdata[i];
      /* Names by their merged form; values as written ("$14.3 billion"). */
      const char *name = m->value == NULL && m->canonical != NULL && *m->canonical != '\0'
                         ? m->canonical : m->surface;

      if ((guint)m->type >= CC_N_ENTITY_TYPES || name == NULL)
        continue;
      g_hash_table_insert (counts[m->type], (gpointer)name,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts[m->type],
                                                                                    name)) + 1));
    }

  for (guint t = 0; t < CC_N_ENTITY_TYPES; t++)
    {
      g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (EntityCount));
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, counts[t]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          EntityCount ec = { key, GPOINTER_TO_UINT (value) };
          g_array_append_val (sorted, ec);
        }
      g_hash_table_unref (counts[t]);
      if (sorted->len == 0)
        continue;
      g_array_sort (sorted, compare_entity_counts);

      g_string_append (out, "- ");
      cc_markdown_append_inline (out, cc_entity_type_get_label (t));
      g_string_append (out, ": ");
      for (guint i = 0; i < sorted->len && i < MAX_ENTITIES_PER_TYPE; i++)
        {
          EntityCount *ec = &g_array_index (sorted, EntityCount, i);

          if (i > 0)
            g_string_append (out, ", ");
          cc_markdown_append_text (out, ec->name);
          g_string_append_printf (out, " (%u)", ec->count);
        }
      if (sorted->len > MAX_ENTITIES_PER_TYPE)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "and %u more", "and %u more",
                                                                sorted->len - MAX_ENTITIES_PER_TYPE),
                                                   sorted->len - MAX_ENTITIES_PER_TYPE);
          g_string_append (out, ", ");
          cc_markdown_append_text (out, more);
        }
      g_string_append_c (out, '\n');
      any = TRUE;
    }

  if (!any)
    {
      cc_markdown_append_paragraph (out, _("No entities found."), "");
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

typedef struct
{
  char *subject;
  char *attribute;
  char *note;
  gboolean used;
} ConflictNote;

static void
conflict_note_free (ConflictNote *note)
{
  g_free (note->subject);
  g_free (note->attribute);
  g_free (note->note);
  g_free (note);
}

/* Non-empty notes on facts, by key, and the keys in order. */
static gboolean
load_conflict_notes (CcStore     *store,
                     GHashTable **notes,
                     GPtrArray  **keys,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cc_store_prepare (store, "SELECT key, subject, attribute, note FROM conflict_notes "
                                  "WHERE note <> '' ORDER BY subject, attribute, key", error);
  if (stmt == NULL)
    return FALSE;

  *notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify)conflict_note_free);
  *keys = g_ptr_array_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ConflictNote *note = g_new0 (ConflictNote, 1);
      char *key = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

      note->subject = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      note->attribute = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      note->note = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      g_hash_table_insert (*notes, key, note);
      g_ptr_array_add (*keys, key);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (keys, g_ptr_array_unref);
      g_clear_pointer (notes, g_hash_table_unref);
      return cc_store_set_error (store, error, "cannot read notes on conflicts");
    }
  return TRUE;
}

static char *
fact_title (const char *subject,
            const char *attribute)
{
  if (subject == NULL || *subject == '\0')
    return g_strdup (attribute ? attribute : "");
  if (attribute == NULL || *attribute == '\0')
    return g_strdup (subject);
  return g_strdup_printf ("%s — %s", subject, attribute);
}

static void
append_note_block (GString    *out,
                   const char *note)
{
  cc_markdown_append_paragraph (out, _("Note:"), "");
  g_string_append_c (out, '\n');
  cc_markdown_append_paragraph (out, note, "");
  g_string_append_c (out, '\n');
}

static gboolean
append_conflicts (GString                *out,
                  CcStore                *store,
                  GHashTable             *in_scope,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autoptr(CcConflictReport) report = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint written = 0;

  documents = cc_store_list_documents (store, error);
  if (documents == NULL)
    return FALSE;
  for (guint i = 0; i < documents->len; i++)
    {
      gint64 id = cc_document_get_id (documents->pdata[i]);
      g_hash_table_insert (labels, g_memdup2 (&id, sizeof id),
                           (gpointer)document_label (documents->pdata[i]));
    }

  /* Only the documents in scope are compared (a story's conflicts never
   * take in another story's sources). */
  if (in_scope != NULL)
    {
      g_autoptr(GPtrArray) scoped = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < documents->len; i++)
        {
          gint64 id = cc_document_get_id (documents->pdata[i]);

          if (g_hash_table_contains (in_scope, &id))
            g_ptr_array_add (scoped, g_object_ref (documents->pdata[i]));
        }
      report = cc_conflicts_for_store (store, scoped, cancellable, error);
    }
  else
    report = cc_conflicts_for_store (store, NULL, cancellable, error);
  if (report == NULL)
    return FALSE;
  if (!load_conflict_notes (store, &notes, &keys, error))
    return FALSE;

  append_heading (out, 2, _("Conflicts between sources"));

  for (guint i = 0; i < report->facts->len; i++)
    {
      CcFact *fact = report->facts->pdata[i];
      ConflictNote *note = fact->key != NULL ? g_hash_table_lookup (notes, fact->key) : NULL;
      g_autofree char *title = NULL;
      gboolean touches_scope = in_scope == NULL;

      if (fact->worst != CC_VERDICT_CONFLICT && note == NULL)
        continue;
      for (guint j = 0; !touches_scope && j < fact->claims->len; j++)
        {
          CcClaim *claim = fact->claims->pdata[j];
          touches_scope = g_hash_table_contains (in_scope, &claim->document_id);
        }
      if (!touches_scope)
        continue;

      title = fact_title (fact->subject, fact->attribute);
      append_heading (out, 3, title);
      for (guint j = 0; j < fact->claims->len; j++)
        {
          CcClaim *claim = fact->claims->pdata[j];
          const char *label = g_hash_table_lookup (labels, &claim->document_id);

          const char *value = claim->surface ? claim->surface : claim->value_text;

          /* "- value · source — “sentence”"; a state's value is its sentence. */
          g_string_append (out, "- ");
          if (g_strcmp0 (value, claim->quote) == 0)
            {
              g_string_append (out, "“");
              cc_markdown_append_text (out, value);
              g_string_append (out, "”");
            }
          else
            cc_markdown_append_inline (out, value);
          g_string_append (out, " · ");
          cc_markdown_append_text (out, label ? label : claim->document);
          if (claim->quote != NULL && *claim->quote != '\0' && g_strcmp0 (value, claim->quote) != 0)
            {
              g_string_append (out, " — “");
              cc_markdown_append_text (out, claim->quote);
              g_string_append (out, "”");
            }
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
      if (note != NULL)
        {
          append_note_block (out, note->note);
          note->used = TRUE;
        }
      written++;
    }

  /* Notes on facts these sources no longer show (only for the whole
   * library: with a narrower scope they may belong to other documents). */
  for (guint i = 0; in_scope == NULL && i < keys->len; i++)
    {
      ConflictNote *note = g_hash_table_lookup (notes, keys->pdata[i]);
      g_autofree char *title = NULL;

      if (note->used)
        continue;
      title = fact_title (note->subject, note->attribute);
      append_heading (out, 3, title);
      cc_markdown_append_paragraph (out, _("No longer found among the sources."), "");
      g_string_append_c (out, '\n');
      append_note_block (out, note->note);
      written++;
    }

  if (written == 0)
    {
      cc_markdown_append_paragraph (out, _("The sources do not disagree on any fact found."), "");
      g_string_append_c (out, '\n');
    }
  return TRUE;
}

static void
append_summary (GString               *out,
                const CcExportOptions *options,
                const char            *day,
                guint                  n_annotations,
                guint                  n_documents)
{
  g_autofree char *count = NULL;
  g_autofree char *docs = NULL;
  g_autofree char *line = NULL;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations",
                                        n_annotations), n_annotations);
  docs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                       n_documents), n_documents);
  /* TRANSLATORS: "Exported from Crosscheck on 2026-04-08: 12 annotations in 3 documents." */
  line = g_strdup_printf (_("Exported from Crosscheck on %s: %s in %s."), day, count, docs);
  cc_markdown_append_inline (out, line);
  if (options->color != NULL)
    {
      g_autofree char *colour = g_strdup_printf (_("Colour: %s."),
                                                 cc_annotation_color_get_label (options->color));
      g_string_append_c (out, ' ');
      cc_markdown_append_text (out, colour);
    }
  if (options->tag != NULL)
    {
      g_string_append_c (out, ' ');
      cc_markdown_append_text (out, _("Tag:"));
      g_string_append_c (out, ' ');
      append_tag (out, options->tag);
      g_string_append_c (out, '.');
    }
  g_string_append (out, "\n\n");
}

char *
cc_export_markdown (CcStore                *store,
                    const CcExportOptions  *options,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(CcExportSelection) selection = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) orphans = g_ptr_array_new ();
  g_autoptr(GHashTable) shown_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, NULL);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, NULL);
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  const char *title;
  gboolean filtered;
  gint64 timestamp;

  g_return_val_if_fail (CC_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  selection = cc_export_select (store, options, error);
  if (selection == NULL)
    return NULL;

  timestamp = options->timestamp != 0 ? options->timestamp
                                      : g_get_real_time () / G_USEC_PER_SEC;
  date = format_time (timestamp);
  day = g_strndup (date, 10);
  title = options->title != NULL && *options->title != '\0' ? options->title
                                                            : _("Crosscheck notes");
  filtered = options->color != NULL || options->tag != NULL;

  /* Which documents get a section: with a colour or tag filter over the
   * whole library, only those with a matching annotation. */
  for (guint i = 0; i < selection->documents->len; i++)
    {
      CcDocument *doc = selection->documents->pdata[i];
      gint64 id = cc_document_get_id (doc);
      GPtrArray *bucket = g_hash_table_lookup (selection->by_document, &id);

      g_hash_table_insert (documents, g_memdup2 (&id, sizeof id), doc);
      if (filtered && scope_is_all (options) && !options->entities && bucket->len == 0)
        continue;
      g_ptr_array_add (shown, doc);
      g_hash_table_add (shown_ids, g_memdup2 (&id, sizeof id));
    }
  out = g_string_new (NULL);
  if (options->front_matter)
    append_front_matter (out, options, title, date, shown, selection->annotations->len);
  append_heading (out, 1, title);
  append_summary (out, options, day, selection->annotations->len, shown->len);

  for (guint i = 0; i < shown->len; i++)
    {
      CcDocument *doc = shown->pdata[i];
      gint64 id = cc_document_get_id (doc);
      GPtrArray *bucket = g_hash_table_lookup (selection->by_document, &id);
      guint placed = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      append_heading (out, 2, document_label (doc));
      if (cc_document_get_outlet (doc) != NULL && *cc_document_get_outlet (doc) != '\0')
        append_list_item (out, _("Outlet"), cc_document_get_outlet (doc));
      if (cc_document_get_byline (doc) != NULL && *cc_document_get_byline (doc) != '\0')
        append_list_item (out, _("Byline"), cc_document_get_byline (doc));
      {
        g_autofree char *published = cc_document_dup_published_display (doc);
        if (published != NULL)
          append_list_item (out, _("Published"), published);
      }
      if (cc_document_get_url (doc) != NULL)
        append_list_item (out, _("Link"), cc_document_get_url (doc));
      append_list_item (out, _("File"), cc_document_get_path (doc));
      g_string_append_c (out, '\n');

      if (options->entities)
        {
          if (!append_entities (out, store, doc, error))
            return NULL;
          append_heading (out, 3, _("Annotations"));
        }

      for (guint j = 0; j < bucket->len; j++)
        {
          CcAnnotation *a = bucket->pdata[j];

          if (cc_annotation_is_orphaned (a))
            {
              g_ptr_array_add (orphans, a);
              continue;
            }
          append_annotation (out, a, NULL);
          placed++;
        }
      if (placed == 0)
        {
          cc_markdown_append_paragraph (out, filtered ? _("No matching annotations.")
                                                      : _("No annotations."), "");
          g_string_append_c (out, '\n');
        }
    }

  /* Orphans of documents without a section (filtered out) still count. */
  for (guint i = 0; i < selection->annotations->len; i++)
    {
      CcAnnotation *a = selection->annotations->pdata[i];
      gint64 id = cc_annotation_get_document_id (a);

      if (g_hash_table_contains (documents, &id))
        {
          if (!g_hash_table_contains (shown_ids, &id) && cc_annotation_is_orphaned (a))
            g_ptr_array_add (orphans, a);
        }
      else
        g_ptr_array_add (orphans, a);
    }

  if (orphans->len > 0)
    {
      append_heading (out, 2, _("Orphaned annotations"));
      cc_markdown_append_paragraph (out, _("Their text could not be found in their document, "
                                           "or their document is not in the library. Each "
                                           "keeps the text it last had."), "");
      g_string_append_c (out, '\n');
      for (guint i = 0; i < orphans->len; i++)
        append_annotation (out, orphans->pdata[i], documents);
    }

  if (options->conflicts)
    {
      g_autoptr(GHashTable) in_scope = NULL;

      if (!scope_is_all (options))
        {
          in_scope = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          for (guint i = 0; i < selection->documents->len; i++)
            g_hash_table_add (in_scope,
                              g_memdup2 (&(gint64){ cc_document_get_id (selection->documents->pdata[i]) },
                                         sizeof (gint64)));
        }
      if (!append_conflicts (out, store, in_scope, cancellable, error))
        return NULL;
    }

  /* One final newline, not two. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
cc_export_to_string (CcStore                *store,
                     CcExportFormat          format,
                     const CcExportOptions  *options,
                     GCancellable           *cancellable,
                     GError                **error)
{
  if (format == CC_EXPORT_FORMAT_W3C)
    return cc_w3c_export (store, options, error);
  return cc_export_markdown (store, options, cancellable, error);
}

/* Whether @path holds an SQLite database (its 16-byte header). */
static gboolean
is_sqlite_file (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char header[sizeof magic];
  FILE *f = fopen (path, "rbe");
  gboolean same;

  if (f == NULL)
    return FALSE;
  same = fread (header, 1, sizeof header, f) == sizeof header &&
         memcmp (header, magic, sizeof magic) == 0;
  fclose (f);
  return same;
}

/* @path with its folder resolved (links, "..", "."): for a file that may
 * not exist yet. NULL when the folder cannot be resolved. */
static char *
resolve_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *real_dir = realpath (dir, NULL);

  return real_dir != NULL ? g_build_filename (real_dir, base, NULL) : NULL;
}

/* Refuses to write an export over the library of @store, its -wal, -shm or
 * -journal file, or any other SQLite database: the export would replace
 * it. Files that exist are compared by device and inode (so a link or
 * another spelling of the path is caught), files that do not by their
 * resolved path. */
static gboolean
check_export_target (CcStore  *store,
                     GFile    *file,
                     GError  **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *target = g_file_get_path (file);
  g_autofree char *resolved = NULL;
  GStatBuf target_st;
  gboolean exists;

  if (target == NULL)
    return TRUE;  /* not a local file: cannot be the library */

  exists = g_stat (target, &target_st) == 0;
  resolved = resolve_path (target);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *candidate = g_strconcat (cc_store_get_path (store), suffixes[i], NULL);
      g_autofree char *candidate_resolved = resolve_path (candidate);
      GStatBuf st;
      gboolean same;

      if (exists)
        same = g_stat (candidate, &st) == 0 &&
               st.st_dev == target_st.st_dev && st.st_ino == target_st.st_ino;
      else
        same = resolved != NULL && g_strcmp0 (resolved, candidate_resolved) == 0;
      if (same)
        {
          g_autofree char *name = g_filename_display_name (target);
          g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                       _("Cannot export to %s: it is the library or one of its files, "
                         "which the export would replace"), name);
          return FALSE;
        }
    }
  if (exists && S_ISREG (target_st.st_mode) && is_sqlite_file (target))
    {
      g_autofree char *name = g_filename_display_name (target);
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID,
                   _("Cannot export to %s: it is an SQLite database, which the export "
                     "would replace"), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
cc_export_to_file (CcStore                *store,
                   CcExportFormat          format,
                   const CcExportOptions  *options,
                   GFile                  *file,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CC_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_export_target (store, file, error))
    return FALSE;
  text = cc_export_to_string (store, format, options, cancellable, error);
  if (text == NULL)
    return FALSE;
  /* g_file_replace_contents writes a temporary file and renames it over
   * the target: readers never see half a file. A new file is private
   * (0600, whatever the umask), like the library it comes from. */
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE, NULL, cancellable, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_prefix_error (error, _("Cannot write %s: "), name);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char            *db_path;
  CcExportFormat   format;
  CcExportOptions *options;
  GFile           *file;
} ExportTask;

static void
export_task_free (ExportTask *task)
{
  g_free (task->db_path);
  cc_export_options_free (task->options);
  g_clear_object (&task->file);
  g_free (task);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *data = task_data;
  g_autoptr(CcStore) store = NULL;
  GError *error = NULL;

  store = cc_store_open (data->db_path, &error);
  if (store == NULL ||
      !cc_export_to_file (store, data->format, data->options, data->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
cc_export_to_file_async (CcStore               *store,
                         CcExportFormat         format,
                         const CcExportOptions *options,
                         GFile                 *file,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *data;

  g_return_if_fail (CC_IS_STORE (store));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportTask, 1);
  data->db_path = g_strdup (cc_store_get_path (store));
  data->format = format;
  data->options = cc_export_options_copy (options);
  data->file = g_object_ref (file);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cc_export_to_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cc_export_to_file_finish (CcStore       *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
