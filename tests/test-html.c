/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cc-annotation-store.h"
#include "cc-error.h"
#include "cc-export.h"
#include "cc-w3c.h"
#include "cc-formats.h"
#include "cc-html.h"
#include "cc-importer.h"
#include "cc-mhtml.h"
#include "cc-test-util.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "html", name, NULL);
}

static char *
extract_fixture (const char      *name,
                 CcDocumentMeta **meta,
                 char           **warning)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  char *text;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  text = cc_html_extract ((const guint8 *)data, len, NULL, meta, warning, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_test_message ("%s:\n%s", name, text);
  return text;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in:\n%s", part, text);
}

static void
test_news_site (void)
{
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autofree char *text = extract_fixture ("news-site.html", &meta, NULL);

  g_assert_cmpstr (meta->title, ==, "Harbour bridge reopens after eight months of repairs");
  g_assert_cmpstr (meta->outlet, ==, "The Coastal Ledger");
  g_assert_cmpstr (meta->byline, ==, "Mira Okonjo");
  g_assert_cmpstr (meta->published, ==, "2025-03-14T07:45:00Z");
  g_assert_cmpstr (meta->url, ==, "https://ledger.example/news/harbour-bridge-reopens");
  g_assert_cmpstr (meta->language, ==, "en-GB");
  g_assert_cmpstr (meta->description, ==,
                   "The harbour bridge carries traffic again after eight months.");

  /* the body, in order, with its structure */
  g_assert_true (g_str_has_prefix (text, "Harbour bridge reopens after eight months of repairs\n\n"
                                         "The harbour bridge opened to cars at dawn on Friday"));
  assert_contains (text, "\n\nTraffic returns\n\n");
  assert_contains (text, "Commuters queued from five in the morning. Bus routes that had been "
                         "diverted return on Monday.");
  assert_contains (text, "\n\n• Cars and buses: from Friday\n• Lorries over 18 tonnes: from April\n\n");
  assert_contains (text, "We are glad to have our bridge back");
  g_assert_true (g_str_has_suffix (text, "whose boats carried the overflow."));
  /* and none of the page around it */
  assert_lacks (text, "cookies");
  assert_lacks (text, "Sport");
  assert_lacks (text, "Log in");
  assert_lacks (text, "Share");
  assert_lacks (text, "By Mira");
  assert_lacks (text, "14 March");
  assert_lacks (text, "sunrise");
  assert_lacks (text, "Advertisement");
  assert_lacks (text, "Related");
  assert_lacks (text, "Cables found");
  assert_lacks (text, "comments");
  assert_lacks (text, "About time");
  assert_lacks (text, "Copyright");
  assert_lacks (text, "tracking");
  assert_lacks (text, "color");
}

static void
test_blog (void)
{
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autofree char *text = extract_fixture ("blog.html", &meta, NULL);

  g_assert_cmpstr (meta->title, ==, "Notes from the allotment");  /* site name dropped */
  g_assert_cmpstr (meta->outlet, ==, "Tending Weeds");
  g_assert_cmpstr (meta->byline, ==, "Sam Pereira");
  g_assert_cmpstr (meta->published, ==, "2024-09-02");
  g_assert_null (meta->url);
  g_assert_cmpstr (meta->language, ==, "en");
  g_assert_true (g_str_has_prefix (text, "Notes from the allotment\n\nThe courgettes finally gave up"));
  g_assert_true (g_str_has_suffix (text, "feed the soil for the winter crops."));
  assert_lacks (text, "Archive");
  assert_lacks (text, "August");
  assert_lacks (text, "Posted in");
  assert_lacks (text, "Lovely");
}

static void
test_amp (void)
{
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autofree char *text = extract_fixture ("amp.html", &meta, NULL);

  g_assert_cmpstr (meta->title, ==, "Le tramway prolongé jusqu'à la gare");
  g_assert_cmpstr (meta->outlet, ==, "Journal du Soir");
  g_assert_cmpstr (meta->byline, ==, "Claire Dubois");
  g_assert_cmpstr (meta->published, ==, "2025-01-20");
  g_assert_cmpstr (meta->url, ==, "https://journal.example/tram-gare");
  g_assert_cmpstr (meta->language, ==, "fr");
  g_assert_cmpstr (text, ==,
                   "Le tramway prolongé jusqu'à la gare\n\n"
                   "La ligne de tramway sera prolongée de trois kilomètres jusqu'à la gare "
                   "centrale, a annoncé la métropole lundi.\n\n"
                   "Les travaux doivent commencer à l'automne et durer deux ans ; le coût est "
                   "estimé à 120 millions d'euros.");
}

