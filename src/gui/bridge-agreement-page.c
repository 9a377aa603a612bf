/* bridge-agreement-page.c
 *
 * The details are entry and combo rows made once; each writes to the plan
 * as it changes (a value that does not pass its check stays on screen,
 * marked, and is not written). The review, the commitment, the changes and
 * the versions are rebuilt from the plan when what they show changes; the
 * review rows are kept while only their values change, so typing a comment
 * does not lose the focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-agreement-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-agreement-page.h"
#include "bridge-error.h"
#include "bridge-gui-util.h"
#include "bridge-plan-page.h"
#include "bridge-results-view.h"
#include "bridge-validate.h"
#include "bridge-window.h"

/* How a detail is typed (its input purpose); core checks what is written. */
typedef enum
{
  CHECK_NONE,
  CHECK_EMAIL,
  CHECK_DATE,
  CHECK_ISCED,
  CHECK_YEAR,
} Check;

/* The review widgets of one recognition group. */
typedef struct
{
  BridgePlanGroup *group;
  GtkWidget       *status;                /* AdwComboRow */
  GtkWidget       *comment;               /* AdwEntryRow */
  GHashTable      *components;            /* "A:course" / "B:course" → GHashTable name → widget */
} ReviewGroup;

static void
review_group_free (ReviewGroup *review)
{
  g_clear_object (&review->group);
  g_clear_pointer (&review->components, g_hash_table_unref);
  g_free (review);
}

struct _BridgeAgreementPage
{
  AdwBin               parent_instance;

  BridgeContext       *context;
  BridgePlan          *plan;
  GHashTable          *children;          /* name → widget (not owned) */
  GPtrArray           *reviews;           /* ReviewGroup */
  char                *review_key;        /* what the review rows were built for */
  GPtrArray           *dynamic_rows;      /* rows of approvals/changes/versions groups */
  GPtrArray           *problem_rows;
  char                *terms_key;         /* what the term rows were built for */
  GPtrArray           *catalog_languages; /* read once per catalog import */
  GPtrArray           *catalog_terms;
  GPtrArray           *term_ids;
  GtkWidget           *terms_row;
  GPtrArray           *terms_rows;        /* the check rows, one per term */
  GtkWidget           *results_view;
  AdwMessageDialog    *dialog;            /* weak */
  guint                n_approvals;       /* before the last change */
  gboolean             updating;
  gboolean             withdrawing;

  /* template */
  GtkWidget           *status_box;
  GtkImage            *status_icon;
  GtkLabel            *status_title;
  GtkLabel            *status_description;
  GtkListBox          *problems_list;
  AdwPreferencesGroup *student_group;
  AdwPreferencesGroup *sending_group;
  AdwPreferencesGroup *receiving_group;
  AdwPreferencesGroup *mobility_group;
  GtkTextView         *provisions_view;
  GtkBox              *review_box;
  AdwPreferencesGroup *approvals_group;
  AdwPreferencesGroup *changes_group;
  AdwPreferencesGroup *versions_group;
  GtkBox              *results_box;
};

G_DEFINE_FINAL_TYPE (BridgeAgreementPage, bridge_agreement_page, ADW_TYPE_BIN)

static void update (BridgeAgreementPage *self);

/* The dialog open now, for tests; forgotten when it goes. */
static void
set_dialog (BridgeAgreementPage *self,
            AdwMessageDialog    *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  if (dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
}

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
get_catalog (BridgeAgreementPage *self)
{
  return self->context != NULL ? bridge_context_get_catalog (self->context) : NULL;
}

static gboolean
is_locked (BridgeAgreementPage *self)
{
  return self->plan != NULL && bridge_plan_get_locked (self->plan);
}

static guint
count_approvals (BridgePlan *plan,
                 gboolean    pending)
{
  guint n = 0;

  for (BridgePlanRole r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
    if ((pending ? bridge_plan_get_pending_approval (plan, r) : bridge_plan_get_approval (plan, r)) != NULL)
      n++;
  return n;
}

/* "2026-11-26 14:03" in local time, from RFC 3339; the text itself if it is not. */
static char *
format_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
component_title (const BridgePlanComponent *c)
{
  const char *title = c->title != NULL ? bridge_text_pick (c->title) : NULL;

  return title != NULL ? title : c->course_id;
}

static void
toast (BridgeAgreementPage *self,
       const char          *text)
{
  bridge_gui_toast (GTK_WIDGET (self), text);
}

static void
add_toast (BridgeAgreementPage *self,
           AdwToast            *new_toast)
{
  /* The last one, for tests to press its button. */
  g_object_set_data_full (G_OBJECT (self), "last-toast", g_object_ref_sink (new_toast), g_object_unref);
  bridge_gui_add_toast (GTK_WIDGET (self), g_object_ref (new_toast));
}

/* ------------------------------------------------------------------------ */
/* Checking what is typed                                                    */

/* Marks @row as holding a value that was not written, and says why. */
static void
show_problem (GtkWidget  *row,
              const char *problem)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "problem-icon");
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "problem-label");

  /* A detail's row says it in a line under it as well. */
  if (label != NULL)
    bridge_gui_field_set_error (row, label, problem);
  if (problem != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (icon != NULL)
    {
      gtk_widget_set_visible (icon, problem != NULL);
      gtk_widget_set_tooltip_text (icon, problem);
    }
  gtk_widget_set_tooltip_text (row, problem);
  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
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
detail_get (BridgeAgreementPage *self,
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
detail_set (BridgeAgreementPage *self,
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
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (editable), BRIDGE_TYPE_AGREEMENT_PAGE);
  BridgeAgreementPage *self = page != NULL ? BRIDGE_AGREEMENT_PAGE (page) : NULL;

  g_object_set_data (G_OBJECT (editable), "emptied", NULL);
  if (self != NULL && self->plan != NULL && !is_locked (self) &&
      *gtk_editable_get_text (editable) == '\0')
    {
      g_autofree char *problem = detail_set (self, g_object_get_data (G_OBJECT (editable), "key"), NULL);

      show_problem (GTK_WIDGET (editable), problem);
    }
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (GtkEditable         *editable,
                  BridgeAgreementPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (editable), "key");
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;

  if (self->updating || self->plan == NULL || is_locked (self))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (*text == '\0')
    {
      show_problem (GTK_WIDGET (editable), NULL);
      if (g_object_get_data (G_OBJECT (editable), "emptied") == NULL)
        {
          g_object_set_data (G_OBJECT (editable), "emptied", GINT_TO_POINTER (1));
          g_idle_add_full (G_PRIORITY_DEFAULT, entry_emptied_cb, g_object_ref (editable), g_object_unref);
        }
      return;
    }
  problem = detail_set (self, key, text);
  show_problem (GTK_WIDGET (editable), problem);
}

/* The line under @row that says why its value was not written: a row of
 * its own in the list, shown only then. */
static void
add_problem_row (BridgeAgreementPage *self,
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
add_entry (BridgeAgreementPage *self,
           GtkWidget           *parent,
           const char          *key,
           const char          *title,
           Check                check)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_visible (icon, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
  if (check == CHECK_EMAIL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
  else if (check == CHECK_DATE || check == CHECK_ISCED)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
  if (check == CHECK_DATE)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), bridge_gui_date_button_new (GTK_EDITABLE (row)));
  g_object_set_data (G_OBJECT (row), "problem-icon", icon);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (row), "check", GINT_TO_POINTER (check));
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
                  BridgeAgreementPage *self)
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
add_combo (BridgeAgreementPage *self,
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
fill_student_combos (BridgeAgreementPage *self)
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
                 BridgeAgreementPage *self)
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
term_name (BridgeAgreementPage *self,
           const char          *id)
{
  BridgeUniversity *host = NULL;

  if (self->context != NULL && bridge_plan_get_host_university (self->plan) != NULL)
    host = bridge_context_find_university (self->context, bridge_plan_get_host_university (self->plan));
  return bridge_term_get_label (host, id);
}

