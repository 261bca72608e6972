"""Goal attainment: a status for every goal, with the numbers behind it.

For each goal kind of DOMAIN.md §5 and a date `on` (never the clock), `assess` computes a
[`GoalAssessment`][dua.metrics.goals.GoalAssessment] whose status is one of

| status | Swedish | when |
|---|---|---|
| `ATTAINED` | uppnått | the deadline (or end of the period) has passed and the bound is met; or, for counts that can only grow, a lower bound is already reached |
| `NOT_ATTAINED` | ej uppnått | the deadline has passed and the bound is missed; or a count has already passed an upper bound |
| `ON_TRACK` | i fas | before the deadline, the latest observation is at or beyond the straight line from baseline to target |
| `OFF_TRACK` | ej i fas | before the deadline, it is behind that line |
| `NOT_ASSESSABLE` | kan inte bedömas | not enough data, with a [`Reason`][dua.metrics.goals.Reason] |

Every result carries the numbers used — baseline, target (as a level in the indicator's
unit), observed, the straight-line value when before the deadline, and the gap — and, for
goals over several units, each unit's result and how they combine:

- `EACH` (*i varje kommun*): a conjunction — attained only if every unit is;
- `TOTAL` (*totalt*): numerators and denominators (or counts) are summed over the units
  first and the sum is judged; the units' own results are shown for information;
- `WHOLE_AND_EACH` (*per spår och för modellen som helhet*): both.

A goal stated per unit without an aggregation is read as `EACH`.

**Combining** several results (targets of one goal, units, years, conversion steps): any
`NOT_ATTAINED` makes the whole not attained; else any `OFF_TRACK` makes it off track; else
any result not assessable for lack of data makes it not assessable; targets whose period
has not started or is not yet measurable are left aside, and if any remain pending the
whole is at best on track; otherwise it is attained. So a goal is attained only when every
part is.

**Comparisons** come from `Target.comparison`: "lägre än 22 %" is strict (`LESS_THAN`),
a ceiling of "21,0 %" is not (`AT_MOST`). Relative targets are exact: a reduction of 30 %
from a baseline of 40 % is the level 28 %, and 28 % observed attains it.

**Straight line**: before the deadline, the expected value on the date of the latest
observation is `baseline + (target − baseline) × elapsed / duration` (days, exact). A
lower bound is on track at or above it, an upper bound at or below it. Without a dated
baseline the observation is compared with the target itself (said in the result's detail).
Counts (events, meetings) run from zero at the start of their period.

Data is taken *as known on `on`*: observations dated after `on`, events and meetings after
`on`, and participants who had not started by `on` are ignored.

>>> from datetime import date
>>> from dua.model import Comparison, Goal, GoalKind, Target, Period
>>> from dua.metrics.observations import Event, FollowUpData
>>> goal = Goal(id="traineejobb", text="minst 4 traineejobb 2016", kind=GoalKind.COUNT,
...             indicator="traineejobb", targets=[Target(comparison=Comparison.AT_LEAST, value=4,
...             period=Period.year(2016))])
>>> data = FollowUpData(events=[Event(kind="traineejobb", on=date(2016, m, 1)) for m in (2, 5, 9)])
>>> assess(goal, data, on=date(2017, 1, 15)).status.label("en")
'not attained'
>>> assess(goal, data, on=date(2016, 6, 30)).status.label("en")
'on track'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from fractions import Fraction
from typing import Any, TypedDict, Unpack

import attrs

from dua import _html
from dua.errors import mask_value
from dua.metrics.numbers import format_number
from dua.metrics.observations import MEASURES, FollowUpData, Observation, Participant
from dua.model import (
    Aggregation,
    Agreement,
    Comparison,
    ConversionStep,
    Direction,
    Frequency,
    Goal,
    GoalKind,
    LabelledEnum,
    Period,
    Scope,
    Target,
    Unit,
)

__all__ = [
    "GoalAssessment",
    "Reason",
    "Result",
    "Status",
    "assess",
    "assess_agreement",
    "combine",
    "unmatched_data",
]


class Status(LabelledEnum):
    """The status of a goal, a target, a unit or a step."""

    ATTAINED = "uppnått", "attained"
    NOT_ATTAINED = "ej uppnått", "not attained"
    ON_TRACK = "i fas", "on track"
    OFF_TRACK = "ej i fas", "off track"
    NOT_ASSESSABLE = "kan inte bedömas", "not assessable"


class Reason(LabelledEnum):
    """Why something is not assessable."""

    NO_DATA = "underlag saknas", "no data"
    MISSING_UNIT = "underlag saknas för en enhet", "no data for a unit"
    MISSING_PERIOD = "period eller slutdatum saknas", "no period or deadline"
    ZERO_DENOMINATOR = "nämnaren är noll", "the denominator is zero"
    MISSING_BASELINE = "utgångsvärde saknas", "no baseline"
    NOT_SUMMABLE = (
        "andelar kan inte summeras utan täljare och nämnare",
        "shares cannot be summed without numerators and denominators",
    )
    NO_MEASURE = "inget mått för indikatorn", "no measure for the indicator"
    NO_TARGET = "inget mätbart mål", "no measurable target"
    QUALITATIVE = "kvalitativt mål", "qualitative goal"
    NOT_STARTED = "perioden har inte börjat", "the period has not started"
    NOT_DUE = "ännu inte mätbart", "not yet measurable"


_PENDING = (Reason.NOT_STARTED, Reason.NOT_DUE)


@attrs.frozen(kw_only=True)
class Result:
    """The judgement of one thing: a target, a unit, a year, a conversion step.

    - `label`: what is judged ("2016", "0683", "påbörjar jobbspår → reguljära studier").
    - `baseline`, `target`, `upper`, `observed`: the numbers used, exact, in the indicator's
      unit (a relative target is given as the level it implies); `numerator` and
      `denominator` when the observation is a share or a sum of shares.
    - `expected`: the straight-line value on `observed_on`, when judged before the deadline.
    - `gap`: `observed − target` (negative: below the target).
    - `parts` and `combination`: the results this one combines, and how.
    """

    status: Status
    reason: Reason | None = None
    label: str = ""
    unit: str | None = None
    comparison: Comparison | None = None
    baseline: Fraction | None = None
    target: Fraction | None = None
    upper: Fraction | None = None
    observed: Fraction | None = None
    observed_on: date | None = None
    numerator: int | None = None
    denominator: int | None = None
    expected: Fraction | None = None
    deadline: date | None = None
    detail: str = ""
    parts: tuple[Result, ...] = ()
    combination: str | None = None

    @property
    def gap(self) -> Fraction | None:
        """Observed minus target, when both are known."""
        if self.observed is None or self.target is None:
            return None
        return self.observed - self.target

    def describe(self, lang: str = "sv", indent: int = 0) -> str:
        """This result and its parts as indented lines."""
        pad = "  " * indent
        status = self.status.label(lang)
        if self.reason is not None:
            status += f" ({self.reason.label(lang)})"
        numbers = []
        for name_sv, name_en, value in (
            ("utgångsvärde", "baseline", self.baseline),
            ("mål", "target", self.target),
            ("övre gräns", "upper", self.upper),
            ("utfall", "observed", self.observed),
            ("rak linje", "straight line", self.expected),
            ("skillnad", "gap", self.gap),
        ):
            if value is not None:
                name = name_en if lang == "en" else name_sv
                decimals = 0 if value.denominator == 1 else 1
                numbers.append(f"{name} {format_number(value, decimals, lang)}")
        if self.numerator is not None and self.denominator is not None:
            numbers.append(f"{self.numerator}/{self.denominator}")
        line = f"{pad}{self.label or '–'}: {status}"
        if numbers:
            line += " — " + ", ".join(numbers)
        if self.detail:
            line += f" [{self.detail}]"
        lines = [line]
        lines.extend(part.describe(lang, indent + 1) for part in self.parts)
        return "\n".join(lines)

    def __repr__(self) -> str:
        # A result over many units nests a result per unit; keep the repr to its outcome.
        reason = "" if self.reason is None else f", reason={self.reason.value!r}"
        return (
            f"Result(label={self.label!r}, status={self.status.value!r}{reason}, "
            f"parts={len(self.parts)})"
        )

    def _html_rows(self, depth: int = 0) -> list[tuple[object, ...]]:
        """This result and its parts as table rows (label indented by depth)."""

        def text(value: Fraction | None) -> str | None:
            if value is None:
                return None
            return format_number(value, 0 if value.denominator == 1 else 1)

        status = self.status.value
        if self.reason is not None:
            status += f" ({self.reason.value})"
        fraction = None
        if self.numerator is not None and self.denominator is not None:
            fraction = f"{self.numerator}/{self.denominator}"
        row: tuple[object, ...] = (
            _html.indent(self.label or "–", depth), status, text(self.baseline),
            None if self.comparison is None else self.comparison.value, text(self.target), text(self.observed), text(self.expected), text(self.gap),
            fraction, self.detail or None,
        )  # fmt: skip
        rows = [row]
        for part in self.parts:
            rows.extend(part._html_rows(depth + 1))
        return rows

    @staticmethod
    def _html_table(caption: str, results: Sequence[Result]) -> str:
        rows = [row for result in results for row in result._html_rows()]
        return _html.table(
            caption,
            [("Del", "Part"), "Status", ("Utgångsvärde", "Baseline"),
             ("Villkor", "Comparison"), ("Mål", "Target"), ("Utfall", "Observed"),
             ("Rak linje", "Straight line"), ("Skillnad", "Gap"),
             ("Täljare/nämnare", "Numerator/denominator"), ("Kommentar", "Detail")],
            rows,
            numeric=[2, 4, 5, 6, 7, 8],
        )  # fmt: skip

    def _repr_html_(self) -> str:
        """This result and its parts (units, years, steps) as a table, for notebooks."""
        return _html.block(Result._html_table(self.label or "Resultat", [self]))


class _Fields(TypedDict, total=False):
    """The fields of a `Result` besides its status and reason, passed on by name."""

    label: str
    unit: str | None
    comparison: Comparison | None
    baseline: Fraction | None
    target: Fraction | None
    upper: Fraction | None
    observed: Fraction | None
    observed_on: date | None
    numerator: int | None
    denominator: int | None
    expected: Fraction | None
    deadline: date | None
    detail: str


@attrs.frozen(kw_only=True)
class GoalAssessment:
    """The status of one goal on a date, with one result per target (or step, or year)."""

    goal: str
    kind: GoalKind
    on: date
    status: Status
    reason: Reason | None = None
    results: tuple[Result, ...] = ()

    def describe(self, lang: str = "sv") -> str:
        """The assessment as text: the goal's status, then every result indented."""
        status = self.status.label(lang)
        if self.reason is not None:
            status += f" ({self.reason.label(lang)})"
        head = f"{self.goal} ({self.kind.label(lang)}), {self.on.isoformat()}: {status}"
        return "\n".join([head, *(r.describe(lang, 1) for r in self.results)])

    def __repr__(self) -> str:
        # The generated repr nests every target's per-unit results and runs to pages.
        reason = "" if self.reason is None else f", reason={self.reason.value!r}"
        return (
            f"GoalAssessment(goal={self.goal!r}, kind={self.kind.value!r}, "
            f"on={self.on.isoformat()!r}, status={self.status.value!r}{reason}, "
            f"results={len(self.results)})"
        )

    def _repr_html_(self) -> str:
        """The assessment for notebooks: the goal's status, then a table of every result
        with its numbers and the per-unit drill-down as indented rows (Swedish labels)."""
        status = self.status.value
        if self.reason is not None:
            status += f" ({self.reason.value})"
        summary = _html.facts(
            f"Mål {self.goal}: {status}",
            [
                (("Mål", "Goal"), self.goal),
                (("Slag", "Kind"), self.kind.value),
                (("Bedömt per", "Assessed on"), self.on.isoformat()),
                ("Status", status),
            ],
        )
        if not self.results:
            return _html.block(summary)
        return _html.block(summary, Result._html_table("Resultat", self.results))


