"""The agreement (*lokal överenskommelse*) and its annexes, as one typed object."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import TypeVar

import attrs

from dua import _html, i18n
from dua.errors import Problem, ValidationError, mask_value
from dua.model._base import (
    Cadence,
    Duration,
    LabelledEnum,
    Period,
    SourceRef,
    Unit,
    as_tuple,
    identifier,
    non_empty,
    optional_decimal,
    short_repr,
)
from dua.model.activity import Activity
from dua.model.goal import Goal, Scope
from dua.model.organisation import Organisation
from dua.model.party import Party, PartyKind
from dua.model.programme import Programme
from dua.model.target_group import TargetGroup
from dua.model.track import ProcessModel, Track

__all__ = [
    "Agreement",
    "AgreementKind",
    "Annex",
    "FollowUpPlan",
    "Revision",
    "RevisionPlan",
    "Section",
    "Signature",
    "StateGrant",
]


class AgreementKind(LabelledEnum):
    """Who an agreement is for."""

    YOUTH = "unga", "young people"
    NEWLY_ARRIVED = "nyanlända", "newly arrived"
    COMBINED = "unga och nyanlända", "young people and newly arrived"


class Annex(LabelledEnum):
    """The annexes of the DUA template. A document that *is* an annex says which."""

    TARGET_GROUP_MAPPING = "Bilaga 1 – Kartläggning av målgruppen", "Annex 1 – target-group mapping"
    EXISTING_ACTIVITIES = (
        "Bilaga 2 – Redovisning av befintlig verksamhet",
        "Annex 2 – inventory of existing activities",
    )
    JOINT_ACTIVITIES = (
        "Bilaga 3 – Verksamhet som ska bedrivas i samverkan",
        "Annex 3 – activities to be run together",
    )
    STATUS_AND_ATTAINMENT = "Bilaga 4 – Nuläge och måluppfyllelse", "Annex 4 – status and goals"
    # The template for newly arrived (from 2017) numbers its annexes differently: Bilaga 1
    # is the local model of collaboration, Bilaga 2 the local job tracks.
    LOCAL_MODEL = (
        "Bilaga 1 – Lokal modell för samverkan",
        "Annex 1 – local model of collaboration (newly arrived)",
    )
    LOCAL_TRACKS = "Bilaga 2 – Lokala jobbspår", "Annex 2 – local job tracks (newly arrived)"


@attrs.frozen(kw_only=True)
class Signature:
    """A signature: which party signed, who, in what role, where and when."""

    party: str = attrs.field(validator=non_empty)
    signatory: str | None = None
    role: str | None = None
    place: str | None = None
    on: date | None = None


@attrs.frozen(kw_only=True)
class Revision:
    """A revision made (*revidering*): when, and what changed.

    `on` is a day; where the document names only a month ("maj 2016"), `on` is the first
    of that month and `on_text` keeps the wording.
    """

    on: date
    description: str = attrs.field(validator=non_empty)
    sections: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    on_text: str | None = None

    # The generated repr holds every part and text in full: kilobytes (issue 12 item 5).
    __repr__ = short_repr("on")


@attrs.frozen(kw_only=True)
class RevisionPlan:
    """When the agreement is to be revised: fixed dates and/or a yearly rule, with focus.

    Hällefors: revisions in October 2016 and October 2017, each with named themes;
    Sjuhärad: every October (`cadence` yearly, `months=(10,)`).
    """

    dates: tuple[date, ...] = attrs.field(default=(), converter=as_tuple)
    cadence: Cadence | None = None
    focus: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    text: str | None = None

    # The generated repr holds every part and text in full: kilobytes (issue 12 item 5).
    __repr__ = short_repr()


@attrs.frozen(kw_only=True)
class FollowUpPlan:
    """How the agreement is followed up (*uppföljning*).

    `cadence` for follow-up meetings or reports, `statistics_updates` for when statistics
    are refreshed (GGV: twice a year), `perspectives` what every follow-up covers (youth,
    gender, goals, statistics, trade-union perspectives), `reporting_to` the body reported to.
    """

    cadence: Cadence | None = None
    statistics_updates: Cadence | None = None
    perspectives: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    indicators: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    reporting_to: str | None = None
    description: str | None = None

    # The generated repr holds every part and text in full: kilobytes (issue 12 item 5).
    __repr__ = short_repr("reporting_to")


@attrs.frozen(kw_only=True)
class StateGrant:
    """A state grant (*statsbidrag*) the agreement receives: period, purpose, amount.

    `period_text` keeps the document's wording where it names months rather than days
    ("juni 2016 – juni 2017"); `duration` a stated length ("12 månader"), which may differ
    from the span of the period as printed.
    """

    period: Period
    purpose: str = attrs.field(validator=non_empty)
    amount_sek: Decimal | None = attrs.field(default=None, converter=optional_decimal)
    grantor: str | None = None
    period_text: str | None = None
    duration: Duration | None = None


@attrs.frozen(kw_only=True)
class Section:
    """A section of the document kept as text, for what the model has no structure for.

    `heading` is the section's heading in the document (e.g. "Förutsättningar
    måluppfyllelse"), so that nothing a document says is lost.
    """

    heading: str = attrs.field(validator=non_empty)
    text: str = attrs.field(validator=non_empty)

    # The generated repr holds every part and text in full: kilobytes (issue 12 item 5).
    __repr__ = short_repr("heading")


@attrs.frozen(kw_only=True)
class Agreement:
    """A local agreement between municipalities and Arbetsförmedlingen, or one of its annexes.

    `validity` is the period the agreement is in force; `until_further_notice` records
    that it runs *tills vidare* (then `validity`, if given, has no end, and may be absent
    altogether when the document states no start either, as in Sjuhärad 2020).

    Every collection defaults to empty and every optional field to `None`: an annex states
    only part of an agreement, and what a document does not state stays empty rather than
    invented. Cross references (signatures, goals, bodies, tracks to parties and each
    other) are checked when the agreement is built.
    """

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    kind: AgreementKind
    parties: tuple[Party, ...] = attrs.field(default=(), converter=as_tuple)
    purpose: str | None = None
    annex: Annex | None = None
    document_date: date | None = None
    validity: Period | None = None
    until_further_notice: bool = False
    signatures: tuple[Signature, ...] = attrs.field(default=(), converter=as_tuple)
    revision_plan: RevisionPlan | None = None
    revisions: tuple[Revision, ...] = attrs.field(default=(), converter=as_tuple)
    goals: tuple[Goal, ...] = attrs.field(default=(), converter=as_tuple)
    target_groups: tuple[TargetGroup, ...] = attrs.field(default=(), converter=as_tuple)
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=as_tuple)
    programmes: tuple[Programme, ...] = attrs.field(default=(), converter=as_tuple)
    tracks: tuple[Track, ...] = attrs.field(default=(), converter=as_tuple)
    process_models: tuple[ProcessModel, ...] = attrs.field(default=(), converter=as_tuple)
    organisation: Organisation | None = None
    follow_up: FollowUpPlan | None = None
    state_grants: tuple[StateGrant, ...] = attrs.field(default=(), converter=as_tuple)
    focus_areas: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=as_tuple)
    source: SourceRef | None = None

    def __attrs_post_init__(self) -> None:
        problems = list(_reference_problems(self))
        if self.until_further_notice and self.validity and self.validity.end is not None:
            problems.append(
                Problem.of(
                    "until_further_notice",
                    "error.agreement.until_further_notice_end",
                    mask_value(self.validity.end),
                )
            )
        if problems:
            raise ValidationError(problems)

    def __repr__(self) -> str:
        # The generated repr of a whole agreement runs to pages; keep it to what identifies it.
        return (
            f"Agreement(id={self.id!r}, title={self.title!r}, kind={self.kind.value!r}, "
            f"parties={len(self.parties)}, goals={len(self.goals)})"
        )

    def _repr_html_(self) -> str:
        """A compact overview for notebooks: facts, parties, goals with their kind and
        targets, target groups, tracks and bodies, as accessible tables.

        Labels are in the current language of [`dua.i18n`][dua.i18n] (Swedish unless
        English is chosen), with the other in tooltips; a notebook's display hook takes no
        language argument. The agreement's own words stay as written.
        """
        h = _html
        lang = i18n.get_language()
        validity = None
        if self.validity is not None:
            validity = str(self.validity)
        elif self.until_further_notice:
            validity = i18n.text("report.until")
        parts = [
            h.facts(
                self.title,
                [
                    ("Id", self.id),
                    (("Slag", "Kind"), self.kind.label()),
                    (("Dokument", "Document"), None if self.annex is None else self.annex.value),
                    (("Daterad", "Dated"), self.document_date),
                    (("Giltighet", "Validity"), validity),
                    (("Parter", "Parties"), len(self.parties)),
                    (("Mål", "Goals"), len(self.goals)),
                    (("Målgrupper", "Target groups"), len(self.target_groups)),
                    (("Jobbspår", "Tracks"), len(self.tracks)),
                ],
            )
        ]
        if self.parties:
            parts.append(
                h.table(
                    ("Parter", "Parties"),
                    [("Part", "Party"), ("Slag", "Kind"), ("Kommunkod", "Municipality code"),
                     ("Organisationsnummer", "Organisation number")],
                    [(p.name, p.kind.label(), p.municipality_code, p.organisation_number)
                     for p in self.parties],
                )
            )  # fmt: skip
        if self.goals:

            def number(value: Decimal, unit: object) -> str:
                return h.decimal_text(value, lang) + (" %" if unit is Unit.PERCENT else "")

            rows = []
            for goal in self.goals:
                targets = []
                for target in goal.targets:
                    bound = number(target.value, goal.unit)
                    if target.upper is not None:
                        bound = f"{h.decimal_text(target.value, lang)}–{number(target.upper, goal.unit)}"
                    when = target.due or target.period
                    targets.append(
                        f"{target.comparison.value} {bound}"
                        + ("" if when is None else f" ({when})")
                        + (f" [{target.qualifier}]" if target.qualifier else "")
                    )
                targets.extend(
                    f"{s.from_status} → {s.to_status}: {s.comparison.value} "
                    f"{number(s.share_percent, Unit.PERCENT)}"
                    for s in goal.steps
                )
                if goal.direction is not None:
                    targets.append(goal.direction.value)
                units = f"{goal.scope.value}: {', '.join(goal.units)}" if goal.units else None
                text = h.shorten(goal.text)
                rows.append((goal.id, goal.kind.value, text, "; ".join(targets) or None, units))
            parts.append(
                h.table(
                    ("Mål", "Goals"),
                    [("Mål", "Goal"), ("Slag", "Kind"), ("Lydelse", "Text"),
                     ("Målvärden", "Targets"), ("Enheter", "Units")],
                    rows,
                )
            )  # fmt: skip
        if self.target_groups:
            parts.append(
                h.table(
                    ("Målgrupper", "Target groups"),
                    [("Målgrupp", "Target group"), ("Ålder", "Age"),
                     ("Kommuner", "Municipalities"), ("Statistik", "Statistics")],
                    [(g.name, None if g.age_band is None else f"{g.age_band} år",
                      ", ".join(g.municipalities) or None,
                      sum(len(s.figures) for s in g.statistics))
                     for g in self.target_groups],
                    numeric=[3],
                )
            )  # fmt: skip
        if self.tracks:
            parts.append(
                h.table(
                    ("Jobbspår", "Tracks"),
                    [("Spår", "Track"), ("Slag", "Kind"), ("Steg", "Stages"),
                     ("Kommuner", "Municipalities")],
                    [(t.name, t.kind.value, len(t.stages), ", ".join(t.municipalities) or None)
                     for t in self.tracks],
                    numeric=[2],
                )
            )  # fmt: skip
        bodies = self.organisation.bodies if self.organisation else ()
        if bodies:
            body_rows = []
            for body in bodies:
                cadence = body.cadence
                meets = None
                if cadence is not None:
                    meets = cadence.text or cadence.frequency.value
                    if cadence.text is None and cadence.min_times is not None:
                        times = str(cadence.min_times)
                        if cadence.max_times not in (None, cadence.min_times):
                            times += f"–{cadence.max_times}"
                        meets = f"{times} {cadence.frequency.value}"
                body_rows.append((body.name, body.kind.value, meets))
            parts.append(
                h.table(
                    ("Organisation", "Organisation"),
                    [("Organ", "Body"), ("Slag", "Kind"), ("Möts", "Meets")],
                    body_rows,
                )
            )
        return h.block(*parts)

    @property
    def municipalities(self) -> tuple[str, ...]:
        """The SCB codes of the municipality parties, in the order the parties are listed."""
        return tuple(
            party.municipality_code
            for party in self.parties
            if party.kind is PartyKind.MUNICIPALITY and party.municipality_code is not None
        )

    def party(self, party_id: str) -> Party:
        """The party with id `party_id` (`KeyError` if there is none)."""
        return _by_id(self.parties, party_id)

    def goal(self, goal_id: str) -> Goal:
        """The goal with id `goal_id` (`KeyError` if there is none)."""
        return _by_id(self.goals, goal_id)

    def target_group(self, group_id: str) -> TargetGroup:
        """The target group with id `group_id` (`KeyError` if there is none)."""
        return _by_id(self.target_groups, group_id)

    def track(self, track_id: str) -> Track:
        """The track with id `track_id` (`KeyError` if there is none)."""
        return _by_id(self.tracks, track_id)


_Identified = TypeVar("_Identified", Party, Goal, TargetGroup, Track)


def _by_id(items: tuple[_Identified, ...], wanted: str) -> _Identified:
    for item in items:
        if item.id == wanted:
            return item
    raise KeyError(wanted)


def _duplicates(kind: str, ids: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            yield Problem.of(
                f"{kind}[{index}].id", "error.agreement.duplicate_id", mask_value(item_id)
            )
        seen.add(item_id)


def _reference_problems(agreement: Agreement) -> Iterator[Problem]:
    """Every cross reference inside an agreement that points at nothing."""
    party_ids = {p.id for p in agreement.parties}
    track_ids = {t.id for t in agreement.tracks}
    group_ids = {g.id for g in agreement.target_groups}
    goal_ids = {g.id for g in agreement.goals}
    activity_ids = {a.id for a in agreement.activities}
    bodies = agreement.organisation.bodies if agreement.organisation else ()
    body_ids = {b.id for b in bodies}
    municipalities = set(agreement.municipalities)

    for kind, items in (
        ("parties", agreement.parties),
        ("goals", agreement.goals),
        ("target_groups", agreement.target_groups),
        ("activities", agreement.activities),
        ("tracks", agreement.tracks),
        ("process_models", agreement.process_models),
        ("organisation.bodies", bodies),
    ):
        yield from _duplicates(kind, [item.id for item in items])

    def missing(path: str, ref: str | None, known: set[str], key: str) -> Iterator[Problem]:
        if ref is not None and ref not in known:
            yield Problem.of(path, key, mask_value(ref))

    for i, signature in enumerate(agreement.signatures):
        yield from missing(
            f"signatures[{i}].party", signature.party, party_ids, "error.reference.party"
        )
    for i, goal in enumerate(agreement.goals):
        yield from missing(f"goals[{i}].body", goal.body, body_ids, "error.reference.body")
        yield from missing(f"goals[{i}].parent", goal.parent, goal_ids, "error.reference.goal")
        known_units = {
            Scope.MUNICIPALITY: (municipalities, "error.reference.municipality"),
            Scope.TRACK: (track_ids, "error.reference.track"),
            Scope.TARGET_GROUP: (group_ids, "error.reference.target_group"),
            Scope.BODY: (body_ids, "error.reference.body"),
        }.get(goal.scope)
        if known_units is not None:
            known, key = known_units
            for j, unit in enumerate(goal.units):
                yield from missing(f"goals[{i}].units[{j}]", unit, known, key)
    for i, group in enumerate(agreement.target_groups):
        for j, code in enumerate(group.municipalities):
            yield from missing(
                f"target_groups[{i}].municipalities[{j}]",
                code,
                municipalities,
                "error.reference.municipality_party",
            )
        yield from missing(
            f"target_groups[{i}].parent", group.parent, group_ids, "error.reference.target_group"
        )
    for i, activity in enumerate(agreement.activities):
        for j, code in enumerate(activity.municipalities):
            yield from missing(
                f"activities[{i}].municipalities[{j}]",
                code,
                municipalities,
                "error.reference.municipality_party",
            )
        for j, other in enumerate(activity.parallel_to):
            yield from missing(
                f"activities[{i}].parallel_to[{j}]", other, activity_ids, "error.reference.activity"
            )
        for j, group_id in enumerate(activity.target_groups):
            yield from missing(
                f"activities[{i}].target_groups[{j}]",
                group_id,
                group_ids,
                "error.reference.target_group",
            )
    for i, track in enumerate(agreement.tracks):
        for j, code in enumerate(track.municipalities):
            yield from missing(
                f"tracks[{i}].municipalities[{j}]",
                code,
                municipalities,
                "error.reference.municipality_party",
            )
        for j, group_id in enumerate(track.target_groups):
            yield from missing(
                f"tracks[{i}].target_groups[{j}]",
                group_id,
                group_ids,
                "error.reference.target_group",
            )
    for i, model in enumerate(agreement.process_models):
        for j, code in enumerate(model.municipalities):
            yield from missing(
                f"process_models[{i}].municipalities[{j}]",
                code,
                municipalities,
                "error.reference.municipality_party",
            )
        for j, track_id in enumerate(model.tracks):
            yield from missing(
                f"process_models[{i}].tracks[{j}]", track_id, track_ids, "error.reference.track"
            )
    for i, body in enumerate(bodies):
        prefix = f"organisation.bodies[{i}]"
        yield from missing(f"{prefix}.parent", body.parent, body_ids, "error.reference.body")
        for j, member in enumerate(body.members):
            yield from missing(
                f"{prefix}.members[{j}].party", member.party, party_ids, "error.reference.party"
            )
        for j, track_id in enumerate(body.tracks):
            yield from missing(
                f"{prefix}.tracks[{j}]", track_id, track_ids, "error.reference.track"
            )
    if agreement.follow_up is not None:
        yield from missing(
            "follow_up.reporting_to",
            agreement.follow_up.reporting_to,
            body_ids,
            "error.reference.body",
        )
