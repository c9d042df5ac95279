"""Shared fixtures: the sample stream, the shared evaluation folder, and a CLI runner."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "afghanistan-china-olympics-stream.txt"
SHARED = REPO.parent / "shared"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def shared() -> Path:
    """The read-only evaluation folder beside the repo; tests that need it skip without it."""
    if not (SHARED / "gold" / "seed").is_dir():
        pytest.skip("../shared is not beside the repo")
    return SHARED


@pytest.fixture
def invoke():
    """Run the CLI in-process and return the result; exceptions propagate (never hidden)."""
    from cli.main import app

    def run(*args: str, input: str | bytes | None = None, env: dict | None = None):
        runner = CliRunner()
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return run


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
