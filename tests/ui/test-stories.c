/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cc-application.h"
#include "cc-compare-view-private.h"
#include "cc-entities-panel.h"
#include "cc-entities.h"
#include "cc-export-fixture.h"
#include "cc-annotation-store.h"
#include "cc-folder-watch.h"
#include "cc-facts-view-private.h"
#include "cc-notes-panel.h"
#include "cc-store-stories.h"
#include "cc-stories-sidebar.h"
#include "cc-test-util.h"
#include "cc-ui-test.h"
#include "cc-window-private.h"
#include "cc-window.h"

/* Two folders imported as two stories (run under Xvfb): the sidebar lists
 * them with their counts, and choosing one changes the document list, what
 * Compare offers and the columns of Facts. Deleting a story keeps its
 * articles, Undo brings it back, and a story's folder is watched. */

static CcApplication *app;

static const char * const council[] = {
  "council-alder-valley-times.txt", "council-harbour-gazette.txt", NULL
};
static const char * const trial[] = {
  "trial-capital-street-journal.txt", "trial-health-desk.txt", "trial-medwire-today.txt", NULL
};

static gboolean
import_finished (gpointer data)
{
  return !cc_window_get_importing (CC_WINDOW (data));
}

static gboolean
facts_done (gpointer data)
{
  CcFactsView *view = data;

  return !cc_facts_view_get_busy (view) &&
         g_list_model_get_n_items (cc_facts_view_get_rows (view)) > 0;
}

static gboolean
facts_idle (gpointer data)
{
  return !cc_facts_view_get_busy (CC_FACTS_VIEW (data));
}

/* The action names of the items of @model and its sections. */
static void
collect_actions (GMenuModel *model,
                 GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      char *action = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, action);
      if (section != NULL)
        collect_actions (section, actions);
    }
}

/* The window's primary menu offers New Library and Open Library, and
 * both actions are there to run. */
static void
check_library_menu (CcWindow *window)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *child;
  guint buttons = 0;

  /* The menu buttons are somewhere under the header bar. */
  {
    GQueue queue = G_QUEUE_INIT;

    g_queue_push_tail (&queue, GTK_WIDGET (window->header_bar));
    while ((child = g_queue_pop_head (&queue)) != NULL)
      {
        if (GTK_IS_MENU_BUTTON (child) &&
            gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)) != NULL)
          {
            collect_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)), actions);
            buttons++;
          }
        for (GtkWidget *c = gtk_widget_get_first_child (child); c != NULL;
             c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
  }
  g_assert_cmpuint (buttons, >, 0);
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.new-library", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.open-library", g_str_equal, NULL));
  {
    gboolean found_new = FALSE, found_open = FALSE;
    GType owner;
    const char *name;
    const GVariantType *parameter;
    const char *property;

    for (guint i = 0;
         gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name,
                                        &parameter, &property);
         i++)
      {
        found_new |= g_str_equal (name, "win.new-library");
        found_open |= g_str_equal (name, "win.open-library");
      }
    g_assert_true (found_new && found_open);
  }
}

static char *
copy_articles (const char         *tmp,
               const char         *folder_name,
               const char * const *names)
{
  char *folder = g_build_filename (tmp, folder_name, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "articles",
                                                       names[i], NULL);
      g_autofree char *text = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (source, &text, &len, NULL));
      g_free (cc_test_write_file (folder, names[i], text, (gssize)len));
    }
  return folder;
}

/* The document list holds exactly @names. */
static void
assert_documents (GListModel         *documents,
                  const char * const *names)
{
  guint n = g_list_model_get_n_items (documents);

  g_assert_cmpuint (n, ==, g_strv_length ((GStrv)names));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcDocument) document = g_list_model_get_item (documents, i);
      g_assert_true (g_strv_contains (names, cc_document_get_basename (document)));
    }
}

static gint64
story_id_named (CcWindow   *window,
                const char *name)
{
  g_autoptr(CcStory) story = cc_store_find_story (cc_window_get_store (window), name, NULL);

  g_assert_nonnull (story);
  return cc_story_get_id (story);
}

