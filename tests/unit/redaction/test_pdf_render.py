"""The redacted rendition: a new PDF, same pages, PII burnt out, redacted text searchable."""

from __future__ import annotations

import io
import math
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader

from models.errors import RedactionError
from models.finding import RedactionResult, Replacement
from redaction.pdf import build_rendition, extract, rendition_problems, rendition_text
from redaction.pdf_chars import union
from redaction.pdf_layout import OffsetMap, line_runs
from redaction.pdf_write import fold

DPI = 36  # small and fast; sizes in points do not depend on it
VALUES = ["Maria Gonzalez", "03/14/1962", "4471920", "(555) 201-3344", "Gonzalez", "Chen"]
PAGES = [
    "Patient: Maria Gonzalez  DOB 03/14/1962\nMRN: 4471920  Phone (555) 201-3344\n"
    "Metformin 500 mg twice daily; ICD-10 E11.9",
    "Ms. Gonzalez was seen by Dr. Chen.\nLisinopril 10 mg daily.",
    ("Landscape page: follow up with Dr. Chen in 2 weeks", (792.0, 612.0)),
]


@pytest.fixture
def source(kit):
    data = kit.pdf(PAGES, title="Maria Gonzalez", author="Dr. Chen")
    pdf_text = extract(data)
    result = kit.redact(pdf_text.text, VALUES)
    return data, pdf_text, result


@pytest.fixture
def rendition(source):
    data, pdf_text, result = source
    return build_rendition(data, pdf_text, result, dpi=DPI)


def test_same_page_count_and_sizes(source, rendition):
    original = PdfReader(io.BytesIO(source[0]))
    redacted = PdfReader(io.BytesIO(rendition))
    assert len(redacted.pages) == len(original.pages) == 3
    for before, after in zip(original.pages, redacted.pages, strict=True):
        size_before = (float(before.mediabox.width), float(before.mediabox.height))
        size_after = (float(after.mediabox.width), float(after.mediabox.height))
        assert size_after == pytest.approx(size_before, abs=0.01)


def test_text_layer_has_tokens_and_no_values(rendition):
    text = rendition_text(rendition)
    assert text.count("\f") == 2
    for value in VALUES:
        assert value not in text
    for token in ("[PII_0]", "[PII_1]", "[PII_2]", "[PII_3]", "[PII_4]", "[PII_5]"):
        assert token in text
    for kept in ("Metformin 500 mg", "E11.9", "Lisinopril 10 mg"):
        assert kept in text


def test_text_layer_matches_redacted_text_per_page(source, rendition):
    expected = source[2].redacted_text.split("\f")
    got = rendition_text(rendition).split("\f")
    squash = "".join
    for want, have in zip(expected, got, strict=True):
        assert squash(have.split()) == squash(want.split())


def test_pdfium_sees_no_values_either(rendition):
    doc = pdfium.PdfDocument(rendition)
    text = "\f".join(page.get_textpage().get_text_range() for page in doc)
    doc.close()
    assert "Gonzalez" not in text
    assert "[PII_0]" in text


def _page_image(rendition: bytes, page: int, dpi: int) -> Image.Image:
    doc = pdfium.PdfDocument(rendition)
    image = doc[page].render(scale=dpi / 72, rev_byteorder=True).to_pil().convert("L")
    doc.close()
    return image


def _crop(image: Image.Image, box: tuple[float, ...], dpi: int) -> list[int]:
    """Grey levels of the pixels inside ``box`` (PDF points, bottom-left origin)."""
    k = dpi / 72
    height_pt = image.height / k
    left, top = math.ceil(box[0] * k), math.ceil((height_pt - box[3]) * k)
    right, bottom = math.floor(box[2] * k), math.floor((height_pt - box[1]) * k)
    return list(image.crop((left, top, right, bottom)).getdata())


def test_redacted_runs_are_burnt_with_the_token_drawn_in(source):
    data, pdf_text, result = source
    dpi = 144
    out = build_rendition(data, pdf_text, result, dpi=dpi)
    pages = [_page_image(out, i, dpi) for i in range(3)]
    for rep in result.replacements:
        for found in pdf_text.locate(rep.orig_start, rep.orig_end):
            whole = union(list(found.boxes))
            pixels = _crop(pages[found.page_index], whole, dpi)
            dark = sum(1 for p in pixels if p < 64) / len(pixels)
            light = sum(1 for p in pixels if p > 192) / len(pixels)
            assert dark > 0.5  # burnt
            assert light > 0.03  # the white token drawn in the box


def test_text_outside_redactions_is_not_painted(source):
    data, pdf_text, result = source
    out = build_rendition(data, pdf_text, result, dpi=72)
    keep = pdf_text.text.index("Metformin")
    (found,) = pdf_text.locate(keep, keep + 9)
    pixels = _crop(_page_image(out, 0, 72), union(list(found.boxes)), dpi=72)
    assert sum(1 for p in pixels if p > 192) / len(pixels) > 0.5  # mostly paper


def test_metadata_attachments_forms_and_scripts_do_not_survive(kit):
    data = kit.decorate(
        kit.pdf(["Patient: Maria Gonzalez"], title="Maria Gonzalez", author="Dr. Chen"),
        field_value="Maria Gonzalez",
        attachment=b"Maria Gonzalez DOB 03/14/1962",
        script="app.alert('Maria Gonzalez');",
    )
    assert set(rendition_problems(data)) >= {
        "metadata:Title", "metadata:Author", "attachments", "javascript", "acroform",
        "annotations:p1",
    }  # fmt: skip
    pdf_text = extract(data)
    out = build_rendition(data, pdf_text, kit.redact(pdf_text.text, VALUES), dpi=DPI)
    reader = PdfReader(io.BytesIO(out))
    assert not {k: v for k, v in (reader.metadata or {}).items() if k != "/CreationDate"}
    assert reader.attachments == {}
    assert "/AcroForm" not in reader.root_object
    assert "/Annots" not in reader.pages[0]
    assert reader.xmp_metadata is None
    assert not reader.outline
    assert rendition_problems(out, expected_pages=1) == []
    assert b"Gonzalez" not in out
    assert b"Chen" not in out


