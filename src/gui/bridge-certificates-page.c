/* bridge-certificates-page.c
 *
 * Which certificates a search and the filters take is core's
 * (bridge_certificate_filter_list ()), and so is every number and sentence
 * of a grant (bridge_certificate_judge (), bridge_certificate_describe_*):
 * the page lays them out. My Certificates is a BridgeHoldingsView, built
 * when first shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-certificates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-certificate.h"
#include "bridge-certificates-page-private.h"
#include "bridge-gui-util.h"
#include "bridge-holdings-view.h"
#include "bridge-validate.h"

struct _BridgeCertificatesPage
{
  AdwBin             parent_instance;

  BridgeContext     *context;
  BridgeHoldings    *holdings;
  GPtrArray         *certificates;        /* element-type BridgeCertificate: the catalog's */
  GPtrArray         *listed;              /* element-type BridgeCertificate: borrowed from @certificates */
  GPtrArray         *issuers;             /* element-type utf8: the issuer row's choices but "any" */
  GPtrArray         *fields;
  GPtrArray         *levels;
  BridgeCertificate *shown;
  gboolean           updating;            /* the filters' choices are being set */

  /* template */
  AdwLeaflet        *leaflet;
  GtkWidget         *sidebar;
  GtkWidget         *content;
  GtkSearchEntry    *search_entry;
  GtkToggleButton   *filter_button;
  AdwComboRow       *issuer_row;
  AdwComboRow       *field_row;
  AdwComboRow       *level_row;
  GtkLabel          *results_label;
  GtkStack          *results_stack;
  GtkListBox        *list_box;
  GtkButton         *mine_button;
  GtkWidget         *back_bar;
  GtkWidget         *back_button;
  GtkStack          *content_stack;
  GtkLabel          *name_label;
  GtkLabel          *other_name_label;
  GtkListBox        *about_list;
  GtkLabel          *home_heading;
  GtkListBox        *home_list;
  GtkWidget         *add_button;
  GtkWidget         *others_heading;
  GtkListBox        *others_list;
  GtkScrolledWindow *detail_scroller;
  AdwBin            *mine_slot;
  BridgeHoldingsView *holdings_view;      /* NULL until My Certificates is first shown */
};

G_DEFINE_FINAL_TYPE (BridgeCertificatesPage, bridge_certificates_page, ADW_TYPE_BIN)

/* ------------------------------------------------------------------------ */
/* Rows                                                                       */

/* A row saying @title, with @value under it, wrapped. */
static GtkWidget *
info_row_new (const char *title,
              const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static const char *
issuer_name (const BridgeCertificate *certificate)
{
  return certificate->issuer != NULL ? bridge_text_pick (certificate->issuer) : NULL;
}

static const char *
certificate_name (const BridgeCertificate *certificate)
{
  return certificate->name != NULL ? bridge_text_pick (certificate->name) : certificate->id;
}

/* "0613 Information and Communication Technologies" */
static char *
describe_field (const char *isced)
{
  const char *label = bridge_isced_get_label (isced);

  if (label == NULL)
    return g_strdup (isced);
  /* Translators: an ISCED-F field code and its name: "0613 Information and Communication Technologies" */
  return g_strdup_printf (_("%s %s"), isced, label);
}

static GtkWidget *
list_row_new (const BridgeCertificate *certificate)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (certificate_name (certificate));
  GtkWidget *about;
  g_autoptr(GString) text = g_string_new (issuer_name (certificate));

  if (certificate->level != NULL)
    {
      if (text->len > 0)
        g_string_append (text, _(" · "));
      g_string_append (text, certificate->level);
    }
  about = gtk_label_new (text->str);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (about), 0);
  gtk_label_set_wrap (GTK_LABEL (about), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (about), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (about, "dim-label");
  gtk_widget_add_css_class (about, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), about);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Screen readers read the name, not "row". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  certificate_name (certificate), -1);
  g_object_set_data_full (G_OBJECT (row), "certificate-id", g_strdup (certificate->id), g_free);
  return row;
}

