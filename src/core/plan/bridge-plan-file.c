/* bridge-plan-file.c: the plan file (*.creditplan): writing, the canonical digest, reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "bridge-credit.h"
#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-json.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "bridge-validate.h"

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
person_to_json (JsonBuilder            *b,
                const char             *name,
                const BridgePlanPerson *p)
{
  if (p->name == NULL && p->position == NULL && p->email == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_string (b, "name", p->name);
  add_string (b, "position", p->position);
  add_string (b, "email", p->email);
  json_builder_end_object (b);
}

static void
component_to_json (JsonBuilder               *b,
                   const BridgePlanComponent *c,
                   gboolean                   with_review)
{
  json_builder_begin_object (b);
  add_string (b, "course", c->course_id);
  add_string (b, "code", c->code);
  if (c->title)
    {
      json_builder_set_member_name (b, "title");
      json_builder_add_value (b, bridge_text_to_json (c->title));
    }
  add_string (b, "term", c->term);
  json_builder_set_member_name (b, "credits");
  json_builder_add_double_value (b, c->credits);
  if (c->workload_hours > 0)
    {
      json_builder_set_member_name (b, "workload_hours");
      json_builder_add_double_value (b, c->workload_hours);
    }
  if (c->is_virtual)
    {
      json_builder_set_member_name (b, "virtual");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (c->automatic)
    {
      json_builder_set_member_name (b, "automatic_recognition");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (with_review)
    add_string (b, "comment", c->comment);
  json_builder_end_object (b);
}

/* @with_record: add the record's own digest (not when computing it). */
static void
approval_to_json (JsonBuilder              *b,
                  const BridgePlanApproval *a,
                  gboolean                  with_record)
{
  json_builder_begin_object (b);
  add_string (b, "role", bridge_plan_role_to_string (a->role));
  add_string (b, "name", a->person.name);
  add_string (b, "position", a->person.position);
  add_string (b, "email", a->person.email);
  add_string (b, "timestamp", a->timestamp);
  add_string (b, "digest", a->digest);
  if (with_record)
    add_string (b, "record_digest", a->record_digest);
  json_builder_end_object (b);
}

static void
approvals_to_json (JsonBuilder         *b,
                   const char          *name,
                   BridgePlanApproval **approvals)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    if (approvals[i])
      approval_to_json (b, approvals[i], TRUE);
  json_builder_end_array (b);
}

static void
change_to_json (JsonBuilder            *b,
                const BridgePlanChange *c)
{
  json_builder_begin_object (b);
  add_string (b, "kind", c->kind == BRIDGE_CHANGE_ADD ? "add" : "delete");
  add_string (b, "side", c->side == BRIDGE_PLAN_SIDE_HOST ? "host" : "home");
  add_string (b, "group", c->group_id);
  json_builder_set_member_name (b, "component");
  component_to_json (b, c->component, FALSE);
  add_string (b, "reason", bridge_change_reason_to_string (c->reason));
  add_string (b, "reason_text", c->reason_text);
  json_builder_end_object (b);
}

static void
changes_to_json (JsonBuilder *b,
                 const char  *name,
                 GPtrArray   *changes)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < changes->len; i++)
    change_to_json (b, g_ptr_array_index (changes, i));
  json_builder_end_array (b);
}

static void
institution_to_json (JsonBuilder                 *b,
                     const char                  *name,
                     const BridgePlanInstitution *inst)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_string (b, "university", inst->university);
  add_string (b, "faculty", inst->faculty);
  person_to_json (b, "responsible", &inst->responsible);
  person_to_json (b, "contact", &inst->contact);
  json_builder_end_object (b);
}

/* The members of what is agreed. @with_review adds the review (group status
 * and comments), which is saved but not approved. */
static void
content_members (BridgePlan  *self,
                 JsonBuilder *b,
                 gboolean     with_review)
{
  const BridgePlanStudent *s = &self->student;
  guint n;

  add_string (b, "mobility_id", self->mobility_id);

  json_builder_set_member_name (b, "student");
  json_builder_begin_object (b);
  add_string (b, "name", s->name);
  add_string (b, "student_number", s->student_number);
  add_string (b, "email", s->email);
  add_string (b, "birth_date", s->birth_date);
  add_string (b, "nationality", s->nationality);
  add_string (b, "gender", s->gender);
  add_string (b, "cycle", bridge_cycle_to_string (s->cycle));
  add_string (b, "isced", s->isced);
  add_string (b, "language", s->language);
  add_string (b, "cefr", s->cefr);
  json_builder_end_object (b);

  institution_to_json (b, "sending", &self->institutions[BRIDGE_PLAN_SIDE_HOME]);
  institution_to_json (b, "receiving", &self->institutions[BRIDGE_PLAN_SIDE_HOST]);

  json_builder_set_member_name (b, "mobility");
  json_builder_begin_object (b);
  add_string (b, "academic_year", self->academic_year);
  json_builder_set_member_name (b, "terms");
  json_builder_begin_array (b);
  for (guint i = 0; self->terms[i]; i++)
    json_builder_add_string_value (b, self->terms[i]);
  json_builder_end_array (b);
  add_string (b, "start", self->start_date);
  add_string (b, "end", self->end_date);
  json_builder_end_object (b);

  add_string (b, "provisions", self->provisions);

  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  n = bridge_plan_get_n_groups (self);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *g = bridge_plan_get_group (self, i);

      json_builder_begin_object (b);
      add_string (b, "id", g->id);
      if (with_review)
        {
          add_string (b, "status", bridge_plan_group_status_to_string (g->status));
          add_string (b, "comment", g->comment);
        }
      json_builder_set_member_name (b, "host");
      json_builder_begin_array (b);
      for (guint j = 0; j < g->components[0]->len; j++)
        component_to_json (b, g_ptr_array_index (g->components[0], j), with_review);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "home");
      json_builder_begin_array (b);
      for (guint j = 0; j < g->components[1]->len; j++)
        component_to_json (b, g_ptr_array_index (g->components[1], j), with_review);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
