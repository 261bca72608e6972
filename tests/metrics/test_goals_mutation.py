"""Goal attainment at the boundaries (issue 8 item 4: tests that kill the survivors of
mutation testing in `dua.metrics.goals`): every comparison on both sides of and at its
bound, the straight line, target labels, and the texts a report prints (DOMAIN.md §5)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import attrs
import pytest

from dua.metrics.goals import GoalAssessment, LabelKind, Reason, Result, Status, assess, combine
from dua.metrics.numbers import format_number
from dua.metrics.observations import (
    Event,
    FollowUpData,
    Meeting,
    Observation,
    Participant,
    parse_period,
)
from dua.model import (
    Aggregation,
    Baseline,
    Cadence,
    Comparison,
    ConversionStep,
    Direction,
    Frequency,
    Goal,
    GoalKind,
    Period,
    Scope,
    Sex,
    Target,
    Unit,
)

A, N, T, OFF, X = (
    Status.ATTAINED,
    Status.NOT_ATTAINED,
    Status.ON_TRACK,
    Status.OFF_TRACK,
    Status.NOT_ASSESSABLE,
)


def level_goal(
    comparison: Comparison, value: str, upper: str | None = None, **target: object
) -> Goal:
    return Goal(
        id="niva",
        text="nivå",
        kind=GoalKind.LEVEL,
        indicator="arbetsloshet",
        targets=[Target(comparison=comparison, value=value, upper=upper, **target)],  # type: ignore[arg-type]  # the table passes due/period by name
    )


@pytest.mark.parametrize(
    ("comparison", "value", "upper", "observed", "status"),
    [
        (Comparison.LESS_THAN, "22", None, "21.9", A),  # Hällefors: "lägre än 22 %" is strict
        (Comparison.LESS_THAN, "22", None, "22", N),
        (Comparison.AT_MOST, "21", None, "21", A),  # Hällefors: a ceiling of 21,0 %
        (Comparison.AT_MOST, "21", None, "21.1", N),
        (Comparison.AT_LEAST, "60", None, "60", A),  # Norrköping: at least 60 %
        (Comparison.AT_LEAST, "60", None, "59.9", N),
        (Comparison.GREATER_THAN, "60", None, "60.1", A),
        (Comparison.GREATER_THAN, "60", None, "60", N),
        (Comparison.EQUAL, "50", None, "50", A),  # Norrköping: 50 % women
        (Comparison.EQUAL, "50", None, "50.1", N),
        (Comparison.EQUAL, "50", None, "49.9", N),
        (Comparison.BETWEEN, "40", "60", "40", A),  # inclusive at both ends
        (Comparison.BETWEEN, "40", "60", "60", A),
        (Comparison.BETWEEN, "40", "60", "39.9", N),
        (Comparison.BETWEEN, "40", "60", "60.1", N),
    ],
)
def test_every_comparison_at_its_bound(
    comparison: Comparison, value: str, upper: str | None, observed: str, status: Status
) -> None:
    goal = level_goal(comparison, value, upper, period=Period.year(2016))
    data = FollowUpData(
        observations=[
            Observation(indicator="arbetsloshet", period=Period.year(2016), value=observed)
        ]
    )
    result = assess(goal, data, date(2017, 1, 15)).results[0]
    assert result.status is status
    assert result.observed == Fraction(observed)
    assert result.target == Fraction(value)
    assert result.upper == (None if upper is None else Fraction(upper))
    assert result.gap == Fraction(observed) - Fraction(value)
    assert result.comparison is comparison
    assert result.deadline == date(2016, 12, 31)
    assert result.observed_on == date(2016, 12, 31)


def test_judged_on_the_deadline_itself() -> None:
    """On the deadline the target is final (attained or not), the day before it is not."""
    goal = level_goal(Comparison.AT_MOST, "21", due=date(2016, 9, 30))
    data = FollowUpData(
        observations=[Observation(indicator="arbetsloshet", on=date(2016, 9, 30), value="22")]
    )
    assert assess(goal, data, date(2016, 9, 30)).results[0].status is N
    before = assess(goal, data, date(2016, 9, 29)).results[0]
    assert before.status is X  # nothing known yet on the 29th
    assert before.reason is Reason.NO_DATA


def test_without_a_deadline_the_latest_observation_is_judged() -> None:
    goal = level_goal(Comparison.AT_MOST, "21")
    data = FollowUpData(
        observations=[
            Observation(indicator="arbetsloshet", on=date(2016, 3, 31), value="25"),
            Observation(indicator="arbetsloshet", on=date(2016, 9, 30), value="20"),
        ]
    )
    result = assess(goal, data, date(2016, 12, 31)).results[0]
    assert (result.status, result.observed, result.label) == (A, 20, "tills vidare")
    assert result.detail == "inget slutdatum: senaste utfall"
    assert result.deadline is None


@pytest.mark.parametrize(
    ("target", "label"),
    [
        ({"period": Period.year(2016)}, "2016"),
        ({"period": parse_period("2016-09")}, "2016-09"),
        ({"period": parse_period("2016-12")}, "2016-12"),
        (
            {"period": Period(start=date(2016, 9, 1), end=date(2016, 9, 29))},
            "2016-09-01–2016-09-29",
        ),
        (
            {"period": Period(start=date(2016, 9, 2), end=date(2016, 10, 1))},
            "2016-09-02–2016-10-01",
        ),
        (
            {"period": Period(start=date(2016, 1, 1), end=date(2017, 12, 31))},
            "2016-01-01–2017-12-31",
        ),
        ({"due": date(2016, 9, 30)}, "2016-09-30"),
        ({}, "tills vidare"),
    ],
)
def test_target_labels(target: dict[str, object], label: str) -> None:
    """A target is labelled by its year, its month, its period or its due date."""
    goal = level_goal(Comparison.AT_MOST, "21", **target)
    assert assess(goal, FollowUpData(), date(2018, 1, 1)).results[0].label == label


def test_straight_line_from_a_dated_baseline() -> None:
    """Baseline 22 on 2016-01-01, at most 20 by 2016-12-31 (365 days). On day 73 the line is
    at 22 − 2 × 73/365 = 21,6: 21,6 is on track (on the line), 21,7 is not."""
    goal = Goal(
        id="niva",
        text="nivå",
        kind=GoalKind.LEVEL,
        indicator="arbetsloshet",
        baseline=Baseline(value="22", on=date(2016, 1, 1)),
        targets=[Target(comparison=Comparison.AT_MOST, value="20", due=date(2016, 12, 31))],
    )
    for value, status in (("21.6", T), ("21.7", OFF)):
        data = FollowUpData(
            observations=[
                Observation(indicator="arbetsloshet", on=date(2016, 3, 14), value=value),
            ]
        )
        result = assess(goal, data, date(2016, 6, 1)).results[0]
        assert result.status is status, value
        assert result.expected == Fraction(108, 5)
        assert result.baseline == 22


def test_combine_table() -> None:
    pending = Result(status=X, reason=Reason.NOT_DUE)
    not_started = Result(status=X, reason=Reason.NOT_STARTED)
    missing = Result(status=X, reason=Reason.NO_DATA)
    assert combine([]) == (X, Reason.NO_DATA)
    assert combine([Result(status=A)]) == (A, None)
    assert combine([Result(status=A), Result(status=T)]) == (T, None)
    assert combine([Result(status=T), Result(status=OFF)]) == (OFF, None)
    assert combine([Result(status=OFF), Result(status=N)]) == (N, None)
    assert combine([Result(status=A), missing]) == (X, Reason.NO_DATA)
    assert combine([missing, Result(status=OFF)]) == (OFF, None)
    assert combine([Result(status=A), pending]) == (T, None)  # pending parts: at best on track
    assert combine([pending, not_started]) == (X, Reason.NOT_DUE)
    assert combine([not_started, pending]) == (X, Reason.NOT_STARTED)
    assert combine([pending, missing]) == (X, Reason.NO_DATA)


def test_result_describe_and_repr() -> None:
    result = Result(
        status=N,
        label="2016",
        baseline=Fraction(22),
        target=Fraction(21),
        observed=Fraction(43, 2),
        numerator=43,
        denominator=200,
        detail="not",
        parts=(Result(status=X, reason=Reason.MISSING_UNIT, label="0683"),),
    )
    assert result.describe() == (
        "2016: ej uppnått — utgångsvärde 22, mål 21, utfall 21,5, skillnad 0,5, 43/200 [not]\n"
        "  0683: kan inte bedömas (underlag saknas för en enhet)"
    )
    assert result.describe("en") == (
        "2016: not attained — baseline 22, target 21, observed 21.5, gap 0.5, 43/200 [not]\n"
        "  0683: not assessable (no data for a unit)"
    )
    assert Result(status=T, upper=Fraction(60), expected=Fraction(1, 3)).describe("en") == (
        "–: on track — upper 60, straight line 0.3"
    )
    assert repr(result) == "Result(label='2016', status='ej uppnått', parts=1)"
    assert repr(result.parts[0]) == (
        "Result(label='0683', status='kan inte bedömas', reason='underlag saknas för en enhet', parts=0)"
    )
    assert Result(status=A, numerator=1).describe() == "–: uppnått"
    assert Result(status=A).gap is None
    assert Result(status=A, observed=Fraction(1)).gap is None


def test_goal_assessment_describe_and_repr() -> None:
    assessment = GoalAssessment(
        goal="traineejobb",
        kind=GoalKind.COUNT,
        on=date(2017, 1, 15),
        status=X,
        reason=Reason.NO_DATA,
        results=(Result(status=X, reason=Reason.NO_DATA, label="2016"),),
    )
    assert assessment.describe() == (
        f"traineejobb ({GoalKind.COUNT.value}), 2017-01-15: kan inte bedömas (underlag saknas)\n"
        "  2016: kan inte bedömas (underlag saknas)"
    )
    # The language asked for holds for every result too, whatever the current language.
    assert assessment.describe("en") == (
        f"traineejobb ({GoalKind.COUNT.label_en}), 2017-01-15: not assessable (no data)\n"
        "  2016: not assessable (no data)"
    )
    assert repr(assessment) == (
        f"GoalAssessment(goal='traineejobb', kind='{GoalKind.COUNT.value}', on='2017-01-15', "
        "status='kan inte bedömas', reason='underlag saknas', results=1)"
    )


def count_goal(
    comparison: Comparison, value: int, upper: int | None = None, **target: object
) -> Goal:
    """Hällefors style: "minst 4 traineejobb" started in 2016 (unless the table says
    otherwise)."""
    fields: dict[str, object] = {"period": Period.year(2016), **target}
    return Goal(
        id="traineejobb",
        text="traineejobb",
        kind=GoalKind.COUNT,
        indicator="traineejobb",
        targets=[Target(comparison=comparison, value=value, upper=upper, **fields)],  # type: ignore[arg-type]  # the table passes due/period by name
    )


def started(count: int, kind: str = "traineejobb", qualifier: str | None = None) -> list[Event]:
    return [
        Event(kind=kind, on=date(2016, 1, 1) + timedelta(days=i), qualifier=qualifier)
        for i in range(count)
    ]


MID_2016 = date(2016, 7, 1)  # day 182 of the 365 from 2016-01-01 to 2016-12-31


@pytest.mark.parametrize(
    ("comparison", "value", "upper", "count", "status", "detail"),
    [
        (Comparison.AT_LEAST, 4, None, 4, A, "nått före periodens slut"),  # counts only grow
        (Comparison.AT_LEAST, 4, None, 2, T, ""),  # the line: 4 × 182/365 = 1,99…
        (Comparison.AT_LEAST, 4, None, 1, OFF, ""),
        (Comparison.GREATER_THAN, 4, None, 5, A, "nått före periodens slut"),
        (Comparison.GREATER_THAN, 4, None, 4, T, ""),  # the line runs to 5: 2,49…
        (Comparison.GREATER_THAN, 4, None, 2, OFF, ""),
        (Comparison.AT_MOST, 4, None, 5, N, "övre gräns redan passerad"),
        (Comparison.AT_MOST, 4, None, 4, T, ""),
        (Comparison.LESS_THAN, 4, None, 4, N, "övre gräns redan passerad"),
        (Comparison.LESS_THAN, 4, None, 3, T, ""),
        (Comparison.EQUAL, 4, None, 5, N, "övre gräns redan passerad"),
        (Comparison.EQUAL, 4, None, 2, T, ""),
        (Comparison.EQUAL, 4, None, 1, OFF, ""),
        (Comparison.BETWEEN, 4, 6, 7, N, "övre gräns redan passerad"),
        (Comparison.BETWEEN, 4, 6, 6, T, ""),
        (Comparison.BETWEEN, 4, 6, 1, OFF, ""),
    ],
)
def test_counts_before_the_end_of_their_period(
    comparison: Comparison, value: int, upper: int | None, count: int, status: Status, detail: str
) -> None:
    """DOMAIN.md §5 "count in a period": counts only grow, so a lower bound reached early is
    attained and an upper bound passed is missed at once; else the straight line from zero."""
    goal = count_goal(comparison, value, upper)
    result = assess(goal, FollowUpData(events=started(count)), MID_2016).results[0]
    assert (result.status, result.detail) == (status, detail)
    assert result.observed == count
    assert result.observed_on == MID_2016
    assert result.deadline == date(2016, 12, 31)
    if status is OFF or (
        status is T and comparison not in (Comparison.AT_MOST, Comparison.LESS_THAN)
    ):
        floor = value + 1 if comparison is Comparison.GREATER_THAN else value
        assert result.expected == Fraction(floor * 182, 365)
    else:
        assert result.expected is None


@pytest.mark.parametrize(
    ("count", "on", "status"),
    [
        (4, date(2016, 12, 31), A),  # the last day of the period is final
        (3, date(2016, 12, 31), N),
        (3, date(2017, 1, 15), N),
    ],
)
def test_counts_at_the_end_of_their_period(count: int, on: date, status: Status) -> None:
    result = assess(
        count_goal(Comparison.AT_LEAST, 4), FollowUpData(events=started(count)), on
    ).results[0]
    assert result.status is status
    assert result.observed_on == date(2016, 12, 31)


def test_counting_only_in_the_window_and_as_known() -> None:
    events = [
        Event(kind="traineejobb", on=date(2015, 12, 31)),  # before the period
        Event(kind="traineejobb", on=date(2016, 1, 1)),  # first day
        Event(kind="traineejobb", on=date(2016, 12, 31)),  # last day
        Event(kind="traineejobb", on=date(2017, 1, 1)),  # after the period
        Event(kind="utbildningskontrakt", on=date(2016, 5, 1)),  # another indicator
    ]
    goal = count_goal(Comparison.AT_LEAST, 2)
    assert assess(goal, FollowUpData(events=events), date(2017, 6, 1)).results[0].observed == 2
    known = assess(goal, FollowUpData(events=events), date(2016, 12, 30)).results[0]
    assert known.observed == 1  # the event of the 31st is not yet known on the 30th


def test_count_not_started_missing_and_from_observations() -> None:
    goal = count_goal(Comparison.AT_LEAST, 4)
    early = assess(goal, FollowUpData(events=started(1)), date(2015, 12, 31)).results[0]
    assert (early.status, early.reason) == (X, Reason.NOT_STARTED)
    on_first_day = assess(goal, FollowUpData(events=started(1)), date(2016, 1, 1)).results[0]
    assert on_first_day.status is T  # started: judged against the line, at 0 on day 0
    missing = assess(goal, FollowUpData(), date(2017, 1, 15)).results[0]
    assert (missing.status, missing.reason) == (X, Reason.NO_DATA)
    stated = FollowUpData(
        observations=[Observation(indicator="traineejobb", period=Period.year(2016), value=5)]
    )
    assert assess(goal, stated, date(2017, 1, 15)).results[0].observed == 5
    fraction = FollowUpData(
        observations=[Observation(indicator="traineejobb", period=Period.year(2016), value="4.5")]
    )
    assert assess(goal, fraction, date(2017, 1, 15)).results[0].reason is Reason.NO_DATA


def test_count_windows_from_a_due_date_and_qualifiers() -> None:
    """Norrköping: 6 new tracks by the end of 2019, 2 of them aimed at women."""
    goal = Goal(
        id="nya-jobbspar",
        text="nya jobbspår",
        kind=GoalKind.MILESTONES,
        indicator="jobbspar",
        period=Period(start=date(2018, 1, 1), end=date(2019, 12, 31)),
        targets=[
            Target(comparison=Comparison.AT_LEAST, value=6, due=date(2019, 12, 31)),
            Target(
                comparison=Comparison.AT_LEAST, value=2, due=date(2019, 12, 31), qualifier="kvinnor"
            ),
        ],
    )
    events = [Event(kind="jobbspar", on=date(2017, 12, 31))]  # before the goal period
    events += [
        Event(kind="jobbspar", on=date(2018, 1, 1) + timedelta(days=30 * i)) for i in range(5)
    ]
    events += [Event(kind="jobbspar", on=date(2018, 3, 1), qualifier="kvinnor")]
    assessment = assess(goal, FollowUpData(events=events), date(2020, 1, 15))
    whole, women = assessment.results
    assert (whole.label, whole.observed, whole.status) == ("2019-12-31", 6, A)
    assert (women.label, women.observed, women.status) == ("2019-12-31 (kvinnor)", 1, N)
    undated = Goal(
        id="g",
        text="g",
        kind=GoalKind.COUNT,
        indicator="jobbspar",
        targets=[Target(comparison=Comparison.AT_LEAST, value=1)],
    )
    result = assess(undated, FollowUpData(events=events), date(2020, 1, 15)).results[0]
    assert (result.status, result.reason, result.label) == (
        X,
        Reason.MISSING_PERIOD,
        "tills vidare",
    )
    assert result.comparison is Comparison.AT_LEAST


def growth_goal(change: str = "20", **target: object) -> Goal:
    """GGV seed goals 2 and 3: "+20 % per år" into work or studies."""
    fields: dict[str, object] = {"period": Period.year(2017), **target}
    return Goal(
        id="okning",
        text="ökning",
        kind=GoalKind.GROWTH,
        indicator="till-arbete",
        targets=[Target(comparison=Comparison.AT_LEAST, value=change, **fields)],  # type: ignore[arg-type]  # the table passes due/period by name
    )


def yearly(values: dict[int, object]) -> FollowUpData:
    return FollowUpData(
        observations=[
            Observation(indicator="till-arbete", period=Period.year(y), value=v)
            for y, v in values.items()
        ]
    )


@pytest.mark.parametrize(
    ("before", "now", "status"),
    [
        (200, 240, A),  # exactly +20 %
        (200, 239, N),
        (200, 300, A),
    ],
)
def test_growth_against_the_year_before(before: int, now: int, status: Status) -> None:
    result = assess(growth_goal(), yearly({2016: before, 2017: now}), date(2018, 1, 15)).results[0]
    assert result.status is status
    assert (result.baseline, result.target, result.observed) == (
        before,
        Fraction(before) * Fraction(6, 5),
        now,
    )
    assert result.observed_on == date(2017, 12, 31)
    assert result.deadline == date(2017, 12, 31)
    growth = Fraction(now - before, before) * 100
    assert result.detail == f"förändring {format_number(growth, 1)} % mot föregående period"


def test_growth_is_judged_once_the_year_has_ended() -> None:
    data = yearly({2016: 200, 2017: 240})
    early = assess(growth_goal(), data, date(2016, 12, 31)).results[0]
    assert (early.status, early.reason) == (X, Reason.NOT_STARTED)
    during = assess(growth_goal(), data, date(2017, 12, 30)).results[0]
    assert (during.status, during.reason, during.detail) == (X, Reason.NOT_DUE, "året är inte slut")
    assert assess(growth_goal(), data, date(2017, 12, 31)).results[0].status is A


def test_growth_needs_a_previous_period_that_is_not_zero() -> None:
    missing = assess(growth_goal(), yearly({2017: 240}), date(2018, 1, 15)).results[0]
    assert (missing.status, missing.reason, missing.detail) == (
        X,
        Reason.MISSING_BASELINE,
        "föregående period saknas",
    )
    zero = assess(growth_goal(), yearly({2016: 0, 2017: 240}), date(2018, 1, 15)).results[0]
    assert (zero.reason, zero.detail, zero.baseline) == (
        Reason.ZERO_DENOMINATOR,
        "föregående period är noll",
        0,
    )
    no_now = assess(growth_goal(), yearly({2016: 200}), date(2018, 1, 15)).results[0]
    assert (no_now.status, no_now.reason) == (X, Reason.NO_DATA)
    assert (no_now.baseline, no_now.target) == (200, 240)


def test_growth_from_events_and_periods_that_are_not_years() -> None:
    """Without observations the events of each period are counted; a period that is not a
    calendar year is compared with the equally long period just before it."""
    events = [Event(kind="till-arbete", on=date(2017, 1, 1) + timedelta(days=i)) for i in range(10)]
    events += [
        Event(kind="till-arbete", on=date(2017, 7, 1) + timedelta(days=i)) for i in range(12)
    ]
    half = Period(start=date(2017, 7, 1), end=date(2017, 12, 31))
    result = assess(
        growth_goal(period=half), FollowUpData(events=events), date(2018, 1, 15)
    ).results[0]
    assert (result.baseline, result.observed, result.status) == (10, 12, A)
    due = assess(
        growth_goal(period=None, due=date(2017, 12, 31)),
        yearly({2016: 200, 2017: 240}),
        date(2018, 1, 15),
    )
    assert due.results[0].status is A  # the year ending on the due date
    undated = assess(
        growth_goal(period=None), yearly({2016: 200, 2017: 240}), date(2018, 1, 15)
    ).results[0]
    assert (undated.status, undated.reason) == (X, Reason.MISSING_PERIOD)
    assert undated.comparison is Comparison.AT_LEAST
    none = assess(growth_goal(period=half), FollowUpData(), date(2018, 1, 15)).results[0]
    assert none.reason is Reason.MISSING_BASELINE


def cadence_goal(*targets: Target, indicator: str | None = "uppfoljning") -> Goal:
    """Sjuhärad: the working group meets 6–8 times a year from mid-2020 to the end of 2022."""
    return Goal(
        id="moten",
        text="möten",
        kind=GoalKind.CADENCE,
        indicator=indicator,
        body="arbetsgrupp",
        cadence=Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=6, max_times=8),
        targets=list(targets),
        period=Period(start=date(2020, 7, 1), end=date(2022, 12, 31)),
    )


def held(
    year: int, count: int, body: str = "arbetsgrupp", topics: tuple[str, ...] = ()
) -> list[Meeting]:
    return [
        Meeting(body=body, on=date(year, 1, 10) + timedelta(days=20 * i), topics=topics)
        for i in range(count)
    ]


SIX_TO_EIGHT = Target(comparison=Comparison.BETWEEN, value=6, upper=8)


@pytest.mark.parametrize(
    ("target", "count", "status"),
    [
        (SIX_TO_EIGHT, 5, N),  # Sjuhärad: 6–8 working-group meetings a year
        (SIX_TO_EIGHT, 6, A),
        (SIX_TO_EIGHT, 8, A),
        (SIX_TO_EIGHT, 9, N),
        (Target(comparison=Comparison.EQUAL, value=4), 4, A),  # Sjuhärad: management 4 a year
        (Target(comparison=Comparison.EQUAL, value=4), 5, N),
        (Target(comparison=Comparison.EQUAL, value=4), 3, N),
        (Target(comparison=Comparison.AT_LEAST, value=2), 9, A),  # Norrköping: ≥ 2 a year
        (Target(comparison=Comparison.AT_LEAST, value=2), 1, N),
    ],
)
def test_cadence_per_calendar_year(target: Target, count: int, status: Status) -> None:
    """A cadence target without a period is judged in each calendar year wholly inside the
    goal's period that has begun by the day of assessment."""
    data = FollowUpData(meetings=held(2021, count))
    assessment = assess(cadence_goal(target), data, date(2022, 1, 15))
    # 2020 is not wholly inside the goal's period; 2022 has begun: one target a year.
    assert [r.label for r in assessment.results] == ["2021", "2022"]
    first = assessment.results[0]
    assert (first.status, first.observed) == (status, count)
    assert assessment.results[1].observed == 0
    assert [r.label for r in assess(cadence_goal(target), data, date(2023, 6, 1)).results] == [
        "2021",
        "2022",
    ]


