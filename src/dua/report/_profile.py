"""A municipality's graphic profile for the HTML report: its own stylesheet, logo and title.

The report stays one self-contained file: the stylesheet is inlined after `dua`'s own (so
its rules win), and the logo is embedded as a `data:` URI. Nothing may point outside the
file, so a stylesheet that imports another file or loads a resource by URL is refused, as
is one that would close the `<style>` element early.

>>> profile = GraphicProfile(title="Hällefors kommun – uppföljning",
...                          stylesheet=".dua h1 { color: #00527a; }")
>>> profile.heading("Uppföljningsrapport")
'Hällefors kommun – uppföljning'
>>> GraphicProfile(stylesheet="@import 'https://example.org/x.css';")
Traceback (most recent call last):
...
dua.errors.FileFormatError: stylesheet, rad 1: '@import' läser in en annan fil; rapporten måste vara fristående (skriv in reglerna)
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import attrs

from dua.errors import FileFormatError, os_reason
from dua.i18n import grouped, render

__all__ = ["MAX_LOGO_BYTES", "GraphicProfile", "Logo"]

MAX_LOGO_BYTES = 1_000_000
"""The largest logo embedded in a report (1 MB): a logo is a few kilobytes; more is
a photograph by mistake, and would make every report that large."""

# The image formats every browser shows in <img>, by the bytes they start with.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)

# What would make the report depend on another file, or end its <style> element early
# (the keys of the messages that say so).
_FORBIDDEN_CSS = (
    (re.compile(r"</", re.IGNORECASE), "error.profile.css_end"),
    (re.compile(r"@import", re.IGNORECASE), "error.profile.css_import"),
    (re.compile(r"url\(\s*(?![\"']?\s*data:)", re.IGNORECASE), "error.profile.css_url"),
)


def _media_type(data: bytes) -> str | None:
    for signature, media_type in _SIGNATURES:
        if data.startswith(signature):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:2048].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if head.startswith("<svg") or (head.startswith("<?xml") and "<svg" in head):
        return "image/svg+xml"
    return None


def _check_stylesheet(text: str, source: str) -> str:
    for pattern, problem in _FORBIDDEN_CSS:
        found = pattern.search(text)
        if found is not None:
            line = text.count("\n", 0, found.start()) + 1
            raise FileFormatError(
                "error.profile.css", file=source, line=line, problem=render(problem)
            )
    return text


def _read(path: Path, what: str) -> bytes:
    """The bytes of `path`; `what` is the key naming the file (`error.profile.logo`)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileFormatError("error.profile.no_file", file=str(path), what=render(what)) from None
    except IsADirectoryError:
        raise FileFormatError("error.profile.folder", file=str(path), what=render(what)) from None
    except OSError as exc:
        raise FileFormatError(
            "error.profile.cannot_read", file=str(path), what=render(what), reason=os_reason(exc)
        ) from None


@attrs.frozen(kw_only=True)
class Logo:
    """An image shown at the top of the report, embedded in it (PNG, JPEG, GIF, WebP or
    SVG, at most [`MAX_LOGO_BYTES`][dua.report.MAX_LOGO_BYTES]). `text` is its text
    alternative for screen readers (default: the profile's title)."""

    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")
    media_type: str
    text: str | None = None

    @classmethod
    def from_bytes(cls, data: bytes, *, source: str = "logo", text: str | None = None) -> Logo:
        """A logo from the image's bytes; `source` names them in an error message.

        Raises:
            FileFormatError: empty, larger than `MAX_LOGO_BYTES`, or not an image format a
                browser shows.
        """
        if not data:
            raise FileFormatError("error.profile.logo_empty", file=source)
        if len(data) > MAX_LOGO_BYTES:
            raise FileFormatError(
                "error.profile.logo_large",
                file=source,
                size=grouped(len(data)),
                limit=grouped(MAX_LOGO_BYTES),
            )
        media_type = _media_type(data)
        if media_type is None:
            raise FileFormatError("error.profile.logo_format", file=source)
        return cls(data=data, media_type=media_type, text=text)

    @classmethod
    def from_file(cls, path: Path | str, *, text: str | None = None) -> Logo:
        """The logo in the image file `path` (see `from_bytes`)."""
        path = Path(path)
        return cls.from_bytes(_read(path, "error.profile.logo"), source=str(path), text=text)

    @property
    def data_uri(self) -> str:
        """The image as a `data:` URI, for `<img src>`."""
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"


def _stylesheet(value: str | None) -> str | None:
    return None if value is None else _check_stylesheet(value, "stylesheet")


@attrs.frozen(kw_only=True)
class GraphicProfile:
    """A municipality's look for the HTML report: `stylesheet` (CSS text, inlined after
    `dua`'s own stylesheet, so its rules win), `logo` (shown above the heading) and `title`
    (replaces the heading's first words, "Uppföljningsrapport" / "Follow-up report").

    Pass it to [`render_html`][dua.report.render_html] or [`render`][dua.report.render]
    (`dua report --stylesheet FILE --logo FILE --title TEXT`). Every field is optional;
    `GraphicProfile()` is `dua`'s own look.

    Raises:
        FileFormatError: the stylesheet would load another file (`@import`, `url(...)`
            other than a `data:` URI) or close the `<style>` element (`</`).
    """

    stylesheet: str | None = attrs.field(
        default=None,
        converter=_stylesheet,
        repr=lambda css: "None" if css is None else f"<{len(css)} characters>",
    )
    logo: Logo | None = None
    title: str | None = None

    @classmethod
    def from_files(
        cls,
        *,
        stylesheet: Path | str | None = None,
        logo: Path | str | None = None,
        title: str | None = None,
    ) -> GraphicProfile:
        """A profile from a CSS file and an image file (what the `dua report` options read).

        Raises:
            FileFormatError: a file that is missing, unreadable, not UTF-8 text (the
                stylesheet), not an image (the logo), or a stylesheet that points outside
                the report; the message names the file.
        """
        css = None
        if stylesheet is not None:
            path = Path(stylesheet)
            try:
                css = _read(path, "error.profile.stylesheet").decode("utf-8-sig")
            except UnicodeDecodeError:
                raise FileFormatError("error.profile.stylesheet_utf8", file=str(path)) from None
            css = _check_stylesheet(css, str(path))
        return cls(
            stylesheet=css,
            logo=None if logo is None else Logo.from_file(logo),
            title=title,
        )

    def heading(self, default: str) -> str:
        """The report's heading words: the profile's `title`, else `default`."""
        return default if self.title is None else self.title

    def logo_text(self, default: str) -> str:
        """The logo's text alternative: its own, the title, else `default` (the word
        "Logotyp" / "Logo" in the report's language)."""
        if self.logo is not None and self.logo.text is not None:
            return self.logo.text
        return default if self.title is None else self.title
