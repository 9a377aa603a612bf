/* bridge-plan-pdf.c: the Learning Agreement as a printed document
 *
 * The document's blocks (headings, paragraphs, tables) are built here from
 * the plan and the catalog; bridge-pdf-writer.c lays them out on pages and
 * draws them, with the plan's SHA-256 digest in the footer of every page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-credit.h"
#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-names.h"
#include "bridge-pdf-writer.h"
#include "bridge-plan-export.h"
#include "bridge-plan-pdf.h"
#include "bridge-statement-private.h"

struct _BridgePlanDocument
{
  BridgePdfWriter *writer;
};

static const char *
university_name (BridgeCatalog *catalog,
                 const char    *id,
                 GHashTable    *keep)
{
  BridgeUniversity *u;

  if (id == NULL)
    return "—";
  u = g_hash_table_lookup (keep, id);
  if (u == NULL)
    {
      u = bridge_catalog_get_university (catalog, id, NULL);
      if (u == NULL)
        return id;
      g_hash_table_insert (keep, g_strdup (id), u);
    }
  return bridge_university_get_name (u) ? bridge_text_pick (bridge_university_get_name (u)) : id;
}

/* An e-mail address never breaks nor takes a hyphen ("wangfang@cqu.edu.c-n"):
 * a reader copies it by hand. make_layout () prints it smaller when it is
 * wider than its cell. */
static char *
email_markup (const char *email)
{
  if (email == NULL || *email == '\0')
    return g_strdup ("—");
  return g_markup_printf_escaped ("<span allow_breaks=\"false\" insert_hyphens=\"false\">%s</span>", email);
}

/* "2026-09-01 – 2027-01-20"; one dash when neither date is known. */
static char *
period_markup (const char *start,
               const char *end)
{
  gboolean has_start = start != NULL && *start != '\0';
  gboolean has_end = end != NULL && *end != '\0';

  if (!has_start && !has_end)
    return g_strdup ("—");
  return g_markup_printf_escaped ("%s – %s", has_start ? start : "…", has_end ? end : "…");
}

static char *
person_markup (const BridgePlanPerson *p)
{
  g_autofree char *head = NULL;
  g_autofree char *email = NULL;

  if (p == NULL || p->name == NULL)
    return g_strdup ("—");
  head = g_markup_printf_escaped ("%s%s%s", p->name, p->position ? "\n" : "", p->position ? p->position : "");
  if (p->email == NULL)
    return g_steal_pointer (&head);
  email = email_markup (p->email);
  return g_strconcat (head, "\n", email, NULL);
}

static char *
term_label (BridgeCatalog *catalog,
            const char    *university,
            const char    *term,
            GHashTable    *keep)
{
  if (term == NULL)
    return g_strdup ("—");
  university_name (catalog, university, keep);
  return bridge_term_get_label (university ? g_hash_table_lookup (keep, university) : NULL, term);
}

/* Under a group of Table B: the valid decision of the register that
 * recognises it, with its condition. */
static void
append_precedent (GString         *s,
                  BridgePlan      *plan,
                  BridgeCatalog   *catalog,
                  BridgePlanGroup *g)
{
  g_autoptr(BridgePlanPrecedent) precedent = bridge_plan_find_precedent (plan, catalog, g);
  g_autofree char *line = NULL;

  if (precedent == NULL || precedent->expired)
    return;
  /* Translators: the decision's reference, then the date it was taken on */
  line = g_markup_printf_escaped (_("Recognised by decision %s of %s"), precedent->reference,
                                  precedent->equivalence->decided);
  g_string_append_printf (s, "\n%s", line);
  if (precedent->equivalence->conditions != NULL)
    {
      g_autofree char *condition = bridge_pdf_esc (bridge_text_pick (precedent->equivalence->conditions));

      g_string_append_printf (s, " (%s %s)", _("Condition:"), condition);
    }
}

