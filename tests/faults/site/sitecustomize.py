"""Test-only: Python imports this at start-up when ``tests/faults/site`` is on
``PYTHONPATH``, which only the work-pool test cluster puts there (bench/pool_harness.py,
``faults=True``). With ``FAULT_POINTS_DIR`` also set it arms the fault points of
``fault_points``; otherwise it does nothing. Production never has this directory on its
path."""

import os

if os.environ.get("FAULT_POINTS_DIR"):
    import fault_points

    fault_points.install(os.environ["FAULT_POINTS_DIR"])
