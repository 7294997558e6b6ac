/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-reader-view.h"

G_BEGIN_DECLS

#define FIND_TAG         "cc-find-match"
#define FIND_CURRENT_TAG "cc-find-current"

struct _CcReaderView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkSearchBar   *find_bar;
  GtkSearchEntry *find_entry;
  GtkLabel       *find_count;
  GtkWidget      *find_previous;
  GtkWidget      *find_next;
  GtkScrolledWindow *scroller;
  GtkTextView    *text_view;
  GtkLabel       *source_label;   /* outlet, author, date and link */
  gboolean        show_source;

  /* Owned */
  CcDocument     *document;
  GtkTextTag     *body_tag;
  GtkTextTag     *title_tag;
  GtkTextTag     *byline_tag;
  GtkTextTag     *subheading_tag;
  GtkTextTag     *blank_tag;
  GtkTextMark    *scroll_mark;
  GArray         *matches;       /* CcSpan */
  char           *needle;

  double          text_size;
  int             last_margin;
  guint           margin_source;
  guint           current_match; /* 1-based, 0 = none */
  gboolean        updating_entry;
};

/* cc-reader-view-find.c */
void _cc_reader_view_class_find_init    (GtkWidgetClass *widget_class);
void _cc_reader_view_find_init          (CcReaderView   *self);
void _cc_reader_view_find_clear         (CcReaderView   *self);
void _cc_reader_view_find_update_label  (CcReaderView   *self);

G_END_DECLS
