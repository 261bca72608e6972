"""Validation in the model itself: what a Python user constructing objects is told."""

from __future__ import annotations

import pickle
import subprocess
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dua.errors import FieldValueError, ValidationError
from dua.limits import BeyondLimit
from dua.model import (
    AgeBand,
    Agreement,
    AgreementKind,
    Cadence,
    Comparison,
    Duration,
    Figure,
    Frequency,
    Goal,
    GoalKind,
    MunicipalityCode,
    OrganisationNumber,
    Partition,
    Party,
    PartyKind,
    Period,
    Scope,
    Signature,
    SourceRef,
    StatisticsSnapshot,
    Target,
    Unit,
    exact_decimal,
)

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")


def kommun(code: str = "1863", party_id: str = "k") -> Party:
    return Party(id=party_id, kind=PartyKind.MUNICIPALITY, name="Kommun", municipality_code=code)


class TestExactDecimal:
    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            ("21,0", Decimal("21.0")),  # Swedish decimal comma, precision kept (seed 001)
            ("19.5", Decimal("19.5")),
            ("1 744", Decimal("1744")),  # space as thousands separator (seed 003)
            ("1\u00a0744", Decimal("1744")),
            ("1\u2009744", Decimal("1744")),
            (0.28, Decimal("0.28")),  # a float at its shortest decimal form (DOMAIN §6)
            (22, Decimal("22")),
            (Fraction(7, 25), Decimal("0.28")),
            ("-30", Decimal("-30")),
        ],
    )
    def test_accepts(self, given: object, expected: Decimal) -> None:
        result = exact_decimal(given)
        assert result == expected
        assert str(result) == str(expected)

    @pytest.mark.parametrize(
        "given", ["", "abc", "7,3 %", "1.2.3", float("nan"), float("inf"), True, None, [1]]
    )
    def test_rejects(self, given: object) -> None:
        with pytest.raises((ValueError, TypeError)):
            exact_decimal(given)

    def test_rejects_fraction_without_finite_decimal(self) -> None:
        with pytest.raises(ValueError, match="finite decimal"):
            exact_decimal(Fraction(1, 3))

    # Within dua.limits (30 digits, powers of ten from -30 to 30; issue 8).
    @given(
        st.decimals(
            allow_nan=False, allow_infinity=False, places=3, min_value=-(10**26), max_value=10**26
        )
    )
    def test_text_round_trip_is_exact(self, value: Decimal) -> None:
        assert exact_decimal(str(value)) == value
        assert exact_decimal(str(value).replace(".", ",")) == value

    @given(st.decimals(allow_nan=False, allow_infinity=False, min_value=10**31))
    def test_numbers_beyond_the_limits_are_refused(self, value: Decimal) -> None:
        with pytest.raises(BeyondLimit, match=r"dua\.limits\.MAX_NUMBER_"):
            exact_decimal(str(value))


