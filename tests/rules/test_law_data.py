"""The legal parameter files: they load, versions tile their range, and dates outside it
raise `RuleNotInForce` naming the covered range.

Dates and sources of the KAA versions: prop. 2013/14:191 (2015-01-01), prop. 2017/18:183
(2018-07-01, Skolverket's information on the changes to 29 kap. 9 §) and SFS 2022:1315
(2023-07-02, Skolverket: "Ändringarna gäller från den 2 juli 2023").
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from dua.errors import RuleNotInForce
from dua.rules import all_references, parameter, parameters, reference, version_in_force, versions


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


@pytest.mark.parametrize(
    "rule",
    sorted({v.rule for v in versions("kaa")}),
)
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
