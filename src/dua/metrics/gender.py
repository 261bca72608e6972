"""Gender shares and balance: women and men among those with known sex.

DOMAIN.md §6: the gender share is women / (women + men) *of those with known sex*; the
count with unknown sex is reported beside it, never guessed. *Jämn könsfördelning*
(balanced) conventionally means each sex between 40 % and 60 % — the convention used by
the Swedish government's gender-equality policy and by the DUA follow-ups (the Norrköping
seed sets "50 % kvinnor" in the tracks; the GGV seed asks every follow-up to cover the
gender perspective). The bounds are parameters, inclusive at both ends.

Records can be anything: [`Person`][dua.model.Person] objects, participant rows, or plain
values; a `sex` function reads each record's sex (`Sex`, its Swedish value, or `None`).

>>> from dua.model import Sex
>>> balance = gender_balance([Sex.FEMALE, Sex.MALE, Sex.MALE, None], sex=lambda s: s)
>>> balance.women, balance.men, balance.unknown, balance.women_share.percent_text()
(1, 2, 1, '33,3 %')
>>> balance.balanced
False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from fractions import Fraction
from operator import attrgetter
from typing import Any, TypeVar

import attrs

from dua import _html
from dua.errors import mask_value
from dua.i18n import KeyedValueError, get_language
from dua.metrics.numbers import (
    Number,
    Share,
    format_count,
    format_number,
    format_percent,
    to_fraction,
)
from dua.model import Person, Sex

__all__ = [
    "DEFAULT_LOWER",
    "DEFAULT_UPPER",
    "GenderBalance",
    "by_municipality",
    "by_programme",
    "by_track",
    "gender_balance",
    "gender_by_group",
]

T = TypeVar("T")

DEFAULT_LOWER = Fraction(2, 5)
"""The lower bound of *jämn könsfördelning*: 40 %."""
DEFAULT_UPPER = Fraction(3, 5)
"""The upper bound of *jämn könsfördelning*: 60 %."""

_WOMEN = "women among those with known sex"
_MEN = "men among those with known sex"
_KNOWN = "persons with known sex"


def _bound(value: Number) -> Fraction:
    share = to_fraction(value)
    if not 0 <= share <= 1:
        raise KeyedValueError("error.gender.bound", shown=mask_value(value))
    return share


@attrs.frozen(kw_only=True)
class GenderBalance:
    """Counts of women, men and unknown sex, with the shares among those with known sex
    and whether each sex lies within `[lower, upper]` (inclusive).

    `balanced` is `None` when nobody's sex is known: balance cannot be judged.
    """

    women: int
    men: int
    unknown: int = 0
    lower: Fraction = DEFAULT_LOWER
    upper: Fraction = DEFAULT_UPPER

    def __attrs_post_init__(self) -> None:
        if not self.lower <= self.upper:
            raise KeyedValueError("error.gender.bounds_order", lower=self.lower, upper=self.upper)

    @property
    def known(self) -> int:
        """The number with known sex (the denominator of both shares)."""
        return self.women + self.men

    @property
    def total(self) -> int:
        """Everyone counted, including those with unknown sex."""
        return self.known + self.unknown

    @property
    def women_share(self) -> Share:
        """Women among those with known sex."""
        return Share(
            numerator=self.women, denominator=self.known, subset="women", population=_KNOWN
        )

    @property
    def men_share(self) -> Share:
        """Men among those with known sex."""
        return Share(numerator=self.men, denominator=self.known, subset="men", population=_KNOWN)

    @property
    def balanced(self) -> bool | None:
        """Whether both sexes lie within the bounds; `None` if no one's sex is known."""
        if self.known == 0:
            return None
        women, men = self.women_share.value, self.men_share.value
        return self.lower <= women <= self.upper and self.lower <= men <= self.upper

    def __add__(self, other: GenderBalance) -> GenderBalance:
        """Counts of two disjoint groups together (the bounds must agree)."""
        if not isinstance(other, GenderBalance):
            return NotImplemented
        if (self.lower, self.upper) != (other.lower, other.upper):
            raise ValueError("cannot add balances judged against different bounds")
        return attrs.evolve(
            self,
            women=self.women + other.women,
            men=self.men + other.men,
            unknown=self.unknown + other.unknown,
        )

    def describe(self, lang: str | None = None) -> str:
        """One line: counts, shares and the judgement.

        >>> GenderBalance(women=36, men=67).describe()
        'kvinnor 36 (35,0 %), män 67 (65,0 %), okänt kön 0; ej jämn könsfördelning (40–60 %)'
        """
        lang = get_language(lang)
        low, high = (
            format_number(bound * 100, 0 if (bound * 100).denominator == 1 else 1, lang)
            for bound in (self.lower, self.upper)
        )
        bounds = f"{low}–{high}{' %' if lang != 'en' else '%'}"
        if self.known:
            women = format_percent(self.women_share.value, 1, lang)
            men = format_percent(self.men_share.value, 1, lang)
        else:
            women = men = "–"
        verdict = {
            (True, "sv"): "jämn könsfördelning",
            (False, "sv"): "ej jämn könsfördelning",
            (None, "sv"): "könsfördelningen kan inte bedömas",
            (True, "en"): "balanced",
            (False, "en"): "not balanced",
            (None, "en"): "balance cannot be judged",
        }[(self.balanced, "en" if lang == "en" else "sv")]
        if lang == "en":
            return (
                f"women {format_count(self.women, lang)} ({women}), men "
                f"{format_count(self.men, lang)} ({men}), unknown sex "
                f"{format_count(self.unknown, lang)}; {verdict} ({bounds})"
            )
        return (
            f"kvinnor {format_count(self.women)} ({women}), män {format_count(self.men)} "
            f"({men}), okänt kön {format_count(self.unknown)}; {verdict} ({bounds})"
        )

    def _repr_html_(self) -> str:
        """The balance for notebooks: women, men and unknown sex with their shares among
        those with known sex, the total, and the judgement in the caption (Swedish)."""
        verdict = self.describe().rpartition("; ")[2]

        def share(count: int) -> str:
            return format_percent(Fraction(count, self.known), 1) if self.known else "–"

        return _html.block(
            _html.table(
                (f"Könsfördelning: {verdict}", f"Gender balance: {verdict}"),
                [("kön", "sex"), ("antal", "count"),
                 ("andel av kända", "share of those with known sex")],
                [(("kvinnor", "women"), format_count(self.women), share(self.women)),
                 (("män", "men"), format_count(self.men), share(self.men)),
                 (("okänt kön", "unknown sex"), format_count(self.unknown), "–")],
                numeric=[1, 2],
                foot=[(("med känt kön", "with known sex"), format_count(self.known),
                       share(self.known)),
                      (("totalt", "total"), format_count(self.total), "–")],
            )
        )  # fmt: skip


