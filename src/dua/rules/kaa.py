"""KAA: the municipal activity responsibility (*kommunernas aktivitetsansvar*).

**The rule in plain words** (skollagen (SFS 2010:800) 29 kap. 9 §). A home municipality must
keep itself informed about, offer measures to, document and register the young people who

1. **have not turned 20**: covered up to and including the day before the 20th birthday
   (see [`dua.rules.dates`][dua.rules.dates] for birthdays, including 29 February);
2. **have completed compulsory schooling** (*fullgjort skolplikten*), or were registered in
   Sweden when they no longer had compulsory schooling. Compulsory schooling ends with the
   spring term of the year a child turns 16 (7 kap. 10 and 12 §§; taken as 30 June), earlier
   for a pupil with a final compulsory-school certificate, later for a pupil still enrolled
   in compulsory school (7 kap. 13–14 §§);
3. **are not attending** a national programme of the upper-secondary school, the
   upper-secondary school for pupils with intellectual disability (*gymnasiesärskola*,
   called *anpassad gymnasieskola* from 2023-07-02) or equivalent education (an
   upper-secondary school abroad); from **2018-07-01** attending an **introduction
   programme** also ends coverage, before that it did not (an introduction programme is not
   a national programme). Attending komvux, folk high school or SFI does not end coverage;
4. **have not completed** such education: an *examensbevis*, a *gymnasiesärskolebevis*
   (the adapted school's certificate) or equivalent education completed with pass results
   (e.g. a foreign upper-secondary diploma, an IB diploma, a komvux gymnasieexamen) ends
   coverage; a *studiebevis* alone does not;
5. **are not asylum seekers or undocumented** (Skolverket).

The responsible **home municipality** (29 kap. 6 §) is the municipality of registration;
for someone living in Sweden without registration, where they stay permanently; with
protected registration, where they currently stay.

**Versions** (data in `dua/data/parameters/kaa.toml`): `kaa-2015-01-01` (prop. 2013/14:191;
introduction-programme pupils covered), `kaa-2018-07-01` (prop. 2017/18:183; they are not),
`kaa-2023-07-02` (SFS 2022:1315; the renaming to *anpassad gymnasieskola*, unchanged in
substance). Dates before 2015-01-01 raise [`RuleNotInForce`][dua.errors.RuleNotInForce].

**Data.** The rule reads a [`Person`][dua.model.Person]: `birth_date`, `residence` (unknown
is treated as registered; the criterion then says so), `registered_in_sweden`,
`qualifications` (dated; only those on or before the date count) and `enrolments` (active
on the date). `home_municipality` is taken as the municipality that 29 kap. 6 § points to
(registration, permanent stay or current stay, depending on `residence`).

>>> from datetime import date
>>> from dua.model import Enrolment, EnrolmentKind, Person
>>> pupil = Person(key="p1", birth_date=date(2001, 3, 1), home_municipality="1863",
...                enrolments=[Enrolment(kind=EnrolmentKind.INTRODUCTION_PROGRAMME,
...                                      start=date(2017, 8, 20))])
>>> bool(kaa_coverage(pupil, on=date(2018, 6, 30))), bool(kaa_coverage(pupil, on=date(2018, 7, 1)))
(True, False)
>>> decision = kaa_coverage(pupil, on=date(2018, 7, 1))
>>> decision.version.id, [c.name for c in decision.failed]
('kaa-2018-07-01', ['not_enrolled'])
>>> register = kaa_register([pupil], on=date(2018, 6, 30))
>>> register.counts(), register.not_covered["not_enrolled"]
({'1863': 1}, 0)
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import NamedTuple, Protocol, TypeVar

import attrs

from dua import _html, i18n
from dua.errors import UnknownMunicipalityError, mask_reprs, mask_value
from dua.model import (
    Enrolment,
    EnrolmentKind,
    MunicipalityCode,
    Person,
    Qualification,
    QualificationKind,
    ResidenceStatus,
)
from dua.municipalities import by_code, is_municipality_code
from dua.rules._core import (
    Criterion,
    Decision,
    LawVersion,
    new_decision,
    parameter,
    reference,
    version_in_force,
)
from dua.rules.dates import age, birthday, latest_birth_date_for_age

__all__ = [
    "GROUNDS",
    "REASONS",
    "REASON_LABELS",
    "RULE",
    "KaaRegister",
    "KaaRun",
    "KaaSummary",
    "coverage_grounds",
    "home_municipality",
    "kaa_coverage",
    "kaa_register",
    "non_coverage_reason",
]

RULE = "kaa"
"""The rule's identifier in decisions and in the parameter files."""

REASONS = ("age", "residence", "compulsory_school", "not_completed", "not_enrolled")
"""The criteria of [`kaa_coverage`][dua.rules.kaa.kaa_coverage], in the order a decision lists
them. A person who is not covered is counted under the first criterion that fails."""

REASON_LABELS: dict[str, tuple[str, str]] = {
    "age": ("har fyllt 20 år", "has turned 20"),
    "residence": ("asylsökande eller papperslös", "asylum seeker or undocumented"),
    "compulsory_school": ("har skolplikt", "of compulsory-school age"),
    "not_completed": ("har fullföljt gymnasieutbildning", "completed upper-secondary"),
    "not_enrolled": ("går i gymnasieutbildning", "in upper-secondary education"),
}
"""Why a person is not covered, by [`REASONS`][dua.rules.kaa.REASONS] entry, as
(Swedish, English) labels for reports."""

_UPPER_SECONDARY = frozenset(
    {
        EnrolmentKind.NATIONAL_PROGRAMME,
        EnrolmentKind.INDEPENDENT_UPPER_SECONDARY,
        EnrolmentKind.ADAPTED_UPPER_SECONDARY,
        EnrolmentKind.UPPER_SECONDARY_ABROAD,
    }
)
_INTRODUCTION = frozenset(
    {EnrolmentKind.INTRODUCTION_PROGRAMME, EnrolmentKind.LANGUAGE_INTRODUCTION}
)
_COMPLETED = frozenset(
    {
        QualificationKind.UPPER_SECONDARY_DIPLOMA,
        QualificationKind.ADAPTED_CERTIFICATE,
        QualificationKind.EQUIVALENT_COMPLETED,
        QualificationKind.FOREIGN_UPPER_SECONDARY,
    }
)
_ASYLUM = ResidenceStatus.ASYLUM_SEEKER
_UNDOCUMENTED = ResidenceStatus.UNDOCUMENTED
_PERMANENT_STAY = ResidenceStatus.PERMANENT_STAY
_PROTECTED = ResidenceStatus.PROTECTED_IDENTITY
_COMPULSORY_DONE = QualificationKind.COMPULSORY_COMPLETED
_STUDIES = QualificationKind.CERTIFICATE_OF_STUDIES
_COMPULSORY = EnrolmentKind.COMPULSORY


