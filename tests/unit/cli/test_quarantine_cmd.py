"""`sealroom quarantine` on a real (SQLite) ledger and local vault from settings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from config.settings import get_settings
from models.audit import Action, EventDraft
from models.document import DocKind


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("SEALROOM_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SEALROOM_MATTER", "m-cli")
    get_settings.cache_clear()
    from cli.matter_cmd import _services
    from stages.ingest import ingest_bytes

    svc = _services(None)
    outcome = ingest_bytes(svc, b"\x00\x01binary", "client-file.bin", DocKind.LEGAL, 1 << 20)
    yield outcome.doc_id
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_show_retry_dismiss(home: str) -> None:
    code, out, _ = run("quarantine", "list", "--json")
    (item,) = json.loads(out)
    assert code == 0 and item["doc_id"] == home and item["code"] == "SR-DOC-001"
    code, out, _ = run("quarantine", "show", home)
    assert code == 0 and "client-file.bin" not in out and "document.quarantined" in out
    assert out.rstrip().endswith("document.quarantined  SR-DOC-001")  # the history's code
    code, out, _ = run("quarantine", "show", home, "--source")
    assert "source: client-file.bin" in out
    code, out, _ = run("quarantine", "retry", home)
    assert code == 0 and "attempt 1" in out
    code, out, _ = run("quarantine", "list", "--json")
    assert json.loads(out) == []  # back in INGESTED until the next run
    code, _, err = run("quarantine", "retry", home)
    assert code == 1 and "SR-OPS-003" in err and err.count("\n") == 1
    code, _, err = run("quarantine", "dismiss", "doc-unknown", "--reason", "duplicate")
    assert code == 1 and "SR-OPS-003" in err
    from cli.matter_cmd import _services

    actions = [e.action for e in _services(None).ledger.events(object_id=home)]
    assert actions.count(Action.DOC_RETRIED.value) == 1
    assert Action.DOC_SOURCE_UNSEALED.value in actions


def test_show_fails_closed_on_a_malformed_event_in_the_history(home: str) -> None:
    from cli.matter_cmd import _services

    ledger = _services(None).ledger
    unsealed = Action.DOC_SOURCE_UNSEALED.value  # moves no state: the document stays quarantined
    broken = EventDraft("odd", "t", unsealed, "document", home, matter="m-cli")
    seq = ledger.append(broken).seq  # no purpose in its details
    code, out, err = run("quarantine", "show", home)
    assert (code, out) == (1, "")
    assert err == f"SR-AUD-022 document.source_unsealed details do not fit: purpose [seq {seq}]\n"


def test_show_json_carries_the_same_facts_and_history(home: str) -> None:
    code, out, _ = run("quarantine", "show", home, "--json")
    shown = json.loads(out)
    assert code == 0 and shown["doc_id"] == home and shown["code"] == "SR-DOC-001"
    assert "source" not in shown and "client-file.bin" not in out
    assert shown["history"][-1]["action"] == "document.quarantined"
    assert shown["history"][-1]["code"] == "SR-DOC-001"
    code, out, _ = run("quarantine", "show", home, "--json", "--source")
    assert json.loads(out)["source"] == "client-file.bin"  # asked for, and recorded


@pytest.mark.parametrize("passwords", [0, 2])
def test_matter_pdf_passwords_counts_in_text_and_json(home: str, passwords: int) -> None:
    for i in range(passwords):
        added = CliRunner().invoke(
            app, ["matter", "add-pdf-password", "--stdin"], input=f"pw-{i}\n"
        )
        assert added.exit_code == 0 and "pw-" not in added.stdout
    assert run("matter", "pdf-passwords") == (0, f"{passwords}\n", "")
    code, out, _ = run("matter", "pdf-passwords", "--json")
    assert (code, json.loads(out)) == (0, {"pdf_passwords": passwords})
    assert "pw-" not in out