/* ------------------------------------------------------------------------ */
/* The certificate shown                                                      */

static void
fill_about (BridgeCertificatesPage  *self,
            const BridgeCertificate *certificate)
{
  bridge_gui_list_box_remove_all (self->about_list);
  gtk_list_box_append (self->about_list, info_row_new (_("Issuer"), issuer_name (certificate) != NULL
                                                                      ? issuer_name (certificate) : _("Not given")));
  gtk_list_box_append (self->about_list, info_row_new (C_("certificate", "Level"), certificate->level != NULL
                                                                     ? certificate->level : _("Not given")));
  if (certificate->isced != NULL)
    {
      g_autofree char *field = describe_field (certificate->isced);

      gtk_list_box_append (self->about_list, info_row_new (_("Field"), field));
    }
  else
    gtk_list_box_append (self->about_list, info_row_new (_("Field"), _("Not given")));
  if (certificate->workload_hours > 0)
    {
      g_autofree char *hours = bridge_gui_format_number (certificate->workload_hours);
      /* Translators: a certificate's workload: "72 hours" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour", "%s hours",
                                                            bridge_text_plural_count (hours)),
                                               hours);

      gtk_list_box_append (self->about_list, info_row_new (_("Workload"), text));
    }
  else
    gtk_list_box_append (self->about_list, info_row_new (_("Workload"), _("Not declared by the issuer")));
}

/* What the home university grants, judged by core as if obtained today. */
static void
fill_home (BridgeCertificatesPage  *self,
           const BridgeCertificate *certificate)
{
  BridgeCatalog *catalog = bridge_context_get_catalog (self->context);
  const char *home = bridge_context_get_home_university_id (self->context);
  const BridgeCertificateRecognition *recognition;
  g_autoptr(BridgeCertificateJudgement) judgement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *today = NULL;

  bridge_gui_list_box_remove_all (self->home_list);
  if (home == NULL || *home == '\0')
    {
      gtk_label_set_text (self->home_heading, _("At Your Home University"));
      gtk_list_box_append (self->home_list,
                           info_row_new (_("No home university chosen"),
                                         _("Choose your home university in Preferences to see what it grants "
                                           "for this certificate.")));
      return;
    }
  /* Translators: the heading of what the home university grants: "At Sichuan University" */
  heading = g_strdup_printf (_("At %s"), bridge_context_university_name (self->context, home));
  gtk_label_set_text (self->home_heading, heading);

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  judgement = bridge_certificate_judge (catalog, certificate->id, home, today, NULL, &error);
  if (judgement == NULL)
    {
      gtk_list_box_append (self->home_list, info_row_new (_("Cannot be judged"), error->message));
      return;
    }
  recognition = bridge_certificate_find_recognition (certificate, home);
  if (!judgement->recognised || recognition == NULL)
    {
      gtk_list_box_append (self->home_list,
                           info_row_new (_("Not recognised"), judgement->reason != NULL ? judgement->reason : ""));
      return;
    }
  {
    g_autofree char *grant = bridge_certificate_describe_grant (catalog, recognition);
    g_autofree char *validity = bridge_certificate_describe_validity (recognition);

    gtk_list_box_append (self->home_list, info_row_new (_("Grants"), grant));
    if (judgement->valid_until != NULL)
      {
        /* Translators: how long a recognition lasts, then the last valid
         * day of a certificate obtained today: "valid 3 years after it is
         * obtained: obtained today, until 2029-12-05" */
        g_autofree char *text = g_strdup_printf (_("%s: obtained today, until %s"), validity,
                                                 judgement->valid_until);

        gtk_list_box_append (self->home_list, info_row_new (_("Validity"), text));
      }
    else
      gtk_list_box_append (self->home_list, info_row_new (_("Validity"), validity));
  }
  if (judgement->workload != NULL)
    {
      g_autofree char *hours = bridge_gui_format_number (judgement->workload_hours);
      g_autofree char *credits = bridge_gui_format_number (judgement->workload->home_credits_awarded);
      /* Translators: what a certificate's declared workload would be worth
       * under the home's credit policy: "72 hours of work would be worth 2.5 credits here" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s hours of work would be worth %s credit here",
                                                            "%s hours of work would be worth %s credits here",
                                                            bridge_text_plural_count (credits)),
                                               hours, credits);

      gtk_list_box_append (self->home_list, info_row_new (_("Workload Equivalent"), text));
    }
}

static void
fill_others (BridgeCertificatesPage  *self,
             const BridgeCertificate *certificate)
{
  BridgeCatalog *catalog = bridge_context_get_catalog (self->context);
  const char *home = bridge_context_get_home_university_id (self->context);
  guint n = 0;

  bridge_gui_list_box_remove_all (self->others_list);
  for (guint i = 0; i < certificate->recognitions->len; i++)
    {
      const BridgeCertificateRecognition *recognition =
        &g_array_index (certificate->recognitions, BridgeCertificateRecognition, i);
      g_autofree char *grant = NULL;
      g_autofree char *validity = NULL;
      g_autofree char *text = NULL;

      if (g_strcmp0 (recognition->university, home) == 0)
        continue;
      grant = bridge_certificate_describe_grant (catalog, recognition);
      validity = bridge_certificate_describe_validity (recognition);
      /* Translators: a grant and how long it lasts: "2 free elective credits; valid 3 years after it is obtained" */
      text = g_strdup_printf (_("%s; %s"), grant, validity);
      gtk_list_box_append (self->others_list,
                           info_row_new (bridge_context_university_name (self->context, recognition->university),
                                         text));
      n++;
    }
  if (n == 0)
    gtk_list_box_append (self->others_list, info_row_new (_("None"), _("No other university recognises it.")));
}

static void
fill_detail (BridgeCertificatesPage *self)
{
  const BridgeCertificate *certificate = self->shown;
  const char *picked;
  const char *other;
  g_autofree char *subtitle = NULL;

  if (certificate == NULL || self->context == NULL)
    return;
  picked = certificate_name (certificate);
  /* The name in the other language, when the feed has it. */
  other = certificate->name != NULL ? bridge_text_get (certificate->name, "en") : NULL;
  if (other == NULL || g_strcmp0 (other, picked) == 0)
    other = certificate->name != NULL ? bridge_text_get (certificate->name, "zh") : NULL;
  if (other != NULL && g_strcmp0 (other, picked) != 0)
    /* Translators: a certificate's name in its other language, then its id */
    subtitle = g_strdup_printf (_("%s · %s"), other, certificate->id);
  else
    subtitle = g_strdup (certificate->id);
  gtk_label_set_text (self->name_label, picked);
  gtk_label_set_text (self->other_name_label, subtitle);
  fill_about (self, certificate);
  fill_home (self, certificate);
  fill_others (self, certificate);
  gtk_widget_set_visible (self->add_button, self->holdings != NULL);
}

static BridgeCertificate *
find_certificate (BridgeCertificatesPage *self,
                  const char             *id)
{
  for (guint i = 0; self->certificates != NULL && i < self->certificates->len; i++)
    {
      BridgeCertificate *certificate = g_ptr_array_index (self->certificates, i);

      if (g_strcmp0 (certificate->id, id) == 0)
        return certificate;
    }
  return NULL;
}

static void
show_in_pane (BridgeCertificatesPage *self,
              const char             *id)
{
  BridgeCertificate *certificate = find_certificate (self, id);

  g_clear_pointer (&self->shown, bridge_certificate_free);
  if (certificate != NULL)
    self->shown = bridge_certificate_copy (certificate);
  fill_detail (self);
  /* A new certificate is read from its name down. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
  gtk_stack_set_visible_child_name (self->content_stack, self->shown != NULL ? "certificate" : "none");
}

/* ------------------------------------------------------------------------ */
/* The list                                                                   */

static const char *
chosen (AdwComboRow *row,
        GPtrArray   *values)
{
  guint selected = adw_combo_row_get_selected (row);

  /* The first choice is "any". */
  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > values->len)
    return NULL;
  return g_ptr_array_index (values, selected - 1);
}

static void
update_list (BridgeCertificatesPage *self)
{
  BridgeCertificateFilter filter = BRIDGE_CERTIFICATE_FILTER_INIT;
  g_autofree char *text = NULL;
  gboolean any_filter;

  if (self->certificates == NULL)
    return;
  filter.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter.issuer = chosen (self->issuer_row, self->issuers);
  filter.isced = chosen (self->field_row, self->fields);
  filter.level = chosen (self->level_row, self->levels);
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  self->listed = bridge_certificate_filter_list (self->certificates, &filter);

  bridge_gui_list_box_remove_all (self->list_box);
  for (guint i = 0; i < self->listed->len; i++)
    {
      const BridgeCertificate *certificate = g_ptr_array_index (self->listed, i);
      GtkWidget *row = list_row_new (certificate);

      gtk_list_box_append (self->list_box, row);
      if (self->shown != NULL && g_strcmp0 (self->shown->id, certificate->id) == 0 &&
          !adw_leaflet_get_folded (self->leaflet))
        {
          self->updating = TRUE;
          gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
          self->updating = FALSE;
        }
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate", "%u certificates", self->listed->len),
                          self->listed->len);
  gtk_label_set_text (self->results_label, text);
  gtk_stack_set_visible_child_name (self->results_stack, self->listed->len > 0 ? "list" : "empty");

  any_filter = filter.issuer != NULL || filter.isced != NULL || filter.level != NULL;
  if (any_filter)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
}

/* The choices of @row: "any", then @values (@labels, when given, says
 * each). Keeps the value chosen when it is still there. */
static void
set_choices (BridgeCertificatesPage  *self,
             AdwComboRow             *row,
             GPtrArray              **values,
             GPtrArray               *new_values,
             const char              *any,
             gboolean                 fields)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const char *previous = chosen (row, *values);
  guint selected = 0;

  gtk_string_list_append (list, any);
  for (guint i = 0; i < new_values->len; i++)
    {
      const char *value = g_ptr_array_index (new_values, i);

      if (fields)
        {
          g_autofree char *label = describe_field (value);

          gtk_string_list_append (list, label);
        }
      else
        gtk_string_list_append (list, value);
      if (g_strcmp0 (value, previous) == 0)
        selected = i + 1;
    }
  self->updating = TRUE;
  bridge_gui_combo_row_set_choices (GTK_WIDGET (row), list, selected);
  self->updating = FALSE;
  g_clear_pointer (values, g_ptr_array_unref);
  *values = g_ptr_array_ref (new_values);
}

static void
update_mine_button (BridgeCertificatesPage *self)
{
  guint n = self->holdings != NULL ? bridge_holdings_get_n_holdings (self->holdings) : 0;
  /* Translators: the button that opens the certificates the student holds, with their number */
  g_autofree char *label = g_strdup_printf (_("_My Certificates (%u)"), n);

  gtk_button_set_label (self->mine_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->mine_button), self->holdings != NULL);
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                           */

static void
search_changed_cb (BridgeCertificatesPage *self)
{
  update_list (self);
}

static void
filter_changed_cb (BridgeCertificatesPage *self)
{
  if (!self->updating)
    update_list (self);
}

/* Enter in the search opens the first certificate found. */
static void
search_activate_cb (BridgeCertificatesPage *self)
{
  if (self->listed != NULL && self->listed->len > 0)
    {
      const BridgeCertificate *first = g_ptr_array_index (self->listed, 0);
      g_autofree char *id = g_strdup (first->id);

      bridge_certificates_page_show_certificate (self, id);
    }
}

/* Down goes from the search entry to the certificates found. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey  *controller,
                       guint                   keyval,
                       guint                   keycode,
                       GdkModifierType         state,
                       BridgeCertificatesPage *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

/* Escape in the search: it empties the search, then, when empty, does
 * what Escape does elsewhere in the page. */
static void
stop_search_cb (BridgeCertificatesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "certificates.back", NULL);
}

