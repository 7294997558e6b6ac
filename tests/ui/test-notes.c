/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "cc-annotation-popover.h"
#include "cc-annotation-store.h"
#include "cc-application.h"
#include "cc-highlighter.h"
#include "cc-notes-panel.h"
#include "cc-test-util.h"
#include "cc-ui-test.h"
#include "cc-window-private.h"
#include "cc-window.h"

/* GUI test of highlights and notes: highlight a selection, write a note
 * and a tag in the popover, undo/redo, list it in the Notes panel, then
 * "restart the app" (new application and window objects on the same
 * library) and find both again. Waits on the main loop for conditions,
 * with an iteration cap, never on time. */

static CcApplication *app;

static gboolean
import_finished (gpointer data)
{
  return !cc_window_get_importing (CC_WINDOW (data));
}

static CcWindow *
create_window (const char *db)
{
  CcWindow *window = cc_window_new (ADW_APPLICATION (app));
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  /* Popovers are placed on the window's monitor. */
  g_assert_true (cc_ui_test_wait_for (cc_ui_test_on_a_monitor, window));
  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);

  return window;
}

static CcNotesPanel *
get_panel (CcWindow *window)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cc_window_get_notes_page (window)));

  g_assert_true (CC_IS_NOTES_PANEL (child));
  return CC_NOTES_PANEL (child);
}

/* The name of the highlight tag on character @offset, or NULL. */
static char *
highlight_tag_at (CcReaderView *reader,
                  guint         offset)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextIter iter;
  GSList *tags;
  char *found = NULL;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autofree char *name = NULL;

      g_object_get (l->data, "name", &name, NULL);
      if (name != NULL && g_str_has_prefix (name, "cc-hl-") && !g_str_has_prefix (name, "cc-hl-note-"))
        {
          g_free (found);
          found = g_steal_pointer (&name);
        }
    }
  g_slist_free (tags);

  return found;
}

static gboolean
has_note_mark (CcReaderView *reader,
               guint         offset)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextIter iter;
  GSList *tags;
  gboolean found = FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autofree char *name = NULL;

      g_object_get (l->data, "name", &name, NULL);
      found |= name != NULL && g_str_has_prefix (name, "cc-hl-note-");
    }
  g_slist_free (tags);

  return found;
}

/* A passage of the body (not the title): the first sentence-sized stretch
 * of the second non-empty line, found in the text. */
static void
pick_passage (CcReaderView *reader,
              guint         skip_lines,
              guint        *start,
              guint        *end)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextIter iter, stop;
  guint lines = 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  for (;;)
    {
      GtkTextIter line_end = iter;

      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      if (gtk_text_iter_get_offset (&line_end) - gtk_text_iter_get_offset (&iter) > 60)
        {
          if (lines++ >= skip_lines)
            break;
        }
      g_assert_true (gtk_text_iter_forward_line (&iter));
    }

  stop = iter;
  gtk_text_iter_forward_chars (&stop, 50);
  /* End on a word boundary. */
  if (!gtk_text_iter_ends_word (&stop))
    gtk_text_iter_forward_word_end (&stop);

  *start = (guint) gtk_text_iter_get_offset (&iter);
  *end = (guint) gtk_text_iter_get_offset (&stop);
}

static void
select_range (CcReaderView *reader,
              guint         start,
              guint         end)
{
  GtkTextBuffer *buffer = cc_reader_view_get_buffer (reader);
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) end);
  gtk_text_buffer_select_range (buffer, &s, &e);
}

