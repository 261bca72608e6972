"""Shared test configuration: Hypothesis profiles and paths to the seeds."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from dua import i18n

# `ci` is fixed (derandomised) so that a CI run is reproducible; `dev` explores more.
settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=200, deadline=None)
# `make fuzz`: randomised; tests/fuzz multiply their examples by FUZZ_FACTOR under it.
settings.register_profile("fuzz", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# Copies of the five source documents (shared/seeds), kept with the tests so that the
# suite runs from an sdist or a clone alone.
SEEDS = Path(__file__).resolve().parent / "seeds"


@pytest.fixture(scope="session")
def seed_text() -> dict[str, str]:
    """The text of each seed (Swedish source document) by example name."""
    files = {
        "norsjo-2015": "000_6c2433ed2ad30cc1.txt",
        "hallefors-2015": "001_2f543402dc1168cb.txt",
        "ggv-2016": "002_a27c06f992a9b303.txt",
        "norrkoping-2018": "003_3e7c47a48829947a.txt",
        "sjuharad-2020": "004_59e58a48d8f72bd0.txt",
    }
    return {name: (SEEDS / file).read_text(encoding="utf-8") for name, file in files.items()}


@pytest.fixture
def english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Write in English for a test that matches the English words of messages.

    Every message of `dua`, errors included, is written in the current language, Swedish
    by default (issue 12, item 4); a test module that asserts English texts pins English
    with `pytestmark = pytest.mark.usefixtures("english_messages")`, in this process
    (`set_language`) and in any it starts (`DUA_LANG`). The Swedish texts of
    representative messages are asserted in `tests/test_error_messages.py`.
    """
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    i18n.set_language("en")
    yield
    i18n.set_language(None)


def _mutmut_durations() -> dict[str, float]:
    """How long each test took in mutmut's stats run, when the tests run inside mutants/."""
    stats = Path("mutmut-stats.json")
    if not stats.is_file():
        return {}
    durations: dict[str, float] = json.loads(stats.read_text("utf-8"))["duration_by_test"]
    return durations


# Read once, when mutmut's fork server imports this file, not once per mutant.
_DURATIONS = _mutmut_durations()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under `make mutation`, keep only the tests of `MUTATION_TESTS` and run a mutant's
    fastest tests first.

    `make mutation MUTATION_TESTS='tests/metrics …'` passes the paths on as
    `DUA_MUTATION_TESTS`; the tests outside them are deselected, in mutmut's stats run
    (so no mutant is given them) as in every mutant's run (docs/testing.md).

    mutmut runs each mutant's tests with `-x` (the first failure kills it) but, with the
    `forkserver` isolation of `pyproject.toml`, in no particular order; its own `fork`
    runner sorts them by the durations its stats recorded (`mutants/mutmut-stats.json`),
    and this does the same. The same tests run, so no verdict changes, only how soon a
    killed mutant stops. Outside a mutation run (no `MUTANT_UNDER_TEST` naming a mutant)
    the order is left alone.
    """
    paths = os.environ.get("DUA_MUTATION_TESTS", "").split()
    if paths:
        keep = [path.rstrip("/") for path in paths]

        def kept(item: pytest.Item) -> bool:
            file = item.nodeid.split("::")[0]
            return any(file == path or file.startswith(f"{path}/") for path in keep)

        config.hook.pytest_deselected(items=[item for item in items if not kept(item)])
        items[:] = [item for item in items if kept(item)]
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
        return
    durations = _DURATIONS or _mutmut_durations()
    # A test the stats do not know yet (written after them) goes first: it is new for a reason.
    items.sort(key=lambda item: durations.get(item.nodeid, 0.0))
