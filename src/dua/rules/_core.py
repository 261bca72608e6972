"""What every rule returns, and the legal parameters every rule reads.

A rule is a pure function of model objects and an explicit date (`on=`). It returns a
[`Decision`][dua.rules.Decision]: truthy exactly when the rule holds, carrying each
[`Criterion`][dua.rules.Criterion] evaluated, the [`LawVersion`][dua.rules.LawVersion]
applied and the [`Reference`][dua.rules.Reference]s it rests on, explained in Swedish and
English.

Legal numbers (ages, day counts) and in-force dates are data, not code: TOML files in
`dua/data/parameters/`, one per rule family, each value with its validity interval and
source (in the manner of OpenFisca's parameters). [`parameter`][dua.rules.parameter]
picks the value in force on a date; [`version_in_force`][dua.rules.version_in_force]
picks a law version; both raise [`RuleNotInForce`][dua.errors.RuleNotInForce] naming the
covered range when the date is outside it.

A parameter file looks like this:

```toml
[[versions]]
rule = "kaa"
id = "kaa-2018-07-01"
in_force_from = 2018-07-01
in_force_to = 2023-06-30
description_sv = "Elever på introduktionsprogram omfattas inte längre"
description_en = "Pupils on introduction programmes are no longer covered"
references = ["sfs-2018-608"]

[[parameters]]
name = "kaa.age_limit"
value = 20
unit = "år"
valid_from = 2015-01-01
reference = "sfs-2010-800-29-9"

[references.sfs-2010-800-29-9]
citation = "Skollagen (SFS 2010:800) 29 kap. 9 §"
url = "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/skollag-2010800_sfs-2010-800/"
explanation_sv = "Hemkommunens aktivitetsansvar för ungdomar under 20 år"
explanation_en = "The home municipality's activity responsibility for young people under 20"
```
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from dua import _html
from dua.errors import RuleNotInForce
from dua.i18n import get_language

__all__ = [
    "Criterion",
    "Decision",
    "LawVersion",
    "Parameter",
    "Reference",
    "all_references",
    "parameter",
    "parameters",
    "reference",
    "version_in_force",
    "versions",
]


@attrs.frozen(kw_only=True)
class Reference:
    """A source a rule rests on: a statute with chapter and section, an official page or a
    seed, with a short explanation in Swedish and English.

    `unconfirmed` says, in the data itself, what of the citation (an SFS number, a date)
    could not be confirmed from a stored source; `None` when everything it states was.
    """

    id: str
    citation: str
    explanation_sv: str
    explanation_en: str
    url: str | None = None
    unconfirmed: str | None = None

    def explanation(self, lang: str | None = None) -> str:
        """The explanation in `lang` (`"sv"` or `"en"`)."""
        lang = get_language(lang)
        return self.explanation_en if lang == "en" else self.explanation_sv

    def __str__(self) -> str:
        return self.citation


@attrs.frozen(kw_only=True)
class LawVersion:
    """A version of a rule: what changed, when it was in force, and on what authority."""

    rule: str
    id: str
    in_force_from: date
    description_sv: str
    description_en: str
    in_force_to: date | None = None
    references: tuple[Reference, ...] = ()

    def in_force_on(self, on: date) -> bool:
        """Whether this version applies on `on`."""
        return self.in_force_from <= on and (self.in_force_to is None or on <= self.in_force_to)

    def description(self, lang: str | None = None) -> str:
        """What this version says, in `lang`."""
        lang = get_language(lang)
        return self.description_en if lang == "en" else self.description_sv


@attrs.frozen(kw_only=True)
class Parameter:
    """A legal number with its validity interval and source (e.g. the KAA age limit 20).
    A date is stored as its ISO text (e.g. `"2020-09-20"`)."""

    name: str
    value: int | Decimal | str | bool
    valid_from: date
    reference: Reference
    unit: str | None = None
    valid_to: date | None = None

    def valid_on(self, on: date) -> bool:
        """Whether this value is the one in force on `on`."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@attrs.frozen(kw_only=True)
class Criterion:
    """One criterion of a rule, evaluated: its name, outcome and explanation.

    `holds` is `True` or `False`; `None` means the criterion was not applicable or could not
    be evaluated from the data (the explanation says which).
    """

    name: str
    holds: bool | None
    explanation_sv: str
    explanation_en: str
    reference: Reference | None = None

    def explanation(self, lang: str | None = None) -> str:
        """The explanation in `lang` (`"sv"` or `"en"`)."""
        lang = get_language(lang)
        return self.explanation_en if lang == "en" else self.explanation_sv


