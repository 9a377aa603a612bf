/* bridge-certificate.c: what a certificate is worth to a student
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bridge-catalog-private.h"
#include "bridge-certificate.h"
#include "bridge-error.h"
#include "bridge-json.h"
#include "bridge-validate.h"

BridgeCertificateJudgement *
bridge_certificate_judgement_copy (const BridgeCertificateJudgement *self)
{
  BridgeCertificateJudgement *copy;

  if (self == NULL)
    return NULL;
  copy = g_new0 (BridgeCertificateJudgement, 1);
  copy->certificate_id = g_strdup (self->certificate_id);
  copy->home_id = g_strdup (self->home_id);
  copy->obtained = g_strdup (self->obtained);
  copy->on = g_strdup (self->on);
  copy->recognised = self->recognised;
  copy->credits = self->credits;
  copy->replaces = g_strdupv (self->replaces);
  copy->valid_until = g_strdup (self->valid_until);
  copy->expired = self->expired;
  copy->reason = g_strdup (self->reason);
  copy->steps = bridge_text_strings_copy (self->steps);
  copy->workload_hours = self->workload_hours;
  copy->workload = bridge_credit_result_copy (self->workload);
  return copy;
}

void
bridge_certificate_judgement_free (BridgeCertificateJudgement *self)
{
  if (self == NULL)
    return;
  g_free (self->certificate_id);
  g_free (self->home_id);
  g_free (self->obtained);
  g_free (self->on);
  g_strfreev (self->replaces);
  g_free (self->valid_until);
  g_free (self->reason);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->workload, bridge_credit_result_free);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (BridgeCertificateJudgement, bridge_certificate_judgement,
                     bridge_certificate_judgement_copy, bridge_certificate_judgement_free)

/* @value ("YYYY-MM-DD", already valid) as a GDate. */
static void
date_parse (GDate      *date,
            const char *value)
{
  int y = 0, m = 0, d = 0;

  g_date_clear (date, 1);
  if (sscanf (value, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (date, d, m, y);
}

static char *
date_format (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

char *
bridge_certificate_valid_until (const char *obtained,
                                double      valid_years)
{
  GDate date;

  g_return_val_if_fail (obtained != NULL, NULL);

  date_parse (&date, obtained);
  g_return_val_if_fail (g_date_valid (&date), NULL);
  /* Whole months, rounded down: 2.5 years are 30 months. g_date_add_months
   * keeps the day, or takes the month's last when it has none (29 February
   * plus a year is 28 February). */
  /* A feed may declare up to BRIDGE_MAX_QUANTITY years, beyond any calendar
   * GDate keeps: the last day a date is written YYYY-MM-DD stands for them. */
  if (valid_years >= 9999 - g_date_get_year (&date))
    return g_strdup ("9999-12-31");
  g_date_add_months (&date, (guint) floor (valid_years * 12 + 1e-9));
  return date_format (&date);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
bridge_certificate_check_obtained (const char  *obtained,
                                   const char  *on,
                                   GError     **error)
{
  g_autofree char *on_day = on != NULL ? g_strdup (on) : today ();
  gboolean on_today = on == NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (obtained == NULL || *obtained == '\0')
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("No date obtained is given; write the day the certificate was obtained as YYYY-MM-DD, for example 2025-06-20"));
      return FALSE;
    }
  if (*on_day == '\0')
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The day judged is empty; write it as YYYY-MM-DD, or leave it out for today"));
      return FALSE;
    }
  if (!bridge_validate_date (_("date obtained"), obtained, error)
      || !bridge_validate_date (_("day judged"), on_day, error))
    return FALSE;
  /* Both are YYYY-MM-DD: they compare as strings. */
  if (strcmp (obtained, BRIDGE_CERTIFICATE_EARLIEST) < 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The date obtained, %s, is before %s; check the year written on the certificate"),
                   obtained, BRIDGE_CERTIFICATE_EARLIEST);
      return FALSE;
    }
  if (strcmp (obtained, on_day) > 0 && on_today)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The date obtained, %s, is after today, %s; a certificate cannot be obtained in the future, check the date"),
                   obtained, on_day);
      return FALSE;
    }
  if (strcmp (obtained, on_day) > 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The date obtained, %s, is after the day judged, %s; a certificate cannot be obtained in the future, check the date"),
                   obtained, on_day);
      return FALSE;
    }
  return TRUE;
}

