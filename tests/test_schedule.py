"""The agreement's calendar (dua.schedule): dates planned from the seeds' cadences.

Seeds: GGV Bilaga 3 2016 (002: "Styrgruppen följer upp samverkan varannan månad", "Två
gånger per år bör statistiken ... uppdateras och diskuteras i arbetsgruppen", "Varje vecka
träffar ungdomshandläggare ... i en samverkansgrupp"); Sjuhärad 2020 (004: "uppföljning av
resultat 6-8 ggr per år", "chefsgruppen fortsätter att träffas 4 ggr per år", "Planen är ett
möte per månad", "två gånger per år gå igenom aktuella siffror", "revideringen ska ske
årligen i oktober"); Hällefors 2015 (001: "gäller from 2015-11-30 till och med 2017-12-31 ...
revideras under oktober månad 2016 samt oktober 2017"); Norrköping 2018 (003: "träffas
regelbundet, cirka 1 gång i månaden, utifrån behov").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from dua import examples
from dua.errors import RuleNotInForce, ValidationError
from dua.model import (
    ActivityStatus,
    Agreement,
    Body,
    BodyKind,
    Cadence,
    Frequency,
    Organisation,
    Period,
    RevisionPlan,
)
from dua.schedule import (
    DateBasis,
    Occurrence,
    OccurrenceKind,
    Schedule,
    UnscheduledReason,
    plan_follow_ups,
    schedule,
)
from dua.testing import agreements

M = OccurrenceKind.MEETING
F = OccurrenceKind.FOLLOW_UP
S = OccurrenceKind.STATISTICS_UPDATE
R = OccurrenceKind.REVISION


def firsts(year: int, *months: int) -> list[date]:
    return [date(year, month, 1) for month in months]


def dates_of(plan: Schedule, kind: OccurrenceKind, item: str) -> list[date]:
    return [o.on for o in plan if o.kind is kind and o.item == item]


# --- The seeds ------------------------------------------------------------------------------

Y2016 = (date(2016, 1, 1), date(2016, 12, 31))
Y2021 = (date(2021, 1, 1), date(2021, 12, 31))


@pytest.mark.parametrize(
    ("example", "span", "kind", "item", "expected", "basis"),
    [
        # GGV: the steering group follows up every other month (its meetings are the follow-up).
        ("ggv-2016", Y2016, F, "styrgrupp", firsts(2016, 1, 3, 5, 7, 9, 11), DateBasis.PLANNED),
        # GGV: statistics twice a year, discussed in the working group.
        ("ggv-2016", Y2016, S, "arbetsgrupp", firsts(2016, 1, 7), DateBasis.PLANNED),
        # GGV: the revision made in "maj 2016" (a month, not a day).
        ("ggv-2016", Y2016, R, "revisions[0]", [date(2016, 5, 1)], DateBasis.MONTH),
        # Sjuhärad: results followed up 6–8 times a year: the minimum, 6, every other month.
        (
            "sjuharad-2020",
            Y2021,
            F,
            "follow_up",
            firsts(2021, 1, 3, 5, 7, 9, 11),
            DateBasis.PLANNED,
        ),
        # Sjuhärad: the management group meets 4 times a year.
        ("sjuharad-2020", Y2021, M, "chefsgrupp", firsts(2021, 1, 4, 7, 10), DateBasis.PLANNED),
        # Sjuhärad: the working group, "ett möte per månad".
        ("sjuharad-2020", Y2021, M, "arbetsgrupp", firsts(2021, *range(1, 13)), DateBasis.PLANNED),
        # Sjuhärad: the Borås working group, 2–4 times a year: the minimum, 2.
        (
            "sjuharad-2020",
            Y2021,
            M,
            "boras-jobbspar-arbetsgrupp",
            firsts(2021, 1, 7),
            DateBasis.PLANNED,
        ),
        # Sjuhärad: statistics twice a year.
        ("sjuharad-2020", Y2021, S, "statistics_updates", firsts(2021, 1, 7), DateBasis.PLANNED),
        # Sjuhärad: revision every October.
        ("sjuharad-2020", Y2021, R, "revision_plan", [date(2021, 10, 1)], DateBasis.MONTH),
        # Hällefors: October 2016 and October 2017, clipped to 2015-11-30–2017-12-31.
        (
            "hallefors-2015",
            (date(2014, 1, 1), date(2020, 12, 31)),
            R,
            "revision_plan",
            [date(2016, 10, 1), date(2017, 10, 1)],
            DateBasis.MONTH,
        ),
        # Norrköping: each operational group about once a month.
        *(
            (
                "norrkoping-2018",
                (date(2018, 3, 1), date(2019, 2, 28)),
                M,
                f"operativ-grupp-{track}",
                [date(2018, 3, 1) + relativedelta(months=k) for k in range(12)],
                DateBasis.PLANNED,
            )
            for track in ("industri", "restaurang", "eget-foretagande", "kortutbildade")
        ),
    ],
)
def test_seed_cadences(
    example: str,
    span: tuple[date, date],
    kind: OccurrenceKind,
    item: str,
    expected: list[date],
    basis: DateBasis,
) -> None:
    plan = schedule(examples.load(example), *span)
    assert dates_of(plan, kind, item) == expected
    assert {o.basis for o in plan if o.kind is kind and o.item == item} == {basis}


def test_ggv_steering_group_meetings_are_the_follow_up() -> None:
    """One event per date: the steering group's cadence is the follow-up sentence itself."""
    plan = schedule(examples.load("ggv-2016"), *Y2016)
    steering = plan.for_body("styrgrupp")
    assert {o.kind for o in steering} == {F}
    assert dates_of(plan, M, "styrgrupp") == []
    assert all(
        o.source_text == "Styrgruppen följer upp samverkan varannan månad." for o in steering
    )
    assert any("Styrgruppen" in note.text_sv for note in plan.notes)


