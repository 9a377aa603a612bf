/* bridge-window-private.h: what bridge-window.c and bridge-window-actions.c share
 *
 * The window's state (its pages, the welcome page, the pending step after an
 * unsaved-changes question) and the getters the tests use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-agreement-page.h"
#include "bridge-catalog-page.h"
#include "bridge-certificates-page.h"
#include "bridge-context.h"
#include "bridge-grades-page.h"
#include "bridge-home-rows.h"
#include "bridge-plan-page.h"
#include "bridge-window.h"

G_BEGIN_DECLS

/* What to do once unsaved changes are dealt with. */
typedef enum
{
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_NEW,
  PENDING_OPEN_CHOOSER,
  PENDING_OPEN_FILE,
  PENDING_NEW_WITH_COURSE,
} PendingKind;

struct _BridgeWindow
{
  AdwApplicationWindow  parent_instance;

  BridgeContext        *context;
  gulong                plan_modified_id;

  PendingKind           pending;
  GFile                *pending_file;
  BridgeCourse         *pending_course;   /* PENDING_NEW_WITH_COURSE */

  /* The draft of the plan shown (bridge-plan-draft.h) */
  char                 *draft_dir;
  BridgePlan           *draft_plan;       /* whose "changed" schedules a draft */
  guint                 draft_timeout_id;
  gboolean              draft_armed;      /* drafts written: the last one is dealt with */
  gboolean              session_pending;  /* restore once the catalog is in */
  gboolean              session_reopen;   /* …and reopen the last plan */
  BridgePlanHistory    *history;          /* whose can-undo and can-redo enable the actions */
  gboolean              close_confirmed;
  GtkNativeDialog      *chooser;

  /* built by show_state() when first shown */
  AdwStatusPage        *error_status;
  GtkButton            *error_button;
  AdwStatusPage        *loading_status;
  GtkProgressBar       *import_progress;
  BridgeHomeRows       *welcome_home_rows;
  GtkButton            *welcome_start_button;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GMenuModel           *primary_menu;
  GtkWidget            *demo_banner;
  GtkRevealer          *update_revealer;  /* an update or a later import runs */
  GtkLabel             *update_label;
  GtkProgressBar       *update_progress;
  AdwViewStack         *view_stack;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *primary_menu_button;
  BridgeCatalogPage    *catalog_page;
  AdwBin               *plan_slot;
  BridgePlanPage       *plan_page;        /* NULL until ensure_plan_page() */
  AdwBin               *grades_slot;
  AdwBin               *agreement_slot;
  BridgeGradesPage     *grades_page;      /* NULL until first shown */
  BridgeAgreementPage  *agreement_page;   /* likewise */
  AdwBin               *certificates_slot;
  BridgeCertificatesPage *certificates_page; /* likewise */
  BridgeHoldings       *holdings;         /* My Certificates, loaded at start */
  guint                 icon_idle_id;
  GMenu                *recent_section;
  gboolean              plan_stale;       /* reload when next shown */
  gboolean              grades_stale;
};

/* bridge-window.c */
/* The Plan page, built when first asked for. */
BridgePlanPage    *bridge_window_ensure_plan_page (BridgeWindow *self);

/* bridge-window-actions.c: the win.* actions, and the template callback that
 * adds a course to the plan. */
void               bridge_window_class_add_actions (BridgeWindowClass *klass);
/* Runs @kind now, or after asking what to do with unsaved changes. */
void               bridge_window_with_saved_plan   (BridgeWindow      *self,
                                                    PendingKind        kind,
                                                    GFile             *file);
/* Opens @file in the Plan page, or says in a toast why it cannot. */
void               bridge_window_load_file         (BridgeWindow      *self,
                                                    GFile             *file);

/* For tests. "loading", "error", "welcome" or "main". */
const char        *bridge_window_get_state         (BridgeWindow      *self);
/* Where the draft of the plan shown is kept. */
const char        *bridge_window_get_draft_dir     (BridgeWindow      *self);
/* The welcome page's and the header's controls, by name. */
GtkWidget         *bridge_window_get_child         (BridgeWindow      *self,
                                                    const char        *name);

G_END_DECLS
