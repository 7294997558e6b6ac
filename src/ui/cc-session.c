/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-session.h"
#include "cc-store-stories.h"

struct _CcSession
{
  GObject     parent_instance;

  CcStore    *store;
  CcStory    *story;       /* an item of @stories */
  CcDocument *document;
  GObject    *undo_stack;
  GListStore *stories;     /* CcStory, "All articles" first */
  GListStore *documents;   /* CcDocument of @story */
  char       *title;
  GHashTable *filter;      /* gint64* set, nullable */
  char       *filter_description;
};

G_DEFINE_FINAL_TYPE (CcSession, cc_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STORY,
  PROP_DOCUMENT,
  PROP_UNDO_STACK,
  PROP_TITLE,
  PROP_DOCUMENT_FILTER,
  N_PROPS
};

enum {
  TOAST,
  STORIES_CHANGED,
  LIBRARY_CHANGED,
  SHOW_DOCUMENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_title (CcSession *self)
{
  g_autofree char *library = NULL;
  char *title = NULL;

  if (self->store != NULL)
    {
      library = g_filename_display_basename (cc_store_get_path (self->store));
      if (self->story != NULL && !cc_story_is_all (self->story))
        /* Translators: the window subtitle, "library.db — Story name" */
        title = g_strdup_printf (_("%s — %s"), library, cc_story_get_name (self->story));
      else
        title = g_steal_pointer (&library);
    }
  if (g_strcmp0 (title, self->title) == 0)
    {
      g_free (title);
      return;
    }
  g_free (self->title);
  self->title = title;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static CcStory *
find_story (CcSession *self,
            gint64     id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));

  for (guint i = 0; i < n; i++)
    {
      CcStory *story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      g_object_unref (story);  /* the list keeps it */
      if (cc_story_get_id (story) == id)
        return story;
    }
  return NULL;
}

static gboolean
reload_stories (CcSession  *self,
                GError    **error)
{
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(CcStory) all = NULL;

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->stories);
      return TRUE;
    }
  stories = cc_store_list_stories (self->store, error);
  if (stories == NULL)
    return FALSE;
  all = cc_story_new (0, _("All articles"), NULL, cc_store_count_documents (self->store));
  g_ptr_array_insert (stories, 0, g_steal_pointer (&all));
  g_list_store_splice (self->stories, 0, g_list_model_get_n_items (G_LIST_MODEL (self->stories)),
                       stories->pdata, stories->len);
  return TRUE;
}

static gboolean
reload_documents (CcSession  *self,
                  GError    **error)
{
  g_autoptr(GPtrArray) documents = NULL;

  if (self->store != NULL)
    {
      documents = cc_store_list_story_documents (self->store, cc_session_get_story_id (self),
                                                 error);
      if (documents == NULL)
        return FALSE;
    }
  if (documents != NULL)
    g_list_store_splice (self->documents, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                         documents->pdata, documents->len);
  else
    g_list_store_remove_all (self->documents);
  return TRUE;
}

gboolean
cc_session_reload (CcSession  *self,
                   GError    **error)
{
  gint64 id;
  CcStory *story;

  g_return_val_if_fail (CC_IS_SESSION (self), FALSE);

  id = cc_session_get_story_id (self);
  if (!reload_stories (self, error))
    return FALSE;
  /* The same story, as reloaded (renamed, recounted), or all articles
   * when it is gone. */
  story = find_story (self, id);
  if (story == NULL)
    story = find_story (self, 0);
  /* "story" is notified when another story becomes current, not for a
   * fresh copy of the same one (its name shows in "title"). */
  g_set_object (&self->story, story);
  if (cc_session_get_story_id (self) != id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
  update_title (self);
  g_signal_emit (self, signals[STORIES_CHANGED], 0);
  return reload_documents (self, error);
}

static void
cc_session_dispose (GObject *object)
{
  CcSession *self = (CcSession *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->story);
  g_clear_object (&self->document);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->stories);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (cc_session_parent_class)->dispose (object);
}

static void
cc_session_finalize (GObject *object)
{
  CcSession *self = (CcSession *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->filter, g_hash_table_unref);
  g_clear_pointer (&self->filter_description, g_free);

  G_OBJECT_CLASS (cc_session_parent_class)->finalize (object);
}

