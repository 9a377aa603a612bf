/* bridge-ewp-read.c: an Erasmus Without Paper learning agreement back into a plan
 *
 * Reads the first la of an omobility-las-get-response (bridge-ewp-write.c
 * writes one) into a new plan: universities and courses matched in the
 * catalog by hei-id and code, the groups rebuilt from what each Table B
 * component says in its recognition-conditions, then the approved changes
 * and the pending proposal replayed on the first version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bridge-credit.h"
#include "bridge-error.h"
#include "bridge-ewp-private.h"
#include "bridge-plan-export.h"
#include "bridge-plan-private.h"
#include "bridge-plan.h"
#include "bridge-validate.h"

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

static char *
join_name (const char *given,
           const char *family)
{
  if (given == NULL || given[0] == '\0')
    return g_strdup (family);
  if (family == NULL || family[0] == '\0' || g_str_equal (given, family))
    return g_strdup (given);
  if (bridge_ewp_is_cjk_name (family))
    return g_strconcat (family, given, NULL);
  return g_strconcat (given, " ", family, NULL);
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
          g_autofree char *ty = bridge_ewp_academic_year_of (t->start);

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
        bridge_catalog_get_course_workload (r->catalog, course, TRUE, &c->workload_hours);
    }
  else
    {
      gboolean cjk = title != NULL && bridge_ewp_is_cjk_name (title);

      c = bridge_plan_component_new_bare (id, code);
      c->title = title ? bridge_text_new (cjk ? title : NULL, cjk ? NULL : title) : NULL;
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
