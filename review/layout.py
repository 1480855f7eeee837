"""The S3 key layout of a reviewer queue, in one place.

```
queues/<queue>/batches/<batch_id>/manifest.json
                                 /docs/<doc_id>.pdf|.txt
              /claims/<batch_id>/<reviewer>/<n>-<action>-<epoch>-<lease>.json
              /closed/<batch_id>.json
              /granted/<reviewer>/<batch_id>/docs/<doc_id>.pdf|.txt   the holder's copies
              /submissions/<batch_id>/<reviewer>.json
              /rejections/<batch_id>/<reviewer>.json
```

Every id is checked against a conservative pattern so that no caller-supplied
value can escape its prefix (no ``/``, no ``..``, no IAM wildcards).
"""

from __future__ import annotations

import re

from models.errors import QueueError

ROOT = "queues/"
MANIFEST = "manifest.json"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_REL = re.compile(r"docs/[A-Za-z0-9][A-Za-z0-9._-]{0,150}")


def check_id(kind: str, value: str) -> str:
    """Return ``value`` if it is a safe id; raise ``QueueError`` (naming the kind only)."""
    if not is_id(value):
        raise QueueError(reason=f"invalid {kind} id")
    return value


def is_id(value: object) -> bool:
    """True if ``value`` is a string of the safe id shape."""
    return isinstance(value, str) and bool(_ID.fullmatch(value)) and ".." not in value


def check_rel_path(rel_path: str) -> str:
    """A file path inside a batch: ``docs/<name>``, one segment, no traversal."""
    if not _REL.fullmatch(rel_path) or ".." in rel_path:
        raise QueueError(reason="invalid batch file path")
    return rel_path


def queue_prefix(queue: str) -> str:
    return f"{ROOT}{check_id('queue', queue)}/"


def batches_prefix(queue: str) -> str:
    return f"{queue_prefix(queue)}batches/"


def batch_prefix(queue: str, batch_id: str) -> str:
    return f"{batches_prefix(queue)}{check_id('batch', batch_id)}/"


def manifest_key(queue: str, batch_id: str) -> str:
    return batch_prefix(queue, batch_id) + MANIFEST


def file_key(queue: str, batch_id: str, rel_path: str) -> str:
    return batch_prefix(queue, batch_id) + check_rel_path(rel_path)


def claims_prefix(queue: str) -> str:
    return f"{queue_prefix(queue)}claims/"


def batch_claims_prefix(queue: str, batch_id: str) -> str:
    return f"{claims_prefix(queue)}{check_id('batch', batch_id)}/"


def reviewer_claims_prefix(queue: str, batch_id: str, reviewer: str) -> str:
    """Where ``reviewer`` (and, by IAM, only ``reviewer``) writes its claim events."""
    return f"{batch_claims_prefix(queue, batch_id)}{check_id('reviewer', reviewer)}/"


def granted_prefix(queue: str, reviewer: str, batch_id: str) -> str:
    """The claim holder's read-only copies of a batch's renditions (operator-written)."""
    return (
        f"{queue_prefix(queue)}granted/{check_id('reviewer', reviewer)}/"
        f"{check_id('batch', batch_id)}/"
    )


def granted_key(queue: str, reviewer: str, batch_id: str, rel_path: str) -> str:
    return granted_prefix(queue, reviewer, batch_id) + check_rel_path(rel_path)


def closed_prefix(queue: str) -> str:
    return f"{queue_prefix(queue)}closed/"


def closed_key(queue: str, batch_id: str) -> str:
    """Written by the operator only, when a batch's work is accepted."""
    return f"{closed_prefix(queue)}{check_id('batch', batch_id)}.json"


def submissions_prefix(queue: str, batch_id: str) -> str:
    return f"{queue_prefix(queue)}submissions/{check_id('batch', batch_id)}/"


def submission_key(queue: str, batch_id: str, reviewer: str) -> str:
    return f"{submissions_prefix(queue, batch_id)}{check_id('reviewer', reviewer)}.json"


def rejections_prefix(queue: str, batch_id: str) -> str:
    return f"{queue_prefix(queue)}rejections/{check_id('batch', batch_id)}/"


def rejection_key(queue: str, batch_id: str, reviewer: str) -> str:
    return f"{rejections_prefix(queue, batch_id)}{check_id('reviewer', reviewer)}.json"


def _leaf(prefix: str, key: str, suffix: str) -> str | None:
    """The single id segment of ``<prefix><id><suffix>``, or None if ``key`` is not that shape."""
    if not key.startswith(prefix) or not key.endswith(suffix):
        return None
    leaf = key[len(prefix) : len(key) - len(suffix)]
    return leaf if is_id(leaf) else None


def batch_of_manifest(queue: str, key: str) -> str | None:
    """``batch_id`` if ``key`` is exactly a batch manifest key of ``queue``."""
    return _leaf(batches_prefix(queue), key, "/" + MANIFEST)


def batch_of_closed(queue: str, key: str) -> str | None:
    return _leaf(closed_prefix(queue), key, ".json")


def reviewer_of_submission(queue: str, batch_id: str, key: str) -> str | None:
    """``reviewer`` if ``key`` is exactly ``submissions/<batch_id>/<reviewer>.json``."""
    return _leaf(submissions_prefix(queue, batch_id), key, ".json")