def test_cadence_before_its_first_whole_year_or_without_a_period() -> None:
    data = FollowUpData(meetings=held(2021, 3))
    early = assess(cadence_goal(SIX_TO_EIGHT), data, date(2020, 12, 31))
    assert [(r.status, r.reason, r.label) for r in early.results] == [
        (X, Reason.NOT_STARTED, "per år")
    ]
    undated = attrs.evolve(cadence_goal(SIX_TO_EIGHT), period=None)
    assert [r.reason for r in assess(undated, data, date(2022, 1, 15)).results] == [
        Reason.MISSING_PERIOD
    ]


def test_cadence_counts_the_body_s_meetings_on_the_goal_s_topic() -> None:
    meetings = held(2021, 3) + held(2021, 2, body="styrgrupp") + held(2021, 2, topics=("budget",))
    meetings += held(2021, 1, topics=("budget", "uppfoljning"))
    data = FollowUpData(meetings=meetings)
    counted = assess(cadence_goal(SIX_TO_EIGHT), data, date(2022, 1, 15)).results[0]
    assert counted.observed == 4  # 3 without topics, 1 listing the goal's indicator
    without_indicator = attrs.evolve(cadence_goal(SIX_TO_EIGHT), indicator=None)
    assert assess(without_indicator, data, date(2022, 1, 15)).results[0].observed == 6
    other = FollowUpData(meetings=held(2021, 3, body="styrgrupp"))
    missing = assess(cadence_goal(SIX_TO_EIGHT), other, date(2022, 1, 15)).results[0]
    assert (missing.status, missing.reason) == (X, Reason.NO_DATA)


