"""`sealroom quarantine list|show|retry|dismiss`: quarantined documents for the operator."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from models.errors import SealroomError

if TYPE_CHECKING:
    from stages.services import Services

app = typer.Typer(
    help="Quarantined documents: list, show, retry after fixing the cause, dismiss.",
    no_args_is_help=True,
)
MatterOpt = Annotated[str | None, typer.Option(help="Matter id (default from settings).")]
DocArg = Annotated[str, typer.Argument(help="Document id (doc-...).")]


def _services(matter: str | None) -> Services:
    from cli.matter_cmd import _services as build

    return build(matter)


def _fail(exc: SealroomError) -> NoReturn:
    typer.echo(exc.message, err=True)
    raise typer.Exit(1)


@app.command("list")
def list_cmd(
    matter: MatterOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")] = False,
    all_: Annotated[bool, typer.Option("--all", help="Include dismissed ones.")] = False,
) -> None:
    """Quarantined documents: id, error code, reason, since, retries (ids and codes only)."""
    from stages.quarantine import quarantined

    items = quarantined(_services(matter), include_dismissed=all_)
    if as_json:
        typer.echo(json.dumps([item.as_json() for item in items]))
        return
    for item in items:
        closed = f"  dismissed: {item.dismissed}" if item.dismissed else ""
        typer.echo(
            f"{item.doc_id}  {item.code}  {item.reason}  since {item.since}"
            f"  retries {item.attempts}{closed}"
        )
    if not items:
        typer.echo("no quarantined documents", err=True)


@app.command("show")
def show(
    doc_id: DocArg,
    matter: MatterOpt = None,
    source: Annotated[
        bool, typer.Option("--source", help="Also unseal the inbox file name (recorded).")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object on stdout (history as a list).")
    ] = False,
) -> None:
    """One quarantined document: code, reason, kind, media type, inbox entry id, history."""
    from models.event_refs import code_of
    from models.events import read_payload
    from stages.quarantine import find, source_name

    svc = _services(matter)
    try:
        item = find(svc, doc_id)
        events = list(svc.ledger.events(object_id=doc_id))
        codes = [code_of(read_payload(event)) for event in events]  # SR-AUD-022 if malformed
    except SealroomError as exc:
        _fail(exc)
    shown = dict(item.as_json())
    if source:
        shown["source"] = source_name(svc, doc_id)
    history = [(e.time, e.action, code) for e, code in zip(events, codes, strict=True)]
    if as_json:
        rows = [{"time": t, "action": a, "code": c} for t, a, c in history]
        typer.echo(json.dumps({**shown, "history": rows}))
        return
    for key, value in shown.items():
        typer.echo(f"{key}: {value}")
    for time, action, code in history:
        typer.echo(f"  {time}  {action}  {code}".rstrip())


@app.command("retry")
def retry(doc_id: DocArg, matter: MatterOpt = None) -> None:
    """Send a quarantined document back to redaction (after fixing the cause, e.g.
    `sealroom matter add-pdf-password`); the next run picks it up. Recorded in the ledger."""
    from stages.quarantine import retry as release

    try:
        attempt = release(_services(matter), doc_id)
    except SealroomError as exc:
        _fail(exc)
    typer.echo(f"{doc_id}: released for retry (attempt {attempt}); the next run redacts it")


@app.command("dismiss")
def dismiss(
    doc_id: DocArg,
    reason: Annotated[
        str,
        typer.Option(
            help="client-withdrew | duplicate | not-for-review | out-of-scope | "
            "sent-another-way | unreadable | other"
        ),
    ],
    ticket: Annotated[str, typer.Option(help="Your ticket id (no free text).")] = "",
    matter: MatterOpt = None,
) -> None:
    """Close a quarantine with a reason (recorded in the ledger; never retried)."""
    from stages.quarantine import dismiss as close

    try:
        close(_services(matter), doc_id, reason, ticket)
    except SealroomError as exc:
        _fail(exc)
    typer.echo(f"{doc_id}: dismissed ({reason})")
