"""PDF benchmark: `sealroom redact` on an eval sample's PDFs, then a gold-PII leak check of
every rendition, then pages/s for extract + redact + render + gate (in one process).

    .venv/bin/python bench/bench_pdf.py [CORPUS] [--repeat N]

CORPUS holds ``pdf/*.pdf`` and ``gold.jsonl`` (default ``../shared/eval/dev``). A gold
string (labels other than NEUTRAL/AMBIGUOUS) leaks if the rendition's text, by pypdf or
by poppler's ``pdftotext`` when installed, contains it: whole words with any whitespace
between them, case-insensitive; values of 8+ non-space chars also with all whitespace
removed. Prints one line per leak (document, label, shape of the value, never the value
itself), per-stage timings and pages/s. Exit status 1 if anything leaked.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SKIP_LABELS = {"NEUTRAL", "AMBIGUOUS"}
SQUASHED_MIN = 8


def gold_values(gold: Path) -> dict[str, list[tuple[str, str]]]:
    values: dict[str, list[tuple[str, str]]] = {}
    for line in gold.read_text("utf-8").splitlines():
        row = json.loads(line)
        spans = [s for s in row["spans"] if s["label"] not in SKIP_LABELS]
        values[row["doc"]] = [(s["label"], s["text"]) for s in spans]
    return values


def shape(value: str) -> str:
    """A value's shape (letters -> a/A, digits -> 9), safe to print."""
    return re.sub(r"[a-z]", "a", re.sub(r"[A-Z]", "A", re.sub(r"\d", "9", value)))


def leaks(text: str, values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    from redaction.matching import value_pattern

    squashed = re.sub(r"\s+", "", text).casefold()
    found = []
    for label, value in values:
        pattern = value_pattern([value])
        key = re.sub(r"\s+", "", value).casefold()
        if (pattern is not None and pattern.search(text)) or (
            len(key) >= SQUASHED_MIN and key in squashed
        ):
            found.append((label, value))
    return found


def rendition_texts(data: bytes) -> list[str]:
    from redaction.pdf import pdftotext_text, rendition_text

    texts = [rendition_text(data)]
    poppler = pdftotext_text(data)
    return texts if poppler is None else [*texts, poppler]


def run_cli(pdfs: list[Path], out: Path) -> tuple[float, str]:
    began = time.perf_counter()
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "sealroom"), "redact", *map(str, pdfs), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    return time.perf_counter() - began, done.stderr


def check_renditions(pdfs: list[Path], out: Path, gold: dict[str, list[tuple[str, str]]]) -> int:
    leaked = missing = 0
    for pdf in pdfs:
        rendition = out / pdf.name
        if not rendition.exists():
            print(f"  {pdf.stem}: no rendition (refused or quarantined)")
            missing += 1
            continue
        found = {
            hit
            for text in rendition_texts(rendition.read_bytes())
            for hit in leaks(text, gold[pdf.stem])
        }
        for label, value in sorted(found):
            print(f"  {pdf.stem}: LEAK {label} shape={shape(value)!r}")
        leaked += len(found)
    total = sum(len(gold[p.stem]) for p in pdfs)
    print(f"gold values: {total}, leaked: {leaked}, documents without rendition: {missing}")
    return leaked


def throughput(pdfs: list[Path], repeat: int) -> None:
    """Per-stage time and pages/s, detector loaded once (start-up excluded)."""
    from config import get_settings
    from redaction import pdf
    from redaction.detector import Detector
    from redaction.gate import gate_pdf
    from redaction.leakcheck import redact_to_fixpoint

    detector = Detector(get_settings().spacy_model)
    engine = pdf.PdfiumEngine.from_settings(get_settings())
    stages = dict.fromkeys(("extract", "redact", "render", "gate"), 0.0)
    pages = 0
    for _ in range(repeat):
        for path in pdfs:
            data = path.read_bytes()
            t0 = time.perf_counter()
            parsed, password = engine.open_text(data, ref="bench")
            t1 = time.perf_counter()
            covered = pdf.covered_findings(parsed)
            result = redact_to_fixpoint(
                parsed.text, pdf.WithFindings(detector, parsed.text, covered)
            )
            t2 = time.perf_counter()
            out = engine.build_rendition(data, parsed, result, password, ref="bench")
            t3 = time.perf_counter()
            gate_pdf(out, result, detector, parsed.page_count, engine)
            t4 = time.perf_counter()
            for name, took in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                stages[name] += took
            pages += parsed.page_count
    total = sum(stages.values())
    for name, took in stages.items():
        print(f"  {name:<8} {took:8.2f} s  {pages / took:8.1f} pages/s")
    print(
        f"extract+redact+render+gate: {pages} pages in {total:.2f} s = {pages / total:.2f} pages/s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval" / "dev"
    )
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    pdfs = sorted((args.corpus / "pdf").glob("*.pdf"))
    gold = gold_values(args.corpus / "gold.jsonl")
    with tempfile.TemporaryDirectory(prefix="sealroom-bench-") as tmp:
        took, stderr = run_cli(pdfs, Path(tmp))
        print(f"sealroom redact: {len(pdfs)} PDFs in {took:.1f} s (CLI, start-up included)")
        for line in stderr.splitlines():
            print(f"  stderr: {line}")
        leaked = check_renditions(pdfs, Path(tmp), gold)
    throughput(pdfs, args.repeat)
    return 1 if leaked else 0


if __name__ == "__main__":
    raise SystemExit(main())
