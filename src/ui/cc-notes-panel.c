/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-annotation-store.h"
#include "cc-note-row.h"
#include "cc-store-stories.h"
#include "cc-notes-panel.h"

struct _CcNotesPanel
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *box;
  GtkToggleButton *document_scope;
  GtkToggleButton *library_scope;
  GtkSearchEntry  *search_entry;
  GtkBox          *color_filter_box;
  GtkDropDown     *tag_dropdown;
  GtkDropDown     *document_dropdown;
  GtkStack        *stack;
  GtkListView     *list_view;
  AdwStatusPage   *empty_page;
  GtkLabel        *count_label;

  /* Owned */
  CcSession       *session;        /* store, document, toasts (issue 13) */
  CcReaderView    *reader;         /* the reader the highlighter paints */
  GtkWindow       *root;           /* weak: followed for "is-active" */

  /* Owned */
  CcUndoStack     *undo;
  CcHighlighter   *highlighter;
  GListStore      *rows;           /* CcAnnotation or GtkStringObject */
  GtkStringList   *tags;           /* "All Tags", then every tag */
  GtkStringList   *documents;      /* "All Articles", then titles */
  GArray          *document_ids;   /* gint64, parallel to documents minus 1 */
  GHashTable      *titles;         /* gint64* -> char* */
  GtkToggleButton *color_buttons[5];
  char            *color_filter;
  GSimpleActionGroup *actions;

  gint64           data_version;
  guint            refresh_source;
  gboolean         updating;
  gboolean         dirty;          /* changed while hidden */
};

G_DEFINE_FINAL_TYPE (CcNotesPanel, cc_notes_panel, GTK_TYPE_WIDGET)

/* Helpers */

static CcStore *
get_store (CcNotesPanel *self)
{
  return cc_undo_stack_get_store (self->undo);
}

static void
add_toast (CcNotesPanel *self,
           AdwToast     *toast)
{
  if (self->session != NULL)
    cc_session_add_toast (self->session, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
toast_error (CcNotesPanel *self,
             const char   *what,
             const GError *error)
{
  g_autofree char *title = g_strdup_printf ("%s: %s", what, error->message);

  g_warning ("%s", title);
  add_toast (self, adw_toast_new (title));
}

static gint64
read_data_version (CcNotesPanel *self)
{
  CcStore *store = get_store (self);
  sqlite3_stmt *stmt;
  gint64 version = 0;

  if (store == NULL)
    return 0;

  stmt = cc_store_prepare (store, "PRAGMA data_version", NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return version;
}

/* Filters */

static void
rebuild_titles (CcNotesPanel *self)
{
  GListModel *documents = self->session ? cc_session_get_documents (self->session) : NULL;
  guint n = documents ? g_list_model_get_n_items (documents) : 0;
  gint64 selected_id = 0;
  guint selected = gtk_drop_down_get_selected (self->document_dropdown);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected - 1 < self->document_ids->len)
    selected_id = g_array_index (self->document_ids, gint64, selected - 1);

  g_hash_table_remove_all (self->titles);
  g_array_set_size (self->document_ids, 0);
  g_ptr_array_add (labels, (gpointer) _("All Articles"));
  selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcDocument) document = g_list_model_get_item (documents, i);
      gint64 id = cc_document_get_id (document);
      const char *title = cc_document_get_title (document);

      if (title == NULL || *title == '\0')
        title = cc_document_get_basename (document);
      g_hash_table_insert (self->titles, g_memdup2 (&id, sizeof id), g_strdup (title));
      g_array_append_val (self->document_ids, id);
      g_ptr_array_add (labels, (gpointer) g_hash_table_lookup (self->titles, &id));
      if (id == selected_id)
        selected = i + 1;
    }
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->documents, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->document_dropdown, selected);
  self->updating = FALSE;
}

