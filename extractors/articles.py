"""Cut a stream of pasted news articles into articles and label every line.

(Interface skeleton: the segmentation itself is being written; for now a source is one
article with every line labelled body.)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .text import BODY, DEBRIS_KINDS, Article, Line


@dataclass
class SplitRecord:
    source: str
    article: int
    first_line: int
    last_line: int
    title: str
    text: str
    dropped: list[dict] = field(default_factory=list)
    headings: list[dict] = field(default_factory=list)


def split_stream(lines: list[str], source: str = "-") -> list[Article]:
    """Articles of a stream, every line labelled with its kind."""
    return [Article(source, 1, [Line(i, t) for i, t in enumerate(lines, 1)])] if lines else []


def to_record(article: Article) -> SplitRecord:
    body = [ln for ln in article.lines if ln.kind == BODY]
    return SplitRecord(
        source=article.source,
        article=article.number,
        first_line=article.first_line,
        last_line=article.last_line,
        title=body[0].text[:80] if body else "",
        text="\n".join(ln.text for ln in body),
        dropped=[{"line": ln.number, "kind": ln.kind, "text": ln.text}
                 for ln in article.lines if ln.kind in DEBRIS_KINDS],
        headings=[{"line": ln.number, "kind": ln.kind, "text": ln.text}
                  for ln in article.lines if ln.kind != BODY and ln.kind not in DEBRIS_KINDS],
    )


def from_record(rec: dict) -> Article:
    """Rebuild an Article from a `split` JSONL record (the inverse of `to_record`), so that
    `copydesk split | copydesk claims` keeps the original line numbers."""
    labelled = {d["line"]: Line(d["line"], d["text"], d["kind"])
                for d in [*rec.get("dropped", []), *rec.get("headings", [])]}
    body = iter(rec.get("text", "").split("\n"))
    lines = []
    for n in range(rec["first_line"], rec["last_line"] + 1):
        lines.append(labelled[n] if n in labelled else Line(n, next(body, "")))
    return Article(rec["source"], rec["article"], lines)
