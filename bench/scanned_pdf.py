"""A scanned-looking PDF rendition for the workbench benchmark and tests: every page one
grey-scale image (text-like strokes and scanner noise) plus an invisible text layer, written
with the same writer as real renditions (``redaction.pdf_write``)."""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta

from PIL import Image, ImageDraw

from models.review import Manifest, ManifestDoc
from redaction.pdf_write import RenditionWriter, TextLine
from review import ObjectStore, ReviewQueue

LETTER = (612.0, 792.0)
LINES_PER_PAGE = 6


def page_text(page: int) -> list[str]:
    return [f"Page {page + 1} line {n + 1}: the claim file notes." for n in range(LINES_PER_PAGE)]


def rendition_text(pages: int) -> str:
    return "\f".join("\n".join(page_text(p)) for p in range(pages))


def _image(page: int, dpi: int, noise: bool) -> Image.Image:
    width, height = int(LETTER[0] * dpi / 72), int(LETTER[1] * dpi / 72)
    image = Image.new("L", (width, height), 245)
    draw = ImageDraw.Draw(image)
    rng = random.Random(page)
    for row in range(LINES_PER_PAGE * 6):
        y = int(height * 0.08) + row * int(dpi * 0.22)
        draw.rectangle((int(dpi), y, int(dpi) + rng.randint(dpi * 3, dpi * 6), y + dpi // 12), 40)
    if noise:
        for _ in range(width * height // 200):
            draw.point((rng.randrange(width), rng.randrange(height)), rng.randint(120, 230))
    return image


def scanned_pdf(pages: int, dpi: int = 150, noise: bool = True) -> bytes:
    writer = RenditionWriter()
    for page in range(pages):
        lines = [
            TextLine(text, 72.0, 96.0 + n * 18.0, 11.0) for n, text in enumerate(page_text(page))
        ]
        writer.add_page(*LETTER, _image(page, dpi, noise), lines)
    return writer.output()


def publish_scanned_batch(
    store: ObjectStore, pages: int, dpi: int = 20, noise: bool = False
) -> str:
    """Publish ``batch-scan`` (one scanned PDF, ``doc-scan``) to queue ``general``."""
    pdf, text = scanned_pdf(pages, dpi, noise), rendition_text(pages).encode()
    doc = ManifestDoc(
        doc_id="doc-scan",
        media_type="application/pdf",
        path="docs/doc-scan.pdf",
        text_path="docs/doc-scan.txt",
        sha256=hashlib.sha256(pdf).hexdigest(),
        text_sha256=hashlib.sha256(text).hexdigest(),
        text_length=len(text.decode()),
        pages=pages,
    )
    now = datetime(2026, 1, 1, tzinfo=UTC)
    manifest = Manifest(batch_id="batch-scan", queue="general", matter="m", created=now,
                        due=now + timedelta(days=1), policy_version="p/1", instructions="Read.",
                        docs=(doc,))  # fmt: skip
    files = {"docs/doc-scan.pdf": pdf, "docs/doc-scan.txt": text}
    ReviewQueue(store, "general").publish(manifest, files)
    return manifest.batch_id