static void
choose_story_row (CcStoriesSidebar *sidebar,
                  guint             index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (cc_stories_sidebar_get_list (sidebar),
                                                      (int)index);

  g_assert_nonnull (row);
  /* What a click does. */
  gtk_list_box_select_row (cc_stories_sidebar_get_list (sidebar), row);
  cc_ui_test_drain ();
}

/* Facts recomputed for the current story: one column per document of it,
 * each titled with something of that document. */
static void
check_facts (CcWindow           *window,
             CcFactsView        *facts,
             const char * const *names,
             const char         *screenshot)
{
  adw_view_stack_set_visible_child_name (window->main_stack, "facts");
  cc_facts_view_refresh (facts);
  g_assert_true (cc_ui_test_wait_for (facts_done, facts));
  g_assert_cmpuint (cc_facts_view_get_n_document_columns (facts), ==,
                    g_strv_length ((GStrv)names));
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), screenshot);
}

static void
check_compare (CcCompareView      *compare,
               const char * const *names)
{
  GListModel *choices = gtk_drop_down_get_model (compare->left_dropdown);

  assert_documents (choices, names);
  assert_documents (gtk_drop_down_get_model (compare->right_dropdown), names);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Opening a folder in a library that has articles asks: a new story named
 * after the folder, or the current story. */
static void
check_import_dialog (CcWindow   *window,
                     const char *tmp)
{
  const char * const transfer[] = {
    "transfer-northern-ledger.txt", "transfer-pitchside-weekly.txt",
    "transfer-sportivo-daily.txt", NULL
  };
  g_autofree char *c = copy_articles (tmp, "Transfer news", transfer);
  const char *paths[] = { c, NULL };
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  _cc_window_offer_story_import (window, paths);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));
  g_assert_true (adw_message_dialog_has_response (dialog, "add"));
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Transfer news");
  cc_ui_test_wait_for_frames (GTK_WIDGET (dialog));
  cc_ui_test_save_screenshot (GTK_WIDGET (dialog), "stories-import-dialog.png");
  gtk_editable_set_text (entry, "Transfers");
  adw_message_dialog_response (dialog, "new");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_cmpint (cc_session_get_story_id (cc_window_get_session (window)), ==,
                   story_id_named (window, "Transfers"));
  assert_documents (cc_window_get_documents (window), transfer);
}

static gboolean
council_has_three (gpointer data)
{
  CcWindow *window = data;
  g_autoptr(CcStory) story = cc_store_find_story (cc_window_get_store (window), "Council",
                                                  NULL);

  return story != NULL && cc_story_get_n_documents (story) == 3 &&
         !cc_window_get_importing (window);
}

