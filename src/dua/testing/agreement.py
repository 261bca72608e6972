"""Strategies for `dua.model.agreement`: signatures, revisions, plans, state grants,
sections, and whole agreements whose every cross reference resolves."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from dua.model import (
    Agreement,
    AgreementKind,
    Annex,
    FollowUpPlan,
    Revision,
    RevisionPlan,
    Section,
    Signature,
    StateGrant,
)
from dua.testing._base import (
    _BOOL,
    _CADENCE,
    _CODE,
    _DATE,
    _DURATION,
    _FEW,
    _IDENTIFIER,
    _NESTED,
    _NON_EMPTY,
    _OPTIONAL_DATE,
    _OPTIONAL_TEXT,
    _PERIOD,
    _SOURCE_REF,
    _TEXT_TUPLE,
    Ids,
    _optional,
    _ref,
    _unique_ids,
    decimals,
    non_empty_texts,
    texts,
)
from dua.testing.activity import _activities
from dua.testing.goal import _goals
from dua.testing.organisation import _organisations
from dua.testing.party import _parties
from dua.testing.programme import _programmes
from dua.testing.target_group import _target_groups
from dua.testing.track import _process_models, _tracks


def signatures(*, party_ids: Ids = None) -> st.SearchStrategy[Signature]:
    """`Signature`s: the party that signed, and optionally who, in what role, where, when.

    Args:
        party_ids: the ids `party` is drawn from (arbitrary if `None`).

    Raises:
        ValueError: `party_ids` is empty (a signature always names a party).
    """
    if party_ids is not None and not party_ids:
        raise ValueError("a signature names a party: give at least one party id")
    return st.builds(
        Signature,
        party=_IDENTIFIER if party_ids is None else st.sampled_from(tuple(party_ids)),
        signatory=_OPTIONAL_TEXT,
        role=_OPTIONAL_TEXT,
        place=_OPTIONAL_TEXT,
        on=_OPTIONAL_DATE,
    )


_REVISION = st.builds(
    Revision, on=_DATE, description=_NON_EMPTY, sections=_TEXT_TUPLE, on_text=_OPTIONAL_TEXT
)


def revisions() -> st.SearchStrategy[Revision]:
    """`Revision`s made: a date, what changed, and which sections."""
    return _REVISION


def _sorted_dates(days: list[date]) -> tuple[date, ...]:
    return tuple(sorted(days))


_REVISION_PLAN = st.builds(
    RevisionPlan,
    dates=st.lists(_DATE, max_size=_NESTED).map(_sorted_dates),
    cadence=_optional(_CADENCE),
    focus=_TEXT_TUPLE,
    text=_OPTIONAL_TEXT,
)


def revision_plans() -> st.SearchStrategy[RevisionPlan]:
    """`RevisionPlan`s: dates and/or a cadence, with focus themes."""
    return _REVISION_PLAN


@st.composite
def _follow_up_plans(draw: st.DrawFn, body_ids: Ids) -> FollowUpPlan:
    return FollowUpPlan(
        cadence=draw(_optional(_CADENCE)),
        statistics_updates=draw(_optional(_CADENCE)),
        perspectives=draw(_TEXT_TUPLE),
        indicators=draw(_TEXT_TUPLE),
        reporting_to=_ref(draw, body_ids),
        description=draw(_OPTIONAL_TEXT),
    )


def follow_up_plans(*, body_ids: Ids = None) -> st.SearchStrategy[FollowUpPlan]:
    """`FollowUpPlan`s: cadences, perspectives, indicators and the body reported to.

    Args:
        body_ids: the ids `reporting_to` may name (arbitrary if `None`).
    """
    return _follow_up_plans(body_ids)


_STATE_GRANT = st.builds(
    StateGrant,
    period=_PERIOD,
    purpose=_NON_EMPTY,
    amount_sek=_optional(decimals(min_value=0, max_value=100_000_000)),
    grantor=_OPTIONAL_TEXT,
    period_text=_OPTIONAL_TEXT,
    duration=_optional(_DURATION),
)


def state_grants() -> st.SearchStrategy[StateGrant]:
    """`StateGrant`s: a period, a purpose and an optional non-negative amount in kronor."""
    return _STATE_GRANT


_SECTION = st.builds(Section, heading=_NON_EMPTY, text=non_empty_texts(max_size=40))


def sections() -> st.SearchStrategy[Section]:
    """`Section`s: a heading and its text, both non-empty."""
    return _SECTION


@st.composite
def _agreements(draw: st.DrawFn) -> Agreement:
    party_ids = draw(_unique_ids())
    codes = draw(st.lists(_CODE, min_size=_FEW, max_size=_FEW, unique=True))
    the_parties = tuple(
        draw(_parties(party_id, None, code))
        for party_id, code in zip(party_ids, codes, strict=False)
    )
    own_codes = [p.municipality_code for p in the_parties if p.municipality_code is not None]
    group_ids = draw(_unique_ids())
    groups = tuple(
        draw(_target_groups(gid, own_codes, group_ids[:index]))
        for index, gid in enumerate(group_ids)
    )
    track_ids = draw(_unique_ids())
    the_tracks = tuple(draw(_tracks(tid, own_codes, group_ids)) for tid in track_ids)
    organisation = draw(_optional(_organisations(party_ids, track_ids)))
    body_ids = [body.id for body in organisation.bodies] if organisation else []
    goal_ids = draw(_unique_ids())
    the_goals = tuple(
        draw(_goals(gid, None, goal_ids[:index], body_ids, own_codes, track_ids, group_ids))
        for index, gid in enumerate(goal_ids)
    )
    activity_ids = draw(_unique_ids())
    the_activities = tuple(
        draw(
            _activities(
                aid, [other for other in activity_ids if other != aid], group_ids, own_codes
            )
        )
        for aid in activity_ids
    )
    models = tuple(
        draw(_process_models(mid, track_ids, group_ids, own_codes))
        for mid in draw(_unique_ids(_NESTED))
    )
    validity = draw(_optional(_PERIOD))
    # "Tills vidare": an agreement that runs until further notice has no end date.
    until_further_notice = (validity is None or validity.end is None) and draw(_BOOL)
    the_signatures: list[Signature] = []
    if party_ids:
        the_signatures = draw(st.lists(signatures(party_ids=party_ids), max_size=len(party_ids)))
    return Agreement(
        id=draw(_IDENTIFIER),
        title=draw(_NON_EMPTY),
        kind=draw(st.sampled_from(AgreementKind)),
        parties=the_parties,
        purpose=draw(_optional(texts(max_size=40))),
        annex=draw(_optional(st.sampled_from(Annex))),
        document_date=draw(_OPTIONAL_DATE),
        validity=validity,
        until_further_notice=until_further_notice,
        signatures=tuple(the_signatures),
        revision_plan=draw(_optional(_REVISION_PLAN)),
        revisions=tuple(draw(st.lists(_REVISION, max_size=_NESTED))),
        goals=the_goals,
        target_groups=groups,
        activities=the_activities,
        programmes=tuple(draw(_programmes(code)) for code in draw(_unique_ids(_NESTED))),
        tracks=the_tracks,
        process_models=models,
        organisation=organisation,
        follow_up=draw(_optional(_follow_up_plans(body_ids))),
        state_grants=tuple(draw(st.lists(_STATE_GRANT, max_size=_NESTED))),
        focus_areas=draw(st.lists(_NON_EMPTY, max_size=_FEW).map(tuple)),
        sections=tuple(draw(st.lists(_SECTION, max_size=_NESTED))),
        source=draw(_optional(_SOURCE_REF)),
    )


_AGREEMENT = _agreements()


def agreements() -> st.SearchStrategy[Agreement]:
    """Valid `Agreement`s whose every cross reference resolves.

    Up to three parties (municipality parties with distinct real codes) and up to three of
    each other part. Signatures name parties of the agreement; goals, target groups,
    tracks, activities, process models and bodies refer only to ids and municipality codes
    of the same agreement; ids are unique within each kind of part; parents are earlier
    items, so that hierarchies have no cycles.
    """
    return _AGREEMENT