static void
fill_terms (BridgeAgreementPage *self)
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

static gboolean
focus_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
update_entry (BridgeAgreementPage *self,
              GtkWidget           *row,
              const char          *key)
{
  const char *value = detail_get (self, key);

  /* What the person is typing (perhaps not yet valid) stays. */
  if (focus_in (row))
    return;
  if (g_strcmp0 (value != NULL ? value : "", gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      show_problem (row, NULL);
    }
}

static void
update_details (BridgeAgreementPage *self)
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
                      isced != NULL && bridge_gui_isced_label (isced) != NULL
                      ? bridge_gui_isced_label (isced) : "");

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
                       BridgeAgreementPage *self)
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
      show_problem (GTK_WIDGET (self->provisions_view), error != NULL ? error->message : NULL);
    }
}

static void
build_details (BridgeAgreementPage *self)
{
  GtkWidget *row, *label;

  add_entry (self, GTK_WIDGET (self->student_group), "student-name", _("Name"), CHECK_NONE);
  add_entry (self, GTK_WIDGET (self->student_group), "student-number", _("Student number"), CHECK_NONE);
  add_entry (self, GTK_WIDGET (self->student_group), "student-email", _("Email"), CHECK_EMAIL);
  add_entry (self, GTK_WIDGET (self->student_group), "student-birth-date",
             _("Date of birth (YYYY-MM-DD)"), CHECK_DATE);
  row = add_combo (self, "student-nationality", _("Nationality"), NULL);
  bridge_gui_combo_row_show_in_full (ADW_COMBO_ROW (row));
  add_combo (self, "student-gender", _("Gender"), NULL);
  add_combo (self, "student-cycle", _("Study cycle"), NULL);
  row = add_entry (self, GTK_WIDGET (self->student_group), "student-isced",
                   _("Field of education (ISCED-F code)"), CHECK_ISCED);
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

      add_entry (self, GTK_WIDGET (group), faculty, _("Faculty or department"), CHECK_NONE);
      add_entry (self, GTK_WIDGET (group), name, _("Responsible person"), CHECK_NONE);
      add_entry (self, GTK_WIDGET (group), position, _("Their position"), CHECK_NONE);
      add_entry (self, GTK_WIDGET (group), email, _("Their email"), CHECK_EMAIL);

      contact = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (contact), _("Administrative contact"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (contact), _("Optional"));
      adw_preferences_group_add (group, contact);
      add_entry (self, contact, cname, _("Name"), CHECK_NONE);
      add_entry (self, contact, cposition, _("Position"), CHECK_NONE);
      add_entry (self, contact, cemail, _("Email"), CHECK_EMAIL);
    }

  add_entry (self, GTK_WIDGET (self->mobility_group), "start-date", _("Start (YYYY-MM-DD)"), CHECK_DATE);
  add_entry (self, GTK_WIDGET (self->mobility_group), "end-date", _("End (YYYY-MM-DD)"), CHECK_DATE);
  add_entry (self, GTK_WIDGET (self->mobility_group), "academic-year",
             _("Academic year (such as 2026/2027)"), CHECK_YEAR);
  self->terms_row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->terms_row), C_("mobility period", "Terms"));
  adw_preferences_group_add (self->mobility_group, self->terms_row);
  g_hash_table_insert (self->children, g_strdup ("terms"), self->terms_row);
  g_hash_table_insert (self->children, g_strdup ("provisions"), self->provisions_view);

  g_signal_connect (gtk_text_view_get_buffer (self->provisions_view), "changed",
                    G_CALLBACK (provisions_changed_cb), self);
}

/* ------------------------------------------------------------------------ */
/* Review                                                                    */

static const char *
side_letter (BridgePlanSide side)
{
  return side == BRIDGE_PLAN_SIDE_HOST ? "A" : "B";
}

static char *
component_key (BridgePlanSide  side,
               const char     *course_id)
{
  return g_strconcat (side_letter (side), ":", course_id, NULL);
}

static void
status_changed_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   BridgeAgreementPage *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (row), "group");
  BridgePlanGroupStatus status = adw_combo_row_get_selected (row);

  if (self->updating || status > BRIDGE_PLAN_GROUP_REJECTED ||
      status == bridge_plan_group_get_status (group))
    return;
  bridge_plan_set_group_status (self->plan, group, status);
}

static void
group_comment_changed_cb (GtkEditable         *editable,
                          BridgeAgreementPage *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (editable), "group");
  const char *text = gtk_editable_get_text (editable);

  if (self->updating)
    return;
  if (g_strcmp0 (*text != '\0' ? text : NULL, bridge_plan_group_get_comment (group)) != 0)
    {
      g_autoptr(GError) error = NULL;

      bridge_plan_set_group_comment (self->plan, group, *text != '\0' ? text : NULL, &error);
      show_problem (GTK_WIDGET (editable), error != NULL ? error->message : NULL);
    }
}

static void
component_comment_changed_cb (GtkEditable         *editable,
                              BridgeAgreementPage *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (editable), "group");
  const char *course_id = g_object_get_data (G_OBJECT (editable), "course-id");
  BridgePlanSide side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "side"));
  const BridgePlanComponent *c = bridge_plan_group_find_component (group, side, course_id, NULL);
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;

  if (self->updating || c == NULL)
    return;
  if (g_strcmp0 (*text != '\0' ? text : NULL, c->comment) != 0 &&
      !bridge_plan_set_component_comment (self->plan, group, side, course_id,
                                          *text != '\0' ? text : NULL, &error))
    toast (self, error->message);
}

static void
flag_changed_cb (GtkSwitch           *sw,
                 GParamSpec          *pspec,
                 BridgeAgreementPage *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (sw), "group");
  const char *course_id = g_object_get_data (G_OBJECT (sw), "course-id");
  BridgePlanSide side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sw), "side"));
  gboolean is_virtual = g_object_get_data (G_OBJECT (sw), "virtual") != NULL;
  const BridgePlanComponent *c = bridge_plan_group_find_component (group, side, course_id, NULL);
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (sw);

  if (self->updating || c == NULL)
    return;
  if (!bridge_plan_set_component_flags (self->plan, group, side, course_id,
                                        is_virtual ? c->automatic : active,
                                        is_virtual ? active : c->is_virtual, &error))
    {
      toast (self, error->message);
      self->updating = TRUE;
      gtk_switch_set_active (sw, !active);
      self->updating = FALSE;
    }
}

static void
propose_delete_clicked_cb (GtkButton           *button,
                           BridgeAgreementPage *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (button), "group");
  const char *course_id = g_object_get_data (G_OBJECT (button), "course-id");
  BridgePlanSide side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "side"));

  set_dialog (self, bridge_agreement_propose_change (GTK_WIDGET (self), self->context, self->plan,
                                                     BRIDGE_CHANGE_DELETE, group, side, course_id));
}

static void
tag_component (GtkWidget       *widget,
               BridgePlanGroup *group,
               BridgePlanSide   side,
               const char      *course_id)
{
  g_object_set_data_full (G_OBJECT (widget), "group", g_object_ref (group), g_object_unref);
  g_object_set_data_full (G_OBJECT (widget), "course-id", g_strdup (course_id), g_free);
  g_object_set_data (G_OBJECT (widget), "side", GUINT_TO_POINTER (side));
}

static char *
component_subtitle (const BridgePlanComponent *c,
                    BridgePlanSide             side)
{
  g_autofree char *credits = bridge_gui_format_number (c->credits);
  GString *s = g_string_new (NULL);

  /* Translators: "Table A · CS301 · 4 credits" */
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Table %s · %s · %s credit", "Table %s · %s · %s credits",
                                          bridge_text_plural_count (credits)),
                          side == BRIDGE_PLAN_SIDE_HOST ? C_("plan table", "A") : C_("plan table", "B"),
                          c->code != NULL ? c->code : c->course_id, credits);
  if (c->is_virtual)
    g_string_append (s, _(" · virtual"));
  if (c->automatic)
    g_string_append (s, _(" · automatic recognition"));
  if (c->unknown)
    g_string_append (s, _(" · no longer in the catalog"));
  return g_string_free (s, FALSE);
}

