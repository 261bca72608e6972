"""What every fuzz test shares (issue 8, item 3): the budget, hostile values and
mutations, planted identity numbers, and the checks every input must pass.

The budget: under the `ci` profile (derandomised, as `make test` runs it) each fuzz test
runs its base number of examples, so that the whole of `tests/fuzz` takes about 25 CPU
seconds (under a minute on two cores); under `HYPOTHESIS_PROFILE=fuzz` (`make fuzz`) each runs
`FUZZ_FACTOR` times as many, randomised.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import date
from typing import Any, TypeVar

import tomli_w
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from stdnum import luhn

from dua.cli import main
from dua.errors import DuaError

T = TypeVar("T")

FUZZ_FACTOR = 40
"""How many times more examples `make fuzz` runs than `make test`."""

MAX_SECONDS = 1.0
"""CPU seconds one input may take (issue 8: at most 1 s per file up to 1 MB)."""


def fuzz_settings(examples: int) -> settings:
    """Settings for a fuzz test of `examples` examples in `make test`."""
    long_run = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
    return settings(
        max_examples=examples * (FUZZ_FACTOR if long_run else 1),
        deadline=None,
        # The bounded run reports a failing input as found (with its reproduce blob):
        # shrinking one that runs a whole report can take Hypothesis's full five minutes.
        # The long run shrinks.
        phases=list(Phase) if long_run else [p for p in Phase if p is not Phase.shrink],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
    )


# -- identity numbers planted in inputs -----------------------------------------------


@st.composite
def personal_identity_numbers(draw: st.DrawFn) -> str:
    """A valid personnummer or samordningsnummer as `YYYYMMDD-NNNC` (Luhn check digit)."""
    born = draw(st.dates(min_value=date(1930, 1, 1), max_value=date(2015, 12, 31)))
    day = born.day + (60 if draw(st.booleans()) else 0)  # samordningsnummer: day + 60
    serial = draw(st.integers(min_value=0, max_value=999))
    nine = f"{born:%y%m}{day:02d}{serial:03d}"
    return f"{born:%Y%m}{day:02d}-{serial:03d}{luhn.calc_check_digit(nine)}"


def identity_forms(number: str) -> tuple[str, ...]:
    """Every way `number` (`YYYYMMDD-NNNC`) could show in output, mask-free."""
    digits = number.replace("-", "")
    return (digits, digits[2:], f"{digits[:8]}-{digits[8:]}", f"{digits[2:8]}-{digits[8:]}",
            f"{digits[2:8]}+{digits[8:]}", f"{digits[:8]} {digits[8:]}")  # fmt: skip


def assert_no_identity_number(text: str, planted: list[str]) -> None:
    """No planted number in `text` in any form, nor its last four digits after a birth date."""
    for number in planted:
        for form in identity_forms(number):
            assert form not in text, f"identity number {form[:6]}… shown in output"
        tail = number[-4:]
        assert not re.search(rf"{number[2:8]}[-+ ]?{tail}", text)


# -- hostile values ---------------------------------------------------------------------

HOSTILE_TEXTS = (
    "1e999999999", "-1e999999999", "1e9999", "1e-999999999", "0E-999999999", "9" * 5000,
    "9" * 31, "NaN", "inf", "-Infinity", "1_000", "0x10", "1,5", "21,0 %", "1 744", "",
    " ", "\ud800", "a\udfffb", "\x00", "\r\n", "20150203", "2015-W05-2", "2015-034",
    "9999-12-31", "0001-01-01", "10000-01-01", "2015-02-30", "2016-09-30T12:00",
    "2016/2015", "2016-01-01/2015-01-01", "9999", "9999-12", "0000", "x" * 70_000,
    "a.b.c.d", "[[[[", "{{{{", '"""', "'''", "=", "#", ";", ",", '"', "\\", "kvinna",
    "1863", "0114", "212000-1942", "ja", "true",
)  # fmt: skip
"""Texts that have broken or could break a reader: huge and tiny numbers, lone surrogates,
the other ISO date forms, calendar ends, very long texts, TOML and CSV syntax."""


def _nested(depth: int, leaf: object, kind: str) -> object:
    value = leaf
    for _ in range(depth):
        value = [value] if kind == "list" else {"a": value}
    return value


HOSTILE_VALUES: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.sampled_from([10**40, -(10**40), 10**4400, 1e308, -1e-308, 0, -1, True, None, [], {}]),
    st.builds(_nested, st.integers(30, 200), st.just(1), st.sampled_from(["list", "dict"])),
    st.dates(),
    st.text(max_size=30),
    st.integers(),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    personal_identity_numbers(),
)
"""Values that a structural mutation puts into a parsed file."""


