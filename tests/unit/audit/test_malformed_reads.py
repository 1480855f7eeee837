"""A ledger event whose details do not fit its action makes every command that reads
them fail closed: one line with SR-AUD-022, the event's seq and the missing field, exit 2,
no traceback and none of the event's values (here a stand-in for document text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit import Ledger
from cli.main import app
from models.audit import Action, EventDraft

runner = CliRunner()
SECRET = "SECRET-VALUE-7"  # stands for text that must never reach a message


@pytest.fixture
def malformed(home: Path) -> Path:
    """The home ledger (5 events) plus a batch plan without its queue (seq 6)."""
    draft = EventDraft("plan:batch-9", "dispatch", Action.BATCH_PLANNED.value, "batch",
                       "batch-9", matter="m-1", details={"docs": [SECRET]})  # fmt: skip
    with Ledger(f"sqlite:///{home / 'ledger.db'}") as ledger:
        assert ledger.append(draft).seq == 6
    return home


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--no-claims", "--no-runs"],
        ["status", "--json", "--no-claims", "--no-runs"],
        ["audit", "query", "--document", "doc-7"],  # not an object: the plan's list is read
        ["audit", "report", "--matter", "m-1"],
    ],
)
def test_a_malformed_event_is_one_coded_line(malformed: Path, args: list[str]) -> None:
    got = runner.invoke(app, args)
    expected = "error: SR-AUD-022 batch.planned details do not fit: queue [seq 6]"
    assert (got.exit_code, got.output.strip()) == (2, expected)
    assert SECRET not in got.output and "Traceback" not in got.output


def test_a_filter_that_needs_no_details_still_answers(malformed: Path) -> None:
    got = runner.invoke(app, ["audit", "query", "--action", "document.quarantined"])
    assert got.exit_code == 0 and len(got.output.splitlines()) == 5