static void
add_components_table (BridgePlanDocument *doc,
                      BridgePlan         *plan,
                      BridgeCatalog      *catalog,
                      GHashTable         *keep,
                      gboolean            home)
{
  /* Codes such as MATH26416 must not break: their columns are sized for
   * nine characters, and Table B's "recognised for" for two codes. */
  const double wa[] = { 1.4, 2.65, 1.25, 0.95, 0.95, 0.8, 0.75 };
  const double wb[] = { 0.8, 1.35, 1.6, 1.0, 0.85, 1.45, 1.7, 1.05 };
  BridgePdfTable *t = home ? bridge_pdf_writer_add_table (doc->writer, 8, wb) : bridge_pdf_writer_add_table (doc->writer, 7, wa);
  BridgePlanTotals total = { 0 };
  guint n = bridge_plan_get_n_groups (plan);
  const char *uni = home ? bridge_plan_get_home_university (plan) : bridge_plan_get_host_university (plan);

  if (!home)
    bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Code")), g_strdup (_("Title")), g_strdup (_("Term")),
                    g_strdup (_("Local credits")), g_strdup (_("Alliance credits")), g_strdup (_("ECTS")),
                    g_strdup (_("Group")));
  else
    bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Group")), g_strdup (_("Code")), g_strdup (_("Title")),
                    g_strdup (_("Term")), g_strdup (_("Credits")), g_strdup (_("Automatic recognition")),
                    g_strdup (_("Recognised for")), g_strdup (_("Status")));

  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *g = bridge_plan_get_group (plan, i);
      BridgePlanSide side = home ? BRIDGE_PLAN_SIDE_HOME : BRIDGE_PLAN_SIDE_HOST;
      g_autoptr(GString) hosts = NULL;
      BridgePlanTotals gt = { 0 };
      gboolean have;
      /* People's number, as the window shows it; the id is the file's. */
      g_autofree char *number = g_strdup_printf ("%u", bridge_plan_get_group_number (plan, g));

      /* A group with no course at all is not part of the agreement. */
      if (bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOST) == 0 &&
          bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOME) == 0)
        continue;
      hosts = g_string_new (NULL);
      have = bridge_plan_compute_totals (plan, catalog, g, &gt, NULL);

      for (guint j = 0; j < bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOST); j++)
        {
          const BridgePlanComponent *h = bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, j);

          g_string_append_printf (hosts, "%s%s", j ? ", " : "", h->code ? h->code : h->course_id);
        }
      for (guint j = 0; j < bridge_plan_group_get_n_components (g, side); j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (g, side, j);
          g_autofree char *title = bridge_pdf_bilingual (c->title, c->course_id);
          g_autoptr(GString) cell = g_string_new (title);
          g_autofree char *term = term_label (catalog, uni, c->term ? c->term : bridge_plan_get_term (plan), keep);

          if (c->is_virtual)
            g_string_append_printf (cell, " <i>(%s)</i>", _("virtual"));
          if (c->unknown)
            g_string_append_printf (cell, "\n<span foreground=\"#a51d2d\">%s</span>", _("No longer in the catalog"));
          if (c->comment)
            {
              g_autofree char *cm = bridge_pdf_esc (c->comment);

              g_string_append_printf (cell, "\n<span size=\"small\" style=\"italic\">%s %s</span>", _("Comment:"), cm);
            }
          if (!home)
            {
              g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog, c->course_id, NULL);
              g_autoptr(BridgeCreditResult) r = NULL;

              /* As the totals count it: the figures the agreement recorded. */
              if (course != NULL)
                r = bridge_plan_compute_component (plan, catalog, c, NULL);
              bridge_pdf_row (t, 0, bridge_pdf_esc (c->code ? c->code : c->course_id), g_string_free (g_steal_pointer (&cell), FALSE),
                              bridge_pdf_esc (term), bridge_pdf_num (c->credits, 1),
                              r ? bridge_pdf_num (r->alliance_credits, 2) : g_strdup ("—"),
                              r ? bridge_pdf_num (r->ects_credits, 2) : g_strdup ("—"),
                              g_strdup (number));
            }
          else
            bridge_pdf_row (t, 0, g_strdup (number), bridge_pdf_esc (c->code ? c->code : c->course_id),
                            g_string_free (g_steal_pointer (&cell), FALSE), bridge_pdf_esc (term), bridge_pdf_num (c->credits, 1),
                            g_strdup (c->automatic ? _("Yes") : _("No")), bridge_pdf_esc (hosts->str),
                            j == 0 ? bridge_pdf_esc (bridge_plan_group_status_get_label (bridge_plan_group_get_status (g))) : g_strdup (""));
        }
      if (home && have)
        {
          g_autofree char *worth = bridge_pdf_num (gt.home_credits, 1);
          g_autofree char *replaced = bridge_pdf_num (gt.replaced_credits, 1);
          g_autofree char *line = g_markup_printf_escaped (_("Group %s: the host courses are worth %s home credits; the home courses they replace carry %s"),
                                                           number, worth, replaced);
          g_autoptr(GString) s = g_string_new (line);

          append_precedent (s, plan, catalog, g);
          if (bridge_plan_group_get_comment (g))
            {
              g_autofree char *cm = bridge_pdf_esc (bridge_plan_group_get_comment (g));

              g_string_append_printf (s, "\n%s %s", _("Comment:"), cm);
            }
          bridge_pdf_row (t, BRIDGE_PDF_ROW_SPAN, g_string_free (g_steal_pointer (&s), FALSE), NULL, NULL,
                          NULL, NULL, NULL, NULL, NULL);
        }
    }
  if (bridge_plan_compute_totals (plan, catalog, NULL, &total, NULL))
    {
      if (!home)
        bridge_pdf_row (t, BRIDGE_PDF_ROW_TOTAL, g_strdup (_("Total")), g_strdup (""), g_strdup (""), bridge_pdf_num (total.host_credits, 1),
                        bridge_pdf_num (total.alliance_credits, 2), bridge_pdf_num (total.ects_credits, 2), g_strdup (""));
      else
        {
          g_autofree char *replaced = bridge_pdf_num (total.replaced_credits, 1);
          g_autofree char *worth = bridge_pdf_num (total.home_credits, 1);

          bridge_pdf_row (t, BRIDGE_PDF_ROW_TOTAL | BRIDGE_PDF_ROW_SPAN,
                          g_markup_printf_escaped (_("Total recognised at home: %s credits (the host courses are worth %s home credits)"),
                                                   replaced, worth),
                          NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        }
    }
}