static GtkWidget *
switch_row (const char *title,
            const char *subtitle,
            GtkWidget **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  *out_switch = sw;
  return row;
}

static void
add_component_review (BridgeAgreementPage       *self,
                      ReviewGroup               *review,
                      AdwPreferencesGroup       *pref,
                      BridgePlanSide             side,
                      const BridgePlanComponent *c)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *comment = adw_entry_row_new ();
  GtkWidget *sw;
  GtkWidget *flag;
  g_autofree char *subtitle = component_subtitle (c, side);
  g_autofree char *key = component_key (side, c->course_id);
  GHashTable *widgets = g_hash_table_new (g_str_hash, g_str_equal);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), component_title (c));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (c->unknown)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("This course is no longer in the catalog; the plan keeps what it recorded"));
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
    }
  g_hash_table_insert (widgets, "row", row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), _("Comment"));
  tag_component (comment, review->group, side, c->course_id);
  gtk_editable_set_text (GTK_EDITABLE (comment), c->comment != NULL ? c->comment : "");
  g_signal_connect (comment, "changed", G_CALLBACK (component_comment_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), comment);
  g_hash_table_insert (widgets, "comment", comment);
  if (c->comment != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  flag = switch_row (_("Virtual component"), _("Taken at a distance (Erasmus+ Table A2 and B2)"), &sw);
  gtk_switch_set_active (GTK_SWITCH (sw), c->is_virtual);
  tag_component (sw, review->group, side, c->course_id);
  g_object_set_data (G_OBJECT (sw), "virtual", GINT_TO_POINTER (1));
  g_signal_connect (sw, "notify::active", G_CALLBACK (flag_changed_cb), self);
  gtk_widget_set_sensitive (flag, !is_locked (self));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), flag);
  g_hash_table_insert (widgets, "virtual", sw);

  if (side == BRIDGE_PLAN_SIDE_HOME)
    {
      flag = switch_row (_("Automatic recognition"),
                         _("Recognised without further conditions"), &sw);
      gtk_switch_set_active (GTK_SWITCH (sw), c->automatic);
      tag_component (sw, review->group, side, c->course_id);
      g_signal_connect (sw, "notify::active", G_CALLBACK (flag_changed_cb), self);
      gtk_widget_set_sensitive (flag, !is_locked (self));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), flag);
      g_hash_table_insert (widgets, "automatic", sw);
    }

  if (is_locked (self))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *tooltip = NULL;

      /* Translators: %s is a course title */
      tooltip = g_strdup_printf (_("Propose deleting “%s” from the agreement…"), component_title (c));
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      tag_component (button, review->group, side, c->course_id);
      g_signal_connect (button, "clicked", G_CALLBACK (propose_delete_clicked_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
      g_hash_table_insert (widgets, "propose-delete", button);
    }

  adw_preferences_group_add (pref, row);
  g_hash_table_insert (review->components, g_steal_pointer (&key), widgets);
}

/* Group ids, components and the lock: when these change, the rows change. */
static char *
review_key (BridgeAgreementPage *self)
{
  GString *key = g_string_new (is_locked (self) ? "L" : "U");

  for (guint i = 0; i < bridge_plan_get_n_groups (self->plan); i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self->plan, i);

      g_string_append_printf (key, "|%s", bridge_plan_group_get_id (group));
      for (BridgePlanSide side = BRIDGE_PLAN_SIDE_HOST; side <= BRIDGE_PLAN_SIDE_HOME; side++)
        for (guint j = 0; j < bridge_plan_group_get_n_components (group, side); j++)
          {
            const BridgePlanComponent *c = bridge_plan_group_get_component (group, side, j);

            g_string_append_printf (key, ",%s%s%d", side_letter (side), c->course_id, c->unknown);
          }
    }
  return g_string_free (key, FALSE);
}

static char *
group_summary (BridgePlanGroup *group)
{
  GString *s = g_string_new (NULL);

  for (BridgePlanSide side = BRIDGE_PLAN_SIDE_HOST; side <= BRIDGE_PLAN_SIDE_HOME; side++)
    {
      guint n = bridge_plan_group_get_n_components (group, side);

      if (side == BRIDGE_PLAN_SIDE_HOME)
        g_string_append (s, " → ");
      for (guint j = 0; j < n; j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (group, side, j);

          if (j > 0)
            g_string_append (s, _(", "));
          g_string_append (s, c->code != NULL ? c->code : c->course_id);
        }
      if (n == 0)
        g_string_append (s, side == BRIDGE_PLAN_SIDE_HOST ? _("no host course")
                                                          : _("no home course yet"));
    }
  return g_string_free (s, FALSE);
}

static void
build_review (BridgeAgreementPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  bridge_gui_box_remove_all (self->review_box);
  g_ptr_array_set_size (self->reviews, 0);

  for (BridgePlanGroupStatus s = BRIDGE_PLAN_GROUP_PROPOSED; s <= BRIDGE_PLAN_GROUP_REJECTED; s++)
    gtk_string_list_append (statuses, bridge_plan_group_status_get_label (s));

  for (guint i = 0; i < bridge_plan_get_n_groups (self->plan); i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self->plan, i);
      ReviewGroup *review = g_new0 (ReviewGroup, 1);
      GtkWidget *pref = adw_preferences_group_new ();
      g_autofree char *title = NULL;
      g_autofree char *summary = group_summary (group);

      review->group = g_object_ref (group);
      review->components = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_hash_table_unref);
      /* Translators: the review of a recognition group of the plan, numbered from 1 */
      title = g_strdup_printf (_("Review of Recognition Group %u"), i + 1);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (pref), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (pref), summary);

      review->status = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (review->status), _("Status"));
      adw_combo_row_set_model (ADW_COMBO_ROW (review->status), G_LIST_MODEL (statuses));
      adw_combo_row_set_selected (ADW_COMBO_ROW (review->status), bridge_plan_group_get_status (group));
      g_object_set_data_full (G_OBJECT (review->status), "group", g_object_ref (group), g_object_unref);
      g_signal_connect (review->status, "notify::selected", G_CALLBACK (status_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref), review->status);

      review->comment = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (review->comment), _("Comment on the group"));
      gtk_editable_set_text (GTK_EDITABLE (review->comment),
                             bridge_plan_group_get_comment (group) != NULL ? bridge_plan_group_get_comment (group) : "");
      g_object_set_data_full (G_OBJECT (review->comment), "group", g_object_ref (group), g_object_unref);
      g_signal_connect (review->comment, "changed", G_CALLBACK (group_comment_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref), review->comment);

      for (BridgePlanSide side = BRIDGE_PLAN_SIDE_HOST; side <= BRIDGE_PLAN_SIDE_HOME; side++)
        for (guint j = 0; j < bridge_plan_group_get_n_components (group, side); j++)
          add_component_review (self, review, ADW_PREFERENCES_GROUP (pref), side,
                                bridge_plan_group_get_component (group, side, j));

      gtk_box_append (self->review_box, pref);
      g_ptr_array_add (self->reviews, review);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->review_box), self->reviews->len > 0);
}

