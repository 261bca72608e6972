"""The `dua` command's `--help` and usage errors in the run's language (issue 12 items 4
and 6): "one language setting for everything a person reads … CLI messages … no surface
mixes languages", and "`--help` per command with two or three real examples and the exit
codes".

Swedish by default, English with `--lang en` or `DUA_LANG=en`: every `--help` (the usage
line, section titles, descriptions, option texts, metavars, examples, exit statuses) and
every message argparse prints (its own, through `gettext`, and the command's). The
examples each `--help` shows are run here as written.
"""

from __future__ import annotations

import argparse
import ast
import csv
import gettext
import inspect
import io
import re
import shlex
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import openpyxl  # in the dev extra (via xlsx): never skipped
import pytest

from dua import cli, examples, i18n
from dua.cli import main
from dua.i18n import text
from tests.test_cli_conventions import COMMANDS, feed
from tests.test_docs_snippets import PNG
from tests.test_language import ENGLISH_ONLY, SWEDISH_ONLY, readable, words

FOREIGN = {"sv": ENGLISH_ONLY, "en": SWEDISH_ONLY}


@pytest.fixture(autouse=True)
def _no_language_chosen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    i18n.set_language(None)
    yield
    i18n.set_language(None)


def help_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--help"])
    assert caught.value.code == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def command_lines(shown: str) -> str:
    """A `--help` or a usage error without what is typed as it is in every language: the
    examples' command lines, the commands' and options' names, choices (`{sv,en}`) and
    the examples' names."""
    kept = []
    continued = False
    for line in shown.splitlines():
        typed = continued or line.lstrip().startswith("dua ") or " | dua " in line
        continued = typed and line.endswith("\\")
        if not typed:
            kept.append(line)
    shown = "\n".join(kept)
    shown = re.sub(r"\{[\w,-]+\}", " ", shown)  # the choices
    shown = re.sub(rf"\b(?:{'|'.join(COMMANDS)})\b", " ", shown)  # the commands' names
    return readable(shown)  # which also takes out the option names


# --- --help in one language -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_is_in_one_language(
    command: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The top level's and each command's `--help`: its fixed words from the catalogue in
    the chosen language, and no word of the other (once what is typed the same in both,
    command lines and option names, is taken out)."""
    argv = ["--lang", lang, *([command] if command else [])]
    shown = help_of(capsys, *argv)
    assert shown.startswith(f"{text('cli.argparse.usage', lang)}dua ")
    for key in ("cli.argparse.options", "cli.argparse.help"):
        assert text(key, lang) in shown
    if command:
        assert text(f"cli.help.{command}", lang)[1:] in shown  # the description
        assert f"\n{text('cli.help.examples', lang)}\n" in shown
        assert f"\n{text('cli.help.exit', lang)}\n" in shown
    else:
        assert text("cli.argparse.version", lang) in shown
        for name in COMMANDS:
            assert text(f"cli.help.{name}", lang).split()[0] in shown
    mixed = words(command_lines(shown)) & FOREIGN[lang]
    assert not mixed, sorted(mixed)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_swedish_by_default_and_english_from_dua_lang(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without `--lang`, `DUA_LANG` decides, else Swedish; `--lang` wins over
    `DUA_LANG`, before or after the command."""
    argv = [command] if command else []
    swedish = help_of(capsys, *argv)
    assert swedish.startswith("användning: dua")
    assert "flaggor:" in swedish
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    english = help_of(capsys, *argv)
    assert english.startswith("usage: dua")
    assert "options:" in english
    assert "flaggor" not in english
    assert help_of(capsys, "--lang", "sv", *argv) == swedish
    if command:
        assert help_of(capsys, command, "--lang", "sv") == swedish
        assert help_of(capsys, command, "--lang=sv") == swedish


def test_the_help_in_swedish_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    """The Swedish `dua kaa --help`, its fixed parts as a user sees them."""
    shown = help_of(capsys, "kaa")
    assert shown.startswith(
        "användning: dua kaa [-h] [--sheet NAMN] --on DATUM [--municipality KOD]\n"
    )
    assert "\nVilka som omfattas av KAA en viss dag, och varför.\n" in shown
    assert "\nargument:\n  PERSONER " in shown
    assert "\nflaggor:\n  -h, --help            visa den här hjälpen och avsluta\n" in shown
    assert "för högst 10 000 personer som omfattas" in " ".join(shown.split())
    assert shown.endswith(
        "slutstatus:\n"
        "  0  klart\n"
        "  1  indata är ogiltiga eller kan inte läsas (ett meddelande på stderr)\n"
        "  2  fel i anropet (en felaktig eller saknad flagga)\n"
    )
    english = help_of(capsys, "kaa", "--lang", "en")
    assert "for up to 10,000 covered persons" in " ".join(english.split())
    assert "\npositional arguments:\n  PERSONS " in english


