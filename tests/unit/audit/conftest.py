"""Shared helpers for the audit tests: a stepping clock and draft factories."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

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
