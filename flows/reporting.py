"""What a flow run tells the operator: failed steps fail, with codes and causes.

A step that did part of its work raises ``StepIncomplete`` (its Prefect state is Failed,
with ids and codes in the message); the flow goes on with the other steps and, at the
end, publishes a table artifact summarising the run, emits Prefect events (failures,
quarantines, overdue batches) that automations can notify on, and fails itself when any
step failed. Everything here carries ids, codes and counts, never document text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from models.audit import AuditEvent
from models.errors import Failure, SealroomError, StepIncomplete

_SAFE_CAUSE = re.compile(r"^[A-Za-z][A-Za-z0-9_.]{0,63}$")


def cause_of(exc: BaseException) -> str:
    """The library's error code (an S3/KMS code such as ``NoSuchBucket``) or the type of the
    underlying exception; never its message, which may quote document text."""
    inner = exc.__cause__ or exc.__context__
    if inner is None:
        return "" if isinstance(exc, SealroomError) else type(exc).__name__
    response = getattr(inner, "response", None)
    if isinstance(response, dict):
        code = str(response.get("Error", {}).get("Code", ""))
        if _SAFE_CAUSE.match(code):
            return code
    return type(inner).__name__


def code_of(exc: BaseException) -> str:
    return exc.code if isinstance(exc, SealroomError) else "SR-OPS-001"


def failure_of(step: str, ref: str, exc: BaseException) -> Failure:
    return Failure(step, ref, code_of(exc), cause_of(exc))


def settle(state: Any, step: str, default: Any) -> tuple[Any, list[Failure]]:
    """A task or flow state -> (its value, its failures). A wholly failed step yields
    ``default`` and one failure naming the step's code."""
    if state.is_completed():
        return state.result(), []
    exc = state.result(raise_on_failure=False)
    if isinstance(exc, StepIncomplete):
        return exc.result if exc.result is not None else default, exc.failures
    if isinstance(exc, BaseException):
        return default, [Failure(step, step, code_of(exc), _step_cause(exc))]
    return default, [Failure(step, step, "SR-OPS-001", str(state.type.value))]


def _step_cause(exc: BaseException) -> str:
    cause = cause_of(exc)
    return cause if cause else (exc.reason if isinstance(exc, SealroomError) else "")


@dataclass
class RunLog:
    """Accumulates one flow run's results and failures, step by step."""

    flow: str
    summary: dict[str, Any] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)

    def step(self, name: str, state: Any, default: Any) -> Any:
        value, failures = settle(state, name, default)
        return self.add(name, value, failures)

    def add(self, name: str, value: Any, failures: list[Failure]) -> Any:
        self.failures.extend(failures)
        self.rows.append(
            {
                "step": name,
                "state": "failed" if failures else "ok",
                "result": _show(value),
                "failures": "; ".join(f.line() for f in failures),
            }
        )
        return value

    def finish(self, events: Iterable[AuditEvent] = ()) -> dict[str, Any]:
        """Publish the artifact and events (failures; quarantines among the ledger
        ``events`` of this run); raise ``StepIncomplete`` if any step failed."""
        from flows.run_events import emit_failures, emit_quarantines, publish_table

        publish_table(self.flow, self.rows)
        emit_failures(self.flow, self.failures)
        emit_quarantines(events)
        if self.failures:
            raise StepIncomplete(self.flow, self.failures, self.summary)
        return self.summary


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in sorted(value.items()))
    if isinstance(value, list):
        return f"{len(value)} item(s)"
    return str(value)
