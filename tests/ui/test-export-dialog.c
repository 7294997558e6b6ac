/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <cmark.h>
#include <string.h>

#include "cc-application.h"
#include "cc-export-dialog.h"
#include "cc-export-fixture.h"
#include "cc-test-util.h"
#include "cc-ui-test.h"
#include "cc-window.h"

/* The Export… dialog under Xvfb: opened by the window's action, its
 * options follow its widgets, and an export writes the file and closes
 * it. Waits on the main loop for conditions, never on time. */

static CcApplication *app;

static gboolean
has_documents (gpointer data)
{
  return g_list_model_get_n_items (cc_window_get_documents (data)) == 3;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static CcExportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CC_IS_EXPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CC_EXPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

/* The combo row of @widget whose model has @n_items items. */
static AdwComboRow *
find_combo (GtkWidget *widget,
            guint      n_items)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (widget))) == n_items)
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo (child, n_items);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_block_quotes (const char *markdown)
{
  cmark_node *document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  guint n = 0;

  for (cmark_node *node = cmark_node_first_child (document); node != NULL;
       node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_BLOCK_QUOTE)
      n++;
  cmark_node_free (document);
  return n;
}

static void
test_export_dialog (void)
{
  g_autoptr(CcExportFixture) fixture = cc_export_fixture_new (TRUE);
  g_autoptr(GPtrArray) all = cc_export_fixture_annotate_all (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "green.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CcWindow *window = cc_window_new (ADW_APPLICATION (app));
  CcExportDialog *dialog;
  AdwComboRow *format;
  AdwComboRow *color;
  guint n_colors = g_strv_length ((char **)cc_annotation_get_colors ());
  guint green = 0;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cc_window_open_library (window, cc_store_get_path (fixture->store), &error));
  g_assert_no_error (error);
  g_assert_true (cc_ui_test_wait_for (has_documents, window));

  /* Ctrl+E's action opens the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  {
    g_autoptr(CcExportOptions) options = cc_export_dialog_get_options (dialog);

    /* The whole library, no filter, Markdown. */
    g_assert_cmpuint (options->document_ids->len, ==, 0);
    g_assert_null (options->color);
    g_assert_null (options->tag);
    g_assert_cmpint (cc_export_dialog_get_format (dialog), ==, CC_EXPORT_FORMAT_MARKDOWN);
  }

  format = find_combo (GTK_WIDGET (dialog), 2);
  g_assert_nonnull (format);
  adw_combo_row_set_selected (format, 1);
  g_assert_cmpint (cc_export_dialog_get_format (dialog), ==, CC_EXPORT_FORMAT_W3C);
  adw_combo_row_set_selected (format, 0);
  g_assert_cmpint (cc_export_dialog_get_format (dialog), ==, CC_EXPORT_FORMAT_MARKDOWN);

  /* "Any Colour" and the colours. */
  color = find_combo (GTK_WIDGET (dialog), 1 + n_colors);
  g_assert_nonnull (color);
  for (guint i = 0; i < n_colors; i++)
    if (g_str_equal (cc_annotation_get_colors ()[i], "green"))
      adw_combo_row_set_selected (color, i + 1);
  {
    g_autoptr(CcExportOptions) options = cc_export_dialog_get_options (dialog);
    g_assert_cmpstr (options->color, ==, "green");
  }

  /* Export: the dialog closes, the file appears whole. */
  cc_export_dialog_export_to (dialog, file);
  g_assert_true (cc_ui_test_wait_for (dialog_gone, NULL));
  g_assert_true (cc_ui_test_wait_for (file_exists, path));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (cc_annotation_get_color (all->pdata[i]), "green"))
      green++;
  g_assert_cmpuint (green, >, 0);
  g_assert_cmpuint (count_block_quotes (text), ==, green);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int ret;

  if (!cc_ui_test_init (&argc, &argv, &home))
    {
      cc_test_tmpdir_free (g_steal_pointer (&home));
      return 77;
    }
  app = cc_ui_test_application_new ();

  g_test_add_func ("/crosscheck/ui/export/dialog", test_export_dialog);

  ret = g_test_run ();

  g_clear_object (&app);
  cc_test_tmpdir_free (g_steal_pointer (&home));
  return ret;
}
