/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>

#include "cc-test-util.h"

/* Two stories in one library, through the built command line: each command
 * with --story sees only that story's documents. Story A holds a council
 * budget article and a drug trial article from one set of outlets, story B
 * the same two events from other outlets, so every disagreement of the
 * library is between A and B: within a story there is nothing to compare,
 * and any conflict, fact or export that mixes them shows at once. */

static const char * const story_a[] = {
  "council-alder-valley-times.txt", "trial-capital-street-journal.txt", NULL
};
static const char * const story_b[] = {
  "council-harbour-gazette.txt", "trial-health-desk.txt", NULL
};

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* Runs the CLI on the fixture's library; asserts its exit status and
 * returns its standard output. */
static char *
run (Fixture    *f,
     int         expected_status,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list ap;
  int status;

  g_ptr_array_add (args, (gpointer)"--db");
  g_ptr_array_add (args, f->db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  status = cc_test_run_cli ((const char * const *)args->pdata, &out, &err);
  if (status != expected_status)
    g_test_message ("stderr: %s", err);
  g_assert_cmpint (status, ==, expected_status);
  if (expected_status != 0)
    g_assert_cmpstr (err, !=, "");
  return out;
}

static void
copy_articles (const char         *folder,
               const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "articles",
                                                       names[i], NULL);
      g_autofree char *text = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (source, &text, &len, NULL));
      g_free (cc_test_write_file (folder, names[i], text, (gssize)len));
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  f->dir = cc_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "lib.db", NULL);
  a = g_build_filename (f->dir, "a", NULL);
  b = g_build_filename (f->dir, "b", NULL);
  copy_articles (a, story_a);
  copy_articles (b, story_b);
  g_free (run (f, 0, "import", "--quiet", "--story", "A", a, NULL));
  g_free (run (f, 0, "--story", "B", "import", "--quiet", b, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->db, g_free);
  cc_test_tmpdir_free (g_steal_pointer (&f->dir));
}

/* The values of column @name of a TSV output, one per row. */
static GPtrArray *
column (const char *tsv,
        const char *name)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  g_auto(GStrv) header = g_strsplit (lines[0], "\t", -1);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  int index = -1;

  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      index = i;
  g_assert_cmpint (index, >=, 0);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (*lines[i] == '\0')
        continue;
      g_assert_cmpuint (g_strv_length (fields), >, (guint)index);
      g_ptr_array_add (values, g_strdup (fields[index]));
    }
  return values;
}

/* The "document" member of each object of a JSON array output. */
static GPtrArray *
json_documents (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (values, g_strdup (json_object_get_string_member (
                                         json_array_get_object_element (array, i), "document")));
  return values;
}

/* Every value of @values is one of @allowed. */
static void
assert_all_in (GPtrArray          *values,
               const char * const *allowed)
{
  for (guint i = 0; i < values->len; i++)
    if (!g_strv_contains (allowed, values->pdata[i]))
      g_error ("“%s” is not in the story", (const char *)values->pdata[i]);
}

static gboolean
contains (GPtrArray  *values,
          const char *value)
{
  return g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL);
}

static void
test_import_and_stories (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = run (f, 0, "stories", NULL);
  g_autoptr(GPtrArray) names = column (out, "name");
  g_autoptr(GPtrArray) counts = column (out, "documents");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *a = g_build_filename (f->dir, "a", NULL);
  JsonArray *array;

  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (names->pdata[0], ==, "A");
  g_assert_cmpstr (names->pdata[1], ==, "B");
  g_assert_cmpstr (counts->pdata[0], ==, "2");
  g_assert_cmpstr (counts->pdata[1], ==, "2");
  g_clear_pointer (&out, g_free);

  out = run (f, 0, "list", "--story", "a", NULL);
  listed = column (out, "document");
  g_assert_cmpuint (listed->len, ==, 2);
  assert_all_in (listed, story_a);
  g_clear_pointer (&out, g_free);

  /* Importing the folder again into its story adds nothing twice. */
  g_free (run (f, 0, "import", "--quiet", "--story", "A", a, NULL));
  out = run (f, 0, "--format", "json", "stories", NULL);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0),
                                               "documents"), ==, 2);

  /* A story that does not exist is an error, not the whole library. */
  g_free (run (f, 1, "list", "--story", "Nowhere", NULL));
  /* A document named outside the story is an error too. */
  g_free (run (f, 1, "claims", "--story", "A", "trial-health-desk.txt", "x", NULL));
}

