/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <string.h>

#include "cc-annotation-store.h"
#include "cc-error.h"
#include "cc-importer.h"
#include "cc-pdf.h"
#include "cc-test-util.h"
#include "cc-text.h"

/* PDFs are drawn here with cairo, so every fixture is text written for
 * the test, laid out as the test says. */

#define PAGE_W 595.0
#define PAGE_H 842.0
#define LINE 14.0

typedef struct
{
  double      x;
  double      y;      /* first baseline */
  const char *lines[24];
} Column;

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         len)
{
  g_byte_array_append (closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_lines (cairo_t      *cr,
            const Column *column)
{
  for (guint i = 0; column->lines[i] != NULL; i++)
    {
      cairo_move_to (cr, column->x, column->y + i * LINE);
      cairo_show_text (cr, column->lines[i]);
    }
}

/* @columns: for each page, NULL-terminated columns. Every page gets the
 * running head @head and its number at the foot. */
static GBytes *
make_pdf (const Column * const *pages[],
          const char            *head)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface =
    cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "River survey finds cleaner water");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Ines Varga");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2024-06-03T09:00:00Z");
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_autofree char *number = g_strdup_printf ("%u", p + 1);

      if (head != NULL)
        {
          cairo_move_to (cr, 50, 40);
          cairo_show_text (cr, head);
        }
      for (guint c = 0; pages[p][c] != NULL; c++)
        draw_lines (cr, pages[p][c]);
      cairo_move_to (cr, PAGE_W / 2, PAGE_H - 30);
      cairo_show_text (cr, number);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static const Column left1 = { 50, 100, {
  "The river survey found cleaner water at",
  "nine of the twelve sampling points, the",
  "first rise since the count began.",
  "",
  "Fish returned to the upper reaches, where",
  "inter-",
  "national volunteers counted trout again.",
  NULL } };
static const Column right1 = { 320, 100, {
  "Nitrate levels fell by a fifth after two",
  "farms changed how they spread manure,",
  "the survey team said.",
  NULL } };
static const Column left2 = { 50, 100, {
  "The lower river is still poor. Storm",
  "overflows discharged on forty days last",
  "year, and the water company has promised",
  "new tanks by the end of next year.",
  NULL } };
static const Column right2 = { 320, 100, {
  "The next survey is due in the autumn.",
  NULL } };

static char *
extract (GBytes          *pdf,
         CcDocumentMeta **meta)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (pdf, &len);
  char *text = cc_pdf_extract (data, len, meta, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_test_message ("%s", text);
  return text;
}

static void
test_two_columns (void)
{
  const Column *page1[] = { &left1, &right1, NULL };
  const Column *page2[] = { &left2, &right2, NULL };
  const Column * const *pages[] = { page1, page2, NULL };
  g_autoptr(GBytes) pdf = make_pdf (pages, "Valley Review - Spring issue");
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autofree char *text = extract (pdf, &meta);

  g_assert_cmpstr (meta->title, ==, "River survey finds cleaner water");
  g_assert_cmpstr (meta->byline, ==, "Ines Varga");
  g_assert_cmpstr (meta->published, ==, "2024-06-03");
  /* reading order: the left column, then the right, then page two;
   * running head and page numbers gone; "inter-national" joined */
  g_assert_cmpstr (text, ==,
                   "The river survey found cleaner water at nine of the twelve sampling points, "
                   "the first rise since the count began.\n\n"
                   "Fish returned to the upper reaches, where international volunteers counted "
                   "trout again.\n\n"
                   "Nitrate levels fell by a fifth after two farms changed how they spread "
                   "manure, the survey team said.\n\n"
                   "The lower river is still poor. Storm overflows discharged on forty days last "
                   "year, and the water company has promised new tanks by the end of next year.\n\n"
                   "The next survey is due in the autumn.");
}

static void
test_one_column (void)
{
  static const Column body = { 50, 100, {
    "Volunteers planted four hundred oaks on",
    "the old quarry site on Saturday.",
    "",
    "The trust hopes the wood will be open to",
    "walkers within ten years.",
    NULL } };
  const Column *page1[] = { &body, NULL };
  const Column * const *pages[] = { page1, NULL };
  g_autoptr(GBytes) pdf = make_pdf (pages, NULL);
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autofree char *text = extract (pdf, &meta);

  g_assert_cmpstr (text, ==,
                   "Volunteers planted four hundred oaks on the old quarry site on Saturday.\n\n"
                   "The trust hopes the wood will be open to walkers within ten years.");
}

