/* bridge-plan-check.c: totals, warnings and grades of a plan
 *
 * Every number comes from the credit engine (bridge-credit.h) and the
 * grading engine (bridge-grading.h) over the catalog's universities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "bridge-credit.h"
#include "bridge-error.h"
#include "bridge-grading.h"
#include "bridge-names.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "bridge-validate.h"

/* A usual full-time term is 30 ECTS; a term outside 20–40 ECTS worth of home
 * credits is unusual enough to ask the advisor about, unless the home
 * university's credit_policy.term_load says what its usual term is. */
#define MIN_TERM_ECTS   20.0
#define MAX_TERM_ECTS   40.0

/* What the host courses of one term add up to. */
typedef struct
{
  double         hours;
  BridgeRational home_credits;            /* exact */
} TermLoad;

typedef struct
{
  BridgePlan           *plan;
  BridgeCatalog        *catalog;
  const BridgeAlliance *alliance;
  BridgeUniversity     *home;
  GHashTable           *universities;     /* id → BridgeUniversity */
  GHashTable           *courses;          /* id → BridgeCourse, or NULL-valued for unknown */
  gboolean              catalog_figures;  /* count the catalog's figures, not the plan's */
} Ctx;

static void
object_unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_object (&ctx->home);
  g_clear_pointer (&ctx->universities, g_hash_table_unref);
  g_clear_pointer (&ctx->courses, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ctx, ctx_clear)

static gboolean
ctx_init (Ctx            *ctx,
          BridgePlan     *plan,
          BridgeCatalog  *catalog,
          gboolean        need_home,
          GError        **error)
{
  const char *home_id = bridge_plan_get_home_university (plan);

  ctx->plan = plan;
  ctx->catalog = catalog;
  ctx->alliance = bridge_catalog_get_alliance (catalog);
  ctx->universities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  ctx->courses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, object_unref_nullable);

  if (ctx->alliance == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The catalog is empty; import the alliance catalog first"));
      return FALSE;
    }
  if (home_id == NULL)
    {
      if (!need_home)
        return TRUE;
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The plan has no home university; choose one first"));
      return FALSE;
    }
  ctx->home = bridge_catalog_get_university (catalog, home_id, NULL);
  if (ctx->home == NULL && need_home)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The home university “%s” is not in the catalog"), home_id);
      return FALSE;
    }
  return TRUE;
}

static BridgeUniversity *
ctx_university (Ctx        *ctx,
                const char *id)
{
  BridgeUniversity *u;

  if (id == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (ctx->universities, id, NULL, (gpointer *) &u))
    return u;
  u = bridge_catalog_get_university (ctx->catalog, id, NULL);
  if (u != NULL)
    g_hash_table_insert (ctx->universities, g_strdup (id), u);
  return u;
}

/* NULL when the course is no longer in the catalog. */
static BridgeCourse *
ctx_course (Ctx        *ctx,
            const char *id)
{
  BridgeCourse *c;

  if (g_hash_table_lookup_extended (ctx->courses, id, NULL, (gpointer *) &c))
    return c;
  c = bridge_catalog_get_course (ctx->catalog, id, NULL);
  g_hash_table_insert (ctx->courses, g_strdup (id), c);
  return c;
}

/* The credit equivalence of a Table A component; for a course no longer in
 * the catalog, from the workload the plan recorded (NULL if it has none). */
static BridgeCreditResult *
component_credits (Ctx                        *ctx,
                   const BridgePlanComponent  *comp,
                   GError                    **error)
{
  BridgeCourse *course = ctx_course (ctx, comp->course_id);
  BridgeUniversity *host;

  BridgePlanFigures figures;
  BridgeCreditResult *result;

  if (course != NULL && !ctx->catalog_figures &&
      bridge_plan_component_compare (comp, BRIDGE_PLAN_SIDE_HOST, ctx->catalog, course, &figures))
    {
      BridgeCourseLoad load;

      /* The course as the plan recorded it: its class periods, with the
       * credits and the workload the catalog no longer gives. */
      host = ctx_university (ctx, bridge_course_get_university_id (course));
      if (host == NULL)
        return bridge_catalog_compute_credit (ctx->catalog, course, bridge_university_get_id (ctx->home), error);
      bridge_course_load_from_course (&load, course);
      if (figures.credits_changed)
        load.credits = comp->credits;
      if (figures.workload_changed)
        load.workload_hours = comp->workload_hours;
      result = bridge_credit_compute_load (ctx->alliance, host, ctx->home, &load, error);
      if (result != NULL)
        result->course_id = g_strdup (comp->course_id);
      return result;
    }
  if (course != NULL)
    return bridge_catalog_compute_credit (ctx->catalog, course, bridge_university_get_id (ctx->home), error);
  else
    {
      BridgeCourseLoad load = { 0 };
      g_autofree char *uni = NULL;
      const char *colon = strchr (comp->course_id, ':');

      if (comp->workload_hours <= 0)
        return NULL;
      uni = colon ? g_strndup (comp->course_id, colon - comp->course_id)
                  : g_strdup (bridge_plan_get_host_university (ctx->plan));
      host = ctx_university (ctx, uni);
      if (host == NULL)
        host = ctx_university (ctx, bridge_plan_get_host_university (ctx->plan));
      if (host == NULL)
        return NULL;
      load.workload_hours = comp->workload_hours;
      load.credits = comp->credits;
      return bridge_credit_compute_load (ctx->alliance, host, ctx->home, &load, error);
    }
}

static double
component_own_credits (Ctx                       *ctx,
                       const BridgePlanComponent *comp)
{
  BridgeCourse *course = ctx_course (ctx, comp->course_id);

  if (course == NULL ||
      (!ctx->catalog_figures && bridge_plan_component_compare (comp, BRIDGE_PLAN_SIDE_HOME, ctx->catalog, course, NULL)))
    return comp->credits;
  return bridge_course_get_credits (course);
}

