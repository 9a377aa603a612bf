/* bridge-report.c: the recognition and workload report over many plans
 *
 * Each plan is read, added to per-course and per-pair sums, and dropped:
 * what stays is a few numbers a course (and the comments, when asked for),
 * a few a pair, and two caches of catalog figures (a course's workload and
 * credits, and its home-credit equivalent at a home university), so the
 * catalog is asked once per course however many plans name it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bridge-credit.h"
#include "bridge-enum.h"
#include "bridge-error.h"
#include "bridge-json.h"
#include "bridge-report.h"
#include "bridge-report-enums.h"

struct _BridgeReport
{
  GObject                   parent_instance;

  BridgeCatalog            *catalog;
  BridgeReportOptions       options;

  GHashTable               *courses;           /* course id → CourseSum */
  GHashTable               *pairs;             /* "host\nhome" → PairSum */
  GHashTable               *catalog_courses;   /* course id → CatalogCourse */
  GHashTable               *equivalents;       /* "course\nhome" → double* (NAN: none) */
  GPtrArray                *skipped;           /* BridgeReportSkip */

  guint                     plans;
  BridgeReportProgressFunc  progress;
  gpointer                  progress_data;
  char                     *period_start;
  char                     *period_end;
  guint                     undated;
};

/* What the catalog says of a course, asked once. */
typedef struct
{
  BridgeCourse *course;                   /* NULL: not in the catalog */
  double        workload_hours;           /* 0: unknown */
  gboolean      workload_known;           /* declared, or estimated once */
} CatalogCourse;

typedef struct
{
  char       *course_id;
  char       *code;
  BridgeText *title;
  char       *university;
  double      declared_hours;             /* 0: unknown */
  guint       students;
  guint       responses;
  double      hours_sum;
  guint64     rating_sum;
  double      planned;
  double      assessed;
  double      recognised;
  GPtrArray  *comments;                   /* NULL until one comes */
} CourseSum;

typedef struct
{
  char   *host;
  char   *home;
  guint   students;
  double  planned;
  double  assessed;
  double  recognised;
  guint   conversions;
  guint   approximate;
} PairSum;

G_DEFINE_FINAL_TYPE (BridgeReport, bridge_report, G_TYPE_OBJECT)

static void
catalog_course_free (CatalogCourse *c)
{
  g_clear_object (&c->course);
  g_free (c);
}

static void
course_sum_free (CourseSum *s)
{
  g_free (s->course_id);
  g_free (s->code);
  g_clear_pointer (&s->title, bridge_text_unref);
  g_free (s->university);
  g_clear_pointer (&s->comments, g_ptr_array_unref);
  g_free (s);
}

static void
pair_sum_free (PairSum *p)
{
  g_free (p->host);
  g_free (p->home);
  g_free (p);
}

static void
skip_free (BridgeReportSkip *skip)
{
  g_free (skip->path);
  g_free (skip->message);
  g_free (skip);
}

static double
ratio_or_nan (double num,
              double den)
{
  return den > 1e-9 ? num / den : NAN;
}

/* The catalog's course, asked once (NULL when the catalog lacks it). */
static CatalogCourse *
lookup_course (BridgeReport *self,
               const char   *course_id,
               const char   *home_id)
{
  CatalogCourse *c = g_hash_table_lookup (self->catalog_courses, course_id);

  if (c == NULL)
    {
      c = g_new0 (CatalogCourse, 1);
      c->course = bridge_catalog_get_course (self->catalog, course_id, NULL);
      if (c->course != NULL)
        c->workload_hours = bridge_course_get_workload_hours (c->course);
      c->workload_known = c->course == NULL || c->workload_hours > 0;
      g_hash_table_insert (self->catalog_courses, g_strdup (course_id), c);
    }
  /* No declared workload: the credit engine's estimate from the periods,
   * which needs a home university (a home course is met without one). */
  if (!c->workload_known && home_id != NULL)
    {
      g_autoptr(BridgeCreditResult) r = bridge_catalog_compute_credit (self->catalog, c->course,
                                                                      home_id, NULL);

      c->workload_known = TRUE;
      if (r != NULL)
        c->workload_hours = r->workload_hours;
    }
  return c;
}

/* The home-credit equivalent of a host course at @home_id, exact; NAN when
 * the catalog cannot say. */
