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
    /* names and a phrase about them: the names, no outlet */
    { "Headline\nBy Ana Lima and Rui Sousa, both from the city desk\nText.\n",
      "Ana Lima and Rui Sousa", NULL },
    { "Headline\nBy Ana Lima, staff writer\nText.\n", "Ana Lima", NULL },
    { "Headline\nBy Ana Lima, Senior Correspondent\nText.\n", "Ana Lima", NULL },
    { "Headline\nBy Ana Lima, Northern Ledger\nText.\n", "Ana Lima", "Northern Ledger" },
    /* a sentence of the body that starts with two names is no byline */
    { "Headline\nTeresa Alves and Joana Reis, both from Porto, set course records "
      "in the relay.\nText.\n", NULL, NULL },
    { "Headline\nTeresa Alves, the favourite, won for the third time.\nText.\n", NULL, NULL },
    /* a photo credit is not the article's byline */
    { "Headline\nAna Lima | Northwind Images\nText.\n", NULL, NULL },
    { "Headline\nPhoto by Ana Lima for The Post\nText.\n", NULL, NULL },
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

/* Issue 9, item 4. */
static char *
nest (const char *open,
      guint       levels,
      const char *middle,
      const char *close)
{
  GString *s = g_string_sized_new ((strlen (open) + (close ? strlen (close) : 0)) * levels +
                                  strlen (middle));

  for (guint i = 0; i < levels; i++)
    g_string_append (s, open);
  g_string_append (s, middle);
  for (guint i = 0; close != NULL && i < levels; i++)
    g_string_append (s, close);
  return g_string_free (s, FALSE);
}

/* Markdown nested a million levels deep is rendered (no recursion on its
 * depth: the old renderer overflowed the stack), in output linear in the
 * input. */
static void
test_markdown_deep_nesting (void)
{
  const guint levels = 1000000;
  static const struct {
    const char *name;
    const char *open;
    const char *middle;
    const char *close;
  } cases[] = {
    { "block quotes", ">", " deepword\n", NULL },
    { "bullet lists", "- ", "deepword\n", NULL },
    { "ordered lists", "1. ", "deepword\n", NULL },
    { "emphasis", "*", "deepword", "*" },
    { "image brackets", "![", "deepword", "](u)" },
    { "links", "[", "deepword", "](u)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *md = nest (cases[i].open, levels, cases[i].middle, cases[i].close);
      g_autofree char *doc = g_strconcat ("# Deep\n\n", md, "\n\nAfter the nesting.\n", NULL);
      g_autoptr(CcTextResult) r = NULL;

      g_test_message ("%s", cases[i].name);
      r = process (doc, -1, CC_TEXT_FORMAT_MARKDOWN, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (r->title, ==, "Deep");
      g_assert_nonnull (strstr (r->text, "deepword"));
      g_assert_nonnull (strstr (r->text, "After the nesting."));
      g_assert_cmpuint (strlen (r->text), <, 16 * strlen (doc));  /* linear, not quadratic */
    }
}

/* The iterative renderer gives what the recursive one gave: nested lists
 * indented, ordered lists numbered from their start, an item's paragraphs
 * on its marker's line, code blocks kept, the first level-1 heading the
 * title. */
static void
test_markdown_structure (void)
{
  g_autoptr(GError) error = NULL;
  const char *md =
    "Intro\n\n# First *big* heading\n\n# Second heading\n\n"
    "- a\n  - b\n    - c\n- d\n\n"
    "3. three\n4. four\n\n"
    "> quote with ![alt text](x.png) inside\n\n"
    "```\ncode line\n```\n\n"
    "Line one  \nline two\nsoft\n";
  g_autoptr(CcTextResult) r = process (md, -1, CC_TEXT_FORMAT_MARKDOWN, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->title, ==, "First big heading");
  g_assert_cmpstr (r->text, ==,
                   "Intro\nFirst big heading\nSecond heading\n"
                   "• a\n  • b\n    • c\n• d\n"
                   "3. three\n4. four\n"
                   "quote with alt text inside\n"
                   "code line\n"
                   "Line one\nline two soft\n");
}

/* Issue 9, item 17: a repeated front matter key; the last one counts (the
 * old code leaked the first: LeakSanitizer finds it). */
static void
test_front_matter_repeated_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcTextResult) r = process ("---\ntitle: \"One\"\ntitle: Two\ntitle: Three\n---\n"
                                       "# Heading\n\nBody.\n", -1, CC_TEXT_FORMAT_MARKDOWN,
                                       &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->title, ==, "Three");
  g_assert_null (strstr (r->text, "title"));
}

/* Issue 9, item 12: control characters are stripped before composition,
 * so what is stored is NFC. */
static void
test_nfc_after_strip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcTextResult) r = process ("The Cafe\x01\xcc\x81 on the corner sells coffee with "
                                       "cre\x7f\xcc\x80me and cake.\n", -1,
                                       CC_TEXT_FORMAT_PLAIN, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->text, ==, "The Café on the corner sells coffee with crème and cake.\n");
}

/* Stored text is its own NFC form whatever mix of letters, combining marks,
 * control characters, line breaks and jamo it came from. */