def test_cadence_with_stated_yearly_targets() -> None:
    target = Target(comparison=Comparison.AT_LEAST, value=4, period=Period.year(2021))
    assessment = assess(
        cadence_goal(target), FollowUpData(meetings=held(2021, 4)), date(2022, 1, 15)
    )
    assert [(r.label, r.status, r.observed) for r in assessment.results] == [("2021", A, 4)]
    meetings = [*held(2021, 4), Meeting(body="arbetsgrupp", on=date(2021, 12, 31))]
    known = assess(cadence_goal(target), FollowUpData(meetings=meetings), date(2021, 12, 30))
    assert known.results[0].observed == 4  # the meeting on the 31st is not yet known


def share_goal(
    comparison: Comparison = Comparison.AT_LEAST, value: str = "50", **target: object
) -> Goal:
    """Norrköping: 50 % women in the tracks (a share of participants)."""
    return Goal(
        id="andel-kvinnor",
        text="andel kvinnor",
        kind=GoalKind.SHARE,
        indicator="kvinnor",
        targets=[Target(comparison=comparison, value=value, **target)],  # type: ignore[arg-type]  # the table passes due/period by name
    )


def women_men(
    women: int, men: int, start: date = date(2019, 1, 1), end: date | None = None
) -> list[Participant]:
    sexes = [Sex.FEMALE] * women + [Sex.MALE] * men
    return [
        Participant(key=f"p{i}", track="industri", start=start, end=end, sex=s)
        for i, s in enumerate(sexes)
    ]