static double
lookup_equivalent (BridgeReport *self,
                   const char   *course_id,
                   const char   *home_id)
{
  g_autofree char *key = g_strconcat (course_id, "\n", home_id, NULL);
  double *value = g_hash_table_lookup (self->equivalents, key);
  CatalogCourse *c;

  if (value != NULL)
    return *value;
  value = g_new (double, 1);
  *value = NAN;
  c = lookup_course (self, course_id, home_id);
  if (c->course != NULL)
    {
      g_autoptr(BridgeCreditResult) r = bridge_catalog_compute_credit (self->catalog, c->course,
                                                                      home_id, NULL);

      if (r != NULL)
        *value = bridge_rational_to_double (r->exact.home_credits);
    }
  g_hash_table_insert (self->equivalents, g_steal_pointer (&key), value);
  return *value;
}

static CourseSum *
course_sum (BridgeReport              *self,
            const BridgePlanComponent *comp,
            const char                *home_id)
{
  CourseSum *s = g_hash_table_lookup (self->courses, comp->course_id);
  CatalogCourse *c;

  if (s != NULL)
    return s;
  c = lookup_course (self, comp->course_id, home_id);
  s = g_new0 (CourseSum, 1);
  s->course_id = g_strdup (comp->course_id);
  if (c->course != NULL)
    {
      s->code = g_strdup (bridge_course_get_code (c->course));
      s->title = bridge_course_get_title (c->course) ? bridge_text_ref (bridge_course_get_title (c->course))
                                                     : NULL;
      s->university = g_strdup (bridge_course_get_university_id (c->course));
      s->declared_hours = c->workload_hours;
    }
  else
    {
      const char *colon = strchr (comp->course_id, ':');

      s->code = g_strdup (comp->code);
      s->title = comp->title ? bridge_text_ref (comp->title) : NULL;
      s->university = colon ? g_strndup (comp->course_id, colon - comp->course_id) : NULL;
      s->declared_hours = comp->workload_hours;
    }
  g_hash_table_insert (self->courses, s->course_id, s);
  return s;
}

static PairSum *
pair_sum (BridgeReport *self,
          const char   *host,
          const char   *home)
{
  g_autofree char *key = g_strconcat (host, "\n", home, NULL);
  PairSum *p = g_hash_table_lookup (self->pairs, key);

  if (p != NULL)
    return p;
  p = g_new0 (PairSum, 1);
  p->host = g_strdup (host);
  p->home = g_strdup (home);
  g_hash_table_insert (self->pairs, g_steal_pointer (&key), p);
  return p;
}

/* A home course's credits, as the recognition record counts them: the
 * catalog's, or those recorded in the plan when it left the catalog. */
static double
home_component_credits (BridgeReport              *self,
                        const BridgePlanComponent *comp)
{
  CatalogCourse *c = lookup_course (self, comp->course_id, NULL);

  return c->course != NULL ? bridge_course_get_credits (c->course) : comp->credits;
}

static void
widen_period (BridgeReport *self,
              const char   *start,
              const char   *end)
{
  /* ISO dates compare as strings */
  if (self->period_start == NULL || strcmp (start, self->period_start) < 0)
    {
      g_free (self->period_start);
      self->period_start = g_strdup (start);
    }
  if (self->period_end == NULL || strcmp (end, self->period_end) > 0)
    {
      g_free (self->period_end);
      self->period_end = g_strdup (end);
    }
}

static void
add_period (BridgeReport *self,
            BridgePlan   *plan)
{
  const char *start = bridge_plan_get_start_date (plan);
  const char *end = bridge_plan_get_end_date (plan);
  g_autofree char *term_start = NULL, *term_end = NULL;

  if ((start == NULL || end == NULL)
      && bridge_plan_get_term_dates (plan, self->catalog, &term_start, &term_end))
    {
      start = start ? start : term_start;
      end = end ? end : term_end;
    }
  if (start == NULL || end == NULL)
    {
      self->undated++;
      return;
    }
  widen_period (self, start, end);
}

typedef struct
{
  double recognised;
  guint  conversions;
  guint  approximate;
} GroupRecord;

