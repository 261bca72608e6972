"""Person records: what the rules and metrics need to know about one young person or
participant, under a pseudonymous key.

A [`Person`][dua.model.Person] never holds a personal identity number. Registers that
carry *personnummer* are turned into persons by deriving the birth date and a keyed
pseudonym and then discarding the number (see `dua.identifiers`, planned in the rules
work). Everything about a person is dated so that a rule can be asked about any day.
"""

from __future__ import annotations

from datetime import date

import attrs

from dua.model._base import (
    LabelledEnum,
    MunicipalityCode,
    as_tuple,
    fail,
    non_empty,
    optional_municipality,
)
from dua.model.track import Outcome

__all__ = [
    "EducationLevel",
    "Enrolment",
    "EnrolmentKind",
    "OutcomeEvent",
    "Person",
    "Qualification",
    "QualificationKind",
    "Registration",
    "ResidenceStatus",
    "Sex",
    "SocialAssistanceMonth",
    "TrackParticipation",
]


class Sex(LabelledEnum):
    """Legal sex as registers record it; `None` on a person means unknown."""

    FEMALE = "kvinna", "woman"
    MALE = "man", "man"


class EducationLevel(LabelledEnum):
    """Highest completed education, in the categories Arbetsförmedlingen's statistics use."""

    NONE = "saknar formell utbildning", "no formal education"
    PRIMARY_SHORT = "förgymnasial kortare än 9 år", "compulsory, shorter than 9 years"
    PRIMARY = "förgymnasial", "compulsory school"
    UPPER_SECONDARY = "gymnasial", "upper-secondary"
    POST_SECONDARY = "eftergymnasial", "post-secondary"


class QualificationKind(LabelledEnum):
    """A school document. An *examensbevis* completes upper-secondary school; a
    *studiebevis* does not (skollagen 2010:800, 16 kap. 26–27 §§)."""

    COMPULSORY_COMPLETED = "slutbetyg grundskola", "compulsory school completed"
    UPPER_SECONDARY_DIPLOMA = "examensbevis", "upper-secondary diploma"
    CERTIFICATE_OF_STUDIES = "studiebevis", "certificate of studies"
    ADAPTED_CERTIFICATE = "gymnasiesärskolebevis", "adapted upper-secondary certificate"
    EQUIVALENT_COMPLETED = "motsvarande utbildning", "equivalent education completed"
    FOREIGN_UPPER_SECONDARY = "utländsk gymnasieexamen", "foreign upper-secondary diploma"


class EnrolmentKind(LabelledEnum):
    """A kind of education a person can be enrolled in."""

    COMPULSORY = "grundskola", "compulsory school"
    NATIONAL_PROGRAMME = "nationellt program", "national upper-secondary programme"
    INTRODUCTION_PROGRAMME = "introduktionsprogram", "introduction programme"
    LANGUAGE_INTRODUCTION = "språkintroduktion", "language introduction"
    ADAPTED_UPPER_SECONDARY = "anpassad gymnasieskola", "adapted upper-secondary school"
    UPPER_SECONDARY_ABROAD = "gymnasieutbildning utomlands", "upper-secondary school abroad"
    INDEPENDENT_UPPER_SECONDARY = "fristående gymnasieskola", "independent upper-secondary"
    ADULT_EDUCATION = "komvux", "municipal adult education"
    SFI = "sfi", "Swedish for immigrants"
    FOLK_HIGH_SCHOOL = "folkhögskola", "folk high school"
    HIGHER_EDUCATION = "högskola", "higher education"
    OTHER = "annan utbildning", "other education"


class ResidenceStatus(LabelledEnum):
    """A person's residence status where a rule depends on it."""

    REGISTERED = "folkbokförd", "registered in the population register"
    PROTECTED_IDENTITY = "skyddad folkbokföring", "protected population registration"
    ASYLUM_SEEKER = "asylsökande", "asylum seeker"
    UNDOCUMENTED = "papperslös", "undocumented"
    PERMANENT_STAY = "stadigvarande vistelse", "staying permanently (not registered)"


