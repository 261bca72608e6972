"""Goals (*mål*): one model for every kind of goal the agreements set.

A [`Goal`][dua.model.Goal] names the indicator it measures, its unit, its kind (how
attainment is judged, DOMAIN.md §5), an optional baseline, and one or more
[`Target`][dua.model.Target]s, each with a value, a comparison and a deadline or period.
Numbers are exact `Decimal`s as stated.

How `Target.value` reads depends on the goal's kind:

| kind | `value` means | example (seed) |
|---|---|---|
| `LEVEL` | the level the indicator must reach | ≤ 21,0 % youth unemployment in Sept 2016 (Hällefors) |
| `RELATIVE_CHANGE` | signed change in % against the baseline | ≤ −30 % KAA without activity, each municipality (GGV) |
| `GROWTH` | signed change in % against the previous period | ≥ +20 % a year into work or studies (GGV) |
| `COUNT` | events counted in the period | ≥ 4 traineejobb started in 2016 (Hällefors) |
| `SHARE` | share of a population, in % | ≥ 60 % into work/studies within 90 days (Norrköping) |
| `CONVERSION` | unused: see `steps` | 50 % track → studies → 50 % → work (Sjuhärad) |
| `DIRECTION` | unused: see `direction` | the share into work shall rise (Norrköping) |
| `MILESTONES` | deliverables counted by the date | ≥ 3 new tracks in 2018 (Norrköping) |
| `CADENCE` | meetings held in the period | 6–8 working-group meetings a year (Sjuhärad) |
| `QUALITATIVE` | no target: a goal stated only in words | "ökad samverkan" |
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from dua.model._base import (
    Cadence,
    LabelledEnum,
    Period,
    SourceRef,
    Unit,
    as_tuple,
    exact_decimal,
    fail,
    identifier,
    non_empty,
    optional_decimal,
)

__all__ = [
    "Aggregation",
    "Baseline",
    "Comparison",
    "ConversionStep",
    "Direction",
    "Goal",
    "GoalKind",
    "Scope",
    "Target",
]


class GoalKind(LabelledEnum):
    """How a goal's attainment is judged (DOMAIN.md §5)."""

    LEVEL = "nivå", "level by a date"
    RELATIVE_CHANGE = "relativ förändring", "relative change against a baseline"
    GROWTH = "ökning per år", "relative growth per year"
    COUNT = "antal under period", "count in a period"
    SHARE = "andel", "share of a population"
    CONVERSION = "övergångskedja", "conversion chain"
    DIRECTION = "riktning", "direction"
    MILESTONES = "delmål", "milestones"
    CADENCE = "mötesfrekvens", "meeting cadence"
    QUALITATIVE = "kvalitativt", "qualitative"


class Comparison(LabelledEnum):
    """How an observed value is compared with a target value.

    The strictness is part of the goal: "lägre än 22 %" is `LESS_THAN` (strict), while a
    ceiling of "21,0 %" is `AT_MOST`. `BETWEEN` is an inclusive range (`value` to `upper`).
    """

    LESS_THAN = "lägre än", "less than"
    AT_MOST = "högst", "at most"
    AT_LEAST = "minst", "at least"
    GREATER_THAN = "högre än", "greater than"
    EQUAL = "lika med", "equal to"
    BETWEEN = "mellan", "between"

    def holds(self, observed: Decimal, value: Decimal, upper: Decimal | None = None) -> bool:
        """Whether `observed` meets the comparison with `value` (and `upper` for BETWEEN).

        >>> Comparison.LESS_THAN.holds(Decimal(22), Decimal(22))
        False
        >>> Comparison.AT_MOST.holds(Decimal("21.0"), Decimal(21))
        True
        """
        if self is Comparison.LESS_THAN:
            return observed < value
        if self is Comparison.AT_MOST:
            return observed <= value
        if self is Comparison.AT_LEAST:
            return observed >= value
        if self is Comparison.GREATER_THAN:
            return observed > value
        if self is Comparison.EQUAL:
            return observed == value
        if upper is None:
            raise ValueError("BETWEEN needs an upper bound")
        return value <= observed <= upper


class Direction(LabelledEnum):
    """The required sign of a change."""

    INCREASE = "öka", "increase"
    DECREASE = "minska", "decrease"


class Scope(LabelledEnum):
    """What a goal is measured over."""

    AGREEMENT = "hela överenskommelsen", "whole agreement"
    MUNICIPALITY = "per kommun", "per municipality"
    TRACK = "per jobbspår", "per track"
    TARGET_GROUP = "per målgrupp", "per target group"
    BODY = "per grupp", "per body"


class Aggregation(LabelledEnum):
    """How a goal over several units combines them.

    `EACH` (*i varje kommun*) is a conjunction: every unit must attain the goal. `TOTAL`
    (*totalt*) sums the units' data first and judges the sum. `WHOLE_AND_EACH` requires
    both (Norrköping: "per spår och för modellen som helhet").
    """

    EACH = "varje", "each"
    TOTAL = "totalt", "in total"
    WHOLE_AND_EACH = "varje och totalt", "each and in total"


@attrs.frozen(kw_only=True)
class Baseline:
    """The value a relative goal starts from, with when and where it was stated."""

    value: Decimal = attrs.field(converter=exact_decimal)
    on: date | None = None
    period: Period | None = None
    text: str | None = None
    source: SourceRef | None = None


