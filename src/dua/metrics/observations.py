"""Follow-up data for goal attainment: observations, events, participants and meetings, as
Python objects.

DOMAIN.md §5: every goal in the seeds must be computable from data. The data comes in four
shapes, each matched to goals by name:

| shape | used by | matched by |
|---|---|---|
| [`Observation`][dua.metrics.observations.Observation]: a measured value (or numerator and denominator) of an indicator, for a unit, on a date or for a period | `LEVEL`, `RELATIVE_CHANGE`, `GROWTH`, `SHARE`, `DIRECTION` | `indicator` = `Goal.indicator`; `unit` = a kommunkod, track id or body id (`None`: the whole agreement) |
| [`Event`][dua.metrics.observations.Event]: something that happened on a date (a traineejobb started, a track launched) | `COUNT`, `MILESTONES` (and `GROWTH` without yearly observations) | `kind` = `Goal.indicator`; `qualifier` narrows (`Target.qualifier`) |
| [`Participant`][dua.metrics.observations.Participant]: a person's participation in a track, with dates, outcome and statuses reached | `SHARE`, `CONVERSION` | `track`/`unit`; a `measures` entry names the measure of an indicator |
| [`Meeting`][dua.metrics.observations.Meeting]: a body met on a date | `CADENCE` | `body` = `Goal.body` (or `Goal.indicator`); `topics` narrow |

Values are exact: an observation's value is read with
[`to_fraction`][dua.metrics.numbers.to_fraction] (decimal comma or point; a trailing `%` is
decoration here, since an observation's value is in its indicator's unit: `21,0` and
`21,0 %` both mean 21,0 per cent for a percent indicator).

This module does not read files: [`dua.io.followup`][dua.io.followup] reads follow-up
tables (CSV or `.xlsx`), JSON documents and the bundled synthetic datasets into a
[`FollowUpData`][dua.metrics.observations.FollowUpData], whose `sources` name the files.

>>> data = FollowUpData(events=[Event(kind="traineejobb", on=date(2016, 3, 1))])
>>> len(data.events), data.sources
(1, ())
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import attrs

from dua import _html
from dua.errors import mask_value
from dua.i18n import KeyedTypeError, KeyedValueError
from dua.limits import parse_iso_date
from dua.metrics.gender import gender_balance
from dua.metrics.numbers import Share, to_fraction
from dua.model import Outcome, Period, Person, Sex

__all__ = [
    "MEASURES",
    "OUTCOME_WINDOW_DAYS",
    "Event",
    "FollowUpData",
    "Meeting",
    "Observation",
    "ObservationTotal",
    "Participant",
    "count_events",
    "count_meetings",
    "observation_totals",
    "outcome_90_days",
    "parse_period",
    "participants_from_persons",
    "women_share",
]

OUTCOME_WINDOW_DAYS = 90
"""Days after leaving within which work, studies or own business counts as a positive
outcome (Norrköping seed: "status efter 90 dagar"; DOMAIN.md §4.3)."""


def _fraction_or_none(value: object) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip().removesuffix("%").strip()
        if not value:
            return None
    if isinstance(value, int | Fraction | Decimal | float | str):
        return to_fraction(value)
    raise KeyedTypeError("error.number.expected", shown=mask_value(value))


@attrs.frozen(kw_only=True)
class Observation:
    """A measured value of an indicator for a unit (`None`: the whole agreement), on a
    date (`on`) or for a period (`period`).

    Either `value` (in the indicator's unit, e.g. `21` for 21 %) or `numerator` and
    `denominator` (a share, read as a percent for percent indicators) must be given.

    >>> Observation(indicator="ungdomsarbetsloshet", on=date(2016, 9, 30), numerator=20, denominator=100).quantity()
    Fraction(20, 1)
    """

    indicator: str
    unit: str | None = None
    on: date | None = None
    period: Period | None = None
    value: Fraction | None = attrs.field(default=None, converter=_fraction_or_none)
    numerator: int | None = None
    denominator: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.on is None and self.period is None:
            raise KeyedValueError(
                "error.observation.date_or_period", indicator=mask_value(self.indicator)
            )
        if self.value is None and (self.numerator is None or self.denominator is None):
            raise KeyedValueError(
                "error.observation.value_needed", indicator=mask_value(self.indicator)
            )
        if self.numerator is not None and self.denominator is not None:
            Share(numerator=self.numerator, denominator=self.denominator)  # validates

    @property
    def dated(self) -> date:
        """The date the observation describes: `on`, or the end of its period (the start of
        an open-ended period)."""
        if self.on is not None:
            return self.on
        assert self.period is not None
        return self.period.end or self.period.start

    def describes(self, day: date) -> bool:
        """Whether this observation is *on or for* `day`."""
        return self.on == day or (self.period is not None and self.period.contains(day))

    @property
    def share(self) -> Share | None:
        """The share, when numerator and denominator are given."""
        if self.numerator is None or self.denominator is None:
            return None
        return Share(numerator=self.numerator, denominator=self.denominator)

    def quantity(self, percent: bool = True) -> Fraction | None:
        """The observed quantity: `value`, else numerator/denominator (× 100 when the
        indicator is a percentage). `None` when the denominator is zero."""
        if self.value is not None:
            return self.value
        share = self.share
        assert share is not None
        if not share.defined:
            return None
        return share.value * 100 if percent else share.value


def _tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _frozenset(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened on a date: a traineejobb started, a track launched.

    `kind` matches a goal's indicator; `unit` the unit it belongs to; `qualifier` what it
    is (e.g. a track "riktat till kvinnor"), matched against `Target.qualifier`.
    """

    kind: str
    on: date
    unit: str | None = None
    qualifier: str | None = None


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting held by a body on a date; `topics` what it covered (empty: unrecorded).

    A meeting counts for a cadence goal when its body is the goal's body, and — if it
    lists topics — the goal's indicator is one of them.
    """

    body: str
    on: date
    topics: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen(kw_only=True, slots=True)
class Participant:
    """One person's participation in a track, under a pseudonymous key (never a personal
    identity number).

    `unit` is the municipality (SCB code) the participation belongs to; `outcome` and
    `outcome_on` the first start of work, studies or own business; `statuses` the stages a
    conversion chain counts (e.g. `"påbörjar jobbspår"`, `"reguljära studier"`).
    """

    key: str
    track: str
    start: date
    end: date | None = None
    unit: str | None = None
    sex: Sex | None = None
    outcome: Outcome | None = None
    outcome_on: date | None = None
    statuses: frozenset[str] = attrs.field(default=frozenset(), converter=_frozenset)

    def reached(self, status: str) -> bool:
        """Whether the participant reached `status` (listed in `statuses`, or the Swedish
        name of the outcome, e.g. `"arbete"`)."""
        wanted = status.casefold()
        if self.outcome is not None and self.outcome.value == wanted:
            return True
        return any(s.casefold() == wanted for s in self.statuses)


def participants_from_persons(persons: Iterable[Person]) -> list[Participant]:
    """One `Participant` per track participation of each `Person`, with the person's sex and
    home municipality. The outcome is the earliest start of work, studies or own business
    on or after the participation's first day, from the participation's own outcome and
    the person's `outcomes` (as `dua.rules.outcomes` reads them)."""
    rows: list[Participant] = []
    for person in persons:
        home = None if person.home_municipality is None else str(person.home_municipality)
        for taken in person.tracks:
            starts = [
                (e.on, e.outcome.value, e.outcome)
                for e in person.outcomes
                if e.on >= taken.start and e.outcome.positive
            ]
            if (
                taken.outcome is not None
                and taken.outcome.positive
                and taken.outcome_on is not None
                and taken.outcome_on >= taken.start
            ):
                starts.append((taken.outcome_on, taken.outcome.value, taken.outcome))
            first = min(starts) if starts else None
            rows.append(
                Participant(
                    key=person.key,
                    track=taken.track,
                    start=taken.start,
                    end=taken.end,
                    unit=home,
                    sex=person.sex,
                    outcome=None if first is None else first[2],
                    outcome_on=None if first is None else first[0],
                )
            )
    return rows


