"""`sealroom audit ...`: the compliance officer's commands (no PII is ever shown).

Everything here reads the ledger (ids, hashes, counts, entity-type tallies) and the
signed checkpoints; nothing opens the vault.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from config import Settings, get_settings

if TYPE_CHECKING:
    from audit import Ledger
    from audit.attest import Attestation
    from audit.query import EventFilter

app = typer.Typer(help="Verify and read the audit trail.", no_args_is_help=True)

LEDGER_OPT = typer.Option(None, "--ledger", help="SQLAlchemy URL (default from settings).")


def _settings(ledger: str | None) -> Settings:
    settings = get_settings()
    return settings.model_copy(update={"ledger_url": ledger}) if ledger else settings


def _attest(settings: Settings, book: Ledger) -> Attestation:
    from composition.wiring import attest_ledger

    return attest_ledger(settings, book)


@app.command("verify")
def verify_cmd(ledger: str | None = LEDGER_OPT) -> None:
    """Check the hash chain, every checkpoint's signature, and the chain against every
    checkpoint; exit 1 naming the first bad event (or checkpoint) if anything is wrong."""
    from composition.wiring import open_ledger

    settings = _settings(ledger)
    with open_ledger(settings) as book:
        result = _attest(settings, book)
        head = book.head()
    if result.ok:
        tip = head.hash[:16] if head else "-"
        typer.echo(
            f"ledger OK: {result.chain.count} events verified, head {tip}, "
            f"{result.checkpoints} signed checkpoint(s) matched"
        )
        return
    typer.echo("ledger BROKEN:", err=True)
    for line in result.lines():
        typer.echo(f"  {line}", err=True)
    raise typer.Exit(1)


@app.command("checkpoint")
def checkpoint_cmd(ledger: str | None = LEDGER_OPT) -> None:
    """Sign and store a checkpoint of the current head now (locally and on S3 if set)."""
    from composition.wiring import checkpointer_for, open_ledger

    settings = _settings(ledger)
    with open_ledger(settings) as book:
        cp = checkpointer_for(settings, book).checkpoint()
    if cp is None:
        typer.echo("ledger is empty: nothing to checkpoint")
        return
    typer.echo(f"checkpoint at tree size {cp.tree_size}, head {cp.head_hash[:16]}, {cp.key_id}")


def _filter(
    matter: str | None,
    document: str | None,
    batch: str | None,
    reviewer: str | None,
    action: str | None,
    since: str | None,
    until: str | None,
) -> EventFilter:
    from audit.query import EventFilter, parse_time

    return EventFilter(
        matter=matter,
        document=document,
        batch=batch,
        reviewer=reviewer,
        action=action,
        since=parse_time(since) if since else None,
        until=parse_time(until) if until else None,
    )


FILTERS = {  # the event filter options, defined once for every command that filters
    "matter": typer.Option(None, "--matter", help="Matter id."),
    "document": typer.Option(None, "--document", help="Document id."),
    "batch": typer.Option(None, "--batch", help="Batch id (also QC copies compared)."),
    "reviewer": typer.Option(None, "--reviewer", help="Reviewer id."),
    "action": typer.Option(None, "--action", help="Action, e.g. document.quarantined."),
    "since": typer.Option(None, "--since", help="From this ISO-8601 time (inclusive, UTC)."),
    "until": typer.Option(None, "--until", help="Up to this ISO-8601 time (exclusive, UTC)."),
}
Command = TypeVar("Command", bound=Callable[..., None])


def filtered(command: Command) -> Command:
    """Give ``command`` the filter options; it receives them as one ``wanted`` filter."""
    own = [
        p.replace(annotation=eval(p.annotation, command.__globals__))  # our own annotations
        for p in inspect.signature(command).parameters.values()
        if p.name != "wanted"
    ]
    options = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=option, annotation=str)
        for name, option in FILTERS.items()
    ]

    @functools.wraps(command)
    def run(**kwargs: Any) -> None:
        values = {name: kwargs.pop(name) for name in FILTERS}
        command(wanted=_filter(**values), **kwargs)

    run.__annotations__ = {p.name: p.annotation for p in own + options}
    run.__signature__ = inspect.Signature(own + options)  # type: ignore[attr-defined]
    return run  # type: ignore[return-value]


EXPORT_OUT = typer.Option(None, "--out", help="Write here instead of stdout.")
REPORT_OUT = typer.Option(None, "--out", help="HTML file (default: $HOME/reports/).")


@app.command("query")
@filtered
def query_cmd(ledger: str | None = LEDGER_OPT, *, wanted: EventFilter) -> None:
    """List matching events, one line each (seq, time, action, actor, object, outcome)."""
    from audit.query import query
    from composition.wiring import open_ledger

    with open_ledger(_settings(ledger)) as book:
        for e in query(book, wanted):
            typer.echo(
                f"{e.seq}\t{e.time}\t{e.action}\t{e.actor}\t{e.object_type}:{e.object_id}"
                f"\t{e.outcome}"
            )


@app.command("export")
@filtered
def export_cmd(
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (OCSF-shaped) or csv."),
    out: Path = EXPORT_OUT,
    ledger: str | None = LEDGER_OPT,
    *,
    wanted: EventFilter,
) -> None:
    """Export matching events as JSON Lines (OCSF API Activity shape) or CSV."""
    from audit.export import csv_lines, jsonl_lines
    from audit.query import query
    from composition.wiring import open_ledger

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("format must be jsonl or csv", param_hint="--format")
    with open_ledger(_settings(ledger)) as book:
        events = query(book, wanted)
        lines = jsonl_lines(events) if fmt == "jsonl" else csv_lines(events)
        _write(lines, out)


def _write(lines: Iterator[str], out: Path | None) -> None:
    if out is None:
        for line in lines:
            sys.stdout.write(line)
        return
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(lines)
    typer.echo(f"wrote {out}", err=True)


@app.command("report")
def report_cmd(
    matter: str = typer.Option(..., "--matter", help="Matter id."),
    out: Path | None = REPORT_OUT,
    ledger: str | None = LEDGER_OPT,
) -> None:
    """Write the matter's chain-of-custody report as one HTML file (no PII)."""
    from audit.custody import custody
    from audit.report import render
    from composition.wiring import open_ledger

    settings = _settings(ledger)
    target = out or settings.home / "reports" / f"custody-{matter}.html"
    with open_ledger(settings) as book:
        result = _attest(settings, book)
        facts = custody(matter, book.events(matter=matter))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    html = render(facts, result.ok, result.lines(), result.checkpoints, now)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    typer.echo(f"report: {target} ({facts.events} events, verification {_word(result.ok)})")
    if not result.ok:
        raise typer.Exit(1)


def _word(ok: bool) -> str:
    return "OK" if ok else "BROKEN"
