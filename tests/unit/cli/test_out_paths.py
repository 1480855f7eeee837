"""`sealroom redact --out`: outputs are <out>/<name>, never over an input, never two
inputs onto one output."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.out_paths import UnsafeOutput, output_paths


def test_each_input_goes_to_its_name_under_out(tmp_path: Path) -> None:
    a, b = tmp_path / "in" / "a.txt", tmp_path / "in" / "b.pdf"
    out = tmp_path / "out"
    assert output_paths([a, b], out) == {a: out / "a.txt", b: out / "b.pdf"}


def test_two_inputs_with_one_name_are_refused(tmp_path: Path) -> None:
    one, two = tmp_path / "x" / "note.txt", tmp_path / "y" / "note.txt"
    with pytest.raises(UnsafeOutput, match="both be written"):
        output_paths([one, two], tmp_path / "out")


def test_the_same_input_twice_is_one_output(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    assert output_paths([a, a], tmp_path / "out") == {a: tmp_path / "out" / "a.txt"}


def test_an_out_folder_that_holds_the_input_is_refused(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("x")
    with pytest.raises(UnsafeOutput, match="overwrite the input"):
        output_paths([a], tmp_path)


def test_a_link_to_the_input_counts_as_the_input(tmp_path: Path) -> None:
    a = tmp_path / "data" / "a.txt"
    a.parent.mkdir()
    a.write_text("x")
    (tmp_path / "out").symlink_to(a.parent)  # out/a.txt resolves to the input
    with pytest.raises(UnsafeOutput):
        output_paths([a], tmp_path / "out")
