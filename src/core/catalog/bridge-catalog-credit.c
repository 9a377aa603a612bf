/* bridge-catalog-credit.c: what a catalog course is worth at a home university
 *
 * The window, the command line, the plan's totals and the PDF all ask this
 * one function, so that they look the universities up the same way and fail
 * with the same messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-catalog.h"
#include "bridge-catalog-private.h"
#include "bridge-error.h"

/* Fails with @message (taken) where bridge_catalog_get_university () failed
 * with @lookup_error BRIDGE_ERROR_NOT_FOUND, to say whose university is
 * missing; passes any other error (the cache cannot be read) on as it is. */
static gpointer
university_missing (GError **error,
                    GError  *lookup_error,
                    char    *message)
{
  if (g_error_matches (lookup_error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND))
    {
      g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND, message);
      g_error_free (lookup_error);
    }
  else
    g_propagate_error (error, lookup_error);
  g_free (message);
  return NULL;
}

BridgeUniversity *
bridge_catalog_get_home_university (BridgeCatalog  *self,
                                    const char     *home_id,
                                    GError        **error)
{
  g_autoptr(GError) lookup_error = NULL;
  BridgeUniversity *home;

  if (bridge_catalog_get_alliance (self) == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The catalog is empty; import the alliance catalog first"));
      return NULL;
    }
  if (home_id == NULL || *home_id == '\0')
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("No home university is given; choose the student’s home university first"));
      return NULL;
    }
  home = bridge_catalog_get_university (self, home_id, &lookup_error);
  if (home == NULL)
    return university_missing (error, g_steal_pointer (&lookup_error),
                               g_strdup_printf (_("The home university “%s” is not in the catalog"), home_id));
  return home;
}

BridgeCreditResult *
bridge_catalog_compute_credit (BridgeCatalog  *self,
                               BridgeCourse   *course,
                               const char     *home_id,
                               GError        **error)
{
  g_autoptr(BridgeUniversity) home = NULL;
  g_autoptr(BridgeUniversity) host = NULL;
  g_autoptr(GError) lookup_error = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_COURSE (course), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  home = bridge_catalog_get_home_university (self, home_id, error);
  if (home == NULL)
    return NULL;
  host = bridge_catalog_get_university (self, bridge_course_get_university_id (course), &lookup_error);
  if (host == NULL)
    return university_missing (error, g_steal_pointer (&lookup_error),
                               g_strdup_printf (_("The university of “%s” is not in the catalog"),
                                                bridge_course_get_id (course)));
  return bridge_credit_compute (bridge_catalog_get_alliance (self), host, home, course, error);
}

gboolean
bridge_catalog_get_course_workload (BridgeCatalog *self,
                                    BridgeCourse  *course,
                                    gboolean       declared,
                                    double        *hours)
{
  g_autoptr(BridgeUniversity) uni = NULL;
  BridgeCourseLoad load;
  BridgeRational r;
  BridgeWorkloadSource source;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_COURSE (course), FALSE);
  g_return_val_if_fail (hours != NULL, FALSE);

  uni = bridge_catalog_get_university (self, bridge_course_get_university_id (course), NULL);
  bridge_course_load_from_course (&load, course);
  if (!declared)
    load.workload_hours = 0;
  if (uni == NULL || !bridge_credit_workload (bridge_university_get_policy (uni), &load, &r, &source, NULL, NULL))
    return FALSE;
  *hours = bridge_rational_to_double (r);
  return TRUE;
}
