"""Record writers shared by every subcommand: jsonl, json, csv, tsv, markdown and a TTY table.

Records arrive as plain dicts in output order and are written as they come (the table is the
one format that must see all rows before it can lay them out).  `-o FILE` is atomic.
"""
from __future__ import annotations

import csv
import io
import json
import json.encoder
import os

import tempfile
from dataclasses import dataclass
from typing import IO, Callable

FORMATS = ("table", "jsonl", "json", "csv", "tsv", "markdown")


@dataclass(frozen=True)
class Column:
    """A column of the TTY table: which record field, its header, and how wide text may get."""

    key: str
    header: str
    max_width: int | None = None
    justify: str = "left"


@dataclass
class TableSpec:
    columns: list[Column]
    title: str | None = None
    # Optional extra rows (e.g. totals) computed from all rows when the table is drawn.
    footer: Callable[[list[dict]], dict | None] | None = None
    # Optional per-cell renderer, e.g. a bar for a number: (key, value, all rows) -> str
    render: Callable[[str, object, list[dict]], str] | None = None
    # Optional reshaping of a record for display only (the data formats never see it)
    row_map: Callable[[dict], dict] | None = None


def default_format(stdout_is_tty: bool) -> str:
    env = os.environ.get("COPYDESK_FORMAT", "").strip().lower()
    if env in FORMATS:
        return env
    return "table" if stdout_is_tty else "jsonl"


