"""Third-party PDF libraries' logs and warnings never reach a log or a terminal verbatim.

pypdf (and friends, and the Word and Outlook readers) quote raw bytes of malformed files
in their warnings, e.g. ``NumberObject(b'...') invalid``, and those bytes may be a name
from the document's Info dictionary or trailer. ``install`` (run when ``redaction.pdf`` is
imported, so in every process that can parse a PDF or, through ``formats``, any document)
gives each library logger a first handler that replaces the
message by the logger name (noted at DEBUG on ``sealroom.library``), stops the loggers
propagating, and withholds the text of warnings raised from those libraries' code.
"""

from __future__ import annotations

import logging
import os
import warnings
from typing import Any, TextIO

LIBRARIES = (
    "pypdf",
    "pypdfium2",
    "fpdf",
    "PIL",
    "fontTools",
    "extract_msg",
    "olefile",
    "docx",
    "RTFDE",
)
FORWARD = logging.getLogger("sealroom.library")


WITHHELD = "%s message withheld (PDF libraries quote document bytes)"


class Withheld(logging.Handler):
    """The first handler of each library logger: it rewrites the record itself (so every
    handler after it, here or up the hierarchy, sees no document bytes) and notes it at
    DEBUG on ``sealroom.library``."""

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = WITHHELD, (record.name,)
        record.exc_info = record.exc_text = record.stack_info = None
        FORWARD.debug(WITHHELD, record.name)


def _from_library(filename: str) -> bool:
    parts = set(os.path.normpath(filename).split(os.sep))
    return any(lib in parts for lib in LIBRARIES)


def _showwarning(original: Any) -> Any:
    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if _from_library(filename):
            FORWARD.debug("%s from a PDF library withheld", category.__name__)
            return
        original(message, category, filename, lineno, file, line)

    show.sealroom_quiet = True  # type: ignore[attr-defined]
    return show


def install() -> None:
    """Idempotent; safe to call from every process."""
    for name in LIBRARIES:
        logger = logging.getLogger(name)
        if not any(isinstance(h, Withheld) for h in logger.handlers):
            logger.handlers.insert(0, Withheld())  # before any handler added earlier
        logger.propagate = False
    if not getattr(warnings.showwarning, "sealroom_quiet", False):
        warnings.showwarning = _showwarning(warnings.showwarning)
