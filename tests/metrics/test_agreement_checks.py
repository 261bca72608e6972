"""The agreement checker beyond sums (issue 11 §3): each check on small agreements, and
the findings in the five bundled examples, which must be what the documents really say
and nothing else."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua import examples
from dua.errors import ValidationError
from dua.i18n import language
from dua.metrics.agreement_checks import (
    AgreementFinding,
    CheckKind,
    Place,
    Severity,
    check,
)
from dua.model import (
    Activity,
    ActivityKind,
    AgeBand,
    Agreement,
    AgreementKind,
    Baseline,
    Body,
    BodyKind,
    Cadence,
    Comparison,
    Content,
    Duration,
    Eligibility,
    Figure,
    Frequency,
    Goal,
    GoalKind,
    Member,
    Organisation,
    Party,
    PartyKind,
    Period,
    ProcessModel,
    Section,
    SourceRef,
    Stage,
    StateGrant,
    StatisticsSnapshot,
    Target,
    TargetGroup,
    Track,
)

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

A = Party(id="a", kind=PartyKind.MUNICIPALITY, name="A kommun", municipality_code="0180")
B = Party(id="b", kind=PartyKind.MUNICIPALITY, name="B kommun", municipality_code="0181")
AF = Party(id="af", kind=PartyKind.PUBLIC_EMPLOYMENT_SERVICE, name="Arbetsförmedlingen")


def agreement(**kw: object) -> Agreement:
    return Agreement(id="x", title="x", kind=AgreementKind.YOUTH, parties=[A, B, AF], **kw)  # type: ignore[arg-type]  # test helper passes model fields through


def kinds(found: list[AgreementFinding]) -> list[CheckKind]:
    return [f.kind for f in found]


# --- count words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "listed", "found"),
    [
        ("Fem insatser har identifierats.", 6, True),  # Norrköping, modul 2
        ("Sex insatser har identifierats.", 6, False),
        ("Två moment ingår.", 2, False),
        ("En insats.", 6, False),  # "en" is also the article: not read
    ],
)
def test_count_word_against_a_stage_s_contents(text: str, listed: int, found: bool) -> None:
    stage = Stage(
        id="m2", name="Modul 2", description=text,
        contents=[Content(name=f"insats {i}") for i in range(listed)],
    )  # fmt: skip
    result = check(agreement(process_models=[ProcessModel(id="p", name="p", stages=[stage])]))
    assert kinds(result) == ([CheckKind.COUNT_WORD] if found else [])
    if found:
        (finding,) = result
        assert finding.severity is Severity.WARNING
        assert [p.path for p in finding.places] == [
            "process_models[0].stages[0].description",
            "process_models[0].stages[0].contents",
        ]
        assert finding.places[0].words == text.split(" har")[0]
        assert finding.follows == f"{listed} listed"


def test_count_word_against_providers_and_members() -> None:
    # Norsjö: "De fyra huvudmännen" after five named founders; GGV: "sammanlagt fem
    # representanter" with five members agrees (members with a count count that many).
    founders = Activity(
        id="sf", name="Samordningsförbundet", kind=ActivityKind.NETWORK,
        providers=["FK", "AF", "A", "B", "Region"],
        description="De fyra huvudmännen har en vision.",
    )  # fmt: skip
    group = Body(
        id="sg", kind=BodyKind.STEERING_GROUP, name="Styrgrupp",
        members=[Member(role="chef", count=3), Member(role="enhetschef"), Member(role="sektionschef")],
        description="Sammanlagt fem representanter.",
    )  # fmt: skip
    result = check(agreement(activities=[founders], organisation=Organisation(bodies=[group])))
    (finding,) = result
    assert finding.kind is CheckKind.COUNT_WORD
    assert finding.places[0].words == "fyra huvudmännen"
    assert finding.places[1].path == "activities[0].providers"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Sjuhärads åtta kommuner ansöker om statsbidraget.", True),
        ("De två kommunerna samverkar.", False),
        ("Kommunerna samverkar.", False),
    ],
)
def test_named_number_of_municipalities_against_the_parties(text: str, found: bool) -> None:
    result = check(
        agreement(sections=[Section(heading="h", text=text), Section(heading="i", text=text)])
    )
    assert kinds(result) == ([CheckKind.PARTY_COUNT] if found else [])
    if found:
        # The same words in two places are one finding naming both.
        assert [p.path for p in result[0].places] == ["sections[0].text", "sections[1].text"]
        assert result[0].severity is Severity.NOTE
        assert "2 municipalities" in result[0].follows


# --- part and whole across snapshots ----------------------------------------------------------


def _statistics(part: int, share: str) -> list[TargetGroup]:
    source = SourceRef(document="d")
    whole = StatisticsSnapshot(id="s1", title="t", source=source, figures=[
        Figure(id="alla", label="målgruppen 1 744", value=1744),
        Figure(id="unga", label="7 procent yngre än 25 utan examen", value=share, unit="procent", of="alla"),
    ])  # fmt: skip
    subset = StatisticsSnapshot(id="s2", title="t", source=source, figures=[
        Figure(id="del", label=f"ca {part} unga", value=part, within="s1/unga"),
    ])  # fmt: skip
    return [
        TargetGroup(id="g1", name="g1", statistics=[whole]),
        TargetGroup(id="g2", name="g2", statistics=[subset]),
    ]


@pytest.mark.parametrize(
    ("part", "share", "found"),
    [
        (180, "7", True),  # Norrköping: 6,5–7,5 % of 1 744 is 113,4–130,8
        (130, "7", False),  # within the rounding of "7 procent"
        (131, "7", True),
        (131, "7.5", False),
    ],
)
def test_part_larger_than_its_whole_across_snapshots(part: int, share: str, found: bool) -> None:
    result = check(agreement(target_groups=_statistics(part, share)))
    assert kinds(result) == ([CheckKind.PART_EXCEEDS_WHOLE] if found else [])
    if found:
        assert [p.path for p in result[0].places] == [
            "target_groups[1].statistics[0].figures[0]",
            "target_groups[0].statistics[0].figures[1]",
        ]


def test_within_an_unknown_figure_names_the_place() -> None:
    groups = _statistics(180, "7")
    snapshot = attrs.evolve(groups[1].statistics[0], figures=[
        Figure(id="del", label="x", value=1, within="s1/saknas")])  # fmt: skip
    with pytest.raises(ValidationError) as raised:
        check(agreement(target_groups=[groups[0], attrs.evolve(groups[1], statistics=[snapshot])]))
    # The place, what is wrong and how to write it, and the value given.
    assert str(raised.value) == (
        "1 problem:\n  - target_groups[1].statistics[0].figures[0].within: names no figure of "
        "this agreement (use snapshot-id/figure-id) (got 's1/saknas')"
    )


# --- duration against period --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "months", "found"),
    [
        (date(2017, 6, 30), 12, True),  # GGV: 12 months, June 2016 – June 2017 is 13
        (date(2017, 5, 31), 12, False),
        (date(2017, 6, 30), 13, False),
        (date(2017, 6, 15), 12, False),  # not whole months: nothing follows
    ],
)
def test_duration_against_its_period(end: date, months: int, found: bool) -> None:
    grant = StateGrant(
        period=Period(start=date(2016, 6, 1), end=end), purpose="p",
        period_text="juni 2016 – juni 2017", duration=Duration(minimum=months, maximum=months),
    )  # fmt: skip
    result = check(agreement(state_grants=[grant]))
    assert kinds(result) == ([CheckKind.DURATION_PERIOD] if found else [])


# --- age bands ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Mark medverkar i Vi-projektet, ett ESF projekt för ungdomar, 16-24 år.", True),
        ("Mark medverkar i Vi-projektet, ett ESF projekt för ungdomar, 15-24 år.", False),
        ("Ungdomar som är 20-24 år medverkar i Vi-projektet.", False),  # a band before the name
        ("Vi-projektet vänder sig till 15-25 år.", False),  # "not yet 25": the same band
    ],
)
def test_one_activity_with_different_age_bands(sentence: str, found: bool) -> None:
    project = Activity(
        id="vi", name="Vi-projektet", kind=ActivityKind.PROJECT,
        eligibility=Eligibility(age_band=AgeBand(min_age=15, max_age=24)),
    )  # fmt: skip
    result = check(agreement(activities=[project], sections=[Section(heading="h", text=sentence)]))
    assert kinds(result) == ([CheckKind.AGE_BANDS] if found else [])


# --- cadences ------------------------------------------------------------------------------------


def _cadence_goal(text: str, cadence: Cadence) -> Goal:
    low = cadence.per_year()
    assert low is not None
    target = Target(comparison=Comparison.AT_LEAST, value=low[0], period=Period.year(2021))
    return Goal(
        id="g", text=text, kind=GoalKind.CADENCE, body="ag", cadence=cadence, targets=[target]
    )


@pytest.mark.parametrize(
    ("text", "goal_cadence", "found"),
    [
        ("Fast dagordning, möten 6-8 ggr per år.", Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=6, max_times=8), True),
        ("Träffar 10-12 ggr per år.", Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=10, max_times=12), False),
        ("Gå igenom siffror två gånger per år.", Cadence(frequency=Frequency.TWICE_A_YEAR), False),  # a task, not the meetings
    ],
)  # fmt: skip
def test_meeting_cadence_stated_two_ways(text: str, goal_cadence: Cadence, found: bool) -> None:
    group = Body(id="ag", kind=BodyKind.WORKING_GROUP, name="Arbetsgrupp",
                 cadence=Cadence(frequency=Frequency.MONTHLY, text="ett möte per månad"))  # fmt: skip
    result = check(agreement(organisation=Organisation(bodies=[group]),
                             goals=[_cadence_goal(text, goal_cadence)]))  # fmt: skip
    assert kinds(result) == ([CheckKind.CADENCE] if found else [])


# --- goals against the validity ---------------------------------------------------------------

VALIDITY = Period(start=date(2015, 11, 30), end=date(2017, 12, 31))


def _level_goal(**kw: object) -> Goal:
    # A goal with only a period is qualitative here (a level goal needs a target).
    if "targets" in kw:
        return Goal(id="g", text="t", kind=GoalKind.LEVEL, indicator="i", unit="procent", **kw)  # type: ignore[arg-type]  # test helper passes goal fields through
    return Goal(id="g", text="t", kind=GoalKind.QUALITATIVE, **kw)  # type: ignore[arg-type]  # test helper passes goal fields through


@pytest.mark.parametrize(
    ("goal", "found"),
    [
        (_level_goal(period=Period(start=date(2016, 1, 1), end=date(2017, 12, 31))), []),
        (_level_goal(period=VALIDITY), []),  # the whole validity, to the day
        (_level_goal(period=Period(start=date(2016, 1, 1), end=date(2018, 12, 31))), [CheckKind.GOAL_OUTSIDE_VALIDITY]),
        (_level_goal(period=Period(start=date(2015, 1, 1), end=date(2016, 12, 31))), [CheckKind.GOAL_OUTSIDE_VALIDITY]),
        (_level_goal(targets=[Target(comparison=Comparison.AT_MOST, value=20, due=date(2017, 12, 31))]), []),
        (_level_goal(targets=[Target(comparison=Comparison.AT_MOST, value=20, due=date(2018, 1, 1))]), [CheckKind.TARGET_AFTER_END]),
        (_level_goal(targets=[Target(comparison=Comparison.AT_MOST, value=20, period=Period.year(2018))]), [CheckKind.TARGET_AFTER_END]),
        # Hällefors: baseline September 2015 before the September 2016 target.
        (_level_goal(baseline=Baseline(value=22, period=Period(start=date(2015, 9, 1), end=date(2015, 9, 30))),
                     targets=[Target(comparison=Comparison.AT_MOST, value=21, due=date(2016, 9, 30))]), []),
        (_level_goal(baseline=Baseline(value=22, on=date(2016, 10, 1)),
                     targets=[Target(comparison=Comparison.AT_MOST, value=21, due=date(2016, 9, 30))]),
         [CheckKind.BASELINE_AFTER_TARGET]),
    ],
)  # fmt: skip
def test_goals_against_the_validity(goal: Goal, found: list[CheckKind]) -> None:
    result = check(agreement(validity=VALIDITY, goals=[goal]))
    assert kinds(result) == found
    severities = {CheckKind.BASELINE_AFTER_TARGET: Severity.ERROR}
    for finding in result:
        assert finding.severity is severities.get(finding.kind, Severity.WARNING)


def test_a_target_after_the_end_behind_an_undated_one() -> None:
    # A target without a date ("tills vidare") is passed over and one within the validity
    # agrees; the next one is still read. Without its own words a target is named by date.
    goal = _level_goal(targets=[
        Target(comparison=Comparison.AT_MOST, value=21),
        Target(comparison=Comparison.AT_MOST, value=21, due=date(2017, 6, 30)),
        Target(comparison=Comparison.AT_MOST, value=20, due=date(2018, 1, 1)),
    ])  # fmt: skip
    result = check(agreement(validity=VALIDITY, goals=[goal]))
    assert [(f.kind, f.places[0]) for f in result] == [
        (CheckKind.TARGET_AFTER_END, Place(path="goals[0].targets[2]", words="2018-01-01"))
    ]


def test_goals_of_an_agreement_until_further_notice_are_not_after_its_end() -> None:
    goal = _level_goal(
        targets=[Target(comparison=Comparison.AT_MOST, value=20, due=date(2030, 1, 1))]
    )
    assert check(agreement(validity=Period(start=date(2020, 11, 1)), goals=[goal])) == []


# --- the five examples ------------------------------------------------------------------------

# Every finding in the bundled examples: (kind, severity, first place's path, its words).
KNOWN = {
    "norsjo-2015": [
        # "De fyra huvudmännen" and "de fyra myndigheterna" after five named founders.
        (CheckKind.COUNT_WORD, Severity.WARNING, "activities[15].description", "fyra huvudmännen"),
        (CheckKind.COUNT_WORD, Severity.WARNING, "activities[15].description", "fyra myndigheterna"),
    ],
    "hallefors-2015": [
        # 61 of 874 stated as 7,3 %; 19 of 832 stated as 2,2 %.
        (CheckKind.STATISTICS, Severity.WARNING, "target_groups[0].statistics[1].figures[10]", "vilket utgör 7,3 % av åldersgruppen: 7,3 % (61/874)"),
        (CheckKind.STATISTICS, Severity.WARNING, "target_groups[0].statistics[1].figures[15]", "dvs 2,2 % av åldersgruppen: 2,2 % (19/832)"),
    ],
    "ggv-2016": [
        # A state grant for 12 months, June 2016 – June 2017.
        (CheckKind.DURATION_PERIOD, Severity.WARNING, "state_grants[0].duration", "12 månader"),
    ],
    "norrkoping-2018": [
        # "Fem insatser" with six listed; ca 180 of a subset against 7 % of 1 744.
        (CheckKind.COUNT_WORD, Severity.WARNING, "process_models[0].stages[1].description", "Fem insatser"),
        (CheckKind.PART_EXCEEDS_WHOLE, Severity.WARNING, "target_groups[1].statistics[0].figures[0]",
         "I gruppen unga nyanlända mellan 16-24 som i dagsläget saknar gymnasieexamen är ca 180 ungdomar inskrivna på Arbetsförmedlingen och deltar i etableringen"),
    ],
    "sjuharad-2020": [
        # The KAA table's total 1 681 against parts summing to 1 690; "åtta kommuner" with
        # six; VI-projektet 15–24 and 16–24; the working group monthly against 6–8 a year.
        (CheckKind.STATISTICS, Severity.WARNING, "target_groups[6].statistics[0].partitions[0]", "Försörjningsstöd vuxna 30/6, Totalt: 1 681"),
        (CheckKind.PARTY_COUNT, Severity.NOTE, "activities[2].description", "åtta kommuner"),
        (CheckKind.AGE_BANDS, Severity.NOTE, "activities[0].eligibility.age_band", "15–24"),
        (CheckKind.CADENCE, Severity.NOTE, "goals[4].cadence", "6-8 ggr per år"),
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_the_examples_findings_are_what_the_documents_say(name: str) -> None:
    found = check(examples.load(name))
    assert [(f.kind, f.severity, f.places[0].path, f.places[0].words) for f in found] == KNOWN[name]


def test_sjuharad_findings_name_both_places() -> None:
    found = {f.kind: f for f in check(examples.load("sjuharad-2020"))}
    assert [p.path for p in found[CheckKind.PARTY_COUNT].places] == [
        "activities[2].description",
        "sections[1].text",
    ]
    assert found[CheckKind.AGE_BANDS].places[1].words == (
        "Vi-projektet, ett ESF projekt med syfte att stötta ungdomar, 16-24 år"
    )
    assert found[CheckKind.CADENCE].places[1].path == "organisation.bodies[0].cadence"
    assert "6–8 a year against 12 a year" in found[CheckKind.CADENCE].follows


def test_describe_in_both_languages() -> None:
    (finding,) = check(examples.load("ggv-2016"))
    assert finding.describe("sv") == (
        'varning: "12 månader" [state_grants[0].duration]; "juni 2016 – juni 2017" '
        "[state_grants[0].period]; följer perioden 2016-06-01–2017-06-30 är 13 hela månader "
        "— längd mot period"
    )
    # Issue 12 item 3: the document's words first, the path after them as a detail.
    assert str(finding).startswith('warning: "12 månader" [state_grants[0].duration]')


def test_str_of_a_finding_is_english_whatever_the_language() -> None:
    # `str()` is the English line (`AgreementFinding.__str__`, for logs and tracebacks);
    # the Swedish line is `describe()`/`describe("sv")`. Issue 8 item 4: the mutant that
    # followed the current language instead.
    (finding,) = check(examples.load("ggv-2016"))
    with language("sv"):
        assert str(finding) == finding.describe("en")
        assert str(finding).startswith("warning: ")
        assert finding.describe().startswith("varning: ")


@given(st.sampled_from(["två", "tre", "fyra", "fem", "sex", "sju", "åtta"]), st.integers(1, 9))
def test_a_count_word_is_a_finding_exactly_when_it_differs(word: str, listed: int) -> None:
    from dua.metrics.agreement_checks import NUMBER_WORDS

    stage = Stage(id="m", name="m", description=f"{word.capitalize()} insatser ingår.",
                  contents=[Content(name=f"c{i}") for i in range(listed)])  # fmt: skip
    result = check(agreement(process_models=[ProcessModel(id="p", name="p", stages=[stage])]))
    assert bool(result) is (NUMBER_WORDS[word] != listed)


def test_the_docs_page_shows_every_finding_of_the_examples() -> None:
    # Issue 11 §3: "the docs page for the checker shows them".
    from pathlib import Path

    from dua.metrics.agreement_checks import check as run

    page = (Path(__file__).parents[2] / "docs" / "metrics" / "agreement-checks.md").read_text(
        "utf-8"
    )
    for name in KNOWN:
        for finding in run(examples.load(name)):
            assert finding.describe("sv") in page


# --- whole findings (issue 8 item 4: tests that kill the survivors of mutation testing) --------
# Each finding is compared whole — kind, severity, both places and what follows in English
# and Swedish — so that a changed path, word, count or text is noticed.


def test_count_word_findings_whole_for_every_owner_of_a_list() -> None:
    # Norrköping modul 2 ("Fem insatser", six listed) in a track's stage, a body whose
    # members count as many as stated (Member.count, "verksamhetschefer" 3; a count of 0
    # is read as one person), and an activity's providers; the description is read across
    # line breaks and in any case.
    stage = Stage(id="m2", name="Modul 2", description="FEM\ninsatser ingår.",
                  contents=[Content(name=f"insats {i}") for i in range(6)])  # fmt: skip
    track = Track(id="t", name="Vård", stages=[Stage(id="m1", name="m1"), stage])
    group = Body(
        id="sg", kind=BodyKind.STEERING_GROUP, name="Styrgrupp",
        members=[Member(role="chef", count=3), Member(role="enhetschef", count=0, name="Eva")],
        description="Styrgruppen har fem ledamöter.",
    )  # fmt: skip
    quiet = Body(
        id="ag", kind=BodyKind.WORKING_GROUP, name="Arbetsgrupp", description="Tre ledamöter."
    )
    activity = Activity(id="sf", name="Förbundet", kind=ActivityKind.NETWORK,
                        providers=["FK", "AF"], description="Tre parter. Två parter.")  # fmt: skip
    result = check(
        agreement(
            activities=[activity],
            organisation=Organisation(bodies=[quiet, group]),
            tracks=[track],
        )
    )
    assert result == [
        AgreementFinding(
            kind=CheckKind.COUNT_WORD, severity=Severity.WARNING,
            places=(Place(path="activities[0].description", words="Tre parter"),
                    Place(path="activities[0].providers", words="FK, AF")),
            follows="2 listed", follows_sv="2 uppräknade",
        ),
        AgreementFinding(
            kind=CheckKind.COUNT_WORD, severity=Severity.WARNING,
            places=(Place(path="organisation.bodies[1].description", words="fem ledamöter"),
                    Place(path="organisation.bodies[1].members", words="chef, Eva")),
            follows="4 listed", follows_sv="4 uppräknade",
        ),
        AgreementFinding(
            kind=CheckKind.COUNT_WORD, severity=Severity.WARNING,
            places=(Place(path="tracks[0].stages[1].description", words="FEM insatser"),
                    Place(path="tracks[0].stages[1].contents", words=", ".join(f"insats {i}" for i in range(6)))),
            follows="6 listed", follows_sv="6 uppräknade",
        ),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ["Femton insatser ingår.", "Elvafem insatser ingår.", "Fem insatserna2 ingår."],
)
def test_a_count_word_is_read_only_as_a_whole_word(text: str) -> None:
    # "femton" is not "fem": the number word and the noun must each be whole words.
    stage = Stage(id="m", name="m", description=text, contents=[Content(name="c")])
    assert check(agreement(process_models=[ProcessModel(id="p", name="p", stages=[stage])])) == []


def test_party_count_findings_whole() -> None:
    # Sjuhärad: "åtta kommuner" with six among the parties; the same words in another case
    # are the same finding; one municipality is worded in the singular.
    two = check(agreement(sections=[Section(heading="h", text="Åtta kommuner."),
                                    Section(heading="i", text="Dessa åtta\nkommuner.")]))  # fmt: skip
    assert two == [
        AgreementFinding(
            kind=CheckKind.PARTY_COUNT, severity=Severity.NOTE,
            places=(Place(path="sections[0].text", words="Åtta kommuner"),
                    Place(path="sections[1].text", words="åtta kommuner")),
            follows="2 municipalities among the parties", follows_sv="2 kommuner bland parterna",
        )
    ]  # fmt: skip
    one = Agreement(id="x", title="x", kind=AgreementKind.YOUTH, parties=[A, AF],
                    sections=[Section(heading="h", text="Tre kommuner.")])  # fmt: skip
    (finding,) = check(one)
    assert (finding.follows, finding.follows_sv) == (
        "1 municipality among the parties",
        "1 kommun bland parterna",
    )


def test_every_text_is_read_including_a_figure_s_categories() -> None:
    # The texts of a breakdown (`categories = {område = "tre kommuner"}`) are read too,
    # named by their key.
    snapshot = StatisticsSnapshot(id="s", title="t", source=SourceRef(document="d"), figures=[
        Figure(id="f", label="f", value=1, categories={"område": "Tre kommuner"})])  # fmt: skip
    (finding,) = check(
        agreement(target_groups=[TargetGroup(id="g", name="g", statistics=[snapshot])])
    )
    assert finding.places == (
        Place(
            path="target_groups[0].statistics[0].figures[0].categories.område", words="Tre kommuner"
        ),
    )


def test_different_numbers_of_municipalities_are_separate_findings() -> None:
    # "De tre kommunerna" and "fyra kommuner" with two municipal parties: two findings.
    text = "De tre kommunerna samverkar. Fyra kommuner ingår."
    result = check(agreement(sections=[Section(heading="h", text=text)]))
    assert [[p.words for p in f.places] for f in result] == [["tre kommunerna"], ["Fyra kommuner"]]


def test_no_party_count_without_municipalities_among_the_parties() -> None:
    # A regional agreement without municipal parties names no number to compare with.
    region = Agreement(id="x", title="x", kind=AgreementKind.YOUTH, parties=[AF],
                       sections=[Section(heading="h", text="Tre kommuner.")])  # fmt: skip
    assert check(region) == []


def test_part_exceeds_whole_finding_whole() -> None:
    # Norrköping: ca 180 against 7 % of 1 744, i.e. 6,5–7,5 % of it: 113,36–130,8.
    (finding,) = check(agreement(target_groups=_statistics(180, "7")))
    assert finding == AgreementFinding(
        kind=CheckKind.PART_EXCEEDS_WHOLE,
        severity=Severity.WARNING,
        places=(
            Place(path="target_groups[1].statistics[0].figures[0]", words="ca 180 unga"),
            Place(
                path="target_groups[0].statistics[0].figures[1]",
                words="7 procent yngre än 25 utan examen",
            ),
        ),
        follows="the whole is 113.4–130.8, the part 180",
        follows_sv="helheten är 113,4–130,8, delen 180",
    )


def _within(whole: list[Figure], within: str, part: int) -> Agreement:
    source = SourceRef(document="d")
    snapshot = StatisticsSnapshot(id="s1", title="t", source=source, figures=[
        *whole, Figure(id="del", label="delen", value=part, within=within)])  # fmt: skip
    return agreement(target_groups=[TargetGroup(id="g", name="g", statistics=[snapshot])])


@pytest.mark.parametrize(
    ("within", "part", "found"),
    [("alla", 101, True), ("alla", 100, False), ("s1/alla", 101, True)],
)
def test_a_part_of_a_count_in_the_same_snapshot(within: str, part: int, found: bool) -> None:
    # A `within` without a snapshot id names a figure of the same snapshot; a count is
    # its own bound (the part may equal it).
    result = check(_within([Figure(id="alla", label="alla 100", value=100)], within, part))
    if not found:
        assert result == []
        return
    (finding,) = result
    assert finding.places == (
        Place(path="target_groups[0].statistics[0].figures[1]", words="delen"),
        Place(path="target_groups[0].statistics[0].figures[0]", words="alla 100"),
    )
    assert (finding.follows, finding.follows_sv) == (
        "the whole is 100, the part 101",
        "helheten är 100, delen 101",
    )


def test_a_part_beyond_a_large_count_in_both_languages() -> None:
    # Norrköping's 1 744: a part that agrees comes first; thousands are grouped per language.
    whole = [Figure(id="alla", label="målgruppen 1 744", value=1744)]
    source = SourceRef(document="d")
    snapshot = StatisticsSnapshot(id="s1", title="t", source=source, figures=[
        *whole,
        Figure(id="ok", label="ok", value=1744, within="alla"),
        Figure(id="del", label="del", value=1800, within="alla"),
    ])  # fmt: skip
    groups = [TargetGroup(id="g", name="g", statistics=[snapshot])]
    (finding,) = check(agreement(target_groups=groups))
    assert finding.places[0].path == "target_groups[0].statistics[0].figures[2]"
    assert (finding.follows, finding.follows_sv) == (
        "the whole is 1,744, the part 1,800",
        "helheten är 1 744, delen 1 800",
    )


def test_a_whole_without_a_count_bounds_nothing() -> None:
    # A share of a share, a share of nothing, or a part that is itself a share: no count
    # to compare, no finding.
    share_of_share = [
        Figure(id="p", label="p", value="50", unit="procent"),
        Figure(id="alla", label="alla", value="10", unit="procent", of="p"),
    ]
    assert check(_within(share_of_share, "alla", 1000)) == []
    assert (
        check(_within([Figure(id="alla", label="a", value="10", unit="procent")], "alla", 1000))
        == []
    )
    source = SourceRef(document="d")
    snapshot = StatisticsSnapshot(id="s1", title="t", source=source, figures=[
        Figure(id="alla", label="alla", value=10),
        Figure(id="del", label="del", value="60", unit="procent", within="alla")])  # fmt: skip
    assert (
        check(agreement(target_groups=[TargetGroup(id="g", name="g", statistics=[snapshot])])) == []
    )
    # A rate per 1 000 inhabitants "of" a count is not a share of it: no bound either.
    rate = [
        Figure(id="inv", label="invånare", value=100),
        Figure(id="alla", label="alla", value="50", unit="per 1 000 invånare", of="inv"),
    ]
    assert check(_within(rate, "alla", 60)) == []


def test_the_whole_may_lie_in_a_later_snapshot() -> None:
    # A part in the first snapshot within a figure of the second: every snapshot is searched.
    source = SourceRef(document="d")
    first = StatisticsSnapshot(id="s1", title="t", source=source, figures=[
        Figure(id="del", label="delen", value=101, within="s2/alla")])  # fmt: skip
    second = StatisticsSnapshot(id="s2", title="t", source=source, figures=[
        Figure(id="alla", label="alla 100", value=100)])  # fmt: skip
    groups = [TargetGroup(id="g", name="g", statistics=[first, second])]
    (finding,) = check(agreement(target_groups=groups))
    assert finding.places[1] == Place(
        path="target_groups[0].statistics[1].figures[0]", words="alla 100"
    )


def _grant(duration: Duration, end: date | None, text: str | None = None) -> StateGrant:
    return StateGrant(period=Period(start=date(2016, 6, 1), end=end), purpose="p",
                      period_text=text, duration=duration)  # fmt: skip


def test_duration_finding_whole() -> None:
    # GGV: "12 månader" for June 2016 – June 2017, which is 13 whole months.
    (finding,) = check(
        agreement(state_grants=[_grant(Duration(minimum=12, maximum=12), date(2017, 6, 30))])
    )
    assert finding == AgreementFinding(
        kind=CheckKind.DURATION_PERIOD,
        severity=Severity.WARNING,
        places=(
            Place(path="state_grants[0].duration", words="12 månader"),
            Place(path="state_grants[0].period", words="2016-06-01–2017-06-30"),
        ),
        follows="the period 2016-06-01–2017-06-30 is 13 whole months",
        follows_sv="perioden 2016-06-01–2017-06-30 är 13 hela månader",
    )


@pytest.mark.parametrize(
    ("duration", "end", "found"),
    [
        (Duration(minimum=12), date(2017, 6, 30), False),  # "minst 12 månader": 13 is enough
        (Duration(minimum=14), date(2017, 6, 30), True),
        (Duration(maximum=12), date(2017, 6, 30), True),  # "högst 12 månader"
        (Duration(maximum=13), date(2017, 6, 30), False),
        (Duration(minimum=13, maximum=14), date(2017, 6, 30), False),  # both ends inclusive
        (Duration(minimum=12, maximum=13), date(2017, 6, 30), False),
        (Duration(minimum=1, maximum=1), date(2016, 6, 30), False),  # one whole month
        (Duration(minimum=1, maximum=1), date(2016, 7, 1), False),  # not whole months
        (Duration(minimum=12, maximum=12, unit="veckor"), date(2017, 6, 30), False),  # not months
        (Duration(minimum=12, maximum=12), None, False),  # an open period has no length
    ],
)
def test_duration_bounds_against_whole_months(
    duration: Duration, end: date | None, found: bool
) -> None:
    result = check(agreement(state_grants=[_grant(duration, end)]))
    assert kinds(result) == ([CheckKind.DURATION_PERIOD] if found else [])


def test_every_grant_is_checked_after_those_that_agree() -> None:
    # A grant in weeks, one over an open period and one that agrees come first: the fourth
    # (GGV's 12 months for 13) is still found.
    grants = [
        _grant(Duration(minimum=12, maximum=12, unit="veckor"), date(2017, 6, 30)),
        _grant(Duration(minimum=12, maximum=12), None),
        _grant(Duration(minimum=13, maximum=13), date(2017, 6, 30)),
        _grant(Duration(minimum=12, maximum=12), date(2017, 6, 30), "juni 2016 – juni 2017"),
    ]
    (finding,) = check(agreement(state_grants=grants))
    assert finding.places == (
        Place(path="state_grants[3].duration", words="12 månader"),
        Place(path="state_grants[3].period", words="juni 2016 – juni 2017"),
    )


def test_age_band_finding_whole() -> None:
    # Sjuhärad: VI-projektet 15–24 in its eligibility and "16-24 år" in a sentence that names
    # it; a sentence that does not name it, and the name in another sentence, do not count.
    project = Activity(id="vi", name="Vi-projektet", kind=ActivityKind.PROJECT,
                       eligibility=Eligibility(age_band=AgeBand(min_age=15, max_age=24)))  # fmt: skip
    text = "Unga 18-29 år finns. Mark medverkar i VI-projektet, för unga 16-24 år. Andra 17-19 år."
    (finding,) = check(agreement(activities=[project], sections=[Section(heading="h", text=text)]))
    assert finding == AgreementFinding(
        kind=CheckKind.AGE_BANDS,
        severity=Severity.NOTE,
        places=(
            Place(path="activities[0].eligibility.age_band", words="15–24"),
            Place(path="sections[0].text", words="VI-projektet, för unga 16-24 år"),
        ),
        follows="Vi-projektet is stated with the age bands 15–24, 16–24",
        follows_sv="Vi-projektet anges med åldersspannen 15–24, 16–24",
    )


def test_age_bands_from_sentences_alone_and_short_names() -> None:
    # Without an eligibility, two sentences with different bands disagree; a band stated
    # twice is one; a name of fewer than four letters is too common a word to look for.
    def run(name: str, text: str) -> list[AgreementFinding]:
        activity = Activity(id="a", name=name, kind=ActivityKind.PROJECT)
        return check(agreement(activities=[activity], sections=[Section(heading="h", text=text)]))

    both = run("Lyftet", "Lyftet för 16-19 år. Lyftet för 16-19 år. Lyftet för 20-24 år.")
    assert [p.words for p in both[0].places] == ["Lyftet för 16-19 år", "Lyftet för 20-24 år"]
    assert run("Lyftet", "Lyftet för 16-19 år. Lyftet för 16-19 år.") == []
    assert run("Ett", "Ett för 16-19 år. Ett för 20-24 år.") == []
    assert kinds(run("Lyft", "Lyft för 16-19 år. Lyft för 20-24 år.")) == [CheckKind.AGE_BANDS]
    assert kinds(run("Ettan", "Ettan för 16-19 år. Ettan för 20-24 år.")) == [CheckKind.AGE_BANDS]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "Vi-projektet, för 16-24 år, heter så; Vi-projektet.",
            True,
        ),  # the band after the first mention
        ("20-24 år i Vi-projektet.", False),  # a band before the name is not its band
        (
            "Vi-projektet för 15-25 år, alltså 16-24 år.",
            True,
        ),  # "not yet 25" passed over, not the rest
    ],
)
def test_the_band_follows_the_first_mention_of_the_activity(sentence: str, found: bool) -> None:
    # Sjuhärad's VI-projektet 15–24: a band is read after the activity's name in a sentence.
    short = Activity(id="e", name="Ett", kind=ActivityKind.PROJECT)
    project = Activity(id="vi", name="Vi-projektet", kind=ActivityKind.PROJECT,
                       eligibility=Eligibility(age_band=AgeBand(min_age=15, max_age=24)))  # fmt: skip
    text = f"Ett för 16-19 år. Ett för 20-29 år. {sentence}"
    result = check(
        agreement(activities=[short, project], sections=[Section(heading="h", text=text)])
    )
    assert [(f.kind, f.places[0].path) for f in result] == (
        [(CheckKind.AGE_BANDS, "activities[1].eligibility.age_band")] if found else []
    )


def _cadence_check(
    goal_cadence: Cadence,
    body_cadence: Cadence | None,
    *,
    body: str | None = "ag",
    text: str = "Möten i arbetsgruppen.",
    indicator: str | None = None,
) -> list[AgreementFinding]:
    group = Body(id="ag", kind=BodyKind.WORKING_GROUP, name="Arbetsgrupp", cadence=body_cadence)
    target = Target(comparison=Comparison.AT_LEAST, value=1, period=Period.year(2021))
    goal = Goal(id="g", text=text, kind=GoalKind.CADENCE, body=body, indicator=indicator,
                cadence=goal_cadence, targets=[target])  # fmt: skip
    other = Goal(id="q", text="q", kind=GoalKind.QUALITATIVE)
    return check(agreement(organisation=Organisation(bodies=[group]), goals=[other, goal]))


def _times(low: int, high: int | None = None, text: str | None = None) -> Cadence:
    return Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=low, max_times=high, text=text)


def test_cadence_finding_whole() -> None:
    # Sjuhärad: the working group's goal "6-8 ggr per år" against a body that meets monthly.
    result = _cadence_check(_times(6, 8, "6-8 ggr per år"), Cadence(frequency=Frequency.MONTHLY))
    assert result == [
        AgreementFinding(
            kind=CheckKind.CADENCE,
            severity=Severity.NOTE,
            places=(
                Place(path="goals[1].cadence", words="6-8 ggr per år"),
                Place(path="organisation.bodies[0].cadence", words="12 ggr per år"),
            ),
            follows="6–8 a year against 12 a year for Arbetsgrupp",
            follows_sv="6–8 per år mot 12 per år för Arbetsgrupp",
        )
    ]


@pytest.mark.parametrize(
    ("goal_cadence", "body_cadence", "follows"),
    [
        (_times(6, 8), _times(8, 10), None),  # the ranges meet at 8
        (_times(10, 12), _times(6, 9), "10–12 a year against 6–9 a year for Arbetsgrupp"),
        (_times(6, 9), _times(10, 12), "6–9 a year against 10–12 a year for Arbetsgrupp"),
        (_times(13), _times(6, 12), "≥ 13 a year against 6–12 a year for Arbetsgrupp"),
        (_times(12), _times(6, 12), None),  # "at least 12" meets 12
        (_times(4, 4), _times(6), "4 a year against ≥ 6 a year for Arbetsgrupp"),
        (_times(6, 6), _times(6), None),
        (_times(1), _times(1), None),
        (_times(4, 4), Cadence(frequency=Frequency.AS_NEEDED), None),  # "vid behov": no number
        (Cadence(frequency=Frequency.AS_NEEDED), _times(4, 4), None),
        (_times(4, 4), None, None),  # the body states no cadence
    ],
)
def test_cadence_ranges_overlap_or_not(
    goal_cadence: Cadence, body_cadence: Cadence | None, follows: str | None
) -> None:
    result = _cadence_check(goal_cadence, body_cadence)
    assert [f.follows for f in result] == ([follows] if follows else [])


def test_every_cadence_goal_is_compared_after_those_passed_over() -> None:
    # Goals on a body without a cadence, about no meeting, "vid behov", and one that agrees
    # come first; the last (Sjuhärad's 6-8 a year against monthly) is still found.
    monthly = Body(id="ag", kind=BodyKind.WORKING_GROUP, name="Arbetsgrupp",
                   cadence=Cadence(frequency=Frequency.MONTHLY))  # fmt: skip
    silent = Body(id="sg", kind=BodyKind.STEERING_GROUP, name="Styrgrupp")
    target = Target(comparison=Comparison.AT_LEAST, value=1, period=Period.year(2021))

    def goal(n: int, body: str, text: str, cadence: Cadence) -> Goal:
        return Goal(id=f"g{n}", text=text, kind=GoalKind.CADENCE, body=body, cadence=cadence,
                    targets=[target])  # fmt: skip

    goals = [
        goal(0, "sg", "Möten", _times(4, 4)),
        goal(1, "ag", "Rapportera", _times(4, 4)),
        goal(2, "ag", "Möten", Cadence(frequency=Frequency.AS_NEEDED)),
        goal(3, "ag", "Möten", _times(12, 12)),
        goal(4, "ag", "Möten", _times(6, 8)),
    ]
    result = check(agreement(organisation=Organisation(bodies=[monthly, silent]), goals=goals))
    assert [(f.kind, f.places[0]) for f in result] == [
        (CheckKind.CADENCE, Place(path="goals[4].cadence", words="6–8 ggr per år"))
    ]


def test_cadence_only_for_a_meeting_goal_of_a_known_body() -> None:
    # The goal must be about meetings (in its indicator or text) and name a body of the
    # organisation; an agreement without an organisation has nothing to compare.
    monthly = Cadence(frequency=Frequency.MONTHLY)
    assert _cadence_check(_times(4, 4), monthly, text="Rapportera.") == []
    assert (
        len(_cadence_check(_times(4, 4), monthly, text="Rapportera.", indicator="styrgruppsmöten"))
        == 1
    )
    assert len(_cadence_check(_times(4, 4), monthly, text="SAMMANTRÄDEN.")) == 1
    # A cadence goal that names only an indicator (no body) is not compared.
    assert _cadence_check(_times(4, 4), monthly, body=None, indicator="möten") == []
    goal = Goal(id="g", text="Möten", kind=GoalKind.CADENCE, indicator="möten", cadence=_times(4, 4),
                targets=[Target(comparison=Comparison.AT_LEAST, value=4, period=Period.year(2021))])  # fmt: skip
    assert check(agreement(goals=[goal])) == []


def test_goal_date_findings_whole() -> None:
    # Hällefors-like: a goal until 2018, a target at its end stated in words, a baseline
    # from after the target; an open goal period runs past a dated validity.
    goal = Goal(
        id="g", text="t", kind=GoalKind.LEVEL, indicator="i", unit="procent",
        period=Period(start=date(2016, 1, 1), end=date(2018, 12, 31)),
        baseline=Baseline(value=22, on=date(2018, 1, 1), text="22 % i januari 2018"),
        targets=[Target(comparison=Comparison.AT_MOST, value=20, due=date(2018, 6, 30), text="högst 20 % i juni 2018")],
    )  # fmt: skip
    assert check(agreement(validity=VALIDITY, goals=[goal])) == [
        AgreementFinding(
            kind=CheckKind.GOAL_OUTSIDE_VALIDITY, severity=Severity.WARNING,
            places=(Place(path="goals[0].period", words="2016-01-01–2018-12-31"),
                    Place(path="validity", words="2015-11-30–2017-12-31")),
            follows="the goal runs outside the agreement's validity",
            follows_sv="målet löper utanför överenskommelsens giltighet",
        ),
        AgreementFinding(
            kind=CheckKind.TARGET_AFTER_END, severity=Severity.WARNING,
            places=(Place(path="goals[0].targets[0]", words="högst 20 % i juni 2018"),
                    Place(path="validity.end", words="2017-12-31")),
            follows="the target falls on 2018-06-30, after the agreement ends",
            follows_sv="målvärdet gäller 2018-06-30, efter att överenskommelsen upphört",
        ),
    ]  # fmt: skip
    late = attrs.evolve(goal, period=None, baseline=Baseline(value=22, on=date(2018, 7, 1)),
                        targets=[Target(comparison=Comparison.AT_MOST, value=20, period=Period.year(2017))])  # fmt: skip
    assert check(agreement(validity=VALIDITY, goals=[late])) == [
        AgreementFinding(
            kind=CheckKind.BASELINE_AFTER_TARGET, severity=Severity.ERROR,
            places=(Place(path="goals[0].baseline", words="2018-07-01"),
                    Place(path="goals[0].targets[0]", words="2017-01-01")),
            follows="the baseline (2018-07-01) is dated after the target (2017-01-01)",
            follows_sv="utgångsvärdet (2018-07-01) är daterat efter målvärdet (2017-01-01)",
        )
    ]  # fmt: skip
    open_goal = _level_goal(period=Period(start=date(2016, 1, 1)))
    (finding,) = check(agreement(validity=VALIDITY, goals=[open_goal]))
    assert finding.places[0] == Place(path="goals[0].period", words="2016-01-01–")
    open_validity = Period(start=date(2015, 11, 30))
    assert check(agreement(validity=open_validity, goals=[open_goal])) == []
    (finding,) = check(
        agreement(
            validity=open_validity, goals=[_level_goal(period=Period(start=date(2015, 1, 1)))]
        )
    )
    assert finding.places[1] == Place(path="validity", words="2015-11-30–")


@pytest.mark.parametrize(
    ("baseline", "found"),
    [
        (Baseline(value=22, on=date(2016, 9, 30)), False),  # the same day as the target
        (Baseline(value=22, on=date(2016, 10, 1)), True),
        (Baseline(value=22, period=Period(start=date(2016, 10, 1), end=date(2016, 10, 31))), True),
        (Baseline(value=22, period=Period(start=date(2016, 9, 1), end=date(2016, 10, 31))), False),
        (Baseline(value=22), False),  # an undated baseline
    ],
)
def test_baseline_against_a_target_s_first_day(baseline: Baseline, found: bool) -> None:
    # A target for a period starts on its first day: a baseline must not be later.
    target = Target(
        comparison=Comparison.AT_MOST,
        value=21,
        period=Period(start=date(2016, 9, 30), end=date(2016, 12, 31)),
    )
    goal = _level_goal(
        baseline=baseline, targets=[target, Target(comparison=Comparison.AT_MOST, value=20)]
    )
    result = check(agreement(goals=[goal]))
    assert kinds(result) == ([CheckKind.BASELINE_AFTER_TARGET] if found else [])


def test_statistics_finding_whole() -> None:
    # Hällefors: 61 of 874 stated as 7,3 % (it is 7,0 %), with the consistency check's kind;
    # the place names the figure's own label before the stated value (issue 12 item 3).
    assert check(examples.load("hallefors-2015"))[0] == AgreementFinding(
        kind=CheckKind.STATISTICS,
        severity=Severity.WARNING,
        places=(
            Place(
                path="target_groups[0].statistics[1].figures[10]",
                words="vilket utgör 7,3 % av åldersgruppen: 7,3 % (61/874)",
            ),
        ),
        follows="7,0 % (share does not match its numerator and denominator)",
        follows_sv="7,0 % (andelen stämmer inte med täljare och nämnare)",
    )
