/* bridge-renderer.c
 *
 * GTK 4.8 draws with OpenGL whenever GDK can create a GL context, even when
 * that context is Mesa's llvmpipe, which runs every shader on the CPU: on a
 * machine without a GPU driver (a virtual machine, a remote desktop, a
 * computer room's thin client). There, for this application, GTK's own cairo
 * renderer is faster in every way measured (README, "The window at 100,000
 * courses"): llvmpipe compiles a shader for each new kind of drawing, keeps
 * every compiled shader and the GL renderer's caches in memory, and redraws
 * slower than cairo on two cores. GTK 4.14 and later have other renderers
 * and choose among them on llvmpipe themselves (never cairo); this was not
 * measured with them, so they are left to it. That includes the Flatpak,
 * whose GNOME runtime has a newer GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-gui"

#include "config.h"

#include "bridge-renderer.h"

#include <epoxy/gl.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <epoxy/glx.h>
#include <gdk/x11/gdkx.h>
#endif

gboolean
bridge_renderer_is_software_gl (const char *gl_renderer)
{
  /* Mesa's names: "llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", zink's
   * "zink Vulkan 1.3(llvmpipe (LLVM 15.0.6, 256 bits) (MESA_LLVMPIPE))", and
   * WSL's "D3D12 (Microsoft Basic Render Driver)". */
  return gl_renderer != NULL &&
         (strstr (gl_renderer, "llvmpipe") != NULL ||
          strstr (gl_renderer, "softpipe") != NULL ||
          strstr (gl_renderer, "Microsoft Basic Render Driver") != NULL);
}

/* GLX_MESA_query_renderer names the screen's renderer without a GL
 * context: 0.1 ms, against 12 ms for realizing and making current a
 * context of llvmpipe's. */
char *
bridge_renderer_dup_x11_gl_name (GdkDisplay *display)
{
#ifdef GDK_WINDOWING_X11
  Display *xdisplay;
  int screen;
  const char *name;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (!GDK_IS_X11_DISPLAY (display))
    return NULL;
  xdisplay = gdk_x11_display_get_xdisplay (display);
  screen = DefaultScreen (xdisplay);
  /* epoxy_has_glx() first: it checks that libGL loads (GTK does not
   * depend on it) and that the server has GLX, where calling a GLX
   * function through epoxy without them would abort. */
  if (!epoxy_has_glx (xdisplay) ||
      !epoxy_has_glx_extension (xdisplay, screen, "GLX_MESA_query_renderer"))
    return NULL;
  name = glXQueryRendererStringMESA (xdisplay, screen, 0, GLX_RENDERER_DEVICE_ID_MESA);
  return g_strdup (name);
#else
  return NULL;
#endif
}

char *
bridge_renderer_dup_gl_name (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GdkGLContext) previous = NULL;
  g_autoptr(GError) error = NULL;
  char *result = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (!gdk_display_prepare_gl (display, &error))
    {
      g_debug ("No OpenGL: %s", error->message);
      return NULL;
    }
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL context: %s", error != NULL ? error->message : "");
      return NULL;
    }

  if (gdk_gl_context_get_current () != NULL)
    previous = g_object_ref (gdk_gl_context_get_current ());
  gdk_gl_context_make_current (context);
  if (gdk_gl_context_get_current () == context)
    result = g_strdup ((const char *) glGetString (GL_RENDERER));
  if (previous != NULL)
    gdk_gl_context_make_current (previous);
  else
    gdk_gl_context_clear_current ();
  return result;
}

const char *
bridge_renderer_choose (GdkDisplay *display,
                        const char *user_choice)
{
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (user_choice != NULL && *user_choice != '\0')
    return NULL;
  if (gtk_get_minor_version () >= 14)
    return NULL;

  /* GDK's OpenGL first: without it GTK draws with cairo by itself, and
   * on X11 it is set up when the display opens, so this costs nothing. */
  if (!gdk_display_prepare_gl (display, NULL))
    return NULL;
  gl_renderer = bridge_renderer_dup_x11_gl_name (display);
  if (gl_renderer == NULL)
    gl_renderer = bridge_renderer_dup_gl_name (display);
  if (!bridge_renderer_is_software_gl (gl_renderer))
    return NULL;

  g_debug ("OpenGL runs on the CPU (%s): drawing with cairo; "
           "set GSK_RENDERER to choose otherwise", gl_renderer);
  /* What GTK looks at first when it makes a window's renderer, before
   * GSK_RENDERER, so it is only set when the user did not set that. It is
   * GTK's own, undocumented (GtkInspector sets it): read in
   * gsk_renderer_new_for_surface() from GTK 4.0 to today, and checked with
   * 4.8, the only version this runs on. */
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
  return "cairo";
}
