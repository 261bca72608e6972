"""Hypothesis strategies that generate valid `dua` model objects, for property tests.

Every model class in `dua.model` has a strategy here, named after the class in the plural
(`agreements()`, `parties()`, `goals()`, `persons()` …). Everything they generate is
*valid*: it passes every validator of the model, and `agreements()` also resolves every
cross reference that `Agreement` checks (signatures name parties of the agreement, goal
units name its municipalities, tracks, target groups or bodies, ids are unique), uses real
SCB municipality codes (`dua.municipalities`) and organisation numbers with a correct Luhn
check digit (python-stdnum). Numbers are exact, finite `Decimal`s with up to two decimals,
as documents state them. Lists have at most three items, so that tests stay fast.

Apps that embed `dua` install the `testing` extra (`pip install 'dua-samverkan[testing]'`)
and property-test their own code against what `dua` accepts:

>>> from hypothesis import given, settings
>>> import dua
>>> from dua import testing
>>> @settings(max_examples=10)
... @given(testing.agreements())
... def test_any_agreement_survives_toml(agreement):
...     assert dua.loads_agreement(dua.dumps_agreement(agreement)) == agreement
>>> test_any_agreement_survives_toml()

**References.** A strategy for a part that refers to other parts by id takes the ids it
may refer to (`party_ids=`, `track_ids=` …). Left as `None`, references are arbitrary
identifiers: the part is valid on its own, as the model class checks it. Given a sequence,
references are drawn only from it (an empty sequence: no references), which is how
`agreements()` builds agreements whose references all resolve. Parents (`parent=` of goals,
target groups and bodies) only ever point at *earlier* items, so that no generated
hierarchy has a cycle.

**Text.** Texts mix Swedish letters and characters that are awkward in TOML and JSON
(quotes, backslashes, newlines, tabs, `#`, `=`, brackets) with any other Unicode character,
except surrogate code points (U+D800–U+DFFF), which cannot be encoded as UTF-8, so no
file can hold them. Every control character, U+0000 and the carriage return included,
round-trips through both TOML (as an escape) and JSON. (TOML folds a Windows line break
inside a multi-line string to a plain line feed, so `dua` writes a file whose texts hold
a carriage return with escaped single-line strings instead.)

Sources: the validators of each class in `dua.model`; the SCB municipality codes in
`dua/data/kommuner.csv`; the Luhn check digit of an *organisationsnummer* as
python-stdnum's `stdnum.se.orgnr` checks it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on how dua was installed
    raise ImportError(
        "dua.testing needs Hypothesis: install it with pip install 'dua-samverkan[testing]'"
    ) from exc
from stdnum import luhn

from dua.model import (
    Activity,
    ActivityKind,
    ActivityStatus,
    AgeBand,
    Aggregation,
    Agreement,
    AgreementKind,
    Annex,
    Baseline,
    Body,
    BodyKind,
    Cadence,
    Comparison,
    Content,
    ConversionStep,
    Direction,
    Duration,
    EducationLevel,
    Eligibility,
    Enrolment,
    EnrolmentKind,
    Figure,
    FollowUpPlan,
    Frequency,
    Goal,
    GoalKind,
    Member,
    Organisation,
    Outcome,
    OutcomeEvent,
    Partition,
    Party,
    PartyKind,
    Period,
    Person,
    ProcessModel,
    Programme,
    Qualification,
    QualificationKind,
    Registration,
    ResidenceStatus,
    Revision,
    RevisionPlan,
    Scope,
    Section,
    Sex,
    Signature,
    SocialAssistanceMonth,
    SourceRef,
    Stage,
    StateGrant,
    StatisticsSnapshot,
    Target,
    TargetGroup,
    Track,
    TrackKind,
    TrackParticipation,
    Unit,
)
from dua.municipalities import all_municipalities

__all__ = [
    "TRICKY_CHARACTERS",
    "activities",
    "age_bands",
    "agreements",
    "baselines",
    "bodies",
    "cadences",
    "contents",
    "conversion_steps",
    "dates",
    "decimals",
    "durations",
    "eligibilities",
    "enrolments",
    "figures",
    "follow_up_plans",
    "goals",
    "identifiers",
    "members",
    "municipality_codes",
    "non_empty_texts",
    "organisation_numbers",
    "organisations",
    "outcome_events",
    "parties",
    "partitions",
    "periods",
    "persons",
    "process_models",
    "programmes",
    "qualifications",
    "registrations",
    "revision_plans",
    "revisions",
    "sections",
    "signatures",
    "social_assistance_months",
    "source_refs",
    "stages",
    "state_grants",
    "statistics_snapshots",
    "target_groups",
    "targets",
    "texts",
    "track_participations",
    "tracks",
]

T = TypeVar("T")
Ids = Sequence[str] | None
"""Ids a reference may name: `None` for arbitrary identifiers, else only these."""

# Sizes are small on purpose: an agreement has up to _FEW of each top-level part and up to
# _NESTED items in each list inside a part, which keeps a test run to seconds.
_FEW = 3
_NESTED = 2

TRICKY_CHARACTERS = "åäöÅÄÖéÉü\"'\\\n\r\t #=[]{}.,:;–—%§€\u00a0\u2028\x00\x7f"
"""Characters that texts favour: Swedish letters, and what TOML and JSON must escape or
quote (quotes, backslash, line feed, carriage return, tab, `#`, `=`, brackets, NUL, DEL,
U+2028)."""

_CHARACTERS = st.one_of(
    st.sampled_from(TRICKY_CHARACTERS),
    # The utf-8 codec leaves out the surrogates (see the module docstring).
    st.characters(codec="utf-8"),
)
_ID_FIRST = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÅÄÖåäöÉé"
_ID_REST = _ID_FIRST + "_.-"
_TIME_UNITS = (Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.YEARS, Unit.HOURS)
_NEEDS_TARGETS = {
    GoalKind.LEVEL,
    GoalKind.RELATIVE_CHANGE,
    GoalKind.GROWTH,
    GoalKind.COUNT,
    GoalKind.SHARE,
    GoalKind.MILESTONES,
    GoalKind.CADENCE,
}
_INDICATOR_OPTIONAL = {GoalKind.QUALITATIVE, GoalKind.CADENCE, GoalKind.CONVERSION}
_EARLIEST = date(1990, 1, 1)
_LATEST = date(2040, 12, 31)
_CODES = tuple(municipality.code for municipality in all_municipalities())


def _has_text(text: str) -> bool:
    return bool(text.strip())


def _concat(first: str, rest: str) -> str:
    return first + rest


# Strategies are built once where they take no arguments: building them anew inside every
# draw costs Hypothesis far more time than drawing from them.
_TEXT = st.text(_CHARACTERS, max_size=12)
_NON_EMPTY = st.text(_CHARACTERS, min_size=1, max_size=12).filter(_has_text)
_IDENTIFIER = st.builds(_concat, st.sampled_from(_ID_FIRST), st.text(_ID_REST, max_size=12))
_DATE = st.dates(min_value=_EARLIEST, max_value=_LATEST)
_CODE = st.sampled_from(_CODES)
_BOOL = st.booleans()
_OPTIONAL_TEXT = st.none() | _TEXT
_OPTIONAL_DATE = st.none() | _DATE
_OPTIONAL_BOOL = st.none() | _BOOL
_TEXT_TUPLE = st.lists(_NON_EMPTY, max_size=_NESTED).map(tuple)
_OUTCOMES = st.lists(st.sampled_from(Outcome), max_size=3, unique=True).map(tuple)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


# --- Building blocks -----------------------------------------------------------------------


def texts(*, min_size: int = 0, max_size: int = 12) -> st.SearchStrategy[str]:
    """Texts that an agreement file holds loss-free, favouring `TRICKY_CHARACTERS`.

    Any Unicode character but surrogates, which no UTF-8 file can hold (see the module
    docstring).
    """
    if (min_size, max_size) == (0, 12):
        return _TEXT
    return st.text(_CHARACTERS, min_size=min_size, max_size=max_size)


def non_empty_texts(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Texts with at least one non-blank character, as the models' `non_empty` fields need."""
    if max_size == 12:
        return _NON_EMPTY
    return st.text(_CHARACTERS, min_size=1, max_size=max_size).filter(_has_text)


