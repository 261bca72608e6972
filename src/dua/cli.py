"""The `dua` command: from an agreement file and the exports people have, to what a
steering group needs.

```
dua validate FILE...                  check agreement files; every problem with its path
dua check FILE... | --example NAME    what an agreement says that does not agree with itself
dua show FILE... | --example NAME     a readable summary of agreements
dua report FILE | --example NAME      the follow-up report (Markdown, HTML or JSON)
dua kaa PERSONS --on DATE             who is covered by KAA on a date, and why
dua schedule FILE | --example NAME    meetings, revisions and follow-ups; --ics for calendars
dua example NAME [--data DIR]         a bundled example's TOML (and its follow-up CSVs)
dua schema                            the JSON Schema of agreement files
dua --version
```

Exit status: 0 on success (and valid files), 1 when an input is invalid or cannot be
read, 2 for usage errors. A user's mistake prints one clear message on stderr, never a
traceback. Long runs report progress on stderr when it is a terminal.

`-` is standard input wherever a file is read (one input per run) and standard output
wherever one is written (`--output -`, `--ics -`). `--sheet NAME` picks the sheet of a
workbook with several. Every command's `--help` shows examples and the exit status.

Everything the command prints is in one language (`--lang`, else `DUA_LANG`, else
Swedish; see `dua.i18n`): `--help`, argparse's usage errors, progress, results and reports.

The command is the edge of the library: it is the one place that reads the clock (the
default `--on` and `--from` are today's date) and writes files.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import gettext
import io
import json
import os
import sys
import textwrap
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO, TypeVar

import attrs

# Only what every run needs is imported here: each command imports the modules it uses
# when it runs, so that `dua --version` and `dua report` do not pay for the others
# (issue 10, item 4; tests/test_startup.py checks which modules a run loads).
from dua import __version__, examples, i18n
from dua.errors import DuaError, FileFormatError, mask_reprs, mask_text, os_reason, safe_text
from dua.i18n import ntext as _n
from dua.i18n import text as _t
from dua.limits import (
    MAX_FILE_BYTES,
    MAX_NUMBER_DIGITS,
    MAX_SPAN_YEARS,
    MAX_TABLE_BYTES,
    parse_iso_date,
)

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from dua.io.persons import KaaCovered
    from dua.io.tables import TableData, TableStream
    from dua.metrics.observations import FollowUpData
    from dua.model import Agreement
    from dua.report import GraphicProfile
    from dua.rules._core import Criterion, Decision
    from dua.rules.kaa import KaaRun, KaaSummary

__all__ = ["main"]

_LANGS = i18n.LANGS
# `dua.report.FORMATS`, written out so that building the parser loads no report module
# (tests/test_startup.py checks that the two agree).
_REPORT_FORMATS = ("md", "html", "json")


# --- the privacy boundary -----------------------------------------------------------------
# Everything the command prints passes `mask_text` (docs/personal-data.md): file names,
# titles, warnings, errors and results alike. Only pseudonyms are printed as they are: an
# HMAC in 64 hexadecimal characters can by chance hold ten decimal digits in a row and must
# still match the register it came from, and a `nyckel` from a register is refused when it
# holds anything shaped like an identity number (dua.io.persons).


def _print(*parts: object, file: TextIO | None = None) -> None:
    """`print` through the privacy boundary (messages on stderr are also capped)."""
    text = " ".join(str(part) for part in parts)
    stream = sys.stdout if file is None else file
    print(safe_text(text) if stream is sys.stderr else mask_text(text), file=stream)


def _output(text: str, path: Path | None) -> None:
    """`text` (already masked) to stdout (no `path`, or `-`), or atomically to `path`."""
    from dua.io._atomic import write_text_atomic

    if path is None or _is_stdio(path):
        sys.stdout.write(text)
    else:
        write_text_atomic(path, text)


# --- `-`: standard input and output -------------------------------------------------------

_STDIO = "-"


def _is_stdio(path: object) -> bool:
    """Whether a file argument is `-` (standard input or output)."""
    return path is not None and str(path) == _STDIO


def _one_stdin(parser: argparse.ArgumentParser, *paths: object) -> None:
    """Refuse `-` for more than one input: standard input can be read once."""
    if sum(_is_stdio(path) for path in paths) > 1:
        parser.error(_t("cli.usage.one_stdin"))


def _stdin_bytes(limit: int) -> bytes:
    """Standard input, at most `limit + 1` bytes (the readers refuse what is beyond `limit`)."""
    return sys.stdin.buffer.read(limit + 1)


def _table(path: Path | None) -> Path | TableData | None:
    """A table argument: `-` is the table on standard input (CSV text or a workbook)."""
    if path is None or not _is_stdio(path):
        return path
    from dua.io.tables import TableData

    return TableData(_stdin_bytes(MAX_TABLE_BYTES), name="stdin")


def _load_agreement(path: Path | str) -> Agreement:
    """An agreement file, or with `-` the agreement on standard input (JSON when it starts
    with `{`, else TOML)."""
    from dua.io.files import load_agreement, loads_agreement

    if not _is_stdio(path):
        return load_agreement(path)
    try:
        text = _stdin_bytes(MAX_FILE_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileFormatError("error.cli.stdin_not_utf8") from None
    if text.lstrip().startswith("{"):
        return loads_agreement(text, "json", source="stdin")
    return loads_agreement(text, "toml", source="stdin")


@mask_reprs
class _Parser(argparse.ArgumentParser):
    """argparse, with its usage and error messages (which quote arguments such as file
    names) through the privacy boundary."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(mask_text(message), file)


def _iso_date(text: str) -> date:
    try:
        return parse_iso_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_t("cli.usage.date", value=repr(text))) from None


def _count(text: str) -> int:
    # Bounded before `int`, which refuses more than 4 300 digits with a ValueError of its own.
    try:
        value = int(text) if len(text.strip()) <= MAX_NUMBER_DIGITS else -1
    except ValueError:
        value = -1
    if value < 1:
        raise argparse.ArgumentTypeError(_t("cli.usage.count", value=repr(text)))
    return value


def _terminal(args: argparse.Namespace) -> bool:
    """Whether to show progress: stderr is a terminal, not in CI, and no `--quiet`."""
    return (
        not getattr(args, "quiet", False)
        and sys.stderr.isatty()
        and not os.environ.get("CI")  # set by GitHub Actions, GitLab CI and most others
    )


