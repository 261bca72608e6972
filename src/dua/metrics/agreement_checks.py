"""Checks of an agreement beyond sums: does what the document says agree with itself?

[`dua.metrics.consistency`][dua.metrics.consistency] compares the figures inside one table.
A careful reader of an agreement finds more: a count word against the list it counts, a
part larger than its whole across two tables, a stated duration against the period it
names, one project described with two age bands, a meeting cadence stated two ways, a
named number of municipalities against the parties, goals outside the agreement's
validity. [`check`][dua.metrics.agreement_checks.check] lists every such disagreement as an
[`AgreementFinding`][dua.metrics.agreement_checks.AgreementFinding]: what kind, how severe,
the places (the path in the agreement and the document's own words) and what follows.
Nothing is corrected; the finding says what the document states.

| kind | what is compared | severity |
|---|---|---|
| `COUNT_WORD` | a number word ("fem insatser", "De fyra huvudmännen") in a description against the list of the same object it counts (a stage's contents, an activity's providers, a body's members) | warning |
| `PARTY_COUNT` | a number word before "kommuner" anywhere in the text against the municipalities among the parties | note |
| `PART_EXCEEDS_WHOLE` | a count against the whole it lies `within` (another snapshot's share of a count, with the share's rounding) | warning |
| `DURATION_PERIOD` | a stated duration (a range, or a *minst*/*högst* bound) against the whole months of the period stated with it (a state grant) | warning |
| `AGE_BANDS` | the age bands stated for one activity: its eligibility and every sentence that names it and then gives a band ("16–20 år" beside 16–19 is read as "not yet 20", the same band) | note |
| `CADENCE` | a body's meeting cadence against a cadence goal for the same body that is about its meetings (`MEETING_WORDS` in the goal's indicator or text) | note |
| `GOAL_OUTSIDE_VALIDITY` | a goal's period against the agreement's validity | warning |
| `TARGET_AFTER_END` | a target's date or period against the end of the agreement's validity | warning |
| `BASELINE_AFTER_TARGET` | a baseline's date against the dates of its targets | error |
| `STATISTICS` | the figure checks of `dua.metrics.consistency`, with their own kind in the text | warning |

A number word is one of *två* … *tolv*; the counted nouns are listed in
`COUNTED_NOUNS`. Words for "one" are not checked (*en* is also the article).

Examples:
    >>> from datetime import date
    >>> from dua.model import Agreement, AgreementKind, Party, PartyKind, Section
    >>> small = Agreement(id="x", title="x", kind=AgreementKind.YOUTH, parties=[
    ...     Party(id="a", kind=PartyKind.MUNICIPALITY, name="A kommun", municipality_code="0180"),
    ...     Party(id="af", kind=PartyKind.PUBLIC_EMPLOYMENT_SERVICE, name="Arbetsförmedlingen")],
    ...     sections=[Section(heading="Bakgrund", text="Regionens tre kommuner samverkar.")])
    >>> [str(finding) for finding in check(small)]
    ['note: "tre kommuner" [sections[0].text]; follows 1 municipality among the parties — a named number of municipalities against the parties']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from dua.errors import Problem, ValidationError, mask_reprs
from dua.i18n import get_language
from dua.metrics.consistency import Finding
from dua.metrics.consistency import check_agreement as check_statistics
from dua.metrics.numbers import format_number, half_unit
from dua.model import (
    AgeBand,
    Agreement,
    Figure,
    GoalKind,
    LabelledEnum,
    PartyKind,
    Period,
    StatisticsSnapshot,
    Unit,
)

__all__ = [
    "COUNTED_NOUNS",
    "MEETING_WORDS",
    "NUMBER_WORDS",
    "AgreementFinding",
    "CheckKind",
    "Place",
    "Severity",
    "check",
]


class Severity(LabelledEnum):
    """How much a finding matters: an error cannot be right as stated; a warning is very
    likely a slip; a note is worth a reader's look (the document may mean something else)."""

    ERROR = "fel", "error"
    WARNING = "varning", "warning"
    NOTE = "anmärkning", "note"


