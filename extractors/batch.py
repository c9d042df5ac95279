"""One entry point per subcommand over plain data, for the CLI and for batch engines.

`run(command, articles, **options)` yields the records of one stream as plain dicts (the
JSON contract).  `process_text` and `process_record` wrap it for a whole text or one `split`
JSONL record, so that a Dask bag (or any other engine) can map them over its partitions:
they are module-level, picklable and keep no state between calls.
"""
from __future__ import annotations

import dataclasses
import json
from functools import cache
from itertools import groupby
from operator import attrgetter
from typing import Callable, Iterable, Iterator

from .text import Article, collector_paused, split_lines

COMMANDS = ("split", "entities", "claims", "figures", "medals", "stories")
# Commands that compare articles across all inputs, so they must see every input at once.
WHOLE_INPUT_COMMANDS = frozenset({"stories"})


@cache
def _converter(cls: type) -> Callable[[object], dict]:
    """The function that turns a record of `cls` into its dict, compiled once per class as a
    dict display of attribute reads ({"source": rec.source, ...}): twice as fast as zipping
    the names with an attrgetter tuple, which shows with hundreds of thousands of mentions."""
    body = ", ".join(f"{f.name!r}: rec.{f.name}" for f in dataclasses.fields(cls))
    return eval(f"lambda rec: {{{body}}}")


def as_record(rec) -> dict:
    """A record dataclass as a JSON-ready dict.  Records hold plain values, lists and dicts
    (never other dataclasses), so a shallow copy in field order is enough; it is many times
    faster than `dataclasses.asdict`."""
    return _converter(type(rec))(rec)


def _asdicts(records: Iterable) -> Iterator[dict]:
    for rec in records:
        yield as_record(rec)


def _split(articles: Iterable[Article], lines: bool = False) -> Iterator[dict]:
    from . import articles as split

    for article in articles:  # stays lazy, so a huge stream is cut as it is read
        if lines:
            yield from _asdicts(split.line_records(article))
        else:
            yield as_record(split.to_record(article))


def _entities(articles: Iterable[Article], summary: bool = False,
              types: frozenset[str] = frozenset(), min_count: int = 1) -> Iterator[dict]:
    from . import entities

    articles = list(articles)
    with collector_paused():
        mentions = entities.extract_entities(articles)
    if types:
        mentions = [m for m in mentions if m.type in types]
    if min_count > 1:
        counts: dict = {}
        for m in mentions:
            key = (m.type, m.canonical or m.text)
            counts[key] = counts.get(key, 0) + 1
        mentions = [m for m in mentions if counts[(m.type, m.canonical or m.text)] >= min_count]
    if summary:
        yield from _asdicts(entities.summarise(mentions, articles))
    else:
        yield from _asdicts(mentions)


def _claims(articles: Iterable[Article], speaker: str | None = None,
            kinds: frozenset[str] = frozenset(), polarity: str | None = None) -> Iterator[dict]:
    from . import claims

    with collector_paused():
        found = claims.extract_claims(list(articles))
    for claim in found:
        if kinds and claim.kind not in kinds:
            continue
        if polarity and claim.polarity != polarity:
            continue
        if speaker and not any(names_match(speaker, name) for name in (claim.speaker, claim.speaker_resolved)):
            continue
        yield as_record(claim)


def names_match(wanted: str, name: str | None) -> bool:
    """Does a --speaker NAME pick out a speaker written `name`: NAME within it, whatever
    the case, or one of them the acronym of the other ("ONS" and "the Office for National
    Statistics")?"""
    if not name:
        return False
    if wanted.casefold() in name.casefold():
        return True
    wanted_acronym, name_acronym = _acronym(wanted), _acronym(name)
    return (wanted.isupper() and wanted == name_acronym) or bool(wanted_acronym) and wanted_acronym in name.split()


def _acronym(name: str) -> str:
    """The initials of the capitalised words of a name ("Office for National Statistics" ->
    "ONS"), or "" for a name of fewer than two of them."""
    initials = "".join(word[0] for word in name.split() if word[:1].isupper())
    return initials if len(initials) >= 2 else ""


def _figures(articles: Iterable[Article]) -> Iterator[dict]:
    from . import figures

    with collector_paused():
        found = figures.extract_figures(list(articles))
    yield from _asdicts(found)


def _medals(articles: Iterable[Article]) -> Iterator[dict]:
    from . import medals

    with collector_paused():
        found = medals.extract_medals(list(articles))
    yield from _asdicts(found)


def _stories(articles: Iterable[Article], statuses: frozenset[str] = frozenset()) -> Iterator[dict]:
    """Story records, each followed by its facts, written as each story is done; with
    `statuses`, only facts of those statuses and only the stories that keep one."""
    from . import stories

    records = stories.iter_stories(articles)
    del articles  # iter_stories lets each article go once it is reduced
    if not statuses:
        yield from _asdicts(records)
        return
    for _, story in groupby(records, attrgetter("story")):
        kept = [r for r in story if r.record == "story" or r.status in statuses]
        if len(kept) > 1:
            yield from _asdicts(kept)


_RUNNERS: dict[str, Callable[..., Iterator[dict]]] = {
    "split": _split,
    "entities": _entities,
    "claims": _claims,
    "figures": _figures,
    "medals": _medals,
    "stories": _stories,
}


def run(command: str, articles: Iterable[Article], **options) -> Iterator[dict]:
    """Records of `command` over the articles of one stream, as JSON-ready dicts."""
    try:
        runner = _RUNNERS[command]
    except KeyError:
        raise ValueError(f"unknown command {command!r}; choose from {', '.join(COMMANDS)}") from None
    return runner(articles, **options)


def articles_of_text(lines: Iterable[str], source: str = "-") -> Iterator[Article]:
    from .articles import iter_articles

    return iter_articles(lines, source)


def article_from_record(rec: dict) -> Article:
    """An Article from one `split` JSONL record; ValueError names a malformed record."""
    from .articles import from_record

    try:
        return from_record(rec)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ValueError(f"{rec.get('source', '?') if isinstance(rec, dict) else '?'}: "
                         f"malformed split record (article "
                         f"{rec.get('article', '?') if isinstance(rec, dict) else '?'})") from None


def process_text(text: str, command: str, source: str = "-", **options) -> list[dict]:
    """All records of one whole text (e.g. one file's contents).  The data comes first so
    that `bag.map(process_text, "claims")` reads naturally."""
    return list(run(command, articles_of_text(split_lines(text), source), **options))


def process_record(record: dict | str, command: str, **options) -> list[dict]:
    """All records of one article given as a `split` record (a dict or its JSON line)."""
    if isinstance(record, str):
        record = json.loads(record)
    return list(run(command, [article_from_record(record)], **options))


def process_file(path: str, command: str, **options) -> list[dict]:
    """All records of one UTF-8 text file, named by `path` as the CLI would name it."""
    with open(path, encoding="utf-8-sig") as fh:
        return process_text(fh.read(), command, path, **options)