static void
rebuild_tags (CcNotesPanel *self)
{
  CcStore *store = get_store (self);
  g_auto(GStrv) tags = store ? cc_annotation_store_list_tags (store, NULL) : NULL;
  GListModel *model = G_LIST_MODEL (self->tags);
  guint n = g_list_model_get_n_items (model);
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);
  g_autofree char *selected_tag = NULL;
  guint tags_len = tags ? g_strv_length (tags) : 0;
  gboolean same = n == tags_len + 1;

  for (guint i = 0; same && i < tags_len; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->tags, i + 1), tags[i]) == 0;
  if (same)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected < n)
    selected_tag = g_strdup (gtk_string_list_get_string (self->tags, selected));

  self->updating = TRUE;
  gtk_string_list_splice (self->tags, 1, n - 1, (const char * const *) tags);
  selected = 0;
  for (guint i = 0; selected_tag != NULL && i < tags_len; i++)
    if (g_strcmp0 (tags[i], selected_tag) == 0)
      selected = i + 1;
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
  self->updating = FALSE;
}

static gboolean
library_scope (CcNotesPanel *self)
{
  return gtk_toggle_button_get_active (self->library_scope);
}

/* The list */

/* In library scope with a story chosen, keeps in @list (CcAnnotation, owned)
 * only the annotations of that story's documents, in their order. */
static gboolean
keep_story_annotations (CcNotesPanel *self,
                        CcStore      *store,
                        GPtrArray    *list,
                        GError      **error)
{
  gint64 story_id = cc_session_get_story_id (self->session);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) set = NULL;
  guint kept = 0;

  if (!library_scope (self) || story_id <= 0)
    return TRUE;
  ids = cc_store_story_document_ids (store, story_id, error);
  if (ids == NULL)
    return FALSE;
  set = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, &g_array_index (ids, gint64, i));
  for (guint i = 0; i < list->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (list, i);
      gint64 document_id = cc_annotation_get_document_id (a);

      if (g_hash_table_contains (set, &document_id))
        list->pdata[kept++] = a;
      else
        g_object_unref (a);
    }
  /* The removed ones were unreffed above: shrink without freeing. */
  g_ptr_array_set_free_func (list, NULL);
  g_ptr_array_set_size (list, kept);
  g_ptr_array_set_free_func (list, g_object_unref);
  return TRUE;
}

