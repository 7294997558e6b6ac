/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-store.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed (recursively) by cc_test_tmpdir_free(). */
char     *cc_test_tmpdir_new          (void);
void      cc_test_tmpdir_free         (char        *dir);
/* Writes @len bytes (or strlen when -1) to @dir/@name, creating parents. */
char     *cc_test_write_file          (const char  *dir,
                                       const char  *name,
                                       const char  *data,
                                       gssize       len);
/* Opens a new library in @dir. */
CcStore  *cc_test_open_store          (const char  *dir);
/* Runs crosscheck-cli (from $CROSSCHECK_CLI) with @argv; returns exit status
 * and fills stdout/stderr. */
int       cc_test_run_cli             (const char * const *argv,
                                       char              **out,
                                       char              **err);
const char *cc_test_sample_corpus     (void);
/* Highlights the first occurrence of @quote in document @document_id. */
void      cc_test_annotate_quote      (CcStore     *store,
                                       gint64       document_id,
                                       const char  *quote);
/* The library holds one annotation, placed (not orphaned) on @quote in the
 * current text of document @document_id. */
void      cc_test_assert_only_annotation_on (CcStore    *store,
                                             gint64      document_id,
                                             const char *quote);

G_END_DECLS
