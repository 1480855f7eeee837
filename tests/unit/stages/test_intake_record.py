"""Recording one document at intake: sealed once, recorded once with a typed payload,
quarantined when intake cannot take it; a re-run seals nothing again."""

from __future__ import annotations

from models.audit import Action
from models.document import DocKind, MediaType
from models.events import DocIngested, payload_of
from stages.intake_record import Facts, record_ingest
from stages.services import Services


def facts(media: MediaType | None, size: int = 5) -> Facts:
    return Facts("doc-1", media, size, "0" * 64, b"name.txt", "utf-8")


def test_recorded_once_and_sealed_once(svc: Services) -> None:
    seals: list[int] = []
    first = record_ingest(
        svc, facts(MediaType.TEXT), lambda: seals.append(1), DocKind.LEGAL, 10, entry="e-1"
    )
    again = record_ingest(svc, facts(MediaType.TEXT), lambda: seals.append(1), DocKind.LEGAL, 10)
    assert (first.new, again.new, len(seals)) == (True, False, 1)
    (event,) = svc.events_for("doc-1", Action.DOC_INGESTED)
    payload = payload_of(event, DocIngested)
    assert (payload.entry, payload.size, payload.media_type) == ("e-1", 5, "text/plain")
    assert payload.encoding == "utf-8"


def test_what_intake_cannot_take_is_quarantined(svc: Services) -> None:
    record_ingest(svc, facts(None), lambda: None, DocKind.LEGAL, 10)
    record_ingest(svc, Facts("doc-2", MediaType.TEXT, 11, "1" * 64, b"n"), lambda: None,
                  DocKind.LEGAL, 10)  # fmt: skip
    codes = [e.details["code"] for e in svc.ledger.events(action=Action.DOC_QUARANTINED.value)]
    assert codes == ["SR-DOC-001", "SR-DOC-005"]
