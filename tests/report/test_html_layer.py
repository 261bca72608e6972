"""One HTML layer (issue 12 item 2): the notebook tables and the report come from one set of
Jinja2 templates shipped in the package, with one escaping (autoescape plus the privacy
boundary), one stylesheet and one number style; a municipality's graphic profile
(stylesheet, logo, title) from the API and the command; `render_fragment` for embedding;
and the report stays accessible (captions, header scopes, status in words, contrast)."""

from __future__ import annotations

import base64
import re
import zipfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path

import jinja2
import pytest
from hatchling.builders.wheel import WheelBuilder

from dua import _html, examples
from dua.cli import main
from dua.errors import FileFormatError
from dua.io.followup import load_followup
from dua.metrics.gender import GenderBalance
from dua.metrics.goals import Status, assess_agreement
from dua.metrics.numbers import format_number
from dua.report import (
    MAX_LOGO_BYTES,
    GraphicProfile,
    Logo,
    build_report,
    render,
    render_fragment,
    render_html,
    stylesheet,
)
from tests.report.test_report import EXAMPLES, LANGS, HTMLChecker, example_report

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = {
    "block.html.j2",
    "dua.css",
    "macros.html.j2",
    "page.html.j2",
    "report.html.j2",
    "table.html.j2",
}
# The smallest valid PNG: one transparent pixel.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
PERSONNUMMER = "19900101-1234"  # shaped like one; the boundary must mask it


# -- The templates ship in the package -----------------------------------------------------


def test_the_templates_are_package_data() -> None:
    folder = resources.files("dua").joinpath("templates")
    assert {entry.name for entry in folder.iterdir()} >= TEMPLATES


def test_the_wheel_holds_the_templates(tmp_path: Path) -> None:
    # What `make dist` builds: hatchling's wheel of this source tree.
    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"dua/templates/{name}" for name in TEMPLATES} <= names


def test_every_template_compiles() -> None:
    for name in TEMPLATES - {"dua.css"}:
        _html.environment().get_template(name)


# -- One escaping --------------------------------------------------------------------------


def test_the_environment_escapes_and_refuses_undefined_names() -> None:
    env = _html.environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>&'\"") == "&lt;b&gt;&amp;&#39;&#34;"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ nope }}").render()


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (PERSONNUMMER, "19900101-****"),  # the privacy boundary (DOMAIN.md §7)
        (None, "–"),  # not stated
        (True, "ja"),
        (1744, "1 744"),  # the number style of the seeds
        (Decimal("21.0"), "21,0"),
        (_html.Markup("<b>x</b>"), "<b>x</b>"),  # built by the templates: not escaped again
    ],
)
def test_every_value_a_template_shows_passes_the_boundary(value: object, shown: str) -> None:
    assert _html.environment().from_string("{{ v }}").render(v=value) == shown
    assert str(_html.escape(value)) == shown


def test_a_profile_title_is_escaped_and_masked_everywhere() -> None:
    title = f"<script>alert(1)</script> {PERSONNUMMER}"
    profile = GraphicProfile(title=title, logo=Logo.from_bytes(PNG))
    for text in (
        render_html(example_report("hallefors-2015"), profile=profile),
        render_fragment(example_report("hallefors-2015"), profile=profile),
    ):
        assert "<script>" not in text
        assert PERSONNUMMER not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; 19900101-****" in text
        HTMLChecker.parse(text)


# -- One number style ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "text"),
    [
        (Fraction(39, 2), 1, "sv", "19,5"),
        (-1234567, 0, "en", "-1,234,567"),
        (Fraction(-1, 1000), 1, "sv", "0,0"),  # rounds to zero: no minus sign
        (0, 2, "sv", "0,00"),
        (Fraction(1744), 0, "sv", "1 744"),
    ],
)
def test_format_number_prints_with_the_html_number_style(
    value: Fraction | int, decimals: int, lang: str, text: str
) -> None:
    assert format_number(value, decimals, lang) == text
    rounded = Decimal(text.replace(" ", "").replace(",", "." if lang == "sv" else ""))
    assert _html.decimal_text(rounded, lang) == text


# -- One stylesheet ------------------------------------------------------------------------


def test_report_and_notebook_carry_the_same_one_stylesheet() -> None:
    report = example_report("norrkoping-2018")
    page = render_html(report)
    assert page.count("<style>") == 1
    assert stylesheet() in page
    notebook = GenderBalance(women=36, men=67)._repr_html_()
    assert notebook.count("<style>") == 1
    assert stylesheet() in notebook
    # No inline styles: the stylesheet is the one place of the look of the HTML. Inside the
    # charts' SVG drawings matplotlib colours each shape with its own `style` attribute,
    # which reaches no element outside that shape; outside the drawings there is none.
    assert "<svg" in page
    outside_drawings = re.sub(r"<svg\b.*?</svg>", "", page, flags=re.DOTALL)
    assert " style=" not in outside_drawings
    assert " style=" not in notebook