static void
update_count (CcNotesPanel *self,
              guint         shown,
              guint         orphans)
{
  g_autofree char *label = NULL;

  if (orphans > 0)
    /* Translators: "12 highlights, 2 detached" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u highlight, %u detached",
                                          "%u highlights, %u detached", shown),
                             shown, orphans);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u highlight", "%u highlights", shown),
                             shown);
  gtk_label_set_label (self->count_label, label);
}

void
cc_notes_panel_refresh (CcNotesPanel *self)
{
  CcStore *store;
  CcDocument *document;
  CcAnnotationFilter filter = { 0 };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  guint tag_index, doc_index;
  guint anchored = 0;
  gboolean filtered;

  g_return_if_fail (CC_IS_NOTES_PANEL (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->dirty = FALSE;
  if (self->session == NULL)
    return;

  store = get_store (self);
  document = cc_session_get_document (self->session);
  rebuild_tags (self);

  gtk_widget_set_visible (GTK_WIDGET (self->document_dropdown), library_scope (self));

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  tag_index = gtk_drop_down_get_selected (self->tag_dropdown);
  doc_index = gtk_drop_down_get_selected (self->document_dropdown);

  filter.text = text;
  filter.color = self->color_filter;
  if (tag_index != GTK_INVALID_LIST_POSITION && tag_index > 0)
    filter.tag = gtk_string_list_get_string (self->tags, tag_index);
  if (!library_scope (self))
    filter.document_id = document ? cc_document_get_id (document) : -1;
  else if (doc_index != GTK_INVALID_LIST_POSITION && doc_index > 0 &&
           doc_index - 1 < self->document_ids->len)
    filter.document_id = g_array_index (self->document_ids, gint64, doc_index - 1);

  filtered = (text != NULL && *text != '\0') || filter.color != NULL || filter.tag != NULL ||
             (library_scope (self) && filter.document_id != 0);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  orphans = g_ptr_array_new ();

  if (store != NULL && filter.document_id >= 0)
    {
      list = cc_annotation_store_list (store, &filter, &error);
      if (list != NULL && !keep_story_annotations (self, store, list, &error))
        g_clear_pointer (&list, g_ptr_array_unref);
      if (list == NULL)
        toast_error (self, _("Could not load the notes"), error);
    }

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (list, i);

      if (cc_annotation_is_orphaned (a))
        g_ptr_array_add (orphans, a);
    }

  if (orphans->len > 0)
    {
      g_autofree char *title = g_strdup_printf (_("Detached Notes (%u)"), orphans->len);

      g_ptr_array_add (items, gtk_string_object_new (title));
      for (guint i = 0; i < orphans->len; i++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (orphans, i)));
      if (list->len > orphans->len)
        g_ptr_array_add (items, gtk_string_object_new (_("Highlights")));
    }

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (list, i);

      if (!cc_annotation_is_orphaned (a))
        {
          g_ptr_array_add (items, g_object_ref (a));
          anchored++;
        }
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);

  if (items->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (filtered)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    {
      if (!library_scope (self) && document == NULL)
        {
          adw_status_page_set_title (self->empty_page, _("No Article Open"));
          adw_status_page_set_description (self->empty_page,
                                           _("Open an article to see its highlights and notes, or show the whole library"));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Highlights Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Select a passage and press H, or pick a colour from the bar that appears above it"));
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  update_count (self, anchored, orphans->len);
}

static gboolean
refresh_idle (gpointer user_data)
{
  CcNotesPanel *self = user_data;

  self->refresh_source = 0;
  cc_notes_panel_refresh (self);

  return G_SOURCE_REMOVE;
}

/* The list is refreshed when the main loop is idle (after the reader has
 * drawn), and only while the panel is on screen: a hidden panel refreshes
 * when it is shown. */
static void
queue_refresh (CcNotesPanel *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static void
on_map (CcNotesPanel *self)
{
  if (self->dirty)
    queue_refresh (self);
}

static void
on_undo_changed (CcNotesPanel *self,
                 CcAnnotation *annotation,
                 gboolean      exists,
                 CcUndoStack  *undo)
{
  queue_refresh (self);
}

/* Rows */

static void
on_row_reattach (CcNotesPanel *self,
                 CcNoteRow    *row)
{
  CcAnnotation *annotation = cc_note_row_get_annotation (row);
  CcDocument *document;
  g_autoptr(CcAnnotation) copy = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gint64 document_id;

  if (annotation == NULL || self->session == NULL)
    return;

  document_id = cc_annotation_get_document_id (annotation);
  document = cc_session_get_document (self->session);
  if (document == NULL || cc_document_get_id (document) != document_id)
    {
      if (cc_session_show_document (self->session, document_id, -1, 0))
        add_toast (self, adw_toast_new (_("Select the passage for this note, then press Re-attach")));
      else
        add_toast (self, adw_toast_new (_("The article of this note is no longer in the library")));
      return;
    }

  buffer = cc_reader_view_get_buffer (self->reader);
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      /* Not the white space around the passage. */
      while (gtk_text_iter_compare (&start, &end) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&start)))
        gtk_text_iter_forward_char (&start);
      while (gtk_text_iter_compare (&start, &end) < 0)
        {
          GtkTextIter prev = end;

          gtk_text_iter_backward_char (&prev);
          if (!g_unichar_isspace (gtk_text_iter_get_char (&prev)))
            break;
          end = prev;
        }
    }
  if (gtk_text_iter_equal (&start, &end))
    {
      add_toast (self, adw_toast_new (_("Select the passage for this note in the article first")));
      return;
    }

  copy = cc_annotation_copy (annotation);
  if (!cc_undo_stack_reattach (self->undo, copy,
                               (guint) gtk_text_iter_get_offset (&start),
                               (guint) gtk_text_iter_get_offset (&end), &error))
    {
      toast_error (self, _("Could not re-attach the note"), error);
      return;
    }

  gtk_text_buffer_select_range (buffer, &end, &end);
  add_toast (self, adw_toast_new (_("Note re-attached")));
}

static void
on_undo_toast_clicked (AdwToast    *toast,
                       CcUndoStack *undo)
{
  CcAnnotation *annotation = g_object_get_data (G_OBJECT (toast), "cc-annotation");
  g_autoptr(GError) error = NULL;

  if (annotation != NULL && !cc_undo_stack_restore (undo, annotation, &error))
    g_warning ("Could not restore the note: %s", error->message);
}

