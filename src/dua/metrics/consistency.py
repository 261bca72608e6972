"""Consistency of stated statistics: do the numbers a document states agree with each other?

The model stores statistics *as stated* ([`StatisticsSnapshot`][dua.model.StatisticsSnapshot]:
figures with their printed precision, what they are a share or part of, and partitions
declared complete or not). This module checks them against each other and reports every
disagreement as a [`Finding`][dua.metrics.consistency.Finding] naming its place in the
agreement in the document's own words (the table's title and the figure's label) and by
its path (`target_groups[0].statistics[1].figures[3]`), what was stated and what follows
from the other numbers. Nothing is corrected.

Checks (DOMAIN.md §6):

| kind | what is checked |
|---|---|
| `PARTITION_SUM` | the counts of a partition declared complete sum exactly to its total |
| `SHARES_SUM` | the shares of a complete partition sum to 100 % within rounding when they are shares *of* its total (their `of` is the total, or the total is a count), or to the total's own share when parts and total are shares of the same base; the sum may be off by at most half a unit of each stated figure's last digit |
| `SHARE_ROUNDING` | a stated share with `numerator` and `of` rounds to the stated figure: the exact share lies within half a unit of its last stated digit (the `Decimal`'s exponent gives the stated precision) |
| `ZERO_DENOMINATOR` | a stated share whose denominator is zero |
| `PART_EXCEEDS_WHOLE` | a count stated as part `of` another count is larger than it |
| `CONFLICTING_VALUES` | the same quantity stated twice in one snapshot with values that no common exact value rounds to; "the same quantity" means the same unit, `of`, `numerator` and the same non-empty `categories`, so it relies on `categories` naming every dimension a figure is broken down by (as `Figure` documents) |

A partition that is not declared complete (a selection of categories) is never flagged
for not summing up.

Examples:
    >>> from dua.model import Figure, SourceRef, StatisticsSnapshot
    >>> snapshot = StatisticsSnapshot(id="s", title="Hällefors 2015", source=SourceRef(document="seed"),
    ...     figures=[Figure(id="alla", label="16–24 år", value=874),
    ...              Figure(id="fs", label="försörjningsstöd 2015", value=61, of="alla"),
    ...              Figure(id="fs-andel", label="andel", value="7,3", unit="procent", numerator="fs", of="alla")])
    >>> [str(finding) for finding in check_snapshot(snapshot)]
    ['Hällefors 2015 – andel [figures[2]]: stated 7,3 % (61/874); follows 7,0 % — share does not match its numerator and denominator']
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

import attrs

from dua.i18n import get_language
from dua.metrics.numbers import format_number, half_unit, rounds_to, stated_decimals
from dua.model import Agreement, Figure, LabelledEnum, Partition, StatisticsSnapshot, Unit

__all__ = ["Finding", "FindingKind", "check_agreement", "check_snapshot"]


class FindingKind(LabelledEnum):
    """What kind of disagreement a finding is."""

    PARTITION_SUM = "delarna summerar inte till totalen", "parts do not sum to the total"
    SHARES_SUM = "andelarna summerar inte till 100 %", "shares do not sum to 100 %"
    SHARE_ROUNDING = (
        "andelen stämmer inte med täljare och nämnare",
        "share does not match its numerator and denominator",
    )
    ZERO_DENOMINATOR = "andel av noll", "share of an empty population"
    PART_EXCEEDS_WHOLE = "delen är större än helheten", "part larger than its whole"
    CONFLICTING_VALUES = (
        "samma uppgift med olika värden",
        "same quantity stated with different values",
    )


@attrs.frozen(kw_only=True)
class Finding:
    """One disagreement among stated figures.

    - `label`: the document's own words for the figure (its label; for a partition, its
      total's label) and `table`: the title of the table it is in, prefixed with the
      target group's name when the agreement was checked ("Unga 16–24 år i Hällefors
      kommun – Målgruppen 16–24 år: …"). These are what a reader looks for (issue 12).
    - `path`: where in the agreement (or snapshot) the figure or partition is, a secondary
      detail for someone editing the file (`target_groups[0].statistics[1].figures[10]`).
    - `stated`: what the document states there, as printed; `follows`: what the other
      figures imply; `figures`: the ids of the figures involved.
    """

    kind: FindingKind
    path: str
    stated: str
    follows: str
    figures: tuple[str, ...] = ()
    note: str | None = None
    label: str = ""
    table: str = ""

    @property
    def words(self) -> str:
        """The document's words for the place: the table's title and the figure's label,
        `"{table} – {label}"` (either alone when the other is empty)."""
        return " – ".join(part for part in (self.table, self.label) if part)

    def describe(self, lang: str | None = None) -> str:
        """The finding in one line, in Swedish or English: the document's words first,
        the path in brackets after them."""
        lang = get_language(lang)
        where = f"{self.words} [{self.path}]" if self.words else self.path
        if lang == "en":
            return f"{where}: stated {self.stated}; follows {self.follows} — {self.kind.label_en}"
        return f"{where}: angivet {self.stated}; följer {self.follows} — {self.kind.value}"

    def __str__(self) -> str:
        return self.describe("en")


def _fmt(value: Fraction | Decimal, decimals: int, unit: Unit, lang: str = "sv") -> str:
    # The document's numbers as it prints them (Swedish), whatever the reader's language.
    text = format_number(value, decimals, lang)
    return f"{text} %" if unit is Unit.PERCENT else text


def _stated(figure: Figure) -> str:
    return _fmt(figure.value, stated_decimals(figure.value), figure.unit)


def _check_share(
    snapshot: StatisticsSnapshot, index: int, figure: Figure, path: str
) -> Iterator[Finding]:
    if figure.unit is not Unit.PERCENT or figure.numerator is None or figure.of is None:
        return
    numerator, denominator = snapshot.figure(figure.numerator), snapshot.figure(figure.of)
    if numerator.unit is not Unit.COUNT or denominator.unit is not Unit.COUNT:
        return
    where = f"{path}figures[{index}]"
    ids = (figure.id, numerator.id, denominator.id)
    counts = f"{format_number(numerator.value)}/{format_number(denominator.value)}"
    if denominator.value == 0:
        yield Finding(
            kind=FindingKind.ZERO_DENOMINATOR,
            path=where,
            stated=f"{_stated(figure)} ({counts})",
            follows="–",  # no share follows; the kind says why, in the reader's language
            figures=ids,
            label=figure.label,
        )
        return
    exact = Fraction(numerator.value) / Fraction(denominator.value) * 100
    if not rounds_to(exact, figure.value):
        yield Finding(
            kind=FindingKind.SHARE_ROUNDING,
            path=where,
            stated=f"{_stated(figure)} ({counts})",
            follows=_fmt(exact, stated_decimals(figure.value), Unit.PERCENT),
            figures=ids,
            label=figure.label,
        )


def _check_part(
    snapshot: StatisticsSnapshot, index: int, figure: Figure, path: str
) -> Iterator[Finding]:
    if figure.unit is not Unit.COUNT or figure.of is None:
        return
    whole = snapshot.figure(figure.of)
    if whole.unit is Unit.COUNT and figure.value > whole.value:
        yield Finding(
            kind=FindingKind.PART_EXCEEDS_WHOLE,
            path=f"{path}figures[{index}]",
            stated=_stated(figure),
            follows=f"≤ {_stated(whole)} ({whole.id})",
            figures=(figure.id, whole.id),
            label=figure.label,
        )


def _check_partition(
    snapshot: StatisticsSnapshot, index: int, partition: Partition, path: str
) -> Iterator[Finding]:
    if not partition.complete:
        return  # a selection of categories need not add up (DOMAIN.md §6)
    total = snapshot.figure(partition.total)
    parts = [snapshot.figure(part) for part in partition.parts]
    where = f"{path}partitions[{index}]"
    ids = (total.id, *partition.parts)
    units = {part.unit for part in parts}
    if units == {Unit.COUNT} and total.unit is Unit.COUNT:
        summed = sum((part.value for part in parts), Decimal(0))
        if summed != total.value:
            yield Finding(
                kind=FindingKind.PARTITION_SUM,
                path=where,
                stated=_stated(total),
                follows=f"{' + '.join(_stated(p) for p in parts)} = {_fmt(summed, 0, Unit.COUNT)}",
                figures=ids,
                label=total.label,
            )
    elif units == {Unit.PERCENT}:
        bases = {part.of for part in parts}
        summed_share = sum((Fraction(part.value) for part in parts), Fraction(0))
        slack = sum((half_unit(part.value) for part in parts), Fraction(0))
        if total.unit is Unit.COUNT or bases == {total.id}:
            # Shares *of* the total: together they are all of it.
            whole, whole_decimals = Fraction(100), 0
        elif total.unit is Unit.PERCENT and bases == {total.of}:
            # Shares of the same base as the total: together they are the total's share.
            whole, whole_decimals = Fraction(total.value), stated_decimals(total.value)
            slack += half_unit(total.value)
        else:
            return  # the parts' base is not stated: no sum follows
        if abs(summed_share - whole) > slack:
            decimals = max(stated_decimals(part.value) for part in parts)
            yield Finding(
                kind=FindingKind.SHARES_SUM,
                path=where,
                stated=" + ".join(_stated(p) for p in parts),
                follows=(
                    f"{_fmt(summed_share, decimals, Unit.PERCENT)} ≠ "
                    f"{_fmt(whole, whole_decimals, Unit.PERCENT)}"
                    f" (± {_fmt(slack, decimals + 1, Unit.PERCENT)})"
                ),
                figures=ids,
                label=total.label,
            )


def _interval(figure: Figure) -> tuple[Fraction, Fraction]:
    exact = Fraction(figure.value)
    slack = Fraction(0) if figure.unit is Unit.COUNT else half_unit(figure.value)
    return exact - slack, exact + slack


def _check_repeats(snapshot: StatisticsSnapshot, path: str) -> Iterator[Finding]:
    seen: dict[tuple[object, ...], list[tuple[int, Figure]]] = {}
    for index, figure in enumerate(snapshot.figures):
        if not figure.categories:
            continue  # without categories two figures cannot be known to state the same thing
        key = (figure.unit, figure.of, figure.numerator, frozenset(figure.categories.items()))
        for earlier_index, earlier in seen.get(key, []):
            low_a, high_a = _interval(earlier)
            low_b, high_b = _interval(figure)
            if high_a < low_b or high_b < low_a:
                yield Finding(
                    kind=FindingKind.CONFLICTING_VALUES,
                    path=f"{path}figures[{index}]",
                    stated=f"{_stated(figure)} ({figure.label})",
                    follows=f"{_stated(earlier)} ({path}figures[{earlier_index}]: {earlier.label})",
                    figures=(earlier.id, figure.id),
                    label=figure.label,
                )
        seen.setdefault(key, []).append((index, figure))


def check_snapshot(snapshot: StatisticsSnapshot, path: str = "", group: str = "") -> list[Finding]:
    """Every finding in one snapshot, in the order: figures (shares, parts), partitions,
    repeated quantities. `path` prefixes each finding's path (e.g.
    `"target_groups[0].statistics[1]."`); each finding's `table` is the snapshot's title,
    after `group` (a target group's name) when one is given."""
    findings: list[Finding] = []
    for index, figure in enumerate(snapshot.figures):
        findings.extend(_check_share(snapshot, index, figure, path))
        findings.extend(_check_part(snapshot, index, figure, path))
    for index, partition in enumerate(snapshot.partitions):
        findings.extend(_check_partition(snapshot, index, partition, path))
    findings.extend(_check_repeats(snapshot, path))
    table = " – ".join(part for part in (group, snapshot.title) if part)
    return [attrs.evolve(finding, table=table) for finding in findings]


def check_agreement(agreement: Agreement) -> list[Finding]:
    """Every finding in every statistics snapshot of every target group of `agreement`,
    with paths from the agreement's root (`target_groups[i].statistics[j].figures[k]`).

    See `docs/metrics/consistency.md` for what this finds in the bundled examples
    (e.g. the Hällefors seed states 61 of 874 as 7,3 %, but it is 7,0 %).
    """
    findings: list[Finding] = []
    for i, group in enumerate(agreement.target_groups):
        for j, snapshot in enumerate(group.statistics):
            findings.extend(
                check_snapshot(snapshot, f"target_groups[{i}].statistics[{j}].", group.name)
            )
    return findings
