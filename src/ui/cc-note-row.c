/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-note-row.h"

/* Tags shown on a row before "+N". */
#define MAX_TAGS 4

struct _CcNoteRow
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkLabel     *header_label;
  GtkWidget    *card;
  GtkWidget    *swatch;
  GtkLabel     *quote_label;
  GtkLabel     *note_label;
  GtkBox       *tag_box;
  GtkLabel     *meta_label;
  GtkWidget    *orphan_box;

  /* Owned */
  CcAnnotation *annotation;
  char         *swatch_class;
};

G_DEFINE_FINAL_TYPE (CcNoteRow, cc_note_row, GTK_TYPE_WIDGET)

enum {
  REATTACH,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
cc_note_row_new (void)
{
  return g_object_new (CC_TYPE_NOTE_ROW, NULL);
}

static char *
format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (time == NULL)
    return g_strdup ("");

  if (g_date_time_get_year (time) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    return g_date_time_format (time, "%H:%M");
  if (g_date_time_get_year (time) == g_date_time_get_year (now))
    /* Translators: a date in this year, see g_date_time_format() */
    return g_date_time_format (time, _("%-d %b"));
  /* Translators: a date, see g_date_time_format() */
  return g_date_time_format (time, _("%-d %b %Y"));
}

static void
set_tags (CcNoteRow          *self,
          const char * const *tags)
{
  GtkWidget *child;
  guint n = tags ? g_strv_length ((char **) tags) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_box))) != NULL)
    gtk_box_remove (self->tag_box, child);

  for (guint i = 0; i < n && i < MAX_TAGS; i++)
    {
      GtkWidget *chip = gtk_label_new (tags[i]);

      gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (chip), 16);
      gtk_widget_add_css_class (chip, "cc-tag-chip");
      gtk_widget_add_css_class (chip, "static");
      gtk_box_append (self->tag_box, chip);
    }

  if (n > MAX_TAGS)
    {
      g_autofree char *more = g_strdup_printf ("+%u", n - MAX_TAGS);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (self->tag_box, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->tag_box), n > 0);
}

void
cc_note_row_set_annotation (CcNoteRow    *self,
                            CcAnnotation *annotation,
                            const char   *document_title)
{
  g_autofree char *quote = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *label = NULL;
  const char *note;
  gboolean orphan;

  g_return_if_fail (CC_IS_NOTE_ROW (self));
  g_return_if_fail (CC_IS_ANNOTATION (annotation));

  g_set_object (&self->annotation, annotation);
  orphan = cc_annotation_is_orphaned (annotation);
  note = cc_annotation_get_note (annotation);

  gtk_widget_set_visible (GTK_WIDGET (self->header_label), FALSE);
  gtk_widget_set_visible (self->card, TRUE);

  if (self->swatch_class != NULL)
    gtk_widget_remove_css_class (self->swatch, self->swatch_class);
  g_free (self->swatch_class);
  self->swatch_class = g_strdup (cc_annotation_get_color (annotation));
  gtk_widget_add_css_class (self->swatch, self->swatch_class);

  quote = g_strdup_printf ("“%s”", cc_annotation_get_quote (annotation));
  gtk_label_set_label (self->quote_label, quote);
  gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), *note != '\0');
  set_tags (self, cc_annotation_get_tags (annotation));

  date = format_date (cc_annotation_get_modified (annotation));
  if (document_title != NULL && *document_title != '\0')
    /* The date first: a long title is ellipsized. */
    meta = g_strdup_printf ("%s · %s", date, document_title);
  else
    meta = g_steal_pointer (&date);
  gtk_label_set_label (self->meta_label, meta);

  gtk_widget_set_visible (self->orphan_box, orphan);
  if (orphan)
    gtk_widget_add_css_class (GTK_WIDGET (self), "cc-orphan");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "cc-orphan");

  /* Translators: accessible label of a note row: the quote, then the note */
  label = g_strdup_printf (_("%s. %s"), quote, note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
cc_note_row_set_header (CcNoteRow  *self,
                        const char *title)
{
  g_return_if_fail (CC_IS_NOTE_ROW (self));

  g_clear_object (&self->annotation);
  gtk_label_set_label (self->header_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->header_label), TRUE);
  gtk_widget_set_visible (self->card, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "cc-orphan");
}

CcAnnotation *
cc_note_row_get_annotation (CcNoteRow *self)
{
  g_return_val_if_fail (CC_IS_NOTE_ROW (self), NULL);

  return self->annotation;
}

static void
on_reattach_clicked (CcNoteRow *self)
{
  g_signal_emit (self, signals[REATTACH], 0);
}

static void
on_delete_clicked (CcNoteRow *self)
{
  g_signal_emit (self, signals[DELETE], 0);
}

static void
cc_note_row_dispose (GObject *object)
{
  CcNoteRow *self = CC_NOTE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_NOTE_ROW);
  g_clear_object (&self->annotation);
  g_clear_pointer (&self->swatch_class, g_free);

  G_OBJECT_CLASS (cc_note_row_parent_class)->dispose (object);
}

static void
cc_note_row_class_init (CcNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_note_row_dispose;

  signals[REATTACH] = g_signal_new ("reattach", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Crosscheck/ui/cc-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CcNoteRow, header_label);
  gtk_widget_class_bind_template_child (widget_class, CcNoteRow, card);
  gtk_widget_class_bind_template_child (widget_class, CcNoteRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, CcNoteRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CcNoteRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, CcNoteRow, tag_box);
  gtk_widget_class_bind_template_child (widget_class, CcNoteRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CcNoteRow, orphan_box);
  gtk_widget_class_bind_template_callback (widget_class, on_reattach_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "noterow");
}

static void
cc_note_row_init (CcNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}
