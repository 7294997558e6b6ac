/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cc-article.h"
#include "cc-reader-view-private.h"

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

static gboolean
apply_margins (gpointer data)
{
  CcReaderView *self = data;

  self->margin_source = 0;
  gtk_text_view_set_left_margin (self->text_view, self->last_margin);
  gtk_text_view_set_right_margin (self->text_view, self->last_margin);
  gtk_widget_set_margin_start (GTK_WIDGET (self->source_label), self->last_margin);
  gtk_widget_set_margin_end (GTK_WIDGET (self->source_label), self->last_margin);

  return G_SOURCE_REMOVE;
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
   * length and centred. They are applied right after this allocation:
   * changing them now would queue a resize in the middle of it. */
  if (margin != self->last_margin)
    {
      self->last_margin = margin;
      if (self->margin_source == 0)
        self->margin_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_margins, self, NULL);
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

  /* a list item ("• Cars: from Friday") is not a heading */
  if (g_str_has_prefix (copy, "• ") || g_str_has_prefix (copy, "- ") || g_str_has_prefix (copy, "* "))
    return FALSE;
  last = g_utf8_get_char (g_utf8_find_prev_char (copy, copy + strlen (copy)));
  return !g_unichar_ispunct (last) || last == ')';
}

/* A first line that is not the title is a heading only when short: an
 * opening paragraph (a PDF's, a pasted article's) stays body text. */
static gboolean
is_heading_like (const char *line,
                 gsize       len)
{
  g_autofree char *copy = g_strndup (line, len);

  return cc_article_is_title_like (g_strstrip (copy));
}

static gboolean
is_caption (const char *line,
            gsize       len)
{
  g_autofree char *copy = g_strndup (line, len);

  return cc_article_is_caption (g_strstrip (copy));
}

/* "12 March 2031" under the title: the article's date, set as its byline */
static gboolean
is_date_line (const char *line,
              gsize       len)
{
  g_autofree char *copy = g_strndup (line, len);

  return cc_article_is_date_line (g_strstrip (copy));
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
              if (line_matches (p, len, title) ||
                  (content_lines == 0 && is_heading_like (p, len) && !is_caption (p, len)))
                {
                  apply_tag_to_bytes (buffer, self->title_tag, text, p, len, char_offset);
                  seen_title = TRUE;
                }
              else if (is_caption (p, len))
                apply_tag_to_bytes (buffer, self->byline_tag, text, p, len, char_offset);
              else if (content_lines >= 6)
                in_front_matter = FALSE;
            }
          else if (in_front_matter && len <= 160 &&
                   (line_matches (p, len, byline) || line_matches (p, len, outlet) ||
                    is_date_line (p, len)))
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

              {
                /* a photo caption or credit is set small, never as a heading */
                if (is_caption (p, len))
                  apply_tag_to_bytes (buffer, self->byline_tag, text, p, len, char_offset);
                else if (looks_like_subheading (p, len, next_len))
                  apply_tag_to_bytes (buffer, self->subheading_tag, text, p, len, char_offset);
              }
            }
          content_lines++;
        }

      char_offset += line_chars + 1;
      if (end == NULL)
        break;
      p = end + 1;
    }
}

/* The header over the text: where the article is from, and its link. */
static void
update_source_label (CcReaderView *self)
{
  g_autofree char *line = self->document ? cc_document_dup_source_line (self->document) : NULL;
  const char *url = self->document ? cc_document_get_url (self->document) : NULL;
  g_autoptr(GString) markup = g_string_new (NULL);

  if (line != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (line, -1);
      g_string_append (markup, escaped);
    }
  if (url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")))
    {
      g_autofree char *escaped = g_markup_escape_text (url, -1);
      if (markup->len > 0)
        g_string_append_c (markup, '\n');
      g_string_append_printf (markup, "<a href=\"%s\">%s</a>", escaped, escaped);
    }
  gtk_label_set_markup (self->source_label, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), self->show_source && markup->len > 0);
}

void
cc_reader_view_set_show_source (CcReaderView *self,
                                gboolean      show)
{
  g_return_if_fail (CC_IS_READER_VIEW (self));
  self->show_source = !!show;
  update_source_label (self);
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
  update_source_label (self);

  _cc_reader_view_find_clear (self);
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
    _cc_reader_view_find_update_label (self);

  /* A new document starts at the very top, top margin included. */
  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &start);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0.0);

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

static void
cc_reader_view_dispose (GObject *object)
{
  CcReaderView *self = CC_READER_VIEW (object);

  g_clear_handle_id (&self->margin_source, g_source_remove);
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
  gtk_widget_class_bind_template_child (widget_class, CcReaderView, source_label);

  _cc_reader_view_class_find_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "readerview");
}

static void
cc_reader_view_init (CcReaderView *self)
{
  GtkTextBuffer *buffer;
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
  _cc_reader_view_find_init (self);
}
