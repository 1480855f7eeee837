"""The real engine's memory settings: detection on a scaled-down page, lean sessions."""

from __future__ import annotations

import numpy as np
import pytest

from redaction import ocr_rapid
from redaction.ocr_rapid import DET_SIDE, RapidOcrEngine


@pytest.mark.parametrize(
    ("height", "width"), [(2200, 1700), (3300, 2550), (1650, 1275), (1275, 1650)]
)
def test_the_detector_sees_a_page_at_most_det_side_pixels_long(
    ocr: RapidOcrEngine, height: int, width: int
) -> None:
    det = ocr_rapid._engine(ocr.threads).text_det
    page = np.zeros((height, width, 3), dtype=np.uint8)
    seen = det.get_preprocess(max(height, width))(page)  # (1, 3, h, w), sides rounded to 32
    assert max(seen.shape[2:]) <= DET_SIDE + 16
    assert abs(seen.shape[2] / seen.shape[3] - height / width) < 0.05  # shape kept


def test_every_session_runs_without_arena_or_memory_pattern(ocr: RapidOcrEngine) -> None:
    engine = ocr_rapid._engine(ocr.threads)
    for holder in (engine.text_det.infer, engine.text_rec.session):
        options = holder.session.get_session_options()
        assert not options.enable_cpu_mem_arena and not options.enable_mem_pattern