# Compared and hashed by identity (one per date, see `_context`), so that the explained
# path's caches can key on it at no cost.
@attrs.frozen(eq=False)
class _Context:
    """Everything about the date asked that does not depend on the person."""

    on: date
    version: LawVersion
    age_limit: int
    latest_too_old: date  # born on or before this day: turned `age_limit` by `on`
    end_age: int
    term_end: tuple[int, int]
    latest_done_year: int  # born in or before this year: compulsory schooling has ended
    introduction_covered: bool
    adapted_name: str
    ends_coverage: frozenset[EnrolmentKind]  # enrolment kinds whose attendance ends coverage
    # The explained path's worded criteria that vary most, by what their texts show.
    ages: dict[date, Criterion] = attrs.field(factory=dict, init=False, repr=False)
    certificates: dict[date, Criterion] = attrs.field(factory=dict, init=False, repr=False)
    completions: dict[tuple[QualificationKind, date], Criterion] = attrs.field(
        factory=dict, init=False, repr=False
    )
    attendances: dict[tuple[EnrolmentKind, date], Criterion] = attrs.field(
        factory=dict, init=False, repr=False
    )
    shared_grounds: dict[tuple[str, ...], tuple[str, ...]] = attrs.field(
        factory=dict, init=False, repr=False
    )

    @classmethod
    def for_date(cls, on: date) -> _Context:
        version = version_in_force(RULE, on)
        limit = _int(parameter("kaa.age_limit", on).value)
        end_age = _int(parameter("kaa.compulsory_school_end_age", on).value)
        month, day = (
            int(part) for part in str(parameter("kaa.spring_term_end", on).value).split("-")
        )
        term_ended_this_year = on > date(on.year, month, day)
        intro_covered = bool(parameter("kaa.introduction_programmes_covered", on).value)
        return cls(
            on=on,
            version=version,
            age_limit=limit,
            latest_too_old=latest_birth_date_for_age(limit, on),
            end_age=end_age,
            term_end=(month, day),
            latest_done_year=on.year - end_age - (0 if term_ended_this_year else 1),
            introduction_covered=intro_covered,
            adapted_name=str(parameter("kaa.adapted_school_name", on).value),
            ends_coverage=_UPPER_SECONDARY if intro_covered else _UPPER_SECONDARY | _INTRODUCTION,
        )

    def compulsory_end(self, birth_date: date) -> date:
        """The last day of compulsory schooling by the default rule (7 kap. 10, 12 §§)."""
        return date(birth_date.year + self.end_age, *self.term_end)

    def classify(self, person: Person) -> str | None:
        """The fast path: the first failing criterion's name, or `None` when covered.

        Must agree with `kaa_coverage` and with `verdict` for every person (property tests
        check both). It is `verdict` written out for a `Person` on purpose: it stops at the
        first failing criterion (much of a register fails on age, before any document is
        read), reads only what the criteria reached need, and builds no `_Documents` or
        `_Attendance`; going through `verdict` made `kaa_register` 2.5× slower.
        """
        on = self.on
        born = person.birth_date
        if born <= self.latest_too_old or born > on:
            return "age"
        residence = person.residence
        if residence is _ASYLUM or residence is _UNDOCUMENTED:
            return "residence"
        registered = person.registered_in_sweden
        if registered is not None and registered > on and residence is not _PERMANENT_STAY:
            return "residence"
        compulsory_done = False
        completed = False
        for qualification in person.qualifications:
            if qualification.on <= on:
                kind = qualification.kind
                if kind is _COMPULSORY_DONE:
                    compulsory_done = True
                elif kind in _COMPLETED:
                    completed = True
        if not compulsory_done and not (
            registered is not None and registered > self.compulsory_end(born)
        ):
            if born.year > self.latest_done_year:
                return "compulsory_school"
            for enrolment in person.enrolments:
                if enrolment.kind is _COMPULSORY and enrolment.active_on(on):
                    return "compulsory_school"
        if completed:
            return "not_completed"
        ends_coverage = self.ends_coverage
        for enrolment in person.enrolments:
            if enrolment.kind in ends_coverage and enrolment.active_on(on):
                return "not_enrolled"
        return None

    def documents(self, qualifications: Iterable[Qualification]) -> _Documents:
        """What the rule reads in a person's school documents on the date."""
        on = self.on
        compulsory_done = completed = studies = False
        for qualification in qualifications:
            if qualification.on <= on:
                kind = qualification.kind
                if kind is _COMPULSORY_DONE:
                    compulsory_done = True
                elif kind in _COMPLETED:
                    completed = True
                elif kind is _STUDIES:
                    studies = True
        return _Documents(compulsory_done, completed, studies)

    def attendance(self, enrolments: Iterable[Enrolment]) -> _Attendance:
        """What the rule reads in a person's enrolments on the date."""
        on = self.on
        compulsory = ending = introduction = active = False
        ends_coverage = self.ends_coverage
        for enrolment in enrolments:
            if enrolment.active_on(on):
                kind = enrolment.kind
                active = True
                if kind is _COMPULSORY:
                    compulsory = True
                if kind in ends_coverage:
                    ending = True
                if kind in _INTRODUCTION:
                    introduction = True
        return _Attendance(compulsory, ending, introduction, active)

    def verdict(
        self,
        born: date,
        residence: ResidenceStatus | None,
        registered: date | None,
        documents: _Documents,
        attendance: _Attendance,
    ) -> str | None:
        """`classify` of a person given by their facts (see `KaaRun.admit_facts`)."""
        on = self.on
        if born <= self.latest_too_old or born > on:
            return "age"
        if residence is _ASYLUM or residence is _UNDOCUMENTED:
            return "residence"
        if registered is not None and registered > on and residence is not _PERMANENT_STAY:
            return "residence"
        if (
            not documents.compulsory_done
            and not (registered is not None and registered > self.compulsory_end(born))
            and (born.year > self.latest_done_year or attendance.compulsory)
        ):
            return "compulsory_school"
        if documents.completed:
            return "not_completed"
        if attendance.ending:
            return "not_enrolled"
        return None

    def grounds(
        self,
        born: date,
        residence: ResidenceStatus | None,
        registered: date | None,
        documents: _Documents,
        attendance: _Attendance,
    ) -> tuple[str, ...]:
        """The grounds of coverage of a person `verdict` finds covered; each code names
        the branch its criterion takes in `kaa_coverage` (a property test holds them to it)."""
        if residence is None:
            lives = "residence_unknown"
        elif residence is _PROTECTED:
            lives = "protected_registration"
        elif residence is _PERMANENT_STAY:
            lives = "permanent_stay"
        else:
            lives = "registered"
        if documents.compulsory_done:
            compulsory = "compulsory_certificate"
        elif registered is not None and self.compulsory_end(born) < registered:
            compulsory = "arrived_after_compulsory_age"
        else:
            compulsory = "compulsory_age_passed"
        if attendance.introduction:
            enrolled = "introduction_programme"
        elif attendance.active:
            enrolled = "other_education"
        else:
            enrolled = "not_enrolled"
        found = (
            "under_age_limit",
            lives,
            compulsory,
            "certificate_of_studies_only" if documents.studies else "no_completed_education",
            enrolled,
        )
        # One tuple per distinct set of grounds (a few dozen), shared by every person.
        return self.shared_grounds.setdefault(found, found)


