/* bridge-recognize.c: precedents from the register, then suggestions
 *
 * This file answers from the recognition register and puts the answer in
 * order; bridge-suggest.c finds and scores the suggestions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-catalog-enums.h"
#include "bridge-enum.h"
#include "bridge-error.h"
#include "bridge-json.h"
#include "bridge-recognize-private.h"

/* Options */

BridgeRecognitionOption *
bridge_recognition_option_copy (const BridgeRecognitionOption *self)
{
  BridgeRecognitionOption *copy;

  if (self == NULL)
    return NULL;
  copy = g_new0 (BridgeRecognitionOption, 1);
  copy->kind = self->kind;
  copy->home = g_strdup (self->home);
  copy->host = g_strdup (self->host);
  copy->host_courses = g_strdupv (self->host_courses);
  copy->home_courses = g_strdupv (self->home_courses);
  copy->home_credits_awarded = self->home_credits_awarded;
  copy->reasons = bridge_text_strings_copy (self->reasons);
  copy->score = self->score;
  copy->elective = self->elective;
  copy->equivalence = bridge_equivalence_copy (self->equivalence);
  copy->expired = self->expired;
  return copy;
}

void
bridge_recognition_option_free (BridgeRecognitionOption *self)
{
  if (self == NULL)
    return;
  g_free (self->home);
  g_free (self->host);
  g_strfreev (self->host_courses);
  g_strfreev (self->home_courses);
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_clear_pointer (&self->equivalence, bridge_equivalence_free);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (BridgeRecognitionOption, bridge_recognition_option,
                     bridge_recognition_option_copy, bridge_recognition_option_free)

BridgeRecognitionOption *
bridge_recognition_option_new (BridgeRecognitionKind kind,
                               const char           *home,
                               const char           *host)
{
  BridgeRecognitionOption *self = g_new0 (BridgeRecognitionOption, 1);

  self->kind = kind;
  self->home = g_strdup (home);
  self->host = g_strdup (host);
  self->reasons = g_ptr_array_new_with_free_func (g_free);
  return self;
}

/* "YYYY-MM-DD" of @query's day, or of today in local time. */
char *
bridge_recognize_today (const BridgeRecognizeQuery *query)
{
  g_autoptr(GDateTime) now = NULL;

  if (query != NULL && query->today != NULL)
    return g_strdup (query->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Precedents */

/* The credits a decision grants: declared, or its home courses' credits. */
static double
granted_credits (BridgeCatalog           *catalog,
                 const BridgeEquivalence *equivalence)
{
  double sum = 0;

  if (equivalence->home_credits > 0)
    return equivalence->home_credits;
  for (guint i = 0; equivalence->home_courses != NULL && equivalence->home_courses[i] != NULL; i++)
    {
      g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog, equivalence->home_courses[i], NULL);

      if (course != NULL)
        sum += bridge_course_get_credits (course);
    }
  return sum;
}

static BridgeRecognitionOption *
precedent_option (BridgeCatalog           *catalog,
                  const BridgeEquivalence *equivalence,
                  const char              *today)
{
  BridgeRecognitionOption *option = bridge_recognition_option_new (BRIDGE_RECOGNITION_PRECEDENT,
                                                                   equivalence->home, equivalence->host);
  g_autofree char *home = bridge_catalog_dup_university_label (catalog, equivalence->home);
  g_autofree char *credits = NULL;

  option->host_courses = g_strdupv (equivalence->host_courses);
  option->home_courses = g_strdupv (equivalence->home_courses);
  option->home_credits_awarded = granted_credits (catalog, equivalence);
  option->score = 1.0;
  option->elective = bridge_equivalence_is_elective (equivalence);
  option->equivalence = bridge_equivalence_copy (equivalence);
  option->expired = bridge_equivalence_is_expired (equivalence, today);
  credits = g_strdup_printf ("%g", option->home_credits_awarded);

  if (equivalence->reference != NULL)
    /* Translators: the first %s is a university, the second a date, the third the decision's reference number */
    g_ptr_array_add (option->reasons, g_strdup_printf (_("%s decided it on %s (decision %s)."),
                                                       home, equivalence->decided, equivalence->reference));
  else
    /* Translators: %s is a university, then a date */
    g_ptr_array_add (option->reasons, g_strdup_printf (_("%s decided it on %s."), home, equivalence->decided));
  if (option->elective)
    g_ptr_array_add (option->reasons,
                     /* Translators: %s is a number of credits */
                     g_strdup_printf (_("It grants %s free elective credits and replaces no course."), credits));
  if (option->expired)
    g_ptr_array_add (option->reasons,
                     /* Translators: %s is a date */
                     g_strdup_printf (_("It expired on %s: it no longer binds the home university, "
                                        "but it is still evidence that the courses match."),
                                      equivalence->valid_until));
  else if (equivalence->valid_until != NULL)
    /* Translators: %s is a date */
    g_ptr_array_add (option->reasons, g_strdup_printf (_("It is valid until %s."), equivalence->valid_until));
  if (equivalence->conditions != NULL)
    /* Translators: %s is the decision's conditions, e.g. "with at least 良好 in each host course" */
    g_ptr_array_add (option->reasons, g_strdup_printf (_("Condition: %s."),
                                                       bridge_text_pick (equivalence->conditions)));
  return option;
}

/* Valid before expired; otherwise as the register lists them (newest first). */
static int
compare_precedents (gconstpointer a,
                    gconstpointer b)
{
  const BridgeRecognitionOption *x = *(BridgeRecognitionOption * const *) a;
  const BridgeRecognitionOption *y = *(BridgeRecognitionOption * const *) b;

  return (int) x->expired - (int) y->expired;
}

/* Appends the options of @equivalences not yet in @seen (ids). */
static void
add_precedents (BridgeCatalog              *catalog,
                GPtrArray                  *equivalences,
                const BridgeRecognizeQuery *query,
                const char                 *today,
                GHashTable                 *seen,
                GPtrArray                  *out)
{
  for (guint i = 0; i < equivalences->len; i++)
    {
      BridgeEquivalence *equivalence = g_ptr_array_index (equivalences, i);

      if (query != NULL && query->host != NULL && g_strcmp0 (query->host, equivalence->host) != 0)
        continue;
      if (!g_hash_table_add (seen, g_strdup (equivalence->id)))
        continue;
      g_ptr_array_add (out, precedent_option (catalog, equivalence, today));
    }
}

GPtrArray *
bridge_recognize_precedents (BridgeCatalog              *catalog,
                             const char                 *home,
                             const char                 *course_id,
                             const BridgeRecognizeQuery *query,
                             GError                    **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_recognition_option_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) equivalences = NULL;
  g_autofree char *today = bridge_recognize_today (query);

  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (course_id != NULL, NULL);

  equivalences = bridge_catalog_list_equivalences (catalog, home, course_id, error);
  if (equivalences == NULL)
    return NULL;
  add_precedents (catalog, equivalences, query, today, seen, out);
  g_ptr_array_sort (out, compare_precedents);
  return g_steal_pointer (&out);
}

/* The answers */

static gboolean
university_exists (BridgeCatalog  *catalog,
                   const char     *id,
                   GError        **error)
{
  g_autoptr(BridgeUniversity) university = NULL;

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("No home university is given; choose the student’s home university first"));
      return FALSE;
    }
  university = bridge_catalog_get_university (catalog, id, error);
  return university != NULL;
}

