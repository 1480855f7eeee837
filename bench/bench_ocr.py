"""OCR benchmark: a born-digital PDF and a scan of the same pages through the same pipeline
steps in one run, the share of time OCR takes in each, and the peak RSS of one scan.

    .venv/bin/python bench/bench_ocr.py [--pages N] [--rss-pages M] [--dpi D]

Builds its own documents (made-up text): N text pages, and the same N pages rendered at
D dpi (default 200), skewed 1 degree, JPEG-compressed and embedded as a scan. For each:
extract (OCR for the scan) + redact + render + gate (the pixel gate reads every rendition
page by OCR, text PDF included), with the seconds spent inside OCR counted separately.
Then an M-page scan (default 300) goes through the same steps in a child process, whose
peak RSS is printed (ru_maxrss of the child). Prints figures only; no document text.
"""

from __future__ import annotations

import argparse
import io
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LINES = [
    "UNITED STATES DISTRICT COURT FOR THE DISTRICT OF NOWHERE",
    "Plaintiff Harriet Vandermeer, by counsel, states as follows:",
    "1. Plaintiff resides at 2218 Quillfeather Lane, Marlow, Oregon 97001.",
    "2. Plaintiff may be reached at (503) 555-0186 or hvm@example.org.",
    "3. Defendant Corwin Ashgrove employed Plaintiff from 2015 to 2021.",
    "4. The events described below took place in the spring of 2020.",
    "Respectfully submitted, Ines Okonjo-Baptiste, Bar No. 448812",
]


class TimedOcr:
    """Counts the seconds and pages the wrapped OCR engine spends."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.seconds = 0.0
        self.pages = 0

    def read(self, image):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        try:
            return self.inner.read(image)  # type: ignore[attr-defined]
        finally:
            self.seconds += time.perf_counter() - began
            self.pages += 1


def text_pdf(pages: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="letter")
    pdf.set_font("Helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        for row, line in enumerate(LINES):
            pdf.text(72, 90 + row * 28, line)
        pdf.text(300, 760, f"Page {number + 1}")
    return bytes(pdf.output())


def scan_pdf(pages: int, dpi: int) -> bytes:
    import pypdfium2 as pdfium
    from fpdf import FPDF
    from PIL import Image

    source = pdfium.PdfDocument(text_pdf(1))
    image = source[0].render(scale=dpi / 72).to_pil().convert("L")
    image = image.rotate(1.0, expand=True, fillcolor=255)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    scan = Image.open(io.BytesIO(buffer.getvalue()))
    pdf = FPDF(unit="pt", format="letter")
    for _ in range(pages):
        pdf.add_page()
        pdf.image(scan, x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


def pipeline(data: bytes, detector: object, engine: object) -> dict[str, float]:
    from redaction import pdf
    from redaction.gate import gate_pdf
    from redaction.leakcheck import redact_to_fixpoint
    from redaction.pdf_burnmask import shown_burns

    t0 = time.perf_counter()
    parsed, password = engine.open_text(data, ref="bench")  # type: ignore[attr-defined]
    t1 = time.perf_counter()
    with_covered = pdf.WithFindings(detector, parsed.text, pdf.covered_findings(parsed))
    result = redact_to_fixpoint(parsed.text, with_covered)  # type: ignore[arg-type]
    t2 = time.perf_counter()
    out = engine.build_rendition(data, parsed, result, password, ref="bench")  # type: ignore[attr-defined]
    t3 = time.perf_counter()
    burns = shown_burns(data, parsed, result, password, "bench", engine.limits)  # type: ignore[attr-defined]
    problems = gate_pdf(out, result, detector, parsed.page_count, engine, burns)  # type: ignore[arg-type]
    t4 = time.perf_counter()
    return {
        "extract": t1 - t0,
        "redact": t2 - t1,
        "render": t3 - t2,
        "gate": t4 - t3,
        "pages": parsed.page_count,
        "problems": len(problems),
    }


def setup() -> tuple[object, object, TimedOcr]:
    from dataclasses import replace

    from config import get_settings
    from redaction import pdf
    from redaction.detector import Detector
    from redaction.ocr_rapid import RapidOcrEngine

    settings = get_settings()
    timed = TimedOcr(RapidOcrEngine())
    base = pdf.PdfiumEngine.from_settings(settings)
    limits = replace(base.limits, max_bytes=10**10)
    engine = pdf.PdfiumEngine(settings.pdf_dpi, limits, timed)  # type: ignore[arg-type]
    return Detector(settings.spacy_model), engine, timed


def report(name: str, data: bytes, detector: object, engine: object, timed: TimedOcr) -> None:
    timed.seconds, timed.pages = 0.0, 0
    took = pipeline(data, detector, engine)
    total = sum(took[k] for k in ("extract", "redact", "render", "gate"))
    pages = took["pages"]
    steps = "  ".join(f"{k} {took[k]:.2f}s" for k in ("extract", "redact", "render", "gate"))
    print(f"{name}: {pages:.0f} pages in {total:.2f} s = {pages / total:.3f} pages/s ({steps})")
    print(
        f"  OCR: {timed.pages} page reads in {timed.seconds:.2f} s = "
        f"{timed.pages / max(timed.seconds, 1e-9):.3f} pages/s, "
        f"{100 * timed.seconds / total:.0f}% of pipeline time; "
        f"gate problems: {took['problems']:.0f}"
    )


def child(pages: int, dpi: int) -> None:
    detector, engine, timed = setup()
    report(f"scan x{pages}", scan_pdf(pages, dpi), detector, engine, timed)


def peak_rss(pages: int, dpi: int) -> None:
    began = time.perf_counter()
    cmd = [sys.executable, __file__, "--child", str(pages), "--dpi", str(dpi)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    print(done.stdout.rstrip())
    if done.returncode:
        print(f"  child failed with status {done.returncode}: {done.stderr.strip()[-300:]}")
    rss_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"peak RSS for a {pages}-page scan: {rss_mib:.0f} MiB ({time.perf_counter() - began:.0f} s)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--rss-pages", type=int, default=300)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.dpi)
        return 0
    if args.pages:
        detector, engine, timed = setup()
        report("text PDF", text_pdf(args.pages), detector, engine, timed)
        report("scanned PDF", scan_pdf(args.pages, args.dpi), detector, engine, timed)
    if args.rss_pages:
        peak_rss(args.rss_pages, args.dpi)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
