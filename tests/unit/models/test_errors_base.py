"""The tree's root: the message is ``<code> <reason> [<ref>]`` (ids only), the reason
defaults to the class's summary, and nothing is retried unless a class says so."""

from __future__ import annotations

import pytest

from models.errors_base import ConfigError, SealroomError, StorageError


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (SealroomError(), "SR-000 sealroom error"),
        (SealroomError("doc-1"), "SR-000 sealroom error [doc-1]"),
        (SealroomError("doc-1", "bad input"), "SR-000 bad input [doc-1]"),
        (SealroomError(reason="bad input"), "SR-000 bad input"),
        (ConfigError("pdf_max_pages"), "SR-CFG-001 invalid configuration [pdf_max_pages]"),
        (StorageError("batch-1", "NoSuchBucket"), "SR-STO-001 NoSuchBucket [batch-1]"),
    ],
)
def test_message_is_code_reason_and_ref(error: SealroomError, message: str) -> None:
    assert error.message == message
    assert str(error) == message


def test_ref_and_reason_are_kept_apart_from_the_message() -> None:
    error = StorageError("obj-7", "SlowDown")
    assert (error.ref, error.reason) == ("obj-7", "SlowDown")


@pytest.mark.parametrize(
    ("cls", "retryable"), [(SealroomError, False), (ConfigError, False), (StorageError, True)]
)
def test_retryable_per_class(cls: type[SealroomError], retryable: bool) -> None:
    assert cls.retryable is retryable
    assert issubclass(cls, SealroomError)