def combine(results: Sequence[Result]) -> tuple[Status, Reason | None]:
    """Combine results as a conjunction (module docstring): attained only if every result
    that is due is attained and none is pending.

    >>> combine([Result(status=Status.ATTAINED), Result(status=Status.NOT_ATTAINED)])
    (<Status.NOT_ATTAINED: 'ej uppnått'>, None)
    """
    if not results:
        return Status.NOT_ASSESSABLE, Reason.NO_DATA
    statuses = [r.status for r in results]
    if Status.NOT_ATTAINED in statuses:
        return Status.NOT_ATTAINED, None
    if Status.OFF_TRACK in statuses:
        return Status.OFF_TRACK, None
    for r in results:
        if r.status is Status.NOT_ASSESSABLE and r.reason not in _PENDING:
            return Status.NOT_ASSESSABLE, r.reason
    live = [r for r in results if r.status is not Status.NOT_ASSESSABLE]
    if not live:
        return Status.NOT_ASSESSABLE, results[0].reason
    if len(live) < len(results) or any(r.status is Status.ON_TRACK for r in live):
        return Status.ON_TRACK, None
    return Status.ATTAINED, None


def _combined(results: Sequence[Result], label: str, combination: str) -> Result:
    status, reason = combine(results)
    return Result(
        status=status, reason=reason, label=label, parts=tuple(results), combination=combination
    )


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
    span = (end_on - start_on).days
    if span <= 0:
        return end
    return start + (end - start) * Fraction((at - start_on).days, span)


