"""Intake of a client's drop folder that loses nothing and is never fooled.

Every entry ``inbox_scan`` finds is either ingested (a document in the ledger) or recorded
as ``inbox.refused`` with its code and reason (a link, a hidden entry, a zero-byte or
special file, a file over the size limit, a duplicate). Sizes come from ``stat`` before any
byte is read; a file is opened without following links, hashed and sniffed in one
streaming pass, then streamed into the vault and checked against that hash (a file that
changed meanwhile is retried by the next run). With ``lifecycle="move"`` handled entries
leave the inbox for sibling folders, named by opaque id: ``processed/<doc_id>`` and
``refused/<entry_id>`` with ``refused/<entry_id>.reason.json`` (code, reason and the
entry's original relative name, for the client; that name is never logged).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, cast

from intake.inbox import kind_of
from models.document import DocKind
from models.errors import (
    DocumentTooLarge,
    DuplicateEntry,
    EntryChanged,
    EntryRefused,
    SealroomError,
    SpecialEntry,
)
from models.events import DocIngested, payload_of
from models.vault_ref import Purpose
from review.tags import InboxTagger
from stages.inbox_scan import ScannedEntry, scan
from stages.intake_record import Facts, InboxRun, IngestOutcome, record_ingest
from stages.refusals import record_refusal
from stages.services import Services
from stages.stream_hash import Digests, HashingReader, digest_file
from stages.trail import ingest_key

LIFECYCLES = ("keep", "move")


def ingest_dir(
    svc: Services, root: Path, default_kind: DocKind, max_bytes: int, lifecycle: str = "keep"
) -> InboxRun:
    """Ingest or refuse every entry; one failing entry never stops the others."""
    tagger = InboxTagger(svc.routing)
    run = InboxRun([], 0)
    for entry in scan(root, svc.matter):
        try:
            outcome = _handle(svc, entry, tagger, default_kind, max_bytes)
        except SealroomError as exc:
            run.failed += 1
            run.codes.append(exc.code)
            continue
        except OSError as exc:
            run.failed += 1
            run.codes.append(type(exc).__name__)
            continue
        if lifecycle == "move":
            _move(root, entry, outcome)
        if isinstance(outcome, IngestOutcome):
            run.outcomes.append(outcome)
    return run


Handled = IngestOutcome | SealroomError


def _handle(
    svc: Services, entry: ScannedEntry, tagger: InboxTagger, kind: DocKind, max_bytes: int
) -> Handled:
    if entry.refusal is None and entry.size > max_bytes:
        return refuse(svc, entry, DocumentTooLarge(entry.entry_id, "over the size limit; not read"))
    if entry.refusal is not None:
        return refuse(svc, entry, entry.refusal)
    try:
        return _ingest_file(svc, entry, tagger, kind_of(entry.parts, kind), max_bytes)
    except (EntryRefused, DocumentTooLarge) as refusal:  # grew past the limit while read
        return refuse(svc, entry, refusal)


def refuse(svc: Services, entry: ScannedEntry, why: SealroomError) -> SealroomError:
    """Record the refusal (once per entry id): code and reason, never the name."""
    return record_refusal(svc, entry.entry_id, why)


def _ingest_file(
    svc: Services, entry: ScannedEntry, tagger: InboxTagger, kind: DocKind, max_bytes: int
) -> IngestOutcome:
    with _open_no_follow(entry) as source:
        digests = digest_file(source, svc.matter, max_bytes, entry.entry_id)
        if svc.seen(ingest_key(digests.doc_id)) and _other_entry(svc, digests, entry):
            raise DuplicateEntry(entry.entry_id)
        tags = tagger.tags(entry.parts, digests.doc_id)
        facts = Facts(
            digests.doc_id, digests.media, digests.size, digests.sha256,
            entry.parts[-1].encode("utf-8", "surrogateescape"), digests.encoding,
        )  # fmt: skip
        return record_ingest(
            svc, facts, lambda: _seal(svc, source, digests, entry), kind, max_bytes, tags,
            entry=entry.entry_id,
        )  # fmt: skip


def _other_entry(svc: Services, digests: Digests, entry: ScannedEntry) -> bool:
    event = svc.ledger.get(ingest_key(digests.doc_id))
    if event is None:
        return False
    recorded = payload_of(event, DocIngested).entry
    return recorded is not None and recorded != entry.entry_id


def _seal(svc: Services, source: BinaryIO, digests: Digests, entry: ScannedEntry) -> None:
    source.seek(0)
    reader = HashingReader(source)
    svc.vault.put_stream(svc.ref(digests.doc_id, Purpose.ORIGINAL), cast(BinaryIO, reader))
    if reader.hexdigest() != digests.sha256:
        raise EntryChanged(entry.entry_id)


@contextmanager
def _open_no_follow(entry: ScannedEntry) -> Iterator[BinaryIO]:
    """Open without following a link swapped in since the scan; only a regular file."""
    fd = os.open(entry.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise SpecialEntry(entry.entry_id)
    with os.fdopen(fd, "rb") as source:
        yield source


def _move(root: Path, entry: ScannedEntry, outcome: Handled) -> None:
    """Move a handled entry out of the inbox (a crash before this only repeats it)."""
    if isinstance(outcome, IngestOutcome):
        target = _sibling(root, "processed") / outcome.doc_id
        if target.exists():  # same content already there (only after a crash)
            target = target.with_name(f"{outcome.doc_id}.{entry.entry_id}")
    else:
        folder = _sibling(root, "refused")
        target = folder / entry.entry_id
        _write_reason(folder / f"{entry.entry_id}.reason.json", entry, outcome)
    os.rename(entry.path, os.fsencode(target))


def _sibling(root: Path, name: str) -> Path:
    folder = root.resolve().parent / name
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _write_reason(path: Path, entry: ScannedEntry, refusal: SealroomError) -> None:
    body: dict[str, Any] = {
        "entry": entry.entry_id,
        "code": refusal.code,
        "reason": refusal.reason,
        "source": "/".join(entry.parts),
    }
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(body) + "\n", encoding="utf-8")
    os.replace(tmp, path)