def _paths(value: object, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


@st.composite
def mutated_trees(draw: st.DrawFn, tree: Any, count: int = 3) -> Any:
    """`tree` (plain data of a file) with up to `count` structural mutations: a value
    replaced, a key removed or added, a list element repeated or dropped, a table turned
    into a list."""
    import copy

    tree = copy.deepcopy(tree)
    for _ in range(draw(st.integers(1, count))):
        paths = [p for p in _paths(tree) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _get(tree, path[:-1])
        step = path[-1]
        operation = draw(st.sampled_from(["replace", "replace", "remove", "add", "repeat", "wrap"]))
        if operation == "replace":
            parent[step] = draw(HOSTILE_VALUES)
        elif operation == "remove":
            del parent[step]
        elif operation == "add":
            if isinstance(parent, dict):
                key = draw(st.one_of(st.sampled_from(HOSTILE_TEXTS[:20]), st.text(max_size=8)))
                parent[key] = draw(HOSTILE_VALUES)
            else:
                parent.insert(step, draw(HOSTILE_VALUES))
        elif operation == "repeat" and isinstance(parent, list):
            parent.extend([parent[step]] * draw(st.integers(1, 3)))
        else:
            parent[step] = [parent[step]]
    return tree


SNIPPETS = (
    b"[" * 40, b"[" * 5000, b"{a=" * 50, b"a." * 100, b"a." * 20_000, b'"\\ud800"',
    b"\\ud800", b"1e999999999", b"1e9999", b"9" * 5000, b"\xff\xfe", b"\xef\xbb\xbf",
    b"\x00", b"\r", b'"""', b"'''", b"=", b"#", b"\n[[goals]]\n", b"\n[parties]\n",
    b'"20150203"', b"2015-W05-2", b"9999-12-31", b"0001-01-01", b'"id": "x", "id": "y"',
    b"NaN", b"-Infinity", b",", b";", b'"', b"\n", b"19900101-1239",
)  # fmt: skip
"""Byte strings that a byte-wise mutation inserts."""


@st.composite
def mutated_bytes(draw: st.DrawFn, data: bytes, count: int = 4) -> bytes:
    """`data` with up to `count` byte-wise mutations: a slice deleted, repeated or moved,
    a snippet inserted, a byte changed."""
    for _ in range(draw(st.integers(1, count))):
        size = len(data)
        start = draw(st.integers(0, size))
        end = draw(st.integers(start, min(size, start + 200)))
        operation = draw(st.sampled_from(["delete", "insert", "insert", "repeat", "byte"]))
        if operation == "delete":
            data = data[:start] + data[end:]
        elif operation == "insert":
            snippet = draw(st.one_of(st.sampled_from(SNIPPETS), st.binary(max_size=8)))
            data = data[:start] + snippet + data[start:]
        elif operation == "repeat":
            data = data[:end] + data[start:end] * draw(st.integers(1, 50)) + data[end:]
        elif size:
            index = min(start, size - 1)
            data = data[:index] + bytes([draw(st.integers(0, 255))]) + data[index + 1 :]
    return data


@contextmanager
def unlimited_int_text() -> Iterator[None]:
    """Let the test *write* integers of more than 4 300 digits, so that the reader under
    test is the one that has to refuse them."""
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(before)


def json_text(tree: Any) -> str:
    """`tree` as JSON text (dates as ISO texts, a lone surrogate as its escape)."""
    with unlimited_int_text():
        return json.dumps(tree, default=str)


def toml_text(tree: Any) -> str | None:
    """`tree` as TOML text, or `None` for a tree TOML cannot hold (a null, or a list at
    the top)."""
    try:
        with unlimited_int_text():
            return tomli_w.dumps(tree)
    except (TypeError, ValueError):
        return None


# -- the checks --------------------------------------------------------------------------


@contextmanager
def within_time(what: str, seconds: float = MAX_SECONDS) -> Iterator[None]:
    """The block takes at most `seconds` of CPU time (other processes do not count)."""
    start = time.process_time()
    yield
    spent = time.process_time() - start
    assert spent <= seconds, f"{what} took {spent:.2f} s of CPU time"


def contained(call: Callable[[], T], what: str, seconds: float = MAX_SECONDS) -> T | DuaError:
    """The result of `call`, or the `dua.errors` exception it raised; any other exception
    fails the test, and so does taking more than `seconds`."""
    with within_time(what, seconds):
        try:
            return call()
        except DuaError as error:
            str(error)  # a message that cannot be built is a crash too
            return error


def run_cli(argv: list[str], seconds: float = MAX_SECONDS) -> tuple[int, str, str]:
    """`dua ARGV` in-process: (status, stdout, stderr), checked: status 0, 1 or 2, never an
    exception; a failure is one message on stderr, never a traceback."""
    out, err = io.StringIO(), io.StringIO()
    what = f"dua {' '.join(a[:20] for a in argv)}"
    with within_time(what, seconds), redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 2
    stderr = err.getvalue()
    assert status in (0, 1, 2), (argv, status)
    assert "Traceback" not in stderr
    if status == 1:
        assert stderr.strip(), argv
    if status == 2:  # argparse's error line, in the run's language (Swedish unless --lang en)
        assert re.search(r"^dua[ a-z]*: (fel|error): ", stderr, re.MULTILINE), (argv, stderr)
    return status, out.getvalue(), stderr