@attrs.frozen
class _Value:
    quantity: Fraction
    dated: date
    numerator: int | None = None
    denominator: int | None = None


def _fail(reason: Reason, **fields: Unpack[_Fields]) -> Result:
    return Result(status=Status.NOT_ASSESSABLE, reason=reason, **fields)


def _make(status: Status, fields: _Fields, reason: Reason | None = None, **changes: Any) -> Result:
    """A result from shared fields, with some of them set or replaced."""
    return attrs.evolve(Result(status=status, reason=reason, **fields), **changes)


# ---------------------------------------------------------------------------------------
# Context: the goal, the data as known on `on`, the units and the fallback period.


@attrs.frozen
class _Context:
    goal: Goal
    data: FollowUpData
    on: date
    period: Period | None  # the goal's period, or the agreement's

    @property
    def percent(self) -> bool:
        return self.goal.unit is Unit.PERCENT or self.goal.kind is GoalKind.SHARE

    def units(self) -> tuple[str, ...]:
        if self.goal.units:
            return self.goal.units
        if self.goal.scope is Scope.AGREEMENT:
            return ()
        seen: set[str | None] = {
            o.unit for o in self.data.observations if o.indicator == self.goal.indicator
        }
        seen |= {e.unit for e in self.data.events if e.kind == self.goal.indicator}
        return tuple(sorted(u for u in seen if u is not None))

    def aggregation(self) -> Aggregation:
        return self.goal.aggregation or Aggregation.EACH

    def observations(self, unit: str | None) -> list[Observation]:
        return [
            o
            for o in self.data.observed(self.goal.indicator)
            if o.unit == unit and o.dated <= self.on
        ]


