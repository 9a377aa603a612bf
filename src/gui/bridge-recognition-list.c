/* bridge-recognition-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-recognition-list"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-gui-util.h"
#include "bridge-recognition-list.h"

/* ------------------------------------------------------------------------ */
/* The lookup, in a worker                                                    */

void
bridge_recognition_result_free (BridgeRecognitionResult *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->courses, g_hash_table_unref);
  g_free (self);
}

typedef struct
{
  char   *path;
  char   *home;
  char  **host_course_ids;
  char   *home_course_id;
  char   *host;
  char   *term;
  char  **languages;
  char   *today;
  guint   limit;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_free (lookup->path);
  g_free (lookup->home);
  g_strfreev (lookup->host_course_ids);
  g_free (lookup->home_course_id);
  g_free (lookup->host);
  g_free (lookup->term);
  g_strfreev (lookup->languages);
  g_free (lookup->today);
  g_free (lookup);
}

static void
remember_course (BridgeCatalog *catalog,
                 GHashTable    *courses,
                 const char    *id)
{
  BridgeCourse *course;

  if (id == NULL || g_hash_table_contains (courses, id))
    return;
  /* A course the register names but the catalog lacks keeps its id. */
  course = bridge_catalog_get_course (catalog, id, NULL);
  if (course != NULL)
    g_hash_table_insert (courses, g_strdup (id), course);
}

static void
lookup_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Lookup *lookup = data;
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GError) error = NULL;
  BridgeRecognitionResult *result;

  /* A connection of the worker's own: the window's stays the main thread's. */
  catalog = bridge_catalog_open (lookup->path, &error);
  if (catalog == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  bridge_catalog_set_cache_size (catalog, 2048);
  query.host = lookup->host;
  query.term = lookup->term;
  query.languages = (const char * const *) lookup->languages;
  query.today = lookup->today;
  query.limit = lookup->limit;
  if (lookup->home_course_id != NULL)
    options = bridge_recognize_replacements (catalog, lookup->home_course_id, &query, &error);
  else
    options = bridge_recognize_for_host (catalog, lookup->home,
                                         (const char * const *) lookup->host_course_ids,
                                         &query, &error);
  if (options == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (BridgeRecognitionResult, 1);
  result->courses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < options->len; i++)
    {
      BridgeRecognitionOption *option = g_ptr_array_index (options, i);

      for (guint j = 0; option->host_courses != NULL && option->host_courses[j] != NULL; j++)
        remember_course (catalog, result->courses, option->host_courses[j]);
      for (guint j = 0; option->home_courses != NULL && option->home_courses[j] != NULL; j++)
        remember_course (catalog, result->courses, option->home_courses[j]);
    }
  result->options = g_steal_pointer (&options);
  g_task_return_pointer (task, result, (GDestroyNotify) bridge_recognition_result_free);
}

void
bridge_recognition_lookup_async (BridgeCatalog              *catalog,
                                 const char                 *home,
                                 const char * const         *host_course_ids,
                                 const char                 *home_course_id,
                                 const BridgeRecognizeQuery *query,
                                 GCancellable               *cancellable,
                                 GAsyncReadyCallback         callback,
                                 gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  Lookup *lookup = g_new0 (Lookup, 1);

  g_return_if_fail (BRIDGE_IS_CATALOG (catalog));

  lookup->path = g_strdup (bridge_catalog_get_path (catalog));
  lookup->home = g_strdup (home);
  lookup->host_course_ids = g_strdupv ((char **) host_course_ids);
  lookup->home_course_id = g_strdup (home_course_id);
  if (query != NULL)
    {
      lookup->host = g_strdup (query->host);
      lookup->term = g_strdup (query->term);
      lookup->languages = g_strdupv ((char **) query->languages);
      lookup->today = g_strdup (query->today);
      lookup->limit = query->limit;
    }
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bridge_recognition_lookup_async);
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, lookup_thread);
}

