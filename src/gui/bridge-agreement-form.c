/* bridge-agreement-form.c
 *
 * The details are entry and combo rows made once; each writes to the plan
 * as it changes, through the plan's setters, which check it with the rules
 * of bridge-validate.h: a value that does not pass stays on screen, marked
 * with core's message, and is not written. The form checks nothing itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-agreement-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-agreement-form.h"
#include "bridge-agreement-private.h"
#include "bridge-gui-util.h"
#include "bridge-validate.h"

/* How a detail is typed: its input purpose, and a calendar for a date. The
 * form checks no value: the plan's setters do, with bridge-validate.h. */
typedef enum
{
  INPUT_TEXT,
  INPUT_EMAIL,
  INPUT_DATE,
  INPUT_ISCED,
  INPUT_YEAR,
} Input;


struct _BridgeAgreementForm
{
  GtkWidget            parent_instance;

  BridgeContext       *context;
  BridgePlan          *plan;
  GHashTable          *children;          /* name → widget (not owned) */
  char                *terms_key;         /* what the term rows were built for */
  GPtrArray           *catalog_languages; /* read once per catalog import */
  GPtrArray           *catalog_terms;
  GPtrArray           *term_ids;
  GtkWidget           *terms_row;
  GPtrArray           *terms_rows;        /* the check rows, one per term */
  gboolean             updating;

  /* template */
  AdwPreferencesGroup *student_group;
  AdwPreferencesGroup *sending_group;
  AdwPreferencesGroup *receiving_group;
  AdwPreferencesGroup *mobility_group;
  GtkTextView         *provisions_view;
};

G_DEFINE_FINAL_TYPE (BridgeAgreementForm, bridge_agreement_form, GTK_TYPE_WIDGET)

/* ISO/IEC 5218, as the plan stores it; NULL: not given. */
static const struct
{
  const char *code;
  const char *label;
} genders[] = {
  { NULL, N_("Not given") },
  { "0", N_("Not known") },
  { "1", NC_("gender", "Male") },
  { "2", NC_("gender", "Female") },
  { "9", NC_("gender", "Not applicable") },
};

static const char * const cefr_levels[] = { NULL, "A1", "A2", "B1", "B2", "C1", "C2" };

static BridgeCatalog *
get_catalog (BridgeAgreementForm *self)
{
  return self->context != NULL ? bridge_context_get_catalog (self->context) : NULL;
}

static gboolean
is_locked (BridgeAgreementForm *self)
{
  return self->plan != NULL && bridge_plan_get_locked (self->plan);
}

static void
toast (BridgeAgreementForm *self,
       const char          *text)
{
  bridge_gui_toast (GTK_WIDGET (self), text);
}

/* ------------------------------------------------------------------------ */
/* The details: where each one lives in the plan                             */

static char **
student_member (BridgePlanStudent *s,
                const char        *name)
{
  if (g_str_equal (name, "name"))
    return &s->name;
  if (g_str_equal (name, "number"))
    return &s->student_number;
  if (g_str_equal (name, "email"))
    return &s->email;
  if (g_str_equal (name, "birth-date"))
    return &s->birth_date;
  if (g_str_equal (name, "nationality"))
    return &s->nationality;
  if (g_str_equal (name, "gender"))
    return &s->gender;
  if (g_str_equal (name, "isced"))
    return &s->isced;
  if (g_str_equal (name, "language"))
    return &s->language;
  if (g_str_equal (name, "cefr"))
    return &s->cefr;
  g_return_val_if_reached (NULL);
}

static char **
institution_member (BridgePlanInstitution *i,
                    const char            *name)
{
  if (g_str_equal (name, "faculty"))
    return &i->faculty;
  if (g_str_equal (name, "name"))
    return &i->responsible.name;
  if (g_str_equal (name, "position"))
    return &i->responsible.position;
  if (g_str_equal (name, "email"))
    return &i->responsible.email;
  if (g_str_equal (name, "contact-name"))
    return &i->contact.name;
  if (g_str_equal (name, "contact-position"))
    return &i->contact.position;
  if (g_str_equal (name, "contact-email"))
    return &i->contact.email;
  g_return_val_if_reached (NULL);
}