def _pick(
    ctx: _Context,
    units: tuple[str | None, ...],
    choose: Callable[[list[Observation]], Observation | None],
) -> _Value | Reason:
    chosen: list[Observation] = []
    for unit in units:
        found = choose(ctx.observations(unit))
        if found is None:
            return Reason.NO_DATA if unit is None else Reason.MISSING_UNIT
        chosen.append(found)
    dated = max(o.dated for o in chosen)
    if len(chosen) == 1:
        only = chosen[0]
        quantity = only.quantity(ctx.percent)
        if quantity is None:
            return Reason.ZERO_DENOMINATOR
        return _Value(quantity, dated, only.numerator, only.denominator)
    if all(o.numerator is not None and o.denominator is not None for o in chosen):
        numerator = sum(o.numerator or 0 for o in chosen)
        denominator = sum(o.denominator or 0 for o in chosen)
        if denominator == 0:
            return Reason.ZERO_DENOMINATOR
        share = Fraction(numerator, denominator)
        return _Value(share * 100 if ctx.percent else share, dated, numerator, denominator)
    if not ctx.percent and all(o.value is not None for o in chosen):
        return _Value(sum((o.value or Fraction(0) for o in chosen), Fraction(0)), dated)
    return Reason.NOT_SUMMABLE


def _for_day(day: date) -> Callable[[list[Observation]], Observation | None]:
    def choose(observations: list[Observation]) -> Observation | None:
        matching = [o for o in observations if o.describes(day)]
        return matching[-1] if matching else None

    return choose


def _for_period(period: Period) -> Callable[[list[Observation]], Observation | None]:
    def choose(observations: list[Observation]) -> Observation | None:
        exact = [o for o in observations if o.period == period]
        if exact:
            return exact[-1]
        inside = [o for o in observations if period.contains(o.dated)]
        return inside[-1] if inside else None

    return choose


def _latest(after: date | None) -> Callable[[list[Observation]], Observation | None]:
    def choose(observations: list[Observation]) -> Observation | None:
        later = [o for o in observations if after is None or o.dated > after]
        return later[-1] if later else None

    return choose


def _baseline_date(ctx: _Context) -> date | None:
    baseline = ctx.goal.baseline
    if baseline is not None:
        if baseline.on is not None:
            return baseline.on
        if baseline.period is not None:
            return baseline.period.end or baseline.period.start
    return ctx.period.start if ctx.period is not None else None


