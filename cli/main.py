"""The ``sealroom`` command."""

from __future__ import annotations

import typer

from cli.prefect_env import set_startup_waits

set_startup_waits()  # before any command imports Prefect

from cli import audit_cmd, local, matter_cmd, ops, quarantine_cmd, reviewer, vault_cmd  # noqa: E402

app = typer.Typer(
    name="sealroom",
    help=(
        "Sealroom: send legal and medical documents to remote expert reviewers without "
        "exposing who they are about."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

app.command("demo")(ops.demo)
app.command("run")(ops.run)
app.command("status")(ops.status)
app.command("serve")(ops.serve)
app.command("detect")(local.detect)
app.command("redact")(local.redact)
app.command("extract")(local.extract)
app.add_typer(reviewer.app, name="reviewer")
app.add_typer(audit_cmd.app, name="audit")
app.add_typer(vault_cmd.app, name="vault")
app.add_typer(matter_cmd.app, name="matter")
app.add_typer(quarantine_cmd.app, name="quarantine")


if __name__ == "__main__":
    app()
