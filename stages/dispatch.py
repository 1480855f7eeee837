"""Dispatch: cut batches of redacted documents and publish them to a reviewer queue.

A batch is first *planned* in the ledger (its document ids fixed, its id derived from
them), then published; re-running after a crash publishes the same plan again with the
same keys, so no document is ever sent twice in two different batches.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from audit import document_states
from models.audit import Action
from models.document import DocState, content_hash
from models.review import Manifest, ManifestDoc
from models.vault_ref import Purpose
from stages.records import load_redaction
from stages.redact import doc_facts
from stages.services import Services

INSTRUCTIONS = (
    "Review each document. Annotate spans of the rendition text (docs/<doc_id>.txt) with a "
    "label from the batch's label set and give one verdict per document. Identities are "
    "replaced by tokens such as [PERSON_1]; refer to people by their tokens."
)


def batch_id_for(queue: str, doc_ids: list[str]) -> str:
    digest = hashlib.sha256((queue + "|" + ",".join(sorted(doc_ids))).encode()).hexdigest()
    return f"batch-{digest[:16]}"


def plan_batches(svc: Services) -> list[str]:
    """Plan batches for redacted documents that are in no batch yet."""
    events = list(svc.ledger.events(matter=svc.matter))
    planned = {d for e in events if e.action == Action.BATCH_PLANNED for d in e.details["docs"]}
    states = document_states(events)
    ready = sorted(d for d, s in states.items() if s is DocState.REDACTED and d not in planned)
    batch_ids = []
    for i in range(0, len(ready), svc.batch_size):
        docs = ready[i : i + svc.batch_size]
        batch_id = batch_id_for(svc.queue.queue, docs)
        svc.record(
            f"plan:{batch_id}",
            Action.BATCH_PLANNED,
            "batch",
            batch_id,
            queue=svc.queue.queue,
            docs=docs,
        )
        batch_ids.append(batch_id)
    return batch_ids


def unpublished_batches(svc: Services) -> list[tuple[str, list[str], str]]:
    """(batch id, doc ids, plan time) of every planned batch not yet dispatched."""
    out = []
    for event in svc.ledger.events(matter=svc.matter, action=Action.BATCH_PLANNED.value):
        if not svc.seen(f"dispatch:{event.object_id}"):
            out.append((event.object_id, list(event.details["docs"]), event.time))
    return out


def publish_batch(svc: Services, batch_id: str, doc_ids: list[str], planned_at: str) -> None:
    files: dict[str, bytes] = {}
    entries = [_add_doc(svc, doc_id, files) for doc_id in doc_ids]
    created = datetime.fromisoformat(planned_at)
    manifest = Manifest(
        batch_id=batch_id,
        queue=svc.queue.queue,
        matter=svc.matter,
        created=created,
        due=created + timedelta(hours=svc.due_hours),
        policy_version=svc.policy_version,
        instructions=INSTRUCTIONS,
        docs=tuple(entries),
    )
    svc.queue.publish(manifest, files)
    for doc_id in doc_ids:
        svc.record(f"dispatch:{doc_id}", Action.DOC_DISPATCHED, "document", doc_id, batch=batch_id)
    svc.record(
        f"dispatch:{batch_id}",
        Action.BATCH_DISPATCHED,
        "batch",
        batch_id,
        queue=svc.queue.queue,
        docs=len(doc_ids),
    )


def _add_doc(svc: Services, doc_id: str, files: dict[str, bytes]) -> ManifestDoc:
    facts = doc_facts(svc, doc_id)
    suffix = facts.media_type.suffix if facts.media_type else ".bin"
    rendition = svc.vault.get(svc.ref(doc_id, Purpose.RENDITION))
    text = load_redaction(svc.vault.get(svc.ref(doc_id, Purpose.PSEUDONYMS))).redacted_text
    text_bytes = text.encode("utf-8")
    path, text_path = f"docs/{doc_id}{suffix}", f"docs/{doc_id}.txt"
    files[path] = rendition
    files[text_path] = text_bytes
    redacted = svc.events_for(doc_id, Action.DOC_REDACTED)[0].details
    return ManifestDoc(
        doc_id=doc_id,
        media_type=facts.media_type.value if facts.media_type else "unknown",
        path=path,
        text_path=text_path,
        sha256=content_hash(rendition),
        text_sha256=content_hash(text_bytes),
        text_length=len(text),
        pages=int(redacted.get("pages", 1)),
    )


def dispatch(svc: Services) -> list[str]:
    plan_batches(svc)
    published = []
    for batch_id, doc_ids, planned_at in unpublished_batches(svc):
        publish_batch(svc, batch_id, doc_ids, planned_at)
        published.append(batch_id)
    return published
