"""Whole results of goal attainment (issue 8 item 4: tests that kill the survivors of
mutation testing in `dua.metrics.goals.level` and `.count`).

Each test compares the complete `Result` tree — status, reason, label and its kind, unit,
bounds, baseline, observation and its date, straight line, deadline, detail, parts and
how they combine — so that any changed field is noticed (DOMAIN.md §5: LEVEL, COUNT,
MILESTONES, per unit and in total)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from functools import partial

import attrs
import pytest

from dua.metrics.goals import LabelKind, Reason, Result, Status, assess
from dua.metrics.observations import Event, FollowUpData, Observation
from dua.model import (
    Aggregation,
    Baseline,
    Comparison,
    Goal,
    GoalKind,
    Period,
    Scope,
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
GGV = ("0662", "0683")  # Gislaved and Gnosjö (GGV 2016), per kommun


def _obs(unit: str | None, on: date, value: str) -> Observation:
    return Observation(indicator="arbetsloshet", unit=unit, on=on, value=value)


# --- LEVEL ------------------------------------------------------------------------------------


def _level(aggregation: Aggregation, **target: object) -> Goal:
    # Hällefors-like: unemployment at most 20 % by the end of 2016, from 22 % on 2016-01-01,
    # per kommun.
    return Goal(
        id="niva", text="nivå", kind=GoalKind.LEVEL, indicator="arbetsloshet", unit=Unit.PERCENT,
        scope=Scope.MUNICIPALITY, units=GGV, aggregation=aggregation,
        baseline=Baseline(value="22", on=date(2016, 1, 1)),
        targets=[Target(comparison=Comparison.AT_MOST, value="20", **target)],  # type: ignore[arg-type]  # due/period by name
    )  # fmt: skip


LEVEL_DATA = FollowUpData(
    observations=[
        _obs("0662", date(2015, 12, 31), "22"),
        _obs("0683", date(2015, 12, 31), "23"),
        _obs("0662", date(2016, 3, 14), "21.6"),
        _obs("0683", date(2016, 3, 14), "21.5"),
        _obs("0662", date(2016, 12, 31), "20"),
        _obs("0683", date(2016, 12, 31), "20.1"),
    ]
)
DUE = date(2016, 12, 31)
# Each unit's baseline is its observation of 2015-12-31, the day its straight line starts.
_UNIT = partial(Result, label_kind=LabelKind.UNIT, comparison=Comparison.AT_MOST,
                target=Fraction(20), deadline=DUE, baseline_on=date(2015, 12, 31))  # fmt: skip


def test_level_before_the_deadline_per_unit_on_the_straight_line() -> None:
    # Each unit's baseline is its latest observation on or before the baseline date
    # (2015-12-31); the line runs to 20 on 2016-12-31 (366 days). On 2016-03-14 (day 74)
    # it stands at 22 − 2·74/366 for 0662 (21,6 is above it: off track) and at
    # 23 − 3·74/366 for 0683 (21,5 is below it: on track). Each must be on track.
    result = assess(_level(Aggregation.EACH, due=DUE), LEVEL_DATA, date(2016, 6, 1))
    assert (result.status, result.reason) == (OFF, None)
    assert result.results == (
        Result(
            status=OFF, label="2016-12-31", label_kind=LabelKind.PERIOD, combination="varje",
            parts=(
                _UNIT(status=OFF, label="0662", unit="0662", baseline=Fraction(22),
                      observed=Fraction("21.6"), observed_on=date(2016, 3, 14),
                      expected=22 - Fraction(2 * 74, 366)),
                _UNIT(status=T, label="0683", unit="0683", baseline=Fraction(23),
                      observed=Fraction("21.5"), observed_on=date(2016, 3, 14),
                      expected=23 - Fraction(3 * 74, 366)),
            ),
        ),
    )  # fmt: skip


def test_level_at_the_deadline_in_total_and_per_unit() -> None:
    # After the deadline the observation describing 2016-12-31 is final: 0662 at 20 is
    # attained (at most 20), 0683 at 20,1 is not; the total of two percentages without
    # counts cannot be summed, so "varje och totalt" is not assessable for the total.
    goal = _level(Aggregation.WHOLE_AND_EACH, due=DUE)
    result = assess(goal, LEVEL_DATA, date(2017, 1, 15))
    assert (result.status, result.reason) == (N, None)
    (whole,) = result.results
    assert (whole.status, whole.label, whole.label_kind, whole.combination) == (
        N, "2016-12-31", LabelKind.PERIOD, "varje och totalt",
    )  # fmt: skip
    total, *each = whole.parts
    assert total == Result(
        status=X, reason=Reason.NOT_SUMMABLE, label="totalt", label_kind=LabelKind.TOTAL,
        comparison=Comparison.AT_MOST, target=Fraction(20), deadline=DUE, baseline=None,
    )  # fmt: skip
    assert each == [
        _UNIT(status=A, label="0662", unit="0662", baseline=Fraction(22),
              observed=Fraction(20), observed_on=DUE),
        _UNIT(status=N, label="0683", unit="0683", baseline=Fraction(23),
              observed=Fraction("20.1"), observed_on=DUE),
    ]  # fmt: skip


def test_level_for_a_period_and_without_a_dated_baseline() -> None:
    # A target for the year 2016 is judged, once the year is over, on the observation for
    # that year (or dated in it); before the end, with no dated baseline and an exact
    # value, the latest observation is compared with the target itself.
    goal = Goal(id="niva", text="nivå", kind=GoalKind.LEVEL, indicator="arbetsloshet",
                targets=[Target(comparison=Comparison.AT_MOST, value="20", period=Period.year(2016))])  # fmt: skip
    data = FollowUpData(observations=[
        _obs(None, date(2015, 6, 30), "19"),
        Observation(indicator="arbetsloshet", period=Period.year(2016), value="21"),
        _obs(None, date(2017, 3, 31), "18"),
    ])  # fmt: skip
    final = assess(goal, data, date(2017, 6, 1)).results
    assert final == (
        Result(status=N, label="2016", label_kind=LabelKind.PERIOD, comparison=Comparison.AT_MOST,
               target=Fraction(20), deadline=DUE, observed=Fraction(21), observed_on=DUE),
    )  # fmt: skip
    early = assess(goal, data, date(2016, 6, 1)).results
    assert early == (
        Result(status=T, label="2016", label_kind=LabelKind.PERIOD, comparison=Comparison.AT_MOST,
               target=Fraction(20), deadline=DUE, observed=Fraction(19),
               observed_on=date(2015, 6, 30),
               detail="utan daterat utgångsvärde jämförs utfallet med målet"),
    )  # fmt: skip
    none = assess(goal, FollowUpData(), date(2017, 6, 1)).results
    assert none == (
        Result(status=X, reason=Reason.NO_DATA, label="2016", label_kind=LabelKind.PERIOD,
               comparison=Comparison.AT_MOST, target=Fraction(20), deadline=DUE),
    )  # fmt: skip


def test_level_range_before_its_deadline_is_judged_against_the_range() -> None:
    # "mellan 40 och 60 %" (Norrköping's gender balance): a range has no straight line;
    # before the deadline the latest observation after the baseline is judged on the range.
    goal = Goal(id="niva", text="nivå", kind=GoalKind.LEVEL, indicator="arbetsloshet",
                baseline=Baseline(value="30", on=date(2016, 1, 1)),
                targets=[Target(comparison=Comparison.BETWEEN, value="40", upper="60", due=DUE)])  # fmt: skip
    data = FollowUpData(
        observations=[_obs(None, date(2016, 1, 1), "50"), _obs(None, date(2016, 2, 1), "61")]
    )
    (result,) = assess(goal, data, date(2016, 6, 1)).results
    assert result == Result(
        status=OFF, label="2016-12-31", label_kind=LabelKind.PERIOD, comparison=Comparison.BETWEEN,
        target=Fraction(40), upper=Fraction(60), deadline=DUE, baseline=Fraction(30),
        baseline_on=date(2016, 1, 1), observed=Fraction(61), observed_on=date(2016, 2, 1),
        detail="utan daterat utgångsvärde jämförs utfallet med målet",
    )  # fmt: skip


def test_level_with_an_undated_stated_baseline_draws_no_line() -> None:
    # A goal may state its baseline without a date (DOMAIN.md §5: "från 22 %", no date and
    # no agreement period). No straight line starts at an unknown day: before the deadline
    # the latest observation is judged on the target itself. 20,0001 is above "at most 20",
    # so off track (a line from the year 1 would stand at 20,0005 and call it on track).
    goal = Goal(id="niva", text="nivå", kind=GoalKind.LEVEL, indicator="arbetsloshet",
                baseline=Baseline(value="22"),
                targets=[Target(comparison=Comparison.AT_MOST, value="20", due=DUE)])  # fmt: skip
    data = FollowUpData(observations=[_obs(None, date(2016, 6, 30), "20.0001")])
    (result,) = assess(goal, data, date(2016, 7, 1)).results
    assert result == Result(
        status=OFF, label="2016-12-31", label_kind=LabelKind.PERIOD, comparison=Comparison.AT_MOST,
        target=Fraction(20), deadline=DUE, baseline=Fraction(22), baseline_on=None,
        observed=Fraction("20.0001"), observed_on=date(2016, 6, 30),
        detail="utan daterat utgångsvärde jämförs utfallet med målet",
    )  # fmt: skip


# --- COUNT and MILESTONES -----------------------------------------------------------------------


def _started(*days: tuple[str | None, date]) -> list[Event]:
    return [Event(kind="traineejobb", unit=unit, on=day) for unit, day in days]


def _count(comparison: Comparison, value: int, upper: int | None = None, **goal: object) -> Goal:
    # GGV: "minst 40 traineejobb under 2016", per kommun and in total.
    return Goal(
        id="traineejobb", text="traineejobb", kind=GoalKind.COUNT, indicator="traineejobb",
        scope=Scope.MUNICIPALITY, units=GGV, aggregation=Aggregation.TOTAL,
        targets=[Target(comparison=comparison, value=value, upper=upper, period=Period.year(2016))],
        **goal,  # type: ignore[arg-type]  # test helper passes goal fields through
    )  # fmt: skip


_COUNT = partial(Result, label_kind=LabelKind.UNIT, deadline=DUE)


def test_count_in_total_on_the_straight_line_from_zero() -> None:
    # On 2016-07-01 (182 days into a window of 365 days from 1 January to 31 December) the
    # line from 0 to 40 stands at 40·182/365; four events in 0662 and two in 0683 before
    # `on` count, one after it, one before the year and one of another kind do not.
    events = [*_started(
        ("0662", date(2016, 1, 1)), ("0662", date(2016, 3, 1)), ("0662", date(2016, 5, 1)),
        ("0662", date(2016, 7, 1)), ("0683", date(2016, 2, 1)), ("0683", date(2016, 6, 30)),
        ("0683", date(2016, 7, 2)), ("0683", date(2015, 12, 31)),
    ), Event(kind="annat", unit="0662", on=date(2016, 2, 1))]  # fmt: skip
    on = date(2016, 7, 1)
    result = assess(_count(Comparison.AT_LEAST, 40), FollowUpData(events=events), on)
    line = Fraction(40 * 182, 365)
    common = {
        "comparison": Comparison.AT_LEAST,
        "target": Fraction(40),
        "observed_on": on,
        "expected": line,
    }
    assert result.results == (
        _COUNT(status=OFF, label="2016", label_kind=LabelKind.PERIOD, observed=Fraction(6),
               combination="totalt", **common,  # type: ignore[arg-type]  # the fields above
               parts=(_COUNT(status=OFF, label="0662", unit="0662", observed=Fraction(4), **common),  # type: ignore[arg-type]  # the fields above
                      _COUNT(status=OFF, label="0683", unit="0683", observed=Fraction(2), **common))),  # type: ignore[arg-type]  # the fields above
    )  # fmt: skip


def test_count_bounds_before_the_end_of_the_window() -> None:
    # Counts only grow: "högst 3" passed is not attained at once, "högst 3" below is on
    # track without a line, "fler än 2" reached is attained at once, and "fler än 2"
    # short of its line compares with the line to 3 (one more than 2).
    on = date(2016, 7, 1)
    three = FollowUpData(events=_started(*[("0662", date(2016, 2, d)) for d in (1, 2, 3, 4)]))
    one = FollowUpData(events=_started(("0662", date(2016, 2, 1)), ("0683", date(2016, 2, 1))))
    at_most = assess(_count(Comparison.AT_MOST, 3), three, on).results[0]
    assert (at_most.status, at_most.detail, at_most.expected) == (
        N, "övre gräns redan passerad", None,
    )  # fmt: skip
    assert at_most.parts[0] == _COUNT(
        status=N, label="0662", unit="0662", comparison=Comparison.AT_MOST, target=Fraction(3),
        observed=Fraction(4), observed_on=on, detail="övre gräns redan passerad",
    )  # fmt: skip
    below = assess(_count(Comparison.AT_MOST, 3), one, on).results[0]
    assert [(p.status, p.expected, p.detail) for p in (below, *below.parts)] == [(T, None, "")] * 3
    greater = assess(_count(Comparison.GREATER_THAN, 2), three, on).results[0]
    assert [(p.status, p.detail) for p in (greater, *greater.parts)] == [
        (A, "nått före periodens slut"), (A, "nått före periodens slut"), (OFF, ""),
    ]  # fmt: skip
    assert greater.parts[1].expected == Fraction(3 * 182, 365)
    between = assess(_count(Comparison.BETWEEN, 1, 3), three, on).results[0]
    assert (between.status, between.upper, between.parts[0].detail) == (
        N, Fraction(3), "övre gräns redan passerad",
    )  # fmt: skip
    less = assess(_count(Comparison.LESS_THAN, 4), three, on).results[0]
    assert (less.status, less.parts[0].status, less.parts[1].status) == (N, N, T)


def test_count_not_started_missing_unit_and_whole_numbers_from_observations() -> None:
    # Before the window: not started; a unit without events or observations: data missing
    # for that unit; without events, an observation of a whole number for the window is
    # the count (a fraction is not a count).
    goal = _count(Comparison.AT_LEAST, 40)
    early = assess(
        goal, FollowUpData(events=_started(("0662", date(2016, 1, 1)))), date(2015, 12, 31)
    )
    assert early.results[0].parts[0] == _COUNT(
        status=X, reason=Reason.NOT_STARTED, label="0662", unit="0662",
        comparison=Comparison.AT_LEAST, target=Fraction(40),
    )  # fmt: skip
    observed = FollowUpData(observations=[
        Observation(indicator="traineejobb", unit="0662", period=Period.year(2016), value="45"),
        Observation(indicator="traineejobb", unit="0683", period=Period.year(2016), value="15.5"),
    ])  # fmt: skip
    result = assess(goal, observed, date(2017, 1, 15)).results[0]
    assert [(p.status, p.reason, p.observed) for p in (result, *result.parts)] == [
        (X, Reason.NO_DATA, None), (A, None, Fraction(45)), (X, Reason.MISSING_UNIT, None),
    ]  # fmt: skip


def test_milestones_from_the_goal_period_to_a_due_date_with_a_qualifier() -> None:
    # A milestone due 2016-06-30 counts from the goal's start; only events with the
    # target's qualifier count, and the label names it. Without a due date or period
    # there is no window to count in.
    goal = Goal(
        id="m", text="delmål", kind=GoalKind.MILESTONES, indicator="traineejobb",
        period=Period(start=date(2016, 3, 1), end=date(2016, 12, 31)),
        targets=[Target(comparison=Comparison.AT_LEAST, value=2, due=date(2016, 6, 30), qualifier="vård")],
    )  # fmt: skip
    events = [
        Event(kind="traineejobb", on=date(2016, 2, 28), qualifier="vård"),  # before the start
        Event(kind="traineejobb", on=date(2016, 3, 1), qualifier="vård"),
        Event(kind="traineejobb", on=date(2016, 4, 1), qualifier="industri"),
        Event(kind="traineejobb", on=date(2016, 6, 30), qualifier="vård"),
        Event(kind="traineejobb", on=date(2016, 7, 1), qualifier="vård"),  # after the due date
    ]
    (result,) = assess(goal, FollowUpData(events=events), date(2016, 8, 1)).results
    assert result == Result(
        status=A, label="2016-06-30 (vård)", label_kind=LabelKind.PERIOD,
        comparison=Comparison.AT_LEAST, target=Fraction(2), deadline=date(2016, 6, 30),
        observed=Fraction(2), observed_on=date(2016, 6, 30),
    )  # fmt: skip
    undated = attrs.evolve(goal, targets=[attrs.evolve(goal.targets[0], due=None)])
    (missing,) = assess(undated, FollowUpData(events=events), date(2016, 8, 1)).results
    assert missing == Result(
        status=X,
        reason=Reason.MISSING_PERIOD,
        label="tills vidare",
        label_kind=LabelKind.PERIOD,
        comparison=Comparison.AT_LEAST,
    )


# --- RELATIVE_CHANGE --------------------------------------------------------------------------


def test_relative_change_within_a_range_of_changes() -> None:
    # GGV goal 1 as a range (DOMAIN.md §5, RELATIVE_CHANGE): "a fall of between 30 and 20 %"
    # from a stated 40 % is the level range 28–32 %, both bounds exact. 30 % lies in it; 33 %
    # does not.
    goal = Goal(id="kaa", text="kaa", kind=GoalKind.RELATIVE_CHANGE, indicator="kaa",
                unit=Unit.PERCENT, baseline=Baseline(value="40", on=date(2015, 12, 31)),
                targets=[Target(comparison=Comparison.BETWEEN, value="-30", upper="-20",
                                due=date(2017, 12, 31))])  # fmt: skip
    on = date(2017, 12, 31)
    for observed, status in (("30", A), ("33", N)):
        data = FollowUpData(
            observations=[Observation(indicator="kaa", unit=None, on=on, value=observed)]
        )
        (result,) = assess(goal, data, date(2018, 1, 31)).results
        assert result == Result(
            status=status, label="2017-12-31", label_kind=LabelKind.PERIOD,
            comparison=Comparison.BETWEEN, target=Fraction(28), upper=Fraction(32), deadline=on,
            baseline=Fraction(40), baseline_on=date(2015, 12, 31), observed=Fraction(observed),
            observed_on=on, detail="förändring -30,0 % från utgångsvärdet",
        )  # fmt: skip


# --- GROWTH -----------------------------------------------------------------------------------


def _growth(*targets: Target) -> Goal:
    # GGV 2016 goals 2 and 3: "+20 % per år" into work, per kommun (DOMAIN.md §5, GROWTH).
    return Goal(
        id="okning", text="ökning", kind=GoalKind.GROWTH, indicator="till-arbete",
        scope=Scope.MUNICIPALITY, units=GGV, aggregation=Aggregation.EACH,
        targets=list(targets),
    )  # fmt: skip


_YEAR_2017 = Target(comparison=Comparison.AT_LEAST, value="20", period=Period.year(2017))
_GROWTH_UNIT = partial(Result, label_kind=LabelKind.UNIT, comparison=Comparison.AT_LEAST)


def _moved(unit: str, year: int, value: str) -> Observation:
    return Observation(indicator="till-arbete", unit=unit, period=Period.year(year), value=value)


def test_growth_before_and_on_the_first_day_of_its_year_per_unit() -> None:
    # Before 2017 the year has not started; from its first day it has, but is not over.
    goal = _growth(_YEAR_2017)
    for on, reason, detail in (
        (date(2016, 12, 31), Reason.NOT_STARTED, ""),
        (date(2017, 1, 1), Reason.NOT_DUE, "året är inte slut"),
    ):
        (result,) = assess(goal, FollowUpData(), on).results
        assert result == Result(
            status=X, reason=reason, label="2017", label_kind=LabelKind.PERIOD,
            combination="varje",
            parts=tuple(_GROWTH_UNIT(status=X, reason=reason, label=u, unit=u, detail=detail)
                        for u in GGV),
        ), on  # fmt: skip


def test_growth_per_unit_from_observations_not_from_events() -> None:
    # Observations of the indicator come first; the events of the same name (which would
    # give 10 → 11, +10 %) are not counted when there are observations.
    data = FollowUpData(
        observations=[_moved("0662", 2016, "200"), _moved("0662", 2017, "240"),
                      _moved("0683", 2016, "50"), _moved("0683", 2017, "55")],
        events=[Event(kind="till-arbete", unit=u, on=date(y, 5, 1 + i))
                for u in GGV for y, n in ((2016, 10), (2017, 11)) for i in range(n)],
    )  # fmt: skip
    (result,) = assess(_growth(_YEAR_2017), data, date(2018, 1, 15)).results
    end = date(2017, 12, 31)
    assert result == Result(
        status=N, label="2017", label_kind=LabelKind.PERIOD, combination="varje",
        parts=(
            _GROWTH_UNIT(status=A, label="0662", unit="0662", baseline=Fraction(200),
                         target=Fraction(240), observed=Fraction(240), observed_on=end,
                         deadline=end, detail="förändring 20,0 % mot föregående period"),
            _GROWTH_UNIT(status=N, label="0683", unit="0683", baseline=Fraction(50),
                         target=Fraction(60), observed=Fraction(55), observed_on=end,
                         deadline=end, detail="förändring 10,0 % mot föregående period"),
        ),
    )  # fmt: skip


def test_growth_from_events_over_half_years() -> None:
    # Without observations the events are counted. The second half of 2017 (184 days) is
    # compared with the 184 days up to 2017-06-30, that day included: 11 events, then 12.
    half = Period(start=date(2017, 7, 1), end=date(2017, 12, 31))
    goal = Goal(id="okning", text="ökning", kind=GoalKind.GROWTH, indicator="till-arbete",
                targets=[Target(comparison=Comparison.AT_LEAST, value="10", period=half)])  # fmt: skip
    events = [Event(kind="till-arbete", on=date(2017, 1, 1) + timedelta(days=i)) for i in range(10)]
    events += [Event(kind="till-arbete", on=date(2017, 6, 30))]
    events += [
        Event(kind="till-arbete", on=date(2017, 7, 1) + timedelta(days=i)) for i in range(12)
    ]
    (result,) = assess(goal, FollowUpData(events=events), date(2018, 1, 15)).results
    assert result == Result(
        status=N, label="2017-07-01–2017-12-31", label_kind=LabelKind.PERIOD,
        comparison=Comparison.AT_LEAST, baseline=Fraction(11), target=Fraction(121, 10),
        observed=Fraction(12), observed_on=date(2017, 12, 31), deadline=date(2017, 12, 31),
        detail="förändring 9,1 % mot föregående period",
    )  # fmt: skip


def test_growth_without_a_period_is_not_assessable_and_the_next_target_still_is() -> None:
    goal = _growth(
        Target(comparison=Comparison.AT_LEAST, value="20"),
        _YEAR_2017,
    )
    data = FollowUpData(observations=[_moved(u, y, "100") for u in GGV for y in (2016, 2017)])
    first, second = assess(goal, data, date(2018, 1, 15)).results
    assert first == Result(
        status=X, reason=Reason.MISSING_PERIOD, label="tills vidare",
        label_kind=LabelKind.PERIOD, comparison=Comparison.AT_LEAST,
    )  # fmt: skip
    assert (second.label, second.status) == ("2017", N)  # +0 % in both kommuner


def test_growth_of_percentages_in_total_and_per_unit_without_a_usable_period() -> None:
    # Two percentages without counts cannot be summed: the total says so (not "missing").
    # 0662 grows from 10 to 12 (+20 %, attained); 0683 has 2016 but not 2017.
    goal = attrs.evolve(_growth(_YEAR_2017), unit=Unit.PERCENT,
                        aggregation=Aggregation.WHOLE_AND_EACH)  # fmt: skip
    data = FollowUpData(observations=[_moved("0662", 2016, "10"), _moved("0683", 2016, "20"),
                                      _moved("0662", 2017, "12")])  # fmt: skip
    (result,) = assess(goal, data, date(2018, 1, 15)).results
    end = date(2017, 12, 31)
    assert result.parts == (
        Result(status=X, reason=Reason.NOT_SUMMABLE, label="totalt", label_kind=LabelKind.TOTAL,
               comparison=Comparison.AT_LEAST, detail="föregående period saknas"),
        _GROWTH_UNIT(status=A, label="0662", unit="0662", baseline=Fraction(10),
                     target=Fraction(12), observed=Fraction(12), observed_on=end, deadline=end,
                     detail="förändring 20,0 % mot föregående period"),
        _GROWTH_UNIT(status=X, reason=Reason.MISSING_UNIT, label="0683", unit="0683",
                     baseline=Fraction(20), target=Fraction(24)),
    )  # fmt: skip


def test_growth_per_unit_from_zero_or_from_nothing() -> None:
    data = FollowUpData(observations=[_moved("0662", 2016, "0"), _moved("0662", 2017, "5"),
                                      _moved("0683", 2017, "5")])  # fmt: skip
    (result,) = assess(_growth(_YEAR_2017), data, date(2018, 1, 15)).results
    assert result.parts == (
        Result(status=X, reason=Reason.ZERO_DENOMINATOR, label="0662", label_kind=LabelKind.UNIT,
               unit="0662", baseline=Fraction(0), detail="föregående period är noll"),
        _GROWTH_UNIT(status=X, reason=Reason.MISSING_BASELINE, label="0683", unit="0683",
                     detail="föregående period saknas"),
    )  # fmt: skip


@pytest.mark.parametrize(("now", "status"), [("110", A), ("130", A), ("109", N), ("131", N)])
def test_growth_within_a_range(now: str, status: Status) -> None:
    # A growth of 10–30 % a year, both ends included.
    goal = Goal(id="okning", text="ökning", kind=GoalKind.GROWTH, indicator="till-arbete",
                targets=[Target(comparison=Comparison.BETWEEN, value="10", upper="30",
                                period=Period.year(2017))])  # fmt: skip
    data = FollowUpData(observations=[
        Observation(indicator="till-arbete", period=Period.year(2016), value="100"),
        Observation(indicator="till-arbete", period=Period.year(2017), value=now),
    ])  # fmt: skip
    (result,) = assess(goal, data, date(2018, 1, 15)).results
    assert (result.status, result.observed, result.target) == (status, Fraction(now), 110)
