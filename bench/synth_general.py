"""Runs inside bench/.venv-synth (``bench/setup_synth.sh``): writes a general-English PII set
shaped like Presidio's own synthetic evaluation set, in the layout of ``../shared/eval/dev``.

    bench/.venv-synth/bin/python bench/synth_general.py OUT_DIR [--n 1500] [--seed 4242]

presidio-evaluator's ``PresidioSentenceFaker`` (its templates, Faker values, 5% lower-cased)
makes the sentences; its entity types map to the scorer's labels below. Score it like any eval
sample: ``sealroom detect OUT_DIR/docs/*.txt --format jsonl > p.jsonl`` and
``python3 ../shared/eval/score.py OUT_DIR p.jsonl``. The set is for measuring only: nothing of
it (values, templates) may enter the product's code, lexicons or tests.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from presidio_evaluator.data_generator import PresidioSentenceFaker

# Presidio entity type -> scorer label. Titles and nationalities/religions/politics are
# ignored either way; towns, regions and countries count as ADDRESS (the set's "GPE").
LABELS = {
    "PERSON": "PERSON",
    "STREET_ADDRESS": "ADDRESS",
    "GPE": "ADDRESS",
    "ZIP_CODE": "ADDRESS",
    "ORGANIZATION": "ORGANIZATION",
    "CREDIT_CARD": "CREDIT_CARD",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "TITLE": "AMBIGUOUS",
    "AGE": "AGE",
    "NRP": "AMBIGUOUS",
    "EMAIL_ADDRESS": "EMAIL",
    "DOMAIN_NAME": "URL",
    "IBAN_CODE": "ACCOUNT",
    "US_DRIVER_LICENSE": "LICENSE",
    "IP_ADDRESS": "IP_ADDRESS",
    "US_SSN": "SSN",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=4242)
    a = ap.parse_args()
    faker = PresidioSentenceFaker(locale="en", lower_case_ratio=0.05, random_seed=a.seed)
    (a.out / "docs").mkdir(parents=True, exist_ok=True)
    with (a.out / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for i, sample in enumerate(faker.generate_new_fake_sentences(a.n)):
            doc, text = f"{i:04d}", sample.full_text
            (a.out / "docs" / f"{doc}.txt").write_text(text, encoding="utf-8")
            spans = [
                {
                    "start": s.start_position,
                    "end": s.end_position,
                    "label": LABELS.get(s.entity_type, "AMBIGUOUS"),
                    "text": text[s.start_position : s.end_position],
                }
                for s in sample.spans
            ]
            gold.write(json.dumps({"doc": doc, "kind": "legal", "spans": spans}) + "\n")
    print(f"{a.n} documents in {a.out}")


if __name__ == "__main__":
    main()
