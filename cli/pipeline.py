"""Run one subcommand's extractor over input units, in this process or a process pool.

A unit is one input file (or the JSONL records of one source read from stdin).  Units are
independent, so a pool can take them in any order; results come back in input order, so
`--jobs N` writes the same bytes as `--jobs 1`.
"""
from __future__ import annotations

import itertools
import json
from collections import deque
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from extractors import batch
from extractors.text import Article

from .inputs import InputError, Source, iter_lines, looks_like_split_jsonl


@dataclass(frozen=True)
class Job:
    """What to run on each unit: a subcommand name and its extractor options."""

    command: str
    options: dict = field(default_factory=dict)
    encoding: str | None = None
    errors: str = "strict"

    def run(self, articles: Iterable[Article]) -> Iterator[dict]:
        return batch.run(self.command, articles, **self.options)


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
    for rec in records:
        try:
            yield batch.article_from_record(rec)
        except ValueError as e:
            raise InputError(str(e)) from None


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
    yield from batch.articles_of_text(lines, name)


def articles_of_unit(job: Job, unit) -> Iterator[Article]:
    if isinstance(unit, RecordsUnit):
        return articles_from_records(unit.records)
    if isinstance(unit, Source):
        return articles_of_lines(unit.name, iter_lines(unit, job.encoding, job.errors))
    return articles_of_lines(unit.name, unit.lines)  # text already being read from stdin


def run_unit(job: Job, unit) -> Iterator[dict]:
    """Records of one unit, produced lazily so that `split` streams a large file."""
    return job.run(articles_of_unit(job, unit))


def run_whole(job: Job, units: Iterable) -> Iterator[tuple[Iterator[dict] | list[dict], str | None]]:
    """For whole-input commands: read the articles of every unit (reporting units that fail),
    then run the extractor once over all of them."""
    everything: list[Article] = []
    for unit in units:
        try:
            everything.extend(articles_of_unit(job, unit))
        except InputError as e:
            yield [], str(e)
    records = job.run(everything)
    del everything  # the extractor lets the articles go as it reduces them
    yield records, None


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
