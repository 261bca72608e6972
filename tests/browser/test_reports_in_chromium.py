"""The HTML report in a real browser (issue 12, item 1; run by `make browser-check`, which
CI runs after `make test`): `dua report --format html` on each example with follow-up data,
in both languages, loaded in headless Chromium from Debian's packages. Each page must
draw (a screenshot that is not blank), show every chart (a visible `<svg role="img">` per
figure) and log no console error, and ask for nothing outside itself.

Chromium is found at `DUA_CHROMIUM` (default `/usr/bin/chromium`; Debian's package
`chromium`). When it is missing these tests fail, they never skip: a broken page cannot land.
Playwright drives it (`executable_path`); no browser is ever downloaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, sync_playwright

from dua import examples
from dua.io.followup import followup_names, load_followup
from dua.report import build_report

CHROMIUM = Path(os.environ.get("DUA_CHROMIUM", "/usr/bin/chromium"))
# Headless, offline, with a fresh profile each run: no sandbox (CI runs as root), no GPU,
# nothing that would reach the network.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The dates of the golden reports (tests/report/test_report.py): after every deadline the
# data covers. An example with follow-up data but no date here fails the check.
DATES = {
    "hallefors-2015": date(2018, 1, 31),
    "ggv-2016": date(2018, 1, 31),
    "norrkoping-2018": date(2021, 1, 31),
    "sjuharad-2020": date(2021, 12, 31),
}
LANGS = ("sv", "en")
CASES = [(name, lang) for name in followup_names() for lang in LANGS]
# A screenshot is blank when (almost) every pixel is the background: a page with text,
# tables and charts darkens far more than this share of its pixels.
INK_SHARE = 0.01


def ink(png: bytes) -> float:
    """The share of pixels of a screenshot that are not near-white."""
    image = Image.open(BytesIO(png)).convert("L")
    histogram = image.histogram()
    return sum(histogram[:240]) / (image.width * image.height)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK), (  # noqa: PT018 -- one condition: an executable file
        f"make browser-check needs Chromium at {CHROMIUM}: install Debian's package "
        "(apt-get install -y chromium) or set DUA_CHROMIUM to its path"
    )
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1200, "height": 900},
        )
        assert context.browser is not None
        yield context.browser
        context.close()


def _open(browser: Browser, url: str) -> tuple[Page, list[str]]:
    """A new page at `url`, with every console error, page error and outside request."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.on(
        "request", lambda r: problems.append(f"outside request: {r.url}") if r.url != url else None
    )
    page.goto(url, wait_until="load")
    return page, problems


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_report_shows_its_charts_in_chromium(
    browser: Browser, tmp_path: Path, name: str, lang: str
) -> None:
    assert name in DATES, f"add a report date for the example {name!r} to DATES"
    output = tmp_path / f"{name}.{lang}.html"
    # The command a user runs, as the done-when of issue 12 says.
    subprocess.run(
        [sys.executable, "-m", "dua", "report", "--example", name, "--on", DATES[name].isoformat(),
         "--format", "html", "--lang", lang, "--output", str(output)],
        check=True,
    )  # fmt: skip
    report = build_report(examples.load(name), load_followup(name), on=DATES[name], lang=lang)
    expected = 1 + sum(1 for goal in report.goals if goal.results)
    expected += report.gender.total is not None

    page, problems = _open(browser, output.as_uri())
    try:
        assert ink(page.screenshot(full_page=True)) > INK_SHARE, "the page is blank"
        figures = page.locator("figure.chart")
        assert figures.count() == expected
        for index in range(expected):
            figure = figures.nth(index)
            svg = figure.locator("svg[role=img]")
            assert svg.count() == 1
            box = svg.bounding_box()
            assert box is not None, "the chart is not laid out"
            assert box["width"] > 200
            assert box["height"] > 100
            # The chart draws something: its own screenshot has ink.
            assert ink(svg.screenshot()) > INK_SHARE, f"chart {index} is blank"
            assert figure.locator("figcaption").inner_text().strip()
        assert page.evaluate("document.documentElement.lang") == lang
        assert problems == []
    finally:
        page.close()


# The check itself can fail: a blank page, a console error and an outside request are seen.


def test_a_blank_page_is_seen_as_blank(browser: Browser, tmp_path: Path) -> None:
    empty = tmp_path / "blank.html"
    empty.write_text("<!DOCTYPE html><html lang='sv'><title>x</title></html>", encoding="utf-8")
    page, problems = _open(browser, empty.as_uri())
    assert ink(page.screenshot(full_page=True)) <= INK_SHARE
    assert page.locator("figure.chart").count() == 0
    assert problems == []
    page.close()


def test_console_errors_and_outside_requests_are_caught(browser: Browser, tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><html><body><p>x</p><script>console.error('boom')</script>"
        "<img src='http://127.0.0.1:9/none.png'></body></html>",
        encoding="utf-8",
    )
    page, problems = _open(browser, broken.as_uri())
    page.wait_for_timeout(500)
    assert "console error: boom" in problems
    assert any(p.startswith("outside request: http://127.0.0.1:9/") for p in problems)
    page.close()
