"""Shared pieces of the `sealroom audit` commands: settings, one-line errors, the actor
and the meta-audit record of every read of the trail."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer

from config import Settings, get_settings
from models.errors import SealroomError

if TYPE_CHECKING:
    from audit import Ledger
    from models.audit import Action

LEDGER_OPT = typer.Option(None, "--ledger", help="SQLAlchemy URL (default from settings).")


def settings_for(ledger: str | None) -> Settings:
    settings = get_settings()
    return settings.model_copy(update={"ledger_url": ledger}) if ledger else settings


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Sealroom errors become one line on stderr and exit code 2 (no traceback)."""
    try:
        yield
    except SealroomError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from None


def actor(settings: Settings) -> str:
    from composition.identity import operator_identity

    return operator_identity(settings)


def record_read(
    settings: Settings, book: Ledger, action: Action, ok: bool = True, **details: Any
) -> None:
    """Append the meta-audit event (its matter: the one its filters name); a failure to
    record is reported and exits 2."""
    from audit.meta import record

    try:
        record(book, actor(settings), action, ok=ok, **details)
    except SealroomError as exc:
        typer.echo(f"error: this read could not be recorded: {exc.message}", err=True)
        raise typer.Exit(2) from None


def known_matter(book: Ledger, matter: str | None) -> None:
    """An unknown matter is an error, not an empty result."""
    from models.errors import AuditRequestError

    if matter and next(iter(book.events(matter=matter)), None) is None:
        raise AuditRequestError(matter, "unknown matter: no ledger event names it")
