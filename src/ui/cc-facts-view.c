/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-facts-view-private.h"
#include "cc-store-stories.h"

G_DEFINE_FINAL_TYPE (CcFactsView, cc_facts_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_library_changed (CcFactsView *self);

/* The computation, in a worker thread on its own library connection: the
 * texts of the story's documents, then the disagreement engine on them
 * (cc_disagreements_find_full()), then the rows (cc-facts-view-groups.c). */

typedef struct
{
  char *path;
  gint64 story_id;  /* the current story's documents only (0: all) */
  int   done;    /* atomic: documents read so far */
  int   total;   /* atomic: documents to read, plus one for the comparison */
} Job;

typedef struct
{
  GPtrArray *documents;  /* CcDocument, in library order */
  GPtrArray *rows;       /* CcFactRow, disagreements first */
} Result;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job);
}

static void
result_free (Result *result)
{
  g_clear_pointer (&result->documents, g_ptr_array_unref);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result);
}

static void
facts_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(CcDisagreementReport) report = NULL;
  g_autoptr(GArray) dates = NULL;
  g_autoptr(GError) error = NULL;
  Result *result;

  store = cc_store_open (job->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  documents = cc_store_list_story_documents (store, job->story_id, &error);
  if (documents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_atomic_int_set (&job->total, (int)documents->len + 1);

  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < documents->len; i++)
    {
      CcDocument *document = g_ptr_array_index (documents, i);
      g_autoptr(GError) local_error = NULL;
      char *text;

      if (g_task_return_error_if_cancelled (task))
        return;

      text = cc_store_load_text (store, cc_document_get_id (document), &local_error);
      if (text == NULL)
        {
          /* A document that cannot be read counts as empty; the rest goes on. */
          g_warning ("%s: %s", cc_document_get_basename (document), local_error->message);
          text = g_strdup ("");
        }
      g_ptr_array_add (texts, text);
      g_atomic_int_inc (&job->done);
    }
  g_ptr_array_add (texts, NULL);

  /* The stored publication dates resolve weekdays, as the CLI does */
  dates = cc_disagreements_dates_of (documents);
  report = cc_disagreements_find_full ((const char * const *)texts->pdata,
                                       (const GDate *)dates->data, documents->len,
                                       cancellable, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (Result, 1);
  result->rows = _cc_facts_view_build_rows (report, documents, (const char * const *)texts->pdata,
                                            TRUE, cancellable);
  result->documents = g_steal_pointer (&documents);
  if (g_task_return_error_if_cancelled (task))
    {
      result_free (result);
      return;
    }
  g_atomic_int_inc (&job->done);
  g_task_return_pointer (task, result, (GDestroyNotify)result_free);
}

GtkWidget *
cc_facts_view_new (CcSession *session)
{
  CcFactsView *self;

  g_return_val_if_fail (CC_IS_SESSION (session), NULL);

  self = g_object_new (CC_TYPE_FACTS_VIEW, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "library-changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

CcStore *
_cc_facts_view_get_store (CcFactsView *self)
{
  return self->session != NULL ? cc_session_get_store (self->session) : NULL;
}

static void
set_busy (CcFactsView *self,
          gboolean     busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
cc_facts_view_get_busy (CcFactsView *self)
{
  g_return_val_if_fail (CC_IS_FACTS_VIEW (self), FALSE);
  return self->busy;
}

GListModel *
cc_facts_view_get_rows (CcFactsView *self)
{
  g_return_val_if_fail (CC_IS_FACTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

GListModel *
cc_facts_view_get_shown_rows (CcFactsView *self)
{
  g_return_val_if_fail (CC_IS_FACTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

guint
cc_facts_view_get_n_document_columns (CcFactsView *self)
{
  g_return_val_if_fail (CC_IS_FACTS_VIEW (self), 0);
  return self->columns->len;
}

/* Filtering */

static void
update_visible_page (CcFactsView *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (self->busy)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    return;
  else if (n_rows == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "matrix");
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CcFactsView *self = user_data;
  CcFactRow *row = item;

  if (self->conflicts_only && cc_fact_row_get_verdict (row) != CC_VERDICT_CONFLICT)
    return FALSE;
  return cc_fact_row_matches (row, self->search);
}

static void
refilter (CcFactsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visible_page (self);
}

void
cc_facts_view_set_conflicts_only (CcFactsView *self,
                                  gboolean     conflicts_only)
{
  g_return_if_fail (CC_IS_FACTS_VIEW (self));

  if (gtk_toggle_button_get_active (self->conflicts_toggle) != !!conflicts_only)
    {
      gtk_toggle_button_set_active (self->conflicts_toggle, conflicts_only);
      return;  /* on_conflicts_toggled() does the rest */
    }
  self->conflicts_only = !!conflicts_only;
  refilter (self);
}

void
cc_facts_view_set_search (CcFactsView *self,
                          const char  *text)
{
  g_return_if_fail (CC_IS_FACTS_VIEW (self));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);
  refilter (self);
}

static void
on_conflicts_toggled (CcFactsView     *self,
                      GtkToggleButton *button)
{
  self->conflicts_only = gtk_toggle_button_get_active (button);
  refilter (self);
}

static void
on_search_changed (CcFactsView    *self,
                   GtkSearchEntry *entry)
{
  cc_facts_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Columns */

/* @text cut to @max characters, with an ellipsis */
static char *
shorten (const char *text,
         glong       max)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max - 1);
  return g_strconcat (g_strchomp (start), "…", NULL);
}

static char *
column_title (CcDocument *document)
{
  const char *outlet = cc_document_get_outlet (document);
  const char *title = cc_document_get_title (document);
  const char *byline = cc_document_get_byline (document);
  g_autofree char *date = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *author = NULL;
  const char *text;

  if (outlet != NULL && *outlet != '\0')
    text = outlet;
  else if (title != NULL && *title != '\0')
    text = title;
  else
    text = cc_document_get_basename (document);

  date = cc_document_dup_published_display (document);
  shown = shorten (text, 28);
  if (byline != NULL && *byline != '\0')
    author = shorten (byline, date != NULL ? 18 : 28);
  if (date == NULL && author == NULL)
    return g_steal_pointer (&shown);
  if (author == NULL || date == NULL)
    /* Translators: a Facts column: the source, then its author or its publication date */
    return g_strdup_printf (_("%s\n%s"), shown, author != NULL ? author : date);
  /* Translators: a Facts column: the source, then its author and publication date */
  return g_strdup_printf (_("%s\n%s · %s"), shown, author, date);
}

static void
clear_document_columns (CcFactsView *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->columns, i));
  g_ptr_array_set_size (self->columns, 0);
}

static void
add_document_columns (CcFactsView *self,
                      GPtrArray   *documents)
{
  for (guint i = 0; i < documents->len; i++)
    {
      CcDocument *document = g_ptr_array_index (documents, i);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *title = column_title (document);
      GtkColumnViewColumn *column;
      gint64 id = cc_document_get_id (document);

      g_object_set_data_full (G_OBJECT (factory), "cc-document-id",
                              g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (_cc_facts_view_setup_value_cell), NULL);
      g_signal_connect_object (factory, "bind", G_CALLBACK (_cc_facts_view_bind_value_cell), self, 0);
      g_signal_connect (factory, "unbind", G_CALLBACK (_cc_facts_view_unbind_value_cell), NULL);

      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->columns, column);
    }
}

/* Results */

static void
update_summary (CcFactsView *self,
                guint        n_documents)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_conflicts = 0, n_shared = 0;
  g_autofree char *facts = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(CcFactRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (cc_fact_row_get_verdict (row) == CC_VERDICT_CONFLICT)
        n_conflicts++;
      else
        n_shared++;
    }

  facts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u fact lined up across sources",
                                        "%u facts lined up across sources", n_rows), n_rows);
  shared = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agreed on",
                                         "%u agreed on", n_shared), n_shared);
  conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in conflict",
                                            "%u in conflict", n_conflicts), n_conflicts);
  /* Translators: "40 facts lined up across sources · 37 agreed on · 3 in conflict" */
  summary = g_strdup_printf (_("%s · %s · %s"), facts, shared, conflicts);
  gtk_label_set_label (self->summary_label, n_documents > 0 ? summary : "");

  /* With no rows, say why: no articles (an empty story) is not "no facts". */
  if (n_documents == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Articles"));
      adw_status_page_set_description (self->empty_page,
                                       _("The current story has no articles to compare yet"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Facts Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("None of the articles states a figure, an amount or a "
                                         "date that could be compared"));
    }
}