static void
row_activated_cb (BridgeCertificatesPage *self,
                  GtkListBoxRow          *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "certificate-id");
  g_autofree char *copy = g_strdup (id);

  bridge_certificates_page_show_certificate (self, copy);
}

/* Unfolded, moving through the list shows each in the pane beside it. */
static void
row_selected_cb (BridgeCertificatesPage *self,
                 GtkListBoxRow          *row)
{
  const char *id;

  if (row == NULL || self->updating || adw_leaflet_get_folded (self->leaflet))
    return;
  id = g_object_get_data (G_OBJECT (row), "certificate-id");
  if (self->shown == NULL || g_strcmp0 (self->shown->id, id) != 0)
    {
      g_autofree char *copy = g_strdup (id);

      show_in_pane (self, copy);
    }
}

static void
folded_changed_cb (BridgeCertificatesPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->back_bar, folded);
  /* Folded, a row is chosen by activating it: a selection would stay
   * highlighted in a list that shows no pane beside it. */
  gtk_list_box_set_selection_mode (self->list_box, folded ? GTK_SELECTION_NONE : GTK_SELECTION_SINGLE);
}

static void
go_back (BridgeCertificatesPage *self)
{
  GtkListBoxRow *row = NULL;

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  /* Back on the row of the certificate that was shown. */
  for (guint i = 0; self->shown != NULL && (row = gtk_list_box_get_row_at_index (self->list_box, (int) i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "certificate-id"), self->shown->id) == 0)
      break;
  if (row != NULL && gtk_stack_get_visible_child_name (self->content_stack) != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "certificate") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_clicked_cb (BridgeCertificatesPage *self)
{
  go_back (self);
}

static BridgeHoldingsView *
ensure_holdings_view (BridgeCertificatesPage *self)
{
  if (self->holdings_view == NULL)
    {
      self->holdings_view = bridge_holdings_view_new ();
      adw_bin_set_child (self->mine_slot, GTK_WIDGET (self->holdings_view));
      if (self->context != NULL)
        bridge_holdings_view_set_context (self->holdings_view, self->context);
      if (self->holdings != NULL)
        bridge_holdings_view_set_holdings (self->holdings_view, self->holdings);
    }
  return self->holdings_view;
}

static void
mine_clicked_cb (BridgeCertificatesPage *self)
{
  bridge_certificates_page_show_mine (self);
}

static void
add_clicked_cb (BridgeCertificatesPage *self)
{
  bridge_certificates_page_open_add_dialog (self);
}

static void
context_changed_cb (BridgeCertificatesPage *self)
{
  fill_detail (self);
}

/* Escape goes back to the list, as the back button does. */
static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BridgeCertificatesPage *self = BRIDGE_CERTIFICATES_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->content)
    go_back (self);
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ------------------------------------------------------------------------ */

