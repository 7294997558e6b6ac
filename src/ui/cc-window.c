/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "cc-application.h"
#include "cc-document-row.h"
#include "cc-error.h"
#include "cc-entities-panel.h"
#include "cc-notes-panel.h"
#include "cc-window-private.h"

G_DEFINE_FINAL_TYPE (CcWindow, cc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CcWindow *
cc_window_new (AdwApplication *application)
{
  return g_object_new (CC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* Document list */

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
document_filter_func (gpointer item,
                      gpointer user_data)
{
  CcWindow *self = user_data;
  CcDocument *document = item;
  GHashTable *ids = cc_session_get_document_filter (self->session);

  if (ids != NULL)
    {
      gint64 id = cc_document_get_id (document);

      if (!g_hash_table_contains (ids, &id))
        return FALSE;
    }

  if (self->filter_text != NULL)
    return contains_casefolded (cc_document_get_title (document), self->filter_text) ||
           contains_casefolded (cc_document_get_outlet (document), self->filter_text) ||
           contains_casefolded (cc_document_get_byline (document), self->filter_text) ||
           contains_casefolded (cc_document_get_basename (document), self->filter_text);

  return TRUE;
}

static void
update_list_count (CcWindow *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *label = NULL;

  if (shown == total)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", total),
                             total);
  else
    /* Translators: "3 of 5 articles" shown in the filtered document list */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u article", "%u of %u articles",
                                          total),
                             shown, total);

  gtk_label_set_label (self->list_count, label);
  /* An empty story of a library that has articles says so, once, in the
   * list (the window's own status page is for an empty library). */
  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack,
                                      self->store != NULL && cc_store_count_documents (self->store) > 0
                                        ? "empty-story" : "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "no-match");
}

static void
on_filtered_items_changed (CcWindow   *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  update_list_count (self);
}

static void
on_filter_changed (CcWindow       *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->filter_text, g_free);
  if (*stripped != '\0')
    self->filter_text = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, cc_document_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  CcDocumentRow *row = CC_DOCUMENT_ROW (gtk_list_item_get_child (item));

  cc_document_row_set_document (row, gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  CcDocumentRow *row = CC_DOCUMENT_ROW (gtk_list_item_get_child (item));

  cc_document_row_set_document (row, NULL);
}

static gboolean
same_document (CcDocument *a,
               CcDocument *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return cc_document_get_id (a) == cc_document_get_id (b) &&
         g_strcmp0 (cc_document_get_hash (a), cc_document_get_hash (b)) == 0;
}

static void
show_document (CcWindow   *self,
               CcDocument *document)
{
  g_autoptr(GError) error = NULL;

  if (same_document (document, cc_reader_view_get_document (self->reader)))
    return;

  if (!cc_reader_view_set_document (self->reader, self->store, document, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot show “%s”: %s"),
                                                  cc_document_get_title (document),
                                                  error->message);
      cc_window_add_toast (self, adw_toast_new (message));
      document = NULL;
    }

  gtk_stack_set_visible_child_name (self->read_stack, document ? "reader" : "no-document");
}

static void
on_selected_item_changed (CcWindow           *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  CcDocument *document = gtk_single_selection_get_selected_item (selection);

  /* The selection goes away when a filter hides the current document: the
   * reader keeps showing it. */
  if (document != NULL)
    show_document (self, document);
}

static void
on_document_activated (CcWindow    *self,
                       guint        position,
                       GtkListView *list)
{
  g_autoptr(CcDocument) document = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (document == NULL)
    return;

  show_document (self, document);
  adw_view_stack_set_visible_child_name (self->main_stack, "read");
  gtk_widget_grab_focus (GTK_WIDGET (cc_reader_view_get_text_view (self->reader)));
}

static gboolean
find_position (GListModel *model,
               gint64      document_id,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcDocument) document = g_list_model_get_item (model, i);

      if (cc_document_get_id (document) == document_id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
select_position (CcWindow *self,
                 guint     position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->document_list), "list.scroll-to-item", "u", position);
}

