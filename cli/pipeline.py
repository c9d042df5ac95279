"""Run one subcommand's extractor over input units, in this process or a process pool.

A unit is one input file (or the JSONL records of one source read from stdin).  Units are
independent, so a pool can take them in any order; results come back in input order, so
`--jobs N` writes the same bytes as `--jobs 1`.
"""
from __future__ import annotations

import dataclasses
import itertools
import json
from collections import deque
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from extractors.text import Article

from .inputs import InputError, Source, iter_lines, looks_like_split_jsonl


@dataclass(frozen=True)
class Job:
    """What to run on each unit: a subcommand name and its extractor options."""

    command: str
    options: dict = field(default_factory=dict)
    encoding: str | None = None
    errors: str = "strict"

    def run(self, articles: list[Article]) -> Iterator[dict]:
        return EXTRACTORS[self.command](articles, **self.options)


@dataclass(frozen=True)
class RecordsUnit:
    """Split records of one source, already parsed (from JSONL read on stdin)."""

    name: str
    records: tuple[dict, ...]


class PipedText:
    """Text already being read from stdin: processed in this process, never pickled."""

    def __init__(self, name: str, lines: Iterator[str]):
        self.name, self.lines = name, lines


Unit = Source | RecordsUnit | PipedText


def _asdicts(records: Iterable) -> Iterator[dict]:
    for rec in records:
        yield dataclasses.asdict(rec)


def _split(articles: Iterable[Article], lines: bool = False) -> Iterator[dict]:
    from extractors import articles as split

    for article in articles:
        if lines:
            yield from _asdicts(split.line_records(article))
        else:
            yield dataclasses.asdict(split.to_record(article))


def _entities(articles: list[Article], summary: bool = False, types: frozenset[str] = frozenset(),
              min_count: int = 1) -> Iterator[dict]:
    from extractors import entities

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


def _claims(articles: list[Article], speaker: str | None = None, kinds: frozenset[str] = frozenset(),
            polarity: str | None = None) -> Iterator[dict]:
    from extractors import claims

    wanted = speaker.casefold() if speaker else None
    for claim in claims.extract_claims(articles):
        if kinds and claim.kind not in kinds:
            continue
        if polarity and claim.polarity != polarity:
            continue
        if wanted and not any(wanted in (name or "").casefold()
                              for name in (claim.speaker, claim.speaker_resolved)):
            continue
        yield dataclasses.asdict(claim)


def _figures(articles: list[Article]) -> Iterator[dict]:
    from extractors import figures

    yield from _asdicts(figures.extract_figures(articles))


def _medals(articles: list[Article]) -> Iterator[dict]:
    from extractors import medals

    yield from _asdicts(medals.extract_medals(articles))


def _stories(articles: list[Article]) -> Iterator[dict]:
    from extractors import stories

    yield from _asdicts(stories.group_stories(articles))


# Commands that compare articles across all inputs, so they see every unit at once.
WHOLE_INPUT_COMMANDS = frozenset({"stories"})

EXTRACTORS: dict[str, Callable[..., Iterator[dict]]] = {
    "split": _split,
    "entities": _entities,
    "claims": _claims,
    "figures": _figures,
    "medals": _medals,
    "stories": _stories,
}


def group_split_records(lines: Iterable[str], first_name: str) -> Iterator[tuple[str, list[dict]]]:
    """(source, records) runs of consecutive split records that share a source."""
    current: str | None = None
    run: list[dict] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            name = rec["source"]
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{first_name}: line {number} is not a copydesk split record") from None
        if name != current and run:
            yield current, run
            run = []
        current = name
        run.append(rec)
    if run:
        yield current, run


def articles_from_records(records: Iterable[dict]) -> Iterator[Article]:
    from extractors.articles import from_record

    for rec in records:
        try:
            yield from_record(rec)
        except (KeyError, TypeError, ValueError):
            raise InputError(f"{rec.get('source', '?')}: malformed split record "
                             f"(article {rec.get('article', '?')})") from None


def articles_of_lines(name: str, lines: Iterator[str]) -> Iterator[Article]:
    """Articles of one input's lines, which are plain text or copydesk split JSONL."""
    first = next(lines, None)
    if first is None:
        return
    lines = itertools.chain([first], lines)
    if looks_like_split_jsonl(first):
        for _name, records in group_split_records(lines, name):
            yield from articles_from_records(records)
        return
    from extractors.articles import iter_articles

    yield from iter_articles(lines, name)


def articles_of_unit(job: Job, unit) -> Iterator[Article]:
    if isinstance(unit, RecordsUnit):
        return articles_from_records(unit.records)
    if isinstance(unit, Source):
        return articles_of_lines(unit.name, iter_lines(unit, job.encoding, job.errors))
    return articles_of_lines(unit.name, unit.lines)  # text already being read from stdin


def run_unit(job: Job, unit) -> Iterator[dict]:
    """Records of one unit, produced lazily so that `split` streams a large file."""
    articles = articles_of_unit(job, unit)
    if job.command == "split":  # split needs no whole-stream view: stay lazy
        return job.run(articles)
    return _run_listed(job, articles)


def _run_listed(job: Job, articles: Iterator[Article]) -> Iterator[dict]:
    yield from job.run(list(articles))


def run_whole(job: Job, units: Iterable) -> Iterator[tuple[Iterator[dict] | list[dict], str | None]]:
    """For whole-input commands: read the articles of every unit (reporting units that fail),
    then run the extractor once over all of them."""
    everything: list[Article] = []
    for unit in units:
        try:
            everything.extend(articles_of_unit(job, unit))
        except InputError as e:
            yield [], str(e)
    yield job.run(everything), None


def collect_unit(job: Job, unit: Unit) -> tuple[list[dict], str | None]:
    """Worker entry point: all records of a unit, and the error that stopped it, if any."""
    records: list[dict] = []
    try:
        for rec in run_unit(job, unit):
            records.append(rec)
    except InputError as e:
        return records, str(e)
    return records, None


def run_units(job: Job, units: Iterable[Unit], pool: Executor | None,
              window: int = 8) -> Iterator[tuple[Iterator[dict] | list[dict], str | None]]:
    """Per unit, in input order: its records and the error message that stopped it.

    Without a pool the records are a lazy iterator (errors surface while iterating); with
    one, at most `window` units are in flight so memory stays bounded on huge folders."""
    if pool is None:
        for unit in units:
            yield run_unit(job, unit), None
        return
    pending: deque = deque()
    for unit in units:
        pending.append(pool.submit(collect_unit, job, unit))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
