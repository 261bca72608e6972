"""Exact numbers and presentation (DOMAIN.md §6: exact shares, rounding only when presented,
"7,3 %" and "1 744")."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.metrics.numbers import (
    Number,
    Share,
    UndefinedShareError,
    format_count,
    format_number,
    format_percent,
    half_unit,
    parse_count,
    parse_percent,
    percent_to_share,
    relative_target,
    round_half_away,
    round_share,
    rounds_to,
    share_to_percent,
    stated_decimals,
    to_fraction,
)

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")


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


# Issue 8 item 4: cases that kill the mutation-testing survivors in `dua.metrics.numbers`.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+5", Fraction(5)),
        ("-5", Fraction(-5)),
        (".5", Fraction(1, 2)),
        (",5", Fraction(1, 2)),
        ("21,", Fraction(21)),
        ("1e3", Fraction(1000)),
        ("2,5E-1 %", Fraction(1, 400)),
        ("  7,3 %  ", Fraction(73, 1000)),
        ("1_744", Fraction(1744)),
        ("1\u2009744,5", Fraction(3489, 2)),  # thin space
        ("1\u202f744", Fraction(1744)),  # narrow no-break space
        ("−0,5 %", Fraction(-1, 200)),  # U+2212 minus with a percent sign
    ],
)
def test_to_fraction_reads_every_written_form(text: str, expected: Fraction) -> None:
    """The forms the module docstring lists: sign, decimal point or comma, exponent,
    spaces of every kind as thousands separators and an optional percent sign."""
    assert to_fraction(text) == expected


@pytest.mark.parametrize("bad", [float("-inf"), Decimal("NaN"), Decimal("-Infinity")])
def test_to_fraction_rejects_non_finite_numbers(bad: Number) -> None:
    with pytest.raises(ValueError, match=r"^not a finite number: "):
        to_fraction(bad)


@pytest.mark.parametrize("bad", ["abc", "5 5 %x", "%", "1.2.3"])
def test_to_fraction_names_the_text_it_cannot_read(bad: str) -> None:
    with pytest.raises(
        ValueError, match=r"^not a number: .* \(write e\.g\. 0\.28, 21,0, 21,0 % or 1 744\)$"
    ):
        to_fraction(bad)


@pytest.mark.parametrize("bad", [None, [1], b"1", complex(1, 0)])
def test_to_fraction_rejects_other_types(bad: object) -> None:
    with pytest.raises(TypeError, match=r"^expected a number, got "):
        to_fraction(bad)  # type: ignore[arg-type]  # deliberately not a number
    with pytest.raises(TypeError, match=r"^expected a number, got a boolean False$"):
        to_fraction(False)


@pytest.mark.parametrize(
    ("percent", "share"),
    [
        (Decimal("21.0"), Fraction(21, 100)),  # Hällefors goal 21,0 (percent number)
        ("21,0", Fraction(21, 100)),  # a text without a sign is a percent number too
        ("21,0 %", Fraction(21, 100)),  # with the sign it is already a share
        ("21,0 % ", Fraction(21, 100)),  # trailing space after the sign
        (50, Fraction(1, 2)),
    ],
)
def test_percent_to_share(percent: Number, share: Fraction) -> None:
    assert percent_to_share(percent) == share
    assert share_to_percent(share) == percent_to_share(percent) * 100


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Fraction(0), 2, Fraction(0)),
        (Fraction(5, 1000), 2, Fraction(1, 100)),  # 0,005 → 0,01
        (Fraction(-5, 1000), 2, Fraction(-1, 100)),
        (Fraction(4499, 1000), 0, Fraction(4)),
        (Fraction(15, 10), 0, Fraction(2)),
        (Fraction(1, 3), 3, Fraction(333, 1000)),
        ("2,5", 0, Fraction(3)),
    ],
)
def test_round_half_away_table(value: Number, decimals: int, expected: Fraction) -> None:
    assert round_half_away(value, decimals) == expected


def test_round_share_rounds_the_percent_number() -> None:
    """Hällefors 61/874 = 6,979… %: 7,0 % at one decimal (the default), 6,98 % at two."""
    assert round_share(Fraction(61, 874)) == Fraction(7, 100)
    assert round_share(Fraction(61, 874), 2) == Fraction(698, 10000)
    assert round_share("6,975 %", 2) == Fraction(698, 10000)


@pytest.mark.parametrize(
    ("value", "half"),
    [
        ("7.3", Fraction(1, 20)),
        ("40", Fraction(1, 2)),
        ("45.00", Fraction(1, 200)),
        ("1E+2", Fraction(1, 2)),
    ],
)
def test_half_unit(value: str, half: Fraction) -> None:
    assert half_unit(Decimal(value)) == half


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "text"),
    [
        (Fraction(1, 20), 2, "sv", "0,05"),  # leading zeros of the decimals kept
        (Fraction(1, 20), 2, "en", "0.05"),
        (Fraction(0), 0, "sv", "0"),
        (Fraction(0), 3, "sv", "0,000"),
        (999, 0, "sv", "999"),
        (1000, 0, "sv", "1 000"),
        (1000, 0, "en", "1,000"),
        (123456, 0, "sv", "123 456"),
        (1234567, 1, "en", "1,234,567.0"),
        (Fraction(-39, 2), 1, "sv", "-19,5"),
        (Fraction(-1, 1000), 1, "sv", "0,0"),
    ],
)
def test_format_number_table(value: Number, decimals: int, lang: str, text: str) -> None:
    assert format_number(value, decimals, lang) == text


def test_format_number_defaults_to_whole_swedish() -> None:
    assert format_number(Fraction(12345, 2)) == "6 173"


def test_format_number_rejects_negative_decimals() -> None:
    with pytest.raises(ValueError, match=r"^decimals must not be negative, got -1$"):
        format_number(1, -1)


def test_format_percent_defaults_and_shares() -> None:
    """One decimal and Swedish by default; a `Share` is presented by its value."""
    assert format_percent(Fraction(73, 1000)) == "7,3 %"
    assert format_percent(Share(numerator=1, denominator=8), 2, "en") == "12.50%"
    assert format_percent("7,3 %", lang="en") == "7.3%"
    assert Share(numerator=1, denominator=8).percent_text() == "12,5 %"
    assert Share(numerator=1, denominator=8).percent_text(0, "en") == "13%"


@pytest.mark.parametrize(
    ("bad", "shown"), [(True, "True"), (1.0, "1.0"), (Decimal(1), "Decimal('1')"), ("1", "'1'")]
)
def test_format_count_takes_whole_numbers_only(bad: object, shown: str) -> None:
    # The message names what was given (house rule: an error names where and what; issue 8
    # item 4 mutant: the value replaced by `None`).
    with pytest.raises(TypeError) as info:
        format_count(bad)  # type: ignore[arg-type]  # deliberately not an int
    assert str(info.value) == f"a count is a whole number, got {shown}"


def test_format_count_defaults_to_swedish() -> None:
    assert format_count(1744) == "1 744"
    assert format_count(-1744, "en") == "-1,744"


@pytest.mark.parametrize(
    ("text", "lang", "share"),
    [
        ("7,3 %", "sv", Fraction(73, 1000)),
        ("  7,3\u00a0%  ", "sv", Fraction(73, 1000)),
        ("1 234,5 %", "sv", Fraction(2469, 200)),
        ("1,234.5%", "en", Fraction(2469, 200)),
        ("−0,3 %", "sv", Fraction(-3, 1000)),
    ],
)
def test_parse_percent_table(text: str, lang: str, share: Fraction) -> None:
    assert parse_percent(text, lang) == share


def test_parse_percent_messages() -> None:
    with pytest.raises(ValueError, match=r"^not a percentage: '7,3' \(expected e\.g\. '7,3 %'\)$"):
        parse_percent("7,3")
    with pytest.raises(
        ValueError, match=r"^not a Swedish percentage: '7\.3 %' \(use a decimal comma: '7,3 %'\)$"
    ):
        parse_percent("7.3 %")
    assert parse_percent("7,3 %") == Fraction(73, 1000)  # Swedish by default


@pytest.mark.parametrize(
    ("text", "lang", "count"),
    [
        ("1 744", "sv", 1744),
        ("1\u00a0744", "sv", 1744),
        (" 874 ", "sv", 874),
        ("−12", "sv", -12),
        ("-1,681", "en", -1681),
        ("1,681", "en", 1681),
    ],
)
def test_parse_count_table(text: str, lang: str, count: int) -> None:
    assert parse_count(text, lang) == count


@pytest.mark.parametrize(
    ("text", "lang"), [("1,681", "sv"), ("12a", "sv"), ("1.5", "en"), ("", "sv")]
)
def test_parse_count_rejects(text: str, lang: str) -> None:
    """The message quotes the text as given (through the privacy boundary)."""
    expected = rf"^not a whole number: {re.escape(repr(text))} \(expected e\.g\. '1 744'\)$"
    with pytest.raises(ValueError, match=expected):
        parse_count(text, lang)


def test_parse_count_defaults_to_swedish() -> None:
    assert parse_count("1 744") == 1744
    with pytest.raises(ValueError, match="not a whole number"):
        parse_count("1,744")


@pytest.mark.parametrize(
    ("numerator", "denominator", "field"),
    [(-1, 3, "numerator"), (1, -3, "denominator"), (True, 3, "numerator"), (1, 3.0, "denominator")],
)
def test_share_counts_are_whole_and_not_negative(
    numerator: object, denominator: object, field: str
) -> None:
    with pytest.raises(ValueError, match=rf"^{field} must be a whole number ≥ 0, got "):
        Share(numerator=numerator, denominator=denominator)  # type: ignore[arg-type]  # deliberately wrong


def test_share_messages_name_the_populations() -> None:
    with pytest.raises(
        ValueError,
        match=r"^a share's numerator \(3\) cannot exceed its denominator \(2\): the subset is part of the population$",
    ):
        Share(numerator=3, denominator=2)
    assert Share(numerator=2, denominator=2).value == 1  # equal is allowed: everyone
    with pytest.raises(
        UndefinedShareError,
        match=r"^the share of kvinnor in deltagare is undefined: the population is empty$",
    ):
        _ = Share(numerator=0, denominator=0, subset="kvinnor", population="deltagare").value
    with pytest.raises(
        UndefinedShareError,
        match=r"^the share of the subset in the population is undefined: the population is empty$",
    ):
        _ = Share(numerator=0, denominator=0).value
    assert Share(numerator=0, denominator=1).defined
    assert str(Share(numerator=0, denominator=0)) == "0 of 0 (undefined)"


def test_share_percent_is_exact() -> None:
    assert Share(numerator=61, denominator=874).percent == Fraction(6100, 874)


def test_adding_shares_keeps_only_common_names() -> None:
    a = Share(numerator=1, denominator=2, subset="kvinnor", population="deltagare")
    b = Share(numerator=1, denominator=4, subset="kvinnor", population="sökande")
    together = a + b
    assert (together.numerator, together.denominator) == (2, 6)
    assert (together.subset, together.population) == ("kvinnor", None)
    c = Share(numerator=3, denominator=4, subset="män", population="deltagare")
    assert ((a + c).subset, (a + c).population) == (None, "deltagare")
    with pytest.raises(TypeError):
        a + 1  # type: ignore[operator]  # deliberately wrong: a share adds only to a share


def test_total_of_shares() -> None:
    shares = (Share(numerator=1, denominator=2), Share(numerator=3, denominator=8))
    total = Share.total(shares)
    assert (total.numerator, total.denominator) == (4, 10)
    assert Share.total([]) == Share(numerator=0, denominator=0)


@pytest.mark.parametrize(
    ("bad", "kind", "message"),
    [
        (Decimal("-Infinity"), ValueError, "not a finite number: Decimal('-Infinity')"),
        (float("-inf"), ValueError, "not a finite number: -inf"),
        ("5 5 %x", ValueError, "not a number: '5 5 %x' (write e.g. 0.28, 21,0, 21,0 % or 1 744)"),
        ([1], TypeError, "expected a number, got list [1]"),
        (b"1", TypeError, "expected a number, got bytes b'1'"),
    ],
)
def test_to_fraction_messages_show_what_was_given(
    bad: object, kind: type[Exception], message: str
) -> None:
    """An error a user can cause names what was wrong (BRIEF, house rules; issue 8 item 4:
    mutants that dropped the value or its type from the message)."""
    with pytest.raises(kind, match=f"^{re.escape(message)}$"):
        to_fraction(bad)  # type: ignore[arg-type]  # deliberately not always a number


@pytest.mark.parametrize(
    ("numerator", "denominator", "message"),
    [
        (-1, 3, "numerator must be a whole number ≥ 0, got -1"),
        (1, 3.0, "denominator must be a whole number ≥ 0, got 3.0"),
    ],
)
def test_share_count_messages_show_the_value(
    numerator: object, denominator: object, message: str
) -> None:
    """DOMAIN.md §6: a share is counts of named populations; a count that is not a whole
    number ≥ 0 is named with its value (mutants: the value dropped from the message)."""
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        Share(numerator=numerator, denominator=denominator)  # type: ignore[arg-type]  # deliberately wrong


def test_round_half_away_defaults_to_whole_numbers() -> None:
    """The module's rounding is half away from zero, to whole numbers unless told: 2,5 → 3
    and −2,5 → −3 (DOMAIN.md §6; mutant: a default of one decimal)."""
    assert round_half_away(Fraction(5, 2)) == 3
    assert round_half_away("-2,5") == -3
    assert round_half_away(Fraction(1, 4)) == 0
