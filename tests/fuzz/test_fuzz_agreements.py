"""Fuzzing agreement files (issue 8, item 3): the five bundled examples, mutated
structurally (in their parsed form, then written as TOML and JSON) and byte-wise (in
their file text), must each load into an agreement or fail with a `dua.errors` exception,
within a second, and whatever loads must round-trip unchanged through both formats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dua
from dua.errors import DuaError
from dua.io import agreement_to_data, dumps_agreement, load_agreement, loads_agreement
from dua.model import Agreement
from tests.fuzz._support import (
    contained,
    fuzz_settings,
    json_text,
    mutated_bytes,
    mutated_trees,
    toml_text,
)

NAMES = dua.examples.names()
DATA = {name: agreement_to_data(dua.examples.load(name)) for name in NAMES}
TEXTS = {name: dua.examples.text(name) for name in NAMES}


def assert_round_trip(agreement: Agreement) -> None:
    """Whatever loads writes and reads back as the same agreement, in both formats."""
    for format in ("toml", "json"):
        text = dumps_agreement(agreement, format)
        assert loads_agreement(text, format) == agreement, format


def check_text(text: str, format: str) -> None:
    result = contained(lambda: loads_agreement(text, format), f"loading {format}")  # type: ignore[arg-type]  # format is "toml" or "json"
    if isinstance(result, Agreement):
        assert_round_trip(result)
    else:
        assert isinstance(result, DuaError)


@fuzz_settings(100)
@given(st.sampled_from(NAMES).flatmap(lambda name: mutated_trees(DATA[name])))
def test_structurally_mutated_agreements(tree: Any) -> None:
    for text, format in ((json_text(tree), "json"), (toml_text(tree), "toml")):
        if text is not None:
            check_text(text, format)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("agreements")


@fuzz_settings(100)
@given(
    st.sampled_from(NAMES),
    st.sampled_from(["toml", "json"]),
    st.data(),
)
def test_bytewise_mutated_agreement_files(folder: Path, name: str, format: str, data: Any) -> None:
    original = TEXTS[name] if format == "toml" else dumps_agreement(dua.examples.load(name), "json")
    mutated = data.draw(mutated_bytes(original.encode("utf-8")))
    path = folder / f"avtal.{format}"
    path.write_bytes(mutated)
    result = contained(lambda: load_agreement(path), f"loading {len(mutated)} bytes of {format}")
    if isinstance(result, Agreement):
        assert_round_trip(result)
