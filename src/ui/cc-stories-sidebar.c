/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-store-stories.h"
#include "cc-stories-sidebar.h"

typedef enum
{
  UNDO_CREATE,
  UNDO_RENAME,
  UNDO_DELETE,
  UNDO_MERGE,
} UndoKind;

/* How to take back the last change. */
typedef struct
{
  UndoKind  kind;
  gint64    id;           /* the story created or renamed, or merged into */
  char     *name;         /* the old name, or the name of the story gone */
  char     *folder;       /* of the story gone */
  GArray   *ids;          /* documents of the story gone */
  GArray   *into_before;  /* documents of the merge target before */
} Undo;

struct _CcStoriesSidebar
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkListBox *list;
  GtkWidget  *menu_button;

  CcSession  *session;
  Undo       *undo;
  gboolean    syncing;
};

G_DEFINE_FINAL_TYPE (CcStoriesSidebar, cc_stories_sidebar, GTK_TYPE_WIDGET)

static void
undo_free (Undo *undo)
{
  if (undo == NULL)
    return;
  g_free (undo->name);
  g_free (undo->folder);
  g_clear_pointer (&undo->ids, g_array_unref);
  g_clear_pointer (&undo->into_before, g_array_unref);
  g_free (undo);
}

static CcStore *
get_store (CcStoriesSidebar *self)
{
  return cc_session_get_store (self->session);
}

/* Rows ------------------------------------------------------------------- */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CcStory *story = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon;
  GtkWidget *name = gtk_label_new (cc_story_get_name (story));
  g_autofree char *n = g_strdup_printf ("%u", cc_story_get_n_documents (story));
  GtkWidget *count = gtk_label_new (n);

  if (cc_story_is_all (story))
    icon = gtk_image_new_from_icon_name ("view-list-symbolic");
  else if (cc_story_get_folder (story) != NULL)
    icon = gtk_image_new_from_icon_name ("folder-symbolic");
  else
    icon = gtk_image_new_from_icon_name ("user-bookmarks-symbolic");  /* in Adwaita 43 */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (cc_story_get_folder (story) != NULL)
    gtk_widget_set_tooltip_text (row, cc_story_get_folder (story));
  g_object_set_data_full (G_OBJECT (row), "cc-story-id",
                          g_memdup2 (&(gint64){ cc_story_get_id (story) }, sizeof (gint64)),
                          g_free);
  return row;
}

static gint64
row_story_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "cc-story-id");

  return id != NULL ? *id : 0;
}

static void
update_actions (CcStoriesSidebar *self)
{
  gboolean has_store = get_store (self) != NULL;
  gboolean real_story = has_store && cc_session_get_story_id (self->session) != 0;
  guint n_stories = g_list_model_get_n_items (cc_session_get_stories (self->session));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.new", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.rename", real_story);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.delete", real_story);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.merge",
                                 real_story && n_stories > 2);
}

/* Selects the row of the session's story. */
static void
sync_selection (CcStoriesSidebar *self)
{
  gint64 id = cc_session_get_story_id (self->session);
  GtkListBoxRow *row;

  self->syncing = TRUE;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (row_story_id (row) == id)
      {
        gtk_list_box_select_row (self->list, row);
        break;
      }
  self->syncing = FALSE;
  update_actions (self);
}

static void
on_row_selected (CcStoriesSidebar *self,
                 GtkListBoxRow    *row,
                 GtkListBox       *list)
{
  if (self->syncing || row == NULL)
    return;
  cc_session_set_story_id (self->session, row_story_id (row));
}

/* Changes and their undo --------------------------------------------------- */

static void
on_undo_clicked (CcStoriesSidebar *self)
{
  cc_stories_sidebar_undo (self);
}

/* After a change: reload, and offer to take it back. */
static void
changed (CcStoriesSidebar *self,
         Undo             *undo,
         const char       *message)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast = adw_toast_new (message);

  undo_free (self->undo);
  self->undo = undo;
  if (!cc_session_reload (self->session, &error))
    g_warning ("%s", error->message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self,
                           G_CONNECT_SWAPPED);
  cc_session_add_toast (self->session, toast);
  update_actions (self);
}

