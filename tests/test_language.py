"""One language for everything a person reads (issue 12 item 4).

Swedish by default, English on request (`lang=`, `dua.i18n.language`/`set_language`, the
environment variable `DUA_LANG`, the command's `--lang`); correct Swedish plurals; every
key of the catalogue in both languages with the same placeholders; and no surface that
mixes them: each command's output in one language is free of the other's words, once the
agreement's and the follow-up data's own words (which are Swedish in every language) are
taken out.
"""

from __future__ import annotations

import csv
import html
import io
import re
import string
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua import examples, i18n
from dua._catalogue import MESSAGES
from dua.cli import main
from dua.i18n import get_language, keys, language, ntext, placeholders, set_language, text
from dua.io.files import agreement_to_data
from dua.io.followup import followup_names, load_followup
from dua.municipalities import all_municipalities
from dua.report import build_report, render

# Words that only one of the two languages uses, and that no message of the other
# language may contain (function words and the command's own vocabulary).
SWEDISH_ONLY = frozenset(
    {
        "och",
        "inte",
        "för",
        "av",
        "med",
        "till",
        "är",
        "på",
        "inga",
        "ingen",
        "utan",
        "eller",
        "från",
        "som",
        "har",
        "enligt",
        "varning",
        "läser",
        "beräknar",
        "prövar",
        "händelse",
        "händelser",
        "avvikelse",
        "avvikelser",
        "personer",
        "deltagare",
        "kvinnor",
        "män",
        "andel",
        "totalt",
        "mål",
        "utfall",
        "dolt",
        "saknas",
        "gäller",
        "omfattas",
        "obs",
        "datum",
        "målet",
        "året",
        # the command's --help and usage errors (issue 12 items 4 and 6)
        "användning",
        "flaggor",
        "visa",
        "hjälpen",
        "avsluta",
        "exempel",
        "fil",
        "filer",
        "fel",
        "ogiltigt",
        "välj",
        "bland",
        "okända",
        "värde",
        "skriv",
        "klart",
        "slutstatus",
        "indata",
        "anges",
        "dagen",
        "bara",
        "också",
        "överenskommelse",
        "överenskommelser",
    }
)
ENGLISH_ONLY = frozenset(
    {
        "the",
        "and",
        "not",
        "of",
        "with",
        "for",
        "to",
        "is",
        "no",
        "from",
        "without",
        "or",
        "which",
        "reading",
        "computing",
        "testing",
        "warning",
        "event",
        "events",
        "finding",
        "findings",
        "persons",
        "participants",
        "women",
        "men",
        "share",
        "total",
        "goal",
        "goals",
        "target",
        "observed",
        "hidden",
        "covered",
        "note",
        "date",
        "year",
        # the command's --help and usage errors (issue 12 items 4 and 6)
        "usage",
        "options",
        "show",
        "help",
        "exit",
        "examples",
        "error",
        "required",
        "invalid",
        "choice",
        "expected",
        "unrecognized",
        "arguments",
        "file",
        "files",
        "write",
        "every",
        "default",
        "only",
        "agreement",
        "agreements",
    }
)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def words(text: str) -> set[str]:
    return {word.casefold() for word in WORD.findall(text)}


# What is typed the same in every language: the command's option names (`--from`,
# `--key-file`) and, in argparse's texts, the `%(fields)s` it fills in.
OPTION = re.compile(r"(?<![\w-])--?[a-z][\w-]*|%\(\w+\)[rsd]")


def literal(template: str) -> str:
    """A template's own words, its `{placeholders}`, `%(fields)s`, option names and the
    names of `dua`'s settings (`dua.limits.MAX_FILE_BYTES`) left out."""
    own = " ".join(text for text, _, _, _ in string.Formatter().parse(template))
    return re.sub(r"\bdua(?:\.\w+)+", " ", OPTION.sub(" ", own))


def templates(entry: object) -> Iterator[str]:
    yield from entry if isinstance(entry, tuple) else (entry,)


@pytest.fixture(autouse=True)
def _no_language_chosen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    set_language(None)
    yield
    set_language(None)


# --- the catalogue --------------------------------------------------------------------------