static void
bridge_certificates_page_dispose (GObject *object)
{
  BridgeCertificatesPage *self = BRIDGE_CERTIFICATES_PAGE (object);

  if (self->holdings != NULL)
    g_signal_handlers_disconnect_by_func (self->holdings, update_mine_button, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_CERTIFICATES_PAGE);
  self->holdings_view = NULL;
  g_clear_object (&self->holdings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_certificates_page_parent_class)->dispose (object);
}

static void
bridge_certificates_page_finalize (GObject *object)
{
  BridgeCertificatesPage *self = BRIDGE_CERTIFICATES_PAGE (object);

  g_clear_pointer (&self->listed, g_ptr_array_unref);
  g_clear_pointer (&self->certificates, g_ptr_array_unref);
  g_clear_pointer (&self->issuers, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->levels, g_ptr_array_unref);
  g_clear_pointer (&self->shown, bridge_certificate_free);

  G_OBJECT_CLASS (bridge_certificates_page_parent_class)->finalize (object);
}

static void
bridge_certificates_page_class_init (BridgeCertificatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_certificates_page_dispose;
  object_class->finalize = bridge_certificates_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-certificates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, content);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, field_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, mine_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, other_name_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, about_list);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, home_heading);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, home_list);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, others_heading);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, others_list);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, BridgeCertificatesPage, mine_slot);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, mine_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_install_action (widget_class, "certificates.back", NULL, go_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "certificates.back", NULL);
}

