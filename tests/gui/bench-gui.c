/* bench-gui.c: how the window performs with a large catalog (issue 4, item 9)
 *
 *   bench-gui empty          first frame of an empty AdwApplicationWindow
 *   bench-gui header-bar     the same with a header bar and a title, for
 *                            reference
 *   bench-gui app-first      first frame of Credit Bridge only
 *   bench-gui app            first frame of Credit Bridge on $CREDIT_BRIDGE_DB,
 *                            then keystroke-to-results per query, the longest
 *                            main-loop stall while searching, scrolling frame
 *                            times, and resident memory, then resident
 *                            memory after opening a course and each page
 *
 * Both modes time the same thing: from the start of main() to the end of the
 * window's first painted frame. Run under Xvfb; tests/gui/run-bench-gui.sh
 * makes a catalog with tests/gen-feed.py and runs both. Prints figures; it is
 * not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bench-stats.h"
#include "bridge-application.h"
#include "bridge-catalog-page-private.h"
#include "bridge-search-model.h"
#include "bridge-window-private.h"

static gint64 t_start;
static gint64 t_first_frame;
static gint64 cpu_first_frame;
static GtkWidget *bench_window;

static double
ms_since (gint64 t)
{
  return (g_get_monotonic_time () - t) / 1000.0;
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  if (t_first_frame == 0)
    {
      t_first_frame = g_get_monotonic_time ();
      cpu_first_frame = thread_cpu_us ();
      g_signal_handlers_disconnect_by_func (clock, after_paint_cb, data);
    }
}

static void
realize_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

/* "GskCairoRenderer", "GskGLRenderer": what drew the window. */
static const char *
renderer_name (void)
{
  return G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench_window)));
}

static void
wait_first_frame (void)
{
  while (t_first_frame == 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static long
rss_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line != NULL ? strtol (line + strlen (field) + 1, NULL, 10) : -1;
}

/* The longest time the main loop went without running, sampled by a 1 ms
 * timeout: a stall longer than a frame (16.7 ms) would be visible. */
static gint64 last_tick;
static double max_stall;
/* The same in the main thread's own CPU time, which other processes on a
 * loaded machine do not lengthen. */
static gint64 last_tick_cpu;
static double max_stall_cpu;

static void
reset_stall (void)
{
  last_tick = 0;
  max_stall = 0;
  max_stall_cpu = 0;
}

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (last_tick != 0)
    {
      max_stall = MAX (max_stall, (now - last_tick) / 1000.0);
      max_stall_cpu = MAX (max_stall_cpu, (cpu - last_tick_cpu) / 1000.0);
    }
  last_tick = now;
  last_tick_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

/* An empty AdwApplicationWindow: what item 9 compares with. With
 * @header_bar, the least a window one can use has: a header bar with the
 * window's title and its controls. It is not the target's reference; it
 * shows how much of what Credit Bridge adds any libadwaita window pays for
 * its first text and icons. */
static int
bench_empty (gboolean header_bar)
{
  const char *who = header_bar ? "header bar window" : "empty window";
  AdwApplication *app = adw_application_new ("io.github.creditbridge.BenchEmpty",
                                             G_APPLICATION_NON_UNIQUE);

  g_application_register (G_APPLICATION (app), NULL, NULL);
  printf ("%s: application started %.1f ms after main() (%.1f ms CPU)\n", who, ms_since (t_start), thread_cpu_us () / 1000.0);
  bench_window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (bench_window), 1100, 720);
  if (header_bar)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_window_set_title (GTK_WINDOW (bench_window), "Credit Bridge");
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (bench_window), box);
    }
  g_signal_connect (bench_window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (bench_window));
  wait_first_frame ();
  printf ("%s: first frame %.1f ms after main() (%.1f ms CPU in the main thread; %s)\n",
          who, (t_first_frame - t_start) / 1000.0, cpu_first_frame / 1000.0, renderer_name ());
  printf ("%s: resident %ld kB (peak %ld kB)\n", who, rss_kb ("VmRSS:"), rss_kb ("VmHWM:"));
  gtk_window_destroy (GTK_WINDOW (bench_window));
  g_object_unref (app);
  return 0;
}

/* Main-thread time spent putting results on screen: from the model's
 * "results-changing" to its "search-finished". */
static gint64 t_changing;
static double max_apply;

static void
changing_cb (void)
{
  t_changing = g_get_monotonic_time ();
}

static void
finished_cb (void)
{
  if (t_changing != 0)
    max_apply = MAX (max_apply, ms_since (t_changing));
  t_changing = 0;
}

static gboolean
searched (BridgeSearchModel *model,
          const char        *query)
{
  return !bridge_search_model_get_searching (model) &&
         g_strcmp0 (bridge_search_model_get_query (model), query) == 0;
}

