"""SHARE (*andel*): a share of participants, or an observed share.

When the follow-up data maps the goal's indicator to a participant measure
(`measures.csv`, e.g. `outcome_90_days`), the measure is computed over the
participants who had started by `on` (and, for a target with a period, who took part
in it), per unit or track, and compared with the target: before the deadline on or
off track, after it attained or not. Without a measure, observations of the indicator
are judged as a LEVEL goal."""

from __future__ import annotations

from fractions import Fraction

from dua.metrics.goals._context import _Context, _participants
from dua.metrics.goals._judge import _deadline, _fail, _holds, _label, _make, _per_units
from dua.metrics.goals._result import Reason, Result, Status, _Fields
from dua.metrics.goals.level import _assess_level
from dua.metrics.observations import MEASURES
from dua.model import Target


def _assess_share(ctx: _Context) -> list[Result]:
    goal = ctx.goal
    measure_name = ctx.data.measures.get(goal.indicator or "")
    if measure_name is None:
        if not ctx.data.observed(goal.indicator):
            return [_fail(Reason.NO_MEASURE, label=goal.indicator or goal.id,
                          detail="varken observationer eller ett deltagarmått för indikatorn")]  # fmt: skip
        return _assess_level(ctx)
    measure = MEASURES[measure_name]
    results = []
    for target in goal.targets:
        value = Fraction(target.value)

        def judge(
            units: tuple[str | None, ...],
            label: str,
            target: Target = target,
            value: Fraction = value,
        ) -> Result:
            unit = units[0] if len(units) == 1 else None
            deadline = _deadline(target)
            common: _Fields = {
                "label": label, "unit": unit, "comparison": target.comparison, "target": value,
                "deadline": deadline,
                "upper": None if target.upper is None else Fraction(target.upper),
            }  # fmt: skip
            if target.period is not None and ctx.on < target.period.start:
                return _fail(Reason.NOT_STARTED, **common)
            rows = _participants(ctx, units)
            if target.period is not None:
                window = target.period
                rows = [
                    p
                    for p in rows
                    if p.start <= (window.end or ctx.on)
                    and (p.end is None or p.end >= window.start)
                ]
            if not rows:
                return _fail(
                    Reason.NO_DATA if unit is None and len(units) == 1 else Reason.MISSING_UNIT,
                    **common,
                )
            share = measure(rows, ctx.on)
            if not share.defined:
                return _make(
                    Status.NOT_ASSESSABLE,
                    common,
                    Reason.ZERO_DENOMINATOR,
                    numerator=0,
                    denominator=0,
                )
            observed = share.percent
            met = _holds(
                target.comparison,
                observed,
                value,
                None if target.upper is None else Fraction(target.upper),
            )
            before = deadline is not None and ctx.on < deadline
            status = (
                (Status.ON_TRACK if met else Status.OFF_TRACK)
                if before
                else (Status.ATTAINED if met else Status.NOT_ATTAINED)
            )
            return _make(
                status,
                common,
                observed=observed,
                observed_on=ctx.on,
                numerator=share.numerator,
                denominator=share.denominator,
                detail=f"{measure_name}, {len(rows)} deltagare",
            )

        results.append(_per_units(ctx, judge, _label(target)))
    return results
