"""ISO 8601 timestamps taken whole: "2031-07-14 09:26:51", "2031-07-14T09:26:51.123456+02:00".

The date patterns take the date and leave the time of day readable after it; a timestamp's time
narrows the date to a moment, so it goes with it. Only the ISO shape (a four-digit year, month
and day joined by hyphens, then "T" or one blank and hours:minutes): times after other date
formats ("07/18/2000 03:49 PM" in mail headers) stay as they are. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding

SOURCE = "pattern:timestamp"
_TIMESTAMP = re.compile(
    r"(?<![\w.-])(?:1[89]|2\d)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"(?:T|[ \t])(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?"
    r"(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?(?![\w:])"
)


def find_timestamps(text: str) -> Iterator[Finding]:
    """ISO dates with a time of day."""
    for m in _TIMESTAMP.finditer(text):
        yield Finding(m.start(), m.end(), "DATE", 0.9, SOURCE)