@attrs.frozen(kw_only=True)
class Target:
    """One bound a goal sets: a value, how to compare, and by when or over which period.

    `due` is a deadline (judge the observation on or for that date); `period` a span in
    which events are counted or meetings held. `upper` closes a `BETWEEN` range.
    `qualifier` narrows what is counted (Norrköping: tracks "riktade till kvinnor").
    """

    comparison: Comparison
    value: Decimal = attrs.field(converter=exact_decimal)
    upper: Decimal | None = attrs.field(default=None, converter=optional_decimal)
    due: date | None = None
    period: Period | None = None
    qualifier: str | None = None
    text: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.comparison is Comparison.BETWEEN:
            if self.upper is None:
                raise fail("upper", "error.field.between_needs_upper")
            if self.upper < self.value:
                raise fail("upper", "error.field.upper_order", self.upper, lower=self.value)
        elif self.upper is not None:
            raise fail("upper", "error.field.upper_only_between", self.upper)

    def holds(self, observed: Decimal) -> bool:
        """Whether an observed value meets this target's bound."""
        return self.comparison.holds(observed, self.value, self.upper)


@attrs.frozen(kw_only=True)
class ConversionStep:
    """One step of a conversion chain: of those who reached `from_status`, the share that
    goes on to `to_status` must meet `comparison` with `share_percent`."""

    from_status: str = attrs.field(validator=non_empty)
    to_status: str = attrs.field(validator=non_empty)
    share_percent: Decimal = attrs.field(converter=exact_decimal)
    comparison: Comparison = Comparison.AT_LEAST

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.share_percent <= 100:
            raise fail("share_percent", "error.field.share_range", self.share_percent)


_NEEDS_TARGETS = {
    GoalKind.LEVEL,
    GoalKind.RELATIVE_CHANGE,
    GoalKind.GROWTH,
    GoalKind.COUNT,
    GoalKind.SHARE,
    GoalKind.MILESTONES,
    GoalKind.CADENCE,
}


@attrs.frozen(kw_only=True)
class Goal:
    """A goal of an agreement, of any kind in DOMAIN.md §5.

    - `text`: the goal as the document words it; `indicator`: a short name of what is
      measured, used to match observations (e.g. `"ungdomsarbetsloshet"`).
    - `targets`: the bounds, each with a deadline or a period (a goal "for 2016 and 2017"
      has one target per year); `baseline`: the starting value for relative goals.
    - `scope`, `units`, `aggregation`: what the goal is measured over, e.g. per
      municipality with `units` the SCB codes, combined `EACH` or `TOTAL`.
    - `direction` for `DIRECTION` goals, `steps` for `CONVERSION` chains, `body` and
      `cadence` for `CADENCE` goals, `population` names the denominator of a share.
    """

    id: str = attrs.field(validator=identifier)
    text: str = attrs.field(validator=non_empty)
    kind: GoalKind
    indicator: str | None = None
    unit: Unit | None = None
    targets: tuple[Target, ...] = attrs.field(default=(), converter=as_tuple)
    baseline: Baseline | None = None
    direction: Direction | None = None
    steps: tuple[ConversionStep, ...] = attrs.field(default=(), converter=as_tuple)
    scope: Scope = Scope.AGREEMENT
    units: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    aggregation: Aggregation | None = None
    population: str | None = None
    body: str | None = None
    cadence: Cadence | None = None
    period: Period | None = None
    parent: str | None = None
    source: SourceRef | None = None

    def __repr__(self) -> str:
        # The generated repr nests every target, step and source: a page for one goal.
        return (
            f"Goal(id={self.id!r}, kind={self.kind.value!r}, indicator={self.indicator!r}, "
            f"targets={len(self.targets)}, steps={len(self.steps)})"
        )

    def __attrs_post_init__(self) -> None:
        if self.kind in _NEEDS_TARGETS and not self.targets:
            raise fail("targets", "error.field.goal_needs_target", kind=self.kind.value)
        if (
            self.kind not in (GoalKind.QUALITATIVE, GoalKind.CADENCE, GoalKind.CONVERSION)
            and self.indicator is None
        ):
            raise fail("indicator", "error.field.goal_needs_indicator", kind=self.kind.value)
        if self.kind is GoalKind.CONVERSION and not self.steps:
            raise fail("steps", "error.field.chain_needs_step")
        if self.kind is not GoalKind.CONVERSION and self.steps:
            raise fail("steps", "error.field.steps_only_chain")
        if self.kind is GoalKind.DIRECTION and self.direction is None:
            raise fail("direction", "error.field.direction_needed")
        if self.kind is GoalKind.CADENCE and self.body is None and self.indicator is None:
            raise fail("body", "error.field.cadence_needs_body")
        if self.kind is GoalKind.RELATIVE_CHANGE and self.unit is None:
            raise fail("unit", "error.field.relative_needs_unit")
        if self.units and self.scope is Scope.AGREEMENT:
            raise fail("units", "error.field.units_need_scope", list(self.units))
        if self.aggregation is not None and self.scope is Scope.AGREEMENT:
            raise fail("aggregation", "error.field.aggregation_needs_scope")