# --- usage errors in one language ----------------------------------------------------------

# (argv, the last line of stderr in Swedish, and in English): argparse's own messages and
# the command's, each exit status 2.
ERRORS = [
    pytest.param(
        [],
        "dua: fel: följande argument saknas: KOMMANDO",
        "dua: error: the following arguments are required: COMMAND",
        id="no command",
    ),
    pytest.param(
        ["kaa", "register.csv"],
        "dua kaa: fel: följande argument saknas: --on",
        "dua kaa: error: the following arguments are required: --on",
        id="missing option",
    ),
    pytest.param(
        ["validate"],
        "dua validate: fel: följande argument saknas: FIL",
        "dua validate: error: the following arguments are required: FILE",
        id="missing file",
    ),
    pytest.param(
        ["frobnicate"],
        "dua: fel: KOMMANDO: ogiltigt val: 'frobnicate' (välj bland 'validate', 'check', "
        "'show', 'report', 'kaa', 'schedule', 'example', 'schema')",
        "dua: error: argument COMMAND: invalid choice: 'frobnicate' (choose from 'validate', "
        "'check', 'show', 'report', 'kaa', 'schedule', 'example', 'schema')",
        id="unknown command",
    ),
    pytest.param(
        ["report", "--example", "ggv-2016", "--format", "pdf"],
        "dua report: fel: --format: ogiltigt val: 'pdf' (välj bland 'md', 'html', 'json')",
        "dua report: error: argument --format: invalid choice: 'pdf' (choose from 'md', "
        "'html', 'json')",
        id="bad choice",
    ),
    pytest.param(
        ["show", "--lang", "de", "x.toml"],
        "dua show: fel: --lang: ogiltigt val: 'de' (välj bland 'sv', 'en')",
        "dua show: error: argument --lang: invalid choice: 'de' (choose from 'sv', 'en')",
        id="bad language",
    ),
    pytest.param(
        ["show", "--example", "ggv-2016", "--frobnicate"],
        "dua: fel: okända argument: --frobnicate",
        "dua: error: unrecognized arguments: --frobnicate",
        id="unknown flag",
    ),
    pytest.param(
        ["report", "--example", "ggv-2016", "--on", "2016-13-01"],
        "dua report: fel: --on: inte ett datum: '2016-13-01' (skriv ÅÅÅÅ-MM-DD, t.ex. 2016-09-30)",
        "dua report: error: argument --on: not a date: '2016-13-01' (write YYYY-MM-DD, e.g. "
        "2016-09-30)",
        id="bad date",
    ),
    pytest.param(
        ["report", "--example", "hallefors-2015", "--suppress-below", "0"],
        "dua report: fel: --suppress-below: inte ett heltal från 1 och uppåt: '0'",
        "dua report: error: argument --suppress-below: not a whole number of 1 or more: '0'",
        id="bad number",
    ),
    pytest.param(
        ["report", "--example", "ggv-2016", "--on"],
        "dua report: fel: --on: ett värde måste anges",
        "dua report: error: argument --on: expected one argument",
        id="no value",
    ),
    pytest.param(
        ["report", "--example", "ggv-2016", "--quiet=yes"],
        "dua report: fel: --quiet: flaggan tar inget värde, fick 'yes'",
        "dua report: error: argument --quiet: ignored explicit argument 'yes'",
        id="value for a switch",
    ),
    pytest.param(
        ["report", "--example", "ggv-2016", "--s", "Blad1"],
        "dua report: fel: flaggan --s är tvetydig: den kan vara --sheet, --suppress-below, "
        "--stylesheet",
        "dua report: error: ambiguous option: --s could match --sheet, --suppress-below, "
        "--stylesheet",
        id="ambiguous",
    ),
    pytest.param(
        ["check"],
        "dua: fel: check behöver FIL, --example NAMN eller --all-examples",
        "dua: error: check needs FILE, --example NAME or --all-examples",
        id="no agreement",
    ),
    pytest.param(
        ["report", "-", "--observations", "-"],
        "dua: fel: bara en indatafil kan läsas från standard in (-)",
        "dua: error: only one input can be read from standard input (-)",
        id="stdin twice",
    ),
    pytest.param(
        ["report", "--example", "hallefors-2015", "--on", "2017-12-31", "--title", "X"],
        "dua: fel: --stylesheet, --logo och --title gäller bara --format html",
        "dua: error: --stylesheet, --logo and --title apply to --format html only",
        id="html only",
    ),
    pytest.param(
        ["schedule", "--example", "ggv-2016", "--from", "2017-01-01", "--to", "2016-01-01"],
        "dua: fel: --to 2016-01-01 ligger före --from 2017-01-01",
        "dua: error: --to 2016-01-01 is before --from 2017-01-01",
        id="to before from",
    ),
]


