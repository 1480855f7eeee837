"""Word packages: structure surfaced (tables, tracked changes, headers, footnotes,
comments), paragraph geometry, and the rendition through the text gate."""

from __future__ import annotations

from formats.build import build_rendition
from formats.docx import DocxFormat
from formats.ports import Note, OpenContext

from .conftest import NAME, PLANTED
from .documents import docx, paragraph, plain, table, tracked, word_file

CTX = OpenContext("doc-w")


def test_every_part_of_the_structure_is_in_the_text() -> None:
    data = docx(
        [
            plain("Intro line."),
            table([["Name", NAME], ["Phone", PLANTED[2]]]),
            tracked("Kept ", "added", "removed"),
        ],
        header="Header of the firm",
        footnote="A footnote mentioning Quenby",
        comment="Check the date",
    )
    opened = DocxFormat().open(data, CTX)
    pages = opened.text.split("\f")
    assert pages[0].split("\n") == [
        "Intro line.",
        f"Name | {NAME}",
        f"Phone | {PLANTED[2]}",
        "Kept added[deleted: removed]",
    ]
    assert pages[1:] == [
        "[headers]\nHeader of the firm",
        "[footnotes]\nA footnote mentioning Quenby",
        "[comments]\nCheck the date",
    ]
    assert opened.pages == 4


def test_paragraph_geometry() -> None:
    opened = DocxFormat().open(docx([plain("first"), plain(f"To {NAME} now")]), CTX)
    start = opened.text.index(NAME)
    (region,) = DocxFormat().locate(opened, start, start + len(NAME))
    assert (region.page, region.box, region.unit) == (1, (1.0, 3.0, 1.0, 3.0 + len(NAME)), "line")


def test_tabs_breaks_and_text_boxes_keep_one_line_per_paragraph() -> None:
    runs = "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>"
    opened = DocxFormat().open(docx([paragraph(runs)]), CTX)
    assert opened.text == "a\tb c"


def test_the_rendition_is_redacted_text_that_passes_the_gate(planted_detector) -> None:
    data = docx([plain(f"Client {NAME}"), table([[PLANTED[1]]])], comment=f"call {PLANTED[2]}")
    rendition, problems = build_rendition(DocxFormat(), planted_detector, data, CTX)
    assert problems == []
    shown = rendition.data.decode("utf-8")
    assert not [v for v in PLANTED if v in shown]
    assert "[comments]" in shown and "Client [" in shown


def _anchored(data: bytes) -> dict[str, str]:
    """Comment text -> the text of the paragraph its range starts in."""
    import io

    from docx import Document

    document = Document(io.BytesIO(data))
    texts = {c.comment_id: c.text for c in document.comments}
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    found = {}
    for p in document.element.body.iter(f"{w}p"):
        for start in p.iter(f"{w}commentRangeStart"):
            found[texts[int(start.get(f"{w}id"))]] = "".join(t.text or "" for t in p.iter(f"{w}t"))
    return found


def test_notes_become_word_comments_on_their_words() -> None:
    data = word_file(["Opening line.", f"Client {NAME} called."], [["cell one", PLANTED[2]]])
    fmt = DocxFormat()
    opened = fmt.open(data, CTX)
    name_at, phone_at = opened.text.index(NAME), opened.text.index(PLANTED[2])
    notes = [
        Note(name_at, name_at + len(NAME), "PERSON", "the client", "r1"),
        Note(phone_at, phone_at + 4, "PHONE", "", "r2"),
    ]
    marked = fmt.annotate(opened, notes)
    assert marked is not None
    assert _anchored(marked) == {
        "PERSON: the client (r1)": f"Client {NAME} called.",
        "PHONE (r2)": PLANTED[2],  # a table row: the cell holding the words
    }
    assert DocxFormat().open(marked, CTX).text.startswith(opened.text)  # the text is intact