def _progress(args: argparse.Namespace, message: str) -> None:
    """A status line for people watching a terminal; silent in pipes, files, CI and with
    `--quiet`."""
    if _terminal(args):
        _print(message, file=sys.stderr)


class _Bar:
    """A progress bar (tqdm) on stderr for a register read as a stream: rows, rows per
    second and, when the file's size is known, the time left (the rows to come are
    estimated from the bytes read so far). It shows counts only, never a file name.

    A `dua.io.tables.Progress` hook."""

    def __init__(self, args: argparse.Namespace, desc: str) -> None:
        # Imported here: only a run on a terminal needs it (`dua --version` does not).
        from tqdm import tqdm

        self.bar = tqdm(
            desc=desc,
            total=None,
            unit=" " + _t("cli.rows"),
            unit_scale=True,
            file=sys.stderr,
            mininterval=0.25,
        )

    def __call__(self, done: int, total: int | None, rows: int) -> None:
        bar = self.bar
        if total and done:
            bar.total = max(rows, round(rows * total / done))
        bar.update(rows - bar.n)

    def close(self) -> None:
        self.bar.close()


def _agreement_source(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Agreement:
    if (args.file is None) == (args.example is None):
        parser.error(
            _t(
                "cli.usage.file_or_example",
                file=_t("cli.metavar.file"),
                name=_t("cli.metavar.name"),
            )
        )
    if args.example is not None:
        return examples.load(args.example)
    _progress(args, _t("cli.reading", file=args.file))
    return _load_agreement(args.file)


# --- validate and show --------------------------------------------------------------------


def _validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    _one_stdin(parser, *args.files)
    status = 0
    for path in args.files:
        try:
            _load_agreement(path)
        except DuaError as error:
            _print(error, file=sys.stderr)
            status = 1
        else:
            _print(_t("cli.ok", file=path))
    return status


def _needs_agreements(command: str) -> str:
    return _t(
        "cli.usage.needs_agreements",
        command=command,
        file=_t("cli.metavar.file"),
        name=_t("cli.metavar.name"),
    )


def _check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from dua.metrics.agreement_checks import check

    names = list(examples.names()) if args.all_examples else list(args.example)
    if not names and not args.files:
        parser.error(_needs_agreements("check"))
    _one_stdin(parser, *args.files)
    loaded = [(name, examples.load(name)) for name in names]
    loaded.extend((str(path), _load_agreement(path)) for path in args.files)
    results = [(name, agreement, check(agreement)) for name, agreement in loaded]
    if args.format == "json":
        document = [
            {
                "source": name,
                "agreement": agreement.id,
                "findings": [
                    {
                        "kind": finding.kind.name.lower(),
                        "severity": finding.severity.name.lower(),
                        "places": [{"path": p.path, "words": p.words} for p in finding.places],
                        "follows": finding.follows_sv if args.lang == "sv" else finding.follows,
                        "text": finding.describe(args.lang),
                    }
                    for finding in findings
                ],
            }
            for name, agreement, findings in results
        ]
        _print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        blocks = []
        for name, agreement, findings in results:
            count = _n("cli.findings", len(findings)) if findings else _t("cli.no_findings")
            lines = [f"{name} ({agreement.id}): {count}"]
            lines.extend(f"  {finding.describe(args.lang)}" for finding in findings)
            blocks.append("\n".join(lines))
        _print("\n".join(blocks))
    found = any(findings for _, _, findings in results)
    return 1 if args.strict and found else 0


def _show(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from dua.summary import summarise

    names = list(examples.names()) if args.all_examples else list(args.example)
    if not names and not args.files:
        parser.error(_needs_agreements("show"))
    _one_stdin(parser, *args.files)
    agreements = [examples.load(name) for name in names]
    agreements.extend(_load_agreement(path) for path in args.files)
    _print("\n\n".join(summarise(agreement, args.lang) for agreement in agreements))
    return 0


# --- report -------------------------------------------------------------------------------


def _followup(args: argparse.Namespace, parser: argparse.ArgumentParser) -> FollowUpData:
    from dua.io.followup import followup_from_files, followup_names, load_followup

    files = {
        "observations": args.observations,
        "participants": args.participants,
        "events": args.events,
        "meetings": args.meetings,
        "measures": args.measures,
    }
    if any(path is not None for path in files.values()):
        _progress(args, _t("cli.reading_followup"))
        tables = {kind: _table(path) for kind, path in files.items()}
        return followup_from_files(**tables, sheet=args.sheet)
    if args.example is None or args.example not in followup_names():
        parser.error(_t("cli.usage.needs_followup"))
    # A bundled example comes with its synthetic follow-up data.
    return load_followup(args.example)


def _last_date(data: object) -> date | None:
    """The latest date anywhere in an agreement, its parts or its plain data.

    Walks the model objects themselves: unstructuring the agreement would first build
    cattrs hooks for every class in it, for nothing but this.
    """
    if isinstance(data, date):
        return data
    kind = type(data)
    if attrs.has(kind):
        items: Iterable[object] = (getattr(data, field.name) for field in attrs.fields(kind))
    elif isinstance(data, dict):
        items = data.values()
    elif isinstance(data, list | tuple):
        items = data
    else:
        return None
    found = [day for day in map(_last_date, items) if day is not None]
    return max(found, default=None)


def _profile(args: argparse.Namespace, parser: argparse.ArgumentParser) -> GraphicProfile | None:
    """The graphic profile of `--stylesheet`, `--logo` and `--title` (HTML only), read
    before anything is computed so that a bad file stops the run at once."""
    given = [args.stylesheet, args.logo, args.title]
    if all(option is None for option in given):
        return None
    if args.format != "html":
        parser.error(_t("cli.usage.html_only"))
    from dua.report import GraphicProfile

    return GraphicProfile.from_files(stylesheet=args.stylesheet, logo=args.logo, title=args.title)


def _report(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from dua.metrics.goals import unmatched_data
    from dua.report import build_report, render

    _one_stdin(parser, args.file, args.observations, args.participants, args.events,
               args.meetings, args.measures)  # fmt: skip
    agreement = _agreement_source(args, parser)
    data = _followup(args, parser)
    for item in unmatched_data(agreement, data):
        _print(_t("cli.unused_data", item=item), file=sys.stderr)
    on = args.on or date.today()
    last = _last_date(agreement)
    if last is not None and on.year - last.year > MAX_SPAN_YEARS:
        parser.error(
            _t(
                "cli.usage.on_too_late",
                on=on.isoformat(),
                years=MAX_SPAN_YEARS,
                last=last.isoformat(),
            )
        )
    if args.file is None:
        sources = [f"dua.examples:{args.example}"]
    else:
        sources = ["stdin" if _is_stdio(args.file) else args.file]
    profile = _profile(args, parser)
    _progress(args, _t("cli.computing", on=on.isoformat()))
    report = build_report(
        agreement,
        data,
        on=on,
        lang=args.lang,
        suppress_below=args.suppress_below,
        sources=sources,
    )
    text = mask_text(render(report, args.format, profile=profile))
    if not text.endswith("\n"):
        text += "\n"
    _output(text, args.output)
    if args.output is not None and not _is_stdio(args.output):
        _print(f"{args.output}: {args.format}", file=sys.stderr)
    return 0


# --- kaa ----------------------------------------------------------------------------------

JSON_SUMMARY_LIMIT = 10_000
"""The most covered persons `dua kaa --format json` writes: the JSON summary is one
document, built whole, with every covered person's criteria (about 2 KB each). 10 000 is
more than any one municipality's KAA group (Sweden's whole KAA population is about
115 000 a year); a larger run is written with `--format csv` or `--format jsonl`, one
person at a time."""


class _TooManyForJson(DuaError, ValueError):
    """More covered persons than the JSON summary holds."""


def _place(code: str | None, lang: str) -> str:
    from dua.municipalities import by_code, is_municipality_code

    if code is None:
        return _t("kaa.unknown_home", lang)
    return f"{by_code(code).name} ({code})" if is_municipality_code(code) else mask_text(code)


def _criterion(criterion: Criterion) -> dict[str, object]:
    return {
        "name": criterion.name,
        "holds": criterion.holds,
        "sv": mask_text(criterion.explanation_sv),
        "en": mask_text(criterion.explanation_en),
        "reference": criterion.reference.citation if criterion.reference else None,
    }


def _criteria(decision: Decision) -> list[dict[str, object]]:
    return [_criterion(criterion) for criterion in decision.criteria]


class _KaaOutput:
    """One output format of `dua kaa`: `covered` is called for each covered person as the
    register streams past, `finish` once with the counts. Everything written passes
    `mask_text` but the pseudonyms themselves (see `_print`). A register repeats its home
    municipalities, grounds and (cached) criteria, so each output keeps what it wrote for
    them, masked once."""

    def __init__(self, out: SupportsWrite[str], run: KaaRun, lang: str, explain: bool) -> None:
        self.out = out
        self.run = run
        self.lang = lang
        self.explain = explain

    def covered(self, item: KaaCovered) -> None:
        raise NotImplementedError

    def decision(self, item: KaaCovered) -> Decision:
        """The full decision for a covered person (read with `persons=True`)."""
        assert item.person is not None
        return self.run.decision(item.person)

    def criteria(self, item: KaaCovered) -> tuple[Criterion, ...]:
        """The criteria of `decision`, without the decision around them (read with
        `explain=True`)."""
        assert item.criteria is not None
        age, others = item.criteria
        return (age, *others)

    def finish(self, summary: KaaSummary) -> None:
        """Write what comes after the persons (nothing by default)."""


class _KaaText(_KaaOutput):
    """The text summary: the persons as they come, then the counts."""

    def __init__(self, out: SupportsWrite[str], run: KaaRun, lang: str, explain: bool) -> None:
        super().__init__(out, run, lang, explain)
        version = run.summary().version
        head = [
            _t("kaa.title", lang, on=run.on.isoformat()),
            f"{_t('kaa.law_version', lang)}: {version.id} – {version.description(lang)}",
            "",
            _t("kaa.covered_persons", lang),
        ]
        out.write("".join(mask_text(line) + "\n" for line in head))
        self.places: dict[str | None, str] = {}

    def covered(self, item: KaaCovered) -> None:
        code = item.home_municipality
        place = self.places.get(code)
        if place is None:
            place = self.places[code] = f"  {mask_text(_place(code, self.lang))}\n"
        self.out.write(f"  {item.key}{place}")
        if self.explain:
            lines = self.decision(item).explain(self.lang).splitlines()[1:]
            self.out.write("".join(mask_text(f"      {line}") + "\n" for line in lines))

    def finish(self, summary: KaaSummary) -> None:
        from dua.rules.kaa import REASON_LABELS, REASONS

        lang = self.lang
        lines = ["", f"{_t('kaa.covered', lang)}: {summary.total}"]
        for code, count in sorted(summary.covered.items(), key=lambda item: item[0] or ""):
            lines.append(f"  {_place(code, self.lang)}: {count}")
        lines.append(f"{_t('kaa.not_covered', lang)}: {sum(summary.not_covered.values())}")
        for reason in REASONS:
            label = REASON_LABELS[reason][0 if lang == "sv" else 1]
            lines.append(f"  {label}: {summary.not_covered.get(reason, 0)}")
        if summary.municipality is not None:
            lines.append(f"{_t('kaa.elsewhere', lang)}: {summary.elsewhere}")
        self.out.write("".join(mask_text(line) + "\n" for line in lines))


_CSV_COLUMNS = ("key", "home_municipality", "grounds")


class _KaaCsv(_KaaOutput):
    """One row per covered person: pseudonym, home municipality, grounds (`;`-separated, as
    Excel with Swedish settings reads it); with `--explain` a column per criterion."""

    def __init__(self, out: SupportsWrite[str], run: KaaRun, lang: str, explain: bool) -> None:
        from dua.rules.kaa import REASONS

        super().__init__(out, run, lang, explain)
        self.writer = csv.writer(out, delimiter=";", lineterminator="\n")
        self.writer.writerow((*_CSV_COLUMNS, *(REASONS if explain else ())))
        # What follows the pseudonym on a row without explanations, by municipality and
        # grounds: the rest of the row as `csv.writer` writes it.
        self.rests: dict[tuple[str | None, tuple[str, ...]], str] = {}
        self.texts: dict[int, tuple[Criterion, str]] = {}

    def covered(self, item: KaaCovered) -> None:
        if self.explain:
            row = [item.key, mask_text(item.home_municipality or ""), ",".join(item.grounds)]
            row.extend(self.text(criterion) for criterion in self.criteria(item))
            self.writer.writerow(row)
            return
        shape = (item.home_municipality, item.grounds)
        rest = self.rests.get(shape)
        if rest is None:
            line = io.StringIO()
            csv.writer(line, delimiter=";", lineterminator="\n").writerow(
                ("", mask_text(item.home_municipality or ""), ",".join(item.grounds))
            )
            rest = self.rests[shape] = line.getvalue()
        # A pseudonym is 64 hexadecimal characters (or a `nyckel`, which `csv` may quote;
        # `bytes.isalnum` is true of ASCII letters and digits only, which it writes as they are).
        key = item.key
        if not key.encode().isalnum():
            self.writer.writerow(
                [key, mask_text(item.home_municipality or ""), ",".join(item.grounds)]
            )
        else:
            self.out.write(key + rest)

    def text(self, criterion: Criterion) -> str:
        found = self.texts.get(id(criterion))
        if found is None or found[0] is not criterion:
            found = (criterion, mask_text(criterion.explanation(self.lang)))
            if len(self.texts) >= _KEPT:
                self.texts.clear()
            self.texts[id(criterion)] = found
        return found[1]


class _KaaJsonLines(_KaaOutput):
    """One JSON object per line and covered person; with `--explain` the criteria.

    A line is joined from parts kept as `json.dumps` writes them, encoded as UTF-8: the
    pseudonym's opening, the part after it by municipality and grounds, and with
    `--explain` the age criterion's and the other four criteria's JSON (criteria and the
    tuples of them are shared by the persons they describe). A file (`--output`) is given
    the bytes as they are (`AtomicText.write_utf8`), and so is standard output when it is
    a UTF-8 file or pipe (see `_utf8_writer`); other outputs, their text. Each line is
    the bytes `json.dumps` writes for the documented object (a property test compares)."""

    def __init__(self, out: SupportsWrite[str], run: KaaRun, lang: str, explain: bool) -> None:
        super().__init__(out, run, lang, explain)
        write_utf8: Callable[[bytes], object] | None = getattr(out, "write_utf8", None)
        self.emit = write_utf8 if write_utf8 is not None else _utf8_writer(out)
        # What follows the pseudonym, by municipality and grounds (and each apart): its
        # closing quote, the municipality and grounds, then the line's end or (`--explain`)
        # the opening of the criteria.
        self.rests: dict[tuple[str | None, tuple[str, ...]], bytes] = {}
        self.places: dict[str | None, bytes] = {}
        self.grounds: dict[tuple[str, ...], bytes] = {}
        self.after = b', "criteria": [' if explain else b"}\n"
        # Per criterion (by object): its JSON; per age criterion: its JSON and the comma
        # after it; per tuple of the other four: their JSON and the line's end.
        self.each: dict[int, tuple[Criterion, bytes]] = {}
        self.ages: dict[int, tuple[Criterion, bytes]] = {}
        self.others: dict[int, tuple[tuple[Criterion, ...], bytes]] = {}

    def covered(self, item: KaaCovered) -> None:
        shape = (item.home_municipality, item.grounds)
        rest = self.rests.get(shape)
        if rest is None:
            rest = self.rest(shape)
        key = item.key.encode()
        # A pseudonym is 64 hexadecimal characters (or a `nyckel`, which may need escaping;
        # `bytes.isalnum` is true of ASCII letters and digits only).
        if not key.isalnum():
            key = json.dumps(item.key, ensure_ascii=False)[1:-1].encode()
        if self.explain:
            assert item.criteria is not None
            age, others = item.criteria
            found = self.ages.get(id(age))
            if found is None or found[0] is not age:
                found = self.age(age)
            kept = self.others.get(id(others))
            if kept is None or kept[0] is not others:
                kept = self.rest_of(others)
            self.emit(b"".join((b'{"key": "', key, rest, found[1], kept[1])))
        else:
            self.emit(b'{"key": "' + key + rest)

    def rest(self, shape: tuple[str | None, tuple[str, ...]]) -> bytes:
        """What follows the pseudonym on the lines of a municipality and grounds (each
        part kept: a register has a few hundred municipalities, a few dozen grounds, and
        thousands of pairs of them)."""
        code, grounds = shape
        place = self.places.get(code)
        if place is None:
            masked = None if code is None else mask_text(code)
            text = '", "home_municipality": ' + json.dumps(masked, ensure_ascii=False)
            place = _keep(self.places, code, text.encode())
        listed = self.grounds.get(grounds)
        if listed is None:
            text = ', "grounds": ' + json.dumps(list(grounds), ensure_ascii=False)
            listed = _keep(self.grounds, grounds, text.encode())
        return _keep(self.rests, shape, place + listed + self.after)

    def age(self, age: Criterion) -> tuple[Criterion, bytes]:
        """The age criterion's JSON and the comma after it, kept (by object)."""
        return _keep(self.ages, id(age), (age, self.json(age) + b", "))

    def rest_of(self, others: tuple[Criterion, ...]) -> tuple[tuple[Criterion, ...], bytes]:
        """The other four criteria's JSON and the line's end, kept (by tuple)."""
        text = b", ".join(self.json(criterion) for criterion in others) + b"]}\n"
        return _keep(self.others, id(others), (others, text))

    def json(self, criterion: Criterion) -> bytes:
        """A criterion as `json.dumps` writes it, encoded; kept per object."""
        found = self.each.get(id(criterion))
        if found is None or found[0] is not criterion:
            text = json.dumps(_criterion(criterion), ensure_ascii=False).encode()
            found = _keep(self.each, id(criterion), (criterion, text))
        return found[1]


K = TypeVar("K")
V = TypeVar("V")


def _keep(cache: dict[K, V], key: K, value: V) -> V:
    """`value`, kept in `cache` under `key` (which is emptied when it holds `_KEPT`)."""
    if len(cache) >= _KEPT:
        cache.clear()
    cache[key] = value
    return value


def _utf8_writer(out: SupportsWrite[str]) -> Callable[[bytes], object]:
    """How to write UTF-8 bytes to a text output (standard output): straight to the bytes
    under it when it is a UTF-8 text file that changes no line ends and waits for no line
    (standard output redirected to a file or a pipe, on a system whose line end is `\\n`),
    else as their text."""
    if (
        isinstance(out, io.TextIOWrapper)
        and os.linesep == "\n"
        and not out.line_buffering
        and codecs.lookup(out.encoding).name == "utf-8"
    ):
        out.flush()  # what was written as text goes first
        binary: IO[bytes] = out.buffer
        return binary.write

    def write(data: bytes) -> object:
        return out.write(data.decode())

    return write


class _KaaJson(_KaaOutput):
    """The JSON summary: one document with every covered person's criteria, for runs of at
    most `JSON_SUMMARY_LIMIT` covered persons (it is built whole)."""

    def __init__(self, out: SupportsWrite[str], run: KaaRun, lang: str, explain: bool) -> None:
        super().__init__(out, run, lang, explain)
        self.covered_by: dict[str, list[dict[str, object]]] = {}
        self.count = 0

    def covered(self, item: KaaCovered) -> None:
        self.count += 1
        if self.count > JSON_SUMMARY_LIMIT:
            raise _TooManyForJson("error.cli.json_limit", n=JSON_SUMMARY_LIMIT)
        code = mask_text(item.home_municipality or "")
        self.covered_by.setdefault(code, []).append(
            {"key": item.key, "criteria": _criteria(self.decision(item))}
        )

    def finish(self, summary: KaaSummary) -> None:
        from dua.rules.kaa import REASONS

        document = {
            "on": summary.on.isoformat(),
            "version": {"id": summary.version.id, "sv": summary.version.description_sv},
            "municipality": None
            if summary.municipality is None
            else mask_text(summary.municipality),
            "covered_count": summary.total,
            "covered": dict(sorted(self.covered_by.items())),
            "not_covered": {reason: summary.not_covered.get(reason, 0) for reason in REASONS},
            "elsewhere": summary.elsewhere,
        }
        self.out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


_KEPT = 1 << 14  # texts of criteria kept by an output (then it starts again)


_KAA_FORMATS: dict[str, type[_KaaOutput]] = {
    "text": _KaaText,
    "json": _KaaJson,
    "csv": _KaaCsv,
    "jsonl": _KaaJsonLines,
}


@contextlib.contextmanager
def _sink(path: Path | None) -> Iterator[SupportsWrite[str]]:
    """Where a streamed output goes: stdout (no `path`, or `-`), or `path`, written whole
    or not at all (a temporary file beside it, renamed into place when the run ends well)."""
    if path is None or _is_stdio(path):
        yield sys.stdout
        sys.stdout.flush()
    else:
        from dua.io._atomic import open_text_atomic

        with open_text_atomic(path) as out:
            yield out


def _kaa(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import secrets

    from dua.io.persons import iter_kaa, read_key_file
    from dua.io.tables import TableStream
    from dua.rules.kaa import KaaRun

    if args.key_file is not None:
        key = read_key_file(args.key_file)
    else:
        # Without a key file the pseudonyms are keyed for this run only: safe to show, but
        # they will not match another run or another register.
        key = secrets.token_bytes(32)
        _print(_t("cli.no_key_file"), file=sys.stderr)
    run = KaaRun(args.on, args.municipality)
    source: Path | TableStream = args.persons
    if _is_stdio(args.persons):
        source = TableStream(sys.stdin.buffer, name="stdin")
    bar = _Bar(args, "dua kaa") if _terminal(args) else None
    try:
        with _sink(args.output) as out:
            output = _KAA_FORMATS[args.format](out, run, args.lang, args.explain)
            # The JSON summary and the text's --explain show each covered person's full
            # decision; the other formats' --explain, its criteria.
            persons = args.format == "json" or (args.explain and args.format == "text")
            explain = args.explain and args.format in ("csv", "jsonl")
            write = output.covered
            for item in iter_kaa(
                source,
                run,
                key=key,
                sheet=args.sheet,
                progress=bar,
                persons=persons,
                explain=explain,
            ):
                write(item)
            output.finish(run.summary())
    finally:
        if bar is not None:
            bar.close()
    return 0


# --- schedule -----------------------------------------------------------------------------


def _schedule(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from dateutil.relativedelta import relativedelta

    from dua.io.ical import to_ical, write_ical
    from dua.schedule import schedule

    agreement = _agreement_source(args, parser)
    start = args.from_date or date.today()
    if args.to_date is not None:
        end = args.to_date
    elif start.year < date.max.year:
        end = start + relativedelta(years=1) - timedelta(days=1)
    else:  # a year from late 9999 is past the calendar; the calendar's end will do
        end = date.max
    if end < start:
        parser.error(_t("cli.usage.to_before_from", to=end.isoformat(), start=start.isoformat()))
    if end.year - start.year > MAX_SPAN_YEARS:
        parser.error(
            _t("cli.usage.span", start=start.isoformat(), to=end.isoformat(), years=MAX_SPAN_YEARS)
        )
    plan = schedule(agreement, start, end)
    lang = args.lang
    # With `--ics -` the calendar is standard output and the listing goes to stderr.
    listing = sys.stderr if _is_stdio(args.ics) else None
    _print(f"{agreement.title}: {start.isoformat()} – {end.isoformat()}", file=listing)
    for occurrence in plan:
        _print(
            f"{occurrence.on.isoformat()}  {occurrence.title(lang)}  ({occurrence.basis.label(lang)})",
            file=listing,
        )
    for item in plan.unscheduled:
        _print(
            f"{_t('schedule.no_dates', lang)}: {item.title(lang)} – {item.reason.label(lang)}",
            file=listing,
        )
    for note in plan.notes:
        _print(f"{_t('schedule.note', lang)}: {note.text(lang)}", file=listing)
    if _is_stdio(args.ics):
        calendar = to_ical(
            plan, stamp=datetime.now(UTC), calendar_name=f"DUA {agreement.id}", lang=lang
        )
        sys.stdout.write(mask_text(calendar))
    elif args.ics is not None:
        write_ical(
            plan,
            args.ics,
            stamp=datetime.now(UTC),
            calendar_name=f"DUA {agreement.id}",
            lang=lang,
        )
        _print(f"{args.ics}: {_n('cli.events', len(plan), lang)}", file=sys.stderr)
    return 0


def _example(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import shutil
    from importlib import resources

    from dua.io._atomic import write_files_atomic
    from dua.io.followup import followup_names

    if args.data is not None and args.name not in followup_names():
        raise FileFormatError("error.cli.no_followup", name=repr(args.name))
    text = examples.text(args.name)
    files: dict[Path, str] = {}
    to_stdout = args.output is None or _is_stdio(args.output)
    if not to_stdout:
        files[args.output] = text
    if args.data is not None:
        folder = resources.files("dua.examples").joinpath("followup", args.name)
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".csv"):
                files[args.data / entry.name] = entry.read_text(encoding="utf-8")
    # The TOML file and the follow-up files are one set: written whole or not at all.
    created = _make_folder(args.data) if args.data is not None else None
    try:
        write_files_atomic(files)
    except BaseException:
        if created is not None:
            shutil.rmtree(created, ignore_errors=True)
        raise
    if to_stdout:
        # A bundled example, written as it is (it holds no identity number).
        sys.stdout.write(text)
    for path in files:
        _print(f"{path}: {args.name}" if path == args.output else f"{path}", file=sys.stderr)
    return 0


def _make_folder(folder: Path) -> Path | None:
    """Create `folder` (and its parents); return the topmost folder created, if any."""
    if folder.exists() and not folder.is_dir():
        raise FileFormatError("error.cli.not_a_folder", folder=str(folder))
    missing = [part for part in (folder, *folder.parents) if not part.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileFormatError(
            "error.cli.cannot_create", folder=str(folder), reason=os_reason(exc)
        ) from None
    return missing[-1] if missing else None


def _schema(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from dua.io.schema import agreement_json_schema_text

    sys.stdout.write(agreement_json_schema_text())
    return 0


# --- the parser ---------------------------------------------------------------------------
# Everything `--help` and argparse print is in the run's language (issue 12, items 4 and 6):
# the parser is built in it, from the catalogue, and argparse's own words (the usage line,
# the section titles, its error messages), which it asks `gettext` for, come from the
# catalogue too while `main` runs (`_argparse_speaks`).

# argparse's texts (as Python 3.11 to 3.13 ask `gettext` for them) and their keys: every
# text a user of the command can see. tests/test_cli_help.py walks argparse's source: a
# text missing here is either listed there as one only a program's own mistake produces
# (a conflicting option, say) or the test fails.
_ARGPARSE_TEXTS: dict[str, str] = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
    "show program's version number and exit": "cli.argparse.version",  # 3.13 asks for it
    "%(heading)s:": "cli.argparse.heading",  # 3.13
    " (default: %(default)s)": "cli.argparse.default",  # 3.13
    "%(prog)s: warning: %(message)s\n": "cli.argparse.warning",  # 3.13
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "the following arguments are required: %s": "cli.argparse.required",
    "one of the arguments %s is required": "cli.argparse.one_of_required",
    "not allowed with argument %s": "cli.argparse.not_allowed",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "cli.argparse.unknown_parser",
    "expected one argument": "cli.argparse.one_value",
    "expected at most one argument": "cli.argparse.at_most_one",
    "expected at least one argument": "cli.argparse.at_least_one",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "unexpected option string: %s": "cli.argparse.unexpected_option",
    "ignored explicit argument %r": "cli.argparse.explicit_argument",
    'argument "-" with mode %r': "cli.argparse.file_mode",
    "can't open '%(filename)s': %(error)s": "cli.argparse.cannot_open",
}
# The counted ones (`ngettext`), by their singular.
_ARGPARSE_PLURALS: dict[str, str] = {"expected %s argument": "cli.argparse.values"}

_argparse_language: ContextVar[str | None] = ContextVar("dua_cli_argparse", default=None)


class _ArgparseTexts:
    """argparse's `gettext` and `ngettext` while `dua` runs: the catalogue's text in the
    run's language for the texts above, argparse's own otherwise and in every other thread,
    task or program (the language is a context variable that only `main` sets)."""

    lock = threading.Lock()
    depth = 0
    original: Callable[[str], str] = staticmethod(gettext.gettext)
    original_count: Callable[[str, str, int], str] = staticmethod(gettext.ngettext)

    @staticmethod
    def translate(message: str) -> str:
        lang = _argparse_language.get()
        key = _ARGPARSE_TEXTS.get(message)
        if lang is None or key is None:
            return _ArgparseTexts.original(message)
        return _t(key, lang)

    @staticmethod
    def translate_count(singular: str, plural: str, n: int) -> str:
        lang = _argparse_language.get()
        key = _ARGPARSE_PLURALS.get(singular)
        if lang is None or key is None:
            return _ArgparseTexts.original_count(singular, plural, n)
        # argparse fills in the count itself (`% n`); the catalogue's text already holds it
        # (written as the language writes numbers), so `%.0s` takes argparse's and shows nothing.
        return _n(key, n, lang).replace("%", "%%") + "%.0s"


@contextlib.contextmanager
def _argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own words in `lang` inside the block (this thread or task only).

    argparse looks up its module's `_` and `ngettext` (`gettext`'s) each time it writes a
    text, and offers no other way in; they are swapped for `_ArgparseTexts`'s while a run is
    under way and put back when the last one ends, so that a program that imports `dua` and
    uses argparse itself is never affected."""
    token = _argparse_language.set(lang)
    with _ArgparseTexts.lock:
        if _ArgparseTexts.depth == 0:
            _ArgparseTexts.original = argparse._  # type: ignore[attr-defined]  # argparse's private gettext, not in typeshed
            _ArgparseTexts.original_count = argparse.ngettext  # type: ignore[attr-defined]  # likewise
            argparse._ = _ArgparseTexts.translate  # type: ignore[attr-defined]  # likewise
            argparse.ngettext = _ArgparseTexts.translate_count  # type: ignore[attr-defined]  # likewise
        _ArgparseTexts.depth += 1
    try:
        yield
    finally:
        with _ArgparseTexts.lock:
            _ArgparseTexts.depth -= 1
            if _ArgparseTexts.depth == 0:
                argparse._ = _ArgparseTexts.original  # type: ignore[attr-defined]  # likewise
                argparse.ngettext = _ArgparseTexts.original_count  # type: ignore[attr-defined]  # likewise
        _argparse_language.reset(token)


def _chosen_language(argv: Sequence[str]) -> str:
    """The run's language, known before the parser is built: the last valid `--lang` in
    `argv` (before or after the command, `--lang en` or `--lang=en`), else what
    `dua.i18n.get_language` chooses (`DUA_LANG`, else Swedish). A wrong `--lang` is left
    to the parser, which refuses it in that language.

    Raises:
        ValueError: `DUA_LANG` holds neither `sv` nor `en` (and no valid `--lang` is given).
    """
    scan = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    scan.add_argument("--lang", action="append", default=[])
    try:
        given: list[str] = scan.parse_known_args(argv)[0].lang
    except argparse.ArgumentError:  # `--lang` with no value: the parser says so
        given = []
    valid = [lang for lang in given if lang in _LANGS]
    return i18n.get_language(valid[-1] if valid else None)


# Each command's examples: the command line (as typed, in every language) and what it does.
_EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "validate": (
        ("dua validate hallefors.toml", "cli.example.validate_one"),
        ("dua validate avtal/*.toml", "cli.example.validate_many"),
        ("dua example hallefors-2015 | dua validate -", "cli.example.validate_stdin"),
    ),
    "check": (
        ("dua check avtal.toml", "cli.example.check_one"),
        ("dua check --all-examples --format json", "cli.example.check_json"),
        ("dua check avtal.toml --strict", "cli.example.check_strict"),
    ),
    "show": (
        ("dua show hallefors.toml", "cli.example.show_one"),
        ("dua show --all-examples --lang en", "cli.example.show_english"),
        ("dua example ggv-2016 | dua show -", "cli.example.show_stdin"),
    ),
    "report": (
        ("dua report --example hallefors-2015 --on 2017-12-31", "cli.example.report_example"),
        (
            "dua report avtal.toml --observations utfall.xlsx --sheet Blad2 --on 2021-12-31 \\\n"
            "    --format html --output rapport.html",
            "cli.example.report_workbook",
        ),
        (
            "dua report --example hallefors-2015 --on 2017-12-31 --format html \\\n"
            '    --stylesheet kommun.css --logo logotyp.png --title "Hällefors kommun"',
            "cli.example.report_profile",
        ),
        (
            "export-observations | dua report avtal.toml --observations - --format json --output -",
            "cli.example.report_stdin",
        ),
    ),
    "kaa": (
        ("dua kaa register.csv --on 2024-09-01 --key-file nyckel.txt", "cli.example.kaa_key"),
        (
            "dua kaa register.xlsx --sheet Elever --on 2024-09-01 --municipality 1863 --explain",
            "cli.example.kaa_explain",
        ),
        (
            "export-register | dua kaa - --on 2024-09-01 --format json --output kaa.json",
            "cli.example.kaa_stdin",
        ),
    ),
    "schedule": (
        ("dua schedule --example sjuharad-2020 --from 2021-01-01", "cli.example.schedule_year"),
        (
            "dua schedule avtal.toml --from 2024-01-01 --to 2024-12-31 --ics dua.ics",
            "cli.example.schedule_ics",
        ),
        ("dua schedule avtal.toml --ics - > dua.ics", "cli.example.schedule_stdout"),
    ),
    "example": (
        ("dua example hallefors-2015", "cli.example.example_toml"),
        ("dua example ggv-2016 --output ggv.toml --data ggv-data", "cli.example.example_data"),
    ),
    "schema": (("dua schema > dua-agreement.schema.json", "cli.example.schema"),),
}

# What exit status 0 means, where it means more than "done".
_EXIT_0 = {"validate": "cli.help.exit_0_valid", "check": "cli.help.exit_0_strict"}


def _epilog(command: str) -> str:
    """The end of a command's `--help`: its examples, then the exit statuses."""
    lines = [_t("cli.help.examples")]
    shown = [(run, _t(key)) for run, key in _EXAMPLES[command]]
    # Each explanation beside its command when all fit in 88 columns, else each below it.
    beside = all("\n" not in run and len(run) <= 43 and 46 + len(what) <= 88 for run, what in shown)
    for run, what in shown:
        if beside:
            lines.append(f"  {run:<43} {what}")
        else:
            lines.extend(f"  {line}" for line in run.splitlines())
            lines.append(f"      {what}")
    if command == "report":
        note = _t("cli.help.report_inputs", file=_t("cli.metavar.file"))
        lines.extend(["", *textwrap.wrap(note, 88)])
    lines.extend(
        [
            "",
            _t("cli.help.exit"),
            f"  0  {_t(_EXIT_0.get(command, 'cli.help.exit_0'))}",
            f"  1  {_t('cli.help.exit_1')}",
            f"  2  {_t('cli.help.exit_2')}",
        ]
    )
    return "\n".join(lines)


def _command(commands: argparse._SubParsersAction[_Parser], name: str) -> argparse.ArgumentParser:
    """A subcommand whose `--help` ends with its examples and exit status."""
    help = _t(f"cli.help.{name}")
    return commands.add_parser(
        name,
        help=help,
        description=help[0].upper() + help[1:] + ".",
        epilog=_epilog(name),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _lang_option() -> dict[str, Any]:
    # `--lang` before or after the command; without it, `DUA_LANG`, else Swedish (dua.i18n).
    # The command's own option does not set a default, so that it never hides the global one.
    return {
        "choices": _LANGS,
        "default": argparse.SUPPRESS,
        "help": _t("cli.help.lang", variable=i18n.ENV_VAR),
    }


def _parser() -> argparse.ArgumentParser:
    """The command's parser, in the language of the block it is built in (its help texts
    are read from the catalogue as it is built)."""
    file, name, date_, path = (
        _t(f"cli.metavar.{word}") for word in ("file", "name", "date", "path")
    )
    parser = _Parser(prog="dua", description=_t("cli.help.dua"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"dua {__version__}",
        help=_t("cli.argparse.version"),
    )
    parser.add_argument("--lang", **_lang_option())
    commands = parser.add_subparsers(
        dest="command", required=True, metavar=_t("cli.metavar.command")
    )
    names = ", ".join(examples.names())
    example_help = _t("cli.help.example_name", names=names)
    all_examples = _t("cli.help.all_examples")
    output_help = _t("cli.help.output")

    validate = _command(commands, "validate")
    validate.add_argument("files", nargs="+", metavar=file, help=_t("cli.help.files"))
    validate.add_argument("--lang", **_lang_option())
    validate.set_defaults(run=_validate)

    checks = _command(commands, "check")
    checks.add_argument("files", nargs="*", type=Path, metavar=file, help=_t("cli.help.files"))
    checks.add_argument("--example", action="append", default=[], metavar=name, help=example_help)
    checks.add_argument("--all-examples", action="store_true", help=all_examples)
    checks.add_argument("--format", choices=("text", "json"), default="text",
                        help=_t("cli.help.check_format"))  # fmt: skip
    checks.add_argument("--lang", **_lang_option())
    checks.add_argument("--strict", action="store_true", help=_t("cli.help.strict"))
    checks.set_defaults(run=_check)

    show = _command(commands, "show")
    show.add_argument("files", nargs="*", metavar=file, help=_t("cli.help.files"))
    show.add_argument("--example", action="append", default=[], metavar=name, help=example_help)
    show.add_argument("--all-examples", action="store_true", help=all_examples)
    show.add_argument("--lang", **_lang_option())
    show.set_defaults(run=_show)

    report = _command(commands, "report")
    report.add_argument("file", nargs="?", type=Path, metavar=file, help=_t("cli.help.file"))
    report.add_argument("--example", metavar=name,
                        help=_t("cli.help.example_with_data", names=names))  # fmt: skip
    for table in ("observations", "participants", "events", "meetings", "measures"):
        report.add_argument(f"--{table}", type=Path, metavar=file, help=_t(f"cli.help.{table}"))
    report.add_argument("--sheet", metavar=name, help=_t("cli.help.sheet"))
    report.add_argument("--on", type=_iso_date, metavar=date_, help=_t("cli.help.report_on"))
    report.add_argument("--format", choices=_REPORT_FORMATS, default="md",
                        help=_t("cli.help.report_format"))  # fmt: skip
    report.add_argument("--lang", **_lang_option())
    report.add_argument("--suppress-below", type=_count, metavar="N",
                        help=_t("cli.help.suppress_below", n="N"))  # fmt: skip
    report.add_argument("--output", type=Path, metavar=path, help=output_help)
    report.add_argument("--stylesheet", type=Path, metavar=file, help=_t("cli.help.stylesheet"))
    report.add_argument("--logo", type=Path, metavar=file, help=_t("cli.help.logo"))
    report.add_argument("--title", metavar=_t("cli.metavar.text"),
                        help=_t("cli.help.title", title=_t("report.title")))  # fmt: skip
    report.add_argument("--quiet", action="store_true", help=_t("cli.help.quiet"))
    report.set_defaults(run=_report)

    kaa = _command(commands, "kaa")
    kaa.add_argument("persons", type=Path, metavar=_t("cli.metavar.persons"),
                     help=_t("cli.help.persons"))  # fmt: skip
    kaa.add_argument("--sheet", metavar=name, help=_t("cli.help.sheet"))
    kaa.add_argument("--on", type=_iso_date, required=True, metavar=date_,
                     help=_t("cli.help.kaa_on"))  # fmt: skip
    kaa.add_argument("--municipality", metavar=_t("cli.metavar.code"),
                     help=_t("cli.help.municipality"))  # fmt: skip
    kaa.add_argument("--key-file", type=Path, metavar=path, help=_t("cli.help.key_file"))
    kaa.add_argument("--explain", action="store_true", help=_t("cli.help.explain"))
    kaa.add_argument("--format", choices=tuple(_KAA_FORMATS), default="text",
                     help=_n("cli.help.kaa_format", JSON_SUMMARY_LIMIT))  # fmt: skip
    kaa.add_argument("--lang", **_lang_option())
    kaa.add_argument("--output", type=Path, metavar=path, help=output_help)
    kaa.add_argument("--quiet", action="store_true", help=_t("cli.help.quiet_bar"))
    kaa.set_defaults(run=_kaa)

    plan = _command(commands, "schedule")
    plan.add_argument("file", nargs="?", type=Path, metavar=file, help=_t("cli.help.file"))
    plan.add_argument("--example", metavar=name, help=example_help)
    plan.add_argument("--from", dest="from_date", type=_iso_date, metavar=date_,
                      help=_t("cli.help.from"))  # fmt: skip
    plan.add_argument("--to", dest="to_date", type=_iso_date, metavar=date_,
                      help=_t("cli.help.to"))  # fmt: skip
    plan.add_argument("--ics", type=Path, metavar=path, help=_t("cli.help.ics"))
    plan.add_argument("--lang", **_lang_option())
    plan.add_argument("--quiet", action="store_true", help=_t("cli.help.quiet"))
    plan.set_defaults(run=_schedule)

    example = _command(commands, "example")
    example.add_argument("name", choices=examples.names(), metavar=name, help=example_help)
    example.add_argument("--output", type=Path, metavar=path, help=output_help)
    folder = _t("cli.metavar.dir")
    example.add_argument("--data", type=Path, metavar=folder,
                         help=_t("cli.help.data", dir=folder))  # fmt: skip
    example.add_argument("--lang", **_lang_option())
    example.set_defaults(run=_example)

    schema_parser = _command(commands, "schema")
    schema_parser.add_argument("--lang", **_lang_option())
    schema_parser.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `dua` command with `argv` (default: `sys.argv[1:]`); return the exit status.

    Everything it prints, `--help` and argparse's usage errors included, is in the language
    of `--lang`, else of `DUA_LANG`, else Swedish."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        lang = _chosen_language(argv)
    except ValueError as problem:  # DUA_LANG holds neither sv nor en
        _print(f"dua: {problem}", file=sys.stderr)
        return 2
    with i18n.language(lang), _argparse_speaks(lang):
        parser = _parser()
        args = parser.parse_args(argv)
        args.lang = lang
        run: Callable[[argparse.Namespace, argparse.ArgumentParser], int] = args.run
        try:
            return run(args, parser)
        except DuaError as error:
            _print(f"dua: {error}", file=sys.stderr)
            return 1
        except BrokenPipeError:  # pragma: no cover - e.g. `dua report ... | head`
            return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