BridgeRecognitionResult *
bridge_recognition_lookup_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
bridge_recognition_score_label (double score)
{
  if (score >= 0.75)
    return _("Strong match");
  if (score >= 0.5)
    return _("Good match");
  if (score >= 0.25)
    return _("Partial match");
  return _("Weak match");
}

char *
bridge_recognition_course_label (GHashTable *courses,
                                 const char *course_id)
{
  BridgeCourse *course = courses != NULL ? g_hash_table_lookup (courses, course_id) : NULL;

  if (course == NULL)
    return g_strdup (course_id);
  /* Translators: a course, "数据结构 (CS201)" */
  return g_strdup_printf (_("%s (%s)"), bridge_text_pick (bridge_course_get_title (course)),
                          bridge_course_get_code (course));
}

/* ------------------------------------------------------------------------ */
/* The list                                                                   */

struct _BridgeRecognitionList
{
  GtkBox         parent_instance;

  BridgeContext *context;
  GCancellable  *cancellable;
  gint64         started;                 /* g_get_monotonic_time () of the lookup */
  gboolean       busy;
  gboolean       replacements;            /* the options replace a home course */

  GtkStack      *stack;
  GtkLabel      *empty_label;
  GtkWidget     *precedent_title;
  GtkListBox    *precedents;
  GtkWidget     *suggestion_title;
  GtkListBox    *suggestions;
};

