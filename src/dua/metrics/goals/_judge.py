"""What every goal kind's judgement shares: whether a bound holds, the straight line from
baseline to target, results from shared fields, a target's deadline and label, and the
judgement of the whole, each unit or their total, combined by the aggregation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from fractions import Fraction
from typing import Any, Unpack

import attrs

from dua.metrics.goals._context import _Context
from dua.metrics.goals._result import LabelKind, Reason, Result, Status, _combined, _Fields
from dua.model import Aggregation, Comparison, Period, Target


def _holds(
    comparison: Comparison, observed: Fraction, value: Fraction, upper: Fraction | None
) -> bool:
    if comparison is Comparison.LESS_THAN:
        return observed < value
    if comparison is Comparison.AT_MOST:
        return observed <= value
    if comparison is Comparison.AT_LEAST:
        return observed >= value
    if comparison is Comparison.GREATER_THAN:
        return observed > value
    if comparison is Comparison.EQUAL:
        return observed == value
    assert upper is not None  # the model requires an upper bound for BETWEEN
    return value <= observed <= upper


_LOWER_BOUNDS = (Comparison.AT_LEAST, Comparison.GREATER_THAN)
_UPPER_BOUNDS = (Comparison.AT_MOST, Comparison.LESS_THAN)


def _line(start: Fraction, start_on: date, end: Fraction, end_on: date, at: date) -> Fraction:
    # Callers judge on the line only strictly before its end: start_on < at < end_on for a
    # level (a baseline before the observation, the deadline after `on`) and
    # start_on <= at < end_on for a count, so the span is never zero.
    return start + (end - start) * Fraction((at - start_on).days, (end_on - start_on).days)


def _fail(reason: Reason, **fields: Unpack[_Fields]) -> Result:
    return Result(status=Status.NOT_ASSESSABLE, reason=reason, **fields)


def _make(status: Status, fields: _Fields, reason: Reason | None = None, **changes: Any) -> Result:
    """A result from shared fields, with some of them set or replaced."""
    return attrs.evolve(Result(status=status, reason=reason, **fields), **changes)


def _deadline(target: Target) -> date | None:
    if target.due is not None:
        return target.due
    if target.period is not None:
        return target.period.end
    return None


def _label(target: Target) -> str:
    if target.period is not None:
        start, end = target.period.start, target.period.end
        if target.period == Period.year(start.year):
            return str(start.year)
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        if start.day == 1 and end == following - timedelta(days=1):
            return f"{start.year}-{start.month:02d}"
        return str(target.period)
    if target.due is not None:
        return target.due.isoformat()
    return "tills vidare"


def _per_units(
    ctx: _Context,
    judge: Callable[[tuple[str | None, ...], str], Result],
    label: str,
    kind: LabelKind = LabelKind.PERIOD,
) -> Result:
    """Judge the whole, or each unit and/or their total, and combine by the aggregation.

    The result is labelled `label` of `kind`; its parts are labelled by their unit
    (`LabelKind.UNIT`) and the total by "totalt" (`LabelKind.TOTAL`)."""
    units = ctx.units()
    if not units:
        return attrs.evolve(judge((None,), label), label_kind=kind)
    aggregation = ctx.aggregation()
    each = [attrs.evolve(judge((u,), u), label_kind=LabelKind.UNIT) for u in units]
    if aggregation is Aggregation.EACH:
        return _combined(each, label, kind, "varje")
    whole = attrs.evolve(judge(tuple(units), "totalt"), label_kind=LabelKind.TOTAL)
    if aggregation is Aggregation.TOTAL:
        return attrs.evolve(
            whole, label=label, label_kind=kind, parts=tuple(each), combination="totalt"
        )
    return _combined([whole, *each], label, kind, "varje och totalt")
