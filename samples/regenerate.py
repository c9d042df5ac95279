"""Rewrite the golden JSONL outputs in samples/golden/ from the current code.

    python samples/regenerate.py

Review the diff by eye (`git diff samples/golden`) before committing: tests/test_golden.py
fails on any difference, so a change here is a change of behaviour that someone approved.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOLDEN = HERE / "golden"
# (sample file, subcommand, extra options) -> samples/golden/<sample stem>.<name>.jsonl
CASES = [
    ("afghanistan-china-olympics-stream.txt", "split", []),
    ("afghanistan-china-olympics-stream.txt", "split", ["--lines"]),
    ("afghanistan-china-olympics-stream.txt", "entities", []),
    ("afghanistan-china-olympics-stream.txt", "entities", ["--summary"]),
    ("afghanistan-china-olympics-stream.txt", "claims", []),
    ("afghanistan-china-olympics-stream.txt", "figures", []),
    ("afghanistan-china-olympics-stream.txt", "medals", []),
    ("afghanistan-china-olympics-stream.txt", "stories", []),
]


def golden_name(sample: str, command: str, options: list[str]) -> str:
    suffix = "".join("-" + o.lstrip("-") for o in options)
    return f"{Path(sample).stem}.{command}{suffix}.jsonl"


def produce(sample: str, command: str, options: list[str]) -> str:
    """The records as the CLI writes them, with the sample named relative to the repo."""
    args = [sys.executable, "-m", "cli", command, f"samples/{sample}", "-f", "jsonl", *options]
    proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True, check=True)
    return proc.stdout


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for sample, command, options in CASES:
        path = GOLDEN / golden_name(sample, command, options)
        path.write_text(produce(sample, command, options), encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