def _tally(counts: Mapping[Any, int], lower: Fraction, upper: Fraction) -> GenderBalance:
    women = men = unknown = 0
    for value, count in counts.items():
        if value is None:
            unknown += count
            continue
        sex = Sex(value)
        if sex is Sex.FEMALE:
            women += count
        else:
            men += count
    return GenderBalance(women=women, men=men, unknown=unknown, lower=lower, upper=upper)


def gender_balance(
    records: Iterable[T],
    *,
    sex: Callable[[T], Sex | str | None] = attrgetter("sex"),
    lower: Number = DEFAULT_LOWER,
    upper: Number = DEFAULT_UPPER,
) -> GenderBalance:
    """Count women, men and unknown sex in `records` and judge the balance.

    `sex` reads a record's sex (by default its `sex` attribute); `lower`/`upper` are the
    inclusive bounds for each sex's share (default 40 % and 60 %, DOMAIN.md §6), given as
    shares or texts such as `"40 %"`. Counting runs in C (`collections.Counter`), well
    above a million records a second.

    Hällefors seed (registered at AF, 16–24): 36 women and 67 men.

    >>> from dua.model import Sex
    >>> records = [Sex.FEMALE] * 36 + [Sex.MALE] * 67
    >>> gender_balance(records, sex=lambda s: s).women_share.percent_text()
    '35,0 %'
    >>> gender_balance(records, sex=lambda s: s, lower="30 %", upper="70 %").balanced
    True
    """
    return _tally(Counter(map(sex, records)), _bound(lower), _bound(upper))


def gender_by_group(
    records: Iterable[T],
    key: Callable[[T], str | Iterable[str] | None],
    *,
    sex: Callable[[T], Sex | str | None] = attrgetter("sex"),
    lower: Number = DEFAULT_LOWER,
    upper: Number = DEFAULT_UPPER,
) -> dict[str, GenderBalance]:
    """Gender balance per group (track, municipality, programme, …), groups in sorted order.

    `key` gives a record's group, several groups (an iterable of texts, e.g. every track a
    person took part in: the person is counted in each), or `None` (not counted). See
    [`by_municipality`][dua.metrics.gender.by_municipality],
    [`by_track`][dua.metrics.gender.by_track] and
    [`by_programme`][dua.metrics.gender.by_programme] for `Person` records.

    >>> from dua.model import Sex
    >>> rows = [("industri", Sex.MALE), ("restaurang", Sex.FEMALE), ("industri", Sex.FEMALE)]
    >>> groups = gender_by_group(rows, key=lambda r: r[0], sex=lambda r: r[1])
    >>> {name: g.women_share.percent_text(0) for name, g in groups.items()}
    {'industri': '50 %', 'restaurang': '100 %'}
    """
    low, high = _bound(lower), _bound(upper)
    counts: dict[str, Counter[Any]] = {}
    for record in records:
        groups = key(record)
        if groups is None:
            continue
        value = sex(record)
        for group in (groups,) if isinstance(groups, str) else groups:
            counter = counts.get(group)
            if counter is None:
                counter = counts[group] = Counter()
            counter[value] += 1
    return {group: _tally(counts[group], low, high) for group in sorted(counts)}


def by_municipality(person: Person) -> str | None:
    """Group key: the person's home municipality (SCB code), `None` if unknown."""
    return None if person.home_municipality is None else str(person.home_municipality)


def by_track(person: Person) -> tuple[str, ...]:
    """Group key: every track the person took part in (each counted once)."""
    return tuple(dict.fromkeys(participation.track for participation in person.tracks))


def by_programme(on: date) -> Callable[[Person], tuple[str, ...]]:
    """Group key for a date: the programmes of the person's AF registrations active `on`.

    >>> from dua.model import Registration
    >>> person = Person(key="p1", birth_date=date(2000, 1, 1),
    ...     registrations=[Registration(start=date(2016, 1, 1), programme="uga")])
    >>> by_programme(date(2016, 6, 1))(person)
    ('uga',)
    """

    def key(person: Person) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(
                registration.programme
                for registration in person.registrations
                if registration.programme is not None and registration.active_on(on)
            )
        )

    return key