GPtrArray *
bridge_recognize_replacements (BridgeCatalog              *catalog,
                               const char                 *home_course_id,
                               const BridgeRecognizeQuery *query,
                               GError                    **error)
{
  g_autoptr(BridgeCourse) course = NULL;
  g_autoptr(GPtrArray) out = NULL;
  const char *home;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (home_course_id != NULL, NULL);

  course = bridge_catalog_get_course (catalog, home_course_id, error);
  if (course == NULL)
    return NULL;
  home = bridge_course_get_university_id (course);
  out = bridge_recognize_precedents (catalog, home, home_course_id, query, error);
  if (out == NULL
      || !bridge_recognize_suggest_replacements (catalog, course, query, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

GPtrArray *
bridge_recognize_for_host (BridgeCatalog              *catalog,
                           const char                 *home,
                           const char * const         *host_course_ids,
                           const BridgeRecognizeQuery *query,
                           GError                    **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_recognition_option_free);
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *today = bridge_recognize_today (query);

  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (host_course_ids != NULL, NULL);

  if (!university_exists (catalog, home, error))
    return NULL;
  for (guint i = 0; host_course_ids[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) equivalences = NULL;
      BridgeCourse *course = bridge_catalog_get_course (catalog, host_course_ids[i], error);

      if (course == NULL)
        return NULL;
      g_ptr_array_add (courses, course);
      equivalences = bridge_catalog_list_equivalences (catalog, home, host_course_ids[i], error);
      if (equivalences == NULL)
        return NULL;
      add_precedents (catalog, equivalences, query, today, seen, out);
    }
  g_ptr_array_sort (out, compare_precedents);
  if (!bridge_recognize_suggest_for_host (catalog, home, courses, query, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

/* Whether @set (NULL-terminated) holds exactly the strings of @ids. */
static gboolean
same_set (char               **set,
          const char * const  *ids)
{
  guint n_set = set ? g_strv_length (set) : 0;
  guint n_ids = ids ? g_strv_length ((char **) ids) : 0;

  if (n_set != n_ids)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    if (!g_strv_contains ((const char * const *) set, ids[i]))
      return FALSE;
  return TRUE;
}

BridgeEquivalence *
bridge_recognize_match (BridgeCatalog      *catalog,
                        const char         *home,
                        const char * const *host_course_ids,
                        const char * const *home_course_ids,
                        const char         *today,
                        gboolean           *expired,
                        GError            **error)
{
  g_autoptr(GPtrArray) equivalences = NULL;
  g_autofree char *day = NULL;
  BridgeEquivalence *found = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  if (expired != NULL)
    *expired = FALSE;
  if (home == NULL || host_course_ids == NULL || host_course_ids[0] == NULL)
    return NULL;
  day = today ? g_strdup (today) : bridge_recognize_today (NULL);
  equivalences = bridge_catalog_list_equivalences (catalog, home, host_course_ids[0], error);
  if (equivalences == NULL)
    return NULL;
  for (guint i = 0; i < equivalences->len; i++)
    {
      BridgeEquivalence *equivalence = g_ptr_array_index (equivalences, i);

      if (!same_set (equivalence->host_courses, host_course_ids)
          || !same_set (equivalence->home_courses, home_course_ids))
        continue;
      if (!bridge_equivalence_is_expired (equivalence, day))
        {
          found = equivalence;
          break;
        }
      if (found == NULL)
        found = equivalence;
    }
  if (found == NULL)
    return NULL;
  if (expired != NULL)
    *expired = bridge_equivalence_is_expired (found, day);
  return bridge_equivalence_copy (found);
}

/* JSON */

JsonNode *
bridge_recognition_option_to_json (const BridgeRecognitionOption *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, bridge_enum_to_nick (BRIDGE_TYPE_RECOGNITION_KIND, self->kind));
  bridge_json_add_nullable_string (builder, "home", self->home);
  bridge_json_add_nullable_string (builder, "host", self->host);
  bridge_json_add_strv (builder, "host_courses", (const char * const *) self->host_courses);
  bridge_json_add_strv (builder, "home_courses", (const char * const *) self->home_courses);
  json_builder_set_member_name (builder, "home_credits_awarded");
  json_builder_add_double_value (builder, self->home_credits_awarded);
  json_builder_set_member_name (builder, "elective");
  json_builder_add_boolean_value (builder, self->elective);
  bridge_json_add_string_array (builder, "reasons", self->reasons);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, self->score);
  if (self->kind == BRIDGE_RECOGNITION_PRECEDENT && self->equivalence != NULL)
    {
      const BridgeEquivalence *e = self->equivalence;

      bridge_json_add_nullable_string (builder, "equivalence", e->id);
      bridge_json_add_nullable_string (builder, "decided", e->decided);
      bridge_json_add_nullable_string (builder, "valid_until", e->valid_until);
      bridge_json_add_nullable_string (builder, "reference", e->reference);
      json_builder_set_member_name (builder, "conditions");
      if (e->conditions != NULL)
        json_builder_add_value (builder, bridge_text_to_json (e->conditions));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "expired");
      json_builder_add_boolean_value (builder, self->expired);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