def women_share(participants: Iterable[Participant], on: date | None = None) -> Share:
    """Women among participants with known sex (DOMAIN.md §6); with `on`, only those who
    had started by that date."""
    rows = participants if on is None else (p for p in participants if p.start <= on)
    return gender_balance(rows).women_share


def _outcome_90_days(participants: Iterable[Participant], on: date) -> tuple[int, int]:
    """(positive, counted) for the 90-day outcome over the cohort whose day 90 has passed.

    Per participant this is the rule `dua.rules.outcomes.outcome_within_90_days` (Norrköping
    seed): positive when work, studies or an own business started from the first day of the
    participation up to and including day 90 after leaving. The share counts only
    participants whose day 90 is on or before `on` (`end + 90 days <= on`), so that those
    still within their window bias it neither way (the rule's *pending*, and its early
    *positive* before day 90, are both left out). The loop compares dates only, without
    building `Decision` objects, to run at well over a million records a second; the tests
    check that it agrees with the rule for every participant it counts.
    """
    window = timedelta(days=OUTCOME_WINDOW_DAYS)
    last_end = on - window
    positive = leavers = 0
    for p in participants:
        end = p.end
        if end is None or end > last_end:
            continue
        leavers += 1
        started = p.outcome_on
        if p.outcome is not None and not p.outcome.positive:
            continue  # an A-kassa is not work, studies or an own business
        if started is not None and p.start <= started <= end + window:
            positive += 1
    return positive, leavers


