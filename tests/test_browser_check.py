"""`make browser-check` (issue 12, item 1) cannot pass by accident: without Chromium it
fails with the command that installs it (it never skips), and CI runs it after `make test`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_browser_check_fails_without_chromium(tmp_path: Path) -> None:
    missing = tmp_path / "no-chromium"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-header",
         str(ROOT / "tests" / "browser"), "-k", "hallefors and sv"],
        cwd=ROOT,
        env={**os.environ, "DUA_CHROMIUM": str(missing)},
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert run.returncode != 0, run.stdout
    assert "skipped" not in run.stdout
    assert f"make browser-check needs Chromium at {missing}" in run.stdout
    assert "apt-get install -y chromium" in run.stdout


def test_make_and_ci_run_the_browser_check_after_the_tests() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^browser-check: .*\n\t(.+)$", makefile, re.MULTILINE)
    assert recipe is not None
    assert "tests/browser" in recipe[1]
    unit = re.search(r"^unit: .*\n\t(.+)$", makefile, re.MULTILINE)
    assert unit is not None
    assert "--ignore=tests/browser" in unit[1]  # `make test` stays browser-free
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines() if line.strip().startswith("make ")]
    assert commands == ["make test", "make browser-check"]
    assert "apt-get install -y --no-install-recommends chromium" in ci
