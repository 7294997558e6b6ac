/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <adwaita.h>

#include "cc-highlighter-private.h"

typedef struct
{
  double r, g, b, a;
} Rgba;

/* In the order of cc_annotation_get_colors(): yellow, green, blue, pink,
 * purple. Light style: pale washes; dark style: deeper, more opaque tints
 * that keep light text readable. */
static const Rgba light_colors[N_COLORS] = {
  { 0.976, 0.827, 0.176, 0.42 },
  { 0.341, 0.890, 0.537, 0.38 },
  { 0.384, 0.627, 0.918, 0.36 },
  { 0.965, 0.439, 0.722, 0.32 },
  { 0.753, 0.380, 0.796, 0.32 },
};
static const Rgba dark_colors[N_COLORS] = {
  { 0.961, 0.761, 0.067, 0.36 },
  { 0.149, 0.737, 0.400, 0.40 },
  { 0.208, 0.518, 0.894, 0.48 },
  { 0.878, 0.263, 0.584, 0.45 },
  { 0.569, 0.255, 0.675, 0.58 },
};
/* Underline of a highlight with a note. */
static const Rgba light_marks[N_COLORS] = {
  { 0.80, 0.55, 0.00, 1.0 },
  { 0.15, 0.55, 0.25, 1.0 },
  { 0.10, 0.37, 0.71, 1.0 },
  { 0.75, 0.15, 0.45, 1.0 },
  { 0.50, 0.20, 0.60, 1.0 },
};
static const Rgba dark_marks[N_COLORS] = {
  { 0.98, 0.85, 0.35, 1.0 },
  { 0.56, 0.94, 0.64, 1.0 },
  { 0.60, 0.76, 0.95, 1.0 },
  { 0.98, 0.60, 0.80, 1.0 },
  { 0.86, 0.54, 0.87, 1.0 },
};

typedef struct
{
  guint pos;
  int   delta;   /* +1 start, -1 end */
  int   color;
} Event;

int
_cc_highlighter_color_index (const char *color)
{
  const char * const *colors = cc_annotation_get_colors ();

  for (int i = 0; colors[i] != NULL && i < N_COLORS; i++)
    if (g_strcmp0 (colors[i], color) == 0)
      return i;

  return 0;
}

/* Tags */

static void
composite (Rgba       *dst,
           const Rgba *src)
{
  double a = src->a + dst->a * (1.0 - src->a);

  if (a <= 0.0)
    return;

  dst->r = (src->r * src->a + dst->r * dst->a * (1.0 - src->a)) / a;
  dst->g = (src->g * src->a + dst->g * dst->a * (1.0 - src->a)) / a;
  dst->b = (src->b * src->a + dst->b * dst->a * (1.0 - src->a)) / a;
  dst->a = a;
}

/* The blended colour of a tag named TAG_PREFIX followed by one digit per
 * colour: how many highlights of that colour cover the text. */
static void
mix_color (CcHighlighter *self,
           const char    *name,
           GdkRGBA       *out)
{
  const Rgba *palette = self->dark ? dark_colors : light_colors;
  const char *counts = name + strlen (TAG_PREFIX);
  Rgba mix = { 0, 0, 0, 0 };

  for (int i = 0; i < N_COLORS && counts[i] != '\0'; i++)
    for (int k = 0; k < counts[i] - '0'; k++)
      composite (&mix, &palette[i]);

  out->red = mix.r;
  out->green = mix.g;
  out->blue = mix.b;
  out->alpha = MIN (mix.a, MAX_ALPHA);
}

/* Highlights sit just under the find-in-article matches. */
static void
place_tag (CcHighlighter *self,
           GtkTextTag    *tag)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GtkTextTag *find = gtk_text_tag_table_lookup (table, FIND_TAG);

  if (find != NULL)
    gtk_text_tag_set_priority (tag, gtk_text_tag_get_priority (find));
}

