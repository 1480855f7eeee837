"""Every repository path, module reference and cited test the README and docs/ name
exists, every error code and ledger action they name is real, and the architecture page names
every package and every stages/ module."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

from models.audit import Action
from models.errors import all_error_types
from tests.unit.docs_text import DOCS, REPO, inline_spans, text_of


# --- paths and module references -------------------------------------------------------
@cache
def tracked_tops() -> frozenset[str]:
    """The repository's top-level names: a reference must start with one to be a path."""
    return frozenset(p.name for p in REPO.iterdir() if not p.name.startswith("."))


def defines(module: Path, name: str) -> bool:
    """``name`` is defined, assigned or imported at the top level of ``module``."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [(a.asname or a.name).split(".")[0] for a in node.names]
        else:
            continue
        if name in names:
            return True
    return False


def module_file(parts: list[str]) -> Path | None:
    for candidate in (
        REPO.joinpath(*parts).with_suffix(".py"),
        REPO.joinpath(*parts, "__init__.py"),
    ):
        if candidate.exists():
            return candidate
    return None


def dotted_mistake(ref: str) -> str:
    """``package.module.Name`` (or ``dir/module.Name``): the longest module prefix must
    exist and define the next name ('' when it does, or when it is no module path)."""
    parts = re.sub(r"\.py(?=$|:)", "", ref).replace("/", ".").replace(":", ".").split(".")
    for k in range(len(parts), 0, -1):
        module = module_file(parts[:k])
        if module is not None:
            ok = k == len(parts) or defines(module, parts[k])
            return "" if ok else f"{module.relative_to(REPO)} defines no {parts[k]}"
    return f"no module {ref}"


def path_mistake(ref: str) -> str:
    path = ref.split(":")[0].rstrip("/")
    if list(REPO.glob(path)):
        return "" if ":" not in ref else dotted_mistake(ref)
    if Path(path).suffix and (REPO / path).with_suffix(".py").exists():
        return dotted_mistake(ref)  # dir/module.Name
    return f"no path {path}"


ACTIONS = {a.value for a in Action}
FILE_NAME = re.compile(r"\.(xml|json|jsonl|txt|toml|pdf|html|csv|md)$")
REF = re.compile(r"[\w.*-]+(?:/[\w.*-]+)*/?(?::\w+)?")


def references(doc: str) -> list[tuple[int, str]]:
    """Inline code that names a repository path (``dir/file``, ``dir/module.Name``,
    ``file.py:func``) or a module (``package.module.Name``), by its first part."""
    found = []
    for line, code, _ in inline_spans(text_of(doc)):
        top = re.split(r"[/.:]", code)[0]
        if not REF.fullmatch(code) or code in ACTIONS or top not in tracked_tops():
            continue
        if "/" not in code and FILE_NAME.search(code):
            continue  # a file name such as Label Studio's `config.xml`, not a module
        if "/" not in code and (top + ".py" in tracked_tops() or "." not in code):
            continue  # a top-level script's name, or a package named alone
        found.append((line, code))
    return found


def reference_mistakes(doc: str) -> list[str]:
    mistakes = []
    for line, code in references(doc):
        mistake = path_mistake(code) if "/" in code else dotted_mistake(code)
        if mistake and not (REPO / code).exists():
            mistakes.append(f"{doc}:{line}: `{code}`: {mistake}")
    return mistakes


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_and_module_named_exists(doc: str) -> None:
    assert reference_mistakes(doc) == []


def test_the_reference_checker_reads_the_pages() -> None:
    assert len(references("docs/architecture.md")) > 150
    assert len(references("README.md")) > 60


@pytest.mark.parametrize(
    ("ref", "wrong"),
    [
        ("models/errors.py", False),
        ("composition/wiring.py:build_vault", False),
        ("redaction/pdf_*.py", False),
        ("vault.ports.BlobStore", False),
        ("redaction/pdf_boxes.PackedBoxes", False),
        ("composition/wiring.py:build_nothing", True),
        ("stages/redact._build_pdf", True),
        ("vault.ports.NoStore", True),
        ("models/no_such_module.py", True),
    ],
)
def test_the_reference_checker_knows_right_from_wrong(ref: str, wrong: bool) -> None:
    mistake = path_mistake(ref) if "/" in ref else dotted_mistake(ref)
    assert bool(mistake) is wrong, mistake


# --- error codes -------------------------------------------------------------------------
@pytest.mark.parametrize("doc", DOCS)
def test_every_error_code_named_is_in_the_tree(doc: str) -> None:
    codes = {cls.code for cls in all_error_types()}
    named = set(re.findall(r"\bSR-(?:\d{3}|[A-Z]{3}-\d{3})\b", text_of(doc)))
    assert named - codes == set()


# --- the architecture page names every package and every stages/ module ----------------
PACKAGES = ["models", "config", "intake", "redaction", "formats", "vault", "review", "audit",
            "stages", "composition", "flows", "cli", "workbench"]  # fmt: skip


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_is_in_the_architecture_page(package: str) -> None:
    assert re.search(rf"^{package}/ ", text_of("docs/architecture.md"), re.M)


def test_every_module_of_stages_is_named_in_the_architecture_page() -> None:
    named = {code for _, code, _ in inline_spans(text_of("docs/architecture.md"))}
    modules = {p.stem for p in (REPO / "stages").glob("*.py")} - {"__init__"}
    assert modules - named == set(), "say what each is: a stage, or a helper it shares"


# --- tests the pages cite ----------------------------------------------------------------
TEST_REF = re.compile(r"(?:(tests/[\w/]+\.py)::)?(test_\w+?)(_?\.\.\.)?(?:\[[^\]]*\])?")


@cache
def defined_tests(where: str) -> frozenset[str]:
    """The test functions defined in a test file, or in every test file under a folder."""
    root = REPO / where
    names = set()
    for path in [root] if root.is_file() else root.rglob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    return frozenset(names)


def cited_test_mistakes(doc: str) -> list[str]:
    """A cited test (``file::test_x``, ``test_x``, or a prefix ``test_x_...``) exists."""
    mistakes = []
    for line, code, _ in inline_spans(text_of(doc)):
        m = TEST_REF.fullmatch(code)
        if not m or code.endswith(".py"):
            continue
        where, name, prefix = m.groups()
        names = defined_tests(where or "tests")
        if not any(n == name or (prefix and n.startswith(name)) for n in names):
            mistakes.append(f"{doc}:{line}: no test `{code}`")
    return mistakes


@pytest.mark.parametrize("doc", DOCS)
def test_every_test_cited_exists(doc: str) -> None:
    assert cited_test_mistakes(doc) == []


def test_the_test_citation_reader() -> None:
    assert TEST_REF.fullmatch("test_a_worker_killed_mid_run_...[redaction, then publish]")
    assert TEST_REF.fullmatch("tests/flows/test_work_pool.py::test_two_runs")
    assert "test_every_test_cited_exists" in defined_tests("tests/unit/test_docs_references.py")


# --- ledger actions ------------------------------------------------------------------------
@pytest.mark.parametrize("doc", DOCS)
def test_every_ledger_action_named_is_an_action(doc: str) -> None:
    """A span shaped like an action (``document.quarantined``: a known action's prefix, a
    dot, a word) names a real action, unless it is a module (``audit.ports``)."""
    prefixes = {a.split(".")[0] for a in ACTIONS}
    spans = {code for _, code, _ in inline_spans(text_of(doc))}
    shaped = {
        s for s in spans if re.fullmatch(r"[a-z]+\.[a-z_]+", s) and s.split(".")[0] in prefixes
    }
    assert {s for s in shaped - ACTIONS if dotted_mistake(s)} == set()
