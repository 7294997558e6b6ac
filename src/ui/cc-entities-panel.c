/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cc-entities-panel.h"
#include "cc-entities.h"
#include "cc-entity-item.h"
#include "cc-session.h"
#include "cc-store-stories.h"

#define SELECTED_TAG "cc-entity-selected"

struct _CcEntitiesPanel
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *box;
  GtkToggleButton *document_scope;
  GtkToggleButton *library_scope;
  GtkSearchEntry  *search_entry;
  GtkLabel        *position_label;
  GtkToggleButton *underline_button;
  GtkStack        *stack;
  GtkListView     *list_view;
  AdwStatusPage   *empty_page;

  /* Owned */
  CcSession       *session;   /* store, story, document, toasts (issue 13) */
  CcReaderView    *reader;    /* the reader the mentions are underlined in */

  /* Owned */
  GListStore          *rows;       /* CcEntityItem */
  GtkSingleSelection  *selection;
  GPtrArray           *mentions;   /* CcMention of the current document */
  GArray              *current;    /* CcSpan: mentions of the selected entity */
  guint                position;   /* index into current */
  gboolean             updating;
  guint                underline_source;  /* idle: underlines applied in chunks */
  guint                underline_next;    /* next mention to underline */
  GCancellable        *analysis;          /* library analysis under way */
};

G_DEFINE_FINAL_TYPE (CcEntitiesPanel, cc_entities_panel, GTK_TYPE_WIDGET)

/* Underline colours by type: mid-tone, so they read on light and dark. */
static const char * const type_colors[CC_N_ENTITY_TYPES] = {
  "rgba(53,132,228,0.85)",   /* PERSON: blue */
  "rgba(145,65,172,0.85)",   /* ORG: purple */
  "rgba(230,97,0,0.85)",     /* PRODUCT: orange */
  "rgba(198,70,0,0.85)",     /* BENCHMARK: dark orange */
  "rgba(38,162,105,0.85)",   /* LOCATION: green */
  "rgba(152,106,68,0.85)",   /* DATE: brown */
  "rgba(229,165,10,0.85)",   /* MONEY: yellow */
  "rgba(33,144,164,0.85)",   /* PERCENT: teal */
  "rgba(119,118,123,0.85)",  /* QUANTITY: grey */
  "rgba(224,27,36,0.85)",    /* SCORE: red */
};

static CcReaderView *
get_reader (CcEntitiesPanel *self)
{
  return self->reader;
}

static char *
type_tag_name (CcEntityType type)
{
  return g_strdup_printf ("cc-entity-%s", cc_entity_type_to_string (type));
}

/* ---- marks in the reader ------------------------------------------------ */

static void
clear_underlines (CcEntitiesPanel *self)
{
  CcReaderView *reader = get_reader (self);

  if (reader == NULL)
    return;
  for (guint t = 0; t < CC_N_ENTITY_TYPES; t++)
    {
      g_autofree char *name = type_tag_name (t);
      cc_reader_view_clear_ranges (reader, name);
    }
}

#define UNDERLINE_CHUNK 1500

/* Underlines the next chunk of mentions, in text order: the top of the
 * document (what is shown first) is underlined before the first frame, the
 * rest while idle, so a document with tens of thousands of mentions opens
 * without a pause. */
