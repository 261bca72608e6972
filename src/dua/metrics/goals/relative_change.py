"""RELATIVE_CHANGE (*relativ förändring*): "−30 % from the baseline".

The target is the level the change implies, exactly: baseline × (1 + change / 100), so
−30 % from 25 % is 17,5 %; the level is then judged as a LEVEL goal. The baseline is the
goal's stated baseline for the whole, else each unit's latest observation on or before
the baseline date; a baseline of zero makes the goal not assessable."""

from __future__ import annotations

from fractions import Fraction

import attrs

from dua.metrics.goals._context import _baseline, _Context
from dua.metrics.goals._judge import _deadline, _fail, _label, _per_units
from dua.metrics.goals._result import Reason, Result
from dua.metrics.goals.level import _judge_level
from dua.metrics.numbers import format_number
from dua.model import Target


def _assess_relative(ctx: _Context) -> list[Result]:
    results = []
    for target in ctx.goal.targets:
        change = Fraction(target.value)

        def judge(
            units: tuple[str | None, ...],
            label: str,
            target: Target = target,
            change: Fraction = change,
        ) -> Result:
            baseline = _baseline(ctx, units)
            unit = units[0] if len(units) == 1 else None
            if isinstance(baseline, Reason):
                return _fail(
                    baseline,
                    label=label,
                    unit=unit,
                    comparison=target.comparison,
                    deadline=_deadline(target),
                )
            if baseline.quantity == 0:
                return _fail(
                    Reason.ZERO_DENOMINATOR,
                    label=label,
                    unit=unit,
                    detail="utgångsvärdet är noll",
                    baseline=Fraction(0),
                )
            level = baseline.quantity * (1 + change / 100)
            upper = (
                None
                if target.upper is None
                else baseline.quantity * (1 + Fraction(target.upper) / 100)
            )
            result = _judge_level(ctx, target, units, level, upper, baseline, label)
            change_text = format_number(change, 1)
            return attrs.evolve(
                result,
                detail=(result.detail + f" förändring {change_text} % från utgångsvärdet").strip(),
            )

        results.append(_per_units(ctx, judge, _label(target)))
    return results
