"""Goal attainment at the boundaries (issue 8 item 4: tests that kill the survivors of
mutation testing in `dua.metrics.goals`): every comparison on both sides of and at its
bound, the straight line, target labels, and the texts a report prints (DOMAIN.md §5)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from dua.metrics.goals import GoalAssessment, Reason, Result, Status, assess, combine
from dua.metrics.observations import FollowUpData, Observation, parse_period
from dua.model import Baseline, Comparison, Goal, GoalKind, Period, Target

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
    assert assessment.describe("en").startswith(
        f"traineejobb ({GoalKind.COUNT.label_en}), 2017-01-15: not assessable (no data)\n"
    )
    assert repr(assessment) == (
        f"GoalAssessment(goal='traineejobb', kind='{GoalKind.COUNT.value}', on='2017-01-15', "
        "status='kan inte bedömas', reason='underlag saknas', results=1)"
    )
