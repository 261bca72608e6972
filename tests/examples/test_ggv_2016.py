"""The bundled example `ggv-2016` against its seed.

Seed: `tests/seeds/002_a27c06f992a9b303.txt`, Värnamo, Gislaved and Gnosjö (GGV) with
Arbetsförmedlingen, *Bilaga 3 – Verksamhet som ska bedrivas i samverkan*, 2015, with the
addenda of the revision in May 2016. Every encoded fact is asserted twice: the model value,
and that the seed prints it. Page references ("sida N av 15") are the seed's.
"""

from __future__ import annotations

import re
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
    Frequency,
    GoalKind,
    PartyKind,
    Period,
    Scope,
    Unit,
)

NAME = "ggv-2016"
VARNAMO, GISLAVED, GNOSJO = "0683", "0662", "0617"


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    return dua.examples.load(NAME)


@pytest.fixture
def seed(seed_text: dict[str, str]) -> str:
    return seed_text[NAME]


def document_body(seed: str) -> str:
    """The document's own text: what follows "Transkript:" (the seed opens with a list of
    unrelated document titles), without page numbers and the repeated page header, with
    whitespace collapsed."""
    body = seed.split("Transkript:", 1)[1]
    body = re.sub(r"\s*Sida \d+ av 15\s*", " ", body)
    body = body.replace(" Bilaga 3, verksamhet som ska bedrivas i samverkan ", " ")
    return " ".join(body.split())


@pytest.fixture
def body(seed: str) -> str:
    return document_body(seed)


# ---------------------------------------------------------------- the document


def test_identity(agreement: Agreement, seed: str) -> None:
    assert agreement.id == NAME
    assert agreement.kind is AgreementKind.YOUTH
    assert agreement.annex is Annex.JOINT_ACTIVITIES
    assert seed.startswith("Bilaga 3, verksamhet som ska bedrivas i samverkan")
    assert agreement.title.startswith("Bilaga 3, verksamhet som ska bedrivas i samverkan")
    assert agreement.purpose is not None
    assert f"syftet med överenskommelsen; {agreement.purpose}." in seed


def test_what_the_annex_does_not_state_is_empty(agreement: Agreement, body: str) -> None:
    # The annex names no organisation numbers, no date of its own, no validity, no
    # signatures, and refers to Bilaga 1 for its figures without printing them.
    assert re.search(r"\d{6}-\d{4}", body) is None
    assert all(party.organisation_number is None for party in agreement.parties)
    assert agreement.document_date is None
    assert agreement.validity is None
    assert agreement.signatures == ()
    assert "siffror i bilaga 1" in body
    assert all(group.statistics == () for group in agreement.target_groups)


# ---------------------------------------------------------------- parties


@pytest.mark.parametrize(
    ("party_id", "name", "code", "printed"),
    [
        ("varnamo", "Värnamo kommun", VARNAMO, "Värnamo kommun kommer att anställa"),
        ("gislaved", "Gislaveds kommun", GISLAVED, "Gislaved och Gnosjö kommuner"),
        ("gnosjo", "Gnosjö kommun", GNOSJO, "Värnamo, Gislaved och Gnosjö kommun"),
    ],
)
def test_municipality_parties(
    agreement: Agreement, seed: str, party_id: str, name: str, code: str, printed: str
) -> None:
    party = agreement.party(party_id)
    assert party.kind is PartyKind.MUNICIPALITY
    assert party.name == name
    assert party.municipality_code == code
    assert municipalities.by_code(code).name in name
    assert municipalities.by_code(code).county.name == "Jönköpings län"
    assert printed in seed


def test_arbetsformedlingen_and_the_order_of_parties(agreement: Agreement, seed: str) -> None:
    af = agreement.party("arbetsformedlingen")
    assert af.kind is PartyKind.PUBLIC_EMPLOYMENT_SERVICE
    assert af.name == "Arbetsförmedlingen"
    assert af.unit is None  # no local office is named
    assert agreement.municipalities == (VARNAMO, GISLAVED, GNOSJO)
    assert "Arbetsförmedlingen och kommunerna Värnamo, Gislaved och Gnosjö" in seed
    # Försäkringskassan sits in the steering group but is not a party.
    assert all(party.kind is not PartyKind.SOCIAL_INSURANCE_AGENCY for party in agreement.parties)


