"""LEVEL (*nivå*): an indicator at or beyond a bound by a deadline.

On or after the deadline, the observation for the target's period (or, with only a due
date, the one that describes that day) is compared with the bound: attained or not.
Before it, the latest observation after the baseline is compared with the straight line
from the baseline to the target (a lower bound at or above it, an upper bound at or
below it is on track); without a dated baseline, or for an exact value or a range,
with the target itself. A target without a deadline is judged on the latest observation.

`_judge_level` also judges relative changes (as the level they imply) and shares that
are observed rather than computed from participants."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from dua.metrics.goals._context import (
    _baseline,
    _Context,
    _for_day,
    _for_period,
    _latest,
    _pick,
    _Value,
)
from dua.metrics.goals._judge import (
    _LOWER_BOUNDS,
    _UPPER_BOUNDS,
    _deadline,
    _fail,
    _holds,
    _label,
    _line,
    _make,
    _per_units,
)
from dua.metrics.goals._result import Reason, Result, Status, _Fields
from dua.model import Target


def _judge_level(
    ctx: _Context,
    target: Target,
    units: tuple[str | None, ...],
    bound: Fraction,
    upper: Fraction | None,
    baseline: _Value | None,
    label: str,
) -> Result:
    unit = units[0] if len(units) == 1 else None
    deadline = _deadline(target)
    # A stated baseline without a date is dated `date.min`: no line starts there.
    baseline_on = None if baseline is None or baseline.dated == date.min else baseline.dated
    common: _Fields = {
        "label": label, "unit": unit, "comparison": target.comparison, "target": bound,
        "upper": upper, "deadline": deadline,
        "baseline": None if baseline is None else baseline.quantity,
        "baseline_on": baseline_on,
    }  # fmt: skip
    # A level's period is when it is measured, not when work towards it starts: before the
    # deadline the goal is judged against the straight line, even before its period.
    final = deadline is None or ctx.on >= deadline
    if deadline is None:
        chooser = _latest(None)
    elif final:
        chooser = _for_period(target.period) if target.period is not None else _for_day(deadline)
    else:
        chooser = _latest(None if baseline is None else baseline.dated)
    found = _pick(ctx, units, chooser)
    if isinstance(found, Reason):
        return _fail(found, **common)
    observed: dict[str, Any] = {
        "observed": found.quantity, "observed_on": found.dated,
        "numerator": found.numerator, "denominator": found.denominator,
    }  # fmt: skip
    if final:
        met = _holds(target.comparison, found.quantity, bound, upper)
        detail = "inget slutdatum: senaste utfall" if deadline is None else ""
        status = Status.ATTAINED if met else Status.NOT_ATTAINED
        return _make(status, common, detail=detail, **observed)
    assert deadline is not None
    if (
        target.comparison in (*_LOWER_BOUNDS, *_UPPER_BOUNDS)
        and baseline is not None
        and baseline_on is not None
        and baseline_on < found.dated
    ):
        expected = _line(baseline.quantity, baseline_on, bound, deadline, found.dated)
        ok = (
            found.quantity >= expected
            if target.comparison in _LOWER_BOUNDS
            else found.quantity <= expected
        )
        status = Status.ON_TRACK if ok else Status.OFF_TRACK
        return _make(status, common, expected=expected, **observed)
    met = _holds(target.comparison, found.quantity, bound, upper)
    return _make(
        Status.ON_TRACK if met else Status.OFF_TRACK,
        common,
        detail="utan daterat utgångsvärde jämförs utfallet med målet",
        **observed,
    )


def _assess_level(ctx: _Context) -> list[Result]:
    goal = ctx.goal
    results = []
    for target in goal.targets:
        value = Fraction(target.value)
        upper = None if target.upper is None else Fraction(target.upper)

        def judge(units: tuple[str | None, ...], label: str, target: Target = target, value: Fraction = value,
                  upper: Fraction | None = upper) -> Result:  # fmt: skip
            baseline = _baseline(ctx, units)
            return _judge_level(
                ctx,
                target,
                units,
                value,
                upper,
                None if isinstance(baseline, Reason) else baseline,
                label,
            )

        results.append(_per_units(ctx, judge, _label(target)))
    return results