@attrs.frozen(kw_only=True)
class Decision:
    """The answer of a rule for one subject on one date, with its reasons.

    Truthy exactly when the rule holds. `value` carries a computed result where the rule
    has one (e.g. the date someone enters UGA). `subject` is a pseudonymous key, never a
    personal identity number.
    """

    rule: str
    holds: bool
    on: date
    version: LawVersion
    criteria: tuple[Criterion, ...] = ()
    subject: str | None = None
    value: Any = None

    def __bool__(self) -> bool:
        return self.holds

    @property
    def references(self) -> tuple[Reference, ...]:
        """Every reference the decision rests on: the version's, then each criterion's."""
        seen: dict[str, Reference] = {}
        for ref in (*self.version.references, *(c.reference for c in self.criteria if c.reference)):
            seen.setdefault(ref.id, ref)
        return tuple(seen.values())

    @property
    def failed(self) -> tuple[Criterion, ...]:
        """The criteria that do not hold."""
        return tuple(c for c in self.criteria if c.holds is False)

    def explain(self, lang: str | None = None) -> str:
        """A readable explanation: the outcome, the version applied and each criterion."""
        lang = get_language(lang)
        yes, no = ("gäller", "gäller inte") if lang != "en" else ("holds", "does not hold")
        mark = {True: "✓", False: "✗", None: "–"}
        lines = [
            f"{self.rule} {yes if self.holds else no} ({self.on.isoformat()})",
            f"  {self.version.id}: {self.version.description(lang)}",
        ]
        for criterion in self.criteria:
            source = f" [{criterion.reference.citation}]" if criterion.reference else ""
            lines.append(f"  {mark[criterion.holds]} {criterion.explanation(lang)}{source}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        # The generated repr spells out the law version, its references and every criterion;
        # keep it to the outcome. The subject (a pseudonymous key) is left out on purpose.
        failed = ", ".join(c.name for c in self.failed)
        return (
            f"Decision(rule={self.rule!r}, holds={self.holds}, on={self.on.isoformat()!r}, "
            f"version={self.version.id!r}, criteria={len(self.criteria)}, failed=[{failed}])"
        )

    def _repr_html_(self) -> str:
        """The decision for notebooks: outcome, date, law version and a table of the
        criteria with their explanations and sources (Swedish, as `explain()`)."""
        english = get_language() == "en"
        outcome = (
            ("holds" if self.holds else "does not hold")
            if english
            else ("gäller" if self.holds else "gäller inte")
        )
        version = f"{self.version.id}: {self.version.description()}"
        value = self.value
        if isinstance(value, date):
            value = value.isoformat()
        summary = _html.facts(
            f"{self.rule}: {outcome} ({self.on.isoformat()})",
            [
                (("Regel", "Rule"), self.rule),
                (("Utfall", "Outcome"), outcome),
                (("Datum", "Date"), self.on.isoformat()),
                (("Lagversion", "Law version"), version),
                (("Värde", "Value"), value),
                (("Källor", "Sources"), "; ".join(r.citation for r in self.references) or None),
            ],
        )
        criteria = _html.table(
            ("Kriterier", "Criteria"),
            [("Kriterium", "Criterion"), ("Uppfyllt", "Holds"), ("Förklaring", "Explanation"),
             ("Källa", "Source")],
            [(c.name, c.holds, c.explanation_en if english else c.explanation_sv,
              None if c.reference is None else c.reference.citation)
             for c in self.criteria],
        )  # fmt: skip
        return _html.block(summary, criteria)


def _decision_maker() -> Callable[
    [str, bool, date, LawVersion, tuple[Criterion, ...], str | None, Any], Decision
]:
    """A positional constructor of [`Decision`][dua.rules.Decision] for hot loops.

    The explained path of a register builds one decision per person (issue 10, item 3);
    the generated keyword `__init__` of a frozen class sets each field through
    `object.__setattr__` looked up by name. This one fills the same slots through their
    descriptors, which is about half the cost, and yields an object equal in every field,
    repr and hash. It is only valid while `Decision` has no validators, converters,
    defaults that need computing or `__attrs_post_init__`: checked here when the module
    loads, and in `tests/rules/test_decision_maker.py`.
    """
    fields = attrs.fields(Decision)
    names = tuple(f.name for f in fields)
    expected = ("rule", "holds", "on", "version", "criteria", "subject", "value")
    if (
        names != expected
        or any(f.validator is not None or f.converter is not None for f in fields)
        or hasattr(Decision, "__attrs_post_init__")
    ):
        raise TypeError(f"Decision changed ({names}): update _decision_maker")
    new = object.__new__
    rule_, holds_, on_, version_, criteria_, subject_, value_ = (
        Decision.__dict__[name].__set__ for name in names
    )

    def make(
        rule: str,
        holds: bool,
        on: date,
        version: LawVersion,
        criteria: tuple[Criterion, ...],
        subject: str | None,
        value: Any,
    ) -> Decision:
        decision = new(Decision)
        rule_(decision, rule)
        holds_(decision, holds)
        on_(decision, on)
        version_(decision, version)
        criteria_(decision, criteria)
        subject_(decision, subject)
        value_(decision, value)
        return decision

    return make


new_decision = _decision_maker()
"""`Decision(rule=…, holds=…, on=…, version=…, criteria=…, subject=…, value=…)` with its
arguments in that order and at about half the cost, for rules that decide for every person
of a register (see `_decision_maker`)."""


def _coerce(value: Any) -> int | Decimal | str | bool:
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool | int | str):
        return value
    raise TypeError(f"unsupported parameter value {value!r}")


