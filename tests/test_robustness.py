"""Never crash, never hang: property tests over arbitrary and mutated text, and adversarial
inputs that would make a backtracking pattern explode."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, SAMPLE
from extractors import batch
from extractors.text import split_lines

PER_STREAM = [c for c in batch.COMMANDS if c not in batch.WHOLE_INPUT_COMMANDS]
SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").split("\n")

QUOTES = "\"'“”‘’«»"
news_chars = st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:-–£$%0123456789()|/")
                             + list(QUOTES) + ["\n", "\n", "\t", "\u00a0", "é", "ß", "😀"])
arbitrary_text = st.one_of(st.text(max_size=400), st.text(news_chars, max_size=600))


@st.composite
def mutated_paragraphs(draw) -> str:
    """A few real paragraphs from the sample, cut, glued and sprinkled with quote marks."""
    start = draw(st.integers(0, len(SAMPLE_LINES) - 1))
    lines = SAMPLE_LINES[start:start + draw(st.integers(1, 8))]
    out = []
    for line in lines:
        if line and draw(st.booleans()):
            i = draw(st.integers(0, len(line)))
            j = draw(st.integers(i, len(line)))
            line = line[:i] + draw(st.text(news_chars, max_size=5)) + line[j:]
        if draw(st.integers(0, 4)) == 0:
            line = line.upper()
        out.append(line)
    return "\n".join(out)


WORD = re.compile(r"\w+")


def is_subsequence(words: list[str], within: list[str]) -> bool:
    rest = iter(within)
    return all(any(w == x for x in rest) for w in words)


def check_offsets(command: str, records: list[dict], lines: list[str]) -> None:
    for rec in records:
        if command in ("entities", "figures"):
            assert lines[rec["line"] - 1][rec["start"]:rec["end"]] == rec["text"]
        elif command == "claims" and len(rec["lines"]) <= 1 and rec["start"] is not None:
            # A claim interrupted by its attribution ("..., a resident said, and ...") is
            # several segments: the span runs from the first to the last, in order.
            span = lines[rec["line"] - 1][rec["start"]:rec["end"]]
            assert span.startswith(rec["content"][:1]) and span.endswith(rec["content"][-1:])
            assert is_subsequence(WORD.findall(rec["content"]), WORD.findall(span))


def check_every_command(text: str) -> None:
    lines = split_lines(text)
    for command in PER_STREAM:
        records = batch.process_text(text, command, "prop.txt")
        check_offsets(command, records, lines)
    line_records = batch.process_text(text, "split", "prop.txt", lines=True)
    assert [r["text"] for r in line_records] == lines  # lossless, in order
    assert [r["line"] for r in line_records] == list(range(1, len(lines) + 1))
    batch.process_text(text, "stories", "prop.txt")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arbitrary_text)
def test_arbitrary_text_never_crashes(text):
    check_every_command(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_paragraphs())
def test_mutated_news_never_crashes(text):
    check_every_command(text)


ADVERSARIAL = {
    "capitalised words": "import itertools; t = ' '.join(itertools.islice(itertools.cycle(['Alpha', 'Beta', 'Gamma', 'Delta-Epsilon', 'Mr', 'Of']), 170000))",
    "unbalanced quotes": "t = ' '.join(['\"word' if i % 3 else '“open' for i in range(10000)])",
    "digits with commas": "t = ','.join(['123'] * 100000)",
    "5 MB single line": "t = ('The minister said that ' + 'Afghan forces captured 14 towns, ' * 4) * 40000",
    "5x10^4 sentences on a line": "t = ''.join(f'Officials said {i % 50 + 2} bodies were found in Kunduz. ' for i in range(50000))",
}


@pytest.mark.parametrize("command", batch.COMMANDS)
@pytest.mark.parametrize("case", list(ADVERSARIAL))
def test_adversarial_input_finishes(command, case):
    """Each run must finish well inside a generous bound; the benchmark reports real times."""
    code = (f"{ADVERSARIAL[case]}\nfrom extractors.batch import process_text\n"
            f"process_text(t, {command!r}, 'adversarial')")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
