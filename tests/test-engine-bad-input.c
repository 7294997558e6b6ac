/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Bad input keeps the disagreement engine's guarantees (issue 10):
 *  1. its work grows linearly, counted (not timed): postings visited while
 *     lining up, statement pairs, statements, values and names, for inputs
 *     of size n, 2n, 4n and 8n that are built to hurt (a sentence with no
 *     full stop, tables of figures, wire copy repeated, a line of digits
 *     and punctuation, deeply nested brackets, many identical documents);
 *  2. texts that agree give no disagreement, in other scripts and
 *     languages, with other digits, spaces and marks, and garbage.
 * Every text is generated here or written for this test. The time of the
 * stages these counters do not see is measured by bench-bad-input. */

#include "config.h"

#include <string.h>

#include "cc-disagreements.h"
#include "cc-lineup.h"

/* ---- counting ---- */

typedef struct
{
  guint64 work;        /* postings visited while lining up */
  guint64 pairs;       /* statement pairs lined up */
  guint64 statements;
  guint64 values;
  guint64 names;
  guint64 rows;        /* disagreements: one per pair of values as written, so
                        * their number follows which figures recur, not the
                        * work; shown, not held to the ratio */
} Counts;

#define N_COUNTERS 6
static const char * const counter_names[N_COUNTERS] = {
  "work", "pairs", "statements", "values", "names", "rows",
};

static guint64
counter (const Counts *c,
         guint         i)
{
  const guint64 v[N_COUNTERS] = { c->work, c->pairs, c->statements, c->values, c->names, c->rows };

  return v[i];
}

static CcDisagreementReport *
run (GPtrArray *texts)
{
  return cc_disagreements_find ((const char * const *) texts->pdata, texts->len);
}

static Counts
count (GPtrArray *texts)
{
  g_autoptr(CcDisagreementReport) report = run (texts);
  Counts c = { report->work, report->n_pairs, report->statements->len, 0, 0,
               report->disagreements->len };

  for (guint i = 0; i < report->statements->len; i++)
    {
      CcStatement *st = g_ptr_array_index (report->statements, i);

      c.values += st->n_values;
      c.names += st->n_names;
    }
  return c;
}

/* Builds the documents of a case at size @n. */
typedef GPtrArray *(*Build) (guint n);

/* Per doubling of the input, no counter may grow more than this (linear
 * growth doubles; n log n stays under it at these sizes, n^1.5 and worse
 * do not). A counter still small may jitter by SLACK. */
#define MAX_RATIO 2.5
#define SLACK 64

static void
assert_linear (const char *what,
               Build       build,
               guint       n)
{
  Counts c[4];

  if (g_getenv ("CC_PROBE") != NULL)
    n = MAX (n / 4, 1);
  for (guint step = 0; step < 4; step++)
    {
      g_autoptr(GPtrArray) texts = build (n << step);

      c[step] = count (texts);
      g_test_message ("%s n=%u: work %" G_GUINT64_FORMAT " pairs %" G_GUINT64_FORMAT
                      " statements %" G_GUINT64_FORMAT " values %" G_GUINT64_FORMAT
                      " names %" G_GUINT64_FORMAT " rows %" G_GUINT64_FORMAT,
                      what, n << step, c[step].work, c[step].pairs, c[step].statements,
                      c[step].values, c[step].names, c[step].rows);
    }
  for (guint step = 1; step < 4; step++)
    for (guint k = 0; k < N_COUNTERS - 1; k++)  /* (not rows: see Counts) */
      {
        guint64 before = counter (&c[step - 1], k), after = counter (&c[step], k);

        if ((double) after > MAX_RATIO * before + SLACK)
          g_error ("%s: %s grows from %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT
                   " when the input doubles to %u", what, counter_names[k], before, after,
                   n << step);
      }
  /* the input was read: the largest one gave statements */
  g_assert_cmpuint (c[3].statements, >, 0);
}

/* ---- inputs that hurt ---- */

/* A made-up capitalised name for @i ("Kovarin", "Tesmal"...): the same @i
 * gives the same name. */
