#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest: valid JSON, the app id, a GNOME runtime, the
command, minimal finish-args and the meson module built from this tree.

Usage: check-flatpak-manifest.py MANIFEST APPLICATION_ID
Prints each problem and exits 1 when there is one.
"""

import json
import sys

# What the application needs and nothing more; flatpak/README.md says why.
ALLOWED_FINISH_ARGS = {
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
    '--share=network',
}
REQUIRED_FINISH_ARGS = ALLOWED_FINISH_ARGS
OLDEST_RUNTIME = 47


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    problems = []
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{path}: not valid JSON: {e}')
        return 1
    if not isinstance(manifest, dict):
        print(f'{path}: the root is not an object')
        return 1

    def expect(key, value):
        if manifest.get(key) != value:
            problems.append(f'"{key}" is {manifest.get(key)!r}, expected {value!r}')

    expect('app-id', app_id)
    expect('runtime', 'org.gnome.Platform')
    expect('sdk', 'org.gnome.Sdk')
    expect('command', 'credit-bridge')

    version = manifest.get('runtime-version')
    if not isinstance(version, str) or not version.isdigit() or int(version) < OLDEST_RUNTIME:
        problems.append(f'"runtime-version" is {version!r}, expected a GNOME release '
                        f'string of {OLDEST_RUNTIME} or later')

    finish_args = manifest.get('finish-args', [])
    if not isinstance(finish_args, list):
        problems.append('"finish-args" is not an array')
        finish_args = []
    for arg in finish_args:
        if arg not in ALLOWED_FINISH_ARGS:
            problems.append(f'finish-arg {arg!r} is more than the application needs')
    for arg in sorted(REQUIRED_FINISH_ARGS - set(finish_args)):
        problems.append(f'finish-arg {arg!r} is missing')
    if len(finish_args) != len(set(finish_args)):
        problems.append('"finish-args" repeats an entry')

    modules = manifest.get('modules', [])
    if not isinstance(modules, list) or not modules:
        problems.append('"modules" is missing or empty')
        modules = []
    last = modules[-1] if modules else {}
    if not isinstance(last, dict) or last.get('name') != 'credit-bridge':
        problems.append('the last module is not "credit-bridge"')
    else:
        if last.get('buildsystem') != 'meson':
            problems.append(f'module credit-bridge: buildsystem is {last.get("buildsystem")!r}, expected "meson"')
        sources = last.get('sources', [])
        if {'type': 'dir', 'path': '..'} not in sources:
            problems.append('module credit-bridge: no {"type": "dir", "path": ".."} source')

    for p in problems:
        print(f'{path}: {p}')
    if not problems:
        print(f'{path}: {app_id} on {manifest["runtime"]}//{version}, '
              f'finish-args {" ".join(finish_args)}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
