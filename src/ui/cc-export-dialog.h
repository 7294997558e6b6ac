/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cc-document.h"
#include "cc-export.h"
#include "cc-session.h"

G_BEGIN_DECLS

#define CC_TYPE_EXPORT_DIALOG (cc_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CcExportDialog, cc_export_dialog, CC, EXPORT_DIALOG, AdwWindow)

/* The Export… dialog: scope (this article, the articles in the list, the
 * whole library), colour and tag filters, format (Markdown or W3C JSON),
 * entity summary and conflicts (Markdown), then a file chooser. The file is
 * written atomically in a thread; when it is done a toast (through
 * @session) offers to open it, and a failure is shown in a message dialog.
 *
 * The library and the current document come from @session (whose store
 * must be open); @listed (nullable): the documents the list shows
 * (CcDocument items of the current story), the default scope while a
 * story is current. */
CcExportDialog *cc_export_dialog_new          (GtkWindow        *parent,
                                               CcSession        *session,
                                               GListModel       *listed);
/* The options as the dialog is set (for tests). */
CcExportOptions *cc_export_dialog_get_options (CcExportDialog   *self);
CcExportFormat   cc_export_dialog_get_format  (CcExportDialog   *self);
/* Exports to @file without asking (the file chooser's accept path). */
void             cc_export_dialog_export_to   (CcExportDialog   *self,
                                               GFile            *file);

G_END_DECLS
