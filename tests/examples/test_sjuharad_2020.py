"""The bundled example `sjuharad-2020` against its seed.

Seed: `tests/seeds/004_59e58a48d8f72bd0.txt`, *Överenskommelse om samverkan för att förbättra
kompetensförsörjningen och påskynda individers etablering i arbetslivet* between Borås,
Svenljunga, Tranemo, Mark, Bollebygd, Ulricehamn and Arbetsförmedlingen Sjuhärad, sections
1–11, signed 2020-10-06 to 2020-11-02. Every encoded fact is checked twice: the model holds
the value, and the seed prints it.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

import dua
from dua.model import (
    ActivityKind,
    ActivityStatus,
    Agreement,
    AgreementKind,
    BodyKind,
    Comparison,
    Frequency,
    GoalKind,
    Outcome,
    PartyKind,
    Scope,
    Stage,
    StatisticsSnapshot,
    TrackKind,
    Unit,
)

NAME = "sjuharad-2020"


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    """The example as shipped with the package."""
    return dua.examples.load(NAME)


@pytest.fixture
def seed(seed_text: dict[str, str]) -> str:
    """The seed's text."""
    return seed_text[NAME]


def _flat(text: str) -> str:
    """The text with runs of whitespace as one space and list bullets `- *` as `- `.

    The seed breaks lines and paragraphs at page and column ends; comparing flattened text
    checks the words without the layout.
    """
    return " ".join(text.replace("- * ", "- ").split())


def _snapshot(agreement: Agreement, group: str, snapshot: str) -> StatisticsSnapshot:
    for candidate in agreement.target_group(group).statistics:
        if candidate.id == snapshot:
            return candidate
    raise KeyError(snapshot)


# ---------------------------------------------------------------- whole document


def test_title_purpose_and_kind(agreement: Agreement, seed: str) -> None:
    """Title and purpose (section 2) as printed; young people and newly arrived alike."""
    assert agreement.id == NAME
    assert agreement.kind is AgreementKind.COMBINED
    assert _flat(agreement.title) in _flat(seed)
    assert agreement.purpose == (
        "Att genom samverkan förbättra kompetensförsörjningen och påskynda individers "
        "etablering i arbetslivet."
    )
    assert agreement.purpose in seed
    assert "2. Syfte" in seed


def test_what_the_document_does_not_state_stays_empty(agreement: Agreement, seed: str) -> None:
    """No organisation numbers, no document date, no start date, no revisions made, no grant.

    Section 10 says only "tills vidare"; the document has no date of its own apart from the
    signatures. It is the agreement itself, not an annex.
    """
    assert all(party.organisation_number is None for party in agreement.parties)
    assert not re.search(r"\d{6}-\d{4}", seed)
    assert agreement.document_date is None
    assert agreement.validity is None
    assert agreement.annex is None
    assert agreement.revisions == ()
    assert agreement.state_grants == ()
    assert "Överenskommelsens varaktighet är tills vidare" in seed
    assert agreement.until_further_notice


def test_planned_bodies_and_the_vi_project(agreement: Agreement, seed: str) -> None:
    # Section 6 (Mark): a collaboration group "kommer ... starta" and a working group
    # "kommer ... att startas": both planned, not yet meeting.
    assert "starta en samverkansgrupp med gymnasieskolan och Arbetsmarknadscenter" in seed
    assert "en arbetsgrupp för kompetensförsörjning att startas" in _flat(seed)
    assert agreement.organisation is not None
    planned = {b.id for b in agreement.organisation.bodies if b.status.value == "planerad"}
    assert planned == {"mark-samverkansgrupp-gymnasieskolan", "mark-kompetensforsorjning"}
    # Section 5: "(Mark, Svenljunga/Tranemo, Mark, Bollebygd och Ulricehamn)" take part in
    # the region's VI project; Mark is printed twice and counted once.
    assert "(Mark, Svenljunga/Tranemo, Mark, Bollebygd och Ulricehamn)" in _flat(seed)
    vi = next(a for a in agreement.activities if a.id == "vi-projektet")
    assert set(vi.municipalities) == {"1463", "1465", "1452", "1443", "1491"}


def test_round_trip_toml(agreement: Agreement) -> None:
    """Writing and reading TOML gives the same agreement."""
    assert dua.loads_agreement(dua.dumps_agreement(agreement, "toml"), "toml") == agreement


def test_round_trip_json(agreement: Agreement) -> None:
    """Writing and reading JSON gives the same agreement."""
    assert dua.loads_agreement(dua.dumps_agreement(agreement, "json"), "json") == agreement


# ---------------------------------------------------------------- 1. Parter

MUNICIPALITIES = [
    # (party id, name as printed in section 1, SCB kommunkod)
    ("boras", "Borås", "1490"),
    ("svenljunga", "Svenljunga", "1465"),
    ("tranemo", "Tranemo", "1452"),
    ("mark", "Mark", "1463"),
    ("bollebygd", "Bollebygd", "1443"),
    ("ulricehamn", "Ulricehamn", "1491"),
]


@pytest.mark.parametrize(("party_id", "name", "code"), MUNICIPALITIES)
def test_municipality_parties(
    agreement: Agreement, seed: str, party_id: str, name: str, code: str
) -> None:
    """Section 1: "Kommuner: Borås, Svenljunga, Tranemo, Mark, Bollebygd och Ulricehamn." """
    party = agreement.party(party_id)
    assert party.kind is PartyKind.MUNICIPALITY
    assert party.name == name
    assert party.municipality_code == code
    assert dua.municipalities.by_code(code).name == name
    assert name in "Kommuner: Borås, Svenljunga, Tranemo, Mark, Bollebygd och Ulricehamn."
    assert "Kommuner: Borås, Svenljunga, Tranemo, Mark, Bollebygd och Ulricehamn." in seed


def test_parties_in_printed_order(agreement: Agreement) -> None:
    """Six municipalities in the order of section 1, then Arbetsförmedlingen."""
    assert agreement.municipalities == tuple(code for _, _, code in MUNICIPALITIES)
    assert [p.id for p in agreement.parties] == [m[0] for m in MUNICIPALITIES] + ["af-sjuharad"]