static void
test_two_stories (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  g_autofree char *a = copy_articles (tmp, "Council budget", council);
  g_autofree char *b = copy_articles (tmp, "Drug trial", trial);
  const char *paths_a[] = { a, NULL };
  const char *paths_b[] = { b, NULL };
  CcWindow *window = cc_window_new (ADW_APPLICATION (app));
  CcSession *session = cc_window_get_session (window);
  CcStoriesSidebar *sidebar = CC_STORIES_SIDEBAR (window->stories_sidebar);
  CcCompareView *compare = CC_COMPARE_VIEW (cc_ui_test_find_child (window->compare_page,
                                                                   CC_TYPE_COMPARE_VIEW));
  CcFactsView *facts = CC_FACTS_VIEW (cc_ui_test_find_child (window->facts_page,
                                                             CC_TYPE_FACTS_VIEW));
  GListModel *rows = cc_session_get_stories (session);
  const char * const everything[] = {
    council[0], council[1], trial[0], trial[1], trial[2], NULL
  };
  const char * const council_and_new[] = { council[0], council[1], "council-update.txt", NULL };
  g_autoptr(GError) error = NULL;
  guint council_hits;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  check_library_menu (window);
  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);
  /* The header names the library open. */
  g_assert_nonnull (strstr (gtk_label_get_label (window->story_label), "library.db"));

  /* Two folders, two stories named after them. */
  cc_window_import_into_story (window, paths_a, "Council", 0, a);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  cc_window_import_into_story (window, paths_b, "Trial", 0, b);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);  /* All articles + 2 */
  g_assert_cmpint (cc_session_get_story_id (session), ==, story_id_named (window, "Trial"));
  g_assert_nonnull (strstr (cc_session_get_title (session), "Trial"));
  /* Named once in the header: the label, not the switcher's subtitle too. */
  g_assert_nonnull (strstr (gtk_label_get_label (window->story_label), "Trial"));
  {
    const char *subtitle = adw_view_switcher_title_get_subtitle (window->switcher_title);
    g_assert_null (strstr (subtitle != NULL ? subtitle : "", "Trial"));
  }
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Trial"));

  assert_documents (cc_window_get_documents (window), trial);
  check_compare (compare, trial);
  check_facts (window, facts, trial, "stories-trial-facts.png");

  /* The sidebar: rows in order All articles, Council, Trial. */
  choose_story_row (sidebar, 1);
  g_assert_cmpint (cc_session_get_story_id (session), ==, story_id_named (window, "Council"));
  assert_documents (cc_window_get_documents (window), council);
  check_compare (compare, council);
  check_facts (window, facts, council, "stories-council-facts.png");
  /* Search finds only the story's articles. */
  council_hits = cc_search_popover_search (window->search_popover, "said");
  g_assert_cmpuint (council_hits, >, 0);
  g_assert_cmpuint (council_hits, <=, g_strv_length ((GStrv)council));
  adw_view_stack_set_visible_child_name (window->main_stack, "read");
  {
    g_autoptr(CcDocument) first = g_list_model_get_item (cc_window_get_documents (window), 0);
    g_assert_true (cc_window_select_document (window, cc_document_get_id (first)));
  }
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), "stories-council-read.png");

  choose_story_row (sidebar, 0);
  g_assert_cmpint (cc_session_get_story_id (session), ==, 0);
  assert_documents (cc_window_get_documents (window), everything);
  g_assert_cmpuint (cc_search_popover_search (window->search_popover, "said"), >, council_hits);
  check_facts (window, facts, everything, "stories-all-facts.png");

  /* Delete a story: its articles stay under All articles; Undo restores it. */
  g_assert_true (cc_stories_sidebar_delete (sidebar, story_id_named (window, "Trial")));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpuint (cc_store_count_documents (cc_window_get_store (window)), ==, 5);
  g_assert_true (cc_stories_sidebar_undo (sidebar));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpint (cc_session_get_story_id (session), ==, story_id_named (window, "Trial"));
  assert_documents (cc_window_get_documents (window), trial);

  /* Rename, then undo. */
  g_assert_true (cc_stories_sidebar_rename (sidebar, cc_session_get_story_id (session),
                                            "Trial results"));
  g_assert_nonnull (strstr (cc_session_get_title (session), "Trial results"));
  g_assert_true (cc_stories_sidebar_undo (sidebar));
  g_assert_cmpint (story_id_named (window, "Trial"), ==, cc_session_get_story_id (session));

  /* Merge Trial into Council: one story of five; Undo splits them again. */
  {
    gint64 council_id = story_id_named (window, "Council");

    g_assert_true (cc_stories_sidebar_merge (sidebar, story_id_named (window, "Trial"),
                                             council_id));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
    g_assert_cmpint (cc_session_get_story_id (session), ==, council_id);
    assert_documents (cc_window_get_documents (window), everything);
    g_assert_true (cc_stories_sidebar_undo (sidebar));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
    assert_documents (cc_window_get_documents (window), trial);
    cc_session_set_story_id (session, council_id);
    assert_documents (cc_window_get_documents (window), council);
  }

  /* A new story, then Undo removes it. */
  g_assert_cmpint (cc_stories_sidebar_create (sidebar, "Empty for now"), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), ==, 0);
  /* An empty story keeps the library on screen (the sidebar, to choose
   * another story) and says it is empty once, in the list. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "library");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "empty-story");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_button)));
  /* Facts says there is nothing to compare, not that nothing was found. */
  adw_view_stack_set_visible_child_name (window->main_stack, "facts");
  cc_facts_view_refresh (facts);
  g_assert_true (cc_ui_test_wait_for (facts_idle, facts));
  g_assert_cmpuint (cc_facts_view_get_n_document_columns (facts), ==, 0);
  g_assert_cmpstr (adw_status_page_get_title (facts->empty_page), ==, "No Articles");
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), "stories-empty-story.png");
  g_assert_true (cc_stories_sidebar_undo (sidebar));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_false (cc_stories_sidebar_undo (sidebar));  /* nothing left to undo */

  cc_session_set_story_id (session, story_id_named (window, "Trial"));
  check_import_dialog (window, tmp);

  /* A new file in the Council folder is imported into that story. */
  choose_story_row (sidebar, 1);
  g_free (cc_test_write_file (a, "council-update.txt",
                              "Council vote delayed\n\nThe council delayed its vote on the "
                              "budget by a week, a spokesperson said on Tuesday.\n", -1));
  g_assert_true (cc_ui_test_wait_for (council_has_three, window));
  assert_documents (cc_window_get_documents (window), council_and_new);

  gtk_window_destroy (GTK_WINDOW (window));
  cc_ui_test_drain ();
  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