# A verdict kept by `KaaRun.admit_facts`: the tuples of documents and enrolments it is for,
# the first failing criterion (or `None`) and the grounds of coverage (or `None`).
_Verdict = tuple[object, object, str | None, tuple[str, ...] | None]


class _Documents(NamedTuple):
    """What the rule reads in a person's school documents on a date: a compulsory-school
    certificate, a completed upper-secondary (or equivalent) education, a studiebevis."""

    compulsory_done: bool
    completed: bool
    studies: bool


class _Attendance(NamedTuple):
    """What the rule reads in a person's enrolments on a date: attending compulsory school,
    education that ends coverage, an introduction programme, anything at all."""

    compulsory: bool
    ending: bool
    introduction: bool
    active: bool


@functools.lru_cache(maxsize=64)
def _context(on: date) -> _Context:
    # The parameter files are read once; a context per date is cheap to keep.
    return _Context.for_date(on)


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole-number parameter, got {value!r}")
    return value


class _Facts(Protocol):
    """What the worded criteria read of a person: a `Person`, or `_FactsOf`."""

    @property
    def birth_date(self) -> date: ...
    @property
    def residence(self) -> ResidenceStatus | None: ...
    @property
    def registered_in_sweden(self) -> date | None: ...
    @property
    def qualifications(self) -> tuple[Qualification, ...]: ...
    @property
    def enrolments(self) -> tuple[Enrolment, ...]: ...


class _FactsOf(NamedTuple):
    """The facts of a person given without a `Person` (see `KaaRun.explain_facts`)."""

    birth_date: date
    residence: ResidenceStatus | None
    registered_in_sweden: date | None
    qualifications: tuple[Qualification, ...]
    enrolments: tuple[Enrolment, ...]


# The explained path. Each criterion below first finds its case with the same cheap tests
# as the fast path, then takes the worded `Criterion` from a cache keyed by exactly what
# its texts show (a date, a kind, the school's name): a register repeats those few values
# over and over, and a `Criterion` is frozen, so one instance serves every person it
# describes. Formatting the texts and building the objects was most of the cost of a
# decision (issue 10, item 3). The criteria that vary most are kept in dictionaries of the
# date's context (a dictionary lookup costs half a cached call); the rest in `lru_cache`s.
_CACHED = 1 << 14

K = TypeVar("K")


def _remember(cache: dict[K, Criterion], key: K, criterion: Criterion) -> Criterion:
    """`criterion`, kept in `cache` under `key` (which is emptied when it is full)."""
    if len(cache) >= _CACHED:
        cache.clear()
    cache[key] = criterion
    return criterion


def _age_criterion(person: _Facts, ctx: _Context) -> Criterion:
    born = person.birth_date
    if born > ctx.on:
        return _born_later()
    found = ctx.ages.get(born)
    return _remember(ctx.ages, born, _age_for(ctx, born)) if found is None else found


@functools.cache
def _born_later() -> Criterion:
    return Criterion(
        name="age",
        holds=False,
        explanation_sv="Personen är född efter det datum som frågan gäller",
        explanation_en="The person was born after the date asked about",
        reference=reference("sfs-2010-800-29-9"),
    )


def _age_for(ctx: _Context, born: date) -> Criterion:
    ref = reference("sfs-2010-800-29-9")
    limit = ctx.age_limit
    years = age(born, ctx.on)
    turns = birthday(born, limit)
    if born <= ctx.latest_too_old:
        return Criterion(
            name="age",
            holds=False,
            explanation_sv=f"Har fyllt {limit} år ({turns.isoformat()}); omfattades till och med dagen före",
            explanation_en=f"Turned {limit} on {turns.isoformat()}; covered until the day before",
            reference=ref,
        )
    last = turns - timedelta(days=1)
    return Criterion(
        name="age",
        holds=True,
        explanation_sv=f"Är {years} år och har inte fyllt {limit} (omfattas som längst till och med {last.isoformat()})",
        explanation_en=f"Aged {years}, not yet {limit} (covered at most until {last.isoformat()})",
        reference=ref,
    )


def _residence_criterion(person: _Facts, ctx: _Context) -> Criterion:
    residence = person.residence
    if residence is _ASYLUM or residence is _UNDOCUMENTED:
        return _residence_status(residence)
    registered = person.registered_in_sweden
    if registered is not None and registered > ctx.on and residence is not _PERMANENT_STAY:
        return _not_yet_registered(registered)
    return _residence_status(residence)


@functools.cache  # one per residence status and unknown: a handful
def _residence_status(residence: ResidenceStatus | None) -> Criterion:
    ref = reference("skolverket-kaa")
    if residence is _ASYLUM or residence is _UNDOCUMENTED:
        assert residence is not None
        return Criterion(
            name="residence",
            holds=False,
            explanation_sv=f"Är {residence.label_sv}; asylsökande och papperslösa omfattas inte",
            explanation_en=f"Is {residence.label_en}; asylum seekers and undocumented young people are not covered",
            reference=ref,
        )
    if residence is None:
        return Criterion(
            name="residence",
            holds=None,
            explanation_sv="Bosättningsstatus okänd; behandlas som folkbokförd i hemkommunen",
            explanation_en="Residence status unknown; treated as registered in the home municipality",
            reference=ref,
        )
    return Criterion(
        name="residence",
        holds=True,
        explanation_sv=f"Är {residence.label_sv}, inte asylsökande eller papperslös",
        explanation_en=f"Is {residence.label_en}, not an asylum seeker or undocumented",
        reference=ref,
    )