def test_ggv_weekly_group() -> None:
    """GGV: "Varje vecka" — every Friday of 2016 from the anchor 2016-01-01 (a Friday)."""
    days = dates_of(schedule(examples.load("ggv-2016"), *Y2016), M, "samverkansgrupp-varnamo")
    assert len(days) == 53
    assert {day.weekday() for day in days} == {4}
    assert all(b - a == timedelta(weeks=1) for a, b in pairwise(days))


def test_sjuharad_range_is_said_to_be_the_minimum() -> None:
    plan = schedule(examples.load("sjuharad-2020"), *Y2021)
    follow_up = plan.of_kind(F)[0]
    assert follow_up.body == "arbetsgrupp"  # follow_up.reporting_to
    assert "6 av 6–8 gånger per år" in follow_up.detail_sv
    assert "6 of 6–8 times a year" in follow_up.detail_en
    assert follow_up.source_text == "uppföljning av resultat 6-8 ggr per år"


def test_approximate_rhythm_is_said_to_be_approximate() -> None:
    plan = schedule(examples.load("norrkoping-2018"), date(2018, 3, 1), date(2018, 3, 31))
    assert plan[0].detail_sv.endswith("Rytmen är ungefärlig (ca) i överenskommelsen.")
    assert "approximate" in plan[0].detail_en


