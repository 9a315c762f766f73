#!/usr/bin/env python3
"""Maintains the UI translations (src/SmartCitiesStudy.Web/Resources/SharedResource.{es,fr}.resx).

Keys are the English text used in L["…"]. Usage:
  scripts/resx.py missing            list keys used in the code that a language lacks (exit 1 if any)
  scripts/resx.py merge FILE.json    add/replace entries from {"es": {key: text}, "fr": {...}}
"""
import json, re, sys, pathlib
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
WEB = ROOT / "src" / "SmartCitiesStudy.Web"
LANGS = ["es", "fr"]
KEY = re.compile(r'(?<![A-Za-z])(?:L|localizer)\["((?:[^"\\]|\\.)*)"\]')
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def used_keys():
    keys = set()
    for path in list(WEB.rglob("*.razor")) + list(WEB.rglob("*.cs")):
        if "/obj/" in str(path) or "/bin/" in str(path):
            continue
        keys.update(KEY.findall(path.read_text(encoding="utf-8")))
    return keys

def resx_path(lang):
    return WEB / "Resources" / f"SharedResource.{lang}.resx"

def read(lang):
    path = resx_path(lang)
    if not path.exists():
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().findall("data")}

def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

def write(lang, entries):
    path = resx_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(v)}</value></data>\n' for k, v in sorted(entries.items()))
    path.write_text(HEADER + body + "</root>\n", encoding="utf-8")

def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "merge":
        data = json.loads(pathlib.Path(sys.argv[2]).read_text(encoding="utf-8"))
        for lang in LANGS:
            entries = read(lang)
            entries.update(data.get(lang, {}))
            write(lang, entries)
        return 0
    if len(sys.argv) >= 2 and sys.argv[1] == "missing":
        keys, missing = used_keys(), 0
        for lang in LANGS:
            for key in sorted(keys - set(read(lang))):
                print(f"{lang}: {key}")
                missing += 1
        return 1 if missing else 0
    print(__doc__)
    return 2

sys.exit(main())
