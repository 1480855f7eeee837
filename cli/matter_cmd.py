"""`sealroom matter ...`: a matter's sealed configuration (PDF passwords)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from stages.services import Services

app = typer.Typer(help="A matter's sealed configuration.", no_args_is_help=True)

MatterOpt = Annotated[str | None, typer.Option(help="Matter id (default from settings).")]


def _services(matter: str | None) -> Services:
    from composition.wiring import build_services
    from config import get_settings

    settings = get_settings()
    if matter:
        settings = settings.model_copy(update={"matter": matter})
    return build_services(settings)


@app.command("add-pdf-password")
def add_pdf_password(
    matter: MatterOpt = None,
    stdin: Annotated[bool, typer.Option("--stdin", help="Read the password from stdin.")] = False,
) -> None:
    """Seal a password for the matter's encrypted PDFs into the vault (never echoed).

    Encrypted PDFs of the matter are opened with each sealed password in turn; without a
    matching one they are quarantined "encrypted, no password".
    """
    from stages.matter_config import add_pdf_password as add

    if stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("PDF password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise typer.BadParameter("empty password")
    count = add(_services(matter), password)
    typer.echo(f"sealed; the matter has {count} PDF password(s)")


@app.command("pdf-passwords")
def pdf_passwords(
    matter: MatterOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
) -> None:
    """How many PDF passwords the matter has sealed (the passwords are never shown)."""
    from stages.matter_config import load_matter_config

    count = len(load_matter_config(_services(matter)).pdf_passwords)
    typer.echo(json.dumps({"pdf_passwords": count}) if as_json else str(count))