@pytest.mark.parametrize(
    ("women", "men", "on", "status"),
    [
        (2, 2, date(2020, 1, 15), A),  # 50 %: at least 50 % holds
        (1, 2, date(2020, 1, 15), N),
        (2, 2, date(2019, 6, 1), T),  # before the deadline: on or off track
        (1, 2, date(2019, 6, 1), OFF),
        (2, 2, date(2019, 12, 31), A),  # the deadline itself is final
    ],
)
def test_share_of_participants(women: int, men: int, on: date, status: Status) -> None:
    goal = share_goal(due=date(2019, 12, 31))
    data = FollowUpData(participants=women_men(women, men), measures={"kvinnor": "women"})
    result = assess(goal, data, on).results[0]
    assert result.status is status
    assert result.observed == Fraction(100 * women, women + men)
    assert (result.numerator, result.denominator) == (women, women + men)
    assert result.detail == f"women, {women + men} deltagare"
    assert result.observed_on == on
    assert result.deadline == date(2019, 12, 31)
    assert (result.target, result.comparison) == (50, Comparison.AT_LEAST)


def test_share_over_a_period_counts_those_taking_part_in_it() -> None:
    rows = [
        *women_men(1, 0, start=date(2018, 1, 1), end=date(2018, 12, 31)),  # left before 2019
        *women_men(0, 1, start=date(2018, 6, 1), end=date(2019, 1, 1)),  # overlaps by a day
        *women_men(1, 0, start=date(2019, 12, 31)),  # started on the last day
        *women_men(1, 0, start=date(2020, 1, 1)),  # after the period
    ]
    rows = [attrs.evolve(p, key=f"k{i}") for i, p in enumerate(rows)]
    goal = share_goal(period=Period.year(2019))
    data = FollowUpData(participants=rows, measures={"kvinnor": "women"})
    result = assess(goal, data, date(2020, 6, 1)).results[0]
    assert (result.numerator, result.denominator, result.status) == (1, 2, A)
    early = assess(goal, data, date(2018, 12, 31)).results[0]
    assert (early.status, early.reason) == (X, Reason.NOT_STARTED)
    nobody = assess(
        goal, FollowUpData(participants=[], measures={"kvinnor": "women"}), date(2020, 6, 1)
    )
    assert nobody.results[0].reason is Reason.NO_DATA
    unknown = FollowUpData(
        participants=[Participant(key="u", track="t", start=date(2019, 1, 1))],
        measures={"kvinnor": "women"},
    )
    zero = assess(goal, unknown, date(2020, 6, 1)).results[0]
    assert (zero.status, zero.reason, zero.numerator, zero.denominator) == (
        X,
        Reason.ZERO_DENOMINATOR,
        0,
        0,
    )


def test_share_without_a_measure_uses_observations() -> None:
    goal = share_goal(due=date(2019, 12, 31))
    none = assess(goal, FollowUpData(), date(2020, 1, 15)).results[0]
    assert (none.status, none.reason, none.label) == (X, Reason.NO_MEASURE, "kvinnor")
    assert none.detail == "varken observationer eller ett deltagarmått för indikatorn"
    observed = FollowUpData(
        observations=[Observation(indicator="kvinnor", on=date(2019, 12, 31), value="42.5")]
    )
    result = assess(goal, observed, date(2020, 1, 15)).results[0]
    assert (result.status, result.observed) == (N, Fraction(85, 2))  # Norrköping: 42,5 % women


CHAIN_PERIOD = Period(start=date(2020, 1, 1), end=date(2021, 12, 31))


def conversion_goal(period: Period | None = CHAIN_PERIOD) -> Goal:
    """Sjuhärad: 50 % of track starters go on to regular studies; 50 % of those to work."""
    return Goal(
        id="kedja",
        text="kedja",
        kind=GoalKind.CONVERSION,
        period=period,
        steps=[
            ConversionStep(
                from_status="påbörjar jobbspår", to_status="reguljära studier", share_percent="50"
            ),
            ConversionStep(from_status="reguljära studier", to_status="arbete", share_percent="50"),
        ],
    )


def chain(*reached: tuple[str, ...]) -> list[Participant]:
    return [
        Participant(
            key=f"p{i}",
            track="kock",
            start=date(2020, 2, 1),
            statuses=["påbörjar jobbspår", *statuses],
        )
        for i, statuses in enumerate(reached)
    ]


def test_conversion_steps_are_shares_of_the_previous_step() -> None:
    rows = chain((), ("reguljära studier",), ("reguljära studier", "arbete"), ("arbete",))
    result = assess(conversion_goal(), FollowUpData(participants=rows), date(2022, 1, 15))
    first, second = result.results
    assert first.label == "påbörjar jobbspår → reguljära studier"
    assert (first.numerator, first.denominator, first.observed, first.status) == (2, 4, 50, A)
    assert (second.numerator, second.denominator, second.observed, second.status) == (1, 2, 50, A)
    assert (first.target, first.comparison, first.observed_on) == (
        50,
        Comparison.AT_LEAST,
        date(2022, 1, 15),
    )
    fewer = chain((), (), ("reguljära studier",), ("arbete",))
    assert [
        r.status
        for r in assess(
            conversion_goal(), FollowUpData(participants=fewer), date(2022, 1, 15)
        ).results
    ] == [N, N]
    before = assess(conversion_goal(), FollowUpData(participants=fewer), date(2021, 12, 30)).results
    assert [r.status for r in before] == [OFF, OFF]
    on_the_end = assess(
        conversion_goal(), FollowUpData(participants=rows), date(2021, 12, 31)
    ).results
    assert [r.status for r in on_the_end] == [A, A]
    open_ended = assess(
        conversion_goal(None), FollowUpData(participants=rows), date(2021, 6, 1)
    ).results
    assert [r.status for r in open_ended] == [A, A]


def test_conversion_without_participants_or_starters() -> None:
    nobody = assess(conversion_goal(), FollowUpData(), date(2022, 1, 15)).results[0]
    assert (nobody.status, nobody.reason) == (X, Reason.NO_DATA)
    nobody_studied = chain((), ())
    second = assess(
        conversion_goal(), FollowUpData(participants=nobody_studied), date(2022, 1, 15)
    ).results[1]
    assert (second.status, second.reason, second.numerator, second.denominator) == (
        X,
        Reason.ZERO_DENOMINATOR,
        0,
        0,
    )
    late = [
        Participant(key="l", track="kock", start=date(2022, 2, 1), statuses=["påbörjar jobbspår"])
    ]
    not_yet = assess(conversion_goal(), FollowUpData(participants=late), date(2022, 1, 15)).results[
        0
    ]
    assert not_yet.reason is Reason.NO_DATA  # nobody had started by the day of assessment


def direction_goal(direction: Direction, **fields: object) -> Goal:
    """Norrköping: the share into work or studies shall rise; long-term assistance fall."""
    return Goal(
        id="riktning",
        text="riktning",
        kind=GoalKind.DIRECTION,
        indicator="andel",
        direction=direction,
        period=Period(start=date(2019, 1, 1), end=date(2020, 12, 31)),
        **fields,  # type: ignore[arg-type]  # the tests pass a baseline by name
    )


def series(*values: tuple[str, object]) -> FollowUpData:
    return FollowUpData(
        observations=[
            Observation(indicator="andel", on=date.fromisoformat(d), value=v) for d, v in values
        ]
    )


@pytest.mark.parametrize(
    ("direction", "last", "status"),
    [
        (Direction.INCREASE, "41", A),
        (Direction.INCREASE, "40", N),  # no change is not a rise
        (Direction.INCREASE, "39", N),
        (Direction.DECREASE, "39", A),
        (Direction.DECREASE, "40", N),  # nor a fall
        (Direction.DECREASE, "41", N),
    ],
)
def test_direction_needs_the_right_sign(direction: Direction, last: str, status: Status) -> None:
    data = series(
        ("2018-12-31", "10"), ("2019-03-31", "40"), ("2020-06-30", last), ("2021-03-31", "99")
    )
    result = assess(direction_goal(direction), data, date(2021, 6, 1)).results[0]
    assert result.status is status
    assert (result.baseline, result.observed) == (
        40,
        Fraction(last),
    )  # first in the period, last in it
    assert result.observed_on == date(2020, 6, 30)
    assert result.deadline == date(2020, 12, 31)
    change = Fraction(last) - 40
    assert result.detail == f"{direction.label_sv}: förändring {format_number(change, 1)}"
    assert result.label == direction.value


def test_direction_before_the_end_and_without_data() -> None:
    data = series(("2019-03-31", "40"), ("2020-06-30", "41"))
    during = assess(direction_goal(Direction.INCREASE), data, date(2020, 7, 1)).results[0]
    assert during.status is T
    falling = assess(direction_goal(Direction.DECREASE), data, date(2020, 7, 1)).results[0]
    assert falling.status is OFF
    on_the_end = assess(direction_goal(Direction.INCREASE), data, date(2020, 12, 31)).results[0]
    assert on_the_end.status is A
    early = assess(direction_goal(Direction.INCREASE), data, date(2018, 12, 31)).results[0]
    assert (early.status, early.reason) == (X, Reason.NOT_STARTED)
    one = assess(
        direction_goal(Direction.INCREASE), series(("2019-03-31", "40")), date(2021, 1, 15)
    ).results[0]
    assert (one.reason, one.detail, one.baseline) == (
        Reason.NO_DATA,
        "behöver två observationer",
        40,
    )
    none = assess(direction_goal(Direction.INCREASE), FollowUpData(), date(2021, 1, 15)).results[0]
    assert none.reason is Reason.MISSING_BASELINE
    known = assess(direction_goal(Direction.INCREASE), data, date(2020, 6, 29)).results[0]
    assert known.reason is Reason.NO_DATA  # the second observation is not yet known


