/* bridge-suggest.c: explained suggestions where the register is silent
 *
 * For a course of reference (the home course to replace, or the host course
 * to place at home), the candidates on the other side are found through the
 * full-text index (bridge_catalog_search_any_ids ()): the courses whose
 * title shares a key word of the reference's title (its rarest ones), those
 * of its broad ISCED-F field first, then, if that found few, the courses of
 * its detailed field. Only these hundred or so are read and
 * scored, never the whole catalog.
 *
 * Each candidate is scored by the rules of `weights` below: a rule met adds
 * its weight (the title rule in proportion to how much of the titles is
 * shared, the outcomes rule to the share of outcomes) and a sentence saying
 * why. The weights add up to 1, so a score is between 0 and 1. A candidate
 * is suggested only when it meets one rule of substance (a field of three or
 * four digits, title words, or outcomes): a course is not suggested merely
 * because it is offered this term. The rules and weights are written down
 * for advisors in help/C/finding-what-counts.page; keep the two in step.
 *
 * Key words: an English word is lowered, dropped when it is a stop word
 * ("and", "introduction", "explain"…) and cut to its stem by a small suffix
 * stripper ("structures" and "structure" are both "structur"); a run of
 * Chinese characters gives its bigrams (数据结构: 数据, 据结, 结构) and its
 * characters, less a few that say nothing (的, 与, 学…).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-catalog-private.h"
#include "bridge-names.h"
#include "bridge-recognize-private.h"
#include "bridge-validate.h"

/* The scoring */

typedef enum
{
  RULE_FIELD_4,         /* the same ISCED-F detailed field (4 digits) */
  RULE_FIELD_3,         /* the same narrow field (3 digits) */
  RULE_FIELD_2,         /* the same broad field (2 digits) */
  RULE_CYCLE,           /* the same cycle (bachelor, master, doctoral) */
  RULE_LEVEL,           /* the same level (general, foundation, core, elective) */
  RULE_WORKLOAD,        /* the host course's workload covers the home course's credits */
  RULE_TITLE,           /* × the titles' similarity, 0 to 1 */
  RULE_OUTCOMES,        /* × the share of the reference's outcomes matched */
  RULE_TERM,            /* offered in the term asked for */
  RULE_LANGUAGE,        /* taught in a language the student declared */
  N_RULES
} Rule;

/* The weights of the rules; they add up to 1. Only the best field rule
 * counts (4 digits, else 3, else 2). Documented in
 * help/C/finding-what-counts.page. */
static const double weights[N_RULES] = {
  [RULE_FIELD_4]  = 0.30,
  [RULE_FIELD_3]  = 0.20,
  [RULE_FIELD_2]  = 0.10,
  [RULE_CYCLE]    = 0.05,
  [RULE_LEVEL]    = 0.05,
  [RULE_WORKLOAD] = 0.15,
  [RULE_TITLE]    = 0.25,
  [RULE_OUTCOMES] = 0.10,
  [RULE_TERM]     = 0.05,
  [RULE_LANGUAGE] = 0.05,
};

/* A learning outcome of the reference is matched when a candidate's outcomes
 * share this many of its key words (or all of them, if it has fewer). */
#define OUTCOME_MIN_SHARED 2

/* How many candidates the search by title words gives at most (those of the
 * broad field first), and the search by detailed field alone (only when the
 * first found fewer than FEW_CANDIDATES: without words to search it reads
 * the courses one by one). Each candidate is read and scored: these
 * bound the time. */
#define CANDIDATES_BY_WORDS 80
#define CANDIDATES_BY_FIELD 30
#define FEW_CANDIDATES 10
/* The most key words of a title a search uses. */
#define MAX_SEARCH_WORDS 12

/* Key words */

static const char * const english_stop_words[] = {
  "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on", "or",
  "the", "their", "to", "with", "i", "ii", "iii", "iv", "v",
  "introduction", "introductory", "advanced", "basic", "basics", "elementary",
  "fundamental", "fundamentals", "general", "principles", "selected", "special", "topics",
  "course", "able", "student", "students", "explain", "describe", "apply", "use", "using",
  "understand", "demonstrate", "identify", "main", "key", "core", "methods", "method",
  NULL
};