static void
set_text_unless_focused (GtkWidget  *entry,
                         const char *text)
{
  if (!focus_in (entry) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/* Values only: statuses and comments changed elsewhere (or by undo). */
static void
refresh_review (BridgeAgreementPage *self)
{
  for (guint i = 0; i < self->reviews->len; i++)
    {
      ReviewGroup *review = g_ptr_array_index (self->reviews, i);

      if (adw_combo_row_get_selected (ADW_COMBO_ROW (review->status)) != bridge_plan_group_get_status (review->group))
        adw_combo_row_set_selected (ADW_COMBO_ROW (review->status), bridge_plan_group_get_status (review->group));
      set_text_unless_focused (review->comment, bridge_plan_group_get_comment (review->group));
      for (BridgePlanSide side = BRIDGE_PLAN_SIDE_HOST; side <= BRIDGE_PLAN_SIDE_HOME; side++)
        for (guint j = 0; j < bridge_plan_group_get_n_components (review->group, side); j++)
          {
            const BridgePlanComponent *c = bridge_plan_group_get_component (review->group, side, j);
            g_autofree char *key = component_key (side, c->course_id);
            GHashTable *widgets = g_hash_table_lookup (review->components, key);

            GtkWidget *sw;
            g_autofree char *subtitle = NULL;

            if (widgets == NULL)
              continue;
            set_text_unless_focused (g_hash_table_lookup (widgets, "comment"), c->comment);
            subtitle = component_subtitle (c, side);
            adw_expander_row_set_subtitle (g_hash_table_lookup (widgets, "row"), subtitle);
            sw = g_hash_table_lookup (widgets, "virtual");
            if (gtk_switch_get_active (GTK_SWITCH (sw)) != c->is_virtual)
              gtk_switch_set_active (GTK_SWITCH (sw), c->is_virtual);
            sw = g_hash_table_lookup (widgets, "automatic");
            if (sw != NULL && gtk_switch_get_active (GTK_SWITCH (sw)) != c->automatic)
              gtk_switch_set_active (GTK_SWITCH (sw), c->automatic);
          }
    }
}

/* ------------------------------------------------------------------------ */
/* Approvals                                                                 */

typedef struct
{
  BridgeAgreementPage *page;              /* weak: the dialog is modal over it */
  BridgePlan          *plan;
  BridgePlanRole       role;
  gboolean             pending;           /* of the changes proposal */
  GtkWidget           *name;
  GtkWidget           *position;
  GtkWidget           *email;
} Approval;

static void
approval_free (gpointer data)
{
  Approval *a = data;

  if (a->page != NULL)
    g_object_remove_weak_pointer (G_OBJECT (a->page), (gpointer *) &a->page);
  g_clear_object (&a->plan);
  g_free (a);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
approval_validate (Approval *a)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (a->name));
  const char *position = gtk_editable_get_text (GTK_EDITABLE (a->position));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (a->email));
  gboolean person = a->role != BRIDGE_PLAN_ROLE_STUDENT;
  g_autoptr(GError) email_problem = NULL;
  gboolean ok;

  bridge_validate_email (_("The approver’s email address"), email, &email_problem);
  show_problem (a->email, email_problem != NULL ? email_problem->message : NULL);
  ok = !is_blank (name) && email_problem == NULL &&
       (!person || (!is_blank (position) && *email != '\0'));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (gtk_widget_get_root (a->name)),
                                           "approve", ok);
}

static void
approval_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Approval         *a)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_autofree char *email = NULL;
  BridgePlanPerson person = { 0 };
  gboolean was_locked;

  if (!g_str_equal (response, "approve"))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (a->name))));
  position = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (a->position))));
  email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (a->email))));
  person.name = name;
  person.position = *position != '\0' ? position : NULL;
  person.email = *email != '\0' ? email : NULL;

  was_locked = bridge_plan_get_locked (a->plan);
  if (!bridge_plan_approve (a->plan, a->role, &person, NULL, &error))
    {
      if (a->page != NULL)
        toast (a->page, error->message);
      return;
    }
  if (a->page == NULL)
    return;
  if (!was_locked && bridge_plan_get_locked (a->plan))
    toast (a->page, _("Approved by all three: the learning agreement is locked"));
  else if (a->pending && bridge_plan_get_pending_changes (a->plan) == NULL)
    toast (a->page, _("Approved by all three: the changes now apply"));
  else
    toast (a->page, _("Approval recorded"));
}

static GtkWidget *
dialog_entry (GtkWidget  *list,
              const char *name,
              const char *title,
              const char *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static const char *
role_heading (BridgePlanRole role,
              gboolean       pending)
{
  switch (role)
    {
    case BRIDGE_PLAN_ROLE_STUDENT:
      return pending ? _("Approve the Changes as the Student") : _("Approve as the Student");
    case BRIDGE_PLAN_ROLE_SENDING:
      return pending ? _("Approve the Changes for the Sending Institution")
                     : _("Approve for the Sending Institution");
    case BRIDGE_PLAN_ROLE_RECEIVING:
    case BRIDGE_PLAN_N_ROLES:
    default:
      return pending ? _("Approve the Changes for the Receiving Institution")
                     : _("Approve for the Receiving Institution");
    }
}

void
bridge_agreement_page_approve (BridgeAgreementPage *self,
                               BridgePlanRole       role)
{
  GtkWidget *dialog, *list;
  Approval *a;
  BridgePlanPerson prefill = { 0 };
  g_autofree char *body = NULL;
  GPtrArray *pending;
  GtkRoot *root;

  g_return_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self));
  g_return_if_fail (role < BRIDGE_PLAN_N_ROLES);
  g_return_if_fail (self->plan != NULL);

  pending = bridge_plan_get_pending_changes (self->plan);
  if (role == BRIDGE_PLAN_ROLE_STUDENT)
    {
      prefill.name = bridge_plan_get_student (self->plan)->name;
      prefill.email = bridge_plan_get_student (self->plan)->email;
    }
  else
    prefill = bridge_plan_get_institution (self->plan, role == BRIDGE_PLAN_ROLE_SENDING
                                                       ? BRIDGE_PLAN_SIDE_HOME
                                                       : BRIDGE_PLAN_SIDE_HOST)->responsible;

  if (bridge_plan_get_locked (self->plan) && pending != NULL)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This approves the changes proposal of %u change. "
                                         "It applies once the student and both responsible persons approve it.",
                                         "This approves the changes proposal of %u changes. "
                                         "They apply once the student and both responsible persons approve them.",
                                         pending->len), pending->len);
  else
    body = g_strdup (_("This approves the learning agreement as it stands. Once the student and "
                       "both responsible persons approve it, it is locked: later changes need a "
                       "changes proposal, approved in turn."));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   role_heading (role, pending != NULL), body);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who approves"), -1);

  a = g_new0 (Approval, 1);
  a->page = self;
  a->plan = g_object_ref (self->plan);
  a->role = role;
  a->pending = pending != NULL;
  a->name = dialog_entry (list, "name", _("Name"), prefill.name);
  a->position = dialog_entry (list, "position",
                              role == BRIDGE_PLAN_ROLE_STUDENT ? _("Position (optional)") : _("Position"),
                              prefill.position);
  a->email = dialog_entry (list, "email",
                           role == BRIDGE_PLAN_ROLE_STUDENT ? _("Email (optional)") : _("Email"),
                           prefill.email);
  {
    GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

    gtk_widget_add_css_class (icon, "error");
    gtk_widget_set_visible (icon, FALSE);
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (a->email), icon);
    g_object_set_data (G_OBJECT (a->email), "problem-icon", icon);
  }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "approve", _("_Approve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "approval", a, approval_free);
  g_signal_connect (dialog, "response", G_CALLBACK (approval_response_cb), a);
  g_signal_connect_swapped (a->name, "changed", G_CALLBACK (approval_validate), a);
  g_signal_connect_swapped (a->position, "changed", G_CALLBACK (approval_validate), a);
  g_signal_connect_swapped (a->email, "changed", G_CALLBACK (approval_validate), a);
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &a->page);
  approval_validate (a);

  set_dialog (self, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve_clicked_cb (GtkButton           *button,
                    BridgeAgreementPage *self)
{
  bridge_agreement_page_approve (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "role")));
}

/* What Undo needs to give a withdrawn approval back, as it was. */
typedef struct
{
  BridgePlan        *plan;
  BridgePlanRole     role;
  BridgePlanPerson   person;
  char              *timestamp;
} Withdrawal;

static void
withdrawal_free (gpointer data)
{
  Withdrawal *w = data;

  g_clear_object (&w->plan);
  bridge_plan_person_clear (&w->person);
  g_free (w->timestamp);
  g_free (w);
}