/* "sending-name" → HOME, "name" */
static gboolean
institution_key (const char      *key,
                 BridgePlanSide  *side,
                 const char     **member)
{
  if (g_str_has_prefix (key, "sending-"))
    {
      *side = BRIDGE_PLAN_SIDE_HOME;
      *member = key + strlen ("sending-");
      return TRUE;
    }
  if (g_str_has_prefix (key, "receiving-"))
    {
      *side = BRIDGE_PLAN_SIDE_HOST;
      *member = key + strlen ("receiving-");
      return TRUE;
    }
  return FALSE;
}

static const char *
detail_get (BridgeAgreementForm *self,
            const char          *key)
{
  BridgePlanSide side;
  const char *member;

  if (g_str_has_prefix (key, "student-"))
    return *student_member ((BridgePlanStudent *) bridge_plan_get_student (self->plan),
                            key + strlen ("student-"));
  if (institution_key (key, &side, &member))
    return *institution_member ((BridgePlanInstitution *) bridge_plan_get_institution (self->plan, side),
                                member);
  if (g_str_equal (key, "start-date"))
    return bridge_plan_get_start_date (self->plan);
  if (g_str_equal (key, "end-date"))
    return bridge_plan_get_end_date (self->plan);
  if (g_str_equal (key, "academic-year"))
    return bridge_plan_get_academic_year (self->plan);
  g_return_val_if_reached (NULL);
}

/* Writes @value (NULL or "": none) through core, which checks it. Returns
 * why not (free it), or NULL. */
static char *
detail_set (BridgeAgreementForm *self,
            const char          *key,
            const char          *value)
{
  g_autoptr(GError) error = NULL;
  BridgePlanSide side;
  const char *member;
  gboolean ok = TRUE;

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (detail_get (self, key), value) == 0)
    return NULL;

  if (g_str_has_prefix (key, "student-"))
    {
      g_auto(BridgePlanStudent) s = { 0 };
      char **m;

      bridge_plan_student_copy (bridge_plan_get_student (self->plan), &s);
      m = student_member (&s, key + strlen ("student-"));
      g_free (*m);
      *m = g_strdup (value);
      ok = bridge_plan_set_student (self->plan, &s, &error);
    }
  else if (institution_key (key, &side, &member))
    {
      g_auto(BridgePlanInstitution) i = { 0 };
      char **m;

      bridge_plan_institution_copy (bridge_plan_get_institution (self->plan, side), &i);
      m = institution_member (&i, member);
      g_free (*m);
      *m = g_strdup (value);
      ok = bridge_plan_set_institution (self->plan, side, &i, &error);
    }
  else if (g_str_equal (key, "start-date"))
    ok = bridge_plan_set_dates (self->plan, value, bridge_plan_get_end_date (self->plan), &error);
  else if (g_str_equal (key, "end-date"))
    ok = bridge_plan_set_dates (self->plan, bridge_plan_get_start_date (self->plan), value, &error);
  else if (g_str_equal (key, "academic-year"))
    ok = bridge_plan_set_academic_year (self->plan, value, &error);
  return ok ? NULL : g_strdup (error->message);
}

/* Replacing the text passes through "" (deleted, then inserted): a row
 * is emptied in the plan only if it is still empty a moment later. */
