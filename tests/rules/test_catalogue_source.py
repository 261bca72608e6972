"""Where a programme catalogue's error comes from (dua.rules.programmes, issue 8 item 4).

A `ValidationError` carries the file it is about in `source` so that a caller can name it;
a catalogue given as text has no file, and says so with `None` rather than an empty name
(a mutation survivor when only the messages were checked).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dua.errors import ValidationError
from dua.rules.programmes import Catalogue

UNKNOWN_KEY = "[[programme]]\ncode = 'x'\n"  # singular: not the [[programmes]] table


def test_a_catalogue_text_has_no_source() -> None:
    with pytest.raises(ValidationError) as info:
        Catalogue(programmes=()).with_toml(UNKNOWN_KEY)
    assert info.value.source is None


def test_a_catalogue_file_is_its_source(tmp_path: Path) -> None:
    path = tmp_path / "katalog.toml"
    path.write_text(UNKNOWN_KEY, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Catalogue(programmes=()).with_toml(path)
    assert info.value.source == str(path)