static void
undo_withdraw_cb (AdwToast            *undo,
                  BridgeAgreementPage *self)
{
  Withdrawal *w = g_object_get_data (G_OBJECT (undo), "withdrawal");
  g_autoptr(GError) error = NULL;

  if (w->plan == self->plan &&
      !bridge_plan_approve (w->plan, w->role, &w->person, w->timestamp, &error))
    toast (self, error->message);
}

static void
withdraw_clicked_cb (GtkButton           *button,
                     BridgeAgreementPage *self)
{
  BridgePlanRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "role"));
  gboolean pending = bridge_plan_get_locked (self->plan);
  const BridgePlanApproval *a = pending ? bridge_plan_get_pending_approval (self->plan, role)
                                        : bridge_plan_get_approval (self->plan, role);
  g_autoptr(GError) error = NULL;
  Withdrawal *w;
  AdwToast *undo;

  g_return_if_fail (a != NULL);
  w = g_new0 (Withdrawal, 1);
  w->plan = g_object_ref (self->plan);
  w->role = role;
  bridge_plan_person_copy (&a->person, &w->person);
  w->timestamp = g_strdup (a->timestamp);

  self->withdrawing = TRUE;
  if (!bridge_plan_withdraw_approval (self->plan, role, &error))
    {
      toast (self, error->message);
      withdrawal_free (w);
    }
  else
    {
      undo = adw_toast_new (_("Approval withdrawn"));
      adw_toast_set_button_label (undo, _("_Undo"));
      g_object_set_data_full (G_OBJECT (undo), "withdrawal", w, withdrawal_free);
      g_signal_connect_object (undo, "button-clicked", G_CALLBACK (undo_withdraw_cb), self, 0);
      add_toast (self, undo);
    }
  self->withdrawing = FALSE;
}

static void
add_dynamic (BridgeAgreementPage *self,
             AdwPreferencesGroup *group,
             GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);
}

/* What the agreement lacks before its first approval (empty once locked). */
static GPtrArray *
missing_items (BridgeAgreementPage *self)
{
  if (is_locked (self))
    return g_ptr_array_new_with_free_func (g_free);
  return bridge_plan_check_ready (self->plan);
}

/* Why the approve buttons are insensitive, or NULL when they are not. */
static char *
approve_blocked_reason (BridgeAgreementPage *self,
                        GPtrArray           *missing)
{
  g_autoptr(GString) s = NULL;

  if (bridge_plan_get_modified_after_approval (self->plan))
    return g_strdup (_("The file was changed after it was approved; the approvals no longer match"));
  if (missing->len == 0)
    return NULL;
  s = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                 "The agreement cannot be approved yet; it lacks this:",
                                 "The agreement cannot be approved yet; it lacks these:",
                                 missing->len));
  for (guint i = 0; i < missing->len; i++)
    g_string_append_printf (s, "\n• %s", (const char *) g_ptr_array_index (missing, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
is_checklist_child (gpointer key,
                    gpointer value,
                    gpointer data)
{
  return g_str_has_prefix (key, "missing-");
}

/* The checklist above the approvals: one row per missing item. */
static void
add_checklist (BridgeAgreementPage *self,
               GPtrArray           *missing)
{
  g_hash_table_foreach_remove (self->children, is_checklist_child, NULL);
  for (guint i = 0; i < missing->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *name = g_strdup_printf ("missing-%u", i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (missing, i));
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Missing"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_name (row, name);
      add_dynamic (self, self->approvals_group, row);
      g_hash_table_insert (self->children, g_steal_pointer (&name), row);
    }
}

static GtkWidget *
approval_row (BridgeAgreementPage *self,
              BridgePlanRole       role,
              gboolean             pending,
              const char          *blocked)
{
  const BridgePlanApproval *a = pending ? bridge_plan_get_pending_approval (self->plan, role)
                                        : bridge_plan_get_approval (self->plan, role);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  const char *role_name = bridge_plan_role_to_string (role);
  g_autofree char *child = g_strconcat (pending ? "pending-" : "", a != NULL ? "withdraw-" : "approve-",
                                        role_name, NULL);
  g_autofree char *row_name = g_strconcat (pending ? "pending-" : "", "approval-", role_name, NULL);
  GtkWidget *icon;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bridge_plan_role_get_label (role));
  if (a != NULL)
    {
      g_autofree char *when = format_timestamp (a->timestamp);
      g_autofree char *who = NULL;
      g_autofree char *subtitle = NULL;

      if (a->person.position != NULL && a->person.email != NULL)
        /* Translators: an approver: name (position, email) */
        who = g_strdup_printf (_("%s (%s, %s)"), a->person.name, a->person.position, a->person.email);
      else if (a->person.email != NULL)
        who = g_strdup_printf (_("%s (%s)"), a->person.name, a->person.email);
      else
        who = g_strdup (a->person.name);
      /* Translators: who approved and when */
      subtitle = g_strdup_printf (_("Approved by %s on %s"), who, when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Approved"), -1);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not approved yet"));
      icon = gtk_image_new_from_icon_name ("content-loading-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Waiting"), -1);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (a == NULL)
    {
      button = gtk_button_new_with_mnemonic (_("_Approve…"));
      g_signal_connect (button, "clicked", G_CALLBACK (approve_clicked_cb), self);
      /* Insensitive, and the tooltip says why: core's readiness check. */
      gtk_widget_set_sensitive (button, blocked == NULL);
      gtk_widget_set_tooltip_text (button, blocked);
    }
  else if (pending || !bridge_plan_get_locked (self->plan))
    {
      button = gtk_button_new_with_mnemonic (_("_Withdraw"));
      gtk_widget_set_tooltip_text (button, _("Withdraw this approval"));
      g_signal_connect (button, "clicked", G_CALLBACK (withdraw_clicked_cb), self);
    }
  else
    button = NULL;
  if (button != NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "role", GUINT_TO_POINTER (role));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_hash_table_insert (self->children, g_steal_pointer (&child), button);
    }
  g_hash_table_insert (self->children, g_steal_pointer (&row_name), row);
  return row;
}

/* ------------------------------------------------------------------------ */
/* Changes and versions                                                      */

static char *
describe_change (BridgeAgreementPage    *self,
                 const BridgePlanChange *change)
{
  const char *title = component_title (change->component);
  const char *code = change->component->code != NULL ? change->component->code : change->component->course_id;

  if (change->kind == BRIDGE_CHANGE_DELETE)
    return change->side == BRIDGE_PLAN_SIDE_HOST
           /* Translators: a change: course code, course title */
           ? g_strdup_printf (_("Delete %s “%s” from Table A"), code, title)
           : g_strdup_printf (_("Delete %s “%s” from Table B"), code, title);
  if (change->group_id == NULL)
    return g_strdup_printf (_("Add %s “%s” to Table A, in a new group"), code, title);
  return change->side == BRIDGE_PLAN_SIDE_HOST
         ? g_strdup_printf (_("Add %s “%s” to Table A"), code, title)
         : g_strdup_printf (_("Add %s “%s” to Table B"), code, title);
}

static char *
change_reason (const BridgePlanChange *change)
{
  if (change->reason == BRIDGE_CHANGE_REASON_OTHER && change->reason_text != NULL)
    /* Translators: "Other: the reason as written" */
    return g_strdup_printf (_("%s: %s"), bridge_change_reason_get_label (change->reason), change->reason_text);
  if (change->reason_text != NULL)
    return g_strdup_printf (_("%s: %s"), bridge_change_reason_get_label (change->reason), change->reason_text);
  return g_strdup (bridge_change_reason_get_label (change->reason));
}

static void
propose_add_chosen (gpointer    user_data,
                    const char *course_id)
{
  bridge_agreement_page_propose_add (user_data, course_id);
}

static void
discard_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     BridgeAgreementPage *self)
{
  if (g_str_equal (response, "discard") && bridge_plan_get_pending_changes (self->plan) != NULL)
    {
      bridge_plan_discard_changes (self->plan);
      toast (self, _("Changes proposal discarded"));
    }
}

