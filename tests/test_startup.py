"""A command that starts fast (issue 10, item 4): which modules each cheap entry point
loads, and the lazy names of `dua`'s packages.

`import dua` loads none of its modules until they are used (PEP 562, `dua._lazy`), and the
`dua` command imports a command's modules only when that command runs. The timings are a
benchmark (`benchmarks/startup.py`, `make bench`); what is checked here is the cause: a
fresh process, the entry point, then `sys.modules`.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "dua"

# Loaded by none of the cheap entry points: the network and terminal modules python-stdnum
# pulls in, the converter, the writers, the date and calendar libraries, frames, progress
# bars and templates.
HEAVY = (
    "cattrs",
    "stdnum",
    "ssl",
    "socket",
    "pydoc",
    "dateutil",
    "tomli_w",
    "icalendar",
    "openpyxl",
    "narwhals",
    "jinja2",
    "matplotlib",
    "tqdm",
    "rich",
    "hypothesis",
)


def _loaded_after(code: str) -> list[str]:
    """The modules in `sys.modules` after running `code` in a fresh process."""
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert run.returncode == 0, run.stderr
    loaded: list[str] = json.loads(run.stdout.splitlines()[-1])
    return loaded


def _heavy(loaded: list[str]) -> list[str]:
    return [name for name in loaded if name.split(".")[0] in HEAVY]


def test_import_dua_loads_only_itself() -> None:
    loaded = _loaded_after("import dua")
    assert [name for name in loaded if name.startswith("dua")] == [
        "dua",
        "dua._lazy",
        "dua._privacy",
    ]
    assert _heavy(loaded) == []
    assert "attrs" not in loaded


def test_dua_version_loads_no_model_converter_or_rule() -> None:
    loaded = _loaded_after(
        """
        import contextlib, io
        from dua.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                main(["--version"])
            except SystemExit:
                pass
        """
    )
    assert _heavy(loaded) == []
    ours = {name for name in loaded if name.startswith("dua")}
    assert ours == {
        "dua",
        "dua._lazy",
        "dua._privacy",
        "dua.cli",
        "dua.errors",
        "dua.examples",
        # The language setting (the `--lang` choices, DUA_LANG): a small module of the
        # standard library's imports only; and the catalogue, plain data that imports
        # nothing, since the parser (its help texts, argparse's words) is built in the
        # run's language (issue 12 items 4 and 6).
        "dua._catalogue",
        "dua.i18n",
        "dua.limits",
    }


def test_dua_report_loads_only_what_a_report_needs() -> None:
    loaded = _loaded_after(
        """
        import contextlib, io
        from dua.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["report", "--example", "hallefors-2015", "--on", "2017-12-31"]) == 0
        """
    )
    # What a report does not use: calendars, schedules, KAA, registers, frames, the schema,
    # the TOML writer, templates, progress bars.
    unused = (
        "dua.schedule",
        "dua.io.ical",
        "dua.io.persons",
        "dua.io.schema",
        "dua.rules.kaa",
        "dua.rules.programmes",
        "dua.frames",
        "dua.testing",
        "dua.summary",
        "icalendar",
        "tomli_w",
        "narwhals",
        "jinja2",
        "matplotlib",
        "tqdm",
        "rich",
        "hypothesis",
    )
    assert [name for name in unused if name in loaded] == []
    # A bundled example's organisation numbers are known valid (`dua.model._base`), ages
    # need no `relativedelta`, and nothing is written: python-stdnum (with ssl, socket and
    # pydoc), dateutil and `secrets` stay unloaded.
    not_needed = ("stdnum", "ssl", "socket", "pydoc", "dateutil", "secrets")
    assert [name for name in loaded if name.split(".")[0] in not_needed] == []


def test_every_command_still_finds_its_modules() -> None:
    """Each command imports its modules when it runs: run each once, in one fresh process,
    so that a name a command no longer imports fails here, not for a user."""
    run = subprocess.run(
        [sys.executable, "-m", "dua", "schedule", "--example", "sjuharad-2020",
         "--from", "2021-01-01", "--ics", "-"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("BEGIN:VCALENDAR")
    for argv in (["schema"], ["show", "--example", "ggv-2016"], ["example", "ggv-2016"],
                 ["check", "--example", "ggv-2016"], ["validate", "-"]):  # fmt: skip
        run = subprocess.run(
            [sys.executable, "-m", "dua", *argv],
            input="" if argv != ["validate", "-"] else _example_text(),
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert run.returncode == 0, (argv, run.stderr)


def _example_text() -> str:
    from dua import examples

    return examples.text("ggv-2016")


def test_the_parser_knows_the_report_formats() -> None:
    from dua import cli, report

    assert cli._REPORT_FORMATS == report.FORMATS


# ---------------------------------------------------------------------------------------------
# Lazy names: what each package lists for `dua._lazy.attach` is what it imports under
# `if TYPE_CHECKING:` (for mypy and the docs) and what `__all__` promises.

LAZY_PACKAGES = ("dua", "dua.io", "dua.metrics", "dua.model", "dua.rules")


def _init_of(package: str) -> Path:
    return SRC.joinpath(*package.split(".")[1:], "__init__.py")


def _lazy_names(tree: ast.Module, package: str) -> dict[str, str]:
    """Each lazy name and its module, read from the package's `_lazy.attach(...)` call."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "_lazy.attach":
            keywords = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
            names = {name: f"{package}.{name}" for name in keywords.get("submodules", ())}
            for module, attributes in keywords.get("attributes", {}).items():
                names.update(dict.fromkeys(attributes, module))
            return names
    raise AssertionError(f"{package} has no _lazy.attach call")


