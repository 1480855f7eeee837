"""The per-item loop every stage driver runs: one failed item never stops the others.

A driver takes an ``on_failure(item_id, exc)`` callback: the flows log the id and the
error code and carry on; the default re-raises, so a test sees the first failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from models.errors import SealroomError

OnFailure = Callable[[str, Exception], None]


def reraise(_item: str, exc: Exception) -> None:
    raise exc


def each(items: Iterable[str], work: Callable[[str], object], on_failure: OnFailure) -> list[str]:
    """Run ``work`` per item; hand each failure to ``on_failure``; return the failed ids."""
    failed = []
    for item in items:
        try:
            work(item)
        except Exception as exc:
            on_failure(item, exc)
            failed.append(item)
    return failed


def error_code(exc: BaseException) -> str:
    """A failure as logs and task states may show it: our code, else the class name."""
    return exc.code if isinstance(exc, SealroomError) else type(exc).__name__
