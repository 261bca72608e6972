"""The agreement's calendar: meetings by body, revisions, statistics updates and follow-ups.

An agreement says *how often* things happen ("Styrgruppen följer upp samverkan varannan
månad", "revideringen ska ske årligen i oktober", "uppföljning av resultat 6-8 ggr per
år") and rarely *on which day*. [`schedule`][dua.schedule.schedule] turns those
[`Cadence`][dua.model.Cadence]s into dates in a range with dateutil's recurrence rules
(RFC 5545 `RRULE`), and says for every date how much the document actually fixes:

- **exact** (`fastställt datum`): a date the document states (a revision date);
- **month** (`angiven månad`): the document names a month but not a day ("oktober
  2016", "årligen i oktober", "maj 2016"); the date is the first of that month;
- **planned** (`planerat efter rytm`): a rhythm only; the dates are spaced by the rhythm
  from the *anchor*, the first day of the range that lies in the agreement's validity.
  "6–8 gånger per år" plans the *minimum*, 6, evenly spaced (every other month), and
  says so; "ca 1 gång i månaden" plans monthly and says the rhythm is approximate;
- **due** (`förfallodag enligt rutin`): the day a follow-up falls due under a routine
  (the Slussen action plans of Hällefors, [`dua.rules.action_plans`][dua.rules.action_plans]).

What has no rhythm ("vid behov", "regelbundet"), no stated cadence, or belongs to a body
that is only planned, gets no invented date: it is listed in `Schedule.unscheduled` with
the reason.

Dates are clipped to the range and to the agreement's validity (an open end, *tills
vidare*, clips nothing; an unknown validity clips only to the range). The clock is never
read: the range is an argument.

Examples:
    >>> from datetime import date
    >>> from dua import examples
    >>> plan = schedule(examples.load("hallefors-2015"), date(2015, 1, 1), date(2019, 12, 31))
    >>> [(o.on.isoformat(), o.kind.value, o.basis.value) for o in plan]
    [('2016-10-01', 'revidering', 'angiven månad'), ('2017-10-01', 'revidering', 'angiven månad')]
    >>> [(u.item, u.reason.value) for u in plan.unscheduled][:1]
    [('styrgrupp', 'regelbundet utan angiven rytm')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Literal, overload

import attrs
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule

from dua.errors import Problem, ValidationError, mask_value
from dua.i18n import get_language
from dua.model import ActivityStatus, Agreement, Body, Cadence, Frequency, LabelledEnum, Period
from dua.rules import action_plans

__all__ = [
    "DateBasis",
    "Occurrence",
    "OccurrenceKind",
    "Schedule",
    "ScheduleNote",
    "Unscheduled",
    "UnscheduledReason",
    "plan_follow_ups",
    "schedule",
]


class OccurrenceKind(LabelledEnum):
    """What happens on a date of the schedule."""

    MEETING = "möte", "meeting"
    REVISION = "revidering", "revision"
    STATISTICS_UPDATE = "statistikuppdatering", "statistics update"
    FOLLOW_UP = "uppföljning", "follow-up"
    PLAN_FOLLOW_UP = "uppföljning av handlingsplan", "action-plan follow-up"


_KIND_ORDER = {kind: index for index, kind in enumerate(OccurrenceKind)}


class DateBasis(LabelledEnum):
    """How much of a date the agreement fixes (see the module docstring)."""

    EXACT = "fastställt datum", "exact date"
    MONTH = "angiven månad", "month stated, day not"
    PLANNED = "planerat efter rytm", "planned from a rhythm"
    DUE = "förfallodag enligt rutin", "due under a routine"


class UnscheduledReason(LabelledEnum):
    """Why an item of the agreement gets no dates."""

    AS_NEEDED = "vid behov", "as needed"
    REGULARLY = "regelbundet utan angiven rytm", "regularly, no rhythm stated"
    NO_CADENCE = "ingen rytm angiven", "no rhythm stated"
    ZERO_TIMES = "noll gånger per år", "zero times a year"
    NO_REVISION_DATE = "inget revideringsdatum angivet", "no revision date or rhythm stated"
    PLANNED_BODY = "gruppen är planerad", "the body is planned, not yet meeting"
    ENDED_BODY = "gruppen är avslutad", "the body has ended"
    MISSING_BODY = "gruppen saknas", "the body is missing (a gap the parties found)"


@attrs.frozen(kw_only=True)
class Occurrence:
    """One dated event of the schedule.

    `item` names what the date belongs to: a body id (meetings, and follow-ups held at a
    body's meetings), `revision_plan`, `revisions[i]` (a revision made), `follow_up`,
    `statistics_updates`, or `plan-YYYY-MM-DD` (an action plan by its start). `body` is
    the id of the body the event takes place in, where the agreement says. `detail_sv` /
    `detail_en` say how the date was found; `source_text` keeps the document's wording.
    """

    on: date
    kind: OccurrenceKind
    item: str
    basis: DateBasis
    title_sv: str
    title_en: str
    body: str | None = None
    detail_sv: str = ""
    detail_en: str = ""
    source_text: str | None = None

    @property
    def exact(self) -> bool:
        """Whether the agreement states this very day (not only a month or a rhythm)."""
        return self.basis is DateBasis.EXACT

    def title(self, lang: str | None = None) -> str:
        """The title in `lang` (`"sv"` or `"en"`)."""
        lang = get_language(lang)
        return self.title_en if lang == "en" else self.title_sv

    def detail(self, lang: str | None = None) -> str:
        """How the date was found, in `lang` (`"sv"` or `"en"`)."""
        lang = get_language(lang)
        return self.detail_en if lang == "en" else self.detail_sv


@attrs.frozen(kw_only=True)
class Unscheduled:
    """An item of the agreement that gets no dates, and why."""

    kind: OccurrenceKind
    item: str
    reason: UnscheduledReason
    title_sv: str
    title_en: str
    body: str | None = None
    source_text: str | None = None

    def title(self, lang: str | None = None) -> str:
        """The title in `lang` (`"sv"` or `"en"`)."""
        lang = get_language(lang)
        return self.title_en if lang == "en" else self.title_sv


@attrs.frozen(kw_only=True)
class ScheduleNote:
    """A remark on the whole schedule (the anchor, the validity, merged items), sv and en."""

    text_sv: str
    text_en: str

    def text(self, lang: str | None = None) -> str:
        """The note in `lang` (`"sv"` or `"en"`)."""
        lang = get_language(lang)
        return self.text_en if lang == "en" else self.text_sv


@attrs.frozen(kw_only=True, repr=False)
class Schedule(Sequence[Occurrence]):
    """The dated events of one agreement in a range: an immutable, sorted sequence.

    Iterating, indexing and `len` work on `occurrences`, sorted by date, then kind, then
    item. `window` is the range clipped to the validity (`None` when they do not overlap);
    its start is the *anchor* from which rhythms are counted. `unscheduled` lists what
    gets no dates and why; `notes` what a reader should know about the whole.
    """

    agreement_id: str
    agreement_title: str
    start: date
    end: date
    window: Period | None
    occurrences: tuple[Occurrence, ...] = ()
    unscheduled: tuple[Unscheduled, ...] = ()
    notes: tuple[ScheduleNote, ...] = ()

    @property
    def anchor(self) -> date | None:
        """The day rhythms are counted from: the later of the validity start and `start`."""
        return self.window.start if self.window is not None else None

    def for_body(self, body_id: str) -> tuple[Occurrence, ...]:
        """The occurrences that take place in the body `body_id` (meetings and follow-ups)."""
        return tuple(o for o in self.occurrences if o.body == body_id)

    def of_kind(self, kind: OccurrenceKind) -> tuple[Occurrence, ...]:
        """The occurrences of one kind."""
        return tuple(o for o in self.occurrences if o.kind is kind)

    def __len__(self) -> int:
        return len(self.occurrences)

    @overload
    def __getitem__(self, index: int) -> Occurrence: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Occurrence, ...]: ...

    def __getitem__(self, index: int | slice) -> Occurrence | tuple[Occurrence, ...]:
        return self.occurrences[index]

    def __iter__(self) -> Iterator[Occurrence]:
        return iter(self.occurrences)

    def __repr__(self) -> str:
        return (
            f"Schedule(agreement_id={self.agreement_id!r}, start={self.start.isoformat()}, "
            f"end={self.end.isoformat()}, occurrences={len(self.occurrences)}, "
            f"unscheduled={len(self.unscheduled)})"
        )


# --- Rhythms ---------------------------------------------------------------------------------

_MONTHS_SV = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_ORDINAL_SV = {3: "tredje", 4: "fjärde", 5: "femte", 6: "sjätte", 12: "tolfte"}
_UNITS = {"vecka": "week", "månad": "month", "dag": "day"}


def _every(step: int, unit_sv: str) -> tuple[str, str]:
    """'varannan månad' / 'every other month' and the like."""
    unit_en = _UNITS[unit_sv]
    if step == 1:
        return f"varje {unit_sv}", f"every {unit_en}"
    if step == 2:
        return f"varannan {unit_sv}", f"every other {unit_en}"
    if step in _ORDINAL_SV:
        ordinal = _ORDINAL_SV[step]
    else:
        suffix = "a" if step % 10 in (1, 2) and step % 100 not in (11, 12) else "e"
        ordinal = f"{step}:{suffix}"
    return f"var {ordinal} {unit_sv}", f"every {step} {unit_en}s"


def _as_datetime(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _monthly(anchor: date, interval: int, until: date) -> list[date]:
    """Every `interval` months from `anchor`, on the anchor's day of the month.

    A day the month lacks (31 in April, 29–31 in February) becomes the month's last day,
    as `relativedelta(months=k)` does; plain `RRULE:FREQ=MONTHLY` would skip the month.
    """
    if anchor.day <= 28:
        rule = rrule(
            MONTHLY,
            interval=interval,
            dtstart=_as_datetime(anchor),
            bymonthday=anchor.day,
            until=_as_datetime(until),
        )
    else:
        rule = rrule(
            MONTHLY,
            interval=interval,
            dtstart=_as_datetime(anchor),
            bymonthday=tuple(range(28, anchor.day + 1)),
            bysetpos=-1,
            until=_as_datetime(until),
        )
    return [moment.date() for moment in rule]


def _in_months(months: tuple[int, ...], anchor: date, until: date) -> list[date]:
    """The first day of each of `months`, every year, from `anchor` to `until`."""
    rule = rrule(
        YEARLY,
        dtstart=_as_datetime(anchor),
        bymonth=tuple(sorted(set(months))),
        bymonthday=1,
        until=_as_datetime(until),
    )
    return [moment.date() for moment in rule]


def _every_n(frequency: Literal[2, 3], interval: int, anchor: date, until: date) -> list[date]:
    rule = rrule(
        frequency, interval=interval, dtstart=_as_datetime(anchor), until=_as_datetime(until)
    )
    return [moment.date() for moment in rule]


@attrs.frozen
class _Plan:
    """How a cadence becomes dates: the dates, their basis and the explanation."""

    dates: list[date]
    basis: DateBasis
    detail_sv: str
    detail_en: str


_MONTH_STEPS = {
    Frequency.MONTHLY: 1,
    Frequency.EVERY_OTHER_MONTH: 2,
    Frequency.QUARTERLY: 3,
    Frequency.TWICE_A_YEAR: 6,
    Frequency.YEARLY: 12,
}
_NO_RHYTHM = {
    Frequency.AS_NEEDED: UnscheduledReason.AS_NEEDED,
    Frequency.REGULARLY: UnscheduledReason.REGULARLY,
}


def _no_dates(cadence: Cadence) -> UnscheduledReason | None:
    """Why `cadence` gives no dates at all, or `None` if it gives some."""
    if cadence.frequency in _NO_RHYTHM:
        return _NO_RHYTHM[cadence.frequency]
    if cadence.frequency is Frequency.TIMES_PER_YEAR and cadence.min_times == 0:
        return UnscheduledReason.ZERO_TIMES
    return None


def _plan(cadence: Cadence, anchor: date, until: date) -> _Plan:
    """The dates of `cadence` (one that has some) from `anchor` to `until`."""
    frequency = cadence.frequency
    if cadence.months and frequency in (Frequency.YEARLY, Frequency.TWICE_A_YEAR):
        names_sv = ", ".join(_MONTHS_SV[m - 1] for m in sorted(set(cadence.months)))
        names_en = ", ".join(_MONTHS_EN[m - 1] for m in sorted(set(cadence.months)))
        return _Plan(
            _in_months(cadence.months, anchor, until),
            DateBasis.MONTH,
            f"Överenskommelsen anger månaden ({names_sv}), inte dagen; "
            "datumet är månadens första dag.",
            f"The agreement states the month ({names_en}), not the day; "
            "the date is the first of the month.",
        )
    minimum_sv = minimum_en = ""
    if frequency is Frequency.TIMES_PER_YEAR:
        assert cadence.min_times is not None  # the model requires it for TIMES_PER_YEAR
        times = cadence.min_times
        if cadence.max_times is None:
            minimum_sv = f"minst {times} gånger per år, planerat {times} gånger, jämnt fördelat"
            minimum_en = f"at least {times} times a year, planned {times} times, evenly spaced"
        elif cadence.max_times != times:
            span = f"{times}–{cadence.max_times}"
            minimum_sv = f"det minsta antalet, {times} av {span} gånger per år, jämnt fördelat"
            minimum_en = f"the minimum, {times} of {span} times a year, evenly spaced"
        else:
            minimum_sv = f"{times} gånger per år, jämnt fördelat"
            minimum_en = f"{times} times a year, evenly spaced"
        if 12 % times == 0:
            step, unit = 12 // times, "månad"
            dates = _monthly(anchor, step, until)
        elif 52 % times == 0:
            step, unit = 52 // times, "vecka"
            dates = _every_n(WEEKLY, step, anchor, until)
        else:
            # Flooring keeps at least `times` dates in every 365 days.
            step, unit = max(1, 365 // times), "dag"
            dates = _every_n(DAILY, step, anchor, until)
    elif frequency is Frequency.WEEKLY:
        step, unit = 1, "vecka"
        dates = _every_n(WEEKLY, 1, anchor, until)
    else:
        step, unit = _MONTH_STEPS[frequency], "månad"
        dates = _monthly(anchor, step, until)
    rhythm_sv, rhythm_en = _every(step, unit)
    if step == 12 and unit == "månad":
        rhythm_sv, rhythm_en = "varje år", "every year"
    if minimum_sv:
        rhythm_sv, rhythm_en = f"{minimum_sv} ({rhythm_sv})", f"{minimum_en} ({rhythm_en})"
    detail_sv = (
        f"Planerat datum: {rhythm_sv}, räknat från {anchor.isoformat()}. "
        "Överenskommelsen anger rytmen, inte dagarna."
    )
    detail_en = (
        f"Planned date: {rhythm_en}, counted from {anchor.isoformat()}. "
        "The agreement states the rhythm, not the days."
    )
    if cadence.approximate:
        detail_sv += " Rytmen är ungefärlig (ca) i överenskommelsen."
        detail_en += " The rhythm is approximate (about) in the agreement."
    return _Plan(dates, DateBasis.PLANNED, detail_sv, detail_en)


# --- The schedule ----------------------------------------------------------------------------


@attrs.frozen
class _Title:
    sv: str
    en: str


def _titles(kind: OccurrenceKind, body: Body | None) -> _Title:
    where = f" – {body.name}" if body is not None else ""
    if kind is OccurrenceKind.MEETING:
        assert body is not None
        return _Title(f"Möte: {body.name}", f"Meeting: {body.name}")
    if kind is OccurrenceKind.FOLLOW_UP:
        return _Title(
            f"Uppföljning av överenskommelsen{where}", f"Follow-up of the agreement{where}"
        )
    if kind is OccurrenceKind.STATISTICS_UPDATE:
        return _Title(f"Statistiken uppdateras{where}", f"Statistics update{where}")
    return _Title("Revidering av överenskommelsen", "Revision of the agreement")


_EXCLUDED = {
    ActivityStatus.PLANNED: UnscheduledReason.PLANNED_BODY,
    ActivityStatus.ENDED: UnscheduledReason.ENDED_BODY,
    ActivityStatus.MISSING: UnscheduledReason.MISSING_BODY,
}


class _Builder:
    """Collects occurrences and unscheduled items for one agreement and window."""

    def __init__(self, window: Period | None) -> None:
        self.window = window
        self.occurrences: dict[tuple[OccurrenceKind, str, date], Occurrence] = {}
        self.unscheduled: list[Unscheduled] = []
        self.notes: list[ScheduleNote] = []

    def within(self, day: date) -> bool:
        return self.window is not None and self.window.contains(day)

    def add(self, occurrence: Occurrence) -> None:
        # The first occurrence of a (kind, item, day) wins: exact dates are added first.
        if self.within(occurrence.on):
            self.occurrences.setdefault(
                (occurrence.kind, occurrence.item, occurrence.on), occurrence
            )

    def skip(
        self,
        kind: OccurrenceKind,
        item: str,
        reason: UnscheduledReason,
        title: _Title,
        body: str | None = None,
        source_text: str | None = None,
    ) -> None:
        self.unscheduled.append(
            Unscheduled(
                kind=kind,
                item=item,
                reason=reason,
                title_sv=title.sv,
                title_en=title.en,
                body=body,
                source_text=source_text,
            )
        )

    def rhythm(
        self,
        cadence: Cadence | None,
        kind: OccurrenceKind,
        item: str,
        title: _Title,
        body: str | None = None,
        extra: tuple[str, str] = ("", ""),
    ) -> None:
        """Add the dates of `cadence`, or list the item as unscheduled."""
        if cadence is None:
            self.skip(kind, item, UnscheduledReason.NO_CADENCE, title, body)
            return
        reason = _no_dates(cadence)
        if reason is not None:
            self.skip(kind, item, reason, title, body, cadence.text)
            return
        if self.window is None:
            return
        assert self.window.end is not None  # the window always ends at the range's end
        plan = _plan(cadence, self.window.start, self.window.end)
        more_sv, more_en = extra
        for day in plan.dates:
            self.add(
                Occurrence(
                    on=day,
                    kind=kind,
                    item=item,
                    basis=plan.basis,
                    title_sv=title.sv,
                    title_en=title.en,
                    body=body,
                    detail_sv=plan.detail_sv + more_sv,
                    detail_en=plan.detail_en + more_en,
                    source_text=cadence.text,
                )
            )


def _window(agreement: Agreement, start: date, end: date) -> tuple[Period | None, ScheduleNote]:
    validity = agreement.validity
    if validity is None:
        tail_sv = " (den gäller tills vidare)" if agreement.until_further_notice else ""
        tail_en = " (it runs until further notice)" if agreement.until_further_notice else ""
        return Period(start=start, end=end), ScheduleNote(
            text_sv=f"Överenskommelsen anger ingen giltighetstid{tail_sv}; datumen begränsas "
            f"bara av intervallet, och rytmerna räknas från {start.isoformat()}.",
            text_en=f"The agreement states no validity{tail_en}; dates are limited only by "
            f"the range, and rhythms are counted from {start.isoformat()}.",
        )
    first = max(start, validity.start)
    last = end if validity.end is None else min(end, validity.end)
    if last < first:
        return None, ScheduleNote(
            text_sv=f"Intervallet {start.isoformat()}–{end.isoformat()} ligger utanför "
            f"överenskommelsens giltighetstid {validity}; inga datum.",
            text_en=f"The range {start.isoformat()} to {end.isoformat()} lies outside the "
            f"agreement's validity {validity}; no dates.",
        )
    return Period(start=first, end=last), ScheduleNote(
        text_sv=f"Datumen begränsas till giltighetstiden {validity}; rytmerna räknas från "
        f"{first.isoformat()}.",
        text_en=f"Dates are limited to the validity {validity}; rhythms are counted from "
        f"{first.isoformat()}.",
    )


def _check_range(start: date, end: date) -> None:
    if end < start:
        raise ValidationError(
            [Problem.of("end", "error.schedule.range", mask_value(end), start=start.isoformat())]
        )


def schedule(
    agreement: Agreement,
    start: date,
    end: date,
    *,
    plan_starts: Iterable[date] = (),
) -> Schedule:
    """The agreement's dated events from `start` to `end` (both included).

    - **Meetings** of each body in `organisation.bodies` with a cadence. Bodies whose
      status is *planerad*, *avslutad* or *saknas* get no meetings and are listed as
      unscheduled with that reason.
    - **Revisions**: the fixed dates of `revision_plan.dates` (exact), the dates of its
      cadence (a month such as "årligen i oktober", or a rhythm), and the revisions made
      (`revisions`, exact or the month the document names).
    - **Follow-ups** (`follow_up.cadence`) and **statistics updates**
      (`follow_up.statistics_updates`). When the cadence is the very one a body has (the
      same rhythm and wording: GGV's "Styrgruppen följer upp samverkan varannan månad"),
      the follow-up *is* that body's meeting: one event, of the follow-up kind, in that
      body, and a note says so. Otherwise follow-ups and statistics updates take place in
      the body `follow_up.reporting_to` names.
    - **Action-plan follow-ups** for plans starting on `plan_starts`, under the Slussen
      routine (see [`plan_follow_ups`][dua.schedule.plan_follow_ups]).

    Rhythms are counted from the anchor, the later of the validity start and `start` (or
    `start` when the validity is unknown), with dateutil's `rrule`; see the module
    docstring for what each kind of date means.

    Source: the cadences of the agreement (e.g. GGV Bilaga 3 2016, "Styrgruppen följer upp
    samverkan varannan månad"; Sjuhärad 2020, "uppföljning av resultat 6-8 ggr per år",
    "revideringen ska ske årligen i oktober"); RFC 5545 §3.3.10 for the recurrence rules.

    Raises:
        ValidationError: `end` is before `start`.
        RuleNotInForce: a plan in `plan_starts` starts before the Slussen routine (2015-11-30).

    Examples:
        >>> from datetime import date
        >>> from dua import examples
        >>> ggv = schedule(examples.load("ggv-2016"), date(2016, 1, 1), date(2016, 6, 30))
        >>> [(o.on.isoformat(), o.kind.value, o.body) for o in ggv.of_kind(OccurrenceKind.FOLLOW_UP)]
        [('2016-01-01', 'uppföljning', 'styrgrupp'), ('2016-03-01', 'uppföljning', 'styrgrupp'), ('2016-05-01', 'uppföljning', 'styrgrupp')]
    """
    _check_range(start, end)
    window, window_note = _window(agreement, start, end)
    builder = _Builder(window)
    builder.notes.append(window_note)
    bodies = agreement.organisation.bodies if agreement.organisation else ()
    active = [body for body in bodies if body.status not in _EXCLUDED]
    follow_up = agreement.follow_up

    # Which body's meetings are the follow-ups or statistics updates (the same cadence).
    merged: dict[str, OccurrenceKind] = {}
    hosts: dict[OccurrenceKind, Body | None] = {}
    reporting_to = None
    if follow_up is not None and follow_up.reporting_to is not None:
        reporting_to = next((b for b in bodies if b.id == follow_up.reporting_to), None)
    for kind, cadence in (
        (OccurrenceKind.FOLLOW_UP, follow_up.cadence if follow_up else None),
        (OccurrenceKind.STATISTICS_UPDATE, follow_up.statistics_updates if follow_up else None),
    ):
        candidates = ([reporting_to] if reporting_to in active else []) + active
        host = next(
            (
                b
                for b in candidates
                if b is not None and cadence is not None and b.cadence == cadence
            ),
            None,
        )
        if host is not None and host.id not in merged:
            merged[host.id] = kind
            hosts[kind] = host
            label_sv = "uppföljningen" if kind is OccurrenceKind.FOLLOW_UP else "statistiken"
            label_en = "the follow-up" if kind is OccurrenceKind.FOLLOW_UP else "the statistics"
            builder.notes.append(
                ScheduleNote(
                    text_sv=f"{host.name}: mötena och {label_sv} har samma rytm och "
                    "formulering i överenskommelsen och visas som en händelse.",
                    text_en=f"{host.name}: the meetings and {label_en} have the same rhythm "
                    "and wording in the agreement and are shown as one event.",
                )
            )
        else:
            hosts[kind] = reporting_to if reporting_to in active else None

    # Revisions: exact dates first, so that they win over a rhythm on the same day.
    revision = _titles(OccurrenceKind.REVISION, None)
    plan = agreement.revision_plan
    focus_sv = focus_en = ""
    if plan is not None and plan.focus:
        focus_sv = " Revideringsplanens fokus: " + "; ".join(plan.focus) + "."
        focus_en = " Focus of the revision plan (Swedish): " + "; ".join(plan.focus) + "."
    if plan is not None:
        for day in plan.dates:
            builder.add(
                Occurrence(
                    on=day,
                    kind=OccurrenceKind.REVISION,
                    item="revision_plan",
                    basis=DateBasis.EXACT,
                    title_sv=revision.sv,
                    title_en=revision.en,
                    detail_sv="Fastställt datum i överenskommelsen." + focus_sv,
                    detail_en="A date the agreement states." + focus_en,
                    source_text=plan.text,
                )
            )
        if plan.cadence is not None:
            builder.rhythm(
                plan.cadence,
                OccurrenceKind.REVISION,
                "revision_plan",
                revision,
                extra=(focus_sv, focus_en),
            )
        elif not plan.dates:
            builder.skip(
                OccurrenceKind.REVISION,
                "revision_plan",
                UnscheduledReason.NO_REVISION_DATE,
                revision,
                source_text=plan.text,
            )
    for index, made in enumerate(agreement.revisions):
        basis = DateBasis.EXACT if made.on_text is None else DateBasis.MONTH
        when_sv = f" ({made.on_text})" if made.on_text else ""
        builder.add(
            Occurrence(
                on=made.on,
                kind=OccurrenceKind.REVISION,
                item=f"revisions[{index}]",
                basis=basis,
                title_sv="Revidering av överenskommelsen (genomförd)",
                title_en="Revision of the agreement (made)",
                detail_sv=f"Genomförd revidering{when_sv}: {made.description}",
                detail_en=f"A revision made{when_sv}: {made.description}",
            )
        )

    for body in bodies:
        title = _titles(OccurrenceKind.MEETING, body)
        if body.status in _EXCLUDED:
            text = body.cadence.text if body.cadence else None
            builder.skip(
                OccurrenceKind.MEETING, body.id, _EXCLUDED[body.status], title, body.id, text
            )
        elif body.id not in merged:
            builder.rhythm(body.cadence, OccurrenceKind.MEETING, body.id, title, body.id)

    if follow_up is not None:
        for kind, item, cadence in (
            (OccurrenceKind.FOLLOW_UP, "follow_up", follow_up.cadence),
            (OccurrenceKind.STATISTICS_UPDATE, "statistics_updates", follow_up.statistics_updates),
        ):
            host = hosts.get(kind)
            if host is not None and merged.get(host.id) is kind:
                item = host.id  # the body's meetings: one event per date, in the body
            builder.rhythm(
                cadence, kind, item, _titles(kind, host), host.id if host is not None else None
            )

    if window is not None:
        for occurrence in plan_follow_ups(plan_starts, start=window.start, end=window.end or end):
            builder.add(occurrence)

    occurrences = sorted(
        builder.occurrences.values(), key=lambda o: (o.on, _KIND_ORDER[o.kind], o.item)
    )
    return Schedule(
        agreement_id=agreement.id,
        agreement_title=agreement.title,
        start=start,
        end=end,
        window=window,
        occurrences=tuple(occurrences),
        unscheduled=tuple(builder.unscheduled),
        notes=tuple(builder.notes),
    )


def plan_follow_ups(
    plan_starts: Iterable[date], *, start: date, end: date
) -> tuple[Occurrence, ...]:
    """The Slussen follow-ups of action plans starting on `plan_starts`, due from `start` to `end`.

    Each plan runs six months and is followed up at least once after three months
    ([`dua.rules.action_plans.schedule`][dua.rules.action_plans.schedule]). One occurrence
    per distinct start, on the day the follow-up falls due; its detail gives the last day
    it counts and the day it becomes overdue. Plans starting on the same day are one
    event that says how many they are.

    Source: Hällefors, lokal överenskommelse 2015-11-30, Bilaga 1 Slussen, Uppföljning:
    "Planerna skrivs på sex månader och följs upp minst en gång efter tre månader".

    Raises:
        ValidationError: `end` is before `start`.
        RuleNotInForce: a plan starts before 2015-11-30.

    Examples:
        >>> from datetime import date
        >>> [o.on.isoformat() for o in plan_follow_ups(
        ...     [date(2016, 1, 15), date(2016, 8, 31)], start=date(2016, 1, 1), end=date(2016, 12, 31))]
        ['2016-04-15', '2016-11-30']
    """
    _check_range(start, end)
    counts = Counter(plan_starts)
    result = []
    for plan_start in sorted(counts):
        plan = action_plans.schedule(plan_start)
        if not start <= plan.due <= end:
            continue
        count = counts[plan_start]
        many_sv = f", {count} planer" if count > 1 else ""
        many_en = f", {count} plans" if count > 1 else ""
        result.append(
            Occurrence(
                on=plan.due,
                kind=OccurrenceKind.PLAN_FOLLOW_UP,
                item=f"plan-{plan_start.isoformat()}",
                basis=DateBasis.DUE,
                title_sv=f"Uppföljning av handlingsplan (start {plan_start.isoformat()}{many_sv})",
                title_en=f"Action-plan follow-up (started {plan_start.isoformat()}{many_en})",
                detail_sv=f"Planen följs upp minst en gång efter tre månader: från "
                f"{plan.due.isoformat()} till och med {plan.last_day.isoformat()}; "
                f"försenad från {plan.overdue_from.isoformat()}. Rutinen Slussen, Hällefors "
                "2015-11-30, Bilaga 1.",
                detail_en=f"The plan is followed up at least once after three months: from "
                f"{plan.due.isoformat()} to {plan.last_day.isoformat()} inclusive; overdue "
                f"from {plan.overdue_from.isoformat()}. The Slussen routine, Hällefors "
                "2015-11-30, Annex 1.",
                source_text="Planerna skrivs på sex månader och följs upp minst en gång "
                "efter tre månader.",
            )
        )
    return tuple(result)
