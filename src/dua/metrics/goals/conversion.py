"""CONVERSION (*övergångskedja*): shares along a chain of participant statuses.

Each step ("50 % of those who start a track go on to regular studies") is the share
of the participants who reached its `from_status` who also reached its `to_status`,
compared with the step's share: before the end of the period on or off track, after
it attained or not."""

from __future__ import annotations

from fractions import Fraction

from dua.metrics.goals._context import _Context, _participants
from dua.metrics.goals._judge import _fail, _holds, _make, _per_units
from dua.metrics.goals._result import Reason, Result, Status, _Fields
from dua.model import ConversionStep


def _assess_conversion(ctx: _Context) -> list[Result]:
    results = []
    before_end = ctx.period is not None and ctx.period.end is not None and ctx.on < ctx.period.end
    for step in ctx.goal.steps:

        def judge(units: tuple[str | None, ...], label: str, step: ConversionStep = step) -> Result:
            unit = units[0] if len(units) == 1 else None
            value = Fraction(step.share_percent)
            rows = _participants(ctx, units)
            common: _Fields = {
                "label": label,
                "unit": unit,
                "comparison": step.comparison,
                "target": value,
            }
            if not rows:
                return _fail(
                    Reason.NO_DATA if unit is None and len(units) == 1 else Reason.MISSING_UNIT,
                    **common,
                )
            reached = [p for p in rows if p.reached(step.from_status)]
            went_on = sum(1 for p in reached if p.reached(step.to_status))
            if not reached:
                return _make(
                    Status.NOT_ASSESSABLE,
                    common,
                    Reason.ZERO_DENOMINATOR,
                    numerator=0,
                    denominator=0,
                )
            observed = Fraction(went_on, len(reached)) * 100
            met = _holds(step.comparison, observed, value, None)
            status = (
                (Status.ON_TRACK if met else Status.OFF_TRACK)
                if before_end
                else (Status.ATTAINED if met else Status.NOT_ATTAINED)
            )
            return _make(
                status,
                common,
                observed=observed,
                observed_on=ctx.on,
                numerator=went_on,
                denominator=len(reached),
            )

        results.append(_per_units(ctx, judge, f"{step.from_status} → {step.to_status}"))
    return results