static gboolean
group_totals (Ctx               *ctx,
              BridgePlanGroup   *group,
              BridgePlanTotals  *totals,
              GError           **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_credit_result_free);
  g_autoptr(BridgeCreditSum) sum = NULL;
  guint n_host = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST);
  guint n_home = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOME);
  double unknown_local = 0;

  memset (totals, 0, sizeof *totals);
  for (guint i = 0; i < n_host; i++)
    {
      const BridgePlanComponent *c = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, i);
      g_autoptr(GError) local_error = NULL;
      BridgeCreditResult *r = component_credits (ctx, c, &local_error);

      if (r == NULL && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (r == NULL)
        unknown_local += c->credits;      /* no workload known: local credits only */
      else
        g_ptr_array_add (results, r);
    }
  sum = bridge_credit_sum ((BridgeCreditResult * const *) results->pdata, results->len, error);
  if (sum == NULL)
    return FALSE;
  totals->host_credits = sum->local_credits + unknown_local;
  totals->alliance_credits = sum->alliance_credits;
  totals->ects_credits = sum->ects_credits;
  totals->home_credits = sum->home_credits_group;
  totals->home_credits_exact = sum->home_credits_exact;
  totals->home_credits_fraction = sum->exact.home_credits;
  for (guint i = 0; i < n_home; i++)
    totals->replaced_credits += component_own_credits (ctx, bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOME, i));
  return TRUE;
}

/* @x to nine decimals: far below any figure the plan shows, far above the
 * error of adding a few dozen of them. */
static double
drop_binary_noise (double x)
{
  return round (x * 1e9) / 1e9;
}

gboolean
bridge_plan_compute_totals (BridgePlan        *self,
                            BridgeCatalog     *catalog,
                            BridgePlanGroup   *group,
                            BridgePlanTotals  *totals,
                            GError           **error)
{
  g_auto(Ctx) ctx = { 0 };
  guint n;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (group == NULL || BRIDGE_IS_PLAN_GROUP (group), FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  memset (totals, 0, sizeof *totals);
  totals->home_credits_fraction = bridge_rational_int (0);
  if (!ctx_init (&ctx, self, catalog, TRUE, error))
    return FALSE;
  if (group != NULL)
    return group_totals (&ctx, group, totals, error);

  n = bridge_plan_get_n_groups (self);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanTotals t;

      if (!group_totals (&ctx, bridge_plan_get_group (self, i), &t, error))
        return FALSE;
      totals->host_credits += t.host_credits;
      totals->alliance_credits += t.alliance_credits;
      totals->ects_credits += t.ects_credits;
      totals->home_credits += t.home_credits;
      totals->replaced_credits += t.replaced_credits;
      if (!bridge_rational_add (totals->home_credits_fraction, t.home_credits_fraction,
                                &totals->home_credits_fraction))
        {
          g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                               _("The numbers are too large or too precise to compute the credits exactly"));
          return FALSE;
        }
    }
  /* Rounded once, as each group's is: a sum of rounded figures may be off by a hundredth or more. */
  totals->home_credits_exact = bridge_rational_round (totals->home_credits_fraction, 2, BRIDGE_ROUND_HALF_UP);
  /* The groups' figures have a few decimals; adding them in binary leaves
   * noise (4.2 + 3.6 = 7.800000000000001) that scripts would read in
   * plan show --json. */
  totals->host_credits = drop_binary_noise (totals->host_credits);
  totals->alliance_credits = drop_binary_noise (totals->alliance_credits);
  totals->ects_credits = drop_binary_noise (totals->ects_credits);
  totals->home_credits = drop_binary_noise (totals->home_credits);
  totals->replaced_credits = drop_binary_noise (totals->replaced_credits);
  return TRUE;
}

BridgeCreditResult *
bridge_plan_compute_component (BridgePlan                 *self,
                               BridgeCatalog              *catalog,
                               const BridgePlanComponent  *component,
                               GError                    **error)
{
  g_auto(Ctx) ctx = { 0 };

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (component != NULL, NULL);

  if (!ctx_init (&ctx, self, catalog, TRUE, error))
    return NULL;
  return component_credits (&ctx, component, error);
}

/* Rules of the fields ------------------------------------------------------ */

typedef gboolean (*Validator) (const char *field, const char *value, GError **error);

static const struct
{
  const char *label;
  gsize       offset;
  Validator   validate;
} student_fields[] = {
  { N_("The student’s name"), offsetof (BridgePlanStudent, name), bridge_validate_text },
  { N_("The student number"), offsetof (BridgePlanStudent, student_number), bridge_validate_text },
  { N_("The student’s email address"), offsetof (BridgePlanStudent, email), bridge_validate_email },
  { N_("The student’s date of birth"), offsetof (BridgePlanStudent, birth_date), bridge_validate_date },
  { N_("The student’s nationality"), offsetof (BridgePlanStudent, nationality), bridge_validate_country },
  { N_("The student’s gender"), offsetof (BridgePlanStudent, gender), bridge_validate_gender },
  { N_("The student’s field of education"), offsetof (BridgePlanStudent, isced), bridge_validate_isced },
  { N_("The student’s language of instruction"), offsetof (BridgePlanStudent, language), bridge_validate_language },
  { N_("The student’s CEFR level"), offsetof (BridgePlanStudent, cefr), bridge_validate_cefr },
};