def identifiers() -> st.SearchStrategy[str]:
    """Identifiers for cross references: a letter or digit, then letters, digits, `_.-`.

    Swedish letters included (e.g. `borås-vård`), as `dua.model` allows them in ids.
    """
    return _IDENTIFIER


def dates(*, min_value: date = _EARLIEST, max_value: date = _LATEST) -> st.SearchStrategy[date]:
    """Dates between `min_value` and `max_value` (by default 1990-01-01 to 2040-12-31)."""
    if (min_value, max_value) == (_EARLIEST, _LATEST):
        return _DATE
    return st.dates(min_value=min_value, max_value=max_value)


@functools.lru_cache(maxsize=64)
def _decimals(
    min_value: Decimal | int | None, max_value: Decimal | int | None, max_places: int
) -> st.SearchStrategy[Decimal]:
    return st.one_of(
        *(
            st.decimals(
                min_value=min_value,
                max_value=max_value,
                places=places,
                allow_nan=False,
                allow_infinity=False,
            )
            for places in range(max_places + 1)
        )
    )


def decimals(
    *,
    min_value: Decimal | int | None = -1_000_000,
    max_value: Decimal | int | None = 1_000_000,
    max_places: int = 2,
) -> st.SearchStrategy[Decimal]:
    """Finite `Decimal`s with 0 to `max_places` decimals, as a document states a number.

    The number of places is part of the value (`Decimal("21.0")` stays apart from
    `Decimal("21")` when written), so that tests see the stated precision kept.
    """
    return _decimals(min_value, max_value, max_places)


def municipality_codes() -> st.SearchStrategy[str]:
    """SCB codes of real municipalities (`dua.municipalities.all_municipalities()`)."""
    return _CODE


def _with_check_digit(head: int, third: int, tail: str) -> str:
    digits = f"{head}{third}{tail}"
    number = digits + luhn.calc_check_digit(digits)
    return f"{number[:6]}-{number[6:]}"


_ORGANISATION_NUMBER = st.builds(
    _with_check_digit,
    st.integers(min_value=10, max_value=99),
    st.integers(min_value=2, max_value=9),
    st.text("0123456789", min_size=6, max_size=6),
)


def organisation_numbers() -> st.SearchStrategy[str]:
    """Organisation numbers `NNNNNN-NNNN` with a correct Luhn check digit (python-stdnum).

    The third digit is 2 or more, as in the numbers of legal persons: their "month"
    position of 20 or more sets them apart from personal identity numbers (Skatteverket,
    SKV 709 *Organisationsnummer*).
    """
    return _ORGANISATION_NUMBER