static gboolean
entry_emptied_cb (gpointer data)
{
  GtkEditable *editable = data;
  GtkWidget *form = gtk_widget_get_ancestor (GTK_WIDGET (editable), BRIDGE_TYPE_AGREEMENT_FORM);
  BridgeAgreementForm *self = form != NULL ? BRIDGE_AGREEMENT_FORM (form) : NULL;

  g_object_set_data (G_OBJECT (editable), "emptied", NULL);
  if (self != NULL && self->plan != NULL && !is_locked (self) &&
      *gtk_editable_get_text (editable) == '\0')
    {
      g_autofree char *problem = detail_set (self, g_object_get_data (G_OBJECT (editable), "key"), NULL);

      bridge_agreement_show_problem (GTK_WIDGET (editable), problem);
    }
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (GtkEditable         *editable,
                  BridgeAgreementForm *self)
{
  const char *key = g_object_get_data (G_OBJECT (editable), "key");
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;

  if (self->updating || self->plan == NULL || is_locked (self))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (*text == '\0')
    {
      bridge_agreement_show_problem (GTK_WIDGET (editable), NULL);
      if (g_object_get_data (G_OBJECT (editable), "emptied") == NULL)
        {
          g_object_set_data (G_OBJECT (editable), "emptied", GINT_TO_POINTER (1));
          g_idle_add_full (G_PRIORITY_DEFAULT, entry_emptied_cb, g_object_ref (editable), g_object_unref);
        }
      return;
    }
  problem = detail_set (self, key, text);
  bridge_agreement_show_problem (GTK_WIDGET (editable), problem);
}

/* The line under @row that says why its value was not written: a row of
 * its own in the list, shown only then. */
static void
add_problem_row (BridgeAgreementForm *self,
                 GtkWidget           *parent,
                 GtkWidget           *row,
                 const char          *key)
{
  GtkWidget *holder = adw_preferences_row_new ();
  GtkWidget *label = bridge_gui_field_error_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_widget_set_focusable (holder, FALSE);
  gtk_widget_set_visible (holder, FALSE);
  g_object_set_data (G_OBJECT (row), "problem-label", label);
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), holder);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), holder);
  g_hash_table_insert (self->children, g_strconcat (key, "-problem", NULL), label);
}

static GtkWidget *
add_entry (BridgeAgreementForm *self,
           GtkWidget           *parent,
           const char          *key,
           const char          *title,
           Input                input)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_visible (icon, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
  if (input == INPUT_EMAIL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
  else if (input == INPUT_DATE || input == INPUT_ISCED)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
  if (input == INPUT_DATE)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), bridge_gui_date_button_new (GTK_EDITABLE (row)));
  g_object_set_data (G_OBJECT (row), "problem-icon", icon);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);

  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
  g_hash_table_insert (self->children, g_strdup (key), row);
  add_problem_row (self, parent, row, key);
  return row;
}

/* Combo rows: the plan's value is the "values" array item of the selection. */
static void
combo_changed_cb (AdwComboRow         *row,
                  GParamSpec          *pspec,
                  BridgeAgreementForm *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  GPtrArray *values = g_object_get_data (G_OBJECT (row), "values");
  guint selected = adw_combo_row_get_selected (row);
  g_auto(BridgePlanStudent) s = { 0 };
  g_autoptr(GError) error = NULL;

  if (self->updating || self->plan == NULL || is_locked (self) || values == NULL ||
      selected >= values->len)
    return;

  if (g_str_equal (key, "student-cycle"))
    {
      BridgeCycle cycle = GPOINTER_TO_UINT (g_ptr_array_index (values, selected));

      if (cycle == bridge_plan_get_student (self->plan)->cycle)
        return;
      bridge_plan_student_copy (bridge_plan_get_student (self->plan), &s);
      s.cycle = cycle;
      if (!bridge_plan_set_student (self->plan, &s, &error))
        toast (self, error->message);
    }
  else
    {
      g_autofree char *problem = detail_set (self, key, g_ptr_array_index (values, selected));

      if (problem != NULL)
        toast (self, problem);
    }
}

static GtkWidget *
add_combo (BridgeAgreementForm *self,
           const char          *key,
           const char          *title,
           const char          *subtitle)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_changed_cb), self);
  adw_preferences_group_add (self->student_group, row);
  g_hash_table_insert (self->children, g_strdup (key), row);
  return row;
}

