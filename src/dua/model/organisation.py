"""How the collaboration is organised: bodies (*styrgrupp*, *arbetsgrupp* …) and members."""

from __future__ import annotations

import attrs

from dua.model._base import (
    Cadence,
    LabelledEnum,
    as_tuple,
    identifier,
    non_empty,
    non_negative,
    short_repr,
)
from dua.model.activity import ActivityStatus

__all__ = ["Body", "BodyKind", "Member", "Organisation"]


class BodyKind(LabelledEnum):
    """The kind of a body in the agreement's organisation."""

    STEERING_GROUP = "styrgrupp", "steering group"
    MANAGEMENT_GROUP = "chefsgrupp", "management group"
    WORKING_GROUP = "arbetsgrupp", "working group"
    STRATEGIC_WORKING_GROUP = "strategisk arbetsgrupp", "strategic working group"
    OPERATIONAL_GROUP = "operativ grupp", "operational group"
    COLLABORATION_GROUP = "samverkansgrupp", "collaboration group"
    NETWORK = "nätverk", "network"
    COORDINATOR = "samordnare", "coordinator"
    OTHER = "annan", "other"


@attrs.frozen(kw_only=True)
class Member:
    """A member of a body: the party they represent and their role, e.g. "sektionschef".

    `count` records how many hold that role where the document says so; `name` is only for
    public office holders named in the document.
    """

    role: str = attrs.field(validator=non_empty)
    party: str | None = None
    count: int | None = attrs.field(default=None, validator=non_negative)
    name: str | None = None


@attrs.frozen(kw_only=True)
class Body:
    """A steering, management, working, operational or collaboration group.

    `size` is the number of members where the document states it (GGV: a steering group of
    five); `cadence` how often it meets; `tasks` what it does; `tracks` the job tracks an
    operational group works on; `status` whether it meets already or is planned.
    """

    id: str = attrs.field(validator=identifier)
    kind: BodyKind
    name: str = attrs.field(validator=non_empty)
    members: tuple[Member, ...] = attrs.field(default=(), converter=as_tuple)
    size: int | None = attrs.field(default=None, validator=non_negative)
    cadence: Cadence | None = None
    tasks: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    tracks: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    parent: str | None = None
    status: ActivityStatus = ActivityStatus.EXISTING
    description: str | None = None

    # The generated repr holds every part and text in full: kilobytes (issue 12 item 5).
    __repr__ = short_repr("id", "kind", "name")


@attrs.frozen(kw_only=True)
class Organisation:
    """The bodies of an agreement and a free description of how they work together."""

    bodies: tuple[Body, ...] = attrs.field(default=(), converter=as_tuple)
    description: str | None = None

    # The generated repr holds every part and text in full: kilobytes (issue 12 item 5).
    __repr__ = short_repr()

    def body(self, body_id: str) -> Body:
        """The body with id `body_id` (`KeyError` if there is none)."""
        for candidate in self.bodies:
            if candidate.id == body_id:
                return candidate
        raise KeyError(body_id)
