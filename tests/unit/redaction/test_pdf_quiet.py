"""PDF libraries' log records and warnings never carry document bytes onward: records are
rewritten to the logger's name first, warnings from library files are withheld."""

from __future__ import annotations

import logging
import warnings

import pytest

from redaction import pdf_quiet

SECRET = "NumberObject(b'Quorvane Blenkiss') invalid"


def test_a_library_record_reaches_handlers_without_its_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    pdf_quiet.install()
    pdf_quiet.install()  # idempotent: one Withheld handler
    logger = logging.getLogger("pypdf._reader")
    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    parent = logging.getLogger("pypdf")
    assert sum(isinstance(h, pdf_quiet.Withheld) for h in parent.handlers) == 1
    keep = Keep()
    parent.addHandler(keep)
    try:
        with caplog.at_level(logging.DEBUG, logger="sealroom.library"):
            logger.warning(SECRET)
    finally:
        parent.removeHandler(keep)
    (record,) = seen
    assert "Quorvane" not in record.getMessage() and "pypdf._reader" in record.getMessage()
    assert all("Quorvane" not in r.getMessage() for r in caplog.records)
    assert not parent.propagate


def test_library_warnings_are_withheld_others_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(warnings, "showwarning", lambda m, *a, **k: shown.append(str(m)))
    pdf_quiet.install()
    quiet = warnings.showwarning
    quiet(UserWarning(SECRET), UserWarning, "/site-packages/pypdf/_reader.py", 10)
    quiet(UserWarning("ours"), UserWarning, "/repo/stages/redact.py", 10)
    assert shown == ["ours"]
    pdf_quiet.install()
    assert warnings.showwarning is quiet  # not wrapped twice