def outcome_90_days(participants: Iterable[Participant], on: date) -> Share:
    """Share of leavers with work, studies or own business within 90 days of leaving, among
    those whose 90 days had passed by `on` (Norrköping seed: ≥ 60 % "inom 90 dagar").

    >>> rows = [Participant(key="a", track="industri", start=date(2018, 1, 1), end=date(2018, 6, 30),
    ...                     outcome=Outcome.WORK, outcome_on=date(2018, 8, 1)),
    ...         Participant(key="b", track="industri", start=date(2018, 1, 1), end=date(2018, 6, 30))]
    >>> outcome_90_days(rows, date(2018, 12, 31)).value
    Fraction(1, 2)
    """
    positive, leavers = _outcome_90_days(participants, on)
    return Share(
        numerator=positive,
        denominator=leavers,
        subset="arbete, studier eller eget företag inom 90 dagar",
        population="deltagare som lämnat för minst 90 dagar sedan",
    )


def count_events(
    events: Iterable[Event],
    *,
    kind: str | None,
    start: date,
    last: date,
    units: Collection[str | None] = (None,),
    qualifier: str | None = None,
) -> int:
    """How many events of `kind` (`None`, a goal without an indicator: none) happened from
    `start` to `last` (both included): of the `units` (`(None,)`: the whole agreement,
    every unit), with `qualifier` when one is given. This is the count a `COUNT` or
    `MILESTONES` goal judges (its window cut at the date asked about).

    >>> rows = [Event(kind="traineejobb", on=date(2016, m, 1), unit="1863") for m in (2, 5, 9)]
    >>> count_events(rows, kind="traineejobb", start=date(2016, 1, 1), last=date(2016, 6, 30))
    2
    """
    whole = tuple(units) == (None,)
    return sum(
        1
        for e in events
        if e.kind == kind
        and (whole or e.unit in units)
        and start <= e.on <= last
        and (qualifier is None or e.qualifier == qualifier)
    )


