/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-application.h"

G_BEGIN_DECLS

/* What the GUI tests share. They wait for conditions by iterating the main
 * loop with an iteration cap, never for a time. */

typedef gboolean (*CcUiCondition) (gpointer data);

/* Iterates the main loop until @condition holds, at most @max_iterations
 * times; returns whether it held. */
gboolean cc_ui_test_wait_for_at_most (CcUiCondition  condition,
                                      gpointer       data,
                                      guint          max_iterations);
/* The same with a generous cap (slow machines, sanitizers). */
gboolean cc_ui_test_wait_for         (CcUiCondition  condition,
                                      gpointer       data);
/* Runs whatever is pending, without blocking. */
void     cc_ui_test_drain            (void);
/* Waits until @widget is mapped, has a size and has drawn a few frames,
 * so its text is laid out. */
void     cc_ui_test_wait_for_frames  (GtkWidget     *widget);
/* Saves a PNG of @widget as @name in the build directory and checks that
 * something was drawn (not every pixel is the same). */
void     cc_ui_test_save_screenshot  (GtkWidget     *widget,
                                      const char    *name);
/* The first child of @box of type @type, or NULL. */
GtkWidget *cc_ui_test_find_child     (GtkBox        *box,
                                      GType          type);
/* A condition: the window (a GtkNative) is on a monitor. */
gboolean cc_ui_test_on_a_monitor     (gpointer       window);

/* The environment of a GUI test process: private XDG folders under a new
 * temporary folder (*@home, for cc_test_tmpdir_free()), GSettings in
 * memory, no accessibility bus, no session bus unless one is given; then
 * g_test_init(). FALSE when there is no display: main() then returns 77
 * (skipped). */
gboolean       cc_ui_test_init             (int            *argc,
                                            char         ***argv,
                                            char          **home);
/* The application the tests drive: registered, not unique, animations off. */
CcApplication *cc_ui_test_application_new  (void);

G_END_DECLS