static void
bridge_certificates_page_init (BridgeCertificatesPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  bridge_gui_combo_row_show_in_full (self->issuer_row);
  bridge_gui_combo_row_show_in_full (self->field_row);
  bridge_gui_combo_row_show_in_full (self->level_row);
  update_mine_button (self);
  folded_changed_cb (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                 */

void
bridge_certificates_page_set_context (BridgeCertificatesPage *self,
                                      BridgeContext          *context)
{
  g_return_if_fail (BRIDGE_IS_CERTIFICATES_PAGE (self));
  g_return_if_fail (BRIDGE_IS_CONTEXT (context));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, context_changed_cb, self);
  g_set_object (&self->context, context);
  /* A new home university changes what the certificate shown grants. */
  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->holdings_view != NULL)
    bridge_holdings_view_set_context (self->holdings_view, context);
  bridge_certificates_page_reload (self);
}

void
bridge_certificates_page_set_holdings (BridgeCertificatesPage *self,
                                       BridgeHoldings         *holdings)
{
  g_return_if_fail (BRIDGE_IS_CERTIFICATES_PAGE (self));

  if (self->holdings != NULL)
    g_signal_handlers_disconnect_by_func (self->holdings, update_mine_button, self);
  g_set_object (&self->holdings, holdings);
  if (holdings != NULL)
    g_signal_connect_object (holdings, "changed", G_CALLBACK (update_mine_button), self, G_CONNECT_SWAPPED);
  if (self->holdings_view != NULL)
    bridge_holdings_view_set_holdings (self->holdings_view, holdings);
  update_mine_button (self);
  fill_detail (self);
}

