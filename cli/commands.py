"""The subcommands: each names its extractor options and its TTY table, then hands over to
`execute`, which owns reading, parallelism, writing and error accounting."""
from __future__ import annotations

import itertools
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Callable, Iterable, Iterator, Optional

import typer

from . import output
from .inputs import InputError, Source, iter_lines, looks_like_split_jsonl, resolve_sources, stdin_is_readable
from .main import Common, OutputError, UsageError, command
from .output import Column, TableSpec
from extractors.batch import WHOLE_INPUT_COMMANDS

from .pipeline import Job, PipedText, RecordsUnit, group_split_records, run_units

# ---------------------------------------------------------------------------------------
# the shared driver


def _sources(common: Common, command_name: str) -> tuple[list[Source], list[str]]:
    if not common.paths and common.files_from is None:
        if not stdin_is_readable():
            raise UsageError(f"no input: give FILE arguments or pipe text on stdin "
                             f"(usage: copydesk {command_name} [OPTIONS] [PATHS]...; "
                             f"see 'copydesk {command_name} --help')")
        return [Source("-", None)], []
    sources, problems = [], []
    for item in resolve_sources(common.paths, common.files_from, common.null):
        if isinstance(item, InputError):
            problems.append(str(item))
        else:
            sources.append(item)
    return sources, problems


def _jobs(common: Common, n_sources: int) -> int:
    if common.jobs is not None:
        return min(common.jobs, max(1, n_sources))
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return min(cpus, max(1, n_sources))


def _expand_stdin(job: Job, sources: list[Source], parallel: bool) -> Iterator:
    """Units in input order.  Piped split JSONL is cut into one unit per source so that a
    pool can share it out; piped text stays one in-process unit (it may be huge)."""
    for src in sources:
        if src.path is not None or not parallel:
            yield src
            continue
        lines = iter_lines(src, job.encoding, job.errors)
        first = next(lines, None)
        if first is None:
            continue
        lines = itertools.chain([first], lines)
        if looks_like_split_jsonl(first):
            for name, records in group_split_records(lines, src.name):
                yield RecordsUnit(name, tuple(records))
        else:
            yield PipedText(src.name, lines)


def _records(job: Job, units: Iterable, pool) -> Iterator[tuple[Iterable[dict], Optional[str]]]:
    from .pipeline import run_unit, run_whole

    if job.command in WHOLE_INPUT_COMMANDS:
        yield from run_whole(job, units)
        return
    batch: list = []
    for unit in units:
        if isinstance(unit, PipedText):
            yield from run_units(job, batch, pool)
            batch = []
            yield run_unit(job, unit), None
        else:
            batch.append(unit)
    yield from run_units(job, batch, pool)


def execute(common: Common, command_name: str, options: dict, table: TableSpec | None,
            transform: Callable[[Iterator[dict]], Iterable[dict]] | None = None) -> int:
    """Read every input, run the extractor, write records; return the exit status."""
    sources, problems = _sources(common, command_name)
    for p in problems:
        _warn(common, p, always=True)
    job = Job(command_name, options, common.encoding, common.errors.value)
    n_jobs = _jobs(common, len(sources))
    failures = len(problems)

    with ExitStack() as stack:
        pool = stack.enter_context(ProcessPoolExecutor(n_jobs)) if n_jobs > 1 else None
        writer_out, fmt, tty = _open_output(common, stack)
        writer = output.RecordWriter(fmt, writer_out, table, common.color.value, tty)
        progress = _progress(common, len(sources), stack)

        def stream() -> Iterator[dict]:
            nonlocal failures
            units = _expand_stdin(job, sources, pool is not None)
            for records, error in _records(job, units, pool):
                try:
                    yield from records
                except InputError as e:
                    error = str(e)
                if error:
                    failures += 1
                    _warn(common, error, always=True)
                if progress:
                    progress()

        produced = transform(stream()) if transform else stream()
        try:
            for rec in produced:
                writer.write(rec)
            writer.close()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(f"cannot write {common.output or 'standard output'}: "
                              f"{e.strerror or e}") from None
        if failures:
            raise _Failed()  # leave the ExitStack by exception: an -o target stays untouched
    return 1 if common.fail_empty and writer.count == 0 else 0