@pytest.mark.parametrize("key", keys())
def test_every_key_in_both_languages(key: str) -> None:
    """Every key: a Swedish and an English text of the same kind (plain or plural), the
    same placeholders in every form, `{n}` in every plural form, and no word of the other
    language in either."""
    entry = MESSAGES[key]
    assert isinstance(entry.sv, str) == isinstance(entry.en, str), key
    forms = [*templates(entry.sv), *templates(entry.en)]
    assert all(form.strip() for form in forms), key
    assert len({placeholders(form) for form in forms}) == 1, key
    if not isinstance(entry.sv, str):
        assert len(entry.sv) == len(entry.en) == 2, key
        assert all("n" in placeholders(form) for form in forms), key
    for form in templates(entry.sv):
        assert not words(literal(form)) & ENGLISH_ONLY, (key, form)
    for form in templates(entry.en):
        assert not words(literal(form)) & SWEDISH_ONLY, (key, form)


@pytest.mark.parametrize("key", keys())
def test_every_key_renders_in_both_languages(key: str) -> None:
    entry = MESSAGES[key]
    values = {name: "X" for form in templates(entry.sv) for name in placeholders(form)}
    values.pop("n", None)
    for lang in i18n.LANGS:
        if isinstance(entry.sv, str):
            assert text(key, lang, **values)
        else:
            assert ntext(key, 1, lang, **values) != ntext(key, 2, lang, **values) or (
                # a word that is the same in the singular and the plural ("1 person")
                entry.sv[0] == entry.sv[1] or entry.en[0] == entry.en[1]
            )


def test_the_catalogue_has_the_report_the_command_and_the_notebook() -> None:
    prefixes = {key.split(".")[0] for key in keys()}
    assert {"report", "cli", "kaa", "schedule", "notebook"} <= prefixes


@pytest.mark.parametrize(
    ("key", "n", "lang", "expected"),
    [
        ("cli.events", 1, "sv", "1 händelse"),  # issue 12: not "1 händelser"
        ("cli.events", 2, "sv", "2 händelser"),
        ("cli.events", 0, "sv", "0 händelser"),
        ("cli.events", 1, "en", "1 event"),
        ("cli.events", 1234, "en", "1,234 events"),
        ("cli.events", 1234, "sv", "1 234 händelser"),
        ("cli.persons", 1, "sv", "1 person"),
        ("cli.persons", 3, "sv", "3 personer"),
        ("cli.findings", 1, "sv", "1 avvikelse"),
        ("cli.findings", 4, "en", "4 findings"),
        (
            "cli.testing_persons",
            1,
            "sv",
            "dua: prövar 1 person mot aktivitetsansvaret",
        ),
    ],
)
def test_plurals(key: str, n: int, lang: str, expected: str) -> None:
    assert ntext(key, n, lang) == expected


@given(st.integers(min_value=0, max_value=10**9))
def test_the_singular_exactly_for_one(n: int) -> None:
    sv, en = ntext("cli.events", n, "sv"), ntext("cli.events", n, "en")
    assert sv.endswith("händelse") is (n == 1)
    assert en.endswith("event") is (n == 1)


def test_plain_and_plural_keys_are_not_mixed_up() -> None:
    with pytest.raises(KeyError, match="plural"):
        text("cli.events", "sv")
    with pytest.raises(KeyError, match="not a plural"):
        ntext("report.title", 2, "sv")
    with pytest.raises(KeyError):
        text("no.such.key")


# --- choosing the language -----------------------------------------------------------------


def test_swedish_by_default_then_env_then_process_then_block_then_argument(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert get_language() == "sv"
    monkeypatch.setenv("DUA_LANG", "en")
    assert get_language() == "en"
    assert text("report.title") == "Follow-up report"
    set_language("sv")
    assert get_language() == "sv"
    with language("en"):
        assert get_language() == "en"
        assert get_language("sv") == "sv"  # an argument wins
    assert get_language() == "sv"
    set_language(None)
    assert get_language() == "en"  # back to DUA_LANG


def test_wrong_languages_are_refused_with_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match=r"'sv' \(Swedish\) or 'en' \(English\), got 'de'"):
        set_language("de")
    with pytest.raises(ValueError, match="'de'"), language("de"):
        pass  # pragma: no cover - the block is never entered
    monkeypatch.setenv("DUA_LANG", "fi")
    with pytest.raises(ValueError, match="DUA_LANG"):
        get_language()