def usage_error(
    capsys: pytest.CaptureFixture[str], argv: list[str], lang: str, *, env: bool = False
) -> str:
    """stderr of a usage error (exit status 2), in `lang`: `--lang` before the command, or
    with `env` the environment variable."""
    with pytest.raises(SystemExit) as caught:
        main(argv if env or lang == "sv" else ["--lang", lang, *argv])
    assert caught.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


@pytest.mark.parametrize(("argv", "swedish", "english"), ERRORS)
def test_usage_errors_in_the_chosen_language(
    argv: list[str],
    swedish: str,
    english: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for lang, expected in (("sv", swedish), ("en", english)):
        err = usage_error(capsys, argv, lang)
        first, *_, last = err.splitlines()
        assert first.startswith(f"{text('cli.argparse.usage', lang)}dua")
        assert last == expected
        # The usage line's metavars are in the same language as the message.
        mixed = words(command_lines(err)) & FOREIGN[lang]
        assert not mixed, (lang, sorted(mixed))
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert usage_error(capsys, argv, "en", env=True).splitlines()[-1] == english


def test_a_count_of_values_in_either_language() -> None:
    """argparse's one counted message (`nargs=2`, which `dua` does not use today): the
    catalogue's plural in the run's language, the count written once."""
    for lang, expected in (("sv", "--pair: 2 värden måste anges"), ("en", "--pair: expected 2")):
        with cli._argparse_speaks(lang):
            parser = argparse.ArgumentParser(exit_on_error=False)
            parser.add_argument("--pair", nargs=2)
            with pytest.raises(argparse.ArgumentError) as caught:
                parser.parse_args(["--pair", "a"])
        assert str(caught.value).removeprefix("argument ").startswith(expected)
    assert i18n.ntext("cli.argparse.values", 1, "sv") == "1 värde måste anges"


# --- argparse's texts: all of them, and only while `dua` runs ------------------------------

# What argparse can say that a user of `dua` never sees: a program's own mistakes in
# building a parser (bugs, which stay loud and in English) and the default title of
# subcommands, which `dua` does not use (it names its metavar instead).
NOT_SHOWN = {
    ".__call__() not defined": "an Action subclass without __call__ (a bug)",
    "conflicting subparser: %s": "two commands of one name (a bug)",
    "conflicting subparser alias: %s": "likewise",
    "cannot merge actions - two groups are named %r": "parents= with clashing groups (a bug)",
    "'required' is an invalid argument for positionals": "a bug",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": "a bug",
    "dest= is required for options like %r": "a bug",
    "invalid conflict_resolution value: %r": "a bug",
    "conflicting option string: %s": "two options of one name (a bug)",
    "mutually exclusive arguments must be optional": "a bug",
    "cannot have multiple subparser arguments": "a bug",
    "%r is not callable": "a type= that is not a function (a bug)",
    # Python 3.13: `deprecated=` arguments and commands, which `dua` has none of, and the
    # default title of subcommands.
    "option '%(option)s' is deprecated": "deprecated=, which dua does not use",
    "argument '%(argument_name)s' is deprecated": "likewise",
    "command '%(parser_name)s' is deprecated": "likewise",
    "subcommands": "add_subparsers(title=...), which dua does not use",
}
# What only some of the Pythons `dua` supports (3.11 to 3.13) ask `gettext` for.
NOT_IN_EVERY_PYTHON = {
    "show program's version number and exit",  # 3.13 (a plain default before)
    "%(heading)s:",  # 3.13 (a plain format before)
    " (default: %(default)s)",  # 3.13
    "%(prog)s: warning: %(message)s\n",  # 3.13
    "option '%(option)s' is deprecated",  # 3.13
    "argument '%(argument_name)s' is deprecated",  # 3.13
    "command '%(parser_name)s' is deprecated",  # 3.13
    "subcommands",  # 3.13 (a plain default before)
}


def argparse_texts() -> set[str]:
    """Every text Python's argparse asks `gettext` (`_`) or `ngettext` for, from its source."""
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "ngettext")
            and node.args
        ):
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
    return found


