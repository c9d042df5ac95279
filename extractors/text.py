"""Shared text model: lines, articles and the small helpers every extractor needs.

Every extractor works on `Article` objects so that provenance (source, article number,
1-based line number, 0-based code-point offsets within a line) is carried the same way
through all subcommands.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from functools import cache

import regex

# Line kinds.  "body" is running prose; the rest are what `split` labels.
BODY = "body"
HEADLINE = "headline"
HEADING_KINDS = ("headline", "subheading", "section_heading", "stat_line")
DEBRIS_KINDS = ("boilerplate", "related_link", "caption")

_LINE_END = regex.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Split on CRLF, lone CR or LF.  A trailing line end does not make an extra empty line,
    so a file and the same file without its final newline give the same lines."""
    lines = _LINE_END.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


@dataclass(slots=True)
class Line:
    number: int  # 1-based line number within the source
    text: str
    kind: str = BODY


@dataclass
class Article:
    source: str
    number: int  # 1-based within the source
    lines: list[Line] = field(default_factory=list)

    @property
    def first_line(self) -> int:
        return self.lines[0].number if self.lines else 0

    @property
    def last_line(self) -> int:
        return self.lines[-1].number if self.lines else 0

    def body(self) -> list[Line]:
        return [ln for ln in self.lines if ln.kind == BODY]

    def content(self) -> list[Line]:
        """Body and heading lines: everything that is not debris."""
        return [ln for ln in self.lines if ln.kind not in DEBRIS_KINDS]


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Lines of a word-list file in extractors/data/, without blanks and `#` comments."""
    raw = resources.files("extractors").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def data_set(name: str, lower: bool = False) -> frozenset[str]:
    return frozenset(x.lower() if lower else x for x in data_lines(name))


# The gap between two sentences is group 1; the match starts at the stop itself, which the
# engine finds far faster than a look-behind tried at every space.
_SENTENCE_END = regex.compile(
    r"""[.!?][”"’']?+(\s++)(?=[“"‘']?+[A-Z0-9£$€])""",
)


@cache
def _abbreviation_before() -> regex.Pattern:
    """A full stop that ends an abbreviation (data/text_abbreviations.txt) or an initial."""
    words = "|".join(regex.escape(w) for w in data_lines("text_abbreviations.txt"))
    return regex.compile(rf"(?:\b(?:{words})\.|\b[A-Z]\.)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a paragraph.  A light rule: a sentence ends at
    . ! or ? (optionally followed by a closing quote) before a space and a capital.
    Abbreviations such as "Mr." and initials are not split."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end, next_start = m.span(1)
        if _abbreviation_before().search(text, max(0, end - 6), end):
            continue
        spans.append((start, end))
        start = next_start
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@contextmanager
def collector_paused():
    """The cyclic garbage collector paused while an extractor builds its records: a stream
    yields hundreds of thousands of small containers (records, rows, term sets) that form
    no cycles, and each full collection would walk all of them again (a third of the run on
    one 5 MB line).  Reference counting still frees them; nested pauses are free."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@cache
def month_names() -> frozenset[str]:
    """Month names and their usual abbreviations ("February", "Feb", "Sept"), from the
    calendar table the entity tagger reads too."""
    months = {m for m in data_set("entities_calendar.txt") if not m.endswith("day")}
    return frozenset(months | {m[:3] for m in months} | {"Sept"})
