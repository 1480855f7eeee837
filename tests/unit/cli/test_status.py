"""`sealroom status` rendering: every section of the view as a table, missing values as '-',
and a note when live claims could not be read."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from cli.status import qc_cells, render

VIEW: dict[str, Any] = {
    "documents": {"delivered": 3, "quarantined": 1},
    "awaiting_dispatch": 2,
    "queues": {"general": {"open": 1, "docs": 4, "claimed": 1, "overdue": 0}},
    "quarantined": {"doc-b": "SR-RED-002: leak gate"},
    "quarantine": [
        {
            "doc_id": "doc-b",
            "state": "quarantined",
            "code": "SR-RED-002",
            "reason": "leak gate",
            "since": "2031-01-05T10:00:00Z",
            "attempts": 0,
            "entry": "entry-7",
        }
    ],
    "throughput_24h": {"ingested": 5, "delivered": 3},
    "reviewers": {
        "ana": {
            "batches": 2,
            "median_turnaround_h": 1.5,
            "qc": {"comparisons": 1, "agreement": 1.0, "span_f1": 0.9, "kappa": None},
        },
        "bob": {"batches": 1, "median_turnaround_h": None, "qc": None},
    },
    "claims_known": False,
}


def text_of(view: dict[str, Any]) -> str:
    console = Console(record=True, width=160)
    render(console, view)
    return console.export_text()


def test_every_section_is_shown() -> None:
    out = text_of(VIEW)
    assert "Documents: delivered 3, quarantined 1; awaiting dispatch: 2" in out
    for title in ("Reviewer queues (backlog)", "Quarantined documents", "Last 24 h", "Reviewers"):
        assert title in out
    row = next(line for line in out.splitlines() if "doc-b" in line)
    assert all(cell in row for cell in ("SR-RED-002", "leak gate", "entry-7")) and "general" in out
    assert "claims not read" in out


def test_claims_note_only_when_unknown_and_empty_documents_say_none() -> None:
    out = text_of({**VIEW, "claims_known": True, "documents": {}})
    assert "claims not read" not in out and "Documents: none;" in out


def test_qc_cells() -> None:
    assert qc_cells(None) == [None] * 4
    qc = {"comparisons": 2, "agreement": 0.5, "span_f1": 0.8, "kappa": 0.4}
    assert qc_cells(qc) == [2, 0.5, 0.8, 0.4]
    bob = [line for line in text_of(VIEW).splitlines() if " bob " in line]
    assert bob and bob[0].count("-") >= 5  # missing values shown as '-'