/* Fills a combo with @labels for @values (strings; NULL for none) and
 * selects @current, adding it when the list does not have it. */
static void
fill_combo (GtkWidget  *row,
            GPtrArray  *labels,
            GPtrArray  *values,
            const char *current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *key = NULL;
  guint selected = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), current) == 0)
      {
        selected = i;
        found = TRUE;
      }
  if (!found && current != NULL)
    {
      g_ptr_array_add (labels, g_strdup (current));
      g_ptr_array_add (values, g_strdup (current));
      selected = values->len - 1;
    }
  g_ptr_array_add (labels, NULL);
  key = g_strjoinv ("\n", (char **) labels->pdata);
  g_ptr_array_remove_index (labels, labels->len - 1);

  /* The model is replaced only when the choices change: never while the
   * row is telling us about a choice just made. */
  if (g_strcmp0 (key, g_object_get_data (G_OBJECT (row), "labels")) != 0)
    {
      for (guint i = 0; i < labels->len; i++)
        gtk_string_list_append (list, g_ptr_array_index (labels, i));
      g_object_set_data_full (G_OBJECT (row), "values", g_ptr_array_ref (values),
                              (GDestroyNotify) g_ptr_array_unref);
      g_object_set_data_full (G_OBJECT (row), "labels", g_steal_pointer (&key), g_free);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
    }
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != selected)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
}

static int
compare_country_names (gconstpointer a,
                       gconstpointer b)
{
  return g_utf8_collate (bridge_country_get_name (*(const char * const *) a),
                         bridge_country_get_name (*(const char * const *) b));
}

static void
fill_student_combos (BridgeAgreementForm *self)
{
  const BridgePlanStudent *s = bridge_plan_get_student (self->plan);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) values = NULL;
  GPtrArray *languages;
  g_autoptr(GtkStringList) cycles = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) countries = NULL;
  GtkWidget *row;

  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    {
      g_ptr_array_add (labels, g_strdup (i < 2 ? _(genders[i].label)
                                               : g_dpgettext2 (NULL, "gender", genders[i].label)));
      g_ptr_array_add (values, g_strdup (genders[i].code));
    }
  fill_combo (g_hash_table_lookup (self->children, "student-gender"), labels, values, s->gender);

  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&values, g_ptr_array_unref);
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (cefr_levels); i++)
    {
      g_ptr_array_add (labels, g_strdup (cefr_levels[i] != NULL ? cefr_levels[i] : _("Not given")));
      g_ptr_array_add (values, g_strdup (cefr_levels[i]));
    }
  fill_combo (g_hash_table_lookup (self->children, "student-cefr"), labels, values, s->cefr);

  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&values, g_ptr_array_unref);
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (labels, g_strdup (_("Not declared")));
  g_ptr_array_add (values, NULL);
  languages = self->catalog_languages;
  for (guint i = 0; languages != NULL && i < languages->len; i++)
    {
      const char *code = g_ptr_array_index (languages, i);

      g_ptr_array_add (labels, g_strdup (bridge_language_get_name (code)));
      g_ptr_array_add (values, g_strdup (code));
    }
  fill_combo (g_hash_table_lookup (self->children, "student-language"), labels, values, s->language);

  /* Countries by name, sorted in the language shown; the plan keeps the code. */
  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&values, g_ptr_array_unref);
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  countries = g_ptr_array_new ();
  for (const char * const *c = bridge_country_list_codes (); *c != NULL; c++)
    g_ptr_array_add (countries, (gpointer) *c);
  g_ptr_array_sort (countries, compare_country_names);
  g_ptr_array_add (labels, g_strdup (_("Not given")));
  g_ptr_array_add (values, NULL);
  for (guint i = 0; i < countries->len; i++)
    {
      const char *code = g_ptr_array_index (countries, i);

      g_ptr_array_add (labels, g_strdup (bridge_country_get_name (code)));
      g_ptr_array_add (values, g_strdup (code));
    }
  fill_combo (g_hash_table_lookup (self->children, "student-nationality"), labels, values, s->nationality);

  /* The cycle is never empty: the values are the enum's. */
  row = g_hash_table_lookup (self->children, "student-cycle");
  g_clear_pointer (&values, g_ptr_array_unref);
  values = g_ptr_array_new ();
  for (BridgeCycle c = BRIDGE_CYCLE_BACHELOR; c <= BRIDGE_CYCLE_DOCTORAL; c++)
    {
      gtk_string_list_append (cycles, bridge_cycle_get_label (c));
      g_ptr_array_add (values, GUINT_TO_POINTER (c));
    }
  if (g_object_get_data (G_OBJECT (row), "values") == NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "values", g_ptr_array_ref (values),
                              (GDestroyNotify) g_ptr_array_unref);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (cycles));
    }
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != s->cycle)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), s->cycle);
}

