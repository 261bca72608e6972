"""Labour-market programmes (*arbetsmarknadspolitiska program*): catalogue entries."""

from __future__ import annotations

import attrs

from dua.i18n import get_language
from dua.model._base import Period, SourceRef, as_tuple, identifier, non_empty, short_repr
from dua.model.activity import Eligibility
from dua.model.party import PartyKind

__all__ = ["Programme"]


@attrs.frozen(kw_only=True)
class Programme:
    """A programme as a catalogue knows it: code, names, provider, eligibility, validity.

    `validity` is the period the programme existed in (open-ended if it still does, `None`
    if no source states it); `eligibility` is what the sources state about who may take
    part; `sources` cite them; `part_of` names the code of the programme this one is a
    phase or part of (JOB's phases are part of `job`).

    >>> Programme(code="uga", name_sv="Jobbgarantin för ungdomar",
    ...           name_en="Job guarantee for youth",
    ...           provider=PartyKind.PUBLIC_EMPLOYMENT_SERVICE).name("en")
    'Job guarantee for youth'
    """

    code: str = attrs.field(validator=identifier)
    name_sv: str = attrs.field(validator=non_empty)
    name_en: str = attrs.field(validator=non_empty)
    provider: PartyKind
    abbreviation: str | None = None
    part_of: str | None = None
    eligibility: Eligibility | None = None
    validity: Period | None = None
    description: str | None = None
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=as_tuple)

    # The generated repr holds every part and text in full: kilobytes (issue 12 item 5).
    __repr__ = short_repr("code", "name_sv")

    def name(self, lang: str | None = None) -> str:
        """The programme's name in `lang` (`"sv"` or `"en"`)."""
        lang = get_language(lang)
        return self.name_en if lang == "en" else self.name_sv
