/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cc-application.h"
#include "cc-entities-panel.h"
#include "cc-entities.h"
#include "cc-importer.h"
#include "cc-test-util.h"
#include "cc-ui-test.h"
#include "cc-window.h"

/* GUI test of the Entities tab: the entities of the open document grouped
 * by type, selecting one marks its mentions in the reader and moves to the
 * first, next/previous step through them, the filter narrows the list,
 * underlining tags every mention, and the library scope lists entities of
 * other documents too. Waits on the main loop with an iteration cap, never
 * on time. */

static CcApplication *app;

static gboolean
has_document (gpointer data)
{
  return cc_window_get_document (CC_WINDOW (data)) != NULL;
}

static gboolean
has_tag_at (CcReaderView *reader,
            const char   *tag_name,
            guint         offset)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  if (tag == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int)offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static gboolean
underlines_done (gpointer data)
{
  return !cc_entities_panel_get_busy (CC_ENTITIES_PANEL (data));
}

static guint
count_mentions (const char *text,
                const char *canonical)
{
  g_autoptr(GPtrArray) mentions = cc_entities_extract (text);
  guint n = 0;

  for (guint i = 0; i < mentions->len; i++)
    if (g_str_equal (((CcMention *)mentions->pdata[i])->canonical, canonical))
      n++;
  return n;
}

static gboolean
analysis_done (gpointer data)
{
  return !cc_entities_panel_get_analysing (CC_ENTITIES_PANEL (data));
}

static guint
cursor_offset (CcReaderView *reader)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

static void
test_panel (void)
{
  char *dir = cc_test_tmpdir_new ();
  const char *text_a = "Acme Robotics Signs Deal\n"
                       "Jane Whitlock, chief executive of Acme Robotics Inc., said on Monday that "
                       "the company had raised $40 million. Whitlock said Oslo would host the lab. "
                       "Later Whitlock added that 12% of staff would move.\n";
  const char *text_b = "Second Report\nTom Baxter of Northwind Capital said Acme Robotics Inc. "
                       "was growing. Baxter expects more deals in early 2027.\n";
  g_autofree char *a = cc_test_write_file (dir, "docs/a.txt", text_a, -1);
  g_autofree char *b = cc_test_write_file (dir, "docs/b.txt", text_b, -1);
  g_autofree char *folder = g_build_filename (dir, "docs", NULL);
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  CcWindow *window;
  CcEntitiesPanel *panel;
  CcReaderView *reader;
  GtkWidget *child;
  gint64 id_a = 0;
  guint n_all;

  {
    g_autoptr(CcStore) store = cc_test_open_store (dir);
    const char *paths[] = { folder, NULL };
    g_autoptr(CcImportReport) report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    db = g_strdup (cc_store_get_path (store));
    docs = cc_store_list_documents (store, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < docs->len; i++)
      if (g_str_equal (cc_document_get_basename (docs->pdata[i]), "a.txt"))
        id_a = cc_document_get_id (docs->pdata[i]);
    g_assert_cmpint (id_a, >, 0);
  }

  window = cc_window_new (ADW_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cc_ui_test_wait_for (cc_ui_test_on_a_monitor, window));
  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);

  child = gtk_widget_get_first_child (GTK_WIDGET (cc_window_get_entities_page (window)));
  g_assert_true (CC_IS_ENTITIES_PANEL (child));
  panel = CC_ENTITIES_PANEL (child);
  reader = cc_window_get_reader (window);

  g_assert_true (cc_window_select_document (window, id_a));
  g_assert_true (cc_ui_test_wait_for (has_document, window));
  /* headers and entities */
  g_assert_cmpuint (cc_entities_panel_get_n_rows (panel), >=, 6);

  /* The library count includes the documents nobody has opened yet: they
   * are analysed in the background. Acme is named once in b.txt. */
  g_assert_true (cc_ui_test_wait_for (analysis_done, panel));
  {
    guint in_a = count_mentions (text_a, "Acme Robotics Inc");
    guint in_b = count_mentions (text_b, "Acme Robotics Inc");

    g_assert_cmpuint (in_b, >, 0);
    g_assert_cmpuint (cc_entities_panel_get_library_count (panel, "Acme Robotics Inc"), ==,
                      in_a + in_b);
  }

  /* Selecting marks the three mentions of the person and goes to the first. */
  g_assert_true (cc_entities_panel_select_entity (panel, "Jane Whitlock"));
  g_assert_cmpuint (cc_entities_panel_get_current (panel), ==, 1);
  g_assert_cmpuint (cursor_offset (reader), ==, (guint)(strstr (text_a, "Jane") - text_a));
  g_assert_true (has_tag_at (reader, "cc-entity-selected",
                             g_utf8_pointer_to_offset (text_a, strstr (text_a, "Whitlock said"))));
  cc_entities_panel_step (panel, TRUE);
  g_assert_cmpuint (cc_entities_panel_get_current (panel), ==, 2);
  cc_entities_panel_step (panel, TRUE);
  cc_entities_panel_step (panel, TRUE);
  g_assert_cmpuint (cc_entities_panel_get_current (panel), ==, 1);  /* wraps */
  cc_entities_panel_step (panel, FALSE);
  g_assert_cmpuint (cc_entities_panel_get_current (panel), ==, 3);
  /* The keyboard action works the same way. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "entities.next-mention", NULL));
  g_assert_cmpuint (cc_entities_panel_get_current (panel), ==, 1);

  /* Underlining by type */
  g_assert_false (has_tag_at (reader, "cc-entity-LOCATION",
                              g_utf8_pointer_to_offset (text_a, strstr (text_a, "Oslo"))));
  cc_entities_panel_set_underline (panel, TRUE);
  g_assert_true (cc_ui_test_wait_for (underlines_done, panel));
  g_assert_true (has_tag_at (reader, "cc-entity-LOCATION",
                             g_utf8_pointer_to_offset (text_a, strstr (text_a, "Oslo"))));
  g_assert_true (has_tag_at (reader, "cc-entity-MONEY",
                             g_utf8_pointer_to_offset (text_a, strstr (text_a, "$40"))));

  /* "Documents that mention it" filters the list without failing. */
  g_assert_true (cc_entities_panel_select_entity (panel, "Acme Robotics Inc"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "entities.filter-documents", NULL));
  cc_window_set_document_filter (window, NULL, NULL);

  /* The filter narrows the list. */
  n_all = cc_entities_panel_get_n_rows (panel);
  {
    GtkWidget *entry = NULL;
    GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (panel));

    /* find the search entry in the template */
    for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_SEARCH_ENTRY (c))
        entry = c;
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "whit");
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (cc_entities_panel_get_n_rows (panel), ==, 2);  /* header + Jane Whitlock */
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (cc_entities_panel_get_n_rows (panel), ==, n_all);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cc_test_tmpdir_free (dir);
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

  g_test_add_func ("/crosscheck/ui/entities/panel", test_panel);
  ret = g_test_run ();

  g_clear_object (&app);
  cc_test_tmpdir_free (g_steal_pointer (&home));
  return ret;
}