static void
append_name (GString *s,
             guint    i)
{
  static const char * const first[] = { "Kov", "Tes", "Bra", "Mil", "Dor", "Van", "Quel", "Sor" };
  static const char * const syl[] = { "a", "e", "i", "o", "u", "ar", "en", "is", "om", "ul" };

  g_string_append (s, first[i % G_N_ELEMENTS (first)]);
  i /= G_N_ELEMENTS (first);
  do
    {
      g_string_append (s, syl[i % G_N_ELEMENTS (syl)]);
      i /= G_N_ELEMENTS (syl);
    }
  while (i > 0);
  g_string_append_c (s, 'n');
}

static const char * const filler[] = {
  "the", "council", "said", "on", "Monday", "that", "about", "passengers", "were", "moved",
  "and", "at", "10:35", "a.m.", "ET", "the", "harbour", "reopened", "while", "crews",
  "worked", "for", "three", "hours", "in", "2021", "but", "not", "before", "June", "5",
};

/* One sentence of @n words and no full stop: words, names, figures,
 * weekdays, clock times and clause words in a long run. */
static char *
long_sentence (guint n,
               guint seed)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, i % 17 == 0 ? ',' : ' ');
      if (i % 17 == 0 && i > 0)
        g_string_append_c (s, ' ');
      if (i % 13 == 5)
        append_name (s, i * 7 + seed);
      else if (i % 11 == 3)
        g_string_append_printf (s, "%u", (i * 31 + seed) % 997);
      else
        g_string_append (s, filler[(i + seed) % G_N_ELEMENTS (filler)]);
    }
  return g_string_free (s, FALSE);
}

static GPtrArray *
build_long_sentence (guint n)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  /* two documents with the same run-on sentence, and one with another */
  g_ptr_array_add (texts, long_sentence (n, 0));
  g_ptr_array_add (texts, long_sentence (n, 0));
  g_ptr_array_add (texts, long_sentence (n, 3));
  return texts;
}

/* A table: rows "Name 123 456 7.8%" with no verbs, in the order of @order
 * (0: as numbered, else shuffled with that seed). */
static char *
table (guint n,
       guint order)
{
  GString *s = g_string_new ("Results by district\n");
  g_autofree guint *rows = g_new (guint, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (order);

  for (guint i = 0; i < n; i++)
    rows[i] = i;
  for (guint i = n; order != 0 && i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint t = rows[i - 1];

      rows[i - 1] = rows[j];
      rows[j] = t;
    }
  for (guint i = 0; i < n; i++)
    {
      guint r = rows[i];

      append_name (s, r);
      g_string_append_printf (s, " %u %u %u.%u%%\n", 100 + r * 7 % 900, 1000 + r * 13 % 9000,
                              r % 60, r % 10);
    }
  return g_string_free (s, FALSE);
}

static GPtrArray *
build_tables (guint n)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (texts, table (n, 0));
  g_ptr_array_add (texts, table (n, 7));
  return texts;
}

/* Wire copy: one agency story of @n sentences, each about its own place
 * and person, carried nearly word for word by WIRE_OUTLETS documents (as
 * many as a term's postings hold, so that every sentence is lined up with
 * its copies: the work per sentence stays the same as the story grows). */
#define WIRE_OUTLETS 40

static const char * const wire[][2] = {
  { "The ferry ran aground off ", " on Tuesday with 412 passengers on board, the coastguard said." },
  { "All passengers at ", " were taken off by 6:40 p.m. and 23 were treated for minor injuries." },
  { "Captain ", " said the ship had lost power about two kilometres from the harbour." },
  { "The operator said it would pay for hotels in ", " and run a replacement service from Thursday." },
  { "Divers will inspect the hull near ", " on Wednesday, and the ship may be towed back within three days." },
};