def test_arbetsformedlingen_party(agreement: Agreement, seed: str) -> None:
    """Section 1: "Arbetsförmedlingen Sjuhärad." """
    party = agreement.party("af-sjuharad")
    assert party.kind is PartyKind.PUBLIC_EMPLOYMENT_SERVICE
    assert party.unit == "Arbetsförmedlingen Sjuhärad"
    assert "Arbetsförmedlingen Sjuhärad." in seed


# ---------------------------------------------------------------- 11. Underskrifter

SIGNATURES = [
    # (party, signatory, role, place, date) in the order printed in section 11
    (
        "boras",
        "Dag Forsström",
        "Förvaltningschef, Arbetslivsförvaltningen Borås",
        "Borås",
        date(2020, 10, 6),
    ),
    ("svenljunga", "Stefan Carlsson", "Kommunalråd, Svenljunga", "Svenljunga", date(2020, 10, 14)),
    ("mark", "Mats Lilienberg", "Kommundirektör, Mark", "Mark", date(2020, 10, 18)),
    ("svenljunga", "Magnus Nilsson", "Kommunchef, Svenljunga", "Svenljunga", date(2020, 10, 14)),
    ("ulricehamn", "Håkan Sandahl", "Kommunchef, Ulricehamn", "ULRICEHAMN", date(2020, 11, 2)),
    ("tranemo", "Tony Hansen", "Kommunalråd, Tranemo", "Tranemo", date(2020, 10, 14)),
    ("bollebygd", "Monica Holmgren", "Kommunchef, Bollebygd", "Bollebygd", date(2020, 10, 21)),
    ("tranemo", "Carita Browall", "Kommunchef, Tranemo", "Tranemo", date(2020, 10, 14)),
    (
        "boras",
        "Tina Arekvist Lundell",
        "Verksamhetschef Vuxenutbildningen",
        "Borås",
        date(2020, 10, 19),
    ),
    ("af-sjuharad", "Daniel Bosćović", "Arbetsförmedlingschef", "BORÅS", date(2020, 10, 22)),
]


def test_signatures_in_order(agreement: Agreement) -> None:
    """Ten signatories, in the order of section 11."""
    assert [
        (s.party, s.signatory, s.role, s.place, s.on) for s in agreement.signatures
    ] == SIGNATURES


@pytest.mark.parametrize(("party", "signatory", "role", "place", "on"), SIGNATURES)
def test_signature_printed(
    seed: str, party: str, signatory: str, role: str, place: str, on: date
) -> None:
    """Name with role, and place with date (as printed, capitals included), are in the seed."""
    signatures = _flat(seed[seed.index("11. Underskrifter") :])
    assert f"{signatory} {role}" in signatures
    assert f"{place} {on.isoformat()}" in signatures


def test_signatures_span_october_to_november_2020(agreement: Agreement) -> None:
    """Signed from 2020-10-06 (Borås) to 2020-11-02 (Ulricehamn); every party signed."""
    days = [s.on for s in agreement.signatures if s.on is not None]
    assert (min(days), max(days)) == (date(2020, 10, 6), date(2020, 11, 2))
    assert {s.party for s in agreement.signatures} == {p.id for p in agreement.parties}


# ---------------------------------------------------------------- 10. Revidering


def test_revision_every_october(agreement: Agreement, seed: str) -> None:
    """Section 10: "revideringen ska ske årligen i oktober"; section 9: both groups meet."""
    plan = agreement.revision_plan
    assert plan is not None
    assert plan.cadence is not None
    assert plan.cadence.frequency is Frequency.YEARLY
    assert plan.cadence.months == (10,)
    assert plan.cadence.per_year() == (1, 1)
    assert plan.dates == ()
    assert plan.text is not None
    assert "tills vidare" in plan.text
    assert (
        "Överenskommelsens varaktighet är tills vidare och revideringen ska ske årligen i oktober."
        in seed
    )
    assert "I samband med revidering möts chefsgrupp och arbetsgrupp." in seed


# ---------------------------------------------------------------- 3. Lokala mål

EXPECTED_GOALS = {
    "mal-1": GoalKind.CONVERSION,
    "mal-2": GoalKind.QUALITATIVE,
    "mal-2-statistik": GoalKind.CADENCE,
    "mal-3": GoalKind.QUALITATIVE,
    "mal-3-arbetsgrupp": GoalKind.CADENCE,
    "mal-3-chefsgrupp": GoalKind.CADENCE,
    "mark-kvinnors-sprak-40": GoalKind.COUNT,
}


def test_every_goal_is_listed_here(agreement: Agreement) -> None:
    """Each goal of the example has its kind checked (a new goal needs a test here)."""
    assert {g.id: g.kind for g in agreement.goals} == EXPECTED_GOALS


@pytest.mark.parametrize("goal_id", sorted(EXPECTED_GOALS))
def test_goal_text_is_the_seed_wording(agreement: Agreement, seed: str, goal_id: str) -> None:
    """Every goal's `text` is the seed's own sentence, and its source names a section."""
    goal = agreement.goal(goal_id)
    assert goal.text in seed
    assert goal.source is not None
    assert goal.source.locator


CONVERSION_STEPS = [
    # (from, to, share %) from "50% av de som påbörjar jobbspår förväntas gå vidare till
    # reguljära studier, 50% av de som påbörjar reguljära studier förväntas vidare till jobb."
    ("påbörjar jobbspår", "reguljära studier", Decimal("50")),
    ("påbörjar reguljära studier", "jobb", Decimal("50")),
]


def test_goal_1_is_a_conversion_chain(agreement: Agreement, seed: str) -> None:
    """Goal 1: 50 % of track starters go on to regular studies, 50 % of those to work."""
    goal = agreement.goal("mal-1")
    assert [(s.from_status, s.to_status, s.share_percent) for s in goal.steps] == CONVERSION_STEPS
    assert all(s.comparison is Comparison.AT_LEAST for s in goal.steps)
    assert goal.unit is Unit.PERCENT
    assert goal.targets == ()
    assert "1. 50% av de som påbörjar jobbspår förväntas gå vidare till reguljära studier" in seed
    assert "50% av de som påbörjar reguljära studier förväntas vidare till jobb." in seed


