"""The examples of docs/frames-results.md are executed, so the page cannot rot (issue 9,
part 3: exports, metrics on frames and follow-up frames)."""

from __future__ import annotations

import doctest
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "frames-results.md"


def test_results_page_examples_run() -> None:
    # A code fence right after an expected output would be read as part of it.
    lines = DOCS.read_text(encoding="utf-8").splitlines()
    text = "\n".join("" if line.startswith("```") else line for line in lines)
    test = doctest.DocTestParser().get_doctest(text, {}, "frames-results.md", str(DOCS), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 20
    assert result.failed == 0
