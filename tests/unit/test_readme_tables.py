"""The README documents every setting, every error code (with what to do) and every
ledger action, in its tables; adding one without documenting it fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from config.settings import Settings
from models.audit import Action
from models.errors import all_error_types

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
ROWS = [line for line in README.splitlines() if line.startswith("| ")]


def cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip("|").split("|")]


def first_cells() -> set[str]:
    return {name for row in ROWS for name in re.findall(r"`([^`]+)`", cells(row)[0])}


@pytest.mark.parametrize("name", sorted(f"SEALROOM_{f.upper()}" for f in Settings.model_fields))
def test_every_setting_has_a_row(name: str) -> None:
    assert name in first_cells(), f"{name} missing from the README's settings table"


@pytest.mark.parametrize("code", sorted({cls.code for cls in all_error_types()}))
def test_every_error_code_has_a_row_with_what_to_do(code: str) -> None:
    rows = [cells(row) for row in ROWS if cells(row)[0] == f"`{code}`"]
    assert rows, f"{code} missing from the README's error code table"
    assert len(rows[0]) == 3 and rows[0][2], f"{code} has no 'what to do'"


@pytest.mark.parametrize("action", sorted(a.value for a in Action))
def test_every_ledger_action_has_a_row(action: str) -> None:
    assert action in first_cells(), f"{action} missing from the README's ledger action table"