G_DEFINE_FINAL_TYPE (BridgeRecognitionList, bridge_recognition_list, GTK_TYPE_BOX)

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_can_focus (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
join_courses (GHashTable         *courses,
              const char * const *ids)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *label = bridge_recognition_course_label (courses, ids[i]);

      if (i > 0)
        /* Translators: between the courses of one mapping, "A + B" */
        g_string_append (out, _(" + "));
      g_string_append (out, label);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "Chongqing University · Spring 2027, Autumn 2027": where and when. */
static char *
where_and_when (BridgeRecognitionList         *self,
                GHashTable                    *courses,
                const BridgeRecognitionOption *option)
{
  BridgeUniversity *host = bridge_context_find_university (self->context, option->host);
  BridgeCourse *first = option->host_courses != NULL && option->host_courses[0] != NULL
                        ? g_hash_table_lookup (courses, option->host_courses[0]) : NULL;
  const char * const *terms = first != NULL ? bridge_course_get_terms (first) : NULL;
  g_autoptr(GString) out = g_string_new (bridge_context_university_name (self->context, option->host));

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      g_autofree char *label = bridge_term_get_label (host, terms[i]);

      g_string_append (out, i == 0 ? " · " : ", ");
      g_string_append (out, label);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_clicked_cb (GtkButton *button,
                gpointer   data)
{
  const BridgeRecognitionOption *option = g_object_get_data (G_OBJECT (button), "option");
  const char *empty[] = { NULL };

  gtk_widget_activate_action (GTK_WIDGET (button), "win.add-mapping", "(^as^as)",
                              option->host_courses,
                              option->home_courses != NULL ? option->home_courses : (char **) empty);
}

/* The reasons, as sentences, under an expander (closed: the row stays short). */
static void
add_reasons (GtkWidget  *box,
             const char *title,
             GPtrArray  *reasons)
{
  GtkWidget *expander;
  GtkWidget *inner;

  if (reasons == NULL || reasons->len == 0)
    return;
  expander = gtk_expander_new (title);
  /* GTK 4.8 does not name an expander by its label: a screen reader would
   * say only "expander". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (inner, 18);
  gtk_widget_set_margin_top (inner, 4);
  for (guint i = 0; i < reasons->len; i++)
    {
      g_autofree char *reason = g_strdup_printf ("• %s", (char *) g_ptr_array_index (reasons, i));

      gtk_box_append (GTK_BOX (inner), new_label (reason, NULL));
    }
  gtk_expander_set_child (GTK_EXPANDER (expander), inner);
  gtk_box_append (GTK_BOX (box), expander);
}

static GtkWidget *
option_row (BridgeRecognitionList         *self,
            GHashTable                    *courses,
            const BridgeRecognitionOption *option)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;
  g_autofree char *title = NULL;
  g_autofree char *credits = bridge_gui_format_number (option->home_credits_awarded);
  g_autofree char *credit_text = NULL;
  g_autoptr(GString) accessible = g_string_new (NULL);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  /* The other side of the mapping: what it replaces, or what replaces it. */
  if (self->replacements)
    title = join_courses (courses, (const char * const *) option->host_courses);
  else if (option->home_courses == NULL || option->home_courses[0] == NULL)
    title = g_strdup (_("Free elective credits"));
  else
    title = join_courses (courses, (const char * const *) option->home_courses);
  {
    GtkWidget *label = new_label (title, "heading");

    gtk_widget_set_hexpand (label, TRUE);
    gtk_box_append (GTK_BOX (top), label);
    g_string_append (accessible, title);
  }
  if (option->expired)
    {
      GtkWidget *tag = gtk_label_new (_("Expired"));

      gtk_widget_set_valign (tag, GTK_ALIGN_START);
      gtk_widget_add_css_class (tag, "recognition-tag");
      gtk_widget_add_css_class (tag, "error");
      gtk_widget_set_name (tag, "expired-tag");
      gtk_box_append (GTK_BOX (top), tag);
      g_string_append_printf (accessible, ", %s", _("Expired"));
    }
  gtk_box_append (GTK_BOX (box), top);

  if (self->replacements)
    {
      g_autofree char *where = where_and_when (self, courses, option);

      gtk_box_append (GTK_BOX (box), new_label (where, NULL));
    }

  if (option->elective)
    /* Translators: what a decision grants, "2 elective credits at home" */
    credit_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s elective credit at home",
                                                "%s elective credits at home",
                                                bridge_text_plural_count (credits)),
                                   credits);
  else
    credit_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit at home", "%s credits at home",
                                                bridge_text_plural_count (credits)),
                                   credits);
  gtk_box_append (GTK_BOX (box), new_label (credit_text, "numeric"));

  if (option->kind == BRIDGE_RECOGNITION_PRECEDENT && option->equivalence != NULL)
    {
      const BridgeEquivalence *eq = option->equivalence;
      g_autofree char *decided = NULL;

      if (eq->reference != NULL)
        /* Translators: a decision of the register, "Decided 2025-06-01 · reference SA-2025-17" */
        decided = g_strdup_printf (_("Decided %s · reference %s"), eq->decided, eq->reference);
      else
        decided = g_strdup_printf (_("Decided %s · no reference given"), eq->decided);
      gtk_box_append (GTK_BOX (box), new_label (decided, "dim-label"));
      if (eq->conditions != NULL && bridge_text_pick (eq->conditions) != NULL)
        {
          /* Translators: a decision's condition, "Condition: with at least 良好" */
          g_autofree char *cond = g_strdup_printf (_("Condition: %s"), bridge_text_pick (eq->conditions));

          gtk_box_append (GTK_BOX (box), new_label (cond, NULL));
        }
      add_reasons (box, _("Why It Counts"), option->reasons);
    }
  else
    {
      GtkWidget *score = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      const char *words = bridge_recognition_score_label (option->score);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (option->score, 0, 1));
      gtk_widget_set_size_request (bar, 80, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
      gtk_box_append (GTK_BOX (score), bar);
      gtk_box_append (GTK_BOX (score), new_label (words, NULL));
      gtk_box_append (GTK_BOX (box), score);
      g_string_append_printf (accessible, ", %s", words);

      add_reasons (box, _("Why It Is Suggested"), option->reasons);
    }

  button = gtk_button_new_with_label (_("Add to Plan with This Mapping"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 4);
  gtk_widget_set_name (button, "add-mapping");
  gtk_widget_set_tooltip_text (button, self->replacements
                               ? _("Add a group with these host courses replacing your course to the plan")
                               : _("Add a group with this course replacing these home courses to the plan"));
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
  {
    /* Translators: the accessible name of a row's button, "Add to Plan with This Mapping: Calculus (MA101)" */
    g_autofree char *name = g_strdup_printf (_("Add to Plan with This Mapping: %s"), accessible->str);

    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  g_object_set_data_full (G_OBJECT (button), "option",
                          bridge_recognition_option_copy (option),
                          (GDestroyNotify) bridge_recognition_option_free);
  g_signal_connect (button, "clicked", G_CALLBACK (add_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (box), button);

  g_object_set_data (G_OBJECT (row), "expired", GINT_TO_POINTER (option->expired));
  g_object_set_data (G_OBJECT (row), "precedent",
                     GINT_TO_POINTER (option->kind == BRIDGE_RECOGNITION_PRECEDENT));
  return row;
}

static void
show_empty (BridgeRecognitionList *self,
            const char            *text)
{
  gtk_label_set_text (self->empty_label, text);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
lookup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(BridgeRecognitionList) self = data;
  g_autoptr(BridgeRecognitionResult) found = NULL;
  g_autoptr(GError) error = NULL;
  guint n_precedents = 0;
  guint n_suggestions = 0;

  found = bridge_recognition_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;                             /* a newer lookup is under way */
  self->busy = FALSE;
  g_debug ("%u options in %.1f ms", found != NULL ? found->options->len : 0,
           (g_get_monotonic_time () - self->started) / 1000.0);
  if (found == NULL)
    {
      show_empty (self, error->message);
      return;
    }

  for (guint i = 0; i < found->options->len; i++)
    {
      BridgeRecognitionOption *option = g_ptr_array_index (found->options, i);
      GtkWidget *row = option_row (self, found->courses, option);

      if (option->kind == BRIDGE_RECOGNITION_PRECEDENT)
        {
          gtk_list_box_append (self->precedents, row);
          n_precedents++;
        }
      else
        {
          gtk_list_box_append (self->suggestions, row);
          n_suggestions++;
        }
    }
  gtk_widget_set_visible (self->precedent_title, n_precedents > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->precedents), n_precedents > 0);
  gtk_widget_set_visible (self->suggestion_title, n_suggestions > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions), n_suggestions > 0);
  if (n_precedents + n_suggestions == 0)
    show_empty (self, self->replacements
                      ? _("The register has no decision for this course and nothing similar was found "
                          "with these filters: try another university or term")
                      : _("The register has no decision for this course and nothing similar was found "
                          "at your university"));
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
start (BridgeRecognitionList      *self,
       const char                 *home,
       const char                 *host_course_id,
       const char                 *home_course_id,
       const BridgeRecognizeQuery *query)
{
  const char *hosts[] = { host_course_id, NULL };

  bridge_recognition_list_clear (self);
  if (self->context == NULL)
    return;
  self->busy = TRUE;
  self->started = g_get_monotonic_time ();
  self->replacements = home_course_id != NULL;
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "busy");
  bridge_recognition_lookup_async (bridge_context_get_catalog (self->context), home,
                                   host_course_id != NULL ? hosts : NULL, home_course_id, query,
                                   self->cancellable, lookup_done_cb, g_object_ref (self));
}

