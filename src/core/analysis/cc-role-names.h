/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-part-compare.h"
#include "cc-statement.h"

G_BEGIN_DECLS

/* Names in the same role across a story: a stage next to the spelling
 * variants. A name right after a title in lower case ("Russian cosmonaut
 * X", "ahead of compatriot X") is the one person who holds that role in a
 * document when the document gives the same two words to no other name.
 * Two documents that give the role to names with no word in common
 * disagree: naming when some word of one is a spelling of a word of the
 * other, else a claim (another person). A longer form of the same name
 * ("Daniel Mateiko", "Daniel Kibet Mateiko") is no disagreement.
 * Linear: one pass over the names, a hash of roles, bounded rows. */

#define CC_ROLE_NAMES_MAX_ROWS 1000

void cc_role_names_find (GPtrArray *statements,
                         GArray    *out);

G_END_DECLS
