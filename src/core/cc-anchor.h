/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* W3C Web Annotation style anchoring: a TextQuoteSelector (exact quote with
 * some prefix and suffix) together with a TextPositionSelector (character
 * offsets), re-anchored on a changed text by, in order:
 *
 *  1. position: the quote is still at its offsets (mapped through a diff
 *     with the previous text when it is known);
 *  2. the quote found exactly once;
 *  3. the quote found several times: the occurrence whose prefix and suffix
 *     agree best, then the nearest to the old position;
 *  4. an approximate match (bounded edit distance, Myers' bit-parallel
 *     algorithm) with a threshold relative to the quote's length that is
 *     looser when the context agrees or the match is near the old position.
 *
 * A quote that was deleted is reported orphaned, never put on other text: a
 * short quote needs its context to be accepted, an approximate one needs most
 * of its characters and agreeing context; with the previous text known, text
 * that was already elsewhere before the edit is never taken; without it, a
 * passage stating other numbers or names is not taken for an edited one. */

typedef enum
{
  CC_ANCHOR_ANCHORED,  /* the exact quote, at its mapped offsets or in its old context */
  CC_ANCHOR_MOVED,     /* placed by search: the quote was edited, or found in a new context */
  CC_ANCHOR_ORPHANED,  /* not placed */
} CcAnchorState;

typedef enum
{
  CC_ANCHOR_METHOD_NONE,
  CC_ANCHOR_METHOD_POSITION,
  CC_ANCHOR_METHOD_UNIQUE,
  CC_ANCHOR_METHOD_CONTEXT,
  CC_ANCHOR_METHOD_FUZZY,
} CcAnchorMethod;

typedef struct
{
  guint       start;   /* character offsets in the text the selector was made on */
  guint       end;
  const char *quote;   /* not empty */
  const char *prefix;  /* nullable */
  const char *suffix;  /* nullable */
} CcAnchorSelector;

typedef struct
{
  CcAnchorState  state;
  CcAnchorMethod method;
  guint          start;     /* in the new text; the old offsets when orphaned */
  guint          end;
  guint          distance;  /* edit distance between quote and new text */
} CcAnchorMatch;

/* A text prepared for anchoring many selectors: decoded once, with an
 * exact-match index built on first need. */
typedef struct _CcAnchorText CcAnchorText;

CcAnchorText *cc_anchor_text_new          (const char             *text);
void          cc_anchor_text_free         (CcAnchorText           *self);
guint         cc_anchor_text_get_length   (CcAnchorText           *self);
/* Tells which text the selectors' offsets refer to: the edit between it and
 * this text (common head and tail) is used to shift offsets. */
void          cc_anchor_text_set_previous (CcAnchorText           *self,
                                           const char             *old_text);
void          cc_anchor_text_resolve      (CcAnchorText           *self,
                                           const CcAnchorSelector *selector,
                                           CcAnchorMatch          *match);
/* Quote and CC_ANCHOR_CONTEXT chars of context of [start, end). FALSE when
 * the range is empty or out of bounds. */
gboolean      cc_anchor_text_describe     (CcAnchorText           *self,
                                           guint                   start,
                                           guint                   end,
                                           char                  **quote,
                                           char                  **prefix,
                                           char                  **suffix);

/* The same on a plain UTF-8 string, for a single range. */
gboolean      cc_anchor_describe          (const char             *text,
                                           guint                   start,
                                           guint                   end,
                                           char                  **quote,
                                           char                  **prefix,
                                           char                  **suffix);

const char   *cc_anchor_state_to_string   (CcAnchorState           state);

#define CC_ANCHOR_CONTEXT 32

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcAnchorText, cc_anchor_text_free)

G_END_DECLS