class CheckKind(LabelledEnum):
    """What an agreement check compares."""

    COUNT_WORD = "räkneord mot listan", "a count word against the list it counts"
    PARTY_COUNT = (
        "antal kommuner mot parterna",
        "a named number of municipalities against the parties",
    )
    PART_EXCEEDS_WHOLE = "delen är större än helheten", "part larger than its whole"
    DURATION_PERIOD = "längd mot period", "a duration against its period"
    AGE_BANDS = "samma verksamhet med olika åldersspann", "one activity with different age bands"
    CADENCE = "mötesfrekvens angiven på två sätt", "a meeting cadence stated two ways"
    GOAL_OUTSIDE_VALIDITY = (
        "målets period ligger utanför överenskommelsens giltighet",
        "a goal's period outside the agreement's validity",
    )
    TARGET_AFTER_END = (
        "målvärde efter överenskommelsens slut",
        "a target after the agreement's end",
    )
    BASELINE_AFTER_TARGET = (
        "utgångsvärde daterat efter målvärdet",
        "a baseline dated after its target",
    )
    STATISTICS = "angiven statistik stämmer inte", "stated statistics disagree"


NUMBER_WORDS: dict[str, int] = {
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
}
"""The Swedish number words the count checks read."""

COUNTED_NOUNS: dict[str, tuple[str, ...]] = {
    "contents": ("insatser", "insatserna", "moment", "momenten", "delar", "delarna"),
    "providers": (
        "huvudmän",
        "huvudmännen",
        "myndigheter",
        "myndigheterna",
        "parter",
        "parterna",
        "organisationer",
        "organisationerna",
    ),
    "members": ("representanter", "representanterna", "ledamöter", "ledamöterna"),
}
"""For each list a description may count: the nouns that count its items."""

MEETING_WORDS: tuple[str, ...] = ("möte", "träff", "dagordning", "sammanträd")
"""Words that make a cadence goal one about the body's meetings (in its indicator or text);
a goal about a task done at some meetings is not compared with the meeting cadence."""

_NUMBER = "|".join(NUMBER_WORDS)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_BAND = re.compile(r"(\d{1,2})\s*[-–]\s*(\d{1,2})\s*år")


@mask_reprs
@attrs.frozen(kw_only=True)
class Place:
    """Where a finding is: the path in the agreement and the document's own words there."""

    path: str
    words: str

    def __str__(self) -> str:
        return f'"{self.words}" [{self.path}]'


@mask_reprs
@attrs.frozen(kw_only=True)
class AgreementFinding:
    """One disagreement within an agreement: its kind, severity, the places it involves
    (each with the document's words) and what follows from the rest of the document."""

    kind: CheckKind
    severity: Severity
    places: tuple[Place, ...]
    follows: str
    follows_sv: str | None = None

    def describe(self, lang: str | None = None) -> str:
        """The finding in one line, in Swedish (`"sv"`) or English."""
        lang = get_language(lang)
        where = "; ".join(str(p) for p in self.places)
        if lang == "en":
            return (
                f"{self.severity.label_en}: {where}; follows {self.follows} — {self.kind.label_en}"
            )
        follows = self.follows_sv or self.follows
        return f"{self.severity.value}: {where}; följer {follows} — {self.kind.value}"

    def __str__(self) -> str:
        return self.describe("en")


# ---------------------------------------------------------------------------------------
# Texts of the agreement, with their paths