gboolean
cc_window_select_document (CcWindow *self,
                           gint64    document_id)
{
  guint position;

  g_return_val_if_fail (CC_IS_WINDOW (self), FALSE);

  if (!find_position (G_LIST_MODEL (self->documents), document_id, &position))
    return FALSE;

  /* A document hidden by the filters is still opened: show all. */
  if (!find_position (G_LIST_MODEL (self->filtered), document_id, &position))
    {
      cc_window_set_document_filter (self, NULL, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
      on_filter_changed (self, self->filter_entry);
      if (!find_position (G_LIST_MODEL (self->filtered), document_id, &position))
        return FALSE;
    }

  select_position (self, position);
  adw_view_stack_set_visible_child_name (self->main_stack, "read");

  return cc_reader_view_get_document (self->reader) != NULL &&
         cc_document_get_id (cc_reader_view_get_document (self->reader)) == document_id;
}

gboolean
cc_window_show_document_range (CcWindow *self,
                               gint64    document_id,
                               guint     offset,
                               guint     length)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), FALSE);

  if (!cc_window_select_document (self, document_id))
    return FALSE;

  cc_reader_view_scroll_to_offset (self->reader, offset, length);
  return TRUE;
}

void
cc_window_set_document_filter (CcWindow   *self,
                               GHashTable *ids,
                               const char *description)
{
  g_return_if_fail (CC_IS_WINDOW (self));

  cc_session_set_document_filter (self->session, ids, description);
}

/* The session's document filter, applied to the list. */
static void
on_document_filter_changed (CcWindow *self)
{
  GHashTable *ids = cc_session_get_document_filter (self->session);
  const char *description = cc_session_get_filter_description (self->session);

  if (ids != NULL)
    {
      g_autofree char *label = NULL;

      if (description != NULL && *description != '\0')
        /* Translators: shown above the document list, e.g. Filtered by “Jane Doe” */
        label = g_strdup_printf (_("Filtered by “%s”"), description);
      else
        label = g_strdup (_("Filtered"));
      gtk_label_set_label (self->filter_label, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_label), label);
    }

  gtk_revealer_set_reveal_child (self->filter_revealer, ids != NULL);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _cc_window_update_actions (self);
}

/* Library */

void
_cc_window_update_content (CcWindow *self)
{
  /* An empty story of a library with articles keeps the sidebar, to
   * choose another story; the status page is for an empty library. */
  gboolean has_documents = self->store != NULL &&
                           (g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 0 ||
                            (cc_session_get_story_id (self->session) != 0 &&
                             cc_store_count_documents (self->store) > 0));

  gtk_stack_set_visible_child_name (self->content_stack, has_documents ? "library" : "empty");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_documents);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    has_documents &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), has_documents);
  gtk_widget_set_visible (GTK_WIDGET (self->side_panel_button), has_documents);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), has_documents);

  update_list_count (self);
  _cc_window_update_actions (self);
}

void
_cc_window_reload_documents (CcWindow *self)
{
  g_autoptr(GError) error = NULL;
  CcDocument *current = cc_reader_view_get_document (self->reader);
  gint64 current_id = current ? cc_document_get_id (current) : 0;
  g_autofree char *current_hash = current ? g_strdup (cc_document_get_hash (current)) : NULL;
  gboolean found = FALSE;
  guint position;

  /* The session lists the current story's documents into self->documents. */
  if (!cc_session_reload (self->session, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot list the articles: %s"),
                                                  error->message);
      cc_window_add_toast (self, adw_toast_new (message));
    }

  /* Keep the current document open if it is still there; reload it if its
   * text changed. */
  if (current_id != 0 && find_position (G_LIST_MODEL (self->documents), current_id, &position))
    {
      g_autoptr(CcDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), position);

      found = TRUE;
      if (g_strcmp0 (current_hash, cc_document_get_hash (document)) != 0)
        show_document (self, document);
      if (find_position (G_LIST_MODEL (self->filtered), current_id, &position))
        gtk_single_selection_set_selected (self->selection, position);
    }

  if (!found)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      show_document (self, NULL);
    }

  update_list_count (self);
  _cc_window_update_content (self);
}