static void
test_conflicts_kept_apart (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *all = run (f, 0, "conflicts", NULL);
  g_autoptr(GPtrArray) all_a = column (all, "document_a");
  const char * const council[] = {
    "council-alder-valley-times.txt", "council-harbour-gazette.txt", NULL
  };

  /* Across the library the outlets disagree... */
  g_assert_cmpuint (all_a->len, >, 0);
  /* ...but never within one story. */
  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *out = run (f, 0, "conflicts", "--story", s == 0 ? "A" : "B", NULL);
      g_autoptr(GPtrArray) docs_a = column (out, "document_a");
      g_autoptr(GPtrArray) docs_b = column (out, "document_b");

      assert_all_in (docs_a, s == 0 ? story_a : story_b);
      assert_all_in (docs_b, s == 0 ? story_a : story_b);
      g_assert_cmpuint (docs_a->len, ==, 0);
    }

  /* A third story that holds both council articles (each now in two
   * stories) has their conflicts, and only those. */
  g_free (run (f, 0, "story-create", "Council", NULL));
  g_free (run (f, 0, "story-add", "Council", council[0], council[1], NULL));
  {
    g_autofree char *out = run (f, 0, "conflicts", "--story", "Council", NULL);
    g_autoptr(GPtrArray) docs_a = column (out, "document_a");
    g_autoptr(GPtrArray) docs_b = column (out, "document_b");

    g_assert_cmpuint (docs_a->len, >, 0);
    g_assert_cmpuint (docs_a->len, <, all_a->len);
    assert_all_in (docs_a, council);
    assert_all_in (docs_b, council);
  }
}

static void
test_claims_entities_search (Fixture       *f,
                             gconstpointer  data)
{
  for (guint s = 0; s < 2; s++)
    {
      const char *story = s == 0 ? "A" : "B";
      const char * const *members = s == 0 ? story_a : story_b;
      g_autofree char *claims = run (f, 0, "claims", "--story", story, NULL);
      g_autofree char *entities = run (f, 0, "entities", "--format", "json", "--story", story,
                                       NULL);
      g_autofree char *hits = run (f, 0, "search", "--story", story, "said", NULL);
      g_autoptr(GPtrArray) claim_docs = column (claims, "document");
      g_autoptr(GPtrArray) entity_docs = json_documents (entities);
      g_autoptr(GPtrArray) hit_docs = column (hits, "document");

      assert_all_in (claim_docs, members);
      assert_all_in (entity_docs, members);
      assert_all_in (hit_docs, members);
      /* Both documents of the story state values and name entities. */
      g_assert_true (contains (claim_docs, members[0]) && contains (claim_docs, members[1]));
      g_assert_true (contains (entity_docs, members[0]) && contains (entity_docs, members[1]));
      g_assert_cmpuint (hit_docs->len, >, 0);
    }

  {
    /* The library-wide search finds both stories: the filter is what keeps
     * them apart. */
    g_autofree char *hits = run (f, 0, "search", "said", NULL);
    g_autoptr(GPtrArray) hit_docs = column (hits, "document");
    gboolean a = FALSE, b = FALSE;

    for (guint i = 0; i < hit_docs->len; i++)
      {
        a |= g_strv_contains (story_a, hit_docs->pdata[i]);
        b |= g_strv_contains (story_b, hit_docs->pdata[i]);
      }
    g_assert_true (a && b);
  }
}

