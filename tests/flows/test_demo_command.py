"""`sealroom demo` (what `make demo` runs) end to end in its own process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_demo_runs_the_whole_pipeline(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SEALROOM_"))}
    home = tmp_path / "demo"
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", "demo", "--home", str(home)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "verification OK" in done.stdout
    delivered = sorted((home / "outbox" / "demo-matter").glob("*.json"))
    assert len(delivered) == 6
    assert len(list((home / "outbox" / "demo-matter").glob("*.pdf"))) == 3
    bodies = [json.loads(path.read_text(encoding="utf-8")) for path in delivered]
    assert all(body["verdicts"] for body in bodies)
    assert sum(len(body["annotations"]) for body in bodies) >= 3
    assert (home / "reports" / "custody-demo-matter.html").is_file()
    _printed_verify_command_finds_the_checkpoints(done.stdout, env)


def _printed_verify_command_finds_the_checkpoints(stdout: str, env: dict[str, str]) -> None:
    """The verify command the summary prints, run as printed: it finds the demo's signed
    checkpoints (the key beside the state directory, its public key beside the ledger)."""
    import re

    flat = " ".join(stdout.split())
    found = re.search(r"verify: (SEALROOM_HOME=\S+) (SEALROOM_CHECKPOINT_KEY_DIR=\S+) sealroom "
                      r"audit verify", flat)  # fmt: skip
    assert found, flat[-600:]
    printed = dict(part.split("=", 1) for part in found.groups())
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", "audit", "verify"],
        cwd=REPO, env={**env, **printed}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    matched = re.search(r"(\d+) signed checkpoint\(s\) matched", done.stdout)
    assert matched and int(matched.group(1)) >= 1, done.stdout
