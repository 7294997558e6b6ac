/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-ui-test.h"

#define MAX_ITERATIONS 200000
#define MAX_FRAME_ITERATIONS 20000
#define FRAMES 4

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
cc_ui_test_wait_for_at_most (CcUiCondition condition,
                             gpointer      data,
                             guint         max_iterations)
{
  /* The periodic source only makes sure each iteration returns. */
  guint source = g_timeout_add (5, tick, NULL);
  gboolean ok = FALSE;

  for (guint i = 0; i < max_iterations; i++)
    {
      if (condition (data))
        {
          ok = TRUE;
          break;
        }
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (source);
  return ok;
}

gboolean
cc_ui_test_wait_for (CcUiCondition condition,
                     gpointer      data)
{
  return cc_ui_test_wait_for_at_most (condition, data, MAX_ITERATIONS);
}

void
cc_ui_test_drain (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
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
  FrameWait *wait = data;

  /* Frames count once the widget is on screen with a size. */
  if (gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0)
    wait->frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
enough_frames (gpointer data)
{
  return ((FrameWait *) data)->frames >= FRAMES;
}

void
cc_ui_test_wait_for_frames (GtkWidget *widget)
{
  FrameWait wait = { 0 };
  guint id;

  id = gtk_widget_add_tick_callback (widget, count_frame, &wait, NULL);
  gtk_widget_queue_draw (widget);
  g_assert_true (cc_ui_test_wait_for_at_most (enough_frames, &wait, MAX_FRAME_ITERATIONS));
  gtk_widget_remove_tick_callback (widget, id);
  cc_ui_test_drain ();
}

void
cc_ui_test_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gsize stride;
  guint32 first;
  gboolean varied = FALSE;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                           name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);

  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  first = *(guint32 *) pixels;
  for (gsize i = 0; i < (gsize) width * height && !varied; i += 97)
    varied = ((guint32 *) pixels)[i] != first;
  g_assert_true (varied);
}

gboolean
cc_ui_test_on_a_monitor (gpointer window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface != NULL &&
         gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) != NULL;
}

GtkWidget *
cc_ui_test_find_child (GtkBox *box,
                       GType   type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
  return NULL;
}

gboolean
cc_ui_test_init (int     *argc,
                 char  ***argv,
                 char   **home)
{
  *home = g_dir_make_tmp ("crosscheck-ui-test-XXXXXX", NULL);
  g_assert_nonnull (*home);
  g_setenv ("XDG_DATA_HOME", *home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", *home, TRUE);
  g_setenv ("XDG_CACHE_HOME", *home, TRUE);
  g_setenv ("XDG_STATE_HOME", *home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/crosscheck-test-bus", TRUE);

  g_test_init (argc, argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run. Skipping.\n");
      return FALSE;
    }
  return TRUE;
}

CcApplication *
cc_ui_test_application_new (void)
{
  g_autoptr(GError) error = NULL;
  CcApplication *app = cc_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return app;
}
