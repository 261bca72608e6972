"""Activities (*insatser*, *verksamhet*): the inventory of what exists, is planned or missing."""

from __future__ import annotations

import attrs

from dua.model._base import (
    AgeBand,
    Cadence,
    Duration,
    LabelledEnum,
    SourceRef,
    as_tuple,
    identifier,
    non_empty,
    short_repr,
)

__all__ = ["Activity", "ActivityKind", "ActivityStatus", "Eligibility"]


class ActivityKind(LabelledEnum):
    """What kind of activity an inventory item is (Bilaga 2's headings)."""

    AF_PROGRAMME = "arbetsmarknadspolitiskt program", "labour-market programme (AF)"
    MUNICIPAL_ACTIVITY = "kommunal insats", "municipal activity"
    PROJECT = "projekt", "project"
    NETWORK = "nätverk", "network"
    ROUTINE = "rutin", "routine"
    EDUCATION = "utbildning", "education"
    EVENT = "evenemang", "event"
    OTHER = "annan", "other"


class ActivityStatus(LabelledEnum):
    """Whether an activity exists, is planned, or is a gap the parties have found."""

    EXISTING = "befintlig", "existing"
    PLANNED = "planerad", "planned"
    MISSING = "saknas", "missing"
    ENDED = "avslutad", "ended"


@attrs.frozen(kw_only=True)
class Eligibility:
    """Who may take part, as the document states it.

    `age_band` and `situations` hold what has a structure; `priority_age_band` a band
    given priority within it (Samordningsförbundet: 16–64, priority 16–30); `text` keeps
    the wording (e.g. "elever i årskurs 9 och gymnasiets år 1").
    """

    age_band: AgeBand | None = None
    priority_age_band: AgeBand | None = None
    situations: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    text: str | None = None


@attrs.frozen(kw_only=True)
class Activity:
    """One item of the inventory of activities (Bilaga 2) or of joint work (Bilaga 3).

    - `providers`: party ids or names of who runs it; `lead`: the party or unit that
      drives it (*drivande part*), where the document names one.
    - `programme`: the code of a labour-market programme this activity is an instance of.
    - `funding`: e.g. "ESF", "statsbidrag".
    - `collaborative`: whether it is run together (*i samverkan*); `None` if not stated.
    - `parallel_to`: ids of activities the document names as parallel (overlapping) ones.
    - `target_groups`: ids of the target groups it serves; `focus_area`: which of the
      agreement's focus areas it belongs to.
    - `municipalities`: SCB codes of the agreement's municipalities that take part, when
      not all do; `cadence`: how often it recurs, for recurring activities;
      `response_time`: a promised time to act (Gröna kortet: a meeting within 10 days).
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=non_empty)
    kind: ActivityKind
    status: ActivityStatus = ActivityStatus.EXISTING
    providers: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    lead: str | None = None
    description: str | None = None
    eligibility: Eligibility | None = None
    programme: str | None = None
    funding: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    collaborative: bool | None = None
    parallel_to: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    target_groups: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    focus_area: str | None = None
    municipalities: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    cadence: Cadence | None = None
    response_time: Duration | None = None
    source: SourceRef | None = None

    # The generated repr holds every part and text in full: kilobytes (issue 12 item 5).
    __repr__ = short_repr("id", "name", "kind")
