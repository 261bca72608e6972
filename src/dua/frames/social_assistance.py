"""Long-term social assistance on data frames: assistance in at least 10 of the 12 months
of a calendar year (Norrköping, Bilaga 1, 2018-02-26), as
[`long_term_social_assistance`][dua.rules.social_assistance.long_term_social_assistance]
decides it, with the minimum read from the same dated parameter.

Inputs: a persons frame (`key`) and the long social-assistance frame, one row per person
and month with assistance (`key`, `year`, `month`; Swedish `nyckel`, `år`, `månad`).

>>> import polars as pl
>>> persons = pl.DataFrame({"key": ["p1", "p2"], "birth_date": [None, None]})
>>> months = pl.DataFrame({"key": ["p1"] * 10 + ["p2"] * 2, "year": [2017] * 12,
...                        "month": list(range(1, 11)) + [1, 1]})
>>> out = long_term_social_assistance(persons, year=2017, social_assistance=months)
>>> out.select("key", "long_term_social_assistance", "long_term_social_assistance_value").rows()
[('p1', True, 10), ('p2', False, 1)]
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dua.frames._backend import nw
from dua.frames._columns import PERSONS, SOCIAL_ASSISTANCE
from dua.frames._rules import Outcome, Persons, history_aggregates
from dua.rules._core import parameter, version_in_force

__all__ = ["long_term_social_assistance"]

RULE = "long_term_social_assistance"


def long_term_social_assistance(
    persons: Any,
    *,
    year: int,
    social_assistance: Any,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
) -> Any:
    """The persons frame with long-term social assistance in the calendar year `year`.

    Adds `long_term_social_assistance` (bool: at least the minimum number of months, 10),
    `long_term_social_assistance_reason` (`months` when not; else null),
    `long_term_social_assistance_value` (the number of distinct months of `year` with
    assistance, also when the rule does not hold) and `long_term_social_assistance_version`.
    A month listed twice counts once.

    Raises:
        FrameError: a column is missing or of the wrong type.
        RuleNotInForce: `year` is before 2000.
    """
    on = date(year, 12, 31)
    version = version_in_force(RULE, on)
    minimum = parameter("social_assistance.long_term_min_months", on).value
    assert isinstance(minimum, int)
    prepared = Persons(persons, PERSONS, columns=columns, wanted=("key",), check=check)
    prepared.join(
        history_aggregates(
            social_assistance,
            SOCIAL_ASSISTANCE,
            {"__months": (nw.col("month"), "n_unique")},
            columns=columns,
            check=check,
            where=(nw.col("year") == year) & (nw.col("month") >= 1) & (nw.col("month") <= 12),
        ),
        ["__months"],
    )
    months = prepared.number("__months")
    return prepared.result(
        Outcome(
            rule=RULE,
            criteria=(("months", months < minimum),),
            version=version.id,
            value=months,
            value_always=True,
        )
    )
