"""Long-term social assistance: at least 10 of 12 months in a calendar year.

Source: Norrköping, Bilaga 1, 2018-02-26 ("långtidsberoende definieras som minst 10 av 12
månader under 1 år").
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.errors import RuleNotInForce
from dua.model import Person, SocialAssistanceMonth
from dua.rules.social_assistance import long_term_social_assistance, months_with_assistance


def with_months(year: int, months: list[int]) -> Person:
    return Person(
        key="h",
        birth_date=date(1980, 1, 1),
        social_assistance=[SocialAssistanceMonth(year=year, month=m) for m in months],
    )


@pytest.mark.parametrize(
    ("months", "holds"),
    [
        (list(range(1, 10)), False),  # 9 of 12
        (list(range(1, 11)), True),  # 10 of 12: the boundary
        (list(range(3, 13)), True),  # March–December: 10
        (list(range(1, 12)), True),  # 11
        (list(range(1, 13)), True),  # all 12
        ([], False),
    ],
)
def test_ten_of_twelve(months: list[int], holds: bool) -> None:
    decision = long_term_social_assistance(with_months(2017, months), 2017)
    assert bool(decision) is holds
    assert decision.value == len(months)
    assert decision.on == date(2017, 12, 31)


def test_months_of_other_years_do_not_count() -> None:
    # 6 months at the end of 2016 and 6 at the start of 2017: 12 in 12 months, but not in
    # one calendar year.
    p = Person(
        key="h",
        birth_date=date(1980, 1, 1),
        social_assistance=[SocialAssistanceMonth(year=2016, month=m) for m in range(7, 13)]
        + [SocialAssistanceMonth(year=2017, month=m) for m in range(1, 7)],
    )
    assert not long_term_social_assistance(p, 2016)
    assert not long_term_social_assistance(p, 2017)


def test_a_month_recorded_twice_counts_once() -> None:
    p = with_months(2017, [*range(1, 10), 9])
    assert long_term_social_assistance(p, 2017).value == 9


def test_explanation_names_the_months_and_the_source() -> None:
    decision = long_term_social_assistance(with_months(2017, list(range(1, 11))), 2017)
    assert "10 av 12 månader 2017" in decision.explain()
    assert "Norrköping" in decision.explain()


def test_before_2000_is_not_covered() -> None:
    with pytest.raises(RuleNotInForce):
        long_term_social_assistance(with_months(1999, [1]), 1999)


month_lists = st.lists(st.tuples(st.integers(2015, 2019), st.integers(1, 12)), max_size=40)


@given(month_lists, st.integers(2015, 2019), st.randoms(use_true_random=False))
def test_count_is_distinct_months_of_the_year_in_any_order(
    records: list[tuple[int, int]], year: int, rnd: random.Random
) -> None:
    shuffled = list(records)
    rnd.shuffle(shuffled)
    make = lambda rs: Person(  # noqa: E731 - a local builder reads best inline here
        key="h",
        birth_date=date(1980, 1, 1),
        social_assistance=[SocialAssistanceMonth(year=y, month=m) for y, m in rs],
    )
    first, second = (
        long_term_social_assistance(make(records), year),
        long_term_social_assistance(make(shuffled), year),
    )
    assert first == second
    expected = len({m for y, m in records if y == year})
    assert first.value == expected == len(months_with_assistance(make(records), year))
    assert bool(first) is (expected >= 10)


@pytest.mark.parametrize(
    ("months", "holds", "listed"),
    [
        # Norrköping, Bilaga 1: "minst 10 av 12 månader" — the boundary on both sides.
        ([1, 2, 3, 4, 5, 6, 7, 8, 9], False, "1, 2, 3, 4, 5, 6, 7, 8, 9"),
        ([12, 11, 10, 9, 8, 7, 6, 5, 4, 3], True, "3, 4, 5, 6, 7, 8, 9, 10, 11, 12"),
        ([], False, "–"),
    ],
)
def test_the_decision_and_its_criterion_at_the_boundary(
    months: list[int], holds: bool, listed: str
) -> None:
    # Issue 8: mutants of the criterion (its `holds` at exactly 10, its name) and of the
    # decision's rule and subject survived, because only `bool(decision)` was tested.
    decision = long_term_social_assistance(with_months(2017, months), 2017)
    assert (decision.rule, decision.subject, decision.holds) == (
        "long_term_social_assistance",
        "h",
        holds,
    )
    [criterion] = decision.criteria
    assert (criterion.name, criterion.holds) == ("months", holds)
    assert criterion.explanation_en == (
        f"Assistance in {len(months)} of 12 months of 2017 (month {listed}); at least 10 required"
    )