class TestValueTypes:
    def test_organisation_numbers_of_the_seed_parties_are_valid(self) -> None:
        # Seed 001 (Hällefors): "Hällefors kommun org. nummer: 212000-1942" and
        # "Arbetsförmedlingen Hällefors, org. nummer: 202100-2114".
        assert OrganisationNumber("212000-1942") == "212000-1942"
        assert OrganisationNumber("2021002114") == "202100-2114"

    @settings(max_examples=300)
    @given(
        st.one_of(
            st.from_regex(r"[0-9]{6}-?[0-9]{4}", fullmatch=True),
            st.from_regex(r"[0-9 .\-]{8,13}", fullmatch=True),
            st.text(max_size=14),
        )
    )
    def test_the_fast_check_agrees_with_stdnum(self, text: str) -> None:
        """Plain numbers are checked without python-stdnum (issue 10, item 4): for every
        text, `OrganisationNumber` accepts exactly what `stdnum.se.orgnr` accepts, and keeps
        it in the form stdnum's check gives."""
        from stdnum.se import orgnr

        try:
            compact = orgnr.validate(text)
        except Exception:  # stdnum raises its own ValidationError subclasses
            with pytest.raises(ValueError, match="not a valid Swedish organisation number"):
                OrganisationNumber(text)
        else:
            made = OrganisationNumber(text)
            assert type(made) is OrganisationNumber
            assert made.reveal() == f"{compact[:6]}-{compact[6:]}"

    def test_a_plain_number_loads_no_stdnum(self) -> None:
        code = (
            "import sys; from dua.model import OrganisationNumber; "
            "OrganisationNumber('212000-1942'); OrganisationNumber('2021002114'); "
            "print(sorted(m for m in sys.modules if m.startswith(('stdnum', 'ssl'))))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "[]"

    @pytest.mark.parametrize("bad", ["212000-1943", "21200019", "abcdef-ghij", ""])
    def test_invalid_organisation_numbers(self, bad: str) -> None:
        with pytest.raises(ValueError, match="organisation number"):
            OrganisationNumber(bad)

    def test_municipality_code_must_be_a_text_of_a_real_code(self) -> None:
        assert MunicipalityCode("0114") == "0114"
        with pytest.raises(ValueError, match="SCB code"):
            MunicipalityCode("0100")
        with pytest.raises(TypeError, match="leading zero"):
            MunicipalityCode(114)  # type: ignore[arg-type]  # the mistake under test

    def test_value_types_pickle(self) -> None:
        number = OrganisationNumber("212000-1942")
        assert pickle.loads(pickle.dumps(number)) == number


class TestBandsPeriodsCadences:
    @pytest.mark.parametrize(
        ("band", "age", "inside"),
        [
            (AgeBand(min_age=16, max_age=24), 15, False),
            (AgeBand(min_age=16, max_age=24), 16, True),
            (AgeBand(min_age=16, max_age=24), 24, True),  # "16-24 år" includes 24-year-olds
            (AgeBand(min_age=16, max_age=24), 25, False),
            (AgeBand(min_age=16), 64, True),
        ],
    )
    def test_age_band_is_inclusive(self, band: AgeBand, age: int, inside: bool) -> None:
        assert band.contains(age) is inside

    def test_inverted_band_names_the_field(self) -> None:
        with pytest.raises(FieldValueError) as caught:
            AgeBand(min_age=24, max_age=16)
        assert caught.value.field == "max_age"

    def test_inverted_period_names_the_field(self) -> None:
        with pytest.raises(FieldValueError) as caught:
            Period(start=date(2017, 12, 31), end=date(2015, 11, 30))
        assert caught.value.field == "end"

    def test_open_period_is_until_further_notice(self) -> None:
        # Seed 004 (Sjuhärad): the agreement runs "tills vidare".
        period = Period(start=date(2020, 11, 1))
        assert period.open_ended
        assert period.contains(date(2040, 1, 1))
        assert str(period) == "2020-11-01–tills vidare"

    @pytest.mark.parametrize(
        ("cadence", "per_year"),
        [
            (Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=6, max_times=8), (6, 8)),
            (Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=4, max_times=4), (4, 4)),
            (Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=2), (2, None)),
            (Cadence(frequency=Frequency.EVERY_OTHER_MONTH), (6, 6)),
            (Cadence(frequency=Frequency.MONTHLY), (12, 12)),
            (Cadence(frequency=Frequency.YEARLY, months=(10,)), (1, 1)),
            (Cadence(frequency=Frequency.TWICE_A_YEAR), (2, 2)),
            (Cadence(frequency=Frequency.AS_NEEDED), None),
        ],
    )
    def test_cadence_per_year(
        self, cadence: Cadence, per_year: tuple[int, int | None] | None
    ) -> None:
        # Seeds 002–004: every other month (GGV), 6–8 and 4 a year (Sjuhärad), ≥ 2 a year
        # (Norrköping), every October (Sjuhärad's revision).
        assert cadence.per_year() == per_year

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"frequency": Frequency.TIMES_PER_YEAR}, "min_times"),
            ({"frequency": Frequency.TIMES_PER_YEAR, "min_times": 8, "max_times": 6}, "max_times"),
            ({"frequency": Frequency.YEARLY, "months": (13,)}, "months"),
        ],
    )
    def test_bad_cadence(self, kwargs: dict[str, object], field: str) -> None:
        with pytest.raises(FieldValueError) as caught:
            Cadence(**kwargs)  # type: ignore[arg-type]  # deliberately loose kwargs
        assert caught.value.field == field


class TestParty:
    def test_municipality_needs_its_code(self) -> None:
        with pytest.raises(FieldValueError, match="kommunkod"):
            Party(id="k", kind=PartyKind.MUNICIPALITY, name="Hällefors kommun")

    def test_strings_are_converted_to_value_types(self) -> None:
        party = Party(
            id="k",
            kind=PartyKind.MUNICIPALITY,
            name="Hällefors kommun",
            organisation_number="2120001942",
            municipality_code="1863",
        )
        assert isinstance(party.organisation_number, OrganisationNumber)
        assert party.organisation_number == "212000-1942"

    def test_frozen(self) -> None:
        party = kommun()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            party.name = "x"  # type: ignore[misc]  # mutation is what is under test

    @pytest.mark.parametrize("bad_id", ["", " x", "a b", "-lead"])
    def test_identifiers(self, bad_id: str) -> None:
        with pytest.raises(FieldValueError) as caught:
            Party(id=bad_id, kind=PartyKind.OTHER, name="x")
        assert caught.value.field == "id"