/* The first rows of @query's results are in (every match may still be
 * being ranked: bridge_search_model_search ()). */
static gboolean
first_rows_in (BridgeSearchModel *model,
               const char        *query)
{
  return g_strcmp0 (bridge_search_model_get_query (model), query) == 0;
}

/* Until @query's results are in and every one of them is an item. */
static void
wait_search (BridgeSearchModel *model,
             const char        *query)
{
  while (!searched (model, query) ||
         g_list_model_get_n_items (G_LIST_MODEL (model)) < bridge_search_model_get_n_results (model))
    g_main_context_iteration (NULL, TRUE);
}

/* Until the window's next frame is painted. */
static void
wait_frame (void)
{
  t_first_frame = 0;
  g_signal_connect (gtk_widget_get_frame_clock (bench_window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  wait_first_frame ();
}

static void
print_frames (const char *what,
              GArray     *frames)
{
  double max = 0;

  for (guint i = 0; i < frames->len; i++)
    max = MAX (max, g_array_index (frames, double, i));
  printf ("%s: frame p50 %.1f ms, p95 %.1f ms, longest %.1f ms; longest main-loop stall %.1f ms (%.1f ms CPU)\n",
          what, bench_percentile (frames, 50), bench_percentile (frames, 95), max, max_stall, max_stall_cpu);
}

static int
bench_app (gboolean first_frame_only)
{
  BridgeApplication *app = bridge_application_new ();
  GSettings *settings;
  BridgeCatalogPage *page;
  BridgeSearchModel *model;
  GtkWidget *entry;
  GtkWidget *list;
  GtkWidget *scroller;
  GtkAdjustment *adj;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) completions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraws = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jumps = g_array_new (FALSE, FALSE, sizeof (double));
  /* 1-, 2- and 4-character Chinese, an English word, an English prefix, a code. */
  static const char *queries[] = { "数", "数学", "高等数学", "mathematics", "ecolog", "MATH", NULL };
  static const char * const pages[] = { "plan", "grades", "agreement" };
  double search_stall = 0;
  double search_stall_cpu = 0;
  /* The same from the second round on: the first round's first Chinese
   * query is where the CJK fonts are loaded and their first glyphs drawn. */
  double later_stall = 0;
  double later_stall_cpu = 0;
  guint tick;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  settings = bridge_application_get_settings (app);
  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_settings_set_string (settings, "home-university", "scu");

  printf ("credit-bridge: application started %.1f ms after main() (%.1f ms CPU)\n", ms_since (t_start), thread_cpu_us () / 1000.0);
  bench_window = GTK_WIDGET (bridge_window_new (GTK_APPLICATION (app), bridge_application_get_context (app)));
  printf ("credit-bridge: window built %.1f ms after main() (%.1f ms CPU)\n", ms_since (t_start), thread_cpu_us () / 1000.0);
  g_signal_connect (bench_window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (bench_window));
  wait_first_frame ();
  printf ("credit-bridge: first frame %.1f ms after main() (%.1f ms CPU in the main thread; %s; state %s)\n",
          (t_first_frame - t_start) / 1000.0, cpu_first_frame / 1000.0, renderer_name (),
          bridge_window_get_state (BRIDGE_WINDOW (bench_window)));
  if (first_frame_only)
    {
      spin (1500);
      printf ("credit-bridge: resident after start %ld kB\n", rss_kb ("VmRSS:"));
      gtk_window_destroy (GTK_WINDOW (bench_window));
      g_object_unref (app);
      return 0;
    }

  page = BRIDGE_CATALOG_PAGE (bridge_window_get_page (BRIDGE_WINDOW (bench_window), "catalog"));
  model = bridge_catalog_page_get_model (page);
  entry = bridge_catalog_page_get_child (page, "search-entry");
  list = bridge_catalog_page_get_child (page, "list-view");
  wait_search (model, "");
  printf ("credit-bridge: all %u courses listed %.1f ms after main()\n",
          bridge_search_model_get_n_results (model), ms_since (t_start));

  /* What one frame costs here, whatever the window does: every widget
   * snapshotted and the whole window rendered again, 60 times. */
  tick = g_timeout_add (1, tick_cb, NULL);
  spin (200);
  reset_stall ();
  for (guint i = 0; i < 60; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      gtk_widget_queue_draw (bench_window);
      for (GtkWidget *w = list; w != NULL; w = gtk_widget_get_parent (w))
        gtk_widget_queue_draw (w);
      wait_frame ();
      ms = ms_since (t0);
      g_array_append_val (redraws, ms);
    }
  print_frames ("whole window redrawn (a frame's cost here)", redraws);

  g_signal_connect (model, "results-changing", G_CALLBACK (changing_cb), NULL);
  g_signal_connect (model, "search-finished", G_CALLBACK (finished_cb), NULL);
  for (guint round = 0; round < 5; round++)
    for (guint q = 0; queries[q] != NULL; q++)
      {
        gint64 t0;
        double ms;

        gtk_editable_set_text (GTK_EDITABLE (entry), "");
        wait_search (model, "");
        spin (50);
        reset_stall ();
        /* The keystroke: from here to the first results painted. The
         * entry's own 150 ms typing delay is left out ("search-changed" is
         * emitted at once), so this is the work Credit Bridge does. */
        t0 = g_get_monotonic_time ();
        gtk_editable_set_text (GTK_EDITABLE (entry), queries[q]);
        g_signal_emit_by_name (entry, "search-changed");
        while (!first_rows_in (model, queries[q]))
          g_main_context_iteration (NULL, TRUE);
        wait_frame ();
        ms = ms_since (t0);
        g_array_append_val (latencies, ms);
        /* Every match ranked, and the exact count shown. */
        while (!searched (model, queries[q]))
          g_main_context_iteration (NULL, TRUE);
        ms = ms_since (t0);
        g_array_append_val (completions, ms);
        /* The rest of the results come in while the loop keeps running. */
        wait_search (model, queries[q]);
        spin (100);
        search_stall = MAX (search_stall, max_stall);
        search_stall_cpu = MAX (search_stall_cpu, max_stall_cpu);
        if (round > 0)
          {
            later_stall = MAX (later_stall, max_stall);
            later_stall_cpu = MAX (later_stall_cpu, max_stall_cpu);
          }
        if (round == 0)
          printf ("  query %-12s %6u results  %6.1f ms, longest stall %.1f ms (%.1f ms CPU)\n", queries[q],
                  bridge_search_model_get_n_results (model), ms, max_stall, max_stall_cpu);
      }
  printf ("keystroke to results on screen: p50 %.1f ms, p95 %.1f ms (%u searches)\n",
          bench_percentile (latencies, 50), bench_percentile (latencies, 95), latencies->len);
  printf ("keystroke to every match ranked and counted: p50 %.1f ms, p95 %.1f ms\n",
          bench_percentile (completions, 50), bench_percentile (completions, 95));
  printf ("longest main-loop stall while searching: %.1f ms (%.1f ms CPU); from the second round on: %.1f ms (%.1f ms CPU)\n",
          search_stall, search_stall_cpu, later_stall, later_stall_cpu);
  printf ("longest main-thread time putting the first results in: %.1f ms\n", max_apply);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_search (model, "");
  scroller = gtk_widget_get_parent (list);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  /* Scrolling as a touchpad flick does: 40 px a frame, 300 frames. */
  spin (100);
  reset_stall ();
  for (guint step = 0; step < 300; step++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + 40);
      wait_frame ();
      ms = ms_since (t0);
      g_array_append_val (frames, ms);
    }
  print_frames ("scrolling 40 px a frame", frames);

  /* Dragging the scrollbar: 300 jumps of a 300th of the list each. */
  spin (100);
  reset_stall ();
  for (guint step = 0; step < 300; step++)
    {
      double value = (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)) * step / 300.0;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      gtk_adjustment_set_value (adj, value);
      wait_frame ();
      ms = ms_since (t0);
      g_array_append_val (jumps, ms);
    }
  print_frames ("dragging the scrollbar through all the courses", jumps);
  g_source_remove (tick);

  printf ("credit-bridge: resident %ld kB (peak %ld kB)\n", rss_kb ("VmRSS:"), rss_kb ("VmHWM:"));

  /* The rest of a session: what a course and each page add, and keep. */
  g_signal_emit_by_name (list, "activate", 0);
  spin (1500);
  printf ("credit-bridge: resident after opening a course %ld kB\n", rss_kb ("VmRSS:"));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      bridge_window_show_page (BRIDGE_WINDOW (bench_window), pages[i]);
      spin (1500);
      printf ("credit-bridge: resident after opening the %s page %ld kB\n", pages[i], rss_kb ("VmRSS:"));
    }

  gtk_window_destroy (GTK_WINDOW (bench_window));
  g_object_unref (app);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  t_start = g_get_monotonic_time ();

  gtk_init ();
  adw_init ();

  if (argc > 1 && g_str_equal (argv[1], "empty"))
    return bench_empty (FALSE);
  if (argc > 1 && g_str_equal (argv[1], "header-bar"))
    return bench_empty (TRUE);
  if (argc > 1 && g_str_equal (argv[1], "app"))
    return bench_app (FALSE);
  if (argc > 1 && g_str_equal (argv[1], "app-first"))
    return bench_app (TRUE);
  fprintf (stderr, "usage: bench-gui empty|header-bar|app|app-first\n");
  return 2;
}
