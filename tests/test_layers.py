"""The import contracts in `.importlinter` hold, and they can fail (issue 8, item 7).

`make lint` runs `lint-imports` on the package. A check that cannot fail proves nothing,
so each case below copies the package, adds one import that breaks the layering (or makes
a cycle, as the report modules and `identifiers ↔ io.persons` once did), and runs the same
contracts on the copy: they must be broken, with a message that names the offence.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
CONFIG = ROOT / ".importlinter"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(source: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the project's contracts on the package `dua` found under `source`."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(CONFIG)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of `src/dua` under `tmp_path/src`, to break on purpose."""
    shutil.copytree(
        ROOT / "src" / "dua", tmp_path / "src" / "dua", ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path / "src"


def test_the_package_keeps_every_contract(tmp_path: Path) -> None:
    run = _lint_imports(ROOT / "src", tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_an_unchanged_copy_keeps_every_contract(copy: Path) -> None:
    # So that the failures below come from the added import, not from the copying.
    run = _lint_imports(copy, copy.parent)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    ("module", "added", "message"),
    [
        # The model is the bottom of the domain: it reads no files.
        ("model/goal.py", "import dua.io", "dua.model is not allowed to import dua.io"),
        # The converter once lived in dua.io and the rules reached up for it.
        (
            "rules/programmes.py",
            "from dua.io import structure",
            "dua.rules is not allowed to import dua.io",
        ),
        (
            "identifiers.py",
            "import dua.io.persons",
            "dua.identifiers is not allowed to import dua.io",
        ),
        # Metrics build on rules (an age on a date), never the other way round.
        ("rules/dates.py", "import dua.metrics", "dua.rules is not allowed to import dua.metrics"),
        (
            "metrics/gender.py",
            "import dua.report",
            "dua.metrics is not allowed to import dua.report",
        ),
        ("io/files.py", "import dua.cli", "dua.io is not allowed to import dua.cli"),
        # Nothing in the library needs Hypothesis.
        (
            "report/_build.py",
            "import dua.testing",
            "dua.report is not allowed to import dua.testing",
        ),
        ("errors.py", "import dua.model", "dua.errors is not allowed to import dua.model"),
        # Independent siblings: the report does not read files, the files do not report.
        ("report/_text.py", "import dua.io", "dua.report is not allowed to import dua.io"),
        # A cycle inside a package: the report's words importing the report at run time.
        ("report/_text.py", "from dua.report import _build", "No cycles are allowed in dua.report"),
    ],
)
def test_an_upward_import_or_a_cycle_breaks_a_contract(
    copy: Path, module: str, added: str, message: str
) -> None:
    path = copy / "dua" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    run = _lint_imports(copy, copy.parent)
    assert run.returncode != 0, run.stdout
    assert message in run.stdout, run.stdout