@functools.lru_cache(maxsize=_CACHED)
def _not_yet_registered(registered: date) -> Criterion:
    return Criterion(
        name="residence",
        holds=False,
        explanation_sv=f"Var ännu inte folkbokförd i Sverige (folkbokförd {registered.isoformat()})",
        explanation_en=f"Not yet registered in Sweden (registered on {registered.isoformat()})",
        reference=reference("sfs-2010-800-29-6"),
    )


def _compulsory_criterion(person: _Facts, ctx: _Context) -> Criterion:
    on = ctx.on
    certified: date | None = None  # the earliest final certificate received by `on`
    for qualification in person.qualifications:
        received = qualification.on
        if (
            qualification.kind is _COMPULSORY_DONE
            and received <= on
            and (certified is None or received < certified)
        ):
            certified = received
    if certified is not None:
        found = ctx.certificates.get(certified)
        if found is None:
            found = _remember(ctx.certificates, certified, _compulsory_certificate(certified))
        return found
    end = ctx.compulsory_end(person.birth_date)
    registered = person.registered_in_sweden
    if registered is not None and end < registered:
        return _registered_after_compulsory_age(registered, end)
    if on <= end:
        return _compulsory_until(end)
    for enrolment in person.enrolments:
        if enrolment.kind is _COMPULSORY and enrolment.active_on(on):
            return _compulsory_extended()
    return _compulsory_ended(end)


def _compulsory_certificate(certified: date) -> Criterion:
    return Criterion(
        name="compulsory_school",
        holds=True,
        explanation_sv=f"Har slutbetyg från grundskolan ({certified.isoformat()}) och har fullgjort skolplikten",
        explanation_en=f"Has a final compulsory-school certificate ({certified.isoformat()}): compulsory schooling completed",
        reference=reference("sfs-2010-800-7-10-12"),
    )


@functools.lru_cache(maxsize=_CACHED)
def _registered_after_compulsory_age(registered: date, end: date) -> Criterion:
    return Criterion(
        name="compulsory_school",
        holds=True,
        explanation_sv=f"Folkbokfördes i Sverige {registered.isoformat()}, efter skolpliktig ålder (skolplikten hade upphört {end.isoformat()})",
        explanation_en=f"Registered in Sweden on {registered.isoformat()}, after compulsory-school age (which ended {end.isoformat()})",
        reference=reference("sfs-2010-800-29-9"),
    )


@functools.lru_cache(maxsize=_CACHED)
def _compulsory_until(end: date) -> Criterion:
    return Criterion(
        name="compulsory_school",
        holds=False,
        explanation_sv=f"Har skolplikt till och med vårterminens slut {end.isoformat()}",
        explanation_en=f"Still of compulsory-school age until the end of the spring term, {end.isoformat()}",
        reference=reference("sfs-2010-800-7-10-12"),
    )


@functools.cache
def _compulsory_extended() -> Criterion:
    return Criterion(
        name="compulsory_school",
        holds=False,
        explanation_sv="Går fortfarande i grundskolan (förlängd skolplikt)",
        explanation_en="Still enrolled in compulsory school (extended compulsory schooling)",
        reference=reference("sfs-2010-800-7-10-12"),
    )


@functools.lru_cache(maxsize=_CACHED)
def _compulsory_ended(end: date) -> Criterion:
    return Criterion(
        name="compulsory_school",
        holds=True,
        explanation_sv=f"Skolplikten upphörde vid vårterminens slut {end.isoformat()}",
        explanation_en=f"Compulsory schooling ended with the spring term, {end.isoformat()}",
        reference=reference("sfs-2010-800-7-10-12"),
    )


def _completed_criterion(person: _Facts, ctx: _Context) -> Criterion:
    on = ctx.on
    first: Qualification | None = None  # the earliest completion by `on`, first listed on ties
    studies = False
    for qualification in person.qualifications:
        received = qualification.on
        if received > on:
            continue
        kind = qualification.kind
        if kind in _COMPLETED:
            if first is None or received < first.on:
                first = qualification
        elif kind is _STUDIES:
            studies = True
    if first is not None:
        key = (first.kind, first.on)
        found = ctx.completions.get(key)
        return _remember(ctx.completions, key, _completed(*key)) if found is None else found
    if studies:
        return _studies_only()
    return _not_completed(ctx.adapted_name)


def _completed(kind: QualificationKind, received: date) -> Criterion:
    return Criterion(
        name="not_completed",
        holds=False,
        explanation_sv=f"Har fullföljt gymnasieutbildning eller motsvarande: {kind.label_sv} ({received.isoformat()})",
        explanation_en=f"Has completed upper-secondary or equivalent education: {kind.label_en} ({received.isoformat()})",
        reference=reference("sfs-2010-800-29-9"),
    )


@functools.cache
def _studies_only() -> Criterion:
    return Criterion(
        name="not_completed",
        holds=True,
        explanation_sv="Har endast studiebevis, vilket inte räknas som fullföljd utbildning",
        explanation_en="Has only a certificate of studies (studiebevis), which does not count as completed",
        reference=reference("skolverket-kaa"),
    )


@functools.cache  # one per name of the adapted school: two
def _not_completed(adapted_name: str) -> Criterion:
    return Criterion(
        name="not_completed",
        holds=True,
        explanation_sv=f"Har ingen gymnasieexamen, inget bevis från {adapted_name} och ingen motsvarande fullföljd utbildning",
        explanation_en=f"Has no upper-secondary diploma, no certificate from the {adapted_name} and no equivalent completed education",
        reference=reference("sfs-2010-800-29-9"),
    )


# The two functions below only word an explanation: not mutated (docs/testing.md).
def _introduction_sv(kind: EnrolmentKind) -> str:  # pragma: no mutate block
    if kind is EnrolmentKind.INTRODUCTION_PROGRAMME:
        return "introduktionsprogram"
    return f"{kind.label_sv} (ett introduktionsprogram)"


def _introduction_en(kind: EnrolmentKind) -> str:  # pragma: no mutate block
    if kind is EnrolmentKind.INTRODUCTION_PROGRAMME:
        return "an introduction programme"
    return f"{kind.label_en} (an introduction programme)"


