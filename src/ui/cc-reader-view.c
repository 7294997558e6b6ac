/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-reader-view.h"

/* Readable line length, in ems of the body font, and the smallest side
 * margin in pixels. */
#define READER_MAX_EMS      40.0
#define READER_MIN_MARGIN   24
#define TEXT_SIZE_MIN       0.5
#define TEXT_SIZE_MAX       3.0
#define TITLE_SCALE         1.6
#define BYLINE_SCALE        0.92
#define SUBHEADING_SCALE    1.12
#define BLANK_SCALE         0.3
#define FIND_TAG            "cc-find-match"
#define FIND_CURRENT_TAG    "cc-find-current"

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
  guint           current_match; /* 1-based, 0 = none */
  gboolean        updating_entry;
};

G_DEFINE_FINAL_TYPE (CcReaderView, cc_reader_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TEXT_SIZE,
  N_PROPS
};

enum {
  DOCUMENT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_find_label (CcReaderView *self);

GtkWidget *
cc_reader_view_new (void)
{
  return g_object_new (CC_TYPE_READER_VIEW, NULL);
}

static double
body_font_px (CcReaderView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
  PangoFontDescription *desc = pango_context_get_font_description (context);
  double size = 11.0 * PANGO_SCALE;
  double px;

  if (desc != NULL && pango_font_description_get_size (desc) > 0)
    size = pango_font_description_get_size (desc);

  if (desc != NULL && pango_font_description_get_size_is_absolute (desc))
    px = size / PANGO_SCALE;
  else
    px = size / PANGO_SCALE * 96.0 / 72.0;

  return px * self->text_size;
}

static void
cc_reader_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CcReaderView *self = CC_READER_VIEW (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
cc_reader_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CcReaderView *self = CC_READER_VIEW (widget);
  int max_width = (int) (READER_MAX_EMS * body_font_px (self));
  int margin = MAX (READER_MIN_MARGIN, (width - max_width) / 2);

  /* Margins follow the width, so the column of text stays at a readable
   * length and centred. */
  if (margin != self->last_margin)
    {
      self->last_margin = margin;
      gtk_text_view_set_left_margin (self->text_view, margin);
      gtk_text_view_set_right_margin (self->text_view, margin);
    }

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static void
apply_text_size (CcReaderView *self)
{
  g_object_set (self->body_tag, "scale", self->text_size, NULL);
  g_object_set (self->title_tag, "scale", self->text_size * TITLE_SCALE, NULL);
  g_object_set (self->byline_tag, "scale", self->text_size * BYLINE_SCALE, NULL);
  g_object_set (self->subheading_tag, "scale", self->text_size * SUBHEADING_SCALE, NULL);
  g_object_set (self->blank_tag, "scale", self->text_size * BLANK_SCALE, NULL);
  self->last_margin = -1;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

double
cc_reader_view_get_text_size (CcReaderView *self)
{
  g_return_val_if_fail (CC_IS_READER_VIEW (self), 1.0);

  return self->text_size;
}

void
cc_reader_view_set_text_size (CcReaderView *self,
                              double        text_size)
{
  g_return_if_fail (CC_IS_READER_VIEW (self));

  text_size = CLAMP (text_size, TEXT_SIZE_MIN, TEXT_SIZE_MAX);
  if (G_APPROX_VALUE (text_size, self->text_size, 0.001))
    return;

  self->text_size = text_size;
  apply_text_size (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SIZE]);
}

static gboolean
line_matches (const char *line,
              gsize       len,
              const char *wanted)
{
  g_autofree char *copy = NULL;

  if (wanted == NULL || *wanted == '\0')
    return FALSE;

  copy = g_strndup (line, len);
  g_strstrip (copy);
  return *copy != '\0' && (strstr (copy, wanted) != NULL || strstr (wanted, copy) != NULL);
}

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;

  return TRUE;
}

/* A short line without closing punctuation, followed by a longer one, reads
 * as a section heading. */
static gboolean
looks_like_subheading (const char *line,
                       gsize       len,
                       gsize       next_len)
{
  g_autofree char *copy = NULL;
  gunichar last;
  glong chars;

  if (len == 0 || len > 400 || next_len <= len)
    return FALSE;

  copy = g_strstrip (g_strndup (line, len));
  chars = g_utf8_strlen (copy, -1);
  if (chars < 3 || chars > 90 || strchr (copy, ' ') == NULL)
    return FALSE;

  last = g_utf8_get_char (g_utf8_find_prev_char (copy, copy + strlen (copy)));
  return !g_unichar_ispunct (last) || last == ')';
}

static void
apply_tag_to_bytes (GtkTextBuffer *buffer,
                    GtkTextTag    *tag,
                    const char    *text,
                    const char    *start,
                    gsize          len,
                    glong          start_char)
{
  GtkTextIter a, b;
  glong end_char = start_char + g_utf8_pointer_to_offset (start, start + len);

  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) start_char);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) end_char);
  gtk_text_buffer_apply_tag (buffer, tag, &a, &b);
}

