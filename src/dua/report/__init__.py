"""Follow-up reports: every goal's status with its numbers, gender shares, mapping tables
and consistency findings, for one agreement on one date, in Markdown, HTML or JSON.

[`build_report`][dua.report.build_report] computes a [`Report`][dua.report.Report] — a
typed, immutable object holding only aggregates (no participant keys, no personal
identity numbers, DOMAIN.md §7) — and the renderers turn it into text:

| format | function | for |
|---|---|---|
| `md` | [`render_markdown`][dua.report.render_markdown] | pasting into minutes, wikis, e-mail |
| `html` | [`render_html`][dua.report.render_html] | one self-contained, printable, accessible file, in a municipality's look with a [`GraphicProfile`][dua.report.GraphicProfile] |
| (fragment) | [`render_fragment`][dua.report.render_fragment] | embedding in an app's own page (no styles) |
| `json` | [`render_json`][dua.report.render_json] / [`to_json_text`][dua.report.to_json_text] | machines; schema in `dua/data/report.schema.json` |

Swedish is the default, English is available with `lang="en"`, and both say the same
things. Every report states the date it was computed for, the data files it used and the
suppression applied (DOMAIN.md §6: counts about few people can identify them).

>>> from datetime import date
>>> from dua import examples
>>> from dua.io.followup import load_followup
>>> report = build_report(examples.load("ggv-2016"), load_followup("ggv-2016"),
...                       on=date(2019, 1, 31))
>>> text = render(report, "md")
>>> print(text.splitlines()[0])
# Uppföljningsrapport: Bilaga 3, verksamhet som ska bedrivas i samverkan – Värnamo, Gislaved och Gnosjö
>>> "| Beräknad för | 2019-01-31 |" in text
True
"""

from __future__ import annotations

from typing import Any

from dua import _html as _layer
from dua import display, i18n
from dua.errors import DuaError, mask_package_reprs
from dua.report._build import (
    AgreementInfo,
    GenderRow,
    GenderSection,
    GoalEntry,
    MappingTable,
    Report,
    ResultEntry,
    Suppression,
    UnknownChartError,
    build_report,
)
from dua.report._html import render_fragment as _report_fragment
from dua.report._html import render_html
from dua.report._json import json_schema, render_json, to_json_text
from dua.report._markdown import render_markdown
from dua.report._profile import MAX_LOGO_BYTES, GraphicProfile, Logo

__all__ = [
    "FORMATS",
    "MAX_LOGO_BYTES",
    "AgreementInfo",
    "GenderRow",
    "GenderSection",
    "GoalEntry",
    "GraphicProfile",
    "Logo",
    "MappingTable",
    "Report",
    "ResultEntry",
    "Suppression",
    "UnknownChartError",
    "UnknownReportFormatError",
    "build_report",
    "json_schema",
    "render",
    "render_fragment",
    "render_html",
    "render_json",
    "render_markdown",
    "stylesheet",
    "to_json_text",
]

FORMATS = ("md", "html", "json")
"""The format names [`render`][dua.report.render] accepts (as `dua report --format`)."""


class UnknownReportFormatError(DuaError, ValueError):
    """A report format other than `md`, `html` or `json`."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__("error.report.unknown_format", format=repr(name), known=", ".join(FORMATS))


def render(
    report: Report,
    format: str = "md",
    lang: str | None = None,
    *,
    profile: GraphicProfile | None = None,
) -> str:
    """The report as text in `format` (`"md"`, `"html"` or `"json"`), in `lang` (default:
    the language the report was built with). This is what `dua report --format` writes.
    `profile` (a municipality's stylesheet, logo and title) applies to `"html"` only.

    Raises:
        UnknownReportFormatError: `format` is not one of [`FORMATS`][dua.report.FORMATS]
            (its message in `lang`, or the report's language).
    """
    if format == "md":
        return render_markdown(report, lang)
    if format == "html":
        return render_html(report, lang, profile=profile)
    if format == "json":
        return to_json_text(report, lang)
    with i18n.language(lang or report.lang):
        raise UnknownReportFormatError(format)


def render_fragment(
    obj: Any, lang: str | None = None, *, profile: GraphicProfile | None = None
) -> str:
    """`obj` as embeddable HTML for an app's own page: no `<html>` wrapper, no `<style>`.

    `obj` is a [`Report`][dua.report.Report] (its body, one `<article>`; `lang` and a
    `profile`'s title and logo apply), any object of `dua` that shows itself in a notebook
    (an agreement, a goal assessment, a gender balance, a mapping table, a rule decision:
    its tables), or a list or dict of results (one table, as
    [`dua.display.table`][dua.display.table]). The markup uses the classes of `dua`'s
    stylesheet ([`stylesheet`][dua.report.stylesheet]): include it in the page, or style
    the classes yourself. Every text is escaped and passes the privacy boundary.

    Raises:
        TypeError: `obj` is none of these.

    >>> from dua.metrics.gender import GenderBalance
    >>> html = render_fragment(GenderBalance(women=36, men=67))
    >>> html.startswith('<div class="dua" lang="sv"><table><caption>'), "<style" in html
    (True, False)
    """
    if isinstance(obj, Report):
        return _report_fragment(obj, lang, profile=profile)
    if isinstance(obj, list | tuple | dict):
        obj = display.table(obj)
    show = getattr(obj, "_repr_html_", None)
    if not callable(show):
        raise TypeError(f"render_fragment shows dua's results, not {type(obj).__name__}")
    with _layer.without_stylesheet():
        return str(show())


def stylesheet() -> str:
    """The CSS of `dua`'s HTML (the report's and the notebook tables'), for a page that
    embeds [`render_fragment`][dua.report.render_fragment]. Every rule is scoped to the
    class `dua`, so it leaves the rest of the page alone."""
    return _layer.stylesheet()


# Every class of the report shows itself only through the privacy boundary.
mask_package_reprs()
