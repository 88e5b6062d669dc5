"""Fill Swedish translations into locale/sv/LC_MESSAGES/django.po.

Usage: python tools/po_fill.py FILE.json [FILE.json ...]
Each JSON file maps a message id to its Swedish text; a key "ctx\x04msgid"
gives a context, and a list value gives the plural forms. Entries that
the files do not name are left as they are.
"""

import json
import sys
from pathlib import Path

import polib

PO_PATH = Path(__file__).resolve().parent.parent / "locale/sv/LC_MESSAGES/django.po"


def main(paths: list[str]) -> int:
    translations: dict = {}
    for path in paths:
        translations.update(json.loads(Path(path).read_text()))
    po = polib.pofile(str(PO_PATH))
    po.metadata["Language"] = "sv"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    filled = 0
    for entry in po:
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        value = translations.get(key)
        if value is None:
            continue
        if entry.msgid_plural:
            forms = value if isinstance(value, list) else [value, value]
            entry.msgstr_plural = {0: forms[0], 1: forms[1]}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        filled += 1
    po.save()
    missing = [e.msgid for e in po.untranslated_entries()] + [e.msgid for e in po.fuzzy_entries()]
    print(f"filled {filled}; untranslated or fuzzy: {len(missing)}")
    for msgid in missing:
        print("  missing:", msgid[:100])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