static void
on_row_delete (CcNotesPanel *self,
               CcNoteRow    *row)
{
  CcAnnotation *annotation = cc_note_row_get_annotation (row);
  g_autoptr(CcAnnotation) copy = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (annotation == NULL)
    return;

  copy = cc_annotation_copy (annotation);
  if (!cc_undo_stack_delete (self->undo, copy, &error))
    {
      toast_error (self, _("Could not delete the note"), error);
      return;
    }

  toast = adw_toast_new (_("Note deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "cc-annotation", g_steal_pointer (&copy), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_clicked), self->undo, 0);
  add_toast (self, toast);
}

static void
setup_row (CcNotesPanel             *self,
           GtkListItem              *item,
           GtkSignalListItemFactory *factory)
{
  GtkWidget *row = cc_note_row_new ();

  g_signal_connect_object (row, "reattach", G_CALLBACK (on_row_reattach), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "delete", G_CALLBACK (on_row_delete), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, row);
}

static void
bind_row (CcNotesPanel             *self,
          GtkListItem              *item,
          GtkSignalListItemFactory *factory)
{
  CcNoteRow *row = CC_NOTE_ROW (gtk_list_item_get_child (item));
  GObject *object = gtk_list_item_get_item (item);

  if (GTK_IS_STRING_OBJECT (object))
    {
      cc_note_row_set_header (row, gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
      gtk_list_item_set_activatable (item, FALSE);
      gtk_list_item_set_selectable (item, FALSE);
    }
  else
    {
      CcAnnotation *annotation = CC_ANNOTATION (object);
      gint64 id = cc_annotation_get_document_id (annotation);
      const char *title = NULL;

      /* The article is named when the list spans the library. */
      if (library_scope (self))
        {
          title = g_hash_table_lookup (self->titles, &id);
          if (title == NULL)
            title = cc_annotation_get_document_hint (annotation);
        }
      cc_note_row_set_annotation (row, annotation, title);
      gtk_list_item_set_activatable (item, !cc_annotation_is_orphaned (annotation));
      gtk_list_item_set_selectable (item, TRUE);
    }
}

static void
on_row_activated (CcNotesPanel *self,
                  guint         position,
                  GtkListView  *list_view)
{
  g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  CcAnnotation *annotation;
  guint start;

  if (!CC_IS_ANNOTATION (object) || self->session == NULL)
    return;

  annotation = CC_ANNOTATION (object);
  if (cc_annotation_is_orphaned (annotation))
    return;

  start = cc_annotation_get_start (annotation);
  /* The passage is shown (scrolled to, not selected: the highlight stays
   * visible) with its note open. */
  if (!cc_session_show_document (self->session, cc_annotation_get_document_id (annotation),
                                 (int)MIN (start, (guint)G_MAXINT), 0))
    {
      add_toast (self, adw_toast_new (_("The article of this note is no longer in the library")));
      return;
    }
  cc_highlighter_open_annotation_later (self->highlighter, cc_annotation_get_uuid (annotation));
}

/* Filters and scope */

static void
on_filter_changed (CcNotesPanel *self)
{
  if (!self->updating)
    cc_notes_panel_refresh (self);
}

static void
on_scope_toggled (CcNotesPanel *self)
{
  cc_notes_panel_refresh (self);
}

static void
on_color_filter_toggled (CcNotesPanel    *self,
                         GtkToggleButton *button)
{
  const char *color = g_object_get_data (G_OBJECT (button), "cc-color");

  if (self->updating)
    return;

  self->updating = TRUE;
  if (gtk_toggle_button_get_active (button))
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->color_buttons); i++)
        if (self->color_buttons[i] != button)
          gtk_toggle_button_set_active (self->color_buttons[i], FALSE);
      g_free (self->color_filter);
      self->color_filter = g_strdup (color);
    }
  else if (g_strcmp0 (self->color_filter, color) == 0)
    g_clear_pointer (&self->color_filter, g_free);
  self->updating = FALSE;

  cc_notes_panel_refresh (self);
}

void
cc_notes_panel_set_library_scope (CcNotesPanel *self,
                                  gboolean      library)
{
  g_return_if_fail (CC_IS_NOTES_PANEL (self));

  gtk_toggle_button_set_active (library ? self->library_scope : self->document_scope, TRUE);
}

