/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cc-annotation-popover.h"
#include "cc-annotation-store.h"
#include "cc-highlighter.h"

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

G_DEFINE_FINAL_TYPE (CcHighlighter, cc_highlighter, G_TYPE_OBJECT)

static gboolean can_popup (CcHighlighter *self);

static int
color_index (const char *color)
{
  const char * const *colors = cc_annotation_get_colors ();

  for (int i = 0; colors[i] != NULL && i < N_COLORS; i++)
    if (g_strcmp0 (colors[i], color) == 0)
      return i;

  return 0;
}

void
cc_highlighter_ensure_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "cc-notes-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/gnome/Crosscheck/cc-notes.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "cc-notes-style",
                          g_object_ref (provider), g_object_unref);
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

static void
ensure_note_tags (CcHighlighter *self)
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

static void
on_dark_changed (CcHighlighter   *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *manager)
{
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
static void
paint (CcHighlighter *self,
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

      color = color_index (cc_annotation_get_color (a));
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
static void
clear_all (CcHighlighter *self)
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
  paint (self, chunk * CHUNK_CHARS, (chunk + 1) * CHUNK_CHARS);
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
cc_highlighter_reload (CcHighlighter *self)
{
  CcDocument *document;
  CcStore *store;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n_chars;

  g_return_if_fail (CC_IS_HIGHLIGHTER (self));

  g_clear_handle_id (&self->paint_source, g_source_remove);
  g_clear_pointer (&self->painted, g_free);
  self->n_chunks = 0;
  g_ptr_array_set_size (self->annotations, 0);
  clear_all (self);

  document = cc_reader_view_get_document (self->reader);
  store = cc_undo_stack_get_store (self->undo);
  self->document_id = document ? cc_document_get_id (document) : 0;
  if (document == NULL || store == NULL)
    return;

  list = cc_annotation_store_list (store,
                                   &(CcAnnotationFilter) { .document_id = self->document_id },
                                   &error);
  if (list == NULL)
    {
      g_warning ("Could not load the annotations of document %" G_GINT64_FORMAT ": %s",
                 self->document_id, error->message);
      return;
    }

  for (guint i = 0; i < list->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (list, i);

      if (!cc_annotation_is_orphaned (a))
        g_ptr_array_add (self->annotations, g_object_ref (a));
    }

  n_chars = (guint) gtk_text_buffer_get_char_count (self->buffer);
  if (self->annotations->len <= SYNC_LIMIT)
    {
      paint (self, 0, n_chars);
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

gboolean
cc_highlighter_get_painting (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), FALSE);

  return self->paint_source != 0;
}

guint
cc_highlighter_get_n_highlights (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), 0);

  return self->annotations->len;
}

CcAnnotation *
cc_highlighter_get_annotation_at (CcHighlighter *self,
                                  guint          offset)
{
  CcAnnotation *best = NULL;

  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), NULL);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (self->annotations, i);
      guint s = cc_annotation_get_start (a);
      guint e = cc_annotation_get_end (a);

      if (s <= offset && offset < e &&
          (best == NULL || e - s < cc_annotation_get_end (best) - cc_annotation_get_start (best)))
        best = a;
    }

  return best;
}

static CcAnnotation *
find_by_uuid (CcHighlighter *self,
              const char    *uuid,
              guint         *index)
{
  for (guint i = 0; i < self->annotations->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (g_strcmp0 (cc_annotation_get_uuid (a), uuid) == 0)
        {
          if (index != NULL)
            *index = i;
          return a;
        }
    }

  return NULL;
}

static void
on_undo_changed (CcHighlighter *self,
                 CcAnnotation  *annotation,
                 gboolean       exists,
                 CcUndoStack   *undo)
{
  CcAnnotation *old;
  guint index;

  if (self->document_id == 0 || cc_annotation_get_document_id (annotation) != self->document_id)
    return;

  old = find_by_uuid (self, cc_annotation_get_uuid (annotation), &index);
  if (old != NULL)
    {
      guint s = cc_annotation_get_start (old);
      guint e = cc_annotation_get_end (old);

      g_ptr_array_remove_index (self->annotations, index);
      paint (self, s, e);
    }

  if (exists && !cc_annotation_is_orphaned (annotation))
    {
      g_ptr_array_add (self->annotations, cc_annotation_copy (annotation));
      paint (self, cc_annotation_get_start (annotation), cc_annotation_get_end (annotation));
    }
}

