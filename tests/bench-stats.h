/* bench-stats.h: the percentiles the benchmarks print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

static inline int
bench_compare_double (gconstpointer a,
                      gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The @p-th percentile (0–100) of @values, a GArray of double, by nearest
 * rank; sorts @values. 0 for an empty array. */
static inline double
bench_percentile (GArray *values,
                  double  p)
{
  guint rank;

  if (values->len == 0)
    return 0;
  g_array_sort (values, bench_compare_double);
  rank = (guint) (p / 100.0 * values->len + 0.999999);
  return g_array_index (values, double, CLAMP (rank, 1, values->len) - 1);
}