static void
discard_clicked_cb (BridgeAgreementPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Discard the Changes Proposal?"),
                                   _("Its changes and the approvals given to it are dropped. "
                                     "The approved agreement stays as it is."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  set_dialog (self, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
build_changes (BridgeAgreementPage *self)
{
  GPtrArray *pending = bridge_plan_get_pending_changes (self->plan);
  gboolean locked = is_locked (self);
  GtkWidget *row, *buttons, *add, *discard;

  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), locked);
  if (!locked)
    return;

  adw_preferences_group_set_description (self->changes_group,
                                         pending == NULL
                                         ? _("To change the approved agreement, propose deleting a component (from its review above) or adding a course. The student and both responsible persons approve each proposal.")
                                         : _("The proposal applies once the student and both responsible persons approve it."));

  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      BridgePlanChange *change = g_ptr_array_index (pending, i);
      g_autofree char *title = describe_change (self, change);
      g_autofree char *reason = change_reason (change);
      GtkWidget *icon = gtk_image_new_from_icon_name (change->kind == BRIDGE_CHANGE_DELETE
                                                      ? "list-remove-symbolic" : "list-add-symbolic");

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      change->kind == BRIDGE_CHANGE_DELETE ? _("Deletion") : _("Addition"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      add_dynamic (self, self->changes_group, row);
    }
  if (pending != NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();
      g_autofree char *blocked = approve_blocked_reason (self, none);

      for (BridgePlanRole r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
        add_dynamic (self, self->changes_group, approval_row (self, r, TRUE, blocked));
    }

  /* A column: the two buttons side by side would not fit at 360 px. */
  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  add = bridge_plan_course_chooser_new (self->context, self->plan, BRIDGE_PLAN_SIDE_HOST,
                                        _("Propose _Adding a Course…"),
                                        _("Propose adding a course of the host university, in a new recognition group"),
                                        propose_add_chosen, self);
  gtk_box_append (GTK_BOX (buttons), add);
  g_hash_table_insert (self->children, g_strdup ("propose-add"), add);
  if (pending != NULL)
    {
      discard = gtk_button_new_with_mnemonic (_("_Discard Proposal…"));
      gtk_widget_add_css_class (discard, "destructive-action");
      g_signal_connect_swapped (discard, "clicked", G_CALLBACK (discard_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), discard);
      g_hash_table_insert (self->children, g_strdup ("discard-changes"), discard);
    }
  add_dynamic (self, self->changes_group, buttons);
}

void
bridge_agreement_page_propose_add (BridgeAgreementPage *self,
                                   const char          *course_id)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self));
  g_return_if_fail (course_id != NULL);

  set_dialog (self, bridge_agreement_propose_change (GTK_WIDGET (self), self->context, self->plan,
                                                     BRIDGE_CHANGE_ADD, NULL, BRIDGE_PLAN_SIDE_HOST,
                                                     course_id));
}

static void
build_versions (BridgeAgreementPage *self)
{
  guint n = bridge_plan_get_n_versions (self->plan);

  gtk_widget_set_visible (GTK_WIDGET (self->versions_group), n > 0);
  for (guint v = 1; v <= n; v++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *when = format_timestamp (bridge_plan_get_version_timestamp (self->plan, v));
      g_autofree char *subtitle = NULL;
      GPtrArray *changes = v > 1 ? bridge_plan_get_version_changes (self->plan, v) : NULL;   /* transfer none */

      /* Translators: a version of the agreement, numbered from 1 */
      title = g_strdup_printf (_("Version %u"), v);
      if (v == 1)
        /* Translators: %s is a date and time */
        subtitle = g_strdup_printf (_("The first agreement, approved on %s"), when);
      else
        {
          GString *s = g_string_new (NULL);

          /* Translators: %s is a date and time */
          g_string_append_printf (s, _("Approved on %s"), when);
          for (guint i = 0; changes != NULL && i < changes->len; i++)
            {
              g_autofree char *what = describe_change (self, g_ptr_array_index (changes, i));
              g_autofree char *reason = change_reason (g_ptr_array_index (changes, i));

              g_string_append_printf (s, "\n%s — %s", what, reason);
            }
          subtitle = g_string_free (s, FALSE);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (v == n)
        {
          GtkWidget *label = gtk_label_new (_("Current"));

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      add_dynamic (self, self->versions_group, row);
    }
}

/* ------------------------------------------------------------------------ */
/* Where the agreement stands                                                */

static GtkWidget *
add_problem (BridgeAgreementPage *self,
             const char          *icon_name,
             const char          *style,
             const char          *title,
             const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->problems_list, row);
  g_ptr_array_add (self->problem_rows, row);
  return row;
}

/* An approved agreement that lacks what its exports need cannot be edited:
 * its content goes into a new draft, approved again; the file stays the
 * record of what was approved. */
static void
reopen_clicked_cb (BridgeAgreementPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) draft = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!BRIDGE_IS_WINDOW (root))
    return;
  if (bridge_plan_get_modified (self->plan))
    {
      toast (self, _("Save the agreement first, so that its review and grades are kept"));
      return;
    }
  draft = bridge_plan_new_draft_from (self->plan, &error);
  if (draft == NULL)
    {
      toast (self, error->message);
      return;
    }
  bridge_plan_page_open_draft (BRIDGE_PLAN_PAGE (bridge_window_get_page (BRIDGE_WINDOW (root), "plan")), draft);
  toast (self, _("A new draft of the agreement: correct what it lacks, save it under a new name, and have it approved again"));
}