def _texts(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield path, node
    elif attrs.has(type(node)):
        for field in attrs.fields(type(node)):
            yield from _texts(
                getattr(node, field.name), f"{path}.{field.name}" if path else field.name
            )
    elif isinstance(node, tuple | list):
        for index, item in enumerate(node):
            yield from _texts(item, f"{path}[{index}]")
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _texts(item, f"{path}.{key}")


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------
# Count words


def _count_words(text: str, nouns: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    pattern = re.compile(rf"\b({_NUMBER})\s+({'|'.join(nouns)})\b", re.IGNORECASE)
    for match in pattern.finditer(_flat(text)):
        yield NUMBER_WORDS[match.group(1).lower()], match.group(0)


def _check_count_words(agreement: Agreement) -> Iterator[AgreementFinding]:
    owners: list[tuple[str, Any]] = [
        (f"activities[{i}]", a) for i, a in enumerate(agreement.activities)
    ]
    if agreement.organisation is not None:
        owners += [
            (f"organisation.bodies[{i}]", b) for i, b in enumerate(agreement.organisation.bodies)
        ]
    for i, model in enumerate(agreement.process_models):
        owners += [(f"process_models[{i}].stages[{j}]", s) for j, s in enumerate(model.stages)]
    for i, track in enumerate(agreement.tracks):
        owners += [(f"tracks[{i}].stages[{j}]", s) for j, s in enumerate(track.stages)]
    for path, owner in owners:
        description = owner.description  # every owner (activity, body, stage) has one
        if not description:
            continue
        for field, nouns in COUNTED_NOUNS.items():
            items = getattr(owner, field, None)
            if not items:
                continue
            listed = sum(_how_many(item) for item in items)
            for stated, words in _count_words(description, nouns):
                if stated != listed:
                    yield AgreementFinding(
                        kind=CheckKind.COUNT_WORD,
                        severity=Severity.WARNING,
                        places=(
                            Place(path=f"{path}.description", words=words),
                            Place(path=f"{path}.{field}", words=_names(items)),
                        ),
                        follows=f"{listed} listed",
                        follows_sv=f"{listed} uppräknade",
                    )


def _how_many(item: Any) -> int:
    # A member may stand for several people ("verksamhetschefer", count 3).
    count = getattr(item, "count", None)
    return count if isinstance(count, int) and not isinstance(count, bool) and count > 0 else 1


def _names(items: tuple[Any, ...]) -> str:
    names = []
    for item in items:
        name = getattr(item, "name", None) or getattr(item, "role", None) or str(item)
        names.append(str(name))
    return ", ".join(names)


def _check_party_count(agreement: Agreement) -> Iterator[AgreementFinding]:
    municipalities = [p for p in agreement.parties if p.kind is PartyKind.MUNICIPALITY]
    if not municipalities:
        return
    count = len(municipalities)
    found: dict[str, list[Place]] = {}
    for path, text in _texts(agreement):
        for stated, words in _count_words(text, ("kommuner", "kommunerna")):
            if stated != count:
                found.setdefault(words.casefold(), []).append(Place(path=path, words=words))
    for places in found.values():  # the same words in several places: one finding
        yield AgreementFinding(
            kind=CheckKind.PARTY_COUNT,
            severity=Severity.NOTE,
            places=tuple(places),
            follows=f"{count} municipalit{'y' if count == 1 else 'ies'} among the parties",
            follows_sv=f"{count} kommun{'' if count == 1 else 'er'} bland parterna",
        )


# ---------------------------------------------------------------------------------------
# Statistics across snapshots


def _snapshots(agreement: Agreement) -> Iterator[tuple[str, StatisticsSnapshot]]:
    for i, group in enumerate(agreement.target_groups):
        for j, snapshot in enumerate(group.statistics):
            yield f"target_groups[{i}].statistics[{j}]", snapshot


def _figure_path(
    agreement: Agreement, snapshot_id: str, figure_id: str
) -> tuple[str, Figure] | None:
    for path, snapshot in _snapshots(agreement):
        if snapshot.id != snapshot_id:
            continue
        for k, figure in enumerate(snapshot.figures):
            if figure.id == figure_id:
                return f"{path}.figures[{k}]", figure
    return None


def _whole_bounds(
    agreement: Agreement, snapshot_id: str, whole: Figure
) -> tuple[Fraction, Fraction] | None:
    # A count is its own bound; a share of a count is that count × the share, widened by
    # half a unit of the share's last stated digit.
    if whole.unit is Unit.COUNT:
        return Fraction(whole.value), Fraction(whole.value)
    if whole.unit is Unit.PERCENT and whole.of is not None:
        base = _figure_path(agreement, snapshot_id, whole.of)
        if base is None or base[1].unit is not Unit.COUNT:
            return None
        share, slack = Fraction(whole.value), half_unit(whole.value)
        total = Fraction(base[1].value)
        return (share - slack) * total / 100, (share + slack) * total / 100
    return None


def _check_within(agreement: Agreement) -> Iterator[AgreementFinding]:
    for path, snapshot in _snapshots(agreement):
        for k, figure in enumerate(snapshot.figures):
            if figure.within is None or figure.unit is not Unit.COUNT:
                continue
            snapshot_id, _, figure_id = figure.within.rpartition("/")
            snapshot_id = snapshot_id or snapshot.id
            found = _figure_path(agreement, snapshot_id, figure_id)
            if found is None:
                raise ValidationError(
                    [
                        Problem.of(
                            f"{path}.figures[{k}].within",
                            "error.agreement.within",
                            repr(figure.within),
                        )
                    ]
                )
            whole_path, whole = found
            bounds = _whole_bounds(agreement, snapshot_id, whole)
            if bounds is None or Fraction(figure.value) <= bounds[1]:
                continue
            low, high = bounds
            around, around_en = (
                (format_number(low), format_number(low, 0, "en"))
                if low == high
                else (
                    f"{format_number(low, 1)}–{format_number(high, 1)}",
                    f"{format_number(low, 1, 'en')}–{format_number(high, 1, 'en')}",
                )
            )
            yield AgreementFinding(
                kind=CheckKind.PART_EXCEEDS_WHOLE,
                severity=Severity.WARNING,
                places=(
                    Place(path=f"{path}.figures[{k}]", words=figure.label),
                    Place(path=whole_path, words=whole.label),
                ),
                follows=f"the whole is {around_en}, the part {format_number(figure.value, 0, 'en')}",
                follows_sv=f"helheten är {around}, delen {format_number(figure.value)}",
            )


# ---------------------------------------------------------------------------------------
# Durations, age bands, cadences


def _whole_months(period: Period) -> int | None:
    if period.end is None:
        return None
    after = period.end + timedelta(days=1)
    span = relativedelta(after, period.start)
    if span.days != 0:
        return None  # not whole months
    return span.years * 12 + span.months


def _check_durations(agreement: Agreement) -> Iterator[AgreementFinding]:
    for i, grant in enumerate(agreement.state_grants):
        duration = grant.duration
        if duration is None or duration.unit is not Unit.MONTHS:
            continue
        months = _whole_months(grant.period)
        if months is None:
            continue
        # "minst 12 månader" bounds the period from below only, "högst 12" from above.
        low, high = duration.minimum, duration.maximum
        if (low is None or low <= months) and (high is None or months <= high):
            continue
        end = grant.period.end
        yield AgreementFinding(
            kind=CheckKind.DURATION_PERIOD,
            severity=Severity.WARNING,
            places=(
                Place(path=f"state_grants[{i}].duration", words=str(duration)),
                Place(
                    path=f"state_grants[{i}].period",
                    words=grant.period_text or f"{grant.period.start}–{end}",
                ),
            ),
            follows=f"the period {grant.period.start}–{end} is {months} whole months",
            follows_sv=f"perioden {grant.period.start}–{end} är {months} hela månader",
        )


def _band_text(band: tuple[int, int]) -> str:
    return f"{band[0]}–{band[1]}"


def _check_age_bands(agreement: Agreement) -> Iterator[AgreementFinding]:
    texts = [(path, _flat(text)) for path, text in _texts(agreement)]
    for i, activity in enumerate(agreement.activities):
        name = activity.name.casefold()
        if len(name) < 4:
            continue
        stated: dict[tuple[int, int], Place] = {}
        band: AgeBand | None = activity.eligibility.age_band if activity.eligibility else None
        if band is not None and band.min_age is not None and band.max_age is not None:
            key = (band.min_age, band.max_age)
            stated[key] = Place(path=f"activities[{i}].eligibility.age_band", words=_band_text(key))
        for path, text in texts:
            for sentence in _SENTENCE.split(text):
                at = sentence.casefold().find(name)
                if at < 0:
                    continue
                for match in _BAND.finditer(sentence, at + len(name)):
                    key = (int(match.group(1)), int(match.group(2)))
                    if (key[0], key[1] - 1) in stated:
                        continue  # "16–20 år" for "not yet 20": the same band (DOMAIN.md §4.1)
                    stated.setdefault(
                        key, Place(path=path, words=_excerpt(sentence, at, match.end()))
                    )
        if len(stated) > 1:
            bands = ", ".join(_band_text(b) for b in stated)
            yield AgreementFinding(
                kind=CheckKind.AGE_BANDS,
                severity=Severity.NOTE,
                places=tuple(stated.values()),
                follows=f"{activity.name} is stated with the age bands {bands}",
                follows_sv=f"{activity.name} anges med åldersspannen {bands}",
            )


def _excerpt(sentence: str, start: int, end: int) -> str:
    return sentence[start:end]


def _check_cadences(agreement: Agreement) -> Iterator[AgreementFinding]:
    if agreement.organisation is None:
        return
    bodies = {b.id: (j, b) for j, b in enumerate(agreement.organisation.bodies)}
    for i, goal in enumerate(agreement.goals):
        if goal.kind is not GoalKind.CADENCE or goal.body not in bodies or goal.cadence is None:
            continue
        about = f"{goal.indicator or ''} {goal.text}".casefold()
        if not any(word in about for word in MEETING_WORDS):
            continue  # a task done at some meetings ("två gånger per år gå igenom siffror")
        j, body = bodies[goal.body]
        if body.cadence is None:
            continue
        wanted, held = goal.cadence.per_year(), body.cadence.per_year()
        if wanted is None or held is None:
            continue
        low_a, high_a = wanted
        low_b, high_b = held
        if (high_a is None or low_b <= high_a) and (high_b is None or low_a <= high_b):
            continue  # the two ranges overlap
        yield AgreementFinding(
            kind=CheckKind.CADENCE,
            severity=Severity.NOTE,
            places=(
                Place(
                    path=f"goals[{i}].cadence",
                    words=goal.cadence.text or f"{_per_year(wanted)} ggr per år",
                ),
                Place(
                    path=f"organisation.bodies[{j}].cadence",
                    words=body.cadence.text or f"{_per_year(held)} ggr per år",
                ),
            ),
            follows=f"{_per_year(wanted)} a year against {_per_year(held)} a year for {body.name}",
            follows_sv=f"{_per_year(wanted)} per år mot {_per_year(held)} per år för {body.name}",
        )


def _per_year(bounds: tuple[int, int | None]) -> str:
    low, high = bounds
    if high is None:
        return f"≥ {low}"
    return str(low) if low == high else f"{low}–{high}"


# ---------------------------------------------------------------------------------------
# Goals against the validity


def _target_dates(target: Any) -> tuple[date, date] | None:
    if target.due is not None:
        return target.due, target.due
    if target.period is not None and target.period.end is not None:
        return target.period.start, target.period.end
    return None


def _check_goal_dates(agreement: Agreement) -> Iterator[AgreementFinding]:
    validity = agreement.validity
    for i, goal in enumerate(agreement.goals):
        if validity is not None and goal.period is not None:
            starts_before = goal.period.start < validity.start
            ends_after = validity.end is not None and (
                goal.period.end is None or goal.period.end > validity.end
            )
            if starts_before or ends_after:
                yield AgreementFinding(
                    kind=CheckKind.GOAL_OUTSIDE_VALIDITY,
                    severity=Severity.WARNING,
                    places=(
                        Place(
                            path=f"goals[{i}].period",
                            words=f"{goal.period.start}–{goal.period.end or ''}",
                        ),
                        Place(path="validity", words=f"{validity.start}–{validity.end or ''}"),
                    ),
                    follows="the goal runs outside the agreement's validity",
                    follows_sv="målet löper utanför överenskommelsens giltighet",
                )
        for k, target in enumerate(goal.targets):
            dates = _target_dates(target)
            if dates is None:
                continue
            if validity is not None and validity.end is not None and dates[1] > validity.end:
                yield AgreementFinding(
                    kind=CheckKind.TARGET_AFTER_END,
                    severity=Severity.WARNING,
                    places=(
                        Place(path=f"goals[{i}].targets[{k}]", words=target.text or str(dates[1])),
                        Place(path="validity.end", words=str(validity.end)),
                    ),
                    follows=f"the target falls on {dates[1]}, after the agreement ends",
                    follows_sv=f"målvärdet gäller {dates[1]}, efter att överenskommelsen upphört",
                )
            baseline = goal.baseline
            if baseline is None:
                continue
            when = baseline.on or (baseline.period.start if baseline.period else None)
            if when is not None and when > dates[0]:
                yield AgreementFinding(
                    kind=CheckKind.BASELINE_AFTER_TARGET,
                    severity=Severity.ERROR,
                    places=(
                        Place(path=f"goals[{i}].baseline", words=baseline.text or str(when)),
                        Place(path=f"goals[{i}].targets[{k}]", words=target.text or str(dates[0])),
                    ),
                    follows=f"the baseline ({when}) is dated after the target ({dates[0]})",
                    follows_sv=f"utgångsvärdet ({when}) är daterat efter målvärdet ({dates[0]})",
                )


# ---------------------------------------------------------------------------------------


def _statistics_words(finding: Finding) -> str:
    """A statistics finding in the document's words: the figure's label and what is stated
    ("vilket utgör 7,3 % av åldersgruppen: 7,3 % (61/874)")."""
    return f"{finding.label}: {finding.stated}" if finding.label else finding.stated


def _statistics(agreement: Agreement) -> Iterator[AgreementFinding]:
    for finding in check_statistics(agreement):
        yield AgreementFinding(
            kind=CheckKind.STATISTICS,
            severity=Severity.WARNING,
            places=(Place(path=finding.path, words=_statistics_words(finding)),),
            follows=f"{finding.follows} ({finding.kind.label_en})",
            follows_sv=f"{finding.follows} ({finding.kind.value})",
        )


def check(agreement: Agreement) -> list[AgreementFinding]:
    """Every finding in `agreement`: the statistics checks of
    [`dua.metrics.consistency`][dua.metrics.consistency], then the checks of this module in
    the order of the table above.

    Raises:
        ValidationError: a figure's `within` names no figure of the agreement; the
            message names the place.
    """
    findings: list[AgreementFinding] = list(_statistics(agreement))
    for run in (
        _check_count_words,
        _check_party_count,
        _check_within,
        _check_durations,
        _check_age_bands,
        _check_cadences,
        _check_goal_dates,
    ):
        findings.extend(run(agreement))
    return findings