def _baseline(ctx: _Context, units: tuple[str | None, ...]) -> _Value | Reason:
    """The baseline: the goal's stated baseline for the whole, else the latest observation
    on or before the baseline date (the goal's period start when no baseline is dated)."""
    day = _baseline_date(ctx)
    baseline = ctx.goal.baseline
    if baseline is not None and units == (None,):
        return _Value(Fraction(baseline.value), day or date.min)
    if day is None:
        return Reason.MISSING_BASELINE

    def choose(observations: list[Observation]) -> Observation | None:
        before = [o for o in observations if o.dated <= day]
        return before[-1] if before else None

    found = _pick(ctx, units, choose)
    if isinstance(found, Reason):
        return Reason.MISSING_BASELINE if found in (Reason.NO_DATA, Reason.MISSING_UNIT) else found
    return found


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


def _unit_label(units: tuple[str | None, ...]) -> str:
    if units == (None,):
        return "hela överenskommelsen"
    return " + ".join(u for u in units if u is not None)


# ---------------------------------------------------------------------------------------
# Level-like judgements: LEVEL, RELATIVE_CHANGE, SHARE from observations.


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
    common: _Fields = {
        "label": label, "unit": unit, "comparison": target.comparison, "target": bound,
        "upper": upper, "deadline": deadline,
        "baseline": None if baseline is None else baseline.quantity,
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
        and baseline.dated < found.dated
    ):
        expected = _line(baseline.quantity, baseline.dated, bound, deadline, found.dated)
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


def _per_units(
    ctx: _Context, judge: Callable[[tuple[str | None, ...], str], Result], label: str
) -> Result:
    """Judge the whole, or each unit and/or their total, and combine by the aggregation."""
    units = ctx.units()
    if not units:
        return judge((None,), label)
    aggregation = ctx.aggregation()
    each = [judge((u,), u) for u in units]
    if aggregation is Aggregation.EACH:
        return _combined(each, label, "varje")
    whole = judge(tuple(units), "totalt")
    if aggregation is Aggregation.TOTAL:
        return attrs.evolve(whole, label=label, parts=tuple(each), combination="totalt")
    return _combined([whole, *each], label, "varje och totalt")


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


# ---------------------------------------------------------------------------------------
# Counts: COUNT, MILESTONES (events) and CADENCE (meetings).


def _count_window(ctx: _Context, target: Target) -> Period | None:
    if target.period is not None:
        return target.period
    if target.due is not None:
        start = ctx.period.start if ctx.period is not None else date.min
        return Period(start=min(start, target.due), end=target.due)
    return None


def _judge_count(
    ctx: _Context, target: Target, window: Period, count: int | None, label: str, unit: str | None
) -> Result:
    value = Fraction(target.value)
    upper = None if target.upper is None else Fraction(target.upper)
    common: _Fields = {
        "label": label, "unit": unit, "comparison": target.comparison, "target": value,
        "upper": upper, "deadline": window.end,
    }  # fmt: skip
    if ctx.on < window.start:
        return _fail(Reason.NOT_STARTED, **common)
    if count is None:
        return _fail(Reason.NO_DATA if unit is None else Reason.MISSING_UNIT, **common)
    observed = Fraction(count)
    seen: dict[str, Any] = {"observed": observed, "observed_on": min(ctx.on, window.end or ctx.on)}
    if window.end is None or ctx.on >= window.end:
        met = _holds(target.comparison, observed, value, upper)
        return _make(Status.ATTAINED if met else Status.NOT_ATTAINED, common, **seen)
    # Before the end: counts only grow.
    if target.comparison in _LOWER_BOUNDS and _holds(target.comparison, observed, value, upper):
        return _make(Status.ATTAINED, common, detail="nått före periodens slut", **seen)
    ceiling = {Comparison.AT_MOST: value, Comparison.EQUAL: value, Comparison.BETWEEN: upper}.get(
        target.comparison
    )
    if (ceiling is not None and observed > ceiling) or (
        target.comparison is Comparison.LESS_THAN and observed >= value
    ):
        return _make(Status.NOT_ATTAINED, common, detail="övre gräns redan passerad", **seen)
    if target.comparison in _UPPER_BOUNDS:
        return _make(Status.ON_TRACK, common, **seen)
    floor = value + 1 if target.comparison is Comparison.GREATER_THAN else value
    expected = _line(Fraction(0), window.start, floor, window.end, ctx.on)
    status = Status.ON_TRACK if observed >= expected else Status.OFF_TRACK
    return _make(status, common, expected=expected, **seen)


