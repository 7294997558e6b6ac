/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-document-row.h"

struct _CcDocumentRow
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkLabel   *title;
  GtkLabel   *details;
  GtkWidget  *missing;

  CcDocument *document;
};

G_DEFINE_FINAL_TYPE (CcDocumentRow, cc_document_row, GTK_TYPE_WIDGET)

GtkWidget *
cc_document_row_new (void)
{
  return g_object_new (CC_TYPE_DOCUMENT_ROW, NULL);
}

CcDocument *
cc_document_row_get_document (CcDocumentRow *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT_ROW (self), NULL);

  return self->document;
}

void
cc_document_row_set_document (CcDocumentRow *self,
                              CcDocument    *document)
{
  g_autofree char *words = NULL;
  g_autofree char *details = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *source_line = NULL;
  const char *source;
  gboolean missing;

  g_return_if_fail (CC_IS_DOCUMENT_ROW (self));
  g_return_if_fail (document == NULL || CC_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  if (document == NULL)
    {
      gtk_label_set_label (self->title, "");
      gtk_label_set_label (self->details, "");
      gtk_widget_set_visible (self->missing, FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "missing");
      return;
    }

  source_line = cc_document_dup_source_line (document);
  source = source_line != NULL ? source_line : cc_document_get_basename (document);

  words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u word", "%'u words",
                                        cc_document_get_words (document)),
                           cc_document_get_words (document));
  /* Translators: "Outlet · 1,234 words" in the document list */
  details = g_strdup_printf (_("%s · %s"), source, words);

  gtk_label_set_label (self->title, cc_document_get_title (document));
  gtk_label_set_label (self->details, details);

  missing = cc_document_get_missing (document);
  gtk_widget_set_visible (self->missing, missing);
  if (missing)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "missing");
      tooltip = g_strdup_printf (_("%s\nThis file is no longer on disk; the stored copy is shown."),
                                 cc_document_get_path (document));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "missing");
      tooltip = g_strdup (cc_document_get_path (document));
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static void
cc_document_row_dispose (GObject *object)
{
  CcDocumentRow *self = CC_DOCUMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_DOCUMENT_ROW);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cc_document_row_parent_class)->dispose (object);
}

static void
cc_document_row_class_init (CcDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_document_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Crosscheck/ui/cc-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CcDocumentRow, box);
  gtk_widget_class_bind_template_child (widget_class, CcDocumentRow, title);
  gtk_widget_class_bind_template_child (widget_class, CcDocumentRow, details);
  gtk_widget_class_bind_template_child (widget_class, CcDocumentRow, missing);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentrow");
}

static void
cc_document_row_init (CcDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