/* Library-scope entity counts and notes follow the current story. */

static const char north_1[] =
  "Mill closure\n\nHarriet Quinlan, the chief executive of Tamsworth Mills, said on "
  "Monday that the company would close its river plant. Harriet Quinlan said talks "
  "with the union had failed.\n";
static const char north_2[] =
  "Union responds\n\nThe union said it would appeal. Harriet Quinlan did not reply to "
  "questions about the closure.\n";
static const char south_1[] =
  "Port expansion\n\nThe port board approved the expansion on Friday. Harriet Quinlan, "
  "who sits on the board, voted against it. Harriet Quinlan said the plan was rushed.\n";

typedef struct
{
  CcEntitiesPanel *panel;
  const char      *canonical;
  guint            expected;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return !cc_entities_panel_get_analysing (wait->panel) &&
         cc_entities_panel_get_library_count (wait->panel, wait->canonical) == wait->expected;
}

static guint
mentions_in (const char *text,
             const char *canonical)
{
  g_autoptr(GPtrArray) mentions = cc_entities_extract (text);
  guint n = 0;

  for (guint i = 0; i < mentions->len; i++)
    if (g_str_equal (((CcMention *)mentions->pdata[i])->canonical, canonical))
      n++;
  return n;
}

/* The canonical name of the first entity of @text named in @other too. */
static char *
shared_entity (const char *text,
               const char *other)
{
  g_autoptr(GPtrArray) mentions = cc_entities_extract (text);

  for (guint i = 0; i < mentions->len; i++)
    {
      const char *canonical = ((CcMention *)mentions->pdata[i])->canonical;

      if (mentions_in (other, canonical) > 0)
        return g_strdup (canonical);
    }
  return NULL;
}

/* The annotations listed, as the document ids they belong to. */
static GArray *
listed_documents (CcNotesPanel *notes)
{
  GListModel *model = cc_notes_panel_get_model (notes);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  cc_notes_panel_refresh (notes);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (CC_IS_ANNOTATION (item))
        {
          gint64 id = cc_annotation_get_document_id (CC_ANNOTATION (item));
          g_array_append_val (ids, id);
        }
    }
  return ids;
}

static CcDocument *
document_named (CcStore    *store,
                const char *basename)
{
  g_autoptr(GPtrArray) docs = cc_store_list_documents (store, NULL);

  for (guint i = 0; docs != NULL && i < docs->len; i++)
    if (g_str_equal (cc_document_get_basename (docs->pdata[i]), basename))
      return g_object_ref (docs->pdata[i]);
  g_assert_not_reached ();
}

static void
choose_and_open (CcWindow         *window,
                 CcStoriesSidebar *sidebar,
                 guint             row,
                 CcDocument       *document)
{
  choose_story_row (sidebar, row);
  g_assert_true (cc_window_select_document (window, cc_document_get_id (document)));
  cc_ui_test_drain ();
}