bridge_plan_content_to_json (BridgePlan *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  content_members (self, b, FALSE);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
bridge_plan_to_json (BridgePlan *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  json_builder_begin_object (b);
  add_string (b, "format", BRIDGE_PLAN_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, BRIDGE_PLAN_VERSION);
  content_members (self, b, TRUE);

  approvals_to_json (b, "approvals", self->approvals);

  json_builder_set_member_name (b, "versions");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->versions->len; i++)
    {
      PlanVersion *v = g_ptr_array_index (self->versions, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "version");
      json_builder_add_int_value (b, v->number);
      add_string (b, "approved", v->timestamp);
      changes_to_json (b, "changes", v->changes);
      approvals_to_json (b, "approvals", v->approvals);
      json_builder_set_member_name (b, "content");
      json_builder_add_value (b, json_node_copy (v->content));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (self->pending)
    {
      json_builder_set_member_name (b, "changes_proposal");
      json_builder_begin_object (b);
      add_string (b, "id", self->pending_id);
      changes_to_json (b, "changes", self->pending);
      approvals_to_json (b, "approvals", self->pending_approvals);
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "grades");
  json_builder_begin_object (b);
  keys = g_hash_table_get_keys (self->grades);
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *l = keys; l; l = l->next)
    add_string (b, l->data, g_hash_table_lookup (self->grades, l->data));
  json_builder_end_object (b);

  if (self->recognition->len > 0)
    {
      json_builder_set_member_name (b, "recognition");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->recognition->len; i++)
        {
          BridgePlanRecognition *r = g_ptr_array_index (self->recognition, i);

          json_builder_begin_object (b);
          add_string (b, "group", r->group_id);
          add_string (b, "course", r->course_id);
          add_string (b, "code", r->code);
          if (r->title)
            {
              json_builder_set_member_name (b, "title");
              json_builder_add_value (b, bridge_text_to_json (r->title));
            }
          json_builder_set_member_name (b, "credits");
          json_builder_add_double_value (b, r->credits);
          add_string (b, "host_grades", r->host_grades);
          add_string (b, "grade", r->grade);
          add_string (b, "candidates", r->candidates);
          add_string (b, "rule", r->rule);
          json_builder_set_member_name (b, "approximate");
          json_builder_add_boolean_value (b, r->approximate);
          add_string (b, "reason", r->reason);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }

  bridge_plan_feedback_to_json (self, b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
bridge_plan_to_data (BridgePlan *self,
                     gsize      *length)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize len;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  root = bridge_plan_to_json (self);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  data = json_generator_to_data (gen, &len);
  /* End with a newline, as text files do. */
  data = g_realloc (data, len + 2);
  data[len] = '\n';
  data[len + 1] = '\0';
  if (length)
    *length = len + 1;
  return data;
}

/* Canonical JSON: object members sorted by key (byte order), no spaces,
 * numbers that are whole written as integers, others with 17 significant digits. */
static void
canonical_append (GString  *out,
                  JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        guint n = json_array_get_length (a);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            canonical_append (out, json_array_get_element (a, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObject *o = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (o);
        gboolean first = TRUE;

        members = g_list_sort (members, (GCompareFunc) strcmp);
        g_string_append_c (out, '{');
        for (GList *l = members; l; l = l->next)
          {
            g_autoptr(JsonNode) key = json_node_new (JSON_NODE_VALUE);

            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            json_node_set_string (key, l->data);
            canonical_append (out, key);
            g_string_append_c (out, ':');
            canonical_append (out, json_object_get_member (o, l->data));
          }
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_VALUE:
      {
        GType t = json_node_get_value_type (node);

        if (t == G_TYPE_STRING)
          {
            const char *s = json_node_get_string (node);

            g_string_append_c (out, '"');
            for (const char *p = s; *p; p++)
              {
                guchar ch = (guchar) *p;

                if (ch == '"' || ch == '\\')
                  {
                    g_string_append_c (out, '\\');
                    g_string_append_c (out, (char) ch);
                  }
                else if (ch == '\n')
                  g_string_append (out, "\\n");
                else if (ch == '\t')
                  g_string_append (out, "\\t");
                else if (ch == '\r')
                  g_string_append (out, "\\r");
                else if (ch < 0x20)
                  g_string_append_printf (out, "\\u%04x", ch);
                else
                  g_string_append_c (out, (char) ch);
              }
            g_string_append_c (out, '"');
          }
        else if (t == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (t == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else
          {
            double d = json_node_get_double (node);
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            if (isfinite (d) && d == floor (d) && fabs (d) < 9007199254740992.0)
              g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) d);
            else
              g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", d));
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
bridge_plan_canonical_json (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  canonical_append (out, node);
  return g_string_free (out, FALSE);
}

char *
bridge_plan_digest_of (JsonNode *node)
{
  g_autofree char *canon = bridge_plan_canonical_json (node);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canon, -1);
}

char *
bridge_plan_get_digest (BridgePlan *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  node = bridge_plan_to_json (self);
  return bridge_plan_digest_of (node);
}

char *
bridge_plan_get_content_digest (BridgePlan *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  node = bridge_plan_content_to_json (self);
  return bridge_plan_digest_of (node);
}

/* What the approvals of a changes proposal commit to: the agreement they
 * change and the changes. */
char *
bridge_plan_pending_digest (BridgePlan *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *base = bridge_plan_get_content_digest (self);

  json_builder_begin_object (b);
  add_string (b, "base", base);
  add_string (b, "id", self->pending_id);
  changes_to_json (b, "changes", self->pending);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return bridge_plan_digest_of (root);
}

/* The digest of an approval's record: who approved, when, and the digest of
 * what they approved. Renaming the approver changes it. */
char *
bridge_plan_approval_record_digest (const BridgePlanApproval *a)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  approval_to_json (b, a, FALSE);
  root = json_builder_get_root (b);
  return bridge_plan_digest_of (root);
}

void
bridge_plan_seal_approval (BridgePlanApproval *a)
{
  g_free (a->record_digest);
  a->record_digest = bridge_plan_approval_record_digest (a);
}

/* What a printout of the agreement shows and its digest covers: the content
 * and the approvals of it, with their records. */
static char *
agreement_digest (JsonNode            *content,
                  BridgePlanApproval **approvals)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "content");
  json_builder_add_value (b, json_node_copy (content));
  approvals_to_json (b, "approvals", approvals);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return bridge_plan_digest_of (root);
}

char *
bridge_plan_get_agreement_digest (BridgePlan *self)
{
  g_autoptr(JsonNode) content = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  content = bridge_plan_content_to_json (self);
  return agreement_digest (content, self->approvals);
}

BridgePlanDigestMatch
bridge_plan_match_digest (BridgePlan *self,
                          const char *digest,
                          guint      *version)
{
  g_autofree char *current = NULL;
  g_autofree char *whole = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), BRIDGE_PLAN_DIGEST_NO_MATCH);
  g_return_val_if_fail (digest != NULL, BRIDGE_PLAN_DIGEST_NO_MATCH);

  if (version)
    *version = self->versions->len;
  current = bridge_plan_get_agreement_digest (self);
  if (g_str_equal (current, digest))
    return BRIDGE_PLAN_DIGEST_MATCHES;
  /* Printouts of format version 1 carry the digest of the whole file. */
  whole = bridge_plan_get_digest (self);
  if (g_str_equal (whole, digest))
    return BRIDGE_PLAN_DIGEST_MATCHES;
  for (guint i = self->versions->len; i > 0; i--)
    {
      PlanVersion *v = g_ptr_array_index (self->versions, i - 1);
      g_autofree char *vdigest = agreement_digest (v->content, v->approvals);

      if (g_str_equal (vdigest, digest))
        {
          if (version)
            *version = v->number;
          return BRIDGE_PLAN_DIGEST_MATCHES_VERSION;
        }
    }
  return BRIDGE_PLAN_DIGEST_NO_MATCH;
}

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  const char *file;                       /* for messages; may be NULL */
  GError    **error;
} Loader;

