"""Cases that kill surviving mutants of `dua.rules.kaa` (issue 8, item 4).

Each case states the behaviour a user relies on; the rule is skollagen (SFS 2010:800)
29 kap. 9 § (the home municipality's activity responsibility, KAA), as in
`tests/rules/test_kaa.py`.
"""

from __future__ import annotations

from datetime import date

import pytest

from dua.errors import UnknownMunicipalityError
from dua.model import (
    Enrolment,
    EnrolmentKind,
    MunicipalityCode,
    Person,
    Qualification,
    QualificationKind,
    ResidenceStatus,
)
from dua.rules import kaa
from dua.rules.kaa import KaaRun, coverage_grounds, kaa_coverage
from tests.rules._law_data import edit_law_data


def test_a_running_count_shows_its_counts_in_its_repr() -> None:
    # A KaaRun in a notebook or a log shows its date, municipality and the counts so far
    # (no person, no key). Aged 17 on 2019-09-01 and registered in Hällefors (1863): covered;
    # aged 29: not covered (age); registered in Örebro (1880): elsewhere.
    run = KaaRun(date(2019, 9, 1), "1863")
    for key, born, home in (
        ("a", date(2002, 3, 1), "1863"),
        ("b", date(1990, 1, 1), "1863"),
        ("c", date(2002, 3, 1), "1880"),
    ):
        run.admit(Person(key=key, birth_date=born, home_municipality=home))
    assert repr(run) == (
        "KaaRun(on='2019-09-01', municipality='1863', covered=1, not_covered=1, elsewhere=1)"
    )


# --- Late survivors (issue 8 item 4): grounds, the introduction programmes' edge, counts --


BORN = date(2001, 3, 1)  # 17 on both dates below: inside the age limit, past compulsory school
LAST_COVERED = date(2018, 6, 30)  # kaa.toml: introduction programmes covered to 2018-06-30
FIRST_NOT = date(2018, 7, 1)  # kaa.toml (prop. 2017/18:183): from 2018-07-01 they end it


def _enrolled(kind: EnrolmentKind) -> tuple[Enrolment, ...]:
    return (Enrolment(kind=kind, start=date(2017, 8, 15)),)


@pytest.mark.parametrize(
    ("qualifications", "enrolments", "documents", "enrolled"),
    [
        ((), (), "no_completed_education", "not_enrolled"),
        (
            (Qualification(kind=QualificationKind.CERTIFICATE_OF_STUDIES, on=date(2018, 6, 1)),),
            (),
            "certificate_of_studies_only",
            "not_enrolled",
        ),
        (
            (),
            _enrolled(EnrolmentKind.FOLK_HIGH_SCHOOL),
            "no_completed_education",
            "other_education",
        ),
        (
            (),
            _enrolled(EnrolmentKind.INTRODUCTION_PROGRAMME),
            "no_completed_education",
            "introduction_programme",
        ),
    ],
)
def test_the_grounds_name_the_documents_and_the_education(
    qualifications: tuple[Qualification, ...],
    enrolments: tuple[Enrolment, ...],
    documents: str,
    enrolled: str,
) -> None:
    # Skollagen 29 kap. 9 § (kaa.toml, prop. 2013/14:191, to 2018-06-30): a studiebevis alone, another
    # education, or an introduction programme leave the person covered, on those grounds.
    expected = (
        "under_age_limit",
        "residence_unknown",
        "compulsory_age_passed",
        documents,
        enrolled,
    )
    p = Person(
        key="k",
        birth_date=BORN,
        home_municipality="1863",
        qualifications=qualifications,
        enrolments=enrolments,
    )
    assert kaa_coverage(p, on=LAST_COVERED)
    assert coverage_grounds(p, on=LAST_COVERED) == expected
    run = KaaRun(LAST_COVERED)
    assert (
        run.admit_facts(BORN, None, None, MunicipalityCode("1863"), qualifications, enrolments)
        == expected
    )
    _, others = run.explain_facts(BORN, None, None, qualifications, enrolments)
    assert others == kaa_coverage(p, on=LAST_COVERED).criteria[1:]


