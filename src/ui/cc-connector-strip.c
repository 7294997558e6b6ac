/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-connector-strip.h"

#define STRIP_WIDTH 56
#define TICK_WIDTH  10

struct _CcConnectorStrip
{
  GtkWidget      parent_instance;

  /* Borrowed (weak) */
  GtkTextView   *views[2];
  GtkAdjustment *adjustments[2];

  /* Owned */
  GPtrArray     *pairs;
  int            current;
};

G_DEFINE_FINAL_TYPE (CcConnectorStrip, cc_connector_strip, GTK_TYPE_WIDGET)

enum {
  CONNECTOR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A passage's vertical extent in strip coordinates. */
typedef struct
{
  double top;
  double bottom;
} Extent;

GtkWidget *
cc_connector_strip_new (void)
{
  return g_object_new (CC_TYPE_CONNECTOR_STRIP, NULL);
}

/* Geometry */

typedef struct
{
  GtkTextView *view;
  int          first;   /* visible character offsets, with a margin */
  int          last;
  double       dy;      /* view widget y -> strip y */
  double       height;  /* of the view */
  int          n_chars;
} Side;

static gboolean
side_init (CcConnectorStrip *self,
           guint             i,
           Side             *side)
{
  GtkTextView *view = self->views[i];
  GtkTextBuffer *buffer;
  GdkRectangle visible;
  GtkTextIter iter;
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t out;

  if (view == NULL || !gtk_widget_get_realized (GTK_WIDGET (view)))
    return FALSE;
  if (!gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self), &origin, &out))
    return FALSE;

  buffer = gtk_text_view_get_buffer (view);
  side->view = view;
  side->dy = out.y;
  side->height = gtk_widget_get_height (GTK_WIDGET (view));
  side->n_chars = gtk_text_buffer_get_char_count (buffer);

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, MAX (0, visible.y - visible.height), NULL);
  side->first = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_line_at_y (view, &iter, visible.y + 2 * visible.height, NULL);
  gtk_text_iter_forward_to_line_end (&iter);
  side->last = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

static gboolean
side_visible (const Side *side,
              int         start,
              int         end)
{
  return start >= 0 && end > start && start <= side->last && end >= side->first;
}

/* The y of the character at @offset, in buffer coordinates, from the line
 * heights the text view has already measured, interpolated within a
 * paragraph by character position: drawing must not make the text view
 * lay out lines (that would resize its scroll bars in the middle of the
 * frame), and this costs no Pango layout. */
static double
offset_y (GtkTextView *view,
          int          offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  int top, height, line_chars, column;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_view_get_line_yrange (view, &iter, &top, &height);
  column = gtk_text_iter_get_line_offset (&iter);
  line_chars = gtk_text_iter_get_chars_in_line (&iter);
  if (line_chars <= 1)
    return top;
  return top + (double)height * column / line_chars;
}

static void
side_extent (const Side *side,
             int         start,
             int         end,
             Extent     *extent)
{
  int x, y;
  double top, bottom;

  start = CLAMP (start, 0, side->n_chars);
  end = CLAMP (end, start, side->n_chars);

  top = offset_y (side->view, start);
  bottom = offset_y (side->view, end);

  gtk_text_view_buffer_to_window_coords (side->view, GTK_TEXT_WINDOW_WIDGET, 0, (int)top, &x, &y);
  extent->top = side->dy + y;
  gtk_text_view_buffer_to_window_coords (side->view, GTK_TEXT_WINDOW_WIDGET, 0, (int)bottom, &x, &y);
  extent->bottom = side->dy + y;
  if (extent->bottom < extent->top + 2)
    extent->bottom = extent->top + 2;
}

/* Drawing */

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
band_path (cairo_t      *cr,
           double        width,
           const Extent *left,
           const Extent *right)
{
  double mid = width / 2;

  cairo_move_to (cr, 0, left->top);
  cairo_curve_to (cr, mid, left->top, mid, right->top, width, right->top);
  cairo_line_to (cr, width, right->bottom);
  cairo_curve_to (cr, mid, right->bottom, mid, left->bottom, 0, left->bottom);
  cairo_close_path (cr);
}

/* A band whose other end is out of sight fades out towards it, so that
 * passages far apart do not cross the strip with long lines. */
typedef enum
{
  FADE_NONE,
  FADE_TO_RIGHT,
  FADE_TO_LEFT,
} Fade;

static void
set_source (cairo_t       *cr,
            double         width,
            const GdkRGBA *color,
            double         alpha,
            Fade           fade)
{
  cairo_pattern_t *pattern;

  if (fade == FADE_NONE)
    {
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
      return;
    }
  pattern = cairo_pattern_create_linear (0, 0, width, 0);
  cairo_pattern_add_color_stop_rgba (pattern, 0, color->red, color->green, color->blue,
                                     fade == FADE_TO_RIGHT ? color->alpha * alpha : 0);
  cairo_pattern_add_color_stop_rgba (pattern, 1, color->red, color->green, color->blue,
                                     fade == FADE_TO_LEFT ? color->alpha * alpha : 0);
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
}