def count_meetings(
    meetings: Iterable[Meeting],
    *,
    bodies: Collection[str | None],
    start: date,
    last: date,
    indicator: str | None = None,
) -> int:
    """How many meetings the `bodies` held from `start` to `last` (both included); with
    `indicator`, a meeting that lists topics counts only when the indicator is one of
    them. This is the count a `CADENCE` goal judges.

    >>> rows = [Meeting(body="styrgrupp", on=date(2016, 3, 1), topics=["budget"]),
    ...         Meeting(body="styrgrupp", on=date(2016, 9, 1))]
    >>> count_meetings(rows, bodies={"styrgrupp"}, start=date(2016, 1, 1),
    ...                last=date(2016, 12, 31), indicator="möten")
    1
    """
    return sum(
        1
        for m in meetings
        if m.body in bodies
        and start <= m.on <= last
        and (not m.topics or indicator is None or indicator in m.topics)
    )


@attrs.frozen(kw_only=True)
class ObservationTotal:
    """The observations of one indicator that describe one day, summed: over every unit
    (`unit` is then `None`), or for one unit.

    `numerator` and `denominator` are the sums when every observation summed has both
    (else `None`); `value` is the sum of the values when every one has a value (else
    `None`). These are the sums a goal over several units reads
    (`Aggregation`: numerators and denominators added, or values added).
    """

    indicator: str
    unit: str | None
    dated: date
    observations: int
    numerator: int | None
    denominator: int | None
    value: Fraction | None

    @property
    def share(self) -> Share | None:
        """The summed share, when numerator and denominator are known."""
        if self.numerator is None or self.denominator is None:
            return None
        return Share(numerator=self.numerator, denominator=self.denominator)


def observation_totals(
    observations: Iterable[Observation], on: date, *, by_unit: bool = False
) -> tuple[ObservationTotal, ...]:
    """The observations known on `on` (those that describe a day on or before it, see
    [`Observation.dated`][dua.metrics.observations.Observation.dated]) summed per
    indicator and described day, over every unit or, with `by_unit`, per unit; sorted by
    indicator, unit and day.

    >>> rows = [Observation(indicator="andel", unit=u, on=date(2016, 12, 31), numerator=n,
    ...                     denominator=10) for u, n in (("1863", 3), ("1885", 4))]
    >>> total, = observation_totals(rows, date(2017, 1, 1))
    >>> total.observations, total.share.value
    (2, Fraction(7, 20))
    """
    groups: dict[tuple[str, str | None, date], list[Observation]] = {}
    for observation in observations:
        day = observation.dated
        if day > on:
            continue
        unit = observation.unit if by_unit else None
        groups.setdefault((observation.indicator, unit, day), []).append(observation)
    totals = []
    for (indicator, unit, day), rows in groups.items():
        shared = all(o.numerator is not None and o.denominator is not None for o in rows)
        valued = all(o.value is not None for o in rows)
        totals.append(
            ObservationTotal(
                indicator=indicator,
                unit=unit,
                dated=day,
                observations=len(rows),
                numerator=sum(o.numerator or 0 for o in rows) if shared else None,
                denominator=sum(o.denominator or 0 for o in rows) if shared else None,
                value=sum((o.value or Fraction(0) for o in rows), Fraction(0)) if valued else None,
            )
        )
    return tuple(sorted(totals, key=lambda t: (t.indicator, t.unit or "", t.dated)))


MEASURES: Mapping[str, Callable[[Sequence[Participant], date], Share]] = {
    "women": women_share,
    "outcome_90_days": outcome_90_days,
}
"""Participant measures a `SHARE` goal can use, by name; `FollowUpData.measures` maps a
goal's indicator to one of these names."""


