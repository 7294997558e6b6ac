/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-annotation-popover.h"
#include "cc-annotation-store.h"

/* Delay between the last key and the note being written. */
#define SAVE_DELAY_MS 400

struct _CcAnnotationPopover
{
  GtkPopover          parent_instance;

  /* Template widgets */
  GtkBox             *color_box;
  GtkLabel           *state_label;
  GtkWidget          *delete_button;
  GtkLabel           *quote_label;
  GtkTextView        *note_view;
  GtkWidget          *note_placeholder;
  GtkFlowBox         *tag_box;
  GtkEntry           *tag_entry;
  GtkLabel           *date_label;

  /* Owned */
  CcUndoStack        *undo;
  CcAnnotation       *annotation;   /* as last saved */
  GtkToggleButton    *color_buttons[5];
  GtkListStore       *tag_completions;

  guint               save_source;
  gulong              note_changed_id;
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (CcAnnotationPopover, cc_annotation_popover, GTK_TYPE_POPOVER)

static void update_tags     (CcAnnotationPopover *self);
static void on_undo_changed (CcAnnotationPopover *self,
                             CcAnnotation        *annotation,
                             gboolean             exists,
                             CcUndoStack         *undo);

GtkWidget *
cc_annotation_popover_new (CcUndoStack *undo)
{
  CcAnnotationPopover *self;

  g_return_val_if_fail (CC_IS_UNDO_STACK (undo), NULL);

  self = g_object_new (CC_TYPE_ANNOTATION_POPOVER, NULL);
  self->undo = g_object_ref (undo);
  g_signal_connect_object (undo, "changed", G_CALLBACK (on_undo_changed), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

static void
toast (CcAnnotationPopover *self,
       AdwToast            *toast)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *overlay = parent ? gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY) : NULL;

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
report (CcAnnotationPopover *self,
        const GError        *error)
{
  g_autofree char *title = g_strdup_printf (_("Could not save the change: %s"), error->message);

  g_warning ("%s", title);
  toast (self, adw_toast_new (title));
}

/* Writes @changed (a modified copy of the annotation) as one change. */
static gboolean
save (CcAnnotationPopover *self,
      CcAnnotation        *changed,
      gboolean             merge)
{
  g_autoptr(CcAnnotation) before = g_object_ref (self->annotation);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* Our own change comes back through "changed": the fields are right. */
  self->updating = TRUE;
  ok = cc_undo_stack_update (self->undo, before, changed, merge, &error);
  self->updating = FALSE;

  if (!ok)
    {
      report (self, error);
      return FALSE;
    }

  g_set_object (&self->annotation, changed);
  return TRUE;
}

static char *
dup_note_text (CcAnnotationPopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
cc_annotation_popover_flush (CcAnnotationPopover *self)
{
  g_autofree char *note = NULL;
  g_autoptr(CcAnnotation) changed = NULL;

  g_return_if_fail (CC_IS_ANNOTATION_POPOVER (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->annotation == NULL)
    return;

  note = dup_note_text (self);
  if (g_strcmp0 (note, cc_annotation_get_note (self->annotation)) == 0)
    return;

  changed = cc_annotation_copy (self->annotation);
  cc_annotation_set_note (changed, note);
  save (self, changed, TRUE);
}

static gboolean
save_timeout (gpointer user_data)
{
  CcAnnotationPopover *self = user_data;

  self->save_source = 0;
  cc_annotation_popover_flush (self);

  return G_SOURCE_REMOVE;
}

static void
on_note_changed (CcAnnotationPopover *self,
                 GtkTextBuffer       *buffer)
{
  gtk_widget_set_visible (self->note_placeholder, gtk_text_buffer_get_char_count (buffer) == 0);

  if (self->updating || self->annotation == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

static void
on_color_toggled (CcAnnotationPopover *self,
                  GtkToggleButton     *button)
{
  const char *color = g_object_get_data (G_OBJECT (button), "cc-color");
  g_autoptr(CcAnnotation) changed = NULL;

  if (self->updating || self->annotation == NULL || !gtk_toggle_button_get_active (button) ||
      g_strcmp0 (color, cc_annotation_get_color (self->annotation)) == 0)
    return;

  cc_annotation_popover_flush (self);
  changed = cc_annotation_copy (self->annotation);
  cc_annotation_set_color (changed, color);
  save (self, changed, FALSE);
}

static void
set_tags (CcAnnotationPopover *self,
          GPtrArray           *tags)
{
  g_autoptr(CcAnnotation) changed = NULL;

  cc_annotation_popover_flush (self);
  g_ptr_array_add (tags, NULL);
  changed = cc_annotation_copy (self->annotation);
  cc_annotation_set_tags (changed, (const char * const *) tags->pdata);
  if (save (self, changed, FALSE))
    update_tags (self);
}

static void
on_tag_remove_clicked (CcAnnotationPopover *self,
                       GtkButton           *button)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "cc-tag");
  const char * const *tags;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (self->annotation == NULL)
    return;

  tags = cc_annotation_get_tags (self->annotation);
  for (guint i = 0; tags[i] != NULL; i++)
    if (g_strcmp0 (tags[i], tag) != 0)
      g_ptr_array_add (kept, (gpointer) tags[i]);

  set_tags (self, kept);
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
}

static void
on_tag_activate (CcAnnotationPopover *self,
                 GtkEntry            *entry)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  const char * const *tags;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  if (self->annotation == NULL || *tag == '\0')
    return;

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  if (cc_annotation_has_tag (self->annotation, tag))
    return;

  tags = cc_annotation_get_tags (self->annotation);
  for (guint i = 0; tags[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) tags[i]);
  g_ptr_array_add (all, tag);

  set_tags (self, all);
}

static GtkWidget *
make_chip (CcAnnotationPopover *self,
           const char          *tag)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Remove Tag “%s”"), tag);

  gtk_widget_add_css_class (box, "cc-tag-chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (remove), "cc-tag", g_strdup (tag), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_tag_remove_clicked),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), remove);

  return box;
}

static void
update_tags (CcAnnotationPopover *self)
{
  const char * const *tags = self->annotation ? cc_annotation_get_tags (self->annotation) : NULL;
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_box))) != NULL)
    gtk_flow_box_remove (self->tag_box, child);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      gtk_flow_box_append (self->tag_box, make_chip (self, tags[i]));
      any = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->tag_box), any);
}