# ---------------------------------------------------------------- goals

# "Målen sätts för två år i taget. Tvåårs-perioden har valts eftersom parterna räknar med att
# det första året, 2016, ..." and "de fyra gemensamma målen för 2016-2018": two yearly
# targets, 2016 and 2017, judged at the turn of 2017/18 (issue 11, settled reading).
PERIOD_2016_2017 = Period(start=date(2016, 1, 1), end=date(2017, 12, 31))
PRINTED_SPAN = "Nedan presenteras de fyra gemensamma målen för 2016-2018."


def test_four_goals_for_two_years_from_2016(agreement: Agreement, seed: str) -> None:
    assert "beslutats om fyra mätbara mål" in seed
    assert PRINTED_SPAN in seed
    assert "Målen sätts för två år i taget." in seed
    assert "det första året, 2016," in seed
    assert [goal.id for goal in agreement.goals] == [
        "kaa-utan-aktivitet",
        "givande-sysselsattning",
        "till-arbete-eller-studier",
        "oppet-arbetslosa",
    ]
    assert all(goal.period == PERIOD_2016_2017 for goal in agreement.goals)
    # The printed span stays in each goal's text, before the goal's own words.
    assert all(goal.text.startswith(PRINTED_SPAN + " ") for goal in agreement.goals)
    assert all(goal.baseline is None for goal in agreement.goals)  # Bilaga 1 is not included


@pytest.mark.parametrize(
    ("goal_id", "number", "kind", "unit", "printed"),
    [
        (
            "kaa-utan-aktivitet",
            1,
            GoalKind.RELATIVE_CHANGE,
            Unit.PERCENT,
            "Andel unga (16-19 år) i KAA som saknar aktivitet ska minska med 30 % i varje kommun.",
        ),
        (
            "givande-sysselsattning",
            2,
            GoalKind.GROWTH,
            Unit.COUNT,
            "ska 20 % fler vara i en givande sysselsättning",
        ),
        (
            "till-arbete-eller-studier",
            3,
            GoalKind.GROWTH,
            Unit.COUNT,
            "3) 20 % fler ungdomar ska gå ut i arbete eller studier per årsbasis.",
        ),
        (
            "oppet-arbetslosa",
            4,
            GoalKind.RELATIVE_CHANGE,
            Unit.COUNT,
            "öppet arbetslösa ska minska totalt med 20 %.",
        ),
    ],
)
def test_goal_kind_wording_and_source(
    agreement: Agreement,
    seed: str,
    goal_id: str,
    number: int,
    kind: GoalKind,
    unit: Unit,
    printed: str,
) -> None:
    goal = agreement.goal(goal_id)
    assert goal.kind is kind
    assert goal.unit is unit
    assert goal.text.startswith(f"{PRINTED_SPAN} {number}) ")
    assert goal.text.removeprefix(PRINTED_SPAN + " ") in seed
    assert printed in seed
    assert goal.source is not None
    assert goal.source.locator == f"Mål med samverkan, mål {number} (sida 8 av 15)"
    assert goal.indicator is not None


@pytest.mark.parametrize(
    ("goal_id", "value", "aggregation", "printed"),
    [
        # "minska med 30 % i varje kommun": every municipality's share ≤ baseline × 0.70.
        ("kaa-utan-aktivitet", Decimal("-30"), Aggregation.EACH, "minska med 30 % i varje kommun"),
        # "minska totalt med 20 %": the sum over the three ≤ baseline × 0.80.
        ("oppet-arbetslosa", Decimal("-20"), Aggregation.TOTAL, "minska totalt med 20 %"),
    ],
)
def test_relative_change_goals(
    agreement: Agreement,
    seed: str,
    goal_id: str,
    value: Decimal,
    aggregation: Aggregation,
    printed: str,
) -> None:
    goal = agreement.goal(goal_id)
    assert goal.scope is Scope.MUNICIPALITY
    assert goal.units == (VARNAMO, GISLAVED, GNOSJO)
    assert set(goal.units) == set(agreement.municipalities)
    assert goal.aggregation is aggregation
    (target,) = goal.targets
    assert target.comparison is Comparison.AT_MOST  # a cut of exactly the stated size attains
    assert target.value == value
    assert str(target.value) == str(value)
    assert target.due == date(2017, 12, 31)  # judged at the turn of 2017/18
    assert target.period is None
    assert printed in seed