def test_goal_1_is_measured_per_track(agreement: Agreement, seed: str) -> None:
    """Section 9: "Mäts efter varje avslutat jobbspår": scope per track, over every track.

    How tracks combine (each or in total) is not stated, so no aggregation is set.
    """
    goal = agreement.goal("mal-1")
    assert goal.scope is Scope.TRACK
    assert set(goal.units) == {t.id for t in agreement.tracks}
    assert len(goal.units) == 15
    assert goal.aggregation is None
    assert (
        "1. Mäts efter varje avslutat jobbspår, varje kommun ansvarar för respektive spår" in seed
    )


@pytest.mark.parametrize(
    ("goal_id", "parent"),
    [("mal-2-statistik", "mal-2"), ("mal-3-arbetsgrupp", "mal-3"), ("mal-3-chefsgrupp", "mal-3")],
)
def test_measurable_parts_of_goals_2_and_3(agreement: Agreement, goal_id: str, parent: str) -> None:
    """Goals 2 and 3 are worded qualitatively; section 9 makes them countable sub-goals."""
    assert agreement.goal(goal_id).parent == parent
    assert agreement.goal(parent).targets == ()


CADENCE_GOALS = [
    # (goal, body, comparison, value, upper, frequency, min, max, printed in section 9)
    (
        "mal-2-statistik",
        "arbetsgrupp",
        Comparison.EQUAL,
        Decimal(2),
        None,
        Frequency.TWICE_A_YEAR,
        None,
        None,
        "två gånger per år gå igenom aktuella siffror",
    ),
    (
        "mal-3-arbetsgrupp",
        "arbetsgrupp",
        Comparison.BETWEEN,
        Decimal(6),
        Decimal(8),
        Frequency.TIMES_PER_YEAR,
        6,
        8,
        "uppföljning av resultat 6-8 ggr per år",
    ),
    (
        "mal-3-chefsgrupp",
        "chefsgrupp",
        Comparison.EQUAL,
        Decimal(4),
        None,
        Frequency.TIMES_PER_YEAR,
        4,
        4,
        "chefsgruppen fortsätter att träffas 4 ggr per år",
    ),
]


@pytest.mark.parametrize(
    ("goal_id", "body", "comparison", "value", "upper", "frequency", "low", "high", "printed"),
    CADENCE_GOALS,
)
def test_cadence_goals(
    agreement: Agreement,
    seed: str,
    goal_id: str,
    body: str,
    comparison: Comparison,
    value: Decimal,
    upper: Decimal | None,
    frequency: Frequency,
    low: int | None,
    high: int | None,
    printed: str,
) -> None:
    """Statistics twice a year; working group 6–8 times a year; management group 4 a year."""
    goal = agreement.goal(goal_id)
    assert goal.body == body
    assert agreement.organisation is not None
    assert agreement.organisation.body(body).id == body
    assert goal.unit is Unit.COUNT
    (target,) = goal.targets
    assert (target.comparison, target.value, target.upper) == (comparison, value, upper)
    assert target.due is None
    assert target.period is None
    assert goal.cadence is not None
    assert (goal.cadence.frequency, goal.cadence.min_times, goal.cadence.max_times) == (
        frequency,
        low,
        high,
    )
    assert printed in seed


@pytest.mark.parametrize(
    ("observed", "attained"),
    [(5, False), (6, True), (7, True), (8, True), (9, False)],
)
def test_working_group_target_is_inclusive(
    agreement: Agreement, observed: int, attained: bool
) -> None:
    """ "6-8 ggr per år": both ends count."""
    (target,) = agreement.goal("mal-3-arbetsgrupp").targets
    assert target.holds(Decimal(observed)) is attained


def test_mark_project_goal_of_40_women(agreement: Agreement, seed: str) -> None:
    """Mark: "Målet är att 40 kvinnor ska delta"; the project runs Aug 2020 through 2021."""
    goal = agreement.goal("mark-kvinnors-sprak-40")
    assert (goal.scope, goal.units) == (Scope.MUNICIPALITY, ("1463",))
    (target,) = goal.targets
    assert (target.comparison, target.value) == (Comparison.AT_LEAST, Decimal(40))
    assert target.period is not None
    assert (target.period.start, target.period.end) == (date(2020, 8, 1), date(2021, 12, 31))
    assert goal.period == target.period
    assert "Målet är att 40 kvinnor ska delta i gruppverksamhet under 18 veckor" in seed
    assert "Projektet pågår från augusti 2020 och under hela 2021." in seed


# ---------------------------------------------------------------- 4. Målgrupp

AF_FIGURES = [
    # (figure id, value, unit, of, printed)
    ("etableringsprogrammet", "440", Unit.COUNT, None, "440 deltagare i Etableringsprogrammet"),
    ("job", "1339", Unit.COUNT, None, "1339 som är inskrivna i jobb och utvecklingsgarantin"),
    ("job-nyanlanda", "69", Unit.COUNT, "job", "av dessa är 69 nyanlända"),
    (
        "job-over-450-dagar",
        "133",
        Unit.COUNT,
        "job",
        "133 deltagare är inskrivna mer än 450 dagar i jobb och utvecklingsgarantin",
    ),
    (
        "nyanlanda-ej-i-program",
        "128",
        Unit.COUNT,
        None,
        "Nyanlända som inte är inskrivna i program är 128 personer.",
    ),
    (
        "etableringsprogrammet-kvinnor",
        "60",
        Unit.PERCENT,
        "etableringsprogrammet",
        "Andelen kvinnor är 60% i etableringen",
    ),
    (
        "nyanlanda-ej-i-program-kvinnor",
        "63",
        Unit.PERCENT,
        "nyanlanda-ej-i-program",
        "63% nyanlända ej i program",
    ),
    ("job-kvinnor", "51", Unit.PERCENT, "job", "51% i jobb och utvecklingsgarantin"),
    (
        "etableringsprogrammet-under-25",
        "15",
        Unit.PERCENT,
        "etableringsprogrammet",
        "15% av målgruppen är under 25 år",
    ),
    (
        "etableringsprogrammet-25-50",
        "72",
        Unit.PERCENT,
        "etableringsprogrammet",
        "Åldersgruppen 25–50 år utgör 72% av målgruppen",
    ),
    (
        "etableringsprogrammet-30-39",
        "33",
        Unit.PERCENT,
        "etableringsprogrammet-25-50",
        "utav dessa är 33% i åldersgruppen 30–39 år",
    ),
    (
        "etableringsprogrammet-gymnasial",
        "15",
        Unit.PERCENT,
        "etableringsprogrammet",
        "15% av målgruppen har gymnasial utbildning",
    ),
    (
        "etableringsprogrammet-eftergymnasial",
        "24",
        Unit.PERCENT,
        "etableringsprogrammet",
        "24% har eftergymnasial utbildning",
    ),
    (
        "etableringsprogrammet-saknar-formell",
        "18",
        Unit.PERCENT,
        "etableringsprogrammet",
        "18% av målgruppen saknar formell utbildning",
    ),
    (
        "nyanlanda-ej-i-program-under-25",
        "9",
        Unit.PERCENT,
        "nyanlanda-ej-i-program",
        "9 % av målgruppen är under 25 år",
    ),
    (
        "nyanlanda-ej-i-program-25-50",
        "78",
        Unit.PERCENT,
        "nyanlanda-ej-i-program",
        "Åldersgruppen 25–50 år utgör 78 % av målgruppen",
    ),
    (
        "nyanlanda-ej-i-program-gymnasial",
        "22",
        Unit.PERCENT,
        "nyanlanda-ej-i-program",
        "22% av målgruppen har gymnasial utbildning",
    ),
    (
        "nyanlanda-ej-i-program-eftergymnasial",
        "38",
        Unit.PERCENT,
        "nyanlanda-ej-i-program",
        "38% har eftergymnasial utbildning",
    ),
    (
        "nyanlanda-ej-i-program-saknar-formell",
        "9",
        Unit.PERCENT,
        "nyanlanda-ej-i-program",
        "9% saknar formell utbildning",
    ),
]


