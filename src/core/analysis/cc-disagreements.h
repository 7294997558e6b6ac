/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cc-part-compare.h"
#include "cc-store.h"

G_BEGIN_DECLS

/* The disagreement engine: statements (cc-statement.h) of every document of
 * a story, lined up across documents (cc-lineup.h), compared part by part
 * (cc-part-compare.h), with the spelling variants of names
 * (cc-name-variants.h). One row per pair of documents and pair of differing
 * parts. */

typedef struct
{
  CcDisagreementKind kind;
  guint  doc_a;          /* indices of the documents given, doc_a < doc_b */
  guint  doc_b;
  guint  quote_a_start;  /* the sentences: character offsets, end exclusive */
  guint  quote_a_end;
  guint  quote_b_start;
  guint  quote_b_end;
  guint  value_a_start;  /* the differing parts */
  guint  value_a_end;
  guint  value_b_start;
  guint  value_b_end;
  char  *quote_a;        /* exact substrings of the documents */
  char  *quote_b;
  char  *value_a;
  char  *value_b;
  const char *subject;   /* the name the values are about, "" when none */
  const char *attribute; /* the unit or noun of the values, "name" or "state" */
} CcDisagreement;

typedef struct
{
  GPtrArray *disagreements;  /* CcDisagreement, by document pair then position */
  GPtrArray *statements;     /* CcStatement of every document */
  guint      n_pairs;        /* statement pairs lined up */
  guint64    work;           /* postings visited while lining up */
  CcLexicon *lexicon;        /* owns the strings of the statements */
} CcDisagreementReport;

void                  cc_disagreement_report_free (CcDisagreementReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcDisagreementReport, cc_disagreement_report_free)

/* The disagreements among @n_texts documents. */
CcDisagreementReport *cc_disagreements_find      (const char * const *texts,
                                                  guint               n_texts);
/* The same, with @dates (one a text, or NULL) the articles' own dates: a
 * weekday an article names ("on Wednesday") stands for the last such day
 * on or before its date. An invalid (cleared) GDate is no date. */
CcDisagreementReport *cc_disagreements_find_dated (const char * const *texts,
                                                  const GDate        *dates,
                                                  guint               n_texts);
/* The same, stopping early when @cancellable (may be NULL) is cancelled:
 * then NULL with @error set to G_IO_ERROR_CANCELLED. */
CcDisagreementReport *cc_disagreements_find_full  (const char * const *texts,
                                                  const GDate        *dates,
                                                  guint               n_texts,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
/* The publication dates of @documents (CcDocument), one GDate each, cleared
 * where a document has none: the @dates of cc_disagreements_find_dated(). */
GArray               *cc_disagreements_dates_of   (GPtrArray          *documents);
/* The same for documents of a library (CcDocument); NULL for all of them.
 * A document whose text cannot be read is left out with a warning. Each
 * document's publication date (cc_document_get_published()) is its date. */
CcDisagreementReport *cc_disagreements_for_store (CcStore            *store,
                                                  GPtrArray          *documents,
                                                  GError            **error);

G_END_DECLS
