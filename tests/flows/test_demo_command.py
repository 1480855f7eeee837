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