static void
test_bad_pdf (void)
{
  const char *broken = "%PDF-1.4\nthis is not a PDF body\n";
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  char *text = cc_pdf_extract ((const guint8 *)broken, strlen (broken), &meta, &error);

  g_assert_null (text);
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "cannot be read as PDF"));
}

static void
test_empty_pdf (void)
{
  static const Column none = { 50, 100, { NULL } };
  const Column *page1[] = { &none, NULL };
  const Column * const *pages[] = { page1, NULL };
  g_autoptr(GBytes) pdf = make_pdf (pages, NULL);
  g_autoptr(CcDocumentMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (pdf, &len);
  char *text = cc_pdf_extract (data, len, &meta, &error);

  /* a page number alone is no text */
  g_assert_null (text);
  g_assert_error (error, CC_ERROR, CC_ERROR_EMPTY);
}

/* Through the importer, with an annotation that survives a re-import of
 * a changed PDF; a broken PDF is skipped with its reason. */
static void
test_import (void)
{
  char *dir = cc_test_tmpdir_new ();
  const Column *page1[] = { &left1, &right1, NULL };
  const Column *page2[] = { &left2, &right2, NULL };
  const Column * const *pages[] = { page1, page2, NULL };
  const Column * const *changed[] = { page2, page1, NULL };
  g_autoptr(GBytes) pdf = make_pdf (pages, "Valley Review - Spring issue");
  g_autoptr(GBytes) pdf2 = make_pdf (changed, "Valley Review - Spring issue");
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CcDocument) doc = NULL;
  const char *quote = "Nitrate levels fell by a fifth";
  const char *paths[2] = { NULL, NULL };
  gint64 id;

  path = cc_test_write_file (dir, "survey.pdf", g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_free (cc_test_write_file (dir, "broken.pdf", "%PDF-1.4\ngarbage", -1));
  paths[0] = path;
  {
    g_autoptr(CcImportReport) report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->added, ==, 1);
    id = ((CcImportEvent *)report->events->pdata[0])->document_id;
  }
  doc = cc_store_get_document (store, id, &error);
  g_assert_cmpstr (cc_document_get_title (doc), ==, "River survey finds cleaner water");
  g_assert_cmpstr (cc_document_get_byline (doc), ==, "Ines Varga");
  g_assert_cmpstr (cc_document_get_published (doc), ==, "2024-06-03");

  cc_test_annotate_quote (store, id, quote);
  g_free (cc_test_write_file (dir, "survey.pdf", g_bytes_get_data (pdf2, NULL), g_bytes_get_size (pdf2)));
  {
    g_autoptr(CcImportReport) report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->updated, ==, 1);
  }
  cc_test_assert_only_annotation_on (store, id, quote);
  text = cc_store_load_text (store, id, &error);
  g_assert_false (g_str_has_prefix (text, "The river survey"));  /* it did change */

  {
    g_autofree char *broken = g_build_filename (dir, "broken.pdf", NULL);
    const char *bad[] = { broken, NULL };
    g_autoptr(CcImportReport) report = cc_import_paths (store, bad, NULL, NULL, NULL, &error);
    CcImportEvent *event;

    g_assert_no_error (error);
    g_assert_cmpuint (report->skipped, ==, 1);
    event = report->events->pdata[0];
    g_assert_true (g_str_has_prefix (event->message, "cannot be read as PDF"));
    g_assert_cmpuint (cc_store_count_documents (store), ==, 1);  /* nothing stored is lost */
  }
  g_clear_object (&store);
  cc_test_tmpdir_free (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/two-columns", test_two_columns);
  g_test_add_func ("/pdf/one-column", test_one_column);
  g_test_add_func ("/pdf/bad", test_bad_pdf);
  g_test_add_func ("/pdf/empty", test_empty_pdf);
  g_test_add_func ("/pdf/import", test_import);
  status = g_test_run ();
  cairo_debug_reset_static_data ();  /* cairo's and fontconfig's caches, for the leak checker */
  FcFini ();
  return status;
}
