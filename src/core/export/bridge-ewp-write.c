/* bridge-ewp-write.c: the Learning Agreement as Erasmus Without Paper XML
 *
 * Writes an omobility-las-get-response with one la (Outgoing Mobility
 * Learning Agreements API, stable-v1 namespace, v1.2 schemas in
 * ../shared/spec/ewp-xsd); bridge-ewp-read.c reads one back into a plan.
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
#include "bridge-ewp-private.h"
#include "bridge-plan-export.h"
#include "bridge-plan-private.h"
#include "bridge-plan.h"
#include "bridge-validate.h"

#define SIGNER_APP "Credit Bridge"
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

gboolean
bridge_ewp_is_cjk_name (const char *name)
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
  else if (bridge_ewp_is_cjk_name (trimmed) && g_utf8_strlen (trimmed, -1) >= 2)
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

/* The academic year of a date: August and later start one. */
char *
bridge_ewp_academic_year_of (const char *date)
{
  int y, m;

  if (date == NULL || date[0] == '\0' || !bridge_validate_date ("", date, NULL))
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
  if (term != NULL && (year = bridge_ewp_academic_year_of (term->start)) != NULL)
    {
      terms = bridge_university_get_terms (host);
      for (guint i = 0; i < terms->len; i++)
        {
          const BridgeTerm *t = g_ptr_array_index (terms, i);
          g_autofree char *ty = bridge_ewp_academic_year_of (t->start);

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

/* ECTS of a component: its workload over the alliance's ECTS hours, the
 * workload the agreement recorded where the catalog changed it since. */
static double
component_ects (Writer                    *w,
                const BridgePlanComponent *c)
{
  g_autoptr(BridgeCourse) course = bridge_catalog_get_course (w->catalog, c->course_id, NULL);
  g_autoptr(BridgeCreditResult) r = course != NULL ? bridge_plan_compute_component (w->plan, w->catalog, c, NULL) : NULL;
  double hours = c->workload_hours;

  if (r != NULL)
    return r->ects_credits;
  if (course != NULL)
    bridge_catalog_get_course_workload (w->catalog, course, TRUE, &hours);
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

/* "Recognised for: CS301 + CS302. Recognised by decision SCU-2025-17 of
 * 2025-06-01 (with at least B in each host course). Automatic recognition."
 * The decision is the register's valid one that @group of @plan matches. */
static char *
recognition_text (Writer                    *w,
                  BridgePlan                *plan,
                  BridgePlanGroup           *group,
                  const BridgePlanComponent *home)
{
  g_autoptr(GString) s = g_string_new (RECOGNISED_FOR);
  g_autoptr(BridgePlanPrecedent) precedent = bridge_plan_find_precedent (plan, w->catalog, group);

  for (guint i = 0; i < bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST); i++)
    {
      const BridgePlanComponent *h = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, i);

      if (i > 0)
        g_string_append (s, " + ");
      g_string_append (s, h->code ? h->code : h->course_id);
    }
  g_string_append (s, ".");
  if (precedent != NULL && !precedent->expired)
    {
      const BridgeText *condition = precedent->equivalence->conditions;

      g_string_append_printf (s, " " RECOGNISED_BY, precedent->reference, precedent->equivalence->decided);
      if (condition != NULL)
        g_string_append_printf (s, " (%s)", bridge_text_get (condition, "en") ? bridge_text_get (condition, "en")
                                                                              : bridge_text_pick (condition));
      g_string_append (s, ".");
    }
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
  if (a->role != BRIDGE_PLAN_ROLE_STUDENT
      && (is_blank (a->person.name) || is_blank (a->person.position) || !looks_like_email (a->person.email)))
    return ewp_fail (error, _("the %s signer needs a name, a position and an email address"),
                     bridge_plan_role_get_label (a->role));
  if (is_blank (a->timestamp) || !bridge_validate_timestamp ("", a->timestamp, NULL))
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
                rec = recognition_text (w, plan, g, c);
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
                    rec = recognition_text (w, from, g, c);
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
    year = bridge_ewp_academic_year_of (start);
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