@functools.lru_cache(maxsize=256)
def _ref_lists(pool: tuple[str, ...], max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(pool), max_size=max_size, unique=True)


def _refs(
    draw: st.DrawFn,
    pool: Ids,
    *,
    max_size: int = _NESTED,
    arbitrary: st.SearchStrategy[str] = _IDENTIFIER,
) -> tuple[str, ...]:
    """A few distinct references: from `pool`, or arbitrary ones when `pool` is `None`."""
    if pool is None:
        return tuple(draw(st.lists(arbitrary, max_size=max_size, unique=True)))
    if not pool:
        return ()
    return tuple(draw(_ref_lists(tuple(pool), max_size)))


def _ref(draw: st.DrawFn, pool: Ids) -> str | None:
    """An optional reference: from `pool`, or an arbitrary identifier when `pool` is `None`."""
    if pool is None:
        return draw(_optional(_IDENTIFIER))
    if not pool or draw(_BOOL):
        return None
    return draw(st.sampled_from(tuple(pool)))


def _unique_ids(max_size: int = _FEW) -> st.SearchStrategy[list[str]]:
    return st.lists(_IDENTIFIER, max_size=max_size, unique=True)


def _id(draw: st.DrawFn, value: str | None) -> str:
    return draw(_IDENTIFIER) if value is None else value


# --- Base types ------------------------------------------------------------------------------


@st.composite
def _age_bands(draw: st.DrawFn) -> AgeBand:
    low = draw(st.integers(min_value=0, max_value=70))
    high = draw(_optional(st.integers(min_value=low, max_value=low + 30)))
    return AgeBand(min_age=low, max_age=high)


_AGE_BAND = _age_bands()


def age_bands() -> st.SearchStrategy[AgeBand]:
    """`AgeBand`s: a lower age 0–70 and no upper age, or one at or above the lower age."""
    return _AGE_BAND


@st.composite
def _periods(draw: st.DrawFn, min_start: date) -> Period:
    start = draw(dates(min_value=min_start))
    days = draw(_optional(st.integers(min_value=0, max_value=3650)))
    return Period(start=start, end=None if days is None else start + timedelta(days=days))


_PERIOD = _periods(_EARLIEST)


def periods(*, min_start: date = _EARLIEST) -> st.SearchStrategy[Period]:
    """`Period`s: a start and either no end (*tills vidare*) or an end on or after it."""
    return _PERIOD if min_start == _EARLIEST else _periods(min_start)


@st.composite
def _cadences(draw: st.DrawFn) -> Cadence:
    frequency = draw(st.sampled_from(Frequency))
    low: int | None = draw(st.integers(min_value=0, max_value=52))
    if frequency is not Frequency.TIMES_PER_YEAR and draw(_BOOL):
        low = None
    high = draw(_optional(st.integers(min_value=low or 0, max_value=60)))
    months = draw(st.lists(st.integers(min_value=1, max_value=12), max_size=_NESTED, unique=True))
    return Cadence(
        frequency=frequency,
        min_times=low,
        max_times=high,
        months=tuple(sorted(months)),
        approximate=draw(_BOOL),
        text=draw(_OPTIONAL_TEXT),
    )


_CADENCE = _cadences()


def cadences() -> st.SearchStrategy[Cadence]:
    """`Cadence`s; *gånger per år* always with `min_times`, `max_times` never below it."""
    return _CADENCE


_SOURCE_REF = st.builds(
    SourceRef,
    document=_NON_EMPTY,
    locator=_OPTIONAL_TEXT,
    url=_optional(st.just("https://www.riksdagen.se/sv/dokument-och-lagar/") | _TEXT),
    note=_OPTIONAL_TEXT,
)


def source_refs() -> st.SearchStrategy[SourceRef]:
    """`SourceRef`s: a document name and an optional locator, address and note."""
    return _SOURCE_REF


@st.composite
def _durations(draw: st.DrawFn) -> Duration:
    amount = decimals(min_value=0, max_value=1000)
    low = draw(_optional(amount))
    high = draw(amount) if low is None else draw(_optional(amount))
    if low is not None and high is not None and high < low:
        low, high = high, low
    return Duration(
        minimum=low,
        maximum=high,
        unit=draw(st.sampled_from(_TIME_UNITS)),
        approximate=draw(_BOOL),
    )


_DURATION = _durations()


def durations() -> st.SearchStrategy[Duration]:
    """`Duration`s in a unit of time, with a minimum, a maximum or both (never inverted)."""
    return _DURATION


# --- Parties ---------------------------------------------------------------------------------


@st.composite
def _parties(
    draw: st.DrawFn, id: str | None, kind: PartyKind | None, municipality_code: str | None
) -> Party:
    chosen = kind if kind is not None else draw(st.sampled_from(PartyKind))
    code = None
    if chosen is PartyKind.MUNICIPALITY:
        code = municipality_code or draw(_CODE)
    return Party(
        id=_id(draw, id),
        kind=chosen,
        name=draw(_NON_EMPTY),
        organisation_number=draw(_optional(_ORGANISATION_NUMBER)),
        municipality_code=code,
        unit=draw(_OPTIONAL_TEXT),
    )


def parties(
    *,
    id: str | None = None,
    kind: PartyKind | None = None,
    municipality_code: str | None = None,
) -> st.SearchStrategy[Party]:
    """`Party`s; a municipality party always has a real SCB code, other parties none.

    Args:
        id: the party's id (drawn if `None`).
        kind: the party's kind (drawn if `None`).
        municipality_code: the code a municipality party gets (drawn if `None`).
    """
    return _parties(id, kind, municipality_code)