/* ------------------------------------------------------------------------ */
/* Terms of the mobility                                                     */

static void
term_toggled_cb (GtkCheckButton      *check,
                 BridgeAgreementForm *self)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();

  if (self->updating || self->plan == NULL || is_locked (self))
    return;
  for (guint i = 0; i < self->term_ids->len; i++)
    {
      GtkWidget *box = g_object_get_data (G_OBJECT (self->terms_row), g_ptr_array_index (self->term_ids, i));

      if (box != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (box)))
        g_ptr_array_add (terms, g_ptr_array_index (self->term_ids, i));
    }
  g_ptr_array_add (terms, NULL);
  bridge_plan_set_terms (self->plan, (const char * const *) terms->pdata);
  if (get_catalog (self) != NULL)
    bridge_plan_fill_dates_from_terms (self->plan, get_catalog (self));
}

static char *
term_name (BridgeAgreementForm *self,
           const char          *id)
{
  BridgeUniversity *host = NULL;

  if (self->context != NULL && bridge_plan_get_host_university (self->plan) != NULL)
    host = bridge_context_find_university (self->context, bridge_plan_get_host_university (self->plan));
  return bridge_term_get_label (host, id);
}

static void
fill_terms (BridgeAgreementForm *self)
{
  GPtrArray *catalog_terms = self->catalog_terms;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const char * const *chosen = bridge_plan_get_terms (self->plan);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) key = g_string_new (bridge_plan_get_host_university (self->plan));

  for (guint i = 0; catalog_terms != NULL && i < catalog_terms->len; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (catalog_terms, i)));
  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (ids, chosen[i], g_str_equal, NULL))
      g_ptr_array_add (ids, g_strdup (chosen[i]));
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (key, "|%s", (char *) g_ptr_array_index (ids, i));

  /* The rows are made again only when the terms to choose from change, so
   * that ticking one keeps the focus. */
  if (g_strcmp0 (key->str, self->terms_key) != 0)
    {
      g_free (self->terms_key);
      self->terms_key = g_strdup (key->str);
      for (guint i = 0; i < self->terms_rows->len; i++)
        adw_expander_row_remove (ADW_EXPANDER_ROW (self->terms_row), g_ptr_array_index (self->terms_rows, i));
      g_ptr_array_set_size (self->terms_rows, 0);
      g_clear_pointer (&self->term_ids, g_ptr_array_unref);
      self->term_ids = g_ptr_array_ref (ids);
      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);
          g_autofree char *name = term_name (self, id);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), id);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          g_signal_connect (check, "toggled", G_CALLBACK (term_toggled_cb), self);
          g_object_set_data (G_OBJECT (self->terms_row), id, check);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self->terms_row), row);
          g_ptr_array_add (self->terms_rows, row);
        }
    }

  for (guint i = 0; i < self->term_ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->term_ids, i);
      GtkWidget *check = g_object_get_data (G_OBJECT (self->terms_row), id);
      gboolean active = chosen != NULL && g_strv_contains (chosen, id);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) != active)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      if (active)
        {
          g_autofree char *name = term_name (self, id);

          if (names->len > 0)
            g_string_append (names, _(", "));
          g_string_append (names, name);
        }
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->terms_row),
                                 names->len > 0 ? names->str : _("Not chosen"));
}

