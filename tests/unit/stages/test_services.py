"""The Services bundle: typed, idempotent records; the detector loads once, on first use."""

from __future__ import annotations

from models.audit import Action
from models.events import DocDispatched
from stages.services import Services


def test_record_is_idempotent_by_key_and_stores_the_payload(svc: Services) -> None:
    first = svc.record("dispatch:doc-1", DocDispatched(batch="b1"), "document", "doc-1")
    again = svc.record("dispatch:doc-1", DocDispatched(batch="b2"), "document", "doc-1")
    assert again.seq == first.seq and again.details == {"batch": "b1"}
    assert first.action == Action.DOC_DISPATCHED.value and first.matter == svc.matter
    assert svc.seen("dispatch:doc-1") and not svc.seen("dispatch:doc-2")


def test_the_detector_is_built_once(svc: Services) -> None:
    built: list[int] = []
    factory = svc.detector_factory

    def counting():  # type: ignore[no-untyped-def]
        built.append(1)
        return factory()

    svc.detector_factory = counting
    assert svc.detector is svc.detector and built == [1]
