"""Job tracks (*jobbspår*) and process models: staged paths towards work or studies."""

from __future__ import annotations

from decimal import Decimal

import attrs

from dua.model._base import (
    Duration,
    LabelledEnum,
    as_tuple,
    fail,
    identifier,
    non_empty,
    non_negative,
    optional_decimal,
    short_repr,
)
from dua.model.activity import ActivityStatus

__all__ = ["Content", "Outcome", "ProcessModel", "Stage", "Track", "TrackKind"]


class TrackKind(LabelledEnum):
    """A job track leads to work; a preparatory track (*förberedande*) leads to studies."""

    JOB_TRACK = "jobbspår", "job track"
    PREPARATORY = "förberedande jobbspår", "preparatory job track"
    STUDY_TRACK = "studiespår", "study track"


class Outcome(LabelledEnum):
    """Where a track, stage or programme is meant to lead.

    Work, studies and an own business are *positive* outcomes (establishment, Norrköping
    seed; the 90-day measures of `dua.rules.outcomes`). Unemployment insurance (*a-kassa*)
    is where Hällefors' Slussen may also lead ("Havet": self-support through work, studies
    or membership of an A-kassa); it is self-support but not a positive outcome.

    Examples:
        >>> [o.value for o in Outcome if o.positive]
        ['arbete', 'studier', 'eget företag']
    """

    WORK = "arbete", "work"
    STUDIES = "studier", "studies"
    OWN_BUSINESS = "eget företag", "own business"
    UNEMPLOYMENT_INSURANCE = "a-kassa", "unemployment insurance (a-kassa)"

    @property
    def positive(self) -> bool:
        """Whether this outcome counts as work, studies or an own business."""
        return self is not Outcome.UNEMPLOYMENT_INSURANCE


@attrs.frozen(kw_only=True)
class Content:
    """Something a stage contains, with its extent where stated (e.g. SFI at 50 %)."""

    name: str = attrs.field(validator=non_empty)
    extent_percent: Decimal | None = attrs.field(default=None, converter=optional_decimal)
    hours: Decimal | None = attrs.field(default=None, converter=optional_decimal)
    description: str | None = None

    # The generated repr holds the whole description (issue 12 item 5).
    __repr__ = short_repr("name", "extent_percent", "hours")

    def __attrs_post_init__(self) -> None:
        if self.extent_percent is not None and not 0 <= self.extent_percent <= 100:
            raise fail("extent_percent", "error.field.extent_range", self.extent_percent)
        if self.hours is not None and self.hours < 0:
            raise fail("hours", "error.field.hours_negative", self.hours)


@attrs.frozen(kw_only=True)
class Stage:
    """A stage or module of a track or process model, in order.

    `optional` marks a stage that may be skipped; `parallel_with` names stages run at the
    same time; `prerequisites` what is required to enter (e.g. "SFI kurs C");
    `outcomes` where the stage can lead; `follow_up_after` when a plan made in this
    stage is followed up (Slussen: a 6-month plan followed up after 3 months).
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    duration: Duration | None = None
    contents: tuple[Content, ...] = attrs.field(default=(), converter=as_tuple)
    optional: bool = False
    parallel_with: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    prerequisites: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    outcomes: tuple[Outcome, ...] = attrs.field(default=(), converter=as_tuple)
    provider: str | None = None
    follow_up_after: Duration | None = None
    description: str | None = None

    # The generated repr holds every part and text in full: kilobytes (issue 12 item 5).
    __repr__ = short_repr("id", "name")


def _unique_stage_ids(stages: tuple[Stage, ...]) -> None:
    seen: set[str] = set()
    for index, stage in enumerate(stages):
        if stage.id in seen:
            raise fail(f"stages[{index}].id", "error.field.stage_duplicate", stage.id)
        seen.add(stage.id)
    for index, stage in enumerate(stages):
        for other in stage.parallel_with:
            if other not in seen:
                raise fail(f"stages[{index}].parallel_with", "error.field.stage_unknown", other)


@attrs.frozen(kw_only=True)
class Track:
    """A (local) job track: a staged path towards a job in an occupational field.

    - `municipalities`: SCB codes of the municipalities that run it.
    - `occupational_field`: the occupational field (*yrkesområde*), e.g. "vård och omsorg", "industri".
    - `stages`: the ordered stages with nominal durations and contents.
    - `prerequisites`: what a participant needs to start (e.g. "SFI kurs C").
    - `outcomes`: where it leads; `capacity`: places, if stated; `focus`: who it is aimed
      at (e.g. "kvinnor"); `providers`: party ids or names; `status`: whether it runs or
      is planned.
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    kind: TrackKind = TrackKind.JOB_TRACK
    municipalities: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    occupational_field: str | None = None
    stages: tuple[Stage, ...] = attrs.field(default=(), converter=as_tuple)
    prerequisites: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    outcomes: tuple[Outcome, ...] = attrs.field(default=(), converter=as_tuple)
    capacity: int | None = attrs.field(default=None, validator=non_negative)
    focus: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    providers: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    target_groups: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    status: ActivityStatus = ActivityStatus.EXISTING
    description: str | None = None

    def __repr__(self) -> str:
        # The generated repr nests every stage with its contents.
        return (
            f"Track(id={self.id!r}, name={self.name!r}, kind={self.kind.value!r}, "
            f"municipalities={len(self.municipalities)}, stages={len(self.stages)})"
        )

    def __attrs_post_init__(self) -> None:
        _unique_stage_ids(self.stages)


@attrs.frozen(kw_only=True)
class ProcessModel:
    """A process model: ordered modules a participant passes through (e.g. Norrköping's
    three modules, Hällefors's Slussen), optionally ending in tracks; `municipalities`
    names the SCB codes of the municipalities whose process it is, when it is local;
    `duration` the time a participant spends in it, where stated."""

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    stages: tuple[Stage, ...] = attrs.field(default=(), converter=as_tuple)
    tracks: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    municipalities: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    target_groups: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    duration: Duration | None = None
    description: str | None = None

    # The generated repr holds every part and text in full: kilobytes (issue 12 item 5).
    __repr__ = short_repr("id", "name")

    def __attrs_post_init__(self) -> None:
        _unique_stage_ids(self.stages)