@pytest.mark.parametrize(
    ("example", "item", "reason"),
    [
        ("sjuharad-2020", "mark-samverkansgrupp-gymnasieskolan", UnscheduledReason.PLANNED_BODY),
        ("sjuharad-2020", "mark-kompetensforsorjning", UnscheduledReason.PLANNED_BODY),
        ("sjuharad-2020", "ame-natverk", UnscheduledReason.REGULARLY),  # "kontinuerliga träffar"
        ("sjuharad-2020", "kaa-natverk", UnscheduledReason.NO_CADENCE),
        (
            "hallefors-2015",
            "styrgrupp",
            UnscheduledReason.REGULARLY,
        ),  # "utifrån verksamhetens behov"
        ("hallefors-2015", "follow_up", UnscheduledReason.NO_CADENCE),
        ("ggv-2016", "revision_plan", UnscheduledReason.NO_REVISION_DATE),
        ("ggv-2016", "samung", UnscheduledReason.REGULARLY),
        ("norrkoping-2018", "statistics_updates", UnscheduledReason.REGULARLY),
        ("norrkoping-2018", "styrgrupp", UnscheduledReason.NO_CADENCE),
    ],
)
def test_unscheduled_items_have_a_reason(
    example: str, item: str, reason: UnscheduledReason
) -> None:
    plan = schedule(examples.load(example), date(2016, 1, 1), date(2021, 12, 31))
    assert [u.reason for u in plan.unscheduled if u.item == item] == [reason]
    assert not [o for o in plan if o.item == item or o.body == item]


def test_norsjo_has_nothing_to_schedule() -> None:
    """Norsjö is an inventory annex: no bodies, revisions or follow-up plan."""
    plan = schedule(examples.load("norsjo-2015"), *Y2016)
    assert (len(plan), plan.unscheduled) == (0, ())


# --- Anchor, clipping and validity -----------------------------------------------------------


def with_bodies(*cadences: Cadence, validity: Period | None = None) -> Agreement:
    """Hällefors with its bodies replaced by one existing working group per cadence."""
    base = examples.load("hallefors-2015")
    bodies = [
        Body(id=f"grupp-{i}", kind=BodyKind.WORKING_GROUP, name=f"Grupp {i}", cadence=cadence)
        for i, cadence in enumerate(cadences)
    ]
    return attrs.evolve(
        base,
        organisation=Organisation(bodies=bodies),
        follow_up=None,
        revision_plan=None,
        validity=validity or base.validity,
    )


MONTHLY = Cadence(frequency=Frequency.MONTHLY)
EVERY_OTHER_MONTH = Cadence(frequency=Frequency.EVERY_OTHER_MONTH)


def test_anchor_is_the_validity_start_when_the_range_starts_before() -> None:
    """Hällefors validity starts 2015-11-30: the 30th, or the month's last day."""
    plan = schedule(with_bodies(MONTHLY), date(2015, 1, 1), date(2016, 3, 31))
    assert plan.anchor == date(2015, 11, 30)
    assert [o.on for o in plan] == [
        date(2015, 11, 30),
        date(2015, 12, 30),
        date(2016, 1, 30),
        date(2016, 2, 29),
        date(2016, 3, 30),
    ]


def test_anchor_is_the_range_start_within_the_validity() -> None:
    plan = schedule(with_bodies(EVERY_OTHER_MONTH), date(2016, 1, 31), date(2016, 12, 31))
    assert plan.anchor == date(2016, 1, 31)
    assert [o.on for o in plan] == [
        date(2016, 1, 31),
        date(2016, 3, 31),
        date(2016, 5, 31),
        date(2016, 7, 31),
        date(2016, 9, 30),
        date(2016, 11, 30),
    ]


def test_range_after_the_validity_has_no_dates() -> None:
    plan = schedule(examples.load("hallefors-2015"), date(2018, 1, 1), date(2018, 12, 31))
    assert (plan.window, plan.anchor, len(plan)) == (None, None, 0)
    assert "utanför" in plan.notes[0].text_sv
    # Items without a rhythm are still listed: they would get no dates in any range.
    assert [u.item for u in plan.unscheduled][:1] == ["styrgrupp"]


def test_end_is_clipped_to_the_validity() -> None:
    plan = schedule(with_bodies(MONTHLY), date(2017, 11, 1), date(2018, 6, 30))
    assert plan.window == Period(start=date(2017, 11, 1), end=date(2017, 12, 31))
    assert [o.on for o in plan] == [date(2017, 11, 1), date(2017, 12, 1)]


