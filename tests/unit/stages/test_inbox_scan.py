"""The drop-folder scan: sorted entries, opaque ids, refusals decided from ``lstat``
(links, hidden and empty files) without reading a byte."""

from __future__ import annotations

from pathlib import Path

from models.errors import EmptyEntry, HiddenEntry, SymlinkRefused
from stages.inbox_scan import scan


def test_entries_are_sorted_with_opaque_ids_and_refusals(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("second", encoding="utf-8")
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    found = {e.parts: e for e in scan(tmp_path, "m-1")}
    refusals = {p[-1]: type(e.refusal) for p, e in found.items() if e.refusal is not None}
    assert refusals == {
        ".hidden.txt": HiddenEntry,
        "empty.txt": EmptyEntry,
        "link.txt": SymlinkRefused,
    }
    accepted = [p[-1] for p, e in found.items() if e.refusal is None]
    assert accepted == ["a.txt", "b.txt"]
    assert all("a.txt" not in e.entry_id and "b.txt" not in e.entry_id for e in found.values())
    assert found[("a.txt",)].size == len("first")


def test_the_same_tree_gives_the_same_ids(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    first = [e.entry_id for e in scan(tmp_path, "m-1")]
    assert first == [e.entry_id for e in scan(tmp_path, "m-1")]
    assert first != [e.entry_id for e in scan(tmp_path, "m-2")]
