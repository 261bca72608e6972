"""The 90-day outcome on data frames: work, studies or an own business started within 90
days of leaving a track or programme (Norrköping, Bilaga 1, 2018-02-26), as
[`outcome_within_90_days`][dua.rules.outcomes.outcome_within_90_days] decides it, with the
window read from the same dated parameter (`outcomes.window_days`).

Inputs: the **tracks** frame, one row per participation (`key`, `track`, `start`, `end`,
optionally the participation's own `outcome` and `outcome_on`), and optionally the long
**outcomes** frame (`key`, `outcome`, `on`, `end`). The result has the tracks frame's rows.

>>> from datetime import date
>>> import polars as pl
>>> tracks = pl.DataFrame({"key": ["p1", "p2"], "track": ["spår 1"] * 2,
...                        "start": [date(2018, 1, 8)] * 2, "end": [date(2018, 3, 30)] * 2})
>>> outcomes = pl.DataFrame({"key": ["p1"], "outcome": ["arbete"], "on": [date(2018, 5, 2)]})
>>> out = outcome_within_90_days(tracks, on=date(2018, 12, 31), outcomes=outcomes)
>>> out.select("key", "outcome_within_90_days", "outcome_within_90_days_value",
...            "outcome_within_90_days_outcome").rows()
[('p1', True, 'positivt', 'arbete'), ('p2', False, 'negativt', None)]
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dua.frames._backend import nw
from dua.frames._columns import OUTCOMES, TRACKS, read
from dua.frames._rules import Outcome, Persons
from dua.frames.expressions import day_number, day_number_of
from dua.model import Outcome as OutcomeKind
from dua.rules._core import parameter, version_in_force
from dua.rules.outcomes import OutcomeStatus

__all__ = ["outcome_within_90_days"]

RULE = "outcome_within_90_days"
# Only work, studies and an own business count (an A-kassa is not positive), as in the
# object rule. Ties on the same day are settled by the outcome's Swedish term, as the object
# rule sorts; a start is coded as `day * 4 + rank`, so there are at most four of them.
_RANKED = sorted((kind for kind in OutcomeKind if kind.positive), key=lambda kind: kind.value)
_RANK = {kind.name: rank for rank, kind in enumerate(_RANKED)}
_POSITIVE = sorted(_RANK)
assert len(_RANKED) <= 4  # the `* 4` coding below
_ID = "__dua_track"


def _rank(outcome: Any) -> Any:
    ranked: Any = None
    for name, rank in _RANK.items():
        condition = outcome == name
        ranked = (
            nw.when(condition).then(nw.lit(rank))
            if ranked is None
            else ranked.when(condition).then(nw.lit(rank))
        )
    return ranked


def outcome_within_90_days(
    tracks: Any,
    *,
    on: date,
    outcomes: Any = None,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
) -> Any:
    """The tracks frame with the 90-day outcome of each participation on `on`.

    Adds `outcome_within_90_days` (bool: positive), `outcome_within_90_days_reason`
    (`left` when the participant has not left by `on`, `started_within_window` when day 90
    has passed without a start; null when positive and while pending),
    `outcome_within_90_days_value` (the status: `positivt`, `negativt`, `inte avgjort`,
    `inte avslutad`), `outcome_within_90_days_outcome` (`arbete`, `studier` or `eget
    företag`: the start that decided a positive result), `outcome_within_90_days_started`
    (its date) and `outcome_within_90_days_version`.

    A start counts when it is on or after the participation's start, on or before `on` and
    at most 90 days after leaving; the earliest counts (ties by the Swedish term).

    Raises:
        FrameError: a column is missing, of the wrong type or holds an unknown category.
        RuleNotInForce: `on` is before 2000-01-01.
    """
    version = version_in_force(RULE, on)
    window = parameter("outcomes.window_days", on).value
    assert isinstance(window, int)
    today = day_number_of(on)
    prepared = Persons(
        tracks,
        TRACKS,
        columns=columns,
        wanted=("key", "track", "start", "end", "outcome", "outcome_on"),
        check=check,
    )
    start, end = prepared.col("start"), prepared.col("end")
    base = prepared.define(
        left=(~end.is_null()) & (end <= on).fill_null(False), left_day=day_number(end)
    )
    left, after_leaving = base["left"], base["left_day"]
    if outcomes is not None:
        prepared.number_rows(_ID)
        events_native, events = read(outcomes, OUTCOMES, columns=columns, check=check)
        events_native = prepared.adopt(events_native)
        event_rows = events_native.select(
            events["key"].alias("__dua_key"),
            events["on"].alias("__dua_event_on"),
            (day_number(events["on"]) * 4 + _rank(events["outcome"])).alias("__dua_event_code"),
        )
        participations = prepared.frame.filter(left).select(
            nw.col(_ID),
            nw.col("__dua_key"),
            start.alias("__dua_start"),
            after_leaving.alias("__dua_left_day"),
        )
        event_on = nw.col("__dua_event_on")
        found = (
            participations.join(event_rows, on="__dua_key", how="inner")  # type: ignore[arg-type]  # same_kind checked above
            .filter(
                ~nw.col("__dua_event_code").is_null()
                & (event_on >= nw.col("__dua_start"))
                & (event_on <= on)
                & (nw.col("__dua_event_code") // 4 - nw.col("__dua_left_day") <= window)
            )
            .group_by(_ID)
            .agg(nw.col("__dua_event_code").min(), event_on.min())
        )
        prepared.join_on(found, _ID, ["__dua_event_code", "__dua_event_on"])
        event_code = nw.col("__dua_event_code")
        event_started = nw.col("__dua_event_on")
    else:
        event_code = nw.lit(None, dtype=nw.Int64)
        event_started = nw.lit(None, dtype=nw.Date)
    own_on = prepared.col("outcome_on")
    own_day = day_number(own_on)
    own_counts = (
        left
        & prepared.col("outcome").is_in(_POSITIVE).fill_null(False)
        & (own_on >= start).fill_null(False)
        & (own_on <= on).fill_null(False)
        & (own_day - after_leaving <= window).fill_null(False)
    )
    own = prepared.define(
        code=nw.when(own_counts).then(own_day * 4 + _rank(prepared.col("outcome")))
    )
    own_code = own["code"]
    first = prepared.define(
        own_first=(~own_code.is_null())
        & (event_code.is_null() | (own_code < event_code)).fill_null(True)
    )
    own_first = first["own_first"]
    best = prepared.define(code=nw.when(own_first).then(own_code).otherwise(event_code))["code"]
    judged = prepared.define(
        positive=left & ~best.is_null(),
        pending=left & best.is_null() & (after_leaving + window > today).fill_null(False),
    )
    positive, pending = judged["positive"], judged["pending"]
    status = (
        nw.when(~left)
        .then(nw.lit(OutcomeStatus.NOT_LEFT.value))
        .when(positive)
        .then(nw.lit(OutcomeStatus.POSITIVE.value))
        .when(pending)
        .then(nw.lit(OutcomeStatus.PENDING.value))
        .otherwise(nw.lit(OutcomeStatus.NEGATIVE.value))
    )
    rank = best - (best // 4) * 4
    outcome_term: Any = None
    for kind in _RANKED:
        condition = rank == _RANK[kind.name]
        outcome_term = (
            nw.when(condition).then(nw.lit(kind.value))
            if outcome_term is None
            else outcome_term.when(condition).then(nw.lit(kind.value))
        )
    return prepared.result(
        Outcome(
            rule=RULE,
            criteria=(("left", ~left), ("started_within_window", left & ~positive & ~pending)),
            version=version.id,
            holds=positive,
            value=status,
            value_always=True,
            extra={
                "outcome": nw.when(positive).then(outcome_term),
                "started": nw.when(positive).then(
                    nw.when(own_first).then(own_on).otherwise(event_started)
                ),
            },
        )
    )
