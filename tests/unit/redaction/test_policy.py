from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import ConfigError
from models.finding import Finding
from redaction.detector import Detector, NoEntities
from redaction.policy import PolicyDetector, load_policy, policy_for_kind, with_matter_lists


def test_shipped_policies_are_versioned_and_strict_is_the_union() -> None:
    medical, legal, strict = (load_policy(n) for n in ("medical", "legal", "strict"))
    assert (medical.ident, legal.ident, strict.ident) == ("medical/3", "legal/3", "strict/3")
    assert strict.labels == medical.labels | legal.labels
    assert strict.rules == medical.rules | legal.rules
    assert "CASE_NUMBER" in legal.labels and "CASE_NUMBER" in medical.labels


def test_every_label_the_detector_emits_is_in_every_shipped_policy(detector: Detector) -> None:
    """Overlapping findings merge under one label before a policy filters by label: a label
    missing from a policy would drop the whole merged span, identifier and all."""
    repo = Path(__file__).resolve().parents[3]
    texts = [p.read_text(encoding="utf-8") for p in (repo / "tests" / "heldout").rglob("*.txt")]
    texts += [p.read_text(encoding="utf-8") for p in (repo / "samples").rglob("*.txt")]
    texts.append("CORAM: Hon'ble Mr. Justice R.Subramanian\n")
    emitted = {f.label for found in detector.detect_many(texts) for f in found}
    assert {"PERSON", "DATE", "CASE_NUMBER", "MRN", "JUDGE"} <= emitted
    for name in ("medical", "strict"):
        assert emitted <= load_policy(name).labels, name
    # the legal policy leaves the bench readable, and nothing else
    assert emitted - load_policy("legal").labels == {"JUDGE"}


def test_policy_is_chosen_by_document_kind() -> None:
    by_kind = {"medical": "medical", "legal": "legal"}
    assert policy_for_kind("medical", by_kind, "strict").name == "medical"
    assert policy_for_kind("other", by_kind, "strict").name == "strict"


def test_policy_keeps_only_its_labels_and_applies_allow_and_deny(tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text(
        'name = "p"\nversion = 3\nlabels = ["PERSON"]\nallow = ["Acme Law"]\ndeny = ["Bluebird"]\n'
    )
    policy = load_policy("p", tmp_path)
    text = "Acme Law for Jane Roe on 01/02/2020 re project BLUEBIRD"
    found = [
        Finding(0, 8, "PERSON", 0.9, "ner"),
        Finding(13, 21, "PERSON", 0.9, "ner"),
        Finding(25, 35, "DATE", 0.9, "pattern"),
    ]
    kept = {(text[f.start : f.end], f.label) for f in policy.apply(text, found)}
    assert kept == {("Jane Roe", "PERSON"), ("BLUEBIRD", "CUSTOM")}


def test_matter_lists_are_merged(tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_text('labels = ["PERSON"]\n')
    (tmp_path / "lists" / "t1").mkdir(parents=True)
    (tmp_path / "lists" / "t1.toml").write_text('allow = ["Our Firm"]\n')
    (tmp_path / "lists" / "t1" / "m1.toml").write_text('deny = ["Kestrel"]\n')
    policy = with_matter_lists(load_policy("p", tmp_path), "t1", "m1", tmp_path)
    assert "our firm" in policy.allow and policy.deny == ("Kestrel",)


@pytest.mark.parametrize("body", ['include = ["p"]\nlabels = ["PERSON"]\n', "labels = []\n"])
def test_bad_policies_are_config_errors(tmp_path: Path, body: str) -> None:
    (tmp_path / "p.toml").write_text(body)
    with pytest.raises(ConfigError):
        load_policy("p", tmp_path)


def test_policy_detector_restricts_detection_and_finalize(tmp_path: Path) -> None:
    (tmp_path / "dates.toml").write_text('name = "dates"\nversion = 1\nlabels = ["DATE"]\n')
    policed = PolicyDetector(Detector(ner=NoEntities()), load_policy("dates", tmp_path))
    text = "Case 1:19-cr-00042-JAM filed 03/04/2021"
    labels = {f.label for f in policed.detect(text)}
    assert labels == {"DATE"}
    assert {f.label for f in policed.finalize(text, [])} <= {"DATE"}