def _event_count(
    ctx: _Context, units: tuple[str | None, ...], window: Period, qualifier: str | None
) -> int | None:
    kind = ctx.goal.indicator
    events = [e for e in ctx.data.events if e.kind == kind]
    if not events:
        found = _pick(ctx, units, _for_period(window))
        if isinstance(found, _Value) and found.quantity.denominator == 1:
            return int(found.quantity)
        return None
    last = min(ctx.on, window.end) if window.end is not None else ctx.on
    whole = units == (None,)
    return sum(
        1
        for e in events
        if (whole or e.unit in units)
        and window.start <= e.on <= last
        and (qualifier is None or e.qualifier == qualifier)
    )


def _assess_events(ctx: _Context) -> list[Result]:
    results = []
    for target in ctx.goal.targets:
        window = _count_window(ctx, target)
        if window is None:
            results.append(
                _fail(Reason.MISSING_PERIOD, label=_label(target), comparison=target.comparison)
            )
            continue

        def judge(
            units: tuple[str | None, ...],
            label: str,
            target: Target = target,
            window: Period = window,
        ) -> Result:
            unit = units[0] if len(units) == 1 else None
            return _judge_count(
                ctx, target, window, _event_count(ctx, units, window, target.qualifier), label, unit
            )

        label = _label(target) + (f" ({target.qualifier})" if target.qualifier else "")
        results.append(_per_units(ctx, judge, label))
    return results


def _years(period: Period, on: date) -> list[Period]:
    last = min(on.year, period.end.year if period.end else on.year)
    years = []
    for year in range(period.start.year, last + 1):
        whole = Period.year(year)
        assert whole.end is not None
        if period.contains(whole.start) and period.contains(whole.end):
            years.append(whole)
    return years


def _cadence_targets(ctx: _Context) -> list[Target] | Reason:
    """Targets per calendar year for a cadence goal whose targets carry no period."""
    goal = ctx.goal
    if ctx.period is None:
        return Reason.MISSING_PERIOD
    templates = list(goal.targets)
    if not templates and goal.cadence is not None:
        per_year = goal.cadence.per_year()
        if per_year is None:
            return Reason.NO_TARGET
        low, high = per_year
        if goal.cadence.frequency is Frequency.TIMES_PER_YEAR and high is not None and high != low:
            templates = [Target(comparison=Comparison.BETWEEN, value=low, upper=high)]
        elif goal.cadence.frequency is Frequency.TIMES_PER_YEAR and high == low:
            templates = [Target(comparison=Comparison.EQUAL, value=low)]
        else:
            # "varannan månad", "varje kvartal": a rhythm, read as at least that many a year.
            templates = [Target(comparison=Comparison.AT_LEAST, value=low)]
    if not templates:
        return Reason.NO_TARGET
    years = _years(ctx.period, ctx.on)
    if not years:
        return Reason.NOT_STARTED
    return [attrs.evolve(t, period=year) for t in templates for year in years]


def _assess_cadence(ctx: _Context) -> list[Result]:
    goal = ctx.goal
    targets: list[Target] | Reason = list(goal.targets)
    if not targets or all(t.period is None and t.due is None for t in goal.targets):
        targets = _cadence_targets(ctx)
    if isinstance(targets, Reason):
        return [_fail(targets, label="per år")]
    body = goal.body or goal.indicator
    results = []
    for target in targets:
        window = _count_window(ctx, target)
        if window is None:
            results.append(
                _fail(Reason.MISSING_PERIOD, label=_label(target), comparison=target.comparison)
            )
            continue

        def judge(
            units: tuple[str | None, ...],
            label: str,
            target: Target = target,
            window: Period = window,
        ) -> Result:
            bodies = {body} if units == (None,) else set(units)
            last = min(ctx.on, window.end) if window.end is not None else ctx.on
            held = [
                m for m in ctx.data.meetings
                if m.body in bodies and window.start <= m.on <= last
                and (not m.topics or goal.indicator is None or goal.indicator in m.topics)
            ]  # fmt: skip
            any_for_body = any(m.body in bodies for m in ctx.data.meetings)
            unit = units[0] if len(units) == 1 else None
            return _judge_count(
                ctx, target, window, len(held) if any_for_body else None, label, unit
            )

        results.append(_per_units(ctx, judge, _label(target)))
    return results


# ---------------------------------------------------------------------------------------
# GROWTH: each period against the one before.


def _previous(period: Period) -> Period:
    assert period.end is not None
    if period == Period.year(period.start.year):
        return Period.year(period.start.year - 1)
    length = period.end - period.start
    end = period.start - timedelta(days=1)
    return Period(start=end - length, end=end)


def _period_value(ctx: _Context, units: tuple[str | None, ...], period: Period) -> _Value | Reason:
    if ctx.data.observed(ctx.goal.indicator):
        return _pick(ctx, units, _for_period(period))
    count = _event_count(ctx, units, period, None)
    if count is None:
        return Reason.NO_DATA
    assert period.end is not None
    return _Value(Fraction(count), period.end)