static void
add_grading_table (BridgePlanDocument       *doc,
                   BridgeCatalog            *catalog,
                   BridgeUniversity         *u,
                   const BridgeGradingTable *table,
                   GHashTable               *keep)
{
  const double w[] = { 2.0, 1.2, 1.2, 1.4 };
  BridgePdfTable *t;
  gint64 total = 0, cum = 0;
  const char *uname = bridge_university_get_name (u) ? bridge_text_pick (bridge_university_get_name (u)) : bridge_university_get_id (u);
  const BridgeGradingScale *scale = bridge_university_find_scale (u, table->scale);

  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_PARAGRAPH,
                  g_markup_printf_escaped ("<b>%s</b> — %s, ISCED %s, %s, %s", uname,
                                           scale && scale->name ? bridge_text_pick (scale->name) : table->scale,
                                           table->isced, bridge_cycle_get_label (table->cycle), table->period));
  t = bridge_pdf_writer_add_table (doc->writer, 4, w);
  bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Grade")), g_strdup (_("Number awarded")), g_strdup (_("Percentage")),
                  g_strdup (_("Cumulative percentage")));
  for (guint i = 0; i < table->n_counts; i++)
    total += table->counts[i].count;
  for (guint i = 0; i < table->n_counts; i++)
    {
      cum += table->counts[i].count;
      bridge_pdf_row (t, 0, bridge_pdf_esc (table->counts[i].grade),
                      g_strdup_printf ("%" G_GINT64_FORMAT, table->counts[i].count),
                      bridge_pdf_num (total ? 100.0 * table->counts[i].count / total : 0, 1),
                      bridge_pdf_num (total ? 100.0 * cum / total : 0, 1));
    }
  bridge_pdf_row (t, BRIDGE_PDF_ROW_TOTAL, g_strdup (_("Total")), g_strdup_printf ("%" G_GINT64_FORMAT, total), g_strdup ("100.0"), g_strdup (""));
}

static void
add_grading_tables (BridgePlanDocument *doc,
                    BridgePlan         *plan,
                    BridgeCatalog      *catalog,
                    GHashTable         *keep)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(BridgeUniversity) home = NULL;
  guint n = bridge_plan_get_n_groups (plan);
  gboolean any = FALSE;

  if (bridge_plan_get_home_university (plan))
    home = bridge_catalog_get_university (catalog, bridge_plan_get_home_university (plan), NULL);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *g = bridge_plan_get_group (plan, i);

      for (guint j = 0; j < bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOST); j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, j);
          g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog, c->course_id, NULL);
          g_autoptr(BridgeUniversity) host = NULL;

          if (course == NULL)
            continue;
          host = bridge_catalog_get_university (catalog, bridge_course_get_university_id (course), NULL);
          for (int side = 0; side < 2; side++)
            {
              BridgeUniversity *u = side == 0 ? host : home;
              const BridgeGradingTable *table = u ? bridge_university_find_table (u, bridge_course_get_isced (course),
                                                                                   bridge_course_get_cycle (course)) : NULL;

              if (table == NULL || g_ptr_array_find (seen, table, NULL))
                continue;
              g_ptr_array_add (seen, (gpointer) table);
              add_grading_table (doc, catalog, u, table, keep);
              any = TRUE;
            }
        }
    }
  if (!any)
    bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_PARAGRAPH,
                    bridge_pdf_esc (_("No grading table applies to these courses; grades will be converted approximately, from the grades’ marks.")));
}