static void
draw_band (cairo_t       *cr,
           double         width,
           const Extent  *left,
           const Extent  *right,
           const GdkRGBA *color,
           gboolean       current,
           Fade           fade)
{
  double mid = width / 2;

  band_path (cr, width, left, right);
  set_source (cr, width, color, current ? 0.45 : 0.22, fade);
  cairo_fill (cr);

  cairo_set_line_width (cr, current ? 2.0 : 1.0);
  set_source (cr, width, color, current ? 1.0 : 0.6, fade);
  cairo_move_to (cr, 0, left->top);
  cairo_curve_to (cr, mid, left->top, mid, right->top, width, right->top);
  cairo_move_to (cr, width, right->bottom);
  cairo_curve_to (cr, mid, right->bottom, mid, left->bottom, 0, left->bottom);
  cairo_stroke (cr);
}

static void
draw_tick (cairo_t       *cr,
           double         x,
           const Extent  *extent,
           const GdkRGBA *color,
           gboolean       current)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue,
                         color->alpha * (current ? 0.9 : 0.45));
  cairo_rectangle (cr, x, extent->top, TICK_WIDTH / 2.0, extent->bottom - extent->top);
  cairo_fill (cr);
}

static void
cc_connector_strip_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CcConnectorStrip *self = CC_CONNECTOR_STRIP (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA same, differs, unmatched;
  Side sides[2];
  cairo_t *cr;

  if (self->pairs == NULL || self->pairs->len == 0 || width <= 0 || height <= 0)
    return;
  if (!side_init (self, 0, &sides[0]) || !side_init (self, 1, &sides[1]))
    return;

  lookup_color (widget, "success_color", "#26a269", &same);
  lookup_color (widget, "error_color", "#c01c28", &differs);
  lookup_color (widget, "window_fg_color", "#3d3846", &unmatched);
  same.alpha *= 0.9f;
  unmatched.alpha *= 0.5f;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_GOOD);

  /* Draw the current pair last so it is on top. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->pairs->len; i++)
      {
        const CcAlignPair *pair = g_ptr_array_index (self->pairs, i);
        gboolean current = (int)i == self->current;
        gboolean in_a = side_visible (&sides[0], pair->a_start, pair->a_end);
        gboolean in_b = side_visible (&sides[1], pair->b_start, pair->b_end);
        Extent left, right;

        if (current != (pass == 1))
          continue;
        if (!in_a && !in_b)
          continue;

        if (pair->a_start >= 0 && pair->b_start >= 0)
          {
            Fade fade = FADE_NONE;

            side_extent (&sides[0], pair->a_start, pair->a_end, &left);
            side_extent (&sides[1], pair->b_start, pair->b_end, &right);
            if (!current && (right.bottom < 0 || right.top > height))
              fade = FADE_TO_RIGHT;
            else if (!current && (left.bottom < 0 || left.top > height))
              fade = FADE_TO_LEFT;
            draw_band (cr, width, &left, &right,
                       pair->status == CC_ALIGN_DIFFERS ? &differs : &same, current, fade);
          }
        else if (pair->a_start >= 0)
          {
            side_extent (&sides[0], pair->a_start, pair->a_end, &left);
            draw_tick (cr, 0, &left, &unmatched, current);
          }
        else if (pair->b_start >= 0)
          {
            side_extent (&sides[1], pair->b_start, pair->b_end, &right);
            draw_tick (cr, width - TICK_WIDTH / 2.0, &right, &unmatched, current);
          }
      }

  cairo_destroy (cr);
}

int
cc_connector_strip_pick (CcConnectorStrip *self,
                         double            x,
                         double            y)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width;
  Side sides[2];
  int found = -1;

  g_return_val_if_fail (CC_IS_CONNECTOR_STRIP (self), -1);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (self->pairs == NULL || width <= 0)
    return -1;
  if (!side_init (self, 0, &sides[0]) || !side_init (self, 1, &sides[1]))
    return -1;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pairs->len && found < 0; i++)
    {
      const CcAlignPair *pair = g_ptr_array_index (self->pairs, i);
      Extent left, right;

      if (!side_visible (&sides[0], pair->a_start, pair->a_end) &&
          !side_visible (&sides[1], pair->b_start, pair->b_end))
        continue;

      if (pair->a_start >= 0 && pair->b_start >= 0)
        {
          side_extent (&sides[0], pair->a_start, pair->a_end, &left);
          side_extent (&sides[1], pair->b_start, pair->b_end, &right);
          cairo_new_path (cr);
          band_path (cr, width, &left, &right);
          if (cairo_in_fill (cr, x, y))
            found = i;
        }
      else if (pair->a_start >= 0 && x <= TICK_WIDTH)
        {
          side_extent (&sides[0], pair->a_start, pair->a_end, &left);
          if (y >= left.top && y <= left.bottom)
            found = i;
        }
      else if (pair->b_start >= 0 && x >= width - TICK_WIDTH)
        {
          side_extent (&sides[1], pair->b_start, pair->b_end, &right);
          if (y >= right.top && y <= right.bottom)
            found = i;
        }
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return found;
}

static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            CcConnectorStrip *self)
{
  int index = cc_connector_strip_pick (self, x, y);

  if (index >= 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[CONNECTOR_ACTIVATED], 0, (guint)index);
    }
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           CcConnectorStrip         *self)
{
  int index = cc_connector_strip_pick (self, x, y);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
  if (index >= 0)
    {
      const CcAlignPair *pair = g_ptr_array_index (self->pairs, index);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                                   pair->detail != NULL && *pair->detail != '\0'
                                   ? pair->detail : _("Same content"));
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
    }
}

/* Views */

