"""The printed chain-of-custody report: HTML -> headless Chromium -> PDF -> pdftotext
holds every document and batch timeline, the head hash on every page, page numbers, and
none of the fixture PII. Skips (saying why) only when no Chromium or pdftotext exists;
CI installs both (.ci/run)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from audit.attest import attest
from audit.custody import custody
from audit.matter_status import matter_status
from audit.printer import ChromiumPrinter, find_chromium
from audit.report import Page, Verdict, render

CHROMIUM = find_chromium()
PDFTOTEXT = shutil.which("pdftotext")
needs_tools = pytest.mark.skipif(
    CHROMIUM is None or PDFTOTEXT is None,
    reason="no chromium or pdftotext on PATH (CI installs them: apt-get install chromium "
    "poppler-utils)",
)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def printed(run: Any, tmp_path: Path) -> tuple[str, Any]:
    ledger = run.svc.ledger
    result = attest(ledger, [run.checkpoints], [run.signer])
    facts = custody("m1", ledger.events(matter="m1"))
    page = Page("2024-05-01T10:00:00.123456Z", status=matter_status(ledger.events()))
    html = tmp_path / "report.html"
    html.write_text(render(facts, Verdict.of(result, ledger.head()), page), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    ChromiumPrinter(str(CHROMIUM)).print_pdf(html, pdf)
    text = subprocess.run(
        [str(PDFTOTEXT), "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text, facts


@needs_tools
def test_printed_report_holds_every_timeline_and_the_head_hash_and_no_pii(
    run: Any, printed, pii_values: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.reassemble.test_pipeline_outputs import pii_hits

    text, facts = printed
    flat = _flat(text)
    head = run.svc.ledger.head()
    pages = text.count("\f") + (not text.endswith("\f"))
    assert pages >= 2
    assert flat.count(head.hash) >= pages  # the running header on every page, + the facts
    assert all(f"Page {n} of {pages}" in text for n in range(1, pages + 1))
    for doc in facts.documents.values():
        assert _flat(f"Document {doc.doc_id} - {doc.state} ({len(doc.timeline)} events)") in flat
        assert all(_flat(e.action) in flat for e in doc.timeline)
    for batch in facts.batches.values():
        assert _flat(f"Batch {batch.batch_id} ({len(batch.timeline)} events)") in flat
    assert "2024-05-01 10:00:00 UTC" in text and ".123456" not in text  # human times
    assert re.search(r"(?:legal|medical|strict)/\d", flat)  # policy column
    assert pii_hits(text, pii_values) == []  # and none of the fixture PII