static char *
show (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

char *
bridge_certificate_describe_courses (BridgeCatalog      *catalog,
                                     const char * const *ids)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog, ids[i], NULL);

      if (list->len > 0)
        g_string_append (list, _(", "));
      if (course != NULL)
        g_string_append_printf (list, _("%s (%s)"),
                                bridge_text_pick (bridge_course_get_title (course)),
                                bridge_course_get_code (course) != NULL ? bridge_course_get_code (course) : ids[i]);
      else
        g_string_append (list, ids[i]);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* What the workload is worth at @home, beside the grant. */
static void
judge_workload (BridgeCertificateJudgement *self,
                BridgeCatalog              *catalog,
                BridgeUniversity           *home,
                const BridgeCertificate    *certificate,
                double                      granted)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hours = show (certificate->workload_hours);
  g_autofree char *worth = NULL;
  g_autofree char *grant = show (granted);

  self->workload_hours = certificate->workload_hours;
  self->workload = bridge_credit_compute_certificate (bridge_catalog_get_alliance (catalog), home,
                                                      certificate->id, certificate->workload_hours,
                                                      &local_error);
  if (self->workload == NULL)
    {
      g_ptr_array_add (self->steps, g_strdup_printf (_("Its declared workload of %s h cannot be turned into credits of %s: %s"),
                                                     hours, bridge_university_get_label (home),
                                                     local_error->message));
      return;
    }
  for (guint i = 0; i < self->workload->steps->len; i++)
    g_ptr_array_add (self->steps, g_strdup (g_ptr_array_index (self->workload->steps, i)));
  worth = show (self->workload->home_credits_awarded);
  if (granted <= 0)
    return;
  if (granted > self->workload->home_credits_awarded)
    g_ptr_array_add (self->steps, g_strdup_printf (_("The grant of %s credits is more than its workload is worth under the credit policy of %s (%s credits): a generous grant"),
                                                   grant, bridge_university_get_label (home), worth));
  else if (granted < self->workload->home_credits_awarded)
    g_ptr_array_add (self->steps, g_strdup_printf (_("The grant of %s credits is less than its workload is worth under the credit policy of %s (%s credits): a mean grant"),
                                                   grant, bridge_university_get_label (home), worth));
  else
    g_ptr_array_add (self->steps, g_strdup_printf (_("The grant of %s credits is what its workload is worth under the credit policy of %s"),
                                                   grant, bridge_university_get_label (home)));
}