static void
add_group (BridgeReport    *self,
           BridgePlan      *plan,
           BridgePlanGroup *group,
           GHashTable      *records,
           GHashTable      *seen,
           PairSum         *pair)
{
  const char *home_id = bridge_plan_get_home_university (plan);
  guint n_host = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST);
  guint n_home = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOME);
  const GroupRecord *record = g_hash_table_lookup (records, bridge_plan_group_get_id (group));
  g_autofree double *weights = NULL;
  double planned = 0, total_weight = 0;
  gboolean assessed = record != NULL, equal = FALSE;

  if (n_host == 0)
    return;
  for (guint i = 0; i < n_home; i++)
    planned += home_component_credits (self, bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOME, i));

  weights = g_new0 (double, n_host);
  for (guint i = 0; i < n_host; i++)
    {
      const BridgePlanComponent *c = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, i);

      if (bridge_plan_get_grade (plan, c->course_id) == NULL)
        assessed = FALSE;
      weights[i] = lookup_equivalent (self, c->course_id, home_id);
      if (isnan (weights[i]) || weights[i] <= 0)
        equal = TRUE;
      else
        total_weight += weights[i];
    }

  for (guint i = 0; i < n_host; i++)
    {
      const BridgePlanComponent *c = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, i);
      double share = equal ? 1.0 / n_host : weights[i] / total_weight;
      CourseSum *s = course_sum (self, c, home_id);

      if (!g_hash_table_contains (seen, s->course_id))
        {
          g_hash_table_add (seen, s->course_id);
          s->students++;
        }
      s->planned += planned * share;
      if (assessed)
        {
          s->assessed += planned * share;
          s->recognised += record->recognised * share;
        }
    }

  pair->planned += planned;
  if (assessed)
    {
      pair->assessed += planned;
      pair->recognised += record->recognised;
      pair->conversions += record->conversions;
      pair->approximate += record->approximate;
    }
}

static void
add_feedback (BridgeReport *self,
              BridgePlan   *plan,
              GHashTable   *seen)
{
  g_autoptr(GPtrArray) feedback = bridge_plan_list_feedback (plan);

  for (guint i = 0; feedback != NULL && i < feedback->len; i++)
    {
      const BridgePlanFeedback *f = g_ptr_array_index (feedback, i);
      CourseSum *s = g_hash_table_lookup (self->courses, f->host_course_id);

      /* Only on a course of this plan's Table A, once. */
      if (s == NULL || !g_hash_table_contains (seen, s->course_id)
          || !isfinite (f->hours) || f->hours <= 0 || f->rating < 1 || f->rating > 5)
        continue;
      g_hash_table_remove (seen, s->course_id);
      s->responses++;
      s->hours_sum += f->hours;
      s->rating_sum += f->rating;
      if (self->options.comments && f->comment != NULL && f->comment[0] != '\0')
        {
          if (s->comments == NULL)
            s->comments = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (s->comments, g_strdup (f->comment));
        }
    }
}

static void
add_skip (BridgeReport           *self,
          const char             *path,
          BridgeReportSkipReason  reason,
          char                   *message)
{
  BridgeReportSkip *skip = g_new0 (BridgeReportSkip, 1);

  skip->path = g_strdup (path);
  skip->reason = reason;
  skip->message = message;
  g_ptr_array_add (self->skipped, skip);
}

/* Why bridge_plan_new_from_file () refused @path. A plan file starts with
 * its format's name, so a damaged plan still carries it and anything else
 * does not. */
static BridgeReportSkipReason
classify_error (const char   *path,
                const GError *error)
{
  g_autofree char *head = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  gsize n = 0;

  if (g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_UNSUPPORTED_VERSION))
    return BRIDGE_REPORT_SKIP_NEWER_VERSION;
  if (!g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN))
    return BRIDGE_REPORT_SKIP_UNREADABLE;
  file = g_file_new_for_path (path);
  in = g_file_read (file, NULL, NULL);
  head = g_malloc0 (4097);
  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), head, 4096, &n, NULL, NULL))
    return BRIDGE_REPORT_SKIP_UNREADABLE;
  return strstr (head, "\"" BRIDGE_PLAN_FORMAT "\"") != NULL ? BRIDGE_REPORT_SKIP_DAMAGED
                                                             : BRIDGE_REPORT_SKIP_NOT_A_PLAN;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static guint
add_folder (BridgeReport *self,
            const char   *path,
            guint         depth)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint added = 0;

  if (dir == NULL)
    {
      add_skip (self, path, BRIDGE_REPORT_SKIP_UNREADABLE,
                g_strdup_printf (_("Cannot read the folder %s: %s"), path, error->message));
      return 0;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child_name = g_ptr_array_index (names, i);
      g_autofree char *child = g_build_filename (path, child_name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          /* Links to folders could loop; 32 levels is deeper than any filing. */
          if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK) && depth < 32)
            added += add_folder (self, child, depth + 1);
        }
      else if (g_str_has_suffix (child_name, ".creditplan"))
        added += bridge_report_add_file (self, child) ? 1 : 0;
    }
  return added;
}

