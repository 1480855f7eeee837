"""Incoming bad redactions (text a client's black box only covers), the matter's sealed PDF
passwords, the gate's value search, and `sealroom extract`."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import typer
from fpdf import FPDF
from typer.testing import CliRunner

from cli import local
from models.document import MediaType
from models.errors import ConfigError, VaultObjectMissing
from models.finding import RedactionResult, Replacement
from models.vault_ref import Purpose, VaultRef
from redaction.gate import detected_in, values_in
from redaction.pdf import PdfiumEngine, extract, rendition_text
from stages.matter_config import MatterConfig, add_pdf_password, load_matter_config
from stages.redact import build

from .test_pipeline_cases import NO_PIXELS, ValuesDetector


def covered_pdf(dark_text: bool = True) -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(72, 100, "Patient: Maria Gonzalez was seen")
    pdf.set_fill_color(0, 0, 0)
    left = 72 + pdf.get_string_width("Patient: ")
    width = pdf.get_string_width("Maria Gonzalez")
    pdf.rect(left, 88, width, 16, style="F")  # the client's "redaction", drawn over the name
    pdf.rect(72, 200, 200, 20, style="F")  # a dark header band drawn first ...
    pdf.set_text_color(*((0, 0, 0) if dark_text else (255, 255, 255)))
    pdf.text(80, 214, "Visible Header")  # ... with text on top of it
    return bytes(pdf.output())


def covered_values(data: bytes) -> list[str]:
    pdf_text = extract(data)
    return [pdf_text.text[lo:hi] for lo, hi in pdf_text.covered_spans()]


def test_text_under_a_black_box_is_reported():
    assert covered_values(covered_pdf(dark_text=False)) == ["Maria Gonzalez"]


def test_dark_text_on_a_dark_band_is_covered_too():
    assert covered_values(covered_pdf(dark_text=True)) == ["Maria Gonzalez", "Visible Header"]


def test_plain_pdf_has_no_covered_text(kit):
    assert covered_values(kit.pdf(["Patient: Maria Gonzalez"])) == []


def test_covered_text_is_redacted_even_if_the_detector_misses_it():
    detector = ValuesDetector(["Nobody Else"])
    rendition, problems = build(
        detector, MediaType.PDF, covered_pdf(False), "d", PdfiumEngine(36, ocr=NO_PIXELS)
    )
    assert problems == []
    (rep,) = rendition.result.replacements
    assert (rep.label, rep.original) == ("COVERED_TEXT", "Maria Gonzalez")
    text = rendition_text(rendition.data)
    assert "Gonzalez" not in text
    assert "[COVERED_TEXT_1]" in text
    assert "Visible Header" in text


class MemoryVault:
    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    def put(self, ref: VaultRef, data: bytes) -> None:
        self.objects[ref.key] = data

    def get(self, ref: VaultRef) -> bytes:
        if ref.key not in self.objects:
            raise VaultObjectMissing(ref.key)
        return self.objects[ref.key]


def fake_services() -> SimpleNamespace:
    def ref(doc: str, purpose: Purpose) -> VaultRef:
        return VaultRef("t", "m", doc, purpose)

    return SimpleNamespace(vault=MemoryVault(), ref=ref)


def test_matter_passwords_are_sealed_and_read_back():
    svc = fake_services()
    assert load_matter_config(svc).pdf_passwords == ()
    assert add_pdf_password(svc, "s3cret") == 1
    assert add_pdf_password(svc, "s3cret") == 1
    assert add_pdf_password(svc, "other") == 2
    config = load_matter_config(svc)
    assert config.pdf_passwords == ("s3cret", "other")
    assert "s3cret" not in repr(config)
    (key,) = svc.vault.objects
    assert key.endswith("/matter/matter-config/v1.sealed")


@pytest.mark.parametrize("raw", [b"\xff", b"[]", b'{"pdf_passwords": [1]}', b"{"])
def test_bad_matter_config_is_a_config_error(raw):
    with pytest.raises(ConfigError):
        MatterConfig.from_bytes(raw)


RESULT = RedactionResult(
    "Ms. [P_1] and [P_2]",
    (
        Replacement("P", "[P_1]", "Maria Gonzalez", 4, 18, 4, 9),
        Replacement("P", "[P_2]", "Fitzgerald-Oyelaran", 23, 42, 14, 19),
    ),
)
VALUE_CASES = [
    ("Ms. [P_1] and [P_2]", 0),
    ("Ms. maria\n  GONZALEZ", 1),  # case and whitespace
    ("Fitz gerald-Oye laran", 1),  # an extractor split the word
    ("Gonzalezian", 0),  # whole words only for the spaced match
]


@pytest.mark.parametrize(("text", "hits"), VALUE_CASES)
def test_values_in_extracted_text(text, hits):
    assert len(values_in(text, RESULT)) == hits
    assert not any("Gonzalez" in p for p in values_in(text, RESULT))


def test_detected_in_ignores_tokens():
    detector = ValuesDetector(["[P_1]", "Chen"])
    assert detected_in("Ms. [P_1] saw Dr. Chen", detector, "pypdf") == [
        "pypdf:detected:PERSON@18-22"
    ]


def test_extract_command_prints_the_text_detection_runs_on(kit, tmp_path: Path):
    path = tmp_path / "in.pdf"
    path.write_bytes(kit.pdf(["Patient: Maria Gonzalez", "page two"]))
    app = typer.Typer()
    app.command()(local.extract)
    out = CliRunner().invoke(app, [str(path)])
    assert out.exit_code == 0
    assert out.stdout == extract(path.read_bytes()).text == "Patient: Maria Gonzalez\fpage two"
