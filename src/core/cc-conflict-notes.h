/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cc-store.h"

G_BEGIN_DECLS

/* Notes on a fact of the library ("which source is right?"), kept in the
 * conflict_notes table. A note is keyed by the fact's stable key
 * (CcFact.key of cc-conflicts.h), and keeps the subject and attribute it was
 * written for so that it can be exported even when the fact is no longer
 * found. Times are seconds since the Unix epoch. */

typedef struct
{
  char   *key;
  char   *subject;
  char   *attribute;
  char   *note;
  gint64  created;
  gint64  modified;
} CcConflictNote;

void            cc_conflict_note_free     (CcConflictNote  *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcConflictNote, cc_conflict_note_free)

/* The note for @key, or NULL (with @error unset) when there is none. */
CcConflictNote *cc_conflict_notes_get     (CcStore         *store,
                                           const char      *key,
                                           GError         **error);
/* Creates or updates the note for @key (keeping its creation time). A note
 * that is empty or only white space deletes it. */
gboolean        cc_conflict_notes_set     (CcStore         *store,
                                           const char      *key,
                                           const char      *subject,
                                           const char      *attribute,
                                           const char      *note,
                                           GError         **error);
/* Deleting a note that does not exist is not an error. */
gboolean        cc_conflict_notes_delete  (CcStore         *store,
                                           const char      *key,
                                           GError         **error);
/* Every note, ordered by subject, attribute and key: a GPtrArray of
 * CcConflictNote. */
GPtrArray      *cc_conflict_notes_list    (CcStore         *store,
                                           GError         **error);

G_END_DECLS