/* Characters and bigrams that say nothing of a subject. */
static const char * const chinese_stop_words[] = {
  "的", "与", "和", "及", "之", "学", "论", "课", "程", "一", "二", "三", "上", "下",
  "基础", "导论", "概论", "原理", "课程", "能够", "掌握", "理解", "运用", "解释", "方法",
  NULL
};

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA
         || script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_HANGUL;
}

static gboolean
is_vowel (char c)
{
  return strchr ("aeiouy", c) != NULL;
}

/* A small suffix stripper (not Porter's): enough that the forms of one word
 * in course titles meet. @word is lower case ASCII; returns a new string. */
static char *
english_stem (const char *word)
{
  static const struct
  {
    const char *suffix;
    const char *replace;
  } suffixes[] = {
    { "ations", "" }, { "ation", "" }, { "ments", "" }, { "ment", "" }, { "ness", "" },
    { "ically", "ic" }, { "ally", "" }, { "ies", "y" }, { "ings", "" },
    { "ing", "" }, { "ers", "" }, { "er", "" }, { "al", "" }, { "ed", "" }, { "es", "" },
    { "s", "" },
  };
  gsize len = strlen (word);
  GString *stem = g_string_new (word);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i].suffix);

      if (len < n + 3 || !g_str_has_suffix (word, suffixes[i].suffix))
        continue;
      /* "class", "analysis", "campus" keep their s. */
      if (g_str_equal (suffixes[i].suffix, "s")
          && (g_str_has_suffix (word, "ss") || g_str_has_suffix (word, "is") || g_str_has_suffix (word, "us")))
        break;
      g_string_truncate (stem, len - n);
      g_string_append (stem, suffixes[i].replace);
      break;
    }
  /* "structure" and "structur(es)" meet; "programm(ing)" and "program". */
  if (stem->len > 3 && stem->str[stem->len - 1] == 'e')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len > 3 && stem->str[stem->len - 1] == stem->str[stem->len - 2]
      && !is_vowel (stem->str[stem->len - 1]) && strchr ("lsz", stem->str[stem->len - 1]) == NULL)
    g_string_truncate (stem, stem->len - 1);
  return g_string_free (stem, FALSE);
}

/* The key words of one text, in the order they come. */
typedef struct
{
  GHashTable *stems;        /* English stem → the first word that gave it */
  GPtrArray  *stem_order;   /* the stems, in order */
  GHashTable *bigrams;      /* 数据 */
  GHashTable *chars;        /* 数 */
  GPtrArray  *runs;         /* the runs of Chinese characters, in order */
} Words;

static void
words_init (Words *words)
{
  words->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  words->stem_order = g_ptr_array_new ();
  words->bigrams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  words->chars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  words->runs = g_ptr_array_new_with_free_func (g_free);
}

static void
words_clear (Words *words)
{
  g_clear_pointer (&words->stems, g_hash_table_unref);
  g_clear_pointer (&words->stem_order, g_ptr_array_unref);
  g_clear_pointer (&words->bigrams, g_hash_table_unref);
  g_clear_pointer (&words->chars, g_hash_table_unref);
  g_clear_pointer (&words->runs, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Words, words_clear)

static void
add_english_word (Words      *words,
                  const char *start,
                  gsize       len)
{
  g_autofree char *word = g_utf8_strdown (start, (gssize) len);
  char *stem;

  if (len < 2 || g_strv_contains (english_stop_words, word) || g_ascii_isdigit (word[0]))
    return;
  stem = english_stem (word);
  if (g_hash_table_contains (words->stems, stem))
    {
      g_free (stem);
      return;
    }
  g_hash_table_insert (words->stems, stem, g_steal_pointer (&word));
  g_ptr_array_add (words->stem_order, stem);
}

static void
add_chinese_run (Words      *words,
                 const char *start,
                 const char *end)
{
  g_ptr_array_add (words->runs, g_strndup (start, (gsize) (end - start)));
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      g_autofree char *c = g_strndup (p, (gsize) (next - p));

      if (!g_strv_contains (chinese_stop_words, c))
        g_hash_table_add (words->chars, g_steal_pointer (&c));
      if (next < end)
        {
          g_autofree char *bigram = g_strndup (p, (gsize) (g_utf8_next_char (next) - p));

          if (!g_strv_contains (chinese_stop_words, bigram))
            g_hash_table_add (words->bigrams, g_steal_pointer (&bigram));
        }
    }
}

