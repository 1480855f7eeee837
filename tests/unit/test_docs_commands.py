"""Every ``sealroom ...`` command the README and docs/ show is a real command with the
options shown, and every command is in the README; the --help texts name only real commands
and settings; every ``make X`` the docs show is a Makefile target, and every target is in
the README. Reads the CLI's command tree (nothing runs)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest
import typer

from cli.main import app
from tests.unit.docs_text import CUT, DOCS, FLAG, REPO, fenced_lines, inline_spans, text_of


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
            reached = resolve(words[1:])[0]  # the group of the command shown
            group = ["sealroom", *reached[0][:-1]] if reached and reached[0] else []
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
audit export --format jsonl\\|csv [--out FILE]` or `sealroom run | jq .` / `serve`;
not `sealroom.toml`.

   ```sh
   sealroom vault keys --matter M   # the --nothing here is a comment
   ```
"""


def test_the_checker_reads_spans_continuations_wrapped_spans_and_code_blocks() -> None:
    assert command_mentions(SAMPLE) == [
        (6, ["sealroom", "vault", "keys", "--matter", "M"]),
        (1, ["sealroom", "quarantine", "list", "[--json]"]),
        (1, ["sealroom", "quarantine", "show", "DOC", "[--source]"]),
        (1, ["sealroom", "audit", "export", "--format", "jsonl\\|csv", "[--out", "FILE]"]),
        (2, ["sealroom", "run"]),
        (2, ["sealroom", "serve"]),
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


# --- the --help texts themselves -------------------------------------------------------
def help_texts(cmd: Any, path: str = "sealroom") -> list[tuple[str, str]]:
    """Every command's help and every parameter's, with where it is shown."""
    found = [(path, cmd.help or "")]
    found += [(f"{path} {p.name}", getattr(p, "help", None) or "") for p in cmd.params]
    for name, sub in getattr(cmd, "commands", {}).items():
        found += help_texts(sub, f"{path} {name}")
    return found


def test_help_texts_name_only_real_commands_and_variables() -> None:
    from config.validation import OTHER_VARIABLES, setting_variables

    known = setting_variables() | set(OTHER_VARIABLES)
    mistakes, commands = [], 0
    for where, text in help_texts(cli_root()):
        for name in set(re.findall(r"\bSEALROOM_[A-Z0-9_]*[A-Z0-9]\b", text)) - known:
            mistakes.append(f"{where}: no setting {name}")
        for shown in re.findall(r"sealroom ([a-z][\w-]*(?: [a-z][\w-]*)?)", text):
            commands += 1
            if resolve(shown.split())[2]:
                mistakes.append(f"{where}: no command `sealroom {shown}`")
    assert mistakes == []
    assert commands >= 3  # the help texts that name another command are still read
