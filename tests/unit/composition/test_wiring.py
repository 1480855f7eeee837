"""The composition root turns settings into adapters; nothing else builds them."""

from __future__ import annotations

from pathlib import Path

import pytest

from composition import wiring
from config.settings import Settings
from intake.inbox import DirInbox, S3Inbox


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path, s3_endpoint_url="http://127.0.0.1:9", matter="m-7")


def test_the_ledger_comes_from_the_settings_url(settings: Settings) -> None:
    with wiring.open_ledger(settings) as ledger:
        assert ledger.count() == 0
    assert (settings.home / "ledger.db").exists()


@pytest.mark.parametrize(
    ("location", "kind"), [("s3://bucket/in", S3Inbox), ("/some/dir", DirInbox)]
)
def test_inbox_by_location(settings: Settings, location: str, kind: type) -> None:
    assert isinstance(wiring.inbox_for(settings, location), kind)


def test_services_carry_the_policy_choice_and_budgets_from_settings(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = settings.model_copy(
        update={
            "policy": "legal",
            "policy_by_kind": {"medical": "strict"},
            "policy_dir": settings.home / "policies",
            "batch_due_hours": 5,
        }
    )
    monkeypatch.setattr(wiring, "operator_identity", lambda _s: "local:tester")
    svc = wiring.build_services(chosen)
    try:
        assert (svc.policy, dict(svc.policy_by_kind), svc.due_hours) == (
            "legal",
            {"medical": "strict"},
            5,
        )
        assert (svc.matter, svc.queue.queue) == ("m-7", chosen.queue)
        assert (svc.policy_dir, svc.actor) == (settings.home / "policies", "local:tester")
    finally:
        svc.ledger.close()  # type: ignore[attr-defined]


def test_the_reviewer_client_defaults_to_the_queue_setting(settings: Settings) -> None:
    client = wiring.reviewer_client(settings, "", "ana")
    assert client._queue.queue == settings.queue
