from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import errors
from models.document import DocState, content_hash, document_id
from models.finding import Finding
from models.vault_ref import Purpose, VaultRef


def test_error_codes_are_unique_and_stable_shaped() -> None:
    types = errors.all_error_types()
    codes = [cls.code for cls in types]
    assert len(codes) == len(set(codes)) > 15
    assert all(code.startswith("SR-") for code in codes)


@pytest.mark.parametrize(
    ("cls", "code"),
    [
        (errors.VaultIntegrityError, "SR-VLT-001"),
        (errors.VaultContextMismatch, "SR-VLT-002"),
        (errors.EncryptedDocument, "SR-DOC-003"),
        (errors.ImageOnlyDocument, "SR-DOC-004"),
        (errors.LeakDetected, "SR-RED-001"),
        (errors.ClaimConflict, "SR-QUE-001"),
        (errors.LedgerIntegrityError, "SR-AUD-001"),
    ],
)
def test_known_codes_and_message_carries_ref_only(
    cls: type[errors.SealroomError], code: str
) -> None:
    exc = cls("doc-123")
    assert exc.code == code
    assert str(exc) == f"{code} {cls.summary} [doc-123]"
    assert isinstance(exc, errors.SealroomError)


def test_document_id_is_deterministic_and_matter_scoped() -> None:
    data = b"Patient: Jane Roe"
    assert document_id("m1", data) == document_id("m1", data)
    assert document_id("m1", data) != document_id("m2", data)
    assert "Jane" not in document_id("m1", data)
    assert content_hash(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_terminal_states() -> None:
    assert {s for s in DocState if s.terminal} == {DocState.QUARANTINED, DocState.DELIVERED}


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (5, 2)])
def test_finding_rejects_bad_spans(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Finding(start, end, "PERSON")


@given(st.integers(0, 100), st.integers(1, 50), st.integers(0, 100), st.integers(1, 50))
def test_overlap_is_symmetric(a: int, la: int, b: int, lb: int) -> None:
    x, y = Finding(a, a + la, "X"), Finding(b, b + lb, "Y")
    assert x.overlaps(y) == y.overlaps(x) == (a < b + lb and b < a + la)


def test_vault_ref_key_and_context_use_ids_only() -> None:
    ref = VaultRef("t1", "m1", "doc-1", Purpose.ORIGINAL, 2)
    assert ref.key == "tenants/t1/matters/m1/docs/doc-1/original/v2.sealed"
    assert ref.context()["sealroom:version"] == "2"
    with pytest.raises(ValueError):
        VaultRef("t1", "../m", "doc-1", Purpose.ORIGINAL)