static const struct
{
  const char *label[2];                   /* by BridgePlanSide: host, home */
  gsize       offset;
  Validator   validate;
} institution_fields[] = {
  { { N_("The receiving faculty or department"), N_("The sending faculty or department") },
    offsetof (BridgePlanInstitution, faculty), bridge_validate_text },
  { { N_("The name of the receiving responsible person"), N_("The name of the sending responsible person") },
    offsetof (BridgePlanInstitution, responsible.name), bridge_validate_text },
  { { N_("The position of the receiving responsible person"), N_("The position of the sending responsible person") },
    offsetof (BridgePlanInstitution, responsible.position), bridge_validate_text },
  { { N_("The email address of the receiving responsible person"), N_("The email address of the sending responsible person") },
    offsetof (BridgePlanInstitution, responsible.email), bridge_validate_email },
  { { N_("The name of the receiving contact person"), N_("The name of the sending contact person") },
    offsetof (BridgePlanInstitution, contact.name), bridge_validate_text },
  { { N_("The position of the receiving contact person"), N_("The position of the sending contact person") },
    offsetof (BridgePlanInstitution, contact.position), bridge_validate_text },
  { { N_("The email address of the receiving contact person"), N_("The email address of the sending contact person") },
    offsetof (BridgePlanInstitution, contact.email), bridge_validate_email },
};

/* Runs @validate; with @problems keeps the message and goes on. */
static gboolean
run_validator (Validator    validate,
               const char  *label,
               const char  *value,
               GPtrArray   *problems,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (validate (_(label), value, &local_error))
    return TRUE;
  if (problems != NULL)
    g_ptr_array_add (problems, g_strdup (local_error->message));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
bridge_plan_validate_student (const BridgePlanStudent  *student,
                              GPtrArray                *problems,
                              GError                  **error)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (student_fields); i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, student, student_fields[i].offset);

      if (!run_validator (student_fields[i].validate, student_fields[i].label, value, problems, error))
        {
          ok = FALSE;
          if (problems == NULL)
            break;
        }
    }
  return ok;
}

gboolean
bridge_plan_validate_institution (BridgePlanSide                side,
                                  const BridgePlanInstitution  *institution,
                                  GPtrArray                    *problems,
                                  GError                      **error)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (institution_fields); i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, institution, institution_fields[i].offset);

      if (!run_validator (institution_fields[i].validate, institution_fields[i].label[side], value,
                          problems, error))
        {
          ok = FALSE;
          if (problems == NULL)
            break;
        }
    }
  return ok;
}

static gboolean
is_blank (const char *s)
{
  for (; s != NULL && *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static gboolean
group_is_empty (BridgePlanGroup *group)
{
  return bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST) == 0;
}

/* The components (as pointers) that repeat one before them on the same side. */
static GHashTable *
duplicate_components (BridgePlan *self)
{
  GHashTable *dups = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = bridge_plan_get_n_groups (self);

  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);

      for (guint side = 0; side < 2; side++)
        for (guint j = 0; j < bridge_plan_group_get_n_components (group, side); j++)
          {
            const BridgePlanComponent *c = bridge_plan_group_get_component (group, side, j);
            g_autofree char *key = g_strdup_printf ("%u:%s", side, c->course_id);

            if (g_hash_table_contains (seen, key))
              g_hash_table_add (dups, (gpointer) c);
            else
              g_hash_table_add (seen, g_steal_pointer (&key));
          }
    }
  return dups;
}

static const char *
comp_name (const BridgePlanComponent *c)
{
  return c->code ? c->code : c->course_id;
}

static void
need (GPtrArray  *problems,
      gboolean    missing,
      const char *sentence)
{
  if (missing)
    g_ptr_array_add (problems, g_strdup (sentence));
}

GPtrArray *
bridge_plan_check_ready (BridgePlan *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  const BridgePlanStudent *s;
  const BridgePlanInstitution *home, *host;
  const char *start, *end;
  g_autoptr(GHashTable) dups = NULL;
  guint n;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), problems);

  s = bridge_plan_get_student (self);
  need (problems, is_blank (s->name), _("Enter the student’s name"));
  need (problems, is_blank (s->isced),
        _("Enter the student’s field of education, its ISCED-F code (for example 0613)"));
  need (problems, is_blank (s->language), _("Choose the student’s language of instruction"));
  need (problems, is_blank (s->cefr), _("Choose the student’s CEFR level in the language of instruction"));
  bridge_plan_validate_student (s, problems, NULL);

  home = bridge_plan_get_institution (self, BRIDGE_PLAN_SIDE_HOME);
  host = bridge_plan_get_institution (self, BRIDGE_PLAN_SIDE_HOST);
  need (problems, is_blank (home->university), _("Choose the home (sending) university"));
  need (problems, is_blank (host->university), _("Choose the host (receiving) university"));
  need (problems, !is_blank (home->university) && g_strcmp0 (home->university, host->university) == 0,
        _("The home and the host university are the same; choose the university the student goes to"));
  need (problems, is_blank (home->responsible.name),
        _("Enter the name of the sending institution’s responsible person"));
  need (problems, is_blank (home->responsible.email),
        _("Enter the email address of the sending institution’s responsible person"));
  bridge_plan_validate_institution (BRIDGE_PLAN_SIDE_HOME, home, problems, NULL);
  need (problems, is_blank (host->responsible.name),
        _("Enter the name of the receiving institution’s responsible person"));
  need (problems, is_blank (host->responsible.email),
        _("Enter the email address of the receiving institution’s responsible person"));
  bridge_plan_validate_institution (BRIDGE_PLAN_SIDE_HOST, host, problems, NULL);

  start = bridge_plan_get_start_date (self);
  end = bridge_plan_get_end_date (self);
  need (problems, is_blank (bridge_plan_get_term (self)), _("Choose the host term of the mobility"));
  need (problems, is_blank (start), _("Enter the date the mobility starts"));
  need (problems, is_blank (end), _("Enter the date the mobility ends"));
  run_validator (bridge_validate_date, N_("The start of the mobility"), start, problems, NULL);
  run_validator (bridge_validate_date, N_("The end of the mobility"), end, problems, NULL);
  need (problems, bridge_validate_date ("", start, NULL) && bridge_validate_date ("", end, NULL)
                  && !is_blank (start) && !is_blank (end) && strcmp (end, start) < 0,
        _("The mobility ends before it starts; correct the dates"));
  run_validator (bridge_validate_academic_year, N_("The academic year"),
                 bridge_plan_get_academic_year (self), problems, NULL);
  run_validator (bridge_validate_multiline, N_("The text of the provisions"),
                 bridge_plan_get_provisions (self), problems, NULL);

  n = bridge_plan_get_n_groups (self);
  need (problems, n == 0, _("Add a recognition group: a host course and the home courses it replaces"));
  dups = duplicate_components (self);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);

      if (group_is_empty (group))
        /* Translators: groups are numbered from 1 as the window shows them */
        g_ptr_array_add (problems, g_strdup_printf (_("Recognition group %u has no host course; add one or remove the group"),
                                                    i + 1));
      for (guint side = 0; side < 2; side++)
        for (guint j = 0; j < bridge_plan_group_get_n_components (group, side); j++)
          {
            const BridgePlanComponent *c = bridge_plan_group_get_component (group, side, j);

            if (g_hash_table_contains (dups, c))
              g_ptr_array_add (problems,
                               /* Translators: a course code, then a group number */
                               g_strdup_printf (_("%s is in the plan twice (again in recognition group %u); remove one"),
                                                comp_name (c), i + 1));
          }
    }
  return problems;
}