def test_af_snapshot(agreement: Agreement, seed: str) -> None:
    """Section 4: "Vid mätillfället juni 2020" – every AF figure is encoded, none more."""
    snapshot = _snapshot(agreement, "malgrupp", "af-juni-2020")
    assert snapshot.as_of is None
    assert snapshot.as_of_text == "juni 2020"
    assert "Vid mätillfället juni 2020" in seed
    assert [f.id for f in snapshot.figures] == [row[0] for row in AF_FIGURES]


@pytest.mark.parametrize(("figure_id", "value", "unit", "of", "printed"), AF_FIGURES)
def test_af_figure(
    agreement: Agreement,
    seed: str,
    figure_id: str,
    value: str,
    unit: Unit,
    of: str | None,
    printed: str,
) -> None:
    """Each figure as printed: value, unit and what it is a part or share of."""
    figure = _snapshot(agreement, "malgrupp", "af-juni-2020").figure(figure_id)
    assert (figure.value, figure.unit, figure.of) == (Decimal(value), unit, of)
    assert printed in seed
    assert value in printed


def test_af_groupings_are_not_declared_exhaustive(agreement: Agreement) -> None:
    """JOB's sub-counts may overlap; age and education shares leave groups unstated.

    E.g. 15 % + 72 % = 87 % by age, 15 % + 24 % + 18 % = 57 % by education.
    """
    snapshot = _snapshot(agreement, "malgrupp", "af-juni-2020")
    assert snapshot.partitions
    assert not any(p.complete for p in snapshot.partitions)
    by_age = ("etableringsprogrammet-under-25", "etableringsprogrammet-25-50")
    assert sum(snapshot.figure(part).value for part in by_age) == 87
    by_education = (
        "etableringsprogrammet-gymnasial",
        "etableringsprogrammet-eftergymnasial",
        "etableringsprogrammet-saknar-formell",
    )
    assert sum(snapshot.figure(part).value for part in by_education) == 57


KAA_TABLE = [
    # (figure id, kommunkod, municipality as printed, KAA 15/9, Försörjningsstöd vuxna 30/6)
    ("boras", "1490", "Borås", 600, 903),
    ("mark", "1463", "Mark", 113, 163),
    ("bollebygd", "1443", "Bollebygd", 12, 105),
    ("svenljunga", "1465", "Svenljunga", 54, 98),
    ("tranemo", "1452", "Tranemo", 54, 182),
    ("ulricehamn", "1491", "Ulricehamn", 133, 239),
]


def test_kaa_table_header(seed: str) -> None:
    """The table's header and its stated totals row."""
    assert "Kommun\tKAA 15/9\tFörsörjningsstöd vuxna 30/6" in seed
    assert "Totalt\t966\t1681" in seed


@pytest.mark.parametrize(("figure_id", "code", "name", "kaa", "assistance"), KAA_TABLE)
def test_kaa_and_social_assistance_rows(
    agreement: Agreement,
    seed: str,
    figure_id: str,
    code: str,
    name: str,
    kaa: int,
    assistance: int,
) -> None:
    """Each row of the table, per municipality, with its kommunkod as category."""
    kaa_figure = _snapshot(agreement, "kaa", "kaa-15-9").figure(figure_id)
    fs_figure = _snapshot(agreement, "forsorjningsstodstagare", "forsorjningsstod-vuxna-30-6")
    row = fs_figure.figure(figure_id)
    assert (kaa_figure.value, kaa_figure.unit, kaa_figure.categories) == (
        Decimal(kaa),
        Unit.COUNT,
        {"kommun": code},
    )
    assert (row.value, row.categories) == (Decimal(assistance), {"kommun": code})
    assert f"{name}\t{kaa}\t{assistance}" in seed


@pytest.mark.parametrize(
    ("group", "snapshot_id", "as_of_text", "stated_total", "sum_of_parts"),
    [
        ("kaa", "kaa-15-9", "15/9", 966, 966),
        # Stored as printed: 903 + 163 + 105 + 98 + 182 + 239 = 1 690, the seed says 1 681.
        ("forsorjningsstodstagare", "forsorjningsstod-vuxna-30-6", "30/6", 1681, 1690),
    ],
)
def test_table_totals_as_printed(
    agreement: Agreement,
    group: str,
    snapshot_id: str,
    as_of_text: str,
    stated_total: int,
    sum_of_parts: int,
) -> None:
    """The six municipalities are the whole table (a complete partition); totals as printed."""
    snapshot = _snapshot(agreement, group, snapshot_id)
    assert snapshot.as_of is None
    assert snapshot.as_of_text == as_of_text
    (partition,) = snapshot.partitions
    assert partition.complete
    assert partition.total == "totalt"
    assert snapshot.figure("totalt").value == stated_total
    assert sum(snapshot.figure(part).value for part in partition.parts) == sum_of_parts