gboolean
_cc_window_set_store (CcWindow *self,
                      CcStore  *store)
{
  if (!g_set_object (&self->store, store))
    return FALSE;

  show_document (self, NULL);
  cc_window_set_document_filter (self, NULL, NULL);
  cc_search_popover_set_story (self->search_popover, 0);
  cc_search_popover_set_store (self->search_popover, store);
  self->changing_store = TRUE;
  cc_session_set_store (self->session, store);
  self->changing_store = FALSE;

  if (store != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "last-library", cc_store_get_path (store));

  _cc_window_reload_documents (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  cc_session_library_changed (self->session);

  return TRUE;
}

gboolean
cc_window_open_library (CcWindow    *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(CcStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (CC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store != NULL && g_strcmp0 (cc_store_get_path (self->store), path) == 0)
    return TRUE;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
    }
  else
    {
      store = cc_store_open (path, &local_error);
    }

  if (store == NULL)
    {
      g_message ("Cannot open library %s: %s", path, local_error->message);
      _cc_window_show_library_error (self, path, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _cc_window_set_store (self, store);
  return TRUE;
}

CcStore *
cc_window_get_store (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return self->store;
}

GListModel *
cc_window_get_documents (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->documents);
}

CcDocument *
cc_window_get_document (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return cc_reader_view_get_document (self->reader);
}

CcReaderView *
cc_window_get_reader (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return self->reader;
}

void
cc_window_add_toast (CcWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* Every toast goes through the session, which the window answers. */
  cc_session_add_toast (self->session, toast);
}

GtkBox *
cc_window_get_compare_page (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return self->compare_page;
}

GtkBox *
cc_window_get_facts_page (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return self->facts_page;
}

GtkBox *
cc_window_get_entities_page (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return self->entities_page;
}

GtkBox *
cc_window_get_notes_page (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);

  return self->notes_page;
}

void
cc_window_clear_page (GtkBox *page)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (page));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (page))) != NULL)
    gtk_box_remove (page, child);
}

static void
on_search_hit_activated (CcWindow        *self,
                         gint64           document_id,
                         const char      *term,
                         CcSearchPopover *popover)
{
  if (!cc_window_select_document (self, document_id))
    return;

  if (term != NULL && *term != '\0')
    cc_reader_view_find_from (self->reader, term, 0);
}

/* Another story: its documents, and every view and panel refreshed. */
static void
on_story_changed (CcWindow *self)
{
  cc_search_popover_set_story (self->search_popover, cc_session_get_story_id (self->session));
  if (self->changing_store)
    return;
  _cc_window_reload_documents (self);
  cc_session_library_changed (self->session);
}

/* A view or panel asks for a document (and a passage of it). */
static gboolean
on_show_document (CcWindow  *self,
                  gint64     document_id,
                  int        offset,
                  guint      length,
                  CcSession *session)
{
  if (offset < 0)
    return cc_window_select_document (self, document_id);
  return cc_window_show_document_range (self, document_id, (guint)offset, length);
}

static void
on_title_visible_changed (CcWindow *self)
{
  _cc_window_update_content (self);
}

static void
on_reader_document_changed (CcWindow     *self,
                            GParamSpec   *pspec,
                            CcReaderView *reader)
{
  cc_session_set_document (self->session, cc_reader_view_get_document (reader));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  _cc_window_update_actions (self);
}

/* Window state */