/* ------------------------------------------------------------------------ */
/* Details on screen                                                         */

static void
update_entry (BridgeAgreementForm *self,
              GtkWidget           *row,
              const char          *key)
{
  const char *value = detail_get (self, key);

  /* What the person is typing (perhaps not yet valid) stays. */
  if (bridge_agreement_focus_in (row))
    return;
  if (g_strcmp0 (value != NULL ? value : "", gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      bridge_agreement_show_problem (row, NULL);
    }
}

static void
update_details (BridgeAgreementForm *self)
{
  GHashTableIter iter;
  gpointer key, row;
  gboolean locked = is_locked (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->provisions_view);
  const char *provisions = bridge_plan_get_provisions (self->plan);
  g_autofree char *shown = NULL;
  GtkTextIter start, end;
  const char *isced;

  g_hash_table_iter_init (&iter, self->children);
  while (g_hash_table_iter_next (&iter, &key, &row))
    if (ADW_IS_ENTRY_ROW (row) && g_object_get_data (row, "key") != NULL)
      {
        update_entry (self, row, key);
        /* Locked: read-only, and dimmed like the choices, so that it reads as such. */
        gtk_editable_set_editable (GTK_EDITABLE (row), !locked);
        gtk_widget_set_sensitive (row, !locked);
      }

  fill_student_combos (self);
  isced = bridge_plan_get_student (self->plan)->isced;
  gtk_label_set_text (g_hash_table_lookup (self->children, "student-isced-label"),
                      isced != NULL && bridge_isced_get_label (isced) != NULL
                      ? bridge_isced_get_label (isced) : "");

  for (guint i = 0; i < 2; i++)
    {
      BridgePlanSide side = i == 0 ? BRIDGE_PLAN_SIDE_HOME : BRIDGE_PLAN_SIDE_HOST;
      const char *id = bridge_plan_get_institution (self->plan, side)->university;
      GtkWidget *university = g_hash_table_lookup (self->children, i == 0 ? "sending-university" : "receiving-university");
      BridgeUniversity *u = id != NULL && self->context != NULL
                            ? bridge_context_find_university (self->context, id) : NULL;
      g_autofree char *subtitle = NULL;

      if (id == NULL)
        subtitle = g_strdup (side == BRIDGE_PLAN_SIDE_HOME ? _("Not chosen")
                                                           : _("Chosen with the first course"));
      else if (u != NULL && bridge_university_get_hei_id (u) != NULL)
        /* Translators: a university's name and its Erasmus Without Paper id */
        subtitle = g_strdup_printf (_("%s · %s"), bridge_context_university_name (self->context, id),
                                    bridge_university_get_hei_id (u));
      else
        subtitle = g_strdup (self->context != NULL ? bridge_context_university_name (self->context, id) : id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (university), subtitle);
    }

  fill_terms (self);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->provisions_view)) &&
      g_strcmp0 (shown, provisions != NULL ? provisions : "") != 0)
    gtk_text_buffer_set_text (buffer, provisions != NULL ? provisions : "", -1);
  gtk_text_view_set_editable (self->provisions_view, !locked);

  /* Combos and checks cannot be made read-only: insensitive instead. */
  gtk_widget_set_sensitive (g_hash_table_lookup (self->children, "student-gender"), !locked);
  gtk_widget_set_sensitive (g_hash_table_lookup (self->children, "student-cycle"), !locked);
  gtk_widget_set_sensitive (g_hash_table_lookup (self->children, "student-language"), !locked);
  gtk_widget_set_sensitive (g_hash_table_lookup (self->children, "student-nationality"), !locked);
  gtk_widget_set_sensitive (g_hash_table_lookup (self->children, "student-cefr"), !locked);
  for (guint i = 0; i < self->terms_rows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->terms_rows, i), !locked);
}

