#!/usr/bin/env python3
"""Check the shape of src/: the layers of the engine, the window's includes,
and the size of files.

    check-layers.py SOURCE_ROOT

The rules (CONTRIBUTING.md, "Where the code lives"):

1. src/core is in layer folders, bottom-up: base, model, credit, feed,
   catalog, plan, export. A file includes headers of its own layer and the
   layers below only. The build enforces this too (each layer is compiled
   with the include folders below it); this check says which include runs
   back up, and also covers headers no .c file of the layer includes yet.
2. src/core never includes GTK or libadwaita.
3. The files of src/gui include each other without a circle: taking a .c
   and its .h (and -private.h) as one module, following the includes never
   leads back to where it started. The window includes its pages, a page
   its widgets, a widget the utilities; never the other way.
4. No widget includes the window (bridge-window.h) but the application and
   the window's own files: a widget reaches the window through the widget
   tree (toasts) or through actions.
5. No source file in src/ is longer than 1,500 lines (about: 1,600 is the
   hard limit, so a file that grows a little past the mark is not a failure
   by itself, but a file near it should be split along its seams).

Prints one line a problem, naming the file and line; exits 1 when there is
any, 0 otherwise.
"""

import os
import re
import sys

LAYERS = ['base', 'model', 'credit', 'feed', 'catalog', 'plan', 'export']
MAX_LINES = 1600
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]')
WINDOW_FILES = {'bridge-window.c', 'bridge-window-actions.c', 'bridge-window.h',
                'bridge-window-private.h', 'bridge-application.c'}


def includes(path):
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                yield number, m.group(1), m.group(2)


def circles(graph):
    """The strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def main(root):
    src = os.path.join(root, 'src')
    core = os.path.join(src, 'core')
    gui = os.path.join(src, 'gui')
    problems = []

    # Where each core header lives.
    layer_of = {}
    for layer in LAYERS:
        folder = os.path.join(core, layer)
        if not os.path.isdir(folder):
            problems.append(f'src/core/{layer}: the layer folder is missing')
            continue
        for name in os.listdir(folder):
            if name.endswith('.h'):
                layer_of[name] = layer
    for name in sorted(os.listdir(core)):
        if name.endswith(('.c', '.h')):
            problems.append(f'src/core/{name}: a source file outside the layer folders')

    for layer in LAYERS:
        folder = os.path.join(core, layer)
        if not os.path.isdir(folder):
            continue
        rank = LAYERS.index(layer)
        for name in sorted(os.listdir(folder)):
            if not name.endswith(('.c', '.h')):
                continue
            rel = f'src/core/{layer}/{name}'
            for number, kind, header in includes(os.path.join(folder, name)):
                if kind == '<' and header.split('/')[0] in ('gtk', 'adwaita.h', 'gdk'):
                    problems.append(f'{rel}:{number}: includes {header}; the engine never uses GTK')
                if kind != '"' or header not in layer_of:
                    continue
                target = layer_of[header]
                if LAYERS.index(target) > rank:
                    problems.append(f'{rel}:{number}: includes {header} of the layer {target}, '
                                    f'above {layer}; move the code down or up a layer')

    # The window's modules (a .c with its .h): no circle.
    graph = {}
    if os.path.isdir(gui):
        gui_headers = {n for n in os.listdir(gui) if n.endswith('.h')}
        for name in sorted(os.listdir(gui)):
            if not name.endswith(('.c', '.h')):
                continue
            module = name[:-2].removesuffix('-private')
            for number, kind, header in includes(os.path.join(gui, name)):
                if kind != '"' or header not in gui_headers:
                    continue
                if header == 'bridge-window.h' and name not in WINDOW_FILES:
                    problems.append(f'src/gui/{name}:{number}: includes bridge-window.h; reach the '
                                    'window through the widget tree or an action')
                target = header[:-2].removesuffix('-private')
                if target != module:
                    graph.setdefault(module, set()).add(target)
        for circle in circles(graph):
            problems.append('src/gui: these files include each other in a circle: '
                            + ', '.join(sorted(circle)))

    for dirpath, _, names in os.walk(src):
        for name in sorted(names):
            if not name.endswith(('.c', '.h', '.ui')):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding='utf-8') as f:
                count = sum(1 for _ in f)
            if count > MAX_LINES:
                problems.append(f'{os.path.relpath(path, root)}: {count} lines; split it along its seams '
                                f'(at most about 1,500)')

    for p in problems:
        print(p)
    print(f'{len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    if len(sys.argv) != 2:
        print('usage: check-layers.py SOURCE_ROOT', file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