static int
compare_courses (gconstpointer a,
                 gconstpointer b)
{
  const BridgeReportCourse *x = *(BridgeReportCourse * const *) a;
  const BridgeReportCourse *y = *(BridgeReportCourse * const *) b;

  return strcmp (x->course_id, y->course_id);
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const BridgeReportPair *x = *(BridgeReportPair * const *) a;
  const BridgeReportPair *y = *(BridgeReportPair * const *) b;
  int c = strcmp (x->host_university, y->host_university);

  return c != 0 ? c : strcmp (x->home_university, y->home_university);
}

/* JSON ------------------------------------------------------------------- */

static double
round_to (double value,
          double unit)
{
  return round (value / unit) * unit;
}

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value,
            double       unit)
{
  json_builder_set_member_name (b, name);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, round_to (value, unit));
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_credits (JsonBuilder *b,
             double       planned,
             double       assessed,
             double       recognised,
             double       rate)
{
  add_number (b, "home_credits_planned", planned, 0.01);
  add_number (b, "home_credits_assessed", assessed, 0.01);
  add_number (b, "home_credits_recognised", recognised, 0.01);
  add_number (b, "recognition_rate", rate, 0.001);
}

/* CSV -------------------------------------------------------------------- */

static void
csv_text (GString    *out,
          const char *text)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ',');
  if (text == NULL)
    return;
  g_string_append_c (out, '"');
  /* A cell a spreadsheet would take for a formula is kept as text. */
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_number (GString *out,
            double   value,
            double   unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ',');
  if (!isnan (value))
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, unit >= 0.01 ? "%.2f" : "%.3f",
                                           round_to (value, unit)));
}

static void
csv_uint (GString *out,
          guint64  value)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ',');
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, value);
}

static void
csv_end_row (GString *out)
{
  /* LF, not RFC 4180's CRLF: the report goes to terminals too, and every
   * spreadsheet reads either. csv_* put a comma unless the row is new. */
  g_string_append_c (out, '\n');
}

static void
csv_header (GString           *out,
            const char * const *names)
{
  for (guint i = 0; names[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, names[i]);
    }
  csv_end_row (out);
}

/* Overrides -------------------------------------------------------------- */

static void
bridge_report_finalize (GObject *object)
{
  BridgeReport *self = BRIDGE_REPORT (object);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->courses, g_hash_table_unref);
  g_clear_pointer (&self->pairs, g_hash_table_unref);
  g_clear_pointer (&self->catalog_courses, g_hash_table_unref);
  g_clear_pointer (&self->equivalents, g_hash_table_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_free (self->period_start);
  g_free (self->period_end);

  G_OBJECT_CLASS (bridge_report_parent_class)->finalize (object);
}

static void
bridge_report_class_init (BridgeReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bridge_report_finalize;
}

static void
bridge_report_init (BridgeReport *self)
{
  BridgeReportOptions defaults = BRIDGE_REPORT_OPTIONS_INIT;

  self->options = defaults;
  self->courses = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) course_sum_free);
  self->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pair_sum_free);
  self->catalog_courses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) catalog_course_free);
  self->equivalents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) skip_free);
}

/* Public API ------------------------------------------------------------- */

void
bridge_report_course_free (BridgeReportCourse *course)
{
  if (course == NULL)
    return;
  g_free (course->course_id);
  g_free (course->code);
  g_clear_pointer (&course->title, bridge_text_unref);
  g_free (course->university);
  g_clear_pointer (&course->comments, g_ptr_array_unref);
  g_free (course);
}

void
bridge_report_pair_free (BridgeReportPair *pair)
{
  if (pair == NULL)
    return;
  g_free (pair->host_university);
  g_free (pair->home_university);
  g_free (pair);
}

void
bridge_report_overall_clear (BridgeReportOverall *overall)
{
  g_clear_pointer (&overall->period_start, g_free);
  g_clear_pointer (&overall->period_end, g_free);
}

const char *
bridge_report_skip_reason_to_string (BridgeReportSkipReason reason)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_REPORT_SKIP_REASON, reason);
}