@pytest.mark.parametrize(("on", "covered"), [(LAST_COVERED, True), (FIRST_NOT, False)])
def test_an_introduction_programme_ends_coverage_from_2018_07_01(on: date, covered: bool) -> None:
    # Skollagen 29 kap. 9 § as changed from 2018-07-01 (kaa.toml, prop. 2017/18:183): the
    # day itself; `admit`, `admit_facts` and the full decision agree.
    enrolments = _enrolled(EnrolmentKind.INTRODUCTION_PROGRAMME)
    p = Person(key="k", birth_date=BORN, home_municipality="1863", enrolments=enrolments)
    assert bool(kaa_coverage(p, on=on)) is covered
    assert KaaRun(on).admit(p) is covered
    grounds = KaaRun(on).admit_facts(BORN, None, None, MunicipalityCode("1863"), (), enrolments)
    assert (grounds is not None) is covered


def test_the_summary_counts_each_responsible_municipality_on_its_date() -> None:
    # 29 kap. 6 §: the home municipality is responsible; a run over the whole country
    # counts each municipality apart, and says its date.
    run = KaaRun(LAST_COVERED)
    for key, home in (("a", "1863"), ("b", "1880"), ("c", "1863")):
        assert run.admit(Person(key=key, birth_date=BORN, home_municipality=home))
    summary = run.summary()
    assert summary.on == LAST_COVERED
    assert summary.covered == {"1863": 2, "1880": 1}


def test_an_asylum_seeker_fails_the_residence_criterion() -> None:
    # 29 kap. 9 § covers those registered (folkbokförda) in the municipality: not asylum
    # seekers, nor the undocumented.
    for residence in (ResidenceStatus.ASYLUM_SEEKER, ResidenceStatus.UNDOCUMENTED):
        p = Person(key="k", birth_date=BORN, home_municipality="1863", residence=residence)
        decision = kaa_coverage(p, on=LAST_COVERED)
        assert [c.name for c in decision.failed] == ["residence"]


@pytest.mark.parametrize(
    ("born", "reason"),
    [
        (date(2002, 12, 31), None),  # turned 16 in 2018: compulsory school ended 2018-06-30
        (date(2003, 1, 1), "compulsory_school"),  # turns 16 in 2019: it ends 2019-06-30
    ],
)
def test_compulsory_school_ends_the_spring_term_of_the_16th_year(
    born: date, reason: str | None
) -> None:
    # Skollagen 7 kap. 10, 12 §§ (kaa.toml: kaa.compulsory_school_end_age = 16,
    # kaa.spring_term_end = 06-30): on 2019-03-01, before the term ends, the last birth
    # year past compulsory school is 2002; the run and the full decision agree.
    on = date(2019, 3, 1)
    p = Person(key="k", birth_date=born, home_municipality="1863")
    run = KaaRun(on)
    assert run.admit(p) is (reason is None)
    assert [c.name for c in kaa_coverage(p, on=on).failed] == ([reason] if reason else [])
    if reason:
        assert run.summary().not_covered[reason] == 1


def test_an_unknown_municipality_code_is_named_in_the_error() -> None:
    # SCB's municipality codes are four digits; a wrong one is a user error that says
    # which code it was (STYLE.md: the message names where and what).
    with pytest.raises(UnknownMunicipalityError) as raised:
        KaaRun(date(2019, 9, 1), "18x3")
    assert raised.value.params["code"] == "'18x3'"
    assert "'18x3'" in str(raised.value)


@pytest.mark.parametrize("value", [True, "20"])
def test_a_kaa_age_limit_that_is_not_a_whole_number_is_a_data_bug(
    monkeypatch: pytest.MonkeyPatch, value: bool | str
) -> None:
    # kaa.toml "kaa.age_limit" must be an int (29 kap. 9 §: under 20); a bool or text
    # there is a bug in the data, loud and named.
    edit_law_data(monkeypatch, values={"kaa.age_limit": value})
    kaa._context.cache_clear()
    try:
        with pytest.raises(TypeError, match="expected a whole-number parameter"):
            kaa_coverage(Person(key="k", birth_date=BORN), on=date(2019, 9, 1))
    finally:
        kaa._context.cache_clear()