/* Warnings ----------------------------------------------------------------- */

static void
warn (GPtrArray             *warnings,
      BridgePlanWarningKind  kind,
      BridgePlanGroup       *group,
      const char            *course_id,
      char                  *message)     /* takes ownership */
{
  BridgePlanWarning *w = g_new0 (BridgePlanWarning, 1);

  w->kind = kind;
  w->group_id = group ? g_strdup (bridge_plan_group_get_id (group)) : NULL;
  w->course_id = g_strdup (course_id);
  w->message = message;
  g_ptr_array_add (warnings, w);
}

/* A course as a warning names it: "Operating Systems (CS302)", its title
 * in the user's language and its code. */
static char *
course_name (const BridgePlanComponent *c)
{
  const char *title = c->title != NULL ? bridge_text_pick (c->title) : NULL;

  if (title == NULL || *title == '\0')
    return g_strdup (comp_name (c));
  /* Translators: a course in a warning: its title, then its code */
  return g_strdup_printf (_("%s (%s)"), title, comp_name (c));
}

void
bridge_plan_add_warning (GPtrArray             *warnings,
                         BridgePlanWarningKind  kind,
                         BridgePlanGroup       *group,
                         const char            *course_id,
                         char                  *message)
{
  warn (warnings, kind, group, course_id, message);
}

char *
bridge_plan_component_name (const BridgePlanComponent *component)
{
  return course_name (component);
}

static gboolean
language_matches (const char *declared,
                  const char *lang)
{
  gsize n = strlen (declared);

  return g_ascii_strncasecmp (declared, lang, n) == 0 && (lang[n] == '\0' || lang[n] == '-');
}

static const char *
component_term (BridgePlan                *plan,
                const BridgePlanComponent *c)
{
  return c->term ? c->term : bridge_plan_get_term (plan);
}

gboolean
bridge_plan_get_term_dates (BridgePlan     *self,
                            BridgeCatalog  *catalog,
                            char          **start,
                            char          **end)
{
  g_autoptr(BridgeUniversity) host = NULL;
  const char * const *terms;
  const char *first = NULL, *last = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  *start = *end = NULL;
  if (bridge_plan_get_host_university (self) == NULL)
    return FALSE;
  host = bridge_catalog_get_university (catalog, bridge_plan_get_host_university (self), NULL);
  terms = bridge_plan_get_terms (self);
  for (guint i = 0; host != NULL && terms != NULL && terms[i] != NULL; i++)
    {
      const BridgeTerm *t = bridge_university_find_term (host, terms[i]);

      /* ISO dates compare as strings */
      if (t == NULL || t->start == NULL || t->end == NULL)
        continue;
      if (first == NULL || strcmp (t->start, first) < 0)
        first = t->start;
      if (last == NULL || strcmp (t->end, last) > 0)
        last = t->end;
    }
  if (first == NULL)
    return FALSE;
  *start = g_strdup (first);
  *end = g_strdup (last);
  return TRUE;
}

gboolean
bridge_plan_fill_dates_from_terms (BridgePlan    *self,
                                   BridgeCatalog *catalog)
{
  g_autofree char *start = NULL, *end = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);

  if (bridge_plan_get_locked (self) ||
      bridge_plan_get_start_date (self) != NULL || bridge_plan_get_end_date (self) != NULL ||
      !bridge_plan_get_term_dates (self, catalog, &start, &end))
    return FALSE;
  return bridge_plan_set_dates (self, start, end, NULL);
}

/* The term-load warning for the term named @name, or NULL when its load is
 * usual: in local credits by the home's credit_policy.term_load when its
 * feed gives one, else in ECTS, the unit the usual load is known in (30 a
 * semester). Exact home credits, since the load is the workload's: the
 * totals' home credits are rounded per course. The message says which
 * rule it applied. */