/* Styles the title line as a heading, the byline/outlet lines right under it
 * as a caption, short section lines as subheadings and blank lines as thin
 * gaps. Only tags are applied: the text is untouched, so offsets match. */
static void
style_text (CcReaderView *self,
            const char   *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *title = cc_document_get_title (self->document);
  const char *byline = cc_document_get_byline (self->document);
  const char *outlet = cc_document_get_outlet (self->document);
  gboolean seen_title = FALSE;
  gboolean in_front_matter = TRUE;
  guint content_lines = 0;
  const char *p = text;
  glong char_offset = 0;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      gsize len = end ? (gsize) (end - p) : strlen (p);
      glong line_chars = g_utf8_pointer_to_offset (p, p + len);

      if (is_blank (p, len))
        {
          /* The newline of a blank line is a thin gap, not a full line. */
          if (end != NULL)
            apply_tag_to_bytes (buffer, self->blank_tag, text, p, len + 1, char_offset);
        }
      else
        {
          if (in_front_matter && !seen_title)
            {
              /* The first non-empty line is the title unless the title was
               * found further down (a Markdown H1). */
              if (content_lines == 0 || line_matches (p, len, title))
                {
                  apply_tag_to_bytes (buffer, self->title_tag, text, p, len, char_offset);
                  seen_title = TRUE;
                }
              else if (content_lines >= 6)
                in_front_matter = FALSE;
            }
          else if (in_front_matter && len <= 160 &&
                   (line_matches (p, len, byline) || line_matches (p, len, outlet)))
            {
              apply_tag_to_bytes (buffer, self->byline_tag, text, p, len, char_offset);
            }
          else
            {
              const char *next = end ? end + 1 : NULL;
              gsize next_len = 0;

              in_front_matter = FALSE;

              /* The next non-blank line. */
              while (next != NULL && *next != '\0')
                {
                  const char *next_end = strchr (next, '\n');
                  gsize l = next_end ? (gsize) (next_end - next) : strlen (next);

                  if (!is_blank (next, l))
                    {
                      next_len = l;
                      break;
                    }
                  next = next_end ? next_end + 1 : NULL;
                }

              if (looks_like_subheading (p, len, next_len))
                apply_tag_to_bytes (buffer, self->subheading_tag, text, p, len, char_offset);
            }
          content_lines++;
        }

      char_offset += line_chars + 1;
      if (end == NULL)
        break;
      p = end + 1;
    }
}

static void
clear_find (CcReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  g_array_set_size (self->matches, 0);
  self->current_match = 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, FIND_TAG, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, FIND_CURRENT_TAG, &start, &end);
}

gboolean
cc_reader_view_set_document (CcReaderView  *self,
                             CcStore       *store,
                             CcDocument    *document,
                             GError       **error)
{
  GtkTextBuffer *buffer;
  g_autofree char *loaded = NULL;
  const char *text = NULL;
  GtkTextIter start, end;
  gboolean ok = TRUE;

  g_return_val_if_fail (CC_IS_READER_VIEW (self), FALSE);
  g_return_val_if_fail (document == NULL || CC_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (document == NULL || CC_IS_STORE (store), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);

  if (document != NULL)
    {
      text = cc_document_get_text (document);
      if (text == NULL)
        {
          loaded = cc_store_load_text (store, cc_document_get_id (document), error);
          if (loaded == NULL)
            {
              document = NULL;
              ok = FALSE;
            }
          else
            {
              cc_document_set_text (document, loaded);
              text = cc_document_get_text (document);
            }
        }
    }

  g_set_object (&self->document, document);

  clear_find (self);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->body_tag, &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);

  if (self->document != NULL && text != NULL)
    style_text (self, text);

  /* Re-run an open search on the new text. */
  if (gtk_search_bar_get_search_mode (self->find_bar) && self->needle != NULL)
    {
      g_autofree char *needle = g_strdup (self->needle);
      cc_reader_view_find (self, needle);
    }
  else
    update_find_label (self);

  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &start);
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 0.0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_signal_emit (self, signals[DOCUMENT_CHANGED], 0);

  return ok;
}

