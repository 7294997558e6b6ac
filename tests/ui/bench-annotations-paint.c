/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening and painting a large document with many highlights, against a
 * baseline measured in the same run: opening the same text with none.
 *
 * Both documents (same text, two files) are in one library; the window
 * opens each (coming from a small third document every time) and waits
 * until the reader has drawn. The time
 * covers loading the text, the highlights (the library query and the text
 * tags), the Notes panel's list and the first frames.
 *
 * Needs a display (run under xvfb-run). Environment: CC_BENCH_ANNOTATIONS
 * (default 10000), CC_BENCH_DOC_BYTES (default 1048576), CC_BENCH_ROUNDS
 * (default 5). */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "cc-anchor.h"
#include "cc-annotation-store.h"
#include "cc-application.h"
#include "cc-highlighter.h"
#include "cc-importer.h"
#include "cc-notes-panel.h"
#include "bench/cc-synth.h"
#include "cc-test-util.h"
#include "cc-window.h"

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-annotations-paint: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

typedef struct
{
  guint frames;
} FrameWait;

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  ((FrameWait *) data)->frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until @widget has drawn @n frames. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  FrameWait wait = { 0 };
  guint source = g_timeout_add (5, tick, NULL);
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &wait, NULL);

  gtk_widget_queue_draw (widget);
  for (guint i = 0; i < 1000000 && wait.frames < n; i++)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  g_source_remove (source);
}

/* Opens the document and returns the time until the reader has drawn it;
 * *@all_painted is the time until every highlight is painted (the part in
 * view is painted before the first frame, the rest when idle). */
static gint64 neutral_id;