static GtkTextTag *
ensure_mix_tag (CcHighlighter *self,
                const guint   *counts)
{
  char name[sizeof TAG_PREFIX + N_COLORS];
  GtkTextTag *tag;
  GdkRGBA rgba;

  memcpy (name, TAG_PREFIX, strlen (TAG_PREFIX));
  for (int i = 0; i < N_COLORS; i++)
    name[strlen (TAG_PREFIX) + i] = (char) ('0' + MIN (counts[i], MAX_LAYERS));
  name[strlen (TAG_PREFIX) + N_COLORS] = '\0';

  tag = g_hash_table_lookup (self->mix_tags, name);
  if (tag != NULL)
    return tag;

  mix_color (self, name, &rgba);
  tag = gtk_text_buffer_create_tag (self->buffer, name, "background-rgba", &rgba, NULL);
  place_tag (self, tag);
  g_hash_table_insert (self->mix_tags, g_strdup (name), tag);

  return tag;
}

static void
update_note_tag (CcHighlighter *self,
                 int            i)
{
  const Rgba *mark = self->dark ? &dark_marks[i] : &light_marks[i];
  GdkRGBA rgba = { mark->r, mark->g, mark->b, mark->a };

  g_object_set (self->note_tags[i],
                "underline", PANGO_UNDERLINE_SINGLE,
                "underline-rgba", &rgba,
                NULL);
}

void
_cc_highlighter_ensure_note_tags (CcHighlighter *self)
{
  const char * const *colors = cc_annotation_get_colors ();

  for (int i = 0; i < N_COLORS; i++)
    {
      g_autofree char *name = g_strconcat (NOTE_TAG_PREFIX, colors[i], NULL);
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

      self->note_tags[i] = gtk_text_tag_table_lookup (table, name);
      if (self->note_tags[i] == NULL)
        {
          self->note_tags[i] = gtk_text_buffer_create_tag (self->buffer, name, NULL);
          place_tag (self, self->note_tags[i]);
        }
      update_note_tag (self, i);
    }
}

void
_cc_highlighter_update_colors (CcHighlighter *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GHashTableIter iter;
  gpointer key, value;

  self->dark = adw_style_manager_get_dark (manager);

  g_hash_table_iter_init (&iter, self->mix_tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GdkRGBA rgba;

      mix_color (self, key, &rgba);
      g_object_set (value, "background-rgba", &rgba, NULL);
    }

  for (int i = 0; i < N_COLORS; i++)
    update_note_tag (self, i);
}

/* Painting */

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a;
  const Event *eb = b;

  if (ea->pos != eb->pos)
    return ea->pos < eb->pos ? -1 : 1;
  return ea->delta - eb->delta;
}

static void
apply_range (CcHighlighter *self,
             GtkTextTag    *tag,
             guint          start,
             guint          end)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &e, (int) end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &s, &e);
}

/* Re-applies the highlight tags to [@from, @to): removes them, then walks
 * the start and end points of every annotation there and gives each stretch
 * the tag of the colours that cover it. */
void
_cc_highlighter_paint (CcHighlighter *self,
                       guint          from,
                       guint          to)
{
  guint n_chars = (guint) gtk_text_buffer_get_char_count (self->buffer);
  g_autoptr(GArray) events = NULL;
  guint counts[N_COLORS] = { 0 };
  guint active = 0;
  guint prev = 0;

  to = MIN (to, n_chars);
  if (from >= to)
    return;

  /* Clearing is only needed when something may be there already. */
  if (g_hash_table_size (self->mix_tags) > 0)
    {
      GtkTextIter s, e;
      GHashTableIter iter;
      gpointer value;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &s, (int) from);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &e, (int) to);
      g_hash_table_iter_init (&iter, self->mix_tags);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        gtk_text_buffer_remove_tag (self->buffer, value, &s, &e);
      for (int i = 0; i < N_COLORS; i++)
        gtk_text_buffer_remove_tag (self->buffer, self->note_tags[i], &s, &e);
    }

  events = g_array_sized_new (FALSE, FALSE, sizeof (Event), 64);
  for (guint i = 0; i < self->annotations->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (self->annotations, i);
      guint s = MAX (cc_annotation_get_start (a), from);
      guint e = MIN (cc_annotation_get_end (a), to);
      int color;
      Event ev;

      if (s >= e)
        continue;

      color = _cc_highlighter_color_index (cc_annotation_get_color (a));
      ev = (Event) { s, +1, color };
      g_array_append_val (events, ev);
      ev = (Event) { e, -1, color };
      g_array_append_val (events, ev);

      if (*cc_annotation_get_note (a) != '\0')
        apply_range (self, self->note_tags[color], s, e);
    }

  g_array_sort (events, compare_events);

  for (guint i = 0; i < events->len; i++)
    {
      const Event *ev = &g_array_index (events, Event, i);

      if (ev->pos > prev && active > 0)
        apply_range (self, ensure_mix_tag (self, counts), prev, ev->pos);

      prev = ev->pos;
      counts[ev->color] += ev->delta;
      active += ev->delta;
    }
}