static void
save_window_state (CcWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
cc_window_close_request (GtkWindow *window)
{
  CcWindow *self = CC_WINDOW (window);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  save_window_state (self);

  return GTK_WINDOW_CLASS (cc_window_parent_class)->close_request (window);
}

/* "application" is set after construction: settings come from it. */
static void
on_application_changed (CcWindow   *self,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->settings != NULL || !CC_IS_APPLICATION (application))
    return;

  self->settings = cc_application_dup_settings (CC_APPLICATION (application));
  if (self->settings == NULL)
    return;

  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  g_settings_bind (self->settings, "sidebar-visible",
                   self->sidebar_button, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "side-panel-visible",
                   self->side_panel_button, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "text-size",
                   self->reader, "text-size", G_SETTINGS_BIND_DEFAULT);
}

static void
cc_window_dispose (GObject *object)
{
  CcWindow *self = CC_WINDOW (object);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  if (self->library_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->library_dialog), (gpointer *) &self->library_dialog);
  self->library_dialog = NULL;

  /* The notes actions point at the Notes panel, which goes with the template. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "notes", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->documents);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cc_window_parent_class)->dispose (object);
}

static void
cc_window_finalize (GObject *object)
{
  CcWindow *self = CC_WINDOW (object);

  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->last_report, cc_import_report_free);
  g_clear_pointer (&self->filter_text, g_free);
  g_clear_pointer (&self->import_story, g_free);
  g_clear_pointer (&self->import_folder, g_free);

  G_OBJECT_CLASS (cc_window_parent_class)->finalize (object);
}

static void
cc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CcWindow *self = CC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->reader ? cc_reader_view_get_document (self->reader) : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_window_class_init (CcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cc_window_dispose;
  object_class->finalize = cc_window_finalize;
  object_class->get_property = cc_window_get_property;

  window_class->close_request = cc_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CC_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CC_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CC_TYPE_READER_VIEW);
  g_type_ensure (CC_TYPE_SEARCH_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Crosscheck/ui/cc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, search_popover);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, side_panel_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, import_cancel);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, sample_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, filter_label);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, list_count);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, read_stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, facts_page);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, side_panel);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, entities_page);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, notes_page);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_document_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_hit_activated);

  _cc_window_class_actions_init (widget_class);
}

static void
cc_window_init (CcWindow *self)
{
  GtkListItemFactory *factory;
  GtkWidget *notes;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session = cc_session_new ();
  self->documents = g_object_ref (G_LIST_STORE (cc_session_get_documents (self->session)));
  self->filter = gtk_custom_filter_new (document_filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->documents)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->document_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->document_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (on_filtered_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_title_visible_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "notify::document",
                           G_CALLBACK (on_reader_document_changed), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->sidebar_button, "active",
                          self->sidebar, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->side_panel_button, "active",
                          self->side_panel, "visible", G_BINDING_SYNC_CREATE);

  _cc_window_actions_init (self);
  _cc_window_import_init (self);
  _cc_window_stories_init (self);  /* stories (issue 13) */
  g_signal_connect_object (self->session, "notify::story", G_CALLBACK (on_story_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::title", G_CALLBACK (_cc_window_update_content),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::document-filter",
                           G_CALLBACK (on_document_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "show-document", G_CALLBACK (on_show_document), self,
                           G_CONNECT_SWAPPED);

  /* Views and panels bind to the session; the reader is the one widget
   * they share. */
  notes = cc_notes_panel_new (self->session, self->reader);
  cc_window_clear_page (self->notes_page);  /* notes-ui: Notes tab, highlights, undo */
  gtk_box_append (self->notes_page, notes);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "notes",
                                  cc_notes_panel_get_actions (CC_NOTES_PANEL (notes)));
  gtk_widget_add_controller (GTK_WIDGET (self),
                             cc_notes_panel_create_shortcuts (CC_NOTES_PANEL (notes)));
  _cc_window_views_init (self);  /* views: Compare and Facts views (issue 5) */
  cc_window_clear_page (self->entities_page);  /* entities: Entities tab (issue 3) */
  gtk_box_append (self->entities_page, cc_entities_panel_new (self->session, self->reader));

  update_list_count (self);
  _cc_window_update_content (self);
}
