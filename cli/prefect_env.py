"""Prefect's start-up waits, set deliberately before Prefect is first imported.

Prefect's temporary (ephemeral) API server gives itself 20 s to come up by default; on a
busy two-core machine a first start (database migrations included) takes longer, and the
run dies with "Timed out while attempting to connect to ephemeral Prefect API server".
Every ``sealroom`` command that may start that server gets a longer wait here, unless the
operator set one. A server that still does not come up is reported in one clear line.
"""

from __future__ import annotations

import os

STARTUP_TIMEOUT_SECONDS = 300
_PREFECT_DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": str(STARTUP_TIMEOUT_SECONDS),
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}
_TIMEOUT_MARK = "Timed out while attempting to connect to ephemeral Prefect API server"


def set_startup_waits() -> None:
    """Give Prefect's temporary server a deliberate start-up budget (the operator's own
    ``PREFECT_*`` values win)."""
    for name, value in _PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)


def startup_failure(exc: BaseException) -> str | None:
    """One line for an operator when ``exc`` is Prefect's start-up time-out, else None."""
    if _TIMEOUT_MARK not in str(exc):
        return None
    waited = os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "20")
    return (
        f"error: Prefect's temporary API server did not start within {waited} s; the machine "
        "may be overloaded. Raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, or point "
        "PREFECT_API_URL at a running Prefect server."
    )