TARGET_GROUPS = [
    # (id, parent, printed wording that defines it)
    ("malgrupp", None, "bedöms ha behov av stöd och insatser från både kommun och"),
    ("etableringsprogrammet", "malgrupp", "Målgrupp Etableringsprogram"),
    (
        "etablering-ej-matchbara",
        "etableringsprogrammet",
        "deltagare i etableringsprogrammet som bedöms inte kunna matchas mot arbete inom",
    ),
    ("job", "malgrupp", "inskrivna i jobb och utvecklingsgarantin"),
    ("nyanlanda-ej-i-program", "malgrupp", "Nyanlända ej i program"),
    ("kaa", "malgrupp", "-Ungdomar som ingår i det kommunala aktivitetsansvaret"),
    ("forsorjningsstodstagare", "malgrupp", "-Försörjningsstödstagare, mot arbete"),
    ("hemmasittare", "malgrupp", '"hemmasittare" som lever i ofrivilligt utanförskap'),
    ("uvas", "malgrupp", "UVAS – unga som varkes arbetar eller studerar"),
    (
        "unga-utan-fullfoljd-gymnasieutbildning",
        "malgrupp",
        "unga som saknar en fullföljd gymnasieutbildning",
    ),
    ("unga-med-funktionsnedsattning", "malgrupp", "unga med en funktionsnedsättning"),
]


def test_every_target_group_is_listed_here(agreement: Agreement) -> None:
    """The example's target groups are exactly the ones checked below."""
    assert [g.id for g in agreement.target_groups] == [row[0] for row in TARGET_GROUPS]


@pytest.mark.parametrize(("group_id", "parent", "printed"), TARGET_GROUPS)
def test_target_group(
    agreement: Agreement, seed: str, group_id: str, parent: str | None, printed: str
) -> None:
    """Each group with its parent; its defining words are in the seed."""
    assert agreement.target_group(group_id).parent == parent
    assert printed in _flat(seed)


def test_uvas_age_band(agreement: Agreement, seed: str) -> None:
    """VI-projektet defines UVAS as "i åldersspannet 15-24 år"."""
    band = agreement.target_group("uvas").age_band
    assert band is not None
    assert (band.min_age, band.max_age) == (15, 24)
    assert "unga som varkes arbetar eller studerar i åldersspannet 15-24 år" in seed


# ---------------------------------------------------------------- 7. Åtagande om lokala jobbspår

TRACKS = [
    # (track id, kind, kommunkod, occupational field, commitment line as printed)
    (
        "svenljunga-vard-och-omsorg",
        TrackKind.PREPARATORY,
        "1465",
        "vård och omsorg",
        "Svenljunga: Vård- och omsorg & lager/logistik",
    ),
    (
        "svenljunga-lager-logistik",
        TrackKind.PREPARATORY,
        "1465",
        "lager/logistik",
        "Svenljunga: Vård- och omsorg & lager/logistik",
    ),
    (
        "tranemo-maltid-och-service",
        TrackKind.PREPARATORY,
        "1452",
        "måltid och service",
        "Tranemo: Måltid- och service & industri",
    ),
    (
        "tranemo-industri",
        TrackKind.PREPARATORY,
        "1452",
        "industri",
        "Tranemo: Måltid- och service & industri",
    ),
    (
        "ulricehamn-vard-och-omsorg",
        TrackKind.JOB_TRACK,
        "1491",
        "vård och omsorg",
        "Ulricehamn: Planerar för vård och omsorg, lokalvård samt betong",
    ),
    (
        "ulricehamn-lokalvard",
        TrackKind.JOB_TRACK,
        "1491",
        "lokalvård",
        "Ulricehamn: Planerar för vård och omsorg, lokalvård samt betong",
    ),
    (
        "ulricehamn-betong",
        TrackKind.JOB_TRACK,
        "1491",
        "betong",
        "Ulricehamn: Planerar för vård och omsorg, lokalvård samt betong",
    ),
    (
        "bollebygd-vard-och-omsorg",
        TrackKind.JOB_TRACK,
        "1443",
        "vård och omsorg",
        "Bollebygd: Planerar för Vård och omsorg samt Måltid.",
    ),
    (
        "bollebygd-maltid",
        TrackKind.JOB_TRACK,
        "1443",
        "måltid",
        "Bollebygd: Planerar för Vård och omsorg samt Måltid.",
    ),
    (
        "boras-vard-och-omsorg",
        TrackKind.JOB_TRACK,
        "1490",
        "vård och omsorg",
        "Borås: Vård och omsorg, barnomsorg, kock och lokalvård",
    ),
    (
        "boras-barnomsorg",
        TrackKind.JOB_TRACK,
        "1490",
        "barnomsorg",
        "Borås: Vård och omsorg, barnomsorg, kock och lokalvård",
    ),
    (
        "boras-kock",
        TrackKind.JOB_TRACK,
        "1490",
        "kock",
        "Borås: Vård och omsorg, barnomsorg, kock och lokalvård",
    ),
    (
        "boras-lokalvard",
        TrackKind.JOB_TRACK,
        "1490",
        "lokalvård",
        "Borås: Vård och omsorg, barnomsorg, kock och lokalvård",
    ),
    (
        "mark-vard-och-omsorg",
        TrackKind.JOB_TRACK,
        "1463",
        "vård och omsorg",
        "Mark: Vård och omsorg och barnomsorg",
    ),
    (
        "mark-barnomsorg",
        TrackKind.JOB_TRACK,
        "1463",
        "barnomsorg",
        "Mark: Vård och omsorg och barnomsorg",
    ),
]


def test_every_track_is_listed_here(agreement: Agreement) -> None:
    """Fifteen track commitments, in the order printed."""
    assert [t.id for t in agreement.tracks] == [row[0] for row in TRACKS]


@pytest.mark.parametrize(("track_id", "kind", "code", "field", "printed"), TRACKS)
def test_track_commitment(
    agreement: Agreement,
    seed: str,
    track_id: str,
    kind: TrackKind,
    code: str,
    field: str,
    printed: str,
) -> None:
    """Each commitment: municipality, occupational field and whether it is preparatory."""
    track = agreement.track(track_id)
    assert (track.kind, track.municipalities, track.occupational_field) == (kind, (code,), field)
    assert printed in seed
    assert field.split()[0].split("/")[0] in printed.lower()