/* Window */

static void
on_document_changed (CcNotesPanel *self)
{
  if (!library_scope (self))
    queue_refresh (self);
}

static void
on_story_changed (CcNotesPanel *self)
{
  if (library_scope (self))
    queue_refresh (self);
}

static void
on_store_changed (CcNotesPanel *self)
{
  cc_undo_stack_set_store (self->undo, cc_session_get_store (self->session));
  self->data_version = read_data_version (self);
  rebuild_titles (self);
  queue_refresh (self);
}

static void
on_library_changed (CcNotesPanel *self)
{
  /* A re-import may have re-anchored annotations. */
  self->data_version = read_data_version (self);
  rebuild_titles (self);
  cc_highlighter_reload (self->highlighter);
  queue_refresh (self);
}

/* Another program (crosscheck-cli) may have changed the library while the
 * window was in the background. */
static void
on_active_changed (CcNotesPanel *self)
{
  gint64 version;

  if (self->root == NULL || !gtk_window_is_active (self->root))
    return;

  version = read_data_version (self);
  if (version == self->data_version)
    return;

  self->data_version = version;
  cc_highlighter_reload (self->highlighter);
  queue_refresh (self);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CcNotesPanel *self = user_data;
  gboolean redo = g_str_equal (g_action_get_name (G_ACTION (action)), "redo");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = redo ? cc_undo_stack_redo (self->undo, &error) : cc_undo_stack_undo (self->undo, &error);
  if (!ok)
    toast_error (self, redo ? _("Could not redo") : _("Could not undo"), error);
}

static const GActionEntry action_entries[] = {
  { "undo", undo_action, NULL, NULL, NULL, { 0 } },
  { "redo", undo_action, NULL, NULL, NULL, { 0 } },
};

static void
create_actions (CcNotesPanel *self)
{
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  g_object_bind_property (self->undo, "can-undo",
                          g_action_map_lookup_action (G_ACTION_MAP (self->actions), "undo"), "enabled",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->undo, "can-redo",
                          g_action_map_lookup_action (G_ACTION_MAP (self->actions), "redo"), "enabled",
                          G_BINDING_SYNC_CREATE);
}

