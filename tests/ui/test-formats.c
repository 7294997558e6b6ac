/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <libsoup/soup.h>

#include "cc-application.h"
#include "cc-test-util.h"
#include "cc-ui-test.h"
#include "cc-facts-view-private.h"
#include "cc-reader-view-private.h"
#include "cc-window-private.h"
#include "cc-window.h"

/* The window with a saved web page (and its _files folder), a PDF and a
 * link: imported, listed with outlet, author and date, read with the
 * source line over the text. Screenshots are saved in the build folder. */

static CcApplication *app;

static gboolean
import_finished (gpointer data)
{
  return !cc_window_get_importing (CC_WINDOW (data));
}

static void
write_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  const char *lines[] = {
    "Volunteers planted four hundred oaks on the old",
    "quarry site on Saturday, the trust said.",
  };

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Oaks return to the quarry");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Ines Varga");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2024-06-03T09:00:00Z");
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      cairo_move_to (cr, 60, 100 + 15 * i);
      cairo_show_text (cr, lines[i]);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static CcDocument *
find_by_suffix (CcWindow   *window,
                const char *suffix)
{
  GListModel *documents = cc_window_get_documents (window);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CcDocument) doc = g_list_model_get_item (documents, i);
      if (g_str_has_suffix (cc_document_get_path (doc), suffix))
        return doc;  /* the model keeps it */
    }
  return NULL;
}

static void
read_and_shoot (CcWindow   *window,
                CcDocument *doc,
                const char *source_line,
                const char *screenshot)
{
  CcReaderView *reader = cc_window_get_reader (window);

  g_assert_nonnull (doc);
  g_assert_true (cc_window_select_document (window, cc_document_get_id (doc)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reader->source_label)));
  g_assert_cmpstr (gtk_label_get_text (reader->source_label), ==, source_line);
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), screenshot);
}

static gboolean
facts_done (gpointer data)
{
  return !cc_facts_view_get_busy (CC_FACTS_VIEW (data));
}

static gboolean
has_column (CcFactsView *facts,
            const char  *title)
{
  for (guint i = 0; i < facts->columns->len; i++)
    if (g_strcmp0 (gtk_column_view_column_get_title (facts->columns->pdata[i]), title) == 0)
      return TRUE;
  for (guint i = 0; i < facts->columns->len; i++)
    g_test_message ("column “%s”", gtk_column_view_column_get_title (facts->columns->pdata[i]));
  return FALSE;
}

static void
test_files (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  g_autofree char *folder = g_build_filename (tmp, "articles", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "html",
                                                    "news-site.html", NULL);
  g_autofree char *page = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { folder, NULL };
  gsize len;
  CcWindow *window;
  CcFactsView *facts;

  g_assert_true (g_file_get_contents (fixture, &page, &len, &error));
  g_free (cc_test_write_file (folder, "bridge.html", page, len));
  g_free (cc_test_write_file (folder, "bridge_files/ad-frame.html",
                              "<html><body><p>An advert frame with words in it.</p></body></html>", -1));
  pdf = g_build_filename (folder, "oaks.pdf", NULL);
  write_pdf (pdf);

  window = cc_window_new (ADW_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);
  facts = CC_FACTS_VIEW (cc_ui_test_find_child (window->facts_page, CC_TYPE_FACTS_VIEW));

  cc_window_import_paths (window, paths);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_nonnull (window->last_report);
  g_assert_cmpuint (window->last_report->added, ==, 2);   /* not the _files folder's page */
  g_assert_cmpuint (window->last_report->skipped, ==, 0);

  read_and_shoot (window, find_by_suffix (window, "bridge.html"),
                  "The Coastal Ledger · Mira Okonjo · 14 Mar 2025\n"
                  "https://ledger.example/news/harbour-bridge-reopens",
                  "test-formats-html.png");
  read_and_shoot (window, find_by_suffix (window, "oaks.pdf"), "Ines Varga · 3 Jun 2024",
                  "test-formats-pdf.png");

  /* Facts: a column a source, headed by its outlet (else its title),
   * author and date */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "facts"));
  g_assert_true (cc_ui_test_wait_for (facts_done, facts));
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (has_column (facts, "The Coastal Ledger\nMira Okonjo · 14 Mar 2025"));
  g_assert_true (has_column (facts, "Oaks return to the quarry\nInes Varga · 3 Jun 2024"));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), "test-formats-facts.png");
  gtk_window_destroy (GTK_WINDOW (window));
  cc_ui_test_drain ();
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