def test_svenljunga_and_tranemo_run_four_preparatory_tracks(seed: str) -> None:
    """ "Utifrån den kartläggningen har vi valt våra fyra förberedande jobbspår." """
    assert sum(kind is TrackKind.PREPARATORY for _, kind, *_ in TRACKS) == 4
    assert "vi valt våra fyra förberedande jobbspår" in seed


def test_boras_cleaning_track_stages(agreement: Agreement, seed: str) -> None:
    """The cleaning pilot: 16 weeks of group meetings, then 3 months of work practice."""
    track = agreement.track("boras-lokalvard")
    assert [s.id for s in track.stages] == ["gruppverksamhet", "arbetspraktik", "intervjutraning"]
    group, practice, interview = track.stages
    assert group.duration is not None
    assert practice.duration is not None
    assert (group.duration.minimum, group.duration.maximum, group.duration.unit) == (
        Decimal(16),
        Decimal(16),
        Unit.WEEKS,
    )
    assert (practice.duration.minimum, practice.duration.unit) == (Decimal(3), Unit.MONTHS)
    assert interview.outcomes == (Outcome.WORK,)
    assert "Gruppträffar pågår under 16 veckor" in seed
    assert "under 3 månader som en första" in seed


# ---------------------------------------------------------------- 6. Arbetsprocesserna

PROCESS_MODELS = [
    # (id, stage ids in order, tracks)
    (
        "svenljunga-tranemo-forberedande-jobbspar",
        ["inflode", "kartlaggning", "moduler"],
        (
            "svenljunga-vard-och-omsorg",
            "svenljunga-lager-logistik",
            "tranemo-maltid-och-service",
            "tranemo-industri",
        ),
    ),
    ("ulricehamn-ame", ["remiss", "plan", "kartlaggning", "arbetstraning"], ()),
    ("bollebygd-ame", ["remiss", "handlaggare", "kartlaggning", "sfi-och-insatser"], ()),
    (
        "boras-jobbspar",
        ["urval", "praktik", "arbetsmarknadsanstallning", "ordinarie-utbildning"],
        ("boras-vard-och-omsorg", "boras-barnomsorg", "boras-kock", "boras-lokalvard"),
    ),
    ("mark-arbetsmarknadscenter", ["bestallning", "genomforandeplan"], ()),
    (
        "af-jobbspar",
        ["urval", "informationstraff", "intervju", "praktik", "utbildning", "anstallning"],
        (),
    ),
    ("mark-kvinnors-sprak", ["gruppverksamhet", "sprakpraktik"], ()),
]


@pytest.mark.parametrize(("model_id", "stages", "tracks"), PROCESS_MODELS)
def test_process_model_stages(
    agreement: Agreement, model_id: str, stages: list[str], tracks: tuple[str, ...]
) -> None:
    """Each working process with its stages in order and the tracks it leads into."""
    (model,) = [m for m in agreement.process_models if m.id == model_id]
    assert [s.id for s in model.stages] == stages
    assert model.tracks == tracks


def test_every_process_model_is_listed_here(agreement: Agreement) -> None:
    """The example's process models are exactly the ones checked above."""
    assert [m.id for m in agreement.process_models] == [row[0] for row in PROCESS_MODELS]


def _stage(agreement: Agreement, model_id: str, stage_id: str) -> Stage:
    (model,) = [m for m in agreement.process_models if m.id == model_id]
    (stage,) = [s for s in model.stages if s.id == stage_id]
    return stage


STAGE_DURATIONS = [
    # (model, stage, minimum, maximum, unit, approximate, printed)
    (
        "boras-jobbspar",
        "praktik",
        2,
        2,
        Unit.MONTHS,
        True,
        "praktikperiod på ca 2 månader i kombination med studier i svenska",
    ),
    (
        "boras-jobbspar",
        "arbetsmarknadsanstallning",
        8,
        8,
        Unit.MONTHS,
        True,
        "arbetsmarknadsanställning ca 8 månader",
    ),
    (
        "af-jobbspar",
        "anstallning",
        1,
        2,
        Unit.YEARS,
        False,
        "vanligen ett år med möjlighet till förlängning ytterligare ett år",
    ),
    (
        "mark-kvinnors-sprak",
        "gruppverksamhet",
        18,
        18,
        Unit.WEEKS,
        False,
        "gruppverksamhet under 18 veckor",
    ),
    ("mark-kvinnors-sprak", "sprakpraktik", 3, 3, Unit.MONTHS, False, "3 månaders språkpraktik"),
]


@pytest.mark.parametrize(
    ("model_id", "stage_id", "low", "high", "unit", "approximate", "printed"), STAGE_DURATIONS
)
def test_stage_durations(
    agreement: Agreement,
    seed: str,
    model_id: str,
    stage_id: str,
    low: int,
    high: int,
    unit: Unit,
    approximate: bool,
    printed: str,
) -> None:
    """Nominal durations as printed; "ca" is kept as approximate."""
    duration = _stage(agreement, model_id, stage_id).duration
    assert duration is not None
    assert (duration.minimum, duration.maximum, duration.unit, duration.approximate) == (
        Decimal(low),
        Decimal(high),
        unit,
        approximate,
    )
    assert printed in seed


def test_boras_small_groups_continue_sfi(agreement: Agreement, seed: str) -> None:
    """Borås: groups under 10 in an occupational field continue SFI instead of the programme."""
    stage = _stage(agreement, "boras-jobbspar", "arbetsmarknadsanstallning")
    assert [c.name for c in stage.contents] == ["arbete", "förberedande program", "SFI"]
    sfi = stage.contents[2]
    assert sfi.description is not None
    assert sfi.description in seed
    assert "färre än 10 deltagare fortsätter istället SFI" in seed
    assert stage.prerequisites == ("genomförd fungerande praktikperiod",)
    assert "Efter genomförd fungerande praktikperiod" in seed


def test_boras_guaranteed_place_in_adult_education(agreement: Agreement, seed: str) -> None:
    """ "Vid arbetsmarknadsanställningens slut garanteras deltagare plats i ordinarie utbildning" """
    stage = _stage(agreement, "boras-jobbspar", "ordinarie-utbildning")
    assert stage.outcomes == (Outcome.STUDIES,)
    assert "garanteras deltagare plats i ordinarie utbildning på Vuxenutbildningen" in seed


