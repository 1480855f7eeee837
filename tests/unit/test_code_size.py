"""Small modules and small functions: no product module is over 300 lines; no function of
the guarded packages runs over 30 lines of code (its docstring not counted; redaction/,
formats/ and flows/ are not guarded yet). Run with -s for the longest functions and
modules everywhere."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GUARDED = ["models", "config", "intake", "vault", "review", "audit", "stages", "composition",
           "cli", "workbench"]  # fmt: skip
NOT_YET = ["redaction", "formats", "flows"]
MAX_LINES = 30
MAX_MODULE_LINES = 300
Function = ast.FunctionDef | ast.AsyncFunctionDef


def code_lines(node: Function) -> int:
    """Lines from the first statement after the docstring to the function's end."""
    body = node.body
    first = body[0]
    has_doc = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    start = body[1].lineno if has_doc and len(body) > 1 else first.lineno
    return (node.end_lineno or node.lineno) - start + 1


def functions(package: str) -> list[tuple[int, str]]:
    found = []
    for path in sorted((REPO / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                where = f"{path.relative_to(REPO)}:{node.lineno} {node.name}"
                found.append((code_lines(node), where))
    return found


@pytest.mark.parametrize("package", GUARDED)
def test_no_function_runs_over_thirty_lines(package: str) -> None:
    long = sorted(f for f in functions(package) if f[0] > MAX_LINES)
    assert long == [], f"split these (lines, where): {long}"


def test_the_whole_tree_is_read_and_the_longest_functions_printed() -> None:
    ranked = sorted((f for p in GUARDED + NOT_YET for f in functions(p)), reverse=True)
    print("\nlongest functions (lines of code):", *(f"{n} {w}" for n, w in ranked[:8]), sep="\n  ")
    assert len(ranked) > 1000  # every package's functions, methods and nested ones


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("def f():\n    return 1\n", 1),
        ('def f():\n    """Doc\n    string."""\n    a = 1\n    return a\n', 2),
        ('def f():\n    """Only a docstring."""\n', 1),
        ("async def f():\n    x = 1\n\n    return x\n", 3),
    ],
)
def test_lines_are_counted_without_the_docstring(source: str, lines: int) -> None:
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    assert code_lines(node) == lines


def module_sizes() -> list[tuple[int, str]]:
    return sorted(
        (len(path.read_text(encoding="utf-8").splitlines()), str(path.relative_to(REPO)))
        for package in GUARDED + NOT_YET
        for path in (REPO / package).rglob("*.py")
    )


def test_no_product_module_is_over_three_hundred_lines() -> None:
    sizes = module_sizes()
    print("\nlargest modules (lines):", *(f"{n} {w}" for n, w in sizes[-5:][::-1]), sep="\n  ")
    assert len(sizes) > 200  # every package's modules are read
    assert [s for s in sizes if s[0] > MAX_MODULE_LINES] == []