@functools.cache
def _load() -> tuple[dict[str, Reference], tuple[LawVersion, ...], tuple[Parameter, ...]]:
    references: dict[str, Reference] = {}
    raw_versions: list[dict[str, Any]] = []
    raw_parameters: list[dict[str, Any]] = []
    folder = resources.files("dua").joinpath("data/parameters")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        for ref_id, ref in data.get("references", {}).items():
            if ref_id in references:
                raise ValueError(f"{entry.name}: reference {ref_id!r} is defined twice")
            references[ref_id] = Reference(id=ref_id, **ref)
        raw_versions.extend(data.get("versions", []))
        raw_parameters.extend(data.get("parameters", []))
    law_versions = tuple(
        LawVersion(**{**v, "references": tuple(references[r] for r in v.get("references", []))})
        for v in raw_versions
    )
    params = tuple(
        Parameter(**{**p, "value": _coerce(p["value"]), "reference": references[p["reference"]]})
        for p in raw_parameters
    )
    return references, law_versions, params


def reference(ref_id: str) -> Reference:
    """The reference with id `ref_id` from the parameter files (`KeyError` if unknown)."""
    return _load()[0][ref_id]


def versions(rule: str) -> tuple[LawVersion, ...]:
    """All known versions of `rule`, oldest first."""
    return tuple(sorted((v for v in _load()[1] if v.rule == rule), key=lambda v: v.in_force_from))


def parameters(name: str) -> tuple[Parameter, ...]:
    """Every dated value of the parameter `name`, oldest first."""
    return tuple(sorted((p for p in _load()[2] if p.name == name), key=lambda p: p.valid_from))


def _covered(items: Sequence[LawVersion] | Sequence[Parameter]) -> tuple[date, date | None]:
    starts = [i.in_force_from if isinstance(i, LawVersion) else i.valid_from for i in items]
    ends = [i.in_force_to if isinstance(i, LawVersion) else i.valid_to for i in items]
    return min(starts), None if any(e is None for e in ends) else max(e for e in ends if e)


def version_in_force(rule: str, on: date) -> LawVersion:
    """The version of `rule` in force on `on`.

    Raises:
        RuleNotInForce: no known version covers `on`; the message names the covered range.
        KeyError: `rule` has no versions at all (a bug, not a user error).
    """
    known = versions(rule)
    if not known:
        raise KeyError(f"no versions are defined for rule {rule!r}")
    for version in known:
        if version.in_force_on(on):
            return version
    start, end = _covered(known)
    raise RuleNotInForce(rule, on, start, end)


def parameter(name: str, on: date) -> Parameter:
    """The value of the legal parameter `name` in force on `on`.

    Raises:
        RuleNotInForce: no value of `name` is valid on `on`.
        KeyError: there is no parameter called `name` (a bug, not a user error).
    """
    known = parameters(name)
    if not known:
        raise KeyError(f"no parameter is called {name!r}")
    for candidate in known:
        if candidate.valid_on(on):
            return candidate
    start, end = _covered(known)
    raise RuleNotInForce(name, on, start, end)


def all_references() -> Iterator[Reference]:
    """Every reference in the parameter files, for the docs' sources table."""
    yield from _load()[0].values()