/* Fails with "FILE: PATH: MESSAGE"; returns FALSE. */
#define load_fail(ld, path, ...) bridge_plan_load_error ((ld)->error, (ld)->file, (path), __VA_ARGS__)

gboolean
bridge_plan_load_error (GError     **error,
                        const char  *file,
                        const char  *path,
                        const char  *format,
                        ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (file)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                 /* Translators: file: JSON path: problem */
                 _("%s: %s: %s"), file, path, msg);
  else
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                 "%s: %s", path, msg);
  return FALSE;
}

/* No control character but tab and line breaks, and no noncharacter: what
 * the setters refuse cannot come in through a file either, since the
 * exports (XML, PDF) cannot carry it. */
static gboolean
check_chars (Loader     *ld,
             const char *path,
             const char *member,
             const char *value)
{
  gunichar bad;

  if (bridge_validate_chars (value, TRUE, &bad))
    return TRUE;
  /* Translators: a member of the plan file, then a character code such as U+FFFE */
  return load_fail (ld, path, _("“%s” contains the invisible character U+%04X, which a plan cannot carry; "
                                "remove it from the file in a text editor"), member, bad);
}

/* Reads an optional string member into *out (NULL when absent). */
static gboolean
get_string (Loader      *ld,
            JsonObject  *o,
            const char  *member,
            const char  *path,
            char       **out)
{
  JsonNode *node = json_object_get_member (o, member);

  g_clear_pointer (out, g_free);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return load_fail (ld, path, _("“%s” must be a string"), member);
  if (!check_chars (ld, path, member, json_node_get_string (node)))
    return FALSE;
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* A localised text ({"zh": …, "en": …}) whose texts pass check_chars (). */
static BridgeText *
get_text (Loader     *ld,
          JsonObject *o,
          const char *path)
{
  JsonObjectIter iter;
  const char *lang;
  JsonNode *node;

  json_object_iter_init (&iter, o);
  while (json_object_iter_next (&iter, &lang, &node))
    if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
        && !check_chars (ld, path, lang, json_node_get_string (node)))
      return NULL;
  return bridge_text_new_from_json (o);
}

