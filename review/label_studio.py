"""Label Studio interop: tasks and a labelling config from a batch, and a submission's work
from a Label Studio JSON export (its documented task format: ``annotations[].result[]``
with ``labels`` regions ``value.start/end/text/labels``, ``choices`` for the verdict and
``textarea`` for comments, per region when the textarea result shares the region's id).

Label Studio's text offsets count UTF-16 code units (JavaScript strings); Sealroom's count
Python characters, so offsets are converted against the rendition text, and ``value.text``
becomes the annotation's quote, which collect checks against the rendition.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from xml.sax.saxutils import quoteattr

from models.errors import SubmissionRejected
from models.review import Manifest

TEXT, LABELS, VERDICT, COMMENT, DOC_COMMENT, PAGES = (
    "text",
    "label",
    "verdict",
    "comment",
    "doc_comment",
    "pages",
)


def config_xml(manifest: Manifest) -> str:
    """The labelling config: the text with the batch's labels, per-span comments, one
    verdict and a document comment; PDF page images above the text when there are any."""
    labels = "".join(f"\n    <Label value={quoteattr(v)}/>" for v in manifest.labels)
    verdicts = "".join(f"\n    <Choice value={quoteattr(v)}/>" for v in manifest.verdicts)
    has_pdf = any(d.media_type == "application/pdf" for d in manifest.docs)
    pages = f'\n  <Image name="{PAGES}" valueList="${PAGES}"/>' if has_pdf else ""
    return f"""<View>
  <Header value="$instructions"/>{pages}
  <Labels name="{LABELS}" toName="{TEXT}">{labels}
  </Labels>
  <Text name="{TEXT}" value="${TEXT}"/>
  <TextArea name="{COMMENT}" toName="{TEXT}" perRegion="true" editable="true" rows="2"
            placeholder="Comment on this span"/>
  <Choices name="{VERDICT}" toName="{TEXT}" choice="single">{verdicts}
  </Choices>
  <TextArea name="{DOC_COMMENT}" toName="{TEXT}" rows="3" maxSubmissions="1"
            placeholder="Comment on this document"/>
</View>
"""


def tasks(
    manifest: Manifest, text_of: Callable[[str], str], pages_of: Callable[[str], list[str]]
) -> list[dict[str, Any]]:
    """One task per document: its rendition text, its page image URLs, ids and instructions."""
    return [
        {
            "data": {
                TEXT: text_of(doc.doc_id),
                PAGES: pages_of(doc.doc_id),
                "doc_id": doc.doc_id,
                "batch_id": manifest.batch_id,
                "instructions": manifest.instructions,
            }
        }
        for doc in manifest.docs
    ]


def utf16_to_index(text: str, units: int) -> int:
    """The Python index of the character at UTF-16 offset ``units`` (JavaScript's)."""
    count = 0
    for index, char in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text) if count >= units else len(text) + (units - count)


def index_to_utf16(text: str, index: int) -> int:
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text[:index])


def work_from_export(
    export: object, manifest: Manifest, text_of: Callable[[str], str]
) -> dict[str, list[dict[str, Any]]]:
    """The submission's annotations and verdicts from a Label Studio JSON export."""
    if not isinstance(export, list):
        raise SubmissionRejected(manifest.batch_id, "a Label Studio JSON export is a JSON array")
    work: dict[str, list[dict[str, Any]]] = {"annotations": [], "verdicts": []}
    for number, task in enumerate(export):
        doc_id = _doc_id(task, number, manifest)
        results = _latest_results(task)
        work["annotations"] += _spans(doc_id, results, text_of(doc_id))
        verdict = _verdict(doc_id, results)
        if verdict is not None:
            work["verdicts"].append(verdict)
    return work


def _doc_id(task: object, number: int, manifest: Manifest) -> str:
    data = task.get("data") if isinstance(task, dict) else None
    doc_id = data.get("doc_id") if isinstance(data, dict) else None
    if not isinstance(doc_id, str) or manifest.doc(doc_id) is None:
        raise SubmissionRejected(manifest.batch_id, f"task {number}: no document of this batch")
    return doc_id


def _latest_results(task: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The results of the task's last annotation that was not cancelled ([] if none)."""
    kept = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not kept:
        return []
    latest = max(enumerate(kept), key=lambda p: (str(p[1].get("updated_at", "")), p[0]))[1]
    return [r for r in latest.get("result") or [] if isinstance(r, dict)]


def _spans(doc_id: str, results: Sequence[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    comments = {
        r.get("id"): "\n".join(r.get("value", {}).get("text") or [])
        for r in results
        if r.get("type") == "textarea" and r.get("from_name") == COMMENT
    }
    spans = []
    for r in results:
        if r.get("type") not in ("labels", "hypertextlabels"):
            continue
        value = r.get("value") or {}
        start = utf16_to_index(text, int(value.get("start", 0)))
        end = utf16_to_index(text, int(value.get("end", 0)))
        for label in value.get("labels") or []:
            spans.append(
                {
                    "doc_id": doc_id,
                    "start": start,
                    "end": end,
                    "label": label,
                    "quote": value.get("text"),
                    "comment": comments.get(r.get("id"), ""),
                }
            )
    return spans


def _verdict(doc_id: str, results: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    choice = next((r for r in results if r.get("from_name") == VERDICT), None)
    if choice is None:
        return None
    chosen = (choice.get("value") or {}).get("choices") or [""]
    texts = [r.get("value", {}).get("text") for r in results if r.get("from_name") == DOC_COMMENT]
    comment = "\n".join(texts[0] or []) if texts else ""
    return {"doc_id": doc_id, "verdict": chosen[0], "comment": comment}