static void
words_add_text (Words      *words,
                const char *text)
{
  const char *word = NULL, *run = NULL;
  const char *p;

  if (text == NULL)
    return;
  for (p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      gboolean cjk = c != 0 && is_cjk (c);
      gboolean latin = c != 0 && !cjk && g_unichar_isalnum (c);

      if (word != NULL && !latin)
        {
          add_english_word (words, word, (gsize) (p - word));
          word = NULL;
        }
      if (run != NULL && !cjk)
        {
          add_chinese_run (words, run, p);
          run = NULL;
        }
      if (c == 0)
        break;
      if (latin && word == NULL)
        word = p;
      if (cjk && run == NULL)
        run = p;
    }
}

static void
words_add_text_all (Words      *words,
                    BridgeText *text)
{
  if (text == NULL)
    return;
  words_add_text (words, bridge_text_get (text, "zh"));
  words_add_text (words, bridge_text_get (text, "en"));
}

static guint
count_shared (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  if (g_hash_table_size (a) > g_hash_table_size (b))
    return count_shared (b, a);
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (b, key))
      n++;
  return n;
}

static double
dice (GHashTable *a,
      GHashTable *b)
{
  guint total = g_hash_table_size (a) + g_hash_table_size (b);

  return total == 0 ? 0 : 2.0 * count_shared (a, b) / total;
}

/* How alike two titles are, 0 to 1, the better of the two languages:
 * English by stems; Chinese by bigrams (seven tenths) and characters (three
 * tenths), and only when a bigram is shared (one character in common says
 * little: 结 is in 结构 and in 结晶). */
static double
title_similarity (Words *a,
                  Words *b)
{
  double english = dice (a->stems, b->stems);
  double chinese = 0;

  if (count_shared (a->bigrams, b->bigrams) > 0)
    chinese = 0.7 * dice (a->bigrams, b->bigrams) + 0.3 * dice (a->chars, b->chars);
  return MAX (english, chinese);
}

/* "数据, 结构 / data, structures": the words of @a that @b shares, Chinese
 * bigrams taken from left to right without overlapping, then the English
 * words; NULL when none (a shared character alone is no title word). */
static char *
shared_title_words (Words *a,
                    Words *b)
{
  g_autoptr(GString) chinese = g_string_new (NULL);
  g_autoptr(GString) english = g_string_new (NULL);

  if (count_shared (a->bigrams, b->bigrams) > 0)
    for (guint r = 0; r < a->runs->len; r++)
      {
        const char *run = g_ptr_array_index (a->runs, r);

        for (const char *p = run; *p != '\0';)
          {
            const char *next = g_utf8_next_char (p);
            g_autofree char *bigram = *next ? g_strndup (p, (gsize) (g_utf8_next_char (next) - p)) : NULL;

            if (bigram != NULL && g_hash_table_contains (b->bigrams, bigram)
                && strstr (chinese->str, bigram) == NULL)
              {
                g_string_append_printf (chinese, "%s%s", chinese->len ? ", " : "", bigram);
                p = g_utf8_next_char (next);
              }
            else
              p = next;
          }
      }
  for (guint i = 0; i < a->stem_order->len; i++)
    {
      const char *stem = g_ptr_array_index (a->stem_order, i);

      if (g_hash_table_contains (b->stems, stem))
        g_string_append_printf (english, "%s%s", english->len ? ", " : "",
                                (const char *) g_hash_table_lookup (a->stems, stem));
    }
  if (chinese->len == 0 && english->len == 0)
    return NULL;
  if (chinese->len > 0 && english->len > 0)
    return g_strdup_printf ("%s / %s", chinese->str, english->str);
  return g_strdup (chinese->len > 0 ? chinese->str : english->str);
}

