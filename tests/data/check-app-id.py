#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the built desktop file, metainfo, schema and MIME type agree on
the application id and the plan file's MIME type, and that the zh_CN
translation reached the desktop file and the metainfo.

Usage: check-app-id.py DESKTOP METAINFO GSCHEMA MIME APPLICATION_ID
"""

import configparser
import sys
import xml.etree.ElementTree as ET

PLAN_MIME = 'application/x-credit-bridge-plan'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
MIME_NS = '{http://www.freedesktop.org/standards/shared-mime-info}'


def main():
    desktop_path, metainfo_path, gschema_path, mime_path, app_id = sys.argv[1:6]
    problems = []

    desktop = configparser.ConfigParser(interpolation=None, strict=True)
    desktop.optionxform = str
    desktop.read(desktop_path, encoding='utf-8')
    entry = desktop['Desktop Entry']
    if not desktop_path.endswith('/' + app_id + '.desktop'):
        problems.append(f'{desktop_path}: not named {app_id}.desktop')
    if entry.get('Icon') != app_id:
        problems.append(f'{desktop_path}: Icon={entry.get("Icon")}, expected {app_id}')
    if PLAN_MIME not in entry.get('MimeType', '').split(';'):
        problems.append(f'{desktop_path}: MimeType does not list {PLAN_MIME}')
    if not entry.get('Exec', '').startswith('credit-bridge '):
        problems.append(f'{desktop_path}: Exec does not start credit-bridge')
    if not entry.get('Name[zh_CN]'):
        problems.append(f'{desktop_path}: no Name[zh_CN]: the zh_CN translation did not reach it')

    component = ET.parse(metainfo_path).getroot()
    if component.findtext('id') != app_id:
        problems.append(f'{metainfo_path}: <id> is {component.findtext("id")}, expected {app_id}')
    launchable = component.find('launchable')
    if launchable is None or launchable.text != app_id + '.desktop':
        problems.append(f'{metainfo_path}: <launchable> is not {app_id}.desktop')
    mediatypes = [m.text for m in component.iterfind('provides/mediatype')]
    if PLAN_MIME not in mediatypes:
        problems.append(f'{metainfo_path}: <provides> has no <mediatype>{PLAN_MIME}</mediatype>')
    if not any(n.get(XML_LANG) == 'zh_CN' for n in component.iterfind('name')):
        problems.append(f'{metainfo_path}: no <name xml:lang="zh_CN">: the zh_CN translation did not reach it')

    schemalist = ET.parse(gschema_path).getroot()
    ids = [s.get('id') for s in schemalist.iterfind('schema')]
    if ids != [app_id]:
        problems.append(f'{gschema_path}: schema ids {ids}, expected [{app_id!r}]')
    path = schemalist.find('schema').get('path') if ids else None
    if path != '/' + app_id.replace('.', '/') + '/':
        problems.append(f'{gschema_path}: schema path {path!r} does not follow the id')

    mime = ET.parse(mime_path).getroot()
    types = {t.get('type'): t for t in mime.iterfind(MIME_NS + 'mime-type')}
    if PLAN_MIME not in types:
        problems.append(f'{mime_path}: no mime-type {PLAN_MIME}')
    else:
        globs = [g.get('pattern') for g in types[PLAN_MIME].iterfind(MIME_NS + 'glob')]
        if '*.creditplan' not in globs:
            problems.append(f'{mime_path}: {PLAN_MIME} has no *.creditplan glob')

    for p in problems:
        print(p)
    if not problems:
        print(f'desktop file, metainfo, schema and MIME type agree on {app_id}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
