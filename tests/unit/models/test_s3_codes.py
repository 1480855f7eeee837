"""S3 error codes, defined once for every S3 adapter."""

from __future__ import annotations

import pytest

from models.s3_codes import BUCKET_EXISTS, MISSING, PRECONDITION_FAILED, error_code


@pytest.mark.parametrize(
    ("response", "code"),
    [
        ({"Error": {"Code": "NoSuchKey"}}, "NoSuchKey"),
        ({"Error": {"Code": 412}}, "412"),
        ({"Error": {}}, ""),
        ({}, ""),
    ],
)
def test_error_code(response: dict[str, object], code: str) -> None:
    assert error_code(response) == code


def test_the_sets_do_not_overlap() -> None:
    assert not (MISSING & PRECONDITION_FAILED) and not (MISSING & BUCKET_EXISTS)
    assert {"404", "NoSuchKey"} <= MISSING and {"412", "409"} <= PRECONDITION_FAILED