/* Whether a mapped label under @widget reads @text (the widget tree is
 * ours and shallow). */
static gboolean
label_shown (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_shown (child, text))
      return TRUE;
  return FALSE;
}

/* The page and the PDF were just added, and the list shows their titles. */
static void
check_listed (CcWindow   *window,
              const char *screenshot)
{
  CcDocument *page;
  CcDocument *pdf;

  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_nonnull (window->last_report);
  g_assert_cmpuint (window->last_report->added, ==, 2);
  g_assert_cmpuint (window->last_report->skipped, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), ==, 2);
  page = find_by_suffix (window, "bridge.html");
  pdf = find_by_suffix (window, "oaks.pdf");
  g_assert_nonnull (page);
  g_assert_nonnull (pdf);
  g_assert_cmpstr (cc_document_get_title (page), ==, "Harbour bridge reopens after eight months of repairs");
  g_assert_cmpstr (cc_document_get_title (pdf), ==, "Oaks return to the quarry");
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (label_shown (GTK_WIDGET (window->document_list), cc_document_get_title (page)));
  g_assert_true (label_shown (GTK_WIDGET (window->document_list), cc_document_get_title (pdf)));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), screenshot);
}

static GtkWindow *
find_toplevel_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (g_strcmp0 (gtk_window_get_title (toplevel), title) == 0 &&
          gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

static gboolean
chooser_mapped (gpointer data)
{
  return find_toplevel_titled (data) != NULL;
}

/* Open Files… shows a chooser of several files, filtered to what can be
 * imported; cancelling it imports nothing. */
static void
check_open_files_chooser (CcWindow *window)
{
  GtkWindow *chooser;
  GtkFileFilter *filter;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-files", NULL));
  g_assert_true (cc_ui_test_wait_for (chooser_mapped, (gpointer) "Open Files"));
  chooser = find_toplevel_titled ("Open Files");
  g_assert_true (GTK_IS_FILE_CHOOSER (chooser));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_true (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  {
    g_autoptr(GFileInfo) info = g_file_info_new ();
    g_file_info_set_display_name (info, "story.mhtml");
    g_assert_true (gtk_filter_match (GTK_FILTER (filter), info));
    g_file_info_set_display_name (info, "photo.jpg");
    g_assert_false (gtk_filter_match (GTK_FILTER (filter), info));
  }
  cc_ui_test_wait_for_frames (GTK_WIDGET (chooser));
  cc_ui_test_save_screenshot (GTK_WIDGET (chooser), "test-formats-open-files.png");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  cc_ui_test_drain ();
  g_assert_false (cc_window_get_importing (window));
}

/* A saved page and a PDF, dropped on the window, then chosen with Open
 * Files… (its response imports what was chosen) into a second library. */
static void
test_drop_and_open (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  g_autofree char *db2 = g_build_filename (tmp, "other.db", NULL);
  g_autofree char *folder = g_build_filename (tmp, "downloads", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "html",
                                                    "news-site.html", NULL);
  g_autofree char *page = NULL;
  g_autofree char *page_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autoptr(GFile) page_file = NULL;
  g_autoptr(GFile) pdf_file = NULL;
  g_autofree char *files_dir = NULL;
  g_autoptr(GFile) files_file = NULL;
  g_autoptr(GListStore) chosen = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean accepted = FALSE;
  gsize len;
  CcWindow *window;

  g_assert_true (g_file_get_contents (fixture, &page, &len, &error));
  page_path = cc_test_write_file (folder, "bridge.html", page, len);
  /* a page saved whole: its _files folder, selected with it, holds a frame
   * and a style sheet, which are not articles */
  g_free (cc_test_write_file (folder, "bridge_files/ad-frame.html",
                              "<html><body><p>An advert frame with words in it.</p></body></html>", -1));
  g_free (cc_test_write_file (folder, "bridge_files/site.css", "body { color: red }", -1));
  files_dir = g_build_filename (folder, "bridge_files", NULL);
  files_file = g_file_new_for_path (files_dir);
  pdf_path = g_build_filename (folder, "oaks.pdf", NULL);
  write_pdf (pdf_path);
  page_file = g_file_new_for_path (page_path);
  pdf_file = g_file_new_for_path (pdf_path);

  window = cc_window_new (ADW_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);

  files = g_slist_append (g_slist_append (g_slist_append (NULL, page_file), files_file), pdf_file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (find_drop_target (window), "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  check_listed (window, "test-formats-drop.png");

  g_assert_true (cc_window_open_library (window, db2, &error));
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), ==, 0);
  check_open_files_chooser (window);
  g_list_store_append (chosen, page_file);
  g_list_store_append (chosen, files_file);
  g_list_store_append (chosen, pdf_file);
  g_assert_true (_cc_window_import_files (window, G_LIST_MODEL (chosen)));
  check_listed (window, "test-formats-open.png");

  gtk_window_destroy (GTK_WINDOW (window));
  cc_ui_test_drain ();
  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

static void
serve_page (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  static const char body[] =
    "<html lang=\"en\"><head><title>Ferry timetable changes</title>"
    "<meta property=\"og:site_name\" content=\"Island Post\">"
    "<meta property=\"article:published_time\" content=\"2025-05-02\"></head>"
    "<body><article><h1>Ferry timetable changes</h1><p>The morning ferry will leave twenty "
    "minutes earlier from June, the operator said.</p></article></body></html>";

  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

static GtkWindow *
find_link_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (gtk_widget_has_css_class (GTK_WIDGET (toplevel), "add-link"))
        return toplevel;
    }
  return NULL;
}

static gboolean
dialog_mapped (gpointer data)
{
  GtkWindow *dialog = find_link_dialog ();
  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* Add from Link: the dialog takes only an http(s) link, the download runs
 * off the main thread (the server answers on this one), and the page is
 * stored under its URL. */
static void
test_link (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  GtkWindow *dialog;
  GtkEditable *entry;
  CcDocument *doc;
  CcWindow *window;

  soup_server_add_handler (server, NULL, serve_page, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/ferry", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  window = cc_window_new (ADW_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cc_window_open_library (window, db, &error));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-link", NULL));
  g_assert_true (cc_ui_test_wait_for (dialog_mapped, NULL));
  dialog = find_link_dialog ();
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (entry, "not a link");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (entry, url);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  cc_ui_test_wait_for_frames (GTK_WIDGET (dialog));
  cc_ui_test_save_screenshot (GTK_WIDGET (dialog), "test-formats-link-dialog.png");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_assert_true (cc_window_get_importing (window));
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_nonnull (window->last_report);
  g_assert_cmpuint (window->last_report->added, ==, 1);

  doc = find_by_suffix (window, "/ferry");
  g_assert_nonnull (doc);
  g_assert_cmpstr (cc_document_get_url (doc), ==, url);
  {
    g_autofree char *line = g_strconcat ("Island Post · 2 May 2025\n", url, NULL);
    read_and_shoot (window, doc, line, "test-formats-link.png");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  cc_ui_test_drain ();
  soup_server_disconnect (server);
  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("crosscheck-ui-test-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  int ret;

  /* a private home and no session bus, set before anything reads them */
  for (guint i = 0; i < 4; i++)
    g_setenv ((const char *[]) { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                 "XDG_STATE_HOME" }[i], home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/crosscheck-test-bus", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return 77;

  app = cc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/crosscheck/ui/formats/files", test_files);
  g_test_add_func ("/crosscheck/ui/formats/link", test_link);
  g_test_add_func ("/crosscheck/ui/formats/drop-and-open", test_drop_and_open);
  ret = g_test_run ();
  g_clear_object (&app);
  cc_test_tmpdir_free (g_steal_pointer (&home));
  return ret;
}