# --- Target groups and statistics ------------------------------------------------------------


@st.composite
def _figures(draw: st.DrawFn, id: str | None, figure_ids: Ids) -> Figure:
    unit = draw(st.sampled_from(Unit))
    value = draw(decimals(min_value=0) if unit is Unit.COUNT else decimals())
    return Figure(
        id=_id(draw, id),
        label=draw(_NON_EMPTY),
        value=value,
        unit=unit,
        of=_ref(draw, figure_ids),
        numerator=_ref(draw, figure_ids) if unit is Unit.PERCENT else None,
        categories=draw(st.dictionaries(non_empty_texts(max_size=8), _TEXT, max_size=2)),
        note=draw(_OPTIONAL_TEXT),
        within=_ref(draw, figure_ids),
    )


def figures(*, id: str | None = None, figure_ids: Ids = None) -> st.SearchStrategy[Figure]:
    """`Figure`s: counts are never negative; only a share (`procent`) has a numerator.

    Args:
        id: the figure's id (drawn if `None`).
        figure_ids: the ids `of` and `numerator` may name (arbitrary if `None`).
    """
    return _figures(id, figure_ids)


@st.composite
def _partitions(draw: st.DrawFn, id: str | None, figure_ids: Ids) -> Partition:
    if figure_ids is None:
        pool = draw(st.lists(_IDENTIFIER, min_size=2, max_size=4, unique=True))
    else:
        pool = list(dict.fromkeys(figure_ids))
    total = draw(st.sampled_from(pool))
    others = [figure for figure in pool if figure != total]
    parts = draw(st.lists(st.sampled_from(others), min_size=1, max_size=_FEW, unique=True))
    return Partition(
        id=_id(draw, id),
        total=total,
        parts=tuple(parts),
        complete=draw(_BOOL),
        label=draw(_OPTIONAL_TEXT),
    )


def partitions(*, id: str | None = None, figure_ids: Ids = None) -> st.SearchStrategy[Partition]:
    """`Partition`s: a total and at least one part, the total not among its parts.

    Args:
        id: the partition's id (drawn if `None`).
        figure_ids: the figures total and parts are drawn from (arbitrary if `None`);
            at least two are needed.

    Raises:
        ValueError: fewer than two distinct `figure_ids`.
    """
    if figure_ids is not None and len(set(figure_ids)) < 2:
        raise ValueError("a partition needs at least two figure ids to choose from")
    return _partitions(id, figure_ids)


@st.composite
def _statistics_snapshots(draw: st.DrawFn, id: str | None) -> StatisticsSnapshot:
    ids = draw(_unique_ids())
    stated = tuple(
        draw(_figures(figure_id, [other for other in ids if other != figure_id]))
        for figure_id in ids
    )
    parts: tuple[Partition, ...] = ()
    if len(ids) >= 2:
        parts = tuple(draw(_partitions(pid, ids)) for pid in draw(_unique_ids(_NESTED)))
    return StatisticsSnapshot(
        id=_id(draw, id),
        title=draw(_NON_EMPTY),
        source=draw(_SOURCE_REF),
        as_of=draw(_OPTIONAL_DATE),
        as_of_text=draw(_OPTIONAL_TEXT),
        figures=stated,
        partitions=parts,
        note=draw(_OPTIONAL_TEXT),
    )


def statistics_snapshots(*, id: str | None = None) -> st.SearchStrategy[StatisticsSnapshot]:
    """`StatisticsSnapshot`s with unique figure ids and references that resolve.

    Args:
        id: the snapshot's id (drawn if `None`).
    """
    return _statistics_snapshots(id)


@st.composite
def _target_groups(
    draw: st.DrawFn, id: str | None, codes: Ids, target_group_ids: Ids
) -> TargetGroup:
    return TargetGroup(
        id=_id(draw, id),
        name=draw(_NON_EMPTY),
        age_band=draw(_optional(_AGE_BAND)),
        situations=draw(_TEXT_TUPLE),
        municipalities=_refs(draw, codes, arbitrary=_CODE),
        parent=_ref(draw, target_group_ids),
        description=draw(_OPTIONAL_TEXT),
        statistics=tuple(draw(_statistics_snapshots(sid)) for sid in draw(_unique_ids(_NESTED))),
    )


def target_groups(
    *,
    id: str | None = None,
    municipality_codes: Ids = None,
    target_group_ids: Ids = None,
) -> st.SearchStrategy[TargetGroup]:
    """`TargetGroup`s with up to two statistics snapshots.

    Args:
        id: the group's id (drawn if `None`).
        municipality_codes: the codes `municipalities` is drawn from (any real code if
            `None`).
        target_group_ids: the ids `parent` may name (arbitrary if `None`).
    """
    return _target_groups(id, municipality_codes, target_group_ids)


# --- Activities and programmes ---------------------------------------------------------------

_ELIGIBILITY = st.builds(
    Eligibility,
    age_band=_optional(_AGE_BAND),
    priority_age_band=_optional(_AGE_BAND),
    situations=_TEXT_TUPLE,
    text=_OPTIONAL_TEXT,
)


def eligibilities() -> st.SearchStrategy[Eligibility]:
    """`Eligibility`s: optional age bands (one with priority), situations and wording."""
    return _ELIGIBILITY


