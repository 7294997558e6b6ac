/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time to first draw of a document with about 20,000 entity mentions,
 * underlined by the Entities tab, next to opening the same text with no
 * marks (underlining off), measured in the same run. The mentions are
 * cached before timing (a first open analyses the text; that is reported
 * apart). Each open starts from the same small document.
 *
 * Needs a display (run under xvfb-run). Environment: CC_BENCH_MENTIONS
 * (default 20000), CC_BENCH_ROUNDS (default 5). */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "cc-application.h"
#include "cc-entities-panel.h"
#include "cc-entities.h"
#include "cc-importer.h"
#include "cc-test-util.h"
#include "cc-window.h"

typedef struct
{
  guint frames;
} FrameWait;

static gint64 neutral_id;

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  ((FrameWait *)data)->frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

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

static double
time_open (CcWindow *window,
           gint64    id)
{
  GtkWidget *view = GTK_WIDGET (cc_reader_view_get_text_view (cc_window_get_reader (window)));
  gint64 start;

  cc_window_select_document (window, neutral_id);
  wait_frames (view, 2);
  start = g_get_monotonic_time ();
  cc_window_select_document (window, id);
  wait_frames (view, 2);
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return v[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *env_mentions = g_getenv ("CC_BENCH_MENTIONS");
  const char *env_rounds = g_getenv ("CC_BENCH_ROUNDS");
  guint want = env_mentions ? atoi (env_mentions) : 20000;
  guint rounds = env_rounds ? MAX (1, atoi (env_rounds)) : 5;
  g_autofree char *home = g_dir_make_tmp ("crosscheck-bench-XXXXXX", NULL);
  char *dir = cc_test_tmpdir_new ();
  g_autoptr(GString) text = g_string_new ("Entity Bench\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcApplication) app = NULL;
  g_autofree char *folder = g_build_filename (dir, "docs", NULL);
  g_autofree char *db = NULL;
  g_autofree double *plain = g_new0 (double, rounds);
  g_autofree double *marked = g_new0 (double, rounds);
  g_autofree double *all = g_new0 (double, rounds);
  gint64 big_id = 0;
  guint n_mentions = 0;
  double first_open;
  CcWindow *window;
  CcEntitiesPanel *panel;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run. Skipping.\n");
      return 77;
    }
  gtk_init ();

  /* About five mentions per sentence. */
  for (guint i = 0; i * 5 < want; i++)
    g_string_append_printf (text, "Jane Whitlock of Acme Robotics Inc. said on April %u, 2026 "
                                  "that revenue rose %u%% to $%u million in Oslo.%s",
                            1 + i % 28, 1 + i % 90, 10 + i % 500, i % 8 == 7 ? "\n" : " ");
  g_free (cc_test_write_file (dir, "docs/big.txt", text->str, -1));
  g_free (cc_test_write_file (dir, "docs/small.txt", "Small\nA short note.\n", -1));
  {
    g_autoptr(CcStore) store = cc_test_open_store (dir);
    const char *paths[] = { folder, NULL };
    g_autoptr(CcImportReport) report = cc_import_paths (store, paths, NULL, NULL, NULL, &error);
    g_autoptr(GPtrArray) docs = NULL;

    if (report == NULL)
      g_error ("import: %s", error->message);
    db = g_strdup (cc_store_get_path (store));
    docs = cc_store_list_documents (store, NULL);
    for (guint i = 0; i < docs->len; i++)
      {
        if (g_str_equal (cc_document_get_basename (docs->pdata[i]), "big.txt"))
          big_id = cc_document_get_id (docs->pdata[i]);
        else
          neutral_id = cc_document_get_id (docs->pdata[i]);
      }
  }

  app = cc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = cc_window_new (ADW_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 3);
  if (!cc_window_open_library (window, db, &error))
    g_error ("open: %s", error->message);
  panel = CC_ENTITIES_PANEL (gtk_widget_get_first_child (GTK_WIDGET (cc_window_get_entities_page (window))));

  /* First open: analysis (extraction + cache write) included. */
  cc_entities_panel_set_underline (panel, TRUE);
  first_open = time_open (window, big_id);
  {
    g_autoptr(CcStore) store = cc_store_open (db, NULL);
    g_autoptr(GPtrArray) m = cc_entities_for_document (store, big_id, NULL);
    n_mentions = m ? m->len : 0;
  }

  for (guint r = 0; r < rounds; r++)
    {
      cc_entities_panel_set_underline (panel, FALSE);
      plain[r] = time_open (window, big_id);
      cc_entities_panel_set_underline (panel, TRUE);
      marked[r] = time_open (window, big_id);
      {
        /* until every mention is underlined, for the report */
        gint64 t0 = g_get_monotonic_time ();
        guint source = g_timeout_add (5, tick, NULL);
        while (cc_entities_panel_get_busy (panel))
          g_main_context_iteration (NULL, TRUE);
        g_source_remove (source);
        all[r] = marked[r] + (g_get_monotonic_time () - t0) / 1e6;
      }
    }

  printf ("entities paint bench: %u mentions, %.0f KB text, %u rounds (medians)\n",
          n_mentions, text->len / 1024.0, rounds);
  printf ("  first open (analysis + cache + marks): %.3f s\n", first_open);
  printf ("  open, no marks:                        %.3f s\n", median (plain, rounds));
  printf ("  open, %u mentions underlined:        %.3f s\n", n_mentions, median (marked, rounds));
  printf ("  ratio marked/plain (first draw): %.2fx\n", median (marked, rounds) / median (plain, rounds));
  printf ("  until all %u underlined:            %.3f s\n", n_mentions, median (all, rounds));

  gtk_window_destroy (GTK_WINDOW (window));
  cc_test_tmpdir_free (dir);
  return 0;
}
