"""One Prefect test harness for the whole session (its server takes 10-20 s to start)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prefect.testing.utilities import prefect_test_harness


@pytest.fixture(scope="session")
def prefect_db() -> Iterator[str]:
    """Run flows against a temporary Prefect server; yield its database URL."""
    with prefect_test_harness(server_startup_timeout=300):
        from prefect.settings import get_current_settings

        yield str(get_current_settings().server.database.connection_url.get_secret_value())