/* "2026-06-01T10:00:00+08:00" on two lines: date, then time. */
static char *
timestamp_markup (const char *timestamp)
{
  g_autofree char *text = g_strdup (timestamp);
  char *t = text ? strchr (text, 'T') : NULL;

  if (t != NULL)
    *t = '\n';
  return bridge_pdf_esc (text);
}

static void
add_approvals (BridgePlanDocument        *doc,
               const BridgePlanApproval *(*get) (BridgePlan *, BridgePlanRole),
               BridgePlan                *plan)
{
  const double w[] = { 1.5, 1.5, 1.4, 2.6, 1.4 };      /* room for an e-mail address on one line */
  BridgePdfTable *t = bridge_pdf_writer_add_table (doc->writer, 5, w);

  bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Party")), g_strdup (_("Name")), g_strdup (_("Position")),
                  g_strdup (_("Email")), g_strdup (_("Approved on")));
  for (guint r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
    {
      const BridgePlanApproval *a = get (plan, r);

      bridge_pdf_row (t, 0, bridge_pdf_esc (bridge_plan_role_get_label (r)),
                      bridge_pdf_esc (a ? a->person.name : "—"), bridge_pdf_esc (a && a->person.position ? a->person.position : "—"),
                      email_markup (a ? a->person.email : NULL),
                      a ? timestamp_markup (a->timestamp) : g_markup_printf_escaped ("<i>%s</i>", _("not yet")));
    }
}

static void
add_changes_table (BridgePlanDocument *doc,
                   GPtrArray          *changes)
{
  const double w[] = { 1.0, 0.7, 1.1, 2.8, 0.8, 2.6 };
  BridgePdfTable *t = bridge_pdf_writer_add_table (doc->writer, 6, w);

  bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Change")), g_strdup (_("Table")), g_strdup (_("Code")), g_strdup (_("Title")),
                  g_strdup (_("Credits")), g_strdup (_("Reason")));
  for (guint i = 0; i < changes->len; i++)
    {
      BridgePlanChange *c = g_ptr_array_index (changes, i);
      g_autofree char *reason = c->reason_text && c->reason != BRIDGE_CHANGE_REASON_OTHER
                                  ? g_strdup_printf ("%s — %s", bridge_change_reason_get_label (c->reason), c->reason_text)
                                  : g_strdup (c->reason_text ? c->reason_text : bridge_change_reason_get_label (c->reason));

      bridge_pdf_row (t, 0, g_strdup (c->kind == BRIDGE_CHANGE_ADD ? _("Added") : _("Deleted")),
                      g_strdup (c->side == BRIDGE_PLAN_SIDE_HOST ? "A" : "B"),
                      bridge_pdf_esc (c->component->code ? c->component->code : c->component->course_id),
                      bridge_pdf_bilingual (c->component->title, c->component->course_id),
                      bridge_pdf_num (c->component->credits, 1), bridge_pdf_esc (reason));
    }
}

