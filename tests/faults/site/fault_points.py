"""Test-only fault points for work-pool workers: a worker SIGKILLs itself, with its flow
run, at a named point of its work, so a test can kill a machine at an exact moment
instead of racing a poll.

Every process of the test cluster (workers, their flow runs, the redaction processes
those spawn) inherits ``FAULT_POINTS_DIR`` and this module (``sitecustomize``). A
test arms a point by writing a file named after it into that directory, holding K:

- ``rendition``: right after the K-th rendition or text a process puts into a reviewer
  queue (``queues/<q>/batches/<b>/docs/...``): mid-publish, the manifest not yet written;
- ``redacted``: right after the K-th ``document.redacted`` ledger append of a process:
  mid-chunk, some documents of the chunk recorded, the rest not;
- ``outbox``: right before the K-th deliverable a process writes to the S3 outbox.

The first process to reach an armed point claims it (renames ``<point>`` to
``<point>.fired``, atomic: exactly one death per arming), writes the worker's name into
it, and SIGKILLs its worker's process group and its own (the flow run's, with its
redaction processes): the whole machine dies at once, and nobody reports the run.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import signal
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

Match = Callable[..., bool]
# point -> (module, class, method, which calls count, counted after (True) or before)
POINTS: dict[str, tuple[str, str, str, Match, bool]] = {
    "rendition": (
        "review.s3_store",
        "S3ObjectStore",
        "put",
        lambda _self, key, *_a, **_k: "/batches/" in key and "/docs/" in key,
        True,
    ),
    "redacted": (
        "audit.ledger",
        "Ledger",
        "append",
        lambda _self, draft, *_a, **_k: draft.action == "document.redacted",
        True,
    ),
    "outbox": ("vault.outbox", "S3Outbox", "put", lambda *_a, **_k: True, False),
}
_counts: Counter[str] = Counter()


def install(fault_dir: str) -> None:
    """Patch each point's method once its module is imported (now, if it already is)."""
    finder = _AfterImport(Path(fault_dir))
    for module in {spec[0] for spec in POINTS.values()} & set(sys.modules):
        finder.patch(sys.modules[module])
    sys.meta_path.insert(0, finder)


class _AfterImport(importlib.abc.MetaPathFinder):
    def __init__(self, fault_dir: Path) -> None:
        self.fault_dir = fault_dir
        self.modules = {spec[0] for spec in POINTS.values()}

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name not in self.modules:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        run, patch = spec.loader.exec_module, self.patch

        def exec_module(module: ModuleType) -> None:
            run(module)
            patch(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec

    def patch(self, module: ModuleType) -> None:
        for point, (name, owner, method, match, after) in POINTS.items():
            if name == module.__name__:
                cls = getattr(module, owner)
                setattr(cls, method, self._wrap(point, getattr(cls, method), match, after))

    def _wrap(self, point: str, original: Any, match: Match, after: bool) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            counted = match(*args, **kwargs)
            if counted and not after:
                self._reached(point)
            result = original(*args, **kwargs)
            if counted and after:
                self._reached(point)
            return result

        return wrapped

    def _reached(self, point: str) -> None:
        _counts[point] += 1
        armed = self.fault_dir / point
        try:
            due = _counts[point] >= int(armed.read_text())
        except (OSError, ValueError):
            return
        if not due:
            return
        fired = self.fault_dir / f"{point}.fired"
        try:
            armed.rename(fired)  # one process wins; the others go on
        except OSError:
            return
        worker = _worker()
        fired.write_text(f"{worker[1] if worker else '-'} {os.getpid()}\n")
        _die(worker[0] if worker else None)


def _ancestors(pid: int) -> list[int]:
    chain = []
    while pid > 1:
        stat = Path(f"/proc/{pid}/stat").read_text()
        pid = int(stat.rpartition(")")[2].split()[1])  # ppid, after the command's name
        chain.append(pid)
    return chain


def _worker() -> tuple[int, str] | None:
    """The ``sealroom worker`` process this process descends from, and its ``--name``."""
    for pid in _ancestors(os.getpid()):
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
        if "cli.main" in argv and "worker" in argv:
            name = argv[argv.index("--name") + 1] if "--name" in argv else "-"
            return pid, name
    return None


def _die(worker_pid: int | None) -> None:
    """SIGKILL the worker's process group, then this process's own group when it lies
    below the worker (a flow run and its redaction processes), else this process only."""
    if worker_pid is not None:
        chain = [os.getpid(), *_ancestors(os.getpid())]
        below = chain[: chain.index(worker_pid)]
        os.killpg(os.getpgid(worker_pid), signal.SIGKILL)
        if os.getpgrp() in below:
            os.killpg(os.getpgrp(), signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)
