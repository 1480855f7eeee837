"""Inbox entries refused before ingest: why (their own refusal, or a listed size over the
limit), recorded once per entry id with code and reason, never the entry's name."""

from __future__ import annotations

from models.audit import Action, Outcome
from models.errors import DocumentTooLarge, HiddenEntry
from stages.refusals import OVER_SIZE, record_refusal, refusal_of
from stages.services import Services


def test_an_entry_over_the_limit_is_refused_unread() -> None:
    why = refusal_of("entry-1", None, size=11, max_bytes=10)
    assert isinstance(why, DocumentTooLarge) and why.reason == OVER_SIZE
    assert refusal_of("entry-1", None, size=10, max_bytes=10) is None


def test_an_entrys_own_refusal_wins() -> None:
    own = HiddenEntry("entry-2")
    assert refusal_of("entry-2", own, size=99, max_bytes=10) is own


def test_recorded_once_per_entry_with_code_and_reason(svc: Services) -> None:
    why = DocumentTooLarge("entry-3", OVER_SIZE)
    assert record_refusal(svc, "entry-3", why) is why
    record_refusal(svc, "entry-3", why)
    (event,) = svc.events_for("entry-3", Action.INBOX_REFUSED)
    assert (event.outcome, event.object_type) == (Outcome.REJECTED, "inbox-entry")
    assert event.details == {"code": why.code, "reason": OVER_SIZE}