static gboolean
get_number (Loader     *ld,
            JsonObject *o,
            const char *member,
            const char *path,
            double     *out)
{
  JsonNode *node = json_object_get_member (o, member);
  GType t;

  *out = 0;
  if (node == NULL)
    return TRUE;
  t = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE)
    return load_fail (ld, path, _("“%s” must be a number"), member);
  *out = json_node_get_double (node);
  if (!isfinite (*out) || *out < 0 || *out > BRIDGE_MAX_QUANTITY)
    {
      char max[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (max, sizeof max, "%.0f", BRIDGE_MAX_QUANTITY);
      /* Translators: “credits” must be a number from 0 to 1000000 */
      return load_fail (ld, path, _("“%s” must be a number from 0 to %s"), member, max);
    }
  return TRUE;
}

static gboolean
get_bool (Loader     *ld,
          JsonObject *o,
          const char *member,
          const char *path,
          gboolean   *out)
{
  JsonNode *node = json_object_get_member (o, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return load_fail (ld, path, _("“%s” must be true or false"), member);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonObject *
get_object (Loader     *ld,
            JsonObject *o,
            const char *member,
            const char *path,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        load_fail (ld, path, _("“%s” is missing"), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      load_fail (ld, path, _("“%s” must be an object"), member);
      return NULL;
    }
  return json_node_get_object (node);
}

/* Returns FALSE with an error, or TRUE with *out NULL when absent. */
static gboolean
get_array (Loader      *ld,
           JsonObject  *o,
           const char  *member,
           const char  *path,
           JsonArray  **out)
{
  JsonNode *node = json_object_get_member (o, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return load_fail (ld, path, _("“%s” must be an array"), member);
  *out = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
array_object (Loader     *ld,
              JsonArray  *a,
              guint       i,
              const char *path)
{
  JsonNode *node = json_array_get_element (a, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      load_fail (ld, path, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
load_person (Loader           *ld,
             JsonObject       *o,
             const char       *member,
             const char       *path,
             BridgePlanPerson *p)
{
  g_autofree char *sub = g_strdup_printf ("%s.%s", path, member);
  JsonObject *po;

  if (json_object_has_member (o, member) && !JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, member)))
    return load_fail (ld, path, _("“%s” must be an object"), member);
  po = json_object_has_member (o, member) ? json_object_get_object_member (o, member) : NULL;
  if (po == NULL)
    return TRUE;
  return get_string (ld, po, "name", sub, &p->name)
         && get_string (ld, po, "position", sub, &p->position)
         && get_string (ld, po, "email", sub, &p->email);
}

static BridgePlanComponent *
load_component (Loader     *ld,
                JsonObject *o,
                const char *path)
{
  g_autoptr(BridgePlanComponent) c = g_new0 (BridgePlanComponent, 1);
  JsonNode *title;

  if (!get_string (ld, o, "course", path, &c->course_id))
    return NULL;
  if (c->course_id == NULL || c->course_id[0] == '\0')
    {
      load_fail (ld, path, _("“%s” is missing"), "course");
      return NULL;
    }
  if (!get_string (ld, o, "code", path, &c->code)
      || !get_string (ld, o, "term", path, &c->term)
      || !get_number (ld, o, "credits", path, &c->credits)
      || !get_number (ld, o, "workload_hours", path, &c->workload_hours)
      || !get_bool (ld, o, "virtual", path, &c->is_virtual)
      || !get_bool (ld, o, "automatic_recognition", path, &c->automatic)
      || !get_string (ld, o, "comment", path, &c->comment))
    return NULL;
  title = json_object_get_member (o, "title");
  if (title != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (title))
        {
          load_fail (ld, path, _("“%s” must be an object"), "title");
          return NULL;
        }
      c->title = get_text (ld, json_node_get_object (title), path);
      if (c->title == NULL)
        return NULL;
    }
  return g_steal_pointer (&c);
}

static BridgePlanApproval *
load_approval (Loader     *ld,
               JsonObject *o,
               const char *path)
{
  g_autoptr(GPtrArray) hold = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_approval_free);
  BridgePlanApproval *a = g_new0 (BridgePlanApproval, 1);
  g_autofree char *role = NULL;

  g_ptr_array_add (hold, a);
  if (!get_string (ld, o, "role", path, &role))
    return NULL;
  if (!bridge_plan_role_from_string (role, &a->role))
    {
      load_fail (ld, path, _("unknown role “%s”"), role ? role : "");
      return NULL;
    }
  if (!get_string (ld, o, "name", path, &a->person.name)
      || !get_string (ld, o, "position", path, &a->person.position)
      || !get_string (ld, o, "email", path, &a->person.email)
      || !get_string (ld, o, "timestamp", path, &a->timestamp)
      || !get_string (ld, o, "digest", path, &a->digest)
      || !get_string (ld, o, "record_digest", path, &a->record_digest))
    return NULL;
  return g_ptr_array_steal_index (hold, 0);
}

static gboolean
load_approvals (Loader              *ld,
                JsonObject          *o,
                const char          *member,
                const char          *path,
                BridgePlanApproval **approvals)
{
  JsonArray *a;

  if (!get_array (ld, o, member, path, &a))
    return FALSE;
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s.%s[%u]", path, member, i);
      JsonObject *ao = array_object (ld, a, i, sub);
      BridgePlanApproval *ap;

      if (ao == NULL || (ap = load_approval (ld, ao, sub)) == NULL)
        return FALSE;
      if (approvals[ap->role] != NULL)
        {
          bridge_plan_approval_free (ap);
          return load_fail (ld, sub, _("a second approval by the same role"));
        }
      approvals[ap->role] = ap;
    }
  return TRUE;
}

static GPtrArray *
load_changes (Loader     *ld,
              JsonObject *o,
              const char *path)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_change_free);
  JsonArray *a;

  if (!get_array (ld, o, "changes", path, &a))
    return NULL;
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s.changes[%u]", path, i);
      g_autofree char *csub = g_strdup_printf ("%s.component", sub);
      g_autofree char *kind = NULL, *side = NULL, *reason = NULL;
      JsonObject *co = array_object (ld, a, i, sub);
      JsonObject *comp;
      BridgePlanChange *c;

      if (co == NULL)
        return NULL;
      c = g_new0 (BridgePlanChange, 1);
      g_ptr_array_add (changes, c);
      if (!get_string (ld, co, "kind", sub, &kind)
          || !get_string (ld, co, "side", sub, &side)
          || !get_string (ld, co, "group", sub, &c->group_id)
          || !get_string (ld, co, "reason", sub, &reason)
          || !get_string (ld, co, "reason_text", sub, &c->reason_text))
        return NULL;
      if (g_strcmp0 (kind, "add") == 0)
        c->kind = BRIDGE_CHANGE_ADD;
      else if (g_strcmp0 (kind, "delete") == 0)
        c->kind = BRIDGE_CHANGE_DELETE;
      else
        {
          load_fail (ld, sub, _("“kind” must be “add” or “delete”"));
          return NULL;
        }
      if (g_strcmp0 (side, "host") == 0)
        c->side = BRIDGE_PLAN_SIDE_HOST;
      else if (g_strcmp0 (side, "home") == 0)
        c->side = BRIDGE_PLAN_SIDE_HOME;
      else
        {
          load_fail (ld, sub, _("“side” must be “host” or “home”"));
          return NULL;
        }
      if (!bridge_change_reason_from_string (reason, &c->reason))
        {
          load_fail (ld, sub, _("unknown reason “%s”"), reason ? reason : "");
          return NULL;
        }
      if (c->group_id == NULL)
        {
          load_fail (ld, sub, _("“%s” is missing"), "group");
          return NULL;
        }
      comp = get_object (ld, co, "component", sub, TRUE);
      if (comp == NULL || (c->component = load_component (ld, comp, csub)) == NULL)
        return NULL;
    }
  return g_steal_pointer (&changes);
}

