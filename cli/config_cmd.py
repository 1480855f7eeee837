"""`sealroom config show` and the checks every command runs first (`--version` too)."""

from __future__ import annotations

import json
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(help="Effective settings.", no_args_is_help=True)

SECRET_NAME = re.compile(r"password|secret|token|credential", re.IGNORECASE)
URL_USERINFO = re.compile(r"^(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:@/]*):[^@/]*@")
MASK = "***"


def mask(name: str, value: Any) -> Any:
    """Secrets masked: fields named like one, and the password inside any URL."""
    if value is None:
        return None
    if SECRET_NAME.search(name):
        return MASK
    if isinstance(value, str):
        return URL_USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:{MASK}@", value)
    if isinstance(value, Path):
        return str(value)
    return value


def effective() -> dict[str, Any]:
    from config import get_settings

    settings = get_settings()
    return {name: mask(name, getattr(settings, name)) for name in type(settings).model_fields}


@app.command("show")
def show(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
) -> None:
    """The effective settings (environment, then sealroom.toml, then defaults); secrets
    masked. Each line: SEALROOM_<NAME> = value."""
    values = effective()
    if as_json:
        typer.echo(json.dumps(values, sort_keys=True))
        return
    for name, value in values.items():
        typer.echo(f"SEALROOM_{name.upper()} = {json.dumps(value)}")


def sealroom_version() -> str:
    try:
        return version("sealroom")
    except PackageNotFoundError:
        return "unknown"


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"sealroom {sealroom_version()}")
        raise typer.Exit()


def check_settings() -> None:
    """Unknown SEALROOM_* variables, unknown sealroom.toml keys and bad values: one line on
    stderr, exit 2 (no traceback)."""
    from config import get_settings
    from config.validation import SettingsError, checked_settings

    try:
        checked_settings()
    except SettingsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    get_settings.cache_clear()  # read again by the command, now known to be valid