def test_dua_lang_reaches_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DUA_LANG", "en")
    assert main(["check", "--example", "ggv-2016"]) == 0
    assert "ggv-2016 (ggv-2016): 1 finding\n" in capsys.readouterr().out
    # the option wins over the variable, before or after the command
    assert main(["--lang", "sv", "check", "--example", "ggv-2016"]) == 0
    assert "1 avvikelse\n" in capsys.readouterr().out
    assert main(["check", "--example", "ggv-2016", "--lang", "sv"]) == 0
    assert "1 avvikelse\n" in capsys.readouterr().out
    monkeypatch.setenv("DUA_LANG", "fi")
    assert main(["check", "--example", "ggv-2016"]) == 2
    assert "DUA_LANG" in capsys.readouterr().err


def test_reports_follow_the_setting() -> None:
    agreement, data = examples.load("hallefors-2015"), load_followup("hallefors-2015")
    from datetime import date

    on = date(2018, 1, 31)
    assert build_report(agreement, data, on=on).lang == "sv"
    with language("en"):
        report = build_report(agreement, data, on=on)
        assert report.lang == "en"
        assert "# Follow-up report" in render(report, "md")
    assert build_report(agreement, data, on=on, lang="en").lang == "en"


def test_notebook_tables_follow_the_setting() -> None:
    agreement = examples.load("ggv-2016")
    swedish = agreement._repr_html_()
    with language("en"):
        english = agreement._repr_html_()
    assert 'lang="sv"' in swedish
    assert ">Parter<" in swedish
    assert ">Parties<" not in swedish
    assert 'lang="en"' in english
    assert ">Parties<" in english
    assert ">Parter<" not in english


# --- no surface mixes languages ------------------------------------------------------------


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _strings(value)


def _data_words() -> list[str]:
    """The words of the agreements and of their follow-up data, which stay as written."""
    found: set[str] = set()
    for name in examples.names():
        found.update(_strings(agreement_to_data(examples.load(name))))
    for name in followup_names():
        folder = resources.files("dua.examples").joinpath("followup", name)
        for entry in folder.iterdir():
            if entry.name.endswith(".csv"):
                for row in csv.reader(io.StringIO(entry.read_text("utf-8"))):
                    found.update(cell for cell in row for cell in cell.split(";"))
    found.update(m.name for m in all_municipalities())
    return sorted((text for text in found if text.strip()), key=len, reverse=True)


DATA = _data_words()


def without_data(output: str) -> str:
    for phrase in DATA:
        output = output.replace(phrase, " ")
    return output


def readable(output: str) -> str:
    """What a person reads of an output in the chosen language: no markup, no style sheet,
    no tooltips (`title="…"` holds the other language on purpose), no file names, and not
    the documents' own words (their data, or a wording shortened to fit a table, "…")."""
    output = re.sub(r'title="[^"]*"|<style>.*?</style>', " ", output, flags=re.S)
    cells = [html.unescape(cell) for cell in re.split(r"<[^>]+>", output)]
    output = "\n".join(cell for cell in cells if not cell.rstrip().endswith("…"))
    output = re.sub(r"[\w.:/-]+\.(?:csv|toml|ics)\b", " ", output)
    # Names typed the same in every language: `--key-file`, `dua.examples:ggv-2016`
    output = OPTION.sub(" ", output)
    output = re.sub(r"\bdua(?:\.\w+)+(?::[\w./-]+)?", " ", output)
    return without_data(output)


