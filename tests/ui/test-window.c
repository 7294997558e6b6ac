/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>

#include "cc-application.h"
#include "cc-document-row.h"
#include "cc-error.h"
#include "cc-importer.h"
#include "cc-test-util.h"
#include "cc-ui-test.h"
#include "cc-window-private.h"
#include "cc-window.h"

/* GUI tests of the main window. They need a display (the test suite runs
 * them under xvfb-run) and wait on the main loop for conditions, with an
 * iteration cap, never on time. */

static CcApplication *app;

static AdwMessageDialog *find_dialog (CcWindow *window);

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

static gboolean
import_finished (gpointer data)
{
  return !cc_window_get_importing (CC_WINDOW (data));
}

static CcWindow *
create_window (void)
{
  CcWindow *window = cc_window_new (ADW_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (CcWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  cc_ui_test_drain ();
}

/* Counts case-insensitive (ASCII) occurrences of @word in @text, the way a
 * reader would. */
static guint
count_ascii_occurrences (const char *text,
                         const char *word)
{
  gsize len = strlen (word);
  guint n = 0;

  for (const char *p = text; *p != '\0';)
    {
      if (g_ascii_strncasecmp (p, word, len) == 0)
        {
          n++;
          p += len;
        }
      else
        p++;
    }

  return n;
}

/* A word of the text (ASCII letters, at least 5 of them) that occurs more
 * than once: found in the text, not known in advance. */
static char *
pick_repeated_word (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_ascii_isalpha (*p))
        p++;
      start = p;
      while (*p != '\0' && g_ascii_isalpha (*p))
        p++;

      /* Whole ASCII words only: not part of a word with other letters. */
      if (p - start >= 5 && (start == text || (guchar) start[-1] < 0x80) && (guchar) *p < 0x80)
        {
          g_autofree char *word = g_strndup (start, p - start);

          if (count_ascii_occurrences (text, word) >= 2)
            return g_steal_pointer (&word);
        }
    }

  return NULL;
}