CcDocument *
cc_reader_view_get_document (CcReaderView *self)
{
  g_return_val_if_fail (CC_IS_READER_VIEW (self), NULL);

  return self->document;
}

GtkTextBuffer *
cc_reader_view_get_buffer (CcReaderView *self)
{
  g_return_val_if_fail (CC_IS_READER_VIEW (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

GtkTextView *
cc_reader_view_get_text_view (CcReaderView *self)
{
  g_return_val_if_fail (CC_IS_READER_VIEW (self), NULL);

  return self->text_view;
}

void
cc_reader_view_scroll_to_offset (CcReaderView *self,
                                 guint         offset,
                                 guint         select_length)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (CC_IS_READER_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) MIN (offset, (guint) G_MAXINT));
  end = start;
  if (select_length > 0)
    gtk_text_iter_forward_chars (&end, (int) MIN (select_length, (guint) G_MAXINT));

  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &start);
  /* A mark (not an iter) so the scroll happens once the new text is laid
   * out, even right after set_document(). */
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 0.3);
}

GtkTextTag *
cc_reader_view_ensure_tag (CcReaderView *self,
                           const char   *tag_name)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  GtkTextTag *tag;

  g_return_val_if_fail (CC_IS_READER_VIEW (self), NULL);
  g_return_val_if_fail (tag_name != NULL, NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  table = gtk_text_buffer_get_tag_table (buffer);
  tag = gtk_text_tag_table_lookup (table, tag_name);
  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, tag_name, NULL);

  return tag;
}

void
cc_reader_view_mark_ranges (CcReaderView *self,
                            const char   *tag_name,
                            const CcSpan *ranges,
                            guint         n_ranges)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  int n_chars;

  g_return_if_fail (CC_IS_READER_VIEW (self));
  g_return_if_fail (tag_name != NULL);
  g_return_if_fail (ranges != NULL || n_ranges == 0);

  buffer = gtk_text_view_get_buffer (self->text_view);
  tag = cc_reader_view_ensure_tag (self, tag_name);
  n_chars = gtk_text_buffer_get_char_count (buffer);

  for (guint i = 0; i < n_ranges; i++)
    {
      GtkTextIter start, end;
      int s = (int) MIN (ranges[i].start, (guint) n_chars);
      int e = (int) MIN (ranges[i].end, (guint) n_chars);

      if (e <= s)
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, s);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, e);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

void
cc_reader_view_clear_ranges (CcReaderView *self,
                             const char   *tag_name)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (CC_IS_READER_VIEW (self));
  g_return_if_fail (tag_name != NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name) == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, tag_name, &start, &end);
}

/* Find in document */

static void
update_find_label (CcReaderView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  gboolean has_matches = self->matches->len > 0;

  if (text == NULL || *text == '\0')
    {
      gtk_label_set_label (self->find_count, "");
    }
  else if (!has_matches)
    {
      gtk_label_set_label (self->find_count, _("No results"));
    }
  else if (self->current_match == 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match",
                                                             "%u matches", self->matches->len),
                                                self->matches->len);
      gtk_label_set_label (self->find_count, label);
    }
  else
    {
      /* Translators: "3 of 12" matches */
      g_autofree char *label = g_strdup_printf (_("%u of %u"), self->current_match,
                                                self->matches->len);
      gtk_label_set_label (self->find_count, label);
    }

  gtk_widget_set_sensitive (self->find_previous, has_matches);
  gtk_widget_set_sensitive (self->find_next, has_matches);

  if (text != NULL && *text != '\0' && !has_matches)
    gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