static void
build (BridgePlanDocument *doc,
       BridgePlan         *plan,
       BridgeCatalog      *catalog)
{
  g_autoptr(GHashTable) keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  const BridgePlanStudent *s = bridge_plan_get_student (plan);
  g_autofree char *status = NULL;
  g_autofree char *why = NULL;
  BridgePlanApprovalState state;
  const double kv[] = { 1.3, 3.0 };
  BridgePdfTable *t;

  /* Title: the approval state as core decides it, never from the lock alone. */
  state = bridge_plan_get_approval_state (plan, &why);
  if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    status = g_strdup (_("NOT approved: the approvals do not hold"));
  else if (state == BRIDGE_PLAN_APPROVAL_STATE_DRAFT)
    status = g_strdup (_("Draft — not yet approved by all three parties"));
  else if (bridge_plan_get_pending_changes (plan))
    status = g_strdup_printf (_("Version %u, approved — with changes proposed"), bridge_plan_get_n_versions (plan));
  else
    status = g_strdup_printf (_("Version %u, approved by all three parties"), bridge_plan_get_n_versions (plan));
  {
    /* Only the parts there are, never "李明 · · Draft". */
    const char *parts[] = { s->name, bridge_plan_get_academic_year (plan), status };
    g_autoptr(GString) line = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (parts[i] != NULL && *parts[i] != '\0')
        g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", parts[i]);
    bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_TITLE,
                    g_markup_printf_escaped ("<span size=\"x-large\" weight=\"bold\">%s</span>\n%s",
                                             _("Learning Agreement for Studies"), line->str));
  }
  if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    {
      /* Translators: the reason, from “the plan was changed after the student approved it” */
      g_autofree char *warning = g_strdup_printf (_("Not approved: %s. The approvals below do not cover what this "
                                                    "document says."), why);

      bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_WARNING, bridge_pdf_esc (warning));
    }
  else if (state == BRIDGE_PLAN_APPROVAL_STATE_APPROVED_UNBOUND)
    {
      g_autofree char *note = g_strdup_printf ("%s %s.", _("Note:"), why);

      bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_NOTE, bridge_pdf_esc (note));
    }

  /* 1. Student */
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Student")));
  t = bridge_pdf_writer_add_table (doc->writer, 2, kv);
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Name")), bridge_pdf_esc (s->name ? s->name : "—"));
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Student number")), bridge_pdf_esc (s->student_number ? s->student_number : "—"));
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Email")), email_markup (s->email));
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Date of birth")), bridge_pdf_esc (s->birth_date ? s->birth_date : "—"));
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Nationality")), bridge_pdf_esc (s->nationality ? bridge_country_get_name (s->nationality) : "—"));
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Study cycle")), bridge_pdf_esc (bridge_cycle_get_label (s->cycle)));
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Field of education (ISCED-F)")), bridge_pdf_esc (s->isced ? s->isced : "—"));
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Language of instruction")),
                  g_markup_printf_escaped ("%s%s%s", s->language ? bridge_language_get_name (s->language) : "—",
                                           s->cefr ? " · CEFR " : "", s->cefr ? s->cefr : ""));

  /* 2. Institutions and the mobility period */
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Sending and receiving institutions")));
  {
    const double w[] = { 1.1, 1.9, 1.8, 2.2 };

    t = bridge_pdf_writer_add_table (doc->writer, 4, w);
    bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Role")), g_strdup (_("Institution")), g_strdup (_("Faculty or department")),
                    g_strdup (_("Responsible person")));
    for (int side = BRIDGE_PLAN_SIDE_HOME; side >= BRIDGE_PLAN_SIDE_HOST; side--)
      {
        const BridgePlanInstitution *inst = bridge_plan_get_institution (plan, side);
        BridgeUniversity *u;
        const char *hei;

        university_name (catalog, inst->university, keep);
        u = inst->university ? g_hash_table_lookup (keep, inst->university) : NULL;
        hei = u ? bridge_university_get_hei_id (u) : NULL;
        bridge_pdf_row (t, 0, g_strdup (side == BRIDGE_PLAN_SIDE_HOME ? _("Sending") : _("Receiving")),
                        g_markup_printf_escaped ("%s%s%s", university_name (catalog, inst->university, keep),
                                                 hei ? "\nEWP " : "", hei ? hei : ""),
                        bridge_pdf_esc (inst->faculty ? inst->faculty : "—"), person_markup (&inst->responsible));
      }
  }
  t = bridge_pdf_writer_add_table (doc->writer, 2, kv);
  {
    g_autoptr(GString) terms = g_string_new (NULL);
    const char * const *ids = bridge_plan_get_terms (plan);

    for (guint i = 0; ids && ids[i]; i++)
      {
        g_autofree char *label = term_label (catalog, bridge_plan_get_host_university (plan), ids[i], keep);

        g_string_append_printf (terms, "%s%s", i ? ", " : "", label);
      }
    bridge_pdf_row (t, 0, bridge_pdf_esc (_("Mobility period")), period_markup (bridge_plan_get_start_date (plan),
                                                                                 bridge_plan_get_end_date (plan)));
    bridge_pdf_row (t, 0, bridge_pdf_esc (_("Terms")), bridge_pdf_esc (terms->len ? terms->str : "—"));
    bridge_pdf_row (t, 0, bridge_pdf_esc (_("Academic year")), bridge_pdf_esc (bridge_plan_get_academic_year (plan) ? bridge_plan_get_academic_year (plan) : "—"));
  }

  /* 3. Table A */
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Table A: study programme at the receiving institution")));
  add_components_table (doc, plan, catalog, keep, FALSE);
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_NOTE,
                  bridge_pdf_esc (_("Alliance credits and ECTS are computed from each course’s student workload; local credits are the host university’s own.")));

  /* 4. Table B */
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Table B: recognition at the sending institution")));
  add_components_table (doc, plan, catalog, keep, TRUE);
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_PARAGRAPH,
                  g_markup_printf_escaped ("<b>%s</b> %s", _("Provisions if a component is not completed:"),
                                           bridge_plan_get_provisions (plan) ? bridge_plan_get_provisions (plan)
                                                                             : _("as set by the sending institution’s regulations.")));

  /* 5. Grading tables */
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Grading tables used for grade conversion")));
  add_grading_tables (doc, plan, catalog, keep);

  /* 6. Commitment */
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Commitment")));
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_PARAGRAPH,
                  bridge_pdf_esc (_("By approving this document, the student, the sending institution and the receiving institution "
                                    "confirm that they approve the Learning Agreement and will comply with all the arrangements agreed "
                                    "by all parties. The sending institution commits to recognise all the credits gained at the "
                                    "receiving institution for the successfully completed components as shown in Table B.")));
  add_approvals (doc, bridge_plan_get_approval, plan);

  /* 7. Changes during the mobility */
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Changes during the mobility")));
  if (bridge_plan_get_n_versions (plan) <= 1 && bridge_plan_get_pending_changes (plan) == NULL)
    bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_PARAGRAPH, bridge_pdf_esc (_("No changes so far.")));
  for (guint v = 2; v <= bridge_plan_get_n_versions (plan); v++)
    {
      g_autofree char *label = g_strdup_printf (_("Version %u, approved on %s"), v,
                                                bridge_plan_get_version_timestamp (plan, v));

      bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_PARAGRAPH, g_markup_printf_escaped ("<b>%s</b>", label));
      add_changes_table (doc, bridge_plan_get_version_changes (plan, v));
    }
  if (bridge_plan_get_pending_changes (plan))
    {
      bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_PARAGRAPH,
                      g_markup_printf_escaped ("<b>%s</b>", _("Changes proposed, awaiting approval")));
      add_changes_table (doc, bridge_plan_get_pending_changes (plan));
      add_approvals (doc, bridge_plan_get_pending_approval, plan);
    }

  /* 8. After the stay */
  if (bridge_plan_get_recognition (plan)->len > 0)
    {
      const double w[] = { 0.9, 2.2, 0.85, 1.4, 0.9, 3.0 };
      GPtrArray *rec = bridge_plan_get_recognition (plan);

      bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Recognition record (after the mobility)")));
      t = bridge_pdf_writer_add_table (doc->writer, 6, w);
      bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Code")), g_strdup (_("Home course")), g_strdup (_("Credits")),
                      g_strdup (_("Host grades")), g_strdup (_("Home grade")), g_strdup (_("How")));
      for (guint i = 0; i < rec->len; i++)
        {
          BridgePlanRecognition *r = g_ptr_array_index (rec, i);
          g_autoptr(GString) how = g_string_new (NULL);

          g_string_append_printf (how, "%s", r->rule ? r->rule : "");
          if (r->candidates)
            g_string_append_printf (how, "\n%s %s", _("Candidates:"), r->candidates);
          if (r->approximate)
            g_string_append_printf (how, "\n%s", _("approximate"));
          if (r->reason)
            g_string_append_printf (how, "\n%s", r->reason);
          bridge_pdf_row (t, 0, bridge_pdf_esc (r->code ? r->code : r->course_id), bridge_pdf_bilingual (r->title, r->course_id),
                          bridge_pdf_num (r->credits, 1), bridge_pdf_esc (r->host_grades), bridge_pdf_esc (r->grade ? r->grade : "—"), bridge_pdf_esc (how->str));
        }
    }
}

