/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <sqlite3.h>

#include "analysis/cc-disagreements.h"
#include "cc-article.h"
#include "cc-entities.h"
#include "cc-formats.h"
#include "cc-importer.h"
#include "cc-store-meta.h"
#include "cc-test-util.h"

static void
test_dates (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "2024-05-01", "2024-05-01" },
    { "Updated 2024-05-01T09:30:00+02:00", "2024-05-01T09:30:00+02:00" },
    { "2024-05-01T09:30", "2024-05-01" },  /* GLib wants seconds: the date is kept */
    { "May 1, 2024", "2024-05-01" },
    { "Published 1 May 2024, 10:02", "2024-05-01" },
    { "Wednesday, 1st May 2024", "2024-05-01" },
    { "Sept. 3, 2023", "2023-09-03" },
    { "3 December 2025 and 4 December 2025", "2025-12-03" },
    { "2024-02-30", NULL },
    { "31 June 2024", NULL },
    { "in May the river rose", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = cc_article_parse_date (cases[i].in);
      g_assert_cmpstr (date, ==, cases[i].out);
    }
}

static void
test_bylines (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "By Jane Doe", "Jane Doe" },
    { "by Jane Doe", "Jane Doe" },
    { "By Jane Doe and John Roe | Metro desk", "Jane Doe and John Roe" },
    { "By Ana de la Cruz, Political Correspondent", "Ana de la Cruz" },
    { "Jane Doe, Senior Reporter", "Jane Doe" },
    { "Tom Hale, Chief Technology Correspondent", "Tom Hale" },
    { "By the end of the year the bridge will reopen", NULL },
    { "by contrast", NULL },
    { "Jane Doe said the plan was sound", NULL },
    { "By Ana Lima and Rui Sousa, both from the city desk", "Ana Lima and Rui Sousa" },
    { "Teresa Alves and Joana Reis, both from Porto, set course records.", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = cc_article_parse_byline (cases[i].in);
      g_assert_cmpstr (name, ==, cases[i].out);
    }
}

