/* bridge-plan-ewp.c: the Learning Agreement as Erasmus Without Paper XML
 *
 * Writes an omobility-las-get-response with one la (Outgoing Mobility
 * Learning Agreements API, stable-v1 namespace, v1.2 schemas in
 * ../shared/spec/ewp-xsd) and reads one back into a plan.
 *
 *   not yet approved  → changes-proposal (the proposed first version)
 *   approved          → first-version (+ approved-changes after changes)
 *   pending changes   → … + changes-proposal (changes against first-version)
 *
 * Beyond the schema, the EWP documentation requires (and this file checks):
 * a term-id on every component of Tables A and B, no recognition-conditions
 * in Table A, and name, position and email for institutional signers.
 * Credits go out in the "ects" scheme from the workload, and in a "local"
 * scheme with the university's own credits.
 *
 * Groups are not part of EWP: each Table B component says in its
 * recognition-conditions which Table A codes it is recognised for
 * ("Recognised for: CS301 + CS302."), which a reader of the XML
 * understands and the import uses to rebuild the groups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge-credit.h"
#include "bridge-error.h"
#include "bridge-plan-export.h"
#include "bridge-plan-private.h"
#include "bridge-plan.h"
#include "bridge-validate.h"

#define EWP_NS "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd"
#define TRM_NS "https://github.com/erasmus-without-paper/ewp-specs-types-academic-term/tree/stable-v2"
#define SIGNER_APP "Credit Bridge"
#define RECOGNISED_FOR "Recognised for: "
#define AUTOMATIC "Automatic recognition."

/* ------------------------------------------------------------------------ */
/* Export                                                                   */

typedef struct
{
  BridgePlan           *plan;
  BridgeCatalog        *catalog;
  const BridgeAlliance *alliance;
  GString              *out;
  GString              *saved;            /* while writing a proposal's content */
  int                   depth;
  char                **bad_text;         /* the first text XML cannot carry, as a message */
} Writer;

