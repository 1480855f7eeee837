"""An ``ObjectStore`` that answers each call as S3 would under a principal's IAM policy.

Every call is mapped to its S3 action, resource ARN and request context
(``s3:prefix`` for listings, ``s3:if-none-match``/``s3:if-match`` for conditional
writes) and checked with ``review.iam_eval``; a denied call raises ``StorageError`` like
the S3 store does on a 403. Calls not attempted by the code under test are still
available as raw ``attempt_*`` methods for attacks.
"""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from models.errors import StorageError
from review.iam_eval import allowed
from review.ports import ObjectInfo, ObjectStore, StoredObject


class PolicyEnforcedStore:
    def __init__(self, inner: ObjectStore, policy: dict[str, Any], bucket: str, user: str) -> None:
        self._inner = inner
        self._policy = policy
        self._bucket = bucket
        self._user = user
        self.settle_seconds = inner.settle_seconds

    def _check(self, action: str, key: str | None, context: dict[str, str]) -> None:
        arn = f"arn:aws:s3:::{self._bucket}" + (f"/{key}" if key is not None else "")
        if not allowed(self._policy, action, arn, context, username=self._user):
            raise StorageError(key or self._bucket, "access denied")

    def put(
        self, key: str, body: bytes, *, if_none_match: bool = False, if_match: str | None = None
    ) -> str:
        context = {"s3:if-none-match": "*"} if if_none_match else {}
        if if_match is not None:
            context["s3:if-match"] = if_match
        self._check("s3:PutObject", key, context)
        return self._inner.put(key, body, if_none_match=if_none_match, if_match=if_match)

    def get(self, key: str) -> StoredObject | None:
        self._check("s3:GetObject", key, {})
        return self._inner.get(key)

    def head(self, key: str) -> ObjectInfo | None:
        self._check("s3:GetObject", key, {})
        return self._inner.head(key)

    def list(self, prefix: str) -> builtins.list[str]:
        self._check("s3:ListBucket", None, {"s3:prefix": prefix})
        return self._inner.list(prefix)

    def list_info(self, prefix: str) -> builtins.list[ObjectInfo]:
        self._check("s3:ListBucket", None, {"s3:prefix": prefix})
        return self._inner.list_info(prefix)

    def delete(self, key: str, if_match: str | None = None) -> None:
        self._check("s3:DeleteObject", key, {"s3:if-match": if_match} if if_match else {})
        self._inner.delete(key, if_match=if_match)

    def now(self) -> datetime:
        return self._inner.now()
