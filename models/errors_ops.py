"""Operations errors (``SR-OPS-*``): what an orchestration step raises instead of a
library error, a step that finished with failures (each a :class:`Failure`: step, id,
code, cause; never a message) and quarantine commands on a document not in quarantine.
Re-exported by ``models.errors``.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.errors_base import SealroomError


class StepFailed(SealroomError):
    """What an orchestration step raises instead of a library error (codes and ids only)."""

    code = "SR-OPS-001"
    summary = "pipeline step failed"

    def __init__(self, ref: str = "", reason: str = "", *, transient: bool = False) -> None:
        super().__init__(ref, reason)
        self.retryable = transient  # carried over from the error the step translated

    @property
    def transient(self) -> bool:
        return self.retryable


@dataclass(frozen=True)
class Failure:
    """One item a step could not finish: the step, an opaque id, an error code and the
    library's error code or exception type as the cause (never a message)."""

    step: str
    ref: str
    code: str
    cause: str = ""

    def line(self) -> str:
        cause = f" ({self.cause})" if self.cause else ""
        return f"{self.step} {self.ref}: {self.code}{cause}"


class StepIncomplete(StepFailed):
    """A step (or a run) did part of its work: ``result`` is what it did, ``failures``
    what it could not do. Fails the Prefect state; the next run retries the failures."""

    code = "SR-OPS-002"
    summary = "finished with failures"

    def __init__(self, ref: str, failures: list[Failure], result: object = None) -> None:
        self.failures = list(failures)
        self.result = result
        shown = "; ".join(f.line() for f in self.failures[:5])
        more = f"; +{len(self.failures) - 5} more" if len(self.failures) > 5 else ""
        super().__init__(ref, f"{self.summary}: {shown}{more}")

    def __reduce__(self) -> tuple[type[StepIncomplete], tuple[str, list[Failure], object]]:
        """Pickled with its own arguments (a process pool's result, Prefect's state)."""
        return (type(self), (self.ref, self.failures, self.result))


class NotQuarantined(SealroomError):
    code = "SR-OPS-003"
    summary = "document is not in quarantine (or was dismissed)"