static void
test_annotations_and_export (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *listed = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  g_free (run (f, 0, "annotate", story_a[0], "--start", "0", "--end", "7", "--note",
               "Note in A", NULL));
  g_free (run (f, 0, "annotate", story_b[0], "--start", "0", "--end", "7", "--note",
               "Note in B", NULL));

  listed = run (f, 0, "annotations", "--story", "A", NULL);
  docs = column (listed, "document");
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (docs->pdata[0], ==, story_a[0]);

  markdown = run (f, 0, "export", "--story", "A", "--conflicts", NULL);
  g_assert_nonnull (strstr (markdown, "Note in A"));
  g_assert_null (strstr (markdown, "Note in B"));
  g_assert_nonnull (strstr (markdown, story_a[1]));
  for (guint i = 0; story_b[i] != NULL; i++)
    g_assert_null (strstr (markdown, story_b[i]));
  /* Its conflicts section compares only story A's sources: none disagree. */
  g_assert_nonnull (strstr (markdown, "The sources do not disagree on any fact found."));

  json = run (f, 0, "export", "--story", "B", "--format", "json", NULL);
  g_assert_nonnull (strstr (json, "Note in B"));
  g_assert_null (strstr (json, "Note in A"));

  /* An empty story has nothing to export (not the whole library). */
  g_free (run (f, 0, "story-create", "Empty", NULL));
  g_free (run (f, 1, "export", "--story", "Empty", NULL));
}

static void
test_create_rename_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  g_free (run (f, 0, "annotate", story_a[0], "--start", "0", "--end", "7", NULL));
  out = run (f, 0, "story-create", "Later", "--folder", "/somewhere", NULL);
  names = column (out, "folder");
  g_assert_cmpstr (names->pdata[0], ==, "/somewhere");
  g_clear_pointer (&names, g_ptr_array_unref);
  g_clear_pointer (&out, g_free);
  g_free (run (f, 1, "story-create", "later", NULL));
  g_free (run (f, 1, "story-rename", "Later", "b", NULL));
  g_free (run (f, 0, "story-rename", "Later", "Much later", NULL));
  g_free (run (f, 0, "story-merge", "B", "A", NULL));

  out = run (f, 0, "stories", NULL);
  names = column (out, "name");
  docs = column (out, "documents");
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (names->pdata[0], ==, "A");
  g_assert_cmpstr (docs->pdata[0], ==, "4");
  g_assert_cmpstr (names->pdata[1], ==, "Much later");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&names, g_ptr_array_unref);
  g_clear_pointer (&docs, g_ptr_array_unref);

  /* Deleting stories keeps every document and note. */
  g_free (run (f, 0, "story-delete", "A", "Much later", NULL));
  g_free (run (f, 1, "story-delete", "A", NULL));
  out = run (f, 0, "stories", NULL);
  names = column (out, "name");
  g_assert_cmpuint (names->len, ==, 0);
  g_clear_pointer (&out, g_free);
  out = run (f, 0, "list", NULL);
  docs = column (out, "document");
  g_assert_cmpuint (docs->len, ==, 4);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&docs, g_ptr_array_unref);
  out = run (f, 0, "annotations", NULL);
  docs = column (out, "document");
  g_assert_cmpuint (docs->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crosscheck/cli-stories/import-and-stories", Fixture, NULL, fixture_set_up,
              test_import_and_stories, fixture_tear_down);
  g_test_add ("/crosscheck/cli-stories/conflicts-kept-apart", Fixture, NULL, fixture_set_up,
              test_conflicts_kept_apart, fixture_tear_down);
  g_test_add ("/crosscheck/cli-stories/claims-entities-search", Fixture, NULL, fixture_set_up,
              test_claims_entities_search, fixture_tear_down);
  g_test_add ("/crosscheck/cli-stories/annotations-and-export", Fixture, NULL, fixture_set_up,
              test_annotations_and_export, fixture_tear_down);
  g_test_add ("/crosscheck/cli-stories/create-rename-delete", Fixture, NULL, fixture_set_up,
              test_create_rename_delete, fixture_tear_down);
  return g_test_run ();
}