static void
add_reopen_problem (BridgeAgreementPage *self)
{
  g_autoptr(GPtrArray) lacking = bridge_plan_check_ready (self->plan);
  g_autofree char *list = NULL;
  GtkWidget *row, *button;

  if (lacking->len == 0)
    return;
  g_ptr_array_add (lacking, NULL);
  list = g_strjoinv ("\n", (char **) lacking->pdata);
  row = add_problem (self, "dialog-warning-symbolic", "warning",
                     _("This approved agreement lacks what its exports need"), list);
  button = gtk_button_new_with_mnemonic (_("_Reopen as New Draft"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Opens a new draft with what this agreement says, to correct and "
                                         "approve again; this file stays the record of what was approved"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (reopen_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_hash_table_insert (self->children, g_strdup ("reopen-draft"), button);
}

static void
update_status (BridgeAgreementPage *self)
{
  gboolean locked = is_locked (self);
  GPtrArray *pending = bridge_plan_get_pending_changes (self->plan);
  guint n_versions = bridge_plan_get_n_versions (self->plan);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *why = NULL;
  BridgePlanApprovalState state = bridge_plan_get_approval_state (self->plan, &why);
  const char *icon, *style;

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    {
      icon = "dialog-error-symbolic";
      style = "error";
      title = g_strdup (_("Not Approved"));
      /* Translators: the reason, from “the plan was changed after the student approved it” */
      description = g_strdup_printf (_("The approvals in this file do not hold: %s."), why);
    }
  else if (locked && pending != NULL)
    {
      icon = "document-edit-symbolic";
      style = "warning";
      /* Translators: %u of the three approvals */
      title = g_strdup_printf (_("Changes Proposed — %u of 3 Approvals"), count_approvals (self->plan, TRUE));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Version %u stays in force until the student and both responsible persons approve the %u proposed change.",
                                                  "Version %u stays in force until the student and both responsible persons approve the %u proposed changes.",
                                                  pending->len),
                                     n_versions, pending->len);
    }
  else if (locked)
    {
      g_autofree char *when = format_timestamp (bridge_plan_get_version_timestamp (self->plan, n_versions));

      icon = "changes-prevent-symbolic";
      style = "success";
      title = g_strdup (_("Approved and Locked"));
      /* Translators: version number, date */
      description = g_strdup_printf (_("Version %u, approved on %s. The plan can no longer be edited: "
                                       "a change is proposed, then approved by the student and both "
                                       "responsible persons in turn."), n_versions, when);
      if (state == BRIDGE_PLAN_APPROVAL_STATE_APPROVED_UNBOUND)
        {
          g_autofree char *with_note = g_strdup_printf ("%s\n%s %s.", description, _("Note:"), why);

          g_free (description);
          description = g_steal_pointer (&with_note);
        }
    }
  else if (bridge_plan_get_n_groups (self->plan) == 0)
    {
      icon = "document-edit-symbolic";
      style = "accent";
      title = g_strdup (_("Draft"));
      description = g_strdup (_("Add courses to the plan and say which home courses they replace; "
                                "fill in the details below; then the student and both responsible "
                                "persons approve the agreement."));
    }
  else
    {
      icon = "document-edit-symbolic";
      style = "accent";
      /* Translators: %u of the three approvals */
      title = g_strdup_printf (_("Draft — %u of 3 Approvals"), count_approvals (self->plan, FALSE));
      description = g_strdup (_("Once the student and both responsible persons approve, the agreement "
                                "is locked. Changing it before then withdraws the approvals given so far."));
    }
  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), style);
  gtk_label_set_text (self->status_title, title);
  gtk_label_set_text (self->status_description, description);

  for (guint i = 0; i < self->problem_rows->len; i++)
    gtk_list_box_remove (self->problems_list, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);
  g_hash_table_remove (self->children, "reopen-draft");

  if (locked && state != BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    add_reopen_problem (self);
  if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    {
      /* Translators: the reason, from “the plan was changed after the student approved it” */
      g_autofree char *problem = g_strdup_printf (_("Not approved: %s"), why);

      add_problem (self, "dialog-error-symbolic", "error", problem,
                   locked
                   ? _("The file was changed after it was approved, so its approvals no longer match. Open the approved file again.")
                   : _("The file was changed after it was approved, so its approvals no longer match. Withdraw them and approve again."));
    }
  for (guint i = 0; i < bridge_plan_get_n_groups (self->plan); i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self->plan, i);

      for (BridgePlanSide side = BRIDGE_PLAN_SIDE_HOST; side <= BRIDGE_PLAN_SIDE_HOME; side++)
        for (guint j = 0; j < bridge_plan_group_get_n_components (group, side); j++)
          {
            const BridgePlanComponent *c = bridge_plan_group_get_component (group, side, j);
            g_autofree char *problem = NULL;

            if (!c->unknown)
              continue;
            /* Translators: course code and title */
            problem = g_strdup_printf (_("%s “%s” is no longer in the catalog"),
                                       c->code != NULL ? c->code : c->course_id, component_title (c));
            add_problem (self, "dialog-warning-symbolic", "warning", problem,
                         _("The agreement keeps what it recorded of the course. Check it with the host university."));
          }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), self->problem_rows->len > 0);
}

/* ------------------------------------------------------------------------ */

static void
update (BridgeAgreementPage *self)
{
  g_autofree char *key = NULL;
  guint n_approvals;

  if (self->plan == NULL)
    return;

  self->updating = TRUE;

  update_status (self);
  update_details (self);

  key = review_key (self);
  if (g_strcmp0 (key, self->review_key) != 0)
    {
      g_free (self->review_key);
      self->review_key = g_steal_pointer (&key);
      build_review (self);
    }
  else
    refresh_review (self);

  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
  {
    g_autoptr(GPtrArray) missing = missing_items (self);
    g_autofree char *blocked = approve_blocked_reason (self, missing);

    add_checklist (self, missing);
    for (BridgePlanRole r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
      add_dynamic (self, self->approvals_group, approval_row (self, r, FALSE, blocked));
    adw_preferences_group_set_description (self->approvals_group,
                                           missing->len > 0
                                           ? _("The agreement needs what is listed here before the student, and the "
                                               "responsible persons of the sending and receiving institutions, can "
                                               "approve it. Each approval records the name, position, email and time.")
                                           : _("The student, and the responsible persons of the sending and "
                                               "receiving institutions, approve the agreement. Each approval "
                                               "records the name, position, email and time."));
  }
  build_changes (self);
  build_versions (self);

  /* Core withdraws approvals when what they committed to changes. */
  n_approvals = count_approvals (self->plan, FALSE);
  if (n_approvals < self->n_approvals && !self->withdrawing && !is_locked (self))
    toast (self, _("The agreement changed, so the approvals given so far were withdrawn"));
  self->n_approvals = n_approvals;

  self->updating = FALSE;
}

/* The button children are looked up by name; stale ones must go before a rebuild. */
static gboolean
is_button_child (gpointer key,
                 gpointer value,
                 gpointer data)
{
  return g_str_has_prefix (key, "approve-") || g_str_has_prefix (key, "withdraw-") ||
         g_str_has_prefix (key, "missing-") || g_str_equal (key, "reopen-draft") ||
         g_str_has_prefix (key, "pending-") || g_str_has_prefix (key, "approval-") ||
         g_str_equal (key, "propose-add") || g_str_equal (key, "discard-changes");
}

/* The catalog's languages and terms: SELECT DISTINCT over every course, so
 * read when the catalog changes, not on every keystroke. */
static void
context_changed_cb (BridgeAgreementPage *self)
{
  g_clear_pointer (&self->catalog_languages, g_ptr_array_unref);
  g_clear_pointer (&self->catalog_terms, g_ptr_array_unref);
  g_clear_pointer (&self->terms_key, g_free);
  if (get_catalog (self) != NULL)
    {
      self->catalog_languages = bridge_catalog_list_languages (get_catalog (self));
      self->catalog_terms = bridge_catalog_list_terms (get_catalog (self));
    }
  g_hash_table_foreach_remove (self->children, is_button_child, NULL);
  update (self);
}

static void
plan_changed_cb (BridgeAgreementPage *self)
{
  g_hash_table_foreach_remove (self->children, is_button_child, NULL);
  update (self);
}

/* ------------------------------------------------------------------------ */
/* Proposing a change                                                        */

typedef struct
{
  GtkWidget        *widget;               /* weak: for toasts */
  BridgeContext    *context;
  BridgePlan       *plan;
  BridgeChangeKind  kind;
  BridgePlanGroup  *group;
  BridgePlanSide    side;
  char             *course_id;
  GArray           *reasons;              /* BridgeChangeReason per combo item */
  GtkWidget        *reason;
  GtkWidget        *text;
} Proposal;

static void
proposal_free (gpointer data)
{
  Proposal *p = data;

  if (p->widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (p->widget), (gpointer *) &p->widget);
  g_clear_object (&p->context);
  g_clear_object (&p->plan);
  g_clear_object (&p->group);
  g_free (p->course_id);
  g_array_unref (p->reasons);
  g_free (p);
}

static BridgeChangeReason
proposal_reason (Proposal *p)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (p->reason));

  return g_array_index (p->reasons, BridgeChangeReason, MIN (selected, p->reasons->len - 1));
}

static void
proposal_validate (Proposal *p)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (p->text))));
  GtkWidget *dialog = GTK_WIDGET (gtk_widget_get_root (p->text));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "propose",
                                           proposal_reason (p) != BRIDGE_CHANGE_REASON_OTHER || *text != '\0');
}

static void
proposal_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Proposal         *p)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  if (!g_str_equal (response, "propose"))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (p->text))));
  if (p->kind == BRIDGE_CHANGE_DELETE)
    ok = bridge_plan_propose_delete (p->plan, p->group, p->side, p->course_id, proposal_reason (p),
                                     *text != '\0' ? text : NULL, &error);
  else
    ok = bridge_plan_propose_add (p->plan, p->context != NULL ? bridge_context_get_catalog (p->context) : NULL,
                                  p->group, p->side, p->course_id, proposal_reason (p),
                                  *text != '\0' ? text : NULL, &error);
  if (p->widget != NULL)
    bridge_gui_toast (p->widget, ok ? _("Change proposed: it applies once all three approve it")
                                    : error->message);
}