def _enrolment_criterion(person: _Facts, ctx: _Context) -> Criterion:
    on = ctx.on
    active: list[EnrolmentKind] = []
    introduction: EnrolmentKind | None = None  # the first introduction programme attended
    for enrolment in person.enrolments:
        if enrolment.active_on(on):
            kind = enrolment.kind
            if kind in _UPPER_SECONDARY:
                key = (kind, enrolment.start)
                found = ctx.attendances.get(key)
                if found is None:
                    worded = _upper_secondary(ctx.adapted_name, *key)
                    found = _remember(ctx.attendances, key, worded)
                return found
            if introduction is None and kind in _INTRODUCTION:
                introduction = kind
            active.append(kind)
    if introduction is not None:
        if ctx.introduction_covered:
            return _introduction_covered()
        return _introduction_ends(introduction)
    if active:
        return _other_education(frozenset(active))
    return _not_enrolled(ctx.adapted_name)


def _upper_secondary(adapted_name: str, kind: EnrolmentKind, start: date) -> Criterion:
    name_sv = adapted_name if kind is EnrolmentKind.ADAPTED_UPPER_SECONDARY else kind.label_sv
    return Criterion(
        name="not_enrolled",
        holds=False,
        explanation_sv=f"Går i gymnasieutbildning: {name_sv} (sedan {start.isoformat()})",
        explanation_en=f"Attends upper-secondary education: {kind.label_en} (since {start.isoformat()})",
        reference=reference("sfs-2010-800-29-9"),
    )


@functools.cache  # one per kind of introduction programme: two
def _introduction_ends(kind: EnrolmentKind) -> Criterion:
    return Criterion(
        name="not_enrolled",
        holds=False,
        explanation_sv=f"Går på {_introduction_sv(kind)}; från 2018-07-01 omfattas sådana elever inte",
        explanation_en=f"Attends {_introduction_en(kind)}; from 2018-07-01 such pupils are not covered",
        reference=reference("prop-2017-18-183"),
    )


@functools.cache
def _introduction_covered() -> Criterion:
    return Criterion(
        name="not_enrolled",
        holds=True,
        explanation_sv="Går på introduktionsprogram, som inte är ett nationellt program; omfattas (2015-01-01–2018-06-30)",
        explanation_en="Attends an introduction programme, which is not a national programme; covered (2015-01-01 to 2018-06-30)",
        reference=reference("seed-norsjo-2015-kaa"),
    )


@functools.lru_cache(maxsize=_CACHED)
def _other_education(kinds: frozenset[EnrolmentKind]) -> Criterion:
    listed_sv = ", ".join(sorted({kind.label_sv for kind in kinds}))
    listed_en = ", ".join(sorted({kind.label_en for kind in kinds}))
    return Criterion(
        name="not_enrolled",
        holds=True,
        explanation_sv=f"Går inte i gymnasieskola eller motsvarande; annan utbildning ({listed_sv}) avslutar inte ansvaret",
        explanation_en=f"Not in upper-secondary or equivalent education; other education ({listed_en}) does not end coverage",
        reference=reference("sfs-2010-800-29-9"),
    )


@functools.cache  # one per name of the adapted school: two
def _not_enrolled(adapted_name: str) -> Criterion:
    return Criterion(
        name="not_enrolled",
        holds=True,
        explanation_sv=f"Går inte i gymnasieskola, {adapted_name} eller motsvarande utbildning",
        explanation_en=f"Not attending upper-secondary school, the {adapted_name} or equivalent education",
        reference=reference("sfs-2010-800-29-9"),
    )


def _responsible(person: Person) -> MunicipalityCode | None:
    if person.residence is _ASYLUM or person.residence is _UNDOCUMENTED:
        return None
    return person.home_municipality


def kaa_coverage(person: Person, *, on: date) -> Decision:
    """Whether `person` is covered by KAA on `on`, with every criterion and the version applied.

    The decision lists the criteria in the order of [`REASONS`][dua.rules.kaa.REASONS]; it
    holds when none of them fails (a criterion that could not be evaluated, such as an unknown
    residence status, says so and does not prevent coverage). Its `value` is the responsible
    home municipality (29 kap. 6 §) when the person is covered, else `None`; its `subject`
    is the person's pseudonymous key. Source: skollagen (SFS 2010:800) 29 kap. 9 § in the
    version in force on `on`.

    Raises:
        RuleNotInForce: `on` is before 2015-01-01.
    """
    ctx = _context(on)
    return _decide(person, ctx)


def _criteria(person: Person, ctx: _Context) -> tuple[Criterion, ...]:
    return (
        _age_criterion(person, ctx),
        _residence_criterion(person, ctx),
        _compulsory_criterion(person, ctx),
        _completed_criterion(person, ctx),
        _enrolment_criterion(person, ctx),
    )


def _decide(person: Person, ctx: _Context) -> Decision:
    age_ = _age_criterion(person, ctx)
    residence = _residence_criterion(person, ctx)
    compulsory = _compulsory_criterion(person, ctx)
    completed = _completed_criterion(person, ctx)
    enrolment = _enrolment_criterion(person, ctx)
    holds = (
        age_.holds is not False
        and residence.holds is not False
        and compulsory.holds is not False
        and completed.holds is not False
        and enrolment.holds is not False
    )
    return new_decision(
        RULE,
        holds,
        ctx.on,
        ctx.version,
        (age_, residence, compulsory, completed, enrolment),
        person.key,
        _responsible(person) if holds else None,
    )


def non_coverage_reason(decision: Decision) -> str | None:
    """The reason a KAA decision does not hold: the name of its first failing criterion in
    the order of [`REASONS`][dua.rules.kaa.REASONS], or `None` when the person is covered."""
    failed = decision.failed
    return failed[0].name if failed else None


