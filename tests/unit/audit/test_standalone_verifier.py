"""``tools/verify_ledger.py`` (standard library + cryptography, no Sealroom import) reaches
the same verdict, with the same findings, as ``sealroom audit verify`` on the same
ledgers: intact, edited event, deleted event, re-hashed tail, wrong key, unknown key,
zero anchors, a first-format checkpoint."""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from audit import Ledger
from audit.checkpoint import make_checkpoint
from audit.checkpointer import ledger_id
from cli.main import app
from tests.unit.audit.forge import delete, edit, rewrite_from
from vault.signing import Ed25519Signer

REPO = Path(__file__).resolve().parents[3]
TOOL = REPO / "tools" / "verify_ledger.py"
runner = (
    CliRunner(mix_stderr=False)
    if "mix_stderr" in CliRunner.__init__.__code__.co_varnames
    else CliRunner()
)


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("verify_ledger", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tool_imports_nothing_of_ours() -> None:
    tree = ast.parse(TOOL.read_text())
    roots = {
        (n.module or "").split(".")[0] if isinstance(n, ast.ImportFrom) else a.name.split(".")[0]
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for a in (n.names if isinstance(n, ast.Import) else [n])  # type: ignore[attr-defined]
    }
    allowed = {"__future__", "argparse", "base64", "hashlib", "json", "sys", "pathlib",
               "typing", "cryptography"}  # fmt: skip
    assert roots <= allowed, roots


def _db(home: Path) -> Path:
    return home / "ledger.db"


def _rogue_checkpoints(home: Path) -> None:
    """Replace every checkpoint by one signed with another key of the same name."""
    with Ledger(f"sqlite:///{_db(home)}") as ledger:
        lid, head = ledger_id(ledger), ledger.head()
    for path in (home / "checkpoints" / lid).iterdir():
        path.unlink()
    forged = make_checkpoint(head, lid, Ed25519Signer.generate())  # type: ignore[arg-type]
    (home / "checkpoints" / forged.name).write_bytes(forged.serialize())


def _no_checkpoints(home: Path) -> None:
    with Ledger(f"sqlite:///{_db(home)}") as ledger:
        lid = ledger_id(ledger)
    for path in (home / "checkpoints" / lid).iterdir():
        path.unlink()


Case = tuple[str, Callable[[Path], None], bool, bool]  # name, tamper, other key, verified
CASES: list[Case] = [
    ("intact", lambda h: None, False, True),
    ("edited event", lambda h: edit(_db(h), 3), False, False),
    ("deleted event", lambda h: delete(_db(h), 4), False, False),
    # a truncated tail after the last checkpoint cannot be seen by anyone: both say OK
    ("deleted unanchored head", lambda h: delete(_db(h), 8), False, True),
    ("re-hashed tail", lambda h: rewrite_from(_db(h), 3), False, False),
    ("wrong key", lambda h: None, True, False),
    ("unknown key", _rogue_checkpoints, False, False),
    ("zero anchors", _no_checkpoints, False, False),
]


@pytest.mark.parametrize(("tamper", "other_key", "verified"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_same_verdict_as_sealroom_verify(
    home: Path, tmp_path: Path, tamper: Callable[[Path], None], other_key: bool, verified: bool
) -> None:
    assert runner.invoke(app, ["audit", "init-key"]).exit_code == 0
    assert runner.invoke(app, ["audit", "checkpoint"]).exit_code == 0  # tree size 7
    runner.invoke(app, ["audit", "query", "--matter", "m-1"])  # an unanchored 8th event
    tamper(home)
    key = Ed25519Signer.generate().vkey if other_key else _pinned()
    export = tmp_path / "ledger.jsonl"
    assert (
        runner.invoke(
            app, ["audit", "export", "--format", "ledger", "--out", str(export)]
        ).exit_code
        == 0
    )
    theirs = _run_tool(export, key)
    ours = runner.invoke(app, ["audit", "verify", "--key", key])
    assert (ours.exit_code == 0, theirs[0] == 0) == (verified, verified)
    assert _findings(ours.output) == _findings(theirs[1]), (ours.output, theirs[1])
    assert verified or _findings(ours.output)  # a broken verdict names its findings


def _pinned() -> str:
    return runner.invoke(app, ["audit", "public-key"]).output.strip()


def _run_tool(export: Path, key: str) -> tuple[int, str]:
    import contextlib
    import io

    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = _tool().main([str(export), "--key", key])
    return code, err.getvalue() + out.getvalue()


def _findings(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.startswith("  ")
            and not line.strip().startswith("note:")]  # fmt: skip
