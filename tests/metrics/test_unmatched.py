"""Follow-up data that no goal uses is reported, not passed over (dua.metrics.goals)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from dua import examples
from dua.io.followup import followup_names, load_followup
from dua.metrics import unmatched_data
from dua.metrics.observations import Event, FollowUpData, Meeting, Observation


@pytest.mark.parametrize("name", followup_names())
def test_the_bundled_datasets_use_every_row(name: str) -> None:
    assert unmatched_data(examples.load(name), load_followup(name)) == ()


def test_misspelt_indicators_event_kinds_and_bodies_are_named() -> None:
    # Hällefors (seed 001): the goals' indicators are e.g. "ungdomsarbetsloshet" and
    # "traineejobb_paborjade"; a Swedish spelling with ö is a different indicator.
    data = FollowUpData(
        observations=[
            Observation(indicator="ungdomsarbetslöshet", period=None, on=date(2016, 9, 30),
                        value=Fraction(206, 10)),
            Observation(indicator="ungdomsarbetsloshet", on=date(2016, 9, 30),
                        value=Fraction(206, 10)),
        ],
        events=[Event(kind="traineejobb", on=date(2016, 3, 1))],
        meetings=[Meeting(body="styrgruppen", on=date(2016, 3, 1))],
    )  # fmt: skip
    assert unmatched_data(examples.load("hallefors-2015"), data) == (
        "observations: 'ungdomsarbetslöshet'",
        "events: 'traineejobb'",
        "meetings: 'styrgruppen'",
    )