static char *
term_load_message (Ctx            *ctx,
                   const char     *name,
                   const TermLoad *load)
{
  const BridgeCreditPolicy *policy = ctx->home != NULL ? bridge_university_get_policy (ctx->home) : NULL;
  double ects = load->hours / ctx->alliance->ects_hours_per_credit;

  if (policy != NULL && policy->term_load_max > 0)
    {
      double credits = bridge_rational_to_double (load->home_credits);
      g_autofree char *shown = bridge_rational_format_short (load->home_credits, 1, BRIDGE_ROUND_HALF_UP, NULL);
      g_autofree char *min = g_strdup_printf ("%g", policy->term_load_min);
      g_autofree char *max = g_strdup_printf ("%g", policy->term_load_max);

      if (credits >= policy->term_load_min && credits <= policy->term_load_max)
        return NULL;
      /* Translators: "Autumn 2026: a workload of 10.5 home credits; a usual term at
       * Sichuan University is 15 to 30 credits (the term load of its credit policy)" */
      return g_strdup_printf (_("%s: a workload of %s home credits; a usual term at %s is %s to %s credits "
                                "(the term load of its credit policy)"),
                              name, shown, bridge_university_get_label (ctx->home), min, max);
    }
  if (ects >= MIN_TERM_ECTS && ects <= MAX_TERM_ECTS)
    return NULL;
  /* Translators: the term's name, its workload in ECTS credits, then the usual
   * range; the home university's feed gives no term load of its own */
  return g_strdup_printf (_("%s: %.1f ECTS credits of workload; a usual term is %.0f to %.0f ECTS credits "
                            "(the alliance’s rule: the home university’s credit policy gives no term load)"),
                          name, ects, MIN_TERM_ECTS, MAX_TERM_ECTS);
}

void
bridge_plan_set_holdings (BridgePlan     *self,
                          BridgeHoldings *holdings)
{
  g_return_if_fail (BRIDGE_IS_PLAN (self));
  g_return_if_fail (holdings == NULL || BRIDGE_IS_HOLDINGS (holdings));

  g_set_object (&self->holdings, holdings);
}

BridgeHoldings *
bridge_plan_get_holdings (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->holdings;
}

/* What the student's certificates, valid today at the plan's home, already
 * replace of the home courses of the plan's groups; NULL when there is
 * nothing to judge. */
static BridgeHoldingsSummary *
summarize_holdings (BridgePlan    *self,
                    BridgeCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  BridgeHoldingsSummary *summary;

  if (self->holdings == NULL || bridge_holdings_get_n_holdings (self->holdings) == 0
      || bridge_plan_get_home_university (self) == NULL)
    return NULL;
  summary = bridge_holdings_summarize (self->holdings, catalog, bridge_plan_get_home_university (self),
                                       NULL, &error);
  if (summary == NULL)
    g_debug ("The student's certificates are not judged: %s", error->message);
  return summary;
}

static void
check_certificate_overlap (const BridgeHoldingsSummary *summary,
                           BridgePlanGroup             *group,
                           GPtrArray                   *warnings)
{
  for (guint j = 0; j < bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOME); j++)
    {
      const BridgePlanComponent *c = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOME, j);
      g_autoptr(GPtrArray) covering = bridge_holdings_summary_find_covering (summary, c->course_id);
      g_autofree char *name = NULL;

      if (covering->len == 0)
        continue;
      name = course_name (c);
      for (guint k = 0; k < covering->len; k++)
        {
          const BridgeHoldingsEntry *entry = g_ptr_array_index (covering, k);
          const char *certificate = entry->certificate->name != NULL ? bridge_text_pick (entry->certificate->name)
                                                                     : entry->certificate->id;

          warn (warnings, BRIDGE_PLAN_WARNING_CERTIFICATE_OVERLAP, group, c->course_id,
                /* Translators: a home course, then a certificate and the day it was obtained */
                g_strdup_printf (_("%s is already replaced by the certificate “%s” obtained on %s: the student "
                                   "would be recognised twice for the same course. Remove the course from this "
                                   "group, or replace another home course with it"),
                                 name, certificate, entry->holding->obtained));
        }
    }
}

/* "4.0 credits and 128 hours (the plan recorded 3.0 credits and 96 hours)":
 * the figures of @c that the catalog changed. (transfer full) */