@pytest.mark.parametrize("goal_id", ["givande-sysselsattning", "till-arbete-eller-studier"])
def test_growth_goals_one_target_per_year(agreement: Agreement, seed: str, goal_id: str) -> None:
    goal = agreement.goal(goal_id)
    assert goal.scope is Scope.AGREEMENT
    assert goal.units == ()
    assert goal.aggregation is None
    assert [target.period for target in goal.targets] == [
        Period.year(2016),
        Period.year(2017),
    ]
    for target in goal.targets:
        assert target.comparison is Comparison.AT_LEAST
        assert target.value == Decimal(20)
        assert target.due is None
    assert goal.text.endswith("per årsbasis.")
    assert "20 % fler" in goal.text
    assert seed.count("per årsbasis") == 2


def test_goal_population_of_goal_one(agreement: Agreement, seed: str) -> None:
    goal = agreement.goal("kaa-utan-aktivitet")
    assert goal.population == "unga (16-19 år) i KAA"
    assert goal.population in seed


# ---------------------------------------------------------------- target groups


@pytest.mark.parametrize(
    ("group_id", "min_age", "max_age", "situations", "printed"),
    [
        ("unga-16-24", 16, 24, ("står utanför arbetsmarknaden",), "unga i åldern 16-24 år"),
        (
            "traineejobb-20-24",
            20,
            24,
            ("med gymnasieexamen",),
            "Traineejobb 20-24 år med gymnasieexamen",
        ),
        (
            "utbildningskontrakt-20-24",
            20,
            24,
            ("utan gymnasieexamen",),
            "Utbildningskontrakt 20-24 år utan gymnasieexamen",
        ),
        (
            "kaa-16-19",
            16,
            19,
            ("inom kommunala aktivitetsansvaret (KAA)", "med avbruten skolgång"),
            "KAA (kommunala aktivitetsansvaret) 16-19 år med avbruten skolgång",
        ),
        (
            "nyanlanda-sprakintroduktion-16-19",
            16,
            19,
            ("nyanlända", "i språkintroduktion på gymnasiet"),
            "Nyanlända ungdomar i språkintroduktion 16-19 år",
        ),
    ],
)
def test_target_groups(
    agreement: Agreement,
    seed: str,
    group_id: str,
    min_age: int,
    max_age: int,
    situations: tuple[str, ...],
    printed: str,
) -> None:
    group = agreement.target_group(group_id)
    assert group.age_band is not None
    assert (group.age_band.min_age, group.age_band.max_age) == (min_age, max_age)
    assert group.situations == situations
    assert printed in seed
    assert f"{min_age}-{max_age} år" in seed
    if group_id != "unga-16-24":
        assert group.name == printed
        assert group.parent == "unga-16-24"


@pytest.mark.parametrize(
    ("group_id", "driver", "printed"),
    [
        (
            "traineejobb-20-24",
            "Arbetsförmedlingen",
            "är förslaget att Arbetsförmedlingen fungerar som den drivande parten",
        ),
        (
            "utbildningskontrakt-20-24",
            "Arbetsförmedlingen",
            "Arbetsförmedlingen är en given part när det gäller utbildningskontrakt och traineejobb",
        ),
        (
            "kaa-16-19",
            "gymnasieskolan (Värnamo och Gnosjö) eller arbetsmarknadsenheten (Gislaved)",
            "gymnasieskolan (Värnamo och Gnosjö) eller arbetsmarknadsenheten (Gislaved)",
        ),
        (
            "nyanlanda-sprakintroduktion-16-19",
            "gymnasieskolan",
            "är det rimligt att gymnasieskolan äger ansvaret för frågan",
        ),
    ],
)
def test_driving_party_per_assignment(
    agreement: Agreement, seed: str, group_id: str, driver: str, printed: str
) -> None:
    description = agreement.target_group(group_id).description
    assert description is not None
    assert description.startswith(f"Drivande part: {driver}")
    assert printed in seed