def home_municipality(person: Person, *, on: date) -> Decision:
    """The municipality that carries the KAA responsibility for `person` (skollagen
    (SFS 2010:800) 29 kap. 6 §), as a decision whose `value` is the municipality code.

    - registered (*folkbokförd*, also when the residence status is unknown): the
      municipality of registration;
    - living in Sweden without registration: the municipality of permanent stay;
    - protected registration (*skyddad folkbokföring*): where the person currently stays;
    - asylum seekers and undocumented young people: none (they are not covered).

    The person's `home_municipality` field is read as the municipality the applicable case
    points to. The decision does not hold when no municipality can be named.

    Raises:
        RuleNotInForce: `on` is before 2015-01-01.

    >>> from dua.model import Person, ResidenceStatus
    >>> p = Person(key="p2", birth_date=date(2001, 1, 1), home_municipality="0580",
    ...            residence=ResidenceStatus.PROTECTED_IDENTITY)
    >>> home_municipality(p, on=date(2019, 1, 1)).value
    '0580'
    """
    version = version_in_force(RULE, on)
    ref = reference("sfs-2010-800-29-6")
    residence = person.residence
    code = person.home_municipality
    if residence is _ASYLUM or residence is _UNDOCUMENTED:
        assert residence is not None
        basis_sv = f"Är {residence.label_sv}: ingen hemkommun enligt aktivitetsansvaret"
        basis_en = (
            f"Is {residence.label_en}: no home municipality under the activity responsibility"
        )
        code = None
    elif code is None:
        basis_sv, basis_en = "Hemkommunen är okänd", "The home municipality is unknown"
    elif residence is _PERMANENT_STAY:
        basis_sv = (
            f"Bor i Sverige utan folkbokföring: kommunen där personen stadigvarande vistas ({code})"
        )
        basis_en = (
            f"Lives in Sweden without registration: the municipality of permanent stay ({code})"
        )
    elif residence is _PROTECTED:
        basis_sv = (
            f"Skyddad folkbokföring: kommunen där personen för tillfället uppehåller sig ({code})"
        )
        basis_en = (
            f"Protected registration: the municipality where the person currently stays ({code})"
        )
    else:
        basis_sv = f"Folkbokförd i kommunen {code}"
        basis_en = f"Registered in municipality {code}"
    criterion = Criterion(
        name="home_municipality",
        holds=code is not None,
        explanation_sv=basis_sv,
        explanation_en=basis_en,
        reference=ref,
    )
    return Decision(
        rule=f"{RULE}.home_municipality",
        holds=code is not None,
        on=on,
        version=version,
        criteria=(criterion,),
        subject=person.key,
        value=code,
    )


@attrs.frozen(kw_only=True, eq=False)
class KaaRegister:
    """The KAA register on a date: covered persons per home municipality, and the others
    counted by reason.

    - `covered`: for each home municipality code (`None` when unknown), the covered persons
      in register order.
    - `not_covered`: for each of [`REASONS`][dua.rules.kaa.REASONS], how many persons were
      not covered for that reason (their first failing criterion).
    - `elsewhere`: persons left out because their home municipality is not `municipality`.

    Decisions are produced on request ([`decision`][dua.rules.kaa.KaaRegister.decision],
    [`decisions`][dua.rules.kaa.KaaRegister.decisions]) with every criterion explained, and
    always agree with the register.
    """

    on: date
    version: LawVersion
    municipality: MunicipalityCode | None
    covered: Mapping[str | None, tuple[Person, ...]]
    not_covered: Mapping[str, int]
    elsewhere: int = 0

    @property
    def total(self) -> int:
        """The number of covered persons."""
        return sum(len(persons) for persons in self.covered.values())

    def counts(self) -> dict[str | None, int]:
        """The number of covered persons per home municipality."""
        return {code: len(persons) for code, persons in self.covered.items()}

    def decision(self, person: Person) -> Decision:
        """The full decision for `person` on the register's date."""
        return kaa_coverage(person, on=self.on)

    def decisions(self, municipality: MunicipalityCode | str | None = None) -> Iterator[Decision]:
        """The full decisions for the covered persons, of one municipality or of all."""
        ctx = _context(self.on)
        if municipality is None:
            groups: Iterable[tuple[Person, ...]] = self.covered.values()
        else:
            groups = (self.covered.get(_municipality(municipality), ()),)
        for persons in groups:
            for person in persons:
                yield _decide(person, ctx)

    def __repr__(self) -> str:
        # The generated repr lists every covered person; show counts only, never keys.
        return (
            f"KaaRegister(on={self.on.isoformat()!r}, version={self.version.id!r}, "
            f"municipality={self.municipality!r}, covered={self.total}, "
            f"municipalities={len(self.covered)}, "
            f"not_covered={sum(self.not_covered.values())}, elsewhere={self.elsewhere})"
        )

    def _repr_html_(self) -> str:
        """The register for notebooks: counts only (never keys or persons) — covered
        persons per home municipality, and the others by reason (Swedish labels)."""

        def place(code: str | None) -> str:
            if code is None:
                return i18n.text("kaa.unknown")
            return f"{by_code(code).name} ({code})" if is_municipality_code(code) else code

        not_covered = sum(self.not_covered.values())
        summary = _html.facts(
            (f"KAA-registret {self.on.isoformat()}", f"The KAA register {self.on.isoformat()}"),
            [
                (("Datum", "Date"), self.on.isoformat()),
                (("Lagversion", "Law version"),
                 f"{self.version.id}: {self.version.description()}"),
                (("Kommun", "Municipality"),
                 None if self.municipality is None else place(self.municipality)),
                (("Omfattas", "Covered"), self.total),
                (("Omfattas inte", "Not covered"), not_covered),
                (("Annan hemkommun", "Other home municipality"),
                 self.elsewhere if self.municipality is not None else None),
            ],
        )  # fmt: skip
        covered = _html.table(
            ("Omfattas av aktivitetsansvaret, per hemkommun",
             "Covered by the activity responsibility, per home municipality"),
            [("Hemkommun", "Home municipality"), ("antal", "count")],
            sorted((place(code), len(persons)) for code, persons in self.covered.items()),
            numeric=[1],
            foot=[(("totalt", "total"), self.total)],
        )  # fmt: skip
        others = _html.table(
            ("Omfattas inte, efter första skäl", "Not covered, by first reason"),
            [("Skäl", "Reason"), ("antal", "count")],
            [(REASON_LABELS.get(name, name), count) for name, count in self.not_covered.items()],
            numeric=[1],
            foot=[(("totalt", "total"), not_covered)],
        )
        return _html.block(summary, covered, others)


def _municipality(code: MunicipalityCode | str | None) -> MunicipalityCode | None:
    if code is None:
        return None
    try:
        return MunicipalityCode(code)
    except (TypeError, ValueError):
        raise UnknownMunicipalityError("error.kaa.municipality", code=mask_value(code)) from None


