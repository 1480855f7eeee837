"""PDF limits: each check at its boundary (table), defaults shared with the settings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from config import defaults
from config.settings import Settings
from models.errors import DocumentTimeout, DocumentTooLarge, UnsupportedDocument
from redaction.pdf import PdfiumEngine
from redaction.pdf_limits import DEFAULT_LIMITS, Deadline, PdfLimits

SMALL = PdfLimits(max_bytes=10, max_pages=2, max_chars_per_page=5, max_page_points=100.0,
                  max_page_pixels=100, max_unmapped_chars=0, max_stream_bytes=10,
                  max_decoded_bytes=20, max_image_pixels=100)  # fmt: skip


@pytest.mark.parametrize(
    ("check", "ok", "too_much", "error"),
    [
        (lambda v: SMALL.check_bytes(v, "d"), 10, 11, DocumentTooLarge),
        (lambda v: SMALL.check_pages(v, "d"), 2, 3, DocumentTooLarge),
        (lambda v: SMALL.check_chars(v, "d"), 5, 6, DocumentTooLarge),
        (lambda v: SMALL.check_page_size(v, 1.0, "d"), 100, 101, DocumentTooLarge),
        (lambda v: SMALL.check_pixels(v, 1, "d"), 100, 101, DocumentTooLarge),
        (lambda v: SMALL.check_unmapped(v, "d"), 0, 1, UnsupportedDocument),
        (lambda v: SMALL.check_stream(v, "d"), 10, 11, DocumentTooLarge),
        (lambda v: SMALL.check_decoded(v, "d"), 20, 21, DocumentTooLarge),
        (lambda v: SMALL.check_image(v, 1, "d"), 100, 101, DocumentTooLarge),
    ],
)
def test_limits_at_their_boundary(
    check: Callable[[int], None], ok: int, too_much: int, error: type[Exception]
) -> None:
    check(ok)
    with pytest.raises(error):
        check(too_much)


def test_a_passed_deadline_raises() -> None:
    Deadline(float("inf"), "d").check()
    with pytest.raises(DocumentTimeout):
        Deadline(0.0, "d").check()


def test_defaults_are_the_settings_defaults() -> None:
    assert DEFAULT_LIMITS.max_bytes == defaults.MAX_DOCUMENT_BYTES
    from_settings = PdfiumEngine.from_settings(Settings()).limits
    assert from_settings == DEFAULT_LIMITS