BridgeCertificateJudgement *
bridge_certificate_judge (BridgeCatalog  *catalog,
                          const char     *certificate_id,
                          const char     *home_id,
                          const char     *obtained,
                          const char     *on,
                          GError        **error)
{
  g_autoptr(BridgeCertificateJudgement) self = NULL;
  g_autoptr(BridgeCertificate) certificate = NULL;
  g_autoptr(BridgeUniversity) home = NULL;
  g_autofree char *on_day = NULL;
  const BridgeCertificateRecognition *recognition;
  const char *name, *home_label;
  g_autofree char *credits = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (certificate_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bridge_certificate_check_obtained (obtained, on, error))
    return NULL;
  on_day = on != NULL ? g_strdup (on) : today ();
  home = bridge_catalog_get_home_university (catalog, home_id, error);
  if (home == NULL)
    return NULL;
  certificate = bridge_catalog_get_certificate (catalog, certificate_id, error);
  if (certificate == NULL)
    return NULL;

  self = g_new0 (BridgeCertificateJudgement, 1);
  self->certificate_id = g_strdup (certificate->id);
  self->home_id = g_strdup (home_id);
  self->obtained = g_strdup (obtained);
  self->on = g_steal_pointer (&on_day);
  self->steps = g_ptr_array_new_with_free_func (g_free);
  self->replaces = g_new0 (char *, 1);
  name = certificate->name != NULL ? bridge_text_pick (certificate->name) : certificate->id;
  home_label = bridge_university_get_label (home);

  g_ptr_array_add (self->steps, g_strdup_printf (_("Certificate: %s, issued by %s, obtained on %s"),
                                                 name,
                                                 certificate->issuer != NULL ? bridge_text_pick (certificate->issuer) : "—",
                                                 obtained));
  recognition = bridge_certificate_find_recognition (certificate, home_id);
  if (recognition == NULL)
    {
      self->reason = g_strdup_printf (_("%s does not recognise the certificate “%s”: it grants no credits for it"),
                                      home_label, name);
      g_ptr_array_add (self->steps, g_strdup (self->reason));
      if (certificate->workload_hours > 0)
        judge_workload (self, catalog, home, certificate, 0);
      return g_steal_pointer (&self);
    }

  credits = show (recognition->credits);
  if (recognition->replaces != NULL && recognition->replaces[0] != NULL)
    {
      g_autofree char *courses = bridge_certificate_describe_courses (catalog, (const char * const *) recognition->replaces);

      g_ptr_array_add (self->steps, g_strdup_printf (_("%s recognises it for %s credits in place of %s"),
                                                     home_label, credits, courses));
    }
  else
    g_ptr_array_add (self->steps, g_strdup_printf (_("%s recognises it for %s free elective credits"),
                                                   home_label, credits));

  if (recognition->valid_years > 0)
    {
      g_autofree char *years = show (recognition->valid_years);

      self->valid_until = bridge_certificate_valid_until (obtained, recognition->valid_years);
      self->expired = strcmp (self->on, self->valid_until) > 0;
      g_ptr_array_add (self->steps, g_strdup_printf (_("The recognition lasts %s years after the certificate is obtained: it is valid until %s, that day included"),
                                                     years, self->valid_until));
      if (self->expired)
        {
          self->reason = g_strdup_printf (_("The recognition of “%s” by %s expired after %s, before %s; obtain the certificate again to be recognised"),
                                          name, home_label, self->valid_until, self->on);
          g_ptr_array_add (self->steps, g_strdup (self->reason));
        }
      else
        g_ptr_array_add (self->steps, g_strdup_printf (_("On %s it is still valid"), self->on));
    }
  else
    g_ptr_array_add (self->steps, g_strdup (_("The recognition has no time limit")));

  self->recognised = !self->expired;
  if (self->recognised)
    {
      self->credits = recognition->credits;
      g_strfreev (self->replaces);
      self->replaces = g_strdupv (recognition->replaces != NULL ? recognition->replaces : (char *[]) { NULL });
    }
  if (certificate->workload_hours > 0)
    judge_workload (self, catalog, home, certificate, self->credits);
  return g_steal_pointer (&self);
}

static void
add_double_or_null (JsonBuilder *builder,
                    const char  *name,
                    gboolean     present,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (present)
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
bridge_certificate_judgement_to_json (const BridgeCertificateJudgement *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  bridge_json_add_nullable_string (builder, "certificate", self->certificate_id);
  bridge_json_add_nullable_string (builder, "home", self->home_id);
  bridge_json_add_nullable_string (builder, "obtained", self->obtained);
  bridge_json_add_nullable_string (builder, "on", self->on);
  json_builder_set_member_name (builder, "recognised");
  json_builder_add_boolean_value (builder, self->recognised);
  json_builder_set_member_name (builder, "credits");
  json_builder_add_double_value (builder, self->credits);
  json_builder_set_member_name (builder, "replaces");
  json_builder_begin_array (builder);
  for (guint i = 0; self->replaces != NULL && self->replaces[i] != NULL; i++)
    json_builder_add_string_value (builder, self->replaces[i]);
  json_builder_end_array (builder);
  bridge_json_add_nullable_string (builder, "valid_until", self->valid_until);
  json_builder_set_member_name (builder, "expired");
  json_builder_add_boolean_value (builder, self->expired);
  bridge_json_add_nullable_string (builder, "reason", self->reason);
  bridge_json_add_string_array (builder, "steps", self->steps);
  add_double_or_null (builder, "workload_hours", self->workload_hours > 0, self->workload_hours);
  add_double_or_null (builder, "workload_home_credits", self->workload != NULL,
                      self->workload != NULL ? self->workload->home_credits_exact : 0);
  add_double_or_null (builder, "workload_home_credits_awarded", self->workload != NULL,
                      self->workload != NULL ? self->workload->home_credits_awarded : 0);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