void
bridge_recognition_list_show_for_host (BridgeRecognitionList *self,
                                       const char            *course_id)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;

  g_return_if_fail (BRIDGE_IS_RECOGNITION_LIST (self));
  g_return_if_fail (course_id != NULL);

  if (self->context == NULL)
    return;
  query.languages = bridge_context_get_languages (self->context);
  start (self, bridge_context_get_home_university_id (self->context), course_id, NULL, &query);
}

void
bridge_recognition_list_show_replacements (BridgeRecognitionList      *self,
                                           const char                 *course_id,
                                           const BridgeRecognizeQuery *query)
{
  g_return_if_fail (BRIDGE_IS_RECOGNITION_LIST (self));
  g_return_if_fail (course_id != NULL);

  start (self, NULL, NULL, course_id, query);
}

void
bridge_recognition_list_clear (BridgeRecognitionList *self)
{
  g_return_if_fail (BRIDGE_IS_RECOGNITION_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->busy = FALSE;
  bridge_gui_list_box_remove_all (self->precedents);
  bridge_gui_list_box_remove_all (self->suggestions);
  gtk_label_set_text (self->empty_label, "");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

gboolean
bridge_recognition_list_get_busy (BridgeRecognitionList *self)
{
  g_return_val_if_fail (BRIDGE_IS_RECOGNITION_LIST (self), FALSE);
  return self->busy;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

guint
bridge_recognition_list_get_n_rows (BridgeRecognitionList *self)
{
  g_return_val_if_fail (BRIDGE_IS_RECOGNITION_LIST (self), 0);
  return count_rows (self->precedents) + count_rows (self->suggestions);
}

GtkWidget *
bridge_recognition_list_get_row (BridgeRecognitionList *self,
                                 guint                  index)
{
  guint n_precedents;

  g_return_val_if_fail (BRIDGE_IS_RECOGNITION_LIST (self), NULL);

  n_precedents = count_rows (self->precedents);
  if (index < n_precedents)
    return GTK_WIDGET (gtk_list_box_get_row_at_index (self->precedents, index));
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->suggestions, index - n_precedents));
}

const char *
bridge_recognition_list_get_empty_text (BridgeRecognitionList *self)
{
  g_return_val_if_fail (BRIDGE_IS_RECOGNITION_LIST (self), NULL);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0
         ? gtk_label_get_text (self->empty_label) : NULL;
}

static void
bridge_recognition_list_dispose (GObject *object)
{
  BridgeRecognitionList *self = BRIDGE_RECOGNITION_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_recognition_list_parent_class)->dispose (object);
}

