#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that po/POTFILES.in lists every file with translatable strings.

Usage: check-potfiles.py [--update] [SOURCE_ROOT]

Scans src/ and data/ for C sources and headers, GtkBuilder .ui files,
.in templates and XML files that hold strings for translators, and fails,
naming each file, when one of them is missing from po/POTFILES.in or when
POTFILES.in lists a file that does not exist. The exit status is 0 when
the list is complete, 1 otherwise.

With --update, rewrites po/POTFILES.in from what it finds instead (the
maintainer's tool; the test never does this).
"""

import os
import re
import sys

# C: _("…"), N_("…"), C_("ctx", "…"), NC_("ctx", "…") and the plural and
# domain forms.  The look-behind keeps g_strdup_( and friends out.
C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|'
                       r'g_dpgettext2|g_dcgettext|g_dgettext)\s*\(')
# Comments are dropped before looking, so that "_(" in a comment alone does
# not count; string literals are matched first so that "https://" survives.
C_TOKENS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|//[^\n]*', re.S)


def strip_c_comments(text):
    return C_TOKENS.sub(lambda m: m.group(0) if m.group(0)[0] in '"\'' else ' ', text)

# GtkBuilder: translatable="yes" (or "true", "1").
UI_MARKERS = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']', re.I)

# Desktop files: the keys that msgfmt --desktop translates.
DESKTOP_MARKERS = re.compile(r'^(?:Name|GenericName|Comment|Keywords|X-GNOME-FullName)\s*=', re.M)

# intltool style <_name>…</_name> in old .in templates.
INTLTOOL_MARKERS = re.compile(r'<_[A-Za-z]')

# XML families whose text gettext's ITS rules extract.
METAINFO_ROOT = re.compile(r'<component[\s>]')
METAINFO_TEXT = re.compile(r'<(?:name|summary|p|li|keyword)[\s>]')
GSCHEMA_ROOT = re.compile(r'<schemalist[\s>]')
GSCHEMA_TEXT = re.compile(r'<(?:summary|description)[\s>]')
MIME_ROOT = re.compile(r'<mime-info[\s>]')
MIME_TEXT = re.compile(r'<(?:comment|acronym|expanded-acronym)[\s>]')
TRANSLATE_NO = re.compile(r'translate\s*=\s*["\']no["\']')

SCANNED_DIRS = ('src', 'data')
SUFFIXES = ('.c', '.h', '.ui', '.in', '.xml')


def has_translatable_strings(path, text):
    name = os.path.basename(path)
    base = name[:-3] if name.endswith('.in') else name

    if base.endswith(('.c', '.h')):
        return bool(C_MARKERS.search(strip_c_comments(text)))
    if base.endswith('.ui'):
        return bool(UI_MARKERS.search(text))
    if base.endswith('.desktop'):
        return bool(DESKTOP_MARKERS.search(text))
    if INTLTOOL_MARKERS.search(text):
        return True
    if base.endswith('.xml'):
        if METAINFO_ROOT.search(text) and METAINFO_TEXT.search(text):
            # A component whose every text says translate="no" has none.
            return len(METAINFO_TEXT.findall(text)) > len(TRANSLATE_NO.findall(text))
        if GSCHEMA_ROOT.search(text) and GSCHEMA_TEXT.search(text):
            return True
        if MIME_ROOT.search(text) and MIME_TEXT.search(text):
            return True
        if UI_MARKERS.search(text):
            return True
    return False


def read_potfiles(path):
    listed = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('[') and ']' in line:
                # [encoding: UTF-8] and [type: gettext/glade]-style prefixes
                line = line.split(']', 1)[1].strip()
            listed.append((line, number))
    return listed


POTFILES_HEADER = """\
# Files with translatable strings, one per line, relative to the source root.
# Keep it complete: tests/data/check-potfiles.py fails when a file is missing;
# `tests/data/check-potfiles.py --update` regenerates it.
"""


def find_translatable(root):
    """(path, True) for each file with strings, (path, None) if not UTF-8."""
    found = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for filename in sorted(filenames):
                if not filename.endswith(SUFFIXES):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, filename), root)
                try:
                    with open(os.path.join(root, rel), encoding='utf-8') as f:
                        text = f.read()
                except UnicodeDecodeError:
                    found.append((rel, None))
                    continue
                if has_translatable_strings(rel, text):
                    found.append((rel, True))
    return found


def main():
    args = sys.argv[1:]
    update = '--update' in args
    args = [a for a in args if a != '--update']
    root = os.path.abspath(args[0] if args else
                           os.environ.get('CREDIT_BRIDGE_SOURCE_ROOT',
                                          os.path.join(os.path.dirname(__file__), '..', '..')))
    potfiles_path = os.path.join(root, 'po', 'POTFILES.in')

    if update:
        files = sorted(rel for rel, ok in find_translatable(root) if ok)
        with open(potfiles_path, 'w', encoding='utf-8') as f:
            f.write(POTFILES_HEADER)
            for rel in files:
                f.write(rel + '\n')
        print(f'wrote {len(files)} files to {potfiles_path}')
        return 0

    if not os.path.isfile(potfiles_path):
        print(f'{potfiles_path}: missing', file=sys.stderr)
        return 1

    listed = read_potfiles(potfiles_path)
    listed_set = {p for p, _ in listed}
    failures = 0

    for rel, number in listed:
        if not os.path.isfile(os.path.join(root, rel)):
            print(f'po/POTFILES.in:{number}: {rel}: listed but the file does not exist')
            failures += 1

    seen = set()
    for rel, number in listed:
        if rel in seen:
            print(f'po/POTFILES.in:{number}: {rel}: listed twice')
            failures += 1
        seen.add(rel)

    checked = 0
    for rel, ok in find_translatable(root):
        if ok is None:
            print(f'{rel}: not valid UTF-8')
            failures += 1
            continue
        checked += 1
        if rel not in listed_set:
            print(f'{rel}: has translatable strings but is missing from po/POTFILES.in')
            failures += 1

    print(f'{checked} files with translatable strings, {len(listed)} listed in po/POTFILES.in, '
          f'{failures} problem(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
