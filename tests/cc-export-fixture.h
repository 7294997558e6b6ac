/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-annotation-store.h"
#include "cc-store.h"

G_BEGIN_DECLS

/* A small library of made-up articles for the export tests, one of them
 * full of Markdown and HTML syntax, and helpers to annotate them. */

typedef struct
{
  char      *dir;
  char      *corpus;    /* the article files */
  CcStore   *store;
  GPtrArray *documents; /* CcDocument, library order */
} CcExportFixture;

/* Writes the articles into @corpus_name under a fresh temporary folder and,
 * when @import, imports them into a new library there. */
CcExportFixture *cc_export_fixture_new        (gboolean          import);
void             cc_export_fixture_free       (CcExportFixture  *fixture);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcExportFixture, cc_export_fixture_free)

/* Imports the fixture's articles into @store. */
void             cc_export_fixture_import     (CcExportFixture  *fixture,
                                               CcStore          *store);
/* The document of @store whose base name is @basename. */
CcDocument      *cc_export_fixture_document   (CcStore          *store,
                                               const char       *basename);
/* Annotates the first occurrence of @needle in the document (asserts it is
 * there). @tags is a NULL-terminated list or NULL. */
CcAnnotation    *cc_export_fixture_annotate   (CcStore          *store,
                                               CcDocument       *document,
                                               const char       *needle,
                                               const char       *color,
                                               const char       *note,
                                               const char * const *tags);
/* A set of annotations on every article, with notes, tags, colours, fixed
 * times, one moved and one orphaned; returns them (CcAnnotation). */
GPtrArray       *cc_export_fixture_annotate_all (CcExportFixture *fixture);

/* The notes the hostile tests use: each tries something Markdown would
 * read as syntax. NULL-terminated. */
const char * const *cc_export_fixture_hostile_notes  (void);
/* Passages of the hostile article to quote. NULL-terminated. */
const char * const *cc_export_fixture_hostile_quotes (void);

G_END_DECLS