@st.composite
def _activities(
    draw: st.DrawFn, id: str | None, activity_ids: Ids, target_group_ids: Ids, codes: Ids
) -> Activity:
    return Activity(
        id=_id(draw, id),
        name=draw(_NON_EMPTY),
        kind=draw(st.sampled_from(ActivityKind)),
        status=draw(st.sampled_from(ActivityStatus)),
        providers=draw(_TEXT_TUPLE),
        lead=draw(_OPTIONAL_TEXT),
        description=draw(_OPTIONAL_TEXT),
        eligibility=draw(_optional(_ELIGIBILITY)),
        programme=draw(_optional(_IDENTIFIER)),
        funding=draw(_TEXT_TUPLE),
        collaborative=draw(_OPTIONAL_BOOL),
        parallel_to=_refs(draw, activity_ids),
        target_groups=_refs(draw, target_group_ids),
        focus_area=draw(_OPTIONAL_TEXT),
        municipalities=_refs(draw, codes, arbitrary=_CODE),
        cadence=draw(_optional(_CADENCE)),
        response_time=draw(_optional(_DURATION)),
        source=draw(_optional(_SOURCE_REF)),
    )


def activities(
    *,
    id: str | None = None,
    activity_ids: Ids = None,
    target_group_ids: Ids = None,
    municipality_codes: Ids = None,
) -> st.SearchStrategy[Activity]:
    """`Activity`s: inventory items (Bilaga 2) and joint work (Bilaga 3).

    Args:
        id: the activity's id (drawn if `None`).
        activity_ids: the ids `parallel_to` is drawn from (arbitrary if `None`).
        target_group_ids: the ids `target_groups` is drawn from (arbitrary if `None`).
        municipality_codes: the codes `municipalities` is drawn from (any real code if
            `None`).
    """
    return _activities(id, activity_ids, target_group_ids, municipality_codes)


@st.composite
def _programmes(draw: st.DrawFn, code: str | None) -> Programme:
    return Programme(
        code=_id(draw, code),
        name_sv=draw(_NON_EMPTY),
        name_en=draw(_NON_EMPTY),
        provider=draw(st.sampled_from(PartyKind)),
        abbreviation=draw(_optional(texts(max_size=6))),
        eligibility=draw(_optional(_ELIGIBILITY)),
        validity=draw(_optional(_PERIOD)),
        description=draw(_OPTIONAL_TEXT),
        sources=tuple(draw(st.lists(_SOURCE_REF, max_size=_NESTED))),
        part_of=draw(_optional(_IDENTIFIER)),
    )


def programmes(*, code: str | None = None) -> st.SearchStrategy[Programme]:
    """`Programme`s: catalogue entries with names in Swedish and English.

    Args:
        code: the programme's code (drawn if `None`).
    """
    return _programmes(code)


# --- Tracks and process models ---------------------------------------------------------------


_CONTENT = st.builds(
    Content,
    name=_NON_EMPTY,
    extent_percent=_optional(decimals(min_value=0, max_value=100)),
    hours=_optional(decimals(min_value=0, max_value=2000)),
    description=_OPTIONAL_TEXT,
)


def contents() -> st.SearchStrategy[Content]:
    """`Content`s: an extent of 0–100 % and non-negative hours where stated."""
    return _CONTENT


@st.composite
def _stages(draw: st.DrawFn, id: str | None, stage_ids: Ids) -> Stage:
    return Stage(
        id=_id(draw, id),
        name=draw(_NON_EMPTY),
        duration=draw(_optional(_DURATION)),
        contents=tuple(draw(st.lists(_CONTENT, max_size=_NESTED))),
        optional=draw(_BOOL),
        parallel_with=_refs(draw, stage_ids),
        prerequisites=draw(_TEXT_TUPLE),
        outcomes=draw(_OUTCOMES),
        provider=draw(_OPTIONAL_TEXT),
        description=draw(_OPTIONAL_TEXT),
        follow_up_after=draw(_optional(_DURATION)),
    )


def stages(*, id: str | None = None, stage_ids: Ids = None) -> st.SearchStrategy[Stage]:
    """`Stage`s of a track or process model.

    Args:
        id: the stage's id (drawn if `None`).
        stage_ids: the ids `parallel_with` is drawn from (arbitrary if `None`).
    """
    return _stages(id, stage_ids)


def _stage_list(draw: st.DrawFn) -> tuple[Stage, ...]:
    ids = draw(_unique_ids())
    return tuple(
        draw(_stages(stage_id, [other for other in ids if other != stage_id])) for stage_id in ids
    )


@st.composite
def _tracks(draw: st.DrawFn, id: str | None, codes: Ids, target_group_ids: Ids) -> Track:
    return Track(
        id=_id(draw, id),
        name=draw(_NON_EMPTY),
        kind=draw(st.sampled_from(TrackKind)),
        municipalities=_refs(draw, codes, arbitrary=_CODE),
        occupational_field=draw(_OPTIONAL_TEXT),
        stages=_stage_list(draw),
        prerequisites=draw(_TEXT_TUPLE),
        outcomes=draw(_OUTCOMES),
        capacity=draw(_optional(st.integers(min_value=0, max_value=500))),
        focus=draw(_TEXT_TUPLE),
        providers=draw(_TEXT_TUPLE),
        target_groups=_refs(draw, target_group_ids),
        description=draw(_OPTIONAL_TEXT),
        status=draw(st.sampled_from(ActivityStatus)),
    )


