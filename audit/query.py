"""Selecting events for the compliance commands: by document, matter, batch, reviewer,
action and time range. Matter and action are filtered in the database, the rest here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from audit.ports import EventSource
from models.audit import Action, AuditEvent
from models.errors import AuditRequestError
from models.event_refs import batches_named, documents_named, reviewers_named
from models.events import read_payload

ACTIONS = tuple(a.value for a in Action)


def parse_time(value: str) -> datetime:
    """ISO-8601 (``2024-05-01``, ``2024-05-01T10:00:00Z``); naive means UTC."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise AuditRequestError("", "invalid time (ISO-8601 expected, e.g. 2024-05-01)") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check_action(name: str) -> str:
    """``name`` if it is in the event vocabulary (``models.audit.Action``)."""
    if name not in ACTIONS:
        raise AuditRequestError("", "unknown action; one of: " + ", ".join(ACTIONS))
    return name


@dataclass(frozen=True)
class EventFilter:
    matter: str | None = None
    document: str | None = None
    batch: str | None = None
    reviewer: str | None = None
    action: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive

    def about_document(self, event: AuditEvent) -> bool:
        """The document is the event's object, or a batch plan lists it."""
        doc = self.document
        return doc is None or event.object_id == doc or doc in documents_named(read_payload(event))

    def about_batch(self, event: AuditEvent) -> bool:
        """The batch is the event's object, the batch a document event names, or the QC
        copy a ``qc.agreement`` event compares."""
        b = self.batch
        return b is None or event.object_id == b or b in batches_named(read_payload(event))

    def by_reviewer(self, event: AuditEvent) -> bool:
        """The reviewer acted, or is named (``qc.agreement`` names both reviewers)."""
        r = self.reviewer
        return r is None or event.actor == r or r in reviewers_named(read_payload(event))

    def in_window(self, event: AuditEvent) -> bool:
        if self.since is None and self.until is None:
            return True
        moment = parse_time(event.time)
        after = self.since is None or moment >= self.since
        return after and (self.until is None or moment < self.until)

    def matches(self, event: AuditEvent) -> bool:
        return (
            (self.matter is None or event.matter == self.matter)
            and (self.action is None or event.action == self.action)
            and self.about_document(event)
            and self.about_batch(event)
            and self.by_reviewer(event)
            and self.in_window(event)
        )


def select_events(events: Iterable[AuditEvent], wanted: EventFilter) -> Iterator[AuditEvent]:
    return (e for e in events if wanted.matches(e))


def query(source: EventSource, wanted: EventFilter) -> Iterator[AuditEvent]:
    """Matching events in ledger order."""
    rows = source.events(matter=wanted.matter, action=wanted.action)
    return select_events(rows, wanted)