static gboolean
failed (CcStoriesSidebar *self,
        GError           *error)
{
  cc_session_add_toast (self->session, adw_toast_new (error->message));
  g_error_free (error);
  return FALSE;
}

gint64
cc_stories_sidebar_create (CcStoriesSidebar *self,
                           const char       *name)
{
  GError *error = NULL;
  g_autofree char *message = NULL;
  Undo *undo;
  gint64 id;

  g_return_val_if_fail (CC_IS_STORIES_SIDEBAR (self), 0);
  g_return_val_if_fail (get_store (self) != NULL, 0);

  id = cc_store_create_story (get_store (self), name, NULL, &error);
  if (id == 0)
    return failed (self, error);
  undo = g_new0 (Undo, 1);
  undo->kind = UNDO_CREATE;
  undo->id = id;
  message = g_strdup_printf (_("Story “%s” created"), name);
  changed (self, undo, message);
  cc_session_set_story_id (self->session, id);
  return id;
}

gboolean
cc_stories_sidebar_rename (CcStoriesSidebar *self,
                           gint64            story_id,
                           const char       *name)
{
  GError *error = NULL;
  g_autoptr(CcStory) story = NULL;
  g_autofree char *message = NULL;
  Undo *undo;

  g_return_val_if_fail (CC_IS_STORIES_SIDEBAR (self), FALSE);

  story = cc_store_get_story (get_store (self), story_id, &error);
  if (story == NULL || !cc_store_rename_story (get_store (self), story_id, name, &error))
    return failed (self, error);
  undo = g_new0 (Undo, 1);
  undo->kind = UNDO_RENAME;
  undo->id = story_id;
  undo->name = g_strdup (cc_story_get_name (story));
  /* Translators: "Story “Old” renamed to “New”" */
  message = g_strdup_printf (_("Story “%s” renamed to “%s”"), cc_story_get_name (story), name);
  changed (self, undo, message);
  return TRUE;
}

/* What it takes to bring story @id back: its name, folder and documents. */
static Undo *
undo_for_removal (CcStore   *store,
                  UndoKind   kind,
                  gint64     id,
                  GError   **error)
{
  g_autoptr(CcStory) story = cc_store_get_story (store, id, error);
  Undo *undo;

  if (story == NULL)
    return NULL;
  undo = g_new0 (Undo, 1);
  undo->kind = kind;
  undo->name = g_strdup (cc_story_get_name (story));
  undo->folder = g_strdup (cc_story_get_folder (story));
  undo->ids = cc_store_story_document_ids (store, id, error);
  if (undo->ids == NULL)
    g_clear_pointer (&undo, undo_free);
  return undo;
}

gboolean
cc_stories_sidebar_delete (CcStoriesSidebar *self,
                           gint64            story_id)
{
  GError *error = NULL;
  g_autofree char *message = NULL;
  Undo *undo;

  g_return_val_if_fail (CC_IS_STORIES_SIDEBAR (self), FALSE);

  undo = undo_for_removal (get_store (self), UNDO_DELETE, story_id, &error);
  if (undo == NULL)
    return failed (self, error);
  if (!cc_store_delete_story (get_store (self), story_id, &error))
    {
      undo_free (undo);
      return failed (self, error);
    }
  message = g_strdup_printf (_("Story “%s” deleted; its articles and notes are kept"),
                             undo->name);
  changed (self, undo, message);
  return TRUE;
}

