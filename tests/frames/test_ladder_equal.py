"""UGA and JOB entry on frames give the object rules' answers, reasons, entry days and law
versions for every person, on every backend (issue 9, part 2: "UGA / JOB entry dates
where computable from registrations"; "identical answers, reasons and values, for dates
across every law version and the leap-day and birthday edges").

The persons are drawn around what the rules turn on: the two UGA versions (three
consecutive months to 2010-12-31, 90 days within four months from 2011-01-01) and the
first JOB version (2008-04-07), the 16th and 25th birthdays (29 February births among
them), spells of open unemployment broken by short gaps and by other categories, and
recorded UGA and JOB registrations. The example counts follow test_rules_equal.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pyarrow as pa
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from dua import frames
from dua.errors import FrameError, RuleNotInForce
from dua.model import Person, Registration
from dua.rules.programmes import job_entry, uga_entry
from tests.frames.backends import BACKENDS, native_kind, rows
from tests.frames.data import LEAP_BIRTHS, persons_table, registrations_table
from tests.frames.test_rules_equal import (
    CHECKED,
    LATEST,
    decision_row,
    frame_row,
    run_property,
)

# The error tests match English words (messages follow the language, issue 12).
pytestmark = pytest.mark.usefixtures("english_messages")

# The days the ladder's law turns on, and days around them.
LADDER_EDGES = (
    date(2007, 12, 1),
    date(2008, 3, 1),
    date(2008, 4, 7),
    date(2010, 12, 31),
    date(2011, 1, 1),
    date(2011, 3, 31),
    date(2012, 2, 29),
    date(2015, 6, 1),
    date(2016, 2, 29),
    date(2016, 7, 1),
    date(2020, 2, 29),
)


def _near(day: date, spread: int) -> st.SearchStrategy[date]:
    return st.integers(min_value=-spread, max_value=spread).map(lambda n: day + timedelta(days=n))


@st.composite
def ladder_person(draw: st.DrawFn, on: date, key: str, *, rich_first: bool = False) -> Person:
    """A person whose registrations make (or just miss) UGA and JOB around `on`.

    With `rich_first` the choices are ordered so that Hypothesis' first, simplest example
    (all choices at their first value) is a 20-year-old openly unemployed from 19 months
    before `on`: UGA entry about 16 months before `on` and JOB entry since, so that even
    one example on a slow engine reaches both rules' answers."""
    if draw(st.integers(min_value=0, max_value=5)) == (5 if rich_first else 0):
        born = draw(st.sampled_from(LEAP_BIRTHS))
    else:
        ages = (14, 15, 16, 17, 20, 23, 24, 25, 26)
        years = draw(st.sampled_from((20, *ages) if rich_first else ages))
        born = draw(_near(on - relativedelta(years=years), 120))
    registrations = []
    later = _near(on, 800) | _near(on - relativedelta(months=16), 40)
    start = draw(_near(on - relativedelta(months=19), 40) | later if rich_first else later)
    for _ in range(draw(st.integers(min_value=1 if rich_first else 0, max_value=4))):
        length = draw(
            st.none()
            | st.integers(min_value=0, max_value=130)
            | st.integers(min_value=400, max_value=900)
        )
        end = None if length is None else start + timedelta(days=length)
        programme = draw(st.none() | st.none() | st.sampled_from(("uga", "job")))
        category = (
            draw(st.sampled_from(("11", "11", "11", "14", "69"))) if programme is None else None
        )
        registrations.append(
            Registration(start=start, end=end, category=category, programme=programme)
        )
        # The next registration: right after (merged), after a short gap, or overlapping.
        after = end or start
        start = after + timedelta(days=draw(st.integers(min_value=-20, max_value=40)))
    return Person(key=key, birth_date=born, registrations=registrations)


@st.composite
def ladder_cases(
    draw: st.DrawFn, first: date, *, edges_only: bool = False
) -> tuple[date, list[Person]]:
    edges = [day for day in LADDER_EDGES if day >= first]
    if edges_only:
        # The days the law turns on, the one after the UGA versions' change first.
        on = draw(st.sampled_from(sorted(edges, key=lambda day: day != date(2011, 3, 31))))
    else:
        on = draw(st.sampled_from(edges) | st.dates(min_value=first, max_value=LATEST))
    count = draw(st.integers(min_value=1, max_value=20))
    return on, [draw(ladder_person(on, f"p{i}", rich_first=edges_only)) for i in range(count)]