static char *
buffer_text (CcReaderView *reader)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
test_window_sample_corpus (void)
{
  const char *corpus = cc_test_sample_corpus ();
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  const char *paths[] = { corpus, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDocument) document = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *word = NULL;
  g_autoptr(GHashTable) ids = NULL;
  CcWindow *window;
  CcReaderView *reader;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GListModel *documents;
  guint n_documents, n_expected, position;
  gint64 id;

  g_assert_nonnull (corpus);
  g_assert_true (g_file_test (corpus, G_FILE_TEST_IS_DIR));

  window = create_window ();
  reader = cc_window_get_reader (window);

  /* A new, empty library: the status page asks for a folder. */
  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cc_window_get_store (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "empty");

  /* Import with progress, off the main thread. */
  cc_window_import_paths (window, paths);
  g_assert_true (cc_window_get_importing (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->import_revealer));
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_false (gtk_revealer_get_reveal_child (window->import_revealer));
  g_assert_nonnull (window->last_report);
  g_assert_cmpuint (window->last_report->added, >, 0);

  /* Files that were not imported (the corpus README, say) are listed. */
  if (window->last_report->skipped > 0)
    {
      AdwMessageDialog *report;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-import-report", NULL);
      report = find_dialog (window);
      g_assert_nonnull (report);
      g_assert_cmpstr (adw_message_dialog_get_heading (report), ==, "Import Report");
      cc_ui_test_wait_for_frames (GTK_WIDGET (report));
      cc_ui_test_save_screenshot (GTK_WIDGET (report), "test-window-import-report.png");
      adw_message_dialog_response (report, "close");
      gtk_window_destroy (GTK_WINDOW (report));
      cc_ui_test_drain ();
      g_assert_null (find_dialog (window));
    }

  documents = cc_window_get_documents (window);
  n_documents = g_list_model_get_n_items (documents);
  g_assert_cmpuint (n_documents, ==, cc_store_count_documents (cc_window_get_store (window)));
  g_assert_cmpuint (n_documents, ==, window->last_report->added);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "library");

  /* Select a document (not the first, which opens by itself). */
  position = n_documents > 1 ? 1 : 0;
  document = g_list_model_get_item (documents, position);
  id = cc_document_get_id (document);
  g_assert_true (cc_window_select_document (window, id));
  g_assert_nonnull (cc_window_get_document (window));
  g_assert_cmpint (cc_document_get_id (cc_window_get_document (window)), ==, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->read_stack), ==, "reader");

  /* The reader holds exactly the stored text. */
  stored = cc_store_load_text (cc_window_get_store (window), id, &error);
  g_assert_no_error (error);
  shown = buffer_text (reader);
  g_assert_cmpstr (shown, ==, stored);
  g_assert_cmpint (gtk_text_buffer_get_char_count (cc_reader_view_get_buffer (reader)), ==,
                   g_utf8_strlen (stored, -1));

  /* The title is styled as a heading. */
  buffer = cc_reader_view_get_buffer (reader);
  gtk_text_buffer_get_start_iter (buffer, &start);
  while (g_unichar_isspace (gtk_text_iter_get_char (&start)))
    gtk_text_iter_forward_char (&start);
  g_assert_true (gtk_text_iter_has_tag (&start,
                                        gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                   "cc-title")));

  /* Find in document: the count matches the text, next/previous wrap. */
  word = pick_repeated_word (stored);
  g_assert_nonnull (word);
  n_expected = count_ascii_occurrences (stored, word);
  g_test_message ("Finding “%s”, %u times in the text", word, n_expected);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_cmpuint (cc_reader_view_find (reader, word), ==, n_expected);
  g_assert_cmpuint (cc_reader_view_get_n_matches (reader), ==, n_expected);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_cmpuint (cc_reader_view_find_next (reader, TRUE), ==, 1);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  {
    g_autofree char *selected = gtk_text_iter_get_text (&start, &end);
    g_assert_cmpint (g_ascii_strcasecmp (selected, word), ==, 0);
  }
  g_assert_cmpuint (cc_reader_view_find_next (reader, FALSE), ==, n_expected);
  g_assert_cmpuint (cc_reader_view_find_next (reader, TRUE), ==, 1);
  g_assert_cmpuint (cc_reader_view_find (reader, "zzqx-no-such-text"), ==, 0);
  g_assert_cmpuint (cc_reader_view_find_next (reader, TRUE), ==, 0);
  g_assert_cmpuint (cc_reader_view_find (reader, word), ==, n_expected);
  cc_reader_view_find_next (reader, TRUE);

  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), "test-window.png");

  cc_reader_view_stop_find (reader);
  g_assert_cmpuint (cc_reader_view_get_n_matches (reader), ==, 0);

  /* Search across the library opens a document at the hit. */
  /* Other GUI tests may share the display and take the focus: keep the
   * popover up for the screenshot. */
  gtk_popover_set_autohide (GTK_POPOVER (window->search_popover), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search-library", NULL);
  g_assert_cmpuint (cc_search_popover_search (window->search_popover, word), >, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->search_popover)));
  cc_ui_test_wait_for_frames (GTK_WIDGET (window->search_popover));
  cc_ui_test_save_screenshot (GTK_WIDGET (window->search_popover), "test-window-search.png");
  g_assert_true (cc_search_popover_activate_hit (window->search_popover, 0));
  g_assert_nonnull (cc_window_get_document (window));
  g_assert_cmpuint (cc_reader_view_get_n_matches (reader), >, 0);
  g_assert_cmpuint (cc_reader_view_get_current_match (reader), ==, 1);
  /* Let it be drawn, as a person would look at it before closing the bar. */
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_reader_view_stop_find (reader);

  /* Filtering the list by a set of documents, and clearing it. */
  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
  cc_window_set_document_filter (window, ids, "test");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->filtered)), ==, 1);
  g_assert_true (gtk_revealer_get_reveal_child (window->filter_revealer));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-document-filter", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->filtered)), ==, n_documents);
  g_assert_false (gtk_revealer_get_reveal_child (window->filter_revealer));

  /* Zoom changes the text size and resets. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (cc_reader_view_get_text_size (reader), 1.1, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (cc_reader_view_get_text_size (reader), 1.0, 0.001);

  /* The shortcuts and About windows open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_nonnull (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  gtk_window_destroy (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_nonnull (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  gtk_window_destroy (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  cc_ui_test_drain ();

  /* Importing again changes nothing. */
  cc_window_import_paths (window, paths);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_cmpuint (window->last_report->added, ==, 0);
  g_assert_cmpuint (window->last_report->unchanged, ==, n_documents);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_documents);
  g_assert_cmpint (cc_document_get_id (cc_window_get_document (window)), >, 0);

  destroy_window (window);
  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

