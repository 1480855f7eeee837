"""Routing tables, batch cutting, QC sampling, inbox tags, language guess, agreement."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.audit import AuditEvent, Outcome
from models.errors import ConfigError
from models.events import QcAgreement
from review.agreement import ReviewWork, by_reviewer, cohen_kappa, compare, span_f1
from review.batching import cut
from review.language import guess_language
from review.routing import Budget, DocRoute, RoutingTable, load_routing, sampled_for_qc
from review.tags import InboxTagger

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def table() -> RoutingTable:
    return load_routing(REPO / "config" / "routing.toml")


@pytest.mark.parametrize(
    ("doc", "queue", "due"),
    [
        (DocRoute("d", "legal"), "legal", 72),
        (DocRoute("d", "legal", specialty="privacy"), "legal-privacy", 48),
        (DocRoute("d", "medical"), "medical", 72),
        (DocRoute("d", "medical", language="es"), "medical-es", 72),
        (DocRoute("d", "medical", language="es", priority="urgent"), "medical-urgent", 24),
        (DocRoute("d", "medical", specialty="oncology"), "medical-oncology", 72),
        (DocRoute("d", "medical", specialty="oncology", language="es"), "medical-es", 72),
        (DocRoute("d", "other"), "general", 72),
    ],
)
def test_routing_table(table: RoutingTable, doc: DocRoute, queue: str, due: int) -> None:
    route = table.route(doc)
    assert (route.queue, route.budget.due_hours) == (queue, due)
    assert route.qc_queue == f"{queue}-qc"


def test_rule_budget_overrides_defaults(table: RoutingTable) -> None:
    legal = table.route(DocRoute("d", "legal")).budget
    assert (legal.max_pages, legal.max_docs, legal.qc_rate) == (800, 20, 0.1)
    assert table.route(DocRoute("d", "medical", specialty="oncology")).budget.qc_rate == 0.25


@pytest.mark.parametrize(
    "text",
    [
        'format = "sealroom.routing/9"',
        "[[rule]]\nname = 'x'\nqueue = 'bad/queue'",
        "[[rule]]\nname = 'x'\nqueue = 'q'\nqc_rate = 2.0",
        "[[rule]]\nname = 'x'\nqueue = 'q'\nunknown = 1",
        "not toml [",
    ],
)
def test_bad_routing_files_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "routing.toml"
    path.write_text(text)
    with pytest.raises(ConfigError):
        load_routing(path)


def docs(*specs: tuple[str, int, str | None]) -> list[DocRoute]:
    return [DocRoute(i, "legal", pages=p, family=f) for i, p, f in specs]


@pytest.mark.parametrize(
    ("specs", "budget", "expected"),
    [
        ([("a", 1, None), ("b", 1, None), ("c", 1, None)], (2, 99), [["a", "b"], ["c"]]),
        ([("a", 5, None), ("b", 5, None), ("c", 1, None)], (9, 10), [["a", "b"], ["c"]]),
        ([("a", 1, "f"), ("b", 1, None), ("c", 1, "f")], (2, 99), [["a", "c"], ["b"]]),
        ([("a", 1, "f"), ("b", 1, "f"), ("c", 1, "f")], (2, 99), [["a", "b", "c"]]),
        ([("a", 50, None), ("b", 1, None)], (9, 10), [["a"], ["b"]]),
    ],
)
def test_cut_table(
    specs: list[tuple[str, int, str | None]], budget: tuple[int, int], expected: list[list[str]]
) -> None:
    got = cut(docs(*specs), Budget(max_docs=budget[0], max_pages=budget[1]))
    assert [[d.doc_id for d in b] for b in got] == expected


def test_urgent_families_are_packed_first() -> None:
    batch = [DocRoute("a", "legal"), DocRoute("z", "legal", priority="urgent")]
    assert [d.doc_id for d in cut(batch, Budget(max_docs=1))[0]] == ["z"]


@given(
    st.lists(
        st.tuples(st.integers(1, 30), st.sampled_from([None, "f1", "f2", "f3"])),
        min_size=1,
        max_size=40,
    ),
    st.integers(1, 8),
    st.integers(1, 60),
)
def test_cut_keeps_every_doc_once_and_families_whole(
    specs: list[tuple[int, str | None]], max_docs: int, max_pages: int
) -> None:
    items = [DocRoute(f"d{i:02d}", "legal", pages=p, family=f) for i, (p, f) in enumerate(specs)]
    batches = cut(items, Budget(max_docs=max_docs, max_pages=max_pages))
    assert sorted(d.doc_id for b in batches for d in b) == sorted(d.doc_id for d in items)
    for family in ("f1", "f2", "f3"):
        assert sum(any(d.family == family for d in b) for b in batches) <= 1
    for batch in batches:  # over budget only when one family alone is
        over = len(batch) > max_docs or sum(d.pages for d in batch) > max_pages
        assert not over or len({d.family or d.doc_id for d in batch}) == 1


@pytest.mark.parametrize("rate", [0.0, 0.1, 0.5, 1.0])
def test_qc_sample_is_deterministic_and_near_the_rate(rate: float) -> None:
    ids = [f"batch-{i:05d}" for i in range(4000)]
    picked = [b for b in ids if sampled_for_qc(b, rate)]
    assert picked == [b for b in ids if sampled_for_qc(b, rate)]
    assert abs(len(picked) / len(ids) - rate) < 0.03


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("medical", "note.txt"), {}),
        (("medical", "oncology", "note.txt"), {"specialty": "oncology"}),
        (
            ("medical", "Urgent", "oncology", "n.txt"),
            {"specialty": "oncology", "priority": "urgent"},
        ),
        (("legal", "smith-v-jones", "mail.txt"), {"family": "doc-1"}),
        (
            ("legal", "privacy", "smith-v-jones", "x.pdf"),
            {"specialty": "privacy", "family": "doc-1"},
        ),
    ],
)
def test_inbox_tags_never_carry_folder_names(
    table: RoutingTable, parts: tuple[str, ...], expected: dict[str, str]
) -> None:
    assert InboxTagger(table).tags(parts, "doc-1") == expected


def test_family_id_is_the_first_file_of_its_folder(table: RoutingTable) -> None:
    tagger = InboxTagger(table)
    first = tagger.tags(("legal", "m", "a.txt"), "doc-1")
    second = tagger.tags(("legal", "m", "b.txt"), "doc-2")
    other = tagger.tags(("legal", "n", "c.txt"), "doc-3")
    assert first["family"] == second["family"] == "doc-1" and other["family"] == "doc-3"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The patient [PERSON_1] was seen in the clinic and the plan is to continue.", "en"),
        ("El paciente [PERSON_1] fue visto en la clínica y el plan es que siga con los", "es"),
        (
            "Le patient [PERSON_1] est vu dans le service et le plan est de continuer pour la",
            "fr",
        ),
        (
            "Der Patient [PERSON_1] ist in der Klinik und die Behandlung wird mit dem Plan",
            "de",
        ),
        ("[PERSON_1] [DATE_1]", "und"),
    ],
)
def test_language_guess(text: str, code: str) -> None:
    assert guess_language(text) == code


def test_kappa_known_answer() -> None:
    # 50 items: both yes 20, a yes/b no 5, a no/b yes 10, both no 15 -> po 0.7, pe 0.5, k 0.4
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    kappa = cohen_kappa(pairs)
    assert kappa is not None and kappa == pytest.approx(0.4)
    assert cohen_kappa([]) is None
    assert cohen_kappa([("ok", "ok")] * 3) == 1.0


def test_span_f1_and_compare() -> None:
    a = ReviewWork(frozenset({("d", 0, 3, "NOTE"), ("d", 5, 9, "ISSUE")}), {"d": "ok"})
    b = ReviewWork(frozenset({("d", 0, 3, "NOTE"), ("d", 5, 9, "NOTE")}), {"d": "ok"})
    assert span_f1(a.spans, b.spans) == 0.5 and span_f1(frozenset(), frozenset()) == 1.0
    result = compare(a, b)
    assert (result.span_f1, result.kappa, result.spans_matched) == (0.5, 1.0, 1)
    assert not result.agrees(0.8, 0.6) and result.agrees(0.5, 0.6)


def test_agreement_per_reviewer_from_ledger_events() -> None:
    def event(f1: float, kappa: float | None, agree: bool, qc: str) -> AuditEvent:
        details = QcAgreement(
            qc_batch="b-qc", reviewer="ana", qc_reviewer=qc, span_f1=f1, kappa=kappa,
            spans=(1, 1, 1), verdict_pairs=1, agree=agree,
        ).details()  # fmt: skip
        return AuditEvent(
            1, "t", "k", "a", "qc.agreement", "batch", "b", Outcome.OK, "m", details, "", ""
        )

    table = by_reviewer([event(1.0, 1.0, True, "bob"), event(0.5, None, False, "eve")])
    ana = table["ana"]
    assert (ana.comparisons, ana.disagreements, ana.mean_span_f1, ana.mean_kappa) == (
        2,
        1,
        0.75,
        1.0,
    )
    assert table["eve"].mean_kappa is None and table["bob"].disagreements == 0