static void
bridge_recognition_list_class_init (BridgeRecognitionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bridge_recognition_list_dispose;
}

static GtkListBox *
new_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return GTK_LIST_BOX (list);
}

static void
bridge_recognition_list_init (BridgeRecognitionList *self)
{
  GtkWidget *lists = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *busy = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_box_append (GTK_BOX (busy), spinner);
  gtk_box_append (GTK_BOX (busy), new_label (_("Looking in the register and the catalog…"), "dim-label"));
  gtk_stack_add_named (self->stack, busy, "busy");

  self->empty_label = GTK_LABEL (new_label ("", "dim-label"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_label), "empty");

  self->precedent_title = new_label (_("Decisions of the Register"), "heading");
  self->precedents = new_list ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->precedents), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Decisions of the Register"), -1);
  self->suggestion_title = new_label (_("Suggestions"), "heading");
  gtk_widget_set_margin_top (self->suggestion_title, 12);
  self->suggestions = new_list ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestions), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suggestions"), -1);
  gtk_box_append (GTK_BOX (lists), self->precedent_title);
  gtk_box_append (GTK_BOX (lists), GTK_WIDGET (self->precedents));
  gtk_box_append (GTK_BOX (lists), self->suggestion_title);
  gtk_box_append (GTK_BOX (lists), GTK_WIDGET (self->suggestions));
  gtk_stack_add_named (self->stack, lists, "list");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
bridge_recognition_list_new (BridgeContext *context)
{
  BridgeRecognitionList *self = g_object_new (BRIDGE_TYPE_RECOGNITION_LIST, NULL);

  self->context = context != NULL ? g_object_ref (context) : NULL;
  return GTK_WIDGET (self);
}
