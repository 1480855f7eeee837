"""Exports: OCSF-shaped JSON Lines and CSV that a spreadsheet cannot execute."""

from __future__ import annotations

import csv
import io
import json

from audit.export import csv_lines, jsonl_lines
from models.audit import AuditEvent, Outcome

EVENT = AuditEvent(
    7, "2025-03-01T10:00:00+00:00", "quarantine:doc-1", "=cmd()", "document.quarantined",
    "document", "doc-1", Outcome.QUARANTINED, "m1", {"code": "SR-DOC-001"}, "0" * 64, "1" * 64,
)  # fmt: skip


def test_jsonl_is_ocsf_api_activity() -> None:
    (line,) = list(jsonl_lines([EVENT]))
    record = json.loads(line)
    assert (record["class_uid"], record["status"], record["metadata"]["sequence"]) == (
        6003,
        "Failure",
        7,
    )
    assert record["unmapped"]["details"] == {"code": "SR-DOC-001"}


def test_csv_cells_never_start_a_formula() -> None:
    rows = list(csv.reader(io.StringIO("".join(csv_lines([EVENT])))))
    assert len(rows) == 2 and "'=cmd()" in rows[1] and "=cmd()" not in rows[1]
