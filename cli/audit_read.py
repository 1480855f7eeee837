"""`sealroom audit query|export|report`: reading the trail (ids and counts only).

Bad times, unknown actions and unknown matters are one-line errors (exit 2); every read
is recorded on the ledger with its filters and the number of events it returned.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cli.audit_common import (
    LEDGER_OPT,
    known_matter,
    one_line_errors,
    record_read,
    settings_for,
)
from models.audit import Action

if TYPE_CHECKING:
    from audit.query import EventFilter
    from models.audit import AuditEvent

MATTER = typer.Option(None, "--matter", help="Matter id.")
DOCUMENT = typer.Option(None, "--document", help="Document id.")
BATCH = typer.Option(None, "--batch", help="Batch id.")
REVIEWER = typer.Option(None, "--reviewer", help="Reviewer id.")
ACTION = typer.Option(None, "--action", help="Action, e.g. document.quarantined.")
SINCE = typer.Option(None, "--since", help="From this ISO-8601 time (inclusive, UTC).")
UNTIL = typer.Option(None, "--until", help="Up to this ISO-8601 time (exclusive, UTC).")
EXPORT_OUT = typer.Option(None, "--out", help="Write here instead of stdout.")
REPORT_OUT = typer.Option(
    None, "--out", help="HTML file (default: $HOME/reports/custody-MATTER.html)."
)
FORMATS = ("jsonl", "csv", "ledger")


def make_filter(**given: str | None) -> EventFilter:
    from audit.query import EventFilter, check_action, parse_time

    since, until, action = given.pop("since"), given.pop("until"), given.pop("action")
    return EventFilter(
        action=check_action(action) if action else None,
        since=parse_time(since) if since else None,
        until=parse_time(until) if until else None,
        **given,
    )


def _given(*values: str | None) -> dict[str, str | None]:
    names = ("matter", "document", "batch", "reviewer", "action", "since", "until")
    return dict(zip(names, values, strict=True))


def _counted(events: Iterable[AuditEvent], seen: list[int]) -> Iterator[AuditEvent]:
    for event in events:
        seen.append(event.seq)
        yield event


def query_cmd(
    matter: str = MATTER, document: str = DOCUMENT, batch: str = BATCH,
    reviewer: str = REVIEWER, action: str = ACTION, since: str = SINCE, until: str = UNTIL,
    as_json: bool = typer.Option(False, "--json", help="One JSON object per event."),
    ledger: str | None = LEDGER_OPT,
) -> None:  # fmt: skip
    """List matching events, one line each (seq, time, action, actor, object, outcome)."""
    from audit.ledger_export import event_record
    from audit.query import query
    from composition.wiring import open_ledger

    given = _given(matter, document, batch, reviewer, action, since, until)
    settings, seen = settings_for(ledger), list[int]()
    with one_line_errors(), open_ledger(settings) as book:
        wanted = make_filter(**given)
        known_matter(book, matter)
        for e in _counted(query(book, wanted), seen):
            typer.echo(json.dumps(event_record(e), sort_keys=True) if as_json else _row(e))
        record_read(settings, book, Action.AUDIT_QUERIED, filters=_ids(given), events=len(seen))


def _row(e: AuditEvent) -> str:
    return f"{e.seq}\t{e.time}\t{e.action}\t{e.actor}\t{e.object_type}:{e.object_id}\t{e.outcome}"


def _ids(given: dict[str, str | None]) -> dict[str, str]:
    from audit.meta import filters_of

    return filters_of(**given)


def export_cmd(
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (OCSF), csv, or ledger (for "
                            "tools/verify_ledger.py: every event and checkpoint, no filters)."),
    out: Path = EXPORT_OUT, matter: str = MATTER, document: str = DOCUMENT, batch: str = BATCH,
    reviewer: str = REVIEWER, action: str = ACTION, since: str = SINCE, until: str = UNTIL,
    ledger: str | None = LEDGER_OPT,
) -> None:  # fmt: skip
    """Export matching events as JSON Lines (OCSF API Activity), CSV, or the whole ledger."""
    from composition.wiring import open_ledger

    if fmt not in FORMATS:
        raise typer.BadParameter("format must be jsonl, csv or ledger", param_hint="--format")
    given = _given(matter, document, batch, reviewer, action, since, until)
    if fmt == "ledger" and any(given.values()):
        raise typer.BadParameter("the ledger export takes no filters", param_hint="--format")
    settings, seen = settings_for(ledger), list[int]()
    with one_line_errors(), open_ledger(settings) as book:
        lines = _export_lines(fmt, settings, book, make_filter(**given), seen)
        known_matter(book, matter)
        _write(lines, out)
        record_read(settings, book, Action.AUDIT_EXPORTED, filters=_ids(given),
                    format=fmt, events=len(seen))  # fmt: skip


def _export_lines(fmt: str, settings: Any, book: Any, wanted: Any, seen: list[int]) -> Any:
    from audit.export import csv_lines, jsonl_lines
    from audit.query import query

    if fmt == "ledger":
        return _ledger_lines(settings, book, seen)
    events = _counted(query(book, wanted), seen)
    return jsonl_lines(events) if fmt == "jsonl" else csv_lines(events)


def _ledger_lines(settings: Any, book: Any, seen: list[int]) -> Iterator[str]:
    from audit.attest import collect
    from audit.checkpointer import ledger_id
    from audit.ledger_export import export_lines
    from composition.audit_wiring import checkpoint_stores, published_keys

    found, problems = collect(checkpoint_stores(settings), ledger_id(book))
    for line in problems:
        typer.echo(f"warning: {line}", err=True)
    with published_keys(settings) as published:
        keys = published.all()
    events = list(_counted(book.events(), seen))
    return export_lines(events, found, keys)


def _write(lines: Iterator[str], out: Path | None) -> None:
    if out is None:
        for line in lines:
            sys.stdout.write(line)
        return
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(lines)
    typer.echo(f"wrote {out}", err=True)


def report_cmd(
    matter: str = typer.Option(..., "--matter", help="Matter id."),
    out: Path | None = REPORT_OUT,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    pdf: bool = typer.Option(False, "--pdf", help="Also print it to PDF (headless Chromium)."),
    ledger: str | None = LEDGER_OPT,
) -> None:
    """Write the matter's chain-of-custody report as one HTML file (no PII), and with
    --pdf its printed rendition beside it; exit 1 when verification fails, 2 for an
    unknown matter or a bad time."""
    from composition.wiring import open_ledger

    settings = settings_for(ledger)
    target = out or settings.home / "reports" / f"custody-{matter}.html"
    with one_line_errors(), open_ledger(settings) as book:
        known_matter(book, matter)
        ok, events = _write_report(settings, book, matter, target, since, until)
        if pdf:
            _print_pdf(target)
        record_read(settings, book, Action.AUDIT_REPORTED, ok, events=events,
                    filters=_ids(_given(matter, None, None, None, None, since, until)))  # fmt: skip
    extra = f", PDF {target.with_suffix('.pdf')}" if pdf else ""
    typer.echo(f"report: {target} ({events} events, verification {_word(ok)}{extra})")
    if not ok:
        raise typer.Exit(1)


def _write_report(
    settings: Any, book: Any, matter: str, target: Path, since: str | None, until: str | None
) -> tuple[bool, int]:
    from audit.custody import custody
    from audit.matter_status import matter_status
    from audit.query import query
    from audit.report import Page, Verdict, render
    from composition.audit_wiring import attest_ledger

    wanted = make_filter(**_given(matter, None, None, None, None, since, until))
    result = attest_ledger(settings, book)
    facts = custody(matter, query(book, wanted))
    status = matter_status(book.events(matter=matter))
    window = f"{since or 'the first event'} to {until or 'now'}" if since or until else "all events"
    now = datetime.now(UTC).isoformat(timespec="seconds")
    page = Page(now, window, status)
    html = render(facts, Verdict.of(result, book.head()), page)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return result.ok, facts.events


def _print_pdf(target: Path) -> None:
    from audit.printer import ChromiumPrinter, find_chromium
    from models.errors import LedgerError

    binary = find_chromium()
    if binary is None:
        raise LedgerError("chromium", "no Chromium found for the PDF (apt-get install chromium)")
    ChromiumPrinter(binary).print_pdf(target, target.with_suffix(".pdf"))


def _word(ok: bool) -> str:
    return "OK" if ok else "BROKEN"