static GPtrArray *
build_wire (guint n)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  static const char * const leads[] = { "", "Officials said: ", "Update: ", "Reporting by our staff. " };

  for (guint d = 0; d < WIRE_OUTLETS; d++)
    {
      GString *s = g_string_new (leads[d % G_N_ELEMENTS (leads)]);

      for (guint k = 0; k < n; k++)
        {
          g_string_append (s, wire[k % G_N_ELEMENTS (wire)][0]);
          append_name (s, k);
          g_string_append (s, wire[k % G_N_ELEMENTS (wire)][1]);
          /* an outlet's light edit */
          g_string_append (s, (k + d) % 7 == 0 ? " Reuters contributed. " : " ");
        }
      g_ptr_array_add (texts, g_string_free (s, FALSE));
    }
  return texts;
}

/* A line of digits and punctuation, @n characters long. */
static char *
digits_line (guint n,
             guint seed)
{
  static const char punct[] = ".,;:-/()%+=$#*'\"!?";
  GString *s = g_string_sized_new (n + 1);
  guint32 x = seed * 2654435761u + 1;

  while (s->len < n)
    {
      x = x * 1103515245u + 12345u;
      if ((x >> 16) % 3 == 0)
        g_string_append_c (s, punct[(x >> 8) % (sizeof punct - 1)]);
      else
        g_string_append_c (s, '0' + (x >> 12) % 10);
      /* and runs of plain digits, of separated figures */
      if ((x >> 20) % 97 == 0)
        for (guint k = 0; k < 200 && s->len < n; k++)
          g_string_append_c (s, '0' + k % 10);
      if ((x >> 20) % 89 == 0)
        for (guint k = 0; k < 60 && s->len < n; k++)
          g_string_append_printf (s, "%u, ", k);
    }
  g_string_truncate (s, n);
  return g_string_free (s, FALSE);
}

static GPtrArray *
build_digits (guint n)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (texts, digits_line (n, 1));
  g_ptr_array_add (texts, digits_line (n, 1));
  g_ptr_array_add (texts, digits_line (n, 2));
  return texts;
}

/* Brackets and quotes nested @n deep around a sentence with figures. */
static char *
nested (guint n,
        guint shift)
{
  static const char * const open[] = { "(", "[", "{", "\xe2\x80\x9c", "\xc2\xab", "'", "\"", "\xe2\x80\x98" };
  static const char * const close[] = { ")", "]", "}", "\xe2\x80\x9d", "\xc2\xbb", "'", "\"", "\xe2\x80\x99" };
  GString *s = g_string_new ("Mayor Tova Rensik said ");

  for (guint i = 0; i < n; i++)
    {
      g_string_append (s, open[(i + shift) % G_N_ELEMENTS (open)]);
      if (i % 50 == 0)
        {
          g_string_append (s, "the depot of ");
          append_name (s, i);
          g_string_append_printf (s, " held %u buses ", 40 + i % 7);
        }
    }
  g_string_append (s, "and 12 trams");
  for (guint i = n; i > 0; i--)
    g_string_append (s, close[(i - 1 + shift) % G_N_ELEMENTS (close)]);
  g_string_append (s, ".\n");
  return g_string_free (s, FALSE);
}

static GPtrArray *
build_nested (guint n)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (texts, nested (n, 0));
  g_ptr_array_add (texts, nested (n, 0));
  g_ptr_array_add (texts, nested (n, 3));
  return texts;
}

/* @n documents, each the same short article. */
static const char *article =
  "The Tarnow water board said on Friday that 1,240 homes were without supply after a main burst. "
  "Engineer Mila Seversk said repairs would take 36 hours. "
  "The board, which serves 82,000 people, set up 14 water stations and expects supply back by Sunday. "
  "In 2019 a similar burst left 900 homes dry for two days.";

static GPtrArray *
build_same (guint n)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; d < n; d++)
    g_ptr_array_add (texts, g_strdup (article));
  return texts;
}

static void
test_linear_long_sentence (void)
{
  /* 6,250 to 50,000 words, no full stop (bench-bad-input times 200,000) */
  assert_linear ("one long sentence", build_long_sentence, 6250);
}

static void
test_linear_tables (void)
{
  assert_linear ("tables of figures", build_tables, 500);
}

static void
test_linear_wire (void)
{
  assert_linear ("wire copy repeated", build_wire, 10);
}

