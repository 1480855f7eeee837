"""`sealroom audit ...` end to end on a small ledger: verify (chain + checkpoints, exit 1
naming the first bad event), checkpoint, query, export, report."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit import Ledger
from cli.main import app
from config import get_settings

runner = CliRunner()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_draft) -> Path:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SEALROOM_HOME", str(tmp_path))
    monkeypatch.delenv("SEALROOM_LEDGER_URL", raising=False)
    monkeypatch.delenv("SEALROOM_CHECKPOINT_BUCKET", raising=False)
    get_settings.cache_clear()
    with Ledger(f"sqlite:///{tmp_path / 'ledger.db'}") as ledger:
        for n in range(1, 6):
            ledger.append(make_draft(n, action="document.quarantined", reason="code only"))
    yield tmp_path
    get_settings.cache_clear()


def test_verify_checkpoint_and_tamper(home: Path) -> None:
    ok = runner.invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0 and "5 events verified" in ok.output
    cp = runner.invoke(app, ["audit", "checkpoint"])
    assert cp.exit_code == 0 and "tree size 5" in cp.output
    with sqlite3.connect(home / "ledger.db") as db:
        db.execute("DELETE FROM events WHERE seq = 5")
    bad = runner.invoke(app, ["audit", "verify"])
    assert bad.exit_code == 1 and "first bad event seq 5: anchored event is missing" in bad.output


def test_query_export_report(home: Path) -> None:
    got = runner.invoke(app, ["audit", "query", "--document", "doc-3"])
    assert got.exit_code == 0 and [line.split("\t")[0] for line in got.output.splitlines()] == ["3"]
    out = home / "events.jsonl"
    exported = runner.invoke(app, ["audit", "export", "--format", "jsonl", "--out", str(out)])
    assert exported.exit_code == 0
    assert [json.loads(x)["metadata"]["sequence"] for x in out.read_text().splitlines()] == [
        1,
        2,
        3,
        4,
        5,
    ]
    csv_out = runner.invoke(app, ["audit", "export", "--format", "csv", "--action", "nope"])
    assert csv_out.output.splitlines()[0].startswith("seq,time,actor")
    report = runner.invoke(app, ["audit", "report", "--matter", "m-1"])
    assert report.exit_code == 0
    html = (home / "reports" / "custody-m-1.html").read_text()
    assert "VERIFIED" in html and "doc-5" in html and "code only" in html