/* Whether get_object () of @member failed, rather than found it absent or null. */
static gboolean
member_failed (JsonObject *o,
               const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

static gboolean
load_institution (Loader                *ld,
                  JsonObject            *root,
                  const char            *member,
                  BridgePlanInstitution *inst)
{
  JsonObject *o = get_object (ld, root, member, "$", FALSE);
  g_autofree char *path = g_strdup_printf ("$.%s", member);

  if (o == NULL)
    return !json_object_has_member (root, member) || JSON_NODE_HOLDS_NULL (json_object_get_member (root, member));
  return get_string (ld, o, "university", path, &inst->university)
         && get_string (ld, o, "faculty", path, &inst->faculty)
         && load_person (ld, o, "responsible", path, &inst->responsible)
         && load_person (ld, o, "contact", path, &inst->contact);
}

/* Reads what content_members() writes into @self (which is empty). */
static gboolean
load_content (BridgePlan *self,
              Loader     *ld,
              JsonObject *root)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *so, *mo;
  JsonArray *groups;

  if (!get_string (ld, root, "mobility_id", "$", &self->mobility_id))
    return FALSE;
  if (self->mobility_id == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      self->mobility_id = g_strdup_printf ("cb-%s", uuid);
    }

  /* get_object () fails with an error only when the member is there and
   * neither null nor an object. */
  so = get_object (ld, root, "student", "$", FALSE);
  if (so == NULL && member_failed (root, "student"))
    return FALSE;
  if (so != NULL)
    {
      BridgePlanStudent *s = &self->student;
      g_autofree char *cycle = NULL;

      if (!get_string (ld, so, "name", "$.student", &s->name)
          || !get_string (ld, so, "student_number", "$.student", &s->student_number)
          || !get_string (ld, so, "email", "$.student", &s->email)
          || !get_string (ld, so, "birth_date", "$.student", &s->birth_date)
          || !get_string (ld, so, "nationality", "$.student", &s->nationality)
          || !get_string (ld, so, "gender", "$.student", &s->gender)
          || !get_string (ld, so, "cycle", "$.student", &cycle)
          || !get_string (ld, so, "isced", "$.student", &s->isced)
          || !get_string (ld, so, "language", "$.student", &s->language)
          || !get_string (ld, so, "cefr", "$.student", &s->cefr))
        return FALSE;
      if (cycle != NULL && !bridge_cycle_from_string (cycle, &s->cycle))
        return load_fail (ld, "$.student", _("unknown study cycle “%s”"), cycle);
    }

  if (!load_institution (ld, root, "sending", &self->institutions[BRIDGE_PLAN_SIDE_HOME])
      || !load_institution (ld, root, "receiving", &self->institutions[BRIDGE_PLAN_SIDE_HOST]))
    return FALSE;

  mo = get_object (ld, root, "mobility", "$", FALSE);
  if (mo == NULL && member_failed (root, "mobility"))
    return FALSE;
  if (mo != NULL)
    {
      JsonArray *terms;
      g_autoptr(GStrvBuilder) sb = g_strv_builder_new ();

      if (!get_string (ld, mo, "academic_year", "$.mobility", &self->academic_year)
          || !get_string (ld, mo, "start", "$.mobility", &self->start_date)
          || !get_string (ld, mo, "end", "$.mobility", &self->end_date)
          || !get_array (ld, mo, "terms", "$.mobility", &terms))
        return FALSE;
      for (guint i = 0; terms && i < json_array_get_length (terms); i++)
        {
          JsonNode *t = json_array_get_element (terms, i);

          if (!JSON_NODE_HOLDS_VALUE (t) || json_node_get_value_type (t) != G_TYPE_STRING)
            return load_fail (ld, "$.mobility.terms", _("must be an array of strings"));
          if (!check_chars (ld, "$.mobility", "terms", json_node_get_string (t)))
            return FALSE;
          g_strv_builder_add (sb, json_node_get_string (t));
        }
      g_strfreev (self->terms);
      self->terms = g_strv_builder_end (sb);
    }

  if (!get_string (ld, root, "provisions", "$", &self->provisions)
      || !get_array (ld, root, "groups", "$", &groups))
    return FALSE;

  for (guint i = 0; groups && i < json_array_get_length (groups); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.groups[%u]", i);
      g_autofree char *id = NULL, *status = NULL;
      JsonObject *go = array_object (ld, groups, i, path);
      BridgePlanGroup *group;

      if (go == NULL || !get_string (ld, go, "id", path, &id) || !get_string (ld, go, "status", path, &status))
        return FALSE;
      if (id == NULL)
        return load_fail (ld, path, _("“%s” is missing"), "id");
      /* A set, not bridge_plan_find_group (): that is linear, so a plan
       * of 5,000 groups took seconds to open. */
      if (!g_hash_table_add (ids, g_strdup (id)))
        return load_fail (ld, path, _("the group id “%s” repeats"), id);
      group = bridge_plan_append_group (self, id);
      if (status != NULL && !bridge_plan_group_status_from_string (status, &group->status))
        return load_fail (ld, path, _("unknown status “%s”"), status);
      if (!get_string (ld, go, "comment", path, &group->comment))
        return FALSE;
      for (guint side = 0; side < 2; side++)
        {
          const char *member = side == BRIDGE_PLAN_SIDE_HOST ? "host" : "home";
          JsonArray *comps;

          if (!get_array (ld, go, member, path, &comps))
            return FALSE;
          for (guint j = 0; comps && j < json_array_get_length (comps); j++)
            {
              g_autofree char *cpath = g_strdup_printf ("%s.%s[%u]", path, member, j);
              JsonObject *co = array_object (ld, comps, j, cpath);
              BridgePlanComponent *c;

              if (co == NULL || (c = load_component (ld, co, cpath)) == NULL)
                return FALSE;
              g_ptr_array_add (group->components[side], c);
            }
        }
    }
  return TRUE;
}

