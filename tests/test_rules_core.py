"""The rules core: decisions, criteria, law versions and the parameter files."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from dua import rules
from dua.errors import RuleNotInForce
from dua.i18n import language
from dua.rules import Criterion, Decision, LawVersion, Reference

SKOLLAGEN = Reference(
    id="sfs-2010-800-29-9",
    citation="Skollagen (SFS 2010:800) 29 kap. 9 §",
    explanation_sv="Hemkommunens aktivitetsansvar",
    explanation_en="The home municipality's activity responsibility",
)
VERSION = LawVersion(
    rule="kaa",
    id="kaa-2018-07-01",
    in_force_from=date(2018, 7, 1),
    in_force_to=date(2023, 6, 30),
    description_sv="Introduktionsprogram omfattas inte",
    description_en="Introduction programmes are not covered",
    references=(SKOLLAGEN,),
)


def decision(*outcomes: bool | None) -> Decision:
    criteria = tuple(
        Criterion(
            name=f"c{i}",
            holds=outcome,
            explanation_sv=f"kriterium {i}",
            explanation_en=f"criterion {i}",
            reference=SKOLLAGEN,
        )
        for i, outcome in enumerate(outcomes)
    )
    return Decision(
        rule="kaa",
        holds=all(o is not False for o in outcomes),
        on=date(2020, 1, 1),
        version=VERSION,
        criteria=criteria,
        subject="p-1",
    )


def test_decision_is_truthy_exactly_when_it_holds() -> None:
    assert decision(True, None)
    assert not decision(True, False)


def test_failed_criteria_and_deduplicated_references() -> None:
    result = decision(True, False, False)
    assert [c.name for c in result.failed] == ["c1", "c2"]
    assert result.references == (SKOLLAGEN,)


def test_explain_in_both_languages() -> None:
    result = decision(True, False, None)
    assert result.explain("sv").splitlines() == [
        "kaa gäller inte (2020-01-01)",
        "  kaa-2018-07-01: Introduktionsprogram omfattas inte",
        "  ✓ kriterium 0 [Skollagen (SFS 2010:800) 29 kap. 9 §]",
        "  ✗ kriterium 1 [Skollagen (SFS 2010:800) 29 kap. 9 §]",
        "  – kriterium 2 [Skollagen (SFS 2010:800) 29 kap. 9 §]",
    ]
    assert result.explain("en").splitlines()[0] == "kaa does not hold (2020-01-01)"


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        (date(2018, 6, 30), False),
        (date(2018, 7, 1), True),
        (date(2023, 6, 30), True),
        (date(2023, 7, 1), False),
    ],
)
def test_version_interval_includes_both_ends(day: date, inside: bool) -> None:
    assert VERSION.in_force_on(day) is inside


def test_unknown_rule_or_parameter_is_a_bug_not_a_user_error() -> None:
    with pytest.raises(KeyError):
        rules.version_in_force("no-such-rule", date(2020, 1, 1))
    with pytest.raises(KeyError):
        rules.parameter("no.such.parameter", date(2020, 1, 1))


def test_rule_not_in_force_names_the_covered_range() -> None:
    # In Swedish, the default, and in English (issue 12, item 4).
    error = RuleNotInForce("kaa", date(2014, 12, 31), date(2015, 1, 1), None)
    assert str(error) == (
        "kaa: ingen version gäller den 2014-12-31; versionerna gäller från och med 2015-01-01"
    )
    with language("en"):
        error = RuleNotInForce("kaa", date(2014, 12, 31), date(2015, 1, 1), None)
    assert str(error) == (
        "kaa: no version in force on 2014-12-31; versions cover 2015-01-01 onwards"
    )
    with language("en"):
        error = RuleNotInForce("kaa", date(2014, 12, 31), date(2015, 1, 1), date(2016, 1, 1))
    assert str(error).endswith("versions cover 2015-01-01 to 2016-01-01")


def test_repr_shows_the_outcome_and_the_failed_criteria_but_not_the_subject() -> None:
    # Issue 8 (mutation testing): the failed criteria in the repr were not pinned. The
    # subject (a pseudonymous key) stays out of it (privacy boundary).
    assert repr(decision(True, False, False)) == (
        "Decision(rule='kaa', holds=False, on='2020-01-01', version='kaa-2018-07-01', "
        "criteria=3, failed=[c1, c2])"
    )
    assert "p-1" not in repr(decision(True, False))
    assert repr(decision(True)).endswith("criteria=1, failed=[])")


@pytest.mark.parametrize(
    ("lang", "reference", "version"),
    [
        ("sv", "Hemkommunens aktivitetsansvar", "Introduktionsprogram omfattas inte"),
        ("en", "The home municipality's activity responsibility", "Introduction programmes are not covered"),
    ],
)  # fmt: skip
def test_references_and_versions_explain_themselves_in_either_language(
    lang: str, reference: str, version: str
) -> None:
    assert SKOLLAGEN.explanation(lang) == reference
    assert VERSION.description(lang) == version
    assert str(SKOLLAGEN) == "Skollagen (SFS 2010:800) 29 kap. 9 §"


def test_a_language_other_than_swedish_or_english_is_refused() -> None:
    # Issue 12 item 4 (one language setting): an unknown language is an error, never a
    # silent fallback to one of the two.
    with pytest.raises(ValueError, match=r"'sv' .* or 'en' .*, got 'de'"):
        SKOLLAGEN.explanation("de")
    with pytest.raises(ValueError, match="got 'de'"):
        VERSION.description("de")


def test_the_notebook_view_of_a_decision_holds_every_fact_with_its_label() -> None:
    # Issue 5 §4 (notebook display) and issue 8 (mutation testing): the labels, the outcome,
    # the value and each criterion's row were not pinned cell by cell.
    from tests.test_notebook import _rows, check_accessible_html

    shown = attrs.evolve(decision(True, False, None), value=date(2020, 9, 20))
    page = check_accessible_html(shown._repr_html_())
    assert "kaa: gäller inte (2020-01-01)" in page.all_text  # the caption
    assert _rows(page) == [
        ["Regel", "kaa"],
        ["Utfall", "gäller inte"],
        ["Datum", "2020-01-01"],
        ["Lagversion", "kaa-2018-07-01: Introduktionsprogram omfattas inte"],
        ["Värde", "2020-09-20"],
        ["Källor", "Skollagen (SFS 2010:800) 29 kap. 9 §"],
        ["c0", "ja", "kriterium 0", "Skollagen (SFS 2010:800) 29 kap. 9 §"],
        ["c1", "nej", "kriterium 1", "Skollagen (SFS 2010:800) 29 kap. 9 §"],
        ["c2", "–", "kriterium 2", "Skollagen (SFS 2010:800) 29 kap. 9 §"],
    ]
    headers = [(text, a.get("title")) for tag, a, text in page.cells if tag == "th"]
    assert headers[:2] == [("Uppgift", "Item"), ("Värde", "Value")]
    assert [h for h in headers if h[0] in {"Kriterium", "Uppfyllt", "Förklaring", "Källa"}] == [
        ("Kriterium", "Criterion"),
        ("Uppfyllt", "Holds"),
        ("Förklaring", "Explanation"),
        ("Källa", "Source"),
    ]
    assert [title for text, title in headers if text in {"Regel", "Utfall", "Datum", "Lagversion", "Källor"}] == [
        "Rule", "Outcome", "Date", "Law version", "Sources",
    ]  # fmt: skip
    assert "Kriterier" in page.all_text
    held = check_accessible_html(decision(True)._repr_html_())
    assert ["Utfall", "gäller"] in _rows(held)
    # a criterion without a source shows no source, and a value that is not a date as is
    bare = attrs.evolve(
        decision(True),
        value=3,
        criteria=(Criterion(name="n", holds=True, explanation_sv="s", explanation_en="e"),),
        version=attrs.evolve(VERSION, references=()),
    )
    rows = _rows(check_accessible_html(bare._repr_html_()))
    assert ["Värde", "3"] in rows
    assert rows[-1][:3] == ["n", "ja", "s"]
    assert "Skollagen" not in " ".join(rows[-1])
    assert "Källor" not in [row[0] for row in rows]  # no sources: no row claiming some


SFS_2019_1155 = Reference(
    id="prog-sfs-2019-1155",
    citation="SFS 2019:1155",
    explanation_sv="Utbildningskontrakt upphör",
    explanation_en="Utbildningskontrakt end",
)


@pytest.mark.parametrize(("holds", "outcome"), [(True, "holds"), (False, "does not hold")])
def test_the_notebook_view_of_a_decision_in_english(holds: bool, outcome: str) -> None:
    # Issue 12 (one language setting) and issue 8 (mutation testing): with English chosen,
    # the captions, the labels, the outcome, the version's description and each
    # criterion's explanation are English; the sources are listed apart by "; ".
    import re

    from dua.i18n import language
    from tests.test_notebook import _rows, parse

    shown = attrs.evolve(
        decision(holds),
        value=date(2020, 9, 20),
        criteria=(
            *decision(holds).criteria,
            Criterion(
                name="made_in_time",
                holds=True,
                explanation_sv="i tid",
                explanation_en="in time",
                reference=SFS_2019_1155,
            ),
        ),
    )
    with language("en"):
        fragment = shown._repr_html_()
    assert fragment.startswith('<div class="dua" lang="en">')
    assert re.findall(r"<caption>(.*?)</caption>", fragment) == [
        f"kaa: {outcome} (2020-01-01)",
        "Criteria",
    ]
    skollagen = "Skollagen (SFS 2010:800) 29 kap. 9 §"
    assert _rows(parse(fragment)) == [
        ["Rule", "kaa"],
        ["Outcome", outcome],
        ["Date", "2020-01-01"],
        ["Law version", "kaa-2018-07-01: Introduction programmes are not covered"],
        ["Value", "2020-09-20"],
        ["Sources", f"{skollagen}; SFS 2019:1155"],
        ["c0", "yes" if holds else "no", "criterion 0", skollagen],
        ["made_in_time", "yes", "in time", "SFS 2019:1155"],
    ]
    with language("sv"):
        swedish = shown._repr_html_()
    assert re.findall(r"<caption>(.*?)</caption>", swedish)[1] == "Kriterier"


def _unreferenced(holds: bool | None) -> Decision:
    return attrs.evolve(
        decision(True),
        holds=bool(holds),
        criteria=(
            Criterion(
                name="c", holds=holds, explanation_sv="utan källa", explanation_en="no source"
            ),
        ),
    )


@pytest.mark.parametrize(
    ("asked", "default", "holds", "lines"),
    [
        ("en", "sv", True, ["kaa holds (2020-01-01)",
                            "  kaa-2018-07-01: Introduction programmes are not covered",
                            "  ✓ no source"]),
        ("en", "sv", False, ["kaa does not hold (2020-01-01)",
                             "  kaa-2018-07-01: Introduction programmes are not covered",
                             "  ✗ no source"]),
        ("sv", "en", True, ["kaa gäller (2020-01-01)",
                            "  kaa-2018-07-01: Introduktionsprogram omfattas inte",
                            "  ✓ utan källa"]),
        ("sv", "en", False, ["kaa gäller inte (2020-01-01)",
                             "  kaa-2018-07-01: Introduktionsprogram omfattas inte",
                             "  ✗ utan källa"]),
    ],
)  # fmt: skip
def test_explain_writes_every_line_in_the_language_asked_for(
    asked: str, default: str, holds: bool, lines: list[str]
) -> None:
    # Issue 8 item 4 (mutation testing) and issue 12 item 4: the language asked for wins over
    # the current one, for the outcome, the version and each criterion; a criterion without
    # a source has no brackets.
    with language(default):
        assert _unreferenced(holds).explain(asked).splitlines() == lines


@pytest.mark.parametrize(
    ("asked", "default", "expected"),
    [
        ("en", "sv", "no source"),
        ("sv", "en", "utan källa"),
        (None, "en", "no source"),  # the current language when none is asked for
        (None, "sv", "utan källa"),
    ],
)
def test_a_criterion_explains_itself_in_the_language_asked_for(
    asked: str | None, default: str, expected: str
) -> None:
    [criterion] = _unreferenced(True).criteria
    with language(default):
        assert criterion.explanation(asked) == expected


def test_unknown_rule_or_parameter_names_what_was_asked_for() -> None:
    # A bug, not a user error, but it still says which name is missing (issue 8 item 4).
    with pytest.raises(KeyError, match="no-such-rule"):
        rules.version_in_force("no-such-rule", date(2020, 1, 1))
    with pytest.raises(KeyError, match=r"no\.such\.parameter"):
        rules.parameter("no.such.parameter", date(2020, 1, 1))


@pytest.mark.parametrize(
    ("on", "ask"),
    [
        # programmes.toml: traineejobb eligibility 2015-08-01 to 2017-12-31 (GGV Bilaga 3);
        # parameter traineejobb.min_age valid over the same span.
        (date(2018, 1, 1), "rule"),
        (date(2018, 1, 1), "parameter"),
        (date(2015, 7, 31), "parameter"),
    ],
)
def test_not_in_force_names_the_rule_and_both_ends_of_its_cover(on: date, ask: str) -> None:
    name = "traineejobb_eligibility" if ask == "rule" else "traineejobb.min_age"
    look_up = rules.version_in_force if ask == "rule" else rules.parameter
    with pytest.raises(RuleNotInForce) as raised:
        look_up(name, on)
    error = raised.value
    assert (error.rule, error.on, error.covered_from, error.covered_to) == (
        name,
        on,
        date(2015, 8, 1),
        date(2017, 12, 31),
    )
