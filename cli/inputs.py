"""Turn command-line inputs into sources: paths, folders, `-`, --files-from, .gz, piped stdin.

A source yields its text lines lazily (decoded in chunks), so a large file or pipe is never
held whole in memory by the reader itself.  Input that is copydesk `split` JSONL is
recognised, so a pipeline keeps the original source names, article and line numbers.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

CHUNK = 1 << 20
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(Exception):
    """A problem with one input that the user can fix: reported in one line, exit status 2."""


@dataclass(frozen=True)
class Source:
    """One input as named on the command line (`-` for stdin)."""

    name: str
    path: str | None  # None for stdin

    def open_binary(self) -> IO[bytes]:
        if self.path is None:
            return sys.stdin.buffer
        try:
            fh = open(self.path, "rb")
        except FileNotFoundError:
            raise InputError(f"{self.name}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{self.name}: is a directory") from None
        except OSError as e:
            raise InputError(f"{self.name}: cannot read: {e.strerror or e}") from None
        if self.path.endswith(".gz"):
            return gzip.open(fh, "rb")  # type: ignore[return-value]
        return fh


def stdin_is_readable() -> bool:
    """Read stdin only when something is piped or redirected from a file; a terminal or
    /dev/null (as under cron) means the user gave no input.  A stdin replaced in-process
    (no file descriptor, as under a test runner) counts as piped."""
    if sys.stdin is None:
        return False
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except io.UnsupportedOperation:
        return True
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def _walk(folder: Path) -> Iterator[Path]:
    """Files below a folder, sorted, skipping dot-files and dot-folders."""
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def _read_path_list(name: str, nul: bool) -> list[str]:
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as e:
        raise InputError(f"--files-from {name}: cannot read: {e.strerror or e}") from None
    text = data.decode("utf-8", errors="surrogateescape")
    parts = text.split("\0") if nul else text.splitlines()
    return [p for p in parts if p.strip()]


def resolve_sources(paths: list[str], files_from: str | None = None,
                    nul: bool = False) -> Iterator[Source | InputError]:
    """Sources in command-line order; folders expand to their files.  An unusable path is
    yielded as an InputError so that the other inputs still run."""
    names = list(paths)
    if files_from is not None:
        names.extend(_read_path_list(files_from, nul))
    for name in names:
        if name == "-":
            yield Source("-", None)
            continue
        p = Path(name)
        if p.is_dir():
            for f in _walk(p):
                yield Source(str(f), str(f))
        elif p.exists():
            yield Source(name, name)
        else:
            yield InputError(f"{name}: no such file or directory")


def _detect_encoding(head: bytes, requested: str | None) -> str:
    """A byte-order mark wins over the UTF-8 default but not over --encoding; the chosen
    codecs consume the mark themselves."""
    if requested:
        return requested
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    return "utf-8"


def iter_lines(source: Source, encoding: str | None = None, errors: str = "strict") -> Iterator[str]:
    """Decoded lines of a source, split on LF, CRLF or a lone CR; no line ends kept.

    Raises InputError for undecodable bytes (naming the byte offset) and for NUL bytes in
    a text encoding that never contains them."""
    try:
        codecs.lookup(encoding or "utf-8")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    fh = source.open_binary()
    try:
        yield from _decode_lines(fh, source.name, encoding, errors)
    except OSError as e:
        raise InputError(f"{source.name}: read error: {e.strerror or e}") from None
    except EOFError:
        raise InputError(f"{source.name}: truncated compressed file") from None
    finally:
        if source.path is not None:
            fh.close()


def _decode_lines(fh: IO[bytes], name: str, encoding: str | None, errors: str) -> Iterator[str]:
    first = fh.read(CHUNK)
    enc = _detect_encoding(first, encoding)
    wide = codecs.lookup(enc).name.startswith(("utf-16", "utf-32"))
    decoder = codecs.getincrementaldecoder(enc)(errors)
    consumed = 0
    pending = ""
    chunk = first
    while True:
        final = not chunk
        if chunk and not wide and b"\0" in chunk:
            raise InputError(f"{name}: contains NUL bytes (binary file?); skipped")
        buffered = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as e:
            offset = consumed - buffered + e.start
            raise InputError(
                f"{name}: not valid {enc} at byte {offset}; "
                "try --encoding NAME or --errors replace") from None
        consumed += len(chunk)
        if consumed == len(chunk) and text.startswith("\ufeff"):  # BOM under --encoding utf-8
            text = text[1:]
        text = pending + text
        if not final and text.endswith("\r"):
            pending, text = "\r", text[:-1]  # a CR may be the first half of CRLF
        else:
            pending = ""
        parts = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if final:
            if parts[-1] == "":
                parts.pop()
            yield from parts
            return
        pending = parts.pop() + pending
        yield from parts
        chunk = fh.read(CHUNK)


def looks_like_split_jsonl(first_line: str) -> bool:
    """True when a line is a copydesk `split` record, so the input is a pipeline's JSONL."""
    s = first_line.lstrip("\ufeff").strip()
    if not s.startswith("{"):
        return False
    try:
        rec = json.loads(s)
    except ValueError:
        return False
    return isinstance(rec, dict) and {"source", "article", "first_line", "last_line", "text"} <= rec.keys()
