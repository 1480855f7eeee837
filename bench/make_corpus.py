"""Generate a synthetic inbox of legal and medical documents (deterministic, all invented).

    .venv/bin/python bench/make_corpus.py OUT_DIR --count 1000 [--seed 7] [--pdf-share 0.05]

Writes ``OUT_DIR/legal/*.txt|pdf`` and ``OUT_DIR/medical/*.txt|pdf`` plus
``OUT_DIR/../<name>.pii.json`` (every PII string written, for leak scans; kept outside
the inbox). File names carry a surname on purpose: names are PII and must be sealed.
Reuses the ideas of ``scripts/make_samples.py`` (every identifier goes through a registry).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

FIRST = [
    "Marisol",
    "Teodor",
    "Aurelia",
    "Desmond",
    "Ingrid",
    "Rafferty",
    "Yolanda",
    "Cosmo",
    "Philippa",
    "Leandro",
    "Wilhelmina",
    "Octavio",
    "Henrietta",
    "Bartholomew",
    "Saoirse",
]
LAST = [
    "Quintanilla",
    "Abernathy",
    "Vasquez-Lowe",
    "Okonkwo",
    "Thistlewood",
    "Brannigan",
    "Castellanos",
    "Featherstone",
    "Lindqvist",
    "Mbeki",
    "Pemberton",
    "Zielinski",
]
CITIES = [("Springfield", "IL", "62704"), ("Columbus", "OH", "43215"), ("Tacoma", "WA", "98402")]
STREETS = ["Maple Avenue", "Harbor Road", "Juniper Lane", "Kingsley Street"]
DRUGS = ["Metformin 500 mg", "Lisinopril 10 mg", "Atorvastatin 40 mg", "Furosemide 20 mg"]


class Corpus:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.pii: set[str] = set()

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def add(self, value: str) -> str:
        self.pii.add(value)
        return value

    def person(self) -> str:
        first, last = self.pick(FIRST), self.pick(LAST)
        self.add(first), self.add(last)
        return self.add(f"{first} {last}")

    def styled(self, person: str) -> str:
        """``person`` in one of the ways documents write names (every style is PII)."""
        first, last = person.split()
        styles = [
            f"{last.upper()}, {first}",
            f"{first[0]}. {last}",
            f"{self.pick(['Mr.', 'Ms.', 'Mrs.'])} {last}",
            person.upper(),
            f"{last}, {first[0]}.",
        ]
        return self.add(self.pick(styles))

    def phone(self) -> str:
        return self.add(f"({self.rng.randint(201, 989)}) 555-{self.rng.randint(1000, 9999)}")

    def ssn(self) -> str:
        return self.add(
            f"{self.rng.randint(100, 665)}-{self.rng.randint(10, 99)}-"
            f"{self.rng.randint(1000, 9999)}"
        )

    def date(self) -> str:
        return self.add(
            f"{self.rng.randint(1, 12):02d}/{self.rng.randint(1, 28):02d}/"
            f"{self.rng.randint(1950, 2005)}"
        )

    def address(self) -> str:
        city, state, zip_code = self.rng.choice(CITIES)
        street = self.add(f"{self.rng.randint(10, 9999)} {self.pick(STREETS)}")
        return f"{street}, {city}, {state} {self.add(zip_code)}"

    def medical(self, n: int) -> tuple[str, str]:
        patient, doctor = self.person(), self.person()
        mrn = self.add(f"MRN {self.rng.randint(1000000, 9999999)}")
        text = (
            f"DISCHARGE SUMMARY\n\nPatient: {patient}\nDOB: {self.date()}\n{mrn}\n"
            f"Address: {self.address()}\nPhone: {self.phone()}\n\n"
            f"The patient was admitted with community-acquired pneumonia and treated with "
            f"{self.pick(DRUGS)}. Vital signs stabilised within 48 hours. "
            f"{patient.split()[0]} tolerated oral intake and was discharged home.\n\n"
            f"Attending physician: Dr. {doctor}\n"
            f"Copy to: {self.styled(patient)}; referring clinician {self.styled(doctor)}\n"
        )
        return patient.split()[1], text

    def legal(self, n: int) -> tuple[str, str]:
        plaintiff, defendant, counsel = self.person(), self.person(), self.person()
        text = (
            f"IN THE CIRCUIT COURT\n\n{plaintiff}, Plaintiff,\nv.\n{defendant}, Defendant.\n\n"
            f"COMPLAINT\n\n1. Plaintiff resides at {self.address()} and may be reached at "
            f"{self.phone()}.\n2. Defendant's Social Security number is {self.ssn()}.\n"
            f"3. On {self.date()} the parties entered into a written agreement.\n"
            f"4. Defendant breached the agreement by failing to pay the sums due.\n\n"
            f"Respectfully submitted,\n/s/ {counsel}\nCounsel for Plaintiff\n"
            f"cc: {self.styled(defendant)}; {self.styled(plaintiff)}\n"
        )
        return plaintiff.split()[1], text


def pdf_bytes(text: str) -> bytes:
    from fpdf import FPDF

    doc = FPDF()
    doc.add_page()
    doc.set_font("Helvetica", size=11)
    for line in text.splitlines():
        doc.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(doc.output())


def write_corpus(out: Path, count: int, seed: int = 7, pdf_share: float = 0.0) -> list[str]:
    """Write ``count`` documents into the inbox ``out``; return the PII values written."""
    corpus = Corpus(seed)
    for n in range(count):
        kind = "medical" if n % 2 else "legal"
        surname, text = corpus.medical(n) if kind == "medical" else corpus.legal(n)
        folder = out / kind
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"{surname.lower()}-{kind}-{n:05d}"
        if corpus.rng.random() < pdf_share:
            (folder / f"{stem}.pdf").write_bytes(pdf_bytes(text))
        else:
            (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    return sorted(corpus.pii)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pdf-share", type=float, default=0.05)
    args = parser.parse_args()
    values = write_corpus(args.out, args.count, args.seed, args.pdf_share)
    pii = args.out.parent / f"{args.out.name}.pii.json"
    pii.write_text(json.dumps(values, indent=1), encoding="utf-8")
    print(f"{args.count} documents in {args.out}; {len(values)} PII values in {pii}")


if __name__ == "__main__":
    main()
