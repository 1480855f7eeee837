"""The least-privilege IAM policy for one reviewer on one queue.

Grants exactly: list the queue prefix; read its batches; create/read/renew/release
claims (conditional ``PutObject``; release writes a tombstone, so no ``DeleteObject``);
write only this reviewer's submissions; read only this reviewer's rejections.
(If batches use SSE-KMS with a customer key, ``kms:Decrypt`` on that key is granted
separately: it is not a bucket permission.)
"""

from __future__ import annotations

from typing import Any

from review import layout

VERSION = "2012-10-17"


def iam_policy(bucket: str, queue: str, reviewer: str) -> dict[str, Any]:
    layout.check_id("bucket", bucket)
    layout.check_id("reviewer", reviewer)
    prefix = layout.queue_prefix(queue)
    objects = f"arn:aws:s3:::{bucket}/{prefix}"
    return {
        "Version": VERSION,
        "Statement": [
            {
                "Sid": "ListQueue",
                "Effect": "Allow",
                "Action": ["s3:ListBucket"],
                "Resource": [f"arn:aws:s3:::{bucket}"],
                "Condition": {"StringLike": {"s3:prefix": [f"{prefix}*"]}},
            },
            _allow("ReadBatches", ["s3:GetObject"], f"{objects}batches/*"),
            _allow("Claims", ["s3:GetObject", "s3:PutObject"], f"{objects}claims/*"),
            _allow("OwnSubmissions", ["s3:PutObject"], f"{objects}submissions/*/{reviewer}.json"),
            _allow("OwnRejections", ["s3:GetObject"], f"{objects}rejections/*/{reviewer}.json"),
        ],
    }


def _allow(sid: str, actions: list[str], resource: str) -> dict[str, Any]:
    return {"Sid": sid, "Effect": "Allow", "Action": actions, "Resource": [resource]}
