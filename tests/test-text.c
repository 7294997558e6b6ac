/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cc-error.h"
#include "cc-text.h"

static CcTextResult *
process (const char   *data,
         gssize        len,
         CcTextFormat  format,
         GError      **error)
{
  return cc_text_process ((const guint8 *)data, len < 0 ? strlen (data) : (gsize)len, format, error);
}

static void
test_utf8_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcTextResult) r = process ("\xef\xbb\xbfTitle\nBody text.\n", -1, CC_TEXT_FORMAT_PLAIN, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->text, ==, "Title\nBody text.\n");
  g_assert_cmpstr (r->title, ==, "Title");
  g_assert_cmpstr (r->encoding, ==, "UTF-8");
}

static void
test_utf16 (void)
{
  /* "Héllo\r\nwörld" in UTF-16LE and UTF-16BE with BOMs */
  static const char le[] = "\xff\xfe" "H\0\xe9\0l\0l\0o\0\r\0\n\0w\0\xf6\0r\0l\0d\0";
  static const char be[] = "\xfe\xff" "\0H\0\xe9\0l\0l\0o\0\r\0\n\0w\0\xf6\0r\0l\0d";
  g_autoptr(GError) error = NULL;
  g_autoptr(CcTextResult) a = process (le, sizeof le - 1, CC_TEXT_FORMAT_PLAIN, &error);
  g_autoptr(CcTextResult) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a->text, ==, "Héllo\nwörld");
  g_assert_cmpstr (a->encoding, ==, "UTF-16LE");
  b = process (be, sizeof be - 1, CC_TEXT_FORMAT_PLAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->text, ==, "Héllo\nwörld");
  g_assert_cmpstr (b->encoding, ==, "UTF-16BE");
}

static void
test_crlf_and_nfc (void)
{
  g_autoptr(GError) error = NULL;
  /* "e" + COMBINING ACUTE becomes "é"; CRLF and lone CR become LF. */
  g_autoptr(CcTextResult) r = process ("Cafe\xcc\x81\r\nline two\rline three\r\n", -1,
                                       CC_TEXT_FORMAT_PLAIN, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->text, ==, "Café\nline two\nline three\n");
  g_assert_cmpuint (r->words, ==, 5);
}

static void
test_normalize_fast_and_slow (void)
{
  /* Already NFC, with curly quotes, dashes, emoji: kept as is. */
  g_autofree char *a = cc_text_normalize ("“Quote” — café ☕ 😀\r\n");
  /* Decomposed Hangul jamo and a singleton (U+212B ANGSTROM SIGN) are
   * composed; separators and BOMs handled in both paths. */
  g_autofree char *b = cc_text_normalize ("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab \xe2\x84\xab"
                                          "\xe2\x80\xa8x\xef\xbb\xbfy");

  g_assert_cmpstr (a, ==, "“Quote” — café ☕ 😀\n");
  g_assert_cmpstr (b, ==, "한 Å\nxy");
  g_assert_cmpstr (b + strlen ("한 "), ==, "\xc3\x85\nxy");
}

static void
test_binary (void)
{
  g_autoptr(GError) error = NULL;
  guint8 png[256];
  g_autoptr(CcTextResult) r = NULL;

  memcpy (png, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  for (guint i = 16; i < sizeof png; i++)
    png[i] = (guint8)(i * 7);
  r = cc_text_process (png, sizeof png, CC_TEXT_FORMAT_PLAIN, &error);
  g_assert_null (r);
  g_assert_error (error, CC_ERROR, CC_ERROR_BINARY);
}

static void
test_nul_bytes_repaired (void)
{
  static const char data[] = "Title\nSome text\0 with a stray NUL byte in the middle of a long line.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CcTextResult) r = process (data, sizeof data - 1, CC_TEXT_FORMAT_PLAIN, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->text, ==, "Title\nSome text with a stray NUL byte in the middle of a long line.\n");
  g_assert_nonnull (r->warning);
  g_assert_nonnull (strstr (r->warning, "NUL"));
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  /* Latin-1 text: no valid multi-byte sequence, so it is read as Windows-1252. */
  g_autoptr(CcTextResult) latin = process ("Caf\xe9 cr\xe8me\n", -1, CC_TEXT_FORMAT_PLAIN, &error);
  g_autoptr(CcTextResult) mostly = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (latin->text, ==, "Café crème\n");
  g_assert_cmpstr (latin->encoding, ==, "WINDOWS-1252");
  g_assert_nonnull (latin->warning);

  /* Mostly UTF-8 with one bad byte: repaired with U+FFFD. */
  mostly = process ("Caf\xc3\xa9 na\xc3\xafve \xff ok\n", -1, CC_TEXT_FORMAT_PLAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mostly->text, ==, "Café naïve \xef\xbf\xbd ok\n");
  g_assert_true (g_utf8_validate (mostly->text, -1, NULL));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcTextResult) r = process ("", 0, CC_TEXT_FORMAT_PLAIN, &error);

  g_assert_null (r);
  g_assert_error (error, CC_ERROR, CC_ERROR_EMPTY);
  g_clear_error (&error);
  r = process ("  \n\n\t\n", -1, CC_TEXT_FORMAT_PLAIN, &error);
  g_assert_null (r);
  g_assert_error (error, CC_ERROR, CC_ERROR_EMPTY);
}

