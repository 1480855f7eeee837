"""Memory of each phase after extraction, in the process that ran the OCR: what
``bench_pages_rss.py``'s progress lines cannot separate (detection, the refold and the
rendition build all run between the last extraction read and the first gate read).

    .venv/bin/python bench/bench_phase_rss.py [--pages 60] [--ocr real|text]

Builds ``bench_pages_rss``'s scan of N pages, extracts it (``--ocr real``: RapidOCR, so the
process's heap is what a real scan leaves; ``text``: the fake that reads 30 lines a page),
then runs ``formats.build``'s rounds one phase at a time: fixpoint detection, rendition,
reread by the independent extractors, refold. After each phase it prints RSS, the phase's
own peak (VmHWM, reset between phases through ``/proc/self/clear_refs``) and seconds.
Linux only (``clear_refs``); prints figures, never document text.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pages_rss import _status_mib, _text_ocr, build_pdf  # noqa: E402


class Phases:
    """Prints RSS and the peak since the last mark, then resets the peak."""

    def __init__(self) -> None:
        self.began = time.perf_counter()
        self.reset()

    def reset(self) -> None:
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS

    def mark(self, name: str) -> None:
        rss, peak = _status_mib("VmRSS"), _status_mib("VmHWM")
        took = time.perf_counter() - self.began
        print(f"  {name:<22} rss MiB {rss:5.0f}  phase peak MiB {peak:5.0f}  s {took:6.1f}")
        sys.stdout.flush()
        self.reset()


def _format(ocr: str) -> object:
    from config import get_settings
    from formats.pdf import PdfFormat
    from redaction.pdf import PdfiumEngine

    engine = PdfiumEngine.from_settings(get_settings())
    limits = replace(engine.limits, max_seconds=1e6, ocr_page_seconds=1e6, max_bytes=1 << 31)
    if ocr == "real":
        from redaction.ocr_rapid import RapidOcrEngine

        reader: object = RapidOcrEngine()
    else:
        reader = _text_ocr()
    return PdfFormat(PdfiumEngine(engine.dpi, limits, reader))  # type: ignore[arg-type]


def run(pages: int, ocr: str) -> None:
    from config import get_settings
    from formats.build import REFOLD_ROUNDS, open_safely
    from formats.ports import OpenContext
    from redaction.detector import Detector
    from redaction.leakcheck import redact_to_fixpoint
    from redaction.pdf import WithFindings
    from redaction.refold import extractor_findings

    fmt = _format(ocr)
    detector = Detector(get_settings().spacy_model)
    phases = Phases()
    opened = open_safely(fmt, build_pdf(pages, scan=True), OpenContext("bench"))  # type: ignore[arg-type]
    phases.mark(f"extract ({pages} pages)")
    extra = list(opened.extra)
    for round_ in range(REFOLD_ROUNDS):
        result = redact_to_fixpoint(opened.text, WithFindings(detector, opened.text, extra))
        phases.mark(f"{round_}: fixpoint")
        data = fmt.render(opened, result)  # type: ignore[attr-defined]
        phases.mark(f"{round_}: rendition")
        texts = fmt.reread(data, opened.ref)  # type: ignore[attr-defined]
        phases.mark(f"{round_}: reread")
        refold = extractor_findings(texts, result, detector)
        del texts
        phases.mark(f"{round_}: refold")
        if not refold:
            break
        extra += refold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--ocr", choices=("real", "text"), default="real")
    args = parser.parse_args()
    print(f"{args.pages}-page scan, OCR {args.ocr}: RSS after each phase and its own peak")
    run(args.pages, args.ocr)


if __name__ == "__main__":
    main()