def flatten(value) -> str:
    """One cell of CSV/TSV/markdown: lists of scalars joined by '; ', nested data as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return "; ".join(flatten(v) for v in value)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _tsv_cell(value) -> str:
    return (flatten(value).replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def _md_cell(value) -> str:
    return flatten(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _record_encoder() -> Callable[[dict], str]:
    """One encoder for every record.  json.dumps with any non-default option builds a new
    encoder per call, and JSONEncoder.encode still builds a C encoder object per call; made
    once here, with JSONEncoder's own settings (ensure_ascii off), it writes a short record
    (entities writes one per mention) in two thirds of the time.  Without the C accelerator
    json has no such object, and JSONEncoder.encode is used."""
    encoder = json.JSONEncoder(ensure_ascii=False)
    make = json.encoder.c_make_encoder
    if make is None:
        return encoder.encode
    chunks_of = make({}, encoder.default, json.encoder.encode_basestring, None, encoder.key_separator,
                     encoder.item_separator, encoder.sort_keys, encoder.skipkeys, encoder.allow_nan)
    return lambda rec: "".join(chunks_of(rec, 0))


_to_json = _record_encoder()


def _keyed_encoder(keys: tuple) -> Callable[[dict], str]:
    """An encoder for records with exactly these keys in this order (a stream writes many of
    one shape): the keys are escaped once into one f-string, a string value goes through
    json's own escaping function, an int is written as Python writes it (as json does), None
    as null, and any other value through `_to_json`.  It writes a mention record in two
    fifths of the time `_to_json` takes, which walks every dict anew."""
    if not keys or not all(type(k) is str for k in keys):
        return _to_json
    fields = "".join(
        f"{{h{i}}}{{text(v{i}) if v{i}.__class__ is str else v{i} if v{i}.__class__ is int "
        f"else 'null' if v{i} is None else value(v{i})}}" for i in range(len(keys)))
    namespace = {f"h{i}": ("{" if i == 0 else ", ") + json.encoder.encode_basestring(k) + ": "
                 for i, k in enumerate(keys)}
    namespace.update(text=json.encoder.encode_basestring, value=_to_json)
    values = "".join(f"v{i}, " for i in range(len(keys)))
    exec(f"def encode(rec):\n    {values}= rec.values()\n    return f\"{fields}}}}}\"", namespace)
    return namespace["encode"]


class RecordWriter:
    """Writes records to a text stream in one format.  `close()` finishes the document."""

    def __init__(self, fmt: str, out: IO[str], table: TableSpec | None = None,
                 color: str = "auto", out_is_tty: bool = False):
        self.fmt = fmt
        self.out = out
        self.table = table
        self.color = color
        self.out_is_tty = out_is_tty
        self.count = 0
        self._keys: list[str] | None = None
        self._encoders: dict[tuple, Callable[[dict], str]] = {}  # by the keys of a record
        self._rows: list[dict] = []
        self._csv = csv.writer(out, lineterminator="\n") if fmt == "csv" else None

    def write(self, rec: dict) -> None:
        self.count += 1
        fmt = self.fmt
        if fmt == "jsonl":
            self.out.write(self._json(rec) + "\n")
        elif fmt == "json":
            self.out.write(("[\n" if self.count == 1 else ",\n") + self._json(rec))
        elif fmt == "table":
            self._rows.append(rec)
        else:
            self._write_delimited(rec)

    def _json(self, rec: dict) -> str:
        keys = tuple(rec)
        encode = self._encoders.get(keys)
        if encode is None:  # a stream of several shapes (stories) switches between a few
            encode = self._encoders[keys] = _keyed_encoder(keys)
        return encode(rec)

    def _write_delimited(self, rec: dict) -> None:
        # A stream may mix record shapes (stories writes story and fact records): a new
        # shape starts a new header row, as Miller does for heterogeneous CSV.
        keys = list(rec.keys())
        if keys != self._keys:
            if self._keys is not None and self.fmt in ("markdown",):
                self.out.write("\n")
            self._keys = keys
            self._header(keys)
        values = [rec[k] for k in keys]
        if self.fmt == "csv":
            self._csv.writerow([flatten(v) for v in values])
        elif self.fmt == "tsv":
            self.out.write("\t".join(_tsv_cell(v) for v in values) + "\n")
        else:
            self.out.write("| " + " | ".join(_md_cell(v) for v in values) + " |\n")

    def _header(self, keys: list[str]) -> None:
        if self.fmt == "csv":
            self._csv.writerow(keys)
        elif self.fmt == "tsv":
            self.out.write("\t".join(keys) + "\n")
        else:
            self.out.write("| " + " | ".join(keys) + " |\n")
            self.out.write("|" + "|".join("---" for _ in keys) + "|\n")

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.fmt == "table":
            self._draw_table()
        self.out.flush()

    def _draw_table(self) -> None:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        rows = self._rows
        if not rows:
            return
        spec = self.table or TableSpec([Column(k, k) for k in rows[0].keys()])
        if spec.row_map:
            rows = [spec.row_map(r) for r in rows]
        console = Console(
            file=self.out,
            force_terminal=True if self.color == "always" else (False if self.color == "never" else None),
            no_color=True if self.color == "never" else None,
            soft_wrap=False,
            width=None if self.out_is_tty else 200,
        )
        table = Table(title=spec.title, show_lines=False, header_style="bold")
        for col in spec.columns:
            table.add_column(col.header, max_width=col.max_width, overflow="fold", justify=col.justify)

        def cells(rec: dict) -> list[Text]:
            out = []
            for col in spec.columns:
                value = rec.get(col.key)
                text = spec.render(col.key, value, rows) if spec.render else flatten(value)
                out.append(Text(text))  # Text, not markup: "[sic]" must print as written
            return out

        for rec in rows:
            table.add_row(*cells(rec))
        if spec.footer:
            total = spec.footer(rows)
            if total:
                table.add_section()
                table.add_row(*cells(total), style="bold")
        console.print(table)


class AtomicFile:
    """Write to a temporary file beside the target; on success fsync and rename over it,
    on failure remove the temporary file and leave the old target untouched."""

    def __init__(self, path: str):
        self.path = path
        self.tmp_path: str | None = None
        self.handle: io.TextIOWrapper | None = None

    def __enter__(self) -> io.TextIOWrapper:
        folder = os.path.dirname(os.path.abspath(self.path))
        fd, self.tmp_path = tempfile.mkstemp(prefix="." + os.path.basename(self.path) + ".",
                                             suffix=".tmp", dir=folder)
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        return self.handle

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.handle is not None and self.tmp_path is not None
        try:
            if exc_type is None:
                self.handle.flush()
                os.fsync(self.handle.fileno())
            self.handle.close()
            if exc_type is None:
                _copy_mode(self.path, self.tmp_path)
                os.replace(self.tmp_path, self.path)
                self.tmp_path = None
        finally:
            if self.tmp_path is not None and os.path.exists(self.tmp_path):
                os.unlink(self.tmp_path)


def _copy_mode(target: str, tmp: str) -> None:
    """Keep an existing file's permissions; a new file gets the usual umask-based mode."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