/* Making highlights */

static void
show_error (CcHighlighter *self,
            const char    *what,
            const GError  *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->reader));
  g_autofree char *title = g_strdup_printf ("%s: %s", what, error->message);
  GtkWidget *overlay;

  g_warning ("%s", title);

  /* The window's toast overlay is an ancestor of the reader. */
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self->reader), ADW_TYPE_TOAST_OVERLAY);
  if (root != NULL && overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static gboolean
get_trimmed_selection (CcHighlighter *self,
                       guint         *start,
                       guint         *end)
{
  GtkTextIter s, e;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &s, &e))
    return FALSE;

  while (gtk_text_iter_compare (&s, &e) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&s)))
    gtk_text_iter_forward_char (&s);
  while (gtk_text_iter_compare (&s, &e) < 0)
    {
      GtkTextIter prev = e;

      gtk_text_iter_backward_char (&prev);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&prev)))
        break;
      e = prev;
    }

  if (gtk_text_iter_equal (&s, &e))
    return FALSE;

  *start = (guint) gtk_text_iter_get_offset (&s);
  *end = (guint) gtk_text_iter_get_offset (&e);
  return TRUE;
}

const char *
cc_highlighter_get_last_color (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), NULL);

  return self->last_color;
}

CcAnnotation *
cc_highlighter_highlight_selection (CcHighlighter  *self,
                                    const char     *color,
                                    GError        **error)
{
  CcDocument *document;
  CcAnnotation *annotation = NULL;
  GtkTextIter cursor;
  guint start, end;

  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), NULL);

  if (color == NULL)
    color = self->last_color;
  if (!cc_annotation_color_is_valid (color))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown colour “%s”"), color);
      return NULL;
    }

  document = cc_reader_view_get_document (self->reader);
  if (document == NULL || !get_trimmed_selection (self, &start, &end))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Nothing is selected"));
      return NULL;
    }

  g_free (self->last_color);
  self->last_color = g_strdup (color);

  /* The same passage again: change the colour of its highlight. */
  for (guint i = 0; i < self->annotations->len; i++)
    {
      CcAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (cc_annotation_get_start (a) == start && cc_annotation_get_end (a) == end)
        {
          g_autoptr(CcAnnotation) before = cc_annotation_copy (a);

          annotation = cc_annotation_copy (a);
          cc_annotation_set_color (annotation, color);
          if (!cc_undo_stack_update (self->undo, before, annotation, FALSE, error))
            g_clear_object (&annotation);
          break;
        }
    }

  if (annotation == NULL && (error == NULL || *error == NULL))
    annotation = cc_undo_stack_create (self->undo, cc_document_get_id (document),
                                       start, end, color, error);
  if (annotation == NULL)
    return NULL;

  /* Drop the selection so the new colour shows. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &cursor, (int) end);
  gtk_text_buffer_select_range (self->buffer, &cursor, &cursor);
  gtk_popover_popdown (GTK_POPOVER (self->selection_popover));

  return annotation;
}

/* Popovers */

static void
range_rectangle (CcHighlighter *self,
                 guint          start,
                 guint          end,
                 GdkRectangle  *rect)
{
  GtkTextIter s, e;
  GdkRectangle rs, re;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &e, (int) end);
  gtk_text_view_get_iter_location (self->text_view, &s, &rs);
  gtk_text_view_get_iter_location (self->text_view, &e, &re);

  /* On one line: the whole stretch; across lines: the start of its first
   * line. */
  if (re.y == rs.y && re.x > rs.x)
    rs.width = re.x - rs.x;
  rs.width = MAX (rs.width, 1);

  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rs.x, rs.y, &rs.x, &rs.y);
  *rect = rs;
}

gboolean
cc_highlighter_open_annotation (CcHighlighter *self,
                                const char    *uuid,
                                gboolean       focus_note)
{
  CcAnnotationPopover *popover;
  CcAnnotation *annotation;
  GdkRectangle rect;

  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), FALSE);

  annotation = find_by_uuid (self, uuid, NULL);
  if (annotation == NULL || !can_popup (self))
    return FALSE;

  popover = CC_ANNOTATION_POPOVER (self->annotation_popover);
  gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
  cc_annotation_popover_set_annotation (popover, annotation);

  range_rectangle (self, cc_annotation_get_start (annotation),
                   cc_annotation_get_end (annotation), &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  gtk_popover_popup (GTK_POPOVER (popover));
  if (focus_note)
    cc_annotation_popover_focus_note (popover);

  return TRUE;
}