const char *
bridge_report_skip_reason_get_label (BridgeReportSkipReason reason)
{
  switch (reason)
    {
    case BRIDGE_REPORT_SKIP_UNREADABLE:
      return _("cannot be read");
    case BRIDGE_REPORT_SKIP_DAMAGED:
      return _("damaged");
    case BRIDGE_REPORT_SKIP_NEWER_VERSION:
      return _("written by a newer Credit Bridge");
    case BRIDGE_REPORT_SKIP_NOT_A_PLAN:
      return _("not a plan");
    case BRIDGE_REPORT_SKIP_INCOMPLETE:
      return _("no home or host university");
    case BRIDGE_REPORT_N_SKIP_REASONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
bridge_report_parse_threshold (const char  *text,
                               double      *out,
                               GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (copy);
  gboolean percent = len > 0 && copy[len - 1] == '%';
  char *end = NULL;
  double value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (percent)
    copy[--len] = '\0';
  value = len > 0 ? g_ascii_strtod (copy, &end) : NAN;
  if (percent)
    value /= 100;
  if (end == NULL || *end != '\0' || !isfinite (value) || value <= 0 || value > 10)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%s” is not a threshold: give a positive number up to 10, as a fraction (0.25) or a percentage (25%%)"),
                   text ? text : "");
      return FALSE;
    }
  *out = value;
  return TRUE;
}

BridgeReport *
bridge_report_new (BridgeCatalog              *catalog,
                   const BridgeReportOptions  *options,
                   GError                    **error)
{
  BridgeReport *self;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  if (options != NULL && options->min_responses < 1)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The least number of responses a course needs before its means are shown must be at least 1"));
      return NULL;
    }
  if (options != NULL && (!isfinite (options->threshold) || options->threshold <= 0))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The workload threshold must be a positive number, such as 0.25 for ±25 %%"));
      return NULL;
    }
  self = g_object_new (BRIDGE_TYPE_REPORT, NULL);
  self->catalog = g_object_ref (catalog);
  if (options != NULL)
    self->options = *options;
  return self;
}

BridgeCatalog *
bridge_report_get_catalog (BridgeReport *self)
{
  g_return_val_if_fail (BRIDGE_IS_REPORT (self), NULL);
  return self->catalog;
}

const BridgeReportOptions *
bridge_report_get_options (BridgeReport *self)
{
  g_return_val_if_fail (BRIDGE_IS_REPORT (self), NULL);

  return &self->options;
}

gboolean
bridge_report_add_plan (BridgeReport  *self,
                        BridgePlan    *plan,
                        GError       **error)
{
  const char *home = bridge_plan_get_home_university (plan);
  const char *host = bridge_plan_get_host_university (plan);
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *recognition;
  PairSum *pair;
  guint n;

  g_return_val_if_fail (BRIDGE_IS_REPORT (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), FALSE);

  if (home == NULL || home[0] == '\0' || host == NULL || host[0] == '\0')
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The plan has no home or no host university, so it belongs to no pair; choose both in the plan"));
      return FALSE;
    }

  /* The recognition record, group by group. */
  records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  recognition = bridge_plan_get_recognition (plan);
  for (guint i = 0; recognition != NULL && i < recognition->len; i++)
    {
      const BridgePlanRecognition *r = g_ptr_array_index (recognition, i);
      GroupRecord *g;

      if (r->group_id == NULL)
        continue;
      g = g_hash_table_lookup (records, r->group_id);
      if (g == NULL)
        {
          g = g_new0 (GroupRecord, 1);
          g_hash_table_insert (records, r->group_id, g);
        }
      if (r->grade != NULL && isfinite (r->credits) && r->credits > 0)
        g->recognised += r->credits;
      if (r->grade != NULL)
        {
          g->conversions++;
          g->approximate += r->approximate ? 1 : 0;
        }
    }

  self->plans++;
  pair = pair_sum (self, host, home);
  pair->students++;
  add_period (self, plan);

  /* Host courses seen in this plan: counted once, answered once. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  n = bridge_plan_get_n_groups (plan);
  for (guint i = 0; i < n; i++)
    add_group (self, plan, bridge_plan_get_group (plan, i), records, seen, pair);
  add_feedback (self, plan, seen);
  return TRUE;
}

gboolean
bridge_report_add_file (BridgeReport *self,
                        const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) plan = NULL;

  g_return_val_if_fail (BRIDGE_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->progress != NULL)
    self->progress (self->plans + self->skipped->len, self->progress_data);
  plan = bridge_plan_new_from_file (path, &error);
  if (plan == NULL)
    {
      BridgeReportSkipReason reason = classify_error (path, error);

      add_skip (self, path, reason,
                /* Translators: the file, why it is skipped (“damaged”), and the reader's message */
                g_strdup_printf (_("Skipped %s (%s): %s"), path,
                                 bridge_report_skip_reason_get_label (reason), error->message));
      return FALSE;
    }
  if (!bridge_report_add_plan (self, plan, &error))
    {
      add_skip (self, path, BRIDGE_REPORT_SKIP_INCOMPLETE,
                g_strdup_printf (_("Skipped %s (%s): %s"), path,
                                 bridge_report_skip_reason_get_label (BRIDGE_REPORT_SKIP_INCOMPLETE),
                                 error->message));
      return FALSE;
    }
  return TRUE;
}

