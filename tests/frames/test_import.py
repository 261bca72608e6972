"""The core stays pure Python (issue 9, part 1): `import dua` imports no frame library, and
without narwhals a frame function says exactly what to install."""

from __future__ import annotations

import subprocess
import sys
import textwrap

FRAME_LIBRARIES = ("narwhals", "pandas", "polars", "pyarrow", "duckdb", "dask", "sqlframe")


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_import_dua_loads_no_frame_library() -> None:
    result = run(
        f"""
        import sys
        import dua, dua.rules, dua.metrics, dua.io, dua.frames
        loaded = sorted(m for m in {FRAME_LIBRARIES!r} if m in sys.modules)
        print(",".join(loaded))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_without_narwhals_a_frame_function_says_what_to_install() -> None:
    result = run(
        """
        import sys
        from datetime import date

        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "narwhals" or name.startswith("narwhals."):
                    raise ImportError(f"No module named {name!r} (blocked by the test)")
                return None

        sys.meta_path.insert(0, Block())
        import dua.frames
        from dua.errors import MissingExtraError
        try:
            dua.frames.kaa_coverage(None, on=date(2020, 1, 1))
        except MissingExtraError as error:
            print(error)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("pip install 'dua-samverkan[frames]'")
    assert result.stdout.count("\n") == 1  # one line
