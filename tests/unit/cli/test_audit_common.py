"""The audit commands' shared pieces: --ledger overrides the settings' URL, Sealroom errors
are one line and exit 2, an unknown matter is an error, every read is recorded."""

from __future__ import annotations

import pytest
import typer

from audit import Ledger
from cli import audit_common
from config import Settings
from models.audit import Action, EventDraft
from models.errors import AuditRequestError, LedgerError


def test_ledger_option_overrides_only_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    base = Settings(matter="m-1")
    monkeypatch.setattr(audit_common, "get_settings", lambda: base)
    assert audit_common.settings_for(None) is base
    chosen = audit_common.settings_for("sqlite:///x.db")
    assert (chosen.ledger, chosen.matter) == ("sqlite:///x.db", "m-1")


def test_sealroom_errors_become_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as info, audit_common.one_line_errors():
        raise LedgerError("ledger-1", "cannot open")
    assert info.value.exit_code == 2
    assert capsys.readouterr().err.strip().startswith("error: ")


def test_an_unknown_matter_is_an_error_a_known_one_passes() -> None:
    book = Ledger("sqlite://")
    book.append(EventDraft(key="k1", actor="op", action=Action.DOC_INGESTED.value,
                           object_type="document", object_id="doc-1", matter="m-1"))  # fmt: skip
    audit_common.known_matter(book, "m-1")
    audit_common.known_matter(book, None)
    with pytest.raises(AuditRequestError):
        audit_common.known_matter(book, "m-2")


def test_a_read_is_recorded_with_the_operator_as_actor(monkeypatch: pytest.MonkeyPatch) -> None:
    book = Ledger("sqlite://")
    monkeypatch.setattr(audit_common, "actor", lambda settings: "local:ana")
    audit_common.record_read(Settings(), book, Action.AUDIT_QUERIED, filters={"matter": "m-1"},
                             events=3)  # fmt: skip
    (event,) = book.events()
    assert (event.actor, event.action, event.matter) == ("local:ana", "audit.queried", "m-1")
    assert event.details["events"] == 3