void
bridge_certificates_page_reload (BridgeCertificatesPage *self)
{
  BridgeCatalog *catalog;
  g_autoptr(GPtrArray) issuers = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  g_return_if_fail (BRIDGE_IS_CERTIFICATES_PAGE (self));

  if (self->context == NULL || (catalog = bridge_context_get_catalog (self->context)) == NULL)
    return;
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  g_clear_pointer (&self->certificates, g_ptr_array_unref);
  self->certificates = bridge_catalog_list_certificates (catalog, &error);
  if (self->certificates == NULL)
    {
      /* Translators: %s says why the catalog cannot be read */
      g_autofree char *text = g_strdup_printf (_("The certificates cannot be read: %s"), error->message);

      self->certificates = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_certificate_free);
      gtk_label_set_text (self->results_label, text);
    }
  issuers = bridge_certificate_list_choices (self->certificates, BRIDGE_CERTIFICATE_CHOICE_ISSUER);
  fields = bridge_certificate_list_choices (self->certificates, BRIDGE_CERTIFICATE_CHOICE_FIELD);
  levels = bridge_certificate_list_choices (self->certificates, BRIDGE_CERTIFICATE_CHOICE_LEVEL);
  set_choices (self, self->issuer_row, &self->issuers, issuers, _("Any issuer"), FALSE);
  set_choices (self, self->field_row, &self->fields, fields, _("Any field"), TRUE);
  set_choices (self, self->level_row, &self->levels, levels, _("Any level"), FALSE);
  update_list (self);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The certificates cannot be read: %s"), error->message);

      gtk_label_set_text (self->results_label, text);
    }
  /* The certificate shown, as the new catalog has it (or none). */
  if (self->shown != NULL)
    {
      shown = g_strdup (self->shown->id);
      show_in_pane (self, shown);
    }
}