static void
test_story_scope (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  g_autofree char *north = g_build_filename (tmp, "North", NULL);
  g_autofree char *south = g_build_filename (tmp, "South", NULL);
  const char *paths_n[] = { north, NULL };
  const char *paths_s[] = { south, NULL };
  CcWindow *window = cc_window_new (ADW_APPLICATION (app));
  CcStoriesSidebar *sidebar = CC_STORIES_SIDEBAR (window->stories_sidebar);
  CcEntitiesPanel *entities = CC_ENTITIES_PANEL (
    cc_ui_test_find_child (window->entities_page, CC_TYPE_ENTITIES_PANEL));
  CcNotesPanel *notes = CC_NOTES_PANEL (
    cc_ui_test_find_child (window->notes_page, CC_TYPE_NOTES_PANEL));
  g_autoptr(CcDocument) n1 = NULL;
  g_autoptr(CcDocument) s1 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = shared_entity (north_1, south_1);
  guint in_north, in_all;
  CountWait wait = { entities, NULL, 0 };

  g_assert_nonnull (canonical);
  in_north = mentions_in (north_1, canonical) + mentions_in (north_2, canonical);
  in_all = in_north + mentions_in (south_1, canonical);
  g_assert_cmpuint (in_all, >, in_north);
  wait.canonical = canonical;

  g_free (cc_test_write_file (north, "north-1.txt", north_1, -1));
  g_free (cc_test_write_file (north, "north-2.txt", north_2, -1));
  g_free (cc_test_write_file (south, "south-1.txt", south_1, -1));

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);
  cc_window_import_into_story (window, paths_n, "North", 0, north);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  cc_window_import_into_story (window, paths_s, "South", 0, south);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));

  n1 = document_named (cc_window_get_store (window), "north-1.txt");
  s1 = document_named (cc_window_get_store (window), "south-1.txt");
  g_object_unref (cc_export_fixture_annotate (cc_window_get_store (window), n1, "river plant",
                                              NULL, "North note", NULL));
  g_object_unref (cc_export_fixture_annotate (cc_window_get_store (window), s1, "port board",
                                              NULL, "South note", NULL));
  cc_notes_panel_set_library_scope (notes, TRUE);

  /* All articles: the counts and the notes span the library. Rows in
   * order All articles, North, South. */
  choose_and_open (window, sidebar, 0, n1);
  wait.expected = in_all;
  g_assert_true (cc_ui_test_wait_for (count_is, &wait));
  {
    g_autoptr(GArray) ids = listed_documents (notes);
    g_assert_cmpuint (ids->len, ==, 2);
  }
  adw_view_stack_set_visible_child_name (window->main_stack, "read");
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), "stories-scope-all.png");

  /* North: only its two articles count, only its note is listed. */
  choose_and_open (window, sidebar, 1, n1);
  wait.expected = in_north;
  g_assert_true (cc_ui_test_wait_for (count_is, &wait));
  {
    g_autoptr(GArray) ids = listed_documents (notes);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, cc_document_get_id (n1));
  }
  cc_ui_test_wait_for_frames (GTK_WIDGET (window));
  cc_ui_test_save_screenshot (GTK_WIDGET (window), "stories-scope-north.png");

  /* South: its note only. */
  choose_and_open (window, sidebar, 2, s1);
  {
    g_autoptr(GArray) ids = listed_documents (notes);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, cc_document_get_id (s1));
  }
  wait.expected = mentions_in (south_1, canonical);
  g_assert_true (cc_ui_test_wait_for (count_is, &wait));

  gtk_window_destroy (GTK_WINDOW (window));
  cc_ui_test_drain ();
  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

/* Watched folders: every folder under a story's folder is watched. */

typedef struct
{
  CcWindow   *window;
  const char *story;
  guint       n_documents;
} StoryWait;

static gboolean
story_has (gpointer data)
{
  StoryWait *wait = data;
  g_autoptr(CcStory) story = cc_store_find_story (cc_window_get_store (wait->window),
                                                  wait->story, NULL);

  return story != NULL && cc_story_get_n_documents (story) == wait->n_documents &&
         !cc_window_get_importing (wait->window);
}

