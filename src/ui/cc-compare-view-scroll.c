/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include "cc-compare-view-private.h"

/* Synchronised scrolling.
 *
 * The aligned pairs give points (offset in A, offset in B) that should be
 * level. Articles order their material differently, so the pairs are not
 * monotone; the longest chain of them that is increasing on both sides
 * (plus both texts' starts and ends) is a monotone map from one text to the
 * other, interpolated in pixels between its points. */

static int
compare_anchors (gconstpointer a,
                 gconstpointer b)
{
  const Anchor *x = a;
  const Anchor *y = b;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return (x->b > y->b) - (x->b < y->b);
}

void
_cc_compare_view_build_anchors (CcCompareView *self)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Anchor));
  g_autofree guint *tails = NULL;     /* index into points of the chain of length k+1 */
  g_autofree int *previous = NULL;
  GtkTextBuffer *buffer_a = cc_reader_view_get_buffer (self->left_reader);
  GtkTextBuffer *buffer_b = cc_reader_view_get_buffer (self->right_reader);
  Anchor first = { 0, 0 };
  Anchor last = { gtk_text_buffer_get_char_count (buffer_a),
                  gtk_text_buffer_get_char_count (buffer_b) };
  guint length = 0;
  GArray *chain;

  g_clear_pointer (&self->anchors, g_array_unref);
  if (self->pairs == NULL)
    return;

  for (guint i = 0; i < self->pairs->len; i++)
    {
      const CcAlignPair *pair = g_ptr_array_index (self->pairs, i);
      Anchor point;

      if (pair->a_start < 0 || pair->b_start < 0)
        continue;
      point.a = pair->a_start;
      point.b = pair->b_start;
      if (point.a > first.a && point.b > first.b && point.a < last.a && point.b < last.b)
        g_array_append_val (points, point);
    }
  g_array_sort (points, compare_anchors);

  /* Longest strictly increasing subsequence on b (patience sorting). */
  tails = g_new0 (guint, points->len + 1);
  previous = g_new0 (int, points->len + 1);
  for (guint i = 0; i < points->len; i++)
    {
      const Anchor *point = &g_array_index (points, Anchor, i);
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (points, Anchor, tails[mid]).b < point->b)
            lo = mid + 1;
          else
            hi = mid;
        }
      /* Equal a with a smaller b would break strictness on a: skip it. */
      if (lo > 0 && g_array_index (points, Anchor, tails[lo - 1]).a == point->a)
        continue;
      previous[i] = lo > 0 ? (int)tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == length)
        length++;
    }

  chain = g_array_sized_new (FALSE, FALSE, sizeof (Anchor), length + 2);
  g_array_set_size (chain, length + 2);
  g_array_index (chain, Anchor, 0) = first;
  g_array_index (chain, Anchor, length + 1) = last;
  if (length > 0)
    {
      int k = tails[length - 1];

      for (guint j = length; j >= 1 && k >= 0; j--)
        {
          g_array_index (chain, Anchor, j) = g_array_index (points, Anchor, k);
          k = previous[k];
        }
    }
  self->anchors = chain;
}

static GtkTextView *
pane_view (CcCompareView *self,
           guint          side)
{
  return cc_reader_view_get_text_view (side == 0 ? self->left_reader : self->right_reader);
}

static double
offset_y (GtkTextView *view,
          int          offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  return rect.y;
}

static int
anchor_side (const Anchor *anchor,
             guint         side)
{
  return side == 0 ? anchor->a : anchor->b;
}

static void
sync_from (CcCompareView *self,
           guint          driver)
{
  GtkTextView *dv = pane_view (self, driver);
  GtkTextView *fv = pane_view (self, 1 - driver);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fv));
  GtkAdjustment *driver_adjustment;
  GdkRectangle dr, fr;
  GtkTextIter iter;
  const Anchor *lo, *hi;
  guint low = 0, high;
  double y, y0, y1, t, target;
  int offset;

  if (self->anchors == NULL || self->anchors->len < 2 || adjustment == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (dv)) || !gtk_widget_get_mapped (GTK_WIDGET (fv)))
    return;

  /* At either end of one text, the other goes to the same end. */
  driver_adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (dv));
  if (driver_adjustment != NULL)
    {
      double value = gtk_adjustment_get_value (driver_adjustment);
      double lower = gtk_adjustment_get_lower (driver_adjustment);
      double upper = gtk_adjustment_get_upper (driver_adjustment) -
                     gtk_adjustment_get_page_size (driver_adjustment);
      double edge = -1;

      if (value <= lower + 0.5)
        edge = gtk_adjustment_get_lower (adjustment);
      else if (value >= upper - 0.5)
        edge = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      if (edge >= 0)
        {
          self->syncing++;
          gtk_adjustment_set_value (adjustment, edge);
          self->syncing--;
          return;
        }
    }

  gtk_text_view_get_visible_rect (dv, &dr);
  y = dr.y + dr.height * LEVEL_AT;
  gtk_text_view_get_iter_at_location (dv, &iter, 0, (int)y);
  offset = gtk_text_iter_get_offset (&iter);

  /* The chain segment around @offset (binary search: monotone on both sides). */
  high = self->anchors->len - 1;
  while (high - low > 1)
    {
      guint mid = (low + high) / 2;

      if (anchor_side (&g_array_index (self->anchors, Anchor, mid), driver) <= offset)
        low = mid;
      else
        high = mid;
    }
  lo = &g_array_index (self->anchors, Anchor, low);
  hi = &g_array_index (self->anchors, Anchor, high);

  y0 = offset_y (dv, anchor_side (lo, driver));
  y1 = offset_y (dv, anchor_side (hi, driver));
  t = y1 > y0 ? CLAMP ((y - y0) / (y1 - y0), 0.0, 1.0) : 0.0;
  target = offset_y (fv, anchor_side (lo, 1 - driver)) * (1 - t) +
           offset_y (fv, anchor_side (hi, 1 - driver)) * t;

  gtk_text_view_get_visible_rect (fv, &fr);
  self->syncing++;
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) +
                            (target - fr.height * LEVEL_AT) - fr.y);
  self->syncing--;
}

/* The follower is moved at the start of the next frame, not from inside the
 * driver's "value-changed": that may come while the window is being drawn
 * (a text view carrying out a scroll), when the other pane must not be
 * re-allocated. */
static gboolean
sync_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  CcCompareView *self = CC_COMPARE_VIEW (widget);

  self->sync_tick_id = 0;
  if (self->jump_ticks == 0)
    sync_from (self, self->sync_driver);
  return G_SOURCE_REMOVE;
}

void
_cc_compare_view_queue_sync (CcCompareView *self,
                             guint          driver)
{
  self->sync_driver = driver;
  if (self->sync_tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->sync_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), sync_tick, NULL, NULL);
}

static void
on_scrolled (CcCompareView *self,
             GtkAdjustment *adjustment)
{
  guint driver;

  if (self->syncing > 0 || self->jump_ticks > 0)
    return;

  driver = adjustment == gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (pane_view (self, 0))) ? 0 : 1;
  _cc_compare_view_queue_sync (self, driver);
}

void
_cc_compare_view_connect_scrolling (CcCompareView *self)
{
  for (guint side = 0; side < 2; side++)
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (pane_view (self, side)));

      if (adjustment != NULL)
        g_signal_connect_object (adjustment, "value-changed",
                                 G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
    }
}

void
_cc_compare_view_stop_sync (CcCompareView *self)
{
  if (self->sync_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->sync_tick_id);
      self->sync_tick_id = 0;
    }
}
