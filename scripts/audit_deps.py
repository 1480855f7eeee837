"""`make audit`: run pip-audit over the hash-pinned lock file and say plainly what happened.

Exit 0: no known vulnerability. Exit 1: pip-audit found some (its table is printed).
Exit 3: the vulnerability service could not be reached, so nothing was checked.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

UNREACHABLE = ("ConnectionError", "Max retries exceeded", "NameResolutionError", "timed out")
SKIPPED = "could not be audited"


def main(lock: str) -> int:
    command = [
        str(Path(sys.executable).with_name("pip-audit")),
        "--requirement", lock,
        "--disable-pip",  # the lock is fully pinned with hashes: no resolver, no installs
        "--require-hashes",
        "--vulnerability-service", "pypi",
        "--progress-spinner", "off",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr[-4000:])
    locked = sum(1 for line in Path(lock).read_text().splitlines() if "==" in line[:80])
    skipped = (done.stdout + done.stderr).count(SKIPPED)
    if any(mark in done.stderr for mark in UNREACHABLE) or skipped:
        print(
            f"audit: {skipped or 'all'} of {locked} locked packages could not be checked: "
            "the vulnerability service (PyPI's JSON API) did not answer for them. "
            "The result above is INCOMPLETE; re-run `make audit` where pypi.org is reachable.",
            file=sys.stderr,
        )
        return 3
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements.lock"))
