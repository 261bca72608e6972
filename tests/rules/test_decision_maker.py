"""The positional constructor of decisions, `dua.rules._core._decision_maker` (issue 10
item 3; mutation testing, issue 8 item 4).

`new_decision` is made once, when `dua.rules._core` is imported, so a mutant of
`_decision_maker` is never switched on by a test that only uses `new_decision`: these tests
call `_decision_maker()` themselves. What they pin: the constructor it returns builds the
decision the keyword constructor builds, field for field; and it refuses to be made when
`Decision` no longer has exactly the fields, in that order, with no validators, converters
or `__attrs_post_init__`, which its slot-filling shortcut would skip.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from dua.rules import _core
from dua.rules._core import Criterion, Decision, LawVersion, Reference

REFERENCE = Reference(
    id="sfs-2010-800-29-9",
    citation="Skollagen (SFS 2010:800) 29 kap. 9 §",
    explanation_sv="Hemkommunens aktivitetsansvar",
    explanation_en="The home municipality's activity responsibility",
)
VERSION = LawVersion(
    rule="kaa",
    id="kaa-2018-07-01",
    in_force_from=date(2018, 7, 1),
    description_sv="Introduktionsprogram omfattas inte",
    description_en="Introduction programmes are not covered",
    references=(REFERENCE,),
)
CRITERIA = (
    Criterion(name="age", holds=True, explanation_sv="17 år", explanation_en="aged 17"),
    Criterion(name="enrolled", holds=False, explanation_sv="ej", explanation_en="not"),
)


@pytest.mark.parametrize(
    "fields",
    [
        # Every field different from its default and from the others, so that a slot
        # filled from the wrong argument, or left empty, shows.
        ("kaa", True, date(2019, 9, 15), VERSION, CRITERIA, "p-1", 3),
        ("uga_entry", False, date(2016, 1, 1), VERSION, (), None, None),
    ],
)
def test_the_positional_constructor_builds_the_keyword_constructors_decision(
    fields: tuple[Any, ...],
) -> None:
    make = _core._decision_maker()
    made = make(*fields)
    built = Decision(
        **dict(
            zip(
                ("rule", "holds", "on", "version", "criteria", "subject", "value"),
                fields,
                strict=True,
            )
        )
    )
    assert type(made) is Decision
    assert attrs.astuple(made, recurse=False) == fields
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert made.explain("en") == built.explain("en")


@attrs.frozen(kw_only=True)
class _Reordered:
    holds: bool
    rule: str
    on: date
    version: LawVersion
    criteria: tuple[Criterion, ...] = ()
    subject: str | None = None
    value: Any = None


@attrs.frozen(kw_only=True)
class _Validated:
    rule: str = attrs.field(validator=attrs.validators.instance_of(str))
    holds: bool
    on: date
    version: LawVersion
    criteria: tuple[Criterion, ...] = ()
    subject: str | None = None
    value: Any = None


@attrs.frozen(kw_only=True)
class _Converted:
    rule: str
    holds: bool = attrs.field(converter=bool)
    on: date
    version: LawVersion
    criteria: tuple[Criterion, ...] = ()
    subject: str | None = None
    value: Any = None


@attrs.frozen(kw_only=True)
class _PostInit:
    rule: str
    holds: bool
    on: date
    version: LawVersion
    criteria: tuple[Criterion, ...] = ()
    subject: str | None = None
    value: Any = None

    def __attrs_post_init__(self) -> None:
        pass


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param(_Reordered, id="fields-reordered"),
        pytest.param(_Validated, id="a-validator"),
        pytest.param(_Converted, id="a-converter"),
        pytest.param(_PostInit, id="post-init"),
    ],
)
def test_a_changed_decision_class_is_refused(
    changed: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each shortcut the positional constructor takes is wrong for such a class; the check
    # that runs when the module loads must say so instead of building broken decisions.
    monkeypatch.setattr(_core, "Decision", changed)
    with pytest.raises(TypeError, match=r"^Decision changed \(.*\): update _decision_maker$"):
        _core._decision_maker()