static void
cc_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CcSession *self = CC_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DOCUMENT_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CcSession *self = CC_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cc_session_set_store (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT:
      cc_session_set_document (self, g_value_get_object (value));
      break;
    case PROP_UNDO_STACK:
      cc_session_set_undo_stack (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_session_class_init (CcSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_session_dispose;
  object_class->finalize = cc_session_finalize;
  object_class->get_property = cc_session_get_property;
  object_class->set_property = cc_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL, CC_TYPE_STORY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CC_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_FILTER] =
    g_param_spec_boxed ("document-filter", NULL, NULL, G_TYPE_HASH_TABLE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  signals[STORIES_CHANGED] =
    g_signal_new ("stories-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);
  signals[LIBRARY_CHANGED] =
    g_signal_new ("library-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_DOCUMENT] =
    g_signal_new ("show-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_UINT);
}

static void
cc_session_init (CcSession *self)
{
  self->stories = g_list_store_new (CC_TYPE_STORY);
  self->documents = g_list_store_new (CC_TYPE_DOCUMENT);
}

CcSession *
cc_session_new (void)
{
  return g_object_new (CC_TYPE_SESSION, NULL);
}

CcStore *
cc_session_get_store (CcSession *self)
{
  g_return_val_if_fail (CC_IS_SESSION (self), NULL);
  return self->store;
}

static void
report_error (CcSession    *self,
              const GError *error)
{
  g_autofree char *message = g_strdup_printf (_("Cannot read the library: %s"), error->message);

  cc_session_add_toast (self, adw_toast_new (message));
}

void
cc_session_set_store (CcSession *self,
                      CcStore   *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CC_IS_SESSION (self));
  g_return_if_fail (store == NULL || CC_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_object (&self->story);
  cc_session_set_document (self, NULL);
  if (!cc_session_reload (self, &error))
    report_error (self, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
}

CcStory *
cc_session_get_story (CcSession *self)
{
  g_return_val_if_fail (CC_IS_SESSION (self), NULL);
  return self->story;
}

gint64
cc_session_get_story_id (CcSession *self)
{
  g_return_val_if_fail (CC_IS_SESSION (self), 0);
  return self->story != NULL ? cc_story_get_id (self->story) : 0;
}

void
cc_session_set_story_id (CcSession *self,
                         gint64     story_id)
{
  g_autoptr(GError) error = NULL;
  CcStory *story;

  g_return_if_fail (CC_IS_SESSION (self));

  story = find_story (self, story_id);
  if (story == NULL)
    story = find_story (self, 0);
  if (!g_set_object (&self->story, story))
    return;
  update_title (self);
  if (!reload_documents (self, &error))
    report_error (self, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
}

CcDocument *
cc_session_get_document (CcSession *self)
{
  g_return_val_if_fail (CC_IS_SESSION (self), NULL);
  return self->document;
}

void
cc_session_set_document (CcSession  *self,
                         CcDocument *document)
{
  g_return_if_fail (CC_IS_SESSION (self));

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GObject *
cc_session_get_undo_stack (CcSession *self)
{
  g_return_val_if_fail (CC_IS_SESSION (self), NULL);
  return self->undo_stack;
}

void
cc_session_set_undo_stack (CcSession *self,
                           GObject   *undo_stack)
{
  g_return_if_fail (CC_IS_SESSION (self));

  if (g_set_object (&self->undo_stack, undo_stack))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_STACK]);
}

const char *
cc_session_get_title (CcSession *self)
{
  g_return_val_if_fail (CC_IS_SESSION (self), NULL);
  return self->title;
}

GListModel *
cc_session_get_stories (CcSession *self)
{
  g_return_val_if_fail (CC_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->stories);
}

GListModel *
cc_session_get_documents (CcSession *self)
{
  g_return_val_if_fail (CC_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->documents);
}

void
cc_session_add_toast (CcSession *self,
                      AdwToast  *toast)
{
  g_return_if_fail (CC_IS_SESSION (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_object_ref_sink (toast);
  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
}

void
cc_session_library_changed (CcSession *self)
{
  g_return_if_fail (CC_IS_SESSION (self));

  g_signal_emit (self, signals[LIBRARY_CHANGED], 0);
}

gboolean
cc_session_show_document (CcSession *self,
                          gint64     document_id,
                          int        offset,
                          guint      length)
{
  gboolean shown = FALSE;

  g_return_val_if_fail (CC_IS_SESSION (self), FALSE);

  g_signal_emit (self, signals[SHOW_DOCUMENT], 0, document_id, offset, length, &shown);
  return shown;
}

void
cc_session_set_document_filter (CcSession  *self,
                                GHashTable *ids,
                                const char *description)
{
  g_return_if_fail (CC_IS_SESSION (self));

  if (ids == NULL && self->filter == NULL)
    return;
  if (ids != NULL)
    g_hash_table_ref (ids);
  g_clear_pointer (&self->filter, g_hash_table_unref);
  self->filter = ids;
  g_free (self->filter_description);
  self->filter_description = ids != NULL ? g_strdup (description) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_FILTER]);
}

GHashTable *
cc_session_get_document_filter (CcSession *self)
{
  g_return_val_if_fail (CC_IS_SESSION (self), NULL);
  return self->filter;
}

const char *
cc_session_get_filter_description (CcSession *self)
{
  g_return_val_if_fail (CC_IS_SESSION (self), NULL);
  return self->filter_description;
}