# ---------------------------------------------------------------- activities


@pytest.mark.parametrize(
    ("activity_id", "kind", "status", "first_provider", "printed"),
    [
        (
            "samverkan-traineejobb",
            ActivityKind.AF_PROGRAMME,
            ActivityStatus.PLANNED,
            "arbetsformedlingen",
            "Traineejobb 20-24 år med gymnasieexamen",
        ),
        (
            "samverkan-utbildningskontrakt",
            ActivityKind.AF_PROGRAMME,
            ActivityStatus.PLANNED,
            "arbetsformedlingen",
            "Utbildningskontrakt 20-24 år utan gymnasieexamen",
        ),
        (
            "samverkan-kaa",
            ActivityKind.MUNICIPAL_ACTIVITY,
            ActivityStatus.PLANNED,
            "varnamo",
            "krävs en utveckling av arbetet med KAA",
        ),
        (
            "navigatorcentrum-kaa",
            ActivityKind.MUNICIPAL_ACTIVITY,
            ActivityStatus.EXISTING,
            "gislaved",
            "arbeta på 10 % /heltid, med utveckling av KAA",
        ),
        (
            "kaa-natverkstraffar",
            ActivityKind.NETWORK,
            ActivityStatus.PLANNED,
            "gislaved",
            "bjuda in övriga kommuner i GGV till nätverksträffar inom KAA",
        ),
        (
            "sprakintroduktion-kartlaggning",
            ActivityKind.MUNICIPAL_ACTIVITY,
            ActivityStatus.PLANNED,
            "varnamo",
            "kartlägga ungdomar som behöver ett annat spår än reguljär gymnasieutbildning",
        ),
        (
            "praktiskt-spar-sprakintroduktion",
            ActivityKind.EDUCATION,
            ActivityStatus.MISSING,
            None,
            "krävs fler spår inom linjen, exempelvis ett praktiskt spår",
        ),
        (
            "jobbcenter-unga",
            ActivityKind.MUNICIPAL_ACTIVITY,
            ActivityStatus.EXISTING,
            "varnamo",
            "den kommunala verksamheten Jobbcenter Unga",
        ),
        (
            "jobbcenter-unga-studie-och-yrkesframjande",
            ActivityKind.PROJECT,
            ActivityStatus.PLANNED,
            "varnamo",
            "erbjudas studie- och yrkesfrämjade aktiviteter på Jobbcenter Unga",
        ),
        (
            "operation-integration",
            ActivityKind.PROJECT,
            ActivityStatus.PLANNED,
            "varnamo",
            "erbjudas praktik 4-8 timmar i veckan",
        ),
        (
            "samverkansstrateg",
            ActivityKind.PROJECT,
            ActivityStatus.PLANNED,
            "varnamo",
            "Värnamo kommun kommer att anställa en samverkansstrateg",
        ),
        (
            "unga-soker-unga",
            ActivityKind.OTHER,
            ActivityStatus.PLANNED,
            "varnamo",
            "Idén om unga som söker unga",
        ),
        (
            "forlangd-skolgang",
            ActivityKind.OTHER,
            ActivityStatus.EXISTING,
            "Försäkringskassan",
            "insatsen förlängd skolgång",
        ),
        (
            "arbetsmarknadsprojekt-i-lanet",
            ActivityKind.PROJECT,
            ActivityStatus.EXISTING,
            None,
            "De båda pågående projekten är i en uppstartsfas",
        ),
        (
            "finnvedens-samordningsforbund",
            ActivityKind.NETWORK,
            ActivityStatus.EXISTING,
            "Finnvedens samordningsförbund",
            "styrelsen för Finnvedens samordningsförbund",
        ),
    ],
)
def test_activities(
    agreement: Agreement,
    seed: str,
    activity_id: str,
    kind: ActivityKind,
    status: ActivityStatus,
    first_provider: str | None,
    printed: str,
) -> None:
    (activity,) = [a for a in agreement.activities if a.id == activity_id]
    assert activity.kind is kind
    assert activity.status is status
    assert (activity.providers[0] if activity.providers else None) == first_provider
    assert activity.focus_area is None or activity.focus_area in agreement.focus_areas
    assert printed in seed


