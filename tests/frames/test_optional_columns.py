"""An optional column of a history may be left out of the frame: it is then unknown
(null) in every row, as the layouts of `dua.frames.layouts` and docs/frames.md promise.
An enrolments frame without `end` holds ongoing enrolments, so `frames.kaa_coverage`
answers as the object rule does for enrolments with no end date, on every backend
(before, a missing `end` failed inside the engine: polars' `ColumnNotFoundError`, a
`KeyError` on others)."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from dua import frames
from dua.model import Enrolment, EnrolmentKind, Person
from dua.rules.kaa import kaa_coverage, non_coverage_reason
from tests.frames.backends import BACKENDS, rows

ON = date(2018, 6, 30)  # kaa-2015-01-01: introduction programmes are still covered
STARTED = date(2017, 8, 20)
ATTENDING = {
    "a": EnrolmentKind.NATIONAL_PROGRAMME,  # upper-secondary school: not covered
    "b": EnrolmentKind.INTRODUCTION_PROGRAMME,  # covered before 2018-07-01
    "c": EnrolmentKind.COMPULSORY,  # still in compulsory school: not covered
}
BORN = {"a": date(2001, 3, 1), "b": date(2001, 5, 5), "c": date(2001, 9, 9), "d": date(2000, 1, 1)}


def persons() -> pa.Table:
    return pa.table({"key": list(BORN), "birth_date": list(BORN.values())})


def enrolments(**end: list[object]) -> pa.Table:
    return pa.table(
        {
            "key": list(ATTENDING),
            "kind": [kind.name for kind in ATTENDING.values()],
            "start": [STARTED] * len(ATTENDING),
            **end,
        }
    )


def expected() -> list[tuple[str, bool, str | None]]:
    """The object rule's answers, every enrolment without an end date."""
    answers = []
    for key, born in BORN.items():
        attending = ATTENDING.get(key)
        person = Person(
            key=key,
            birth_date=born,
            enrolments=() if attending is None else (Enrolment(kind=attending, start=STARTED),),
        )
        decision = kaa_coverage(person, on=ON)
        answers.append((key, bool(decision), non_coverage_reason(decision)))
    return answers


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_enrolments_without_end_are_ongoing(backend: str) -> None:
    build = BACKENDS[backend]
    without_end = frames.kaa_coverage(build(persons()), on=ON, enrolments=build(enrolments()))
    got = [(row["key"], row["kaa"], row["kaa_reason"]) for row in rows(without_end)]
    assert got == expected()
    # The answers of a frame whose `end` is there and empty.
    ends = pa.array([None] * len(ATTENDING), type=pa.date32())
    with_end = frames.kaa_coverage(build(persons()), on=ON, enrolments=build(enrolments(end=ends)))
    assert rows(with_end) == rows(without_end)
    assert expected() == [
        ("a", False, "not_enrolled"),
        ("b", True, None),
        ("c", False, "compulsory_school"),
        ("d", True, None),
    ]