/* The certificates the student holds, on a page of their own after the
 * agreement: the footer keeps the agreement's digest, which does not cover
 * the annex; the annex names the digest of its credit-bank statement. */
static void
add_annex (BridgePlanDocument          *doc,
           BridgeHoldings              *holdings,
           const BridgeHoldingsSummary *summary,
           BridgeCatalog               *catalog)
{
  g_autoptr(BridgeUniversity) home = bridge_catalog_get_university (catalog, summary->home_id, NULL);
  g_autofree char *digest = bridge_statement_get_digest (holdings, summary, catalog);
  g_autofree char *intro = NULL;

  bridge_pdf_writer_add_page_break (doc->writer);
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_HEADING,
                              bridge_pdf_esc (_("Annex: certificates held (not part of the agreement)")));
  /* Translators: the home university, a date, then a SHA-256 digest */
  intro = g_markup_printf_escaped (_("The certificates the student holds, as their credit-bank statement shows them: "
                                     "what %s grants for each, judged on %s. Certificates are not part of the "
                                     "mobility: this annex is not covered by the agreement’s digest in the footer. "
                                     "The statement’s SHA-256 digest is %s."),
                                   home != NULL ? bridge_university_get_label (home) : summary->home_id,
                                   summary->on, digest);
  bridge_pdf_writer_add_text (doc->writer, BRIDGE_PDF_PARAGRAPH, g_steal_pointer (&intro));
  bridge_statement_add_certificates (doc->writer, summary, catalog);
}