typedef struct
{
  CcStore    *store;
  const char *uuid;
  guint       start;   /* where the passage stood before */
} AnchorWait;

/* The annotation was re-anchored: still attached, and moved. */
static gboolean
reanchored (gpointer data)
{
  AnchorWait *wait = data;
  g_autoptr(CcAnnotation) annotation = cc_annotation_store_get (wait->store, wait->uuid, NULL);

  return annotation != NULL && !cc_annotation_is_orphaned (annotation) &&
         cc_annotation_get_start (annotation) != wait->start;
}

static void
on_toast (GPtrArray *titles,
          AdwToast  *toast)
{
  g_ptr_array_add (titles, g_strdup (adw_toast_get_title (toast)));
}

/* Whether a toast shown says all of @words. */
static gboolean
toasted (GPtrArray  *titles,
         const char *word,
         const char *other)
{
  for (guint i = 0; i < titles->len; i++)
    if (strstr (titles->pdata[i], word) != NULL && strstr (titles->pdata[i], other) != NULL)
      return TRUE;
  return FALSE;
}

static const char inner_text[] =
  "Bridge repairs\n\nThe county said on Monday that repairs to the old bridge would "
  "take six weeks and cost 2.4 million.\n";

static void
test_watched_subfolders (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  g_autofree char *folder = g_build_filename (tmp, "County roads", NULL);
  g_autofree char *inner = g_build_filename (folder, "2026", "spring", NULL);
  g_autofree char *deeper = g_build_filename (inner, "late", NULL);
  g_autofree char *inner_file = NULL;
  g_autofree char *lone_file = NULL;
  const char *paths[] = { folder, NULL };
  CcWindow *window = cc_window_new (ADW_APPLICATION (app));
  CcSession *session = cc_window_get_session (window);
  GListModel *rows = cc_session_get_stories (session);
  StoryWait wait = { window, "County roads", 0 };
  g_autoptr(CcDocument) document = NULL;
  g_autoptr(CcAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  CcFolderWatch *watch;
  AnchorWait anchor;
  gint64 story;
  g_autoptr(GPtrArray) toasts = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect_swapped (session, "toast", G_CALLBACK (on_toast), toasts);

  g_free (cc_test_write_file (folder, "top.txt",
                              "Road closures\n\nThe county closed two roads after the storm, "
                              "officials said.\n", -1));
  inner_file = cc_test_write_file (inner, "bridge.txt", inner_text, -1);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cc_window_open_library (window, db, &error));
  g_assert_no_error (error);

  /* A folder opened as the command line does: a story named after it,
   * holding what its subfolders hold too. */
  cc_window_open_paths (window, paths);
  wait.n_documents = 2;
  g_assert_true (cc_ui_test_wait_for (story_has, &wait));
  story = story_id_named (window, "County roads");
  g_assert_cmpint (cc_session_get_story_id (session), ==, story);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);  /* All articles + 1 */

  /* The same folder again: the same story, not a second one. */
  cc_session_set_story_id (session, 0);
  cc_window_open_paths (window, paths);
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpint (cc_session_get_story_id (session), ==, story);

  /* The folder and both levels under it have a monitor each. */
  watch = _cc_window_get_folder_watch (window, story);
  g_assert_nonnull (watch);
  g_assert_cmpuint (cc_folder_watch_get_n_folders (watch), ==, 3);

  /* A file changed two levels down is imported again, and its note
   * re-anchored to where the passage now is. */
  document = document_named (cc_window_get_store (window), "bridge.txt");
  annotation = cc_export_fixture_annotate (cc_window_get_store (window), document, "old bridge",
                                           NULL, "How old?", NULL);
  anchor.store = cc_window_get_store (window);
  anchor.uuid = cc_annotation_get_uuid (annotation);
  anchor.start = cc_annotation_get_start (annotation);
  changed = g_strdup_printf ("Bridge repairs (corrected)\n\nThis story was corrected on "
                             "Tuesday.\n\n%s", inner_text + strlen ("Bridge repairs\n\n"));
  g_assert_true (g_file_set_contents (inner_file, changed, -1, NULL));
  g_assert_true (cc_ui_test_wait_for (reanchored, &anchor));
  g_assert_true (cc_ui_test_wait_for (import_finished, window));
  wait.n_documents = 2;
  g_assert_true (story_has (&wait));
  /* A toast names the file and what happened to it. */
  g_assert_true (toasted (toasts, "bridge.txt", "updated"));

  /* A folder made after the story: watched from then on. */
  g_free (cc_test_write_file (deeper, "first.txt",
                              "Detour signs\n\nDetour signs went up on Wednesday.\n", -1));
  wait.n_documents = 3;
  g_assert_true (cc_ui_test_wait_for (story_has, &wait));
  /* (created before its file: watched by the time the file is imported) */
  g_assert_cmpuint (cc_folder_watch_get_n_folders (watch), ==, 4);
  g_free (cc_test_write_file (deeper, "second.txt",
                              "Bridge reopens\n\nThe bridge reopened on Friday, the county "
                              "said.\n", -1));
  wait.n_documents = 4;
  g_assert_true (cc_ui_test_wait_for (story_has, &wait));
  g_assert_true (toasted (toasts, "second.txt", "added"));

  /* A file opened while the story is current goes into it. */
  lone_file = cc_test_write_file (tmp, "elsewhere.txt",
                                  "Salt stocks\n\nThe county has salt for the winter, a "
                                  "spokesperson said.\n", -1);
  paths[0] = lone_file;
  cc_window_open_paths (window, paths);
  wait.n_documents = 5;
  g_assert_true (cc_ui_test_wait_for (story_has, &wait));
  g_assert_cmpuint (g_list_model_get_n_items (cc_window_get_documents (window)), ==, 5);

  g_signal_handlers_disconnect_by_data (session, toasts);
  gtk_window_destroy (GTK_WINDOW (window));
  cc_ui_test_drain ();
  cc_test_tmpdir_free (g_steal_pointer (&tmp));
}

