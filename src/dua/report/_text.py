"""Words and numbers of the reports, in Swedish and English (shared by every renderer)."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from dua import i18n
from dua.metrics.goals import LabelKind
from dua.metrics.goals._words import detail, fixed_label
from dua.metrics.mapping import SUPPRESSED, Cell, Dimension
from dua.metrics.numbers import format_count, format_number, format_percent
from dua.model import Comparison, Period
from dua.municipalities import by_code, is_municipality_code

# The report's types, for annotations only: the report (`_build`) shows itself in a
# notebook with the HTML renderer, so the renderers (and these words they share) must
# not import it at run time.
if TYPE_CHECKING:
    from dua.report._build import AgreementInfo, GoalEntry, Report, ResultEntry

LANGS = i18n.LANGS


def language(report: Report, lang: str | None) -> str:
    """The language to render in: `lang`, else the report's own."""
    chosen = report.lang if lang is None else lang
    if chosen not in LANGS:
        raise ValueError(f"a report is rendered in 'sv' or 'en', got {chosen!r}")
    return chosen


def word(key: str, lang: str, **values: object) -> str:
    """The phrase `report.{key}` of the catalogue ([`dua.i18n`][dua.i18n]) in `lang`, with
    `values` filled in."""
    return i18n.text(f"report.{key}", lang, **values)


def number(value: Fraction, lang: str, percent: bool = False, decimals: int = 0) -> str:
    """A number as printed: whole numbers with `decimals` decimals (none by default),
    others with at least one; percentages with the sign ("20,6 %", "20.6%")."""
    decimals = max(decimals, 0 if value.denominator == 1 else 1)
    text = format_number(value, decimals, lang)
    if percent:
        return f"{text} %" if lang == "sv" else f"{text}%"
    return text


def share(value: Fraction | None, lang: str) -> str:
    """A share (0–1) as a percentage with one decimal ("35,0 %"), or a dash."""
    return "–" if value is None else format_percent(value, 1, lang)


def percent_text(value: Fraction, lang: str) -> str:
    """A share (0–1) as a whole-number percentage when exact, else one decimal."""
    return number(value * 100, lang, percent=True)


def category(dimension: Dimension, category: str, lang: str) -> str:
    """A category as the mapping tables print it: a municipality as "Borås (1490)", other
    categories by the dimension's labels."""
    if dimension.name == "kommun" and is_municipality_code(category):
        return f"{by_code(category).name} ({category})"
    return dimension.category_label(category, lang)


def cell(cell: Cell, lang: str) -> str:
    """A table count as published (`..` when hidden)."""
    return SUPPRESSED if cell.suppressed else format_count(cell.count, lang)


_SYMBOLS = {
    Comparison.LESS_THAN: "<",
    Comparison.AT_MOST: "≤",
    Comparison.AT_LEAST: "≥",
    Comparison.GREATER_THAN: ">",
    Comparison.EQUAL: "=",
}


def target(entry: ResultEntry, lang: str, percent: bool, decimals: int = 0) -> str:
    """The target as a bound, with the decimals the agreement states it with:
    "≤ 21,0 %", "6–8", or a dash."""
    if entry.target is None:
        return "–"
    if entry.comparison is Comparison.BETWEEN and entry.upper is not None:
        low = number(entry.target, lang, decimals=decimals)
        return f"{low}–{number(entry.upper, lang, percent, decimals)}"
    value = number(entry.target, lang, percent, decimals)
    symbol = _SYMBOLS.get(entry.comparison) if entry.comparison is not None else None
    return f"{symbol} {value}" if symbol else value


def optional(value: Fraction | None, lang: str, percent: bool = False) -> str:
    """A number, or a dash when there is none."""
    return "–" if value is None else number(value, lang, percent)


def gap(entry: ResultEntry, lang: str, percent: bool) -> str:
    """Observed minus target; for percentages in percentage points."""
    if entry.gap is None:
        return "–"
    text = number(entry.gap, lang)
    if entry.gap > 0:
        text = "+" + text
    return f"{text} {word('percent_points', lang)}" if percent else text


def basis(entry: ResultEntry, lang: str) -> str:
    """Numerator/denominator, "dolt" when suppressed, or a dash."""
    if entry.suppressed:
        return SUPPRESSED
    if entry.numerator is None or entry.denominator is None:
        return "–"
    return f"{format_count(entry.numerator, lang)}/{format_count(entry.denominator, lang)}"