static char *
describe_changed_figures (const BridgePlanComponent *c,
                          const BridgePlanFigures   *f)
{
  char hours[G_ASCII_DTOSTR_BUF_SIZE], old_hours[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (hours, sizeof hours, "%.6g", f->workload_hours);
  g_ascii_formatd (old_hours, sizeof old_hours, "%.6g", f->recorded_workload_hours);
  if (f->credits_changed && f->workload_changed)
    /* Translators: new credits and workload, then those the plan recorded */
    return g_strdup_printf (_("%.1f credits and a workload of %s hours (the plan recorded %.1f credits and %s hours)"),
                            f->credits, hours, c->credits, old_hours);
  if (f->credits_changed)
    /* Translators: new credits, then those the plan recorded */
    return g_strdup_printf (_("%.1f credits (the plan recorded %.1f)"), f->credits, c->credits);
  /* Translators: new workload in hours, then what the plan recorded */
  return g_strdup_printf (_("a workload of %s hours (the plan recorded %s)"), hours, old_hours);
}

/* The warning of a component whose course the catalog changed: the figures,
 * old and new, and what the new ones would change in its group. */
static void
warn_changed (Ctx                       *ctx,
              GPtrArray                 *warnings,
              BridgePlanGroup           *group,
              BridgePlanSide             side,
              const BridgePlanComponent *c,
              BridgeCourse              *course)
{
  g_autofree char *name = course_name (c);
  g_autofree char *figures_text = NULL;
  g_autofree char *effect = NULL;
  BridgePlanFigures f;
  BridgePlanTotals recorded, now;
  gboolean have;

  if (!bridge_plan_component_compare (c, side, ctx->catalog, course, &f))
    return;
  figures_text = describe_changed_figures (c, &f);

  have = ctx->home != NULL && group_totals (ctx, group, &recorded, NULL);
  ctx->catalog_figures = TRUE;
  have = have && group_totals (ctx, group, &now, NULL);
  ctx->catalog_figures = FALSE;
  if (!have)
    effect = g_strdup ("");
  else if (side == BRIDGE_PLAN_SIDE_HOME)
    effect = fabs (now.replaced_credits - recorded.replaced_credits) < 0.005
             ? g_strdup ("")
             /* Translators: home credits, new then recorded */
             : g_strdup_printf (_(" With the new figures the home courses of this group replace %.1f credits instead of %.1f."),
                                now.replaced_credits, recorded.replaced_credits);
  else
    effect = fabs (now.home_credits - recorded.home_credits) < 0.005
             /* Translators: home credits */
             ? g_strdup_printf (_(" The home credits this group awards stay %.1f."), recorded.home_credits)
             /* Translators: home credits, new then recorded */
             : g_strdup_printf (_(" With the new figures this group awards %.1f home credits instead of %.1f."),
                                now.home_credits, recorded.home_credits);

  if (bridge_plan_get_locked (ctx->plan))
    warn (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, group, c->course_id,
          /* Translators: a course, its new figures (and the recorded ones), then what they change */
          g_strdup_printf (_("The catalog changed %s since the agreement was approved: it now gives %s.%s "
                             "The approved agreement keeps the figures it was approved with; to take the new "
                             "ones, reopen it as a new draft and approve it again"),
                           name, figures_text, effect));
  else
    warn (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, group, c->course_id,
          /* Translators: a course, its new figures (and the recorded ones), then what they change */
          g_strdup_printf (_("The catalog changed %s: it now gives %s.%s The plan counts the figures it "
                             "recorded until you take the new ones, after checking them with the university "
                             "(Use the New Figures in the window, or credit-bridge-cli plan refresh)"),
                           name, figures_text, effect));
}

GPtrArray *
bridge_plan_check (BridgePlan    *self,
                   BridgeCatalog *catalog)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_warning_free);
  g_auto(Ctx) ctx = { 0 };
  g_autoptr(GHashTable) dups = NULL;
  g_autoptr(GHashTable) term_loads = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const BridgePlanStudent *student = bridge_plan_get_student (self);
  g_autofree char *why = NULL;
  g_autoptr(BridgeHoldingsSummary) certificates = NULL;
  guint n;
  gboolean have_ctx;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  if (bridge_plan_get_approval_state (self, &why) == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    warn (warnings, BRIDGE_PLAN_WARNING_MODIFIED_AFTER_APPROVAL, NULL, NULL,
          /* Translators: the reason, from “the plan was changed after the student approved it” */
          g_strdup_printf (_("The plan is not approved: %s. Restore the file as it was approved, "
                             "or withdraw the approvals and approve again"), why));

  have_ctx = ctx_init (&ctx, self, catalog, FALSE, NULL);
  if (!have_ctx)
    return warnings;
  certificates = summarize_holdings (self, catalog);

  n = bridge_plan_get_n_groups (self);
  dups = duplicate_components (self);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);

      if (group_is_empty (group))
        warn (warnings, BRIDGE_PLAN_WARNING_EMPTY_GROUP, group, NULL,
              g_strdup (_("This recognition group has no host course; add one or remove the group")));

      for (guint side = 0; side < 2; side++)
        for (guint j = 0; j < bridge_plan_group_get_n_components (group, side); j++)
          {
            const BridgePlanComponent *c = bridge_plan_group_get_component (group, side, j);
            BridgeCourse *course = ctx_course (&ctx, c->course_id);
            g_autofree char *name = course_name (c);

            if (course == NULL)
              warn (warnings, BRIDGE_PLAN_WARNING_UNKNOWN_COURSE, group, c->course_id,
                    g_strdup_printf (_("%s is no longer in the catalog; it is kept as recorded in the plan — check it with the university"),
                                     name));
            else
              warn_changed (&ctx, warnings, group, side, c, course);
            if (g_hash_table_contains (dups, c))
              warn (warnings, BRIDGE_PLAN_WARNING_DUPLICATE, group, c->course_id,
                    g_strdup_printf (_("%s appears more than once in the plan"), name));

            if (side != BRIDGE_PLAN_SIDE_HOST || course == NULL)
              continue;

            /* Offered in the term? */
            {
              const char * const *terms = bridge_course_get_terms (course);
              const char *term = component_term (self, c);

              if (term && terms && terms[0] && !g_strv_contains (terms, term))
                {
                  g_autofree char *label = bridge_term_get_label (ctx_university (&ctx, bridge_course_get_university_id (course)),
                                                                  term);

                  warn (warnings, BRIDGE_PLAN_WARNING_NOT_OFFERED, group, c->course_id,
                        g_strdup_printf (_("%s is not offered in %s"), name, label));
                }
            }
            /* Taught in a language the student declared? */
            if (student->language && student->language[0])
              {
                const char * const *langs = bridge_course_get_languages (course);
                gboolean ok = langs == NULL || langs[0] == NULL;

                for (guint k = 0; langs && langs[k]; k++)
                  if (language_matches (student->language, langs[k]))
                    ok = TRUE;
                if (!ok)
                  {
                    g_autofree char *list = bridge_language_join_names (langs);

                    warn (warnings, BRIDGE_PLAN_WARNING_LANGUAGE, group, c->course_id,
                          g_strdup_printf (_("%s is taught in %s, and the student declared %s"),
                                           name, list, bridge_language_get_name (student->language)));
                  }
              }
            /* Prerequisites: met unless the plan itself replaces them (not
             * yet taken at home) or they are host courses not planned in an
             * earlier or the same group list. */
            {
              const char * const *pre = bridge_course_get_prerequisites (course);

              for (guint k = 0; pre && pre[k]; k++)
                {
                  BridgeCourse *p = ctx_course (&ctx, pre[k]);
                  const char *puni = p ? bridge_course_get_university_id (p) : NULL;
                  gboolean replaced = bridge_plan_find_course (self, BRIDGE_PLAN_SIDE_HOME, pre[k]) != NULL;
                  gboolean planned = bridge_plan_find_course (self, BRIDGE_PLAN_SIDE_HOST, pre[k]) != NULL;
                  gboolean at_home = puni && g_strcmp0 (puni, bridge_plan_get_home_university (self)) == 0;

                  if (replaced || (!at_home && !planned))
                    warn (warnings, BRIDGE_PLAN_WARNING_PREREQUISITE, group, c->course_id,
                          g_strdup_printf (replaced ? _("%s requires %s, which this plan replaces, so it will not have been taken")
                                                    : _("%s requires %s, which the plan does not include; check that the student has an equivalent"),
                                           name, p ? bridge_course_get_code (p) : pre[k]));
                }
            }
          }

      if (ctx.home != NULL)
        {
          BridgePlanTotals t;

          if (group_totals (&ctx, group, &t, NULL))
            {
              if (bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOME) > 0
                  && t.home_credits + 1e-9 < t.replaced_credits)
                warn (warnings, BRIDGE_PLAN_WARNING_FEWER_CREDITS, group, NULL,
                      g_strdup_printf (_("The host courses are worth %.1f home credits, fewer than the %.1f credits of the home courses they replace"),
                                       t.home_credits, t.replaced_credits));
            }
          /* Workload per term, for the load check below. */
          for (guint j = 0; j < bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST); j++)
            {
              const BridgePlanComponent *c = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, j);
              g_autoptr(BridgeCreditResult) r = component_credits (&ctx, c, NULL);
              const char *term = component_term (self, c);
              TermLoad *load;

              if (r == NULL || term == NULL)
                continue;
              load = g_hash_table_lookup (term_loads, term);
              if (load == NULL)
                {
                  load = g_new0 (TermLoad, 1);
                  load->home_credits = bridge_rational_int (0);
                  g_hash_table_insert (term_loads, (gpointer) term, load);
                }
              load->hours += r->workload_hours;
              /* On overflow the sum stays as it was: the figure is a hint. */
              bridge_rational_add (load->home_credits, r->exact.home_credits, &load->home_credits);
            }
        }
      /* The decision of the register it matches: expired, conditions. */
      bridge_plan_check_precedent (self, catalog, group, warnings);
      /* Home courses a certificate of the student already replaces. */
      if (certificates != NULL)
        check_certificate_overlap (certificates, group, warnings);
    }

  if (n > 0 && ctx.alliance != NULL && ctx.alliance->ects_hours_per_credit > 0)
    {
      g_autoptr(GList) terms = g_hash_table_get_keys (term_loads);
      BridgeUniversity *host = ctx_university (&ctx, bridge_plan_get_host_university (self));

      terms = g_list_sort (terms, (GCompareFunc) strcmp);
      for (GList *l = terms; l; l = l->next)
        {
          const TermLoad *load = g_hash_table_lookup (term_loads, l->data);
          g_autofree char *name = bridge_term_get_label (host, l->data);
          char *message = term_load_message (&ctx, name, load);

          if (message != NULL)
            warn (warnings, BRIDGE_PLAN_WARNING_TERM_LOAD, NULL, NULL, message);
        }
    }
  return warnings;
}