static void
test_normalize_is_nfc (void)
{
  static const char * const pieces[] = {
    "e", "a", "A", "o", " ", "\n", "\r", "\r\n", "\x01", "\x1f", "\x7f", "\f", "\v", "\t",
    "\xcc\x81", "\xcc\x80", "\xcc\x88", "\xcc\xa3", "\xcd\x85", "\xc2\x85",
    "\xe2\x80\xa8", "\xe2\x80\xa9", "\xef\xbb\xbf", "\xe1\x84\x92", "\xe1\x85\xa1",
    "\xe1\x86\xab", "\xea\xb0\x80", "\xe2\x84\xab", "\xe2\x80\x80", "\xc3\xa9", "\xe0\xa4\xa4",
    "\xe0\xa5\x8d", "\xf0\x9f\x98\x80",
  };
  GRand *rand = g_rand_new_with_seed (9);

  for (guint round = 0; round < 5000; round++)
    {
      g_autoptr(GString) input = g_string_new (NULL);
      g_autofree char *normal = NULL;
      g_autofree char *again = NULL;
      guint n = g_rand_int_range (rand, 1, 12);

      for (guint i = 0; i < n; i++)
        g_string_append (input, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      normal = cc_text_normalize (input->str);
      again = g_utf8_normalize (normal, -1, G_NORMALIZE_NFC);
      if (g_strcmp0 (normal, again) != 0)
        {
          g_autofree char *escaped = g_strescape (input->str, NULL);
          g_error ("normalised text of “%s” is not NFC", escaped);
        }
      g_assert_null (strchr (normal, '\r'));
    }
  g_rand_free (rand);
}

/* Issue 9, item 11: a U+0000 in UTF-16 text drops nothing after it. */
static void
test_utf16_nul (void)
{
  static const char le[] = "\xff\xfe" "T\0i\0t\0l\0e\0\n\0b\0e\0f\0o\0r\0e\0\0\0a\0f\0t\0e\0r\0";
  static const char be[] = "\xfe\xff" "\0T\0i\0t\0l\0e\0\n\0b\0\0\0a\0f\0t\0e\0r";
  g_autoptr(GError) error = NULL;
  g_autoptr(CcTextResult) a = process (le, sizeof le - 1, CC_TEXT_FORMAT_PLAIN, &error);
  g_autoptr(CcTextResult) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a->text, ==, "Title\nbeforeafter");
  g_assert_nonnull (a->warning);
  g_assert_nonnull (strstr (a->warning, "NUL"));
  b = process (be, sizeof be - 1, CC_TEXT_FORMAT_PLAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->text, ==, "Title\nbafter");
  g_assert_nonnull (strstr (b->warning, "NUL"));
}

/* Issue 9, item 16: a mostly UTF-8 file with more stray bytes than
 * accented letters is repaired byte by byte, not read whole as
 * Windows-1252, and says so. */
static void
test_mostly_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcTextResult) r = process ("Caf\xc3\xa9 opens on Monday\n"
                                       "The owner said the \x93""best\x94 coffee costs \x80 3.\n",
                                       -1, CC_TEXT_FORMAT_PLAIN, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->encoding, ==, "UTF-8");
  g_assert_cmpstr (r->text, ==, "Café opens on Monday\nThe owner said the \xef\xbf\xbd""best"
                   "\xef\xbf\xbd coffee costs \xef\xbf\xbd 3.\n");
  g_assert_nonnull (r->warning);
  g_assert_nonnull (strstr (r->warning, "3 bytes"));
}

/* UTF-16 without a byte order mark is read, by its NUL bytes, and named in
 * the warning; so is Cyrillic, whose spaces and punctuation are ASCII. */
static void
test_utf16_without_bom (void)
{
  static const struct {
    const char *utf8;
    const char *charset;
  } cases[] = {
    { "Harbour report\nThe ferry left at 9, said the port.\n", "UTF-16LE" },
    { "Harbour report\nThe ferry left at 9, said the port.\n", "UTF-16BE" },
    { "Новости порта\nПаром ушёл в 9 часов, сказали в порту.\n", "UTF-16LE" },
    { "Hi", "UTF-16LE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len = 0;
      g_autofree char *data = g_convert (cases[i].utf8, -1, cases[i].charset, "UTF-8", NULL,
                                         &len, NULL);
      g_autoptr(CcTextResult) r = process (data, len, CC_TEXT_FORMAT_PLAIN, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (r->text, ==, cases[i].utf8);
      g_assert_cmpstr (r->encoding, ==, cases[i].charset);
      g_assert_nonnull (r->warning);
      g_assert_nonnull (strstr (r->warning, cases[i].charset));
    }
}

/* A legacy 8-bit file in another script is read in the encoding uchardet
 * recognises (here Windows-1251), not as Windows-1252, and named. */
static void
test_legacy_encoding_guessed (void)
{
  const char *utf8 = "Новости порта\nПаром ушёл в девять часов утра, сказали в порту. "
                     "Следующий рейс отправится завтра, если позволит погода.\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *data = g_convert (utf8, -1, "WINDOWS-1251", "UTF-8", NULL, &len, NULL);
  g_autoptr(CcTextResult) r = process (data, len, CC_TEXT_FORMAT_PLAIN, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->text, ==, utf8);
  g_assert_cmpstr (r->encoding, ==, "WINDOWS-1251");
  g_assert_nonnull (strstr (r->warning, "WINDOWS-1251"));
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
  g_test_add_func ("/crosscheck/text/markdown-deep-nesting", test_markdown_deep_nesting);
  g_test_add_func ("/crosscheck/text/markdown-structure", test_markdown_structure);
  g_test_add_func ("/crosscheck/text/front-matter-repeated-title",
                   test_front_matter_repeated_title);
  g_test_add_func ("/crosscheck/text/nfc-after-strip", test_nfc_after_strip);
  g_test_add_func ("/crosscheck/text/normalize-is-nfc", test_normalize_is_nfc);
  g_test_add_func ("/crosscheck/text/utf16-nul", test_utf16_nul);
  g_test_add_func ("/crosscheck/text/mostly-utf8", test_mostly_utf8);
  g_test_add_func ("/crosscheck/text/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/crosscheck/text/legacy-encoding-guessed", test_legacy_encoding_guessed);

  return g_test_run ();
}