def _check(backend: str, rule: str, out: Any, persons: list[Person], decide: Any, on: date) -> None:
    assert isinstance(out, native_kind(backend))
    got = {row["key"]: frame_row(row, rule, value=True) for row in rows(out)}
    for person in persons:
        decision = decide(person)
        assert got[person.key] == decision_row(decision, value=decision.value), (on, person)


# Every backend (issue 9 item 2). On Dask and the PySpark API (sqlframe), where one call
# costs seconds (tens of seconds for JOB on sqlframe, which copies its whole query at each
# step), fewer examples, at the days the law turns on; the first (simplest) example is
# 2011-03-31 with a person who entered UGA under the first version and JOB after it
# (`ladder_person(rich_first=True)`).
SLOW = {"dask": 2, "sqlframe": 1}


def _cases(backend: str, first: date) -> st.SearchStrategy[tuple[date, list[Person]]]:
    return ladder_cases(first, edges_only=backend in SLOW)


def _run(backend: str, strategy: st.SearchStrategy[Any], test: Any) -> None:
    run_property(backend, strategy, test, examples=SLOW.get(backend))


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_uga_entry_equals_the_object_rule(backend: str) -> None:
    build = BACKENDS[backend]

    def test(case: tuple[date, list[Person]]) -> None:
        on, persons = case
        out = frames.uga_entry(
            build(persons_table(persons)),
            on=on,
            registrations=build(registrations_table(persons)),
            check=CHECKED[backend],
        )
        _check(backend, "uga_entry", out, persons, lambda p: uga_entry(p, on), on)

    _run(backend, _cases(backend, date(2007, 12, 1)), test)


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_job_entry_equals_the_object_rule(backend: str) -> None:
    build = BACKENDS[backend]

    def test(case: tuple[date, list[Person]]) -> None:
        on, persons = case
        out = frames.job_entry(
            build(persons_table(persons)),
            on=on,
            registrations=build(registrations_table(persons)),
            check=CHECKED[backend],
        )
        _check(backend, "job_entry", out, persons, lambda p: job_entry(p, on), on)

    _run(backend, _cases(backend, date(2008, 4, 7)), test)


# -- tables of cases (förordning 2007:813 5 §; 2007:414 5 §) ---------------------------------

ANNA = date(1996, 5, 1)  # 16 on 2012-05-01, 25 on 2021-05-01


@pytest.mark.parametrize(
    ("born", "registrations", "on", "expected"),
    [
        # From 2011-01-01: 90 days in total within four months; day 91 is the entry.
        (ANNA, [(date(2015, 1, 1), None, "11")], date(2015, 6, 1), date(2015, 4, 1)),
        (ANNA, [(date(2015, 1, 1), None, "11")], date(2015, 3, 31), None),
        # Two spells with a gap: 90 days within the four months before the entry day.
        (
            ANNA,
            [(date(2015, 1, 1), date(2015, 2, 14), "11"), (date(2015, 2, 20), None, "11")],
            date(2015, 6, 1),
            date(2015, 4, 6),  # 45 days to 14 Feb and 45 from 20 Feb to 5 Apr
        ),
        # To 2010-12-31: three consecutive months (relativedelta: 2009-11-30 + 3 months).
        (
            date(1990, 1, 1),
            [(date(2009, 11, 30), None, "11")],
            date(2010, 6, 1),
            date(2010, 3, 1),
        ),
        # Openly unemployed from age 15: entry on the 16th birthday, once 90 days are counted.
        (ANNA, [(date(2011, 11, 1), None, "11")], date(2012, 6, 1), date(2012, 5, 1)),
        # 25 before the 90 days are complete: no entry.
        (ANNA, [(date(2021, 3, 1), None, "11")], date(2021, 9, 1), None),
        # Not available (14) does not count.
        (ANNA, [(date(2015, 1, 1), None, "14")], date(2015, 6, 1), None),
    ],
)
def test_uga_entry_cases(
    born: date,
    registrations: list[tuple[date, date | None, str]],
    on: date,
    expected: date | None,
) -> None:
    person = Person(
        key="p1",
        birth_date=born,
        registrations=[Registration(start=s, end=e, category=c) for s, e, c in registrations],
    )
    assert uga_entry(person, on).value == expected
    out = frames.uga_entry(
        BACKENDS["polars"](persons_table([person])),
        on=on,
        registrations=BACKENDS["polars"](registrations_table([person])),
    )
    assert out["uga_entry_value"].to_list() == [expected]
    assert out["uga_entry_reason"].to_list() == [None if expected else "open_unemployment"]


