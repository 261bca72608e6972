"""Long-term social assistance (*långtidsberoende av ekonomiskt bistånd*).

A person (or household, when the records are per household) is long-term dependent on
social assistance in a calendar year when assistance was received in **at least 10 of
the 12 months** of that year. The Norrköping seed (Bilaga 1, 2018-02-26, Uppföljning av
lokala mål) states the definition: "långtidsberoende definieras som minst 10 av 12 månader
under 1 år"; it is the goal "households with long-term social assistance shall fall".
Socialstyrelsen's statistics on *ekonomiskt bistånd* use the same kind of definition; no
stored copy of its wording was found, so the seed is the source cited.

Months are the person's [`SocialAssistanceMonth`][dua.model.SocialAssistanceMonth]
records; a month recorded twice counts once, and months of other years are ignored.

>>> from datetime import date
>>> from dua.model import Person, SocialAssistanceMonth
>>> ali = Person(key="p-4", birth_date=date(1990, 1, 1), social_assistance=[
...     SocialAssistanceMonth(year=2017, month=m) for m in range(1, 11)])
>>> decision = long_term_social_assistance(ali, 2017)
>>> bool(decision), decision.value
(True, 10)
>>> bool(long_term_social_assistance(ali, 2018))
False
"""

from __future__ import annotations

from datetime import date

from dua.model import Person
from dua.rules._core import Criterion, Decision, parameter, version_in_force

__all__ = ["long_term_social_assistance", "months_with_assistance"]


def months_with_assistance(person: Person, year: int) -> frozenset[int]:
    """The months (1–12) of `year` in which the person received social assistance."""
    return frozenset(m.month for m in person.social_assistance if m.year == year)


def long_term_social_assistance(person: Person, year: int) -> Decision:
    """Whether the person received social assistance in at least 10 of the 12 months of
    the calendar year `year`.

    The decision is dated 31 December of `year` (the year must be complete to be judged;
    a year in progress can still reach 10 months). `value` is the number of months.

    Source: Norrköping, Bilaga 1, 2018-02-26 ("minst 10 av 12 månader under 1 år").

    Raises:
        RuleNotInForce: `year` is before 2000, the first year the definition is applied to.
    """
    on = date(year, 12, 31)
    version = version_in_force("long_term_social_assistance", on)
    minimum = parameter("social_assistance.long_term_min_months", on)
    months = months_with_assistance(person, year)
    count = len(months)
    listed = ", ".join(str(m) for m in sorted(months)) or "–"
    return Decision(
        rule="long_term_social_assistance",
        holds=count >= int(minimum.value),
        on=on,
        version=version,
        subject=person.key,
        value=count,
        criteria=(
            Criterion(
                name="months",
                holds=count >= int(minimum.value),
                explanation_sv=f"Bistånd {count} av 12 månader {year} (månad {listed}); minst {minimum.value} krävs",
                explanation_en=f"Assistance in {count} of 12 months of {year} (month {listed}); at least {minimum.value} required",
                reference=minimum.reference,
            ),
        ),
    )
