"""README's Quick start is the contract CI runs: the test command must be the same words."""
from __future__ import annotations

import re

from conftest import REPO


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```\n(.*?)```", section, flags=re.S)]


def test_quick_start_has_exactly_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert commands[0].startswith("pip install . && copydesk ")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_commands()[1] in [line.strip() for line in ci_lines]


def test_quick_start_sample_exists():
    sample = quick_start_commands()[0].split()[-1]
    assert (REPO / sample).is_file()
