/* bridge-recognition-list.h: what counts for what, as a list
 *
 * The options of core's bridge-recognize.h shown one to a row, best first:
 * the decisions of the home university's recognition register ("Decisions
 * of the Register"), then the suggestions with their score and reasons.
 * Each row has "Add to Plan with This Mapping", which activates the window
 * action "win.add-mapping" with the host and home course ids, "(asas)".
 *
 * The course page shows it for a host course ("Counts at Home For"), the
 * replacements window for a home course (what could replace it). The options
 * are computed in a worker thread, on a catalog connection of its own, so
 * that typing never waits for them; bridge_recognition_lookup_async () does
 * the same for the plan's home-course picker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"
#include "bridge-recognize.h"

G_BEGIN_DECLS

/* What was found: the options and the courses they name. */
typedef struct
{
  GPtrArray  *options;                    /* element-type BridgeRecognitionOption */
  GHashTable *courses;                    /* course id → BridgeCourse */
} BridgeRecognitionResult;

void bridge_recognition_result_free (BridgeRecognitionResult *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeRecognitionResult, bridge_recognition_result_free)

/* With @home_course_id: bridge_recognize_replacements (); else
 * bridge_recognize_for_host (@home, @host_course_ids). @query is copied. */
void                     bridge_recognition_lookup_async  (BridgeCatalog              *catalog,
                                                           const char                 *home,
                                                           const char * const         *host_course_ids,
                                                           const char                 *home_course_id,
                                                           const BridgeRecognizeQuery *query,
                                                           GCancellable               *cancellable,
                                                           GAsyncReadyCallback         callback,
                                                           gpointer                    user_data);
BridgeRecognitionResult *bridge_recognition_lookup_finish (GAsyncResult               *result,
                                                           GError                    **error);

/* The score of a suggestion in words: "Strong match" … */
const char              *bridge_recognition_score_label   (double                      score);
/* "Title (CODE)" of @course_id, or the id when @courses lacks it (transfer full). */
char                    *bridge_recognition_course_label  (GHashTable                 *courses,
                                                           const char                 *course_id);

#define BRIDGE_TYPE_RECOGNITION_LIST (bridge_recognition_list_get_type ())
G_DECLARE_FINAL_TYPE (BridgeRecognitionList, bridge_recognition_list, BRIDGE, RECOGNITION_LIST, GtkBox)

GtkWidget *bridge_recognition_list_new              (BridgeContext         *context);
/* What the host course @course_id could replace at the home university. */
void       bridge_recognition_list_show_for_host    (BridgeRecognitionList *self,
                                                     const char            *course_id);
/* What could replace the home course @course_id, narrowed by @query. */
void       bridge_recognition_list_show_replacements (BridgeRecognitionList      *self,
                                                      const char                 *course_id,
                                                      const BridgeRecognizeQuery *query);
/* Nothing: no course. */
void       bridge_recognition_list_clear            (BridgeRecognitionList *self);

/* For tests: whether a lookup is running, the rows shown (precedents, then
 * suggestions), and the placeholder's text when none are. */
gboolean    bridge_recognition_list_get_busy        (BridgeRecognitionList *self);
guint       bridge_recognition_list_get_n_rows      (BridgeRecognitionList *self);
GtkWidget  *bridge_recognition_list_get_row         (BridgeRecognitionList *self,
                                                     guint                  index);
const char *bridge_recognition_list_get_empty_text  (BridgeRecognitionList *self);

G_END_DECLS
