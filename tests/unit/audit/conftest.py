"""Shared helpers for the audit tests: a stepping clock, draft factories, and a state
directory for the CLI with the checkpoint key directory beside it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from audit import Ledger
from config import get_settings
from models.audit import Action, EventDraft, Outcome

START = datetime(2024, 1, 1, tzinfo=UTC)


def stepping_clock(start: datetime = START) -> Callable[[], datetime]:
    """A clock that advances one second per call."""
    ticks = iter(range(10**9))
    return lambda: start + timedelta(seconds=next(ticks))


def draft(
    n: int,
    action: str = Action.DOC_INGESTED,
    outcome: Outcome = Outcome.OK,
    doc: str | None = None,
    **details: object,
) -> EventDraft:
    return EventDraft(
        key=f"k-{n}",
        actor="ingest",
        action=action,
        object_type="document",
        object_id=doc or f"doc-{n}",
        outcome=outcome,
        matter="m-1",
        details=dict(details) or {"n": n},
    )


Clock = Callable[[], datetime]
DraftFactory = Callable[..., EventDraft]


@pytest.fixture
def clock() -> Clock:
    return stepping_clock()


@pytest.fixture
def make_clock() -> Callable[[], Clock]:
    return stepping_clock


@pytest.fixture
def make_draft() -> DraftFactory:
    return draft


CLEARED = ("SEALROOM_LEDGER_URL", "SEALROOM_CHECKPOINT_BUCKET", "SEALROOM_S3_ENDPOINT_URL",
           "SEALROOM_CHECKPOINT_PUBLIC_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
           "AWS_PROFILE", "AWS_SESSION_TOKEN")  # fmt: skip


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A state directory holding a ledger of 5 events (matter m-1), the checkpoint key
    directory beside it, and no AWS credentials (the actor is the local identity)."""
    state = tmp_path / "home"
    monkeypatch.setenv("SEALROOM_HOME", str(state))
    monkeypatch.setenv("SEALROOM_CHECKPOINT_KEY_DIR", str(tmp_path / "signing"))
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    get_settings.cache_clear()
    state.mkdir()
    with Ledger(f"sqlite:///{state / 'ledger.db'}") as ledger:
        for n in range(1, 6):
            quarantined = {"code": "SR-DOC-004", "reason": "code only"}
            ledger.append(draft(n, action="document.quarantined", **quarantined))
    yield state
    get_settings.cache_clear()