def test_until_further_notice_clips_no_end() -> None:
    open_ended = Period(start=date(2020, 11, 1))
    plan = schedule(with_bodies(MONTHLY, validity=open_ended), date(2030, 1, 1), date(2030, 3, 1))
    assert [o.on for o in plan] == firsts(2030, 1, 2, 3)


def test_exact_revision_dates_win_over_the_rhythm() -> None:
    agreement = attrs.evolve(
        with_bodies(),
        revision_plan=RevisionPlan(
            dates=[date(2016, 10, 1), date(2016, 3, 15)],
            cadence=Cadence(frequency=Frequency.YEARLY, months=[10]),
        ),
    )
    plan = schedule(agreement, *Y2016)
    assert [(o.on, o.basis) for o in plan] == [
        (date(2016, 3, 15), DateBasis.EXACT),
        (date(2016, 10, 1), DateBasis.EXACT),
    ]
    assert all(o.exact for o in plan)


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (ActivityStatus.PLANNED, UnscheduledReason.PLANNED_BODY),
        (ActivityStatus.ENDED, UnscheduledReason.ENDED_BODY),
        (ActivityStatus.MISSING, UnscheduledReason.MISSING_BODY),
    ],
)
def test_bodies_that_do_not_meet_are_excluded(
    status: ActivityStatus, reason: UnscheduledReason
) -> None:
    agreement = with_bodies(MONTHLY)
    assert agreement.organisation is not None
    body = attrs.evolve(agreement.organisation.bodies[0], status=status)
    plan = schedule(attrs.evolve(agreement, organisation=Organisation(bodies=[body])), *Y2016)
    assert len(plan) == 0
    assert [u.reason for u in plan.unscheduled] == [reason]


# --- Times a year ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minimum", "maximum", "expected"),
    [
        (1, None, firsts(2021, 1)),
        (2, 4, firsts(2021, 1, 7)),
        (3, 3, firsts(2021, 1, 5, 9)),
        (4, 4, firsts(2021, 1, 4, 7, 10)),
        (6, 8, firsts(2021, 1, 3, 5, 7, 9, 11)),
        (12, None, firsts(2021, *range(1, 13))),
        # 5 does not divide 12 months or 52 weeks: every 365 // 5 = 73 days.
        (5, 5, [date(2021, 1, 1) + timedelta(days=73 * k) for k in range(5)]),
        # 13 a year: every 4 weeks (14 dates fit in the 365 days from the anchor).
        (13, 13, [date(2021, 1, 1) + timedelta(weeks=4 * k) for k in range(14)]),
    ],
)
def test_times_a_year(minimum: int, maximum: int | None, expected: list[date]) -> None:
    cadence = Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=minimum, max_times=maximum)
    open_ended = Period(start=date(2020, 1, 1))
    plan = schedule(with_bodies(cadence, validity=open_ended), *Y2021)
    assert [o.on for o in plan] == expected


def test_zero_times_a_year_is_unscheduled() -> None:
    cadence = Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=0, max_times=2)
    plan = schedule(with_bodies(cadence), *Y2016)
    assert len(plan) == 0
    assert [u.reason for u in plan.unscheduled] == [UnscheduledReason.ZERO_TIMES]


@given(
    times=st.integers(min_value=1, max_value=60),
    anchor=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
)
def test_never_fewer_than_the_minimum_in_a_year(times: int, anchor: date) -> None:
    cadence = Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=times)
    agreement = with_bodies(cadence, validity=Period(start=date(1999, 1, 1)))
    plan = schedule(agreement, anchor, anchor + relativedelta(years=1) - timedelta(days=1))
    assert len(plan) >= times
    if 12 % times == 0:  # whole months: exactly the minimum
        assert len(plan) == times


# --- Action plans (the Slussen routine, Hällefors Bilaga 1) -----------------------------------