def _assess_growth(ctx: _Context) -> list[Result]:
    results = []
    for target in ctx.goal.targets:
        period = target.period
        if period is None and target.due is not None:
            period = Period(start=target.due - timedelta(days=364), end=target.due)
        if period is None or period.end is None:
            results.append(
                _fail(Reason.MISSING_PERIOD, label=_label(target), comparison=target.comparison)
            )
            continue

        def judge(
            units: tuple[str | None, ...],
            label: str,
            target: Target = target,
            period: Period = period,
        ) -> Result:
            unit = units[0] if len(units) == 1 else None
            change = Fraction(target.value)
            if ctx.on < period.start:
                return _fail(
                    Reason.NOT_STARTED, label=label, unit=unit, comparison=target.comparison
                )
            assert period.end is not None
            if ctx.on < period.end:
                return _fail(
                    Reason.NOT_DUE,
                    label=label,
                    unit=unit,
                    detail="året är inte slut",
                    comparison=target.comparison,
                )
            before = _period_value(ctx, units, _previous(period))
            if isinstance(before, Reason):
                return _fail(Reason.MISSING_BASELINE if before is Reason.NO_DATA or before is Reason.MISSING_UNIT else before,
                             label=label, unit=unit, detail="föregående period saknas", comparison=target.comparison)  # fmt: skip
            if before.quantity == 0:
                return _fail(
                    Reason.ZERO_DENOMINATOR,
                    label=label,
                    unit=unit,
                    detail="föregående period är noll",
                    baseline=Fraction(0),
                )
            now = _period_value(ctx, units, period)
            level = before.quantity * (1 + change / 100)
            if isinstance(now, Reason):
                return _fail(
                    now,
                    label=label,
                    unit=unit,
                    baseline=before.quantity,
                    target=level,
                    comparison=target.comparison,
                )
            growth = (now.quantity - before.quantity) / before.quantity * 100
            met = _holds(
                target.comparison,
                growth,
                change,
                None if target.upper is None else Fraction(target.upper),
            )
            return Result(
                status=Status.ATTAINED if met else Status.NOT_ATTAINED, label=label, unit=unit,
                comparison=target.comparison, baseline=before.quantity, target=level,
                observed=now.quantity, observed_on=now.dated, deadline=period.end,
                numerator=now.numerator, denominator=now.denominator,
                detail=f"förändring {format_number(growth, 1)} % mot föregående period",
            )  # fmt: skip

        results.append(_per_units(ctx, judge, _label(target)))
    return results


# ---------------------------------------------------------------------------------------
# SHARE (participants or observations) and CONVERSION (participants).


def _participants(ctx: _Context, units: tuple[str | None, ...]) -> list[Participant]:
    rows = [p for p in ctx.data.participants if p.start <= ctx.on]
    if units == (None,):
        return rows
    if ctx.goal.scope is Scope.TRACK:
        return [p for p in rows if p.track in units]
    return [p for p in rows if p.unit in units]


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


# ---------------------------------------------------------------------------------------
# DIRECTION: the sign of the change between two observations.


def _assess_direction(ctx: _Context) -> list[Result]:
    goal = ctx.goal
    assert goal.direction is not None
    period = goal.period
    increase = goal.direction is Direction.INCREASE

    def judge(units: tuple[str | None, ...], label: str) -> Result:
        unit = units[0] if len(units) == 1 else None
        if period is not None and ctx.on < period.start:
            return _fail(Reason.NOT_STARTED, label=label, unit=unit)
        if goal.baseline is not None and units == (None,):
            first: _Value | Reason = _Value(
                Fraction(goal.baseline.value), _baseline_date(ctx) or date.min
            )
        else:

            def earliest(observations: list[Observation]) -> Observation | None:
                inside = [o for o in observations if period is None or o.dated >= period.start]
                return inside[0] if inside else None

            first = _pick(ctx, units, earliest)
        if isinstance(first, Reason):
            return _fail(
                Reason.MISSING_BASELINE
                if first in (Reason.NO_DATA, Reason.MISSING_UNIT)
                else first,
                label=label,
                unit=unit,
            )
        last_day = ctx.on if period is None or period.end is None else min(ctx.on, period.end)
        start = first.dated

        def latest(observations: list[Observation]) -> Observation | None:
            later = [o for o in observations if start < o.dated <= last_day]
            return later[-1] if later else None

        last = _pick(ctx, units, latest)
        if isinstance(last, Reason):
            return _fail(
                last,
                label=label,
                unit=unit,
                detail="behöver två observationer",
                baseline=first.quantity,
            )
        change = last.quantity - first.quantity
        right = change > 0 if increase else change < 0
        before = period is not None and period.end is not None and ctx.on < period.end
        status = (
            (Status.ON_TRACK if right else Status.OFF_TRACK)
            if before
            else (Status.ATTAINED if right else Status.NOT_ATTAINED)
        )
        return Result(
            status=status, label=label, unit=unit, baseline=first.quantity, observed=last.quantity,
            observed_on=last.dated, numerator=last.numerator, denominator=last.denominator,
            deadline=None if period is None else period.end,
            detail=f"{goal.direction.label_sv if goal.direction else ''}: förändring {format_number(change, 1)}",
        )  # fmt: skip

    return [_per_units(ctx, judge, goal.direction.value)]


