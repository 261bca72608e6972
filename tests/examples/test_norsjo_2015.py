"""The bundled example `norsjo-2015` against its seed.

Seed: `tests/seeds/000_6c2433ed2ad30cc1.txt`, *Bilaga 2 Redovisning av befintlig verksamhet*
for Norsjö (with Skellefteå), dated 2015-10-28: an inventory of existing activities. Every
encoded fact is checked twice: the model holds the value, and the seed prints it. The seed
is a transcript with one paragraph per page ending in the page number; the page numbers
are dropped and layout whitespace is collapsed before searching.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

import dua
from dua import examples
from dua.model import (
    ActivityKind,
    ActivityStatus,
    AgeBand,
    Agreement,
    AgreementKind,
    Annex,
    Duration,
    PartyKind,
    Unit,
)

NAME = "norsjo-2015"
FOCUS_1 = "Informerande och motiverande insatser"
FOCUS_2 = "Befintliga aktiviteter i samverkan som vi vill förstärka/utveckla"
FOCUS_3 = "Organisation"


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    return examples.load(NAME)


@pytest.fixture(scope="module")
def seed(seed_text: dict[str, str]) -> str:
    """The seed with page numbers dropped and layout whitespace collapsed."""
    header, transcript = seed_text[NAME].split("Transkript:", 1)
    pages = [re.sub(r"\s\d+$", "", page.strip()) for page in transcript.split("\n\n")]
    return " ".join(" ".join([header, *pages]).split())


def _sentences(text: str) -> list[str]:
    """The sentences of a text (paragraph by paragraph), without their final full stop."""
    parts = [
        part
        for paragraph in text.split("\n\n")
        for part in re.split(r"(?<=[.:])\s+", " ".join(paragraph.split()))
    ]
    return [part.rstrip(".") for part in parts if part.strip()]


# --- the whole document -----------------------------------------------------------------


def test_round_trip_toml_and_json(agreement: Agreement) -> None:
    for fmt in ("toml", "json"):
        assert dua.loads_agreement(dua.dumps_agreement(agreement, fmt), fmt) == agreement


def test_identity_annex_and_date(agreement: Agreement, seed: str) -> None:
    assert agreement.id == NAME
    assert agreement.kind is AgreementKind.YOUTH
    assert agreement.annex is Annex.EXISTING_ACTIVITIES
    assert agreement.title in seed
    assert agreement.document_date == date(2015, 10, 28)
    assert "Bilaga 2 Redovisning av befintlig verksamhet Norsjö, 2015-10-28" in seed


@pytest.mark.parametrize(
    ("party_id", "kind", "name", "code"),
    [
        ("norsjo-kommun", PartyKind.MUNICIPALITY, "Norsjö kommun", "2417"),
        ("skelleftea-kommun", PartyKind.MUNICIPALITY, "Skellefteå kommun", "2482"),
        ("arbetsformedlingen", PartyKind.PUBLIC_EMPLOYMENT_SERVICE, "Arbetsförmedlingen", None),
    ],
)
def test_parties(
    agreement: Agreement, seed: str, party_id: str, kind: PartyKind, name: str, code: str | None
) -> None:
    # The annex itself names no parties; the seed titles its agreement with these three.
    party = agreement.party(party_id)
    assert (party.kind, party.name, party.municipality_code) == (kind, name, code)
    assert party.organisation_number is None  # no organisation number is stated
    assert party.unit is None
    assert "Arbetsförmedlingen, Norsjö kommun och Skellefteå kommun" in seed
    assert name in seed


def test_municipality_codes() -> None:
    # SCB codes (src/dua/data/kommuner.csv): 2417 Norsjö, 2482 Skellefteå.
    from dua.municipalities import is_municipality_code

    assert is_municipality_code("2417")
    assert is_municipality_code("2482")


def test_what_an_inventory_does_not_state_is_empty(agreement: Agreement) -> None:
    assert agreement.purpose is None
    assert agreement.validity is None
    assert agreement.signatures == ()
    assert agreement.revision_plan is None
    assert agreement.revisions == ()
    assert agreement.goals == ()
    assert agreement.organisation is None
    assert agreement.follow_up is None
    assert agreement.state_grants == ()
    assert agreement.tracks == ()
    for group in agreement.target_groups:
        assert group.statistics == ()
        assert group.age_band is None


@pytest.mark.parametrize(
    ("index", "focus", "printed"),
    [
        (0, FOCUS_1, "1. Informerande och motiverande insatser"),
        (1, FOCUS_2, "2. Befintliga aktiviteter i samverkan som vi vill förstärka/utveckla"),
        (2, FOCUS_3, "3. Organisation"),
    ],
)
def test_three_focus_areas(
    agreement: Agreement, seed: str, index: int, focus: str, printed: str
) -> None:
    assert len(agreement.focus_areas) == 3
    assert agreement.focus_areas[index] == focus
    assert "det framförallt tre fokusområden" in seed
    assert printed in seed


# --- target groups ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("group_id", "parent", "printed"),
    [
        ("malgruppen", None, "målgruppen för DUA-överenskommelsen"),
        ("utan-gymnasieutbildning", "malgruppen", "personer utan gymnasieutbildning"),
        ("funktionsnedsattning", "malgruppen", "personer med funktionsnedsättning"),
        ("nyanlanda", "malgruppen", "nyanlända och unga män"),
        ("unga-man", "malgruppen", "nyanlända och unga män"),
    ],
)
def test_target_groups(
    agreement: Agreement, seed: str, group_id: str, parent: str | None, printed: str
) -> None:
    group = agreement.target_group(group_id)
    assert group.parent == parent
    assert printed in seed
    assert group.description is not None
    for sentence in _sentences(group.description):
        assert sentence in seed


# --- the AF programme ladder ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name_sv", "abbreviation", "printed"),
    [
        ("uga", "Jobbgarantin för unga", "UGA", "Jobbgarantin för unga (UGA)"),
        ("job", "Jobb- och utvecklingsgarantin", "JOB", "Jobb- och utvecklingsgarantin (JOB)"),
        ("praktik", "Arbetspraktik", None, "arbetspraktik"),
        ("arbetsmarknadsutbildning", "Arbetsmarknadsutbildning", None, "arbetsmarknadsutbildning"),
        ("yrkesintroduktionsanställning", "Yrkesintroduktionsanställning", None, "Yrkesintroduktionsanställningar"),
        ("traineejobb", "Traineejobb", None, "Traineejobb"),
        ("utbildningskontrakt", "Utbildningskontrakt", None, "Utbildningskontrakt"),
    ],
)  # fmt: skip
def test_programmes(
    agreement: Agreement,
    seed: str,
    code: str,
    name_sv: str,
    abbreviation: str | None,
    printed: str,
) -> None:
    (programme,) = [p for p in agreement.programmes if p.code == code]
    assert (programme.name_sv, programme.abbreviation) == (name_sv, abbreviation)
    assert programme.provider is PartyKind.PUBLIC_EMPLOYMENT_SERVICE
    assert programme.validity is None  # the annex states no validity
    assert printed in seed
    if programme.eligibility is not None and programme.eligibility.text is not None:
        assert programme.eligibility.text.rstrip(".") in seed
    assert len(agreement.programmes) == 7


@pytest.mark.parametrize(
    ("index", "stage_id", "duration", "printed"),
    [
        (0, "oppet-arbetslos", Duration(minimum=90, maximum=90, unit=Unit.DAYS), "står inskriven som öppet arbetslös i 90 dagar innan personen skrivs in i Jobbgarantin för unga (UGA)"),
        # "efter 15 månader": at most 15 months in UGA before JOB (förordning 2007:813).
        (1, "uga", Duration(maximum=15, unit=Unit.MONTHS), "inte lyckats komma ut i arbete eller reguljära studier efter 15 månader"),
        (2, "job-fas-1-2", Duration(minimum=450, maximum=450, unit=Unit.DAYS), "Efter de två första faserna som sträcker sig över 450 dagar"),
        (3, "job-fas-3", None, "skrivs personen över till sysselsättningsfasen (fas 3)"),
    ],
)  # fmt: skip
def test_programme_ladder(
    agreement: Agreement,
    seed: str,
    index: int,
    stage_id: str,
    duration: Duration | None,
    printed: str,
) -> None:
    (ladder,) = agreement.process_models
    assert len(ladder.stages) == 4
    stage = ladder.stages[index]
    assert stage.id == stage_id
    assert stage.duration == duration
    assert stage.provider == "arbetsformedlingen"
    assert printed in seed
    for sentence in _sentences(stage.description or ""):
        assert sentence in seed


def test_ladder_numbers_are_exact(agreement: Agreement) -> None:
    stages = agreement.process_models[0].stages
    assert stages[0].duration is not None
    assert stages[0].duration.minimum == Decimal(90)
    assert stages[2].duration is not None
    assert stages[2].duration.maximum == Decimal(450)


def test_ladder_description_is_seed_text(agreement: Agreement, seed: str) -> None:
    ladder = agreement.process_models[0]
    assert ladder.description is not None
    assert "Garantibesluten är ett slags paraplybeslut" in ladder.description
    for sentence in _sentences(ladder.description):
        assert sentence in seed


# --- activities -------------------------------------------------------------------------------

AF = "arbetsformedlingen"
NORSJO = "norsjo-kommun"
SKELLEFTEA = "skelleftea-kommun"
EXISTING = ActivityStatus.EXISTING
PLANNED = ActivityStatus.PLANNED
MISSING = ActivityStatus.MISSING


@pytest.mark.parametrize(
    ("activity_id", "kind", "status", "providers", "focus", "printed"),
    [
        ("af-insatser", ActivityKind.AF_PROGRAMME, EXISTING, (AF,), None, "används i stor utsträckning i det samarbete som finns mellan Arbetsförmedlingen och kommunen"),
        ("yrkesintroduktionsanstallningar", ActivityKind.AF_PROGRAMME, EXISTING, (AF,), None, "Yrkesintroduktionsanställningar, Traineejobb och Utbildningskontrakt"),
        ("traineejobb", ActivityKind.AF_PROGRAMME, EXISTING, (AF,), None, "Yrkesintroduktionsanställningar, Traineejobb och Utbildningskontrakt"),
        ("utbildningskontrakt", ActivityKind.AF_PROGRAMME, EXISTING, (AF,), None, "Yrkesintroduktionsanställningar, Traineejobb och Utbildningskontrakt"),
        ("90-dagarsgarantin", ActivityKind.OTHER, PLANNED, (AF,), None, "Arbetet med införandet av 90 dagarsgarantin för ungdomar har påbörjats"),
        ("feriepraktik", ActivityKind.MUNICIPAL_ACTIVITY, EXISTING, (NORSJO,), None, "årskurs nio i grundskolan och årskurs 1 på gymnasiet"),
        ("sommarforetag", ActivityKind.MUNICIPAL_ACTIVITY, EXISTING, (NORSJO,), None, "driva sommarföretag"),
        ("kam", ActivityKind.MUNICIPAL_ACTIVITY, EXISTING, (NORSJO,), None, "KAM riktar sig till individer som saknar arbete, är under 30 år"),
        ("foreningsbidrag-lonebidrag", ActivityKind.MUNICIPAL_ACTIVITY, EXISTING, (NORSJO,), None, "bidrag till föreningar som har lönebidragsanställda"),
        ("kaa", ActivityKind.MUNICIPAL_ACTIVITY, EXISTING, (NORSJO,), None, "erbjuds individer 16-20 år"),
        ("knutn", ActivityKind.MUNICIPAL_ACTIVITY, EXISTING, (NORSJO,), None, "Till Knut n kan människor från olika håll remitteras"),
        ("plugin", ActivityKind.PROJECT, ActivityStatus.ENDED, ("Sveriges Kommuner och Landsting (SKL)",), None, "PlugIn, som avslutades 2015"),
        ("plugin-2", ActivityKind.PROJECT, EXISTING, (), None, "PlugIn 2.0 som riktar sig till nyanlända"),
        ("arbetsmarknadsradet", ActivityKind.NETWORK, EXISTING, (NORSJO, AF), None, "Arbetsmarknadsrådet är en samverkan mellan kommun och arbetsförmedling"),
        ("integrationsrad", ActivityKind.NETWORK, PLANNED, (NORSJO, SKELLEFTEA, "staten"), None, "är under uppbyggnad"),
        ("samordningsforbundet", ActivityKind.NETWORK, EXISTING, ("Försäkringskassan", AF, SKELLEFTEA, NORSJO, "Landstinget i Västerbotten"), None, "gemensamt bildad av Försäkringskassan, Arbetsförmedlingen, Skellefteå och Norsjö kommun samt Landstinget i Västerbotten"),
        ("grona-kortet", ActivityKind.ROUTINE, EXISTING, ("kommunen", "landstinget", "ungdomshälsan"), None, "kalla till ett avidentifierat möte inom 10 dagar"),
        ("central-helpdesk", ActivityKind.ROUTINE, PLANNED, ("kommunen (skola, socialtjänst, fritid)", "landstinget", "Polisen", "föreningslivet"), None, "kommer att inledas under hösten 2015"),
        ("atgardstrappan", ActivityKind.ROUTINE, EXISTING, (), None, "Åtgärdstrappan är en förtydligad rutin"),
        ("sjukanmalan", ActivityKind.ROUTINE, PLANNED, (), None, "De nya rutinerna börjar gälla under hösten 2015"),
        ("overlamning-grundskola-gymnasieskola", ActivityKind.ROUTINE, EXISTING, (), None, "har nya rutiner införts"),
        ("handlingsplan-uppfoljningsansvar", ActivityKind.ROUTINE, EXISTING, (NORSJO,), None, "Norsjö kommun har en utarbetad handlingsplan"),
        ("gymnasieskolor-skelleftea", ActivityKind.EDUCATION, EXISTING, (), None, "18 nationella program och fem introduktionsprogram"),
        ("sprakintroduktion-norsjo", ActivityKind.EDUCATION, EXISTING, (NORSJO,), None, "I Norsjö erbjuder introduktionsprogrammet Språkintroduktion"),
        ("vux", ActivityKind.EDUCATION, EXISTING, ("Vux",), None, "Vux har också SFI (svenska för invandrare) och Särvux"),
        ("larlingsutbildningar", ActivityKind.EDUCATION, EXISTING, ("Vux",), None, "Bland lärlingsutbildningarna finns"),
        ("yrkesvux", ActivityKind.EDUCATION, EXISTING, ("Vux",), None, "snickeriproduktion (tillsammans med Norsjö)"),
        ("yrkeshogskola", ActivityKind.EDUCATION, EXISTING, (), None, "tre yrkeshögskoleutbildningar i Skellefteå"),
        ("universitet", ActivityKind.EDUCATION, EXISTING, ("Luleå tekniska universitet (Ltu)", "Umeå universitet (Umu)"), None, "Luleå tekniska universitet (Ltu) och Umeå universitet (Umu)"),
        ("folkhogskolor", ActivityKind.EDUCATION, EXISTING, (), None, "tre folkhögskolor i kommunen"),
        ("infodagarna-praso", ActivityKind.EVENT, EXISTING, (), None, "Infodagarna och Praso, vilka riktar sig till årskurs 8 respektive 9"),
        ("temadagar-gymnasieskolan", ActivityKind.EVENT, EXISTING, (), None, "I gymnasieskolan anordnas temadagar"),
        ("framtidsmassan", ActivityKind.EVENT, EXISTING, (AF, "kommunen"), None, "Den arrangeras av Arbetsförmedlingen och kommunen"),
        ("forskarfredag", ActivityKind.EVENT, EXISTING, ("kommunen",), None, "Forskarfredag är ett nationellt arrangemang"),
        ("hok-arbetsgrupp", ActivityKind.NETWORK, EXISTING, ("kommun", "landsting"), None, "barn och unga mellan 0 och 22 år"),
        ("sue", ActivityKind.NETWORK, EXISTING, (), None, "SUE (samverkansgruppen för ungas etablering)"),
        ("vo-college-teknikcollege", ActivityKind.NETWORK, EXISTING, (), None, "VO-college och Teknikcollege Bothnia"),
        ("fris", ActivityKind.NETWORK, EXISTING, (), None, "FRIS (Förebyggande rådet i Skellefteå, här ingår även Norsjö)"),
        ("arbetsmarknadsprognos", ActivityKind.OTHER, EXISTING, (AF,), None, "två gånger per år en prognos för arbetsmarknaden"),
        ("lokal-utvecklingsstrategi", ActivityKind.OTHER, EXISTING, (NORSJO,), None, "lokal utvecklingsstrategi för perioden 2014-2020 med fyra prioriterade målområden"),
        ("larande-attraktiva-naringar", ActivityKind.PROJECT, EXISTING, ("Akademi Norr",), None, "Lärande Attraktiva Näringar med Akademi Norr som projektägare"),
        ("intill-mojligheternas-region", ActivityKind.PROJECT, EXISTING, (), None, "Intill och Möjligheternas Region"),
        ("rekryteringscenter", ActivityKind.OTHER, EXISTING, (SKELLEFTEA, NORSJO), None, "här deltar även Norsjö kommun"),
        ("kompetensplattform", ActivityKind.NETWORK, EXISTING, ("Region Västerbotten",), None, "länsgemensam kompetensplattform"),
        ("samverkan-af-kommunen", ActivityKind.OTHER, EXISTING, (AF, NORSJO), FOCUS_2, "Samverkan Arbetsförmedlingen-kommunen"),
        ("arbetsmarknadstorget", ActivityKind.OTHER, EXISTING, (), FOCUS_2, "Arbetsmarknadstorget, UngKOMP, Unga funktionsnedsatta"),
        ("ungkomp", ActivityKind.OTHER, EXISTING, (), FOCUS_2, "Arbetsmarknadstorget, UngKOMP, Unga funktionsnedsatta"),
        ("unga-funktionsnedsatta", ActivityKind.OTHER, EXISTING, (), FOCUS_2, "Arbetsmarknadstorget, UngKOMP, Unga funktionsnedsatta"),
        ("riktade-insatser", ActivityKind.OTHER, MISSING, (), None, "vi bör därför ta fram mer riktade insatser"),
        ("rod-trad-overgangar", ActivityKind.OTHER, MISSING, (), None, "där det saknas en röd tråd för individens väg"),
        ("forebyggande-motiverande-insatser", ActivityKind.OTHER, MISSING, (), None, "arbeta förebyggande med motiverande insatser"),
        ("kortare-utbildningar-och-anstallningar", ActivityKind.OTHER, MISSING, (), None, "kortare utbildningar, utbildningskontrakt, traineetjänster, extratjänster och liknande"),
        ("informerande-motiverande-insatser", ActivityKind.OTHER, PLANNED, (), FOCUS_1, "Riktade insatser för att öka övergången till studier och arbete"),
        ("handledarutbildning", ActivityKind.EDUCATION, PLANNED, (), FOCUS_1, "handledarutbildning för arbetsgivare"),
        ("genomgang-befintliga-insatser", ActivityKind.OTHER, PLANNED, (), FOCUS_3, "Genomgång av vad som fungerar och vad som inte gör det"),
    ],
)  # fmt: skip
def test_activities(
    agreement: Agreement,
    seed: str,
    activity_id: str,
    kind: ActivityKind,
    status: ActivityStatus,
    providers: tuple[str, ...],
    focus: str | None,
    printed: str,
) -> None:
    (activity,) = [a for a in agreement.activities if a.id == activity_id]
    assert (activity.kind, activity.status, activity.providers) == (kind, status, providers)
    assert activity.focus_area == focus
    assert focus is None or focus in agreement.focus_areas
    assert printed in seed
    assert activity.description is not None
    for sentence in _sentences(activity.description):
        assert sentence in seed
    assert activity.source is not None


def test_activity_count(agreement: Agreement) -> None:
    assert len(agreement.activities) == 55


# Codes as in the bundled programme catalogue (src/dua/data/programmes.toml).
PROGRAMME_OF = {
    "yrkesintroduktionsanstallningar": "yrkesintroduktionsanställning",
    "traineejobb": "traineejobb",
    "utbildningskontrakt": "utbildningskontrakt",
    "feriepraktik": "feriepraktik",
    "kam": "kam",
}


@pytest.mark.parametrize("activity_id", sorted(PROGRAMME_OF))
def test_activity_programme_codes(agreement: Agreement, activity_id: str) -> None:
    (activity,) = [a for a in agreement.activities if a.id == activity_id]
    assert activity.programme == PROGRAMME_OF[activity_id]


def test_only_those_activities_name_a_programme(agreement: Agreement) -> None:
    named = {a.id for a in agreement.activities if a.programme is not None}
    assert named == set(PROGRAMME_OF)


@pytest.mark.parametrize(
    ("activity_id", "age_band", "printed"),
    [
        # "16-20 år" as printed, "som inte fyllt 20 år" in the law section: 16–19 whole years.
        ("kaa", AgeBand(min_age=16, max_age=19), "som inte fyllt 20 år"),
        ("kam", AgeBand(min_age=0, max_age=29), "är under 30 år"),
        ("samordningsforbundet", AgeBand(min_age=16, max_age=64), "personer i åldern 16 64 år"),
        ("hok-arbetsgrupp", AgeBand(min_age=0, max_age=22), "mellan 0 och 22 år"),
        ("feriepraktik", None, "årskurs nio i grundskolan"),
        ("infodagarna-praso", None, "årskurs 8 respektive 9 i grundskolan"),
    ],
)
def test_eligibility(
    agreement: Agreement, seed: str, activity_id: str, age_band: AgeBand | None, printed: str
) -> None:
    (activity,) = [a for a in agreement.activities if a.id == activity_id]
    assert activity.eligibility is not None
    assert activity.eligibility.age_band == age_band
    assert printed in seed
    assert activity.eligibility.text is not None
    for phrase in activity.eligibility.text.split("; "):
        assert phrase in seed


def test_kaa_is_printed_as_16_to_20(agreement: Agreement, seed: str) -> None:
    (kaa,) = [a for a in agreement.activities if a.id == "kaa"]
    assert kaa.eligibility is not None
    assert kaa.eligibility.text is not None
    assert "16-20 år" in kaa.eligibility.text
    assert "individer 16-20 år som inte genomför" in seed


def test_samordningsforbund_priority_group_is_kept_in_text(agreement: Agreement, seed: str) -> None:
    # The model has one age band per eligibility; the priority group 16–30 stays in text.
    (forbund,) = [a for a in agreement.activities if a.id == "samordningsforbundet"]
    assert forbund.eligibility is not None
    assert forbund.eligibility.text is not None
    assert "Unga personer i åldern 16 30 år är prioriterad målgrupp" in forbund.eligibility.text
    assert "Unga personer i åldern 16 30 år är prioriterad målgrupp" in seed


def test_plugin_funding(agreement: Agreement, seed: str) -> None:
    by_id = {a.id: a for a in agreement.activities}
    assert by_id["plugin"].funding == (
        "Europeiska socialfonden (ESF)",
        "medfinansiering från medverkande kommuner och regioner",
    )
    assert "PlugIn är finansierat av Europeiska socialfonden (ESF) med medfinansiering" in seed
    assert by_id["plugin-2"].funding == ()  # the funding sentence names PlugIn
    assert by_id["plugin-2"].target_groups == ("nyanlanda",)


def test_no_parallel_activities_are_named(agreement: Agreement, seed: str) -> None:
    # The annex asks "Finns det parallella verksamheter?" and defers the answer to a review.
    assert all(a.parallel_to == () for a in agreement.activities)
    assert "kan vi också uppmärksamma eventuella parallella verksamheter" in seed


def test_gaps_point_at_the_groups_with_a_harder_situation(agreement: Agreement) -> None:
    (gap,) = [a for a in agreement.activities if a.id == "riktade-insatser"]
    assert gap.target_groups == (
        "utan-gymnasieutbildning",
        "funktionsnedsattning",
        "nyanlanda",
        "unga-man",
    )


# --- sections ----------------------------------------------------------------------------------


def test_sections_are_seed_text(agreement: Agreement, seed: str) -> None:
    assert [s.heading for s in agreement.sections] == [
        "Kommunernas aktivitetsansvar för ungdomar",
        "Nationell uppföljning och allmänna råd",
        "Arbetssätt/rutiner",
        "Andra exempel på arbete som tar sikte på kompetensförsörjningsbehoven",
        "Finns det parallella verksamheter? Är det verksamheter som saknas? Hur ser arbetet ut runt olika ungdomsgrupper?",
        "Källor",
    ]
    for section in agreement.sections:
        assert section.heading in seed
        for sentence in _sentences(section.text):
            assert sentence in seed


def test_ninety_day_guarantee_is_a_time_limit_not_a_programme(
    agreement: Agreement, seed: str
) -> None:
    # Issue 11 §2: "90 dagarsgarantin" promises an offer within 90 days; it is no programme.
    (item,) = [a for a in agreement.activities if a.id == "90-dagarsgarantin"]
    assert item.kind is ActivityKind.OTHER
    assert item.programme is None
    assert item.response_time == Duration(maximum=90, unit=Unit.DAYS)
    assert all(p.code != "90-dagarsgarantin" for p in agreement.programmes)
    assert "införandet av 90 dagarsgarantin för ungdomar" in seed


def test_every_sentence_of_the_seed_is_encoded(agreement: Agreement, seed: str) -> None:
    # Issue 11 §2: three sentences were in no field or section. Every sentence of the body
    # (after the table of contents) is now in some text of the model, possibly after the
    # heading words the transcript runs into it.
    import json

    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            texts.append(" ".join(node.split()))
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(dua.dumps_agreement(agreement, "json")))
    blob = "\n".join(texts)
    body = seed.split("Källor... 10", 1)[1]
    missing = []
    for sentence in re.split(r"(?<=[.:?!])\s+", body):
        words = sentence.rstrip(".").split()
        if len(words) < 4:
            continue
        if not any(" ".join(words[k:]) in blob for k in range(min(10, len(words) - 3))):
            missing.append(sentence)
    assert missing == []


def test_kaa_law_section_names_its_source(agreement: Agreement) -> None:
    (section,) = [s for s in agreement.sections if s.heading.startswith("Kommunernas")]
    assert "29 kap. 9 skollagen" in section.text
    assert "som inte fyllt 20 år" in section.text


def test_structured_durations_cadences_and_priority(seed_text: dict[str, str]) -> None:
    # "inom 10 dagar" (Gröna kortet), "två gånger per år" (AF's forecast), and the
    # coordination association's "16 64 år ... Unga personer i åldern 16 30 år är
    # prioriterad målgrupp" (the seed's layout lost the dashes).
    seed = " ".join(seed_text["norsjo-2015"].split())
    assert "avidentifierat möte inom 10 dagar" in seed
    assert "Arbetsförmedlingen gör två gånger per år en prognos" in seed
    assert "Unga personer i åldern 16 30 år är prioriterad målgrupp" in seed
    agreement = dua.examples.load("norsjo-2015")
    by_id = {activity.id: activity for activity in agreement.activities}
    response = by_id["grona-kortet"].response_time
    assert response is not None
    assert (response.maximum, response.unit.value) == (10, "dagar")
    cadence = by_id["arbetsmarknadsprognos"].cadence
    assert cadence is not None
    assert cadence.per_year() == (2, 2)
    eligibility = next(
        a.eligibility
        for a in agreement.activities
        if a.eligibility and a.eligibility.priority_age_band
    )
    assert eligibility.age_band is not None
    assert eligibility.priority_age_band is not None
    assert (eligibility.age_band.min_age, eligibility.age_band.max_age) == (16, 64)
    assert (eligibility.priority_age_band.min_age, eligibility.priority_age_band.max_age) == (
        16,
        30,
    )