def test_direction_from_a_stated_baseline() -> None:
    goal = direction_goal(Direction.DECREASE, baseline=Baseline(value="50", on=date(2019, 1, 1)))
    result = assess(goal, series(("2019-06-30", "45")), date(2021, 1, 15)).results[0]
    assert (result.baseline, result.observed, result.status) == (50, 45, A)
    undated = direction_goal(Direction.DECREASE, baseline=Baseline(value="50"))
    assert assess(undated, series(("2019-06-30", "45")), date(2021, 1, 15)).results[0].status is A


def relative_goal(aggregation: Aggregation | None = None, **fields: object) -> Goal:
    """GGV goal 1: the share of KAA youth without activity shall fall by 30 % in each
    municipality (from the baseline at the start of 2016, by the end of 2017)."""
    goal_fields: dict[str, object] = {
        "units": ("0662", "0683"),
        "scope": Scope.MUNICIPALITY,
        "period": Period(start=date(2016, 1, 1), end=date(2017, 12, 31)),
        **fields,
    }
    return Goal(
        id="kaa",
        text="kaa",
        kind=GoalKind.RELATIVE_CHANGE,
        indicator="kaa",
        unit=Unit.PERCENT,
        aggregation=aggregation,
        targets=[Target(comparison=Comparison.AT_MOST, value="-30", due=date(2017, 12, 31))],
        **goal_fields,  # type: ignore[arg-type]  # the tests vary units, scope and period by name
    )


def kaa(unit: str | None, day: str, n: int, d: int) -> Observation:
    return Observation(
        indicator="kaa", unit=unit, on=date.fromisoformat(day), numerator=n, denominator=d
    )


# 0662: 20 % → 10 % (attains 14 %); 0683: 20 % → 16 % (misses it); in total 20 % → 14 %.
GGV_LIKE = FollowUpData(
    observations=[
        kaa("0662", "2015-12-31", 20, 100),
        kaa("0683", "2015-12-31", 40, 200),
        kaa("0662", "2017-12-31", 10, 100),
        kaa("0683", "2017-12-31", 32, 200),
    ]
)


@pytest.mark.parametrize(
    ("aggregation", "status", "parts", "combination"),
    [
        (None, N, [("0662", A), ("0683", N)], "varje"),  # per unit without aggregation: EACH
        (Aggregation.EACH, N, [("0662", A), ("0683", N)], "varje"),
        (Aggregation.TOTAL, A, [("0662", A), ("0683", N)], "totalt"),  # GGV goal 4: in total
        (
            Aggregation.WHOLE_AND_EACH,
            N,
            [("totalt", A), ("0662", A), ("0683", N)],
            "varje och totalt",
        ),
    ],
)
def test_relative_change_per_unit_and_in_total(
    aggregation: Aggregation | None,
    status: Status,
    parts: list[tuple[str, Status]],
    combination: str,
) -> None:
    result = assess(relative_goal(aggregation), GGV_LIKE, date(2018, 1, 31)).results[0]
    assert (result.status, result.label, result.combination) == (status, "2017-12-31", combination)
    assert [(p.label, p.status) for p in result.parts] == parts
    by_label = {p.label: p for p in result.parts}
    assert by_label["0683"].target == Fraction(14)  # −30 % from 20 % is exactly 14 %
    assert by_label["0683"].observed == 16
    assert by_label["0683"].unit == "0683"
    assert by_label["0683"].detail == "förändring -30,0 % från utgångsvärdet"
    if aggregation is Aggregation.TOTAL:
        assert (result.numerator, result.denominator, result.observed) == (42, 300, 14)
        assert result.unit is None


def test_relative_change_from_a_stated_baseline() -> None:
    """DOMAIN.md §6: a reduction of 30 % from 40 % is exactly 28 %, and 28 % attains it."""
    goal = relative_goal(
        units=(), scope=Scope.AGREEMENT, baseline=Baseline(value="40", on=date(2015, 12, 31))
    )
    at_28 = FollowUpData(observations=[kaa(None, "2017-12-31", 28, 100)])
    result = assess(goal, at_28, date(2018, 1, 31)).results[0]
    assert (result.status, result.target, result.baseline, result.observed) == (A, 28, 40, 28)
    above = FollowUpData(observations=[kaa(None, "2017-12-31", 281, 1000)])
    assert assess(goal, above, date(2018, 1, 31)).results[0].status is N


def test_relative_change_needs_a_baseline_that_is_not_zero() -> None:
    zero = FollowUpData(
        observations=[kaa("0662", "2015-12-31", 0, 100), kaa("0683", "2015-12-31", 1, 100)]
    )
    result = assess(relative_goal(), zero, date(2018, 1, 31)).results[0]
    first = result.parts[0]
    assert (first.status, first.reason, first.detail, first.baseline) == (
        X,
        Reason.ZERO_DENOMINATOR,
        "utgångsvärdet är noll",
        0,
    )
    missing = FollowUpData(observations=[kaa("0662", "2015-12-31", 20, 100)])
    second = assess(relative_goal(), missing, date(2018, 1, 31)).results[0].parts[1]
    assert (second.status, second.reason, second.unit) == (X, Reason.MISSING_BASELINE, "0683")
    assert (second.deadline, second.comparison) == (date(2017, 12, 31), Comparison.AT_MOST)
    late = FollowUpData(
        observations=[kaa("0662", "2016-01-02", 20, 100), kaa("0683", "2016-01-01", 20, 100)]
    )
    parts = assess(relative_goal(), late, date(2018, 1, 31)).results[0].parts
    assert [p.reason for p in parts] == [
        Reason.MISSING_BASELINE,
        Reason.MISSING_UNIT,
    ]  # on the day counts


def test_shares_stated_without_counts_cannot_be_summed() -> None:
    values = FollowUpData(
        observations=[
            Observation(indicator="kaa", unit=u, on=date(d, 12, 31), value=v)
            for u in ("0662", "0683")
            for d, v in ((2015, 20), (2017, 10))
        ]
    )
    result = assess(relative_goal(Aggregation.TOTAL), values, date(2018, 1, 31)).results[0]
    assert (result.status, result.reason) == (X, Reason.NOT_SUMMABLE)
    assert [p.status for p in result.parts] == [A, A]


def test_counts_of_units_are_summed() -> None:
    """A count indicator over units: the total is the sum of the units' counts."""
    goal = Goal(
        id="arbetslosa",
        text="arbetslösa",
        kind=GoalKind.LEVEL,
        indicator="arbetslosa",
        unit=Unit.COUNT,
        units=("0662", "0683"),
        scope=Scope.MUNICIPALITY,
        aggregation=Aggregation.TOTAL,
        targets=[
            Target(comparison=Comparison.AT_MOST, value=368, due=date(2017, 12, 31))
        ],  # GGV: 460 − 20 %
    )
    data = FollowUpData(
        observations=[
            Observation(indicator="arbetslosa", unit="0662", on=date(2017, 12, 31), value=200),
            Observation(indicator="arbetslosa", unit="0683", on=date(2017, 12, 31), value=168),
        ]
    )
    result = assess(goal, data, date(2018, 1, 31)).results[0]
    assert (result.status, result.observed) == (A, 368)
    assert [p.observed for p in result.parts] == [200, 168]
    zero = FollowUpData(
        observations=[
            Observation(
                indicator="arbetslosa", unit=u, on=date(2017, 12, 31), numerator=0, denominator=0
            )
            for u in ("0662", "0683")
        ]
    )
    assert assess(goal, zero, date(2018, 1, 31)).results[0].reason is Reason.ZERO_DENOMINATOR


def test_units_are_found_in_the_data_when_the_goal_names_none() -> None:
    goal = relative_goal(units=())
    result = assess(goal, GGV_LIKE, date(2018, 1, 31)).results[0]
    assert [p.label for p in result.parts] == ["0662", "0683"]


def test_count_line_over_a_two_day_window() -> None:
    """The straight line runs from zero on the first day: on day 0 of a two-day window it
    is at 0 (one event is on track), on the last day the count is final."""
    goal = count_goal(
        Comparison.AT_LEAST, 4, period=Period(start=date(2016, 1, 1), end=date(2016, 1, 2))
    )
    data = FollowUpData(events=started(1))
    first = assess(goal, data, date(2016, 1, 1)).results[0]
    assert (first.status, first.expected) == (T, 0)
    assert assess(goal, data, date(2016, 1, 2)).results[0].status is N


def test_swedish_texts_of_bounds_and_nested_results() -> None:
    """Swedish decimals have a comma at every level of an assessment's text."""
    assert Result(status=T, upper=Fraction(121, 2)).describe() == "–: i fas — övre gräns 60,5"
    assert (
        Result(status=OFF, expected=Fraction(108, 5)).describe() == "–: ej i fas — rak linje 21,6"
    )
    assessment = GoalAssessment(
        goal="g",
        kind=GoalKind.LEVEL,
        on=date(2017, 1, 15),
        status=A,
        results=(Result(status=A, label="2016", observed=Fraction(43, 2)),),
    )
    assert assessment.describe() == (
        f"g ({GoalKind.LEVEL.value}), 2017-01-15: uppnått\n  2016: uppnått — utfall 21,5"
    )