static void
test_captions (void)
{
  static const struct { const char *line; gboolean caption; } cases[] = {
    { "Photo: Jane Doe/Northwind Agency", TRUE },
    { "PHOTO: JANE DOE", TRUE },
    { "Photo by Jane Doe / Northwind Pictures via Agency", TRUE },
    { "Photograph: Tom Hale for the Ledger", TRUE },
    { "Image credit: Northwind Agency", TRUE },
    { "Image source, Northwind Agency", FALSE },
    { "File photo", TRUE },
    { "File photo of the harbour bridge at dusk.", TRUE },
    { "(Reuters)", TRUE },
    { "(AP Photo/Jane Doe)", TRUE },
    { "Crowds gather at the gates of the stadium. | Northwind Images", TRUE },
    { "The mayor cuts the ribbon at the new depot Image: ANA LIMA/AGENCY", TRUE },
    { "Riders cross the finish line in the capital, 4 June 2031.Agency", TRUE },
    { "Credit: Ana Lima", TRUE },
    /* text, headings and sentences that only mention pictures */
    { "The Birth of a New Laboratory", FALSE },
    { "The council published a photo of the site on Monday.", FALSE },
    { "Her key image: a ferry at sea, she said.", FALSE },
    { "Photographers were kept away from the site.", FALSE },
    { "(The figures were revised later, the ministry said.)", FALSE },
    { "He said the results were good.They were.", FALSE },
    { "Pictures of the launch spread quickly", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("caption? “%s”", cases[i].line);
      g_assert_cmpint (cc_article_is_caption (cases[i].line), ==, cases[i].caption);
    }
}

static void
test_datelines (void)
{
  g_autofree char *place = NULL;
  g_autofree char *agency = NULL;

  g_assert_true (cc_article_parse_dateline ("LONDON (Wire Service) - The council voted on Monday.",
                                            &place, &agency));
  g_assert_cmpstr (place, ==, "LONDON");
  g_assert_cmpstr (agency, ==, "Wire Service");
  g_clear_pointer (&place, g_free);
  g_clear_pointer (&agency, g_free);

  g_assert_true (cc_article_parse_dateline ("NEW YORK, May 3 (Newswire) — Shares fell.", &place, &agency));
  g_assert_cmpstr (place, ==, "NEW YORK");
  g_assert_cmpstr (agency, ==, "Newswire");
  g_clear_pointer (&place, g_free);
  g_clear_pointer (&agency, g_free);

  g_assert_true (cc_article_parse_dateline ("PARIS — The strike ended.", &place, &agency));
  g_assert_cmpstr (place, ==, "PARIS");
  g_assert_null (agency);
  g_clear_pointer (&place, g_free);

  g_assert_false (cc_article_parse_dateline ("London is quiet - for now.", NULL, NULL));
  g_assert_false (cc_article_parse_dateline ("The UN said - again - no.", NULL, NULL));
}

static void
test_boilerplate (void)
{
  const char *furniture[] = {
    "Advertisement", "ADVERTISEMENT", "Share", "Share this article", "Share on Facebook",
    "Log in", "Sign in", "Subscribe now", "12 comments", "1,204 Comments", "Show comments",
    "Read more", "Related stories", "Skip to main content", "We use cookies to improve the site.",
    "Listen to this article", "• Share", "Comments »",
  };
  const char *text[] = {
    "<!-- comment -->", "Comments on the plan were mixed.", "Share prices fell.",
    "Read more books, the minister said.", "Advertisement spending rose by a tenth.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (furniture); i++)
    if (!cc_article_is_boilerplate (furniture[i]))
      g_error ("“%s” should be page furniture", furniture[i]);
  for (guint i = 0; i < G_N_ELEMENTS (text); i++)
    if (cc_article_is_boilerplate (text[i]))
      g_error ("“%s” is article text", text[i]);
}

static void
test_title_like (void)
{
  g_assert_true (cc_article_is_title_like ("Harbour bridge reopens after repairs"));
  g_assert_true (cc_article_is_title_like ("Why the ferry timetable changed, and what comes next for the island's commuters"));
  g_assert_false (cc_article_is_title_like ("The council said on Monday that the harbour bridge, "
                                            "closed for eight months while engineers replaced its "
                                            "cables, would reopen to cars and buses on Friday, and "
                                            "to lorries in April once the last tests were done."));
  g_assert_false (cc_article_is_title_like ("The council said on Monday that the harbour bridge would open again "
                                            "on Friday."));
  g_assert_false (cc_article_is_title_like (""));
}

static CcTextResult *
read_text (const char      *path,
           const char      *text,
           CcDocumentMeta **meta)
{
  g_autoptr(GError) error = NULL;
  CcTextResult *result = cc_format_read (cc_format_for_path (path), path, (const guint8 *)text,
                                         strlen (text), NULL, meta, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* An article pasted from a page: title, byline over a lone "|", a date
 * line, a dateline, and page furniture between paragraphs. */
static void
test_plain_article (void)
{
  const char *text =
    "Ferry timetable changes from June\n"
    "Mira Okonjo\n"
    "|\n"
    "Published 14 March 2025\n"
    "\n"
    "PORTSMOUTH (Coastal Wire) - The morning ferry will leave twenty minutes earlier from June.\n"
    "\n"
    "Advertisement\n"
    "\n"
    "The operator said the change follows a survey of commuters.\n"
    "Share this article\n"
    "38 comments\n";
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(CcTextResult) result = read_text ("/tmp/ferry.txt", text, &meta);

  g_assert_cmpstr (result->title, ==, "Ferry timetable changes from June");
  g_assert_cmpstr (meta->byline, ==, "Mira Okonjo");
  g_assert_cmpstr (result->byline, ==, "Mira Okonjo");
  g_assert_cmpstr (meta->published, ==, "2025-03-14");
  g_assert_cmpstr (meta->outlet, ==, "Coastal Wire");
  g_assert_cmpstr (result->outlet, ==, "Coastal Wire");
  g_assert_cmpstr (result->text, ==,
                   "Ferry timetable changes from June\n"
                   "Mira Okonjo\n"
                   "Published 14 March 2025\n"
                   "\n"
                   "PORTSMOUTH (Coastal Wire) - The morning ferry will leave twenty minutes earlier from June.\n"
                   "\n"
                   "The operator said the change follows a survey of commuters.\n");
}

/* Photo credits and captions are neither title, byline, outlet nor
 * furniture to drop: they stay in the text (annotations and names rest on
 * them) and are known as captions. */
static void
test_captions_in_text (void)
{
  const char *text =
    "Photo: Ana Lima/Northwind Agency\n"
    "Harbour bridge reopens after repairs\n"
    "Crews test the deck before dawn. | Northwind Images\n"
    "\n"
    "The harbour bridge reopened to traffic on Monday after months of repairs.\n"
    "(Coastal Wire)\n"
    "Engineers said the deck would last another 40 years.\n";
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(CcTextResult) result = read_text ("/tmp/0042.txt", text, &meta);
  g_auto(GStrv) lines = NULL;
  guint captions = 0;

  g_assert_cmpstr (result->title, ==, "Harbour bridge reopens after repairs");
  g_assert_null (meta->byline);
  g_assert_null (result->byline);
  g_assert_null (meta->outlet);
  g_assert_null (result->outlet);
  g_assert_cmpstr (result->text, ==, text);
  lines = g_strsplit (result->text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    captions += cc_article_is_caption (lines[i]);
  g_assert_cmpuint (captions, ==, 3);
}

/* A name over a dateline is a byline, a line crediting the outlet over
 * the dateline is the outlet: neither is the title. */
static void
test_head_lines (void)
{
  const char *byline_first =
    "Ana Lima\n\nLisbon, June 5\n\n"
    "The city council approved a plan to widen the tram network on the eastern bank, "
    "officials said after a vote that ran late into the evening.\n";
  const char *credit_first =
    "Northwind Media Network - Porto\n"
    "Porto, Mar 19: Fishermen returned to the harbour after the storm, the port "
    "authority said on Tuesday morning, as the wind eased over the bay.\n";
  const char *headline_first =
    "World Record Falls\n\n12 May 2025\n\nThe record fell on Sunday.\n";

  {
    g_autoptr(CcDocumentMeta) meta = NULL;
    g_autoptr(CcTextResult) result = read_text ("/tmp/0042.txt", byline_first, &meta);

    g_assert_cmpstr (meta->byline, ==, "Ana Lima");
    g_assert_true (g_str_has_prefix (result->title, "The city council approved"));
    g_assert_cmpstr (result->text, ==, byline_first);
  }
  {
    g_autoptr(CcDocumentMeta) meta = NULL;
    g_autoptr(CcTextResult) result = read_text ("/tmp/0042.txt", credit_first, &meta);

    g_assert_cmpstr (meta->outlet, ==, "Northwind Media Network");
    g_assert_null (meta->byline);
    g_assert_true (g_str_has_prefix (result->title, "Fishermen returned to the harbour"));
  }
  {
    g_autoptr(CcDocumentMeta) meta = NULL;
    g_autoptr(CcTextResult) result = read_text ("/tmp/0042.txt", headline_first, &meta);

    g_assert_cmpstr (result->title, ==, "World Record Falls");
    g_assert_null (meta->byline);
    g_assert_cmpstr (meta->published, ==, "2025-05-12");
  }
}

/* A 40-word opening is no title: a file name of words, else the first
 * sentence when short, else the first words. */
static void
test_opening_is_not_title (void)
{
  const char *short_first =
    "The council did something nobody expected. It voted on Monday to close the harbour bridge "
    "for eight months while engineers replace its cables, a decision that will send thousands "
    "of commuters onto the ferries and the long road round the bay.\n"
    "Second paragraph.\n";
  const char *long_first =
    "On a cold morning on Monday the council voted, after a debate that lasted most of the night "
    "and drew hundreds of residents to the town hall, to close the harbour bridge for eight months "
    "while its cables are replaced.\n";
  g_autoptr(CcDocumentMeta) m1 = NULL;
  g_autoptr(CcDocumentMeta) m2 = NULL;
  g_autoptr(CcDocumentMeta) m3 = NULL;
  g_autoptr(CcTextResult) named = read_text ("/tmp/harbour-bridge-closes.txt", short_first, &m1);
  g_autoptr(CcTextResult) hashed = read_text ("/tmp/002_d6f3a1.txt", short_first, &m2);
  g_autoptr(CcTextResult) words = read_text ("/tmp/17.md", long_first, &m3);

  g_assert_cmpstr (named->title, ==, "harbour bridge closes");
  g_assert_cmpstr (hashed->title, ==, "The council did something nobody expected.");
  g_assert_cmpstr (words->title, ==, "On a cold morning on Monday the council voted, after…");
  /* the text itself is untouched */
  g_assert_cmpstr (hashed->text, ==, short_first);
}

/* Rules drawn with "---" or "===" and markup that mentions furniture
 * words are text, not furniture. */
static void
test_text_kept (void)
{
  const char *text = "Quarry plan approved\n---\nThe vote was close.\n===\n<!-- comment -->\n"
                     "Comments on the plan were mixed.\n";
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(CcTextResult) result = read_text ("/tmp/quarry.txt", text, &meta);

  g_assert_cmpstr (result->text, ==, text);
  g_assert_cmpstr (result->title, ==, "Quarry plan approved");
}

/* A library from before schema 8: opening it adds the columns, and the
 * next import fills the date of a document whose file did not change,
 * which stays unchanged. */
static void
test_migration_fills_dates (void)
{
  char *dir = cc_test_tmpdir_new ();
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *file = cc_test_write_file (dir, "articles/quarry.txt",
                                              "Quarry plan approved\nBy Ana Ruiz\n12 May 2025\n\n"
                                              "The council approved the plan.\n", -1);
  const char *paths[] = { file, NULL };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  {
    g_autoptr(CcStore) store = cc_store_open (db_path, &error);
    g_autoptr(CcImportReport) report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->added, ==, 1);
  }
  /* back to schema 7 */
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE documents DROP COLUMN published;"
                                     "ALTER TABLE documents DROP COLUMN url;"
                                     "ALTER TABLE documents DROP COLUMN language;"
                                     "PRAGMA user_version = 7;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_autoptr(CcStore) store = cc_store_open (db_path, &error);
    g_autoptr(CcImportReport) report = NULL;
    g_autoptr(GPtrArray) docs = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (cc_store_get_schema_version (store), ==, CC_STORE_SCHEMA_VERSION);
    report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->unchanged, ==, 1);
    docs = cc_store_list_documents (store, &error);
    g_assert_cmpuint (docs->len, ==, 1);
    g_assert_cmpstr (cc_document_get_published (docs->pdata[0]), ==, "2025-05-12");
    g_assert_cmpstr (cc_document_get_byline (docs->pdata[0]), ==, "Ana Ruiz");
  }
  cc_test_tmpdir_free (dir);
}

static void
set_published (CcStore    *store,
               gint64      id,
               const char *published)
{
  g_autoptr(CcDocumentMeta) meta = cc_document_meta_new ();
  g_autoptr(GError) error = NULL;

  meta->published = g_strdup (published);
  g_assert_true (cc_store_begin (store, &error));
  g_assert_true (cc_store_set_document_meta (store, id, meta, &error));
  g_assert_true (cc_store_commit (store, &error));
  g_assert_no_error (error);
}

/* The value the library's mentions of document @id give the mention @surface. */
static char *
mention_value (CcStore    *store,
               gint64      id,
               const char *surface)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = cc_entities_for_document (store, id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < mentions->len; i++)
    {
      CcMention *m = mentions->pdata[i];

      if (strcmp (m->surface, surface) == 0)
        return g_strdup (m->value);
    }
  return NULL;
}

static guint
date_disagreements (CcStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDisagreementReport) report = cc_disagreements_for_store (store, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < report->disagreements->len; i++)
    {
      CcDisagreement *d = report->disagreements->pdata[i];

      if (d->kind == CC_DISAGREEMENT_DATE)
        n++;
    }
  return n;
}

