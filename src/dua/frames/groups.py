"""Target-group membership on data frames: the groups the mapping tables count, as
[`dua.rules.target_groups`][dua.rules.target_groups] decides them, with ages and versions
read from the same dated parameter data.

Groups (the column prefix is the group's rule name):

- `dua_youth` (16–24), `dua_youth_16_19`, `dua_youth_20_24`: age only;
- `kaa_16_19`: covered by KAA and at least 16 (value: the responsible home municipality);
- `newly_arrived_in_establishment`, `newly_arrived_outside_establishment`: the person's
  `newly_arrived` flag and an active registration with an establishment programme code
  (optionally, outside, no active programme at all).

Inputs: a persons frame and, as the groups need them, the long `registrations`,
`enrolments` and `qualifications` frames.

>>> from datetime import date
>>> import polars as pl
>>> persons = pl.DataFrame({"key": ["p1", "p2"], "birth_date": [date(2000, 3, 1), date(1995, 1, 1)]})
>>> out = target_groups(persons, on=date(2019, 6, 1), groups=["dua_youth_16_19", "dua_youth_20_24"])
>>> out.select("key", "dua_youth_16_19", "dua_youth_20_24", "dua_youth_20_24_reason").rows()
[('p1', True, False, 'age'), ('p2', False, True, None)]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from dua.errors import FrameError
from dua.frames._backend import nw
from dua.frames._columns import PERSONS, REGISTRATIONS
from dua.frames._rules import HistoryFacts, Outcome, Persons
from dua.frames.expressions import active_on, in_age_band, turned
from dua.frames.kaa import _facts as kaa_facts
from dua.frames.kaa import kaa_outcome
from dua.rules._core import parameter, version_in_force
from dua.rules.kaa import _context
from dua.rules.target_groups import ESTABLISHMENT_PROGRAMMES

__all__ = ["GROUPS", "target_groups"]

GROUPS: tuple[str, ...] = (
    "dua_youth",
    "dua_youth_16_19",
    "dua_youth_20_24",
    "kaa_16_19",
    "newly_arrived_in_establishment",
    "newly_arrived_outside_establishment",
)
"""The groups [`target_groups`][dua.frames.groups.target_groups] knows, by rule name."""

_BANDS: dict[str, tuple[str, str]] = {
    "dua_youth": ("target_groups.dua_youth.min_age", "target_groups.dua_youth.max_age"),
    "dua_youth_16_19": (
        "target_groups.dua_youth.min_age",
        "target_groups.dua_youth_16_19.max_age",
    ),
    "dua_youth_20_24": (
        "target_groups.dua_youth_20_24.min_age",
        "target_groups.dua_youth.max_age",
    ),
}
_WANTED = (
    "key",
    "birth_date",
    "home_municipality",
    "residence",
    "registered_in_sweden",
    "newly_arrived",
)


def _whole(name: str, on: date) -> int:
    value = parameter(name, on).value
    if not isinstance(value, int) or isinstance(value, bool):  # pragma: no cover - data bug
        raise TypeError(f"parameter {name} must be a whole number, not {value!r}")
    return value


def _newly_arrived(persons: Persons, rule: str, on: date, outside_all: bool) -> Outcome:
    version = version_in_force(rule, on)
    flag = persons.col("newly_arrived")
    inside = persons.fact("__in_establishment")
    if rule == "newly_arrived_in_establishment":
        criteria: list[tuple[str, Any]] = [
            ("newly_arrived", ~flag.fill_null(True)),
            ("in_establishment", ~inside),
        ]
        holds = flag.fill_null(False) & inside
    else:
        criteria = [("newly_arrived", ~flag.fill_null(True)), ("outside_establishment", inside)]
        holds = flag.fill_null(False) & ~inside
        if outside_all:
            in_any = persons.fact("__in_programme")
            criteria.append(("outside_programmes", in_any))
            holds = holds & ~in_any
    return Outcome(rule=rule, criteria=tuple(criteria), version=version.id, holds=holds)


def target_groups(
    persons: Any,
    *,
    on: date,
    groups: Sequence[str] = GROUPS,
    registrations: Any = None,
    enrolments: Any = None,
    qualifications: Any = None,
    outside_all_programmes: bool = False,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
) -> Any:
    """The persons frame with membership of each of `groups` on `on`.

    For each group adds `<group>` (bool: member), `<group>_reason` (the first criterion
    that fails: `age`; for `kaa_16_19` `min_age` or a KAA reason; for the newly arrived
    `newly_arrived`, `in_establishment`/`outside_establishment`, `outside_programmes`),
    `<group>_version`, and for `kaa_16_19` `<group>_value` (the responsible home
    municipality when the person is covered by KAA). A criterion that cannot be judged
    (an unknown `newly_arrived`) makes a group not hold without failing, as in the object
    rules.

    Raises:
        FrameError: an unknown group, or a column is missing, of the wrong type or holds
            an unknown category.
        RuleNotInForce: a group asked for has no version in force on `on` (KAA from
            2015-01-01, the newly-arrived groups from 2010-12-01).
    """
    unknown = [group for group in groups if group not in GROUPS]
    if unknown:
        raise FrameError(
            "groups", "error.frames.unknown_group", group=repr(unknown[0]), known=", ".join(GROUPS)
        )
    kaa_ctx = _context(on) if "kaa_16_19" in groups else None
    for group in groups:
        if group != "kaa_16_19":
            version_in_force(group, on)
    prepared = Persons(persons, PERSONS, columns=columns, wanted=_WANTED, check=check)
    if kaa_ctx is not None:
        kaa_facts(prepared, kaa_ctx, enrolments, qualifications, columns, check)
    if registrations is not None and any(g.startswith("newly_arrived") for g in groups):
        active = active_on(nw.col("start"), nw.col("end"), on)
        programme = nw.col("programme")
        history = HistoryFacts(
            history=registrations,
            layout=REGISTRATIONS,
            facts={
                "__in_establishment": programme.is_in(sorted(ESTABLISHMENT_PROGRAMMES)),
                # As the object rule: a programme code that is not empty.
                "__in_programme": ~programme.is_null() & (programme != ""),
            },
            where=active,
        )
        prepared.join_histories([history], columns=columns, check=check)
    born = prepared.col("birth_date")
    outcomes: list[Outcome] = []
    for group in groups:
        if group in _BANDS:
            low, high = (_whole(name, on) for name in _BANDS[group])
            outcomes.append(
                Outcome(
                    rule=group,
                    criteria=(("age", ~in_age_band(born, low, high, on)),),
                    version=version_in_force(group, on).id,
                )
            )
        elif group == "kaa_16_19":
            assert kaa_ctx is not None
            kaa = kaa_outcome(prepared, kaa_ctx)
            old_enough = turned(born, _whole("target_groups.kaa.min_age", on), on)
            covered = ~nw.any_horizontal(
                *(fails.fill_null(False) for _, fails in kaa.criteria), ignore_nulls=False
            )
            outcomes.append(
                Outcome(
                    rule=group,
                    criteria=(("min_age", ~old_enough), *kaa.criteria),
                    version=kaa.version,
                    value=nw.when(covered).then(kaa.value),
                    value_always=True,
                )
            )
        else:
            outcomes.append(_newly_arrived(prepared, group, on, outside_all_programmes))
    return prepared.result(*outcomes)