void
bridge_certificates_page_focus_search (BridgeCertificatesPage *self)
{
  g_return_if_fail (BRIDGE_IS_CERTIFICATES_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
bridge_certificates_page_show_certificate (BridgeCertificatesPage *self,
                                           const char             *id)
{
  g_return_if_fail (BRIDGE_IS_CERTIFICATES_PAGE (self));

  show_in_pane (self, id);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (self->back_button);
}

const char *
bridge_certificates_page_get_shown (BridgeCertificatesPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_CERTIFICATES_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "certificate") != 0 || self->shown == NULL)
    return NULL;
  return self->shown->id;
}

void
bridge_certificates_page_show_mine (BridgeCertificatesPage *self)
{
  g_return_if_fail (BRIDGE_IS_CERTIFICATES_PAGE (self));

  ensure_holdings_view (self);
  self->updating = TRUE;
  gtk_list_box_unselect_all (self->list_box);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->content_stack, "mine");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  bridge_holdings_view_focus (self->holdings_view);
}

GtkWidget *
bridge_certificates_page_open_add_dialog (BridgeCertificatesPage *self)
{
  GtkRoot *root;

  g_return_val_if_fail (BRIDGE_IS_CERTIFICATES_PAGE (self), NULL);

  if (self->shown == NULL || self->holdings == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  return bridge_holdings_view_add_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              self->context, self->holdings, self->shown->id);
}

GStrv
bridge_certificates_page_dup_listed (BridgeCertificatesPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BRIDGE_IS_CERTIFICATES_PAGE (self), NULL);

  for (guint i = 0; self->listed != NULL && i < self->listed->len; i++)
    g_strv_builder_add (builder, ((BridgeCertificate *) g_ptr_array_index (self->listed, i))->id);
  return g_strv_builder_end (builder);
}

GtkWidget *
bridge_certificates_page_get_child (BridgeCertificatesPage *self,
                                    const char             *name)
{
  static const struct {
    const char *name;
    gsize       offset;
  } children[] = {
    { "search-entry", G_STRUCT_OFFSET (BridgeCertificatesPage, search_entry) },
    { "filter-button", G_STRUCT_OFFSET (BridgeCertificatesPage, filter_button) },
    { "issuer-row", G_STRUCT_OFFSET (BridgeCertificatesPage, issuer_row) },
    { "field-row", G_STRUCT_OFFSET (BridgeCertificatesPage, field_row) },
    { "level-row", G_STRUCT_OFFSET (BridgeCertificatesPage, level_row) },
    { "results-label", G_STRUCT_OFFSET (BridgeCertificatesPage, results_label) },
    { "list-box", G_STRUCT_OFFSET (BridgeCertificatesPage, list_box) },
    { "leaflet", G_STRUCT_OFFSET (BridgeCertificatesPage, leaflet) },
    { "content-stack", G_STRUCT_OFFSET (BridgeCertificatesPage, content_stack) },
    { "back-button", G_STRUCT_OFFSET (BridgeCertificatesPage, back_button) },
    { "name-label", G_STRUCT_OFFSET (BridgeCertificatesPage, name_label) },
    { "about-list", G_STRUCT_OFFSET (BridgeCertificatesPage, about_list) },
    { "home-heading", G_STRUCT_OFFSET (BridgeCertificatesPage, home_heading) },
    { "home-list", G_STRUCT_OFFSET (BridgeCertificatesPage, home_list) },
    { "others-list", G_STRUCT_OFFSET (BridgeCertificatesPage, others_list) },
    { "add-button", G_STRUCT_OFFSET (BridgeCertificatesPage, add_button) },
    { "mine-button", G_STRUCT_OFFSET (BridgeCertificatesPage, mine_button) },
    { "holdings-view", G_STRUCT_OFFSET (BridgeCertificatesPage, holdings_view) },
  };

  g_return_val_if_fail (BRIDGE_IS_CERTIFICATES_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    if (g_str_equal (children[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, children[i].offset);
  return NULL;
}
