"""The reviewer batch format (versioned JSON on S3): manifests, claims, submissions."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

BATCH_FORMAT = "sealroom.batch/2"
SUBMISSION_FORMAT = "sealroom.submission/2"  # /2: every annotation quotes its text
RETIRED_SUBMISSION_FORMATS = ("sealroom.submission/1",)  # refused: offsets without quotes

DEFAULT_LABELS = ("ISSUE", "PRIVILEGED", "RESPONSIVE", "CLINICAL_FINDING", "NOTE")
VERDICTS = ("responsive", "not_responsive", "privileged", "needs_escalation", "ok")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ManifestDoc(_Strict):
    doc_id: str
    media_type: str
    path: str  # rendition key under the batch prefix: docs/<doc_id>.txt or docs/<doc_id>.pdf
    text_path: str  # docs/<doc_id>.txt: the rendition text annotation offsets refer to
    sha256: str  # of the rendition bytes
    text_sha256: str  # of the rendition text annotations are offsets into
    text_length: int
    pages: int = 1


class Manifest(_Strict):
    format: str = BATCH_FORMAT
    batch_id: str
    queue: str
    matter: str
    created: datetime
    due: datetime
    policy_version: str
    instructions: str
    labels: tuple[str, ...] = DEFAULT_LABELS
    verdicts: tuple[str, ...] = VERDICTS
    docs: tuple[ManifestDoc, ...]
    priority: str = "normal"
    qc_of: str | None = None  # set on a QC copy: the batch it double-reviews
    adjudicates: str | None = None  # set on an adjudication batch: the disputed batch
    prior_reviews: tuple[PriorReview, ...] = ()  # the two reviews an adjudicator compares

    def doc(self, doc_id: str) -> ManifestDoc | None:
        return next((d for d in self.docs if d.doc_id == doc_id), None)


class Claim(_Strict):
    batch_id: str
    reviewer: str
    epoch: int
    lease_seconds: int
    claimed_at: datetime  # time of the S3 write (server clock), informational
    state: str = "held"  # held | released (kept so epochs only grow) | done (work accepted)


class Annotation(_Strict):
    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str
    comment: str = Field(default="", max_length=4000)
    quote: str | None = Field(default=None, max_length=100_000)  # rendition text [start:end]


class Verdict(_Strict):
    doc_id: str
    verdict: str
    comment: str = Field(default="", max_length=4000)


class Submission(_Strict):
    format: str = SUBMISSION_FORMAT
    batch_id: str
    reviewer: str
    epoch: int
    annotations: tuple[Annotation, ...] = ()
    verdicts: tuple[Verdict, ...] = ()


class PriorReview(_Strict):
    """One earlier review shown to an adjudicator: spans and verdicts, comments dropped."""

    batch_id: str
    reviewer: str
    annotations: tuple[Annotation, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
