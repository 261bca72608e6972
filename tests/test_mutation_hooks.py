"""The hooks `make mutation` relies on (tests/conftest.py, docs/testing.md, issue 8 item 4):
`MUTATION_TESTS` keeps only the tests under the paths it names, and a mutant's tests run
fastest first, by the durations of mutmut's stats."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests import conftest

IDS = [
    "tests/metrics/test_numbers.py::test_slow",
    "tests/metrics/test_numbers.py::test_fast",
    "tests/metricsx/test_other.py::test_a",
    "tests/examples/test_ggv_2016.py::test_b[x::y]",
    "tests/test_notebook.py::test_c",
]


def _run_hook(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    deselected: list[Any] = []
    config = SimpleNamespace(
        hook=SimpleNamespace(pytest_deselected=lambda items: deselected.extend(items))
    )
    items: list[Any] = [SimpleNamespace(nodeid=nodeid) for nodeid in IDS]
    conftest.pytest_collection_modifyitems(config, items)  # type: ignore[arg-type]  # stand-ins with a nodeid
    return [item.nodeid for item in items], [item.nodeid for item in deselected]


def test_outside_a_mutation_run_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DUA_MUTATION_TESTS", raising=False)
    monkeypatch.delenv("MUTANT_UNDER_TEST", raising=False)
    assert _run_hook(monkeypatch) == (IDS, [])


def test_mutation_tests_keep_only_the_named_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder keeps what is inside it (not `tests/metricsx`), a file keeps itself."""
    monkeypatch.setenv("DUA_MUTATION_TESTS", "tests/metrics/ tests/examples/test_ggv_2016.py")
    monkeypatch.delenv("MUTANT_UNDER_TEST", raising=False)
    kept, dropped = _run_hook(monkeypatch)
    assert kept == [IDS[0], IDS[1], IDS[3]]
    assert dropped == [IDS[2], IDS[4]]


def test_a_mutant_runs_its_fastest_tests_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Durations from mutmut's stats in the working directory; a test they do not know
    (written after the stats) goes first. The stats run itself is not reordered."""
    durations = {IDS[0]: 9.0, IDS[1]: 0.5, IDS[2]: 2.0, IDS[4]: 1.0}
    (tmp_path / "mutmut-stats.json").write_text(json.dumps({"duration_by_test": durations}))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(conftest, "_DURATIONS", {})
    monkeypatch.delenv("DUA_MUTATION_TESTS", raising=False)
    monkeypatch.setenv("MUTANT_UNDER_TEST", "stats")
    assert _run_hook(monkeypatch) == (IDS, [])
    monkeypatch.setenv("MUTANT_UNDER_TEST", "dua.metrics.numbers.x_to_fraction__mutmut_3")
    kept, _ = _run_hook(monkeypatch)
    assert kept == [IDS[3], IDS[1], IDS[4], IDS[2], IDS[0]]