static void
test_linear_digits (void)
{
  /* up to a line of 256 kB (bench-bad-input times 1 MB) */
  assert_linear ("a line of digits", build_digits, 32 * 1024);
}

static void
test_linear_nested (void)
{
  assert_linear ("nested brackets", build_nested, 5000);
}

static void
test_linear_same (void)
{
  /* (from more copies than a term's postings hold: below that, the
   * lining up of identical documents is all pairs of them, bounded by
   * CC_LINEUP_MAX_POSTINGS) */
  assert_linear ("identical documents", build_same, 2 * CC_LINEUP_MAX_POSTINGS);
}

/* ---- no false disagreements ---- */

static void
dump_rows (const char           *what,
           CcDisagreementReport *report)
{
  for (guint i = 0; i < report->disagreements->len; i++)
    {
      CcDisagreement *d = g_ptr_array_index (report->disagreements, i);

      g_test_message ("%s: %s [%s] in \"%s\" vs [%s] in \"%s\"", what,
                      cc_disagreement_kind_to_string (d->kind), d->value_a, d->quote_a,
                      d->value_b, d->quote_b);
    }
}

/* No disagreement among @texts, nor between each of them and itself. */
static void
assert_agree (const char         *what,
              const char * const *texts,
              guint               n)
{
  g_autoptr(CcDisagreementReport) report = cc_disagreements_find (texts, n);

  dump_rows (what, report);
  if (report->disagreements->len > 0)
    g_error ("%s: %u false disagreements among texts that agree", what,
             report->disagreements->len);
  for (guint i = 0; i < n; i++)
    {
      const char *twice[] = { texts[i], texts[i] };
      g_autoptr(CcDisagreementReport) self = cc_disagreements_find (twice, 2);

      dump_rows (what, self);
      if (self->disagreements->len > 0)
        g_error ("%s: text %u disagrees with itself", what, i);
    }
}

/* Two wordings of one short report, and other news around them, per
 * language: figures written as that language writes them. */
typedef struct
{
  const char *language;
  const char *a;
  const char *b;
} Pair;