gboolean
bridge_plan_load_content (BridgePlan  *self,
                          JsonObject  *content,
                          GError     **error)
{
  Loader ld = { NULL, error };

  return load_content (self, &ld, content);
}

static gboolean
load_root (BridgePlan *self,
           Loader     *ld,
           JsonNode   *node)
{
  JsonObject *root, *cp, *grades;
  JsonArray *versions, *recognition;
  JsonNode *version;
  g_autofree char *format = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return load_fail (ld, "$", _("a plan must be a JSON object"));
  root = json_node_get_object (node);

  if (!get_string (ld, root, "format", "$", &format))
    return FALSE;
  if (g_strcmp0 (format, BRIDGE_PLAN_FORMAT) != 0)
    return load_fail (ld, "$.format", _("this is not a Credit Bridge plan (format “%s”)"),
                      format ? format : "");
  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64)
    return load_fail (ld, "$.version", _("the format version must be a whole number"));
  if (json_node_get_int (version) > BRIDGE_PLAN_VERSION)
    {
      if (ld->file)
        g_set_error (ld->error, BRIDGE_ERROR, BRIDGE_ERROR_UNSUPPORTED_VERSION,
                     _("%s: the plan was written by a newer Credit Bridge (format version %" PRId64 ", this one reads %d); update Credit Bridge to open it"),
                     ld->file, json_node_get_int (version), BRIDGE_PLAN_VERSION);
      else
        g_set_error (ld->error, BRIDGE_ERROR, BRIDGE_ERROR_UNSUPPORTED_VERSION,
                     _("The plan was written by a newer Credit Bridge (format version %" PRId64 ", this one reads %d); update Credit Bridge to open it"),
                     json_node_get_int (version), BRIDGE_PLAN_VERSION);
      return FALSE;
    }
  if (json_node_get_int (version) < 1)
    return load_fail (ld, "$.version", _("unknown format version %" PRId64),
                      json_node_get_int (version));

  if (!load_content (self, ld, root))
    return FALSE;

  if (!load_approvals (ld, root, "approvals", "$", self->approvals))
    return FALSE;

  if (!get_array (ld, root, "versions", "$", &versions))
    return FALSE;
  for (guint i = 0; versions && i < json_array_get_length (versions); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.versions[%u]", i);
      JsonObject *vo = array_object (ld, versions, i, path);
      JsonObject *content;
      PlanVersion *v;
      double number;

      if (vo == NULL)
        return FALSE;
      v = g_new0 (PlanVersion, 1);
      g_ptr_array_add (self->versions, v);
      if (!get_number (ld, vo, "version", path, &number) || !get_string (ld, vo, "approved", path, &v->timestamp))
        return FALSE;
      /* Compared before the cast, so that 1.5 is not 1. */
      if (number != i + 1)
        return load_fail (ld, path, _("versions must be numbered 1, 2, 3… in order"));
      v->number = i + 1;
      if ((v->changes = load_changes (ld, vo, path)) == NULL)
        return FALSE;
      if (!load_approvals (ld, vo, "approvals", path, v->approvals))
        return FALSE;
      content = get_object (ld, vo, "content", path, TRUE);
      if (content == NULL)
        return FALSE;
      v->content = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (v->content, content);
      /* The version must read as a plan itself. */
      {
        g_autoptr(BridgePlan) check = g_object_new (BRIDGE_TYPE_PLAN, NULL);
        g_autofree char *cpath = g_strdup_printf ("%s.content", path);
        g_autoptr(GError) inner = NULL;
        Loader sub = { NULL, &inner };

        if (!load_content (check, &sub, content))
          return load_fail (ld, cpath, "%s", inner->message);
      }
    }

  cp = get_object (ld, root, "changes_proposal", "$", FALSE);
  if (cp == NULL && json_object_has_member (root, "changes_proposal")
      && !JSON_NODE_HOLDS_NULL (json_object_get_member (root, "changes_proposal")))
    return FALSE;
  if (cp != NULL)
    {
      if (self->versions->len == 0)
        return load_fail (ld, "$.changes_proposal", _("a changes proposal needs an approved agreement"));
      if (!get_string (ld, cp, "id", "$.changes_proposal", &self->pending_id))
        return FALSE;
      if ((self->pending = load_changes (ld, cp, "$.changes_proposal")) == NULL)
        return FALSE;
      if (!load_approvals (ld, cp, "approvals", "$.changes_proposal", self->pending_approvals))
        return FALSE;
    }

  grades = get_object (ld, root, "grades", "$", FALSE);
  if (grades == NULL && json_object_has_member (root, "grades")
      && !JSON_NODE_HOLDS_NULL (json_object_get_member (root, "grades")))
    return FALSE;
  if (grades != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (grades);

      for (GList *l = members; l; l = l->next)
        {
          char *value = NULL;

          if (!get_string (ld, grades, l->data, "$.grades", &value))
            return FALSE;
          if (value != NULL)
            g_hash_table_insert (self->grades, g_strdup (l->data), value);
        }
    }

  if (!get_array (ld, root, "recognition", "$", &recognition))
    return FALSE;
  for (guint i = 0; recognition && i < json_array_get_length (recognition); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.recognition[%u]", i);
      JsonObject *ro = array_object (ld, recognition, i, path);
      BridgePlanRecognition *r;
      JsonNode *title;

      if (ro == NULL)
        return FALSE;
      r = g_new0 (BridgePlanRecognition, 1);
      g_ptr_array_add (self->recognition, r);
      if (!get_string (ld, ro, "group", path, &r->group_id)
          || !get_string (ld, ro, "course", path, &r->course_id)
          || !get_string (ld, ro, "code", path, &r->code)
          || !get_number (ld, ro, "credits", path, &r->credits)
          || !get_string (ld, ro, "host_grades", path, &r->host_grades)
          || !get_string (ld, ro, "grade", path, &r->grade)
          || !get_string (ld, ro, "candidates", path, &r->candidates)
          || !get_string (ld, ro, "rule", path, &r->rule)
          || !get_bool (ld, ro, "approximate", path, &r->approximate)
          || !get_string (ld, ro, "reason", path, &r->reason))
        return FALSE;
      title = json_object_get_member (ro, "title");
      if (title && JSON_NODE_HOLDS_OBJECT (title)
          && (r->title = get_text (ld, json_node_get_object (title), path)) == NULL)
        return FALSE;
    }

  return bridge_plan_load_feedback (self, root, ld->file, ld->error);
}

