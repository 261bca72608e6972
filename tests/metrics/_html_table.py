"""Reads the caption and rows of a `_repr_html_` table as (text, title) cells, so that tests
can compare what a notebook shows cell by cell."""

from __future__ import annotations

from html.parser import HTMLParser

Cell = tuple[str, str | None]


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.caption: list[str] = []
        self.rows: list[list[Cell]] = []
        self.aligns: list[list[str]] = []
        self._title: str | None = None
        self._text: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
            self.aligns.append([])
        elif tag in ("th", "td"):
            self._title, self._text = dict(attrs).get("title"), []
            # Right-aligned by the class `num` of dua's one stylesheet (issue 12 item 2).
            classes = (dict(attrs).get("class") or "").split()
            self.aligns[-1].append("right" if "num" in classes else "left")
        elif tag == "caption":
            self._in_caption = True
        elif tag == "br" and self._in_caption:
            self.caption.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._text is not None:
            self.rows[-1].append(("".join(self._text), self._title))
            self._text = None
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)
        elif self._in_caption:
            self.caption.append(data)


def html_table(fragment: str) -> tuple[str, list[list[Cell]]]:
    """The caption (a `<br>` as a newline) and the rows of the first table in `fragment`."""
    parser = _Rows()
    parser.feed(fragment)
    return "".join(parser.caption), parser.rows


def texts(rows: list[list[Cell]]) -> list[list[str]]:
    """The rows' texts without titles."""
    return [[text for text, _ in row] for row in rows]


def alignments(fragment: str) -> list[list[str]]:
    """Each row's cell alignments ("left" or "right"): numbers are right-aligned."""
    parser = _Rows()
    parser.feed(fragment)
    return parser.aligns
