/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "cc-synth.h"

static const char * const first_names[] = {
  "Amara", "Bruno", "Chen", "Dalia", "Emeka", "Freya", "Gustavo", "Hana", "Ibrahim", "Jonas",
  "Keiko", "Lars", "Mireille", "Nikhil", "Olga", "Pablo", "Quentin", "Rosa", "Samir", "Tamsin",
  "Ulrich", "Valeria", "Wendell", "Ximena", "Yusuf", "Zofia",
};
static const char * const surnames[] = {
  "Abernathy", "Brandt", "Castellanos", "Dimitrov", "Eklund", "Fairweather", "Granger",
  "Hollis", "Iwasaki", "Jaramillo", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Okafor",
  "Pettersen", "Quispe", "Rahimi", "Sorensen", "Thibault", "Umarov", "Valdivia", "Whitlock",
};
static const char * const org_stems[] = {
  "Northwind", "Larkspur", "Cobalt", "Meridian", "Halcyon", "Ironbridge", "Solace", "Vantage",
  "Bluefin", "Quarry", "Tessellate", "Orchard", "Kestrel", "Lumen", "Parallax", "Redwood",
};
static const char * const org_suffixes[] = {
  "Labs", "Systems", "Inc.", "Group", "Technologies", "Corporation", "Networks", "AI",
};
static const char * const product_stems[] = {
  "Atlas", "Beacon", "Comet", "Drift", "Ember", "Fathom", "Glint", "Harbor", "Ion", "Juniper",
};
static const char * const benchmarks[] = {
  "MMLU-Pro", "ReasonBench", "CodeArena", "LongQA", "VisionEval", "MathSuite", "AgentTrack",
};
static const char * const cities[] = {
  "Lisbon", "Toronto", "Nairobi", "Osaka", "Denver", "Krakow", "Auckland", "Bogotá", "Tallinn",
};
static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};
static const char * const fillers[] = {
  "Analysts said the move reflects a broader shift in how the industry weighs openness against control.",
  "The announcement drew a mixed response from developers, some of whom had built products on earlier releases.",
  "Competitors have spent the past year racing to cut the cost of running large systems at scale.",
  "Critics argued that the company has yet to explain how it will handle questions of safety and oversight.",
  "Investors welcomed the news, although some questioned whether the spending would pay off soon.",
  "The team said it had rebuilt much of its infrastructure over the previous eighteen months.",
  "Industry observers noted that the timing coincided with several rival launches.",
  "Several partners are expected to receive early access before a wider release later in the year.",
  "Regulators in two jurisdictions have asked for more detail about how user data will be treated.",
  "Employees described the internal reorganisation as the most significant in the company's history.",
};

typedef struct
{
  char  *org;
  char  *acronym;
  char  *product;
  char  *ceo;
  char  *ceo_surname;
  char  *benchmark;
  char  *city;
  double score;
  double deal_billions;
  double share_percent;
  int    price_dollars;
  int    staff;
  int    day;
  int    month;
  int    year;
} Story;

static void
story_clear (Story *story)
{
  g_free (story->org);
  g_free (story->acronym);
  g_free (story->product);
  g_free (story->ceo);
  g_free (story->ceo_surname);
  g_free (story->benchmark);
  g_free (story->city);
}

#define PICK(rand, array) (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])

static void
story_init (Story   *story,
            guint32  seed,
            guint    story_index)
{
  GRand *rand = g_rand_new_with_seed (seed * 7919u + story_index * 104729u + 17u);
  const char *stem = PICK (rand, org_stems);
  const char *suffix = PICK (rand, org_suffixes);
  const char *surname = PICK (rand, surnames);

  story->org = g_strdup_printf ("%s %s", stem, suffix);
  story->acronym = g_strdup_printf ("%c%c", stem[0], suffix[0]);
  story->product = g_strdup_printf ("%s %d.%d", PICK (rand, product_stems),
                                    g_rand_int_range (rand, 1, 6), g_rand_int_range (rand, 0, 10));
  story->ceo = g_strdup_printf ("%s %s", PICK (rand, first_names), surname);
  story->ceo_surname = g_strdup (surname);
  story->benchmark = g_strdup (PICK (rand, benchmarks));
  story->city = g_strdup (PICK (rand, cities));
  story->score = g_rand_int_range (rand, 600, 980) / 10.0;
  story->deal_billions = g_rand_int_range (rand, 12, 400) / 10.0;
  story->share_percent = g_rand_int_range (rand, 5, 60);
  story->price_dollars = g_rand_int_range (rand, 5, 200);
  story->staff = g_rand_int_range (rand, 40, 4000);
  story->day = g_rand_int_range (rand, 1, 28);
  story->month = g_rand_int_range (rand, 0, 12);
  story->year = 2024 + (int)g_rand_int_range (rand, 0, 4);
  g_rand_free (rand);
}