guint
cc_reader_view_find (CcReaderView *self,
                     const char   *needle)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter, match_start, match_end;
  GtkTextTag *tag;
  char *copy;

  g_return_val_if_fail (CC_IS_READER_VIEW (self), 0);

  buffer = gtk_text_view_get_buffer (self->text_view);
  clear_find (self);
  /* @needle may be self->needle itself. */
  copy = (needle && *needle) ? g_strdup (needle) : NULL;
  g_free (self->needle);
  self->needle = copy;

  if (self->needle == NULL)
    {
      update_find_label (self);
      return 0;
    }

  /* Keep the entry in step when called from code (without searching again
   * from its change handlers). */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->find_entry)), self->needle) != 0)
    {
      self->updating_entry = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), self->needle);
      self->updating_entry = FALSE;
    }

  tag = cc_reader_view_ensure_tag (self, FIND_TAG);
  gtk_text_buffer_get_start_iter (buffer, &iter);

  while (gtk_text_iter_forward_search (&iter, self->needle,
                                       GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                       &match_start, &match_end, NULL))
    {
      CcSpan span = {
        (guint) gtk_text_iter_get_offset (&match_start),
        (guint) gtk_text_iter_get_offset (&match_end),
      };

      if (span.end <= span.start)
        break;
      g_array_append_val (self->matches, span);
      gtk_text_buffer_apply_tag (buffer, tag, &match_start, &match_end);
      iter = match_end;
    }

  update_find_label (self);
  return self->matches->len;
}

static void
select_match (CcReaderView *self,
              guint         index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const CcSpan *span = &g_array_index (self->matches, CcSpan, index - 1);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, FIND_CURRENT_TAG, &start, &end);

  self->current_match = index;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) span->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) span->end);
  gtk_text_buffer_apply_tag_by_name (buffer, FIND_CURRENT_TAG, &start, &end);
  cc_reader_view_scroll_to_offset (self, span->start, span->end - span->start);
  update_find_label (self);
}

guint
cc_reader_view_find_next (CcReaderView *self,
                          gboolean      forward)
{
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  guint offset;
  guint index = 0;

  g_return_val_if_fail (CC_IS_READER_VIEW (self), 0);

  if (self->matches->len == 0)
    return 0;

  if (self->current_match > 0)
    {
      if (forward)
        index = self->current_match % self->matches->len + 1;
      else
        index = self->current_match == 1 ? self->matches->len : self->current_match - 1;
    }
  else
    {
      /* Start from the cursor: the first match after (or before) it. */
      buffer = gtk_text_view_get_buffer (self->text_view);
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      offset = (guint) gtk_text_iter_get_offset (&cursor);

      if (forward)
        {
          index = 1;
          for (guint i = 0; i < self->matches->len; i++)
            if (g_array_index (self->matches, CcSpan, i).start >= offset)
              {
                index = i + 1;
                break;
              }
        }
      else
        {
          index = self->matches->len;
          for (guint i = self->matches->len; i > 0; i--)
            if (g_array_index (self->matches, CcSpan, i - 1).start < offset)
              {
                index = i;
                break;
              }
        }
    }

  select_match (self, index);
  return index;
}

guint
cc_reader_view_get_n_matches (CcReaderView *self)
{
  g_return_val_if_fail (CC_IS_READER_VIEW (self), 0);

  return self->matches->len;
}

guint
cc_reader_view_get_current_match (CcReaderView *self)
{
  g_return_val_if_fail (CC_IS_READER_VIEW (self), 0);

  return self->current_match;
}

void
cc_reader_view_start_find (CcReaderView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (CC_IS_READER_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) < 100)
    {
      g_autofree char *selected = gtk_text_iter_get_text (&start, &end);
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), selected);
    }

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

void
cc_reader_view_stop_find (CcReaderView *self)
{
  g_return_if_fail (CC_IS_READER_VIEW (self));

  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
}

guint
cc_reader_view_find_from (CcReaderView *self,
                          const char   *needle,
                          guint         offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  guint n;

  g_return_val_if_fail (CC_IS_READER_VIEW (self), 0);

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  n = cc_reader_view_find (self, needle);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) MIN (offset, (guint) G_MAXINT));
  gtk_text_buffer_place_cursor (buffer, &iter);
  if (n > 0)
    cc_reader_view_find_next (self, TRUE);

  return n;
}

static void
on_find_changed (CcReaderView   *self,
                 GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->updating_entry)
    return;
  if (g_strcmp0 (text, self->needle) == 0 && (text == NULL || *text != '\0'))
    return;

  if (cc_reader_view_find (self, text) > 0)
    cc_reader_view_find_next (self, TRUE);
}

static void
on_find_next (CcReaderView *self)
{
  cc_reader_view_find_next (self, TRUE);
}

static void
on_find_previous (CcReaderView *self)
{
  cc_reader_view_find_next (self, FALSE);
}

static gboolean
on_find_previous_shortcut (GtkWidget *widget,
                           GVariant  *args,
                           gpointer   user_data)
{
  cc_reader_view_find_next (CC_READER_VIEW (user_data), FALSE);
  return TRUE;
}