def test_repr_without_a_reason() -> None:
    assessment = GoalAssessment(goal="g", kind=GoalKind.LEVEL, on=date(2017, 1, 15), status=A)
    assert repr(assessment) == (
        f"GoalAssessment(goal='g', kind='{GoalKind.LEVEL.value}', on='2017-01-15', status='uppnått', results=0)"
    )


def test_relative_change_without_a_usable_baseline_names_each_part() -> None:
    """GGV goal 1 per kommun and in total (DOMAIN.md §5): 0662's baseline is zero (no
    change from it can be judged), 0683 has none, so the total has none either. Each part
    keeps its own label and unit; the total names no unit."""
    data = FollowUpData(
        observations=[kaa("0662", "2015-12-31", 0, 100), kaa("0662", "2017-12-31", 10, 100)]
    )
    result = assess(relative_goal(Aggregation.WHOLE_AND_EACH), data, date(2018, 1, 31))
    parts = result.results[0].parts
    assert [(p.label, p.label_kind, p.unit, p.status, p.reason) for p in parts] == [
        ("totalt", LabelKind.TOTAL, None, X, Reason.MISSING_BASELINE),
        ("0662", LabelKind.UNIT, "0662", X, Reason.ZERO_DENOMINATOR),
        ("0683", LabelKind.UNIT, "0683", X, Reason.MISSING_BASELINE),
    ]


def test_a_lower_bound_exactly_on_the_straight_line_is_on_track() -> None:
    """Norrköping-like floor (DOMAIN.md §5, LEVEL): at least 10 by 2016-01-11 from 0 on
    2016-01-01. On 2016-01-06 the line is at 5: 5 is on track (on the line, `>=`), 4,9 is
    not."""
    goal = Goal(
        id="niva",
        text="nivå",
        kind=GoalKind.LEVEL,
        indicator="arbetsloshet",
        baseline=Baseline(value="0", on=date(2016, 1, 1)),
        targets=[Target(comparison=Comparison.AT_LEAST, value="10", due=date(2016, 1, 11))],
    )
    for value, status in (("5", T), ("4.9", OFF), ("5.1", T)):
        data = FollowUpData(
            observations=[Observation(indicator="arbetsloshet", on=date(2016, 1, 6), value=value)]
        )
        result = assess(goal, data, date(2016, 1, 8)).results[0]
        assert (result.status, result.expected, result.observed) == (
            status,
            Fraction(5),
            Fraction(value),
        ), value
        assert (result.baseline, result.baseline_on) == (0, date(2016, 1, 1))


def test_before_the_deadline_only_observations_after_the_baseline_count() -> None:
    """Hällefors-like ceiling (DOMAIN.md §5, LEVEL): the baseline is the observation of
    2016-01-01 (the period's start). Before the deadline only a later observation shows
    progress; with none, the goal cannot be judged yet, even though the baseline's own
    observation (20, at the target) is there."""
    goal = Goal(
        id="niva",
        text="nivå",
        kind=GoalKind.LEVEL,
        indicator="arbetsloshet",
        period=Period(start=date(2016, 1, 1), end=date(2016, 12, 31)),
        targets=[Target(comparison=Comparison.AT_MOST, value="20", due=date(2016, 12, 31))],
    )
    baseline_only = FollowUpData(
        observations=[Observation(indicator="arbetsloshet", on=date(2016, 1, 1), value="20")]
    )
    result = assess(goal, baseline_only, date(2016, 6, 1)).results[0]
    assert (result.status, result.reason) == (X, Reason.NO_DATA)
    assert (result.baseline, result.baseline_on, result.observed) == (20, date(2016, 1, 1), None)
    later = attrs.evolve(
        baseline_only,
        observations=[
            *baseline_only.observations,
            Observation(indicator="arbetsloshet", on=date(2016, 7, 2), value="21"),
        ],
    )
    # On 2016-07-02 the line from 20 to 20 is at 20: 21 is above it.
    result = assess(goal, later, date(2016, 8, 1)).results[0]
    assert (result.status, result.expected, result.observed) == (OFF, 20, 21)


def test_conversion_met_before_the_end_is_on_track() -> None:
    """Sjuhärad chain (DOMAIN.md §5, CONVERSION): before the period's end a step that meets
    its share is on track, one that does not is off track."""
    rows = chain((), ("reguljära studier",), ("reguljära studier", "arbete"), ("arbete",))
    before = assess(conversion_goal(), FollowUpData(participants=rows), date(2021, 12, 30))
    assert [r.status for r in before.results] == [T, T]


def test_conversion_per_track_and_in_total() -> None:
    """Sjuhärad's tracks (kock, undersköterska) judged each and in total: each part names
    its track as its unit; a track without participants is a missing unit, and so is the
    total when nobody has started anywhere."""
    goal = attrs.evolve(
        conversion_goal(),
        scope=Scope.TRACK,
        units=("kock", "underskoterska"),
        aggregation=Aggregation.WHOLE_AND_EACH,
    )
    rows = chain((), ("reguljära studier",))  # two on the kock track, one went on
    first = assess(goal, FollowUpData(participants=rows), date(2022, 1, 15)).results[0]
    total, kock, other = first.parts
    label = "påbörjar jobbspår → reguljära studier"
    common = {"comparison": Comparison.AT_LEAST, "target": Fraction(50)}
    assert (first.label, first.label_kind, first.combination) == (
        label,
        LabelKind.STEP,
        "varje och totalt",
    )
    assert total == Result(
        status=A, label="totalt", label_kind=LabelKind.TOTAL, observed=Fraction(50),
        observed_on=date(2022, 1, 15), numerator=1, denominator=2, **common,  # type: ignore[arg-type]  # the shared fields by name
    )  # fmt: skip
    assert kock == attrs.evolve(total, label="kock", label_kind=LabelKind.UNIT, unit="kock")
    assert other == Result(
        status=X, reason=Reason.MISSING_UNIT, label="underskoterska", label_kind=LabelKind.UNIT,
        unit="underskoterska", **common,  # type: ignore[arg-type]  # the shared fields by name
    )  # fmt: skip
    nobody = assess(goal, FollowUpData(), date(2022, 1, 15)).results[0]
    assert [(p.label, p.unit, p.reason) for p in nobody.parts] == [
        ("totalt", None, Reason.MISSING_UNIT),
        ("kock", "kock", Reason.MISSING_UNIT),
        ("underskoterska", "underskoterska", Reason.MISSING_UNIT),
    ]


def test_cadence_targets_without_a_period_or_with_a_due_date() -> None:
    """Sjuhärad's working group (DOMAIN.md §5, CADENCE): a target with a due date counts
    the meetings from the goal's start to that day (not after it); one without a period
    beside dated targets cannot be judged, and the next target still is; without any
    period at all, "per år" cannot be judged either."""
    due = Target(comparison=Comparison.AT_LEAST, value=6, due=date(2021, 6, 30))
    undated = Target(comparison=Comparison.AT_LEAST, value=6)
    meetings = held(2020, 3) + held(2021, 3)  # 3 in 2020 (before the goal's start), 3 in 2021
    meetings += [Meeting(body="arbetsgrupp", on=date(2020, 8, 1 + i)) for i in range(3)]
    meetings += [Meeting(body="arbetsgrupp", on=date(2021, 7, 1))]  # after the due date
    first, second = assess(
        cadence_goal(undated, due), FollowUpData(meetings=meetings), date(2021, 7, 1)
    ).results
    assert first == Result(
        status=X,
        reason=Reason.MISSING_PERIOD,
        label="tills vidare",
        label_kind=LabelKind.PERIOD,
        comparison=Comparison.AT_LEAST,
    )
    assert (second.label, second.label_kind, second.status, second.observed) == (
        "2021-06-30",
        LabelKind.PERIOD,
        A,
        6,  # 2020-08-01..03 and the three of 2021, not those of early 2020 nor 2021-07-01
    )
    no_period = attrs.evolve(cadence_goal(undated), period=None)
    (result,) = assess(no_period, FollowUpData(meetings=meetings), date(2021, 7, 1)).results
    assert result == Result(
        status=X, reason=Reason.MISSING_PERIOD, label="per år", label_kind=LabelKind.PERIOD
    )


def test_cadence_per_body() -> None:
    """A cadence goal for two bodies, each judged on its own meetings and named as the
    part's unit (Sjuhärad: the working group and the steering group)."""
    goal = attrs.evolve(
        cadence_goal(Target(comparison=Comparison.AT_LEAST, value=2, period=Period.year(2021))),
        scope=Scope.BODY,
        units=("arbetsgrupp", "styrgrupp"),
        aggregation=Aggregation.EACH,
    )
    meetings = held(2021, 3) + held(2021, 1, body="styrgrupp")
    (result,) = assess(goal, FollowUpData(meetings=meetings), date(2022, 1, 15)).results
    assert [(p.label, p.unit, p.observed, p.status) for p in result.parts] == [
        ("arbetsgrupp", "arbetsgrupp", 3, A),
        ("styrgrupp", "styrgrupp", 1, N),
    ]


