/* bridge-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bridge-error.h"

G_DEFINE_QUARK (bridge-error-quark, bridge_error)
