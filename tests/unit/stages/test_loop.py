"""The per-item loop of every stage driver: one failure never stops the others."""

from __future__ import annotations

import pytest

from models.errors import StorageError
from stages.loop import each, error_code, reraise


def test_failures_are_reported_and_the_rest_goes_on() -> None:
    done: list[str] = []
    seen: list[tuple[str, str]] = []

    def work(item: str) -> None:
        if item == "b":
            raise StorageError("bucket")
        done.append(item)

    failed = each(["a", "b", "c"], work, lambda i, e: seen.append((i, error_code(e))))
    assert (done, failed, seen) == (["a", "c"], ["b"], [("b", "SR-STO-001")])


def test_the_default_handler_re_raises_the_first_failure() -> None:
    with pytest.raises(ValueError, match="bad"):
        each(["a"], lambda _: (_ for _ in ()).throw(ValueError("bad")), reraise)


@pytest.mark.parametrize(
    ("exc", "code"),
    [(StorageError("x"), "SR-STO-001"), (KeyError("secret text"), "KeyError")],
)
def test_error_codes_never_carry_the_message(exc: Exception, code: str) -> None:
    assert error_code(exc) == code