static void
w_indent (Writer *w)
{
  for (int i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

static void
w_open (Writer     *w,
        const char *name,
        const char *attrs)
{
  w_indent (w);
  g_string_append_printf (w->out, "<%s%s%s>\n", name, attrs ? " " : "", attrs ? attrs : "");
  w->depth++;
}

static void
w_close (Writer     *w,
         const char *name)
{
  w->depth--;
  w_indent (w);
  g_string_append_printf (w->out, "</%s>\n", name);
}

static void
w_text (Writer     *w,
        const char *name,
        const char *text)
{
  g_autofree char *escaped = NULL;

  gunichar bad;

  if (text == NULL)
    return;
  /* XML 1.0 has no place for control characters or noncharacters, even as
   * references: the document would not be well-formed. */
  if (!bridge_validate_chars (text, TRUE, &bad))
    {
      if (*w->bad_text == NULL)
        /* Translators: an EWP element such as "title", then a character code such as U+FFFE */
        *w->bad_text = g_strdup_printf (_("the %s contains the invisible character U+%04X; correct it in the plan or the catalog"),
                                       name, bad);
      return;
    }
  escaped = g_markup_escape_text (text, -1);
  w_indent (w);
  g_string_append_printf (w->out, "<%s>%s</%s>\n", name, escaped, name);
}

static gboolean
ewp_fail (GError    **error,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static gboolean
ewp_fail (GError    **error,
          const char *format,
          ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
               _("The agreement cannot go out as EWP XML: %s"), msg);
  return FALSE;
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static gboolean
looks_like_email (const char *s)
{
  return !is_blank (s) && bridge_validate_email ("", s, NULL);
}

static gboolean
is_cjk_name (const char *name)
{
  gunichar c = g_utf8_get_char (name);

  return c >= 0x2E80 && c <= 0x9FFF;
}

/* "Ana Silva" → Ana / Silva; "李华" → 华 / 李 (family name first). */
static void
split_name (const char  *name,
            char       **given,
            char       **family)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  const char *space = strrchr (trimmed, ' ');

  if (space != NULL)
    {
      *given = g_strstrip (g_strndup (trimmed, space - trimmed));
      *family = g_strdup (space + 1);
    }
  else if (is_cjk_name (trimmed) && g_utf8_strlen (trimmed, -1) >= 2)
    {
      const char *second = g_utf8_next_char (trimmed);

      *family = g_strndup (trimmed, second - trimmed);
      *given = g_strdup (second);
    }
  else
    {
      *given = g_strdup (trimmed);
      *family = g_strdup (trimmed);
    }
}

static char *
join_name (const char *given,
           const char *family)
{
  if (given == NULL || given[0] == '\0')
    return g_strdup (family);
  if (family == NULL || family[0] == '\0' || g_str_equal (given, family))
    return g_strdup (given);
  if (is_cjk_name (family))
    return g_strconcat (family, given, NULL);
  return g_strconcat (given, " ", family, NULL);
}

/* The academic year of a date: August and later start one. */
static char *
academic_year_of (const char *date)
{
  int y, m;

  if (date == NULL || strlen (date) < 7)
    return NULL;
  y = atoi (date);
  m = atoi (date + 5);
  if (y < 1000 || m < 1 || m > 12)
    return NULL;
  return m >= 8 ? g_strdup_printf ("%d/%d", y, y + 1) : g_strdup_printf ("%d/%d", y - 1, y);
}

/* term-number and total-terms of a host term: its place among the host
 * university's terms of the same academic year, by start date. */
static gboolean
term_position (Writer     *w,
               const char *term_id,
               int        *number,
               int        *total)
{
  g_autoptr(BridgeUniversity) host = NULL;
  const BridgeTerm *term;
  g_autofree char *year = NULL;
  GPtrArray *terms;

  *number = *total = 0;
  if (term_id == NULL)
    return FALSE;
  host = bridge_plan_get_host_university (w->plan)
           ? bridge_catalog_get_university (w->catalog, bridge_plan_get_host_university (w->plan), NULL)
           : NULL;
  term = host ? bridge_university_find_term (host, term_id) : NULL;
  if (term != NULL && (year = academic_year_of (term->start)) != NULL)
    {
      terms = bridge_university_get_terms (host);
      for (guint i = 0; i < terms->len; i++)
        {
          const BridgeTerm *t = g_ptr_array_index (terms, i);
          g_autofree char *ty = academic_year_of (t->start);

          if (g_strcmp0 (ty, year) != 0)
            continue;
          (*total)++;
          if (g_strcmp0 (t->start, term->start) <= 0)
            (*number)++;
        }
      return *number >= 1 && *number <= *total;
    }
  /* Not in the catalog: the usual names of semesters. */
  if (strstr (term_id, "autumn") || strstr (term_id, "fall") || strstr (term_id, "winter"))
    *number = 1, *total = 2;
  else if (strstr (term_id, "spring") || strstr (term_id, "summer"))
    *number = 2, *total = 2;
  else
    {
      /* "2026/2027-1/2", as EWP writes term ids */
      const char *dash = strrchr (term_id, '-');

      if (dash && sscanf (dash + 1, "%d/%d", number, total) == 2 && *number >= 1 && *number <= *total)
        return TRUE;
      *number = *total = 0;
      return FALSE;
    }
  return TRUE;
}

static char *
format_decimal (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *s;
  gsize len;

  g_ascii_formatd (buf, sizeof buf, "%.2f", floor (value * 100 + 0.5) / 100);
  s = g_strdup (buf);
  len = strlen (s);
  while (len > 0 && s[len - 1] == '0')
    s[--len] = '\0';
  if (len > 0 && s[len - 1] == '.')
    s[--len] = '\0';
  return s;
}

/* ECTS of a component: its workload over the alliance's ECTS hours. */
static double
component_ects (Writer                    *w,
                const BridgePlanComponent *c)
{
  g_autoptr(BridgeCourse) course = bridge_catalog_get_course (w->catalog, c->course_id, NULL);
  double hours = c->workload_hours;

  if (course != NULL)
    {
      g_autoptr(BridgeUniversity) uni = bridge_catalog_get_university (w->catalog, bridge_course_get_university_id (course), NULL);
      BridgeCourseLoad load;
      BridgeRational r;
      BridgeWorkloadSource source;

      bridge_course_load_from_course (&load, course);
      if (uni && bridge_credit_workload (bridge_university_get_policy (uni), &load, &r, &source, NULL, NULL))
        hours = bridge_rational_to_double (r);
    }
  return hours / w->alliance->ects_hours_per_credit;
}

static const char *
component_title (const BridgePlanComponent *c)
{
  const char *t = NULL;

  if (c->title)
    t = bridge_text_get (c->title, "en");
  if (t == NULL && c->title)
    t = bridge_text_pick (c->title);
  return t ? t : (c->code ? c->code : c->course_id);
}

static gboolean
write_component (Writer                    *w,
                 const BridgePlanComponent *c,
                 BridgePlanSide             side,
                 const char                *status,
                 const BridgePlanChange    *why,
                 const char                *recognition,
                 GError                   **error)
{
  g_autoptr(GString) attrs = g_string_new (NULL);
  g_autofree char *ects = NULL, *local = NULL;
  const char *term = c->term ? c->term : bridge_plan_get_term (w->plan);
  int number, total;

  if (!term_position (w, term, &number, &total))
    return ewp_fail (error, _("%s has no term-id: the plan needs a host term that the catalog knows (EWP requires a term-id in Tables A and B)"),
                     c->code ? c->code : c->course_id);
  if (side == BRIDGE_PLAN_SIDE_HOST && recognition != NULL)
    return ewp_fail (error, _("Table A must not carry recognition conditions"));

  if (status)
    {
      g_string_append_printf (attrs, "status=\"%s\"", status);
      if (why && why->reason != BRIDGE_CHANGE_REASON_OTHER)
        g_string_append_printf (attrs, " reason-code=\"%s\"", bridge_change_reason_to_string (why->reason));
      if (why && why->reason_text)
        {
          g_autofree char *t = g_markup_escape_text (why->reason_text, -1);

          g_string_append_printf (attrs, " reason-text=\"%s\"", t);
        }
    }
  w_open (w, "component", attrs->len ? attrs->str : NULL);
  w_text (w, "los-code", c->code ? c->code : c->course_id);
  w_text (w, "title", component_title (c));
  w_open (w, "term-id", NULL);
  w_indent (w);
  g_string_append_printf (w->out, "<trm:term-number>%d</trm:term-number>\n", number);
  w_indent (w);
  g_string_append_printf (w->out, "<trm:total-terms>%d</trm:total-terms>\n", total);
  w_close (w, "term-id");
  ects = format_decimal (component_ects (w, c));
  w_open (w, "credit", NULL);
  w_text (w, "scheme", "ects");
  w_text (w, "value", ects);
  w_close (w, "credit");
  local = format_decimal (c->credits);
  w_open (w, "credit", NULL);
  w_text (w, "scheme", "local");
  w_text (w, "value", local);
  w_close (w, "credit");
  w_text (w, "recognition-conditions", recognition);
  w_close (w, "component");
  return TRUE;
}

/* "Recognised for: CS301 + CS302. Automatic recognition." */
static char *
recognition_text (BridgePlanGroup           *group,
                  const BridgePlanComponent *home)
{
  g_autoptr(GString) s = g_string_new (RECOGNISED_FOR);

  for (guint i = 0; i < bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST); i++)
    {
      const BridgePlanComponent *h = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, i);

      if (i > 0)
        g_string_append (s, " + ");
      g_string_append (s, h->code ? h->code : h->course_id);
    }
  g_string_append (s, ".");
  if (home->automatic)
    g_string_append (s, " " AUTOMATIC);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
write_signature (Writer                    *w,
                 const char                *element,
                 const BridgePlanApproval  *a,
                 GError                   **error)
{
  g_autoptr(GDateTime) dt = NULL;

  if (a->role != BRIDGE_PLAN_ROLE_STUDENT
      && (is_blank (a->person.name) || is_blank (a->person.position) || !looks_like_email (a->person.email)))
    return ewp_fail (error, _("the %s signer needs a name, a position and an email address"),
                     bridge_plan_role_get_label (a->role));
  dt = a->timestamp ? g_date_time_new_from_iso8601 (a->timestamp, NULL) : NULL;
  if (dt == NULL)
    return ewp_fail (error, _("the approval of the %s has no valid time"), bridge_plan_role_get_label (a->role));
  w_open (w, element, NULL);
  w_text (w, "signer-name", a->person.name);
  w_text (w, "signer-position", a->person.position);
  if (looks_like_email (a->person.email))
    w_text (w, "signer-email", a->person.email);
  w_text (w, "timestamp", a->timestamp);
  w_text (w, "signer-app", SIGNER_APP);
  w_close (w, element);
  return TRUE;
}

static gboolean
write_signatures (Writer                     *w,
                  const BridgePlanApproval  **approvals,
                  gboolean                    need_receiving,
                  GError                    **error)
{
  if (approvals[BRIDGE_PLAN_ROLE_STUDENT] == NULL || approvals[BRIDGE_PLAN_ROLE_SENDING] == NULL)
    return ewp_fail (error, _("EWP sends an agreement or a change only once the student and the sending institution have approved it"));
  if (need_receiving && approvals[BRIDGE_PLAN_ROLE_RECEIVING] == NULL)
    return ewp_fail (error, _("the receiving institution’s approval is missing"));
  if (!write_signature (w, "student-signature", approvals[BRIDGE_PLAN_ROLE_STUDENT], error)
      || !write_signature (w, "sending-hei-signature", approvals[BRIDGE_PLAN_ROLE_SENDING], error))
    return FALSE;
  if (approvals[BRIDGE_PLAN_ROLE_RECEIVING] != NULL
      && !write_signature (w, "receiving-hei-signature", approvals[BRIDGE_PLAN_ROLE_RECEIVING], error))
    return FALSE;
  return TRUE;
}

/* Writes every component of @plan (a snapshot): Table A studied (virtual
 * ones in virtual-components), Table B recognised. */
static gboolean
write_snapshot (Writer      *w,
                BridgePlan  *plan,
                GError     **error)
{
  guint n = bridge_plan_get_n_groups (plan);
  gboolean any;

  for (int pass = 0; pass < 3; pass++)
    {
      const char *element = pass == 0 ? "components-studied" : pass == 1 ? "components-recognized" : "virtual-components";
      BridgePlanSide side = pass == 1 ? BRIDGE_PLAN_SIDE_HOME : BRIDGE_PLAN_SIDE_HOST;

      any = FALSE;
      for (guint i = 0; i < n; i++)
        {
          BridgePlanGroup *g = bridge_plan_get_group (plan, i);

          for (guint j = 0; j < bridge_plan_group_get_n_components (g, side); j++)
            {
              const BridgePlanComponent *c = bridge_plan_group_get_component (g, side, j);
              g_autofree char *rec = NULL;

              if (side == BRIDGE_PLAN_SIDE_HOST && !!c->is_virtual != (pass == 2))
                continue;
              if (!any)
                w_open (w, element, NULL);
              any = TRUE;
              if (side == BRIDGE_PLAN_SIDE_HOME)
                rec = recognition_text (g, c);
              if (!write_component (w, c, side, NULL, NULL, rec, error))
                return FALSE;
            }
        }
      if (any)
        w_close (w, element);
    }
  return TRUE;
}

static const BridgePlanChange *
find_change (GPtrArray        **change_lists,
             guint              n_lists,
             BridgeChangeKind   kind,
             BridgePlanSide     side,
             const char        *course_id)
{
  /* The latest change that explains it. */
  for (guint l = n_lists; l > 0; l--)
    {
      GPtrArray *changes = change_lists[l - 1];

      for (guint i = changes ? changes->len : 0; i > 0; i--)
        {
          BridgePlanChange *c = g_ptr_array_index (changes, i - 1);

          if (c->kind == kind && c->side == side && g_strcmp0 (c->component->course_id, course_id) == 0)
            return c;
        }
    }
  return NULL;
}

/* The changes between @first and @now, as EWP lists them: components inserted
 * and deleted, each with the reason recorded when it was proposed. */
static gboolean
write_diff (Writer      *w,
            BridgePlan  *first,
            BridgePlan  *now,
            GPtrArray  **change_lists,
            guint        n_lists,
            GError     **error)
{
  for (int pass = 0; pass < 3; pass++)
    {
      const char *element = pass == 0 ? "components-studied" : pass == 1 ? "components-recognized" : "virtual-components";
      BridgePlanSide side = pass == 1 ? BRIDGE_PLAN_SIDE_HOME : BRIDGE_PLAN_SIDE_HOST;
      gboolean any = FALSE;

      for (int dir = 0; dir < 2; dir++)
        {
          /* dir 0: in first, not now (deleted); dir 1: in now, not first (inserted) */
          BridgePlan *from = dir == 0 ? first : now;
          BridgePlan *other = dir == 0 ? now : first;

          for (guint i = 0; i < bridge_plan_get_n_groups (from); i++)
            {
              BridgePlanGroup *g = bridge_plan_get_group (from, i);

              for (guint j = 0; j < bridge_plan_group_get_n_components (g, side); j++)
                {
                  const BridgePlanComponent *c = bridge_plan_group_get_component (g, side, j);
                  BridgePlanGroup *og = bridge_plan_find_group (other, bridge_plan_group_get_id (g), NULL);
                  const BridgePlanChange *why;
                  g_autofree char *rec = NULL;

                  if (side == BRIDGE_PLAN_SIDE_HOST && !!c->is_virtual != (pass == 2))
                    continue;
                  if (og && bridge_plan_group_find_component (og, side, c->course_id, NULL))
                    continue;
                  why = find_change (change_lists, n_lists, dir == 0 ? BRIDGE_CHANGE_DELETE : BRIDGE_CHANGE_ADD,
                                     side, c->course_id);
                  if (!any)
                    w_open (w, element, NULL);
                  any = TRUE;
                  if (side == BRIDGE_PLAN_SIDE_HOME)
                    rec = recognition_text (g, c);
                  if (!write_component (w, c, side, dir == 0 ? "deleted" : "inserted", why, rec, error))
                    return FALSE;
                }
            }
        }
      if (any)
        w_close (w, element);
    }
  return TRUE;
}

static gboolean
write_institution (Writer          *w,
                   const char      *element,
                   BridgePlanSide   side,
                   GError         **error)
{
  const BridgePlanInstitution *inst = bridge_plan_get_institution (w->plan, side);
  g_autoptr(BridgeUniversity) uni = NULL;
  const BridgePlanPerson *p;
  g_autofree char *given = NULL, *family = NULL;
  const char *label = side == BRIDGE_PLAN_SIDE_HOME ? _("sending institution") : _("receiving institution");

  if (inst->university == NULL)
    return ewp_fail (error, _("the %s is not chosen"), label);
  uni = bridge_catalog_get_university (w->catalog, inst->university, NULL);
  if (uni == NULL || is_blank (bridge_university_get_hei_id (uni)))
    return ewp_fail (error, _("the catalog gives no EWP hei-id for “%s”"), inst->university);
  p = !is_blank (inst->contact.name) && looks_like_email (inst->contact.email) ? &inst->contact : &inst->responsible;
  if (is_blank (p->name) || !looks_like_email (p->email))
    {
      /* No one named in the plan: the person who approved for it. */
      const BridgePlanApproval *a = bridge_plan_get_approval (w->plan, side == BRIDGE_PLAN_SIDE_HOME ? BRIDGE_PLAN_ROLE_SENDING
                                                                                                   : BRIDGE_PLAN_ROLE_RECEIVING);

      if (a == NULL)
        a = bridge_plan_get_pending_approval (w->plan, side == BRIDGE_PLAN_SIDE_HOME ? BRIDGE_PLAN_ROLE_SENDING
                                                                                     : BRIDGE_PLAN_ROLE_RECEIVING);
      if (a != NULL)
        p = &a->person;
    }
  if (is_blank (p->name) || !looks_like_email (p->email))
    return ewp_fail (error, _("the %s needs a contact person with a name and an email address"), label);

  w_open (w, element, NULL);
  w_text (w, "hei-id", bridge_university_get_hei_id (uni));
  if (!is_blank (inst->faculty))
    w_text (w, "ounit-name", inst->faculty);
  w_open (w, "contact-person", NULL);
  split_name (p->name, &given, &family);
  w_text (w, "given-names", given);
  w_text (w, "family-name", family);
  w_text (w, "email", p->email);
  w_close (w, "contact-person");
  w_close (w, element);
  return TRUE;
}

static gboolean
write_student (Writer  *w,
               GError **error)
{
  const BridgePlanStudent *s = bridge_plan_get_student (w->plan);
  g_autofree char *given = NULL, *family = NULL;

  if (is_blank (s->name))
    return ewp_fail (error, _("the student has no name"));
  split_name (s->name, &given, &family);
  w_open (w, "student", NULL);
  w_text (w, "given-names", given);
  w_text (w, "family-name", family);
  if (!is_blank (s->student_number))
    {
      g_autoptr(BridgeUniversity) home = bridge_catalog_get_university (w->catalog, bridge_plan_get_home_university (w->plan), NULL);
      g_autofree char *gid = g_strdup_printf ("urn:schac:personalUniqueCode:int:esi:%s:%s",
                                              home ? bridge_university_get_hei_id (home) : "",
                                              s->student_number);

      w_text (w, "global-id", gid);
    }
  /* bridge_plan_check_ready () checked the values with bridge-validate.h. */
  w_text (w, "birth-date", is_blank (s->birth_date) ? NULL : s->birth_date);
  if (!is_blank (s->nationality))
    {
      g_autofree char *cc = g_ascii_strup (s->nationality, -1);

      w_text (w, "citizenship", cc);
    }
  w_text (w, "gender", is_blank (s->gender) ? NULL : s->gender);
  w_text (w, "email", is_blank (s->email) ? NULL : s->email);
  w_close (w, "student");
  return TRUE;
}

/* A changes-proposal's id must change exactly when its content does: it is
 * the SHA-256 of the element's content as written. The content goes to a
 * buffer of its own first. */
static void
proposal_begin (Writer *w)
{
  w->saved = w->out;
  w->out = g_string_new (NULL);
  w->depth++;
}

static void
proposal_abandon (Writer *w)
{
  g_string_free (w->out, TRUE);
  w->out = w->saved;
  w->saved = NULL;
  w->depth--;
}

static void
proposal_end (Writer *w)
{
  GString *body = w->out;
  g_autofree char *id = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body->str, body->len);
  g_autofree char *attrs = g_strdup_printf ("id=\"%s\"", id);

  w->out = w->saved;
  w->saved = NULL;
  w->depth--;
  w_open (w, "changes-proposal", attrs);
  g_string_append_len (w->out, body->str, body->len);
  g_string_free (body, TRUE);
  w_close (w, "changes-proposal");
}

