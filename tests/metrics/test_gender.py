"""Gender shares among those with known sex and the 40–60 % balance (DOMAIN.md §6)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.metrics.gender import (
    GenderBalance,
    by_municipality,
    by_track,
    gender_balance,
    gender_by_group,
)
from dua.model import Person, Sex, TrackParticipation

SEXES = st.sampled_from([Sex.FEMALE, Sex.MALE, None])


def identity(value: Sex | None) -> Sex | None:
    return value


@pytest.mark.parametrize(
    ("women", "men", "balanced", "source"),
    [
        (36, 67, False, "Hällefors: registered at AF 16–24, 36 women and 67 men (35,0 %)"),
        (16, 25, False, "Hällefors: foreign-born at AF, 16 women and 25 men: 39,0 % women"),
        (40, 60, True, "the bound itself is inside (inclusive)"),
        (60, 40, True, "the upper bound itself is inside"),
        (39, 61, False, "just outside"),
        (425, 575, True, "Norrköping: 42,5 % women"),
        (0, 0, None, "nobody with known sex: cannot be judged"),
    ],
)
def test_balance_table(women: int, men: int, balanced: bool | None, source: str) -> None:
    records = [Sex.FEMALE] * women + [Sex.MALE] * men + [None] * 3
    balance = gender_balance(records, sex=identity)
    assert (balance.women, balance.men, balance.unknown) == (women, men, 3)
    assert balance.balanced is balanced, source


def test_bounds_are_configurable_and_inclusive() -> None:
    records = [Sex.FEMALE] * 30 + [Sex.MALE] * 70
    assert gender_balance(records, sex=identity).balanced is False
    assert gender_balance(records, sex=identity, lower="30 %", upper="70 %").balanced is True
    with pytest.raises(ValueError, match="between 0 and 1"):
        gender_balance(records, sex=identity, lower=40)


def test_swedish_values_are_accepted() -> None:
    balance = gender_balance(["kvinna", "man", None], sex=identity)
    assert (balance.women, balance.men, balance.unknown) == (1, 1, 1)


def test_describe() -> None:
    assert GenderBalance(women=36, men=67).describe("en") == (
        "women 36 (35.0%), men 67 (65.0%), unknown sex 0; not balanced (40–60%)"
    )


def test_breakdown_by_track_and_municipality() -> None:
    def person(key: str, sex: Sex, municipality: str, tracks: list[str]) -> Person:
        return Person(
            key=key,
            birth_date=date(1990, 1, 1),
            sex=sex,
            home_municipality=municipality,
            tracks=[TrackParticipation(track=t, start=date(2018, 1, 1)) for t in tracks],
        )

    people = [
        person("a", Sex.FEMALE, "0581", ["industri", "restaurang"]),
        person("b", Sex.MALE, "0581", ["industri"]),
        person("c", Sex.FEMALE, "1490", ["restaurang", "restaurang"]),
    ]
    by_tracks = gender_by_group(people, key=by_track)
    assert list(by_tracks) == ["industri", "restaurang"]
    assert by_tracks["industri"].women_share.value == Fraction(1, 2)
    assert by_tracks["restaurang"].women == 2  # c counted once although listed twice
    by_place = gender_by_group(people, key=by_municipality)
    assert by_place["0581"].known == 2


@given(st.lists(SEXES, max_size=200), st.randoms())
def test_results_do_not_depend_on_record_order(records: list[Sex | None], rnd: object) -> None:
    shuffled = list(records)
    rnd.shuffle(shuffled)
    assert gender_balance(records, sex=identity) == gender_balance(shuffled, sex=identity)


@given(st.lists(SEXES, max_size=100), st.lists(SEXES, max_size=100))
def test_groups_add_up(first: list[Sex | None], second: list[Sex | None]) -> None:
    together = gender_balance(first + second, sex=identity)
    assert together == gender_balance(first, sex=identity) + gender_balance(second, sex=identity)
