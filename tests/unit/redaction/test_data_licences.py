"""Licences of the shipped word lists: every file in ``redaction/data`` has a row in
``docs/data-licences.md`` and every third-party one its notice in ``redaction/data/NOTICE.txt``;
the medical lists are read from permissive sources as ``scripts/medical_sources.py`` says."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from redaction.lexicon_data import SUPPLEMENTS

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "redaction" / "data"
DOC = ROOT / "docs" / "data-licences.md"
# Written by hand for the project: no third-party notice to carry.
OWN = {"clinical_terms.txt", "drugs.txt"}


def _table_files() -> set[str]:
    rows = (line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("|"))
    return {name for row in rows for name in re.findall(r"`([\w.-]+\.txt)`", row.split("|")[1])}


def _lists() -> list[str]:
    """The word lists (not the notices and licence texts beside them)."""
    return sorted(
        p.name for p in DATA.glob("*.txt") if not p.name.startswith(("NOTICE", "COPYING"))
    )


def test_every_data_file_has_a_row_in_the_licence_table() -> None:
    missing = set(_lists()) - _table_files()
    assert not missing, f"add a row to docs/data-licences.md for {sorted(missing)}"


def test_every_third_party_list_has_its_notice() -> None:
    notice = (DATA / "NOTICE.txt").read_text(encoding="utf-8")
    missing = [name for name in _lists() if name not in OWN and name not in notice]
    assert not missing, f"add the notice of {missing} to redaction/data/NOTICE.txt"


def test_only_the_separable_supplements_come_from_the_gpl_medical_dictionary() -> None:
    heads = {name: (DATA / name).read_text(encoding="utf-8")[:600] for name in _lists()}
    gpl = {n for n, head in heads.items() if re.search(r"hunspell-en-med|OpenMedSpel", head)}
    assert gpl <= set(SUPPLEMENTS.values())
    assert all("GPL-3+" in heads[n] for n in gpl)


def _sources() -> ModuleType:
    path = ROOT / "scripts" / "medical_sources.py"
    spec = importlib.util.spec_from_file_location("medical_sources", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("medical_sources", module)
    spec.loader.exec_module(module)
    return module


# WordNet data lines: offset lex_filenum ss_type w_cnt (hex) word lex_id ... | gloss
WORDNET = (
    "  1 This software and database is being provided to you\n"
    "00001740 26 n 02 tachycardia 0 tachyarrhythmia 0 000 | abnormally rapid heartbeat\n"
    "00002000 26 n 01 Paget's_disease 0 001 @ 00001740 n 0000 | a disease\n"
    "00003000 29 v 01 intubate(p) 0 000 | introduce a tube\n"
    "00004000 19 n 01 sirocco 0 000 | a hot wind\n"
)
UNII = (
    "Name\tTYPE\tUNII\tDisplay Name\n"
    "VANCOMYCIN\tof\tX\tVANCOMYCIN\n"
    "HAZEL\tof\tX\tHAZEL\n"
    "GH\tof\tX\tGH\n"
    "ADECATUMUMAB [INN]\tof\tX\tADECATUMUMAB\n"
    "OPAGLOS\tcn\tX\tOPAGLOS\n"
    "SODIUM CHLORIDE\tof\tX\tSODIUM CHLORIDE\n"
    "PITRESSIN TANNATE\tbn\tX\tVASOPRESSIN\n"
    "ZOSYN COMPONENT TAZOBACTAM SODIUM\tcn\tX\tTAZOBACTAM\n"
    "FLOVENT\tcd\tX\tFLUTICASONE\n"
)


def test_wordnet_keeps_lower_case_lemmas_of_its_medical_files(tmp_path: Path) -> None:
    for pos in ("noun", "verb", "adj", "adv"):
        (tmp_path / f"data.{pos}").write_text(WORDNET if pos == "verb" else "", encoding="latin-1")
    words = _sources().wordnet_words(tmp_path)
    assert words == {"tachycardia", "tachyarrhythmia", "intubate"}


@pytest.mark.parametrize(
    ("reader", "expected"),
    [
        # official names of one word and three letters or more, no census name; common
        # names (trade and herbal names) are not taken
        ("unii_generics", {"vancomycin", "adecatumumab"}),
        # a brand name's first word, the brand before COMPONENT; code names are not brands
        ("unii_brands", {"pitressin", "zosyn"}),
    ],
)
def test_unii_names(tmp_path: Path, reader: str, expected: set[str]) -> None:
    path = tmp_path / "UNII_Names.txt"
    path.write_text(UNII, encoding="utf-8")
    assert getattr(_sources(), reader)(path, {"hazel"}) == expected


def test_a_supplement_is_read_only_where_its_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import redaction.lexicon_data as lexicon_data

    monkeypatch.setattr(lexicon_data, "DATA", tmp_path)
    (tmp_path / "medical_words.txt").write_text("# header\ntachycardia\n", encoding="utf-8")
    assert lexicon_data.supplemented("medical_words.txt") == {"tachycardia"}
    (tmp_path / "openmedspel_words.txt").write_text("# GPL-3+\ngtt npo\n", encoding="utf-8")
    assert lexicon_data.supplemented("medical_words.txt") == {"tachycardia", "gtt", "npo"}