def tracks(
    *,
    id: str | None = None,
    municipality_codes: Ids = None,
    target_group_ids: Ids = None,
) -> st.SearchStrategy[Track]:
    """`Track`s (*jobbspår*) with uniquely named stages whose references resolve.

    Args:
        id: the track's id (drawn if `None`).
        municipality_codes: the codes `municipalities` is drawn from (any real code if
            `None`).
        target_group_ids: the ids `target_groups` is drawn from (arbitrary if `None`).
    """
    return _tracks(id, municipality_codes, target_group_ids)


@st.composite
def _process_models(
    draw: st.DrawFn, id: str | None, track_ids: Ids, target_group_ids: Ids, codes: Ids
) -> ProcessModel:
    return ProcessModel(
        id=_id(draw, id),
        name=draw(_NON_EMPTY),
        stages=_stage_list(draw),
        tracks=_refs(draw, track_ids),
        target_groups=_refs(draw, target_group_ids),
        description=draw(_OPTIONAL_TEXT),
        municipalities=_refs(draw, codes, arbitrary=_CODE),
        duration=draw(_optional(_DURATION)),
    )


def process_models(
    *,
    id: str | None = None,
    track_ids: Ids = None,
    target_group_ids: Ids = None,
    municipality_codes: Ids = None,
) -> st.SearchStrategy[ProcessModel]:
    """`ProcessModel`s with uniquely named stages, optionally ending in tracks.

    Args:
        id: the model's id (drawn if `None`).
        track_ids: the ids `tracks` is drawn from (arbitrary if `None`).
        target_group_ids: the ids `target_groups` is drawn from (arbitrary if `None`).
        municipality_codes: the codes `municipalities` is drawn from (any real code if
            `None`).
    """
    return _process_models(id, track_ids, target_group_ids, municipality_codes)


# --- Goals -----------------------------------------------------------------------------------


@st.composite
def _targets(draw: st.DrawFn) -> Target:
    comparison = draw(st.sampled_from(Comparison))
    value = draw(decimals())
    upper = value + draw(decimals(min_value=0)) if comparison is Comparison.BETWEEN else None
    return Target(
        comparison=comparison,
        value=value,
        upper=upper,
        due=draw(_OPTIONAL_DATE),
        period=draw(_optional(_PERIOD)),
        qualifier=draw(_OPTIONAL_TEXT),
        text=draw(_OPTIONAL_TEXT),
    )


_TARGET = _targets()


def targets() -> st.SearchStrategy[Target]:
    """`Target`s; a *mellan* (between) target has an upper bound not below its value, and
    no other target has one."""
    return _TARGET


_BASELINE = st.builds(
    Baseline,
    value=decimals(),
    on=_OPTIONAL_DATE,
    period=_optional(_PERIOD),
    text=_OPTIONAL_TEXT,
    source=_optional(_SOURCE_REF),
)


def baselines() -> st.SearchStrategy[Baseline]:
    """`Baseline`s: a value with when and where it was stated."""
    return _BASELINE


_CONVERSION_STEP = st.builds(
    ConversionStep,
    from_status=_NON_EMPTY,
    to_status=_NON_EMPTY,
    share_percent=decimals(min_value=0, max_value=100),
    comparison=st.sampled_from(Comparison),
)


def conversion_steps() -> st.SearchStrategy[ConversionStep]:
    """`ConversionStep`s with a share of 0–100 %."""
    return _CONVERSION_STEP


@st.composite
def _goals(
    draw: st.DrawFn,
    id: str | None,
    kind: GoalKind | None,
    goal_ids: Ids,
    body_ids: Ids,
    codes: Ids,
    track_ids: Ids,
    target_group_ids: Ids,
) -> Goal:
    chosen = kind if kind is not None else draw(st.sampled_from(GoalKind))
    scope = draw(st.sampled_from(Scope))
    units: tuple[str, ...] = ()
    aggregation = None
    if scope is not Scope.AGREEMENT:
        if scope is Scope.MUNICIPALITY:
            units = _refs(draw, codes, max_size=_FEW, arbitrary=_CODE)
        else:
            pool = {Scope.TRACK: track_ids, Scope.TARGET_GROUP: target_group_ids}.get(
                scope, body_ids
            )
            units = _refs(draw, pool, max_size=_FEW)
        aggregation = draw(_optional(st.sampled_from(Aggregation)))
    body = _ref(draw, body_ids)
    indicator = draw(_optional(_NON_EMPTY))
    if chosen not in _INDICATOR_OPTIONAL or (chosen is GoalKind.CADENCE and body is None):
        indicator = indicator or draw(_NON_EMPTY)
    unit = draw(_optional(st.sampled_from(Unit)))
    if chosen is GoalKind.RELATIVE_CHANGE:
        unit = unit or draw(st.sampled_from(Unit))
    steps: list[ConversionStep] = []
    if chosen is GoalKind.CONVERSION:
        steps = draw(st.lists(_CONVERSION_STEP, min_size=1, max_size=_FEW))
    direction = draw(_optional(st.sampled_from(Direction)))
    if chosen is GoalKind.DIRECTION:
        direction = direction or draw(st.sampled_from(Direction))
    least = 1 if chosen in _NEEDS_TARGETS else 0
    return Goal(
        id=_id(draw, id),
        text=draw(_NON_EMPTY),
        kind=chosen,
        indicator=indicator,
        unit=unit,
        targets=tuple(draw(st.lists(_TARGET, min_size=least, max_size=_NESTED))),
        baseline=draw(_optional(_BASELINE)),
        direction=direction,
        steps=tuple(steps),
        scope=scope,
        units=units,
        aggregation=aggregation,
        population=draw(_OPTIONAL_TEXT),
        body=body,
        cadence=draw(_optional(_CADENCE)),
        period=draw(_optional(_PERIOD)),
        parent=_ref(draw, goal_ids),
        source=draw(_optional(_SOURCE_REF)),
    )