def test_every_argparse_text_a_user_can_see_is_in_the_catalogue() -> None:
    """Walks argparse's source: each text it can show is translated (or listed above as one
    only a bug shows), and each translated one is still argparse's (a Python that reworded
    it fails here, not in front of a user)."""
    texts = argparse_texts()
    translated = set(cli._ARGPARSE_TEXTS) | set(cli._ARGPARSE_PLURALS)
    assert texts - translated - set(NOT_SHOWN) == set()
    assert translated - texts <= NOT_IN_EVERY_PYTHON
    assert set(NOT_SHOWN) - texts <= NOT_IN_EVERY_PYTHON
    keys = i18n.keys()
    for key in [*cli._ARGPARSE_TEXTS.values(), *cli._ARGPARSE_PLURALS.values()]:
        assert key in keys, key
    # The `%` fields argparse fills in are the same in both languages (each is used).
    for msgid, key in cli._ARGPARSE_TEXTS.items():
        fields = sorted(re.findall(r"%(?:\(\w+\))?[rsd]", msgid))
        for lang in i18n.LANGS:
            assert sorted(re.findall(r"%(?:\(\w+\))?[rsd]", text(key, lang))) == fields, key


def test_dua_s_parser_uses_nothing_only_a_bug_would_show() -> None:
    """What `NOT_SHOWN` leaves out cannot reach a user of `dua`: no FileType, no titled
    subcommands; and the parser builds without any of those errors."""
    parser = cli._parser()
    commands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(commands) == 1
    for sub in [parser, *commands[0].choices.values()]:
        for action in sub._actions:
            assert not isinstance(action.type, argparse.FileType)
            assert action.help is None or "%" not in action.help.replace("%%", "")


