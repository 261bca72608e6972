"""The strict docs build can fail (issue 8, item 5).

`make docs` once ran `mkdocs build --strict --quiet`; `--quiet` hides the warnings, so the
strict build passed with four broken cross-references. These tests run the Makefile's own
`docs` recipe on a one-page site with the project's mkdocs configuration (theme, plugins,
mkdocstrings options) and require that a broken cross-reference fails it, and that the same
page with a working reference builds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _site(tmp_path: Path, broken: bool) -> Path:
    """The project's whole docs site and mkdocs.yml, copied; with one broken link if asked."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    if broken:
        index = docs / "index.md"
        text = index.read_text(encoding="utf-8")
        index.write_text(text + "\nSee [the error][dua.errors.NoSuchError].\n", encoding="utf-8")
    config["docs_dir"] = str(docs)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "mkdocstrings" in plugin:
            plugin["mkdocstrings"]["handlers"]["python"]["paths"] = [str(ROOT / "src")]
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def _make_docs(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """Run `make docs` with this interpreter's tools, not rebuilding the venv."""
    make = shutil.which("make")
    assert make is not None, "make is needed to run the Makefile's recipe"
    return subprocess.run(
        [
            make,
            "--no-print-directory",
            "-C",
            str(ROOT),
            "-o",
            ".venv/.installed-dev",
            f"BIN={Path(sys.executable).parent}",
            f"MKDOCS_CONFIG={config}",
            f"SITE_DIR={site}",
            "docs",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_a_broken_cross_reference_fails_make_docs(tmp_path: Path) -> None:
    result = _make_docs(_site(tmp_path, broken=True), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Could not find cross-reference target 'dua.errors.NoSuchError'" in output
    # The planted link is the only problem: the copied site is otherwise clean.
    assert "Aborted with 1 warnings in strict mode" in output


def test_the_copied_site_builds_without_the_broken_link(tmp_path: Path) -> None:
    # The control: the same copy without the planted link passes the same recipe.
    result = _make_docs(_site(tmp_path, broken=False), tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "index.html").exists()


def test_the_recipe_has_no_quiet_flag() -> None:
    # The flag that made the strict build unable to fail must not come back.
    result = subprocess.run(
        [
            "make",
            "-n",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "-o",
            ".venv/.installed-dev",
            "docs",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "mkdocs build --strict" in result.stdout
    assert "--quiet" not in result.stdout
    assert " -q" not in result.stdout
