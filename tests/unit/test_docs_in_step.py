"""The README and docs/ in step with the code, mechanically: every ``sealroom ...`` command
they show is a real command with the options shown (and every command is in the README),
every ``make X`` is a Makefile target, every repository path and module reference they name
exists, and every error code they name is one of the tree's. Reads files and the CLI's
command tree only (no command runs)."""

from __future__ import annotations

import ast
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import typer

from cli.main import app
from config.settings import Settings
from models.audit import Action
from models.errors import all_error_types

REPO = Path(__file__).resolve().parents[2]
DOCS = ["README.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^ *```.*?^ *```", re.M | re.S)
SPAN = re.compile(r"`([^`]+)`")
FLAG = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
CUT = re.compile(r"(?<!\\)\||;|>|&&|\s#")


def text_of(doc: str) -> str:
    return (REPO / doc).read_text(encoding="utf-8")


def fenced_lines(text: str) -> list[tuple[int, str]]:
    """The lines of every fenced code block, with their line numbers."""
    found = []
    for block in FENCE.finditer(text):
        first = text.count("\n", 0, block.start()) + 1
        found += [(first + i, line) for i, line in enumerate(block.group(0).split("\n"))]
    return found


def inline_spans(text: str) -> list[tuple[int, str, str]]:
    """Inline code spans (whitespace folded, a span may wrap a line) outside fenced
    blocks: line number, code, and the text between the previous span and this one."""
    prose = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    spans, last = [], 0
    for m in SPAN.finditer(prose):
        line = prose.count("\n", 0, m.start()) + 1
        spans.append((line, " ".join(m.group(1).split()), prose[last : m.start()]))
        last = m.end()
    return spans


# --- the command line ------------------------------------------------------------------
@cache
def cli_root() -> Any:
    return typer.main.get_command(app)


def options(cmd: Any) -> set[str]:
    return {
        o for p in cmd.params if p.param_type_name == "option" for o in p.opts + p.secondary_opts
    }