def label(text: str, lang: str, kind: LabelKind) -> str:
    """A result's label in `lang`, shown by its `kind` (never guessed from the text): a
    unit that is a municipality code with the municipality's name ("Gnosjö (0617)"), the
    few fixed Swedish labels of [`dua.metrics.goals`][dua.metrics.goals] translated, other
    data (years, tracks, steps) as is. A year "2021" stays "2021" although it is also
    Vansbro's code (issue 12)."""
    if kind is LabelKind.UNIT and is_municipality_code(text):
        return f"{by_code(text).name} ({text})"
    return fixed_label(text, lang)


def note(entry: ResultEntry, lang: str) -> str:
    """The reason, detail and combination of a result, as one remark."""
    parts = []
    if entry.reason is not None:
        parts.append(entry.reason.label(lang))
    if entry.suppressed:
        parts.append(word("suppressed_result", lang))
    if entry.detail:
        parts.append(detail(entry.detail, lang))
    if entry.combination is not None:
        parts.append(word(f"combine_{entry.combination.name}", lang))
    if entry.observed_on is not None and entry.expected is not None:
        parts.append(f"{word('observed_on', lang)} {entry.observed_on.isoformat()}")
    return "; ".join(parts)


def period(value: Period | None, until_further_notice: bool, lang: str) -> str:
    """A validity period as "2015-11-30 – 2017-12-31"."""
    if value is None:
        return word("until", lang) if until_further_notice else "–"
    end = value.end.isoformat() if value.end is not None else word("until", lang)
    return f"{value.start.isoformat()} – {end}"


def verdict(balanced: bool | None, lang: str) -> str:
    """The 40–60 % verdict in words."""
    if balanced is None:
        return word("cannot_judge", lang)
    return word("balanced" if balanced else "not_balanced", lang)


def bounds(report: Report, lang: str) -> tuple[str, str]:
    """The bounds of a balanced gender distribution, as percentages."""
    return (
        percent_text(report.gender.lower, lang),
        percent_text(report.gender.upper, lang),
    )


def suppression(report: Report, lang: str) -> str:
    """What suppression was applied, in words."""
    applied = report.suppression
    if applied.threshold is None:
        return word("suppression_none", lang)
    return word(
        "suppression_on",
        lang,
        below=format_count(applied.threshold - 1, lang),
        sign=SUPPRESSED,
        cells=format_count(applied.hidden_cells, lang),
        results=format_count(applied.hidden_results, lang),
    )


def about(report: Report, lang: str) -> list[tuple[str, str]]:
    """The report's facts as (heading, text) pairs: agreement, date, data, suppression."""
    info: AgreementInfo = report.agreement
    rows = [
        (word("agreement", lang), f"{info.title} ({info.id})"),
        (word("kind", lang), info.kind.label(lang)),
    ]
    if info.parties:
        rows.append((word("parties", lang), ", ".join(info.parties)))
    if info.document_date is not None:
        rows.append((word("document_date", lang), info.document_date.isoformat()))
    if info.validity is not None or info.until_further_notice:
        rows.append(
            (word("validity", lang), period(info.validity, info.until_further_notice, lang))
        )
    rows.append((word("on", lang), report.on.isoformat()))
    rows.append((word("sources", lang), "; ".join(report.sources) or word("no_sources", lang)))
    rows.append((word("suppression", lang), suppression(report, lang)))
    if report.participants is not None:
        rows.append((word("participants", lang), cell(report.participants, lang)))
    if report.synthetic:
        rows.append((word("synthetic", lang), word("synthetic_text", lang)))
    return rows


def status_line(goal: GoalEntry, lang: str) -> str:
    """A goal's status, with the reason when not assessable."""
    text = goal.status.label(lang)
    if goal.reason is not None:
        text += f" ({goal.reason.label(lang)})"
    return text


def result_status(entry: ResultEntry, lang: str) -> str:
    """A result's status in words."""
    return entry.status.label(lang)


def result_label(entry: ResultEntry, depth: int, lang: str) -> str:
    """A result's label, with its depth shown by leading arrows for nested parts."""
    text = label(entry.label, lang, entry.label_kind) or "–"
    return ("↳ " * depth) + text if depth else text
