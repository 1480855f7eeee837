"""A workbench session over a pulled batch: its documents and files, collect's verdict on the
draft tied to annotations, and the lease as the reviewer sees it."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.review import Claim, Manifest, ManifestDoc
from workbench.drafts import Draft, DraftAnnotation, DraftVerdict
from workbench.session import Session

NOW = datetime(2031, 1, 5, tzinfo=UTC)
TEXT = "[PERSON_1] was seen; plan unchanged."


class FakeClient:
    reviewer = "ana"

    def __init__(self, claim: Claim | None) -> None:
        self.claim = claim

    def current_claim(self, batch_id: str) -> Claim | None:
        return self.claim


def pulled(folder: Path) -> Path:
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    doc = ManifestDoc(doc_id="doc-a", media_type="application/pdf", path="docs/doc-a.pdf",
                      text_path="docs/doc-a.txt", sha256="0" * 64, text_sha256=digest,
                      text_length=len(TEXT))  # fmt: skip
    manifest = Manifest(batch_id="batch-1", queue="general", matter="m1", created=NOW, due=NOW,
                        policy_version="strict/1", instructions="review", docs=(doc,))  # fmt: skip
    folder.mkdir()
    (folder / "manifest.json").write_text(manifest.model_dump_json(), encoding="utf-8")
    (folder / "doc-a.txt").write_text(TEXT, encoding="utf-8")
    return folder


def session(tmp_path: Path, claim: Claim | None = None) -> Session:
    return Session(pulled(tmp_path / "batch-1"), FakeClient(claim), 600, "tok")  # type: ignore[arg-type]


def test_documents_and_their_files(tmp_path: Path) -> None:
    s = session(tmp_path)
    assert s.batch_id == "batch-1" and s.text("doc-a") == TEXT
    assert s.rendition("doc-a") == tmp_path / "batch-1" / "doc-a.pdf"
    with pytest.raises(KeyError):
        s.doc("doc-zzz")


def test_problems_point_at_their_annotation(tmp_path: Path) -> None:
    s = session(tmp_path)
    bad = DraftAnnotation(id="ann-7", doc_id="doc-a", start=0, end=10, label="ISSUE", quote="x")
    draft = Draft(annotations=[bad], docs={"doc-a": DraftVerdict(verdict="ok")})
    problems = s.problems(draft)
    assert problems and {(p["annotation"], p["doc_id"]) for p in problems} == {("ann-7", "doc-a")}
    good = bad.model_copy(update={"quote": TEXT[0:10]})
    assert s.problems(Draft(annotations=[good], docs=draft.docs)) == []


def test_a_problem_about_no_annotation_is_shown_as_is(tmp_path: Path) -> None:
    located = session(tmp_path).locate(Draft(), "verdicts: doc-a missing")
    assert located == {"message": "verdicts: doc-a missing", "annotation": None, "doc_id": None}


def test_lease_as_the_reviewer_sees_it(tmp_path: Path) -> None:
    assert session(tmp_path).lease() == {"state": "unclaimed", "expires_in": 0, "reviewer": None}
    claimed_at = datetime.now(UTC) - timedelta(seconds=100)
    claim = Claim(batch_id="batch-1", reviewer="bob", epoch=3, lease_seconds=600,
                  claimed_at=claimed_at)  # fmt: skip
    lease = Session(tmp_path / "batch-1", FakeClient(claim), 600, "tok").lease()  # type: ignore[arg-type]
    assert (lease["state"], lease["mine"], lease["epoch"]) == ("held", False, 3)
    assert 490 <= lease["expires_in"] <= 500
