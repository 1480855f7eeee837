"""Start-up time of the reviewer's commands, and what they import.

    .venv/bin/python bench/bench_reviewer_start.py [--repeat 5]

Times (median wall clock of fresh processes): bare ``python -c pass``; ``sealroom reviewer
--help``; ``sealroom reviewer validate`` on a pulled one-document batch (a real command that
reads a manifest, a text and a work file). Also prints which heavy stacks a reviewer command
imports (should be none). Figures depend on the machine and its load: quote both.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HEAVY = ("spacy", "prefect", "pypdf", "pypdfium2", "fpdf", "aws_encryption_sdk", "sqlalchemy")
PROBE = (
    "import sys, runpy; sys.argv = ['sealroom', 'reviewer', '--help'];\n"
    "try:\n    runpy.run_module('cli.main', run_name='__main__')\nexcept SystemExit:\n    pass\n"
    "print('HEAVY:' + ','.join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)"
)


def pulled_batch(root: Path) -> tuple[Path, Path]:
    text = "Seen with [PERSON_1] about the claim.\n"
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = {"doc_id": "doc-a", "media_type": "text/plain", "path": "docs/doc-a.txt",
           "text_path": "docs/doc-a.txt", "sha256": digest, "text_sha256": digest,
           "text_length": len(text), "pages": 1}  # fmt: skip
    now = datetime(2026, 1, 1, tzinfo=UTC).isoformat()
    manifest = {"batch_id": "batch-1", "queue": "general", "matter": "m", "created": now,
                "due": now, "policy_version": "p/1", "instructions": "i",
                "docs": [doc]}  # fmt: skip
    folder = root / "batch-1"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "doc-a.txt").write_text(text, encoding="utf-8")
    ann = {"doc_id": "doc-a", "start": 10, "end": 20, "label": "NOTE", "quote": "[PERSON_1]"}
    work = root / "work.json"
    work.write_text(json.dumps({"annotations": [ann], "verdicts": []}), encoding="utf-8")
    return root, work


def median_seconds(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as tmp:
        root, work = pulled_batch(Path(tmp))
        validate = [str(BIN / "sealroom"), "reviewer", "validate", "batch-1", str(work)]
        rows = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "sealroom reviewer --help": [str(BIN / "sealroom"), "reviewer", "--help"],
            "sealroom reviewer validate": [*validate, "--dest", str(root)],
        }
        for name, command in rows.items():
            print(f"{name:28s} {median_seconds(command, repeat):6.2f} s (median of {repeat})")
    probe = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY)], cwd=REPO, capture_output=True, text=True
    )
    found = [line[6:] for line in probe.stderr.splitlines() if line.startswith("HEAVY:")]
    print("heavy stacks imported:", (found or ["?"])[0] or "none")
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
