"""Target-group membership (dua.rules.target_groups).

Sources: Hällefors 2015 (874 aged 16–24; registered 16–24 and 16–19); GGV Bilaga 3
(16–24, 20–24, KAA 16–19); Norrköping 2018 and Sjuhärad 2020 (newly arrived in the
establishment programme, in JOB, "ej i program"; more than 450 days in JOB).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

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
from dua.rules import Decision, Reference
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
from tests.rules._law_data import edit_law_data

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
    ("make", "person", "expected"),
    [
        (lambda: foreign_born(), Person(key="a", birth_date=BIRTH, foreign_born=True), True),
        (lambda: foreign_born(), Person(key="a", birth_date=BIRTH), None),
        (lambda: ~foreign_born(), Person(key="a", birth_date=BIRTH), None),  # unknown stays unknown
        (lambda: ~foreign_born(), Person(key="a", birth_date=BIRTH, foreign_born=False), True),
        (lambda: newly_arrived(), Person(key="a", birth_date=BIRTH, newly_arrived=True), True),
        (
            lambda: home_municipality("1863"),
            Person(key="a", birth_date=BIRTH, home_municipality="1863"),
            True,
        ),
        (
            lambda: home_municipality("1863"),
            Person(key="a", birth_date=BIRTH, home_municipality="0114"),
            False,
        ),
        (lambda: in_programme({"job"}), newcomer(JOB), True),
        (
            lambda: enrolled({EnrolmentKind.SFI}),
            Person(
                key="a",
                birth_date=BIRTH,
                enrolments=[Enrolment(kind=EnrolmentKind.SFI, start=date(2019, 1, 1))],
            ),
            True,
        ),
    ],
)
def test_predicates(make: Callable[[], Predicate], person: Person, expected: bool | None) -> None:
    # The predicate is made inside the test (not at collection), so that a mutant of its
    # factory is what the test runs (make mutation, docs/testing.md).
    assert make()(person, date(2020, 6, 1)).holds is expected


def test_unjudgeable_predicate_means_not_a_member() -> None:
    group = GroupDefinition(id="utrikes", name="Utrikes födda", predicates=(foreign_born(),))
    decision = group.member(Person(key="a", birth_date=BIRTH), date(2020, 1, 1))
    assert not decision
    assert decision.criteria[0].holds is None
    assert "kan inte bedömas" in decision.explain()


@pytest.mark.usefixtures("english_messages")  # matches English words
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


# --- The reasons of each decision (issue 8, mutation testing) -------------------------------
# Mutants that renamed a criterion, cited another source or dropped the subject survived,
# because the tests above read only whether the person is a member.


@pytest.mark.parametrize(
    ("rule", "on", "citation"),
    [
        # GGV Bilaga 3: "hela målgruppen unga mellan 16 och 24 år"; 20–24 for traineejobb
        (dua_youth, at_age(16), "Värnamo, Gislaved och Gnosjö, Bilaga 3"),
        (dua_youth_20_24, at_age(20), "Värnamo, Gislaved och Gnosjö, Bilaga 3"),
        # Hällefors 2015, Målgrupp: the 16–19 band is the seed's own
        (dua_youth_16_19, at_age(16), "Hällefors, lokal överenskommelse 2015-11-30, Målgrupp"),
    ],
)
def test_each_youth_band_cites_its_seed(
    rule: Callable[[Person, date], Decision], on: date, citation: str
) -> None:
    decision = rule(Person(key="p", birth_date=BIRTH), on)
    assert decision
    assert decision.subject == "p"
    [criterion] = decision.criteria
    assert (criterion.name, criterion.holds) == ("age", True)
    assert criterion.reference is not None
    assert criterion.reference.citation.startswith(citation)


def test_kaa_16_19_reports_the_home_municipality_and_every_criterion() -> None:
    # GGV Bilaga 3 ("KAA 16-19 år") adds the lower bound 16 to the coverage of skollagen
    # 29 kap. 9 §; the responsible home municipality is the decision's value.
    decision = kaa_16_19(kaa_person(), at_age(17))
    assert decision.value == "1863"
    assert (decision.subject, decision.on) == ("k", at_age(17))
    assert [c.name for c in decision.criteria] == [
        "min_age",
        "age",
        "residence",
        "compulsory_school",
        "not_completed",
        "not_enrolled",
    ]
    min_age = decision.criteria[0]
    assert min_age.holds is True
    assert min_age.reference is not None
    assert "Bilaga 3" in min_age.reference.citation
    # on the 16th birthday the group begins
    assert kaa_16_19(kaa_person(), at_age(16)).criteria[0].holds is True
    assert kaa_16_19(kaa_person(), at_age(16, -1)).criteria[0].holds is False


@pytest.mark.parametrize("newly", [True, False, None])
def test_the_newly_arrived_criterion_says_what_is_known(newly: bool | None) -> None:
    decision = newly_arrived_in_establishment(newcomer(EP, newly=newly), date(2020, 6, 1))
    criterion = decision.criteria[0]
    assert (criterion.name, criterion.holds) == ("newly_arrived", newly)
    assert (
        criterion.explanation_en
        == {
            True: "Newly arrived",
            False: "Not newly arrived",
            None: "Unknown whether newly arrived",
        }[newly]
    )


def test_the_establishment_criteria_cite_the_law_in_force() -> None:
    # lag (2017:584) from 2018-01-01; the criterion says whether the person is inside.
    inside = newly_arrived_in_establishment(newcomer(EP), date(2020, 6, 1))
    assert inside.subject == "n"
    assert [(c.name, c.holds) for c in inside.criteria] == [
        ("newly_arrived", True),
        ("in_establishment", True),
    ]
    assert inside.criteria[1].reference is not None
    assert "2017:584" in inside.criteria[1].reference.citation
    assert inside.criteria[1].explanation_en == (
        "In the establishment assignment/programme on 2020-06-01"
    )
    outside = newly_arrived_outside_establishment(
        newcomer(JOB, Registration(start=date(2019, 1, 1), programme="abc")),
        date(2020, 6, 1),
        outside_all_programmes=True,
    )
    assert outside.subject == "n"
    assert [(c.name, c.holds) for c in outside.criteria] == [
        ("newly_arrived", True),
        ("outside_establishment", True),
        ("outside_programmes", False),
    ]
    assert outside.criteria[1].reference is not None
    assert "2017:584" in outside.criteria[1].reference.citation
    # Sjuhärad's "nyanlända ej i program": the explanation names the programmes, sorted
    assert outside.criteria[2].explanation_en == "In programmes: abc, job"


def test_an_inactive_programme_registration_is_not_in_a_programme() -> None:
    # Sjuhärad 2020 "ej i program" is judged on the date: a JOB spell that ended counts not.
    ended = Registration(start=date(2019, 1, 1), end=date(2019, 12, 31), programme="job")
    decision = newly_arrived_outside_establishment(
        newcomer(ended), date(2020, 6, 1), outside_all_programmes=True
    )
    assert decision
    assert decision.criteria[2].explanation_en == "Not in any programme"


def test_long_term_unemployment_passes_its_codes_on() -> None:
    # Sjuhärad 2020: more than 450 days in JOB; where the data marks JOB by a category
    # code instead of the programme, `job_codes` names it and reaches the day count.
    p = newcomer(Registration(start=date(2019, 1, 1), category="74"))
    on = date(2019, 1, 1) + 450 * D
    assert not long_term_unemployed(p, on)
    decision = long_term_unemployed(p, on, job_codes={"74"})
    assert decision
    assert decision.subject == "n"
    assert decision.value == long_term_in_job(p, on, job_codes={"74"}).value


@pytest.mark.parametrize(
    ("make", "name", "explanation_sv", "explanation_en"),
    [
        (lambda: registered({"14", "11"}), "registered_11_14", "inskriven med sökandekategori 11, 14",
         "registered with category 11, 14"),
        (lambda: in_programme({"job", "abc"}), "in_programme_abc_job", "i program abc, job",
         "in programme abc, job"),
        (lambda: enrolled({EnrolmentKind.SFI, EnrolmentKind.ADULT_EDUCATION}), "enrolled", "studerar (komvux, sfi)",
         "enrolled (Swedish for immigrants, municipal adult education)"),
        (lambda: has_qualification({QualificationKind.UPPER_SECONDARY_DIPLOMA}), "has_qualification",
         "har examensbevis", "has upper-secondary diploma"),
        (lambda: newly_arrived(), "newly_arrived", "nyanländ", "newly arrived"),
        (lambda: foreign_born(), "foreign_born", "utrikes född", "foreign-born"),
        (lambda: home_municipality("1863"), "home_municipality_1863", "hemkommun 1863",
         "home municipality 1863"),
    ],
)  # fmt: skip
def test_each_predicate_names_what_it_requires(
    make: Callable[[], Predicate], name: str, explanation_sv: str, explanation_en: str
) -> None:
    predicate = make()
    # A user-defined group's criteria are read by people: the name identifies the
    # condition (e.g. in `failed`), the explanation says it in Swedish and English.
    assert (predicate.name, predicate.explanation_sv, predicate.explanation_en) == (
        name,
        explanation_sv,
        explanation_en,
    )


def test_a_predicate_reads_the_date_it_is_asked_about() -> None:
    on = date(2020, 6, 1)
    spell = Registration(start=on, end=on, category="11", programme="job")
    p = Person(
        key="a",
        birth_date=BIRTH,
        registrations=[spell],
        enrolments=[Enrolment(kind=EnrolmentKind.SFI, start=on, end=on)],
        qualifications=[Qualification(kind=QualificationKind.UPPER_SECONDARY_DIPLOMA, on=on)],
    )
    for predicate in (
        registered({"11"}),
        in_programme({"job"}),
        enrolled({EnrolmentKind.SFI}),
        has_qualification({QualificationKind.UPPER_SECONDARY_DIPLOMA}),
    ):
        assert predicate(p, on).holds is True, predicate.name
        assert predicate(p, on - D).holds is False, predicate.name
    # a registration, enrolment or qualification of another kind does not count
    assert registered({"14"})(p, on).holds is False
    assert in_programme({"etableringsprogrammet"})(p, on).holds is False
    assert enrolled({EnrolmentKind.NATIONAL_PROGRAMME})(p, on).holds is False
    assert has_qualification({QualificationKind.COMPULSORY_COMPLETED})(p, on).holds is False
    assert home_municipality("1863")(p, on).holds is None  # unknown stays unknown


def test_a_group_definition_applies_as_a_version() -> None:
    ref = GroupDefinition(id="x", name="X").version
    assert (ref.rule, ref.id, ref.in_force_from, ref.in_force_to) == (
        "group:x",
        "x",
        date.min,
        None,
    )
    assert (ref.description_sv, ref.description_en) == ("X", "X")
    dated = GroupDefinition(
        id="ggv", name="GGV", validity=Period(start=date(2016, 1, 1), end=date(2018, 12, 31))
    ).version
    assert (dated.in_force_from, dated.in_force_to) == (date(2016, 1, 1), date(2018, 12, 31))
    decision = GroupDefinition(
        id="ggv", name="GGV", age_band=AgeBand(min_age=16, max_age=24)
    ).member(Person(key="a", birth_date=BIRTH), at_age(16, -1))
    assert not decision
    assert decision.subject == "a"
    assert [(c.name, c.holds) for c in decision.criteria] == [("age", False)]


def test_a_negated_predicate_keeps_its_source_and_its_unknowns() -> None:
    # `~predicate` (e.g. "without a diploma", GGV Bilaga 3) rests on the same source, and
    # what cannot be judged stays unjudged instead of becoming true.
    source = Reference(id="r", citation="GGV Bilaga 3", explanation_sv="sv", explanation_en="en")
    known = Predicate(
        name="x",
        test=lambda p, on: p.foreign_born,
        explanation_sv="x",
        explanation_en="x",
        reference=source,
    )
    negated = ~known
    assert negated.reference == source
    assert known(Person(key="a", birth_date=BIRTH), date(2020, 1, 1)).reference == source
    assert negated(Person(key="a", birth_date=BIRTH), date(2020, 1, 1)).reference == source
    assert negated(Person(key="a", birth_date=BIRTH), date(2020, 1, 1)).holds is None
    assert (
        negated(Person(key="a", birth_date=BIRTH, foreign_born=True), date(2020, 1, 1)).holds
        is False
    )


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_group_from_an_agreement_keeps_its_name_and_says_when_it_does_not_apply() -> None:
    tg = TargetGroup(id="unga", name="Unga 20–24", age_band=AgeBand(min_age=20, max_age=24))
    group = GroupDefinition.from_target_group(tg)
    assert (group.id, group.name, group.predicates) == ("unga", "Unga 20–24", ())
    dated = GroupDefinition(
        id="ggv", name="GGV", validity=Period(start=date(2016, 1, 1), end=date(2018, 12, 31))
    )
    with pytest.raises(RuleNotInForce, match=r"^group:ggv: .*2016-01-01 to 2018-12-31"):
        dated.member(Person(key="a", birth_date=BIRTH), date(2015, 12, 31))


# --- issue 8 item 4: what each decision records ---------------------------------------------

_NEWCOMER = newcomer(EP)
_LONG = newcomer(JOB)


@pytest.mark.parametrize(
    ("rule", "person", "on", "name", "version"),
    [
        # target_groups.toml [[versions]]: DUA youth changed on 2023-03-01
        (dua_youth, Person(key="p", birth_date=BIRTH), date(2023, 2, 28), "dua_youth",
         "dua-youth-16-24"),
        (dua_youth, Person(key="p", birth_date=BIRTH), date(2023, 3, 1), "dua_youth",
         "dua-youth-16-24-2023-03-01"),
        (dua_youth_16_19, Person(key="p", birth_date=BIRTH), at_age(16), "dua_youth_16_19",
         "dua-youth-16-19"),
        (dua_youth_20_24, Person(key="p", birth_date=BIRTH), at_age(20), "dua_youth_20_24",
         "dua-youth-20-24"),
        # lag (2010:197) until 2017-12-31, lag (2017:584) from 2018-01-01
        (newly_arrived_in_establishment, _NEWCOMER, date(2017, 12, 31),
         "newly_arrived_in_establishment", "establishment-assignment-2010-12-01"),
        (newly_arrived_in_establishment, _NEWCOMER, date(2018, 1, 1),
         "newly_arrived_in_establishment", "establishment-programme-2018-01-01"),
        (newly_arrived_outside_establishment, _NEWCOMER, date(2017, 12, 31),
         "newly_arrived_outside_establishment", "outside-establishment-assignment-2010-12-01"),
        (newly_arrived_outside_establishment, _NEWCOMER, date(2018, 1, 1),
         "newly_arrived_outside_establishment", "outside-establishment-programme-2018-01-01"),
        # Sjuhärad 2020: more than 450 days in JOB
        (long_term_unemployed, _LONG, JOB.start + 450 * D, "long_term_unemployed",
         "long-term-unemployed-450"),
    ],
)  # fmt: skip
def test_each_group_decision_records_its_rule_day_subject_and_version(
    rule: Callable[[Person, date], Decision], person: Person, on: date, name: str, version: str
) -> None:
    decision = rule(person, on)
    assert (decision.rule, decision.on, decision.subject) == (name, on, person.key)
    assert (decision.version.rule, decision.version.id) == (name, version)


@pytest.mark.parametrize(
    ("on", "member", "age_text"),
    [
        (BIRTH - D, False, "Aged -1"),  # the day before the birth: in no band, not even 0–0
        (BIRTH, True, "Aged 0"),  # the birth date: aged 0
        (at_age(1, -1), True, "Aged 0"),
        (at_age(1), False, "Aged 1"),  # the first birthday
    ],
)
def test_an_age_band_from_zero_starts_on_the_birth_date(
    on: date, member: bool, age_text: str
) -> None:
    # DOMAIN.md (age on a date; lag (1930:173) 1 §): the age counts from the birth date;
    # before it a person is in no age band, whatever the band's lower bound.
    group = GroupDefinition(id="g", name="g", age_band=AgeBand(min_age=0, max_age=0))
    decision = group.member(Person(key="p", birth_date=BIRTH), on)
    assert bool(decision) is member
    assert decision.criteria[0].explanation_en.startswith(f"{age_text} on {on}")


@pytest.mark.parametrize(
    ("codes", "days", "since"),
    [
        ({}, 0, None),  # category 12 is none of the default codes: not in JOB
        ({"open_codes": {"12"}}, 702, "2017-06-30 (computed)"),  # 90 days open, then UGA
        ({"uga_codes": {"12"}}, 792, "2017-04-01 (computed)"),  # UGA from the start
        ({"job_codes": {"12"}}, 1248, "2016-01-01 (recorded)"),
    ],
)
def test_long_term_unemployment_passes_each_code_set_on(
    codes: dict[str, set[str]], days: int, since: str | None
) -> None:
    # Sjuhärad 2020 (more than 450 days in JOB), the JOB start computed as in
    # job_phase3_entry (förordning (2007:813) 5 §, förordning (2007:414) 5 §): each of the
    # three code sets reaches the day count; a youth registered with a local code "12".
    p = Person(key="n", birth_date=date(1998, 1, 1),
               registrations=[Registration(start=date(2016, 1, 1), category="12")])  # fmt: skip
    decision = long_term_unemployed(p, date(2019, 6, 1), **codes)
    assert decision.value == days
    assert bool(decision) is (days > 450)
    [criterion] = decision.criteria
    assert (f"in JOB since {since}" if since else "not in JOB") in criterion.explanation_en


# --- issue 8 item 4: the rules read the parameter table as it stands -------------------------


def _edit_table(
    monkeypatch: pytest.MonkeyPatch,
    *,
    parameter_values: dict[str, int | Decimal | str | bool] | None = None,
    unreferenced: frozenset[str] = frozenset(),
) -> None:
    # The bundled parameter files with some values replaced and the references of some
    # rules' versions removed, as a municipality's edit might leave them.
    edit_law_data(monkeypatch, values=parameter_values, unreferenced=unreferenced)


@pytest.mark.parametrize("value", ["16", True, Decimal("16.5")])
def test_an_age_limit_that_is_not_a_whole_number_is_a_loud_data_bug(
    monkeypatch: pytest.MonkeyPatch, value: str | bool | Decimal
) -> None:
    # target_groups.toml `target_groups.dua_youth.min_age` is a whole number of years;
    # text, a truth value or a fraction there is a bug in the data, not a user's error.
    _edit_table(monkeypatch, parameter_values={"target_groups.dua_youth.min_age": value})
    with pytest.raises(
        TypeError,
        match=re.escape("parameter target_groups.dua_youth.min_age must be a whole number"),
    ):
        dua_youth(Person(key="p", birth_date=BIRTH), at_age(16))


def test_the_whole_number_check_lets_a_changed_limit_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _edit_table(monkeypatch, parameter_values={"target_groups.dua_youth.min_age": 17})
    assert not dua_youth(Person(key="p", birth_date=BIRTH), at_age(17, -1))
    assert dua_youth(Person(key="p", birth_date=BIRTH), at_age(17))


@pytest.mark.parametrize(
    ("rule", "outside_all_programmes"),
    [
        (newly_arrived_in_establishment, False),
        (newly_arrived_outside_establishment, False),
        (newly_arrived_outside_establishment, True),
    ],
)
def test_an_establishment_version_without_references_cites_nothing(
    monkeypatch: pytest.MonkeyPatch,
    rule: Callable[..., Decision],
    outside_all_programmes: bool,
) -> None:
    # target_groups.toml [[versions]]: the establishment criterion cites the version's first
    # reference (lag (2017:584)); a version that lists none leaves the criterion uncited.
    _edit_table(monkeypatch, unreferenced=frozenset({rule.__name__}))
    kw = {"outside_all_programmes": True} if outside_all_programmes else {}
    decision = rule(newcomer(EP), date(2020, 6, 1), **kw)
    assert decision.version.references == ()
    establishment = decision.criteria[1]
    assert establishment.name in {"in_establishment", "outside_establishment"}
    assert establishment.reference is None