static void
provisions_changed_cb (GtkTextBuffer       *buffer,
                       BridgeAgreementForm *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->plan == NULL || is_locked (self))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (g_strcmp0 (text[0] != '\0' ? text : NULL, bridge_plan_get_provisions (self->plan)) != 0)
    {
      g_autoptr(GError) error = NULL;

      bridge_plan_set_provisions (self->plan, text[0] != '\0' ? text : NULL, &error);
      bridge_agreement_show_problem (GTK_WIDGET (self->provisions_view), error != NULL ? error->message : NULL);
    }
}

static void
build_details (BridgeAgreementForm *self)
{
  GtkWidget *row, *label;

  add_entry (self, GTK_WIDGET (self->student_group), "student-name", _("Name"), INPUT_TEXT);
  add_entry (self, GTK_WIDGET (self->student_group), "student-number", _("Student number"), INPUT_TEXT);
  add_entry (self, GTK_WIDGET (self->student_group), "student-email", _("Email"), INPUT_EMAIL);
  add_entry (self, GTK_WIDGET (self->student_group), "student-birth-date",
             _("Date of birth (YYYY-MM-DD)"), INPUT_DATE);
  row = add_combo (self, "student-nationality", _("Nationality"), NULL);
  bridge_gui_combo_row_show_in_full (ADW_COMBO_ROW (row));
  add_combo (self, "student-gender", _("Gender"), NULL);
  add_combo (self, "student-cycle", _("Study cycle"), NULL);
  row = add_entry (self, GTK_WIDGET (self->student_group), "student-isced",
                   _("Field of education (ISCED-F code)"), INPUT_ISCED);
  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
  g_hash_table_insert (self->children, g_strdup ("student-isced-label"), label);
  add_combo (self, "student-language", _("Language of instruction"),
             _("The language the student declares for the courses"));
  add_combo (self, "student-cefr", _("Level in that language (CEFR)"), NULL);

  for (guint i = 0; i < 2; i++)
    {
      AdwPreferencesGroup *group = i == 0 ? self->sending_group : self->receiving_group;
      const char *prefix = i == 0 ? "sending" : "receiving";
      g_autofree char *university = g_strconcat (prefix, "-university", NULL);
      g_autofree char *faculty = g_strconcat (prefix, "-faculty", NULL);
      g_autofree char *name = g_strconcat (prefix, "-name", NULL);
      g_autofree char *position = g_strconcat (prefix, "-position", NULL);
      g_autofree char *email = g_strconcat (prefix, "-email", NULL);
      g_autofree char *cname = g_strconcat (prefix, "-contact-name", NULL);
      g_autofree char *cposition = g_strconcat (prefix, "-contact-position", NULL);
      g_autofree char *cemail = g_strconcat (prefix, "-contact-email", NULL);
      GtkWidget *contact;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("University"));
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (group, row);
      g_hash_table_insert (self->children, g_strdup (university), row);

      add_entry (self, GTK_WIDGET (group), faculty, _("Faculty or department"), INPUT_TEXT);
      add_entry (self, GTK_WIDGET (group), name, _("Responsible person"), INPUT_TEXT);
      add_entry (self, GTK_WIDGET (group), position, _("Their position"), INPUT_TEXT);
      add_entry (self, GTK_WIDGET (group), email, _("Their email"), INPUT_EMAIL);

      contact = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (contact), _("Administrative contact"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (contact), _("Optional"));
      adw_preferences_group_add (group, contact);
      add_entry (self, contact, cname, _("Name"), INPUT_TEXT);
      add_entry (self, contact, cposition, _("Position"), INPUT_TEXT);
      add_entry (self, contact, cemail, _("Email"), INPUT_EMAIL);
    }

  add_entry (self, GTK_WIDGET (self->mobility_group), "start-date", _("Start (YYYY-MM-DD)"), INPUT_DATE);
  add_entry (self, GTK_WIDGET (self->mobility_group), "end-date", _("End (YYYY-MM-DD)"), INPUT_DATE);
  add_entry (self, GTK_WIDGET (self->mobility_group), "academic-year",
             _("Academic year (such as 2026/2027)"), INPUT_YEAR);
  self->terms_row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->terms_row), C_("mobility period", "Terms"));
  adw_preferences_group_add (self->mobility_group, self->terms_row);
  g_hash_table_insert (self->children, g_strdup ("terms"), self->terms_row);
  g_hash_table_insert (self->children, g_strdup ("provisions"), self->provisions_view);

  g_signal_connect (gtk_text_view_get_buffer (self->provisions_view), "changed",
                    G_CALLBACK (provisions_changed_cb), self);
}

