"""Peak memory of one long PDF through redaction: `sealroom redact`'s own path (the format
registry from the settings, the real detector, rendition, leak gate) in a child process.

    .venv/bin/python bench/bench_pages_rss.py [--pages 300] [--ocr real|none] [--scan]

Builds its own document (made-up text, 30 lines a page) of N pages, born-digital or, with
``--scan``, every page an image only (OCR reads it). ``--ocr none`` swaps the OCR engine
for one that reads nothing: the memory of the PDF path alone, in minutes instead of the
hours real OCR of every page takes on a small machine (the pixel gate reads every
rendition page, text PDFs included). Prints pages, seconds, the gate's verdict (problem
count) and the child's peak RSS (ru_maxrss); never document text.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LINE = "Item {n}: Claimant Odalys Brennecke called (971) 555-{k:04d} about the invoice."
LIMIT_GIB = 1.5


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


def child(path: Path, ocr: str) -> None:
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
    if ocr == "none":
        engine = PdfiumEngine(engine.dpi, engine.limits, FakeOcr())
    registry = build_registry(engine, format_limits(settings))
    detector = Detector(settings.spacy_model)
    began = time.perf_counter()
    rendition, problems = build(
        detector, MediaType.PDF, path.read_bytes(), "bench", formats=registry
    )
    took = time.perf_counter() - began
    rate = rendition.pages / took
    print(f"pages {rendition.pages}  seconds {took:.1f}  pages/s {rate:.2f}", end="")
    print(f"  gate problems {len(problems)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--ocr", choices=("real", "none"), default="real")
    parser.add_argument("--scan", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.ocr)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.pdf"
        path.write_bytes(build_pdf(args.pages, args.scan))
        kind = "scan" if args.scan else "text"
        print(
            f"{args.pages}-page {kind} PDF, {path.stat().st_size / 2**20:.1f} MiB, OCR {args.ocr}"
        )
        command = [sys.executable, __file__, "--child", str(path), "--ocr", args.ocr]
        subprocess.run(command, check=True, cwd=ROOT)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20  # KiB -> GiB
    verdict = "under" if peak < LIMIT_GIB else "OVER"
    print(f"peak RSS {peak:.2f} GiB ({verdict} the {LIMIT_GIB} GiB goal)")


if __name__ == "__main__":
    main()