/* The words a search for candidates uses: the reference title's Chinese
 * bigrams (or single characters) and English stems, at most
 * MAX_SEARCH_WORDS. element-type utf8 */
static GPtrArray *
search_words (Words *title)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < title->runs->len && out->len < MAX_SEARCH_WORDS; r++)
    {
      const char *run = g_ptr_array_index (title->runs, r);

      if (g_utf8_strlen (run, -1) == 1)
        {
          if (g_hash_table_contains (title->chars, run))
            g_ptr_array_add (out, g_strdup (run));
          continue;
        }
      for (const char *p = run; *p != '\0' && *g_utf8_next_char (p) != '\0' && out->len < MAX_SEARCH_WORDS;
           p = g_utf8_next_char (p))
        {
          g_autofree char *bigram = g_strndup (p, (gsize) (g_utf8_next_char (g_utf8_next_char (p)) - p));

          if (g_hash_table_contains (title->bigrams, bigram))
            g_ptr_array_add (out, g_steal_pointer (&bigram));
        }
    }
  for (guint i = 0; i < title->stem_order->len && out->len < MAX_SEARCH_WORDS; i++)
    {
      const char *stem = g_ptr_array_index (title->stem_order, i);

      if (strlen (stem) >= 3)
        g_ptr_array_add (out, g_strdup (stem));
    }
  g_ptr_array_add (out, NULL);
  return out;
}

/* The reference course, analysed once */

typedef struct
{
  BridgeCourse *course;
  Words         title;
  GPtrArray    *outcomes;     /* element-type Words*, one per learning outcome */
} Reference;

static void
free_words (gpointer data)
{
  words_clear (data);
  g_free (data);
}

static void
reference_init (Reference    *ref,
                BridgeCourse *course)
{
  GPtrArray *outcomes = bridge_course_get_learning_outcomes (course);

  ref->course = course;
  words_init (&ref->title);
  words_add_text_all (&ref->title, bridge_course_get_title (course));
  ref->outcomes = g_ptr_array_new_with_free_func (free_words);
  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    {
      Words *words = g_new0 (Words, 1);

      words_init (words);
      words_add_text_all (words, g_ptr_array_index (outcomes, i));
      g_ptr_array_add (ref->outcomes, words);
    }
}