def test_every_rule_of_the_stylesheet_is_scoped_to_dua() -> None:
    css = re.sub(r"/\*.*?\*/", "", stylesheet(), flags=re.DOTALL)
    css = re.sub(r"@media print \{", "", css)
    for selectors in re.findall(r"([^{}]+)\{[^{}]*\}", css):
        for selector in selectors.split(","):
            assert selector.strip().startswith((".dua ", ".dua-report", ".dua{", ".dua")), selector


# -- Accessibility -------------------------------------------------------------------------


def _rules() -> dict[str, dict[str, str]]:
    """The stylesheet's rules outside `@media print`: selector -> property -> value."""
    css = re.sub(r"/\*.*?\*/", "", stylesheet(), flags=re.DOTALL)
    css = css[: css.index("@media print")]
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = {
            name.strip(): value.strip()
            for name, _, value in (d.partition(":") for d in body.split(";") if ":" in d)
        }
        for selector in selectors.split(","):
            rules.setdefault(selector.strip(), {}).update(declarations)
    return rules


def _luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of `#rrggbb`."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the AA limit grey


def test_every_status_colour_pair_has_a_contrast_of_at_least_7() -> None:
    """WCAG 2.1 1.4.3 asks 4.5:1 (AA); the stylesheet promises 7:1 (AAA, 1.4.6)."""
    rules = _rules()
    statuses = {s: r for s, r in rules.items() if s.startswith(".dua .status-")}
    assert len(statuses) == len(Status)
    for selector, rule in statuses.items():
        assert contrast(rule["color"], rule["background"]) >= 7, selector
    base = rules[".dua"]
    text, page = base["color"], base["background"]
    assert contrast(text, page) >= 7
    assert contrast(rules[".dua th"]["color"], rules[".dua thead th"]["background"]) >= 7
    assert contrast(rules[".dua .note"]["color"], page) >= 7


def test_every_status_class_is_written_in_the_words_of_its_status() -> None:
    css_class = {
        "status-attained": Status.ATTAINED,
        "status-not-attained": Status.NOT_ATTAINED,
        "status-on-track": Status.ON_TRACK,
        "status-off-track": Status.OFF_TRACK,
        "status-not-assessable": Status.NOT_ASSESSABLE,
    }
    seen = set()
    # The examples' report dates, and dates before their deadlines (on or off track).
    dates = [(name, on) for name, on in EXAMPLES.items()]
    dates += [("hallefors-2015", date(2016, 10, 1)), ("norrkoping-2018", date(2019, 6, 30))]
    for name, on in dates:
        for lang in LANGS:
            report = build_report(examples.load(name), load_followup(name), on=on, lang=lang)
            text = render_html(report)
            for found, words in re.findall(r'<span class="status ([a-z-]+)">([^<]+)</span>', text):
                # The colour repeats the words: the span starts with its status's label.
                assert words.startswith(css_class[found].label(lang)), (found, words)
                seen.add(found)
    assert seen == set(css_class)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_table_has_a_caption_first_and_scoped_headers(name: str) -> None:
    page = HTMLChecker.parse(render_html(example_report(name)))
    assert page.tables == page.captions > 0
    tables = re.findall(r"<table[^>]*>\s*<caption>", render_html(example_report(name)))
    assert len(tables) == page.tables  # the caption is the table's first child


# -- The graphic profile -------------------------------------------------------------------


def test_a_profile_brings_its_stylesheet_after_dua_s_its_logo_and_its_title() -> None:
    report = example_report("hallefors-2015")
    profile = GraphicProfile(
        stylesheet=".dua h1 { color: #00527a; }",
        logo=Logo.from_bytes(PNG, text="Hällefors kommuns logotyp"),
        title="Hällefors kommun",
    )
    text = render_html(report, profile=profile)
    assert text.index(stylesheet()) < text.index(".dua h1 { color: #00527a; }")
    assert f'src="data:image/png;base64,{base64.b64encode(PNG).decode()}"' in text
    assert 'alt="Hällefors kommuns logotyp"' in text
    assert f"<h1>Hällefors kommun: {report.agreement.title}</h1>" in text
    assert "<title>Hällefors kommun: " in text
    assert "Uppföljningsrapport" not in text
    assert text == render(report, "html", profile=profile)
    # Self-contained: the only src is the embedded logo; no link to another file.
    page = HTMLChecker.parse(text)
    sources = [a["src"] for tag, a in page.tags if "src" in a]
    assert profile.logo is not None
    assert sources == [profile.logo.data_uri]


def test_without_a_profile_the_report_is_dua_s_own() -> None:
    report = example_report("ggv-2016")
    assert render_html(report) == render_html(report, profile=GraphicProfile())
    assert "<img" not in render_html(report)


@pytest.mark.parametrize(("lang", "alt"), [("sv", "Logotyp"), ("en", "Logo")])
def test_a_logo_without_words_gets_a_text_alternative(lang: str, alt: str) -> None:
    text = render_html(
        example_report("ggv-2016", lang), profile=GraphicProfile(logo=Logo.from_bytes(PNG))
    )
    assert f'alt="{alt}"' in text


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (PNG, "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"GIF89a\x01\x00\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml"),
    ],
)
def test_a_logo_is_recognised_by_its_bytes(data: bytes, media_type: str) -> None:
    assert Logo.from_bytes(data).media_type == media_type