def test_direction_per_unit_from_the_first_day_of_its_period() -> None:
    """Norrköping's "shall rise" (DOMAIN.md §5, DIRECTION) per kommun: not started the day
    before the period, judged from its first day, whose observation is the first one;
    each part names its unit. 0683 has no data (no baseline); 0617's first share has a
    zero denominator, which is said as it is."""
    goal = attrs.evolve(
        direction_goal(Direction.INCREASE),
        unit=Unit.PERCENT,
        scope=Scope.MUNICIPALITY,
        units=("0617", "0662", "0683"),
        aggregation=Aggregation.EACH,
    )

    def share(unit: str, day: date, numerator: int, denominator: int) -> Observation:
        return Observation(indicator="andel", unit=unit, on=day, numerator=numerator,
                           denominator=denominator)  # fmt: skip

    data = FollowUpData(observations=[
        share("0662", date(2019, 1, 1), 10, 100), share("0662", date(2019, 6, 30), 12, 100),
        share("0617", date(2019, 2, 1), 0, 0), share("0617", date(2019, 6, 30), 5, 10),
    ])  # fmt: skip
    units = ("0617", "0662", "0683")

    def parts(on: date) -> list[tuple[object, ...]]:
        (result,) = assess(goal, data, on).results
        assert (result.label, result.label_kind) == ("öka", LabelKind.DIRECTION)
        return [(p.label, p.unit, p.status, p.reason, p.detail, p.baseline) for p in result.parts]

    assert parts(date(2018, 12, 31)) == [(u, u, X, Reason.NOT_STARTED, "", None) for u in units]
    zero = ("0617", "0617", X, Reason.ZERO_DENOMINATOR, "", None)
    missing = ("0683", "0683", X, Reason.MISSING_BASELINE, "", None)
    assert parts(date(2019, 1, 1)) == [
        ("0617", "0617", X, Reason.MISSING_BASELINE, "", None),  # nothing known yet
        ("0662", "0662", X, Reason.MISSING_UNIT, "behöver två observationer", 10),
        missing,
    ]
    assert parts(date(2019, 12, 31)) == [
        zero,
        ("0662", "0662", T, None, "öka: förändring 2,0", 10),
        missing,
    ]


def test_direction_from_a_stated_baseline_needs_a_later_observation() -> None:
    """A stated baseline of 50 on 2019-01-01: an observation of that same day is not a
    change from it."""
    goal = direction_goal(Direction.DECREASE, baseline=Baseline(value="50", on=date(2019, 1, 1)))
    same_day = series(("2019-01-01", "45"))
    result = assess(goal, same_day, date(2021, 1, 15)).results[0]
    assert (result.status, result.reason, result.detail, result.baseline) == (
        X,
        Reason.NO_DATA,
        "behöver två observationer",
        50,
    )


def test_cadence_and_direction_totals_name_no_unit() -> None:
    """Judged "varje och totalt", the total of several bodies or kommuner is no single
    one of them: its unit is empty (DOMAIN.md §5, aggregation)."""
    cadence = attrs.evolve(
        cadence_goal(Target(comparison=Comparison.AT_LEAST, value=2, period=Period.year(2021))),
        scope=Scope.BODY,
        units=("arbetsgrupp", "styrgrupp"),
        aggregation=Aggregation.WHOLE_AND_EACH,
    )
    meetings = FollowUpData(meetings=held(2021, 3) + held(2021, 1, body="styrgrupp"))
    (result,) = assess(cadence, meetings, date(2022, 1, 15)).results
    assert [(p.label, p.unit, p.observed) for p in result.parts] == [
        ("totalt", None, 4),
        ("arbetsgrupp", "arbetsgrupp", 3),
        ("styrgrupp", "styrgrupp", 1),
    ]
    direction = attrs.evolve(
        direction_goal(Direction.INCREASE),
        scope=Scope.MUNICIPALITY,
        units=("0662", "0683"),
        aggregation=Aggregation.WHOLE_AND_EACH,
    )
    data = FollowUpData(
        observations=[
            Observation(indicator="andel", unit=u, on=day, value=v)
            for u in ("0662", "0683")
            for day, v in ((date(2019, 1, 1), "10"), (date(2019, 6, 30), "12"))
        ]
    )
    (result,) = assess(direction, data, date(2021, 1, 15)).results
    assert [(p.label, p.unit, p.baseline, p.observed) for p in result.parts] == [
        ("totalt", None, 20, 24),
        ("0662", "0662", 10, 12),
        ("0683", "0683", 10, 12),
    ]


def test_cadence_over_an_open_period_counts_up_to_the_day_of_assessment() -> None:
    """A cadence target over a period without an end counts every meeting so far."""
    target = Target(comparison=Comparison.AT_LEAST, value=2, period=Period(start=date(2021, 1, 1)))
    meetings = FollowUpData(meetings=held(2021, 3))
    (result,) = assess(cadence_goal(target), meetings, date(2021, 2, 1)).results
    assert (result.observed, result.deadline) == (2, None)  # 01-10 and 01-30, not 02-19


def test_growth_of_shares_keeps_the_counts_of_the_year_judged() -> None:
    """GGV-like shares with counts (DOMAIN.md §5, GROWTH): the result carries this year's
    numerator and denominator."""
    data = FollowUpData(
        observations=[
            Observation(indicator="till-arbete", period=Period.year(2016), numerator=20,
                        denominator=100),
            Observation(indicator="till-arbete", period=Period.year(2017), numerator=30,
                        denominator=120),
        ]
    )  # fmt: skip
    result = assess(growth_goal(), data, date(2018, 1, 15)).results[0]
    assert (result.numerator, result.denominator, result.status) == (30, 120, A)


# ---------------------------------------------------------------------------------------------
# Survivors of the whole mutation run (issue 8 item 4), each named in its test.


def test_a_count_exactly_on_the_straight_line_is_on_track() -> None:
    """DOMAIN.md §5 "count in a period": before the end, a lower bound is judged against the
    straight line from zero, and a count on the line is on track (`>=`, as for levels in
    `test_a_lower_bound_exactly_on_the_straight_line_is_on_track`). At least 4 from
    2016-01-01 to 2016-01-05: on 2016-01-03 the line is at 4 × 2/4 = 2 (mutant: `>`)."""
    goal = count_goal(
        Comparison.AT_LEAST, 4, period=Period(start=date(2016, 1, 1), end=date(2016, 1, 5))
    )
    for count, status in ((2, T), (1, OFF)):
        result = assess(goal, FollowUpData(events=started(count)), date(2016, 1, 3)).results[0]
        assert (result.status, result.expected, result.observed) == (status, 2, count)


def test_count_targets_each_get_a_window_or_a_reason() -> None:
    """Every target of a count goal is judged on its own (DOMAIN.md §5): one without any
    period is not assessable but the next ones still are (mutant: `break`); a due date
    without a period counts everything up to it (mutant: the goal's missing period read);
    an open-ended period counts up to the day of assessment (mutant: `min(on, None)`)."""
    goal = attrs.evolve(
        count_goal(Comparison.AT_LEAST, 4),
        targets=[
            Target(comparison=Comparison.AT_LEAST, value=4),
            Target(comparison=Comparison.AT_LEAST, value=4, period=Period.year(2016)),
            Target(comparison=Comparison.AT_LEAST, value=4, due=date(2016, 12, 31)),
            Target(comparison=Comparison.AT_LEAST, value=4, period=Period(start=date(2016, 1, 1))),
        ],
    )
    assert goal.period is None
    results = assess(goal, FollowUpData(events=started(5)), date(2017, 1, 15)).results
    assert [(r.status, r.reason, r.observed) for r in results] == [
        (X, Reason.MISSING_PERIOD, None),
        (A, None, 5),
        (A, None, 5),
        (A, None, 5),
    ]


def test_a_level_for_exactly_the_target_period_wins_over_one_dated_in_it() -> None:
    """A level target for 2016 is judged on the observation stated for 2016 itself, not on
    another one that happens to be dated inside it (here a day's figure on 2016-12-31, the
    same date): the yearly figure is what the target states (DOMAIN.md §5, LEVEL;
    mutant: no exact match looked for)."""
    goal = level_goal(Comparison.AT_MOST, "3", period=Period.year(2016))
    data = FollowUpData(
        observations=[
            Observation(indicator="arbetsloshet", period=Period.year(2016), value="5"),
            Observation(indicator="arbetsloshet", on=date(2016, 12, 31), value="1"),
        ]
    )
    result = assess(goal, data, date(2017, 1, 15)).results[0]
    assert (result.status, result.observed) == (N, 5)


def test_direction_result_keeps_the_counts_of_its_last_observation() -> None:
    """Norrköping: a share into work or studies that shall rise; the result shows the last
    observation's numerator and denominator, as level results do (mutants: either dropped)."""
    data = FollowUpData(
        observations=[
            Observation(indicator="andel", on=date(2019, 3, 31), numerator=40, denominator=100),
            Observation(indicator="andel", on=date(2020, 6, 30), numerator=45, denominator=90),
        ]
    )
    result = assess(direction_goal(Direction.INCREASE), data, date(2021, 6, 1)).results[0]
    # The goal states no unit: the shares are read as proportions, 40/100 and 45/90.
    assert (result.status, result.baseline, result.observed) == (A, Fraction(2, 5), Fraction(1, 2))
    assert (result.numerator, result.denominator) == (45, 90)