/* The article's stored date resolves its weekdays, for the entities and for
 * the disagreements, and a changed date is seen (not a stale cache). */
static void
test_dated_analysis (void)
{
  char *dir = cc_test_tmpdir_new ();
  g_autofree char *a = cc_test_write_file (dir, "a/ferry-a.txt",
                                           "Ferry service resumes\n\n"
                                           "Harbour Line resumed its island sailings on Wednesday "
                                           "after the storm, the operator said.\n", -1);
  g_autofree char *b = cc_test_write_file (dir, "a/ferry-b.txt",
                                           "Island ferry back\n\n"
                                           "Harbour Line resumed its island sailings on March 12 "
                                           "after the storm, the operator said.\n", -1);
  const char *paths[] = { a, b, NULL };
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcImportReport) report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) docs = NULL;
  gint64 id_a = 0;
  char *value;

  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  docs = cc_store_list_documents (store, &error);
  for (guint i = 0; i < docs->len; i++)
    if (strcmp (cc_document_get_basename (docs->pdata[i]), "ferry-a.txt") == 0)
      id_a = cc_document_get_id (docs->pdata[i]);
  g_assert_cmpint (id_a, >, 0);

  /* No date: the weekday stays a weekday, not comparable with a date. */
  value = mention_value (store, id_a, "Wednesday");
  g_assert_nonnull (value);
  g_assert_false (g_str_has_prefix (value, "2031"));
  g_free (value);
  g_assert_cmpuint (date_disagreements (store), ==, 0);

  /* Thursday 13 March 2031: "Wednesday" is the 12th, as the other says. */
  set_published (store, id_a, "2031-03-13");
  value = mention_value (store, id_a, "Wednesday");
  g_assert_cmpstr (value, ==, "2031-03-12");
  g_free (value);
  g_assert_cmpuint (date_disagreements (store), ==, 0);

  /* A week later the same words name the 19th: the sources disagree. */
  set_published (store, id_a, "2031-03-20T08:00:00Z");
  value = mention_value (store, id_a, "Wednesday");
  g_assert_cmpstr (value, ==, "2031-03-19");
  g_free (value);
  g_assert_cmpuint (date_disagreements (store), ==, 1);

  g_clear_object (&store);
  cc_test_tmpdir_free (dir);
}