static void
show_result (CcFactsView *self,
             Result      *result)
{
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify)cc_conflict_note_free);
  g_autoptr(GPtrArray) note_list = NULL;
  g_autoptr(GError) error = NULL;
  CcStore *store = _cc_facts_view_get_store (self);

  if (store != NULL)
    note_list = cc_conflict_notes_list (store, &error);
  if (note_list != NULL)
    {
      for (guint i = 0; i < note_list->len; i++)
        {
          CcConflictNote *note = g_ptr_array_index (note_list, i);

          g_hash_table_replace (notes, note->key, note);
        }
      g_ptr_array_set_free_func (note_list, NULL);
    }
  else if (error != NULL)
    {
      g_warning ("Cannot read the notes on facts: %s", error->message);
    }

  for (guint i = 0; i < result->rows->len; i++)
    {
      CcFactRow *row = g_ptr_array_index (result->rows, i);
      CcConflictNote *note = g_hash_table_lookup (notes, cc_fact_row_get_key (row));

      if (note != NULL)
        cc_fact_row_set_note (row, note->note);
    }

  clear_document_columns (self);
  add_document_columns (self, result->documents);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       result->rows->pdata, result->rows->len);
  update_summary (self, result->documents->len);
}

static void
stop_progress (CcFactsView *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
}

