"""Outcome at 90 days: did a participant go on to work, studies or an own business?

The Norrköping seed (Bilaga 1, 2018-02-26, Uppföljning av lokala mål) sets two measures:

- **Within 90 days** ("status senast inom 90 dagar"): a participant who left a track or
  programme counts as a positive outcome when work (with or without subsidy), studies or
  an own business *started* at the latest 90 days after leaving. See
  [`outcome_within_90_days`][dua.rules.outcomes.outcome_within_90_days].
- **Status after 90 days** ("status efter 90 dagar"): what the participant is doing *on*
  day 90. See [`status_on_day_90`][dua.rules.outcomes.status_on_day_90].

**Counting days.** The day of leaving is `TrackParticipation.end` (the last day in the
track). Day 1 is the day after; **day 90 is included**: a start on `end + 90 days` counts,
a start on `end + 91 days` does not. A start during the track (from its first day on)
also counts, since leaving for a job is the typical positive outcome. Starts come from
`Person.outcomes` and from the participation's own `outcome`/`outcome_on`; only work,
studies and an own business count (an A-kassa is not a positive outcome, see
[`Outcome`][dua.model.Outcome]). Nothing after the date asked about (`on`) is looked at.

>>> from datetime import date
>>> from dua.model import Outcome, OutcomeEvent, Person, TrackParticipation
>>> stay = TrackParticipation(track="industri", start=date(2018, 3, 1), end=date(2018, 8, 31))
>>> sam = Person(key="p-5", birth_date=date(1990, 1, 1),
...              outcomes=[OutcomeEvent(outcome=Outcome.WORK, on=date(2018, 11, 29))])
>>> decision = outcome_within_90_days(sam, stay, on=date(2019, 1, 1))
>>> bool(decision), decision.value.status.value
(True, 'positivt')
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

import attrs

from dua.model import LabelledEnum, Outcome, OutcomeEvent, Person, TrackParticipation
from dua.rules._core import Criterion, Decision, LawVersion, Parameter, parameter, version_in_force
from dua.rules.programmes import OPEN_UNEMPLOYMENT_CODES

__all__ = ["OutcomeResult", "OutcomeStatus", "outcome_within_90_days", "status_on_day_90"]


class OutcomeStatus(LabelledEnum):
    """Where a participant stands in the 90-day measure."""

    POSITIVE = "positivt", "positive"
    NEGATIVE = "negativt", "negative"
    PENDING = "inte avgjort", "pending"
    NOT_LEFT = "inte avslutad", "not left"


@attrs.frozen(kw_only=True)
class OutcomeResult:
    """The result of a 90-day measure: the status, the outcome found and the key dates.

    `day_90` is the 90th day after leaving (`None` while the participant has not left);
    `outcome` and `started` name the start that decided a positive result.
    """

    status: OutcomeStatus
    day_90: date | None = None
    outcome: Outcome | None = None
    started: date | None = None


def _events(person: Person, participation: TrackParticipation, on: date) -> list[OutcomeEvent]:
    events = set(person.outcomes)
    if participation.outcome is not None and participation.outcome_on is not None:
        events.add(OutcomeEvent(outcome=participation.outcome, on=participation.outcome_on))
    # Sorted by date, then outcome, so that ties are settled the same way for any order.
    return sorted(
        (e for e in events if e.outcome.positive and participation.start <= e.on <= on),
        key=lambda e: (e.on, e.outcome.value),
    )


def _left(participation: TrackParticipation, on: date) -> bool:
    return participation.end is not None and participation.end <= on


def _not_left(
    rule: str, person: Person, on: date, version: LawVersion, window: Parameter
) -> Decision:
    return Decision(
        rule=rule,
        holds=False,
        on=on,
        version=version,
        subject=person.key,
        value=OutcomeResult(status=OutcomeStatus.NOT_LEFT),
        criteria=(
            Criterion(
                name="left",
                holds=False,
                explanation_sv=f"Har inte lämnat spåret/programmet till och med {on}",
                explanation_en=f"Has not left the track or programme by {on}",
                reference=window.reference,
            ),
        ),
    )


def outcome_within_90_days(person: Person, participation: TrackParticipation, on: date) -> Decision:
    """Whether work, studies or an own business started within 90 days of leaving.

    `value` is an [`OutcomeResult`][dua.rules.outcomes.OutcomeResult]: *positive* as soon
    as such a start is known; *pending* while day 90 is still after `on` and nothing has
    started; *negative* once day 90 has passed without a start; *not left* while the
    participant has not left by `on`. Only *positive* holds.

    Source: Norrköping, Bilaga 1, 2018-02-26 ("status senast inom 90 dagar"; etablering =
    arbete med eller utan subvention och reguljära studier).

    Raises:
        RuleNotInForce: `on` is before 2000-01-01.
    """
    rule = "outcome_within_90_days"
    version = version_in_force(rule, on)
    window = parameter("outcomes.window_days", on)
    if not _left(participation, on):
        return _not_left(rule, person, on, version, window)
    assert participation.end is not None  # checked by _left
    day_90 = participation.end + timedelta(days=int(window.value))
    found = next((e for e in _events(person, participation, on) if e.on <= day_90), None)
    if found is not None:
        result = OutcomeResult(
            status=OutcomeStatus.POSITIVE, day_90=day_90, outcome=found.outcome, started=found.on
        )
        sv = f"{found.outcome.value.capitalize()} påbörjat {found.on}, senast dag {window.value} ({day_90})"
        en = f"{found.outcome.label_en.capitalize()} started on {found.on}, by day {window.value} ({day_90})"
    elif on < day_90:
        result = OutcomeResult(status=OutcomeStatus.PENDING, day_90=day_90)
        sv = f"Inget påbörjat till och med {on}; fönstret löper till {day_90}"
        en = f"Nothing started by {on}; the window runs to {day_90}"
    else:
        result = OutcomeResult(status=OutcomeStatus.NEGATIVE, day_90=day_90)
        sv = f"Varken arbete, studier eller eget företag påbörjat senast {day_90}"
        en = f"No work, studies or own business started by {day_90}"
    positive = result.status is OutcomeStatus.POSITIVE
    return Decision(
        rule=rule,
        holds=positive,
        on=on,
        version=version,
        subject=person.key,
        value=result,
        criteria=(
            Criterion(
                name="left",
                holds=True,
                explanation_sv=f"Lämnade {participation.track} {participation.end}",
                explanation_en=f"Left {participation.track} on {participation.end}",
            ),
            Criterion(
                name="started_within_window",
                holds=positive if result.status is not OutcomeStatus.PENDING else None,
                explanation_sv=sv,
                explanation_en=en,
                reference=window.reference,
            ),
        ),
    )


def status_on_day_90(
    person: Person,
    participation: TrackParticipation,
    on: date,
    *,
    open_codes: Collection[str] = OPEN_UNEMPLOYMENT_CODES,
) -> Decision:
    """The participant's status on day 90 after leaving: positive when the latest start of
    work, studies or own business on or before day 90 is known and the person is not
    registered as openly unemployed (a category in `open_codes`) on day 90.

    An outcome whose `end` is before day 90 (a job that started and ended) does not count;
    where outcome records carry no end, an ended job is seen only through an
    open-unemployment registration on day 90. `value`
    is an [`OutcomeResult`][dua.rules.outcomes.OutcomeResult] (*pending* until `on`
    reaches day 90).

    Source: Norrköping, Bilaga 1, 2018-02-26 ("status efter 90 dagar").

    Raises:
        RuleNotInForce: `on` is before 2000-01-01.
    """
    rule = "outcome_status_day_90"
    version = version_in_force(rule, on)
    window = parameter("outcomes.window_days", on)
    if not _left(participation, on):
        return _not_left(rule, person, on, version, window)
    assert participation.end is not None  # checked by _left
    day_90 = participation.end + timedelta(days=int(window.value))
    if on < day_90:
        result = OutcomeResult(status=OutcomeStatus.PENDING, day_90=day_90)
        criteria = (
            Criterion(
                name="day_90_reached",
                holds=None,
                explanation_sv=f"Dag {window.value} ({day_90}) har inte kommit {on}",
                explanation_en=f"Day {window.value} ({day_90}) has not come by {on}",
                reference=window.reference,
            ),
        )
    else:
        unemployed = any(
            r.category in open_codes and r.active_on(day_90) for r in person.registrations
        )
        # The latest start that is still going on day 90 (an ended job does not count).
        latest = next(
            (e for e in reversed(_events(person, participation, day_90)) if e.active_on(day_90)),
            None,
        )
        if latest is not None and not unemployed:
            result = OutcomeResult(
                status=OutcomeStatus.POSITIVE,
                day_90=day_90,
                outcome=latest.outcome,
                started=latest.on,
            )
            sv = f"{latest.outcome.value.capitalize()} sedan {latest.on} dag {window.value} ({day_90})"
            en = f"{latest.outcome.label_en.capitalize()} since {latest.on} on day {window.value} ({day_90})"
        else:
            result = OutcomeResult(status=OutcomeStatus.NEGATIVE, day_90=day_90)
            if unemployed:
                sv = f"Öppet arbetslös dag {window.value} ({day_90})"
                en = f"Openly unemployed on day {window.value} ({day_90})"
            else:
                sv = f"Varken arbete, studier eller eget företag känt dag {window.value} ({day_90})"
                en = f"No work, studies or own business known on day {window.value} ({day_90})"
        criteria = (
            Criterion(
                name="status_day_90",
                holds=result.status is OutcomeStatus.POSITIVE,
                explanation_sv=sv,
                explanation_en=en,
                reference=window.reference,
            ),
        )
    return Decision(
        rule=rule,
        holds=result.status is OutcomeStatus.POSITIVE,
        on=on,
        version=version,
        subject=person.key,
        value=result,
        criteria=criteria,
    )