def _commands(tmp_path: Path) -> list[list[str]]:
    register = tmp_path / "kaa.csv"
    register.write_text(
        "personnummer;kön;hemkommun;folkbokföringsstatus;examensbevis;studiebevis;"
        "inskrivning;inskrivning_start;inskrivning_slut\n"
        "20000517-1236;K;1863;folkbokförd;;2019-06-10;introduktionsprogram;2016-08-20;"
        "2019-06-10\n"
        "19811228-9874;M;0180;folkbokförd;;;;;\n",
        encoding="utf-8",
    )
    agreement = tmp_path / "ggv.toml"
    agreement.write_text(examples.text("ggv-2016"), encoding="utf-8")
    commands = [
        ["validate", str(agreement)],
        ["check", "--all-examples"],
        ["show", "--all-examples"],
        ["kaa", str(register), "--on", "2019-09-15", "--explain"],
        ["kaa", str(register), "--on", "2019-09-15", "--municipality", "1863"],
        ["schedule", "--example", "sjuharad-2020", "--from", "2021-01-01",
         "--ics", str(tmp_path / "dua.ics")],
        ["schedule", "--example", "norsjo-2015", "--from", "2016-01-01"],
    ]  # fmt: skip
    for name in followup_names():
        for fmt in ("md", "html"):
            commands.append(["report", "--example", name, "--on", "2021-12-31", "--format", fmt])
    return commands


@pytest.mark.parametrize(("lang", "foreign"), [("sv", ENGLISH_ONLY), ("en", SWEDISH_ONLY)])
def test_no_command_mixes_languages(
    lang: str,
    foreign: frozenset[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every command on the examples, its progress shown as on a terminal: in English no
    Swedish word, in Swedish no English word, besides the documents' own words."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("CI", raising=False)  # a CI runner sets it, which hides progress
    for command in _commands(tmp_path):
        status = main(["--lang", lang, *command])
        captured = capsys.readouterr()
        assert status == 0, (command, captured.err)
        if command[0] == "report":  # the progress is shown, so it is checked too
            assert text("cli.computing", lang, on="2021-12-31") in captured.err
        output = (captured.out + captured.err).replace(str(tmp_path), " ")
        # What `dua check` quotes from a document is the document's words
        output = re.sub(r'"[^"\n]*"', " ", output) if command[0] == "check" else output
        mixed = words(readable(output)) & foreign
        assert not mixed, (command, sorted(mixed))


def _notebook_displays() -> Iterator[tuple[str, str]]:
    """Each kind of object a notebook shows, by name, as its HTML display."""
    from datetime import date

    from dua.metrics.gender import gender_balance
    from dua.metrics.goals import assess_agreement
    from dua.report import build_report

    for name in examples.names():
        yield name, examples.load(name)._repr_html_()
    for name in followup_names():
        agreement, data = examples.load(name), load_followup(name)
        on = date(2021, 12, 31)
        for assessment in assess_agreement(agreement, data, on):
            yield f"{name} {assessment.goal}", assessment._repr_html_()
            for result in assessment.results:
                yield f"{name} {assessment.goal} result", result._repr_html_()
        report = build_report(agreement, data, on=on)
        yield f"{name} report", report._repr_html_()
        for entry in report.mapping:
            yield f"{name} mapping", entry.table._repr_html_()
        yield f"{name} gender", gender_balance(data.participants)._repr_html_()


@pytest.mark.parametrize(("lang", "foreign"), [("sv", ENGLISH_ONLY), ("en", SWEDISH_ONLY)])
def test_no_notebook_table_mixes_languages(lang: str, foreign: frozenset[str]) -> None:
    """The notebook tables of agreements, assessments, results, reports, mapping tables
    and gender balances: only the chosen language besides the documents' own words (the
    tooltips, `title="…"`, hold the other language on purpose)."""
    with language(lang):
        for name, shown in _notebook_displays():
            mixed = words(readable(shown)) & foreign
            assert not mixed, (name, sorted(mixed))


@pytest.mark.parametrize(("lang", "expected"), [("sv", "12 345,5"), ("en", "12,345.5")])
def test_notebook_numbers_are_written_as_the_language_writes_them(lang: str, expected: str) -> None:
    """Issue 12 item 4: a notebook table in English writes `12,345.5`, not the Swedish
    `12 345,5` (every value a template shows passes `dua._html.escape`)."""
    from decimal import Decimal

    from dua import _html

    with i18n.language(lang):
        assert str(_html.escape(Decimal("12345.5"))) == expected
        assert str(_html.escape(12345)) == expected.split("," if lang == "sv" else ".")[0]
