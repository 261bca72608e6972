"""Error messages in the user's language (issue 12, item 4).

Every message of a `dua.errors` exception, of a `FieldValueError` and of a validation
`Problem` comes from the message catalogue by key (`error.*`), in Swedish by default and
in English on request, with the key and its parameters kept for programs. This module
holds:

- a scan of the source of `dua` (its syntax trees) that fails when such an exception or
  problem is made from a literal or an f-string instead of a catalogue key;
- a table of representative messages in both languages;
- the key and masked parameters kept on errors and problems;
- `dua validate` and `dua report` on bad files: the Swedish run shows no English word,
  the English run no Swedish word (the helpers of `tests/test_language.py`).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import dua
from dua import errors
from dua._catalogue import MESSAGES
from dua.cli import main
from dua.errors import (
    DuaError,
    FieldValueError,
    FileFormatError,
    FrameError,
    InvalidIdentityNumber,
    MissingExtraError,
    Problem,
    RuleNotInForce,
    UnknownMunicipalityError,
    ValidationError,
)
from dua.i18n import KeyedValueError, language, set_language
from dua.identifiers import PersonalIdentityNumber
from dua.io.files import loads_agreement
from dua.io.tables import Column, Layout, parse_csv, parse_date
from dua.municipalities import by_name
from tests.test_language import ENGLISH_ONLY, SWEDISH_ONLY, readable, words

SRC = Path(dua.__file__).parent


@pytest.fixture(autouse=True)
def _no_language_chosen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("DUA_LANG", raising=False)
    set_language(None)
    yield
    set_language(None)


# --- the scan of the source -----------------------------------------------------------------

# Which argument of a call holds the message key (0-based), by the name called.
_KEY_AT: dict[str, int] = {
    "Problem.of": 1,
    "FieldValueError": 1,
    "fail": 1,  # dua.model._base.fail: the error of a model validator
    "FrameError": 1,
    "RowError": 0,
    "KeyedValueError": 0,
    "KeyedTypeError": 0,
    "BeyondLimit": 0,
    "InvalidIdentityNumber": 0,
    "MissingExtraError": 0,
}
# Exceptions made from structured arguments (names, dates, problems), never from a message:
# their messages are made inside `dua.errors` from keys.
_STRUCTURED = frozenset(
    {
        "ValidationError",
        "UnknownExampleError",
        "UnknownProgrammeError",
        "RuleNotInForce",
        "UnknownChartError",
        "UnknownReportFormatError",
    }
)
# Where a key arrives in a variable, each checked by hand: (file, function, variable).
# Every value the variable can take is a literal key at the place that calls the function.
_FORWARDED = frozenset(
    {
        # `_birth_part` returns the key of why the birth date is wrong (literal keys).
        ("identifiers.py", "_canonical", "part"),
        # `missing(path, ref, known, key)` is called with literal `error.reference.*` keys.
        ("model/agreement.py", "missing", "key"),
        # `_raise_at(..., problem, **params)` is called with literal `error.frames.*` keys.
        ("frames/_columns.py", "_raise_at", "problem"),
        # The collector's `problem(path, key, **params)` is called with literal keys.
        ("io/tables.py", "problem", "key"),
        # `fail(field, key, ...)` hands its key on to FieldValueError.
        ("model/_base.py", "fail", "key"),
        # The key of an InvalidIdentityNumber, re-raised as a KeyedValueError.
        ("io/persons.py", "parse", "error.key or ''"),
        # A RowError combined from others keeps the first one's key (or plain message).
        ("io/tables.py", "combine", "first.key or first.message"),
    }
)
# `Problem(path, message, value, key=..., params=...)` built from a problem or an error
# that already has its key: the message was made from that key.
_PROBLEM_COPIES = frozenset(
    {
        ("identifiers.py", "person_from_row"),
    }
)


def _dua_errors() -> set[str]:
    """The names of every `DuaError` class of `dua` (every module imported)."""
    names = set()
    for module in pkgutil.walk_packages(dua.__path__, "dua."):
        if module.name.startswith("dua.testing") or module.name == "dua.__main__":
            continue
        imported = importlib.import_module(module.name)
        for name, value in vars(imported).items():
            if inspect.isclass(value) and issubclass(value, DuaError):
                names.add(name)
    return names


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id == "Problem":
            return f"Problem.{func.attr}"
        return func.attr
    return None


def _keys_of(node: ast.expr) -> list[str] | None:
    """The literal keys an expression can be, or None when it is not only literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _keys_of(node.body), _keys_of(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _functions(tree: ast.AST) -> Iterator[tuple[str, ast.Call]]:
    """Every call with the name of the function (or class body) it is in."""

    def visit(node: ast.AST, where: str) -> Iterator[tuple[str, ast.Call]]:
        for child in ast.iter_child_nodes(node):
            inner = where
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = child.name
            if isinstance(child, ast.Call):
                yield where, child
            yield from visit(child, inner)

    yield from visit(tree, "<module>")


def _violations(root: Path = SRC) -> list[str]:
    keyed = _dua_errors() - _STRUCTURED
    found = []
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if name in ("errors.py", "_catalogue.py", "i18n.py"):
            continue  # the machinery itself: messages there are made from keys
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function, call in _functions(tree):
            called = _called(call)
            if called is None:
                continue
            where = f"{name}:{call.lineno} ({function})"
            if called == "Problem":
                if (name, function) not in _PROBLEM_COPIES:
                    found.append(f"{where}: Problem(...) with a message; use Problem.of(key)")
                continue
            if called in _KEY_AT:
                position = _KEY_AT[called]
            elif called in keyed:
                position = 0
            else:
                continue
            if len(call.args) <= position:
                if called in keyed and not call.args and not call.keywords:
                    continue  # e.g. `raise MissingExtraError` re-raised
                found.append(f"{where}: {called} without a message key")
                continue
            argument = call.args[position]
            keys = _keys_of(argument)
            if keys is None:
                if (name, function, ast.unparse(argument)) in _FORWARDED:
                    continue
                found.append(f"{where}: {called}({ast.unparse(argument)[:60]}) is no key")
                continue
            for key in keys:
                if not key.startswith("error.") or key not in MESSAGES:
                    found.append(f"{where}: {called}({key[:60]!r}) is no catalogue key")
    return found


def test_every_error_message_comes_from_the_catalogue() -> None:
    """Issue 12 item 4: no `dua.errors` exception, `FieldValueError`, `Problem`, row error
    or keyed `ValueError` is made from a literal or an f-string; each names a key of the
    catalogue (`error.*`). The exceptions are listed above, each with its reason."""
    assert _violations() == []


def test_the_scan_finds_a_literal_message(tmp_path: Path) -> None:
    """The scan is not blind: a module that raises with a literal or an f-string, or with
    a key the catalogue lacks, is reported."""
    bad = tmp_path / "_scan_probe.py"
    bad.write_text(
        "from dua.errors import FileFormatError, Problem\n"
        "def f(x):\n"
        "    Problem.of('', 'error.no.such.key')\n"
        "    Problem('', 'a message')\n"
        "    raise FileFormatError(f'{x}: bad')\n",
        encoding="utf-8",
    )
    found = _violations(tmp_path)
    assert len(found) == 3, found
    assert all(line.startswith("_scan_probe.py") for line in found), found


# --- representative messages in both languages --------------------------------------------

MESSAGE_TABLE = [
    (
        lambda: by_name("Narnia"),
        "ingen svensk kommun heter 'Narnia'",
        "no Swedish municipality is called 'Narnia'",
    ),
    (
        lambda: PersonalIdentityNumber("19811228-9875"),
        "inte ett giltigt identitetsnummer: kontrollsiffran (Luhn) stämmer inte "
        "(värde: '19811228-****')",
        "not a valid identity number: the check digit (Luhn) does not match (got '19811228-****')",
    ),
    (
        lambda: loads_agreement("schema_version = 1\nid = 3\n", source="plan.toml"),
        "3 problem i plan.toml:\n"
        "  - id: här ska stå en text, inte ett tal (värde: 3)\n"
        "  - title: en obligatorisk nyckel saknas\n"
        "  - kind: en obligatorisk nyckel saknas",
        "3 problems in plan.toml:\n"
        "  - id: expected a text, not a number (got 3)\n"
        "  - title: required key is missing\n"
        "  - kind: required key is missing",
    ),
    (
        lambda: loads_agreement("schema_version = 1\nid = 3\nsurprise = 1\n"),
        "4 problem:",
        "4 problems:",
    ),
    (
        lambda: parse_csv(
            "datum\n2016-13-01\n",
            Layout("demo", (Column(name="date", swedish="datum", parse=parse_date),)),
            lambda row: row,
            source="x.csv",
        ),
        "1 problem i x.csv:\n  - rad 2, kolumn datum: inget giltigt datum '2016-13-01' "
        "(skriv ÅÅÅÅ-MM-DD)",
        "1 problem in x.csv:\n  - line 2, column datum: not a valid date '2016-13-01' "
        "(write YYYY-MM-DD)",
    ),
    (
        lambda: FrameError("kön", "error.frames.not_one_of", (2, 5), terms="kvinna, man"),
        "kolumnen 'kön': inte någon av kvinna, man (rader 2, 5)",
        "column 'kön': not one of kvinna, man (rows 2, 5)",
    ),
    (
        lambda: FrameError("kön", "error.frames.empty", (7,)),
        "kolumnen 'kön': är tom (rad 7)",
        "column 'kön': is empty (row 7)",
    ),
    (
        lambda: MissingExtraError("error.extra.charts", "pip install 'dua-samverkan[plot]'"),
        "Att rita diagram kräver ett tillägg som inte är installerat: "
        "pip install 'dua-samverkan[plot]'",
        "drawing charts needs an optional extra: pip install 'dua-samverkan[plot]'",
    ),
]


MESSAGE_TABLE += [
    (
        lambda: FileFormatError(
            "error.file.cannot_write",
            file="x.csv",
            reason=errors.os_reason(OSError(28, "No space left on device")),
        ),
        "x.csv: filen går inte att skriva: det finns inget utrymme kvar på enheten",
        "x.csv: cannot write the file: no space left on the device",
    ),
    (
        lambda: __import__("dua.rules.dates").rules.dates.add_days(
            __import__("datetime").date.max, 1
        ),
        "9999-12-31 flyttat 1 dag hamnar utanför kalendern",
        "9999-12-31 moved by 1 day falls outside the calendar",
    ),
    (
        lambda: __import__("dua.report").report.Logo.from_bytes(b"hello", source="logo.png"),
        "logo.png: ingen bild i formatet PNG, JPEG, GIF, WebP eller SVG",
        "logo.png: not a PNG, JPEG, GIF, WebP or SVG image",
    ),
    (
        lambda: parse_csv(
            "datum;värde\n2016-01-01\n",
            Layout(
                "demo",
                (
                    Column(name="date", swedish="datum", parse=parse_date),
                    Column(name="value", swedish="värde", parse=parse_date),
                ),
            ),
            lambda row: row,
            source="x.csv",
        ),
        "1 problem i x.csv:\n  - rad 2: har 1 cell, medan rubrikraden har 2 kolumner",
        "1 problem in x.csv:\n  - line 2: has 1 cell but the header has 2 columns",
    ),
    (
        lambda: by_name("habo").code and by_name("hxbo"),
        "ingen svensk kommun heter 'hxbo'",
        "no Swedish municipality is called 'hxbo'",
    ),
]


def _message(make: object) -> str:
    assert callable(make)
    try:
        made = make()
    except (DuaError, ValueError) as error:
        return str(error)
    assert isinstance(made, Exception), made
    return str(made)


@pytest.mark.parametrize(("make", "sv", "en"), MESSAGE_TABLE)
def test_messages_in_both_languages(make: object, sv: str, en: str) -> None:
    """Issue 12 item 4: the same error in Swedish (the default) and in English."""
    assert _message(make).startswith(sv)
    with language("en"):
        assert _message(make).startswith(en)


def test_swedish_plurals_of_problems_and_rows() -> None:
    """ "1 problem"/"2 problem", "1 rad"/"2 rader" (and the English forms)."""
    one = [Problem.of("a", "error.structure.missing_key")]
    two = one * 2
    assert str(ValidationError(one)).startswith("1 problem:")
    assert str(ValidationError(two)).startswith("2 problem:")
    with language("en"):
        assert str(ValidationError(one)).startswith("1 problem:")
        assert str(ValidationError(two)).startswith("2 problems:")
    assert str(FrameError("x", "error.frames.empty", (1,))).endswith("(rad 1)")
    assert str(FrameError("x", "error.frames.empty", (1, 2))).endswith("(rader 1, 2)")
    many = [Problem.of(f"p{i}", "error.structure.missing_key") for i in range(53)]
    assert str(ValidationError(many)).endswith("… och 3 till (alla finns i `.problems`)")
    with language("en"):
        assert str(ValidationError(many)).endswith("… and 3 more (all are in `.problems`)")


def test_the_language_is_the_one_current_when_the_error_is_made() -> None:
    """The message is written once, when the error is made; a later change of language
    does not rewrite it (`DUA_LANG`, `set_language`, a `language` block or `--lang`)."""
    with language("en"):
        error = UnknownMunicipalityError("error.municipality.unknown_name", name="'X'")
    assert str(error) == "no Swedish municipality is called 'X'"
    set_language("en")
    assert str(KeyedValueError("error.date.not_iso")) == "not a date written YYYY-MM-DD"


def test_dua_lang_chooses_the_language_of_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUA_LANG", "en")
    assert str(FileFormatError("error.table.no_such_file", file="x.csv")) == "x.csv: no such file"
    monkeypatch.setenv("DUA_LANG", "sv")
    assert (
        str(FileFormatError("error.table.no_such_file", file="x.csv")) == "x.csv: filen finns inte"
    )


# --- keys and parameters for programs -------------------------------------------------------


def test_errors_and_problems_keep_their_key_and_parameters() -> None:
    """Programs match errors by key, not by words, in either language."""
    for lang in ("sv", "en"):
        with language(lang), pytest.raises(ValidationError) as caught:
            loads_agreement("schema_version = 1\nid = 3\n")
        error = caught.value
        assert error.key == "error.validation"
        assert error.params == {"n": 3, "source": None}
        assert error.keys == (
            "error.structure.expected_text",
            "error.structure.missing_key",
            "error.structure.missing_key",
        )
        assert error.problems[0].params["kind"] in ("ett tal", "a number")
    rule = RuleNotInForce("rule", *(__import__("datetime").date(2000, 1, n) for n in (1, 2)), None)
    assert rule.key == "error.rule.not_in_force_open"
    assert rule.params == {"rule": "rule", "on": "2000-01-01", "start": "2000-01-02"}
    with pytest.raises(InvalidIdentityNumber) as wrong:
        PersonalIdentityNumber("19811228-9875")
    assert wrong.value.key == "error.identity.invalid"
    assert wrong.value.reason_key == "error.identity.check_digit"
    field = FieldValueError("end", "error.field.end_before_start", 3, start="2020-01-01")
    assert (field.key, field.params, field.value) == (
        "error.field.end_before_start",
        {"start": "2020-01-01"},
        "3",
    )


def test_parameters_are_masked_as_the_message_is() -> None:
    """The privacy boundary holds for the parameters too: an identity number handed to a
    message is masked in the message, in `params` and in a problem's `params`."""
    number = "19811228-9874"
    error = FileFormatError("error.table.no_such_file", file=number)
    assert number not in str(error)
    assert number not in repr(error.params)
    problem = Problem.of("p", "error.followup.identity_key", shown=number, module="m")
    assert number not in str(problem)
    assert number not in repr(problem.params)
    assert "19811228-****" in str(problem.params["shown"])
    big = FileFormatError("error.table.no_such_file", file=198112289874)
    assert "198112289874" not in str(big)
    assert "198112289874" not in repr(big.params)


def test_the_old_way_with_a_plain_message_still_works() -> None:
    """Code outside `dua` that makes a `DuaError` from a message gets it as it is (masked),
    with no key."""
    error = FileFormatError("something odd in 19811228-9874")
    assert str(error) == "something odd in 19811228-****"
    assert error.key is None
    assert error.params == {}


# --- the command on bad files -------------------------------------------------------------

BAD_AGREEMENT = """\
schema_version = 1
id = "x"
title = "Lokal överenskommelse"
kind = "lokal överenskommelse om samverkan"
surprise = 1

[validity]
start = 2016-01-01
end = 2015-01-01

[[parties]]
id = "a"
name = "Kommunen"
kind = "kommun"
municipality_code = "12"
"""

BAD_OBSERVATIONS = """\
indikator;enhet;datum;värde;okänd
andel i arbete;procent;2016-13-01;tre;1
andel i arbete;procent;2016-12-01;12,5
;procent;;;
"""


def _run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(arguments)
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize(("lang", "foreign"), [("sv", ENGLISH_ONLY), ("en", SWEDISH_ONLY)])
def test_bad_files_are_reported_in_one_language(
    lang: str,
    foreign: frozenset[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 12 item 4: `dua validate` and `dua report` on bad files show their problems in
    the chosen language only (`--lang`, or `DUA_LANG`), the files' own words aside."""
    agreement = tmp_path / "plan.toml"
    agreement.write_text(BAD_AGREEMENT, encoding="utf-8")
    observations = tmp_path / "obs.csv"
    observations.write_text(BAD_OBSERVATIONS, encoding="utf-8")
    own = words(BAD_AGREEMENT) | words(BAD_OBSERVATIONS)
    # What this leaves out of the check: the files' column headers (`datum`, `värde`), a
    # value (`andel`) and the agreement's kind as the format spells it (`överenskommelse`).
    assert own & foreign <= {"datum", "andel", "date", "värde", "överenskommelse"}
    runs = [
        ["validate", str(agreement)],
        ["validate", str(tmp_path / "missing.toml")],
        ["validate", str(tmp_path / "plan.txt")],
        ["report", "--example", "hallefors-2015", "--observations", str(observations)],
        ["report", str(agreement)],
    ]
    for arguments in runs:
        status, output = _run(["--lang", lang, *arguments], capsys)
        assert status == 1, (arguments, output)
        shown = readable(output.replace(str(tmp_path), " "))
        # The files' own words (column names, values) are shown as the files write them.
        mixed = words(shown) & foreign - own
        assert not mixed, (arguments, sorted(mixed), output)
    # The same through the environment variable, without --lang.
    monkeypatch.setenv("DUA_LANG", lang)
    status, output = _run(["validate", str(agreement)], capsys)
    assert status == 1
    assert not words(readable(output.replace(str(tmp_path), " "))) & foreign - own


def test_a_swedish_run_says_it_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not only free of English: the Swedish words are there (a table of what a Swedish
    run of `dua validate` prints for the bad agreement)."""
    agreement = tmp_path / "plan.toml"
    agreement.write_text(BAD_AGREEMENT, encoding="utf-8")
    status, output = _run(["validate", str(agreement)], capsys)
    assert status == 1
    for expected in (
        "problem i",
        "surprise: okänd nyckel (kontrollera stavningen; se `dua schema`)",
        "validity.end: slutet får inte ligga före början 2016-01-01 (värde: 2015-01-01)",
        "ingen kommunkod från SCB",
    ):
        assert expected in output, (expected, output)
    status, output = _run(["--lang", "en", "validate", str(agreement)], capsys)
    assert "surprise: unknown key (check the spelling; see `dua schema`)" in output
    assert re.search(r"\d+ problems in ", output), output


def test_every_module_of_dua_was_scanned() -> None:
    """The scan reads every module of the package (none is skipped by accident)."""
    scanned = {path.relative_to(SRC).as_posix() for path in SRC.rglob("*.py")}
    assert {"io/tables.py", "model/_converter.py", "frames/_columns.py", "cli.py"} <= scanned
    assert sys.modules["dua.errors"] is errors