/* Grades ------------------------------------------------------------------- */

gboolean
bridge_plan_set_grade (BridgePlan     *self,
                       BridgeCatalog  *catalog,
                       const char     *host_course_id,
                       const char     *grade,
                       GError        **error)
{
  g_autoptr(BridgeGradingScale) scale = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (host_course_id != NULL, FALSE);

  if (bridge_plan_find_course (self, BRIDGE_PLAN_SIDE_HOST, host_course_id) == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("“%s” is not a host course of this plan (Table A)"), host_course_id);
      return FALSE;
    }
  if (grade == NULL || grade[0] == '\0')
    {
      bridge_plan_store_grade (self, host_course_id, NULL);
      return TRUE;
    }
  scale = bridge_catalog_dup_course_scale (catalog, host_course_id);
  if (scale != NULL)
    {
      gboolean is_mark;
      double mark;
      g_autoptr(GError) local_error = NULL;

      if (bridge_grading_scale_resolve (scale, grade, &is_mark, &mark, &local_error) == NULL)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("“%s” is not a grade of %s: %s"), grade, host_course_id, local_error->message);
          return FALSE;
        }
    }
  bridge_plan_store_grade (self, host_course_id, grade);
  return TRUE;
}

typedef struct
{
  char   *grade;
  double  weight;
} Vote;

static void
vote_free (Vote *v)
{
  g_free (v->grade);
  g_free (v);
}

