"""Word notes on exactly their words: run offsets as docx_read reads a line, run splits,
and comments whose range holds the quoted text and nothing else."""

from __future__ import annotations

import io

import pytest
from docx import Document
from lxml import etree

from formats.docx_anchor import run_spans, runs_between, split_run
from formats.docx_annotate import annotate_docx
from formats.docx_read import W, body_blocks, run_text
from formats.ports import Note

from .documents import W_NS, _run, paragraph, tracked, word_file

NS = f'xmlns:w="{W_NS}"'


def _block(xml: str) -> etree._Element:
    return etree.fromstring(
        xml.replace("<w:p>", f"<w:p {NS}>", 1).replace("<w:tr>", f"<w:tr {NS}>", 1)
    )


def _row(cells: list[list[str]]) -> str:
    inner = "".join(
        "<w:tc>" + "".join(paragraph(_run(t)) for t in cell) + "</w:tc>" for cell in cells
    )
    return f"<w:tr>{inner}</w:tr>"


@pytest.mark.parametrize(
    "xml",
    [
        paragraph(_run("Client "), _run("Marisol Quenby"), _run(" called")),
        tracked("kept ", "added ", "gone"),
        _row([["a b", "c"], ["Marisol"], ["x"]]),
    ],
)
def test_run_offsets_are_the_read_lines(xml: str) -> None:
    block = _block(xml)
    line = (
        run_text(block)
        if block.tag == f"{W}p"
        else " | ".join(
            " ".join(run_text(p) for p in cell.iter(f"{W}p")) for cell in block.iter(f"{W}tc")
        )
    )
    for run, start, end in run_spans(block):
        assert line[start:end] == run_text(run)


def test_split_keeps_properties_and_text() -> None:
    block = _block(paragraph("<w:r><w:rPr><w:b/></w:rPr><w:t>Marisol Quenby</w:t></w:r>"))
    ((run, _start, _end),) = run_spans(block)
    assert split_run(run, 8)
    assert [run_text(r) for r, _s, _e in run_spans(block)] == ["Marisol ", "Quenby"]
    assert len(block.findall(f".//{W}b")) == 2


def test_runs_between_splits_inside_runs() -> None:
    block = _block(paragraph(_run("Client Marisol "), _run("Quenby called")))
    runs = runs_between(block, 7, 21)
    assert "".join(run_text(r) for r in runs) == "Marisol Quenby"


def _commented(data: bytes) -> list[str]:
    """The text inside each comment's range, in order of comment id."""
    body = Document(io.BytesIO(data)).element.body
    inside: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(element.get(f"{W}id"))
            inside.setdefault(element.get(f"{W}id"), [])
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        elif element.tag == f"{W}t":
            for key in open_ids:
                inside[key].append(element.text or "")
    return ["".join(inside[k]) for k in sorted(inside, key=int)]


@pytest.mark.parametrize(
    ("quote", "lines"),
    [
        ("Marisol Quenby", ["Client Marisol Quenby called on Monday."]),
        ("Quenby", ["Quenby"]),
        ("Quenby called\nOn Monday", ["Client Marisol Quenby called", "On Monday she wrote."]),
    ],
)
def test_a_comment_covers_exactly_the_quote(quote: str, lines: list[str]) -> None:
    text = "\n".join(lines)
    start = text.index(quote)
    note = Note(start, start + len(quote), "PERSON", "", "r1")
    marked = annotate_docx(word_file(lines), text, [note], "doc-w")
    assert _commented(marked) == [quote.replace("\n", "")]


def test_a_table_cell_quote() -> None:
    data = word_file(["Intro"], rows=[["Name", "Marisol Quenby"]])
    text = "Intro\nName | Marisol Quenby"
    start = text.index("Quenby")
    marked = annotate_docx(data, text, [Note(start, start + 6, "PERSON", "x", "r1")], "doc-w")
    assert _commented(marked) == ["Quenby"]
    assert len(body_blocks(Document(io.BytesIO(marked)).element.body)) == 2
