"""The report's PDF rendition: an HTML file printed by headless Chromium
(``--print-to-pdf``; its own header/footer off, the report's print CSS sets them).

``PdfPrinter`` is the seam; ``ChromiumPrinter`` the real adapter (a throwaway profile
directory, no network, a time limit); ``find_chromium`` looks for the browser.
Errors carry no document content (the report has none anyway), only a code.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Protocol

from models.errors import LedgerError

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIME_LIMIT = 180


class PdfPrinter(Protocol):
    def print_pdf(self, html: Path, pdf: Path) -> None: ...


def find_chromium(configured: str | None = None) -> str | None:
    """The configured browser, else the first of ``NAMES`` on PATH; None when absent."""
    if configured:
        return shutil.which(configured)
    return next((found for name in NAMES if (found := shutil.which(name))), None)


class ChromiumPrinter:
    def __init__(self, binary: str) -> None:
        self.binary = binary

    def _command(self, html: Path, pdf: Path, profile: str) -> list[str]:
        return [
            self.binary, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-extensions", "--no-first-run", "--no-default-browser-check",
            f"--user-data-dir={profile}", "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}", html.resolve().as_uri(),
        ]  # fmt: skip

    def print_pdf(self, html: Path, pdf: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="sealroom-chromium-") as profile:
            try:
                subprocess.run(
                    self._command(html, pdf, profile),
                    check=True, capture_output=True, timeout=TIME_LIMIT,
                )  # fmt: skip
            except (OSError, subprocess.SubprocessError) as exc:
                raise LedgerError(pdf.name, "PDF rendition failed (chromium)") from exc
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise LedgerError(pdf.name, "PDF rendition failed (no output)")