def test_versions_follow_the_entry_day() -> None:
    """The version applied is the one in force on the entry day, not on `on`."""
    person = Person(
        key="p1",
        birth_date=date(1990, 1, 1),
        registrations=[Registration(start=date(2010, 6, 1), category="11")],
    )
    out = frames.uga_entry(
        BACKENDS["polars"](persons_table([person])),
        on=date(2012, 1, 1),
        registrations=BACKENDS["polars"](registrations_table([person])),
    )
    assert out["uga_entry_version"].to_list() == ["uga-entry-2007-12-01"]
    assert uga_entry(person, date(2012, 1, 1)).version.id == "uga-entry-2007-12-01"


def test_without_registrations_nobody_enters() -> None:
    person = Person(key="p1", birth_date=ANNA)
    table = BACKENDS["polars"](persons_table([person]))
    uga = frames.uga_entry(table, on=date(2015, 6, 1))
    job = frames.job_entry(table, on=date(2015, 6, 1))
    assert uga.select("uga_entry", "uga_entry_reason", "uga_entry_value").rows() == [
        (False, "open_unemployment", None)
    ]
    assert job.select("job_entry", "job_entry_reason", "job_entry_value").rows() == [
        (False, "uga_start", None)
    ]


def test_before_the_law_no_version_is_in_force() -> None:
    table = BACKENDS["polars"](persons_table([Person(key="p1", birth_date=ANNA)]))
    with pytest.raises(RuleNotInForce):
        frames.uga_entry(table, on=date(2007, 11, 30))
    with pytest.raises(RuleNotInForce):
        frames.job_entry(table, on=date(2008, 4, 6))


# -- bad frames (issue 9, "Done when": one line naming the column) -----------------------

_PERSONS = pa.table({"key": ["a", "b"], "birth_date": [date(1996, 5, 1), date(1995, 1, 1)]})
_REGISTRATIONS = {
    "key": ["a", "b"],
    "start": [date(2015, 1, 1), date(2015, 2, 1)],
    "end": pa.array([None, None], pa.date32()),
    "category": ["11", "11"],
}


@pytest.mark.parametrize("rule", ["uga_entry", "job_entry"])
@pytest.mark.parametrize(
    ("change", "column", "problem"),
    [
        ({"start": None}, "start", "missing from the registrations frame"),
        ({"start": ["2015-01-01", "2015-02-01"]}, "start", "expected a date for start"),
        ({"category": [11, 11]}, "category", "expected text for category"),
        ({"key": ["a", None]}, "key", "is empty"),
    ],
)
@pytest.mark.parametrize("backend", ["polars", "pandas", "duckdb"])
def test_a_bad_registrations_frame_names_the_column(
    backend: str, rule: str, change: dict[str, Any], column: str, problem: str
) -> None:
    """The registration category is Arbetsförmedlingen's free code (no closed list of
    terms), so the categorical check of these rules is the type; the persons frame's
    checks are those of every rule (test_errors.py)."""
    columns = {**_REGISTRATIONS, **change}
    table = pa.table({name: values for name, values in columns.items() if values is not None})
    build = BACKENDS[backend]
    with pytest.raises(FrameError) as raised:
        getattr(frames, rule)(build(_PERSONS), on=date(2016, 1, 1), registrations=build(table))
    assert "\n" not in str(raised.value)
    assert raised.value.column == column
    assert problem in str(raised.value)


@pytest.mark.parametrize("rule", ["uga_entry", "job_entry"])
def test_a_bad_persons_frame_names_the_column(rule: str) -> None:
    table = pa.table({"key": ["a"], "birth_date": [19960501]})
    with pytest.raises(FrameError) as raised:
        getattr(frames, rule)(BACKENDS["polars"](table), on=date(2016, 1, 1))
    assert raised.value.column == "birth_date"
    assert "expected a date for birth_date" in str(raised.value)
