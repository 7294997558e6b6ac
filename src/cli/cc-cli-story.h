/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-cli-common.h"
#include "cc-export.h"
#include "cc-importer.h"

G_BEGIN_DECLS

/* --story NAME: put it in a command's option entries. */
#define CC_CLI_STORY_OPTION(cli) \
  { "story", 0, 0, G_OPTION_ARG_STRING, &(cli)->story, \
    N_("Only the documents of story NAME (its name or id)"), N_("NAME") }

/* cc_cli_resolve_documents() within the story of --story, when given: with
 * no document named, the story's documents; a document named that is not
 * in the story is an error. */
GPtrArray *cc_cli_story_documents     (CcCli          *cli,
                                       CcStore        *store,
                                       int             argc,
                                       char          **argv,
                                       GError        **error);
/* Keeps only the search hits (CcSearchHit) of the story's documents, then
 * at most @limit (0: all). */
gboolean   cc_cli_story_filter_hits   (CcCli          *cli,
                                       CcStore        *store,
                                       GPtrArray      *hits,
                                       guint           limit,
                                       GError        **error);
/* Keeps only the annotations (CcAnnotation) on the story's documents. */
gboolean   cc_cli_story_filter_annotations (CcCli     *cli,
                                            CcStore   *store,
                                            GPtrArray *annotations,
                                            GError   **error);
/* Adds what an import read to the story of --story, creating it if needed. */
gboolean   cc_cli_story_add_import    (CcCli          *cli,
                                       CcStore        *store,
                                       CcImportReport *report,
                                       GError        **error);
/* Sets the export's documents to the story's (an empty story is an error:
 * no documents would mean the whole library). */
gboolean   cc_cli_story_export_scope  (CcCli          *cli,
                                       CcStore        *store,
                                       CcExportOptions *options,
                                       GError        **error);

int cc_cli_cmd_stories      (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_story_create (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_story_rename (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_story_delete (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_story_merge  (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_story_add    (CcCli *cli, int argc, char **argv);

G_END_DECLS
