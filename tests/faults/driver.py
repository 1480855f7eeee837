"""Subprocess driver for the fault-injection tests: runs the stages (no Prefect) and
SIGKILLs itself at a named point.

    python tests/faults/driver.py front|back|pool INBOX [FAULT]
    python tests/faults/driver.py serve    (then a JSON [PHASE, INBOX, FAULT?] line per run)

``serve`` imports the stack and loads the spaCy model once, then runs each line of its
stdin in a forked child process (a run of its own: its own settings, services, ledger and
S3 connections, its own pid and process group for the SIGKILL) and prints ``pid N`` when it
starts and its exit code when it ends (-9: killed).
The runs are the same as one process each; only the start-up (several seconds of imports
and model loading per run, most of the test's time on a busy machine) is paid once.

``front`` = ingest, redact, dispatch; ``back`` = collect, reassemble; ``pool`` = like
``front`` but redacting on the flows' process pool (``flows.redact_pool``).
FAULT is ``append:K`` (after the K-th ledger append commits), ``action:NAME:K`` (after
the K-th append of that action), ``vault:K`` (after the K-th sealed write, before its
ledger event), ``s3:K`` (after the K-th batch object written to the queue) or
``export:K`` (before the K-th outbox rename, leaving a temp file).
Settings come from the environment (SEALROOM_*), as in production.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def after(owner: Any, name: str, k: int, when: Callable[..., bool] = lambda *a, **kw: True) -> None:
    """Wrap ``owner.name`` so the process dies right after its K-th matching call."""
    original = getattr(owner, name)
    calls = [0]

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        if when(*args, **kwargs):
            calls[0] += 1
            if calls[0] == k:
                die()
        return result

    setattr(owner, name, wrapped)


def install(fault: str) -> None:
    from audit import Ledger
    from review import S3ObjectStore
    from vault import Vault
    from vault import outbox as outbox_module

    kind, _, rest = fault.partition(":")
    if kind == "append":
        after(Ledger, "append", int(rest))
    elif kind == "action":
        action, _, k = rest.rpartition(":")
        after(Ledger, "append", int(k), lambda _self, draft: draft.action == action)
    elif kind == "vault":
        after(Vault, "put", int(rest))
    elif kind == "s3":
        after(S3ObjectStore, "put", int(rest), lambda _s, key, *a, **kw: "/batches/" in key)
    elif kind == "export":
        calls = [0]
        real = outbox_module.os.replace

        def replace(src: Any, dst: Any) -> None:
            calls[0] += 1
            if calls[0] == int(rest):
                die()
            real(src, dst)

        outbox_module.os.replace = replace  # type: ignore[assignment]
    else:
        raise SystemExit(f"unknown fault {fault}")


def front(inbox: str) -> None:
    from composition.wiring import inbox_for, services
    from config import get_settings
    from flows.redact_pool import pending_documents
    from models.document import DocKind
    from stages import dispatch
    from stages.ingest import ingest_from
    from stages.redact import redact_one

    settings, svc = get_settings(), services(None)
    ingest_from(svc, inbox_for(settings, inbox), DocKind.LEGAL, settings.max_document_bytes)
    for doc_id in pending_documents(None):
        state, code = redact_one(svc, doc_id)
        assert state != "error", code
    dispatch.dispatch(svc)


def pool(inbox: str) -> None:
    from composition.wiring import inbox_for, services
    from config import get_settings
    from flows.redact_pool import chunks, pending_documents, run_chunk
    from models.document import DocKind
    from stages import dispatch
    from stages.ingest import ingest_from

    settings, svc = get_settings(), services(None)
    ingest_from(svc, inbox_for(settings, inbox), DocKind.LEGAL, settings.max_document_bytes)
    for ids in chunks(pending_documents(None), settings.redact_chunk_size):
        result = run_chunk(settings.redact_processes, None, ids)
        assert not result.errors, result.errors
    dispatch.dispatch(svc)


def back() -> None:
    from composition.wiring import services
    from stages import collect, reassemble

    svc = services(None)
    collect.collect(svc)
    reassemble.reassemble(svc)


def run(phase: str, inbox: str, *fault: str) -> None:
    from vault import outbox

    outbox.PARTIAL_MAX_AGE_S = 0.0  # one writer here: any temp file is a leftover
    if fault:
        install(fault[0])
    if phase == "front":
        front(inbox)
    elif phase == "back":
        back()
    else:  # "pool": redaction on the process pool the redact flow uses, then dispatch
        pool(inbox)


def warm() -> None:
    """Imports and a throw-away model load, nothing else: no settings are read and no
    services, connections or files are made before a child forks (each run makes its own)."""
    import audit  # noqa: F401
    import composition.wiring  # noqa: F401
    import flows.redact_pool  # noqa: F401
    import review  # noqa: F401
    import stages.collect
    import stages.dispatch
    import stages.ingest
    import stages.reassemble
    import stages.redact  # noqa: F401
    import vault  # noqa: F401
    from config import Settings
    from redaction.ner import load_ner

    load_ner(Settings().spacy_model)  # a settings object of its own: get_settings stays empty


def serve() -> list[str]:
    """Fork a child per line of stdin; wait for it and print its exit code. Returns only in
    a child, with that run's arguments: the child then runs and exits as a process started
    with them does (interpreter shutdown, exit handlers, exit code 1 on an exception)."""
    warm()
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            os.setsid()  # a process group of its own (its pool workers join it)
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.close(null)
            os.dup2(2, 1)  # stdout carries the exit codes
            args: list[str] = json.loads(line)
            return args
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)
    raise SystemExit(0)


def main() -> None:
    args = sys.argv[1:]
    if args == ["serve"]:
        args = serve()
    run(*args)


if __name__ == "__main__":
    main()