static gboolean
read_file (const char  *path,
           char       **contents,
           gsize       *len)
{
  return g_file_get_contents (path, contents, len, NULL);
}

static AdwMessageDialog *
find_dialog (CcWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
check_broken_library (const char *broken,
                      gboolean    is_default)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (broken);
  AdwMessageDialog *dialog;
  CcWindow *window;
  CcStore *store;

  g_assert_true (read_file (broken, &before, &before_len));

  window = create_window ();
  g_assert_false (cc_window_open_library (window, broken, &error));
  g_assert_true (g_error_matches (error, CC_ERROR, CC_ERROR_NOT_A_DATABASE) ||
                 g_error_matches (error, CC_ERROR, CC_ERROR_CORRUPT_DATABASE));
  g_assert_null (cc_window_get_store (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "empty");

  /* A dialog names the file and offers a way out. */
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), display));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));

  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  if (!is_default)
    {
      cc_ui_test_wait_for_frames (GTK_WIDGET (dialog));
      cc_ui_test_save_screenshot (GTK_WIDGET (dialog), "test-window-broken-library.png");
    }

  /* The file is untouched. */
  g_assert_true (read_file (broken, &after, &after_len));
  g_assert_cmpuint (before_len, ==, after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  /* "Use a New Library" opens another file, never the broken one. */
  adw_message_dialog_response (dialog, "new");
  cc_ui_test_drain ();
  store = cc_window_get_store (window);
  g_assert_nonnull (store);
  g_assert_cmpstr (cc_store_get_path (store), !=, broken);
  g_test_message ("New library: %s", cc_store_get_path (store));

  g_clear_pointer (&after, g_free);
  g_assert_true (read_file (broken, &after, &after_len));
  g_assert_cmpmem (before, before_len, after, after_len);

  destroy_window (window);
}

static void
test_window_broken_library (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *garbage = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *default_path = cc_store_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 64; i++)
    g_string_append (text, "This is a shopping list, not a library.\n");
  garbage = g_string_free (text, FALSE);

  /* A broken file somewhere: "new" opens the default library. */
  broken = cc_test_write_file (tmp, "broken.db", garbage, -1);
  check_broken_library (broken, FALSE);

  /* The default library itself is broken: "new" picks another name. */
  g_assert_cmpint (g_mkdir_with_parents (default_dir, 0700), ==, 0);
  if (g_file_test (default_path, G_FILE_TEST_EXISTS))
    g_assert_cmpint (g_remove (default_path), ==, 0);
  g_assert_true (g_file_set_contents (default_path, garbage, -1, NULL));
  check_broken_library (default_path, TRUE);

  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

static CcDocument *
find_document_by_basename (GListModel *model,
                           const char *basename)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CcDocument) document = g_list_model_get_item (model, i);

      if (g_strcmp0 (cc_document_get_basename (document), basename) == 0)
        return g_steal_pointer (&document);
    }

  return NULL;
}

