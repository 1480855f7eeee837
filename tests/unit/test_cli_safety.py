"""The local CLI never destroys an input, and PDF libraries' warnings (which quote raw
bytes of malformed files) print none of those bytes."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest
from fpdf import FPDF
from typer.testing import CliRunner

from cli.main import app
from cli.out_paths import UnsafeOutput, output_paths

PLANTED = b"987-65-4329"  # an SSN-shaped value pypdf quotes when it cannot parse it


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_redact_onto_its_inputs_folder_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("Ms. Example signed the lease.\n", encoding="utf-8")
    before = digest(source)
    code, out, err = run("redact", str(source), "--out", str(tmp_path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "would overwrite the input" in err
    assert digest(source) == before


@pytest.mark.parametrize(
    ("names", "out", "message"),
    [
        (["a/x.txt", "b/x.txt"], "out", "would both be written"),
        (["a/x.txt"], "a", "would overwrite the input"),
        (["a/x.txt"], "a/../a", "would overwrite the input"),
        (["a/x.txt", "b/y.txt"], "b", "would overwrite the input"),
    ],
)
def test_unsafe_outputs_are_refused(
    tmp_path: Path, names: list[str], out: str, message: str
) -> None:
    paths = [tmp_path / n for n in names]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    with pytest.raises(UnsafeOutput, match=message):
        output_paths(paths, tmp_path / out)


def test_distinct_names_in_a_fresh_folder_are_fine(tmp_path: Path) -> None:
    paths = [tmp_path / "a" / "x.txt", tmp_path / "b" / "y.txt"]
    assert output_paths(paths, tmp_path / "out") == {
        paths[0]: tmp_path / "out" / "x.txt",
        paths[1]: tmp_path / "out" / "y.txt",
    }


def malformed_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="The lease is fine.")
    data = bytes(pdf.output())
    bad = data.replace(b"trailer\n<<", b"trailer\n<< /Junk " + PLANTED, 1)
    assert bad != data
    path.write_bytes(bad)
    return path


@pytest.mark.parametrize("command", ["extract", "redact"])
def test_pdf_library_warnings_print_no_document_bytes(
    tmp_path: Path, command: str, caplog: pytest.LogCaptureFixture
) -> None:
    source = malformed_pdf(tmp_path / "bad.pdf")
    args = [command, str(source)] + (
        ["--out", str(tmp_path / "out")] if command == "redact" else []
    )
    with caplog.at_level(logging.DEBUG):
        code, out, err = run(*args)
    assert code == 0, err
    seen = out + err + "\n".join(r.getMessage() for r in caplog.records)
    assert PLANTED.decode() not in seen
    assert any(r.name == "sealroom.library" for r in caplog.records)  # the warning happened