_ASSESSORS: dict[GoalKind, Callable[[_Context], list[Result]]] = {
    GoalKind.LEVEL: _assess_level,
    GoalKind.RELATIVE_CHANGE: _assess_relative,
    GoalKind.GROWTH: _assess_growth,
    GoalKind.COUNT: _assess_events,
    GoalKind.MILESTONES: _assess_events,
    GoalKind.SHARE: _assess_share,
    GoalKind.CONVERSION: _assess_conversion,
    GoalKind.DIRECTION: _assess_direction,
    GoalKind.CADENCE: _assess_cadence,
}


def assess(
    goal: Goal, data: FollowUpData, on: date, *, period: Period | None = None
) -> GoalAssessment:
    """The status of `goal` on `on`, computed from `data` (DOMAIN.md §5).

    `period` is the fallback period for goals that state none (e.g. the agreement's
    validity, used for cadence goals "per år"); the goal's own period comes first.
    A qualitative goal is not assessable (reason `QUALITATIVE`).
    """
    if goal.kind is GoalKind.QUALITATIVE:
        return GoalAssessment(
            goal=goal.id,
            kind=goal.kind,
            on=on,
            status=Status.NOT_ASSESSABLE,
            reason=Reason.QUALITATIVE,
        )
    ctx = _Context(goal=goal, data=data, on=on, period=goal.period or period)
    results = _ASSESSORS[goal.kind](ctx)
    status, reason = combine(results)
    return GoalAssessment(
        goal=goal.id, kind=goal.kind, on=on, status=status, reason=reason, results=tuple(results)
    )


def _agreement_period(agreement: Agreement) -> Period | None:
    if agreement.validity is not None:
        return agreement.validity
    signed = [s.on for s in agreement.signatures if s.on is not None]
    if signed:
        return Period(start=max(signed))
    if agreement.document_date is not None:
        return Period(start=agreement.document_date)
    return None


def assess_agreement(agreement: Agreement, data: FollowUpData, on: date) -> list[GoalAssessment]:
    """The status of every goal of `agreement` on `on`, in the order the goals are listed.

    Goals that state no period fall back on the agreement's validity, else an open period
    from its last signature (an agreement applies from when it is signed), else from its
    document date.
    """
    period = _agreement_period(agreement)
    return [assess(goal, data, on, period=period) for goal in agreement.goals]


def unmatched_data(agreement: Agreement, data: FollowUpData) -> tuple[str, ...]:
    """What in `data` no goal of `agreement` can use: observed indicators, event kinds and
    meeting bodies that match no goal's `indicator` (or, for meetings, `body`).

    Data for a misspelt indicator would otherwise be passed over without a word; a report
    or command shows these so that a user can correct the file.

    >>> from dua import examples
    >>> from dua.metrics.observations import Event
    >>> data = FollowUpData(events=[Event(kind="traineejobb-startade", on=date(2016, 3, 1))])
    >>> unmatched_data(examples.load("hallefors-2015"), data)
    ("events: 'traineejobb-startade'",)
    """
    indicators = {goal.indicator for goal in agreement.goals if goal.indicator is not None}
    bodies = indicators | {goal.body for goal in agreement.goals if goal.body is not None}
    found: list[str] = []
    for label, names, known in (
        ("observations", {o.indicator for o in data.observations}, indicators),
        ("events", {e.kind for e in data.events}, indicators),
        ("meetings", {m.body for m in data.meetings}, bodies),
    ):
        # Through the privacy boundary: a value is quoted as the file wrote it.
        found.extend(f"{label}: {mask_value(name)}" for name in sorted(names - known))
    return tuple(found)