def test_a_count_without_data_still_says_what_it_judges() -> None:
    """A result that cannot be judged still names its target: label, comparison, value and
    deadline, so a report says *what* lacks data (DOMAIN.md §5; mutant: the fields dropped
    from the NO_DATA result)."""
    goal = count_goal(Comparison.AT_LEAST, 4)
    missing = assess(goal, FollowUpData(), date(2017, 1, 15)).results[0]
    assert (missing.status, missing.reason) == (X, Reason.NO_DATA)
    assert (missing.label, missing.comparison, missing.target, missing.deadline) == (
        "2016",
        Comparison.AT_LEAST,
        4,
        date(2016, 12, 31),
    )


def test_share_per_track_and_in_total_names_each_unit() -> None:
    """Norrköping: 50 % women "per spår och för modellen som helhet" (DOMAIN.md §5, SHARE
    per unit): each part names its track as its unit, the total names none; a track
    without participants is a missing unit, and so is the total when nobody has started
    (mutants: the unit dropped, always the first unit, or set only for the total)."""
    goal = attrs.evolve(
        share_goal(due=date(2019, 12, 31)),
        scope=Scope.TRACK,
        units=("industri", "vard"),
        aggregation=Aggregation.WHOLE_AND_EACH,
    )
    data = FollowUpData(participants=women_men(1, 1), measures={"kvinnor": "women"})
    total, industri, vard = assess(goal, data, date(2020, 1, 15)).results[0].parts
    assert (total.label, total.unit, total.status, total.observed) == (
        "totalt",
        None,
        A,
        Fraction(50),
    )
    assert (industri.label, industri.unit, industri.status) == ("industri", "industri", A)
    assert (vard.label, vard.unit, vard.status, vard.reason) == (
        "vard",
        "vard",
        X,
        Reason.MISSING_UNIT,
    )
    assert (vard.comparison, vard.target, vard.deadline) == (
        Comparison.AT_LEAST,
        Fraction(50),
        date(2019, 12, 31),
    )
    nobody = assess(goal, FollowUpData(measures={"kvinnor": "women"}), date(2020, 1, 15))
    assert [(p.label, p.unit, p.reason) for p in nobody.results[0].parts] == [
        ("totalt", None, Reason.MISSING_UNIT),
        ("industri", "industri", Reason.MISSING_UNIT),
        ("vard", "vard", Reason.MISSING_UNIT),
    ]


@pytest.mark.parametrize(
    ("women", "men", "status"),
    [
        (2, 3, A),  # exactly 40 %: the lower bound is inclusive
        (3, 2, A),  # exactly 60 %: so is the upper one
        (1, 2, N),  # 33,3 %: below
        (2, 1, N),  # 66,7 %: above
    ],
)
def test_a_share_between_two_bounds(women: int, men: int, status: Status) -> None:
    """Norrköping's gender balance as a band, 40–60 % women (DOMAIN.md §5 SHARE with a
    BETWEEN comparison): the upper bound is judged and reported (mutants: the upper bound
    dropped from the judgement or from the result)."""
    goal = share_goal(Comparison.BETWEEN, "40", upper="60", due=date(2019, 12, 31))
    data = FollowUpData(participants=women_men(women, men), measures={"kvinnor": "women"})
    result = assess(goal, data, date(2020, 1, 15)).results[0]
    assert (result.status, result.observed) == (status, Fraction(100 * women, women + men))
    assert (result.target, result.upper) == (Fraction(40), Fraction(60))


def test_a_share_over_a_period_is_judged_from_its_first_day() -> None:
    """A SHARE target for 2019 (DOMAIN.md §5) is judged from 1 January 2019 on, with those
    who started that very day; the day before it has not started. Results that cannot be
    judged still name their target (mutants: `<=` for `<` at the start, the fields dropped
    from NOT_STARTED and NO_DATA results)."""
    goal = share_goal(period=Period.year(2019))
    data = FollowUpData(
        participants=women_men(1, 1, start=date(2019, 1, 1)), measures={"kvinnor": "women"}
    )
    first = assess(goal, data, date(2019, 1, 1)).results[0]
    assert (first.status, first.numerator, first.denominator) == (T, 1, 2)
    named = (Comparison.AT_LEAST, Fraction(50), date(2019, 12, 31), "2019")
    early = assess(goal, data, date(2018, 12, 31)).results[0]
    assert (early.status, early.reason) == (X, Reason.NOT_STARTED)
    assert (early.comparison, early.target, early.deadline, early.label) == named
    empty = FollowUpData(measures={"kvinnor": "women"})
    nobody = assess(goal, empty, date(2020, 1, 15)).results[0]
    assert (nobody.status, nobody.reason) == (X, Reason.NO_DATA)
    assert (nobody.comparison, nobody.target, nobody.deadline, nobody.label) == named


def arbetslosa_goal(unit: Unit | None = Unit.COUNT, value: object = 368) -> Goal:
    """GGV: at most 368 unemployed (460 − 20 %) in 0662 and 0683 together (DOMAIN.md §5)."""
    return Goal(
        id="arbetslosa",
        text="arbetslösa",
        kind=GoalKind.LEVEL,
        indicator="arbetslosa",
        unit=unit,
        units=("0662", "0683"),
        scope=Scope.MUNICIPALITY,
        aggregation=Aggregation.TOTAL,
        targets=[Target(comparison=Comparison.AT_MOST, value=value, due=date(2017, 12, 31))],  # type: ignore[arg-type]  # an int or a text, as the seeds state it
    )


def test_a_unit_with_a_count_of_zero_adds_nothing() -> None:
    """A count of 0 in one unit adds 0 to the total (DOMAIN.md §6 exact sums; mutants: a
    falsy 0 replaced by 1 or by an error). The total is dated like its parts."""
    data = FollowUpData(
        observations=[
            Observation(indicator="arbetslosa", unit="0662", on=date(2017, 12, 31), value=0),
            Observation(indicator="arbetslosa", unit="0683", on=date(2017, 12, 31), value=368),
        ]
    )
    result = assess(arbetslosa_goal(), data, date(2018, 1, 31)).results[0]
    assert (result.status, result.observed) == (A, 368)  # exactly on the ceiling
    assert result.observed_on == date(2017, 12, 31)


def test_counts_summed_over_units_without_a_percent_unit_stay_a_proportion() -> None:
    """A goal without a percent unit reads summed counts as a proportion, 3/10 and not
    30 (DOMAIN.md §6: numerator/denominator of named populations), dated like its parts
    (mutants: always ×100, the date dropped)."""
    data = FollowUpData(
        observations=[
            Observation(indicator="arbetslosa", unit=u, on=date(2017, 12, 31),
                        numerator=n, denominator=5)
            for u, n in (("0662", 1), ("0683", 2))
        ]
    )  # fmt: skip
    result = assess(arbetslosa_goal(None, "0.3"), data, date(2018, 1, 31)).results[0]
    assert (result.status, result.observed) == (A, Fraction(3, 10))  # exactly on the bound
    assert (result.numerator, result.denominator) == (3, 10)
    assert result.observed_on == date(2017, 12, 31)


def test_a_share_per_municipality_counts_only_that_municipality() -> None:
    """Norrköping's women share per unit (DOMAIN.md §5 SHARE, scope per municipality):
    each unit counts its own participants (mutant: those of the other units)."""
    goal = attrs.evolve(share_goal(due=date(2019, 12, 31)), scope=Scope.MUNICIPALITY,
                        units=("0581", "0583"))  # fmt: skip
    rows = [
        *[attrs.evolve(p, key=f"a{i}", unit="0581") for i, p in enumerate(women_men(1, 1))],
        *[attrs.evolve(p, key=f"b{i}", unit="0583") for i, p in enumerate(women_men(0, 3))],
    ]
    data = FollowUpData(participants=rows, measures={"kvinnor": "women"})
    result = assess(goal, data, date(2020, 1, 15)).results[0]
    assert [(p.unit, p.numerator, p.denominator, p.status) for p in result.parts] == [
        ("0581", 1, 2, A),
        ("0583", 0, 3, N),
    ]


def test_units_are_found_in_events_of_the_goal_s_own_kind() -> None:
    """A COUNT goal per municipality that names no units takes them from the events of
    its indicator only, not from other events (DOMAIN.md §5; mutant: `!=` for `==`)."""
    goal = attrs.evolve(count_goal(Comparison.AT_LEAST, 1), scope=Scope.MUNICIPALITY)
    data = FollowUpData(
        events=[
            Event(kind="traineejobb", on=date(2016, 3, 1), unit="0683"),
            Event(kind="annat", on=date(2016, 3, 1), unit="0662"),
        ]
    )
    result = assess(goal, data, date(2017, 1, 15)).results[0]
    assert [(p.label, p.status) for p in result.parts] == [("0683", A)]


def test_counts_stated_with_a_numerator_but_no_denominator_are_summed_as_values() -> None:
    """A unit's count stated as a value with its numerator but no population is summed
    as a value, not as a share of nobody (DOMAIN.md §6: a share needs both counts;
    mutant: `or` for `and`, which judged 368/0 as a zero denominator)."""
    data = FollowUpData(
        observations=[
            Observation(indicator="arbetslosa", unit=u, on=date(2017, 12, 31),
                        value=v, numerator=v)
            for u, v in (("0662", 200), ("0683", 168))
        ]
    )  # fmt: skip
    result = assess(arbetslosa_goal(), data, date(2018, 1, 31)).results[0]
    assert (result.status, result.reason, result.observed) == (A, None, 368)