GPtrArray *
bridge_plan_convert_grades (BridgePlan     *self,
                            BridgeCatalog  *catalog,
                            const char     *rule_name,
                            GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_recognition_free);
  g_auto(Ctx) ctx = { 0 };
  BridgeGradeRule rule = BRIDGE_GRADE_RULE_MIDPOINT;
  guint n;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  if (rule_name != NULL && !bridge_grade_rule_from_string (rule_name, &rule))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("Unknown conversion rule “%s” (use midpoint, largest-overlap, best or worst)"),
                   rule_name);
      return NULL;
    }
  if (!ctx_init (&ctx, self, catalog, TRUE, error))
    return NULL;

  n = bridge_plan_get_n_groups (self);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);
      guint n_host = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST);
      guint n_home = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOME);
      g_autoptr(GPtrArray) votes = g_ptr_array_new_with_free_func ((GDestroyNotify) vote_free);
      g_autoptr(GString) host_grades = g_string_new (NULL);
      g_autoptr(GString) reasons = g_string_new (NULL);
      g_autofree char *suggested = NULL;
      g_autofree char *candidates = NULL;
      gboolean approximate = FALSE;
      gboolean complete = TRUE;
      double total_weight = 0;
      BridgePlanTotals totals;

      if (n_home == 0)
        continue;

      for (guint j = 0; j < n_host; j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, j);
          const char *grade = bridge_plan_get_grade (self, c->course_id);
          BridgeCourse *course = ctx_course (&ctx, c->course_id);
          BridgeUniversity *host;
          g_autoptr(BridgeGradeConversion) conv = NULL;
          g_autoptr(GError) local_error = NULL;
          double weight;

          if (host_grades->len)
            g_string_append (host_grades, ", ");
          g_string_append_printf (host_grades, "%s=%s", comp_name (c), grade ? grade : "—");
          if (grade == NULL)
            {
              complete = FALSE;
              if (reasons->len)
                g_string_append (reasons, "; ");
              g_string_append_printf (reasons, _("no grade yet for %s"), comp_name (c));
              continue;
            }
          if (course == NULL)
            {
              complete = FALSE;
              if (reasons->len)
                g_string_append (reasons, "; ");
              g_string_append_printf (reasons, _("%s is no longer in the catalog, so its grade cannot be converted"),
                                      comp_name (c));
              continue;
            }
          host = ctx_university (&ctx, bridge_course_get_university_id (course));
          conv = host ? bridge_grade_convert (host, ctx.home, bridge_course_get_isced (course),
                                              bridge_course_get_cycle (course), grade, rule, &local_error)
                      : NULL;
          if (conv == NULL)
            {
              complete = FALSE;
              if (reasons->len)
                g_string_append (reasons, "; ");
              g_string_append_printf (reasons, "%s: %s", comp_name (c),
                                      local_error ? local_error->message : _("its university is not in the catalog"));
              continue;
            }
          approximate |= conv->approximate;
          if (conv->approximate && conv->reason)
            {
              if (reasons->len)
                g_string_append (reasons, "; ");
              g_string_append_printf (reasons, "%s: %s", comp_name (c), conv->reason);
            }
          /* Group by group: each host course's candidates count with its credits. */
          weight = bridge_course_get_credits (course);
          if (weight <= 0)
            weight = 1;
          total_weight += weight;
          if (n_host == 1)
            suggested = g_strdup (conv->suggested);
          for (guint k = 0; k < conv->candidates->len; k++)
            {
              BridgeGradeCandidate *cand = g_ptr_array_index (conv->candidates, k);
              Vote *v = NULL;

              for (guint m = 0; m < votes->len; m++)
                if (g_str_equal (((Vote *) g_ptr_array_index (votes, m))->grade, cand->grade))
                  v = g_ptr_array_index (votes, m);
              if (v == NULL)
                {
                  v = g_new0 (Vote, 1);
                  v->grade = g_strdup (cand->grade);
                  g_ptr_array_add (votes, v);
                }
              v->weight += weight * cand->share;
            }
          if (n_host > 1 && suggested == NULL && votes->len == 0)
            suggested = g_strdup (conv->suggested);
        }

      if (complete && votes->len > 0)
        {
          g_autoptr(GString) cs = g_string_new (NULL);
          Vote *best = NULL;

          for (guint m = 0; m < votes->len; m++)
            {
              Vote *v = g_ptr_array_index (votes, m);

              /* candidates come best first, so on a tie the better grade stays */
              if (best == NULL || v->weight > best->weight + 1e-12)
                best = v;
              if (cs->len)
                g_string_append (cs, ", ");
              g_string_append_printf (cs, "%s %.0f%%", v->grade, 100.0 * v->weight / total_weight);
            }
          candidates = g_string_free (g_steal_pointer (&cs), FALSE);
          if (n_host > 1)
            {
              g_free (suggested);
              suggested = g_strdup (best->grade);
            }
        }
      else if (!complete)
        g_clear_pointer (&suggested, g_free);

      if (!group_totals (&ctx, group, &totals, NULL))
        memset (&totals, 0, sizeof totals);

      for (guint j = 0; j < n_home; j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOME, j);
          BridgePlanRecognition *r = g_new0 (BridgePlanRecognition, 1);

          r->group_id = g_strdup (bridge_plan_group_get_id (group));
          r->course_id = g_strdup (c->course_id);
          r->code = g_strdup (c->code);
          r->title = c->title ? bridge_text_ref (c->title) : NULL;
          /* What the home course is worth is its own credits, recognised
           * when the group awards at least as much. */
          r->credits = component_own_credits (&ctx, c);
          r->host_grades = g_strdup (host_grades->str);
          r->grade = g_strdup (suggested);
          r->candidates = g_strdup (candidates);
          r->rule = n_host > 1 ? g_strdup_printf (_("%s, weighted by credits over %u host courses"),
                                                  bridge_grade_rule_to_string (rule), n_host)
                               : g_strdup (bridge_grade_rule_to_string (rule));
          r->approximate = approximate;
          r->reason = reasons->len ? g_strdup (reasons->str) : NULL;
          g_ptr_array_add (records, r);
        }
    }

  bridge_plan_store_recognition (self, records);
  return g_steal_pointer (&records);
}