static const Pair languages[] = {
  { "Russian",
    "Мэр Новореченска Ирина Самойлова сообщила в среду, что в городе построено 1 240 новых квартир. "
    "Строительство обошлось в 3,5 миллиарда рублей, сообщила мэрия 3 июня 2024 года.",
    "В городе построено 1 240 новых квартир, сообщила в среду мэр Новореченска Ирина Самойлова. "
    "По данным мэрии от 3 июня 2024 года, строительство обошлось в 3,5 миллиарда рублей." },
  { "Greek",
    "Ο δήμαρχος Γιώργος Παπαδάκης είπε την Τρίτη ότι 2.300 οικογένειες έλαβαν βοήθεια. "
    "Το πρόγραμμα κόστισε 4,7 εκατομμύρια ευρώ.",
    "Βοήθεια έλαβαν 2.300 οικογένειες, είπε την Τρίτη ο δήμαρχος Γιώργος Παπαδάκης. "
    "Το κόστος του προγράμματος ήταν 4,7 εκατομμύρια ευρώ." },
  { "Arabic",
    "قال وزير النقل خالد المنصوري يوم الأحد إن ١٢٠ حافلة جديدة ستعمل في المدينة. "
    "وبلغت تكلفة المشروع ٣٫٥ مليون دينار.",
    "ستعمل ١٢٠ حافلة جديدة في المدينة، حسبما قال وزير النقل خالد المنصوري يوم الأحد. "
    "وبلغت تكلفة المشروع ٣٫٥ مليون دينار." },
  { "Hindi",
    "नगर निगम ने सोमवार को बताया कि शहर में ४५० नए स्कूल खोले गए। "
    "इस योजना पर २.५ करोड़ रुपये खर्च हुए, आयुक्त राजेश वर्मा ने कहा।",
    "आयुक्त राजेश वर्मा ने कहा कि इस योजना पर २.५ करोड़ रुपये खर्च हुए। "
    "नगर निगम के अनुसार शहर में ४५० नए स्कूल खोले गए।" },
  { "Chinese",
    "市政府周三表示，新建的地铁线路全长32公里，共设18个车站。项目总投资为245亿元。",
    "新地铁线路全长32公里，设有18个车站，市政府周三表示。该项目总投资245亿元。" },
  { "Japanese",
    "市は水曜日、新しい橋の長さが1,200メートルで、建設費は85億円だったと発表した。"
    "山田太郎市長は「安全な橋だ」と述べた。",
    "山田太郎市長は水曜日、建設費85億円の新しい橋を開通させた。橋の長さは1,200メートル。" },
  { "German",
    "Die Stadt Ravensfeld zählt nach Angaben vom 3. Juni 2024 rund 3,5 Millionen Besucher. "
    "Bürgermeisterin Anke Vollrath sagte, die Kosten lägen bei 12,75 Millionen Euro.",
    "Rund 3,5 Millionen Besucher zählt Ravensfeld nach Angaben vom 3. Juni 2024. "
    "Die Kosten lägen bei 12,75 Millionen Euro, sagte Bürgermeisterin Anke Vollrath." },
  { "French",
    "La mairie de Valmont a annoncé le 3 juin 2024 que 1\xe2\x80\xaf" "234\xe2\x80\xaf" "567 visiteurs "
    "étaient venus, soit 4,2\xc2\xa0% de plus. Le maire Luc Daverne a parlé de 3,5\xc2\xa0millions d'euros.",
    "Selon la mairie de Valmont, 1\xe2\x80\xaf" "234\xe2\x80\xaf" "567 visiteurs sont venus, soit 4,2\xc2\xa0% "
    "de plus (annonce du 3 juin 2024). Le maire Luc Daverne a parlé de 3,5\xc2\xa0millions d'euros." },
  { "Spanish",
    "El alcalde Jorge Almansa dijo el martes que 2.450 viviendas recibieron ayuda por 3,5 millones de euros. "
    "La obra terminará el 3 de junio de 2024.",
    "Unas 2.450 viviendas recibieron ayuda por 3,5 millones de euros, dijo el martes el alcalde Jorge Almansa. "
    "La obra terminará el 3 de junio de 2024." },
};

static const char *other_news =
  "Rain is expected over the coast. Trains will run a reduced timetable. The museum reopens.";

static void
test_agree_languages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *texts[] = { languages[i].a, languages[i].b, other_news };

      assert_agree (languages[i].language, texts, G_N_ELEMENTS (texts));
    }
  /* all of them in one story: other languages never contradict each other */
  {
    GPtrArray *all = g_ptr_array_new ();

    for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
      {
        g_ptr_array_add (all, (gpointer) languages[i].a);
        g_ptr_array_add (all, (gpointer) languages[i].b);
      }
    assert_agree ("all languages", (const char * const *) all->pdata, all->len);
    g_ptr_array_unref (all);
  }
}

/* One report written in English and in each language: the same figures
 * in another script or notation are no disagreement. */
