"""`sealroom audit ...` end to end on a small ledger: init-key, checkpoint, verify
(failing closed), query, export, report, one-line errors and the meta-audit events."""

from __future__ import annotations

import base64
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit import Ledger
from cli.main import app
from composition.identity import LOCAL_PREFIX
from config import get_settings
from vault.signing import Ed25519Signer

runner = CliRunner()


def _events(home: Path, action: str) -> list:
    with Ledger(f"sqlite:///{home / 'ledger.db'}") as ledger:
        return list(ledger.events(action=action))


def test_checkpoint_never_creates_a_key(home: Path, tmp_path: Path) -> None:
    got = runner.invoke(app, ["audit", "checkpoint"])
    assert got.exit_code == 2 and "sealroom audit init-key" in got.output
    assert not (tmp_path / "signing").exists()
    assert not list((home / "checkpoints").glob("**/*.note"))


def test_zero_anchors_fail_closed(home: Path) -> None:
    assert runner.invoke(app, ["audit", "init-key"]).exit_code == 0
    bad = runner.invoke(app, ["audit", "verify"])
    assert bad.exit_code == 1 and "no signed checkpoint anchors this ledger" in bad.output
    ok = runner.invoke(app, ["audit", "verify", "--allow-unanchored"])
    assert ok.exit_code == 0 and "allowed by --allow-unanchored" in ok.output


def test_init_key_checkpoint_verify_and_tamper(home: Path, tmp_path: Path) -> None:
    made = runner.invoke(app, ["audit", "init-key"])
    assert made.exit_code == 0 and "created checkpoint key sealroom-checkpoint+" in made.output
    again = runner.invoke(app, ["audit", "init-key"])
    assert "existing checkpoint key" in again.output
    cp = runner.invoke(app, ["audit", "checkpoint"])
    assert cp.exit_code == 0 and "tree size 7" in cp.output  # 5 + two key events
    ok = runner.invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0 and "1 signed checkpoint(s) matched" in ok.output
    with sqlite3.connect(home / "ledger.db") as db:
        db.execute("DELETE FROM events WHERE seq >= 7")
    bad = runner.invoke(app, ["audit", "verify"])
    assert bad.exit_code == 1 and "first bad event seq 7: anchored event is missing" in bad.output


def test_a_key_that_is_not_the_pinned_one_fails(home: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["audit", "init-key"])
    runner.invoke(app, ["audit", "checkpoint"])
    other = Ed25519Signer.generate()
    pinned = runner.invoke(app, ["audit", "verify", "--key", other.vkey])
    assert pinned.exit_code == 1
    assert f"is not the pinned key ({other.key_id})" in pinned.output
    assert "signed by an unknown key" in pinned.output
    (tmp_path / "pub").write_text(runner.invoke(app, ["audit", "public-key"]).output)
    assert runner.invoke(app, ["audit", "verify", "--key", str(tmp_path / "pub")]).exit_code == 0


def test_key_dir_inside_the_state_directory_is_refused(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEALROOM_CHECKPOINT_KEY_DIR", str(home / "keys"))
    get_settings.cache_clear()
    got = runner.invoke(app, ["audit", "init-key"])
    assert got.exit_code == 2 and "inside SEALROOM_HOME" in got.output
    assert not (home / "keys").exists()


def test_query_export_report(home: Path) -> None:
    runner.invoke(app, ["audit", "init-key"])
    runner.invoke(app, ["audit", "checkpoint"])
    got = runner.invoke(app, ["audit", "query", "--document", "doc-3"])
    assert got.exit_code == 0 and [line.split("\t")[0] for line in got.output.splitlines()] == ["3"]
    as_json = runner.invoke(app, ["audit", "query", "--document", "doc-3", "--json"])
    assert json.loads(as_json.output)["object_id"] == "doc-3"
    out = home / "events.jsonl"
    exported = runner.invoke(app, ["audit", "export", "--format", "jsonl", "--out", str(out)])
    assert exported.exit_code == 0
    assert [json.loads(x)["metadata"]["sequence"] for x in out.read_text().splitlines()][:5] == [
        1, 2, 3, 4, 5,
    ]  # fmt: skip
    csv_out = runner.invoke(app, ["audit", "export", "--format", "csv", "--action", "qc.agreement"])
    assert csv_out.output.splitlines()[0].startswith("seq,time,actor")
    report = runner.invoke(app, ["audit", "report", "--matter", "m-1"])
    assert report.exit_code == 0, report.output
    html = (home / "reports" / "custody-m-1.html").read_text()
    assert "VERIFIED" in html and "doc-5" in html and "code only" in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "--since", "yesterday"], "invalid time (ISO-8601 expected"),
        (["query", "--action", "document.eaten"], "unknown action; one of: document.ingested"),
        (["export", "--until", "2024-13-01"], "invalid time"),
        (["query", "--matter", "m-2"], "unknown matter"),
        (["report", "--matter", "m-typo"], "unknown matter"),
    ],
)
def test_bad_requests_are_one_line_errors(home: Path, args: list[str], message: str) -> None:
    got = runner.invoke(app, ["audit", *args])
    assert got.exit_code == 2 and got.output.startswith("error: SR-AUD-021 ")
    assert message in got.output and len(got.output.strip().splitlines()) == 1
    assert "Traceback" not in got.output