static void
update_completions (CcAnnotationPopover *self)
{
  CcStore *store = cc_undo_stack_get_store (self->undo);
  g_auto(GStrv) tags = NULL;

  gtk_list_store_clear (self->tag_completions);
  if (store == NULL)
    return;

  tags = cc_annotation_store_list_tags (store, NULL);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->tag_completions, NULL, -1, 0, tags[i], -1);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (time == NULL)
    return g_strdup ("");

  if (g_date_time_get_year (time) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    /* Translators: a time today, see g_date_time_format() */
    return g_date_time_format (time, _("today at %H:%M"));

  /* Translators: a date, see g_date_time_format() */
  return g_date_time_format (time, _("%-d %B %Y"));
}

static void
update_fields (CcAnnotationPopover *self)
{
  CcAnnotation *a = self->annotation;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *quote = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *dates = NULL;
  const char *state;

  if (a == NULL)
    return;

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (self->color_buttons); i++)
    {
      const char *color = g_object_get_data (G_OBJECT (self->color_buttons[i]), "cc-color");
      gtk_toggle_button_set_active (self->color_buttons[i],
                                    g_strcmp0 (color, cc_annotation_get_color (a)) == 0);
    }

  quote = g_strdup_printf ("“%s”", cc_annotation_get_quote (a));
  gtk_label_set_label (self->quote_label, quote);

  {
    g_autofree char *current = dup_note_text (self);

    if (g_strcmp0 (current, cc_annotation_get_note (a)) != 0)
      {
        gtk_text_buffer_begin_irreversible_action (buffer);
        gtk_text_buffer_set_text (buffer, cc_annotation_get_note (a), -1);
        gtk_text_buffer_end_irreversible_action (buffer);
      }
  }
  gtk_widget_set_visible (self->note_placeholder, gtk_text_buffer_get_char_count (buffer) == 0);

  update_tags (self);

  state = cc_annotation_get_state (a);
  if (g_strcmp0 (state, CC_ANNOTATION_STATE_MOVED) == 0)
    {
      gtk_label_set_label (self->state_label, _("Moved"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_label),
                                   _("The article changed; this highlight was found again nearby"));
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->state_label), FALSE);

  created = format_time (cc_annotation_get_created (a));
  modified = format_time (cc_annotation_get_modified (a));
  if (cc_annotation_get_modified (a) > cc_annotation_get_created (a))
    /* Translators: "Created 3 March 2026 · edited today at 14:02" */
    dates = g_strdup_printf (_("Created %s · edited %s"), created, modified);
  else
    /* Translators: "Created 3 March 2026" */
    dates = g_strdup_printf (_("Created %s"), created);
  gtk_label_set_label (self->date_label, dates);

  self->updating = FALSE;
}