static void
reference_clear (Reference *ref)
{
  words_clear (&ref->title);
  g_clear_pointer (&ref->outcomes, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reference, reference_clear)

/* How many of the reference's outcomes share key words with @all (the
 * candidate's outcomes together). */
static guint
matched_outcomes (Reference *ref,
                  Words     *all)
{
  guint matched = 0;

  for (guint i = 0; i < ref->outcomes->len; i++)
    {
      Words *words = g_ptr_array_index (ref->outcomes, i);
      guint keys = g_hash_table_size (words->stems) + g_hash_table_size (words->bigrams);
      guint shared = count_shared (words->stems, all->stems) + count_shared (words->bigrams, all->bigrams);

      if (shared > 0 && shared >= MIN (keys, OUTCOME_MIN_SHARED))
        matched++;
    }
  return matched;
}

/* Scoring one pair */

typedef struct
{
  BridgeCatalog              *catalog;
  const BridgeRecognizeQuery *query;
  const char                 *home;          /* the home university's id */
  char                       *home_label;
} Context;

/* "3.24", "3.5", "108". */
static char *
show_number (BridgeRational value)
{
  return bridge_rational_format_short (value, 2, BRIDGE_ROUND_HALF_UP, NULL);
}

/* Whether a precedent of @out names both @host_course and @home_course. */
static gboolean
named_by_precedent (GPtrArray  *out,
                    const char *host_course,
                    const char *home_course)
{
  for (guint i = 0; i < out->len; i++)
    {
      BridgeRecognitionOption *option = g_ptr_array_index (out, i);

      if (option->kind == BRIDGE_RECOGNITION_PRECEDENT
          && option->host_courses != NULL
          && g_strv_contains ((const char * const *) option->host_courses, host_course)
          && option->home_courses != NULL
          && g_strv_contains ((const char * const *) option->home_courses, home_course))
        return TRUE;
    }
  return FALSE;
}

/* The length of the ISCED-F code both courses share: 4, 3, 2 or 0 (less
 * than a broad field, or the unknown field 99). */
static guint
shared_field (const char *a,
              const char *b)
{
  guint n = 0;

  if (a == NULL || b == NULL || g_str_has_prefix (a, "99"))
    return 0;
  while (n < 4 && a[n] != '\0' && a[n] == b[n])
    n++;
  return n >= 2 ? n : 0;
}

static void
add_reason (BridgeRecognitionOption *option,
            char                    *sentence)
{
  g_ptr_array_add (option->reasons, sentence);
}

/* The first language of @course that the student declared, or NULL. */
static const char *
declared_language (BridgeCourse               *course,
                   const BridgeRecognizeQuery *query)
{
  const char * const *languages = bridge_course_get_languages (course);

  if (query == NULL || query->languages == NULL)
    return NULL;
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    for (guint j = 0; query->languages[j] != NULL; j++)
      {
        gsize n = strlen (query->languages[j]);

        if (g_ascii_strncasecmp (languages[i], query->languages[j], n) == 0
            && (languages[i][n] == '\0' || languages[i][n] == '-'))
          return languages[i];
      }
  return NULL;
}

static gboolean
offered_in (BridgeCourse *course,
            const char   *term)
{
  const char * const *terms = bridge_course_get_terms (course);

  return term != NULL && terms != NULL && g_strv_contains (terms, term);
}

/* The option for the host course @host (its credit at home in @credit, may
 * be NULL) in place of @home_course, with @ref the course asked about (one
 * of the two) and @other the other one; NULL when it has nothing of
 * substance to say. */
static BridgeRecognitionOption *
score_pair (Context            *ctx,
            Reference          *ref,
            BridgeCourse       *other,
            BridgeCourse       *host,
            BridgeCourse       *home_course,
            BridgeCreditResult *credit)
{
  g_autoptr(BridgeRecognitionOption) option = NULL;
  g_auto(Words) title = { 0 };
  g_auto(Words) outcomes = { 0 };
  GPtrArray *other_outcomes = bridge_course_get_learning_outcomes (other);
  const char *host_id = bridge_course_get_id (host);
  const char *home_id = bridge_course_get_id (home_course);
  const char *language;
  gboolean substance = FALSE;
  double score = 0, similarity;
  guint field, matched;
  g_autofree char *shared = NULL;

  option = bridge_recognition_option_new (BRIDGE_RECOGNITION_SUGGESTION, ctx->home,
                                          bridge_course_get_university_id (host));
  option->host_courses = g_new0 (char *, 2);
  option->host_courses[0] = g_strdup (host_id);
  option->home_courses = g_new0 (char *, 2);
  option->home_courses[0] = g_strdup (home_id);
  option->home_credits_awarded = credit != NULL ? credit->home_credits_awarded : 0;

  /* The field */
  field = shared_field (bridge_course_get_isced (ref->course), bridge_course_get_isced (other));
  if (field > 0)
    {
      g_autofree char *code = g_strndup (bridge_course_get_isced (ref->course), field);
      const char *label = bridge_isced_get_label (code);

      if (field == 4)
        /* Translators: the first %s is an ISCED-F code (0613), the second the name of its broad field */
        add_reason (option, g_strdup_printf (_("Same ISCED-F detailed field %s, within %s"), code, label));
      else if (field == 3)
        /* Translators: the first %s is an ISCED-F code (061), the second the name of its broad field */
        add_reason (option, g_strdup_printf (_("Same ISCED-F narrow field %s, within %s"), code, label));
      else
        /* Translators: the first %s is an ISCED-F code (06), the second its name */
        add_reason (option, g_strdup_printf (_("Same ISCED-F broad field %s (%s)"), code, label));
      score += weights[field == 4 ? RULE_FIELD_4 : field == 3 ? RULE_FIELD_3 : RULE_FIELD_2];
      substance |= field >= 3;
    }

  /* Cycle and level */
  {
    BridgeCycle cycle = bridge_course_get_cycle (ref->course);
    BridgeLevel level = bridge_course_get_level (ref->course);
    gboolean same_cycle = cycle == bridge_course_get_cycle (other);
    gboolean same_level = level == bridge_course_get_level (other);

    if (same_cycle && same_level)
      /* Translators: a cycle and a level, e.g. "bachelor, core" */
      add_reason (option, g_strdup_printf (_("Same cycle and level (%s, %s)"),
                                           bridge_cycle_get_label (cycle), bridge_level_get_label (level)));
    else if (same_cycle)
      /* Translators: %s is a cycle, e.g. "bachelor" */
      add_reason (option, g_strdup_printf (_("Same cycle (%s)"), bridge_cycle_get_label (cycle)));
    else if (same_level)
      /* Translators: %s is a level, e.g. "core" */
      add_reason (option, g_strdup_printf (_("Same level (%s)"), bridge_level_get_label (level)));
    score += (same_cycle ? weights[RULE_CYCLE] : 0) + (same_level ? weights[RULE_LEVEL] : 0);
  }

  /* The workload against the home course's credits */
  if (credit != NULL)
    {
      g_autofree char *hours = show_number (credit->exact.workload);
      g_autofree char *exact = show_number (credit->exact.home_credits);
      g_autofree char *needed = g_strdup_printf ("%g", bridge_course_get_credits (home_course));
      g_autofree char *awarded = g_strdup_printf ("%g", credit->home_credits_awarded);
      const char *home_title = bridge_text_pick (bridge_course_get_title (home_course));

      if (credit->home_credits_awarded + 1e-9 >= bridge_course_get_credits (home_course))
        {
          /* Translators: hours, credits, a course title, a university, then the exact home credits */
          add_reason (option, g_strdup_printf (_("Its workload, %s h, covers the %s credits of %s at %s (≈ %s)"),
                                               hours, needed, home_title, ctx->home_label, exact));
          score += weights[RULE_WORKLOAD];
        }
      else
        /* Translators: hours, credits awarded, credits needed, a course title, then the exact home credits */
        add_reason (option, g_strdup_printf (_("Its workload, %s h, is worth only %s of the %s credits of %s (≈ %s)"),
                                             hours, awarded, needed, home_title, exact));
    }

  /* Title words, in either language */
  words_init (&title);
  words_add_text_all (&title, bridge_course_get_title (other));
  similarity = title_similarity (&ref->title, &title);
  shared = shared_title_words (&ref->title, &title);
  if (shared != NULL && similarity > 0)
    {
      /* Translators: %s lists words, e.g. "数据, 结构 / data, structures" */
      add_reason (option, g_strdup_printf (_("Title words in common: %s"), shared));
      score += weights[RULE_TITLE] * similarity;
      substance = TRUE;
    }

  /* Learning outcomes */
  words_init (&outcomes);
  for (guint i = 0; other_outcomes != NULL && i < other_outcomes->len; i++)
    words_add_text_all (&outcomes, g_ptr_array_index (other_outcomes, i));
  matched = matched_outcomes (ref, &outcomes);
  if (matched > 0)
    {
      guint n = ref->outcomes->len;

      add_reason (option, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        /* Translators: "Shares 3 of 5 learning outcomes' key words" */
                                                        "Shares %u of %u learning outcome’s key words",
                                                        "Shares %u of %u learning outcomes’ key words", n),
                                           matched, n));
      score += weights[RULE_OUTCOMES] * matched / n;
      substance = TRUE;
    }

  if (!substance)
    return NULL;

  /* Term and language: those of the host course, the one the student takes */
  if (ctx->query != NULL && offered_in (host, ctx->query->term))
    {
      g_autoptr(BridgeUniversity) university =
        bridge_catalog_get_university (ctx->catalog, bridge_course_get_university_id (host), NULL);
      g_autofree char *term = bridge_term_get_label (university, ctx->query->term);

      /* Translators: %s is a term, e.g. "Spring 2027" */
      add_reason (option, g_strdup_printf (_("Offered in %s"), term));
      score += weights[RULE_TERM];
    }
  language = declared_language (host, ctx->query);
  if (language != NULL)
    {
      /* Translators: %s is a language, e.g. "English" */
      add_reason (option, g_strdup_printf (_("Taught in %s, a language you declared"),
                                           bridge_language_get_name (language)));
      score += weights[RULE_LANGUAGE];
    }

  option->score = CLAMP (score, 0.0, 1.0);
  return g_steal_pointer (&option);
}

