/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cc-store.h"

G_BEGIN_DECLS

typedef enum
{
  CC_CLI_FORMAT_TSV,
  CC_CLI_FORMAT_JSON,
} CcCliFormat;

typedef struct
{
  char        *db_path;   /* --db, or NULL for the default library */
  char        *format;    /* --format as given */
  CcCliFormat  output;    /* parsed --format */
  char        *story;     /* --story (cc-cli-story.h), or NULL: the whole library */
  const char  *command;
} CcCli;

/* Parses the command's own options together with the common ones (--db,
 * --format). On return argv holds the positional arguments (argv[0] is the
 * command). */
gboolean   cc_cli_parse             (CcCli              *cli,
                                     const char         *parameter_string,
                                     const char         *summary,
                                     const GOptionEntry *entries,
                                     int                *argc,
                                     char             ***argv,
                                     GError            **error);
CcStore   *cc_cli_open_store        (CcCli              *cli,
                                     GError            **error);
/* Documents named on the command line (id, base name or path), or every
 * document of the library when none is named. */
GPtrArray *cc_cli_resolve_documents (CcStore            *store,
                                     int                 argc,
                                     char              **argv,
                                     GError            **error);
/* One TSV line: fields separated by tabs, with tab, newline, CR and backslash
 * escaped as \t \n \r \\. NULL prints as an empty field. Text that is not
 * UTF-8 (a file name) is shown with U+FFFD for its invalid bytes, in TSV
 * as in JSON. */
void       cc_cli_print_row         (const char * const *fields,
                                     guint               n_fields);
/* Prints @node, after making its strings valid UTF-8 in place. */
void       cc_cli_print_json        (JsonNode           *node);
/* Prints "crosscheck-cli: MESSAGE" on stderr and returns the exit status 1. */
int        cc_cli_fail              (const GError       *error);

G_END_DECLS