def kaa_register(
    persons: Iterable[Person], on: date, municipality: MunicipalityCode | str | None = None
) -> KaaRegister:
    """Who is covered by KAA on `on`, per home municipality, with counts of the others by
    reason (skollagen (SFS 2010:800) 29 kap. 9 § and 6 §).

    With `municipality`, only persons whose home municipality it is are considered; the rest
    are counted in `elsewhere`. The register uses a fast path that skips the explanations;
    [`KaaRegister.decision`][dua.rules.kaa.KaaRegister.decision] gives the full decision for
    any person, and the two always agree.

    Raises:
        RuleNotInForce: `on` is before 2015-01-01.
        UnknownMunicipalityError: `municipality` is not a municipality code.
    """
    run = KaaRun(on, municipality)
    covered: dict[str | None, list[Person]] = {}
    admit = run.admit
    for person in persons:
        if admit(person):
            code = _responsible(person)
            bucket = covered.get(code)
            if bucket is None:
                bucket = covered[code] = []
            bucket.append(person)
    summary = run.summary()
    return KaaRegister(
        on=on,
        version=summary.version,
        municipality=summary.municipality,
        covered={code: tuple(group) for code, group in covered.items()},
        not_covered=summary.not_covered,
        elsewhere=summary.elsewhere,
    )


GROUNDS: dict[str, tuple[str, str]] = {
    "under_age_limit": ("har inte fyllt 20 år", "has not turned 20"),
    "registered": ("folkbokförd", "registered in the population register"),
    "residence_unknown": ("bosättningsstatus okänd", "residence status unknown"),
    "protected_registration": ("skyddad folkbokföring", "protected registration"),
    "permanent_stay": ("stadigvarande vistelse", "staying permanently, not registered"),
    "compulsory_certificate": ("slutbetyg från grundskolan", "compulsory-school certificate"),
    "arrived_after_compulsory_age": (
        "folkbokförd efter skolpliktig ålder",
        "registered in Sweden after compulsory-school age",
    ),
    "compulsory_age_passed": ("skolplikten har upphört", "compulsory schooling has ended"),
    "certificate_of_studies_only": ("endast studiebevis", "only a certificate of studies"),
    "no_completed_education": ("ingen fullföljd gymnasieutbildning", "no completed education"),
    "introduction_programme": (
        "introduktionsprogram (före 2018-07-01)",
        "introduction programme (before 2018-07-01)",
    ),
    "other_education": ("annan utbildning", "other education"),
    "not_enrolled": ("ingen gymnasieutbildning", "not in upper-secondary education"),
}
"""The grounds on which a covered person is covered, one per criterion of
[`REASONS`][dua.rules.kaa.REASONS] (see [`coverage_grounds`][dua.rules.kaa.coverage_grounds]),
as (Swedish, English) labels."""


def _grounds(person: Person, ctx: _Context) -> tuple[str, ...]:
    """The grounds of coverage of a person `ctx.classify` finds covered."""
    return ctx.grounds(
        person.birth_date,
        person.residence,
        person.registered_in_sweden,
        ctx.documents(person.qualifications),
        ctx.attendance(person.enrolments),
    )


def coverage_grounds(person: Person, *, on: date) -> tuple[str, ...] | None:
    """On what grounds `person` is covered by KAA on `on`: one code of
    [`GROUNDS`][dua.rules.kaa.GROUNDS] per criterion, in the order of
    [`REASONS`][dua.rules.kaa.REASONS]; `None` when the person is not covered. The codes are
    the branches the criteria of [`kaa_coverage`][dua.rules.kaa.kaa_coverage] take, without
    their texts: cheap enough for every covered person of a national register.

    >>> from dua.model import Person, ResidenceStatus
    >>> young = Person(key="p3", birth_date=date(2001, 3, 1), home_municipality="1863")
    >>> coverage_grounds(young, on=date(2019, 9, 1))
    ('under_age_limit', 'residence_unknown', 'compulsory_age_passed', 'no_completed_education', 'not_enrolled')
    >>> coverage_grounds(young, on=date(2021, 9, 1)) is None
    True
    """
    ctx = _context(on)
    return None if ctx.classify(person) is not None else _grounds(person, ctx)


@mask_reprs
@attrs.frozen(kw_only=True)
class KaaSummary:
    """The counts of a KAA register run (see [`KaaRun`][dua.rules.kaa.KaaRun]): how many
    persons are covered per home municipality (`covered`; `None` for an unknown one), how
    many are not for each of [`REASONS`][dua.rules.kaa.REASONS] (`not_covered`), and how many
    were left out for another home municipality than `municipality` (`elsewhere`)."""

    on: date
    version: LawVersion
    municipality: MunicipalityCode | None
    covered: Mapping[str | None, int]
    not_covered: Mapping[str, int]
    elsewhere: int = 0

    @property
    def total(self) -> int:
        """The number of covered persons."""
        return sum(self.covered.values())