gboolean
cc_stories_sidebar_merge (CcStoriesSidebar *self,
                          gint64            from,
                          gint64            into)
{
  GError *error = NULL;
  g_autoptr(CcStory) target = NULL;
  g_autofree char *message = NULL;
  Undo *undo;

  g_return_val_if_fail (CC_IS_STORIES_SIDEBAR (self), FALSE);

  target = cc_store_get_story (get_store (self), into, &error);
  undo = target != NULL ? undo_for_removal (get_store (self), UNDO_MERGE, from, &error) : NULL;
  if (undo == NULL)
    return failed (self, error);
  undo->id = into;
  undo->into_before = cc_store_story_document_ids (get_store (self), into, &error);
  if (undo->into_before == NULL ||
      !cc_store_merge_stories (get_store (self), from, into, &error))
    {
      undo_free (undo);
      return failed (self, error);
    }
  /* Translators: "Story “A” merged into “B”" */
  message = g_strdup_printf (_("Story “%s” merged into “%s”"), undo->name,
                             cc_story_get_name (target));
  changed (self, undo, message);
  cc_session_set_story_id (self->session, into);
  return TRUE;
}

/* The documents of @ids not in @before. */
static GArray *
added_since (GArray *ids,
             GArray *before)
{
  GArray *added = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ids->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < before->len && !found; j++)
        found = g_array_index (before, gint64, j) == g_array_index (ids, gint64, i);
      if (!found)
        g_array_append_val (added, g_array_index (ids, gint64, i));
    }
  return added;
}

static gboolean
apply_undo (CcStore  *store,
            Undo     *undo,
            gint64   *restored,
            GError  **error)
{
  g_autoptr(GArray) added = NULL;

  switch (undo->kind)
    {
    case UNDO_CREATE:
      return cc_store_delete_story (store, undo->id, error);
    case UNDO_RENAME:
      *restored = undo->id;
      return cc_store_rename_story (store, undo->id, undo->name, error);
    case UNDO_DELETE:
    case UNDO_MERGE:
    default:
      break;
    }
  *restored = cc_store_create_story (store, undo->name, undo->folder, error);
  if (*restored == 0 ||
      !cc_store_add_to_story (store, *restored, (const gint64 *)(gpointer)undo->ids->data,
                              undo->ids->len, error))
    return FALSE;
  if (undo->kind != UNDO_MERGE)
    return TRUE;
  added = added_since (undo->ids, undo->into_before);
  return cc_store_remove_from_story (store, undo->id, (const gint64 *)(gpointer)added->data,
                                     added->len, error);
}

gboolean
cc_stories_sidebar_undo (CcStoriesSidebar *self)
{
  g_autoptr(GError) error = NULL;
  CcStore *store = get_store (self);
  Undo *undo = g_steal_pointer (&self->undo);
  gint64 restored = 0;
  gboolean ok;

  g_return_val_if_fail (CC_IS_STORIES_SIDEBAR (self), FALSE);

  if (undo == NULL || store == NULL)
    {
      undo_free (undo);
      return FALSE;
    }
  ok = cc_store_begin (store, &error) && apply_undo (store, undo, &restored, &error);
  ok = cc_store_end (store, TRUE, ok, ok ? &error : NULL);
  undo_free (undo);
  if (!ok)
    {
      cc_session_add_toast (self->session,
                            adw_toast_new (error != NULL ? error->message : _("Cannot undo")));
      return FALSE;
    }
  if (!cc_session_reload (self->session, &error))
    g_warning ("%s", error->message);
  if (restored != 0)
    cc_session_set_story_id (self->session, restored);
  return TRUE;
}

/* Dialogs ----------------------------------------------------------------- */

typedef void (*NameChosen) (CcStoriesSidebar *self,
                            const char       *name);

static void
on_name_response (AdwMessageDialog *dialog,
                  const char       *response,
                  CcStoriesSidebar *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  NameChosen chosen = (NameChosen)g_object_get_data (G_OBJECT (dialog), "cc-chosen");

  if (g_str_equal (response, "ok"))
    chosen (self, gtk_editable_get_text (entry));
}

static void
ask_name (CcStoriesSidebar *self,
          const char       *heading,
          const char       *initial,
          const char       *ok_label,
          NameChosen        chosen)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cc-chosen", (gpointer)chosen);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_name_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_named (CcStoriesSidebar *self,
              const char       *name)
{
  cc_stories_sidebar_create (self, name);
}

