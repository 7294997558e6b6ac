/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-search-popover.h"
#include "cc-store-stories.h"

#define MAX_HITS 50

struct _CcSearchPopover
{
  GtkPopover      parent_instance;

  GtkSearchEntry *entry;
  GtkStack       *stack;
  GtkListBox     *list;
  AdwStatusPage  *empty;

  CcStore        *store;
  GPtrArray      *hits;   /* CcSearchHit* */
  char           *query;
  gint64          story_id;   /* stories (issue 13): 0 for every article */
};

G_DEFINE_FINAL_TYPE (CcSearchPopover, cc_search_popover, GTK_TYPE_POPOVER)

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
cc_search_popover_new (void)
{
  return g_object_new (CC_TYPE_SEARCH_POPOVER, NULL);
}

/* The snippet marks matches with [ ]: show them in bold, everything else
 * escaped. */
static char *
snippet_to_markup (const char *snippet)
{
  GString *out = g_string_new (NULL);
  const char *p = snippet;

  while (p != NULL && *p != '\0')
    {
      const char *open = strchr (p, '[');
      const char *close = open ? strchr (open, ']') : NULL;
      g_autofree char *before = NULL;
      g_autofree char *inside = NULL;

      if (open == NULL || close == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);
          g_string_append (out, rest);
          break;
        }

      before = g_markup_escape_text (p, open - p);
      inside = g_markup_escape_text (open + 1, close - open - 1);
      g_string_append_printf (out, "%s<b>%s</b>", before, inside);
      p = close + 1;
    }

  /* Snippets may span lines: keep them on one. */
  for (char *q = out->str; *q; q++)
    if (*q == '\n')
      *q = ' ';

  return g_string_free (out, FALSE);
}

static char *
first_matched_term (const char *snippet)
{
  const char *open = snippet ? strchr (snippet, '[') : NULL;
  const char *close = open ? strchr (open, ']') : NULL;

  if (open == NULL || close == NULL || close == open + 1)
    return NULL;

  return g_strndup (open + 1, close - open - 1);
}

static GtkWidget *
create_hit_row (const CcSearchHit *hit)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (hit->title);
  GtkWidget *snippet = gtk_label_new (NULL);
  g_autofree char *markup = snippet_to_markup (hit->snippet);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");

  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (snippet), 50);
  gtk_label_set_width_chars (GTK_LABEL (snippet), 40);
  gtk_widget_add_css_class (snippet, "caption");
  gtk_widget_add_css_class (snippet, "search-snippet");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);

  return box;
}

static void
clear_list (CcSearchPopover *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->hits, 0);
}

guint
cc_search_popover_search (CcSearchPopover *self,
                          const char      *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_return_val_if_fail (CC_IS_SEARCH_POPOVER (self), 0);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), query ? query : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), query ? query : "");

  clear_list (self);
  g_free (self->query);
  self->query = g_strstrip (g_strdup (query ? query : ""));

  if (*self->query == '\0' || self->store == NULL)
    {
      adw_status_page_set_title (self->empty, _("Search All Articles"));
      adw_status_page_set_description (self->empty, _("Words or \"an exact phrase\""));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return 0;
    }

  /* Within the current story (issue 13): its hits among all, the best first. */
  hits = cc_store_search (self->store, self->query, self->story_id != 0 ? 0 : MAX_HITS, &error);
  if (hits != NULL && !cc_store_filter_story_hits (self->store, self->story_id, hits, MAX_HITS,
                                                   &error))
    g_clear_pointer (&hits, g_ptr_array_unref);
  if (hits == NULL)
    {
      adw_status_page_set_title (self->empty, _("Search Failed"));
      adw_status_page_set_description (self->empty, error ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return 0;
    }

  if (hits->len == 0)
    {
      adw_status_page_set_title (self->empty, _("No Results Found"));
      adw_status_page_set_description (self->empty, _("Try different words"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return 0;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      CcSearchHit *hit = g_ptr_array_index (hits, i);

      gtk_list_box_append (self->list, create_hit_row (hit));
    }
  g_ptr_array_extend_and_steal (self->hits, g_steal_pointer (&hits));
  gtk_stack_set_visible_child_name (self->stack, "results");

  return self->hits->len;
}

gboolean
cc_search_popover_activate_hit (CcSearchPopover *self,
                                guint            index)
{
  CcSearchHit *hit;
  g_autofree char *term = NULL;

  g_return_val_if_fail (CC_IS_SEARCH_POPOVER (self), FALSE);

  if (index >= self->hits->len)
    return FALSE;

  hit = g_ptr_array_index (self->hits, index);
  term = first_matched_term (hit->snippet);
  if (term == NULL)
    term = g_strdup (self->query);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit->document_id, term);

  return TRUE;
}

void
cc_search_popover_set_store (CcSearchPopover *self,
                             CcStore         *store)
{
  g_return_if_fail (CC_IS_SEARCH_POPOVER (self));

  if (g_set_object (&self->store, store))
    {
      g_autofree char *query = g_strdup (self->query);
      cc_search_popover_search (self, query);
    }
}

void
cc_search_popover_set_story (CcSearchPopover *self,
                             gint64           story_id)
{
  g_autofree char *query = NULL;

  g_return_if_fail (CC_IS_SEARCH_POPOVER (self));

  if (self->story_id == story_id)
    return;
  self->story_id = story_id;
  query = g_strdup (self->query);
  cc_search_popover_search (self, query);
}

static void
on_search_changed (CcSearchPopover *self,
                   GtkSearchEntry  *entry)
{
  cc_search_popover_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_entry_activate (CcSearchPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* Make sure the results match what is typed (the entry debounces). */
  if (g_strcmp0 (text, self->query) != 0)
    cc_search_popover_search (self, text);
  cc_search_popover_activate_hit (self, 0);
}

static void
on_row_activated (CcSearchPopover *self,
                  GtkListBoxRow   *row)
{
  cc_search_popover_activate_hit (self, (guint) gtk_list_box_row_get_index (row));
}

static void
on_stop_search (CcSearchPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_show (CcSearchPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
cc_search_popover_dispose (GObject *object)
{
  CcSearchPopover *self = CC_SEARCH_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_SEARCH_POPOVER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cc_search_popover_parent_class)->dispose (object);
}

static void
cc_search_popover_finalize (GObject *object)
{
  CcSearchPopover *self = CC_SEARCH_POPOVER (object);

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (cc_search_popover_parent_class)->finalize (object);
}

static void
cc_search_popover_class_init (CcSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_search_popover_dispose;
  object_class->finalize = cc_search_popover_finalize;

  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Crosscheck/ui/cc-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CcSearchPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, CcSearchPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, CcSearchPopover, list);
  gtk_widget_class_bind_template_child (widget_class, CcSearchPopover, empty);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_show);
}

static void
cc_search_popover_init (CcSearchPopover *self)
{
  self->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_search_hit_free);
  self->query = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  cc_search_popover_search (self, "");
}
