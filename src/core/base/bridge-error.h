/* bridge-error.h: the engine's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BRIDGE_ERROR (bridge_error_quark ())

/**
 * BridgeError:
 * @BRIDGE_ERROR_FAILED: something else went wrong; the message says what
 * @BRIDGE_ERROR_INVALID_FEED: a catalog feed breaks ../shared/spec/catalog-feed.md;
 *   the message starts with the place (JSON path, or file:line for JSON Lines)
 * @BRIDGE_ERROR_UNSUPPORTED_VERSION: a feed, plan or cache of a format version
 *   this build does not know
 * @BRIDGE_ERROR_CACHE_CORRUPT: the catalog cache cannot be read and must be rebuilt
 * @BRIDGE_ERROR_CACHE_TOO_NEW: the catalog cache was written by a newer version
 * @BRIDGE_ERROR_NOT_FOUND: a university, course, scale, table or grade is unknown
 * @BRIDGE_ERROR_INVALID_INPUT: a value given by the user (a query, a grade, a
 *   CSV table, a command-line option) is malformed
 * @BRIDGE_ERROR_FAILING_GRADE: a grade is a failing grade and is not converted
 * @BRIDGE_ERROR_INVALID_PLAN: a plan file is malformed or inconsistent
 * @BRIDGE_ERROR_PLAN_LOCKED: the learning agreement is approved and locked, so
 *   it cannot be edited; a change must be proposed and approved instead
 */
typedef enum
{
  BRIDGE_ERROR_FAILED,
  BRIDGE_ERROR_INVALID_FEED,
  BRIDGE_ERROR_UNSUPPORTED_VERSION,
  BRIDGE_ERROR_CACHE_CORRUPT,
  BRIDGE_ERROR_CACHE_TOO_NEW,
  BRIDGE_ERROR_NOT_FOUND,
  BRIDGE_ERROR_INVALID_INPUT,
  BRIDGE_ERROR_FAILING_GRADE,
  BRIDGE_ERROR_INVALID_PLAN,
  BRIDGE_ERROR_PLAN_LOCKED,
} BridgeError;

GQuark bridge_error_quark (void);

G_END_DECLS