/* Removes every highlight tag from the text. */
void
_cc_highlighter_clear_all (CcHighlighter *self)
{
  GtkTextIter s, e;
  GHashTableIter iter;
  gpointer value;

  gtk_text_buffer_get_bounds (self->buffer, &s, &e);
  g_hash_table_iter_init (&iter, self->mix_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (self->buffer, value, &s, &e);
  for (int i = 0; i < N_COLORS; i++)
    gtk_text_buffer_remove_tag (self->buffer, self->note_tags[i], &s, &e);
}

static void
paint_chunk (CcHighlighter *self,
             guint          chunk)
{
  if (chunk >= self->n_chunks || self->painted[chunk])
    return;

  self->painted[chunk] = TRUE;
  _cc_highlighter_paint (self, chunk * CHUNK_CHARS, (chunk + 1) * CHUNK_CHARS);
}

/* The character offset at the top of the view. */
static guint
visible_offset (CcHighlighter *self)
{
  GdkRectangle rect;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (self->text_view, &rect);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, rect.x, rect.y);
  return (guint) gtk_text_iter_get_offset (&iter);
}

/* Paints the unpainted chunk nearest to the view; FALSE when none is left. */
static gboolean
paint_next_chunk (CcHighlighter *self,
                  guint          center)
{
  for (guint d = 0; d < self->n_chunks; d++)
    {
      if (center + d < self->n_chunks && !self->painted[center + d])
        {
          paint_chunk (self, center + d);
          return TRUE;
        }
      if (d <= center && !self->painted[center - d])
        {
          paint_chunk (self, center - d);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
paint_idle (gpointer user_data)
{
  CcHighlighter *self = user_data;
  guint center = visible_offset (self) / CHUNK_CHARS;
  gint64 deadline = g_get_monotonic_time () + PAINT_SLICE_US;

  while (g_get_monotonic_time () < deadline)
    if (!paint_next_chunk (self, center))
      {
        self->paint_source = 0;
        return G_SOURCE_REMOVE;
      }

  return G_SOURCE_CONTINUE;
}

void
_cc_highlighter_paint_all (CcHighlighter *self)
{
  guint n_chars;

  n_chars = (guint) gtk_text_buffer_get_char_count (self->buffer);
  if (self->annotations->len <= SYNC_LIMIT)
    {
      _cc_highlighter_paint (self, 0, n_chars);
      return;
    }

  /* Around the cursor (where the view is going) now, the rest later. */
  {
    GtkTextIter cursor;
    guint chunk;

    self->n_chunks = n_chars / CHUNK_CHARS + 1;
    self->painted = g_new0 (guint8, self->n_chunks);
    gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
    chunk = (guint) gtk_text_iter_get_offset (&cursor) / CHUNK_CHARS;
    if (chunk > 0)
      paint_chunk (self, chunk - 1);
    paint_chunk (self, chunk);
    paint_chunk (self, chunk + 1);
    paint_chunk (self, chunk + 2);
    self->paint_source = g_idle_add_full (PAINT_PRIORITY, paint_idle, self, NULL);
  }
}