static GBytes *
render_document (BridgePlanDocument  *doc,
                 GError             **error)
{
  cairo_status_t status;
  GBytes *pdf = bridge_pdf_writer_render (doc->writer, _("Learning Agreement for Studies"), &status);

  if (pdf == NULL)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                 _("Could not draw the agreement: %s"), cairo_status_to_string (status));
  return pdf;
}

/* Asynchronous export ------------------------------------------------------ */

typedef struct
{
  BridgePlanExportFormat  format;
  char                   *path;
  BridgePlanDocument     *doc;              /* PDF */
  char                   *data;             /* EWP XML and JSON */
  gsize                   length;
  GError                 *error;            /* found while gathering */
} ExportTask;

static void
export_task_free (ExportTask *t)
{
  g_free (t->path);
  g_clear_pointer (&t->doc, bridge_plan_document_free);
  g_free (t->data);
  g_clear_error (&t->error);
  g_free (t);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *t = task_data;
  g_autoptr(GError) error = NULL;

  if (t->format == BRIDGE_PLAN_EXPORT_PDF)
    {
      g_autoptr(GBytes) pdf = render_document (t->doc, &error);

      if (pdf == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (g_task_return_error_if_cancelled (task))
        return;
      if (!bridge_pdf_write (pdf, t->path, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else if (!bridge_file_write (t->path, t->data, t->length, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Starts an export; @summary (with @holdings): the PDF's annex. */
static void
start_export (BridgePlan                  *self,
              BridgeCatalog               *catalog,
              BridgePlanExportFormat       format,
              BridgeHoldings              *holdings,
              const BridgeHoldingsSummary *summary,
              const char                  *path,
              GCancellable                *cancellable,
              GAsyncReadyCallback          callback,
              gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *t;
  g_autoptr(GError) error = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bridge_plan_export_async);
  t = g_new0 (ExportTask, 1);
  t->format = format;
  t->path = g_strdup (path);
  g_task_set_task_data (task, t, (GDestroyNotify) export_task_free);

  /* Everything that reads the plan, the catalog or the certificates happens here. */
  switch (format)
    {
    case BRIDGE_PLAN_EXPORT_PDF:
      t->doc = bridge_plan_document_new_with_annex (self, catalog, holdings, summary, &error);
      break;
    case BRIDGE_PLAN_EXPORT_EWP_XML:
      t->data = bridge_plan_to_ewp_xml (self, catalog, &error);
      t->length = t->data ? strlen (t->data) : 0;
      break;
    case BRIDGE_PLAN_EXPORT_JSON:
    default:
      t->data = bridge_plan_to_data (self, &t->length);
      break;
    }
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

void
bridge_plan_export_async (BridgePlan             *self,
                          BridgeCatalog          *catalog,
                          BridgePlanExportFormat  format,
                          const char             *path,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_return_if_fail (BRIDGE_IS_PLAN (self));
  g_return_if_fail (BRIDGE_IS_CATALOG (catalog));
  g_return_if_fail (path != NULL);

  start_export (self, catalog, format, NULL, NULL, path, cancellable, callback, user_data);
}

gboolean
bridge_plan_export_finish (BridgePlan    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
/* Public API --------------------------------------------------------------- */

gboolean
bridge_plan_export_pdf (BridgePlan     *plan,
                        BridgeCatalog  *catalog,
                        const char     *path,
                        GError        **error)
{
  return bridge_plan_export_pdf_with_annex (plan, catalog, NULL, NULL, path, error);
}

GBytes *
bridge_plan_render_pdf (BridgePlan     *plan,
                        BridgeCatalog  *catalog,
                        GError        **error)
{
  return bridge_plan_render_pdf_with_annex (plan, catalog, NULL, NULL, error);
}

gboolean
bridge_plan_export_pdf_with_annex (BridgePlan                   *plan,
                                   BridgeCatalog                *catalog,
                                   BridgeHoldings               *holdings,
                                   const BridgeHoldingsSummary  *summary,
                                   const char                   *path,
                                   GError                      **error)
{
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  pdf = bridge_plan_render_pdf_with_annex (plan, catalog, holdings, summary, error);
  return pdf != NULL && bridge_pdf_write (pdf, path, error);
}

GBytes *
bridge_plan_render_pdf_with_annex (BridgePlan                   *plan,
                                   BridgeCatalog                *catalog,
                                   BridgeHoldings               *holdings,
                                   const BridgeHoldingsSummary  *summary,
                                   GError                      **error)
{
  g_autoptr(BridgePlanDocument) doc = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  doc = bridge_plan_document_new_with_annex (plan, catalog, holdings, summary, error);
  if (doc == NULL)
    return NULL;
  return render_document (doc, error);
}

void
bridge_plan_export_pdf_with_annex_async (BridgePlan                  *plan,
                                         BridgeCatalog               *catalog,
                                         BridgeHoldings              *holdings,
                                         const BridgeHoldingsSummary *summary,
                                         const char                  *path,
                                         GCancellable                *cancellable,
                                         GAsyncReadyCallback          callback,
                                         gpointer                     user_data)
{
  g_return_if_fail (BRIDGE_IS_PLAN (plan));
  g_return_if_fail (BRIDGE_IS_CATALOG (catalog));
  g_return_if_fail (summary == NULL || BRIDGE_IS_HOLDINGS (holdings));
  g_return_if_fail (path != NULL);

  start_export (plan, catalog, BRIDGE_PLAN_EXPORT_PDF, holdings, summary, path, cancellable, callback, user_data);
}

BridgePlanDocument *
bridge_plan_document_new (BridgePlan     *plan,
                          BridgeCatalog  *catalog,
                          GError        **error)
{
  return bridge_plan_document_new_with_annex (plan, catalog, NULL, NULL, error);
}

BridgePlanDocument *
bridge_plan_document_new_with_annex (BridgePlan                  *plan,
                                     BridgeCatalog               *catalog,
                                     BridgeHoldings              *holdings,
                                     const BridgeHoldingsSummary *summary,
                                     GError                     **error)
{
  g_autoptr(BridgePlanDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (summary == NULL || BRIDGE_IS_HOLDINGS (holdings), NULL);

  digest = bridge_plan_get_agreement_digest (plan);
  doc = g_new0 (BridgePlanDocument, 1);
  doc->writer = bridge_pdf_writer_new (_("Learning Agreement"), digest);
  build (doc, plan, catalog);
  if (summary != NULL)
    add_annex (doc, holdings, summary, catalog);
  /* Pango drops a text whose markup does not parse, and cairo stops at a noncharacter. */
  if (!bridge_pdf_writer_check_texts (doc->writer, &local_error))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                   /* Translators: what is wrong, from “a text contains the invisible character U+FFFE (after “Sichuan”)” */
                   _("The agreement cannot be laid out: %s; correct it in the plan or the catalog"),
                   local_error->message);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

guint
bridge_plan_document_paginate (BridgePlanDocument *self,
                               cairo_t            *cr,
                               double              width,
                               double              height)
{
  g_return_val_if_fail (self != NULL, 0);

  return bridge_pdf_writer_paginate (self->writer, cr, width, height);
}

void
bridge_plan_document_draw_page (BridgePlanDocument *self,
                                cairo_t            *cr,
                                guint               page)
{
  g_return_if_fail (self != NULL);

  bridge_pdf_writer_draw_page (self->writer, cr, page);
}

void
bridge_plan_document_free (BridgePlanDocument *self)
{
  if (self == NULL)
    return;
  bridge_pdf_writer_free (self->writer);
  g_free (self);
}