AdwMessageDialog *
bridge_agreement_propose_change (GtkWidget        *widget,
                                 BridgeContext    *context,
                                 BridgePlan       *plan,
                                 BridgeChangeKind  kind,
                                 BridgePlanGroup  *group,
                                 BridgePlanSide    side,
                                 const char       *course_id)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  GtkWidget *dialog, *list;
  Proposal *p;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (course_id != NULL, NULL);

  if (kind == BRIDGE_CHANGE_DELETE)
    {
      const BridgePlanComponent *c = group != NULL
                                     ? bridge_plan_group_find_component (group, side, course_id, NULL) : NULL;

      title = g_strdup (c != NULL ? component_title (c) : course_id);
    }
  else
    {
      g_autoptr(BridgeCourse) course = NULL;

      if (context != NULL)
        course = bridge_catalog_get_course (bridge_context_get_catalog (context), course_id, NULL);
      title = g_strdup (course != NULL ? bridge_text_pick (bridge_course_get_title (course)) : course_id);
    }
  /* Translators: %s is a course title */
  heading = g_strdup_printf (kind == BRIDGE_CHANGE_DELETE ? _("Propose Deleting “%s”?")
                                                          : _("Propose Adding “%s”?"), title);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The learning agreement is approved, so this becomes a changes "
                                     "proposal. It applies once the student and both responsible "
                                     "persons approve it."));

  p = g_new0 (Proposal, 1);
  p->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &p->widget);
  p->context = context != NULL ? g_object_ref (context) : NULL;
  p->plan = g_object_ref (plan);
  p->kind = kind;
  p->group = group != NULL ? g_object_ref (group) : NULL;
  p->side = side;
  p->course_id = g_strdup (course_id);
  p->reasons = g_array_new (FALSE, FALSE, sizeof (BridgeChangeReason));
  /* The template's reasons for deleting, or for adding; "other" for both. */
  for (BridgeChangeReason r = BRIDGE_CHANGE_REASON_NOT_AVAILABLE; r <= BRIDGE_CHANGE_REASON_OTHER; r++)
    {
      gboolean for_delete = r <= BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT;

      if (r == BRIDGE_CHANGE_REASON_OTHER || for_delete == (kind == BRIDGE_CHANGE_DELETE))
        {
          g_array_append_val (p->reasons, r);
          gtk_string_list_append (labels, bridge_change_reason_get_label (r));
        }
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the change"), -1);
  p->reason = adw_combo_row_new ();
  gtk_widget_set_name (p->reason, "reason");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (p->reason), _("Reason"));
  adw_combo_row_set_model (ADW_COMBO_ROW (p->reason), G_LIST_MODEL (labels));
  gtk_list_box_append (GTK_LIST_BOX (list), p->reason);
  p->text = adw_entry_row_new ();
  gtk_widget_set_name (p->text, "reason-text");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (p->text), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (p->text), _("Explanation (required for “Other”)"));
  gtk_list_box_append (GTK_LIST_BOX (list), p->text);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "propose", _("_Propose"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "propose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "propose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "proposal", p, proposal_free);
  g_signal_connect (dialog, "response", G_CALLBACK (proposal_response_cb), p);
  g_signal_connect_swapped (p->reason, "notify::selected", G_CALLBACK (proposal_validate), p);
  g_signal_connect_swapped (p->text, "changed", G_CALLBACK (proposal_validate), p);
  proposal_validate (p);

  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* ------------------------------------------------------------------------ */

/* The grades after the stay: BridgeResultsView follows the plan itself. */
static void
update_results (BridgeAgreementPage *self)
{
  bridge_results_view_set_plan (BRIDGE_RESULTS_VIEW (self->results_view), self->context, self->plan);
}

void
bridge_agreement_page_set_context (BridgeAgreementPage *self,
                                   BridgeContext       *context)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_swapped (context, "changed", G_CALLBACK (context_changed_cb), self);
  update_results (self);
  context_changed_cb (self);
}

void
bridge_agreement_page_set_plan (BridgeAgreementPage *self,
                                BridgePlan          *plan)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self));

  if (self->plan == plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->review_key, g_free);
  if (plan != NULL)
    {
      g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);
      self->n_approvals = count_approvals (plan, FALSE);
    }
  update_results (self);
  plan_changed_cb (self);
}

BridgePlan *
bridge_agreement_page_get_plan (BridgeAgreementPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self), NULL);
  return self->plan;
}

AdwMessageDialog *
bridge_agreement_page_get_dialog (BridgeAgreementPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self), NULL);
  return self->dialog;
}

GtkWidget *
bridge_agreement_page_get_child (BridgeAgreementPage *self,
                                 const char          *name)
{
  g_return_val_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self), NULL);

  if (g_strcmp0 (name, "status-title") == 0)
    return GTK_WIDGET (self->status_title);
  if (g_strcmp0 (name, "status-description") == 0)
    return GTK_WIDGET (self->status_description);
  if (g_strcmp0 (name, "status-icon") == 0)
    return GTK_WIDGET (self->status_icon);
  if (g_strcmp0 (name, "problems") == 0)
    return GTK_WIDGET (self->problems_list);
  if (g_strcmp0 (name, "changes") == 0)
    return GTK_WIDGET (self->changes_group);
  if (g_strcmp0 (name, "versions") == 0)
    return GTK_WIDGET (self->versions_group);
  if (g_strcmp0 (name, "results") == 0)
    return self->results_view;
  return g_hash_table_lookup (self->children, name);
}

GtkWidget *
bridge_agreement_page_get_review_child (BridgeAgreementPage *self,
                                        guint                position,
                                        BridgePlanSide       side,
                                        const char          *course_id,
                                        const char          *name)
{
  ReviewGroup *review;
  GHashTable *widgets;
  g_autofree char *key = NULL;

  g_return_val_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self), NULL);

  if (position >= self->reviews->len)
    return NULL;
  review = g_ptr_array_index (self->reviews, position);
  if (course_id == NULL)
    {
      if (g_strcmp0 (name, "status") == 0)
        return review->status;
      if (g_strcmp0 (name, "comment") == 0)
        return review->comment;
      return NULL;
    }
  key = component_key (side, course_id);
  widgets = g_hash_table_lookup (review->components, key);
  return widgets != NULL ? g_hash_table_lookup (widgets, name) : NULL;
}

static void
bridge_agreement_page_dispose (GObject *object)
{
  BridgeAgreementPage *self = BRIDGE_AGREEMENT_PAGE (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  set_dialog (self, NULL);
  if (self->reviews != NULL)
    g_ptr_array_set_size (self->reviews, 0);
  if (self->children != NULL)
    g_hash_table_remove_all (self->children);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_AGREEMENT_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_agreement_page_parent_class)->dispose (object);
}

static void
bridge_agreement_page_finalize (GObject *object)
{
  BridgeAgreementPage *self = BRIDGE_AGREEMENT_PAGE (object);

  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->terms_rows, g_ptr_array_unref);
  g_clear_pointer (&self->terms_key, g_free);
  g_clear_pointer (&self->term_ids, g_ptr_array_unref);
  g_clear_pointer (&self->catalog_languages, g_ptr_array_unref);
  g_clear_pointer (&self->catalog_terms, g_ptr_array_unref);
  g_clear_pointer (&self->review_key, g_free);

  G_OBJECT_CLASS (bridge_agreement_page_parent_class)->finalize (object);
}

static void
bridge_agreement_page_class_init (BridgeAgreementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_agreement_page_dispose;
  object_class->finalize = bridge_agreement_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-agreement-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, status_title);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, status_description);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, problems_list);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, student_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, sending_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, receiving_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, mobility_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, provisions_view);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, review_box);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, approvals_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, changes_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, versions_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, results_box);
}

static void
bridge_agreement_page_init (BridgeAgreementPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) review_group_free);
  self->dynamic_rows = g_ptr_array_new ();
  self->problem_rows = g_ptr_array_new ();
  self->terms_rows = g_ptr_array_new ();
  build_details (self);
  self->results_view = bridge_results_view_new ();
  gtk_box_append (self->results_box, self->results_view);
}
