"""An archive of real right-to-left texts from ../shared/testdata/rtl_text (see its PROVENANCE.txt).

Persian (two translations of the Universal Declaration of Human Rights, and the Persian "lshort" LaTeX
guide with its Latin markup mixed in), Arabic, Hebrew and English, each a plain-text document with a
sidecar, copied byte for byte into a temporary archive folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

#: id: (path under rtl_text, language, title, EDTF date or None)
RTL_FILES = {
    "udhr-fa": ("udhr2-unicode-nltk/pes_1.txt", "fa", "اعلامیه جهانی حقوق بشر", "1948-12-10"),
    "udhr-fa-nltk": ("udhr-nltk/Farsi_Persian-UTF8", "fa", "اعلامیه جهانی حقوق بشر (NLTK)", "1948-12-10"),
    "udhr-ar": ("udhr2-unicode-nltk/arb.txt", "ar", "الإعلان العالمي لحقوق الإنسان", "1948-12-10"),
    "udhr-he": ("udhr2-unicode-nltk/heb.txt", "he", "ההכרזה לכל באי עולם בדבר זכויות האדם", "1948-12-10"),
    "udhr-en": ("udhr2-unicode-nltk/eng.txt", "en", "Universal Declaration of Human Rights", "1948-12-10"),
    "lshort-fa-overview": ("lshort-persian-tex/overview.tex", "fa", "lshort-persian: overview.tex", None),
    "lshort-fa-typeset": ("lshort-persian-tex/typeset.tex", "fa", "lshort-persian: typeset.tex", None),
}


def write_rtl_archive(root: Path, rtl_text: Path) -> Path:
    (root / "items").mkdir(parents=True)
    (root / "collection.toml").write_text(
        'format = 1\nid = "rtl-test"\ntitle = "Right-to-left texts"\nlanguage = ["fa", "ar", "he", "en"]\n',
        encoding="utf-8")
    for item_id, (rel, lang, title, date) in RTL_FILES.items():
        data = (rtl_text / rel).read_bytes()
        name = f"{item_id}.txt"
        (root / "items" / name).write_bytes(data)
        lines = [f'id = "{item_id}"', 'kind = "document"', f'file = "{name}"',
                 f'sha256 = "{hashlib.sha256(data).hexdigest()}"', f"title = {json.dumps(title, ensure_ascii=False)}",
                 'format = "text/plain"', f'language = "{lang}"']
        if date:
            lines.append(f'date = "{date}"')
        (root / "items" / f"{item_id}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "timeline.toml").write_text("", encoding="utf-8")
    return root
