"""The `copydesk` command: argument parsing and the Unix contract shared by every subcommand.

Data goes to stdout, messages to stderr.  Exit status: 0 on success (also when nothing was
found), 2 on any error, 1 only with --fail-empty when no record was produced.
"""
from __future__ import annotations

import gc
import inspect
import os
import sys
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Callable, Optional

import typer


from .inputs import InputError

app = typer.Typer(
    name="copydesk",
    help="Split pasted news streams into articles and extract entities, claims, figures, "
         "medal tables and stories.  Writes JSON Lines when piped, a table on a terminal.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class UsageError(Exception):
    """A mistake in how copydesk was called: one line on stderr, exit status 2."""


class OutputError(Exception):
    """Records could not be written (disk full, closed descriptor): one line, exit status 2."""


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Errors(str, Enum):
    strict = "strict"
    replace = "replace"
    ignore = "ignore"


@dataclass
class Common:
    """Options every subcommand takes: inputs, decoding, output and exit behaviour."""

    paths: list[str]
    files_from: Optional[str]
    null: bool
    encoding: Optional[str]
    errors: Errors
    format: Optional[Format]
    output: Optional[str]
    color: Color
    quiet: bool
    fail_empty: bool
    jobs: Optional[int]
    debug: bool


def _common_parameters() -> list[inspect.Parameter]:
    """The shared options as signature parameters, so Typer shows them on every subcommand."""
    kw = inspect.Parameter.KEYWORD_ONLY
    opts = [
        ("paths", Annotated[Optional[list[str]], typer.Argument(metavar="PATHS",
            help="Files or folders to read ('-' for stdin; folders are walked, .gz is read). "
                 "With no paths, read stdin when it is a pipe or a file.", show_default=False)], None),
        ("files_from", Annotated[Optional[str], typer.Option(
            "--files-from", metavar="FILE", help="Read input paths from FILE, one a line ('-' for stdin).")], None),
        ("null", Annotated[bool, typer.Option(
            "-0", "--null", help="Paths in --files-from are separated by NUL bytes.")], False),
        ("encoding", Annotated[Optional[str], typer.Option(
            "--encoding", metavar="NAME", help="Decode input as NAME instead of UTF-8 (BOMs are detected).")], None),
        ("errors", Annotated[Errors, typer.Option(
            "--errors", help="What to do with bytes that do not decode.")], Errors.strict),
        ("format", Annotated[Optional[Format], typer.Option(
            "-f", "--format", help="Output format. Default: table on a terminal, else jsonl "
                                   "(COPYDESK_FORMAT overrides).", show_default=False)], None),
        ("output", Annotated[Optional[str], typer.Option(
            "-o", "--output", metavar="FILE", help="Write to FILE atomically instead of stdout.")], None),
        ("color", Annotated[Color, typer.Option(
            "--color", help="Colour in tables (NO_COLOR and FORCE_COLOR are honoured).")], Color.auto),
        ("quiet", Annotated[bool, typer.Option("-q", "--quiet", help="No warnings or progress on stderr.")], False),
        ("fail_empty", Annotated[bool, typer.Option(
            "--fail-empty", help="Exit with status 1 when no record was produced.")], False),
        ("jobs", Annotated[Optional[int], typer.Option(
            "-j", "--jobs", min=1, help="Worker processes for many inputs (default: usable CPUs).",
            show_default=False)], None),
        ("debug", Annotated[bool, typer.Option("--debug", help="Show a traceback on unexpected errors.")], False),
    ]
    return [inspect.Parameter(name, kw, default=default, annotation=ann) for name, ann, default in opts]


_COMMON_NAMES = [p.name for p in _common_parameters()]


def command(name: str, help: str):
    """Register a subcommand whose function takes `Common` first, then its own options."""

    def register(func: Callable) -> Callable:
        own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
               for p in list(inspect.signature(func, eval_str=True).parameters.values())[1:]]

        def wrapper(**kwargs):
            common = Common(**{k: kwargs.pop(k) for k in _COMMON_NAMES})
            common.paths = common.paths or []
            _guarded(common, lambda: func(common, **kwargs))

        wrapper.__signature__ = inspect.Signature([*_common_parameters(), *own])
        wrapper.__name__ = func.__name__
        wrapper.__doc__ = func.__doc__
        return app.command(name, help=help)(wrapper)

    return register


def _guarded(common: Common, body: Callable[[], int]) -> None:
    """Map outcomes to exit codes: user errors print one line, a closed pipe is quiet."""
    try:
        code = body()
    except (UsageError, InputError) as e:
        _message(f"copydesk: {e}")
        code = 2
    except BrokenPipeError:
        _silence_stdout()
        code = 0
    except OutputError as e:
        _message(f"copydesk: {e}")
        _silence_stdout()  # the interpreter's final flush would fail the same way
        code = 2
    except KeyboardInterrupt:
        code = 130
    except Exception as e:  # an unexpected failure is ours, not the user's
        if common.debug:
            raise
        _message(f"copydesk: internal error: {type(e).__name__}: {e} (run with --debug for a traceback)")
        code = 2
    raise typer.Exit(code)


def _message(text: str) -> None:
    try:
        print(text, file=sys.stderr, flush=True)
    except (BrokenPipeError, OSError):
        pass


def _silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _version(value: bool) -> None:
    if value:
        import platform

        import regex

        from extractors import __version__

        print(f"copydesk {__version__} (Python {platform.python_version()}, regex {regex.__version__})")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print copydesk, Python and regex versions.")] = False,
) -> None:
    """copydesk: news text in, records out."""


# A batch run builds hundreds of thousands of small records that live until they are written:
# the collector's default young-generation threshold (700) walks them again and again.
GC_THRESHOLDS = (100_000, 50, 100)


def run() -> None:
    """Console-script entry point."""
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    finally:
        # The collector's passes at interpreter exit would walk everything the run kept
        # (the name and layout caches, the gazetteer's loaded parts): 1% of the
        # instructions of `entities` on 2 MB.  Frozen, it is freed by reference counts alone.
        gc.freeze()


from . import commands  # noqa: E402,F401  (registers the subcommands on `app`)