def test_every_activity_is_encoded_once(agreement: Agreement) -> None:
    assert len(agreement.activities) == 15
    assert len({activity.id for activity in agreement.activities}) == 15


@pytest.mark.parametrize(
    ("activity_id", "programme", "group_id"),
    [
        ("samverkan-traineejobb", "traineejobb", "traineejobb-20-24"),
        ("samverkan-utbildningskontrakt", "utbildningskontrakt", "utbildningskontrakt-20-24"),
    ],
)
def test_programme_activities_match_their_target_group(
    agreement: Agreement, activity_id: str, programme: str, group_id: str
) -> None:
    (activity,) = [a for a in agreement.activities if a.id == activity_id]
    assert activity.programme == programme
    assert activity.target_groups == (group_id,)
    assert activity.eligibility is not None
    assert activity.eligibility.age_band == agreement.target_group(group_id).age_band
    assert activity.eligibility.situations == agreement.target_group(group_id).situations
    assert activity.collaborative is True


def test_the_grant_funds_the_strategist(agreement: Agreement) -> None:
    (activity,) = [a for a in agreement.activities if a.id == "samverkansstrateg"]
    assert activity.funding == ("statsbidrag",)


@pytest.mark.parametrize(
    "focus_area",
    [
        "insatserna utbildningskontrakt och traineejobb",
        "ungdomar mellan 16 och 20 år som avbryter sin gymnasieutbildning",
        "nyanlända ungdomar i språkintroduktion på gymnasiet",
    ],
)
def test_focus_areas_are_the_three_local_needs(
    agreement: Agreement, seed: str, focus_area: str
) -> None:
    assert focus_area in agreement.focus_areas
    assert focus_area in seed
    assert len(agreement.focus_areas) == 3


# ---------------------------------------------------------------- process models


@pytest.mark.parametrize(
    ("model_id", "stages", "printed"),
    [
        (
            "arendegang-varnamo",
            ["identifiera-kandidat", "kontakt-vuxenutbildning", "planera-insats", "praktik-jobb"],
            "Parterna träffas därefter med kandidaten och planerar insatsen. Om det är aktuellt "
            "med praktik/jobb i ärendet, kopplas Jobbcenter Unga in",
        ),
        (
            "arendegang-gnosjo",
            ["samverkansgrupp", "kontakt-vuxenutbildning", "planera-insats", "praktik-jobb"],
            "Vid behov av praktik/jobb kopplas även arbetsmarknadsenheten in.",
        ),
        (
            "arendegang-gislaved",
            ["samung", "kontakt-vuxenutbildning", "planera-insats", "praktik-jobb"],
            "Ärendegången är därefter den samma som i Gnosjö och Värnamo (se ovan).",
        ),
    ],
)
def test_case_processes_per_municipality(
    agreement: Agreement, body: str, model_id: str, stages: list[str], printed: str
) -> None:
    (model,) = [m for m in agreement.process_models if m.id == model_id]
    assert [stage.id for stage in model.stages] == stages
    assert set(model.target_groups) == {"utbildningskontrakt-20-24", "traineejobb-20-24"}
    optional = [stage.id for stage in model.stages if stage.optional]
    assert optional == ["praktik-jobb"]  # "om det är aktuellt" / "vid behov"
    assert printed in body


@pytest.mark.parametrize(
    ("model_id", "provider"), [("arendegang-varnamo", "varnamo"), ("arendegang-gnosjo", "gnosjo")]
)
def test_who_is_brought_in_for_practice(agreement: Agreement, model_id: str, provider: str) -> None:
    (model,) = [m for m in agreement.process_models if m.id == model_id]
    assert model.stages[-1].provider == provider