def _type_checking_imports(tree: ast.Module) -> dict[str, str]:
    names = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                for alias in statement.names:
                    module = f"{statement.module}"
                    submodule = f"{module}.{alias.name}"
                    names[alias.asname or alias.name] = (
                        submodule if _init_of_exists(submodule) else module
                    )
    return names


def _init_of_exists(module: str) -> bool:
    parts = module.split(".")[1:]
    return SRC.joinpath(*parts).with_suffix(".py").exists() or SRC.joinpath(*parts).is_dir()


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_lazy_names_are_the_type_checking_imports_and_in_all(package: str) -> None:
    tree = ast.parse(_init_of(package).read_text(encoding="utf-8"))
    lazy = _lazy_names(tree, package)
    assert lazy == _type_checking_imports(tree)
    module = importlib.import_module(package)
    assert set(lazy) <= set(module.__all__)
    eager = set(module.__all__) - set(lazy)
    assert all(name in vars(module) for name in eager)


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_public_name_of_a_lazy_package_resolves_in_a_fresh_process(package: str) -> None:
    loaded = _loaded_after(
        f"""
        import {package} as package
        listed = set(dir(package))
        for name in package.__all__:
            assert getattr(package, name) is not None, name
            assert name in listed, name
        try:
            package.no_such_name
        except AttributeError as error:
            assert "no_such_name" in str(error)
        else:
            raise AssertionError("an unknown name must raise AttributeError")
        """
    )
    assert package in loaded


def test_a_lazily_loaded_class_shows_itself_through_the_privacy_boundary() -> None:
    """The boundary wraps each module as it is imported, whichever way (docs/personal-data.md):
    directly, through a package's lazy name, or with importlib."""
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(
            """
            import importlib
            import dua.rules.kaa
            from dua.model import OrganisationNumber, Person
            summary = importlib.import_module("dua.summary")
            from dua.io.followup import FollowUpData  # a re-export: its own module wraps it
            for cls in (dua.rules.kaa.KaaRegister, Person, FollowUpData):
                assert cls.__repr__.__wrapped__, cls
            print(repr(dua.model.Period.__repr__.__wrapped__ is not None))
            """
        )],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "True"
