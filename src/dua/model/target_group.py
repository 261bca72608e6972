"""Target groups (*målgrupper*) and the statistics a document states about them.

Statistics are stored *as stated*: every figure with its value and unit exactly as printed
(a `Decimal` keeps "7,3" apart from "7,30"), what it is a share or part of, and whether a
set of parts is declared to be a complete partition of a total. Nothing is corrected here:
a table that does not add up is stored as it stands, and checked by `dua.metrics`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from dua.model._base import (
    AgeBand,
    SourceRef,
    Unit,
    as_tuple,
    exact_decimal,
    fail,
    identifier,
    non_empty,
)

__all__ = ["Figure", "Partition", "StatisticsSnapshot", "TargetGroup"]


@attrs.frozen(kw_only=True)
class Figure:
    """One number a document states.

    - `id` names the figure within its snapshot, so that others can refer to it.
    - `value` and `unit`: the number as printed (`Decimal("7.3")`, `Unit.PERCENT`).
    - `of`: the id of the figure this is a part or share of (its denominator), if stated.
    - `numerator`: for a stated share, the id of the count it is computed from.
    - `categories`: the dimensions this figure is broken down by, e.g.
      `{"kön": "kvinnor"}` or `{"kommun": "1490"}`.
    - `label`: the document's wording.
    - `within`: a figure, possibly in another snapshot of the same agreement
      (`"snapshot-id/figure-id"`, or a figure id of this snapshot), whose population
      contains this figure's population, where the document implies it without saying
      "of" (Norrköping: ca 180 young people without a diploma in the establishment
      programme are among the 7 % of the target group who are under 25 without one).
      [`dua.metrics.agreement_checks`][dua.metrics.agreement_checks] checks the part is
      not larger than that whole.

    >>> Figure(id="fs", label="försörjningsstöd 2015", value="7,3", unit="procent").value
    Decimal('7.3')
    """

    id: str = attrs.field(validator=identifier)
    label: str = attrs.field(validator=non_empty)
    value: Decimal = attrs.field(converter=exact_decimal)
    unit: Unit = attrs.field(default=Unit.COUNT, converter=Unit)
    of: str | None = None
    numerator: str | None = None
    # A dict reads naturally in TOML (`categories = {kön = "kvinnor"}`); it is left out of
    # the hash so that figures stay hashable.
    categories: dict[str, str] = attrs.field(factory=dict, hash=False)
    note: str | None = None
    within: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.unit is Unit.COUNT and self.value < 0:
            raise fail("value", "error.field.count_negative", self.value)
        if self.numerator is not None and self.unit is not Unit.PERCENT:
            raise fail("numerator", "error.field.numerator_only_share", self.numerator)


@attrs.frozen(kw_only=True)
class Partition:
    """Parts of a total, as a document groups them.

    `total` is the id of the figure that is the whole, `parts` the ids of its parts.
    `complete` says whether the document declares the parts exhaustive (women + men of
    those registered) or a selection (some registration categories only). Only a complete
    partition must sum to its total.
    """

    id: str = attrs.field(validator=identifier)
    total: str = attrs.field(validator=non_empty)
    parts: tuple[str, ...] = attrs.field(converter=as_tuple)
    complete: bool
    label: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.parts:
            raise fail("parts", "error.field.partition_empty")
        if self.total in self.parts:
            raise fail("parts", "error.field.partition_total", self.total)


@attrs.frozen(kw_only=True)
class StatisticsSnapshot:
    """The figures a document states about a population at one time, with their source.

    `as_of` is the measurement date when known; `as_of_text` keeps the document's wording
    ("september 2015", "juni 2020") when it names a month or period rather than a day.
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    source: SourceRef
    as_of: date | None = None
    as_of_text: str | None = None
    figures: tuple[Figure, ...] = attrs.field(default=(), converter=as_tuple)
    partitions: tuple[Partition, ...] = attrs.field(default=(), converter=as_tuple)
    note: str | None = None

    def __repr__(self) -> str:
        # The generated repr lists every figure; the figures are `figures`.
        as_of = None if self.as_of is None else self.as_of.isoformat()
        return (
            f"StatisticsSnapshot(id={self.id!r}, as_of={as_of!r}, "
            f"figures={len(self.figures)}, partitions={len(self.partitions)})"
        )

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for index, figure in enumerate(self.figures):
            if figure.id in seen:
                raise fail(f"figures[{index}].id", "error.field.figure_duplicate", figure.id)
            seen.add(figure.id)
        for index, figure in enumerate(self.figures):
            for name in ("of", "numerator"):
                ref = getattr(figure, name)
                if ref is not None and ref not in seen:
                    raise fail(f"figures[{index}].{name}", "error.field.figure_unknown", ref)
        for index, partition in enumerate(self.partitions):
            for ref in (partition.total, *partition.parts):
                if ref not in seen:
                    raise fail(f"partitions[{index}]", "error.field.figure_unknown", ref)

    def figure(self, figure_id: str) -> Figure:
        """The figure with id `figure_id` (`KeyError` if there is none)."""
        for figure in self.figures:
            if figure.id == figure_id:
                return figure
        raise KeyError(figure_id)


@attrs.frozen(kw_only=True)
class TargetGroup:
    """A target group: who the agreement is for.

    - `age_band`: the inclusive age band (e.g. 16–24), if the group has one.
    - `situations`: the situation criteria in the document's words ("inskrivna på
      Arbetsförmedlingen", "saknar fullständiga gymnasiebetyg", "nyanlända i
      etableringsprogrammet").
    - `municipalities`: the geographic scope as SCB codes (empty: the whole agreement).
    - `statistics`: dated, sourced snapshots of what the document states about the group.
    - `parent`: the id of a wider group this one is a part of (20–24 within 16–24).
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    age_band: AgeBand | None = None
    situations: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    municipalities: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    parent: str | None = None
    description: str | None = None
    statistics: tuple[StatisticsSnapshot, ...] = attrs.field(default=(), converter=as_tuple)

    def __repr__(self) -> str:
        # The generated repr nests every statistics snapshot (11 KB for Hällefors).
        band = None if self.age_band is None else str(self.age_band)
        return (
            f"TargetGroup(id={self.id!r}, name={self.name!r}, age_band={band!r}, "
            f"statistics={len(self.statistics)})"
        )