static void
bridge_agreement_form_dispose (GObject *object)
{
  BridgeAgreementForm *self = BRIDGE_AGREEMENT_FORM (object);
  GtkWidget *child;

  if (self->children != NULL)
    g_hash_table_remove_all (self->children);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_AGREEMENT_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_agreement_form_parent_class)->dispose (object);
}

static void
bridge_agreement_form_finalize (GObject *object)
{
  BridgeAgreementForm *self = BRIDGE_AGREEMENT_FORM (object);

  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->terms_rows, g_ptr_array_unref);
  g_clear_pointer (&self->terms_key, g_free);
  g_clear_pointer (&self->term_ids, g_ptr_array_unref);
  g_clear_pointer (&self->catalog_languages, g_ptr_array_unref);
  g_clear_pointer (&self->catalog_terms, g_ptr_array_unref);

  G_OBJECT_CLASS (bridge_agreement_form_parent_class)->finalize (object);
}

static void
bridge_agreement_form_class_init (BridgeAgreementFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_agreement_form_dispose;
  object_class->finalize = bridge_agreement_form_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-agreement-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementForm, student_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementForm, sending_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementForm, receiving_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementForm, mobility_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementForm, provisions_view);
}

static void
bridge_agreement_form_init (BridgeAgreementForm *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 24);

  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->terms_rows = g_ptr_array_new ();
  build_details (self);
}

void
bridge_agreement_form_set_context (BridgeAgreementForm *self,
                                   BridgeContext       *context)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_FORM (self));

  g_set_object (&self->context, context);
}

void
bridge_agreement_form_set_plan (BridgeAgreementForm *self,
                                BridgePlan          *plan)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_FORM (self));

  g_set_object (&self->plan, plan);
}

/* The catalog's languages and terms: SELECT DISTINCT over every course, so
 * read when the catalog changes, not on every keystroke. */
void
bridge_agreement_form_reload_catalog (BridgeAgreementForm *self)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_FORM (self));

  g_clear_pointer (&self->catalog_languages, g_ptr_array_unref);
  g_clear_pointer (&self->catalog_terms, g_ptr_array_unref);
  g_clear_pointer (&self->terms_key, g_free);
  if (get_catalog (self) != NULL)
    {
      self->catalog_languages = bridge_catalog_list_languages (get_catalog (self));
      self->catalog_terms = bridge_catalog_list_terms (get_catalog (self));
    }
}

void
bridge_agreement_form_update (BridgeAgreementForm *self)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_FORM (self));

  if (self->plan == NULL)
    return;
  self->updating = TRUE;
  update_details (self);
  self->updating = FALSE;
}

GtkWidget *
bridge_agreement_form_get_child (BridgeAgreementForm *self,
                                 const char          *name)
{
  g_return_val_if_fail (BRIDGE_IS_AGREEMENT_FORM (self), NULL);

  return g_hash_table_lookup (self->children, name);
}