/* Checks every number of @data, which json-glib has read as JSON, in its
 * text: json-glib keeps no trace of a number it could not hold. */
static gboolean
check_numbers (Loader     *ld,
               const char *data,
               gsize       length)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (bridge_json_check_numbers (data, length, &path, &message))
    return TRUE;
  return load_fail (ld, path, "%s", message);
}

/* json-glib decodes an escape of half a character ("\ud800") into bytes
 * that are not UTF-8. The plan keeps some of what it reads as it is (the
 * content of approved versions), so such text would be saved again and the
 * file could no longer be opened: refuse it anywhere in the document. Walks
 * the tree with a stack of its own, not recursion. */
static gboolean
check_utf8 (Loader   *ld,
            JsonNode *root)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (nodes, root);
  g_ptr_array_add (paths, g_strdup ("$"));
  while (nodes->len > 0)
    {
      JsonNode *node = g_ptr_array_steal_index (nodes, nodes->len - 1);
      g_autofree char *path = g_ptr_array_steal_index (paths, paths->len - 1);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObjectIter iter;
          const char *member;
          JsonNode *child;

          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, &member, &child))
            {
              if (!g_utf8_validate (member, -1, NULL))
                return load_fail (ld, path, _("a member name is not valid UTF-8: an escape such as \\ud800 stands for half a character; correct or remove it"));
              g_ptr_array_add (nodes, child);
              g_ptr_array_add (paths, g_strdup_printf ("%s.%s", path, member));
            }
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_ptr_array_add (nodes, json_array_get_element (array, i));
              g_ptr_array_add (paths, g_strdup_printf ("%s[%u]", path, i));
            }
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
               && !g_utf8_validate (json_node_get_string (node), -1, NULL))
        return load_fail (ld, path, _("the text is not valid UTF-8: an escape such as \\ud800 stands for half a character; correct or remove it"));
    }
  return TRUE;
}