class TestGoal:
    def test_strict_and_non_strict_comparisons(self) -> None:
        # Seed 001: "lägre än september 2015 (22%)" is strict; 21,0 % is a ceiling.
        strict = Target(comparison=Comparison.LESS_THAN, value="22")
        ceiling = Target(comparison=Comparison.AT_MOST, value="21.0")
        assert not strict.holds(Decimal("22"))
        assert strict.holds(Decimal("21.9"))
        assert ceiling.holds(Decimal("21.0"))
        assert not ceiling.holds(Decimal("21.01"))

    def test_between_is_inclusive_and_needs_upper(self) -> None:
        # Seed 004: 6–8 working-group meetings a year.
        target = Target(comparison=Comparison.BETWEEN, value=6, upper=8)
        assert [target.holds(Decimal(n)) for n in (5, 6, 8, 9)] == [False, True, True, False]
        with pytest.raises(FieldValueError):
            Target(comparison=Comparison.BETWEEN, value=6)
        with pytest.raises(FieldValueError):
            Target(comparison=Comparison.AT_LEAST, value=6, upper=8)

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"kind": GoalKind.LEVEL, "indicator": "x"}, "targets"),
            ({"kind": GoalKind.CONVERSION}, "steps"),
            ({"kind": GoalKind.DIRECTION, "indicator": "x"}, "direction"),
            (
                {
                    "kind": GoalKind.LEVEL,
                    "targets": [Target(comparison=Comparison.AT_MOST, value=1)],
                },
                "indicator",
            ),
            (
                {
                    "kind": GoalKind.LEVEL,
                    "indicator": "x",
                    "targets": [Target(comparison=Comparison.AT_MOST, value=1)],
                    "units": ["1863"],
                },
                "units",
            ),
        ],
    )
    def test_incomplete_goals(self, kwargs: dict[str, object], field: str) -> None:
        with pytest.raises(FieldValueError) as caught:
            Goal(id="g", text="Mål", **kwargs)  # type: ignore[arg-type]  # loose kwargs
        assert caught.value.field == field


class TestStatistics:
    def test_figure_keeps_stated_precision(self) -> None:
        # Seed 001: "vilket utgör 7,3 % av åldersgruppen".
        figure = Figure(id="fs", label="försörjningsstöd", value="7,3", unit=Unit.PERCENT)
        assert str(figure.value) == "7.3"
        assert Figure(id="x", label="x", value="21,0", unit=Unit.PERCENT).value.as_tuple()[2] == -1

    def test_snapshot_references_must_resolve(self) -> None:
        source = SourceRef(document="Seed")
        total = Figure(id="total", label="Totalt", value=103)
        women = Figure(id="women", label="Kvinnor", value=36, of="total")
        with pytest.raises(FieldValueError) as caught:
            StatisticsSnapshot(
                id="s",
                title="t",
                source=source,
                figures=(total, women),
                partitions=(
                    Partition(id="p", total="total", parts=("women", "men"), complete=True),
                ),
            )
        assert caught.value.field == "partitions[0]"

    def test_stated_totals_are_kept_even_when_they_do_not_add_up(self) -> None:
        # Seed 001: 53 + 27 + 4 of 103 registered is a selection of categories, not all.
        snapshot = StatisticsSnapshot(
            id="af",
            title="Inskrivna 16–24",
            source=SourceRef(document="Seed 001"),
            figures=(
                Figure(id="inskrivna", label="inskrivna", value=103),
                Figure(id="skat11", label="Öppet arbetslösa (skat 11)", value=53, of="inskrivna"),
                Figure(id="skat69", label="Inskriven i UGA (skat 69)", value=27, of="inskrivna"),
                Figure(id="skat14", label="Ej till förfogande (skat 14)", value=4, of="inskrivna"),
            ),
            partitions=(
                Partition(
                    id="skat",
                    total="inskrivna",
                    parts=("skat11", "skat69", "skat14"),
                    complete=False,
                ),
            ),
        )
        assert sum(snapshot.figure(p).value for p in snapshot.partitions[0].parts) == 84


class TestAgreementReferences:
    def test_every_dangling_reference_is_reported_with_its_path(self) -> None:
        with pytest.raises(ValidationError) as caught:
            Agreement(
                id="a",
                title="Avtal",
                kind=AgreementKind.YOUTH,
                parties=(kommun("1863", "k"), kommun("1864", "k")),
                signatures=(Signature(party="nobody"),),
                goals=(
                    Goal(
                        id="g",
                        text="Mål",
                        kind=GoalKind.LEVEL,
                        indicator="x",
                        targets=(Target(comparison=Comparison.AT_MOST, value=1),),
                        scope=Scope.MUNICIPALITY,
                        units=("1863", "0180"),
                    ),
                ),
            )
        assert caught.value.paths == ("parties[1].id", "signatures[0].party", "goals[0].units[1]")

    def test_repr_is_short(self) -> None:
        agreement = Agreement(id="a", title="Avtal", kind=AgreementKind.YOUTH, parties=(kommun(),))
        assert repr(agreement) == (
            "Agreement(id='a', title='Avtal', kind='unga', parties=1, goals=0)"
        )
        assert agreement.municipalities == ("1863",)
        assert agreement.party("k").name == "Kommun"
        with pytest.raises(KeyError):
            agreement.goal("missing")


def test_duration_text() -> None:
    # Seed 001 (Slussen): "6–12 månader i en insats"; seed 004: "ca 2 månader".
    assert str(Duration(minimum=6, maximum=12)) == "6–12 månader"
    assert str(Duration(minimum=2, maximum=2, approximate=True)) == "ca 2 månader"
    with pytest.raises(FieldValueError):
        Duration(minimum=12, maximum=6)
