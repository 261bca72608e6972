"""The legal parameter files: they load, versions tile their range, and dates outside it
raise `RuleNotInForce` naming the covered range.

Dates and sources of the KAA versions: prop. 2013/14:191 (2015-01-01), prop. 2017/18:183
(2018-07-01, Skolverket's information on the changes to 29 kap. 9 §) and SFS 2022:1315
(2023-07-02, Skolverket: "Ändringarna gäller från den 2 juli 2023").
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest

from dua.errors import RuleNotInForce
from dua.rules import (
    LawVersion,
    all_references,
    parameter,
    parameters,
    reference,
    version_in_force,
    versions,
)
from dua.rules._core import _coerce


def test_every_reference_is_complete() -> None:
    refs = list(all_references())
    assert refs
    for ref in refs:
        assert ref.citation.strip(), ref.id
        assert ref.explanation_sv.strip(), ref.id
        assert ref.explanation_en.strip(), ref.id
        assert ref.url is None or ref.url.startswith("https://"), ref.id


def test_kaa_versions_table() -> None:
    table = [(v.id, v.in_force_from, v.in_force_to) for v in versions("kaa")]
    assert table == [
        ("kaa-2015-01-01", date(2015, 1, 1), date(2018, 6, 30)),
        ("kaa-2018-07-01", date(2018, 7, 1), date(2023, 7, 1)),
        ("kaa-2023-07-02", date(2023, 7, 2), None),
    ]
    for version in versions("kaa"):
        assert version.references, version.id
        assert version.description_sv
        assert version.description_en


# The rule names are written out rather than read from the parameter files while the tests
# are collected: collection must not fill the loader's cache, or the mutants of the loader
# could never be tried (make mutation, docs/testing.md).
@pytest.mark.parametrize("rule", ["kaa"])
def test_versions_tile_without_gaps_or_overlaps(rule: str) -> None:
    known = versions(rule)
    for earlier, later in itertools.pairwise(known):
        assert earlier.in_force_to is not None
        assert earlier.in_force_to + timedelta(days=1) == later.in_force_from
    assert known[-1].in_force_to is None


KAA_PARAMETERS = [
    "kaa.age_limit",
    "kaa.compulsory_school_end_age",
    "kaa.spring_term_end",
    "kaa.introduction_programmes_covered",
    "kaa.adapted_school_name",
]


@pytest.mark.parametrize("name", KAA_PARAMETERS)
def test_kaa_parameters_cover_the_rule_from_2015(name: str) -> None:
    values = parameters(name)
    assert values[0].valid_from == date(2015, 1, 1)
    for earlier, later in itertools.pairwise(values):
        assert earlier.valid_to is not None
        assert earlier.valid_to + timedelta(days=1) == later.valid_from
    assert values[-1].valid_to is None
    for value in values:
        assert value.reference.citation


@pytest.mark.parametrize(
    ("name", "on", "value"),
    [
        ("kaa.age_limit", date(2015, 1, 1), 20),
        ("kaa.compulsory_school_end_age", date(2020, 1, 1), 16),
        ("kaa.introduction_programmes_covered", date(2018, 6, 30), True),
        ("kaa.introduction_programmes_covered", date(2018, 7, 1), False),
        ("kaa.adapted_school_name", date(2023, 7, 1), "gymnasiesärskola"),
        ("kaa.adapted_school_name", date(2023, 7, 2), "anpassad gymnasieskola"),
    ],
)
def test_kaa_parameter_values(name: str, on: date, value: object) -> None:
    assert parameter(name, on).value == value


@pytest.mark.parametrize(
    ("on", "version"),
    [
        (date(2015, 1, 1), "kaa-2015-01-01"),
        (date(2018, 6, 30), "kaa-2015-01-01"),
        (date(2018, 7, 1), "kaa-2018-07-01"),
        (date(2023, 7, 1), "kaa-2018-07-01"),
        (date(2023, 7, 2), "kaa-2023-07-02"),
        (date(2100, 1, 1), "kaa-2023-07-02"),
    ],
)
def test_version_in_force(on: date, version: str) -> None:
    assert version_in_force("kaa", on).id == version


def test_before_2015_names_the_covered_range() -> None:
    with pytest.raises(RuleNotInForce) as info:
        version_in_force("kaa", date(2014, 12, 31))
    assert "2015-01-01" in str(info.value)
    assert "2014-12-31" in str(info.value)
    assert (info.value.covered_from, info.value.covered_to) == (date(2015, 1, 1), None)
    with pytest.raises(RuleNotInForce, match="2015-01-01"):
        parameter("kaa.age_limit", date(2014, 12, 31))


def test_shared_references_resolve() -> None:
    for ref_id in ("sfs-2010-800-29-9", "sfs-2010-800-29-6", "sfs-1930-173-1", "skolverket-kaa"):
        assert reference(ref_id).id == ref_id


# --- Förordning (2015:502), repealed on 2023-03-01 (issue 11 §1) ---------------------------

REPEALED_2015_502 = date(2023, 3, 1)  # SFS 2023:23 (Regeringskansliets rättsdatabas)


def _all_versions() -> list[LawVersion]:
    rules = {"dua_youth", "utbildningskontrakt_eligibility", "utbildningskontrakt_running",
             "traineejobb_eligibility", "uga_entry", "job_entry", "kaa"}  # fmt: skip
    return [v for rule in sorted(rules) for v in versions(rule)]


def test_every_version_citing_2015_502_ends_with_it() -> None:
    citing = [
        v
        for v in _all_versions()
        if any("2015:502" in r.citation and r.id != "tg-sfs-2023-23" for r in v.references)
    ]
    assert citing  # dua_youth and utbildningskontrakt cite it
    for version in citing:
        assert version.in_force_to is not None, version.id
        assert version.in_force_to < REPEALED_2015_502, version.id


def test_every_catalogue_entry_citing_2015_502_ends_with_it() -> None:
    from dua.rules.programmes import catalogue

    citing = [p for p in catalogue() if any("2015:502" in s.document for s in p.sources)]
    assert [p.code for p in citing] == ["utbildningskontrakt"]
    for item in citing:
        assert item.validity is not None
        assert item.validity.end is not None
        assert item.validity.end < REPEALED_2015_502


def test_dua_youth_rests_on_the_agreements_after_the_repeal() -> None:
    before = version_in_force("dua_youth", REPEALED_2015_502 - timedelta(days=1))
    after = version_in_force("dua_youth", REPEALED_2015_502)
    assert "tg-sfs-2015-502" in {r.id for r in before.references}
    assert "tg-sfs-2015-502" not in {r.id for r in after.references}
    assert "tg-sfs-2023-23" in {r.id for r in after.references}
    assert reference("prog-sfs-2015-502").url is not None
    assert "2023:23" in reference("prog-sfs-2015-502").citation


def test_an_agreement_after_2023_loads_and_is_followed_up() -> None:
    # Local agreements can still exist after the ordinance was repealed.
    import attrs

    from dua import examples
    from dua.metrics.observations import FollowUpData
    from dua.model import Period, Person
    from dua.report import build_report, render_markdown
    from dua.rules.target_groups import dua_youth

    later = attrs.evolve(
        examples.load("hallefors-2015"),
        id="hallefors-2024",
        document_date=date(2024, 1, 15),
        validity=Period(start=date(2024, 2, 1), end=date(2025, 12, 31)),
    )
    report = build_report(later, FollowUpData(), on=date(2024, 6, 30))
    assert "hallefors-2024" in render_markdown(report)
    assert dua_youth(Person(key="p", birth_date=date(2004, 1, 1)), date(2024, 6, 30))


@pytest.mark.parametrize(
    "ref_id",
    [
        "prog-regeringen-uga-25",
        "prog-regeringen-traineejobb-2016",
        "prog-sfs-2019-1155",
        "tg-sfs-2023-23",
    ],
)
def test_what_could_not_be_confirmed_is_in_the_data(ref_id: str) -> None:
    # Issue 11 §1: an SFS number or date that could not be confirmed says so in the data.
    note = reference(ref_id).unconfirmed
    assert note is not None
    assert "kunnat styrkas" in note or "har inte lästs" in note or "står inte" in note


def test_unconfirmed_notes_are_text_or_absent() -> None:
    for ref in all_references():
        assert ref.unconfirmed is None or ref.unconfirmed.strip(), ref.id


def test_parameter_values_are_read_exactly() -> None:
    # Decisions use exact numbers (house rules): a decimal written in a parameter file
    # (TOML reads it as a float) becomes the Decimal of its written form, a date its ISO
    # text; anything else is refused, naming the value.
    assert _coerce(0.1) == Decimal("0.1")
    assert _coerce(date(2020, 9, 20)) == "2020-09-20"
    assert _coerce(True) is True
    assert _coerce(20) == 20
    with pytest.raises(TypeError, match=r"^unsupported parameter value \[1, 2\]$"):
        _coerce([1, 2])
