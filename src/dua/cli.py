"""The `dua` command: from an agreement file and the exports people have, to what a
steering group needs.

```
dua validate FILE...                  check agreement files; every problem with its path
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

The command is the edge of the library: it is the one place that reads the clock (the
default `--on` and `--from` are today's date) and writes files.
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path

from dateutil.relativedelta import relativedelta

from dua import __version__, examples
from dua.errors import DuaError, FileFormatError
from dua.io._atomic import write_files_atomic, write_text_atomic
from dua.io.files import load_agreement
from dua.io.followup import followup_from_files, followup_names, load_followup
from dua.io.ical import write_ical
from dua.io.persons import read_key_file, read_persons
from dua.io.schema import agreement_json_schema_text
from dua.metrics.goals import unmatched_data
from dua.metrics.observations import FollowUpData
from dua.model import Agreement
from dua.municipalities import by_code, is_municipality_code
from dua.report import FORMATS, build_report, render
from dua.rules.kaa import REASON_LABELS, REASONS, KaaRegister, kaa_register
from dua.schedule import schedule
from dua.summary import summarise

__all__ = ["main"]

_LANGS = ("sv", "en")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r} (write YYYY-MM-DD, e.g. 2016-09-30)"
        ) from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of 1 or more: {text!r}")
    return value


def _progress(message: str) -> None:
    """Progress for people watching a terminal; silent in pipes, files and CI."""
    if sys.stderr.isatty():
        print(message, file=sys.stderr, flush=True)


def _agreement_source(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Agreement:
    if (args.file is None) == (args.example is None):
        parser.error("give an agreement FILE or --example NAME (one of them)")
    if args.example is not None:
        return examples.load(args.example)
    _progress(f"dua: läser {args.file}")
    return load_agreement(args.file)


# --- validate and show --------------------------------------------------------------------


def _validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    status = 0
    for path in args.files:
        try:
            load_agreement(path)
        except DuaError as error:
            print(error, file=sys.stderr)
            status = 1
        else:
            print(f"{path}: ok")
    return status


def _show(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    names = list(examples.names()) if args.all_examples else list(args.example)
    if not names and not args.files:
        parser.error("show needs FILE, --example NAME or --all-examples")
    agreements = [examples.load(name) for name in names]
    agreements.extend(load_agreement(path) for path in args.files)
    print("\n\n".join(summarise(agreement, args.lang) for agreement in agreements))
    return 0


# --- report -------------------------------------------------------------------------------


def _followup(args: argparse.Namespace, parser: argparse.ArgumentParser) -> FollowUpData:
    files = {
        "observations": args.observations,
        "participants": args.participants,
        "events": args.events,
        "meetings": args.meetings,
        "measures": args.measures,
    }
    if any(path is not None for path in files.values()):
        _progress("dua: läser uppföljningsdata")
        return followup_from_files(**files)
    if args.example is None or args.example not in followup_names():
        parser.error(
            "report needs follow-up data: --observations, --participants, --events or "
            "--meetings (a bundled --example brings its own)"
        )
    # A bundled example comes with its synthetic follow-up data.
    return load_followup(args.example)


def _report(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    agreement = _agreement_source(args, parser)
    data = _followup(args, parser)
    for item in unmatched_data(agreement, data):
        print(f"dua: varning: inget mål använder {item} (no goal uses it)", file=sys.stderr)
    on = args.on or date.today()
    sources = [args.file] if args.file is not None else [f"dua.examples:{args.example}"]
    _progress(f"dua: beräknar rapporten för {on.isoformat()}")
    report = build_report(
        agreement,
        data,
        on=on,
        lang=args.lang,
        suppress_below=args.suppress_below,
        sources=sources,
    )
    text = render(report, args.format)
    if not text.endswith("\n"):
        text += "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(args.output, text)
        print(f"{args.output}: {args.format}", file=sys.stderr)
    return 0


# --- kaa ----------------------------------------------------------------------------------


def _place(code: str | None, lang: str) -> str:
    if code is None:
        return "okänd hemkommun" if lang == "sv" else "unknown home municipality"
    return f"{by_code(code).name} ({code})" if is_municipality_code(code) else code


def _kaa_text(register: KaaRegister, lang: str, explain: bool) -> str:
    sv = lang == "sv"
    lines = [
        (f"Kommunernas aktivitetsansvar (KAA) {register.on.isoformat()}" if sv
         else f"The municipal activity responsibility (KAA) on {register.on.isoformat()}"),
        f"{'Lagversion' if sv else 'Law version'}: {register.version.id} – "
        f"{register.version.description(lang)}",
        "",
        f"{'Omfattas' if sv else 'Covered'}: {register.total}",
    ]  # fmt: skip
    for code, persons in sorted(register.covered.items(), key=lambda item: item[0] or ""):
        lines.append(f"  {_place(code, lang)}: {len(persons)}")
    not_covered = sum(register.not_covered.values())
    lines.append(f"{'Omfattas inte' if sv else 'Not covered'}: {not_covered}")
    for reason in REASONS:
        label = REASON_LABELS[reason][0 if sv else 1]
        lines.append(f"  {label}: {register.not_covered.get(reason, 0)}")
    if register.municipality is not None:
        other = "Annan hemkommun" if sv else "Other home municipality"
        lines.append(f"{other}: {register.elsewhere}")
    lines.append("")
    lines.append("Omfattade personer (pseudonym)" if sv else "Covered persons (pseudonym)")
    for code, persons in sorted(register.covered.items(), key=lambda item: item[0] or ""):
        lines.append(f"  {_place(code, lang)}")
        for person in persons:
            lines.append(f"    {person.key}")
            if explain:
                decision = register.decision(person)
                lines.extend(f"      {line}" for line in decision.explain(lang).splitlines()[1:])
    return "\n".join(lines) + "\n"


def _kaa_json(register: KaaRegister) -> str:
    covered = {
        code or "": [
            {
                "key": person.key,
                "criteria": [
                    {
                        "name": criterion.name,
                        "holds": criterion.holds,
                        "sv": criterion.explanation_sv,
                        "en": criterion.explanation_en,
                        "reference": criterion.reference.citation if criterion.reference else None,
                    }
                    for criterion in register.decision(person).criteria
                ],
            }
            for person in persons
        ]
        for code, persons in sorted(register.covered.items(), key=lambda item: item[0] or "")
    }
    document = {
        "on": register.on.isoformat(),
        "version": {"id": register.version.id, "sv": register.version.description_sv},
        "municipality": register.municipality,
        "covered_count": register.total,
        "covered": covered,
        "not_covered": {reason: register.not_covered.get(reason, 0) for reason in REASONS},
        "elsewhere": register.elsewhere,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _kaa(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.key_file is not None:
        key = read_key_file(args.key_file)
    else:
        # Without a key file the pseudonyms are keyed for this run only: safe to show, but
        # they will not match another run or another register.
        key = secrets.token_bytes(32)
        print(
            "dua: ingen --key-file: pseudonymerna gäller bara denna körning "
            "(no --key-file: pseudonyms are valid for this run only)",
            file=sys.stderr,
        )
    _progress(f"dua: läser {args.persons}")
    persons = read_persons(args.persons, key=key, on=args.on)
    _progress(f"dua: prövar {len(persons)} personer mot aktivitetsansvaret")
    register = kaa_register(persons, args.on, args.municipality)
    text = (
        _kaa_json(register)
        if args.format == "json"
        else _kaa_text(register, args.lang, args.explain)
    )
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(args.output, text)
    return 0


# --- schedule -----------------------------------------------------------------------------


def _schedule(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    agreement = _agreement_source(args, parser)
    start = args.from_date or date.today()
    end = args.to_date or start + relativedelta(years=1) - timedelta(days=1)
    if end < start:
        parser.error(f"--to {end.isoformat()} is before --from {start.isoformat()}")
    plan = schedule(agreement, start, end)
    lang = args.lang
    sv = lang == "sv"
    print(f"{agreement.title}: {start.isoformat()} – {end.isoformat()}")
    for occurrence in plan:
        print(
            f"{occurrence.on.isoformat()}  {occurrence.title(lang)}  ({occurrence.basis.label(lang)})"
        )
    for item in plan.unscheduled:
        print(
            f"{'utan datum' if sv else 'no dates'}: {item.title(lang)} – {item.reason.label(lang)}"
        )
    for note in plan.notes:
        print(f"{'obs' if sv else 'note'}: {note.text(lang)}")
    if args.ics is not None:
        write_ical(
            plan,
            args.ics,
            stamp=datetime.now(UTC),
            calendar_name=f"DUA {agreement.id}",
            lang=lang,
        )
        print(f"{args.ics}: {len(plan)} {'händelser' if sv else 'events'}", file=sys.stderr)
    return 0


def _example(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.data is not None and args.name not in followup_names():
        raise FileFormatError(f"the example {args.name!r} has no follow-up data")
    text = examples.text(args.name)
    files: dict[Path, str] = {}
    if args.output is not None:
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
    if args.output is None:
        sys.stdout.write(text)
    for path in files:
        print(f"{path}: {args.name}" if path == args.output else f"{path}", file=sys.stderr)
    return 0


def _make_folder(folder: Path) -> Path | None:
    """Create `folder` (and its parents); return the topmost folder created, if any."""
    if folder.exists() and not folder.is_dir():
        raise FileFormatError(f"{folder}: cannot write the files: it is not a folder")
    missing = [part for part in (folder, *folder.parents) if not part.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileFormatError(
            f"{folder}: cannot create the folder: {exc.strerror or exc}"
        ) from None
    return missing[-1] if missing else None


def _schema(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    sys.stdout.write(agreement_json_schema_text())
    return 0


# --- the parser ---------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dua",
        description="Local agreements on youth and newcomer employment (DUA): "
        "agreement files, KAA, follow-up reports and calendars.",
    )
    parser.add_argument("--version", action="version", version=f"dua {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    example_help = f"a bundled example: {', '.join(examples.names())}"

    validate = commands.add_parser("validate", help="check agreement files")
    validate.add_argument("files", nargs="+", metavar="FILE", help="agreement files (.toml/.json)")
    validate.set_defaults(run=_validate)

    show = commands.add_parser("show", help="print a readable summary of agreements")
    show.add_argument("files", nargs="*", metavar="FILE", help="agreement files (.toml/.json)")
    show.add_argument("--example", action="append", default=[], metavar="NAME", help=example_help)
    show.add_argument("--all-examples", action="store_true", help="all bundled examples")
    show.add_argument("--lang", choices=_LANGS, default="sv", help="language (default sv)")
    show.set_defaults(run=_show)

    report = commands.add_parser(
        "report",
        help="the follow-up report: goal statuses, gender shares, mapping, consistency",
    )
    report.add_argument("file", nargs="?", type=Path, metavar="FILE", help="agreement file")
    report.add_argument("--example", metavar="NAME", help=example_help + " (with its data)")
    report.add_argument("--observations", type=Path, metavar="CSV", help="observations")
    report.add_argument("--participants", type=Path, metavar="CSV", help="participants")
    report.add_argument("--events", type=Path, metavar="CSV", help="events (e.g. starts)")
    report.add_argument("--meetings", type=Path, metavar="CSV", help="meetings held")
    report.add_argument("--measures", type=Path, metavar="CSV", help="indicator → measure")
    report.add_argument("--on", type=_iso_date, metavar="DATE", help="date (default today)")
    report.add_argument("--format", choices=FORMATS, default="md", help="md (default), html, json")
    report.add_argument("--lang", choices=_LANGS, default="sv", help="language (default sv)")
    report.add_argument("--suppress-below", type=_count, metavar="N",
                        help="hide counts below N (small-cell suppression)")  # fmt: skip
    report.add_argument("--output", type=Path, metavar="PATH", help="write here, not stdout")
    report.set_defaults(run=_report)

    kaa = commands.add_parser("kaa", help="who is covered by KAA on a date, and why")
    kaa.add_argument("persons", type=Path, metavar="PERSONS", help="person register (CSV/xlsx)")
    kaa.add_argument("--on", type=_iso_date, required=True, metavar="DATE", help="the date")
    kaa.add_argument("--municipality", metavar="CODE", help="only this home municipality")
    kaa.add_argument("--key-file", type=Path, metavar="PATH", help="pseudonymisation key")
    kaa.add_argument("--explain", action="store_true", help="each covered person's criteria")
    kaa.add_argument("--format", choices=("text", "json"), default="text", help="text or json")
    kaa.add_argument("--lang", choices=_LANGS, default="sv", help="language (default sv)")
    kaa.add_argument("--output", type=Path, metavar="PATH", help="write here, not stdout")
    kaa.set_defaults(run=_kaa)

    plan = commands.add_parser("schedule", help="meetings, revisions and follow-ups by date")
    plan.add_argument("file", nargs="?", type=Path, metavar="FILE", help="agreement file")
    plan.add_argument("--example", metavar="NAME", help=example_help)
    plan.add_argument("--from", dest="from_date", type=_iso_date, metavar="DATE",
                      help="first day (default today); planned dates count from it")  # fmt: skip
    plan.add_argument("--to", dest="to_date", type=_iso_date, metavar="DATE",
                      help="last day (default one year after --from)")  # fmt: skip
    plan.add_argument("--ics", type=Path, metavar="PATH", help="also write an iCalendar file")
    plan.add_argument("--lang", choices=_LANGS, default="sv", help="language (default sv)")
    plan.set_defaults(run=_schedule)

    example = commands.add_parser(
        "example", help="write a bundled example's TOML file (and its follow-up data)"
    )
    example.add_argument("name", choices=examples.names(), metavar="NAME", help=example_help)
    example.add_argument("--output", type=Path, metavar="PATH", help="write here, not stdout")
    example.add_argument("--data", type=Path, metavar="DIR",
                         help="also write its synthetic follow-up CSV files into DIR")  # fmt: skip
    example.set_defaults(run=_example)

    schema_parser = commands.add_parser("schema", help="the JSON Schema of agreement files")
    schema_parser.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `dua` command with `argv` (default: `sys.argv[1:]`); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace, argparse.ArgumentParser], int] = args.run
    try:
        return run(args, parser)
    except DuaError as error:
        print(f"dua: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # pragma: no cover - e.g. `dua report ... | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
