"""What a payload names (reviewers, batches, documents, code, epoch): a table of known
answers, and a check over every model that no kind carrying such a field is missed."""

from __future__ import annotations

import pytest

from models import event_refs as refs
from models import events as ev

QC = ev.QcAgreement(qc_batch="b-qc", reviewer="ana", qc_reviewer="bob", span_f1=1.0,
                    kappa=None, spans=(1, 1, 1), verdict_pairs=0, agree=True)  # fmt: skip
ACCESS = ev.DocAccessGranted(reviewer="ana", batch="b1", epoch=3, file="docs/d1.txt",
                             granted_at="t")  # fmt: skip
REJECTED = ev.SubmissionRejected(reviewer="eve", code="SR-QUE-003")
PLANNED = ev.BatchPlanned(queue="q", docs=["d1", "d2"], qc_of="b0")
CLAIMED = ev.BatchClaimed(reviewer="ana", epoch=2)
QUARANTINED = ev.DocQuarantined(code="SR-DOC-004", reason="image_only_page")
DISPATCHED = ev.DocDispatched(batch="b1")


@pytest.mark.parametrize(
    ("payload", "reviewers", "batches", "documents", "code", "epoch"),
    [
        (QC, ("ana", "bob"), ("b-qc",), (), "", None),
        (ACCESS, ("ana",), ("b1",), (), "", 3),
        (REJECTED, ("eve",), (), (), "SR-QUE-003", None),
        (PLANNED, (), (), ("d1", "d2"), "", None),  # qc_of is the plan's link, not a named batch
        (CLAIMED, ("ana",), (), (), "", 2),
        (QUARANTINED, (), (), (), "SR-DOC-004", None),
        (DISPATCHED, (), ("b1",), (), "", None),
        (ev.BatchDispatched(queue="q", docs=2), (), (), (), "", None),  # a count, not ids
    ],
)
def test_what_a_payload_names(
    payload: ev.Payload,
    reviewers: tuple[str, ...],
    batches: tuple[str, ...],
    documents: tuple[str, ...],
    code: str,
    epoch: int | None,
) -> None:
    assert refs.reviewers_named(payload) == reviewers
    assert refs.batches_named(payload) == batches
    assert refs.documents_named(payload) == documents
    assert (refs.code_of(payload), refs.epoch_of(payload)) == (code, epoch)


Kinds = tuple[type[ev.Payload], ...]


@pytest.mark.parametrize(
    ("field", "kinds"),
    [
        ("reviewer", (*refs.ONE_REVIEWER, ev.QcAgreement)),
        ("batch", refs.IN_A_BATCH),
        ("qc_batch", (ev.QcAgreement,)),
        ("code", refs.CODED),
        ("epoch", refs.EPOCHS),
    ],
)
def test_every_model_with_the_field_is_covered(field: str, kinds: Kinds) -> None:
    having = {m for m in ev.PAYLOADS.values() if field in m.model_fields}
    assert having == set(kinds)


def test_only_a_plan_lists_documents() -> None:
    lists = {m for m in ev.PAYLOADS.values() if "docs" in m.model_fields
             and m.model_fields["docs"].annotation == list[str]}  # fmt: skip
    assert lists == {ev.BatchPlanned}