static void
test_agree_translations (void)
{
  const char *english =
    "The city of Valmont said on June 3, 2024 that 1,234,567 visitors came, up 4.2%. "
    "Mayor Luc Daverne put the cost at 3.5 million euros.";
  const char *translations[] = {
    languages[7].a,  /* French, the same figures */
    "Die Stadt Valmont meldete am 3. Juni 2024 1.234.567 Besucher, 4,2 % mehr. "
    "Bürgermeister Luc Daverne bezifferte die Kosten auf 3,5 Millionen Euro.",
    "La ciudad de Valmont informó el 3 de junio de 2024 de 1.234.567 visitantes, un 4,2 % más. "
    "El alcalde Luc Daverne cifró el coste en 3,5 millones de euros.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (translations); i++)
    {
      const char *texts[] = { english, translations[i], other_news };

      assert_agree ("translation", texts, G_N_ELEMENTS (texts));
    }
}

/* The same English report, written with the marks and digits that real
 * documents carry: non-breaking and thin spaces, soft hyphens, zero-width
 * joiners, combining accents (decomposed), right-to-left runs, other
 * digits. Each pair says the same thing. */
static void
test_agree_marks (void)
{
  const char *plain =
    "Mayor Renee Cortaz said 1,200 homes lost power on Monday. The outage lasted 36 hours, "
    "and 4.5 million euros were set aside.";
  const char *variants[] = {
    /* non-breaking and narrow no-break spaces */
    "Mayor Renee Cortaz said 1,200\xc2\xa0homes lost power on Monday. The outage lasted 36\xe2\x80\xaf"
    "hours, and 4.5\xc2\xa0million euros were set aside.",
    /* decomposed accents: "Renée" with a combining acute */
    "Mayor Rene\xcc\x81" "e Cortaz said 1,200 homes lost power on Monday. The outage lasted 36 hours, "
    "and 4.5 million euros were set aside.",
    /* zero-width joiners and spaces, a soft hyphen, a word joiner */
    "Mayor Renee Cor\xe2\x80\x8dtaz said 1,200 ho\xc2\xadmes lost power on Mon\xe2\x80\x8b" "day. "
    "The outage lasted 36\xe2\x81\xa0hours, and 4.5 million euros were set aside.",
    /* a right-to-left quote inside, with directional marks */
    "Mayor Renee Cortaz said 1,200 homes lost power on Monday (\xe2\x80\x8f\xd7\x94\xd7\xa4\xd7\xa1\xd7\xa7\xd7\x94"
    "\xe2\x80\x8e). The outage lasted 36 hours, and 4.5 million euros were set aside.",
    /* an embedding and an isolate around the name */
    "Mayor \xe2\x80\xab" "Renee Cortaz\xe2\x80\xac said 1,200 homes lost power on Monday. The outage lasted "
    "\xe2\x81\xa6" "36\xe2\x81\xa9 hours, and 4.5 million euros were set aside.",
    /* Devanagari and Arabic-Indic digits for some figures */
    "Mayor Renee Cortaz said १,२०० homes lost power on Monday. The outage lasted ٣٦ hours, "
    "and 4.5 million euros were set aside.",
    /* full-width digits */
    "Mayor Renee Cortaz said \xef\xbc\x91,\xef\xbc\x92\xef\xbc\x90\xef\xbc\x90 homes lost power on Monday. "
    "The outage lasted 36 hours, and 4.5 million euros were set aside.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const char *texts[] = { plain, variants[i], other_news };

      assert_agree ("marks", texts, G_N_ELEMENTS (texts));
    }
}

/* Bytes that are no text, made valid as import does (g_utf8_make_valid):
 * garbage against itself, and against a copy with the bytes in another
 * order, gives nothing. */
static void
test_agree_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  g_autofree char *raw = g_malloc (20000);
  g_autofree char *text = NULL, *shuffled = NULL;

  for (guint i = 0; i < 20000; i++)
    {
      guint x = g_rand_int_range (rand, 1, 256);

      /* some letters and spaces so that words and "names" form */
      if (x < 60)
        x = " ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456."[x % 62];
      raw[i] = (char) x;
    }
  raw[19999] = '\0';
  text = g_utf8_make_valid (raw, -1);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  {
    const char *texts[] = { text, other_news };

    assert_agree ("garbage", texts, G_N_ELEMENTS (texts));
  }
  /* invalid sequences in an otherwise plain report */
  {
    const char *broken = "Mayor Renee Cortaz said 1,200 homes\xff\xfe lost power on Monday. "
                         "The outage lasted 36 \xc3hours, and 4.5 million euros were set aside.";
    const char *clean = "Mayor Renee Cortaz said 1,200 homes lost power on Monday. "
                        "The outage lasted 36 hours, and 4.5 million euros were set aside.";
    g_autofree char *valid = g_utf8_make_valid (broken, -1);
    const char *texts[] = { clean, valid, other_news };

    assert_agree ("invalid UTF-8 made valid", texts, G_N_ELEMENTS (texts));
  }
}

/* The control: the same reports with one figure changed do disagree, so
 * the tests above can fail. */
