"""Target groups (*målgrupper*): who belongs to the seeds' groups on a date, and why.

A target group is an age band plus situations. The seeds use these groups:

- **DUA youth 16–24** and its bands **16–19** and **20–24** (Hällefors: "874 personer i
  åldern 16–24 år"; GGV: "hela målgruppen unga mellan 16 och 24 år"; förordning 2015:502
  1 §). Ages are inclusive: 16–24 runs from the 16th birthday to the day before the 25th.
- **KAA 16–19** (GGV: "KAA 16-19 år med avbruten skolgång"; skollagen 29 kap. 9 §).
- **Newly arrived in and outside the establishment assignment/programme** (Norrköping
  2018; Sjuhärad 2020: 440 in the programme, 128 "nyanlända ej i program").
- **Long-term unemployed**: more than 450 days in JOB (Sjuhärad 2020).

Each function returns a [`Decision`][dua.rules.Decision] whose criteria say which
conditions held. A criterion that cannot be judged from the data (e.g. `newly_arrived` is
unknown) is `None` and the person is then not counted as a member.

[`GroupDefinition`][dua.rules.target_groups.GroupDefinition] builds a user-defined group
from an age band and [`Predicate`][dua.rules.target_groups.Predicate]s:

>>> from datetime import date
>>> from dua.model import AgeBand, Person, Registration
>>> group = GroupDefinition(id="unga-öppet-arbetslösa", name="Unga öppet arbetslösa",
...                         age_band=AgeBand(min_age=16, max_age=24),
...                         predicates=(registered({"11"}),))
>>> kim = Person(key="p-3", birth_date=date(2000, 3, 1),
...              registrations=[Registration(start=date(2019, 1, 7), category="11")])
>>> bool(group.member(kim, date(2019, 6, 1)))
True
>>> bool(dua_youth_16_19(kim, date(2019, 6, 1))), bool(dua_youth_20_24(kim, date(2020, 3, 1)))
(True, True)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import date

import attrs

from dua.errors import RuleNotInForce
from dua.model import (
    AgeBand,
    EnrolmentKind,
    Period,
    Person,
    QualificationKind,
    TargetGroup,
)
from dua.rules._core import Criterion, Decision, LawVersion, Reference, parameter, version_in_force
from dua.rules.dates import age
from dua.rules.kaa import kaa_coverage
from dua.rules.programmes import (
    ESTABLISHMENT_PROGRAMMES,
    OPEN_UNEMPLOYMENT_CODES,
    UGA_CODES,
    long_term_in_job,
)

__all__ = [
    "ESTABLISHMENT_PROGRAMMES",
    "GroupDefinition",
    "Predicate",
    "dua_youth",
    "dua_youth_16_19",
    "dua_youth_20_24",
    "enrolled",
    "foreign_born",
    "has_qualification",
    "home_municipality",
    "in_establishment",
    "in_programme",
    "kaa_16_19",
    "long_term_unemployed",
    "newly_arrived",
    "newly_arrived_in_establishment",
    "newly_arrived_outside_establishment",
    "registered",
]


def _age_on(birth_date: date, on: date) -> int:
    # Before the birth date a person is in no age band.
    return age(birth_date, on) if on >= birth_date else -1


def _int(name: str, on: date) -> int:
    value = parameter(name, on).value
    if not isinstance(value, int) or isinstance(value, bool):  # pragma: no cover - data bug
        raise TypeError(f"parameter {name} must be a whole number, not {value!r}")
    return value


def _age_criterion(
    person: Person, on: date, band: AgeBand, reference: Reference | None
) -> Criterion:
    age = _age_on(person.birth_date, on)
    return Criterion(
        name="age",
        holds=band.contains(age),
        explanation_sv=f"{age} år {on}; gruppen är {band} år",
        explanation_en=f"Aged {age} on {on}; the group is {band}",
        reference=reference,
    )


def _decide(
    rule: str, person: Person, on: date, version: LawVersion, *criteria: Criterion
) -> Decision:
    return Decision(
        rule=rule,
        holds=all(c.holds is True for c in criteria),
        on=on,
        version=version,
        subject=person.key,
        criteria=criteria,
    )


# ---------------------------------------------------------------------------------------
# DUA youth
# ---------------------------------------------------------------------------------------


def _youth(rule: str, person: Person, on: date, low_name: str, high_name: str) -> Decision:
    version = version_in_force(rule, on)
    low, high = parameter(low_name, on), parameter(high_name, on)
    band = AgeBand(min_age=_int(low_name, on), max_age=_int(high_name, on))
    return _decide(
        rule, person, on, version, _age_criterion(person, on, band, high.reference or low.reference)
    )


def dua_youth(person: Person, on: date) -> Decision:
    """Whether the person is in the DUA youth group 16–24 on `on` (age only).

    Sources: Hällefors 2015 (Målgrupp); GGV Bilaga 3 (Mål med samverkan); förordning
    (2015:502) 1 §.
    """
    return _youth(
        "dua_youth",
        person,
        on,
        "target_groups.dua_youth.min_age",
        "target_groups.dua_youth.max_age",
    )


def dua_youth_16_19(person: Person, on: date) -> Decision:
    """Whether the person is in the 16–19 band of DUA youth on `on` (Hällefors 2015)."""
    return _youth(
        "dua_youth_16_19",
        person,
        on,
        "target_groups.dua_youth.min_age",
        "target_groups.dua_youth_16_19.max_age",
    )


def dua_youth_20_24(person: Person, on: date) -> Decision:
    """Whether the person is in the 20–24 band of DUA youth on `on` (GGV, Hällefors)."""
    return _youth(
        "dua_youth_20_24",
        person,
        on,
        "target_groups.dua_youth_20_24.min_age",
        "target_groups.dua_youth.max_age",
    )


# ---------------------------------------------------------------------------------------
# KAA 16–19 (simplified until dua.rules.kaa exists)
# ---------------------------------------------------------------------------------------


def kaa_16_19(person: Person, on: date) -> Decision:
    """Whether the person is in the KAA 16–19 group on `on`: covered by KAA and at least 16.

    Coverage is [`kaa_coverage`][dua.rules.kaa.kaa_coverage] (the version of skollagen in
    force on `on`, which ends the day before the 20th birthday); the group adds the lower
    bound 16 that the GGV seed states. `value` is the responsible home municipality.

    Sources: GGV Bilaga 3 ("KAA 16-19 år med avbruten skolgång"); skollagen (2010:800)
    29 kap. 9 §.

    Raises:
        RuleNotInForce: `on` is before 2015-01-01.
    """
    coverage = kaa_coverage(person, on=on)
    minimum = parameter("target_groups.kaa.min_age", on)
    years = _age_on(person.birth_date, on)
    old_enough = Criterion(
        name="min_age",
        holds=years >= int(minimum.value),
        explanation_sv=f"{years} år {on}; gruppen börjar vid {minimum.value} år",
        explanation_en=f"Aged {years} on {on}; the group starts at {minimum.value}",
        reference=minimum.reference,
    )
    return Decision(
        rule="kaa_16_19",
        holds=coverage.holds and old_enough.holds is True,
        on=on,
        version=coverage.version,
        subject=person.key,
        value=coverage.value,
        criteria=(old_enough, *coverage.criteria),
    )


# ---------------------------------------------------------------------------------------
# Newly arrived
# ---------------------------------------------------------------------------------------


def in_establishment(person: Person, on: date) -> bool:
    """Whether a registration with an establishment programme code is active on `on`."""
    return any(
        r.programme in ESTABLISHMENT_PROGRAMMES and r.active_on(on) for r in person.registrations
    )


def _newly_arrived_criterion(person: Person) -> Criterion:
    return Criterion(
        name="newly_arrived",
        holds=person.newly_arrived,
        explanation_sv={True: "Nyanländ", False: "Inte nyanländ", None: "Okänt om nyanländ"}[
            person.newly_arrived
        ],
        explanation_en={
            True: "Newly arrived",
            False: "Not newly arrived",
            None: "Unknown whether newly arrived",
        }[person.newly_arrived],
    )


def newly_arrived_in_establishment(person: Person, on: date) -> Decision:
    """Whether the person is newly arrived and in the establishment assignment or
    programme on `on` (a registration with a code in `ESTABLISHMENT_PROGRAMMES`).

    Sources: lag (2010:197), to 2017-12-31; lag (2017:584) and förordning (2017:820) from
    2018-01-01; Norrköping 2018; Sjuhärad 2020.

    Raises:
        RuleNotInForce: `on` is before 2010-12-01.
    """
    version = version_in_force("newly_arrived_in_establishment", on)
    inside = in_establishment(person, on)
    return _decide(
        "newly_arrived_in_establishment",
        person,
        on,
        version,
        _newly_arrived_criterion(person),
        Criterion(
            name="in_establishment",
            holds=inside,
            explanation_sv=f"{'I' if inside else 'Inte i'} etableringsuppdraget/-programmet {on}",
            explanation_en=f"{'In' if inside else 'Not in'} the establishment assignment/programme on {on}",
            reference=version.references[0] if version.references else None,
        ),
    )


def newly_arrived_outside_establishment(
    person: Person, on: date, *, outside_all_programmes: bool = False
) -> Decision:
    """Whether the person is newly arrived and outside the establishment assignment or
    programme on `on`.

    With `outside_all_programmes`, the person must also have no active registration with
    any programme code, as in Sjuhärad's "nyanlända ej i program" (which counts those in
    JOB separately).

    Raises:
        RuleNotInForce: `on` is before 2010-12-01.
    """
    version = version_in_force("newly_arrived_outside_establishment", on)
    criteria = [
        _newly_arrived_criterion(person),
        Criterion(
            name="outside_establishment",
            holds=not in_establishment(person, on),
            explanation_sv=f"{'Inte i' if not in_establishment(person, on) else 'I'} etableringsuppdraget/-programmet {on}",
            explanation_en=f"{'Not in' if not in_establishment(person, on) else 'In'} the establishment assignment/programme on {on}",
            reference=version.references[0] if version.references else None,
        ),
    ]
    if outside_all_programmes:
        active = sorted(
            {r.programme for r in person.registrations if r.programme and r.active_on(on)}
        )
        criteria.append(
            Criterion(
                name="outside_programmes",
                holds=not active,
                explanation_sv=f"I program: {', '.join(active)}"
                if active
                else "Inte inskriven i något program",
                explanation_en=f"In programmes: {', '.join(active)}"
                if active
                else "Not in any programme",
            )
        )
    return _decide("newly_arrived_outside_establishment", person, on, version, *criteria)


# ---------------------------------------------------------------------------------------
# Long-term unemployed
# ---------------------------------------------------------------------------------------


def long_term_unemployed(
    person: Person,
    on: date,
    *,
    open_codes: Collection[str] = OPEN_UNEMPLOYMENT_CODES,
    uga_codes: Collection[str] = UGA_CODES,
    job_codes: Collection[str] = (),
) -> Decision:
    """Whether the person is long-term unemployed on `on`: more than 450 days in JOB.

    The days are counted by [`long_term_in_job`][dua.rules.programmes.long_term_in_job].

    Source: Sjuhärad 2020, avsnitt 4 (133 of 1 339 in JOB "inskrivna mer än 450 dagar").

    Raises:
        RuleNotInForce: `on` is before 2007-07-02.
    """
    version = version_in_force("long_term_unemployed", on)
    marker = long_term_in_job(
        person, on, open_codes=open_codes, uga_codes=uga_codes, job_codes=job_codes
    )
    decision = _decide("long_term_unemployed", person, on, version, *marker.criteria)
    return attrs.evolve(decision, value=marker.value)


# ---------------------------------------------------------------------------------------
# User-defined groups
# ---------------------------------------------------------------------------------------

Test = Callable[[Person, date], "bool | None"]


@attrs.frozen(kw_only=True)
class Predicate:
    """A condition on a person on a date, with what it requires in Swedish and English.

    `test` returns `True`, `False`, or `None` when the data cannot tell. `~predicate` is
    its negation (`None` stays `None`).

    >>> adult = Predicate(name="vuxen", test=lambda p, on: p.birth_date.year < on.year - 18,
    ...                   explanation_sv="över 18 år", explanation_en="over 18")
    >>> (~adult).explanation_en
    'not: over 18'
    """

    name: str
    test: Test = attrs.field(eq=False)
    explanation_sv: str
    explanation_en: str
    reference: Reference | None = None

    def __call__(self, person: Person, on: date) -> Criterion:
        """Evaluate the predicate as a criterion."""
        holds = self.test(person, on)
        mark_sv = {True: "uppfyllt", False: "inte uppfyllt", None: "kan inte bedömas"}[holds]
        mark_en = {True: "met", False: "not met", None: "cannot be judged"}[holds]
        return Criterion(
            name=self.name,
            holds=holds,
            explanation_sv=f"{self.explanation_sv.capitalize()}: {mark_sv}",
            explanation_en=f"{self.explanation_en.capitalize()}: {mark_en}",
            reference=self.reference,
        )

    def __invert__(self) -> Predicate:
        inner = self.test

        def negated(person: Person, on: date) -> bool | None:
            result = inner(person, on)
            return None if result is None else not result

        return Predicate(
            name=f"not_{self.name}",
            test=negated,
            explanation_sv=f"inte: {self.explanation_sv}",
            explanation_en=f"not: {self.explanation_en}",
            reference=self.reference,
        )


def registered(codes: Collection[str]) -> Predicate:
    """A registration with a category in `codes` is active on the date (e.g. `{"11"}`)."""
    wanted = frozenset(codes)
    shown = ", ".join(sorted(wanted))
    return Predicate(
        name=f"registered_{'_'.join(sorted(wanted))}",
        test=lambda p, on: any(r.category in wanted and r.active_on(on) for r in p.registrations),
        explanation_sv=f"inskriven med sökandekategori {shown}",
        explanation_en=f"registered with category {shown}",
    )


def in_programme(codes: Collection[str]) -> Predicate:
    """A registration with a programme code in `codes` is active on the date."""
    wanted = frozenset(codes)
    shown = ", ".join(sorted(wanted))
    return Predicate(
        name=f"in_programme_{'_'.join(sorted(wanted))}",
        test=lambda p, on: any(r.programme in wanted and r.active_on(on) for r in p.registrations),
        explanation_sv=f"i program {shown}",
        explanation_en=f"in programme {shown}",
    )


def enrolled(kinds: Collection[EnrolmentKind]) -> Predicate:
    """An enrolment of a kind in `kinds` is active on the date."""
    wanted = frozenset(kinds)
    shown = ", ".join(sorted(k.value for k in wanted))
    return Predicate(
        name="enrolled",
        test=lambda p, on: any(e.kind in wanted and e.active_on(on) for e in p.enrolments),
        explanation_sv=f"studerar ({shown})",
        explanation_en=f"enrolled ({', '.join(sorted(k.label_en for k in wanted))})",
    )


def has_qualification(kinds: Collection[QualificationKind]) -> Predicate:
    """A qualification of a kind in `kinds` was received on or before the date."""
    wanted = frozenset(kinds)
    return Predicate(
        name="has_qualification",
        test=lambda p, on: any(q.kind in wanted and q.on <= on for q in p.qualifications),
        explanation_sv=f"har {', '.join(sorted(k.value for k in wanted))}",
        explanation_en=f"has {', '.join(sorted(k.label_en for k in wanted))}",
    )


def newly_arrived() -> Predicate:
    """The person is newly arrived (`None` if unknown)."""
    return Predicate(
        name="newly_arrived",
        test=lambda p, on: p.newly_arrived,
        explanation_sv="nyanländ",
        explanation_en="newly arrived",
    )


def foreign_born() -> Predicate:
    """The person is foreign-born (`None` if unknown)."""
    return Predicate(
        name="foreign_born",
        test=lambda p, on: p.foreign_born,
        explanation_sv="utrikes född",
        explanation_en="foreign-born",
    )


def home_municipality(code: str) -> Predicate:
    """The person's home municipality is `code` (`None` if unknown)."""
    return Predicate(
        name=f"home_municipality_{code}",
        test=lambda p, on: None if p.home_municipality is None else p.home_municipality == code,
        explanation_sv=f"hemkommun {code}",
        explanation_en=f"home municipality {code}",
    )


