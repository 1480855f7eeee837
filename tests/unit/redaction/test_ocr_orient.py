"""Orientation and skew by projection profiles, and mapping boxes back (no OCR needed)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from redaction.ocr_orient import estimate_angle, rotate, unrotate_box


def _page() -> Image.Image:
    image = Image.new("RGB", (850, 1100), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=18)
    for row in range(24):
        draw.text(
            (80, 80 + row * 36),
            f"Line {row} of a made-up affidavit runs on",
            fill="black",
            font=font,
        )
    return image


PAGE = _page()


@pytest.mark.parametrize(
    ("turned", "fixes"),
    [
        (0, {0.0}),
        (90, {90.0, -90.0, 270.0}),
        (180, {0.0}),
        (270, {90.0}),
        (2.0, {-2.0}),
        (-3.5, {3.5}),
    ],
)
def test_the_estimate_makes_lines_horizontal_up_to_a_half_turn(turned, fixes):
    angle = estimate_angle(rotate(PAGE, turned))
    # 0 vs 180 (and 90 vs 270) is settled by OCR confidence, not by the profile
    assert any(
        abs((angle - fix) % 180) < 0.01 or abs((angle - fix) % 180 - 180) < 0.01 for fix in fixes
    )


def test_a_blank_page_is_left_as_it_is():
    assert estimate_angle(Image.new("RGB", (300, 400), "white")) == 0.0


@settings(max_examples=25, deadline=None)
@given(
    angle=st.sampled_from([0.0, 90.0, 180.0, 270.0, 1.5, -4.0, 93.0]),
    x=st.integers(20, 360),
    y=st.integers(20, 490),
)
def test_a_box_maps_back_onto_the_pixels_it_came_from(angle, x, y):
    marked = Image.new("RGB", (400, 520), "white")
    ImageDraw.Draw(marked).rectangle((x, y, x + 20, y + 10), fill=(255, 0, 0))
    turned = rotate(marked, angle)
    pixels = np.asarray(turned)
    ys, xs = np.nonzero((pixels[:, :, 0] > 200) & (pixels[:, :, 1] < 80))
    found = (float(xs.min()), float(ys.min()), float(xs.max()) + 1, float(ys.max()) + 1)
    back = unrotate_box(found, angle, marked.size)
    assert back[0] <= x + 2 and back[1] <= y + 2 and back[2] >= x + 19 and back[3] >= y + 9
    assert back[2] - back[0] <= 20 + 12 and back[3] - back[1] <= 10 + 12  # a tight hull
