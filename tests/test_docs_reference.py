"""The API reference lists every public name of the split packages (issue 8, item 7).

`dua.metrics.goals` re-exports its names from private modules (one per goal kind), so
its reference page lists the members explicitly to keep their reading order (types before
the functions that use them) rather than the order of the import statements. Such a list
must stay complete: a public name added to `__all__` but not to the list would silently
vanish from the docs. (Other pages, such as the `dua` page, list a chosen subset on
purpose and are not checked here.)
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

REFERENCE = Path(__file__).parents[1] / "docs" / "reference"

# Pages whose members list must be exactly the package's `__all__`.
COMPLETE = {"dua.metrics.goals": "metrics.md"}


def _members(page: str, module: str) -> list[str]:
    text = (REFERENCE / page).read_text(encoding="utf-8")
    block = re.search(
        rf"^::: {re.escape(module)}\n    options:\n      members:\n((?:        - \w+\n)+)",
        text,
        re.MULTILINE,
    )
    assert block is not None, f"{page}: no members list for {module}"
    return re.findall(r"- (\w+)", block[1])


@pytest.mark.parametrize(("module", "page"), sorted(COMPLETE.items()))
def test_a_members_list_is_exactly_the_public_names(module: str, page: str) -> None:
    members = _members(page, module)
    public = importlib.import_module(module).__all__
    assert len(members) == len(set(members)), f"{module}: a name is listed twice"
    assert set(members) == set(public), (
        f"{module}: missing {sorted(set(public) - set(members))}, "
        f"not public {sorted(set(members) - set(public))}"
    )