@pytest.mark.parametrize(
    ("model_id", "stage_id", "printed"),
    [
        (
            "svenljunga-tranemo-forberedande-jobbspar",
            "moduler",
            "En nyanländ kommer läsa SFI på 50% men resterande 50% fylls av olika moduler",
        ),
        ("bollebygd-ame", "sfi-och-insatser", "Nyanlända läser SFI på 50% och på de övriga 50%"),
    ],
)
def test_sfi_at_half_time(
    agreement: Agreement, seed: str, model_id: str, stage_id: str, printed: str
) -> None:
    """SFI at 50 %, the other 50 % filled with modules or other activities."""
    contents = _stage(agreement, model_id, stage_id).contents
    assert (contents[0].name, contents[0].extent_percent) == ("SFI", Decimal(50))
    assert contents[1].extent_percent == Decimal(50)
    assert printed in seed


# ---------------------------------------------------------------- 5. and 9. Organisation, uppföljning

BODIES = [
    # (id, kind, frequency, min, max, approximate, printed)
    (
        "arbetsgrupp",
        BodyKind.WORKING_GROUP,
        Frequency.MONTHLY,
        None,
        None,
        False,
        "Planen är ett möte per månad, digitalt i första hand.",
    ),
    (
        "chefsgrupp",
        BodyKind.MANAGEMENT_GROUP,
        Frequency.TIMES_PER_YEAR,
        4,
        4,
        False,
        "chefsgruppen fortsätter att träffas 4 ggr per år",
    ),
    (
        "ame-natverk",
        BodyKind.NETWORK,
        Frequency.REGULARLY,
        None,
        None,
        False,
        "Enhetschefer AME Sjuhärad har ett fungerande nätverk med kontinuerliga träffar",
    ),
    (
        "brvux-natverk",
        BodyKind.NETWORK,
        Frequency.REGULARLY,
        None,
        None,
        False,
        "BrVux: Rektorena har ett fungerande nätverk med kontinuerliga träffar",
    ),
    ("kaa-natverk", BodyKind.NETWORK, None, None, None, False, "samverkar i ett KAA-nätverk"),
    (
        "boras-jobbspar-arbetsgrupp",
        BodyKind.WORKING_GROUP,
        Frequency.TIMES_PER_YEAR,
        2,
        4,
        False,
        "Gruppen träffas 2-4 gånger per år",
    ),
    (
        "boras-lua-moten",
        BodyKind.OPERATIONAL_GROUP,
        Frequency.MONTHLY,
        None,
        None,
        True,
        "arbetsförmedlare som träffas ca 1ggr/månad",
    ),
    (
        "svenljunga-tranemo-arbetsgrupp",
        BodyKind.WORKING_GROUP,
        None,
        None,
        None,
        False,
        "I dessa grupper finns representanter från AME, IFO och Lärcentrum",
    ),
    (
        "mark-samverkansforum",
        BodyKind.COLLABORATION_GROUP,
        None,
        None,
        None,
        False,
        "Samverkansforum mellan kommunen och Arbetsförmedlingen finns sedan tidigare",
    ),
    (
        "mark-samverkansgrupp-gymnasieskolan",
        BodyKind.COLLABORATION_GROUP,
        None,
        None,
        None,
        False,
        "starta en samverkansgrupp med gymnasieskolan och Arbetsmarknadscenter",
    ),
    (
        "mark-kompetensforsorjning",
        BodyKind.WORKING_GROUP,
        None,
        None,
        None,
        False,
        "kommer en arbetsgrupp för kompetensförsörjning att startas",
    ),
]


def test_every_body_is_listed_here(agreement: Agreement) -> None:
    """The example's bodies are exactly the ones checked below."""
    assert agreement.organisation is not None
    assert [b.id for b in agreement.organisation.bodies] == [row[0] for row in BODIES]


@pytest.mark.parametrize(
    ("body_id", "kind", "frequency", "low", "high", "approximate", "printed"), BODIES
)
def test_body_and_cadence(
    agreement: Agreement,
    seed: str,
    body_id: str,
    kind: BodyKind,
    frequency: Frequency | None,
    low: int | None,
    high: int | None,
    approximate: bool,
    printed: str,
) -> None:
    """Each body with its kind and how often it meets, where the seed says so."""
    assert agreement.organisation is not None
    body = agreement.organisation.body(body_id)
    assert body.kind is kind
    if frequency is None:
        assert body.cadence is None
    else:
        assert body.cadence is not None
        assert (
            body.cadence.frequency,
            body.cadence.min_times,
            body.cadence.max_times,
            body.cadence.approximate,
        ) == (frequency, low, high, approximate)
    assert printed in seed


def test_af_sits_in_both_groups(agreement: Agreement, seed: str) -> None:
    """ "Arbetsförmedlingen kommer fortsätta finnas representerade i både styrgrupp/chefsgrupp
    och arbetsgrupp." """
    assert agreement.organisation is not None
    for body_id in ("arbetsgrupp", "chefsgrupp"):
        parties = {m.party for m in agreement.organisation.body(body_id).members}
        assert "af-sjuharad" in parties
    assert "representerade i både styrgrupp/chefsgrupp och arbetsgrupp" in seed


def test_follow_up_plan(agreement: Agreement, seed: str) -> None:
    """Section 9: DUA surveys; statistics twice a year incl. residence, language and
    functional variation; results 6–8 times a year; goal 1 reported to the working group."""
    plan = agreement.follow_up
    assert plan is not None
    assert plan.statistics_updates is not None
    assert plan.statistics_updates.frequency is Frequency.TWICE_A_YEAR
    assert plan.cadence is not None
    assert plan.cadence.per_year() == (6, 8)
    assert plan.perspectives == ("boendeort", "språk", "funktionsvariation")
    assert plan.reporting_to == "arbetsgrupp"
    assert "titta på boendeort, språk och funktionsvariation" in seed
    assert "åtar sig att svara på enkäter från Dua" in seed


# ---------------------------------------------------------------- activities

