"""Exact numbers and presentation (DOMAIN.md §6: exact shares, rounding only when presented,
"7,3 %" and "1 744")."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.metrics.numbers import (
    Share,
    UndefinedShareError,
    format_count,
    format_number,
    format_percent,
    parse_count,
    parse_percent,
    relative_target,
    round_half_away,
    round_share,
    rounds_to,
    stated_decimals,
    to_fraction,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("21,0 %", Fraction(21, 100)),  # Hällefors goal "21,0%"
        ("19,5 %", Fraction(195, 1000)),  # Hällefors goal 2017
        ("7,3%", Fraction(73, 1000)),  # Hällefors social assistance share
        ("0.28", Fraction(28, 100)),
        (0.28, Fraction(28, 100)),  # a float at its shortest decimal representation
        (0.1, Fraction(1, 10)),
        (Decimal("42.5"), Fraction(85, 2)),  # Norrköping "42,5 procent kvinnor"
        ("1 744", Fraction(1744)),  # Norrköping target group
        ("1\u00a0339", Fraction(1339)),  # Sjuhärad JOB, no-break space
        ("−3,5", Fraction(-7, 2)),  # U+2212 minus
        (7, Fraction(7)),
        (Fraction(1, 3), Fraction(1, 3)),
    ],
)
def test_to_fraction(value: object, expected: Fraction) -> None:
    assert to_fraction(value) == expected


@pytest.mark.parametrize("bad", ["", "abc", "1,2,3", "12 %%", float("nan"), float("inf")])
def test_to_fraction_rejects_non_numbers(bad: object) -> None:
    with pytest.raises(ValueError, match="number"):
        to_fraction(bad)


def test_to_fraction_rejects_bool() -> None:
    with pytest.raises(TypeError):
        to_fraction(True)


@pytest.mark.parametrize(
    ("baseline", "change", "level"),
    [
        ("40 %", -30, Fraction(28, 100)),  # DOMAIN.md §6: 30 % reduction from 40 % is 28 %
        (Decimal(25), -30, Fraction(35, 2)),  # GGV goal 1 on a 25 % baseline
        (460, -20, Fraction(368)),  # GGV goal 4, in total
        (200, 20, Fraction(240)),  # GGV goal 3, +20 % a year
    ],
)
def test_relative_target_is_exact(baseline: object, change: int, level: Fraction) -> None:
    assert relative_target(baseline, change) == level


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Fraction(5, 2), 0, Fraction(3)),  # half away from zero, not banker's rounding
        (Fraction(-5, 2), 0, Fraction(-3)),
        (Fraction(1, 4), 1, Fraction(3, 10)),
        (Fraction(6100, 874), 1, Fraction(7)),  # Hällefors 61/874 = 6,979… → 7,0
        (Fraction(1900, 832), 1, Fraction(23, 10)),  # Hällefors 19/832 = 2,283… → 2,3
    ],
)
def test_round_half_away(value: Fraction, decimals: int, expected: Fraction) -> None:
    assert round_half_away(value, decimals) == expected


@pytest.mark.parametrize(
    ("share", "decimals", "lang", "text"),
    [
        (Fraction(73, 1000), 1, "sv", "7,3 %"),
        (Fraction(73, 1000), 1, "en", "7.3%"),
        (Fraction(61, 874), 1, "sv", "7,0 %"),
        (Fraction(1, 8), 2, "sv", "12,50 %"),
        (Fraction(425, 1000), 0, "sv", "43 %"),  # 42,5 → 43 (half away from zero)
        (Fraction(12345, 10), 1, "sv", "123 450,0 %"),
        (Fraction(-1, 400), 1, "sv", "-0,3 %"),
        (Fraction(-1, 10000), 1, "sv", "0,0 %"),  # no negative zero
    ],
)
def test_format_percent(share: Fraction, decimals: int, lang: str, text: str) -> None:
    assert format_percent(share, decimals, lang) == text


@pytest.mark.parametrize(
    ("count", "lang", "text"),
    [
        (1744, "sv", "1 744"),
        (1681, "en", "1,681"),
        (874, "sv", "874"),
        (1234567, "sv", "1 234 567"),
    ],
)
def test_format_count(count: int, lang: str, text: str) -> None:
    assert format_count(count, lang) == text
    assert parse_count(text, lang) == count


def test_parse_percent_requires_the_sign_and_the_right_decimal_mark() -> None:
    with pytest.raises(ValueError, match="percentage"):
        parse_percent("7,3")
    with pytest.raises(ValueError, match="decimal comma"):
        parse_percent("7.3 %")


@pytest.mark.parametrize(
    ("exact", "stated", "ok"),
    [
        (Fraction(6100, 874), Decimal("7.3"), False),  # Hällefors seed slip
        (Fraction(1900, 832), Decimal("2.2"), False),  # Hällefors seed slip
        (Fraction(1900, 832), Decimal("2.3"), True),
        (Fraction(6100, 832), Decimal("7.3"), True),  # 61/832 = 7,33 %
        (Fraction(85, 2), Decimal("42"), True),  # exactly half-way: either rounding accepted
        (Fraction(85, 2), Decimal("43"), True),
        (Fraction(85, 2), Decimal("41"), False),
    ],
)
def test_rounds_to(exact: Fraction, stated: Decimal, ok: bool) -> None:
    assert rounds_to(exact, stated) is ok


def test_stated_decimals_reads_the_exponent() -> None:
    assert [stated_decimals(Decimal(v)) for v in ("7.3", "22", "45.00", "1E+2")] == [1, 0, 2, 0]


def test_share_validates_and_has_no_value_for_an_empty_population() -> None:
    with pytest.raises(ValueError, match="cannot exceed"):
        Share(numerator=3, denominator=2)
    empty = Share(numerator=0, denominator=0)
    assert not empty.defined
    with pytest.raises(UndefinedShareError):
        _ = empty.value
    assert str(Share(numerator=61, denominator=874)) == "61 of 874 (7,0 %)"


def test_shares_add_numerators_and_denominators() -> None:
    total = Share.total([Share(numerator=1, denominator=2), Share(numerator=3, denominator=8)])
    assert total.value == Fraction(4, 10)  # not the mean of 1/2 and 3/8


counts = st.integers(min_value=0, max_value=10**6)


@given(counts, counts)
def test_a_share_lies_between_zero_and_one(a: int, b: int) -> None:
    numerator, denominator = min(a, b), max(a, b)
    if denominator:
        assert 0 <= Share(numerator=numerator, denominator=denominator).value <= 1


@given(counts, counts)
def test_adding_a_success_never_lowers_a_share(a: int, b: int) -> None:
    numerator, denominator = min(a, b), max(a, b)
    if denominator:
        before = Share(numerator=numerator, denominator=denominator).value
        after = Share(numerator=numerator + 1, denominator=denominator + 1).value
        assert after >= before


@given(
    st.fractions(min_value=-2, max_value=2, max_denominator=10**6),
    st.integers(min_value=0, max_value=4),
    st.sampled_from(["sv", "en"]),
)
def test_formatting_then_parsing_gives_the_share_at_the_printed_precision(
    share: Fraction, decimals: int, lang: str
) -> None:
    assert parse_percent(format_percent(share, decimals, lang), lang) == round_share(
        share, decimals
    )


@given(st.fractions(max_denominator=10**4), st.integers(min_value=0, max_value=3))
def test_rounding_is_within_half_a_unit(value: Fraction, decimals: int) -> None:
    rounded = round_half_away(value, decimals)
    assert abs(rounded - value) <= Fraction(1, 2) / 10**decimals
    assert format_number(value, decimals) == format_number(rounded, decimals)