/* Best first: score, then the host course's id, then the home course's. */
static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const BridgeRecognitionOption *x = *(BridgeRecognitionOption * const *) a;
  const BridgeRecognitionOption *y = *(BridgeRecognitionOption * const *) b;
  int order;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  order = strcmp (x->host_courses[0], y->host_courses[0]);
  return order != 0 ? order : strcmp (x->home_courses[0], y->home_courses[0]);
}

/* Sorts @found, keeps the best @query->limit and moves them to @out. */
static void
append_best (GPtrArray                  *found,
             const BridgeRecognizeQuery *query,
             GPtrArray                  *out)
{
  guint limit = query != NULL && query->limit > 0 ? query->limit : BRIDGE_RECOGNIZE_DEFAULT_LIMIT;

  g_ptr_array_sort (found, compare_suggestions);
  for (guint i = 0; i < found->len && i < limit; i++)
    g_ptr_array_add (out, g_steal_pointer (&g_ptr_array_index (found, i)));
}

/* Finding candidates */

/* The courses on the other side of @ref: those that share its title's key
 * words, those of its broad field first, then, if they are few, those of its
 * detailed field; only of @university (may be NULL), never of @not_university, and
 * when @filter_term_language, only those offered in the query's term and
 * taught in a declared language. element-type BridgeCourse */
