"""Parties to an agreement (*parter*): municipalities, Arbetsförmedlingen and others."""

from __future__ import annotations

import attrs

from dua.model._base import (
    LabelledEnum,
    MunicipalityCode,
    OrganisationNumber,
    fail,
    identifier,
    non_empty,
    optional_municipality,
    optional_organisation_number,
)

__all__ = ["PUBLIC_BODIES", "Party", "PartyKind"]


class PartyKind(LabelledEnum):
    """What kind of organisation a party is."""

    MUNICIPALITY = "kommun", "municipality"
    PUBLIC_EMPLOYMENT_SERVICE = "arbetsförmedlingen", "Public Employment Service"
    REGION = "region", "region"
    SOCIAL_INSURANCE_AGENCY = "försäkringskassan", "Social Insurance Agency"
    COORDINATION_ASSOCIATION = "samordningsförbund", "coordination association"
    EDUCATION_PROVIDER = "utbildningsanordnare", "education provider"
    OTHER = "annan", "other"


PUBLIC_BODIES = frozenset(
    {
        PartyKind.MUNICIPALITY,
        PartyKind.PUBLIC_EMPLOYMENT_SERVICE,
        PartyKind.REGION,
        PartyKind.SOCIAL_INSURANCE_AGENCY,
        PartyKind.COORDINATION_ASSOCIATION,
    }
)
"""Kinds of party that are public bodies (legal persons): their organisation number must
have a third digit of 2 or more. Other parties (education providers, others) may be sole
traders, whose organisation number is their personnummer: it is accepted, held as an
identity number and shown masked (see [`OrganisationNumber`][dua.model.OrganisationNumber])."""


@attrs.frozen(kw_only=True)
class Party:
    """A party to an agreement.

    A municipality carries its SCB `municipality_code`; an Arbetsförmedlingen party names its
    local `unit` (e.g. "Arbetsförmedlingen Hällefors"). The Swedish organisation number is
    validated (ten digits, Luhn) when given; many annexes do not state it.

    >>> Party(id="hallefors", kind=PartyKind.MUNICIPALITY, name="Hällefors kommun",
    ...       organisation_number="2120001942", municipality_code="1863").organisation_number
    '212000-1942'
    """

    id: str = attrs.field(validator=identifier)
    kind: PartyKind = attrs.field(validator=attrs.validators.instance_of(PartyKind))
    name: str = attrs.field(validator=non_empty)
    organisation_number: OrganisationNumber | None = attrs.field(
        default=None, converter=optional_organisation_number
    )
    municipality_code: MunicipalityCode | None = attrs.field(
        default=None, converter=optional_municipality
    )
    unit: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.kind is PartyKind.MUNICIPALITY and self.municipality_code is None:
            raise fail("municipality_code", "error.field.party_needs_code")
        number = self.organisation_number
        if self.kind in PUBLIC_BODIES and number is not None and not number.public_body_shape:
            raise fail(
                "organisation_number",
                "error.field.public_body_number",
                number,
                kind=self.kind.label(),
            )
