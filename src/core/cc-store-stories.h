/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-importer.h"
#include "cc-store.h"
#include "cc-story.h"

G_BEGIN_DECLS

/* Stories in the library. Each write runs in a transaction of its own, or
 * joins the caller's. Deleting or merging a story never touches documents,
 * annotations or notes: a document in no story is still under "All
 * articles" (story id 0). */

/* Creates a story; a name already taken (ignoring case) or blank gives
 * CC_ERROR_INVALID. Returns its id, 0 on failure. */
gint64      cc_store_create_story          (CcStore       *self,
                                            const char    *name,
                                            const char    *folder,
                                            GError       **error);
/* The story named @name, creating it when there is none. */
gint64      cc_store_ensure_story          (CcStore       *self,
                                            const char    *name,
                                            GError       **error);
/* Every story by name, each with its number of documents. */
GPtrArray  *cc_store_list_stories          (CcStore       *self,
                                            GError       **error);
CcStory    *cc_store_get_story             (CcStore       *self,
                                            gint64         id,
                                            GError       **error);
/* By name (ignoring case) or by id ("3"). */
CcStory    *cc_store_find_story            (CcStore       *self,
                                            const char    *name,
                                            GError       **error);
gboolean    cc_store_rename_story          (CcStore       *self,
                                            gint64         id,
                                            const char    *name,
                                            GError       **error);
gboolean    cc_store_set_story_folder      (CcStore       *self,
                                            gint64         id,
                                            const char    *folder,
                                            GError       **error);
/* Moves the documents of @from into @into and deletes @from. */
gboolean    cc_store_merge_stories         (CcStore       *self,
                                            gint64         from,
                                            gint64         into,
                                            GError       **error);
gboolean    cc_store_delete_story          (CcStore       *self,
                                            gint64         id,
                                            GError       **error);
/* Adds (or removes) @n_ids documents to (from) a story; adding one that is
 * already there is not an error. */
gboolean    cc_store_add_to_story          (CcStore       *self,
                                            gint64         story_id,
                                            const gint64  *document_ids,
                                            guint          n_ids,
                                            GError       **error);
gboolean    cc_store_remove_from_story     (CcStore       *self,
                                            gint64         story_id,
                                            const gint64  *document_ids,
                                            guint          n_ids,
                                            GError       **error);
/* Adds every document an import read (added, updated, unchanged or
 * missing) to story @story_id. */
gboolean    cc_store_add_import_to_story   (CcStore        *self,
                                            gint64          story_id,
                                            CcImportReport *report,
                                            GError        **error);
/* The ids (gint64) of a story's documents, ascending; story 0: every
 * document of the library. */
GArray     *cc_store_story_document_ids    (CcStore       *self,
                                            gint64         story_id,
                                            GError       **error);
/* The documents of a story (CcDocument) in library order; story 0: every
 * document. */
GPtrArray  *cc_store_list_story_documents  (CcStore       *self,
                                            gint64         story_id,
                                            GError       **error);
/* Keeps the search hits (CcSearchHit, owned) of story @story_id's
 * documents, then at most @limit (0: all); story 0 keeps them all. */
gboolean    cc_store_filter_story_hits     (CcStore       *self,
                                            gint64         story_id,
                                            GPtrArray     *hits,
                                            guint          limit,
                                            GError       **error);
/* Keeps in @documents (CcDocument, owned: g_object_unref) only those of
 * story @story_id, in their order; story 0 keeps them all. */
gboolean    cc_store_filter_story_documents (CcStore      *self,
                                             gint64        story_id,
                                             GPtrArray    *documents,
                                             GError      **error);
/* Like cc_entities_library_counts(), from the cache only, over the
 * documents of story @story_id (story 0: every document): mention and
 * document counts per "TYPE\tcanonical" key (CcEntitySummary values). */
GHashTable *cc_store_story_entity_counts   (CcStore       *self,
                                            gint64         story_id,
                                            GError       **error);

G_END_DECLS