/* The watch walks folders from a queue: a chain deeper than the cap is
 * watched to the cap, and says so. */
static void
test_folder_watch_caps (void)
{
  g_autofree char *tmp = cc_test_tmpdir_new ();
  g_autoptr(GString) path = g_string_new (tmp);
  g_autoptr(CcFolderWatch) watch = NULL;
  g_autoptr(CcFolderWatch) shallow = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < CC_FOLDER_WATCH_MAX_DEPTH + 8; i++)
    g_string_append (path, "/d");
  g_assert_cmpint (g_mkdir_with_parents (path->str, 0700), ==, 0);
  g_free (cc_test_write_file (tmp, ".hidden/x.txt", "x\n", -1));

  watch = cc_folder_watch_new (tmp, 100, &error);
  g_assert_no_error (error);
  g_assert_nonnull (watch);
  /* The folder and CC_FOLDER_WATCH_MAX_DEPTH levels; not .hidden. */
  g_assert_cmpuint (cc_folder_watch_get_n_folders (watch), ==, CC_FOLDER_WATCH_MAX_DEPTH + 1);
  g_assert_true (cc_folder_watch_get_truncated (watch));

  shallow = cc_folder_watch_new (path->str, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cc_folder_watch_get_n_folders (shallow), ==, 1);
  g_assert_false (cc_folder_watch_get_truncated (shallow));

  /* Not a folder: an error naming it. */
  g_clear_object (&shallow);
  g_string_append (path, "/missing");
  shallow = cc_folder_watch_new (path->str, 100, &error);
  g_assert_null (shallow);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "missing"));

  cc_test_tmpdir_free (g_steal_pointer (&tmp));
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

  g_test_add_func ("/crosscheck/ui/stories/two-stories-kept-apart", test_two_stories);
  g_test_add_func ("/crosscheck/ui/stories/story-scope-counts-and-notes", test_story_scope);
  g_test_add_func ("/crosscheck/ui/stories/watched-subfolders", test_watched_subfolders);
  g_test_add_func ("/crosscheck/ui/stories/folder-watch-caps", test_folder_watch_caps);

  ret = g_test_run ();

  g_clear_object (&app);
  cc_test_tmpdir_free (g_steal_pointer (&home));
  return ret;
}
