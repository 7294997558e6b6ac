/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cc-align.h"

G_BEGIN_DECLS

#define CC_TYPE_CONNECTOR_STRIP (cc_connector_strip_get_type ())
G_DECLARE_FINAL_TYPE (CcConnectorStrip, cc_connector_strip, CC, CONNECTOR_STRIP, GtkWidget)

/* The strip between the two panes of the Compare view: draws a band from
 * each aligned passage of the left text view to its partner in the right
 * one, coloured by status (same, differs), and a short tick on either edge
 * for a passage found on one side only. It follows both views' scroll
 * positions and layout.
 *
 * Signal "connector-activated" (guint index): a band was clicked; @index is
 * the position of its pair in the array given to
 * cc_connector_strip_set_pairs(). */

GtkWidget *cc_connector_strip_new          (void);
void       cc_connector_strip_set_views    (CcConnectorStrip *self,
                                            GtkTextView      *left,
                                            GtkTextView      *right);
/* @pairs: a GPtrArray of CcAlignPair (cc-align.h), referenced; NULL clears. */
void       cc_connector_strip_set_pairs    (CcConnectorStrip *self,
                                            GPtrArray        *pairs);
GPtrArray *cc_connector_strip_get_pairs    (CcConnectorStrip *self);
/* The pair drawn emphasised (-1 for none). */
void       cc_connector_strip_set_current  (CcConnectorStrip *self,
                                            int               index);
int        cc_connector_strip_get_current  (CcConnectorStrip *self);
/* The index of the pair whose band is under (@x, @y) in strip coordinates,
 * or -1. */
int        cc_connector_strip_pick         (CcConnectorStrip *self,
                                            double            x,
                                            double            y);

G_END_DECLS