GActionGroup *
cc_notes_panel_get_actions (CcNotesPanel *self)
{
  g_return_val_if_fail (CC_IS_NOTES_PANEL (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

GtkEventController *
cc_notes_panel_create_shortcuts (CcNotesPanel *self)
{
  GtkEventController *controller;
  GtkShortcutController *shortcuts;
  struct { const char *trigger; const char *action; } keys[] = {
    { "<Control>z", "notes.undo" },
    { "<Control><Shift>z", "notes.redo" },
    { "<Control>y", "notes.redo" },
  };

  g_return_val_if_fail (CC_IS_NOTES_PANEL (self), NULL);

  /* Bubble phase: a text entry with its own undo history goes first. */
  controller = gtk_shortcut_controller_new ();
  shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (shortcuts,
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                            gtk_named_action_new (keys[i].action)));
  return controller;
}

/* The window the panel is in: its "is-active" says when to look for
 * changes other programs made. */
static void
cc_notes_panel_root (GtkWidget *widget)
{
  CcNotesPanel *self = CC_NOTES_PANEL (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (cc_notes_panel_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return;
  g_set_weak_pointer (&self->root, GTK_WINDOW (root));
  g_signal_connect_object (root, "notify::is-active", G_CALLBACK (on_active_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
cc_notes_panel_unroot (GtkWidget *widget)
{
  CcNotesPanel *self = CC_NOTES_PANEL (widget);

  if (self->root != NULL)
    g_signal_handlers_disconnect_by_func (self->root, on_active_changed, self);
  g_clear_weak_pointer (&self->root);

  GTK_WIDGET_CLASS (cc_notes_panel_parent_class)->unroot (widget);
}

static void
build_color_filter (CcNotesPanel *self)
{
  const char * const *colors = cc_annotation_get_colors ();

  for (guint i = 0; colors[i] != NULL && i < G_N_ELEMENTS (self->color_buttons); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *tooltip = g_strdup_printf (_("Only %s highlights"),
                                                  cc_annotation_color_get_label (colors[i]));

      gtk_widget_add_css_class (button, "cc-color-button");
      gtk_widget_add_css_class (button, "small");
      gtk_widget_add_css_class (button, colors[i]);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data (G_OBJECT (button), "cc-color", (gpointer) colors[i]);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_color_filter_toggled),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (self->color_filter_box, button);
      self->color_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

GtkWidget *
cc_notes_panel_new (CcSession    *session,
                    CcReaderView *reader)
{
  CcNotesPanel *self;

  g_return_val_if_fail (CC_IS_SESSION (session), NULL);
  g_return_val_if_fail (CC_IS_READER_VIEW (reader), NULL);

  self = g_object_new (CC_TYPE_NOTES_PANEL, NULL);
  self->session = g_object_ref (session);
  self->reader = g_object_ref (reader);
  cc_session_set_undo_stack (self->session, G_OBJECT (self->undo));

  self->highlighter = cc_highlighter_new (reader, self->undo);
  create_actions (self);

  g_signal_connect_object (self->session, "notify::store", G_CALLBACK (on_store_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::document", G_CALLBACK (on_document_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::story", G_CALLBACK (on_story_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "library-changed", G_CALLBACK (on_library_changed),
                           self, G_CONNECT_SWAPPED);

  on_store_changed (self);

  return GTK_WIDGET (self);
}

CcHighlighter *
cc_notes_panel_get_highlighter (CcNotesPanel *self)
{
  g_return_val_if_fail (CC_IS_NOTES_PANEL (self), NULL);

  return self->highlighter;
}

CcUndoStack *
cc_notes_panel_get_undo_stack (CcNotesPanel *self)
{
  g_return_val_if_fail (CC_IS_NOTES_PANEL (self), NULL);

  return self->undo;
}

GListModel *
cc_notes_panel_get_model (CcNotesPanel *self)
{
  g_return_val_if_fail (CC_IS_NOTES_PANEL (self), NULL);

  return G_LIST_MODEL (self->rows);
}

static void
cc_notes_panel_dispose (GObject *object)
{
  CcNotesPanel *self = CC_NOTES_PANEL (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  /* Whoever shows the "notes" actions may keep the group: it goes quiet. */
  if (self->actions != NULL)
    {
      g_action_map_remove_action (G_ACTION_MAP (self->actions), "undo");
      g_action_map_remove_action (G_ACTION_MAP (self->actions), "redo");
    }
  if (self->highlighter != NULL)
    g_object_run_dispose (G_OBJECT (self->highlighter));
  g_clear_object (&self->highlighter);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_NOTES_PANEL);

  g_clear_object (&self->actions);
  g_clear_object (&self->undo);
  g_clear_object (&self->session);
  g_clear_object (&self->reader);
  g_clear_weak_pointer (&self->root);
  g_clear_object (&self->rows);
  g_clear_object (&self->tags);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (cc_notes_panel_parent_class)->dispose (object);
}

static void
cc_notes_panel_finalize (GObject *object)
{
  CcNotesPanel *self = CC_NOTES_PANEL (object);

  g_clear_pointer (&self->document_ids, g_array_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);
  g_clear_pointer (&self->color_filter, g_free);

  G_OBJECT_CLASS (cc_notes_panel_parent_class)->finalize (object);
}

static void
cc_notes_panel_class_init (CcNotesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_notes_panel_dispose;
  object_class->finalize = cc_notes_panel_finalize;
  widget_class->root = cc_notes_panel_root;
  widget_class->unroot = cc_notes_panel_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Crosscheck/ui/cc-notes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, box);
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, document_scope);
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, library_scope);
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, color_filter_box);
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CcNotesPanel, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "notespanel");
}

static void
cc_notes_panel_init (CcNotesPanel *self)
{
  const char *all_tags[] = { NULL, NULL };
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  self->undo = cc_undo_stack_new ();
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  all_tags[0] = _("All Tags");
  self->tags = gtk_string_list_new (all_tags);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tags));
  all_tags[0] = _("All Articles");
  self->documents = gtk_string_list_new (all_tags);
  gtk_drop_down_set_model (self->document_dropdown, G_LIST_MODEL (self->documents));

  build_color_filter (self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (self->undo, "changed", G_CALLBACK (on_undo_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  self->updating = FALSE;
}