def test_reads_of_the_trail_are_recorded(home: Path) -> None:
    runner.invoke(app, ["audit", "init-key"])
    runner.invoke(app, ["audit", "checkpoint"])
    runner.invoke(app, ["audit", "query", "--matter", "m-1", "--document", "doc-2"])
    runner.invoke(app, ["audit", "export", "--format", "csv", "--matter", "m-1"])
    runner.invoke(app, ["audit", "report", "--matter", "m-1"])
    verified = runner.invoke(app, ["audit", "verify"])
    assert verified.exit_code == 0  # the reads appended events; verification still holds
    (query,) = _events(home, "audit.queried")
    assert query.details == {"filters": {"document": "doc-2", "matter": "m-1"}, "events": 1}
    assert query.actor.startswith(LOCAL_PREFIX) and "@" in query.actor
    (export,) = _events(home, "audit.exported")
    assert (export.details["format"], export.details["events"]) == ("csv", 6)
    (report,) = _events(home, "audit.reported")
    assert report.matter == "m-1" and report.outcome == "ok"
    (verify,) = _events(home, "ledger.verified")
    assert verify.details["checkpoints"] == 1 and verify.outcome == "ok"
    assert len(_events(home, "audit.key_initialised")) == 1
    assert len(_events(home, "audit.checkpointed")) == 1


def test_report_window_hold_status_and_pdf(home: Path) -> None:
    from audit.printer import find_chromium

    runner.invoke(app, ["audit", "init-key"])
    runner.invoke(app, ["audit", "checkpoint"])
    assert runner.invoke(app, ["vault", "hold", "--matter", "m-1"]).exit_code == 0
    report = runner.invoke(app, ["audit", "report", "--matter", "m-1", "--since", "2999-01-01"])
    assert report.exit_code == 0 and "(0 events" in report.output
    html = (home / "reports" / "custody-m-1.html").read_text()
    assert "on legal hold since" in html and "not shredded" in html
    assert "2999-01-01 to now" in html and "<details" not in html
    if find_chromium() is None:
        pytest.skip("no chromium on PATH for the --pdf rendition (CI installs it)")
    printed = runner.invoke(app, ["audit", "report", "--matter", "m-1", "--pdf"])
    assert printed.exit_code == 0, printed.output
    assert (home / "reports" / "custody-m-1.pdf").read_bytes().startswith(b"%PDF")


def test_a_first_format_seed_is_moved_in_and_its_checkpoints_still_anchor(home: Path) -> None:
    """Migration: a ledger checkpointed by the first format (JSON, key under $HOME/keys)."""
    import os
    from dataclasses import replace

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from audit.checkpoint import LEGACY_FORMAT, Checkpoint
    from vault.signing import public_key_id

    seed = os.urandom(32)
    (home / "keys").mkdir(mode=0o700)
    fd = os.open(home / "keys" / "checkpoint-ed25519.seed", os.O_CREAT | os.O_WRONLY, 0o600)
    os.write(fd, seed)
    os.close(fd)
    old = Ed25519Signer(Ed25519PrivateKey.from_private_bytes(seed))
    with Ledger(f"sqlite:///{home / 'ledger.db'}") as ledger:
        head = ledger.head()
    assert head is not None
    unsigned = Checkpoint(5, head.hash, head.time, public_key_id(old.public_key), "", LEGACY_FORMAT)
    legacy = replace(unsigned, signature=old.sign(unsigned.message()).hex())
    (home / "checkpoints").mkdir()
    (home / "checkpoints" / legacy.name).write_bytes(legacy.serialize())
    moved = runner.invoke(
        app, ["audit", "init-key", "--from-seed", str(home / "keys" / "checkpoint-ed25519.seed")]
    )
    assert moved.exit_code == 0 and old.key_id in moved.output
    ok = runner.invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0 and "1 signed checkpoint(s) matched" in ok.output


def test_kms_mode_signs_with_the_kms_key(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from moto import mock_aws

    from composition.identity import _sts_identity

    monkeypatch.setenv("SEALROOM_KEY_PROVIDER", "kms")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    get_settings.cache_clear()
    _sts_identity.cache_clear()
    with mock_aws():
        assert runner.invoke(app, ["audit", "checkpoint"]).exit_code == 2  # no key yet
        made = runner.invoke(app, ["audit", "init-key"])
        assert made.exit_code == 0, made.output
        vkey = made.output.strip().rsplit(" ", 1)[-1]
        assert runner.invoke(app, ["audit", "checkpoint"]).exit_code == 0
        ok = runner.invoke(app, ["audit", "verify"])
        assert ok.exit_code == 0 and "1 signed checkpoint(s) matched" in ok.output
        (actor,) = {e.actor for e in _events(home, "audit.checkpointed")}
    _sts_identity.cache_clear()
    assert actor.startswith("arn:aws:")  # the STS principal, not a local identity
    assert not (home.parent / "signing").exists()  # no local key in KMS mode
    assert base64.b64decode(vkey.split("+", 2)[2])[0] == 0x02  # ECDSA P-256 note key
