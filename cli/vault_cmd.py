"""`sealroom vault ...`: key rotation, retirement, legal holds and crypto-shredding.

Every command prints ids and counts only and is recorded on the ledger.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer

from config import get_settings
from models.errors import VaultError

app = typer.Typer(help="Vault keys: rotate, retire, hold, shred.", no_args_is_help=True)
T = TypeVar("T")

MATTER = typer.Option(None, "--matter", help="Matter id (default from settings).")
TENANT = typer.Option(None, "--tenant", help="Tenant id (default from settings).")


@contextmanager
def _admin(tenant: str | None, matter: str | None) -> Iterator[tuple[Any, Any, Any]]:
    """(vault, ledger, scope) from settings; vault errors become exit code 1."""
    from composition.wiring import build_vault, open_ledger
    from vault import KeyScope

    settings = get_settings()
    scope = KeyScope(tenant or settings.tenant, matter or settings.matter)
    with open_ledger(settings) as ledger:
        try:
            yield build_vault(settings), ledger, scope
        except VaultError as exc:
            typer.echo(f"refused: {exc.message}", err=True)
            raise typer.Exit(1) from None


def _run(tenant: str | None, matter: str | None, action: Callable[..., T]) -> T:
    """Run ``action(vault, ledger, scope, actor)``; the actor is the authenticated operator
    (STS principal, or ``local:<user>@<host>`` without AWS), never typed by the caller."""
    from composition.identity import operator_identity

    with _admin(tenant, matter) as (vault, ledger, scope):
        return action(vault, ledger, scope, operator_identity(get_settings()))


@app.command("rotate")
def rotate_cmd(
    matter: str = MATTER,
    tenant: str = TENANT,
    resume: bool = typer.Option(False, "--resume", help="Only re-seal; no new key version."),
) -> None:
    """New key version for the matter, then re-seal every object under it (resumable)."""
    from stages import vault_ops

    report = _run(tenant, matter, lambda v, lg, s, actor: vault_ops.rotate(v, lg, s, actor, resume))
    typer.echo(
        f"rotated to {report.key_id}: {report.scanned} objects, {report.resealed} re-sealed, "
        f"{report.already_current} already current, {len(report.failed)} failed"
    )
    for key in report.failed:
        typer.echo(f"  failed: {key}", err=True)
    if report.failed:
        raise typer.Exit(1)


@app.command("retire")
def retire_cmd(
    key: str = typer.Option(..., "--key", help="Key id to destroy (never the current one)."),
    matter: str = MATTER,
    tenant: str = TENANT,
) -> None:
    """Destroy an old key version once rotation moved every object off it."""
    from stages import vault_ops

    checked = _run(tenant, matter, lambda v, lg, s, actor: vault_ops.retire(v, lg, s, key, actor))
    typer.echo(f"retired {key} ({checked} objects checked)")


@app.command("hold")
def hold_cmd(matter: str = MATTER, tenant: str = TENANT) -> None:
    """Place the matter under legal hold (shredding is refused until released)."""
    from stages import vault_ops

    placed = _run(tenant, matter, lambda v, lg, s, actor: vault_ops.place_hold(v, lg, s, actor))
    typer.echo("legal hold placed" if placed else "legal hold already in place")


@app.command("release-hold")
def release_hold_cmd(matter: str = MATTER, tenant: str = TENANT) -> None:
    """Release the matter's legal hold."""
    from stages import vault_ops

    released = _run(tenant, matter, lambda v, lg, s, actor: vault_ops.release_hold(v, lg, s, actor))
    typer.echo("legal hold released" if released else "no legal hold was in place")


@app.command("shred")
def shred_cmd(
    matter: str = typer.Option(..., "--matter", help="Matter id whose keys are destroyed."),
    tenant: str = TENANT,
    delete_objects: bool = typer.Option(False, "--delete-objects", help="Also delete objects."),
    purge_outbox: bool = typer.Option(
        False, "--purge-outbox", help="Also delete the matter's plaintext deliverables."
    ),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Crypto-shred a matter: destroy its keys so everything sealed under them is unreadable.

    Refused while the matter's outbox (SEALROOM_OUTBOX_DIR or SEALROOM_OUTBOX_URL) still
    holds deliverables (named by doc id), unless --purge-outbox removes them first (on S3
    every version of each object); both are recorded on the ledger (counts only).
    """
    from stages import outbox_shred

    if not yes:
        typer.confirm(f"Destroy every key of matter {matter}? This cannot be undone", abort=True)
    from composition.wiring import build_outbox

    outbox = build_outbox(get_settings())
    done = _run(
        tenant,
        matter,
        lambda v, lg, s, actor: outbox_shred.shred(
            v, lg, s, actor, outbox=outbox, purge_outbox=purge_outbox,
            delete_objects=delete_objects,
        ),
    )  # fmt: skip
    report = done.report
    typer.echo(
        f"shredded: {report.keys_destroyed} key versions destroyed, "
        f"{report.objects_unreadable} objects unreadable, {report.objects_deleted} deleted, "
        f"{done.outbox_removed} outbox files removed"
    )


@app.command("keys")
def keys_cmd(
    matter: str = MATTER,
    tenant: str = TENANT,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
) -> None:
    """List the matter's key versions (ids only) and its legal-hold state."""
    from vault import LegalHolds

    def show(vault: Any, _ledger: Any, scope: Any) -> None:
        ids = vault.keys.key_ids(scope)
        current = vault.keys.current_key_id(scope) if ids else "-"
        held = LegalHolds(vault.store).is_held(scope)
        if as_json:
            body = {"keys": list(ids), "current": current if ids else None, "legal_hold": held}
            typer.echo(json.dumps(body))
            return
        for key_id in ids:
            typer.echo(f"{key_id}{'  (current)' if key_id == current else ''}")
        typer.echo(f"legal hold: {'yes' if held else 'no'}")

    _run(tenant, matter, show)
