"""Target-group membership (dua.rules.target_groups).

Sources: Hällefors 2015 (874 aged 16–24; registered 16–24 and 16–19); GGV Bilaga 3
(16–24, 20–24, KAA 16–19); Norrköping 2018 and Sjuhärad 2020 (newly arrived in the
establishment programme, in JOB, "ej i program"; more than 450 days in JOB).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.errors import RuleNotInForce
from dua.model import (
    AgeBand,
    Enrolment,
    EnrolmentKind,
    Period,
    Person,
    Qualification,
    QualificationKind,
    Registration,
    TargetGroup,
)
from dua.rules.programmes import long_term_in_job
from dua.rules.target_groups import (
    GroupDefinition,
    Predicate,
    dua_youth,
    dua_youth_16_19,
    dua_youth_20_24,
    enrolled,
    foreign_born,
    has_qualification,
    home_municipality,
    in_programme,
    kaa_16_19,
    long_term_unemployed,
    newly_arrived,
    newly_arrived_in_establishment,
    newly_arrived_outside_establishment,
    registered,
)

D = timedelta(days=1)
BIRTH = date(2000, 3, 15)


def at_age(years: int, days: int = 0) -> date:
    """The day `days` after the birthday on which someone born on BIRTH turns `years`."""
    return date(BIRTH.year + years, BIRTH.month, BIRTH.day) + days * D


# --- DUA youth and its bands ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "all_", "young", "older"),
    [
        (at_age(16, -1), False, False, False),  # the day before the 16th birthday
        (at_age(16), True, True, False),
        (at_age(20, -1), True, True, False),  # last day in 16–19
        (at_age(20), True, False, True),  # first day in 20–24
        (at_age(25, -1), True, False, True),  # last day in 16–24
        (at_age(25), False, False, False),
    ],
)
def test_dua_youth_bands(on: date, all_: bool, young: bool, older: bool) -> None:
    p = Person(key="p", birth_date=BIRTH)
    assert bool(dua_youth(p, on)) is all_
    assert bool(dua_youth_16_19(p, on)) is young
    assert bool(dua_youth_20_24(p, on)) is older


@given(st.dates(date(2000, 1, 1), date(2030, 12, 31)), st.dates(date(1970, 1, 1), date(2025, 1, 1)))
def test_the_bands_partition_dua_youth(on: date, birth: date) -> None:
    p = Person(key="p", birth_date=birth)
    in_band = [bool(dua_youth_16_19(p, on)), bool(dua_youth_20_24(p, on))]
    assert sum(in_band) == int(bool(dua_youth(p, on)))


# --- KAA 16–19 (delegates to dua.rules.kaa) -------------------------------------------------

COMPULSORY = Qualification(kind=QualificationKind.COMPULSORY_COMPLETED, on=date(2016, 6, 10))


def kaa_person(**kw: object) -> Person:
    fields: dict[str, object] = {"home_municipality": "1863", "qualifications": [COMPULSORY]}
    fields.update(kw)
    return Person(key="k", birth_date=BIRTH, **fields)  # type: ignore[arg-type]  # test helper passes optional model fields through


@pytest.mark.parametrize(
    ("person", "on", "holds"),
    [
        (kaa_person(), at_age(17), True),
        (kaa_person(), at_age(20, -1), True),  # the day before the 20th birthday
        (kaa_person(), at_age(20), False),
        (
            kaa_person(
                enrolments=[
                    Enrolment(kind=EnrolmentKind.NATIONAL_PROGRAMME, start=date(2016, 8, 20))
                ]
            ),
            at_age(17),
            False,
        ),
        (
            kaa_person(
                qualifications=[
                    COMPULSORY,
                    Qualification(
                        kind=QualificationKind.UPPER_SECONDARY_DIPLOMA, on=date(2019, 6, 1)
                    ),
                ]
            ),
            at_age(19, 90),
            False,
        ),
    ],
)
def test_kaa_16_19(person: Person, on: date, holds: bool) -> None:
    decision = kaa_16_19(person, on)
    assert bool(decision) is holds
    assert decision.rule == "kaa_16_19"
    assert decision.version.rule == "kaa"


def test_kaa_group_starts_at_16() -> None:
    early = Person(
        key="k", birth_date=date(2001, 9, 1), home_municipality="1863", qualifications=[COMPULSORY]
    )
    decision = kaa_16_19(early, date(2016, 8, 1))  # 14, compulsory school completed early
    assert [c.name for c in decision.failed][:1] == ["min_age"]


def test_kaa_before_2015_is_not_modelled() -> None:
    with pytest.raises(RuleNotInForce):
        kaa_16_19(kaa_person(), date(2014, 12, 31))


# --- Newly arrived --------------------------------------------------------------------------


def newcomer(*registrations: Registration, newly: bool | None = True) -> Person:
    return Person(
        key="n", birth_date=date(1990, 1, 1), newly_arrived=newly, registrations=registrations
    )


EP = Registration(start=date(2018, 3, 1), programme="etableringsprogrammet")
EU = Registration(start=date(2016, 3, 1), programme="etableringsuppdraget")
JOB = Registration(start=date(2019, 1, 1), programme="job")


@pytest.mark.parametrize(
    ("person", "on", "inside", "outside", "not_in_programme"),
    [
        (newcomer(EP), date(2020, 6, 1), True, False, False),
        (newcomer(EU), date(2017, 6, 1), True, False, False),
        # plans under the old law could be completed after 2017 (AFFS 2017:2)
        (newcomer(EU), date(2018, 6, 1), True, False, False),
        (
            newcomer(JOB),
            date(2020, 6, 1),
            False,
            True,
            False,
        ),  # Sjuhärad: in JOB, not "ej i program"
        (newcomer(), date(2020, 6, 1), False, True, True),
        (newcomer(EP, newly=False), date(2020, 6, 1), False, False, False),
        (newcomer(newly=None), date(2020, 6, 1), False, False, False),  # unknown: not counted
    ],
)
def test_newly_arrived(
    person: Person, on: date, inside: bool, outside: bool, not_in_programme: bool
) -> None:
    assert bool(newly_arrived_in_establishment(person, on)) is inside
    assert bool(newly_arrived_outside_establishment(person, on)) is outside
    assert (
        bool(newly_arrived_outside_establishment(person, on, outside_all_programmes=True))
        is not_in_programme
    )


@pytest.mark.parametrize(
    ("on", "version"),
    [
        (date(2017, 12, 31), "establishment-assignment-2010-12-01"),
        (date(2018, 1, 1), "establishment-programme-2018-01-01"),
    ],
)
def test_establishment_versions(on: date, version: str) -> None:
    assert newly_arrived_in_establishment(newcomer(EU), on).version.id == version


def test_establishment_before_2010_12_01_is_not_modelled() -> None:
    with pytest.raises(RuleNotInForce, match="2010-12-01"):
        newly_arrived_in_establishment(newcomer(), date(2010, 11, 30))


# --- Long-term unemployed (Sjuhärad: more than 450 days in JOB) -----------------------------


@pytest.mark.parametrize(("offset", "holds"), [(449, False), (450, True)])
def test_long_term_unemployed(offset: int, holds: bool) -> None:
    p = newcomer(JOB)
    on = JOB.start + offset * D
    decision = long_term_unemployed(p, on)
    assert bool(decision) is holds
    assert decision.value == long_term_in_job(p, on).value == offset + 1


# --- User-defined groups --------------------------------------------------------------------


def test_group_from_an_agreement_target_group() -> None:
    tg = TargetGroup(
        id="unga-utan-gymnasium",
        name="Unga utan gymnasieexamen",
        age_band=AgeBand(min_age=20, max_age=24),
    )
    group = GroupDefinition.from_target_group(
        tg, ~has_qualification({QualificationKind.UPPER_SECONDARY_DIPLOMA}), registered({"11"})
    )
    member = Person(
        key="m",
        birth_date=date(1995, 1, 1),
        registrations=[Registration(start=date(2016, 1, 1), category="11")],
    )
    decision = group.member(member, date(2016, 6, 1))
    assert decision
    assert decision.rule == "group:unga-utan-gymnasium"
    assert [c.name for c in decision.criteria] == ["age", "not_has_qualification", "registered_11"]
    graduate = Person(
        key="g",
        birth_date=date(1995, 1, 1),
        registrations=member.registrations,
        qualifications=[
            Qualification(kind=QualificationKind.UPPER_SECONDARY_DIPLOMA, on=date(2014, 6, 1))
        ],
    )
    assert [c.name for c in group.member(graduate, date(2016, 6, 1)).failed] == [
        "not_has_qualification"
    ]


@pytest.mark.parametrize(
    ("predicate", "person", "expected"),
    [
        (foreign_born(), Person(key="a", birth_date=BIRTH, foreign_born=True), True),
        (foreign_born(), Person(key="a", birth_date=BIRTH), None),
        (~foreign_born(), Person(key="a", birth_date=BIRTH), None),  # unknown stays unknown
        (~foreign_born(), Person(key="a", birth_date=BIRTH, foreign_born=False), True),
        (newly_arrived(), Person(key="a", birth_date=BIRTH, newly_arrived=True), True),
        (
            home_municipality("1863"),
            Person(key="a", birth_date=BIRTH, home_municipality="1863"),
            True,
        ),
        (
            home_municipality("1863"),
            Person(key="a", birth_date=BIRTH, home_municipality="0114"),
            False,
        ),
        (in_programme({"job"}), newcomer(JOB), True),
        (
            enrolled({EnrolmentKind.SFI}),
            Person(
                key="a",
                birth_date=BIRTH,
                enrolments=[Enrolment(kind=EnrolmentKind.SFI, start=date(2019, 1, 1))],
            ),
            True,
        ),
    ],
)
def test_predicates(predicate: Predicate, person: Person, expected: bool | None) -> None:
    assert predicate(person, date(2020, 6, 1)).holds is expected


def test_unjudgeable_predicate_means_not_a_member() -> None:
    group = GroupDefinition(id="utrikes", name="Utrikes födda", predicates=(foreign_born(),))
    decision = group.member(Person(key="a", birth_date=BIRTH), date(2020, 1, 1))
    assert not decision
    assert decision.criteria[0].holds is None
    assert "kan inte bedömas" in decision.explain()


def test_group_validity() -> None:
    group = GroupDefinition(
        id="ggv",
        name="GGV 2016–2018",
        validity=Period(start=date(2016, 1, 1), end=date(2018, 12, 31)),
    )
    assert group.member(Person(key="a", birth_date=BIRTH), date(2017, 1, 1))
    with pytest.raises(RuleNotInForce, match="2016-01-01 to 2018-12-31"):
        group.member(Person(key="a", birth_date=BIRTH), date(2019, 1, 1))


# --- Properties -----------------------------------------------------------------------------

regs = st.lists(
    st.builds(
        lambda s, n, code, prog: Registration(
            start=date(2016, 1, 1) + s * D,
            end=date(2016, 1, 1) + (s + n) * D,
            category=code,
            programme=prog,
        ),
        st.integers(0, 1500),
        st.integers(0, 600),
        st.sampled_from(["11", "14", "69"]),
        st.sampled_from([None, "job", "etableringsprogrammet", "etableringsuppdraget"]),
    ),
    max_size=6,
)


@given(
    regs,
    st.dates(date(2018, 1, 1), date(2021, 12, 31)),
    st.booleans(),
    st.randoms(use_true_random=False),
)
def test_membership_does_not_depend_on_record_order(
    registrations: list[Registration], on: date, newly: bool, rnd: random.Random
) -> None:
    shuffled = list(registrations)
    rnd.shuffle(shuffled)
    p = Person(
        key="x", birth_date=date(1995, 5, 5), newly_arrived=newly, registrations=registrations
    )
    q = Person(key="x", birth_date=date(1995, 5, 5), newly_arrived=newly, registrations=shuffled)
    for rule in (
        newly_arrived_in_establishment,
        newly_arrived_outside_establishment,
        long_term_unemployed,
    ):
        assert rule(p, on) == rule(q, on)


@given(regs, st.dates(date(2018, 1, 1), date(2021, 12, 31)))
def test_in_and_outside_establishment_are_complementary(
    registrations: list[Registration], on: date
) -> None:
    p = Person(
        key="x", birth_date=date(1995, 5, 5), newly_arrived=True, registrations=registrations
    )
    assert bool(newly_arrived_in_establishment(p, on)) != bool(
        newly_arrived_outside_establishment(p, on)
    )
