"""Follow-up data from frames and follow-up files as frames (issue 9, part 3: "`FollowUpData`
can be built from frames ... with the same validation and messages as the CSV readers, and
the CSV/Excel readers can hand back frames")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pytest

from dua.errors import FileFormatError, FrameError, ValidationError
from dua.frames import follow_up_from_frames, read_frame
from dua.io.followup import followup_from_files, followup_from_records, load_followup
from tests.frames.results_backends import BACKENDS, native

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

EXAMPLE = "norrkoping-2018"


@pytest.fixture(scope="module")
def files() -> dict[str, Path]:
    root = resources.files("dua.examples") / "followup" / EXAMPLE
    return {Path(str(p)).stem: Path(str(p)) for p in root.iterdir() if p.name.endswith(".csv")}


@pytest.mark.parametrize("backend", ["pandas", "polars", "pyarrow"])
def test_files_read_into_frames_read_back_to_the_same_data(
    files: dict[str, Path], backend: str
) -> None:
    """Round trip: file → typed frame → FollowUpData equals file → FollowUpData."""
    frames = {kind: read_frame(path, backend=backend) for kind, path in files.items()}
    expected = followup_from_files(**files)
    assert follow_up_from_frames(**frames, sources=expected.sources) == expected


def test_a_file_frame_is_typed_and_its_values_exact(files: dict[str, Path]) -> None:
    table = read_frame(files["observations"], backend="pyarrow")
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("numerator").type == pa.int64()
    assert pa.types.is_decimal(table.schema.field("value").type)
    data = load_followup(EXAMPLE)
    values = [
        Decimal(str(o.value.numerator)) / o.value.denominator
        for o in data.observations
        if o.value is not None
    ]
    assert [v for v in table.column("value").to_pylist() if v is not None] == values


def test_the_kind_comes_from_the_file_name_or_is_given(tmp_path: Path) -> None:
    path = tmp_path / "mina händelser.csv"
    path.write_text("typ;datum\ntraineejobb;2016-03-01\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="kind="):
        read_frame(path)
    frame = read_frame(path, "events")
    assert frame["date"].to_list() == [date(2016, 3, 1)]


def test_a_bad_file_fails_as_the_file_reader_does(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("typ;datum\ntraineejobb;2016-13-01\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"line 2, column datum: not a valid date"):
        read_frame(path)


@pytest.fixture(scope="module")
def data_frames() -> dict[str, pa.Table]:
    """The synthetic Norrköping data as pyarrow tables with the files' columns."""
    data = load_followup(EXAMPLE)
    return {
        "events": pa.table({
            "kind": pa.array([e.kind for e in data.events], pa.string()),
            "date": pa.array([e.on for e in data.events], pa.date32()),
            "unit": pa.array([e.unit for e in data.events], pa.string()),
            "qualifier": pa.array([e.qualifier for e in data.events], pa.string()),
        }),
        "participants": pa.table({
            "key": pa.array([p.key for p in data.participants], pa.string()),
            "track": pa.array([p.track for p in data.participants], pa.string()),
            "sex": pa.array([None if p.sex is None else p.sex.value for p in data.participants], pa.string()),
            "start": pa.array([p.start for p in data.participants], pa.date32()),
            "end": pa.array([p.end for p in data.participants], pa.date32()),
            "outcome": pa.array([None if p.outcome is None else p.outcome.value for p in data.participants], pa.string()),
            "outcome_on": pa.array([p.outcome_on for p in data.participants], pa.date32()),
        }),
    }  # fmt: skip


@pytest.mark.parametrize("backend", BACKENDS)
def test_follow_up_from_frames_of_every_backend(
    data_frames: dict[str, pa.Table], backend: str
) -> None:
    """The same objects from a frame of each backend as from the rows themselves."""
    frames = {kind: native(table, backend) for kind, table in data_frames.items()}
    expected = followup_from_records(**{kind: t.to_pylist() for kind, t in data_frames.items()})
    data = follow_up_from_frames(**frames)
    assert sorted(data.events, key=repr) == sorted(expected.events, key=repr)
    assert sorted(data.participants, key=repr) == sorted(expected.participants, key=repr)
    assert len(data.participants) == len(load_followup(EXAMPLE).participants)


BAD: list[tuple[str, dict[str, Any], str, str]] = [
    # (frame, columns, the column named, what the file reader says)
    ("events", {"kind": ["a", "b", "c"], "date": ["2016-13-01", "2016-01-01", "x"]},
     "date", r"not a valid date '2016-13-01' \(write YYYY-MM-DD\) \(rows 1, 3\)"),
    ("observations", {"indicator": ["a", "b"], "date": [date(2016, 1, 1)] * 2,
                      "numerator": [5, 1], "denominator": [4, 2]},
     "numerator", r"the numerator 5 exceeds the denominator 4 .* \(row 1\)"),
    ("participants", {"key": ["19900101-1234"], "track": ["t"], "start": [date(2016, 1, 1)]},
     "key", r"'19900101-\*\*\*\*' looks like a personal identity number"),
    ("events", {"kind": ["a"], "datum": [date(2016, 1, 1)], "färg": ["blå"]},
     "färg", r"unknown column 'färg'; the known columns are kind \(typ\)"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "columns", "column", "message"), BAD)
def test_bad_frames_get_the_file_readers_message_on_one_line(
    kind: str, columns: dict[str, Any], column: str, message: str
) -> None:
    with pytest.raises(FrameError, match=message) as caught:
        follow_up_from_frames(**{kind: pl.DataFrame(columns)})
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith(f"column '{column}': in the {kind} frame, ")
    assert "1234" not in text  # never an identity number
    assert isinstance(caught.value.__cause__, ValidationError)


def test_something_else_than_a_frame_is_refused() -> None:
    with pytest.raises(FrameError, match="expected a data frame"):
        follow_up_from_frames(events=[{"kind": "a"}])
