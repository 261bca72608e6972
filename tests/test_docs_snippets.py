"""The Python snippets of the tutorial and of the reports page run as written (issue 12
item 5: "the tutorial's snippets run as written"). They are not doctests — they show code
to type into a script or a notebook cell — so each fenced `python` block is run in order in
one namespace, in a folder prepared as the page's earlier steps leave it, the way Jupyter
runs a cell: the last expression is displayed, and `display` is Jupyter's built-in.
(docs/notebooks.md is a doctest page, run by tests/test_notebook.py.)"""

from __future__ import annotations

import ast
import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

from dua.cli import main
from dua.display import ResultTable
from dua.metrics.goals import GoalAssessment
from tests.test_notebook import check_accessible_html

DOCS = Path(__file__).resolve().parents[1] / "docs"
# The smallest valid PNG: one transparent pixel (for the reports page's logo).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c636460f85f0f0002870180eb47ba92"
    "0000000049454e44ae426082"
)


def blocks(page: str, language: str) -> list[str]:
    """The fenced code blocks of `language` on a docs page, in order."""
    text = (DOCS / page).read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.MULTILINE | re.DOTALL)


class Cell:
    """Runs code as a notebook cell: the last expression is shown; `display` records."""

    def __init__(self) -> None:
        self.shown: list[Any] = []
        self.namespace: dict[str, Any] = {"display": self.shown.append}
        self.stdout = io.StringIO()

    def run(self, code: str) -> None:
        tree = ast.parse(code)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        with contextlib.redirect_stdout(self.stdout):
            exec(compile(tree, "<docs>", "exec"), self.namespace)  # the docs' own code
            if last is not None:
                expression = ast.Expression(last.value)
                value = eval(compile(expression, "<docs>", "eval"), self.namespace)  # likewise
                if value is not None:
                    self.shown.append(value)


def test_the_tutorial_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    # Step 1 of the tutorial, then step 3's export saved as export.csv (with a BOM, as the
    # page says a Swedish system writes it).
    assert (
        main(["example", "hallefors-2015", "--output", "avtal.toml", "--data", "uppfoljning"]) == 0
    )
    export = next(b for b in blocks("tutorial.md", "text") if b.startswith("indikator;"))
    Path("export.csv").write_text("\ufeff" + export, encoding="utf-8")

    code = blocks("tutorial.md", "python")
    assert len(code) == 3
    cell = Cell()
    cell.run(code[0])
    assert cell.stdout.getvalue().startswith("# Uppföljningsrapport: ")
    assert "| ungdomsarbetsloshet | nivå | uppnått |" in cell.stdout.getvalue()

    cell.run(code[1])  # the assessments as one table
    (overview,) = cell.shown
    assert isinstance(overview, ResultTable)
    assert len(overview) == 5
    page = check_accessible_html(overview._repr_html_())
    assert page.tables == 1
    assert [c for t, a, c in page.cells if t == "th" and a.get("scope") == "row"] == [
        "ungdomsarbetsloshet", "sjalvforsorjning", "traineejobb", "utbildningskontrakt",
        "matchning-20-24",
    ]  # fmt: skip

    cell.shown.clear()
    cell.run(code[2])  # the loop: each assessment displayed (issue 12: it showed nothing)
    assert [type(obj) for obj in cell.shown] == [GoalAssessment] * 5
    for assessment in cell.shown:
        check_accessible_html(assessment._repr_html_())


def test_the_reports_page_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    # The graphic profile's files, as the page names them.
    Path("profil").mkdir()
    Path("profil/kommun.css").write_text(".dua h1 { color: #00527a; }\n", encoding="utf-8")
    Path("profil/logotyp.png").write_bytes(PNG)

    cell = Cell()
    for code in blocks("reports.md", "python"):
        cell.run(code)
    names = cell.namespace
    assert "<h1>Hällefors kommun: " in names["html"]
    assert ".dua h1 { color: #00527a; }" in names["html"]
    assert names["body"].startswith('<article class="dua dua-report" lang="sv">')
    assert names["goals"].count("<table") == 1
    for fragment in (names["body"], names["goals"], names["overview"]):
        assert "<style" not in fragment
    assert names["css"].startswith("/*")