static gboolean
open_on_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  CcHighlighter *self = user_data;

  /* The first frame lays the text out; open on the next. */
  if (++self->open_ticks < 2)
    return G_SOURCE_CONTINUE;

  self->open_tick_id = 0;
  if (self->open_uuid != NULL)
    cc_highlighter_open_annotation (self, self->open_uuid, FALSE);
  g_clear_pointer (&self->open_uuid, g_free);

  return G_SOURCE_REMOVE;
}

void
cc_highlighter_open_annotation_later (CcHighlighter *self,
                                      const char    *uuid)
{
  g_return_if_fail (CC_IS_HIGHLIGHTER (self));
  g_return_if_fail (uuid != NULL);

  g_free (self->open_uuid);
  self->open_uuid = g_strdup (uuid);
  self->open_ticks = 0;
  if (self->open_tick_id == 0)
    self->open_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view),
                                                       open_on_tick, self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

GtkPopover *
cc_highlighter_get_annotation_popover (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), NULL);

  return GTK_POPOVER (self->annotation_popover);
}

/* GTK positions a popover on the monitor of its window: none yet (a window
 * not placed by the window manager yet) means no popover. */
static gboolean
can_popup (CcHighlighter *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self->text_view));
  GdkSurface *surface = native ? gtk_native_get_surface (native) : NULL;

  return surface != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->text_view)) &&
         gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) != NULL;
}

static void
show_selection_popover (CcHighlighter *self)
{
  GdkRectangle rect;
  guint start, end;

  if (cc_reader_view_get_document (self->reader) == NULL ||
      cc_undo_stack_get_store (self->undo) == NULL ||
      !get_trimmed_selection (self, &start, &end) || !can_popup (self))
    return;

  range_rectangle (self, start, end, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->selection_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->selection_popover));
}

gboolean
cc_highlighter_popup_selection_bar (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), FALSE);

  show_selection_popover (self);
  return gtk_widget_get_visible (self->selection_popover);
}

GtkPopover *
cc_highlighter_get_selection_bar (CcHighlighter *self)
{
  g_return_val_if_fail (CC_IS_HIGHLIGHTER (self), NULL);

  return GTK_POPOVER (self->selection_popover);
}

static gboolean
show_selection_popover_cb (gpointer user_data)
{
  CcHighlighter *self = user_data;

  self->popup_source = 0;
  if (gtk_text_buffer_get_has_selection (self->buffer) &&
      gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    show_selection_popover (self);

  return G_SOURCE_REMOVE;
}

static void
on_click_released (CcHighlighter   *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  GtkTextIter iter;
  CcAnnotation *annotation;
  int bx, by;

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    return;

  if (gtk_text_buffer_get_has_selection (self->buffer))
    {
      /* Once the text view has handled the release too: a click that
       * only moved the cursor leaves no selection. */
      g_clear_handle_id (&self->popup_source, g_source_remove);
      self->popup_source = g_timeout_add (POPUP_DELAY_MS, show_selection_popover_cb, self);
      return;
    }

  if (n_press != 1)
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;

  annotation = cc_highlighter_get_annotation_at (self, (guint) gtk_text_iter_get_offset (&iter));
  if (annotation != NULL)
    {
      g_autofree char *uuid = g_strdup (cc_annotation_get_uuid (annotation));
      cc_highlighter_open_annotation (self, uuid, FALSE);
    }
}

static gboolean
on_query_tooltip (CcHighlighter *self,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  GtkTextView   *text_view)
{
  GtkTextIter iter;
  CcAnnotation *annotation;
  int bx, by;

  if (keyboard)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (text_view, &iter, bx, by))
    return FALSE;

  annotation = cc_highlighter_get_annotation_at (self, (guint) gtk_text_iter_get_offset (&iter));
  if (annotation == NULL || *cc_annotation_get_note (annotation) == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, cc_annotation_get_note (annotation));
  return TRUE;
}

/* Actions */

static void
update_actions (CcHighlighter *self)
{
  gboolean enabled = cc_reader_view_get_document (self->reader) != NULL &&
                     cc_undo_stack_get_store (self->undo) != NULL &&
                     gtk_text_buffer_get_has_selection (self->buffer);
  const char *names[] = { "highlight", "highlight-color", "add-note" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i])),
                                 enabled);

  if (!gtk_text_buffer_get_has_selection (self->buffer) && self->selection_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
}