@pytest.mark.parametrize(
    ("css", "message"),
    [
        ("h1 { color: red; }</style><script>x</script>", "line 1: '</' would end the style"),
        ("h1 {}\n@import 'kommun.css';", "line 2: '@import' loads another file"),
        ("body { background: url(https://example.org/a.png); }", "url(...) loads another file"),
        ("body { background: URL( 'bild.png'); }", "url(...) loads another file"),
    ],
)
@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_stylesheet_that_leaves_the_report_is_refused(css: str, message: str) -> None:
    with pytest.raises(FileFormatError, match=re.escape(message)):
        GraphicProfile(stylesheet=css)


def test_a_stylesheet_may_embed_data_uris() -> None:
    css = ".dua { background: url('data:image/png;base64,AAAA'); }"
    assert GraphicProfile(stylesheet=css).stylesheet == css


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make", "option", "message"),
    [
        (lambda d: d / "saknas.css", "stylesheet", "saknas.css: no such stylesheet file"),
        (lambda d: d, "stylesheet", ": the stylesheet is a folder, not a file"),
        (lambda d: _write(d / "a.css", b"\xff\xfe h1"), "stylesheet", "a.css: the stylesheet is not UTF-8"),
        (lambda d: _write(d / "b.css", b"@import 'x.css';"), "stylesheet", "b.css, line 1: '@import'"),
        (lambda d: d / "saknas.png", "logo", "saknas.png: no such logo file"),
        (lambda d: _write(d / "tom.png", b""), "logo", "tom.png: the logo file is empty"),
        (lambda d: _write(d / "text.png", b"not an image"), "logo", "text.png: not a PNG, JPEG"),
        (
            lambda d: _write(d / "stor.png", PNG + bytes(MAX_LOGO_BYTES)),
            "logo",
            f"at most {MAX_LOGO_BYTES:,} are embedded",
        ),
    ],
)  # fmt: skip
@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_bad_profile_file_is_one_line_naming_it(
    tmp_path: Path, make: Callable[[Path], Path], option: str, message: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(FileFormatError, match=re.escape(message)):
        GraphicProfile.from_files(**{option: path})


def test_the_command_applies_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    css = _write(tmp_path / "kommun.css", "\ufeff.dua h1 { color: #00527a; }\n".encode())
    logo = _write(tmp_path / "logotyp.png", PNG)
    out = tmp_path / "rapport.html"
    argv = ["report", "--example", "hallefors-2015", "--on", "2017-12-31", "--format", "html"]
    profile = ["--stylesheet", str(css), "--logo", str(logo), "--title", "Hällefors kommun"]
    assert main([*argv, *profile, "--output", str(out)]) == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert ".dua h1 { color: #00527a; }" in text
    assert "data:image/png;base64," in text
    assert "<h1>Hällefors kommun: " in text


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_the_command_names_a_bad_profile_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["report", "--example", "hallefors-2015", "--on", "2017-12-31", "--format", "html"]
    text = _write(tmp_path / "logotyp.png", b"hello")
    assert main([*argv, "--logo", str(text)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"dua: {text}: not a PNG, JPEG, GIF, WebP or SVG image"


def test_the_profile_options_are_for_html_only(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["report", "--example", "hallefors-2015", "--on", "2017-12-31", "--title", "X"])
    assert exit.value.code == 2
    assert "--title gäller bara --format html" in capsys.readouterr().err


# -- render_fragment -----------------------------------------------------------------------


def _no_page(fragment: str) -> None:
    for tag in ("<style", "<html", "<head", "<body", "<!DOCTYPE"):
        assert tag not in fragment


def test_render_fragment_of_a_report_is_its_body_without_styles() -> None:
    report = example_report("norrkoping-2018")
    fragment = render_fragment(report)
    _no_page(fragment)
    assert fragment.startswith('<article class="dua dua-report" lang="sv">')
    assert fragment in render_html(report)
    assert render_fragment(report, "en").startswith('<article class="dua dua-report" lang="en">')


def test_render_fragment_of_results_and_collections() -> None:
    agreement = examples.load("hallefors-2015")
    assessments = assess_agreement(agreement, load_followup("hallefors-2015"), date(2018, 1, 31))
    for obj in (agreement, assessments[0], GenderBalance(women=3, men=4), assessments):
        fragment = render_fragment(obj)
        _no_page(fragment)
        assert fragment.startswith('<div class="dua" lang="sv"><table><caption>')
        # The same HTML a notebook shows, less the stylesheet.
        shown = obj._repr_html_() if hasattr(obj, "_repr_html_") else None
        if shown is not None:
            assert shown.replace(f"<style>{stylesheet()}</style>", "") == fragment
    assert render_fragment(assessments).count("<table") == 1


def test_render_fragment_refuses_what_is_not_a_result() -> None:
    with pytest.raises(TypeError, match="not object"):
        render_fragment(object())