static CcAnnotation *
stored_annotation (CcWindow   *window,
                   const char *uuid)
{
  g_autoptr(GError) error = NULL;
  CcAnnotation *a = cc_annotation_store_get (cc_window_get_store (window), uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

typedef struct
{
  CcWindow   *window;
  const char *uuid;
  const char *note;
} NoteWait;

static gboolean
note_saved (gpointer data)
{
  NoteWait *wait = data;
  g_autoptr(CcAnnotation) a = stored_annotation (wait->window, wait->uuid);

  return g_strcmp0 (cc_annotation_get_note (a), wait->note) == 0;
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

/* The panel's row for @uuid, or NULL. */
static CcAnnotation *
panel_row (CcNotesPanel *panel,
           const char   *uuid,
           gboolean     *after_header)
{
  GListModel *model = cc_notes_panel_get_model (panel);
  gboolean header = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (item))
        header = TRUE;
      else if (g_strcmp0 (cc_annotation_get_uuid (CC_ANNOTATION (item)), uuid) == 0)
        {
          if (after_header != NULL)
            *after_header = header;
          return CC_ANNOTATION (item);
        }
    }

  return NULL;
}

static void
test_notes_highlight_and_restart (void)
{
  const char *corpus = cc_test_sample_corpus ();
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  const char *paths[] = { corpus, NULL };
  const char *note = "Check this figure against the other outlets.\nSecond line of the note.";
  g_autoptr(CcAnnotation) created = NULL;
  g_autoptr(CcAnnotation) reloaded = NULL;
  g_autoptr(CcAnnotation) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *mixed = NULL;
  CcWindow *window;
  CcReaderView *reader;
  CcNotesPanel *panel;
  CcHighlighter *highlighter;
  CcAnnotationPopover *popover;
  GtkEditable *tag_entry;
  CcDocument *document;
  gint64 document_id;
  guint start, end, start2, end2;
  gboolean orphan_header = TRUE;
  NoteWait wait;

  /* A new library with the sample corpus. */
  window = create_window (db);
  cc_window_import_paths (window, paths);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  document = cc_window_get_document (window);
  if (document == NULL)
    {
      g_autoptr(CcDocument) first = g_list_model_get_item (cc_window_get_documents (window), 0);
      g_assert_true (cc_window_select_document (window, cc_document_get_id (first)));
      document = cc_window_get_document (window);
    }
  g_assert_nonnull (document);
  document_id = cc_document_get_id (document);
  reader = cc_window_get_reader (window);
  panel = get_panel (window);
  highlighter = cc_notes_panel_get_highlighter (panel);
  gtk_stack_set_visible_child_name (window->side_stack, "notes");
  gtk_toggle_button_set_active (window->side_panel_button, TRUE);
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (cc_highlighter_get_n_highlights (highlighter), ==, 0);

  /* The context menu offers highlighting. */
  g_assert_nonnull (gtk_text_view_get_extra_menu (cc_reader_view_get_text_view (reader)));

  /* Highlight a selection in green from the colour bar that shows over it
   * (its buttons use the action the keys and the context menu use). */
  pick_passage (reader, 1, &start, &end);
  select_range (reader, start, end);
  g_assert_true (cc_highlighter_popup_selection_bar (highlighter));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cc_highlighter_get_selection_bar (highlighter)),
                                             "highlight.highlight-color", "s", "green"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cc_highlighter_get_selection_bar (highlighter))));
  g_assert_cmpuint (cc_highlighter_get_n_highlights (highlighter), ==, 1);
  g_assert_cmpuint (cc_annotation_store_count (cc_window_get_store (window), document_id), ==, 1);
  g_assert_cmpstr (cc_highlighter_get_last_color (highlighter), ==, "green");
  created = g_object_ref (cc_highlighter_get_annotation_at (highlighter, start));
  uuid = g_strdup (cc_annotation_get_uuid (created));
  g_assert_cmpuint (cc_annotation_get_start (created), ==, start);
  g_assert_cmpuint (cc_annotation_get_end (created), ==, end);
  g_assert_cmpstr (cc_annotation_get_color (created), ==, "green");
  g_assert_false (gtk_text_buffer_get_has_selection (cc_reader_view_get_buffer (reader)));
  tag = highlight_tag_at (reader, start);
  g_assert_cmpstr (tag, ==, "cc-hl-01000");
  g_assert_null (highlight_tag_at (reader, end));
  g_assert_false (has_note_mark (reader, start));

  /* An overlapping highlight in another colour: the overlap blends both. */
  select_range (reader, (start + end) / 2, end + 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "highlight.highlight-color", "s", "blue"));
  g_assert_cmpuint (cc_highlighter_get_n_highlights (highlighter), ==, 2);
  mixed = highlight_tag_at (reader, end - 1);
  g_assert_cmpstr (mixed, ==, "cc-hl-01100");
  second = g_object_ref (cc_highlighter_get_annotation_at (highlighter, end + 2));
  g_assert_cmpstr (cc_annotation_get_color (second), ==, "blue");

  /* Undo removes the second highlight, redo puts it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "notes.undo", NULL));
  g_assert_cmpuint (cc_highlighter_get_n_highlights (highlighter), ==, 1);
  g_free (mixed);
  mixed = highlight_tag_at (reader, end - 1);
  g_assert_cmpstr (mixed, ==, "cc-hl-01000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "notes.redo", NULL));
  g_assert_cmpuint (cc_highlighter_get_n_highlights (highlighter), ==, 2);
  g_assert_cmpuint (cc_annotation_store_count (cc_window_get_store (window), document_id), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "notes.undo", NULL));
  g_assert_cmpuint (cc_annotation_store_count (cc_window_get_store (window), document_id), ==, 1);

  /* The popover: a note, saved by itself after a short delay. */
  g_assert_true (cc_highlighter_open_annotation (highlighter, uuid, TRUE));
  popover = CC_ANNOTATION_POPOVER (cc_highlighter_get_annotation_popover (highlighter));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_text_buffer_set_text (cc_annotation_popover_get_note_buffer (popover), note, -1);
  wait = (NoteWait) { window, uuid, note };
  g_assert_true (cc_ui_test_wait_for (note_saved, &wait));
  g_assert_true (has_note_mark (reader, start));

  /* A tag, from the entry. */
  tag_entry = cc_annotation_popover_get_tag_entry (popover);
  gtk_editable_set_text (tag_entry, "  to-verify ");
  g_signal_emit_by_name (tag_entry, "activate");
  {
    g_autoptr(CcAnnotation) a = stored_annotation (window, uuid);
    g_assert_true (cc_annotation_has_tag (a, "to-verify"));
    g_assert_cmpstr (cc_annotation_get_note (a), ==, note);
  }
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (popover), "test-notes-popover.png");

  /* Undo the tag, redo it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "notes.undo", NULL));
  {
    g_autoptr(CcAnnotation) a = stored_annotation (window, uuid);
    g_assert_false (cc_annotation_has_tag (a, "to-verify"));
    g_assert_cmpstr (cc_annotation_get_note (a), ==, note);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "notes.redo", NULL));
  gtk_popover_popdown (GTK_POPOVER (popover));
  cc_ui_test_drain ();

  /* The panel lists it with its note. */
  cc_notes_panel_refresh (panel);
  {
    CcAnnotation *row = panel_row (panel, uuid, &orphan_header);

    g_assert_nonnull (row);
    g_assert_false (orphan_header);
    g_assert_cmpstr (cc_annotation_get_note (row), ==, note);
  }
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), "test-notes.png");

  /* "Restart the app": new application and window objects on the same
   * library file. */
  gtk_window_destroy (GTK_WINDOW (window));
  cc_ui_test_drain ();
  g_clear_object (&app);

  app = cc_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = create_window (db);
  g_assert_true (cc_window_select_document (window, document_id));
  reader = cc_window_get_reader (window);
  panel = get_panel (window);
  highlighter = cc_notes_panel_get_highlighter (panel);
  gtk_stack_set_visible_child_name (window->side_stack, "notes");
  gtk_toggle_button_set_active (window->side_panel_button, TRUE);
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));

  /* Both the highlight and its note are back. */
  g_assert_cmpuint (cc_highlighter_get_n_highlights (highlighter), ==, 1);
  reloaded = g_object_ref (cc_highlighter_get_annotation_at (highlighter, start));
  g_assert_cmpstr (cc_annotation_get_uuid (reloaded), ==, uuid);
  g_assert_cmpuint (cc_annotation_get_start (reloaded), ==, start);
  g_assert_cmpuint (cc_annotation_get_end (reloaded), ==, end);
  g_assert_cmpstr (cc_annotation_get_color (reloaded), ==, "green");
  g_assert_cmpstr (cc_annotation_get_note (reloaded), ==, note);
  g_assert_true (cc_annotation_has_tag (reloaded, "to-verify"));
  g_free (tag);
  tag = highlight_tag_at (reader, start);
  g_assert_cmpstr (tag, ==, "cc-hl-01000");
  g_assert_true (has_note_mark (reader, start));
  cc_notes_panel_refresh (panel);
  g_assert_nonnull (panel_row (panel, uuid, NULL));

  /* Its popover (as opened from a row of the panel) shows the note. */
  popover = CC_ANNOTATION_POPOVER (cc_highlighter_get_annotation_popover (highlighter));
  cc_highlighter_open_annotation_later (highlighter, uuid);
  g_assert_true (cc_ui_test_wait_for (popover_shown, popover));
  {
    GtkTextBuffer *note_buffer = cc_annotation_popover_get_note_buffer (popover);
    GtkTextIter s, e;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (note_buffer, &s, &e);
    shown = gtk_text_buffer_get_text (note_buffer, &s, &e, FALSE);
    g_assert_cmpstr (shown, ==, note);
  }
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), "test-notes-restart.png");
  gtk_popover_popdown (GTK_POPOVER (popover));
  cc_ui_test_drain ();

  /* A change made by another program shows when the window is active
   * again; a detached note is listed apart. */
  pick_passage (reader, 2, &start2, &end2);
  {
    g_autoptr(CcStore) other = cc_store_open (db, &error);
    g_autoptr(CcAnnotation) orphan = NULL;

    g_assert_no_error (error);
    orphan = cc_annotation_store_create (other, document_id, start2, end2, "pink",
                                         "A note whose passage went away", NULL, &error);
    g_assert_no_error (error);
    cc_annotation_set_state (orphan, CC_ANNOTATION_STATE_ORPHANED);
    g_assert_true (cc_annotation_store_update (other, orphan, &error));
    g_assert_no_error (error);

    cc_highlighter_reload (highlighter);
    cc_notes_panel_refresh (panel);
    g_assert_cmpuint (cc_highlighter_get_n_highlights (highlighter), ==, 1);
    g_assert_nonnull (panel_row (panel, cc_annotation_get_uuid (orphan), &orphan_header));
    g_assert_true (orphan_header);
    g_assert_true (GTK_IS_STRING_OBJECT (g_list_model_get_item (cc_notes_panel_get_model (panel), 0)));
    g_object_unref (g_list_model_get_item (cc_notes_panel_get_model (panel), 0));

    /* Re-attach it to a new selection. */
    g_assert_true (cc_undo_stack_reattach (cc_notes_panel_get_undo_stack (panel), orphan,
                                           start2, end2, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (cc_highlighter_get_n_highlights (highlighter), ==, 2);
    g_assert_true (has_note_mark (reader, start2));
  }

  /* The library view lists notes of every article, this article's view
   * only its own. */
  {
    g_autoptr(CcDocument) other_doc = NULL;
    g_autoptr(CcAnnotation) elsewhere = NULL;
    GListModel *documents = cc_window_get_documents (window);

    for (guint i = 0; other_doc == NULL && i < g_list_model_get_n_items (documents); i++)
      {
        g_autoptr(CcDocument) d = g_list_model_get_item (documents, i);
        if (cc_document_get_id (d) != document_id)
          other_doc = g_steal_pointer (&d);
      }
    g_assert_nonnull (other_doc);
    elsewhere = cc_annotation_store_create (cc_window_get_store (window), cc_document_get_id (other_doc),
                                            1, 12, "purple", "Elsewhere", NULL, &error);
    g_assert_no_error (error);

    cc_notes_panel_refresh (panel);
    g_assert_null (panel_row (panel, cc_annotation_get_uuid (elsewhere), NULL));
    cc_notes_panel_set_library_scope (panel, TRUE);
    g_assert_nonnull (panel_row (panel, uuid, NULL));
    g_assert_nonnull (panel_row (panel, cc_annotation_get_uuid (elsewhere), NULL));
    cc_notes_panel_set_library_scope (panel, FALSE);
    g_assert_null (panel_row (panel, cc_annotation_get_uuid (elsewhere), NULL));
    g_assert_nonnull (panel_row (panel, uuid, NULL));
  }

  /* Dark style: the highlight colours change. */
  {
    GtkTextTagTable *table = gtk_text_buffer_get_tag_table (cc_reader_view_get_buffer (reader));
    GtkTextTag *green = gtk_text_tag_table_lookup (table, "cc-hl-01000");
    g_autoptr(GdkRGBA) light = NULL;
    g_autoptr(GdkRGBA) dark = NULL;

    g_assert_nonnull (green);
    g_object_get (green, "background-rgba", &light, NULL);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    g_object_get (green, "background-rgba", &dark, NULL);
    g_assert_false (gdk_rgba_equal (light, dark));
    cc_ui_test_wait_for_frames (GTK_WIDGET (window));
    cc_ui_test_save_screenshot (GTK_WIDGET (window), "test-notes-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cc_ui_test_drain ();
  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  home = g_dir_make_tmp ("crosscheck-notes-test-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* No session bus, even under dbus-run-session: this test "restarts" the
   * application inside one process, and a registered GtkApplication keeps a
   * reference to itself until shutdown (which only g_application_run
   * reaches), so its object path would stay exported on the process's one
   * bus connection and the second instance could not register. Without a
   * bus GApplication registers locally, as a non-unique instance. */
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

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/crosscheck/ui/notes/highlight-and-restart", test_notes_highlight_and_restart);

  ret = g_test_run ();

  g_clear_object (&app);
  cc_test_tmpdir_free (g_steal_pointer (&home));

  return ret;
}
