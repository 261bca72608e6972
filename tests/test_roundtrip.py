"""Round trips: every valid agreement survives its files, every valid record the converter.

The promise is the one `dua.io.files` makes: `load_agreement(dump_agreement(a)) == a` for
every valid agreement, in TOML and in JSON. The agreements come from `dua.testing`, whose
strategies are themselves checked here: everything they generate must pass the model's
validators when it is built again from plain data.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

import dua
from dua import testing
from dua.io import Format, structure, unstructure
from dua.model import Agreement, Person

FORMATS: tuple[Format, ...] = ("toml", "json")


@given(testing.agreements())
def test_agreement_text_round_trips_in_both_formats(agreement: Agreement) -> None:
    for fmt in FORMATS:
        text = dua.dumps_agreement(agreement, fmt)
        again = dua.loads_agreement(text, fmt)
        assert again == agreement
        # Equal Decimals can differ in their stated precision ("21.0" vs "21"); writing
        # the loaded agreement again must give the same text, so the precision is kept.
        assert dua.dumps_agreement(again, fmt) == text


# tmp_path is shared by the examples of one test; each example overwrites the same file,
# which is what dump_agreement is for.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(agreement=testing.agreements(), fmt=st.sampled_from(FORMATS))
def test_agreement_file_round_trips(agreement: Agreement, fmt: Format, tmp_path: Path) -> None:
    path = tmp_path / f"överenskommelse.{fmt}"
    dua.dump_agreement(agreement, path)
    assert dua.load_agreement(path) == agreement
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@given(testing.agreements())
def test_toml_and_json_carry_the_same_data(agreement: Agreement) -> None:
    from_toml = tomllib.loads(dua.dumps_agreement(agreement, "toml"))
    from_json = json.loads(dua.dumps_agreement(agreement, "json"))
    # JSON has no date type: the TOML dates are the ISO texts the JSON holds.
    assert json.loads(json.dumps(from_toml, default=str)) == from_json


@given(testing.persons())
def test_person_round_trips_through_the_converter(person: Person) -> None:
    assert structure(unstructure(person), Person) == person


@given(testing.persons())
def test_person_round_trips_through_json_text(person: Person) -> None:
    data = json.loads(json.dumps(unstructure(person), default=str))
    assert structure(data, Person) == person


# Every public strategy of dua.testing and the class it generates.
STRATEGIES: dict[str, tuple[Callable[[], st.SearchStrategy[Any]], type]] = {
    "age_bands": (testing.age_bands, dua.model.AgeBand),
    "periods": (testing.periods, dua.model.Period),
    "cadences": (testing.cadences, dua.model.Cadence),
    "source_refs": (testing.source_refs, dua.model.SourceRef),
    "parties": (testing.parties, dua.model.Party),
    "figures": (testing.figures, dua.model.Figure),
    "partitions": (testing.partitions, dua.model.Partition),
    "statistics_snapshots": (testing.statistics_snapshots, dua.model.StatisticsSnapshot),
    "target_groups": (testing.target_groups, dua.model.TargetGroup),
    "eligibilities": (testing.eligibilities, dua.model.Eligibility),
    "activities": (testing.activities, dua.model.Activity),
    "programmes": (testing.programmes, dua.model.Programme),
    "durations": (testing.durations, dua.model.Duration),
    "contents": (testing.contents, dua.model.Content),
    "stages": (testing.stages, dua.model.Stage),
    "tracks": (testing.tracks, dua.model.Track),
    "process_models": (testing.process_models, dua.model.ProcessModel),
    "targets": (testing.targets, dua.model.Target),
    "baselines": (testing.baselines, dua.model.Baseline),
    "conversion_steps": (testing.conversion_steps, dua.model.ConversionStep),
    "goals": (testing.goals, dua.model.Goal),
    "members": (testing.members, dua.model.Member),
    "bodies": (testing.bodies, dua.model.Body),
    "organisations": (testing.organisations, dua.model.Organisation),
    "signatures": (testing.signatures, dua.model.Signature),
    "revisions": (testing.revisions, dua.model.Revision),
    "revision_plans": (testing.revision_plans, dua.model.RevisionPlan),
    "follow_up_plans": (testing.follow_up_plans, dua.model.FollowUpPlan),
    "state_grants": (testing.state_grants, dua.model.StateGrant),
    "sections": (testing.sections, dua.model.Section),
    "agreements": (testing.agreements, dua.model.Agreement),
    "persons": (testing.persons, dua.model.Person),
    "enrolments": (testing.enrolments, dua.model.Enrolment),
    "registrations": (testing.registrations, dua.model.Registration),
    "qualifications": (testing.qualifications, dua.model.Qualification),
    "track_participations": (testing.track_participations, dua.model.TrackParticipation),
    "outcome_events": (testing.outcome_events, dua.model.OutcomeEvent),
    "social_assistance_months": (testing.social_assistance_months, dua.model.SocialAssistanceMonth),
}


def test_every_model_class_has_a_strategy() -> None:
    generated = {cls for _, cls in STRATEGIES.values()}
    models = {
        getattr(dua.model, name)
        for name in dua.model.__all__
        if hasattr(getattr(dua.model, name), "__attrs_attrs__")
    }
    assert models - generated == set()
    assert set(STRATEGIES) <= set(testing.__all__)


@pytest.mark.parametrize("name", sorted(STRATEGIES))
@settings(max_examples=25)
@given(data=st.data())
def test_strategy_output_is_valid(name: str, data: st.DataObject) -> None:
    make, cls = STRATEGIES[name]
    value = data.draw(make())
    assert isinstance(value, cls)
    # Building it again from plain data runs every validator (and, for an agreement,
    # every cross-reference check) on what the strategy produced.
    assert structure(unstructure(value), cls) == value


def _defaults(cls: type) -> dict[str, Any]:
    defaults = {}
    for field in attrs.fields(cls):
        if field.default is attrs.NOTHING:
            continue
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at runtime
            default = default.factory()
        defaults[field.name] = default
    return defaults


@pytest.mark.parametrize("name", sorted(STRATEGIES))
def test_every_optional_field_is_generated(name: str) -> None:
    # A field the strategies never set is a field the round trips above never test: this
    # fails when the model grows a field that dua.testing does not know yet.
    make, cls = STRATEGIES[name]
    defaults = _defaults(cls)
    seen: set[str] = set()

    def all_seen(value: Any) -> bool:
        seen.update(f for f, default in defaults.items() if getattr(value, f) != default)
        return seen == set(defaults)

    try:
        # Stops at the first example by which every field has been seen.
        find(
            make(),
            all_seen,
            settings=settings(max_examples=300, phases=[Phase.generate], database=None),
        )
    except NoSuchExample:
        pytest.fail(f"never generated: {sorted(set(defaults) - seen)}")


@given(testing.organisation_numbers())
def test_organisation_numbers_pass_luhn_and_are_never_masked(number: str) -> None:
    from stdnum.se import orgnr

    assert orgnr.is_valid(number)
    assert dua.errors.mask_value(number) == repr(number)


@given(testing.municipality_codes())
def test_municipality_codes_are_real(code: str) -> None:
    assert dua.municipalities.by_code(code).code == code


@given(testing.texts())
def test_texts_leave_out_what_no_file_can_hold(text: str) -> None:
    # Surrogates cannot be encoded as UTF-8, so no file can hold them (dua.testing).
    text.encode("utf-8")


def test_carriage_returns_survive_a_toml_file() -> None:
    # TOML folds "\r\n" inside a multi-line string to "\n"; dumps_agreement then writes
    # escaped single-line strings instead, so a Windows line break comes back whole.
    agreement = dua.loads_agreement(
        'schema_version = 1\nid = "a"\ntitle = "Rad ett\\r\\nrad två"\nkind = "unga"\n'
    )
    assert agreement.title == "Rad ett\r\nrad två"
    assert dua.loads_agreement(dua.dumps_agreement(agreement, "toml")) == agreement
