"""Accessibility basics of the workbench in headless chromium: the whole job by keyboard
alone, a visible focus ring, a layout that reflows at 200% zoom, and states told by text
and shape, not by colour alone."""

from __future__ import annotations

from typing import Any

from workbench.server import Background
from workbench.session import Session

FOCUS_JS = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return [el.id, style.outlineStyle, parseFloat(style.outlineWidth)];
}"""


def _tab_to(page: Any, element_id: str, limit: int = 60) -> tuple[str, str, float]:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_JS)
        if focused[0] == element_id:
            return focused[0], focused[1], focused[2]
    raise AssertionError(f"#{element_id} not reachable with Tab")


def test_keyboard_only_review(browser: Any, server: Background, session: Session) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(30_000)
    page.goto(server.url)
    page.wait_for_selector("body[data-ready=true]")
    for doc in session.manifest.docs:
        page.wait_for_selector(f"body[data-doc='{doc.doc_id}']")
        page.keyboard.press("/")
        page.keyboard.type("the")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        page.keyboard.press("5")  # NOTE
        page.keyboard.press("Shift+Digit5")  # verdict: ok
        page.keyboard.press("n")
    page.wait_for_selector("#progress:has-text('2 done')")
    _, outline, width = _tab_to(page, "submit")
    assert outline == "solid" and width >= 2  # the focus ring is visible
    page.keyboard.press("Enter")
    page.wait_for_selector("#banner:has-text('Submitted 2 annotation(s)')")
    assert {(a.label, a.quote.lower()) for a in session.drafts.load().annotations} == {
        ("NOTE", "the")
    }
    page.close()


def test_reflows_at_200_percent_and_states_are_not_colour_only(
    browser: Any, server: Background
) -> None:
    page = browser.new_page(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page.goto(server.url)  # a 1280x900 screen at 200% zoom
    page.wait_for_selector("body[data-ready=true]")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1  # no sideways scrolling: panels stack
    for selector in ("#labels button", "#doc-list button", "#submit"):
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 641
    states = page.locator("#doc-list").inner_text()
    assert "○ to do" in states  # told in words and a shape, not only colour
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('#labels button')).fontSize)"
    )
    assert size >= 14
    page.close()