def test_deterministic_output(source):
    data, pdf_text, result = source
    assert build_rendition(data, pdf_text, result, dpi=DPI) == build_rendition(
        data, pdf_text, result, dpi=DPI
    )


def _shift(result: RedactionResult) -> RedactionResult:
    first = result.replacements[0]
    moved = replace(first, orig_start=first.orig_start + 1, orig_end=first.orig_end + 1)
    return replace(result, replacements=(moved, *result.replacements[1:]))


def _drop_page(result: RedactionResult) -> RedactionResult:
    return replace(result, redacted_text=result.redacted_text.replace("\f", " ", 1))


def _wrong_token(result: RedactionResult) -> RedactionResult:
    first = replace(result.replacements[0], token="[OTHER_9]")
    return replace(result, replacements=(first, *result.replacements[1:]))


def _beyond(result: RedactionResult) -> RedactionResult:
    far = Replacement("PII", "[X]", "x", 10_000, 10_001, 0, 3)
    return replace(result, replacements=(*result.replacements, far))


BAD_RESULTS = {"shifted": _shift, "page-lost": _drop_page, "token": _wrong_token, "far": _beyond}


@pytest.mark.parametrize("spoil", BAD_RESULTS.values(), ids=BAD_RESULTS.keys())
def test_result_for_other_text_fails_closed(source, spoil):
    data, pdf_text, result = source
    with pytest.raises(RedactionError) as info:
        build_rendition(data, pdf_text, spoil(result), dpi=DPI, ref="doc-9")
    assert info.value.ref == "doc-9"
    assert "Gonzalez" not in str(info.value)


def test_text_from_another_file_fails_closed(kit, source):
    data, _pdf_text, result = source
    other = extract(kit.pdf(PAGES))  # same text, different bytes (no metadata)
    with pytest.raises(RedactionError):
        build_rendition(data, other, result, dpi=DPI)


def test_encrypted_source_needs_its_password(kit):
    data = kit.encrypted("Patient: Maria Gonzalez", user_password="pw")
    pdf_text = extract(data, "pw")
    result = kit.redact(pdf_text.text, VALUES)
    out = build_rendition(data, pdf_text, result, dpi=DPI, password="pw")
    assert rendition_text(out).strip() == "Patient: [PII_0]"
    assert rendition_problems(out, expected_pages=1) == []


def test_rotated_page_keeps_displayed_size_and_redacts(kit):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(kit.pdf(["Patient: Maria Gonzalez"]))))
    writer.pages[0].rotate(90)
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    pdf_text = extract(data)
    out = build_rendition(data, pdf_text, kit.redact(pdf_text.text, VALUES), dpi=DPI)
    page = PdfReader(io.BytesIO(out)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (792, 612)
    assert "Gonzalez" not in rendition_text(out)


OFFSET_CASES = [  # source "ab NAME cd" -> "ab [P] cd"
    (0, 0),
    (3, 3),  # token start -> span start
    (5, 3),  # inside token -> span start
    (6, 7),  # after token -> shifted by len("NAME") - len("[P]")
    (8, 9),
]


@pytest.mark.parametrize(("red", "orig"), OFFSET_CASES)
def test_offset_map_known_answers(red, orig):
    offsets = OffsetMap((Replacement("P", "[P]", "NAME", 3, 7, 3, 6),))
    assert offsets.to_orig(red) == orig


QUOTED = "\u201cquoted\u201d \u2013 ok"  # curly quotes and an en dash are in cp1252
FOLD_CASES = [
    ("Café", "Café"),
    ("Łukasz", "Lukasz"),
    ("Dvořák", "Dvorák"),
    (QUOTED, QUOTED),
    ("李", "?"),
    ("[PERSON_3]", "[PERSON_3]"),
]


@pytest.mark.parametrize(("text", "folded"), FOLD_CASES)
def test_fold_for_core_font(text, folded):
    assert fold(text) == folded


def test_engine_round_trip_with_password(kit):
    from redaction.pdf import PdfiumEngine

    engine = PdfiumEngine(dpi=DPI)
    data = kit.encrypted("Patient: Maria Gonzalez\nMetformin 500 mg", user_password="pw")
    pdf_text = engine.extract(data, "pw", ref="doc-8")
    out = engine.build_rendition(data, pdf_text, kit.redact(pdf_text.text, VALUES), "pw")
    assert engine.rendition_text(out).split() == ["Patient:", "[PII_0]", "Metformin", "500", "mg"]
    assert engine.rendition_problems(out, expected_pages=1) == []


LINE_RUN_CASES = [
    ([(0, 0, 5, 10), (5, 0, 10, 10)], [2]),  # one line
    ([(90, 0, 95, 10), (0, -14, 5, -4)], [1, 1]),  # wraps to the next line
    ([(0, 0, 5, 10), (5, 2, 10, 12)], [2]),  # a raised glyph stays on the line
]


@pytest.mark.parametrize(("boxes", "sizes"), LINE_RUN_CASES)
def test_line_runs(boxes, sizes):
    assert [len(run) for run in line_runs(tuple(boxes))] == sizes
