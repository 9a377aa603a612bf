/* bridge-renderer.h: which GSK renderer draws the windows on a machine
 * without a GPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @gl_renderer, a GL_RENDERER string, names a rasterizer that runs
 * on the CPU: Mesa's llvmpipe or softpipe, directly or under zink, or
 * Direct3D 12's WARP under WSL. A GPU driver's string may name LLVM ("AMD
 * Radeon … LLVM 15.0.7"); that is not software. */
gboolean    bridge_renderer_is_software_gl (const char *gl_renderer);

/* GL_RENDERER of GDK's OpenGL on @display ("llvmpipe (LLVM 15.0.6, 256
 * bits)"), or NULL if GDK has no OpenGL there. Leaves the GL context that
 * was current, if any, current again. */
char       *bridge_renderer_dup_gl_name    (GdkDisplay *display);

/* The same from Mesa's GLX on X11, without a GL context; NULL elsewhere,
 * or where the X server's GLX is not Mesa's. */
char       *bridge_renderer_dup_x11_gl_name (GdkDisplay *display);

/* Chooses the renderer for the windows on @display, before the first one is
 * realized: the cairo renderer when GTK is older than 4.14, @user_choice
 * (the GSK_RENDERER environment variable, passed by the caller) is NULL or
 * empty, and GDK's OpenGL runs on the CPU. Returns "cairo" when it chose it,
 * else NULL (GTK chooses as it always does). */
const char *bridge_renderer_choose         (GdkDisplay *display,
                                            const char *user_choice);

G_END_DECLS
