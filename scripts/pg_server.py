"""A throwaway PostgreSQL server on 127.0.0.1 for tests, CI and benches (stdlib only).

    python scripts/pg_server.py start DIR   # prints the SQLAlchemy URL on stdout
    python scripts/pg_server.py stop DIR

Uses Debian's ``postgresql`` binaries (``initdb``/``pg_ctl`` on PATH or under
/usr/lib/postgresql/*/bin). Root cannot run postgres, so as root the cluster is created
and run as the ``postgres`` system user (``runuser``). Trust authentication on the
loopback address only; the socket lives in DIR; nothing outside DIR is touched.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

DB_NAME = "sealroom"
DB_USER = "sealroom"


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server can be started here (reason in the message)."""


def find_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    if candidates:
        return candidates[0]
    raise ServerUnavailable(f"{name} not found (apt-get install -y postgresql)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if runuser is None:
        raise ServerUnavailable("running as root and runuser is missing")
    return [runuser, "-u", "postgres", "--", *argv]


def _run(argv: list[str], timeout: float = 120) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise ServerUnavailable(f"{Path(argv[-1]).name}: {done.stderr.strip()[-300:]}")
    return done.stdout


def _prepare(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    folder.chmod(0o700)
    return folder / "data"


def start(folder: Path) -> str:
    """Create and start a cluster in ``folder``; return its URL (database and role ready)."""
    data = _prepare(folder)
    init = [find_bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
    _run(_as_owner([*init, "--no-sync", "-E", "UTF8"]))
    port = free_port()
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c max_connections=200"
    ctl = [find_bin("pg_ctl"), "-D", str(data), "-l", str(folder / "server.log")]
    _run(_as_owner([*ctl, "-w", "-t", "120", "-o", options, "start"]), timeout=180)
    (folder / "port").write_text(str(port))
    psql = [find_bin("psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-q"]
    _run([*psql, "-c", f"CREATE ROLE {DB_USER} LOGIN SUPERUSER"])
    _run([*psql, "-c", f"CREATE DATABASE {DB_NAME} OWNER {DB_USER}"])
    return url(port)


def url(port: int, database: str = DB_NAME) -> str:
    return f"postgresql+psycopg://{DB_USER}@127.0.0.1:{port}/{database}"


def stop(folder: Path) -> None:
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        ctl = [find_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
        _run(_as_owner(ctl))


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("start", "stop"):
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[2]).resolve()
    try:
        if argv[1] == "start":
            print(start(folder))
        else:
            stop(folder)
    except (ServerUnavailable, subprocess.TimeoutExpired, OSError) as exc:
        print(f"pg_server: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