char *
bridge_plan_to_ewp_xml (BridgePlan     *self,
                        BridgeCatalog  *catalog,
                        GError        **error)
{
  g_autofree char *bad_text = NULL;
  Writer w = { self, catalog, NULL, NULL, NULL, 0, &bad_text };
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  const BridgePlanStudent *s = bridge_plan_get_student (self);
  const char *start = bridge_plan_get_start_date (self);
  const char *end = bridge_plan_get_end_date (self);
  g_autofree char *year = NULL;
  g_autofree char *eqf = NULL;
  g_autofree char *cefr = NULL;
  const BridgePlanApproval *approvals[BRIDGE_PLAN_N_ROLES];

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  w.out = out;
  w.alliance = bridge_catalog_get_alliance (catalog);
  if (w.alliance == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The catalog is empty; import the alliance catalog first"));
      return NULL;
    }
  if (bridge_plan_get_modified_after_approval (self))
    {
      ewp_fail (error, _("the plan was modified after it was approved"));
      return NULL;
    }
  if (bridge_plan_get_n_groups (self) == 0)
    {
      ewp_fail (error, _("the plan has no courses"));
      return NULL;
    }
  {
    g_autoptr(GPtrArray) missing = bridge_plan_check_ready (self);

    if (missing->len > 0)
      {
        g_autofree char *list = NULL;

        g_ptr_array_add (missing, NULL);
        list = g_strjoinv ("; ", (char **) missing->pdata);
        ewp_fail (error, "%s", list);
        return NULL;
      }
  }
  year = g_strdup (bridge_plan_get_academic_year (self));
  if (year == NULL)
    year = academic_year_of (start);
  cefr = g_ascii_strup (s->cefr, -1);

  g_string_append (out, "<omobility-las-get-response xmlns=\"" EWP_NS "\" xmlns:trm=\"" TRM_NS "\">\n");
  w.depth = 1;
  w_open (&w, "la", NULL);
  w_text (&w, "omobility-id", bridge_plan_get_mobility_id (self));
  if (!write_institution (&w, "sending-hei", BRIDGE_PLAN_SIDE_HOME, error)
      || !write_institution (&w, "receiving-hei", BRIDGE_PLAN_SIDE_HOST, error))
    return NULL;
  w_text (&w, "receiving-academic-year-id", year);
  if (!write_student (&w, error))
    return NULL;
  w_text (&w, "start-date", start);
  w_text (&w, "end-date", end);
  eqf = g_strdup_printf ("%d", s->cycle == BRIDGE_CYCLE_DOCTORAL ? 8 : s->cycle == BRIDGE_CYCLE_MASTER ? 7 : 6);
  w_text (&w, "eqf-level-studied-at-departure", eqf);
  w_text (&w, "isced-f-code", s->isced);
  w_open (&w, "student-language-skill", NULL);
  w_text (&w, "language", s->language);
  w_text (&w, "cefr-level", cefr);
  w_close (&w, "student-language-skill");

  if (!bridge_plan_get_locked (self))
    {
      for (guint r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
        approvals[r] = bridge_plan_get_approval (self, r);
      proposal_begin (&w);
      if (!write_snapshot (&w, self, error) || !write_signatures (&w, approvals, FALSE, error))
        {
          proposal_abandon (&w);
          return NULL;
        }
      proposal_end (&w);
    }
  else
    {
      g_autoptr(BridgePlan) first = bridge_plan_get_version (self, 1, error);
      guint n_versions = bridge_plan_get_n_versions (self);
      g_autoptr(GPtrArray) lists = g_ptr_array_new ();

      if (first == NULL)
        return NULL;
      for (guint v = 2; v <= n_versions; v++)
        g_ptr_array_add (lists, bridge_plan_get_version_changes (self, v));

      for (guint r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
        approvals[r] = bridge_plan_get_approval (first, r);
      w_open (&w, "first-version", NULL);
      if (!write_snapshot (&w, first, error) || !write_signatures (&w, approvals, TRUE, error))
        return NULL;
      w_close (&w, "first-version");

      if (n_versions > 1)
        {
          for (guint r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
            approvals[r] = bridge_plan_get_approval (self, r);
          w_open (&w, "approved-changes", NULL);
          if (!write_diff (&w, first, self, (GPtrArray **) lists->pdata, lists->len, error)
              || !write_signatures (&w, approvals, TRUE, error))
            return NULL;
          w_close (&w, "approved-changes");
        }

      if (bridge_plan_get_pending_changes (self))
        {
          g_autoptr(BridgePlan) proposed = bridge_plan_preview_pending (self);

          g_ptr_array_add (lists, bridge_plan_get_pending_changes (self));
          for (guint r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
            approvals[r] = bridge_plan_get_pending_approval (self, r);
          proposal_begin (&w);
          if (!write_diff (&w, first, proposed, (GPtrArray **) lists->pdata, lists->len, error)
              || !write_signatures (&w, approvals, FALSE, error))
            {
              proposal_abandon (&w);
              return NULL;
            }
          proposal_end (&w);
        }
    }
  w_close (&w, "la");
  g_string_append (out, "</omobility-las-get-response>\n");
  if (bad_text != NULL)
    {
      ewp_fail (error, "%s", bad_text);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Import                                                                   */

typedef struct _Node Node;
struct _Node
{
  char      *name;                        /* local name, without the prefix */
  char      *ns;                          /* the namespace, of the document element only */
  GString   *text;
  GPtrArray *attrs;                       /* name, value, name, value … */
  GPtrArray *children;
  Node      *parent;
  guint      depth;                       /* the document is 0 */
};

static void
node_free (Node *n)
{
  g_free (n->name);
  g_free (n->ns);
  g_string_free (n->text, TRUE);
  g_ptr_array_unref (n->attrs);
  g_ptr_array_unref (n->children);
  g_free (n);
}

static Node *
node_new (const char *qname,
          Node       *parent)
{
  Node *n = g_new0 (Node, 1);
  const char *colon = strchr (qname, ':');

  n->name = g_strdup (colon ? colon + 1 : qname);
  n->text = g_string_new (NULL);
  n->attrs = g_ptr_array_new_with_free_func (g_free);
  n->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  n->parent = parent;
  n->depth = parent ? parent->depth + 1 : 0;
  return n;
}

/* Text a plan cannot hold (bridge-validate.h) ends the parse with a message
 * that names the element. */
static gboolean
check_chars (const char  *element,
             const char  *text,
             GError     **error)
{
  gunichar bad;

  if (bridge_validate_chars (text, TRUE, &bad))
    return TRUE;
  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
               /* Translators: an element of the XML, then a character code such as U+FFFE */
               _("<%s> contains the invisible character U+%04X, which an agreement cannot carry"),
               element, bad);
  return FALSE;
}

static void
parse_start (GMarkupParseContext  *ctx,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  Node **cur = user_data;
  Node *n;

  /* The tree is freed recursively: bound its depth. */
  if ((*cur)->depth >= BRIDGE_PLAN_MAX_DEPTH)
    {
      int line, column;

      g_markup_parse_context_get_position (ctx, &line, &column);
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   /* Translators: the line and column of the element that goes too deep */
                   _("line %d, column %d: the elements are nested more than %d levels deep, "
                     "which no learning agreement needs"),
                   line, column, BRIDGE_PLAN_MAX_DEPTH);
      return;
    }
  for (guint i = 0; names[i]; i++)
    if (!check_chars (element, values[i], error))
      return;
  n = node_new (element, *cur);
  for (guint i = 0; names[i]; i++)
    {
      g_ptr_array_add (n->attrs, g_strdup (names[i]));
      g_ptr_array_add (n->attrs, g_strdup (values[i]));
    }
  /* The namespace of the document element, for the check that it is EWP's. */
  if ((*cur)->parent == NULL)
    {
      const char *colon = strchr (element, ':');
      g_autofree char *prefix = colon ? g_strndup (element, colon - element) : NULL;
      g_autofree char *decl = prefix ? g_strconcat ("xmlns:", prefix, NULL) : g_strdup ("xmlns");

      for (guint i = 0; names[i]; i++)
        if (g_str_equal (names[i], decl))
          n->ns = g_strdup (values[i]);
    }
  g_ptr_array_add ((*cur)->children, n);
  *cur = n;
}

static void
parse_end (GMarkupParseContext  *ctx,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  Node **cur = user_data;

  *cur = (*cur)->parent;
}

static void
parse_text (GMarkupParseContext  *ctx,
            const char           *text,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  Node **cur = user_data;
  g_autofree char *copy = g_strndup (text, len);

  if (!check_chars (g_markup_parse_context_get_element (ctx), copy, error))
    return;
  g_string_append_len ((*cur)->text, text, len);
}

static Node *
child (Node       *n,
       const char *name)
{
  for (guint i = 0; n && i < n->children->len; i++)
    {
      Node *c = g_ptr_array_index (n->children, i);

      if (g_str_equal (c->name, name))
        return c;
    }
  return NULL;
}

/* The trimmed text of a child, or NULL. */
static char *
child_text (Node       *n,
            const char *name)
{
  Node *c = child (n, name);

  return c ? g_strstrip (g_strdup (c->text->str)) : NULL;
}

static const char *
attr (Node       *n,
      const char *name)
{
  for (guint i = 0; i + 1 < n->attrs->len; i += 2)
    if (g_str_equal (g_ptr_array_index (n->attrs, i), name))
      return g_ptr_array_index (n->attrs, i + 1);
  return NULL;
}

typedef struct
{
  BridgeCatalog *catalog;
  BridgePlan    *plan;
  char          *home;                    /* catalog university ids */
  char          *host;
  char          *year;
} Reader;

static char *
university_by_hei (BridgeCatalog *catalog,
                   const char    *hei)
{
  g_autoptr(GPtrArray) unis = bridge_catalog_list_universities (catalog);

  for (guint i = 0; hei && unis && i < unis->len; i++)
    {
      BridgeUniversity *u = g_ptr_array_index (unis, i);

      if (g_strcmp0 (bridge_university_get_hei_id (u), hei) == 0)
        return g_strdup (bridge_university_get_id (u));
    }
  return NULL;
}

static void
read_person (Node             *contact,
             BridgePlanPerson *p)
{
  g_autofree char *given = child_text (contact, "given-names");
  g_autofree char *family = child_text (contact, "family-name");

  p->name = join_name (given, family);
  p->email = child_text (contact, "email");
}

/* The host term id for a term-id, from the host's terms in the catalog. */
static char *
read_term (Reader *r,
           Node   *term_id)
{
  g_autofree char *num = child_text (term_id, "term-number");
  g_autofree char *tot = child_text (term_id, "total-terms");
  int number = num ? atoi (num) : 0, total = tot ? atoi (tot) : 0;
  g_autoptr(BridgeUniversity) host = r->host ? bridge_catalog_get_university (r->catalog, r->host, NULL) : NULL;

  if (host != NULL && r->year != NULL)
    {
      GPtrArray *terms = bridge_university_get_terms (host);
      g_autoptr(GPtrArray) same = g_ptr_array_new ();

      for (guint i = 0; i < terms->len; i++)
        {
          BridgeTerm *t = g_ptr_array_index (terms, i);
          g_autofree char *ty = academic_year_of (t->start);

          if (g_strcmp0 (ty, r->year) == 0)
            g_ptr_array_add (same, t);
        }
      /* by start date */
      for (guint i = 0; i < same->len; i++)
        for (guint j = i + 1; j < same->len; j++)
          if (g_strcmp0 (((BridgeTerm *) same->pdata[j])->start, ((BridgeTerm *) same->pdata[i])->start) < 0)
            {
              gpointer tmp = same->pdata[i];

              same->pdata[i] = same->pdata[j];
              same->pdata[j] = tmp;
            }
      if ((int) same->len == total && number >= 1 && number <= total)
        return g_strdup (((BridgeTerm *) same->pdata[number - 1])->id);
    }
  return g_strdup_printf ("%s-%d/%d", r->year ? r->year : "", number, total);
}

/* Reads a credit <value>: a finite number from 0 to @max, or an error naming
 * the component, so that the plan made of it can be saved and opened. */
static gboolean
read_credit (const char  *code,
             const char  *scheme,
             const char  *value,
             double       max,
             double      *out,
             GError     **error)
{
  char *end = NULL;
  double d = g_ascii_strtod (value, &end);

  if (end == value || *end != '\0' || !isfinite (d) || d < 0 || d > max)
    {
      g_autofree char *shown = g_utf8_strlen (value, -1) > 40 ? g_utf8_substring (value, 0, 40) : g_strdup (value);
      char limit[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (limit, sizeof limit, "%.0f", floor (max));
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                   /* Translators: the credits in “ects” of component “CS301” are “-3”, not a number from 0 to 33333 */
                   _("the credits in “%s” of component “%s” "
                     "are “%s”, not a number from 0 to %s; ask its sender for a corrected file"),
                   scheme, code, shown, limit);
      return FALSE;
    }
  *out = d;
  return TRUE;
}

static BridgePlanComponent *
read_component (Reader         *r,
                Node           *n,
                BridgePlanSide  side,
                GError        **error)
{
  g_autofree char *code = child_text (n, "los-code");
  g_autofree char *title = child_text (n, "title");
  const char *uni = side == BRIDGE_PLAN_SIDE_HOST ? r->host : r->home;
  g_autofree char *id = NULL;
  g_autoptr(BridgeCourse) course = NULL;
  const BridgeAlliance *alliance = bridge_catalog_get_alliance (r->catalog);
  BridgePlanComponent *c;
  double ects = 0, local = -1;
  /* The workload made of ECTS credits stays within bounds too. */
  double max_ects = alliance && alliance->ects_hours_per_credit > 1
                      ? BRIDGE_MAX_QUANTITY / alliance->ects_hours_per_credit
                      : BRIDGE_MAX_QUANTITY;
  Node *term;

  if (code == NULL)
    code = g_strdup (title ? title : "?");
  for (guint i = 0; i < n->children->len; i++)
    {
      Node *cr = g_ptr_array_index (n->children, i);
      g_autofree char *scheme = NULL, *value = NULL;

      if (!g_str_equal (cr->name, "credit"))
        continue;
      scheme = child_text (cr, "scheme");
      value = child_text (cr, "value");
      if (value == NULL)
        continue;
      if (g_strcmp0 (scheme, "ects") == 0 && !read_credit (code, scheme, value, max_ects, &ects, error))
        return NULL;
      else if (g_strcmp0 (scheme, "local") == 0
               && !read_credit (code, scheme, value, BRIDGE_MAX_QUANTITY, &local, error))
        return NULL;
    }
  if (uni != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (code, -1);

      id = g_strdup_printf ("%s:%s", uni, lower);
      course = bridge_catalog_get_course (r->catalog, id, NULL);
      if (course == NULL)
        {
          /* Codes need not follow the id convention: search the code. */
          BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
          g_autoptr(GPtrArray) found = NULL;
          guint total = 0;

          filter.university = uni;
          found = bridge_catalog_search (r->catalog, code, &filter, 5, &total, NULL);
          for (guint i = 0; found && i < found->len; i++)
            if (g_strcmp0 (bridge_course_get_code (g_ptr_array_index (found, i)), code) == 0)
              {
                course = g_object_ref (g_ptr_array_index (found, i));
                g_free (id);
                id = g_strdup (bridge_course_get_id (course));
                break;
              }
        }
    }
  else
    id = g_strdup (code);

  if (course != NULL)
    {
      c = bridge_plan_component_new (course);
      if (c->workload_hours <= 0)
        {
          g_autoptr(BridgeUniversity) u = bridge_catalog_get_university (r->catalog, bridge_course_get_university_id (course), NULL);
          BridgeCourseLoad load;
          BridgeRational hours;
          BridgeWorkloadSource source;

          bridge_course_load_from_course (&load, course);
          if (u && bridge_credit_workload (bridge_university_get_policy (u), &load, &hours, &source, NULL, NULL))
            c->workload_hours = bridge_rational_to_double (hours);
        }
    }
  else
    {
      c = bridge_plan_component_new_bare (id, code);
      c->title = title ? bridge_text_new (is_cjk_name (title) ? title : NULL, is_cjk_name (title) ? NULL : title) : NULL;
      c->unknown = TRUE;
    }

  if (course == NULL)
    {
      c->credits = local >= 0 ? local : ects;
      c->workload_hours = alliance ? ects * alliance->ects_hours_per_credit : 0;
    }
  term = child (n, "term-id");
  if (term != NULL)
    {
      g_autofree char *t = read_term (r, term);

      if (g_strcmp0 (t, bridge_plan_get_term (r->plan)) != 0)
        c->term = g_steal_pointer (&t);
    }
  if (side == BRIDGE_PLAN_SIDE_HOST && n->parent && g_str_equal (n->parent->name, "virtual-components"))
    c->is_virtual = TRUE;
  if (side == BRIDGE_PLAN_SIDE_HOME)
    {
      g_autofree char *rc = child_text (n, "recognition-conditions");

      c->automatic = rc && strstr (rc, AUTOMATIC) != NULL;
    }
  return c;
}

/* The Table A codes a Table B component is recognised for. */
static char **
recognised_for (Node *n)
{
  g_autofree char *rc = child_text (n, "recognition-conditions");
  const char *p;
  const char *dot;
  g_autofree char *list = NULL;

  if (rc == NULL || (p = strstr (rc, RECOGNISED_FOR)) == NULL)
    return NULL;
  p += strlen (RECOGNISED_FOR);
  dot = strstr (p, ".");
  list = dot ? g_strndup (p, dot - p) : g_strdup (p);
  {
    char **codes = g_strsplit (list, " + ", -1);

    for (guint i = 0; codes[i]; i++)
      g_strstrip (codes[i]);
    return codes;
  }
}

typedef struct
{
  BridgePlanComponent *component;
  BridgePlanSide       side;
  char               **hosts;             /* Table B: recognised for */
  const char          *status;            /* "inserted", "deleted" or NULL */
  BridgeChangeReason   reason;
  char                *reason_text;
} Item;

static void
item_free (Item *it)
{
  bridge_plan_component_free (it->component);
  g_strfreev (it->hosts);
  g_free (it->reason_text);
  g_free (it);
}

static GPtrArray *
read_items (Reader  *r,
            Node    *list,
            GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  const char *elements[] = { "components-studied", "virtual-components", "components-recognized" };

  for (guint e = 0; e < G_N_ELEMENTS (elements); e++)
    {
      Node *cl = child (list, elements[e]);
      BridgePlanSide side = e == 2 ? BRIDGE_PLAN_SIDE_HOME : BRIDGE_PLAN_SIDE_HOST;

      for (guint i = 0; cl && i < cl->children->len; i++)
        {
          Node *n = g_ptr_array_index (cl->children, i);
          BridgePlanComponent *component;
          Item *it;
          const char *code;

          if (!g_str_equal (n->name, "component"))
            continue;
          component = read_component (r, n, side, error);
          if (component == NULL)
            return NULL;
          it = g_new0 (Item, 1);
          it->component = component;
          it->side = side;
          it->hosts = side == BRIDGE_PLAN_SIDE_HOME ? recognised_for (n) : NULL;
          it->status = attr (n, "status");
          code = attr (n, "reason-code");
          if (code == NULL || !bridge_change_reason_from_string (code, &it->reason))
            it->reason = BRIDGE_CHANGE_REASON_OTHER;
          it->reason_text = g_strdup (attr (n, "reason-text"));
          if (it->reason == BRIDGE_CHANGE_REASON_OTHER && it->reason_text == NULL)
            it->reason_text = g_strdup ("—");
          g_ptr_array_add (items, it);
        }
    }
  return g_steal_pointer (&items);
}

static guint
uf_find (const guint *parent,
         guint        x)
{
  while (parent[x] != x)
    x = parent[x];
  return x;
}

/* Builds the groups of a fresh plan from a snapshot's items: each Table B
 * component joins the group of the Table A codes it says it is recognised
 * for; without that information, pairs one to one when the counts match,
 * else one group. */
static char *
read_groups (Reader     *r,
             GPtrArray  *items,
             GError    **error)
{
  g_autoptr(GPtrArray) host = g_ptr_array_new ();
  g_autoptr(GPtrArray) home = g_ptr_array_new ();
  g_autoptr(GHashTable) group_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *parent = NULL;
  gboolean informed = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      Item *it = g_ptr_array_index (items, i);

      g_ptr_array_add (it->side == BRIDGE_PLAN_SIDE_HOST ? host : home, it);
      if (it->hosts)
        informed = TRUE;
    }
  if (host->len == 0)
    return g_strdup (_("it lists no component studied at the receiving institution"));

  /* union-find over host positions */
  parent = g_new (guint, host->len);
  for (guint i = 0; i < host->len; i++)
    {
      parent[i] = i;
      g_hash_table_insert (group_of, g_strdup (((Item *) host->pdata[i])->component->code), GUINT_TO_POINTER (i + 1));
    }
#define FIND(x) uf_find (parent, (x))
  for (guint i = 0; informed && i < home->len; i++)
    {
      Item *it = home->pdata[i];
      guint first = 0;

      for (guint k = 0; it->hosts && it->hosts[k]; k++)
        {
          guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (group_of, it->hosts[k]));

          if (pos == 0)
            continue;
          if (first == 0)
            first = pos;
          else
            {
              guint a = FIND (first - 1), b = FIND (pos - 1);

              if (a != b)
                parent[MAX (a, b)] = MIN (a, b);
            }
        }
    }

  {
    g_autoptr(GHashTable) groups = g_hash_table_new (g_direct_hash, g_direct_equal);
    BridgePlanGroup *last = NULL;

    for (guint i = 0; i < host->len; i++)
      {
        guint root = informed ? FIND (i) : (home->len == host->len ? i : 0);
        BridgePlanGroup *g = g_hash_table_lookup (groups, GUINT_TO_POINTER (root + 1));

        if (g == NULL)
          {
            if (!bridge_plan_insert_component (r->plan, NULL, BRIDGE_PLAN_SIDE_HOST, -1,
                                               ((Item *) host->pdata[i])->component, error))
              return NULL;
            g = bridge_plan_get_group (r->plan, bridge_plan_get_n_groups (r->plan) - 1);
            g_hash_table_insert (groups, GUINT_TO_POINTER (root + 1), g);
            last = g;
            continue;
          }
        if (!bridge_plan_insert_component (r->plan, g, BRIDGE_PLAN_SIDE_HOST, -1,
                                           ((Item *) host->pdata[i])->component, error))
          return NULL;
      }
    for (guint i = 0; i < home->len; i++)
      {
        Item *it = home->pdata[i];
        BridgePlanGroup *g = NULL;

        if (informed)
          for (guint k = 0; g == NULL && it->hosts && it->hosts[k]; k++)
            {
              guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (group_of, it->hosts[k]));

              if (pos != 0)
                g = g_hash_table_lookup (groups, GUINT_TO_POINTER (FIND (pos - 1) + 1));
            }
        else
          g = g_hash_table_lookup (groups, GUINT_TO_POINTER ((home->len == host->len ? i : 0) + 1));
        if (g == NULL)
          g = last;
        if (!bridge_plan_insert_component (r->plan, g, BRIDGE_PLAN_SIDE_HOME, -1, it->component, error))
          return NULL;
      }
  }
#undef FIND
  return NULL;
}

static gboolean
read_signatures (Reader      *r,
                 Node        *list,
                 gboolean     need_all,
                 GError     **error)
{
  const char *elements[] = { "student-signature", "sending-hei-signature", "receiving-hei-signature" };

  for (guint role = 0; role < BRIDGE_PLAN_N_ROLES; role++)
    {
      Node *s = child (list, elements[role]);
      BridgePlanPerson p = { 0 };
      g_autofree char *ts = NULL;
      gboolean ok;

      if (s == NULL)
        {
          if (need_all || role != BRIDGE_PLAN_ROLE_RECEIVING)
            {
              g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                           _("The EWP learning agreement has no %s"), elements[role]);
              return FALSE;
            }
          continue;
        }
      p.name = child_text (s, "signer-name");
      p.position = child_text (s, "signer-position");
      p.email = child_text (s, "signer-email");
      ts = child_text (s, "timestamp");
      if (p.name == NULL && role == BRIDGE_PLAN_ROLE_STUDENT)
        p.name = g_strdup (bridge_plan_get_student_name (r->plan));
      /* Approved elsewhere: recorded as it is, what it lacks is shown later. */
      ok = bridge_plan_record_approval (r->plan, role, &p, ts, error);
      bridge_plan_person_clear (&p);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Proposes, on the locked plan, what @list (changes against the first version)
 * adds to or removes from the plan as it now stands. */
static gboolean
read_changes (Reader     *r,
              Node       *list,
              GError    **error)
{
  g_autoptr(GPtrArray) items = read_items (r, list, error);
  g_autoptr(GPtrArray) vacated = g_ptr_array_new_with_free_func (g_free);   /* groups of deleted host courses */

  if (items == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      Item *it = g_ptr_array_index (items, i);
      BridgePlanGroup *g = bridge_plan_find_course (r->plan, it->side, it->component->course_id);
      const char *gid = NULL;
      g_autofree char *new_gid = NULL;

      if (g_strcmp0 (it->status, "deleted") == 0)
        {
          if (g == NULL)
            continue;                     /* already gone in an approved change */
          gid = bridge_plan_group_get_id (g);
          if (it->side == BRIDGE_PLAN_SIDE_HOST)
            g_ptr_array_add (vacated, g_strdup (gid));
        }
      else if (g_strcmp0 (it->status, "inserted") == 0)
        {
          if (g != NULL)
            continue;                     /* already in */
          if (it->side == BRIDGE_PLAN_SIDE_HOME && it->hosts)
            for (guint k = 0; gid == NULL && it->hosts[k]; k++)
              {
                /* the group of a host course of this plan or of this proposal */
                for (guint n = 0; gid == NULL && n < bridge_plan_get_n_groups (r->plan); n++)
                  {
                    BridgePlanGroup *pg = bridge_plan_get_group (r->plan, n);

                    for (guint j = 0; j < bridge_plan_group_get_n_components (pg, BRIDGE_PLAN_SIDE_HOST); j++)
                      if (g_strcmp0 (bridge_plan_group_get_component (pg, BRIDGE_PLAN_SIDE_HOST, j)->code, it->hosts[k]) == 0)
                        gid = bridge_plan_group_get_id (pg);
                  }
                for (guint n = 0; gid == NULL && bridge_plan_get_pending_changes (r->plan)
                                  && n < bridge_plan_get_pending_changes (r->plan)->len; n++)
                  {
                    BridgePlanChange *pc = g_ptr_array_index (bridge_plan_get_pending_changes (r->plan), n);

                    if (pc->side == BRIDGE_PLAN_SIDE_HOST && g_strcmp0 (pc->component->code, it->hosts[k]) == 0)
                      gid = pc->group_id;
                  }
              }
          /* A substitute takes the place of a deleted host course. */
          if (gid == NULL && it->side == BRIDGE_PLAN_SIDE_HOST
              && it->reason == BRIDGE_CHANGE_REASON_SUBSTITUTING_DELETED && vacated->len > 0)
            {
              new_gid = g_ptr_array_steal_index (vacated, 0);
              gid = new_gid;
            }
          if (gid == NULL)
            {
              new_gid = g_strdup_printf ("g%u", bridge_plan_get_n_groups (r->plan) + 1 +
                                         (bridge_plan_get_pending_changes (r->plan) ? bridge_plan_get_pending_changes (r->plan)->len : 0));
              gid = new_gid;
            }
        }
      else
        continue;
      if (!bridge_plan_propose_component (r->plan,
                                          g_strcmp0 (it->status, "deleted") == 0 ? BRIDGE_CHANGE_DELETE : BRIDGE_CHANGE_ADD,
                                          it->side, gid, it->component, it->reason, it->reason_text, error))
        return FALSE;
    }
  return TRUE;
}

BridgePlan *
bridge_plan_new_from_ewp_xml (const char     *xml,
                              gssize          length,
                              BridgeCatalog  *catalog,
                              GError        **error)
{
  GMarkupParser parser = { parse_start, parse_end, parse_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) ctx = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  Node *root = node_new ("#document", NULL);
  Node *cur = root;
  Node *resp, *la, *n, *first, *approved, *proposal;
  Reader r = { catalog, NULL, NULL, NULL, NULL };
  BridgePlanStudent s = { 0 };
  BridgePlanInstitution inst = { 0 };
  g_autofree char *problem = NULL;
  const char *bad = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  /* GMarkup quotes what it stops at as it is, bytes that are not UTF-8
   * too, and a NUL byte in a CDATA section before the root element makes it
   * set one GError over another: refuse both here. */
  if (length < 0)
    length = (gssize) strlen (xml);
  if (!g_utf8_validate_len (xml, (gsize) length, &bad))
    {
      guint line = 1;

      for (const char *p = xml; p < bad; p++)
        line += *p == '\n';
      /* Translators: the %s of "The EWP XML cannot be read: %s" */
      problem = g_strdup_printf (_("line %u is not valid UTF-8 text or holds a NUL byte: save the file as UTF-8"), line);
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN, _("The EWP XML cannot be read: %s"), problem);
      node_free (root);
      return NULL;
    }

  ctx = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &cur, NULL);
  if (!g_markup_parse_context_parse (ctx, xml, length, &local_error)
      || !g_markup_parse_context_end_parse (ctx, &local_error))
    {
      /* GMarkup quotes the first byte of a character it does not allow in
       * a name (U+009C) as if it were a whole character. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                   _("The EWP XML cannot be read: %s"), reason);
      node_free (root);
      return NULL;
    }

  /* Each step below that fails sets @local_error or @problem, never both,
   * and only once: what goes out at the end is the first failure. */
  resp = child (root, "omobility-las-get-response");
  if (resp != NULL && g_strcmp0 (resp->ns, EWP_NS) != 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                   _("This document is in the namespace “%s”, not in that of the EWP Outgoing "
                     "Mobility Learning Agreements API (%s); it is not an EWP learning agreement"),
                   resp->ns != NULL ? resp->ns : "", EWP_NS);
      node_free (root);
      return NULL;
    }
  la = child (resp, "la");
  if (la == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                   _("This is not an EWP omobility-las-get-response with a learning agreement (la)"));
      node_free (root);
      return NULL;
    }

  plan = g_object_new (BRIDGE_TYPE_PLAN, NULL);
  r.plan = plan;
  {
    g_autofree char *id = child_text (la, "omobility-id");

    bridge_plan_set_mobility_id (plan, id);
  }

  /* Institutions */
  for (int side = 0; side < 2; side++)
    {
      Node *hei = child (la, side == BRIDGE_PLAN_SIDE_HOME ? "sending-hei" : "receiving-hei");
      g_autofree char *hei_id = child_text (hei, "hei-id");
      char *uni = university_by_hei (catalog, hei_id);
      gboolean set;

      if (hei == NULL || hei_id == NULL)
        {
          g_free (uni);
          problem = g_strdup (side == BRIDGE_PLAN_SIDE_HOME ? "sending-hei" : "receiving-hei");
          goto out;
        }
      inst.university = uni ? uni : g_strdup (hei_id);
      inst.faculty = child_text (hei, "ounit-name");
      if (child (hei, "contact-person"))
        read_person (child (hei, "contact-person"), &inst.responsible);
      if (side == BRIDGE_PLAN_SIDE_HOME)
        r.home = g_strdup (inst.university);
      else
        r.host = g_strdup (inst.university);
      set = bridge_plan_set_institution (plan, side, &inst, &local_error);
      bridge_plan_institution_clear (&inst);
      if (!set)
        goto out;
    }

  /* Student and mobility */
  n = child (la, "student");
  if (n != NULL)
    {
      g_autofree char *given = child_text (n, "given-names");
      g_autofree char *family = child_text (n, "family-name");
      g_autofree char *gid = child_text (n, "global-id");

      s.name = join_name (given, family);
      if (gid != NULL)
        {
          const char *colon = strrchr (gid, ':');

          s.student_number = g_strdup (colon ? colon + 1 : gid);
        }
      s.birth_date = child_text (n, "birth-date");
      s.nationality = child_text (n, "citizenship");
      s.gender = child_text (n, "gender");
      s.email = child_text (n, "email");
    }
  {
    g_autofree char *eqf = child_text (la, "eqf-level-studied-at-departure");
    gboolean set;

    s.cycle = g_strcmp0 (eqf, "8") == 0 ? BRIDGE_CYCLE_DOCTORAL
            : g_strcmp0 (eqf, "7") == 0 ? BRIDGE_CYCLE_MASTER : BRIDGE_CYCLE_BACHELOR;
    s.isced = child_text (la, "isced-f-code");
    s.language = child_text (child (la, "student-language-skill"), "language");
    s.cefr = child_text (child (la, "student-language-skill"), "cefr-level");
    set = bridge_plan_set_student (plan, &s, &local_error);
    bridge_plan_student_clear (&s);
    if (!set)
      goto out;
  }

  r.year = child_text (la, "receiving-academic-year-id");
  if (!bridge_plan_set_academic_year (plan, r.year, &local_error))
    goto out;
  {
    g_autofree char *start = child_text (la, "start-date");
    g_autofree char *end = child_text (la, "end-date");

    if (start == NULL)
      {
        g_autofree char *ym = child_text (la, "start-year-month");

        start = ym ? g_strconcat (ym, "-01", NULL) : NULL;
      }
    if (end == NULL)
      {
        g_autofree char *ym = child_text (la, "end-year-month");

        end = ym ? g_strconcat (ym, "-28", NULL) : NULL;
      }
    if (!bridge_plan_set_dates (plan, start, end, &local_error))
      goto out;
  }

  first = child (la, "first-version");
  approved = child (la, "approved-changes");
  proposal = child (la, "changes-proposal");
  if (first == NULL && proposal == NULL)
    {
      problem = g_strdup (_("it has neither a first version nor a changes proposal"));
      goto out;
    }

  /* The plan's term: that of the first Table A component. */
  {
    Node *list = first ? first : proposal;
    Node *studied = child (list, "components-studied");
    Node *comp = studied ? child (studied, "component") : NULL;

    if (comp == NULL)
      comp = child (child (list, "virtual-components"), "component");
    if (comp && child (comp, "term-id"))
      {
        g_autofree char *term = read_term (&r, child (comp, "term-id"));

        bridge_plan_set_term (plan, term);
      }
  }

  {
    Node *base = first ? first : proposal;
    g_autoptr(GPtrArray) items = read_items (&r, base, &local_error);

    if (items == NULL)
      goto out;
    problem = read_groups (&r, items, &local_error);
    if (problem != NULL || local_error != NULL)
      goto out;
    if (!read_signatures (&r, base, first != NULL, &local_error))
      goto out;
  }
  if (first != NULL && approved != NULL)
    {
      if (!read_changes (&r, approved, &local_error) || !read_signatures (&r, approved, TRUE, &local_error))
        goto out;
    }
  if (first != NULL && proposal != NULL)
    {
      if (!read_changes (&r, proposal, &local_error) || !read_signatures (&r, proposal, FALSE, &local_error))
        goto out;
    }
  ok = TRUE;

out:
  if (problem != NULL)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                 _("The EWP learning agreement cannot be imported: %s"), problem);
  else if (local_error != NULL)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                 _("The EWP learning agreement cannot be imported: %s"), local_error->message);
  else if (!ok)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                 _("The EWP learning agreement cannot be imported: its changes do not fit its first version"));
  node_free (root);
  g_free (r.home);
  g_free (r.host);
  g_free (r.year);
  if (!ok)
    return NULL;
  bridge_plan_refresh (plan, catalog);
  bridge_plan_set_modified (plan, TRUE);
  return g_steal_pointer (&plan);
}