class _Failed(Exception):
    pass


def _open_output(common: Common, stack: ExitStack):
    """(stream, format, is_tty) for the records."""
    if common.output:
        handle = stack.enter_context(output.AtomicFile(common.output))
        fmt = common.format.value if common.format else _file_format(common.output)
        return handle, fmt, False
    tty = sys.stdout.isatty()
    fmt = common.format.value if common.format else output.default_format(tty)
    return sys.stdout, fmt, tty


def _file_format(path: str) -> str:
    """Format for -o FILE without -f: from the file's suffix, else JSON Lines."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return {"json": "json", "csv": "csv", "tsv": "tsv", "md": "markdown"}.get(suffix, "jsonl")


def _progress(common: Common, total: int, stack: ExitStack) -> Callable[[], None] | None:
    """A progress bar on stderr, only for a terminal and a long batch."""
    if common.quiet or total < 20 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    bar = stack.enter_context(Progress(console=Console(stderr=True), transient=True))
    task = bar.add_task("reading", total=total)
    return lambda: bar.advance(task)


def _warn(common: Common, text: str, always: bool = False) -> None:
    if always or not common.quiet:
        print(f"copydesk: {text}", file=sys.stderr, flush=True)


def _run(common: Common, name: str, options: dict, table: TableSpec | None,
         transform: Callable | None = None) -> int:
    try:
        return execute(common, name, options, table, transform)
    except _Failed:
        return 2


# ---------------------------------------------------------------------------------------
# subcommands

SPLIT_TABLE = TableSpec([Column("source", "source", 30), Column("article", "art", justify="right"),
                         Column("first_line", "from", justify="right"), Column("last_line", "to", justify="right"),
                         Column("title", "title", 60)])
LINES_TABLE = TableSpec([Column("article", "art", justify="right"), Column("line", "line", justify="right"),
                         Column("kind", "kind"), Column("text", "text", 90)])


@command("split", help="Cut a stream of pasted articles into articles and label every line "
                       "(body, headline, sub-heading, section heading, stat line, boilerplate, "
                       "related link, caption).")
def split_cmd(
    common: Common,
    lines: Annotated[bool, typer.Option("--lines", help="One record per input line with its kind.")] = False,
    to: Annotated[Optional[str], typer.Option(
        "--to", metavar="DIR", help="Write one UTF-8 file per article, NNN-slug.txt, into DIR; "
                                    "the records then name the files.")] = None,
) -> int:
    if to is not None:
        return _run(common, "split", {}, FILES_TABLE, transform=_ArticleFiles(to))
    return _run(common, "split", {"lines": lines}, LINES_TABLE if lines else SPLIT_TABLE)


class _ArticleFiles:
    """`split --to DIR`: each article becomes a file (written atomically); the records on
    stdout then say which file holds which article, so a cron job can fan out from them."""

    def __init__(self, folder: str):
        self.folder = Path(folder)

    def __call__(self, records: Iterator[dict]) -> Iterator[dict]:
        from extractors.articles import from_record, slug

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UsageError(f"--to {self.folder}: cannot create folder: {e.strerror or e}") from None
        for written, rec in enumerate(records, 1):
            path = self.folder / f"{written:03d}-{slug(rec['title'])}.txt"
            try:
                with output.AtomicFile(str(path)) as fh:
                    fh.writelines(line.text + "\n" for line in from_record(rec).content())
            except OSError as e:
                raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
            yield {"source": rec["source"], "article": rec["article"], "path": str(path),
                   "title": rec["title"]}


FILES_TABLE = TableSpec([Column("source", "source", 30), Column("article", "art", justify="right"),
                         Column("path", "file", 50), Column("title", "title", 50)])


ENTITY_TABLE = TableSpec([Column("article", "art", justify="right"), Column("line", "line", justify="right"),
                          Column("text", "text", 40), Column("type", "type"), Column("canonical", "canonical", 40)])
ENTITY_SUMMARY_TABLE = TableSpec([Column("name", "entity", 36), Column("type", "type"),
                                  Column("mentions", "mentions", justify="right"),
                                  Column("articles", "articles", 16), Column("variants", "variants", 40),
                                  Column("role", "role", 50)])


def _type_set(types: Optional[str]) -> frozenset[str]:
    from extractors.entities import NAME_TYPES, VALUE_TYPES

    known = NAME_TYPES + VALUE_TYPES
    wanted = frozenset(t.strip().upper() for t in (types or "").split(",") if t.strip())
    unknown = wanted - set(known)
    if unknown:
        raise UsageError(f"--type: unknown type(s) {', '.join(sorted(unknown))}; "
                         f"choose from {', '.join(known)}")
    return wanted


@command("entities", help="Named entities (people, organisations, places, nationalities, events, "
                          "money, dates, numbers) with OntoNotes types, merged into canonical entities.")
def entities_cmd(
    common: Common,
    summary: Annotated[bool, typer.Option("--summary", help="One row per canonical entity.")] = False,
    types: Annotated[Optional[str], typer.Option(
        "--type", metavar="TYPES", help="Only these types, comma-separated, e.g. PERSON,GPE.")] = None,
    min_count: Annotated[int, typer.Option(
        "--min-count", min=1, metavar="N", help="Only entities mentioned at least N times.")] = 1,
) -> int:
    options = {"summary": summary, "types": _type_set(types), "min_count": min_count}
    return _run(common, "entities", options, ENTITY_SUMMARY_TABLE if summary else ENTITY_TABLE)


CLAIM_TABLE = TableSpec([Column("article", "art", justify="right"), Column("line", "line", justify="right"),
                         Column("speaker", "speaker", 28), Column("speaker_resolved", "resolved", 22),
                         Column("cue", "cue", 16), Column("kind", "kind"), Column("polarity", "pol"),
                         Column("content", "content", 70)])


@command("claims", help="Who said what: direct quotes, reported speech and denials, with speaker, "
                        "cue and where the claim stands.")
def claims_cmd(
    common: Common,
    speaker: Annotated[Optional[str], typer.Option(
        "--speaker", metavar="NAME",
        help="Only claims whose speaker (as written or resolved) contains NAME or is its acronym (ONS, BBC).")] = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", metavar="KINDS", help="Only these kinds: direct, indirect, mixed (comma-separated).")] = None,
    polarity: Annotated[Optional[str], typer.Option(
        "--polarity", metavar="POLARITY", help="Only assert or deny.")] = None,
) -> int:
    kinds = frozenset(k.strip().lower() for k in (kind or "").split(",") if k.strip())
    if kinds - {"direct", "indirect", "mixed"}:
        raise UsageError("--kind takes direct, indirect or mixed")
    if polarity is not None and polarity.lower() not in ("assert", "deny"):
        raise UsageError("--polarity takes assert or deny")
    options = {"speaker": speaker, "kinds": kinds, "polarity": polarity.lower() if polarity else None}
    return _run(common, "claims", options, CLAIM_TABLE)


FIGURE_TABLE = TableSpec([Column("article", "art", justify="right"), Column("line", "line", justify="right"),
                          Column("text", "text", 30), Column("value", "value", justify="right"),
                          Column("unit", "unit"), Column("qualifier", "qualifier"), Column("counts", "counts", 20)])


@command("figures", help="Every quantity with its value, unit, qualifier and the noun it counts.")
def figures_cmd(common: Common) -> int:
    return _run(common, "figures", {}, FIGURE_TABLE)


MEDAL_COLUMNS = [Column("sport", "sport", 24), Column("funding", "funding", justify="right"),
                 Column("gold", "G", justify="right"), Column("silver", "S", justify="right"),
                 Column("bronze", "B", justify="right"), Column("medals_total", "medals", justify="right"),
                 Column("previous_funding", "previous", justify="right"),
                 Column("next_funding", "next", justify="right"),
                 Column("cost_per_medal", "cost per medal", 40)]
SORT_KEYS = ("funding", "medals", "cost")


def _medal_rows(records: list[dict]):
    from extractors.medals import MedalRow

    return [MedalRow(**r) for r in records]


def _medal_totals(rows: list[dict]) -> dict:
    from extractors.medals import totals

    return {"sport": "Total", **totals(_medal_rows(rows))}


def _medal_cell(key: str, value, rows: list[dict]) -> str:
    if value is None:
        return ""
    if key == "cost_per_medal":
        widest = max((r["cost_per_medal"] or 0 for r in rows), default=0) or value
        bar = "█" * max(1, round(20 * min(value, widest) / widest))
        return f"{value:>12,} {bar}"
    if isinstance(value, int) and key.endswith("funding"):
        return f"{value:,}"
    return output.flatten(value)


@command("medals", help="The per-sport medal and funding table: funding, medals by colour, "
                        "previous and next cycle funding, cost per medal.")
def medals_cmd(
    common: Common,
    sort: Annotated[Optional[str], typer.Option(
        "--sort", metavar="KEY", help="Sort rows by funding or medals (largest first) or cost per medal (cheapest first).")] = None,
) -> int:
    if sort is not None and sort not in SORT_KEYS:
        raise UsageError("--sort takes funding, medals or cost")
    table = TableSpec(MEDAL_COLUMNS, footer=_medal_totals, render=_medal_cell)

    def ordered(records: Iterator[dict]) -> Iterable[dict]:
        if sort is None:
            return records
        from extractors.batch import as_record
        from extractors.medals import sort_rows

        return (as_record(r) for r in sort_rows(_medal_rows(list(records)), sort))

    return _run(common, "medals", {}, table, transform=ordered)


def _story_row(rec: dict) -> dict:
    """In the table a story row is the header of its facts: its title stands as the summary."""
    if rec.get("record") == "story":
        return {**rec, "status": "STORY", "summary": rec.get("title")}
    return rec


def _story_cell(key: str, value, rows: list[dict]) -> str:
    """Story rows and fact rows share one table: a story shows its articles and title, a fact
    cites its sources as article:line (speaker)."""
    if key in ("supports", "disputes"):
        return "; ".join(f"{c['article']}:{c['line']}" + (f" ({c['speaker']})" if c.get("speaker") else "")
                         for c in value or [])
    if key == "articles":
        return ", ".join(str(a["article"]) + (f" {a['outlet']}" if a.get("outlet") else "") for a in value or [])
    return output.flatten(value)


STORY_TABLE = TableSpec([Column("story", "story", justify="right"), Column("status", "status"),
                         Column("articles", "articles", 24), Column("summary", "fact", 60),
                         Column("supports", "reported by (article:line)", 36),
                         Column("disputes", "disputed by", 30)],
                        render=_story_cell, row_map=_story_row)


@command("stories", help="Group the articles of all inputs into stories and list the facts they "
                         "corroborate, contest or report from a single source.")
def stories_cmd(
    common: Common,
    status: Annotated[Optional[str], typer.Option(
        "--status", metavar="STATUSES",
        help="Only facts of these statuses, and the stories holding them: corroborated, contested, single "
             "(comma-separated).")] = None,
) -> int:
    statuses = frozenset(s.strip().lower() for s in (status or "").split(",") if s.strip())
    if statuses - {"corroborated", "contested", "single"}:
        raise UsageError("--status takes corroborated, contested or single")
    return _run(common, "stories", {"statuses": statuses}, STORY_TABLE)
