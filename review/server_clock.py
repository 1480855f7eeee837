"""The object store's clock, read from the ``Date`` header of responses we already get.

Lease expiry is judged by the store's time, never the reviewer's. Every S3 response says
what time the server thinks it is; remembering the last one (with the local monotonic
clock to age it) gives the server's time without a round trip of its own. A reading older
than ``max_age`` seconds is not trusted, and the store asks the server again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime


class ServerClock:
    def __init__(self, max_age: float = 60.0, monotonic: Callable[[], float] = time.monotonic):
        self._max_age = max_age
        self._monotonic = monotonic
        self._seen: tuple[datetime, float] | None = None

    def observe(self, headers: dict[str, str] | None) -> None:
        """Remember the server time of a response (ignored when it carries no Date)."""
        date = (headers or {}).get("date")
        if not date:
            return
        try:
            server = parsedate_to_datetime(date).astimezone(UTC)
        except (TypeError, ValueError):
            return
        self._seen = (server, self._monotonic())

    def now(self) -> datetime | None:
        """The server's time now, or None when no fresh reading is at hand."""
        if self._seen is None:
            return None
        server, at = self._seen
        age = self._monotonic() - at
        if not 0 <= age <= self._max_age:
            return None
        return server + timedelta(seconds=age)


def response_headers(response: dict[str, object]) -> dict[str, str]:
    meta = response.get("ResponseMetadata")
    headers = meta.get("HTTPHeaders") if isinstance(meta, dict) else None
    return headers if isinstance(headers, dict) else {}
