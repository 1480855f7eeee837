"""Peak memory of one long PDF through redaction: `sealroom redact`'s own path (the format
registry from the settings, the real detector, rendition, leak gate) in a child process.

    .venv/bin/python bench/bench_pages_rss.py [--pages 300 | --curve 5,20,60]
                                              [--ocr real|text|none] [--scan] [--every 10]

Builds its own document (made-up text, 30 lines a page) of N pages, born-digital or, with
``--scan``, every page an image only (OCR reads it). ``--ocr real`` is RapidOCR (one engine
per process), which on a small shared machine takes 10-50 s a page; ``--ocr text`` swaps
it for a fake that "reads" the page's 30 lines (with made-up PII, so detection, burning
and the text layer carry a real page's load) at extraction resolution and nothing at the
gate's, and ``--ocr none`` for one that reads nothing: the memory of the PDF path alone, in
minutes. ``--curve`` runs one child per page count (each its own process, so each peak is
its own) and prints the curve: flat in page count means the page loop holds one page at a
time. Prints pages, seconds, the gate's verdict (problem count, and the kinds of its
codes), each child's peak RSS (VmHWM); never document text. Every ``--every`` page reads
(extraction's at 200 dpi, the gate's at 150) the child prints a progress line: reads so
far, current and peak RSS and elapsed seconds, so a run stopped early still shows its curve.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LINE = "Item {n}: Claimant Odalys Brennecke called (971) 555-{k:04d} about the invoice."
LIMIT_GIB = 1.5
TEXT_WIDTH = 1500  # pixels: extraction reads at 200 dpi (1700 wide), the gate at 150 (1275)


def build_pdf(pages: int, scan: bool) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(pdf.creation_date.replace(year=2020))
    pdf.set_font("Helvetica", size=10)
    for page in range(pages):
        pdf.add_page()
        for row in range(30):
            pdf.text(54, 60 + row * 22, LINE.format(n=page * 30 + row, k=(page * 30 + row) % 10000))
    data = bytes(pdf.output())
    return _as_scan(data) if scan else data


def _as_scan(data: bytes) -> bytes:
    import pypdfium2 as pdfium

    from redaction.pdf_images import images_to_pdf

    doc = pdfium.PdfDocument(data)
    try:
        images = (
            (doc[i].render(scale=150 / 72).to_pil().convert("L"), 150.0) for i in range(len(doc))
        )
        return images_to_pdf(images)
    finally:
        doc.close()


def _text_ocr() -> object:
    """A fake OCR that reads a page's 30 lines at extraction resolution, nothing at the gate's."""
    from redaction.ocr import FakeOcr

    count = [0]

    def lines(image: object) -> list[tuple[str, float]]:
        if getattr(image, "width", 0) < TEXT_WIDTH:
            return []
        count[0] += 1
        first = count[0] * 30
        return [(LINE.format(n=first + r, k=(first + r) % 10000), 0.95) for r in range(30)]

    return FakeOcr(lines)


def _status_mib(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mib() -> float:
    return _status_mib("VmHWM")


class Progress:
    """An OCR engine that prints a progress line every ``every`` page reads."""

    def __init__(self, inner: object, every: int) -> None:
        self.inner = inner
        self.every = max(every, 1)
        self.reads = {"extract": 0, "gate": 0}
        self.began = time.perf_counter()

    def read(self, image: object) -> object:
        page = self.inner.read(image)  # type: ignore[attr-defined]
        phase = "extract" if getattr(image, "width", 0) >= TEXT_WIDTH else "gate"
        self.reads[phase] += 1
        if self.reads[phase] % self.every == 0:
            rss, peak = _status_mib("VmRSS"), _peak_mib()
            took = time.perf_counter() - self.began
            print(f"  {phase} reads {self.reads[phase]}  rss MiB {rss:.0f}", end="")
            print(f"  peak MiB {peak:.0f}  seconds {took:.0f}", flush=True)
        return page


def child(path: Path, ocr: str, every: int) -> None:
    from composition.formats import format_limits
    from config import get_settings
    from formats.registry import build_registry
    from models.document import MediaType
    from redaction.detector import Detector
    from redaction.ocr import FakeOcr
    from redaction.pdf import PdfiumEngine
    from stages.redact import build

    settings = get_settings()
    engine = PdfiumEngine.from_settings(settings)
    # a memory bench: time and size limits out of the way (a loaded machine reads a page in
    # minutes; a 300-page scan is over the default byte limit)
    limits = replace(engine.limits, max_seconds=1e6, ocr_page_seconds=1e6, max_bytes=1 << 31)
    if ocr == "real":
        from redaction.ocr_rapid import RapidOcrEngine

        reader: object = RapidOcrEngine()
    else:
        reader = FakeOcr() if ocr == "none" else _text_ocr()
    engine = PdfiumEngine(engine.dpi, limits, Progress(reader, every))  # type: ignore[arg-type]
    registry = build_registry(engine, format_limits(settings))
    detector = Detector(settings.spacy_model)
    began = time.perf_counter()
    rendition, problems = build(
        detector, MediaType.PDF, path.read_bytes(), "bench", formats=registry
    )
    took = time.perf_counter() - began
    rate = rendition.pages / took
    print(f"pages {rendition.pages}  seconds {took:.1f}  pages/s {rate:.3f}", end="")
    print(f"  gate problems {len(problems)}  peak MiB {_peak_mib():.0f}", flush=True)
    kinds = sorted({code.split("@")[0] for code in problems})  # codes: labels, never text
    if kinds:
        print(f"  problem kinds: {', '.join(kinds[:8])}", flush=True)


def run(pages: int, scan: bool, ocr: str, every: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.pdf"
        path.write_bytes(build_pdf(pages, scan))
        kind = "scan" if scan else "text"
        size = path.stat().st_size / 2**20
        print(f"{pages}-page {kind} PDF, {size:.1f} MiB, OCR {ocr}", flush=True)
        command = [sys.executable, __file__, "--child", str(path), "--ocr", ocr]
        command += ["--every", str(every)]
        subprocess.run(command, check=True, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--curve", help="comma-separated page counts, one child each")
    parser.add_argument("--ocr", choices=("real", "text", "none"), default="real")
    parser.add_argument("--scan", action="store_true")
    parser.add_argument("--every", type=int, default=10, help="page reads between progress lines")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.ocr, args.every)
        return
    counts = [int(n) for n in args.curve.split(",")] if args.curve else [args.pages]
    for pages in counts:
        run(pages, args.scan, args.ocr, args.every)
    print(f"goal: every peak under {LIMIT_GIB * 1024:.0f} MiB")


if __name__ == "__main__":
    main()