static void
queue_draw (CcConnectorStrip *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (CcConnectorStrip *self,
                guint             i,
                GtkAdjustment    *adjustment)
{
  if (self->adjustments[i] == adjustment)
    return;

  if (self->adjustments[i] != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->adjustments[i], self);
      g_object_unref (self->adjustments[i]);
    }
  self->adjustments[i] = adjustment != NULL ? g_object_ref (adjustment) : NULL;
  if (adjustment != NULL)
    {
      g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (queue_draw), self);
      g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (queue_draw), self);
    }
  queue_draw (self);
}

static void
on_vadjustment_changed (GtkTextView      *view,
                        GParamSpec       *pspec,
                        CcConnectorStrip *self)
{
  guint i = view == self->views[0] ? 0 : 1;

  set_adjustment (self, i, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));
}

static void
clear_view (CcConnectorStrip *self,
            guint             i)
{
  set_adjustment (self, i, NULL);
  if (self->views[i] != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->views[i], self);
      g_object_remove_weak_pointer (G_OBJECT (self->views[i]), (gpointer *)&self->views[i]);
      self->views[i] = NULL;
    }
}

void
cc_connector_strip_set_views (CcConnectorStrip *self,
                              GtkTextView      *left,
                              GtkTextView      *right)
{
  GtkTextView *views[2] = { left, right };

  g_return_if_fail (CC_IS_CONNECTOR_STRIP (self));
  g_return_if_fail (left == NULL || GTK_IS_TEXT_VIEW (left));
  g_return_if_fail (right == NULL || GTK_IS_TEXT_VIEW (right));

  for (guint i = 0; i < 2; i++)
    {
      clear_view (self, i);
      if (views[i] == NULL)
        continue;
      self->views[i] = views[i];
      g_object_add_weak_pointer (G_OBJECT (views[i]), (gpointer *)&self->views[i]);
      g_signal_connect (views[i], "notify::vadjustment",
                        G_CALLBACK (on_vadjustment_changed), self);
      set_adjustment (self, i, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (views[i])));
    }
  queue_draw (self);
}

void
cc_connector_strip_set_pairs (CcConnectorStrip *self,
                              GPtrArray        *pairs)
{
  g_return_if_fail (CC_IS_CONNECTOR_STRIP (self));

  if (pairs != NULL)
    g_ptr_array_ref (pairs);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  self->pairs = pairs;
  self->current = -1;
  queue_draw (self);
}

GPtrArray *
cc_connector_strip_get_pairs (CcConnectorStrip *self)
{
  g_return_val_if_fail (CC_IS_CONNECTOR_STRIP (self), NULL);

  return self->pairs;
}

void
cc_connector_strip_set_current (CcConnectorStrip *self,
                                int               index)
{
  g_return_if_fail (CC_IS_CONNECTOR_STRIP (self));

  if (self->pairs == NULL || index < 0 || (guint)index >= self->pairs->len)
    index = -1;
  if (self->current == index)
    return;
  self->current = index;
  queue_draw (self);
}

int
cc_connector_strip_get_current (CcConnectorStrip *self)
{
  g_return_val_if_fail (CC_IS_CONNECTOR_STRIP (self), -1);

  return self->current;
}

static void
cc_connector_strip_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = STRIP_WIDTH;
  else
    *minimum = *natural = 0;
}

static void
cc_connector_strip_dispose (GObject *object)
{
  CcConnectorStrip *self = CC_CONNECTOR_STRIP (object);

  clear_view (self, 0);
  clear_view (self, 1);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);

  G_OBJECT_CLASS (cc_connector_strip_parent_class)->dispose (object);
}

static void
cc_connector_strip_class_init (CcConnectorStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_connector_strip_dispose;
  widget_class->snapshot = cc_connector_strip_snapshot;
  widget_class->measure = cc_connector_strip_measure;

  signals[CONNECTOR_ACTIVATED] =
    g_signal_new ("connector-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "connectorstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cc_connector_strip_init (CcConnectorStrip *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->current = -1;

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Connections between aligned passages"),
                                  -1);
}
