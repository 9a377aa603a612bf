/* bridge-precedent-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-precedent-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-precedent-row.h"

GtkWidget *
bridge_precedent_row_new (const BridgePlanPrecedent *precedent)
{
  const BridgeEquivalence *decision;
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;
  GtkWidget *icon;

  g_return_val_if_fail (precedent != NULL, NULL);

  decision = precedent->equivalence;
  row = adw_action_row_new ();
  if (!precedent->expired)
    {
      /* Translators: the reference of a decision of the recognition register */
      title = g_strdup_printf (_("Recognised by decision %s"), precedent->reference);
      /* Translators: the date the home university took the decision */
      g_string_printf (subtitle, _("Decided by the home university on %s"), decision->decided);
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
    }
  else
    {
      /* Translators: the reference of a decision of the recognition register, then a date */
      title = g_strdup_printf (_("Decision %s expired on %s"), precedent->reference, decision->valid_until);
      g_string_assign (subtitle, _("Ask the home university whether it still applies"));
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
    }
  if (decision->conditions != NULL)
    {
      g_string_append_c (subtitle, '\n');
      /* Translators: the decision's condition, as the register words it */
      g_string_append_printf (subtitle, _("Condition: %s"), bridge_text_pick (decision->conditions));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  precedent->expired ? _("Warning") : _("Recognised"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "equivalence-id", g_strdup (decision->id), g_free);
  return row;
}