def goals(
    *,
    id: str | None = None,
    kind: GoalKind | None = None,
    goal_ids: Ids = None,
    body_ids: Ids = None,
    municipality_codes: Ids = None,
    track_ids: Ids = None,
    target_group_ids: Ids = None,
) -> st.SearchStrategy[Goal]:
    """`Goal`s of every kind, each with what its kind requires (DOMAIN.md §5).

    Targets where the kind needs them, an indicator unless the kind may go without, steps
    only for a conversion chain, a direction for a direction goal, a unit for a relative
    goal, and units and an aggregation only with a scope other than the whole agreement;
    the units are drawn from the ids of the scope's kind.

    Args:
        id: the goal's id (drawn if `None`).
        kind: the goal's kind (drawn if `None`).
        goal_ids: the ids `parent` may name (arbitrary if `None`).
        body_ids: the ids `body` and per-body units may name (arbitrary if `None`).
        municipality_codes: the codes per-municipality units are drawn from (any real
            code if `None`).
        track_ids: the ids per-track units are drawn from (arbitrary if `None`).
        target_group_ids: the ids per-target-group units are drawn from (arbitrary if
            `None`).
    """
    return _goals(id, kind, goal_ids, body_ids, municipality_codes, track_ids, target_group_ids)


# --- Organisation ----------------------------------------------------------------------------


@st.composite
def _members(draw: st.DrawFn, party_ids: Ids) -> Member:
    return Member(
        role=draw(_NON_EMPTY),
        party=_ref(draw, party_ids),
        count=draw(_optional(st.integers(min_value=0, max_value=20))),
        name=draw(_OPTIONAL_TEXT),
    )


def members(*, party_ids: Ids = None) -> st.SearchStrategy[Member]:
    """`Member`s of a body: a role, and optionally the party they represent.

    Args:
        party_ids: the ids `party` may name (arbitrary if `None`).
    """
    return _members(party_ids)


@st.composite
def _bodies(draw: st.DrawFn, id: str | None, body_ids: Ids, party_ids: Ids, track_ids: Ids) -> Body:
    return Body(
        id=_id(draw, id),
        kind=draw(st.sampled_from(BodyKind)),
        name=draw(_NON_EMPTY),
        members=tuple(draw(st.lists(_members(party_ids), max_size=_NESTED))),
        size=draw(_optional(st.integers(min_value=0, max_value=30))),
        cadence=draw(_optional(_CADENCE)),
        tasks=draw(_TEXT_TUPLE),
        tracks=_refs(draw, track_ids),
        parent=_ref(draw, body_ids),
        description=draw(_OPTIONAL_TEXT),
        status=draw(st.sampled_from(ActivityStatus)),
    )


def bodies(
    *,
    id: str | None = None,
    body_ids: Ids = None,
    party_ids: Ids = None,
    track_ids: Ids = None,
) -> st.SearchStrategy[Body]:
    """`Body`s: steering, management, working and other groups.

    Args:
        id: the body's id (drawn if `None`).
        body_ids: the ids `parent` may name (arbitrary if `None`).
        party_ids: the ids members' `party` may name (arbitrary if `None`).
        track_ids: the ids `tracks` is drawn from (arbitrary if `None`).
    """
    return _bodies(id, body_ids, party_ids, track_ids)


@st.composite
def _organisations(draw: st.DrawFn, party_ids: Ids, track_ids: Ids) -> Organisation:
    ids = draw(_unique_ids())
    return Organisation(
        bodies=tuple(
            draw(_bodies(body_id, ids[:index], party_ids, track_ids))
            for index, body_id in enumerate(ids)
        ),
        description=draw(_OPTIONAL_TEXT),
    )


def organisations(
    *, party_ids: Ids = None, track_ids: Ids = None
) -> st.SearchStrategy[Organisation]:
    """`Organisation`s: bodies with unique ids, each body's parent an earlier body.

    Args:
        party_ids: the ids members' `party` may name (arbitrary if `None`).
        track_ids: the ids bodies' `tracks` are drawn from (arbitrary if `None`).
    """
    return _organisations(party_ids, track_ids)


# --- The agreement's own parts ---------------------------------------------------------------


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


# --- People ----------------------------------------------------------------------------------


def qualifications(*, after: date = _EARLIEST) -> st.SearchStrategy[Qualification]:
    """`Qualification`s (school documents) received on or after `after`."""
    return st.builds(
        Qualification, kind=st.sampled_from(QualificationKind), on=dates(min_value=after)
    )


@st.composite
def _enrolments(draw: st.DrawFn, after: date) -> Enrolment:
    period = draw(periods(min_start=after))
    return Enrolment(
        kind=draw(st.sampled_from(EnrolmentKind)),
        start=period.start,
        end=period.end,
        provider=draw(_OPTIONAL_TEXT),
        programme=draw(_OPTIONAL_TEXT),
    )


