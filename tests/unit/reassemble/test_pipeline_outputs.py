"""Deliverables of a pipeline run: JSON on original offsets with restored comments, the
annotated original PDF; and the audit outputs (report, exports) free of fixture PII."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

import pypdfium2 as pdfium
import pytest

from audit.attest import attest
from audit.checkpoint import make_checkpoint
from audit.checkpointer import ledger_id
from audit.custody import custody
from audit.export import csv_lines, jsonl_lines
from audit.query import EventFilter, query
from audit.report import Page, Verdict, render
from models.audit import Action
from models.vault_ref import Purpose
from redaction.pdf_annotate import highlight_rects
from tests.unit.audit.ocsf_schema import event_problems


def pii_hits(text: str, values: list[str]) -> list[str]:
    return [
        v
        for v in values
        if re.search(rf"(?<![A-Za-z0-9]){re.escape(v)}(?![A-Za-z0-9])", text, re.IGNORECASE)
    ]


def deliverable(run: Any, doc_id: str) -> dict[str, Any]:
    return json.loads((run.svc.outbox / "m1" / f"{doc_id}.json").read_text(encoding="utf-8"))


def test_every_reviewed_document_is_delivered_and_sealed(run: Any) -> None:
    assert len(run.reviewed) == 3 and run.delivered == run.reviewed
    names = sorted(p.name for p in (run.svc.outbox / "m1").iterdir())
    pdf_doc = run.pdf_doc()
    assert names == sorted([f"{d}.json" for d in run.delivered] + [f"{pdf_doc}.pdf"])
    sealed = run.svc.vault.get(run.svc.ref(pdf_doc, Purpose.DELIVERABLE_PDF))
    assert sealed == (run.svc.outbox / "m1" / f"{pdf_doc}.pdf").read_bytes()
    event = run.svc.ledger.get(f"deliver:{pdf_doc}")
    assert event.details["annotations"] == 3 and len(event.details["pdf_sha256"]) == 64


def test_deliverable_maps_to_original_text_and_restores_tokens(
    run: Any, pii_values: list[str]
) -> None:
    for doc_id in run.delivered:
        body = deliverable(run, doc_id)
        text = run.svc.vault.get(run.svc.ref(doc_id, Purpose.TEXT)).decode("utf-8")
        assert body["verdicts"][0]["reviewer"] == "ana"
        token_ann, plain_ann, wide_ann = body["annotations"]
        assert token_ann["quote"] == text[token_ann["start"] : token_ann["end"]]
        assert token_ann["quote"] in pii_values  # the token became the real value
        assert token_ann["comment"] == f"Ask {token_ann['quote']} about this."
        assert body["verdicts"][0]["comment"] == token_ann["quote"]
        assert plain_ann["quote"] == "chest pain" and plain_ann["comment"] == "symptom"
        assert wide_ann["start"] < token_ann["start"] < token_ann["end"] < wide_ann["end"]
        assert "[" not in wide_ann["quote"]  # no token survives in the original quote


def _text_under(pdf: bytes, page_index: int, rect: tuple[float, float, float, float]) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        textpage = doc[page_index].get_textpage()
        left, bottom, right, top = rect
        return textpage.get_text_bounded(left=left, bottom=bottom, right=right, top=top)
    finally:
        doc.close()


def test_pdf_highlights_cover_the_annotated_original_text(run: Any) -> None:
    doc_id = run.pdf_doc()
    pdf = (run.svc.outbox / "m1" / f"{doc_id}.pdf").read_bytes()
    highlights = highlight_rects(pdf)
    quotes = [a["quote"] for a in deliverable(run, doc_id)["annotations"]]
    assert len(highlights) == len(quotes)
    for (page, rects), quote in zip(highlights, quotes, strict=True):
        under = " ".join(_text_under(pdf, page, r).strip() for r in rects)
        assert " ".join(under.split()) == " ".join(quote.split())


def _report(run: Any) -> str:
    result = attest(run.svc.ledger, [run.checkpoints], [run.signer])
    facts = custody("m1", run.svc.ledger.events(matter="m1"))
    verdict = Verdict.of(result, run.svc.ledger.head())
    return render(facts, verdict, Page("2024-01-01T00:00:00Z"))


def test_report_tells_the_chain_of_custody_without_pii(run: Any, pii_values: list[str]) -> None:
    html = _report(run)
    assert pii_hits(html, pii_values) == []
    assert "VERIFIED" in html and html.startswith("<!DOCTYPE html>")
    for doc_id in run.delivered:
        assert doc_id in html
    quarantined = [e.object_id for e in run.svc.ledger.events(action=Action.DOC_QUARANTINED)]
    assert len(quarantined) == 1 and "SR-DOC-001: unsupported document type" in html
    assert "ana at " in html  # who reviewed each batch
    facts = custody("m1", run.svc.ledger.events())
    assert sum(facts.entities.values()) > 0 and facts.entities["PERSON"] > 0
    assert all(b.reviewers(Action.SUBMISSION_ACCEPTED) == ["ana"] for b in facts.batches.values())


def test_report_shows_a_broken_ledger(run: Any) -> None:
    run.checkpoints.objects.clear()
    head = run.svc.ledger.head()
    run.checkpoints.put(
        make_checkpoint(replace(head, hash="0" * 64), ledger_id(run.svc.ledger), run.signer)
    )
    html = _report(run)
    assert "BROKEN" in html and f"first bad event seq {head.seq}" in html


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_exports_hold_no_pii(run: Any, pii_values: list[str], fmt: str) -> None:
    events = list(run.svc.ledger.events())
    lines = list(jsonl_lines(events) if fmt == "jsonl" else csv_lines(events))
    assert pii_hits("".join(lines), pii_values) == []
    assert len(lines) == len(events) + (fmt == "csv")


def test_jsonl_export_is_ocsf_shaped(run: Any) -> None:
    first = json.loads(next(jsonl_lines(run.svc.ledger.events())))
    assert (first["class_uid"], first["category_uid"], first["activity_id"]) == (6003, 6, 1)
    problems = [event_problems(json.loads(x)) for x in jsonl_lines(run.svc.ledger.events())]
    assert problems and not any(problems)  # every event of a pipeline run is valid OCSF
    assert first["metadata"]["sequence"] == 1 and first["api"]["operation"] == "document.ingested"
    assert first["resources"][0]["type"] == "document" and first["status"] == "Success"


QUERIES = [
    ({"action": "document.quarantined"}, lambda e: e.action == "document.quarantined"),
    ({"reviewer": "ana"}, lambda e: e.details.get("reviewer") == "ana"),
    ({"matter": "other"}, lambda e: False),
]


@pytest.mark.parametrize(("args", "expected"), QUERIES)
def test_query_filters(run: Any, args: dict[str, str], expected: Any) -> None:
    events = list(run.svc.ledger.events())
    got = [e.seq for e in query(run.svc.ledger, EventFilter(**args))]
    assert got == [e.seq for e in events if expected(e)] and (got or args["matter"] == "other")


def test_query_by_document_batch_and_time(run: Any) -> None:
    from audit.query import parse_time

    doc_id = run.pdf_doc()
    about_doc = list(query(run.svc.ledger, EventFilter(document=doc_id)))
    actions = [e.action for e in about_doc]
    assert actions[0] == "document.ingested" and actions[-1] == "document.delivered"
    assert "batch.planned" in actions
    batch = run.svc.ledger.get(f"review:{doc_id}").details["batch"]
    about_batch = {e.action for e in query(run.svc.ledger, EventFilter(batch=batch))}
    assert {"batch.planned", "batch.dispatched", "submission.accepted"} <= about_batch
    events = list(run.svc.ledger.events())
    middle = parse_time(events[5].time)
    window = list(query(run.svc.ledger, EventFilter(since=middle)))
    assert [e.seq for e in window] == [e.seq for e in events if parse_time(e.time) >= middle]


def test_every_event_of_a_run_is_exactly_its_action_model(run: Any) -> None:
    """What the stages wrote is what the typed payloads describe: no stray or lost keys."""
    from models.events import PAYLOADS, read_payload

    events = list(run.svc.ledger.events())
    wanted = {"document.ingested", "document.redacted", "batch.planned", "document.delivered"}
    assert wanted <= {e.action for e in events}
    for e in events:
        model = PAYLOADS[Action(e.action)]
        assert set(e.details) <= set(model.model_fields), (e.action, sorted(e.details))
        assert read_payload(e).details() == e.details