guint
bridge_report_add_folder (BridgeReport *self,
                          const char   *path)
{
  g_return_val_if_fail (BRIDGE_IS_REPORT (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  return add_folder (self, path, 0);
}

guint
bridge_report_add_path (BridgeReport *self,
                        const char   *path)
{
  g_return_val_if_fail (BRIDGE_IS_REPORT (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return bridge_report_add_folder (self, path);
  return bridge_report_add_file (self, path) ? 1 : 0;
}

void
bridge_report_set_progress (BridgeReport             *self,
                            BridgeReportProgressFunc  progress,
                            gpointer                  user_data)
{
  g_return_if_fail (BRIDGE_IS_REPORT (self));

  self->progress = progress;
  self->progress_data = user_data;
}

guint
bridge_report_get_n_plans (BridgeReport *self)
{
  g_return_val_if_fail (BRIDGE_IS_REPORT (self), 0);

  return self->plans;
}

GPtrArray *
bridge_report_get_skipped (BridgeReport *self)
{
  g_return_val_if_fail (BRIDGE_IS_REPORT (self), NULL);

  return self->skipped;
}

GPtrArray *
bridge_report_list_courses (BridgeReport *self)
{
  GPtrArray *list;
  GHashTableIter iter;
  CourseSum *s;

  g_return_val_if_fail (BRIDGE_IS_REPORT (self), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_report_course_free);
  g_hash_table_iter_init (&iter, self->courses);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &s))
    {
      BridgeReportCourse *c = g_new0 (BridgeReportCourse, 1);

      c->course_id = g_strdup (s->course_id);
      c->code = g_strdup (s->code);
      c->title = s->title ? bridge_text_ref (s->title) : NULL;
      c->university = g_strdup (s->university);
      c->students = s->students;
      c->responses = s->responses;
      c->withheld = s->responses < self->options.min_responses;
      c->declared_hours = s->declared_hours > 0 ? s->declared_hours : NAN;
      c->reported_hours_mean = c->withheld ? NAN : s->hours_sum / s->responses;
      c->workload_deviation = c->withheld ? NAN : ratio_or_nan (c->reported_hours_mean, c->declared_hours) - 1;
      if (isnan (c->declared_hours))
        c->workload_deviation = NAN;
      /* Beyond the band, not on its edge; the 1e-9 keeps 0.25 itself inside. */
      c->workload_flag = !isnan (c->workload_deviation)
                         && fabs (c->workload_deviation) > self->options.threshold + 1e-9;
      c->rating_mean = c->withheld ? NAN : (double) s->rating_sum / s->responses;
      c->home_credits_planned = s->planned;
      c->home_credits_assessed = s->assessed;
      c->home_credits_recognised = s->recognised;
      c->recognition_rate = ratio_or_nan (s->recognised, s->assessed);
      c->comments = g_ptr_array_new_with_free_func (g_free);
      if (!c->withheld && s->comments != NULL)
        {
          for (guint i = 0; i < s->comments->len; i++)
            g_ptr_array_add (c->comments, g_strdup (g_ptr_array_index (s->comments, i)));
          /* Sorted, so the order tells nothing of which plan came first. */
          g_ptr_array_sort (c->comments, compare_names);
        }
      g_ptr_array_add (list, c);
    }
  g_ptr_array_sort (list, compare_courses);
  return list;
}

GPtrArray *
bridge_report_list_pairs (BridgeReport *self)
{
  GPtrArray *list;
  GHashTableIter iter;
  PairSum *p;

  g_return_val_if_fail (BRIDGE_IS_REPORT (self), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_report_pair_free);
  g_hash_table_iter_init (&iter, self->pairs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &p))
    {
      BridgeReportPair *r = g_new0 (BridgeReportPair, 1);

      r->host_university = g_strdup (p->host);
      r->home_university = g_strdup (p->home);
      r->students = p->students;
      r->home_credits_planned = p->planned;
      r->home_credits_assessed = p->assessed;
      r->home_credits_recognised = p->recognised;
      r->recognition_rate = ratio_or_nan (p->recognised, p->assessed);
      r->conversions = p->conversions;
      r->approximate_conversions = p->approximate;
      g_ptr_array_add (list, r);
    }
  g_ptr_array_sort (list, compare_pairs);
  return list;
}

void
bridge_report_get_overall (BridgeReport        *self,
                           BridgeReportOverall *overall)
{
  GHashTableIter iter;
  CourseSum *s;
  PairSum *p;
  guint64 rating_sum = 0;

  g_return_if_fail (BRIDGE_IS_REPORT (self));
  g_return_if_fail (overall != NULL);

  memset (overall, 0, sizeof *overall);
  overall->plans = self->plans;
  overall->skipped = self->skipped->len;
  overall->host_courses = g_hash_table_size (self->courses);
  overall->pairs = g_hash_table_size (self->pairs);
  g_hash_table_iter_init (&iter, self->courses);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &s))
    {
      overall->responses += s->responses;
      rating_sum += s->rating_sum;
    }
  overall->rating_mean = overall->responses >= self->options.min_responses
                         ? (double) rating_sum / overall->responses : NAN;
  g_hash_table_iter_init (&iter, self->pairs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &p))
    {
      overall->home_credits_planned += p->planned;
      overall->home_credits_assessed += p->assessed;
      overall->home_credits_recognised += p->recognised;
      overall->conversions += p->conversions;
      overall->approximate_conversions += p->approximate;
    }
  overall->recognition_rate = ratio_or_nan (overall->home_credits_recognised,
                                            overall->home_credits_assessed);
  overall->period_start = g_strdup (self->period_start);
  overall->period_end = g_strdup (self->period_end);
  overall->undated = self->undated;
}