static void
test_json_ld_only (void)
{
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autofree char *text = extract_fixture ("json-ld-only.html", &meta, NULL);

  g_assert_cmpstr (meta->title, ==, "School roof repairs finish before term");
  g_assert_cmpstr (meta->outlet, ==, "Valley Tribune");
  g_assert_cmpstr (meta->byline, ==, "Ana Ruiz, Tom Hale");
  g_assert_cmpstr (meta->published, ==, "2024-08-30T16:00:00+01:00");
  g_assert_cmpstr (meta->url, ==, "https://tribune.example/school-roof");
  g_assert_cmpstr (meta->language, ==, "en-US");
  g_assert_cmpstr (text, ==,
                   "Builders finished the roof of the primary school on Thursday, four days "
                   "before pupils return for the autumn term.\n\n"
                   "The head teacher said lessons would start on time in every classroom, "
                   "including the two that flooded in the spring.");
}

static void
test_no_metadata (void)
{
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autofree char *text = extract_fixture ("no-metadata.html", &meta, NULL);

  g_assert_null (meta->title);
  g_assert_null (meta->outlet);
  g_assert_null (meta->byline);
  g_assert_null (meta->published);
  g_assert_null (meta->url);
  g_assert_null (meta->language);
  g_assert_true (g_str_has_prefix (text, "Volunteers counted 212 swifts"));
  g_assert_true (g_str_has_suffix (text, "before the birds return next May."));
}

static void
test_charset (void)
{
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *text = extract_fixture ("latin1.html", &meta, &warning);

  /* <meta charset="iso-8859-1"> is honoured */
  g_assert_null (warning);
  g_assert_cmpstr (meta->title, ==, "Café owners welcome the new square");
  assert_contains (text, "The café owners");
  assert_contains (text, "naïve fears");
}

