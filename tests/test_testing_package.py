"""`dua.testing` is a package of one module per area of `dua.model` (issue 8, item 7);
importing any part of it without Hypothesis must still say which extra to install."""

from __future__ import annotations

import subprocess
import sys
import typing

import attrs
import pytest

import dua.model
import dua.testing

# A module that Python cannot import: `sys.modules[name] = None` makes `import name` raise
# ImportError, as when the `testing` extra is not installed.
_WITHOUT_HYPOTHESIS = "import sys; sys.modules['hypothesis'] = None; import {module}"


@pytest.mark.parametrize("module", ["dua.testing", "dua.testing.goal", "dua.testing.person"])
def test_without_hypothesis_the_error_names_the_extra(module: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", _WITHOUT_HYPOTHESIS.format(module=module)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "pip install 'dua-samverkan[testing]'" in run.stderr


def test_a_model_class_s_strategy_lives_in_the_module_named_like_the_class_s() -> None:
    # `goals()` is in dua/testing/goal.py as `Goal` is in dua/model/goal.py (and `periods()`
    # in dua/testing/_base.py as `Period` in dua/model/_base.py): a reader finds a model
    # area's strategies by the file name.
    checked: set[type] = set()
    for name in dua.testing.__all__:
        strategy = getattr(dua.testing, name)
        if not callable(strategy):
            continue
        (generated,) = typing.get_args(typing.get_type_hints(strategy)["return"])
        if not getattr(generated, "__module__", "").startswith("dua.model."):
            continue  # texts, dates, decimals, codes: building blocks in _base
        area = generated.__module__.removeprefix("dua.model.")
        assert strategy.__module__ == f"dua.testing.{area}", name
        checked.add(generated)
    model_classes = {
        cls
        for cls in map(dua.model.__dict__.get, dua.model.__all__)
        if isinstance(cls, type) and attrs.has(cls)
    }
    assert checked == model_classes  # and every model class has one