static void
highlight_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CcHighlighter *self = user_data;
  g_autoptr(CcAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  const char *color = parameter ? g_variant_get_string (parameter, NULL) : NULL;

  annotation = cc_highlighter_highlight_selection (self, color, &error);
  if (annotation == NULL)
    show_error (self, _("Could not highlight"), error);
}

static void
add_note_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CcHighlighter *self = user_data;
  g_autoptr(CcAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = cc_highlighter_highlight_selection (self, NULL, &error);
  if (annotation == NULL)
    {
      show_error (self, _("Could not highlight"), error);
      return;
    }

  cc_highlighter_open_annotation (self, cc_annotation_get_uuid (annotation), TRUE);
}

/* Bare keys (H, 1-5) only act in the reading text itself, with a
 * selection: typing in a popover's entry goes on. */
static gboolean
key_shortcut (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  CcHighlighter *self = user_data;
  const char *color = NULL;

  if (!gtk_widget_has_focus (GTK_WIDGET (self->text_view)) ||
      !gtk_text_buffer_get_has_selection (self->buffer) ||
      cc_reader_view_get_document (self->reader) == NULL)
    return FALSE;

  if (args != NULL)
    color = g_variant_get_string (args, NULL);

  g_action_group_activate_action (G_ACTION_GROUP (self->actions),
                                  color ? "highlight-color" : "highlight",
                                  color ? g_variant_new_string (color) : NULL);
  return TRUE;
}

static void
add_key (CcHighlighter         *self,
         GtkShortcutController *controller,
         const char            *trigger,
         const char            *color)
{
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                               gtk_callback_action_new (key_shortcut, self, NULL));
  if (color != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (color));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static GMenu *
build_extra_menu (void)
{
  const char * const *colors = cc_annotation_get_colors ();
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) submenu = g_menu_new ();

  g_menu_append (section, _("_Highlight"), "highlight.highlight");
  for (int i = 0; colors[i] != NULL; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("highlight.highlight-color::%s", colors[i]);
      g_menu_append (submenu, cc_annotation_color_get_label (colors[i]), detailed);
    }
  g_menu_append_submenu (section, _("Highlight _Colour"), G_MENU_MODEL (submenu));
  g_menu_append (section, _("Add _Note…"), "highlight.add-note");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  return menu;
}

