"""One batch: its id is fixed by queue and documents; planning is idempotent."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.audit import Action
from models.events import BatchPlanned
from stages.batches import batch_id_for, plan, policy_versions
from stages.services import Services

IDS = st.lists(st.from_regex(r"doc-[a-z0-9]{4}", fullmatch=True), min_size=1, unique=True)


@given(IDS, st.randoms())
def test_the_id_depends_on_the_set_of_documents_and_the_queue(docs: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    assert batch_id_for("general", docs) == batch_id_for("general", shuffled)
    assert batch_id_for("general", docs) != batch_id_for("general-qc", docs)
    assert batch_id_for("general", docs).startswith("batch-")


def test_planning_twice_records_one_plan(svc: Services) -> None:
    planned = BatchPlanned(queue="general", docs=["doc-a", "doc-b"], priority="high")
    first, second = plan(svc, planned), plan(svc, planned)
    assert first == second == batch_id_for("general", ["doc-a", "doc-b"])
    (event,) = svc.events_for(first, Action.BATCH_PLANNED)
    assert event.details == {"queue": "general", "docs": ["doc-a", "doc-b"], "priority": "high"}


def test_documents_never_redacted_name_no_policy(svc: Services) -> None:
    assert policy_versions(svc, ["doc-x"]) == ""
