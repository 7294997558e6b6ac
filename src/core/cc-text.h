/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files larger than this are refused on import. */
#define CC_TEXT_MAX_FILE_SIZE (16 * 1024 * 1024)

typedef enum
{
  CC_TEXT_FORMAT_PLAIN,
  CC_TEXT_FORMAT_MARKDOWN,
} CcTextFormat;

typedef struct
{
  char  *text;      /* normalised: valid UTF-8, NFC, '\n' line endings */
  char  *title;     /* never NULL on success */
  char  *outlet;    /* nullable */
  char  *byline;    /* nullable */
  char  *encoding;  /* what the bytes were read as, e.g. "UTF-8", "UTF-16LE" */
  char  *warning;   /* nullable: something was repaired, e.g. NUL bytes removed */
  guint  words;
} CcTextResult;

void          cc_text_result_free        (CcTextResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcTextResult, cc_text_result_free)

gboolean      cc_text_format_for_path    (const char   *path,
                                          CcTextFormat *format);
char         *cc_text_decode             (const guint8 *data,
                                          gsize         len,
                                          char        **encoding,
                                          char        **warning,
                                          GError      **error);
char         *cc_text_normalize          (const char   *utf8);
char         *cc_text_markdown_to_text   (const char   *markdown,
                                          char        **h1);
CcTextResult *cc_text_process            (const guint8 *data,
                                          gsize         len,
                                          CcTextFormat  format,
                                          GError      **error);
guint         cc_text_count_words        (const char   *text);
char         *cc_text_sha256             (const guint8 *data,
                                          gsize         len);
/* Character offset <-> byte offset in a UTF-8 string. */
gsize         cc_text_char_to_byte       (const char   *text,
                                          gsize         char_offset);
gsize         cc_text_byte_to_char       (const char   *text,
                                          gsize         byte_offset);
char         *cc_text_substring          (const char   *text,
                                          gsize         start_char,
                                          gsize         end_char);

G_END_DECLS
