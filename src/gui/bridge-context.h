/* bridge-context.h: what the pages of a window share
 *
 * The catalog, the settings, the universities (read once per import) and the
 * student's home programme. Pages ask it for credit equivalences, which it
 * gets from the credit engine in core.
 *
 * The settings are read and written here only, through typed getters and
 * setters: every context of the application reads the same GSettings, so the
 * pages can never disagree about the home programme. A change made anywhere
 * (Preferences, another window, dconf) is notified on the property of the
 * same name ("home-university", "home-cycle", "home-field", "languages",
 * "conversion-rule", "catalog-source", "recent-plans", "last-plan",
 * "first-run-done", "check-updates"); the home programme, the languages and
 * the rule also emit "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bridge-catalog.h"
#include "bridge-credit.h"
#include "bridge-grading.h"
#include "bridge-importer.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_CONTEXT (bridge_context_get_type ())
G_DECLARE_FINAL_TYPE (BridgeContext, bridge_context, BRIDGE, CONTEXT, GObject)

BridgeContext    *bridge_context_new                 (BridgeCatalog *catalog,
                                                      GSettings     *settings);
BridgeCatalog    *bridge_context_get_catalog         (BridgeContext *self);
/* Re-reads the universities (after an import); emits "changed". */
void              bridge_context_reload              (BridgeContext *self);
/* element-type BridgeUniversity, sorted by id */
GPtrArray        *bridge_context_get_universities    (BridgeContext *self);
BridgeUniversity *bridge_context_find_university     (BridgeContext *self,
                                                      const char    *id);
/* The credit equivalence of @course at the home university (core's arithmetic). */
BridgeCreditResult *bridge_context_compute_credit    (BridgeContext *self,
                                                      BridgeCourse  *course,
                                                      GError       **error);
/* The name of a university for people; the id if unknown. */
const char       *bridge_context_university_name     (BridgeContext *self,
                                                      const char    *id);

/* The home programme. */
BridgeUniversity *bridge_context_get_home_university    (BridgeContext *self);
/* The catalog id of the home university; "" until one is chosen. */
const char       *bridge_context_get_home_university_id (BridgeContext *self);
void              bridge_context_set_home_university_id (BridgeContext *self,
                                                         const char    *id);
BridgeCycle       bridge_context_get_home_cycle         (BridgeContext *self);
void              bridge_context_set_home_cycle         (BridgeContext *self,
                                                         BridgeCycle    cycle);
/* ISCED code of the home programme; "" when none */
const char       *bridge_context_get_home_field         (BridgeContext *self);
void              bridge_context_set_home_field         (BridgeContext *self,
                                                         const char    *code);
/* The languages the student can study in, BCP 47 tags; never NULL. */
const char * const *bridge_context_get_languages        (BridgeContext *self);
void              bridge_context_set_languages          (BridgeContext      *self,
                                                         const char * const *languages);
/* The default grade conversion rule (Preferences). */
BridgeGradeRule   bridge_context_get_conversion_rule    (BridgeContext  *self);
void              bridge_context_set_conversion_rule    (BridgeContext  *self,
                                                         BridgeGradeRule rule);

/* The catalog feed set in Preferences; "" for the demo catalog. */
const char       *bridge_context_get_catalog_source     (BridgeContext *self);
void              bridge_context_set_catalog_source     (BridgeContext *self,
                                                         const char    *source);

/* The session. */
/* URIs of the plans opened or saved last, newest first; never NULL. */
const char * const *bridge_context_get_recent_plans     (BridgeContext      *self);
void              bridge_context_set_recent_plans       (BridgeContext      *self,
                                                         const char * const *uris);
/* The URI of the plan open at quit; "" for none. */
const char       *bridge_context_get_last_plan          (BridgeContext *self);
void              bridge_context_set_last_plan          (BridgeContext *self,
                                                         const char    *uri);
/* Whether the welcome page has been through. */
gboolean          bridge_context_get_first_run_done     (BridgeContext *self);
void              bridge_context_set_first_run_done     (BridgeContext *self,
                                                         gboolean       done);
/* Whether to look for a new catalog at start (a web feed, checked more than
 * a day ago). */
gboolean          bridge_context_get_check_updates      (BridgeContext *self);
void              bridge_context_set_check_updates      (BridgeContext *self,
                                                         gboolean       check);
/* The main window's size and state at the last close. */
void              bridge_context_get_window_state       (BridgeContext *self,
                                                         int           *width,
                                                         int           *height,
                                                         gboolean      *maximized);
/* Keeps @maximized, and @width and @height when they are positive. */
void              bridge_context_set_window_state       (BridgeContext *self,
                                                         int            width,
                                                         int            height,
                                                         gboolean       maximized);

/* The session's catalog and its import (BridgeImporter), shared by the
 * windows and Preferences. */
void              bridge_context_set_importer           (BridgeContext  *self,
                                                         BridgeImporter *importer);
BridgeImporter   *bridge_context_get_importer           (BridgeContext  *self);
/* The feed set in Preferences, or the bundled demo catalog when none is
 * (transfer full). */
char             *bridge_context_dup_catalog_source_or_demo (BridgeContext *self);
/* Imports @source, or the feed set in Preferences when it is NULL. */
void              bridge_context_import                 (BridgeContext *self,
                                                         const char    *source);
/* Puts @file first in the recent plans (ten at most). */
void              bridge_context_add_recent_plan        (BridgeContext *self,
                                                         GFile         *file);

G_END_DECLS
