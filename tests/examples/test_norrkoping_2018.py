"""The bundled example `norrkoping-2018` against its seed.

Seed: `tests/seeds/003_3e7c47a48829947a.txt`, Norrköpings kommun and Arbetsförmedlingen,
*Bilaga 1 Lokal modell för samverkan om nyanländas etablering*, 2018-02-26. Every encoded
fact is asserted twice: the model value, and that the seed prints it. Page references
("s. N") are the seed's "N (17)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

import dua
from dua import municipalities
from dua.io.files import Format
from dua.model import (
    ActivityKind,
    ActivityStatus,
    Aggregation,
    Agreement,
    AgreementKind,
    Annex,
    BodyKind,
    Comparison,
    Direction,
    Frequency,
    GoalKind,
    Outcome,
    PartyKind,
    Period,
    Scope,
    Unit,
)

NAME = "norrkoping-2018"
NORRKOPING = "0581"
TRACKS = ("industri", "restaurang", "eget-foretagande", "kortutbildade")
Y2018 = Period(start=date(2018, 1, 1), end=date(2018, 12, 31))
Y2019 = Period(start=date(2019, 1, 1), end=date(2019, 12, 31))
Y2018_2019 = Period(start=date(2018, 1, 1), end=date(2019, 12, 31))


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    return dua.examples.load(NAME)


@pytest.fixture
def seed(seed_text: dict[str, str]) -> str:
    return seed_text[NAME]


def document_body(seed: str) -> str:
    """The document's own text: what follows "Transkript:" (the seed opens with a list of
    unrelated document titles), without the page numbers "N (17)", whitespace collapsed."""
    body = seed.split("Transkript:", 1)[1]
    body = re.sub(r"\s*\b\d{1,2} \(17\)\s*", " ", body)
    return " ".join(body.split())


@pytest.fixture
def body(seed: str) -> str:
    return document_body(seed)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


# ---------------------------------------------------------------- the document


def test_identity(agreement: Agreement, body: str) -> None:
    assert agreement.id == NAME
    assert agreement.kind is AgreementKind.NEWLY_ARRIVED
    assert agreement.title == "Lokal modell för samverkan om nyanländas etablering"
    assert f"Bilaga 1 {agreement.title} Mellan Norrköpings kommun och Arbetsförmedlingen" in body
    # The annex is "Bilaga 1", the local model of the template for newly arrived.
    assert agreement.annex is Annex.LOCAL_MODEL
    assert "Innehåll Inledning... 3 Kartläggning och analys... 4" in body
    assert "Målgruppens sammansättning och behov... 5" in body
    assert agreement.document_date == date(2018, 2, 26)
    assert body.startswith("2018-02-26 Dnr AVN 2017/0109-6")
    assert agreement.source is not None
    assert agreement.source.locator == "Dnr AVN 2017/0109-6"
    assert agreement.purpose is not None
    assert agreement.purpose in body


def test_what_the_annex_does_not_state_is_empty(agreement: Agreement, body: str) -> None:
    # An annex: no organisation numbers, validity, signatures, revisions or state grants.
    assert all(party.organisation_number is None for party in agreement.parties)
    assert re.search(r"\d{6}-\d{4}", body) is None
    assert agreement.validity is None
    assert agreement.signatures == ()
    assert agreement.revision_plan is None
    assert agreement.revisions == ()
    assert agreement.state_grants == ()
    assert "statsbidrag" not in body
    # The tracks' content is in Bilaga 2, which the seed does not contain.
    assert "(se även bilaga 2)" in body
    assert all(track.stages == () for track in agreement.tracks)


# ---------------------------------------------------------------- parties


@pytest.mark.parametrize(
    ("party_id", "kind", "name", "code", "unit"),
    [
        ("norrkoping", PartyKind.MUNICIPALITY, "Norrköpings kommun", NORRKOPING, None),
        (
            "arbetsformedlingen",
            PartyKind.PUBLIC_EMPLOYMENT_SERVICE,
            "Arbetsförmedlingen",
            None,
            "Arbetsförmedlingen i Norrköping",
        ),
    ],
)
def test_parties(
    agreement: Agreement,
    body: str,
    party_id: str,
    kind: PartyKind,
    name: str,
    code: str | None,
    unit: str | None,
) -> None:
    party = agreement.party(party_id)
    assert (party.kind, party.name, party.municipality_code, party.unit) == (kind, name, code, unit)
    assert name in body
    if unit is not None:
        assert unit in body
    if code is not None:
        assert municipalities.by_code(code).name == "Norrköping"


def test_only_two_parties(agreement: Agreement) -> None:
    assert [party.id for party in agreement.parties] == ["norrkoping", "arbetsformedlingen"]
    assert agreement.municipalities == (NORRKOPING,)


# ---------------------------------------------------------------- goals


def test_every_goal_is_encoded(agreement: Agreement) -> None:
    assert [goal.id for goal in agreement.goals] == [
        "etableringstid-tva-ar",
        "andel-arbete-studier-efter-etablering",
        "arbetsloshet-utrikesfodda",
        "hushall-langtidsberoende-ekonomiskt-bistand",
        "jobbspar-arbete-studier-eget-foretag",
        "jobbspar-andel-kvinnor",
        "nya-jobbspar",
        "natverkstraffar-arbetsgivare",
        "nyforetagande-2020",
        "unga-gymnasieutbildning",
        "kvinnors-etablering",
        "erbjudande-efter-stallningstagande",
    ]


def test_goal_texts_are_the_seeds_wording(agreement: Agreement, body: str) -> None:
    for goal in agreement.goals:
        assert goal.text in body, goal.id
        assert goal.source is not None, goal.id
        assert goal.source.locator is not None, goal.id


@pytest.mark.parametrize(
    ("goal_id", "kind", "indicator", "unit", "direction", "parent"),
    [
        ("etableringstid-tva-ar", GoalKind.LEVEL, "etableringstid", Unit.YEARS, None, None),
        (
            "andel-arbete-studier-efter-etablering",
            GoalKind.DIRECTION,
            "andel-arbete-studier-90-dagar-efter-etablering",
            Unit.PERCENT,
            Direction.INCREASE,
            "etableringstid-tva-ar",
        ),
        (
            "arbetsloshet-utrikesfodda",
            GoalKind.DIRECTION,
            "arbetsloshet-utrikesfodda",
            None,
            Direction.DECREASE,
            "etableringstid-tva-ar",
        ),
        (
            "hushall-langtidsberoende-ekonomiskt-bistand",
            GoalKind.DIRECTION,
            "utrikesfodda-hushall-langtidsberoende-ekonomiskt-bistand",
            None,  # "Antalelen" (sic): count or share, the seed does not say which
            Direction.DECREASE,
            "etableringstid-tva-ar",
        ),
        (
            "jobbspar-arbete-studier-eget-foretag",
            GoalKind.SHARE,
            "andel-arbete-studier-eget-foretag-inom-90-dagar",
            Unit.PERCENT,
            None,
            None,
        ),
        ("jobbspar-andel-kvinnor", GoalKind.SHARE, "andel-kvinnor", Unit.PERCENT, None, None),
        ("nya-jobbspar", GoalKind.MILESTONES, "nya-jobbspar", Unit.COUNT, None, None),
        (
            "natverkstraffar-arbetsgivare",
            GoalKind.CADENCE,
            "natverkstraffar-arbetsgivare",
            Unit.COUNT,
            None,
            None,
        ),
        (
            "nyforetagande-2020",
            GoalKind.LEVEL,
            "nya-foretag-per-1000-invanare",
            Unit.PER_THOUSAND_INHABITANTS,  # "minst 6,0 nya företag per 1 000 invånare"
            None,
            None,
        ),
        ("unga-gymnasieutbildning", GoalKind.QUALITATIVE, None, None, None, None),
        ("kvinnors-etablering", GoalKind.QUALITATIVE, None, None, None, None),
        ("erbjudande-efter-stallningstagande", GoalKind.QUALITATIVE, None, None, None, None),
    ],
)
def test_goal_kinds(
    agreement: Agreement,
    goal_id: str,
    kind: GoalKind,
    indicator: str | None,
    unit: Unit | None,
    direction: Direction | None,
    parent: str | None,
) -> None:
    goal = agreement.goal(goal_id)
    assert (goal.kind, goal.indicator, goal.unit, goal.direction, goal.parent) == (
        kind,
        indicator,
        unit,
        direction,
        parent,
    )


@pytest.mark.parametrize(
    ("goal_id", "index", "comparison", "value", "due", "period", "qualifier", "printed"),
    [
        # s. 16: "långsiktigt korta etableringstiden till två år" (no date: long term)
        (
            "etableringstid-tva-ar",
            0,
            Comparison.AT_MOST,
            "2",
            None,
            None,
            None,
            "korta etableringstiden till två år",
        ),
        # s. 16: "ska uppgå till 60 procent", per track and for the model as a whole
        (
            "jobbspar-arbete-studier-eget-foretag",
            0,
            Comparison.AT_LEAST,
            "60",
            None,
            None,
            None,
            "(status senast inom 90 dagar) ska uppgå till 60 procent",
        ),
        (
            "jobbspar-andel-kvinnor",
            0,
            Comparison.AT_LEAST,
            "50",
            None,
            None,
            None,
            "som är kvinnor ska uppgå till 50 procent",
        ),
        # s. 17: 3 tracks a year 2018-2019, 6 in total by the end of 2019, 2 of them for women
        (
            "nya-jobbspar",
            0,
            Comparison.AT_LEAST,
            "3",
            None,
            Y2018,
            None,
            "Framtagande av 3 jobbspår per år under 2018-2019",
        ),
        (
            "nya-jobbspar",
            1,
            Comparison.AT_LEAST,
            "3",
            None,
            Y2019,
            None,
            "Framtagande av 3 jobbspår per år under 2018-2019",
        ),
        (
            "nya-jobbspar",
            2,
            Comparison.AT_LEAST,
            "6",
            date(2019, 12, 31),
            Y2018_2019,
            None,
            "med totalt 6 nya spår i slutet av 2019",
        ),
        (
            "nya-jobbspar",
            3,
            Comparison.AT_LEAST,
            "2",
            date(2019, 12, 31),
            Y2018_2019,
            "särskild fokus för att nå nyanlända kvinnor",
            "2 av de 6 spår som tas fram under 2018-2019 har särskild fokus för att nå "
            "nyanlända kvinnor",
        ),
        # s. 17: "minst 2 nätverksträffar per år under 2018-2019"
        (
            "natverkstraffar-arbetsgivare",
            0,
            Comparison.AT_LEAST,
            "2",
            None,
            Y2018,
            None,
            "minst 2 nätverksträffar per år under 2018-2019",
        ),
        (
            "natverkstraffar-arbetsgivare",
            1,
            Comparison.AT_LEAST,
            "2",
            None,
            Y2019,
            None,
            "minst 2 nätverksträffar per år under 2018-2019",
        ),
        # s. 7: "minst 6,0 nya företag per 1 000 invånare år 2020"
        (
            "nyforetagande-2020",
            0,
            Comparison.AT_LEAST,
            "6.0",
            None,
            Period.year(2020),
            None,
            "minst 6,0 nya företag per 1 000 invånare år 2020",
        ),
    ],
)
def test_targets(
    agreement: Agreement,
    body: str,
    goal_id: str,
    index: int,
    comparison: Comparison,
    value: str,
    due: date | None,
    period: Period | None,
    qualifier: str | None,
    printed: str,
) -> None:
    target = agreement.goal(goal_id).targets[index]
    assert target.comparison is comparison
    assert target.value == Decimal(value)
    assert str(target.value) == value  # the stated precision is kept ("6.0", not "6")
    assert (target.due, target.period, target.qualifier) == (due, period, qualifier)
    assert printed in body
    assert target.text is not None
    assert target.text in body


def test_target_counts(agreement: Agreement) -> None:
    counts = {goal.id: len(goal.targets) for goal in agreement.goals}
    assert counts == {
        "etableringstid-tva-ar": 1,
        "andel-arbete-studier-efter-etablering": 0,
        "arbetsloshet-utrikesfodda": 0,
        "hushall-langtidsberoende-ekonomiskt-bistand": 0,
        "jobbspar-arbete-studier-eget-foretag": 1,
        "jobbspar-andel-kvinnor": 1,
        "nya-jobbspar": 4,
        "natverkstraffar-arbetsgivare": 2,
        "nyforetagande-2020": 1,
        "unga-gymnasieutbildning": 0,
        "kvinnors-etablering": 0,
        "erbjudande-efter-stallningstagande": 0,
    }


@pytest.mark.parametrize(
    "goal_id", ["jobbspar-arbete-studier-eget-foretag", "jobbspar-andel-kvinnor"]
)
def test_track_goals_are_per_track_and_for_the_whole_model(
    agreement: Agreement, body: str, goal_id: str
) -> None:
    goal = agreement.goal(goal_id)
    assert goal.scope is Scope.TRACK
    assert goal.units == TRACKS
    assert goal.aggregation is Aggregation.WHOLE_AND_EACH
    assert goal.population == "deltagare i jobbspåren"
    assert "sker dels för modellen som helhet, dels per spår" in body


def test_direction_goals_populations(agreement: Agreement, body: str) -> None:
    # s. 16: "status efter 90 dagar"; long-term assistance "minst 10 av 12 månader under 1 år"
    assert agreement.goal("andel-arbete-studier-efter-etablering").population == (
        "individer som lämnat etableringsuppdraget"
    )
    assert "(status efter 90 dagar)" in body
    assert agreement.goal("hushall-langtidsberoende-ekonomiskt-bistand").population == (
        "utrikesfödda hushåll"
    )
    assert "minst 10 av 12 månader under 1 år" in body


def test_establishment_definition_is_kept(agreement: Agreement, body: str) -> None:
    # s. 16, footnote 1
    source = agreement.goal("etableringstid-tva-ar").source
    assert source is not None
    assert source.note is not None
    definition = "Med etablering menas arbete med eller utan subvention och reguljära studier"
    assert definition in source.note
    assert f"1 {definition}" in body


def test_network_meeting_cadence(agreement: Agreement, body: str) -> None:
    goal = agreement.goal("natverkstraffar-arbetsgivare")
    assert goal.cadence is not None
    assert goal.cadence.frequency is Frequency.TIMES_PER_YEAR
    assert goal.cadence.per_year() == (2, None)
    assert goal.period == Y2018_2019
    assert goal.cadence.text is not None
    assert goal.cadence.text in body


def test_qualitative_goals_point_at_their_target_groups(agreement: Agreement) -> None:
    assert agreement.goal("unga-gymnasieutbildning").units == ("unga-nyanlanda",)
    assert agreement.goal("kvinnors-etablering").units == ("nyanlanda-kvinnor",)
    for goal_id in ("unga-gymnasieutbildning", "kvinnors-etablering"):
        assert agreement.goal(goal_id).scope is Scope.TARGET_GROUP


# ---------------------------------------------------------------- target groups


@pytest.mark.parametrize(
    ("group_id", "age_band", "parent"),
    [
        ("nyanlanda", None, None),
        ("unga-nyanlanda", (16, 24), "nyanlanda"),
        ("nyanlanda-kvinnor", None, "nyanlanda"),
        ("utrikesfodda-langtidsarbetslosa", None, None),
    ],
)
def test_target_groups(
    agreement: Agreement,
    body: str,
    group_id: str,
    age_band: tuple[int, int] | None,
    parent: str | None,
) -> None:
    group = agreement.target_group(group_id)
    band = group.age_band
    assert (None if band is None else (band.min_age, band.max_age)) == age_band
    assert group.parent == parent
    assert group.description is not None
    assert group.description in body


def test_age_band_is_printed(body: str) -> None:
    assert "nyanlända unga mellan 16-24 år" in body


def _snapshot_figures() -> list[tuple[str, str, str, str | Decimal | int, Unit, str | None]]:
    malgrupp = "malgrupp"
    etablering = "etableringsuppdraget"
    eftergymnasial = "ej-fullfoljd-gymnasieutbildning"
    matchbar = "matchningsbart-yrke"
    return [
        # (group, figure, printed, value, unit, of) - s. 5-6, AF statistik 17 september 2017
        ("nyanlanda", malgrupp, "ca 1 744 individer", 1744, Unit.COUNT, None),
        (
            "nyanlanda",
            etablering,
            "1 507 individer i etableringsuppdraget",
            1507,
            Unit.COUNT,
            malgrupp,
        ),
        (
            "nyanlanda",
            "jobb-och-utvecklingsgarantin",
            "237 individer har avslutat sin tid i etableringsuppdraget",
            237,
            Unit.COUNT,
            malgrupp,
        ),
        (
            "nyanlanda",
            eftergymnasial,
            "har 44 procent inte en fullföljd",
            "44",
            Unit.PERCENT,
            malgrupp,
        ),
        (
            "nyanlanda",
            "gymnasieutbildning",
            "har 20 procent gymnasieutbildning",
            "20",
            Unit.PERCENT,
            malgrupp,
        ),
        (
            "nyanlanda",
            "eftergymnasiala-studier",
            "36 procent har någon form av eftergymnasiala studier",
            "36",
            Unit.PERCENT,
            malgrupp,
        ),
        (
            "nyanlanda",
            "utbildningsplikt-kvinnor",
            "Av gruppen är 40 procent kvinnor",
            "40",
            Unit.PERCENT,
            eftergymnasial,
        ),
        (
            "nyanlanda",
            "saknar-utbildning-helt",
            "4,5 procent av gruppen saknar utbildning helt",
            "4.5",
            Unit.PERCENT,
            eftergymnasial,
        ),
        ("nyanlanda", "kvinnor", "42,5 procent kvinnor", "42.5", Unit.PERCENT, malgrupp),
        ("nyanlanda", "man", "57,5 procent män", "57.5", Unit.PERCENT, malgrupp),
        (
            "nyanlanda",
            "unga-utan-gymnasieutbildning",
            "7 procent yngre än 25 år och saknar fullständig gymnasieutbildning",
            "7",
            Unit.PERCENT,
            malgrupp,
        ),
        (
            "nyanlanda",
            "utan-matchningsbart-yrke",
            "har 29 procent inget matchningsbart yrke",
            "29",
            Unit.PERCENT,
            etablering,
        ),
        ("nyanlanda", matchbar, "Av de 71 procent individer", "71", Unit.PERCENT, etablering),
        (
            "nyanlanda",
            "bransch-hotell-restaurang",
            "Hotell- och restaurang 12%",
            "12",
            Unit.PERCENT,
            matchbar,
        ),
        ("nyanlanda", "bransch-ovriga", "Övriga 43%", "43", Unit.PERCENT, matchbar),
        ("nyanlanda", "bransch-utbildning", "Utbildning 11%", "11", Unit.PERCENT, matchbar),
        ("nyanlanda", "bransch-handel", "Handel 11%", "11", Unit.PERCENT, matchbar),
        ("nyanlanda", "bransch-vard-omsorg", "Vård- och omsorg 7%", "7", Unit.PERCENT, matchbar),
        ("nyanlanda", "bransch-industri", "Industri 7%", "7", Unit.PERCENT, matchbar),
        ("nyanlanda", "bransch-service", "Service 9%", "9", Unit.PERCENT, matchbar),
        (
            "unga-nyanlanda",
            "unga-utan-gymnasieexamen-i-etableringen",
            "ca 180 ungdomar inskrivna på Arbetsförmedlingen och deltar i etableringen",
            180,
            Unit.COUNT,
            None,
        ),
    ]


@pytest.mark.parametrize(
    ("group_id", "figure_id", "printed", "value", "unit", "of"), _snapshot_figures()
)
def test_figures(
    agreement: Agreement,
    body: str,
    group_id: str,
    figure_id: str,
    printed: str,
    value: str | Decimal | int,
    unit: Unit,
    of: str | None,
) -> None:
    (snapshot,) = agreement.target_group(group_id).statistics
    figure = snapshot.figure(figure_id)
    assert figure.value == Decimal(value)
    assert str(figure.value) == str(value)
    assert (figure.unit, figure.of) == (unit, of)
    assert printed in body
    assert figure.label in body


def test_every_figure_is_tested(agreement: Agreement) -> None:
    encoded = {
        (group.id, figure.id)
        for group in agreement.target_groups
        for snapshot in group.statistics
        for figure in snapshot.figures
    }
    assert encoded == {(row[0], row[1]) for row in _snapshot_figures()}


@pytest.mark.parametrize("group_id", ["nyanlanda", "unga-nyanlanda"])
def test_snapshot_date_and_source(agreement: Agreement, body: str, group_id: str) -> None:
    (snapshot,) = agreement.target_group(group_id).statistics
    assert snapshot.as_of == date(2017, 9, 17)
    assert snapshot.as_of_text == "17 september 2017"
    assert snapshot.source.note == "Källa: Arbetsförmedlingen, statistik 17 september 2017"
    assert body.count(snapshot.source.note) == 2  # under Tabell 1 and under Diagram1


@pytest.mark.parametrize(
    ("partition_id", "total", "parts", "printed_sum"),
    [
        ("program", "malgrupp", ("etableringsuppdraget", "jobb-och-utvecklingsgarantin"), 1744),
        (
            "utbildningsniva",
            "malgrupp",
            ("ej-fullfoljd-gymnasieutbildning", "gymnasieutbildning", "eftergymnasiala-studier"),
            100,
        ),
        ("kon", "malgrupp", ("kvinnor", "man"), 100),
        (
            "med-och-utan-matchningsbart-yrke",
            "etableringsuppdraget",
            ("utan-matchningsbart-yrke", "matchningsbart-yrke"),
            100,
        ),
        (
            "branscher",
            "matchningsbart-yrke",
            (
                "bransch-hotell-restaurang",
                "bransch-ovriga",
                "bransch-utbildning",
                "bransch-handel",
                "bransch-vard-omsorg",
                "bransch-industri",
                "bransch-service",
            ),
            100,
        ),
    ],
)
def test_partitions(
    agreement: Agreement, partition_id: str, total: str, parts: tuple[str, ...], printed_sum: int
) -> None:
    (snapshot,) = agreement.target_group("nyanlanda").statistics
    (partition,) = [p for p in snapshot.partitions if p.id == partition_id]
    assert (partition.total, partition.parts, partition.complete) == (total, parts, True)
    # Every declared partition adds up as printed: 1 507 + 237 = 1 744, shares to 100 %.
    assert sum(snapshot.figure(part).value for part in parts) == printed_sum


def test_numbers_that_do_not_fit_are_stored_as_printed(agreement: Agreement, body: str) -> None:
    (snapshot,) = agreement.target_group("nyanlanda").statistics
    # 7 % of 1 744 is 122.08, while the seed also counts "ca 180" young people 16-24 without
    # an upper-secondary diploma in the establishment programme: stored as printed.
    share = snapshot.figure("unga-utan-gymnasieutbildning").value
    total = snapshot.figure("malgrupp").value
    assert share * total / 100 == Decimal("122.08")
    (young,) = agreement.target_group("unga-nyanlanda").statistics
    assert young.figure("unga-utan-gymnasieexamen-i-etableringen").value == 180
    # 40 % women "av gruppen" next to 42,5 % women in the whole target group.
    assert snapshot.figure("utbildningsplikt-kvinnor").value == 40
    assert snapshot.figure("kvinnor").value == Decimal("42.5")
    # "Fem insatser" are named the main ones of module 2, but its box lists six.
    assert "Fem insatser har identifierats som de främsta insatserna i modul 2" in body
    (model,) = agreement.process_models
    assert len(model.stages[1].contents) == 6


# ---------------------------------------------------------------- tracks and process model


@pytest.mark.parametrize(
    ("track_id", "name", "outcome"),
    [
        ("industri", "Spår Industri", Outcome.WORK),
        ("restaurang", "Spår Restaurang", Outcome.WORK),
        ("eget-foretagande", "Spår Eget företagande", Outcome.OWN_BUSINESS),
        ("kortutbildade", "Spår Kortutbildade mot enklare arbete", Outcome.STUDIES),
    ],
)
def test_tracks(
    agreement: Agreement, body: str, track_id: str, name: str, outcome: Outcome
) -> None:
    track = agreement.track(track_id)
    assert (track.name, track.outcomes, track.municipalities) == (name, (outcome,), (NORRKOPING,))
    assert name in body
    assert track.description is not None
    assert track.description in body


def test_track_outcomes_are_printed_in_order(agreement: Agreement, body: str) -> None:
    # s. 12, the box of module 3: four tracks, then their outcomes in the same order.
    names = " ".join(track.name for track in agreement.tracks)
    outcomes = " ".join(track.outcomes[0].value.capitalize() for track in agreement.tracks)
    assert f"Modul 3 {names} {outcomes}" in body
    assert "Modul 3 Spår Industri Spår Restaurang" in body


def test_process_model(agreement: Agreement, body: str) -> None:
    (model,) = agreement.process_models
    assert model.name == "Processmodell för individer"
    assert model.tracks == TRACKS
    assert model.target_groups == ("nyanlanda",)
    assert [stage.name for stage in model.stages] == [
        "Lokal modul 1",
        "Lokal modul 2",
        "Lokal modul 3",
    ]
    for stage in model.stages:
        assert stage.name in body
        assert stage.description is not None
        assert stage.description in body
        # "kan moduler eller delar av moduler hoppas över eller ske parallellt"
        assert stage.optional
    assert "kan moduler eller delar av moduler hoppas över" in body
    assert model.description is not None
    assert model.description in body


@pytest.mark.parametrize(
    ("stage", "contents"),
    [
        (0, ["Uppehållstillstånd", "Etableringssamtal/ Kartläggning", "Etableringsprogram"]),
        (
            1,
            [
                "Svenskundervisning",
                "Samhällsorientering",
                "Validering av betyg/yrkeskunskaper",
                "Gemensamt ställningstagande",
                "Motiverande eller vägledande insatser",
                "Information om den svenska arbetsmarknaden",
            ],
        ),
        (2, ["Svenskundervisning"]),
    ],
)
def test_module_contents(agreement: Agreement, body: str, stage: int, contents: list[str]) -> None:
    (model,) = agreement.process_models
    assert [content.name for content in model.stages[stage].contents] == contents
    for content in model.stages[stage].contents:
        assert content.name in body
        if content.description is not None:
            assert content.description in body
    if stage == 1:
        assert f"Modul 2 {' '.join(contents)}" in body


def test_civic_orientation_hours(agreement: Agreement, body: str) -> None:
    (model,) = agreement.process_models
    (civic,) = [c for c in model.stages[1].contents if c.name == "Samhällsorientering"]
    assert civic.hours == Decimal(75)
    assert civic.description is not None
    assert "28 block" in civic.description
    assert "12 timmar" in civic.description
    assert "totalt 75 timmar fördelat på 28 block" in body
    assert "digital introduktion på 12 timmar" in body


def test_module_3_outcomes(agreement: Agreement, body: str) -> None:
    (model,) = agreement.process_models
    assert model.stages[2].outcomes == (Outcome.WORK, Outcome.OWN_BUSINESS, Outcome.STUDIES)
    assert "tydlig inriktning mot anställning, eget företagande eller studier" in body


# ---------------------------------------------------------------- organisation


@pytest.mark.parametrize(
    ("body_id", "kind", "parent", "members", "printed"),
    [
        (
            "styrgrupp",
            BodyKind.STEERING_GROUP,
            None,
            [
                ("chef för arbetsförmedlingsen", "arbetsformedlingen"),
                ("kontorschef", "norrkoping"),
                ("verksamhetschefer", "norrkoping"),
            ],
            "STYRGRUPP Består av chef för arbetsförmedlingsen samt kontorschef och "
            "verksamhetschefer från kommunen",
        ),
        (
            "strategisk-arbetsgrupp-ungdom",
            BodyKind.STRATEGIC_WORKING_GROUP,
            "styrgrupp",
            [
                ("sektionschefer", "arbetsformedlingen"),
                ("enhetschefer", "norrkoping"),
                ("utredare", "norrkoping"),
            ],
            "STRATEGISK ARBETSGRUPP UNGDOM Består av sektionschefer från arbetsförmedlingen "
            "samt enhetschefer och utredare från kommunen",
        ),
        (
            "strategisk-arbetsgrupp-nyanlanda",
            BodyKind.STRATEGIC_WORKING_GROUP,
            "styrgrupp",
            [
                ("sektionschefer", "arbetsformedlingen"),
                ("verksamhetssamordnare", "arbetsformedlingen"),
                ("enhetschefer", "norrkoping"),
                ("utredare", "norrkoping"),
            ],
            "STRATEGISK ARBETSGRUPP NYANLÄNDA Består av sektionschefer och "
            "verksamhetssamordnare från arbetsförmedlingen samt enhetschefer och utredare "
            "från kommunen",
        ),
        *[
            (
                f"operativ-grupp-{track}",
                BodyKind.OPERATIONAL_GROUP,
                "strategisk-arbetsgrupp-nyanlanda",
                [
                    ("kontaktpersoner och utförare i jobbspåren", "arbetsformedlingen"),
                    ("kontaktpersoner och utförare i jobbspåren", "norrkoping"),
                    ("kontaktpersoner och utförare i jobbspåren från upphandlade aktörer", None),
                ],
                "OPERATIV ARBETSGRUPP Består av kontaktpersoner och utförare i jobbspåren från "
                "arbetsförmedlingen, kommunen och upphandlade aktörer",
            )
            for track in TRACKS
        ],
        (
            "koordinator",
            BodyKind.COORDINATOR,
            "strategisk-arbetsgrupp-nyanlanda",
            [],
            "finns en koordinator",
        ),
    ],
)
def test_bodies(
    agreement: Agreement,
    body: str,
    body_id: str,
    kind: BodyKind,
    parent: str | None,
    members: list[tuple[str, str | None]],
    printed: str,
) -> None:
    assert agreement.organisation is not None
    group = agreement.organisation.body(body_id)
    assert (group.kind, group.parent) == (kind, parent)
    assert [(member.role, member.party) for member in group.members] == members
    assert printed in body
    assert group.description is not None
    assert group.description in body
    for task in group.tasks:
        assert _folded(task) in _folded(body), task


def test_one_operational_group_per_track(agreement: Agreement, body: str) -> None:
    assert agreement.organisation is not None
    operational = [
        group for group in agreement.organisation.bodies if group.kind is BodyKind.OPERATIONAL_GROUP
    ]
    assert [group.tracks for group in operational] == [(track,) for track in TRACKS]
    for group in operational:
        assert group.cadence is not None
        assert group.cadence.frequency is Frequency.MONTHLY
        assert group.cadence.approximate  # "cirka"
        assert group.cadence.per_year() == (12, 12)
        assert group.cadence.text == "regelbundet, cirka 1 gång i månaden, utifrån behov"
    assert (
        "För varje spår finns en operativa grupp som träffas regelbundet, cirka 1 gång i månaden"
        in body
    )


@pytest.mark.parametrize(
    ("body_id", "sentence"),
    [
        # Issue 11 §2: sentences of s. 9 that were in no field or section.
        ("strategisk-arbetsgrupp-nyanlanda", "Det kan gälla att beslut om arbetsgivarkontakter och koppling till jobbspår, planering av framtagande och utveckling av jobbspår och genomförande av samverkan med ytterligare aktörer från exempelvis det civila samhället."),
        ("operativ-grupp-industri", "Verkställandet och genomförandet av modellen sker på olika nivåer inom arbetsförmedlingen och kommunen beroende på insatsen i jobbspåren."),
        ("operativ-grupp-industri", "Det kan vara arbetsförmedlare, arbetskonsulenter, lärare med flera beroende på spårens karaktär."),
        ("operativ-grupp-industri", "Det kan även ske möten mellan de olika grupperna där det finns behov och möjligheter till kunskapsutbyte."),
        ("operativ-grupp-industri", "I denna nivå sker även uppföljningen av spåren och individen, som sedan lämnas över till den strategiska arbetsgruppen för utvärdering av modellen."),
    ],
)  # fmt: skip
def test_organisation_sentences_are_placed(
    agreement: Agreement, body: str, body_id: str, sentence: str
) -> None:
    assert agreement.organisation is not None
    (group,) = [b for b in agreement.organisation.bodies if b.id == body_id]
    assert group.description is not None
    assert sentence in " ".join(group.description.split())
    assert sentence in body


def test_no_cadence_stated_for_steering_and_strategic_groups(agreement: Agreement) -> None:
    assert agreement.organisation is not None
    for body_id in (
        "styrgrupp",
        "strategisk-arbetsgrupp-ungdom",
        "strategisk-arbetsgrupp-nyanlanda",
    ):
        assert agreement.organisation.body(body_id).cadence is None


def test_follow_up(agreement: Agreement, body: str) -> None:
    follow_up = agreement.follow_up
    assert follow_up is not None
    assert follow_up.reporting_to == "strategisk-arbetsgrupp-nyanlanda"
    assert "lämnas över till den strategiska arbetsgruppen för utvärdering av modellen" in body
    assert follow_up.statistics_updates is not None
    assert follow_up.statistics_updates.text is not None
    assert follow_up.statistics_updates.text in body
    assert follow_up.description is not None
    assert follow_up.description in body


# ---------------------------------------------------------------- activities


@pytest.mark.parametrize(
    ("activity_id", "kind", "status", "providers", "focus_area"),
    [
        ("sfi", ActivityKind.EDUCATION, ActivityStatus.EXISTING, ("norrkoping",), None),
        (
            "folkhogskolan-marieborg",
            ActivityKind.EDUCATION,
            ActivityStatus.EXISTING,
            ("folkhögskolan Marieborg",),
            None,
        ),
        (
            "samhallsorientering",
            ActivityKind.EDUCATION,
            ActivityStatus.EXISTING,
            ("Region Östergötland",),
            None,
        ),
        (
            "validering",
            ActivityKind.AF_PROGRAMME,
            ActivityStatus.EXISTING,
            ("arbetsformedlingen",),
            None,
        ),
        (
            "motiverande-vagledande-insatser",
            ActivityKind.OTHER,
            ActivityStatus.EXISTING,
            ("arbetsformedlingen", "norrkoping"),
            None,
        ),
        (
            "information-arbetsmarknaden",
            ActivityKind.OTHER,
            ActivityStatus.EXISTING,
            ("arbetsformedlingen",),
            None,
        ),
        (
            "gemensamt-stallningstagande",
            ActivityKind.ROUTINE,
            ActivityStatus.EXISTING,
            ("arbetsformedlingen", "norrkoping"),
            None,
        ),
        (
            "ungdomskontoret",
            ActivityKind.OTHER,
            ActivityStatus.EXISTING,
            ("norrkoping", "arbetsformedlingen"),
            "Ungdomsperspektiv",
        ),
        (
            "sprakintroduktion",
            ActivityKind.EDUCATION,
            ActivityStatus.EXISTING,
            ("norrkoping",),
            "Ungdomsperspektiv",
        ),
        (
            "introduktionsprogram",
            ActivityKind.EDUCATION,
            ActivityStatus.EXISTING,
            ("norrkoping",),
            "Ungdomsperspektiv",
        ),
        (
            "komvux",
            ActivityKind.EDUCATION,
            ActivityStatus.EXISTING,
            ("norrkoping",),
            "Ungdomsperspektiv",
        ),
        (
            "samlad-information-im",
            ActivityKind.OTHER,
            ActivityStatus.PLANNED,
            ("arbetsformedlingen", "studie- och yrkesvägledare från ungdomskontoret"),
            "Ungdomsperspektiv",
        ),
        (
            "syv-inom-etableringen",
            ActivityKind.OTHER,
            ActivityStatus.PLANNED,
            (),
            "Ungdomsperspektiv",
        ),
        (
            "yrkesvagledning-bristyrken",
            ActivityKind.MUNICIPAL_ACTIVITY,
            ActivityStatus.PLANNED,
            ("norrkoping",),
            "Ungdomsperspektiv",
        ),
        (
            "arbetsmarknadskunskap-digitala-tjanster",
            ActivityKind.OTHER,
            ActivityStatus.PLANNED,
            ("arbetsformedlingen",),
            "Ungdomsperspektiv",
        ),
        (
            "projekt-mirjam",
            ActivityKind.PROJECT,
            ActivityStatus.EXISTING,
            ("arbetsformedlingen",),
            "Jämställdhetsperspektiv",
        ),
        (
            "arbetsformedlare-lagutbildade-kvinnor",
            ActivityKind.OTHER,
            ActivityStatus.EXISTING,
            ("arbetsformedlingen",),
            "Jämställdhetsperspektiv",
        ),
        (
            "samordningsforbundet-ostra-ostergotland",
            ActivityKind.NETWORK,
            ActivityStatus.EXISTING,
            (
                "norrkoping",
                "arbetsformedlingen",
                "Region Östergötland",
                "Försäkringskassan",
                "andra kommuner",
            ),
            "Hälsofrämjande perspektiv",
        ),
        (
            "stadsbiblioteket",
            ActivityKind.MUNICIPAL_ACTIVITY,
            ActivityStatus.EXISTING,
            ("stadsbiblioteket",),
            "Hälsofrämjande perspektiv",
        ),
        (
            "halsogrupper-cityhalsan",
            ActivityKind.OTHER,
            ActivityStatus.EXISTING,
            ("vårdcentralen Cityhälsan söder",),
            "Hälsofrämjande perspektiv",
        ),
        (
            "utredningsfunktion-etableringen",
            ActivityKind.OTHER,
            ActivityStatus.EXISTING,
            ("arbetsformedlingen",),
            "Hälsofrämjande perspektiv",
        ),
    ],
)
def test_activities(
    agreement: Agreement,
    body: str,
    activity_id: str,
    kind: ActivityKind,
    status: ActivityStatus,
    providers: tuple[str, ...],
    focus_area: str | None,
) -> None:
    (activity,) = [a for a in agreement.activities if a.id == activity_id]
    assert (activity.kind, activity.status, activity.providers) == (kind, status, providers)
    assert activity.focus_area == focus_area
    party_ids = {party.id for party in agreement.parties}
    for provider in providers:
        assert provider in party_ids or provider in body
    assert activity.description is not None
    assert activity.description in body
    if activity.eligibility is not None and activity.eligibility.text is not None:
        assert activity.eligibility.text in body
    if status is ActivityStatus.PLANNED:
        # the four items listed after "Under 2018 kommer parterna göra flera insatser"
        assert activity.name in body


def test_every_activity_is_tested(agreement: Agreement) -> None:
    assert len(agreement.activities) == 21


@pytest.mark.parametrize(
    ("activity_id", "age_band", "printed"),
    [
        ("sprakintroduktion", (16, 20), "Nyanlända ungdomar i åldern 16-20 år"),
        ("komvux", (20, 24), "Nyanlända ungdomar i åldern 20-24 år"),
    ],
)
def test_activity_age_bands(
    agreement: Agreement, body: str, activity_id: str, age_band: tuple[int, int], printed: str
) -> None:
    (activity,) = [a for a in agreement.activities if a.id == activity_id]
    assert activity.eligibility is not None
    assert activity.eligibility.age_band is not None
    band = activity.eligibility.age_band
    assert (band.min_age, band.max_age) == age_band
    assert printed in body


def test_mirjam_is_esf_funded(agreement: Agreement, body: str) -> None:
    (mirjam,) = [a for a in agreement.activities if a.id == "projekt-mirjam"]
    assert mirjam.funding == ("ESF",)
    assert mirjam.target_groups == ("nyanlanda-kvinnor",)
    assert "projekt Mirjam, som är ett ESF projekt" in body


def test_focus_areas_are_the_perspectives(agreement: Agreement, body: str) -> None:
    assert agreement.focus_areas == (
        "Ungdomsperspektiv",
        "Jämställdhetsperspektiv",
        "Hälsofrämjande perspektiv",
    )
    assert "Särskilda perspektiv i samverkansarbetet" in body
    for area in agreement.focus_areas:
        assert area in body
    assert {a.focus_area for a in agreement.activities} - {None} == set(agreement.focus_areas)


# ---------------------------------------------------------------- text kept as sections


def _paragraphs(agreement: Agreement) -> Iterator[tuple[str, str]]:
    for section in agreement.sections:
        for paragraph in section.text.split("\n\n"):
            yield section.heading, paragraph


def test_sections_are_the_seeds_text(agreement: Agreement, body: str) -> None:
    assert [section.heading for section in agreement.sections] == [
        "Inledning",
        "Kartläggning och analys",
        "Kartläggning och analys av det lokala kompetensförsörjningsbehovet",
        "Målgruppens sammansättning och behov",
        "Samlad analys av kartläggningarna",
        "Särskilda perspektiv i samverkansarbetet",
        "Ungdomsperspektiv",
        "Jämställdhetsperspektiv",
        "Hälsofrämjande perspektiv",
        "Uppföljning av lokala mål",
        "Utveckling av modell",
    ]
    for heading, paragraph in _paragraphs(agreement):
        assert heading in body
        assert paragraph in body, (heading, paragraph[:60])


def test_labour_demand_figures_are_kept_in_the_text(agreement: Agreement, body: str) -> None:
    # s. 4: figures about the labour market, not the target group, have no model of their own.
    (section,) = [
        s
        for s in agreement.sections
        if s.heading == "Kartläggning och analys av det lokala kompetensförsörjningsbehovet"
    ]
    for printed in (
        "ca 7 000 nya jobb",
        "omkring 23 000 rekryteringar",
        "fram till och med år 2025",
    ):
        assert printed in section.text
        assert printed in body


# ---------------------------------------------------------------- files


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_round_trip(agreement: Agreement, fmt: Format) -> None:
    assert dua.loads_agreement(dua.dumps_agreement(agreement, fmt), fmt) == agreement
