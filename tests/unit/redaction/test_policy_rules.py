"""Policies that mean something: medical and legal differ in labels and rules, the default is
the strictest, and `sealroom detect --policy` applies the one it is given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from models.errors import ConfigError
from redaction.detector import Detector
from redaction.policy import PolicyDetector, load_policy
from redaction.policy_rules import find_date_parts

NOTE = (
    "CORAM: Hon'ble Mr. Justice R.Subramanian\n"
    "The claimant Leela Ramanathan was admitted in March, seen on Monday and sent home for"
    " Diwali; the Madurai Bench of the High Court heard the appeal on 14 June 2019.\n"
)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("admitted in March and again in early September", ["March", "September"]),
        ("seen on Monday, discharged by Fri.", []),
        ("home for Thanksgiving and Christmas Eve", ["Thanksgiving", "Christmas Eve"]),
        # a modal verb, a plain word and a capitalised sentence start are no dates
        ("we may march on; May I ask? March ahead", []),
    ],
)
def test_date_parts(text: str, parts: list[str]) -> None:
    assert [text[f.start : f.end] for f in find_date_parts(text)] == parts


def _values(detector: Detector, policy: str) -> str:
    policed = PolicyDetector(detector, load_policy(policy))
    return " | ".join(NOTE[f.start : f.end] for f in policed.detect(NOTE))


def test_medical_and_legal_differ_and_strict_takes_both(detector: Detector) -> None:
    medical, legal, strict = (_values(detector, p) for p in ("medical", "legal", "strict"))
    judge = "Hon'ble Mr. Justice R.Subramanian"
    assert judge in medical and judge in strict and judge not in legal
    # months and holidays: the medical rule, and (since 11a) the shared detector too
    assert "March" in medical and "Diwali" in medical
    for every in (medical, legal, strict):
        assert "Leela Ramanathan" in every and "14 June 2019" in every
        assert "High Court" not in every


def test_unknown_rule_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text('labels = ["DATE"]\nrules = ["no_such_rule"]\n')
    with pytest.raises(ConfigError):
        load_policy("p", tmp_path)


def test_detect_applies_the_policy_it_is_given(tmp_path: Path) -> None:
    doc = tmp_path / "order.txt"
    doc.write_text(NOTE, encoding="utf-8")

    def values(*args: str) -> set[str]:
        result = CliRunner().invoke(app, ["detect", str(doc), *args])
        assert result.exit_code == 0
        spans = json.loads(result.stdout)["spans"]
        return {NOTE[s["start"] : s["end"]] for s in spans}

    default, legal, medical = values(), values("--policy", "legal"), values("--policy", "medical")
    assert legal != medical
    assert "Hon'ble Mr. Justice R.Subramanian" in default - legal
    assert default == values("--policy", "strict")