def leaf_paths(cmd: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    if not hasattr(cmd, "commands"):
        return [path]
    return [leaf for name, sub in cmd.commands.items() for leaf in leaf_paths(sub, (*path, name))]


def resolve(words: list[str]) -> tuple[list[tuple[str, ...]], list[str], str]:
    """Walk the command tree along ``words`` (``a/b`` names alternatives): the commands
    reached, the words left over, and the first word that names no command ('' if none)."""
    reached: list[tuple[tuple[str, ...], Any]] = [((), cli_root())]
    for i, word in enumerate(words):
        groups = [(p, c) for p, c in reached if hasattr(c, "commands")]
        if not groups or not re.fullmatch(r"[a-z][\w-]*(/[a-z][\w-]*)*", word):
            return [p for p, _ in reached], words[i:], ""
        names = word.split("/")
        unknown = [n for n in names for _, c in groups if n not in c.commands]
        if unknown:
            return [p for p, _ in reached], words[i:], unknown[0]
        reached = [((*p, n), c.commands[n]) for p, c in groups for n in names]
    return [p for p, _ in reached], [], ""


def command_mentions(text: str) -> list[tuple[int, list[str]]]:
    """Every command shown: ``sealroom ...`` in code, and a span right after one,
    separated by `` / `` (``sealroom matter add-pdf-password` / `pdf-passwords``), read
    in the same command group."""
    found: list[tuple[int, list[str]]] = []
    for line, code in fenced_lines(text):
        found += [(line, m.split()) for m in re.findall(r"(?<![\w.-])sealroom\s[^#\n]*", code)]
    group: list[str] = []
    for line, code, gap in inline_spans(text):
        words = CUT.split(code)[0].split()
        if words[:1] == ["sealroom"]:
            found.append((line, words))
            group = words[:2]
        elif group and gap == " / " and words:
            found.append((line, group + words))
        else:
            group = []
    return found


def command_mistakes(doc: str) -> list[str]:
    mistakes = []
    for line, words in command_mentions(text_of(doc)):
        words = CUT.split(" ".join(words))[0].split()
        paths, rest, unknown = resolve(words[1:])
        shown = " ".join(words)
        if unknown:
            mistakes.append(f"{doc}:{line}: no command {unknown!r} in `{shown}`")
            continue
        for flag in FLAG.findall(" ".join(rest)):
            if flag != "--help" and any(flag not in options(cmd_at(p)) for p in paths):
                mistakes.append(f"{doc}:{line}: no option {flag} in `{shown}`")
    return mistakes


def cmd_at(path: tuple[str, ...]) -> Any:
    cmd = cli_root()
    for name in path:
        cmd = cmd.commands[name]
    return cmd


@pytest.mark.parametrize("doc", DOCS)
def test_every_command_shown_is_a_real_command_with_those_options(doc: str) -> None:
    assert command_mistakes(doc) == []


def test_every_command_is_in_the_readme() -> None:
    shown = set()
    for _, words in command_mentions(text_of("README.md")):
        shown |= set(resolve(CUT.split(" ".join(words[1:]))[0].split())[0])
    missing = sorted(" ".join(p) for p in leaf_paths(cli_root()) if p not in shown)
    assert missing == [], "commands the README does not show"


SAMPLE = """Run `sealroom quarantine list [--json]` / `show DOC [--source]`, then `sealroom
audit export --format jsonl\\|csv [--out FILE]` or `sealroom run | jq .`; not `sealroom.toml`.

   ```sh
   sealroom vault keys --matter M   # the --nothing here is a comment
   ```
"""


def test_the_checker_reads_spans_continuations_wrapped_spans_and_code_blocks() -> None:
    assert command_mentions(SAMPLE) == [
        (5, ["sealroom", "vault", "keys", "--matter", "M"]),
        (1, ["sealroom", "quarantine", "list", "[--json]"]),
        (1, ["sealroom", "quarantine", "show", "DOC", "[--source]"]),
        (1, ["sealroom", "audit", "export", "--format", "jsonl\\|csv", "[--out", "FILE]"]),
        (2, ["sealroom", "run"]),
    ]


def test_the_checker_catches_a_wrong_command_and_a_wrong_option() -> None:
    assert resolve(["vault", "rotate", "--resume"])[:2] == ([("vault", "rotate")], ["--resume"])
    assert resolve(["vault", "rotten"])[2] == "rotten"
    assert resolve(["reviewer", "list/claim"])[0] == [("reviewer", "list"), ("reviewer", "claim")]
    assert "--resume" in options(cmd_at(("vault", "rotate")))
    assert "--resume" not in options(cmd_at(("vault", "shred")))


# --- make targets ----------------------------------------------------------------------
def make_targets() -> set[str]:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([\w-]+):", makefile, re.M))


def make_targets_shown(doc: str) -> set[str]:
    text = text_of(doc)
    codes = [code for _, code in fenced_lines(text)] + [c for _, c, _ in inline_spans(text)]
    return {t for code in codes for t in re.findall(r"(?<![\w-])make ([a-z][\w-]*)", code)}


@pytest.mark.parametrize("doc", DOCS)
def test_every_make_target_shown_exists(doc: str) -> None:
    assert make_targets_shown(doc) - make_targets() == set()


def test_every_make_target_is_in_the_readme() -> None:
    assert {"demo", "test", "lint"} <= make_targets()  # the Makefile is still read
    assert make_targets() - make_targets_shown("README.md") == set()


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


# --- setting defaults --------------------------------------------------------------------
UNITS = {"KiB": 1024, "MiB": 1024**2, "GiB": 1024**3, "M": 10**6}


def readme_defaults() -> list[tuple[str, str]]:
    """(setting, default as the README's settings table writes it) for every row."""
    found = []
    for row in text_of("README.md").splitlines():
        if row.startswith("| `SEALROOM_"):
            first, default = [c.strip() for c in row.strip("|").split("|")][:2]
            names = re.findall(r"`SEALROOM_(\w+)`", first)
            defaults = [d.strip() for d in re.split(r",\s*(?![^{]*})", default)]
            defaults = defaults if len(defaults) == len(names) else defaults[:1] * len(names)
            found += list(zip((n.lower() for n in names), defaults, strict=True))
    return found


def default_mistake(written: str, real: object) -> str:
    """'' when the README's default is the code's; derived defaults (a path under
    ``$HOME``, "AWS") are not compared, only that the code leaves them unset."""
    literal = re.fullmatch(r"`([^`]*)`(?: \(.*\))?", written)
    sized = re.fullmatch(r"(\d+) (KiB|MiB|GiB|M)", written)
    if written.startswith("none") or real is None:
        ok = real is None
    elif sized:
        ok = real == int(sized.group(1)) * UNITS[sized.group(2)]
    elif literal:
        ok = literal.group(1) in (str(real), json.dumps(real, default=str), str(real).lower())
        ok = ok or (isinstance(real, float) and float(literal.group(1)) == real)
    else:
        return f"cannot read {written!r}"
    return "" if ok else f"README says {written}, the code {real!r}"


@pytest.mark.parametrize(("name", "written"), readme_defaults())
def test_every_setting_default_in_the_readme_is_the_code_default(name: str, written: str) -> None:
    real = Settings.model_fields[name].get_default(call_default_factory=True, validated_data={})
    assert default_mistake(written, real) == ""


@pytest.mark.parametrize(
    ("written", "real", "ok"),
    [
        ("`150`", 150, True),
        ("`151`", 150, False),
        ("`120`", 120.0, True),
        ("256 MiB", 256 * 1024**2, True),
        ("60 M", 60_000_000, True),
        ("1 GiB", 1024**2, False),
        ("`false`", False, True),
        ('`{"medical": "medical"}`', {"medical": "medical"}, True),
        ("none", None, True),
        ("none", "x", False),
        ("`$HOME/vault`", None, True),
        ("`0` (all cores)", 0, True),
    ],
)
def test_the_default_checker_knows_right_from_wrong(written: str, real: object, ok: bool) -> None:
    assert (default_mistake(written, real) == "") is ok


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
    assert "test_every_test_cited_exists" in defined_tests("tests/unit/test_docs_in_step.py")
