"""Follow-up data as objects: observations, participants and the 90-day outcome measure.

Reading follow-up files and the bundled synthetic datasets is tested in
`tests/io/test_followup.py`."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.metrics.observations import (
    Observation,
    Participant,
    outcome_90_days,
    parse_period,
    participants_from_persons,
)
from dua.model import Outcome, OutcomeEvent, Person, TrackParticipation
from dua.rules.outcomes import outcome_within_90_days


def test_an_observation_needs_a_date_and_a_value() -> None:
    with pytest.raises(ValueError, match="date or a period"):
        Observation(indicator="x", value=1)
    with pytest.raises(ValueError, match="numerator and a denominator"):
        Observation(indicator="x", on=date(2016, 1, 1), numerator=1)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2016", date(2016, 1, 1), date(2016, 12, 31)),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
        ("2016-12", date(2016, 12, 1), date(2016, 12, 31)),
        ("2016-01-01/2016-06-30", date(2016, 1, 1), date(2016, 6, 30)),
    ],
)
def test_parse_period(text: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("days_after_leaving", "counted", "positive"),
    [
        (0, True, True),
        (90, True, True),  # Norrköping: within 90 days of leaving, day 90 included
        (91, True, False),
        (None, True, False),
    ],
)
def test_outcome_within_90_days(
    days_after_leaving: int | None, counted: bool, positive: bool
) -> None:
    end = date(2019, 1, 31)
    outcome_on = (
        None
        if days_after_leaving is None
        else date.fromordinal(end.toordinal() + days_after_leaving)
    )
    row = Participant(
        key="a", track="industri", start=date(2018, 9, 1), end=end,
        outcome=None if outcome_on is None else Outcome.WORK, outcome_on=outcome_on,
    )  # fmt: skip
    share = outcome_90_days([row], date(2019, 6, 30))
    assert (share.denominator == 1) is counted
    assert (share.numerator == 1) is positive


def test_leavers_count_only_once_their_90_days_have_passed() -> None:
    row = Participant(key="a", track="t", start=date(2019, 1, 1), end=date(2019, 6, 1))
    assert outcome_90_days([row], date(2019, 8, 29)).denominator == 0  # day 89
    assert outcome_90_days([row], date(2019, 8, 30)).denominator == 1  # day 90


outcome_days = st.one_of(st.none(), st.integers(min_value=-60, max_value=200))


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=300), outcome_days, outcome_days),
        max_size=30,
    ),
    st.integers(min_value=0, max_value=500),
)
def test_the_fast_count_agrees_with_the_90_day_rule(
    rows: list[tuple[int, int | None, int | None]], day: int
) -> None:
    # dua.rules.outcomes.outcome_within_90_days decides each participant (Norrköping seed);
    # outcome_90_days counts those whose day 90 has passed. They must agree on each of them.
    start = date(2018, 1, 1)
    on = start + timedelta(days=day)
    persons = []
    for i, (length, own, other) in enumerate(rows):
        end = start + timedelta(days=length)
        taken = TrackParticipation(
            track="industri", start=start, end=end,
            outcome=None if own is None else Outcome.WORK,
            outcome_on=None if own is None else end + timedelta(days=own),
        )  # fmt: skip
        events = (
            []
            if other is None
            else [OutcomeEvent(outcome=Outcome.STUDIES, on=end + timedelta(days=other))]
        )
        persons.append(
            Person(key=f"p{i}", birth_date=date(1990, 1, 1), tracks=[taken], outcomes=events)
        )
    expected_positive = expected_counted = 0
    for person in persons:
        taken = person.tracks[0]
        assert taken.end is not None
        if taken.end + timedelta(days=90) > on:
            continue  # still within the window: not in the cohort
        expected_counted += 1
        expected_positive += bool(outcome_within_90_days(person, taken, on))
    share = outcome_90_days(participants_from_persons(persons), on)
    assert (share.numerator, share.denominator) == (expected_positive, expected_counted)