static void
test_markdown (void)
{
  g_autoptr(GError) error = NULL;
  const char *md =
    "---\nlayout: post\n---\n"
    "# The *Real* Title\n\n"
    "By Jane Roe, The Harbour Courier\n\n"
    "Some **bold** and a [link](https://example.org) and `code`.\n\n"
    "- first\n- second\n\n"
    "1. one\n2. two\n\n"
    "> quoted words\n\n"
    "<div>html block</div>\n";
  g_autoptr(CcTextResult) r = process (md, -1, CC_TEXT_FORMAT_MARKDOWN, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->title, ==, "The Real Title");
  g_assert_cmpstr (r->byline, ==, "Jane Roe");
  g_assert_cmpstr (r->outlet, ==, "The Harbour Courier");
  g_assert_null (strstr (r->text, "**"));
  g_assert_null (strstr (r->text, "]("));
  g_assert_null (strstr (r->text, "<div>"));
  g_assert_null (strstr (r->text, "layout"));
  g_assert_nonnull (strstr (r->text, "Some bold and a link and code."));
  g_assert_nonnull (strstr (r->text, "• first\n• second\n"));
  g_assert_nonnull (strstr (r->text, "1. one\n2. two\n"));
  g_assert_nonnull (strstr (r->text, "quoted words"));
}

static void
test_bylines (void)
{
  static const struct {
    const char *text;
    const char *byline;
    const char *outlet;
  } cases[] = {
    { "Headline\nBy Ana Lima | Daily Wire Service\nText.\n", "Ana Lima", "Daily Wire Service" },
    { "Headline\nBy Ana Lima for The Post\nText.\n", "Ana Lima", "The Post" },
    { "Headline\nBy Ana Lima\nText.\n", "Ana Lima", NULL },
    { "Headline\nSource: Metro Gazette\nText.\n", NULL, "Metro Gazette" },
    { "Headline\nBy the time we arrived, 3 people had left.\nText.\n", NULL, NULL },
    { "Headline\nBody.\nWritten by\nBruno Costa\nBio line.\n", "Bruno Costa", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CcTextResult) r = process (cases[i].text, -1, CC_TEXT_FORMAT_PLAIN, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (r->title, ==, "Headline");
      g_assert_cmpstr (r->byline, ==, cases[i].byline);
      g_assert_cmpstr (r->outlet, ==, cases[i].outlet);
    }
}

static void
test_offsets (void)
{
  const char *text = "a😀b한c";   /* emoji: 4 bytes, Hangul: 3 bytes */
  g_autofree char *sub = NULL;

  g_assert_cmpuint (cc_text_char_to_byte (text, 2), ==, 5);
  g_assert_cmpuint (cc_text_byte_to_char (text, 5), ==, 2);
  g_assert_cmpuint (cc_text_char_to_byte (text, 4), ==, 9);
  sub = cc_text_substring (text, 1, 4);
  g_assert_cmpstr (sub, ==, "😀b한");
}

static void
test_long_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_strnfill (5000, 'x');
  g_autoptr(CcTextResult) r = process (line, -1, CC_TEXT_FORMAT_PLAIN, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (r->title, -1), ==, 201);
  g_assert_true (g_str_has_suffix (r->title, "…"));
}

static void
test_sha256 (void)
{
  g_autofree char *hash = cc_text_sha256 ((const guint8 *)"abc", 3);

  g_assert_cmpstr (hash, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crosscheck/text/utf8-bom", test_utf8_bom);
  g_test_add_func ("/crosscheck/text/utf16", test_utf16);
  g_test_add_func ("/crosscheck/text/crlf-nfc", test_crlf_and_nfc);
  g_test_add_func ("/crosscheck/text/normalize", test_normalize_fast_and_slow);
  g_test_add_func ("/crosscheck/text/binary", test_binary);
  g_test_add_func ("/crosscheck/text/nul-bytes", test_nul_bytes_repaired);
  g_test_add_func ("/crosscheck/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/crosscheck/text/empty", test_empty);
  g_test_add_func ("/crosscheck/text/markdown", test_markdown);
  g_test_add_func ("/crosscheck/text/bylines", test_bylines);
  g_test_add_func ("/crosscheck/text/offsets", test_offsets);
  g_test_add_func ("/crosscheck/text/long-title", test_long_title);
  g_test_add_func ("/crosscheck/text/sha256", test_sha256);

  return g_test_run ();
}