static double
time_open (CcWindow      *window,
           CcHighlighter *highlighter,
           gint64         document_id,
           double        *all_painted)
{
  CcReaderView *reader = cc_window_get_reader (window);
  gint64 start;
  double first;
  guint source;

  /* From the same small document each time: leaving a large one costs
   * time too, which is not what is measured. */
  if (!cc_window_select_document (window, neutral_id))
    die ("select document", NULL);
  wait_frames (GTK_WIDGET (cc_reader_view_get_text_view (reader)), 2);

  start = g_get_monotonic_time ();
  if (!cc_window_select_document (window, document_id))
    die ("select document", NULL);
  /* Two frames: the first lays out and draws the new text. */
  wait_frames (GTK_WIDGET (cc_reader_view_get_text_view (reader)), 2);
  first = (g_get_monotonic_time () - start) / 1e6;

  source = g_timeout_add (5, tick, NULL);
  while (cc_highlighter_get_painting (highlighter))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  if (all_painted != NULL)
    *all_painted = (g_get_monotonic_time () - start) / 1e6;

  return first;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int    argc,
      char **argv)
{
  const char *env_n = g_getenv ("CC_BENCH_ANNOTATIONS");
  const char *env_bytes = g_getenv ("CC_BENCH_DOC_BYTES");
  const char *env_rounds = g_getenv ("CC_BENCH_ROUNDS");
  guint n = env_n ? (guint) atoi (env_n) : 10000;
  gsize target = env_bytes ? (gsize) atoll (env_bytes) : 1024 * 1024;
  guint rounds = env_rounds ? (guint) MAX (1, atoi (env_rounds)) : 5;
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *annotated_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) built = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) plain_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) annotated_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(CcDocument) plain = NULL;
  g_autoptr(CcDocument) annotated = NULL;
  g_autoptr(CcDocument) neutral = NULL;
  g_autoptr(CcAnchorText) anchor = NULL;
  g_autofree char *neutral_path = NULL;
  CcApplication *app;
  CcWindow *window;
  CcHighlighter *highlighter;
  GRand *rand;
  glong length;
  double t_plain, t_annotated, t_all;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/crosscheck-bench-bus", TRUE);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run. Skipping.\n");
      return 77;
    }

  tmp = cc_test_tmpdir_new ();
  db = g_build_filename (tmp, "library.db", NULL);

  /* One large document, stored twice. */
  for (guint i = 0; built->len < target; i++)
    {
      g_autofree char *article = cc_synth_article (23, i, 40, 5000);
      g_string_append (built, article);
      g_string_append (built, "\n\n");
    }
  plain_path = cc_test_write_file (tmp, "plain.txt", built->str, built->len);
  annotated_path = cc_test_write_file (tmp, "annotated.txt", built->str, built->len);
  neutral_path = cc_test_write_file (tmp, "neutral.txt", "A short note.\n\nNothing else.\n", -1);

  {
    g_autoptr(CcStore) store = cc_store_open (db, &error);
    const char *paths[] = { plain_path, annotated_path, neutral_path, NULL };
    g_autoptr(CcImportReport) report = NULL;

    if (store == NULL)
      die ("open library", error);
    report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    if (report == NULL)
      die ("import", error);
    plain = cc_store_find_document (store, "plain.txt", &error);
    annotated = plain ? cc_store_find_document (store, "annotated.txt", &error) : NULL;
    neutral = annotated ? cc_store_find_document (store, "neutral.txt", &error) : NULL;
    if (neutral == NULL)
      die ("find documents", error);
    text = cc_store_load_text (store, cc_document_get_id (annotated), &error);
    if (text == NULL)
      die ("load text", error);
    length = g_utf8_strlen (text, -1);

    /* Highlights spread over the text, 10 to 200 characters, every colour,
     * some overlapping, one in five with a note. */
    anchor = cc_anchor_text_new (text);
    rand = g_rand_new_with_seed (5);
    for (guint i = 0; i < n; i++)
      {
        guint s = (guint) ((guint64) length * i / n) + (guint) g_rand_int_range (rand, 0, 60);
        guint span = (guint) g_rand_int_range (rand, 10, 200);
        guint e = MIN ((guint) length, s + span);
        g_autofree char *quote = NULL;
        g_autofree char *prefix = NULL;
        g_autofree char *suffix = NULL;
        CcAnnotation *a;

        if (s >= (guint) length || s >= e ||
            !cc_anchor_text_describe (anchor, s, e, &quote, &prefix, &suffix))
          continue;
        a = cc_annotation_new ();
        cc_annotation_set_document_id (a, cc_document_get_id (annotated));
        cc_annotation_set_start (a, s);
        cc_annotation_set_end (a, e);
        cc_annotation_set_quote (a, quote);
        cc_annotation_set_prefix (a, prefix);
        cc_annotation_set_suffix (a, suffix);
        cc_annotation_set_color (a, cc_annotation_get_colors ()[g_rand_int_range (rand, 0, 5)]);
        if (i % 5 == 0)
          cc_annotation_set_note (a, "A note on this passage.");
        g_ptr_array_add (batch, a);
      }
    g_rand_free (rand);
    if (!cc_annotation_store_add_all (store, batch, &error))
      die ("store annotations", error);
  }

  app = cc_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    die ("register application", error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  window = cc_window_new (ADW_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  if (!cc_window_open_library (window, db, &error))
    die ("open library in the window", error);
  highlighter = cc_notes_panel_get_highlighter (
    CC_NOTES_PANEL (gtk_widget_get_first_child (GTK_WIDGET (cc_window_get_notes_page (window)))));
  wait_frames (GTK_WIDGET (window), 3);

  neutral_id = cc_document_get_id (neutral);
  g_print ("document: %.2f MB, %ld characters; %u highlights\n",
           strlen (text) / (1024.0 * 1024.0), length, batch->len);

  /* Warm up both, then alternate. */
  time_open (window, highlighter, cc_document_get_id (plain), NULL);
  time_open (window, highlighter, cc_document_get_id (annotated), NULL);
  if (cc_highlighter_get_n_highlights (highlighter) != batch->len)
    {
      g_printerr ("bench-annotations-paint: %u highlights shown, %u expected\n",
                  cc_highlighter_get_n_highlights (highlighter), batch->len);
      return 1;
    }

  for (guint r = 0; r < rounds; r++)
    {
      double all;
      double t = time_open (window, highlighter, cc_document_get_id (plain), NULL);

      g_array_append_val (plain_times, t);
      if (cc_highlighter_get_n_highlights (highlighter) != 0)
        return 1;
      t = time_open (window, highlighter, cc_document_get_id (annotated), &all);
      g_array_append_val (annotated_times, t);
      g_array_append_val (all_times, all);
    }

  t_plain = median (plain_times);
  t_annotated = median (annotated_times);
  t_all = median (all_times);
  g_print ("%-44s %9.1f ms %7.2fx\n", "baseline: open and paint, no highlights", t_plain * 1000, 1.0);
  g_print ("%-44s %9.1f ms %7.2fx\n", "open and paint with highlights",
           t_annotated * 1000, t_annotated / t_plain);
  g_print ("%-44s %9.1f ms %7.2fx\n", "  until every highlight is painted (idle)",
           t_all * 1000, t_all / t_plain);
  g_print ("ratio: %.2f\n", t_annotated / t_plain);

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (app);
  cc_test_tmpdir_free (g_steal_pointer (&tmp));

  return 0;
}
