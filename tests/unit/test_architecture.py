"""Guards on the layout: our generic package names resolve to this repo, and the
dependency rule of the design holds (checked on the import statements themselves)."""

from __future__ import annotations

import ast
import importlib
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = [
    "models",
    "config",
    "redaction",
    "vault",
    "review",
    "audit",
    "stages",
    "flows",
    "cli",
    "workbench",
]
ALLOWED = {
    "models": set(),
    "config": set(),
    "redaction": {"models", "config"},
    "vault": {"models", "config"},
    "review": {"models", "config"},
    "audit": {"models", "config"},
    "stages": {"models", "config", "redaction", "vault", "review", "audit"},
    "flows": set(PACKAGES) - {"cli", "flows", "workbench"},
    "cli": set(PACKAGES) - {"cli"},
    "workbench": {"models", "config", "review"},  # the reviewer's web app; only cli imports it
}
# Third-party libraries confined to named modules (design: each behind one small module).
PDF_MODULES = {  # the PDF libraries live only in redaction/pdf_*.py (not the pdf.py facade)
    str(path.relative_to(REPO)) for path in (REPO / "redaction").glob("pdf_*.py")
}
CONFINED = {
    "boto3": {
        "vault/s3_store.py",
        "review/s3_store.py",
        "review/s3_client.py",
        "flows/wiring.py",
        "flows/audit_wiring.py",  # the checkpoint key's KMS client (composition root)
        "flows/identity.py",  # STS GetCallerIdentity: the operator's principal
    },
    "spacy": {"redaction/ner.py"},
    "rapidocr_onnxruntime": {"redaction/ocr_rapid.py"},
    "aws_encryption_sdk": {
        "vault/keys.py",
        "vault/sealer.py",
        "vault/key_provider.py",
        "vault/local_keys.py",
        "vault/kms_keys.py",
    },
    "prefect": {
        "flows/pipeline_flow.py",
        "flows/pipeline_tasks.py",
        "flows/deploy.py",
        "flows/run_events.py",
        "flows/run_status.py",  # reads recent flow runs for `sealroom status`
        "flows/chunk_runs.py",  # redaction chunks as deployment runs on the pool
        "flows/serve_recovery.py",
        "flows/pool.py",
        "cli/server_guard.py",  # wraps the Popen of Prefect's temporary server (orphans)
    },
    **{lib: PDF_MODULES for lib in ("pypdf", "fpdf")},
    "pypdfium2": PDF_MODULES | {"workbench/pdf_pages.py"},  # the workbench's page images
    "starlette": {"workbench/app.py", "workbench/api.py", "workbench/security.py"},
    "uvicorn": {"workbench/server.py"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def source_files(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


@pytest.mark.parametrize("package", PACKAGES)
def test_package_is_imported_from_this_repo(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__file__ is not None
    assert Path(module.__file__).resolve().is_relative_to(REPO / package)


@pytest.mark.parametrize("package", PACKAGES)
def test_dependency_rule(package: str) -> None:
    ours = set(PACKAGES)
    for path in source_files(package):
        bad = (imported_roots(path) & ours) - ALLOWED[package] - {package}
        assert not bad, f"{path.relative_to(REPO)} imports {sorted(bad)}"


@pytest.mark.parametrize("library", sorted(CONFINED))
def test_third_party_libraries_stay_behind_their_module(library: str) -> None:
    users = {
        str(path.relative_to(REPO))
        for package in PACKAGES
        for path in source_files(package)
        if library in imported_roots(path)
    }
    assert users <= CONFINED[library], f"{library} imported by {sorted(users - CONFINED[library])}"


def test_flow_modules_do_not_shadow_libraries() -> None:
    """Prefect puts flows/ on sys.path: a module there must not share a library's name."""
    taken = set(sys.stdlib_module_names) | set(packages_distributions()) | set(PACKAGES)
    names = {p.stem for p in (REPO / "flows").glob("*.py")} - {"__init__"}
    assert names and not names & taken


def test_tests_are_not_shipped() -> None:
    assert not (REPO / "tests" / "__init__.py").exists()
