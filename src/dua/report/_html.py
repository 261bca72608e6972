"""The report as one self-contained HTML file (inline CSS, no scripts, no external assets),
or as a fragment to embed in a page that brings its own styles.

Both come from the templates of `dua`'s one HTML layer (`dua/templates/report.html.j2` and
`page.html.j2`, rendered by `dua._html`): the same escaping, stylesheet and number style as
the notebook tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from dua import _html
from dua.metrics.goals import LabelKind, Status
from dua.report import _text as t
from dua.report._charts import ReportCharts
from dua.report._profile import GraphicProfile

# The report's types, for annotations only: the report (`_build`) shows itself in a
# notebook with the HTML renderer, so the renderers must not import it at run time.
if TYPE_CHECKING:
    from dua.report._build import Report

_STATUS_CLASS = {
    Status.ATTAINED: "status-attained",
    Status.NOT_ATTAINED: "status-not-attained",
    Status.ON_TRACK: "status-on-track",
    Status.OFF_TRACK: "status-off-track",
    Status.NOT_ASSESSABLE: "status-not-assessable",
}

_DEFAULT_PROFILE = GraphicProfile()


def _context(report: Report, lang: str, profile: GraphicProfile) -> Mapping[str, object]:
    def w(key: str, **values: object) -> str:
        return t.word(key, lang, **values)

    return {
        "report": report,
        "lang": lang,
        "t": t,
        "w": w,
        "profile": profile,
        "heading": profile.heading(t.word("title", lang)),
        "status_class": _STATUS_CLASS,
        "text_kind": LabelKind.TEXT,
        # Charts (issue 12, item 1): inline SVG figures from dua.report._charts, or one line
        # on how to get them; each is "" where there is nothing to show.
        "charts": ReportCharts(report, lang),
    }


def render_fragment(
    report: Report, lang: str | None = None, *, profile: GraphicProfile | None = None
) -> str:
    """The report's body as an HTML fragment: one `<article class="dua dua-report">`, no
    `<html>` wrapper and no styles, to embed in a page that styles it (its classes are
    those of `dua`'s stylesheet, [`stylesheet`][dua.report.stylesheet]). A `profile`'s
    title and logo are shown; its stylesheet is the embedding page's business."""
    lang = t.language(report, lang)
    context = _context(report, lang, _DEFAULT_PROFILE if profile is None else profile)
    return str(_html.render("report.html.j2", **context))


def render_html(
    report: Report, lang: str | None = None, *, profile: GraphicProfile | None = None
) -> str:
    """The report as one self-contained HTML5 file in Swedish (default) or English, in
    `dua`'s look or a municipality's own (`profile`: stylesheet, logo and title).

    Inline CSS only: no scripts, fonts or links to other files (a profile's logo is
    embedded as a `data:` URI), so it can be mailed or archived as it is. It prints cleanly
    (`@media print`), every table has a `<caption>` and `<th scope>` headers, `<html lang>`
    names the language, colours keep a contrast above 7:1, and every status is written out
    in words (colour only repeats it).
    """
    lang = t.language(report, lang)
    profile = _DEFAULT_PROFILE if profile is None else profile
    heading = profile.heading(t.word("title", lang))
    return str(
        _html.render(
            "page.html.j2",
            lang=lang,
            title=f"{heading}: {report.agreement.title} ({report.on.isoformat()})",
            stylesheet=_html.stylesheet(),
            profile=profile,
            body=_html.render("report.html.j2", **_context(report, lang, profile)),
        )
        + "\n"
    )
