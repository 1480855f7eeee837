"""Runs inside bench/.venv-presidio: Presidio on a list of files, same spaCy model as Sealroom.

Usage: presidio_run.py MODEL OUT.jsonl FILE... ; prints {"chars": n, "seconds": s,
"cpu_seconds": c} (analysis time only, engine start-up excluded, which favours Presidio).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider


def main() -> None:
    model, out, *files = sys.argv[1:]
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine())
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    engine.analyze(text="warm up John Smith", language="en")
    began, cpu = time.perf_counter(), time.process_time()
    results = [engine.analyze(text=t, language="en") for t in texts]
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    with open(out, "w", encoding="utf-8") as fh:
        for path, found in zip(files, results, strict=True):
            spans = [{"start": r.start, "end": r.end, "label": r.entity_type} for r in found]
            fh.write(json.dumps({"path": path, "spans": spans}) + "\n")
    print(json.dumps({"chars": sum(map(len, texts)), "seconds": seconds, "cpu_seconds": cpu}))


if __name__ == "__main__":
    main()