static void
test_window_missing_document (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *folder = g_build_filename (tmp, "articles", NULL);
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  g_autofree char *gone = NULL;
  const char *paths[] = { folder, NULL };
  g_autoptr(CcDocument) missing = NULL;
  g_autoptr(CcDocument) present = NULL;
  GtkWidget *row;
  CcWindow *window;

  g_free (cc_test_write_file (folder, "first.txt",
                              "A first article\n\nSome words about a thing that happened.\n", -1));
  gone = cc_test_write_file (folder, "second.txt",
                             "A second article\n\nOther words about the same thing.\n", -1);

  window = create_window ();
  g_assert_true (cc_window_open_library (window, db, NULL));
  cc_window_import_paths (window, paths);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), ==, 2);

  /* A file that disappeared stays in the list, marked missing. */
  g_assert_cmpint (g_remove (gone), ==, 0);
  cc_window_import_paths (window, paths);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), ==, 2);
  g_assert_cmpuint (window->last_report->missing, ==, 1);

  missing = find_document_by_basename (cc_window_get_documents (window), "second.txt");
  present = find_document_by_basename (cc_window_get_documents (window), "first.txt");
  g_assert_nonnull (missing);
  g_assert_nonnull (present);
  g_assert_true (cc_document_get_missing (missing));
  g_assert_false (cc_document_get_missing (present));

  /* Its row is dimmed and labelled; the stored text still opens. */
  row = g_object_ref_sink (cc_document_row_new ());
  cc_document_row_set_document (CC_DOCUMENT_ROW (row), missing);
  g_assert_true (gtk_widget_has_css_class (row, "missing"));
  cc_document_row_set_document (CC_DOCUMENT_ROW (row), present);
  g_assert_false (gtk_widget_has_css_class (row, "missing"));
  g_object_unref (row);

  g_assert_true (cc_window_select_document (window, cc_document_get_id (missing)));
  {
    g_autofree char *shown = buffer_text (cc_window_get_reader (window));
    g_assert_nonnull (strstr (shown, "Other words"));
  }

  /* The text filter narrows the list. */
  gtk_editable_set_text (GTK_EDITABLE (window->filter_entry), "second");
  g_signal_emit_by_name (window->filter_entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->filtered)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (window->filter_entry), "");
  g_signal_emit_by_name (window->filter_entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->filtered)), ==, 2);

  destroy_window (window);
  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

static GtkDropTarget *
find_drop_target (CcWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window->toast_overlay));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* Dropping a folder imports it; cancelling an import leaves a consistent
 * library; the window remembers its library and size. */