static void
rename_named (CcStoriesSidebar *self,
              const char       *name)
{
  cc_stories_sidebar_rename (self, cc_session_get_story_id (self->session), name);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ask_name (CC_STORIES_SIDEBAR (widget), _("New Story"), "", _("_Create"), create_named);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CcStoriesSidebar *self = CC_STORIES_SIDEBAR (widget);
  CcStory *story = cc_session_get_story (self->session);

  ask_name (self, _("Rename Story"), story ? cc_story_get_name (story) : "", _("_Rename"),
            rename_named);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CcStoriesSidebar *self = CC_STORIES_SIDEBAR (widget);

  cc_stories_sidebar_delete (self, cc_session_get_story_id (self->session));
}

static void
on_merge_response (AdwMessageDialog *dialog,
                   const char       *response,
                   CcStoriesSidebar *self)
{
  GtkDropDown *choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  CcStory *target = gtk_drop_down_get_selected_item (choice);

  if (g_str_equal (response, "merge") && target != NULL)
    cc_stories_sidebar_merge (self, cc_session_get_story_id (self->session),
                              cc_story_get_id (target));
}

static gboolean
is_other_story (gpointer item,
                gpointer user_data)
{
  gint64 current = *(gint64 *)user_data;

  return cc_story_get_id (item) != 0 && cc_story_get_id (item) != current;
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CcStoriesSidebar *self = CC_STORIES_SIDEBAR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CcStory *story = cc_session_get_story (self->session);
  g_autofree char *heading = g_strdup_printf (_("Merge “%s” Into…"),
                                              story ? cc_story_get_name (story) : "");
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading,
                                              _("Its articles move to the story chosen, and "
                                                "it is deleted."));
  gint64 *current = g_new (gint64, 1);
  GtkCustomFilter *filter;
  GtkFilterListModel *others;
  GtkWidget *choice;

  *current = cc_session_get_story_id (self->session);
  filter = gtk_custom_filter_new (is_other_story, current, g_free);
  others = gtk_filter_list_model_new (g_object_ref (cc_session_get_stories (self->session)),
                                      GTK_FILTER (filter));
  choice = gtk_drop_down_new (G_LIST_MODEL (others),
                              gtk_property_expression_new (CC_TYPE_STORY, NULL, "name"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), choice);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The widget --------------------------------------------------------------- */

static void
cc_stories_sidebar_dispose (GObject *object)
{
  CcStoriesSidebar *self = CC_STORIES_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_STORIES_SIDEBAR);
  g_clear_object (&self->session);
  g_clear_pointer (&self->undo, undo_free);

  G_OBJECT_CLASS (cc_stories_sidebar_parent_class)->dispose (object);
}

static void
cc_stories_sidebar_class_init (CcStoriesSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_stories_sidebar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/gnome/Crosscheck/ui/cc-stories-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CcStoriesSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, CcStoriesSidebar, list);
  gtk_widget_class_bind_template_child (widget_class, CcStoriesSidebar, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "stories.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "stories.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "stories.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "stories.merge", NULL, merge_action);
}

static void
cc_stories_sidebar_init (CcStoriesSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cc_stories_sidebar_new (CcSession *session)
{
  CcStoriesSidebar *self;

  g_return_val_if_fail (CC_IS_SESSION (session), NULL);

  self = g_object_new (CC_TYPE_STORIES_SIDEBAR, NULL);
  self->session = g_object_ref (session);
  gtk_list_box_bind_model (self->list, cc_session_get_stories (session), create_row, NULL, NULL);
  g_signal_connect_object (session, "stories-changed", G_CALLBACK (sync_selection), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::story", G_CALLBACK (sync_selection), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::store", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  sync_selection (self);
  return GTK_WIDGET (self);
}

GtkListBox *
cc_stories_sidebar_get_list (CcStoriesSidebar *self)
{
  g_return_val_if_fail (CC_IS_STORIES_SIDEBAR (self), NULL);
  return self->list;
}
