"""Claim events: names parse back (known answers), and replay is a pure function of the
listing (a table of event sequences and the outcome of each event)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from review import claim_events as ev
from review import layout
from review.ports import ObjectInfo

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def info(reviewer: str, name: str, second: int, batch: str = "batch-1") -> ObjectInfo:
    key = f"{layout.claims_prefix('general')}{batch}/{reviewer}/{name}"
    return ObjectInfo(key, 2, T0 + timedelta(seconds=second))


def event(reviewer: str, n: int, action: str, epoch: int, lease: int, second: int) -> ev.ClaimEvent:
    parsed = ev.parse_event(
        "general", info(reviewer, ev.event_name(n, action, epoch, lease), second)
    )
    assert parsed is not None
    return parsed


def test_an_event_name_parses_back_to_its_fields() -> None:
    assert ev.event_name(3, ev.RENEW, 2, 600) == "00000003-renew-2-600.json"
    parsed = event("ana", 3, ev.RENEW, 2, 600, 5)
    assert (parsed.batch_id, parsed.reviewer, parsed.n, parsed.action) == (
        "batch-1",
        "ana",
        3,
        "renew",
    )
    assert (parsed.epoch, parsed.lease_seconds, parsed.at) == (2, 600, T0 + timedelta(seconds=5))


@pytest.mark.parametrize(
    "key_tail",
    [
        "batch-1/ana/notes.txt",  # not an event name
        "batch-1/ana/00000001-steal-1-600.json",  # unknown action
        "batch-1/00000001-claim-1-600.json",  # no reviewer folder
        "batch-1/ana/x/00000001-claim-1-600.json",  # too deep
        "../ana/00000001-claim-1-600.json",  # not an id
    ],
)
def test_keys_of_another_shape_are_not_events(key_tail: str) -> None:
    key = layout.claims_prefix("general") + key_tail
    assert ev.parse_event("general", ObjectInfo(key, 2, T0)) is None


# (events as (reviewer, n, action, epoch, lease, second)) -> outcomes, final holder/epoch/state
CASES = [
    ([("ana", 1, ev.CLAIM, 0, 60, 0)], [ev.CLAIMED], ("ana", 1, ev.HELD)),
    (  # a second claim inside the lease loses
        [("ana", 1, ev.CLAIM, 0, 60, 0), ("bob", 1, ev.CLAIM, 0, 60, 10)],
        [ev.CLAIMED, ev.LOST],
        ("ana", 1, ev.HELD),
    ),
    (  # after the lease ran out it takes the batch over, in a new epoch
        [("ana", 1, ev.CLAIM, 0, 60, 0), ("bob", 2, ev.CLAIM, 0, 60, 61)],
        [ev.CLAIMED, ev.STOLEN],
        ("bob", 2, ev.HELD),
    ),
    (  # a renew from the holder extends; a release frees; bob then claims epoch 2
        [
            ("ana", 1, ev.CLAIM, 0, 60, 0),
            ("ana", 2, ev.RENEW, 1, 60, 50),
            ("bob", 3, ev.CLAIM, 0, 60, 100),
            ("ana", 3, ev.RELEASE, 1, 0, 105),
            ("bob", 5, ev.CLAIM, 0, 60, 106),
        ],
        [ev.CLAIMED, ev.RENEWED, ev.LOST, ev.RELEASED_, ev.CLAIMED],
        ("bob", 2, ev.HELD),
    ),
    (  # renew or release by someone else, or at an old epoch, is stale
        [
            ("ana", 1, ev.CLAIM, 0, 60, 0),
            ("bob", 2, ev.RENEW, 1, 60, 5),
            ("ana", 2, ev.RELEASE, 7, 0, 6),
        ],
        [ev.CLAIMED, ev.STALE, ev.STALE],
        ("ana", 1, ev.HELD),
    ),
    ([("ana", 1, ev.CLAIM, 0, 0, 0)], [ev.LOST], None),  # a claim without a lease never wins
    ([("ana", 1, ev.RENEW, 1, 60, 0)], [ev.STALE], None),  # nothing to renew
]


@pytest.mark.parametrize(("events", "outcomes", "final"), CASES)
def test_replay(
    events: list[tuple[str, int, str, int, int, int]],
    outcomes: list[str],
    final: tuple[str, int, str] | None,
) -> None:
    holding, transitions = ev.replay(reversed([event(*e) for e in events]))  # order from times
    assert [t.outcome for t in transitions] == outcomes
    assert (holding and (holding.reviewer, holding.epoch, holding.state)) == final


def test_same_second_events_order_by_their_number_then_reviewer() -> None:
    first, second = event("bob", 1, ev.CLAIM, 0, 60, 0), event("ana", 2, ev.CLAIM, 0, 60, 0)
    holding, _ = ev.replay([second, first])
    assert holding is not None and holding.reviewer == "bob"
    tie_a, tie_b = event("bob", 1, ev.CLAIM, 0, 60, 0), event("ana", 1, ev.CLAIM, 0, 60, 0)
    holding, _ = ev.replay([tie_a, tie_b])
    assert holding is not None and holding.reviewer == "ana"


def test_a_holding_is_live_until_its_lease_runs_out() -> None:
    holding = ev.Holding("ana", 1, ev.HELD, T0, 60)
    assert holding.expires_at == T0 + timedelta(seconds=60)
    assert holding.live(T0 + timedelta(seconds=59))
    assert not holding.live(T0 + timedelta(seconds=60))
    assert ev.Holding("ana", 1, ev.DONE, T0, 0).live(T0 + timedelta(days=9))
