"""Editing the law data the rules read, for tests of how they read it.

The rules read their dated parameters and law versions from the bundled parameter files
(`dua/data/parameters/*.toml`) through `dua.rules._core._load`. A test that asks what a
rule does with an edited file (a value of the wrong type, a version that lists no
reference, a parameter left out, as a municipality's edit might leave them) swaps that
table for an edited copy of the bundled one with `edit_law_data`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal

import attrs
import pytest

from dua.rules import _core


def edit_law_data(
    monkeypatch: pytest.MonkeyPatch,
    *,
    values: Mapping[str, int | Decimal | str | bool] | None = None,
    without: Collection[str] = (),
    unreferenced: Collection[str] = (),
) -> None:
    """Make the rules read the bundled law data with the parameters named in `values` given
    those values, the parameters named in `without` left out, and the versions of the
    rules named in `unreferenced` listing no reference. Undone when the test ends; a rule
    that caches what it read (e.g. `dua.rules.kaa._context`) must have its cache cleared
    by the test."""
    references, versions, parameters = _core._load()
    changes = dict(values or {})
    edited_parameters = tuple(
        attrs.evolve(p, value=changes[p.name]) if p.name in changes else p
        for p in parameters
        if p.name not in without
    )
    edited_versions = tuple(
        attrs.evolve(v, references=()) if v.rule in unreferenced else v for v in versions
    )
    monkeypatch.setattr(_core, "_load", lambda: (references, edited_versions, edited_parameters))