JsonNode *
bridge_report_to_json (BridgeReport *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_auto(BridgeReportOverall) overall = { 0 };
  guint counts[BRIDGE_REPORT_N_SKIP_REASONS] = { 0 };

  g_return_val_if_fail (BRIDGE_IS_REPORT (self), NULL);

  courses = bridge_report_list_courses (self);
  pairs = bridge_report_list_pairs (self);
  bridge_report_get_overall (self, &overall);

  json_builder_begin_object (b);
  bridge_json_add_nullable_string (b, "format", BRIDGE_REPORT_FORMAT);
  add_int (b, "version", BRIDGE_REPORT_VERSION);

  json_builder_set_member_name (b, "options");
  json_builder_begin_object (b);
  add_int (b, "min_responses", self->options.min_responses);
  add_number (b, "threshold", self->options.threshold, 0.0001);
  json_builder_set_member_name (b, "comments");
  json_builder_add_boolean_value (b, self->options.comments);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "period");
  json_builder_begin_object (b);
  bridge_json_add_nullable_string (b, "start", overall.period_start);
  bridge_json_add_nullable_string (b, "end", overall.period_end);
  add_int (b, "undated_plans", overall.undated);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "overall");
  json_builder_begin_object (b);
  add_int (b, "plans", overall.plans);
  add_int (b, "host_courses", overall.host_courses);
  add_int (b, "pairs", overall.pairs);
  add_int (b, "responses", overall.responses);
  add_number (b, "rating_mean", overall.rating_mean, 0.01);
  add_credits (b, overall.home_credits_planned, overall.home_credits_assessed,
               overall.home_credits_recognised, overall.recognition_rate);
  add_int (b, "conversions", overall.conversions);
  add_int (b, "approximate_conversions", overall.approximate_conversions);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "courses");
  json_builder_begin_array (b);
  for (guint i = 0; i < courses->len; i++)
    {
      const BridgeReportCourse *c = g_ptr_array_index (courses, i);

      json_builder_begin_object (b);
      bridge_json_add_nullable_string (b, "course", c->course_id);
      bridge_json_add_nullable_string (b, "code", c->code);
      bridge_json_add_nullable_string (b, "title", c->title ? bridge_text_pick (c->title) : NULL);
      bridge_json_add_nullable_string (b, "university", c->university);
      add_int (b, "students", c->students);
      add_int (b, "responses", c->responses);
      add_number (b, "declared_hours", c->declared_hours, 0.01);
      add_number (b, "reported_hours_mean", c->reported_hours_mean, 0.01);
      add_number (b, "workload_deviation", c->workload_deviation, 0.001);
      json_builder_set_member_name (b, "workload_flag");
      if (isnan (c->workload_deviation))
        json_builder_add_null_value (b);
      else
        json_builder_add_boolean_value (b, c->workload_flag);
      add_number (b, "rating_mean", c->rating_mean, 0.01);
      add_credits (b, c->home_credits_planned, c->home_credits_assessed,
                   c->home_credits_recognised, c->recognition_rate);
      if (self->options.comments)
        {
          json_builder_set_member_name (b, "comments");
          json_builder_begin_array (b);
          for (guint k = 0; k < c->comments->len; k++)
            json_builder_add_string_value (b, g_ptr_array_index (c->comments, k));
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "pairs");
  json_builder_begin_array (b);
  for (guint i = 0; i < pairs->len; i++)
    {
      const BridgeReportPair *p = g_ptr_array_index (pairs, i);

      json_builder_begin_object (b);
      bridge_json_add_nullable_string (b, "host_university", p->host_university);
      bridge_json_add_nullable_string (b, "home_university", p->home_university);
      add_int (b, "students", p->students);
      add_credits (b, p->home_credits_planned, p->home_credits_assessed,
                   p->home_credits_recognised, p->recognition_rate);
      add_int (b, "conversions", p->conversions);
      add_int (b, "approximate_conversions", p->approximate_conversions);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  /* How many files were left out and why — not which: file names are
   * often the students'. */
  for (guint i = 0; i < self->skipped->len; i++)
    counts[((BridgeReportSkip *) g_ptr_array_index (self->skipped, i))->reason]++;
  json_builder_set_member_name (b, "skipped");
  json_builder_begin_object (b);
  for (guint r = 0; r < BRIDGE_REPORT_N_SKIP_REASONS; r++)
    add_int (b, bridge_report_skip_reason_to_string (r), counts[r]);
  json_builder_end_object (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
bridge_report_to_csv (BridgeReport      *self,
                      BridgeReportTable  table)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (BRIDGE_IS_REPORT (self), NULL);

  if (table == BRIDGE_REPORT_TABLE_COURSES || table == BRIDGE_REPORT_TABLE_COMMENTS)
    {
      g_autoptr(GPtrArray) courses = bridge_report_list_courses (self);

      if (table == BRIDGE_REPORT_TABLE_COURSES)
        csv_header (out, (const char * const[]) {
                      "course", "code", "title", "university", "students", "responses",
                      "declared_hours", "reported_hours_mean", "workload_deviation",
                      "workload_flag", "rating_mean", "home_credits_planned",
                      "home_credits_assessed", "home_credits_recognised", "recognition_rate",
                      NULL });
      else
        csv_header (out, (const char * const[]) { "course", "code", "comment", NULL });
      for (guint i = 0; i < courses->len; i++)
        {
          const BridgeReportCourse *c = g_ptr_array_index (courses, i);

          if (table == BRIDGE_REPORT_TABLE_COMMENTS)
            {
              for (guint k = 0; k < c->comments->len; k++)
                {
                  csv_text (out, c->course_id);
                  csv_text (out, c->code);
                  csv_text (out, g_ptr_array_index (c->comments, k));
                  csv_end_row (out);
                }
              continue;
            }
          csv_text (out, c->course_id);
          csv_text (out, c->code);
          csv_text (out, c->title ? bridge_text_pick (c->title) : NULL);
          csv_text (out, c->university);
          csv_uint (out, c->students);
          csv_uint (out, c->responses);
          csv_number (out, c->declared_hours, 0.01);
          csv_number (out, c->reported_hours_mean, 0.01);
          csv_number (out, c->workload_deviation, 0.001);
          if (out->str[out->len - 1] != '\n')
            g_string_append_c (out, ',');
          if (!isnan (c->workload_deviation))
            g_string_append (out, c->workload_flag ? "true" : "false");
          csv_number (out, c->rating_mean, 0.01);
          csv_number (out, c->home_credits_planned, 0.01);
          csv_number (out, c->home_credits_assessed, 0.01);
          csv_number (out, c->home_credits_recognised, 0.01);
          csv_number (out, c->recognition_rate, 0.001);
          csv_end_row (out);
        }
    }
  else
    {
      g_autoptr(GPtrArray) pairs = bridge_report_list_pairs (self);

      csv_header (out, (const char * const[]) {
                    "host_university", "home_university", "students", "home_credits_planned",
                    "home_credits_assessed", "home_credits_recognised", "recognition_rate",
                    "conversions", "approximate_conversions", NULL });
      for (guint i = 0; i < pairs->len; i++)
        {
          const BridgeReportPair *p = g_ptr_array_index (pairs, i);

          csv_text (out, p->host_university);
          csv_text (out, p->home_university);
          csv_uint (out, p->students);
          csv_number (out, p->home_credits_planned, 0.01);
          csv_number (out, p->home_credits_assessed, 0.01);
          csv_number (out, p->home_credits_recognised, 0.01);
          csv_number (out, p->recognition_rate, 0.001);
          csv_uint (out, p->conversions);
          csv_uint (out, p->approximate_conversions);
          csv_end_row (out);
        }
    }
  return g_string_free (out, FALSE);
}