def test_no_job_tracks(agreement: Agreement) -> None:
    # The annex has no local job tracks (jobbspår); the two "spår" of Jobbcenter Unga's
    # project idea are activities.
    assert agreement.tracks == ()


# ---------------------------------------------------------------- organisation and follow-up


def test_steering_group_of_five_every_other_month(agreement: Agreement, seed: str) -> None:
    assert agreement.organisation is not None
    body = agreement.organisation.body("styrgrupp")
    assert body.kind is BodyKind.STEERING_GROUP
    assert body.size == 5
    assert sum(member.count or 0 for member in body.members) == 5
    assert "(sammanlagt fem representanter)" in seed
    assert [member.party for member in body.members] == [
        "varnamo",
        "gislaved",
        "gnosjo",
        None,
        "arbetsformedlingen",
    ]
    assert "En representant på chefsnivå per kommun" in seed
    assert "+ enhetschef på Försäkringskassan + sektionschef på AF" in seed
    assert body.cadence is not None
    assert body.cadence.frequency is Frequency.EVERY_OTHER_MONTH
    assert body.cadence.per_year() == (6, 6)
    assert body.cadence.text is not None
    assert body.cadence.text in seed
    assert "Sektionschef på AF ansvarar för att sammankalla styrgruppen." in seed
    assert body.members[-1].role == "sektionschef på AF (sammankallande)"


@pytest.mark.parametrize(
    ("body_id", "kind", "frequency", "members"),
    [
        ("arbetsgrupp", BodyKind.WORKING_GROUP, Frequency.TWICE_A_YEAR, 0),
        ("samverkansgrupp-varnamo", BodyKind.COLLABORATION_GROUP, Frequency.WEEKLY, 3),
        ("samverkansgrupp-gnosjo", BodyKind.COLLABORATION_GROUP, Frequency.REGULARLY, 5),
        ("samung", BodyKind.COLLABORATION_GROUP, Frequency.REGULARLY, 5),
    ],
)
def test_other_bodies(
    agreement: Agreement,
    seed: str,
    body_id: str,
    kind: BodyKind,
    frequency: Frequency,
    members: int,
) -> None:
    assert agreement.organisation is not None
    body = agreement.organisation.body(body_id)
    assert body.kind is kind
    assert body.size is None  # no size is stated
    assert len(body.members) == members
    assert body.cadence is not None
    assert body.cadence.frequency is frequency
    assert body.cadence.text is not None
    assert body.cadence.text is not None
    assert body.cadence.text in seed


def test_coordinator(agreement: Agreement, seed: str) -> None:
    assert agreement.organisation is not None
    body = agreement.organisation.body("samverkansstrateg")
    assert body.kind is BodyKind.COORDINATOR
    assert body.parent == "styrgrupp"
    assert "Hen kommer att jobba nära överenskommelsens styrgrupp." in seed
    assert "Samverkansstrateg 100 %" in seed
    assert "ska ha sin arbetsplats på Arbetsförmedlingen" in seed


def test_follow_up(agreement: Agreement, seed: str) -> None:
    follow_up = agreement.follow_up
    assert follow_up is not None
    assert follow_up.reporting_to == "styrgrupp"
    assert follow_up.cadence is not None
    assert follow_up.cadence.frequency is Frequency.EVERY_OTHER_MONTH
    assert follow_up.statistics_updates is not None
    assert follow_up.statistics_updates.frequency is Frequency.TWICE_A_YEAR
    assert follow_up.statistics_updates.per_year() == (2, 2)
    assert follow_up.statistics_updates.text is not None
    assert follow_up.statistics_updates.text in seed
    assert follow_up.indicators == tuple(goal.indicator for goal in agreement.goals)
    assert "Vid varje möte följs målen i överenskommelsen upp." in seed


@pytest.mark.parametrize(
    "perspective",
    [
        "Ungdomsperspektivet",
        "Genusperspektivet",
        "Målen med överenskommelsen",
        "Statistiken",
        "Fackliga organisationer",
    ],
)
def test_follow_up_perspectives(agreement: Agreement, seed: str, perspective: str) -> None:
    assert agreement.follow_up is not None
    assert perspective in agreement.follow_up.perspectives
    assert f"- {perspective}." in seed
    assert len(agreement.follow_up.perspectives) == 5


