/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-cli-common.h"

G_BEGIN_DECLS

/* Each command takes the positional argv (argv[0] = command name) and returns
 * the process exit status. Add new commands to the table in crosscheck-cli.c. */
int cc_cli_cmd_import  (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_list    (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_search  (CcCli *cli, int argc, char **argv);
/* entities (issue 3) */
int cc_cli_cmd_entities (CcCli *cli, int argc, char **argv);
/* annotations (issue 4) */
int cc_cli_cmd_annotate          (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_annotations       (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_annotation_delete (CcCli *cli, int argc, char **argv);
/* claims, compare, conflicts (issue 5) */
int cc_cli_cmd_claims    (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_compare   (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_conflicts (CcCli *cli, int argc, char **argv);
/* export (issue 6) */
int cc_cli_cmd_export             (CcCli *cli, int argc, char **argv);
int cc_cli_cmd_import_annotations (CcCli *cli, int argc, char **argv);

G_END_DECLS
