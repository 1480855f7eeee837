"""PostgreSQL fixtures: one server per session, one fresh database per test.

The server is ``SEALROOM_TEST_POSTGRES_URL`` when set (CI starts one in ``.ci/run``),
otherwise a throwaway cluster this fixture starts itself (``scripts/pg_server.py``). When
neither works the tests skip with the reason, unless ``SEALROOM_REQUIRE_POSTGRES=1`` (CI),
where they fail instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from scripts import pg_server

URL_ENV = "SEALROOM_TEST_POSTGRES_URL"


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL tests need a server: {reason} (set {URL_ENV} or install postgresql)"
    if os.environ.get("SEALROOM_REQUIRE_POSTGRES") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a running server's ``sealroom`` database (superuser role)."""
    given = os.environ.get(URL_ENV)
    if given:
        yield given
        return
    folder = Path(tempfile.mkdtemp(prefix="sealroom-pg-"))  # postgres must reach it
    try:
        url = pg_server.start(folder)
    except (pg_server.ServerUnavailable, OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(str(exc))
    try:
        yield url
    finally:
        pg_server.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


def _admin(server_url: str, statement: str) -> None:
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def fresh_database(server_url: str) -> str:
    """Create an empty database on the server; return its URL."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    _admin(server_url, f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, url: str) -> None:
    name = make_url(url).database
    _admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database for one test, dropped afterwards."""
    url = fresh_database(postgres_server)
    try:
        yield url
    finally:
        drop_database(postgres_server, url)