static void
test_window_drop_and_cancel (void)
{
  const char *corpus = cc_test_sample_corpus ();
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  g_autofree char *db2 = g_build_filename (tmp, "other.db", NULL);
  g_autofree char *last = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (corpus);
  g_autoptr(GSettings) settings = NULL;
  GValue value = G_VALUE_INIT;
  GtkDropTarget *target;
  GSList *files = NULL;
  const char *paths[] = { corpus, NULL };
  gboolean accepted = FALSE;
  int width, height, new_width, new_height;
  CcWindow *window;

  window = create_window ();
  g_assert_true (cc_window_open_library (window, db, NULL));

  settings = g_object_ref (window->settings);
  g_assert_nonnull (settings);
  last = g_settings_get_string (settings, "last-library");
  g_assert_cmpstr (last, ==, db);

  /* Drop the sample folder on the window. */
  target = find_drop_target (window);
  g_assert_nonnull (target);
  files = g_slist_append (files, folder);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (cc_window_get_importing (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->import_revealer));
  g_assert_true (gtk_widget_is_sensitive (window->import_cancel));
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), ==,
                    cc_store_count_documents (cc_window_get_store (window)));

  /* Cancel an import at once, into another library: whatever it managed
   * is listed, and the list matches the library. */
  g_assert_true (cc_window_open_library (window, db2, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), ==, 0);
  cc_window_import_paths (window, paths);
  g_assert_true (cc_window_get_importing (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-import", NULL);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), ==,
                    cc_store_count_documents (cc_window_get_store (window)));
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-library");
  g_assert_cmpstr (last, ==, db2);

  /* The size is saved on close and restored by the next window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gtk_window_close (GTK_WINDOW (window));
  cc_ui_test_drain ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, height);

  window = cc_window_new (ADW_APPLICATION (app));
  gtk_window_get_default_size (GTK_WINDOW (window), &new_width, &new_height);
  g_assert_cmpint (new_width, ==, width);
  g_assert_cmpint (new_height, ==, height);
  destroy_window (window);

  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

typedef struct
{
  const char *db;
  guint       calls;
  guint       expected;
  gboolean    exited;
} AppRun;

/* Counts the documents through a read-only connection, so the test never
 * writes to (or migrates) the library the app is filling. -1 while the
 * library is not there yet. */
static int
count_documents_read_only (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_busy_timeout (db, 1000) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM documents", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static gboolean
app_imported (gpointer data)
{
  AppRun *run = data;

  if (run->exited)
    return TRUE;

  /* Look at the library now and then, not on every iteration. */
  if (run->calls++ % 20 != 0 || !g_file_test (run->db, G_FILE_TEST_EXISTS))
    return FALSE;

  return count_documents_read_only (run->db) >= (int) run->expected;
}

static void
on_app_exited (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  AppRun *run = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  run->exited = TRUE;
}

static gboolean
app_exited (gpointer data)
{
  return ((AppRun *) data)->exited;
}

/* `crosscheck --db PATH FOLDER` opens that library and imports the folder. */
static void
test_app_command_line (void)
{
  const char *app_path = g_getenv ("CROSSCHECK_APP");
  const char *corpus = cc_test_sample_corpus ();
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "cli.db", NULL);
  g_autofree char *reference_db = g_build_filename (tmp, "reference.db", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(CcStore) reference = NULL;
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { corpus, NULL };
  AppRun run = { db, 0, 0, FALSE };

  if (app_path == NULL || !g_file_test (app_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("CROSSCHECK_APP is not set");
      return;
    }

  /* What the import should give, done here with the core. */
  reference = cc_store_open (reference_db, &error);
  g_assert_no_error (error);
  report = cc_import_paths (reference, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  run.expected = cc_store_count_documents (reference);
  g_assert_cmpuint (run.expected, >, 0);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                              app_path, "--db", db, corpus, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_app_exited, &run);

  g_assert_true (cc_ui_test_wait_for (app_imported, &run));
  g_assert_false (run.exited);

  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (cc_ui_test_wait_for (app_exited, &run));

  {
    g_autoptr(CcStore) store = cc_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cc_store_count_documents (store), ==, run.expected);
  }

  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  /* Keep the tests away from the user's files and session: a private data
   * folder for the default library and no session bus (no D-Bus
   * autolaunch). Set before anything reads them. */
  home = g_dir_make_tmp ("crosscheck-ui-test-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/crosscheck-test-bus", TRUE);

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run. Skipping.\n");
      return 77;
    }

  app = cc_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* Screenshots of the final state, not of a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/crosscheck/ui/window/sample-corpus", test_window_sample_corpus);
  g_test_add_func ("/crosscheck/ui/window/broken-library", test_window_broken_library);
  g_test_add_func ("/crosscheck/ui/window/missing-document", test_window_missing_document);
  g_test_add_func ("/crosscheck/ui/window/drop-and-cancel", test_window_drop_and_cancel);
  g_test_add_func ("/crosscheck/ui/app/command-line", test_app_command_line);

  ret = g_test_run ();

  g_clear_object (&app);
  cc_test_tmpdir_free (g_steal_pointer (&home));

  return ret;
}