static GPtrArray *
find_candidates (Context    *ctx,
                 Reference  *ref,
                 const char *university,
                 const char *not_university,
                 gboolean    filter_term_language,
                 GError    **error)
{
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
  g_autoptr(GPtrArray) words = search_words (&ref->title);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char *isced = bridge_course_get_isced (ref->course);
  g_autofree char *broad = isced != NULL ? g_strndup (isced, 2) : NULL;
  const char * const *languages = NULL;
  g_autoptr(GPtrArray) read = NULL;
  GPtrArray *courses;

  filter.university = university;
  if (filter_term_language && ctx->query != NULL)
    {
      filter.term = ctx->query->term;
      languages = ctx->query->languages;
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GArray) found = NULL;

      if (pass == 0 && words->len <= 1)
        continue;
      if (pass == 1 && (rowids->len >= FEW_CANDIDATES || isced == NULL || strlen (isced) < 2
                        || g_str_has_prefix (isced, "99")))
        continue;
      filter.isced = pass == 1 ? isced : NULL;
      found = bridge_catalog_search_any_ids (ctx->catalog, pass == 0 ? (const char * const *) words->pdata : NULL,
                                             &filter, broad, not_university, languages,
                                             pass == 0 ? CANDIDATES_BY_WORDS : CANDIDATES_BY_FIELD, error);
      if (found == NULL)
        return NULL;
      for (guint i = 0; i < found->len; i++)
        {
          gint64 rowid = g_array_index (found, gint64, i);

          if (rowid != bridge_course_get_rowid (ref->course)
              && g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) rowid)))
            g_array_append_val (rowids, rowid);
        }
    }

  /* A course that cannot be read (NULL) is no candidate. */
  read = bridge_catalog_get_courses_by_rowids (ctx->catalog, (const gint64 *) rowids->data, rowids->len, error);
  if (read == NULL)
    return NULL;
  courses = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < read->len; i++)
    if (g_ptr_array_index (read, i) != NULL)
      g_ptr_array_add (courses, g_object_ref (g_ptr_array_index (read, i)));
  return courses;
}