# ---------------------------------------------------------------- state grant and revisions


def test_state_grant(agreement: Agreement, seed: str) -> None:
    (grant,) = agreement.state_grants
    assert grant.period == Period(start=date(2016, 6, 1), end=date(2017, 6, 30))
    assert "mellan juni 2016 och juni 2017" in seed
    assert "beviljats statsbidrag under 12 månaders tid" in seed
    assert f"med syfte att {grant.purpose}." in seed
    assert grant.amount_sek is None  # no amount is stated
    assert grant.grantor is None


def test_revision_of_may_2016(agreement: Agreement, seed: str) -> None:
    (revision,) = agreement.revisions
    assert (revision.on.year, revision.on.month) == (2016, 5)
    assert seed.count("Tillägg vid revidering maj 2016") == 4
    assert len(revision.sections) == 4
    headings = {section.heading for section in agreement.sections}
    for heading in revision.sections:
        assert heading.startswith("Tillägg vid revidering maj 2016 (")
        assert heading in headings


def test_revision_plan(agreement: Agreement, seed: str) -> None:
    plan = agreement.revision_plan
    assert plan is not None
    assert plan.dates == ()  # no date for the next revision is stated
    assert plan.cadence is None
    assert plan.text is not None
    assert plan.text in seed


# ---------------------------------------------------------------- sections: nothing lost

HEADINGS_IN_ORDER = (
    "Bakgrund till lokal överenskommelse Uppdrag Lokal överenskommelse "
    "Tillägg vid revidering maj 2016 Tillägg vid revidering maj 2016 "
    "Tillägg vid revidering maj 2016 Mål med samverkan Uppföljning överenskommelse "
    "Förslag på ansökan om statsbidrag Skiss på projektidé Förklaring till skiss ovan "
    "Tillägg vid revidering maj 2016 Utvecklingsmöjligheter"
)


def test_sections_are_verbatim(agreement: Agreement, body: str) -> None:
    for section in agreement.sections:
        for paragraph in section.text.split("\n\n"):
            assert paragraph in body, section.heading


def test_sections_cover_the_whole_document(agreement: Agreement, body: str) -> None:
    # Removing every section's text from the document leaves only its headings.
    rest = body
    for section in agreement.sections:
        for paragraph in section.text.split("\n\n"):
            rest = rest.replace(paragraph, " ", 1)
    assert " ".join(rest.split()) == HEADINGS_IN_ORDER


# ---------------------------------------------------------------- round trip


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_round_trip(agreement: Agreement, fmt: Format) -> None:
    assert dua.loads_agreement(dua.dumps_agreement(agreement, fmt), fmt) == agreement


def test_loads_from_its_text() -> None:
    assert dua.loads_agreement(dua.examples.text(NAME)) == dua.examples.load(NAME)


def test_month_precision_and_local_process_models(seed_text: dict[str, str]) -> None:
    # The seed names months, not days: "Tillägg vid revidering maj 2016", a state grant
    # "under 12 månaders tid" with a strategist employed "mellan juni 2016 och juni 2017".
    agreement = dua.examples.load("ggv-2016")
    seed = seed_text["ggv-2016"]
    assert "revidering maj 2016" in seed
    assert agreement.revisions[0].on_text == "maj 2016"
    grant = agreement.state_grants[0]
    assert "12 månaders tid" in seed
    assert "mellan juni 2016 och juni 2017" in seed
    assert grant.duration is not None
    assert grant.duration.minimum == 12
    assert grant.period_text == "juni 2016 – juni 2017"
    # One case-handling process per municipality (Värnamo 0683, Gnosjö 0617, Gislaved 0662).
    assert {m.id: m.municipalities for m in agreement.process_models} == {
        "arendegang-varnamo": ("0683",),
        "arendegang-gnosjo": ("0617",),
        "arendegang-gislaved": ("0662",),
    }
