"""The least-privilege IAM policy for one reviewer on one queue.

Grants exactly: list the queue prefix; read batch manifests (not the renditions) and the
operator's ``closed/`` markers; read the renditions only from its own
``granted/<reviewer>/`` prefix, where the operator copies a batch for its claim holder
(``review.access``); create (and read back) claim events only under ``claims/*/<reviewer>/``, and
only as create-once writes (``If-None-Match: *``, enforced by the ``s3:if-none-match``
condition key), so no reviewer can write, overwrite or delete another's claim or its own
past events; write only this reviewer's submissions; read only its rejections. Nothing
grants ``DeleteObject`` or writes to ``closed/`` (the operator's). Attach it to the IAM
principal whose name is the reviewer id (or emit it with ``${aws:username}`` as the
reviewer, so one policy binds every reviewer to its own authenticated name).
(If batches use SSE-KMS with a customer key, ``kms:Decrypt`` on that key is granted
separately: it is not a bucket permission.)
"""

from __future__ import annotations

from typing import Any

from review import layout

VERSION = "2012-10-17"
USERNAME = "${aws:username}"


def iam_policy(bucket: str, queue: str, reviewer: str) -> dict[str, Any]:
    layout.check_id("bucket", bucket)
    if reviewer != USERNAME:
        layout.check_id("reviewer", reviewer)
    prefix = layout.queue_prefix(queue)
    objects = f"arn:aws:s3:::{bucket}/{prefix}"
    own_claims = f"{objects}claims/*/{reviewer}/*"
    return {
        "Version": VERSION,
        "Statement": [
            _list_queue(bucket, prefix),
            _allow("ReadManifests", ["s3:GetObject"], f"{objects}batches/*/manifest.json"),
            _allow("OwnGrantedCopies", ["s3:GetObject"], f"{objects}granted/{reviewer}/*"),
            _allow("ReadClosed", ["s3:GetObject"], f"{objects}closed/*"),
            _allow("OwnClaimEvents", ["s3:GetObject", "s3:PutObject"], own_claims),
            _claims_create_only(objects),
            _allow("OwnSubmissions", ["s3:PutObject"], f"{objects}submissions/*/{reviewer}.json"),
            _allow("OwnRejections", ["s3:GetObject"], f"{objects}rejections/*/{reviewer}.json"),
        ],
    }


def _list_queue(bucket: str, prefix: str) -> dict[str, Any]:
    return {
        "Sid": "ListQueue",
        "Effect": "Allow",
        "Action": ["s3:ListBucket"],
        "Resource": [f"arn:aws:s3:::{bucket}"],
        "Condition": {"StringLike": {"s3:prefix": [f"{prefix}*"]}},
    }


def _claims_create_only(objects: str) -> dict[str, Any]:
    """Any claim-event write without ``If-None-Match: *`` is denied (create-once)."""
    return {
        "Sid": "ClaimEventsCreateOnly",
        "Effect": "Deny",
        "Action": ["s3:PutObject"],
        "Resource": [f"{objects}claims/*"],
        "Condition": {"Null": {"s3:if-none-match": "true"}},
    }


def _allow(sid: str, actions: list[str], resource: str) -> dict[str, Any]:
    return {"Sid": sid, "Effect": "Allow", "Action": actions, "Resource": [resource]}
