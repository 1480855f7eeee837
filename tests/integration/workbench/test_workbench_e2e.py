"""A reviewer works a real batch (text + PDF, dispatched by the pipeline to moto S3) in
headless chromium: mouse and keyboard annotations, comments, verdicts, an edit and a delete,
a reload (the draft survives), submit; collect accepts and the deliverables carry the
annotations at the right original offsets."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from workbench_pipeline import NOTE, Pipeline

from workbench.server import Background
from workbench.session import Session

SHOTS = os.environ.get("SEALROOM_SCREENSHOTS")  # a folder: save the README's screenshots
TIMEOUT = 30_000

# Offsets of [start, end) in the shown document -> the (left, top, right, bottom) of that text.
RECT_JS = """([start, end]) => {
  const spans = [...document.querySelectorAll('#viewer [data-start]')];
  const at = (off, right) => {
    for (const s of spans) {
      const a = Number(s.dataset.start), b = a + s.textContent.length;
      if ((right ? a < off && off <= b : a <= off && off < b)) return [s.firstChild, off - a];
    }
    throw new Error('offset not shown: ' + off);
  };
  const range = document.createRange();
  range.setStart(...at(start, false));
  range.setEnd(...at(end, true));
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  const first = rects[0], last = rects[rects.length - 1];
  return [first.left, (first.top + first.bottom) / 2, last.right, (last.top + last.bottom) / 2];
}"""


def drag_select(page: Any, start: int, end: int) -> None:
    """Select rendition text [start, end) with the mouse, as a reviewer would."""
    left, y0, right, y1 = page.evaluate(RECT_JS, [start, end])
    page.mouse.move(left + 1, y0)
    page.mouse.down()
    page.mouse.move((left + right) / 2, (y0 + y1) / 2, steps=4)
    page.mouse.move(right - 1, y1, steps=4)
    page.mouse.up()
    page.wait_for_function("() => !document.querySelector('#selection-state')"
                           ".textContent.startsWith('Select text')")  # fmt: skip


def find_select(page: Any, query: str) -> None:
    """Select text with the keyboard only: / query Enter Esc."""
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def open_doc(page: Any, number: int) -> None:
    page.locator("#doc-list button").nth(number).click()
    title = "n => document.querySelector('#doc-title').textContent.startsWith(n + ' of')"
    page.wait_for_function(title, arg=number + 1)


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(Path(SHOTS) / name), full_page=False)


def test_reviewer_annotates_reloads_submits_and_collect_delivers(
    browser: Any, server: Background, session: Session, pipeline: Pipeline
) -> None:
    docs = {d.media_type: d for d in session.manifest.docs}
    text_doc, pdf_doc = docs["text/plain"], docs["application/pdf"]
    order = [d.doc_id for d in session.manifest.docs]
    note = session.text(text_doc.doc_id)
    letter = session.text(pdf_doc.doc_id)
    token = note[note.index("Seen with ") + 10 : note.index("], who") + 1]
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.set_default_timeout(TIMEOUT)
    page.goto(server.url)
    page.wait_for_selector("body[data-ready=true]")

    # --- the text note: mouse, then keyboard (find, grow by characters), comment, verdict
    open_doc(page, order.index(text_doc.doc_id))
    pain = note.index("chest pain")
    drag_select(page, pain, pain + len("chest pain"))
    page.keyboard.press("4")  # CLINICAL_FINDING
    find_select(page, "Seen with [PERSON_")
    for _ in range(len(token) - len("[PERSON_")):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("1")  # ISSUE
    page.keyboard.press("c")
    page.keyboard.type(f"Ask {token} about the fall.")
    page.keyboard.press("Escape")
    find_select(page, "review in 2")
    page.keyboard.press("5")  # NOTE, to be deleted below
    page.keyboard.press("Delete")
    page.keyboard.press("Shift+Digit1")  # verdict: responsive
    page.fill("#doc-comment", f"Witness is {token}.")
    page.wait_for_selector("#annotations li:has-text('CLINICAL_FINDING')")
    shot(page, "workbench-text.png")

    # --- the PDF: page image with its text layer; mouse on page 1, keyboard on page 2
    open_doc(page, order.index(pdf_doc.doc_id))
    page.wait_for_selector(".page img")
    page.wait_for_function("() => document.querySelector('.page img').naturalWidth > 0")
    ramp = letter.index("loading ramp")
    drag_select(page, ramp, ramp + len("loading ramp"))
    page.keyboard.press("2")  # PRIVILEGED, then relabelled below
    page.locator("#annotations select").first.select_option("RESPONSIVE")
    page.keyboard.press("]")
    page.wait_for_selector("#page-no:has-text('Page 2 of 2')")
    find_select(page, "Loss of earnings")
    page.keyboard.press("1")  # ISSUE
    page.keyboard.press("Shift+Digit3")  # verdict: privileged
    page.keyboard.press("f")  # flagged
    page.keyboard.press("[")
    page.wait_for_selector("#page-no:has-text('Page 1 of 2')")
    page.wait_for_selector(".layer .ann")
    shot(page, "workbench-pdf.png")
    page.keyboard.press("Control+s")
    page.wait_for_selector("#save-state:has-text('saved')")

    # --- reload: the draft comes back from disk
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("#progress").inner_text() == "2 done · 1 flagged · 0 to do"
    draft = session.drafts.load()
    got = sorted((a.doc_id, a.label, a.quote) for a in draft.annotations)
    assert got == sorted(
        [
            (text_doc.doc_id, "CLINICAL_FINDING", "chest pain"),
            (text_doc.doc_id, "ISSUE", f"Seen with {token}"),
            (pdf_doc.doc_id, "RESPONSIVE", "loading ramp"),
            (pdf_doc.doc_id, "ISSUE", "Loss of earnings"),
        ]
    )

    # --- submit from the page; collect accepts; deliverables on original offsets
    page.click("#submit")
    page.wait_for_selector("#banner:has-text('Submitted 4 annotation(s)')")
    page.close()
    delivered = pipeline.collect_and_deliver()
    assert sorted(delivered) == sorted(order)
    outbox = pipeline.svc.outbox / "m1"
    text_out = json.loads((outbox / f"{text_doc.doc_id}.json").read_text(encoding="utf-8"))
    by_label = {a["label"]: a for a in text_out["annotations"]}
    assert by_label["CLINICAL_FINDING"]["start"] == NOTE.index("chest pain")
    assert by_label["CLINICAL_FINDING"]["quote"] == "chest pain"
    assert by_label["ISSUE"]["quote"] == "Seen with Ottilie Marchbanks"
    assert by_label["ISSUE"]["comment"] == "Ask Ottilie Marchbanks about the fall."
    assert text_out["verdicts"][0] == {
        "verdict": "responsive",
        "comment": "Witness is Ottilie Marchbanks.",
        "reviewer": "ana",
    }
    pdf_out = json.loads((outbox / f"{pdf_doc.doc_id}.json").read_text(encoding="utf-8"))
    quotes = sorted((a["label"], a["quote"]) for a in pdf_out["annotations"])
    assert quotes == [("ISSUE", "Loss of earnings"), ("RESPONSIVE", "loading ramp")]
    assert pdf_out["verdicts"][0]["verdict"] == "privileged"
    assert (outbox / f"{pdf_doc.doc_id}.pdf").is_file()
