"""Label Studio interop for the reviewer CLI: export a pulled batch as tasks + config, and
read a Label Studio JSON export back as work (then checked and submitted as usual)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cli.reviewer_work import WorkFileError
from review import label_studio
from review.pulled import load_pulled_manifest

PAGES_DIR = "pages"


def export(folder: Path, out: Path, image_prefix: str) -> int:
    """Write ``tasks.json``, ``config.xml`` and ``pages/<doc>-<n>.png``; the task count."""
    manifest = load_pulled_manifest(folder)
    out.mkdir(parents=True, exist_ok=True)

    def text_of(doc_id: str) -> str:
        return (folder / f"{doc_id}.txt").read_text(encoding="utf-8")

    def pages_of(doc_id: str) -> list[str]:
        doc = manifest.doc(doc_id)
        if doc is None or doc.media_type != "application/pdf":
            return []
        return [image_prefix + name for name in _render_pages(folder / f"{doc_id}.pdf", out)]

    tasks = label_studio.tasks(manifest, text_of, pages_of)
    (out / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False, indent=1), "utf-8")
    (out / "config.xml").write_text(label_studio.config_xml(manifest), encoding="utf-8")
    return len(tasks)


def _render_pages(pdf: Path, out: Path) -> list[str]:
    from workbench.pdf_pages import page_count, render_png  # PDF stack only for PDFs

    (out / PAGES_DIR).mkdir(exist_ok=True)
    names = []
    for page in range(page_count(pdf)):
        name = f"{pdf.stem}-{page + 1:03d}.png"
        (out / PAGES_DIR / name).write_bytes(render_png(pdf, page))
        names.append(name)
    return names


def work_from_export(folder: Path, export_file: Path) -> dict[str, list[Any]]:
    """The work in a Label Studio export of this pulled batch (offsets converted, quoted)."""
    manifest = load_pulled_manifest(folder)
    try:
        body = json.loads(export_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WorkFileError(str(export_file), "no such export file") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise WorkFileError(str(export_file), "the export is not JSON text") from None

    def text_of(doc_id: str) -> str:
        return (folder / f"{doc_id}.txt").read_text(encoding="utf-8")

    return label_studio.work_from_export(body, manifest, text_of)