static gboolean
update_progress (gpointer user_data)
{
  CcFactsView *self = user_data;
  Job *job;
  int done, total;
  g_autofree char *text = NULL;

  if (self->task == NULL)
    {
      self->progress_id = 0;
      return G_SOURCE_REMOVE;
    }
  job = g_task_get_task_data (self->task);
  done = g_atomic_int_get (&job->done);
  total = g_atomic_int_get (&job->total);
  if (total > 0)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, (double)done / total);
      if (done < total - 1)
        text = g_strdup_printf (_("Reading article %d of %d"), done + 1, total - 1);
      else
        text = g_strdup (_("Lining up what the articles say"));
      adw_status_page_set_description (self->loading_page, text);
    }
  else
    {
      gtk_progress_bar_pulse (self->progress_bar);
    }
  return G_SOURCE_CONTINUE;
}

static void
on_facts_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CcFactsView) self = user_data;
  g_autoptr(GError) error = NULL;
  Result *facts;

  facts = g_task_propagate_pointer (G_TASK (result), &error);
  if (G_TASK (result) != self->task)
    {
      /* Superseded by a newer computation. */
      if (facts != NULL)
        result_free (facts);
      return;
    }

  g_clear_object (&self->task);
  g_clear_object (&self->cancellable);
  stop_progress (self);
  set_busy (self, FALSE);

  if (facts == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->dirty = TRUE;
          adw_status_page_set_description (self->error_page, _("Comparing was cancelled."));
        }
      else
        {
          adw_status_page_set_description (self->error_page, error->message);
        }
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "matrix");
  show_result (self, facts);
  result_free (facts);
  update_visible_page (self);
}

static void
cancel_job (CcFactsView *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->task);
  stop_progress (self);
  set_busy (self, FALSE);
}

void
cc_facts_view_refresh (CcFactsView *self)
{
  CcStore *store;
  Job *job;

  g_return_if_fail (CC_IS_FACTS_VIEW (self));

  cancel_job (self);
  self->dirty = FALSE;

  store = _cc_facts_view_get_store (self);
  if (store == NULL)
    {
      clear_document_columns (self);
      g_list_store_remove_all (self->rows);
      gtk_label_set_label (self->summary_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  job = g_new0 (Job, 1);
  job->path = g_strdup (cc_store_get_path (store));
  job->story_id = cc_session_get_story_id (self->session);
  self->cancellable = g_cancellable_new ();
  self->task = g_task_new (NULL, self->cancellable, on_facts_ready, g_object_ref (self));
  g_task_set_source_tag (self->task, cc_facts_view_refresh);
  g_task_set_task_data (self->task, job, (GDestroyNotify)job_free);
  g_task_set_return_on_cancel (self->task, FALSE);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  adw_status_page_set_description (self->loading_page, NULL);
  gtk_label_set_label (self->summary_label, _("Comparing the sources…"));
  set_busy (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->progress_id = g_timeout_add (100, update_progress, self);

  g_task_run_in_thread (self->task, facts_thread);
}

static void
on_refresh_clicked (CcFactsView *self)
{
  cc_facts_view_refresh (self);
}

static void
on_cancel_clicked (CcFactsView *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
on_library_changed (CcFactsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    cc_facts_view_refresh (self);
  else
    self->dirty = TRUE;
}

static void
cc_facts_view_map (GtkWidget *widget)
{
  CcFactsView *self = CC_FACTS_VIEW (widget);

  GTK_WIDGET_CLASS (cc_facts_view_parent_class)->map (widget);

  if (self->dirty && !self->busy)
    cc_facts_view_refresh (self);
}

/* GObject */

static void
cc_facts_view_dispose (GObject *object)
{
  CcFactsView *self = CC_FACTS_VIEW (object);
  GtkWidget *child;

  cancel_job (self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_FACTS_VIEW);
  /* The template's top box is not bound to a field: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->fact_column);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (cc_facts_view_parent_class)->dispose (object);
}

static void
cc_facts_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcFactsView *self = CC_FACTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_facts_view_class_init (CcFactsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_facts_view_dispose;
  object_class->get_property = cc_facts_view_get_property;
  widget_class->map = cc_facts_view_map;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Crosscheck/ui/cc-facts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcFactsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CcFactsView, conflicts_toggle);
  gtk_widget_class_bind_template_child (widget_class, CcFactsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CcFactsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CcFactsView, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CcFactsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, CcFactsView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CcFactsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CcFactsView, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_conflicts_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "factsview");
}

static void
cc_facts_view_init (CcFactsView *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->dirty = TRUE;
  /* Disagreements only at first (the toggle is active in the template);
   * the facts the sources agree on are behind it. */
  self->conflicts_only = TRUE;
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_list_store_new (CC_TYPE_FACT_ROW);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (_cc_facts_view_setup_fact_cell), self, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (_cc_facts_view_bind_fact_cell), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (_cc_facts_view_unbind_fact_cell), NULL);
  self->fact_column = gtk_column_view_column_new (_("Fact"), factory);
  gtk_column_view_column_set_resizable (self->fact_column, TRUE);
  gtk_column_view_column_set_fixed_width (self->fact_column, 230);
  gtk_column_view_append_column (self->column_view, self->fact_column);
}