@attrs.frozen(kw_only=True)
class Qualification:
    """A school document a person received, and when."""

    kind: QualificationKind
    on: date


@attrs.frozen(kw_only=True)
class Enrolment:
    """A dated enrolment in education; `end=None` while it lasts."""

    kind: EnrolmentKind
    start: date
    end: date | None = None
    provider: str | None = None
    programme: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise fail("end", "error.field.end_before_start", self.end, start=self.start)

    def active_on(self, day: date) -> bool:
        """Whether the enrolment covers `day`."""
        return self.start <= day and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class Registration:
    """A dated registration at Arbetsförmedlingen or in a programme.

    `category` is the AF registration category code as given (e.g. `"11"` openly
    unemployed, `"69"` UGA) and/or `programme` a programme code (e.g. `"uga"`, `"job"`).
    """

    start: date
    end: date | None = None
    category: str | None = None
    programme: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.category is None and self.programme is None:
            raise fail("category", "error.field.registration_needs_category")
        if self.end is not None and self.end < self.start:
            raise fail("end", "error.field.end_before_start", self.end, start=self.start)

    def active_on(self, day: date) -> bool:
        """Whether the registration covers `day`."""
        return self.start <= day and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class TrackParticipation:
    """Participation in a job track or programme, with the dated outcome after it."""

    track: str = attrs.field(validator=non_empty)
    start: date
    end: date | None = None
    outcome: Outcome | None = None
    outcome_on: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise fail("end", "error.field.end_before_start", self.end, start=self.start)
        if (self.outcome is None) != (self.outcome_on is None):
            raise fail("outcome_on", "error.field.outcome_pair")


@attrs.frozen(kw_only=True)
class SocialAssistanceMonth:
    """A calendar month in which a person (or household) received social assistance."""

    year: int
    month: int

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise fail("month", "error.field.month_range", self.month)


@attrs.frozen(kw_only=True)
class OutcomeEvent:
    """A dated start of work, studies or own business, and its end once it has ended."""

    outcome: Outcome
    on: date
    end: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.on:
            raise fail("end", "error.field.end_before_start", self.end, start=self.on)

    def active_on(self, day: date) -> bool:
        """Whether the work, studies or business had started and not ended on `day`."""
        return self.on <= day and (self.end is None or day <= self.end)


def _sex(value: Sex | str | None) -> Sex | None:
    return None if value is None else Sex(value)


@attrs.frozen(kw_only=True)
class Person:
    """One person in a register, under a pseudonymous `key`; never a personal identity number.

    - `birth_date`, `sex` (`None` if unknown), `home_municipality` (SCB code).
    - `residence`: residence status where known; `registered_in_sweden`: the date the
      person was first registered in Sweden (for those who arrived after school age).
    - `education`: highest completed level; `qualifications`: school documents.
    - `enrolments`, `registrations`, `tracks`: dated histories; `outcomes`: dated starts of
      work, studies or own business.
    - `foreign_born`, `disability`, `newly_arrived`: `None` if unknown.
    """

    key: str = attrs.field(validator=non_empty)
    birth_date: date
    sex: Sex | None = attrs.field(default=None, converter=_sex)
    home_municipality: MunicipalityCode | None = attrs.field(
        default=None, converter=optional_municipality
    )
    residence: ResidenceStatus | None = None
    registered_in_sweden: date | None = None
    education: EducationLevel | None = None
    qualifications: tuple[Qualification, ...] = attrs.field(default=(), converter=as_tuple)
    enrolments: tuple[Enrolment, ...] = attrs.field(default=(), converter=as_tuple)
    registrations: tuple[Registration, ...] = attrs.field(default=(), converter=as_tuple)
    tracks: tuple[TrackParticipation, ...] = attrs.field(default=(), converter=as_tuple)
    outcomes: tuple[OutcomeEvent, ...] = attrs.field(default=(), converter=as_tuple)
    social_assistance: tuple[SocialAssistanceMonth, ...] = attrs.field(
        default=(), converter=as_tuple
    )
    foreign_born: bool | None = None
    disability: bool | None = None
    newly_arrived: bool | None = None
