"""``sealroom status``'s run section: the latest flow runs and whether the last one failed.

Which Prefect API is read: ``PREFECT_API_URL`` when set (a server, ``sealroom serve`` on
several machines); else the database of ``PREFECT_HOME`` when set; else, when it exists,
``$SEALROOM_HOME/prefect`` (where ``sealroom serve`` keeps its server's database), through
Prefect's temporary server. An unreachable API gives ``runs_known: false``, not an error.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from config import Settings

RUNS_PER_FLOW = 3


def choose_prefect_home(settings: Settings) -> None:
    """Point Prefect at serve's database when nothing else is configured."""
    if os.environ.get("PREFECT_API_URL") or os.environ.get("PREFECT_HOME"):
        return
    served = settings.home / "prefect"
    if served.is_dir():
        os.environ["PREFECT_HOME"] = str(served.resolve())


def run_section(settings: Settings) -> dict[str, Any]:
    """``runs`` (newest few per flow and deployment), ``failed_flows`` (those whose newest
    run failed or crashed), ``last_run_failed`` (the alert) and ``runs_known``."""
    choose_prefect_home(settings)
    from flows.run_status import last_run_failed, latest, recent_runs

    try:
        rows = asyncio.run(recent_runs())
    except Exception:  # the API is down or unreachable: say so, don't fail the dashboard
        return {"runs": [], "failed_flows": [], "last_run_failed": False, "runs_known": False}
    failed = last_run_failed(rows)
    return {
        "runs": [r.as_json() for r in latest(rows, RUNS_PER_FLOW)],
        "failed_flows": failed,
        "last_run_failed": bool(failed),
        "runs_known": True,
    }