BridgePlan *
bridge_plan_from_data (const char  *data,
                       gssize       length,
                       const char  *file,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BridgePlan) self = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader ld = { file, error };
  guint line, column;

  if (length < 0)
    length = (gssize) strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      load_fail (&ld, "$", _("the file is not valid UTF-8 text"));
      return NULL;
    }
  /* json-glib recurses once per level: refuse deep nesting before it does. */
  if (!bridge_json_check_depth (data, (gsize) length, BRIDGE_PLAN_MAX_DEPTH, &line, &column))
    {
      load_fail (&ld, "$",
                 /* Translators: the line and column of the bracket that goes too deep */
                 _("line %u, column %u: the JSON is nested more than %d levels deep, "
                   "which no plan needs; this is not a plan file Credit Bridge wrote"),
                 line, column, BRIDGE_PLAN_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the token it stopped at as it decoded it: "\ud800"
       * becomes bytes that are not UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      if (file)
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                     _("%s is damaged or incomplete (%s); the plan cannot be read"),
                     file, reason);
      else
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                     _("The plan is damaged or incomplete (%s)"), reason);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      load_fail (&ld, "$", _("the file is empty"));
      return NULL;
    }
  if (!check_numbers (&ld, data, (gsize) length))
    return NULL;

  if (!check_utf8 (&ld, json_parser_get_root (parser)))
    return NULL;

  self = g_object_new (BRIDGE_TYPE_PLAN, NULL);
  if (!load_root (self, &ld, json_parser_get_root (parser)))
    return NULL;
  self->modified = FALSE;
  return g_steal_pointer (&self);
}

BridgePlan *
bridge_plan_new_from_data (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  return bridge_plan_from_data (data, length, NULL, error);
}

BridgePlan *
bridge_plan_new_from_file (const char  *path,
                           GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  display = g_filename_display_name (path);
  return bridge_plan_from_data (data, (gssize) length, display, error);
}

gboolean
bridge_plan_save (BridgePlan  *self,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = bridge_plan_to_data (self, &length);
  if (!bridge_file_write (path, data, length, error))
    return FALSE;
  bridge_plan_set_modified (self, FALSE);
  return TRUE;
}
