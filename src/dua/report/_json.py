"""The report as JSON for machines, described by `dua/data/report.schema.json`."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from importlib import resources
from typing import TYPE_CHECKING, Any

from dua.errors import mask_text
from dua.metrics.mapping import Cell, CrossTable, Dimension
from dua.model import LabelledEnum
from dua.report import _text as t

# The report's types, for annotations only: the report (`_build`) shows itself in a
# notebook with the HTML renderer, so the renderers must not import it at run time.
if TYPE_CHECKING:
    from dua.report._build import GenderRow, GoalEntry, MappingTable, Report, ResultEntry

FORMAT = "dua-report"
"""The value of the document's `format` key."""

VERSION = 1
"""The version of the document's layout; it changes when a key changes meaning."""


def exact(value: Fraction | None) -> str | None:
    """An exact number as text: `"22"`, `"-7/5"`, or `None`.

    A fraction in lowest terms keeps every value exact (20,6 % of 874 is `"9000/437"`),
    which a JSON number (a binary float to most readers) could not.
    """
    if value is None:
        return None
    return (
        str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    )


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _enum(value: LabelledEnum | None, lang: str) -> dict[str, str] | None:
    if value is None:
        return None
    return {"code": value.name, "value": value.value, "label": value.label(lang)}


def _cell(cell: Cell) -> dict[str, Any]:
    # A hidden count never leaves the report: only `Cell.shown` is written.
    return {"count": cell.shown, "suppressed": cell.suppressed}


def _result(entry: ResultEntry, lang: str, goal: GoalEntry) -> dict[str, Any]:
    percent = goal.percent
    decimals = goal.decimals_for(entry.target)
    return {
        "label": entry.label,
        "label_kind": _enum(entry.label_kind, lang),
        "label_text": t.label(entry.label, lang, entry.label_kind),
        "status": _enum(entry.status, lang),
        "reason": _enum(entry.reason, lang),
        "comparison": _enum(entry.comparison, lang),
        "baseline": exact(entry.baseline),
        "target": exact(entry.target),
        "upper": exact(entry.upper),
        "observed": exact(entry.observed),
        "observed_on": _day(entry.observed_on),
        "expected": exact(entry.expected),
        "gap": exact(entry.gap),
        "numerator": entry.numerator,
        "denominator": entry.denominator,
        "deadline": _day(entry.deadline),
        "suppressed": entry.suppressed,
        "detail": entry.detail,
        "note": t.note(entry, lang),
        "text": {
            "baseline": t.optional(entry.baseline, lang, percent),
            "target": t.target(entry, lang, percent, decimals),
            "observed": t.optional(entry.observed, lang, percent),
            "expected": t.optional(entry.expected, lang, percent),
            "gap": t.gap(entry, lang, percent),
            "basis": t.basis(entry, lang),
        },
        "combination": _enum(entry.combination, lang),
        "parts": [_result(part, lang, goal) for part in entry.parts],
    }


def _goal(goal: GoalEntry, lang: str) -> dict[str, Any]:
    return {
        "id": goal.id,
        "text": goal.text,
        "kind": _enum(goal.kind, lang),
        "status": _enum(goal.status, lang),
        "reason": _enum(goal.reason, lang),
        "percent": goal.percent,
        "results": [_result(result, lang, goal) for result in goal.results],
    }


def _gender_row(row: GenderRow) -> dict[str, Any]:
    return {
        "group": row.group,
        "women": _cell(row.women),
        "men": _cell(row.men),
        "unknown": _cell(row.unknown),
        "total": _cell(row.total),
        "women_share": exact(row.women_share),
        "men_share": exact(row.men_share),
        "balanced": row.balanced,
    }


def _dimension(dimension: Dimension, categories: tuple[str, ...], lang: str) -> dict[str, Any]:
    return {
        "name": dimension.name,
        "label": dimension.label(lang),
        "categories": [
            {"code": category, "label": t.category(dimension, category, lang)}
            for category in categories
        ],
    }


def _table(entry: MappingTable, lang: str) -> dict[str, Any]:
    table: CrossTable = entry.table
    return {
        "id": entry.id,
        "caption": entry.caption(lang),
        "rows": _dimension(table.rows, table.row_categories, lang),
        "columns": _dimension(table.columns, table.column_categories, lang),
        "cells": [[_cell(cell) for cell in row] for row in table.cells],
        "row_totals": [_cell(cell) for cell in table.row_totals],
        "column_totals": [_cell(cell) for cell in table.column_totals],
        "total": _cell(table.total),
        "threshold": table.threshold,
    }


def render_json(report: Report, lang: str | None = None) -> dict[str, Any]:
    """The report as a JSON-ready `dict` that validates against
    [`json_schema()`][dua.report.json_schema] (`dua/data/report.schema.json`).

    Exact numbers are strings holding an integer or a fraction in lowest terms (`"22"`,
    `"9000/437"`); counts are integers; a hidden count is `null` with `"suppressed": true`;
    dates are ISO 8601 texts. Enumerations carry a stable `code`, the Swedish `value`
    used in agreement files and a `label` in `lang`. `text` fields hold the numbers as a
    person reads them in the report's language.
    """
    lang = t.language(report, lang)
    info = report.agreement
    suppression = report.suppression
    gender = report.gender
    document: dict[str, Any] = _masked(
        {
            "format": FORMAT,
            "version": VERSION,
            "lang": lang,
            "agreement": {
                "id": info.id,
                "title": info.title,
                "kind": _enum(info.kind, lang),
                "parties": list(info.parties),
                "document_date": _day(info.document_date),
                "validity": None
                if info.validity is None
                else {"start": _day(info.validity.start), "end": _day(info.validity.end)},
                "until_further_notice": info.until_further_notice,
            },
            "computed_for": report.on.isoformat(),
            "sources": list(report.sources),
            "synthetic": report.synthetic,
            "suppression": {
                "applied": suppression.applied,
                "threshold": suppression.threshold,
                "hidden_cells": suppression.hidden_cells,
                "hidden_results": suppression.hidden_results,
                "symbol": "..",
                "text": t.suppression(report, lang),
            },
            "participants": None if report.participants is None else _cell(report.participants),
            "goals": [_goal(goal, lang) for goal in report.goals],
            "gender": {
                "lower": exact(gender.lower),
                "upper": exact(gender.upper),
                "groups": [_gender_row(row) for row in gender.rows],
                "total": None if gender.total is None else _gender_row(gender.total),
            },
            "mapping": [_table(entry, lang) for entry in report.mapping],
            "findings": [
                {
                    "kind": _enum(finding.kind, lang),
                    "label": finding.label,
                    "table": finding.table,
                    "path": finding.path,
                    "stated": finding.stated,
                    "follows": finding.follows,
                    "figures": list(finding.figures),
                    "text": finding.describe(lang),
                }
                for finding in report.findings
            ],
        }
    )
    return document


def _masked(value: Any) -> Any:
    """`value` with every text in it masked ([`mask_text`][dua.errors.mask_text]): the
    privacy boundary, applied to the texts rather than to the JSON so that it stays valid."""
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {mask_text(key): _masked(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(item) for item in value]
    return value


def to_json_text(report: Report, lang: str | None = None) -> str:
    """The report as JSON text (UTF-8, indented, keys in a fixed order, ending in a
    newline): [`render_json`][dua.report.render_json] serialised."""
    return json.dumps(render_json(report, lang), ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of [`render_json`][dua.report.render_json]'s documents,
    as shipped in `dua/data/report.schema.json`.

    >>> json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    text = resources.files("dua").joinpath("data", "report.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
