"""The examples of docs/frames.md (one per engine: pandas, polars, DuckDB SQL table, Dask,
the PySpark API) are executed, so the page cannot rot (issue 9, part 4)."""

from __future__ import annotations

import doctest
import subprocess
import sys
import textwrap
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "frames.md"


def test_docs_page_examples_run() -> None:
    # A code fence right after an expected output would be read as part of it.
    lines = DOCS.read_text(encoding="utf-8").splitlines()
    text = "\n".join("" if line.startswith("```") else line for line in lines)
    test = doctest.DocTestParser().get_doctest(text, {}, "frames.md", str(DOCS), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 30
    assert result.failed == 0


def test_a_session_made_before_the_backends_is_the_one_they_use() -> None:
    """The flaky interaction of test_docs with test_errors/test_import: sqlframe keeps one
    `DuckDBSession` per process, and whoever makes it first decides its connection. In a
    fresh process a session made first (as the docs page's examples may) must still read
    the tables the test backends make."""
    code = """
        from sqlframe.duckdb import DuckDBSession
        import pyarrow as pa
        first = DuckDBSession()
        from tests.frames.backends import BACKENDS, rows, spark_session
        assert spark_session() is first
        frame = BACKENDS["sqlframe"](pa.table({"key": ["p1", "p2"]}))
        print(rows(frame))
    """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=DOCS.parents[1],
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[{'key': 'p1'}, {'key': 'p2'}]"
