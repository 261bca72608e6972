"""The one place in `dua` that imports narwhals.

Every module of [`dua.frames`][dua.frames] takes narwhals from here (`from
dua.frames._backend import nw`), so that a missing extra is reported in one way: importing
this module without narwhals raises [`MissingExtraError`][dua.errors.MissingExtraError]
whose message says exactly `pip install 'dua-samverkan[frames]'`.

`dua` uses narwhals' stable API (`narwhals.stable.v2`), as narwhals asks libraries to do, so
that a narwhals upgrade within the pinned range does not change behaviour.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

from dua.errors import FrameError, MissingExtraError

FRAMES_EXTRA = "pip install 'dua-samverkan[frames]'"
"""The command that installs what [`dua.frames`][dua.frames] needs (narwhals)."""


try:
    import narwhals.stable.v2 as nw
except ImportError:
    raise MissingExtraError("error.extra.frames", FRAMES_EXTRA) from None

__all__ = [
    "BACKENDS",
    "FRAMES_EXTRA",
    "AnyFrame",
    "Backend",
    "from_native",
    "is_lazy",
    "nw",
    "require",
    "to_native",
]

AnyFrame: TypeAlias = "nw.DataFrame[Any] | nw.LazyFrame[Any]"
"""A narwhals frame, eager or lazy."""

Backend = Literal["pandas", "polars", "pyarrow"]
"""The eager libraries an export can hand back (`to_native(..., backend=...)`)."""

BACKENDS: tuple[Backend, ...] = ("pandas", "polars", "pyarrow")
"""Every value of [`Backend`][dua.frames._backend.Backend]."""


def require() -> None:
    """Check that the `frames` extra is installed.

    Importing this module already did; the function exists so that callers can say so
    explicitly at the top of a public entry point.

    Raises:
        MissingExtraError: narwhals is not installed; the message says
            `pip install 'dua-samverkan[frames]'` (raised on import of this module).
    """


def from_native(frame: object, *, argument: str = "frame") -> AnyFrame:
    """`frame` (a pandas, polars, pyarrow, DuckDB, Dask or PySpark/sqlframe frame, eager or
    lazy, or a narwhals frame) as a narwhals frame of the same kind.

    Raises:
        FrameError: `frame` is not a data frame narwhals knows (a series, a list, …); the
            message names `argument`.
    """
    try:
        result: AnyFrame = nw.from_native(frame, allow_series=False)
    except TypeError:
        raise FrameError(
            argument,
            "error.frames.not_a_frame",
            kind=f"{type(frame).__module__}.{type(frame).__qualname__}",
        ) from None
    return result


def is_lazy(frame: AnyFrame) -> bool:
    """Whether `frame` is lazy (polars LazyFrame, DuckDB, Dask, PySpark/sqlframe)."""
    return isinstance(frame, nw.LazyFrame)


def to_native(frame: AnyFrame, backend: Backend | None = None) -> Any:
    """The native frame behind `frame`, or, with `backend`, an eager frame of that library.

    Without `backend` the frame goes back as the kind it came in (lazy stays lazy, nothing
    is collected). With `backend` (`"pandas"`, `"polars"` or `"pyarrow"`) a lazy frame is
    collected by that library and an eager one converted to it; this is what exports use.

    >>> import polars as pl
    >>> frame = from_native(pl.DataFrame({"a": [1, 2]}))
    >>> type(to_native(frame, backend="pyarrow")).__name__
    'Table'
    >>> type(to_native(frame)).__name__
    'DataFrame'
    """
    if backend is None:
        return nw.to_native(frame)
    if backend not in BACKENDS:
        raise FrameError(
            "backend", "error.frames.backend", backend=repr(backend), known=", ".join(BACKENDS)
        )
    if isinstance(frame, nw.LazyFrame):
        return nw.to_native(frame.collect(backend=backend))
    native = nw.to_native(frame)
    module = type(native).__module__.split(".")[0]
    if module == backend:
        return native
    if backend == "pandas":
        return frame.to_pandas()
    if backend == "polars":
        return frame.to_polars()
    return frame.to_arrow()