static void
test_agree_control (void)
{
  const char *a = "Mayor Renee Cortaz said 1,200 homes lost power on Monday. The outage lasted 36 hours, "
                  "and 4.5 million euros were set aside.";
  const char *b = "Mayor Renee Cortaz said 1,400 homes lost power on Monday. The outage lasted 36 hours, "
                  "and 4.5 million euros were set aside.";
  const char *texts[] = { a, b, other_news };
  g_autoptr(CcDisagreementReport) report = cc_disagreements_find (texts, G_N_ELEMENTS (texts));

  dump_rows ("control", report);
  g_assert_cmpuint (report->disagreements->len, >, 0);
}

/* A table in two documents, the same figures in another order. */
static void
test_agree_table_order (void)
{
  g_autofree char *a = table (300, 0);
  g_autofree char *b = table (300, 5);
  const char *texts[] = { a, b, other_news };

  g_assert_cmpstr (a, !=, b);
  assert_agree ("table reordered", texts, G_N_ELEMENTS (texts));
}

/* One long capitalised "word" (a base64 blob, a run of capitals), in
 * two documents: read like any other word, with no step on the square or
 * the cube of its length (100,000 letters would not finish otherwise). */
static void
test_agree_long_word (void)
{
  GString *s = g_string_new ("Mayor Renee Cortaz said ");

  g_string_append_c (s, 'Q');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/"[(i * 7) % 38]);
  g_string_append (s, " and 1,200 homes lost power on Monday.");
  {
    const char *texts[] = { s->str, s->str, other_news };

    assert_agree ("long word", texts, G_N_ELEMENTS (texts));
  }
  g_string_free (s, TRUE);
}

/* The hurtful inputs of part 1 against themselves: nothing to disagree
 * about (each case holds two copies of one document). */
static void
test_agree_hurtful (void)
{
  const struct { const char *what; Build build; guint n; } cases[] = {
    { "long sentence", build_long_sentence, 5000 },
    { "digits", build_digits, 64 * 1024 },
    { "nested", build_nested, 2000 },
    { "wire copy", build_wire, 4 },
    { "identical documents", build_same, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) texts = cases[i].build (cases[i].n);
      const char *twice[] = { g_ptr_array_index (texts, 0), g_ptr_array_index (texts, 0),
                              g_ptr_array_index (texts, 0) };
      g_autoptr(CcDisagreementReport) report = cc_disagreements_find (twice, 3);

      dump_rows (cases[i].what, report);
      if (report->disagreements->len > 0)
        g_error ("%s: %u disagreements among copies of one document", cases[i].what,
                 report->disagreements->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crosscheck/engine-bad-input/linear/long-sentence", test_linear_long_sentence);
  g_test_add_func ("/crosscheck/engine-bad-input/linear/tables", test_linear_tables);
  g_test_add_func ("/crosscheck/engine-bad-input/linear/wire-copy", test_linear_wire);
  g_test_add_func ("/crosscheck/engine-bad-input/linear/digits", test_linear_digits);
  g_test_add_func ("/crosscheck/engine-bad-input/linear/nested", test_linear_nested);
  g_test_add_func ("/crosscheck/engine-bad-input/linear/identical-documents", test_linear_same);
  g_test_add_func ("/crosscheck/engine-bad-input/agree/languages", test_agree_languages);
  g_test_add_func ("/crosscheck/engine-bad-input/agree/translations", test_agree_translations);
  g_test_add_func ("/crosscheck/engine-bad-input/agree/marks", test_agree_marks);
  g_test_add_func ("/crosscheck/engine-bad-input/agree/garbage", test_agree_garbage);
  g_test_add_func ("/crosscheck/engine-bad-input/agree/table-order", test_agree_table_order);
  g_test_add_func ("/crosscheck/engine-bad-input/agree/control", test_agree_control);
  g_test_add_func ("/crosscheck/engine-bad-input/agree/long-word", test_agree_long_word);
  g_test_add_func ("/crosscheck/engine-bad-input/agree/hurtful", test_agree_hurtful);
  return g_test_run ();
}