static void
test_wrong_charset (void)
{
  const char *page = "<html><head><meta charset=\"utf-8\"></head><body>"
                     "<p>Caf\xe9 prices rose by a tenth.</p></body></html>";
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *text = cc_html_extract ((const guint8 *)page, strlen (page), NULL, &meta,
                                           &warning, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Café prices rose by a tenth.");
  g_assert_nonnull (warning);
  assert_contains (warning, "declared as utf-8; not valid UTF-8");
  /* the shared decoder's guess is named (short text: it may pick any
   * Latin encoding in which 0xE9 is é) */
  assert_contains (warning, "(a guess)");
}

/* No charset declared and not UTF-8: the shared decoder reads the page in
 * the legacy encoding its letters point to (not always Windows-1252) and
 * says so. */
static void
test_undeclared_legacy_charset (void)
{
  const char *body = "Городской совет утвердил новый бюджет на следующий год. "
                     "Депутаты обсуждали расходы на школы, больницы и дороги почти "
                     "четыре часа, а затем проголосовали за проект большинством голосов.";
  g_autofree char *page_utf8 = g_strconcat ("<html><body><p>", body, "</p></body></html>", NULL);
  g_autofree char *page = NULL;
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *text = NULL;
  gsize len;

  page = g_convert (page_utf8, -1, "WINDOWS-1251", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  text = cc_html_extract ((const guint8 *)page, len, NULL, &meta, &warning, &error);
  g_assert_no_error (error);
  g_test_message ("warning: %s", warning);
  g_assert_cmpstr (text, ==, body);
  g_assert_nonnull (warning);
  assert_contains (warning, "no charset declared");
  assert_contains (warning, "WINDOWS-1251");
}

/* A UTF-8 page with a stray byte is UTF-8 with one character replaced, not
 * a Windows-1252 page: its other accents survive, and the warning counts
 * the byte. */
static void
test_stray_byte (void)
{
  const char *page = "<html><body><p>Z\xc3\xbcrich caf\xc3\xa9s stay open\xff late, "
                     "the na\xc3\xafve council said.</p></body></html>";
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *text = cc_html_extract ((const guint8 *)page, strlen (page), NULL, &meta,
                                           &warning, &error);

  g_assert_no_error (error);
  g_test_message ("warning: %s", warning);
  g_assert_cmpstr (text, ==, "Zürich cafés stay open\xef\xbf\xbd late, the naïve council said.");
  g_assert_cmpstr (warning, ==, "no charset declared; replaced 1 byte that is not UTF-8");
}

static void
test_transport_charset_wins (void)
{
  const char *page = "<html><head><meta charset=\"utf-8\"></head><body>"
                     "<p>\xc0 bient\xf4t.</p></body></html>";
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *text = cc_html_extract ((const guint8 *)page, strlen (page), "ISO-8859-1",
                                           &meta, &warning, &error);

  g_assert_no_error (error);
  g_assert_null (warning);
  g_assert_cmpstr (text, ==, "À bientôt.");
}

/* 1,000,000 nested elements: no recursion here, and libxml2 stops at its
 * own depth limit; the page is refused with a message that says so, and a
 * page with text above the limit is read with a warning. */
static void
test_deep_page (void)
{
  const guint depth = 1000000;
  g_autoptr(GString) page = g_string_new ("<html><body>");
  g_autoptr(GString) partly = g_string_new ("<html><body><p>A sentence near the top.</p>");
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < depth; i++)
    {
      g_string_append (page, "<div>");
      g_string_append (partly, "<div>");
    }
  g_string_append (page, "<p>Deep down there is a sentence.</p>");
  text = cc_html_extract ((const guint8 *)page->str, page->len, NULL, &meta, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "is nested too deeply to read (elements more than 256 levels deep)");
  g_clear_error (&error);

  text = cc_html_extract ((const guint8 *)partly->str, partly->len, NULL, &meta, &warning, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "A sentence near the top.");
  g_assert_cmpstr (warning, ==, "nested more than 256 levels deep; read only what lies above");
}

static void
test_deep_json_ld (void)
{
  g_autoptr(GString) page = g_string_new ("<html><head><script type=\"application/ld+json\">");
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (page, '[');
  g_string_append (page, "</script><title>Deep data</title></head>"
                         "<body><p>The text is still read.</p></body></html>");
  text = cc_html_extract ((const guint8 *)page->str, page->len, NULL, &meta, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "The text is still read.");
  g_assert_cmpstr (meta->title, ==, "Deep data");
}

static void
test_bad_pages (void)
{
  const char *empty = "<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>";
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  char *text = cc_html_extract ((const guint8 *)empty, strlen (empty), NULL, &meta, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, CC_ERROR, CC_ERROR_EMPTY);
  g_assert_null (meta);
  g_clear_error (&error);
  text = cc_html_extract ((const guint8 *)"", 0, NULL, &meta, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CC_ERROR, CC_ERROR_EMPTY);
}

/* A page saved as one file: the HTML part decoded from quoted-printable
 * in UTF-8, soft line breaks joined, the other parts ignored. */
static void
test_mhtml (void)
{
  g_autofree char *path = fixture_path ("saved-page.mhtml");
  g_autofree char *data = NULL;
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(CcDocumentMeta) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  text = cc_mhtml_extract ((const guint8 *)data, len, &meta, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "Market hall reopens\n\n"
                   "The covered market reopened on Saturday with forty stalls, among them a café "
                   "run by the town’s bakers.\n\n"
                   "Rents will stay at last year’s level until the autumn.");
  g_assert_cmpstr (meta->title, ==, "Market hall reopens");
  g_assert_cmpstr (meta->outlet, ==, "Town Gazette");
  g_assert_cmpstr (meta->url, ==, "https://gazette.example/market-hall");
  g_assert_cmpstr (meta->language, ==, "en");

  g_clear_pointer (&text, g_free);
  text = cc_mhtml_extract ((const guint8 *)"<html><body>plain</body></html>", 31, &none, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "is not a saved web page (no MIME multipart boundary)");
}

/* Through the importer: metadata stored, a saved page's _files folder
 * skipped, a bad page named with its reason, and an annotation on a page
 * survives a changed re-import. */
static void
test_import (void)
{
  char *dir = cc_test_tmpdir_new ();
  g_autofree char *src = fixture_path ("news-site.html");
  g_autofree char *data = NULL;
  g_autofree char *page = NULL;
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(CcImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDocument) doc = NULL;
  g_autofree char *edited = NULL;
  const char *paths[2] = { NULL, NULL };
  const char *quote = "six million more than planned";
  gsize len;
  gint64 id = 0;
  char *at;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  page = cc_test_write_file (dir, "articles/bridge.html", data, len);
  g_free (cc_test_write_file (dir, "articles/bridge_files/frame.html",
                              "<html><body><p>An advert frame with enough words.</p></body></html>", -1));
  g_free (cc_test_write_file (dir, "articles/broken.htm", "<html><body><nav>x</nav></body></html>", -1));
  paths[0] = g_build_filename (dir, "articles", NULL);

  report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->skipped, ==, 1);
  for (guint i = 0; i < report->events->len; i++)
    {
      CcImportEvent *event = report->events->pdata[i];
      g_assert_null (strstr (event->path, "_files"));
      if (event->status == CC_IMPORT_SKIPPED)
        {
          g_assert_true (g_str_has_suffix (event->path, "broken.htm"));
          g_assert_cmpstr (event->message, ==, "holds no article text");
        }
      else
        id = event->document_id;
    }
  doc = cc_store_get_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_document_get_title (doc), ==, "Harbour bridge reopens after eight months of repairs");
  g_assert_cmpstr (cc_document_get_outlet (doc), ==, "The Coastal Ledger");
  g_assert_cmpstr (cc_document_get_byline (doc), ==, "Mira Okonjo");
  g_assert_cmpstr (cc_document_get_published (doc), ==, "2025-03-14T07:45:00Z");
  g_assert_cmpstr (cc_document_get_url (doc), ==, "https://ledger.example/news/harbour-bridge-reopens");
  g_assert_cmpstr (cc_document_get_language (doc), ==, "en-GB");

  /* annotate, change the page, re-import */
  cc_test_annotate_quote (store, id, quote);
  edited = g_strdup (data);
  at = strstr (edited, "<p>The council said");
  g_assert_nonnull (at);
  {
    g_autofree char *changed = g_strdup_printf ("%.*s<p>A new first paragraph was added after "
                                                "publication, as corrections often are.</p>%s",
                                                (int)(at - edited), edited, at);
    g_free (cc_test_write_file (dir, "articles/bridge.html", changed, -1));
  }
  {
    g_autoptr(CcImportReport) again = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->updated, ==, 1);
  }
  cc_test_assert_only_annotation_on (store, id, quote);
  /* both exports name outlet, author, date and link */
  {
    g_autoptr(CcExportOptions) options = cc_export_options_new ();
    g_autofree char *markdown = cc_export_markdown (store, options, NULL, &error);
    g_autofree char *json = NULL;

    g_assert_no_error (error);
    assert_contains (markdown, "    outlet: \"The Coastal Ledger\"\n");
    assert_contains (markdown, "    author: \"Mira Okonjo\"\n");
    assert_contains (markdown, "    published: \"2025-03-14T07:45:00Z\"\n");
    assert_contains (markdown, "    url: \"https://ledger.example/news/harbour-bridge-reopens\"\n");
    assert_contains (markdown, "14 Mar 2025");
    json = cc_w3c_export (store, options, &error);
    g_assert_no_error (error);
    assert_contains (json, "\"creator\" : \"Mira Okonjo\"");
    assert_contains (json, "\"crosscheck:published\" : \"2025-03-14T07:45:00Z\"");
    assert_contains (json, "\"crosscheck:url\" : \"https://ledger.example/news/harbour-bridge-reopens\"");
    assert_contains (json, "\"language\" : \"en-GB\"");
  }
  g_free ((char *)paths[0]);

  /* The page's _files folder chosen alone, or with the page, stands for
   * the page: nothing of the folder becomes a document. */
  {
    g_autofree char *folder = g_build_filename (dir, "articles", "bridge_files", NULL);
    const char *chosen[] = { folder, page, folder, NULL };
    g_autoptr(CcImportReport) again = cc_import_paths (store, chosen, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (again->added, ==, 0);
    g_assert_cmpuint (again->skipped, ==, 0);
    g_assert_cmpuint (again->events->len, ==, 1);
    g_assert_cmpstr (((CcImportEvent *)again->events->pdata[0])->path, ==, page);
    g_assert_cmpuint (cc_store_count_documents (store), ==, 1);
  }
  g_clear_object (&store);
  cc_test_tmpdir_free (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html/news-site", test_news_site);
  g_test_add_func ("/html/blog", test_blog);
  g_test_add_func ("/html/amp", test_amp);
  g_test_add_func ("/html/json-ld-only", test_json_ld_only);
  g_test_add_func ("/html/no-metadata", test_no_metadata);
  g_test_add_func ("/html/charset", test_charset);
  g_test_add_func ("/html/wrong-charset", test_wrong_charset);
  g_test_add_func ("/html/transport-charset", test_transport_charset_wins);
  g_test_add_func ("/html/undeclared-legacy-charset", test_undeclared_legacy_charset);
  g_test_add_func ("/html/stray-byte", test_stray_byte);
  g_test_add_func ("/html/deep-page", test_deep_page);
  g_test_add_func ("/html/deep-json-ld", test_deep_json_ld);
  g_test_add_func ("/html/bad-pages", test_bad_pages);
  g_test_add_func ("/html/mhtml", test_mhtml);
  g_test_add_func ("/html/import", test_import);
  return g_test_run ();
}