@mask_reprs
class KaaRun:
    """A KAA register run over persons as they stream past: each person is classified by
    the fast path of [`kaa_register`][dua.rules.kaa.kaa_register] and counted, and nothing
    about them is kept, so a register of any size is run in constant memory.

    [`admit`][dua.rules.kaa.KaaRun.admit] counts a person and says whether they are covered
    (and of the municipality asked about); [`summary`][dua.rules.kaa.KaaRun.summary] gives
    the counts so far. With [`dua.io.persons.iter_persons`][dua.io.persons.iter_persons]'s
    `select`, only the covered persons are read out and pseudonymised.

    >>> from dua.model import Person
    >>> run = KaaRun(date(2019, 9, 1))
    >>> tuple(run.admit(Person(key=k, birth_date=born, home_municipality="1863"))
    ...       for k, born in (("a", date(2001, 3, 1)), ("b", date(1990, 1, 1))))
    (True, False)
    >>> run.summary().covered, run.summary().not_covered["age"]
    ({'1863': 1}, 1)

    Raises:
        RuleNotInForce: `on` is before 2015-01-01.
        UnknownMunicipalityError: `municipality` is not a municipality code.
    """

    def __init__(self, on: date, municipality: MunicipalityCode | str | None = None) -> None:
        self._ctx = _context(on)
        self.on = on
        self.municipality = _municipality(municipality)
        self._covered: dict[str | None, int] = {}
        self._reasons = dict.fromkeys(REASONS, 0)
        self._elsewhere = 0
        self._verdicts: dict[tuple[object, ...], _Verdict] = {}
        self._explained: dict[tuple[object, ...], tuple[object, object, tuple[Criterion, ...]]]
        self._explained = {}

    def admit(self, person: Person) -> bool:
        """Count `person`; whether they are covered (and of the municipality asked about)."""
        wanted = self.municipality
        if wanted is not None and person.home_municipality != wanted:
            self._elsewhere += 1
            return False
        reason = self._ctx.classify(person)
        if reason is not None:
            self._reasons[reason] += 1
            return False
        code = _responsible(person)
        self._covered[code] = self._covered.get(code, 0) + 1
        return True

    def admit_facts(
        self,
        birth_date: date,
        residence: ResidenceStatus | None,
        registered_in_sweden: date | None,
        home_municipality: MunicipalityCode | None,
        qualifications: Iterable[Qualification],
        enrolments: Iterable[Enrolment],
    ) -> tuple[str, ...] | None:
        """[`admit`][dua.rules.kaa.KaaRun.admit] for a person given by the facts the rule
        reads (the fields of a [`Person`][dua.model.Person] of these names), without making
        the `Person`: count them, and return their grounds of coverage (see
        [`coverage_grounds`][dua.rules.kaa.coverage_grounds]) when they are covered (and of
        the municipality asked about), else `None`. The decision is the one `admit` takes
        (a property test holds them together); a register run
        ([`dua.io.persons.iter_kaa`][dua.io.persons.iter_kaa]) calls it once per person.

        >>> run = KaaRun(date(2019, 9, 1))
        >>> run.admit_facts(date(2001, 3, 1), None, None, "1863", (), ())
        ('under_age_limit', 'residence_unknown', 'compulsory_age_passed', 'no_completed_education', 'not_enrolled')
        >>> run.admit_facts(date(1990, 1, 1), None, None, "1863", (), ()) is None
        True
        >>> run.summary().covered, run.summary().not_covered["age"]
        ({'1863': 1}, 1)
        """
        wanted = self.municipality
        if wanted is not None and home_municipality != wanted:
            self._elsewhere += 1
            return None
        ctx = self._ctx
        if birth_date <= ctx.latest_too_old or birth_date > ctx.on:
            self._reasons["age"] += 1  # the first criterion, as `verdict` finds it
            return None
        # Past the age, the rule reads the birth date only through its year (the end of
        # compulsory schooling), so the verdict and grounds are kept per year and other
        # facts: a register run shares one tuple among the persons of the same documents
        # or enrolment, and repeats a few thousand such cases.
        key = (
            birth_date.year,
            id(residence),
            registered_in_sweden,
            id(qualifications),
            id(enrolments),
        )
        found = self._verdicts.get(key)
        if found is not None and found[0] is qualifications and found[1] is enrolments:
            reason, grounds = found[2], found[3]
        else:
            documents = ctx.documents(qualifications)
            attendance = ctx.attendance(enrolments)
            reason = ctx.verdict(birth_date, residence, registered_in_sweden, documents, attendance)
            grounds = None
            if reason is None:
                grounds = ctx.grounds(
                    birth_date, residence, registered_in_sweden, documents, attendance
                )
            if len(self._verdicts) >= _CACHED:
                self._verdicts.clear()
            # The tuples are kept with the verdict, so that their ids are not reused.
            self._verdicts[key] = (qualifications, enrolments, reason, grounds)
        if reason is not None:
            self._reasons[reason] += 1
            return None
        # Covered: not an asylum seeker or undocumented, so responsible is `home_municipality`.
        self._covered[home_municipality] = self._covered.get(home_municipality, 0) + 1
        return grounds

    def grounds(self, person: Person) -> tuple[str, ...]:
        """The grounds of coverage of a person `admit` found covered (see
        [`coverage_grounds`][dua.rules.kaa.coverage_grounds])."""
        return _grounds(person, self._ctx)

    def decision(self, person: Person) -> Decision:
        """The full decision for `person`, every criterion explained."""
        return _decide(person, self._ctx)

    def explain_facts(
        self,
        birth_date: date,
        residence: ResidenceStatus | None,
        registered_in_sweden: date | None,
        qualifications: tuple[Qualification, ...],
        enrolments: tuple[Enrolment, ...],
    ) -> tuple[Criterion, tuple[Criterion, ...]]:
        """The criteria of the full decision of a person given by the facts the rule reads
        (as for [`admit_facts`][dua.rules.kaa.KaaRun.admit_facts]): the age criterion, and
        the other four as one tuple, in the order of [`REASONS`][dua.rules.kaa.REASONS].

        The four after the age read the birth date only through its year (the end of
        compulsory schooling), so one tuple of them is kept and shared by every person of
        the same year and the same other facts (the same tuples of documents and
        enrolments, as a register run shares them): a register run explains each covered
        person at the cost of two lookups. They are the criteria of
        [`decision`][dua.rules.kaa.KaaRun.decision] (a property test holds them together).

        >>> run = KaaRun(date(2019, 9, 1))
        >>> age, others = run.explain_facts(date(2001, 3, 1), None, None, (), ())
        >>> age.name, [criterion.name for criterion in others]
        ('age', ['residence', 'compulsory_school', 'not_completed', 'not_enrolled'])
        """
        ctx = self._ctx
        # `_age_criterion`, without the facts made for it (once per covered person).
        age_ = ctx.ages.get(birth_date)
        if age_ is None:
            if birth_date > ctx.on:
                age_ = _born_later()
            else:
                age_ = _remember(ctx.ages, birth_date, _age_for(ctx, birth_date))
        key = (birth_date.year, residence, registered_in_sweden, id(qualifications), id(enrolments))
        found = self._explained.get(key)
        if found is not None and found[0] is qualifications and found[1] is enrolments:
            return age_, found[2]
        facts = _FactsOf(birth_date, residence, registered_in_sweden, qualifications, enrolments)
        others = (
            _residence_criterion(facts, ctx),
            _compulsory_criterion(facts, ctx),
            _completed_criterion(facts, ctx),
            _enrolment_criterion(facts, ctx),
        )
        if len(self._explained) >= _CACHED:
            self._explained.clear()
        # The tuples are kept with the criteria, so that their ids are not given to others.
        self._explained[key] = (qualifications, enrolments, others)
        return age_, others

    def criteria(self, person: Person) -> tuple[Criterion, ...]:
        """The criteria of [`decision`][dua.rules.kaa.KaaRun.decision], in the order of
        [`REASONS`][dua.rules.kaa.REASONS], without the decision around them (what a
        register run writes for each covered person with `--explain`). Criteria are
        shared: the same text is one object for every person it describes."""
        return _criteria(person, self._ctx)

    def summary(self) -> KaaSummary:
        """The counts so far."""
        return KaaSummary(
            on=self.on,
            version=self._ctx.version,
            municipality=self.municipality,
            covered=dict(self._covered),
            not_covered=dict(self._reasons),
            elsewhere=self._elsewhere,
        )

    def __repr__(self) -> str:
        summary = self.summary()
        return (
            f"KaaRun(on={self.on.isoformat()!r}, municipality={self.municipality!r}, "
            f"covered={summary.total}, not_covered={sum(summary.not_covered.values())}, "
            f"elsewhere={summary.elsewhere})"
        )
