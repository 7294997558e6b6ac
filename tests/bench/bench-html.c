/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing web pages against a baseline measured in the same run: the
 * same files read and parsed by libxml2 alone (htmlReadMemory, free).
 * Reported: extraction alone (cc_html_extract) and the whole import
 * (cc_import_paths into a new library) as ratios to the baseline.
 *
 * Environment: CC_BENCH_PAGES (default 1000), CC_BENCH_BYTES (default 5000,
 * the article text of a page; the page around it adds about 3 kB). */
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#include "cc-html.h"
#include "cc-importer.h"
#include "cc-synth.h"
#include "../cc-test-util.h"

/* A page as news sites lay them out: navigation, a cookie banner, share
 * bars, related links, comments, a footer, OpenGraph and JSON-LD. */
static char *
make_page (guint index,
           guint n_stories,
           gsize bytes)
{
  g_autofree char *article = cc_synth_article (7, index, n_stories, bytes);
  g_auto(GStrv) paragraphs = g_strsplit (article, "\n", -1);
  g_autoptr(GString) page = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (paragraphs[0], -1);

  g_string_append_printf (page,
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | Outlet %u</title>"
    "<meta property=\"og:site_name\" content=\"Outlet %u\">"
    "<meta property=\"article:published_time\" content=\"2025-02-%02uT08:00:00Z\">"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"page %u\","
    "\"author\":{\"name\":\"Writer %u\"}}</script>"
    "<style>body{margin:0}</style><script>window.x=1;</script></head><body>"
    "<div class=\"cookie-banner\">We use cookies. <button>Accept all cookies</button></div>"
    "<header><nav><ul>", title, index % 17, index % 17, 1 + index % 28, index, index % 40);
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (page, "<li><a href=\"/s%u\">Section %u</a></li>", i, i);
  g_string_append (page, "</ul></nav></header><main><article>");
  g_string_append_printf (page, "<h1>%s</h1><p class=\"byline\">By Writer %u</p>"
                                "<div class=\"share\"><a href=\"#\">Share</a></div>",
                          title, index % 40);
  for (guint i = 1; paragraphs[i] != NULL; i++)
    if (*paragraphs[i])
      {
        g_autofree char *escaped = g_markup_escape_text (paragraphs[i], -1);
        g_string_append_printf (page, "<p>%s</p>", escaped);
      }
  g_string_append (page, "<aside class=\"related\"><ul>");
  for (guint i = 0; i < 6; i++)
    g_string_append_printf (page, "<li><a href=\"/r%u\">Related story %u</a></li>", i, i);
  g_string_append (page, "</ul></aside></article><section id=\"comments\">");
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (page, "<div class=\"comment\"><p>Comment %u on this.</p></div>", i);
  g_string_append (page, "</section></main><footer><p>Copyright</p></footer></body></html>");
  return g_string_free (g_steal_pointer (&page), FALSE);
}

static GPtrArray *
list_pages (const char *dir)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_dir_close (d);
  return paths;
}

static double
run_baseline (GPtrArray *paths)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *data = NULL;
      gsize len;
      htmlDocPtr doc;

      if (!g_file_get_contents (paths->pdata[i], &data, &len, NULL))
        exit (1);
      doc = htmlReadMemory (data, len, NULL, "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
      xmlFreeDoc (doc);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
run_extract (GPtrArray *paths)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *data = NULL;
      g_autofree char *text = NULL;
      g_autoptr(CcDocumentMeta) meta = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;

      if (!g_file_get_contents (paths->pdata[i], &data, &len, NULL))
        exit (1);
      text = cc_html_extract ((const guint8 *)data, len, NULL, &meta, NULL, &error);
      if (text == NULL)
        {
          g_printerr ("%s: %s\n", (char *)paths->pdata[i], error->message);
          exit (1);
        }
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
run_import (const char *dir,
            const char *db,
            guint       expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_open (db, &error);
  g_autoptr(CcImportReport) report = NULL;
  const char *paths[] = { dir, NULL };
  gint64 start = g_get_monotonic_time ();

  report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
  if (report == NULL || report->added != expected)
    {
      g_printerr ("import failed: %s\n", error ? error->message : "not every page added");
      exit (1);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (void)
{
  const char *env_pages = g_getenv ("CC_BENCH_PAGES");
  const char *env_bytes = g_getenv ("CC_BENCH_BYTES");
  guint count = env_pages ? (guint)atoi (env_pages) : 1000;
  gsize bytes = env_bytes ? (gsize)atoi (env_bytes) : 5000;
  char *tmp = cc_test_tmpdir_new ();
  g_autofree char *dir = g_build_filename (tmp, "pages", NULL);
  g_autofree char *db = g_build_filename (tmp, "library.db", NULL);
  g_autoptr(GPtrArray) paths = NULL;
  gsize total = 0;
  double base, extract, import;

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *page = make_page (i, MAX (1, count / 10), bytes);
      g_autofree char *name = g_strdup_printf ("page-%05u.html", i);
      total += strlen (page);
      g_free (cc_test_write_file (dir, name, page, -1));
    }
  paths = list_pages (dir);

  /* warm the page cache, then measure */
  run_baseline (paths);
  base = run_baseline (paths);
  extract = run_extract (paths);
  import = run_import (dir, db, count);

  g_print ("pages: %u (%.1f MB of HTML)\n", count, total / (1024.0 * 1024.0));
  g_print ("libxml2 parse alone (baseline): %.3f s\n", base);
  g_print ("cc_html_extract:                %.3f s  (%.2f x baseline)\n", extract, extract / base);
  g_print ("import into a library:          %.3f s  (%.2f x baseline)\n", import, import / base);
  cc_test_tmpdir_free (tmp);
  return 0;
}
