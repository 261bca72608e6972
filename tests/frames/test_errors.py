"""Bad frames give a one-line `dua.errors.FrameError` naming the column (issue 9, done
when: "a frame with a wrong type, an unknown category or a missing column gives a one-line
`dua.errors` message naming the column"), with a few row numbers and never an identity
number; on every backend."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from dua import frames
from dua.errors import DuaError, FrameError
from tests.frames.backends import BACKENDS, rows

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

ON = date(2018, 7, 1)


def persons(**columns: pa.Array | list[object]) -> pa.Table:
    base: dict[str, pa.Array | list[object]] = {
        "key": ["a", "b", "c", "d"],
        "birth_date": [date(2001, 3, 1), date(2000, 1, 1), date(2002, 2, 28), date(1999, 5, 5)],
    }
    base.update(columns)
    return pa.table(base)


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_missing_column_is_named(backend: str) -> None:
    table = pa.table({"key": ["a"], "fodelsedag": [date(2001, 3, 1)]})
    with pytest.raises(FrameError) as raised:
        frames.kaa_coverage(BACKENDS[backend](table), on=ON)
    message = str(raised.value)
    assert "\n" not in message
    assert raised.value.column == "birth_date"
    assert message.startswith("column 'birth_date': missing from the persons frame")
    assert "födelsedatum" in message  # the Swedish header that would also do


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_wrong_type_is_named(backend: str) -> None:
    table = persons(birth_date=[20010301, 20000101, 20020228, 19990505])
    with pytest.raises(FrameError) as raised:
        frames.kaa_coverage(BACKENDS[backend](table), on=ON)
    message = str(raised.value)
    assert "\n" not in message
    assert raised.value.column == "birth_date"
    assert "expected a date for birth_date, got Int64" in message


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_unknown_category_is_named_with_rows(backend: str) -> None:
    table = persons(residence=["folkbokförd", "bosatt", None, "ASYLUM_SEEKER"])
    with pytest.raises(FrameError) as raised:
        frames.kaa_coverage(BACKENDS[backend](table), on=ON)
    error = raised.value
    assert "\n" not in str(error)
    assert error.column == "residence"
    assert error.rows == (2,)
    assert str(error).startswith("column 'residence': not one of folkbokförd, ")
    assert str(error).endswith("(row 2)")


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_unknown_category_in_a_history_is_named(backend: str) -> None:
    build = BACKENDS[backend]
    enrolments = pa.table(
        {
            "key": ["a", "b", "c"],
            "skolform": ["gymnasium", "nationellt program", "gymnasium"],
            "inskrivning_start": [date(2017, 8, 20)] * 3,
        }
    )
    with pytest.raises(FrameError) as raised:
        frames.kaa_coverage(build(persons()), on=ON, enrolments=build(enrolments))
    assert raised.value.column == "skolform"
    assert raised.value.rows == (1, 3)


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_empty_required_values_are_found(backend: str) -> None:
    table = persons(birth_date=pa.array([date(2001, 3, 1), None, None, None], pa.date32()))
    with pytest.raises(FrameError) as raised:
        frames.kaa_coverage(BACKENDS[backend](table), on=ON)
    assert raised.value.column == "birth_date"
    assert raised.value.rows == (2, 3, 4)


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_empty_required_values_are_found_beside_category_columns(backend: str) -> None:
    # A lazy frame with category columns is checked by one aggregate query (the distinct
    # terms, each with its counts of rows and of non-empty required values): the empty
    # values must be found there too, in the persons and in a history.
    build = BACKENDS[backend]
    born = pa.array([date(2001, 3, 1), None, date(2002, 2, 28), None], pa.date32())
    table = persons(birth_date=born, residence=["folkbokförd", "folkbokförd", None, "asylsökande"])
    with pytest.raises(FrameError) as raised:
        frames.kaa_coverage(build(table), on=ON)
    assert raised.value.column == "birth_date"
    assert raised.value.rows == (2, 4)
    enrolments = pa.table(
        {
            "key": ["a", "b", "c"],
            "skolform": ["nationellt program", "grundskola", "komvux"],
            "inskrivning_start": pa.array([date(2017, 8, 20), None, date(2017, 8, 20)]),
            "inskrivning_slut": pa.array([None, None, None], pa.date32()),
        }
    )
    with pytest.raises(FrameError) as raised:
        frames.kaa_coverage(build(persons()), on=ON, enrolments=build(enrolments))
    assert raised.value.column == "inskrivning_start"
    assert raised.value.rows == (2,)
    # Nothing empty: no error, and the terms were read (a, 17, is in a national
    # programme; b, 18, still in compulsory school; c, 16, in komvux, which ends no one's
    # coverage).
    enrolments = enrolments.set_column(2, "inskrivning_start", pa.array([date(2017, 8, 20)] * 3))
    out = frames.kaa_coverage(build(persons()), on=ON, enrolments=build(enrolments))
    reasons = {row["key"]: row["kaa_reason"] for row in rows(out)}
    assert reasons == {"a": "not_enrolled", "b": "compulsory_school", "c": None, "d": None}


def test_identity_numbers_never_appear_in_messages() -> None:
    # A personnummer put where a category belongs is masked (dua.errors.mask_value).
    table = persons(residence=["19900101-1234", None, None, None])
    with pytest.raises(FrameError) as raised:
        frames.kaa_coverage(BACKENDS["polars"](table), on=ON)
    assert "1234" not in str(raised.value)
    mapped = pa.table({"key": ["a"], "19900101-1234": [date(2001, 3, 1)]})
    with pytest.raises(FrameError) as raised:
        frames.kaa_coverage(
            BACKENDS["polars"](mapped), on=ON, columns={"birth_date": "födelsedatum"}
        )
    assert "1234" not in str(raised.value)


def test_a_mapping_to_a_column_that_is_not_there_is_named() -> None:
    with pytest.raises(FrameError) as raised:
        frames.kaa_coverage(BACKENDS["polars"](persons()), on=ON, columns={"residence": "folkbokf"})
    assert raised.value.column == "folkbokf"
    assert "columns= maps residence to it" in str(raised.value)


def test_not_a_frame_is_a_frame_error() -> None:
    with pytest.raises(FrameError, match="expected a data frame"):
        frames.kaa_coverage([{"key": "a"}], on=ON)


def test_eager_persons_with_lazy_histories_is_a_frame_error() -> None:
    import polars as pl

    enrolments = pl.LazyFrame(
        {"key": ["a"], "kind": ["grundskola"], "start": [date(2010, 8, 20)], "end": [None]}
    )
    with pytest.raises(FrameError, match="of the same kind"):
        frames.kaa_coverage(pl.from_arrow(persons()), on=ON, enrolments=enrolments)


def test_frame_errors_are_dua_errors() -> None:
    assert issubclass(FrameError, DuaError)
    assert issubclass(FrameError, ValueError)
