"""The stable local interfaces: `sealroom detect`, `extract` and `redact`."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from cli.main import app
from tests.unit.formats.documents import docx, plain

REPO = Path(__file__).resolve().parents[3]
TXT = REPO / "samples" / "medical" / "discharge-summary-01.txt"
PDF = REPO / "samples" / "medical" / "lab-report-01.pdf"


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj <<")
    copies = [tmp_path / TXT.name, tmp_path / PDF.name]
    for source, copy in zip((TXT, PDF), copies, strict=True):
        shutil.copy(source, copy)
    return [*copies, broken]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_detect_offsets_index_the_text_extract_prints(inputs: list[Path]) -> None:
    code, out, err = run("detect", *map(str, inputs), "--format", "jsonl")
    assert code == 1  # the broken file fails ...
    assert err.count("\n") == 1 and "broken.pdf: SR-DOC-002" in err
    lines = [json.loads(line) for line in out.splitlines()]  # ... the others go on
    assert [Path(line["path"]).name for line in lines] == [TXT.name, PDF.name]
    for line in lines:
        _, text, _ = run("extract", line["path"])
        labels = {s["label"] for s in line["spans"]}
        assert {"PERSON", "DATE"} <= labels
        for span in line["spans"]:
            assert set(span) == {"start", "end", "label", "score"}
            assert text[span["start"] : span["end"]].strip()


def test_detect_offsets_keep_crlf_line_ends(tmp_path: Path) -> None:
    """A CRLF file's offsets count its carriage returns: they index the file's decoded text
    as it is (no newline translation)."""
    raw = "Memo\r\n\r\nCall Mrs. Henrike Quist on 04/11/2019.\r\n"
    path = tmp_path / "memo.txt"
    path.write_bytes(raw.encode())
    _, out, _ = run("detect", str(path), "--format", "jsonl")
    values = {raw[s["start"] : s["end"]] for s in json.loads(out)["spans"]}
    assert {"Mrs. Henrike Quist", "04/11/2019"} <= values


def test_redact_writes_gated_renditions_under_the_same_names(
    inputs: list[Path], tmp_path: Path, scan_pii: Callable[[str], list[str]]
) -> None:
    out = tmp_path / "out"
    code, _, err = run("redact", *map(str, inputs), "--out", str(out))
    assert code == 1 and "broken.pdf" in err
    assert sorted(p.name for p in out.iterdir()) == sorted([TXT.name, PDF.name])
    assert scan_pii(TXT.read_text(encoding="utf-8"))  # the inputs do carry fixture PII
    text = (out / TXT.name).read_text(encoding="utf-8")
    assert "[PERSON_1]" in text and scan_pii(text) == []
    reader = PdfReader(out / PDF.name)
    assert scan_pii("\n".join(page.extract_text() for page in reader.pages)) == []
    assert set(reader.metadata or {}) <= {"/CreationDate"}  # a fixed 1970 date, nothing else


def test_a_word_file_is_extracted_and_redacted_to_a_text_rendition(tmp_path: Path) -> None:
    letter = tmp_path / "letter.docx"
    letter.write_bytes(docx([plain("Dear Ms. Jane Roe,")]))
    code, out, _ = run("extract", str(letter))
    assert (code, out) == (0, "Dear Ms. Jane Roe,")
    code, _, _ = run("redact", str(letter), "--out", str(tmp_path / "out"))
    assert code == 0 and [p.name for p in (tmp_path / "out").iterdir()] == ["letter.docx.txt"]
    assert "Jane" not in (tmp_path / "out" / "letter.docx.txt").read_text(encoding="utf-8")