void
cc_annotation_popover_set_annotation (CcAnnotationPopover *self,
                                      CcAnnotation        *annotation)
{
  g_return_if_fail (CC_IS_ANNOTATION_POPOVER (self));
  g_return_if_fail (annotation == NULL || CC_IS_ANNOTATION (annotation));

  cc_annotation_popover_flush (self);
  g_clear_object (&self->annotation);
  if (annotation != NULL)
    self->annotation = cc_annotation_copy (annotation);

  /* A fresh note: Ctrl+Z in it does not go back to another one. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->note_view), FALSE);
  update_fields (self);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->note_view), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  update_completions (self);
}

CcAnnotation *
cc_annotation_popover_get_annotation (CcAnnotationPopover *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION_POPOVER (self), NULL);

  return self->annotation;
}

void
cc_annotation_popover_focus_note (CcAnnotationPopover *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (CC_IS_ANNOTATION_POPOVER (self));

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

GtkTextBuffer *
cc_annotation_popover_get_note_buffer (CcAnnotationPopover *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION_POPOVER (self), NULL);

  return gtk_text_view_get_buffer (self->note_view);
}

GtkEditable *
cc_annotation_popover_get_tag_entry (CcAnnotationPopover *self)
{
  g_return_val_if_fail (CC_IS_ANNOTATION_POPOVER (self), NULL);

  return GTK_EDITABLE (self->tag_entry);
}

static void
on_undo_toast_clicked (AdwToast    *toast,
                       CcUndoStack *undo)
{
  CcAnnotation *annotation = g_object_get_data (G_OBJECT (toast), "cc-annotation");
  g_autoptr(GError) error = NULL;

  if (annotation != NULL && !cc_undo_stack_restore (undo, annotation, &error))
    g_warning ("Could not restore the highlight: %s", error->message);
}

static void
on_delete_clicked (CcAnnotationPopover *self,
                   GtkButton           *button)
{
  g_autoptr(CcAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *deleted;

  if (self->annotation == NULL)
    return;

  cc_annotation_popover_flush (self);
  annotation = g_steal_pointer (&self->annotation);
  gtk_popover_popdown (GTK_POPOVER (self));

  if (!cc_undo_stack_delete (self->undo, annotation, &error))
    {
      report (self, error);
      return;
    }

  deleted = adw_toast_new (_("Highlight deleted"));
  adw_toast_set_button_label (deleted, _("_Undo"));
  adw_toast_set_priority (deleted, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (deleted), "cc-annotation",
                          g_steal_pointer (&annotation), g_object_unref);
  g_signal_connect_object (deleted, "button-clicked",
                           G_CALLBACK (on_undo_toast_clicked), self->undo, 0);
  toast (self, deleted);
}

static void
on_closed (CcAnnotationPopover *self)
{
  cc_annotation_popover_flush (self);
}

/* Another change (undo, redo, the notes panel) to the annotation shown. */
static void
on_undo_changed (CcAnnotationPopover *self,
                 CcAnnotation        *annotation,
                 gboolean             exists,
                 CcUndoStack         *undo)
{
  if (self->updating || self->annotation == NULL ||
      g_strcmp0 (cc_annotation_get_uuid (annotation), cc_annotation_get_uuid (self->annotation)) != 0)
    return;

  if (!exists || cc_annotation_is_orphaned (annotation))
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      g_clear_object (&self->annotation);
      gtk_popover_popdown (GTK_POPOVER (self));
      return;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->annotation);
  self->annotation = cc_annotation_copy (annotation);
  update_fields (self);
}

static void
build_color_buttons (CcAnnotationPopover *self)
{
  const char * const *colors = cc_annotation_get_colors ();
  GtkToggleButton *group = NULL;

  for (guint i = 0; colors[i] != NULL && i < G_N_ELEMENTS (self->color_buttons); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      const char *label = cc_annotation_color_get_label (colors[i]);

      gtk_widget_add_css_class (button, "cc-color-button");
      gtk_widget_add_css_class (button, colors[i]);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "cc-color", (gpointer) colors[i]);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_color_toggled),
                               self, G_CONNECT_SWAPPED);
      gtk_box_insert_child_after (self->color_box, button,
                                  i == 0 ? NULL : GTK_WIDGET (self->color_buttons[i - 1]));
      self->color_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
cc_annotation_popover_dispose (GObject *object)
{
  CcAnnotationPopover *self = CC_ANNOTATION_POPOVER (object);

  if (self->undo != NULL)
    cc_annotation_popover_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_ANNOTATION_POPOVER);

  g_clear_object (&self->annotation);
  g_clear_object (&self->undo);
  g_clear_object (&self->tag_completions);

  G_OBJECT_CLASS (cc_annotation_popover_parent_class)->dispose (object);
}

static void
cc_annotation_popover_class_init (CcAnnotationPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_annotation_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/gnome/Crosscheck/ui/cc-annotation-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationPopover, color_box);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationPopover, state_label);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationPopover, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationPopover, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationPopover, note_view);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationPopover, note_placeholder);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationPopover, tag_box);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationPopover, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, CcAnnotationPopover, date_label);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_closed);
}

static void
cc_annotation_popover_init (CcAnnotationPopover *self)
{
  GtkEntryCompletion *completion;
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  build_color_buttons (self);

  buffer = gtk_text_view_get_buffer (self->note_view);
  self->note_changed_id = g_signal_connect_object (buffer, "changed", G_CALLBACK (on_note_changed),
                                                   self, G_CONNECT_SWAPPED);

  self->tag_completions = gtk_list_store_new (1, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->tag_completions));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_popup_single_match (completion, FALSE);
  gtk_entry_set_completion (self->tag_entry, completion);
  g_object_unref (completion);
}