static void
context_init (Context                    *ctx,
              BridgeCatalog              *catalog,
              const char                 *home,
              const BridgeRecognizeQuery *query)
{
  ctx->catalog = catalog;
  ctx->query = query;
  ctx->home = home;
  ctx->home_label = bridge_catalog_dup_university_label (catalog, home);
}

/* The credit of @course at the home university; NULL when it cannot be
 * computed (then the workload rule is not met, nor explained). */
static BridgeCreditResult *
credit_at_home (Context      *ctx,
                BridgeCourse *course)
{
  return bridge_catalog_compute_credit (ctx->catalog, course, ctx->home, NULL);
}

gboolean
bridge_recognize_suggest_replacements (BridgeCatalog              *catalog,
                                       BridgeCourse               *home_course,
                                       const BridgeRecognizeQuery *query,
                                       GPtrArray                  *out,
                                       GError                    **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_recognition_option_free);
  g_auto(Reference) ref = { 0 };
  Context ctx = { 0 };
  const char *home = bridge_course_get_university_id (home_course);

  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (BRIDGE_IS_COURSE (home_course), FALSE);

  if (query != NULL && query->host != NULL && g_strcmp0 (query->host, home) == 0)
    return TRUE;   /* the home university's own courses are never suggested */
  context_init (&ctx, catalog, home, query);
  reference_init (&ref, home_course);
  candidates = find_candidates (&ctx, &ref, query != NULL ? query->host : NULL, home, TRUE, error);
  if (candidates == NULL)
    {
      g_free (ctx.home_label);
      return FALSE;
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      BridgeCourse *host = g_ptr_array_index (candidates, i);
      g_autoptr(BridgeCreditResult) credit = NULL;
      BridgeRecognitionOption *option;

      if (named_by_precedent (out, bridge_course_get_id (host), bridge_course_get_id (home_course)))
        continue;
      credit = credit_at_home (&ctx, host);
      option = score_pair (&ctx, &ref, host, host, home_course, credit);
      if (option != NULL)
        g_ptr_array_add (found, option);
    }
  append_best (found, query, out);
  g_free (ctx.home_label);
  return TRUE;
}

gboolean
bridge_recognize_suggest_for_host (BridgeCatalog              *catalog,
                                   const char                 *home,
                                   GPtrArray                  *host_courses,
                                   const BridgeRecognizeQuery *query,
                                   GPtrArray                  *out,
                                   GError                    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_recognition_option_free);
  Context ctx = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (home != NULL, FALSE);

  context_init (&ctx, catalog, home, query);
  for (guint h = 0; ok && h < host_courses->len; h++)
    {
      BridgeCourse *host = g_ptr_array_index (host_courses, h);
      g_autoptr(GPtrArray) candidates = NULL;
      g_autoptr(BridgeCreditResult) credit = NULL;
      g_auto(Reference) ref = { 0 };

      /* A course of the home university itself counts as itself. */
      if (g_strcmp0 (bridge_course_get_university_id (host), home) == 0)
        continue;
      if (query != NULL && query->host != NULL && g_strcmp0 (query->host, bridge_course_get_university_id (host)) != 0)
        continue;
      reference_init (&ref, host);
      candidates = find_candidates (&ctx, &ref, home, NULL, FALSE, error);
      if (candidates == NULL)
        {
          ok = FALSE;
          break;
        }
      credit = credit_at_home (&ctx, host);
      for (guint i = 0; i < candidates->len; i++)
        {
          BridgeCourse *home_course = g_ptr_array_index (candidates, i);
          BridgeRecognitionOption *option;

          if (named_by_precedent (out, bridge_course_get_id (host), bridge_course_get_id (home_course)))
            continue;
          option = score_pair (&ctx, &ref, home_course, host, home_course, credit);
          if (option != NULL)
            g_ptr_array_add (found, option);
        }
    }
  if (ok)
    append_best (found, query, out);
  g_free (ctx.home_label);
  return ok;
}
