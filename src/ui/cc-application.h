/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CC_TYPE_APPLICATION (cc_application_get_type ())
G_DECLARE_FINAL_TYPE (CcApplication, cc_application, CC, APPLICATION, AdwApplication)

/* The application: `crosscheck [--db PATH] [FOLDER|FILE...]` opens the
 * library at PATH (or the last one, or the default one) and imports the
 * folders and files given. */
CcApplication *cc_application_new           (void);
/* The app's settings, or NULL when the schema cannot be found (uninstalled
 * runs fall back to the schema compiled in the build directory). */
GSettings     *cc_application_dup_settings  (CcApplication *self);

G_END_DECLS