def test_argparse_is_itself_again_after_a_run_and_in_other_threads(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A program that imports `dua` and uses argparse itself keeps argparse's own words:
    after a run, and in another thread while a run is under way."""
    assert main(["schema"]) == 0
    capsys.readouterr()
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]  # argparse's private name
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]  # likewise
    elsewhere: list[str] = []

    def other_program() -> None:
        parser = argparse.ArgumentParser(prog="other")
        elsewhere.append(parser.format_help())

    with cli._argparse_speaks("sv"):
        ours = argparse.ArgumentParser(prog="dua").format_help()
        thread = threading.Thread(target=other_program)
        thread.start()
        thread.join()
    assert ours.startswith("användning: dua")
    assert elsewhere[0].startswith("usage: other")
    assert "options:" in elsewhere[0]
    assert argparse.ArgumentParser(prog="after").format_help().startswith("usage: after")


# --- the examples in each --help run as written --------------------------------------------


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the files the examples name: agreements, a workbook with the sheet
    Blad2, a graphic profile, a KAA register (CSV and a workbook with the sheet Elever) and
    a key file; the examples run in it."""
    hallefors = examples.text("hallefors-2015")
    (tmp_path / "hallefors.toml").write_text(hallefors, encoding="utf-8")
    (tmp_path / "avtal.toml").write_text(hallefors, encoding="utf-8")
    (tmp_path / "avtal").mkdir()
    for name in ("ggv-2016", "hallefors-2015"):
        (tmp_path / "avtal" / f"{name}.toml").write_text(examples.text(name), encoding="utf-8")
    observations = (
        resources.files("dua.examples")
        .joinpath("followup", "hallefors-2015", "observations.csv")
        .read_text(encoding="utf-8")
    )
    (tmp_path / "observations.csv").write_text(observations, encoding="utf-8")
    rows = list(csv.reader(io.StringIO(observations)))
    workbook = openpyxl.Workbook()
    workbook.active.title = "Blad1"
    workbook.active.append(["Utfall finns på Blad2"])
    sheet = workbook.create_sheet("Blad2")
    for row in rows:
        sheet.append(row)
    workbook.save(tmp_path / "utfall.xlsx")
    (tmp_path / "kommun.css").write_text("h1 { color: #00416a; }\n", encoding="utf-8")
    (tmp_path / "logotyp.png").write_bytes(PNG)
    register = [
        ["personnummer", "kön", "hemkommun", "folkbokföringsstatus", "studiebevis",
         "inskrivning", "inskrivning_start", "inskrivning_slut"],
        ["20070517-1239", "K", "1863", "folkbokförd", "2024-06-10", "introduktionsprogram",
         "2022-08-20", "2024-06-10"],
        ["19811228-9874", "M", "0180", "folkbokförd", "", "", "", ""],
    ]  # fmt: skip
    (tmp_path / "register.csv").write_text(
        "".join(";".join(row) + "\n" for row in register), encoding="utf-8"
    )
    workbook = openpyxl.Workbook()
    workbook.active.title = "Elever"
    for row in register:
        workbook.active.append(row)
    workbook.save(tmp_path / "register.xlsx")
    (tmp_path / "nyckel.txt").write_text("ab" * 32 + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# What the programs the examples pipe from stand for: a municipality's own export.
EXPORTS = {
    "export-observations": Path("observations.csv"),
    "export-register": Path("register.csv"),
}


def run_as_a_shell_would(
    line: str, folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> list[int]:
    """Each `dua` of a command line (`a | b > file`, globs expanded) run in-process; the exit
    statuses."""
    statuses = []
    piped: bytes | None = None
    for part in line.replace("\\\n", " ").split(" | "):
        words_ = shlex.split(part)
        into = None
        if ">" in words_:
            words_, into = words_[: words_.index(">")], words_[words_.index(">") + 1]
        if words_[0] in EXPORTS:
            piped = (folder / EXPORTS[words_[0]]).read_bytes()
            continue
        assert words_[0] == "dua", line
        argv = [
            str(found)
            for word in words_[1:]
            for found in (sorted(Path().glob(word)) if "*" in word else [word])
        ]
        if piped is not None:
            feed(monkeypatch, piped)
        statuses.append(main(argv))
        captured = capsys.readouterr()
        piped = captured.out.encode("utf-8")
        if into is not None:
            (folder / into).write_bytes(piped)
    return statuses


@pytest.mark.parametrize(
    "line", [line for command in COMMANDS for line, _ in cli._EXAMPLES[command]]
)
def test_each_example_in_the_help_runs(
    line: str, folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12 item 6: "two or three real examples": each runs as written and ends as its
    `--help` says (0; `--strict` 1 when the agreement has a finding)."""
    statuses = run_as_a_shell_would(line, folder, monkeypatch, capsys)
    expected = 1 if "--strict" in line else 0  # Hällefors' agreement has a finding
    assert statuses[-1] == expected, line
    assert all(status == 0 for status in statuses[:-1]), line
    if "--output rapport.html" in line:
        assert (folder / "rapport.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    if "--output kaa.json" in line:
        assert '"covered_count": 1' in (folder / "kaa.json").read_text(encoding="utf-8")
    if "> dua.ics" in line:
        assert (folder / "dua.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_every_command_has_two_or_three_examples() -> None:
    for command in COMMANDS:
        count = len(cli._EXAMPLES[command])
        assert (1 if command == "schema" else 2) <= count <= 4, command
        for line, _ in cli._EXAMPLES[command]:
            assert f"dua {command}" in line, (command, line)


# --- the docs show what the command prints ---------------------------------------------------

DOCS = Path(__file__).resolve().parents[1] / "docs"


def shown_in_docs() -> Iterator[tuple[str, str, list[str]]]:
    """Each `$ dua ...` of the docs' console blocks that show a usage line: (page, command
    line, the lines shown under it, `...` for lines left out)."""
    for page in ("cli.md", "language.md"):
        source = (DOCS / page).read_text(encoding="utf-8")
        for block in re.findall(r"^```console\n(.*?)^```", source, re.MULTILINE | re.DOTALL):
            if "användning:" not in block and "usage:" not in block:
                continue
            for run in block.split("$ ")[1:]:
                line, *shown = run.rstrip("\n").splitlines()
                yield page, line, shown


@pytest.mark.parametrize(("page", "line", "shown"), list(shown_in_docs()))
def test_the_docs_show_the_help_and_errors_as_printed(
    page: str,
    line: str,
    shown: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    words_ = shlex.split(line)
    while "=" in words_[0]:
        name, value = words_.pop(0).split("=", 1)
        monkeypatch.setenv(name, value)
    assert words_[0] == "dua"
    with pytest.raises(SystemExit) as caught:
        main(words_[1:])
    assert caught.value.code == (0 if "--help" in words_ else 2)
    captured = capsys.readouterr()
    printed = (captured.out + captured.err).splitlines()
    for expected in shown:
        if expected != "...":
            assert expected in printed, (page, line, expected)
