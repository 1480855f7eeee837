"""Default values shared by the settings and the code that also runs without settings
(PDF limits in ``redaction``, batch budgets in ``review``/``stages``): each is defined here
once, and ``config.settings`` and those modules read it from here."""

from __future__ import annotations

MiB = 1024 * 1024

# documents and PDFs (hostile-input limits)
MAX_DOCUMENT_BYTES = 50 * MiB
PDF_DPI = 150
PDF_MAX_PAGES = 500
PDF_TIME_LIMIT_SECONDS = 120.0  # wall time for one PDF step (extract, or render)
PDF_MAX_STREAM_BYTES = 256 * MiB  # one stream, decompressed
PDF_MAX_DECODED_BYTES = 1024 * MiB  # all streams of the document, decompressed
PDF_MAX_PAGE_PIXELS = 60_000_000  # one rendered page, width * height
PDF_MAX_IMAGE_PIXELS = 100_000_000  # one embedded image, width * height
PDF_OCR_PAGE_SECONDS = 60.0  # added to the deadline for each page read by OCR

# reviewer batches
BATCH_MAX_DOCS = 20  # documents per batch when no routing file says otherwise
BATCH_DUE_HOURS = 72  # SLA: due time = planned time + due hours
