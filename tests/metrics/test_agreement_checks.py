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
from dua.metrics.agreement_checks import (
    AgreementFinding,
    CheckKind,
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
)

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
    with pytest.raises(
        ValidationError, match=r"target_groups\[1\]\.statistics\[0\]\.figures\[0\]\.within"
    ):
        check(agreement(target_groups=[groups[0], attrs.evolve(groups[1], statistics=[snapshot])]))


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
