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

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _site(tmp_path: Path, page: str) -> Path:
    """A copy of the project's mkdocs.yml for one page, and that page."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(page, encoding="utf-8")
    config["docs_dir"] = str(docs)
    config["nav"] = [{"Home": "index.md"}]
    config["markdown_extensions"] = [
        ext for ext in config["markdown_extensions"] if "snippets" not in str(ext)
    ]
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


PAGE = """# Page

::: dua.errors.DuaError

See [the base error][{target}].
"""


@pytest.mark.parametrize(
    ("target", "builds"),
    [("dua.errors.DuaError", True), ("dua.errors.NoSuchError", False)],
)
def test_a_broken_cross_reference_fails_make_docs(
    tmp_path: Path, target: str, builds: bool
) -> None:
    result = _make_docs(_site(tmp_path, PAGE.format(target=target)), tmp_path / "site")
    output = result.stdout + result.stderr
    if builds:
        assert result.returncode == 0, output
        assert (tmp_path / "site" / "index.html").exists()
    else:
        assert result.returncode != 0, output
        assert "Could not find cross-reference target 'dua.errors.NoSuchError'" in output
        assert "Aborted with 1 warnings in strict mode" in output


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
