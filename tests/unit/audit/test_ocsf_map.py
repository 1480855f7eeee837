"""The OCSF export validates against the OCSF 1.1.0 schema (bundled by pydantic-ocsf):
API Activity with the right activity per action and a typed actor."""

from __future__ import annotations

import json

import pytest

from audit.export import OCSF_VERSION, jsonl_lines, ocsf
from models.audit import Action, AuditEvent, Outcome
from tests.unit.audit.ocsf_schema import VERSION, event_problems

ARN = "arn:aws:sts::123456789012:assumed-role/sealroom-operator/ana"


def _event(action: str, actor: str = ARN, outcome: Outcome = Outcome.OK) -> AuditEvent:
    return AuditEvent(
        seq=7, time="2024-05-01T10:00:00.123456Z", key=f"k:{action}", actor=actor,
        action=action, object_type="document", object_id="doc-1", outcome=outcome,
        matter="m-1", details={"n": 1, "entities": {"PERSON": 2}}, prev_hash="0" * 64,
        hash="a" * 64,
    )  # fmt: skip


def test_the_schema_version_is_the_one_we_claim() -> None:
    assert VERSION == OCSF_VERSION


@pytest.mark.parametrize("action", [a.value for a in Action] + ["some.future_action"])
def test_every_action_validates(action: str) -> None:
    assert event_problems(ocsf(_event(action))) == []


@pytest.mark.parametrize(
    ("action", "activity", "name"),
    [
        (Action.DOC_INGESTED, 1, "Create"),
        (Action.BATCH_CLAIMED, 1, "Create"),
        (Action.AUDIT_EXPORTED, 2, "Read"),
        (Action.LEDGER_VERIFIED, 2, "Read"),
        (Action.DOC_QUARANTINED, 3, "Update"),
        (Action.SUBMISSION_REJECTED, 3, "Update"),
        (Action.VAULT_SHREDDED, 4, "Delete"),
        (Action.VAULT_KEY_RETIRED, 4, "Delete"),
        ("some.future_action", 99, "Other"),
    ],
)
def test_activity_per_action(action: str, activity: int, name: str) -> None:
    record = ocsf(_event(action))
    assert (record["activity_id"], record["activity_name"]) == (activity, name)
    assert record["type_uid"] == 600300 + activity and record["api"]["operation"] == action


@pytest.mark.parametrize(
    ("actor", "type_id", "name"),
    [(ARN, 1, "ana"), ("local:ops@host-1", 1, "ops@host-1"), ("sealroom", 3, "sealroom")],
)
def test_actor_is_a_typed_user(actor: str, type_id: int, name: str) -> None:
    user = ocsf(_event(Action.DOC_INGESTED, actor))["actor"]["user"]
    assert (user["uid"], user["type_id"], user["name"]) == (actor, type_id, name)
    assert event_problems(ocsf(_event(Action.DOC_INGESTED, actor))) == []


def test_failure_outcome(tmp_path) -> None:  # type: ignore[no-untyped-def]
    record = json.loads(next(jsonl_lines([_event(Action.DOC_REDACTED, outcome=Outcome.FAILED)])))
    assert (record["status_id"], record["status"]) == (2, "Failure")
    assert event_problems(record) == []


BROKEN = [  # the validator is not a rubber stamp
    (lambda r: r.pop("src_endpoint"), "event.src_endpoint: required but missing"),
    (lambda r: r.update(activity_id=5, type_uid=600305), "event.activity_id: 5 is not one of"),
    (lambda r: r.update(type_uid=600399), "event.type_uid: not class_uid * 100"),
    (lambda r: r.update(class_uid=6001, type_uid=600101), "event.class_uid: 6001 is not 6003"),
    (lambda r: r.update(whatever=1), "event.whatever: not defined"),
    (lambda r: r["actor"].pop("user"), "event.actor: needs at least one of"),
    (lambda r: r["actor"]["user"].update(type_id=7), "event.actor.user.type_id: 7 is not"),
    (
        lambda r: r["metadata"]["product"].pop("vendor_name"),
        "event.metadata.product.vendor_name: required",
    ),
    (lambda r: r.update(time="2024-05-01"), "event.time: str where timestamp_t is expected"),
    (lambda r: r.update(resources={"uid": "x"}), "event.resources: not an array"),
]


@pytest.mark.parametrize(("breakage", "problem"), BROKEN)
def test_the_validator_rejects_broken_records(breakage, problem: str) -> None:  # type: ignore[no-untyped-def]
    record = ocsf(_event(Action.DOC_INGESTED))
    breakage(record)
    assert any(p.startswith(problem) for p in event_problems(record)), event_problems(record)