def test_plan_follow_ups_fall_due_after_three_months() -> None:
    starts = [date(2016, 8, 31), date(2016, 1, 15), date(2016, 1, 15), date(2016, 12, 1)]
    found = plan_follow_ups(starts, start=date(2016, 1, 1), end=date(2016, 12, 31))
    assert [(o.on, o.item) for o in found] == [
        (date(2016, 4, 15), "plan-2016-01-15"),
        (date(2016, 11, 30), "plan-2016-08-31"),  # no 31 November
    ]
    assert found[0].title_sv == "Uppföljning av handlingsplan (start 2016-01-15, 2 planer)"
    assert "till och med 2016-07-14" in found[0].detail_sv
    assert {o.basis for o in found} == {DateBasis.DUE}


def test_plan_follow_ups_in_the_schedule_are_clipped_to_the_validity() -> None:
    hallefors = examples.load("hallefors-2015")
    starts = [date(2017, 6, 1), date(2017, 10, 1)]  # due 2017-09-01 and 2018-01-01
    plan = schedule(hallefors, date(2017, 1, 1), date(2018, 12, 31), plan_starts=starts)
    assert [o.on for o in plan.of_kind(OccurrenceKind.PLAN_FOLLOW_UP)] == [date(2017, 9, 1)]


def test_plan_before_the_routine_is_not_covered() -> None:
    with pytest.raises(RuleNotInForce):
        plan_follow_ups([date(2015, 1, 1)], start=date(2015, 1, 1), end=date(2015, 12, 31))


def test_range_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValidationError) as caught:
        schedule(examples.load("ggv-2016"), date(2016, 2, 1), date(2016, 1, 1))
    assert caught.value.paths == ("end",)
    assert "2016-01-01" in str(caught.value)


# --- The schedule as a value ------------------------------------------------------------------


def test_schedule_is_an_immutable_sequence() -> None:
    plan = schedule(examples.load("sjuharad-2020"), *Y2021)
    assert isinstance(plan[0], Occurrence)
    assert list(plan) == list(plan.occurrences) == list(plan[:])
    assert len(plan) == len(plan.occurrences) > 0
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        plan.start = date(2000, 1, 1)  # type: ignore[misc]  # the point: it is frozen
    assert repr(plan).startswith("Schedule(agreement_id='sjuharad-2020', start=2021-01-01")
    assert all(o.title("sv") and o.title("en") and o.detail("en") for o in plan)


def _key(occurrence: Occurrence) -> tuple[date, int, str]:
    return (occurrence.on, list(OccurrenceKind).index(occurrence.kind), occurrence.item)


def _ranges() -> st.SearchStrategy[tuple[date, date]]:
    return st.tuples(
        st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
        st.integers(min_value=0, max_value=3 * 366),
    ).map(lambda pair: (pair[0], pair[0] + timedelta(days=pair[1])))


def _all_examples() -> Iterator[Agreement]:
    yield from examples.load_all().values()


@given(
    agreement=st.sampled_from(list(_all_examples())) | agreements(),
    span=_ranges(),
    plan_starts=st.lists(st.dates(min_value=date(2015, 11, 30), max_value=date(2031, 1, 1))),
)
def test_properties(agreement: Agreement, span: tuple[date, date], plan_starts: list[date]) -> None:
    start, end = span
    plan = schedule(agreement, start, end, plan_starts=plan_starts)
    validity = agreement.validity
    for occurrence in plan:
        assert start <= occurrence.on <= end
        assert validity is None or validity.contains(occurrence.on)
    keys = [_key(o) for o in plan]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)  # one event per kind, item and day
    assert plan == schedule(agreement, start, end, plan_starts=list(reversed(plan_starts)))
    bodies = agreement.organisation.bodies if agreement.organisation else ()
    for body in bodies:
        if body.status is not ActivityStatus.EXISTING:
            assert not plan.for_body(body.id)
            assert body.id in {u.item for u in plan.unscheduled}