static GtkWidget *
build_selection_popover (void)
{
  const char * const *colors = cc_annotation_get_colors ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *note;

  /* Not modal: the text stays usable; it goes when the selection does. */
  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_TOP);
  gtk_widget_add_css_class (popover, "cc-selection-popover");

  for (int i = 0; colors[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new ();
      g_autofree char *tooltip = g_strdup_printf (_("Highlight in %s"),
                                                  cc_annotation_color_get_label (colors[i]));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "highlight.highlight-color");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", colors[i]);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_add_css_class (button, "cc-color-button");
      gtk_widget_add_css_class (button, colors[i]);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  note = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_tooltip_text (note, _("Highlight and Add Note"));
  gtk_widget_set_focus_on_click (note, FALSE);
  gtk_widget_add_css_class (note, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (note), "highlight.add-note");
  gtk_box_append (GTK_BOX (box), note);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static void
on_document_changed (CcHighlighter *self,
                     CcReaderView  *reader)
{
  gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
  gtk_popover_popdown (GTK_POPOVER (self->annotation_popover));
  cc_highlighter_reload (self);
  update_actions (self);
}

static void
on_store_changed (CcHighlighter *self,
                  GParamSpec    *pspec,
                  CcUndoStack   *undo)
{
  cc_highlighter_reload (self);
  update_actions (self);
}

static void
unparent_popovers (CcHighlighter *self)
{
  if (self->selection_popover != NULL)
    gtk_widget_unparent (g_steal_pointer (&self->selection_popover));
  if (self->annotation_popover != NULL)
    {
      cc_annotation_popover_flush (CC_ANNOTATION_POPOVER (self->annotation_popover));
      gtk_widget_unparent (g_steal_pointer (&self->annotation_popover));
    }
}

static const GActionEntry action_entries[] = {
  { "highlight", highlight_action, NULL, NULL, NULL, { 0 } },
  { "highlight-color", highlight_action, "s", NULL, NULL, { 0 } },
  { "add-note", add_note_action, NULL, NULL, NULL, { 0 } },
};

CcHighlighter *
cc_highlighter_new (CcReaderView *reader,
                    CcUndoStack  *undo)
{
  CcHighlighter *self;
  GtkEventController *controller;
  AdwStyleManager *style_manager;

  g_return_val_if_fail (CC_IS_READER_VIEW (reader), NULL);
  g_return_val_if_fail (CC_IS_UNDO_STACK (undo), NULL);

  self = g_object_new (CC_TYPE_HIGHLIGHTER, NULL);
  self->reader = g_object_ref (reader);
  self->undo = g_object_ref (undo);
  self->text_view = cc_reader_view_get_text_view (reader);
  self->buffer = g_object_ref (cc_reader_view_get_buffer (reader));

  cc_highlighter_ensure_style (gtk_widget_get_display (GTK_WIDGET (reader)));

  style_manager = adw_style_manager_get_default ();
  self->dark = adw_style_manager_get_dark (style_manager);
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  ensure_note_tags (self);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (reader), "highlight", G_ACTION_GROUP (self->actions));
  gtk_widget_insert_action_group (GTK_WIDGET (self->text_view), "highlight", G_ACTION_GROUP (self->actions));

  self->extra_menu = build_extra_menu ();
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->extra_menu));

  self->selection_popover = build_selection_popover ();
  gtk_widget_set_parent (self->selection_popover, GTK_WIDGET (self->text_view));
  /* Popovers are their own surfaces: give them the actions directly. */
  gtk_widget_insert_action_group (self->selection_popover, "highlight", G_ACTION_GROUP (self->actions));
  self->annotation_popover = cc_annotation_popover_new (undo);
  gtk_widget_set_parent (self->annotation_popover, GTK_WIDGET (self->text_view));

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_key (self, GTK_SHORTCUT_CONTROLLER (controller), "<Control>h", NULL);
  add_key (self, GTK_SHORTCUT_CONTROLLER (controller), "h", NULL);
  for (int i = 0; i < N_COLORS; i++)
    {
      char trigger[2] = { (char) ('1' + i), '\0' };
      add_key (self, GTK_SHORTCUT_CONTROLLER (controller), trigger, cc_annotation_get_colors ()[i]);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect_object (controller, "released",
                           G_CALLBACK (on_click_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect_object (self->text_view, "query-tooltip",
                           G_CALLBACK (on_query_tooltip), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "destroy",
                           G_CALLBACK (unparent_popovers), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->buffer, "notify::has-selection",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (reader, "document-changed",
                           G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "notify::store",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "changed",
                           G_CALLBACK (on_undo_changed), self, G_CONNECT_SWAPPED);

  cc_highlighter_reload (self);
  update_actions (self);

  return self;
}

static void
cc_highlighter_dispose (GObject *object)
{
  CcHighlighter *self = CC_HIGHLIGHTER (object);

  g_clear_handle_id (&self->paint_source, g_source_remove);
  g_clear_handle_id (&self->popup_source, g_source_remove);
  if (self->open_tick_id != 0 && self->text_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->open_tick_id);
  self->open_tick_id = 0;
  unparent_popovers (self);
  if (self->reader != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self->reader), "highlight", NULL);
  if (self->text_view != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self->text_view), "highlight", NULL);
  if (self->text_view != NULL && self->extra_menu != NULL &&
      gtk_text_view_get_extra_menu (self->text_view) == G_MENU_MODEL (self->extra_menu))
    gtk_text_view_set_extra_menu (self->text_view, NULL);

  g_clear_object (&self->extra_menu);
  g_clear_object (&self->actions);
  g_clear_object (&self->buffer);
  g_clear_object (&self->reader);
  g_clear_object (&self->undo);
  self->text_view = NULL;

  G_OBJECT_CLASS (cc_highlighter_parent_class)->dispose (object);
}

static void
cc_highlighter_finalize (GObject *object)
{
  CcHighlighter *self = CC_HIGHLIGHTER (object);

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->mix_tags, g_hash_table_unref);
  g_clear_pointer (&self->last_color, g_free);
  g_clear_pointer (&self->painted, g_free);

  G_OBJECT_CLASS (cc_highlighter_parent_class)->finalize (object);
}

static void
cc_highlighter_class_init (CcHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_highlighter_dispose;
  object_class->finalize = cc_highlighter_finalize;
}

static void
cc_highlighter_init (CcHighlighter *self)
{
  self->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self->mix_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->last_color = g_strdup ("yellow");
}