def enrolments(*, after: date = _EARLIEST) -> st.SearchStrategy[Enrolment]:
    """`Enrolment`s that start on or after `after` and end (if they have) after the start."""
    return _enrolments(after)


_CATEGORIES = st.sampled_from(("11", "14", "69", "70", "98"))
_PROGRAMME_CODES = st.sampled_from(("uga", "job", "etablering")) | _TEXT


@st.composite
def _registrations(draw: st.DrawFn, after: date) -> Registration:
    period = draw(periods(min_start=after))
    category = draw(_optional(_CATEGORIES))
    programme = draw(_PROGRAMME_CODES) if category is None else draw(_optional(_PROGRAMME_CODES))
    return Registration(start=period.start, end=period.end, category=category, programme=programme)


def registrations(*, after: date = _EARLIEST) -> st.SearchStrategy[Registration]:
    """`Registration`s at Arbetsförmedlingen with a category code, a programme or both.

    Category codes are among those the Hällefors seed uses (11, 14, 69) and a few more.
    """
    return _registrations(after)


@st.composite
def _track_participations(draw: st.DrawFn, track_ids: Ids, after: date) -> TrackParticipation:
    period = draw(periods(min_start=after))
    outcome = draw(_optional(st.sampled_from(Outcome)))
    outcome_on = None
    if outcome is not None:
        days = draw(st.integers(min_value=0, max_value=180))
        outcome_on = (period.end or period.start) + timedelta(days=days)
    return TrackParticipation(
        track=draw(_IDENTIFIER if track_ids is None else st.sampled_from(tuple(track_ids))),
        start=period.start,
        end=period.end,
        outcome=outcome,
        outcome_on=outcome_on,
    )


def track_participations(
    *, track_ids: Ids = None, after: date = _EARLIEST
) -> st.SearchStrategy[TrackParticipation]:
    """`TrackParticipation`s; an outcome always comes with its date and vice versa.

    Args:
        track_ids: the ids `track` is drawn from (arbitrary if `None`).
        after: the earliest start.

    Raises:
        ValueError: `track_ids` is empty (a participation always names a track).
    """
    if track_ids is not None and not track_ids:
        raise ValueError("a participation names a track: give at least one track id")
    return _track_participations(track_ids, after)


@st.composite
def _outcome_events(draw: st.DrawFn, after: date) -> OutcomeEvent:
    period = draw(periods(min_start=after))
    return OutcomeEvent(outcome=draw(st.sampled_from(Outcome)), on=period.start, end=period.end)


def outcome_events(*, after: date = _EARLIEST) -> st.SearchStrategy[OutcomeEvent]:
    """`OutcomeEvent`s: a start of work, studies or own business on or after `after`, and
    an end on or after the start once it has ended."""
    return _outcome_events(after)


def social_assistance_months(
    *, min_year: int = 1990, max_year: int = 2040
) -> st.SearchStrategy[SocialAssistanceMonth]:
    """`SocialAssistanceMonth`s: a year from `min_year` to `max_year` and a month 1–12."""
    return st.builds(
        SocialAssistanceMonth,
        year=st.integers(min_value=min_year, max_value=max_year),
        month=st.integers(min_value=1, max_value=12),
    )


def _month_key(month: SocialAssistanceMonth) -> tuple[int, int]:
    return (month.year, month.month)


_PSEUDONYM = st.text("0123456789abcdef", min_size=16, max_size=16)


@st.composite
def _persons(draw: st.DrawFn, key: str | None, track_ids: Ids) -> Person:
    born = draw(dates(min_value=date(1960, 1, 1), max_value=date(2020, 12, 31)))
    months = draw(
        st.lists(social_assistance_months(min_year=born.year), max_size=_FEW, unique_by=_month_key)
    )
    participations: list[TrackParticipation] = []
    if track_ids is None or track_ids:
        participations = draw(st.lists(_track_participations(track_ids, born), max_size=_NESTED))
    return Person(
        key=draw(_PSEUDONYM) if key is None else key,
        birth_date=born,
        sex=draw(_optional(st.sampled_from(Sex))),
        home_municipality=draw(_optional(_CODE)),
        residence=draw(_optional(st.sampled_from(ResidenceStatus))),
        registered_in_sweden=draw(_optional(dates(min_value=born))),
        education=draw(_optional(st.sampled_from(EducationLevel))),
        qualifications=tuple(draw(st.lists(qualifications(after=born), max_size=_NESTED))),
        enrolments=tuple(draw(st.lists(_enrolments(born), max_size=_NESTED))),
        registrations=tuple(draw(st.lists(_registrations(born), max_size=_NESTED))),
        tracks=tuple(participations),
        outcomes=tuple(draw(st.lists(outcome_events(after=born), max_size=_NESTED))),
        social_assistance=tuple(sorted(months, key=_month_key)),
        foreign_born=draw(_OPTIONAL_BOOL),
        disability=draw(_OPTIONAL_BOOL),
        newly_arrived=draw(_OPTIONAL_BOOL),
    )


def persons(*, key: str | None = None, track_ids: Ids = None) -> st.SearchStrategy[Person]:
    """`Person`s under a pseudonymous key (never a personal identity number).

    Dated histories (enrolments, registrations, tracks, outcomes, months of social
    assistance) start no earlier than the birth date.

    Args:
        key: the person's key (a 16-digit hexadecimal pseudonym is drawn if `None`).
        track_ids: the ids track participations name (arbitrary if `None`; none if empty).
    """
    return _persons(key, track_ids)
