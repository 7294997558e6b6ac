/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cc-annotation-store.h"
#include "cc-error.h"
#include "cc-store-stories.h"
#include "cc-test-util.h"

typedef struct
{
  char    *dir;
  CcStore *store;
  gint64   docs[4];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cc_test_tmpdir_new ();
  f->store = cc_test_open_store (f->dir);
  for (guint i = 0; i < G_N_ELEMENTS (f->docs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/articles/doc-%u.txt", i);
      g_autofree char *text = g_strdup_printf ("Article %u says the bridge opens in May.", i);

      f->docs[i] = cc_store_add_document (f->store, path, path, NULL, NULL, text, path, 8,
                                          (gint64)strlen (text), 1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (f->docs[i], >, 0);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cc_test_tmpdir_free (g_steal_pointer (&f->dir));
}

static GPtrArray *
list_stories (CcStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *stories = cc_store_list_stories (store, &error);

  g_assert_no_error (error);
  return stories;
}

static void
assert_story_ids (CcStore      *store,
                  gint64        story,
                  const gint64 *expected,
                  guint         n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = cc_store_story_document_ids (store, story, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

/* Create, list with counts, and a document in two stories. */
static void
test_create_and_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(CcStory) found = NULL;
  gint64 bridge = cc_store_create_story (f->store, "  Bridge  ", "/articles", &error);
  gint64 budget;

  g_assert_no_error (error);
  budget = cc_store_create_story (f->store, "Budget", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bridge, >, 0);
  g_assert_cmpint (budget, !=, bridge);

  g_assert_true (cc_store_add_to_story (f->store, bridge, f->docs, 3, &error));
  g_assert_true (cc_store_add_to_story (f->store, budget, f->docs + 2, 1, &error));
  /* Adding again is not an error and counts once. */
  g_assert_true (cc_store_add_to_story (f->store, budget, f->docs + 2, 1, &error));
  g_assert_no_error (error);

  stories = list_stories (f->store);
  g_assert_cmpuint (stories->len, ==, 2);
  g_assert_cmpstr (cc_story_get_name (stories->pdata[0]), ==, "Bridge");
  g_assert_cmpstr (cc_story_get_folder (stories->pdata[0]), ==, "/articles");
  g_assert_cmpuint (cc_story_get_n_documents (stories->pdata[0]), ==, 3);
  g_assert_cmpstr (cc_story_get_name (stories->pdata[1]), ==, "Budget");
  g_assert_null (cc_story_get_folder (stories->pdata[1]));
  g_assert_cmpuint (cc_story_get_n_documents (stories->pdata[1]), ==, 1);

  assert_story_ids (f->store, bridge, f->docs, 3);
  assert_story_ids (f->store, budget, f->docs + 2, 1);
  assert_story_ids (f->store, 0, f->docs, 4);

  /* Names are unique ignoring case, found by name or id. */
  g_assert_cmpint (cc_store_create_story (f->store, "bridge", NULL, &error), ==, 0);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cc_store_create_story (f->store, "   ", NULL, &error), ==, 0);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_clear_error (&error);
  found = cc_store_find_story (f->store, "BRIDGE", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cc_story_get_id (found), ==, bridge);
  g_clear_object (&found);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budget);
    found = cc_store_find_story (f->store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cc_story_get_name (found), ==, "Budget");
  }
  g_assert_null (cc_store_find_story (f->store, "Elsewhere", &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Ensure finds the existing one, or makes a new one. */
  g_assert_cmpint (cc_store_ensure_story (f->store, "budget", &error), ==, budget);
  g_assert_cmpint (cc_store_ensure_story (f->store, "Elsewhere", &error), >, budget);
  g_assert_no_error (error);
}

static void
test_filter_documents (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 story = cc_store_create_story (f->store, "Odd ones", NULL, &error);
  gint64 members[] = { f->docs[3], f->docs[1] };
  g_autoptr(GPtrArray) docs = NULL;

  g_assert_true (cc_store_add_to_story (f->store, story, members, 2, &error));
  docs = cc_store_list_story_documents (f->store, story, &error);
  g_assert_no_error (error);
  /* Library order, not the order they were added. */
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpint (cc_document_get_id (docs->pdata[0]), ==, f->docs[1]);
  g_assert_cmpint (cc_document_get_id (docs->pdata[1]), ==, f->docs[3]);
  g_clear_pointer (&docs, g_ptr_array_unref);

  docs = cc_store_list_story_documents (f->store, 0, &error);
  g_assert_cmpuint (docs->len, ==, 4);

  g_assert_true (cc_store_remove_from_story (f->store, story, members, 1, &error));
  assert_story_ids (f->store, story, &f->docs[1], 1);

  /* A story that does not exist is an error, not "all documents". */
  g_assert_null (cc_store_story_document_ids (f->store, story + 100, &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_NOT_FOUND);
}

static void
test_filter_hits (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 story = cc_store_create_story (f->store, "Two", NULL, &error);
  gint64 members[] = { f->docs[2], f->docs[0] };
  g_autoptr(GPtrArray) hits = cc_store_search (f->store, "bridge", 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 4);
  g_assert_true (cc_store_add_to_story (f->store, story, members, 2, &error));
  g_assert_true (cc_store_filter_story_hits (f->store, story, hits, 0, &error));
  g_assert_cmpuint (hits->len, ==, 2);
  for (guint i = 0; i < hits->len; i++)
    {
      CcSearchHit *hit = hits->pdata[i];
      g_assert_true (hit->document_id == f->docs[0] || hit->document_id == f->docs[2]);
    }
  /* Then the limit; story 0 keeps every hit. */
  g_assert_true (cc_store_filter_story_hits (f->store, story, hits, 1, &error));
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = cc_store_search (f->store, "bridge", 0, &error);
  g_assert_true (cc_store_filter_story_hits (f->store, 0, hits, 0, &error));
  g_assert_cmpuint (hits->len, ==, 4);
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = cc_store_create_story (f->store, "First", NULL, &error);
  gint64 b = cc_store_create_story (f->store, "Second", NULL, &error);
  g_autoptr(CcStory) story = NULL;

  g_assert_true (cc_store_rename_story (f->store, a, "Renamed", &error));
  g_assert_no_error (error);
  story = cc_store_get_story (f->store, a, &error);
  g_assert_cmpstr (cc_story_get_name (story), ==, "Renamed");
  /* Changing only the case of its own name is allowed; taking another's is not. */
  g_assert_true (cc_store_rename_story (f->store, a, "RENAMED", &error));
  g_assert_false (cc_store_rename_story (f->store, a, "second", &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cc_store_rename_story (f->store, b + 10, "Other", &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_NOT_FOUND);
}

/* Merging keeps every document once; deleting keeps documents and notes. */
static void
test_merge_and_delete (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = cc_store_create_story (f->store, "A", NULL, &error);
  gint64 b = cc_store_create_story (f->store, "B", NULL, &error);
  g_autoptr(CcAnnotation) note = NULL;
  g_autoptr(GPtrArray) stories = NULL;

  g_assert_true (cc_store_add_to_story (f->store, a, f->docs, 2, &error));
  g_assert_true (cc_store_add_to_story (f->store, b, f->docs + 1, 2, &error));
  note = cc_annotation_store_create (f->store, f->docs[0], 0, 7, NULL, "Check this", NULL,
                                     &error);
  g_assert_no_error (error);

  g_assert_false (cc_store_merge_stories (f->store, a, a, &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cc_store_merge_stories (f->store, a, b, &error));
  g_assert_no_error (error);
  assert_story_ids (f->store, b, f->docs, 3);
  stories = list_stories (f->store);
  g_assert_cmpuint (stories->len, ==, 1);
  g_assert_cmpuint (cc_story_get_n_documents (stories->pdata[0]), ==, 3);
  g_clear_pointer (&stories, g_ptr_array_unref);

  g_assert_true (cc_store_delete_story (f->store, b, &error));
  g_assert_no_error (error);
  stories = list_stories (f->store);
  g_assert_cmpuint (stories->len, ==, 0);
  g_assert_cmpuint (cc_store_count_documents (f->store), ==, 4);
  g_assert_cmpuint (cc_annotation_store_count (f->store, f->docs[0]), ==, 1);
  assert_story_ids (f->store, 0, f->docs, 4);

  g_assert_false (cc_store_delete_story (f->store, b, &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crosscheck/stories/create-and-list", Fixture, NULL, fixture_set_up,
              test_create_and_list, fixture_tear_down);
  g_test_add ("/crosscheck/stories/filter-documents", Fixture, NULL, fixture_set_up,
              test_filter_documents, fixture_tear_down);
  g_test_add ("/crosscheck/stories/filter-hits", Fixture, NULL, fixture_set_up,
              test_filter_hits, fixture_tear_down);
  g_test_add ("/crosscheck/stories/rename", Fixture, NULL, fixture_set_up,
              test_rename, fixture_tear_down);
  g_test_add ("/crosscheck/stories/merge-and-delete", Fixture, NULL, fixture_set_up,
              test_merge_and_delete, fixture_tear_down);
  return g_test_run ();
}