@attrs.frozen(kw_only=True)
class FollowUpData:
    """All follow-up data for one agreement. `measures` maps an indicator to a participant
    measure in [`MEASURES`][dua.metrics.observations.MEASURES]; `synthetic` marks invented
    illustration data; `sources` names the files the data was read from (as given to
    [`dua.io.followup`][dua.io.followup]), so that a report can state them."""

    observations: tuple[Observation, ...] = attrs.field(default=(), converter=tuple)
    events: tuple[Event, ...] = attrs.field(default=(), converter=tuple)
    participants: tuple[Participant, ...] = attrs.field(default=(), converter=tuple)
    meetings: tuple[Meeting, ...] = attrs.field(default=(), converter=tuple)
    measures: Mapping[str, str] = attrs.field(factory=dict)
    synthetic: bool = False
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        for indicator, measure in self.measures.items():
            if measure not in MEASURES:
                raise KeyedValueError(
                    "error.observation.unknown_measure",
                    indicator=mask_value(indicator),
                    measure=mask_value(measure),
                    known=", ".join(MEASURES),
                )

    @property
    def span(self) -> tuple[date, date] | None:
        """The first and the last date the data describes (observations, events,
        meetings, participants' starts, ends and outcomes), or `None` when it is empty."""
        days = [o.dated for o in self.observations]
        days += [e.on for e in self.events] + [m.on for m in self.meetings]
        for p in self.participants:
            days += [day for day in (p.start, p.end, p.outcome_on) if day is not None]
        return (min(days), max(days)) if days else None

    def _counts(self) -> str:
        span = self.span
        period = "None" if span is None else f"'{span[0].isoformat()}/{span[1].isoformat()}'"
        return (
            f"observations={len(self.observations)}, events={len(self.events)}, "
            f"participants={len(self.participants)}, meetings={len(self.meetings)}, "
            f"period={period}"
        )

    def __repr__(self) -> str:
        # The generated repr lists every row (13 KB for Norrköping's invented data, issue
        # 12 item 5): counts and the period; the rows are the attributes.
        synthetic = ", synthetic=True" if self.synthetic else ""
        return f"FollowUpData({self._counts()}{synthetic})"

    def _repr_html_(self) -> str:
        """The data for notebooks: how many rows of each kind, the period and the sources
        (the rows themselves are `observations`, `events`, `participants`, `meetings`)."""
        span = self.span
        indicators = sorted({o.indicator for o in self.observations})
        return _html.block(
            _html.facts(
                "Uppföljningsdata" + (" (påhittade)" if self.synthetic else ""),
                [
                    (("Observationer", "Observations"), len(self.observations)),
                    (("Indikatorer", "Indicators"), ", ".join(indicators) or None),
                    (("Händelser", "Events"), len(self.events)),
                    (("Deltagare", "Participants"), len(self.participants)),
                    (("Möten", "Meetings"), len(self.meetings)),
                    (
                        ("Period", "Period"),
                        None if span is None else f"{span[0].isoformat()} – {span[1].isoformat()}",
                    ),
                    (("Underlag", "Sources"), "; ".join(self.sources) or None),
                ],
            )
        )

    def observed(self, indicator: str | None) -> list[Observation]:
        """Observations of `indicator`, oldest first."""
        return sorted(
            (o for o in self.observations if o.indicator == indicator), key=lambda o: o.dated
        )


def parse_period(text: str) -> Period:
    """Read a period: `"2016"`, `"2016-09"` or `"2016-01-01/2016-06-30"`.

    >>> str(parse_period("2016-09")), str(parse_period("2016"))
    ('2016-09-01–2016-09-30', '2016-01-01–2016-12-31')
    """
    text = text.strip()
    if "/" in text:
        start, _, end = text.partition("/")
        return Period(start=parse_iso_date(start), end=parse_iso_date(end))
    # Four-digit years only: `int` of a long run of digits is slow or refused.
    if re.fullmatch(r"[0-9]{4}", text):
        return Period.year(int(text))
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", text):
        year, month = int(text[:4]), int(text[5:])
        first = date(year, month, 1)
        last = date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(days=1)
        return Period(start=first, end=last)
    raise KeyedValueError("error.observation.period", shown=mask_value(text))
