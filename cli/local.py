"""`sealroom detect | redact | extract`: the detection engine on local files, no vault."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from config import get_settings
from models.errors import LeakDetected, SealroomError
from models.finding import Finding

if TYPE_CHECKING:  # the PDF stack is imported only by the commands that read files
    from cli.documents import LocalFile
    from formats.registry import FormatRegistry

INPUT_TYPES = "text, PDF, Word .docx, e-mail .eml/.msg, TIFF/PNG/JPEG"
INPUTS = f"Input files ({INPUT_TYPES})."
PathsArg = Annotated[list[Path], typer.Argument(help=INPUTS, exists=True)]


def _detector() -> Any:
    from redaction.detector import Detector

    return Detector(get_settings().spacy_model)


def _fail(path: Path, exc: SealroomError) -> None:
    typer.echo(f"{path}: {exc.message}", err=True)


def _formats() -> FormatRegistry:
    from composition.formats import format_registry

    return format_registry(get_settings())


def _read_all(paths: list[Path]) -> tuple[list[LocalFile], int]:
    from cli.documents import read

    files, failed = [], 0
    for path in paths:
        try:
            files.append(read(path))
        except SealroomError as exc:
            _fail(path, exc)
            failed += 1
    return files, failed


def _texts(paths: list[Path]) -> tuple[list[tuple[Path, str]], int]:
    """(path, detection text) of every readable input; one stderr line per failure."""
    from cli.documents import text_of

    files, failed = _read_all(paths)
    formats, texts = _formats(), []
    for file in files:
        try:
            texts.append((file.path, text_of(file, formats)))
        except SealroomError as exc:
            _fail(file.path, exc)
            failed += 1
    return texts, failed


def span_json(finding: Finding) -> dict[str, Any]:
    return {
        "start": finding.start,
        "end": finding.end,
        "label": finding.label,
        "score": round(finding.score, 3),
    }


def detect(
    paths: PathsArg,
    format: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes (0: settings, else cores).")
    ] = 0,
    policy: Annotated[
        str,
        typer.Option(
            "--policy",
            help="Redaction policy (config/policies): strict (the strictest), medical, legal.",
        ),
    ] = "strict",
) -> None:
    """Print the PII spans found in each file, one JSON object per line.

    Offsets are Python str indices into the file's UTF-8 text as it is, line ends untranslated
    (a CRLF file's offsets count the CR), which is the text `sealroom extract` prints (for a
    PDF, its extracted text).
    """
    if format != "jsonl":
        raise typer.BadParameter("only jsonl is supported", param_hint="--format")
    texts, failed = _texts(paths)
    from redaction.parallel import default_workers, detect_parallel

    workers = jobs or get_settings().detect_workers or default_workers()
    from redaction.policy import PolicyDetector, load_policy

    try:
        chosen = load_policy(policy)
    except SealroomError as exc:
        raise typer.BadParameter(exc.message, param_hint="--policy") from exc
    detector = PolicyDetector(_detector(), chosen)
    findings = detect_parallel(detector, [text for _, text in texts], workers)
    for (path, _), found in zip(texts, findings, strict=True):
        spans = [span_json(f) for f in found]
        sys.stdout.write(json.dumps({"path": str(path), "spans": spans}) + "\n")
    raise typer.Exit(1 if failed else 0)


def extract(
    path: Annotated[Path, typer.Argument(help=f"One input file ({INPUT_TYPES}).", exists=True)],
) -> None:
    """Print the document text that detection runs on (pages separated by form feed: PDF
    and image pages, Word sections, e-mail attachments)."""
    texts, failed = _texts([path])
    if failed:
        raise typer.Exit(1)
    sys.stdout.write(texts[0][1])


def redact(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", help="Directory for the redacted renditions.")],
) -> None:
    """Write the redacted rendition of each input into OUT under the same file name
    (plus .txt or .pdf when the rendition is of another type: letter.docx.txt, scan.tif.pdf).

    Refused before any work (exit 2, one line) when an output would overwrite an input or
    two inputs share a name. Every rendition passes the leak gate before it is written; a
    failure is reported on stderr (one line per input) and makes the exit status non-zero.
    """
    from cli.out_paths import UnsafeOutput, output_paths
    from stages.redact import build

    try:
        targets = output_paths(paths, out)
    except UnsafeOutput as exc:
        typer.echo(f"sealroom redact: {exc}", err=True)
        raise typer.Exit(2) from None
    out.mkdir(parents=True, exist_ok=True)
    files, failed = _read_all(paths)
    detector, formats = _detector(), _formats()
    for file in files:
        try:
            media = file.media_type
            rendition, problems = build(detector, media, file.data, "input", formats=formats)
            if problems:
                raise LeakDetected("input", "; ".join(problems)[:200])
        except SealroomError as exc:
            _fail(file.path, exc)
            failed += 1
            continue
        target, shown = targets[file.path], formats.rendition_type(file.media_type)
        if shown is not None and target.suffix.lower() != shown.suffix:
            target = target.with_name(target.name + shown.suffix)  # what the bytes are
        target.write_bytes(rendition.data)
    raise typer.Exit(1 if failed else 0)
