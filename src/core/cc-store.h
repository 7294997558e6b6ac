/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "cc-document.h"

G_BEGIN_DECLS

#define CC_STORE_SCHEMA_VERSION 8

#define CC_TYPE_STORE (cc_store_get_type ())
G_DECLARE_FINAL_TYPE (CcStore, cc_store, CC, STORE, GObject)

typedef struct
{
  gint64  document_id;
  char   *basename;
  char   *title;
  char   *snippet;   /* with [ ] around matched terms */
  double  rank;      /* bm25: lower is better */
} CcSearchHit;

void        cc_search_hit_free           (CcSearchHit *hit);

/* Opens (creating if needed, mode 0600) and migrates a library. A file that
 * is not SQLite or is corrupt gives CC_ERROR_NOT_A_DATABASE or
 * CC_ERROR_CORRUPT_DATABASE and is never modified. */
CcStore    *cc_store_open                (const char  *path,
                                          GError     **error);
char       *cc_store_default_path        (void);
/* The SQL that moves the schema from @version to @version + 1 (for tests
 * that build a library as an older version wrote it). */
const char *cc_store_get_migration       (int          version);
const char *cc_store_get_path            (CcStore     *self);
sqlite3    *cc_store_get_db              (CcStore     *self);
int         cc_store_get_schema_version  (CcStore     *self);
/* Whether the full integrity check ran when the library was opened (it is
 * skipped for a file unchanged since this program closed it cleanly). */
gboolean    cc_store_get_checked         (CcStore     *self);

/* Transactions: BEGIN IMMEDIATE, so concurrent writers wait (busy timeout)
 * instead of failing half-way. */
gboolean    cc_store_begin               (CcStore     *self,
                                          GError     **error);
gboolean    cc_store_commit              (CcStore     *self,
                                          GError     **error);
void        cc_store_rollback            (CcStore     *self);
/* Begins a transaction, or joins the caller's when one is open (@owned
 * tells which). cc_store_end() then commits (or rolls back when !@ok) only
 * an owned one, and returns whether all went well. */
gboolean    cc_store_begin_or_join       (CcStore     *self,
                                          gboolean    *owned,
                                          GError     **error);
gboolean    cc_store_end                 (CcStore     *self,
                                          gboolean     owned,
                                          gboolean     ok,
                                          GError     **error);
/* Runs a statement that changes something (or whose one row is not needed),
 * resets it, and on failure sets @error as "PATH: @what (reason)". */
gboolean    cc_store_step                (CcStore       *self,
                                          sqlite3_stmt  *stmt,
                                          const char    *what,
                                          GError       **error);

/* Prepares (and caches) a statement; reset and bindings cleared on return. */
sqlite3_stmt *cc_store_prepare           (CcStore     *self,
                                          const char  *sql,
                                          GError     **error);
gboolean    cc_store_set_error           (CcStore     *self,
                                          GError     **error,
                                          const char  *what);

/* Documents */
GPtrArray  *cc_store_list_documents      (CcStore     *self,
                                          GError     **error);
CcDocument *cc_store_get_document        (CcStore     *self,
                                          gint64       id,
                                          GError     **error);
/* By id ("12"), base name ("a.txt"), or path. */
CcDocument *cc_store_find_document       (CcStore     *self,
                                          const char  *name,
                                          GError     **error);
char       *cc_store_load_text           (CcStore     *self,
                                          gint64       id,
                                          GError     **error);
GPtrArray  *cc_store_search              (CcStore     *self,
                                          const char  *query,
                                          guint        limit,
                                          GError     **error);
guint       cc_store_count_documents     (CcStore     *self);
/* Writes a document and its full-text index entry; returns its id (0 on
 * failure). Call inside a transaction. */
gint64      cc_store_add_document        (CcStore     *self,
                                          const char  *path,
                                          const char  *title,
                                          const char  *outlet,
                                          const char  *byline,
                                          const char  *text,
                                          const char  *hash,
                                          guint        words,
                                          gint64       size,
                                          gint64       mtime,
                                          GError     **error);
gboolean    cc_store_update_document     (CcStore     *self,
                                          gint64       id,
                                          const char  *title,
                                          const char  *outlet,
                                          const char  *byline,
                                          const char  *text,
                                          const char  *hash,
                                          guint        words,
                                          gint64       size,
                                          gint64       mtime,
                                          GError     **error);

G_END_DECLS
