"""The sample's outputs are pinned: any change must come with regenerated, reviewed goldens
(`python samples/regenerate.py`)."""
from __future__ import annotations

import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "samples"))
from regenerate import CASES, GOLDEN, golden_name, produce  # noqa: E402


@pytest.mark.parametrize("sample,command,options", CASES,
                         ids=[golden_name(*case) for case in CASES])
def test_output_matches_golden(sample, command, options):
    golden = GOLDEN / golden_name(sample, command, options)
    assert golden.exists(), "run python samples/regenerate.py"
    assert produce(sample, command, options) == golden.read_text(encoding="utf-8")
