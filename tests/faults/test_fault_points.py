"""The test-only worker fault points (tests/faults/site): off unless armed, fire at the
K-th matching call exactly once per arming, and kill the process that reached them.

A subprocess with the hook's directory on PYTHONPATH (as the work-pool cluster's workers
have it) puts four renditions and a manifest into a queue store over a fake S3 client and
prints each key it wrote; no worker is among its ancestors, so only it dies.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

SITE = Path(__file__).with_name("site")
REPO = SITE.parents[2]
PUTS = (
    "from review.s3_store import S3ObjectStore\n"
    "class Client:\n"
    "    def put_object(self, **kw):\n"
    "        print(kw['Key'], flush=True)\n"
    "        return {'ETag': 'e'}\n"
    "store = S3ObjectStore(Client(), 'b')\n"
    "for n in range(4):\n"
    "    store.put(f'queues/q/batches/b1/docs/d{n}.pdf', b'x')\n"
    "store.put('queues/q/batches/b1/manifest.json', b'{}')\n"
)
DOCS = [f"queues/q/batches/b1/docs/d{n}.pdf" for n in range(4)]
MANIFEST = "queues/q/batches/b1/manifest.json"


def _puts(fault_dir: Path | None) -> tuple[int, list[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SEALROOM_", "FAULT_"))}
    env["PYTHONPATH"] = f"{SITE}{os.pathsep}{REPO}"
    if fault_dir is not None:
        env["FAULT_POINTS_DIR"] = str(fault_dir)
    done = subprocess.run(
        [sys.executable, "-c", PUTS], env=env, cwd=REPO, capture_output=True, text=True
    )
    return done.returncode, done.stdout.split()


@pytest.mark.parametrize(
    ("armed", "rc", "written"),
    [
        ({}, 0, [*DOCS, MANIFEST]),  # a fault directory, nothing armed
        ({"outbox": "1"}, 0, [*DOCS, MANIFEST]),  # another point armed
        ({"rendition": "2"}, -signal.SIGKILL, DOCS[:2]),  # dies right after the 2nd
        ({"rendition": "9"}, 0, [*DOCS, MANIFEST]),  # not reached
    ],
)
def test_a_point_fires_at_its_kth_call_only(
    tmp_path: Path, armed: dict[str, str], rc: int, written: list[str]
) -> None:
    for point, k in armed.items():
        (tmp_path / point).write_text(k)
    assert _puts(tmp_path) == (rc, written)
    fired = sorted(p.name for p in tmp_path.glob("*.fired"))
    assert fired == (["rendition.fired"] if rc else [])


def test_an_arming_kills_once_and_the_next_process_goes_on(tmp_path: Path) -> None:
    (tmp_path / "rendition").write_text("1")
    assert _puts(tmp_path) == (-signal.SIGKILL, DOCS[:1])
    worker, pid = (tmp_path / "rendition.fired").read_text().split()
    assert worker == "-" and int(pid) > 0  # no sealroom worker above it: itself only
    assert _puts(tmp_path) == (0, [*DOCS, MANIFEST])


def test_without_the_variable_the_hook_is_inert(tmp_path: Path) -> None:
    (tmp_path / "rendition").write_text("1")
    assert _puts(None) == (0, [*DOCS, MANIFEST])
    assert (tmp_path / "rendition").exists()
