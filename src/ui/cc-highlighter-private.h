/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-highlighter.h"

G_BEGIN_DECLS

#define N_COLORS        5
#define TAG_PREFIX      "cc-hl-"
#define NOTE_TAG_PREFIX "cc-hl-note-"
#define FIND_TAG        "cc-find-match"
/* Layers of one colour that still add to an overlap's colour. */
#define MAX_LAYERS      2
#define MAX_ALPHA       0.72
/* Up to this many highlights are painted at once when a document opens;
 * with more, the text around the view is painted first and the rest in
 * chunks of CHUNK_CHARS characters when the main loop is idle, nearest to
 * the view first (as GtkSourceView highlights syntax). */
#define SYNC_LIMIT      1500
#define CHUNK_CHARS     16384
/* Time given to background painting per main loop iteration, and its
 * priority: after drawing frames, before GtkTextView's background line
 * validation, so lines are laid out once, with their highlights. */
#define PAINT_SLICE_US  8000
#define PAINT_PRIORITY  (GDK_PRIORITY_REDRAW + 4)
/* Delay before the colour bar shows over a new selection. */
#define POPUP_DELAY_MS  150

struct _CcHighlighter
{
  GObject              parent_instance;

  CcReaderView        *reader;
  GtkTextView         *text_view;
  GtkTextBuffer       *buffer;
  CcUndoStack         *undo;

  GPtrArray           *annotations;   /* CcAnnotation*, not orphaned */
  gint64               document_id;
  GHashTable          *mix_tags;      /* name -> GtkTextTag* (the table owns it) */
  GtkTextTag          *note_tags[N_COLORS];
  char                *last_color;
  gboolean             dark;

  guint8              *painted;       /* one flag per chunk */
  guint                n_chunks;
  guint                paint_source;
  guint                popup_source;
  guint                open_tick_id;
  guint                open_ticks;
  char                *open_uuid;

  GSimpleActionGroup  *actions;
  GMenu               *extra_menu;
  GtkWidget           *selection_popover;
  GtkWidget           *annotation_popover;
};

/* cc-highlighter-paint.c: text tags and painting */
int   _cc_highlighter_color_index       (const char    *color);
void  _cc_highlighter_ensure_note_tags  (CcHighlighter *self);
/* Adjusts every tag's colour to the light or dark style. */
void  _cc_highlighter_update_colors     (CcHighlighter *self);
void  _cc_highlighter_clear_all         (CcHighlighter *self);
/* Re-applies the tags to [@from, @to) from self->annotations. */
void  _cc_highlighter_paint             (CcHighlighter *self,
                                         guint          from,
                                         guint          to);
/* Paints self->annotations on a freshly loaded text: at once when they are
 * few, else around the cursor now and the rest when idle. */
void  _cc_highlighter_paint_all         (CcHighlighter *self);

G_END_DECLS