static void
on_find_mode_changed (CcReaderView *self,
                      GParamSpec   *pspec,
                      GtkSearchBar *bar)
{
  if (!gtk_search_bar_get_search_mode (bar))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter start, end;

      g_clear_pointer (&self->needle, g_free);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag_by_name (buffer, FIND_TAG, &start, &end);
      gtk_text_buffer_remove_tag_by_name (buffer, FIND_CURRENT_TAG, &start, &end);
      g_array_set_size (self->matches, 0);
      self->current_match = 0;
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
    }
}

static void
cc_reader_view_dispose (GObject *object)
{
  CcReaderView *self = CC_READER_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_READER_VIEW);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cc_reader_view_parent_class)->dispose (object);
}

static void
cc_reader_view_finalize (GObject *object)
{
  CcReaderView *self = CC_READER_VIEW (object);

  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (cc_reader_view_parent_class)->finalize (object);
}

static void
cc_reader_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CcReaderView *self = CC_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_TEXT_SIZE:
      g_value_set_double (value, self->text_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_reader_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CcReaderView *self = CC_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXT_SIZE:
      cc_reader_view_set_text_size (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_reader_view_class_init (CcReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_reader_view_dispose;
  object_class->finalize = cc_reader_view_finalize;
  object_class->get_property = cc_reader_view_get_property;
  object_class->set_property = cc_reader_view_set_property;

  widget_class->measure = cc_reader_view_measure;
  widget_class->size_allocate = cc_reader_view_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CC_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_SIZE] =
    g_param_spec_double ("text-size", NULL, NULL,
                         TEXT_SIZE_MIN, TEXT_SIZE_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DOCUMENT_CHANGED] =
    g_signal_new ("document-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gnome/Crosscheck/ui/cc-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcReaderView, box);
  gtk_widget_class_bind_template_child (widget_class, CcReaderView, find_bar);
  gtk_widget_class_bind_template_child (widget_class, CcReaderView, find_entry);
  gtk_widget_class_bind_template_child (widget_class, CcReaderView, find_count);
  gtk_widget_class_bind_template_child (widget_class, CcReaderView, find_previous);
  gtk_widget_class_bind_template_child (widget_class, CcReaderView, find_next);
  gtk_widget_class_bind_template_child (widget_class, CcReaderView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CcReaderView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_find_next);
  gtk_widget_class_bind_template_callback (widget_class, on_find_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_find_mode_changed);

  gtk_widget_class_set_css_name (widget_class, "readerview");
}

static void
cc_reader_view_init (CcReaderView *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *controller;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->text_size = 1.0;
  self->last_margin = -1;
  self->matches = g_array_new (FALSE, FALSE, sizeof (CcSpan));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, "cc-scroll-target", &start, TRUE);

  /* Created first, so every later tag (panels, highlights) wins over them. */
  self->body_tag = gtk_text_buffer_create_tag (buffer, "cc-body",
                                               "scale", 1.0,
                                               NULL);
  self->title_tag = gtk_text_buffer_create_tag (buffer, "cc-title",
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "scale", TITLE_SCALE,
                                                "pixels-below-lines", 18,
                                                "pixels-inside-wrap", 2,
                                                NULL);
  self->byline_tag = gtk_text_buffer_create_tag (buffer, "cc-byline",
                                                 "style", PANGO_STYLE_ITALIC,
                                                 "scale", BYLINE_SCALE,
                                                 "pixels-below-lines", 10,
                                                 NULL);
  self->subheading_tag = gtk_text_buffer_create_tag (buffer, "cc-subheading",
                                                     "weight", PANGO_WEIGHT_BOLD,
                                                     "scale", SUBHEADING_SCALE,
                                                     "pixels-above-lines", 10,
                                                     NULL);
  self->blank_tag = gtk_text_buffer_create_tag (buffer, "cc-blank",
                                                "scale", BLANK_SCALE,
                                                "pixels-below-lines", 0,
                                                "pixels-inside-wrap", 0,
                                                NULL);
  gtk_text_buffer_create_tag (buffer, FIND_TAG,
                              "background-rgba", &(GdkRGBA) { 0.97, 0.83, 0.18, 0.35 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, FIND_CURRENT_TAG,
                              "background-rgba", &(GdkRGBA) { 0.96, 0.65, 0.14, 0.85 },
                              NULL);

  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));

  /* Shift+Enter in the find entry: previous match. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>Return|<Shift>KP_Enter"),
                                                          gtk_callback_action_new (on_find_previous_shortcut, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), controller);
}