char *
cc_synth_article (guint32 seed,
                  guint   index,
                  guint   n_stories,
                  gsize   target_bytes)
{
  GRand *rand = g_rand_new_with_seed (seed ^ (index * 2654435761u));
  GString *out = g_string_sized_new (target_bytes + 512);
  Story story = { 0 };
  const char *reporter_first = PICK (rand, first_names);
  const char *reporter_last = PICK (rand, surnames);
  /* Some outlets get some facts wrong, or round them. */
  double score;
  double deal;
  int day;
  int staff;

  story_init (&story, seed, n_stories > 0 ? index % n_stories : index);
  score = story.score + (g_rand_int_range (rand, 0, 5) == 0 ? 1.5 : 0.0);
  deal = g_rand_int_range (rand, 0, 6) == 0 ? story.deal_billions + 2.0 : story.deal_billions;
  day = g_rand_int_range (rand, 0, 7) == 0 ? story.day + 1 : story.day;
  staff = g_rand_int_range (rand, 0, 4) == 0 ? story.staff + 50 : story.staff;

  g_string_append_printf (out, "%s Unveils %s in Push to Lead the Market\n", story.org,
                          story.product);
  g_string_append_printf (out, "By %s %s, The %s Ledger\n", reporter_first, reporter_last,
                          PICK (rand, cities));
  g_string_append_printf (out,
                          "%s (%s) announced %s on %s %d, %d, at an event in %s. Chief executive "
                          "%s said the release was the result of %d engineers working for more "
                          "than a year.\n",
                          story.org, story.acronym, story.product, months[story.month], day,
                          story.year, story.city, story.ceo, staff);
  g_string_append_printf (out,
                          "According to the company, %s scored %.1f on %s, ahead of every rival "
                          "it tested. %s's shares rose %.0f%% after the announcement.\n",
                          story.product, score, story.benchmark, story.acronym,
                          story.share_percent);
  g_string_append_printf (out,
                          "The launch follows a $%.1f billion deal that gave %s control of its "
                          "cloud supplier. Access will cost $%d per month for individual users.\n",
                          deal, story.org, story.price_dollars);

  while (out->len < target_bytes)
    {
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          g_string_append_printf (out, "%s told reporters in %s that the company expects "
                                  "about %d%% of its customers to switch within %d months. ",
                                  story.ceo_surname, story.city, g_rand_int_range (rand, 10, 90),
                                  g_rand_int_range (rand, 2, 24));
          break;
        case 1:
          g_string_append_printf (out, "%s %s, an analyst at %s %s, said the %s results "
                                  "deserve scrutiny. ", PICK (rand, first_names),
                                  PICK (rand, surnames), PICK (rand, org_stems),
                                  PICK (rand, org_suffixes), story.benchmark);
          break;
        default:
          g_string_append (out, PICK (rand, fillers));
          g_string_append_c (out, ' ');
          break;
        }
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  story_clear (&story);
  g_rand_free (rand);
  return g_string_free (out, FALSE);
}

gsize
cc_synth_write_corpus (const char *dir,
                       guint32     seed,
                       guint       count,
                       guint       n_stories,
                       gsize       target_bytes)
{
  gsize total = 0;

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *text = cc_synth_article (seed, i, n_stories, target_bytes);
      g_autofree char *name = g_strdup_printf ("article-%05u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gsize len = strlen (text);

      if (!g_file_set_contents (path, text, len, NULL))
        g_printerr ("cannot write %s\n", path);
      total += len;
    }
  return total;
}

gsize
cc_synth_peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return 0;
  return (gsize)g_ascii_strtoull (line + 6, NULL, 10) * 1024;
}
