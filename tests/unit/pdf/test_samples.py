"""The bundled samples: PII list is complete enough to drive tests, PDFs redact cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from redaction.pdf import build_rendition, extract, rendition_problems, rendition_text

REPO = Path(__file__).resolve().parents[3]
SAMPLES = REPO / "samples"
PII: list[str] = json.loads((REPO / "tests" / "fixtures" / "sample_pii.json").read_text("utf-8"))
KEEP = [  # look-alikes that must stay readable (a subset of make_samples.KEEP)
    "Metformin 500 mg", "Lisinopril 10 mg", "Furosemide 20 mg", "HbA1c 7.2%", "INR 1.1",
    "Potassium 4.1 mmol/L", "Creatinine 1.3 mg/dL", "TSH 2.35 mIU/L", "E11.9", "J18.9",
    "I10", "42 U.S.C. Section 1983", "Fed. R. Civ. P. 30(b)(6)", "M.G.L. c. 93A, Section 9",
]  # fmt: skip
PDFS = sorted(SAMPLES.rglob("*.pdf"))


def _sample_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return extract(path.read_bytes()).text
    return path.read_text("utf-8")


def test_sample_set_shape():
    names = sorted(p.name for p in SAMPLES.rglob("*") if p.is_file())
    assert len(PDFS) == 3
    assert len([n for n in names if n.endswith(".txt")]) == 3
    assert len(names) == 6  # documents only: the pipeline ingests this directory
    lowered = [v.lower() for v in PII]
    assert [n for n in names if any(v in n.lower() for v in lowered)] == []  # innocuous names
    for pdf in PDFS:
        assert pdf.stat().st_size < 8_000
        assert len(PdfReader(pdf).pages) <= 2


def test_every_listed_value_is_in_some_sample():
    corpus = "\n".join(_sample_text(p) for p in sorted(SAMPLES.rglob("*.*")))
    assert [v for v in PII if v not in corpus] == []
    assert [v for v in KEEP if v not in corpus] == []
    assert not set(PII) & set(KEEP)


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_pdf_sample_metadata_names_a_listed_person(path):
    meta = PdfReader(path).metadata
    assert meta is not None
    assert meta["/Title"] in PII
    assert meta["/Author"] in PII


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_pdf_sample_redacts_to_a_clean_rendition(kit, path):
    data = path.read_bytes()
    pdf_text = extract(data, ref="sample")
    present = [v for v in PII if v in pdf_text.text]
    out = build_rendition(data, pdf_text, kit.redact(pdf_text.text, present), dpi=24)
    text = rendition_text(out)
    assert [v for v in PII if v in text] == []
    assert [k for k in KEEP if k in pdf_text.text and k not in text] == []
    assert rendition_problems(out, expected_pages=pdf_text.page_count) == []