static void
test_date_to_gdate (void)
{
  GDate date;

  g_assert_true (cc_article_date_to_gdate ("2024-05-01", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 1);
  g_assert_cmpuint (g_date_get_month (&date), ==, G_DATE_MAY);
  g_assert_true (cc_article_date_to_gdate ("2024-05-01T23:30:00-05:00", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 1);
  g_assert_false (cc_article_date_to_gdate ("2024-02-30", &date));
  g_assert_false (g_date_valid (&date));
  g_assert_false (cc_article_date_to_gdate ("May 2024", &date));
  g_assert_false (cc_article_date_to_gdate (NULL, &date));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/article/dates", test_dates);
  g_test_add_func ("/article/bylines", test_bylines);
  g_test_add_func ("/article/datelines", test_datelines);
  g_test_add_func ("/article/captions", test_captions);
  g_test_add_func ("/article/captions-in-text", test_captions_in_text);
  g_test_add_func ("/article/head-lines", test_head_lines);
  g_test_add_func ("/article/boilerplate", test_boilerplate);
  g_test_add_func ("/article/title-like", test_title_like);
  g_test_add_func ("/article/plain-article", test_plain_article);
  g_test_add_func ("/article/opening-is-not-title", test_opening_is_not_title);
  g_test_add_func ("/article/text-kept", test_text_kept);
  g_test_add_func ("/article/migration-fills-dates", test_migration_fills_dates);
  g_test_add_func ("/article/date-to-gdate", test_date_to_gdate);
  g_test_add_func ("/article/dated-analysis", test_dated_analysis);
  return g_test_run ();
}