static gboolean
underline_chunk (gpointer data)
{
  CcEntitiesPanel *self = data;
  CcReaderView *reader = get_reader (self);
  GArray *spans[CC_N_ENTITY_TYPES] = { NULL };
  guint end;

  if (reader == NULL || self->mentions == NULL)
    {
      self->underline_source = 0;
      return G_SOURCE_REMOVE;
    }
  end = MIN (self->underline_next + UNDERLINE_CHUNK, self->mentions->len);
  for (guint t = 0; t < CC_N_ENTITY_TYPES; t++)
    spans[t] = g_array_new (FALSE, FALSE, sizeof (CcSpan));
  for (guint i = self->underline_next; i < end; i++)
    {
      CcMention *m = self->mentions->pdata[i];
      CcSpan span = { m->start, m->end };
      g_array_append_val (spans[m->type], span);
    }
  for (guint t = 0; t < CC_N_ENTITY_TYPES; t++)
    {
      if (spans[t]->len > 0)
        {
          g_autofree char *name = type_tag_name (t);
          cc_reader_view_mark_ranges (reader, name, (CcSpan *)spans[t]->data, spans[t]->len);
        }
      g_array_unref (spans[t]);
    }
  self->underline_next = end;
  if (end >= self->mentions->len)
    {
      self->underline_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
apply_underlines (CcEntitiesPanel *self)
{
  CcReaderView *reader = get_reader (self);

  g_clear_handle_id (&self->underline_source, g_source_remove);
  clear_underlines (self);
  if (reader == NULL || self->mentions == NULL ||
      !gtk_toggle_button_get_active (self->underline_button))
    return;

  for (guint t = 0; t < CC_N_ENTITY_TYPES; t++)
    {
      g_autofree char *name = type_tag_name (t);
      GtkTextTag *tag = cc_reader_view_ensure_tag (reader, name);
      GdkRGBA rgba;

      gdk_rgba_parse (&rgba, type_colors[t]);
      g_object_set (tag, "underline", PANGO_UNDERLINE_SINGLE, "underline-rgba", &rgba, NULL);
    }
  self->underline_next = 0;
  if (underline_chunk (self))
    self->underline_source = g_idle_add_full (G_PRIORITY_LOW, underline_chunk, self, NULL);
}

/* TRUE while underlines are still being applied (for tests). */
gboolean
cc_entities_panel_get_busy (CcEntitiesPanel *self)
{
  g_return_val_if_fail (CC_IS_ENTITIES_PANEL (self), FALSE);
  return self->underline_source != 0;
}

static void
update_position (CcEntitiesPanel *self)
{
  gboolean has = self->current != NULL && self->current->len > 0;

  if (has)
    {
      g_autofree char *text = g_strdup_printf (_("%u of %u"), self->position + 1,
                                               self->current->len);
      gtk_label_set_label (self->position_label, text);
    }
  else
    gtk_label_set_label (self->position_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entities.next-mention", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entities.previous-mention", has);
}

static void
go_to_current (CcEntitiesPanel *self)
{
  CcReaderView *reader = get_reader (self);
  CcSpan *span;

  if (reader == NULL || self->current == NULL || self->current->len == 0)
    return;
  span = &g_array_index (self->current, CcSpan, self->position);
  cc_reader_view_scroll_to_offset (reader, span->start, span->end - span->start);
  update_position (self);
}

static void
mark_entity (CcEntitiesPanel *self,
             CcEntityItem    *item)
{
  CcReaderView *reader = get_reader (self);

  g_clear_pointer (&self->current, g_array_unref);
  self->position = 0;
  if (reader != NULL)
    cc_reader_view_clear_ranges (reader, SELECTED_TAG);

  if (item != NULL && !cc_entity_item_is_header (item) && self->mentions != NULL)
    {
      self->current = g_array_new (FALSE, FALSE, sizeof (CcSpan));
      for (guint i = 0; i < self->mentions->len; i++)
        {
          CcMention *m = self->mentions->pdata[i];

          if (m->type == cc_entity_item_get_entity_type (item) &&
              g_strcmp0 (m->canonical, cc_entity_item_get_canonical (item)) == 0)
            {
              CcSpan span = { m->start, m->end };
              g_array_append_val (self->current, span);
            }
        }
      if (reader != NULL && self->current->len > 0)
        {
          GtkTextTag *tag = cc_reader_view_ensure_tag (reader, SELECTED_TAG);
          GdkRGBA rgba;

          gdk_rgba_parse (&rgba, "rgba(53,132,228,0.30)");
          g_object_set (tag, "background-rgba", &rgba, NULL);
          cc_reader_view_mark_ranges (reader, SELECTED_TAG, (CcSpan *)self->current->data,
                                      self->current->len);
          go_to_current (self);
        }
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entities.filter-documents",
                                 item != NULL && !cc_entity_item_is_header (item));
  update_position (self);
}

/* ---- the list ------------------------------------------------------------ */

typedef struct
{
  CcEntityType  type;
  char         *canonical;
  guint         here;
  guint         library;
  guint         documents;
} Row;

static void
row_free (Row *row)
{
  g_free (row->canonical);
  g_free (row);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = *(const Row **)a;
  const Row *y = *(const Row **)b;

  if (x->type != y->type)
    return x->type < y->type ? -1 : 1;
  if (x->here != y->here)
    return x->here > y->here ? -1 : 1;
  if (x->library != y->library)
    return x->library > y->library ? -1 : 1;
  return g_utf8_collate (x->canonical, y->canonical);
}

/* The current story (0: all articles): library-scope counts cover it. */
static gint64
story_id (CcEntitiesPanel *self)
{
  return self->session ? cc_session_get_story_id (self->session) : 0;
}

static void
refresh (CcEntitiesPanel *self)
{
  CcStore *store = self->session ? cc_session_get_store (self->session) : NULL;
  CcDocument *doc = self->reader ? cc_reader_view_get_document (self->reader) : NULL;
  gboolean library = gtk_toggle_button_get_active (self->library_scope);
  const char *filter = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = filter && *filter ? g_utf8_casefold (filter, -1) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int last_type = -1;

  self->updating = TRUE;
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  mark_entity (self, NULL);

  if (store != NULL && doc != NULL)
    {
      self->mentions = cc_entities_for_document (store, cc_document_get_id (doc), &error);
      if (self->mentions == NULL)
        {
          g_autofree char *title = g_strdup_printf (_("Cannot find the entities of “%s”: %s"),
                                                    cc_document_get_title (doc), error->message);
          cc_session_add_toast (self->session, adw_toast_new (title));
          g_clear_error (&error);
        }
    }

  /* Library counts come from the cache, which the library analysis
   * (start_analysis) fills off the main thread; it refreshes when done. */
  if (store != NULL)
    counts = cc_store_story_entity_counts (store, story_id (self), NULL);

  /* Rows: the mentions of this document, or every entity of the library. */
  if (!library && self->mentions != NULL)
    for (guint i = 0; i < self->mentions->len; i++)
      {
        CcMention *m = self->mentions->pdata[i];
        g_autofree char *key = g_strdup_printf ("%s\t%s", cc_entity_type_to_string (m->type),
                                                m->canonical);
        Row *row = g_hash_table_lookup (rows, key);

        if (row == NULL)
          {
            CcEntitySummary *s = counts ? g_hash_table_lookup (counts, key) : NULL;

            row = g_new0 (Row, 1);
            row->type = m->type;
            row->canonical = g_strdup (m->canonical);
            row->library = s ? s->mentions : 0;
            row->documents = s ? s->documents : 0;
            g_ptr_array_add (list, row);
            g_hash_table_insert (rows, g_steal_pointer (&key), row);
          }
        row->here++;
      }
  else if (library && counts != NULL)
    {
      GHashTableIter iter;
      CcEntitySummary *s;

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&s))
        {
          Row *row = g_new0 (Row, 1);

          row->type = s->type;
          row->canonical = g_strdup (s->canonical);
          row->library = s->mentions;
          row->documents = s->documents;
          g_ptr_array_add (list, row);
        }
      /* Counts in the open document, too. */
      if (self->mentions != NULL)
        for (guint i = 0; i < list->len; i++)
          g_hash_table_insert (rows, g_strdup_printf ("%s\t%s",
                                                      cc_entity_type_to_string (((Row *)list->pdata[i])->type),
                                                      ((Row *)list->pdata[i])->canonical),
                               list->pdata[i]);
      if (self->mentions != NULL)
        for (guint i = 0; i < self->mentions->len; i++)
          {
            CcMention *m = self->mentions->pdata[i];
            g_autofree char *key = g_strdup_printf ("%s\t%s", cc_entity_type_to_string (m->type),
                                                    m->canonical);
            Row *row = g_hash_table_lookup (rows, key);
            if (row != NULL)
              row->here++;
          }
    }

  g_ptr_array_sort (list, compare_rows);
  for (guint i = 0; i < list->len; i++)
    {
      Row *row = list->pdata[i];

      if (needle != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (row->canonical, -1);
          if (strstr (folded, needle) == NULL)
            continue;
        }
      if ((int)row->type != last_type)
        {
          g_ptr_array_add (items, cc_entity_item_new (row->type, NULL, 0, 0, 0));
          last_type = row->type;
        }
      g_ptr_array_add (items, cc_entity_item_new (row->type, row->canonical, row->here,
                                                  row->library, row->documents));
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  if (items->len == 0 && needle != NULL)
    adw_status_page_set_description (self->empty_page, _("No entity matches the filter."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Open a document to see the people, organisations, "
                                       "products, places, dates and figures it names."));
  apply_underlines (self);
  self->updating = FALSE;
}

static void
on_selected_changed (CcEntitiesPanel *self)
{
  if (self->updating)
    return;
  mark_entity (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  CcEntityItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *name = GTK_LABEL (gtk_widget_get_first_child (box));
  GtkLabel *count = GTK_LABEL (gtk_widget_get_last_child (box));

  if (cc_entity_item_is_header (item))
    {
      gtk_label_set_label (name, cc_entity_type_get_label (cc_entity_item_get_entity_type (item)));
      gtk_widget_add_css_class (GTK_WIDGET (name), "heading");
      gtk_label_set_label (count, "");
      gtk_widget_set_tooltip_text (box, NULL);
      gtk_list_item_set_selectable (list_item, FALSE);
      gtk_list_item_set_activatable (list_item, FALSE);
    }
  else
    {
      g_autofree char *counts = g_strdup_printf ("%u · %u", cc_entity_item_get_here (item),
                                                 cc_entity_item_get_library (item));
      g_autofree char *tip = g_strdup_printf (_("%u in this document, %u in the library "
                                                "(%u documents)"),
                                              cc_entity_item_get_here (item),
                                              cc_entity_item_get_library (item),
                                              cc_entity_item_get_documents (item));

      gtk_label_set_label (name, cc_entity_item_get_canonical (item));
      gtk_widget_remove_css_class (GTK_WIDGET (name), "heading");
      gtk_label_set_label (count, counts);
      gtk_widget_set_tooltip_text (box, tip);
      gtk_list_item_set_selectable (list_item, TRUE);
      gtk_list_item_set_activatable (list_item, TRUE);
    }
}

/* ---- tooltip over the reader -------------------------------------------- */

static gboolean
on_query_tooltip (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  CcEntitiesPanel *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkTextIter iter;
  int bx, by;
  guint offset, lo = 0, hi;

  if (self->mentions == NULL || self->mentions->len == 0 || keyboard ||
      !gtk_toggle_button_get_active (self->underline_button))
    return FALSE;
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return FALSE;
  offset = gtk_text_iter_get_offset (&iter);

  /* Mentions are sorted and do not overlap: binary search. */
  hi = self->mentions->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      CcMention *m = self->mentions->pdata[mid];

      if (offset < m->start)
        hi = mid;
      else if (offset >= m->end)
        lo = mid + 1;
      else
        {
          g_autofree char *text = NULL;

          if (m->value != NULL && g_strcmp0 (m->value, m->canonical) != 0)
            text = g_strdup_printf ("%s · %s (%s)", cc_entity_type_to_string (m->type),
                                    m->canonical, m->value);
          else
            text = g_strdup_printf ("%s · %s", cc_entity_type_to_string (m->type), m->canonical);
          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- actions --------------------------------------------------------------- */

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cc_entities_panel_step (CC_ENTITIES_PANEL (widget),
                          g_str_equal (action_name, "entities.next-mention"));
}

static void
filter_documents_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CcEntitiesPanel *self = CC_ENTITIES_PANEL (widget);
  CcEntityItem *item = gtk_single_selection_get_selected_item (self->selection);
  CcStore *store = self->session ? cc_session_get_store (self->session) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) set = NULL;
  g_autofree char *description = NULL;

  if (item == NULL || cc_entity_item_is_header (item) || store == NULL)
    return;
  ids = cc_entities_documents_mentioning (store, cc_entity_item_get_canonical (item),
                                          cc_entity_item_get_entity_type (item), &error);
  if (ids == NULL)
    {
      cc_session_add_toast (self->session, adw_toast_new (error->message));
      return;
    }
  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  description = g_strdup_printf (_("mentions of “%s”"), cc_entity_item_get_canonical (item));
  cc_session_set_document_filter (self->session, set, description);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
cc_entities_panel_dispose (GObject *object)
{
  CcEntitiesPanel *self = (CcEntitiesPanel *)object;

  g_clear_handle_id (&self->underline_source, g_source_remove);
  g_cancellable_cancel (self->analysis);
  g_clear_object (&self->analysis);
  g_clear_object (&self->session);
  g_clear_object (&self->reader);
  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_ENTITIES_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->current, g_array_unref);

  G_OBJECT_CLASS (cc_entities_panel_parent_class)->dispose (object);
}

static void
cc_entities_panel_class_init (CcEntitiesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_entities_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/gnome/Crosscheck/ui/cc-entities-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CcEntitiesPanel, box);
  gtk_widget_class_bind_template_child (widget_class, CcEntitiesPanel, document_scope);
  gtk_widget_class_bind_template_child (widget_class, CcEntitiesPanel, library_scope);
  gtk_widget_class_bind_template_child (widget_class, CcEntitiesPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CcEntitiesPanel, position_label);
  gtk_widget_class_bind_template_child (widget_class, CcEntitiesPanel, underline_button);
  gtk_widget_class_bind_template_child (widget_class, CcEntitiesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CcEntitiesPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, CcEntitiesPanel, empty_page);

  gtk_widget_class_install_action (widget_class, "entities.next-mention", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "entities.previous-mention", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "entities.filter-documents", NULL,
                                   filter_documents_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "entities.next-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "entities.previous-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0,
                                       "entities.next-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK,
                                       "entities.previous-mention", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cc_entities_panel_init (CcEntitiesPanel *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (CC_TYPE_ENTITY_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_scope, "toggled",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->underline_button, "toggled",
                           G_CALLBACK (apply_underlines), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entities.filter-documents", FALSE);
  update_position (self);
}

static void
on_document_changed (CcEntitiesPanel *self)
{
  refresh (self);
}

static void
analysis_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_open (task_data, &error);

  if (store == NULL || !cc_entities_analyze_library (store, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
analysis_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CcEntitiesPanel *self = CC_ENTITIES_PANEL (source);
  g_autoptr(GError) error = NULL;

  /* Superseded, or the panel is disposed (the task keeps it alive):
   * nothing to refresh. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))) ||
      self->session == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *title = g_strdup_printf (_("Cannot find entities: %s"), error->message);
          cc_session_add_toast (self->session, adw_toast_new (title));
        }
      return;
    }
  g_clear_object (&self->analysis);
  refresh (self);
}

/* Analyses every document of the library (each is cached by content hash,
 * so only new or changed ones cost anything) on its own connection, then
 * refreshes the counts. */
static void
start_analysis (CcEntitiesPanel *self)
{
  CcStore *store = self->session ? cc_session_get_store (self->session) : NULL;
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->analysis);
  g_clear_object (&self->analysis);
  if (store == NULL)
    return;

  self->analysis = g_cancellable_new ();
  task = g_task_new (self, self->analysis, analysis_done, NULL);
  g_task_set_source_tag (task, start_analysis);
  g_task_set_task_data (task, g_strdup (cc_store_get_path (store)), g_free);
  g_task_run_in_thread (task, analysis_thread);
}

static void
on_library_changed (CcEntitiesPanel *self)
{
  refresh (self);
  start_analysis (self);
}

GtkWidget *
cc_entities_panel_new (CcSession    *session,
                       CcReaderView *reader)
{
  CcEntitiesPanel *self;

  g_return_val_if_fail (CC_IS_SESSION (session), NULL);
  g_return_val_if_fail (CC_IS_READER_VIEW (reader), NULL);

  self = g_object_new (CC_TYPE_ENTITIES_PANEL, NULL);
  self->session = g_object_ref (session);
  self->reader = g_object_ref (reader);
  g_signal_connect_object (reader, "document-changed",
                           G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "library-changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::story",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  gtk_widget_set_has_tooltip (GTK_WIDGET (cc_reader_view_get_text_view (reader)), TRUE);
  g_signal_connect_object (cc_reader_view_get_text_view (reader), "query-tooltip",
                           G_CALLBACK (on_query_tooltip), self, 0);
  on_library_changed (self);
  return GTK_WIDGET (self);
}

guint
cc_entities_panel_get_n_rows (CcEntitiesPanel *self)
{
  g_return_val_if_fail (CC_IS_ENTITIES_PANEL (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

gboolean
cc_entities_panel_get_analysing (CcEntitiesPanel *self)
{
  g_return_val_if_fail (CC_IS_ENTITIES_PANEL (self), FALSE);
  return self->analysis != NULL;
}

guint
cc_entities_panel_get_library_count (CcEntitiesPanel *self,
                                     const char      *canonical)
{
  guint n;

  g_return_val_if_fail (CC_IS_ENTITIES_PANEL (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcEntityItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      const char *name = cc_entity_item_get_canonical (item);

      if (name != NULL && g_str_equal (name, canonical))
        return cc_entity_item_get_library (item);
    }
  return 0;
}

gboolean
cc_entities_panel_select_entity (CcEntitiesPanel *self,
                                 const char      *canonical)
{
  guint n;

  g_return_val_if_fail (CC_IS_ENTITIES_PANEL (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcEntityItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (!cc_entity_item_is_header (item) &&
          g_strcmp0 (cc_entity_item_get_canonical (item), canonical) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

guint
cc_entities_panel_get_current (CcEntitiesPanel *self)
{
  g_return_val_if_fail (CC_IS_ENTITIES_PANEL (self), 0);
  return self->current != NULL && self->current->len > 0 ? self->position + 1 : 0;
}

void
cc_entities_panel_step (CcEntitiesPanel *self,
                        gboolean         forward)
{
  guint n;

  g_return_if_fail (CC_IS_ENTITIES_PANEL (self));

  if (self->current == NULL || self->current->len == 0)
    return;
  n = self->current->len;
  self->position = forward ? (self->position + 1) % n : (self->position + n - 1) % n;
  go_to_current (self);
}

void
cc_entities_panel_set_underline (CcEntitiesPanel *self,
                                 gboolean         underline)
{
  g_return_if_fail (CC_IS_ENTITIES_PANEL (self));
  gtk_toggle_button_set_active (self->underline_button, underline);
}