ACTIVITIES = [
    # (id, kind, status, printed)
    ("vi-projektet", ActivityKind.PROJECT, ActivityStatus.EXISTING, "ESF-projekt"),
    ("regionalt-yrkesvux", ActivityKind.EDUCATION, ActivityStatus.EXISTING, "50-tal olika"),
    (
        "svenljunga-tranemo-utbildningsapp",
        ActivityKind.PROJECT,
        ActivityStatus.PLANNED,
        "hålls det just nu på att arbetas fram en utbildningsapp",
    ),
    (
        "mark-kvinnors-sprak",
        ActivityKind.PROJECT,
        ActivityStatus.EXISTING,
        "beviljats §37 medel från Länsstyrelsen till projektet, Kvinnors språk och Arbetsmarknad",
    ),
    (
        "ulricehamn-studieverkstad",
        ActivityKind.PROJECT,
        ActivityStatus.PLANNED,
        '"Studieverkstad – en väg in på arbetsmarknaden"',
    ),
    (
        "ulricehamn-en-skola-for-alla",
        ActivityKind.PROJECT,
        ActivityStatus.ENDED,
        "Tidigare ingick Ulricehamn i projektet 'En skola för alla'",
    ),
    (
        "boras-lonebidrag-utveckling",
        ActivityKind.AF_PROGRAMME,
        ActivityStatus.EXISTING,
        "Lönebidrag Utveckling i anställning",
    ),
    (
        "mark-kaa-omorganisation",
        ActivityKind.ROUTINE,
        ActivityStatus.PLANNED,
        "kommer att omorganiseras under hösten",
    ),
    ("boras-kaa-enhet", ActivityKind.MUNICIPAL_ACTIVITY, ActivityStatus.EXISTING, "KAA-enhet"),
]


@pytest.mark.parametrize(("activity_id", "kind", "status", "printed"), ACTIVITIES)
def test_activity(
    agreement: Agreement,
    seed: str,
    activity_id: str,
    kind: ActivityKind,
    status: ActivityStatus,
    printed: str,
) -> None:
    """Key inventory items with their kind and whether they exist, are planned or ended."""
    (activity,) = [a for a in agreement.activities if a.id == activity_id]
    assert (activity.kind, activity.status) == (kind, status)
    assert printed in seed


def test_vi_project_funding_and_ages(agreement: Agreement, seed: str) -> None:
    """VI-projektet: an ESF project run by the region for UVAS aged 15–24."""
    (activity,) = [a for a in agreement.activities if a.id == "vi-projektet"]
    assert activity.funding == ("ESF",)
    assert activity.providers == ("Västragötalandsregionen",)
    assert activity.eligibility is not None
    assert activity.eligibility.age_band is not None
    assert str(activity.eligibility.age_band) == "15–24"
    assert "ESF-projekt som drivs av Västragötalandsregionen" in seed


@pytest.mark.parametrize(
    "name",
    [
        "Vägledningskurs på Arbetsmarknadsenheten",
        "Hälsofrämjande aktiviteter på Arbetsmarknadsenheten",
        "Praktik",
        "Studiebesök på olika skolor",
        "Jobbspår i DUAN",
        "Individuella samtal",
    ],
)
def test_bollebygd_youth_activities(agreement: Agreement, seed: str, name: str) -> None:
    """Bollebygd's list "De aktiviteter som erbjuds eller kommer erbjudas dessa ungdomar"."""
    assert name in {a.name for a in agreement.activities}
    assert f"- * {name}\n" in seed


def test_activity_references_resolve(agreement: Agreement) -> None:
    """Every activity's focus area is one of the agreement's focus areas."""
    focus = set(agreement.focus_areas)
    for activity in agreement.activities:
        assert activity.focus_area is None or activity.focus_area in focus


# ---------------------------------------------------------------- sections kept as text

SECTION_HEADINGS = [
    "4. Målgrupp",
    "5. Organisering av samverkan",
    "6. Arbetsprocesserna kring individerna",
    "Samverkan om deltagare i etableringsprogrammet som bedöms inte kunna matchas mot arbete "
    "inom programtiden",
    "Samverkan om unga som saknar en fullföljd gymnasieutbildning och unga med en "
    "funktionsnedsättning",
    "7. Kompetensförsörjning och lokala jobbspår",
    "8. Jämställdhets- och ungdomsperspektiv",
    "9. Uppföljning av samverkan",
    "10. Överenskommelsens varaktighet och plan för revidering",
]


def test_section_headings(agreement: Agreement, seed: str) -> None:
    """Prose the model has no structure for is kept under the seed's own headings."""
    assert [s.heading for s in agreement.sections] == SECTION_HEADINGS
    for heading in SECTION_HEADINGS:
        assert f"\n{heading}\n" in seed


def test_focus_areas_are_seed_headings(agreement: Agreement, seed: str) -> None:
    """The two collaboration areas of section 6 are the agreement's focus areas."""
    assert agreement.focus_areas == tuple(SECTION_HEADINGS[3:5])


@pytest.mark.parametrize("heading", SECTION_HEADINGS)
def test_section_text_is_the_seed_text(agreement: Agreement, seed: str, heading: str) -> None:
    """Every paragraph of a kept section is the seed's text, only re-flowed."""
    (section,) = [s for s in agreement.sections if s.heading == heading]
    paragraphs = section.text.split("\n\n")
    assert paragraphs
    flat_seed = _flat(seed)
    for paragraph in paragraphs:
        assert _flat(paragraph) in flat_seed, paragraph[:80]


def test_sections_keep_the_inconsistencies(agreement: Agreement) -> None:
    """Seed slips are kept as printed: Mark is named twice among the VI-projekt municipalities."""
    (section,) = [s for s in agreement.sections if s.heading == "5. Organisering av samverkan"]
    assert "(Mark, Svenljunga/Tranemo, Mark, Bollebygd och Ulricehamn)" in section.text


def test_planned_tracks(agreement: Agreement, seed: str) -> None:
    # Section 7: Ulricehamn "Planerar för vård och omsorg, lokalvård samt betong";
    # Bollebygd "Planerar för Vård och omsorg samt Måltid."
    assert "Planerar för vård och omsorg, lokalvård samt betong" in _flat(seed)
    assert "Planerar för Vård och omsorg samt Måltid." in _flat(seed)
    planned = {t.id for t in agreement.tracks if t.status.value == "planerad"}
    assert planned == {
        "ulricehamn-vard-och-omsorg",
        "ulricehamn-lokalvard",
        "ulricehamn-betong",
        "bollebygd-vard-och-omsorg",
        "bollebygd-maltid",
    }