def _predicates(values: Iterable[Predicate]) -> tuple[Predicate, ...]:
    return tuple(values)


def _references(values: Iterable[Reference]) -> tuple[Reference, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class GroupDefinition:
    """A user-defined target group: an optional age band plus predicates.

    A person is a member on a date when their age is in `age_band` and every predicate
    holds (a predicate that cannot be judged means not a member). `validity` limits the
    dates the definition applies to; `references` cite where it comes from.

    >>> from dua.model import TargetGroup
    >>> tg = TargetGroup(id="unga", name="Unga 20–24", age_band=AgeBand(min_age=20, max_age=24))
    >>> GroupDefinition.from_target_group(tg).age_band
    AgeBand(min_age=20, max_age=24)
    """

    id: str
    name: str
    age_band: AgeBand | None = None
    predicates: tuple[Predicate, ...] = attrs.field(default=(), converter=_predicates)
    references: tuple[Reference, ...] = attrs.field(default=(), converter=_references)
    validity: Period | None = None

    @classmethod
    def from_target_group(cls, group: TargetGroup, *predicates: Predicate) -> GroupDefinition:
        """A definition from an agreement's target group (its id, name and age band) and
        the predicates that express its situations."""
        return cls(id=group.id, name=group.name, age_band=group.age_band, predicates=predicates)

    @property
    def version(self) -> LawVersion:
        """The definition as the version a decision applies."""
        start = self.validity.start if self.validity else date.min
        return LawVersion(
            rule=f"group:{self.id}",
            id=self.id,
            in_force_from=start,
            in_force_to=self.validity.end if self.validity else None,
            description_sv=self.name,
            description_en=self.name,
            references=self.references,
        )

    def member(self, person: Person, on: date) -> Decision:
        """Whether `person` belongs to the group on `on`, with each condition evaluated.

        Raises:
            RuleNotInForce: `on` is outside the definition's `validity`.
        """
        version = self.version
        if not version.in_force_on(on):
            raise RuleNotInForce(version.rule, on, version.in_force_from, version.in_force_to)
        criteria = [_age_criterion(person, on, self.age_band, None)] if self.age_band else []
        criteria.extend(predicate(person, on) for predicate in self.predicates)
        return _decide(version.rule, person, on, version, *criteria)
