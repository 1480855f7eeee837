"""The ``sealroom`` command."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.prefect_env import set_startup_waits

set_startup_waits()  # before any command imports Prefect

from cli import (  # noqa: E402
    audit_cmd,
    config_cmd,
    doctor,
    local,
    matter_cmd,
    ops,
    pool_cmd,
    quarantine_cmd,
    reviewer,
    vault_cmd,
)

app = typer.Typer(
    name="sealroom",
    help=(
        "Sealroom: send legal and medical documents to remote expert reviewers without "
        "exposing who they are about."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_show_locals=False,
)


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=config_cmd.version_callback,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Sealroom: send legal and medical documents to remote expert reviewers without
    exposing who they are about. Results go to stdout, progress and errors to stderr."""
    config_cmd.check_settings()


app.command("demo")(ops.demo)
app.command("run")(ops.run)
app.command("status")(ops.status)
app.command("serve")(ops.serve)
app.command("doctor")(doctor.doctor)
app.command("deploy")(pool_cmd.deploy)
app.command("worker")(pool_cmd.worker)
app.command("detect")(local.detect)
app.command("redact")(local.redact)
app.command("extract")(local.extract)
app.add_typer(reviewer.app, name="reviewer")
app.add_typer(audit_cmd.app, name="audit")
app.add_typer(vault_cmd.app, name="vault")
app.add_typer(matter_cmd.app, name="matter")
app.add_typer(quarantine_cmd.app, name="quarantine")
app.add_typer(config_cmd.app, name="config")


if __name__ == "__main__":
    app()
